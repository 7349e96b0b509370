"""Exact numbers for figures: every digit kept, and a limit on how many.

Figures are exact `Decimal` values, but Decimal's default context rounds results to 28
significant digits, silently. Reading, scaling ("1.5 billion"), normalising, adding,
subtracting and multiplying figures therefore use `EXACT`, a context wide enough for
any number a figure may hold; only division (whose results can be endless) rounds, to
28 digits, as documented on `Quantity`.

A figure may hold at most `MAX_DIGITS` digits written out (Python's own limit for
turning text into an int): longer numbers, and exponents that would write out longer
("1e99999"), are refused with a `QuantityError` that quotes the start of the input.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Final

from timeline._errors import QuantityError

__all__ = ["DIVIDE", "EXACT", "MAX_DIGITS", "checked", "plain", "shown"]

MAX_DIGITS: Final = 4300
EXACT: Final = decimal.Context(
    prec=4 * MAX_DIGITS,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
DIVIDE: Final = decimal.Context(prec=28, traps=[decimal.InvalidOperation, decimal.Overflow])


def shown(text: str, limit: int = 40) -> str:
    """Text quoted in a message, its middle cut when long.

    >>> shown("1" * 100, 12)
    "'11111…11111' (100 characters)"
    """
    if len(text) <= limit:
        return repr(text)
    half = (limit - 2) // 2
    return f"{text[:half] + '…' + text[-half:]!r} ({len(text):,} characters)"


def written_length(number: Decimal) -> int:
    """How many digits ``number`` takes written out in full (no exponent).

    >>> written_length(Decimal("1e5")), written_length(Decimal("0.001"))
    (6, 3)
    """
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= 0:
        return len(digits) + exponent
    return max(len(digits), -exponent)


def checked(number: Decimal, text: str | None = None) -> Decimal:
    """``number`` if it fits in `MAX_DIGITS` written digits; else a `QuantityError`.

    >>> checked(Decimal("1e3"))
    Decimal('1E+3')
    """
    if number.is_finite() and written_length(number) > MAX_DIGITS:
        source = text if text is not None else str(number)
        raise QuantityError(
            f"{shown(source)} is not a quantity: its number has more than {MAX_DIGITS:,} "
            "digits written out; no figure needs that many, check the input",
            text=text,
        )
    return number


def plain(number: Decimal) -> Decimal:
    """One spelling per value, every digit kept: 6E+8 -> 600000000, 1.50 -> 1.5, -0 -> 0.

    >>> plain(Decimal("6E+8")), plain(Decimal("1234567890123456789012345678901.50"))
    (Decimal('600000000'), Decimal('1234567890123456789012345678901.5'))
    """
    if number == 0:
        return Decimal(0)
    return Decimal(format(number.normalize(EXACT), "f"))
