"""The words of a feed event: SUMMARY and DESCRIPTION.

The summary is the title with the date's precision in words when it is not
exact (and "expected" or "cancelled"); the description gives the date, where a
marker stands, status, actors, sources with quotes, history and figures. Dates
are said with `When.words`: a subscriber reads "some day in April 2026", never
the EDTF ``2026-04-XX`` (which the feed keeps in ``X-TIMELINE-EDTF``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

from timeline.dates._precision import Precision, Relation
from timeline.dates._when import When
from timeline.figures._source import Source
from timeline.ics._placement import Placement
from timeline.model._claim import Status
from timeline.model._event import Event
from timeline.model._figures import figures_text

__all__ = ["description", "summary", "when_words"]


def _precise(when: When) -> bool:
    return (
        when.precision in (Precision.SECOND, Precision.MINUTE, Precision.DAY)
        and not when.qualified
        and when.relation is Relation.ON
        and not when.is_interval
        and when.unspecified is None
    )


def when_words(event: Event) -> str:
    """The event's date in words: its `When`, or "X to Y" when it has an end.

    >>> when_words(Event(title="x", when=When.day(2026, 3, 24), end=When.day(2026, 3, 27)))
    '24 March 2026 to 27 March 2026'
    """
    when, end = event.when.words(), None if event.end is None else event.end.words()
    if event.end is None:
        return when
    if event.end.is_undated:  # "by end of 2033 to date not announced" read as one date
        return f"{when}, its end not announced"
    if event.when.is_interval or event.end.is_interval:
        # "until 2026 to 2027" or "2025 to 2026 to 2027" would not say which part is which
        return f"{when}, ending {end}"
    return f"{when} to {end}"


def summary(event: Event) -> str:
    """SUMMARY: the title, with the date's precision in words when it is not exact.

    Expected events always say so: "Tencent Hybrid Model 3.0 release
    (expected April 2026)".

    >>> summary(Event(title="DeepSeek V4 release", when=When.month(2026, 4)))
    'DeepSeek V4 release (expected April 2026)'
    """
    status = event.status
    if status is Status.EXPECTED:
        return f"{event.title} (expected {when_words(event)})"
    if status is Status.CANCELLED:
        return f"{event.title} (cancelled)"
    if _precise(event.when) and (event.end is None or _precise(event.end)):
        return event.title
    return f"{event.title} ({when_words(event)})"


def _moment_words(p: _dt.date) -> str:
    if isinstance(p, _dt.datetime):
        return When.instant(p).words()
    return When.day(p.year, p.month, p.day).words()


def _source_words(source: Source) -> str:
    head = ", ".join(
        part
        for part in (source.title, source.publisher, source.published and source.published.words())
        if part
    )
    quote = f": “{source.quote}”" if source.quote else ""
    url = f" <{source.url}>" if source.url else ""
    return f"- {head}{quote}{url}"


def _history(event: Event) -> list[str]:
    slips = {id(s.claim): s for s in event.slips}
    first = f"first expected {event.initial_when.words()} ({event.initial_status.value})"
    stated = f"{event.stated.words()}: " if event.stated is not None else ""
    lines = [f"- {stated}{first}"]
    for claim in event.claims:
        parts = []
        if claim.when is not None:
            slip = slips.get(id(claim))
            moved = ""
            if slip is not None:
                later = f", {slip.days} days later" if slip.days else ""
                moved = f" (slipped from {slip.before.words()}{later})"
            parts.append(f"date {claim.when.words()}{moved}")
        if claim.status is not None:
            parts.append(f"status {claim.status.value}")
        if claim.note:
            parts.append(claim.note)
        if claim.source is not None:
            parts.append(f"source: {claim.source.title}")
        lines.append(f"- {claim.stated.words()}: {'; '.join(parts) or 'no change'}")
    return lines


def description(
    event: Event,
    placement: Placement,
    titles: Mapping[str, str] | None = None,
    *,
    part: tuple[int, int] | None = None,
) -> str:
    """DESCRIPTION: the date in words, status, actors, sources with quotes, history.

    ``titles`` maps event ids to titles, so related events are named as a subscriber
    knows them; an id not in it is shown as it is. ``part`` is ``(k, n)`` for the k-th
    of n stretches of an "all of" set with gaps: the stretch is named.

    >>> print(description(Event(title="x", when=When.year(2030).by()),
    ...                   Placement(_dt.date(2030, 12, 31), None, "last")))
    When: by end of 2030
    Shown on 31 December 2030, the last possible day.
    Status: expected
    """
    lines = [f"When: {when_words(event)}"]
    if part is not None:  # one of the stretches of an "all of" set with gaps
        last = placement.end - _dt.timedelta(days=1) if placement.end is not None else None
        shown = _moment_words(placement.start)
        if last is not None and last != placement.start:
            shown += f" to {_moment_words(last)}"
        lines.append(f"Part {part[0]} of {part[1]}: {shown} (one entry per stretch of days).")
    if placement.marker is not None:
        moment = "moment" if isinstance(placement.start, _dt.datetime) else "day"
        shown = _moment_words(placement.start)  # a day first: "15 April 2026 at 10:00 UTC+8"
        # a start with a last day whose end has none ("by 2033", ending TBD): the marker is
        # the last day it can start, not the last it can last to
        starts = " it can start" if event.end is not None and event.window[1] is None else ""
        lines.append(f"Shown on {shown}, the {placement.marker} possible {moment}{starts}.")
    if placement.end is None and placement.start == _dt.date.max:
        # written as floating times (timeline.ics._export.LAST_DAY_TIMES): say why
        lines.append(
            "Shown from 00:00 to 23:59:59 on 31 December 9999: a calendar has no day after it "
            "for an all-day event to end on."
        )
    lines.append(f"Status: {event.status.value}")
    for label, values in (
        ("Actors", event.actors),
        ("Kind", (event.kind,) if event.kind else ()),
        ("Tags", event.tags),
        ("Related", tuple((titles or {}).get(i, i) for i in event.related)),
    ):
        if values:
            lines.append(f"{label}: {', '.join(values)}")
    if event.description:
        lines += ["", event.description]
    if event.sources:
        lines += ["", "Sources:", *(_source_words(s) for s in event.sources)]
    if event.claims:
        lines += ["", "History:", *_history(event)]
    figures = figures_text(event, words=True)
    if figures:
        lines += ["", *figures]
    return "\n".join(lines)
