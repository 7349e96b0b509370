"""DuckDB, embedded: SQL over Parquet timelines, with timeline's parser inside.

`duckdb_connect` opens an in-process DuckDB connection with a view ``events``
over a Parquet file or a folder of them (the columns of `SCHEMA`), and the
parser registered as the SQL function ``when_parse(text, reference)``, which
returns the struct `parse_dates` gives (``when_parse('Q2 2026', NULL).could_end``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline._errors import DataFileError, DataFileProblem
from timeline.columnar._deps import require
from timeline.columnar._parquet import parquet_files
from timeline.columnar._parse import parse_dates, parsed_type

if TYPE_CHECKING:
    import duckdb

__all__ = ["duckdb_connect", "register_when_parse"]


def _duckdb_type(kind: Any) -> str:
    """The DuckDB SQL type of an Arrow type used by `parse_dates`."""
    pa = require("pyarrow")

    if pa.types.is_date32(kind):
        return "DATE"
    if pa.types.is_timestamp(kind):
        return "TIMESTAMPTZ"
    return "VARCHAR"


def register_when_parse(connection: duckdb.DuckDBPyConnection) -> None:
    """Register ``when_parse(text VARCHAR, reference DATE)`` on a DuckDB connection.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> register_when_parse(con)
    >>> con.execute("SELECT when_parse('April', DATE '2026-03-28').when").fetchall()
    [('April 2026',)]
    """
    duckdb = require("duckdb")

    fields = {field.name: _duckdb_type(field.type) for field in parsed_type()}

    def when_parse(texts: Any, references: Any) -> Any:
        pc = require("pyarrow.compute")

        # One reference for a whole batch (the usual case) is passed once, so the
        # parser's cache works per distinct text.
        unique = pc.unique(references)
        reference = unique[0].as_py() if len(unique) == 1 else references
        return parse_dates(texts, reference=reference)

    # The stubs spell these options as enums whose home moved between duckdb
    # releases; the strings are accepted by every release since 1.1.
    create: Any = connection.create_function
    create(
        "when_parse",
        when_parse,
        ["VARCHAR", "DATE"],
        duckdb.struct_type(fields),
        type="arrow",
        null_handling="special",
    )


def duckdb_connect(path: str | os.PathLike[str] | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the view ``events`` over a Parquet file or folder.

    ``path`` is a ``.parquet`` file or a folder of them (searched recursively for the
    files `Timeline.load` reads, `parquet_files`; files
    whose columns differ are joined by column name, a missing column reading as NULL);
    without it only ``when_parse`` is registered. Raises `DataFileError` for a file
    that is not Parquet. The connection is in memory:
    the Parquet files are read, never written.

    >>> import tempfile, pathlib
    >>> from timeline import Event, Timeline
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "events.parquet"
    >>> Timeline([Event(title="V4 release", when="2026-04", actors=["DeepSeek"])]).save(path)
    >>> con = duckdb_connect(path)
    >>> query = "SELECT id, could_end FROM events WHERE list_contains(actors, 'DeepSeek')"
    >>> con.execute(query).fetchall()
    [('v4-release', datetime.date(2026, 4, 30))]
    """
    require("duckdb")
    import duckdb

    connection = duckdb.connect()
    register_when_parse(connection)
    if path is None:
        return connection
    where = Path(path)
    if where.is_dir():
        # The files `Timeline.load` reads (no hidden ones, no Spark _temporary/ ones).
        files = parquet_files(where)
        if not files:
            problem = DataFileProblem("the folder holds no .parquet files", file=str(where))
            raise DataFileError([problem])
    elif where.exists():
        files = [str(where)]
    else:
        raise FileNotFoundError(f"no such file or folder: {os.fspath(path)!r}")
    listed = ", ".join("'" + file.replace("'", "''") + "'" for file in files)
    # By name: files of one folder may differ (another tool's files without the query
    # columns, say); a column a file lacks reads as NULL.
    view = f"CREATE VIEW events AS SELECT * FROM read_parquet([{listed}], union_by_name = true)"
    try:
        connection.execute(view)
    except duckdb.Error as err:
        connection.close()
        first = str(err).splitlines()[0]
        unread = f"not a Parquet file or dataset DuckDB can read: {first}"
        raise DataFileError([DataFileProblem(unread, file=os.fspath(path))]) from None
    return connection
