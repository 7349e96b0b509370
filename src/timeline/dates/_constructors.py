"""The named constructors of `When`: one calendar span each.

`When.day`, `When.month`, `When.quarter`, `When.decade` ... build the span a
source named, checking their arguments; `When.interval` joins two values.
`When` takes these functions as its class methods. Spans of whole months are
built once and shared (`months`, behind `When._months`), and `relate` gives a value
its relation (`When.by`, `When.before`, `When.after` ...).
"""

from __future__ import annotations

import datetime as _dt
import numbers
from typing import TYPE_CHECKING, Literal, TypeAlias

import attrs
import pendulum
from pendulum import Date, DateTime

from timeline._errors import WhenError, quoted
from timeline.dates._bounds import _date, _last_day, reading_bounds, runs_backwards
from timeline.dates._precision import Precision, Relation

if TYPE_CHECKING:
    from timeline.dates._fiscal import Fiscal
    from timeline.dates._when import When

__all__ = ["check", "check_year", "week_span", "whole"]

Endpoint: TypeAlias = "When | Literal['open', 'unknown']"


def check(cond: bool, call: str, message: str) -> None:
    """Raise `WhenError` naming the call when ``cond`` is false.

    >>> check(True, "When.month(2026, 4)", "never raised")
    """
    if not cond:
        raise WhenError(f"{call}: {message}")


def whole(name: str, *values: object) -> None:
    """Refuse a part that is not a whole number (a float, a string, a bool) with `WhenError`.

    Called only when some part is not exactly an ``int``, so the common case costs
    a type test. Integer types that are not ``int`` (an ``int`` subclass, NumPy's)
    are taken.

    >>> whole("year", 2026)
    """
    for v in values:
        if isinstance(v, bool) or not isinstance(v, numbers.Integral):
            said = ", ".join(quoted(x) for x in values)
            raise WhenError(
                f"When.{name}({said}): each part is a whole number (an int), "
                f"got {type(v).__name__} {quoted(v)}"
            )


def check_year(year: int, call: str) -> None:
    """Years run 1..9999: what the calendar types hold.

    >>> check_year(2026, "When.year(2026)")
    """
    check(1 <= year <= 9999, call, f"year must be 1..9999, got {quoted(year)}")


def instant(cls: type[When], moment: _dt.datetime) -> When:
    """An exact moment; its offset or zone is kept (a naive time stays naive).

    >>> When.instant(pendulum.datetime(2026, 4, 15, 10, tz="Asia/Shanghai")).precision
    <Precision.MINUTE: 'minute'>
    """
    if not isinstance(moment, _dt.datetime):
        raise WhenError(f"When.instant({quoted(moment)}): expected a datetime")
    value: _dt.datetime = moment
    if not isinstance(moment, DateTime) and moment.tzinfo:
        value = pendulum.instance(moment, tz=moment.tzinfo)
    if not isinstance(value, DateTime):
        value = pendulum.naive(
            moment.year,
            moment.month,
            moment.day,
            moment.hour,
            moment.minute,
            moment.second,
            moment.microsecond,
        )
    if value.tzinfo is not None:
        offset = value.utcoffset()
        if offset is not None and abs(offset) > _MAX_OFFSET:
            # Python allows offsets up to a day; ISO 8601 text (and so When.parse) up to 18 hours
            raise WhenError(
                f"When.instant({quoted(moment)}): UTC offset {offset} is out of range "
                "-18:00..+18:00"
            )
    exact_minute = value.second == 0 and value.microsecond == 0
    precision = Precision.MINUTE if exact_minute else Precision.SECOND
    return cls(value, value, precision)


_MAX_OFFSET = _dt.timedelta(hours=18)


def day(cls: type[When], year: int, month: int, day: int) -> When:
    """One calendar day.

    >>> str(When.day(2026, 4, 15).earliest)
    '2026-04-15'
    """
    if type(year) is not int or type(month) is not int or type(day) is not int:
        whole("day", year, month, day)
    if not (1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= _last_day(year, month)):
        # formatted only on failure
        call = f"When.day({quoted(year)}, {quoted(month)}, {quoted(day)})"
        check_year(year, call)
        check(1 <= month <= 12, call, f"month must be 1..12, got {quoted(month)}")
        last = _last_day(year, month)
        leap = f" ({quoted(year)} is not a leap year)" if month == 2 and day == 29 else ""
        check(False, call, f"day must be 1..{last} in that month, got {quoted(day)}{leap}")
    found = _DAYS.get((cls, year, month, day))
    if found is None:  # each calendar day is built once and shared (values are immutable)
        d = _date(year, month, day)
        found = cls(d, d, Precision.DAY)
        if len(_DAYS) >= _DAYS_MAX:
            _DAYS.clear()
        _DAYS[(cls, year, month, day)] = found
    return found


