"""The command line on hostile ground: an output that cannot hold every character, and
random arguments with bad files.

On Windows a redirected stdout (``timeline show events.yaml > out.txt``) is in the
ANSI code page (cp1252), and ``PYTHONIOENCODING=ascii`` gives the same anywhere:
a Chinese title ended ``show`` with a ``UnicodeEncodeError`` traceback after half
the table. Now such characters are written as escapes (``\\u817e``), as Python writes
stderr, and JSON output stays JSON that reads back to the same text.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import Event, Timeline
from timeline.cli import main

_TITLES = ["腾讯混元 3.0 release", "Launch 🚀 day", "Zürich forum", "plain"]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    events = [
        Event(title=t, when=f"2026-0{i + 4}", actors=["腾讯", "Zoë"], tags=["人工智能"])
        for i, t in enumerate(_TITLES)
    ]
    Timeline(events, name="AI 竞赛").save(path)
    return path


def _run(monkeypatch: pytest.MonkeyPatch, encoding: str, *argv: str) -> tuple[int, str, str]:
    """Run the command with stdout and stderr in ``encoding`` (strict, as a console is)."""
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding=encoding, errors="strict", newline="\n")
    stderr = io.TextIOWrapper(err, encoding=encoding, errors="backslashreplace", newline="\n")
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    code = main(list(argv))
    stdout.flush()
    stderr.flush()
    # Replaced, not refused, where the bytes are not in ``encoding``: a feed on stdout is
    # UTF-8 whatever the console, as iCalendar requires.
    return code, out.getvalue().decode(encoding, "replace"), err.getvalue().decode(encoding)


class TestAnOutputThatCannotHoldEveryCharacter:
    @pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
    @pytest.mark.parametrize(
        "command",
        [
            ["show"],
            ["show", "--wide"],
            ["upcoming", "--as-of", "2026-03-01", "--within", "1y"],
            ["overdue", "--as-of", "2027-01-01"],
            ["track-record", "--as-of", "2027-01-01"],
            ["track-record", "--by", "tag", "--as-of", "2027-01-01"],
        ],
    )
    def test_tables_are_written_with_escapes(
        self, monkeypatch: pytest.MonkeyPatch, data: Path, encoding: str, command: list[str]
    ) -> None:
        code, out, err = _run(monkeypatch, encoding, command[0], str(data), *command[1:])
        assert code == 0, err
        assert "Traceback" not in err and err == ""
        if command[0] in ("show", "upcoming"):
            assert "\\u817e\\u8baf" in out  # 腾讯, in the ACTORS column
        assert "\ufffd" not in out  # every byte written is in the output's encoding

    @pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
    @pytest.mark.parametrize(
        "command",
        [
            ["show", "--json"],
            ["upcoming", "--json", "--as-of", "2026-03-01", "--within", "1y"],
            ["track-record", "--json", "--as-of", "2027-01-01"],
        ],
    )
    def test_json_reads_back_to_the_same_text(
        self, monkeypatch: pytest.MonkeyPatch, data: Path, encoding: str, command: list[str]
    ) -> None:
        _, expected, _ = _run(monkeypatch, "utf-8", command[0], str(data), *command[1:])
        code, out, err = _run(monkeypatch, encoding, command[0], str(data), *command[1:])
        assert code == 0 and err == ""
        assert json.loads(out) == json.loads(expected)  # emoji as a surrogate pair escape

    def test_the_file_name_in_a_message(self, monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
        named = data.with_name("事件.yaml")
        data.rename(named)
        code, out, err = _run(monkeypatch, "ascii", "check", str(named))
        assert err == "" and code == 0 and "\\u4e8b\\u4ef6.yaml: 4 events, 0 problems" in out

    def test_convert_says_what_it_wrote(
        self, monkeypatch: pytest.MonkeyPatch, data: Path, tmp_path: Path
    ) -> None:
        target = tmp_path / "输出.json"
        code, out, err = _run(monkeypatch, "ascii", "convert", str(data), str(target))
        assert err == "" and code == 0 and "\\u8f93\\u51fa.json" in out
        assert Timeline.load(target) == Timeline.load(data)  # the file itself is UTF-8

    def test_a_utf_8_output_is_unchanged(self, monkeypatch: pytest.MonkeyPatch, data: Path) -> None:
        code, out, _ = _run(monkeypatch, "utf-8", "show", str(data), "--wide")
        assert code == 0 and "腾讯混元 3.0 release" in out and "🚀" in out


# -- random arguments with bad files ---------------------------------------------------------

_VALUES = st.sampled_from(
    [
        "",
        "2026",
        "garbage",
        "-1",
        "99999999999999999999",
        "9999-12-31",
        "0001-01-01",
        "0d",
        "-5d",
        "1y",
        "\x00",
        "A=13",
        "A=",
        "=",
        "A,B",
        "X=Y|Z",
        "x" * 600,
        "--json",
    ]
) | st.text(st.characters(blacklist_categories=["Cs"]), max_size=8)
_OPTIONS = {
    "show": ["--json", "--wide", "--status", "--kind", "--actor", "--text", "--between", "--as-of"],
    "track-record": ["--by", "--json", "--as-of", "--actor"],
    "upcoming": ["--json", "--within", "--as-of"],
    "overdue": ["--json", "--as-of"],
    "export": ["--name", "--domain", "--policy", "--include-cancelled"],
    "check": ["--strict", "--today"],
    "extract": ["--published", "--source-title", "--url", "--actors", "--fiscal-years", "--json"],
}
_FLAGS = {"--json", "--wide", "--include-cancelled", "--strict"}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("cli")
    good = folder / "good.yaml"
    Timeline([Event(title="A", when="2026-04", actors=["X"])]).save(good)
    bad = {
        "bad.yaml": b"events:\n  - title: A\n    when: Aprill 2026\n",
        "quote.csv": b'title,when\n"A,2026\n',
        "nul.json": b"\x00" * 64,
        "latin.csv": "title,when\nCaf\xe9,2026\n".encode("latin-1"),
        "article.txt": b"DeepSeek V4 is expected in April 2026.\n",
        "binary.txt": b"\xff\xfe\x00garbage",
        "empty.yaml": b"",
    }
    for name, content in bad.items():
        (folder / name).write_bytes(content)
    return [str(good), *(str(folder / n) for n in bad), str(folder / "missing.yaml"), str(folder)]


@pytest.mark.fuzz
@given(data=st.data())
@settings(
    max_examples=examples(60, 2_000),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_any_arguments_end_with_a_message_and_an_exit_code(
    monkeypatch: pytest.MonkeyPatch, files: list[str], data: st.DataObject
) -> None:
    command = data.draw(st.sampled_from(sorted(_OPTIONS)))
    argv = [command, *data.draw(st.lists(st.sampled_from(files), max_size=2))]
    for option in data.draw(st.lists(st.sampled_from(_OPTIONS[command]), max_size=4)):
        argv.append(option)
        if option not in _FLAGS:
            argv.extend(data.draw(_VALUES) for _ in range(2 if option == "--between" else 1))
    try:
        code, _, err = _run(monkeypatch, "ascii", *argv)
    except SystemExit as exit:  # argparse's own usage errors end here only if main lets them
        pytest.fail(f"{argv!r}: SystemExit({exit.code}) escaped main")
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err, (argv, err)
