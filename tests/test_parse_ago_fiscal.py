"""Readings added: "a year ago", "this fiscal quarter", "FY2025/26 H1", "Q3 FY2025/26".

Hand tables (every value computed by hand from the reference and the fiscal year's
first month) and round-trip properties: each value's text reads back to it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import When, WhenParseError, find_dates

REF = dt.date(2026, 3, 28)

AGO = [
    ("a year ago", When.month(2025, 3)),
    ("one year ago", When.month(2025, 3)),
    ("two months ago", When.month(2026, 1)),
    ("2 months ago", When.month(2026, 1)),
    ("18 months ago", When.month(2024, 9)),
    ("a month ago", When.month(2026, 2)),
    ("three days ago", When.day(2026, 3, 25)),
    ("two weeks ago", When.day(2026, 3, 14)),
    ("a fortnight ago", When.day(2026, 3, 14)),
    ("a quarter ago", When.month(2025, 12)),
    ("a decade ago", When.year(2016)),
    ("about two years ago", When.month(2024, 3)),
]


@pytest.mark.parametrize(("text", "month_or_day"), AGO)
def test_ago_is_about_that_time_before_the_reference(text: str, month_or_day: When) -> None:
    w = When.parse(text, reference=REF)
    assert w == month_or_day.qualify(approximate=True)
    assert When.parse(str(w)) == w


def test_a_vague_ago_runs_from_its_most_to_its_fewest() -> None:
    w = When.parse("a few months ago", reference=REF)  # 2 to 6 months
    lower = When.month(2025, 9).qualify(approximate=True)
    upper = When.month(2026, 1).qualify(approximate=True)
    assert w == When.interval(lower, upper)
    assert When.parse(str(w)) == w


def test_ago_needs_a_reference_and_a_calendar() -> None:
    with pytest.raises(WhenParseError, match="reference"):
        When.parse("a year ago")
    with pytest.raises(WhenParseError, match="year 1"):
        When.parse("3000 years ago", reference=REF)


def test_find_dates_finds_ago() -> None:
    found = find_dates("The plant opened two years ago and closed.", reference=REF)
    assert [(m.text, m.when) for m in found] == [
        ("two years ago", When.month(2024, 3).qualify(approximate=True))
    ]


@settings(max_examples=50, deadline=None)
@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.integers(1, 40),
    st.sampled_from(["day", "week", "month", "quarter", "year"]),
)
def test_ago_is_in_n_units_mirrored(ref: dt.date, n: int, unit: str) -> None:
    """n units ago, then n units on, lands back in the same month (or day, for days/weeks)."""
    w = When.parse(f"{n} {unit}s ago", reference=ref)
    assert w.approximate and When.parse(str(w)) == w
    assert w.start is not None
    later = When.parse(f"in {n} {unit}s", reference=w.start)
    if unit in ("day", "week"):
        assert later == When.day(ref.year, ref.month, ref.day).qualify(approximate=True)
    else:  # a month on the 31st may land earlier; the month is back where it was
        assert later.start is not None and later.start <= ref


# reference, fiscal year start, text, first month, last month (hand-computed)
FISCAL = [
    (REF, 4, "this fiscal quarter", (2026, 1), (2026, 3)),  # Q4 FY2026 (Jan-Mar 2026)
    (REF, 4, "next fiscal quarter", (2026, 4), (2026, 6)),
    (REF, 4, "last fiscal quarter", (2025, 10), (2025, 12)),
    (REF, 7, "this fiscal quarter", (2026, 1), (2026, 3)),
    (REF, 10, "this fiscal quarter", (2026, 1), (2026, 3)),
    (REF, 2, "this fiscal quarter", (2026, 2), (2026, 4)),
    (REF, 2, "last fiscal quarter", (2025, 11), (2026, 1)),
    (REF, 1, "the current fiscal quarter", (2026, 1), (2026, 3)),
    (dt.date(2026, 4, 1), 4, "this fiscal quarter", (2026, 4), (2026, 6)),
    (REF, 4, "this fiscal half", (2025, 10), (2026, 3)),
    (REF, 4, "next fiscal half", (2026, 4), (2026, 9)),
    (REF, 4, "FY2025/26", (2025, 4), (2026, 3)),
    (REF, 4, "FY2025/26 H1", (2025, 4), (2025, 9)),
    (REF, 4, "FY2025/26 Q2", (2025, 7), (2025, 9)),
    (REF, 4, "Q3 FY2025/26", (2025, 10), (2025, 12)),
    (REF, 4, "H2 FY2025/26", (2025, 10), (2026, 3)),
    (REF, 4, "Q4 FY2025-26", (2026, 1), (2026, 3)),
    (REF, 7, "Q1 FY2025/26", (2025, 7), (2025, 9)),
    (REF, 7, "FY2025/26 H2", (2026, 1), (2026, 6)),
    (REF, 4, "Q3 FY25/26", (2025, 10), (2025, 12)),
]


@pytest.mark.parametrize(("ref", "start", "text", "first", "last"), FISCAL)
def test_fiscal_periods(
    ref: dt.date, start: int, text: str, first: tuple[int, int], last: tuple[int, int]
) -> None:
    w = When.parse(text, reference=ref, fiscal_year_start=start)
    assert (w.earliest, w.latest) == (
        dt.date(*first, 1),
        When.month(*last).latest,
    )
    assert When.parse(str(w), fiscal_year_start=start) == w


@pytest.mark.parametrize("named_by", ["end", "start"])
def test_split_year_is_the_year_starting_in_its_first(named_by: str) -> None:
    for text in ("FY2025/26 H1", "H1 FY2025/26", "FY2025-26 H1"):
        w = When.parse(text, fiscal_year_start=4, fiscal_year_named_by=named_by)  # type: ignore[arg-type]
        assert (w.earliest, w.latest) == (dt.date(2025, 4, 1), dt.date(2025, 9, 30))


def test_split_year_parts_refuse_what_the_whole_refuses() -> None:
    with pytest.raises(WhenParseError, match="consecutive"):
        When.parse("Q3 FY2025/27", fiscal_year_start=4)
    with pytest.raises(WhenParseError, match="January"):
        When.parse("Q3 FY2025/26", fiscal_year_start=1)


@settings(max_examples=50, deadline=None)
@given(
    st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)),
    st.integers(1, 12),
    st.sampled_from(["this", "next", "last"]),
)
def test_this_fiscal_quarter_holds_or_borders_the_reference(
    ref: dt.date, start: int, rel: str
) -> None:
    w = When.parse(f"{rel} fiscal quarter", reference=ref, fiscal_year_start=start)
    assert w.earliest is not None and w.latest is not None
    assert w.earliest.month % 3 == start % 3 and w.earliest.day == 1
    assert (w.latest - w.earliest).days in range(88, 93)
    here = When.parse("this fiscal quarter", reference=ref, fiscal_year_start=start)
    assert here.earliest is not None and here.latest is not None
    assert here.earliest <= ref <= here.latest
    if rel == "next":
        assert w.earliest == here.latest + dt.timedelta(days=1)
    if rel == "last":
        assert w.latest == here.earliest - dt.timedelta(days=1)
    assert When.parse(str(w), fiscal_year_start=start) == w


@settings(max_examples=50, deadline=None)
@given(
    st.integers(1990, 2090),
    st.integers(2, 12),
    st.sampled_from(["Q1", "Q2", "Q3", "Q4", "H1", "H2"]),
)
def test_split_year_parts_match_the_named_year(year: int, start: int, part: str) -> None:
    """ "Q3 FY2025/26" is "Q3 FY2026" (named by its end) and reads back."""
    split = When.parse(f"{part} FY{year}/{(year + 1) % 100:02d}", fiscal_year_start=start)
    named = When.parse(f"{part} FY{year + 1}", fiscal_year_start=start)
    assert split == named
    assert When.parse(str(split), fiscal_year_start=start) == split


def test_find_dates_finds_split_fiscal_parts_and_relative_quarters() -> None:
    text = "Sales rose this fiscal quarter, after a weak FY2025/26 H1 and Q3 FY2025/26."
    found = find_dates(text, reference=REF, fiscal_year_start=4)
    assert [m.text for m in found] == ["this fiscal quarter", "FY2025/26 H1", "Q3 FY2025/26"]
    for m in found:
        assert m.when == When.parse(m.text, reference=REF, fiscal_year_start=4)
