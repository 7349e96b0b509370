"""Publish the upcoming expected events of a timeline as an iCalendar feed.

    python examples/calendar_feed.py [PATH] [--as-of YYYY-MM-DD]

Writes the feed to PATH (default: ``ai-race-upcoming.ics`` in a new temporary
folder) and prints where it went and what it holds. Serve the file over HTTPS
and subscribe to it from Google Calendar, Apple Calendar, Outlook or
Thunderbird; run the script again whenever the timeline changes, and the
subscribed calendars update the same events in place (stable UIDs, SEQUENCE).

There is no hidden "now": the day the feed is "as of" is given on the command
line, and defaults to the date of the article the events come from.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timeline import Event, Source, Timeline, When

ARTICLE = Source(
    "What Tencent's Open AI Ecosystem and Model Race Reveal About the Global AI Shift",
    publisher="AI Large-Model Wave and Transformation Guide",
    published=When.month(2026, 3).qualify(approximate=True),
)


def ai_race() -> Timeline:
    """A few events from the article, with the precision it gave them."""
    return Timeline(
        [
            Event(
                title="Tencent Hybrid Model 3.0 release",
                when=When.month(2026, 4),
                kind="model-release",
                actors=["Tencent"],
                sources=[ARTICLE],
            ),
            Event(
                title="DeepSeek V4 release",
                when=When.month(2026, 4),
                kind="model-release",
                actors=["DeepSeek"],
                sources=[ARTICLE],
            ),
            Event(
                title="KeLing AI reaches $600M ARR",
                when=When.year(2026).by(),
                kind="metric",
                actors=["Kuaishou", "KeLing AI"],
                sources=[ARTICLE],
            ),
            Event(
                title="Guangzhou: 10,000 AI-plus enterprises",
                when=When.year(2030).by(),
                kind="policy-target",
                actors=["Guangzhou"],
                sources=[ARTICLE],
            ),
            Event(
                title="Bo'ao Forum 2026 puts AI centre stage",
                when=When.month(2026, 3),
                status="happened",
                kind="forum",
                sources=[ARTICLE],
            ),
        ],
        name="AI race 2026",
        description="Expected AI releases and targets, with the precision their sources gave",
    )


def main(argv: list[str] | None = None) -> Path:
    """Write the feed and return its path."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, help="where to write the .ics file")
    parser.add_argument("--as-of", default="2026-03-28", help="the day the feed is as of")
    parser.add_argument("--within", default="1 year", help="how far ahead to look")
    args = parser.parse_args(argv)
    path = args.path or Path(tempfile.mkdtemp(prefix="timeline-")) / "ai-race-upcoming.ics"

    upcoming = ai_race().filter(status="expected").upcoming(as_of=args.as_of, within=args.within)
    upcoming.write_ics(path, name="AI race 2026: upcoming", domain="example.org")

    print(f"wrote {len(upcoming)} upcoming expected events to {path}")
    print(upcoming)
    return path


if __name__ == "__main__":
    main()
