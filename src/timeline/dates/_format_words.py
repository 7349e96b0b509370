"""Unspecified digits and EDTF level-2 forms said in words, for readers who do not read EDTF.

`When.format` (``str``) writes text the parser reads back, so a value with
unspecified digits keeps its EDTF there (``2026-XX-15``): no phrase reads back
to exactly that value. A calendar subscriber or a reader of a page reads words,
not EDTF; `When.words` says such values as people would:

================  ====================================================
EDTF              words
================  ====================================================
``2026-XX-15``    the 15th of a month in 2026
``2026-04-XX``    some day in April 2026
``2026-XX-XX``    some day in 2026
``2026-1X-0X``    the 1st–9th of October–December 2026
``2026-XX-3X``    the 30th or 31st of a month in 2026
``2026-XX``       some month of 2026
``2026-X2``       February or December 2026
``202X``          some year in the 2020s
``19XX``          some year in the 20th century (1900-1999, as ``str``
                  writes centuries)
``1XXX``          some year from 1000 to 1999
``X999``          one of 10 years from 0999 to 9999
``XXXX-12-25``    25 December of some year
``156X-12-25``    25 December of some year in the 1560s
``2004?-06-~11``  11 June 2004 (the year uncertain, the day approximate)
``1950S2``        1900 to 1999 (1950 to 2 significant digits)
================  ====================================================

An instant is said as its day and clock time with its zone as a reader knows it:
``2026-04-15T09:30+08:00`` is "15 April 2026 at 09:30 UTC+8", ``...Z`` "... UTC", a time
with no zone (floating: the same clock time wherever it is read) has none, and a named
zone is said with its offset ("09:30 Asia/Shanghai (UTC+8)").

The words name the days, months and years the digits allow; a day no allowed
month has is left out (``2026-04-3X`` is "30 April 2026"), though a day some
allowed months lack is named once for all ("the 30th or 31st of February or
December 2026": 30 and 31 December). Qualifiers and relations are said around
these words as for any value ("c. some year in the 2020s", "by some day in April
2026"); `timeline.dates._format.to_words` says ISO weeks ("week 15 of 2026 (6–12
April 2026)") and open interval ends ("open start") too.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import itertools
import re
from collections.abc import Sequence

from timeline._errors import quoted
from timeline.dates._precision import MONTH_NAMES, names_century

__all__ = ["component_words", "instant_words", "mask_words", "significant_words"]

_MASK = re.compile(r"([\dX]{4})(?:-([\dX]{2})(?:-([\dX]{2}))?)?")
_LISTED_YEARS = 6
"""Allowed years listed one by one up to this many; more are counted ("one of 10 years")."""


def _fits(mask: str, value: str) -> bool:
    return all(c == "X" or c == v for c, v in zip(mask, value, strict=True))


@functools.lru_cache(maxsize=256)
def _years(mask: str) -> tuple[int, ...]:
    """The years 1..9999 a four-character mask allows, in order."""
    choices = ["0123456789" if c == "X" else c for c in mask]
    years = (int("".join(combo)) for combo in itertools.product(*choices))
    return tuple(y for y in years if y)


def _allowed(mask: str | None, top: int) -> list[int]:
    return [k for k in range(1, top + 1) if mask is None or _fits(mask, f"{k:02d}")]


def _ordinal(n: int) -> str:
    from timeline.dates._format import ordinal

    return ordinal(n)


def _either(texts: Sequence[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return texts[0] if len(texts) == 1 else f"{', '.join(texts[:-1])} or {texts[-1]}"


def _runs(values: list[int], say: list[str]) -> str:
    """Values in order, a run of three or more said as "first–last" (an en dash: "to" joins
    an interval's ends)."""
    parts: list[str] = []
    for _, group in itertools.groupby(enumerate(values), key=lambda p: p[1] - p[0]):
        run = [v for _, v in group]
        if len(run) >= 3:
            parts.append(f"{say[run[0]]}\u2013{say[run[-1]]}")
        else:
            parts += [say[v] for v in run]
    return _either(parts)


def _year_words(mask: str) -> tuple[str, bool]:
    """The year a mask allows as a noun ("2026", "some year in the 2020s"), and whether
    it is one known year."""
    if "X" not in mask:
        return mask, True
    known = mask.rstrip("X")
    if "X" not in known:  # unknown trailing digits: a decade, century or millennium
        width = len(mask) - len(known)
        if width == 1 and known == "000":  # not "the 0000s": year 0000 is outside the calendar
            return "some year from 0001 to 0009", False
        if width == 1 and names_century(int(known) * 10):  # "the 1800s" is the century
            return f"some year from {known}0 to {known}9", False
        if width == 1:
            return f"some year in the {known}0s", False
        if width == 2:
            return f"some year in the {_ordinal(int(known) + 1)} century", False
        if width == 3:
            return f"some year from {known}000 to {known}999".replace(" 0000 ", " 0001 "), False
        return "some year", False
    years = _years(mask)
    if len(years) <= _LISTED_YEARS:
        return "one of the years " + _either([f"{y:04d}" for y in years]), False
    return f"one of {len(years)} years from {years[0]:04d} to {years[-1]:04d}", False


def _last_days(year_mask: str, months: list[int]) -> int:
    """The most days any allowed month has in any allowed year."""
    leap = any(calendar.isleap(y) for y in _years(year_mask)) if "X" in year_mask else None
    if leap is None:
        leap = calendar.isleap(int(year_mask))
    return max(calendar.monthrange(2000 if leap else 2001, m)[1] for m in months)


def mask_words(mask: str) -> str:
    """A date with unspecified digits (EDTF ``2026-XX-15``) in words.

    >>> mask_words("2026-XX-15"), mask_words("202X"), mask_words("2026-04-XX")
    ('the 15th of a month in 2026', 'some year in the 2020s', 'some day in April 2026')
    """
    m = _MASK.fullmatch(mask)
    if m is None:
        raise ValueError(f"{quoted(mask)} is not an EDTF date with unspecified digits")
    y, mo, d = m.groups()
    year, known = _year_words(y)
    if mo is None:
        return year
    months = _allowed(mo, 12)
    tail = f" {year}" if known else f" of {year}"
    month = None if mo == "XX" else _runs(months, ["", *MONTH_NAMES]) + tail
    if d is None:
        return month or f"some month of {year}"
    days = [k for k in _allowed(d, 31) if k <= _last_days(y, months)]
    if d == "XX":
        return f"some day in {month or year}"
    if len(days) == 1 and len(months) == 1:
        return f"{days[0]} {MONTH_NAMES[months[0] - 1]}{tail}"
    said = _runs(days, ["", *(_ordinal(k) for k in range(1, 32))])
    return f"the {said} of {month or f'a month in {year}'}"


_COMPONENT = re.compile(
    r"(?P<qy>[~?%])?(?P<y>[\dX]{4})(?P<ry>[~?%])?"
    r"(?:-(?P<qm>[~?%])?(?P<m>[\dX]{2})(?P<rm>[~?%])?"
    r"(?:-(?P<qd>[~?%])?(?P<d>[\dX]{2}))?)?(?P<q>[~?%])?",
    re.IGNORECASE,
)
_MARK_WORDS = {(True, False): "approximate", (False, True): "uncertain", (True, True): "both"}


def component_words(form: str) -> str | None:
    """An EDTF date qualified part by part (``2004?-06-~11``) in words; ``None`` if it is not one.

    >>> component_words("2004?-06-~11")
    '11 June 2004 (the year uncertain, the day approximate)'
    >>> component_words("2026-XX-~15")
    'the 15th of a month in 2026 (the day approximate)'
    """
    from timeline.dates._edtf_level2 import component_flags
    from timeline.dates._when import When

    m = _COMPONENT.fullmatch(form)
    if m is None:
        return None
    bare = "-".join(part.upper() for part in (m["y"], m["m"], m["d"]) if part is not None)
    core = mask_words(bare) if "X" in bare else str(When.from_edtf(bare))
    notes = []
    for grain, flags in component_flags(m):
        if flags != (False, False):
            word = _MARK_WORDS[flags]
            said = "approximate and uncertain" if word == "both" else word
            notes.append(f"the {grain.value} {said}")
    return f"{core} ({', '.join(notes)})" if notes else core


_SIGNIFICANT = re.compile(r"(\d{4})S(\d)")


def significant_words(form: str) -> str | None:
    """A year with significant digits (``1950S2``) in words; ``None`` if it is not one.

    >>> significant_words("1950S2")
    '1900 to 1999 (1950 to 2 significant digits)'
    """
    m = _SIGNIFICANT.fullmatch(form)
    if m is None:
        return None
    year, digits = int(m[1]), int(m[2])
    unit = 10 ** (4 - digits)
    first = year // unit * unit
    last = first + unit - 1
    first = max(first, 1)  # year 0000 is outside the calendar
    span = f"{first:04d}" if unit == 1 else f"{first:04d} to {last:04d}"
    return f"{span} ({year:04d} to {digits} significant digit{'s' if digits > 1 else ''})"


def _offset_words(offset: datetime.timedelta) -> str:
    """A UTC offset as people write it: "UTC", "UTC+8", "UTC+5:45", "UTC\u22123:30"."""
    total = int(offset.total_seconds())
    if total == 0:
        return "UTC"
    sign = "+" if total > 0 else "\u2212"  # a minus sign, as in "UTC\u22125"
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    tail = f":{minutes:02d}" if minutes or seconds else ""
    tail += f":{seconds:02d}" if seconds else ""
    return f"UTC{sign}{hours}{tail}"


def instant_words(p: datetime.datetime, *, seconds: bool) -> str:
    """An instant in words: its day, its clock time, and its zone as a reader knows it.

    >>> import pendulum
    >>> instant_words(pendulum.datetime(2026, 4, 15, 9, 30, tz=8), seconds=False)
    '15 April 2026 at 09:30 UTC+8'
    >>> instant_words(datetime.datetime(2026, 4, 15, 9, 30, 15), seconds=True)
    '15 April 2026 at 09:30:15'
    """
    clock = f"{p.hour:02d}:{p.minute:02d}"
    if seconds:
        clock += f":{p.second:02d}" + (f".{p.microsecond:06d}" if p.microsecond else "")
    said = f"{p.day} {MONTH_NAMES[p.month - 1]} {p.year:04d} at {clock}"
    offset = p.utcoffset()
    if offset is None:  # floating: the clock time wherever it is read
        return said
    name = getattr(p.tzinfo, "name", None)
    if isinstance(name, str) and "/" in name:
        return f"{said} {name} ({_offset_words(offset)})"
    return f"{said} {_offset_words(offset)}"
