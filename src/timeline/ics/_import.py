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
  one a calendar app shows (`timeline.ics._recurrence`): the earliest of
  DTSTART, the RRULE's and the RDATEs' occurrences not removed by an EXDATE
  or a cancelled override, each where its override moves it (a
  RANGE=THISANDFUTURE one, and every later one: `timeline.ics._ranges`); other
  overrides (RECURRENCE-ID) are skipped, unless their series is not in the
  file; to-dos, journals and other components are skipped, and so is an
  event without a readable start;
* the timeline is named by the calendar's NAME or X-WR-CALNAME, else the file's
  name, else "Calendar".

Everything skipped or repaired goes into an `ImportReport` naming its lines;
`from_ics` warns with it, or returns it when asked. Hostile values (a number
of thousands of digits, JSON nested thousands deep) raise `IcsParseError`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import re
from typing import Any

import attrs
import pendulum

from timeline._errors import IcsParseError, TimelineError
from timeline.dates._bounds import _cmp
from timeline.figures._source import Source
from timeline.ics._calendar import calendar_json, timeline_name
from timeline.ics._calendar import fiscal_years as fiscal_years_of
from timeline.ics._duplicates import answers, cancellations, newest_versions, version_rank
from timeline.ics._feed import DEFAULT_NAME, X, split_list
from timeline.ics._import_props import _exact, check_placed, own_event
from timeline.ics._lines import Component, Prop, Structure, read_components
from timeline.ics._ranges import Futures, carried, is_future
from timeline.ics._recurrence import (
    Moments,
    Occurrences,
    RuleTimes,
    is_series,
    overridden,
    series_overrides,
    uid_of,
    until_in,
    until_is_day,
    wall_in,
)
from timeline.ics._report import ImportReport
from timeline.ics._values import (
    NEGATIVE,
    Skip,
    Values,
    as_when,
    day_of,
    duration,
    marked_all_day,
    midnight,
    own_offset,
    written_wall,
)
from timeline.ics._vcal import rfc5545_rule
from timeline.ics._zones import VZone, Zones
from timeline.model._event import Event
from timeline.model._timeline import Timeline

__all__ = ["Component", "ImportReport", "Prop", "read", "read_components"]


