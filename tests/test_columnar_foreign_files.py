"""Parquet files other tools write: only id/title/when (no query columns), Spark's INT96 instants.

Oracles: `Timeline.overlapping` on the same events (DuckDB's ``events_overlapping`` must give
exactly its ids), and pyarrow's own reading of an INT96 column (``coerce_int96_timestamp_unit``)
as UTC, the Parquet convention for INT96 (Spark and Hive write instants so).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
duckdb = pytest.importorskip("duckdb")

from data_strategies import events, whens  # noqa: E402
from timeline import Event, EventError, Timeline, When  # noqa: E402
from timeline.columnar import duckdb_connect, from_arrow  # noqa: E402

UTC = dt.UTC
WINDOWS = ["2026-04", "2026-04-30", "2026-05-01", "2030", "1999", "2026-03-24/2026-03-27"]


def _days(window: str) -> list[dt.date | None]:
    lo, hi = When.parse(window).fuzzy_bounds()
    return [lo, hi]  # type: ignore[list-item]


def _ids(con: duckdb.DuckDBPyConnection, window: str) -> set[str]:
    rows = con.execute("SELECT id FROM events_overlapping(?, ?)", _days(window)).fetchall()
    return {row[0] for row in rows}


def _bare(tl: Timeline, path: Path, *, end: bool = False) -> None:
    """Write ``tl`` as another tool would: id, title, when (and end) as text, nothing else."""
    columns = {
        "id": [e.id for e in tl],
        "title": [e.title for e in tl],
        "when": [str(e.when) for e in tl],
    }
    if end:
        columns["end"] = [None if e.end is None else str(e.end) for e in tl]
    pq.write_table(pa.table(columns), path)


def _plain(event: Event) -> Event:
    """``event``'s id, title, current date and end (when the end still stands) alone."""
    try:
        return Event(id=event.id, title=event.title, when=event.when, end=event.end)
    except EventError:  # a claim moved the date past the end
        return Event(id=event.id, title=event.title, when=event.when)


class TestEventsOverlappingWithoutQueryColumns:
    """`duckdb_connect` over files of id/title/when only: ``events_overlapping`` exists and is
    exactly `Timeline.overlapping` (it was missing: the view had no could_* columns)."""

    @pytest.mark.parametrize("window", WINDOWS)
    def test_a_table(self, window: str, tmp_path: Path) -> None:
        tl = Timeline(
            [
                Event(id="april", title="a", when="2026-04"),
                Event(id="set", title="b", when="March or May 2026"),
                Event(id="mask", title="c", when="2026-XX-31"),
                Event(id="late-instant", title="d", when="2026-04-30T23:30-11:00"),
                Event(id="by-2030", title="e", when="by 2030"),
                Event(id="c-1999", title="f", when="c. 2000"),
                Event(id="forum", title="g", when="2026-03-24", end="2026-03-27"),
                Event(id="undated", title="h", when="date not announced"),
                Event(id="open", title="i", when="2026-05/.."),
            ]
        )
        _bare(tl, tmp_path / "bare.parquet", end=True)
        con = duckdb_connect(tmp_path / "bare.parquet")
        assert _ids(con, window) == {e.id for e in tl.overlapping(window)}

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(events(dates=whens()), max_size=6, unique_by=lambda e: e.id),
        st.sampled_from(WINDOWS),
    )
    def test_any_dates(self, evs: list[Event], window: str) -> None:
        tl = Timeline([_plain(e) for e in evs])
        path = Path(tempfile.mkdtemp()) / "bare.parquet"
        _bare(tl, path, end=True)
        con = duckdb_connect(path)
        assert _ids(con, window) == {e.id for e in tl.overlapping(window)}
        # The view still holds the file's rows as they are, once each.
        assert con.execute("SELECT count(*) FROM events").fetchall() == [(len(tl),)]

    def test_typed_days_and_instants(self, tmp_path: Path) -> None:
        # Another tool's dates typed as days (date32) and instants (timestamp with a zone).
        days = pa.table({"id": ["d"], "title": ["D"], "when": pa.array([dt.date(2026, 4, 30)])})
        at = dt.datetime(2026, 4, 30, 23, 30, tzinfo=UTC)
        instants = pa.table(
            {"id": ["i"], "title": ["I"], "when": pa.array([at], pa.timestamp("us", tz="UTC"))}
        )
        pq.write_table(days, tmp_path / "days.parquet")
        pq.write_table(instants, tmp_path / "instants.parquet")
        for name in ("days", "instants"):
            path = tmp_path / f"{name}.parquet"
            tl = Timeline.load(path)
            con = duckdb_connect(path)
            for window in WINDOWS:
                assert _ids(con, window) == {e.id for e in tl.overlapping(window)}, (name, window)

    def test_a_date_that_is_not_one_fails_the_query_with_its_reason(self, tmp_path: Path) -> None:
        pq.write_table(pa.table({"title": ["x"], "when": ["Aprill 2026"]}), tmp_path / "t.parquet")
        con = duckdb_connect(tmp_path / "t.parquet")
        with pytest.raises(duckdb.Error, match=r"'Aprill 2026' is not a date"):
            con.execute("SELECT * FROM events_overlapping(NULL, NULL)").fetchall()


