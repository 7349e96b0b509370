"""`When`: a date that keeps its precision.

"April 2026" is a month, not 1 April. A `When` keeps the *named span* a source
gave (``start`` .. ``end``, inclusive), its grain (`Precision`), its qualifiers
(approximate ``~``, uncertain ``?``) and its relation to that span (on, by,
before, after). From those it derives honest inclusive bounds, ``earliest`` and
``latest`` (``None`` when unbounded), and *fuzzy* bounds that widen qualified
values by a replaceable padding policy.

Calendar values (a day or coarser) hold pendulum ``Date`` objects and are
floating, as in iCalendar; instants hold pendulum ``DateTime`` objects and keep
the offset they were given.

Two kinds of comparison are offered, because they answer different questions:

* a **total order** (``<``, ``sorted``) that never raises, for display;
* **honest predicates** (`When.definitely_before`, `When.possibly_before`,
  `When.overlaps`, `When.contains`) that say what is known.

Invariant: if ``a.definitely_before(b)`` then ``a < b``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections.abc import Callable
from typing import Literal, TypeAlias

import attrs
import pendulum
from pendulum import Date, DateTime

from timeline._errors import TimelineError
from timeline.dates._bounds import (
    Point,
    _after,
    _before,
    _clamp_shift,
    _cmp,
    _date,
    _key,
    _last_day,
    _overlap,
    _strictly_before,
)
from timeline.dates._precision import Precision, Relation

__all__ = [
    "DEFAULT_FUZZ",
    "FuzzPolicy",
    "Point",
    "Precision",
    "Relation",
    "When",
    "WhenError",
]


Endpoint: TypeAlias = "When | Literal['open', 'unknown']"


class WhenError(TimelineError, ValueError):
    """An invalid argument to a `When` constructor.

    >>> When.month(2026, 13)
    Traceback (most recent call last):
    ...
    timeline.dates._when.WhenError: When.month(2026, 13): month must be 1..12, got 13
    """


FuzzPolicy: TypeAlias = Callable[["When"], int]
"""Units of the value's own grain to pad on each side of a qualified value."""


def _check(cond: bool, call: str, message: str) -> None:
    if not cond:
        raise WhenError(f"{call}: {message}")


def _check_year(year: int, call: str) -> None:
    _check(1 <= year <= 9999, call, f"year must be 1..9999, got {year}")


def DEFAULT_FUZZ(when: When) -> int:
    """Pad one unit for ``~`` or ``?``, two for both (``%``), none when exact.

    >>> DEFAULT_FUZZ(When.month(2026, 4).qualify(approximate=True))
    1
    """
    return int(when.approximate) + int(when.uncertain)


def _span_precision(lower: Endpoint, upper: Endpoint) -> Precision:
    ends = [e.precision for e in (lower, upper) if isinstance(e, When)]
    if len(ends) == 2 and ends[0] is not ends[1]:
        return Precision.MIXED
    return ends[0] if ends else Precision.MIXED


def _point_identity(p: Point | None) -> tuple[object, ...]:
    """What makes two bounds the same: the instant (and naivety), or the calendar day."""
    if p is None:
        return ()
    if isinstance(p, _dt.datetime):
        return ("instant", _key(p), p.tzinfo is None)
    return ("day", p.toordinal())


