"""The first occurrence of a recurring event, as a calendar app shows it.

A series is imported as its first occurrence (timeline tracks events, not
schedules). That occurrence is DTSTART unless the file says otherwise: an
``RDATE`` before it, an ``EXDATE`` that removes it, or a ``RECURRENCE-ID``
override that moves it (past others, or another before it) or cancels it.
Then the first occurrence is the earliest the ``RRULE``/``RDATE`` give that
is neither excluded nor cancelled, each at the time its override moves it
to, found with ``dateutil.rrule`` (dateutil comes with pendulum), over
wall-clock times in DTSTART's zone, as RFC 5545 repeats local times.

dateutil walks every period up to year 9999 when a rule can never match
(``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``), seconds per rule. Rules whose
every period is bound to match (a plain frequency, weekdays) are always
expanded; other daily or finer rules never; monthly and yearly rules with
other parts (a few hundred thousand steps at most) a few times per file.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Generic, TypeVar

from timeline.ics._wall_clock import until_wall

__all__ = [
    "Moments",
    "Occurrences",
    "RuleTimes",
    "no_count",
    "same_moment",
]

_SAFE_PARTS = frozenset({"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"})
_WEEKDAYS = re.compile(r"(?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*")
_LOOKED_AHEAD = 1000  # occurrences tried before giving up on a series
_RISKY_PER_FILE = 8  # monthly/yearly rules with other parts expanded per file
_CHECKED_PER_FILE = 4  # ... and walked to see whether DTSTART is one of theirs
# Parts that pick times within a day: a daily or weekly rule's days hold them all.
_TIMES = {"BYHOUR": 23, "BYMINUTE": 59, "BYSECOND": 59}
# Parts that pick days: a daily or weekly rule with them is followed once a yearly rule with
# the same parts (cheap for dateutil to walk) shows it has days at all.
_DAY_PARTS = frozenset({"BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYDAY", *_TIMES})


def same_moment(a: _dt.date, b: _dt.date) -> bool:
    """Whether two DATE or DATE-TIME values name the same occurrence.

    Aware times compare as instants, a floating time with an aware one by its
    wall clock, and a date with a date-time by its day.

    >>> same_moment(_dt.date(2026, 4, 15), _dt.datetime(2026, 4, 15, 9))
    True
    """
    a_time, b_time = isinstance(a, _dt.datetime), isinstance(b, _dt.datetime)
    if not (a_time and b_time):
        return _dt.date(a.year, a.month, a.day) == _dt.date(b.year, b.month, b.day)
    assert isinstance(a, _dt.datetime) and isinstance(b, _dt.datetime)
    if (a.tzinfo is None) != (b.tzinfo is None):
        return a.replace(tzinfo=None) == b.replace(tzinfo=None)
    return a == b


_V = TypeVar("_V")


class Moments(Generic[_V]):
    """DATE and DATE-TIME values with an item each, found by `same_moment` in constant time.

    A series may carry hundreds of thousands of EXDATEs or overrides; a lookup
    per occurrence must not scan them all, nor adding one cost more than a few
    dictionary entries (wall clocks are kept as naive date-times: they hash as
    fast as any).

    >>> found = Moments([(_dt.date(2026, 4, 15), "x")])
    >>> found.get(_dt.datetime(2026, 4, 15, 9))
    'x'
    """

    def __init__(self, items: Iterable[tuple[_dt.date, _V]] = ()) -> None:
        self._instants: dict[_dt.datetime, _V] = {}  # aware values, in UTC (naive)
        self._floating: dict[_dt.datetime, _V] = {}  # naive values by wall clock
        self._aware: dict[_dt.datetime, _V] = {}  # aware values by their own wall clock
        self._dates: dict[_dt.date, _V] = {}  # DATE values
        self._days: dict[_dt.date, _V] = {}  # every value by its day
        for value, item in items:
            self.add(value, item)

    def __bool__(self) -> bool:
        return bool(self._days)

    def add(self, value: _dt.date, item: _V) -> None:
        """Remember ``item`` for ``value``; the first item given for a moment is kept."""
        if not isinstance(value, _dt.datetime):
            day = _dt.date(value.year, value.month, value.day)
            self._days.setdefault(day, item)
            self._dates.setdefault(day, item)
            return
        self._days.setdefault(value.date(), item)
        if value.tzinfo is None:
            self._floating.setdefault(value, item)
            return
        wall = value.replace(tzinfo=None)
        self._aware.setdefault(wall, item)
        utc = _utc(wall, value.utcoffset())
        if utc is not None:  # an instant before year 1 or after 9999 in UTC: its wall alone
            self._instants.setdefault(utc, item)

    def get(self, value: _dt.date) -> _V | None:
        """The item of a value that is `same_moment` as ``value``, or ``None``."""
        if not isinstance(value, _dt.datetime):
            return self._days.get(value)
        found = self._dates.get(value.date())
        if found is not None:
            return found
        wall = value.replace(tzinfo=None)
        if value.tzinfo is None:
            found = self._floating.get(wall)
            return found if found is not None else self._aware.get(wall)
        utc = _utc(wall, value.utcoffset())
        found = None if utc is None else self._instants.get(utc)
        return found if found is not None else self._floating.get(wall)


def _utc(wall: _dt.datetime, offset: _dt.timedelta | None) -> _dt.datetime | None:
    """The UTC instant (naive) of a wall clock at ``offset``; ``None`` past the calendar."""
    if not offset:
        return wall
    try:
        return wall - offset
    except OverflowError:
        return None


def _parts(rule: str) -> dict[str, str]:
    parts = {}
    for part in rule.upper().split(";"):
        key, _, value = part.partition("=")
        parts[key.strip()] = value.strip()
    return parts


def _times(parts: dict[str, str]) -> bool:
    """Whether a rule's BYHOUR, BYMINUTE and BYSECOND are lists of times every day has."""
    for name, top in _TIMES.items():
        for value in parts.get(name, "0").split(","):
            if not value.strip().isdigit() or int(value) > top:
                return False
    return True


