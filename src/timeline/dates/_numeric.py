"""Dates written in numbers with a slash or a dot: "25/04/2026", "03/04/2026", "12/2026".

Day/month order differs by country, so `When.parse` refuses these forms (a file
that mixes them would be read two ways). Found in prose (`find_dates`), they are
read as far as they are sure: the days the numbers can name read day/month and
month/day. One day (25/04/2026, or 03/03/2026 either way) is that day; two are
one of them (an EDTF set, "3 April 2026 or 4 March 2026"); none is no date.
A month and year ("12/2026") is that month.
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["NUMERIC", "numeric_days", "numeric_edtf"]

NUMERIC = (
    r"(?P<num>(?<![\d.,/-])(?:\d{1,2}(?P<nsep>[/.])\d{1,2}(?P=nsep)\d{4}|\d{1,2}/\d{4})"
    r"(?![\d/]|[.,]\d))"
)
"""The regex fragment `find_dates` finds them with (on lower-cased text)."""

_PARTS = re.compile(r"(\d{1,2})[/.](?:(\d{1,2})[/.])?(\d{4})")


def numeric_days(first: int, second: int, year: int) -> list[_dt.date]:
    """The days ``first/second/year`` names read day/month and month/day, in order.

    >>> numeric_days(25, 4, 2026)
    [datetime.date(2026, 4, 25)]
    >>> [str(d) for d in numeric_days(3, 4, 2026)]
    ['2026-03-04', '2026-04-03']
    >>> numeric_days(31, 2, 2026)
    []
    """
    days = set()
    for day, month in ((first, second), (second, first)):
        try:
            days.add(_dt.date(year, month, day))
        except ValueError:
            continue
    return sorted(days)


def numeric_edtf(text: str) -> str | None:
    """The EDTF text of what a numeric date reads as, or ``None`` when it names no date.

    >>> numeric_edtf("25.04.2026"), numeric_edtf("5/4/2026"), numeric_edtf("12/2026")
    ('2026-04-25', '[2026-04-05,2026-05-04]', '2026-12')
    >>> numeric_edtf("13/13/2026") is None
    True
    """
    m = _PARTS.fullmatch(text)
    if m is None:
        return None
    year = int(m[3])
    if not 1 <= year <= 9999:
        return None
    if m[2] is None:  # a month and its year
        month = int(m[1])
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    days = numeric_days(int(m[1]), int(m[2]), year)
    if not days:
        return None
    if len(days) == 1:
        return days[0].isoformat()
    return "[" + ",".join(d.isoformat() for d in days) + "]"
