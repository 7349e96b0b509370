"""Holidays as dates: "before Christmas 2026", "by Lunar New Year", "around Thanksgiving".

`When.parse` reads no holiday (most move from year to year). News text dates plans by
them, so here a holiday after a word saying how a statement relates to it ("before",
"by", "ahead of", "in time for", "after", "around", "over", "on" ...), or with its year,
is read as its day, in the year given ("Christmas 2026"), else against the reference
day: "this Christmas" in the reference's year, "next"/"last" the first after or the
last before it, and a bare one the last on or before the reference (a past statement)
or, for a forward-looking one, the first on or after it (`Weekday.forward`).

Only holidays whose day is known for a year are read: fixed days (Christmas, New Year's
Day and Eve, Halloween, Valentine's Day, Boxing Day, Singles' Day), US Thanksgiving and
the days after it (Black Friday, Cyber Monday), Easter and the days around it (Western,
by the Gregorian computus), and Lunar New Year (a table, 1990-2070). Not read, never
given a wrong day: holidays of another calendar (Diwali, Ramadan, Eid, Hanukkah ...),
ones whose day depends on the country ("Labor Day", "Independence Day", "Golden Week"),
a year outside the table, a holiday's season or period ("the Christmas season", "over
the Lunar New Year holiday"), and a holiday with no year in a text with no reference.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Final

from timeline.dates import When
from timeline.dates._find import DateMatch
from timeline.extract._weekdays import Weekday

__all__ = ["holiday_day", "holidays"]

# The first day of the lunar year (Lunar New Year, Chinese New Year, Spring Festival).
_LUNAR_NEW_YEAR: Final = {
    1990: (1, 27), 1991: (2, 15), 1992: (2, 4), 1993: (1, 23), 1994: (2, 10), 1995: (1, 31),
    1996: (2, 19), 1997: (2, 7), 1998: (1, 28), 1999: (2, 16), 2000: (2, 5), 2001: (1, 24),
    2002: (2, 12), 2003: (2, 1), 2004: (1, 22), 2005: (2, 9), 2006: (1, 29), 2007: (2, 18),
    2008: (2, 7), 2009: (1, 26), 2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10),
    2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5),
    2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29),
    2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3), 2031: (1, 23),
    2032: (2, 11), 2033: (1, 31), 2034: (2, 19), 2035: (2, 8), 2036: (1, 28), 2037: (2, 15),
    2038: (2, 4), 2039: (1, 24), 2040: (2, 12), 2041: (2, 1), 2042: (1, 22), 2043: (2, 10),
    2044: (1, 30), 2045: (2, 17), 2046: (2, 6), 2047: (1, 26), 2048: (2, 14), 2049: (2, 2),
    2050: (1, 23), 2051: (2, 11), 2052: (2, 1), 2053: (2, 19), 2054: (2, 8), 2055: (1, 28),
    2056: (2, 15), 2057: (2, 4), 2058: (1, 24), 2059: (2, 12), 2060: (2, 2), 2061: (1, 21),
    2062: (2, 9), 2063: (1, 29), 2064: (2, 17), 2065: (2, 5), 2066: (1, 26), 2067: (2, 14),
    2068: (2, 3), 2069: (1, 23), 2070: (2, 11),
}  # fmt: skip


def _easter(year: int) -> _dt.date:
    """Western Easter Sunday (dateutil's Gregorian computus; dateutil reads feeds already)."""
    from dateutil.easter import EASTER_WESTERN, easter

    return easter(year, EASTER_WESTERN)


def _thanksgiving(year: int) -> _dt.date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = _dt.date(year, 11, 1)
    return first + _dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def _lunar(year: int) -> _dt.date | None:
    found = _LUNAR_NEW_YEAR.get(year)
    return None if found is None else _dt.date(year, *found)


def _fixed(month: int, day: int) -> Callable[[int], _dt.date | None]:
    return lambda year: _dt.date(year, month, day)


def _after(rule: Callable[[int], _dt.date | None], days: int) -> Callable[[int], _dt.date | None]:
    def moved(year: int) -> _dt.date | None:
        found = rule(year)
        return None if found is None else found + _dt.timedelta(days=days)

    return moved


_DAYS: Final[dict[str, Callable[[int], _dt.date | None]]] = {
    "christmas eve": _fixed(12, 24),
    "christmas day": _fixed(12, 25),
    "christmas": _fixed(12, 25),
    "xmas": _fixed(12, 25),
    "boxing day": _fixed(12, 26),
    "new year's eve": _fixed(12, 31),
    "new year's day": _fixed(1, 1),
    "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14),
    "singles' day": _fixed(11, 11),
    "singles day": _fixed(11, 11),
    "thanksgiving day": _thanksgiving,
    "thanksgiving": _thanksgiving,
    "black friday": _after(_thanksgiving, 1),
    "cyber monday": _after(_thanksgiving, 4),
    "easter sunday": _easter,
    "easter": _easter,
    "good friday": _after(_easter, -2),
    "easter monday": _after(_easter, 1),
    "lunar new year": _lunar,
    "chinese new year": _lunar,
    "spring festival": _lunar,
}

_NAMES: Final = "|".join(
    re.escape(n).replace("'", "['\u2019]?").replace(r"\ ", r"\s+")
    for n in sorted(_DAYS, key=len, reverse=True)
)
# The word before says how the statement relates to the day: "before", "by", "around".
_HOLIDAY: Final = re.compile(
    r"(?<![\w-])(?:(?P<prep>before|by|ahead\s+of|prior\s+to|in\s+time\s+for|after|around"
    r"|about|near|on|at|over|during|for|until|till|through)\s+)?"
    r"(?:(?P<which>this|next|last|the)\s+)?"
    rf"(?P<name>{_NAMES})(?![\w'\u2019-])"
    r"(?:(?:\s+of)?,?\s+(?P<year>(?:19|20)\d{2})(?![\w-]))?",
    re.IGNORECASE,
)
# A holiday's season or period, not its day: "the Christmas season", "the Lunar New Year
# holiday", "Thanksgiving weekend", "Easter break".
_PERIOD_AFTER: Final = re.compile(
    r"\s+(?:season|period|quarter|holidays?|break|week|weekend|weeks|rush|shopping|sales"
    r"|travel|spending|festival|festivities|celebrations|shutdown|vacation|recess|time)\b",
    re.IGNORECASE,
)
_NAME_AFTER: Final = re.compile(r"\s+[A-Z][a-z]")
# A holiday of another calendar or country, never read: its words are left alone.
_BEFORE_NAME: Final = re.compile(r"(?:orthodox|canadian|japanese|korean)\s+$", re.IGNORECASE)


def holiday_day(name: str, year: int) -> _dt.date | None:
    """The day of a holiday ``name`` in ``year``, or None when not known.

    >>> holiday_day("Thanksgiving", 2026), holiday_day("Lunar New Year", 2027)
    (datetime.date(2026, 11, 26), datetime.date(2027, 2, 6))
    >>> holiday_day("Easter", 2026), holiday_day("Diwali", 2026)
    (datetime.date(2026, 4, 5), None)
    """
    key = re.sub(r"\s+", " ", name.lower().replace("\u2019", "'"))
    rule = _DAYS.get(key) or _DAYS.get(key.replace("new years", "new year's"))
    if rule is None and key.replace("valentines", "valentine's") in _DAYS:
        rule = _DAYS[key.replace("valentines", "valentine's")]
    return None if rule is None else rule(year)


def _related(day: _dt.date, prep: str) -> When:
    when = When.day(day.year, day.month, day.day)
    if prep in ("before", "ahead of", "prior to"):
        return when.before()
    if prep in ("by", "in time for", "until", "till"):
        return when.by()
    if prep == "after":
        return when.after()
    if prep in ("", "on"):
        return when
    return when.qualify(approximate=True)  # "around", "over", "at", "during", "for"


def _around(name: str, reference: _dt.date, *, forward: bool, strictly: bool) -> _dt.date | None:
    """The first such day after (or the last before) ``reference``."""
    years = (
        range(reference.year, reference.year + 2)
        if forward
        else range(reference.year, reference.year - 2, -1)
    )
    for year in years:
        day = holiday_day(name, year)
        if day is None:
            return None
        if forward and (day > reference or (day == reference and not strictly)):
            return day
        if not forward and (day < reference or (day == reference and not strictly)):
            return day
    return None


def holidays(text: str, reference: _dt.date | None, taken: list[DateMatch]) -> list[Weekday]:
    """The holidays of ``text`` read as days: with their year, or against ``reference``.

    A year found with the holiday ("Christmas 2026") is the holiday's: ``taken`` dates
    inside its phrase are the caller's to drop.

    >>> w = holidays("It ships before Christmas 2026.", None, [])[0]
    >>> (w.match.text, str(w.match.when))
    ('before Christmas 2026', 'before 25 December 2026')
    >>> w = holidays("Acme will ship it by Lunar New Year.", _dt.date(2026, 3, 10), [])[0]
    >>> (str(w.match.when), str(w.forward))
    ('by 17 February 2026', 'by 6 February 2027')
    """
    found: list[Weekday] = []
    for m in _HOLIDAY.finditer(text):
        prep = " ".join((m.group("prep") or "").lower().split())
        which = (m.group("which") or "").lower()
        name = " ".join(m.group("name").split())
        year_text = m.group("year")
        if not name[0].isupper():
            continue  # "easter" in lower case is no holiday's name
        if not (prep or which in ("this", "next", "last") or year_text):
            continue  # "Christmas sales": no word says how the statement relates to it
        if year_text is None and _PERIOD_AFTER.match(text, m.end()):
            continue  # "the Christmas season", "over the Lunar New Year holiday"
        if year_text is None and _NAME_AFTER.match(text, m.end()):
            continue  # "on Christmas Island": a name of its own
        if _BEFORE_NAME.search(text, max(0, m.start("name") - 12), m.start("name")):
            continue  # "Orthodox Easter", "Canadian Thanksgiving": another day
        start = m.start() if prep else m.start("which") if which else m.start("name")
        if any(d.start < m.end() and start < d.end and not d.text.isdigit() for d in taken):
            continue  # inside a date read already
        if year_text is not None:
            day = holiday_day(name, int(year_text))
            past = ahead = day
        elif reference is None:
            continue
        elif which == "this":
            day = holiday_day(name, reference.year)
            past = ahead = day
        elif which in ("next", "last"):
            day = _around(name, reference, forward=which == "next", strictly=True)
            past = ahead = day
        else:
            past = _around(name, reference, forward=False, strictly=False)
            ahead = _around(name, reference, forward=True, strictly=False)
        if past is None or ahead is None:
            continue  # a year outside what is known: not read
        match = DateMatch(text[start : m.end()], start, m.end(), _related(past, prep))
        found.append(Weekday(match, _related(ahead, prep)))
    return found
