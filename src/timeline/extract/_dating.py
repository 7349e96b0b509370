"""Dates of statements: where a date lies against the publication, and which date a statement has.

The *anchor* is the publication date (or the reference day): a statement's
date is "after" it when it lies wholly later, "before" when wholly earlier,
and "runs past" it when its last day is later (a happened "2026" said in March
is cut at March). Dates are looked up by range with `DateIndex`.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from typing import Final

from timeline._errors import TimelineError
from timeline.dates import Relation, When
from timeline.dates._find import DateMatch
from timeline.extract._cues import Cue, Look

__all__ = [
    "FISCAL_PHRASE",
    "DateIndex",
    "after",
    "before",
    "day",
    "main_cue",
    "onwards",
    "pick_date",
    "runs_past",
    "until",
]

_CHANGE: Final = re.compile(r"\bfrom\b.*\bto\b|\bto\b.*\bfrom\b", re.IGNORECASE)
_MARKER: Final = re.compile(r"\b(from|to)\b", re.IGNORECASE)
FISCAL_PHRASE: Final = re.compile(
    r"(?<![\w$])(?:[QH][1-4],?\s+(?:of\s+)?)?(?:FY|fiscal(?:\s+year)?)\s?'?(?:\d{4}|\d{2})(?!\d)"
    r"(?:[-/]\d{2}(?!\d))?(?:,?\s+[QH][1-4](?![a-z\d]))?",
    re.IGNORECASE,
)
"""A fiscal period ("Q3 FY2025", "fiscal 2026"): read only with the actor's fiscal year."""


def day(point: _dt.date) -> _dt.date:
    if isinstance(point, _dt.datetime):
        return point.date()
    return _dt.date(point.year, point.month, point.day)


def after(when: When, anchor: When | None) -> bool:
    """Whether ``when`` lies wholly after the anchor (the publication)."""
    if anchor is None or when.earliest is None or anchor.latest is None:
        return False
    return day(when.earliest) > day(anchor.latest)


def before(when: When, anchor: When | None) -> bool:
    if anchor is None or when.latest is None or anchor.earliest is None:
        return False
    return day(when.latest) < day(anchor.earliest)


def runs_past(when: When, anchor: When | None) -> bool:
    if anchor is None or when.latest is None or anchor.latest is None:
        return False
    return day(when.latest) > day(anchor.latest)


def until(anchor: When, start: When | None) -> When | None:
    """From ``start`` (or an open start) to the anchor: a happened span cut at publication."""
    try:
        if start is None or start.earliest is None:
            return When.interval("open", anchor)
        # An interval (a fiscal year is one) starts with its lower end.
        first = start.lower if start.is_interval else start
        lower = first if isinstance(first, When) and first.relation is Relation.ON else None
        if lower is None:
            return When.interval("open", anchor)
        return When.interval(lower, anchor)
    except TimelineError:
        return None


def onwards(anchor: When) -> When:
    try:
        return When.interval(anchor, "open")
    except TimelineError:
        return anchor


class DateIndex:
    """The date phrases of a text in order, looked up by range.

    >>> from timeline.dates import find_dates
    >>> index = DateIndex(find_dates("In 2024 and in 2026.", reference=None))
    >>> [d.text for d in index.within(0, 8)], index.has(9, 20)
    (['2024'], True)
    """

    def __init__(self, dates: list[DateMatch]) -> None:
        self.dates = sorted(dates, key=lambda d: d.start)
        self.starts = [d.start for d in self.dates]

    def within(self, start: int, end: int) -> list[DateMatch]:
        """The dates wholly inside ``start..end``."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [d for d in self.dates[i:j] if d.end <= end]

    def has(self, start: int, end: int) -> bool:
        """Whether a date lies wholly inside ``start..end``."""
        return bool(self.within(start, end))


def main_cue(found: list[Cue]) -> Cue | None:
    """The cue that decides the direction: the first strong one, or what a report reports."""
    if not found:
        return None
    strong = [c for c in found if c.strong]
    first = strong[0] if strong else found[0]
    if first.look is Look.REPORT:
        later = [c for c in found if c.start > first.start and c.look is not Look.REPORT]
        if later and later[0].look is Look.FORWARD:
            return later[0]
    return first


def _marker_before(folded: str, date: DateMatch, dates: list[DateMatch], start: int) -> str:
    """The last "from" or "to" between the date before ``date`` (or ``start``) and it."""
    begin = max([d.end for d in dates if d.end <= date.start], default=start)
    found = [m.group(1).lower() for m in _MARKER.finditer(folded, begin, date.start)]
    return found[-1] if found else ""


def pick_date(
    dates: list[DateMatch], cue: Cue | None, folded: str, start: int, end: int
) -> DateMatch | None:
    if not dates:
        return None
    if len(dates) == 1:
        return dates[0]
    if (cue is not None and cue.slip) or _CHANGE.search(folded, start, end):
        # "rose from X at A to Y by B", "is to rise to Y by B, from X in A", "delayed
        # to May from April": the change ends at B (May), the last date whose nearest
        # "from"/"to" before it is "to" ("from renewable sources is to rise to 60% by
        # 2030" names no start date); "pushed back to A, then to B": the latest move, B.
        ends = [d for d in dates if _marker_before(folded, d, dates, start) == "to"]
        return ends[-1] if ends else dates[-1]
    if cue is not None:
        after = [d for d in dates if d.start >= cue.end]
        if after:
            return after[0]
        return [d for d in dates if d.end <= cue.start][-1]
    return dates[-1]
