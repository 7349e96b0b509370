"""`timeline.extract` on a mining article (tests/data/extract/mining_2026.txt), read against
what a careful reader drafts from it, and the rules it showed, each as a table of variants.

What it showed: the day a forward statement was said ("said on Tuesday it will spend ...")
is not its date, and a figure in it no target by that day; ", the company said" after a
sentence's own subject is that subject, not the company named before; "the plant" after "the
new concentrator" (a refinery, a smelter, a terminal) is the same thing; "20% of the
country's critical minerals" is a share of the whole phrase; "the Australian government" is
Australia; "extend the life of the Escondida mine" is at Escondida; "said revenue rose in
the second quarter" and "reported a loss in the fourth quarter" look back. Also what it checks was
fixed before it: a price ("a $2.5 billion lithium refinery", "sell ... for $3.8 billion") is
no goal, "BHP forecast copper production of 1.9 million tonnes for fiscal 2027" is a target
from last year's 1.87 million, "the U.S. Department of the Interior" keeps its "U.S.".
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from timeline import Source
from timeline.extract import Draft, extract

DATA = Path(__file__).parent / "data" / "extract"


@functools.cache
def drafts() -> tuple[Draft, ...]:
    text = (DATA / "mining_2026.txt").read_text(encoding="utf-8")
    source = Source("mining", published="2026-09-15")
    return tuple(extract(text, source=source, fiscal_years={"BHP": "July"}))


@pytest.mark.parametrize(
    ("text", "when", "target"),
    [
        (
            "BHP said on Tuesday it will spend $1.7 billion to extend the mine.",
            "from 15 September 2026 onwards",
            None,
        ),
        ("BHP said on Tuesday it will build a plant.", "from 15 September 2026 onwards", None),
        (
            "Acme told reporters on Monday it would open a store.",
            "from 15 September 2026 onwards",
            None,
        ),
        ("BHP said on Tuesday it will build a plant in 2028.", "2028", None),
        # the day said is the event's day when the statement is the saying itself
        ("BHP announced on Monday a plan to build a plant.", "14 September 2026", None),
        # a weekday that is the statement's own, not after a verb of saying
        ("BHP will report results on Thursday.", "17 September 2026", None),
    ],
)
def test_the_day_said_is_not_a_forward_statements_date(
    text: str, when: str, target: str | None
) -> None:
    (d,) = extract(text, reference="2026-09-15")
    assert (str(d.when), d.target) == (when, target)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "BHP will buy a mine. Rio Tinto will build a refinery by 2029, the company said.",
            ("Rio Tinto",),
        ),
        (
            "BHP will buy a mine. Rio Tinto will build a refinery by 2029, the miner said "
            "on Monday.",
            ("Rio Tinto",),
        ),
        # no subject of its own: "the company" is the one named before
        ("BHP will buy a mine. A refinery will be built by 2029, the company said.", ("BHP",)),
    ],
)
def test_the_company_said_after_its_own_subject(text: str, actors: tuple[str, ...]) -> None:
    last = extract(text, reference="2026-09-15")[-1]
    assert last.actors == actors


@pytest.mark.parametrize(
    "noun",
    ["concentrator", "refinery", "smelter", "terminal", "factory"],
)
def test_the_plant_after_a_site_noun_is_the_same_thing(noun: str) -> None:
    text = (
        f"BHP expects the new {noun} to start up in the second half of 2028. "
        "The plant was originally due in 2027."
    )
    (d,) = extract(text, reference="2026-09-15")
    assert (str(d.when), str(d.first_when), d.actors) == ("H2 2028", "2027", ("BHP",))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Australia aims to process 20% of the country's critical minerals by 2030.",
            "20% by end of 2030 (Australia: share of the country's critical minerals)",
        ),
        (
            "The EU aims for 75% of EU companies to use AI by 2030.",
            "75% by end of 2030 (EU: share of EU companies)",
        ),
    ],
)
def test_a_share_of_a_possessive_phrase_is_whole(text: str, target: str) -> None:
    (d,) = extract(text, reference="2026-09-15")
    assert str(d.target) == target


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("The Australian government aims to process more ore by 2030.", ("Australia",)),
        ("The German government will publish the rules in 2027.", ("Germany",)),
        ("The Japanese government plans to subsidise chips in 2027.", ("Japan",)),
        ("Acme said the French government would decide in 2027.", ("Acme", "France")),
        # a demonym before anything but a government is no actor
        ("The Australian miner will open a mine in 2027.", ()),
    ],
)
def test_a_countrys_government_by_its_demonym(text: str, actors: tuple[str, ...]) -> None:
    (d,) = extract(text, reference="2026-09-15")
    assert d.actors == actors


# (title starts with, when, first promise, status, actors, location, target, observations)
EXPECTED = [
    (
        "BHP said on Tuesday it will spend $1.7 billion",
        "from 15 September 2026 onwards",
        None,
        "expected",
        ("BHP",),
        "Escondida, Chile",
        None,
        [("$1.7 billion", "15 September 2026")],
    ),
    ("BHP expects the new concentrator", "H2 2028", "2027", "expected", ("BHP",), None, None, []),
    (
        "BHP forecast copper production",
        "FY2027 (July 2026–June 2027)",
        None,
        "expected",
        ("BHP",),
        None,
        "1.9 million tonnes by FY2027 (July 2026–June 2027) (BHP: tonnes)",
        [],
    ),
    (
        "Rio Tinto will build a $2.5 billion lithium refinery",
        "by end of 2029",
        None,
        "expected",
        ("Rio Tinto",),
        None,
        None,
        [("$2.5 billion", "15 September 2026")],
    ),
    (
        "Rio Tinto plans to reach 200,000 tonnes",
        "by end of 2030",
        None,
        "expected",
        ("Rio Tinto",),
        None,
        "200,000 tonnes by end of 2030 (Rio Tinto: tonnes)",
        [],
    ),
    (
        "The U.S. Department of the Interior approved",
        "2023",
        None,
        "happened",
        ("U.S. Department of the Interior",),
        "Thacker Pass",
        None,
        [],
    ),
    (
        "Lithium Americas expects first production",
        "late 2027",
        None,
        "expected",
        ("Lithium Americas",),
        None,
        None,
        [],
    ),
    (
        "Chile's government plans to publish",
        "Q1 2027",
        None,
        "expected",
        ("Chile",),
        None,
        None,
        [],
    ),
    (
        "Freeport-McMoRan said output at its Grasberg mine",
        "Q2 2026",
        None,
        "happened",
        ("Freeport-McMoRan",),
        "Grasberg, Indonesia",
        None,
        [("12%", "Q2 2026")],
    ),
    (
        "It now sees full recovery",
        "2027",
        "2026",
        "expected",
        ("Freeport-McMoRan",),
        None,
        None,
        [],
    ),
    (
        "Anglo American agreed to sell",
        "15 September 2026",
        None,
        "happened",
        ("Anglo American",),
        "Queensland",
        None,
        [("$3.8 billion", "15 September 2026")],
    ),
    (
        "The deal is expected to close",
        "by March 2027",
        None,
        "expected",
        ("Anglo American",),
        None,
        None,
        [],
    ),
    (
        "Glencore scrapped plans",
        "15 September 2026",
        None,
        "cancelled",
        ("Glencore",),
        "Tasmania",
        None,
        [],
    ),
    (
        "The Australian government aims",
        "by end of 2030",
        None,
        "expected",
        ("Australia",),
        None,
        "20% by end of 2030 (Australia: share of the country's critical minerals)",
        [],
    ),
]


def test_the_article_drafts_what_a_reader_would() -> None:
    got = drafts()
    assert [d.title[:20] for d in got] == [row[0][:20] for row in EXPECTED]
    for d, row in zip(got, EXPECTED, strict=True):
        title, when, first, status, actors, location, target, observed = row
        assert d.title.startswith(title), d.title
        assert (str(d.when), d.first_when and str(d.first_when), d.status.value) == (
            when,
            first,
            status,
        ), d.title
        assert (d.actors, d.location) == (actors, location), d.title
        assert (str(d.target) if d.target else None) == target, d.title
        assert [(str(o.value), str(o.when)) for o in d.observations] == observed, d.title


def test_the_forecast_starts_from_last_years_output() -> None:
    forecast = drafts()[2]
    assert forecast.target is not None and forecast.target.baseline is not None
    assert str(forecast.target.baseline.when) == "FY2026 (July 2025–June 2026)"
    assert str(forecast.target.baseline.value) == "1.87 million tonnes"


@pytest.mark.parametrize(
    ("text", "when", "status"),
    [
        ("Acme said revenue rose in the second quarter.", "Q2 2025", "happened"),
        ("Acme reported revenue of $5 billion in the second quarter.", "Q2 2025", "happened"),
        ("Acme reported a loss in the fourth quarter.", "Q4 2025", "happened"),
        ("Acme said it would launch the phone in the second quarter.", "Q2 2026", "expected"),
        ("Acme said revenue will rise in the third quarter.", "Q3 2026", "expected"),
        ("Acme reported revenue of $5 billion in 2025.", "2025", "happened"),
    ],
)
def test_what_is_reported_says_which_way(text: str, when: str, status: str) -> None:
    """Said in March 2026: what is reported looks back when its verb does, and "reported"
    with figures is the past reporting of them."""
    (d,) = extract(text, reference="2026-03-10")
    assert (str(d.when), d.status.value) == (when, status)
