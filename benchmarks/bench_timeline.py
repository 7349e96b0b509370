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
import datetime as dt
import gc
import itertools
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import pendulum

from timeline import Event, Timeline, When
from timeline.dates._bounds import _overlap

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


# A spec is a tuple of small ints describing one event; drawing the random
# numbers is kept apart from building values, so tracemalloc (slow on every
# allocation) only watches the building.
Spec = tuple[int, ...]
# (cumulative share, code): the mix of precisions
MIX = [
    (0.40, "day"),
    (0.52, "instant"),
    (0.67, "month"),
    (0.72, "week"),
    (0.77, "quarter"),
    (0.80, "third-or-half"),
    (0.84, "year"),
    (0.86, "approximate-month"),
    (0.905, "days-with-end"),
    (0.935, "month-interval"),
    (0.945, "deadline"),
    (0.95, "after"),
    (0.955, "open-interval"),
    (1.0, "day"),
]


def make_specs(n: int, seed: int) -> list[Spec]:
    """``n`` random event specs spread over ``max(2 years, n / 40 days)`` from 2000."""
    rng = random.Random(seed)
    span = max(730, n // 40)
    specs = []
    first = START.toordinal()
    for _ in range(n):
        # stdlib dates here: drawing specs is setup, not what is measured
        day = dt.date.fromordinal(first + rng.randrange(span))
        r = rng.random()
        code = next(i for i, (share, _) in enumerate(MIX) if r < share)
        kind = MIX[code][1]
        extra = (0, 0, 0)
        if kind == "instant":
            extra = (rng.randrange(24), rng.randrange(60), rng.randrange(len(OFFSETS)))
        elif kind == "week":
            iso = day.isocalendar()
            extra = (iso[0], iso[1], 0)
        elif kind == "days-with-end":
            stop = day + dt.timedelta(days=rng.randint(1, 5))
            extra = (stop.year, stop.month, stop.day)
        elif kind == "month-interval":
            year, month = divmod(day.year * 12 + day.month - 1 + rng.randint(1, 6), 12)
            extra = (year, month + 1, 0)
        elif kind in ("third-or-half", "deadline", "open-interval"):
            extra = (rng.randrange(2), 0, 0)
        actor = rng.randrange(len(ACTORS))
        tag1, tag2 = rng.sample(range(len(TAGS)), 2)
        specs.append((code, day.year, day.month, day.day, *extra, actor, tag1, tag2))
    return specs


def when_of(spec: Spec) -> tuple[When, When | None]:
    """A fresh `When` (and sometimes an ``end``) for a spec."""
    code, y, m, d, a, b, c = spec[:7]
    kind = MIX[code][1]
    if kind == "day":
        return When.day(y, m, d), None
    if kind == "instant":
        return When.instant(pendulum.datetime(y, m, d, a, b, tz=OFFSETS[c])), None
    if kind == "month":
        return When.month(y, m), None
    if kind == "week":
        return When.week(a, b), None
    if kind == "quarter":
        return When.quarter(y, (m + 2) // 3), None
    if kind == "third-or-half":
        return (When.third(y, (m + 3) // 4) if a else When.half(y, (m + 5) // 6)), None
    if kind == "year":
        return When.year(y), None
    if kind == "approximate-month":
        return When.month(y, m).qualify(approximate=True), None
    if kind == "days-with-end":
        return When.day(y, m, d), When.day(a, b, c)
    if kind == "month-interval":
        return When.interval(When.month(y, m), When.month(a, b)), None
    if kind == "deadline":
        return (When.year(y).by() if a else When.month(y, m).by()), None
    if kind == "after":
        return When.month(y, m).after(), None
    # open intervals, either way
    if a:
        return When.interval("open", When.month(y, m)), None
    return When.interval(When.month(y, m), "open"), None


Fields = tuple[str, When, "When | None", str, list[str]]


def make_fields(specs: list[Spec]) -> list[Fields]:
    """Field values for the events, all fresh objects (as a file loader makes them)."""
    fields = []
    for i, spec in enumerate(specs):
        when, end = when_of(spec)
        actor = fresh(ACTORS[spec[7]])
        tags = [fresh(TAGS[spec[8]]), fresh(TAGS[spec[9]])]
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
    specs = make_specs(n, seed)
    fields = make_fields(specs)
    gc.collect()
    seconds, events = timed(lambda: build(fields))
    row["build_us"] = seconds / n * 1e6
    del fields

    if memory:
        del events
        gc.collect()
        tracemalloc.start()
        fields = make_fields(specs)
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
    row["index_s"], _ = timed(lambda: tl._runs)

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
        return _overlap(*e.fuzzy_window, lo, hi)

    scans = []
    for _ in range(1 if n >= 10**6 else 3):
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
    rows = []
    for n in sizes:
        r = measure(n, args.seed, memory=not args.no_memory)
        rows.append(r)
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
    print(
        "build: per event; B/event: kept by the events; +tl/idx: by the Timeline and its\n"
        "index on top, per event; query: best of 5; scan: the same predicate over every event"
    )
    print(f"total {time.perf_counter() - started:.0f}s")
    big = rows[-1]
    if big["n"] == 10**6:
        print(f"target: query >= 50x faster than the scan at 10^6: {big['ratio']:.0f}x")
        growth = [b["query_s"] / a["query_s"] for a, b in itertools.pairwise(rows)]
        print("query time growth per 10x events: " + ", ".join(f"{g:.1f}x" for g in growth))
    if "event_bytes" in big:
        total = big["event_bytes"] + big["timeline_bytes"]
        print(f"target: <= 1024 bytes per event at {big['n']:,}: {total:.0f} (with timeline)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