def _int96(path: Path, instants: list[dt.datetime | None], **more: list[str]) -> None:
    table = pa.table(
        {
            "id": [f"e{i}" for i in range(len(instants))],
            "title": [f"E{i}" for i in range(len(instants))],
            "when": pa.array(instants, pa.timestamp("us", tz="UTC")),
            **more,
        }
    )
    pq.write_table(table, path, use_deprecated_int96_timestamps=True)


INSTANTS = [
    dt.datetime(2026, 4, 15, 10, 0, tzinfo=UTC),
    dt.datetime(2026, 4, 30, 23, 30, 0, 250_000, tzinfo=UTC),
    dt.datetime(1600, 1, 1, 12, tzinfo=UTC),  # outside nanoseconds' 1677..2262
]


class TestInt96:
    """INT96 timestamps (Spark's and Hive's default) are UTC instants, not floating times."""

    def test_the_file_is_int96(self, tmp_path: Path) -> None:
        _int96(tmp_path / "a.parquet", INSTANTS)
        schema = pq.ParquetFile(tmp_path / "a.parquet").schema
        assert schema.column(2).physical_type == "INT96"

    def test_load_reads_utc_instants(self, tmp_path: Path) -> None:
        _int96(tmp_path / "a.parquet", INSTANTS)
        oracle = pq.read_table(tmp_path / "a.parquet", coerce_int96_timestamp_unit="us")
        expected = [v.replace(tzinfo=UTC) for v in oracle.column("when").to_pylist()]
        tl = Timeline.load(tmp_path / "a.parquet")
        got = [tl[f"e{i}"].when for i in range(len(INSTANTS))]
        assert [w.earliest for w in got] == expected
        assert [w.earliest.utcoffset() for w in got] == [dt.timedelta(0)] * len(got)

    def test_a_folder_mixing_int96_and_text(self, tmp_path: Path) -> None:
        _int96(tmp_path / "a.parquet", INSTANTS[:1])
        pq.write_table(
            pa.table({"id": ["t"], "title": ["T"], "when": ["2026-04-15T10:00"]}),
            tmp_path / "b.parquet",
        )
        tl = Timeline.load(tmp_path)
        assert tl["e0"].when == When.parse("2026-04-15T10:00Z")
        assert tl["t"].when == When.parse("2026-04-15T10:00")  # text stays floating

    def test_a_window_pushed_down_over_int96(self, tmp_path: Path) -> None:
        from timeline.columnar import window_filter

        _int96(tmp_path / "a.parquet", INSTANTS)
        whole = Timeline.load(tmp_path / "a.parquet")
        for window in WINDOWS:
            pushed = Timeline.load(tmp_path / "a.parquet", filters=window_filter(window))
            assert pushed.overlapping(window) == whole.overlapping(window)

    def test_duckdb_reads_them_as_utc_instants_too(self, tmp_path: Path) -> None:
        _int96(tmp_path / "a.parquet", INSTANTS)
        con = duckdb_connect(tmp_path / "a.parquet")
        rows = con.execute('SELECT id, "when" FROM events ORDER BY id').fetchall()
        assert [r[1] for r in rows] == INSTANTS
        tl = Timeline.load(tmp_path / "a.parquet")
        for window in WINDOWS:
            assert _ids(con, window) == {e.id for e in tl.overlapping(window)}, window


