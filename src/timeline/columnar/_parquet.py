"""Parquet files and datasets: the columnar form on disk.

A ``.parquet`` file holds `to_arrow`'s table; a folder of Parquet files is a
*dataset* (one table split across files, as Spark and DuckDB write them).
Reading takes ``filters`` that pyarrow pushes down to the files: with
`window_filter`, only row groups whose ``could_start``/``could_end`` statistics
meet the window are read, so a one-month read of a large corpus touches a
fraction of it.
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import TYPE_CHECKING, Any

from timeline._errors import DataFileError, DataFileProblem
from timeline.columnar._columns import record_columns
from timeline.columnar._deps import require
from timeline.columnar._read import from_arrow
from timeline.columnar._table import to_arrow
from timeline.model._timeline import Timeline, WindowArg, _window
from timeline.records._atomic import atomic_path

if TYPE_CHECKING:
    import pyarrow.compute as pc

__all__ = ["read_parquet", "window_filter", "write_parquet"]

# Rows per row group: small enough that a window's statistics skip most groups
# of a time-sorted file, large enough to compress well.
ROW_GROUP = 64 * 1024


def write_parquet(timeline: Timeline, path: str | os.PathLike[str]) -> None:
    """Write the timeline as one Parquet file, atomically (zstd, in timeline order).

    >>> import tempfile, pathlib
    >>> from timeline import Event, Timeline
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "events.parquet"
    >>> write_parquet(Timeline([Event(title="x", when="2026-04")]), path)
    >>> read_parquet(path)["x"].when
    When.parse('April 2026')
    """
    pq = require("pyarrow.parquet")

    with atomic_path(path) as temp:
        pq.write_table(to_arrow(timeline), temp, compression="zstd", row_group_size=ROW_GROUP)


def read_parquet(path: str | os.PathLike[str], *, filters: Any = None) -> Timeline:
    """Read a Parquet file, or a folder of them (a dataset), into a timeline.

    ``filters`` is a pyarrow expression (see `window_filter`) or pyarrow's list
    form (``[("kind", "=", "funding")]``), pushed down to the files. Raises
    `DataFileError` for a file that is not Parquet or rows that are not events.

    >>> import tempfile, pathlib
    >>> from timeline import Event, Timeline
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> tl = Timeline([Event(title="x", when="2026-04"), Event(title="y", when="2027")])
    >>> write_parquet(tl, folder / "part-0.parquet")
    >>> [e.id for e in read_parquet(folder, filters=window_filter("2026-04-15"))]
    ['x']
    """
    pa = require("pyarrow")
    pq = require("pyarrow.parquet")

    where = os.fspath(path)
    if not os.path.exists(where):
        raise FileNotFoundError(f"no such file or folder: {where!r}")
    try:
        schema = require("pyarrow.dataset").dataset(where, format="parquet").schema
        # Only what `from_arrow` reads: the query columns are derived, not decoded.
        table = pq.read_table(where, columns=record_columns(schema.names), filters=filters)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OSError) as err:
        if isinstance(err, FileNotFoundError):
            raise
        problem = f"not a Parquet file or dataset timeline can read: {err}"
        raise DataFileError([DataFileProblem(problem, file=where)]) from None
    try:
        return from_arrow(table)
    except DataFileError as err:
        # Row problems are placed in the file (a dataset's rows are counted across its files).
        problems = [
            DataFileProblem(p.message, file=where, line=p.line, field=p.field) for p in err.problems
        ]
        raise DataFileError(problems) from None


def _day(point: _dt.date, widen: int) -> _dt.date:
    day = _dt.date(point.year, point.month, point.day)
    if isinstance(point, _dt.datetime):
        # Instants compare in UTC, the columns hold days: three days cover any offsets.
        day += _dt.timedelta(days=3 * widen)
    return day


def window_filter(start: WindowArg, end: WindowArg | None = None) -> pc.Expression:
    """A pyarrow filter for the events that could fall in the window, for `read_parquet`.

    The window is read as `Timeline.overlapping` reads it (from the earliest
    day of ``start`` to the latest of ``end``, each at its widest: an approximate
    or uncertain window is widened as its fuzzy bounds are), over the ``could_start`` and
    ``could_end`` columns (null is unbounded). For a window of whole days the
    answer is exactly `Timeline.overlapping`'s; a window given as instants is
    widened to their local days, so follow it with ``.overlapping(...)``.

    >>> str(window_filter("2026-04"))
    '(((could_start <= 2026-04-30) or is_null(could_start, {nan_is_null=false})) and \
((could_end >= 2026-04-01) or is_null(could_end, {nan_is_null=false})))'
    """
    pc = require("pyarrow.compute")

    # At its widest, as `overlapping` reads it: "c. 2001?" reaches into 1999.
    lo = _window(start, "start").fuzzy_bounds()[0]
    hi = _window(end if end is not None else start, "end").fuzzy_bounds()[1]
    condition = None
    if hi is not None:
        last = pc.field("could_start") <= pc.scalar(_day(hi, 1))
        condition = last | pc.field("could_start").is_null()
    if lo is not None:
        first = pc.field("could_end") >= pc.scalar(_day(lo, -1))
        first = first | pc.field("could_end").is_null()
        condition = first if condition is None else condition & first
    return pc.scalar(True) if condition is None else condition
