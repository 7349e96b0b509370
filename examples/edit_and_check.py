"""Load a tracker, keep what you follow, save it in another format, and check a bad file.

    python examples/edit_and_check.py [FOLDER]

Writes ``releases.yaml``, ``releases.csv`` and a deliberately broken
``bad.yaml`` into FOLDER (default: a new temporary folder) and prints what it
did, ending with every problem found in the broken file.
"""

from __future__ import annotations

import sys
import tempfile
import warnings
from pathlib import Path

from timeline import DataFileError, Event, Source, Timeline, TimelineWarning, datasets


def main(folder: Path | None = None) -> Path:
    """Run the example in ``folder``; returns the folder written to."""
    folder = folder or Path(tempfile.mkdtemp(prefix="timeline-example-"))

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
    #    A file must load on its own, so `related` ids naming events the filter
    #    left behind are left out of it, with a TimelineWarning that says which.
    #    CSV holds events only: the timeline's name and description stay behind, and
    #    another TimelineWarning says so (YAML, JSON and Parquet keep them).
    yaml_path, csv_path = folder / "releases.yaml", folder / "releases.csv"
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always", TimelineWarning)
        mine.save(yaml_path)
        mine.save(csv_path)
    print(f"wrote {yaml_path} and {csv_path}")
    for message in dict.fromkeys(str(w.message) for w in said):
        print(f"  note: {message}")
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
    return folder


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
