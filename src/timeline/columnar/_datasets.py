"""Opening Parquet files and folders as one pyarrow dataset, for `read_parquet`.

The files of a folder may have been written by different tools: text columns of
different Arrow types, date columns typed in some files and text in others, Hive
keys in the folder names. This module finds the schema they share (or the column
whose types clash), and timeline's own metadata among them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline._errors import DataFileError, DataFileProblem, quoted
from timeline.columnar._deps import require
from timeline.columnar._hive import hive_keys, key_problems
from timeline.records._schema import MAX_PROBLEMS

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.dataset as ds

__all__ = ["int96_as_utc", "parquet_files"]


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
    footers = {f.path: f.metadata for f in fragments} if len(keys) else None
    disagree = key_problems(list(schemas), base, MAX_PROBLEMS, schemas, footers)
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
    """Whether some file holds as days or instants a date column the dataset reads as text,
    or holds one as INT96 (read file by file, as UTC: `int96_as_utc`)."""
    pa = require("pyarrow")
    if any(_int96_dates(fragment) for fragment in found.get_fragments()):
        return True
    for name in _DATES:
        if name not in found.schema.names or not pa.types.is_string(found.schema.field(name).type):
            continue
        for fragment in found.get_fragments():
            physical = fragment.physical_schema
            if name in physical.names and not _text_like(physical.field(name).type):
                return True
    return False


def _int96_dates(fragment: ds.Fragment) -> set[str]:
    """The date columns (``when``, ``end``, ``initial_when``) a file holds as INT96."""
    schema = fragment.metadata.schema  # the Parquet schema, with physical types
    return {
        column.path
        for column in (schema.column(i) for i in range(len(schema)))
        if column.physical_type == "INT96" and column.path in _DATES
    }


def int96_as_utc(table: pa.Table, fragment: ds.Fragment) -> pa.Table:
    """``table`` (read from ``fragment``) with its INT96 date columns as UTC instants.

    INT96 is how Spark and Hive write an instant (Spark's ``TimestampType``), in UTC by
    the Parquet convention; pyarrow reads it as a timestamp with no zone, which
    `dates_as_text` would take for a floating local time."""
    pa = require("pyarrow")
    for name in _int96_dates(fragment):
        if name not in table.column_names:
            continue
        kind = table.schema.field(name).type
        if pa.types.is_timestamp(kind) and kind.tz is None:
            index = table.schema.get_field_index(name)
            column = table.column(name).cast(pa.timestamp(kind.unit, tz="UTC"))
            table = table.set_column(index, name, column)
    return table


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
