"""Hostile but valid timelines through every format, and saves that fail half-way.

Every data-file format (YAML, JSON, CSV, Parquet, Arrow in memory) gives back the
timeline it was given, whatever text and dates it holds (`hostile_timelines`):
look-alikes of numbers, dates and YAML keywords, formulas, right-to-left and
combining text, control characters, very long text, ids at the edge of the id
rule, dates at the calendar's ends. CSV holds events only: a timeline's name and
description are documented as not kept, and ``fiscal_years`` are refused naming
the formats that keep them. Our own iCalendar feeds come back exactly, except
what the export policy documents as left out (undated events, and events
iCalendar cannot place, with a warning naming them). A save that fails at any
point leaves the old file as it was and no temporary file behind.

Explicit examples of each problem found are plain tests; the properties run a
few dozen examples here and thousands under ``make fuzz``.
"""

from __future__ import annotations

import itertools
import os
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csv_notes import LOST, csv_notes
from data_strategies import hostile_timelines
from fuzzing import examples
from timeline import Claim, DataFileError, Event, Source, Timeline, TimelineWarning
from timeline.cli import main

pa = pytest.importorskip("pyarrow")


# A hostile timeline takes about a third of a second through a format: `make fuzz` runs
# 1,000 of them per property (some minutes each), `make test` a handful.
_LONG = 1_000


def _settings(modest: int) -> settings:
    return settings(
        max_examples=examples(modest, _LONG),
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.data_too_large,
        ],
    )


def _events_only(tl: Timeline) -> Timeline:
    return Timeline(tl.events)


