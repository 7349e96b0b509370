"""The columnar form: Arrow tables, Parquet files and datasets, parse_dates, DuckDB SQL."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
duckdb = pytest.importorskip("duckdb")

from data_strategies import plain_whens, timelines, whens  # noqa: E402
from timeline import (  # noqa: E402
    DataFileError,
    Event,
    Observation,
    QueryError,
    Source,
    Target,
    Timeline,
    When,
)
from timeline.cli._main import main  # noqa: E402
from timeline.columnar import (  # noqa: E402
    COLUMNS,
    PARSED_FIELDS,
    SCHEMA,
    duckdb_connect,
    from_arrow,
    parse_dates,
    to_arrow,
    window_filter,
    write_parquet,
)
from timeline.columnar._table import could_days  # noqa: E402

_EPOCH = dt.date(1970, 1, 1).toordinal()
_SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _tracker() -> Timeline:
    """Events of every shape: claims that slip, sources, a target, instants, an end."""
    v4 = Event(
        title="DeepSeek V4 release",
        when="April",
        actors=["DeepSeek"],
        tags=["llm"],
        sources=[Source("AI race 2026", publisher="Example", published="2026-03-28")],
    ).revise(when="2026-05", stated="2026-04-20", note="slipped to May")
    hy = (
        Event(title="Hunyuan 3.0 release", when="2026-04", actors=["Tencent"], kind="model-release")
        .revise(when="2026-06", stated="2026-04-25")
        .revise(when="2026-Q3", stated="2026-06-10")
    )
    plan = Event(
        title="Guangzhou AI plan",
        when="by 2030",
        actors=["Guangzhou"],
        target=Target("AI-plus enterprises", "10,000 enterprises", "by 2030"),
        observations=[Observation("2026-03", "1,200 enterprises")],
    )
    forum = Event(title="AI forum", when="2026-03-24", end="2026-03-27", location="Shanghai")
    keynote = Event(title="Keynote", when=When.parse("2026-04-15T10:00+08:00"), status="happened")
    vague = Event(title="Something", when="c. April 2026", description="line one\nline two")
    return Timeline([v4, hy, plan, forum, keynote, vague], name="AI race", description="demo")


class TestSchema:
    def test_schema_has_every_documented_column_in_order(self) -> None:
        assert SCHEMA.names == [name for name, *_ in COLUMNS]

    @pytest.mark.parametrize(
        ("column", "kind"),
        [
            ("when", "string"),
            ("earliest", "date32[day]"),
            ("could_start", "date32[day]"),
            ("could_end", "date32[day]"),
            ("earliest_at", "timestamp[us, tz=UTC]"),
            ("end_could_end", "date32[day]"),
            ("actors", "list<item: string>"),
            ("slips", "int32"),
        ],
    )
    def test_query_columns_are_typed_natively(self, column: str, kind: str) -> None:
        assert str(SCHEMA.field(column).type) == kind

    def test_the_table_has_the_schema_and_the_timelines_name(self) -> None:
        table = to_arrow(_tracker())
        assert table.schema.remove_metadata() == SCHEMA
        assert table.schema.metadata[b"timeline.name"] == b"AI race"
        assert table.num_rows == 6

    def test_the_docs_document_every_column(self) -> None:
        # the site's data-file reference ends with this table, built from COLUMNS
        spec = importlib.util.spec_from_file_location(
            "gen_pages", Path(__file__).parent.parent / "docs" / "gen_pages.py"
        )
        assert spec is not None and spec.loader is not None
        gen_pages = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(gen_pages)
        table = gen_pages.arrow_section()
        for name, *_ in COLUMNS:
            assert f"| `{name}` |" in table, name


def _row(when: str, **event: object) -> dict[str, object]:
    table = to_arrow(Timeline([Event(title="x", when=when, **event)]))  # type: ignore[arg-type]
    row: dict[str, object] = table.to_pylist()[0]
    return row


D = dt.date
UTC = dt.UTC


class TestQueryColumns:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a month: plain and could bounds agree
            ("2026-04", ("April 2026", "month", D(2026, 4, 1), D(2026, 4, 30)) * 1),
            # approximate: could bounds widen one month each side
            ("2026-04~", ("c. April 2026", "month", D(2026, 4, 1), D(2026, 4, 30))),
            # a deadline: no earliest day
            ("by 2030", ("by end of 2030", "year", None, D(2030, 12, 31))),
            # after: no latest day
            ("after March 2025", ("after March 2025", "month", D(2025, 4, 1), None)),
            # a quarter
            ("Q2 2026", ("Q2 2026", "quarter", D(2026, 4, 1), D(2026, 6, 30))),
        ],
    )
    def test_text_precision_and_day_bounds(
        self, text: str, expected: tuple[object, object, object, object]
    ) -> None:
        row = _row(text)
        assert (row["when"], row["precision"], row["earliest"], row["latest"]) == expected

    @pytest.mark.parametrize(
        ("text", "could"),
        [
            ("2026-04", (D(2026, 4, 1), D(2026, 4, 30))),
            ("2026-04~", (D(2026, 3, 1), D(2026, 5, 31))),
            ("2026%", (D(2024, 1, 1), D(2028, 12, 31))),
            ("by 2030", (None, D(2030, 12, 31))),
            ("../2026-06", (None, D(2026, 6, 30))),
        ],
    )
    def test_could_bounds_are_the_fuzzy_window(
        self, text: str, could: tuple[object, object]
    ) -> None:
        row = _row(text)
        assert (row["could_start"], row["could_end"]) == could

    def test_an_instant_has_its_local_day_and_utc_timestamps(self) -> None:
        row = _row("2026-04-15T01:00+08:00")
        # 01:00 in Shanghai is 17:00 UTC the day before; the day columns keep the local day.
        assert row["earliest"] == D(2026, 4, 15)
        assert row["earliest_at"] == dt.datetime(2026, 4, 14, 17, 0, tzinfo=UTC)
        assert row["latest_at"] == row["earliest_at"]

    def test_calendar_values_have_no_instant(self) -> None:
        assert _row("2026-04")["earliest_at"] is None

    def test_an_end_sets_could_end_and_its_own_columns(self) -> None:
        row = _row("2026-03-24", end="2026-03-27")
        assert row["could_end"] == D(2026, 3, 27)
        assert (row["end"], row["end_precision"], row["end_latest"]) == (
            "27 March 2026",
            "day",
            D(2026, 3, 27),
        )

    def test_current_date_and_status_come_from_the_latest_claim(self) -> None:
        table = to_arrow(_tracker())
        rows = {r["id"]: r for r in table.to_pylist()}
        v4 = rows["deepseek-v4-release"]
        assert (v4["when"], v4["initial_when"], v4["slips"]) == ("May 2026", "April 2026", 1)
        assert rows["hunyuan-3-0-release"]["slips"] == 2
        assert rows["keynote"]["delay"] == 0
        assert v4["claims"][0]["day"] == D(2026, 4, 20)


class TestRoundTrip:
    def test_the_tracker_comes_back_equal(self) -> None:
        tl = _tracker()
        assert from_arrow(to_arrow(tl)) == tl
        assert Timeline.from_arrow(tl.to_arrow()) == tl

    @_SLOW
    @given(timelines())
    def test_from_arrow_of_to_arrow_is_the_timeline(self, tl: Timeline) -> None:
        assert from_arrow(to_arrow(tl)) == tl

    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(timelines())
    def test_parquet_files_are_lossless(self, tl: Timeline) -> None:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "events.parquet"
            tl.save(path)
            assert Timeline.load(path) == tl

    @_SLOW
    @given(timelines(), st.randoms(use_true_random=False))
    def test_rows_in_any_order_give_the_timeline(self, tl: Timeline, rng: random.Random) -> None:
        # A file in timeline order is trusted after a check; any other order is sorted.
        order = list(range(len(tl)))
        rng.shuffle(order)
        assert from_arrow(to_arrow(tl).take(pa.array(order, pa.int64()))) == tl

    def test_same_date_rows_out_of_id_order_are_sorted(self) -> None:
        tl = Timeline([Event(title=t, when="2026-04") for t in "abc"])
        table = to_arrow(tl).take([2, 0, 1])
        assert [e.id for e in from_arrow(table)] == ["a", "b", "c"]

    def test_equal_instants_at_different_offsets_keep_their_own_text(self) -> None:
        # Equal instants are equal Whens; each keeps the offset it was written with.
        a = Event(title="a", when=When.parse("2026-04-15T10:00+08:00"))
        b = Event(title="b", when=When.parse("2026-04-15T02:00+00:00"))
        tl = Timeline([a, b])
        texts = [r["when"] for r in to_arrow(tl).to_pylist()]
        assert sorted(texts) == sorted([str(a.when), str(b.when)])
        assert texts == [str(e.when) for e in tl]
        assert from_arrow(to_arrow(tl)) == tl

    @pytest.mark.parametrize("order", [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]])
    def test_dates_whose_sort_heads_tie_keep_the_full_order(self, order: list[int]) -> None:
        # "by April 2026" and "until April 2026" share bounds and grain: only the full
        # sort key (EDTF text, relation) orders them, in any row order.
        tl = Timeline(
            Event(title=t, when=w)
            for t, w in [("a", "by April 2026"), ("b", "until April 2026"),
                         ("c", "until April 2026"), ("d", "by April 2026")]
        )  # fmt: skip
        table = to_arrow(tl).take(pa.array(order, pa.int64()))
        back = from_arrow(table)
        assert back == tl
        assert [e.id for e in back] == [e.id for e in tl]
        assert list(back) == sorted(back, key=lambda e: (e.when.sort_key, e.id))

    def test_a_clean_table_with_a_repeated_id_names_both_rows(self) -> None:
        table = pa.table({"id": ["a", "b", "a"], "title": ["x", "y", "z"], "when": ["2026"] * 3})
        with pytest.raises(DataFileError, match=r"rows\[2\]\.id.*already the id of row 0"):
            from_arrow(table)

    def test_a_missing_status_is_expected_and_a_missing_id_is_the_slug(self) -> None:
        table = pa.table(
            {"title": ["V4 release", "Forum"], "when": ["2026-04", "2026-05"],
             "status": [None, "confirmed"], "id": [None, "forum-2026"]}
        )  # fmt: skip
        tl = from_arrow(table)
        assert [(e.id, e.status.value) for e in tl] == [
            ("v4-release", "expected"),
            ("forum-2026", "confirmed"),
        ]

    def test_related_ids_outside_the_timeline_are_kept(self) -> None:
        tl = Timeline([Event(title="a", when="2026", related=["elsewhere"])])
        assert from_arrow(to_arrow(tl)) == tl

    def test_a_table_from_elsewhere_needs_only_title_and_when(self) -> None:
        table = pa.table({"title": ["V4 release", "Forum"], "when": ["2026-04", "2026-Q2"]})
        tl = from_arrow(table, name="mine")
        assert [e.id for e in tl] == ["v4-release", "forum"]  # same first day: finer first
        assert tl.name == "mine"
        assert tl["forum"].status.value == "expected"

    def test_text_is_cleaned_as_in_a_data_file(self) -> None:
        table = pa.table({"title": ["  padded  "], "when": ["2026"], "actors": [[" A "]]})
        event = from_arrow(table)["padded"]
        assert (event.title, event.actors) == ("padded", ("A",))

    def test_a_record_batch_is_accepted(self) -> None:
        batch = pa.record_batch({"title": ["x"], "when": ["2026"]})
        assert len(from_arrow(batch)) == 1


class TestBadTables:
    def test_every_problem_is_reported_by_row(self) -> None:
        table = pa.table(
            {
                "title": ["ok", "bad date", None, "bad status", "ok"],
                "when": ["2026", "Aprill 2026", "2026", "2026", "2027"],
                "status": ["expected", "expected", "expected", "planned", "expected"],
            }
        )
        with pytest.raises(DataFileError) as caught:
            from_arrow(table)
        shown = [str(p) for p in caught.value.problems]
        assert any("rows[1].when" in p and "did you mean 'April 2026'" in p for p in shown)
        assert any("rows[2]" in p and "missing 'title'" in p for p in shown)
        assert any("rows[3].status" in p and "'planned' is not a status" in p for p in shown)
        assert any("rows[4].id" in p and "already the id of row 0" in p for p in shown)

    def test_a_table_without_when_names_the_fix(self) -> None:
        with pytest.raises(DataFileError, match="no 'when' column"):
            from_arrow(pa.table({"title": ["x"]}))

    def test_a_relative_date_without_a_source_is_refused(self) -> None:
        with pytest.raises(DataFileError, match="is relative"):
            from_arrow(pa.table({"title": ["x"], "when": ["April"]}))

    def test_an_end_before_the_start_is_a_problem(self) -> None:
        table = pa.table({"title": ["x"], "when": ["2026-05"], "end": ["2026-04"]})
        with pytest.raises(DataFileError, match=r"rows\[0\].*is before when"):
            from_arrow(table)

    def test_not_a_table(self) -> None:
        with pytest.raises(TypeError, match="expected a pyarrow Table"):
            from_arrow([{"title": "x"}])  # type: ignore[arg-type]

    def test_a_file_that_is_not_parquet(self, tmp_path: Path) -> None:
        path = tmp_path / "events.parquet"
        path.write_text("title,when\nx,2026\n")
        with pytest.raises(DataFileError, match="not a Parquet file"):
            Timeline.load(path)

    def test_row_problems_name_the_file(self, tmp_path: Path) -> None:
        path = tmp_path / "events.parquet"
        pq.write_table(pa.table({"title": ["x"], "when": ["Aprill 2026"]}), path)
        with pytest.raises(DataFileError) as caught:
            Timeline.load(path)
        assert str(caught.value.problems[0]).startswith(f"{path}: rows[0].when:")


class TestParquet:
    def test_save_and_load_by_suffix(self, tmp_path: Path) -> None:
        tl = _tracker()
        tl.save(tmp_path / "events.parquet")
        back = Timeline.load(tmp_path / "events.parquet")
        assert back == tl
        assert (back.name, back.description) == ("AI race", "demo")

    def test_save_is_atomic(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = tmp_path / "events.parquet"
        _tracker().save(path)
        before = path.read_bytes()

        def fail(*args: object, **kwargs: object) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(pq, "write_table", fail)
        with pytest.raises(OSError, match="disk full"):
            Timeline([Event(title="x", when="2026")]).save(path)
        assert path.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["events.parquet"]

    def test_a_folder_is_one_dataset(self, tmp_path: Path) -> None:
        tl = _tracker()
        write_parquet(tl[:3], tmp_path / "part-0.parquet")
        (tmp_path / "more").mkdir()
        write_parquet(tl[3:], tmp_path / "more" / "part-1.parquet")
        assert Timeline.load(tmp_path) == tl  # the name travels with each part

    def test_filters_apply_to_parquet_only(self, tmp_path: Path) -> None:
        _tracker().save(tmp_path / "events.yaml")
        with pytest.raises(DataFileError, match="filters apply to Parquet"):
            Timeline.load(tmp_path / "events.yaml", filters=window_filter("2026-04"))

    def test_the_window_is_pushed_down_to_row_groups(self, tmp_path: Path) -> None:
        import pyarrow.dataset as ds

        months = [When.month(y, m) for y in range(2000, 2026) for m in range(1, 13)]
        tl = Timeline(Event(title=f"e{i}", when=w) for i, w in enumerate(months))
        pq.write_table(to_arrow(tl), tmp_path / "events.parquet", row_group_size=12)
        fragment = next(iter(ds.dataset(tmp_path).get_fragments()))
        groups = fragment.split_by_row_group(filter=window_filter("2010-04"))
        # One year per row group, in timeline order: only 2010's is read.
        assert fragment.metadata.num_row_groups == 26
        assert len(groups) == 1
        assert [e.id for e in Timeline.load(tmp_path, filters=window_filter("2010-04"))] == ["e123"]

    @_SLOW
    @given(timelines(), plain_whens(), st.booleans())
    def test_window_filter_is_overlapping_for_day_windows(
        self, tl: Timeline, window: When, instants: bool
    ) -> None:
        if window.is_instant and not instants:
            window = When.day(window.start.year, window.start.month, window.start.day)  # type: ignore[union-attr]
        table = to_arrow(tl)
        picked = from_arrow(table.filter(window_filter(window)))
        expected = tl.overlapping(window)
        if window.is_instant:
            # Instants compare in UTC, the columns hold days: a superset, exact after overlapping.
            assert set(expected.events) <= set(picked.events)
            assert picked.overlapping(window) == expected
        else:
            assert picked == expected

    @_SLOW
    @given(timelines(), whens(), st.none() | whens())
    def test_window_filter_keeps_every_overlapping_event_of_any_window(
        self, tl: Timeline, start: When, end: When | None
    ) -> None:
        # Windows of every kind (qualified, deadlines, intervals; one or two of them) are read
        # at their widest, as `overlapping` reads them: no event it finds is filtered out.
        try:
            expected = tl.overlapping(start, end)
        except QueryError as err:
            refusal = str(err)
        else:
            refusal = None
        if refusal is not None:
            # an end before the start, or an unknown end: no window, and the filter says so too
            said = refusal.replace("overlapping:", "window_filter:", 1)
            with pytest.raises(QueryError, match=re.escape(said)):
                window_filter(start, end)
            return
        picked = from_arrow(to_arrow(tl).filter(window_filter(start, end)))
        assert set(expected.events) <= set(picked.events)
        assert picked.overlapping(start, end) == expected

    @pytest.mark.parametrize(
        ("args", "says"),
        [
            # an undated bound was read as open: every row passed (`pc.scalar(True)`)
            (("TBD",), "window_filter: start 'TBD' has no date"),
            (("TBD", "2026"), "window_filter: start 'TBD' has no date"),
            (("2026", When.undated()), "window_filter: end 'date not announced' has no date"),
            (("2026", "2027/"), "window_filter: end '2027/' has an unknown end"),
            # and a window that ends before it starts kept nothing, silently
            (("2027", "2026"), "window_filter: end '2026' ends before start '2027' starts"),
        ],
    )
    def test_a_window_overlapping_refuses_is_refused(
        self, args: tuple[Any, ...], says: str
    ) -> None:
        with pytest.raises(QueryError, match=re.escape(says)):
            window_filter(*args)
        same = says.replace("window_filter", "overlapping")
        with pytest.raises(QueryError, match=re.escape(same)):
            _tracker().overlapping(*args)

    @pytest.mark.parametrize(
        ("window", "when"),
        [
            ("c. 2001?", "December 1999"),  # 2001 give or take two years
            ("c. April 2026", "2026-03-15"),
            ("2026-04?", "2026-05-20"),
            ("the 2010s?", "2021"),
        ],
    )
    def test_a_qualified_window_is_read_at_its_widest(self, window: str, when: str) -> None:
        tl = Timeline([Event(title="x", when=when)])
        assert len(tl.overlapping(window)) == 1
        assert to_arrow(tl).filter(window_filter(window)).num_rows == 1

    @pytest.mark.parametrize(
        ("moment", "month", "meets"),
        [
            # 18:25 at UTC-12 on 30 November is 06:25 UTC on 1 December: December somewhere
            ("2000-11-30T18:25-12:00", "2000-12", True),
            ("2000-11-30T18:25-12:00", "2000-11", True),
            # 10:00 UTC on 1 December is 1 December everywhere... and not November anywhere
            ("2000-12-01T10:00+00:00", "2000-11", True),
            ("2000-12-01T12:00+00:00", "2000-11", False),
            # 09:00 at UTC+14 on 1 January is 19:00 UTC on 31 December
            ("2001-01-01T09:00+14:00", "2000-12", True),
            ("2001-01-01T09:00+14:00", "2001-01", True),
            ("2001-01-02T11:00+14:00", "2000-12", False),
        ],
    )
    def test_an_instant_meets_the_days_it_could_fall_on(
        self, moment: str, month: str, meets: bool
    ) -> None:
        tl = Timeline([Event(title="x", when=moment)])
        assert bool(tl.overlapping(month)) is meets  # the model's rule
        picked = to_arrow(tl).filter(window_filter(month)).num_rows
        assert picked == int(meets)

    def test_window_filter_of_a_range(self) -> None:
        table = to_arrow(_tracker())
        ids = [r["id"] for r in table.filter(window_filter("2026-03-25", "2026-03-26")).to_pylist()]
        # The forum, "c. April 2026" (could be March) and "by 2030" (could be any day before).
        assert ids == ["ai-forum", "something", "guangzhou-ai-plan"]
        assert ids == [e.id for e in _tracker().overlapping("2026-03-25", "2026-03-26")]

    def test_cli_converts_yaml_to_parquet_and_back(self, tmp_path: Path) -> None:
        tl = _tracker()
        tl.save(tmp_path / "events.yaml")
        assert main(["convert", str(tmp_path / "events.yaml"), str(tmp_path / "x.parquet")]) == 0
        assert Timeline.load(tmp_path / "x.parquet") == tl
        assert main(["convert", str(tmp_path / "x.parquet"), str(tmp_path / "y.json")]) == 0
        assert Timeline.load(tmp_path / "y.json") == tl


class TestParseDates:
    @pytest.mark.parametrize(
        ("text", "reference", "expected"),
        [
            # a quarter: day bounds, no instant
            ("Q2 2026", None, ("Q2 2026", "quarter", D(2026, 4, 1), D(2026, 6, 30), None)),
            # relative, read against the reference day
            ("April", "2026-03-28", ("April 2026", "month", D(2026, 4, 1), D(2026, 4, 30), None)),
            # relative without a reference: an error, not a guess
            ("next quarter", None, (None, None, None, None, "relative")),
            # misspelt: the fix is in the message
            ("Aprill 2026", None, (None, None, None, None, "did you mean 'April 2026'")),
            # not a date at all
            ("banana", None, (None, None, None, None, "not a date")),
            # very long text is refused without parsing
            ("2026 " * 100, None, (None, None, None, None, "not a date")),
        ],
    )
    def test_rows(self, text: str, reference: str | None, expected: tuple[object, ...]) -> None:
        row = parse_dates([text], reference=reference).to_pylist()[0]
        got = (row["when"], row["precision"], row["earliest"], row["latest"])
        assert got == expected[:4]
        if expected[4] is None:
            assert row["error"] is None
        else:
            assert expected[4] in row["error"]

    def test_the_struct_has_the_documented_fields(self) -> None:
        array = parse_dates(pa.array(["2026"]))
        assert [f.name for f in array.type] == list(PARSED_FIELDS)

    def test_a_null_text_is_a_null_row(self) -> None:
        assert parse_dates(pa.array(["2026", None])).to_pylist()[1] is None

    def test_references_per_row(self) -> None:
        texts = pa.array(["April", "April", "April"])
        references = pa.array([D(2026, 3, 28), D(2027, 1, 5), None], pa.date32())
        rows = parse_dates(texts, reference=references).to_pylist()
        assert [r["when"] for r in rows] == ["April 2026", "April 2027", None]
        assert "relative" in rows[2]["error"]

    def test_timestamp_references_use_their_utc_day(self) -> None:
        stamp = pa.array([dt.datetime(2026, 12, 31, 23, 0, tzinfo=UTC)], pa.timestamp("us", "UTC"))
        assert parse_dates(["next month"], reference=stamp).to_pylist()[0]["when"] == (
            "January 2027"
        )

    def test_references_must_match_the_texts(self) -> None:
        with pytest.raises(ValueError, match="one reference per text"):
            parse_dates(["April", "May"], reference=pa.array([D(2026, 1, 1)]))

    def test_a_chunked_column(self) -> None:
        column = pa.chunked_array([["2026"], ["Q1 2027"]])
        assert [r["when"] for r in parse_dates(column).to_pylist()] == ["2026", "Q1 2027"]

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.text(max_size=30) | whens().map(str), max_size=8))
    def test_never_raises_and_agrees_with_when_parse(self, texts: list[str]) -> None:
        rows = parse_dates(texts).to_pylist()
        assert len(rows) == len(texts)
        for text, row in zip(texts, rows, strict=True):
            try:
                value = When.parse(text)
            except ValueError as err:
                message = str(err)
                value = None
            if value is None:
                assert row["when"] is None
                assert row["error"] == message
            else:
                assert row["error"] is None
                assert row["when"] == str(value)
                could = (row["could_start"], row["could_end"])
                if any(isinstance(p, dt.datetime) for p in value.fuzzy_bounds()):
                    # an instant: the days it could fall on somewhere (tested against
                    # Timeline.overlapping in TestParquet and TestDuckDB)
                    days = could_days(*value.fuzzy_bounds())
                    assert could == tuple(
                        None if d is None else dt.date.fromordinal(d + _EPOCH) for d in days
                    )
                else:
                    assert could == tuple(
                        None if p is None else D(p.year, p.month, p.day)
                        for p in value.fuzzy_bounds()
                    )


class TestDuckDB:
    @pytest.fixture
    def path(self, tmp_path: Path) -> Path:
        out = tmp_path / "events.parquet"
        _tracker().save(out)
        return out

    def test_the_events_view(self, path: Path) -> None:
        con = duckdb_connect(path)
        assert con.execute("SELECT count(*) FROM events").fetchall() == [(6,)]

    def test_what_could_happen_in_april_2026_is_overlapping(self, path: Path) -> None:
        con = duckdb_connect(path)
        rows = con.execute(_README_APRIL).fetchall()
        expected = _tracker().overlapping("2026-04")
        assert sorted(r[0] for r in rows) == sorted(e.id for e in expected)
        # V4 (now May) and Hunyuan (now Q3) slipped out; "by 2030" could still be April.
        assert sorted(e.id for e in expected) == ["guangzhou-ai-plan", "keynote", "something"]

    def test_who_slipped_most(self, path: Path) -> None:
        rows = duckdb_connect(path).execute(_README_SLIPPED).fetchall()
        assert rows[:2] == [("Tencent", 2), ("DeepSeek", 1)]

    @_SLOW
    @given(timelines(), plain_whens())
    def test_the_sql_window_is_exactly_overlapping(self, tl: Timeline, window: When) -> None:
        if window.is_instant:
            return  # the SQL below takes days; instants compare in UTC
        con = duckdb.connect()
        con.register("events", to_arrow(tl))
        lo, hi = window.earliest, window.latest
        rows = con.execute(
            "SELECT id FROM events WHERE (could_start IS NULL OR could_start <= ?) "
            "AND (could_end IS NULL OR could_end >= ?)",
            [hi, lo],
        ).fetchall()
        assert sorted(r[0] for r in rows) == sorted(e.id for e in tl.overlapping(window))

    def test_when_parse_in_sql(self) -> None:
        con = duckdb_connect()
        rows = con.execute(
            "SELECT t, when_parse(t, r).could_end, when_parse(t, r).error IS NULL "
            "FROM (VALUES ('April', DATE '2026-03-28'), ('Q3 2026', NULL), ('Aprill', NULL))"
            " AS v(t, r)"
        ).fetchall()
        assert rows == [
            ("April", D(2026, 4, 30), True),
            ("Q3 2026", D(2026, 9, 30), True),
            ("Aprill", None, False),
        ]

    def test_a_folder_of_parquet_files(self, tmp_path: Path) -> None:
        tl = _tracker()
        write_parquet(tl[:2], tmp_path / "a.parquet")
        write_parquet(tl[2:], tmp_path / "b.parquet")
        con = duckdb_connect(tmp_path)
        assert con.execute("SELECT count(*) FROM events").fetchall() == [(6,)]

    def test_an_empty_folder_or_missing_path(self, tmp_path: Path) -> None:
        with pytest.raises(DataFileError, match=r"no \.parquet files"):
            duckdb_connect(tmp_path)
        with pytest.raises(FileNotFoundError):
            duckdb_connect(tmp_path / "nothing.parquet")

    def test_the_answer_reads_back_as_a_timeline(self, path: Path) -> None:
        answer = duckdb_connect(path).sql("SELECT * FROM events WHERE slips > 0")
        assert [e.id for e in Timeline.from_arrow(answer)] == [
            "deepseek-v4-release",
            "hunyuan-3-0-release",
        ]


def _docs_sql(title: str) -> str:
    """The SQL after a phrase in the DuckDB how-to, so the site's queries are the tested ones."""
    page = (Path(__file__).parent.parent / "docs" / "how-to" / "duckdb.md").read_text("utf-8")
    after = page.split(title, 1)[1]
    return after.split('con.sql("""', 1)[1].split('"""', 1)[0]