class _Reader(Values):
    """Reads one calendar's events, collecting what it had to skip or repair."""

    def __init__(
        self,
        zones: Zones,
        default: Prop | None,
        found: Structure,
        overrides: dict[str, list[Component]] | None = None,
        occurrences: Occurrences | None = None,
    ) -> None:
        super().__init__(zones, default, found)
        self.recurring: list[str] = []
        # RECURRENCE-ID components by the UID of their series, and those used as a first occurrence
        self.overrides = overrides if overrides is not None else {}
        self.used: set[int] = set()
        self._by_uid: dict[str, Moments[Component]] = {}
        # By UID: (where an override moves it, the occurrence, the override), earliest first
        self._moves: dict[str, list[tuple[_dt.date, _dt.date, Component]]] = {}
        self._budget: dict[str, int] = {}  # moved occurrences left to step over, by UID
        self._futures: dict[str, Futures] = {}  # THISANDFUTURE overrides, by UID
        self._carried: dict[int, Component] = {}  # occurrences they change -> the override
        self.occurrences = occurrences if occurrences is not None else Occurrences()

    def event(self, comp: Component, feed: str | None) -> Event:
        if comp.first(f"{X}ID") is not None:
            event = own_event(comp)  # our own feed (timeline.ics._import_props)
            check_placed(self, comp, event)
            return event
        return self._foreign(comp, feed)

    # -- foreign feeds ----------------------------------------------------------------

    def _foreign(self, comp: Component, feed: str | None, series: bool = True) -> Event:
        starts = comp.props.get("DTSTART")
        if not starts:
            raise Skip("no DTSTART")
        where = _describe(comp)
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
                    f"{where}: {_describe(source)}",
                )
                return self._foreign(overridden(comp, override), feed, series=False)
            if own_stop is not None:  # an RDATE PERIOD: the occurrence's own end
                stop, start = own_stop, first
            elif first != start:
                if stop is not None:
                    try:  # the same length, from the occurrence
                        stop = stop + (first - start)
                    except (ValueError, OverflowError):  # pendulum: "year 0 is out of range"
                        stop = None  # an end of another kind, far off: the start alone
                start = first
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

    # -- recurring events: the first occurrence a calendar app shows --------------------

    def _points(self, prop: Prop, where: str) -> list[_dt.date]:
        """The values of an EXDATE, RDATE or RECURRENCE-ID (a comma-separated list)."""
        found = []
        for piece in prop.value.split(","):
            piece = piece.split("/")[0].strip()  # an RDATE PERIOD starts at its start
            try:
                found.append(self.point(Prop(prop.name, prop.params, piece, prop.line), where))
            except Skip:
                self.note(
                    f"{prop.name} values that are not dates, ignored",
                    f"{where}: {piece[:40]!r} (line {prop.line})",
                )
        return found

    def _replaced(self, comp: Component, where: str) -> Moments[Component]:
        """The overrides of ``comp``'s series by the occurrence each replaces (once per UID)."""
        uid = uid_of(comp)
        found = self._by_uid.get(uid)
        if found is None:
            found = Moments[Component]()
            pairs: list[tuple[_dt.date, Component]] = []
            # Newest first: of two overrides of one occurrence (written in two zones, say)
            # the first added is kept.
            for other in sorted(self.overrides.get(uid, []), key=version_rank, reverse=True):
                rid = other.first("RECURRENCE-ID")
                assert rid is not None
                for value in self._points(rid, where):
                    held = found.get(value)
                    if held is not None and held is not other:
                        self.skip(
                            "older overrides of one occurrence written differently (the "
                            "newest kept: SEQUENCE, DTSTAMP)",
                            f"{_describe(other)}, kept {_describe(held)}",
                        )
                    found.add(value, other)
                    pairs.append((value, other))
            self._by_uid[uid] = found
            # Where each override moves its occurrence, earliest first (once per UID: a hostile
            # file repeats one UID over thousands of series and overrides).
            moves = []
            for value, other in pairs:
                cancelled = (other.text("STATUS") or "").strip().upper() == "CANCELLED"
                to = None if cancelled or found.get(value) is not other else self._moved(other)
                if to is not None:
                    moves.append((to, value, other))
            moves.sort(key=functools.cmp_to_key(_by_first))
            self._moves[uid] = moves
            self._budget[uid] = 4 * len(moves) + 64
            futures = [(v, o) for v, o in pairs if is_future(o) and found.get(v) is o]
            self._futures[uid] = Futures(futures)
        return found

    def _moved(self, other: Component) -> _dt.date | None:
        """Where an override moves its occurrence: its own DTSTART, if it has a readable one."""
        prop = other.first("DTSTART")
        if prop is None:
            return None
        try:
            return self.point(prop, _describe(other))
        except Skip:
            return None

    def _first(
        self, comp: Component, prop: Prop, start: _dt.date, where: str
    ) -> tuple[_dt.date, Component | None, _dt.date | None]:
        """The earliest occurrence not excluded or cancelled, the override that replaces it,
        and its own end when it is an RDATE PERIOD.

        The occurrences are DTSTART's, the RRULE's and the RDATEs' (an RDATE may come before
        DTSTART), less the EXDATEs; an override (RECURRENCE-ID) moves its occurrence to its
        own DTSTART, which may be before or after others, or cancels it.
        """
        replaced = self._replaced(comp, where)
        excluded = Moments[bool]()
        for exdate in comp.props.get("EXDATE", []):
            for value in self._points(exdate, where):
                excluded.add(value, True)

        def override(value: _dt.date) -> Component | None:
            return replaced.get(value) if replaced else None

        def cancelled(other: Component) -> bool:
            return (other.text("STATUS") or "").strip().upper() == "CANCELLED"

        futures = self._futures.get(uid_of(comp))

        exrules: list[RuleTimes] = []

        def gone(value: _dt.date) -> bool:
            if excluded and excluded.get(value):
                return True
            if exrules and any(wall_in(value, start, clock) in times for times in exrules):
                return True
            other = override(value) or (futures.governing(value) if futures else None)
            return other is not None and cancelled(other)  # cancelled from an occurrence on

        uid = uid_of(comp)

        def taken(value: _dt.date) -> bool:
            """Not an occurrence at its own time: removed, or moved by an override."""
            if gone(value):
                return True
            other = override(value)
            if other is None or "DTSTART" not in other.props:
                return False
            # Series sharing a UID share its overrides: moved occurrences are stepped over a
            # few times each per UID, not once per series (a hostile file repeats one UID).
            self._budget[uid] -= 1
            if self._budget[uid] < 0:
                raise LookupError("occurrences moved by overrides shared by many series")
            return True

        Found = tuple[_dt.date, Component | None]

        def order(a: Found, b: Found) -> int:
            return _cmp(a[0], b[0])

        def earliest(found: list[Found]) -> Found:
            return min(found, key=functools.cmp_to_key(order))

        rules = comp.props.get("RRULE", [])  # RFC 2445 allowed several: their union
        rule_of = functools.partial(self._rule_text, where=where)
        # Each occurrence is the same kind of value as DTSTART: a date, a floating time, or a
        # time in DTSTART's zone (UTC, a fixed offset written in the value, or its TZID's zone).
        fixed = start.tzinfo if isinstance(start, _dt.datetime) else None
        zone = None if fixed is None or own_offset(prop) else self.zone_of(prop)
        written = written_wall(prop) if isinstance(start, _dt.datetime) else None
        # A zone from the file's VTIMEZONE: DTSTART holds only its offset that day.
        clock = zone.wall if isinstance(zone, VZone) else None
        extra = [
            wall_in(v, start, clock)
            for p in comp.props.get("RDATE", [])
            for v in self._points(p, where)
        ]

        def local(wall: _dt.datetime) -> _dt.date:
            if not isinstance(start, _dt.datetime):
                return pendulum.date(wall.year, wall.month, wall.day)
            parts = (wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second)
            if zone is not None:
                return self.at(zone, *parts)
            return (
                pendulum.datetime(*parts, tz=fixed) if fixed is not None else pendulum.naive(*parts)
            )

        for exrule in comp.props.get("EXRULE", []):  # RFC 2445: a rule of times removed
            try:
                text = until_in(rule_of(exrule), start, clock)
                exrules.append(self.occurrences.removed(text, start, written))
            except (ValueError, OverflowError, LookupError):
                self.note(
                    "EXRULEs (RFC 2445) that cannot be followed, ignored (the first occurrence "
                    "may be one they remove)",
                    f"{where}: {exrule.value.strip()[:60]!r} (line {exrule.line})",
                )

        # The earliest occurrence an override moves, at the time it moves it to (each skipped
        # one is excluded by an EXDATE of this series: bounded by its EXDATEs).
        moved: list[tuple[_dt.date, Component | None]] = []
        for to, value, changed in self._moves.get(uid_of(comp), []) if replaced else []:
            if not gone(value):
                moved.append((to, changed))
                break

        # The first occurrence left at its own time: an RDATE before DTSTART, DTSTART, or
        # (only when neither, and no moved occurrence comes first anyway) the rule's next.
        plain: _dt.date | None = None
        try:
            begin = written or wall_in(start, start)
            early = (local(w) for w in sorted(extra) if w < begin)
            plain = next((v for v in early if not taken(v)), None)
        except (ValueError, OverflowError):
            plain = None
        if plain is None and not taken(start):
            plain = start
        if plain is None and not (moved and _cmp(earliest(list(moved))[0], start) <= 0):
            try:
                texts = [until_in(rule_of(rule), start, clock) for rule in rules]
                for rule in rules:
                    if isinstance(start, _dt.datetime) and until_is_day(rule.value):
                        self.note(
                            "recurring events repeating date-times until a date (UNTIL), "
                            "read to the end of that day",
                            f"{where}: {rule.value.strip()[:60]!r} (line {rule.line})",
                        )
                plain = self.occurrences.first(start, texts, extra, taken, local, written)
            except (ValueError, OverflowError, LookupError):
                self.note(
                    "recurring events whose first occurrence is excluded or cancelled but whose "
                    "RRULE could not be followed, imported at DTSTART",
                    where,
                )
                return start, override(start), None
        if any(times.exhausted for times in exrules):
            self.note(
                "EXRULEs (RFC 2445) followed only so far (100,000 times each, 200,000 a file)",
                where,
            )
        found: list[tuple[_dt.date, Component | None]] = list(moved)
        if plain is not None:
            found.append(self._changed(comp, plain, override(plain), futures, where))
        if not found:
            raise Skip("every occurrence of the series is excluded (EXDATE) or cancelled")
        first, other = earliest(found)
        rid = None if other is None else other.first("RECURRENCE-ID")
        if (
            other is not None
            and rid is not None
            and "DTSTART" not in other.props
            and (first is not start)
        ):
            # An override of a later occurrence without a DTSTART: at its RECURRENCE-ID.
            props = {**other.props, "DTSTART": [Prop("DTSTART", rid.params, rid.value, rid.line)]}
            other = Component(other.name, other.line, props, other.children)
        if other is None and first is not start:
            self.note(
                "recurring events whose DTSTART is excluded or cancelled, "
                "imported at their first remaining occurrence"
                if gone(start)
                else "recurring events whose first occurrence is not DTSTART (an RDATE before "
                "it, or DTSTART moved later by a RECURRENCE-ID), imported at their first "
                "occurrence",
                where,
            )
        own = self._periods(comp, where).get(first) if other is None else None
        return first, other, own

    def _rule_text(self, rule: Prop, where: str) -> str:
        """An RRULE or EXRULE value in RFC 5545's form, a vCalendar 1.0 one translated."""
        translated = rfc5545_rule(rule.value)
        if translated is None:
            return rule.value
        self.note(
            "vCalendar 1.0 recurrence rules, read as RFC 5545's",
            f"{where}: {rule.value.strip()[:40]!r} as {translated!r} (line {rule.line})",
        )
        return translated

    def _changed(
        self,
        comp: Component,
        plain: _dt.date,
        own: Component | None,
        futures: Futures | None,
        where: str,
    ) -> tuple[_dt.date, Component | None]:
        """The occurrence ``plain`` as its own override or a THISANDFUTURE one before it
        makes it: where it starts, and the override to read it from."""
        source = None if own is not None or not futures else futures.governing(plain)
        rid = None if source is None else source.first("RECURRENCE-ID")
        if source is None or rid is None:
            return plain, own  # own: an override without a DTSTART of its own, or none
        try:
            anchor = self.point(rid, where)
            changed = carried(comp, source, plain, anchor)
            start = changed.first("DTSTART")
            assert start is not None
            at = self.point(start, where)
        except (Skip, ValueError, OverflowError):
            raise Skip(
                "its first occurrence is changed by a RECURRENCE-ID;RANGE=THISANDFUTURE "
                f"({_describe(source)}) whose times cannot be carried to it"
            ) from None
        self._carried[id(changed)] = source
        return at, changed

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
                        length, _ = duration(Prop("DURATION", {}, finish, prop.line))
                        if length < _dt.timedelta(0):  # no length: its sign is not dropped
                            self.note(NEGATIVE, f"{where}: {finish[:40]!r} (line {prop.line})")
                            length = _dt.timedelta(0)
                        found.add(start, start + length)
                    else:
                        end = self.point(Prop(prop.name, prop.params, finish, prop.line), where)
                        found.add(start, end)
                except (Skip, ValueError, OverflowError):
                    continue  # the start is noted with the RDATE's values; no end here
        return found


