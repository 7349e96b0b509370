"""Benchmark: building, sorting and querying large timelines.

Run ``python benchmarks/bench_timeline.py`` (``--max 100000`` to stop earlier).
For 10^3 .. 10^6 synthetic events of mixed precision it prints one row per size:

* build: microseconds to construct one `Event` (title, a fresh `When`, status,
  one actor, two tags) from its field values;
* memory: bytes retained per event (tracemalloc) by the events alone, and by the
  `Timeline` with its window index on top;
* sort: building a `Timeline` from the events in shuffled order;
* index: building the window index (done once, on the first window query);
* query: a one-month `overlapping` window (best of several runs), the answer size,
  and a linear scan with the same exact predicate over the same events
  (``filter(where=...)``), with their ratio. Both answers are checked equal.

The events spread over ``max(2 years, n / 40 days)`` from 2000-01-01: a larger
archive covers more history (about 40 events a day at 10^6), as trackers do.
The mix is about 40% days, 12% instants at offsets from UTC-12 to UTC+14, 15%
months, and weeks, quarters, seasons, thirds, halves, years, approximate months,
multi-day events with an ``end``, bounded intervals, and ~1.5% deadlines, "after"
values and open intervals (these overlap every window on their open side).

Targets (issue 3): the query at least 50x faster than the scan at 10^6 and
growing sub-linearly with size; at most 1 KB per event.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import pendulum

from timeline import Event, Timeline, When
from timeline._bounds import _overlap

ACTORS = [
    "Tencent",
    "DeepSeek",
    "Alibaba",
    "ByteDance",
    "Baidu",
    "Moonshot",
    "Zhipu",
    "MiniMax",
    "Kuaishou",
    "iFlytek",
    "Guangzhou",
    "Shenzhen",
    "OpenAI",
    "Anthropic",
    "Google",
    "Meta",
    "Mistral",
    "xAI",
    "Nvidia",
    "Huawei",
]
TAGS = ["llm", "china", "open-weights", "funding", "policy", "chips", "agents", "video"]
OFFSETS = [pendulum.fixed_timezone(int(h * 3600)) for h in (-12, -10, -5, 0, 1, 5.5, 8, 9, 14)]
START = pendulum.date(2000, 1, 1)


def fresh(text: str) -> str:
    """A new string object equal to ``text``, as a file loader would produce."""
    return (text + " ")[:-1]


def random_when(rng: random.Random, span_days: int) -> tuple[When, When | None]:
    """A fresh `When` (and sometimes an ``end``) of mixed precision."""
    day = START.add(days=rng.randrange(span_days))
    y, m, d = day.year, day.month, day.day
    r = rng.random()
    if r < 0.40:
        return When.day(y, m, d), None
    if r < 0.52:
        moment = pendulum.datetime(
            y, m, d, rng.randrange(24), rng.randrange(60), tz=rng.choice(OFFSETS)
        )
        return When.instant(moment), None
    if r < 0.67:
        return When.month(y, m), None
    if r < 0.72:
        iso = day.isocalendar()
        return When.week(iso[0], iso[1]), None
    if r < 0.77:
        return When.quarter(y, (m + 2) // 3), None
    if r < 0.80:
        return rng.choice([When.third(y, (m + 3) // 4), When.half(y, (m + 5) // 6)]), None
    if r < 0.84:
        return When.year(y), None
    if r < 0.86:
        return When.month(y, m).qualify(approximate=True), None
    if r < 0.905:
        stop = day.add(days=rng.randint(1, 5))
        return When.day(y, m, d), When.day(stop.year, stop.month, stop.day)
    if r < 0.935:
        stop = day.add(months=rng.randint(1, 6))
        return When.interval(When.month(y, m), When.month(stop.year, stop.month)), None
    if r < 0.945:
        return rng.choice([When.year(y).by(), When.month(y, m).by()]), None
    if r < 0.95:
        return When.month(y, m).after(), None
    if r < 0.955:
        return When.interval(When.month(y, m), "open"), None
    return When.day(y, m, d), None


Fields = tuple[str, When, "When | None", str, list[str]]


def make_fields(n: int, seed: int) -> list[Fields]:
    """Field values for ``n`` events, all fresh objects (as a file loader makes them)."""
    rng = random.Random(seed)
    span = max(730, n // 40)
    fields = []
    for i in range(n):
        when, end = random_when(rng, span)
        actor = fresh(ACTORS[rng.randrange(len(ACTORS))])
        tags = [fresh(t) for t in rng.sample(TAGS, 2)]
        fields.append((f"{actor} announcement number {i}", when, end, actor, tags))
    return fields


def build(fields: list[Fields]) -> list[Event]:
    """Events from field values: title, when (and end), status, one actor, two tags."""
    return [
        Event(title=t, when=w, end=e, status="expected", actors=[a], tags=tags)
        for t, w, e, a, tags in fields
    ]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def measure(n: int, seed: int, memory: bool) -> dict[str, Any]:
    row: dict[str, Any] = {"n": n}
    fields = make_fields(n, seed)
    gc.collect()
    seconds, events = timed(lambda: build(fields))
    row["build_us"] = seconds / n * 1e6
    del fields

    if memory:
        del events
        gc.collect()
        tracemalloc.start()
        fields = make_fields(n, seed)
        events = build(fields)
        del fields  # what is left is what the events keep
        gc.collect()
        events_bytes = tracemalloc.get_traced_memory()[0]
        tl = Timeline(events)
        tl.overlapping(When.month(2000, 1))  # builds the index
        gc.collect()
        total_bytes = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        row["event_bytes"] = events_bytes / n
        row["timeline_bytes"] = (total_bytes - events_bytes) / n
        del tl

    shuffled = list(events)
    random.Random(seed + 1).shuffle(shuffled)
    row["sort_s"], tl = timed(lambda: Timeline(shuffled))
    shuffled.clear()
    row["index_s"], _ = timed(lambda: tl._index)

    # A month in the middle of the archive.
    middle = START.add(days=max(730, n // 40) // 2)
    month = When.month(middle.year, middle.month)
    lo, hi = month.earliest, month.latest
    runs = []
    for _ in range(5):
        seconds, answer = timed(lambda: tl.overlapping(month))
        runs.append(seconds)
    row["query_s"] = min(runs)
    row["query_median_s"] = statistics.median(runs)
    row["answer"] = len(answer)

    def exact(e: Event) -> bool:
        return _overlap(*e.window, lo, hi)

    scans = []
    for _ in range(2 if n >= 10**6 else 3):
        seconds, scanned = timed(lambda: tl.filter(where=exact))
        scans.append(seconds)
    row["scan_s"] = min(scans)
    if [e.id for e in scanned] != [e.id for e in answer]:
        raise SystemExit(f"n={n}: the index answer differs from the scan")
    row["ratio"] = row["scan_s"] / row["query_s"]
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=10**6, help="largest size (default 10^6)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--no-memory", action="store_true", help="skip the tracemalloc pass (faster)"
    )
    args = parser.parse_args(argv)
    sizes = [n for n in (10**3, 10**4, 10**5, 10**6) if n <= args.max]
    header = (
        f"{'events':>9} {'build':>9} {'B/event':>8} {'+tl/idx':>8} {'sort':>8} {'index':>8} "
        f"{'query':>9} {'answer':>7} {'scan':>9} {'scan/query':>10}"
    )
    print(f"timeline benchmark, Python {sys.version.split()[0]}")
    print(header)
    print("-" * len(header))
    started = time.perf_counter()
    for n in sizes:
        r = measure(n, args.seed, memory=not args.no_memory)
        mem = (
            f"{r['event_bytes']:>8.0f} {r['timeline_bytes']:>8.0f}"
            if "event_bytes" in r
            else (f"{'-':>8} {'-':>8}")
        )
        print(
            f"{n:>9,} {r['build_us']:>7.1f}us {mem} {r['sort_s'] * 1e3:>6.0f}ms "
            f"{r['index_s'] * 1e3:>6.0f}ms {r['query_s'] * 1e3:>7.2f}ms {r['answer']:>7,} "
            f"{r['scan_s'] * 1e3:>7.0f}ms {r['ratio']:>9.0f}x",
            flush=True,
        )
    print(f"total {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
