"""How fast `When.parse` reads the canonical texts `str(When)` writes, against its general path.

Run: ``python benchmarks/bench_parse_canonical.py``. Data files (YAML, JSON,
CSV, Parquet) store each date as its canonical text: "3 April 2026",
"2026-W14", "Q2 2026", "c. April 2026?", "by end of 2030", "April 2026 to June
2026" ... For each kind of value the benchmark draws distinct random values
(a seeded generator), writes them with ``str()`` and times, per text:

* ``When.parse`` (what loading a file calls), its table of read texts
  emptied first, so every text is read for the first time;
* the general path alone (``timeline.dates._parse._parse``: ISO/EDTF, then
  English phrases), the named alternative the quick readers must beat.

Times are CPU microseconds per text (the machines are shared), garbage
collection off while timing, best of three passes over fresh tables. The last
column is the ratio; the ISO rows check that the canonical readers did not
slow the ISO/EDTF path. Target: every canonical kind at <= 6 us a text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import time
from collections.abc import Callable

from timeline import When
from timeline.dates import _constructors, _quick, _when
from timeline.dates._parse import _parse
from timeline.dates._parse_dates import Context

SEED = 20260403


def _day(rng: random.Random) -> When:
    y, m = rng.randint(1000, 9999), rng.randint(1, 12)
    return When.day(y, m, rng.randint(1, 28))


def _week(rng: random.Random) -> When:
    y = rng.randint(1000, 9998)
    return When.week(y, rng.randint(1, dt.date(y, 12, 28).isocalendar()[1]))


def _year(rng: random.Random) -> int:
    return rng.randint(1000, 9998)


def _open(rng: random.Random) -> When:
    month = When.month(_year(rng), rng.randint(1, 12))
    return rng.choice(
        [
            When.interval("open", month),
            When.interval(month, "open"),
            When.interval("unknown", month),
            When.interval(month, "unknown"),
        ]
    )


def _months(rng: random.Random) -> When:
    y = _year(rng)
    a, b = rng.randint(1, 12), rng.randint(1, 12)
    return When.interval(When.month(y, min(a, b)), When.month(y + (a > b), max(a, b)))


def _days(rng: random.Random) -> When:
    a, b = _day(rng), _day(rng)
    assert a.start is not None and b.start is not None
    return When.interval(a, b) if a.start <= b.start else When.interval(b, a)


Maker = Callable[[random.Random], When]

KINDS: dict[str, Maker] = {
    "day": _day,
    "month": lambda r: When.month(_year(r), r.randint(1, 12)),
    "week": _week,
    "quarter": lambda r: When.quarter(_year(r), r.randint(1, 4)),
    "half": lambda r: When.half(_year(r), r.randint(1, 2)),
    "third": lambda r: When.third(_year(r), r.randint(1, 3)),
    "season": lambda r: When.season(_year(r), r.randint(21, 24)),
    "dekad": lambda r: When.dekad(_year(r), r.randint(1, 12), r.randint(1, 3)),
    "year": lambda r: When.year(_year(r)),
    "decade": lambda r: When.decade(r.randint(100, 998) * 10),
    "century": lambda r: When.century(r.randint(10, 98) * 100),
    "c. day?": lambda r: _day(r).qualify(approximate=True, uncertain=r.random() < 0.5),
    "c. month?": lambda r: When.month(_year(r), r.randint(1, 12)).qualify(
        approximate=r.random() < 0.5, uncertain=True
    ),
    "by end of year": lambda r: When.year(_year(r)).by(),
    "by/before/after month": lambda r: r.choice([When.by, When.before, When.after])(
        When.month(_year(r), r.randint(1, 12))
    ),
    "no earlier/later than": lambda r: r.choice([When.not_before, When.not_after])(
        When.quarter(_year(r), r.randint(1, 4))
    ),
    "month to month": _months,
    "day to day": _days,
    "open intervals": _open,
}


ISO: dict[str, Callable[[random.Random], str]] = {
    "ISO day": lambda r: f"{_year(r)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "ISO month": lambda r: f"{_year(r)}-{r.randint(1, 12):02d}",
    "ISO instant": lambda r: (
        f"{_year(r)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        f"T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00+05:30"
    ),
}


def _forget() -> None:
    """Empty every table of read or built values: each text is read afresh."""
    _quick._MEMO.clear()
    _constructors._DAYS.clear()
    _when._CALENDAR.clear()


def timed(read: Callable[[str], object], texts: list[str]) -> float:
    """Best of three: CPU microseconds per text, each pass over emptied tables."""
    best = float("inf")
    for _ in range(3):
        _forget()
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            for t in texts:
                read(t)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best / len(texts) * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=2000, help="distinct texts per kind")
    args = ap.parse_args()
    rng = random.Random(SEED)
    ctx = Context(None, "current")

    def general(t: str) -> When:
        return _parse(t, ctx)

    rows: list[tuple[str, str, float, float]] = []
    samples: dict[str, list[str]] = {}
    for name, make in KINDS.items():
        samples[name] = list(dict.fromkeys(str(make(rng)) for _ in range(args.n)))
    for name, make_text in ISO.items():
        samples[name] = list(dict.fromkeys(make_text(rng) for _ in range(args.n)))
    for name, texts in samples.items():
        for t in texts:  # what is timed reads what it is meant to
            assert When.parse(t) == general(t), t
        rows.append((name, texts[0], timed(When.parse, texts), timed(general, texts)))
    print(f"{'kind':<24}{'example':<34}{'When.parse':>11}{'general':>9}{'ratio':>7}")
    for name, example, fast, slow in rows:
        print(f"{name:<24}{example:<34}{fast:>9.2f}us{slow:>7.2f}us{slow / fast:>6.1f}x")


if __name__ == "__main__":
    main()
