"""timeline.spark in local mode: the parser as an Arrow UDF, timelines in and out of Spark.

Spark takes seconds to start, so one session serves the module. The tests skip
only when no Java runtime exists (`.ci/run` installs one).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyarrow")
pytest.importorskip("pyspark")

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip(
        "Spark needs a Java runtime (apt-get install openjdk-17-jre-headless)",
        allow_module_level=True,
    )

from timeline import Event, Source, Timeline
from timeline._errors import QueryError
from timeline.columnar import PARSED_FIELDS
from timeline.spark import from_spark, parse_dates, parsed_spark_type, to_spark

# PySpark warns about the pandas it finds; these tests use Arrow, not pandas.
pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("timeline-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


D = dt.date


def test_parse_dates_adds_the_struct(spark: Any) -> None:
    rows = [
        ("Q2 2026", D(2026, 3, 1)),
        ("April", D(2026, 3, 28)),
        ("April", None),
        ("Aprill 2026", None),
        (None, None),
    ]
    df = spark.createDataFrame(rows, "text string, published date")
    out = parse_dates(df, "text", reference_column="published")
    assert out.columns == ["text", "published", "text_parsed"]
    got = [r["text_parsed"] for r in out.collect()]
    assert (got[0]["when"], got[0]["could_end"]) == ("Q2 2026", D(2026, 6, 30))
    assert got[1]["when"] == "April 2026"
    assert got[2]["when"] is None and "relative" in got[2]["error"]
    assert "did you mean 'April 2026'" in got[3]["error"]
    assert got[4] is None
    assert parsed_spark_type().fieldNames() == list(PARSED_FIELDS)


def test_parse_dates_names_a_missing_column(spark: Any) -> None:
    df = spark.createDataFrame([("2026",)], "text string")
    with pytest.raises(QueryError, match=r"'txt' is not a column.*columns are"):
        parse_dates(df, "txt")
    with pytest.raises(QueryError, match="'pub' is not a column"):
        parse_dates(df, "text", reference_column="pub")
    with pytest.raises(QueryError, match=r"already has a column 'text'.*into="):
        parse_dates(df, "text", into="text")


# (call, words the message holds): every bad argument is our error, quoting it, naming the fix.
BAD_CALLS: list[tuple[str, Any, tuple[str, ...]]] = [
    ("df not a DataFrame", lambda s, df: parse_dates([("2026",)], "text"), ("DataFrame",)),
    ("column not text", lambda s, df: parse_dates(df, 0), ("0 (int)", "column name")),
    ("into not text", lambda s, df: parse_dates(df, "text", into=5), ("5 (int)", "into")),
    ("into empty", lambda s, df: parse_dates(df, "text", into=""), ("''", "into")),
    ("to_spark of a list", lambda s, df: to_spark([], s), ("[] (list)", "Timeline(")),
    ("to_spark without a session", lambda s, df: to_spark(Timeline(), None), ("None", "Spark")),
    ("from_spark of a table", lambda s, df: from_spark(Timeline()), ("Timeline", "DataFrame")),
]


@pytest.mark.parametrize(("call", "words"), [(c, w) for _, c, w in BAD_CALLS],
                         ids=[i for i, _, _ in BAD_CALLS])  # fmt: skip
def test_bad_arguments_are_our_errors(spark: Any, call: Any, words: tuple[str, ...]) -> None:
    df = spark.createDataFrame([("2026",)], "text string")
    with pytest.raises(QueryError) as caught:
        call(spark, df)
    for word in words:
        assert word in str(caught.value)


def test_timelines_go_in_and_out(spark: Any, tmp_path: Path) -> None:
    tl = Timeline(
        [
            Event(
                title="DeepSeek V4 release",
                when="April",
                actors=["DeepSeek"],
                sources=[Source("AI race", published="2026-03-28")],
            ).revise(when="2026-05", stated="2026-04-20"),
            Event(title="Keynote", when="2026-04-15T10:00+08:00", status="happened"),
            Event(title="Plan", when="by 2030", tags=["policy"]),
        ]
    )
    df = to_spark(tl, spark)
    assert df.where("slips > 0").select("id").collect()[0]["id"] == "deepseek-v4-release"
    assert from_spark(df) == Timeline(tl.events)
    # Through Parquet written by Spark, back into timeline.
    df.write.parquet(str(tmp_path / "out"))
    assert Timeline.load(tmp_path / "out") == Timeline(tl.events)


def test_the_timelines_own_fields_travel_with_the_dataframe(spark: Any) -> None:
    # Name, description and fiscal years ride in the schema's metadata, as in Arrow and Parquet.
    tl = Timeline(
        [
            Event(title="FY26 close", when="FY2026", actors=["Microsoft"], fiscal_year_start=7),
            Event(title="Plan", when="by 2030", tags=["policy"]),
        ],
        name="Big tech",
        description="fiscal years",
        fiscal_years={"Microsoft": 7},
    )
    df = to_spark(tl, spark)
    assert from_spark(df) == tl
    picked = from_spark(df.where("slips = 0").select("id", "title", "when", "actors"))
    assert (picked.name, picked.description, picked.fiscal_years) == (
        "Big tech", "fiscal years", tl.fiscal_years
    )  # fmt: skip
    assert from_spark(df, name="other").name == "other"


def test_sets_and_masks_keep_their_runs_in_spark(spark: Any) -> None:
    # "March or May 2026" and "2026-XX-31" cannot be in April: the runs say so in Spark SQL too.
    tl = Timeline(
        [
            Event(id="march-or-may", title="x", when="March or May 2026"),
            Event(id="any-31st", title="x", when="2026-XX-31"),
            Event(id="any-15th", title="x", when="2026-XX-15"),
            Event(id="april", title="x", when="2026-04"),
        ]
    )
    df = to_spark(tl, spark)
    df.createOrReplaceTempView("events")
    rows = spark.sql(
        """
        SELECT id FROM events
        WHERE (could_start IS NULL OR could_start <= DATE '2026-04-30')
          AND (could_end IS NULL OR could_end >= DATE '2026-04-01')
          AND (could_runs IS NULL OR exists(could_runs, r ->
                (r.first IS NULL OR r.first <= DATE '2026-04-30')
                AND (r.last IS NULL OR r.last >= DATE '2026-04-01')))
        """
    ).collect()
    assert sorted(r["id"] for r in rows) == sorted(e.id for e in tl.overlapping("2026-04"))
    assert from_spark(df) == Timeline(tl.events)


def test_spark_instants_written_as_int96_load_as_utc_instants(spark: Any, tmp_path: Path) -> None:
    # Spark writes TimestampType as INT96 (its default): UTC instants by the Parquet convention.
    # Timeline.load read them as floating local times ('2026-04-30T23:30', no zone).
    import pyarrow.parquet as pq

    from timeline.columnar import duckdb_connect

    spark.conf.set("spark.sql.parquet.outputTimestampType", "INT96")
    at = dt.datetime(2026, 4, 30, 23, 30, tzinfo=dt.UTC)
    df = spark.createDataFrame([("a", "A", at)], "id string, title string, `when` timestamp")
    df.coalesce(1).write.parquet(str(tmp_path / "out"))
    [file] = sorted((tmp_path / "out").glob("*.parquet"))
    assert pq.ParquetFile(file).schema.column(2).physical_type == "INT96"
    oracle = pq.read_table(file, coerce_int96_timestamp_unit="us").column("when")[0].as_py()
    loaded = Timeline.load(tmp_path / "out")["a"].when
    assert loaded.earliest == oracle.replace(tzinfo=dt.UTC) == at
    assert loaded.earliest.utcoffset() == dt.timedelta(0)
    con = duckdb_connect(tmp_path / "out")
    assert con.execute('SELECT "when" FROM events').fetchall() == [(at,)]
    window = con.execute("SELECT id FROM events_overlapping(DATE '2026-05-01', NULL)")
    assert [r[0] for r in window.fetchall()] == [
        e.id for e in Timeline([Event(id="a", title="A", when=loaded)]).overlapping("2026-05-01/..")
    ]


def test_instants_past_the_calendar_in_utc_collect(spark: Any) -> None:
    # 0001-01-01T00:30+01:00 is 0000-12-31T23:30Z: its *_at were that instant, which Spark's
    # collect (and pyarrow's to_pylist) cannot turn into a datetime. Now null; `when` keeps it.
    tl = Timeline(
        [
            Event(id="first", title="x", when="0001-01-01T00:30+01:00"),
            Event(
                id="last", title="y", when="9999-12-31T22:00-01:00", end="9999-12-31T23:30-01:00"
            ),
            Event(id="plain", title="z", when="2026-04-15T10:00Z"),
        ]
    )
    df = to_spark(tl, spark)
    rows = {r["id"]: r for r in df.collect()}
    assert (
        rows["first"]["earliest_at"] is None and rows["first"]["when"] == "0001-01-01T00:30+01:00"
    )
    assert rows["last"]["end_latest_at"] is None
    assert rows["plain"]["earliest_at"] == dt.datetime(2026, 4, 15, 10)  # session zone UTC
    assert from_spark(df) == tl
    parsed = parse_dates(spark.createDataFrame([("0001-01-01T00:30+01:00",)], "t string"), "t")
    assert parsed.collect()[0]["t_parsed"]["earliest_at"] is None
