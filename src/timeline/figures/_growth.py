"""Observations and growth: figures over time, and the change between two of them.

An `Observation` is a figure at a time ("over 140 trillion tokens per day, by March
2025"). `growth(a, b)` gives the factor from one observation to a later one and
the compound annual rate it implies. The elapsed time comes from the `When`
bounds (fuzzy bounds for approximate or uncertain dates), so imprecise dates give
a range of rates, and the figures' bounds carry through: from 1 trillion to "over
140 trillion" is "over 140×", a rise the figures show only a floor for.

Time is measured between the bounds' days (instants at their UTC time) in years
of 365.2425 days. Rates are floats: they come from fractional powers and are
inexact anyway; factors stay exact `Decimal` quantities.
"""

from __future__ import annotations

import datetime as _dt
import math
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Final

import attrs

from timeline._errors import QuantityError, TargetError, TimelineError, quoted
from timeline.dates._bounds import Point, _key
from timeline.dates._days import to_day
from timeline.dates._when import When, _coerce
from timeline.figures._quantity import Quantity
from timeline.figures._source import Source
from timeline.figures._text import optional_text

__all__ = ["Growth", "Observation", "growth", "series_order"]

_DAY_US: Final = 86_400_000_000
_YEAR_DAYS: Final = 365.2425


def _to_when(value: When | _dt.date | str, owner: str) -> When:
    if isinstance(value, When):
        return value
    if isinstance(value, _dt.date):
        return _coerce(value)
    if not isinstance(value, str):
        raise TargetError(f"{owner}: expected a When, date or text, got {quoted(value)}")
    try:
        return When.parse(value)
    except TimelineError as err:
        raise TargetError(f"{owner}: {err}") from err


def _to_quantity(value: Quantity | str, owner: str) -> Quantity:
    if isinstance(value, Quantity):
        return value
    if not isinstance(value, str):
        raise TargetError(
            f"{owner}: expected a Quantity or text such as '$600 million', got {quoted(value)}"
        )
    try:
        return Quantity.parse(value)
    except QuantityError as err:
        raise TargetError(f"{owner}: {err}") from err


def _to_day(value: When | _dt.date | str) -> _dt.date:
    """The day a `When` (its earliest day), date or text stands for."""
    return to_day(value)


def _years(a: Point, b: Point) -> float:
    return (_key(b) - _key(a)) / _DAY_US / _YEAR_DAYS


def _span(when: When) -> tuple[Point | None, Point | None]:
    # Approximate or uncertain dates count with their fuzzy (padded) bounds.
    return when.fuzzy_bounds() if when.qualified else (when.earliest, when.latest)


def _day_of(point: Point) -> _dt.date:
    return point.date() if isinstance(point, _dt.datetime) else point


@attrs.frozen(init=False)
class Observation:
    """A figure at a time: ``Observation("March 2025", "over 140 trillion tokens per day")``.

    ``when`` is a `When` (text is parsed, dates accepted); ``value`` a `Quantity`
    (text is parsed); ``source`` a `Source` or its title.

    >>> o = Observation(When.year(2024), "1 trillion tokens per day")
    >>> str(o)
    '1 trillion tokens per day (2024)'
    """

    when: When
    value: Quantity
    source: Source | None = None
    note: str | None = None

    def __init__(
        self,
        when: When | _dt.date | str,
        value: Quantity | str,
        *,
        source: Source | str | None = None,
        note: str | None = None,
    ) -> None:
        if isinstance(source, str):
            source = Source(source)
        elif source is not None and not isinstance(source, Source):
            raise TargetError(
                f"observation: source: {quoted(source)} is not a source; give a Source or "
                "its title as text (Source('Reuters', published='2026-03-28'), say)"
            )
        text = optional_text(note, "observation", "note", TargetError)
        self.__attrs_init__(
            _to_when(when, "observation: when"),
            _to_quantity(value, "observation: value"),
            source,
            text,
        )

    def __str__(self) -> str:
        return self.describe()

    def describe(self, *, words: bool = False) -> str:
        """The figure and its date, as `str` gives it; with ``words`` the date for a reader
        (`When.words`: "2026-XX" is "some month of 2026").

        >>> Observation("2026-XX", "5 ents").describe(words=True)
        '5 ents (some month of 2026)'
        """
        return f"{self.value} ({self.when.words() if words else self.when})"

    def known_on(self, day: When | _dt.date | str) -> bool:
        """Whether the figure was known on ``day``: "as known on that day" for figures.

        A figure is known once the period it measures has ended (its latest day,
        fuzzy bounds for approximate dates: a figure for 2026 is known from
        2026-12-31, one open-ended or undated never) and, when its source has a
        ``published`` date, once that was published (from its earliest day, as a
        claim counts from its ``stated`` day). `Event.as_of`, `Target.status`, the
        page and ``to_pandas(as_of=)`` all use this rule.

        >>> o = Observation("2026-01", "900 GPUs", source=Source("s", published="2026-02-03"))
        >>> o.known_on("2026-01-31"), o.known_on("2026-02-03")
        (False, True)
        """
        cutoff = to_day(day)
        last = _span(self.when)[1]
        if last is None or _day_of(last) > cutoff:
            return False
        published = self.source.published if self.source is not None else None
        return published is None or published.earliest is None or to_day(published) <= cutoff


