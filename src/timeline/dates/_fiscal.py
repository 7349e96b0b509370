"""Fiscal years: which month one starts in (`fiscal_start`), kept light for the model.

A fiscal year is named by the calendar year in which it ends (Microsoft's
FY2025 runs from July 2024 to June 2025) unless the caller says it is named
by the year it starts in (the Japanese and Indian convention). The phrases
themselves ("FY2025", "Q3 FY2025") are read in `timeline.dates._parse_dates`.
"""

from __future__ import annotations

from timeline._errors import WhenError
from timeline.dates._precision import MONTH_NAMES

__all__ = ["fiscal_start"]


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
        f"got {value!r}"
    )
