"""Independent checks of a feed: RFC 5545 hygiene by bytes, structure by the `icalendar` package.

Never checks a feed with ``ics`` (the package that wrote it) or with our reader.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar

from timeline import Timeline


def check_feed(text: str) -> Any:
    """Assert the feed is clean iCalendar; return it parsed by `icalendar`."""
    data = text.encode()
    assert data.endswith(b"\r\n"), "the feed must end with CRLF"
    assert b"\n" not in data.replace(b"\r\n", b""), "a bare LF"
    assert b"\r" not in data.replace(b"\r\n", b""), "a bare CR"
    for number, line in enumerate(data.split(b"\r\n")[:-1], start=1):
        assert len(line) <= 75, f"line {number} has {len(line)} octets: {line!r}"
        line.decode()  # a fold never splits a UTF-8 character
        assert line, f"line {number} is empty"
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar.name == "VCALENDAR"
    assert str(calendar["VERSION"]) == "2.0"
    assert "PRODID" in calendar
    assert "METHOD" not in calendar
    for component in calendar.walk():
        assert not component.errors, component.errors
    events = calendar.walk("VEVENT")
    for event in events:
        assert "UID" in event and "DTSTAMP" in event, event
        start = event.decoded("DTSTART")
        if "DTEND" in event:
            end = event.decoded("DTEND")
            assert type(end) is type(start), (start, end)
            if isinstance(start, dt.datetime):
                # RFC 5545 3.8.2.2: DTEND is a local (floating) time iff DTSTART is
                assert (start.tzinfo is None) == (end.tzinfo is None), (start, end)
                assert end > start, (start, end)
            else:
                assert end > start, "DTEND of an all-day event is exclusive: after DTSTART"
    return calendar


def vevents(text: str) -> list[Any]:
    """The VEVENT components of a checked feed, in order."""
    return list(check_feed(text).walk("VEVENT"))


def feed_version(tl: Timeline) -> tuple[int, dt.datetime, str] | None:
    """The one event's SEQUENCE, DTSTAMP (LAST-MODIFIED equal to it) and component text in
    ``tl``'s feed, read by icalendar; None when the feed leaves it out (TBD)."""
    items = vevents(tl.to_ics())
    if not items:
        return None
    (item,) = items
    stamp = item.decoded("DTSTAMP")
    assert item.decoded("LAST-MODIFIED") == stamp
    return (int(item["SEQUENCE"]), stamp, item.to_ical().decode())
