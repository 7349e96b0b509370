"""The canonical texts `str(When)` writes, read straight into a `When`.

Data files store each date as its canonical text (`timeline.dates._format`):
``3 April 2026``, ``April 2026``, ``2026-W14``, ``Q2 2026``, ``H1 2026``,
``early 2024`` / ``mid-2024`` / ``late 2024`` (thirds), ``mid-April 2026``
(dekads), ``spring 2026``, ``winter 2026/27``, ``2026``, ``the 2020s``,
``early 2020s``, ``the 21st century`` and unspecified digits (``202X``); each
maybe qualified (``c. April 2026``, ``April 2026?``, ``c. April 2026?``), with
a relation (``by April 2026``, ``by end of 2030``, ``before 2030``, ``after
March 2025``, ``no earlier than Q2 2026``, ``no later than Q2 2026``), or
two of them as an interval (``April 2026 to June 2026``, ``until June 2026``,
``from April 2026 onwards``, ``unknown start to June 2026``, ``April 2026 to
unknown end``). `read_words` reads exactly these spellings (the case and
spacing `str` writes) with one pattern match an end, building each value with
the named constructors as the phrase parser does, and gives exactly what the
general path gives (a property test compares them on every kind of value);
anything else, or anything wrong (31 April, a qualified instant, a year past
the calendar), it leaves to the general path (``None``), which reads the other
spellings and says what is wrong. `timeline.dates._quick.read` calls it and
remembers what it read.
"""

from __future__ import annotations

import re
from typing import Literal

from pendulum import Date

from timeline.dates._bounds import _last_day
from timeline.dates._constructors import week_span
from timeline.dates._format import ordinal
from timeline.dates._precision import MONTH_NAMES, Precision, Relation, names_century
from timeline.dates._when import When

__all__ = ["interval", "read_words"]

_MONTH = "(" + "|".join(MONTH_NAMES) + ")"
_MONTHS = {name: n for n, name in enumerate(MONTH_NAMES, 1)}
# Unspecified digits in the commonest places: the decade, the month, the day.
_MASKED = r"[1-9]\d\dX|[1-9]\d{3}-XX|[1-9]\d{3}-(?:0[1-9]|1[0-2])-XX"
# One end: "c. " (approximate), the date, "?" (uncertain); the numbers are the
# groups' (from 1). Years are four digits, as `str` writes them; year 0 is refused
# below.
_END = (
    r"(c\. )?(?:"  # 1: approximate
    + (r"(?:([1-9]|[12]\d|3[01]) )?" + _MONTH + r" (\d{4})")  # 2-4: day, month, year
    + (r"|(early |mid-|late )(?:" + _MONTH + r" )?(\d{4})(s?)")  # 5-8: dekad, third
    + r"|([QH])([1-4]) (\d{4})"  # 9-11: quarter, half
    + r"|(spring|summer|autumn|winter) (\d{4})(?:/(\d\d))?"  # 12-14: season
    + r"|(\d{4})(?:-W(\d\d))?"  # 15-16: year, week
    + r"|the (?:(\d{3}0)s|([1-9]\d{0,2})(st|nd|rd|th) century)"  # 17-19: decade, century
    + rf"|({_MASKED})"  # 20: unspecified digits
    + r")(\??)"  # 21: uncertain
)
_ONE = re.compile(_END, re.ASCII)  # other scripts' digits take the general path
_RELATED = re.compile(
    r"(by end of|by|before|after|no earlier than|no later than) " + _END, re.ASCII
)
_RELATIONS = {
    "by end of": Relation.BY,
    "by": Relation.BY,
    "before": Relation.BEFORE,
    "after": Relation.AFTER,
    "no earlier than": Relation.NOT_BEFORE,
    "no later than": Relation.NOT_AFTER,
}
_PARTS = {"early ": 1, "mid-": 2, "late ": 3}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9}  # first months
_FIRST_DAY = Date(1, 1, 1)
_LAST_DAY = Date(9999, 12, 31)

Groups = tuple[str | None, ...]
End = When | Literal["open", "unknown"] | None


def read_words(text: str) -> When | None:
    """The value of a canonical text (see the module), else ``None``.

    Raises `timeline.WhenError` for a week the calendar cannot hold (the
    caller leaves it to the general path, which explains it).

    >>> read_words("c. 3 April 2026?") == When.day(2026, 4, 3).qualify(
    ...     approximate=True, uncertain=True)
    True
    >>> read_words("by end of 2030") == When.year(2030).by()
    True
    >>> read_words("April 2026 to June 2026") == When.interval(
    ...     When.month(2026, 4), When.month(2026, 6))
    True
    >>> read_words("3 april 2026") is None  # another spelling: the general path
    True
    """
    if " to " in text:
        left, _, right = text.partition(" to ")
        lower: End = "unknown" if left == "unknown start" else _end(left)
        upper: End = "unknown" if right == "unknown end" else _end(right)
        return interval(lower, upper)
    if text.startswith("until "):
        return interval("open", _end(text[6:]))
    if text.startswith("from ") and text.endswith(" onwards"):
        return interval(_end(text[5:-8]), "open")
    m = _ONE.fullmatch(text)
    if m is not None:
        return _value(m.groups(), Relation.ON)
    if text == "date not announced":
        return When.undated()
    m = _RELATED.fullmatch(text)
    if m is None:
        return None
    groups = m.groups()
    return _value(groups[1:], _RELATIONS[groups[0] or ""])


def _end(text: str) -> When | None:
    m = _ONE.fullmatch(text)
    return None if m is None else _value(m.groups(), Relation.ON)


