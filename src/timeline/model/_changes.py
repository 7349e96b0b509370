"""Changes over time in a timeline: slips, grouping by period, diffs of snapshots.

`Timeline.slips`, `Timeline.group_by` and `Timeline.diff` are these functions;
`TimelineDiff` and `EventChange` are what a diff returns.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs

from timeline._errors import QueryError, quoted
from timeline.dates._when import When
from timeline.model._claim import Slip
from timeline.model._event import Event
from timeline.model._event_fields import stated_order
from timeline.model._text import name_key

if TYPE_CHECKING:
    from timeline.model._timeline import Timeline

__all__ = ["EventChange", "TimelineDiff"]


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

    ``fields`` maps a field name to its ``(before, after)`` values. A field whose
    two values mean the same but are written differently (an instant restated at
    another offset, a figure in another unit) is listed, and named in `respelled`.

    >>> a = Event(title="x", when="2026-04")
    >>> EventChange("x", a, attrs.evolve(a, kind="forum"), {"kind": (None, "forum")}).fields
    {'kind': (None, 'forum')}
    """

    id: str
    before: Event
    after: Event
    fields: dict[str, tuple[Any, Any]]

    @property
    def respelled(self) -> tuple[str, ...]:
        """The changed fields whose values are equal, only written differently.

        "2026-04-01T10:00+02:00" restated as "2026-04-01T08:00Z" is the same moment
        (`When` compares instants in UTC), but the text published changed.

        >>> was = Timeline([Event(title="x", when="2026-04-01T10:00+02:00")])
        >>> now = Timeline([Event(title="x", when="2026-04-01T08:00Z")])
        >>> was.diff(now).changed[0].respelled
        ('when', 'initial_when')
        """
        return tuple(name for name, (was, now) in self.fields.items() if was == now)


