"""timeline: track dated and expected events with honest, imprecise dates.

>>> import timeline
>>> isinstance(timeline.__version__, str)
True
"""

from __future__ import annotations

from timeline._errors import TimelineError, WhenParseError
from timeline._version import __version__

__all__ = [
    "TimelineError",
    "WhenParseError",
    "__version__",
]