def series_order(observation: Observation) -> tuple[float, float, tuple[object, ...]]:
    """The key that puts a series of figures in time order: by latest, then earliest day.

    Not `When`'s table order (earliest first, else latest): there "until c. March
    2026" sorts after "c. March 2026", though a figure held until then is the
    earlier one. Here a figure sorts before another when it is no later on both
    bounds, so "$5 billion (until c. March 2026)" comes before "$10 billion (c.
    March 2026)", and "by March 2025" still after "early 2024".

    >>> a = Observation("../2026-03~", "$5 billion")
    >>> b = Observation("2026-03~", "$10 billion")
    >>> [str(o.value) for o in sorted([b, a], key=series_order)]
    ['$5 billion', '$10 billion']
    """
    lo, hi = observation.when.earliest, observation.when.latest
    return (
        math.inf if hi is None else _key(hi),
        -math.inf if lo is None else _key(lo),
        observation.when.sort_key,
    )


def _rate(factor: float, years: float | None) -> float:
    """Compound annual rate of ``factor`` over ``years`` (None: unboundedly long)."""
    if years is None or factor == 1:
        return 0.0
    try:
        return float(factor ** (1 / years) - 1)
    except OverflowError:  # a big rise over a few days: beyond any float
        return math.inf


def _rate_bounds(
    factor: tuple[float | None, float | None], years: tuple[float | None, float | None]
) -> tuple[float | None, float | None]:
    # The rate rises with the factor; above 1 it falls with time, below 1 it rises.
    (f_lo, f_hi), (t_lo, t_hi) = factor, years
    short = t_lo if t_lo is not None and t_lo > 0 else None  # None: no time at all
    if f_lo is None or f_lo <= 0:
        low: float | None = None  # the figure may have fallen to zero or below
    elif f_lo >= 1:
        low = _rate(f_lo, t_hi)
    else:
        low = -1.0 if short is None else _rate(f_lo, short)
    if f_hi is None or f_hi <= 0:
        high: float | None = None if f_hi is None else -1.0
    elif f_hi > 1:
        high = None if short is None else _rate(f_hi, short)
    else:
        high = _rate(f_hi, t_hi)
    return low, high


# Rates past this are written as "over 1,000,000%": adjacent dates (a year to the next
# year can be one day apart) give rates of 10^100% and more, which say nothing more.
_HUGE_RATE = 10_000.0


def _percent(rate: float) -> str:
    if math.isinf(rate):
        return "∞%"
    if rate > _HUGE_RATE:
        return f"over {_HUGE_RATE * 100:,.0f}%"
    digits = 0 if abs(rate) >= 1 else 1
    return f"{rate * 100:,.{digits}f}%"


