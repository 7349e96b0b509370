"""`Timeline`: an immutable, ordered collection of events and the queries on it.

Events are kept in the total order of their current `When` (DESIGN §2), then
by id, so output is deterministic. Every query returns a new `Timeline`, so
queries chain (``tl.filter(actor="Tencent").upcoming(as_of="2026-03-28")``)
and show well in a notebook.

Window queries (`Timeline.overlapping`, `Timeline.included`, `Timeline.on`)
use a span index built on first use, not a scan.
"""

from __future__ import annotations

import datetime as _dt
import functools
import operator
import os
import re
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload

import attrs
import pendulum

from timeline._errors import QueryError, TimelineError
from timeline.dates._bounds import _cmp, _key, _overlap
from timeline.dates._days import DayLike, to_day
from timeline.dates._when import When, _coerce
from timeline.figures._growth import Observation
from timeline.model._claim import Slip, Status
from timeline.model._event import Event
from timeline.model._index import SpanIndex

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa
    from matplotlib.axes import Axes

__all__ = ["DuplicateEventError", "EventChange", "Timeline", "TimelineDiff"]

WindowArg: TypeAlias = "When | _dt.date | str"
"""A window bound: a `When`, a date or datetime, or text `When.parse` reads."""

Values: TypeAlias = "str | Status | Collection[str | Status] | None"

_DAY = 86_400_000_000
# A floating day and an instant compare by the instant's local date, but keys put
# the instant at its UTC time: 14 hours before its local midnight (UTC+14) up to
# 36 hours after it (23:59 at UTC-12); even Python's extreme offsets (under 24
# hours) keep it within 48 hours. Two days of slack covers both sides.
_SLACK = 2 * _DAY
# Keys for "unbounded" in the int64 key columns.
_LOWEST, _HIGHEST = -(2**63), 2**63 - 1


class DuplicateEventError(TimelineError, ValueError):
    """Two events share an id; ids must be unique within a timeline.

    >>> Timeline([Event(title="A", when="2026"), Event(title="A", when="2027")])
    Traceback (most recent call last):
    ...
    timeline.model._timeline.DuplicateEventError: duplicate event id 'a': ...
    """


def _window(value: WindowArg, name: str) -> When:
    if isinstance(value, When):
        return value
    if isinstance(value, _dt.date):
        return _coerce(value)
    if isinstance(value, str):
        return When.parse(value)
    raise TypeError(f"{name}: expected a When, date or text, got {value!r}")


def _matcher(values: Values, name: str) -> Callable[[str | None], bool] | None:
    if values is None:
        return None
    items = [values] if isinstance(values, str | Status) else list(values)
    wanted = {(v.value if isinstance(v, Status) else str(v)).casefold() for v in items}
    if name == "status":
        # A misspelt status would silently match nothing; say so instead.
        known = {s.value for s in Status}
        for bad in sorted(wanted - known):
            raise QueryError(
                f"status: {bad!r} is not a status; use one of {', '.join(sorted(known))}"
            )
    return lambda value: value is not None and value.casefold() in wanted


_WITHIN = re.compile(r"\s*(\d+)\s*(d|days?|w|weeks?|m|months?|y|years?)\s*", re.IGNORECASE)


def _within_days(within: int | _dt.timedelta | str, as_of: _dt.date) -> int:
    if isinstance(within, _dt.timedelta | int) and not isinstance(within, bool):
        days = within.days if isinstance(within, _dt.timedelta) else within
        if days < 0:
            raise QueryError(f"within: {within!r} is negative; give a duration of 0 days or more")
        return days
    match = _WITHIN.fullmatch(within) if isinstance(within, str) else None
    if match is None:
        raise QueryError(
            f"within: {within!r} is not a duration; write e.g. '90 days', '12w' or '3 months'"
        )
    n, unit = int(match[1]), match[2][0].lower()
    start = pendulum.date(as_of.year, as_of.month, as_of.day)
    stop = {"d": start.add(days=n), "w": start.add(weeks=n), "m": start.add(months=n)}.get(
        unit, start.add(years=n)
    )
    return (stop - start).days


def _period_key(event: Event, unit: str) -> str:
    point = event.when.earliest if event.when.earliest is not None else event.when.latest
    if point is None:
        return "undated"
    if unit == "year":
        return f"{point.year:04d}"
    if unit == "quarter":
        return f"{point.year:04d}-Q{(point.month + 2) // 3}"
    return f"{point.year:04d}-{point.month:02d}"


