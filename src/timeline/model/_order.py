"""The order of a timeline: events sorted by their `When`, then id, checked for duplicate ids.

Sorting a million events by ``(when.sort_key, id)`` tuples formats each
distinct value's EDTF text (the key's tie-break) and compares tuples in
Python. Here each event becomes one string: its date's order text (the
integer head of its sort key as fixed-width text, which each `When` keeps)
followed by its id, and a plain sort of strings, compared in C, gives the
order. Values whose heads tie while their keys differ ("by April 2026" and
"until April 2026") are rare: their events, one block in that order, are then
re-sorted by the full key. Same order, less work.
"""

from __future__ import annotations

import functools
import operator
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat

from timeline._bulk import paused_gc
from timeline._errors import TimelineError, quoted
from timeline.dates._when import When
from timeline.dates._when_order import keep_keys
from timeline.model._event import Event

__all__ = ["DuplicateEventError"]


class DuplicateEventError(TimelineError, ValueError):
    """Two events share an id; ids must be unique within a timeline.

    >>> Timeline([Event(title="A", when="2026"), Event(title="A", when="2027")])
    Traceback (most recent call last):
    ...
    timeline.model._order.DuplicateEventError: duplicate event id 'a': ...
    """


_by_id = operator.attrgetter("id")


_when_of = operator.attrgetter("when")
_initial_when_of = operator.attrgetter("initial_when")
_claims_of = operator.attrgetter("claims")
_order_text_of = operator.attrgetter("_order_text")


def _whens(items: Sequence[Event]) -> list[When]:
    """Each event's current `When` (without claims, the initial one: no property call)."""
    if any(map(_claims_of, items)):
        return list(map(_when_of, items))
    return list(map(_initial_when_of, items))


def tied_heads(whens: Sequence[When]) -> list[str]:
    """Order texts shared by values whose sort keys differ (the head does not decide).

    ``whens`` are best given once each (the same object twice is no tie, but costs a look).
    """
    keep_keys(whens)  # each date's keys, computed once
    texts = list(map(_order_text_of, whens))
    counts = Counter(texts)
    if len(counts) == len(texts):
        return []
    shared = {text for text, count in counts.items() if count > 1}
    seen: dict[str, When] = {}
    tied: set[str] = set()
    for text, when in zip(texts, whens, strict=True):
        if text in shared:
            first = seen.setdefault(text, when)
            if first is not when and first.sort_key != when.sort_key:
                tied.add(text)
    return sorted(tied)


def tie_ranks(whens: Sequence[When]) -> dict[int, int]:
    """For values whose order texts tie while their keys differ (`tied_heads`), each one's
    rank by full key among those sharing its text, by ``id``; other values are not listed.

    Appended to the order text, the rank makes it decide the order alone.
    """
    tied = set(tied_heads(whens))
    if not tied:
        return {}
    groups: dict[str, dict[int, When]] = {}
    for when in whens:
        if when._order_text in tied:
            groups.setdefault(when._order_text, {})[id(when)] = when
    ranks: dict[int, int] = {}
    for group in groups.values():
        keys = sorted({when.sort_key for when in group.values()})
        rank_of = {key: rank for rank, key in enumerate(keys)}
        ranks.update((k, rank_of[when.sort_key]) for k, when in group.items())
    return ranks


def _order_text_of_event(event: Event) -> str:
    return event.when._order_text


def _full_key(event: Event) -> tuple[tuple[float, float, bool, int, str, str], str]:
    return event.when.sort_key, event.id


def _duplicate(items: list[Event]) -> DuplicateEventError:
    by_id: dict[str, Event] = {}
    for event in items:
        other = by_id.setdefault(event.id, event)
        if other is not event:
            return DuplicateEventError(
                f"duplicate event id {quoted(event.id)}: {quoted(other.title)} ({other.when}) and "
                f"{quoted(event.title)} ({event.when}); give one of them another id"
            )
    raise AssertionError("no duplicate id")  # pragma: no cover


def _checked_and_sorted(events: Iterable[Event]) -> list[Event]:
    """The events in timeline order; raises on duplicate ids."""
    if isinstance(events, (str, bytes, Mapping)) or not hasattr(events, "__iter__"):
        # As for an item that is no Event: a TypeError that says what to give, not
        # "'int' object is not iterable" (or one "is not an Event" per character).
        raise TypeError(f"Timeline takes a list of Event objects, got {quoted(events)}")
    items = list(events)
    if not all(map(isinstance, items, repeat(Event))):
        bad = next(e for e in items if not isinstance(e, Event))
        raise TypeError(f"Timeline holds Event objects, got {quoted(bad)}")
    with paused_gc():  # a million strings and keys, no cycles: nothing to collect
        ids = list(map(_by_id, items))
        if len(set(ids)) != len(items):
            raise _duplicate(items)
        whens = _whens(items)
        # Each date object once, in memory order. An event computed its date's keys as it
        # took it (`keyed`); dates made otherwise (a table's rows) get them here, walking
        # memory forwards instead of jumping about.
        distinct = sorted(dict(zip(map(id, whens), whens, strict=True)).values(), key=id)
        heads = tied_heads(distinct)
        # One string per event: its date's order text (fixed width), then its id; strings
        # compare by code point, as ids do, so they order by (head, id).
        keys = list(map(operator.add, map(_order_text_of, whens), ids))
        # Sorting computes each item's key once, in list order: the next string is its key.
        ordered = sorted(items, key=functools.partial(next, iter(keys)))
        return resort_ties(ordered, heads)


def resort_ties(ordered: list[Event], heads: list[str]) -> list[Event]:
    """Events sorted by (order text, id) put in timeline order: the events of each of
    the ``heads`` (`tied_heads`), one block, re-sorted by their full key. In place."""
    for head in heads:
        lo = bisect_left(ordered, head, key=_order_text_of_event)
        hi = bisect_right(ordered, head, key=_order_text_of_event)
        ordered[lo:hi] = sorted(ordered[lo:hi], key=_full_key)
    return ordered


class _InOrder(tuple["Event", ...]):
    """Events taken in order from one timeline (unique ids, sorted): `Timeline` trusts them."""

    __slots__ = ()
