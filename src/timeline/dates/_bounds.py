"""Arithmetic on bounds: floating days (pendulum ``Date``) and instants (``DateTime``).

Kept apart from `When` so the value type reads as semantics, not plumbing.
Instants are compared in UTC; floating days by the calendar; a pair that mixes
the two under the one rule for honest relations (`meets`, `ends_before`,
`inside`).
"""

from __future__ import annotations

import datetime as _dt
import numbers
from collections.abc import Iterable
from typing import TypeAlias

from pendulum import Date, DateTime

from timeline._errors import WhenError, quoted
from timeline.dates._precision import Precision

Point: TypeAlias = Date | DateTime
"""A bound: a floating calendar day (``Date``) or an instant (``DateTime``)."""


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _last_day(year: int, month: int) -> int:
    """The number of days in a month (1..12) of a year (Gregorian)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month]


def _date(y: int, m: int, d: int) -> Date:
    return Date(y, m, d)


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


_DAYS = (Date, _dt.date)


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


def _shift(p: Point, precision: Precision, n: int, *, at_end: bool) -> Point:
    """Move a span bound by ``n`` units of ``precision``, staying on unit boundaries."""
    if n == 0:
        return p
    if isinstance(p, _dt.datetime):
        step = _STEP_SECONDS.get(precision._name_, 86400)
        return p.add(seconds=step * n)
    if at_end:  # move the day after, then step back: keeps month ends right
        return _add_days(_shift(_add_days(p, 1), precision, n, at_end=False), -1)
    if precision is Precision.DAY:
        return _add_days(p, n)
    if precision is Precision.WEEK:
        return _add_days(p, 7 * n)
    if precision is Precision.DEKAD:
        index = (p.year * 12 + p.month - 1) * 3 + min(p.day // 10, 2) + n
        month_index, dekad = divmod(index, 3)
        year, month = divmod(month_index, 12)
        return _date(year, month + 1, dekad * 10 + 1)
    return _add_months(p, _STEP_MONTHS.get(precision._name_, 12) * n)


# By name: an Enum member hashes in Python, its name in C.
_STEP_SECONDS = {Precision.SECOND._name_: 1, Precision.MINUTE._name_: 60}
_STEP_MONTHS = {
    p._name_: months
    for p, months in (
        (Precision.MONTH, 1),
        (Precision.SEASON, 3),
        (Precision.QUARTER, 3),
        (Precision.THIRD, 4),
        (Precision.HALF, 6),
        (Precision.YEAR, 12),
        (Precision.DECADE, 120),
        (Precision.CENTURY, 1200),
    )
}


# Calendar steps in the standard library's C code: pendulum's `add` is pure Python (about
# 5 us a call), and a large timeline widens tens of thousands of qualified values.


def _add_days(p: Date, n: int) -> Date:
    """``p`` moved ``n`` days (``p.add(days=n)``); ValueError past years 1..9999."""
    day = _dt.date.fromordinal(p.toordinal() + n)
    return Date(day.year, day.month, day.day)


def _add_months(p: Date, n: int) -> Date:
    """``p`` moved ``n`` months, its day kept within the month (``p.add(months=n)``: 31
    January plus a month is 28 or 29 February); ValueError past years 1..9999."""
    year, month = divmod(p.year * 12 + p.month - 1 + n, 12)
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    return Date(year, month + 1, min(p.day, _last_day(year, month + 1)))


def _clamp_shift(p: Point, precision: Precision, n: int, *, at_end: bool) -> Point:
    try:
        return _shift(p, precision, n, at_end=at_end)
    except (ValueError, OverflowError):  # past year 1 or 9999: the calendar's edge
        if isinstance(p, _dt.datetime):
            return p
        return _date(1, 1, 1) if n < 0 else _date(9999, 12, 31)


# -- the honest relations, on spans of bounds ------------------------------------------------
#
# One rule (DESIGN §2): a "could" relation holds for *some* reading of both
# values (both at their widest), a "surely" relation for *every* reading (a
# container at its narrowest, the other side at its widest). Spans are compared
# as half-open ranges of microseconds on one axis. Floating values (calendar
# days, naive times) and instants (UTC) share that axis only through a reading:
# when a pair mixes the two, each floating bound is widened to every UTC offset,
# from local midnight at UTC+14 to the end of the day at UTC-12 (further, if an
# instant in the pair carries a more extreme offset). Within one frame nothing
# is widened: two floating days compare by the calendar, two instants in UTC.

Span: TypeAlias = "tuple[_dt.date | None, _dt.date | None]"
"""Inclusive bounds ``(lo, hi)`` (days or instants); ``None`` is unbounded on that side."""

_INF = float("inf")


def _offset_us(p: _dt.date) -> int | None:
    """The UTC offset of an instant in microseconds; ``None`` when floating."""
    if not isinstance(p, _dt.datetime):
        return None
    offset = p.utcoffset()
    if offset is None:
        return None
    return (offset.days * 86400 + offset.seconds) * 1_000_000 + offset.microseconds


def _widening(points: tuple[_dt.date | None, ...]) -> tuple[int, int]:
    """How far floating bounds reach east and west for this set of bounds (0, 0 in one frame)."""
    floating = aware = False
    east, west = _EAST_US, _WEST_US
    for p in points:
        if p is None:
            continue
        offset = _offset_us(p)
        if offset is None:
            floating = True
        else:
            aware = True
            east, west = max(east, offset), max(west, -offset)
    return (east, west) if floating and aware else (0, 0)


def _grain_us(p: _dt.date) -> int:
    """The length a bound stands for: a whole day, or one microsecond for a time."""
    return 1 if isinstance(p, _dt.datetime) else _DAY_US


def _lo_us(p: _dt.date | None, east: int) -> float:
    if p is None:
        return -_INF
    return _key(p) - (east if _offset_us(p) is None else 0)


def _hi_us(p: _dt.date | None, west: int) -> float:
    """The exclusive end of a bound at its widest."""
    if p is None:
        return _INF
    return _key(p) + _grain_us(p) + (west if _offset_us(p) is None else 0)


def meets(a: Span, b: Span) -> bool:
    """Whether the spans could share a moment, both read at their widest.

    >>> d = pendulum.date
    >>> meets((d(2026, 4, 1), d(2026, 4, 30)), (d(2026, 4, 30), None))
    True
    >>> meets((d(2026, 4, 1), d(2026, 4, 30)), (d(2026, 5, 1), None))
    False
    """
    east, west = _widening((*a, *b))
    return _lo_us(a[0], east) < _hi_us(b[1], west) and _lo_us(b[0], east) < _hi_us(a[1], west)


def ends_before(a: Span, b: Span) -> bool:
    """Whether ``a`` surely ends before ``b`` starts, both read at their widest.

    For any two spans exactly one of ``ends_before(a, b)``, ``ends_before(b, a)``
    and ``meets(a, b)`` holds.

    14 April read at UTC-12 ends at noon UTC on the 15th:

    >>> day = (pendulum.date(2026, 4, 14), pendulum.date(2026, 4, 14))
    >>> [ends_before(day, (t, t)) for t in (pendulum.datetime(2026, 4, 15, h) for h in (11, 12))]
    [False, True]
    """
    east, west = _widening((*a, *b))
    return _hi_us(a[1], west) <= _lo_us(b[0], east)


def padding(pad: object, w: object) -> int:
    """A fuzz policy's answer as a number of units: 0 for ``None``, else a whole number >= 0.

    >>> padding(None, "w"), padding(True, "w")
    (0, 1)
    """
    if pad is None:
        return 0
    if isinstance(pad, numbers.Integral) and int(pad) >= 0:
        return int(pad)
    raise WhenError(
        f"{quoted(w)}.fuzzy_bounds(): the policy gave {quoted(pad)}; it must give a whole "
        "number of units, 0 or more"
    )


def runs_backwards(start: _dt.date, stop: _dt.date) -> bool:
    """Whether an interval from bound ``start`` to bound ``stop`` ends before it starts.

    Two days or two instants compare as they sort (instants in UTC). Between a
    floating day and an instant, the instant's local time is set against the whole
    day, as a floating day holds an instant whose local date is that day: from
    10:00 on 15 April to 15 April runs to the end of that day.

    >>> d, t = pendulum.date(2026, 4, 15), pendulum.datetime(2026, 4, 15, 10)
    >>> runs_backwards(t, d), runs_backwards(d, t), runs_backwards(t.add(days=1), d)
    (False, False, True)
    """
    start_time, stop_time = isinstance(start, _dt.datetime), isinstance(stop, _dt.datetime)
    if start_time is stop_time:
        return _key(start) > _key(stop)
    if stop_time:
        assert isinstance(stop, _dt.datetime)
        return _wall_us(stop) < _key(start)
    assert isinstance(start, _dt.datetime)
    return _wall_us(start) >= _key(stop) + _DAY_US


def _wall_us(p: _dt.datetime) -> int:
    """An instant's local clock reading, as a floating time's key."""
    return _as_utc_micros(p.replace(tzinfo=None))


def inside(container: Span, other: Span) -> bool:
    """Whether ``other`` (at its widest) surely lies within ``container`` (at its narrowest).

    The container keeps its plain bounds: a floating day holds an instant
    whose local date is that day; an instant-bounded container holds a
    floating day only if every reading of the day fits.

    >>> d = pendulum.date
    >>> inside((d(2026, 4, 1), d(2026, 6, 30)), (d(2026, 4, 1), d(2026, 4, 30)))
    True
    """
    east, west = _widening((*container, *other))
    (c_lo, c_hi), (o_lo, o_hi) = container, other
    if c_lo is not None:
        if o_lo is None:
            return False
        c_float, o_float = _offset_us(c_lo) is None, _offset_us(o_lo) is None
        if c_float and not o_float:
            assert isinstance(o_lo, _dt.datetime)
            ok = _key(c_lo) <= _wall_us(o_lo)
        else:
            ok = _key(c_lo) <= _lo_us(o_lo, east if o_float and not c_float else 0)
        if not ok:
            return False
    if c_hi is None:
        return True
    if o_hi is None:
        return False
    c_float, o_float = _offset_us(c_hi) is None, _offset_us(o_hi) is None
    if c_float and not o_float:
        assert isinstance(o_hi, _dt.datetime)
        return _wall_us(o_hi) + 1 <= _key(c_hi) + _grain_us(c_hi)
    return _hi_us(o_hi, west if o_float and not c_float else 0) <= _key(c_hi) + _grain_us(c_hi)


def holds(holders: Iterable[Span], readings: Iterable[Span], *, every: bool) -> bool:
    """Whether each reading lies inside every holder (``every``: a one-of container) or
    some holder (an all-of container), under `inside`'s rule.

    A set's readings are its members (`timeline.dates._relations._readings`).

    >>> d = pendulum.date
    >>> april, june = (d(2026, 4, 1), d(2026, 4, 30)), (d(2026, 6, 1), d(2026, 6, 30))
    >>> tenth = ((d(2026, 4, 10), d(2026, 4, 10)),)
    >>> holds((april, june), tenth, every=True), holds((april, june), tenth, every=False)
    (False, True)
    """
    if every:
        return all(inside(c, r) for c in holders for r in readings)
    return all(any(inside(c, r) for c in holders) for r in readings)


def _overlap(
    a_lo: Point | None, a_hi: Point | None, b_lo: Point | None, b_hi: Point | None
) -> bool:
    return meets((a_lo, a_hi), (b_lo, b_hi))


def reading_bounds(
    start: Point | None,
    end: Point | None,
    precision: Precision,
    unspecified: str | None,
    form: str | None = None,
) -> tuple[Point | None, Point | None]:
    """The last day of the first reading and the first day of the last one.

    A value with unspecified digits is one unit the digits allow, not said which
    (EDTF level 1: "202X" is one year of the 2020s): "after 202X" is after its
    first reading at the soonest (2020: from 2021), "before 202X" before its last
    at the latest (2029: until 2028). Any other value is one reading, its span.
    Level 2 says the same two more ways (``form``, `_form_readings`): significant
    digits (``1950S2``: one year of the 1900s) and digits with one part qualified
    (``2026-~XX-15``: a qualifier pads the fuzzy bounds, not the readings).

    >>> reading_bounds(Date(2020, 1, 1), Date(2029, 12, 31), Precision.YEAR, "202X")
    (Date(2020, 12, 31), Date(2029, 1, 1))
    >>> reading_bounds(Date(2026, 1, 15), Date(2026, 12, 15), Precision.DAY, "2026-XX-15")
    (Date(2026, 1, 15), Date(2026, 12, 15))
    >>> reading_bounds(Date(1900, 1, 1), Date(1999, 12, 31), Precision.CENTURY, None, "1950S2")
    (Date(1900, 12, 31), Date(1999, 1, 1))
    """
    if unspecified is None and form is not None:
        precision, unspecified = _form_readings(form, precision)
    if (
        unspecified is None
        or not isinstance(start, Date)
        or not isinstance(end, Date)
        or isinstance(start, _dt.datetime)
    ):
        return end, start
    if precision is Precision.YEAR:
        return _date(start.year, 12, 31), _date(end.year, 1, 1)
    if precision is Precision.MONTH:
        return _date(start.year, start.month, _last_day(start.year, start.month)), _date(
            end.year, end.month, 1
        )
    return start, end


def _form_readings(form: str, precision: Precision) -> tuple[Precision, str | None]:
    """The grain and digits of the readings a level-2 single value is one of, if several.

    >>> _form_readings("1950S2", Precision.CENTURY), _form_readings("2026-~XX", Precision.MONTH)
    ((<Precision.YEAR: 'year'>, '19XX'), (<Precision.MONTH: 'month'>, '2026-XX'))
    >>> _form_readings("2004?-06-~11", Precision.DAY)
    (<Precision.DAY: 'day'>, None)
    """
    if form[:1] in "[{":  # a set: its members are its readings
        return precision, None
    year, s, sig = form.partition("S")
    if s:  # significant digits: one year of those the leading digits allow
        kept = int(sig)
        return Precision.YEAR, year[:kept] + "X" * (len(year) - kept)
    digits = form.translate(_NO_MARKS)
    return precision, digits if "X" in digits else None


_NO_MARKS = str.maketrans("", "", "~?%")


def _after(p: Point) -> Point:
    if isinstance(p, _dt.datetime):
        return _nudge(p, 1)
    return p.add(days=1)


def _before(p: Point) -> Point:
    if isinstance(p, _dt.datetime):
        return _nudge(p, -1)
    return p.subtract(days=1)


def _nudge(p: DateTime, microseconds: int) -> DateTime:
    """``p`` moved by a few microseconds, also where its UTC time leaves years 1..9999.

    pendulum adds through UTC, which overflows for 0001-01-01T00:00+01:00 though
    the local time is in the calendar; there the local clock is moved instead
    (the same instant for a fixed offset, which is what such early or late
    times have).
    """
    try:
        return p.add(microseconds=microseconds)
    except OverflowError:
        moved = _dt.datetime.__add__(p, _dt.timedelta(microseconds=microseconds))
        assert isinstance(moved, DateTime)
        return moved


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


def _point_identity(p: Point | None) -> tuple[object, ...]:
    """What makes two bounds the same: the instant (and naivety), or the calendar day."""
    if p is None:
        return ()
    if isinstance(p, _dt.datetime):
        return ("instant", _key(p), p.tzinfo is None)
    return ("day", p.toordinal())
