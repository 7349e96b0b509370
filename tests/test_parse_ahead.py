"""A time from the reference ("in 18 months"), the holiday season, a year naming a schedule."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import When, WhenParseError, find_dates

REF = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # months, quarters and years: about the month it lands on
        ("in 18 months", "c. September 2027"),
        ("in about 18 months", "c. September 2027"),
        ("in a couple of months", "c. May 2026"),
        ("in two quarters", "c. September 2026"),
        ("in two years' time", "c. March 2028"),
        ("in a year", "c. March 2027"),
        ("six months from now", "c. September 2026"),
        ("a year from now", "c. March 2027"),
        ("18 months from today", "c. September 2027"),
        # days and weeks: about the day
        ("in two weeks", "c. 24 March 2026"),
        ("in 10 days", "c. 20 March 2026"),
        # decades: about the year
        ("in a decade", "c. 2036"),
        # qualifiers and relations still apply
        ("by six months from now", "by c. September 2026"),
        # "within" stays a deadline
        ("within 18 months", "by 10 September 2027"),
        # the year-end holiday season: late November to December
        ("this holiday season", "late November 2026 to December 2026"),
        ("the holiday season", "late November 2026 to December 2026"),
        ("the holiday shopping season", "late November 2026 to December 2026"),
        ("the 2027 holiday season", "late November 2027 to December 2027"),
        ("holiday season 2028", "late November 2028 to December 2028"),
        ("last holiday season", "late November 2025 to December 2025"),
        ("by this holiday season", "by December 2026"),
        # an approximate deadline; "some time" is a filler
        ("by around 2035", "by c. 2035"),
        ("sometime next year", "2027"),
        ("some time in 2028", "2028"),
        # "a couple of" is two, in a deadline too
        ("within a couple of months", "by 10 May 2026"),
        ("over the next couple of years", "by 10 March 2028"),
    ],
)
def test_read_against_the_reference(text: str, expected: str) -> None:
    assert str(When.parse(text, reference=REF)) == expected


def test_the_holiday_season_said_in_it_is_that_one() -> None:
    assert str(When.parse("this holiday season", reference="2026-12-20")) == (
        "late November 2026 to December 2026"
    )
    assert str(When.parse("next holiday season", reference="2026-12-20")) == (
        "late November 2027 to December 2027"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("in 18 months", "is relative; pass reference="),
        ("this holiday season", "is relative; pass reference="),
    ],
)
def test_without_a_reference_it_is_refused(text: str, message: str) -> None:
    with pytest.raises(WhenParseError, match=message):
        When.parse(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("in 0 months", "is no time at all"),
        ("18 months later", "a time is read only as counted from the reference"),
        ("in the near future", "has no bounds"),
        ("in 99999 years", "beyond year 9999"),
        ("the back-to-school season", "differs by country and school"),
    ],
)
def test_a_time_with_no_honest_reading_is_refused(text: str, message: str) -> None:
    with pytest.raises(WhenParseError, match=message):
        When.parse(text, reference=REF)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "A construction permit decision is expected in 18 months.",
            [("in 18 months", "c. September 2027")],
        ),
        ("The app ships in two weeks, Acme said.", [("in two weeks", "c. 24 March 2026")]),
        (
            "Zelda is on track for this holiday season.",
            [("this holiday season", "late November 2026 to December 2026")],
        ),
        ("Sales should recover a year from now.", [("a year from now", "c. March 2027")]),
        # a year naming a schedule is a year; a count is not
        ("It opens a year earlier than the 2028 date it gave.", [("2028", "2028")]),
        ("It reaffirmed its 2030 target.", [("2030", "2030")]),
        ("It missed the 2028 deadline.", [("2028", "2028")]),
        ("It has 2000 employees.", []),
        ("It cut its 2500 target to 2400 units.", []),
        # a stretch of the past, or a time from some other moment: no date
        ("It was the first rate cut in four years.", []),
        ("Prices hit their lowest level in a decade.", []),
        ("It came after 18 months of talks.", []),
        ("It launched in 18 months of work.", []),
        ("Calls rose a thousand-fold in two years.", []),
        ("It was built in 18 months.", []),
        # opening its clause, before a comma and a clause that looks forward: a date
        ("In 18 months, the plant will open.", [("In 18 months", "c. September 2027")]),
        ("In two years, Acme expects to ship a million cars.", [("In two years", "c. March 2028")]),
        (
            "Acme said that in six months, the line would be running.",
            [("in six months", "c. September 2026")],
        ),
        (
            "In about two weeks, the app is due to ship.",
            [("In about two weeks", "c. 24 March 2026")],
        ),
        # ... a clause on the past, or a phrase inside a clause: no date
        ("In two years, sales tripled.", []),
        ("In 18 months, the company built three plants.", []),
        ("Growth in two years, analysts say, will be slow.", []),
    ],
)
def test_found_in_running_text(text: str, found: list[tuple[str, str]]) -> None:
    assert [(m.text, str(m.when)) for m in find_dates(text, reference=REF)] == found


_UNITS = {"day": 0, "week": 0, "month": 1, "quarter": 3, "year": 12}


@settings(max_examples=100, deadline=None)
@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2900, 12, 31)),
    st.integers(min_value=1, max_value=400),
    st.sampled_from(sorted(_UNITS)),
    st.booleans(),
)
def test_a_time_from_now_holds_the_day_it_lands_on(
    ref: dt.date, n: int, unit: str, from_now: bool
) -> None:
    text = f"{n} {unit}s from now" if from_now else f"in {n} {unit}s"
    w = When.parse(text, reference=ref)
    day = pendulum.Date(ref.year, ref.month, ref.day)
    months = _UNITS[unit]
    lands = day.add(months=months * n) if months else day.add(days=n * (7 if unit == "week" else 1))
    assert w.qualified and w.earliest is not None and w.latest is not None
    assert w.earliest <= lands <= w.latest
    assert [str(m.when) for m in find_dates(f"Acme said it will ship {text}.", reference=ref)] == [
        str(w)
    ]
    opening = f"{text[0].upper()}{text[1:]}, Acme will ship its first car."
    assert [str(m.when) for m in find_dates(opening, reference=ref)] == [str(w)]


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9000, 12, 31)))
def test_the_holiday_season_is_late_november_to_december(ref: dt.date) -> None:
    this = When.parse("this holiday season", reference=ref)
    nxt = When.parse("next holiday season", reference=ref)
    last = When.parse("last holiday season", reference=ref)
    assert this.earliest == dt.date(ref.year, 11, 21) and this.latest == dt.date(ref.year, 12, 31)
    assert nxt.earliest is not None and nxt.earliest > ref
    assert last.latest is not None and last.latest < ref
