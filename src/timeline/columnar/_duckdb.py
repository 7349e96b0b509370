"""DuckDB, embedded: SQL over Parquet timelines, with timeline's parser inside.

`duckdb_connect` opens an in-process DuckDB connection with a view ``events``
over a Parquet file, a folder of them or an Arrow table (the columns of `SCHEMA`),
the parser registered as the SQL function ``when_parse(text, reference)``, which
returns the struct `parse_dates` gives (``when_parse('Q2 2026', NULL).could_end``),
and the table macro ``events_overlapping(first, last)``: the events that could
fall on a day from ``first`` to ``last``, exactly `Timeline.overlapping`'s
(``could_start``/``could_end``, pushed down to the files, then ``could_runs`` for
sets and unspecified digits, and ``could_meet`` for the few values beyond
`RUNS_LIMIT`).
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline._errors import DataFileError, DataFileProblem, TimelineError
from timeline.columnar._datasets import parquet_files
from timeline.columnar._deps import require
from timeline.columnar._hive import key_problems
from timeline.columnar._parse import parse_dates, parsed_type
from timeline.columnar._runs import RUNS_LIMIT, date_runs, runs_array, window_meets
from timeline.columnar._table import could_days, when_columns
from timeline.dates._bounds import _cmp
from timeline.dates._when import When
from timeline.records._schema import MAX_PROBLEMS

if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa

__all__ = ["duckdb_connect", "register_when_parse", "register_window_functions"]


def _duckdb_type(kind: Any) -> str:
    """The DuckDB SQL type of an Arrow type used by `parse_dates`."""
    pa = require("pyarrow")

    if pa.types.is_date32(kind):
        return "DATE"
    if pa.types.is_timestamp(kind):
        return "TIMESTAMPTZ"
    if pa.types.is_list(kind):
        return _RUN
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


_RUN = "STRUCT(first DATE, last DATE)[]"


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> When | None:
    try:
        return When.parse(text)
    except TimelineError:
        return None


def register_window_functions(connection: duckdb.DuckDBPyConnection) -> None:
    """Register ``could_meet(text, first, last)``, ``when_could_runs(text)`` and
    ``event_could(when, end, replayed_from)`` on DuckDB.

    ``could_meet`` says whether the date ``text`` could fall on a day from ``first`` to
    ``last`` (``NULL``: open), by `Timeline.overlapping`'s rule (each member of a set,
    each run of unspecified digits); ``when_could_runs`` gives the runs a row's
    ``could_runs`` holds for that date. Text that is not a date gives ``NULL``.
    ``event_could`` gives the window columns (``could_start``, ``could_end``,
    ``could_runs``) `to_arrow` writes for an event of those dates (``replayed_from``: the
    initial date of a row with claims, else ``NULL``), for rows of files without them; a
    date that is not one fails the query with its reason.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> register_window_functions(con)
    >>> con.execute("SELECT could_meet('April or June 2026', DATE '2026-05-10', "
    ...             "DATE '2026-05-10')").fetchall()
    [(False,)]
    >>> con.execute("SELECT event_could('c. April 2026', NULL, NULL).could_end").fetchall()
    [(datetime.date(2026, 5, 31),)]
    """
    pa = require("pyarrow")
    kind = pa.list_(pa.struct([("first", pa.date32()), ("last", pa.date32())]))

    def could_meet(texts: Any, firsts: Any, lasts: Any) -> Any:
        out: list[bool | None] = []
        for text, first, last in zip(
            texts.to_pylist(), firsts.to_pylist(), lasts.to_pylist(), strict=True
        ):
            when = None if text is None else _parsed(text)
            out.append(None if when is None else window_meets(when, first, last))
        return pa.array(out, pa.bool_())

    def when_could_runs(texts: Any) -> Any:
        rows = []
        for text in texts.to_pylist():
            when = None if text is None else _parsed(text)
            rows.append(None if when is None else date_runs(when))
        return runs_array(rows, kind)

    could = pa.struct(
        [("could_start", pa.date32()), ("could_end", pa.date32()), ("could_runs", kind)]
    )

    def event_could(whens: Any, ends: Any, replayed_from: Any) -> Any:
        rows = [
            _event_could(*row)
            for row in zip(
                whens.to_pylist(), ends.to_pylist(), replayed_from.to_pylist(), strict=True
            )
        ]
        return pa.array(rows, could)

    create: Any = connection.create_function
    create(
        "event_could",
        event_could,
        ["VARCHAR", "VARCHAR", "VARCHAR"],
        f"STRUCT(could_start DATE, could_end DATE, could_runs {_RUN})",
        type="arrow",
        null_handling="special",
    )
    create(
        "could_meet",
        could_meet,
        ["VARCHAR", "DATE", "DATE"],
        "BOOLEAN",
        type="arrow",
        null_handling="special",
    )
    # NULL for a date of one reading ('[2026-01-01]'): DuckDB refuses NULL from a function
    # registered without special null handling.
    create(
        "when_could_runs",
        when_could_runs,
        ["VARCHAR"],
        _RUN,
        type="arrow",
        null_handling="special",
    )


@functools.lru_cache(maxsize=4096)
def _event_could(
    when: str | None, end: str | None, replayed_from: str | None
) -> dict[str, Any] | None:
    """The window columns `to_arrow` writes for an event of date ``when`` and ``end``
    (``could_start``, ``could_end``, ``could_runs``), for the rows of files without them;
    ``replayed_from`` is the initial date of a row with claims (whose end stands only while
    the date has not moved past it: `Event.current_end`). Raises `DataFileError` for a
    date that is not one, as `Timeline.load` refuses it."""
    if when is None:
        return None
    try:
        date = When.parse(when)
        last = None if end is None else When.parse(end)
        first = None if replayed_from is None else When.parse(replayed_from)
    except TimelineError as err:
        problem = f"a row of a file without the window columns (could_start ...): {err}"
        raise DataFileError([DataFileProblem(problem)]) from None
    # As `Event.current_end`: a claim that moved the date past the end drops it.
    moved = first is not None and first != date
    if (
        moved
        and last is not None
        and last.latest is not None
        and (date.latest is None or _cmp(last.latest, date.latest) < 0)
    ):
        last = None
    if last is None:
        could: tuple[int | None, int | None] = when_columns(date)[4:6]
        runs = date_runs(date)
    else:
        could, runs = could_days(date.fuzzy_bounds()[0], last.fuzzy_bounds()[1]), None
    return {
        "could_start": _date(could[0]),
        "could_end": _date(could[1]),
        "could_runs": None
        if runs is None
        else [{"first": _date(a), "last": _date(b)} for a, b in runs],
    }


_EPOCH = _dt.date(1970, 1, 1).toordinal()


def _date(days: int | None) -> _dt.date | None:
    return None if days is None else _dt.date.fromordinal(days + _EPOCH)


def _lambda(param: str, body: str) -> str:
    """A DuckDB lambda in the syntax of the running release (``lambda r: ...`` since 1.3)."""
    duckdb = require("duckdb")
    major, minor = (int(p) for p in duckdb.__version__.split(".")[:2])
    return f"lambda {param}: {body}" if (major, minor) >= (1, 3) else f"{param} -> {body}"


def _overlapping_macro(columns: set[str]) -> str | None:
    """The SQL of ``events_overlapping(first, last)`` over a view with ``columns``; None when
    it lacks the columns a window reads."""
    if not {"when", "could_start", "could_end", "could_runs"} <= columns:
        return None
    hit = _lambda(
        "r",
        "(hi IS NULL OR r.first IS NULL OR r.first <= hi) "
        "AND (lo IS NULL OR r.last IS NULL OR r.last >= lo)",
    )
    return f"""
        CREATE MACRO events_overlapping(lo, hi) AS TABLE
        SELECT * FROM events
        WHERE (hi IS NULL OR could_start IS NULL OR could_start <= hi)
          AND (lo IS NULL OR could_end IS NULL OR could_end >= lo)
          AND (could_runs IS NULL OR (
                len(list_filter(could_runs, {hit})) > 0
                AND (len(could_runs) < {RUNS_LIMIT} OR could_meet("when", lo, hi))))
    """


# Canonical texts of the dates that may have several readings: an EDTF set ("[", "{", or
# "April or June 2026") or unspecified digits ("2026-XX-15"). A superset: the runs decide.
_SEVERAL = r"'[\[\{X]| or '"


def _computed_windows(names: dict[str, str]) -> str:
    """A ``REPLACE`` clause computing the window columns (`_event_could`) of the rows from
    files without them (their ``precision``, which `to_arrow` always writes, is NULL), in a
    view over files of both kinds; else nothing. Read as NULL, unbounded, such a row was
    in every window."""
    if not {"when", "precision", "could_start", "could_end"} <= names.keys():
        return ""
    end = 'CAST("end" AS VARCHAR)' if "end" in names else "NULL"
    # A row with claims replays them from its initial date: its end may no longer stand.
    replayed = "NULL"
    if "initial_when" in names and names.get("claims", "").endswith("[]"):
        replayed = "CASE WHEN len(claims) > 0 THEN CAST(initial_when AS VARCHAR) END"
    could = f'event_could(CAST("when" AS VARCHAR), {end}, {replayed})'
    columns = ["could_start", "could_end", *(["could_runs"] * ("could_runs" in names))]
    replaced = ", ".join(
        f'CASE WHEN precision IS NULL AND "when" IS NOT NULL THEN {could}.{name} '
        f"ELSE {name} END AS {name}"
        for name in columns
    )
    return f" REPLACE ({replaced})"


def _derived_runs(names: dict[str, str]) -> str:
    """Columns to add to a view over files written before ``could_runs`` (none if not needed):
    the runs derived from the date texts, for rows with no ``end`` (an end may stand or not,
    which its claims decide: such a row keeps its hull, a superset)."""
    if "could_runs" in names or names.get("when") != "VARCHAR" or "could_start" not in names:
        return ""
    no_end = '"end" IS NULL AND ' if "end" in names else ""
    added = (
        f', CASE WHEN {no_end}regexp_matches("when", {_SEVERAL}) '
        f'THEN when_could_runs("when") END AS could_runs'
    )
    if names.get("end") == "VARCHAR" and "end_could_runs" not in names:
        added += (
            f', CASE WHEN regexp_matches("end", {_SEVERAL}) '
            f'THEN when_could_runs("end") END AS end_could_runs'
        )
    return added


def duckdb_connect(
    path: str | os.PathLike[str] | pa.Table | None = None,
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the view ``events`` over a Parquet file or folder, or a table.

    ``path`` is a ``.parquet`` file or a folder of them (searched recursively for the
    files `Timeline.load` reads, `parquet_files`; files
    whose columns differ are joined by column name, a missing column reading as NULL),
    or an Arrow table (`to_arrow`'s); without it only the functions are registered:
    ``when_parse`` (`register_when_parse`), ``could_meet`` and ``when_could_runs``
    (`register_window_functions`). Over events, the table macro
    ``events_overlapping(first, last)`` gives the events that could fall on a day from
    ``first`` to ``last`` (``DATE``; ``NULL`` for an open side), exactly
    `Timeline.overlapping`'s. Raises `DataFileError` for a file that is not Parquet. The
    connection is in memory: the Parquet files are read, never written.

    >>> import tempfile, pathlib
    >>> from timeline import Event, Timeline
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "events.parquet"
    >>> Timeline([Event(title="V4 release", when="2026-04", actors=["DeepSeek"])]).save(path)
    >>> con = duckdb_connect(path)
    >>> query = "SELECT id, could_end FROM events WHERE list_contains(actors, 'DeepSeek')"
    >>> con.execute(query).fetchall()
    [('v4-release', datetime.date(2026, 4, 30))]
    >>> con.execute("SELECT id FROM events_overlapping(DATE '2026-04-30', NULL)").fetchall()
    [('v4-release',)]
    """
    require("duckdb")
    import duckdb

    connection = duckdb.connect()
    register_when_parse(connection)
    register_window_functions(connection)
    if path is None:
        return connection
    if not isinstance(path, (str, os.PathLike)):
        pa = require("pyarrow")
        if not isinstance(path, (pa.Table, pa.RecordBatch)):
            connection.close()
            raise TypeError(
                f"duckdb_connect: expected a Parquet file or folder, or an Arrow table; "
                f"got {type(path).__name__}"
            )
        connection.register("timeline_table", path)
        source = "timeline_table"
    else:
        source = _parquet_source(connection, path)
    try:
        described = connection.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
        names = {str(row[0]): str(row[1]) for row in described}
        selected = f"*{_computed_windows(names)}{_derived_runs(names)}"
        connection.execute(f"CREATE VIEW events AS SELECT {selected} FROM {source}")
    except duckdb.Error as err:
        connection.close()
        first = str(err).splitlines()[0]
        unread = f"not a Parquet file or dataset DuckDB can read: {first}"
        shown = "<table>" if source == "timeline_table" else os.fspath(path)
        raise DataFileError([DataFileProblem(unread, file=shown)]) from None
    columns = {row[0] for row in connection.execute("DESCRIBE events").fetchall()}
    macro = _overlapping_macro(columns)
    if macro is not None:
        connection.execute(macro)
    return connection


