"""The values of a recurring event: EXDATE, RDATE and RECURRENCE-ID lists, RDATE PERIODs and
recurrence rules, read as `timeline.ics._series` walks them.

A list may hold hundreds of thousands of values (`_plain` reads RFC 5545's own forms
quickly, exactly as `Values.point` does); a rule's UNTIL at second 60 is read as such a
DTSTART is (a leap second, or refused); a vCalendar 1.0 rule is translated.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Any

import pendulum

from timeline._errors import quoted
from timeline.dates._edtf_instants import no_leap_second
from timeline.ics._durations import calendar_days, duration
from timeline.ics._lines import Component, Prop
from timeline.ics._readings import LEAP_UNTIL, LEAP_UNTIL_REFUSED
from timeline.ics._recurrence import Moments
from timeline.ics._values import NEGATIVE, Skip, Values, own_offset
from timeline.ics._vcal import rfc5545_rule
from timeline.ics._wall_clock import until_leap, until_sixty

__all__ = ["SeriesValues"]

_PLAIN_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_PLAIN_TIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)")


class SeriesValues(Values):
    """Reads the values of recurring events (`Values`, and the lists and rules of a series).

    >>> from timeline.ics._lines import Structure
    >>> from timeline.ics._zones import Zones
    >>> values = SeriesValues(Zones({}), None, Structure())
    >>> values._points(Prop("EXDATE", {}, "20260415T100000Z,20260416", 3), "x")
    [datetime.datetime(2026, 4, 15, 10, 0, tzinfo=datetime.timezone.utc), Date(2026, 4, 16)]
    """

    def _points(self, prop: Prop, where: str) -> list[_dt.date]:
        """The values of an EXDATE, RDATE or RECURRENCE-ID (a comma-separated list).

        A list may hold hundreds of thousands: RFC 5545's own forms are read by `_plain`
        (a few microseconds each), the rest as `point` reads any value, with its notes.
        """
        found = []
        plain = self._plain(prop, where)
        for piece in prop.value.split(","):
            piece = piece.split("/")[0].strip()  # an RDATE PERIOD starts at its start
            quick = plain(piece)
            if quick is not None:
                found.append(quick)
                continue
            try:
                found.append(self.point(Prop(prop.name, prop.params, piece, prop.line), where))
            except Skip:
                self.note(
                    f"{prop.name} values that are not dates, ignored",
                    f"{where}: {quoted(piece[:40])} (line {prop.line})",
                )
        return found

    def _plain(self, prop: Prop, where: str) -> Callable[[str], _dt.date | None]:
        """A reader of ``prop``'s values in RFC 5545's own forms that need no note (a DATE,
        a UTC time, a wall-clock time in an IANA zone or floating), equal to what `point`
        gives; ``None`` for any other (read by `point`). Its zone is looked up once."""
        params = prop.params
        label = params.get("VALUE", "").strip().upper()
        zone: Any = None
        if "TZID" in params:
            zone = self.zone_of(prop)
        elif self.default_zone is not None:
            zone = self.default_zone
        zoned = zone is not None and isinstance(zone, pendulum.Timezone)
        tzid = "TZID" in params
        calendar_zone = zone is not None and not tzid

        def read(piece: str) -> _dt.date | None:
            if len(piece) == 8:
                m = _PLAIN_DATE.fullmatch(piece)
                if m is None:
                    return None
                try:
                    return pendulum.date(int(m[1]), int(m[2]), int(m[3]))
                except ValueError:
                    return None
            m = _PLAIN_TIME.fullmatch(piece)
            if m is None or label == "DATE":
                return None
            y, mo, d, h, mi, s = map(int, m.group(1, 2, 3, 4, 5, 6))
            if h > 23 or s > 59:
                return None  # 24:00 and second 60: read, and said, by `point`
            try:
                if m[7]:
                    return None if tzid else _dt.datetime(y, mo, d, h, mi, s, tzinfo=_dt.UTC)
                if zone is None:
                    return _dt.datetime(y, mo, d, h, mi, s)
                if not zoned:
                    return None  # a zone from the file's VTIMEZONE
                local = _dt.datetime(y, mo, d, h, mi, s, tzinfo=zone)
            except ValueError:
                return None
            if local.utcoffset() != local.replace(fold=1).utcoffset():
                return None  # a time the clocks skip or pass twice: `point` reads it (§3.3.5)
            if calendar_zone:
                self._in_calendar_zone(prop, where)
            return local

        return read

    def _rule_text(self, rule: Prop, where: str, start: tuple[_dt.date, Prop] | None = None) -> str:
        """An RRULE or EXRULE value in RFC 5545's form, a vCalendar 1.0 one translated.

        An UNTIL at second 60 is read as a DTSTART there is (``start``: DTSTART's value and
        line): at a leap second, the end of its minute; elsewhere refused, and left for
        dateutil to refuse (the rule is not followed).
        """
        sixty = until_sixty(rule.value)
        if sixty is not None:
            why = self._no_leap_until(*sixty, start)
            shown = f"{where}: {rule.value.strip()[:60]!r} (line {rule.line})"
            if why is not None:
                self.note(LEAP_UNTIL_REFUSED, f"{shown}: {why.split(': ')[0]}")
            else:
                self.note(LEAP_UNTIL, shown)
                rule = Prop(rule.name, rule.params, until_leap(rule.value), rule.line)
        translated = rfc5545_rule(rule.value)
        if translated is None:
            parts = [part.split("=", 1) for part in rule.value.split(";") if part.strip()]
            tidy = ";".join("=".join(piece.strip() for piece in part) for part in parts)
            if tidy != rule.value.strip():
                self.note(
                    "recurrence rules with spaces or empty parts, read without them",
                    f"{where}: {rule.value.strip()[:60]!r} (line {rule.line})",
                )
            return tidy
        self.note(
            "vCalendar 1.0 recurrence rules, read as RFC 5545's",
            f"{where}: {rule.value.strip()[:40]!r} as {quoted(translated)} (line {rule.line})",
        )
        return translated

    def _no_leap_until(
        self,
        wall: tuple[int, int, int, int, int],
        utc: bool,
        start: tuple[_dt.date, Prop] | None,
    ) -> str | None:
        """Why an UNTIL at second 60 (``wall``, in UTC or on DTSTART's clock) is no leap
        second, as `When.parse` says it of such a time; ``None`` when it is one."""
        y, mo, d, h, mi = wall
        value, prop = start if start is not None else (None, None)
        try:
            if utc:
                moment: _dt.datetime = _dt.datetime(y, mo, d, h, mi, 59, 999_999, tzinfo=_dt.UTC)
            elif not isinstance(value, _dt.datetime) or value.tzinfo is None or prop is None:
                moment = _dt.datetime(y, mo, d, h, mi, 59, 999_999)  # floating: UTC's clock
            elif own_offset(prop):
                moment = _dt.datetime(y, mo, d, h, mi, 59, 999_999, tzinfo=value.tzinfo)
            else:
                moment = self.at(self.zone_of(prop), y, mo, d, h, mi, 59, 999_999)
        except (ValueError, OverflowError):
            return "second 60 of a day that is no date"
        return no_leap_second(moment)

    def _span(self, timing: Component, where: str) -> _dt.timedelta | None:
        """The exact span from ``timing``'s DTSTART to its DTEND, if both are date-times of
        one kind (zoned or floating); ``None`` otherwise (days move on the calendar)."""
        start, stop = timing.first("DTSTART"), timing.first("DTEND")
        if start is None or stop is None:
            return None
        begin, end = self.point(start, where), self.point(stop, where)
        if not (isinstance(begin, _dt.datetime) and isinstance(end, _dt.datetime)):
            return None
        if (begin.tzinfo is None) != (end.tzinfo is None):
            return None
        # exact, in UTC: pendulum's Interval (end - begin) adds its days on the wall clock
        if begin.tzinfo is not None:
            begin, end = begin.astimezone(_dt.UTC), end.astimezone(_dt.UTC)
        return _dt.timedelta(seconds=(end - begin).total_seconds())

    def _periods(self, comp: Component, where: str) -> Moments[_dt.date]:
        """The ends of ``comp``'s RDATE PERIODs (``start/end`` or ``start/duration``) by start."""
        found = Moments[_dt.date]()
        for prop in comp.props.get("RDATE", []):
            for piece in prop.value.split(","):
                begin, slash, finish = (part.strip() for part in piece.partition("/"))
                if not slash:
                    continue
                try:
                    start = self.point(Prop(prop.name, prop.params, begin, prop.line), where)
                    if finish[:1] in ("P", "p", "+", "-"):
                        span = Prop("DURATION", {}, finish, prop.line)
                        length, _ = duration(span)
                        if length < _dt.timedelta(0):  # no length: its sign is not dropped
                            self.note(
                                NEGATIVE, f"{where}: {quoted(finish[:40])} (line {prop.line})"
                            )
                            found.add(start, start)
                            continue
                        # nominal, as any DURATION: P1D ends at the same time the next day
                        own = Prop(prop.name, prop.params, begin, prop.line)
                        found.add(start, self._after(start, length, calendar_days(span), own))
                    else:
                        end = self.point(Prop(prop.name, prop.params, finish, prop.line), where)
                        found.add(start, end)
                except (Skip, ValueError, OverflowError):
                    continue  # the start is noted with the RDATE's values; no end here
        return found
