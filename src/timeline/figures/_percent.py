"""A target's progress said as a percentage: "25%", "99.5%" (never "100%" short of the
goal), "<1%", "over 50%", "20%–30%"."""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from timeline.figures._quantity import Bound, Quantity

__all__ = ["percent_text", "share_text"]


def percent_text(share: Decimal) -> str:
    """A share as a percentage, whole and half up, never "100%" short of the goal nor
    "0%" past the start: 99.5% stays "99.5%", 0.3% is "<1%".

    >>> percent_text(Decimal("0.995")), percent_text(Decimal("0.125")), percent_text(Decimal(1))
    ('99.5%', '13%', '100%')
    """
    percent = share * 100
    if 0 < percent < 1:
        return "<1%"
    if -1 < percent < 0:  # fallen a little below the baseline: never "-0%"
        return f"{percent.quantize(Decimal('0.1'), rounding=ROUND_FLOOR).normalize()}%"
    if 99 < percent < 100:  # one decimal, cut (not rounded) so it stays short of 100
        return f"{percent.quantize(Decimal('0.1'), rounding=ROUND_FLOOR).normalize()}%"
    return f"{percent.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}%"


def share_text(share: Quantity) -> str:
    """A progress share as a percentage, rounded to whole percent: "over 50%"."""
    ends = [share.value] if share.high is None else [share.value, share.high]
    numbers = [percent_text(end) for end in ends]
    if len(numbers) == 2 and numbers[0] != numbers[1]:
        return "–".join(numbers)
    prefix = {
        Bound.AT_LEAST: "at least ",
        Bound.MORE_THAN: "over ",
        Bound.AT_MOST: "up to ",
        Bound.LESS_THAN: "under ",
        Bound.APPROX: "about ",
    }
    return prefix.get(share.bound, "") + numbers[0]
