"""Paths a stranger may hand the command line: a NUL in the name, a named pipe or a device
where an article goes, a folder as wide as the whole file system.

Found by running every command over hostile values (tests/test_cli_hostile.py runs them
at random): `convert 'a\\x00.csv' out.yaml` ended in a ``ValueError: embedded null byte``
traceback; `extract fifo.txt` waited for ever for a writer (and `extract /dev/zero` would
read without end); `show /` walked the whole file system for a .parquet file (minutes).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import DataFileError, Event, Timeline
from timeline.cli import main
from timeline.records._folders import parquet_search


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Timeline([Event(title="A", when="2026-04")]).save("good.yaml")
    return tmp_path


class TestANulInAName:
    @pytest.mark.parametrize(
        "argv",
        [
            ["convert", "a\x00.csv", "out.yaml"],
            ["convert", "good.yaml", "o\x00ut.json"],
            ["convert", "good.yaml", "o\x00ut.json", "--force"],
            ["show", "a\x00.yaml"],
            ["check", "a\x00.yaml"],
            ["export", "good.yaml", "-o", "f\x00.ics"],
            ["extract", "a\x00.txt"],
            ["extract", "-", "-o", "d\x00.yaml"],
            ["show", "good.yaml", "--trend", "-o", "t\x00.png"],
        ],
    )
    def test_is_quoted_never_a_traceback(
        self, here: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
    ) -> None:
        code, out, err = _run(capsys, *argv)
        assert code in (1, 2) and out == ""
        assert "'\\x00'" in err and "NUL" in err, err
        assert sorted(p.name for p in here.iterdir()) == ["good.yaml"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
class TestAnArticleThatIsNoFile:
    def test_a_named_pipe_is_refused_unread(
        self, here: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        os.mkfifo("article.txt")
        started = time.monotonic()
        code, out, err = _run(capsys, "extract", "article.txt")
        assert time.monotonic() - started < 5  # not waiting for a writer
        assert (code, out) == (1, "")
        assert "article 'article.txt' is a named pipe (FIFO), not a file" in err
        assert "timeline extract - < article.txt" in err  # the fix: read it as stdin

    def test_a_device_is_refused_unread(self, capsys: pytest.CaptureFixture[str]) -> None:
        if not os.path.exists("/dev/zero"):
            pytest.skip("no /dev/zero")
        code, out, err = _run(capsys, "extract", "/dev/zero")
        assert (code, out) == (1, "")
        assert "article '/dev/zero' is a device, not a file" in err


class TestAWideFolder:
    @staticmethod
    def _wide(root: Path, folders: int = 30) -> Path:
        for i in range(folders):
            (root / f"d{i:02}").mkdir()
            (root / f"d{i:02}" / "notes.txt").write_text("")
        return root

    def test_the_search_for_parquet_gives_up(self, tmp_path: Path) -> None:
        self._wide(tmp_path)
        assert parquet_search(tmp_path, limit=10) == "too many"
        assert parquet_search(tmp_path, limit=100) == "none"
        (tmp_path / "d29" / "x.parquet").write_text("")
        assert parquet_search(tmp_path, limit=100) == "found"
        # Hidden and underscore folders are no part of a dataset (Spark's _temporary/).
        (tmp_path / "d29" / "x.parquet").unlink()
        (tmp_path / "_temporary").mkdir()
        (tmp_path / "_temporary" / "x.parquet").write_text("")
        (tmp_path / ".x.parquet").write_text("")
        assert parquet_search(tmp_path, limit=100) == "none"

    def test_a_dataset_is_found_early_however_large(self, tmp_path: Path) -> None:
        # Spark's layout: part files at the top, or in key=value folders.
        self._wide(tmp_path)
        (tmp_path / "year=2026").mkdir()
        (tmp_path / "year=2026" / "part-0.parquet").write_text("")
        assert parquet_search(tmp_path / "year=2026", limit=0) == "found"
        assert parquet_search(tmp_path, limit=40) == "found"

    @pytest.mark.parametrize("command", ["show", "check", "convert"])
    def test_the_command_line_gives_up_on_a_wide_folder(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        command: str,
    ) -> None:
        from timeline.records import _folders

        monkeypatch.setattr(_folders, "FOLDER_LIMIT", 10)
        (tmp_path / "wide").mkdir()
        wide = self._wide(tmp_path / "wide")
        argv = [command, str(wide), *(["out.yaml"] if command == "convert" else [])]
        monkeypatch.chdir(tmp_path)
        code, out, err = _run(capsys, *argv)
        assert (code, out) == (1, "")
        assert f"{str(wide)!r} holds more than 10 folders and no .parquet file" in err, err
        assert not (tmp_path / "out.yaml").exists()

    def test_load_gives_up_on_a_wide_folder(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from timeline.records import _folders

        monkeypatch.setattr(_folders, "FOLDER_LIMIT", 10)
        with pytest.raises(DataFileError, match=r"holds more than 10 folders and no \.parquet"):
            Timeline.load(self._wide(tmp_path))

    def test_the_root_folder_is_refused_quickly(self, capsys: pytest.CaptureFixture[str]) -> None:
        started = time.monotonic()
        code, out, _ = _run(capsys, "check", os.path.abspath(os.sep))
        assert code in (1, 2) and out == ""
        assert time.monotonic() - started < 30  # was minutes


# -- every command, hostile paths and values, at random ----------------------------------------

# Names a shell can hand over: empty, NUL, bytes that are not UTF-8 (as os.fsdecode gives them,
# surrogate escapes), half a surrogate pair, huge numbers, folders, pipes, paths under a file,
# a missing folder, very long names.
_NAMES = [
    "",
    "\x00",
    "a\x00b.yaml",
    os.fsdecode(b"\xff\xfe.yaml"),
    os.fsdecode(b"caf\xe9.csv"),
    "\ud800.json",
    "9" * 5000,
    "-1",
    "1e309",
    "folder",
    "pipe.yaml",
    "pipe.txt",
    "pipe.ics",
    "good.yaml/x.csv",
    "missing/x.yaml",
    "x" * 300 + ".yaml",
    "new.yaml",
    "new.csv",
    "new.ics",
    "new.png",
    "good.yaml",
    "good.txt",
    "..",
    "\n",
]
_VALUES = [*_NAMES[:9], "2026-04", "April 2026", "90d", "-5d", "actor", "X=7", "A", "x" * 600]
_SHAPES: dict[str, list[list[str]]] = {
    "show": [
        ["F"],
        ["F", "--as-of", "V"],
        ["F", "--between", "V", "V"],
        ["F", "--trend", "-o", "P"],
    ],
    "track-record": [["F", "--by", "V"], ["F", "--as-of", "V"]],
    "upcoming": [["F", "--within", "V"], ["F", "--as-of", "V", "--json"]],
    "overdue": [["F", "--text", "V"]],
    "export": [["F", "-o", "P"], ["F", "--name", "V", "--domain", "V"]],
    "check": [["P"], ["P", "--today", "V"]],
    "convert": [["P", "P"], ["good.yaml", "P", "--force"], ["P", "new.csv", "--bom"]],
    "extract": [["P"], ["good.txt", "-o", "P"], ["good.txt", "--published", "V"]],
    "demo": [["--out", "P"]],
}


@pytest.mark.fuzz
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@given(data=st.data())
@settings(
    max_examples=examples(80, 3_000),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_every_command_ends_with_a_message_and_leaves_files_whole(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data: st.DataObject,
) -> None:
    folder = tmp_path_factory.mktemp("hostile")
    monkeypatch.chdir(folder)
    Timeline([Event(title="腾讯 A", when="2026-04", actors=["X"])]).save("good.yaml")
    Path("good.txt").write_text("DeepSeek V4 is expected in April 2026.\n", encoding="utf-8")
    Path("folder").mkdir()
    for pipe in ("pipe.yaml", "pipe.txt", "pipe.ics"):
        os.mkfifo(pipe)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    command = data.draw(st.sampled_from(sorted(_SHAPES)))
    shape = data.draw(st.sampled_from(_SHAPES[command]))
    argv = [command]
    for slot in shape:
        if slot in ("F", "P"):
            argv.append(data.draw(st.sampled_from(_NAMES)))
        elif slot == "V":
            argv.append(data.draw(st.sampled_from(_VALUES)))
        else:
            argv.append(slot)
    try:
        code = main(argv)
    except SystemExit as exit:  # pragma: no cover - the failure being looked for
        pytest.fail(f"{argv!r}: SystemExit({exit.code}) escaped main")
    _, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err, (argv, err)
    if code:
        assert "error" in err or "warning" in err or ": " in err, (argv, err)
    # Nothing half-written: no temporary file left, and the files there before are whole
    # (only `convert good.yaml good.yaml --force` may rewrite one, and then whole).
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")], argv
    for name, content in before.items():
        if "--force" not in argv:
            assert (folder / name).read_bytes() == content, (argv, name)


class TestClosedStandardStreams:
    """`timeline show >&-`, `2>&-` and `extract - <&-`: Python sets the closed stream to None,
    and the command ended in an AttributeError traceback."""

    def test_a_closed_stdout_stops_the_printing_quietly(
        self, here: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # As a closed pipe: nothing to print to, exit 0, and files are still written.
        monkeypatch.setattr("sys.stdout", None)
        assert main(["show", "good.yaml"]) == 0
        assert main(["convert", "good.yaml", "out.json"]) == 0
        assert Timeline.load("out.json").events == Timeline.load("good.yaml").events

    def test_a_closed_stderr_keeps_the_exit_code(
        self, here: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr("sys.stderr", None)
        assert main(["show", "missing.yaml"]) == 1
        assert main(["show", "--within", "x"]) == 2

    def test_a_closed_stdin_is_said(
        self, here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setattr("sys.stdin", None)
        assert main(["extract", "-"]) == 2
        err = capsys.readouterr().err
        assert "stdin is closed" in err and "give the article's file name" in err
