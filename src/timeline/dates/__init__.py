"""Dates: `When`, a date that keeps its precision, and everything that reads and writes it.

Holds the value type (`When`, `Precision`, `Relation`, fuzzy bounds and the
honest relations), its named constructors, the parsers (ISO 8601, EDTF, English
phrases), the formatter, `find_dates` for dates inside sentences, and `to_day`
for day-like arguments. The lowest layer: it imports nothing from timeline but
the error family (`timeline._errors`).

>>> from timeline.dates import When
>>> str(When.parse("Q2 2026").latest)
'2026-06-30'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline._errors import WhenError, WhenParseError, quoted
from timeline.dates._days import DayLike, to_day
from timeline.dates._fiscal import Fiscal
from timeline.dates._when import DEFAULT_FUZZ, FuzzPolicy, Precision, Relation, When

if TYPE_CHECKING:
    from timeline.dates._find import DateMatch, find_dates

__all__ = [
    "DEFAULT_FUZZ",
    "DateMatch",
    "DayLike",
    "Fiscal",
    "FuzzPolicy",
    "Precision",
    "Relation",
    "When",
    "WhenError",
    "WhenParseError",
    "find_dates",
    "to_day",
]


def __getattr__(name: str) -> object:
    # find_dates loads the phrase patterns (about 20 ms): on first use only.
    if name in ("DateMatch", "find_dates"):
        from timeline.dates import _find

        return getattr(_find, name)
    raise AttributeError(f"module 'timeline.dates' has no attribute {quoted(name)}")
