"""The check that a Hive folder's key (``kind=talk/``) agrees with the files' own column.

Oracle: the column read whole (pyarrow compute): a file disagrees exactly when a row holds
another value than its folder's (or a null under a value, a value under the null key). The
check may decide from the row groups' statistics without reading the column, but only when
they prove agreement: missing, partial or inexact statistics mean the column is read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pc = pytest.importorskip("pyarrow.compute")
pq = pytest.importorskip("pyarrow.parquet")

from timeline.columnar import _hive  # noqa: E402
from timeline.columnar._hive import NULL_KEY, key_problems  # noqa: E402


def _write(root: Path, folder: str, values: list[Any], kind: Any, **options: Any) -> str:
    (root / folder).mkdir(parents=True, exist_ok=True)
    path = root / folder / "part-0.parquet"
    pq.write_table(pa.table({"kind": pa.array(values, kind), "n": range(len(values))}), path,
                   **options)  # fmt: skip
    return os.path.abspath(path)


def _oracle(values: list[Any], folder_value: str | None, kind: Any) -> bool:
    """Whether the file disagrees with its folder, from the values themselves."""
    if folder_value is None:
        return any(v is not None for v in values)
    wanted = pa.scalar(folder_value, pa.string()).cast(kind).as_py()
    return any(v != wanted for v in values)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose key column the check reads."""
    seen: list[str] = []
    real = _hive.read_key_columns

    def spy(path: str, columns: list[str]) -> Any:
        seen.append(path)
        return real(path, columns)

    monkeypatch.setattr(_hive, "read_key_columns", spy)
    return seen


class TestStatisticsDecideOnlyWhenTheyProve:
    def test_agreeing_row_groups_are_not_read(self, tmp_path: Path, reads: list[str]) -> None:
        path = _write(tmp_path, "kind=talk", ["talk"] * 1000, pa.string(), row_group_size=100)
        assert key_problems([path], str(tmp_path), 5) == []
        assert reads == []

    def test_a_null_key_of_a_column_of_nulls_is_not_read(
        self, tmp_path: Path, reads: list[str]
    ) -> None:
        path = _write(tmp_path, f"kind={NULL_KEY}", [None] * 10, pa.string())
        assert key_problems([path], str(tmp_path), 5) == []
        assert reads == []

    def test_a_number_key_as_pyarrow_reads_it(self, tmp_path: Path, reads: list[str]) -> None:
        # "007" under an int64 column is 7, as pyarrow reads the folder.
        path = _write(tmp_path, "kind=007", [7, 7], pa.int64())
        assert key_problems([path], str(tmp_path), 5) == []
        assert reads == []

    @pytest.mark.parametrize(
        ("values", "options"),
        [
            (["talk", "model"], {}),  # statistics say min != max
            (["talk", None], {}),  # a null under a value
            (["talk", "model"], {"write_statistics": False}),  # no statistics: read
            (["x" * 5000, "x" * 5000 + "y"], {}),  # too long for statistics: read
        ],
    )
    def test_disagreement_is_found(
        self, values: list[Any], options: dict[str, Any], tmp_path: Path
    ) -> None:
        path = _write(tmp_path, f"kind={values[0]}" if len(values[0]) < 100 else "kind=talk",
                      values, pa.string(), **options)  # fmt: skip
        assert len(key_problems([path], str(tmp_path), 5)) == 1

    def test_no_statistics_means_the_column_is_read(self, tmp_path: Path, reads: list[str]) -> None:
        path = _write(tmp_path, "kind=talk", ["talk"] * 3, pa.string(), write_statistics=False)
        assert key_problems([path], str(tmp_path), 5) == []
        assert reads == [path]


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(st.sampled_from(["a", "b", "007", "7", None]), max_size=30),
    folder_value=st.sampled_from(["a", "b", "7", "007", None]),
    kind=st.sampled_from([pa.string(), pa.large_string(), pa.dictionary(pa.int32(), pa.string())]),
    group=st.integers(1, 8),
    statistics=st.booleans(),
)
def test_the_check_agrees_with_reading_the_column(
    values: list[str | None],
    folder_value: str | None,
    kind: Any,
    group: int,
    statistics: bool,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = tmp_path_factory.mktemp("hive")
    name = NULL_KEY if folder_value is None else folder_value
    path = _write(root, f"kind={name}", values, kind, row_group_size=group,
                  write_statistics=statistics)  # fmt: skip
    found = key_problems([path], str(root), 5)
    assert bool(found) == _oracle(values, folder_value, pa.string())
