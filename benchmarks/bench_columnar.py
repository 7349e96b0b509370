"""Benchmark: the columnar form against the in-memory paths it replaces, ratios in one run.

Run ``python benchmarks/bench_columnar.py`` (``--sizes 10000,100000`` for a quick run;
``BENCH_SIZES`` in the environment does the same). For each size N of the synthetic
events of `bench_timeline` (mixed precisions, instants, deadlines, intervals) it prints:

* load: `Timeline.load` of N events from Parquet against from JSON (target >= 10x),
  each in a fresh interpreter (best of three), CPU seconds (user + system) and user alone
  (system time is page faults: on a machine with transparent huge pages it varies from run
  to run by up to a second at 10^6 events, after another process freed memory);
  then, on what each loaded, a one-month window query and making every event (a
  Parquet load checks every row but makes its events when used), and the total;
* window: a one-month window with DuckDB over a Parquet file of N x ``--scale`` rows
  (default 10: 10^7 rows at N = 10^6) against `Timeline.overlapping` in memory on the
  N that fit, both times and answer sizes; DuckDB's answer over the N-row file is
  checked equal to `overlapping`'s;
* parse: `timeline.columnar.parse_dates` over N date texts (as a corpus repeats them)
  against `When.parse` in a Python loop (target >= 1x), over distinct texts ("3 April 1000"
  ...), and over N distinct ISO days, instants and months (`mixed_texts`); the distinct runs
  are checked against the loop's values;
* in memory (section 3): building N events, `Timeline(events)` (the sort, with fresh
  `When` objects) and the window index, in CPU seconds (best of ``--memory-repeat``
  alternating runs, each in a fresh interpreter), in this tree and, with ``--before PATH``
  (the ``src`` folder of an older checkout), in that one, with the ratio;
* Spark: `timeline.spark.parse_dates` in ``local[2]`` over ``--spark-rows`` rows, rows
  per second (``--no-spark`` skips it; Spark needs Java).

``--only load``, ``--only parse`` or ``--only memory`` runs that line alone.

Load, parse and in-memory figures are CPU seconds (all threads of the process); DuckDB and
Spark, which run their own threads and processes, are wall-clock seconds.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_timeline import START, build, make_fields, make_specs

from timeline import Timeline, When


def timed(fn: Callable[[], Any], repeat: int = 1, *, cpu: bool = True) -> tuple[float, Any]:
    """Best of ``repeat`` runs: CPU seconds of this process (all its threads), or wall time.

    On a shared machine wall time says more about the neighbours than about the
    code; engines that run threads (DuckDB, Spark) are timed on the wall clock.
    """
    clock = time.process_time if cpu else time.perf_counter
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = clock()
        result = fn()
        best = min(best, clock() - start)
    return best, result


def events(n: int, seed: int = 2026) -> Timeline:
    return Timeline(build(make_fields(make_specs(n, seed))))


def middle_month(n: int) -> When:
    middle = START.add(days=max(730, n // 40) // 2)
    return When.month(middle.year, middle.month)


_LOAD = """
import gc, json, resource, sys, time
from timeline import Timeline
import pyarrow.compute, pyarrow.dataset, pyarrow.parquet  # imported once a session: not timed
gc.collect()

def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime, usage.ru_stime

