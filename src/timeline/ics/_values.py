"""Values of foreign feeds: DATE, DATE-TIME and DURATION, read as clients write them.

RFC 5545's forms first (``20260415``, ``20260415T100000Z``, a TZID resolved by
`timeline.ics._zones`), then what home-made feeds write instead (ISO 8601 with
dashes, offsets and fractions), each repair noted with its line. A wall-clock
time in a zone is read as §3.3.5 says (the first of a time the clocks pass
twice, the offset before a gap); second 60 as `When.parse` reads it (a leap
second is the last instant of its minute; where none was, refused); a
DURATION's days are calendar days, its hours exact (§3.3.6,
`timeline.ics._durations`); an end before its start, or of another kind, is
dropped and said; Outlook's midnight-to-midnight all-day events are days.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import pendulum

from timeline._errors import IcsParseError, quoted
from timeline.dates._bounds import _cmp
from timeline.dates._edtf_instants import no_leap_second
from timeline.dates._when import When
from timeline.ics._durations import calendar_days, duration
from timeline.ics._lines import Component, Prop, Structure
from timeline.ics._zones import Zones

__all__ = [
    "NEGATIVE",
    "Skip",
    "Values",
    "as_when",
    "day_of",
    "marked_all_day",
    "midnight",
    "own_offset",
    "written_wall",
]

# -- values ---------------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATETIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)", re.IGNORECASE)
_OFFSET = re.compile(r"[+-]\d{2}:?\d{2}$")
# ISO 8601 as home-made feeds write it: dashes and colons, no seconds, a fraction, an offset.
# Group 7 is never set (the iCalendar form's Z); group 8 is the offset or Z.
_LOOSE = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d{1,9})?)?()\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)


class Skip(Exception):
    """An event that cannot be imported: the reason, for the report."""


def _local(zone: pendulum.Timezone, *wall: int) -> pendulum.DateTime:
    """A wall-clock time in ``zone`` read as RFC 5545 §3.3.5 says.

    A time the clocks pass twice (the autumn change) is the first of the two,
    and a time they skip (the spring change) takes the offset in force before
    the gap, as `icalendar` and calendar apps read them. pendulum's own default
    (``fold=1``) gives the second of two, an hour late.

    >>> str(_local(pendulum.timezone("Europe/Berlin"), 2026, 10, 25, 2, 30, 0))
    '2026-10-25 02:30:00+02:00'
    >>> str(_local(pendulum.timezone("Europe/Berlin"), 2026, 3, 29, 2, 30, 0).in_tz("UTC"))
    '2026-03-29 01:30:00+00:00'
    """
    y, mo, d, h, mi, s, *micro = wall  # microseconds: a leap second's 23:59:59.999999
    us = micro[0] if micro else 0
    first = pendulum.datetime(y, mo, d, h, mi, s, us, tz=zone, fold=0)
    if (first.hour, first.minute) == (h, mi):
        return first
    # In a gap fold=0 moves the time back by the gap; fold=1 keeps the offset before it.
    return pendulum.datetime(y, mo, d, h, mi, s, us, tz=zone, fold=1)


class Values:
    """Reads the DATE, DATE-TIME and DURATION values of one calendar, noting repairs.

    >>> from timeline.ics._zones import Zones
    >>> values = Values(Zones({}), None, Structure())
    >>> values.point(Prop("DTSTART", {"TZID": "Europe/Berlin"}, "20261025T023000", 4), "x")
    DateTime(2026, 10, 25, 2, 30, 0, tzinfo=Timezone('Europe/Berlin'))
    """

    def __init__(self, zones: Zones, default: Prop | None, found: Structure) -> None:
        self.found = found
        self.zones = zones
        name = default.text.strip() if default is not None else ""
        self.default_zone = zones.get(name, default.line) if default and name else None
        self._zoned_lines: set[int] = set()  # floating times read in that zone, said

    def note(self, kind: str, what: str) -> None:
        """Record a part read with a repair.

        >>> from timeline.ics._zones import Zones
        >>> values = Values(Zones({}), None, Structure())
        >>> values.note("odd", "line 3"); values.found.changed
        {'odd': ['line 3']}
        """
        self.found.change(kind, what)

    def skip(self, kind: str, what: str) -> None:
        """Record a part left out.

        >>> from timeline.ics._zones import Zones
        >>> values = Values(Zones({}), None, Structure())
        >>> values.skip("junk", "line 3"); values.found.skipped
        {'junk': ['line 3']}
        """
        self.found.skip(kind, what)

    def point(self, prop: Prop, where: str) -> _dt.date:
        """A DATE or DATE-TIME value, read for what it is: a date, or a datetime in its zone.

        Home-made feeds write ISO 8601 instead (``2026-04-15T10:00:00Z``,
        ``20260415T1000``, an offset ``+02:00``, a fraction of a second): read
        the same, with a note naming the line.
        """
        value = prop.value.strip()
        label = prop.params.get("VALUE", "").upper()
        try:
            if len(value) == 8:
                m = _DATE.fullmatch(value)
                if m is None:
                    raise ValueError
                return pendulum.date(int(m[1]), int(m[2]), int(m[3]))
            m = _DATETIME.fullmatch(value)
            offset = None  # "" when an ISO 8601 time has no offset
            if m is None:
                m = _LOOSE.fullmatch(value) if len(value) <= 40 else None
                if m is None:
                    raise ValueError
                self.note(
                    "dates or date-times written in ISO 8601 form rather than iCalendar's, "
                    "read as written",
                    f"{where}: {prop.name} {quoted(value)} (line {prop.line})",
                )
                if m[4] is None:
                    return pendulum.date(int(m[1]), int(m[2]), int(m[3]))
                offset = m[8] or ""
            y, mo, d, h, mi = (int(m[i]) for i in range(1, 6))
            s, us = int(m[6] or 0), _micro(value) if offset is not None else 0
            if s >= 60:  # second 60, a leap second, is checked once the instant is known
                return self._leap(prop, where, m[6], (y, mo, d, h, mi), m[7] or offset)
            if (h, mi, s, us) == (24, 0, 0, 0):  # the end of the day (ISO 8601, vCalendar exports)
                if (y, mo, d) >= (9999, 12, 31):
                    raise ValueError  # no next day
                y, mo, d = (_dt.date(y, mo, d) + _dt.timedelta(days=1)).timetuple()[:3]
                h = 0
                self.note(
                    "date-times at 24:00 (the end of the day, as vCalendar exports write it), "
                    "read as the next day's midnight",
                    f"{where}: {prop.name} {quoted(value)} (line {prop.line})",
                )
            if label == "DATE":
                self.note(
                    "date-times labelled VALUE=DATE, read as date-times",
                    f"{where}: {prop.name} (line {prop.line})",
                )
            if m[7] or offset in ("Z", "z"):
                if "TZID" in prop.params:  # RFC 5545: a UTC time has no TZID; which is meant?
                    self.note(
                        "date-times with a TZID and a Z (UTC), read as UTC",
                        f"{where}: {prop.name} TZID={prop.params['TZID'][:40]} {quoted(value)} "
                        f"(line {prop.line})",
                    )
                return pendulum.datetime(y, mo, d, h, mi, s, us, tz="UTC")
            if offset:
                return self._with_offset(offset, y, mo, d, h, mi, s, us)
            if self.default_zone is not None and "TZID" not in prop.params:
                self._in_calendar_zone(prop, where)
            return self.at(self.zone_of(prop), y, mo, d, h, mi, s, us)
        except ValueError:
            raise Skip(
                f"{prop.name} {quoted(value[:40])} (line {prop.line}) is not a date or date-time"
            ) from None

    def _leap(
        self, prop: Prop, where: str, second: str, wall: tuple[int, ...], offset: str | None
    ) -> _dt.datetime:
        """A DATE-TIME at second 60 or over, as `When.parse` reads it: a leap second is the
        last instant of its minute (23:59:59.999999), second 60 where no leap second was
        and seconds over 60 are refused; each said (`Skip` for those refused)."""
        value = prop.value.strip()
        shown = f"{where}: {prop.name} {quoted(value[:40])} (line {prop.line})"
        why = None
        if second != "60":
            why = f"second {second} is out of range 00-59 (60 in a leap second)"
        else:
            y, mo, d, h, mi = wall
            if offset in ("Z", "z"):
                moment: _dt.datetime = pendulum.datetime(y, mo, d, h, mi, 59, 999_999, tz="UTC")
            elif offset:
                moment = self._with_offset(offset, y, mo, d, h, mi, 59, 999_999)
            else:
                if self.default_zone is not None and "TZID" not in prop.params:
                    self._in_calendar_zone(prop, where)
                moment = self.at(self.zone_of(prop), y, mo, d, h, mi, 59, 999_999)
            why = no_leap_second(moment)
            if why is None:
                self.note(_LEAP, shown)
                return moment
        self.note(_NO_LEAP, f"{shown}: {why.split(': ')[0]}")  # the rule: in the kind
        raise Skip(f"{prop.name} {quoted(value[:40])} (line {prop.line}) is refused: {why}")

    def _with_offset(
        self, offset: str, y: int, mo: int, d: int, h: int, mi: int, s: int, us: int = 0
    ) -> _dt.datetime:
        """A wall-clock time at an ISO 8601 offset (``+02:00``); raises ``ValueError``."""
        sign = -1 if offset[0] == "-" else 1
        hours, minutes = int(offset[1:3]), int(offset[-2:])
        if hours > 23 or minutes > 59:
            raise ValueError
        zone = pendulum.FixedTimezone(sign * (hours * 3600 + minutes * 60))
        return pendulum.datetime(y, mo, d, h, mi, s, us, tz=zone)

    def _in_calendar_zone(self, prop: Prop, where: str) -> None:
        """Say (once a line) a floating time read in the calendar's X-WR-TIMEZONE."""
        if prop.line in self._zoned_lines:
            return
        self._zoned_lines.add(prop.line)
        self.note(
            "date-times without a zone, read in the calendar's X-WR-TIMEZONE (as Google "
            "Calendar means them; RFC 5545 reads them as floating)",
            f"{where}: {prop.name} (line {prop.line})",
        )

    def zone_of(self, prop: Prop) -> Any:
        """The zone of a DATE-TIME without ``Z``: its TZID's, else the calendar's; None floats."""
        tzid = prop.params.get("TZID")
        return self.zones.get(tzid, prop.line) if tzid else self.default_zone

    def at(
        self, zone: Any, y: int, mo: int, d: int, h: int, mi: int, s: int, us: int = 0
    ) -> _dt.datetime:
        """A wall-clock time in ``zone`` (``None``: floating); raises ``ValueError``.
        (``us``, microseconds: a leap second's 23:59:59.999999.)"""
        if zone is None:
            return pendulum.naive(y, mo, d, h, mi, s, us)
        if isinstance(zone, pendulum.Timezone):
            return _local(zone, y, mo, d, h, mi, s, us)
        # A zone built from a VTIMEZONE: the offset it gives at that local time.
        seconds = int(zone.offset(_dt.datetime(y, mo, d, h, mi, s)).total_seconds())
        return pendulum.datetime(y, mo, d, h, mi, s, us, tz=pendulum.FixedTimezone(seconds))

    def stop(self, comp: Component, start: _dt.date, where: str) -> _dt.date | None:
        """The end point from DTEND or DURATION; a bad one is noted and ``None`` given.

        With both (RFC 5545 allows one), DTEND is kept, and said when they differ.
        """
        prop, dur = comp.first("DTEND"), comp.first("DURATION")
        if prop is None:
            return None if dur is None else self._by_duration(dur, start, comp, where, True)
        try:
            stop = self.point(prop, where)
        except Skip:
            self.note(
                "events with a DTEND that is not a date, kept with their start",
                f"{where}: {prop.value.strip()[:40]!r} (line {prop.line})",
            )
            return None
        if dur is not None:
            other = self._by_duration(dur, start, comp, where, False)
            if other is None or stop != other:
                self.note(
                    "events with both DTEND and DURATION, DTEND kept",
                    f"{where}: {dur.value.strip()[:40]!r} (line {dur.line})",
                )
        return stop

    def _by_duration(
        self, dur: Prop, start: _dt.date, comp: Component, where: str, say: bool
    ) -> _dt.date | None:
        """The end point a DURATION gives; noted (if ``say``) when read leniently or not at all."""
        try:
            length, lenient = duration(dur)
            if length < _dt.timedelta(0):
                # RFC 5545's grammar allows a sign; an event cannot end before it starts, and
                # its length with the sign dropped is a guess (icalendar: no length at all).
                if say:
                    self.note(NEGATIVE, f"{where}: {dur.value.strip()[:40]!r} (line {dur.line})")
                return None
            days = calendar_days(dur)
            if not isinstance(start, _dt.datetime) and length != _dt.timedelta(days=days):
                # A date lasts whole days (RFC 5545): the days the hours reach, said.
                lenient = (
                    "all-day events with a DURATION in hours, minutes or seconds, "
                    "read as the days it reaches"
                )
                whole = length.days + (1 if length.seconds or length.microseconds else 0)
                length, days = _dt.timedelta(days=whole), whole
        except IcsParseError:
            raise
        except (ValueError, OverflowError):
            if say:
                self.note(
                    "events with a DURATION that cannot be read, kept with their start",
                    f"{where}: {dur.value.strip()[:40]!r} (line {dur.line})",
                )
            return None
        try:
            stop = self._after(start, length, days, comp.first("DTSTART"))
        except (ValueError, OverflowError):  # past 9999-12-31: no date can say it
            if say:
                self.note(
                    "events with a DURATION ending after year 9999, kept with their start",
                    f"{where}: {dur.value.strip()[:40]!r} (line {dur.line})",
                )
            return None
        if lenient is not None and say:
            self.note(lenient, f"{where}: {dur.value.strip()[:40]!r} (line {dur.line})")
        return stop

    def _after(
        self, start: _dt.date, length: _dt.timedelta, days: int, prop: Prop | None
    ) -> _dt.date:
        """``start`` plus a DURATION of which ``days`` are calendar days, the rest exact.

        RFC 5545 §3.3.6: ``P1D`` across a clock change ends at the same wall-clock
        time the next day (23 or 25 hours), ``PT24H`` 24 hours later.
        """
        timed = isinstance(start, _dt.datetime) and start.tzinfo is not None
        if not isinstance(start, _dt.datetime) or not timed or days == 0 or prop is None:
            return start + length  # dates and floating times: wall-clock arithmetic already
        if own_offset(prop):
            return start + length  # UTC or a fixed offset: no clock changes
        wall = _dt.datetime(start.year, start.month, start.day, start.hour, start.minute,
                            start.second) + _dt.timedelta(days=days)  # fmt: skip
        zone = self.zone_of(prop)
        if zone is None:
            return start + length
        moved = self.at(zone, wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second)
        return moved + (length - _dt.timedelta(days=days))

    def end(self, start: _dt.date, stop: _dt.date | None, where: str) -> When | None:
        """The event's end: ``None`` for no end, one day, or no length at all.

        An end before the start, or a date with a date-time, cannot be the
        event's end: the start is kept alone, and the report says so.
        """
        if stop is None:
            return None
        if isinstance(stop, _dt.datetime) and isinstance(start, _dt.datetime):
            order = _cmp(stop, start)
            if (stop.tzinfo is None) != (start.tzinfo is None):
                # A floating time with a zoned one: the same wall clock is all they share.
                wall = _cmp(stop.replace(tzinfo=None), start.replace(tzinfo=None))
                if wall > 0 and order <= 0:  # an event orders a floating time as if UTC
                    self.note(
                        "events from a floating time to a zoned one, ending before their start "
                        "if the floating time is UTC, kept with their start",
                        f"{where}: ends {_shown(stop)}, starts {_shown(start)}",
                    )
                    return None
                order = wall
            if order < 0:
                self.note(_END_BEFORE, f"{where}: ends {_shown(stop)}, starts {_shown(start)}")
            return When.instant(stop) if order > 0 else None
        if isinstance(stop, _dt.datetime) or isinstance(start, _dt.datetime):
            # A DATE start with a DATE-TIME end (or back): which day or time is meant?
            self.note(
                "events whose DTSTART and DTEND are not both dates or both date-times, "
                "kept with their start",
                f"{where}: starts {_shown(start)}, ends {_shown(stop)}",
            )
            return None
        if stop < start:
            self.note(_END_BEFORE, f"{where}: ends {_shown(stop)}, starts {_shown(start)}")
        if (stop - start).days <= 1:
            return None  # one day (DTEND is exclusive), or no length at all
        last = stop - _dt.timedelta(days=1)
        return When.day(last.year, last.month, last.day)


