"""CSV files for Excel: a byte-order mark, asked for with ``bom=True`` (``--bom``).

Excel on Windows reads a CSV file without a byte-order mark in the system's ANSI
code page, so "腾讯混元" came out as "è…¾è®¯æ··å…ƒ". ``Timeline.save(path, bom=True)``
(and ``timeline convert IN OUT.csv --bom``) starts the file with the UTF-8 mark
Excel looks for; without it the file stays plain UTF-8, as other tools expect
(Python's ``csv`` with ``encoding="utf-8"`` would read the mark into the first
header). Loading accepts both, so ``load(save(x, bom=...)) == x`` either way.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csv_notes import csv_notes
from data_strategies import hostile_timelines
from fuzzing import examples
from timeline import DataFileError, Event, Timeline
from timeline.cli import main

_CHINESE = Timeline(
    [
        Event(title="腾讯混元 3.0 发布", when="2026-04", actors=["腾讯"], tags=["人工智能"]),
        Event(title="DeepSeek V4", when="Q2 2026", actors=["深度求索"]),
    ]
)


class TestSaveWithAMark:
    def test_the_file_starts_with_the_mark_excel_looks_for(self, tmp_path: Path) -> None:
        path = tmp_path / "events.csv"
        _CHINESE.save(path, bom=True)
        data = path.read_bytes()
        assert data.startswith(codecs.BOM_UTF8)
        assert data.count(codecs.BOM_UTF8) == 1
        # An independent reader in Excel's way (utf-8-sig): the headers and cells as written.
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert [row["title"] for row in rows] == [e.title for e in _CHINESE]
        assert next(iter(rows[0])) == "id"

    def test_without_it_the_file_is_plain_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "events.csv"
        _CHINESE.save(path)
        assert not path.read_bytes().startswith(codecs.BOM_UTF8)
        (tmp_path / "marked.csv").write_bytes(b"")
        _CHINESE.save(tmp_path / "marked.csv", bom=True)
        # The same text after the mark: nothing else changes.
        assert (tmp_path / "marked.csv").read_bytes() == codecs.BOM_UTF8 + path.read_bytes()

    @pytest.mark.parametrize("bom", [False, True])
    def test_it_loads_back_the_same(self, tmp_path: Path, bom: bool) -> None:
        path = tmp_path / "events.csv"
        _CHINESE.save(path, bom=bom)
        assert Timeline.load(path).events == _CHINESE.events

    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".parquet"])
    def test_other_formats_refuse_it(self, tmp_path: Path, suffix: str) -> None:
        # JSON forbids the mark (RFC 8259), YAML and Parquet have no use for it.
        path = tmp_path / f"events{suffix}"
        with pytest.raises(DataFileError, match=r"bom=True is for \.csv files") as info:
            _CHINESE.save(path, bom=True)
        assert str(path) in str(info.value) and "leave bom out" in str(info.value)
        assert not path.exists()

    @pytest.mark.parametrize("bom", ["yes", 1, None])
    def test_bom_is_true_or_false(self, tmp_path: Path, bom: object) -> None:
        with pytest.raises(DataFileError, match=r"bom: .* is not True or False"):
            _CHINESE.save(tmp_path / "events.csv", bom=bom)  # type: ignore[arg-type]
        assert not (tmp_path / "events.csv").exists()


@given(timeline=hostile_timelines(), bom=st.booleans())
@settings(
    max_examples=examples(25, 300),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_load_of_save_is_the_timeline_with_or_without_the_mark(
    tmp_path: Path, timeline: Timeline, bom: bool
) -> None:
    path = tmp_path / "events.csv"
    if timeline.fiscal_years:  # a CSV file cannot hold them: refused, with or without the mark
        with pytest.raises(DataFileError, match="fiscal years"):
            timeline.save(path, bom=bom)
        return
    with csv_notes(timeline, path):
        timeline.save(path, bom=bom)
    assert path.read_bytes().startswith(codecs.BOM_UTF8) is bom
    assert Timeline.load(path).events == timeline.events


class TestTheCommandLine:
    def test_convert_with_bom(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.chdir(tmp_path)
        _CHINESE.save("a.yaml")
        assert main(["convert", "a.yaml", "b.csv", "--bom"]) == 0
        assert "Wrote b.csv (CSV, with a byte-order mark for Excel): 2 events" in (
            capsys.readouterr().out
        )
        assert Path("b.csv").read_bytes().startswith(codecs.BOM_UTF8)
        assert Timeline.load("b.csv").events == _CHINESE.events
        # and back, the mark dropped: the YAML is the same
        assert main(["convert", "b.csv", "c.yaml"]) == 0
        assert Path("c.yaml").read_bytes() == Path("a.yaml").read_bytes()

    def test_bom_for_another_format_is_a_usage_mistake(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.chdir(tmp_path)
        _CHINESE.save("a.yaml")
        assert main(["convert", "a.yaml", "b.json", "--bom"]) == 2
        err = capsys.readouterr().err
        assert "--bom is for a .csv output (Excel); 'b.json' is JSON: leave --bom out" in err
        assert not Path("b.json").exists()
