"""Every script in ``examples/`` runs to completion from a scratch directory.

Scripts only: notebooks are run by their own test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def run(script: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "error", "MPLBACKEND": "Agg"}
    return subprocess.run(
        [sys.executable, str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_there_are_examples() -> None:
    assert SCRIPTS, f"no scripts in {EXAMPLES}"


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_example_runs(script: Path, tmp_path: Path) -> None:
    result = run(script, tmp_path)
    assert result.returncode == 0, f"{script.name} failed:\n{result.stdout}\n{result.stderr}"


def test_track_expectations_output(tmp_path: Path) -> None:
    out = run(EXAMPLES / "track_expectations.py", tmp_path).stdout
    sections = out.split("\n== ")
    titles = [s.splitlines()[0] for s in sections[1:]]
    assert titles[:4] == [
        "The timeline, as known now",
        "Slips",
        "As known on 2026-04-01",
        "As known on 2026-05-01",
    ]
    timeline, slips, april, may = sections[1:5]
    assert len(timeline.splitlines()) == 4  # the title and three events
    # one slip: DeepSeek V4, April to May, stated on 20 April, 31 days later
    assert len(slips.splitlines()) == 2
    assert "DeepSeek V4 release" in slips
    assert "April 2026 -> May 2026" in slips
    assert "31 days" in slips
    # on 1 April both models were expected in April; on 1 May DeepSeek had moved
    assert "Hybrid Model 3.0" in april
    assert "DeepSeek V4" in april
    assert april.count("expected") == 3
    assert may.index("Hybrid Model 3.0") < may.index("DeepSeek V4")
    assert "deepseek-v4-release: when" in out


def test_track_record_output(tmp_path: Path) -> None:
    result = run(EXAMPLES / "track_record.py", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("ILLUSTRATION: invented announcers and dates, not real data.")
    by_actor = out.split("== Track record by announcer\n")[1].splitlines()
    assert by_actor[0] == (
        "As of 2026-07-01, 8 promises: 3 kept, 1 late, 2 broken, 2 pending (50% on time)."
    )
    # best on-time rate first; Acme has one of each resolved outcome
    assert [line.split()[0] for line in by_actor[2:6]] == ["Borealis", "Acme", "City", "(all)"]
    assert by_actor[3].split()[2:8] == ["3", "1", "1", "1", "0", "33%"]
    assert "late ('acme-home-robot-ships',) (73 days)" in out
    assert "As of 2026-03-01, all 8 promises are pending" in out
    chart = tmp_path / "trend.png"
    assert chart.read_bytes().startswith(b"\x89PNG")
