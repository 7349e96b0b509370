"""Bad arguments to timeline.columnar's entry points: our errors, quoting the input, naming the fix.

A wrong type is a `QueryError` that is also a `TypeError` (code that catches either keeps
working); a path that names nothing is a `DataFileNotFoundError` (a `FileNotFoundError`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pytest.importorskip("duckdb")

from timeline import Event, Timeline  # noqa: E402
from timeline._errors import DataFileNotFoundError, QueryError, TimelineError  # noqa: E402
from timeline.columnar import (  # noqa: E402
    duckdb_connect,
    from_arrow,
    parse_dates,
    read_parquet,
    register_when_parse,
    register_window_functions,
    to_arrow,
    write_parquet,
)

TL = Timeline([Event(title="x", when="2026-04")])

# (call, the words the message must hold: the input quoted and the fix named)
WRONG_TYPES: list[tuple[str, Callable[[], Any], tuple[str, ...]]] = [
    ("from_arrow(int)", lambda: from_arrow(12345), ("12345", "pyarrow Table")),
    ("from_arrow(Timeline)", lambda: from_arrow(TL), ("Timeline", "to_arrow")),
    ("to_arrow(int)", lambda: to_arrow(12345), ("12345", "Timeline(")),  # type: ignore[arg-type]
    (
        "to_arrow(list of events)",
        lambda: to_arrow([Event(title="x", when="2026")]),  # type: ignore[arg-type]
        ("Event(", "Timeline("),
    ),
    (
        "write_parquet(int)",
        lambda: write_parquet(12345, "unused.parquet"),  # type: ignore[arg-type]
        ("12345", "Timeline("),
    ),
    ("read_parquet(int)", lambda: read_parquet(12345), ("12345", "path")),  # type: ignore[arg-type]
    ("parse_dates(int)", lambda: parse_dates(12345), ("12345", "column of texts")),  # type: ignore[arg-type]
    ("duckdb_connect(int)", lambda: duckdb_connect(12345), ("12345", "Parquet file or folder")),  # type: ignore[arg-type]
    (
        "register_when_parse(int)",
        lambda: register_when_parse(12345),
        ("12345", "duckdb.connect()"),
    ),
    (
        "register_window_functions(str)",
        lambda: register_window_functions("db"),
        ("'db'", "duckdb.connect()"),
    ),
]


class TestWrongTypes:
    @pytest.mark.parametrize(
        ("call", "words"), [(c, w) for _, c, w in WRONG_TYPES], ids=[i for i, _, _ in WRONG_TYPES]
    )
    def test_a_wrong_type_is_our_error_and_a_type_error(
        self, call: Callable[[], Any], words: tuple[str, ...]
    ) -> None:
        with pytest.raises(QueryError) as caught:
            call()
        assert isinstance(caught.value, TypeError)
        for word in words:
            assert word in str(caught.value)


def test_duckdb_connect_names_a_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.parquet"
    with pytest.raises(DataFileNotFoundError) as caught:
        duckdb_connect(missing)
    assert isinstance(caught.value, FileNotFoundError) and isinstance(caught.value, TimelineError)
    assert str(missing) in str(caught.value) and "check the path" in str(caught.value)


def test_parse_dates_refuses_one_text_for_a_column() -> None:
    # "Q2 2026" is not a column of seven one-character texts.
    with pytest.raises(QueryError, match=r"'Q2 2026'.*When\.parse"):
        parse_dates("Q2 2026")  # type: ignore[arg-type]