def _yearly(rule: str) -> str | None:
    """A yearly rule whose days hold every day a daily or weekly ``rule`` with day parts
    (BYMONTH, BYMONTHDAY ...) can give; ``None`` for other rules.

    >>> _yearly("FREQ=DAILY;INTERVAL=3;BYMONTH=2;BYMONTHDAY=30;COUNT=4")
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'
    """
    parts = _parts(rule)
    if parts.get("FREQ") not in ("DAILY", "WEEKLY") or not set(parts) & {
        "BYMONTH",
        "BYMONTHDAY",
        "BYYEARDAY",
    }:
        return None
    kept = {k: v for k, v in parts.items() if k in _DAY_PARTS}
    if not kept.keys() & {"BYMONTHDAY", "BYYEARDAY", "BYDAY"}:
        # dateutil's yearly rule keeps DTSTART's day of the month without one: every day
        kept["BYMONTHDAY"] = ",".join(str(d) for d in range(1, 32))
    return ";".join(["FREQ=YEARLY", *(f"{k}={v}" for k, v in kept.items())])


class Occurrences:
    """Expands the series of one file, within the budget for rules dateutil may walk long.

    >>> import datetime as dt
    >>> occ = Occurrences()
    >>> start = dt.datetime(2026, 4, 6, 9)
    >>> occ.first(start, "FREQ=WEEKLY", [], lambda d: d == start, lambda w: w)
    datetime.datetime(2026, 4, 13, 9, 0)
    """

    def __init__(self) -> None:
        self.risky = 0
        self.checked = 0  # risky rules walked to see whether DTSTART is one of theirs
        self.budget = [_STEPS_PER_FILE]  # EXRULE times left to walk in this file (shared)

    def expandable(self, rule: str, wall: _dt.datetime | None = None) -> bool:
        """Whether ``rule`` can be expanded without walking to year 9999 (and counts it);
        ``wall``, DTSTART's wall clock, tells whether a finer-than-daily rule ever matches."""
        cost = _cost(rule, wall)
        if cost == "risky" and self.risky < _RISKY_PER_FILE:
            self.risky += 1
            return True
        return cost == "cheap"

    def rule_first(self, rules: Sequence[str], wall: _dt.datetime) -> _dt.datetime | None:
        """The first wall-clock time ``rules`` give from DTSTART's ``wall`` on (dateutil's:
        not DTSTART unless the rules give it), or ``None`` when they give none.

        Raises ``ValueError`` for a rule dateutil cannot read, ``LookupError`` for one too
        costly to walk (a budget of its own, apart from `expandable`'s).

        >>> Occurrences().rule_first(["FREQ=YEARLY;BYYEARDAY=100"], _dt.datetime(2026, 1, 1))
        datetime.datetime(2026, 4, 10, 0, 0)
        """
        if all(_gives_its_start(text, wall) for text in rules):
            return wall  # the common case, without dateutil
        found: list[_dt.datetime] = []
        for text in rules:
            if no_days(text):
                continue  # no occurrence at all, seen without walking to 9999
            cost = "cheap" if set(_parts(text)) <= _SAFE_PARTS else _cost(text, wall)
            if cost == "never" or (cost == "risky" and self.checked >= _CHECKED_PER_FILE):
                raise LookupError(text)
            if cost == "risky":
                self.checked += 1
            yearly = _yearly(text)
            if yearly is not None and next(iter(_rule(yearly, wall)), None) is None:
                continue  # days no year holds (30 February): dateutil would walk to 9999
            first = next(iter(_rule(text, wall)), None)
            if first is not None:
                found.append(first)
        return min(found, default=None)

    def first(
        self,
        start: _dt.date,
        rule: str | Sequence[str] | None,
        extra: Iterable[_dt.datetime],
        gone: Callable[[_dt.date], bool],
        local: Callable[[_dt.datetime], _dt.date],
        wall: _dt.datetime | None = None,
    ) -> _dt.date | None:
        """The first occurrence not ``gone``, or ``None`` when every one is.

        ``start`` is DTSTART (``wall`` its time as written, when it is one), ``rule``
        the RRULE value (or several: RFC 2445 allowed them, their union), ``extra``
        the RDATEs as wall-clock times; ``local`` turns a wall-clock time into a
        value of DTSTART's kind (date, floating, UTC or zoned). Raises ``ValueError``
        for a rule dateutil cannot read, ``LookupError`` for one too costly to
        expand or whose first thousand occurrences are all gone.
        """
        wall = wall or _wall(start)  # DTSTART as written: a skipped hour reads as another
        times: list[Iterator[_dt.datetime]] = [iter([wall]), iter(sorted(extra))]
        for text in [rule] if isinstance(rule, str) else rule or []:
            if no_days(text):
                continue  # no occurrence at all, seen without walking to 9999
            if not self.expandable(text, wall):
                raise LookupError(text)
            yearly = _yearly(text)
            if yearly is not None and next(iter(_rule(yearly, wall)), None) is None:
                continue  # days no year holds (30 February): dateutil would walk to 9999
            times.append(iter(_rule(text, wall)))
        seen: set[_dt.datetime] = set()
        merged = _merge(times)
        for when in itertools.islice(merged, _LOOKED_AHEAD):
            if when in seen:
                continue
            seen.add(when)
            value = local(when)
            if not gone(value):
                return value
        if next(merged, None) is not None:
            raise LookupError(f"{_LOOKED_AHEAD} occurrences removed, and more to come")
        return None

    def gives(self, rules: Sequence[str], wall: _dt.datetime, at: _dt.datetime) -> bool:
        """Whether one of ``rules``, from DTSTART's ``wall`` on, gives the wall-clock time
        ``at`` (rules `first` has expanded: walked up to ``at``, 100,000 times at most).

        >>> Occurrences().gives(["FREQ=DAILY"], _dt.datetime(2026, 1, 5, 10),
        ...                     _dt.datetime(2026, 1, 7, 10))
        True
        """
        for text in rules:
            if no_days(text):
                continue
            yearly = _yearly(text)
            if yearly is not None and next(iter(_rule(yearly, wall)), None) is None:
                continue  # days no year holds: dateutil would walk to 9999
            if at in RuleTimes(iter(_rule(text, wall))):
                return True
        return False

    def removed(self, rule: str, start: _dt.date, wall: _dt.datetime | None = None) -> RuleTimes:
        """The wall-clock times an EXRULE (RFC 2445) removes, walked as far as asked.

        Raises ``ValueError`` for a rule dateutil cannot read, ``LookupError`` for
        one too costly to expand.
        """
        if not self.expandable(rule, wall or _wall(start)):
            raise LookupError(rule)
        return RuleTimes(iter(_rule(rule, wall or _wall(start))), self.budget)


