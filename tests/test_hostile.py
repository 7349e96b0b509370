"""Input from strangers: every reader answers bad input with a `TimelineError`, nothing is lost.

Each class is one behaviour of issue 17 (and issue 12's forgiving CSV); the
long random runs are in tests/test_fuzz.py.
"""

from __future__ import annotations

import contextlib
import csv
import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import (
    Claim,
    DataFileError,
    Event,
    EventError,
    IcsError,
    Observation,
    Quantity,
    QuantityError,
    QueryError,
    Source,
    Target,
    TargetError,
    Timeline,
    TimelineError,
    TimelineWarning,
    When,
    WriteError,
)
from timeline.cli import main
from timeline.formats import _csv, _io, _yaml
from timeline.records._schema import STOPPED


def _problems(path: Path) -> list[str]:
    with pytest.raises(DataFileError) as info:
        Timeline.load(path)
    return [str(p) for p in info.value.problems]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class TestDeepNesting:
    """Nesting far deeper than a timeline needs is refused with its line, not a RecursionError."""

    @pytest.mark.parametrize("depth", [150, 900, 2_000, 100_000])
    def test_json_file(self, tmp_path: Path, depth: int) -> None:
        text = '{"events": [\n  {"title": "A",\n   "when": ' + "[" * depth + "]" * depth + "}]}"
        problems = _problems(_write(tmp_path, "t.json", text))
        assert len(problems) == 1
        assert problems[0].startswith(f"{tmp_path / 't.json'}:3: ")
        # What the parser reads is judged as a value ("when: must be ... text"); what it
        # cannot read for depth is refused as too deep.
        assert ("nested more than" if depth >= 2000 else "when: must be") in problems[0]

    @pytest.mark.parametrize("depth", [150, 900, 20_000])
    def test_json_cell_in_csv(self, tmp_path: Path, depth: int) -> None:
        text = 'title,when,claims\nA,2026,"' + "[" * depth + "]" * depth + '"\n'
        problems = _problems(_write(tmp_path, "t.csv", text))
        assert len(problems) == 1
        assert problems[0].startswith(f"{tmp_path / 't.csv'}:2: claims")
        assert ("nested more than" if depth >= 2000 else "must be a mapping") in problems[0]

    @pytest.mark.parametrize("depth", [150, 900, 100_000])
    def test_yaml_file(self, tmp_path: Path, depth: int) -> None:
        text = "events:\n  - title: A\n    when: " + "[" * depth + "]" * depth + "\n"
        problems = _problems(_write(tmp_path, "t.yaml", text))
        assert len(problems) == 1
        assert problems[0].startswith(f"{tmp_path / 't.yaml'}:3: ")

    def test_a_timeline_file_nests_well_under_the_limit(self, tmp_path: Path) -> None:
        # The deepest a file of ours goes: events > claim > source > field.
        source = Source("S", published="2026-03")
        event = Event(
            title="A",
            when="2026",
            claims=[Claim(stated="2026-04-01", when="2027", source=source)],
        )
        for suffix in (".json", ".yaml", ".csv"):
            Timeline([event]).save(tmp_path / f"t{suffix}")
            assert Timeline.load(tmp_path / f"t{suffix}")["a"] == event


class TestHugeNumbers:
    """A number of more than 4,300 digits is a problem on its line, not a bare ValueError."""

    def test_json_file(self, tmp_path: Path) -> None:
        text = (
            '{"events": [\n  {"title": "A", "when": "2026",\n   "target": {"metric": "m",\n'
            '    "goal": ' + "9" * 5000 + ', "deadline": "2030"}}]}'
        )
        problems = _problems(_write(tmp_path, "t.json", text))
        assert len(problems) == 1
        assert problems[0].startswith(f"{tmp_path / 't.json'}:4: target.goal: ")
        assert "4,300 digits" in problems[0]

    def test_digits_inside_a_string_are_text(self, tmp_path: Path) -> None:
        # A long run of digits in a title is text, not a number: it loads.
        text = '{"events": [{"title": "A' + "9" * 5000 + '", "when": "2026"}]}'
        assert len(Timeline.load(_write(tmp_path, "t.json", text))) == 1

    def test_json_cell_in_csv(self, tmp_path: Path) -> None:
        text = 'title,when,observations\nA,2026,"[' + "9" * 5000 + ']"\n'
        problems = _problems(_write(tmp_path, "t.csv", text))
        assert len(problems) == 1
        assert problems[0].startswith(f"{tmp_path / 't.csv'}:2: observations")

    def test_a_huge_figure_in_a_csv_cell(self, tmp_path: Path) -> None:
        cell = '[{""when"": ""2026"", ""value"": ' + "9" * 5000 + "}]"
        text = f'title,when,observations\nA,2026,"{cell}"\n'
        problems = _problems(_write(tmp_path, "t.csv", text))
        assert len(problems) == 1
        assert problems[0].startswith(f"{tmp_path / 't.csv'}:2: observations[0].value: ")
        assert "4,300 digits" in problems[0]


class TestEncoding:
    """A file that is not UTF-8 is a DataFileError naming the file, the line and the fix."""

    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
    def test_latin_1(self, tmp_path: Path, suffix: str) -> None:
        text = {
            ".yaml": "events:\n  - title: Caf\xe9\n    when: 2026\n",
            ".json": '{"events": [\n {"title": "Caf\xe9", "when": "2026"}]}',
            ".csv": "title,when\nCaf\xe9,2026\n",
        }[suffix]
        path = tmp_path / f"t{suffix}"
        path.write_bytes(text.encode("latin-1"))
        problems = _problems(path)
        assert len(problems) == 1
        assert problems[0].startswith(f"{path}:2: ")
        assert "not UTF-8" in problems[0] and "save it as UTF-8" in problems[0]

    @pytest.mark.parametrize(
        ("head", "line", "column"),
        [
            (b"", 2, 4),
            (b"\xef\xbb\xbf", 2, 4),
            (b"\xef\xbb\xbfx,y\n", 3, 4),
            (b"\xef\xbb\xbf\xc3\xa9", 2, 4),
        ],
    )
    def test_the_byte_is_placed_after_a_byte_order_mark(
        self, tmp_path: Path, head: bytes, line: int, column: int
    ) -> None:
        # A UTF-8 BOM, then Latin-1: the place was counted without the BOM's 3 bytes
        # ("byte 0x43 at column 1", the C of Café, on the line above when near a break).
        path = tmp_path / "t.csv"
        path.write_bytes(head + b"title,when\nCaf\xe9,2026\n")
        (problem,) = _problems(path)
        assert problem.startswith(f"{path}:{line}: byte 0xe9 at column {column} cannot be read")

    @pytest.mark.parametrize(
        ("text", "column"),
        [(b"\xef\xbb\xbftitle\xe9,when\n", 6), (b"title,\xc3\xa9\xc3\xa9\xe9\n", 9)],
    )
    def test_the_column_counts_characters(self, tmp_path: Path, text: bytes, column: int) -> None:
        # On the first line the BOM is no column, and "é" (two bytes) is one.
        path = tmp_path / "t.csv"
        path.write_bytes(text)
        (problem,) = _problems(path)
        assert problem.startswith(f"{path}:1: byte 0xe9 at column {column} cannot be read")

    def test_utf_32_is_named(self, tmp_path: Path) -> None:
        path = tmp_path / "t.json"
        path.write_bytes('{"events": []}'.encode("utf-32"))
        (problem,) = _problems(path)
        assert "the file is UTF-32 (it starts with a UTF-32 byte-order mark)" in problem

    def test_utf_16_is_named(self, tmp_path: Path) -> None:
        # Excel's "Unicode text" is UTF-16 with a byte-order mark.
        path = tmp_path / "t.csv"
        path.write_bytes("title,when\nA,2026\n".encode("utf-16"))
        problems = _problems(path)
        assert "UTF-16" in problems[0] and "save it as UTF-8" in problems[0]


class TestUtf16WithoutAMark:
    """UTF-16 without a byte-order mark is valid UTF-8 (a NUL after each ASCII character).

    It was read as text: "t\\x00i\\x00t\\x00l\\x00e: unknown column" in a CSV, "not valid
    JSON" or YAML at some column. Now named as UTF-16, with the fix.
    """

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
    @pytest.mark.parametrize(
        ("suffix", "text"),
        [
            (".csv", "title,when\nA,2026\n"),
            (".yaml", "events:\n  - title: A\n    when: '2026'\n"),
            (".json", '{"events": [{"title": "A", "when": "2026"}]}'),
        ],
    )
    def test_named(self, tmp_path: Path, codec: str, suffix: str, text: str) -> None:
        path = tmp_path / f"t{suffix}"
        path.write_bytes(text.encode(codec))
        (problem,) = _problems(path)
        width = codec[:6].upper()
        assert problem == (
            f"{path}: the file looks like {width} without a byte-order mark (a NUL byte beside "
            "each letter), so the file is not UTF-8 text; save it as UTF-8 (spreadsheets: Save "
            "As 'CSV UTF-8')"
        )

    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
    def test_a_file_of_nul_bytes(self, tmp_path: Path, suffix: str) -> None:
        # What a crash leaves: the CSV header was 5,000 NULs, printed raw in the message.
        path = tmp_path / f"t{suffix}"
        path.write_bytes(b"\x00" * 5000)
        (problem,) = _problems(path)
        assert problem == (
            f"{path}: the file starts with nothing but NUL bytes, not text (a file left "
            "unwritten by a crash?); restore it from a copy"
        )

    def test_a_nul_inside_a_field_is_text(self, tmp_path: Path) -> None:
        # One NUL in a UTF-8 file is a control character in a value, not an encoding.
        path = _write(tmp_path, "t.csv", "title,when\nA\x00B,2026\n")
        assert [e.title for e in Timeline.load(path)] == ["A\x00B"]


