"""`Quantity`'s arithmetic: sums, differences, products and quotients of bounded figures.

Each quantity stands for the set of values it allows (exact: one value; at least v:
[v, ∞); at most v: (−∞, v]; a range: [low, high]), and a result is the set the
operands allow together, from the exact interval steps in `timeline.figures._interval`.
An approximate figure counts as its stated value and makes a single-valued result
approximate. An open end ("more than 5") stays open where the result is open-ended
("more than 5" + 1 is "more than 6"); a range's ends are closed, so an open end inside
a range is kept as a closed one (weaker, still true). A result keeps an operand's
words for the same bound ("over 140×").
`Quantity` offers these as its operators (``+``, ``-``, ``*``, ``/``, unary ``-``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from timeline._errors import QuantityError
from timeline.figures._bound import Bound
from timeline.figures._interval import _INF, _End, _quotient, _times, corners
from timeline.figures._numbers import EXACT
from timeline.figures._temperature import (
    change_unit,
    degrees_factor,
    levels,
    offset_level,
    temperature,
)

if TYPE_CHECKING:
    from timeline.figures._quantity import Quantity

__all__ = ["add", "multiply", "negative", "subtract", "true_divide"]


def ends(self: Quantity) -> tuple[_End, _End]:
    """The low and high ends, each with whether it is open (excluded: "more than")."""
    low, high = self.minimum, self.maximum
    return (
        (-_INF, True) if low is None else (low, self.bound is Bound.MORE_THAN),
        (_INF, True) if high is None else (high, self.bound is Bound.LESS_THAN),
    )


def from_ends(
    self: Quantity,
    low: _End,
    high: _End,
    unit: str,
    approx: bool,
    what: str,
    other: Quantity | None,
) -> Quantity:
    """The figure allowing the values from ``low`` to ``high``, in ``unit``."""
    make = type(self)
    (lo, lo_open), (hi, hi_open) = low, high
    if lo.is_infinite() and hi.is_infinite():
        raise QuantityError(
            f"{what} has no bound either way (the figures' open ends do not cancel); "
            "use exact or range figures for this"
        )
    if lo.is_infinite():
        bound = Bound.LESS_THAN if hi_open else Bound.AT_MOST
        return make(hi, unit, bound=bound, wording=_wording_for(self, bound, other))
    if hi.is_infinite():
        bound = Bound.MORE_THAN if lo_open else Bound.AT_LEAST
        return make(lo, unit, bound=bound, wording=_wording_for(self, bound, other))
    if lo == hi:
        return make(lo, unit, bound=Bound.APPROX if approx else Bound.EXACT)
    # A range's ends are closed: an open end is kept as closed (weaker, still true).
    return make(lo, unit, bound=Bound.RANGE, high=hi)


def _wording_for(self: Quantity, bound: Bound, other: Quantity | None) -> str | None:
    # A result keeps an operand's words for the same bound ("over 140×").
    for item in (self, other):
        if item is not None and item.bound is bound and item.wording is not None:
            return item.wording
    return None


def _approx(self: Quantity, other: Quantity | None = None) -> bool:
    return self.bound is Bound.APPROX or (other is not None and other.bound is Bound.APPROX)


def _degrees(self: Quantity, other: Quantity, verb: str) -> tuple[Quantity, str] | None:
    """For a temperature reading and a change of temperature: ``other`` in this figure's
    degrees and the unit of the result (a reading); a `QuantityError` for what has no
    meaning (two °C or °F readings added, a reading taken from a change); None when
    the figures are not temperatures of those kinds."""
    a, b = temperature(self.unit), temperature(other.unit)
    if a is None or b is None:
        return None
    if not a.change and not b.change and offset_level(self.unit) and verb == "add":
        raise QuantityError(
            f"cannot add {str(self)!r} and {str(other)!r}: both are temperature readings on a "
            "scale whose zero is arbitrary; add a change of temperature ('3 Δ°C', "
            "'3 °C of warming') to a reading, or subtract two readings for the change"
        )
    if a.change and not b.change:
        if verb == "subtract":
            raise QuantityError(
                f"cannot subtract {str(other)!r} from {str(self)!r}: a temperature reading "
                "cannot be taken from a change of temperature; subtract the change from the "
                "reading instead"
            )
        return None  # a change plus a reading: added the other way round by `add`
    if not a.change and b.change:
        # °F to °C divides by 1.8 (exact), rather than multiplying by 0.555… (rounded).
        bare = attrs.evolve(other, unit="")
        back = degrees_factor(self.unit, other.unit)
        scaled = true_divide(bare, back) if back != 1 else bare
        return attrs.evolve(scaled, unit=self.unit), self.unit
    return None


def add(self: Quantity, other: Quantity) -> Quantity:
    """``self + other``, in this figure's unit (a change added to a temperature
    reading gives a reading, in the reading's unit)."""
    degrees = _degrees(self, other, "add")
    if degrees is None and temperature(other.unit) and _degrees(other, self, "add") is not None:
        return add(other, self)  # a change plus a reading: the reading's unit
    aligned, unit = degrees or self._aligned(other, "add")
    (a, b), (c, d) = ends(self), ends(aligned)
    what = f"{str(self)!r} + {str(other)!r}"
    low = (EXACT.add(a[0], c[0]), a[1] or c[1])
    high = (EXACT.add(b[0], d[0]), b[1] or d[1])
    return from_ends(self, low, high, unit, _approx(self, other), what, other)


