"""`timeline show/upcoming/overdue --json`: each event as the query shows it, now."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Any

import pendulum
import pytest

import timeline
from timeline import Event, Observation, Source, Target, Timeline, When
from timeline.cli import _args as _cli
from timeline.cli._main import main

ARTICLE = Source("AI race article", url="https://example.com/ai-race", published="2026-03-20")
LATER = Source("Follow-up", url="https://example.com/follow-up", published="2026-04-20")

KEYS = [
    "id",
    "title",
    "when",
    "status",
    "earliest",
    "latest",
    "precision",
    "end",
    "kind",
    "actors",
    "tags",
    "location",
    "description",
    "related",
    "first_expected",
    "slipped",
    "sources",
    "claims",
    "target",
    "observations",
    "url",
]


def _slipping() -> Timeline:
    """Events whose current state differs from their first statement, and plain ones."""
    return Timeline(
        [
            # promised for April, moved to May in April: the table says May
            Event(
                title="DeepSeek V4 release",
                when="2026-04",
                kind="model-release",
                actors=["DeepSeek"],
                related=["hybrid-model-3-0"],
                sources=[ARTICLE],
            ).revise(when="2026-05", stated="2026-04-20", source=LATER, note="delayed"),
            # expected in Q1, then it happened on a day
            Event(
                id="hybrid-model-3-0",
                title="Hybrid Model 3.0",
                when="2026-Q1",
                actors=["Tencent"],
                sources=[Source("No link", published="2026-01-05"), ARTICLE],
            ).revise(when="2026-03-02", status="happened", stated="2026-03-02"),
            # an instant keeps its offset
            Event(
                title="Launch stream",
                when=When.instant(
                    pendulum.datetime(2026, 4, 15, 10, tz=pendulum.fixed_timezone(8 * 3600))
                ),
            ),
            # a forum with an end: the span runs to the end's last day
            Event(title="Forum", when="2026-03-24", end="2026-03-27", status="happened"),
            # a deadline has no earliest; the target's figures come along
            Event(
                title="Guangzhou 10,000 AI-plus enterprises",
                when="by 2030",
                kind="policy-target",
                target=Target(
                    "AI-plus enterprises",
                    "10,000 enterprises",
                    "by 2030",
                    baseline=Observation("2025", "2,000 enterprises"),
                ),
                observations=[Observation("2026-03", "3,000 enterprises")],
            ),
        ],
        name="Slipping",
    )


@pytest.fixture(autouse=True)
def bundled(monkeypatch: pytest.MonkeyPatch) -> Timeline:
    sample = _slipping()
    monkeypatch.setattr(_cli, "_bundled", lambda: sample)
    return sample


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, dict[str, Any]]:
    code, out, _ = run(capsys, *argv, "--json")
    assert code == 0
    records = json.loads(out)
    assert isinstance(records, list)
    return {r["id"]: r for r in records}


def table_when(capsys: pytest.CaptureFixture[str], title: str) -> str:
    """The WHEN cell of the table row for ``title``."""
    _, out, _ = run(capsys, "show")
    lines = out.splitlines()
    start = lines[1].index("STATUS")
    row = next(line for line in lines[2:] if line.endswith(title))
    return row[:start].strip()


class TestCurrentState:
    def test_slipped_event_says_what_the_table_says(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        # the bug this fixes: the table said May, the JSON said April
        shown = table_when(capsys, "DeepSeek V4 release")
        record = as_json(capsys, "show")["deepseek-v4-release"]
        assert shown == record["when"] == "May 2026"
        assert (record["earliest"], record["latest"]) == ("2026-05-01", "2026-05-31")
        assert record["first_expected"] == "April 2026"
        assert record["slipped"] is True

    @pytest.mark.parametrize(
        ("event_id", "fields"),
        [
            # the slipped release: still expected, month precision
            (
                "deepseek-v4-release",
                {"status": "expected", "precision": "month", "end": None},
            ),
            # a claim made it happen on a day: current status and date, not the first
            (
                "hybrid-model-3-0",
                {
                    "when": "2 March 2026",
                    "status": "happened",
                    "earliest": "2026-03-02",
                    "latest": "2026-03-02",
                    "precision": "day",
                    "first_expected": "Q1 2026",
                },
            ),
            # an instant: ISO with its own offset, never silently UTC
            (
                "launch-stream",
                {
                    "earliest": "2026-04-15T10:00:00+08:00",
                    "latest": "2026-04-15T10:00:00+08:00",
                    "precision": "minute",
                },
            ),
            # an end: the span reaches the end's last day
            (
                "forum",
                {
                    "when": "24 March 2026",
                    "end": "27 March 2026",
                    "earliest": "2026-03-24",
                    "latest": "2026-03-27",
                },
            ),
            # a deadline: unbounded below
            (
                "guangzhou-10-000-ai-plus-enterprises",
                {"when": "by end of 2030", "earliest": None, "latest": "2030-12-31"},
            ),
        ],
    )
    def test_fields(
        self, capsys: pytest.CaptureFixture[str], event_id: str, fields: dict[str, Any]
    ) -> None:
        record = as_json(capsys, "show")[event_id]
        assert {k: record[k] for k in fields} == fields

    def test_every_object_has_every_key_in_order(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, _ = run(capsys, "show", "--json")
        assert code == 0
        records = json.loads(out)
        assert [r["id"] for r in records] == [e.id for e in bundled]  # timeline order
        for record in records:
            assert list(record) == KEYS

    def test_empty_values_are_null_false_or_empty_lists(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        record = as_json(capsys, "show")["launch-stream"]
        assert record["end"] is record["kind"] is record["url"] is record["target"] is None
        assert record["actors"] == record["sources"] == record["claims"] == []
        assert record["slipped"] is False

    def test_history_and_figures_are_records(self, capsys: pytest.CaptureFixture[str]) -> None:
        records = as_json(capsys, "show")
        v4 = records["deepseek-v4-release"]
        assert v4["claims"] == [
            {
                "stated": "20 April 2026",
                "when": "May 2026",
                "source": {
                    "title": "Follow-up",
                    "url": "https://example.com/follow-up",
                    "published": "20 April 2026",
                },
                "note": "delayed",
            }
        ]
        assert v4["sources"][0]["title"] == "AI race article"
        assert v4["related"] == ["hybrid-model-3-0"]
        target = records["guangzhou-10-000-ai-plus-enterprises"]
        assert target["target"] == {
            "metric": "AI-plus enterprises",
            "goal": "10,000 enterprises",
            "deadline": "by end of 2030",
            "baseline": {"when": "2025", "value": "2,000 enterprises"},
        }
        assert target["observations"] == [{"when": "March 2026", "value": "3,000 enterprises"}]

    @pytest.mark.parametrize(
        ("event_id", "url"),
        [
            ("deepseek-v4-release", "https://example.com/ai-race"),  # the first source's
            ("hybrid-model-3-0", "https://example.com/ai-race"),  # first has none: next one
            ("forum", None),  # no sources
        ],
    )
    def test_url(self, capsys: pytest.CaptureFixture[str], event_id: str, url: str | None) -> None:
        assert as_json(capsys, "show")[event_id]["url"] == url

    def test_as_of_shows_the_state_known_then(self, capsys: pytest.CaptureFixture[str]) -> None:
        # before the slip was reported, April was the expected date
        record = as_json(capsys, "show", "--as-of", "2026-04-01")["deepseek-v4-release"]
        assert (record["when"], record["slipped"], record["claims"]) == ("April 2026", False, [])


class TestQueries:
    @pytest.mark.parametrize(
        ("argv", "ids"),
        [
            # upcoming sees the slipped date: May is within 30 days of 20 April
            (["upcoming", "--as-of", "2026-04-20", "--within", "30d"], ["deepseek-v4-release"]),
            # in May the slipped release is not overdue: its current date is May
            (["overdue", "--as-of", "2026-05-15", "--actor", "DeepSeek"], []),
            # in June it is
            (["overdue", "--as-of", "2026-06-01", "--actor", "DeepSeek"], ["deepseek-v4-release"]),
        ],
    )
    def test_json_lists_what_the_table_lists(
        self,
        bundled: Timeline,
        capsys: pytest.CaptureFixture[str],
        argv: list[str],
        ids: list[str],
    ) -> None:
        code, out, err = run(capsys, *argv, "--json")
        assert (code, err) == (0, "")
        records = json.loads(out)
        assert [r["id"] for r in records] == ids
        assert all(r["when"] == "May 2026" for r in records)
        _, table, _ = run(capsys, *argv)
        rows = table.splitlines()[2:]
        assert len(rows) == len(ids)
        assert all(row.startswith("May 2026 ") for row in rows)
        assert all(row.endswith(bundled[i].title) for row, i in zip(rows, ids, strict=True))

    @pytest.mark.parametrize("command", ["upcoming", "overdue"])
    def test_stdout_is_json_and_the_day_goes_to_stderr(
        self, capsys: pytest.CaptureFixture[str], command: str
    ) -> None:
        code, out, err = run(capsys, command, "--json")
        assert code == 0
        assert isinstance(json.loads(out), list)
        assert f"{_dt.date.today().isoformat()} (today)" in err

    def test_help_documents_the_shape_and_points_to_convert(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, _ = run(capsys, "show", "--help")
        assert code == 0
        for key in KEYS:
            assert key in out
        assert "CURRENT" in out
        assert "timeline convert" in out


class TestNotADataFile:
    def test_convert_not_json_is_the_way_to_a_loadable_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "events.yaml"
        _slipping().save(path)
        assert run(capsys, "convert", str(path), str(tmp_path / "events.json"))[0] == 0
        assert Timeline.load(tmp_path / "events.json").events == _slipping().events
        # the report is refused by the loader rather than read back as the first statement
        code, out, _ = run(capsys, "show", str(path), "--json")
        assert code == 0
        with pytest.raises(timeline.DataFileError, match="unknown field"):
            Timeline.from_records(json.loads(out))