@attrs.frozen
class EventChange:
    """One event that differs between two timelines, field by field.

    ``fields`` maps a field name to its ``(before, after)`` values.

    >>> a = Event(title="x", when="2026-04")
    >>> EventChange("x", a, attrs.evolve(a, kind="forum"), {"kind": (None, "forum")}).fields
    {'kind': (None, 'forum')}
    """

    id: str
    before: Event
    after: Event
    fields: dict[str, tuple[Any, Any]]


@attrs.frozen
class TimelineDiff:
    """What changed between two timelines: added, removed and changed events.

    >>> old = Timeline([Event(title="x", when="2026-04")])
    >>> new = Timeline([Event(title="x", when="2026-05"), Event(title="y", when="2026")])
    >>> d = old.diff(new)
    >>> [e.id for e in d.added], [c.id for c in d.changed], d.changed[0].fields["when"][1]
    (['y'], ['x'], When.parse('May 2026'))
    """

    added: Timeline
    removed: Timeline
    changed: tuple[EventChange, ...]

    def __bool__(self) -> bool:
        return bool(len(self.added) or len(self.removed) or self.changed)


def _diff_fields() -> tuple[str, ...]:
    """Fields `Timeline.diff` compares: the current date and status, then every stored field.

    Read from the class, so fields added to `Event` later are compared too, and
    a change to the initial statement alone (``initial_when``) is never lost.
    """
    names = ["title", "when", "status"]
    names.extend(f.name for f in attrs.fields(Event) if f.name not in ("id", *names))
    return tuple(names)


_by_id = operator.attrgetter("id")


def _by_when(event: Event) -> tuple[float, float, bool, int, str, str]:
    return event.when.sort_key


def _checked_and_sorted(events: Iterable[Event]) -> tuple[list[Event], dict[str, Event]]:
    """The events in timeline order, and by id; raises on duplicate ids."""
    items = list(events)
    by_id: dict[str, Event] = {}
    for event in items:
        if not isinstance(event, Event):
            raise TypeError(f"Timeline holds Event objects, got {event!r}")
        other = by_id.get(event.id)
        if other is not None:
            raise DuplicateEventError(
                f"duplicate event id {event.id!r}: {other.title!r} ({other.when}) and "
                f"{event.title!r} ({event.when}); give one of them another id"
            )
        by_id[event.id] = event
    # Two stable sorts, by id and then by when, give the (when, id) order
    # without a key tuple per event: faster on large timelines.
    items.sort(key=_by_id)
    items.sort(key=_by_when)
    return items, by_id


class _InOrder(tuple["Event", ...]):
    """Events taken in order from one timeline (unique ids, sorted): `Timeline` trusts them."""

    __slots__ = ()