_DAYS: dict[tuple[type, int, int, int], When] = {}
_DAYS_MAX = 1 << 15


def week(cls: type[When], year: int, week: int) -> When:
    """An ISO 8601 week, Monday to Sunday.

    >>> w = When.week(2026, 15)
    >>> (str(w.earliest), str(w.latest))
    ('2026-04-06', '2026-04-12')
    """
    if type(year) is not int or type(week) is not int:
        whole("week", year, week)
    monday, sunday = week_span(year, week)
    return cls(monday, sunday, Precision.WEEK)


def week_span(year: int, week: int) -> tuple[Date, Date]:
    """The Monday and Sunday of an ISO 8601 week; `WhenError` for no such week.

    >>> week_span(2026, 15)
    (Date(2026, 4, 6), Date(2026, 4, 12))
    """
    if not (1 <= year <= 9999 and 1 <= week <= 52):  # every year has 52 weeks
        call = f"When.week({quoted(year)}, {quoted(week)})"  # formatted only on failure
        check_year(year, call)
        weeks = _dt.date(year, 12, 28).isocalendar()[1]
        check(1 <= week <= weeks, call, f"week must be 1..{weeks} in {year}, got {quoted(week)}")
    monday = _dt.date.fromisocalendar(year, week, 1)
    if monday > _LAST_MONDAY:
        check(False, f"When.week({quoted(year)}, {quoted(week)})", "the week runs past year 9999")
    sunday = monday + _SIX_DAYS
    return (
        _date(monday.year, monday.month, monday.day),
        _date(sunday.year, sunday.month, sunday.day),
    )


_LAST_MONDAY = _dt.date(9999, 12, 25)  # six days before 31 December 9999
_SIX_DAYS = _dt.timedelta(days=6)


def dekad(cls: type[When], year: int, month: int, n: int) -> When:
    """A third of a month: days 1-10, 11-20 or 21 to the end.

    >>> str(When.dekad(2026, 4, 2).earliest)
    '2026-04-11'
    """
    if type(year) is not int or type(month) is not int or type(n) is not int:
        whole("dekad", year, month, n)
    call = f"When.dekad({quoted(year)}, {quoted(month)}, {quoted(n)})"
    check_year(year, call)
    check(1 <= month <= 12, call, f"month must be 1..12, got {quoted(month)}")
    check(1 <= n <= 3, call, f"dekad must be 1..3, got {quoted(n)}")
    first = (n - 1) * 10 + 1
    last = first + 9 if n < 3 else _last_day(year, month)
    return cls(_date(year, month, first), _date(year, month, last), Precision.DEKAD)


# Calendar values by (class, first year, first month, months, grain); emptied when full.
_CALENDAR: dict[tuple[type, int, int, int, str], When] = {}
_CALENDAR_MAX = 1 << 14


def months(cls: type[When], year: int, month: int, count: int, precision: Precision) -> When:
    """``count`` whole months from ``month`` of ``year``: `When._months`, which the
    calendar constructors call."""
    # Datasets repeat the same few thousand calendar values ("April 2026"):
    # each is built once and shared (values are immutable).
    key = (cls, year, month, count, precision._value_)  # an enum's own hash is slow
    found = _CALENDAR.get(key)
    if found is not None:
        return found
    end_year, end_month = divmod(year * 12 + month - 2 + count, 12)
    end_month += 1
    if end_year > 9999:
        check(False, f"When.{precision.value}({quoted(year)}, ...)", "the span runs past year 9999")
    end = _date(end_year, end_month, _last_day(end_year, end_month))
    value = cls(_date(year, month, 1), end, precision)
    if len(_CALENDAR) >= _CALENDAR_MAX:
        _CALENDAR.clear()
    _CALENDAR[key] = value
    return value


def month(cls: type[When], year: int, month: int) -> When:
    """A calendar month.

    >>> str(When.month(2026, 2).latest)
    '2026-02-28'
    """
    if type(year) is not int or type(month) is not int:
        whole("month", year, month)
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        call = f"When.month({quoted(year)}, {quoted(month)})"  # formatted only on failure
        check_year(year, call)
        check(False, call, f"month must be 1..12, got {quoted(month)}")
    return cls._months(year, month, 1, Precision.MONTH)


_SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12, 29: 9, 30: 12, 31: 3, 32: 6}
_SEASON_START.update({25: 3, 26: 6, 27: 9, 28: 12})