_NO_COUNT = re.compile(r"(?:^|;)\s*COUNT\s*=\s*0+\s*(?:;|$)", re.IGNORECASE)


def no_count(rule: str) -> bool:
    """Whether ``rule`` says COUNT=0 (no occurrences at all).

    >>> no_count("FREQ=DAILY;COUNT=0"), no_count("FREQ=DAILY;COUNT=10")
    (True, False)
    """
    return _NO_COUNT.search(rule) is not None


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # a leap year's


def _numbers(text: str | None) -> list[int] | None:
    """A rule part's list of numbers (``None`` when absent or not numbers)."""
    if text is None:
        return None
    try:
        return [int(n) for n in text.split(",")]
    except ValueError:
        return None


def no_days(rule: str) -> bool:
    """Whether ``rule``'s BYMONTH, BYMONTHDAY, BYYEARDAY or BYWEEKNO name days no year
    holds (30 February, 31 April, day 367): dateutil would walk to year 9999 to find none.

    >>> no_days("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30"), no_days("FREQ=YEARLY;BYMONTHDAY=-29")
    (True, False)
    """
    parts = _parts(rule)
    months = _numbers(parts.get("BYMONTH")) or list(range(1, 13))
    if not all(1 <= m <= 12 for m in months):
        return False  # not a rule: dateutil says so
    days = _numbers(parts.get("BYMONTHDAY"))
    if days is not None and not any(
        1 <= abs(d) <= _MONTH_DAYS[m - 1] for m in months for d in days
    ):
        return True
    yeardays = _numbers(parts.get("BYYEARDAY"))
    if yeardays is not None and not any(1 <= abs(d) <= 366 for d in yeardays):
        return True
    weeks = _numbers(parts.get("BYWEEKNO"))
    return weeks is not None and not any(1 <= abs(w) <= 53 for w in weeks)