class TestJsonNanAndInfinity:
    """``NaN``, ``Infinity`` and ``-Infinity`` are not JSON, though Python's json reads them.

    A figure ``"goal": NaN`` said "'nan' is not a quantity: no number found"; a title
    ``NaN`` said "must be text, not nan". Now the token is named at its line, with the fix.
    """

    @pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
    def test_in_a_file(self, tmp_path: Path, token: str) -> None:
        text = (
            '{"events": [\n  {"title": "A", "when": "2026",\n   "target": {"metric": "m",\n'
            f'    "goal": {token}, "deadline": "2027"}}}}]}}\n'
        )
        (problem,) = _problems(_write(tmp_path, "t.json", text))
        assert problem == (
            f"{tmp_path / 't.json'}:4: {token} is not a JSON number (JSON has no NaN or "
            "Infinity); leave the field out if the value is not known, or write it as text "
            "in quotes"
        )

    def test_inside_a_string_is_text(self, tmp_path: Path) -> None:
        text = '{"events": [{"title": "NaN Infinity", "when": "2026"}]}'
        assert [e.title for e in Timeline.load(_write(tmp_path, "t.json", text))] == [
            "NaN Infinity"
        ]

    def test_in_a_csv_json_cell(self, tmp_path: Path) -> None:
        rows = 'title,when,observations\nA,2026,"[{""when"": ""2026"", ""value"": NaN}]"\n'
        (problem,) = _problems(_write(tmp_path, "t.csv", rows))
        assert problem == (
            f"{tmp_path / 't.csv'}:2: observations: NaN is not a JSON number (JSON has no NaN or "
            "Infinity); leave the field out if the value is not known, or write it as text "
            "in quotes"
        )


class TestYamlSyntaxAdvice:
    """libyaml's limits named with their own fix, not "check the indentation"."""

    def test_nesting_too_deep(self, tmp_path: Path) -> None:
        text = "events:\n  - title: A\n    when: " + "[" * 2000 + "]" * 2000 + "\n"
        (problem,) = _problems(_write(tmp_path, "t.yaml", text))
        assert problem.startswith(f"{tmp_path / 't.yaml'}:3: not valid YAML: ")
        assert problem.endswith(
            "nesting depth; values are nested too deeply (a timeline file needs at most 6 "
            "levels): look for brackets that are never closed"
        )

    def test_two_documents(self, tmp_path: Path) -> None:
        text = "events:\n  - title: A\n    when: '2026'\n---\nevents: []\n"
        (problem,) = _problems(_write(tmp_path, "t.yaml", text))
        assert problem.startswith(f"{tmp_path / 't.yaml'}:4: not valid YAML: ")
        assert problem.endswith(
            "another document; a data file holds one YAML document: remove the '---' line "
            "and put every event under one 'events:'"
        )


_HUGE = "x" * 1_000_000


class TestHugeValuesInMessages:
    """A problem about a huge value quotes its ends and its length, not a megabyte of it.

    ``status: xxx...`` (1,000,000 characters) gave a 1 MB message; so did a long figure, an
    unknown CSV column or YAML field name, and a CSV list cell holding a comma.
    """

    @pytest.mark.parametrize(
        ("name", "text"),
        [
            ("t.yaml", f"events:\n- title: A\n  when: '2026'\n  status: {_HUGE}\n"),
            (
                "t.yaml",
                "events:\n- title: A\n  when: '2026'\n  target: {metric: m, deadline: '2027', "
                f"goal: '{'$1 ' * 300_000}'}}\n",
            ),
            ("t.json", f'{{"events": [{{"title": "A", "when": "2026", "{_HUGE}": "x"}}]}}'),
            ("t.csv", f"title,when,status\nA,2026,{_HUGE}\n"),
            ("t.csv", f"title,when,{_HUGE}\nA,2026,\n"),
            ("t.csv", f'title,when,actors\nA,2026,"{_HUGE}, y"\n'),
        ],
    )
    def test_quoted_short(self, tmp_path: Path, name: str, text: str) -> None:
        (problem,) = _problems(_write(tmp_path, name, text))
        assert len(problem) < 2_000
        assert "characters)" in problem or "…" in problem

    def test_short_values_are_quoted_whole(self, tmp_path: Path) -> None:
        text = f"events:\n- title: A\n  when: '2026'\n  status: {'x' * 200}\n"
        (problem,) = _problems(_write(tmp_path, "t.yaml", text))
        assert f"'{'x' * 200}'" in problem


class TestJsonLinesEndedByCarriageReturns:
    """A JSON file with old-Mac line ends (CR only): problems were all "line 1"."""

    def test_a_value_problem(self, tmp_path: Path) -> None:
        text = '{"events": [\r{"title": "A",\r"when": "Aprill 2026"}]}'
        (problem,) = _problems(_write(tmp_path, "t.json", text))
        assert problem.startswith(f"{tmp_path / 't.json'}:3: when: ")

    @pytest.mark.parametrize("end", ["\r", "\r\n"])
    def test_a_syntax_error(self, tmp_path: Path, end: str) -> None:
        text = '{"events": [' + end + '{"title": "A",' + end + '"when": "2026",}]}'
        (problem,) = _problems(_write(tmp_path, "t.json", text))
        assert problem.startswith(f"{tmp_path / 't.json'}:3: not valid JSON: ")
        assert "(column 16)" in problem


