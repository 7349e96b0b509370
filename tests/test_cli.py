"""The `timeline` command line: exit codes, output, files written."""

from __future__ import annotations

import datetime as _dt
import json
import subprocess
import sys
from html import escape as html_escape
from pathlib import Path

import icalendar
import pytest

import timeline
from csv_notes import csv_notes
from timeline import Event, Source, Timeline, When
from timeline.cli import _args as _cli
from timeline.cli._main import main
from timeline.display._table import cell_width, render, truncate

ARTICLE = Source("AI race article", published="2026-03~")


def _sample() -> Timeline:
    return Timeline(
        [
            Event(
                title="DeepSeek V4 release",
                when="2026-04",
                kind="model-release",
                actors=["DeepSeek"],
                tags=["llm"],
                sources=[ARTICLE],
            ),
            Event(
                title="Tencent Hybrid Model 3.0 release",
                when="2026-04",
                kind="model-release",
                actors=["Tencent"],
                tags=["llm"],
                description="In internal testing, may clash with DeepSeek V4.",
                sources=[ARTICLE],
            ),
            Event(
                id="hunyuan-cn",
                title="腾讯混元大模型 3.0 版本在四月份正式发布并开放给第三方开发者使用",
                when="2026-04",
                actors=["Tencent"],
            ),
            Event(title="Sora shut down", when="2026-03", status="happened", actors=["OpenAI"]),
            Event(
                title="Zhongguancun Forum",
                when="2026-03-24",
                end="2026-03-27",
                status="happened",
                kind="forum",
            ),
            Event(title="Agent marketplace opens", when="2026-01", actors=["Tencent"]),
            Event(
                title="Guangzhou 10,000 AI-plus enterprises",
                when=When.year(2030).by(),
                kind="policy-target",
                actors=["Guangzhou"],
            ),
        ],
        name="Sample race",
    )


@pytest.fixture
def bundled(monkeypatch: pytest.MonkeyPatch) -> Timeline:
    """Stand the sample in for the bundled dataset, so commands without FILE read it."""
    sample = _sample()
    monkeypatch.setattr(_cli, "_bundled", lambda: sample)
    return sample


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def titles(out: str) -> list[str]:
    """The TITLE cells of a piped table (header line and table header skipped)."""
    lines = out.splitlines()
    start = lines[1].index("TITLE")
    return [line[start:] for line in lines[2:]]


class TestTable:
    @pytest.mark.parametrize(
        ("text", "width"),
        [
            ("DeepSeek", 8),  # ASCII: one column each
            ("腾讯混元", 8),  # CJK: two columns each
            ("e\u0301", 1),  # a combining accent takes none
            ("", 0),
        ],
    )
    def test_cell_width(self, text: str, width: int) -> None:
        assert cell_width(text) == width

    @pytest.mark.parametrize(
        ("text", "width", "expected"),
        [
            ("Sora shut down", 20, "Sora shut down"),  # fits: unchanged
            ("Sora shut down", 8, "Sora sh…"),  # cut, ellipsis inside the width
            ("Sora shut down", 6, "Sora…"),  # the blank before the cut is dropped
            ("腾讯混元", 5, "腾讯…"),  # never half a wide character
            ("abc", 0, ""),
        ],
    )
    def test_truncate(self, text: str, width: int, expected: str) -> None:
        assert truncate(text, width) == expected
        assert cell_width(truncate(text, width)) <= max(width, 0)

    @pytest.mark.parametrize("width", [20, 40, 60, 80, 200])
    def test_render_fits_width(self, width: int) -> None:
        rows = [["2026-04", "expected", "Tencent, DeepSeek", "腾讯混元大模型 3.0 版本在四月份发布"]]
        lines = render(["WHEN", "STATUS", "ACTORS", "TITLE"], rows, width=width)
        assert all(cell_width(line) <= width for line in lines)
        assert set(lines[1]) == {"-", " "}  # a rule under the header

    @pytest.mark.parametrize(
        ("width", "headers"),
        [
            (140, ["WHEN", "KIND", "ACTORS", "TITLE"]),  # room for everything
            (60, ["WHEN", "ACTORS", "TITLE"]),  # KIND goes first
            (40, ["WHEN", "TITLE"]),  # then ACTORS, so the title stays readable
        ],
    )
    def test_render_drops_columns_rather_than_cut_the_title_to_nothing(
        self, width: int, headers: list[str]
    ) -> None:
        row = ["c. March 2026", "model-release", "Tencent, Liu Chi-ping", "T" * 60]
        lines = render(
            ["WHEN", "KIND", "ACTORS", "TITLE"],
            [row],
            width=width,
            flex=3,
            squeeze={2: 24, 1: 16},
            drop=(1, 2),
        )
        assert lines[0].split() == headers
        assert all(cell_width(line) <= width for line in lines)
        assert lines[2].startswith("c. March 2026  ")  # the date is never cut here

    def test_render_without_width_cuts_nothing(self) -> None:
        title = "x" * 300
        lines = render(["WHEN", "TITLE"], [["2026", title]], width=None)
        assert lines == ["WHEN  TITLE", f"2026  {title}"]  # no rule, no tabs, no trailing blanks


