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
import errno
import os
from typing import TYPE_CHECKING, Any

from timeline._errors import (
    DataFileError,
    DataFileNotFoundError,
    DataFilePermissionError,
    DataFileProblem,
    QueryError,
    quoted,
)
from timeline.columnar._args import check_path, check_timeline
from timeline.columnar._columns import record_columns
from timeline.columnar._datasets import (
    _DATES,
    _dataset,
    _own_metadata,
    _text_like,
    _typed_dates,
    int96_as_utc,
)
from timeline.columnar._deps import require
from timeline.columnar._empty_columns import unused_nested
from timeline.columnar._pool import load_pool
from timeline.columnar._read import from_arrow, warn_lookalikes
from timeline.columnar._table import to_arrow
from timeline.columnar._typed_dates import dates_as_text
from timeline.model._timeline import Timeline, WindowArg
from timeline.model._windows import window
from timeline.records._atomic import atomic_path, special_problem
from timeline.records._folders import parquet_search, too_wide

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

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
    check_timeline(timeline, "write_parquet")
    pq = require("pyarrow.parquet")

    with atomic_path(path) as temp:
        pq.write_table(to_arrow(timeline), temp, compression="zstd", row_group_size=ROW_GROUP)


def read_parquet(path: str | os.PathLike[str], *, filters: Any = None) -> Timeline:
    """Read a Parquet file, or a folder of them (a dataset), into a timeline.

    ``filters`` is a pyarrow expression (see `window_filter`) or pyarrow's list
    form (``[("kind", "=", "funding")]``), pushed down to the files. Raises
    `DataFileError` for a file that is not Parquet or rows that are not events
    (`DataFileNotFoundError` for a path that names nothing),
    `QueryError` for a filter that is not one or does not fit the columns.

    >>> import tempfile, pathlib
    >>> from timeline import Event, Timeline
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> tl = Timeline([Event(title="x", when="2026-04"), Event(title="y", when="2027")])
    >>> write_parquet(tl, folder / "part-0.parquet")
    >>> [e.id for e in read_parquet(folder, filters=window_filter("2026-04-15"))]
    ['x']
    """
    check_path(path, "read_parquet")
    with load_pool():  # see `timeline.columnar._pool`: mimalloc refaults large buffers
        return _read(path, filters)


def _read(path: str | os.PathLike[str], filters: Any) -> Timeline:
    """`read_parquet`'s work."""
    pa = require("pyarrow")

    where = os.fspath(path)
    if not os.path.exists(where):
        raise DataFileNotFoundError(where, "check the path")
    special = special_problem(where, os.stat(where).st_mode)
    if special is not None:  # a named pipe would wait for a writer, a device never end
        raise DataFileError([DataFileProblem(special, file=where)])
    search = parquet_search(where) if os.path.isdir(where) else "found"
    if search == "too many":  # `/` or a home folder, given by mistake: not walked to its end
        raise DataFileError([DataFileProblem(too_wide("the folder"), file=where)])
    if search == "none":
        # An empty dataset has no columns: say what is wrong, not "no 'title' column".
        problem = (
            "the folder holds no .parquet files; give a data file "
            "(.yaml, .yml, .json, .csv, .parquet) or a folder of Parquet files"
        )
        raise DataFileError([DataFileProblem(problem, file=where)])
    try:
        found = _dataset(where)
        table = _scan(found, filters)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OSError) as err:
        if isinstance(err, FileNotFoundError):  # gone between the look and the read
            raise DataFileNotFoundError(where, "check the path") from None
        if isinstance(err, PermissionError):  # a file (or one in the folder) it may not open
            raise DataFilePermissionError(where, err.errno or errno.EACCES) from None
        problem = (
            f"not a Parquet file or dataset timeline can read: {str(err).rstrip('.')}; it may be "
            "cut short (a copy or download that did not finish) or another format named "
            ".parquet: copy it again, or save it again with Timeline.save"
        )
        raise DataFileError([DataFileProblem(problem, file=where)]) from None
    warn_lookalikes(found.schema.names, where)  # the table read holds only the columns read
    try:
        return from_arrow(table.replace_schema_metadata(_own_metadata(found)))
    except DataFileError as err:
        # Row problems are placed in the file (a dataset's rows are counted across its files).
        problems = [
            DataFileProblem(p.message, file=where, line=p.line, field=p.field) for p in err.problems
        ]
        raise DataFileError(problems) from None


