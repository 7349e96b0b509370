"""Recurring foreign events: the first occurrence a calendar app shows.

`timeline.ics._import` imports a recurring event as one event at its first
occurrence; this finds it. The occurrences are DTSTART's, the RRULEs' (RFC
2445 allowed several: their union) and the RDATEs' (an RDATE may come before
DTSTART, an RDATE PERIOD has its own end), less the EXDATEs and EXRULEs; an
override (RECURRENCE-ID) moves its occurrence to its own DTSTART, earlier or
later, or cancels it, and one with RANGE=THISANDFUTURE changes every later
occurrence too (`timeline.ics._ranges`). Each occurrence is the same kind of
value as DTSTART, walked by `timeline.ics._recurrence` over the wall clock of
DTSTART's zone (`timeline.ics._wall_clock`).

A hostile file repeats one UID over thousands of series and overrides: the
overrides of a UID are indexed once, and moved occurrences are stepped over a
bounded number of times per UID.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

import pendulum

from timeline._errors import quoted
from timeline.dates._bounds import _cmp
from timeline.ics._duplicates import version_rank
from timeline.ics._lines import Component, Prop, Structure
from timeline.ics._masters import uid_of
from timeline.ics._ranges import Futures, carried, is_future
from timeline.ics._readings import (
    DAYS_TIMED,
    NO_OCCURRENCE,
    OTHER_KIND,
    PERIOD_AT_START,
    UNSYNCHRONIZED,
)
from timeline.ics._recurrence import Moments, Occurrences, RuleTimes, no_count
from timeline.ics._series_values import SeriesValues
from timeline.ics._values import (
    Skip,
    own_offset,
    written_wall,
)
from timeline.ics._wall_clock import (
    Clock,
    until_in,
    until_is_day,
    until_wall,
    wall_in,
)
from timeline.ics._zones import VZone, Zones

__all__ = ["Series", "describe"]

_V = TypeVar("_V")


def describe(comp: Component) -> str:
    """A component as the report names it: its SUMMARY (cut short) and its line.

    >>> describe(Component("VEVENT", 12))
    '(line 12)'
    """
    summary = comp.text("SUMMARY")
    name = f"{quoted(summary[:40])} " if summary else ""
    return f"{name}(line {comp.line})"


class Series(SeriesValues):
    """Reads the values of one calendar and finds the first occurrence of its series.

    ``overrides`` holds the RECURRENCE-ID components of the file by the UID of
    their series; ``used`` collects those read as a first occurrence.

    >>> from timeline.ics._zones import Zones
    >>> Series(Zones({}), None, Structure()).used
    set()
    """

    def __init__(
        self,
        zones: Zones,
        default: Prop | None,
        found: Structure,
        overrides: dict[str, list[Component]] | None = None,
        occurrences: Occurrences | None = None,
    ) -> None:
        super().__init__(zones, default, found)
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
                            f"{describe(other)}, kept {describe(held)}",
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
            return self.point(prop, describe(other))
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
            values = self._points(exdate, where)
            for value in values:
                excluded.add(value, True)
            kind = _kind(start)
            if any(_kind(value) != kind for value in values):  # said once a line
                self.note(
                    OTHER_KIND, f"{where}: {exdate.value.strip()[:40]!r} (line {exdate.line})"
                )

        def override(value: _dt.date) -> Component | None:
            return _within_second(replaced, value) if replaced else None

        def cancelled(other: Component) -> bool:
            return (other.text("STATUS") or "").strip().upper() == "CANCELLED"

        futures = self._futures.get(uid_of(comp))

        exrules: list[RuleTimes] = []

        def gone(value: _dt.date) -> bool:
            if excluded and _within_second(excluded, value) is not None:
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
        rule_of = functools.partial(self._rule_text, where=where, start=(start, prop))
        # Each occurrence is the same kind of value as DTSTART: a date, a floating time, or a
        # time in DTSTART's zone (UTC, a fixed offset written in the value, or its TZID's zone).
        fixed = start.tzinfo if isinstance(start, _dt.datetime) else None
        zone = None if fixed is None or own_offset(prop) else self.zone_of(prop)
        written = written_wall(prop) if isinstance(start, _dt.datetime) else None
        if written is not None and isinstance(start, _dt.datetime):  # its fraction repeats
            written = written.replace(microsecond=start.microsecond)
        # A zone from the file's VTIMEZONE: DTSTART holds only its offset that day.
        clock = zone.wall if isinstance(zone, VZone) else None
        extra = []
        for p in comp.props.get("RDATE", []):
            values = self._points(p, where)
            for v in values:
                try:
                    extra.append(wall_in(v, start, clock))
                except OverflowError:  # before year 1 or after 9999 on DTSTART's clock
                    self.note(
                        "RDATE values out of range on the series' clock (before year 1 or "
                        "after 9999), ignored",
                        f"{where}: {v.isoformat()[:40]!r} (line {p.line})",
                    )
            if _kind(start) != "date" and any(_kind(v) == "date" for v in values):
                self.note(DAYS_TIMED, f"{where}: {p.value.strip()[:40]!r} (line {p.line})")

        def local(wall: _dt.datetime) -> _dt.date:
            if not isinstance(start, _dt.datetime):
                return pendulum.date(wall.year, wall.month, wall.day)
            if wall == written:
                return start  # DTSTART's own wall: DTSTART as read (a leap second's 23:59:60)
            parts = (wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second)
            us = wall.microsecond  # an RDATE at a leap second: 23:59:59.999999
            if zone is not None:
                return self.at(zone, *parts, us)
            return (
                pendulum.datetime(*parts, us, tz=fixed)
                if fixed is not None
                else pendulum.naive(*parts, us)
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
            if rules:
                wall = written or wall_in(start, start)
                self._synchronized([rule_of(r) for r in rules], start, clock, wall, local, where)
        texts: list[str] = []  # the RRULEs walked past DTSTART, as dateutil reads them
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
                # DTSTART is excluded, cancelled or moved: the first occurrence left is the
                # rule's to give, and no other is known to be it.
                shown = "; ".join(repr(rule.value.strip()[:60]) for rule in rules) or "none"
                raise Skip(
                    "its first occurrence (DTSTART) is excluded, cancelled or moved, and its "
                    f"RRULE ({shown}) could not be followed to the next one (not a rule, or "
                    "too costly: over 1,000 occurrences removed, or days few years hold)"
                ) from None
        if any(times.exhausted for times in exrules):
            self.note(
                "EXRULEs (RFC 2445) followed only so far (100,000 times each, 200,000 a file)",
                where,
            )
        found: list[tuple[_dt.date, Component | None]] = list(moved)
        if plain is not None:
            found.append(self._changed(comp, plain, override(plain), futures, where))
        if futures and plain is not None:
            walk = _Walk(start, [rule_of(r) for r in rules], extra, clock, written, local)
            found += self._moved_earlier(comp, futures, plain, taken, override, walk, where)
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
        if own is not None and first is start:
            self.note(PERIOD_AT_START, where)
        elif own is not None:
            # Another occurrence starting there too: the rule's, or another RDATE's.
            at = wall_in(first, start, clock)
            if sum(1 for w in extra if w == at) > 1:
                self.note(PERIOD_AT_START, f"{where}: at {first.isoformat()}, another RDATE")
            elif texts and self.occurrences.gives(texts, written or wall_in(start, start), at):
                self.note(
                    PERIOD_AT_START, f"{where}: at {first.isoformat()}, an occurrence of its RRULE"
                )
        return first, other, own

    def _moved_earlier(
        self,
        comp: Component,
        futures: Futures,
        plain: _dt.date,
        taken: Callable[[_dt.date], bool],
        override: Callable[[_dt.date], Component | None],
        walk: _Walk,
        where: str,
    ) -> list[tuple[_dt.date, Component | None]]:
        """The first occurrence each THISANDFUTURE override after ``plain`` moves earlier, as
        it moves it: its own occurrence may be excluded, and the next it moves may come before
        ``plain`` (RFC 5545 §3.2.13 moves every later occurrence by the same amount)."""
        found: list[tuple[_dt.date, Component | None]] = []
        for anchor, future in futures.forward():
            to = self._moved(future)
            if to is None or _cmp(anchor, plain) <= 0 or _cmp(to, plain) >= 0:
                continue  # governs plain already, or all it moves stays after plain

            def before_or_taken(value: _dt.date, since: _dt.date = anchor) -> bool:
                return _cmp(value, since) < 0 or taken(value)

            try:
                texts = [until_in(text, walk.start, walk.clock) for text in walk.rules]
                after = self.occurrences.first(
                    walk.start, texts, walk.extra, before_or_taken, walk.local, walk.written
                )
                if after is not None:
                    found.append(self._changed(comp, after, override(after), futures, where))
            except (Skip, ValueError, OverflowError, LookupError):
                continue  # not followed: the first occurrence found without it stands
        return found

    def _synchronized(
        self,
        rules: list[str],
        start: _dt.date,
        clock: Clock | None,
        wall: _dt.datetime,
        local: Callable[[_dt.datetime], _dt.date],
        where: str,
    ) -> None:
        """Say so when DTSTART (its ``wall`` clock) is not an occurrence of its RRULEs:
        RFC 5545 §3.8.5.3 leaves that set undefined; dateutil starts at the rule's first."""
        if any(map(no_count, rules)):
            return  # COUNT=0: said on its own
        try:
            texts = [until_in(r, start, clock) for r in rules]
            own = self.occurrences.rule_first(texts, wall)
        except (ValueError, OverflowError, LookupError):
            return  # not followed: the first occurrence is DTSTART all the same
        if own == wall:
            return
        ends = [until_wall(text) for text in texts]
        if own is None and all(end is not None and end < wall for end in ends):
            self.note(NO_OCCURRENCE, where)
            return
        shown = "none" if own is None else local(own).isoformat()
        self.note(UNSYNCHRONIZED, f"{where}: the rule's first: {shown}")

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
            span = self._span(source if "DTSTART" in source.props else comp, where)
            changed = carried(comp, source, plain, anchor, span)
            start = changed.first("DTSTART")
            assert start is not None
            at = self.point(start, where)
        except (Skip, ValueError, OverflowError):
            raise Skip(
                "its first occurrence is changed by a RECURRENCE-ID;RANGE=THISANDFUTURE "
                f"({describe(source)}) whose times cannot be carried to it"
            ) from None
        self._carried[id(changed)] = source
        return at, changed


def _within_second(found: Moments[_V], value: _dt.date) -> _V | None:
    """The item of ``value`` in ``found``, else of its whole second: an occurrence repeats
    DTSTART's fraction of a second, which RFC 5545's EXDATE and RECURRENCE-ID cannot write."""
    item = found.get(value)
    if item is None and isinstance(value, _dt.datetime) and value.microsecond:
        item = found.get(value.replace(microsecond=0))
    return item


class _Walk(NamedTuple):
    """What walking a series' occurrences needs: DTSTART, its rules (RFC 5545 text), its
    RDATEs and DTSTART as wall clocks, the clock of its zone, and the reader of a wall."""

    start: _dt.date
    rules: list[str]
    extra: list[_dt.datetime]
    clock: Clock | None
    written: _dt.datetime | None
    local: Callable[[_dt.datetime], _dt.date]


def _kind(value: _dt.date) -> str:
    """A DATE or DATE-TIME value's kind: ``date``, ``floating`` or ``zoned``."""
    if not isinstance(value, _dt.datetime):
        return "date"
    return "floating" if value.tzinfo is None else "zoned"


def _by_first(a: tuple[_dt.date, Any, Any], b: tuple[_dt.date, Any, Any]) -> int:
    return _cmp(a[0], b[0])
