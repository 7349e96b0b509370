"""The commonest ISO 8601 / EDTF shapes, read straight into a `When`.

`timeline.dates._parse.parse` tries `read` before its general path. It takes
the shapes most dates in files and feeds have: a year, a month or a sub-year
code (``2026``, ``2026-04``, ``2026-35``), a day, each maybe qualified
(``2026-04~``), unspecified digits (``202X``, ``2026-XX``, ``2026-04-XX``), a
date-time with or without an offset (``2026-04-15T10:00:00+08:00``), and an
interval of those (``2026-04/2026-06``, ``2026-04/..``, ``/2026-06``); and,
through `timeline.dates._quick_words`, the canonical texts ``str(When)`` writes,
which data files store (``3 April 2026``, ``2026-W14``, ``c. Q2 2026?``, ``by
end of 2030``, ``April 2026 to June 2026`` ...). It builds
the value with the fewest objects (one pattern match a value, each `When` built
once and directly, none of the checks the pattern already made) and gives
exactly what the general path gives (a property test compares them); anything
else, or anything wrong, it leaves to the general path (``None``), which reads
the rarer forms and says what is wrong.

Every value `read` gives depends on the text alone, so it is remembered by
its text (a bounded table): a dataset repeats its dates.
"""

from __future__ import annotations

import re
from typing import Literal

import pendulum
from pendulum import Date

from timeline._errors import WhenError
from timeline.dates._bounds import _last_day
from timeline.dates._edtf_instants import _offset
from timeline.dates._parse_edtf import _QUALIFIERS, Fail
from timeline.dates._precision import Precision
from timeline.dates._quick_words import interval, read_words
from timeline.dates._when import When

__all__ = ["LONGEST", "canonical", "read"]

LONGEST = 52
"""The longest text `read` takes: two qualified dekads (``c. early September 2026? to ...``)."""

# One value: year, then month or sub-year code, day, time and offset; a
# qualifier on calendar values. Ranges the pattern cannot say (the last day of
# a month, a code with a day) are checked in `_one`.
_ONE = re.compile(
    r"([1-9]\d{3})"
    r"(?:-(0[1-9]|1[0-2]|2[1-9]|3\d|4[01])"
    r"(?:-(0[1-9]|[12]\d|3[01])"
    r"(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(Z|[+-](?:0\d|1[0-7]):[0-5]\d)?)?"
    r")?)?"
    r"([~?%]?)",
    re.ASCII,  # other scripts' digits take the general path
)

# Sub-year codes: first month, months, grain (as the named constructors build them).
_SUB_YEAR = {21: (3, 3, Precision.SEASON), 22: (6, 3, Precision.SEASON)}
_SUB_YEAR.update({23: (9, 3, Precision.SEASON), 24: (12, 3, Precision.SEASON)})
_SUB_YEAR.update({32 + q: (3 * q - 2, 3, Precision.QUARTER) for q in range(1, 5)})
_SUB_YEAR.update({36 + t: (4 * t - 3, 4, Precision.THIRD) for t in range(1, 4)})
_SUB_YEAR.update({39 + h: (6 * h - 5, 6, Precision.HALF) for h in range(1, 3)})

_MEMO: dict[str, When] = {}
_MEMO_MAX = 1 << 14


def read(text: str) -> When | None:
    """The value of ``text`` if it has one of the common shapes, else ``None``.

    >>> read("2026-04~") == When.parse("2026-04~")
    True
    >>> read("2026-04/2026-06") == When.parse("2026-04/2026-06")
    True
    >>> read("c. April 2026?") == When.parse("c. April 2026?")
    True
    >>> read("Aprill 2026") is None
    True
    """
    found = _MEMO.get(text)
    if found is not None:
        return found
    try:
        if " " in text:  # the canonical texts str() writes: "3 April 2026", "Q2 2026" ...
            w = read_words(text)
        elif "/" in text:
            w = _interval(text)
        else:
            w = _one(text, True)
            if w is None and ("W" in text or "X" in text or not text[:1].isdigit()):
                # "2026-W14", "2026-W14?", "202X", "202X?", "2026-04-XX"
                w = read_words(text)
    except (Fail, WhenError):
        return None  # a span past 9999 ...: the general path says what is wrong
    if w is not None:
        if len(_MEMO) >= _MEMO_MAX:
            _MEMO.clear()
        _MEMO[text] = w
    return w


def canonical(text: str) -> When | None:
    """The value of a canonical text ``str(When)`` writes, else ``None``; not remembered.

    No fiscal year changes what these texts mean (a property test checks it), so
    `timeline.dates._parse.parse` uses this when given one; the table `read`
    fills holds ISO/EDTF readings too, which a fiscal year may change.

    >>> canonical("Q2 2026") == When.quarter(2026, 2)
    True
    """
    try:
        return read_words(text)
    except WhenError:
        return None  # "9999-W52": the general path says what is wrong


def _one(text: str, whole: bool) -> When | None:
    """One value; ``whole`` when it is the whole text (then "2020-21" is two years, not EDTF)."""
    m = _ONE.fullmatch(text)
    if m is None:
        return None
    y, mo, d, hh, mi, ss, tz, mark = m.groups()
    year = int(y)
    # Built directly, with the marks at once: the named constructors' checks are the
    # pattern's, and their tables of shared values would only be filled to be skipped.
    if mo is None:
        start, end, grain = Date(year, 1, 1), Date(year, 12, 31), Precision.YEAR
    else:
        month = int(mo)
        if d is not None:
            day = int(d)
            if month > 12 or (day > 28 and day > _last_day(year, month)):
                return None  # no such day: the general path says so
            if hh is not None:
                return None if mark else _instant(year, month, day, hh, mi, ss, tz)
            start = end = Date(year, month, day)
            grain = Precision.DAY
        elif month <= 12:
            start, grain = Date(year, month, 1), Precision.MONTH
            end = Date(year, month, _last_day(year, month))
        else:
            # Not here: hemisphere seasons (25-32: they carry a form and refuse
            # qualifiers) and the whole text "2020-21", the years 2020 to 2021 (as a
            # fiscal context may say; see _parse). These take the general path.
            span = _SUB_YEAR.get(month)
            if span is None or (whole and not mark and (year + 1) % 100 == month):
                return None
            first, count, grain = span
            end_year, end_month = divmod(year * 12 + first + count - 2, 12)
            if end_year > 9999:
                return None  # winter 9999 runs past the calendar: the general path says so
            start = Date(year, first, 1)
            end = Date(end_year, end_month + 1, _last_day(end_year, end_month + 1))
    if mark:
        approximate, uncertain = _QUALIFIERS[mark]
        return When(start, end, grain, approximate, uncertain)
    return When(start, end, grain)


def _instant(
    year: int, month: int, day: int, hh: str, mi: str, ss: str | None, tz: str | None
) -> When | None:
    second = int(ss) if ss else 0
    if tz is None:
        moment = pendulum.naive(year, month, day, int(hh), int(mi), second)
    elif tz == "-00:00":
        return None  # "offset unknown": the general path explains
    else:
        moment = pendulum.DateTime(year, month, day, int(hh), int(mi), second, tzinfo=_offset(tz))
    return When(moment, moment, Precision.SECOND if second else Precision.MINUTE)


def _interval(text: str) -> When | None:
    left, _, right = text.partition("/")
    return interval(_end(left), _end(right))


def _end(text: str) -> When | Literal["open", "unknown"] | None:
    if text == "":
        return "unknown"
    if text == "..":
        return "open"
    if "/" in text:
        return None
    return _one(text, False)