class TestDamagedParquet:
    """A Parquet file cut short, empty or of another format: the refusal names the fix too."""

    @pytest.mark.parametrize("cut", ["empty", "half", "csv"])
    def test_refused_with_the_fix(self, tmp_path: Path, cut: str) -> None:
        pytest.importorskip("pyarrow")
        path = tmp_path / "t.parquet"
        Timeline([Event(title="A", when="2026")]).save(path)
        whole = path.read_bytes()
        path.write_bytes({"empty": b"", "half": whole[: len(whole) // 2], "csv": b"title\n"}[cut])
        (problem,) = _problems(path)
        assert problem.startswith(f"{path}: not a Parquet file or dataset timeline can read: ")
        assert problem.endswith(
            "; it may be cut short (a copy or download that did not finish) or another format "
            "named .parquet: copy it again, or save it again with Timeline.save"
        )


class TestProblemLimitsProperties:
    """Invariants of the problem cap and of message shortening, for any input."""

    @given(
        lines=st.lists(st.integers(min_value=1, max_value=3000), max_size=2500),
        stopped_at=st.none() | st.integers(min_value=1, max_value=3000),
    )
    @settings(max_examples=50, deadline=None)
    def test_capped(self, lines: list[int], stopped_at: int | None) -> None:
        from timeline import DataFileProblem
        from timeline.records._schema import MAX_PROBLEMS, capped

        problems = [DataFileProblem(f"bad {n}", file="t.csv", line=n) for n in lines]
        out = capped(problems, "t.csv", stopped_at)
        found = [p for p in out if p.message != STOPPED]
        assert len(found) <= MAX_PROBLEMS
        assert [p.line for p in found] == sorted(p.line for p in found)
        assert all(p.message != STOPPED for p in out[:-1])  # a stop is said once, last
        stopped = bool(out) and out[-1].message == STOPPED
        assert stopped == (stopped_at is not None or len(problems) > MAX_PROBLEMS)
        if not stopped:
            assert sorted(found, key=lambda p: p.line or 0) == sorted(
                problems, key=lambda p: p.line or 0
            )

    @given(st.text(max_size=3000))
    @settings(max_examples=100, deadline=None)
    def test_messages_stay_short_and_short_ones_whole(self, value: str) -> None:
        from timeline import DataFileProblem

        message = f"{value!r} is not a status; did you mean 'expected'?"
        shown = DataFileProblem(message).message
        if len(message) < 1_000:
            assert shown == message
        assert len(shown) <= len(message)
        assert shown.endswith("did you mean 'expected'?")

    @given(
        st.text(
            st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=300
        )
    )
    @settings(max_examples=100, deadline=None)
    def test_utf_8_text_without_nul_decodes_as_it_is(self, text: str) -> None:
        # The UTF-16 and NUL-file checks never refuse text that has no NUL.
        assert _io.decode(text.encode("utf-8"), "t.csv") == text.removeprefix("\ufeff")


class TestAnotherFormatUnderThisName:
    """A YAML file saved as .json (or CSV as .yaml ...) was "not valid JSON ... near 'events:'"."""

    @pytest.mark.parametrize(
        ("name", "text", "said"),
        [
            (
                "t.json",
                "events:\n  - title: A\n    when: 2026\n",
                "YAML (it starts with 'events:')",
            ),
            (
                "t.json",
                "# my tracker\nname: X\nevents: []\n",
                "YAML (it starts with '# my tracker')",
            ),
            ("t.json", "title,when\nA,2026\n", "CSV (it starts with 'title,when')"),
            ("t.yaml", "Title;When\nA;2026\n", "CSV (it starts with 'Title;When')"),
            ("t.csv", '{"events": []}\n', "JSON (it starts with '{\"events\": []}')"),
            ("t.csv", "events:\n  - title: A\n", "YAML (it starts with 'events:')"),
        ],
    )
    def test_named(self, tmp_path: Path, name: str, text: str, said: str) -> None:
        path = _write(tmp_path, name, text)
        kind = said.split()[0]
        suffix = {"YAML": ".yaml", "JSON": ".json", "CSV": ".csv"}[kind]
        (problem,) = _problems(path)
        assert problem == (
            f"{path}:1: the file holds {said}, not {_io.format_of(path).upper()}: name it "
            f"t{suffix}, or convert it to the format its name says"
        )

    def test_json_in_a_yaml_file_is_read(self, tmp_path: Path) -> None:
        path = _write(tmp_path, "t.yaml", '{"events": [{"title": "A", "when": "2026"}]}')
        assert len(Timeline.load(path)) == 1

    @pytest.mark.parametrize(("name", "said"), [("t.json", "not valid JSON"), ("t.yaml", "YAML")])
    def test_a_real_mistake_is_not_called_another_format(
        self, tmp_path: Path, name: str, said: str
    ) -> None:
        (problem,) = _problems(_write(tmp_path, name, '{"events": [,]}'))
        assert said in problem and "the file holds" not in problem


class TestDatesAtTheEdgeOfTheCalendar:
    """Queries that would reach past 9999-12-31 raise QueryError, not OverflowError."""

    def test_upcoming_as_of_the_last_day(self) -> None:
        tl = Timeline([Event(title="x", when="2026")])
        with pytest.raises(QueryError, match="9999-12-31"):
            tl.upcoming(as_of="9999-12-31")

    @pytest.mark.parametrize("within", ["99999999999999d", "99999999999999 years", 10**20])
    def test_a_duration_past_the_calendar(self, within: str | int) -> None:
        tl = Timeline([Event(title="x", when="2026")])
        with pytest.raises(QueryError, match="within"):
            tl.upcoming(as_of="2026-01-01", within=within)

    def test_event_upcoming(self) -> None:
        with pytest.raises(TimelineError):
            Event(title="x", when="2026").upcoming("9999-12-31")

    def test_a_long_duration_that_fits_still_works(self) -> None:
        tl = Timeline([Event(title="x", when="2026")])
        assert len(tl.upcoming(as_of="2026-01-01", within="7000 years")) == 1


class TestCommandLine:
    """Bad input ends with a message and exit code 1 or 2, never a traceback."""

    @pytest.mark.parametrize(
        ("args", "code", "message"),
        [
            (["upcoming", "--within", "99999999999999d"], 2, "99999999999999d"),
            # the default --within from the last day: the options' fault, named (exit 2)
            (["upcoming", "--as-of", "9999-12-31"], 2, "--as-of 9999-12-31"),
        ],
    )
    def test_overflowing_arguments(
        self, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
    ) -> None:
        assert main(args) == code
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("deep.json", b'{"events": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
            ("big.json", b'{"events": [' + b"9" * 5000 + b"]}"),
            ("latin.csv", "title,when\nCaf\xe9,2026\n".encode("latin-1")),
            ("latin.yaml", "events:\n  - title: Caf\xe9\n".encode("latin-1")),
            ("quote.csv", b'title,when\n"A,2026\nB,2027\n'),
        ],
    )
    def test_hostile_files(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes
    ) -> None:
        path = tmp_path / name
        path.write_bytes(content)
        for command in ("check", "show"):
            assert main([command, str(path)]) == 1
            err = capsys.readouterr().err
            assert str(path) in err and "Traceback" not in err


class TestCsvQuotes:
    """A quote that never closes would swallow every later row: refused at the line it opened."""

    def test_unterminated_quote(self, tmp_path: Path) -> None:
        text = 'title,when\nA,2026\n"B,2026\nC,2027\nD,2028\n'
        problems = _problems(_write(tmp_path, "t.csv", text))
        assert len(problems) == 1
        assert problems[0].startswith(f"{tmp_path / 't.csv'}:3: ")
        assert "quote" in problems[0] and "never closed" in problems[0]

    def test_the_line_is_where_the_quote_opened(self, tmp_path: Path) -> None:
        # The row starts on line 2 with a closed multi-line cell; the bad quote opens on line 3.
        text = 'title,when,description\nA,2026,"two\nlines",extra,"oops\nB,2027,\n'
        problems = _problems(_write(tmp_path, "t.csv", text))
        assert len(problems) == 1
        assert problems[0].startswith(f"{tmp_path / 't.csv'}:3: ")


class TestYamlAliases:
    """The billion-laughs guard counts values reached through aliases, not all values."""

    def test_a_large_file_without_aliases_loads(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(_yaml, "_MAX_ALIASED", 50)
        tl = Timeline([Event(title=f"E{i}", when="2026", actors=["A", "B"]) for i in range(200)])
        tl.save(tmp_path / "t.yaml")
        assert Timeline.load(tmp_path / "t.yaml") == tl

    def test_aliases_still_work(self, tmp_path: Path) -> None:
        text = (
            "events:\n  - title: A\n    when: 2026\n    sources: &s [{title: Report}]\n"
            "  - title: B\n    when: 2027\n    sources: *s\n"
        )
        tl = Timeline.load(_write(tmp_path, "t.yaml", text))
        assert tl["a"].sources == tl["b"].sources == (Source("Report"),)

    def test_billion_laughs_is_refused(self, tmp_path: Path) -> None:
        lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
        text = "\n".join([*lines, "events: [*a8]", ""])
        problems = _problems(_write(tmp_path, "t.yaml", text))
        assert len(problems) == 1
        assert "through aliases" in problems[0]


class TestLoneSurrogates:
    """Text that cannot be written as UTF-8 is refused when the value is built, with the place."""

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda: Event(title="ab\ud800", when="2026"), "title"),
            (lambda: Event(title="a", when="2026", description="x\udfff"), "description"),
            (lambda: Event(title="a", when="2026", kind="\ud800"), "kind"),
            (lambda: Event(title="a", when="2026", location="\ud800"), "location"),
            (lambda: Event(title="a", when="2026", actors=["ok", "\ud800"]), "actors"),
            (lambda: Event(title="a", when="2026", tags=["\ud800"]), "tags"),
            (lambda: Source("S\ud800"), "title"),
            (lambda: Source("S", quote="\ud800"), "quote"),
            (lambda: Source("S", publisher="\ud800"), "publisher"),
            (lambda: Claim(stated="2026-01-01", note="\ud800"), "note"),
        ],
    )
    def test_refused_when_built(self, build: object, field: str) -> None:
        with pytest.raises(EventError, match=rf"{field}: .*lone surrogate.*character \d+"):
            build()  # type: ignore[operator]

    def test_position_is_given(self) -> None:
        with pytest.raises(EventError, match="character 3"):
            Event(title="ab\ud800c", when="2026")

    @pytest.mark.parametrize(
        ("build", "error", "field"),
        [
            # A target's metric and an observation's note are text like a title.
            (lambda: Target("m\ud800", "5 GPUs", "2030"), TargetError, "metric"),
            (lambda: Observation("2026", "5 GPUs", note="n\udfff"), TargetError, "note"),
            # Unit text, however it arrives: built, parsed, converted to.
            (lambda: Quantity(5, "GPU\ud800"), QuantityError, "unit"),
            (lambda: Quantity.parse("5 GPU\ud800s"), QuantityError, "quantity"),
            (lambda: Quantity.parse("over 5 GPUs").to("GPU\udc80"), QuantityError, "unit"),
            # The units of a target's goal and baseline (read from text there).
            (lambda: Target("m", "5 GPU\ud800", "2030"), TargetError, "goal: quantity"),
            (
                lambda: Target("m", "5 GPUs", "2030", baseline=Observation("2025", "1 GPU\udfff")),
                TargetError,
                "observation: value: quantity",
            ),
            (lambda: Observation("2026", Quantity(5, "x\ud800")), QuantityError, "unit"),
        ],
    )
    def test_figures_refuse_them_when_built(
        self, build: object, error: type[TimelineError], field: str
    ) -> None:
        with pytest.raises(error, match=rf"{field}: .*lone surrogate.*character \d+"):
            build()  # type: ignore[operator]

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("target", {"metric": "m\ud800", "goal": "5 GPUs", "deadline": "2030"}),
            ("target", {"metric": "m", "goal": "5 GPU\ud800", "deadline": "2030"}),
            ("observations", [{"when": "2026", "value": "5 GPU\udfff"}]),
            ("observations", [{"when": "2026", "value": "5 GPUs", "note": "\ud800"}]),
        ],
    )
    def test_figures_in_a_file_are_problems_at_their_line(self, field: str, value: object) -> None:
        # JSON escapes reach the reader as lone surrogates: refused at the event's line.
        event = json.dumps({"title": "A", "when": "2026", field: value})
        with pytest.raises(DataFileError) as info:
            _io.loads('{"events": [\n' + event + "]}", "json")
        assert [p.line for p in info.value.problems] == [2]
        assert "lone surrogate" in str(info.value)

    @pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
    def test_in_text_from_python(self, fmt: _io.Format) -> None:
        # Bytes decoded with surrogateescape, handed to loads: a problem at its line.
        text = {
            "yaml": "events:\n  - title: A\udc80\n    when: 2026\n",
            "json": '{"events": [\n {"title": "A\udc80", "when": "2026"}]}',
            "csv": "title,when\nA\udc80,2026\n",
        }[fmt]
        with pytest.raises(DataFileError) as info:
            _io.loads(text, fmt)
        assert [p.line for p in info.value.problems] == [2]
        assert "surrogate" in str(info.value)

    def test_from_a_json_file(self, tmp_path: Path) -> None:
        text = '{"events": [\n {"title": "A\\ud800", "when": "2026"}]}'
        problems = _problems(_write(tmp_path, "t.json", text))
        assert len(problems) == 1 and problems[0].startswith(f"{tmp_path / 't.json'}:2: ")
        assert "surrogate" in problems[0]

    # The timeline's own text: its name, its description, the actors of its fiscal years.
    @pytest.mark.parametrize(
        ("build", "field", "position"),
        [
            (lambda: Timeline(name="n\ud800"), "name", 2),
            (lambda: Timeline(description="ab\udfffc"), "description", 3),
            (lambda: Timeline(fiscal_years={"Micro\ud800soft": "July"}), "fiscal_years", 6),
            (lambda: Timeline(fiscal_years={"M": 7, "\udc80": 1}), "fiscal_years", 1),
        ],
    )
    def test_timeline_text_refused_when_built(
        self, build: object, field: str, position: int
    ) -> None:
        # A bad argument to Timeline, as a bad fiscal month is: QueryError, with the fix.
        with pytest.raises(
            QueryError, match=rf"{field}: .*lone surrogate .* at character {position}\b.*remove it"
        ):
            build()  # type: ignore[operator]

    def test_timeline_text_without_surrogates_is_kept(self) -> None:
        tl = Timeline(name="腾讯 🚀", description=" spaced ", fiscal_years={"腾讯": 4})
        assert (tl.name, tl.description, dict(tl.fiscal_years)) == (
            "腾讯 🚀",
            " spaced ",
            {"腾讯": 4},
        )

    @pytest.mark.parametrize(
        ("text", "line", "field"),
        [
            ('{"name": "n\\ud800",\n "events": []}', 1, "name"),
            ('{"events": [],\n "description": "\\udfff"}', 2, "description"),
            ('{"events": [],\n "fiscal_years": {\n  "M\\ud800": "July"}}', 3, "fiscal_years.M"),
        ],
    )
    def test_timeline_text_in_a_json_file(
        self, tmp_path: Path, text: str, line: int, field: str
    ) -> None:
        # A JSON escape of half a pair: a problem at its line, not a crash when saving later.
        problems = _problems(_write(tmp_path, "t.json", text))
        assert len(problems) == 1, problems
        assert problems[0].startswith(f"{tmp_path / 't.json'}:{line}: {field}")
        assert "lone surrogate" in problems[0]

    @pytest.mark.parametrize(
        ("text", "line"),
        [
            ('name: "n\\ud800"\nevents: []\n', 1),
            ('events: []\ndescription: "\\udfff"\n', 2),
            ('events: []\nfiscal_years:\n  "M\\ud800": July\n', 3),
        ],
    )
    def test_timeline_text_in_a_yaml_file(self, tmp_path: Path, text: str, line: int) -> None:
        # YAML's double-quoted escapes could spell half a pair too: refused at its field, as
        # in JSON (a whole pair, as JSON writes it, is read as its character).
        problems = _problems(_write(tmp_path, "t.yaml", text))
        assert len(problems) == 1, problems
        assert problems[0].startswith(f"{tmp_path / 't.yaml'}:{line}: ")
        assert "holds a lone surrogate" in problems[0]
        assert "an escape such as \\ud800 needs its other half" in problems[0]

    def test_timeline_text_in_records(self) -> None:
        from timeline.records import records_to_timeline

        with pytest.raises(DataFileError, match=r"fiscal_years.*lone surrogate"):
            records_to_timeline([], fiscal_years={"\ud800": 7})

    @pytest.mark.parametrize(
        ("key", "value", "words"),
        [
            (b"timeline.name", b"n\xed\xa0\x80", "timeline.name"),  # a surrogate as UTF-8
            (b"timeline.description", b"\xff", "timeline.description"),
            (b"timeline.fiscal_years", b'{"M\\ud800": 7}', "lone surrogate"),
        ],
    )
    def test_timeline_text_in_arrow_metadata(self, key: bytes, value: bytes, words: str) -> None:
        pa = pytest.importorskip("pyarrow")
        table = Timeline([Event(title="A", when="2026")]).to_arrow()
        table = table.replace_schema_metadata({key: value})
        with pytest.raises(DataFileError, match=words):
            Timeline.from_arrow(table)
        assert isinstance(table, pa.Table)

    @pytest.mark.parametrize("key", ["name", "description"])
    def test_timeline_text_in_frame_attrs(self, key: str) -> None:
        pytest.importorskip("pandas")
        from timeline import FrameError

        frame = Timeline([Event(title="A", when="2026")]).to_pandas()
        frame.attrs[key] = "x\ud800"
        with pytest.raises(FrameError, match=rf"attrs\['{key}'\]: .*lone surrogate"):
            Timeline.from_pandas(frame)
        frame.attrs[key] = "x"
        frame.attrs["fiscal_years"] = {"\ud800": 7}
        with pytest.raises(FrameError, match=r"attrs\['fiscal_years'\]: .*lone surrogate"):
            Timeline.from_pandas(frame)