def _by_first(a: tuple[_dt.date, Any, Any], b: tuple[_dt.date, Any, Any]) -> int:
    return _cmp(a[0], b[0])


_UNSAFE = re.compile(r"[^\w.\-]+", re.ASCII)


def _foreign_id(uid: str | None, title: str, start: _dt.date) -> str:
    """An event id from a foreign UID: its safe characters, or a digest when none are."""
    base = _UNSAFE.sub("-", uid or "").strip("-._")
    if not base or not base[0].isalnum():
        seed = uid or f"{title}|{start.isoformat()}"
        base = f"event-{hashlib.sha1(seed.encode()).hexdigest()[:10]}"
    return base


def _describe(comp: Component) -> str:
    summary = comp.text("SUMMARY")
    name = f"{summary[:40]!r} " if summary else ""
    return f"{name}(line {comp.line})"


# -- the calendar ---------------------------------------------------------------------

_NO_COUNT = re.compile(r"(?:^|;)\s*COUNT\s*=\s*0+\s*(?:;|$)", re.IGNORECASE)
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
    overrides = series_overrides(calendars)
    occurrences, used = Occurrences(), set[int]()
    for calendar in calendars:
        definitions: dict[str, Component] = {}
        for comp in calendar.children:
            tzid = comp.first("TZID") if comp.name == "VTIMEZONE" else None
            if tzid is not None:
                definitions.setdefault(tzid.value.strip(), comp)
        zoner = Zones(definitions)
        reader = _Reader(zoner, calendar.first("X-WR-TIMEZONE"), found, overrides, occurrences)
        reader.used = used
        for comp in calendar.children:
            _read_child(reader, comp, name, events, ids)
        recurring += reader.recurring
        zones.update(zoner.resolved)
        floating += zoner.floating
    for replaced in overrides.values():
        for comp in replaced:
            if id(comp) not in used:
                where = _describe(comp)
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


