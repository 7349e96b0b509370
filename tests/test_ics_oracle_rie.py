"""Producer-style recurring events: the first occurrence timeline imports is
recurring_ical_events's (an independent expander on icalendar and dateutil).

Rules as calendar apps write them (BYSETPOS, BYWEEKNO, BYYEARDAY, negative BYMONTHDAY,
ordinal BYDAY, INTERVAL, WKST, COUNT or UNTIL in UTC), in IANA zones across clock changes,
floating, UTC or all-day, DTSTART excluded or not, an RDATE near it. Where RFC 5545 and
recurring_ical_events part (a rule that gives no occurrence at all: RFC 5545 keeps DTSTART,
recurring_ical_events gives none), the report must say so.
"""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from ics_feeds import read, said

recurring_ical_events = pytest.importorskip("recurring_ical_events")

UTC = dt.UTC
_KINDS = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "utc",
          "floating", "date"]  # fmt: skip
_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _written(kind: str, wall: dt.datetime) -> tuple[str, str]:
    if kind == "date":
        return ";VALUE=DATE", f"{wall:%Y%m%d}"
    if kind == "utc":
        return "", f"{wall:%Y%m%dT%H%M%S}Z"
    if kind == "floating":
        return "", f"{wall:%Y%m%dT%H%M%S}"
    return f";TZID={kind}", f"{wall:%Y%m%dT%H%M%S}"


@st.composite
def _rules(draw: st.DrawFn, kind: str) -> str:
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = [f"FREQ={freq}"]
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(2, 4))}")
    if freq == "WEEKLY" and draw(st.booleans()):
        days = draw(st.lists(st.sampled_from(_DAYS), min_size=1, max_size=3, unique=True))
        parts.append("BYDAY=" + ",".join(days))
    if freq == "MONTHLY":
        parts.append(draw(st.sampled_from([
            "", "BYMONTHDAY=1,15", "BYMONTHDAY=-1", "BYMONTHDAY=-7,28", "BYMONTHDAY=31",
            "BYDAY=1MO", "BYDAY=-1FR", "BYDAY=2TU,4TU", "BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            "BYDAY=MO,TU,WE,TH,FR;BYSETPOS=2", "BYDAY=SA,SU;BYSETPOS=1",
        ])))  # fmt: skip
    if freq == "YEARLY":
        parts.append(draw(st.sampled_from([
            "", "BYWEEKNO=1;BYDAY=MO", "BYWEEKNO=20;BYDAY=TH", "BYWEEKNO=-1;BYDAY=SU",
            "BYYEARDAY=1", "BYYEARDAY=100", "BYYEARDAY=-1", "BYMONTH=3;BYDAY=-1SU",
            "BYMONTH=11;BYDAY=1SU", "BYMONTH=2;BYMONTHDAY=29",
        ])))  # fmt: skip
    if draw(st.booleans()):
        parts.append("WKST=" + draw(st.sampled_from(["SU", "MO"])))
    bound = draw(st.sampled_from(["count", "until", "none"]))
    if bound == "count":
        parts.append(f"COUNT={draw(st.integers(1, 6))}")
    elif bound == "until":
        until = draw(st.datetimes(dt.datetime(2026, 1, 1), dt.datetime(2028, 12, 31)))
        if kind == "date":
            parts.append(f"UNTIL={until:%Y%m%d}")
        elif kind == "floating":
            parts.append(f"UNTIL={until:%Y%m%dT%H%M%S}")
        else:  # Google's: in UTC
            parts.append(f"UNTIL={until:%Y%m%dT%H%M%S}Z")
    return ";".join(p for p in parts if p)


@st.composite
def _calendars(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(_KINDS))
    day = draw(st.dates(dt.date(2026, 1, 1), dt.date(2026, 12, 28)))
    at = dt.time(draw(st.sampled_from([0, 9, 10, 23])), draw(st.sampled_from([0, 30])))
    wall = dt.datetime.combine(day, dt.time() if kind == "date" else at)
    params, value = _written(kind, wall)
    lines = ["UID:a", "SUMMARY:A", f"DTSTART{params}:{value}", f"RRULE:{draw(_rules(kind))}"]
    if draw(st.booleans()):
        lines.append(f"EXDATE{params}:{value}")
    if draw(st.booleans()):
        other = wall + dt.timedelta(days=draw(st.integers(-10, 10)))
        lines.append("RDATE{}:{}".format(*_written(kind, other)))
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//rie//EN", "BEGIN:VEVENT", *lines,
            "END:VEVENT", "END:VCALENDAR"]  # fmt: skip
    return "\r\n".join(body) + "\r\n"


def _instant(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return dt.datetime.combine(value, dt.time(), UTC)


def _theirs(text: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        calendar = icalendar.Calendar.from_ical(text)
        found = recurring_ical_events.of(calendar).between(
            dt.datetime(2000, 1, 1), dt.datetime(2040, 1, 1)
        )
    return min((o["DTSTART"].dt for o in found), key=_instant, default=None)


@settings(max_examples=examples(150), deadline=None)
@given(text=_calendars())
def test_the_first_occurrence_is_recurring_ical_events(text: str) -> None:
    theirs = _theirs(text)
    timeline, report = read(text)
    ours = next(iter(timeline)).when.earliest if len(timeline) else None
    if "until a date" in said(report):
        return  # UNTIL a day with timed occurrences: that whole day (said); theirs: to 00:00
    if "whose RRULE ends (UNTIL) before DTSTART" in said(report):
        # RFC 5545 keeps DTSTART; recurring_ical_events drops it with the rule: an RDATE or none
        assert ours is not None and (theirs is None or _instant(theirs) >= _instant(ours))
        return
    if theirs is None and ours is None:
        return  # every occurrence excluded
    assert ours is not None and theirs is not None, (text, ours, theirs)
    assert isinstance(ours, dt.datetime) == isinstance(theirs, dt.datetime), (text, ours, theirs)
    assert _instant(ours) == _instant(theirs), (text, ours, theirs)