def subtract(self: Quantity, other: Quantity) -> Quantity:
    """``self - other``, in this figure's unit; two temperature readings give the change
    between them ("30 °C" − "27 °C" is "3 Δ°C")."""
    degrees = _degrees(self, other, "subtract")
    aligned, unit = degrees or self._aligned(other, "subtract")
    if degrees is None and levels(self.unit, aligned.unit):
        unit = change_unit(self.unit)
    (a, b), (c, d) = ends(self), ends(aligned)
    what = f"{str(self)!r} − {str(other)!r}"
    low = (EXACT.subtract(a[0], d[0]), a[1] or d[1])
    high = (EXACT.subtract(b[0], c[0]), b[1] or c[1])
    return from_ends(self, low, high, unit, _approx(self, other), what, None)


def negative(self: Quantity) -> Quantity:
    """``-self``: the ends swap and change sign."""
    (a, a_open), (b, b_open) = ends(self)
    return from_ends(self, (-b, b_open), (-a, a_open), self.unit, _approx(self), f"−{self}", None)


def _combine(
    self: Quantity,
    others: tuple[_End, _End],
    operation: Callable[[Decimal, Decimal], Decimal],
    unit: str,
    approx: bool,
    what: str,
    other: Quantity | None = None,
) -> Quantity:
    low, high = corners(ends(self), others, operation)
    return from_ends(self, low, high, unit, approx, what, other)


def _check_scales(self: Quantity, other: Decimal | Quantity, verb: str) -> None:
    """Refuse to scale a temperature reading whose zero is arbitrary (°C, °F): 30 °C is
    not twice 15 °C (in kelvin it is 1.05 times); a change of temperature scales."""
    for figure in (self, other):
        if isinstance(figure, Decimal) or not offset_level(figure.unit):
            continue
        raise QuantityError(
            f"cannot {verb} {str(self)!r} and {str(other)!r}: {str(figure)!r} is a temperature "
            "reading on a scale whose zero is arbitrary; convert it to kelvin ('K') first, or "
            "use a change of temperature ('Δ°C')"
        )


def multiply(self: Quantity, other: Decimal | Quantity) -> Quantity:
    """``self * other``: by a number, or by a unitless quantity."""
    _check_scales(self, other, "multiply")
    if not isinstance(other, Decimal):
        if other.unit and self.unit:
            raise QuantityError(
                f"cannot multiply {str(self)!r} by {str(other)!r}: both have units; "
                "multiply by a number or a unitless quantity"
            )
        unit = self.unit or other.unit
        what = f"{self} × {other}"
        return _combine(self, ends(other), _times, unit, _approx(self, other), what, other)
    factor = other
    what = f"{self} × {other}"
    return _combine(
        self, ((factor, False), (factor, False)), _times, self.unit, _approx(self), what
    )


def true_divide(self: Quantity, other: Decimal | Quantity) -> Quantity:
    """Divide by a number, or by a compatible quantity for a unitless ratio.

    >>> from timeline.figures import Quantity
    >>> Quantity.parse("over 140 trillion") / Quantity.parse("1 trillion")
    Quantity(140, '', bound='more_than', wording='over')
    """
    _check_scales(self, other, "divide")
    if not isinstance(other, Decimal):
        if other.unit:
            other, _ = self._aligned(other, "divide")
        unit = self.unit if not other.unit else ""
        c, d = ends(other)
        if c[0] <= 0 <= d[0]:
            raise QuantityError(
                f"cannot divide by {str(other)!r}: it may be zero; "
                "divide by a figure whose bounds exclude zero"
            )
        what = f"{self} ÷ {other}"
        return _combine(self, (c, d), _quotient, unit, _approx(self, other), what, other)
    divisor = other
    if divisor == 0:
        raise ZeroDivisionError(f"cannot divide {str(self)!r} by zero")
    what = f"{self} ÷ {other}"
    fixed = (divisor, False)
    return _combine(self, (fixed, fixed), _quotient, self.unit, _approx(self), what)
