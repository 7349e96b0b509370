"""A series' bounds and dates as wall-clock times in DTSTART's zone.

RFC 5545 repeats local times: occurrences are expanded over the wall clock of
DTSTART's zone (`timeline.ics._recurrence`), so a UTC ``UNTIL`` and a zoned
``RDATE`` are read on that clock first, and a DATE ``UNTIL`` with DATE-TIME
occurrences keeps its whole day.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

__all__ = [
    "Clock",
    "until_in",
    "until_is_day",
    "until_leap",
    "until_sixty",
    "until_wall",
    "wall_in",
]

_UNTIL_LEAP = re.compile(r"(UNTIL=\d{8}T\d{4})60(?=Z?\s*(?:;|$))", re.I)
_UNTIL_SIXTY = re.compile(r"UNTIL=(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})60(Z?)\s*(?:;|$)", re.I)


def until_sixty(rule: str) -> tuple[tuple[int, int, int, int, int], bool] | None:
    """The wall clock (year to minute) of ``rule``'s UNTIL when it is at second 60, and whether
    it is in UTC (``Z``); ``None`` for any other rule.

    >>> until_sixty("FREQ=DAILY;UNTIL=20161231T235960Z")
    ((2016, 12, 31, 23, 59), True)
    >>> until_sixty("FREQ=DAILY;UNTIL=20161231T235959Z") is None
    True
    """
    m = _UNTIL_SIXTY.search(rule)
    if m is None:
        return None
    y, mo, d, h, mi = (int(m[i]) for i in range(1, 6))
    return (y, mo, d, h, mi), bool(m[6])


def until_leap(rule: str) -> str:
    """``rule`` with an UNTIL at second 60 (a leap second, RFC 5545 §3.3.12) at second 59:
    the end of its minute for occurrences, which fall on whole seconds; dateutil refuses 60.

    >>> until_leap("FREQ=DAILY;UNTIL=20161231T235960Z")
    'FREQ=DAILY;UNTIL=20161231T235959Z'
    """
    return _UNTIL_LEAP.sub(r"\g<1>59", rule)


_UNTIL_DAY = re.compile(r"(UNTIL=\d{8})(?=;|$)", re.I)
_UNTIL_UTC = re.compile(r"UNTIL=(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z", re.I)


Clock = Callable[[_dt.datetime], _dt.datetime]
"""An aware time as the wall clock of DTSTART's zone reads it (naive)."""


def _clock_of(start: _dt.datetime, clock: Clock | None) -> Clock:
    if clock is not None:
        return clock
    return lambda moment: moment.astimezone(start.tzinfo).replace(tzinfo=None)


_UNTIL = re.compile(r"UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?", re.I)


def until_wall(rule: str) -> _dt.datetime | None:
    """The UNTIL of a rule whose UNTIL is a wall-clock time or a day (as `until_in` gives it),
    as a naive time; ``None`` without one (or one that is no time).

    >>> until_wall("FREQ=DAILY;UNTIL=20260302T090000"), until_wall("FREQ=DAILY")
    (datetime.datetime(2026, 3, 2, 9, 0), None)
    """
    m = _UNTIL.search(rule)
    if m is None:
        return None
    try:
        y, mo, d, h, mi, sec = (int(g or 0) for g in m.groups())
        return _dt.datetime(y, mo, d, h, mi, sec)
    except ValueError:
        return None


def until_is_day(rule: str) -> bool:
    """Whether ``rule`` ends on a DATE (``UNTIL=20260302``) rather than a DATE-TIME.

    >>> until_is_day("FREQ=DAILY;UNTIL=20260302"), until_is_day("FREQ=DAILY;UNTIL=20260302T1000Z")
    (True, False)
    """
    return _UNTIL_DAY.search(rule) is not None


def until_in(rule: str, start: _dt.date, clock: Clock | None = None) -> str:
    """``rule`` with a UTC ``UNTIL`` as a wall-clock time in DTSTART's zone.

    Occurrences are expanded as wall-clock times, so the bound must be one too:
    ``UNTIL=20260302T000000Z`` is 09:00 in Tokyo, and keeps the 09:00 occurrence.
    A DATE ``UNTIL`` with a DATE-TIME DTSTART (RFC 5545 asks for a DATE-TIME)
    keeps that whole day, as Google and Apple calendars do.
    ``clock`` reads an instant in DTSTART's zone when ``start.tzinfo`` cannot
    (a zone from the file's VTIMEZONE, whose offset changes with the date);
    by default, ``start.tzinfo``.

    >>> import zoneinfo
    >>> tokyo = _dt.datetime(2026, 3, 2, 9, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo"))
    >>> until_in("FREQ=DAILY;UNTIL=20260302T000000Z", tokyo)
    'FREQ=DAILY;UNTIL=20260302T090000'
    >>> until_in("FREQ=DAILY;UNTIL=20260302", tokyo)  # a day: all of it
    'FREQ=DAILY;UNTIL=20260302T235959'
    """
    if isinstance(start, _dt.datetime):
        # A DATE UNTIL with DATE-TIME occurrences: that whole day, as calendar apps read it.
        rule = _UNTIL_DAY.sub(r"\1T235959", rule)
    if not (isinstance(start, _dt.datetime) and start.tzinfo is not None):
        return rule
    read = _clock_of(start, clock)

    def local(m: re.Match[str]) -> str:
        try:
            y, mo, d, h, mi, sec = (int(g) for g in m.groups())
            wall = read(_dt.datetime(y, mo, d, h, mi, sec, tzinfo=_dt.UTC))
        except (ValueError, OverflowError):
            return m[0]
        return f"UNTIL={wall:%Y%m%dT%H%M%S}"

    return _UNTIL_UTC.sub(local, rule)


def wall_in(value: _dt.date, start: _dt.date, clock: Clock | None = None) -> _dt.datetime:
    """An RDATE as a wall-clock time in DTSTART's zone (read by ``clock``, as in `until_in`).

    >>> wall_in(_dt.date(2026, 4, 20), _dt.date(2026, 4, 15))
    datetime.datetime(2026, 4, 20, 0, 0)
    """
    if isinstance(value, _dt.datetime) and isinstance(start, _dt.datetime):
        if value.tzinfo is not None and start.tzinfo is not None:
            return _clock_of(start, clock)(value)
        return value.replace(tzinfo=None)
    return _dt.datetime(value.year, value.month, value.day)
