"""``related:`` ids must name events in the same file (or records), with a did-you-mean."""

from __future__ import annotations

import warnings
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from csv_notes import csv_notes
from timeline import DataFileError, Event, Timeline, TimelineWarning, datasets
from timeline.cli._main import main
from timeline.records import _schema_read

# The same two events in each format: line 2/3 holds the first event, and the
# second event's related list points at the first by a near-miss id.
FILES = {
    "yaml": (
        "events:\n"
        "  - id: deepseek-v4-release\n"  # 2
        "    title: DeepSeek V4 release\n"
        "    when: April 2026\n"
        "  - title: Tencent Hybrid Model 3.0\n"  # 5
        "    when: April 2026\n"
        "    related:\n"  # 7
        "      - {first}\n"  # 8
        "      - {second}\n"  # 9
    ),
    "json": (
        "{{\n"
        '  "events": [\n'
        '    {{"id": "deepseek-v4-release", "title": "DeepSeek V4 release",\n'  # 3
        '     "when": "April 2026"}},\n'
        '    {{"title": "Tencent Hybrid Model 3.0", "when": "April 2026",\n'  # 5
        '     "related": [\n'  # 6
        '       "{first}",\n'  # 7
        '       "{second}"]}}\n'  # 8
        "  ]\n"
        "}}\n"
    ),
    "csv": (
        "id,title,when,related\n"
        "deepseek-v4-release,DeepSeek V4 release,April 2026,\n"  # 2
        ",Tencent Hybrid Model 3.0,April 2026,{first}; {second}\n"  # 3
    ),
}
# Where each format reports a problem with the first and the second related id.
LINES = {"yaml": (8, 9), "json": (7, 8), "csv": (3, 3)}


def _load(tmp_path: Path, fmt: str, first: str, second: str) -> Timeline:
    path = tmp_path / f"events.{fmt}"
    path.write_text(FILES[fmt].format(first=first, second=second), encoding="utf-8")
    return Timeline.load(path)


def _problems(tmp_path: Path, fmt: str, first: str, second: str) -> list[str]:
    with pytest.raises(DataFileError) as info:
        _load(tmp_path, fmt, first, second)
    base = str(tmp_path / f"events.{fmt}")
    return [str(p).replace(base, "F") for p in info.value.problems]


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
class TestFiles:
    @pytest.mark.parametrize(
        ("first", "second"),
        [
            # both name events in the file
            ("deepseek-v4-release", "tencent-hybrid-model-3-0"),
            # an event may name itself (an id in the file)
            ("tencent-hybrid-model-3-0", "deepseek-v4-release"),
        ],
    )
    def test_ids_in_the_file_load(self, tmp_path: Path, fmt: str, first: str, second: str) -> None:
        tl = _load(tmp_path, fmt, first, second)
        assert tl["tencent-hybrid-model-3-0"].related == (first, second)

    @pytest.mark.parametrize(
        ("first", "second", "expected"),
        [
            # a shortened id: the closest id is suggested
            (
                "deepseek-v4",
                "deepseek-v4-release",
                [
                    "{0}: related: 'deepseek-v4' is not the id of any event in this file; "
                    "did you mean 'deepseek-v4-release'?"
                ],
            ),
            # a title given instead of its id: the id it makes is suggested
            (
                "deepseek-v4-release",
                "Tencent Hybrid Model 3.0",
                [
                    "{1}: related: 'Tencent Hybrid Model 3.0' is not the id of any event in "
                    "this file; did you mean 'tencent-hybrid-model-3-0'?"
                ],
            ),
            # nothing close: says what to do instead
            (
                "qwen-4",
                "deepseek-v4-release",
                [
                    "{0}: related: 'qwen-4' is not the id of any event in this file; "
                    "use the id of one of its events, or remove it from related"
                ],
            ),
            # two at once, in file order
            (
                "deepseek-v3-release",
                "hybrid-model",
                [
                    "{0}: related: 'deepseek-v3-release' is not the id of any event in this "
                    "file; did you mean 'deepseek-v4-release'?",
                    "{1}: related: 'hybrid-model' is not the id of any event in this file; "
                    "did you mean 'tencent-hybrid-model-3-0'?",
                ],
            ),
        ],
    )
    def test_unknown_ids_are_problems_with_line_field_and_fix(
        self, tmp_path: Path, fmt: str, first: str, second: str, expected: list[str]
    ) -> None:
        one, two = LINES[fmt]
        want = [e.format(f"F:{one}", f"F:{two}") for e in expected]
        assert _problems(tmp_path, fmt, first, second) == want

    def test_reported_with_the_other_problems_nothing_half_loaded(
        self, tmp_path: Path, fmt: str
    ) -> None:
        path = tmp_path / f"events.{fmt}"
        text = FILES[fmt].format(first="deepseek-v4", second="deepseek-v4-release")
        path.write_text(text.replace("April 2026", "Aprill 2026", 1), encoding="utf-8")
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        messages = [p.message for p in info.value.problems]
        assert len(messages) == 2
        assert "'Aprill 2026' is not a date" in messages[0]  # the earlier line first
        assert "'deepseek-v4' is not the id of any event" in messages[1]


