"""Terminal tables fit the terminal's width; ``--wide`` shows everything (issue 12 §6)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from timeline import Event, Timeline
from timeline.cli._main import main
from timeline.display._table import ELLIPSIS, cell_width

LONG = "Tencent Hybrid Model 3.0 release with a very long title that goes on and on"
CJK = "腾讯混元大模型 3.0 版本在四月份正式发布并开放给第三方开发者使用"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.yaml"
    Timeline(
        [
            Event(title=LONG, when="2026-04", actors=["Tencent", "Liu Chi-ping"], kind="model"),
            Event(title=CJK, when="2026-05", actors=["腾讯"], kind="model-release"),
            Event(title="Short", when="2026-04-20", actors=["DeepSeek"]),
        ],
        name="A tracker with a name long enough to pass the edge of a narrow terminal",
    ).save(path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    assert main(list(argv)) == 0
    out, _ = capsys.readouterr()
    return out.splitlines()


def terminal(monkeypatch: pytest.MonkeyPatch, columns: int, tty: bool = True) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)


COMMANDS = [
    ["show"],
    ["upcoming", "--as-of", "2026-03-01"],
    ["overdue", "--as-of", "2026-07-01"],
]


class TestFits:
    @pytest.mark.parametrize("command", COMMANDS)
    @pytest.mark.parametrize("columns", [40, 60, 80])
    def test_every_line_fits(
        self,
        command: list[str],
        columns: int,
        data: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        terminal(monkeypatch, columns)
        lines = run(capsys, command[0], str(data), *command[1:])
        assert len(lines) == 2 + 1 + 3  # heading, header, rule, rows
        assert all(cell_width(line) <= columns for line in lines), lines
        assert any(line.endswith(ELLIPSIS) for line in lines[3:])  # cut, and said so

    def test_wide_characters_count_double(
        self, data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        terminal(monkeypatch, 50)
        lines = run(capsys, "show", str(data))
        row = next(line for line in lines if "腾讯混元" in line)
        assert cell_width(row) <= 50 < len(row) * 2
        assert row.endswith(ELLIPSIS)

    def test_columns_is_honoured_when_piped(
        self, data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # COLUMNS set says the width even when the output goes to a pipe (as for ls)
        terminal(monkeypatch, 60, tty=False)
        assert all(cell_width(line) <= 60 for line in run(capsys, "show", str(data)))

    def test_piped_without_columns_is_not_cut(
        self, data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delenv("COLUMNS", raising=False)
        monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
        out = "\n".join(run(capsys, "show", str(data)))
        assert LONG in out and CJK in out and ELLIPSIS not in out


class TestAColumnsThatIsNoWidth:
    """COLUMNS="²" (a digit to str.isdigit, not to int) or thousands of digits ended `show`
    with a ValueError traceback; like any other COLUMNS that is no width, it is ignored."""

    @pytest.mark.parametrize(
        "columns",
        ["²", "١٢٠", "8" + "0" * 5000, "abc", "", "0", "-5", " 80x", "1e3"],
    )
    @pytest.mark.parametrize("command", [["show"], ["track-record", "--as-of", "2026-07-01"]])
    def test_is_ignored(
        self,
        data: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        columns: str,
        command: list[str],
    ) -> None:
        monkeypatch.setenv("COLUMNS", columns)
        monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
        out = "\n".join(run(capsys, command[0], str(data), *command[1:]))
        assert ELLIPSIS not in out  # piped and no width given: nothing cut

    def test_a_width_past_any_screen_cuts_nothing(
        self, data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        terminal(monkeypatch, 10**30, tty=True)
        out = "\n".join(run(capsys, "show", str(data)))
        assert LONG in out and CJK in out and ELLIPSIS not in out


class TestWide:
    @pytest.mark.parametrize("command", COMMANDS)
    def test_wide_shows_everything(
        self,
        command: list[str],
        data: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        terminal(monkeypatch, 40)
        lines = run(capsys, command[0], str(data), "--wide", *command[1:])
        out = "\n".join(lines)
        assert ELLIPSIS not in out
        assert "KIND" in lines[1] and "ACTORS" in lines[1]  # no column dropped
        if command[0] != "overdue":
            assert LONG in out and CJK in out and "Tencent, Liu Chi-ping" in out
        assert "tracker with a name long enough" in out or command[0] != "show"

    def test_wide_is_on_the_table_commands_only(
        self, data: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["check", str(data), "--wide"]) == 2
        assert "--wide" in capsys.readouterr().err


class TestWideTerminal:
    """A terminal wider than the table: nothing is cut, and nothing is padded out either."""

    @pytest.mark.parametrize("command", COMMANDS)
    @pytest.mark.parametrize("columns", [400, 10**6, 10**20])
    def test_the_table_keeps_its_natural_widths(
        self,
        command: list[str],
        columns: int,
        data: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.delenv("COLUMNS", raising=False)
        monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
        piped = run(capsys, *command, str(data))  # nothing cut: the natural table
        terminal(monkeypatch, columns)
        lines = run(capsys, *command, str(data))
        rule = next(line for line in lines if set(line) <= {"-", " "} and line)
        assert [line for line in lines if line != rule] == piped
        assert cell_width(rule) == max(cell_width(line) for line in piped[1:])


@pytest.fixture
def record_data(tmp_path: Path) -> Path:
    # Resolved promises (kept, late, broken) by actors with long names: the record has a table.
    path = tmp_path / "record.yaml"
    Timeline(
        [
            Event(title="A", when="2026-01", actors=["Tencent Holdings Limited of Shenzhen"])
            .revise(when="2026-04", stated="2025-12-01")
            .revise(status="happened", when="2026-05-20", stated="2026-05-20"),
            Event(title="B", when="2026-02", actors=["DeepSeek"]).revise(
                status="happened", when="2026-02-10", stated="2026-02-10"
            ),
            Event(title="C", when="2026-03", actors=["腾讯混元大模型团队"]).revise(
                status="cancelled", stated="2026-03-10"
            ),
        ]
    ).save(path)
    return path


class TestTrackRecordFits:
    @pytest.mark.parametrize("columns", [40, 60, 80, 100])
    def test_every_line_fits(
        self,
        columns: int,
        record_data: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        terminal(monkeypatch, columns)
        lines = run(capsys, "track-record", str(record_data), "--as-of", "2026-06-01")
        assert all(cell_width(line) <= columns for line in lines), lines
        table = "\n".join(lines)
        if columns >= 60:  # the counts stay whole; the total row is named
            assert "PROMISES" in table and "KEPT" in table and "BROKEN" in table
            assert any(line.startswith("(all)") for line in lines)
        assert "1 kept, 1" in table.replace("\n", " ")  # the summary is wrapped, not cut
        assert any(ELLIPSIS in line for line in lines)  # the long actor is cut, and said so

    def test_wide_and_piped_show_everything(
        self, record_data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delenv("COLUMNS", raising=False)
        monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
        piped = run(capsys, "track-record", str(record_data), "--as-of", "2026-06-01")
        terminal(monkeypatch, 40)
        wide = run(capsys, "track-record", str(record_data), "--as-of", "2026-06-01", "--wide")
        assert wide == piped
        out = "\n".join(wide)
        assert "Tencent Holdings Limited of Shenzhen" in out and ELLIPSIS not in out
        assert "NOTICE" in out and "SLIPS/PROMISE" in out
