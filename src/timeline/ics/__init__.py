"""iCalendar feeds: export a timeline as a feed subscribers' calendars accept, and import feeds.

`to_ics` / `write_ics` follow the export policy in docs/explanation/icalendar.md
(instants as timed UTC events, short imprecise windows as all-day spans, deadlines as a
labelled marker); `from_ics` reads our feeds exactly and foreign ones best
effort. The only place the ``ics`` package is imported (lazily, in export).
An adapter: imports records, the model and below, never `formats` or `display`.

>>> from timeline import Event, Timeline
>>> from timeline.ics import to_ics
>>> "BEGIN:VCALENDAR" in to_ics(Timeline([Event(title="x", when="2026-04")], name="Demo"))
True
"""

from __future__ import annotations

from timeline.ics._feed import Policy, from_ics, to_ics, write_ics
from timeline.ics._report import ImportReport

__all__ = ["ImportReport", "Policy", "from_ics", "to_ics", "write_ics"]
