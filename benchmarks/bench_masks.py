"""Benchmark: relations with masks of any year (``XXXX-XX-15``), cold.

Run ``python benchmarks/bench_masks.py``. A mask of any year allows thousands of
runs of days (``XXXX-XX-15``: about 120,000). The library makes only the runs near
the other value (`timeline.dates._masks.Runs`); the alternative, named here
*every run*, is the approach it replaces: build every run of the mask once (as
sorted ordinals), then look up the runs near the other value by bisection. Rows:

* one relation: the first ``When.overlaps`` of each of 28 masks ``XXXX-XX-01`` ..
  ``XXXX-XX-28`` with ``2026-04-15`` (caches emptied before each);
* timeline: the first ``Timeline.overlapping("2026-04-15")`` of a timeline of those
  28 masks (caches emptied), against a filter with the every-run relation;
* two masks: ``XXXX-XX-15`` against ``XXXX-XX-16`` (never the same day), cold,
  against walking every run of both;
* the hull: the same timeline query reading each mask as its hull (first to last
  day, `When.fuzzy_bounds`), the cost floor, and how many answers it gets wrong.

Each row prints seconds for both and the ratio (every run / library). The answers
are checked equal.
"""

from __future__ import annotations

import calendar
import datetime as dt
import time
from bisect import bisect_left
from collections.abc import Callable

from timeline import Event, Timeline, When
from timeline.dates import _masks

DAY = When.parse("2026-04-15")
MASKS = [f"XXXX-XX-{d:02d}" for d in range(1, 29)]


def every_run(text: str) -> tuple[list[int], list[int]]:
    """Every run of a day mask of any year, as first and last ordinals: the replaced
    approach (``mask_runs`` before this change, for ``XXXX-XX-DD``)."""
    day = int(text[-2:])
    in_month = {n: [(day - 1, day - 1)] if day <= n else [] for n in range(28, 32)}
    runs: list[tuple[int, int]] = []
    add = runs.append
    for year in range(1, 10_000):
        for month in range(1, 13):
            first = dt.date(year, month, 1).toordinal()
            length = calendar.monthrange(year, month)[1]
            for lo, hi in in_month[length]:
                add((first + lo, first + hi))
    merged: list[tuple[int, int]] = []
    for lo, hi in runs:
        if merged and lo == merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return [lo for lo, _ in merged], [hi for _, hi in merged]


def every_run_overlaps(text: str, lo: int, hi: int) -> bool:
    los, his = every_run(text)
    k = bisect_left(his, lo)
    return k < len(los) and los[k] <= hi


def cold() -> None:
    for cache in (
        _masks._digits,
        _masks._padded,
        _masks._year_runs,
        _masks._day_runs,
        _masks._years,
    ):
        cache.cache_clear()
    _masks._year_flags.cache_clear()


def timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    out = work()
    return time.perf_counter() - start, out


def row(name: str, ours: float, theirs: float) -> None:
    print(f"{name:<14} library {ours:9.4f} s   every run {theirs:9.4f} s", end="")
    print(f"   ratio {theirs / ours:8.1f}x")


def main() -> None:
    o = DAY.earliest.toordinal()  # type: ignore[union-attr]
    whens = [When.parse(m) for m in MASKS]

    ours = theirs = 0.0
    for w, text in zip(whens, MASKS, strict=True):
        cold()
        t, got = timed(lambda w=w: w.overlaps(DAY))
        ours += t
        t, want = timed(lambda text=text: every_run_overlaps(text, o, o))
        theirs += t
        assert got == want, text
    row("one relation", ours, theirs)

    cold()
    tl = Timeline([Event(id=m, title=m, when=m) for m in MASKS])
    t_ours, got = timed(lambda: [e.id for e in tl.overlapping(DAY)])
    t_theirs, want = timed(lambda: [m for m in MASKS if every_run_overlaps(m, o, o)])
    assert got == want == ["XXXX-XX-15"], (got, want)
    row("timeline", t_ours, t_theirs)

    cold()
    a, b = When.parse("XXXX-XX-15"), When.parse("XXXX-XX-16")
    t_ours, got = timed(lambda: a.overlaps(b))

    def walk() -> bool:
        (alo, ahi), (blo, bhi) = every_run("XXXX-XX-15"), every_run("XXXX-XX-16")
        i = j = 0
        while i < len(alo) and j < len(blo):
            if alo[i] <= bhi[j] and blo[j] <= ahi[i]:
                return True
            if ahi[i] < blo[j]:
                i += 1
            else:
                j += 1
        return False

    t_theirs, want = timed(walk)
    assert got is want is False
    row("two masks", t_ours, t_theirs)

    def hull() -> list[str]:
        return [
            m
            for m, w in zip(MASKS, whens, strict=True)
            if w.fuzzy_bounds()[0] <= DAY.earliest <= w.fuzzy_bounds()[1]
        ]  # type: ignore[operator]

    cold()
    t_ours, got = timed(lambda: [e.id for e in tl.overlapping(DAY)])
    t_hull, wrong = timed(hull)
    print(
        f"{'the hull':<14} library {t_ours:9.4f} s   hull      {t_hull:9.4f} s   "
        f"ratio {t_hull / t_ours:8.2f}x   hull wrong for {len(set(wrong) ^ set(got))} of 28"
    )


if __name__ == "__main__":
    main()
