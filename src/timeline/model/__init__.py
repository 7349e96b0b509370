"""The model: events, the claims made about them over time, and the `Timeline`.

`Event` (with its `Claim` history, `Status`, `Slip`), `Timeline` (the immutable,
ordered collection and its queries, with a span index for window queries),
`TimelineDiff`, and `TrackRecord` (who kept their promises). Imports only
`timeline.figures` and `timeline.dates`; the convenience methods users call on a
timeline (`Timeline.save`, `to_ics`, `plot` ...) import their adapter inside the
method (`timeline.model._adapters`).

>>> from timeline.model import Event, Timeline
>>> len(Timeline([Event(title="DeepSeek V4 release", when="2026-04")]).overlapping("2026-04"))
1
"""

from __future__ import annotations

from timeline._errors import EventError, QueryError
from timeline.model._checks import Finding
from timeline.model._claim import Claim, Slip, Status
from timeline.model._event import Event
from timeline.model._timeline import DuplicateEventError, EventChange, Timeline, TimelineDiff
from timeline.model._track_record import TrackRecord, TrackRow

__all__ = [
    "Claim",
    "DuplicateEventError",
    "Event",
    "EventChange",
    "EventError",
    "Finding",
    "QueryError",
    "Slip",
    "Status",
    "Timeline",
    "TimelineDiff",
    "TrackRecord",
    "TrackRow",
]
