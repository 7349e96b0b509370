"""Export: a timeline as an RFC 5545 feed, built with the ``ics`` package.

``ics`` 0.7 provides the component model (``ics.Calendar``, ``ics.Event`` and
``ContentLine`` for what it has no field for) and serialises each component.
Its known gaps are worked around here and nowhere else:

* no DTSTAMP unless ``created`` is set: ``created`` is always set, from the
  event's last change (never the build clock);
* a random UID unless one is passed: the UID is always ``{id}@{domain}``;
* events kept in a set: each event is serialised alone and the calendar is
  assembled in timeline order;
* no line folding and no final CRLF: every line is folded here at 75 octets
  (never inside a UTF-8 character) and the feed ends with CRLF;
* URLs backslash-escaped, CATEGORIES in set order, no SEQUENCE: these are
  written as our own content lines;
* ``make_all_day()`` moves the end: the exclusive DTEND is set after it;
* ``\\r`` escaped as ``\\r`` (not RFC 5545): text is cleaned first, so CR never
  reaches it, and control characters cannot break a line.

Properties come out in a fixed order, so the same timeline always gives the
same bytes.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import urllib.parse
import warnings
from collections.abc import Callable
from typing import Any, Literal

import attrs
import pendulum

from timeline._bounds import Point, _cmp
from timeline._errors import TimelineWarning
from timeline._event import Claim, Event, Source, Status, to_day
from timeline._ics import X, clean_text, encode_when, escape_text, fold, join_list
from timeline._precision import Precision, Relation
from timeline._timeline import Timeline
from timeline._when import When

__all__ = ["LONG_SPAN_DAYS", "Placement", "export", "place"]

LONG_SPAN_DAYS = 92
"""Spans longer than this (a quarter or season at most) become one-day markers in "auto"."""

FALLBACK_STAMP = pendulum.datetime(1970, 1, 1)
"""DTSTAMP and LAST-MODIFIED of an event with no dated claim or source."""

_ONE_DAY = _dt.timedelta(days=1)


@attrs.frozen
class Placement:
    """Where an event goes in a calendar: DTSTART, exclusive DTEND, and why.

    ``start`` and ``end`` are dates (all-day) or instants; ``end`` is ``None``
    for a point in time. ``marker`` says which end of a longer span a one-day
    marker stands on ("first" or "last"), ``None`` when the whole span is shown.

    >>> place(Event(title="x", when=When.month(2026, 4)), "auto").end
    Date(2026, 5, 1)
    """

    start: _dt.date
    end: _dt.date | None
    marker: Literal["first", "last"] | None = None


def _day(p: Point) -> _dt.date:
    return _dt.date(p.year, p.month, p.day)


def place(event: Event, policy: str) -> Placement | None:
    """The placement of ``event`` under ``policy``; ``None`` when it has no bounded date.

    >>> place(Event(title="x", when=When.year(2030).by()), "auto")
    Placement(start=datetime.date(2030, 12, 31), end=datetime.date(2031, 1, 1), marker='last')
    """
    lo, hi = event.window
    if lo is not None and hi is not None and _cmp(hi, lo) < 0:
        # A later claim moved the date past the end: the end no longer applies.
        hi = event.when.latest
    if lo is None and hi is None:
        return None
    timed = all(isinstance(p, _dt.datetime) for p in (lo, hi) if p is not None)
    mode: Literal["window", "first", "last"]
    if lo is None:
        mode = "last"
    elif hi is None:
        mode = "first"
    elif policy == "auto":
        # Events with an end last that long: their span is shown whatever its length.
        long = (_day(hi) - _day(lo)).days + 1 > LONG_SPAN_DAYS
        mode = "last" if long and not timed and event.end is None else "window"
    else:
        mode = {"window": "window", "start": "first", "end": "last"}[policy]  # type: ignore[assignment]
    if mode == "window":
        assert lo is not None and hi is not None
        if timed:
            return Placement(lo, hi if _cmp(hi, lo) > 0 else None)
        return Placement(_day(lo), _day(hi) + _ONE_DAY)
    point = lo if mode == "first" else hi
    assert point is not None
    # A marker stands for a longer span; a single instant or day is just itself.
    if timed:
        return Placement(point, None, None if lo == hi else mode)
    single = lo is not None and hi is not None and _day(lo) == _day(hi)
    return Placement(_day(point), _day(point) + _ONE_DAY, None if single else mode)


# -- text ---------------------------------------------------------------------------


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
    '2026-03-24 to 2026-03-27'
    """
    if event.end is None:
        return str(event.when)
    return f"{event.when} to {event.end}"


