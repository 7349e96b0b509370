"""Benchmark: `Timeline.diff` of two snapshots read separately (no objects shared).

Run ``python benchmarks/bench_diff.py`` (``--max 10000`` to stop earlier). For 10^3,
10^4 and 10^5 synthetic events (a dated source, two claims, an instant at an offset for
every fourth, a target with a figure for every tenth), two timelines are built from
the same rows, as two reads of one file give, and one event in a hundred is changed in
the second (restated at another offset: the same moment, a respelling). It prints one
row per size:

* diff: the best of three `Timeline.diff` calls (CPU seconds), which compares what was
  written (offsets, units, words), and how many changed events it found;
* alternative: the same comparison by meaning alone, the event equality a diff used
  before (``a == b`` for each id), which misses the respellings, and the ratio
  diff / alternative.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from timeline import Event, Observation, Source, Target, Timeline

T = TypeVar("T")


def build(n: int, respelled: bool) -> Timeline:
    events = []
    for i in range(n):
        when = f"2026-{i % 12 + 1:02d}"
        if i % 4 == 0:
            offset = "+02:00" if not (respelled and i % 100 == 0) else "Z"
            hour = 10 if offset == "+02:00" else 8
            when = f"2026-{i % 12 + 1:02d}-15T{hour:02d}:00{offset}"
        goal = i % 10 == 1  # a target with a figure in another unit and words
        event = Event(
            title=f"event {i}", when=when, actors=[f"Actor {i % 20}"],
            sources=[Source("wire", published="2026-01-05")],
            target=Target("n", "1.5 GW", "2030") if goal else None,
            observations=[Observation("2025", "over 500 MW")] if goal else [],
        )  # fmt: skip
        event = event.revise(stated="2026-02-01", status="confirmed").revise(
            stated="2026-03-01", when="2026-12"
        )
        events.append(event)
    return Timeline(events)


def best(fn: Callable[[], T]) -> tuple[float, T]:
    """The least CPU time of three calls, and the answer."""
    times = []
    for _ in range(3):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return min(times), result


def by_meaning(old: Timeline, new: Timeline) -> list[str]:
    """The ids of the events that differ in meaning (`Event` equality)."""
    by_id = {e.id: e for e in old}
    return [e.id for e in new if by_id[e.id] != e]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max", type=int, default=100_000)
    args = parser.parse_args()
    print(f"{'events':>8} {'diff s':>8} {'changed':>8} {'meaning s':>10} {'found':>6} {'ratio':>6}")
    n = 1_000
    while n <= args.max:
        old, new = build(n, False), build(n, True)
        took, found = best(partial(old.diff, new))
        alt, missed = best(partial(by_meaning, old, new))
        changed = len(found.changed)
        expected = len(range(0, n, 100))
        if changed != expected or missed:
            raise SystemExit(f"n={n}: diff found {changed} (want {expected}), == found {missed}")
        ratio = took / alt if alt else float("nan")
        print(f"{n:>8} {took:>8.3f} {changed:>8} {alt:>10.3f} {len(missed):>6} {ratio:>6.2f}")
        n *= 10


if __name__ == "__main__":
    main()
