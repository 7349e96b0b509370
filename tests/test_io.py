"""Data files: load/save by suffix, records, lossless round-trips, every problem reported."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from csv_notes import csv_notes
from data_strategies import timelines
from timeline import (
    Claim,
    DataFileError,
    DataFileProblem,
    Event,
    Source,
    Status,
    Timeline,
    TimelineWarning,
    When,
    WriteError,
    file_schema,
)
from timeline.formats import _io

_FORMATS = ["yaml", "json", "csv"]


def _tracker() -> Timeline:
    source = Source(
        "What Tencent's Open AI Ecosystem and Model Race Reveal About the Global AI Shift",
        publisher="AI Large-Model Wave and Transformation Guide",
        published="2026-03~",
        quote="slated for an April release",
    )
    return Timeline(
        [
            Event(
                id="tencent-hybrid-model-3-release",
                title="Tencent Hybrid Model 3.0 release",
                when="2026-04",
                kind="model-release",
                actors=["Tencent", "Liu Chi-ping"],
                tags=["llm", "china"],
                description="Claims gains in reasoning;\nwatch the clash with DeepSeek V4.",
                related=["deepseek-v4-release"],
                sources=[source],
                claims=[Claim(stated="2026-04-20", when="2026-05", note="slipped", source=source)],
            ),
            Event(
                title="DeepSeek V4 release",
                when="2026-04",
                actors=["DeepSeek"],
                related=["tencent-hybrid-model-3-release"],
            ),
            Event(title="Bo'ao Forum", when="2026", end="2026", status="happened"),
        ],
        name="AI race",
        description="A small tracker",
    )


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(DataFileError) as info:
        Timeline.load(path)
    return [str(p) for p in info.value.problems]


class TestLoadSave:
    @pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json", ".csv", ".YAML"])
    def test_save_then_load_gives_equal_events(self, tmp_path: Path, suffix: str) -> None:
        tl = _tracker()
        path = tmp_path / f"tracker{suffix}"
        with csv_notes(tl, path):  # CSV warns that the name and description are not written
            tl.save(path)
        back = Timeline.load(path)
        assert back.events == tl.events
        # CSV keeps events only; YAML and JSON keep the timeline's name too.
        assert back.name == (None if suffix == ".csv" else "AI race")

    def test_yaml_is_written_for_people(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        _tracker().save(path)
        text = path.read_text(encoding="utf-8")
        assert "name: AI race\n" in text
        assert "\n  - id: deepseek-v4-release\n    title: DeepSeek V4 release\n" in text
        assert "    actors: [Tencent, Liu Chi-ping]\n" in text
        # Dates as str(When) writes them ("April 2026"), not EDTF.
        assert f"    when: {When.month(2026, 4)}\n" in text
        assert f"        published: {When.parse('2026-03~')}\n" in text
        # Multi-line text as a literal block, not an escaped one-liner.
        assert "    description: |-\n      Claims gains in reasoning;\n" in text
        assert "!!" not in text

    def test_csv_has_one_row_per_event_and_the_documented_header(self, tmp_path: Path) -> None:
        path = tmp_path / "t.csv"
        with csv_notes(_tracker(), path):
            _tracker().save(path)
        import csv

        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert list(rows[0]) == list(_io_csv_columns())
        assert len(rows) == 3
        hybrid = next(r for r in rows if r["id"] == "tencent-hybrid-model-3-release")
        assert hybrid["actors"] == "Tencent; Liu Chi-ping"
        assert hybrid["source_published"] == str(When.parse("2026-03~"))
        assert json.loads(hybrid["claims"])[0]["note"] == "slipped"

    @pytest.mark.parametrize(
        ("name", "message"),
        [
            # no suffix to tell the format by
            ("tracker", "no suffix: name the file with one of .yaml, .yml, .json, .csv"),
            # a suffix we do not read
            ("tracker.xlsx", "unknown suffix '.xlsx': name the file with one of"),
            # a feed is not a data file: the methods that read and write one
            ("tracker.ics", "an iCalendar feed, not a data file: read it with Timeline.from_ics"),
        ],
    )
    def test_unknown_format(self, tmp_path: Path, name: str, message: str) -> None:
        with pytest.raises(DataFileError, match=message):
            _tracker().save(tmp_path / name)
        (tmp_path / name).write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
        with pytest.raises(DataFileError, match=message):
            Timeline.load(tmp_path / name)

    @pytest.mark.parametrize(
        ("name", "message"),
        [
            ("empty", r"the folder holds no \.parquet files; give a"),
            ("events.parquet", r"the folder holds no \.parquet files; give a"),
            # named as a text file: it is one the person meant, not a dataset
            ("events.yaml", r"a folder, not a YAML file; give the path of the file itself"),
        ],
    )
    def test_a_folder_without_parquet_files(self, tmp_path: Path, name: str, message: str) -> None:
        (tmp_path / name).mkdir()
        (tmp_path / name / "notes.txt").write_text("x", encoding="utf-8")
        with pytest.raises(DataFileError, match=message):
            Timeline.load(tmp_path / name)

    def test_save_replaces_atomically(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "t.json"
        path.write_text("old", encoding="utf-8")

        def fail(*args: object) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(os, "replace", fail)
        with pytest.raises(OSError, match="disk full"):
            _tracker().save(path)
        # The old file is intact and no temporary file is left behind.
        assert path.read_text(encoding="utf-8") == "old"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["t.json"]

    @pytest.mark.parametrize(
        ("error", "fix"),
        [
            (PermissionError(13, "Permission denied"), "write somewhere you may"),
            (OSError(30, "Read-only file system"), "write somewhere you may"),
            (OSError(28, "No space left on device"), "free some space"),
            (FileNotFoundError(2, "No such file or directory"), "write somewhere else"),
        ],
    )
    @pytest.mark.parametrize("name", ["t.json", "t.yaml", "t.csv"])
    def test_a_folder_that_refuses_the_file_names_the_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, name: str, fix: str
    ) -> None:
        # Writing the hidden temporary file fails (a folder we may not write, a full
        # disk, /proc): the error names the file asked for, the reason and the fix,
        # never the temporary file.
        def refuse(path: object, *args: object) -> int:
            error.filename = str(path)
            raise error

        monkeypatch.setattr(os, "open", refuse)
        path = tmp_path / name
        with pytest.raises(WriteError) as caught, csv_notes(_tracker(), path):
            _tracker().save(path)
        message = str(caught.value)
        assert message.startswith(f"cannot write {str(path)!r}: {error.strerror}")
        assert fix in message and ".tmp" not in message
        assert list(tmp_path.iterdir()) == []

    def test_save_keeps_the_replaced_files_mode(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text("events: []\n", encoding="utf-8")
        path.chmod(0o640)
        _tracker().save(path)
        assert path.stat().st_mode & 0o777 == 0o640

    def test_a_byte_order_mark_is_accepted(self, tmp_path: Path) -> None:
        path = tmp_path / "t.csv"
        path.write_text("\ufefftitle,when\nA,2026\n", encoding="utf-8")
        assert [e.title for e in Timeline.load(path)] == ["A"]

    def test_missing_file_is_file_not_found(self, tmp_path: Path) -> None:
        with pytest.raises(FileNotFoundError):
            Timeline.load(tmp_path / "nothing.yaml")


def _io_csv_columns() -> tuple[str, ...]:
    from timeline.formats._csv import COLUMNS

    return COLUMNS


class TestRecords:
    def test_to_records_gives_text_and_omits_empty_fields(self) -> None:
        record = _tracker()["deepseek-v4-release"]
        assert Timeline([record]).to_records() == [
            {
                "id": "deepseek-v4-release",
                "title": "DeepSeek V4 release",
                "when": str(When.month(2026, 4)),
                "status": "expected",
                "actors": ["DeepSeek"],
                "related": ["tencent-hybrid-model-3-release"],
            }
        ]

    def test_records_round_trip(self) -> None:
        tl = _tracker()
        assert (
            Timeline.from_records(tl.to_records(), name="AI race", description="A small tracker")
            == tl
        )

    def test_from_records_accepts_model_values(self) -> None:
        # Python users may hand over When, Status and Source objects directly.
        tl = Timeline.from_records(
            [
                {
                    "title": "x",
                    "when": When.year(2026),
                    "status": Status.HAPPENED,
                    "sources": [Source("s")],
                }
            ]
        )
        assert tl["x"].status is Status.HAPPENED
        assert tl["x"].sources == (Source("s"),)

    @pytest.mark.parametrize(
        "value",
        [
            dt.date(2026, 4, 1),
            dt.datetime(2026, 4, 1, 10, 30, tzinfo=dt.UTC),
            dt.datetime(2026, 4, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))),
            dt.datetime(2026, 4, 1, 10, 30),  # floating local time, as Event reads it
        ],
    )
    def test_from_records_accepts_dates_and_datetimes_as_event_does(self, value: Any) -> None:
        # Rows from a database cursor or `DataFrame.to_dict` hold date objects, which
        # Event(when=...) takes (was: "must be a date as text ... not datetime.date(...)").
        record = {
            "title": "x", "when": value, "end": value,
            "sources": [{"title": "s", "published": value}],
            "claims": [{"stated": value, "status": "confirmed"}],
            "observations": [{"when": value, "value": "3 GW"}],
        }  # fmt: skip
        made = Timeline.from_records([record])["x"]
        assert made.initial_when == Event(title="x", when=value).when
        assert made.end == made.initial_when
        assert made.sources[0].published == made.initial_when
        assert made.claims[0].stated == made.initial_when
        assert made.observations[0].when == made.initial_when

    def test_from_records_refuses_a_time_of_day_alone(self) -> None:
        with pytest.raises(DataFileError, match=r"records\[0\]\.when"):
            Timeline.from_records([{"title": "x", "when": dt.time(10, 30)}])

    def test_a_yearless_date_reads_by_status_as_in_event(self, tmp_path: Path) -> None:
        # A file reads its dates itself: it must read "January" as Event does ("January",
        # expected, said on 20 December, was January of that year; "December", happened,
        # said in March, was the December to come).
        records = [
            {"title": "launch", "when": "January",
             "sources": [{"title": "s", "published": "2026-12-20"}]},
            {"title": "done", "when": "December", "status": "happened",
             "sources": [{"title": "s", "published": "2026-03-10"}]},
            {"title": "moved", "when": "2026-11",
             "claims": [{"stated": "2026-12-20", "when": "February"}]},
        ]  # fmt: skip
        expected = {
            "launch": When.month(2027, 1),
            "done": When.month(2025, 12),
            "moved": When.month(2027, 2),
        }
        tl = Timeline.from_records(records)
        assert {e.id: e.when for e in tl} == expected
        for fmt in ("yaml", "json", "csv"):
            path = tmp_path / f"t.{fmt}"
            path.write_text(
                _io.dumps(Timeline.from_records(records), fmt)
                .replace("January 2027", "January")
                .replace("December 2025", "December")
            )  # fmt: skip
            assert {e.id: e.when for e in Timeline.load(path)} == expected, fmt

    def test_from_records_reports_every_problem_by_record(self) -> None:
        with pytest.raises(DataFileError) as info:
            Timeline.from_records(
                [
                    {"title": "a", "when": "2026-13"},
                    {"title": "b", "when": "2026", "status": "done"},
                    {"when": "2026"},
                ]
            )
        fields = [p.field for p in info.value.problems]
        assert fields == ["records[0].when", "records[1].status", "records[2]"]
        assert str(info.value).startswith("3 problems:\n<records>: records[0].when: '2026-13'")


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", _FORMATS)
    @given(tl=timelines())
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def test_every_format_is_lossless(self, fmt: _io.Format, tl: Timeline) -> None:
        if fmt == "csv" and tl.fiscal_years:
            # CSV has no place for a timeline's fiscal years: refused, never lost in silence.
            with pytest.raises(DataFileError, match="fiscal_years: a CSV file holds events only"):
                _io.dumps(tl, fmt)
            tl = Timeline(tl.events, name=tl.name, description=tl.description)
        with csv_notes(tl, f"t.{fmt}"):
            text = _io.dumps(tl, fmt)
        back = _io.loads(text, fmt)
        assert back.events == tl.events
        for event, again in zip(tl, back, strict=True):
            # Equal values, and the same initial statement and claims.
            assert again.initial_when == event.initial_when
            assert again.claims == event.claims
        if fmt != "csv":
            assert (back.name, back.description) == (tl.name, tl.description)
            assert back.fiscal_years == tl.fiscal_years
            assert back == tl

    @given(tl=timelines())
    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def test_records_are_lossless(self, tl: Timeline) -> None:
        assert Timeline.from_records(tl.to_records()).events == tl.events

    @given(tl=timelines())
    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def test_saved_files_match_the_json_schema(self, tl: Timeline) -> None:
        import jsonschema
        import yaml

        schema = file_schema()
        for fmt in ("yaml", "json"):
            text = _io.dumps(tl, fmt)
            data = yaml.safe_load(text) if fmt == "yaml" else json.loads(text)
            jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


class TestYamlProblems:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a date that is not one, with its line and field
            (
                "events:\n  - title: A\n    when: 2026-13\n",
                ["t.yaml:3: when: '2026-13' is not a date"],
            ),
            # a relative date with nothing to read it against: the fix is in the file
            (
                "events:\n  - title: A\n    when: April\n",
                [
                    "t.yaml:3: when: 'April' is relative; write the date itself "
                    "(e.g. 'April 2026'), or give the event a source with 'published:'"
                ],
            ),
            # a misspelt field, with the fix
            (
                "events:\n  - title: A\n    when: 2026\n    actor: [X]\n",
                ["t.yaml:4: actor: unknown field; did you mean 'actors'?"],
            ),
            # a misspelt status, with the fix
            (
                "events:\n  - title: A\n    when: 2026\n    status: happend\n",
                ["t.yaml:4: status: 'happend' is not a status; did you mean 'happened'?"],
            ),
            # a missing date points at the event
            ("events:\n  - title: A\n", ["t.yaml:2: missing 'when'"]),
            # several names given as one text (one name alone is accepted, issue 12)
            (
                "events:\n  - title: A\n    when: 2026\n    tags: llm, ai\n",
                [
                    "t.yaml:4: tags: must be a list, e.g. [llm, ai] "
                    '(or ["llm, ai"] for one name holding a comma)'
                ],
            ),
            # nested fields are named by their path
            (
                "events:\n  - title: A\n    when: 2026\n    sources:\n      - title: S\n"
                "        published: 2026-00\n",
                ["t.yaml:6: sources[0].published: '2026-00' is not a date"],
            ),
            # a claim without its stated date
            (
                "events:\n  - title: A\n    when: 2026\n    claims:\n      - when: 2027\n",
                ["t.yaml:5: claims[0]: missing 'stated' (when the source said it)"],
            ),
            # an end before the start: the model's own check, placed at the event
            (
                "events:\n  - title: A\n    when: 2027\n    end: 2026\n",
                ["t.yaml:2: event 'A': end: '2026' is before when '2027'"],
            ),
            # the same key twice in one mapping
            (
                "events:\n  - title: A\n    when: 2026\n    when: 2027\n",
                ["t.yaml:4: when: given twice (also on line 3)"],
            ),
            # not a mapping at the top
            ("- title: A\n", ["t.yaml:1: the file must be a mapping with an 'events:' list"]),
            # no events list
            ("name: x\n", ["t.yaml:1: missing 'events:'"]),
            # a target's goal that is not a figure
            (
                "events:\n  - title: A\n    when: 2026\n    target:\n      metric: firms\n"
                "      goal: lots\n      deadline: by 2030\n",
                ["t.yaml:6: target.goal: 'lots' is not a quantity"],
            ),
            # a target without its deadline
            (
                "events:\n  - title: A\n    when: 2026\n    target:\n      metric: firms\n"
                "      goal: 10 firms\n",
                ["t.yaml:4: target: missing 'deadline'"],
            ),
            # an observation without its date
            (
                "events:\n  - title: A\n    when: 2026\n    observations:\n"
                "      - value: 5 firms\n",
                ["t.yaml:5: observations[0]: missing 'when'"],
            ),
            # a syntax error, with the line of the problem
            ("events:\n  - title: [A\n", ["t.yaml:3: not valid YAML:"]),
            # an unquoted ': ' inside a title: the fix is to quote it
            (
                "events:\n  - title: Sora: the end\n    when: 2026\n",
                [
                    "t.yaml:2: not valid YAML: mapping values are not allowed in this context; "
                    "put text holding ': ' in quotes"
                ],
            ),
            # a tab used for indentation
            (
                "events:\n\t- title: A\n",
                [
                    "t.yaml:2: not valid YAML: found character that "
                    "cannot start any token; indent with spaces"
                ],
            ),
            # a line indented one space short
            (
                "events:\n  - title: A\n    when: 2026\n   status: expected\n",
                [
                    "t.yaml:4: not valid YAML: did not find expected '-' indicator; indentation: "
                    "'status' has 1 space fewer than 'when' on line 3; line it up with 'when' "
                    "(4 spaces before 'status')"
                ],
            ),
        ],
    )
    def test_problem_is_reported_with_line_and_fix(
        self, tmp_path: Path, text: str, expected: list[str]
    ) -> None:
        problems = _problems(_write(tmp_path, "t.yaml", text))
        assert len(problems) == len(expected)
        for got, want in zip(problems, expected, strict=True):
            assert got.startswith(want.replace("t.yaml", str(tmp_path / "t.yaml"))), got

    def test_all_problems_at_once_in_file_order(self, tmp_path: Path) -> None:
        text = (
            "events:\n"
            "  - title: A\n"  # 2
            "    when: 2026-13\n"  # 3
            "    status: planned\n"  # 4
            "  - title: B\n"  # 5
            "    when: 2026\n"  # 6
            "    wen: 2026\n"  # 7
        )
        path = _write(tmp_path, "t.yaml", text)
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        assert [(p.line, p.field) for p in info.value.problems] == [
            (3, "when"),
            (4, "status"),
            (7, "wen"),
        ]
        assert str(info.value).startswith(f"3 problems in {path}:\n")

    def test_duplicate_ids_name_both_lines(self, tmp_path: Path) -> None:
        text = (
            "events:\n"
            "  - id: v4\n    title: A\n    when: 2026\n"  # 2-4
            "  - id: v4\n    title: B\n    when: 2027\n"  # 5-7
            "  - title: Same\n    when: 2026\n"  # 8-9
            "  - title: Same\n    when: 2027\n"  # 10-11
        )
        problems = _problems(_write(tmp_path, "t.yaml", text))
        assert [p.split(": ", 1)[1] for p in problems] == [
            "id: 'v4' is already the id of the event on line 2; ids must be unique",
            "title: 'same' is already the id of the event on line 8; ids must be unique"
            " (give one of them an 'id:')",
        ]
        assert problems[0].startswith(f"{tmp_path / 't.yaml'}:5:")
        assert problems[1].startswith(f"{tmp_path / 't.yaml'}:10:")

    def test_duplicates_are_found_even_in_rows_with_other_problems(self, tmp_path: Path) -> None:
        text = "events:\n  - title: A\n    when: 2026-13\n  - title: A\n    when: 2026\n"
        problems = _problems(_write(tmp_path, "t.yaml", text))
        assert [p.split(": ", 2)[1] for p in problems] == ["when", "title"]
        assert "'a' is already the id of the event on line 2" in problems[1]

    def test_no_objects_are_constructed(self, tmp_path: Path) -> None:
        # A tag asking for Python objects is refused, never run.
        text = (
            "events:\n  - title: !!python/object/apply:os.system ['echo pwned']\n    when: 2026\n"
        )
        problems = _problems(_write(tmp_path, "t.yaml", text))
        assert problems == [
            f"{tmp_path / 't.yaml'}:2: tag 'tag:yaml.org,2002:python/object/apply:os.system' "
            "is not allowed; data files hold plain text"
        ]

    def test_recursive_alias_is_refused(self, tmp_path: Path) -> None:
        problems = _problems(_write(tmp_path, "t.yaml", "events: &a\n  - *a\n"))
        assert any("an alias refers to a value that contains it" in p for p in problems)

    @pytest.mark.parametrize(
        ("scalar", "text"),
        [
            ("2026", "2026"),  # a bare year stays text, not a number
            ("2026-04-15", "2026-04-15"),  # a full date stays text, not a datetime.date
            ("'2026'", "2026"),  # quoted
        ],
    )
    def test_scalars_stay_the_text_typed(self, scalar: str, text: str) -> None:
        from timeline.formats._yaml import read

        data, _ = read(f"events:\n  - title: A\n    when: {scalar}\n")
        assert data["events"][0]["when"] == text


class TestJsonProblems:
    def test_content_problems_have_lines(self, tmp_path: Path) -> None:
        text = (
            "{\n"
            '  "events": [\n'
            '    {"title": "A",\n'  # 3
            '     "when": "2026-13"},\n'  # 4
            '    {"title": "B", "when": "2026",\n'  # 5
            '     "kind": 3}\n'  # 6
            "  ]\n"
            "}\n"
        )
        problems = _problems(_write(tmp_path, "t.json", text))
        base = str(tmp_path / "t.json")
        assert problems[0].startswith(f"{base}:4: when: '2026-13' is not a date")
        assert problems[1] == f'{base}:6: kind: must be text, not 3; write it in quotes: "3"'

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a trailing comma: json's own message and line
            (
                '{"events": [\n  {"title": "A", "when": "2026"},\n]}',
                ":3: not valid JSON: Expecting value (column 1); remove the comma before ']'",
            ),
            # single quotes, as Python writes a dict: the fix is named
            (
                "{'events': []}",
                ":1: not valid JSON: Expecting property name enclosed in double "
                "quotes (column 2); JSON needs double quotes",
            ),
            # a missing comma: the text where it goes wrong is quoted
            (
                '{"events": [{"title": "A" "when": "2026"}]}',
                """:1: not valid JSON: Expecting ','"""
                """ delimiter (column 27); check the JSON near '"when": "2026"}]}'""",
            ),
            # a key given twice, which json would silently accept
            (
                '{"events": [\n {"title": "A",\n  "title": "B", "when": "2026"}]}',
                ":3: title: given twice",
            ),
        ],
    )
    def test_syntax_problems(self, tmp_path: Path, text: str, expected: str) -> None:
        problems = _problems(_write(tmp_path, "t.json", text))
        assert len(problems) == 1
        assert problems[0].startswith(str(tmp_path / "t.json") + expected), problems[0]


class TestCsvProblems:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a bad date in row 3 (line 3): named by its column
            ("title,when\nA,2026\nB,2026-13\n", ["t.csv:3: when: '2026-13' is not a date"]),
            # a misspelt column, with the fix
            (
                "title,when,actor\nA,2026,X\n",
                ["t.csv:1: actor: unknown column; did you mean 'actors'?"],
            ),
            # a required column missing
            ("title\nA\n", ["t.csv:1: missing column 'when'"]),
            # the first source's fields are named by column
            (
                "title,when,source_title,source_published\nA,2026,S,2026-00\n",
                ["t.csv:2: source_published: '2026-00' is not a date"],
            ),
            # a source needs its title
            (
                "title,when,source_title,source_quote\nA,2026,,quoted\n",
                ["t.csv:2: source_title: missing 'title'"],
            ),
            # a nested cell that is not JSON
            (
                "title,when,claims\nA,2026,[{oops}]\n",
                ["t.csv:2: claims: not valid JSON"],
            ),
            # a JSON cell names what it should look like
            (
                "title,when,observations\nA,2026,$5bn\n",
                [
                    "t.csv:2: observations: not valid JSON (Expecting value at character 1); "
                    'write it like [{"when": "2026-03", "value": "$300 million"}]'
                ],
            ),
            # a list written with commas would be one actor "Tencent, WeChat": refused, with the fix
            (
                'title,when,actors\nA,2026,"Tencent, WeChat"\n',
                [
                    "t.csv:2: actors: 'Tencent, WeChat' holds a comma, but CSV lists are separated "
                    "by ';': write 'Tencent; WeChat', or a JSON list"
                ],
            ),
            # a separator we do not read: said so, not "unknown column" (';' and tab are read)
            (
                "title|when\nA|2026\n",
                ["t.csv:1: the header 'title|when' is one column: the file is separated by '|'"],
            ),
            # a field inside a JSON cell: column and position
            (
                'title,when,claims\nA,2026,"[{""stated"": ""2026-13""}]"\n',
                ["t.csv:2: claims[0].stated: '2026-13' is not a date"],
            ),
            # too many cells: an unquoted comma
            ("title,when\nA,2026,extra\n", ["t.csv:2: 3 cells but the header has 2 columns"]),
            # an empty file
            ("", ["t.csv: empty file: no header row"]),
        ],
    )
    def test_problem_is_reported_with_row_line_and_column(
        self, tmp_path: Path, text: str, expected: list[str]
    ) -> None:
        problems = _problems(_write(tmp_path, "t.csv", text))
        assert len(problems) == len(expected), problems
        for got, want in zip(problems, expected, strict=True):
            assert got.startswith(want.replace("t.csv", str(tmp_path / "t.csv"))), got

    def test_rows_after_a_multiline_cell_report_their_own_line(self, tmp_path: Path) -> None:
        text = 'title,when,description\nA,2026,"two\nlines"\nB,2026-13,\n'
        problems = _problems(_write(tmp_path, "t.csv", text))
        assert len(problems) == 1
        assert problems[0].startswith(f"{tmp_path / 't.csv'}:4: when: '2026-13' is not a date")

    @pytest.mark.parametrize(
        ("items", "cell"),
        [
            (["Tencent", "WeChat"], "Tencent; WeChat"),  # plain names joined
            (["a;b", "c"], '["a;b", "c"]'),  # a name with ';' needs JSON
            (["[x]"], '["[x]"]'),  # a name that looks like JSON
            (["Apple, Inc."], '["Apple, Inc."]'),  # a lone name with a comma needs JSON
            (["Apple, Inc.", "Tencent"], "Apple, Inc.; Tencent"),  # with ';' a comma is plain
        ],
    )
    def test_lists_are_joined_so_they_read_back(self, items: list[str], cell: str) -> None:
        from timeline.formats._csv import _split
        from timeline.formats._csv_writer import _join

        assert _join(items) == cell
        back = json.loads(cell) if cell.startswith("[") else _split(cell)
        assert back == items

    def test_a_name_with_a_comma_saves_and_loads(self, tmp_path: Path) -> None:
        # the comma check on reading must not refuse what save wrote
        tl = Timeline([Event(title="A", when=When.year(2026), actors=["Apple, Inc."])])
        tl.save(tmp_path / "t.csv")
        assert Timeline.load(tmp_path / "t.csv") == tl


class TestSchema:
    def test_schema_is_valid_json_schema(self) -> None:
        import jsonschema

        jsonschema.Draft202012Validator.check_schema(file_schema())

    def test_each_call_is_a_fresh_copy(self) -> None:
        schema = file_schema()
        schema["title"] = "changed"
        assert file_schema()["title"] != "changed"

    def test_schema_lists_the_same_fields_as_the_loader(self) -> None:
        from timeline.records._schema import CLAIM_FIELDS, EVENT_FIELDS, SOURCE_FIELDS

        defs = file_schema()["$defs"]
        assert tuple(defs["event"]["properties"]) == EVENT_FIELDS
        assert tuple(defs["source"]["properties"]) == SOURCE_FIELDS
        assert tuple(defs["claim"]["properties"]) == CLAIM_FIELDS


class TestProblemText:
    @pytest.mark.parametrize(
        ("problem", "text"),
        [
            (DataFileProblem("bad", file="a.yaml", line=3, field="when"), "a.yaml:3: when: bad"),
            (DataFileProblem("bad", file="a.yaml"), "a.yaml: bad"),  # no line
            (DataFileProblem("bad", field="records[0].when"), "<records>: records[0].when: bad"),
        ],
    )
    def test_str(self, problem: DataFileProblem, text: str) -> None:
        assert str(problem) == text

    def test_error_is_a_value_error(self) -> None:
        assert issubclass(DataFileError, ValueError)


class TestCollectorDuringLoads:
    """Readers pause the cyclic garbage collector while they build, and restore it as it was."""

    def test_the_collector_runs_again_after_a_load_and_after_a_failed_one(self) -> None:
        import gc

        from timeline import DataFileError
        from timeline.formats import loads

        assert gc.isenabled()
        assert len(loads('{"events": [{"title": "A", "when": "2026"}]}', "json")) == 1
        assert gc.isenabled()
        with pytest.raises(DataFileError):
            loads('{"events": [{"title": "A", "when": "Aprill 2026"}]}', "json")
        assert gc.isenabled()

    def test_a_collector_the_caller_paused_stays_paused(self) -> None:
        import gc

        from timeline.formats import loads

        gc.disable()
        try:
            loads("events:\n  - title: A\n    when: '2026'\n", "yaml")
            assert not gc.isenabled()
        finally:
            gc.enable()


class TestCsvDropsTheTimelinesText:
    """A CSV file holds events only: saving a name or description there says they are lost."""

    @pytest.mark.parametrize(
        ("name", "description", "said"),
        [
            ("AI race", None, "name 'AI race'"),
            (None, "A small tracker", "description 'A small tracker'"),
            ("AI race", "A small tracker", "name 'AI race' and description 'A small tracker'"),
        ],
    )
    def test_save_warns_naming_what_is_lost_and_the_fix(
        self, tmp_path: Path, name: str | None, description: str | None, said: str
    ) -> None:
        tl = Timeline([Event(title="A", when="2026")], name=name, description=description)
        path = tmp_path / "t.csv"
        with pytest.warns(TimelineWarning) as caught:
            tl.save(path)
        (message,) = [str(w.message) for w in caught]
        assert message.startswith(f"{path}: a CSV file holds events only, so the timeline's {said}")
        assert "save it as .yaml, .json or .parquet to keep them" in message
        # the events are written all the same
        assert Timeline.load(path).events == tl.events

    def test_dumps_warns_too(self) -> None:
        with pytest.warns(TimelineWarning, match="CSV text: a CSV file holds events only"):
            _io.dumps(Timeline(name="AI race"), "csv")

    def test_a_long_or_multiline_name_is_shown_short_on_one_line(self, tmp_path: Path) -> None:
        tl = Timeline(name="line one\nline two " + "x" * 200)
        path = tmp_path / "t.csv"
        with pytest.warns(TimelineWarning) as caught:
            tl.save(path)
        (message,) = [str(w.message) for w in caught]
        assert "\n" not in message and "'line one\\nline two xx" in message
        assert "x" * 60 not in message and len(message) - len(str(path)) < 250

    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".parquet"])
    def test_formats_that_keep_them_say_nothing(self, tmp_path: Path, suffix: str) -> None:
        if suffix == ".parquet":
            pytest.importorskip("pyarrow")
        _tracker().save(tmp_path / f"t{suffix}")  # warnings are errors in the suite

    def test_a_timeline_without_them_says_nothing(self, tmp_path: Path) -> None:
        Timeline([Event(title="A", when="2026")]).save(tmp_path / "t.csv")
