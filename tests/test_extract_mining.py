"""`timeline.extract` on a mining article (tests/data/extract/mining_2026.txt), read against
what a careful reader drafts from it, and the rules it showed, each as a table of variants.

What it showed: the day a forward statement was said ("said on Tuesday it will spend ...")
is not its date, and a figure in it no target by that day; ", the company said" after a
sentence's own subject is that subject, not the company named before.
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
