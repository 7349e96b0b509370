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

from timeline._errors import WhenError
from timeline.dates import _constructors
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
from timeline.dates._constructors import check as _check
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


FuzzPolicy: TypeAlias = Callable[["When"], int]
"""Units of the value's own grain to pad on each side of a qualified value."""


def DEFAULT_FUZZ(when: When) -> int:
    """Pad one unit for ``~`` or ``?``, two for both (``%``), none when exact.

    >>> DEFAULT_FUZZ(When.month(2026, 4).qualify(approximate=True))
    1
    """
    return int(when.approximate) + int(when.uncertain)


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

    # -- named constructors (timeline.dates._constructors) -------------------

    instant = classmethod(_constructors.instant)
    day = classmethod(_constructors.day)
    week = classmethod(_constructors.week)
    dekad = classmethod(_constructors.dekad)
    month = classmethod(_constructors.month)
    season = classmethod(_constructors.season)
    quarter = classmethod(_constructors.quarter)
    third = classmethod(_constructors.third)
    half = classmethod(_constructors.half)
    year = classmethod(_constructors.year)
    decade = classmethod(_constructors.decade)
    century = classmethod(_constructors.century)
    masked = classmethod(_constructors.masked)
    interval = classmethod(_constructors.interval)

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

    @functools.cached_property
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

    @functools.cached_property
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
