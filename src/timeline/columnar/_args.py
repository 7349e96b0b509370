"""Arguments of the columnar entry points, checked: our error, quoting the input, naming the fix.

A wrong type is an `ArgumentTypeError`: a `QueryError` (a `TimelineError`, as every bad
argument to timeline is) and still a `TypeError`, so code that catches either keeps working.
"""

from __future__ import annotations

import os
from typing import Any

from timeline._errors import QueryError, quoted
from timeline.model._timeline import Timeline

__all__ = ["ArgumentTypeError", "check_connection", "check_path", "check_timeline", "shown"]


class ArgumentTypeError(QueryError, TypeError):
    """An argument of the wrong type to a columnar or Spark entry point.

    >>> from timeline.columnar import to_arrow
    >>> to_arrow([])
    Traceback (most recent call last):
    ...
    timeline.columnar._args.ArgumentTypeError: to_arrow: expected a Timeline, got [] (list); ...
    """


def shown(value: object) -> str:
    """``value`` quoted (cut past 100 characters) with its type, for a message.

    >>> shown(12)
    '12 (int)'
    """
    text = quoted(value)
    if len(text) > 120:
        text = text[:100] + "…"
    return f"{text} ({type(value).__name__})"


def check_timeline(value: object, where: str) -> Timeline:
    """``value`` if it is a `Timeline`, else `ArgumentTypeError` naming the fix.

    >>> check_timeline(Timeline(), "to_arrow")
    <Timeline of 0 events>
    """
    if not isinstance(value, Timeline):
        raise ArgumentTypeError(
            f"{where}: expected a Timeline, got {shown(value)}; "
            "build one with Timeline(events) or Timeline.load(path)"
        )
    return value


def check_path(value: object, where: str) -> str:
    """``value`` as a path string if it is one (text or `os.PathLike`), else `ArgumentTypeError`.

    >>> check_path("events.parquet", "read_parquet")
    'events.parquet'
    """
    if not isinstance(value, str | bytes | os.PathLike):
        raise ArgumentTypeError(
            f"{where}: expected a path (text or pathlib.Path) to a .parquet file or a folder "
            f"of them, got {shown(value)}"
        )
    return os.fsdecode(value)


def check_connection(value: Any, where: str) -> None:
    """Nothing if ``value`` is a DuckDB connection, else `ArgumentTypeError` naming the fix.

    >>> import duckdb
    >>> check_connection(duckdb.connect(), "register_when_parse")
    """
    import duckdb

    if not isinstance(value, duckdb.DuckDBPyConnection):
        raise ArgumentTypeError(
            f"{where}: expected a DuckDB connection, got {shown(value)}; "
            "open one with duckdb.connect() (or use duckdb_connect())"
        )
