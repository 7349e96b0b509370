"""RECURRENCE-ID;RANGE=THISANDFUTURE that moves later occurrences earlier than others.

Oracle: recurring_ical_events, and RFC 5545 §3.2.13 by hand: such an override
moves its occurrence and every later one by the same amount; when it moves them
earlier, one of them may come before every occurrence the override does not
govern (an RDATE before DTSTART, say), and is then the first.
"""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
import recurring_ical_events

from ics_feeds import feed, read, said
from timeline import When

SERIES = ["UID:s", "SUMMARY:S", "DTSTAMP:20260101T000000Z", "DTSTART:20260105T100000Z",
          "RRULE:FREQ=DAILY;COUNT=10"]  # fmt: skip


def _override(rid: str, start: str) -> list[str]:
    return ["UID:s", "SUMMARY:S moved", "DTSTAMP:20260101T000000Z",
            f"RECURRENCE-ID;RANGE=THISANDFUTURE:{rid}", f"DTSTART:{start}"]  # fmt: skip


def _oracle(text: str) -> dt.datetime:
    calendar = icalendar.Calendar.from_ical(text)
    window = (dt.datetime(2025, 1, 1), dt.datetime(2027, 1, 1))
    found = recurring_ical_events.of(calendar).between(*window)
    return min(e["DTSTART"].dt for e in found)


@pytest.mark.parametrize(
    ("extra", "rid", "start", "first"),
    [
        # its own occurrence excluded: the next one it moves (7 Jan -> 4 Jan 10:00) comes before
        # the RDATE (4 Jan 12:00); was the RDATE
        (["EXDATE:20260105T100000Z,20260106T100000Z", "RDATE:20260104T120000Z"],
         "20260106T100000Z", "20260103T100000Z", "2026-01-04T10:00Z"),
        # cancelled DTSTART, override of the 3rd moving everything 4 days earlier
        (["EXDATE:20260105T100000Z,20260106T100000Z,20260107T100000Z"], "20260107T100000Z",
         "20260103T090000Z", "2026-01-04T09:00Z"),
        # moved later: the RDATE stays first
        (["EXDATE:20260105T100000Z,20260106T100000Z", "RDATE:20260104T120000Z"],
         "20260106T100000Z", "20260108T100000Z", "2026-01-04T12:00Z"),
    ],
)  # fmt: skip
def test_a_range_moved_earlier_can_hold_the_first_occurrence(
    extra: list[str], rid: str, start: str, first: str
) -> None:
    text = feed([*SERIES, *extra], _override(rid, start))
    (event,), report = read(text)
    assert event.when == When.parse(first), said(report)
    assert event.when.earliest == _oracle(text)