def summary(event: Event) -> str:
    """SUMMARY: the title, with the date's precision in words when it is not exact.

    Expected events always say so: "Tencent Hybrid Model 3.0 release
    (expected April 2026)".

    >>> summary(Event(title="DeepSeek V4 release", when=When.month(2026, 4)))
    'DeepSeek V4 release (expected 2026-04)'
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
        return str(When.instant(p))
    return str(When.day(p.year, p.month, p.day))


def _source_words(source: Source) -> str:
    head = ", ".join(
        part
        for part in (source.title, source.publisher, source.published and str(source.published))
        if part
    )
    quote = f": “{source.quote}”" if source.quote else ""
    url = f" <{source.url}>" if source.url else ""
    return f"- {head}{quote}{url}"


def _history(event: Event) -> list[str]:
    slips = {id(s.claim): s for s in event.slips}
    first = f"first expected {event.initial_when} ({event.initial_status.value})"
    stated = f"{event.stated}: " if event.stated is not None else ""
    lines = [f"- {stated}{first}"]
    for claim in event.claims:
        parts = []
        if claim.when is not None:
            slip = slips.get(id(claim))
            moved = ""
            if slip is not None:
                later = f", {slip.days} days later" if slip.days else ""
                moved = f" (slipped from {slip.before}{later})"
            parts.append(f"date {claim.when}{moved}")
        if claim.status is not None:
            parts.append(f"status {claim.status.value}")
        if claim.note:
            parts.append(claim.note)
        if claim.source is not None:
            parts.append(f"source: {claim.source.title}")
        lines.append(f"- {claim.stated}: {'; '.join(parts) or 'no change'}")
    return lines


def description(event: Event, placement: Placement) -> str:
    """DESCRIPTION: the date in words, status, actors, sources with quotes, history.

    >>> print(description(Event(title="x", when=When.year(2030).by()),
    ...                   Placement(pendulum.date(2030, 12, 31), None, "last")))
    When: [..2030]
    Shown on 2030-12-31, the last possible day.
    Status: expected
    """
    lines = [f"When: {when_words(event)}"]
    if placement.marker is not None:
        moment = "moment" if isinstance(placement.start, _dt.datetime) else "day"
        where = "at" if moment == "moment" else "on"
        shown = _moment_words(placement.start)
        lines.append(f"Shown {where} {shown}, the {placement.marker} possible {moment}.")
    lines.append(f"Status: {event.status.value}")
    for label, values in (
        ("Actors", event.actors),
        ("Kind", (event.kind,) if event.kind else ()),
        ("Tags", event.tags),
        ("Related", event.related),
    ):
        if values:
            lines.append(f"{label}: {', '.join(values)}")
    if event.description:
        lines += ["", event.description]
    if event.sources:
        lines += ["", "Sources:", *(_source_words(s) for s in event.sources)]
    if event.claims:
        lines += ["", "History:", *_history(event)]
    # Figures (targets and observations) are added here once that work lands.
    return "\n".join(lines)


# -- stamps and values --------------------------------------------------------------


def _utc(p: _dt.date) -> _dt.datetime:
    if isinstance(p, _dt.datetime):
        if p.tzinfo is None:  # floating: read as UTC, the only honest fixed choice
            return pendulum.datetime(p.year, p.month, p.day, p.hour, p.minute, p.second)
        return pendulum.instance(p).in_tz("UTC")
    return pendulum.datetime(p.year, p.month, p.day)


def stamp(event: Event) -> _dt.datetime:
    """DTSTAMP and LAST-MODIFIED: the event's last change in UTC, never the clock.

    The last change is the latest claim that changed the date or status, else
    the first source's ``published``; failing both, the latest ``published``
    of any source, else `FALLBACK_STAMP` (1970-01-01T00:00:00Z).

    >>> stamp(Event(title="x", when=When.year(2026)))
    DateTime(1970, 1, 1, 0, 0, 0, tzinfo=Timezone('UTC'))
    """
    changed = event.last_changed
    if changed is not None and (changed.earliest or changed.latest) is not None:
        point = changed.earliest if changed.earliest is not None else changed.latest
        assert point is not None
        return _utc(point)
    days = [to_day(s.published) for s in event.sources if s.published is not None]
    return _utc(max(days)) if days else FALLBACK_STAMP


def _uri(url: str) -> str:
    # URI values are not TEXT: no backslash escapes. Percent-encoding whatever
    # a URI cannot hold raw (spaces, controls, non-ASCII) keeps the line intact.
    return urllib.parse.quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~-._")


def _floating(p: _dt.datetime) -> str:
    return f"{p.year:04d}{p.month:02d}{p.day:02d}T{p.hour:02d}{p.minute:02d}{p.second:02d}"


def _edtf_props(name: str, when: When) -> list[tuple[str, str]]:
    edtf, text = encode_when(when)
    props = [(f"{X}{name}", escape_text(edtf))]
    if text is not None:
        props.append((f"{X}{name}-TEXT", escape_text(text)))
    return props


def _when_json(out: dict[str, Any], key: str, when: When | None) -> None:
    if when is not None:
        edtf, text = encode_when(when)
        out[key] = edtf
        if text is not None:
            out[f"{key}_text"] = text


def source_json(source: Source) -> dict[str, Any]:
    """A `Source` as the JSON object an ``X-TIMELINE-SOURCE`` property carries.

    >>> source_json(Source("s", published=When.month(2026, 3)))
    {'title': 's', 'published': '2026-03'}
    """
    out: dict[str, Any] = {"title": source.title}
    for key in ("publisher", "url"):
        if getattr(source, key) is not None:
            out[key] = getattr(source, key)
    _when_json(out, "published", source.published)
    if source.quote is not None:
        out["quote"] = source.quote
    return out


def claim_json(claim: Claim) -> dict[str, Any]:
    """A `Claim` as the JSON object an ``X-TIMELINE-CLAIM`` property carries.

    >>> claim_json(Claim(stated=When.day(2026, 4, 20), when=When.month(2026, 5)))
    {'stated': '2026-04-20', 'when': '2026-05'}
    """
    out: dict[str, Any] = {}
    _when_json(out, "stated", claim.stated)
    _when_json(out, "when", claim.when)
    if claim.status is not None:
        out["status"] = claim.status.value
    if claim.source is not None:
        out["source"] = source_json(claim.source)
    if claim.note is not None:
        out["note"] = claim.note
    return out


def _json(value: dict[str, Any]) -> str:
    return escape_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def private_props(event: Event, title_differs: bool) -> list[tuple[str, str]]:
    """The ``X-TIMELINE-*`` properties that let `timeline.Timeline.from_ics` rebuild ``event``.

    >>> private_props(Event(title="x", when=When.year(2026)), True)[:2]
    [('X-TIMELINE-ID', 'x'), ('X-TIMELINE-TITLE', 'x')]
    """
    props = [(f"{X}ID", escape_text(event.id))]
    if title_differs:
        props.append((f"{X}TITLE", escape_text(event.title)))
    props += _edtf_props("WHEN", event.when)
    if encode_when(event.initial_when) != encode_when(event.when):
        props += _edtf_props("INITIAL-WHEN", event.initial_when)
    if event.end is not None:
        props += _edtf_props("END", event.end)
    props.append((f"{X}STATUS", event.status.value))
    if event.initial_status is not event.status:
        props.append((f"{X}INITIAL-STATUS", event.initial_status.value))
    if event.kind is not None:
        props.append((f"{X}KIND", escape_text(event.kind)))
    for name, values in (("ACTORS", event.actors), ("TAGS", event.tags)):
        if values:
            props.append((f"{X}{name}", join_list(values)))
    if event.related:
        props.append((f"{X}RELATED", join_list(event.related)))
    if event.description is not None:
        props.append((f"{X}DESCRIPTION", escape_text(event.description)))
    props += [(f"{X}SOURCE", _json(source_json(s))) for s in event.sources]
    props += [(f"{X}CLAIM", _json(claim_json(c))) for c in event.claims]
    return props


# -- assembly -----------------------------------------------------------------------

_EVENT_ORDER = {
    name: rank
    for rank, name in enumerate(
        (
            *("UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY"),
            *("STATUS", "TRANSP", "CATEGORIES", "LOCATION", "URL", "DESCRIPTION"),
        )
    )
}
_CALENDAR_ORDER = {
    name: rank
    for rank, name in enumerate(
        (
            *("VERSION", "PRODID", "CALSCALE", "NAME", "X-WR-CALNAME", "DESCRIPTION"),
            *("X-WR-CALDESC", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"),
        )
    )
}
_NAME = re.compile(r"[A-Z0-9-]+")
_STATUS = {
    Status.EXPECTED: "TENTATIVE",
    Status.CONFIRMED: "CONFIRMED",
    Status.HAPPENED: "CONFIRMED",
    Status.CANCELLED: "CANCELLED",
}


def _ordered(text: str, order: dict[str, int]) -> list[str]:
    """The property lines ``ics`` serialised, without BEGIN/END, in our fixed order."""
    lines = text.split("\r\n")[1:-1]
    last = len(order)

    def rank(line: str) -> int:
        match = _NAME.match(line)
        return order.get(match[0] if match else "", last)

    return sorted(lines, key=rank)  # stable: X- properties keep the order they were added


def _vevent(
    event: Event, placement: Placement, domain: str, ics: Any, line: Callable[..., Any]
) -> list[str]:
    title = clean_text(event.title)
    text = summary(event)
    when = stamp(event)
    item = ics.Event(
        name=clean_text(text),
        uid=f"{event.id}@{domain}",
        description=clean_text(description(event, placement)),
        created=when,  # ics 0.7 writes `created` as DTSTAMP
        last_modified=when,
        location=clean_text(event.location) if event.location else None,
        transparent=True,  # a feed of others' plans never makes the subscriber busy
        status=_STATUS[event.status],
    )
    start, end = placement.start, placement.end
    if not isinstance(start, _dt.datetime):
        item.begin = start
        item.make_all_day()
        item.end = end  # after make_all_day, which would move it
    elif start.tzinfo is not None:
        item.begin = start
        if end is not None:
            item.end = end
    else:  # a floating time: ics would write it as UTC
        assert end is None or isinstance(end, _dt.datetime)
        item.extra.append(line("DTSTART", value=_floating(start)))
        if end is not None:
            item.extra.append(line("DTEND", value=_floating(end)))
    item.extra.append(line("SEQUENCE", value=str(event.revisions)))
    categories = list(dict.fromkeys(c for c in (event.kind, *event.tags) if c))
    if categories:
        item.extra.append(line("CATEGORIES", value=join_list(categories)))
    url = next((s.url for s in event.sources if s.url), None)
    if url is not None:
        item.extra.append(line("URL", value=_uri(url)))
    for name, value in private_props(event, title_differs=text != title):
        item.extra.append(line(name, value=value))
    return ["BEGIN:VEVENT", *_ordered(item.serialize(), _EVENT_ORDER), "END:VEVENT"]


def _prodid() -> str:
    import timeline

    return f"-//timeline//timeline {timeline.__version__}//EN"


def export(
    timeline: Timeline,
    *,
    name: str,
    description: str | None,
    domain: str,
    policy: str,
    include_cancelled: bool,
    refresh: str | None,
) -> str:
    """The feed text; arguments are already checked by `timeline._ics.to_ics`.

    >>> export(Timeline(), name="Demo", description=None, domain="example.org",
    ...        policy="auto", include_cancelled=False, refresh=None).splitlines()[-1]
    'END:VCALENDAR'
    """
    import ics
    from ics.grammar.parse import ContentLine

    calendar = ics.Calendar(creator=_prodid())
    calendar.scale = "GREGORIAN"
    head = [("NAME", escape_text(name)), ("X-WR-CALNAME", escape_text(name))]
    if description is not None:
        head += [("DESCRIPTION", escape_text(description))]
        head += [("X-WR-CALDESC", escape_text(description))]
    if refresh is not None:
        head += [("REFRESH-INTERVAL", refresh), ("X-PUBLISHED-TTL", refresh)]
    for key, value in head:
        params = {"VALUE": ["DURATION"]} if key == "REFRESH-INTERVAL" else {}
        calendar.extra.append(ContentLine(key, params=params, value=value))
    lines = ["BEGIN:VCALENDAR", *_ordered(calendar.serialize(), _CALENDAR_ORDER)]
    skipped = []
    for event in timeline:
        if event.status is Status.CANCELLED and not include_cancelled:
            continue
        try:
            placement = place(event, policy)
        except OverflowError:  # the day after 9999-12-31 cannot be written
            placement = None
        if placement is None:
            skipped.append(event)
            continue
        lines += _vevent(event, placement, domain, ics, ContentLine)
    lines.append("END:VCALENDAR")
    if skipped:
        names = ", ".join(f"{e.id!r} ({e.when})" for e in skipped[:10])
        more = f" and {len(skipped) - 10} more" if len(skipped) > 10 else ""
        warnings.warn(
            f"left {len(skipped)} event(s) out of the feed because iCalendar cannot place "
            f"them (no bounded day, or past 9999-12-30): {names}{more}; give them a date",
            TimelineWarning,
            stacklevel=4,
        )
    return "\r\n".join(fold(text) for text in lines) + "\r\n"