def _from_feed(tl: Timeline, policy: str = "auto") -> tuple[Timeline, Timeline]:
    """What our feed of ``tl`` reads back as, and what it should: the events it places."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        feed = tl.to_ics(include_cancelled=True, policy=policy)  # type: ignore[arg-type]
    back = Timeline.from_ics(feed)
    kept = {e.id for e in back}
    left_out = [e for e in tl if e.id not in kept]
    for event in left_out:
        # Left out only as the policy says: undated, or named in the warning.
        said = " ".join(str(w.message) for w in caught if w.category is TimelineWarning)
        assert event.when.is_undated or repr(event.id) in said, event
    expected = Timeline(
        [e for e in tl if e.id in kept],
        name=tl.name,
        description=tl.description,
        fiscal_years=tl.fiscal_years,
    )
    return back, expected


# -- problems found, as explicit examples ---------------------------------------------------------


class TestFeedsKeepEveryCharacter:
    # iCalendar TEXT cannot carry control characters (only tab) nor a bare CR; the
    # visible properties drop them, and the private ones must still carry them exactly.
    @pytest.mark.parametrize(
        "text",
        [
            "Launch\x1b[2J now",  # an escape sequence
            "a\x01b",  # a C0 control
            "a\x7fb",  # DEL
            "line\rbreak",  # a bare CR (a title makes it a newline; other fields keep it)
            "a\x00b",  # NUL
            "\x08",  # nothing but a control character
        ],
    )
    def test_event_text(self, text: str) -> None:
        source = Source(f"S {text}", publisher=text, quote=text)
        event = Event(
            id="e",
            title=f"T {text}",
            when="2026-04",
            kind=text,
            location=text,
            description=text,
            actors=[text, "B"],
            tags=[text],
            sources=[source],
            claims=[Claim(stated="2026-04-02", when="2026-05", note=text, source=source)],
        )
        tl = Timeline([event], name=text, description=text, fiscal_years={f"A{text}": 7})
        assert Timeline.from_ics(tl.to_ics()) == tl

    def test_clean_text_needs_no_extra_property(self) -> None:
        feed = Timeline([Event(title="Launch, now; then\\", when="2026-04")]).to_ics()
        assert "X-TIMELINE-EXACT" not in feed


class TestFeedsOfEventsOnceUndated:
    # An undated event is left out of a feed "until a claim gives it one" (the dates
    # how-to): once it has one, the feed is written and reads back with its history.
    @pytest.mark.parametrize(
        "event",
        [
            Event(id="e", title="Widget 3 launch", when="TBD").revise(
                when="Q4 2026", stated="2026-06-01"
            ),
            Event(id="e", title="Slipped to unknown, then dated", when="2026-04")
            .revise(when="TBD", stated="2026-03-01")
            .revise(when="2026-09", stated="2026-05-01"),
            Event(id="e", title="Open-ended forum", when="2026-04", end="TBD"),
        ],
        ids=["dated-by-a-claim", "undated-claim-in-history", "undated-end"],
    )
    def test_the_feed_reads_back(self, event: Event) -> None:
        tl = Timeline([event])
        assert Timeline.from_ics(tl.to_ics()) == tl


class TestLongFileNames:
    # A file name the system takes (255 bytes) must save: the temporary file beside it
    # cannot be longer than the name allows.
    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv", ".parquet", ".ics"])
    @pytest.mark.parametrize("stem", ["a" * 255, "腾" * 85], ids=["ascii", "chinese"])
    def test_the_longest_name_saves(self, tmp_path: Path, suffix: str, stem: str) -> None:
        name = stem.encode()[: 255 - len(suffix)].decode("utf-8", "ignore") + suffix
        path = tmp_path / name
        tl = Timeline([Event(title="x", when="2026")])
        path.write_text("old", encoding="utf-8")
        if suffix == ".ics":
            tl.write_ics(path)
            assert Timeline.from_ics(path).events == tl.events
        else:
            tl.save(path)
            assert Timeline.load(path).events == tl.events
        assert [p.name for p in tmp_path.iterdir()] == [name]


# -- properties -----------------------------------------------------------------------------------

_FILES = [".yaml", ".json", ".csv", ".parquet"]


def _without_fiscal_years(tl: Timeline) -> Timeline:
    return Timeline(tl.events, name=tl.name, description=tl.description)


def _same_history(tl: Timeline, back: Timeline) -> None:
    """Equal events, with the same initial statement and claims (not only the same state)."""
    for event, again in zip(tl, back, strict=True):
        assert (again.initial_when, again.initial_status) == (
            event.initial_when,
            event.initial_status,
        )
        assert again.claims == event.claims


@pytest.mark.fuzz
class TestHostileTimelines:
    @pytest.mark.parametrize("suffix", _FILES)
    @given(tl=hostile_timelines())
    @_settings(5)
    def test_save_then_load_is_the_timeline(
        self, tmp_path: Path, suffix: str, tl: Timeline
    ) -> None:
        path = tmp_path / f"t{suffix}"
        path.unlink(missing_ok=True)  # one folder serves every example
        if suffix == ".csv" and tl.fiscal_years:
            # CSV has no place for fiscal years: refused naming the formats that keep them.
            with pytest.raises(
                DataFileError, match=r"fiscal_years: .*save it as \.yaml or \.json"
            ) as info:
                tl.save(path)
            assert "\n" not in str(info.value)  # an actor's name is quoted, not broken over lines
            assert not path.exists()
            tl = _without_fiscal_years(tl)
        with csv_notes(tl, path):  # CSV says the name and description are not written
            tl.save(path)
        back = Timeline.load(path)
        # CSV keeps events only (documented): the timeline's name and description stay behind.
        assert back == (_events_only(tl) if suffix == ".csv" else tl)
        _same_history(tl, back)
        assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left

    @given(tl=hostile_timelines())
    @_settings(6)
    def test_arrow_is_the_timeline(self, tl: Timeline) -> None:
        back = Timeline.from_arrow(tl.to_arrow())
        assert back == tl
        _same_history(tl, back)

    @given(tl=hostile_timelines(), policy=st.sampled_from(["auto", "window", "start", "end"]))
    @_settings(6)
    def test_our_feeds_read_back(self, tl: Timeline, policy: str) -> None:
        back, expected = _from_feed(tl, policy)
        assert back == expected
        _same_history(expected, back)

    @given(tl=hostile_timelines(max_events=3))
    @_settings(4)
    def test_the_json_output_says_what_the_file_holds(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        tl: Timeline,
    ) -> None:
        # `timeline show --json` is machine output: every text exactly as in the file,
        # control characters and all (the table escapes them; JSON need not).
        import json

        path = tmp_path / "t.json"
        tl.save(path)
        code = main(["show", str(path), "--json"])
        out, err = capsys.readouterr()
        assert (code, err) == (0, "")
        shown = json.loads(out)
        fields = ("id", "title", "kind", "actors", "tags", "location", "description")
        assert [tuple(row[k] for k in fields) for row in shown] == [
            (e.id, e.title, e.kind, list(e.actors), list(e.tags), e.location, e.description)
            for e in tl
        ]
        assert [row["when"] for row in shown] == [str(e.when) for e in tl]
        assert [row["claims"] for row in shown] == [
            [json.loads(json.dumps(c)) for c in r.get("claims", [])] for r in tl.to_records()
        ]

    @given(tl=hostile_timelines(max_events=3))
    @_settings(3)
    def test_convert_chain_is_the_identity(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        tl: Timeline,
    ) -> None:
        # yaml -> json -> csv -> parquet -> yaml with `timeline convert`: each step is
        # lossless for what it holds, so the events come back, and so does everything
        # else up to the CSV step.
        monkeypatch.chdir(tmp_path)
        for leftover in tmp_path.iterdir():
            leftover.unlink()
        tl.save("a.yaml")
        chain = ["a.yaml", "b.json", "c.csv", "d.parquet", "e.yaml"]
        for source, target in itertools.pairwise(chain):
            code = main(["convert", source, target])
            _, err = capsys.readouterr()
            if target.endswith(".csv") and tl.fiscal_years:
                assert code == 1 and "save it as .yaml or .json" in err
                assert not Path(target).exists()
                with csv_notes(tl, target):
                    _without_fiscal_years(tl).save(target)
                continue
            if target.endswith(".csv") and (tl.name or tl.description):
                # Saving to CSV says what it leaves behind and which formats keep it.
                assert code == 0 and err.startswith(f"timeline: warning: {target}: {LOST}"), err
                assert "save it as .yaml, .json or .parquet to keep them" in err
                continue
            assert (code, err) == (0, ""), err
            if not target.endswith(".csv"):
                # Up to the CSV step every format keeps the whole timeline.
                keeps = target < "c"
                assert Timeline.load(target) == (tl if keeps else _events_only(tl))
        back = Timeline.load("e.yaml")
        assert back == _events_only(tl)
        _same_history(tl, back)


# -- a save that fails half-way ----------------------------------------------------------------


def _old_file(path: Path) -> bytes:
    tl = Timeline([Event(title="Old", when="2026")], name="old")
    if path.suffix == ".ics":
        tl.write_ics(path)
    else:
        with csv_notes(tl, path):
            tl.save(path)
    return path.read_bytes()


def _new() -> Timeline:
    return Timeline([Event(title="New", when="2027", kind="=1+2")], name="new")


def _write(tl: Timeline, path: Path) -> None:
    if path.suffix == ".ics":
        tl.write_ics(path)
    else:
        with csv_notes(tl, path):
            tl.save(path)


class TestFailedSaves:
    # Whatever fails — the data, the disk half-way through, the flush or the rename — the
    # old file stays as it was and no temporary file is left beside it.
    @pytest.mark.parametrize("suffix", [*_FILES, ".ics"])
    @pytest.mark.parametrize("step", ["write", "fsync", "replace"])
    def test_the_disk_fails(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, step: str
    ) -> None:
        from timeline import WriteError

        path = tmp_path / f"t{suffix}"
        old = _old_file(path)

        def fail(*args: object, **kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        if step == "write":
            if suffix == ".parquet":
                import pyarrow.parquet as pq

                real = pq.write_table

                def half(table: object, where: object, **kwargs: object) -> None:
                    real(table, where, **kwargs)  # the file is written, then the disk fills
                    fail()

                monkeypatch.setattr(pq, "write_table", half)
            else:
                monkeypatch.setattr(os, "fdopen", _failing_fdopen(fail))
        else:
            monkeypatch.setattr(os, step, fail)
        with pytest.raises(WriteError, match="No space left on device; free some space"):
            _write(_new(), path)
        assert path.read_bytes() == old
        assert [p.name for p in tmp_path.iterdir()] == [path.name]

    @pytest.mark.parametrize("suffix", [*_FILES, ".ics"])
    def test_the_data_fails(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
    ) -> None:
        # A value the writer cannot handle, found while the file is being written.
        path = tmp_path / f"t{suffix}"
        old = _old_file(path)

        def unwritable(*args: object, **kwargs: object) -> None:
            raise ValueError("an unwritable value")

        _break_the_writer(monkeypatch, suffix, unwritable)
        with pytest.raises(ValueError, match="an unwritable value"):
            _write(_new(), path)
        assert path.read_bytes() == old
        assert [p.name for p in tmp_path.iterdir()] == [path.name]

    def test_the_refusal_quotes_an_actor_holding_a_line_break(self) -> None:
        from timeline.formats import _io

        # (Inside the name: a name is stripped, as an event's actors are.)
        tl = Timeline([Event(title="x", when="2026")], fiscal_years={"ye\ns": 1, "Apple": 10})
        with pytest.raises(DataFileError) as info:
            _io.dumps(tl, "csv")
        assert "fiscal years ('ye\\ns': January, Apple: October) would be lost" in str(info.value)

    def test_csv_refuses_fiscal_years_and_keeps_the_old_file(self, tmp_path: Path) -> None:
        path = tmp_path / "t.csv"
        old = _old_file(path)
        tl = Timeline([Event(title="New", when="FY2026", actors=["M"], fiscal_year_start=7)],
                      fiscal_years={"M": 7})  # fmt: skip
        with pytest.raises(DataFileError, match=r"save it as \.yaml or \.json"):
            tl.save(path)
        assert path.read_bytes() == old
        assert [p.name for p in tmp_path.iterdir()] == [path.name]

    @pytest.mark.parametrize("suffix", _FILES)
    def test_convert_that_fails_keeps_the_old_output(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        suffix: str,
    ) -> None:
        monkeypatch.chdir(tmp_path)
        _new().save("in.yaml")
        target = Path(f"out{suffix}")
        old = _old_file(target)

        def fail(*args: object, **kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", fail)
        code = main(["convert", "in.yaml", str(target), "--force"])
        _, err = capsys.readouterr()
        assert code == 1
        assert "No space left on device" in err and ".tmp" not in err
        assert target.read_bytes() == old
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in.yaml", target.name])


def _failing_fdopen(fail: object) -> object:
    """``os.fdopen`` whose file takes half the bytes, then fails as a full disk does."""
    real = os.fdopen

    class Half:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> Half:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])  # type: ignore[attr-defined]
            self.handle.flush()  # type: ignore[attr-defined]
            fail()  # type: ignore[operator]
            return 0

    def fdopen(fd: int, *args: object, **kwargs: object) -> Half:
        return Half(real(fd, *args, **kwargs))  # type: ignore[call-overload]

    return fdopen


def _break_the_writer(monkeypatch: pytest.MonkeyPatch, suffix: str, fail: object) -> None:
    """Make the format's own writer raise after it has started."""
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        real = pq.write_table

        def half(table: object, where: object, **kwargs: object) -> None:
            real(table, where, **kwargs)
            fail()  # type: ignore[operator]

        monkeypatch.setattr(pq, "write_table", half)
        return
    monkeypatch.setattr(os, "fdopen", _failing_fdopen(fail))


