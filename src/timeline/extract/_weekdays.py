"""Days of the week and seasons without a year: "said on Tuesday", "in the spring".

`find_dates` reads no bare weekday: without a week it names no day. News text
uses them for days near publication, so here they are read against the
reference day: "on Tuesday" and "last Tuesday" are the last Tuesday on or before
it (a past statement, the usual case), "next Tuesday" the first after it. A
forward-looking statement reads a bare weekday as the first such day after the
reference (`forward`). Not read: a weekday after a capitalised word ("Black
Friday", "Super Tuesday", "Good Friday"), or right before a date that names the
day already ("Monday, March 2").

"Two years ago" is about the month that time before the reference (`ago`), as "in two
years" is about the month that time after it.

"In the spring" (a season with "the" and no year, which `find_dates` leaves alone) is
read the same way: the last such season begun by the reference day, or for a
forward-looking statement the first not yet over.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

import attrs

from timeline._errors import TimelineError
from timeline.dates import When
from timeline.dates._edtf_calendar import Fail
from timeline.dates._find import DateMatch
from timeline.dates._parse_context import COUNT, UNIT_MONTHS, UNITS, count_range, lands

__all__ = ["Weekday", "ago", "halves", "month_quarter", "months_so_far", "seasons", "weekdays"]

_DAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY: Final = re.compile(
    r"(?<![\w-])(?:(?P<which>last|next|this|on|since|by|until|before|after)\s+)?"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w-])",
    re.IGNORECASE,
)
_NAME_BEFORE: Final = re.compile(r"[A-Z][\w'-]*\s+$")
_DATE_AFTER: Final = re.compile(r",?\s+(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)")


@attrs.frozen
class Weekday:
    """A weekday phrase read as a past day (``match``) and as the next one (``forward``).

    >>> w = weekdays("Acme said on Monday it would ship.", _dt.date(2026, 3, 5), [])[0]
    >>> (w.match.text, str(w.match.when), str(w.forward))
    ('on Monday', '2 March 2026', '9 March 2026')
    """

    match: DateMatch
    forward: When


def weekdays(text: str, reference: _dt.date | None, taken: list[DateMatch]) -> list[Weekday]:
    """The weekday phrases of ``text`` outside the ``taken`` dates, read against a day."""
    if reference is None:
        return []
    found: list[Weekday] = []
    for m in _WEEKDAY.finditer(text):
        day = m.group("day")
        if not day[0].isupper():
            continue
        if any(d.start < m.end() and m.start() < d.end for d in taken):
            continue
        at = m.start("day")
        if _NAME_BEFORE.search(text, max(0, at - 20), at) and m.group("which") is None:
            continue  # "Black Friday", "Super Tuesday"
        if _DATE_AFTER.match(text, m.end()):
            continue  # "Monday, March 2": the date says it
        number = _DAYS.index(day.lower())
        back = (reference.weekday() - number) % 7  # 0: the reference day itself
        past = reference - _dt.timedelta(days=back)
        ahead = (number - reference.weekday()) % 7 or 7
        nxt = reference + _dt.timedelta(days=ahead)
        which = (m.group("which") or "").lower()
        if which == "last" and back == 0:
            past -= _dt.timedelta(days=7)
        start = m.start() if which in ("last", "next", "this", "on", "") else at
        read = nxt if which == "next" else past
        when = When.day(read.year, read.month, read.day)
        forward = When.day(nxt.year, nxt.month, nxt.day)
        found.append(Weekday(DateMatch(text[start : m.end()], start, m.end(), when), forward))
    return found


_SEASON: Final = re.compile(
    r"(?<![\w-])(?:in|by|during|over|until|through|for)\s+the\s+"
    r"(?P<season>spring|summer|autumn|fall|winter)(?![\w-])(?!\s+of\b)",
    re.IGNORECASE,
)


def _season(name: str, year: int) -> When:
    if name == "winter":
        return When.parse(f"winter {year}/{str(year + 1)[2:]}")
    return When.parse(f"{'autumn' if name == 'fall' else name} {year}")


def seasons(text: str, reference: _dt.date | None, taken: list[DateMatch]) -> list[Weekday]:
    """The seasons said without a year in ``text``, read against a day (past, forward).

    >>> w = seasons("It flies in the spring.", _dt.date(2026, 3, 5), [])[0]
    >>> (w.match.text, str(w.match.when), str(w.forward))
    ('the spring', 'spring 2025', 'spring 2026')
    """
    if reference is None:
        return []
    found: list[Weekday] = []
    for m in _SEASON.finditer(text):
        at = m.start() + m.group().lower().index("the")
        if any(d.start < m.end() and at < d.end for d in taken):
            continue
        name = m.group("season").lower()
        readings = [
            _season(name, y) for y in (reference.year - 1, reference.year, reference.year + 1)
        ]
        begun = [w for w in readings if w.earliest is not None and w.earliest <= reference]
        ahead = [w for w in readings if w.latest is not None and w.latest >= reference]
        if not begun or not ahead:
            continue
        past = begun[-1]
        if past.latest is not None and past.latest >= reference and len(begun) > 1:
            past = begun[-2]  # a past event "in the spring", said in spring: the last one over
        found.append(Weekday(DateMatch(text[at : m.end()], at, m.end(), past), ahead[0]))
    return found


_QUARTER_AFTER: Final = re.compile(r"\s+quarter(?![\w-])", re.IGNORECASE)


def month_quarter(text: str, match: DateMatch) -> DateMatch | None:
    """ "the December quarter": a month date followed by "quarter", as the quarter it ends.

    >>> m = DateMatch("December", 4, 12, When.month(2025, 12))
    >>> q = month_quarter("the December quarter", m)
    >>> (q.text, str(q.when)) if q else None
    ('December quarter', 'Q4 2025')
    """
    if match.when.precision.value != "month" or match.when.is_interval:
        return None
    after = _QUARTER_AFTER.match(text, match.end)
    if after is None or match.when.earliest is None:
        return None
    end = after.end()
    return DateMatch(text[match.start : end], match.start, end, quarter_ending(match.when))


def quarter_ending(month: When) -> When:
    """The three months ending with ``month``: a calendar quarter when they are one.

    >>> str(quarter_ending(When.month(2026, 10)))
    'August 2026 to October 2026'
    """
    if month.earliest is None:
        return month
    year, number = month.earliest.year, month.earliest.month
    if number % 3 == 0:
        return When.quarter(year, number // 3)
    first = number - 2
    first_year = year if first >= 1 else year - 1
    first = first if first >= 1 else first + 12
    return When.interval(When.month(first_year, first), month)


_HALF: Final = re.compile(
    r"(?<![\w-])the\s+(?P<which>first|second|back|1st|2nd)[\s-]half"
    r"(?:\s+of\s+(?:the|this)\s+year)?(?![\w-])(?!\s+of\b)",
    re.IGNORECASE,
)


def halves(text: str, reference: _dt.date | None, taken: list[DateMatch]) -> list[Weekday]:
    """ "the second half of the year", "the first half" (no year): a half of the reference year.

    `find_dates` reads "the first half of 2026" and "of next year", not these; a yearless
    half in a story about a game is a period of play (`game_periods` drops it later).

    >>> w = halves("It ships in the second half of the year.", _dt.date(2026, 3, 5), [])[0]
    >>> (w.match.text, str(w.match.when))
    ('the second half of the year', 'H2 2026')
    """
    if reference is None:
        return []
    found: list[Weekday] = []
    for m in _HALF.finditer(text):
        if any(d.start < m.end() and m.start() < d.end for d in taken):
            continue
        which = m.group("which").lower()
        half = 1 if which in ("first", "1st") else 2
        when = When.parse(f"H{half} {reference.year}")
        found.append(Weekday(DateMatch(m.group(), m.start(), m.end(), when), when))
    return found


_COUNTS: Final = {
    w: i
    for i, w in enumerate(
        ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"), start=2
    )
}
_FIRST_MONTHS: Final = re.compile(
    r"(?<![\w-])the\s+first\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|[2-9]|1[01])\s+months\s+of\s+(?:(?:the|this)\s+year|(?P<year>(?:19|20)\d\d))(?![\w-])",
    re.IGNORECASE,
)


def months_so_far(text: str, reference: _dt.date | None, taken: list[DateMatch]) -> list[Weekday]:
    """ "the first ten months of the year", "the first nine months of 2025": January to the
    last of those months (of the reference year when none is named).

    >>> text = "It sold 120 in the first ten months of the year."
    >>> w = months_so_far(text, _dt.date(2026, 11, 18), [])
    >>> (w[0].match.text, str(w[0].match.when))
    ('the first ten months of the year', 'January 2026 to October 2026')
    >>> str(months_so_far("in the first 9 months of 2025", None, [])[0].match.when)
    'January 2025 to September 2025'
    """
    found: list[Weekday] = []
    for m in _FIRST_MONTHS.finditer(text):
        # a date inside ("2025" of "the first nine months of 2025") gives way to it
        if any(d.start < m.end() and m.start() < d.end for d in taken if d.start < m.start()):
            continue
        year = int(m.group("year")) if m.group("year") else None
        if year is None:
            if reference is None:
                continue
            year = reference.year
        raw = m.group("n").lower()
        n = _COUNTS[raw] if raw in _COUNTS else int(raw)
        when = When.parse(f"{year}-01/{year}-{n:02d}")
        found.append(Weekday(DateMatch(m.group(), m.start(), m.end(), when), when))
    return found


# "a year ago", "about 18 months ago", "a few weeks ago": a time before the reference.
_AGO: Final = re.compile(
    r"(?<![\w-])(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over)\s+)?"
    rf"{COUNT}\s+(?P<u>{UNITS})s?\s+ago(?![\w-])",
    re.IGNORECASE,
)


def _about(day: _dt.date, unit: str) -> When:
    """About the day, month or year ``day``, at the grain ``unit`` allows."""
    if unit == "decade":
        value = When.year(day.year)
    elif unit in UNIT_MONTHS:
        value = When.month(day.year, day.month)
    else:
        value = When.day(day.year, day.month, day.day)
    return value.qualify(approximate=True)


def ago(text: str, reference: _dt.date | None, taken: list[DateMatch]) -> list[Weekday]:
    """ "two years ago", "about 18 months ago", "a few weeks ago": about the day, month or
    year that time before the reference (a vague count the stretch its readings land in).

    >>> w = ago("Acme shipped it a year ago.", _dt.date(2027, 5, 12), [])[0]
    >>> (w.match.text, str(w.match.when))
    ('a year ago', 'c. May 2026')
    >>> str(ago("It opened a few weeks ago.", _dt.date(2027, 5, 12), [])[0].match.when)
    'c. 31 March 2027 to c. 28 April 2027'
    >>> ago("The city was founded 3000 years ago.", _dt.date(2027, 5, 12), [])
    []
    """
    if reference is None:
        return []
    found: list[Weekday] = []
    for m in _AGO.finditer(text):
        if any(d.start < m.end() and m.start() < d.end for d in taken):
            continue
        unit = m.group("u").lower()
        try:
            fewest, most = count_range(m.group("n").lower())
            if most < 1:
                continue
            latest = _about(lands(reference, -fewest, unit, m.group()), unit)
            earliest = _about(lands(reference, -most, unit, m.group()), unit)
            when = latest if latest == earliest else When.interval(earliest, latest)
        except (TimelineError, Fail):
            continue  # off the calendar ("3000 years ago"), or a range counting down
        found.append(Weekday(DateMatch(m.group(), m.start(), m.end(), when), when))
    return found
