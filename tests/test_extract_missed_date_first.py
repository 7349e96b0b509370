"""`timeline.extract`: a date missed said before its miss ("In 2025, Acme missed the
deadline", "Last year the company missed its target"): the date is the first promise,
given up, as "Acme missed the deadline in 2025" reads, wherever the date stands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract

REF = "2026-06-15"

DATE_FIRST = [
    # (text, the date given up)
    ("In 2025, Acme missed the deadline.", "2025"),
    ("Last year the company missed its target.", "2025"),
    ("By March, the agency had missed the goal.", "by March 2026"),
    ("In the first quarter, the utility fell short of its target.", "Q1 2026"),
    ("In late 2025 the carrier failed to meet its deadline.", "late 2025"),
    ("Earlier this year, Acme blew past the deadline for the plant.", "2026"),
    ("In 2025, the deadline was missed.", "2025"),
    ("In 2025 Acme's target went unmet.", "2025"),
    # the date first in a clause after a conjunction
    ("The plant is costly, and in 2025 Acme missed the deadline.", "2025"),
]


@pytest.mark.parametrize(("text", "first"), DATE_FIRST)
def test_a_miss_with_its_date_first_gives_the_date_up(text: str, first: str) -> None:
    """The date before the miss is the first promise: still expected, no new date (was:
    happened on that date)."""
    d = extract(text, reference=REF).drafts[-1]
    assert (d.status.value, d.when.is_undated) == ("expected", True), d.reasons
    assert d.first_when is not None and first in str(d.first_when), d.reasons


@pytest.mark.parametrize(
    ("text", "when", "status"),
    [
        # the date is who said it's, not the date promised
        ("Novo Nordisk said on Monday its trial missed its goal.", "15 June 2026", "happened"),
        ("In 2025, Zorbix said Acme missed the deadline.", "2025", None),
        # no promise: figures compared
        ("In 2025, sales fell short of 2024 levels.", None, None),
        # the date of the promise named after the miss: that one is given up
        ("In 2025, Acme missed its 2026 target.", None, None),
    ],
)  # fmt: skip
def test_no_date_first_miss_without_its_clause(
    text: str, when: str | None, status: str | None
) -> None:
    """Not a date opening the clause of the miss, or the miss names its own date: the
    first date is not the one given up."""
    d = extract(text, reference=REF).drafts[-1]
    first = "" if d.first_when is None else str(d.first_when)
    assert "2025" not in first and "15 June" not in first, d.reasons
    assert when is None or str(d.when) == when, d.reasons
    assert status is None or d.status.value == status, d.reasons


@settings(max_examples=40, deadline=None)
@given(
    lead=st.sampled_from(["In {y}, ", "In {y} ", "By the end of {y}, ", "Back in {y}, "]),
    subject=st.sampled_from(["Acme", "the company", "the state agency", "Zorbix Motors"]),
    verb=st.sampled_from(["missed", "had missed", "fell short of", "failed to meet",
                          "did not meet", "blew past"]),
    det=st.sampled_from(["the", "its", "their"]),
    noun=st.sampled_from(["deadline", "target date", "launch window", "timeline"]),
    year=st.integers(2015, 2025),
)  # fmt: skip
def test_the_place_of_the_date_does_not_change_a_miss(
    lead: str, subject: str, verb: str, det: str, noun: str, year: int
) -> None:
    """Property: "<date>, <subject> <missed> <det> <noun>." reads as "<subject> <missed>
    <det> <noun> <date>.": the same first promise, still expected, undated."""
    date = lead.format(y=year).rstrip(", ")
    fronted = f"{lead.format(y=year)}{subject} {verb} {det} {noun}."
    after = f"{subject[0].upper()}{subject[1:]} {verb} {det} {noun} {date[0].lower()}{date[1:]}."
    a = extract(fronted, reference=REF).drafts[-1]
    b = extract(after, reference=REF).drafts[-1]
    assert (a.status.value, a.when.is_undated) == ("expected", True), (fronted, a.reasons)
    assert a.first_when is not None and str(year) in str(a.first_when), a.reasons
    assert (a.status, a.when, a.first_when) == (b.status, b.when, b.first_when), (
        after,
        b.reasons,
    )
