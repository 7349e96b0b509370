"""Export: a timeline as an RFC 5545 feed, built on the ``ics`` package's component model.

Each VEVENT and the VCALENDAR are ``ics`` containers of content lines
(``ics.grammar.parse.Container`` and ``ContentLine``), serialised by ``ics``;
this module decides every value and post-processes the text. The higher-level
``ics.Event``/``ics.Calendar`` are not used, because of ics 0.7's known gaps:

* no DTSTAMP unless ``created`` is set, a random UID unless one is passed:
  here DTSTAMP is always the event's last change and UID ``{id}@{domain}``;
* events kept in a set (no order): here the calendar holds them in timeline order;
* no line folding and no final CRLF: every line is folded here at 75 octets,
  never inside a UTF-8 character, and the feed ends with CRLF;
* URLs backslash-escaped, CATEGORIES in set order, no SEQUENCE property;
* ``make_all_day()`` moves the end, and its arrow-based date handling is
  about half the cost of an export: dates are formatted here;
* ``\\r`` escaped as ``\\r``, which RFC 5545 does not define: text is
  cleaned here (CR and CRLF become newlines, other control characters go),
  so no data can break a line or inject a property.

Properties come out in a fixed order, so the same timeline always gives the
same bytes.
"""

from __future__ import annotations

import datetime as _dt
import json
import urllib.parse
import warnings
from collections.abc import Callable, Mapping
from typing import Any, Literal

import attrs

from timeline._errors import TimelineWarning
from timeline.dates._bounds import Point, _cmp
from timeline.dates._days import to_day
from timeline.dates._precision import Precision, Relation
from timeline.dates._when import When
from timeline.figures._source import Source
from timeline.ics._feed import X, clean_text, encode_when, escape_text, fold, join_list
from timeline.model._claim import Claim, Status
from timeline.model._event import Event
from timeline.model._figures import figures_text
from timeline.model._timeline import Timeline
from timeline.records._schema import observation_to_record, target_to_record

__all__ = ["LONG_SPAN_DAYS", "Placement", "export", "place", "undated_count"]

LONG_SPAN_DAYS = 92
"""Spans longer than this (a quarter or season at most) become one-day markers in "auto"."""

FALLBACK_STAMP = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
"""DTSTAMP and LAST-MODIFIED of an event with no dated claim or source."""

_ONE_DAY = _dt.timedelta(days=1)


@attrs.frozen
class Placement:
    """Where an event goes in a calendar: DTSTART, exclusive DTEND, and why.

    ``start`` and ``end`` are dates (all-day) or instants; ``end`` is ``None``
    for a point in time. ``marker`` says which end of a longer span a one-day
    marker stands on ("first" or "last"), ``None`` when the whole span is shown.

    >>> place(Event(title="x", when=When.month(2026, 4)), "auto").end
    datetime.date(2026, 5, 1)
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
    '24 March 2026 to 27 March 2026'
    """
    if event.end is None:
        return str(event.when)
    if event.when.is_interval or event.end.is_interval:
        # "until 2026 to 2027" or "2025 to 2026 to 2027" would not say which part is which
        return f"{event.when}, ending {event.end}"
    return f"{event.when} to {event.end}"


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


def description(event: Event, placement: Placement, titles: Mapping[str, str] | None = None) -> str:
    """DESCRIPTION: the date in words, status, actors, sources with quotes, history.

    ``titles`` maps event ids to titles, so related events are named as a subscriber
    knows them; an id not in it is shown as it is.

    >>> print(description(Event(title="x", when=When.year(2030).by()),
    ...                   Placement(_dt.date(2030, 12, 31), None, "last")))
    When: by end of 2030
    Shown on 31 December 2030, the last possible day.
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
    figures = figures_text(event)
    if figures:
        lines += ["", *figures]
    return "\n".join(lines)


# -- stamps and values --------------------------------------------------------------


def _utc(p: _dt.date) -> _dt.datetime:
    if isinstance(p, _dt.datetime):
        if p.tzinfo is None:  # floating: read as UTC, the only fixed choice
            return p.replace(tzinfo=_dt.UTC)
        return p.astimezone(_dt.UTC)
    return _dt.datetime(p.year, p.month, p.day, tzinfo=_dt.UTC)


def stamp(event: Event) -> _dt.datetime:
    """DTSTAMP and LAST-MODIFIED: the event's last change in UTC, never the clock.

    The last change is the latest claim that changed the date or status, else
    the first source's ``published``; failing both, the latest ``published``
    of any source, else `FALLBACK_STAMP` (1970-01-01T00:00:00Z).

    >>> stamp(Event(title="x", when=When.year(2026))).isoformat()
    '1970-01-01T00:00:00+00:00'
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
    # Figures travel as the data-file records (their text round-trips exactly).
    if event.target is not None:
        props.append((f"{X}TARGET", _json(target_to_record(event.target))))
    props += [(f"{X}OBSERVATION", _json(observation_to_record(o))) for o in event.observations]
    return props


# -- assembly -----------------------------------------------------------------------

_STATUS = {
    Status.EXPECTED: "TENTATIVE",
    Status.CONFIRMED: "CONFIRMED",
    Status.HAPPENED: "CONFIRMED",
    Status.CANCELLED: "CANCELLED",
}
_DATE = {"VALUE": ["DATE"]}


