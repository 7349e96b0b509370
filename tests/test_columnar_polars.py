"""Polars reads the columnar form natively: the documented schema, windows, and back again."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pl = pytest.importorskip("polars")

from data_strategies import hostile_timelines, timelines  # noqa: E402
from timeline import Event, Timeline  # noqa: E402
from timeline.columnar import COLUMNS  # noqa: E402

_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_RUN = pl.List(pl.Struct({"first": pl.Date, "last": pl.Date}))
_SOURCE = pl.Struct(dict.fromkeys(("title", "publisher", "url", "published", "quote"), pl.String))
_OBSERVATION = pl.Struct(
    {"when": pl.String, "value": pl.String, "source": _SOURCE, "note": pl.String}
)
# Each type COLUMNS documents, as Polars names it: written out here, not derived from SCHEMA.
_POLARS = {
    "string": pl.String,
    "date32": pl.Date,
    "timestamp": pl.Datetime("us", "UTC"),
    "int32": pl.Int32,
    "list<string>": pl.List(pl.String),
    "list<run>": _RUN,
    "list<source>": pl.List(_SOURCE),
    "list<claim>": pl.List(
        pl.Struct(
            {
                "stated": pl.String,
                "day": pl.Date,
                "when": pl.String,
                "status": pl.String,
                "source": _SOURCE,
                "note": pl.String,
            }
        )
    ),
    "target": pl.Struct(
        {"metric": pl.String, "goal": pl.String, "deadline": pl.String, "baseline": _OBSERVATION}
    ),
    "list<observation>": pl.List(_OBSERVATION),
}
DOCUMENTED = pl.Schema({name: _POLARS[kind] for name, kind, _, _ in COLUMNS})


def _sample() -> Timeline:
    v4 = Event(title="V4 release", when="2026-04", actors=["DeepSeek"]).revise(
        when="2026-05", stated="2026-04-20"
    )
    undated = Event(title="Agent launch", when="TBD").revise(when="2026-06", stated="2026-05-02")
    instant = Event(title="Keynote", when="2026-04-15T10:00+08:00", end="2026-04-15T12:00+08:00")
    return Timeline([v4, undated, instant, Event(title="Plan", when="by 2030")], name="AI")


def _parquet(tl: Timeline) -> Path:
    path = Path(tempfile.mkdtemp()) / "events.parquet"
    tl.save(path)
    return path


class TestTheDocumentedSchema:
    def test_polars_reads_the_parquet_file_with_the_documented_types(self) -> None:
        assert pl.read_parquet(_parquet(_sample())).schema == DOCUMENTED

    def test_polars_scans_it_lazily_with_the_documented_types(self) -> None:
        assert pl.scan_parquet(_parquet(_sample())).collect_schema() == DOCUMENTED

    def test_polars_reads_the_arrow_table_with_the_documented_types(self) -> None:
        assert pl.from_arrow(_sample().to_arrow()).schema == DOCUMENTED

    def test_an_empty_timeline_has_the_documented_types_too(self) -> None:
        assert pl.from_arrow(Timeline([]).to_arrow()).schema == DOCUMENTED

    def test_days_and_instants_are_polars_dates_and_utc_datetimes(self) -> None:
        frame = pl.read_parquet(_parquet(_sample())).filter(pl.col("id") == "keynote")
        assert frame["earliest"].to_list() == [dt.date(2026, 4, 15)]
        assert frame["earliest_at"].to_list() == [dt.datetime(2026, 4, 15, 2, 0, tzinfo=dt.UTC)]


@_SETTINGS
@given(timelines())
def test_arrow_through_polars(tl: Timeline) -> None:
    frame = pl.from_arrow(tl.to_arrow())
    # A Polars frame keeps no schema metadata: the timeline's own fields are passed.
    own = {"name": tl.name, "description": tl.description, "fiscal_years": tl.fiscal_years}
    assert Timeline.from_arrow(frame, **own) == tl  # the frame itself (an Arrow stream)
    assert Timeline.from_arrow(frame.to_arrow(), **own) == tl


@_SETTINGS
@given(hostile_timelines())
def test_hostile_timelines_through_polars(tl: Timeline) -> None:
    frame = pl.from_arrow(tl.to_arrow())
    assert Timeline.from_arrow(frame).events == tl.events


def _window(first: dt.date, last: dt.date) -> pl.Expr:
    """The window of docs/how-to/duckdb.md in Polars: could_start/could_end, then the runs."""
    start, end, runs = pl.col("could_start"), pl.col("could_end"), pl.col("could_runs")
    run = pl.element().struct
    meets = (run.field("first").is_null() | (run.field("first") <= last)) & (
        run.field("last").is_null() | (run.field("last") >= first)
    )
    return (
        (start.is_null() | (start <= last))
        & (end.is_null() | (end >= first))
        & (runs.is_null() | runs.list.eval(meets).list.any())
    )


@_SETTINGS
@given(timelines(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), st.integers(0, 400))
def test_a_polars_window_is_overlapping(tl: Timeline, first: dt.date, days: int) -> None:
    last = first + dt.timedelta(days=days)
    frame = pl.from_arrow(tl.to_arrow())
    got = set(frame.filter(_window(first, last))["id"].to_list())
    assert got == {e.id for e in tl.overlapping(first, last)}


class TestFilesPolarsWrites:
    def test_a_filtered_frame_written_by_polars_loads(self, tmp_path: Path) -> None:
        tl = _sample()
        path = _parquet(tl)
        april = pl.read_parquet(path).filter(_window(dt.date(2026, 4, 1), dt.date(2026, 4, 30)))
        out = tmp_path / "april.parquet"
        april.write_parquet(out)
        assert Timeline.load(out).events == tl.overlapping("2026-04").events

    def test_the_timelines_own_fields_kept_as_parquet_metadata(self, tmp_path: Path) -> None:
        # As docs/how-to/duckdb.md says: Polars writes them when passed as metadata=.
        tl = Timeline(_sample().events, name="AI", description="d", fiscal_years={"MS": 7})
        path = _parquet(tl)
        own = {k: v for k, v in pl.read_parquet_metadata(path).items() if k.startswith("timeline.")}
        out = tmp_path / "copy.parquet"
        pl.read_parquet(path).write_parquet(out, metadata=own)
        assert Timeline.load(out) == tl

    def test_a_hive_partitioned_dataset_written_by_polars(self, tmp_path: Path) -> None:
        tl = _sample()
        frame = pl.read_parquet(_parquet(tl)).with_columns(pl.col("status").alias("part"))
        frame.write_parquet(tmp_path, partition_by="part")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["part=expected"]  # Hive-style folders
        assert Timeline.load(tmp_path).events == tl.events


class TestCategoricalFrames:
    """Polars' Categorical and Enum columns reach Arrow as dictionaries of ``string_view``,
    which pyarrow cannot cast to text (``array_take`` has no kernel for string_view):
    `from_arrow` raised ``ArrowNotImplementedError`` on such a frame."""

    @pytest.mark.parametrize("dtype", ["categorical", "enum"])
    def test_a_frame_of_categoricals_reads_as_its_text(self, dtype: str) -> None:
        from timeline.columnar import from_arrow

        frame = pl.DataFrame(
            {
                "title": ["A", "B", "A"],
                "when": ["2026-04", "2027", "March or May 2026"],
                "kind": ["x", None, "x"],
                "actors": [["X", "Y"], [], ["Y"]],
                "id": ["a", "b", "c"],
            }
        )
        text = ["title", "when", "kind"]
        kinds = {c: pl.Enum(sorted(set(frame[c].drop_nulls()))) for c in text}
        cast = {c: pl.Categorical if dtype == "categorical" else kinds[c] for c in text}
        typed = frame.with_columns(
            *(pl.col(c).cast(cast[c]) for c in text),
            pl.col("actors").cast(pl.List(pl.Categorical)),
        )
        assert list(from_arrow(typed)) == list(from_arrow(frame))
        assert list(from_arrow(pa.table(typed))) == list(from_arrow(frame))
