"""`timeline check` catches what a careful editor would (issue 12 §3, and §2's figure warning).

Warnings, not errors, each with its line; ``--strict`` makes them fail the run.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from timeline import Event, Finding, Observation, Source, Target, Timeline
from timeline.cli._main import main

TODAY = _dt.date(2026, 3, 1)

CLEAN = """\
events:
  - title: Clean
    when: "2026-06"
    sources:
      - title: Article
        published: "2026-01-10"
"""

# Each case: the file, the line the warning points at, words the warning holds.
CASES = {
    "claim-before-source": (
        """\
events:
  - title: Launch
    when: "2026-06"
    sources:
      - title: Article
        published: "2026-01-10"
    claims:
      - stated: "2025-12-01"
        note: still on track
""",
        8,
        "before the event's first source",
    ),
    "claim-in-future": (
        """\
events:
  - title: Launch
    when: "2026-06"
    claims:
      - stated: "2026-05-01"
        when: "2026-07"
""",
        5,
        "future",
    ),
    "published-in-future": (
        """\
events:
  - title: Launch
    when: "2026-06"
    sources:
      - title: Article
        published: "2026-04-10"
""",
        6,
        "future",
    ),
    "claim-source-in-future": (
        """\
events:
  - title: Launch
    when: "2026-06"
    claims:
      - stated: "2026-02-01"
        source:
          title: Later article
          published: "2026-05-01"
""",
        8,
        "future",
    ),
    "happened-in-future": (
        """\
events:
  - title: Launch
    when: "2026-06"
    status: happened
""",
        4,
        "happened",
    ),
    # said to have happened on a day after it was said: "stated 2026-01-05: happened in
    # February" (today is later, so the date itself is not in the future)
    "claim-happened-after-it-was-stated": (
        """\
events:
  - title: Launch
    when: "2025-12"
    claims:
      - stated: "2026-01-05"
        status: happened
        when: "2026-02-10"
""",
        6,
        "after it was stated",
    ),
    "source-says-happened-before-it-did": (
        """\
events:
  - title: Launch
    when: "2026-02-10"
    status: happened
    sources:
      - title: Article
        published: "2026-01-05"
""",
        4,
        "after it was stated",
    ),
    "slip-before-its-date": (
        """\
events:
  - title: Launch
    when: "2026-06"
    sources:
      - title: Article
        published: "2026-02-01"
    claims:
      - stated: "2026-01-15"
        when: "2026-09"
""",
        8,
        "slip",
    ),
    "same-source-twice": (
        """\
events:
  - title: Launch
    when: "2026-06"
    sources:
      - title: Article
        url: https://example.org/a
      - title: Article again
        url: https://example.org/a
""",
        7,
        "twice",
    ),
    "figure-not-comparable": (
        """\
events:
  - title: GPU goal
    when: "by 2026-12"
    target:
      metric: GPUs
      goal: 1,000 GPUs
      deadline: "2026-12"
    observations:
      - when: "2026-01"
        value: 5 MW
""",
        10,
        "cannot be compared",
    ),
}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.yaml"
    path.write_text(text)
    return path


class TestCommand:
    def test_clean_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = _write(tmp_path, CLEAN)
        assert main(["check", str(path), "--today", "2026-03-01"]) == 0
        out, err = capsys.readouterr()
        assert "0 problems" in out and "warning" not in err

    @pytest.mark.parametrize("case", sorted(CASES))
    def test_warns_with_the_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
    ) -> None:
        text, line, words = CASES[case]
        path = _write(tmp_path, text)
        assert main(["check", str(path), "--today", "2026-03-01"]) == 0  # warnings only
        out, err = capsys.readouterr()
        warnings = [w for w in err.splitlines() if "warning" in w]
        assert len(warnings) == 1, err
        assert f"{path}:{line}:" in warnings[0] and words in warnings[0]
        assert "1 warning" in out

    @pytest.mark.parametrize("case", sorted(CASES))
    def test_strict_fails(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
    ) -> None:
        path = _write(tmp_path, CASES[case][0])
        assert main(["check", str(path), "--today", "2026-03-01", "--strict"]) == 1

    def test_strict_passes_a_clean_file(self, tmp_path: Path) -> None:
        path = _write(tmp_path, CLEAN)
        assert main(["check", str(path), "--today", "2026-03-01", "--strict"]) == 0

    def test_json_and_csv_have_lines_too(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        tl = Timeline([Event(title="Launch", when="2026-06", status="happened")])
        for suffix in (".json", ".csv"):
            path = tmp_path / f"t{suffix}"
            tl.save(path)
            assert main(["check", str(path), "--today", "2026-03-01"]) == 0
            err = capsys.readouterr().err
            assert f"{path}:" in err and "happened" in err


class TestLibrary:
    def test_findings(self) -> None:
        article = Source("Article", published="2026-01-10", url="https://e.org/a")
        e = Event(title="x", when="2026-06", status="happened", sources=[article, article])
        found = Timeline([e]).check(today=TODAY)
        assert {f.field for f in found} == {("status",), ("sources", 1)}
        assert all(isinstance(f, Finding) and f.event == "x" for f in found)

    def test_figure_in_another_unit_that_converts_is_fine(self) -> None:
        target = Target("capacity", "2 GW", "2027")
        e = Event(
            title="x", when="2027", target=target, observations=[Observation("2026-01", "1500 MW")]
        )
        assert Timeline([e]).check(today=TODAY) == []

    def test_figure_that_does_not_compare(self) -> None:
        target = Target("capacity", "2 GW", "2027")
        e = Event(
            title="x",
            when="2027",
            target=target,
            observations=[Observation("2026-01", "$5 billion")],
        )
        (finding,) = Timeline([e]).check(today=TODAY)
        assert finding.field == ("observations", 0, "value")
        assert "cannot be compared" in finding.message
