"""`timeline.extract` on five more articles (tests/data/extract): chips, carmakers, drug
approvals, launches and climate targets, each read against what a careful reader drafts from it.

What they showed, each a table of variants below the articles: a sentence opening
with its delay keeps "After ..." in its title; a model number after a name ("Exynos
2700") is no year; "a year later than planned" gives the first promise; who says so
is the source only when the clause said opens with a name and its verb ("Rubin Ultra
systems will ship" is about systems); a trailing ", Chief Executive Mary Barra told
analysts" is who said so; a name after a product noun ("injection MariTide") or
launched on or aboard ("on New Glenn") is a product; an appositive ("the first crewed
landing since 1972") is background even when "now" follows; "2,000 new Supercharger
stalls" counts stalls.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import Source
from timeline.extract import Draft, extract

DATA = Path(__file__).parent / "data" / "extract"
PUBLISHED = {
    "chips_2027": "2027-02-09",
    "ev_charging_2027": "2027-04-20",
    "drug_approvals_2027": "2027-06-02",
    "space_2027": "2027-01-14",
    "climate_targets_2027": "2027-09-28",
}


def read(name: str) -> list[Draft]:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    return list(extract(text, source=Source(name, published=PUBLISHED[name])))


# (article, title starts with, when, status, first promise, actors)
EXPECTED = [
    ("chips_2027", "TSMC said on Tuesday", "H2 2027", "expected", None, ("TSMC",)),
    ("chips_2027", "TSMC expects 2nm capacity", "by end of 2027", "expected", None, ("TSMC",)),
    ("chips_2027", "After a six-month delay, its second Arizona fab", "Q1 2028", "expected",
     "Q3 2027", ()),
    ("chips_2027", "Samsung, which had targeted 2026", "Q3 2027", "expected", "2026",
     ("Samsung",)),
    ("chips_2027", "Analysts at Morgan Stanley", "by June 2027", "expected", None, ("Intel",)),
    ("chips_2027", "SK Hynix", "Q4 2027", "expected", None, ("SK Hynix",)),
    ("chips_2027", "Micron said", "2028", "expected", "2027", ("Micron",)),
    ("chips_2027", "Nvidia told investors", "H2 2027", "expected", None, ("Nvidia",)),
    ("chips_2027", "They will then reach", "early 2028", "expected", None, ()),
    ("chips_2027", "Rapidus aims", "by end of 2032", "expected", None, ("Rapidus",)),
    ("chips_2027", "Following a one-year postponement", "March 2028", "expected", "March 2027",
     ("Europe",)),
    ("ev_charging_2027", "General Motors will start", "Q4 2027", "expected", None,
     ("General Motors",)),
    ("ev_charging_2027", "Toyota said", "2028", "expected", "2027", ("Toyota",)),
    ("ev_charging_2027", "Delayed twice", "H1 2028", "expected", None, ("Volkswagen",)),
    ("ev_charging_2027", "Rivian, which had planned", "January 2027", "happened", "H1 2026",
     ("Rivian",)),
    ("ev_charging_2027", "It will start selling the smaller R3", "2028", "expected", None,
     ("Rivian",)),
    ("ev_charging_2027", "Lucid said", "2027", "expected", None, ("Lucid",)),
    ("ev_charging_2027", "The Department of Energy said", "by end of 2027", "expected", None,
     ("Tesla",)),
    ("ev_charging_2027", "Ionna aims", "by end of 2030", "expected", None, ("Ionna",)),
    ("drug_approvals_2027", "The Food and Drug Administration is expected", "by 15 September 2027",
     "expected", None, ("Food and Drug Administration", "Amgen")),
    ("drug_approvals_2027", "Amgen plans to launch the drug in the United States",
     "by end of 2027", "expected", None, ("Amgen",)),
    ("drug_approvals_2027", "Amgen plans to launch the drug in Japan", "2028", "expected", None,
     ("Amgen",)),
    ("drug_approvals_2027", "Vertex said", "October 2027", "expected", "July 2027",
     ("Food and Drug Administration",)),
    ("drug_approvals_2027", "Eli Lilly expects", "Q4 2027", "expected", None,
     ("Eli Lilly", "European Medicines Agency")),
    ("drug_approvals_2027", "Novartis completed", "May 2027", "happened", None,
     ("Novartis", "Regulus Therapeutics")),
    ("drug_approvals_2027", "Biogen, which had hoped", "H1 2028", "expected", "2026",
     ("Biogen",)),
    ("drug_approvals_2027", "The European Commission said", "July 2027", "expected", None,
     ("Sanofi",)),
    ("drug_approvals_2027", "The company aims", "by end of 2030", "expected", None, ("Sanofi",)),
    ("space_2027", "NASA said on Wednesday", "2028", "expected", "2027", ("SpaceX",)),
    ("space_2027", "Artemis III", "mid-2028", "expected", None, ()),  # a mission: no one named acts
    ("space_2027", "Blue Origin plans", "Q2 2027", "expected", None, ("Blue Origin",)),
    ("space_2027", "Amazon will launch", "2027", "expected", None, ("Amazon",)),
    ("space_2027", "Amazon aims", "by July 2029", "expected", None, ("Amazon",)),
    ("space_2027", "After a four-month delay", "March 2027", "expected", "November 2026",
     ("European Space Agency",)),
    ("space_2027", "Rocket Lab said", "Q3 2027", "expected", None, ("Rocket Lab",)),
    ("space_2027", "Japan's space agency JAXA", "December 2026", "happened", None, ("JAXA",)),
    ("space_2027", "India expects", "by end of 2027", "expected", None, ("India",)),
    ("climate_targets_2027", "The European Union will cut", "by end of 2035", "expected", None,
     ("European Union",)),
    ("climate_targets_2027", "Member states must", "by 31 March 2028", "expected", None, ()),
    ("climate_targets_2027", "Britain said", "by end of 2030", "expected", None, ("Britain",)),
    ("climate_targets_2027", "Following an 18-month delay", "2031", "expected", None, ()),
    ("climate_targets_2027", "Germany's Bundestag", "November 2027", "expected", None,
     ("Bundestag",)),
    ("climate_targets_2027", "India has installed", "28 September 2027", "happened", None,
     ("India",)),
    ("climate_targets_2027", "India aims for 280 GW by 2030", "by end of 2030", "expected", None,
     ("India",)),
    ("climate_targets_2027", "In Washington, the Treasury", "Q1 2028", "expected", None,
     ("Treasury Department",)),
    ("climate_targets_2027", "Canada, which had promised", "by end of 2035", "expected", None,
     ("Canada",)),
    ("climate_targets_2027", "Canada pushed its interim 2026 target back", "by end of 2027",
     "expected", "by end of 2026", ("Canada",)),
]  # fmt: skip


@pytest.mark.parametrize(("name", "head", "when", "status", "first", "actors"), EXPECTED)
def test_articles(
    name: str, head: str, when: str, status: str, first: str | None, actors: tuple[str, ...]
) -> None:
    drafts = read(name)
    found = [d for d in drafts if d.title.startswith(head)]
    assert len(found) == 1, [d.title for d in drafts]
    d = found[0]
    assert (str(d.when), d.status.value) == (when, status), d.reasons
    assert (None if d.first_when is None else str(d.first_when)) == first, d.reasons
    assert d.actors == actors, d.reasons


SAID_BY = [
    ("chips_2027", "Nvidia told investors", None),
    ("ev_charging_2027", "General Motors will start", "Mary Barra"),
    ("ev_charging_2027", "The Department of Energy said", "Department of Energy"),
    ("drug_approvals_2027", "The European Commission said", "European Commission"),
    ("drug_approvals_2027", "Vertex said", "Vertex"),
    ("space_2027", "NASA said on Wednesday", "NASA"),
    ("climate_targets_2027", "The European Union will cut", "European Commission"),
    (
        "climate_targets_2027",
        "India aims for 280 GW by 2030",
        "Ministry of New and Renewable Energy",
    ),
]


@pytest.mark.parametrize(("name", "head", "said_by"), SAID_BY)
def test_who_said_it(name: str, head: str, said_by: str | None) -> None:
    (d,) = [d for d in read(name) if d.title.startswith(head)]
    assert d.said_by == said_by


FIGURES = [
    # "100,000 wafers a month": a rate, its time kept
    ("chips_2027", "TSMC expects 2nm capacity", "100,000 wafers per month"),
    ("chips_2027", "Rapidus aims", "1 trillion JPY"),
    ("ev_charging_2027", "Lucid said", "40,000 vehicles"),
    ("ev_charging_2027", "The Department of Energy said", "2,000 stalls"),
    ("ev_charging_2027", "Ionna aims", "30,000 chargers"),
    ("drug_approvals_2027", "The company aims", "12 new medicines"),
    ("space_2027", "Amazon aims", "3,236 satellites"),
    ("climate_targets_2027", "The European Union will cut", "90 gigawatts"),
    ("climate_targets_2027", "India aims for 280 GW by 2030", "280 GW"),
]


@pytest.mark.parametrize(("name", "head", "goal"), FIGURES)
def test_targets(name: str, head: str, goal: str) -> None:
    (d,) = [d for d in read(name) if d.title.startswith(head)]
    assert d.target is not None and str(d.target.goal) == goal, d.target