class TestOtherProblems:
    def test_an_event_with_problems_is_still_a_known_id(self, tmp_path: Path) -> None:
        # the first event's bad date is the only problem: its id is still named in the file
        path = tmp_path / "events.yaml"
        text = FILES["yaml"].format(first="deepseek-v4-release", second="deepseek-v4-release")
        path.write_text(text.replace("April 2026", "2026-13", 1), encoding="utf-8")
        with pytest.raises(DataFileError) as info:
            Timeline.load(path)
        assert [p.field for p in info.value.problems] == ["when"]

    def test_suggestions_are_bounded_but_every_id_is_reported(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(_schema_read, "_MAX_SUGGESTIONS", 1)
        rows = [{"title": "DeepSeek V4 release", "when": "2026-04"}] + [
            {"title": f"E{i}", "when": "2026", "related": ["deepseek-v4"]} for i in range(3)
        ]
        with pytest.raises(DataFileError) as info:
            Timeline.from_records(rows)
        messages = [p.message for p in info.value.problems]
        assert len(messages) == 3
        assert messages[0].endswith("did you mean 'deepseek-v4-release'?")
        assert all("did you mean" not in m for m in messages[1:])


class TestRecords:
    @pytest.mark.parametrize(
        ("rows", "expected"),
        [
            # plain records: named by record and field
            (
                [
                    {"title": "DeepSeek V4 release", "when": "2026-04"},
                    {"title": "B", "when": "2026", "related": ["deepseek-v4"]},
                ],
                "<records>: records[1].related: 'deepseek-v4' is not the id of any event in "
                "these records; did you mean 'deepseek-v4-release'?",
            ),
            # model values are checked the same way
            (
                [
                    Event(title="DeepSeek V4 release", when="2026-04"),
                    Event(title="B", when="2026", related=["deepseek-v4"]),
                ],
                "<records>: records[1].related: 'deepseek-v4' is not the id of any event in "
                "these records; did you mean 'deepseek-v4-release'?",
            ),
        ],
    )
    def test_from_records_gives_the_same_error(self, rows: list[Any], expected: str) -> None:
        with pytest.raises(DataFileError) as info:
            Timeline.from_records(rows)
        assert [str(p) for p in info.value.problems] == [expected]

    def test_consistent_records_load(self) -> None:
        rows = [
            {"title": "A", "when": "2026", "related": ["b"]},
            {"title": "B", "when": "2026", "related": ["a"]},
        ]
        assert Timeline.from_records(rows)["a"].related == ("b",)


class TestBundled:
    def test_the_bundled_dataset_loads_and_its_related_ids_resolve(self, tmp_path: Path) -> None:
        text = resources.files("timeline").joinpath("data", "ai_race_2026.yaml").read_text("utf-8")
        path = tmp_path / "ai_race_2026.yaml"
        path.write_text(text, encoding="utf-8")
        tl = Timeline.load(path)
        assert tl.events == datasets.ai_race_2026().events
        assert sum(len(e.related) for e in tl) > 0  # the check had something to check
        assert all(other in tl for e in tl for other in e.related)


class TestSave:
    @pytest.mark.parametrize("suffix", ["yaml", "json", "csv"])
    def test_a_filtered_timeline_saves_a_file_that_loads_and_says_what_it_left_out(
        self, tmp_path: Path, suffix: str
    ) -> None:
        race = datasets.ai_race_2026()
        releases = race.filter(kind="model-release", status="expected")
        outside = {o for e in releases for o in e.related if o not in releases}
        assert outside  # the filter left related events behind
        path = tmp_path / f"releases.{suffix}"
        with pytest.warns(TimelineWarning, match="related id") as said, csv_notes(releases, path):
            releases.save(path)
        message = str(said[0].message)
        assert all(repr(o) in message for o in outside)
        assert said[0].filename == __file__  # points at the caller's line
        back = Timeline.load(path)
        for event in back:
            kept = tuple(o for o in releases[event.id].related if o not in outside)
            assert event.related == kept

    def test_a_whole_timeline_saves_without_a_warning(self, tmp_path: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            datasets.ai_race_2026().save(tmp_path / "all.yaml")
        assert Timeline.load(tmp_path / "all.yaml").events == datasets.ai_race_2026().events


def test_check_command_lists_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(
        FILES["yaml"].format(first="deepseek-v4", second="deepseek-v4-release"), encoding="utf-8"
    )
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{path}:8: related: 'deepseek-v4' is not the id of any event in this file; "
        "did you mean 'deepseek-v4-release'?",
        f"{path}: 1 problem",
    ]
