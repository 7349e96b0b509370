"""Quantities: figures with a unit and an honest bound.

Sources rarely state figures exactly. "Over 140 trillion tokens per day" is a lower
bound, "up to $10 billion" an upper bound, "about 5%" an estimate, "2-3 devices" a
range. A `Quantity` keeps the number, the unit and that bound, so later arithmetic
and target checks can say only what the figures support: an "at least" figure can
show a target was met but never that it was missed. "At least 5" (≥) and "more
than 5" (>) are different claims, and so are "up to 5" (≤) and "under 5" (<); the
words a figure was written with ("over", "more than") are kept for writing it back.

Figures in different spellings of one unit compare: counted nouns singular or
plural ("1 GPU", "3 GPUs"), physical units through pint ("2 GW" > "1500 MW", and
"1 GW" == "1000 MW"; see `timeline.figures._units`). Currencies never convert.

Values are `decimal.Decimal`, kept exact ("1.5 billion" is exactly 1500000000; no
binary-float drift), normalised (no trailing zeros, ints and floats accepted; a
float is read through its shortest repr, so 0.1 becomes Decimal('0.1')). Arithmetic
is interval arithmetic over the bounds: each quantity stands for the set of values it
allows (exact: one value; at least v: [v, ∞); at most v: (−∞, v]; a range: [low,
high]); an approximate figure counts as its stated value and makes a single-valued
result approximate; an open end ("more than 5") stays open in an open-ended result
("more than 6" for "more than 5" + 1) and becomes closed inside a range (weaker,
still true). Every digit is kept (up to 4,300 written out; longer numbers are
refused); only division rounds, to 28 significant digits.

`<` and `sorted()` give a total order for sorting (by value, then bound); the honest
questions are `definitely_below` and `definitely_above`.

This module is the `Quantity` type itself; what it is built from sits beside it:
`Bound` and the value and unit converters in `timeline.figures._bound`, the exact
interval steps in `timeline.figures._interval` and the arithmetic over them in
`timeline.figures._quantity_math`, reading and writing figures as text
in `timeline.figures._quantity_text`, units in `timeline.figures._units`.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from timeline._errors import QuantityError, quoted
from timeline.figures import _quantity_math
from timeline.figures._bound import (
    _LOWER,
    _RANK,
    _UPPER,
    Bound,
    Number,
    _canonical,
    _number_repr,
    _to_bound,
    _to_optional_decimal,
    _to_unit,
    to_decimal,
)
from timeline.figures._numbers import DIVIDE, EXACT
from timeline.figures._quantity_format import format_quantity
from timeline.figures._quantity_text import (
    DEFAULT_WORDING,
    parse_quantity,
    wording_bound,
    written_wording,
)
from timeline.figures._temperature import levels, mismatch, to_level
from timeline.figures._units import (
    conversion,
    exact_steps,
    merge_units,
    same_things,
    split_currency,
)

__all__ = ["Bound", "Number", "Quantity"]


def _sizes(*units: str) -> str | None:
    """Why one of ``units`` does not convert because it has more than one size (or two
    temperatures because they are of different kinds), else None."""
    from timeline.figures._physical import ambiguous

    if len(units) == 2:
        kinds = mismatch(*units)
        if kinds is not None:
            return kinds
    for unit in units:
        why = ambiguous(unit)
        if why is not None:
            return f"{quoted(unit)} is a unit of more than one size ({why})"
    return None


@attrs.frozen(eq=False)
class Quantity:
    """A figure with a unit and a bound: ``Quantity(600_000_000, "USD")`` is "$600 million".

    ``bound`` is one of "exact", "at_least" (≥), "more_than" (>), "at_most" (≤),
    "less_than" (<), "approx" or "range" (a `Bound` or its value); a range gives its
    low end as ``value`` and its high end as ``high`` (passing ``high`` alone implies
    ``bound="range"``). ``wording`` is the bound phrase to write ("over" rather than
    the default "more than"); it must state the same bound and does not take part in
    equality. Units are free text; money uses an ISO code ("$", "RMB", "¥", "₩", "₹"
    become "USD", "CNY", "CNY", "KRW", "INR"); "" is a pure number. Equal figures in
    compatible units are equal ("1 device" == "1 devices", "1 GW" == "1000 MW").

    >>> q = Quantity(140 * 10**12, "tokens per day", bound="more_than", wording="over")
    >>> str(q)
    'over 140 trillion tokens per day'
    >>> str(Quantity(5, "GPUs", bound="at_least"))
    'at least 5 GPUs'
    >>> Quantity(2, "devices", high=3)
    Quantity(2, 'devices', bound='range', high=3)
    """

    value: Decimal = attrs.field(converter=to_decimal)
    unit: str = attrs.field(converter=_to_unit)
    bound: Bound = attrs.field(default=Bound.EXACT, kw_only=True, converter=_to_bound)
    high: Decimal | None = attrs.field(default=None, kw_only=True, converter=_to_optional_decimal)
    wording: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.wording is not None:
            self._check_wording()
        if self.high is not None and self.bound is Bound.EXACT:
            object.__setattr__(self, "bound", Bound.RANGE)
        if self.bound is Bound.RANGE:
            if self.high is None:
                raise QuantityError(
                    f"a range needs its high end: Quantity({_number_repr(self.value)}, "
                    f"{quoted(self.unit)}, high=...)"
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

    def _check_wording(self) -> None:
        if not isinstance(self.wording, str):
            raise QuantityError(f"a quantity's wording must be text, not {quoted(self.wording)}")
        bound = self.bound.value
        if wording_bound(self.wording) != bound:
            fits = sorted({w for w in DEFAULT_WORDING.values() if wording_bound(w) == bound})
            if self.bound is Bound.MORE_THAN:
                fits.append("over")
            hint = f"use {' or '.join(repr(w) for w in fits)}, or" if fits else ""
            raise QuantityError(
                f"wording {quoted(self.wording)} does not state the bound {quoted(bound)}; "
                f"{hint} leave wording out".replace(";  ", "; ")
            )
        written = written_wording(self.wording)
        # The default words need not be kept: the repr stays short.
        object.__setattr__(self, "wording", None if written == DEFAULT_WORDING[bound] else written)

    # -- construction --------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """Read a figure as people write it; raises `QuantityError` quoting bad text.

        >>> Quantity.parse("up to $10 billion")
        Quantity(10000000000, 'USD', bound='at_most')
        >>> Quantity.parse("2-3 devices")
        Quantity(2, 'devices', bound='range', high=3)
        """
        value, unit, bound, high, wording = parse_quantity(text)
        return cls(value, unit, bound=bound, high=high, wording=wording)

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
        return None if self.bound in _UPPER else self.value

    @property
    def maximum(self) -> Decimal | None:
        """The most the true figure can be (None when unbounded above).

        >>> Quantity.parse("2-3 devices").maximum
        Decimal('3')
        """
        if self.bound in _LOWER:
            return None
        return self.high if self.high is not None else self.value

    @property
    def strict(self) -> bool:
        """Whether the bound excludes the figure itself: "more than 5", "under 5".

        >>> Quantity.parse("more than 5").strict, Quantity.parse("at least 5").strict
        (True, False)
        """
        return self.bound in (Bound.MORE_THAN, Bound.LESS_THAN)

    @property
    def midpoint(self) -> Decimal:
        """One number for the figure: the value, or the middle of a range.

        >>> Quantity.parse("2-3 devices").midpoint
        Decimal('2.5')
        """
        if self.high is None:
            return self.value
        return _canonical(EXACT.multiply(EXACT.add(self.value, self.high), Decimal("0.5")))

    @property
    def currency(self) -> str | None:
        """The ISO currency code of a money figure, else None.

        >>> Quantity.parse("¥3 billion").currency
        'CNY'
        """
        return split_currency(self.unit)[0]

    def compatible(self, other: Quantity) -> bool:
        """Whether ``other`` can be added to, compared with or divided into this one.

        The same things counted (singular or plural), or physical units of one
        dimension ("GW" and "MW"); currencies never convert.

        >>> Quantity.parse("$5 billion").compatible(Quantity.parse("10 trillion CNY"))
        False
        >>> Quantity.parse("2 GW").compatible(Quantity.parse("1500 MW"))
        True
        """
        other = _other(other, "compatible")
        return conversion(other.unit, self.unit) is not None or levels(other.unit, self.unit)

    def to(self, unit: str) -> Quantity:
        """The same figure in another unit: ``Quantity.parse("2 GW").to("MW")`` is 2000 MW.

        Raises `QuantityError` when the units do not convert (other things counted,
        other dimensions, or money: currencies never convert).

        >>> Quantity.parse("over 2 GW").to("MW")
        Quantity(2000, 'MW', bound='more_than', wording='over')
        """
        target = _to_unit(unit)
        converted = self._converted(target)
        if converted is None:
            money = self.currency is not None or split_currency(target)[0] is not None
            why = (
                "currencies never convert (no exchange rates)"
                if money
                else _sizes(self.unit, target) or "they measure different things"
            )
            raise QuantityError(
                f"cannot convert {str(self)!r} to {quoted(unit)}: {why}; keep figures in one unit"
            )
        return converted

    def _converted(self, unit: str) -> Quantity | None:
        """This figure in ``unit`` (canonical), or None when the units do not convert:
        by a factor, or, for temperature readings, by an offset too (0 °C is 32 °F)."""
        factor = conversion(self.unit, unit)
        if factor is not None:
            return self._scaled(factor, unit)
        if not levels(self.unit, unit):
            return None

        def shifted(number: Decimal) -> Decimal:
            return to_level(number, self.unit, unit)

        high = None if self.high is None else shifted(self.high)
        return Quantity(
            shifted(self.value), unit, bound=self.bound, high=high, wording=self.wording
        )

    def _scaled(self, factor: Decimal, unit: str) -> Quantity:
        """This figure times a conversion ``factor``, in ``unit``: exactly, or, when the
        factor is a rounded fraction, divided by the exact way back (`exact_steps`)."""
        if factor == 1:
            return attrs.evolve(self, unit=unit) if unit != self.unit else self
        multiply, divide = exact_steps(factor, self.unit, unit)

        def scaled(number: Decimal) -> Decimal:
            product = EXACT.multiply(number, multiply)
            return product if divide == 1 else DIVIDE.divide(product, divide)

        high = None if self.high is None else scaled(self.high)
        return Quantity(
            scaled(self.value),
            unit,
            bound=self.bound,
            high=high,
            wording=self.wording,
        )

    def _check(self, other: Quantity, verb: str) -> None:
        if not self.compatible(other):
            currencies = self.currency is not None or other.currency is not None
            fix = (
                "currencies never convert; keep money figures in one currency"
                if currencies
                else _sizes(self.unit, other.unit) or "convert one to the other's unit first"
            )
            raise QuantityError(
                f"cannot {verb} {str(self)!r} and {str(other)!r}: their units "
                f"({quoted(self.unit)}, {quoted(other.unit)}) differ; {fix}"
            )

    def _aligned(self, other: Quantity, verb: str) -> tuple[Quantity, str]:
        """``other`` in this figure's unit, and the unit a result of the two keeps."""
        if same_things(self.unit, other.unit):
            return other, merge_units(self.unit, other.unit)
        converted = other._converted(self.unit)
        if converted is None:
            self._check(other, verb)  # raises, saying why
        assert converted is not None
        return converted, self.unit

    # -- text ----------------------------------------------------------------------

    def __str__(self) -> str:
        return format_quantity(self.value, self.unit, self.bound, self.high, self.wording)

    def __repr__(self) -> str:
        parts = [_number_repr(self.value), repr(self.unit)]
        if self.bound is not Bound.EXACT:
            parts.append(f"bound={quoted(self.bound.value)}")
        if self.high is not None:
            parts.append(f"high={_number_repr(self.high)}")
        if self.wording is not None:
            parts.append(f"wording={quoted(self.wording)}")
        return f"Quantity({', '.join(parts)})"

    # -- equality and order --------------------------------------------------------

    def _identity(self) -> tuple[Decimal, int, Decimal]:
        high = self.high if self.high is not None else self.value
        return self.value, _RANK[self.bound], high

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Quantity):
            return NotImplemented
        if self.bound is not other.bound:
            return False
        if same_things(self.unit, other.unit):
            return self._identity() == other._identity()
        converted = other._converted(self.unit)
        return converted is not None and self._identity() == converted._identity()

    def __hash__(self) -> int:
        # Equal figures may be written in different units ("1 GW", "1000 MW"), so
        # the hash holds only what every spelling of a figure shares.
        # A temperature reading's zero moves with its scale (0 °C is 32 °F): not kept.
        zero = None if levels(self.unit, self.unit) else self.value == 0
        return hash((self.bound, self.currency, zero))

    def _order(self, other: object) -> tuple[tuple[Decimal, int, Decimal], ...] | None:
        if not isinstance(other, Quantity):
            return None
        aligned, _ = self._aligned(other, "compare")
        return self._identity(), aligned._identity()

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
        other = _other(other, "definitely_below")
        aligned, _ = self._aligned(other, "compare")
        top, bottom = self.maximum, aligned.minimum
        if top is None or bottom is None:
            return False
        return top < bottom or (top == bottom and (self.strict or aligned.strict))

    def definitely_above(self, other: Quantity) -> bool:
        """Whether every value this figure allows is above every value ``other`` allows.

        >>> Quantity.parse("over 140 trillion").definitely_above(Quantity.parse("1 trillion"))
        True
        """
        return _other(other, "definitely_above").definitely_below(self)

    # -- arithmetic (timeline.figures._quantity_math) -------------------------------

    def __add__(self, other: Quantity) -> Quantity:
        if not isinstance(other, Quantity):
            return NotImplemented
        return _quantity_math.add(self, other)

    def __radd__(self, other: int) -> Quantity:
        # sum() starts from 0; adding 0 leaves the figure as it is.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Quantity) -> Quantity:
        if not isinstance(other, Quantity):
            return NotImplemented
        return _quantity_math.subtract(self, other)

    def __neg__(self) -> Quantity:
        return _quantity_math.negative(self)

    def __mul__(self, other: Number | Quantity) -> Quantity:
        if isinstance(other, Quantity):
            return _quantity_math.multiply(self, other)
        if isinstance(other, bool) or not isinstance(other, int | float | Decimal):
            return NotImplemented
        return _quantity_math.multiply(self, to_decimal(other))

    def __rmul__(self, other: Number) -> Quantity:
        return self.__mul__(other)

    def __truediv__(self, other: Number | Quantity) -> Quantity:
        """Divide by a number, or by a compatible quantity for a unitless ratio.

        >>> Quantity.parse("over 140 trillion") / Quantity.parse("1 trillion")
        Quantity(140, '', bound='more_than', wording='over')
        """
        if isinstance(other, Quantity):
            return _quantity_math.true_divide(self, other)
        if isinstance(other, bool) or not isinstance(other, int | float | Decimal):
            return NotImplemented
        return _quantity_math.true_divide(self, to_decimal(other))


def _other(other: object, method: str) -> Quantity:
    """``other`` if it is a `Quantity`; else a `QuantityError` naming the method.

    >>> _other(5, "compatible")
    Traceback (most recent call last):
    ...
    timeline._errors.QuantityError: Quantity.compatible: expected a Quantity ... got 5
    """
    if isinstance(other, Quantity):
        return other
    raise QuantityError(
        f"Quantity.{method}: expected a Quantity (Quantity.parse('5 GW'), say), got {quoted(other)}"
    )