@attrs.frozen
class Growth:
    """The change from one observation to a later one: factor and compound annual rate.

    ``factor`` is ``end.value / start.value`` as a unitless `Quantity` (bounds
    carried); ``years`` the (shortest, longest) time between them (``None``: the
    dates leave it unbounded; 0: they overlap); ``annual_rate`` the (low, high)
    compound annual rate, 0.5 meaning +50% a year, ``None`` where unbounded. With
    no bounded time at all the factor still stands ("doubled") and the rate is
    only known to be at least 0 (or at most 0 for a fall).

    >>> g = growth(Observation(When.day(2024, 1, 1), "1 trillion tokens per day"),
    ...            Observation(When.day(2025, 1, 1), "over 2 trillion tokens per day"))
    >>> str(g.factor), g.annual_rate[0] > 0.99, g.annual_rate[1]
    ('over 2', True, None)
    """

    start: Observation
    end: Observation

    def __attrs_post_init__(self) -> None:
        for name in ("start", "end"):
            given = getattr(self, name)
            if not isinstance(given, Observation):
                raise TargetError(
                    f"growth: {name}: expected an Observation (Observation('2026', '5 units'), "
                    f"say), got {quoted(given)}"
                )
        longest = self.years[1]
        if longest is not None and longest <= 0:
            raise TargetError(
                f"growth from {self.start} to {self.end}: the second observation is not "
                "after the first; pass them in time order"
            )
        for said in (self.start, self.end):
            low = said.value.minimum
            if low is not None and low < 0:
                raise TargetError(
                    f"growth from {self.start} to {self.end}: {said.value} may be negative, and "
                    "growth is a ratio of amounts; compare the two figures by their "
                    "difference instead (in percentage points for rates)"
                )
        _ = self.factor  # raises early for incompatible units or a zero start

    @property
    def factor(self) -> Quantity:
        """How many times the start figure the end figure is (unitless, bounded).

        >>> growth(Observation(When.year(2024), "$5 billion"),
        ...        Observation(When.year(2025), "$10 billion")).factor
        Quantity(2, '')
        """
        try:
            return self.end.value / self.start.value
        except QuantityError as err:
            raise TargetError(f"growth from {self.start} to {self.end}: {err}") from err

    @property
    def years(self) -> tuple[float | None, float | None]:
        """The (shortest, longest) time between the observations, in years.

        >>> g = growth(Observation(When.year(2024), "1 x"), Observation(When.year(2025), "2 x"))
        >>> [round(years, 3) for years in g.years]  # from the end of 2024 or its start
        [0.003, 1.999]
        """
        a_lo, a_hi = _span(self.start.when)
        b_lo, b_hi = _span(self.end.when)
        # Overlapping dates allow no time at all between them: the shortest is 0.
        shortest = None if b_lo is None or a_hi is None else max(0.0, _years(a_hi, b_lo))
        longest = None if b_hi is None or a_lo is None else _years(a_lo, b_hi)
        return shortest, longest

    @property
    def annual_rate(self) -> tuple[float | None, float | None]:
        """The (low, high) compound annual growth rate; equal when all is precise.

        >>> g = growth(Observation(When.day(2024, 1, 1), "100 x"),
        ...            Observation(When.day(2026, 1, 1), "121 x"))
        >>> [round(rate, 3) for rate in g.annual_rate]
        [0.1, 0.1]
        """
        factor = self.factor
        ends = tuple(None if v is None else float(v) for v in (factor.minimum, factor.maximum))
        return _rate_bounds((ends[0], ends[1]), self.years)

    def __str__(self) -> str:
        return self.describe()

    def describe(self, *, words: bool = False) -> str:
        """The factor, the two figures and the yearly rate, as `str` gives it; with ``words``
        the dates for a reader (`When.words`).

        >>> print(growth(Observation("2024-XX", "100 ents"), Observation("2026-01", "121 ents"))
        ...       .describe(words=True))
        1.21× from 100 ents (some month of 2024) to 121 ents (January 2026): 9.6% to 21.0% a year
        """
        low, high = self.annual_rate
        if low is not None and high is not None:
            same = _percent(low) == _percent(high)
            rate = _percent(low) if same else f"{_percent(low)} to {_percent(high)}"
        elif low is not None:
            rate = f"at least {_percent(low)}"
        elif high is not None and high <= _HUGE_RATE:  # "at most over 1,000,000%" bounds nothing
            rate = f"at most {_percent(high)}"
        else:
            rate = "an unknown rate"
        start, end = self.start.describe(words=words), self.end.describe(words=words)
        return f"{_factor_text(self.factor)}× from {start} to {end}: {rate} a year"


def _shown(value: Decimal, rounding: str) -> Decimal:
    """``value`` to three significant digits (whole numbers from 100 up)."""
    if value == 0:
        return value
    places = max(0, 3 - value.adjusted() - 1)
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding).normalize() + 0


def _factor_text(factor: Quantity) -> str:
    """A growth factor as written: three significant digits, a range widened outward.

    An exact ratio of two figures can run to 28 digits ($700M / $300M); a reader
    needs "2.33". A range's ends are rounded outward so the range shown still holds
    the true one ("1.71–2", not "1.71–2.00" nor a narrower one).
    """
    if factor.high is not None:
        low = _shown(factor.value, ROUND_FLOOR)
        high: Decimal | None = _shown(factor.high, ROUND_CEILING)
    else:
        low, high = _shown(factor.value, ROUND_HALF_EVEN), None
    shown = Quantity(low, factor.unit, bound=factor.bound, high=high, wording=factor.wording)
    return str(shown)


def growth(start: Observation, end: Observation) -> Growth:
    """The growth from ``start`` to a later ``end``: `Growth` (factor, years, annual rate).

    >>> g = growth(Observation(When.day(2024, 1, 1), "1 trillion tokens per day"),
    ...            Observation(When.month(2025, 3).by(), "over 140 trillion tokens per day"))
    >>> str(g.factor), round(g.annual_rate[0], 2), g.annual_rate[1]
    ('over 140', 51.82, None)
    """
    return Growth(start, end)
