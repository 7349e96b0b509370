"""A claim that an event happened, said without its date, before the date expected.

"V4, expected in April, has been released", said on 15 March, is no release in April: it
happened by 15 March. The event's date becomes "by 15 March 2026"; its delay is early.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import whens
from timeline import Event, Status, Timeline, When


def _v4() -> Event:
    return Event(title="V4", when="2026-04")


def test_said_before_the_window_it_happened_by_that_day() -> None:
    done = _v4().revise(status="happened", stated="2026-03-15")
    assert done.when == When.parse("by 15 March 2026")
    assert done.delay == -17  # 17 days before 1 April, at the least
    assert [e.id for e in Timeline([done]).overlapping("2026-04-20")] == []
    assert done.as_of("2026-03-14") is not None and done.as_of("2026-03-14").when == When.parse(
        "2026-04"
    )


@pytest.mark.parametrize(
    ("when", "stated", "now"),
    [
        ("2026-04", "2026-04-10", "April 2026"),  # could have happened by then: kept
        ("2026-04", "2026-06-01", "April 2026"),  # said after the window: kept
        ("2026-04~", "2026-03-25", "c. April 2026"),  # c. April could be late March
        ("by 2027", "2026-03-15", "by end of 2027"),  # no first day: could be any day before
        ("2026-04", "2026-03-31", "by 31 March 2026"),
        ("2026-04-01T09:00:00+14:00", "2026-03-31", "2026-04-01T09:00+14:00"),  # 31 March UTC
        # 1 April 12:00 UTC is 31 March 24:00 at UTC-12: the last moment of that day
        ("2026-04-01T12:00:00Z", "2026-03-31", "2026-04-01T12:00Z"),
        ("2026-04-01T12:01:00Z", "2026-03-31", "by 31 March 2026"),
        # a floating time (no zone) is read on the day's own clock
        ("2026-04-01T09:00", "2026-03-31", "by 31 March 2026"),
        ("2026-03-31T23:00", "2026-03-31", "2026-03-31T23:00"),
    ],
)
def test_only_a_date_not_yet_begun_is_replaced(when: str, stated: str, now: str) -> None:
    done = Event(title="x", when=when).revise(status="happened", stated=stated)
    assert str(done.when) == now


def test_a_date_given_with_the_claim_is_kept() -> None:
    done = _v4().revise(status="happened", when="2026-03-10", stated="2026-03-15")
    assert done.when == When.parse("2026-03-10")


def test_other_statuses_keep_the_date() -> None:
    confirmed = _v4().revise(status="confirmed", stated="2026-03-15")
    assert confirmed.when == When.parse("2026-04")
    cancelled = _v4().revise(status="cancelled", stated="2026-03-15")
    assert cancelled.when == When.parse("2026-04")


def test_a_later_date_claim_still_counts() -> None:
    fixed = (
        _v4()
        .revise(status="happened", stated="2026-03-15")
        .revise(when="2026-03-12", stated="2026-03-20")
    )
    assert fixed.when == When.parse("2026-03-12")
    assert fixed.status is Status.HAPPENED


@settings(max_examples=60)
@given(st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)))
def test_the_date_never_starts_after_the_day_it_was_said_to_have_happened(day: dt.date) -> None:
    done = _v4().revise(status="happened", stated=day)
    lo = done.when.fuzzy_bounds()[0]
    assert lo is None or lo <= day


@settings(max_examples=150)
@given(whens(1900, 2100), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_any_date_said_to_have_happened_on_any_day(when: When, day: dt.date) -> None:
    # floating and zoned instants, sets, masks, intervals: never an error, never later
    done = Event(title="x", when=when).revise(status="happened", stated=day)
    assert done.when == when or done.when == When.day(day.year, day.month, day.day).by()
    if done.when != when:
        lo = when.fuzzy_bounds()[0]
        assert lo is not None
