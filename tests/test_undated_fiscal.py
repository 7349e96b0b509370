"""Undated events, fiscal years on timelines and in files, line endings (issue 11 §2, §4)."""

from __future__ import annotations

import warnings
from pathlib import Path

import attrs
import pytest

from csv_notes import csv_notes
from timeline import DataFileError, Event, EventError, FrameError, QueryError, Timeline, When
from timeline.cli._main import main
from timeline.dates._fiscal import Fiscal
from timeline.formats import _io


def _tracker() -> Timeline:
    return Timeline(
        [
            Event(title="Gemini 4", when="TBA", actors=["Google"]),
            Event(title="DeepSeek V4", when="2026-04", actors=["DeepSeek"]),
            Event(title="Open everything", when="../2030"),
        ],
        name="Tracker",
    )


class TestUndatedEvents:
    def test_an_event_may_be_undated(self) -> None:
        e = Event(title="Gemini 4", when="date not announced")
        assert e.when.is_undated and str(e.when) == "date not announced"
        assert e.fuzzy_window == (None, None)

    def test_sorts_last_never_overdue_never_upcoming(self) -> None:
        tl = _tracker()
        assert [e.id for e in tl][-1] == "gemini-4"
        assert "gemini-4" not in tl.overdue(as_of="2100-01-01")
        assert "gemini-4" not in tl.upcoming(as_of="2026-03-01", within="100 years")
        assert "gemini-4" not in tl.included("2026")

    def test_left_out_of_feeds_without_a_warning(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            feed = _tracker().exclude(where=lambda e: e.id == "open-everything").to_ics()
        assert "Gemini" not in feed and "DeepSeek V4" in feed

    def test_export_summary_counts_them(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        data = tmp_path / "tracker.yaml"
        _tracker().exclude(where=lambda e: e.id == "open-everything").save(data)
        code = main(["export", str(data), "-o", str(tmp_path / "feed.ics")])
        out = capsys.readouterr().out
        assert code == 0
        assert "1 undated left out: a feed event needs a date" in out

    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
    def test_files_keep_them(self, tmp_path: Path, suffix: str) -> None:
        tl = _tracker()
        path = tmp_path / f"t{suffix}"
        with csv_notes(tl, path):
            tl.save(path)
        back = Timeline.load(path)
        assert back["gemini-4"].when == When.undated()


FILE = """\
name: Big tech
fiscal_years:
  Microsoft: July
  apple: 10
events:
  - title: Microsoft Q3
    when: Q3 FY2025
    actors: [Microsoft, OpenAI]
  - title: Apple year
    when: FY2025
    actors: [Apple]
    claims:
      - stated: 2025-01-10
        when: H2 FY2025
  - title: Calendar
    when: 2025
"""


def _calendar(w: When) -> When:
    """The same months said in calendar terms."""
    return attrs.evolve(w, fiscal=None)


class TestFiscalYears:
    def test_a_file_resolves_with_the_first_actors_fiscal_year(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text(FILE)
        tl = Timeline.load(path)
        # the calendar months, shown as the fiscal periods the file names
        assert _calendar(tl["microsoft-q3"].when) == When.quarter(2025, 1)
        assert str(tl["microsoft-q3"].when) == "Q3 FY2025 (January–March 2025)"
        assert _calendar(tl["apple-year"].initial_when) == When.interval(
            When.month(2024, 10), When.month(2025, 9)
        )
        assert str(tl["apple-year"].initial_when) == "FY2025 (October 2024–September 2025)"
        assert _calendar(tl["apple-year"].when) == When.interval(
            When.month(2025, 4), When.month(2025, 9)
        )
        assert str(tl["apple-year"].when) == "H2 FY2025 (April–September 2025)"
        assert dict(tl.fiscal_years) == {"Microsoft": 7, "apple": 10}

    @pytest.mark.parametrize("suffix", [".yaml", ".json"])
    def test_saved_and_read_back(self, tmp_path: Path, suffix: str) -> None:
        path = tmp_path / "t.yaml"
        path.write_text(FILE)
        tl = Timeline.load(path)
        out = tmp_path / f"again{suffix}"
        tl.save(out)
        assert "fiscal_years" in out.read_text()
        assert Timeline.load(out) == tl

    # CSV holds events only: a timeline with fiscal years is refused, never silently cut.
    def test_csv_refuses_a_timeline_with_fiscal_years(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text(FILE)
        tl = Timeline.load(path)
        out = tmp_path / "t.csv"
        with pytest.raises(DataFileError, match=r"fiscal_years: .*Microsoft.*\.yaml or \.json"):
            tl.save(out)
        assert not out.exists()  # nothing half-written
        with pytest.raises(DataFileError, match=r"fiscal_years: a CSV file holds events only"):
            _io.dumps(tl, "csv")
        # Without fiscal years the same events write and read back.
        plain = Timeline(tl.events, name=tl.name)
        with csv_notes(plain, out):  # the name is not written, and CSV says so
            plain.save(out)
        assert Timeline.load(out) == Timeline(tl.events)

    def test_converting_to_csv_says_why(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "t.yaml"
        path.write_text(FILE)
        assert main(["convert", str(path), str(tmp_path / "t.csv")]) == 1
        err = capsys.readouterr().err
        assert "fiscal_years" in err and ".yaml or .json" in err
        assert "Traceback" not in err
        assert not (tmp_path / "t.csv").exists()

    def test_dataframes_keep_them(self, tmp_path: Path) -> None:
        pytest.importorskip("pandas")
        path = tmp_path / "t.yaml"
        path.write_text(FILE)
        tl = Timeline.load(path)
        frame = tl.to_pandas()
        assert Timeline.from_pandas(frame) == tl
        other = Timeline.from_pandas(frame, fiscal_years={"Google": "April"})
        assert dict(other.fiscal_years) == {"Google": 4}
        assert Timeline.from_pandas(frame, fiscal_years={}).fiscal_years == {}

    def test_a_frame_with_bad_fiscal_years_is_a_frame_error(self) -> None:
        pytest.importorskip("pandas")
        frame = Timeline([Event(title="x", when="2026")]).to_pandas()
        frame.attrs["fiscal_years"] = {"Microsoft": "Julember"}
        with pytest.raises(FrameError, match=r"attrs\['fiscal_years'\]: .*Julember"):
            Timeline.from_pandas(frame)

    def test_a_table_with_bad_fiscal_years_is_a_data_file_error(self) -> None:
        pytest.importorskip("pyarrow")
        table = Timeline([Event(title="x", when="2026")]).to_arrow()
        table = table.replace_schema_metadata({b"timeline.fiscal_years": b"July"})
        with pytest.raises(DataFileError, match=r"timeline\.fiscal_years: 'July' is not a JSON"):
            Timeline.from_arrow(table)

    def test_arrow_and_parquet_keep_them(self, tmp_path: Path) -> None:
        pytest.importorskip("pyarrow")
        path = tmp_path / "t.yaml"
        path.write_text(FILE)
        tl = Timeline.load(path)
        assert Timeline.from_arrow(tl.to_arrow()) == tl
        other = Timeline.from_arrow(tl.to_arrow(), fiscal_years={"Google": 4})
        assert dict(other.fiscal_years) == {"Google": 4}
        tl.save(tmp_path / "t.parquet")
        assert Timeline.load(tmp_path / "t.parquet") == tl

    def test_a_fiscal_phrase_without_a_fiscal_year_names_the_fix(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text("events:\n  - title: x\n    when: FY2025\n    actors: [Google]\n")
        with pytest.raises(DataFileError, match="fiscal_years:") as err:
            Timeline.load(path)
        assert "t.yaml:3: when:" in str(err.value)

    def test_a_bad_month_is_a_problem_in_the_file(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text("fiscal_years:\n  Microsoft: Julember\nevents: []\n")
        with pytest.raises(DataFileError, match="must be a month"):
            Timeline.load(path)

    def test_on_a_timeline(self) -> None:
        tl = Timeline(fiscal_years={"Microsoft": "July"})
        assert tl.fiscal_year_start("MICROSOFT") == 7
        assert tl.fiscal_year_start("Apple") is None
        assert tl.add(Event(title="x", when="2026")).fiscal_years == {"Microsoft": 7}
        assert tl != Timeline()

    def test_an_event_takes_its_fiscal_year_start(self) -> None:
        e = Event(title="x", when="H1 FY26", end="FY2026", fiscal_year_start=7)
        assert _calendar(e.when) == When.half(2025, 2) and e.when.fiscal == Fiscal(7)
        with pytest.raises(EventError, match="fiscal_year_start="):
            Event(title="x", when="FY2026")


class TestLineEndings:
    def test_normalised_when_an_event_is_built(self) -> None:
        e = Event(title="Line one\r\nline two\rthree", when="2026", description="a\r\nb")
        assert e.title == "Line one\nline two\nthree"
        assert e.description == "a\nb"

    def test_the_calendar_round_trip_keeps_them(self) -> None:
        tl = Timeline([Event(title="x", when="2026-04", description="one\r\ntwo")], name="n")
        back = Timeline.from_ics(tl.to_ics())
        assert back == tl


class TestJoinedTimelines:
    def test_both_sides_fiscal_years_are_kept(self) -> None:
        a = Timeline([Event(title="x", when="2026")], fiscal_years={"Apple": "October"})
        b = Timeline([Event(title="y", when="2026")], fiscal_years={"Microsoft": 7})
        assert (a + b).fiscal_years == {"Apple": 10, "Microsoft": 7}  # was {"Apple": 10}
        assert (Timeline() + b).fiscal_years == {"Microsoft": 7}  # was {}
        # the same actor with the same month, in another case: one entry, as first written
        c = Timeline(fiscal_years={"MICROSOFT": "July"})
        assert (b + c).fiscal_years == {"Microsoft": 7}

    def test_two_starts_for_one_actor_are_refused(self) -> None:
        b = Timeline(fiscal_years={"Microsoft": 7})
        with pytest.raises(QueryError, match=r"'microsoft'.*July.*January"):
            b + Timeline(fiscal_years={"microsoft": 1})