_WEEKDAY_NAMES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _gives_its_start(rule: str, wall: _dt.datetime) -> bool:
    """Whether ``rule`` surely gives DTSTART's ``wall`` first: a frequency, interval, COUNT
    and UNTIL (not before it) alone, and plain weekdays that hold DTSTART's.

    >>> _gives_its_start("FREQ=WEEKLY;BYDAY=MO,TH", _dt.datetime(2026, 1, 5, 9))
    True
    """
    parts = _parts(rule)
    if set(parts) - _SAFE_PARTS - {"BYDAY"}:
        return False
    days = parts.get("BYDAY")
    if days is not None and (
        _WEEKDAYS.fullmatch(days) is None or _WEEKDAY_NAMES[wall.weekday()] not in days
    ):
        return False
    if "COUNT" in parts and no_count(rule):
        return False
    until = until_wall(rule)
    return "UNTIL" not in parts or (until is not None and until >= wall)


def _cost(rule: str, wall: _dt.datetime | None = None) -> str:
    """What expanding ``rule`` may cost: ``cheap`` (every period holds an occurrence, or
    one of a day's or a week's does), ``risky`` (monthly and yearly rules with other parts: a
    few hundred thousand steps at most) or ``never`` (daily or finer rules dateutil may walk
    to year 9999). ``wall``, DTSTART's wall clock: from where a finer-than-daily rule starts
    (`subdaily_cost`)."""
    parts = _parts(rule)
    freq = parts.get("FREQ", "")
    extra = set(parts) - _SAFE_PARTS
    plain = _WEEKDAYS.fullmatch(parts.get("BYDAY", "MO")) is not None
    if wall is not None and plain and extra <= {"BYDAY", *_TIMES}:
        from timeline.ics._subdaily import subdaily_cost

        found = subdaily_cost(parts, wall)
        if found is not None:
            return "cheap" if found == "empty" else found  # no occurrence: found at once
    if extra <= {"BYDAY"} and plain:
        return "cheap"  # every period (or every week) holds an occurrence
    daily = freq in ("DAILY", "WEEKLY") and plain
    if daily and extra <= {"BYDAY", *_TIMES} and _times(parts):
        return "cheap"  # each day it picks holds these times
    # BYSETPOS 1 or -1 keeps one of each period's occurrences: a period with any keeps one
    first_or_last = parts.get("BYSETPOS", "1").strip() in ("1", "-1", "+1")
    days = extra - {"BYSETPOS"} <= _DAY_PARTS and first_or_last
    risky = freq in ("MONTHLY", "YEARLY") or (daily and days)
    return "risky" if risky else "never"


