"""Load a tracker, keep what you follow, save it in another format, and check a bad file.

Run from the repository: ``python examples/edit_and_check.py``. It writes into a
temporary folder and prints what it did.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from timeline import DataFileError, Event, Source, Timeline, datasets


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="timeline-example-"))

    # 1. Load: the bundled dataset here; `Timeline.load("tracker.yaml")` for your own file.
    race = datasets.ai_race_2026()
    print(f"loaded {len(race)} events from {race.name!r}")

    # 2. Filter: the Chinese model releases still expected, plus one event of our own.
    releases = race.filter(kind="model-release", status="expected")
    mine = releases.add(
        Event(
            title="Qwen next-generation release",
            when="2026",
            kind="model-release",
            actors=["Alibaba"],
            sources=[Source("Our own note", published="2026-03-28")],
        )
    )
    for event in mine:
        print(f"  {event.when!s:>12}  {event.title}")

    # 3. Save: the suffix picks the format; YAML for people, CSV for a spreadsheet.
    yaml_path, csv_path = folder / "releases.yaml", folder / "releases.csv"
    mine.save(yaml_path)
    mine.save(csv_path)
    print(f"wrote {yaml_path} and {csv_path}")
    print("\n".join(yaml_path.read_text(encoding="utf-8").splitlines()[:14]))

    # 4. Check: a file with mistakes reports all of them at once, with lines and fixes.
    bad = folder / "bad.yaml"
    bad.write_text(
        "events:\n"
        "  - title: DeepSeek V4 release\n"
        "    when: Aprill 2026\n"
        "    status: expectd\n"
        "  - title: DeepSeek V4 release\n"
        "    when: 2026\n",
        encoding="utf-8",
    )
    try:
        Timeline.load(bad)
    except DataFileError as err:
        print(err)


if __name__ == "__main__":
    main()
