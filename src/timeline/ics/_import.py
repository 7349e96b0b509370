"""Import: read iCalendar feeds into a `Timeline`, with a content-line reader of our own.

``ics`` 0.7 parses each line with a PEG grammar, milliseconds a line; this
reader unfolds and splits lines with plain string operations (tens of times
faster), keeps the line number of everything it reads for the report, and
recovers at the component from what real clients write (`timeline.ics._lines`).

Our own feeds (events with ``X-TIMELINE-ID``) come back exactly from their
private properties (`timeline.ics._import_props`). Other feeds are read best-effort:

* DTSTART as a DATE gives a day; a multi-day all-day event gets an ``end``
  (DTEND is exclusive); a value is read for what it is, whatever its VALUE
  parameter says; timed values keep their zone: UTC for ``Z``, else the TZID
  resolved as `timeline.ics._zones` says (IANA, vendor-prefixed, Windows names,
  the file's VTIMEZONE), the calendar's X-WR-TIMEZONE, or floating;
* a bad DTEND or DURATION leaves the event with its start alone (so does a
  negative duration: an event cannot end before it starts), a second DTSTART
  is ignored;
* a UID sent more than once is one event: its newest version (`timeline.ics._duplicates`);
  an answer (METHOD:REPLY, COUNTER ...) is never an event;
* STATUS maps TENTATIVE to expected, CONFIRMED (or no STATUS) to confirmed,
  CANCELLED to cancelled; CATEGORIES become tags, URL a source;
* a recurring event (RRULE/RDATE) is imported as its first occurrence, the
  one a calendar app shows (`timeline.ics._series`): the earliest of
  DTSTART, the RRULE's and the RDATEs' occurrences not removed by an EXDATE
  or a cancelled override, each where its override moves it (a
  RANGE=THISANDFUTURE one, and every later one: `timeline.ics._ranges`); other
  overrides (RECURRENCE-ID) are skipped, unless their series is not in the
  file; an override with a lower SEQUENCE than its series is of a version the
  organizer has replaced since (RFC 5546 §2.1.5) and is not applied; to-dos,
  journals and other components are skipped, and so is an event without a
  readable start;
* the timeline is named by the calendar's NAME or X-WR-CALNAME, else the file's
  name, else "Calendar".

Everything skipped or repaired goes into an `ImportReport` naming its lines;
`from_ics` warns with it, or returns it when asked. Hostile values (a number
of thousands of digits, JSON nested thousands deep) raise `IcsParseError`.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re

import attrs

from timeline._errors import IcsParseError, TimelineError
from timeline.figures._source import Source
from timeline.ics._calendar import calendar_json, timeline_name
from timeline.ics._calendar import fiscal_years as fiscal_years_of
from timeline.ics._duplicates import answers, cancellations, newest_versions, version_rank
from timeline.ics._feed import DEFAULT_NAME, X, split_list
from timeline.ics._import_props import _exact, check_placed, own_event
from timeline.ics._lines import Component, Prop, Structure, read_components
from timeline.ics._masters import is_series, overridden, series_overrides, uid_of
from timeline.ics._recurrence import Occurrences, no_count
from timeline.ics._report import ImportReport
from timeline.ics._series import Series, describe
from timeline.ics._values import (
    Skip,
    as_when,
    day_of,
    marked_all_day,
    midnight,
)
from timeline.ics._zones import VZone, Zones
from timeline.model._event import Event
from timeline.model._timeline import Timeline

__all__ = ["Component", "ImportReport", "Prop", "read", "read_components"]


class _Reader(Series):
    """Reads one calendar's events, collecting what it had to skip or repair."""

    def __init__(
        self,
        zones: Zones,
        default: Prop | None,
        found: Structure,
        overrides: dict[str, list[Component]] | None = None,
        occurrences: Occurrences | None = None,
    ) -> None:
        super().__init__(zones, default, found, overrides, occurrences)
        self.recurring: list[str] = []
        # Our events' ids in the calendar: a later stretch of one (X-TIMELINE-PART-OF) is
        # read with it; one whose event is gone is read as an event of its own.
        self.own_ids: set[str] = set()

    def event(self, comp: Component, feed: str | None) -> Event:
        if comp.first(f"{X}ID") is not None:
            event = own_event(comp)  # our own feed (timeline.ics._import_props)
            check_placed(self, comp, event)
            return event
        return self._foreign(comp, feed)

    # -- foreign feeds ----------------------------------------------------------------

    def _calendar_wall(self, point: _dt.date) -> _dt.datetime:
        """A UTC time as the calendar's X-WR-TIMEZONE's wall clock reads it (naive)."""
        assert isinstance(point, _dt.datetime) and self.default_zone is not None
        zone = self.default_zone
        if isinstance(zone, VZone):
            return zone.wall(point)
        return _dt.datetime.fromtimestamp(point.timestamp(), zone).replace(tzinfo=None)

    def _calendar_midnights(self, start: _dt.date, stop: _dt.date | None) -> bool:
        """Whether ``start`` and ``stop`` are UTC times at midnight in the calendar's zone."""
        if self.default_zone is None:
            return False
        for point in (start, stop):
            if point is None:
                continue
            utc = isinstance(point, _dt.datetime) and point.utcoffset() == _dt.timedelta(0)
            if not utc or not midnight(self._calendar_wall(point)):
                return False
        return True

    def _foreign(self, comp: Component, feed: str | None, series: bool = True) -> Event:
        starts = comp.props.get("DTSTART")
        if not starts:
            raise Skip("no DTSTART")
        where = describe(comp)
        if len(starts) > 1:
            lines = ", ".join(f"line {p.line}" for p in starts[1:])
            self.note(
                "events with more than one DTSTART, the first kept", f"{where}: DTSTART ({lines})"
            )
        start = self.point(starts[0], where)
        stop = self.stop(comp, start, where)
        if marked_all_day(comp) and midnight(start) and (stop is None or midnight(stop)):
            # Outlook writes an all-day event as midnight to midnight in its zone.
            self.note("events marked all-day by Outlook at local midnight, read as days", where)
            start, stop = day_of(start), None if stop is None else day_of(stop)
        elif marked_all_day(comp) and self._calendar_midnights(start, stop):
            # Exchange writes one in UTC: midnight to midnight in the calendar's zone.
            self.note(
                "events marked all-day by Outlook, written in UTC at midnight in the calendar's "
                "X-WR-TIMEZONE, read as days there",
                where,
            )
            start = day_of(self._calendar_wall(start))
            stop = None if stop is None else day_of(self._calendar_wall(stop))
        if series and is_series(comp, self.overrides):
            first, override, own_stop = self._first(comp, starts[0], start, where)
            if override is not None:
                source = self._carried.pop(id(override), override)
                self.used.add(id(source))
                self.note(
                    "recurring events whose first occurrence is changed (RECURRENCE-ID), "
                    "imported as changed"
                    if source is override
                    else "recurring events changed over a range of occurrences "
                    "(RECURRENCE-ID;RANGE=THISANDFUTURE or THISANDPRIOR), their first occurrence "
                    "imported as changed",
                    f"{where}: {describe(source)}",
                )
                return self._foreign(overridden(comp, override), feed, series=False)
            if own_stop is not None:  # an RDATE PERIOD: the occurrence's own end
                stop, start = own_stop, first
            elif first != start:
                if stop is not None:
                    stop = self._occurrence_end(comp, start, stop, first, where)
                start = first
        self._once(comp, where)
        when = as_when(start)
        end = self.end(start, stop, where)
        status = {"TENTATIVE": "expected", "CANCELLED": "cancelled"}.get(
            (comp.text("STATUS") or "").strip().upper(), "confirmed"
        )
        tags = [t for p in comp.props.get("CATEGORIES", []) for t in split_list(p.value)]
        url = comp.text("URL")
        sources = [Source(feed or "iCalendar feed", url=url.strip())] if url and url.strip() else []
        title = (comp.text("SUMMARY") or "").strip()
        if not title:
            title = "(untitled)"
            self.note("events without a SUMMARY, titled '(untitled)'", f"line {comp.line}")
        return Event(
            id=_foreign_id(comp.text("UID"), title, start),
            title=title,
            when=when,
            end=end,
            status=status,
            tags=list(dict.fromkeys(t.strip() for t in tags if t.strip())),
            location=comp.text("LOCATION"),
            description=comp.text("DESCRIPTION"),
            sources=sources,
        )

    def _once(self, comp: Component, where: str) -> None:
        """Say each property RFC 5545 allows once that is given again with another value:
        the first is read (``icalendar`` gives them all), the others are not lost in silence."""
        for name in _ONCE:
            props = comp.props.get(name, [])
            for prop in props[1:]:
                if prop.value != props[0].value:
                    self.note(
                        "events with a property given more than once (RFC 5545 allows one), "
                        "the first kept",
                        f"{where}: {name} {prop.text.strip()[:40]!r} (line {prop.line})",
                    )

    def _occurrence_end(
        self, comp: Component, start: _dt.date, stop: _dt.date, first: _dt.date, where: str
    ) -> _dt.date | None:
        """The end of the occurrence at ``first`` of a series from ``start`` to ``stop``.

        RFC 5545 §3.8.5.3: with DTEND every occurrence lasts the exact span DTEND - DTSTART
        (24 hours stay 24 across a clock change); with DURATION its nominal length from the
        occurrence (P1D: the same wall-clock time the next day).
        """
        dur = comp.first("DURATION")
        try:
            if comp.first("DTEND") is None and dur is not None and type(first) is type(start):
                return self._by_duration(dur, first, comp, where, False)
            # exact: pendulum's Interval (first - start) would add its days on the wall clock
            return stop + _dt.timedelta(seconds=(first - start).total_seconds())
        except (ValueError, OverflowError, TypeError):  # pendulum: "year 0 is out of range"
            return None  # an end of another kind, far off: the start alone