_END_BEFORE = "events whose end is before their start, kept with their start"
NEGATIVE = "events with a negative DURATION (an end before their start), kept with their start"


_FRACTION = re.compile(r"[.,](\d+)")


def _micro(value: str) -> int:
    """The microseconds of an ISO 8601 time's fraction (``10:00:00.75``), truncated as
    `When.parse` truncates them; 0 without one. (Only a fraction has a dot or comma.)

    >>> _micro("2026-04-15T10:00:00.123456789Z"), _micro("2026-04-15T10:00Z")
    (123456, 0)
    """
    m = _FRACTION.search(value)
    return 0 if m is None else int(m[1][:6].ljust(6, "0"))


_LEAP = (
    "date-times at a leap second (second 60, at 23:59:60 UTC), read as the last instant of "
    "their minute (23:59:59.999999), as When.parse reads them"
)
_NO_LEAP = (
    "date-times at second 60 where no leap second was, or past it, refused as When.parse "
    "refuses them (leap seconds come at 23:59:60 UTC at a month's end)"
)


def _shown(point: _dt.date) -> str:
    return point.isoformat()


_ALL_DAY = ("X-MICROSOFT-CDO-ALLDAYEVENT", "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT")


def own_offset(prop: Prop) -> bool:
    """Whether a DATE-TIME carries its own offset (``Z``, or ISO 8601's ``+02:00``), not a zone.

    >>> own_offset(Prop("DTSTART", {}, "20260415T100000Z", 1))
    True
    """
    value = prop.value.strip()
    return value[-1:] in ("Z", "z") or _OFFSET.search(value) is not None