def _scan(found: ds.Dataset, filters: Any) -> pa.Table:
    """The record columns of the rows ``filters`` keeps.

    Files without a column the filter names (another tool's files, without the
    query columns) are read whole, made into events and filtered on the columns
    `to_arrow` derives for them, so a window is exact over them too.
    """
    pa = require("pyarrow")
    pq = require("pyarrow.parquet")

    columns = record_columns(found.schema.names)
    typed = _typed_dates(found)
    if filters is None and not typed:
        unused = unused_nested(found, columns)  # nested columns no row uses: not read
        return found.to_table(columns=[name for name in columns if name not in unused])
    if filters is None:
        return _by_file(found, None, typed=True)
    pc = require("pyarrow.compute")
    fix = "give an expression such as window_filter('2026-04'), or [('kind', '=', 'funding')]"
    if isinstance(filters, list):
        try:
            filters = pq.filters_to_expression(filters)
        except (ValueError, TypeError, pa.ArrowException) as err:
            raise QueryError(
                f"filters: {quoted(filters)} is not a pyarrow filter ({err}); {fix}"
            ) from None
    if not isinstance(filters, pc.Expression):
        raise QueryError(f"filters: {quoted(filters)} is not a pyarrow filter; {fix}")
    try:
        return _filtered(found, columns, filters, typed)
    except (pa.ArrowNotImplementedError, pa.ArrowTypeError) as err:
        problem = str(err).splitlines()[0]
        raise QueryError(
            f"filters: {filters} cannot be applied to the files' columns ({problem}); compare "
            "each column with a value of its type (a date column with a datetime.date)"
        ) from None


def _filtered(
    found: ds.Dataset, columns: list[str], filters: pc.Expression, typed: bool
) -> pa.Table:
    """`_scan` with a filter: pushed down where the files have its columns."""
    pa = require("pyarrow")

    if not typed and all(_has_columns(f, found.schema) for f in found.get_fragments()):
        try:
            return found.to_table(columns=columns, filter=filters)
        except pa.ArrowInvalid as err:
            if "No match for FieldRef" not in str(err):
                raise
    return _by_file(found, filters, typed=typed)


def _by_file(found: ds.Dataset, filters: pc.Expression | None, *, typed: bool) -> pa.Table:
    """The record columns of the rows ``filters`` keeps (all, for ``None``), file by file:
    a file lacking a column the filter names is filtered on the columns `to_arrow` derives;
    with ``typed``, each file's date columns are read with the file's own type and made
    into text (`dates_as_text`) as that file alone is read."""
    pa = require("pyarrow")

    parts = []
    for fragment in found.get_fragments():
        own = _own_schema(fragment, found.schema, typed=typed)
        try:
            part = fragment.to_table(schema=own, columns=record_columns(own.names), filter=filters)
        except pa.ArrowInvalid as err:
            if filters is None or "No match for FieldRef" not in str(err):
                raise
            part = _derived(fragment, own, filters)
        parts.append(dates_as_text(int96_as_utc(part, fragment)) if typed else part)
    table = pa.concat_tables(parts, promote_options="permissive")
    return table.replace_schema_metadata(found.schema.metadata)