_README_APRIL = _docs_sql("What could happen")
_README_SLIPPED = _docs_sql("Who slipped most")


def test_missing_pyarrow_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['pyarrow'] = None\n"
        "from timeline import Timeline, Event\n"
        "try:\n"
        "    Timeline([Event(title='x', when='2026')]).save('x.parquet')\n"
        "except ModuleNotFoundError as err:\n"
        "    print(err)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'timeline-events[arrow]'" in out.stdout


_TEXTS = [
    *("2026-04", "3 April 2026", "Q2 2026", "by end of 2030", "until April 2026", "c. 2026"),
    *("2026-04-15T10:00+08:00", "2026-04-15T02:00Z", "April", "Aprill 2026", "TBD", "2025"),
]


@st.composite
def stranger_tables(draw: st.DrawFn) -> list[dict[str, object]]:
    """Rows as a table from elsewhere holds them: mostly clean, now and then not."""
    dirty = draw(st.booleans()) and draw(st.booleans())  # a quarter of the tables

    def pick(clean: list[object], bad: list[object]) -> object:
        return draw(st.sampled_from(clean + bad if dirty else clean))

    n = draw(st.integers(0, 8))
    good_texts = [t for t in _TEXTS if t not in ("April", "Aprill 2026")]
    return [
        {
            "id": pick([None, None, "a", "b", "c", "d-1", "e_2"], [" pad", ""]),
            "title": str(pick(["V4", "Forum", "x y"], [" padded ", ""])) + f" {i}",
            "when": pick(good_texts, ["April", "Aprill 2026"]),
            "end": pick([None, None, None, *good_texts], ["Aprill 2026"]),
            "status": pick([None, "expected", "happened"], ["planned"]),
            "actors": draw(st.lists(st.sampled_from(["A", "B", " C"][: 3 if dirty else 2]))),
        }
        for i in range(n)
    ]


