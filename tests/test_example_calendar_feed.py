"""examples/calendar_feed.py runs, writes only where it is told, and writes a clean feed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from ics_check import vevents

EXAMPLE = Path(__file__).parent.parent / "examples" / "calendar_feed.py"

# The dataset's expectations with no date: open from the article's publication.
UNDATED = [
    "anthropic-funding-up-to-10-billion",
    "apple-siri-opens-to-other-assistants",
    "beijing-ai-association-launch",
    "wechat-opens-to-third-party-agents",
    "zhongguancun-open-source-ai-alliance-launch",
]
APRIL = ["deepseek-v4-release", "tencent-hybrid-model-3-release"]
BY_2026 = ["keling-ai-600m-arr-by-2026"]


def load_example() -> object:
    spec = importlib.util.spec_from_file_location("calendar_feed", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def feed_ids(path: Path) -> list[str]:
    uids = [str(e["UID"]) for e in vevents(path.read_bytes().decode())]
    assert all(uid.endswith("@example.org") for uid in uids)
    return sorted(uid.removesuffix("@example.org") for uid in uids)


def test_writes_the_upcoming_expected_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "upcoming.ics"
    written = load_example().main([str(target)])  # type: ignore[attr-defined]
    assert written == target
    assert [p.name for p in tmp_path.iterdir()] == ["upcoming.ics"]
    # As of the article (2026-03-28): the April releases, the "by 2026" ARR target and the
    # undated expectations; not the 2030 targets, nothing that already happened.
    assert feed_ids(target) == sorted(APRIL + BY_2026 + UNDATED)
    out = capsys.readouterr().out
    assert "wrote 8 upcoming expected events (as of 2026-03-28)" in out
    assert "from c. March 2026 onwards" in out  # undated expectations read as words
    text = target.read_bytes().decode().replace("\r\n ", "")
    assert "SUMMARY:DeepSeek V4 release (expected April 2026)" in text


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        # mid-May: the April releases are overdue, no longer upcoming
        (["--as-of", "2026-05-15"], BY_2026 + UNDATED),
        # a short horizon leaves out the deadline at the end of 2026
        (["--within", "60 days"], APRIL + UNDATED),
        # before the article nothing was known
        (["--as-of", "2026-02-15"], []),
    ],
)
def test_as_of_and_within_choose_the_events(
    tmp_path: Path, options: list[str], ids: list[str]
) -> None:
    target = tmp_path / "upcoming.ics"
    load_example().main([str(target), *options])  # type: ignore[attr-defined]
    assert feed_ids(target) == sorted(ids)
