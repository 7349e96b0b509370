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
import re
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import TYPE_CHECKING, TypeAlias, overload

import pendulum

from timeline._errors import QueryError, TimelineError
from timeline.dates._bounds import _cmp, _key, _overlap
from timeline.dates._days import DayLike, to_day
from timeline.dates._when import When, _coerce
from timeline.model import _adapters, _changes, _figures, _track_record
from timeline.model._changes import EventChange, TimelineDiff
from timeline.model._claim import Status
from timeline.model._event import Event
from timeline.model._index import SpanIndex

if TYPE_CHECKING:
    import os
    from typing import Literal

    from timeline.ics._report import ImportReport

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
        # Keys per distinct value: large timelines share a few thousand `When`s.
        # By object, not value: hashing a When compares its bounds, slowly.
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

    # -- changes over time (timeline.model._changes) and figures (timeline.model._figures) --

    slips = _changes.slips
    group_by = _changes.group_by
    diff = _changes.diff
    track_record = _track_record.track_record

    targets = _figures.targets
    observations = _figures.observations

    # -- convenience methods over the adapter layers (timeline.model._adapters) ------

    __str__ = _adapters.timeline_str
    load = classmethod(_adapters.load)
    save = _adapters.save
    from_records = classmethod(_adapters.from_records)
    to_records = _adapters.to_records
    to_arrow = _adapters.to_arrow
    from_arrow = classmethod(_adapters.from_arrow)
    to_ics = _adapters.to_ics
    write_ics = _adapters.write_ics
    if TYPE_CHECKING:  # mypy keeps only the first overload of classmethod(f): spell them out

        @overload
        @classmethod
        def from_ics(
            cls, source: str | bytes | os.PathLike[str], *, report: Literal[False] = False
        ) -> Timeline: ...

        @overload
        @classmethod
        def from_ics(
            cls, source: str | bytes | os.PathLike[str], *, report: Literal[True]
        ) -> tuple[Timeline, ImportReport]: ...

        @classmethod
        def from_ics(
            cls, source: str | bytes | os.PathLike[str], *, report: bool = False
        ) -> Timeline | tuple[Timeline, ImportReport]: ...
    else:
        from_ics = classmethod(_adapters.from_ics)
    _repr_html_ = _adapters._repr_html_
    to_pandas = _adapters.to_pandas
    from_pandas = classmethod(_adapters.from_pandas)
    plot = _adapters.plot
    save_plot = _adapters.save_plot
    plot_trend = _adapters.plot_trend
    to_html = _adapters.to_html


def _haystack(event: Event) -> str:
    parts = [event.title, event.description or "", *event.actors]
    parts.extend(s.quote or "" for s in event.sources)
    return "\n".join(parts).casefold()