class TestTheFastPathIsTheRowReader:
    @_SLOW
    @given(stranger_tables(), st.randoms(use_true_random=False))
    def test_a_table_reads_as_its_records_do(
        self, rows: list[dict[str, object]], rng: random.Random
    ) -> None:
        # Column-wise (clean tables) or row by row, a table means what its rows mean as
        # records of a data file: the same timeline, or a DataFileError.
        from timeline.records import records_to_timeline

        records = [{k: v for k, v in row.items() if v is not None and v != []} for row in rows]
        try:
            expected: Timeline | None = records_to_timeline(records)
        except DataFileError:
            expected = None
        columns = ["id", "title", "when", "end", "status", "actors"]
        table = pa.table(
            {k: pa.array([row[k] for row in rows], pa.list_(pa.string()) if k == "actors"
                         else pa.string()) for k in columns}
        )  # fmt: skip
        if expected is None:
            with pytest.raises(DataFileError):
                from_arrow(table)
        else:
            assert from_arrow(table) == expected
            order = list(range(len(rows)))
            rng.shuffle(order)
            assert from_arrow(table.take(pa.array(order, pa.int64()))) == expected


def _set_whens() -> st.SearchStrategy[When]:
    from test_timeline_properties import sets

    return sets()


def _is_set(w: When) -> bool:
    return w.form is not None and w.form[:1] in "[{"


