"""`timeline.extract` must not give wrong answers: who acts, where, and which date moved.

- A place naming a site or a product ("the Paris plant", "its Berlin gigafactory", "the
  Shenzhen lab") is where, not who acts: the draft's location.
- A country, region or city before an organisation ("China's Huawei", "Japan's SoftBank",
  "US-based OpenAI", "Beijing-based Zhipu") says where the organisation is from: the
  organisation acts, the place does not.
- A sentence after a promised date that re-dates the same thing ("The plant was due in
  2026. The company now expects 2027.") or gives its first promise ("The company had
  originally expected the jet in 2020.") joins it: one draft with a slip. Sentences about
  something else stay apart.
- "expects annual profit of $2bn" speaks of the company's current fiscal year: read with
  its fiscal year when known, else not dated (never "from publication onwards").
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Source
from timeline.extract import Draft, extract

PUBLISHED = "2026-03-10"


def drafted(text: str, published: str = PUBLISHED, **options: Any) -> list[Draft]:
    return list(extract(text, source=Source("Test", published=published), **options))


def one(text: str, **options: Any) -> Draft:
    found = drafted(text, **options)
    assert len(found) == 1, [(d.title, str(d.when), d.actors) for d in found]
    return found[0]


class TestPlaceNamingASite:
    """A place before a noun for a site or a product says which one: a location."""

    @pytest.mark.parametrize(
        ("text", "actors", "location"),
        [
            ("Renault will open the Paris plant in 2027.", ("Renault",), "Paris"),
            (
                "Tesla said its Berlin gigafactory will double output by 2027.",
                ("Tesla",),
                "Berlin",
            ),
            ("Baidu will open the Shenzhen lab in June.", ("Baidu",), "Shenzhen"),
            ("The Texas factory will start production in 2027.", (), "Texas"),
            ("Hyundai's Georgia plant will start production in 2026.", ("Hyundai",), "Georgia"),
            # a word between the place and the site
            ("Ford's Kentucky battery plant will open in 2026.", ("Ford",), "Kentucky"),
            ("The Nagoya shipyard will deliver the first vessel in 2028.", (), "Nagoya"),
            ("Production at the Chennai factory will begin in 2027.", (), "Chennai"),
            ("Foxconn plans to expand its Hanoi campus by 2028.", ("Foxconn",), "Hanoi"),
            # the site's noun as part of its name
            (
                "Tesla's Shanghai Gigafactory will make 1 million cars in 2027.",
                ("Tesla",),
                "Shanghai",
            ),
            # a place the text names elsewhere after "in", not in any list
            (
                "Northvolt builds cells in Skelleftea. Its Skelleftea plant will reach full "
                "output in 2027.",
                ("Northvolt",),
                "Skelleftea",
            ),
        ],
    )
    def test_location_not_actor(self, text: str, actors: tuple[str, ...], location: str) -> None:
        d = drafted(text)[-1]
        assert (d.actors, d.location) == (actors, location)

    @pytest.mark.parametrize(
        ("text", "actors"),
        [
            # an organisation before a site owns it: it acts
            ("The Tesla factory will open in 2027.", ("Tesla",)),
            (
                "Foxconn makes phones. Acme said the Foxconn plant will close in 2027.",
                ("Acme", "Foxconn"),
            ),
            # a place acting on its own stays an actor
            ("Paris will host the summit in June.", ("Paris",)),
            ("Texas will cut the tax in 2027.", ("Texas",)),
        ],
    )
    def test_owners_and_places_that_act_stay(self, text: str, actors: tuple[str, ...]) -> None:
        d = drafted(text)[-1]
        assert d.actors == actors
        assert d.location is None


class TestWhereAnOrganisationIsFrom:
    """ "China's Huawei": Huawei acts; China says where it is from."""

    @pytest.mark.parametrize(
        ("text", "actors"),
        [
            ("China's Huawei plans to launch the Ascend 950 in 2026.", ("Huawei",)),
            ("Japan's SoftBank will invest $10 billion in 2026.", ("SoftBank",)),
            ("South Korea's Samsung will start 2nm production in 2027.", ("Samsung",)),
            ("Taiwan's TSMC expects to open the fab in 2027.", ("TSMC",)),
            ("Germany's Siemens Energy will cut 4,000 jobs by 2027.", ("Siemens Energy",)),
            ("Shanghai's SAIC Motor will launch the car in June.", ("SAIC Motor",)),
            ("US-based OpenAI expects to release GPT-6 in 2027.", ("OpenAI",)),
            ("U.S.-based Anthropic plans to open an office in 2027.", ("Anthropic",)),
            ("Beijing-based Zhipu plans to list in 2026.", ("Zhipu",)),
            # the organisation is "the company" after it, not the country
            (
                "China's Huawei makes chips. The company will ship the Ascend 950 in 2026.",
                ("Huawei",),
            ),
        ],
    )
    def test_the_organisation_acts(self, text: str, actors: tuple[str, ...]) -> None:
        assert drafted(text)[-1].actors == actors

    def test_where_the_event_is_stays_apart(self) -> None:
        d = one("Beijing-based Zhipu plans to list in Hong Kong in 2026.")
        assert (d.actors, d.location) == (("Zhipu",), "Hong Kong")

    @pytest.mark.parametrize(
        ("text", "actors"),
        [
            # no organisation after the possessive: the place acts
            ("China's plan calls for 10,000 AI-plus enterprises by 2030.", ("China",)),
            ("China will cut tariffs in 2027.", ("China",)),
            # a body named after the place acts, as before
            (
                "China's Ministry of Commerce will publish the list in June.",
                ("Ministry of Commerce",),
            ),
            # a title after the possessive: the person named after it, and the place
            (
                "Britain's Prime Minister Keir Starmer will visit China in January.",
                ("Britain", "Keir Starmer", "China"),
            ),
            ("Japan's Prime Minister will visit China in January.", ("Japan", "China")),
            # an organisation's product after its possessive: the organisation acts
            ("Tencent's Hybrid Model 3.0 is slated for an April release.", ("Tencent",)),
        ],
    )
    def test_unchanged(self, text: str, actors: tuple[str, ...]) -> None:
        assert drafted(text)[-1].actors == actors


class TestRedatedInTheNextSentence:
    """A promised date, then "the company now expects" another: one draft, a slip."""

    @pytest.mark.parametrize(
        ("text", "now", "first"),
        [
            ("The plant was due in 2026. The company now expects 2027.", "2027", "2026"),
            (
                "Acme's Ohio plant was due to open in 2026. The company now expects it to open "
                "in 2027.",
                "2027",
                "2026",
            ),
            (
                "Northvolt's plant was scheduled to open in 2026. The firm now says it will "
                "open in 2028.",
                "2028",
                "2026",
            ),
            (
                "The plant was due in 2026. It now expects to open it in 2027.",
                "2027",
                "2026",
            ),
            (
                "The vessel was due for delivery in 2027. The shipyard now expects to deliver "
                "the vessel in 2028.",
                "2028",
                "2027",
            ),
        ],
    )
    def test_joined(self, text: str, now: str, first: str) -> None:
        d = one(text)
        assert (str(d.when), str(d.first_when)) == (now, first)
        assert [str(c.when) for c in d.claims] == [now]
        assert len(d.to_event().slips) == 1
        assert d.quote == " ".join(text.split())

    @pytest.mark.parametrize(
        "text",
        [
            # someone else, something else
            "The plant was due in 2026. The government now expects elections in 2027.",
            "Acme's plant was due in 2026. Rival Beta now expects its own plant in 2027.",
            # a figure: a new statement about the company, not the plant's date
            "Acme's plant was due in 2026. The company now expects revenue of $2 billion in 2027.",
            # not the sentence just before
            "The plant was due in 2026. Revenue rose 5% in 2025. The company now expects 2027.",
            # nothing promised: it happened
            "Acme opened the plant in 2025. The company now expects a second plant in 2027.",
            # what comes next
            "Acme will launch the phone in 2026. It also expects to open a store in 2027.",
            # "the company" doing something new, not re-dating what was due
            "The launch is scheduled for June. The company now expects to open a store in July.",
            "Acme's plant was due in 2026. The firm now plans to hire engineers in 2027.",
        ],
    )
    def test_apart(self, text: str) -> None:
        found = drafted(text)
        assert len(found) >= 2, [(d.title, str(d.when)) for d in found]
        assert all(d.first_when is None for d in found), [(d.title, str(d.when)) for d in found]


_THINGS = ["The plant", "Acme's plant", "The Ohio factory", "The tunnel", "The vessel"]
_PROMISES = ["was due in", "was scheduled to open in", "was slated for", "had been expected in"]
_REFERENCES = ["The company", "The firm", "It", "The operator"]
_NOW = ["now expects", "now says it will open in", "now sees it in", "now plans to open it in"]
_OTHERS = ["Regulators", "The government", "Rival Beta", "Analysts at Citi"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_THINGS),
    st.sampled_from(_PROMISES),
    st.sampled_from(_REFERENCES),
    st.sampled_from(_NOW),
    st.integers(2027, 2035),
    st.integers(1, 4),
)
def test_a_redating_reference_joins(
    thing: str, promise: str, ref: str, now: str, year: int, later: int
) -> None:
    """Whatever the words, a reference re-dating a promised date later is its slip."""
    text = f"{thing} {promise} {year}. {ref} {now} {year + later}."
    d = one(text)
    assert (str(d.when), str(d.first_when)) == (str(year + later), str(year))
    assert len(d.to_event().slips) == 1


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_THINGS),
    st.sampled_from(_PROMISES),
    st.sampled_from(_OTHERS),
    st.integers(2027, 2035),
    st.integers(1, 4),
)
def test_someone_else_never_joins(
    thing: str, promise: str, other: str, year: int, later: int
) -> None:
    """Another subject saying "now expects" is its own statement: no draft has a slip."""
    text = f"{thing} {promise} {year}. {other} now expects a rate cut in {year + later}."
    found = drafted(text)
    assert len(found) == 2
    assert all(d.first_when is None for d in found)


class TestFirstPromiseInItsOwnSentence:
    """ "The company had originally expected the jet in 2020." after the jet's date."""

    @pytest.mark.parametrize(
        ("text", "now", "first"),
        [
            (
                "Boeing said the 777X jet will enter service in 2027. The company had "
                "originally expected the jet in 2020.",
                "2027",
                "2020",
            ),
            (
                "Boeing said its 777X jet will enter service in 2027, seven years late. The "
                "planemaker had originally expected the jet in 2020.",
                "2027",
                "2020",
            ),
            (
                "Boeing delayed the 777X jet to 2027. The company had originally expected the "
                "jet in 2020.",
                "2027",
                "2020",
            ),
            (
                "The first 777X jet will reach Lufthansa in 2027. Boeing had originally "
                "expected to deliver the jet in 2020.",
                "2027",
                "2020",
            ),
            (
                "Hanwha will deliver the frigate in 2029. The shipbuilder had initially "
                "planned to hand over the frigate in 2027.",
                "2029",
                "2027",
            ),
        ],
    )
    def test_joined(self, text: str, now: str, first: str) -> None:
        d = one(text)
        assert (str(d.when), str(d.first_when)) == (now, first)

    @pytest.mark.parametrize(
        "text",
        [
            "Boeing will deliver the 777X in 2027. Airbus had originally expected its A350F "
            "in 2025.",
            "Boeing will deliver the 777X in 2027. The regulator had originally expected to "
            "certify the drone in 2025.",
            "Acme will launch the phone in 2026. The company had originally planned to open a "
            "store in 2024.",
        ],
    )
    def test_apart(self, text: str) -> None:
        found = drafted(text)
        assert len(found) == 2
        assert all(d.first_when is None for d in found)


