"""What ``timeline show/upcoming/overdue --json`` prints: each event as it stands now.

Machine output of a query shows what the query shows. The table says an event
is due "May 2026" when a later claim moved it there, so the JSON says so too:
one object per event, its *current* date and status first, then what it is,
then its history. Every key is always present (``null``, ``false`` or ``[]``
when there is nothing to say), so a program can rely on the shape:

=================  ===================================================================
key                value
=================  ===================================================================
id, title          the event's id (a slug) and title
when               the current date in words (``str(When)``), e.g. ``"May 2026"``
status             the current status: expected, confirmed, happened or cancelled
earliest, latest   the span it occupies now, ISO 8601 (``"2026-05-01"``, or an instant
                   with its offset); ``end``'s last day when it has one; ``null`` when
                   unbounded ("by 2030" has no earliest)
precision          the grain of ``when``: day, month, quarter, year, mixed ...
end                when a lasting event ends, in words, or ``null``
kind, actors,      what the event is, as in the data file
tags, location,
description,
related
first_expected     the date first promised, in words
slipped            whether a claim moved the date later while the event was open
sources, claims    records as in a data file (``claims`` are the later statements)
target,            the numeric target (a record, or ``null``) and the observed figures
observations
url                the main source's link (the first source that has one), or ``null``
=================  ===================================================================

This is a report, not a data file: `Timeline.from_records` does not read it
back (the file format keeps an event's *first* statement and its claims, and
``--json`` leads with the current one). ``timeline convert`` writes a file that
loads.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from timeline.dates._format_fiscal import stated_precision
from timeline.model._event import Event
from timeline.records._schema import (
    claim_to_record,
    observation_to_record,
    source_to_record,
    target_to_record,
)

__all__ = ["event_state"]


def _iso(point: _dt.date | None) -> str | None:
    return None if point is None else point.isoformat()


def event_state(event: Event) -> dict[str, Any]:
    """An event as it stands now, as a JSON-ready dict (the shape the module describes).

    >>> e = Event(title="V4", when="2026-04").revise(when="2026-05", stated="2026-04-20")
    >>> state = event_state(e)
    >>> state["when"], state["earliest"], state["first_expected"], state["slipped"]
    ('May 2026', '2026-05-01', 'April 2026', True)
    """
    lo, hi = event.window
    target = event.target
    return {
        "id": event.id,
        "title": event.title,
        "when": str(event.when),
        "status": event.status.value,
        "earliest": _iso(lo),
        "latest": _iso(hi),
        "precision": stated_precision(event.when).value,  # FY2026 is a year in any months
        "end": None if event.end is None else str(event.end),
        "kind": event.kind,
        "actors": list(event.actors),
        "tags": list(event.tags),
        "location": event.location,
        "description": event.description,
        "related": list(event.related),
        "first_expected": str(event.first_expected),
        "slipped": event.slipped,
        "sources": [source_to_record(s) for s in event.sources],
        "claims": [claim_to_record(c) for c in event.claims],
        "target": None if target is None else target_to_record(target),
        "observations": [observation_to_record(o) for o in event.observations],
        "url": event.url,
    }
