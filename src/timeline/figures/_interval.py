"""Interval arithmetic over figures' ends: the exact Decimal steps `Quantity` builds on.

Each quantity stands for the set of values it allows, an interval whose ends may be
open ("more than 5") or unbounded (``±Infinity``). A sum or difference combines the
matching ends; a product or quotient takes its extremes among the four corners
(`corners`), where 0 times an unbounded end is 0 and a corner is open when either of
its ends is, unless it is 0 by a closed zero factor; a quotient's end that is only
a limit (0, neared as the divisor grows without bound) is left unbounded beside a
finite other end ("$2bn" / "over $1bn" is "under 2", not "0–2"). Every step is exact except
division, which rounds to 28 significant digits (`timeline.figures._numbers`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Final, TypeAlias

from timeline.figures._numbers import DIVIDE, EXACT

__all__: list[str] = []

_INF: Final = Decimal("Infinity")
_End: TypeAlias = tuple[Decimal, bool]  # an end of a figure's interval, and whether it is open


def _times(a: Decimal, b: Decimal) -> Decimal:
    # In interval arithmetic 0 times an unbounded end is 0 (0 * ∞ is undefined for Decimal).
    return Decimal(0) if a == 0 or b == 0 else EXACT.multiply(a, b)


def _quotient(a: Decimal, b: Decimal) -> Decimal:
    # Divide directly (99 / 99 is exactly 1; 99 * (1 / 99) is not). b is never zero here.
    if b.is_infinite():
        return Decimal(0)  # also for ∞ / ∞: the other corners carry the extremes
    if a.is_infinite():
        return a if b > 0 else -a
    return DIVIDE.divide(a, b)


def corners(
    ends: tuple[_End, _End],
    others: tuple[_End, _End],
    operation: Callable[[Decimal, Decimal], Decimal],
) -> tuple[_End, _End]:
    """The low and high ends of ``operation`` (`_times` or `_quotient`) over two intervals.

    >>> corners(((Decimal(2), False), (Decimal(3), False)),
    ...         ((Decimal(5), True), (_INF, True)), _times)
    ((Decimal('10'), True), (Decimal('Infinity'), True))
    """
    # Interval product or quotient: the extremes are among the four corners. A
    # corner is open when either end is, unless it is 0 by a closed zero factor. A
    # quotient by an unbounded end is a limit (2 / "over 1" nears 0, never gets there).
    found = []
    for x, x_open in ends:
        for y, y_open in others:
            value = operation(x, y)
            closed_zero = (x == 0 and not x_open) or (y == 0 and not y_open)
            limit = operation is _quotient and y.is_infinite() and not closed_zero
            found.append((value, (x_open or y_open) and not closed_zero, limit))
    lo = min(value for value, _, _ in found)
    hi = max(value for value, _, _ in found)
    # Where a closed and an open corner meet, the closed one is reached.
    lo_open = all(is_open for value, is_open, _ in found if value == lo)
    hi_open = all(is_open for value, is_open, _ in found if value == hi)
    # An end that is only a limit is no bound the figures give: beside a finite other
    # end it is left unbounded ("$2bn" / "over $1bn" is under 2, not 0–2).
    lo_limit = all(limit for value, _, limit in found if value == lo)
    hi_limit = all(limit for value, _, limit in found if value == hi)
    if lo_limit and hi.is_finite():
        lo, lo_open = -_INF, True
    elif hi_limit and lo.is_finite():
        hi, hi_open = _INF, True
    return (lo, lo_open), (hi, hi_open)
