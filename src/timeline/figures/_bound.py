"""What a figure is made of: its `Bound`, and the exact values and units a `Quantity` keeps.

A stated figure bounds the true one: exactly, at least (≥), more than (>), at most
(≤), less than (<), about, or a range. `Bound` names these; `_RANK` orders equal
values by bound for sorting. The converters turn what a caller passes into the
canonical parts of a `Quantity`: a finite `Decimal` with every digit kept (a float is
read through its shortest repr), a unit in its canonical spelling (checked for text
no file can hold), a `Bound` from its name.
"""

from __future__ import annotations

import enum
import functools
from decimal import Decimal
from typing import Final

from timeline._errors import QuantityError, not_a_member, quoted
from timeline.figures._numbers import checked, plain
from timeline.figures._quantity_format import format_quantity
from timeline.figures._quantity_text import parse_quantity
from timeline.figures._text import checked_text
from timeline.figures._units import canonical_unit

__all__ = ["Bound", "Number", "to_decimal"]

Number = int | float | Decimal


class Bound(enum.Enum):
    """How a stated figure bounds the true one.

    >>> Bound("at_least"), Bound.MORE_THAN.value
    (<Bound.AT_LEAST: 'at_least'>, 'more_than')
    """

    EXACT = "exact"  # "10,000 enterprises"
    AT_LEAST = "at_least"  # ≥: "at least 5", "5 or more"
    MORE_THAN = "more_than"  # >: "over 140 trillion", "more than 10 trillion CNY"
    AT_MOST = "at_most"  # ≤: "up to $10 billion"
    LESS_THAN = "less_than"  # <: "under 5%", "fewer than 10"
    APPROX = "approx"  # "about 5%"
    RANGE = "range"  # "2-3 devices": value is the low end, high the high end

    @classmethod
    def _missing_(cls, value: object) -> Bound:
        # Python's own "5 is not a valid Bound" names no fix: ours lists the values.
        raise not_a_member(cls, value, "a bound", QuantityError)


# Sort position of each bound for equal values: under < up to < about < exact < range
# < at least < more than.
_RANK: Final = {
    Bound.LESS_THAN: 0,
    Bound.AT_MOST: 1,
    Bound.APPROX: 2,
    Bound.EXACT: 3,
    Bound.RANGE: 4,
    Bound.AT_LEAST: 5,
    Bound.MORE_THAN: 6,
}


_LOWER: Final = (Bound.AT_LEAST, Bound.MORE_THAN)  # bounded below only


_UPPER: Final = (Bound.AT_MOST, Bound.LESS_THAN)  # bounded above only


def _canonical(number: Decimal) -> Decimal:
    # One spelling per value, every digit kept: 6E+8 -> 600000000, 1.50 -> 1.5, -0 -> 0.
    return plain(checked(number))


def to_decimal(value: Number) -> Decimal:
    """Turn an int, float or Decimal into a canonical finite Decimal.

    >>> to_decimal(0.1), to_decimal(6 * 10**8)
    (Decimal('0.1'), Decimal('600000000'))
    """
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        hint = f"; read text with Quantity.parse({quoted(value)})" if isinstance(value, str) else ""
        raise QuantityError(
            f"a quantity's value must be an int, float or Decimal, not {type(value).__name__} "
            f"{quoted(value)}{hint}"
        )
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise QuantityError(f"a quantity's value must be finite, not {quoted(value)}")
    return _canonical(number)


def _to_optional_decimal(value: Number | None) -> Decimal | None:
    return None if value is None else to_decimal(value)


def _to_unit(unit: str) -> str:
    if not isinstance(unit, str):
        raise QuantityError(
            f"a quantity's unit must be text such as 'tokens per day' or 'USD', not {quoted(unit)}"
        )
    canonical = canonical_unit(checked_text(unit, "quantity", "unit", QuantityError))
    problem = _read_back(canonical)
    if problem is not None:
        raise QuantityError(
            f"quantity: unit: {quoted(unit)}: {problem}, so a file could not keep it; use a unit "
            "that reads back, such as 'tokens per day', 'enterprises', 'USD' or '%'",
            text=unit,
        )
    return canonical


@functools.lru_cache(maxsize=4096)
def _read_back(unit: str) -> str | None:
    """Why the figure 1 in ``unit`` is not read back as itself from its text, or None.

    Every figure is written as text in data files and feeds, so a unit must survive
    the trip: a unit that is a number ("2"), starts with what the reader cannot
    take for a unit ("_x"), or holds a scale or bound phrase ("bn x", "or less")
    would be read as another figure or refused. The answer depends on the unit
    alone (the number and bound are written before it), so it is kept per unit.

    >>> _read_back("tokens per day") is None
    True
    >>> _read_back("or less")
    "written as '1 or less' it reads back as Quantity(1, '', bound='at_most')"
    """
    text = format_quantity(Decimal(1), unit, Bound.EXACT, None)
    try:
        value, back, bound, high, _ = parse_quantity(text)
    except QuantityError:
        return f"written as {quoted(text)} it does not read back as a figure"
    back = canonical_unit(back)
    if (value, back, bound, high) == (Decimal(1), unit, Bound.EXACT.value, None):
        return None
    parts = [repr(plain(value)) if value != value.to_integral_value() else str(int(value))]
    parts.append(repr(back))
    if bound != Bound.EXACT.value:
        parts.append(f"bound={quoted(bound)}")
    if high is not None:
        parts.append(f"high={plain(high)}")
    return f"written as {quoted(text)} it reads back as Quantity({', '.join(parts)})"


def _to_bound(bound: Bound | str) -> Bound:
    if isinstance(bound, Bound):
        return bound
    if not isinstance(bound, str):
        choices = ", ".join(repr(b.value) for b in Bound)
        raise QuantityError(f"bound: {quoted(bound)} is not a bound; use one of {choices}")
    name = str(bound).strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Bound(name)
    except ValueError:
        choices = ", ".join(repr(b.value) for b in Bound)
        raise QuantityError(f"unknown bound {quoted(bound)}; use one of {choices}") from None


def _number_repr(number: Decimal) -> str:
    return str(int(number)) if number == number.to_integral_value() else f"Decimal({str(number)!r})"