class TestShow:
    def test_piped_table_lists_every_event_in_order(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run(capsys, "show")
        assert (code, err) == (0, "")
        lines = out.splitlines()
        assert lines[0] == "Sample race: 7 events"
        assert lines[1].split() == ["WHEN", "STATUS", "KIND", "ACTORS", "TITLE"]
        assert titles(out) == [e.title for e in bundled]  # timeline order, nothing cut
        assert "\t" not in out
        assert all(line == line.rstrip() for line in lines)

    def test_event_with_end_shows_its_span(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str]
    ) -> None:
        forum = bundled["zhongguancun-forum"]
        _, out, _ = run(capsys, "show", "--kind", "forum")
        assert f"{forum.when} to {forum.end}" in out.splitlines()[2]

    @pytest.mark.parametrize(
        ("argv", "ids"),
        [
            # one value
            (["--actor", "openai"], ["sora-shut-down"]),
            # repeated: any of them
            (
                ["--actor", "DeepSeek", "--actor", "OpenAI"],
                ["sora-shut-down", "deepseek-v4-release"],
            ),
            # different options: all of them
            (
                ["--actor", "Tencent", "--kind", "model-release"],
                ["tencent-hybrid-model-3-0-release"],
            ),
            (["--status", "HAPPENED"], ["sora-shut-down", "zhongguancun-forum"]),
            (["--tag", "llm", "--status", "happened"], []),
            # text searches descriptions too; repeated means any
            (
                ["--text", "clash", "--text", "sora"],
                ["sora-shut-down", "tencent-hybrid-model-3-0-release"],
            ),
            # a window the events could fall in: the forum, and "March 2026" and
            # "by 2030" could too
            (
                ["--between", "2026-03-25", "2026-03-26"],
                ["sora-shut-down", "zhongguancun-forum", "guangzhou-10-000-ai-plus-enterprises"],
            ),
            (
                ["--between", "2029", "2030", "--kind", "policy-target"],
                ["guangzhou-10-000-ai-plus-enterprises"],
            ),
        ],
    )
    def test_filters(
        self,
        bundled: Timeline,
        capsys: pytest.CaptureFixture[str],
        argv: list[str],
        ids: list[str],
    ) -> None:
        code, out, _ = run(capsys, "show", *argv)
        assert code == 0
        if ids:
            assert titles(out) == [bundled[i].title for i in ids]
        else:
            assert len(out.splitlines()) == 1  # the heading, no table
        assert out.splitlines()[0] == f"Sample race: {len(ids)} of 7 events"

    def test_as_of_hides_what_was_not_yet_said(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str]
    ) -> None:
        _, out, _ = run(capsys, "show", "--as-of", "2026-02-15")
        shown = titles(out)
        assert "DeepSeek V4 release" not in shown  # its source is from about March 2026
        assert "Sora shut down" in shown  # no dated source: always known
        assert out.splitlines()[0].endswith("as known on 2026-02-15")

    def test_fits_the_terminal(
        self,
        bundled: Timeline,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setenv("COLUMNS", "60")
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        code, out, _ = run(capsys, "show")
        assert code == 0
        lines = out.splitlines()
        assert all(cell_width(line) <= 60 for line in lines)
        assert any(line.endswith("…") for line in lines)  # the long titles were cut
        assert set(lines[2]) == {"-", " "}

    def test_json_is_a_list_of_records(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run(capsys, "show", "--json", "--actor", "Tencent")
        assert (code, err) == (0, "")
        records = json.loads(out)
        assert [r["id"] for r in records] == [
            "agent-marketplace-opens",
            "hunyuan-cn",
            "tencent-hybrid-model-3-0-release",
        ]
        assert records[1]["title"].startswith("腾讯")  # not \u-escaped


class TestUnknownFilterValues:
    """A filter value no event has would silently match nothing: say so, with the fix."""

    @pytest.mark.parametrize(
        ("argv", "warned"),
        [
            # a misspelt kind: the near miss is named
            (
                ["--kind", "model-releas"],
                [
                    "--kind 'model-releas' matches no event in the timeline; "
                    "did you mean 'model-release'?"
                ],
            ),
            # a misspelt actor, next to a known one (any case): only the typo is named
            (
                ["--actor", "deepseek", "--actor", "Tencnet"],
                ["--actor 'Tencnet' matches no event in the timeline; did you mean 'Tencent'?"],
            ),
            # nothing close: check the spelling
            (
                ["--tag", "robots"],
                ["--tag 'robots' matches no event in the timeline; check the spelling"],
            ),
            # known values (any case): no warning
            (["--kind", "FORUM", "--tag", "llm"], []),
        ],
    )
    def test_warns_on_stderr(
        self,
        bundled: Timeline,
        capsys: pytest.CaptureFixture[str],
        argv: list[str],
        warned: list[str],
    ) -> None:
        code, _, err = run(capsys, "show", *argv)
        assert code == 0
        assert err.splitlines() == [f"timeline: warning: {w}" for w in warned]


class TestUpcomingOverdue:
    @pytest.mark.parametrize(
        ("argv", "heading", "ids"),
        [
            # 90 days from the end of March: April things; not "by 2030"
            (
                ["upcoming", "--as-of", "2026-03-28"],
                "Upcoming as of 2026-03-28, within 90d (to 2026-06-26): 3 events",
                ["deepseek-v4-release", "hunyuan-cn", "tencent-hybrid-model-3-0-release"],
            ),
            # filters narrow the result
            (
                ["upcoming", "--as-of", "2026-03-28", "--actor", "DeepSeek"],
                "Upcoming as of 2026-03-28, within 90d (to 2026-06-26): 1 event",
                ["deepseek-v4-release"],
            ),
            # too short a look-ahead
            (
                ["upcoming", "--as-of", "2026-03-01", "--within", "2w"],
                "No upcoming events as of 2026-03-01, within 2w (to 2026-03-15).",
                [],
            ),
            # January's promise has passed while still expected
            (
                ["overdue", "--as-of", "2026-03-28"],
                "Overdue as of 2026-03-28: 1 event",
                ["agent-marketplace-opens"],
            ),
            (["overdue", "--as-of", "2026-01-15"], "No overdue events as of 2026-01-15.", []),
        ],
    )
    def test_as_of(
        self,
        bundled: Timeline,
        capsys: pytest.CaptureFixture[str],
        argv: list[str],
        heading: str,
        ids: list[str],
    ) -> None:
        code, out, err = run(capsys, *argv)
        assert (code, err) == (0, "")
        assert out.splitlines()[0] == heading
        if ids:
            assert titles(out) == [bundled[i].title for i in ids]
        else:
            assert len(out.splitlines()) == 1

    @pytest.mark.parametrize("command", ["upcoming", "overdue"])
    def test_defaults_to_today_and_says_so(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str], command: str
    ) -> None:
        code, out, _ = run(capsys, command)
        assert code == 0
        assert f"as of {_dt.date.today().isoformat()} (today)" in out.splitlines()[0]

    def test_json_keeps_stdout_clean_and_names_the_day_on_stderr(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code, out, err = run(capsys, "overdue", "--json")
        assert code == 0
        assert isinstance(json.loads(out), list)
        assert f"{_dt.date.today().isoformat()} (today)" in err


class TestUsageErrors:
    @pytest.mark.parametrize(
        ("argv", "says"),
        [
            # no command at all: the help, on stderr
            ([], "usage: timeline"),
            # (argparse's "invalid choice: 'frobnicate' (choose from ...)", reworded)
            (["frobnicate"], "'frobnicate' is not a command; use one of show, track-record"),
            # a date that is not one: quoted, with the fix
            (["upcoming", "--as-of", "2026-13"], "'2026-13' is not a date"),
            (["show", "--as-of", "yesterday-ish"], "write a date such as 2026-03-28"),
            (["show", "--between", "2026", "nope"], "'nope' is not a date"),
            # an empty date says so once, with one fix
            (["show", "--as-of", ""], "'' is empty; write a date such as 2026-03-28"),
            # the parser's list of forms is the fix: not followed by a second one
            (["show", "--as-of", "2026 second half"], "'by end of 2030')\n"),
            (["show", "--as-of", "from 2026"], "or 'not before 2026'\n"),
            # the parser's suggestion is passed on
            (["show", "--between", "Aprill 2026", "2027"], "did you mean 'April 2026'?"),
            # relative phrases are refused, showing what they would mean today
            (["show", "--as-of", "next month"], "'next month' is relative; write the date itself"),
            (["show", "--between", "2027", "2026"], "give the earlier date first"),
            # an undated bound says nothing about a window: refused, one line, with the fix
            # (the library's refusal, relayed: `Timeline.overlapping` refuses the same)
            (["show", "--between", "TBD", "2026"], "start 'date not announced' has no date"),
            (["upcoming", "--between", "2026", "unknown"], "end 'date not announced' has no"),
            (["show", "--between", "2026", "2027/"], "end '2027 to unknown end' has an unknown"),
            (["show", "--status", "planned"], "'planned' is not a status; use one of expected"),
            # a blank search would match every event
            (["show", "--text", " "], "--text: ' ' is blank; give words to search for"),
            (["upcoming", "--within", "soon"], "'soon' is not a duration; write e.g. 90d"),
            # the feed's options are checked before anything is read or written (was exit 1,
            # and `-o` wrote nothing only because the check came late)
            (["export", "--domain", "bad domain"], "--domain: 'bad domain' is not a domain name"),
            (["export", "--domain", "a@b.org", "-o", "f.ics"], "--domain: 'a@b.org' is not"),
            (["export", "--name", "  "], "--name: '  ' is empty; give the feed a name"),
            # a window past the calendar is a usage mistake however it is reached: a long
            # --within from today, or the default 90d from a late --as-of (was exit 1)
            (
                ["upcoming", "--as-of", "9999-12-31"],
                "--within '90d' from --as-of 9999-12-31 reaches past the year 9999; "
                "give a shorter --within or an earlier --as-of",
            ),
            (["upcoming", "--as-of", "9999-11-15", "--within", "2m"], "--within '2m' from"),
            (["show", "events.txt"], "'events.txt' has suffix '.txt'; use a .yaml"),
            (["convert", "a.yaml", "b"], "'b' has no suffix"),
            # a feed where a data file goes: the command that reads or writes it
            (["show", "feed.ics"], "it is a feed: import it first with `timeline convert feed.ics"),
            (["check", "feed.ics"], "import it first with `timeline convert feed.ics events.yaml`"),
            (["convert", "a.yaml", "b.ics"], "`timeline export DATA -o feed.ics` writes a feed"),
            (["check"], "the following arguments are required: FILE"),
            # machine output is for the listing commands; a feed is already machine output
            # (argparse's "unrecognized arguments: --json" now quotes it and names the help)
            (
                ["export", "--json"],
                "'--json' is not an option of `timeline export`; see `timeline export --help`",
            ),
        ],
    )
    def test_exit_2_on_stderr(
        self,
        bundled: Timeline,
        capsys: pytest.CaptureFixture[str],
        argv: list[str],
        says: str,
    ) -> None:
        code, out, err = run(capsys, *argv)
        assert code == 2
        assert out == ""
        assert says in err
        assert "Traceback" not in err

    @pytest.mark.parametrize("bounds", [["TBD", "2026"], ["2026", "date not announced"]])
    def test_an_undated_between_bound_is_one_line(
        self, capsys: pytest.CaptureFixture[str], bounds: list[str]
    ) -> None:
        code, out, err = run(capsys, "show", "--between", *bounds)
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and err.startswith("timeline: error: --between:")
        assert "give a date such as '2026-04', or for an open window" in err


class TestDataErrors:
    @pytest.mark.parametrize(
        ("argv", "says"),
        [
            (["show", "missing.yaml"], "data file 'missing.yaml' does not exist; check the path"),
            (["check", "missing.csv"], "'missing.csv' does not exist"),
        ],
    )
    def test_missing_file(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        argv: list[str],
        says: str,
    ) -> None:
        monkeypatch.chdir(tmp_path)
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, "")
        assert says in err

    def test_folder_is_not_a_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        folder = tmp_path / "events.yaml"
        folder.mkdir()
        code, _, err = run(capsys, "show", str(folder))
        assert code == 1
        assert "is a folder" in err


def _feed(data: bytes) -> icalendar.Calendar:
    """The feed read by an independent parser."""
    calendar: icalendar.Calendar = icalendar.Calendar.from_ical(data)
    return calendar


def _uids(calendar: icalendar.Calendar) -> list[str]:
    return [str(c["UID"]).split("@")[0] for c in calendar.walk("VEVENT")]


class TestExport:
    def test_writes_the_feed(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "feed.ics"
        code, out, err = run(capsys, "export", "-o", str(path))
        assert (code, err) == (0, "")
        assert out == f"Wrote {path}: feed 'Sample race', 7 events\n"
        calendar = _feed(path.read_bytes())
        assert str(calendar["X-WR-CALNAME"]) == "Sample race"
        assert sorted(_uids(calendar)) == sorted(e.id for e in bundled)

    @pytest.mark.skipif(sys.platform == "win32", reason="file names there are Unicode")
    def test_the_feed_named_by_a_file_name_not_utf_8(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        # b"caf\xe9.yaml" (a Latin-1 name): the feed was named "caf", the byte dropped unseen.
        import os

        source = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.yaml"))
        Timeline([Event(title="A", when="2026")]).save(source)
        path = tmp_path / "feed.ics"
        code, out, _ = run(capsys, "export", str(source), "-o", str(path))
        assert code == 0
        assert str(_feed(path.read_bytes())["X-WR-CALNAME"]) == "caf\ufffd"
        assert out == f"Wrote {path}: feed 'caf\ufffd', 1 event\n"

    def test_filters_name_and_domain(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "tencent.ics"
        argv = ["-o", str(path), "--actor", "Tencent", "--name", "Tencent watch"]
        code, out, _ = run(capsys, "export", *argv, "--domain", "example.org")
        assert code == 0
        assert out == f"Wrote {path}: feed 'Tencent watch', 3 events\n"
        calendar = _feed(path.read_bytes())
        assert str(calendar["X-WR-CALNAME"]) == "Tencent watch"
        assert all(str(c["UID"]).endswith("@example.org") for c in calendar.walk("VEVENT"))
        assert sorted(_uids(calendar)) == [
            "agent-marketplace-opens",
            "hunyuan-cn",
            "tencent-hybrid-model-3-0-release",
        ]

    def test_to_stdout_keeps_crlf(
        self, bundled: Timeline, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        code = main(["export", "--kind", "forum"])
        out, err = capsysbinary.readouterr()
        assert (code, err) == (0, b"")
        assert out.startswith(b"BEGIN:VCALENDAR\r\n")
        assert out.endswith(b"END:VCALENDAR\r\n")
        assert b"\n" not in out.replace(b"\r\n", b"")
        assert _uids(_feed(out)) == ["zhongguancun-forum"]

    def test_cancelled_are_left_out_unless_asked(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        sample = _sample().add(Event(title="Cancelled launch", when="2026-05", status="cancelled"))
        monkeypatch.setattr(_cli, "_bundled", lambda: sample)
        path = tmp_path / "feed.ics"
        _, out, _ = run(capsys, "export", "-o", str(path))
        assert out.endswith(", 7 events (1 cancelled left out; --include-cancelled keeps them)\n")
        _, out, _ = run(capsys, "export", "-o", str(path), "--include-cancelled")
        assert out.endswith(", 8 events\n")
        assert "cancelled-launch" in _uids(_feed(path.read_bytes()))

    def test_says_what_the_feed_could_not_hold(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        sample = _sample().add(Event(title="End of days", when="XXXX-12-31"))
        monkeypatch.setattr(_cli, "_bundled", lambda: sample)
        code, out, err = run(capsys, "export", "-o", str(tmp_path / "feed.ics"))
        assert code == 0
        assert out.endswith("feed 'Sample race', 7 events\n")  # what the feed holds
        assert err.startswith("timeline: warning: left 1 event(s) out of the feed")
        assert "'end-of-days'" in err

    def test_to_stdout_says_what_it_left_out(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Piped, the feed is the output: what it left out is said on stderr, as -o says it.
        sample = _sample().add(Event(title="Cancelled launch", when="2026-05", status="cancelled"))
        sample = sample.add(Event(title="Someday", when="TBD"))
        monkeypatch.setattr(_cli, "_bundled", lambda: sample)
        code, out, err = run(capsys, "export")
        assert code == 0 and out.startswith("BEGIN:VCALENDAR")
        assert err == (
            "timeline: note: the feed holds 7 events (1 cancelled left out; "
            "--include-cancelled keeps them; 1 undated left out: a feed event needs a date)\n"
        )

    def test_an_empty_file_is_not_called_a_filter_miss(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        data = tmp_path / "empty.yaml"
        data.write_text("events: []\n", encoding="utf-8")
        code, _, err = run(capsys, "export", str(data), "-o", str(tmp_path / "f.ics"))
        assert code == 0
        assert err == f"timeline: warning: {str(data)!r} has no events; the feed is empty\n"

    def test_feed_name_falls_back_to_the_file_stem(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        data = tmp_path / "tracker.csv"  # CSV keeps no name
        with csv_notes(_sample(), data):
            _sample().save(data)
        code, out, _ = run(capsys, "export", str(data), "-o", str(tmp_path / "t.ics"))
        assert code == 0
        assert "feed 'tracker'" in out

    def test_empty_selection_warns(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, _, err = run(capsys, "export", "-o", str(tmp_path / "f.ics"), "--actor", "Nobody")
        assert code == 0
        assert "no events match the filters; the feed is empty" in err
        assert _uids(_feed((tmp_path / "f.ics").read_bytes())) == []

    @pytest.mark.parametrize("name", ["feed.yaml", "feed.json", "feed"])
    def test_a_feed_needs_an_ics_suffix(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
    ) -> None:
        # a usage error, said before anything is read or written
        code, out, err = run(capsys, "export", "-o", str(tmp_path / name))
        assert (code, out) == (2, "")
        assert err.count("\n") == 1
        assert f"'{tmp_path / name}' has no .ics suffix; name it e.g. feed.ics" in err
        assert list(tmp_path.iterdir()) == []

    def test_missing_folder(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        code, out, err = run(capsys, "export", "-o", str(tmp_path / "nope" / "feed.ics"))
        assert (code, out) == (1, "")
        assert "does not exist; create it" in err


class TestDemo:
    def test_prints_and_writes(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        folder = tmp_path / "demo-out"  # created when missing
        code, out, _ = run(capsys, "demo", "--out", str(folder))
        assert code == 0
        assert out.startswith("Sample race: 7 events\n")
        assert titles(out.split("\n\n")[0]) == [e.title for e in bundled]
        feed = folder / "sample-race.ics"
        assert f"Wrote {feed}: the iCalendar feed, 7 events" in out
        assert sorted(_uids(_feed(feed.read_bytes()))) == sorted(e.id for e in bundled)
        page = folder / "sample-race.html"
        assert f"Wrote {page}: the HTML page, 7 events" in out
        html = page.read_text(encoding="utf-8")
        assert html.lstrip().lower().startswith("<!doctype html")
        assert all(html_escape(e.title) in html for e in bundled)

    @pytest.mark.parametrize("where", ["a-file/out", "a-file"])
    def test_a_folder_that_cannot_be_made_fails_first(
        self, bundled: Timeline, capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str
    ) -> None:
        # --out under (or at) a file: one line naming the folder and the fix, before any table.
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
        code, out, err = run(capsys, "demo", "--out", str(tmp_path / where))
        assert (code, out) == (1, "")
        assert err.startswith(f"timeline: error: cannot write to folder {str(tmp_path / where)!r}")
        assert "--out" in err and err.count("\n") == 1

    def test_writes_to_the_current_folder_by_default(
        self,
        bundled: Timeline,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.chdir(tmp_path)
        assert run(capsys, "demo")[0] == 0
        assert sorted(p.name for p in tmp_path.iterdir()) == ["sample-race.html", "sample-race.ics"]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"timeline {timeline.__version__}\n", "")


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("show", "upcoming", "overdue", "export", "check", "convert", "schema", "demo"):
        assert f"    {command}" in out


def test_python_dash_m_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        f"timeline {timeline.__version__}\n",
        "",
    )


# -- data files -------------------------------------------------------------------------------

BAD_FILES = {
    # format: (file text, where each problem is and a word it names, in file order);
    # the loader's exact wording is its own tests' business.
    "yaml": (
        "name: Bad\n"
        "events:\n"
        "  - title: DeepSeek V4 release\n"
        "    when: Aprill 2026\n"
        "    status: planned\n",
        [("bad.yaml:4: when:", "'Aprill 2026'"), ("bad.yaml:5: status:", "'planned'")],
    ),
    "json": (
        '{"events": [\n  {"title": "x", "when": "2026-13"},\n  {"title": "y"}\n]}\n',
        [("bad.json:2: when:", "'2026-13'"), ("bad.json:3:", "when")],
    ),
    "csv": (
        "title,when,status\nx,Q5 2026,expected\ny,2026-04,planned\n",
        [("bad.csv:2: when:", "'Q5 2026'"), ("bad.csv:3: status:", "'planned'")],
    ),
}


class TestCheck:
    @pytest.mark.parametrize("suffix", ["yaml", "yml", "json", "csv"])
    def test_valid_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
    ) -> None:
        path = tmp_path / f"events.{suffix}"
        with csv_notes(_sample(), path):
            _sample().save(path)
        code, out, err = run(capsys, "check", str(path))
        assert (code, out, err) == (0, f"{path}: 7 events, 0 problems\n", "")

    def test_one_event_is_singular(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        Timeline([Event(title="x", when="2026")]).save("one.yaml")
        assert run(capsys, "check", "one.yaml") == (0, "one.yaml: 1 event, 0 problems\n", "")

    def test_a_file_that_stops_reading_counts_what_was_found(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        # Was "t.csv: 1001 problems": the line saying where reading stopped counted as one.
        path = tmp_path / "t.csv"
        path.write_text(
            "title,when\n" + "".join(f"E{i},Aprill 2026\n" for i in range(1500)), encoding="utf-8"
        )
        code, out, err = run(capsys, "check", str(path))
        assert (code, out) == (1, "")
        assert err.splitlines()[-1] == (
            f"{path}: 1,000 problems before reading stopped (line 1002); there may be more"
        )

    @pytest.mark.parametrize("suffix", sorted(BAD_FILES))
    def test_bad_file_lists_every_problem(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        suffix: str,
    ) -> None:
        text, problems = BAD_FILES[suffix]
        monkeypatch.chdir(tmp_path)
        Path(f"bad.{suffix}").write_text(text, encoding="utf-8")
        code, out, err = run(capsys, "check", f"bad.{suffix}")
        assert (code, out) == (1, "")
        lines = err.splitlines()
        assert len(lines) == len(problems) + 1
        for line, (place, word) in zip(lines, problems, strict=False):
            assert line.startswith(place)
            assert word in line
        assert lines[-1] == f"bad.{suffix}: {len(problems)} problems"
        assert "Traceback" not in err

    def test_other_commands_report_the_same_problems(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        Path("bad.yaml").write_text(BAD_FILES["yaml"][0], encoding="utf-8")
        code, out, err = run(capsys, "show", "bad.yaml")
        assert (code, out) == (1, "")
        assert err.startswith("timeline: error: 2 problems in bad.yaml:\n")
        assert "bad.yaml:4: when: 'Aprill 2026' is not a date" in err

    def test_not_utf8(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "events.json"
        path.write_bytes(b"\xff\xfe{")
        code, _, err = run(capsys, "check", str(path))
        assert code == 1
        assert "is not UTF-8 text; save it as UTF-8" in err


class TestShowFile:
    def test_reads_the_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "events.csv"  # CSV keeps no name: the heading names the file
        with csv_notes(_sample(), path):
            _sample().save(path)
        code, out, _ = run(capsys, "show", str(path), "--status", "happened")
        assert code == 0
        assert out.splitlines()[0] == f"{path}: 2 of 7 events"
        assert titles(out) == ["Sora shut down", "Zhongguancun Forum"]


class TestConvert:
    def test_round_trip_through_every_format(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        _sample().save("a.yaml")
        for source, target, kind in [
            ("a.yaml", "b.csv", "CSV"),
            ("b.csv", "c.json", "JSON"),
            ("c.json", "d.yml", "YAML"),
        ]:
            code, out, err = run(capsys, "convert", source, target)
            # Only CSV leaves the sample's name behind, and says so with the formats that keep it.
            lost = (
                f"timeline: warning: {target}: a CSV file holds events only, so the timeline's "
                "name 'Sample race' is not written; save it as .yaml, .json or .parquet to "
                "keep them (or build the timeline without them to write its events alone)\n"
            )
            assert (code, err) == (0, lost if kind == "CSV" else "")
            assert out == f"Wrote {target} ({kind}): 7 events from {source}\n"
        assert Timeline.load("d.yml").events == _sample().events

    def test_keeps_an_existing_file_unless_forced(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        _sample().save("a.yaml")
        Path("b.json").write_text("precious", encoding="utf-8")
        code, out, err = run(capsys, "convert", "a.yaml", "b.json")
        # a usage mistake, fixed by an option: exit 2, as `extract -o EXISTING` (was 1)
        assert (code, out) == (2, "")
        assert "output 'b.json' already exists; add --force to replace it" in err
        assert Path("b.json").read_text(encoding="utf-8") == "precious"
        assert run(capsys, "convert", "a.yaml", "b.json", "--force")[0] == 0
        assert len(Timeline.load("b.json")) == 7

    @pytest.mark.parametrize(
        "spelling",
        [
            "a.yaml",  # the input's own name, given twice
            "./a.yaml",  # another spelling of the same path
            "sub/../a.yaml",  # through a folder and back
            "{tmp}/a.yaml",  # the absolute path
        ],
    )
    def test_onto_itself_needs_force(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        spelling: str,
    ) -> None:
        # `convert c.yaml c.yaml` rewrote the file in the library's layout, its comments
        # dropped without a word; it replaces an existing file, so it asks for --force
        # like `convert a.yaml b.json` onto an existing b.json (exit 2, input kept).
        monkeypatch.chdir(tmp_path)
        Path("sub").mkdir()
        text = "# kept by hand: check the April date\nevents:\n- {title: A, when: 2026}\n"
        Path("a.yaml").write_text(text, encoding="utf-8")
        target = spelling.format(tmp=tmp_path)
        code, out, err = run(capsys, "convert", "a.yaml", target)
        assert (code, out) == (2, "")
        assert err == (
            f"timeline: error: output {target!r} is the input 'a.yaml' itself: converting a "
            "file onto itself rewrites it in the library's layout, and what the format does "
            "not keep (YAML comments, key order, spacing) is lost; add --force to rewrite it "
            "in place, or write to a new file\n"
        )
        assert Path("a.yaml").read_text(encoding="utf-8") == text
        code, out, err = run(capsys, "convert", "a.yaml", target, "--force")
        assert (code, err) == (0, "")
        assert Path("a.yaml").read_text(encoding="utf-8").startswith("events:\n  - id: a\n")

    def test_missing_output_folder(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        _sample().save("a.yaml")
        code, _, err = run(capsys, "convert", "a.yaml", "out/b.csv")
        assert code == 1
        assert "folder 'out' does not exist; create it" in err

    def test_bad_input_writes_nothing(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        Path("bad.yaml").write_text(BAD_FILES["yaml"][0], encoding="utf-8")
        assert run(capsys, "convert", "bad.yaml", "out.csv")[0] == 1
        assert not Path("out.csv").exists()


class TestOutputIsTheInput:
    """An output that is the input under another name: refused, the input left as it was.

    `timeline convert a.yaml link.json` with link.json -> a.yaml wrote JSON into a.yaml
    without --force (a file that is the input was taken for "the same file, in place").
    """

    @staticmethod
    def _alias(kind: str, real: Path, name: str) -> Path:
        other = real.parent / name
        if kind == "symbolic link":
            other.symlink_to(real.name)
        elif kind == "hard link":
            other.hardlink_to(real)
        else:  # the same name, reached through a link to its folder
            (real.parent / "via").symlink_to(".")
            other = real.parent / "via" / real.name
        return other

    _KINDS = ("symbolic link", "hard link", "folder link")

    @pytest.mark.parametrize("kind", _KINDS)
    @pytest.mark.parametrize("force", [False, True])
    def test_convert_refuses(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        kind: str,
        force: bool,
    ) -> None:
        monkeypatch.chdir(tmp_path)
        _sample().save("a.yaml")
        before = Path("a.yaml").read_bytes()
        name = "a.yaml" if kind == "folder link" else "link.json"
        out = self._alias(kind, tmp_path / "a.yaml", name)
        target = str(out.relative_to(tmp_path))
        code, stdout, err = run(capsys, "convert", "a.yaml", target, *["--force"] * force)
        # A usage mistake (the data is fine): exit 2, as onto an existing file (was 1).
        assert (code, stdout) == (2, "")
        assert err.startswith(
            f"timeline: error: output {target!r} is the input 'a.yaml' under another name ("
        )
        assert "writing it would replace the input; write to a new file" in err
        assert Path("a.yaml").read_bytes() == before
        assert out.exists() and (kind != "symbolic link" or out.is_symlink())

    @pytest.mark.parametrize("kind", ["symbolic link", "hard link"])
    def test_export_refuses(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        kind: str,
    ) -> None:
        # export -o feed.ics, feed.ics -> a.yaml: the feed replaced the data file.
        monkeypatch.chdir(tmp_path)
        _sample().save("a.yaml")
        before = Path("a.yaml").read_bytes()
        self._alias(kind, tmp_path / "a.yaml", "feed.ics")
        code, stdout, err = run(capsys, "export", "a.yaml", "-o", "feed.ics")
        assert (code, stdout) == (2, "")
        assert "output 'feed.ics' is the input 'a.yaml' under another name (" in err
        assert Path("a.yaml").read_bytes() == before

    def test_extract_refuses_even_forced(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        article = "Tencent's model is slated for an April 2026 release.\n"
        Path("article.txt").write_text(article, encoding="utf-8")
        Path("draft.yaml").symlink_to("article.txt")
        code, stdout, err = run(capsys, "extract", "article.txt", "-o", "draft.yaml", "--force")
        assert (code, stdout) == (2, "")
        assert "output 'draft.yaml' is the input 'article.txt' under another name (" in err
        assert Path("article.txt").read_text(encoding="utf-8") == article

    @pytest.mark.parametrize("command", [["convert", "", "b.json"], ["show", ""], ["check", ""]])
    def test_an_empty_input_name(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        command: list[str],
    ) -> None:
        # '' is the current folder to the system: "'' is a folder; give a data file".
        monkeypatch.chdir(tmp_path)
        code, stdout, err = run(capsys, *command)
        assert (code, stdout) == (1, "")
        assert err == "timeline: error: the data file's name is empty; give its path\n"
        assert list(tmp_path.iterdir()) == []

    def test_convert_into_the_dataset_it_reads(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # A new file in the folder read would join the dataset: read twice next time.
        pytest.importorskip("pyarrow")
        monkeypatch.chdir(tmp_path)
        Path("data").mkdir()
        _sample().save("data/part-0.parquet")
        code, stdout, err = run(capsys, "convert", "data", "data/all.parquet")
        assert (code, stdout) == (2, "")  # a usage mistake, as any output that is the input
        assert "output 'data/all.parquet' is inside the input folder 'data'" in err
        assert sorted(p.name for p in Path("data").iterdir()) == ["part-0.parquet"]
        # A feed beside the dataset's files does not join it.
        assert run(capsys, "export", "data", "-o", "data/feed.ics")[0] == 0
        assert len(Timeline.load("data")) == 7


def test_schema_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "events" in schema["properties"]


class TestBundled:
    """The real bundled dataset, end to end."""

    def test_show(self, capsys: pytest.CaptureFixture[str]) -> None:
        from timeline.datasets import ai_race_2026

        bundled = ai_race_2026()
        code, out, err = run(capsys, "show")
        assert (code, err) == (0, "")
        assert out.splitlines()[0] == f"{bundled.name}: {len(bundled)} events"
        assert titles(out) == [e.title for e in bundled]

    def test_demo(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.chdir(tmp_path)
        code, out, _ = run(capsys, "demo")
        assert code == 0
        feed = _feed((tmp_path / "ai-race-2026.ics").read_bytes())
        assert str(feed["X-WR-CALNAME"]) == "AI race 2026"
        assert f"Wrote ai-race-2026.ics: the iCalendar feed, {len(_uids(feed))} events" in out
        assert "Wrote ai-race-2026.html: the HTML page" in out
        assert (tmp_path / "ai-race-2026.html").stat().st_size > 0
