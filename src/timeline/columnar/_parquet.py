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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline._errors import (
    DataFileError,
    DataFileNotFoundError,
    DataFilePermissionError,
    DataFileProblem,
    QueryError,
    quoted,
)
from timeline.columnar._columns import record_columns
from timeline.columnar._deps import require
from timeline.columnar._hive import hive_keys, key_problems
from timeline.columnar._pool import load_pool
from timeline.columnar._read import from_arrow, warn_lookalikes
from timeline.columnar._table import to_arrow
from timeline.columnar._typed_dates import dates_as_text
from timeline.model._timeline import Timeline, WindowArg
from timeline.model._windows import window
from timeline.records._atomic import atomic_path, special_problem
from timeline.records._folders import parquet_search, too_wide
from timeline.records._schema import MAX_PROBLEMS

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

__all__ = ["parquet_files", "read_parquet", "window_filter", "write_parquet"]

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


def parquet_files(folder: str | os.PathLike[str]) -> list[str]:
    """The Parquet files of a dataset folder, in name order: its ``.parquet`` files (the
    suffix in any case) and those of its sub-folders, but none whose name, or a folder's on
    the way, starts with ``.`` or ``_`` (hidden files, Spark's ``_temporary/`` files of a
    job not finished).

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("a.parquet", "_b.parquet", "c.txt"):
    ...     _ = (root / name).write_text("")
    >>> [pathlib.Path(f).name for f in parquet_files(root)]
    ['a.parquet']
    """
    found: list[str] = []
    # Hidden and underscore folders are left out as the walk goes, not walked and then
    # dropped: a `.venv/` or `node_modules/.cache/` below can hold a million files.
    for where, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith((".", "_"))]
        found.extend(
            os.path.join(where, name)
            for name in files
            if not name.startswith((".", "_")) and _is_parquet(Path(name))
        )
    return sorted(str(Path(file)) for file in found if os.path.isfile(file))


def _is_parquet(path: Path) -> bool:
    """Whether ``path`` is named as a Parquet file: ``.parquet`` in any case, as `save` and
    `Timeline.load` take the suffix (``events.PARQUET``)."""
    return path.suffix.lower() == ".parquet"


def _dataset(where: str) -> ds.Dataset:
    """A Parquet file, or the ``.parquet`` files of a folder (and its sub-folders), as one
    dataset whose schema holds every file's columns.

    Files whose names start with ``.`` or ``_`` (Spark's ``_SUCCESS``, ``.crc`` files)
    and files of other suffixes (notes beside the data) are left alone, as DuckDB
    leaves them. A column some files lack reads as null in their rows.
    """
    pa = require("pyarrow")
    dataset = require("pyarrow.dataset")

    # INT96 timestamps (Spark's and Hive's default) in microseconds: as nanoseconds, which
    # pyarrow reads them as unless told, a year outside 1677..2262 wraps to another instant.
    parquet = dataset.ParquetFileFormat(
        read_options=dataset.ParquetReadOptions(coerce_int96_timestamp_unit="us")
    )
    if not os.path.isdir(where):
        return dataset.dataset(where, format=parquet)
    files = parquet_files(where)
    if not files:
        problem = "the folder holds no .parquet files; give a .parquet file or a folder of them"
        raise DataFileError([DataFileProblem(problem, file=where)])
    base, paths = os.path.abspath(where), [os.path.abspath(f) for f in files]
    # A key naming one of the event's text columns is text, though every value looks like a
    # number (kind=0/, location=007/): as written in the folder's name.
    keys = pa.schema(
        [k.with_type(pa.string()) if k.name in _TEXT else k for k in hive_keys(paths, base)]
    )

    def found_with(fields: Any) -> ds.Dataset:  # a pyarrow.Schema
        hive = dataset.partitioning(pa.schema(fields), flavor="hive")
        return dataset.dataset(
            paths, schema=fields, format=parquet, partitioning=hive, partition_base_dir=base
        )

    found = found_with(keys)
    # Every file's schema, not the first one's (a column of later files would be lost); the
    # fragments keep the footers they read, so the scan does not read them again.
    fragments = list(found.get_fragments())
    own = [(f.path, _plain(f.physical_schema)) for f in fragments]
    schemas = {f.path: f.physical_schema for f in fragments}
    disagree = key_problems(list(schemas), base, MAX_PROBLEMS, schemas)
    if disagree:
        raise DataFileError([DataFileProblem(message, file=path) for path, message in disagree])
    try:
        schema = pa.unify_schemas(
            [_dates_of_any_type(s, own) for _, s in own], promote_options="permissive"
        )
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        raise DataFileError([DataFileProblem(_clash(own), file=where)]) from None
    # A key that is also a column of the files (Polars writes both) takes the files' type:
    # else pyarrow refuses "large_string vs string", or int32 (from the path) vs int64.
    typed = pa.schema([schema.field(k.name) if k.name in schema.names else k for k in keys])
    whole = pa.schema(
        [*schema, *(k for k in keys if k.name not in schema.names)], metadata=schema.metadata
    )
    if typed == keys:
        return found.replace_schema(whole)
    return found_with(typed).replace_schema(whole)