def test_duckdb_reads_int96_as_utc_in_a_folder_mixing_it_with_text(tmp_path: Path) -> None:
    # The folder's `when` is text (VARCHAR) once unified: DuckDB cast the INT96 rows to a
    # floating local time ('2026-04-30 23:30:00') before the view could see they were INT96.
    _int96(tmp_path / "a.parquet", [dt.datetime(2026, 4, 30, 23, 30, tzinfo=UTC)])
    pq.write_table(
        pa.table({"id": ["t"], "title": ["T"], "when": ["2026-04-15T10:00"]}),
        tmp_path / "b.parquet",
    )
    con = duckdb_connect(tmp_path)
    rows = dict(con.execute('SELECT id, "when" FROM events').fetchall())
    assert When.parse(rows["e0"]) == When.parse("2026-04-30T23:30Z")
    assert When.parse(rows["t"]) == When.parse("2026-04-15T10:00")
    tl = Timeline.load(tmp_path)
    for window in WINDOWS:
        assert _ids(con, window) == {e.id for e in tl.overlapping(window)}, window


class TestZonedTimestamps:
    """A timestamp column with a zone (pandas' ``datetime64[us, America/New_York]``, Polars'
    ``Datetime(time_zone=...)``) holds instants written in that zone: `from_arrow` gave them in
    UTC ('2026-04-01T14:00Z'), while `Timeline.from_pandas` of the same frame keeps the offset
    ('2026-04-01T10:00-04:00'), as timeline keeps every offset it is given. Oracle:
    `Timeline.from_pandas`."""

    ZONED = ("2026-01-15 10:00", "2026-07-15 10:00:00.25", "2026-04-01 00:00", None)

    def _frame(self, zone: str) -> object:
        pd = pytest.importorskip("pandas")
        when = pd.to_datetime(list(self.ZONED), format="ISO8601").tz_localize(zone)
        frame = pd.DataFrame({"id": list("abcd"), "title": list("ABCD"), "when": when})
        return frame.iloc[:3]

    @pytest.mark.parametrize("zone", ["America/New_York", "Asia/Kolkata", "UTC"])
    def test_from_arrow_keeps_the_columns_zone_as_from_pandas_does(self, zone: str) -> None:
        frame: Any = self._frame(zone)
        # When compares instants in UTC: the text says whether the offset was kept.
        expected = [str(e.when) for e in Timeline.from_pandas(frame)]
        if zone == "UTC":  # UTC is written Z, as timeline writes a UTC instant
            expected = [w.replace("+00:00", "Z") for w in expected]
        got = from_arrow(pa.Table.from_pandas(frame, preserve_index=False))
        assert [str(e.when) for e in got] == expected
        pl = pytest.importorskip("polars")
        assert [str(e.when) for e in from_arrow(pl.from_pandas(frame))] == expected

    def test_the_offsets_follow_daylight_saving(self) -> None:
        table = pa.Table.from_pandas(self._frame("America/New_York"), preserve_index=False)
        whens = {e.id: str(e.when) for e in from_arrow(table)}
        assert whens["a"] == "2026-01-15T10:00-05:00"
        assert whens["b"] == "2026-07-15T10:00:00.250000-04:00"  # as from_pandas gives it

    def test_parquet_written_by_pandas_keeps_the_zone(self, tmp_path: Path) -> None:
        frame: Any = self._frame("America/New_York")
        frame.to_parquet(tmp_path / "p.parquet")
        loaded = Timeline.load(tmp_path / "p.parquet")
        assert [str(e.when) for e in loaded] == [str(e.when) for e in Timeline.from_pandas(frame)]
        con = duckdb_connect(tmp_path / "p.parquet")  # the same instants, the same windows
        for window in WINDOWS:
            assert _ids(con, window) == {e.id for e in loaded.overlapping(window)}, window
