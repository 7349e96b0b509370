"""Golden feeds: a small timeline covering every row of the mapping table, byte for byte.

Regenerate deliberately, then review the diff:
``TIMELINE_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_ics_golden.py``.
The library version in PRODID is written as ``VERSION`` so a release does not
change the files.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pendulum
import pytest

import timeline
from ics_check import check_feed
from timeline import Event, Source, Timeline, When

GOLDEN = Path(__file__).parent / "golden"
UTC8 = pendulum.fixed_timezone(8 * 3600)


def golden_timeline() -> Timeline:
    """One event per mapping row, plus the text that tests escaping and folding."""
    article = Source(
        "What Tencent's Open AI Ecosystem and Model Race Reveal About the Global AI Shift",
        publisher="AI Large-Model Wave and Transformation Guide",
        url="https://example.org/tencent-ai,race;2026",
        published=When.month(2026, 3).qualify(approximate=True),
        quote="Tencent's Hybrid Model 3.0 is slated for an April release",
    )
    tencent = Event(
        title="Tencent Hybrid Model 3.0 release",
        when=When.month(2026, 4),
        kind="model-release",
        actors=["Tencent"],
        tags=["llm"],
        sources=[article],
    ).revise(stated=When.day(2026, 4, 20), when=When.month(2026, 5), note="moved to May")
    return Timeline(
        [
            # month window, expected, with a slip (SEQUENCE 1)
            tencent,
            # instant at +08:00: a timed UTC event
            Event(
                title="混元 3.0 发布会 🚀 launch; live, online",
                when=When.instant(pendulum.datetime(2026, 4, 15, 10, tz=UTC8)),
                status="confirmed",
                location="Shenzhen, China",
            ),
            # a floating time
            Event(title="Floating time", when=When.instant(dt.datetime(2026, 4, 16, 9, 30))),
            # a day that happened
            Event(title="DeepSeek V4 release", when=When.day(2026, 4, 24), status="happened"),
            # a multi-day event with an end
            Event(
                title="World AI forum",
                when=When.day(2026, 3, 24),
                end=When.day(2026, 3, 27),
                status="happened",
                kind="forum",
            ),
            # quarter, approximate month, winter across the new year: windows
            Event(title="Quarter", when=When.quarter(2026, 3)),
            Event(title="About June", when=When.month(2026, 6).qualify(approximate=True)),
            Event(title="Winter", when=When.season(2026, 24)),
            # long spans: a marker on the last possible day
            Event(title="Early 2027", when=When.third(2027, 1)),
            Event(title="Year", when=When.year(2028), status="confirmed"),
            # deadline, before, after
            Event(
                title="Guangzhou: 10,000 AI-plus enterprises",
                when=When.year(2030).by(),
                kind="policy-target",
                actors=["Guangzhou"],
            ),
            Event(title="Before 2029", when=When.year(2029).before()),
            Event(title="After March 2027", when=When.month(2027, 3).after()),
            # cancelled (written only with include_cancelled)
            Event(title="Cancelled launch", when=When.month(2026, 9), status="cancelled"),
            # text that must be escaped and cannot inject
            Event(
                title="Evil\nEND:VEVENT\nBEGIN:VEVENT",
                when=When.day(2026, 5, 1),
                description="Semi; comma, back\\slash\nnew line",
            ),
        ],
        name="AI race 2026",
        description="What the AI race promised, and when",
    )


CASES = {
    "feed_auto.ics": {"include_cancelled": True},
    "feed_window.ics": {"policy": "window"},
    "feed_start.ics": {"policy": "start"},
    "feed_end.ics": {"policy": "end"},
}


@pytest.mark.parametrize("filename", sorted(CASES))
def test_golden(filename: str) -> None:
    options = {"domain": "example.org", **CASES[filename]}
    text = golden_timeline().to_ics(**options)  # type: ignore[arg-type]
    check_feed(text)
    normal = text.replace(f"timeline {timeline.__version__}//", "timeline VERSION//")
    path = GOLDEN / filename
    if os.environ.get("TIMELINE_REGEN_GOLDEN"):
        path.write_bytes(normal.encode())
    assert normal.encode() == path.read_bytes(), f"{filename} changed; see the module docstring"


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.ics")), ids=lambda p: p.name)
def test_golden_files_are_clean_and_read_back(path: Path) -> None:
    text = path.read_bytes().decode()
    check_feed(text)
    back = Timeline.from_ics(text)
    cancelled = "include_cancelled" in CASES[path.name]
    expected = golden_timeline()
    if not cancelled:
        expected = expected.exclude(status="cancelled")
    assert back == expected
