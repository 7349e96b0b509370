"""Export: a timeline as an RFC 5545 feed, built on the ``ics`` package's component model.

Each VEVENT and the VCALENDAR are ``ics`` containers of content lines
(``ics.grammar.parse.Container`` and ``ContentLine``), serialised by ``ics``;
timeline decides every value and post-processes the text. The higher-level
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
same bytes. Where an event goes is `timeline.ics._placement`, its SUMMARY and
DESCRIPTION `timeline.ics._export_text`, its ``X-TIMELINE-*`` properties
`timeline.ics._export_props`; this module assembles the feed.
"""

from __future__ import annotations

import datetime as _dt
import urllib.parse
import warnings
from collections.abc import Callable, Mapping
from typing import Any

from timeline._errors import TimelineWarning, quoted
from timeline.dates._days import to_day
from timeline.dates._when import When
from timeline.figures._growth import _span
from timeline.ics._export_props import private_props
from timeline.ics._export_text import description, summary
from timeline.ics._feed import X, clean_text, escape_text, exact_json, fold, join_list, json_text
from timeline.ics._placement import (
    LONG_SPAN_DAYS,
    Placement,
    place,
    stretches,
    unplaced_reason,
    written,
)
from timeline.model._claim import Status
from timeline.model._event import Event
from timeline.model._timeline import Timeline

__all__ = ["LONG_SPAN_DAYS", "Placement", "export", "place", "undated_count"]

_NO_UTC = (
    "its time is outside years 1..9999 in UTC, the only zone a feed writes; give it a time "
    "inside them, or a day"
)

FALLBACK_STAMP = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)
"""DTSTAMP and LAST-MODIFIED of an event with no dated claim or source."""


# -- stamps and values --------------------------------------------------------------


def _utc(p: _dt.date) -> _dt.datetime:
    """``p`` in UTC; raises ``OverflowError`` for an instant whose UTC is outside years 1..9999."""
    if isinstance(p, _dt.datetime):
        if p.tzinfo is None:  # floating: read as UTC, the only fixed choice
            return p.replace(tzinfo=_dt.UTC)
        return p.astimezone(_dt.UTC)
    return _dt.datetime(p.year, p.month, p.day, tzinfo=_dt.UTC)


def _stamp_of(p: _dt.date) -> _dt.datetime:
    """A stamp in UTC; an instant whose UTC is past the calendar's ends stamps its own day."""
    try:
        return _utc(p)
    except OverflowError:  # 0001-01-01T00:00+14:00 is in year 0 in UTC
        return _dt.datetime(p.year, p.month, p.day, tzinfo=_dt.UTC)


def stamp(event: Event) -> _dt.datetime:
    """DTSTAMP and LAST-MODIFIED: when what the feed shows was last revised, never the clock.

    That is the latest moment a claim was stated, a source published or a figure became
    known (`Observation.known_on`: its period ended and its source was published). Each
    shows in the text: a restatement or a date respelled at another offset changes the
    summary or the description's history but not the date or status, so SEQUENCE stays
    and only this tells the new version from the old (RFC 5545 §3.8.7.2, RFC 5546 §2.1.5).
    Statements are dated to the day, so two said on one day would share its midnight:
    each dated thing, in the order `Event.as_of` comes to know them (by the day each
    counts from; on one day the sources published then, the claims stated then in stated
    order, i.e. in list order, DESIGN §3, then the figures that became known), is stamped
    at its moment or one second after the stamp of the one before it (the initial
    statement first), whichever is later. So every claim, source or figure added on the
    latest day gives a later stamp, and so does each day a feed rebuilt as of that day
    (``--as-of``) knows one more, even an instant said earlier in UTC on a later local
    day. With nothing dated, `FALLBACK_STAMP` (1970-01-01T00:00:00Z).

    >>> stamp(Event(title="x", when=When.year(2026))).isoformat()
    '1970-01-01T00:00:00+00:00'
    >>> e = Event(title="x", when="2026-04").revise(stated="2026-03-10", note="still April")
    >>> stamp(e).isoformat()
    '2026-03-10T00:00:00+00:00'
    >>> stamp(e.revise(stated="2026-03-10", note="and again")).isoformat()
    '2026-03-10T00:00:01+00:00'
    """
    first = None if event.stated is None else _said_at(event.stated)
    said = None if first is None else _stamp_of(first)  # the initial statement
    known: list[tuple[int, int, _dt.datetime]] = []  # (day, rank that day, moment)
    for source in event.sources[1:]:
        at = _said_at(source.published)
        if at is not None:
            known.append((to_day(at).toordinal(), 0, _stamp_of(at)))
    for claim in event.claims:
        at = _said_at(claim.stated)
        if at is not None:
            known.append((claim.day.toordinal(), 1, _stamp_of(at)))
    target = event.target
    figures = [*([target.baseline] if target and target.baseline else []), *event.observations]
    for figure in figures:
        ended = _span(figure.when)[1]
        if ended is None:
            continue  # never known (`Observation.known_on`)
        published = figure.source.published if figure.source is not None else None
        opened = None if published is None else published.earliest
        points = [p for p in (ended, opened) if p is not None]
        day = max(to_day(p).toordinal() for p in points)
        known.append((day, 2, max(_stamp_of(p) for p in points)))
    # Known in this order (a stable sort: a day's claims stay in stated order), stamped
    # strictly later one after another: a feed as of a day stamps a prefix of the next's.
    known.sort(key=_known_order)
    for _, _, moment in known:
        if said is not None and moment <= said:
            moment = _next_second(said)
        said = moment
    return FALLBACK_STAMP if said is None else said