def _parquet_source(connection: duckdb.DuckDBPyConnection, path: str | os.PathLike[str]) -> str:
    """The ``read_parquet(...)`` of a file or folder (`Timeline.load`'s files of a folder)."""
    where = Path(path)
    if where.is_dir():
        # The files `Timeline.load` reads (no hidden ones, no Spark _temporary/ ones).
        files = parquet_files(where)
        if not files:
            problem = DataFileProblem("the folder holds no .parquet files", file=str(where))
            connection.close()
            raise DataFileError([problem])
        # A Hive key (kind=funding/) that a file's own column contradicts: refused, as
        # Timeline.load refuses it (DuckDB would let the folder win).
        found = [os.path.abspath(f) for f in files]
        disagree = key_problems(found, os.path.abspath(where), MAX_PROBLEMS)
        if disagree:
            connection.close()
            raise DataFileError([DataFileProblem(m, file=p) for p, m in disagree])
    elif where.exists():
        files = [str(where)]
    else:
        connection.close()
        raise FileNotFoundError(f"no such file or folder: {os.fspath(path)!r}")
    listed = ", ".join("'" + file.replace("'", "''") + "'" for file in files)
    # By name: files of one folder may differ (another tool's files without the query
    # columns, say); a column a file lacks reads as NULL.
    return f"read_parquet([{listed}], union_by_name = true)"