def interval(lower: End, upper: End) -> When | None:
    """The interval `When.interval` builds, or ``None`` for the general path to explain."""
    if lower is None or upper is None:
        return None
    if type(lower) is When:
        start = lower.start
        if type(upper) is When:
            stop = upper.end
            if type(start) is not Date or type(stop) is not Date or start > stop:
                return None  # instants, or the wrong way round: the general path says so
            grain = lower.precision if lower.precision is upper.precision else Precision.MIXED
        else:
            stop, grain = None, lower.precision
    elif type(upper) is When:
        start, stop, grain = None, upper.end, upper.precision
    else:
        return None  # no date at all ("unknown start to unknown end")
    return When(start, stop, grain, lower=lower, upper=upper)


def _value(g: Groups, relation: Relation) -> When | None:
    """One end or single value: its span, qualifiers and relation, in one `When`."""
    span = _span(g)
    if span is None:
        return None
    start, end, grain, unspecified = span
    if relation is Relation.AFTER and end == _LAST_DAY:
        return None  # nothing lies after 31 December 9999: the general path says so
    if relation is Relation.BEFORE and start == _FIRST_DAY:
        return None
    # Built directly, the marks and the relation at once, as `_quick._one` does: the
    # checks of the named constructors are made below, and their tables of shared
    # values would only be filled to be skipped (`_quick.read` remembers the text).
    return When(start, end, grain, g[0] is not None, g[20] == "?", relation, unspecified)


Span = tuple[Date, Date, Precision, str | None]


def _span(g: Groups) -> Span | None:
    """First day, last day, grain and unspecified digits; ``None`` for no such value."""
    day, month, year, part, part_month, part_year, decade_s = g[1:8]
    if month is not None and year is not None:
        y, mo = int(year), _MONTHS[month]
        if y == 0:
            return None
        if day is None:
            return Date(y, mo, 1), Date(y, mo, _last_day(y, mo)), Precision.MONTH, None
        d = int(day)
        if d > 28 and d > _last_day(y, mo):
            return None  # no such day: the general path says so
        first = Date(y, mo, d)
        return first, first, Precision.DAY, None
    if part is not None and part_year is not None:
        y, n = int(part_year), _PARTS[part]
        if part_month is not None:  # a dekad: days 1-10, 11-20, 21 to the end
            mo = _MONTHS[part_month]
            if decade_s or y == 0:
                return None
            last = 10 * n if n < 3 else _last_day(y, mo)
            return Date(y, mo, 10 * n - 9), Date(y, mo, last), Precision.DEKAD, None
        if decade_s:  # a third of a decade, as `decade_third` builds it
            if y % 10 or not 10 <= y <= 9990 or names_century(y):  # "late 1800s": general path
                return None
            first_year, last_year = y + (0, 4, 7)[n - 1], y + (3, 6, 9)[n - 1]
            return Date(first_year, 1, 1), Date(last_year, 12, 31), Precision.DECADE, None
        return _months(y, 4 * n - 3, 4 * n, Precision.THIRD)
    return _coarse(g)


def _coarse(g: Groups) -> Span | None:
    """The values after the first two alternatives: quarter ... unspecified digits."""
    qh, n, qh_year, season, season_year, next_year, year, week = g[8:16]
    if qh is not None and qh_year is not None and n is not None:
        k = int(n)
        if qh == "Q":
            return _months(int(qh_year), 3 * k - 2, 3 * k, Precision.QUARTER)
        return _months(int(qh_year), 6 * k - 5, 6 * k, Precision.HALF) if k <= 2 else None
    if season is not None and season_year is not None:
        y = int(season_year)
        if season != "winter":
            first = _SEASONS[season]
            return None if next_year else _months(y, first, first + 2, Precision.SEASON)
        if next_year is None or int(next_year) != (y + 1) % 100 or not 1 <= y < 9999:
            return None  # "winter 2026" alone is ambiguous: the general path asks
        return Date(y, 12, 1), Date(y + 1, 2, _last_day(y + 1, 2)), Precision.SEASON, None
    if year is not None:
        y = int(year)
        if week is not None:
            monday, sunday = week_span(y, int(week))
            return monday, sunday, Precision.WEEK, None
        return _months(y, 1, 12, Precision.YEAR)
    decade, century, suffix, masked = g[16:20]
    if decade is not None:
        y = int(decade)
        if y < 10 or names_century(y):
            return None  # "the 0000s": the general path says why not; "the 1800s" a century
        return Date(y, 1, 1), Date(y + 9, 12, 31), Precision.DECADE, None
    if century is not None and suffix is not None:
        number = int(century)
        if ordinal(number) != century + suffix or not 2 <= number <= 100:
            return None  # "the 21th century", "the 1st century": the general path explains
        y = (number - 1) * 100
        return Date(y, 1, 1), Date(y + 99, 12, 31), Precision.CENTURY, None
    if masked is not None:
        return _masked(masked)
    return None


def _months(year: int, first: int, last: int, grain: Precision) -> Span | None:
    """The months ``first`` to ``last`` of ``year``, as `When._months` builds them."""
    if year == 0:
        return None
    return Date(year, first, 1), Date(year, last, _last_day(year, last)), grain, None


def _masked(text: str) -> Span:
    """``199X``, ``2026-XX``, ``2026-04-XX``: the decade, year or month whose digits are unsaid."""
    year = int(text[:4]) if len(text) > 4 else int(text[:3]) * 10
    if len(text) == 4:
        return Date(year, 1, 1), Date(year + 9, 12, 31), Precision.YEAR, text
    if len(text) == 7:
        return Date(year, 1, 1), Date(year, 12, 31), Precision.MONTH, text
    month = int(text[5:7])
    return Date(year, month, 1), Date(year, month, _last_day(year, month)), Precision.DAY, text