def written_wall(prop: Prop) -> _dt.datetime | None:
    """The wall-clock time a DATE-TIME value is written as (naive), ``None`` for others.

    A time the clocks skip reads as another time (RFC 5545 §3.3.5), but a series
    repeats the time as written.

    >>> written_wall(Prop("DTSTART", {"TZID": "Europe/Berlin"}, "20260329T023000", 1))
    datetime.datetime(2026, 3, 29, 2, 30)
    """
    value = prop.value.strip()
    m = _DATETIME.fullmatch(value) or (_LOOSE.fullmatch(value) if len(value) <= 40 else None)
    if m is None or m[4] is None:
        return None
    try:
        y, mo, d, h, mi = (int(m[i]) for i in range(1, 6))
        # a leap second's wall (23:59:60) repeats as 23:59:59: other days have no second 60
        return _dt.datetime(y, mo, d, h, mi, min(int(m[6] or 0), 59))
    except ValueError:
        return None


def marked_all_day(comp: Component) -> bool:
    """Whether Outlook marks ``comp`` as an all-day event (``X-MICROSOFT-CDO-ALLDAYEVENT``).

    >>> marked_all_day(Component("VEVENT", 1))
    False
    """
    return any((comp.text(name) or "").strip().upper() == "TRUE" for name in _ALL_DAY)


def midnight(point: _dt.date) -> bool:
    """Whether ``point`` is a date-time at 00:00:00 on its own clock.

    >>> midnight(_dt.datetime(2026, 4, 15)), midnight(_dt.date(2026, 4, 15))
    (True, False)
    """
    return isinstance(point, _dt.datetime) and (point.hour, point.minute, point.second) == (0, 0, 0)


def day_of(point: _dt.date) -> _dt.date:
    """The calendar day of ``point`` on its own clock.

    >>> day_of(_dt.datetime(2026, 4, 15, 23, 30))
    Date(2026, 4, 15)
    """
    return pendulum.date(point.year, point.month, point.day)


def as_when(point: _dt.date) -> When:
    """A day for a DATE, an instant for a DATE-TIME.

    >>> as_when(_dt.date(2026, 4, 15))
    When.parse('15 April 2026')
    """
    if isinstance(point, _dt.datetime):
        return When.instant(point)
    return When.day(point.year, point.month, point.day)
