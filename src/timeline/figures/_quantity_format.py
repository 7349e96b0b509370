"""Writing a figure as a person does: `format_quantity`, the reverse of
`timeline.figures._quantity_text.parse_quantity` ("$600 million", "2–3 devices",
"over 5 GPUs", "1.5x", "3-fold")."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from timeline.figures._numbers import EXACT
from timeline.figures._quantity_text import DEFAULT_WORDING
from timeline.figures._units import CURRENCY_SYMBOLS, canonical_unit, multiple_mark, split_currency

if TYPE_CHECKING:
    from timeline.figures._quantity import Bound

__all__ = ["format_quantity"]

_WRITTEN_SCALES: Final = (("trillion", 12), ("billion", 9), ("million", 6))  # powers of ten


def _plain(value: Decimal) -> str:
    """Digits with thousands commas and no trailing zeros: 10000 -> '10,000'."""
    text = format(value.normalize(EXACT), ",f")
    return "0" if text in ("-0", "0") else text


def _fits(value: Decimal) -> bool:
    # At most three decimals: 1.5 billion yes, 1.234567 million no (write the digits).
    exponent = value.normalize(EXACT).as_tuple().exponent
    return isinstance(exponent, int) and -exponent <= 3


def _numbers(ends: list[Decimal]) -> tuple[list[str], str]:
    """The ends written with one shared scale word (or none): (['5', '10'], ' billion')."""
    biggest = max(abs(end) for end in ends)
    for word, power in _WRITTEN_SCALES:
        if biggest < 10**power:
            continue
        scaled = [end.scaleb(-power, EXACT) for end in ends]  # exact, unlike a division
        if all(_fits(end) for end in scaled):
            return [_plain(end) for end in scaled], f" {word}"
    return [_plain(end) for end in ends], ""


def format_quantity(
    value: Decimal, unit: str, bound: Bound, high: Decimal | None, wording: str | None = None
) -> str:
    """Write a figure as a person does; see `parse_quantity` for the reverse.

    ``wording`` is the bound phrase to use ("over", "or more"); by default "at least",
    "more than", "up to", "under" or "about", as the bound says.

    >>> from timeline.figures._quantity import Bound
    >>> format_quantity(Decimal(600_000_000), "USD", Bound.EXACT, None)
    '$600 million'
    >>> format_quantity(Decimal(2), "devices", Bound.RANGE, Decimal(3))
    '2–3 devices'
    >>> format_quantity(Decimal(5), "GPUs", Bound.MORE_THAN, None, "over")
    'over 5 GPUs'
    """
    ends = [value] if high is None else [value, high]
    numbers, scale = _numbers(ends)
    code, rest = split_currency(unit)
    symbol = CURRENCY_SYMBOLS.get(code or "", "")
    # The symbol goes before the number only when what follows reads as unit words
    # ("$5 ARR"); "5 USD 2024 dollars" keeps its code, so it reads back the same.
    if symbol and (
        not rest or (rest[0].isalpha() and split_currency(canonical_unit(rest))[0] is None)
    ):
        written = [f"-{symbol}{n[1:]}" if n.startswith("-") else symbol + n for n in numbers[:1]]
        amount = "–".join(written + numbers[1:]) + scale
        tail = rest
    else:
        amount = "–".join(numbers) + scale
        tail = unit
    # "5%", "5% per year", "1.5x" and "3×" are written without a space ("5 million x"
    # keeps it: "millionx" is no scale word), "3-fold" with a hyphen; other units take one.
    mark = multiple_mark(tail)
    if tail.startswith("%") or (mark in ("x", "×") and not scale):
        text = amount + tail
    elif mark == "fold":
        text = f"{amount}-{tail}"
    else:
        text = f"{amount} {tail}".rstrip()
    words = wording or DEFAULT_WORDING.get(bound.value)
    return text if words is None else f"{words} {text}"
