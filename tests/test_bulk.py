"""`paused_gc`: bulk builds pause the cyclic garbage collector and leave what they made in
the oldest generation, so the collector does not walk a million new objects once more on
its next young pass; nothing else about the collector changes."""

from __future__ import annotations

import gc

from timeline._bulk import paused_gc


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _in_generation(obj: object, generation: int) -> bool:
    return any(o is obj for o in gc.get_objects(generation=generation))


def test_what_the_block_made_is_in_the_oldest_generation() -> None:
    with paused_gc():
        made = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert _in_generation(made, 2)
    assert not _in_generation(made, 0)


def test_cyclic_garbage_made_in_the_block_is_still_collected() -> None:
    with paused_gc():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
    del a, b
    assert gc.collect() >= 2


def test_objects_the_caller_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with paused_gc():
            made = [[1]]
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled()
        assert made == [[1]]
    finally:
        gc.unfreeze()


def test_a_collector_the_caller_paused_stays_paused_and_untouched() -> None:
    gc.disable()
    try:
        with paused_gc():
            made = [[1]]
        assert not gc.isenabled()
        assert _in_generation(made, 0)  # nothing moved: the caller runs the collector
    finally:
        gc.enable()
