"""Honest answers at the edges: one rule for a passed deadline, clear file errors, ratios
of bounded figures, and the tracker with deadlines and figures of every kind."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import os
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import (
    DataFileError,
    DataFileNotFoundError,
    DataFilePermissionError,
    Event,
    Target,
    TargetStatus,
    Timeline,
    When,
)

# -- 1. a deadline passes on the day an event at that date turns overdue -------------------

_OFFSETS = st.integers(min_value=-12 * 4, max_value=14 * 4).map(lambda q: q * 15)  # minutes


@st.composite
def _instants(draw: st.DrawFn) -> When:
    day = draw(st.dates(min_value=dt.date(2000, 1, 2), max_value=dt.date(2099, 12, 30)))
    minute = draw(st.integers(min_value=0, max_value=24 * 60 - 1))
    zone = pendulum.FixedTimezone(draw(_OFFSETS) * 60)
    local = pendulum.datetime(day.year, day.month, day.day, tz=zone).add(minutes=minute)
    return When.instant(local)


class TestDeadlinePassed:
    @pytest.mark.parametrize(
        ("deadline", "as_of", "passed"),
        [
            # noon UTC on the 20th: the 21st had begun at UTC+14 (10:00 UTC on the 20th)
            ("2026-04-20T12:00Z", "2026-04-20", False),
            ("2026-04-20T12:00Z", "2026-04-21", False),
            ("2026-04-20T12:00Z", "2026-04-22", True),
            # 09:00 UTC on the 20th is before the 21st starts at UTC+14: passed on the 21st
            ("2026-04-20T09:00Z", "2026-04-21", True),
            # late evening at UTC-12, its local day the 20th, is 11:00 UTC on the 21st
            ("2026-04-20T23:00-12:00", "2026-04-21", False),
            ("2026-04-20T23:00-12:00", "2026-04-22", False),
            ("2026-04-20T23:00-12:00", "2026-04-23", True),
            # early morning at UTC+14 (local day the 21st) is the 20th in UTC
            ("2026-04-21T01:00+14:00", "2026-04-21", False),
            ("2026-04-21T01:00+14:00", "2026-04-22", True),
            # a plain day: passed the day after, as before
            ("2026-04-20", "2026-04-20", False),
            ("2026-04-20", "2026-04-21", True),
        ],
    )
    def test_table(self, deadline: str, as_of: str, passed: bool) -> None:
        target = Target("x", "10 x", When.parse(deadline))
        event = Event(title="x", when=deadline)
        assert event.overdue(as_of) is passed
        expected = TargetStatus.UNKNOWN if passed else TargetStatus.PENDING
        assert target.status(as_of) is expected

    @given(_instants(), st.integers(min_value=-3, max_value=3))
    def test_status_agrees_with_overdue(self, deadline: When, shift: int) -> None:
        assert isinstance(deadline.latest, dt.datetime)
        as_of = deadline.latest.date() + dt.timedelta(days=shift)
        event = Event(title="x", when=deadline)
        status = Target("x", "10 x", deadline).status(as_of)
        assert (status is not TargetStatus.PENDING) is event.overdue(as_of)


# -- 2. a data file that is missing or cannot be read: a clear error, still an OSError -----


class TestFileErrors:
    def test_missing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "events.yaml"
        with pytest.raises(DataFileNotFoundError) as caught:
            Timeline.load(path)
        err = caught.value
        assert isinstance(err, FileNotFoundError)
        assert isinstance(err, DataFileError)
        assert err.errno == errno.ENOENT and err.filename == str(path)
        assert str(err) == f"{path}: no such file; check the path"
        assert [p.file for p in err.problems] == [str(path)]

    @pytest.mark.parametrize(
        ("asked", "present", "hint"),
        [
            ("x.yaml", ["x.yml"], "did you mean 'x.yml'?"),
            ("x.yml", ["x.yaml"], "did you mean 'x.yaml'?"),
            ("x.json", ["x.yaml", "x.csv"], "did you mean 'x.csv' or 'x.yaml'?"),
            ("x.yaml", ["X.YAML"], "did you mean 'X.YAML'?"),
            ("x.csv", ["x.ics"], None),  # a feed is not a data file
            ("x.csv", ["y.csv"], None),
        ],
    )
    def test_a_sibling_with_another_suffix(
        self, tmp_path: Path, asked: str, present: list[str], hint: str | None
    ) -> None:
        for name in present:
            (tmp_path / name).write_text("events: []\n", encoding="utf-8")
        if (tmp_path / asked).exists():
            pytest.skip("a case-insensitive file system has the file")
        with pytest.raises(DataFileNotFoundError) as caught:
            Timeline.load(tmp_path / asked)
        message = str(caught.value)
        if hint is None:
            assert message.endswith("no such file; check the path")
        else:
            assert message.endswith(f"no such file; check the path ({hint})")

    def test_missing_folder_is_named(self, tmp_path: Path) -> None:
        path = tmp_path / "data" / "x.yaml"
        with pytest.raises(DataFileNotFoundError, match=r"folder '.*data' does not exist"):
            Timeline.load(path)

    def test_missing_parquet(self, tmp_path: Path) -> None:
        with pytest.raises(DataFileNotFoundError, match="no such file; check the path"):
            Timeline.load(tmp_path / "x.parquet")

    def test_missing_with_lines(self, tmp_path: Path) -> None:
        from timeline.formats._io import load_with_lines

        with pytest.raises(DataFileNotFoundError):
            load_with_lines(tmp_path / "x.csv")

    def test_unreadable_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = tmp_path / "x.yaml"
        path.write_text("events: []\n", encoding="utf-8")
        real_open = os.open

        def refusing_open(file: object, flags: int, *args: int) -> int:
            # What an unreadable file gives (as root, chmod 0 would not stop the read).
            if os.fspath(file) == str(path):  # type: ignore[call-overload]
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(file, flags, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", refusing_open)
        with pytest.raises(DataFilePermissionError) as caught:
            Timeline.load(path)
        monkeypatch.undo()
        err = caught.value
        assert isinstance(err, PermissionError) and isinstance(err, DataFileError)
        assert err.errno == errno.EACCES and err.filename == str(path)
        assert str(err) == (
            f"{path}: permission denied; make the file readable (chmod u+r) or read it as its owner"
        )

    def test_cli_says_the_same(self, tmp_path: Path) -> None:
        from timeline.cli import main

        (tmp_path / "x.yml").write_text("events: []\n", encoding="utf-8")
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["show", str(tmp_path / "x.yaml")])
        assert code != 0
        assert "does not exist; check the path (did you mean 'x.yml'?)" in err.getvalue()
