"""Parquet files and folders as other tools write them: `Timeline.load` reads what pyarrow and
DuckDB read on their own, or refuses with a `DataFileError` naming the column and the fix."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pc = pytest.importorskip("pyarrow.compute")
duckdb = pytest.importorskip("duckdb")

from data_strategies import plain_whens, timelines  # noqa: E402
from timeline import DataFileError, Event, Source, Timeline, When  # noqa: E402
from timeline.columnar import from_arrow, to_arrow  # noqa: E402

TL = Timeline(
    [
        Event(
            title="V4 release",
            when="2026-04",
            actors=["DeepSeek"],
            kind="model",
            sources=[Source("s1", published="2026-03-01")],
        ).revise(when="2026-05", stated="2026-04-20"),
        Event(title="Keynote", when="2026-04-15T10:00+08:00", status="happened", kind="talk"),
        Event(title="Plan", when="by 2030", tags=["policy"]),
    ],
    name="AI",
)
T = TL.to_arrow()


def _text_as(kind: object) -> pa.Table:
    """``T`` with every text column of another string type."""
    fields = [f.with_type(kind) if f.type == pa.string() else f for f in T.schema]
    return T.cast(pa.schema(fields, metadata=T.schema.metadata))


def _encoded(*names: str) -> pa.Table:
    table = T
    for name in names:
        index = table.schema.get_field_index(name)
        table = table.set_column(index, name, table.column(name).dictionary_encode())
    return table


def _nulls() -> pa.Table:
    """Every nullable column null."""
    n = T.num_rows
    return pa.table(
        {f.name: pa.nulls(n, f.type) if f.nullable else T.column(f.name) for f in T.schema}
    )


def _independently(path: Path, pyarrow: bool = True) -> list[list[object]]:
    """The events pyarrow and DuckDB read from ``path`` on their own, made by `from_arrow`."""
    where = f"{path}/**/*.parquet" if path.is_dir() else str(path)
    sql = f"SELECT * FROM read_parquet('{where}', hive_partitioning = true)"
    by_duckdb = list(from_arrow(duckdb.sql(sql)))
    return [list(from_arrow(pq.read_table(path))) if pyarrow else by_duckdb, by_duckdb]


# Files that load: each as pyarrow and DuckDB read them on their own.
GOOD: list[tuple[str, Callable[[], pa.Table]]] = [
    ("extra columns", lambda: T.append_column("score", pa.array([1.0, 2.0, 3.0]))),
    ("columns reordered", lambda: T.select(list(reversed(T.column_names)))),
    ("title and when alone", lambda: T.select(["title", "when"])),
    ("no id, no status", lambda: T.drop_columns(["id", "status", "initial_status"])),
    ("large_string", lambda: _text_as(pa.large_string())),
    ("string_view", lambda: _text_as(pa.string_view())),
    ("dictionaries", lambda: _encoded("title", "kind", "status", "when")),
    ("chunked", lambda: pa.concat_tables([T.slice(i, 1) for i in range(3)])),
    ("nulls in every nullable column", _nulls),
]


@pytest.mark.parametrize(("label", "make"), GOOD, ids=[g[0] for g in GOOD])
def test_a_file_loads_as_pyarrow_and_duckdb_read_it(
    label: str, make: Callable[[], pa.Table], tmp_path: Path
) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(make(), path)
    loaded = list(Timeline.load(path))
    assert [loaded, loaded] == _independently(path)
    assert [e.id for e in loaded] == [e.id for e in TL]


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
@pytest.mark.parametrize("zone", [None, "UTC", "Asia/Shanghai", "+05:30"])
def test_timestamps_of_any_unit_and_zone(unit: str, zone: str | None, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    moment = dt.datetime(2026, 4, 15, 2, 30, tzinfo=dt.UTC)
    column = pa.array([moment], pa.timestamp(unit, tz=zone))
    pq.write_table(pa.table({"title": ["a"], "when": column, "end": column}), path)
    loaded = list(Timeline.load(path))
    assert [loaded, loaded] == _independently(path)
    # zoned: that instant, in the column's zone with its offset, as Timeline.from_pandas
    # keeps it (frames14; it was written in UTC whatever the zone); UTC: with Z; naive: the
    # wall-clock time it holds
    written = {
        None: "2026-04-15T02:30",
        "UTC": "2026-04-15T02:30Z",
        "Asia/Shanghai": "2026-04-15T10:30+08:00",
        "+05:30": "2026-04-15T08:00+05:30",
    }
    assert str(loaded[0].when) == written[zone]
    if zone is not None:
        assert loaded[0].when == When.instant(moment)  # the same instant


# Files refused: the same message whichever way the table is read.
BAD = [
    (
        pa.table({"id": ["a", "a"], "title": ["x", "y"], "when": ["2026", "2027"]}),
        r"rows\[1\]\.id: 'a' is already the id of row 0; ids must be unique",
    ),
    (
        pa.table({"title": ["x", "x"], "when": ["2026", "2027"]}),
        r"rows\[1\]\.id: 'x' is already the id of row 0",
    ),
    (
        pa.table({"title": pa.nulls(1, pa.string()), "when": ["2026"]}),
        r"rows\[0\]: missing 'title'",
    ),
    (
        pa.table({"title": ["x"], "when": [2026.5]}),
        r"rows\[0\]\.when: must be a date as text, e.g. 'April 2026', not 2026\.5",
    ),
    (
        pa.table({"title": ["x"], "when": ["2026"], "status": ["done"]}),
        r"rows\[0\]\.status: 'done' is not a status; use one of",
    ),
    (
        pa.table({"title": ["x"], "when": ["2026"], "tags": [["a", None]]}),
        r"rows\[0\]\.tags\[1\]: must be non-empty text, not None",
    ),
]


@pytest.mark.parametrize(("table", "message"), BAD)
def test_a_file_refused_names_the_row_and_column(
    table: pa.Table, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(table, path)
    with pytest.raises(DataFileError, match=message):
        Timeline.load(path)
    for read in (lambda: pq.read_table(path), lambda: duckdb.read_parquet(str(path))):
        with pytest.raises(DataFileError, match=message):
            from_arrow(read())


class TestFolders:
    def _same(self, folder: Path, pyarrow: bool = True) -> list[Event]:
        loaded = list(Timeline.load(folder))
        assert [loaded, loaded] == _independently(folder, pyarrow)
        return loaded

    def test_partitioned_by_a_record_column(self, tmp_path: Path) -> None:
        # status=happened/...: the files have no status column, the path holds it
        pq.write_to_dataset(T.drop_columns(["initial_status"]), tmp_path, partition_cols=["status"])
        assert self._same(tmp_path) == list(TL)

    @pytest.mark.parametrize("writer", ["pyarrow", "duckdb"])
    def test_partitioned_with_a_null_key(self, writer: str, tmp_path: Path) -> None:
        # kind=__HIVE_DEFAULT_PARTITION__/ for the event without a kind
        if writer == "pyarrow":
            pq.write_to_dataset(T, tmp_path, partition_cols=["kind"])
        else:
            con = duckdb.connect()
            con.register("t", T)
            con.sql(
                f"COPY t TO '{tmp_path}' (FORMAT parquet, PARTITION_BY (kind), OVERWRITE_OR_IGNORE)"
            )
        assert "kind=__HIVE_DEFAULT_PARTITION__" in {p.name for p in tmp_path.iterdir()}
        assert self._same(tmp_path) == list(TL)

    def test_a_key_that_is_also_an_int64_column_of_the_files(self, tmp_path: Path) -> None:
        # year=2026/ reads as int32 from the path; the files hold year as int64
        for year, rows in ((2026, T.slice(0, 2)), (2030, T.slice(2, 1))):
            (tmp_path / f"year={year}").mkdir()
            years = pa.array([year] * rows.num_rows, pa.int64())
            pq.write_table(
                rows.append_column("year", years), tmp_path / f"year={year}" / "a.parquet"
            )
        # pq.read_table refuses it ("Unable to merge: ... int64 vs dictionary<values=int32>")
        assert self._same(tmp_path, pyarrow=False) == list(TL)

    @pytest.mark.parametrize(
        ("key", "values", "read"),
        [
            ("kind", ["0", "2026"], lambda e: e.kind),  # was "rows[0].kind: must be text, not 0"
            ("location", ["007", "-1"], lambda e: e.location),  # "007" is not 7
            ("when", ["2026", "2027"], lambda e: str(e.when)),
        ],
    )
    def test_a_key_of_a_text_column_is_text_though_every_value_is_a_number(
        self, key: str, values: list[str], read: Callable[[Event], object], tmp_path: Path
    ) -> None:
        # pyarrow (and DuckDB) type a key whose values are all numbers as integers; a key that
        # names one of the event's text columns is text, as written in the folder's name.
        for i, value in enumerate(values):
            (tmp_path / f"{key}={value}").mkdir()
            row = {"title": [f"t{i}"], "when": ["2026"]}
            row.pop(key, None)
            pq.write_table(pa.table(row), tmp_path / f"{key}={value}" / "a.parquet")
        assert sorted(str(read(e)) for e in Timeline.load(tmp_path)) == sorted(values)

    def test_a_url_encoded_key(self, tmp_path: Path) -> None:
        (tmp_path / "kind=model%20release").mkdir()
        pq.write_table(T.drop_columns(["kind"]), tmp_path / "kind=model%20release" / "a.parquet")
        assert {e.kind for e in self._same(tmp_path)} == {"model release"}

    def test_files_of_different_text_types(self, tmp_path: Path) -> None:
        large = _text_as(pa.large_string())
        pq.write_table(large.slice(0, 1), tmp_path / "a.parquet")
        pq.write_table(_encoded("title", "when").slice(1, 2), tmp_path / "b.parquet")
        assert self._same(tmp_path) == list(TL)

    def test_the_timelines_name_from_duckdbs_key_value_metadata(self, tmp_path: Path) -> None:
        con = duckdb.connect()
        con.register("t", T)
        path = tmp_path / "d.parquet"
        con.sql(f"COPY t TO '{path}' (FORMAT parquet, KV_METADATA {{'timeline.name': 'AI'}})")
        assert Timeline.load(path) == TL

    def test_files_whose_types_clash_are_refused_by_column(self, tmp_path: Path) -> None:
        pq.write_table(
            pa.table({"title": ["a"], "when": ["2026"], "kind": ["x"]}), tmp_path / "a.parquet"
        )
        pq.write_table(
            pa.table({"title": ["b"], "when": ["2027"], "kind": [3]}), tmp_path / "b.parquet"
        )
        message = r"column 'kind' is string in a\.parquet but int64 in b\.parquet"
        with pytest.raises(
            DataFileError, match=message + r".*write it with one type in every file"
        ):
            Timeline.load(tmp_path)


# A date column as each tool types it: days, instants with and without a zone, and the
# midnights pandas writes for days.
TYPED_DATES = [
    pa.array([dt.date(2027, 1, 1), dt.date(2026, 12, 31)], pa.date32()),
    pa.array([dt.date(2027, 1, 1), dt.date(1969, 12, 31)], pa.date64()),
    *(
        pa.array([dt.datetime(2026, 4, 30, 23, 30), dt.datetime(2026, 5, 1, 0, 0, 0, 1000)]).cast(
            pa.timestamp(unit, tz=zone), safe=False
        )
        for unit in ("s", "ms", "us", "ns")
        for zone in (None, "UTC", "Asia/Kolkata")
    ),
    pa.array([dt.datetime(2026, 4, 30), dt.datetime(2026, 5, 1)], pa.timestamp("ns")),
]


class TestDatesTypedDifferentlyByFile:
    """A folder whose ``when``/``end`` is text in one file and days or instants in another
    (files saved by different tools) reads each file's dates as that file alone reads them."""

    @pytest.mark.parametrize("typed", TYPED_DATES, ids=lambda a: str(a.type))
    @pytest.mark.parametrize("text_file", ["ours", "plain"])
    def test_each_file_as_it_reads_alone(
        self, typed: pa.Array, text_file: str, tmp_path: Path
    ) -> None:
        if text_file == "ours":  # the query columns too
            pq.write_table(T, tmp_path / "a.parquet")
        else:
            pq.write_table(
                pa.table({"title": ["A"], "when": ["April 2026"]}), tmp_path / "a.parquet"
            )
        ends = pa.array([None, typed[1].as_py()], typed.type)
        pq.write_table(
            pa.table({"title": ["B", "C"], "when": typed, "end": ends}), tmp_path / "b.parquet"
        )
        alone = [*Timeline.load(tmp_path / "a.parquet"), *Timeline.load(tmp_path / "b.parquet")]
        folder = Timeline.load(tmp_path)
        assert list(folder) == list(Timeline(alone))
        # Pushed down file by file (one has no query columns): as `overlapping` on the whole.
        for month in ("2026-04", "2026-05", "2027-01"):
            from timeline.columnar import window_filter

            kept = Timeline.load(tmp_path, filters=window_filter(month))
            assert list(kept.overlapping(month)) == list(folder.overlapping(month))
            assert {e.id for e in kept} >= {e.id for e in folder.overlapping(month)}

    def test_days_in_one_file_and_instants_in_another(self, tmp_path: Path) -> None:
        for name, typed in (("b", TYPED_DATES[0]), ("c", TYPED_DATES[3]), ("d", TYPED_DATES[-1])):
            pq.write_table(
                pa.table({"title": [name], "when": typed[:1]}), tmp_path / f"{name}.parquet"
            )
        alone = [e for f in sorted(tmp_path.iterdir()) for e in Timeline.load(f)]
        assert [str(e.when) for e in alone] == [
            "1 January 2027",
            "2026-04-30T23:30Z",
            "30 April 2026",
        ]
        assert Timeline.load(tmp_path) == Timeline(alone)

    def test_another_column_of_clashing_types_is_still_refused(self, tmp_path: Path) -> None:
        pq.write_table(pa.table({"title": ["a"], "when": ["2026"]}), tmp_path / "a.parquet")
        pq.write_table(pa.table({"title": [3], "when": TYPED_DATES[0][:1]}), tmp_path / "b.parquet")
        with pytest.raises(DataFileError, match=r"column 'title' is string in a\.parquet"):
            Timeline.load(tmp_path)