@pytest.mark.parametrize(
    ("text", "now", "first"),
    [
        (
            "Acme said the trial would read out in the second half of 2027. The readout was "
            "originally due in the first half.",
            "H2 2027",
            "H1 2027",
        ),
        (
            "The launch will take place in March 2027. It was originally due in January.",
            "March 2027",
            "January 2027",
        ),
        (
            "The launch will now take place in March 2027. It was originally due in the fourth "
            "quarter.",
            "March 2027",
            "Q4 2026",
        ),
    ],
)
def test_a_first_promise_without_its_year_is_the_one_before(
    text: str, now: str, first: str
) -> None:
    """Said on 1 June 2026, "the first half" before H2 2027 is H1 2027, not H1 2026."""
    (d,) = drafted(text, "2026-06-01")
    assert (str(d.when), str(d.first_when)) == (now, first)


class TestAnnualFigures:
    """ "expects annual profit of $2bn": the current fiscal year, or not dated."""

    @pytest.mark.parametrize(
        ("text", "fiscal", "published", "when"),
        [
            (
                "Siemens expects annual profit of $2bn.",
                {"Siemens": "October"},
                "2026-03-10",
                "FY2026 (October 2025–September 2026)",
            ),
            (
                "Siemens expects full-year revenue of €80 billion.",
                {"Siemens": "October"},
                "2026-11-02",
                "FY2027 (October 2026–September 2027)",
            ),
            (
                "Acme expects annual sales of $5 billion.",
                {"Acme": 1},
                "2026-03-10",
                "FY2026 (January–December 2026)",
            ),
            (
                "The company expects fiscal-year earnings of $3 billion.",
                {"Acme": "July"},
                "2026-03-10",
                "FY2026 (July 2025–June 2026)",
            ),
        ],
    )
    def test_read_with_the_fiscal_year(
        self, text: str, fiscal: dict[str, Any], published: str, when: str
    ) -> None:
        prefix = "Acme makes tools. " if text.startswith("The company") else ""
        d = drafted(prefix + text, published, fiscal_years=fiscal)[-1]
        assert (str(d.when), d.status.value) == (when, "expected")
        assert d.target is not None and str(d.target.deadline) == when

    @pytest.mark.parametrize(
        "text",
        [
            "Siemens expects annual profit of $2bn.",
            "Siemens expects full-year revenue of €80 billion.",
            "Acme now expects full-year sales of $5 billion.",
            "Acme expects revenue of $5 billion for the full year.",
        ],
    )
    def test_unknown_fiscal_year_is_not_dated(self, text: str) -> None:
        d = one(text)
        assert d.when.is_undated
        assert any("fiscal_years" in r for r in d.reasons), d.reasons

    @pytest.mark.parametrize(
        ("text", "when", "status"),
        [
            # a year of its own: as written
            ("Siemens expects profit of $2bn this year.", "2026", "expected"),
            ("Acme expects annual revenue to reach $2bn by 2028.", "by end of 2028", "expected"),
            # reported: the news of the day
            ("Acme reported annual profit of $2bn.", "10 March 2026", "happened"),
            # a yearly rate, not a fiscal year
            (
                "Acme's plant will have annual capacity of 500,000 cars.",
                "from 10 March 2026 onwards",
                "expected",
            ),
        ],
    )
    def test_others_unchanged(self, text: str, when: str, status: str) -> None:
        d = one(text)
        assert (str(d.when), d.status.value) == (when, status)


