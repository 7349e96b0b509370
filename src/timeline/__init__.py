"""timeline: track dated and expected events with honest, imprecise dates.

The core value is `When`, a date that keeps its precision ("April 2026",
"Q2 2026", "by 2030"); events carry `When` values and the claims made about
them, and a `Timeline` orders, filters and publishes them.

>>> import timeline
>>> str(timeline.When.month(2026, 4).latest)
'2026-04-30'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline._errors import (
    DataFileError,
    DataFileProblem,
    EventError,
    FrameError,
    IcsError,
    IcsParseError,
    PlotError,
    QuantityError,
    QueryError,
    TargetError,
    TimelineError,
    TimelineWarning,
    WhenParseError,
)
from timeline.dates._when import DEFAULT_FUZZ, Precision, Relation, When, WhenError
from timeline.figures._growth import Growth, Observation, growth
from timeline.figures._quantity import Bound, Quantity
from timeline.figures._source import Source
from timeline.figures._target import Target, TargetStatus
from timeline.formats._io import file_schema
from timeline.model._claim import Claim, Slip, Status
from timeline.model._event import Event
from timeline.model._timeline import DuplicateEventError, EventChange, Timeline, TimelineDiff

if TYPE_CHECKING:
    from timeline.dates._find import DateMatch, find_dates

    __version__: str


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("timeline")
    except PackageNotFoundError:  # a source tree that is not installed
        from timeline._version import __version__

        return __version__


# Plain sorted() order (tests/test_package.py checks it), not ruff's isort-style order.
__all__ = [  # noqa: RUF022
    "Bound",
    "Claim",
    "DEFAULT_FUZZ",
    "DataFileError",
    "DataFileProblem",
    "DateMatch",
    "DuplicateEventError",
    "Event",
    "EventChange",
    "EventError",
    "FrameError",
    "Growth",
    "IcsError",
    "IcsParseError",
    "Observation",
    "PlotError",
    "Precision",
    "Quantity",
    "QuantityError",
    "QueryError",
    "Relation",
    "Slip",
    "Source",
    "Status",
    "Target",
    "TargetError",
    "TargetStatus",
    "Timeline",
    "TimelineDiff",
    "TimelineError",
    "TimelineWarning",
    "When",
    "WhenError",
    "WhenParseError",
    "__version__",
    "file_schema",
    "find_dates",
    "growth",
]


def __getattr__(name: str) -> object:
    # __version__ comes from the package metadata, read on first use:
    # importlib.metadata alone would add about 40 ms to `import timeline`.
    if name == "__version__":
        globals()["__version__"] = found = _version()
        return found
    # find_dates brings in the phrase parser and its compiled patterns (about 20 ms):
    # load it on first use so `import timeline` stays light.
    if name in ("DateMatch", "find_dates"):
        from timeline.dates import _find

        return getattr(_find, name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")


def __dir__() -> list[str]:
    # Lists the lazily loaded names too, for tab completion in notebooks.
    return sorted(set(globals()) | set(__all__))
