"""timeline: track dated and expected events with honest, imprecise dates.

The core value is `When`, a date that keeps its precision ("April 2026",
"Q2 2026", "by 2030"); events carry `When` values and the claims made about
them, and a `Timeline` orders, filters and publishes them.

>>> import timeline
>>> str(timeline.When.month(2026, 4).latest)
'2026-04-30'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from timeline._errors import QueryError, TimelineError, WhenParseError
from timeline._event import Claim, Event, EventError, Slip, Source, Status
from timeline._timeline import DuplicateEventError, EventChange, Timeline, TimelineDiff
from timeline._when import DEFAULT_FUZZ, Precision, Relation, When, WhenError

try:
    __version__ = version("timeline")
except PackageNotFoundError:  # running from a source tree that is not installed
    from timeline._version import __version__

__all__ = [
    "Claim",
    "DEFAULT_FUZZ",
    "DuplicateEventError",
    "Event",
    "EventChange",
    "EventError",
    "Precision",
    "QueryError",
    "Relation",
    "Slip",
    "Source",
    "Status",
    "Timeline",
    "TimelineDiff",
    "TimelineError",
    "When",
    "WhenError",
    "WhenParseError",
    "__version__",
]