class TestHiveKeysThatDisagreeWithTheFile:
    """A key in the path (``kind=funding/``) that is also a column of the file below it holding
    another value: refused, naming the file and both values (pyarrow and DuckDB let the path
    win, and the file's own values are lost without a word)."""

    def test_the_path_and_the_column_disagree(self, tmp_path: Path) -> None:
        (tmp_path / "kind=funding").mkdir()
        pq.write_table(T, tmp_path / "kind=funding" / "x.parquet")
        with pytest.raises(DataFileError) as caught:
            Timeline.load(tmp_path)
        message = str(caught.value)
        assert "x.parquet" in message and "kind=funding" in message
        assert "'model'" in message and "'funding'" in message
        # SQL over the folder refuses it too (DuckDB alone lets the folder win)
        from timeline.columnar import duckdb_connect

        with pytest.raises(DataFileError) as by_sql:
            duckdb_connect(tmp_path)
        assert str(by_sql.value) == message

    @pytest.mark.parametrize(
        ("folder", "values"),
        [
            ("year=2026", pa.array([2026, 2027, 2026], pa.int64())),  # a number
            ("year=2026", pa.array([2026, None, 2026], pa.int64())),  # a null under a value
            ("kind=__HIVE_DEFAULT_PARTITION__", pa.array(["x", None, None])),  # a value under null
            ("status=expected", pa.array(["expected", "expected", "happened"])),
        ],
    )
    def test_any_row_that_disagrees(self, folder: str, values: pa.Array, tmp_path: Path) -> None:
        name = folder.partition("=")[0]
        table = T.drop_columns([name]) if name in T.column_names else T
        (tmp_path / folder).mkdir()
        pq.write_table(table.append_column(name, values), tmp_path / folder / "x.parquet")
        with pytest.raises(DataFileError, match=rf"{folder}.*column '{name}'"):
            Timeline.load(tmp_path)

    @pytest.mark.parametrize(
        ("folder", "values"),
        [
            ("year=2026", pa.array([2026] * 3, pa.int64())),
            ("kind=__HIVE_DEFAULT_PARTITION__", pa.nulls(3, pa.string())),
            ("kind=model%20release", pa.array(["model release"] * 3).dictionary_encode()),
        ],
    )
    def test_a_path_that_agrees_loads(self, folder: str, values: pa.Array, tmp_path: Path) -> None:
        name = folder.partition("=")[0]
        table = T.drop_columns([name]) if name in T.column_names else T
        (tmp_path / folder).mkdir()
        pq.write_table(table.append_column(name, values), tmp_path / folder / "x.parquet")
        loaded = Timeline.load(tmp_path)
        assert len(loaded) == 3
        assert {e.kind for e in loaded} == (
            {T.column("kind")[i].as_py() for i in range(3)}
            if name == "year"
            else {values[0].as_py()}
        )