_ONCE = ("SUMMARY", "DTEND", "DURATION", "LOCATION", "DESCRIPTION", "STATUS", "URL")
_UNSAFE = re.compile(r"[^\w.\-]+", re.ASCII)


def _foreign_id(uid: str | None, title: str, start: _dt.date) -> str:
    """An event id from a foreign UID: its safe characters, or a digest when none are."""
    base = _UNSAFE.sub("-", uid or "").strip("-._")
    if not base or not base[0].isalnum():
        seed = uid or f"{title}|{start.isoformat()}"
        base = f"event-{hashlib.sha1(seed.encode()).hexdigest()[:10]}"
    return base


# -- the calendar ---------------------------------------------------------------------

_SILENT = {"VTIMEZONE"}  # support data: read when a TZID needs it


def read(data: bytes, file_name: str | None = None) -> tuple[Timeline, ImportReport]:
    """A `Timeline` from iCalendar bytes, and the report of what was skipped or repaired.

    ``file_name`` names the timeline when the calendar has no name of its own.

    >>> timeline, report = read(b"BEGIN:VCALENDAR\\r\\nEND:VCALENDAR\\r\\n", "work.ics")
    >>> timeline.name, report.events
    ('work', 0)
    """
    found = Structure()
    roots = read_components(data, found)
    calendars = [c for c in roots if c.name == "VCALENDAR"]
    calendars = answers(newest_versions(cancellations(calendars, found), found), found)
    head = calendars[0]
    name: str | None = timeline_name(head, file_name)
    if (head.text(f"{X}UNNAMED") or "").strip().upper() == "TRUE":
        name = None  # our feed of a timeline without a name: "Calendar" is only the feed's
    fiscal_years = fiscal_years_of(head, found)
    description = head.text("X-WR-CALDESC") or head.text("DESCRIPTION")
    exact = _exact(head, calendar_json)
    name = exact.get("name", name)  # our feed of a timeline named with control characters
    description = exact.get("description", description)
    if description is not None and not description.strip():
        description = None
    for other in roots:
        if other.name != "VCALENDAR":
            found.skip("components outside VCALENDAR", f"{other.name} (line {other.line})")
    events: list[Event] = []
    ids: dict[str, int] = {}  # id -> the next number to try for a repeat of it
    recurring: list[str] = []
    zones: dict[str, str] = {}
    floating: list[str] = []
    overrides = _current(series_overrides(calendars), calendars, found)
    occurrences, used = Occurrences(), set[int]()
    for calendar in calendars:
        zoner = Zones(_defined_once(calendar, found))
        reader = _Reader(zoner, calendar.first("X-WR-TIMEZONE"), found, overrides, occurrences)
        reader.used = used
        reader.own_ids = {
            own for c in calendar.children if c.name == "VEVENT" and (own := c.text(f"{X}ID"))
        }
        for comp in calendar.children:
            _read_child(reader, comp, name, events, ids)
        recurring += reader.recurring
        zones.update(zoner.resolved)
        floating += zoner.floating
        for what in zoner.disagreeing:
            found.change(
                "zones named as in the tz database whose VTIMEZONE in the file gives other "
                "offsets, read as the tz database's (as icalendar reads them; if the file's "
                "rules are meant, name the zone otherwise)",
                what,
            )
    for replaced in overrides.values():
        for comp in replaced:
            if id(comp) not in used:
                where = describe(comp)
                found.skip("changed occurrences of recurring events (RECURRENCE-ID)", where)
    report = ImportReport(
        name if name is not None else DEFAULT_NAME,
        len(events),
        encoding=found.encoding,
        skipped=found.skipped,
        changed=found.changed,
        recurring=recurring,
        zones=sorted(zones.items()),
        floating=floating,
    )
    timeline = Timeline(events, name=name, description=description, fiscal_years=fiscal_years)
    return timeline, report