def _stamp_text(p: _dt.datetime) -> str:
    return f"{p.year:04d}{p.month:02d}{p.day:02d}T{p.hour:02d}{p.minute:02d}{p.second:02d}Z"


def _date_text(p: _dt.date) -> str:
    return f"{p.year:04d}{p.month:02d}{p.day:02d}"


def _moment(name: str, p: _dt.date, line: Callable[..., Any]) -> Any:
    """DTSTART or DTEND: a DATE, a UTC time (for an aware instant) or a floating time."""
    if not isinstance(p, _dt.datetime):
        return line(name, params=_DATE, value=_date_text(p))
    if p.tzinfo is None:
        return line(name, value=_floating(p))
    return line(name, value=_stamp_text(_utc(p)))


def _vevent(
    event: Event,
    placement: Placement,
    domain: str,
    component: Callable[..., Any],
    line: Callable[..., Any],
    titles: Mapping[str, str],
) -> Any:
    """One VEVENT as an ``ics`` container, properties in a fixed order."""
    text = summary(event)
    when = _stamp_text(stamp(event))
    item = component("VEVENT")
    item.append(line("UID", value=escape_text(f"{event.id}@{domain}")))
    item.append(line("DTSTAMP", value=when))
    item.append(line("LAST-MODIFIED", value=when))
    item.append(line("SEQUENCE", value=str(event.revisions)))
    item.append(_moment("DTSTART", placement.start, line))
    if placement.end is not None:
        item.append(_moment("DTEND", placement.end, line))
    item.append(line("SUMMARY", value=escape_text(text)))
    item.append(line("STATUS", value=_STATUS[event.status]))
    # A feed of others' plans never makes the subscriber busy.
    item.append(line("TRANSP", value="TRANSPARENT"))
    categories = list(dict.fromkeys(c for c in (event.kind, *event.tags) if c))
    if categories:
        item.append(line("CATEGORIES", value=join_list(categories)))
    if event.location and clean_text(event.location).strip():
        item.append(line("LOCATION", value=escape_text(event.location)))
    url = event.url
    if url is not None:
        item.append(line("URL", value=_uri(url)))
    item.append(line("DESCRIPTION", value=escape_text(description(event, placement, titles))))
    for name, value in private_props(event, title_differs=text != event.title):
        item.append(line(name, value=value))
    return item


def _prodid() -> str:
    from timeline._version import installed_version

    return f"-//timeline//timeline {installed_version()}//EN"


def undated_count(timeline: Timeline, *, include_cancelled: bool = False) -> int:
    """How many events a feed leaves out because they have no date yet ("TBD").

    >>> undated_count(Timeline([Event(title="x", when="TBD"), Event(title="y", when="2026")]))
    1
    """
    return sum(
        1
        for e in timeline
        if e.when.is_undated and (include_cancelled or e.status is not Status.CANCELLED)
    )


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
    """The feed text; arguments are already checked by `timeline.ics._feed.to_ics`.

    >>> export(Timeline(), name="Demo", description=None, domain="example.org",
    ...        policy="auto", include_cancelled=False, refresh=None).splitlines()[-1]
    'END:VCALENDAR'
    """
    from ics.grammar.parse import Container, ContentLine

    calendar = Container("VCALENDAR")
    calendar.append(ContentLine("VERSION", value="2.0"))
    calendar.append(ContentLine("PRODID", value=escape_text(_prodid())))
    calendar.append(ContentLine("CALSCALE", value="GREGORIAN"))
    calendar.append(ContentLine("NAME", value=escape_text(name)))
    calendar.append(ContentLine("X-WR-CALNAME", value=escape_text(name)))
    # An empty TEXT property (DESCRIPTION:) is refused by libical: leave it out.
    if description is not None and clean_text(description).strip():
        calendar.append(ContentLine("DESCRIPTION", value=escape_text(description)))
        calendar.append(ContentLine("X-WR-CALDESC", value=escape_text(description)))
    if refresh is not None:
        duration = {"VALUE": ["DURATION"]}
        calendar.append(ContentLine("REFRESH-INTERVAL", params=duration, value=refresh))
        calendar.append(ContentLine("X-PUBLISHED-TTL", value=refresh))
    skipped = []
    titles = {event.id: event.title for event in timeline}
    for event in timeline:
        if event.status is Status.CANCELLED and not include_cancelled:
            continue
        if event.when.is_undated:  # a feed event needs a date; counted by undated_count
            continue
        try:
            placement = place(event, policy)
        except OverflowError:  # the day after 9999-12-31 cannot be written
            placement = None
        if placement is None:
            skipped.append(event)
            continue
        calendar.append(_vevent(event, placement, domain, Container, ContentLine, titles))
    if skipped:
        names = ", ".join(f"{e.id!r} ({e.when})" for e in skipped[:10])
        more = f" and {len(skipped) - 10} more" if len(skipped) > 10 else ""
        warnings.warn(
            f"left {len(skipped)} event(s) out of the feed because iCalendar cannot place "
            f"them (no bounded day, or past 9999-12-30): {names}{more}; give them a date",
            TimelineWarning,
            stacklevel=4,
        )
    # Every value was escaped above, so no raw CR or LF is left inside a line:
    # splitting the container's CRLF-joined text gives exactly its content lines.
    return "".join(fold(text) + "\r\n" for text in str(calendar).split("\r\n"))
