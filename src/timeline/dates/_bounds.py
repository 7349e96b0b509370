"""Arithmetic on bounds: floating days (pendulum ``Date``) and instants (``DateTime``).

Kept apart from `When` so the value type reads as semantics, not plumbing.
Instants are compared in UTC; a floating day against an instant by the
instant's local date (see `strictly_before` for the one refinement).
"""

from __future__ import annotations

import calendar
import datetime as _dt
from typing import TypeAlias

import pendulum
from pendulum import Date, DateTime

from timeline.dates._precision import Precision

Point: TypeAlias = Date | DateTime
"""A bound: a floating calendar day (``Date``) or an instant (``DateTime``)."""


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _date(y: int, m: int, d: int) -> Date:
    return pendulum.date(y, m, d)


def _as_utc_micros(p: _dt.datetime) -> int:
    """Microseconds since 1970 UTC; a naive time is read as UTC for ordering only."""
    offset = p.utcoffset()
    seconds = p.hour * 3600 + p.minute * 60 + p.second
    micros = (p.toordinal() - _EPOCH_ORDINAL) * _DAY_US + seconds * 1_000_000 + p.microsecond
    if offset is not None:
        micros -= (offset.days * 86400 + offset.seconds) * 1_000_000 + offset.microseconds
    return micros


_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
_DAY_US = 86_400_000_000
_EAST_US = 14 * 3_600_000_000  # UTC+14, the earliest a day starts anywhere
_WEST_US = 12 * 3_600_000_000  # UTC-12, the latest a day ends anywhere


def _date_micros(d: _dt.date) -> int:
    return (d.toordinal() - _EPOCH_ORDINAL) * _DAY_US


def _key(p: _dt.date) -> int:
    """Sort position of a bound: instants in UTC, floating days at UTC midnight."""
    if isinstance(p, _dt.datetime):
        return _as_utc_micros(p)
    return _date_micros(p)


def _local_date(p: _dt.date) -> _dt.date:
    return p.date() if isinstance(p, _dt.datetime) else p


_DAYS = (pendulum.Date, _dt.date)


def _cmp(a: _dt.date, b: _dt.date) -> int:
    """Compare two bounds: instants in UTC; a day against an instant by its local date."""
    if type(a) in _DAYS and type(b) in _DAYS:  # two calendar days: the common case
        return (a > b) - (a < b)
    a_timed, b_timed = isinstance(a, _dt.datetime), isinstance(b, _dt.datetime)
    if a_timed and b_timed:
        ka, kb = _key(a), _key(b)
    else:
        ka, kb = _local_date(a).toordinal(), _local_date(b).toordinal()
    return (ka > kb) - (ka < kb)


def _strictly_before(a: Point, b: Point) -> bool:
    """``a`` ends before ``b`` begins.

    Instants compare in UTC and days by the calendar. Between a day and an
    instant the instant's local date decides, and an instant is before a day
    only if it is also before that day's midnight in UTC: that keeps the total
    order (which puts a floating day at its UTC midnight) consistent with this
    predicate. It only matters late in the day at negative UTC offsets.
    """
    a_timed, b_timed = isinstance(a, _dt.datetime), isinstance(b, _dt.datetime)
    if a_timed and b_timed:
        return _key(a) < _key(b)
    if a_timed and not b_timed:
        return _local_date(a) < b and _key(a) < _key(b)
    return _local_date(a) < _local_date(b)


def _shift(p: Point, precision: Precision, n: int, *, at_end: bool) -> Point:
    """Move a span bound by ``n`` units of ``precision``, staying on unit boundaries."""
    if n == 0:
        return p
    if isinstance(p, _dt.datetime):
        step = {Precision.SECOND: 1, Precision.MINUTE: 60}.get(precision, 86400)
        return p.add(seconds=step * n)
    if at_end:  # move the day after, then step back: keeps month ends right
        return _shift(p.add(days=1), precision, n, at_end=False).subtract(days=1)
    if precision is Precision.DAY:
        return p.add(days=n)
    if precision is Precision.WEEK:
        return p.add(days=7 * n)
    if precision is Precision.DEKAD:
        index = (p.year * 12 + p.month - 1) * 3 + min(p.day // 10, 2) + n
        month_index, dekad = divmod(index, 3)
        year, month = divmod(month_index, 12)
        return _date(year, month + 1, dekad * 10 + 1)
    months = {
        Precision.MONTH: 1,
        Precision.SEASON: 3,
        Precision.QUARTER: 3,
        Precision.THIRD: 4,
        Precision.HALF: 6,
        Precision.YEAR: 12,
        Precision.DECADE: 120,
        Precision.CENTURY: 1200,
    }.get(precision, 12)
    return p.add(months=months * n)


def _clamp_shift(p: Point, precision: Precision, n: int, *, at_end: bool) -> Point:
    try:
        return _shift(p, precision, n, at_end=at_end)
    except (ValueError, OverflowError):  # past year 1 or 9999: the calendar's edge
        if isinstance(p, _dt.datetime):
            return p
        return _date(1, 1, 1) if n < 0 else _date(9999, 12, 31)


def _overlap(
    a_lo: Point | None, a_hi: Point | None, b_lo: Point | None, b_hi: Point | None
) -> bool:
    if a_hi is not None and b_lo is not None and _cmp(a_hi, b_lo) < 0:
        return False
    return not (b_hi is not None and a_lo is not None and _cmp(b_hi, a_lo) < 0)


def _after(p: Point) -> Point:
    if isinstance(p, _dt.datetime):
        return p.add(microseconds=1)
    return p.add(days=1)


def _before(p: Point) -> Point:
    if isinstance(p, _dt.datetime):
        return p.subtract(microseconds=1)
    return p.subtract(days=1)


def naive_utc(point: _dt.date) -> _dt.datetime:
    """A plain naive ``datetime`` for a bound: days at midnight, instants in UTC.

    For tools that want one axis of naive times (pandas columns, matplotlib).

    >>> naive_utc(pendulum.datetime(2026, 4, 15, 10, tz="Asia/Shanghai"))
    datetime.datetime(2026, 4, 15, 2, 0)
    >>> naive_utc(pendulum.date(2026, 4, 15))
    datetime.datetime(2026, 4, 15, 0, 0)
    """
    if isinstance(point, _dt.datetime):
        if point.tzinfo is not None:
            point = point.astimezone(_dt.UTC)
        return _dt.datetime(*point.timetuple()[:6], point.microsecond)
    return _dt.datetime(point.year, point.month, point.day)