def _current(
    overrides: dict[str, list[Component]], calendars: list[Component], found: Structure
) -> dict[str, list[Component]]:
    """The overrides of each series less those older than it: a SEQUENCE lower than the
    series' is of a version the organizer has since replaced (RFC 5546 §2.1.5: the higher
    SEQUENCE is the newer), so it is not applied, and said. Its UID stays, with the others
    left: an override of a series in the file is never an event of its own."""
    if not overrides:
        return overrides
    sequences: dict[str, int] = {}
    for calendar in calendars:
        for comp in calendar.children:
            if comp.name == "VEVENT" and "RECURRENCE-ID" not in comp.props:
                uid = uid_of(comp)
                if uid in overrides:
                    sequences[uid] = max(sequences.get(uid, 0), version_rank(comp)[0])
    current: dict[str, list[Component]] = {}
    for uid, replaced in overrides.items():
        kept = current.setdefault(uid, [])
        for comp in replaced:
            own, series = version_rank(comp)[0], sequences.get(uid, 0)
            if own >= series:
                kept.append(comp)
                continue
            found.skip(
                "changed occurrences older than their series (a lower SEQUENCE), not "
                "applied: the series' newer version wins (RFC 5546 §2.1.5)",
                f"{describe(comp)} (SEQUENCE {own} < {series})",
            )
    return current