_DATES = ("when", "end", "initial_when")
_TEXT = {*_DATES, "id", "title", "status", "initial_status", "kind", "location", "description"}


def _dates_of_any_type(schema: pa.Schema, schemas: list[tuple[str, pa.Schema]]) -> pa.Schema:
    """``schema`` with a date column (``when``, ``end``, ``initial_when``) as text when the
    files do not all type it alike (text in one, days or instants in another, as tools
    save them): each file's dates are then read as that file alone reads them
    (`dates_as_text`), file by file (`_by_file`)."""
    pa = require("pyarrow")
    for name in _DATES:
        kinds = {s.field(name).type for _, s in schemas if name in s.names}
        kinds.discard(pa.null())
        if len(kinds) > 1 and all(_text_or_time(k) for k in kinds) and name in schema.names:
            index = schema.get_field_index(name)
            schema = schema.set(index, schema.field(name).with_type(pa.string()))
    return schema


def _text_or_time(kind: Any) -> bool:
    pa = require("pyarrow")
    return bool(pa.types.is_string(kind) or pa.types.is_date(kind) or pa.types.is_timestamp(kind))


def _typed_dates(found: ds.Dataset) -> bool:
    """Whether some file holds as days or instants a date column the dataset reads as text."""
    pa = require("pyarrow")
    for name in _DATES:
        if name not in found.schema.names or not pa.types.is_string(found.schema.field(name).type):
            continue
        for fragment in found.get_fragments():
            physical = fragment.physical_schema
            if name in physical.names and not _text_like(physical.field(name).type):
                return True
    return False


def _text_like(kind: Any) -> bool:
    pa = require("pyarrow")
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return bool(
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_string_view(kind)
        or pa.types.is_null(kind)
    )


def _clash(schemas: list[tuple[str, pa.Schema]]) -> str:
    """The problem of a dataset whose files give a column types that do not mix."""
    pa = require("pyarrow")
    seen: dict[str, tuple[Any, str]] = {}
    for path, schema in schemas:
        for field in schema:
            first = seen.setdefault(field.name, (field.type, path))
            try:
                pa.unify_schemas(
                    [pa.schema([("x", first[0])]), pa.schema([("x", field.type)])],
                    promote_options="permissive",
                )
            except (pa.ArrowTypeError, pa.ArrowInvalid):
                return (
                    f"the files' column {quoted(field.name)} is {first[0]} in "
                    f"{os.path.basename(first[1])} but {field.type} in {os.path.basename(path)}; "
                    "write it with one type in every file"
                )
    return "the files' columns do not unify into one table; write them with one type each"


def _own_metadata(found: ds.Dataset) -> dict[bytes, bytes]:
    """The timeline's own fields (``timeline.name`` ...) the files keep: in the Arrow schema
    they hold, or else in the first file's Parquet key-value metadata, where Polars
    (``write_parquet(metadata=...)``) and DuckDB (``KV_METADATA``) write them (pyarrow
    reads only the Arrow schema's when a file has one)."""
    metadata = dict(found.schema.metadata or {})
    if any(key.startswith(b"timeline.") for key in metadata):
        return metadata
    for fragment in found.get_fragments():
        footer = fragment.metadata.metadata or {}
        metadata.update((k, v) for k, v in footer.items() if k.startswith(b"timeline."))
        break
    return metadata


def _plain(schema: pa.Schema) -> pa.Schema:
    """``schema`` with text and lists in one spelling (``string``, ``list``) and every
    field nullable, so the schemas of files written by different tools unify."""
    pa = require("pyarrow")

    def plain(kind: Any) -> Any:
        if pa.types.is_dictionary(kind):
            return plain(kind.value_type)
        if pa.types.is_large_string(kind) or pa.types.is_string_view(kind):
            return pa.string()
        if pa.types.is_large_binary(kind) or pa.types.is_binary_view(kind):
            return pa.binary()
        if (
            pa.types.is_list(kind)
            or pa.types.is_large_list(kind)
            or pa.types.is_list_view(kind)
            or pa.types.is_large_list_view(kind)
        ):
            return pa.list_(plain(kind.value_type))
        if pa.types.is_struct(kind):
            return pa.struct([pa.field(f.name, plain(f.type)) for f in kind])
        return kind

    return pa.schema([pa.field(f.name, plain(f.type)) for f in schema], metadata=schema.metadata)


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
        return found.to_table(columns=columns)
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
        parts.append(dates_as_text(part) if typed else part)
    table = pa.concat_tables(parts, promote_options="permissive")
    return table.replace_schema_metadata(found.schema.metadata)


def _derived(fragment: ds.Fragment, own: pa.Schema, filters: pc.Expression) -> pa.Table:
    """The record columns of a fragment's rows that ``filters`` keeps, the filter applied to
    the columns `to_arrow` derives (the file lacks some the filter names)."""
    pa = require("pyarrow")

    whole = fragment.to_table(schema=own, columns=record_columns(own.names))
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
