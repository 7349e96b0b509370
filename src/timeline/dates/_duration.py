"""Durations: the one reader of "how far ahead" (``within=``) for every query and the CLI.

``90``, a `datetime.timedelta`, or text such as ``"90"`` (days), ``"90 days"``, ``"12w"``,
``"3 months"``, ``"2 quarters"``, ``"1 year"``. Months and years are calendar steps from
the day they count from (15 January plus one month is 15 February), so the number of days
depends on that day.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final, TypeAlias

import pendulum

from timeline._errors import QueryError, quoted

__all__ = ["Within", "within_days"]

Within: TypeAlias = "int | _dt.timedelta | str"
"""A duration: days, a timedelta, or text such as '90 days', '12w', '3 months' or '1 year'."""

_WITHIN: Final = re.compile(
    r"\s*(\d{1,7})\s*(d|days?|w|weeks?|m|mos?|months?|q|quarters?|y|yrs?|years?|)\s*", re.I
)
_FIX: Final = "write e.g. '90 days', '12w', '3 months' or '1 year'"


def within_days(within: Within, as_of: _dt.date) -> int:
    """The number of days ``within`` spans, counted from ``as_of``.

    Raises `QueryError` quoting a duration that is not one, is negative, or reaches
    past the calendar (year 9999).

    >>> import datetime
    >>> day = datetime.date(2026, 1, 15)
    >>> within_days("1 year", day), within_days(90, day), within_days("2w", day)
    (365, 90, 14)
    """
    if isinstance(within, _dt.timedelta | int) and not isinstance(within, bool):
        days = within.days if isinstance(within, _dt.timedelta) else within
        if days < 0:
            raise QueryError(
                f"within: {quoted(within)} is negative; give a duration of 0 days or more"
            )
        _check_end(within, as_of, days)
        return days
    match = _WITHIN.fullmatch(within) if isinstance(within, str) else None
    if match is None:
        raise QueryError(f"within: {quoted(within)} is not a duration; {_FIX}")
    n, unit = int(match[1]), (match[2] or "d")[0].lower()  # a number alone is days
    if unit == "q":
        n, unit = 3 * n, "m"
    if unit in "dw":
        days = n * (7 if unit == "w" else 1)
        _check_end(within, as_of, days)
        return days
    start = pendulum.date(as_of.year, as_of.month, as_of.day)
    try:
        stop = start.add(months=n) if unit == "m" else start.add(years=n)
    except (OverflowError, ValueError):
        raise _too_far(within, as_of) from None
    return (stop - start).days


def _check_end(within: Within, as_of: _dt.date, days: int) -> None:
    if days > (_dt.date.max - as_of).days:
        raise _too_far(within, as_of)


def _too_far(within: Within, as_of: _dt.date) -> QueryError:
    return QueryError(
        f"within: {quoted(within)} from {as_of.isoformat()} reaches past the year 9999; "
        "give a shorter duration"
    )
