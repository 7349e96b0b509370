"""Names `timeline.extract` must keep whole or read as places.

A body named with its country's dotted abbreviation before it ("the U.S. Navy", "the U.K.
Treasury") is that body, whole, as "the US Navy" already was. A name the text never uses for
an organisation, before a noun for a site ("the Sherman plant", "the Escondida mine"), is
where the site is, not who acts; a name the text names as an organisation ("Tesla said ...",
"Tesla's", a known actor, an organisation's word) keeps acting before a site ("the Tesla
plant"), and a product or a project before a word that is not a place ("the Model Y line",
"the Stargate project") is not read as a place.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract


def one(text: str, **kw: object) -> tuple[tuple[str, ...], str | None]:
    drafts = extract(text, reference="2026-03-10", **kw)  # type: ignore[arg-type]
    assert len(drafts) == 1, [d.title for d in drafts]
    return drafts[0].actors, drafts[0].location


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("The U.S. Navy will commission the carrier in 2027.", ("U.S. Navy",)),
        ("The U.S. Navy said it will commission the carrier in 2027.", ("U.S. Navy",)),
        ("The U.K. Treasury will publish the review in March 2027.", ("U.K. Treasury",)),
        ("The U.S. Air Force plans to retire the A-10 by 2028.", ("U.S. Air Force",)),
        ("The U.S. Department of Defense will award it in 2027.", ("U.S. Department of Defense",)),
        ("The European Commission will propose the rules in June 2027.", ("European Commission",)),
        ("The US Navy will commission the carrier in 2027.", ("US Navy",)),
        ("U.S. Steel will close the mill in 2027.", ("U.S. Steel",)),
        (
            "Lockheed will deliver jets to the U.S. Air Force in 2027.",
            ("Lockheed", "U.S. Air Force"),
        ),
        (
            "The U.S. Navy and the Royal Navy will train together in 2027.",
            ("U.S. Navy", "Royal Navy"),
        ),
        ("The U.A.E. Space Agency will launch a probe in 2028.", ("U.A.E. Space Agency",)),
    ],
)
def test_a_body_after_a_dotted_country_is_whole(text: str, actors: tuple[str, ...]) -> None:
    assert one(text)[0] == actors


@pytest.mark.parametrize(
    "text",
    [
        "Acme will open a plant in the U.S. in 2027.",
        "Acme will open a plant in the U.S. It will open in 2027.",
    ],
)
def test_a_dotted_country_alone_is_no_actor(text: str) -> None:
    drafts = extract(text, reference="2026-03-10")
    assert [d.actors for d in drafts] == [("Acme",)]


@pytest.mark.parametrize(
    ("text", "actors", "location"),
    [
        ("Acme will expand the Sherman plant in 2027.", ("Acme",), "Sherman"),
        ("Acme will expand the Concord plant in 2027.", ("Acme",), "Concord"),
        ("Acme will reopen its Sherman fab in 2027.", ("Acme",), "Sherman"),
        ("Rio Tinto will expand the Escondida mine by 2028.", ("Rio Tinto",), "Escondida"),
        ("Acme will close the Thacker Pass mine in 2029.", ("Acme",), "Thacker Pass"),
        ("Acme's Sherman plant will open in 2027.", ("Acme",), "Sherman"),
        ("BHP will extend the life of the Escondida mine by 2028.", ("BHP",), "Escondida"),
        ("Acme will finish the expansion of the Sherman plant in 2027.", ("Acme",), "Sherman"),
        # the site said, sold or at, beside another name that can act: the name in front
        # is never used otherwise, so it is where (no gazetteer: a company named only before
        # its site reads as a place; naming it elsewhere, or `known_actors`, keeps it)
        ("Acme will complete the sale of the Foxconn plant in 2027.", ("Acme",), "Foxconn"),
        ("Acme said the Sherman plant will open in 2027.", ("Acme",), "Sherman"),
        ("Acme said the Foxconn plant will close in 2027.", ("Acme",), "Foxconn"),
        ("Acme will buy the Foxconn plant in 2027.", ("Acme",), "Foxconn"),
        ("Acme will buy the Sherman plant from Beta in 2027.", ("Acme", "Beta"), "Sherman"),
        ("Workers at the Sherman plant will get raises in 2027, Acme said.", ("Acme",), "Sherman"),
        ("Acme said output at the Sherman plant will start in 2027.", ("Acme",), "Sherman"),
        ("Acme expects the Sherman campus to open in 2027.", ("Acme",), "Sherman"),
        # the only name that can act: it acts
        ("The Tesla factory will open in 2027.", ("Tesla",), None),
        ("Workers at the Tesla plant will strike in 2027.", ("Tesla",), None),
        ("Acme will build a new Lakeview battery plant by 2028.", ("Acme",), "Lakeview"),
        # named as an organisation in the text: it acts
        (
            "Tesla said on Monday that workers at the Tesla plant will get raises in 2027.",
            ("Tesla",),
            None,
        ),
        ("Tesla's chief said the Tesla plant will close in 2027.", ("Tesla",), None),
        ("Tesla said the Tesla plant will close in 2027.", ("Tesla",), None),
        ("Samsung said its Taylor fab will start output in 2026.", ("Samsung",), "Taylor"),
        ("Samsung's Taylor fab will start output in 2026.", ("Samsung",), "Taylor"),
        ("Acme Motors will open the Acme Motors plant in 2027.", ("Acme Motors",), None),
        ("Acme will buy the TSMC fab in 2027.", ("Acme", "TSMC"), None),
        ("Acme will upgrade the Navy shipyard in 2027.", ("Acme", "Navy"), None),
        ("Acme will fund the Stargate project in 2027.", ("Acme", "Stargate"), None),
    ],
)
def test_a_name_before_a_site(text: str, actors: tuple[str, ...], location: str | None) -> None:
    assert one(text) == (actors, location)


@pytest.mark.parametrize(
    "text",
    [
        "Acme will expand the Model Y line in 2027.",
        "Acme will open the Stargate project office in 2027.",
        "Acme will open the Nvidia plant in 2027. Nvidia's chips are made there.",
        "Acme will open the Sherman plant in 2027. Sherman said it would help.",
    ],
)
def test_no_place_made_up(text: str) -> None:
    """Before a noun of no physical site, or a name the text names otherwise: no place."""
    assert all(d.location is None for d in extract(text, reference="2026-03-10"))


def test_a_known_actor_before_a_site_acts() -> None:
    text = "Acme will expand the Sherman plant in 2027."
    assert one(text, known_actors=["Acme", "Sherman"]) == (("Acme", "Sherman"), None)


_NAMES = st.sampled_from(["Sherman", "Concord", "Lakeview", "Brookfield", "Dalton", "Marlow"])
_NOUNS = st.sampled_from(["plant", "factory", "fab", "mine", "refinery", "smelter", "shipyard"])


@settings(max_examples=40, deadline=None)
@given(_NAMES, _NOUNS, st.booleans())
def test_a_site_name_is_where_unless_it_acts(name: str, noun: str, acts: bool) -> None:
    """Whatever the name and the site noun: where, unless the text says it acts."""
    text = f"Acme will expand the {name} {noun} in 2027."
    if acts:
        text = f"{name} said it would sell assets. " + text
    drafts = extract(text, reference="2026-03-10")
    last = drafts[-1]
    if acts:
        assert name in last.actors and last.location is None
    else:
        assert (last.actors, last.location) == (("Acme",), name)


@pytest.mark.parametrize(
    ("text", "actors", "location"),
    [
        # another organisation named before: it may own the site; the name never acts
        ("Acme makes chips in Texas. The Sherman plant will open in 2027.", (), "Sherman"),
        # the name acts in another sentence: an organisation, before its site too
        (
            "Foxconn makes phones. Acme said the Foxconn plant will close in 2027.",
            ("Acme", "Foxconn"),
            None,
        ),
        (
            "Acme said the Foxconn plant will close in 2027. Foxconn declined to comment.",
            ("Acme", "Foxconn"),
            None,
        ),
        # "Sherman, Texas" and "in Sherman" say it is a place
        (
            "Acme is hiring in Sherman, Texas. Acme said the Sherman plant will open in 2027.",
            ("Acme",),
            "Sherman",
        ),
    ],
)
def test_evidence_in_the_article(text: str, actors: tuple[str, ...], location: str | None) -> None:
    site = next(d for d in extract(text, reference="2026-03-10") if "plant" in d.title)
    assert (site.actors, site.location) == (actors, location)


_FRAMES = st.sampled_from(
    [
        "Acme said the {name} {noun} will open in 2027.",
        "Acme will buy the {name} {noun} in 2027.",
        "Workers at the {name} {noun} will get raises in 2027, Acme said.",
        "Acme expects the {name} {noun} to open in 2027.",
    ]
)


@settings(max_examples=40, deadline=None)
@given(_NAMES, _NOUNS, _FRAMES, st.booleans())
def test_a_site_beside_another_actor_is_where(name: str, noun: str, frame: str, acts: bool) -> None:
    """Said, sold or at, beside another name: where, unless the text says it acts."""
    text = frame.format(name=name, noun=noun)
    if acts:
        text = f"{name} said it would sell assets. " + text
    last = extract(text, reference="2026-03-10")[-1]
    if acts:
        assert name in last.actors and last.location is None
    else:
        assert (last.actors, last.location) == (("Acme",), name)