class TestCsvInjection:
    """Cells a spreadsheet would run as formulas are written with a leading ' and read back."""

    @pytest.mark.parametrize(
        ("text", "cell"),
        [
            ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
            ("+1 555", "'+1 555"),
            ("-5 points", "'-5 points"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'quoted'", "''quoted'"),  # a leading ' is doubled, so reading strips only ours
            ("a=b", "a=b"),  # only the first character matters
            ("plain", "plain"),
        ],
    )
    def test_write_and_read(self, text: str, cell: str) -> None:
        out = _csv.write({"events": [{"title": "T", "when": "2026", "description": text}]})
        row = out.splitlines()[1] if "\r" not in text else out.split("\n", 1)[1]
        assert cell in row or json.dumps(cell) in row
        data, _ = _csv.read(out)
        assert data["events"][0]["description"] == text

    @pytest.mark.parametrize(
        ("cell", "text"),
        [
            ("'=1", "=1"),  # our escape
            ("''=1", "'=1"),  # exactly one ' is stripped
            ("'hello", "'hello"),  # a ' before an ordinary character is kept
            ("'", "'"),  # a lone '
        ],
    )
    def test_reading_strips_one_quote_before_a_formula_character(
        self, cell: str, text: str
    ) -> None:
        data, _ = _csv.read(f"title,when,description\nT,2026,{cell}\n")
        assert data["events"][0]["description"] == text

    def test_a_feed_title_round_trips(self, tmp_path: Path) -> None:
        tl = Timeline(
            [
                Event(title="=cmd|' /C calc'!A0", when="2026", actors=["@evil", "-x"]),
                Event(title="'=already quoted", when="2027", tags=["+1"]),
            ]
        )
        tl.save(tmp_path / "t.csv")
        text = (tmp_path / "t.csv").read_text(encoding="utf-8")
        for line in text.splitlines()[1:]:
            for cell in line.split(","):
                assert not cell.startswith(("=", "+", "-", "@")), line
        assert Timeline.load(tmp_path / "t.csv") == tl


class TestForgivingCsv:
    """Issue 12: every problem at once, ';' and tab separators, a BOM, loose header names."""

    def test_every_problem_at_once(self, tmp_path: Path) -> None:
        text = 'title,when,actors\nA,2026-13,"Tencent, WeChat"\nB,2026-14,\nC,2026,X\n'
        problems = _problems(_write(tmp_path, "t.csv", text))
        where = [p.split(": ", 2)[:2] for p in problems]
        assert [(place.rsplit(":", 1)[1], field) for place, field in where] == [
            ("2", "actors"),
            ("2", "when"),
            ("3", "when"),
        ]

    @pytest.mark.parametrize(("separator", "name"), [(";", "';'"), ("\t", "tab")])
    def test_other_separators_are_read_with_a_note(
        self, tmp_path: Path, separator: str, name: str
    ) -> None:
        rows = [["title", "when", "actors"], ["A", "2026", "X; Y"], ["B", "April 2026", ""]]
        text = "".join(
            separator.join(f'"{c}"' if ";" in c else c for c in row) + "\r\n" for row in rows
        )
        path = tmp_path / "t.csv"
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # Excel's BOM
        with pytest.warns(TimelineWarning, match=f"separated by {name}"):
            tl = Timeline.load(path)
        assert [(e.title, e.actors) for e in tl] == [("A", ("X", "Y")), ("B", ())]

    def test_comma_files_say_nothing(self, tmp_path: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            Timeline.load(_write(tmp_path, "t.csv", "title,when\nA;B,2026\n"))

    def test_header_names_are_loose(self, tmp_path: Path) -> None:
        path = _write(tmp_path, "t.csv", " Title ,WHEN,Source_Title\nA,2026,Report\n")
        (event,) = Timeline.load(path)
        assert (event.title, event.sources[0].title) == ("A", "Report")

    def test_a_column_given_twice_in_other_case(self, tmp_path: Path) -> None:
        problems = _problems(_write(tmp_path, "t.csv", "title,when,Title\nA,2026,B\n"))
        assert problems == [f"{tmp_path / 't.csv'}:1: Title: column given twice"]


class TestCsvHugeCells:
    """A cell longer than the csv module's field limit (131,072 characters) reads like any other.

    The limit is process-wide and guards streams; a data file is read whole, so its
    cells are read without it, and the limit other code sees never changes.
    """

    _BIG = 131_072 + 1

    def test_what_save_writes_load_reads(self, tmp_path: Path) -> None:
        before = csv.field_size_limit()
        tl = Timeline([Event(title="A", when="2026", description="word " * 60_000)])
        tl.save(tmp_path / "t.csv")
        assert Timeline.load(tmp_path / "t.csv") == tl
        assert csv.field_size_limit() == before

    @pytest.mark.parametrize(
        "cell",
        [
            "x" * _BIG,  # plain
            '"' + "a,b\n" * (_BIG // 4 + 1) + '"',  # quoted, with separators and line ends
            '"' + 'say ""x"" ' * (_BIG // 8 + 1) + '"',  # doubled quotes
        ],
    )
    def test_a_huge_cell_anywhere(self, tmp_path: Path, cell: str) -> None:
        text = f"title,when,description\nA,2026,{cell}\nB,2027,short\n"
        tl = Timeline.load(_write(tmp_path, "t.csv", text))
        assert [e.title for e in tl] == ["A", "B"]
        assert len(tl["a"].description or "") >= self._BIG - 2
        assert tl["b"].description == "short"

    def test_a_huge_title_and_header(self, tmp_path: Path) -> None:
        big = "t" * self._BIG
        (event,) = Timeline.load(_write(tmp_path, "t.csv", f"title,when\n{big},2026\n"))
        assert event.title == big
        # a huge unknown column in the header is a problem of its own, on line 1
        problems = _problems(_write(tmp_path, "u.csv", f"title,when,{big}\nA,2026,x\n"))
        assert [p.split(": ")[0].rsplit(":", 1)[1] for p in problems] == ["1"]

    def test_problems_keep_their_lines_after_a_huge_cell(self, tmp_path: Path) -> None:
        big = '"' + "line\n" * (self._BIG // 5 + 1) + '"'
        text = f"title,when,description\nA,2026,{big}\nB,2026-13,\n"
        problems = _problems(_write(tmp_path, "t.csv", text))
        start_of_b = 2 + big.count("\n") + 1
        assert len(problems) == 1 and f"t.csv:{start_of_b}: when:" in problems[0]

    def test_an_unclosed_quote_before_a_huge_tail(self, tmp_path: Path) -> None:
        text = 'title,when\nA,2026\n"B,2026\n' + "x" * self._BIG + "\n"
        problems = _problems(_write(tmp_path, "t.csv", text))
        assert len(problems) == 1 and "t.csv:3: a quote" in problems[0]

    def test_the_process_limit_is_left_alone(self, tmp_path: Path) -> None:
        # Another part of the program chose its own limit: reading neither uses nor changes it.
        before = csv.field_size_limit(1_000)
        try:
            text = "title,when,description\nA,2026," + "d" * 5_000 + "\n"
            (event,) = Timeline.load(_write(tmp_path, "t.csv", text))
            assert len(event.description or "") == 5_000
            assert csv.field_size_limit() == 1_000
        finally:
            csv.field_size_limit(before)


class TestRoundTripThroughFiles:
    """What save writes, load reads: the files themselves, for every format."""

    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
    def test_awkward_text(self, tmp_path: Path, suffix: str) -> None:
        tl = Timeline(
            [
                Event(
                    title="=SUM(1)",
                    when=When.parse("2026-04~"),
                    description='\'\n-- "quoted"\n@x',
                    actors=["+a", "'b"],
                    sources=[Source("-s-", quote="=q")],
                )
            ]
        )
        tl.save(tmp_path / f"t{suffix}")
        assert _io.load(tmp_path / f"t{suffix}").events == tl.events

    @pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
    @pytest.mark.parametrize(
        "text",
        [
            "a\x85b",  # NEL: a line break to YAML, folded to a space when written plain
            "a\u2028b\u2029c",  # Unicode line and paragraph separators
            "a\x00b\x1b[2Jc\x7f",  # control characters
            "a\rb",  # a lone CR
            "\ufeffa",  # a byte-order mark inside text
            "&a *b !t %x",  # YAML anchors, aliases, tags, directives
            "null",  # YAML's null, as text
        ],
    )
    def test_control_and_break_characters(self, fmt: _io.Format, text: str) -> None:
        tl = Timeline([Event(title=f"t {text}", when="2026", description=text, actors=[text])])
        assert _io.loads(_io.dumps(tl, fmt), fmt) == (tl if fmt != "csv" else Timeline(tl.events))


class TestIcsTextThatIsNotAFeed:
    # A str that is neither iCalendar text nor a path the system can open (a NUL byte,
    # a lone surrogate) is an IcsError naming the fix, not ValueError or UnicodeEncodeError.
    @pytest.mark.parametrize("text", ["feed\x00.ics", "\ud800", "x\ud800y.ics"])
    def test_refused_with_the_one_error_family(self, text: str) -> None:
        with pytest.raises(IcsError, match="neither iCalendar text"):
            Timeline.from_ics(text)

    @given(st.text(max_size=40))
    @settings(max_examples=200, deadline=None)
    def test_any_short_text_reads_or_raises_timeline_error(self, text: str) -> None:
        with contextlib.suppress(TimelineError):
            Timeline.from_ics(text)


class TestWhereASaveGoes:
    """Odd output paths: a link is written through, a name too long is a `WriteError`."""

    _SUFFIXES = (".yaml", ".json", ".csv", ".parquet")

    @staticmethod
    def _save(tl: Timeline, path: Path) -> None:
        if path.suffix == ".parquet":
            pytest.importorskip("pyarrow")
        tl.save(path)

    @pytest.mark.parametrize("suffix", _SUFFIXES)
    def test_a_link_is_written_through_and_kept(self, tmp_path: Path, suffix: str) -> None:
        # tracker.yaml -> shared/tracker.yaml (a dotfiles or synced-folder setup): saving
        # replaced the link by a file of its own and left the shared file as it was.
        (tmp_path / "shared").mkdir()
        real = tmp_path / "shared" / f"tracker{suffix}"
        self._save(Timeline([Event(title="Old", when="2026")]), real)
        link = tmp_path / f"tracker{suffix}"
        link.symlink_to(real)
        new = Timeline([Event(title="New", when="2027")])
        self._save(new, link)
        assert link.is_symlink() and link.resolve() == real.resolve()
        assert Timeline.load(real) == new
        assert sorted(p.name for p in real.parent.iterdir()) == [real.name]  # no temp file
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["shared", link.name])

    def test_a_chain_of_links_reaches_the_file(self, tmp_path: Path) -> None:
        real = tmp_path / "real.yaml"
        real.write_text("events: []\n", encoding="utf-8")
        (tmp_path / "one.yaml").symlink_to("real.yaml")  # relative, as ln -s writes it
        (tmp_path / "two.yaml").symlink_to(tmp_path / "one.yaml")
        new = Timeline([Event(title="New", when="2027")])
        new.save(tmp_path / "two.yaml")
        assert (tmp_path / "two.yaml").is_symlink() and (tmp_path / "one.yaml").is_symlink()
        assert Timeline.load(real) == new

    def test_a_link_to_a_file_not_yet_there_creates_it(self, tmp_path: Path) -> None:
        link = tmp_path / "t.yaml"
        link.symlink_to(tmp_path / "later.yaml")
        Timeline([Event(title="New", when="2027")]).save(link)
        assert link.is_symlink() and len(Timeline.load(tmp_path / "later.yaml")) == 1

    def test_a_link_into_a_missing_folder_names_both(self, tmp_path: Path) -> None:
        link = tmp_path / "t.yaml"
        link.symlink_to(tmp_path / "gone" / "t.yaml")
        with pytest.raises(WriteError) as info:
            Timeline().save(link)
        message = str(info.value)
        assert message.startswith(f"cannot write {str(link)!r} (a link to ")
        assert f"the folder {str(tmp_path / 'gone')!r} does not exist" in message
        assert link.is_symlink() and list(tmp_path.iterdir()) == [link]

    @pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
    @pytest.mark.parametrize("suffix", [*_SUFFIXES, ".ics"])
    @pytest.mark.parametrize("through_a_link", [False, True])
    def test_a_named_pipe_is_not_replaced(
        self, tmp_path: Path, suffix: str, through_a_link: bool
    ) -> None:
        # The atomic rename put a file in the pipe's place (and, run as root, would have
        # replaced a device such as /dev/null reached through a link).
        import os
        import stat

        if suffix == ".parquet":
            pytest.importorskip("pyarrow")
        pipe = tmp_path / f"pipe{suffix}"
        os.mkfifo(pipe)
        path = pipe
        if through_a_link:
            path = tmp_path / f"link{suffix}"
            path.symlink_to(pipe)
        tl = Timeline([Event(title="A", when="2026-04-01")])
        with pytest.raises(WriteError) as info:
            tl.write_ics(path) if suffix == ".ics" else tl.save(path)
        assert str(info.value).startswith(f"cannot write {str(path)!r}")
        assert str(info.value).endswith(
            "it is a named pipe (FIFO), not a file; give the path of a file to write"
        )
        assert stat.S_ISFIFO(pipe.stat().st_mode)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted({pipe.name, path.name})

    def test_a_link_to_a_folder_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "folder").mkdir()
        link = tmp_path / "t.yaml"
        link.symlink_to(tmp_path / "folder")
        with pytest.raises(WriteError, match="it is a folder; give a file name"):
            Timeline().save(link)

    def test_a_loop_of_links_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
        (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
        with pytest.raises(WriteError, match=r"a loop of links; .*write somewhere else"):
            Timeline().save(tmp_path / "a.yaml")

    @pytest.mark.parametrize("suffix", _SUFFIXES)
    def test_a_name_too_long_for_the_system(self, tmp_path: Path, suffix: str) -> None:
        # The system takes 255 bytes: a longer name raised a bare OSError (errno 36).
        path = tmp_path / ("a" * 300 + suffix)
        with pytest.raises(WriteError) as info:
            self._save(Timeline(), path)
        message = str(info.value)
        assert message.startswith(f"cannot write {str(path)!r}: ")
        assert "the file name is too long; give a shorter one" in message
        assert list(tmp_path.iterdir()) == []

    def test_a_name_too_long_on_the_command_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = tmp_path / "a.yaml"
        Timeline([Event(title="A", when="2026")]).save(source)
        target = tmp_path / ("b" * 300 + ".json")
        assert main(["convert", str(source), str(target)]) == 1
        err = capsys.readouterr().err
        assert "the file name is too long; give a shorter one" in err
        assert "Traceback" not in err


class TestFiscalYearsInParquetMetadata:
    """``timeline.fiscal_years`` in a foreign table's metadata: refused naming the key, briefly."""

    @staticmethod
    def _table(raw: bytes) -> object:
        pytest.importorskip("pyarrow")
        table = Timeline([Event(title="A", when="2026")]).to_arrow()
        return table.replace_schema_metadata({b"timeline.fiscal_years": raw})

    @pytest.mark.parametrize(
        ("raw", "said"),
        [
            # nested thousands deep: a RecursionError escaped
            (b"[" * 100_000, "nested too deeply"),
            # given twice: the last one silently won
            (b'{"M": 7, "M": 1}', "'M' is given twice"),
            # a month that is no month: a QueryError that named neither file nor key
            (b'{"M": 13}', "M: 13 is not a month number 1..12"),
            (b'{"M": 0}', "M: 0 is not a month number 1..12"),
            (b'{"M": true}', "M: True is not a month number 1..12"),
        ],
    )
    def test_refused_naming_the_key(self, tmp_path: Path, raw: bytes, said: str) -> None:
        import pyarrow.parquet as pq

        table = self._table(raw)
        with pytest.raises(DataFileError) as info:
            Timeline.from_arrow(table)
        message = str(info.value)
        assert message.startswith("<records>: the table's metadata timeline.fiscal_years: ")
        assert said in message and "fix or drop that key" in message
        path = tmp_path / "t.parquet"
        pq.write_table(table, path)
        with pytest.raises(DataFileError, match=rf"^{path}: the table's metadata timeline\."):
            Timeline.load(path)

    @pytest.mark.parametrize("raw", [b"[" * 100_000, b'{"M": 1' + b"0" * 5000 + b"}"])
    def test_a_long_value_is_quoted_short(self, raw: bytes) -> None:
        with pytest.raises(DataFileError) as info:
            Timeline.from_arrow(self._table(raw))
        assert len(str(info.value)) < 400

    def test_a_good_value_still_reads(self) -> None:
        tl = Timeline.from_arrow(self._table(b'{"Microsoft": 7, "Apple": 10}'))
        assert tl.fiscal_years == {"Microsoft": 7, "Apple": 10}


class TestValuesOfTheWrongType:
    """A number where text belongs is shown as written, with the fix; a ';' list is no name."""

    @pytest.mark.parametrize(
        ("record", "said"),
        [
            ('"title": 1984', 'title: must be text, not 1984; write it in quotes: "1984"'),
            ('"id": 123', 'id: must be text, not 123; write it in quotes: "123"'),
            # a JSON fraction was shown as the reader's Decimal('1.5')
            ('"title": 1.5', 'title: must be text, not 1.5; write it in quotes: "1.5"'),
            ('"kind": 1e400', 'kind: must be text, not 1E+400; write it in quotes: "1E+400"'),
            ('"actors": [3]', 'actors[0]: must be non-empty text, not 3; write it in quotes: "3"'),
            ('"when": 2026.5', "when: must be a date as text, e.g. 'April 2026', not 2026.5"),
        ],
    )
    def test_a_number_in_json(self, tmp_path: Path, record: str, said: str) -> None:
        text = '{"events": [{"title": "A", "when": "2026", ' + record + "}]}"
        text = text.replace('"title": "A", "when": "2026", "title"', '"when": "2026", "title"')
        text = text.replace('"when": "2026", "when"', '"when"')
        path = _write(tmp_path, "t.json", text)
        assert _problems(path) == [f"{path}:1: {said}"]

    @pytest.mark.parametrize(
        ("suffix", "text", "line"),
        [
            (".yaml", "events:\n  - title: A\n    when: 2026\n    actors: Tencent; WeChat\n", 4),
            (
                ".json",
                '{"events": [{"title": "A", "when": "2026", "actors": "Tencent; WeChat"}]}',
                1,
            ),
        ],
    )
    def test_a_list_written_with_semicolons_is_refused(
        self, tmp_path: Path, suffix: str, text: str, line: int
    ) -> None:
        # It silently became one actor named "Tencent; WeChat" (a comma was refused already).
        path = _write(tmp_path, f"t{suffix}", text)
        (problem,) = _problems(path)
        assert problem.startswith(f"{path}:{line}: actors: must be a list, e.g. [Tencent, WeChat]")
        assert '(or ["Tencent; WeChat"] for one name holding a ";")' in problem

    def test_one_name_holding_a_semicolon_in_a_list_is_kept(self, tmp_path: Path) -> None:
        path = _write(
            tmp_path, "t.yaml", "events:\n  - title: A\n    when: 2026\n    actors: ['a; b']\n"
        )
        assert Timeline.load(path)[0].actors == ("a; b",)
        assert Timeline.load(path) == Timeline.load(
            _write(tmp_path, "t.csv", _io.dumps(Timeline.load(path), "csv"))
        )


class TestYamlCharacters:
    """Characters YAML cannot hold raw, and escapes as JSON writes them (YAML reads JSON)."""

    @pytest.mark.parametrize(
        ("raw", "shown", "escape"),
        [
            ("\x00", "'\\x00'", '"\\x00"'),
            ("\x1b", "'\\x1b'", '"\\x1b"'),
            ("\x7f", "'\\x7f'", '"\\x7f"'),
        ],
    )
    def test_a_raw_control_character_is_placed_with_the_fix(
        self, tmp_path: Path, raw: str, shown: str, escape: str
    ) -> None:
        # Was "not valid YAML: unacceptable character #x001b: ... in "<unicode string>",
        # position 20": no line, a position in bytes, no fix.
        path = _write(tmp_path, "t.yaml", f"events:\n  - title: Café{raw}B\n    when: 2026\n")
        (problem,) = _problems(path)
        assert problem == (
            f"{path}:2: {shown} (a control character) at column 16 cannot be in a YAML file as "
            f"it is; write it as the escape {escape} inside double quotes, or remove it"
        )

    @pytest.mark.parametrize(
        ("raw", "name", "escape"),
        [
            ("\u2028", "LINE SEPARATOR", "\\u2028"),
            ("\u2029", "PARAGRAPH SEPARATOR", "\\u2029"),
            ("\x85", "NEXT LINE", "\\x85"),
        ],
    )
    @pytest.mark.parametrize(
        "line", ["title: Café{raw}B", "title: Café{raw}", "title: |\n      Café{raw}B"]
    )
    def test_a_line_end_only_yaml_sees(
        self, tmp_path: Path, raw: str, name: str, escape: str, line: str
    ) -> None:
        # Pasted from a web page: plain, "not valid YAML: could not find expected ':'" a line
        # below the one an editor shows; in quotes U+0085 silently became a space and a
        # U+2029 at the end of a value was dropped.
        text = "events:\n  - when: 2026\n    " + line.format(raw=raw) + "\n"
        path = _write(tmp_path, "t.yaml", text)
        (problem,) = _problems(path)
        at = text.index(raw)
        column = at - text.rfind("\n", 0, at)
        assert problem == (
            f"{path}:{text.count(chr(10), 0, at) + 1}: {raw!r} ({name}) at column {column} "
            "ends a line to YAML, though an editor shows none; write it as the escape "
            f'"{escape}" inside double quotes, or remove it'
        )

    @pytest.mark.parametrize("quote", ["'", '"'])
    def test_separators_in_quotes_are_kept(self, tmp_path: Path, quote: str) -> None:
        # As this library wrote them before it escaped them: in quotes YAML keeps them.
        text = f"events:\n  - when: 2026\n    title: {quote}a\u2028b\u2029c{quote}\n"
        assert Timeline.load(_write(tmp_path, "t.yaml", text))[0].title == "a\u2028b\u2029c"

    def test_a_next_line_in_quotes_is_refused(self, tmp_path: Path) -> None:
        # YAML folded it to a space without a word.
        path = _write(tmp_path, "t.yaml", 'events:\n  - when: 2026\n    title: "a\x85b"\n')
        (problem,) = _problems(path)
        assert problem.startswith(f"{path}:3: '\\x85' (NEXT LINE) at column 14 ends a line")

    def test_separators_are_written_as_escapes(self) -> None:
        tl = Timeline([Event(title="a\u2028b\u2029c", when="2026")])
        text = _io.dumps(tl, "yaml")
        assert "\u2028" not in text and "\u2029" not in text
        assert _io.loads(text, "yaml") == tl

    @pytest.mark.parametrize("suffix", [".yaml", ".json"])
    def test_surrogate_pair_escapes_as_json_writes_them(self, tmp_path: Path, suffix: str) -> None:
        # A JSON file is YAML too; "\ud83d\ude00" (an emoji as JSON escapes it) was refused
        # in .yaml as "invalid Unicode character escape code; check the indentation".
        text = '{"events": [{"title": "Launch \\ud83d\\ude00", "when": "2026"}]}'
        path = _write(tmp_path, f"t{suffix}", text)
        assert Timeline.load(path)[0].title == "Launch \U0001f600"

    def test_a_pair_in_a_long_yaml_file(self, tmp_path: Path) -> None:
        lines = ["events:"]
        for i in range(50):
            lines += [f'  - title: "Event {i} \\ud83d\\ude00"', f"    when: 2026-{i % 12 + 1:02}"]
        path = _write(tmp_path, "t.yaml", "\n".join(lines) + "\n")
        tl = Timeline.load(path)
        assert len(tl) == 50 and all(e.title.endswith("\U0001f600") for e in tl)

    def test_a_lone_surrogate_escape_is_a_problem_at_its_field(self, tmp_path: Path) -> None:
        path = _write(
            tmp_path,
            "t.yaml",
            'events:\n  - title: A\n    when: 2026\n  - title: "B\\ud800"\n    when: 2026\n',
        )
        (problem,) = _problems(path)
        assert problem.startswith(f"{path}:4: ") and "lone surrogate" in problem

    def test_a_pair_in_a_field_name(self, tmp_path: Path) -> None:
        text = 'fiscal_years:\n  "M\\ud83d\\ude00": July\nevents: []\n'
        assert Timeline.load(_write(tmp_path, "t.yaml", text)).fiscal_years == {"M\U0001f600": 7}

    def test_an_escape_past_unicode(self, tmp_path: Path) -> None:
        path = _write(tmp_path, "t.yaml", 'events:\n  - title: "B\\U00110000"\n    when: 2026\n')
        (problem,) = _problems(path)
        assert problem.startswith(f"{path}:2: ")
        assert "names no character" in problem and "write the character itself" in problem


class TestReadOnlyFiles:
    """A file the user may not write is not replaced behind their back by the atomic rename."""

    @staticmethod
    def _read_only(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
        # Root may write anything, so the check is shown with os.access saying "no".
        import os

        real = os.access

        def access(where: object, mode: int, **kwargs: object) -> bool:
            if mode & os.W_OK and Path(str(where)).resolve() == path.resolve():
                return False
            return real(where, mode, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "access", access)

    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv", ".parquet", ".ics"])
    def test_refused_and_left_as_it_was(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
    ) -> None:
        # The rename replaced a read-only file (0444) without a word: a folder's permission
        # is all os.replace needs.
        if suffix == ".parquet":
            pytest.importorskip("pyarrow")
        path = tmp_path / f"t{suffix}"
        path.write_text("old", encoding="utf-8")
        self._read_only(monkeypatch, path)
        tl = Timeline([Event(title="A", when="2026-04-01")])
        with pytest.raises(WriteError) as info:
            tl.write_ics(path) if suffix == ".ics" else tl.save(path)
        assert str(info.value) == (
            f"cannot write {str(path)!r}: the file is read-only; make it writable "
            "(chmod u+w) or write somewhere else"
        )
        assert path.read_text(encoding="utf-8") == "old"
        assert [p.name for p in tmp_path.iterdir()] == [path.name]

    def test_on_the_command_line(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        source, target = tmp_path / "a.yaml", tmp_path / "b.json"
        Timeline([Event(title="A", when="2026")]).save(source)
        target.write_text("old", encoding="utf-8")
        self._read_only(monkeypatch, target)
        assert main(["convert", str(source), str(target), "--force"]) == 1
        assert "the file is read-only; make it writable" in capsys.readouterr().err
        assert target.read_text(encoding="utf-8") == "old"

    def test_a_real_read_only_file(self, tmp_path: Path) -> None:
        import os

        path = tmp_path / "t.yaml"
        path.write_text("old", encoding="utf-8")
        path.chmod(0o444)
        if os.access(path, os.W_OK):
            pytest.skip("this user may write any file (root)")
        with pytest.raises(WriteError, match="the file is read-only"):
            Timeline().save(path)
        assert path.read_text(encoding="utf-8") == "old"


class TestColumnsLikeOnesTimelineReads:
    """A foreign table's column one typo from a record column was dropped without a word."""

    @staticmethod
    def _table(**columns: list[object]) -> object:
        pa = pytest.importorskip("pyarrow")
        return pa.table({"title": ["A"], "when": ["2026"], **columns})

    @pytest.mark.parametrize(
        ("column", "meant"),
        [("actor", "actors"), ("Tags", "tags"), ("staus", "status"), ("source", "sources")],
    )
    def test_from_arrow_warns_naming_the_column_meant(self, column: str, meant: str) -> None:
        table = self._table(**{column: ["x"]})
        with pytest.warns(TimelineWarning) as caught:
            Timeline.from_arrow(table)
        (message,) = [str(w.message) for w in caught]
        assert message == (
            f"the table's column {column!r} is not read: did you mean {meant!r}? rename it "
            f"(in SQL: SELECT {column} AS {meant})"
        )

    def test_parquet_names_the_file(self, tmp_path: Path) -> None:
        import pyarrow.parquet as pq

        path = tmp_path / "t.parquet"
        pq.write_table(self._table(actor=["Tesla"]), path)
        with pytest.warns(TimelineWarning, match=rf"^{path}: the table's column 'actor' is not"):
            Timeline.load(path)

    def test_other_columns_are_left_alone(self) -> None:
        # Partition keys, scores, the query columns to_arrow derives: no word (warnings are errors).
        table = self._table(year=[2026], score=[0.5], precision=["year"], earliest=[None])
        assert len(Timeline.from_arrow(table)) == 1
        Timeline.from_arrow(Timeline([Event(title="A", when="2026", actors=["x"])]).to_arrow())


class TestCsvJsonCellsWithAKeyTwice:
    """A JSON cell naming a key twice silently kept the last (JSON and YAML files refuse it)."""

    @pytest.mark.parametrize(
        ("columns", "cell", "column", "key"),
        [
            (
                "claims",
                '[{"stated": "2026-04-20", "when": "May 2026", "when": "June 2026"}]',
                "claims",
                "when",
            ),
            (
                "target_metric,target_goal,target_deadline,target_baseline",
                'm,5,2027,"{""when"": ""2026-03"", ""value"": ""3"", ""value"": ""4""}"',
                "target_baseline",
                "value",
            ),
            (
                "observations",
                '[{"when": "2026-03", "when": "2026-04", "value": "3"}]',
                "observations",
                "when",
            ),
        ],
    )
    def test_refused_naming_the_column_and_key(
        self, tmp_path: Path, columns: str, cell: str, column: str, key: str
    ) -> None:
        if "," not in columns:
            cell = '"' + cell.replace('"', '""') + '"'
        path = _write(tmp_path, "t.csv", f"title,when,{columns}\nA,2026,{cell}\n")
        problems = _problems(path)
        assert f"{path}:2: {column}: {key!r} is given twice in the JSON; keep one" in problems


class TestYamlReadByOtherTools:
    """Text that a YAML 1.2 reader (editors, Go, JavaScript) or a YAML 1.1 one would type."""

    # YAML 1.2's core schema reads these as numbers; YAML 1.1 readers (Go's yaml.v2) read
    # y/n as booleans. PyYAML (1.1, without y/n) wrote them plain.
    TYPED = ("0o17", "1e3", "1E-5", "-2e+10", "+.inf", "-.Inf", ".NaN", "y", "Y", "n", "N")

    @pytest.mark.parametrize("text", TYPED)
    def test_written_in_quotes(self, text: str) -> None:
        tl = Timeline([Event(id="x", title=text, when="2026", actors=[text, "Tesla"])])
        written = _io.dumps(tl, "yaml")
        assert f"    title: '{text}'\n" in written
        assert f"    actors: ['{text}', Tesla]\n" in written
        assert _io.loads(written, "yaml") == tl

    @pytest.mark.parametrize(
        "text", ["yes-no", "y2k", "1e", "e3", "0o8", "1.2.3", "Nvidia", "2026-04"]
    )
    def test_near_misses_stay_plain(self, text: str) -> None:
        written = _io.dumps(Timeline([Event(id="x", title=text, when="2026")]), "yaml")
        assert f"    title: {text}\n" in written


class TestCsvAsSpreadsheetsSaveIt:
    """Excel's separator line, empty trailing columns, blank lines before the header."""

    @pytest.mark.parametrize(
        ("text", "note"),
        [
            # Excel writes "sep=;" first so it opens the file right: it was taken for the header.
            ('sep=;\r\ntitle;when;actors\r\nA;2026;"X; Y"\r\n', "separated by ';'"),
            ("sep=,\ntitle,when,actors\nA,2026,X; Y\n", None),
            ("sep=\t\ntitle\twhen\tactors\nA\t2026\tX; Y\n", "separated by tab"),
        ],
    )
    def test_excels_separator_line(self, tmp_path: Path, text: str, note: str | None) -> None:
        path = _write(tmp_path, "t.csv", text)
        with pytest.warns(TimelineWarning, match=note) if note else contextlib.nullcontext():
            (event,) = Timeline.load(path)
        assert (event.title, str(event.when), event.actors) == ("A", "2026", ("X", "Y"))

    def test_problems_keep_their_lines_after_the_separator_line(self, tmp_path: Path) -> None:
        path = _write(tmp_path, "t.csv", "sep=,\ntitle,when\nA,2026\nB,Aprill 2026\n")
        (problem,) = _problems(path)
        assert problem.startswith(f"{path}:4: when: 'Aprill 2026' is not a date")

    @pytest.mark.parametrize(
        "text",
        ["title,when,\nA,2026,\n", "title,when,,,\nA,2026,,,\nB,2027\n", "title,,when\nA,,2026\n"],
    )
    def test_empty_columns_without_a_name_are_harmless(self, tmp_path: Path, text: str) -> None:
        # Was "unknown column; columns are id, title, ..." with an empty name.
        tl = Timeline.load(_write(tmp_path, "t.csv", text))
        assert [e.title for e in tl][:1] == ["A"]

    def test_a_value_under_a_column_without_a_name(self, tmp_path: Path) -> None:
        path = _write(tmp_path, "t.csv", "title,when,\nA,2026,\nB,2027,Tesla\n")
        assert _problems(path) == [
            f"{path}:3: 'Tesla' is in column 3, which has no name in the header; name the "
            "column (e.g. actors) or remove the cell"
        ]

    def test_blank_lines_before_the_header(self, tmp_path: Path) -> None:
        # Were "missing column 'title'" and "2 cells but the header has 0 columns" per row.
        path = _write(tmp_path, "t.csv", "\n\n,,\ntitle,when\nA,2026\nB,Aprill 2026\n")
        (problem,) = _problems(path)
        assert problem.startswith(f"{path}:6: when: 'Aprill 2026' is not a date")


class TestSpreadsheetDayNumbers:
    """A date a spreadsheet saved as its day number (46113) says which day that is."""

    @pytest.mark.parametrize(
        ("cell", "day"), [("46113", "2026-04-01"), ("45658", "2025-01-01"), ("73050", "2099-12-31")]
    )
    def test_named_with_the_day(self, tmp_path: Path, cell: str, day: str) -> None:
        path = _write(tmp_path, "t.csv", f"title,when\nA,{cell}\n")
        (problem,) = _problems(path)
        assert problem.startswith(f"{path}:2: when: {cell!r} is not a date")
        assert problem.endswith(
            f"; if it is a spreadsheet's day number, that is {day}: format the column as text "
            "or as dates (2026-04-01) before saving"
        )

    @pytest.mark.parametrize("cell", ["12345", "99999", "460000"])
    def test_other_numbers_are_not_called_day_numbers(self, tmp_path: Path, cell: str) -> None:
        (problem,) = _problems(_write(tmp_path, "t.csv", f"title,when\nA,{cell}\n"))
        assert "day number" not in problem


class TestFrameColumnsLikeOnesTimelineReads:
    def test_from_pandas_warns_naming_the_column_meant(self) -> None:
        pd = pytest.importorskip("pandas")
        frame = pd.DataFrame({"title": ["A"], "when": ["2026"], "actor": ["Tesla"]})
        with pytest.warns(TimelineWarning) as caught:
            (event,) = Timeline.from_pandas(frame)
        assert [str(w.message) for w in caught] == [
            "the frame's column 'actor' is not read: did you mean 'actors'? rename it "
            "(frame.rename(columns={'actor': 'actors'}))"
        ]
        assert event.actors == ()

    def test_to_pandas_output_says_nothing(self) -> None:
        pytest.importorskip("pandas")
        from timeline import datasets

        tl = datasets.ai_race_2026()
        assert Timeline.from_pandas(tl.to_pandas()).events == tl.events


class TestNamesNoFileCanHave:
    """A path holding NUL or half a surrogate pair (a title made a file name, say)."""

    NAMES = (
        ("a\x00b", "a NUL character ('\\x00')"),
        ("a\ud800b", "'\\ud800', which no file name can hold"),
    )

    @pytest.mark.parametrize(("stem", "said"), NAMES)
    @pytest.mark.parametrize("suffix", [".yaml", ".csv", ".parquet", ".ics"])
    def test_save_is_a_write_error(self, tmp_path: Path, stem: str, said: str, suffix: str) -> None:
        # Was a bare ValueError ("embedded null byte") or UnicodeEncodeError.
        if suffix == ".parquet":
            pytest.importorskip("pyarrow")
        path = tmp_path / f"{stem}{suffix}"
        tl = Timeline([Event(title="A", when="2026-04-01")])
        with pytest.raises(WriteError) as info:
            tl.write_ics(path) if suffix == ".ics" else tl.save(path)
        assert str(info.value).startswith(f"cannot write {str(path)!r}: the name holds {said}")
        assert "give another name" in str(info.value)
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.parametrize(("stem", "said"), NAMES)
    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv", ".parquet"])
    def test_load_is_a_data_file_error(
        self, tmp_path: Path, stem: str, said: str, suffix: str
    ) -> None:
        path = tmp_path / f"{stem}{suffix}"
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        assert str(info.value).startswith(f"{path}: the name holds {said}")


@contextlib.contextmanager
def _writer_later(fifo: Path, text: str, wait: float = 5.0) -> Iterator[None]:
    """Feed ``text`` to a reader of the FIFO if one opens it within ``wait`` seconds.

    A reader that blocks on the pipe then gets a file and the test fails, rather than
    hanging; a reader that refuses the pipe leaves the writer to give up.
    """
    import os
    import threading
    import time

    def write() -> None:
        end = time.monotonic() + wait
        while time.monotonic() < end:
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # no reader yet (ENXIO)
                time.sleep(0.05)
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as pipe, contextlib.suppress(OSError):
                pipe.write(text)
            return

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()


_SUFFIXES = (".yaml", ".json", ".csv", ".parquet")


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
class TestNotARegularFile:
    """A named pipe, a device or a folder where a data file is expected: refused, never read.

    Loading a FIFO named events.yaml waited for a writer for ever; a link to /dev/zero read
    without end; a folder named events.yaml was "the folder holds no .parquet files".
    """

    @pytest.mark.parametrize("suffix", _SUFFIXES)
    def test_a_named_pipe(self, tmp_path: Path, suffix: str) -> None:
        import os

        if suffix == ".parquet":
            pytest.importorskip("pyarrow")
        path = tmp_path / f"events{suffix}"
        os.mkfifo(path)
        with _writer_later(path, "events: []\n"), pytest.raises(DataFileError) as info:
            Timeline.load(path)
        assert str(info.value) == (
            f"{path}: a named pipe (FIFO), not a file: reading it would wait for a writer; "
            f"save what it carries to a file first (cat {path.name} > saved{suffix}) and "
            "load that"
        )

    def test_a_named_pipe_checked(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        import os

        path = tmp_path / "events.yaml"
        os.mkfifo(path)
        with _writer_later(path, "events: []\n"):
            assert main(["check", str(path)]) == 1
        err = capsys.readouterr().err
        assert f"{path}: a named pipe (FIFO), not a file" in err and "Traceback" not in err

    @pytest.mark.parametrize("suffix", _SUFFIXES)
    def test_a_device(self, tmp_path: Path, suffix: str) -> None:
        # /dev/null read as an empty file; /dev/zero would be read until memory ran out.
        if suffix == ".parquet":
            pytest.importorskip("pyarrow")
        if not Path("/dev/null").exists():
            pytest.skip("no /dev/null here")
        path = tmp_path / f"events{suffix}"
        path.symlink_to("/dev/null")
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        assert str(info.value) == (f"{path}: a device, not a file; give the path of a data file")

    @pytest.mark.parametrize("suffix", _SUFFIXES)
    def test_a_socket(self, tmp_path: Path, suffix: str) -> None:
        # Opening a socket raised a bare OSError: "No such device or address".
        import socket

        if suffix == ".parquet":
            pytest.importorskip("pyarrow")
        path = tmp_path / f"s{suffix}"
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
            server.bind(str(path))
            with pytest.raises(DataFileError) as info:
                Timeline.load(path)
        assert str(info.value) == f"{path}: a socket, not a file; give the path of a data file"

    @pytest.mark.parametrize(
        ("suffix", "kind"), [(".yaml", "YAML"), (".json", "JSON"), (".csv", "CSV")]
    )
    def test_a_folder_with_a_text_suffix(self, tmp_path: Path, suffix: str, kind: str) -> None:
        path = tmp_path / f"events{suffix}"
        path.mkdir()
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        assert str(info.value) == (
            f"{path}: a folder, not a {kind} file; give the path of the file itself (a folder "
            "is read only as a dataset of .parquet files)"
        )

    def test_a_folder_of_part_files_names_one(self, tmp_path: Path) -> None:
        # Spark's df.write.csv("events.csv") writes a folder of part files.
        path = tmp_path / "events.csv"
        path.mkdir()
        (path / "_SUCCESS").write_text("", encoding="utf-8")
        for i in (1, 0):
            (path / f"part-0000{i}.csv").write_text("title,when\nA,2026\n", encoding="utf-8")
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        assert str(info.value).endswith(
            f"(a folder is read only as a dataset of .parquet files); its files are "
            f"{str(path / 'part-00000.csv')!r} and 1 more: load each, or write Parquet"
        )

    def test_a_folder_of_parquet_files_is_still_a_dataset(self, tmp_path: Path) -> None:
        pytest.importorskip("pyarrow")
        tl = Timeline([Event(title="A", when="2026")])
        for name in ("events.parquet", "spark-out"):
            (tmp_path / name).mkdir()
            tl.save(tmp_path / name / "part-0.parquet")
            assert Timeline.load(tmp_path / name) == tl


class TestSeveralNamesInOneText:
    def test_event_refuses_names_joined_by_semicolons(self) -> None:
        # Was one actor named "Tesla; SpaceX" (a comma was refused already).
        with pytest.raises(EventError) as info:
            Event(title="A", when="2026", actors="Tesla; SpaceX")
        assert str(info.value) == (
            "event 'A': actors: 'Tesla; SpaceX' holds several names in one text; give a list: "
            "['Tesla', 'SpaceX'] (or ['Tesla; SpaceX'] for one name holding a ';')"
        )

    def test_one_name_holding_a_semicolon_in_a_list(self) -> None:
        assert Event(title="A", when="2026", tags=["a; b"]).tags == ("a; b",)


# A problem in every row's cells, found while the rows are read (before any value is).
_CSV_CELL_PROBLEMS = {
    "comma in a list": ("title,when,actors\n", 'E{i},2026,"Tencent, WeChat"\n'),
    "ragged row": ("title,when\n", "E{i},2026,x,y\n"),
    "bad JSON cell": ("title,when,claims\n", "E{i},2026,[oops\n"),
    "cell in an unnamed column": ("title,when,\n", "E{i},2026,stray\n"),
}


# Thousands of problems inside one row: 20,000 bad claim dates took 21 s to diagnose.
_ONE_ROW = {
    "claims": (
        "t.yaml",
        "events:\n- title: A\n  when: '2026'\n  claims:\n"
        + "  - stated: '2026-01-01'\n    when: Aprill 2026\n" * 5000,
        2,
    ),
    "unknown fields": (
        "t.yaml",
        "events:\n- title: A\n  when: '2026'\n" + "".join(f"  field{i}: x\n" for i in range(5000)),
        1,
    ),
    "related": (
        "t.yaml",
        "events:\n- title: A\n  when: '2026'\n  related:\n"
        + "".join(f"  - r{i}\n" for i in range(5000)),
        1,
    ),
    "unknown columns": (
        "t.csv",
        ",".join(["title", "when", *(f"c{i}" for i in range(5000))]) + "\nA,2026\n",
        0,
    ),
}


class TestManyProblems:
    """A file with a problem on every one of thousands of rows: the first thousand, then a stop.

    Each bad date is diagnosed (a spelling suggestion), so 100,000 bad rows took a minute and
    gave a message of 22 MB; reading stops at 1,000 problems and says so.
    """

    _STOPPED = (
        "stopped after 1,000 problems; fix these (they may share a cause) and load the file "
        "again for the rest"
    )

    def test_stops_after_a_thousand_and_says_where(self, tmp_path: Path) -> None:
        rows = "".join(f"E{i},Aprill 2026\n" for i in range(3000))
        path = _write(tmp_path, "t.csv", "title,when\n" + rows)
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        problems = info.value.problems
        assert len(problems) == 1001
        assert [p.line for p in problems[:2]] == [2, 3]
        assert str(problems[-1]) == (
            f"{path}:1002: stopped after 1,000 problems; fix these (they may share a cause) "
            "and load the file again for the rest"
        )

    def test_a_thousand_problems_are_all_reported(self, tmp_path: Path) -> None:
        rows = "".join(f"E{i},Aprill 2026\n" for i in range(1000))
        path = _write(tmp_path, "t.csv", "title,when\n" + rows)
        assert len(_problems(path)) == 1000

    @pytest.mark.parametrize("kind", sorted(_CSV_CELL_PROBLEMS))
    def test_csv_cell_problems_stop_too(self, tmp_path: Path, kind: str) -> None:
        # A cell problem on each of 100,000 rows gave a message of 18 MB, every row read.
        header, row = _CSV_CELL_PROBLEMS[kind]
        rows = "".join(row.format(i=i) for i in range(100_000))
        path = _write(tmp_path, "t.csv", header + rows)
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        problems = info.value.problems
        assert len(problems) == 1001
        assert [p.line for p in problems[:1000]] == list(range(2, 1002))
        assert str(problems[-1]) == f"{path}:1002: {self._STOPPED}"
        assert len(str(info.value)) < 300_000

    def test_csv_cell_and_value_problems_stop_together(self, tmp_path: Path) -> None:
        # Two problems a row (a bad date, a comma in a list): 500 rows make the thousand.
        rows = "".join(f'E{i},Aprill 2026,"A, B"\n' for i in range(3000))
        path = _write(tmp_path, "t.csv", "title,when,actors\n" + rows)
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        problems = info.value.problems
        assert len(problems) == 1001
        assert sorted({p.field for p in problems[:1000]}, key=str) == ["actors", "when"]
        assert [p.line for p in problems[:1000:2]] == list(range(2, 502))
        assert str(problems[-1]) == f"{path}:502: {self._STOPPED}"

    def test_csv_value_problems_after_cell_problems(self, tmp_path: Path) -> None:
        # 600 rows with a cell problem, then 3,000 with a bad date: a thousand in all.
        cells = "".join(f'E{i},2026,"A, B"\n' for i in range(600))
        values = "".join(f"F{i},Aprill 2026,\n" for i in range(3000))
        path = _write(tmp_path, "t.csv", "title,when,actors\n" + cells + values)
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        problems = info.value.problems
        assert len(problems) == 1001
        assert [p.field for p in problems[599:601]] == ["actors", "when"]
        assert str(problems[-1]) == f"{path}:1002: {self._STOPPED}"

    @pytest.mark.parametrize(
        ("name", "row"),
        [
            ("t.yaml", "- title: E{i}\n  when: '2026'\n  when: '2027'\n"),
            ("t.json", '{{"title": "E{i}", "when": "2026", "when": "2027"}},\n'),
        ],
    )
    def test_keys_given_twice_on_every_row_stop_too(
        self, tmp_path: Path, name: str, row: str
    ) -> None:
        rows = "".join(row.format(i=i) for i in range(5000))
        if name.endswith(".json"):
            text = '{"events": [\n' + rows.rstrip(",\n") + "\n]}\n"
        else:
            text = "events:\n" + rows
        path = _write(tmp_path, name, text)
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        problems = info.value.problems
        assert len(problems) == 1001
        assert all("given twice" in p.message for p in problems[:1000])
        assert problems[-1].message == self._STOPPED
        assert problems[-1].line == problems[999].line + (3 if name.endswith(".yaml") else 1)

    @pytest.mark.parametrize("kind", sorted(_ONE_ROW))
    def test_inside_one_row(self, tmp_path: Path, kind: str) -> None:
        name, text, step = _ONE_ROW[kind]
        path = _write(tmp_path, name, text)
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        problems = info.value.problems
        assert len(problems) == 1001
        assert STOPPED not in {p.message for p in problems[:1000]}
        assert problems[-1].message == self._STOPPED
        assert problems[-1].line == problems[999].line + step

    def test_a_table_with_an_id_on_every_row_twice(self) -> None:
        pa = pytest.importorskip("pyarrow")
        table = pa.table({"id": ["a"] * 3000, "title": ["A"] * 3000, "when": ["2026"] * 3000})
        with pytest.raises(DataFileError) as info:
            Timeline.from_arrow(table)
        problems = info.value.problems
        assert len(problems) == 1001
        assert problems[-1].message == self._STOPPED

    def test_a_table_stops_too(self) -> None:
        pa = pytest.importorskip("pyarrow")
        table = pa.table({"title": [f"E{i}" for i in range(3000)], "when": ["Aprill 2026"] * 3000})
        with pytest.raises(DataFileError) as info:
            Timeline.from_arrow(table)
        problems = info.value.problems
        assert len(problems) == 1001
        assert str(problems[-1]) == (
            "<records>: rows[1000]: stopped after 1,000 problems; fix these (they may share a "
            "cause) and load the file again for the rest"
        )


class TestMissingColumnsWithALookalike:
    @pytest.mark.parametrize(
        ("columns", "said"), [(("Title", "when"), "'Title'"), (("title", "When"), "'When'")]
    )
    def test_the_refusal_names_the_column_to_rename(
        self, columns: tuple[str, str], said: str
    ) -> None:
        pa = pytest.importorskip("pyarrow")
        table = pa.table({columns[0]: ["A"], columns[1]: ["2026"]})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", TimelineWarning)  # the lookalike's own warning
            with pytest.raises(DataFileError) as info:
                Timeline.from_arrow(table)
        meant = said.lower()
        assert str(info.value).endswith(
            f"the table has no {meant} column; give every row a title and a when (it has "
            f"{said}: rename it to {meant})"
        )
