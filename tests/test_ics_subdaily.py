"""Hourly, minutely and secondly rules with time parts (BYHOUR, BYMINUTE, BYSECOND, weekdays).

Oracles: dateutil's rrule (the rule's own occurrences) and recurring_ical_events (the
whole series). Such a rule has an occurrence every day at most, so the first one after an
excluded DTSTART is found in a bounded walk; it was refused as "too costly".
"""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
import recurring_ical_events
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from ics_feeds import feed, read, said
from timeline.ics._subdaily import subdaily_cost


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MINUTELY;BYSECOND=30;COUNT=3",
        "FREQ=MINUTELY;INTERVAL=7;BYSECOND=0,20,40",
        "FREQ=HOURLY;BYMINUTE=15,45",
        "FREQ=HOURLY;BYHOUR=9,17",  # twice a day
        "FREQ=HOURLY;INTERVAL=5;BYMINUTE=0;BYDAY=SA",
        "FREQ=MINUTELY;BYHOUR=23;BYMINUTE=59",
        "FREQ=SECONDLY;INTERVAL=45;BYMINUTE=5",
        "FREQ=MINUTELY;INTERVAL=90;BYDAY=TU,TH",
    ],
)
def test_a_finer_than_daily_rule_with_time_parts_is_followed(rule: str) -> None:
    start = dt.datetime(2026, 1, 5, 10, 0, 0)  # a Monday
    walls = list(rrulestr(rule, dtstart=start)[:3])
    removed = [start, *(w for w in walls[:1] if w != start)]
    exdate = ",".join(f"{w:%Y%m%dT%H%M%S}Z" for w in removed)
    text = feed(["UID:s", "SUMMARY:S", f"DTSTART:{start:%Y%m%dT%H%M%S}Z", f"RRULE:{rule}",
                 f"EXDATE:{exdate}"])  # fmt: skip
    (event,), report = read(text)  # was: skipped, "too costly"
    expected = next(w for w in rrulestr(rule, dtstart=start) if w not in removed)
    assert event.when.earliest == expected.replace(tzinfo=dt.UTC), said(report)
    calendar = icalendar.Calendar.from_ical(text)
    window = (dt.datetime(2026, 1, 1), dt.datetime(2026, 3, 1))
    found = recurring_ical_events.of(calendar).between(*window)
    assert event.when.earliest == min(e["DTSTART"].dt for e in found)


def test_a_rule_no_period_of_which_matches_has_no_occurrence() -> None:
    """`FREQ=HOURLY;INTERVAL=168;BYDAY=TU` from a Monday reaches Mondays only: no occurrence
    (dateutil sees it too), not a rule "too costly" to follow."""
    text = feed(["UID:s", "SUMMARY:S", "DTSTART:20260105T100000Z",
                 "RRULE:FREQ=HOURLY;INTERVAL=168;BYDAY=TU", "EXDATE:20260105T100000Z"])  # fmt: skip
    timeline, report = read(text)
    assert len(timeline) == 0
    assert "every occurrence of the series is excluded" in said(report)


_FREQ = st.sampled_from(["HOURLY", "MINUTELY"])
_SOME = st.lists(st.integers(0, 59), min_size=1, max_size=3, unique=True)


@settings(max_examples=examples(120), deadline=None)
@given(
    freq=_FREQ,
    interval=st.integers(1, 200),
    hours=st.none() | st.lists(st.integers(0, 23), min_size=1, max_size=3, unique=True),
    minutes=st.none() | _SOME,
    days=st.none()
    | st.lists(
        st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]),
        min_size=1,
        max_size=3,
        unique=True,
    ),
    start=st.datetimes(dt.datetime(2026, 1, 1), dt.datetime(2026, 12, 31)),
)
def test_subdaily_cost_agrees_with_dateutil(
    freq: str,
    interval: int,
    hours: list[int] | None,
    minutes: list[int] | None,
    days: list[str] | None,
    start: dt.datetime,
) -> None:
    """Oracle: dateutil over two cycles (a day, or a week with weekdays) of INTERVAL periods:
    'cheap' when it finds an occurrence there, 'empty' when it finds none."""
    start = start.replace(microsecond=0)
    parts = {"FREQ": freq, "INTERVAL": str(interval)}
    if hours:
        parts["BYHOUR"] = ",".join(map(str, hours))
    if minutes:
        parts["BYMINUTE"] = ",".join(map(str, minutes))
    if days:
        parts["BYDAY"] = ",".join(days)
    cost = subdaily_cost(parts, start)
    rule = ";".join(f"{k}={v}" for k, v in parts.items())
    span = dt.timedelta(days=2 * (7 if days else 1) * interval + 1)
    try:
        found = rrulestr(rule, dtstart=start).between(start, start + span, inc=True)
    except ValueError:  # dateutil sees some sets are empty itself ("byxxx generates an empty set")
        found = []
    assert cost == ("cheap" if found else "empty"), (rule, start)