before = cpu()
tl = Timeline.load({path!r})
loaded = cpu()
found = len(tl.overlapping({month!r}))
windowed = cpu()
made = len(tl.events)
used = cpu()
user, system = loaded[0] - before[0], loaded[1] - before[1]
print(json.dumps({{
    "seconds": user + system, "user": user, "system": system, "events": made,
    "window_s": sum(windowed) - sum(loaded), "window_answer": found,
    "all_events_s": sum(used) - sum(windowed),
}}))
"""


def _load_in_fresh_process(path: Path, month: str) -> dict[str, float]:
    """CPU seconds (user + system, and each) of `Timeline.load(path)` in a fresh interpreter
    (nothing else on the heap); then of a one-month window query on what it loaded, then
    of making every event (`Timeline.events`: a Parquet load makes them when used).

    System time is mostly page faults, which on a virtual machine cost more right after
    another process freed gigabytes (as the JSON load before it does): it is printed apart.
    """
    src = str(Path(__file__).parent.parent / "src")
    out = subprocess.run(
        [sys.executable, "-c", _LOAD.format(path=str(path), month=month)],
        env={**os.environ, "PYTHONPATH": src},
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def bench_load(tl: Timeline, folder: Path, repeat: int = 3) -> dict[str, float]:
    """JSON and Parquet loads, each in a fresh interpreter, best of ``repeat`` alternating runs.

    In the benchmark's own process the JSON load's time depends on what else is alive
    (the garbage collector walks it: 22 to 35 s at 10^6 on one machine); a fresh process
    measures the loaders alone.
    """
    json_path, parquet_path = folder / "events.json", folder / "events.parquet"
    tl.save(json_path)
    tl.save(parquet_path)
    if Timeline.load(json_path) != tl or Timeline.load(parquet_path) != tl:
        raise SystemExit("a loaded timeline differs from the saved one")
    month = middle_month(len(tl)).to_edtf()
    runs = [
        (_load_in_fresh_process(json_path, month), _load_in_fresh_process(parquet_path, month))
        for _ in range(repeat)
    ]
    json_run = min((r[0] for r in runs), key=lambda r: r["seconds"])
    parquet_run = min((r[1] for r in runs), key=lambda r: r["seconds"])
    if json_run["window_answer"] != parquet_run["window_answer"]:
        raise SystemExit("the window's answers differ between the JSON and Parquet loads")
    return {
        "json_s": json_run["seconds"],
        "parquet_s": parquet_run["seconds"],
        "ratio": json_run["seconds"] / parquet_run["seconds"],
        "json_user_s": json_run["user"],
        "parquet_user_s": parquet_run["user"],
        "user_ratio": json_run["user"] / parquet_run["user"],
        "json_window_s": json_run["window_s"],
        "parquet_window_s": parquet_run["window_s"],
        "window_answer": parquet_run["window_answer"],
        "json_all_s": json_run["all_events_s"],
        "parquet_all_s": parquet_run["all_events_s"],
    }


def scaled_parquet(tl: Timeline, path: Path, scale: int) -> int:
    """``scale`` copies of the table, each shifted by the archive's span: a larger archive."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = tl.to_arrow()
    span = max(730, len(tl) // 40)
    days = ["earliest", "latest", "could_start", "could_end"]
    with pq.ParquetWriter(path, table.schema, compression="zstd") as writer:
        for copy in range(scale):
            part = table
            if copy:
                shift = pa.scalar(copy * span, pa.int32())
                for name in days:
                    column = pc.add(part.column(name).cast(pa.int32()), shift).cast(pa.date32())
                    index = part.schema.get_field_index(name)
                    part = part.set_column(index, part.schema.field(index), column)
                ids = pc.binary_join_element_wise(part.column("id"), f"-{copy}", "")
                part = part.set_column(0, part.schema.field(0), ids)
            writer.write_table(part, row_group_size=64 * 1024)
    return table.num_rows * scale


def bench_window(tl: Timeline, folder: Path, scale: int) -> dict[str, Any]:
    from timeline.columnar import duckdb_connect

    month = middle_month(len(tl))
    lo, hi = month.earliest, month.latest
    sql = (
        "SELECT id FROM events WHERE (could_start IS NULL OR could_start <= ?) "
        "AND (could_end IS NULL OR could_end >= ?)"
    )
    # Correctness on the events that fit: DuckDB's answer is overlapping's.
    small = folder / "events.parquet"
    con = duckdb_connect(small)
    ids = sorted(r[0] for r in con.execute(sql, [hi, lo]).fetchall())
    exact_ids = con.execute("SELECT id FROM events_overlapping(?, ?)", [lo, hi]).fetchall()
    memory_s, answer = timed(lambda: tl.overlapping(month), repeat=5)
    if not ids == sorted(r[0] for r in exact_ids) == sorted(e.id for e in answer):
        raise SystemExit("DuckDB's window differs from Timeline.overlapping")
    big = folder / "scaled.parquet"
    rows = scaled_parquet(tl, big, scale)
    con = duckdb_connect(big)
    duck_s, duck_rows = timed(lambda: con.execute(sql, [hi, lo]).fetchall(), repeat=3, cpu=False)
    # The exact window (sets and unspecified digits by their runs): its cost over the plain one.
    exact = "SELECT id FROM events_overlapping(?, ?)"
    exact_s, exact_rows = timed(
        lambda: con.execute(exact, [lo, hi]).fetchall(), repeat=3, cpu=False
    )
    return {
        "rows": rows,
        "duckdb_s": duck_s,
        "duckdb_answer": len(duck_rows),
        "exact_s": exact_s,
        "exact_answer": len(exact_rows),
        "memory_s": memory_s,
        "memory_answer": len(answer),
    }


def bench_parse(tl: Timeline, n: int) -> dict[str, float]:
    from timeline.columnar import parse_dates

    rng = random.Random(7)
    corpus = [str(e.when) for e in tl]
    rng.shuffle(corpus)
    corpus = corpus[:n]
    loop_s, _ = timed(lambda: [When.parse(t) for t in corpus])
    column_s, parsed = timed(lambda: parse_dates(corpus))
    if parsed.null_count or parsed.field("error").null_count != len(corpus):
        raise SystemExit("parse_dates failed on text When.parse reads")
    distinct = [f"{d} April {y}" for y in range(1000, 9000) for d in range(1, 31)][:n]
    loop_distinct_s, looped = timed(lambda: [When.parse(t) for t in distinct])
    column_distinct_s, parsed = timed(lambda: parse_dates(distinct))
    same(looped, parsed, rng)
    mixed = mixed_texts(n)
    loop_mixed_s, looped = timed(lambda: [When.parse(t) for t in mixed])
    column_mixed_s, parsed = timed(lambda: parse_dates(mixed))
    same(looped, parsed, rng)
    return {
        "loop_s": loop_s,
        "column_s": column_s,
        "ratio": loop_s / column_s,
        "distinct": len(distinct),
        "loop_distinct_s": loop_distinct_s,
        "column_distinct_s": column_distinct_s,
        "ratio_distinct": loop_distinct_s / column_distinct_s,
        "mixed": len(mixed),
        "loop_mixed_s": loop_mixed_s,
        "column_mixed_s": column_mixed_s,
        "ratio_mixed": loop_mixed_s / column_mixed_s,
    }


def same(looped: list[When], parsed: Any, rng: random.Random, sample: int = 2000) -> None:
    """Stop unless parse_dates read every row, and a sample of them as `When.parse` did."""
    texts = parsed.field("when")
    if parsed.null_count or parsed.field("error").null_count != len(looped):
        raise SystemExit("parse_dates failed on text When.parse reads")
    for i in rng.sample(range(len(looped)), min(sample, len(looped))):
        if texts[i].as_py() != str(looped[i]):
            raise SystemExit(f"parse_dates read row {i} as {texts[i]}, When.parse as {looped[i]}")


def mixed_texts(n: int, seed: int = 11) -> list[str]:
    """Up to ``n`` distinct ISO days, instants (Z, offsets, naive) and months, shuffled."""
    rng = random.Random(seed)
    texts: set[str] = set()
    offsets = ["Z", "+08:00", "-05:00", "+05:30", "+00:00", "-11:45", ""]
    attempts = 0
    while len(texts) < n and attempts < 3 * n:
        attempts += 1
        y, m, d = rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28)
        kind = rng.random()
        if kind < 0.4:
            texts.add(f"{y:04d}-{m:02d}-{d:02d}")
        elif kind < 0.8:
            y = max(y, 1000)  # instants take years 1000..9999 (years before, the slow path)
            sec = f":{rng.randint(0, 59):02d}" if rng.random() < 0.5 else ""
            hh, mi = rng.randint(0, 23), rng.randint(0, 59)
            texts.add(f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mi:02d}{sec}{rng.choice(offsets)}")
        else:
            texts.add(f"{y:04d}-{m:02d}")
    out = sorted(texts)
    rng.shuffle(out)
    return out


