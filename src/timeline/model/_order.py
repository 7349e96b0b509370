"""The order of a timeline: events sorted by their `When`, then id, checked for duplicate ids.

Sorting a million events by full `When.sort_key` tuples formats each distinct
value's EDTF text, the key's last tie-break; here each distinct `When` gets an
integer rank from the numeric head of its key, the text is formatted only where
heads tie, and a plain integer sort does the rest. Same order, less work.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from itertools import compress, repeat
from typing import TYPE_CHECKING

from timeline._errors import TimelineError
from timeline.dates._when import When, order_head
from timeline.model._event import Event

if TYPE_CHECKING:
    pass


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


def _ranks(whens: list[When]) -> dict[int, int]:
    """An int per distinct `When` object (by ``id``) that orders as `When.sort_key` does.

    Equal keys get equal ranks. The distinct values are sorted by the numeric head of
    the key; the EDTF text, the costly part, is formatted only for values whose
    heads tie.
    """
    distinct = list(dict(zip(map(id, whens), whens, strict=True)).values())
    heads = list(map(order_head, distinct))
    order = sorted(range(len(distinct)), key=heads.__getitem__)
    ordered = [distinct[k] for k in order]
    in_order = [heads[k] for k in order]
    n = len(ordered)
    # where a new head starts: values between two starts tie on the head
    starts = list(compress(range(1, n), map(operator.ne, in_order[1:], in_order)))
    if len(starts) + 1 >= n:  # no ties (or no values): the rank is the position
        return dict(zip(map(id, ordered), range(n), strict=True))
    ranks: dict[int, int] = {}
    rank = 0
    first = 0
    for stop in (*starts, n):
        if stop - first == 1:
            ranks[id(ordered[first])] = rank
            rank += 1
        else:  # the heads tie: the full key (with its text) decides
            rank = _rank_ties(ordered[first:stop], rank, ranks)
        first = stop
    return ranks


def _rank_ties(group: list[When], rank: int, ranks: dict[int, int]) -> int:
    """Rank values whose key heads tie, from ``rank`` on; returns the next free rank.

    Equal values (mostly copies of one date) share one representative, whose key
    text is formatted once.
    """
    representative: dict[tuple[object, ...], When] = {}
    same_as: list[tuple[When, When]] = []
    keyed: list[When] = []
    for when in group:
        identity = when._text_identity
        if identity is None:
            keyed.append(when)
            continue
        first = representative.setdefault(identity, when)
        if first is when:
            keyed.append(when)
        else:
            same_as.append((when, first))
    keyed.sort(key=_sort_key)
    key = keyed[0].sort_key
    for when in keyed:
        if when.sort_key != key:
            key = when.sort_key
            rank += 1
        ranks[id(when)] = rank
    for when, first in same_as:
        ranks[id(when)] = ranks[id(first)]
    return rank + 1


_sort_key = operator.attrgetter("sort_key")


def _duplicate(items: list[Event]) -> DuplicateEventError:
    by_id: dict[str, Event] = {}
    for event in items:
        other = by_id.setdefault(event.id, event)
        if other is not event:
            return DuplicateEventError(
                f"duplicate event id {event.id!r}: {other.title!r} ({other.when}) and "
                f"{event.title!r} ({event.when}); give one of them another id"
            )
    raise AssertionError("no duplicate id")  # pragma: no cover


def _checked_and_sorted(events: Iterable[Event]) -> tuple[list[Event], dict[str, Event]]:
    """The events in timeline order, and by id; raises on duplicate ids."""
    items = list(events)
    if not all(map(isinstance, items, repeat(Event))):
        bad = next(e for e in items if not isinstance(e, Event))
        raise TypeError(f"Timeline holds Event objects, got {bad!r}")
    ids = list(map(_by_id, items))
    by_id = dict(zip(ids, items, strict=True))
    if len(by_id) != len(items):
        raise _duplicate(items)
    whens = list(map(_when_of, items))
    rank_of = _ranks(whens)
    return _in_order(items, list(map(rank_of.__getitem__, map(id, whens)))), by_id


def _in_order(items: list[Event], ranks: list[int]) -> list[Event]:
    """The events by (``ranks[i]``: the rank of their `When`, then id).

    Each event becomes one int, its rank and then its position, and a plain sort of
    ints does the work; only events that share a rank are then sorted by id.
    """
    n = len(items)
    shift = n.bit_length()
    mask = (1 << shift) - 1
    keys = [(rank << shift) | i for i, rank in enumerate(ranks)]
    keys.sort()
    ordered = [items[k & mask] for k in keys]
    in_rank = [k >> shift for k in keys]
    bounds = list(compress(range(1, n), map(operator.ne, in_rank[1:], in_rank)))
    bounds.append(n)
    start = 0
    for stop in bounds:
        if stop - start > 1:
            ordered[start:stop] = sorted(ordered[start:stop], key=_by_id)
        start = stop
    return ordered


class _InOrder(tuple["Event", ...]):
    """Events taken in order from one timeline (unique ids, sorted): `Timeline` trusts them."""

    __slots__ = ()
