"""Nested columns no row uses are not read (`timeline.columnar._empty_columns`), and every
file reads as it did with them: the same events, the same refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
ds = pytest.importorskip("pyarrow.dataset")

from data_strategies import timelines  # noqa: E402
from timeline import DataFileError, Event, Source, Target, Timeline  # noqa: E402
from timeline.columnar import to_arrow  # noqa: E402
from timeline.columnar._empty_columns import unused_nested  # noqa: E402
from timeline.columnar._parquet import _scan  # noqa: E402

NESTED = ["sources", "claims", "target", "observations"]


def _plain(tmp_path: Path) -> Timeline:
    return Timeline([Event(title="x", when="2026-04"), Event(title="y", when="2027")])


def test_a_timeline_without_nested_values_does_not_read_them(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    tl = _plain(tmp_path)
    tl.save(path)
    found = ds.dataset(path)
    assert unused_nested(found, found.schema.names) == set(NESTED)
    scanned = _scan(found, None)
    assert not set(NESTED) & set(scanned.column_names)
    assert Timeline.load(path) == tl


def test_a_column_one_row_uses_is_read(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    tl = Timeline(
        [
            Event(title="x", when="2026-04"),
            Event(title="y", when="2027", sources=[Source(title="Paper", published="2026-01-05")]),
            Event(
                title="z", when="2030", target=Target(metric="ARR", goal="$600M", deadline="2030")
            ),
        ]
    )
    tl.save(path)
    found = ds.dataset(path)
    assert unused_nested(found, found.schema.names) == {"claims", "observations"}
    assert Timeline.load(path) == tl


def _with(tmp_path: Path, name: str, values: Any) -> Path:
    """Our file for two plain events, with column ``name`` replaced by ``values``."""
    table = to_arrow(_plain(tmp_path))
    at = table.column_names.index(name)
    table = table.set_column(at, name, pa.array(values, table.schema.field(name).type))
    path = tmp_path / f"{name}.parquet"
    pq.write_table(table, path)
    return path


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("target", [None, {"metric": None}]),  # a struct, all of whose fields are null
        ("sources", [None, [None]]),  # a list holding a null
        ("sources", [[], [{"title": None}]]),  # a source with no title
        ("claims", [[{"stated": None}], None]),
        ("observations", [None, [{"when": None, "value": None}]]),
    ],
)
def test_a_row_whose_nested_value_is_null_inside_is_still_read_and_refused(
    tmp_path: Path, name: str, values: Any
) -> None:
    path = _with(tmp_path, name, values)
    found = ds.dataset(path)
    assert name not in unused_nested(found, found.schema.names)
    with pytest.raises(DataFileError):
        Timeline.load(path)


def test_legacy_list_names_and_other_writers(tmp_path: Path) -> None:
    """Lists written with Parquet's old names (``list.item``, as older Spark and Hive do)."""
    table = to_arrow(
        Timeline([Event(title="y", when="2027", sources=[Source(title="P", published="2026")])])
    )
    path = tmp_path / "legacy.parquet"
    pq.write_table(table, path, use_compliant_nested_type=False)
    found = ds.dataset(path)
    assert "sources" not in unused_nested(found, found.schema.names)
    assert Timeline.load(path)["y"].sources[0].title == "P"


def test_a_folder_uses_a_column_when_any_file_does(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    Timeline([Event(title="x", when="2026-04")]).save(folder / "a.parquet")
    used = Timeline(
        [Event(title="z", when="2030", target=Target(metric="ARR", goal="$600M", deadline="2030"))]
    )
    used.save(folder / "b.parquet")
    found = ds.dataset(folder)
    assert unused_nested(found, found.schema.names) == {"sources", "claims", "observations"}
    assert Timeline.load(folder)["z"].target == used["z"].target


def test_a_file_without_the_column_reads_it_as_absent(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    Timeline([Event(title="x", when="2026-04")]).save(folder / "a.parquet")
    pq.write_table(pa.table({"id": ["w"], "title": ["W"], "when": ["2028"]}), folder / "b.parquet")
    found = ds.dataset(folder)
    assert unused_nested(found, found.schema.names) == set()  # b lacks them: read as before
    assert sorted(e.id for e in Timeline.load(folder)) == ["w", "x"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tl=timelines())
def test_every_timeline_loads_as_saved(tl: Timeline) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.parquet"
        tl.save(path)
        assert Timeline.load(path) == tl
