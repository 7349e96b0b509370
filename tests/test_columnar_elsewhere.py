"""Tables and Parquet files written by other tools (DuckDB, Polars, Spark, by hand): read right."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pc = pytest.importorskip("pyarrow.compute")
duckdb = pytest.importorskip("duckdb")

from data_strategies import plain_whens, timelines  # noqa: E402
from timeline import Event, Timeline, When  # noqa: E402
from timeline.columnar import from_arrow, to_arrow, window_filter  # noqa: E402


def _slipped() -> Timeline:
    """Events whose claims moved the date and the status; and one without claims."""
    v4 = Event(title="V4 release", when="2026-04", actors=["DeepSeek"]).revise(
        when="2026-05", stated="2026-04-20"
    )
    done = Event(title="Launch", when="2026-Q2").revise(status="happened", stated="2026-05-02")
    plain = Event(title="Forum", when="2026-03-24")
    return Timeline([v4, done, plain])


def _dates(tl: Timeline) -> dict[str, tuple[str, str]]:
    return {e.id: (str(e.when), e.status.value) for e in tl}


class TestTheCurrentDateWithoutClaims:
    """A row whose claims are gone (projected away in SQL, or a file written without them)
    stands for the event as it is now: its ``when`` and ``status``, not the initial ones."""

    @pytest.mark.parametrize(
        "select",
        [
            "SELECT * EXCLUDE (claims) FROM t",
            'SELECT title, initial_when, "when", initial_status, status FROM t',
            "SELECT * REPLACE ([] AS claims) FROM t",
            "SELECT * REPLACE (NULL AS claims) FROM t",
        ],
    )
    def test_a_sql_projection_without_claims(self, select: str) -> None:
        tl = _slipped()
        t = to_arrow(tl)  # noqa: F841  (DuckDB reads it by name)
        back = from_arrow(duckdb.sql(select))
        assert _dates(back) == _dates(tl)
        assert _dates(back)["v4-release"] == ("May 2026", "expected")
        assert _dates(back)["launch"] == ("Q2 2026", "happened")

    def test_rows_with_claims_still_replay_them(self) -> None:
        tl = _slipped()
        assert from_arrow(to_arrow(tl)) == tl
        half = to_arrow(tl)
        claims = half.column("claims").to_pylist()
        claims[1] = []  # the launch's claim dropped; the V4 release keeps its own
        half = half.set_column(
            half.schema.get_field_index("claims"),
            "claims",
            pa.array(claims, half.schema.field("claims").type),
        )
        back = from_arrow(half)
        assert back["v4-release"] == tl["v4-release"]  # claims and all
        assert _dates(back)["launch"] == ("Q2 2026", "happened")

    def test_a_dataset_whose_files_differ(self, tmp_path: Path) -> None:
        # The first file has the record columns, the second only title, when and status.
        tl = _slipped()
        pq.write_table(to_arrow(tl[:1]), tmp_path / "part-0.parquet")
        rest = to_arrow(tl[1:]).select(["title", "when", "status"])
        pq.write_table(rest, tmp_path / "part-1.parquet")
        assert _dates(Timeline.load(tmp_path)) == _dates(tl)


def _names_typed(value_type: object, list_type: object) -> object:
    return pa.array([["DeepSeek", "Tencent"], [], ["x"]], pa.list_(pa.string())).cast(
        list_type(value_type)  # type: ignore[operator]
    )


@pytest.mark.parametrize("list_type", [pa.list_, pa.large_list], ids=["list", "large_list"])
@pytest.mark.parametrize(
    "value_type",
    [pa.string(), pa.large_string(), pa.string_view(), pa.dictionary(pa.int32(), pa.string())],
    ids=["string", "large_string", "string_view", "dictionary"],
)
def test_name_lists_of_any_string_type(value_type: object, list_type: object) -> None:
    # Polars writes large_list<large_string>; Arrow has other spellings of text too.
    names = _names_typed(value_type, list_type)
    table = pa.table(
        {"title": ["A", "B", "C"], "when": ["2026", "2027", "2028"], "actors": names,
         "tags": names, "related": pa.array([[], [], []], pa.list_(pa.string()))}
    )  # fmt: skip
    tl = from_arrow(table)
    assert [e.actors for e in tl] == [("DeepSeek", "Tencent"), (), ("x",)]
    assert [e.tags for e in tl] == [("DeepSeek", "Tencent"), (), ("x",)]


class TestDuckDBOverFilesFromElsewhere:
    def test_a_folder_whose_files_differ_is_one_view(self, tmp_path: Path) -> None:
        from timeline.columnar import duckdb_connect

        tl = _slipped()
        pq.write_table(to_arrow(tl[:1]), tmp_path / "part-0.parquet")
        rest = to_arrow(tl[1:]).select(["title", "when", "status"])
        pq.write_table(rest, tmp_path / "part-1.parquet")
        con = duckdb_connect(tmp_path)
        rows = con.sql('SELECT title, "when", id FROM events ORDER BY title').fetchall()
        first = tl.events[0]
        assert rows == sorted(
            (e.title, str(e.when), e.id if e is first else None) for e in tl
        )  # the second file has no ids: NULL
        assert _dates(from_arrow(con.sql("SELECT * FROM events"))) == _dates(tl)

    @pytest.mark.parametrize("content", [b"", b"title,when\nx,2026\n", b"PAR1 not really PAR1"])
    def test_a_file_that_is_not_parquet(self, tmp_path: Path, content: bytes) -> None:
        from timeline import DataFileError
        from timeline.columnar import duckdb_connect

        path = tmp_path / "events.parquet"
        path.write_bytes(content)
        with pytest.raises(DataFileError, match="not a Parquet file"):
            duckdb_connect(path)


class TestDatasetsFromElsewhere:
    def test_columns_only_later_files_have_are_read(self, tmp_path: Path) -> None:
        # The first file (by name) has only title and when: the second's actors, claims
        # and sources must not be dropped.
        tl = _slipped()
        first = Timeline([Event(title="Aardvark", when="2025")])
        pq.write_table(to_arrow(first).select(["title", "when"]), tmp_path / "part-0.parquet")
        pq.write_table(to_arrow(tl), tmp_path / "part-1.parquet")
        back = Timeline.load(tmp_path)
        assert back["v4-release"] == tl["v4-release"]  # actors and claims kept
        assert back["launch"] == tl["launch"]
        assert len(back) == 4

    def test_text_columns_of_other_string_types(self, tmp_path: Path) -> None:
        tl = _slipped()
        pq.write_table(to_arrow(tl[:1]), tmp_path / "part-0.parquet")
        table = to_arrow(tl[1:]).select(["title", "when", "status", "actors"])
        big = pa.schema([(f.name, pa.large_string() if f.type == pa.string() else
                          pa.large_list(pa.large_string())) for f in table.schema])  # fmt: skip
        pq.write_table(table.cast(big), tmp_path / "part-1.parquet")
        assert _dates(Timeline.load(tmp_path)) == _dates(tl)

    def test_files_that_are_not_parquet_are_left_alone(self, tmp_path: Path) -> None:
        # As Spark writes a folder (_SUCCESS, .crc files) and people leave notes beside it.
        tl = _slipped()
        pq.write_table(to_arrow(tl), tmp_path / "part-0.parquet")
        (tmp_path / "README.txt").write_text("events of 2026\n")
        (tmp_path / "_SUCCESS").write_text("")
        (tmp_path / ".part-0.parquet.crc").write_bytes(b"\x00\x01")
        assert Timeline.load(tmp_path) == tl

    def test_a_folder_without_parquet_files(self, tmp_path: Path) -> None:
        from timeline import DataFileError

        (tmp_path / "README.txt").write_text("nothing here\n")
        with pytest.raises(DataFileError, match=r"no \.parquet files"):
            Timeline.load(tmp_path)

    def test_a_window_over_files_without_the_query_columns(self, tmp_path: Path) -> None:
        # Files from elsewhere have no could_start/could_end: the window is still exact.
        from timeline.columnar import window_filter

        tl = _slipped()
        pq.write_table(to_arrow(tl[:1]), tmp_path / "part-0.parquet")
        pq.write_table(to_arrow(tl[1:]).select(["title", "when", "status"]),
                       tmp_path / "part-1.parquet")  # fmt: skip
        for month in ("2026-03", "2026-05", "2026-06", "2027"):
            back = Timeline.load(tmp_path, filters=window_filter(month))
            assert _dates(back) == _dates(tl.overlapping(month)), month
        alone = tmp_path / "part-1.parquet"
        back = Timeline.load(alone, filters=window_filter("2026-06"))
        assert [e.title for e in back] == ["Launch"]

    def test_hive_partitions_still_filter(self, tmp_path: Path) -> None:
        tl = _slipped()
        for year in (2025, 2026):
            (tmp_path / f"year={year}").mkdir()
            part = tl[:1] if year == 2025 else tl[1:]
            pq.write_table(to_arrow(part), tmp_path / f"year={year}" / "part-0.parquet")
        back = Timeline.load(tmp_path, filters=[("year", "=", 2026)])
        assert back == tl[1:]
        # A partition of another tool's files (no query columns): read file by file.
        bare = to_arrow(tl[1:]).select(["title", "when", "status"])
        pq.write_table(bare, tmp_path / "year=2026" / "part-0.parquet")
        window = window_filter("2026-06")
        back = Timeline.load(tmp_path, filters=window & (pa.compute.field("year") == 2026))
        assert _dates(back) == _dates(tl[1:].overlapping("2026-06"))
        assert (
            len(Timeline.load(tmp_path, filters=window & (pa.compute.field("year") == 2025))) == 0
        )

    @pytest.mark.parametrize("key", ["status", "kind"])
    def test_a_window_over_hive_folders_of_a_record_column(self, key: str, tmp_path: Path) -> None:
        # status=happened/ over another tool's files (no query columns): the window was a
        # KeyError ('Field "status" exists 2 times'), the key added twice to the derived rows.
        tl = Timeline(
            [
                Event(title="A", when="2026-04", status="happened", kind="talk"),
                Event(title="B", when="2026-05", kind="model"),
                Event(title="C", when="2027", kind="model"),
            ]
        )
        for value in {getattr(e, key) for e in tl}:
            value = getattr(value, "value", value)
            folder = tmp_path / f"{key}={value}"
            folder.mkdir()
            rows = [e for e in tl if getattr(getattr(e, key), "value", getattr(e, key)) == value]
            bare = to_arrow(Timeline(rows)).select(["title", "when", "status", "kind"])  # no query
            pq.write_table(bare.drop_columns([key]), folder / "part-0.parquet")
        for month in ("2026-04", "2026-05", "2027-01"):
            back = Timeline.load(tmp_path, filters=window_filter(month))
            assert back == tl.overlapping(month)
        value, titles = {"kind": ("model", ["B"]), "status": ("happened", ["A"])}[key]
        back = Timeline.load(tmp_path, filters=window_filter("2026") & (pc.field(key) == value))
        assert [e.title for e in back] == titles

    def test_a_filter_on_a_column_nobody_has(self, tmp_path: Path) -> None:
        from timeline import DataFileError

        _slipped().save(tmp_path / "events.parquet")
        with pytest.raises(DataFileError, match="filter on the columns of SCHEMA"):
            Timeline.load(tmp_path / "events.parquet", filters=[("nope", "=", "x")])


class TestDateColumnsOfOtherTypes:
    """``when`` and ``end`` typed as dates or timestamps (``published::DATE AS "when"`` in
    SQL) are read as the days and instants they hold."""

    @pytest.mark.parametrize("kind", [pa.date32(), pa.date64()], ids=["date32", "date64"])
    def test_days(self, kind: object) -> None:
        import datetime as dt

        days = pa.array([dt.date(2026, 3, 24), dt.date(1, 1, 1), None], pa.date32()).cast(kind)
        starts = pa.array([dt.date(2026, 3, 24), dt.date(1, 1, 1), dt.date(2026, 4, 1)]).cast(kind)
        table = pa.table({"title": ["Forum", "Epoch", "Open"], "when": starts, "end": days})
        tl = from_arrow(table)
        assert [(e.title, str(e.when), e.end and str(e.end)) for e in tl] == [
            ("Epoch", "1 January 0001", "1 January 0001"),
            ("Forum", "24 March 2026", "24 March 2026"),
            ("Open", "1 April 2026", None),
        ]

    @pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
    @pytest.mark.parametrize("zone", [None, "UTC", "Asia/Shanghai", "-09:30"])
    def test_instants(self, unit: str, zone: str | None) -> None:
        import datetime as dt

        from timeline import When

        moment = dt.datetime(2026, 4, 15, 2, 30, tzinfo=dt.UTC)
        stamps = pa.array([moment], pa.timestamp("us", tz="UTC")).cast(pa.timestamp(unit, tz=zone))
        tl = from_arrow(pa.table({"title": ["Keynote"], "when": stamps}))
        when = tl["keynote"].when
        if zone is None:  # a naive timestamp: the floating local time it holds
            assert when == When.parse("2026-04-15T02:30:00")
        else:
            assert when == When.parse("2026-04-15T02:30:00Z")
            # In the column's zone, with its offset, as Timeline.from_pandas keeps it
            # (frames14; it was UTC whatever the zone); a UTC column with Z.
            written = {
                "UTC": "2026-04-15T02:30Z",
                "Asia/Shanghai": "2026-04-15T10:30+08:00",
                "-09:30": "2026-04-14T17:00-09:30",
            }
            assert str(when) == written[zone]

    # pandas writes its dates (pd.to_datetime, no date type) as naive timestamps at
    # midnight: a column of nothing else is days, as in from_pandas, not 00:00 instants.
    @pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
    def test_naive_midnights_are_days(self, unit: str) -> None:
        import datetime as dt

        nights = [dt.datetime(2026, 3, 24), dt.datetime(2026, 4, 1), None]
        table = pa.table(
            {
                "title": ["Forum", "Launch", "Open"],
                "when": pa.array([dt.datetime(2026, 3, 20), *nights[1:2], nights[0]]),
                "end": pa.array(nights, pa.timestamp(unit)),
            }
        ).cast(
            pa.schema(
                [("title", pa.string()), ("when", pa.timestamp(unit)), ("end", pa.timestamp(unit))]
            )
        )
        tl = from_arrow(table)
        assert [(e.title, str(e.when), e.end and str(e.end)) for e in tl] == [
            ("Forum", "20 March 2026", "24 March 2026"),
            ("Open", "24 March 2026", None),
            ("Launch", "1 April 2026", "1 April 2026"),
        ]

    def test_a_column_with_one_time_is_instants(self) -> None:
        import datetime as dt

        stamps = pa.array([dt.datetime(2026, 3, 24), dt.datetime(2026, 3, 25, 9, 30)])
        tl = from_arrow(pa.table({"title": ["a", "b"], "when": stamps}))
        assert [str(e.when) for e in tl] == ["2026-03-24T00:00", "2026-03-25T09:30"]

    def test_a_fraction_of_a_second_is_kept(self) -> None:
        import datetime as dt

        moment = dt.datetime(2026, 4, 15, 2, 30, 1, 250000, tzinfo=dt.UTC)
        stamps = pa.array([moment], pa.timestamp("ms", tz="UTC"))
        tl = from_arrow(pa.table({"title": ["x"], "when": stamps}))
        assert str(tl["x"].when) == "2026-04-15T02:30:01.250000Z"


@pytest.mark.parametrize("name", ["title", "when", "claims", "initial_when", "actors"])
def test_a_column_twice_is_a_problem_naming_it(name: str) -> None:
    from timeline import DataFileError

    table = to_arrow(_slipped())
    twice = table.append_column(table.schema.field(name), table.column(name))
    with pytest.raises(DataFileError, match=rf"column {name!r} appears 2 times"):
        from_arrow(twice)


def test_a_column_twice_that_timeline_does_not_read_is_left_alone() -> None:
    table = pa.Table.from_arrays(
        [pa.array(["A"]), pa.array(["2026"]), pa.array([1]), pa.array([2])],
        names=["title", "when", "score", "score"],
    )
    assert [e.id for e in from_arrow(table)] == ["a"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timelines(), plain_whens(), st.none() | plain_whens(), st.integers(1, 3), st.booleans())
def test_a_window_pushed_down_to_a_dataset_is_overlapping(
    tl: Timeline, start: When, end: When | None, rows_per_group: int, bare: bool
) -> None:
    # Row groups of 1-3 rows over two files (one of them, maybe, without the query columns,
    # as another tool writes it): the statistics skip groups, never an event that overlaps.
    if start.is_instant or (end is not None and end.is_instant):
        return  # an instant's window is widened to days: a superset (tested in test_columnar)
    try:
        expected = tl.overlapping(start, end)
    except ValueError:
        return
    with tempfile.TemporaryDirectory() as folder:
        first, second = to_arrow(tl[::2]), to_arrow(tl[1::2])
        if bare:
            record = ["id", "title", "initial_when", "initial_status", "end", "claims"]
            second = second.select(record)
        pq.write_table(first, Path(folder) / "part-0.parquet", row_group_size=rows_per_group)
        pq.write_table(second, Path(folder) / "part-1.parquet", row_group_size=rows_per_group)
        got = Timeline.load(folder, filters=window_filter(start, end))
    assert {e.id for e in got} == {e.id for e in expected}


@pytest.mark.parametrize("folder", ["events.parquet", "events"])
def test_the_command_line_reads_a_folder_of_parquet_files(tmp_path: Path, folder: str) -> None:
    # As Spark writes `df.write.parquet("events.parquet")`: a folder of part files.
    from timeline.cli._main import main

    tl = _slipped()
    (tmp_path / folder).mkdir()
    pq.write_table(to_arrow(tl[:2]), tmp_path / folder / "part-0.parquet")
    pq.write_table(to_arrow(tl[2:]), tmp_path / folder / "part-1.parquet")
    (tmp_path / folder / "_SUCCESS").write_text("")
    out = tmp_path / "events.yaml"
    assert main(["convert", str(tmp_path / folder), str(out)]) == 0
    assert Timeline.load(out) == Timeline(tl.events)


def test_the_command_line_refuses_a_folder_without_parquet_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from timeline.cli._main import main

    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.yaml").write_text("events: []\n")
    assert main(["convert", str(tmp_path / "notes"), str(tmp_path / "x.json")]) != 0
    assert "is a folder" in capsys.readouterr().err


def test_the_command_line_checks_parquet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from timeline.cli._main import main

    _slipped().save(tmp_path / "events.parquet")
    assert main(["check", str(tmp_path / "events.parquet")]) == 0
    assert "3 events, 0 problems" in capsys.readouterr().out  # it was read as text: "not UTF-8"
    pq.write_table(pa.table({"title": ["x"], "when": ["Aprill 2026"]}), tmp_path / "bad.parquet")
    assert main(["check", str(tmp_path / "bad.parquet")]) != 0
    assert "rows[0].when" in capsys.readouterr().err
    assert main(["check", str(tmp_path)]) != 0  # the folder holds both: bad.parquet's row


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (pa.string_view(), pa.list_(pa.string_view())),
        (pa.dictionary(pa.int32(), pa.string()), pa.list_(pa.dictionary(pa.int32(), pa.string()))),
        (pa.large_string(), pa.list_view(pa.string())),
    ],
    ids=["string_view", "dictionary", "list_view"],
)
def test_other_text_types_take_the_column_path(text: object, names: object) -> None:
    # A clean table in another spelling of text is built column-wise, not row by row.
    from unittest import mock

    from timeline.records._schema_read import _Reader

    tl = Timeline(
        Event(title=f"Milestone {i}", when="2026-04", actors=["Acme"], kind="k") for i in range(50)
    )
    table = to_arrow(tl)
    columns = []
    for field, column in zip(table.schema, table.columns, strict=True):
        if field.type == pa.string():
            column = column.cast(text)
        elif field.type == pa.list_(pa.string()):
            column = pa.array(column.to_pylist(), names)
        columns.append(column)
    other = pa.table(columns, names=table.column_names)
    with mock.patch.object(_Reader, "event", side_effect=AssertionError("row by row")):
        assert from_arrow(other) == tl


def test_duckdb_reads_the_files_timeline_reads(tmp_path: Path) -> None:
    # Spark's unfinished _temporary/ files and hidden files are not part of the dataset.
    from timeline.columnar import duckdb_connect

    tl = _slipped()
    pq.write_table(to_arrow(tl), tmp_path / "part-0.parquet")
    (tmp_path / "_temporary" / "0").mkdir(parents=True)
    pq.write_table(to_arrow(tl), tmp_path / "_temporary" / "0" / "part-0.parquet")
    pq.write_table(to_arrow(tl), tmp_path / ".part-1.parquet")
    count = duckdb_connect(tmp_path).sql("SELECT count(*) FROM events").fetchall()
    assert count == [(len(tl),)]
    assert len(Timeline.load(tmp_path)) == len(tl)


@pytest.mark.parametrize(
    ("filters", "says"),
    [
        ("kind = 'funding'", "is not a pyarrow filter"),
        (5, "is not a pyarrow filter"),
        ([], "is not a pyarrow filter"),
        ([("could_start", "<", "2026-04-01")], "cannot be applied"),
        ([("actors", "in", ["Acme"])], "cannot be applied"),
    ],
)
def test_a_filter_that_is_wrong_says_so(tmp_path: Path, filters: object, says: str) -> None:
    # A mistake in the filter is the caller's, named as such: not "not a Parquet file".
    from timeline import QueryError

    _slipped().save(tmp_path / "events.parquet")
    with pytest.raises(QueryError, match=says):
        Timeline.load(tmp_path / "events.parquet", filters=filters)


_FOREIGN_WHENS = [
    "2030",
    "2026-04-15",
    "c. March 2026",
    "by 2030",
    "April or June 2026",
    "2026-XX-15",
    "2026-04-30T23:30-11:00",
    "date not announced",
]


@pytest.mark.parametrize("window", ["2026-04", "2026-05-01", "2030", "2026-06-15", "2026-03"])
def test_duckdb_windows_over_files_without_the_query_columns(window: str, tmp_path: Path) -> None:
    # A folder of our files and another tool's (title, when, end only): DuckDB read the other
    # rows' could_start/could_end as NULL, unbounded, and events_overlapping gave them for
    # every window ('2030' in April 2026). Now exactly what Timeline.load(...).overlapping says.
    from timeline.columnar import duckdb_connect

    _slipped().save(tmp_path / "ours.parquet")
    ends = [None] * len(_FOREIGN_WHENS)
    ends[1] = "2026-05-02"
    titles = [f"t{i}" for i in range(len(_FOREIGN_WHENS))]
    pq.write_table(
        pa.table({"title": titles, "when": _FOREIGN_WHENS, "end": pa.array(ends, pa.string())}),
        tmp_path / "theirs.parquet",
    )
    pq.write_table(
        pa.table({"title": ["d"], "when": pa.array([dt.date(2026, 4, 30)])}),
        tmp_path / "days.parquet",
    )
    expected = {e.id for e in Timeline.load(tmp_path).overlapping(window)}
    first, last = When.parse(window).earliest, When.parse(window).latest
    con = duckdb_connect(tmp_path)
    # The other tool's rows have no id: Timeline.load gives each its title's slug.
    query = "SELECT coalesce(id, lower(title)) FROM events_overlapping(?, ?)"
    assert {row[0] for row in con.execute(query, [first, last]).fetchall()} == expected


def test_duckdb_a_date_that_is_not_one_in_a_file_without_the_query_columns(
    tmp_path: Path,
) -> None:
    # Timeline.load refuses the file; the window query says why rather than placing the row
    # in every window.
    from timeline.columnar import duckdb_connect

    _slipped().save(tmp_path / "ours.parquet")
    pq.write_table(pa.table({"title": ["x"], "when": ["Aprill 2026"]}), tmp_path / "t.parquet")
    con = duckdb_connect(tmp_path)
    with pytest.raises(duckdb.Error, match=r"'Aprill 2026' is not a date"):
        # Fetched: DuckDB may return from execute before it has read every file.
        con.execute(
            "SELECT id FROM events_overlapping(DATE '2026-04-01', DATE '2026-04-30')"
        ).fetchall()


def test_a_folder_reads_the_files_save_writes_whatever_the_suffixs_case(tmp_path: Path) -> None:
    # save and load take ".PARQUET" as Parquet; the folder reader skipped such files without a
    # word (or found "no .parquet files" when all were so named).
    from timeline.columnar import duckdb_connect

    tl = _slipped()
    tl[:1].save(tmp_path / "a.parquet")
    (tmp_path / "sub").mkdir()
    tl[1:].save(tmp_path / "sub" / "B.PARQUET")
    assert Timeline.load(tmp_path) == Timeline(list(tl))
    count = duckdb_connect(tmp_path).sql("SELECT count(*) FROM events").fetchall()
    assert count == [(len(tl),)]
    (tmp_path / "a.parquet").unlink()
    assert list(Timeline.load(tmp_path)) == list(tl[1:])


@pytest.mark.parametrize("window", ["2026-03", "2026-04", "2026-05", "2026-03-26"])
def test_duckdb_windows_over_rows_whose_claims_moved_the_date_past_the_end(
    window: str, tmp_path: Path
) -> None:
    # Record columns only (a SQL projection without the query columns): the expo of 24-27
    # March moved to May has no end any more. Its window was computed from (May, 27 March),
    # which fails ("end before when"), so every query over the view failed.
    from timeline.columnar import duckdb_connect
    from timeline.columnar._columns import record_columns

    _slipped().save(tmp_path / "ours.parquet")
    forum = Event(title="Expo", when="2026-03-24", end="2026-03-27")
    moved = forum.revise(when="2026-05", stated="2026-03-01")
    kept = Event(title="Salon", when="2026-03-24", end="2026-03-27").revise(
        when="2026-03-25", stated="2026-03-01"
    )
    table = to_arrow(Timeline([moved, kept, Event(title="Plain", when="2026-04", end="2026-05")]))
    pq.write_table(table.select(record_columns(table.column_names)), tmp_path / "bare.parquet")
    expected = {e.id for e in Timeline.load(tmp_path).overlapping(window)}
    first, last = When.parse(window).earliest, When.parse(window).latest
    query = "SELECT id FROM events_overlapping(?, ?)"
    rows = duckdb_connect(tmp_path).execute(query, [first, last]).fetchall()
    assert {row[0] for row in rows} == expected
