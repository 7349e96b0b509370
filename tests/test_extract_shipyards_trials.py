"""`timeline.extract` on two more articles (tests/data/extract): shipbuilding orders and
drug-trial readouts, each read against what a careful reader drafts from it.

What they showed, each a table of variants in tests/test_extract_honest.py or below: a
dateline of two cities ("SEOUL/WASHINGTON, Nov 18 (Reuters) -") names no one; "the
vessels" after "four LNG carriers", "the readout" after "the trial" are the same thing; a
date "was due" that the next sentence re-dates "now" is that sentence's first promise, not
the first promise of the sentence before; the day a statement was said ("said on
Wednesday") is not its date when another sentence re-dates it; a past clause ("after it
added patients") between a date and its first promise does not part them; "the agency"
after "the FDA" is the FDA; "Its Kalundborg plant" is owned, no one acts (Kalundborg is
where); "the first ten months of the year" is January to October.
"""

from __future__ import annotations

import pytest

from extract_articles import check_draft, read_article
from timeline.extract import Draft, extract

ARTICLES = {
    "shipbuilding_2026": ("2026-11-18", {"Hanwha": "January"}),
    "trial_readouts_2027": ("2027-01-12", {"Eli Lilly": 1}),
}


def read(name: str) -> tuple[Draft, ...]:
    published, fiscal = ARTICLES[name]
    return read_article(name, published, tuple(fiscal.items()))


# (article, title starts with, when, status, first promise, actors, location)
EXPECTED = [
    ("shipbuilding_2026", "South Korea's Hanwha Ocean said", "Q2 2027", "expected", "late 2026",
     ("Hanwha Ocean", "QatarEnergy"), None),
    ("shipbuilding_2026", "Hanwha plans to invest", "by end of 2030", "expected", None,
     ("Hanwha",), "Philadelphia"),
    ("shipbuilding_2026", "Hanwha, which bought", "2024", "happened", None, ("Hanwha",),
     "Philadelphia"),
    ("shipbuilding_2026", "The company expects annual revenue", "FY2026 (January–December 2026)",
     "expected", None, ("Hanwha",), None),
    ("shipbuilding_2026", "HD Hyundai Heavy Industries will start building", "March 2027",
     "expected", None, ("HD Hyundai Heavy Industries", "Philippine Navy"), "Ulsan"),
    ("shipbuilding_2026", "The frigates were due", "2029", "expected", "2028",
     ("HD Hyundai Heavy Industries",), None),
    ("shipbuilding_2026", "Japan's Mitsubishi Heavy Industries said", "by end of 2029", "expected",
     None, ("Mitsubishi Heavy Industries", "Australia"), "Nagasaki"),
    ("shipbuilding_2026", "Canberra picked", "August 2026", "happened", None, ("Canberra",), None),
    ("shipbuilding_2026", "The U.S. Navy said", "2029", "expected", "2026", ("U.S. Navy",),
     None),
    ("shipbuilding_2026", "In Germany, Thyssenkrupp", "2027", "expected", "2026",
     ("Thyssenkrupp Marine Systems",), "Germany, Wismar"),
    ("shipbuilding_2026", "Washington aims", "by end of 2035", "expected", None, ("Washington",),
     None),
    ("shipbuilding_2026", "The Transportation Department", "January 2027", "expected", None,
     ("Transportation Department",), None),
    ("shipbuilding_2026", "China's CSSC delivered", "January 2026 to October 2026", "happened",
     None, ("CSSC",), None),
    ("trial_readouts_2027", "Denmark's Novo Nordisk said", "H2 2027", "expected", "H1 2027",
     ("Novo Nordisk",), None),
    ("trial_readouts_2027", "Its Kalundborg plant", "2028", "expected", None, (), "Kalundborg"),
    ("trial_readouts_2027", "Sanofi's Phase 3 trial", "May 2027", "expected", "March 2027",
     ("Sanofi",), None),
    ("trial_readouts_2027", "Eli Lilly will open its Concord plant", "2027", "expected", None,
     ("Eli Lilly",), "Concord, North Carolina"),
    ("trial_readouts_2027", "Eli Lilly plans to start production", "2028", "expected", None,
     ("Eli Lilly",), "Lebanon, Indiana"),
    ("trial_readouts_2027", "The company expects full-year revenue",
     "FY2027 (January–December 2027)", "expected", None, ("Eli Lilly",), None),
    ("trial_readouts_2027", "Switzerland's Roche said", "June 2027", "expected", "2026",
     ("Roche",), None),
    ("trial_readouts_2027", "Vertex plans to file", "H1 2027", "expected", None, ("Vertex",),
     None),
    ("trial_readouts_2027", "The biotech reported", "2026", "happened", None, ("Vertex",), None),
    ("trial_readouts_2027", "Britain's AstraZeneca will build", "by end of 2030", "expected", None,
     ("AstraZeneca",), "Beijing"),
    ("trial_readouts_2027", "The company delivered 20 Phase 3 readouts",
     "January 2026 to September 2026", "happened", None, ("AstraZeneca",), None),
    ("trial_readouts_2027", "Boston-based Moderna said", "by 30 October 2027", "expected",
     "August 2027", ("FDA",), None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "head", "when", "status", "first", "actors", "location"), EXPECTED
)
def test_articles(
    name: str,
    head: str,
    when: str,
    status: str,
    first: str | None,
    actors: tuple[str, ...],
    location: str | None,
) -> None:
    check_draft(read(name), head, when, status, first, actors, location)