_IN_MEMORY = """
import gc, json, random, sys, time
sys.path.insert(0, {bench!r})
from bench_timeline import build, make_fields, make_specs
from timeline import Timeline
n = {n}
specs = make_specs(n, 2026)
fields = make_fields(specs)
gc.collect()
start = time.process_time(); events = build(fields); build_s = time.process_time() - start
del fields
random.Random(2027).shuffle(events)
gc.collect()
start = time.process_time(); tl = Timeline(events); sort_s = time.process_time() - start
gc.collect()
start = time.process_time(); tl.overlapping("2000-01"); index_s = time.process_time() - start
print(json.dumps({{"build_us": build_s / n * 1e6, "sort_s": sort_s, "index_s": index_s}}))
"""


def bench_in_memory(n: int, src: str) -> dict[str, float]:
    """Build, sort and index in a fresh interpreter with ``src`` first on the path."""
    code = _IN_MEMORY.format(bench=str(Path(__file__).parent), n=n)
    env = {**os.environ, "PYTHONPATH": src}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def bench_spark(rows: int, texts: list[str]) -> dict[str, float]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from timeline.spark import parse_dates

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("bench-columnar")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    data = [(texts[i % len(texts)],) for i in range(rows)]
    df = spark.createDataFrame(data, "text string").repartition(2).cache()
    df.count()
    job = parse_dates(df, "text").where("text_parsed.error IS NULL")
    seconds, _ = timed(job.count, cpu=False)  # the work is in Spark's processes: wall time
    spark.stop()
    return {"rows": rows, "seconds": seconds, "rows_per_s": rows / seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_sizes = os.environ.get("BENCH_SIZES", "100000,1000000")
    parser.add_argument("--sizes", default=default_sizes, help="comma-separated event counts")
    parser.add_argument("--scale", type=int, default=10, help="DuckDB rows = largest size x this")
    parser.add_argument("--spark-rows", type=int, default=200_000)
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--before", metavar="SRC", help="src folder of an older timeline")
    parser.add_argument(
        "--only",
        choices=["load", "parse", "memory"],
        help="run only this line (load: Parquet vs JSON; parse: parse_dates; memory: section 3)",
    )
    parser.add_argument("--memory-repeat", type=int, default=2, help="in-memory runs per tree")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    here = str(Path(__file__).parent.parent / "src")
    print(f"columnar benchmark, Python {sys.version.split()[0]}, sizes {sizes}")
    started = time.perf_counter()
    last: Timeline | None = None
    for n in sizes:
        tl = events(n)
        last = tl
        print(f"\n== {n:,} events", flush=True)
        if args.only in (None, "load"):
            with tempfile.TemporaryDirectory() as folder:
                load = bench_load(tl, Path(folder))
                print(
                    f"load     JSON {load['json_s']:7.2f}s   Parquet "
                    f"{load['parquet_s']:6.2f}s   Parquet {load['ratio']:.1f}x faster "
                    f"(target >= 10x); user time alone {load['json_user_s']:.2f}s vs "
                    f"{load['parquet_user_s']:.2f}s, {load['user_ratio']:.1f}x",
                    flush=True,
                )
                json_used = load["json_s"] + load["json_window_s"] + load["json_all_s"]
                parquet_used = load["parquet_s"] + load["parquet_window_s"] + load["parquet_all_s"]
                print(
                    f"         then a month's window ({load['window_answer']:,} events): "
                    f"{load['json_window_s']:.2f}s on the JSON load (its index) vs "
                    f"{load['parquet_window_s']:.2f}s on the Parquet load (the rows near it); "
                    f"then every event made: {load['json_all_s']:.2f}s vs "
                    f"{load['parquet_all_s']:.2f}s. Load and all of that: {json_used:.2f}s vs "
                    f"{parquet_used:.2f}s, {json_used / parquet_used:.1f}x",
                    flush=True,
                )
                if args.only == "load":
                    continue
                scale = args.scale if n == sizes[-1] else 1
                window = bench_window(tl, Path(folder), scale)
                print(
                    f"window   DuckDB over {window['rows']:,} Parquet rows "
                    f"{window['duckdb_s'] * 1e3:7.1f}ms ({window['duckdb_answer']:,} rows)   "
                    f"overlapping on {n:,} in memory {window['memory_s'] * 1e3:6.2f}ms "
                    f"({window['memory_answer']:,} events)",
                    flush=True,
                )
                print(
                    f"window   events_overlapping (exact for sets) "
                    f"{window['exact_s'] * 1e3:7.1f}ms ({window['exact_answer']:,} rows)   "
                    f"{window['exact_s'] / window['duckdb_s']:.2f}x the could_start/could_end SQL",
                    flush=True,
                )
        if args.only in (None, "parse"):
            parse = bench_parse(tl, n)
            print(
                f"parse    {n:,} texts: When.parse loop {parse['loop_s']:6.2f}s   parse_dates "
                f"{parse['column_s']:6.2f}s   {parse['ratio']:.1f}x (target >= 1x); "
                f"{parse['distinct']:,} distinct: {parse['loop_distinct_s']:.2f}s vs "
                f"{parse['column_distinct_s']:.2f}s, {parse['ratio_distinct']:.2f}x; "
                f"{parse['mixed']:,} distinct ISO days/instants/months: "
                f"{parse['loop_mixed_s']:.2f}s vs {parse['column_mixed_s']:.2f}s, "
                f"{parse['ratio_mixed']:.2f}x",
                flush=True,
            )
        if args.only == "parse":
            continue
        # CPU seconds, best of alternating runs: on a shared machine wall time
        # says more about the neighbours than about the code.
        runs = [
            (bench_in_memory(n, here), bench_in_memory(n, args.before) if args.before else None)
            for _ in range(args.memory_repeat)
        ]
        after = {k: min(r[0][k] for r in runs) for k in runs[0][0]}
        befores = [r[1] for r in runs if r[1] is not None]

        def total(r: dict[str, float], n: int = n) -> float:
            """Build, sort and index together: work moved from one step to another shows."""
            return r["build_us"] * n / 1e6 + r["sort_s"] + r["index_s"]

        line = (
            f"memory   build {after['build_us']:5.1f}us/event   sort {after['sort_s']:6.2f}s   "
            f"index {after['index_s']:6.2f}s   all three {total(after):6.2f}s"
        )
        if befores:
            before = {k: min(r[k] for r in befores) for k in befores[0]}
            line += (
                f"   (before: {before['build_us']:.1f}us, {before['sort_s']:.2f}s, "
                f"{before['index_s']:.2f}s, {total(before):.2f}s; "
                f"{before['build_us'] / after['build_us']:.2f}x, "
                f"{before['sort_s'] / after['sort_s']:.2f}x, "
                f"{before['index_s'] / after['index_s']:.2f}x, {total(before) / total(after):.2f}x)"
            )
        print(line, flush=True)
    if not args.no_spark and args.only is None and last is not None:
        texts = sorted({str(e.when) for e in last})
        spark = bench_spark(args.spark_rows, texts)
        print(
            f"\nspark    parse_dates in local[2]: {spark['rows']:,} rows in "
            f"{spark['seconds']:.2f}s, {spark['rows_per_s']:,.0f} rows/s"
        )
    print(f"\ntotal {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
