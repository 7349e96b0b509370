"""`Timeline`: an immutable, ordered collection of events and the queries on it.

Events are kept in the total order of their current `When` (DESIGN §2), then
by id, so output is deterministic. Every query returns a new `Timeline`, so
queries chain (``tl.filter(actor="Tencent").upcoming(as_of="2026-03-28")``)
and show well in a notebook.

Window queries (`Timeline.overlapping`, `Timeline.included`, `Timeline.on`)
use a span index built on first use, not a scan (`timeline.model._windows`).
A timeline loaded from a table may hold its checked rows instead of events
(`timeline.model._deferred`): it makes events when first used, and a window
query makes only those near the window.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, overload

from timeline._errors import QueryError, quoted
from timeline.model import (
    _adapters,
    _changes,
    _checks,
    _figures,
    _filters,
    _known,
    _track_record,
    _windows,
)
from timeline.model._changes import EventChange, TimelineDiff
from timeline.model._deferred import Deferred
from timeline.model._event import Event
from timeline.model._fiscal_table import fiscal_table
from timeline.model._order import DuplicateEventError, _checked_and_sorted, _InOrder
from timeline.model._text import name_key, timeline_text

# Re-exported: the adapters, display and columnar layers import them from here.
from timeline.model._windows import WindowArg as WindowArg
from timeline.model._windows import _window as _window

if TYPE_CHECKING:
    import os
    from typing import Literal

    from timeline.ics._report import ImportReport

__all__ = ["DuplicateEventError", "EventChange", "Timeline", "TimelineDiff"]


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def _joined_fiscal_years(a: Mapping[str, int], b: Mapping[str, int]) -> Mapping[str, int]:
    """Both timelines' fiscal years (`Timeline.__add__`): an actor's start as first written;
    two different starts for one actor are a `QueryError` naming both."""
    if not b:
        return a
    joined = dict(a)
    keys = {name_key(actor): actor for actor in a}
    for actor, month in b.items():
        known = keys.setdefault(name_key(actor), actor)
        if known not in joined:
            joined[known] = month
        elif joined[known] != month:
            raise QueryError(
                f"fiscal_years: {quoted(actor)} starts its fiscal year in "
                f"{_MONTHS[joined[known] - 1]} on the left and {_MONTHS[month - 1]} on the right; "
                "give it one start (Timeline(..., fiscal_years=...)) before joining"
            )
    return joined


_event_id = operator.attrgetter("id")


def _restored(
    events: Iterable[Event],
    name: str | None,
    description: str | None,
    fiscal_years: Mapping[str, int],
) -> Timeline:
    """A pickled timeline again (`Timeline.__reduce__`)."""
    return Timeline(events, name=name, description=description, fiscal_years=fiscal_years)


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
        fiscal_years: Mapping[str, int | str] | None = None,
    ) -> None:
        self._deferred: Deferred | None = None
        if isinstance(events, Deferred):
            # Rows checked whole, in order: events are made when first used (`_events`).
            self._deferred = events
        elif type(events) is _InOrder:
            # A subset of another timeline: already checked, unique and in order.
            self.__dict__["_events"] = tuple(events)
        else:
            self.__dict__["_events"] = tuple(_checked_and_sorted(events))
        # As in Event: blank text is none (a file leaves it out), and text no file can
        # hold (a lone surrogate) is refused.
        # Text or none: a name that is not text would fail on save, or come back changed.
        name = timeline_text(name, "name")
        description = timeline_text(description, "description")
        self.name = name
        self.description = description
        self.fiscal_years: Mapping[str, int] = fiscal_table(fiscal_years)

    @functools.cached_property
    def _events(self) -> tuple[Event, ...]:
        """The events in timeline order; a deferred timeline makes them here, once."""
        deferred = self._deferred
        assert deferred is not None  # set in __init__ otherwise
        events = tuple(deferred.events())
        self._deferred = None  # its rows are no longer needed
        return events

    def _near(
        self, start: WindowArg, end: WindowArg | None, query: str, name: str = "start"
    ) -> Timeline | None:
        """For a deferred timeline whose events are not made yet: a timeline of the events
        near the window (a superset of what any window query there keeps), made alone.
        ``None`` otherwise."""
        deferred = self._deferred
        if deferred is None:
            return None
        lo, hi = _windows.window_keys(start, end, query, name)
        return self._subset(deferred.events(deferred.near(lo, hi)))

    @functools.cached_property
    def _by_id(self) -> dict[str, Event]:
        """The events by id, built on the first lookup (most subsets are never looked into)."""
        events = self._events
        return dict(zip(map(_event_id, events), events, strict=True))

    def _new(self, events: Iterable[Event]) -> Timeline:
        return Timeline(
            events, name=self.name, description=self.description, fiscal_years=self.fiscal_years
        )

    def _subset(self, events: Iterable[Event]) -> Timeline:
        """A timeline of some of these events, given in timeline order: no re-sort."""
        return Timeline(
            _InOrder(events),
            name=self.name,
            description=self.description,
            fiscal_years=self.fiscal_years,
        )

    def fiscal_year_start(self, actor: str | None) -> int | None:
        """The month ``actor``'s fiscal year starts (from `fiscal_years`), or ``None``.

        Actors match case-insensitively.

        >>> Timeline(fiscal_years={"Microsoft": "July"}).fiscal_year_start("microsoft")
        7
        """
        if actor is None:
            return None
        for name, month in self.fiscal_years.items():
            if name_key(name) == name_key(actor):
                return month
        return None

    # -- collection protocol ------------------------------------------------------

    @property
    def events(self) -> tuple[Event, ...]:
        """The events in timeline order.

        >>> Timeline([Event(title="b", when="2027"), Event(title="a", when="2026")]).events[0].id
        'a'
        """
        return self._events

    def __len__(self) -> int:
        deferred = self._deferred
        return len(self._events) if deferred is None else len(deferred)

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
            raise KeyError(f"no event with id {quoted(key)} in this timeline") from None

    def get(self, id: str, default: Event | None = None) -> Event | None:
        """The event with this id, or ``default``.

        >>> Timeline().get("nothing") is None
        True
        """
        try:
            return self._by_id.get(id, default)
        except TypeError:  # unhashable: no id is a list or a dict
            raise TypeError(f"get: an event id is text, got {quoted(id)}") from None

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Event):
            return self._by_id.get(item.id) == item
        return isinstance(item, str) and item in self._by_id

    def __add__(self, other: object) -> Timeline:
        if not isinstance(other, Timeline):
            return NotImplemented
        # The left side's name and description; both sides' fiscal years.
        fiscal = _joined_fiscal_years(self.fiscal_years, other.fiscal_years)
        return Timeline(
            (*self._events, *other._events),
            name=self.name,
            description=self.description,
            fiscal_years=fiscal,
        )

    def add(self, event: Event) -> Timeline:
        """A new timeline with ``event`` added (its id must be new).

        >>> len(Timeline().add(Event(title="x", when="2026")))
        1
        """
        return self._new((*self._events, event))

    def replace(self, event: Event) -> Timeline:
        """A new timeline with the event of the same id swapped for ``event`` (a new version).

        Raises `KeyError` naming the id when no event has it (use `Timeline.add`).

        >>> tl = Timeline([Event(title="x", when="2026-04")])
        >>> str(tl.replace(tl["x"].revise(when="2026-06", stated="2026-04-20"))["x"].when)
        'June 2026'
        """
        if not isinstance(event, Event):
            raise TypeError(f"Timeline.replace takes an Event, got {quoted(event)}")
        if event.id not in self._by_id:
            raise KeyError(
                f"no event with id {quoted(event.id)} in this timeline to replace; "
                "use add() for a new one"
            )
        return self._new(event if e.id == event.id else e for e in self._events)

    def remove(self, id: str | Event) -> Timeline:
        """A new timeline without the event with this id (or this event's id).

        Raises `KeyError` naming the id when no event has it.

        >>> tl = Timeline([Event(title="x", when="2026"), Event(title="y", when="2027")])
        >>> [e.id for e in tl.remove("x")]
        ['y']
        """
        key = id.id if isinstance(id, Event) else id
        if not isinstance(key, str):
            raise TypeError(f"remove: an event id is text (or give the Event), got {quoted(key)}")
        if key not in self._by_id:
            raise KeyError(f"no event with id {quoted(key)} in this timeline to remove")
        return self._subset(e for e in self._events if e.id != key)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeline):
            return NotImplemented
        return (self._events, self.name, self.description, dict(self.fiscal_years)) == (
            other._events,
            other.name,
            other.description,
            dict(other.fiscal_years),
        )

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Callable[..., Timeline], tuple[object, ...]]:
        """Pickled as its events (or its rows, while their events are not made), name,
        description and fiscal years: for multiprocessing, joblib, a Spark broadcast.

        >>> import pickle
        >>> tl = Timeline([Event(title="x", when="2026")], fiscal_years={"Microsoft": 7})
        >>> pickle.loads(pickle.dumps(tl)) == tl
        True
        """
        rows = self._deferred
        source = rows if rows is not None else _InOrder(self._events)
        return (_restored, (source, self.name, self.description, dict(self.fiscal_years)))

    def __repr__(self) -> str:
        named = f", name={quoted(self.name)}" if self.name else ""
        return f"<Timeline of {len(self)} events{named}>"

    # -- filters (timeline.model._filters) ------------------------------------------

    filter = _filters.filter_events
    exclude = _filters.exclude

    # -- windows --------------------------------------------------------------------

    @functools.cached_property
    def _runs(self) -> _windows._Runs:
        """The window index over runs of events that share a span (see `_Runs`)."""
        return _windows.runs(self._events)

    def overlapping(self, start: WindowArg, end: WindowArg | None = None) -> Timeline:
        """Events that could fall in the window from ``start`` to ``end``.

        The window runs from the start of ``start`` to the end of ``end`` (or
        of ``start`` alone), each read at its widest as `When.overlaps` reads
        it: with one argument this is ``[e for e in tl if e.when.overlaps(start)]``
        (an event with an ``end`` spans both). A date or a one-argument window that
        is an EDTF set is read as its members: "April or June 2026" is not found on
        10 May. Two arguments span from the one to the other, as an interval does.
        A bound with no date on the side the window uses (undated, "TBD"; an
        interval's unknown end) and a window that ends before it starts are a
        `QueryError` naming the fix; an open end (``"2026/.."`` as ``end``,
        ``"../2026"`` as ``start``) is a bound.

        >>> tl = Timeline([Event(title="x", when="2026-Q2"), Event(title="y", when="2026-09")])
        >>> [e.id for e in tl.overlapping("2026-05")]
        ['x']
        """
        near = self._near(start, end, "overlapping")
        if near is not None:
            return near.overlapping(start, end)
        return self._subset(_windows.overlapping(self, start, end))

    def included(self, start: WindowArg, end: WindowArg | None = None) -> Timeline:
        """Events certainly inside the window: their whole span, at its widest, lies within it.

        The window keeps its plain bounds (as `When.contains` reads a container):
        with one argument this is ``[e for e in tl if start.contains(e.when)]``, so
        a window that is an EDTF set holds what each member holds (one of) or what
        one of them holds (all of), and a set date is inside if every member is.
        Bounds are checked as `Timeline.overlapping` checks them.

        >>> tl = Timeline([Event(title="x", when="2026-Q2"), Event(title="y", when="2026-04")])
        >>> [e.id for e in tl.included("2026-04")]
        ['y']
        """
        near = self._near(start, end, "included")
        if near is not None:
            return near.included(start, end)
        return self._subset(_windows.included(self, start, end))

    def on(self, day: WindowArg) -> Timeline:
        """Events that could fall on ``day`` (a day, or any dated `When`: "TBD" is refused).

        >>> Timeline([Event(title="x", when="2026-04")]).on("2026-04-15").events[0].id
        'x'
        """
        near = self._near(day, None, "on", "day")
        if near is not None:
            return near.on(day)
        return self._subset(_windows.overlapping(self, day, None, "on", "day"))

    def start_after(self, moment: WindowArg) -> Timeline:
        """Events that certainly start after ``moment`` ends (`When.definitely_before`).

        A ``moment`` with no end ("TBD", ``2026/``) is a `QueryError`; an open one
        ("after 2026") has nothing after it.

        >>> tl = Timeline([Event(title="x", when="2026-04"), Event(title="y", when="2026-06")])
        >>> [e.id for e in tl.start_after("2026-05")]
        ['y']
        """
        return self._subset(_windows.start_after(self, moment))

    def before(self, moment: WindowArg) -> Timeline:
        """Events that certainly end before ``moment`` starts (`When.definitely_before`).

        A ``moment`` with no start ("TBD", ``/2026``) is a `QueryError`; an open one
        ("by 2026") has nothing before it.

        >>> tl = Timeline([Event(title="x", when="2026-04"), Event(title="y", when="2026-06")])
        >>> [e.id for e in tl.before("2026-05")]
        ['x']
        """
        return self._subset(_windows.before(self, moment))

    # -- tracking, as known on a day (timeline.model._known) --------------------------

    upcoming = _known.upcoming
    overdue = _known.overdue
    as_of = _known.as_of

    # -- changes over time (timeline.model._changes) and figures (timeline.model._figures) --

    slips = _changes.slips
    group_by = _changes.group_by
    diff = _changes.diff
    track_record = _track_record.track_record

    targets = _figures.targets
    observations = _figures.observations

    check = _checks.check

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
