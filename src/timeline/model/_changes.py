"""Changes over time in a timeline: slips, grouping by period, diffs of snapshots.

`Timeline.slips`, `Timeline.group_by` and `Timeline.diff` are these functions;
`TimelineDiff` and `EventChange` are what a diff returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from timeline._errors import QueryError
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
            f"group_by: {key!r} is not a grouping; use month, quarter, year, actor, "
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


def diff(tl: Timeline, other: Timeline) -> TimelineDiff:
    """Added, removed and changed events from this timeline to ``other``.

    A change lists each differing field as ``(before, after)``: the current
    ``when`` and ``status``, and every stored field by its attribute name
    (``initial_when``, ``claims``, ``tags`` ...).

    >>> Timeline().diff(Timeline([Event(title="x", when="2026")])).added.events[0].id
    'x'
    """
    added = [e for e in other if e.id not in tl._by_id]
    removed = [e for e in tl if e.id not in other._by_id]
    changed = []
    names = _diff_fields()
    for after in other:
        before = tl._by_id.get(after.id)
        if before is None or before == after:
            continue
        fields = {
            name: (getattr(before, name), getattr(after, name))
            for name in names
            if getattr(before, name) != getattr(after, name)
        }
        changed.append(EventChange(after.id, before, after, fields))
    return TimelineDiff(tl._subset(added), tl._subset(removed), tuple(changed))