def test_no_draft_is_a_first_promise_alone() -> None:
    """Every date given up joined the statement it was given up for: no draft is titled
    with "originally" or "were due" and dated with the date given up."""
    for name in ARTICLES:
        for d in read(name):
            if "originally" in d.quote and d.first_when is None:
                pytest.fail(f"{name}: {d.title!r} stands alone with its first promise")


def test_every_expected_draft_is_listed() -> None:
    """The articles give these drafts and only these (and a past clause, "It added
    patients", read as news of the day)."""
    heads = [e[1] for e in EXPECTED]
    extra = [
        d.title
        for name in ARTICLES
        for d in read(name)
        if not any(d.title.startswith(h) for h in heads)
    ]
    assert extra == ["It added patients"]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("SEOUL/WASHINGTON, Nov 18 (Reuters) - Acme will open a plant in 2027.", ("Acme",)),
        ("LONDON/PARIS, March 3 (Reuters) - Acme will open a plant in 2027.", ("Acme",)),
        ("BEIJING/HONG KONG (Reuters) - Acme will open a plant in 2027.", ("Acme",)),
    ],
)
def test_a_dateline_of_several_cities_names_no_one(text: str, actors: tuple[str, ...]) -> None:
    found = list(extract(text, reference="2026-11-18"))
    assert [d.actors for d in found] == [actors]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("CSSC delivered 120 vessels in the first ten months of the year.",
         "January 2026 to October 2026"),
        ("CSSC delivered 120 vessels in the first nine months of 2025.",
         "January 2025 to September 2025"),
        ("Acme sold 2 million cars in the first 6 months of this year.",
         "January 2026 to June 2026"),
    ],
)  # fmt: skip
def test_the_first_months_of_a_year(text: str, when: str) -> None:
    (d,) = extract(text, reference="2026-11-18")
    assert (str(d.when), d.status.value) == (when, "happened")


@pytest.mark.parametrize(
    ("text", "first", "now"),
    [
        ("The FDA will decide on the vaccine by Oct. 30. The agency had originally set a date "
         "in August.", "August 2026", "by 30 October 2026"),
        ("The EMA will rule on the drug in June. The agency had originally expected to rule in "
         "March.", "March 2026", "June 2026"),
    ],
)  # fmt: skip
def test_the_agency_after_its_acronym(text: str, first: str, now: str) -> None:
    (d,) = extract(text, reference="2026-01-12")
    assert (str(d.first_when), str(d.when)) == (first, now)
