"""What other iCalendar readers compute from our feeds: every event where it means to be.

`icalendar` (its ``start``/``end``) and `recurring_ical_events` (what calendar servers and
home-automation calendars built on it list for a window) read each feed; neither is used
to write it. One event must never make a reader drop the whole feed.
"""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import icalendar
import pytest
import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_strategies import hostile_timelines
from fuzzing import examples
from timeline import Event, Timeline, TimelineWarning, When


def _calendar(*events: Event, policy: str = "auto") -> icalendar.Calendar:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = Timeline(events).to_ics(policy=policy)  # type: ignore[arg-type]
    return icalendar.Calendar.from_ical(text)


def _listed(calendar: icalendar.Calendar, first: dt.date, last: dt.date) -> list[str]:
    """The ids of the events `recurring_ical_events` lists from ``first`` to ``last``."""
    found = recurring_ical_events.of(calendar).between(first, last)
    return sorted(str(component["X-TIMELINE-ID"]) for component in found)


class TestTheEndsOfTheCalendar:
    """9999-12-31: the day after it (an all-day event's exclusive end) is past every reader's
    calendar. Was: DTSTART;VALUE=DATE:99991231 alone, from which `icalendar`'s ``end``,
    `recurring_ical_events` and Home Assistant's `ical` compute 10000-01-01 and fail — the
    last two for the whole feed, every other event lost with it."""

    @pytest.mark.parametrize(
        ("when", "policy"),
        [
            ("9999-12-31", "auto"),
            ("9999", "auto"),  # a marker on its last day
            ("by 9999", "start"),
            ("999X", "end"),
            ("[9999-12-30,9999-12-31]", "end"),
        ],
    )
    def test_other_events_are_still_listed(self, when: str, policy: str) -> None:
        far = Event(id="far", title="Far", when=when, status="confirmed")
        near = Event(id="near", title="Near", when="2026-04", status="confirmed")
        calendar = _calendar(far, near, policy=policy)
        for component in calendar.walk("VEVENT"):
            assert isinstance(component, icalendar.Event)
            assert component.end >= component.start  # icalendar computes it
        assert _listed(calendar, dt.date(2026, 1, 1), dt.date(2027, 1, 1)) == ["near"]
        # and the far event is on 31 December 9999, wherever the calendar is read
        late = dt.datetime(9999, 12, 31, 12)
        assert _listed(calendar, dt.date(9999, 12, 31), late) == ["far"]
        assert _listed(calendar, dt.date(9999, 12, 1), dt.date(9999, 12, 30)) == []

    def test_the_first_day_of_the_calendar_leaves_the_others_listed(self) -> None:
        first = Event(id="first", title="First", when="0001-01-01", status="confirmed")
        near = Event(id="near", title="Near", when="2026-04", status="confirmed")
        calendar = _calendar(first, near)
        (shown, _) = calendar.walk("VEVENT")
        assert isinstance(shown, icalendar.Event) and shown.end == dt.date(1, 1, 2)
        assert _listed(calendar, dt.date(2026, 1, 1), dt.date(2027, 1, 1)) == ["near"]


@pytest.mark.parametrize(
    ("when", "first", "last"),
    [
        ("2026-04", dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
        ("2026-04-15", dt.date(2026, 4, 15), dt.date(2026, 4, 15)),
        ("2026-04-15/2026-04-17", dt.date(2026, 4, 15), dt.date(2026, 4, 17)),
        ("0010-01-01", dt.date(10, 1, 1), dt.date(10, 1, 1)),  # (a window from year 1 is
        # past recurring_ical_events itself, whatever the feed holds)
        ("9999-12", dt.date(9999, 12, 1), dt.date(9999, 12, 1)),  # its first day: a marker
        ("by 2030", dt.date(2030, 12, 31), dt.date(2030, 12, 31)),  # the deadline's day
    ],
)
def test_an_all_day_event_is_listed_on_its_days_only(
    when: str, first: dt.date, last: dt.date
) -> None:
    calendar = _calendar(Event(id="e", title="E", when=When.parse(when)))
    day = dt.timedelta(days=1)
    assert _listed(calendar, first, last + day) == ["e"]
    if first > dt.date.min:
        assert _listed(calendar, first - day, first) == []
    if last < dt.date(9999, 12, 30):
        assert _listed(calendar, last + day, last + 2 * day) == []


def _day(p: dt.date) -> dt.date:
    return dt.date(p.year, p.month, p.day)


def _window(component: Any) -> tuple[dt.date, dt.date]:
    """The window to ask a reader about an event: its DTSTART to its end as icalendar reads it,
    or one second past a point in time."""
    start, end = component.start, component.end
    if end == start:
        end = start + dt.timedelta(seconds=1)
    return start, end


@settings(
    max_examples=examples(25, 1_000),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(
    tl=hostile_timelines(max_events=3), policy=st.sampled_from(["auto", "window", "start", "end"])
)
def test_every_event_is_where_recurring_ical_events_looks(tl: Timeline, policy: str) -> None:
    """Whatever the timeline, the feed loads whole in `recurring_ical_events`, and each event
    is listed over its own window."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TimelineWarning)  # events left out are named there
        text = tl.to_ics(include_cancelled=True, policy=policy)  # type: ignore[arg-type]
    calendar = icalendar.Calendar.from_ical(text)
    windows = [(c, *_window(c)) for c in calendar.walk("VEVENT")]  # icalendar computes both
    # the reader looks back from a window's start by each event's length: not past year 1
    longest = max((_day(b).toordinal() - _day(a).toordinal() + 1 for _, a, b in windows), default=0)
    for component, first, last in windows:
        if _day(first).toordinal() - longest < 3:
            continue
        found = recurring_ical_events.of(calendar).between(first, last)
        assert str(component["UID"]) in [str(c["UID"]) for c in found], (first, last)