_PLACES = ["Paris", "Texas", "Shenzhen", "South Korea", "Ohio", "Nagoya", "Chennai", "Berlin"]
_SITES = ["plant", "factory", "lab", "gigafactory", "shipyard", "battery plant", "data center"]
_DETERMINERS = ["the", "its", "a new", "its second", "Acme's"]
_ORGS = ["Tesla", "Foxconn", "Zorbix", "Quanta"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_ORGS),
    st.sampled_from(_DETERMINERS),
    st.sampled_from(_PLACES),
    st.sampled_from(_SITES),
    st.integers(2027, 2035),
)
def test_a_place_before_a_site_is_where(
    org: str, determiner: str, place: str, site: str, year: int
) -> None:
    """Whatever the site and the words before it, the place is the location, never an actor;
    the organisation acts."""
    d = one(f"{org} will open {determiner} {place} {site} in {year}.")
    assert place not in d.actors
    assert d.actors[0] == org
    assert d.location == place


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_PLACES), st.sampled_from(_ORGS), st.integers(2027, 2035))
def test_a_place_before_an_organisation_is_where_it_is_from(
    place: str, org: str, year: int
) -> None:
    """ "<place>'s <organisation> will ...": the organisation acts, the place does not."""
    d = one(f"{place}'s {org} will open a plant in {year}.")
    assert d.actors == (org,)
