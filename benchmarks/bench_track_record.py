"""Benchmark: `Timeline.track_record` over large timelines of promises.

Run ``python benchmarks/bench_track_record.py`` (``--max 10000`` to stop earlier).
For 10^3, 10^4 and 10^5 synthetic events, each first announced (a dated
source) and then revised by three claims (confirmed, slipped, then happened,
cancelled or nothing), 20 actors, one or two per event, it prints one row per
size:

* first call: seconds for the first ``tl.track_record(by="actor", as_of=DAY)``
  on a new timeline (per-claim and per-date caches cold), with DAY after most
  claims but before about a fifth of the events' last claims, so those are
  replayed with some claims cut;
* track_record: the best of three further calls (wall clock / CPU seconds:
  on a shared machine wall time also counts other processes, so the growth
  and the ratio are computed on CPU time);
* growth: how that time grew over the previous size (10.0 = linear);
* alternative: the same counts computed the way the existing API invites: the
  timeline as known on the day (``tl.as_of(DAY)``), then per actor
  ``filter(actor=...)`` and a count of `Event.delay` / `Event.overdue` /
  status (one call; both answers are checked equal), and how many times
  track_record's CPU time it took.

Target (issue 13): at most 1 s at 10^5, growing linearly (about 10x per tenfold).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from timeline import Claim, Event, Source, Status, Timeline, When

ACTORS = [f"Actor {i:02d}" for i in range(20)]
KINDS = ["model-release", "funding", "policy-target", "product-launch"]
DAY = dt.date(2026, 6, 1)
START = dt.date(2025, 1, 1)


def make(n: int, seed: int = 13) -> Timeline:
    rng = random.Random(seed)
    events = []
    for i in range(n):
        said = START + dt.timedelta(days=rng.randrange(0, 400))
        year, month = said.year + (said.month + 2) // 12, (said.month + 2) % 12 + 1
        first = rng.choice(
            [
                When.month(year, month),
                When.day(year, month, rng.randint(1, 28)),
                When.quarter(year, (month + 2) // 3),
                When.by(When.year(year)),
            ]
        )
        when_said = said + dt.timedelta(days=rng.randrange(5, 60))
        slip_said = when_said + dt.timedelta(days=rng.randrange(20, 120))
        end_said = slip_said + dt.timedelta(days=rng.randrange(10, 200))
        moved = When.month(year + (month + 1) // 12, month % 12 + 1)
        last = rng.random()
        claims = [
            Claim(stated=when_said, status="confirmed"),
            Claim(stated=slip_said, when=moved),
            Claim(
                stated=end_said, status="happened", when=When.day(end_said.year, end_said.month, 1)
            )
            if last < 0.6
            else Claim(stated=end_said, status="cancelled")
            if last < 0.7
            else Claim(stated=end_said, note="still on track"),
        ]
        events.append(
            Event(
                title=f"Promise {i}",
                when=first,
                kind=rng.choice(KINDS),
                actors=rng.sample(ACTORS, rng.choice([1, 1, 2])),
                sources=[Source("Wire story", publisher="Wire", published=said)],
                claims=claims,
            )
        )
    return Timeline(events)


def alternative(tl: Timeline, day: dt.date) -> dict[str, tuple[int, int, int, int]]:
    """Counts per actor from the timeline as known on ``day``, one filter per actor."""
    known = tl.as_of(day)
    actors = sorted({a for e in known for a in e.actors})
    counts = {}
    for actor in actors:
        kept = late = broken = pending = 0
        for e in known.filter(actor=actor, where=lambda e: e.initial_status.is_open):
            if e.status is Status.HAPPENED:
                delay = e.delay
                if delay is not None and delay > 0:
                    late += 1
                else:
                    kept += 1
            elif e.status is Status.CANCELLED or e.overdue(day):
                broken += 1
            else:
                pending += 1
        counts[actor] = (kept, late, broken, pending)
    return counts


def best(fn: Callable[[], Any], runs: int) -> tuple[float, float, Any]:
    """The best wall-clock seconds of ``runs``, that run's CPU seconds, and the result."""
    times, result = [], None
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    wall, cpu = min(times)
    return wall, cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=100_000, help="largest size (default 10^5)")
    args = parser.parse_args()
    print(
        f"{'events':>8}  {'first call':>17}  {'track_record':>17}  {'growth':>6}  "
        f"{'alternative':>17}  {'ratio':>6}"
    )
    print(f"{'':>8}  {'wall / cpu':>17}  {'wall / cpu':>17}  {'(cpu)':>6}  {'wall / cpu':>17}")
    previous = None
    growths = []
    n = 1000
    while n <= args.max:
        tl = make(n)
        first, first_cpu, _ = best(lambda tl=tl: tl.track_record(by="actor", as_of=DAY), 1)
        seconds, cpu, record = best(lambda tl=tl: tl.track_record(by="actor", as_of=DAY), 3)
        alt, alt_cpu, counts = best(lambda tl=tl: alternative(tl, DAY), 1)
        mine = {r.group: (r.kept, r.late, r.broken, r.pending) for r in record}
        assert mine == counts, "the two answers differ"
        growth = "" if previous is None else f"{cpu / previous:.1f}x"
        if previous is not None:
            growths.append(cpu / previous)
        print(
            f"{n:>8}  {first:>7.3f}s / {first_cpu:.3f}s  {seconds:>7.3f}s / {cpu:.3f}s  "
            f"{growth:>6}  {alt:>7.3f}s / {alt_cpu:.3f}s  {alt_cpu / cpu:>5.1f}x"
        )
        previous = cpu
        n *= 10
    if growths:
        print(f"growth per tenfold (cpu): {statistics.mean(growths):.1f}x (10.0x is linear)")
    print("target: <= 1 s at 10^5 events with 3 claims each")


if __name__ == "__main__":
    main()
