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

The plumbing lives in siblings: building values (`timeline.dates._constructors`),
relations to the span in words ("by", "before": `timeline.dates._when_relate`), the
honest predicates (`timeline.dates._when_compare`), arithmetic on bounds and the
honest relations' rule (`timeline.dates._bounds`), the total order's key
(`timeline.dates._when_order`), the readings of EDTF sets and the
relations over them (`timeline.dates._relations`) and the integer order keys
(`timeline.dates._keys`).
"""

from __future__ import annotations

import datetime as _dt
import functools
import types
from collections.abc import Callable
from typing import Literal, TypeAlias

import attrs

from timeline._errors import WhenError, quoted
from timeline.dates import _constructors, _when_compare, _when_order, _when_relate
from timeline.dates._bounds import (
    Point,
    _after,
    _before,
    _clamp_shift,
    _point_identity,
    padding,
    reading_bounds,
)
from timeline.dates._constructors import _CALENDAR as _CALENDAR  # re-exported (benchmarks)
from timeline.dates._fiscal import Fiscal
from timeline.dates._precision import MONTH_NAMES, Precision, Relation

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

    A value read from a fiscal phrase keeps the calendar months as its bounds
    and, in ``fiscal``, the fiscal years it was stated in, so it is shown as said:

    >>> q3 = When.parse("Q3 FY2026", fiscal_year_start="July")
    >>> str(q3), q3.fiscal, str(q3.latest)
    ('Q3 FY2026 (January–March 2026)', Fiscal(7), '2026-03-31')
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
    # The EDTF text of a level-2 value whose meaning the fields above do not
    # carry: a set or list ("[2025-35,2025-36]"), per-component qualifiers
    # ("2004?-06-~11"), a hemisphere season ("2001-29"), significant digits
    # ("1950S2"). Its bounds are in start/end; the text keeps the rest.
    form: str | None = None
    # The fiscal years the value was stated in ("Q3 FY2026"): its bounds are the
    # calendar months above; this says how to show them (`When.fiscal_text`).
    fiscal: Fiscal | None = None

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
    undated = classmethod(_constructors.undated)
    interval = classmethod(_constructors.interval)
    _months = classmethod(_constructors.months)  # calendar values, built once and shared

    # -- relations to the span (timeline.dates._when_relate) -------------------

    deadline = classmethod(_when_relate.deadline)
    before_ = classmethod(_when_relate.before_)
    after_ = classmethod(_when_relate.after_)
    not_before = _when_relate.not_before
    not_after = _when_relate.not_after
    by = _when_relate.by
    before = _when_relate.before
    after = _when_relate.after

    def qualify(self, *, approximate: bool = False, uncertain: bool = False) -> When:
        """A copy with the given qualifiers (``~`` approximate, ``?`` uncertain).

        An interval is qualified through its ends, which text and EDTF can
        write: ``When.interval(a.qualify(approximate=True), b)``.

        >>> When.month(2026, 4).qualify(approximate=True).approximate
        True
        """
        for flag, given in (("approximate", approximate), ("uncertain", uncertain)):
            if not isinstance(given, bool) and type(given).__name__ != "bool_":  # NumPy's too
                raise WhenError(
                    f"{quoted(self)}.qualify(): {flag}: {quoted(given)} is not True or False"
                )
        if self.is_undated and (approximate or uncertain):
            raise WhenError("When.undated().qualify(): the undated value has nothing to qualify")
        if not (approximate or uncertain or self.approximate or self.uncertain):
            return self
        if self.form is not None and (approximate or uncertain):
            if self.form[0] in "[{" or any(mark in self.form for mark in "~?%"):
                raise WhenError(
                    f"{quoted(self)}.qualify(): this EDTF level-2 value carries its qualifiers in "
                    "its text; write them there"
                )
            # a hemisphere season ("2001-29") or significant digits ("1950S2"): EDTF has no
            # place for a qualifier on these, so the span is offered, qualified
            lo, hi = self.start, self.end
            assert isinstance(lo, _dt.date) and isinstance(hi, _dt.date)
            c, q = "c. " if approximate else "", "?" if uncertain else ""  # as said
            span = (
                f"{c}{MONTH_NAMES[lo.month - 1]} {lo.year:04d}{q} to "
                f"{c}{MONTH_NAMES[hi.month - 1]} {hi.year:04d}{q}"  # not strftime: the locale's
                if self.precision is Precision.SEASON
                else f"{c}{lo.year:04d}{q} to {c}{hi.year:04d}{q}"
            )
            raise WhenError(
                f"{quoted(self)}.qualify(): a hemisphere season or a year with significant digits "
                f"takes no qualifier; write the span it covers, qualified, such as '{span}'"
            )
        if self.is_interval and (approximate or uncertain):
            raise WhenError(
                f"{quoted(self)}.qualify(): an interval is qualified through its ends; "
                "qualify the ends and build the interval from them"
            )
        # The constructor, not attrs.evolve: qualifying is on the parser's hot path.
        return When(
            self.start,
            self.end,
            self.precision,
            approximate,
            uncertain,
            self.relation,
            self.unspecified,
            self.lower,
            self.upper,
            self.form,
            self.fiscal,
        )

    _relate = _constructors.relate

    # -- text (delegated to the parser and formatter) ------------------------

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        reference: _dt.date | str | When | None = None,
        prefer: Literal["current", "future", "past"] = "current",
        fiscal_year_start: int | str | None = None,
        fiscal_year_named_by: Literal["end", "start"] = "end",
    ) -> When:
        """Parse ISO 8601, EDTF or an English phrase; raises `WhenParseError`.

        ``reference`` (a date, a date string, or a `When`: its earliest day) is
        the day the text was written, for relative phrases ("April", "next month").

        ``fiscal_year_start`` (a month) reads fiscal periods ("FY2025", "Q3
        FY2025"), named by the year they end in unless ``fiscal_year_named_by``
        is ``"start"``.

        >>> When.parse("Q2 2026") == When.quarter(2026, 2)
        True
        >>> str(When.parse("FY2025", fiscal_year_start=7))
        'FY2025 (July 2024–June 2025)'
        """
        parse: Callable[..., When] = (_PARSE[0] if _PARSE else _load_parser()).parse
        if fiscal_year_start is None and fiscal_year_named_by == "end":
            return parse(text, reference=reference, prefer=prefer)
        return parse(
            text,
            reference=reference,
            prefer=prefer,
            fiscal_year_start=fiscal_year_start,
            fiscal_year_named_by=fiscal_year_named_by,
        )

    @classmethod
    def from_edtf(cls, text: str) -> When:
        """Parse an EDTF string (levels 0, 1 and 2); raises `WhenParseError`.

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

    def words(self) -> str:
        """The value for a reader: `format`, with what is written in EDTF there in words.

        Unspecified digits, parts qualified one by one and ISO weeks are said as
        people would; the parser does not read these words back (use `format` or
        `to_edtf` to store a value).

        >>> When.parse("2026-XX-15").words(), When.parse("202X").words()
        ('the 15th of a month in 2026', 'some year in the 2020s')
        """
        from timeline.dates._format import to_words

        return to_words(self)

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
        if self.relation is Relation.ON or self.relation is Relation.NOT_BEFORE:
            return self.start
        if self.relation is Relation.AFTER and self.end is not None:
            # after the first reading at the soonest ("after 202X": from 2021)
            first_end = reading_bounds(
                self.start, self.end, self.precision, self.unspecified, self.form
            )[0]
            assert first_end is not None
            return _after(first_end)
        return None

    @functools.cached_property
    def latest(self) -> Point | None:
        """The last day or instant it can fall on, inclusive; ``None`` if unbounded.

        >>> When.year(2030).by().latest
        Date(2030, 12, 31)
        """
        if self.relation in (Relation.ON, Relation.BY, Relation.NOT_AFTER):
            return self.end
        if self.relation is Relation.BEFORE and self.start is not None:
            # before the last reading at the latest ("before 202X": until 2028)
            last_start = reading_bounds(
                self.start, self.end, self.precision, self.unspecified, self.form
            )[1]
            assert last_start is not None
            return _before(last_start)
        return None

    @property
    def qualified(self) -> bool:
        """Whether the value is approximate or uncertain (anywhere, for intervals).

        >>> When.year(2026).qualify(uncertain=True).qualified
        True
        """
        if self.approximate or self.uncertain:
            return True
        if self.form is not None:
            return "~" in self.form or "?" in self.form or "%" in self.form
        lower, upper = self.lower, self.upper
        return (isinstance(lower, When) and lower.qualified) or (
            isinstance(upper, When) and upper.qualified
        )

    @property
    def is_interval(self) -> bool:
        """Whether this is an interval ``A/B``.

        >>> When.interval("open", When.year(2030)).is_interval
        True
        """
        return self.lower is not None or self.upper is not None

    @property
    def is_undated(self) -> bool:
        """Whether this is the undated value ("TBD", "date not announced").

        >>> When.parse("TBA").is_undated, When.year(2026).is_undated
        (True, False)
        """
        return self.precision is Precision.UNDATED

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
        if policy is not None and not callable(policy):
            raise WhenError(
                f"{quoted(self)}.fuzzy_bounds(): policy must be a function from a When to a "
                f"whole number of its units, got {quoted(policy)}"
            )
        policy = policy or DEFAULT_FUZZ
        if self.is_interval:
            lo = self.lower.fuzzy_bounds(policy)[0] if isinstance(self.lower, When) else None
            hi = self.upper.fuzzy_bounds(policy)[1] if isinstance(self.upper, When) else None
            return lo, hi
        grain = self.precision
        if self.form is not None:
            from timeline.dates._edtf_level2 import _hull, form_fuzz

            members, grain = form_fuzz(self)
            if members is not None:  # a set: the hull of its members at their widest
                return _hull([m.fuzzy_bounds(policy) for m in members], self)
        pad = policy(self)
        if type(pad) is not int or pad < 0:
            pad = padding(pad, self)
        lo, hi = self.earliest, self.latest
        if pad:
            if lo is not None:
                lo = _clamp_shift(lo, grain, -pad, at_end=False)
            if hi is not None:
                hi = _clamp_shift(hi, grain, pad, at_end=True)
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

    sort_key = functools.cached_property(_when_order.sort_key)
    _keys = functools.cached_property(_when_order.keys)  # kept in a slot (`keep_keys`)
    _order_text = functools.cached_property(_when_order.order_text)

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

    # -- honest comparisons (timeline.dates._when_compare) -------------------------

    definitely_before = _when_compare.definitely_before
    possibly_before = _when_compare.possibly_before
    overlaps = _when_compare.overlaps
    contains = _when_compare.contains
    _plain_ends = functools.cached_property(_when_compare.plain_ends)
    __contains__ = _when_compare.holds


# The parser module, imported on first use (it compiles the phrase patterns):
# kept here rather than an import statement in When.parse, which runs per date.
_PARSE: list[types.ModuleType] = []


def _load_parser() -> types.ModuleType:
    from timeline.dates import _parse

    _PARSE.append(_parse)
    return _parse


def _coerce(value: When | _dt.date) -> When:
    """A `When` for a date or datetime given where a `When` is expected."""
    if isinstance(value, When):
        return value
    if isinstance(value, _dt.datetime):
        return When.instant(value)
    if isinstance(value, _dt.date):
        return When.day(value.year, value.month, value.day)
    raise WhenError(f"expected a When, date or datetime, got {quoted(value)}")
