"""Nested columns no row uses, found without reading them.

Most timelines have no sources, claims, targets or observations, yet a Parquet
file holds those columns (the schema is fixed), and reading one materialises
every child of every row: at 10^6 rows the four of them cost about a sixth of
a load's CPU time, all to learn that each row is null. A row uses a nested
column when its list is not empty or its struct is not null (`_nested_rows`);
that shows in the column's shape alone, which one leaf carries (Parquet keeps
every ancestor's nulls and list lengths in each leaf's levels). So each such
column's first leaf is read, and a column that no row of any file uses is left
out of the scan: rows read without it read as they did with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.columnar._columns import _NESTED
from timeline.columnar._deps import require

if TYPE_CHECKING:
    import pyarrow.dataset as ds

__all__ = ["unused_nested"]


def _first_leaves(schema: Any, names: list[str]) -> dict[str, str]:
    """Each of ``names``' first leaf path in a Parquet schema (``"claims.list.element.stated"``)."""
    found: dict[str, str] = {}
    for i in range(len(schema)):
        path = schema.column(i).path
        top = path.split(".", 1)[0]
        if top in names and top not in found and "." in path:
            found[top] = path
    return found


def _used(column: Any) -> bool:
    """Whether any row of a (partly read) nested column holds a value: a list that is
    not empty, a struct that is not null."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
        lengths = pc.fill_null(pc.list_value_length(column), 0)
        return bool(pc.any(pc.greater(lengths, 0)).as_py())
    return bool(column.null_count < len(column))


def unused_nested(found: ds.Dataset, columns: list[str]) -> set[str]:
    """Of the nested record ``columns``, those that no row of ``found``'s files uses.

    Only a dataset of Parquet files on a file system pyarrow opens is looked into; a
    column some file lacks, or holds in a form other than a nested one, counts as used
    (it is read, as before).

    >>> import pyarrow as pa, pyarrow.dataset as ds, pyarrow.parquet as pq, tempfile
    >>> kind = pa.struct([("metric", pa.string())])
    >>> path = tempfile.mkdtemp() + "/t.parquet"
    >>> pq.write_table(pa.table({"id": ["a", "b"], "target": pa.nulls(2, kind),
    ...                          "sources": pa.array([[], None], pa.list_(kind))}), path)
    >>> sorted(unused_nested(ds.dataset(path), ["id", "target", "sources"]))
    ['sources', 'target']
    """
    ds_ = require("pyarrow.dataset")
    pq = require("pyarrow.parquet")
    names = [name for name in columns if name in _NESTED]
    if not names or not isinstance(found, ds_.FileSystemDataset):
        return set()
    if not isinstance(found.format, ds_.ParquetFileFormat):
        return set()
    unused = set(names)
    for path in found.files:
        with found.filesystem.open_input_file(path) as source:
            file = pq.ParquetFile(source)
            leaves = _first_leaves(file.schema, sorted(unused))
            unused.intersection_update(leaves)  # a column this file lacks is read
            if not unused:
                return set()
            shapes = file.read(columns=[leaves[name] for name in sorted(unused)], use_threads=False)
            for name in list(unused):
                if _used(shapes.column(name)):
                    unused.discard(name)
            if not unused:
                return set()
    return unused