def season(cls: type[When], year: int, code: int) -> When:
    """A season by EDTF code: 21 spring, 22 summer, 23 autumn, 24 winter; 25-32 by hemisphere.

    Seasons are meteorological: spring is March to May, and winter 2026 runs
    from December 2026 to February 2027. 21-24 are northern, as are 25-28
    (said "northern spring 2026"); 29-32 are the southern spring (September
    to November), summer (December to February), autumn and winter.

    >>> w = When.season(2026, 24)
    >>> (str(w.earliest), str(w.latest))
    ('2026-12-01', '2027-02-28')
    >>> str(When.season(2001, 29))
    'southern spring 2001'
    """
    if type(year) is not int or type(code) is not int:
        whole("season", year, code)
    call = f"When.season({quoted(year)}, {quoted(code)})"
    check_year(year, call)
    check(21 <= code <= 32, call, f"season code must be 21..32, got {quoted(code)}")
    start = _SEASON_START[code]
    check(start < 12 or year < 9999, call, "a season from December 9999 runs past year 9999")
    w = cls._months(year, start, 3, Precision.SEASON)
    if code >= 25:  # the hemisphere is said only in the EDTF code
        from attrs import evolve

        return evolve(w, form=f"{year:04d}-{quoted(code)}")
    return w


def quarter(cls: type[When], year: int, quarter: int) -> When:
    """A calendar quarter, 1..4.

    >>> str(When.quarter(2026, 2).earliest)
    '2026-04-01'
    """
    if type(year) is not int or type(quarter) is not int:
        whole("quarter", year, quarter)
    if not (1 <= year <= 9999 and 1 <= quarter <= 4):
        call = f"When.quarter({quoted(year)}, {quoted(quarter)})"  # formatted only on failure
        check_year(year, call)
        check(False, call, f"quarter must be 1..4, got {quoted(quarter)}")
    return cls._months(year, 3 * quarter - 2, 3, Precision.QUARTER)


def third(cls: type[When], year: int, n: int) -> When:
    """A third of a year: 1 early (Jan-Apr), 2 mid (May-Aug), 3 late (Sep-Dec).

    >>> str(When.third(2024, 1).latest)
    '2024-04-30'
    """
    if type(year) is not int or type(n) is not int:
        whole("third", year, n)
    if not (1 <= year <= 9999 and 1 <= n <= 3):
        call = f"When.third({quoted(year)}, {quoted(n)})"  # formatted only on failure
        check_year(year, call)
        check(False, call, f"third must be 1..3, got {quoted(n)}")
    return cls._months(year, 4 * n - 3, 4, Precision.THIRD)


def half(cls: type[When], year: int, half: int) -> When:
    """A half year, 1 or 2.

    >>> str(When.half(2026, 2).earliest)
    '2026-07-01'
    """
    if type(year) is not int or type(half) is not int:
        whole("half", year, half)
    if not (1 <= year <= 9999 and half in (1, 2)):
        call = f"When.half({quoted(year)}, {quoted(half)})"  # formatted only on failure
        check_year(year, call)
        check(False, call, f"half must be 1 or 2, got {quoted(half)}")
    return cls._months(year, 6 * half - 5, 6, Precision.HALF)


def year(cls: type[When], year: int) -> When:
    """A calendar year.

    >>> str(When.year(2030).latest)
    '2030-12-31'
    """
    if type(year) is not int:
        whole("year", year)
    if not 1 <= year <= 9999:
        check_year(year, f"When.year({quoted(year)})")
    return cls._months(year, 1, 12, Precision.YEAR)


def decade(cls: type[When], first_year: int) -> When:
    """A decade named by its first year: 2020 is 2020..2029.

    >>> str(When.decade(2020).latest)
    '2029-12-31'
    """
    if type(first_year) is not int:
        whole("decade", first_year)
    call = f"When.decade({quoted(first_year)})"
    check(first_year % 10 == 0, call, "a decade starts on a year ending in 0")
    check(10 <= first_year <= 9990, call, f"decade must be 10..9990, got {quoted(first_year)}")
    return cls._months(first_year, 1, 120, Precision.DECADE)


def century(cls: type[When], first_year: int) -> When:
    """A century named by its first year: 2000 is 2000..2099.

    >>> str(When.century(2000).latest)
    '2099-12-31'
    """
    if type(first_year) is not int:
        whole("century", first_year)
    call = f"When.century({quoted(first_year)})"
    check(first_year % 100 == 0, call, "a century starts on a year ending in 00")
    check(100 <= first_year <= 9900, call, f"century must be 100..9900, got {quoted(first_year)}")
    return cls._months(first_year, 1, 1200, Precision.CENTURY)


def undated(cls: type[When]) -> When:
    """The value for "no date yet" ("TBD", "date not announced"): no bounds at all.

    It sorts after every dated value, is never overdue and never upcoming,
    could overlap anything and surely contains nothing.

    >>> str(When.undated()), When.undated().earliest
    ('date not announced', None)
    """
    return cls(None, None, Precision.UNDATED)


