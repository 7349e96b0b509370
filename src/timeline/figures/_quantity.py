"""Quantities: figures with a unit and an honest bound.

Sources rarely state figures exactly. "Over 140 trillion tokens per day" is a lower
bound, "up to $10 billion" an upper bound, "about 5%" an estimate, "2-3 devices" a
range. A `Quantity` keeps the number, the unit and that bound, so later arithmetic
and target checks can say only what the figures support: an "at least" figure can
show a target was met but never that it was missed.

Values are `decimal.Decimal`, kept exact ("1.5 billion" is exactly 1500000000; no
binary-float drift), normalised (no trailing zeros, ints and floats accepted; a
float is read through its shortest repr, so 0.1 becomes Decimal('0.1')). Arithmetic
is interval arithmetic over the bounds: each quantity stands for the set of values it
allows (exact: one value; at least v: [v, ∞); at most v: (−∞, v]; a range: [low,
high]); an approximate figure counts as its stated value and makes a single-valued
result approximate. Division rounds to Decimal's default 28 significant digits.

`<` and `sorted()` give a total order for sorting (by value, then bound); the honest
questions are `definitely_below` and `definitely_above`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Final

import attrs

from timeline._errors import QuantityError
from timeline.figures._quantity_text import format_quantity, parse_quantity
from timeline.figures._units import canonical_unit, merge_units, split_currency, unit_key

__all__ = ["Bound", "Number", "Quantity"]

Number = int | float | Decimal


class Bound(enum.Enum):
    """How a stated figure bounds the true one.

    >>> Bound("at_least"), Bound.AT_MOST.value
    (<Bound.AT_LEAST: 'at_least'>, 'at_most')
    """

    EXACT = "exact"  # "10,000 enterprises"
    AT_LEAST = "at_least"  # "over 140 trillion", "more than 10 trillion CNY"
    AT_MOST = "at_most"  # "up to $10 billion"
    APPROX = "approx"  # "about 5%"
    RANGE = "range"  # "2-3 devices": value is the low end, high the high end


_INF: Final = Decimal("Infinity")
# Sort position of each bound for equal values: at most < approx < exact < range < at least.
_RANK: Final = {
    Bound.AT_MOST: 0,
    Bound.APPROX: 1,
    Bound.EXACT: 2,
    Bound.RANGE: 3,
    Bound.AT_LEAST: 4,
}


def _canonical(number: Decimal) -> Decimal:
    # One spelling per value: 6E+8 -> 600000000, 1.50 -> 1.5, -0 -> 0.
    if number == 0:
        return Decimal(0)
    return Decimal(format(number.normalize(), "f"))


def to_decimal(value: Number) -> Decimal:
    """Turn an int, float or Decimal into a canonical finite Decimal.

    >>> to_decimal(0.1), to_decimal(6 * 10**8)
    (Decimal('0.1'), Decimal('600000000'))
    """
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        hint = f"; read text with Quantity.parse({value!r})" if isinstance(value, str) else ""
        raise QuantityError(
            f"a quantity's value must be an int, float or Decimal, not {type(value).__name__} "
            f"{value!r}{hint}"
        )
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise QuantityError(f"a quantity's value must be finite, not {value!r}")
    return _canonical(number)


def _to_optional_decimal(value: Number | None) -> Decimal | None:
    return None if value is None else to_decimal(value)


def _to_unit(unit: str) -> str:
    if not isinstance(unit, str):
        raise QuantityError(
            f"a quantity's unit must be text such as 'tokens per day' or 'USD', not {unit!r}"
        )
    return canonical_unit(unit)


def _to_bound(bound: Bound | str) -> Bound:
    if isinstance(bound, Bound):
        return bound
    name = str(bound).strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Bound(name)
    except ValueError:
        choices = ", ".join(repr(b.value) for b in Bound)
        raise QuantityError(f"unknown bound {bound!r}; use one of {choices}") from None


def _number_repr(number: Decimal) -> str:
    return str(int(number)) if number == number.to_integral_value() else f"Decimal({str(number)!r})"


def _times(a: Decimal, b: Decimal) -> Decimal:
    # In interval arithmetic 0 times an unbounded end is 0 (0 * ∞ is undefined for Decimal).
    return Decimal(0) if a == 0 or b == 0 else a * b


def _quotient(a: Decimal, b: Decimal) -> Decimal:
    # Divide directly (99 / 99 is exactly 1; 99 * (1 / 99) is not). b is never zero here.
    if b.is_infinite():
        return Decimal(0)  # also for ∞ / ∞: the other corners carry the extremes
    if a.is_infinite():
        return a if b > 0 else -a
    return a / b


@attrs.frozen(eq=False)
class Quantity:
    """A figure with a unit and a bound: ``Quantity(600_000_000, "USD")`` is "$600 million".

    ``bound`` is one of "exact", "at_least", "at_most", "approx" or "range" (a `Bound`
    or its value); a range gives its low end as ``value`` and its high end as ``high``
    (passing ``high`` alone implies ``bound="range"``). Units are free text; money
    uses an ISO code ("$", "RMB" and "¥" become "USD", "CNY", "CNY"); "" is a pure
    number. Equal figures in compatible units are equal ("1 device" == "1 devices").

    >>> q = Quantity(140 * 10**12, "tokens per day", bound="at_least")
    >>> str(q)
    'over 140 trillion tokens per day'
    >>> Quantity(2, "devices", high=3)
    Quantity(2, 'devices', bound='range', high=3)
    """

    value: Decimal = attrs.field(converter=to_decimal)
    unit: str = attrs.field(converter=_to_unit)
    bound: Bound = attrs.field(default=Bound.EXACT, kw_only=True, converter=_to_bound)
    high: Decimal | None = attrs.field(default=None, kw_only=True, converter=_to_optional_decimal)

    def __attrs_post_init__(self) -> None:
        if self.high is not None and self.bound is Bound.EXACT:
            object.__setattr__(self, "bound", Bound.RANGE)
        if self.bound is Bound.RANGE:
            if self.high is None:
                raise QuantityError(
                    f"a range needs its high end: Quantity({_number_repr(self.value)}, "
                    f"{self.unit!r}, high=...)"
                )
            if self.high <= self.value:
                raise QuantityError(
                    f"a range's high end ({self.high}) must be above its low end ({self.value}); "
                    "swap them, or use an exact quantity when they are equal"
                )
        elif self.high is not None:
            raise QuantityError(
                f"only a range has a high end; drop high={self.high} or use bound='range'"
            )

    # -- construction --------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """Read a figure as people write it; raises `QuantityError` quoting bad text.

        >>> Quantity.parse("up to $10 billion")
        Quantity(10000000000, 'USD', bound='at_most')
        >>> Quantity.parse("2-3 devices")
        Quantity(2, 'devices', bound='range', high=3)
        """
        value, unit, bound, high = parse_quantity(text)
        return cls(value, unit, bound=bound, high=high)

    @classmethod
    def range(cls, low: Number, high: Number, unit: str) -> Quantity:
        """A range from ``low`` to ``high``: "2–3 devices".

        >>> str(Quantity.range(5 * 10**9, 10**10, "$"))
        '$5–10 billion'
        """
        return cls(low, unit, bound=Bound.RANGE, high=high)

    # -- derived -------------------------------------------------------------------

    @property
    def minimum(self) -> Decimal | None:
        """The least the true figure can be (None when unbounded below).

        >>> Quantity.parse("over 140 trillion").minimum
        Decimal('140000000000000')
        """
        return None if self.bound is Bound.AT_MOST else self.value

    @property
    def maximum(self) -> Decimal | None:
        """The most the true figure can be (None when unbounded above).

        >>> Quantity.parse("2-3 devices").maximum
        Decimal('3')
        """
        if self.bound is Bound.AT_LEAST:
            return None
        return self.high if self.high is not None else self.value

    @property
    def midpoint(self) -> Decimal:
        """One number for the figure: the value, or the middle of a range.

        >>> Quantity.parse("2-3 devices").midpoint
        Decimal('2.5')
        """
        if self.high is None:
            return self.value
        return _canonical((self.value + self.high) / 2)

    @property
    def currency(self) -> str | None:
        """The ISO currency code of a money figure, else None.

        >>> Quantity.parse("¥3 billion").currency
        'CNY'
        """
        return split_currency(self.unit)[0]

    def compatible(self, other: Quantity) -> bool:
        """Whether ``other`` can be added to, compared with or divided into this one.

        >>> Quantity.parse("$5 billion").compatible(Quantity.parse("10 trillion CNY"))
        False
        """
        return unit_key(self.unit) == unit_key(other.unit)

    def _check(self, other: Quantity, verb: str) -> None:
        if not self.compatible(other):
            raise QuantityError(
                f"cannot {verb} {str(self)!r} and {str(other)!r}: their units "
                f"({self.unit!r}, {other.unit!r}) differ; convert one to the other's unit first"
            )

    # -- text ----------------------------------------------------------------------

    def __str__(self) -> str:
        return format_quantity(self.value, self.unit, self.bound, self.high)

    def __repr__(self) -> str:
        parts = [_number_repr(self.value), repr(self.unit)]
        if self.bound is not Bound.EXACT:
            parts.append(f"bound={self.bound.value!r}")
        if self.high is not None:
            parts.append(f"high={_number_repr(self.high)}")
        return f"Quantity({', '.join(parts)})"

    # -- equality and order --------------------------------------------------------

    def _identity(self) -> tuple[Decimal, int, Decimal, str]:
        high = self.high if self.high is not None else self.value
        return self.value, _RANK[self.bound], high, unit_key(self.unit)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Quantity):
            return NotImplemented
        return self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def _order(self, other: object) -> tuple[tuple[Decimal, int, Decimal], ...] | None:
        if not isinstance(other, Quantity):
            return None
        self._check(other, "compare")
        return self._identity()[:3], other._identity()[:3]

    def __lt__(self, other: object) -> bool:
        keys = self._order(other)
        return NotImplemented if keys is None else keys[0] < keys[1]

    def __le__(self, other: object) -> bool:
        keys = self._order(other)
        return NotImplemented if keys is None else keys[0] <= keys[1]

    def __gt__(self, other: object) -> bool:
        keys = self._order(other)
        return NotImplemented if keys is None else keys[0] > keys[1]

    def __ge__(self, other: object) -> bool:
        keys = self._order(other)
        return NotImplemented if keys is None else keys[0] >= keys[1]

    def definitely_below(self, other: Quantity) -> bool:
        """Whether every value this figure allows is below every value ``other`` allows.

        >>> Quantity.parse("up to $10 billion").definitely_below(Quantity.parse("$11 billion"))
        True
        >>> Quantity.parse("over $5 billion").definitely_below(Quantity.parse("$11 billion"))
        False
        """
        self._check(other, "compare")
        top, bottom = self.maximum, other.minimum
        return top is not None and bottom is not None and top < bottom

    def definitely_above(self, other: Quantity) -> bool:
        """Whether every value this figure allows is above every value ``other`` allows.

        >>> Quantity.parse("over 140 trillion").definitely_above(Quantity.parse("1 trillion"))
        True
        """
        return other.definitely_below(self)

    # -- arithmetic ----------------------------------------------------------------

    def _ends(self) -> tuple[Decimal, Decimal]:
        low, high = self.minimum, self.maximum
        return (-_INF if low is None else low), (_INF if high is None else high)

    @classmethod
    def _from_ends(
        cls, low: Decimal, high: Decimal, unit: str, approx: bool, what: str
    ) -> Quantity:
        if low.is_infinite() and high.is_infinite():
            raise QuantityError(
                f"{what} has no bound either way (the figures' open ends do not cancel); "
                "use exact or range figures for this"
            )
        if low.is_infinite():
            return cls(high, unit, bound=Bound.AT_MOST)
        if high.is_infinite():
            return cls(low, unit, bound=Bound.AT_LEAST)
        if _canonical(low) == _canonical(high):
            return cls(low, unit, bound=Bound.APPROX if approx else Bound.EXACT)
        return cls(low, unit, bound=Bound.RANGE, high=high)

    def _approx(self, other: Quantity | None = None) -> bool:
        return self.bound is Bound.APPROX or (other is not None and other.bound is Bound.APPROX)

    def __add__(self, other: Quantity) -> Quantity:
        if not isinstance(other, Quantity):
            return NotImplemented
        self._check(other, "add")
        (a, b), (c, d) = self._ends(), other._ends()
        unit = merge_units(self.unit, other.unit)
        what = f"{str(self)!r} + {str(other)!r}"
        return self._from_ends(a + c, b + d, unit, self._approx(other), what)

    def __radd__(self, other: int) -> Quantity:
        # sum() starts from 0; adding 0 leaves the figure as it is.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Quantity) -> Quantity:
        if not isinstance(other, Quantity):
            return NotImplemented
        self._check(other, "subtract")
        (a, b), (c, d) = self._ends(), other._ends()
        unit = merge_units(self.unit, other.unit)
        what = f"{str(self)!r} − {str(other)!r}"
        return self._from_ends(a - d, b - c, unit, self._approx(other), what)

    def __neg__(self) -> Quantity:
        low, high = self._ends()
        return self._from_ends(-high, -low, self.unit, self._approx(), f"−{self}")

    def _combine(
        self,
        ends: tuple[Decimal, Decimal],
        operation: Callable[[Decimal, Decimal], Decimal],
        unit: str,
        approx: bool,
        what: str,
    ) -> Quantity:
        # Interval product or quotient: the extremes are among the four corners.
        (a, b), (c, d) = self._ends(), ends
        corners = [operation(x, y) for x in (a, b) for y in (c, d)]
        return self._from_ends(min(corners), max(corners), unit, approx, what)

    def __mul__(self, other: Number | Quantity) -> Quantity:
        if isinstance(other, Quantity):
            if other.unit and self.unit:
                raise QuantityError(
                    f"cannot multiply {str(self)!r} by {str(other)!r}: both have units; "
                    "multiply by a number or a unitless quantity"
                )
            unit = self.unit or other.unit
            what = f"{self} × {other}"
            return self._combine(other._ends(), _times, unit, self._approx(other), what)
        if isinstance(other, bool) or not isinstance(other, int | float | Decimal):
            return NotImplemented
        factor = to_decimal(other)
        what = f"{self} × {other}"
        return self._combine((factor, factor), _times, self.unit, self._approx(), what)

    def __rmul__(self, other: Number) -> Quantity:
        return self.__mul__(other)

    def __truediv__(self, other: Number | Quantity) -> Quantity:
        """Divide by a number, or by a compatible quantity for a unitless ratio.

        >>> Quantity.parse("over 140 trillion") / Quantity.parse("1 trillion")
        Quantity(140, '', bound='at_least')
        """
        if isinstance(other, Quantity):
            if other.unit:
                self._check(other, "divide")
            unit = self.unit if not other.unit else ""
            c, d = other._ends()
            if c <= 0 <= d:
                raise QuantityError(
                    f"cannot divide by {str(other)!r}: it may be zero; "
                    "divide by a figure whose bounds exclude zero"
                )
            what = f"{self} ÷ {other}"
            return self._combine((c, d), _quotient, unit, self._approx(other), what)
        if isinstance(other, bool) or not isinstance(other, int | float | Decimal):
            return NotImplemented
        divisor = to_decimal(other)
        if divisor == 0:
            raise ZeroDivisionError(f"cannot divide {str(self)!r} by zero")
        what = f"{self} ÷ {other}"
        return self._combine((divisor, divisor), _quotient, self.unit, self._approx(), what)
