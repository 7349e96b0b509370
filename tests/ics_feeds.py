"""Calendar text for import tests: a feed of events given as lines, read with its report."""

from __future__ import annotations

import warnings

from timeline import Timeline, TimelineWarning
from timeline.ics import ImportReport


def feed(*events: list[str], head: tuple[str, ...] = ()) -> str:
    """A VCALENDAR (CRLF) of VEVENTs, each given as its lines, after ``head`` lines."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", *head]
    for body in events:
        lines += ["BEGIN:VEVENT", *body, "END:VEVENT"]
    return "\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n"


def read(data: str | bytes) -> tuple[Timeline, ImportReport]:
    """The timeline and import report of calendar text or bytes, warnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TimelineWarning)
        return Timeline.from_ics(data, report=True)


def said(report: ImportReport) -> str:
    """Everything the report says, one message a line."""
    return "\n".join(report.messages())
