"""Who delivers on their promises: a track record and a milestone trend chart.

ILLUSTRATION ONLY: the announcers ("Acme Robotics", "Borealis Grid", "City of
Calder") and every date below are invented to show each kind of outcome. They
are not real companies, and this is not real data.

Prints the track record by announcer as known on 1 July 2026, one announcer's
promises behind each count, and the record by kind of promise; then writes
the milestone trend chart to ``trend.png`` in the current directory.

Run: ``python examples/track_record.py``
"""

from __future__ import annotations

from timeline import Event, Source, Timeline


def said(day: str) -> list[Source]:
    return [Source("Press release (invented)", publisher="Example Wire", published=day)]


def build() -> Timeline:
    events = [
        # Acme Robotics: one kept on the last day of its window, one late, one cancelled.
        Event(
            title="Acme: warehouse robot ships",
            when="March 2026",
            actors=["Acme Robotics"],
            kind="product-launch",
            sources=said("2025-11-10"),
        ).revise(stated="2026-03-31", when="2026-03-31", status="happened"),
        Event(
            title="Acme: home robot ships",
            when="Q1 2026",
            actors=["Acme Robotics"],
            kind="product-launch",
            sources=said("2025-10-01"),
        )
        .revise(stated="2026-02-15", when="April 2026", note="moved to April")
        .revise(stated="2026-04-20", when="June 2026", note="moved again")
        .revise(stated="2026-06-12", when="2026-06-12", status="happened"),
        Event(
            title="Acme: robot taxi pilot",
            when="mid 2026",
            actors=["Acme Robotics"],
            kind="pilot",
            sources=said("2025-09-01"),
        ).revise(stated="2026-05-02", status="cancelled", note="pilot dropped"),
        # Borealis Grid: a deadline kept, a slip that still lands in the first window.
        Event(
            title="Borealis: 2 GW of storage online",
            when="by June 2026",
            actors=["Borealis Grid"],
            kind="infrastructure",
            sources=said("2025-06-01"),
        ).revise(stated="2026-05-28", when="2026-05-28", status="happened"),
        Event(
            title="Borealis: northern line energised",
            when="Q2 2026",
            actors=["Borealis Grid"],
            kind="infrastructure",
            sources=said("2025-12-01"),
        )
        .revise(stated="2026-03-10", when="April 2026")
        .revise(stated="2026-04-15", when="June 2026", note="slipped, still in Q2")
        .revise(stated="2026-06-20", when="2026-06-20", status="happened"),
        # City of Calder: one overdue (broken), one pending, one open-ended.
        Event(
            title="Calder: tram line opens",
            when="May 2026",
            actors=["City of Calder"],
            kind="infrastructure",
            sources=said("2025-08-20"),
        ).revise(stated="2026-04-01", status="confirmed"),
        Event(
            title="Calder: free city Wi-Fi",
            when="Q4 2026",
            actors=["City of Calder", "Borealis Grid"],
            kind="pilot",
            sources=said("2026-02-01"),
        ),
        Event(
            title="Calder: new stadium",
            when="no earlier than 2027",
            actors=["City of Calder"],
            kind="infrastructure",
            sources=said("2026-01-15"),
        ),
    ]
    return Timeline(events, name="Invented announcers (illustration)")


def main() -> None:
    tl = build()
    print("ILLUSTRATION: invented announcers and dates, not real data.\n")
    print("== Track record by announcer")
    record = tl.track_record(as_of="2026-07-01")
    print(record)
    acme = record.row("Acme Robotics")
    print(f"\n== Behind Acme's counts: kept {acme.kept_ids}, late {acme.late_ids} ", end="")
    print(f"({acme.delay_days[0]} days), broken {acme.broken_ids}")
    print("\n== Track record by kind of promise")
    print(tl.track_record(by="kind", as_of="2026-07-01"))
    print("\n== As known on 1 March 2026")
    print(tl.track_record(as_of="2026-03-01"))
    path = tl.save_plot("trend.png", kind="trend", as_of="2026-07-01")
    print(f"\nWrote {path}: the milestone trend chart")


if __name__ == "__main__":
    main()