_STEPS = 100_000  # times of an EXRULE walked at most
_STEPS_PER_FILE = 200_000  # ... and of all a file's EXRULEs: a hostile file repeats them


class RuleTimes:
    """The times of a rule, walked only as far as the latest time asked about.

    >>> times = RuleTimes(iter([_dt.datetime(2026, 4, 15), _dt.datetime(2026, 4, 16)]))
    >>> _dt.datetime(2026, 4, 16) in times, _dt.datetime(2026, 4, 17) in times
    (True, False)
    """

    def __init__(self, times: Iterator[_dt.datetime], budget: list[int] | None = None) -> None:
        self._times = times
        self._budget = budget if budget is not None else [_STEPS]
        self._seen: set[_dt.datetime] = set()
        self._last: _dt.datetime | None = None
        self._steps = 0
        self.exhausted = False  # walked its budget: later times are not known

    def __contains__(self, wall: object) -> bool:
        assert isinstance(wall, _dt.datetime)
        while self._last is None or self._last < wall:
            if self._steps >= _STEPS or self._budget[0] <= 0:
                self.exhausted = True
                break
            self._steps += 1
            self._budget[0] -= 1
            found = next(self._times, None)
            if found is None:
                self._steps = _STEPS  # no more times: nothing left to know
                self._last = _dt.datetime.max
                break
            self._seen.add(found)
            self._last = found
        return wall in self._seen


def _wall(value: _dt.date) -> _dt.datetime:
    if isinstance(value, _dt.datetime):
        return _dt.datetime(
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
        )
    return _dt.datetime(value.year, value.month, value.day)


def _rule(rule: str, wall: _dt.datetime) -> Iterator[_dt.datetime]:
    from dateutil.rrule import rrulestr

    # Wall-clock times: a UTC UNTIL left (a floating series) is read as a wall time.
    text = re.sub(r"(UNTIL=\d{8}(?:T\d{6})?)Z", r"\1", rule.strip(), flags=re.I)
    try:
        with warnings.catch_warnings():
            # COUNT and UNTIL both (RFC 5545 allows one): dateutil stops at the first bound
            # reached, as readers do, but warns that it will refuse them some day.
            warnings.simplefilter("ignore", DeprecationWarning)
            expanded = rrulestr(text, dtstart=wall, ignoretz=True)
    except (ValueError, TypeError, OverflowError, KeyError) as err:
        raise ValueError(rule) from err
    if not wall.microsecond:
        return iter(expanded)
    # dateutil drops DTSTART's fraction of a second: each occurrence keeps it (its UNTIL is
    # read to the end of its second, as RFC 5545's whole seconds are).
    return (w.replace(microsecond=wall.microsecond) for w in expanded)


def _merge(streams: list[Iterator[_dt.datetime]]) -> Iterator[_dt.datetime]:
    import heapq

    return heapq.merge(*streams)