def _defined_once(calendar: Component, found: Structure) -> dict[str, Component]:
    """A calendar's VTIMEZONEs by TZID: the first of each, and of its X-WR-TIMEZONEs; each
    other one that differs is said (files joined), since it would give other times."""
    definitions: dict[str, Component] = {}
    for comp in calendar.children:
        tzid = comp.first("TZID") if comp.name == "VTIMEZONE" else None
        if tzid is None:
            continue
        first = definitions.setdefault(tzid.value.strip(), comp)
        if first is not comp and _rules(first) != _rules(comp):
            found.change(
                "time zones defined more than once under one TZID, with other rules; the "
                "first used",
                f"TZID {tzid.value.strip()[:40]!r} (line {comp.line})",
            )
    zones = calendar.props.get("X-WR-TIMEZONE", [])
    for prop in zones[1:]:
        if prop.value.strip() != zones[0].value.strip():
            found.change(
                "calendars with more than one X-WR-TIMEZONE, the first used",
                f"X-WR-TIMEZONE {prop.value.strip()[:40]!r} (line {prop.line})",
            )
    return definitions


def _rules(zone: Component) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """A VTIMEZONE's parts as their names and values, to compare two definitions."""
    return [
        (part.name, sorted((k, [p.value.strip() for p in v]) for k, v in part.props.items()))
        for part in zone.children
    ]


def _read_child(
    reader: _Reader, comp: Component, feed: str | None, events: list[Event], ids: dict[str, int]
) -> None:
    if comp.name in _SILENT:
        return
    if comp.name != "VEVENT":
        reader.skip("components other than VEVENT", f"{comp.name} {describe(comp)}")
        return
    part_of = comp.text(f"{X}PART-OF")
    if part_of is not None and part_of in reader.own_ids:
        return  # a later stretch of an "all of" set: the event is read from its first
    if comp.first("RECURRENCE-ID") is not None:
        if uid_of(comp) in reader.overrides:
            return  # read with its series: it may replace the first occurrence
        # Invited to one occurrence only: the calendar shows it as an event.
        reader.note(
            "changed occurrences whose series is not in the file, imported as events",
            describe(comp),
        )
    if comp.first("RRULE") is not None or comp.first("RDATE") is not None:
        reader.recurring.append(describe(comp))
    for rule in comp.props.get("RRULE", []):
        if no_count(rule.value):
            reader.note(
                "RRULEs with COUNT=0 (no occurrences), read as DTSTART alone", describe(comp)
            )
    for child in comp.children:
        if child.name != "VALARM":  # reminders are the subscriber's own business
            reader.skip("components inside events", f"{child.name} (line {child.line})")
    try:
        event = reader.event(comp, feed)
    except IcsParseError:
        raise  # hostile input: refused, naming its line
    except (Skip, TimelineError) as err:
        reader.skip("events that could not be read", f"{describe(comp)}: {err}")
        return
    except OverflowError:
        reader.skip("events that could not be read", f"{describe(comp)}: a date out of range")
        return
    if event.id in ids:
        # Each id remembers the next free number, so n events sharing one UID
        # take n steps in all, not n squared.
        base, n = event.id, ids[event.id]
        while f"{base}-{n}" in ids:
            n += 1
        ids[base] = n + 1
        event = attrs.evolve(event, id=f"{base}-{n}")
        reader.note(
            "events whose UIDs give the same id, given new ids", f"{base}-{n} {describe(comp)}"
        )
    ids[event.id] = 2
    events.append(event)
