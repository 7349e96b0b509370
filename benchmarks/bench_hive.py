"""Benchmark: the Hive key check of a partitioned folder, from statistics vs reading the column.

Run ``python benchmarks/bench_hive.py``. A folder ``kind=k0/ .. kind=k19/`` whose files also
hold a ``kind`` column (Polars writes both) is checked at every load: a file whose column
disagrees with its folder is refused (`timeline.columnar._hive.key_problems`). The library
decides from the row groups' statistics when they prove agreement (min = max = the key, no
nulls); the alternative, named *read column*, reads each file's key column, as the check did
before. Rows: the check with the footers the load has read (its cost inside
`Timeline.load`), the check reading footers itself (as `duckdb_connect` calls it), and the
whole `Timeline.load` for scale. Prints seconds for both and the ratio (read column / library).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from typing import Any

import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from timeline import Event, Timeline
from timeline.columnar import _hive, to_arrow
from timeline.columnar._datasets import parquet_files

ROWS, KINDS, FILES_PER_KIND = 200_000, 20, 5


def _folder(root: str) -> list[str]:
    kinds = [f"k{i}" for i in range(KINDS)]
    events = [
        Event(
            id=f"e{i}",
            title=f"E {i}",
            when=f"20{20 + i % 10}-{1 + i % 12:02d}",
            kind=kinds[i % KINDS],
        )
        for i in range(ROWS)
    ]
    table = to_arrow(Timeline(events))
    for kind in kinds:
        part = table.filter(pc.equal(table.column("kind"), kind))
        os.makedirs(f"{root}/kind={kind}")
        size = len(part) // FILES_PER_KIND
        for j in range(FILES_PER_KIND):
            path = f"{root}/kind={kind}/part-{j}.parquet"
            pq.write_table(part.slice(j * size, size), path, row_group_size=8192)
    return [os.path.abspath(f) for f in parquet_files(root)]


def _best(run: Callable[[], Any], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    root = tempfile.mkdtemp()
    files = _folder(root)
    base = os.path.abspath(root)
    fragments = list(ds.dataset(files, format="parquet").get_fragments())
    schemas = {f.path: f.physical_schema for f in fragments}
    footers = {f.path: f.metadata for f in fragments}
    proven = _hive._proven

    def library(with_footers: bool) -> Callable[[], Any]:
        def run() -> Any:
            if with_footers:
                return _hive.key_problems(files, base, 50, schemas, footers)
            return _hive.key_problems(files, base, 50)

        return run

    def read_column(with_footers: bool) -> Callable[[], Any]:
        def run() -> Any:
            _hive._proven = lambda *_: False  # type: ignore[assignment]
            try:
                return library(with_footers)()
            finally:
                _hive._proven = proven  # type: ignore[assignment]

        return run

    assert library(True)() == read_column(True)() == []
    print(f"{len(files)} files, {ROWS:,} rows, one key column each")
    print(f"{'row':<28}{'library s':>12}{'read column s':>15}{'ratio':>8}")
    for name, footers_read in (
        ("check, footers of the load", True),
        ("check, footers read", False),
    ):
        ours, theirs = _best(library(footers_read)), _best(read_column(footers_read))
        print(f"{name:<28}{ours:>12.4f}{theirs:>15.4f}{theirs / ours:>8.1f}")
    load = _best(lambda: Timeline.load(root), repeat=2)
    print(f"{'Timeline.load (whole)':<28}{load:>12.4f}")


if __name__ == "__main__":
    main()
