"""Publish the upcoming expected events of the bundled AI-race dataset as an iCalendar feed.

    python examples/calendar_feed.py [PATH] [--as-of YYYY-MM-DD] [--within "1 year"]

Reads `timeline.datasets.ai_race_2026()` (every dated or expected statement of one
article on the 2026 AI race), keeps what was known on the ``--as-of`` day, and
writes the events still expected within ``--within`` of it to PATH (default:
``ai-race-upcoming.ics`` in a new temporary folder), then prints where the feed
went and what it holds. Serve the file over HTTPS and subscribe to it from
Google Calendar, Apple Calendar, Outlook or Thunderbird; run the script again
whenever the timeline changes, and the subscribed calendars update the same
events in place (stable UIDs, SEQUENCE).

There is no hidden "now": the day the feed is "as of" is given on the command
line, and defaults to 2026-03-28, about when the article was published (it
carries no date; it reports the late-March Bo'ao Forum as past). Expectations
the article gives no date for ("from c. March 2026 onwards") are upcoming from
then on; deadlines count at their deadline, so "by end of 2030" is not upcoming
within a year.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timeline import datasets

PUBLISHED = "2026-03-28"


def main(argv: list[str] | None = None) -> Path:
    """Write the feed and return its path."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, help="where to write the .ics file")
    parser.add_argument("--as-of", default=PUBLISHED, help="the day the feed is as of")
    parser.add_argument("--within", default="1 year", help="how far ahead to look")
    args = parser.parse_args(argv)
    path = args.path or Path(tempfile.mkdtemp(prefix="timeline-")) / "ai-race-upcoming.ics"

    known = datasets.ai_race_2026().as_of(args.as_of)
    upcoming = known.filter(status="expected").upcoming(as_of=args.as_of, within=args.within)
    upcoming.write_ics(path, name="AI race 2026: upcoming", domain="example.org")

    print(f"wrote {len(upcoming)} upcoming expected events (as of {args.as_of}) to {path}")
    print(upcoming)
    return path


if __name__ == "__main__":
    main()
