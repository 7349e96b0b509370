"""`timeline track-record` and `timeline show --trend`: the command agrees with the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline import Event, Source, Timeline
from timeline.cli._main import main


def tracker(tmp_path: Path) -> Path:
    said = [Source("Wire", publisher="Wire", published="2026-01-05")]
    tl = Timeline(
        [
            Event(title="a1", when="2026-03", actors=["A"], kind="launch", sources=said).revise(
                stated="2026-03-31", when="2026-03-31", status="happened"
            ),
            # late, but only known to have happened after 2026-04-15
            Event(title="a2", when="2026-03", actors=["A"], sources=said).revise(
                stated="2026-04-20", when="2026-04-02", status="happened"
            ),
            Event(title="b1", when="2026-09", actors=["B"], sources=said),
        ],
        name="Tracker",
    )
    path = tmp_path / "tracker.yaml"
    tl.save(path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_bundled_dataset_on_its_publication_day_is_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "track-record", "--as-of", "2026-03-01")
    assert code == 0
    assert out.count("\n") == 1
    assert out.startswith("As of 2026-03-01, all ")
    assert "promises are pending" in out


@pytest.mark.parametrize("day", ["2026-04-15", "2026-04-20", "2026-06-01"])
def test_library_and_command_agree_as_of_a_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str
) -> None:
    path = tracker(tmp_path)
    code, out, _ = run(capsys, "track-record", str(path), "--as-of", day, "--json")
    assert code == 0
    report = json.loads(out)
    record = Timeline.load(path).track_record(as_of=day)
    assert report["as_of"] == day
    assert report["by"] == "actor"
    assert report["groups"] == json.loads(json.dumps(record.to_records()))
    assert report["total"]["promises"] == 3
    a = next(g for g in report["groups"] if g["group"] == "A")
    # a2 happened on 2 April, but that was said on 20 April: broken until then
    assert a["ids"]["broken" if day == "2026-04-15" else "late"] == ["a2"]


def test_text_table_and_grouping(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tracker(tmp_path)
    code, out, _ = run(capsys, "track-record", str(path), "--as-of", "2026-06-01", "--by", "kind")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("As of 2026-06-01, 3 promises: 1 kept, 1 late, 0 broken")
    assert lines[1].split()[:2] == ["KIND", "PROMISES"]
    assert [line.split()[0] for line in lines[2:]] == ["launch", "(no", "(all)"]


def test_default_day_is_today_and_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "track-record", str(tracker(tmp_path)))
    assert code == 0
    assert "(today)" in out.splitlines()[0]


def test_filters_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tracker(tmp_path)
    code, out, _ = run(capsys, "track-record", str(path), "--actor", "B", "--as-of", "2026-06-01")
    assert code == 0
    assert out == (
        "As of 2026-06-01, all 1 promise is pending: "
        "none has come due, happened or been cancelled.\n"
    )


def test_bad_grouping_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "track-record", "--by", "sector")
    assert code == 2
    # (argparse's "invalid choice: 'sector' (choose from ...)", reworded)
    assert "argument --by: 'sector' is not one of actor, kind, tag, precision, publisher" in err


class TestShowTrend:
    def test_writes_the_chart(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        out_file = tmp_path / "trend.svg"
        code, out, _ = run(
            capsys, "show", str(tracker(tmp_path)), "--trend", "-o", str(out_file),
            "--as-of", "2026-06-01",
        )  # fmt: skip
        assert code == 0
        assert (
            out == f"Wrote {out_file}: the milestone trend chart of 3 promises, as of 2026-06-01\n"
        )
        svg = out_file.read_text()
        assert 'id="tl-trend-line-a2"' in svg
        assert 'id="tl-trend-asof"' in svg

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["--trend"], "--trend draws a chart; name its file with -o"),
            (["-o", "x.png"], "-o writes the trend chart; add --trend"),
            (["--trend", "-o", "x.png", "--json"], "leave out --json"),
            (["--trend", "-o", "x.pdf"], "no .png or .svg suffix"),
        ],
    )
    def test_usage_errors(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        argv: list[str],
        message: str,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.chdir(tmp_path)
        code, out, err = run(capsys, "show", *argv)
        assert (code, out) == (2, "")  # usage, like every other misuse, before any work
        assert message in err and err.count("\n") == 1
        assert list(tmp_path.iterdir()) == []
        assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "actor", ["Acme\u202eInc", "Acme\x1b[2J", "Acme\r\nforged", "腾讯", "שלום"]
)
def test_columns_stay_aligned_whatever_the_group_holds(
    actor: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A control character is shown as an escape (several columns wide): the padding
    # must be measured on what is printed, or every column after it shifts.
    path = tmp_path / "t.yaml"
    Timeline(
        [
            Event(title="a", when="2026-01", actors=[actor]),
            Event(title="b", when="2026-02", actors=["Other"]),
        ]
    ).save(path)
    code, out, _ = run(capsys, "track-record", str(path), "--as-of", "2026-06-01")
    assert code == 0
    table = out.splitlines()[1:]
    assert len(table) == 4 and "\\x1b" not in actor
    ends = {_width(line) for line in table}
    assert len(ends) == 1, table


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.mark.parametrize(
    ("day", "overdue", "noted"),
    [
        # before "no new date" was said: both still April, both overdue
        ("2026-05-05", ["late", "model"], []),
        ("2026-06-01", ["late"], ["model"]),
    ],
)
def test_overdue_names_the_promises_past_due_with_no_date(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    day: str,
    overdue: list[str],
    noted: list[str],
) -> None:
    # April promised, then "postponed, no new date" (10 May): not overdue (no date), yet the
    # track record counts it broken once April has passed; `timeline overdue` said nothing.
    tl = Timeline(
        [
            Event(title="Model", when="2026-04", actors=["A"]).revise(
                when="TBD", stated="2026-05-10"
            ),
            Event(title="Late", when="2026-04", actors=["A"]),
        ]
    )
    path = tmp_path / "t.yaml"
    tl.save(path)
    code, out, err = run(capsys, "overdue", str(path), "--as-of", day, "--json")
    assert code == 0
    assert [e["id"] for e in json.loads(out)] == overdue  # stdout stays the overdue list
    if noted:
        assert err.splitlines()[-1] == (
            "timeline: note: 1 event past the last date promised, with no new date "
            "(not overdue: undated): model"
        )  # was: nothing
        assert set(noted) <= set(tl.track_record(as_of=day).total.broken_ids)
    else:
        assert "note" not in err