def _set_events() -> st.SearchStrategy[list[Event]]:
    from test_timeline_properties import sets

    return st.lists(sets(), max_size=4).map(
        lambda ws: [Event(id=f"set-{i}", title=f"set {i}", when=w) for i, w in enumerate(ws)]
    )


class TestSetDatesInColumns:
    """An EDTF set is read as its members ("April or June 2026" is never 10 May), but
    ``could_start``/``could_end`` are the hull: a window over them alone (`window_filter`,
    SQL without ``could_runs``) is a superset filter for sets; `.overlapping` after it is
    exact. SQL with ``could_runs`` is exact on its own: tests/test_columnar_sets.py."""

    TL = Timeline(
        [
            Event(id="april-or-june", title="x", when="April or June 2026"),
            Event(id="may", title="y", when="2026-05"),
            Event(id="april", title="z", when="2026-04"),
        ]
    )

    def test_the_pushdown_keeps_the_hull_and_overlapping_refines_it(self, tmp_path: Path) -> None:
        write_parquet(self.TL, tmp_path / "events.parquet")
        pushed = Timeline.load(tmp_path / "events.parquet", filters=window_filter("2026-05-10"))
        assert [e.id for e in pushed] == ["april-or-june", "may"]
        assert [e.id for e in pushed.overlapping("2026-05-10")] == ["may"]
        assert [e.id for e in self.TL.overlapping("2026-05-10")] == ["may"]
        rows = (
            duckdb_connect(tmp_path / "events.parquet")
            .execute(
                "SELECT id FROM events WHERE (could_start IS NULL OR could_start <= ?) "
                "AND (could_end IS NULL OR could_end >= ?) ORDER BY id",
                [dt.date(2026, 5, 10), dt.date(2026, 5, 10)],
            )
            .fetchall()
        )
        assert [r[0] for r in rows] == ["april-or-june", "may"]

    def test_a_set_window_is_pushed_down_by_its_hull(self) -> None:
        picked = from_arrow(to_arrow(self.TL).filter(window_filter("[2026-04-10,2026-06-20]")))
        assert [e.id for e in picked] == ["april", "april-or-june", "may"]
        window = "[2026-04-10,2026-06-20]"  # 10 April or 20 June: not May
        assert [e.id for e in picked.overlapping(window)] == ["april", "april-or-june"]

    @_SLOW
    @given(timelines(), _set_events(), st.one_of(plain_whens(), _set_whens()))
    def test_window_filter_then_overlapping_is_overlapping(
        self, tl: Timeline, sets: list[Event], window: When
    ) -> None:
        if window.is_instant:
            window = When.day(window.start.year, window.start.month, window.start.day)  # type: ignore[union-attr]
        tl = Timeline([*tl, *sets])
        picked = from_arrow(to_arrow(tl).filter(window_filter(window)))
        expected = tl.overlapping(window)
        assert set(expected.events) <= set(picked.events)
        assert picked.overlapping(window) == expected
        if not sets and not _is_set(window):
            assert picked == expected  # exact when no set is involved
