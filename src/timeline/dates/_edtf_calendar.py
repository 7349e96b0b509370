"""Checked calendar values for the EDTF reader, and the error it raises.

`Fail` (reason and suggestion) is what every part of the reader raises;
`timeline.dates._parse` turns it into the public `WhenParseError`. The
builders here turn numbers already matched into a `When` and say precisely
what is wrong when they name no date: a sub-year code, a day (leap years,
month lengths), an ISO week, and a text with unspecified digits (``202X``).
"""

from __future__ import annotations

import datetime as _dt
import functools

from timeline.dates._bounds import _last_day
from timeline.dates._precision import MONTH_NAMES
from timeline.dates._when import When, WhenError


class Fail(Exception):
    """Why a text is not a date; ``definite`` when a form matched but its values are wrong."""

    def __init__(self, reason: str, suggestion: str | None = None, *, definite: bool = True):
        super().__init__(reason)
        self.reason = reason
        self.suggestion = suggestion
        self.definite = definite


_SUB_YEAR = (
    "neither a month (01-12) nor a sub-year code (21-32 seasons, 33-36 quarters, "
    "37-39 thirds, 40-41 halves)"
)


def _reason(e: WhenError) -> str:
    """The model's message without the constructor call it names."""
    message = str(e)
    return message.split(": ", 1)[1] if message.startswith("When.") else message


def _sub_year(year: int, code: int, y: str, mo: str) -> When:
    if 1 <= code <= 12:
        return When.month(year, code)
    if 21 <= code <= 32:
        return When.season(year, code)
    if 33 <= code <= 36:
        return When.quarter(year, code - 32)
    if 37 <= code <= 39:
        return When.third(year, code - 36)
    if 40 <= code <= 41:
        return When.half(year, code - 39)
    # "2024-27" is often meant as the years 2024 to 2027.
    later = year - year % 100 + code
    hint = f"{y} to {later:04d}" if later > year else None  # "0001 to 0018", which reads
    raise Fail(f"{mo} is {_SUB_YEAR}", hint)


def _day(year: int, month: int, day: int) -> When:
    if not 1 <= month <= 12:
        raise Fail(f"{month:02d} is not a month (01-12)")
    last = _last_day(year, month)
    if not 1 <= day <= last:
        name = f"{MONTH_NAMES[month - 1]} {year}"
        if month == 2 and day == 29:
            raise Fail(f"{year} is not a leap year: {name} has {last} days")
        raise Fail(f"day {day:02d} does not exist: {name} has {last} days")
    return When.day(year, month, day)


def _week(year: int, week: int, weekday: str | None) -> When:
    weeks = _dt.date(year, 12, 28).isocalendar()[1] if 1 <= year <= 9999 else 0
    if not 1 <= week <= weeks:
        raise Fail(f"week {week:02d} does not exist: {year} has {weeks} ISO weeks")
    try:
        if weekday is None:
            return When.week(year, week)
        if not 1 <= int(weekday) <= 7:
            raise Fail(f"ISO weekday {weekday} is not 1 (Monday) .. 7 (Sunday)")
        day = _dt.date.fromisocalendar(year, week, int(weekday))
        return When.day(day.year, day.month, day.day)
    except (WhenError, ValueError, OverflowError) as e:
        raise Fail(f"week {year}-W{week:02d} is outside the calendar ({e})") from None


# -- unspecified digits -----------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def masked(text: str) -> When:
    """The value of an EDTF text with unspecified digits (``202X``, ``2026-XX``, ``156X-12-25``).

    Its bounds are the hull of the dates the digits allow.
    """
    from timeline.dates._edtf_level2 import mask_bounds

    first, last, precision = mask_bounds(text)
    return When.masked(text, first, last, precision)
