"""A time from the reference ("in 18 months", "a year from now", "a year ago") and the
holiday season.

"in 18 months" said on 10 March 2026 lands about 10 September 2027; it is read at
the grain its unit allows, approximate: days, weeks and fortnights give about that
day, months, quarters and years about that month, decades about that year
(``c. September 2027``). "within 18 months" is a deadline instead (see
`timeline.dates._parse_context.within`).

A vague count is read as every count it may mean (`VAGUE_COUNTS`: "a few" is 2 to
6, "several" 3 to 9): "in a few months" is from about the month 2 months ahead to
about the month 6 months ahead (``c. May 2026 to c. September 2026``); "within a
few weeks", "the next few weeks", "in the coming weeks" and "within weeks" are a
deadline about the day the most runs out (``by c. 21 April 2026``).

"the holiday season" is the year-end shopping season: from late November to the
end of December (``late November 2026 to December 2026``), its year picked from
the reference as a season's is ("this holiday season" is the reference year's).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pendulum

from timeline._errors import quoted
from timeline.dates._parse_context import (
    COUNT,
    UNIT_MONTHS,
    UNITS,
    Context,
    Value,
    Yearless,
    count_range,
    lands,
    pick,
    within,
)
from timeline.dates._parse_edtf import Fail
from timeline.dates._when import When, WhenError

__all__ = ["AHEAD_PATTERNS", "IN_TIME", "coming", "from_now", "holiday_season"]


def _about(at: pendulum.Date, unit: str) -> When:
    """About the day, month or year ``at``, at the grain ``unit`` allows."""
    if unit == "decade":
        value = When.year(at.year)
    elif unit in UNIT_MONTHS:
        value = When.month(at.year, at.month)
    else:
        value = When.day(at.year, at.month, at.day)
    return value.qualify(approximate=True)


def from_now(count: str, unit: str, ctx: Context, said: str, sign: int = 1) -> When:
    """ "in 18 months": about the day, month or year that time from the reference lands on;
    with ``sign`` -1, that time before it ("18 months ago").

    A vague count ("in a few months", `VAGUE_COUNTS`) is the stretch from about where
    its fewest lands to about where its most does (earlier end first).

    >>> import datetime
    >>> str(from_now("18", "month", Context(datetime.date(2026, 3, 10), "future"), "x"))
    'c. September 2027'
    >>> str(from_now("two", "week", Context(datetime.date(2026, 3, 10), "future"), "x"))
    'c. 24 March 2026'
    >>> str(from_now("a few", "month", Context(datetime.date(2026, 3, 10), "future"), "x"))
    'c. May 2026 to c. September 2026'
    >>> str(from_now("a", "year", Context(datetime.date(2026, 3, 10), "future"), "x", -1))
    'c. March 2025'
    """
    ref = ctx.need(repr(said))
    fewest, most = count_range(count)
    if most < 1:
        raise Fail(f"{quoted(said)} is no time at all; write the date it means")
    try:
        first = _about(lands(ref, sign * fewest, unit, said), unit)
        last = _about(lands(ref, sign * most, unit, said), unit)
    except WhenError:
        if sign < 0:
            raise Fail(f"{quoted(said)} runs before year 1, the start of the calendar") from None
        raise Fail(f"{quoted(said)} runs beyond year 9999, the end of the calendar") from None
    if sign < 0:
        first, last = last, first
    return first if first == last else When.interval(first, last)


def coming(m: re.Match[str], ctx: Context) -> When:
    """ "in the coming months", "within weeks": "within a few" of that unit, a deadline.

    >>> import datetime
    >>> m = re.fullmatch(_COMING, "the coming weeks")
    >>> assert m is not None
    >>> str(coming(m, Context(datetime.date(2026, 3, 10), "future")))
    'by c. 21 April 2026'
    """
    return within("a few", m["u"], ctx, m[0])


def _season_in(year: int) -> When:
    # late November (its last dekad) as the constructors build it: an error names the input
    return When.interval(When.dekad(year, 11, 3), When.month(year, 12))


def holiday_season(m: re.Match[str], ctx: Context) -> Value:
    """ "this holiday season": late November to December, its year from the reference.

    >>> import datetime
    >>> m = re.fullmatch(_HOLIDAY, "this holiday season")
    >>> assert m is not None
    >>> str(holiday_season(m, Context(datetime.date(2027, 10, 21), "future")))
    'late November 2027 to December 2027'
    """
    if m["y"] is not None or m["y2"] is not None:
        return _season_in(int(m["y"] or m["y2"]))
    value = Yearless(_season_in, "the holiday season")
    if m["rel"] is None:
        return value
    ref = ctx.need(repr(m[0]))
    return pick(value, ref, {"this": "current", "next": "next", "last": "last"}[m["rel"]])


_UNITS = rf"(?P<u>{UNITS})s?"
# "in 18 months", "in about two weeks", "in two years' time"
_IN = rf"in (?:about |around |roughly |approximately |some )?{COUNT} {_UNITS}(?:'s?|s')?(?: time)?"
_FROM_NOW = rf"{COUNT} {_UNITS} from (?:now|today)"  # "six months from now"
# "a year ago", "about two months ago": that time before the reference
_AGO = rf"(?:about |around |roughly |approximately |some )?{COUNT} {_UNITS} ago"
# "in the coming months", "over the upcoming weeks", "within weeks": within a few of them
_COMING = (
    r"(?:(?:(?:in|over|during) )?the (?:coming|upcoming)(?: few)?|within)"
    r" (?P<u>day|week|month|year)s"
)
_HOLIDAY = (
    r"(?:(?:the|(?P<rel>this|next|last)) )?(?:(?P<y>\d{4}) )?holiday (?:shopping )?season"
    r"(?:,? (?:of )?(?P<y2>\d{4}))?"
)

IN_TIME = re.compile(_IN)
"""A time from the reference after "in" ("in 18 months"), read before "in" is peeled off."""

AHEAD_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str], Context], Value]]] = [
    (re.compile(_FROM_NOW), lambda m, ctx: from_now(m["n"], m["u"], ctx, m[0])),
    (re.compile(_AGO), lambda m, ctx: from_now(m["n"], m["u"], ctx, m[0], -1)),
    (re.compile(_HOLIDAY), holiday_season),
    (re.compile(_COMING), coming),
]
"""The patterns `timeline.dates._parse_dates` tries after its own, with their readers."""
