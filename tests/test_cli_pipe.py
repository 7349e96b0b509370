"""A closed stdout (``timeline show | head -1``): every command stops quietly, exit code 0.

The reader going away is not an error of ours, and a small output that fits in
the pipe's buffer succeeds anyway: so every command, whatever its output's size
or form (table, JSON, feed), exits 0 with nothing on stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import Event, Timeline

COMMANDS = [
    ["show"],
    ["show", "--json"],
    ["upcoming", "--as-of", "2026-01-01", "--within", "3650d"],
    ["overdue", "--as-of", "2030-01-01", "--json"],
    ["export"],
    ["track-record", "--as-of", "2030-01-01"],
    ["track-record", "--as-of", "2030-01-01", "--json"],
    ["check"],
]


@pytest.fixture(scope="module", params=[3, 1500], ids=["small", "large"])
def data(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "tracker.json"
    n = request.param
    events = [
        Event(title=f"Launch number {i} of a long series", when=f"2026-{i % 12 + 1:02d}")
        for i in range(n)
    ]
    Timeline(events).save(path)
    return path


def run_closed(argv: list[str]) -> tuple[int, str]:
    """Run ``timeline argv`` with stdout a pipe whose reader has already gone."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "timeline", *argv],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write)
    return done.returncode, done.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_closed_pipe_exits_quietly(command: list[str], data: Path) -> None:
    code, err = run_closed([command[0], str(data), *command[1:]])
    assert (code, err) == (0, "")


def test_a_closed_pipe_ends_the_printing_not_the_files(tmp_path: Path) -> None:
    """`timeline demo | head -1` still writes the feed and the page: the reader going
    away ends what is printed, never what the command writes to files. (`demo` prints
    the whole table before it writes a file; it used to stop there, exit 0, no files.)"""
    code, err = run_closed(["demo", "--out", str(tmp_path)])
    assert (code, err) == (0, "")
    written = sorted(p.suffix for p in tmp_path.iterdir())
    assert written == [".html", ".ics"]
    feed = Timeline.from_ics(next(tmp_path.glob("*.ics")))
    assert len(feed) > 0
