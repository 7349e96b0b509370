"""The SQL of DuckDB's ``events`` view and its ``events_overlapping`` macro, for `duckdb_connect`.

The view reads a timeline's Parquet files as `Timeline.load` reads them: the files joined by
column name, INT96 timestamps (Spark's) as the UTC instants they are, and the window columns
(``could_start``, ``could_end``, ``could_runs``) derived with timeline's parser for rows or
files that lack them (another tool's ``id``/``title``/``when``), so that the macro answers
exactly as `Timeline.overlapping` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.columnar._deps import require
from timeline.columnar._runs import RUNS_LIMIT

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "computed_windows",
    "derived_runs",
    "derived_windows",
    "int96_as_utc",
    "overlapping_macro",
    "read_parquet_sql",
]


def _lambda(param: str, body: str) -> str:
    """A DuckDB lambda in the syntax of the running release (``lambda r: ...`` since 1.3)."""
    duckdb = require("duckdb")
    major, minor = (int(p) for p in duckdb.__version__.split(".")[:2])
    return f"lambda {param}: {body}" if (major, minor) >= (1, 3) else f"{param} -> {body}"


def overlapping_macro(columns: dict[str, str]) -> str | None:
    """The SQL of ``events_overlapping(first, last)`` over a view with ``columns`` (name: SQL
    type); None when it lacks the columns a window reads."""
    if not {"when", "could_start", "could_end", "could_runs"} <= columns.keys():
        return None
    # Only sets and unspecified digits (text) reach could_meet; a typed date has no runs.
    text = '"when"' if columns["when"] == "VARCHAR" else 'CAST("when" AS VARCHAR)'
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
                AND (len(could_runs) < {RUNS_LIMIT} OR could_meet({text}, lo, hi))))
    """


# Canonical texts of the dates that may have several readings: an EDTF set ("[", "{", or
# "April or June 2026") or unspecified digits ("2026-XX-15"). A superset: the runs decide.
_SEVERAL = r"'[\[\{X]| or '"


def computed_windows(names: dict[str, str]) -> str:
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


def derived_runs(names: dict[str, str]) -> str:
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


def int96_as_utc(
    connection: duckdb.DuckDBPyConnection, files: list[str], names: dict[str, str]
) -> str:
    """The SQL source over ``files`` with their INT96 columns (Spark's and Hive's
    timestamps) as the UTC instants they are by the Parquet convention (DuckDB reads them as
    floating ``TIMESTAMP``s), as `Timeline.load` reads them, file by file: ``TIMESTAMPTZ``
    where the folder's column is a timestamp, the instant's ISO text
    (``2026-04-30T23:30:00.000000Z``) where other files make it text. ``names`` is updated
    to the new types."""
    query = f"SELECT file_name, name FROM parquet_schema({_sql_list(files)}) WHERE type = 'INT96'"
    per_file: dict[str, set[str]] = {}
    for file, name in connection.execute(query).fetchall():
        if names.get(str(name), "").startswith(("TIMESTAMP", "VARCHAR")):
            per_file.setdefault(str(file), set()).add(str(name))
    if not per_file:
        return read_parquet_sql(files)
    groups: dict[frozenset[str], list[str]] = {}
    for file in files:
        groups.setdefault(frozenset(per_file.get(file, ())), []).append(file)
    parts = []
    for columns, group in groups.items():
        read = read_parquet_sql(group)
        replaced = ", ".join(f"{_utc(n, names[n])} AS {_ident(n)}" for n in sorted(columns))
        parts.append(
            f"SELECT * REPLACE ({replaced}) FROM {read}" if columns else f"SELECT * FROM {read}"
        )
    for name in set().union(*per_file.values()):
        if names[name] == "TIMESTAMP":
            names[name] = "TIMESTAMP WITH TIME ZONE"
    return "(" + " UNION ALL BY NAME ".join(parts) + ")"


def _utc(name: str, kind: str) -> str:
    """SQL for an INT96 column as a UTC instant: ``TIMESTAMPTZ``, or its ISO text when the
    folder's column of that name is text."""
    if kind == "VARCHAR":
        return f"strftime({_ident(name)}, '%Y-%m-%dT%H:%M:%S.%fZ')"
    return f"timezone('UTC', {_ident(name)})"


def read_parquet_sql(files: list[str]) -> str:
    """``read_parquet`` over ``files``, joined by column name: files of one folder may differ
    (another tool's files without the query columns, say); a column a file lacks is NULL."""
    return f"read_parquet({_sql_list(files)}, union_by_name = true)"


def _sql_list(files: list[str]) -> str:
    """``files`` as a SQL list of text literals."""
    return "[" + ", ".join("'" + file.replace("'", "''") + "'" for file in files) + "]"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _date_text(name: str, kind: str) -> str:
    """SQL for the ISO text of a date column of type ``kind``, as `from_arrow` reads it
    (`dates_as_text`): days as ``2026-04-30``; instants with a zone as UTC (``...Z``); floating
    times as they are, unless the column holds only midnights: then they are days (pandas
    writes its dates so)."""
    column = _ident(name)
    if kind == "VARCHAR":
        return column
    if kind == "DATE":
        return f"CAST({column} AS VARCHAR)"
    if kind == "TIMESTAMP WITH TIME ZONE":
        return f"strftime(timezone('UTC', {column}), '%Y-%m-%dT%H:%M:%S.%fZ')"
    if kind.startswith("TIMESTAMP"):
        at = f"CAST({column} AS TIMESTAMP)"
        return (
            f"CASE WHEN coalesce(bool_and({at} = date_trunc('day', {at})) OVER (), false) "
            f"THEN CAST(CAST({at} AS DATE) AS VARCHAR) "
            f"ELSE strftime({at}, '%Y-%m-%dT%H:%M:%S.%f') END"
        )
    return f"CAST({column} AS VARCHAR)"


def derived_windows(source: str, names: dict[str, str]) -> str:
    """The view over files without the window columns (another tool's id/title/when): the
    columns `to_arrow` writes for window queries (``could_start``, ``could_end``,
    ``could_runs``) derived from the dates by the registered parser (`_event_could`), so
    ``events_overlapping`` answers over them as `Timeline.overlapping` does."""
    end = _date_text("end", names["end"]) if "end" in names else "NULL"
    replayed = "NULL"
    if "initial_when" in names and names.get("claims", "").endswith("[]"):
        first = _date_text("initial_when", names["initial_when"])
        replayed = f"CASE WHEN len(claims) > 0 THEN {first} END"
    could = f"event_could({_date_text('when', names['when'])}, {end}, {replayed})"
    derived = ", ".join(
        f"__timeline_could.{name} AS {name}" for name in ("could_start", "could_end", "could_runs")
    )
    return (
        f"SELECT * EXCLUDE (__timeline_could), {derived} "
        f"FROM (SELECT *, {could} AS __timeline_could FROM {source})"
    )