class TestZonedInstantsAtTheCalendarsEnds:
    # A local time in a named zone hours from year 1 or year 9999 (its UTC falls outside the
    # calendar): built, and read back from every format, never "cannot be read as a date".
    @pytest.mark.parametrize(
        ("moment", "zone"),
        [
            ((1, 1, 1, 0, 0), "Asia/Kolkata"),  # local mean time +05:53:28: UTC is in year 0
            ((1, 1, 1, 3, 30), "Asia/Tokyo"),
            ((9999, 12, 31, 23, 0), "America/New_York"),  # UTC is in year 10000
            ((9999, 12, 31, 20, 15), "Pacific/Honolulu"),
        ],
    )
    @pytest.mark.parametrize("fmt", ["yaml", "json", "csv", "arrow", "parquet", "ics"])
    def test_read_back(
        self, tmp_path: Path, moment: tuple[int, int, int, int, int], zone: str, fmt: str
    ) -> None:
        import datetime as dt
        from zoneinfo import ZoneInfo

        from timeline import When
        from timeline.formats import _io

        when = When.instant(dt.datetime(*moment, tzinfo=ZoneInfo(zone)))
        assert When.parse(str(when)) == when
        event = Event(
            id="e", title="Edge", when="2026", claims=[Claim(stated="2026-01-01", when=when)]
        )
        tl = Timeline([event, Event(id="f", title="At the edge", when=when)])
        if fmt in ("yaml", "json", "csv"):
            assert _io.loads(_io.dumps(tl, fmt), fmt) == tl  # type: ignore[arg-type]
        elif fmt == "arrow":
            assert Timeline.from_arrow(tl.to_arrow()) == tl
        elif fmt == "parquet":
            tl.save(tmp_path / "t.parquet")
            assert Timeline.load(tmp_path / "t.parquet") == tl
        else:
            back, expected = _from_feed(tl)
            assert back == expected