def _derived(fragment: ds.Fragment, own: pa.Schema, filters: pc.Expression) -> pa.Table:
    """The record columns of a fragment's rows that ``filters`` keeps, the filter applied to
    the columns `to_arrow` derives (the file lacks some the filter names)."""
    pa = require("pyarrow")

    whole = fragment.to_table(schema=own, columns=record_columns(own.names))
    whole = int96_as_utc(whole, fragment)
    try:
        derived = to_arrow(from_arrow(whole))
    except DataFileError as err:
        problems = [
            DataFileProblem(p.message, file=fragment.path, line=p.line, field=p.field)
            for p in err.problems
        ]
        raise DataFileError(problems) from None
    # The partition keys (``year=2026/`` in the path) are columns the filter may name.
    keys = require("pyarrow.dataset").get_partition_keys(fragment.partition_expression)
    for key, value in keys.items():
        if key in derived.column_names:  # a record column (status=happened/): read, as is
            continue
        kind = own.field(key).type if key in own.names else None
        derived = derived.append_column(key, pa.array([value] * derived.num_rows, kind))
    try:
        kept = derived.filter(filters)
    except pa.ArrowInvalid as err:
        problem = (
            f"the filter names a column neither this file nor timeline.columnar.SCHEMA has "
            f"({str(err).splitlines()[0]}); filter on the columns of SCHEMA"
        )
        raise DataFileError([DataFileProblem(problem, file=fragment.path)]) from None
    return kept.select(record_columns(kept.column_names))


def _own_schema(fragment: ds.Fragment, schema: pa.Schema, *, typed: bool = False) -> pa.Schema:
    """The dataset's schema cut to the columns the fragment's file has (and partition keys);
    with ``typed``, its date columns of the file's own type (days or instants)."""
    pa = require("pyarrow")
    physical = fragment.physical_schema
    has = set(physical.names)
    has.update(require("pyarrow.dataset").get_partition_keys(fragment.partition_expression))
    fields = [f for f in schema if f.name in has]
    if typed:
        fields = [
            f.with_type(physical.field(f.name).type)
            if f.name in _DATES
            and f.name in physical.names
            and not _text_like(physical.field(f.name).type)
            else f
            for f in fields
        ]
    return pa.schema(fields, metadata=schema.metadata)


def _has_columns(fragment: ds.Fragment, schema: pa.Schema) -> bool:
    return set(_own_schema(fragment, schema).names) == set(schema.names)


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
    widened to their local days, so follow it with ``.overlapping(...)``. A bound
    `overlapping` refuses (undated, an unknown end, a window that ends before it
    starts) is the same `QueryError` here.

    An EDTF set ("April or June 2026") or unspecified digits ("2026-XX-15") are read
    as their readings, whose runs ``could_runs`` lists; pyarrow's dataset filters do
    not read lists, so this filter reads their hull (April..June), and a window that
    is a set is pushed down by its hull too: for sets the filter keeps a superset (the
    April-or-June row for a window of 10 May), which ``.overlapping(...)`` on the
    timeline read makes exact (DuckDB's ``events_overlapping`` is exact on its own).

    >>> str(window_filter("2026-04"))
    '(((could_start <= 2026-04-30) or is_null(could_start, {nan_is_null=false})) and \
((could_end >= 2026-04-01) or is_null(could_end, {nan_is_null=false})))'
    """
    pc = require("pyarrow.compute")

    # At its widest, as `overlapping` reads it: "c. 2001?" reaches into 1999.
    first, last = window(start, end, "window_filter")  # refused as `overlapping` refuses it
    lo, hi = first.fuzzy_bounds()[0], last.fuzzy_bounds()[1]
    condition = None
    if hi is not None:
        last = pc.field("could_start") <= pc.scalar(_day(hi, 1))
        condition = last | pc.field("could_start").is_null()
    if lo is not None:
        first = pc.field("could_end") >= pc.scalar(_day(lo, -1))
        first = first | pc.field("could_end").is_null()
        condition = first if condition is None else condition & first
    return pc.scalar(True) if condition is None else condition