@attrs.frozen(repr=False, order=False, cache_hash=True)
class When:
    """An imprecise date or time: a named span with a grain and qualifiers.

    Build one with `When.parse` or a named constructor; the fields describe
    the span as written, the properties give its honest bounds.

    >>> april = When.month(2026, 4)
    >>> april.earliest, april.latest
    (Date(2026, 4, 1), Date(2026, 4, 30))
    >>> When.year(2030).by().earliest is None
    True
    >>> sorted([When.year(2026), When.month(2026, 4)]) == [When.year(2026), When.month(2026, 4)]
    True
    """

    # Bounds compare as instants (UTC) or calendar days. Python's own datetime
    # equality says an ambiguous local time (a DST fall-back hour) in a named
    # zone never equals the same instant written with an offset (PEP 495).
    start: Point | None = attrs.field(eq=_point_identity)
    end: Point | None = attrs.field(eq=_point_identity)
    precision: Precision
    approximate: bool = False
    uncertain: bool = False
    relation: Relation = Relation.ON
    unspecified: str | None = None
    lower: When | Literal["open", "unknown"] | None = None
    upper: When | Literal["open", "unknown"] | None = None

    # -- named constructors -------------------------------------------------

    @classmethod
    def instant(cls, moment: _dt.datetime) -> When:
        """An exact moment; its offset or zone is kept (a naive time stays naive).

        >>> When.instant(pendulum.datetime(2026, 4, 15, 10, tz="Asia/Shanghai")).precision
        <Precision.MINUTE: 'minute'>
        """
        if not isinstance(moment, _dt.datetime):
            raise WhenError(f"When.instant({moment!r}): expected a datetime")
        value = pendulum.instance(moment, tz=moment.tzinfo) if moment.tzinfo else moment
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
        exact_minute = value.second == 0 and value.microsecond == 0
        precision = Precision.MINUTE if exact_minute else Precision.SECOND
        return cls(value, value, precision)

    @classmethod
    def day(cls, year: int, month: int, day: int) -> When:
        """One calendar day.

        >>> str(When.day(2026, 4, 15).earliest)
        '2026-04-15'
        """
        call = f"When.day({year}, {month}, {day})"
        _check_year(year, call)
        _check(1 <= month <= 12, call, f"month must be 1..12, got {month}")
        last = _last_day(year, month)
        _check(1 <= day <= last, call, f"day must be 1..{last} in that month, got {day}")
        d = _date(year, month, day)
        return cls(d, d, Precision.DAY)

    @classmethod
    def week(cls, year: int, week: int) -> When:
        """An ISO 8601 week, Monday to Sunday.

        >>> w = When.week(2026, 15)
        >>> (str(w.earliest), str(w.latest))
        ('2026-04-06', '2026-04-12')
        """
        call = f"When.week({year}, {week})"
        _check_year(year, call)
        weeks = _dt.date(year, 12, 28).isocalendar()[1]
        _check(1 <= week <= weeks, call, f"week must be 1..{weeks} in {year}, got {week}")
        monday = _dt.date.fromisocalendar(year, week, 1)
        start = _date(monday.year, monday.month, monday.day)
        return cls(start, start.add(days=6), Precision.WEEK)

    @classmethod
    def dekad(cls, year: int, month: int, n: int) -> When:
        """A third of a month: days 1-10, 11-20 or 21 to the end.

        >>> str(When.dekad(2026, 4, 2).earliest)
        '2026-04-11'
        """
        call = f"When.dekad({year}, {month}, {n})"
        _check_year(year, call)
        _check(1 <= month <= 12, call, f"month must be 1..12, got {month}")
        _check(1 <= n <= 3, call, f"dekad must be 1..3, got {n}")
        first = (n - 1) * 10 + 1
        last = first + 9 if n < 3 else _last_day(year, month)
        return cls(_date(year, month, first), _date(year, month, last), Precision.DEKAD)

    @classmethod
    def month(cls, year: int, month: int) -> When:
        """A calendar month.

        >>> str(When.month(2026, 2).latest)
        '2026-02-28'
        """
        call = f"When.month({year}, {month})"
        _check_year(year, call)
        _check(1 <= month <= 12, call, f"month must be 1..12, got {month}")
        return cls._months(year, month, 1, Precision.MONTH)

    @classmethod
    def season(cls, year: int, code: int) -> When:
        """A season by EDTF code: 21 spring, 22 summer, 23 autumn, 24 winter.

        Seasons are northern and meteorological: spring is March to May, and
        winter 2026 runs from December 2026 to February 2027.

        >>> w = When.season(2026, 24)
        >>> (str(w.earliest), str(w.latest))
        ('2026-12-01', '2027-02-28')
        """
        call = f"When.season({year}, {code})"
        _check_year(year, call)
        _check(21 <= code <= 24, call, f"season code must be 21..24, got {code}")
        _check(code < 24 or year < 9999, call, "winter 9999 runs past year 9999")
        return cls._months(year, 3 + 3 * (code - 21), 3, Precision.SEASON)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> When:
        """A calendar quarter, 1..4.

        >>> str(When.quarter(2026, 2).earliest)
        '2026-04-01'
        """
        call = f"When.quarter({year}, {quarter})"
        _check_year(year, call)
        _check(1 <= quarter <= 4, call, f"quarter must be 1..4, got {quarter}")
        return cls._months(year, 3 * quarter - 2, 3, Precision.QUARTER)

    @classmethod
    def third(cls, year: int, n: int) -> When:
        """A third of a year: 1 early (Jan-Apr), 2 mid (May-Aug), 3 late (Sep-Dec).

        >>> str(When.third(2024, 1).latest)
        '2024-04-30'
        """
        call = f"When.third({year}, {n})"
        _check_year(year, call)
        _check(1 <= n <= 3, call, f"third must be 1..3, got {n}")
        return cls._months(year, 4 * n - 3, 4, Precision.THIRD)

    @classmethod
    def half(cls, year: int, half: int) -> When:
        """A half year, 1 or 2.

        >>> str(When.half(2026, 2).earliest)
        '2026-07-01'
        """
        call = f"When.half({year}, {half})"
        _check_year(year, call)
        _check(half in (1, 2), call, f"half must be 1 or 2, got {half}")
        return cls._months(year, 6 * half - 5, 6, Precision.HALF)

    @classmethod
    def year(cls, year: int) -> When:
        """A calendar year.

        >>> str(When.year(2030).latest)
        '2030-12-31'
        """
        _check_year(year, f"When.year({year})")
        return cls._months(year, 1, 12, Precision.YEAR)

    @classmethod
    def decade(cls, first_year: int) -> When:
        """A decade named by its first year: 2020 is 2020..2029.

        >>> str(When.decade(2020).latest)
        '2029-12-31'
        """
        call = f"When.decade({first_year})"
        _check(first_year % 10 == 0, call, "a decade starts on a year ending in 0")
        _check(10 <= first_year <= 9990, call, f"decade must be 10..9990, got {first_year}")
        return cls._months(first_year, 1, 120, Precision.DECADE)

    @classmethod
    def century(cls, first_year: int) -> When:
        """A century named by its first year: 2000 is 2000..2099.

        >>> str(When.century(2000).latest)
        '2099-12-31'
        """
        call = f"When.century({first_year})"
        _check(first_year % 100 == 0, call, "a century starts on a year ending in 00")
        _check(100 <= first_year <= 9900, call, f"century must be 100..9900, got {first_year}")
        return cls._months(first_year, 1, 1200, Precision.CENTURY)

    @classmethod
    def masked(cls, text: str, start: Date, end: Date, precision: Precision) -> When:
        """A value with unspecified digits, such as EDTF ``202X``.

        >>> w = When.masked("202X", pendulum.date(2020, 1, 1), pendulum.date(2029, 12, 31),
        ...                 Precision.YEAR)
        >>> w.unspecified
        '202X'
        """
        _check(start <= end, f"When.masked({text!r})", "start is after end")
        return cls(start, end, precision, unspecified=text)

    @classmethod
    def interval(cls, lower: Endpoint, upper: Endpoint) -> When:
        """From ``lower`` to ``upper``; either end may be ``"open"`` or ``"unknown"``.

        >>> w = When.interval(When.month(2026, 4), When.month(2026, 6))
        >>> (str(w.earliest), str(w.latest), w.precision.value)
        ('2026-04-01', '2026-06-30', 'month')
        """
        problems = []
        for end in (lower, upper):
            if isinstance(end, When):
                if end.is_interval:
                    problems.append("an interval's ends cannot be intervals")
                if end.relation is not Relation.ON:
                    problems.append("an interval's ends must be plain dates")
            elif end not in ("open", "unknown"):
                problems.append("an end is a When, 'open' or 'unknown'")
        start = lower.earliest if isinstance(lower, When) else None
        stop = upper.latest if isinstance(upper, When) else None
        if start is not None and stop is not None and _key(start) > _key(stop):
            problems.append("the interval ends before it starts")
        if problems:
            # repr() formats both ends, so the call is spelled out only on failure
            _check(False, f"When.interval({lower!r}, {upper!r})", problems[0])
        return cls(start, stop, _span_precision(lower, upper), lower=lower, upper=upper)

    @classmethod
    def deadline(cls, when: When) -> When:
        """On or before the end of ``when``: "by 2030".

        >>> When.deadline(When.year(2030)).relation
        <Relation.BY: 'by'>
        """
        return when._relate(Relation.BY)

    @classmethod
    def before_(cls, when: When) -> When:
        """Strictly before ``when`` starts: "before 2030".

        >>> str(When.before_(When.year(2030)).latest)
        '2029-12-31'
        """
        return when._relate(Relation.BEFORE)

    @classmethod
    def after_(cls, when: When) -> When:
        """Strictly after ``when`` ends: "after March 2025".

        >>> str(When.after_(When.month(2025, 3)).earliest)
        '2025-04-01'
        """
        return when._relate(Relation.AFTER)

    def by(self) -> When:
        """This value as a deadline: "by" it.

        >>> When.year(2030).by() == When.deadline(When.year(2030))
        True
        """
        return self._relate(Relation.BY)

    def before(self) -> When:
        """Strictly before this value.

        >>> When.year(2030).before().relation.value
        'before'
        """
        return self._relate(Relation.BEFORE)

    def after(self) -> When:
        """Strictly after this value.

        >>> When.year(2030).after().relation.value
        'after'
        """
        return self._relate(Relation.AFTER)

    def qualify(self, *, approximate: bool = False, uncertain: bool = False) -> When:
        """A copy with the given qualifiers (``~`` approximate, ``?`` uncertain).

        An interval is qualified through its ends, which text and EDTF can
        write: ``When.interval(a.qualify(approximate=True), b)``.

        >>> When.month(2026, 4).qualify(approximate=True).approximate
        True
        """
        if self.is_interval and (approximate or uncertain):
            raise WhenError(
                f"{self!r}.qualify(): an interval is qualified through its ends; "
                "qualify the ends and build the interval from them"
            )
        return attrs.evolve(self, approximate=approximate, uncertain=uncertain)

    @classmethod
    def _months(cls, year: int, month: int, count: int, precision: Precision) -> When:
        end_year, end_month = divmod(year * 12 + month - 2 + count, 12)
        end_month += 1
        call = f"When.{precision.value}({year}, ...)"
        _check(end_year <= 9999, call, "the span runs past year 9999")
        end = _date(end_year, end_month, _last_day(end_year, end_month))
        return cls(_date(year, month, 1), end, precision)

    def _relate(self, relation: Relation) -> When:
        if self.relation is not Relation.ON or self.is_interval:
            call = f"{self!r}.{relation.value}()"  # repr() formats: only on failure
            _check(self.relation is Relation.ON, call, "the value already has a relation")
            _check(not self.is_interval, call, "relations apply to single values, not intervals")
        edge = (
            relation is Relation.AFTER
            and self.end is not None
            and self.end.year == 9999
            and self.end.month == 12
            and self.end.day == 31
        )
        edge = edge or (
            relation is Relation.BEFORE
            and self.start is not None
            and (self.start.year, self.start.month, self.start.day) == (1, 1, 1)
        )
        if edge:
            _check(False, f"{self!r}.{relation.value}()", "no calendar day lies beyond 1..9999")
        return attrs.evolve(self, relation=relation)

    # -- text (delegated to the parser and formatter) ------------------------

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        reference: _dt.date | str | None = None,
        prefer: Literal["current", "future", "past"] = "current",
    ) -> When:
        """Parse ISO 8601, EDTF or an English phrase; raises `WhenParseError`.

        >>> When.parse("Q2 2026") == When.quarter(2026, 2)
        True
        """
        from timeline.dates._parse import parse

        return parse(text, reference=reference, prefer=prefer)

    @classmethod
    def from_edtf(cls, text: str) -> When:
        """Parse an EDTF string (levels 0 and 1, sub-year codes 21-41).

        >>> When.from_edtf("2026-04~").approximate
        True
        """
        from timeline.dates._parse import parse_edtf

        return parse_edtf(text)

    def to_edtf(self) -> str:
        """This value as EDTF text; `When.from_edtf` reads it back.

        >>> When.quarter(2026, 2).to_edtf()
        '2026-34'
        """
        from timeline.dates._format import to_edtf

        return to_edtf(self)

    def format(self) -> str:
        """The text a person writes, as `str` gives it.

        >>> When.month(2026, 4).format()
        'April 2026'
        """
        from timeline.dates._format import to_text

        return to_text(self)

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"When.parse({self.format()!r})"

    # -- bounds ---------------------------------------------------------------

    @property
    def earliest(self) -> Point | None:
        """The first day or instant it can fall on, inclusive; ``None`` if unbounded.

        >>> When.year(2030).after().earliest
        Date(2031, 1, 1)
        """
        if self.relation is Relation.ON:
            return self.start
        if self.relation is Relation.AFTER and self.end is not None:
            return _after(self.end)
        return None

    @property
    def latest(self) -> Point | None:
        """The last day or instant it can fall on, inclusive; ``None`` if unbounded.

        >>> When.year(2030).by().latest
        Date(2030, 12, 31)
        """
        if self.relation in (Relation.ON, Relation.BY):
            return self.end
        if self.relation is Relation.BEFORE and self.start is not None:
            return _before(self.start)
        return None

    @property
    def qualified(self) -> bool:
        """Whether the value is approximate or uncertain (anywhere, for intervals).

        >>> When.year(2026).qualify(uncertain=True).qualified
        True
        """
        if self.approximate or self.uncertain:
            return True
        return any(isinstance(e, When) and e.qualified for e in (self.lower, self.upper))

    @property
    def is_interval(self) -> bool:
        """Whether this is an interval ``A/B``.

        >>> When.interval("open", When.year(2030)).is_interval
        True
        """
        return self.lower is not None or self.upper is not None

    @property
    def is_instant(self) -> bool:
        """Whether this is an exact moment.

        >>> When.year(2026).is_instant
        False
        """
        return isinstance(self.start, _dt.datetime) and self.start == self.end

    def fuzzy_bounds(self, policy: FuzzPolicy | None = None) -> tuple[Point | None, Point | None]:
        """The bounds widened by ``policy`` (default `DEFAULT_FUZZ`) for qualified values.

        >>> lo, hi = When.parse("2026-04~").fuzzy_bounds()
        >>> (str(lo), str(hi))
        ('2026-03-01', '2026-05-31')
        """
        policy = policy or DEFAULT_FUZZ
        if self.is_interval:
            lo = self.lower.fuzzy_bounds(policy)[0] if isinstance(self.lower, When) else None
            hi = self.upper.fuzzy_bounds(policy)[1] if isinstance(self.upper, When) else None
            return lo, hi
        pad = policy(self)
        lo, hi = self.earliest, self.latest
        if pad:
            if lo is not None:
                lo = _clamp_shift(lo, self.precision, -pad, at_end=False)
            if hi is not None:
                hi = _clamp_shift(hi, self.precision, pad, at_end=True)
        return lo, hi

    @property
    def fuzzy_earliest(self) -> Point | None:
        """`earliest`, widened for qualified values by the default policy.

        >>> str(When.parse("2026~").fuzzy_earliest)
        '2025-01-01'
        """
        return self.fuzzy_bounds()[0]

    @property
    def fuzzy_latest(self) -> Point | None:
        """`latest`, widened for qualified values by the default policy.

        >>> str(When.parse("2026~").fuzzy_latest)
        '2027-12-31'
        """
        return self.fuzzy_bounds()[1]

    # -- order ------------------------------------------------------------------

    @functools.cached_property
    def sort_key(self) -> tuple[float, float, bool, int, str, str]:
        """The total-order key: primary bound, latest, qualified, grain, EDTF text, relation.

        The primary bound is `earliest`, or `latest` when unbounded below, so
        a deadline "by 2030" sorts at its deadline.

        >>> When.year(2030).by() > When.month(2026, 4)
        True
        """
        lo, hi = self.earliest, self.latest
        hi_key = math.inf if hi is None else _key(hi)
        primary = _key(lo) if lo is not None else hi_key
        edtf = self.to_edtf()
        return (primary, hi_key, self.qualified, self.precision.rank, edtf, self.relation.value)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, When):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __le__(self, other: object) -> bool:
        if not isinstance(other, When):
            return NotImplemented
        return self.sort_key <= other.sort_key

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, When):
            return NotImplemented
        return self.sort_key > other.sort_key

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, When):
            return NotImplemented
        return self.sort_key >= other.sort_key

    # -- honest comparisons -----------------------------------------------------

    def definitely_before(self, other: When) -> bool:
        """Whether this surely ends before ``other`` begins (fuzzy bounds apply).

        >>> When.month(2026, 3).definitely_before(When.month(2026, 4))
        True
        >>> When.parse("2026-03~").definitely_before(When.month(2026, 4))
        False
        """
        hi, lo = self.fuzzy_latest, other.fuzzy_earliest
        return hi is not None and lo is not None and _strictly_before(hi, lo)

    def possibly_before(self, other: When) -> bool:
        """Whether this could start before ``other`` ends (fuzzy bounds apply).

        >>> When.year(2026).possibly_before(When.month(2026, 1))
        True
        >>> When.year(2027).possibly_before(When.month(2026, 1))
        False
        """
        lo, hi = self.fuzzy_earliest, other.fuzzy_latest
        return lo is None or hi is None or _cmp(lo, hi) < 0

    def overlaps(self, other: When) -> bool:
        """Whether the two spans share any day or instant (plain bounds).

        >>> When.month(2026, 4).overlaps(When.quarter(2026, 2))
        True
        """
        return _overlap(self.earliest, self.latest, other.earliest, other.latest)

    def contains(self, other: When | _dt.date) -> bool:
        """Whether ``other`` lies wholly inside this span (plain bounds).

        A floating day contains an instant whose local date is that day.

        >>> When.month(2026, 4).contains(pendulum.date(2026, 4, 15))
        True
        >>> When.month(2026, 4).contains(When.quarter(2026, 2))
        False
        """
        o = _coerce(other)
        lo, hi, o_lo, o_hi = self.earliest, self.latest, o.earliest, o.latest
        if lo is not None and (o_lo is None or _cmp(lo, o_lo) > 0):
            return False
        return not (hi is not None and (o_hi is None or _cmp(o_hi, hi) > 0))

    def __contains__(self, other: object) -> bool:
        if not isinstance(other, When | _dt.date):
            return False
        return self.contains(other)


def _coerce(value: When | _dt.date) -> When:
    """A `When` for a date or datetime given where a `When` is expected."""
    if isinstance(value, When):
        return value
    if isinstance(value, _dt.datetime):
        return When.instant(value)
    if isinstance(value, _dt.date):
        return When.day(value.year, value.month, value.day)
    raise WhenError(f"expected a When, date or datetime, got {value!r}")
