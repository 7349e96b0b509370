"""`Timeline(events)` sorts one string per event (its date's order text, then its id):
the same order as (sort_key, id).

The order text is the numeric head of `When.sort_key` as fixed-width text; values whose
heads tie while their keys differ are re-sorted by the full key. These cases make
the heads tie.
"""

from __future__ import annotations

import random

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_strategies import whens
from timeline import DuplicateEventError, Event, Timeline, When
from timeline.dates._bounds import _key
from timeline.dates._keys import UNBOUNDED, order_head

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reference_order(events: list[Event]) -> list[str]:
    return [e.id for e in sorted(events, key=lambda e: (e.when.sort_key, e.id))]


def _instant(hour: int, offset_hours: int) -> When:
    tz = pendulum.FixedTimezone(offset_hours * 3600)
    return When.instant(pendulum.datetime(2026, 4, 1, hour, tz=tz))


TIES = {
    # the same UTC instant, other offsets: equal heads, different texts
    "offsets": [_instant(12, 0), _instant(14, 2), _instant(7, -5)],
    # equal values in distinct objects, and a coarser value around them
    "equal values": [When.parse("2026-04"), When.parse("2026-04"), When.parse("April 2026")],
    # same bounds, other relations and grains
    "relations": [When.year(2030).by(), When.parse("by 2030"), When.month(2030, 12).by()],
    "mixed": [When.parse("2026"), When.parse("2026~"), When.parse("2026?"), When.parse("TBD")],
}


@pytest.mark.parametrize("name", sorted(TIES))
def test_ties_order_as_sort_key_then_id(name: str) -> None:
    values = TIES[name]
    events = [
        Event(title=f"e {i}", id=f"{chr(ord('z') - i)}-{k}", when=w)
        for k, w in enumerate(values)
        for i in range(3)
    ]
    for shuffled in (events, events[::-1], events[1::2] + events[::2]):
        assert [e.id for e in Timeline(shuffled)] == reference_order(events)


@SETTINGS
@given(st.lists(whens(), max_size=12), st.randoms(use_true_random=False))
def test_order_is_sort_key_then_id(values: list[When], rnd: random.Random) -> None:
    # Some values shared by several events, some ids sorting against the when order.
    events = [
        Event(title="x", id=f"{rnd.choice('abc')}{i}", when=values[i % len(values)])
        for i in range(2 * len(values))
    ]
    rnd.shuffle(events)
    assert [e.id for e in Timeline(events)] == reference_order(events)


def test_duplicate_ids_name_both_events() -> None:
    a = Event(title="first", id="same", when="2026")
    b = Event(title="second", id="same", when="2027")
    with pytest.raises(DuplicateEventError, match=r"'same': 'first' \(2026\) and 'second'"):
        Timeline([a, Event(title="other", when="2025"), b])


def test_the_collector_runs_again_after_a_sort_and_after_a_refused_one() -> None:
    # The sort pauses the cyclic garbage collector; it must come back whatever happens,
    # and a collector the caller paused must stay paused.
    import gc

    assert gc.isenabled()
    Timeline([Event(title="b", when="2027"), Event(title="a", when="2026")])
    assert gc.isenabled()
    with pytest.raises(DuplicateEventError):
        Timeline([Event(title="a", when="2026"), Event(title="a", when="2027")])
    assert gc.isenabled()
    gc.disable()
    try:
        Timeline([Event(title="b", when="2027"), Event(title="a", when="2026")])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_non_events_are_refused() -> None:
    with pytest.raises(TypeError, match="Timeline holds Event objects, got '2026'"):
        Timeline([Event(title="x", when="2026"), "2026"])  # type: ignore[list-item]


@SETTINGS
@given(whens())
def test_order_head_is_the_head_of_sort_key(w: When) -> None:
    assert order_head(w) == w.sort_key[:4]


@SETTINGS
@given(whens(), whens())
def test_order_texts_order_as_the_heads_do(a: When, b: When) -> None:
    ta, tb = a._keys[6], b._keys[6]
    assert len(ta) == len(tb) == 17
    assert (ta < tb) == (order_head(a) < order_head(b))
    assert (ta == tb) == (order_head(a) == order_head(b))


@SETTINGS
@given(whens())
def test_keys_are_the_head_and_the_fuzzy_bounds(w: When) -> None:
    primary, latest, qualified, rank, lo, hi, text = w._keys
    head = order_head(w)
    assert (primary, qualified, rank) == (head[0] if head[0] != float("inf") else UNBOUNDED,
                                          head[2], head[3])  # fmt: skip
    assert latest == (UNBOUNDED if w.latest is None else _key(w.latest))
    fuzzy = w.fuzzy_bounds()
    assert (lo, hi) == tuple(None if p is None else _key(p) for p in fuzzy)
    assert w._order_text == text


def test_tied_heads_are_texts_shared_by_different_keys_only() -> None:
    from timeline.model._order import tied_heads

    a, b = When.parse("2026~"), When.parse("2026?")  # one span, qualified two ways
    same = When.parse("2026-04")
    assert a._order_text == b._order_text and a.sort_key != b.sort_key
    assert tied_heads([a, a, b]) == [a._order_text]
    # The same UTC instant at two offsets: equal values, equal keys (no tie to break).
    c, d = TIES["offsets"][:2]
    assert c == d and tied_heads([c, d]) == []
    assert tied_heads([a, a, same, same]) == []  # one object twice is no tie
    assert tied_heads([same, When.parse("April 2026")]) == []  # equal values: no tie
