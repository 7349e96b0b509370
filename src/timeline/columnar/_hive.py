"""Hive keys that disagree with the files below them, for `read_parquet`.

A folder named ``kind=funding/`` says every row of the files in it has the kind
``funding``. When those files also hold a ``kind`` column (Polars writes both), pyarrow
and DuckDB let the folder's value win and the file's own values are lost without a word;
`key_problems` finds the files where the two disagree, for the reader to refuse them.
`hive_keys` types the keys of a folder's files as pyarrow's discovery does.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline._errors import quoted
from timeline.columnar._deps import require

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["NULL_KEY", "hive_keys", "key_problems", "path_keys", "read_key_columns"]

NULL_KEY = "__HIVE_DEFAULT_PARTITION__"  # a null key, as pyarrow, Spark and DuckDB write it


def hive_keys(paths: list[str], base: str) -> pa.Schema:
    """The Hive keys of ``paths`` under ``base`` (``year=2026/kind=model%20release/``), typed
    as pyarrow's Hive discovery types them: ``int32`` when every value is one, else text (a
    key with only null values, which pyarrow refuses, as text, as DuckDB reads it).

    >>> hive_keys(["/d/year=2026/kind=a%20b/x.parquet", "/d/year=2027/y.parquet"], "/d")
    year: int32
    kind: string
    """
    pa = require("pyarrow")
    values: dict[str, list[str]] = {}
    for path in paths:
        for part in Path(os.path.relpath(os.path.dirname(path), base)).parts:
            key, is_key, value = part.partition("=")
            if is_key:
                values.setdefault(key, []).append(urllib.parse.unquote(value))

    def kind(given: list[str]) -> Any:
        known = [v for v in given if v != "__HIVE_DEFAULT_PARTITION__"]
        whole = all(_INT.fullmatch(v) and -(2**31) <= int(v) < 2**31 for v in known)
        return pa.int32() if known and whole else pa.string()

    return pa.schema([(key, kind(given)) for key, given in values.items()])


_INT = re.compile(r"-?[0-9]+")  # as pyarrow reads them: "-7" and "007" are numbers, "+3" text


def path_keys(path: str, base: str) -> list[tuple[str, str, str | None]]:
    """The Hive keys of a file's folders under ``base``, as (key, folder name, value): the
    value unquoted, ``None`` for a null key.

    >>> path_keys("/d/year=2026/kind=a%20b/notes/x.parquet", "/d")
    [('year', 'year=2026', '2026'), ('kind', 'kind=a%20b', 'a b')]
    >>> path_keys("/d/kind=__HIVE_DEFAULT_PARTITION__/x.parquet", "/d")
    [('kind', 'kind=__HIVE_DEFAULT_PARTITION__', None)]
    """
    found = []
    for part in Path(os.path.relpath(os.path.dirname(path), base)).parts:
        key, is_key, value = part.partition("=")
        if is_key and key:
            text = urllib.parse.unquote(value)
            found.append((key, part, None if text == NULL_KEY else text))
    return found


def key_problems(
    paths: list[str],
    base: str,
    limit: int,
    schemas: Mapping[str, pa.Schema] | None = None,
    footers: Mapping[str, Any] | None = None,
) -> list[tuple[str, str]]:
    """Where a file's own column disagrees with the key its folder names, as (file,
    message): a row whose value is not the folder's (a value under a null key, or a null
    under a value, too). At most ``limit``. Only files holding a column named as a key
    of their path are looked at, and of those only that column: from the row groups'
    statistics when they prove every row holds the folder's value (`_proven`), else read.
    ``schemas`` and ``footers`` (``pyarrow.parquet.FileMetaData``) give what the reader
    has already read of the files (else a file under a key folder has its footer read once).

    >>> import pyarrow as pa, pyarrow.parquet as pq, tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "kind=talk").mkdir()
    >>> pq.write_table(pa.table({"kind": ["talk", "model"]}), root / "kind=talk" / "x.parquet")
    >>> [message for _, message in key_problems([str(root / "kind=talk" / "x.parquet")],
    ...                                         str(root), 5)]
    ["the folder kind=talk gives its files' rows the kind 'talk', but the file's own column \
'kind' holds 'model' too; move the rows to the folder of their value, or drop the column from \
the file (or the key from the folder)"]
    """
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    pq = require("pyarrow.parquet")
    found: list[tuple[str, str]] = []
    for path in paths:
        keys = path_keys(path, base)
        if not keys:
            continue
        footer: Any = None if footers is None else footers.get(path)
        if schemas is None:
            footer = footer or pq.read_metadata(path)
            arrow = footer.schema.to_arrow_schema()
        else:
            arrow = schemas[path]
        keys = [k for k in keys if k[0] in arrow.names]
        if not keys:
            continue
        footer = footer or pq.read_metadata(path)
        # Reading the column costs a scan of it (a tenth of a load over a partitioned
        # folder); the footer's statistics often prove it holds nothing but the key.
        keys = [k for k in keys if not _proven(footer, k[0], arrow.field(k[0]).type, k[2], pa)]
        if not keys:
            continue
        table = read_key_columns(path, [k[0] for k in keys])
        for key, folder, value in keys:
            column = table.column(key)
            if pa.types.is_dictionary(column.type):
                column = column.cast(column.type.value_type)
            other = _other_value(column, value, pa, pc)
            if other is _AGREES:
                continue
            said = "no value (null)" if value is None else f"the {key} {quoted(value)}"
            holds = "nulls" if other is None else _some(other)
            found.append(
                (
                    path,
                    f"the folder {folder} gives its files' rows {said}, but the file's own column "
                    f"{quoted(key)} holds {holds} too; move the rows to the folder of their value, "
                    "or drop the column from the file (or the key from the folder)",
                )
            )
            if len(found) >= limit:
                return found
    return found


_AGREES = object()


def read_key_columns(path: str, columns: list[str]) -> pa.Table:
    """The ``columns`` of the Parquet file at ``path`` (INT96 timestamps as microseconds)."""
    pq = require("pyarrow.parquet")
    table: pa.Table = pq.read_table(path, columns=columns, coerce_int96_timestamp_unit="us")
    return table


def _proven(footer: Any, key: str, kind: Any, value: str | None, pa: Any) -> bool:
    """Whether the row groups' statistics in ``footer`` prove that every row of the file's
    column ``key`` (of Arrow type ``kind``) holds ``value`` as pyarrow reads the folder
    (``None``: every row null).

    Only when every row group has the statistics to say so: a null count, and (for a value)
    a minimum equal to the maximum equal to the value, both exact; for text and whole-number
    columns only. Anything less, and the caller reads the column.
    """
    schema = footer.schema
    index = next((i for i in range(len(schema)) if schema.column(i).path == key), None)
    if index is None:
        return False
    wanted: Any = None
    if value is not None:
        if pa.types.is_dictionary(kind):
            kind = kind.value_type
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)) and not (
            pa.types.is_integer(kind)
        ):
            return False
        try:
            wanted = pa.scalar(value, pa.string()).cast(kind).as_py()
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
            return False  # no row can hold it: the reader says which rows do not
    for group in range(footer.num_row_groups):
        row_group = footer.row_group(group)
        stats = row_group.column(index).statistics
        if stats is None or not stats.has_null_count:
            return False
        if value is None:
            if stats.null_count != row_group.num_rows:
                return False
            continue
        if stats.null_count != 0 or not stats.has_min_max:
            return False
        # A writer may cut long text in the statistics: only exact bounds prove anything.
        if getattr(stats, "is_min_value_exact", True) is False:
            return False
        if getattr(stats, "is_max_value_exact", True) is False:
            return False
        if type(stats.min) is not type(wanted) or not (stats.min == stats.max == wanted):
            return False
    return True


def _some(values: list[Any]) -> str:
    """The first three of ``values`` for a message, and how many more.

    >>> _some(["a", "b", "c", "d", "e"])
    "'a', 'b', 'c' (and 2 other values)"
    """
    shown = ", ".join(repr(v) for v in values[:3])
    more = len(values) - 3
    return shown if more <= 0 else f"{shown} (and {more} other value{'s' * (more > 1)})"


def _other_value(column: Any, value: str | None, pa: Any, pc: Any) -> Any:
    """The values of ``column`` other than the folder's ``value`` (read as the column's type,
    as pyarrow reads it: ``007`` is 7 in a column of numbers), ``None`` for only nulls where
    the folder gives a value, or `_AGREES`."""
    if value is None:
        valid = pc.drop_null(column)
        return _AGREES if len(valid) == 0 else pc.unique(valid).to_pylist()
    try:
        wanted = pa.scalar(value, pa.string()).cast(column.type)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        wanted = None  # the folder's value is not of the column's type: no row can agree
    valid = pc.drop_null(column)
    differ = valid if wanted is None else pc.filter(valid, pc.not_equal(valid, wanted))
    if len(differ):
        return pc.unique(differ).to_pylist()
    return None if column.null_count else _AGREES
