"""`timeline.extract`: where an owned site is, a former chain, a street address, and who a
titled speaker speaks for.

"its first store in Mexico City" is where, as "a store in Tokyo" is: a site owned, then a
place after "in", "near", "outside" or "at". "its former Winn-Dixie sites": a name after
"former" (or "ex-", "acquired", "converted") before a site is the chain the sites were,
not where they are. "at 400 Market Street": a street after its number is an address.
A person named with a title ("Nintendo president Shuntaro Furukawa", "Shuntaro Furukawa,
Nintendo's president", "President Shuntaro Furukawa" after "Nintendo plans ...") speaks
for the organisation: it acts; the person acts only where no organisation is named.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Source
from timeline.extract import Draft, extract

PUBLISHED = "2027-05-12"


def drafts(text: str) -> list[Draft]:
    return list(extract(text, source=Source("Test", published=PUBLISHED)))


def only(text: str) -> Draft:
    (d,) = drafts(text)
    return d


OWNED_SITES = [
    ("Primark will open its first store in Mexico City in the autumn.", "Mexico City"),
    ("Primark will open its store in Tokyo in the autumn.", "Tokyo"),
    ("Primark will open a store in Tokyo in the autumn.", "Tokyo"),
    ("Zorbix will build its second plant near Dresden in 2028.", "Dresden"),
    ("Zorbix will open their new offices in Skelleftea in 2028.", "Skelleftea"),
    ("Acme will move its headquarters outside Austin by 2028.", "Austin"),
    # a stake, a share in a company: no site, and no place
    ("Alphabet will raise its stake in Waymo by 2028.", None),
]


@pytest.mark.parametrize(("text", "location"), OWNED_SITES)
def test_a_site_owned_keeps_the_place_after_it(text: str, location: str | None) -> None:
    assert only(text).location == location


FORMER = [
    ("Aldi will have all of its former Winn-Dixie sites trading by mid-2027.", None),
    ("Aldi will convert its ex-Kroger stores by mid-2027.", None),
    ("Aldi will reopen the acquired Zorbix stores by mid-2027.", None),
    # a place stays a place though former: "its former Detroit plant"
    ("Acme will sell its former Detroit plant by mid-2027.", "Detroit"),
    # an unknown name before a site, owned, is still where ("its Sherman plant")
    ("Acme will expand its Sherman plant by mid-2027.", "Sherman"),
]


@pytest.mark.parametrize(("text", "location"), FORMER)
def test_a_former_chain_before_sites_is_no_place(text: str, location: str | None) -> None:
    d = only(text)
    assert (d.actors[0], d.location) == (text.split()[0], location)


ADDRESSES = [
    ("Acme will open a store at 400 Market Street in 2028.", "Market Street"),
    ("Acme will open its store at 400 Market Street in 2028.", "Market Street"),
    ("Acme will open an office on 12 Fifth Avenue in 2028.", "Fifth Avenue"),
    ("Acme will move to 88 Harbour Road by 2028.", "Harbour Road"),
    # a model after its number stays no name: "the 737 Max"
    ("Boeing will deliver the 737 Max in 2028.", None),
]


@pytest.mark.parametrize(("text", "location"), ADDRESSES)
def test_a_street_after_its_number_is_an_address(text: str, location: str | None) -> None:
    d = only(text)
    assert (d.actors, d.location) == ((text.split()[0],), location)


SPEAKERS = [
    (
        "Nintendo president Shuntaro Furukawa said the next Zelda game will ship in 2028.",
        "Nintendo",
    ),
    (
        "The next Zelda game will ship in 2028, said Shuntaro Furukawa, Nintendo's president.",
        "Nintendo",
    ),
    (
        "The next Zelda game will ship in 2028, said Shuntaro Furukawa, president of Nintendo.",
        "Nintendo",
    ),
    ("Zorbix chief executive Maria Lopez said the plant will open in 2028.", "Zorbix"),
    # "<title> of <organisation> <person>": the person is the run's last two words
    ("President of Zorbix Maria Lopez said the plant will open in 2028.", "Zorbix"),
    (
        "Chief Executive of Bank of America Brian Moynihan said the bank will open 150 "
        "branches by 2028.",
        "Bank of America",
    ),
]


@pytest.mark.parametrize(("text", "org"), SPEAKERS)
def test_a_titled_speaker_gives_the_organisation_named_with_the_title(text: str, org: str) -> None:
    assert only(text).actors == (org,)


def test_a_company_title_alone_speaks_for_the_organisation_named_before() -> None:
    text = (
        "Nintendo plans to ship 20 million Switch 2 consoles by March 2028, and Chief "
        "Executive Shuntaro Furukawa said the next Zelda game will ship in 2028."
    )
    assert [d.actors for d in drafts(text)] == [("Nintendo",), ("Nintendo",)]


TIED_ELSEWHERE = [
    # the text ties the person to the company in another sentence: the bare title is that one
    (
        "Acme President Maria Lopez said the plant will open in 2027. President Maria Lopez "
        "added that a second plant will open in 2028.",
        "Acme",
    ),
    (
        "Maria Lopez, Acme's president, said the plant will open in 2027. Later, President "
        "Maria Lopez said a second plant will open in 2028.",
        "Acme",
    ),
    (
        "The plant will open in 2027, said Maria Lopez, chairman of Zorbix. Chairman Maria "
        "Lopez said a second plant will open in 2028.",
        "Zorbix",
    ),
    (
        "President of Acme Maria Lopez said the plant will open in 2027. Later, President "
        "Maria Lopez said a second plant will open in 2028.",
        "Acme",
    ),
    # what only a company's officer does ties the title to the company named before
    (
        "Acme will open a plant in 2027, and chairman Maria Lopez told shareholders that a "
        "second plant will open in 2028.",
        "Acme",
    ),
    (
        "Acme will open a plant in 2027, and President Maria Lopez said on an earnings call "
        "that a second plant will open in 2028.",
        "Acme",
    ),
]


@pytest.mark.parametrize(("text", "org"), TIED_ELSEWHERE)
def test_a_shared_title_speaks_for_the_company_the_text_ties_it_to(text: str, org: str) -> None:
    assert [d.actors for d in drafts(text)] == [(org,), (org,)]


KEPT_PEOPLE = [
    # no organisation named anywhere
    "Chief executive Maria Lopez said the next game will ship in 2028.",
    # an office of state, not a company's title
    "Acme makes chips. Governor Maria Lopez said the plant will open in 2028.",
    # "President" or "Chairman" alone is a head of state as often as a company's: without
    # the company in the same sentence, the person acts (was: the company named before)
    "Acme will open a plant in 2027. President Maria Lopez said tariffs will start in 2028.",
    "Acme makes chips. Chairman Maria Lopez said the new rules will apply from 2028.",
    # ... nor with the company before in the same sentence: the text does not tie them
    "Acme said the plant will open in 2027, and President Maria Lopez added that tariffs "
    "will start in 2028.",
    "Nintendo plans to ship 20 million consoles by March 2028, and President Maria Lopez "
    "said the next game will ship in 2028.",
    "Acme will open a plant in 2027, and Chairwoman Maria Lopez said the new rules will "
    "apply from 2028.",
    # speaking to reporters is no company's: no tie
    "Acme will open a plant in 2027, and President Maria Lopez told reporters that tariffs "
    "will start in 2028.",
]


@pytest.mark.parametrize("text", KEPT_PEOPLE)
def test_a_titled_person_acts_where_no_organisation_is_named(text: str) -> None:
    assert drafts(text)[-1].actors == ("Maria Lopez",)


DEPARTMENTS = [
    # "<title> of <a department> <person>": the department is part of the title, not an
    # organisation (was: the actor or speaker "Sales", "Operations", "Investor Relations")
    ("Head of Sales Maria Lopez said the plant will open in 2027.", ("Maria Lopez",), None),
    ("Director of Operations Jane Doe said the line will restart in 2027.", ("Jane Doe",), None),
    (
        "Vice President of Engineering Jane Doe said the line will restart in 2027.",
        ("Jane Doe",),
        None,
    ),
    (
        "Head of Investor Relations Jane Doe said the line will restart in 2027.",
        ("Jane Doe",),
        None,
    ),
    # after the company's statement, the speaker is the person, as with "CEO Maria Lopez"
    ("Acme will open a plant in 2027, Head of Sales Maria Lopez said.", ("Acme",), "Maria Lopez"),
    # an organisation after the title stays one
    ("President of Acme Maria Lopez said the plant will open in 2027.", ("Acme",), None),
]


@pytest.mark.parametrize(("text", "actors", "said_by"), DEPARTMENTS)
def test_a_department_after_a_title_is_no_organisation(
    text: str, actors: tuple[str, ...], said_by: str | None
) -> None:
    d = only(text)
    assert (d.actors, d.said_by) == (actors, said_by)


_ORGS = ["Nintendo", "Zorbix", "Acme", "Kestrel"]
_PEOPLE = ["Maria Lopez", "Shuntaro Furukawa", "Jane Doe"]
_TITLES = ["president", "chief executive", "CEO", "chairman"]


@settings(max_examples=30, deadline=None)
@given(
    org=st.sampled_from(_ORGS),
    person=st.sampled_from(_PEOPLE),
    title=st.sampled_from(_TITLES),
    form=st.integers(0, 2),
)
def test_a_titled_speaker_never_acts_beside_the_organisation(
    org: str, person: str, title: str, form: int
) -> None:
    """Whichever way the title is said, the organisation acts and the person does not."""
    said = [
        f"{org} {title} {person} said the next game will ship in 2028.",
        f"The next game will ship in 2028, said {person}, {org}'s {title}.",
        f"The next game will ship in 2028, said {person}, {title} of {org}.",
    ][form]
    assert only(said).actors == (org,)


@settings(max_examples=30, deadline=None)
@given(
    org=st.sampled_from(_ORGS),
    person=st.sampled_from(_PEOPLE),
    title=st.sampled_from(["President", "Chairman", "Chairwoman", "Chief Executive", "CEO"]),
    lead=st.sampled_from(
        [
            "{org} said the plant will open in 2027, and",
            "{org} will open a plant in 2027.",
            "{org} plans to ship 2 million consoles by 2027, and",
        ]
    ),
)
def test_a_bare_title_speaks_for_a_company_only_if_no_head_of_state_holds_it(
    org: str, person: str, title: str, lead: str
) -> None:
    """A title a head of state holds too ("President", "Chairman") is the person's own until
    the text ties it to a company; a company's title alone ("CEO") speaks for the company
    named before, in the sentence or the one before."""
    text = f"{lead.format(org=org)} {title} {person} said the next plant will open in 2028."
    shared = title in ("President", "Chairman", "Chairwoman")
    assert drafts(text)[-1].actors == ((person,) if shared else (org,))


@settings(max_examples=30, deadline=None)
@given(
    org=st.sampled_from(_ORGS),
    place=st.sampled_from(["Tokyo", "Mexico City", "Dresden", "Austin", "Seoul"]),
    owner=st.sampled_from(["its", "a", "its first", "its new", "a new"]),
    site=st.sampled_from(["store", "plant", "factory", "office"]),
    prep=st.sampled_from(["in", "near", "outside"]),
)
def test_a_site_owned_or_not_keeps_its_place(
    org: str, place: str, owner: str, site: str, prep: str
) -> None:
    """ "its store in X" says where as "a store in X" does."""
    d = only(f"{org} will open {owner} {site} {prep} {place} in 2028.")
    assert (d.actors, d.location) == ((org,), place)