@pytest.mark.parametrize(
    "layout",
    [
        ["a.parquet", "b/c.parquet"],  # no keys
        ["year=2026/a.parquet", "year=2027/b.parquet"],  # whole numbers: int32
        ["year=2026/a.parquet", "year=FY27/b.parquet"],  # one not a number: text
        ["year=-7/a.parquet", "year=+3/b.parquet", "year=007/c.parquet"],  # signs, zeros
        ["n=2147483648/a.parquet"],  # past int32: text
        ["kind=__HIVE_DEFAULT_PARTITION__/a.parquet", "kind=3/b.parquet"],  # a null and a number
        ["kind=model%20release/a.parquet", "kind=a%3Db/b.parquet"],  # URL-encoded
        ["year=2026/kind=x/a.parquet", "kind=y/year=2027/b.parquet"],  # keys in either order
        ["year=2026/notes/a.parquet", "=x/b.parquet"],  # segments that are not keys
    ],
)
def test_hive_keys_are_typed_as_pyarrow_discovers_them(layout: list[str], tmp_path: Path) -> None:
    import pyarrow.dataset as ds
    import pyarrow.fs

    from timeline.columnar._hive import hive_keys

    paths = []
    for name in layout:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.table({"title": ["x"]}), path)
        paths.append(str(path))
    options = ds.FileSystemFactoryOptions(
        partition_base_dir=str(tmp_path), partitioning=ds.HivePartitioning.discover()
    )
    factory = ds.FileSystemDatasetFactory(
        pyarrow.fs.LocalFileSystem(), paths, ds.ParquetFileFormat(), options
    )
    assert hive_keys(paths, str(tmp_path)) == factory.inspect(fragments=0)


