"""From an article to a timeline: draft events with `timeline.extract`, review, load, publish.

Run it from any folder: it writes ``draft.yaml`` and ``feed.ics`` there.

    python examples/extract_article.py [ARTICLE.txt]

Without an argument it reads the short article below. The steps are those of
the command line (``timeline extract`` -> edit -> ``timeline check`` ->
``timeline export``), in Python.
"""

from __future__ import annotations

import sys
from pathlib import Path

import timeline
from timeline import Source, Status

ARTICLE = """\
Chip Makers Race to 2nm

TSMC plans to start volume production of its 2nm chips in H2 2025, the company said on \
16 April 2025. Intel pushed its 18A process back to 2025, and then to early 2026. Samsung \
has invested $40 billion in its Texas fab and expects 50,000 wafers a month by 2027. The \
Japanese government aims for 15 trillion yen in chip sales by 2030, up from 5 trillion yen \
in 2020.
"""


def main(argv: list[str]) -> int:
    text = Path(argv[1]).read_text("utf-8") if len(argv) > 1 else ARTICLE
    source = Source("Chip makers race to 2nm", publisher="Example News", published="2025-04-20")

    # 1. Draft: one event per statement, with the quote and the reasons behind it.
    drafts = timeline.extract(text, source=source, known_actors={"Intel": ["Intel Foundry"]})
    print(f"{drafts.stats.statements} statements in {drafts.stats.sentences} sentences:")
    for d in drafts:
        mark = "?" if d.low_confidence else " "
        print(f" {mark} {d.confidence:.2f} {d.when!s:<18} {d.status.value:<9} {d.title}")
        if d.target is not None:
            print(f"        target: {d.target}")

    # 2. The draft file a person edits; `timeline check draft.yaml` accepts it as written.
    Path("draft.yaml").write_text(drafts.to_yaml(), encoding="utf-8")
    reviewed = timeline.Timeline.load("draft.yaml")
    assert reviewed == drafts.timeline()

    # 3. After review: what is still expected, as a calendar feed.
    expected = reviewed.filter(status=[Status.EXPECTED, Status.CONFIRMED])
    expected.write_ics("feed.ics", name="Chip makers: expected")
    print(f"Wrote draft.yaml ({len(reviewed)} events) and feed.ics ({len(expected)} expected)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
