"""The columnar form of a timeline: Arrow tables, Parquet files, DuckDB SQL.

Past one process the library does not grow its own engine: `to_arrow` gives a
timeline as an Arrow table whose typed columns (`SCHEMA`) Arrow, DuckDB,
Polars and Spark read natively, `from_arrow` reads it back without loss, and
`parse_dates` runs the date parser over a whole column. Parquet is the form on
disk (`Timeline.load`/`Timeline.save` choose it by the ``.parquet`` suffix;
a folder of Parquet files is a dataset read with `window_filter` pushed down),
and `duckdb_connect` opens SQL over it with the parser as ``when_parse`` and
``events_overlapping(first, last)``, the window `Timeline.overlapping` answers
(``could_runs`` makes it exact for sets and unspecified digits; `RUNS_LIMIT`).

pyarrow (and duckdb, for `duckdb_connect`) are imported only when used:
``pip install 'timeline-events[arrow]'`` or ``[duckdb]``.

>>> from timeline import Event, Timeline
>>> tl = Timeline([Event(title="V4 release", when="2026-04")])
>>> from_arrow(to_arrow(tl)) == tl
True
"""

from __future__ import annotations

from typing import Any

from timeline._errors import quoted
from timeline.columnar._duckdb import (
    duckdb_connect,
    register_when_parse,
    register_window_functions,
)
from timeline.columnar._parquet import read_parquet, window_filter, write_parquet
from timeline.columnar._parse import PARSED_FIELDS, parse_dates, parsed_type
from timeline.columnar._read import from_arrow
from timeline.columnar._runs import RUNS_LIMIT
from timeline.columnar._table import COLUMNS, arrow_schema, to_arrow

__all__ = [
    "COLUMNS",
    "PARSED_FIELDS",
    "RUNS_LIMIT",
    "SCHEMA",
    "arrow_schema",
    "duckdb_connect",
    "from_arrow",
    "parse_dates",
    "parsed_type",
    "read_parquet",
    "register_when_parse",
    "register_window_functions",
    "to_arrow",
    "window_filter",
    "write_parquet",
]


def __getattr__(name: str) -> Any:
    # SCHEMA (a pyarrow.Schema) is built on first use, so importing this package
    # does not import pyarrow.
    if name == "SCHEMA":
        return arrow_schema()
    raise AttributeError(f"module 'timeline.columnar' has no attribute {quoted(name)}")
