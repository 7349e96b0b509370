"""examples/calendar_feed.py runs, writes only where it is told, and writes a clean feed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from ics_check import vevents

EXAMPLE = Path(__file__).parent.parent / "examples" / "calendar_feed.py"


def load_example() -> object:
    spec = importlib.util.spec_from_file_location("calendar_feed", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_writes_the_upcoming_expected_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "upcoming.ics"
    written = load_example().main([str(target)])  # type: ignore[attr-defined]
    assert written == target
    assert [p.name for p in tmp_path.iterdir()] == ["upcoming.ics"]
    uids = [str(e["UID"]) for e in vevents(target.read_bytes().decode())]
    # the two April releases and the "by 2026" ARR target; not the 2030 target, not the forum
    assert sorted(uids) == [
        "deepseek-v4-release@example.org",
        "keling-ai-reaches-600m-arr@example.org",
        "tencent-hybrid-model-3-0-release@example.org",
    ]
    assert "wrote 3 upcoming expected events" in capsys.readouterr().out