def _known_order(item: tuple[int, int, _dt.datetime]) -> tuple[int, int]:
    return item[0], item[1]


def _said_at(when: When | None) -> _dt.date | None:
    """The moment a statement dated ``when`` counts from: its first, or ("../2026") its
    last; ``None`` for "TBD" or "../..", which date nothing."""
    if when is None:
        return None
    return when.earliest if when.earliest is not None else when.latest


def _next_second(moment: _dt.datetime) -> _dt.datetime:
    """A second after ``moment``; ``moment`` itself at the end of the calendar."""
    m = moment  # a plain datetime: pendulum's addition drops a `datetime.UTC` zone
    plain = _dt.datetime(m.year, m.month, m.day, m.hour, m.minute, m.second, tzinfo=_dt.UTC)
    try:
        return plain + _dt.timedelta(seconds=1)
    except OverflowError:
        return moment


def _uri(url: str) -> str:
    # URI values are not TEXT: no backslash escapes. Percent-encoding whatever
    # a URI cannot hold raw (spaces, controls, non-ASCII) keeps the line intact.
    return urllib.parse.quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~-._")


def _floating(p: _dt.datetime) -> str:
    return f"{p.year:04d}{p.month:02d}{p.day:02d}T{p.hour:02d}{p.minute:02d}{p.second:02d}"


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
    part: tuple[int, int] | None = None,
) -> Any:
    """One VEVENT as an ``ics`` container, properties in a fixed order.

    ``part`` is ``(k, n)`` for the k-th of n stretches of an "all of" set with gaps
    (`stretches`): the first keeps the event's UID and its ``X-TIMELINE-*`` properties;
    the others take the UID ``{id}+{k}@{domain}`` ("+" is never in an id), name the
    first as their SIBLING (RELATED-TO, RFC 5545 §3.2.15) and carry only
    ``X-TIMELINE-PART-OF``, so an import reads the event once, from the first.
    """
    text = summary(event)
    when = _stamp_text(stamp(event))
    item = component("VEVENT")
    uid = f"{event.id}@{domain}"
    later = part is not None and part[0] > 1
    item.append(
        line("UID", value=escape_text(f"{event.id}+{part[0]}@{domain}" if later and part else uid))
    )
    item.append(line("DTSTAMP", value=when))
    item.append(line("LAST-MODIFIED", value=when))
    item.append(line("SEQUENCE", value=str(event.revisions)))
    start, end = written(placement)
    item.append(_moment("DTSTART", start, line))
    if end is not None:
        item.append(_moment("DTEND", end, line))
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
    words = description(event, placement, titles, part=part)
    item.append(line("DESCRIPTION", value=escape_text(words)))
    if later:
        item.append(line("RELATED-TO", params={"RELTYPE": ["SIBLING"]}, value=escape_text(uid)))
        item.append(line(f"{X}PART-OF", value=escape_text(event.id)))
        return item
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
    unnamed: bool = False,
    exact_name: str | None = None,
) -> str:
    """The feed text; arguments are already checked by `timeline.ics._feed.to_ics`.

    ``exact_name`` is the name the feed reads back as: the timeline's own, kept exactly
    (``X-TIMELINE-EXACT``) when NAME cannot carry it (control characters).

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
    # What the calendar has no place for, so the timeline itself reads back exactly:
    # a timeline without a name (the feed is called "Calendar"), and its fiscal years.
    if unnamed:
        calendar.append(ContentLine(f"{X}UNNAMED", value="TRUE"))
    if timeline.fiscal_years:
        years = json_text(dict(sorted(timeline.fiscal_years.items())), separators=(", ", ": "))
        calendar.append(ContentLine(f"{X}FISCAL-YEARS", value=years))
    exact = exact_json({"name": exact_name, "description": description})
    if exact is not None:  # text NAME and DESCRIPTION cannot carry (control characters)
        calendar.append(ContentLine(f"{X}EXACT", value=exact))
    skipped: list[tuple[Event, str]] = []
    titles = {event.id: event.title for event in timeline}
    for event in timeline:
        if event.status is Status.CANCELLED and not include_cancelled:
            continue
        if event.when.is_undated:  # a feed event needs a date; counted by undated_count
            continue
        parts = stretches(event, policy)
        if parts is not None:  # an "all of" set with gaps: one VEVENT per stretch of days
            for k, stretch in enumerate(parts, 1):
                calendar.append(
                    _vevent(event, stretch, domain, Container, ContentLine, titles,
                            part=(k, len(parts)))
                )  # fmt: skip
            continue
        placement = place(event, policy)
        if placement is None:
            skipped.append((event, unplaced_reason(event)))
            continue
        try:
            item = _vevent(event, placement, domain, Container, ContentLine, titles)
        except OverflowError:  # 9999-12-31T23:00-14:00 is in year 10000 in UTC
            skipped.append((event, _NO_UTC))
            continue
        calendar.append(item)
    if skipped:
        names = "; ".join(f"{quoted(e.id)} ({e.when}): {why}" for e, why in skipped[:10])
        more = f"; and {len(skipped) - 10} more" if len(skipped) > 10 else ""
        warnings.warn(
            f"left {len(skipped)} event(s) out of the feed because iCalendar cannot place "
            f"them: {names}{more}",
            TimelineWarning,
            stacklevel=4,
        )
    # Every value was escaped above, so no raw CR or LF is left inside a line:
    # splitting the container's CRLF-joined text gives exactly its content lines.
    return "".join(fold(text) + "\r\n" for text in str(calendar).split("\r\n"))