def _read_child(
    reader: _Reader, comp: Component, feed: str | None, events: list[Event], ids: dict[str, int]
) -> None:
    if comp.name in _SILENT:
        return
    if comp.name != "VEVENT":
        reader.skip("components other than VEVENT", f"{comp.name} {_describe(comp)}")
        return
    if comp.first("RECURRENCE-ID") is not None:
        if uid_of(comp) in reader.overrides:
            return  # read with its series: it may replace the first occurrence
        # Invited to one occurrence only: the calendar shows it as an event.
        reader.note(
            "changed occurrences whose series is not in the file, imported as events",
            _describe(comp),
        )
    if comp.first("RRULE") is not None or comp.first("RDATE") is not None:
        reader.recurring.append(_describe(comp))
    for rule in comp.props.get("RRULE", []):
        if _NO_COUNT.search(rule.value):
            reader.note(
                "RRULEs with COUNT=0 (no occurrences), read as DTSTART alone", _describe(comp)
            )
    for child in comp.children:
        if child.name != "VALARM":  # reminders are the subscriber's own business
            reader.skip("components inside events", f"{child.name} (line {child.line})")
    try:
        event = reader.event(comp, feed)
    except IcsParseError:
        raise  # hostile input: refused, naming its line
    except (Skip, TimelineError) as err:
        reader.skip("events that could not be read", f"{_describe(comp)}: {err}")
        return
    except OverflowError:
        reader.skip("events that could not be read", f"{_describe(comp)}: a date out of range")
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
            "events whose UIDs give the same id, given new ids", f"{base}-{n} {_describe(comp)}"
        )
    ids[event.id] = 2
    events.append(event)