def masked(cls: type[When], text: str, start: Date, end: Date, precision: Precision) -> When:
    """A value with unspecified digits, such as EDTF ``202X``.

    >>> w = When.masked("202X", pendulum.date(2020, 1, 1), pendulum.date(2029, 12, 31),
    ...                 Precision.YEAR)
    >>> w.unspecified
    '202X'
    """
    check(start <= end, f"When.masked({quoted(text)})", "start is after end")
    return cls(start, end, precision, unspecified=text)


def interval(cls: type[When], lower: Endpoint, upper: Endpoint) -> When:
    """From ``lower`` to ``upper``; either end may be ``"open"`` or ``"unknown"``.

    >>> w = When.interval(When.month(2026, 4), When.month(2026, 6))
    >>> (str(w.earliest), str(w.latest), w.precision.value)
    ('2026-04-01', '2026-06-30', 'month')
    """
    problems = []
    for end in (lower, upper):
        if isinstance(end, cls):  # cls is When (_when imports this module)
            if end.lower is not None or end.upper is not None:
                problems.append("an interval's ends cannot be intervals")
            if end.relation is not Relation.ON:
                problems.append("an interval's ends must be plain dates")
            if end.precision is Precision.UNDATED:
                problems.append("an undated end is written 'unknown'")
        elif end != "open" and end != "unknown":
            problems.append("an end is a When, 'open' or 'unknown'")
    start = lower.start if isinstance(lower, cls) else None
    stop = upper.end if isinstance(upper, cls) else None
    if start is not None and stop is not None and start != stop and runs_backwards(start, stop):
        problems.append("the interval ends before it starts")
    if problems:
        # repr() formats both ends, so the call is spelled out only on failure
        check(False, f"When.interval({quoted(lower)}, {quoted(upper)})", problems[0])
    if isinstance(lower, cls) and isinstance(upper, cls):
        grain = lower.precision if lower.precision is upper.precision else Precision.MIXED
    else:
        grain = lower.precision if isinstance(lower, cls) else Precision.MIXED
        grain = upper.precision if isinstance(upper, cls) else grain
    fiscal = None
    if (isinstance(lower, cls) and lower.fiscal) or (isinstance(upper, cls) and upper.fiscal):
        # Stated in fiscal years: the interval as a whole is shown in them
        fiscal, lower, upper = _fiscal_ends(lower, upper)
    return cls(start, stop, grain, lower=lower, upper=upper, fiscal=fiscal)


def _fiscal_ends(lower: Endpoint, upper: Endpoint) -> tuple[Fiscal, Endpoint, Endpoint]:
    """The fiscal years of an interval's ends, and the ends without them; one kind only."""
    kinds = {end.fiscal for end in (lower, upper) if not isinstance(end, str) and end.fiscal}
    if len(kinds) > 1:
        check(
            False,
            f"When.interval({quoted(lower)}, {quoted(upper)})",
            "the ends are stated in different fiscal years; give both in the same ones",
        )
    lo, hi = (e if isinstance(e, str) else attrs.evolve(e, fiscal=None) for e in (lower, upper))
    return kinds.pop(), lo, hi


_FIRST = _dt.datetime(1, 1, 1)
_LAST = _dt.datetime(9999, 12, 31, 23, 59, 59, 999_999)


def _at_edge(point: _dt.date | None, edge: _dt.datetime) -> bool:
    """Whether nothing lies beyond ``point`` in the calendar: its first or last day, or for
    an instant its first or last microsecond (after 9999-12-31T10:00Z lie fourteen hours)."""
    if point is None:
        return False
    if isinstance(point, _dt.datetime):
        return point.replace(tzinfo=None) == edge
    return (point.year, point.month, point.day) == (edge.year, edge.month, edge.day)


def relate(self: When, relation: Relation) -> When:
    """``self`` with ``relation`` (by, before, after ...): `When._relate`, checked."""
    if self.is_undated:
        raise WhenError(f"When.undated().{relation.value}(): the undated value has no date")
    if self.form is not None and self.form[:1] in "[{":
        raise WhenError(
            f"{quoted(self)}.{relation.value}(): relations apply to one date, not a set"
        )
    if self.relation is not Relation.ON or self.is_interval:
        call = f"{quoted(self)}.{relation.value}()"  # repr() formats: only on failure
        check(self.relation is Relation.ON, call, "the value already has a relation")
        check(not self.is_interval, call, "relations apply to single values, not intervals")
    # After the first reading, before the last ("after XXXX": after year 1 at the soonest)
    first_end, last_start = reading_bounds(
        self.start, self.end, self.precision, self.unspecified, self.form
    )
    edge = (relation is Relation.AFTER and _at_edge(first_end, _LAST)) or (
        relation is Relation.BEFORE and _at_edge(last_start, _FIRST)
    )
    if edge:
        check(False, f"{quoted(self)}.{relation.value}()", "no calendar day lies beyond 1..9999")
    return attrs.evolve(self, relation=relation)
