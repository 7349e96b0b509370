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
    DataFileNotFoundError,
    DataFilePermissionError,
    DataFileProblem,
    ExtractError,
    FrameError,
    IcsError,
    IcsParseError,
    PlotError,
    TimelineError,
    TimelineWarning,
    WriteError,
)
from timeline.dates import (
    DEFAULT_FUZZ,
    Fiscal,
    Precision,
    Relation,
    When,
    WhenError,
    WhenParseError,
)
from timeline.figures import (
    Bound,
    Growth,
    Observation,
    Quantity,
    QuantityError,
    Source,
    Target,
    TargetError,
    TargetStatus,
    growth,
)
from timeline.model import (
    Claim,
    DuplicateEventError,
    Event,
    EventChange,
    EventError,
    Finding,
    QueryError,
    Slip,
    Status,
    Timeline,
    TimelineDiff,
    TrackRecord,
    TrackRow,
)

if TYPE_CHECKING:
    from timeline.dates import DateMatch, find_dates
    from timeline.extract import Extraction
    from timeline.extract import extract as extract
    from timeline.formats import file_schema

    __version__: str


# Plain sorted() order (tests/test_package.py checks it), not ruff's isort-style order.
__all__ = [  # noqa: RUF022
    "Bound",
    "Claim",
    "DEFAULT_FUZZ",
    "DataFileError",
    "DataFileNotFoundError",
    "DataFilePermissionError",
    "DataFileProblem",
    "DateMatch",
    "DuplicateEventError",
    "Event",
    "EventChange",
    "EventError",
    "ExtractError",
    "Extraction",
    "Finding",
    "Fiscal",
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
    "TrackRecord",
    "TrackRow",
    "When",
    "WhenError",
    "WhenParseError",
    "WriteError",
    "__version__",
    "extract",
    "file_schema",
    "find_dates",
    "growth",
]


def __getattr__(name: str) -> object:
    # __version__ comes from the package metadata, read on first use:
    # importlib.metadata alone would add about 40 ms to `import timeline`.
    if name == "__version__":
        from timeline._version import installed_version

        globals()["__version__"] = found = installed_version()
        return found
    # find_dates brings in the phrase parser and its compiled patterns (about 20 ms):
    # load it on first use so `import timeline` stays light.
    if name in ("DateMatch", "find_dates"):
        from timeline.dates import _find

        return getattr(_find, name)
    # The data-file layer (and its record schema) loads when first used.
    if name == "file_schema":
        from timeline.formats import file_schema

        return file_schema
    # extract is a package whose module is callable (timeline.extract(text)); it
    # brings in find_dates and its word lists, so it too loads on first use.
    if name in ("Extraction", "extract"):
        import timeline.extract as package

        return package if name == "extract" else package.Extraction
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")


def __dir__() -> list[str]:
    # Lists the lazily loaded names too, for tab completion in notebooks.
    return sorted(set(globals()) | set(__all__))