class Timeline:
    """An immutable, ordered collection of events; queries return new timelines.

    >>> tl = Timeline([
    ...     Event(title="DeepSeek V4 release", when="2026-04", actors=["DeepSeek"]),
    ...     Event(title="Guangzhou AI plan target", when="2030", actors=["Guangzhou"]),
    ... ])
    >>> [e.id for e in tl.filter(actor="deepseek")]
    ['deepseek-v4-release']
    >>> len(tl.overlapping("2026-04-10", "2026-04-20"))
    1
    """

    def __init__(
        self,
        events: Iterable[Event] = (),
        *,
        name: str | None = None,
        description: str | None = None,
    ) -> None:
        if type(events) is _InOrder:
            # A subset of another timeline: already checked, unique and in order.
            items: Iterable[Event] = events
            by_id = {e.id: e for e in events}
        else:
            items, by_id = _checked_and_sorted(events)
        self._events: tuple[Event, ...] = tuple(items)
        self._by_id = by_id
        self.name = name
        self.description = description

    def _new(self, events: Iterable[Event]) -> Timeline:
        return Timeline(events, name=self.name, description=self.description)

    def _subset(self, events: Iterable[Event]) -> Timeline:
        """A timeline of some of these events, given in timeline order: no re-sort."""
        return Timeline(_InOrder(events), name=self.name, description=self.description)

    # -- collection protocol ------------------------------------------------------

    @property
    def events(self) -> tuple[Event, ...]:
        """The events in timeline order.

        >>> Timeline([Event(title="b", when="2027"), Event(title="a", when="2026")]).events[0].id
        'a'
        """
        return self._events

    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self._events)

    @overload
    def __getitem__(self, key: str | int) -> Event: ...

    @overload
    def __getitem__(self, key: slice) -> Timeline: ...

    def __getitem__(self, key: str | int | slice) -> Event | Timeline:
        if isinstance(key, slice):
            if key.step is not None and key.step < 0:
                return self._new(self._events[key])  # reversed: put back in order
            return self._subset(self._events[key])
        if isinstance(key, int):
            return self._events[key]
        try:
            return self._by_id[key]
        except KeyError:
            raise KeyError(f"no event with id {key!r} in this timeline") from None

    def get(self, id: str, default: Event | None = None) -> Event | None:
        """The event with this id, or ``default``.

        >>> Timeline().get("nothing") is None
        True
        """
        return self._by_id.get(id, default)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Event):
            return self._by_id.get(item.id) == item
        return isinstance(item, str) and item in self._by_id

    def __add__(self, other: object) -> Timeline:
        if not isinstance(other, Timeline):
            return NotImplemented
        return self._new((*self._events, *other._events))

    def add(self, event: Event) -> Timeline:
        """A new timeline with ``event`` added (its id must be new).

        >>> len(Timeline().add(Event(title="x", when="2026")))
        1
        """
        return self._new((*self._events, event))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeline):
            return NotImplemented
        return (self._events, self.name, self.description) == (
            other._events,
            other.name,
            other.description,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        named = f", name={self.name!r}" if self.name else ""
        return f"<Timeline of {len(self)} events{named}>"

    def __str__(self) -> str:
        from timeline.display._table import cell_width

        rows = [(str(e.when), e.status.value, ", ".join(e.actors) or "-", e.title) for e in self]
        if not rows:
            return "(empty timeline)"
        # Padded in terminal columns: a Chinese actor name takes two per character.
        widths = [max(cell_width(row[i]) for row in rows) for i in range(3)]
        return "\n".join(
            "  ".join(
                cell + " " * (width - cell_width(cell))
                for cell, width in zip(row[:3], widths, strict=True)
            )
            + "  "
            + row[3]
            for row in rows
        )

    # -- filters ------------------------------------------------------------------

    def _predicate(
        self,
        status: Values,
        kind: Values,
        actor: Values,
        tag: Values,
        text: str | None,
        where: Callable[[Event], bool] | None,
    ) -> Callable[[Event], bool] | None:
        """One predicate for all given criteria; ``None`` when none are given."""
        checks: list[Callable[[Event], bool]] = []
        if (is_status := _matcher(status, "status")) is not None:
            checks.append(lambda e: is_status(e.status.value))
        if (is_kind := _matcher(kind, "kind")) is not None:
            checks.append(lambda e: is_kind(e.kind))
        if (is_actor := _matcher(actor, "actor")) is not None:
            checks.append(lambda e: any(is_actor(a) for a in e.actors))
        if (is_tag := _matcher(tag, "tag")) is not None:
            checks.append(lambda e: any(is_tag(t) for t in e.tags))
        if text is not None:
            needle = text.casefold()
            checks.append(lambda e: needle in _haystack(e))
        if where is not None:
            checks.append(where)
        if not checks:
            return None
        return lambda e: all(check(e) for check in checks)

    def filter(
        self,
        *,
        status: Values = None,
        kind: Values = None,
        actor: Values = None,
        tag: Values = None,
        text: str | None = None,
        where: Callable[[Event], bool] | None = None,
    ) -> Timeline:
        """Events matching every given criterion; a collection means any of its values.

        Matching is case-insensitive; ``text`` searches titles, descriptions,
        actors and source quotes; ``where`` is any predicate on an event.

        >>> tl = Timeline([Event(title="x", when="2026", status="happened")])
        >>> len(tl.filter(status=["expected", "confirmed"]))
        0
        """
        keep = self._predicate(status, kind, actor, tag, text, where)
        return self._subset(e for e in self if keep is None or keep(e))

    def exclude(
        self,
        *,
        status: Values = None,
        kind: Values = None,
        actor: Values = None,
        tag: Values = None,
        text: str | None = None,
        where: Callable[[Event], bool] | None = None,
    ) -> Timeline:
        """Events *not* matching the criteria `Timeline.filter` takes (all, given none).

        >>> tl = Timeline([Event(title="x", when="2026", status="happened")])
        >>> len(tl.exclude(status="happened"))
        0
        """
        drop = self._predicate(status, kind, actor, tag, text, where)
        # With no criteria nothing is excluded (not everything).
        return self._subset(e for e in self if drop is None or not drop(e))

    # -- windows --------------------------------------------------------------------

    @functools.cached_property
    def _spans(self) -> tuple[SpanIndex, array[int], array[int]]:
        """The window index, and each event's span as keys (``None`` as the int64 ends)."""
        # Keys per distinct object: large timelines share a few thousand `When`s
        # (by object, not value: hashing a When compares its bounds, slowly).
        memo: dict[int, tuple[int | None, int | None]] = {}

        def keys(w: When) -> tuple[int | None, int | None]:
            found = memo.get(id(w))
            if found is None:
                lo, hi = w.fuzzy_bounds()  # as `Event.fuzzy_window`
                found = memo[id(w)] = (
                    None if lo is None else _key(lo),
                    None if hi is None else _key(hi),
                )
            return found

        starts: list[int | None] = []
        stops: list[int | None] = []
        for event in self._events:  # the same span as `Event.fuzzy_window`
            lo_key, hi_key = keys(event.when)
            if event.end is not None:
                hi_key = keys(event.end)[1]
            starts.append(lo_key)
            stops.append(hi_key)
        index = SpanIndex.from_columns(starts, stops)
        lows = array("q", [_LOWEST if k is None else k for k in starts])
        highs = array("q", [_HIGHEST if k is None else k for k in stops])
        return index, lows, highs

    @property
    def _index(self) -> SpanIndex:
        return self._spans[0]

    def _window_positions(self, lo: _dt.date | None, hi: _dt.date | None) -> list[int]:
        """Positions that may meet ``[lo, hi]``, in timeline order (key space, two days wider)."""
        lo_key = None if lo is None else _key(lo) - _SLACK
        hi_key = None if hi is None else _key(hi) + _SLACK
        return sorted(self._index.candidates(lo_key, hi_key))

    def overlapping(self, start: WindowArg, end: WindowArg | None = None) -> Timeline:
        """Events that could fall in the window from ``start`` to ``end``.

        The window runs from the earliest day of ``start`` to the latest of
        ``end`` (or of ``start`` alone). An event counts when its span meets it.

        >>> tl = Timeline([Event(title="x", when="2026-Q2"), Event(title="y", when="2026-09")])
        >>> [e.id for e in tl.overlapping("2026-05")]
        ['x']
        """
        lo = _window(start, "start").earliest
        hi = _window(end if end is not None else start, "end").latest
        _, lows, highs = self._spans
        # Spans that meet the window with two days to spare surely meet it by
        # the exact rule too (see _SLACK); only those near its edges are checked.
        sure_lo = _LOWEST if lo is None else _key(lo) + _SLACK
        sure_hi = _HIGHEST if hi is None else _key(hi) - _SLACK
        events = self._events
        return self._subset(
            events[p]
            for p in self._window_positions(lo, hi)
            if (highs[p] >= sure_lo and lows[p] <= sure_hi)
            or _overlap(*events[p].fuzzy_window, lo, hi)
        )

    def included(self, start: WindowArg, end: WindowArg | None = None) -> Timeline:
        """Events certainly inside the window: their whole span lies within it.

        >>> tl = Timeline([Event(title="x", when="2026-Q2"), Event(title="y", when="2026-04")])
        >>> [e.id for e in tl.included("2026-04")]
        ['y']
        """
        lo = _window(start, "start").earliest
        hi = _window(end if end is not None else start, "end").latest

        def inside(event: Event) -> bool:
            e_lo, e_hi = event.fuzzy_window
            if lo is not None and (e_lo is None or _cmp(e_lo, lo) < 0):
                return False
            return hi is None or (e_hi is not None and _cmp(e_hi, hi) <= 0)

        _, lows, highs = self._spans
        sure_lo = _LOWEST if lo is None else _key(lo) + _SLACK
        sure_hi = _HIGHEST if hi is None else _key(hi) - _SLACK
        events = self._events
        return self._subset(
            events[p]
            for p in self._window_positions(lo, hi)
            if (lows[p] >= sure_lo and highs[p] <= sure_hi) or inside(events[p])
        )

    def on(self, day: WindowArg) -> Timeline:
        """Events that could fall on ``day`` (a day, or any `When`).

        >>> Timeline([Event(title="x", when="2026-04")]).on("2026-04-15").events[0].id
        'x'
        """
        return self.overlapping(day)

    def start_after(self, moment: WindowArg) -> Timeline:
        """Events that certainly start after ``moment`` ends.

        >>> tl = Timeline([Event(title="x", when="2026-04"), Event(title="y", when="2026-06")])
        >>> [e.id for e in tl.start_after("2026-05")]
        ['y']
        """
        return self._beyond(_window(moment, "moment").latest, side=0, sign=1)

    def before(self, moment: WindowArg) -> Timeline:
        """Events that certainly end before ``moment`` starts.

        >>> tl = Timeline([Event(title="x", when="2026-04"), Event(title="y", when="2026-06")])
        >>> [e.id for e in tl.before("2026-05")]
        ['x']
        """
        return self._beyond(_window(moment, "moment").earliest, side=1, sign=-1)

    def _beyond(self, limit: _dt.date | None, *, side: int, sign: int) -> Timeline:
        """Events whose possible start (side 0) or end (side 1) lies past ``limit``.

        ``sign`` 1 means after it, -1 before it; an unbounded side never counts.
        """
        if limit is None:
            return self._subset(())
        return self._subset(
            e
            for e in self
            if (point := e.fuzzy_window[side]) is not None and _cmp(point, limit) * sign > 0
        )

    # -- tracking ----------------------------------------------------------------------

    def upcoming(
        self, *, as_of: DayLike, within: int | _dt.timedelta | str = "90 days"
    ) -> Timeline:
        """Open events due in ``[as_of, as_of + within]``; deadlines count at their deadline.

        >>> tl = Timeline([Event(title="x", when="2026-04"), Event(title="y", when="by 2030")])
        >>> [e.id for e in tl.upcoming(as_of="2026-03-28")]
        ['x']
        """
        day = to_day(as_of, "as_of")
        days = _within_days(within, day)
        return self._subset(e for e in self if e.upcoming(day, days))

    def overdue(self, *, as_of: DayLike) -> Timeline:
        """Open events whose latest possible day is before ``as_of``.

        >>> [e.id for e in Timeline([Event(title="x", when="2026-04")]).overdue(as_of="2026-06-01")]
        ['x']
        """
        day = to_day(as_of, "as_of")
        return self._subset(e for e in self if e.overdue(day))

    def as_of(self, day: DayLike) -> Timeline:
        """The timeline as known on ``day``: announced events, with claims up to then.

        >>> from timeline import Source
        >>> e = Event(title="x", when="2026-04", sources=[Source("s", published="2026-03-28")])
        >>> len(Timeline([e]).as_of("2026-03-01")), len(Timeline([e]).as_of("2026-04-01"))
        (0, 1)
        """
        cutoff = to_day(day)
        known = (e.as_of(cutoff) for e in self)
        return self._new(e for e in known if e is not None)

    def slips(self) -> list[tuple[Event, Slip]]:
        """Every slip across the timeline, in the order they were stated.

        >>> e = Event(title="x", when="2026-04").revise(when="2026-05", stated="2026-04-20")
        >>> [(ev.id, str(s.after)) for ev, s in Timeline([e]).slips()]
        [('x', 'May 2026')]
        """
        found = [(event, slip) for event in self for slip in event.slips]
        found.sort(key=lambda pair: pair[1].claim.day.toordinal())
        return found

    def group_by(self, key: str | Callable[[Event], str]) -> dict[str, Timeline]:
        """Split into timelines keyed by period, actor, kind, status, tag or a function.

        ``key`` is ``"month"``, ``"quarter"``, ``"year"`` (by the event's sort
        position), ``"actor"``, ``"tag"`` (an event goes in each of its groups),
        ``"kind"``, ``"status"``, or a callable returning a string. Groups come
        in order of their first event.

        >>> tl = Timeline([Event(title="x", when="2026-04"), Event(title="y", when="2026-05")])
        >>> list(tl.group_by("quarter"))
        ['2026-Q2']
        """
        keys: Callable[[Event], Iterable[str]]
        if callable(key):
            keys = lambda e: (key(e),)  # noqa: E731
        elif key in ("month", "quarter", "year"):
            keys = lambda e: (_period_key(e, key),)  # noqa: E731
        elif key == "actor":
            keys = lambda e: e.actors or ("(no actor)",)  # noqa: E731
        elif key == "tag":
            keys = lambda e: e.tags or ("(no tag)",)  # noqa: E731
        elif key == "kind":
            keys = lambda e: (e.kind or "(no kind)",)  # noqa: E731
        elif key == "status":
            keys = lambda e: (e.status.value,)  # noqa: E731
        else:
            raise QueryError(
                f"group_by: {key!r} is not a grouping; use month, quarter, year, actor, "
                "tag, kind, status or a function"
            )
        groups: dict[str, list[Event]] = {}
        for event in self:
            for k in keys(event):
                groups.setdefault(k, []).append(event)
        return {k: self._subset(events) for k, events in groups.items()}

    def diff(self, other: Timeline) -> TimelineDiff:
        """Added, removed and changed events from this timeline to ``other``.

        A change lists each differing field as ``(before, after)``: the current
        ``when`` and ``status``, and every stored field by its attribute name
        (``initial_when``, ``claims``, ``tags`` ...).

        >>> Timeline().diff(Timeline([Event(title="x", when="2026")])).added.events[0].id
        'x'
        """
        added = [e for e in other if e.id not in self._by_id]
        removed = [e for e in self if e.id not in other._by_id]
        changed = []
        names = _diff_fields()
        for after in other:
            before = self._by_id.get(after.id)
            if before is None or before == after:
                continue
            fields = {
                name: (getattr(before, name), getattr(after, name))
                for name in names
                if getattr(before, name) != getattr(after, name)
            }
            changed.append(EventChange(after.id, before, after, fields))
        return TimelineDiff(self._subset(added), self._subset(removed), tuple(changed))

    # -- data files: thin methods over timeline._io_* (YAML, JSON, CSV, Parquet) -------

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, filters: Any = None) -> Timeline:
        """Read a data file, the format chosen by suffix (.yaml/.yml, .json, .csv, .parquet).

        Raises `DataFileError` listing every problem in the file, with its line
        (a ``related`` id that names no event in the file is one). A folder of
        Parquet files is read as one dataset; ``filters`` (Parquet only, e.g.
        ``timeline.columnar.window_filter("2026-04")``) is pushed down to the files.

        >>> import os, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = os.path.join(folder, "tracker.yaml")
        ...     Timeline([Event(title="DeepSeek V4 release", when="2026-04")]).save(path)
        ...     Timeline.load(path)["deepseek-v4-release"].when
        When.parse('April 2026')
        """
        from timeline.formats._io import load

        return load(path, filters=filters)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write a data file atomically, the format chosen by suffix (.yaml, .json, .csv, .parquet).

        The file loads again: ``related`` ids naming events not in this
        timeline (it was filtered from a larger one, say) are left out of it,
        with a `TimelineWarning` naming them.

        >>> import os, tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = os.path.join(folder, "tracker.csv")
        ...     Timeline([Event(title="x", when="2026")], name="Demo").save(path)
        ...     len(Timeline.load(path))
        1
        """
        from timeline.formats._io import save

        save(self, path)

    @classmethod
    def from_records(
        cls,
        rows: Iterable[Mapping[str, Any]],
        *,
        name: str | None = None,
        description: str | None = None,
    ) -> Timeline:
        """A timeline from plain dicts shaped like `Timeline.to_records` gives them.

        Raises `DataFileError` listing every problem (``records[3].when: ...``),
        as `load` does for a file: ``related`` ids must name events among the rows.

        >>> tl = Timeline.from_records([{"title": "DeepSeek V4 release", "when": "2026-04"}])
        >>> tl["deepseek-v4-release"].status
        Status.EXPECTED
        """
        from timeline.records._schema_read import records_to_timeline

        return records_to_timeline(rows, name=name, description=description)

    def to_records(self) -> list[dict[str, Any]]:
        """The events as plain dicts of text, lists and dicts, in timeline order.

        >>> Timeline([Event(title="x", when="2026-04")]).to_records()
        [{'id': 'x', 'title': 'x', 'when': 'April 2026', 'status': 'expected'}]
        """
        from timeline.records._schema import event_to_record

        return [event_to_record(event) for event in self._events]

    # -- columnar: thin methods over timeline.columnar (Arrow) ------------------------

    def to_arrow(self) -> pa.Table:
        """The timeline as an Arrow table, one row per event (needs pyarrow).

        Typed query columns (``could_start``/``could_end`` ...) sit beside the
        record columns; see `timeline.columnar.SCHEMA`.

        >>> Timeline([Event(title="x", when="2026-04")]).to_arrow().column("could_end")[0]
        <pyarrow.Date32Scalar: datetime.date(2026, 4, 30)>
        """
        from timeline.columnar._table import to_arrow

        return to_arrow(self)

    @classmethod
    def from_arrow(
        cls, table: pa.Table, *, name: str | None = None, description: str | None = None
    ) -> Timeline:
        """The timeline an Arrow table holds: `to_arrow`'s inverse (or any title/when table).

        >>> tl = Timeline([Event(title="x", when="2026-04")], name="Demo")
        >>> Timeline.from_arrow(tl.to_arrow()) == tl
        True
        """
        from timeline.columnar._read import from_arrow

        return from_arrow(table, name=name, description=description)

    # -- iCalendar: thin methods over timeline.ics._feed ------------------------------------

    def to_ics(
        self,
        *,
        name: str | None = None,
        description: str | None = None,
        domain: str = "timeline.invalid",
        policy: Literal["auto", "window", "start", "end"] = "auto",
        include_cancelled: bool = False,
        refresh: str | _dt.timedelta | None = "PT12H",
    ) -> str:
        """The timeline as an iCalendar feed (RFC 5545 text, CRLF line ends).

        ``name`` and ``description`` default to the timeline's own. Each event
        gets the UID ``{id}@{domain}`` (use a domain you control), so a
        subscribed calendar updates it in place. ``policy`` places imprecise
        dates: ``"auto"`` shows windows up to 92 days whole (all-day, from the
        first to the last possible day) and puts a one-day marker on the last
        possible day of longer spans and deadlines; ``"window"``, ``"start"``
        and ``"end"`` force one placement. Cancelled events are left out unless
        ``include_cancelled``. ``refresh`` is how often clients should reload
        (an ISO 8601 duration or timedelta; ``None`` to leave it unsaid).

        >>> tl = Timeline([Event(title="DeepSeek V4 release", when="2026-04")])
        >>> feed = tl.to_ics(name="AI race 2026", domain="example.org")
        >>> [line for line in feed.splitlines() if line.startswith(("UID", "DTEND"))]
        ['UID:deepseek-v4-release@example.org', 'DTEND;VALUE=DATE:20260501']
        """
        from timeline.ics._feed import to_ics

        return to_ics(
            self,
            name=name,
            description=description,
            domain=domain,
            policy=policy,
            include_cancelled=include_cancelled,
            refresh=refresh,
        )

    def write_ics(
        self,
        path: str | os.PathLike[str],
        *,
        name: str | None = None,
        description: str | None = None,
        domain: str = "timeline.invalid",
        policy: Literal["auto", "window", "start", "end"] = "auto",
        include_cancelled: bool = False,
        refresh: str | _dt.timedelta | None = "PT12H",
    ) -> None:
        """Write `Timeline.to_ics` to ``path`` atomically; a failure leaves the old feed intact.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "ai.ics"
        >>> Timeline([Event(title="x", when="2026")]).write_ics(path, name="AI")
        >>> path.read_bytes().endswith(b"END:VCALENDAR\\r\\n")
        True
        """
        from timeline.ics._feed import write_ics

        write_ics(
            self,
            path,
            name=name,
            description=description,
            domain=domain,
            policy=policy,
            include_cancelled=include_cancelled,
            refresh=refresh,
        )

    @classmethod
    def from_ics(cls, source: str | bytes | os.PathLike[str]) -> Timeline:
        """Read a feed: iCalendar text or bytes, or the path of an ``.ics`` file.

        Our own feeds come back exactly (``Timeline.from_ics(tl.to_ics()) == tl``
        for timelines without cancelled or undated events). Other feeds are read
        best-effort (README, "Calendar feeds"); what cannot be carried over is
        named in a `TimelineWarning`, and a file that is not iCalendar raises
        `IcsParseError` with the line number.

        >>> tl = Timeline([Event(title="x", when="2026-04")], name="AI")
        >>> Timeline.from_ics(tl.to_ics()) == tl
        True
        """
        from timeline.ics._feed import from_ics

        return from_ics(source)

    # -- figures: thin methods over timeline.figures._target -----------------------------------

    def targets(self) -> Timeline:
        """The events that carry a target, as a timeline (so queries chain).

        >>> from timeline import Target
        >>> goal = Target("AI-plus enterprises", "10,000 enterprises", "2030")
        >>> tl = Timeline([Event(title="plan", when="2026", target=goal),
        ...                Event(title="launch", when="2026-04")])
        >>> [e.id for e in tl.targets()]
        ['plan']
        """
        return self._new(e for e in self._events if e.target is not None)

    def observations(self, metric: str) -> list[Observation]:
        """The series of figures for ``metric`` across the timeline, in time order.

        An event contributes when ``metric`` is its target's metric or its title
        (both case-insensitive) or its id; a target's baseline counts as a figure.

        >>> from timeline import Observation
        >>> tl = Timeline([Event(title="Daily token calls", when="2025-03",
        ...     observations=[Observation("2025-03", "over 140 trillion tokens per day"),
        ...                   Observation("2024-01-01", "1 trillion tokens per day")])])
        >>> [str(o.value) for o in tl.observations("daily token calls")]
        ['1 trillion tokens per day', 'over 140 trillion tokens per day']
        """
        from timeline.model._figures import series

        return series(self._events, metric)

    # -- notebook: thin methods over timeline.display._notebook (pandas, matplotlib, HTML) ----

    def _repr_html_(self) -> str:
        """The timeline as a styled table in a notebook (long ones show first and last rows).

        >>> "<table" in Timeline([Event(title="x", when="2026")])._repr_html_()
        True
        """
        from timeline.display._html import timeline_html

        return timeline_html(self)

    def to_pandas(self) -> pd.DataFrame:
        """One tidy row per event with datetime and categorical columns (needs pandas).

        >>> Timeline([Event(title="x", when="2026-04")]).to_pandas().loc[0, "precision"]
        'month'
        """
        from timeline.display._notebook import to_pandas

        return to_pandas(self)

    @classmethod
    def from_pandas(
        cls, frame: pd.DataFrame, *, name: str | None = None, description: str | None = None
    ) -> Timeline:
        """The timeline a `to_pandas` frame (or any frame with title and when) describes.

        >>> tl = Timeline([Event(title="x", when="2026-04")])
        >>> Timeline.from_pandas(tl.to_pandas()) == tl
        True
        """
        from timeline.display._notebook import from_pandas

        return from_pandas(frame, name=name, description=description)

    def plot(
        self,
        *,
        by: str = "actor",
        as_of: DayLike | None = None,
        ax: Axes | None = None,
        title: str | None = None,
        between: tuple[WindowArg, WindowArg] | None = None,
    ) -> Axes:
        """Draw the timeline, one lane per actor, kind or status; returns the Axes.

        Exact days are markers, windows bars fading where approximate, deadlines
        bars ending at the deadline; ``as_of`` shows what was known that day;
        ``between=("2026-01", "2026-06")`` zooms to a window. Events whose date
        has no bound at all cannot be placed: a `TimelineWarning` names them.

        >>> ax = Timeline([Event(title="x", when="2026-04", actors=["A"])]).plot()
        >>> [t.get_text() for t in ax.get_yticklabels()]
        ['A']
        """
        from timeline.display._plot import plot

        return plot(self, by=by, as_of=as_of, ax=ax, title=title, between=between)

    def save_plot(
        self,
        path: str | os.PathLike[str],
        *,
        by: str = "actor",
        as_of: DayLike | None = None,
        title: str | None = None,
        between: tuple[WindowArg, WindowArg] | None = None,
        dpi: int = 150,
    ) -> Path:
        """Write the picture to a ``.png`` or ``.svg`` file, atomically.

        >>> import tempfile, pathlib
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "tl.svg"
        >>> Timeline([Event(title="x", when="2026-04")]).save_plot(out).name
        'tl.svg'
        """
        from timeline.display._plot import save_plot

        return save_plot(self, path, by=by, as_of=as_of, title=title, between=between, dpi=dpi)

    def to_html(
        self,
        path: str | os.PathLike[str],
        *,
        by: str = "actor",
        as_of: DayLike | None = None,
        title: str | None = None,
    ) -> Path:
        """Write one self-contained HTML page: the picture, the table, actor and status filters.

        The page needs no network and no server; filters also read the URL
        hash (``page.html#actor=Tencent&status=expected``). Events the picture
        cannot place (no bounded date) are named under it, and in a `TimelineWarning`.

        >>> import tempfile, pathlib
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "tl.html"
        >>> Timeline([Event(title="x", when="2026-04")]).to_html(out).suffix
        '.html'
        """
        from timeline.display._page import write_page

        return write_page(self, path, by=by, as_of=as_of, title=title)


def _haystack(event: Event) -> str:
    parts = [event.title, event.description or "", *event.actors]
    parts.extend(s.quote or "" for s in event.sources)
    return "\n".join(parts).casefold()
