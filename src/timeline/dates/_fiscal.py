"""Fiscal years: which month one starts in (`fiscal_start`) and how it is named (`Fiscal`).

A fiscal year is named by the calendar year in which it ends (Microsoft's
FY2025 runs from July 2024 to June 2025) unless the caller says it is named
by the year it starts in (the Japanese and Indian convention). The phrases
themselves ("FY2025", "Q3 FY2025") are read in `timeline.dates._parse_fiscal`;
a value read from one keeps its `Fiscal` (`When.fiscal`) so it is shown in
those terms (`timeline.dates._format_fiscal`). Kept light for the model.
"""

from __future__ import annotations

from typing import Literal

import attrs

from timeline._errors import WhenError, quoted
from timeline.dates._precision import MONTH_NAMES

__all__ = ["Fiscal", "fiscal_start"]


@attrs.frozen(repr=False)
class Fiscal:
    """The fiscal years a `When` was stated in: the month one starts, and how one is named.

    ``named_by`` is ``"end"`` when FY2026 is the fiscal year that ends in 2026
    (Microsoft's FY2026 runs from July 2025 to June 2026), ``"start"`` when it
    is the one that starts in 2026 (the Japanese and Indian convention). A
    fiscal year starting in January is the calendar year, whatever the naming,
    so it is always kept as ``"end"``.

    >>> Fiscal(7)
    Fiscal(7)
    >>> Fiscal(4, "start").begins(2026), Fiscal(7).begins(2026), Fiscal(1, "start").named_by
    (2026, 2025, 'end')
    """

    start: int = attrs.field()
    named_by: Literal["end", "start"] = attrs.field(default="end")

    @start.validator
    def _check_start(self, _: object, value: int) -> None:
        if type(value) is not int or not 1 <= value <= 12:
            raise WhenError(f"Fiscal({quoted(value)}): the start is a month, 1..12")

    @named_by.validator
    def _check_named_by(self, _: object, value: str) -> None:
        if value not in ("end", "start"):
            raise WhenError(f"Fiscal: named_by is 'end' or 'start', got {quoted(value)}")

    def __attrs_post_init__(self) -> None:
        if self.start == 1 and self.named_by == "start":  # the same years either way
            object.__setattr__(self, "named_by", "end")

    def begins(self, name: int) -> int:
        """The calendar year fiscal year ``name`` starts in.

        >>> Fiscal(10).begins(2026)
        2025
        """
        return name - 1 if self.named_by == "end" and self.start != 1 else name

    def name(self, begins: int) -> int:
        """The name (FY number) of the fiscal year that starts in ``begins``.

        >>> Fiscal(7).name(2025), Fiscal(7, "start").name(2025)
        (2026, 2025)
        """
        return begins + 1 if self.named_by == "end" and self.start != 1 else begins

    def __repr__(self) -> str:
        tail = ', "start"' if self.named_by == "start" else ""
        return f"Fiscal({self.start}{tail})"


def fiscal_start(value: object) -> int | None:
    """The month a fiscal year starts, from a number 1..12 or a month name; ``None`` if none.

    Raises `WhenError` for anything else.

    >>> fiscal_start("July"), fiscal_start(4), fiscal_start("Sept"), fiscal_start(None)
    (7, 4, 9, None)
    """
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12:
        return value
    if isinstance(value, str):
        name = value.strip().lower().removesuffix(".")  # "Sept." as "Sept"
        for i, month in enumerate(MONTH_NAMES, 1):
            if len(name) >= 3 and month.lower().startswith(name):
                return i
        if name.isdigit() and 1 <= int(name) <= 12:
            return int(name)
    raise WhenError(
        f"fiscal_year_start must be a month, as a number 1..12 or a name such as 'July', "
        f"got {quoted(value)}"
    )