def test_a_hive_key_with_only_nulls_loads(tmp_path: Path) -> None:
    # pyarrow's discovery refuses it ("couldn't infer type"); DuckDB reads NULL
    pq.write_to_dataset(T.filter(pc.is_null(T.column("kind"))), tmp_path, partition_cols=["kind"])
    assert [p.name for p in tmp_path.iterdir()] == ["kind=__HIVE_DEFAULT_PARTITION__"]
    loaded = list(Timeline.load(tmp_path))
    assert loaded == _independently(tmp_path, pyarrow=False)[1] == [TL["plan"]]


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2026, 4, 15, 10, 30),
        dt.datetime(2300, 4, 15, 10, 30, 0, 123456),  # past 2262: nanoseconds overflow int64
        dt.datetime(1500, 1, 1, 0, 0, 1),  # before 1677
        dt.datetime(1, 1, 1, 12),
        dt.datetime(9999, 12, 31, 23, 59, 59, 999999),
    ],
)
def test_int96_timestamps_as_spark_writes_them(moment: dt.datetime, tmp_path: Path) -> None:
    # Spark and Hive write timestamps as INT96 by default; pyarrow reads them as nanoseconds
    # unless told otherwise, and a year outside 1677..2262 wrapped round to another instant
    # ('2300-04-15T10:30' was read as '1715-09-25T10:55:26.290448'). INT96 is a UTC instant
    # by the Parquet convention (frames14): read so, not as a floating local time.
    path = tmp_path / "spark.parquet"
    table = pa.table({"title": ["A"], "when": pa.array([moment], pa.timestamp("us"))})
    pq.write_table(table, path, use_deprecated_int96_timestamps=True)
    query = f"""SELECT * REPLACE (timezone('UTC', "when") AS "when") FROM read_parquet('{path}')"""
    by_duckdb = from_arrow(duckdb.sql(query).arrow())
    for loaded in (Timeline.load(path), Timeline.load(tmp_path)):
        assert loaded["a"].when == by_duckdb["a"].when
        assert loaded["a"].when.earliest == moment.replace(tzinfo=dt.UTC)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    timelines(),
    st.sampled_from(["status", "kind", None]),
    st.lists(st.booleans(), min_size=1, max_size=3),
    plain_whens().filter(lambda w: not w.is_instant),
)
def test_a_folder_of_hive_keys_and_files_with_and_without_query_columns(
    tl: Timeline, key: str | None, ours: list[bool], window: object
) -> None:
    """One event a file, in Hive folders of a record column, some files written by timeline and
    some with the record columns only: `Timeline.load` reads the timeline, a pushed-down window
    then `overlapping` is `overlapping`, and DuckDB's `events_overlapping` gives the same ids."""
    import tempfile

    from timeline.columnar import duckdb_connect, window_filter
    from timeline.columnar._columns import record_columns

    root = Path(tempfile.mkdtemp())
    for i, event in enumerate(tl):
        folder = root
        if key is not None:
            value = getattr(event, key)
            value = getattr(value, "value", value) or "__HIVE_DEFAULT_PARTITION__"
            folder = root / f"{key}={urllib.parse.quote(value, safe='')}"
        folder.mkdir(exist_ok=True)
        table = to_arrow(Timeline([event]))
        if not ours[i % len(ours)]:
            table = table.select(record_columns(table.column_names))
        if key is not None:
            table = table.drop_columns([key])
        pq.write_table(table, folder / f"f{i}.parquet")
    if not len(tl):
        return
    whole = Timeline.load(root)
    assert list(whole) == list(tl)
    expected = whole.overlapping(window)
    pushed = Timeline.load(root, filters=window_filter(window))
    assert pushed.overlapping(window) == expected
    con = duckdb_connect(root)
    if "could_start" in {row[0] for row in con.execute("DESCRIBE events").fetchall()}:
        days = [window.earliest, window.latest]  # type: ignore[attr-defined]
        rows = con.execute("SELECT id FROM events_overlapping(?, ?)", days).fetchall()
        assert {row[0] for row in rows} == {e.id for e in expected}
