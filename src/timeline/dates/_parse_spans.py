"""Seasons, decades and centuries named in words: "spring 2026", "winter 2025/26",
"southern spring 2001", "the 2020s", "the 21st century", "mid-2020s".

Handlers for `timeline.dates._parse_dates`' table of patterns. A winter runs from
December into the next year, so "winter 2026" without the second year is read only
where one reading fits the calendar (years 1 to 9999); a decade or century is read
only where the calendar has its first year.
"""

from __future__ import annotations

import re

import pendulum

from timeline.dates._parse_context import Context, Value, Yearless, year_of
from timeline.dates._parse_edtf import Fail
from timeline.dates._precision import names_century
from timeline.dates._when import When

__all__ = [
    "SEASON_CODES",
    "century",
    "decade",
    "decade_third",
    "hemisphere_season",
    "hundreds",
    "season",
    "spelt_decade",
    "winter",
]

SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


def season(m: re.Match[str], ctx: Context) -> Value:
    code = SEASON_CODES[m["s"]]
    if m["y"] is None:
        return Yearless(lambda y: When.season(y, code), m["s"])
    return When.season(year_of(m["y"], ctx), code)


def winter(m: re.Match[str], ctx: Context) -> Value:
    """ "winter 2025/26"; "winter 2026" alone is refused, naming both winters it may mean.

    Where one of the two runs past the calendar (years 1 to 9999), the text still may
    mean it ("winter 9999": from December 9999, a month the calendar has), so it is
    refused too, with the one the calendar can hold as the suggestion.
    """
    if m["y"] is None:
        return Yearless(lambda y: When.season(y, 24), "winter")
    y = int(m["y"])
    if y == 0:
        raise Fail("year 0000 (1 BCE) is not supported; the calendar starts at year 1")
    if m["y2"] is None:
        said = f"'winter {y:04d}'"
        # the winters ending and starting in that year
        readings = [
            f"'winter {first:04d}/{(first + 1) % 100:02d}' "
            f"(December {first:04d} to February {first + 1:04d})"
            for first in (y - 1, y)
            if 1 <= first <= 9998
        ]
        if len(readings) == 2:
            raise Fail(f"{said} is ambiguous: write " + " or ".join(readings))
        held = f"winter {y - 1:04d}/{y % 100:02d}" if y == 9999 else f"winter {y:04d}/02"
        other = (
            "the winter from December 9999 runs past the calendar's last day (31 December 9999)"
            if y == 9999
            else "the winter from December 0000 (1 BCE) starts before the calendar's first "
            "day (1 January 0001)"
        )
        raise Fail(f"{said} is ambiguous: {readings[0]}, or {other}", held)
    y2 = int(m["y2"])
    if y2 != (y + 1 if len(m["y2"]) == 4 else (y + 1) % 100):
        raise Fail(f"a winter spans two consecutive years, not {m['y']} and {m['y2']}")
    return When.season(y, 24)


_HEMISPHERE_CODES = {
    ("northern", "spring"): 25,
    ("northern", "summer"): 26,
    ("northern", "autumn"): 27,
    ("northern", "winter"): 28,
    ("southern", "spring"): 29,
    ("southern", "summer"): 30,
    ("southern", "autumn"): 31,
    ("southern", "winter"): 32,
}


def hemisphere_season(m: re.Match[str], ctx: Context) -> Value:
    """ "southern spring 2001" (EDTF 2001-29); the seasons from December name both years."""
    name = "autumn" if m["s"] == "fall" else m["s"]
    code = _HEMISPHERE_CODES[(m["hemi"], name)]
    y = int(m["y"])
    spans = code in (28, 30)
    said = f"{m['hemi']} {name}"
    if spans and m["y2"] is None:
        raise Fail(f"{said} runs from December to February: write '{said} {y}/{(y + 1) % 100:02d}'")
    if m["y2"] is not None:
        y2 = int(m["y2"])
        if not spans or y2 != (y + 1 if len(m["y2"]) == 4 else (y + 1) % 100):
            raise Fail(f"{said} {y} lies within one year; write '{said} {y}'")
    return When.season(y, code)


def decade_third(first_year: int, n: int) -> When:
    """ "early 2020s" (2020-2023), "mid-2020s" (2024-2026), "late 2020s" (2027-2029).

    >>> str(decade_third(2020, 2).latest)
    '2026-12-31'
    """
    decade = When.decade(_first_year(first_year, "the 0000s (years 0 to 9)"))
    first = first_year + (0, 4, 7)[n - 1]
    last = first_year + (3, 6, 9)[n - 1]
    return When(_dt_date(first, 1, 1), _dt_date(last, 12, 31), decade.precision)


def century_third(first_year: int, n: int) -> When:
    """ "early 20th century" (1900-1939), "mid-20th century" (1940-1969), "late 20th century"
    (1970-1999): its decades as a decade's years are split (4, 3, 3).

    >>> str(century_third(1900, 3).earliest), str(century_third(1900, 3))
    ('1970-01-01', 'late 20th century')
    """
    century = When.century(_first_year(first_year, "the 1st century (years 0 to 99) would"))
    first = first_year + (0, 40, 70)[n - 1]
    last = first_year + (39, 69, 99)[n - 1]
    return When(_dt_date(first, 1, 1), _dt_date(last, 12, 31), century.precision)


def _dt_date(y: int, m: int, d: int) -> pendulum.Date:
    return pendulum.Date(y, m, d)


def hundreds(first_year: int, n: int | None = None) -> When:
    """ "the <first_year>s" (``n`` ``None``) or its early/mid/late third (``n`` 1-3):
    a century's when `names_century`, else a decade's.

    >>> str(hundreds(1800, 3).earliest), str(hundreds(2000, 3).earliest)
    ('1870-01-01', '2007-01-01')
    """
    if names_century(first_year):
        return When.century(first_year) if n is None else century_third(first_year, n)
    if n is None:
        return When.decade(_first_year(first_year, "the 0000s (years 0 to 9)"))
    return decade_third(first_year, n)


def decade(m: re.Match[str], ctx: Context) -> Value:
    """ "the 2020s", "the 1800s" (a century: `names_century`)."""
    return hundreds(int(m["d"]))


def spelt_decade(m: re.Match[str], ctx: Context) -> Value:
    """ "the decade 1800\u20131809", "early in the decade 1800-1809": a decade by its years."""
    first, last = int(m["a"]), int(m["b"])
    if first % 10 or last != first + 9:
        raise Fail(
            f"a decade runs from a year ending in 0 to the ninth after it, not {first}-{last}"
        )
    third = m["third"]
    if third is None:
        return When.decade(_first_year(first, "the 0000s (years 0 to 9)"))
    return decade_third(first, 1 if third == "early in" else 2 if third == "midway through" else 3)


def _first_year(year: int, said: str) -> int:
    """``year``, the first of a decade or century, if the calendar has it."""
    if year < 1:
        raise Fail(f"{said} start in year 0, before the calendar's first year (1); write the years")
    return year


def century(m: re.Match[str], ctx: Context) -> Value:
    n = int(m["n"])
    right = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    if m["sfx"] != right:
        raise Fail(f"the {n}{m['sfx']} century: the ordinal is {n}{right}")
    return When.century(_first_year((n - 1) * 100, "the 1st century (years 0 to 99) would"))