@attrs.frozen
class TimelineDiff:
    """What changed between two timelines: added, removed, changed and renamed events.

    ``renamed`` holds each event whose id alone changed, as an `EventChange` of its
    new id whose ``fields`` are ``{"id": (old, new)}``; such an event is neither
    added nor removed (see `Timeline.diff` for when a new id counts as a rename).

    >>> old = Timeline([Event(title="x", when="2026-04")])
    >>> new = Timeline([Event(title="x", when="2026-05"), Event(title="y", when="2026")])
    >>> d = old.diff(new)
    >>> [e.id for e in d.added], [c.id for c in d.changed], d.changed[0].fields["when"][1]
    (['y'], ['x'], When.parse('May 2026'))
    """

    added: Timeline
    removed: Timeline
    changed: tuple[EventChange, ...]
    renamed: tuple[EventChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(len(self.added) or len(self.removed) or self.changed or self.renamed)


_STORED = attrs.fields(Event)


def _diff_fields() -> tuple[str, ...]:
    """Fields `Timeline.diff` compares: the current date and status, then every stored field.

    Read from the class, so fields added to `Event` later are compared too, and
    a change to the initial statement alone (``initial_when``) is never lost.
    """
    names = ["title", "when", "status"]
    names.extend(f.name for f in attrs.fields(Event) if f.name not in ("id", *names))
    return tuple(names)


def slips(tl: Timeline) -> list[tuple[Event, Slip]]:
    """Every slip across the timeline, in the order they were stated.

    >>> e = Event(title="x", when="2026-04").revise(when="2026-05", stated="2026-04-20")
    >>> [(ev.id, str(s.after)) for ev, s in Timeline([e]).slips()]
    [('x', 'May 2026')]
    """
    found = [(event, slip) for event in tl for slip in event.slips]
    return stated_order(found, lambda pair: pair[1].claim)


def group_by(tl: Timeline, key: str | Callable[[Event], str]) -> dict[str, Timeline]:
    """Split into timelines keyed by period, actor, kind, status, tag or a function.

    ``key`` is ``"month"``, ``"quarter"``, ``"year"`` (by the event's sort
    position), ``"actor"``, ``"tag"`` (an event goes in each of its groups),
    ``"kind"``, ``"status"``, or a callable returning a string. Groups come
    in order of their first event. Names (actor, tag, kind) that differ only in
    case are one group, as `filter` matches them: "DeepSeek" and "deepseek" are
    one group, shown with the spelling met first (an event holding both is in it
    once); a function's groups are kept as it names them.

    >>> tl = Timeline([Event(title="x", when="2026-04"), Event(title="y", when="2026-05")])
    >>> list(tl.group_by("quarter"))
    ['2026-Q2']
    >>> tl = Timeline([Event(title="x", when="2026", actors=["DeepSeek"]),
    ...                Event(title="y", when="2027", actors=["deepseek"])])
    >>> {k: len(v) for k, v in tl.group_by("actor").items()}
    {'DeepSeek': 2}
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
            f"group_by: {quoted(key)} is not a grouping; use month, quarter, year, actor, "
            "tag, kind, status or a function"
        )
    folded = key in ("actor", "tag", "kind")
    shown: dict[str, str] = {}  # a name case-folded -> its spelling met first
    groups: dict[str, list[Event]] = {}
    for event in tl:
        for k in keys(event):
            if folded:
                k = shown.setdefault(name_key(k), k)
            members = groups.setdefault(k, [])
            if not members or members[-1] is not event:  # "DeepSeek" and "deepseek" on one
                members.append(event)
    return {k: tl._subset(events) for k, events in groups.items()}


def _written(value: object) -> object:
    """What is written of ``value``: equal for two values only when they are spelled alike.

    Equality reads meaning: an instant is equal to the same moment at another offset
    (`When` compares instants in UTC), a figure to the same amount in another unit or
    words ("1.5 GW", "1500 MW"; "over 5", "more than 5"). `Timeline.diff` compares
    snapshots of what a user published, so it also compares this: the offset and zone
    of a time, the digits of a number, every field of a record (`When` and `Quantity`
    included), read from the class so fields added later count too.
    """
    if value is None or isinstance(value, (str, int, float, enum.Enum)):
        return value
    if isinstance(value, _dt.datetime):
        # the wall clock and the zone as given, not the moment
        return (value.isoformat(), str(value.tzinfo))
    if isinstance(value, (_dt.date, _dt.time, _dt.timedelta)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (tuple, list)):
        return tuple(_written(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _written(v)) for k, v in value.items())
    if attrs.has(type(value)):
        fields = attrs.fields(cast(Any, type(value)))
        return (type(value).__name__, *(_written(getattr(value, f.name)) for f in fields))
    return value


def _same(a: object, b: object) -> bool:
    """Equal, and written alike (`_written`)."""
    return a == b and _alike(a, b)


def _alike(a: object, b: object) -> bool:
    """``_written(a) == _written(b)`` for two equal values, without building either: most
    parts of two snapshots are the same objects or plain values, cut short here."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is str or isinstance(a, (int, float, enum.Enum)):
        return bool(a == b)
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(map(_alike, a, b))
    names = _WRITTEN_FIELDS.get(kind)
    if names is None:
        if not attrs.has(kind):
            return _written(a) == _written(b)
        names = _WRITTEN_FIELDS[kind] = tuple(f.name for f in attrs.fields(cast(Any, kind)))
    for name in names:
        x, y = getattr(a, name), getattr(b, name)
        if x is not y and not _alike(x, y):
            return False
    return True


# The fields of a record that can be written differently while equal: every field (read
# from the class), but for `When` only its bounds (an instant's offset) and interval ends,
# as its equality compares the rest as written.
_WRITTEN_FIELDS: dict[type, tuple[str, ...]] = {When: ("start", "end", "lower", "upper")}


def _content(event: Event) -> tuple[Any, ...]:
    """Every stored field of ``event`` but its id, as written (`_written`)."""
    return tuple(_written(getattr(event, f.name)) for f in _STORED if f.name != "id")


def _renames(removed: list[Event], added: list[Event]) -> list[tuple[Event, Event]]:
    """Pairs (removed, added) alike in every field but the id (`_written`), each the only
    one of its content on both sides: where two removed (or two added) events are alike,
    which one was renamed would be a guess, so they stay removed and added."""
    sides: dict[tuple[Any, ...], tuple[list[Event], list[Event]]] = {}
    for event in removed:
        sides.setdefault(_content(event), ([], []))[0].append(event)
    for event in added:
        sides.setdefault(_content(event), ([], []))[1].append(event)
    return [(b[0], a[0]) for b, a in sides.values() if len(b) == 1 and len(a) == 1]


def diff(tl: Timeline, other: Timeline) -> TimelineDiff:
    """Added, removed, changed and renamed events from this timeline to ``other``.

    A change lists each differing field as ``(before, after)``: the current
    ``when`` and ``status``, and every stored field by its attribute name
    (``initial_when``, ``claims``, ``tags`` ...). A value written differently
    is a change even where it means the same (an instant restated at another
    offset, a figure in another unit: `EventChange.respelled` names those
    fields), as a snapshot is what a user published. An event whose id is gone and
    one with a new id are a rename when every other field is equal and written
    alike, and no other gone or new event is alike; anything less (a new id and a
    new date or a respelled one, two alike) stays removed and added, as it cannot
    be told from two different events.

    >>> Timeline().diff(Timeline([Event(title="x", when="2026")])).added.events[0].id
    'x'
    >>> was = Event(title="x", when="2026", id="old")
    >>> [c.fields for c in Timeline([was]).diff(Timeline([attrs.evolve(was, id="new")])).renamed]
    [{'id': ('old', 'new')}]
    """
    if not isinstance(other, type(tl)):
        raise TypeError(f"diff: expected a Timeline to compare with, got {quoted(other)}")
    added = [e for e in other if e.id not in tl._by_id]
    removed = [e for e in tl if e.id not in other._by_id]
    pairs = _renames(removed, added) if added and removed else []
    gone = {id(b) for b, _ in pairs} | {id(a) for _, a in pairs}
    renamed = tuple(EventChange(a.id, b, a, {"id": (b.id, a.id)}) for b, a in pairs)
    changed = []
    names = _diff_fields()
    for after in other:
        before = tl._by_id.get(after.id)
        if before is None or _same(before, after):
            continue
        fields = {
            name: (getattr(before, name), getattr(after, name))
            for name in names
            if not _same(getattr(before, name), getattr(after, name))
        }
        changed.append(EventChange(after.id, before, after, fields))
    return TimelineDiff(
        tl._subset([e for e in added if id(e) not in gone]),
        tl._subset([e for e in removed if id(e) not in gone]),
        tuple(changed),
        renamed,
    )
