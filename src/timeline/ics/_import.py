"""Import: read iCalendar feeds into a `Timeline`, with a content-line reader of our own.

``ics`` 0.7 parses each line with a PEG grammar, milliseconds a line; this
reader unfolds and splits lines with plain string operations (tens of times
faster), keeps the line number of everything it reads for error messages,
and needs no extra dependency.

Our own feeds (events with ``X-TIMELINE-ID``) come back exactly from their
private properties. Other feeds are read best-effort:

* DTSTART as a DATE gives a day; a multi-day all-day event gets an ``end``
  (DTEND is exclusive); timed values keep their zone (TZID when it names an
  IANA zone, UTC for ``Z``, the calendar's X-WR-TIMEZONE or floating otherwise);
* STATUS maps TENTATIVE to expected, CONFIRMED (or no STATUS) to confirmed,
  CANCELLED to cancelled; CATEGORIES become tags, URL a source;
* a recurring event (RRULE/RDATE) is imported as its first occurrence, an
  override of one occurrence (RECURRENCE-ID) is skipped, to-dos, journals and
  other components are skipped, lines that are not content lines are skipped,
  an event that cannot be read is skipped: each with a `TimelineWarning`
  naming it and its line;
* a file that is not iCalendar, or whose BEGIN/END do not pair up, raises
  `IcsParseError` with the line number.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import pendulum

from timeline._errors import DataFileError, IcsParseError, TimelineError, TimelineWarning
from timeline.dates._bounds import _cmp
from timeline.dates._when import When
from timeline.figures._source import Source
from timeline.ics._feed import X, decode_when, split_list, unescape_text
from timeline.model._claim import Claim
from timeline.model._event import Event
from timeline.model._timeline import Timeline
from timeline.records._schema_read import record_to_observation, record_to_target

_F = TypeVar("_F")

__all__ = ["Component", "Prop", "read", "read_components"]


@attrs.define(slots=True)
class Prop:
    """One content line: name, parameters, raw value and its line number.

    >>> Prop("SUMMARY", {}, "x", 3).text
    'x'
    """

    name: str
    params: dict[str, str]
    value: str
    line: int

    @property
    def text(self) -> str:
        """The value read as TEXT (unescaped).

        >>> Prop("SUMMARY", {}, "a\\\\, b", 1).text
        'a, b'
        """
        return unescape_text(self.value)


@attrs.define(slots=True)
class Component:
    """A BEGIN/END block: its name, line, properties by name, and nested components.

    >>> Component("VEVENT", 1).first("UID") is None
    True
    """

    name: str
    line: int
    props: dict[str, list[Prop]] = attrs.field(factory=dict)
    children: list[Component] = attrs.field(factory=list)

    def first(self, name: str) -> Prop | None:
        """The first property called ``name``, or ``None``.

        >>> Component("VEVENT", 1).first("SUMMARY") is None
        True
        """
        found = self.props.get(name)
        return found[0] if found else None

    def text(self, name: str) -> str | None:
        """The unescaped text of the first ``name`` property, or ``None`` when absent.

        >>> Component("VEVENT", 1).text("SUMMARY") is None
        True
        """
        found = self.props.get(name)
        return found[0].text if found else None


# -- content lines --------------------------------------------------------------------

_NAME = re.compile(r"[A-Za-z0-9-]+")
_QUOTED = re.compile(
    r'([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)',
    re.DOTALL,
)
_PARAM = re.compile(r';([A-Za-z0-9-]+)=((?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)')


def _logical_lines(data: bytes) -> list[tuple[int, bytes]]:
    """Unfolded lines with the number of their first physical line.

    Unfolding works on bytes, so a writer that folded inside a UTF-8 character
    still reads back right.
    """
    if b"\n" not in data and b"\r" in data:
        data = data.replace(b"\r", b"\n")  # old Mac line ends
    out: list[tuple[int, bytes]] = []
    parts: list[bytes] = []
    first = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        physical = raw[:-1] if raw.endswith(b"\r") else raw
        if physical[:1] in (b" ", b"\t") and parts:
            parts.append(physical[1:])
            continue
        if parts:
            out.append((first, b"".join(parts)))
        parts, first = [physical], number
    if parts:
        out.append((first, b"".join(parts)))
    return out


def _split(text: str) -> tuple[str, dict[str, str], str] | None:
    colon = text.find(":")
    if colon < 0:
        return None
    quote = text.find('"', 0, colon)
    if quote < 0:
        name, *params = text[:colon].split(";")
        value = text[colon + 1 :]
        if not _NAME.fullmatch(name):
            return None
        found = {}
        for param in params:
            key, eq, val = param.partition("=")
            if not eq or not _NAME.fullmatch(key):
                return None
            found[key.upper()] = val
        return name.upper(), found, value
    match = _QUOTED.fullmatch(text)
    if match is None:
        return None
    found = {m[1].upper(): m[2].replace('"', "") for m in _PARAM.finditer(match[2])}
    return match[1].upper(), found, match[3]


def read_components(data: bytes, broken: list[str] | None = None) -> list[Component]:
    """The top-level components of iCalendar ``data``; raises `IcsParseError`.

    Lines that are not content lines are skipped and listed in ``broken``.

    >>> [c.name for c in read_components(b"BEGIN:VCALENDAR\\r\\nEND:VCALENDAR\\r\\n")]
    ['VCALENDAR']
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    roots: list[Component] = []
    stack: list[Component] = []
    for number, raw in _logical_lines(data):
        if not raw.strip():
            continue
        try:
            text = raw.decode()
        except UnicodeDecodeError as err:
            raise IcsParseError(
                number, f"byte {raw[err.start]:#04x} is not UTF-8; save the file as UTF-8"
            ) from None
        parsed = _split(text)
        if parsed is None:
            if broken is not None:
                broken.append(f"line {number} {text[:40]!r}")
            continue
        name, params, value = parsed
        if name == "BEGIN":
            stack.append(Component(value.strip().upper(), number))
        elif name == "END":
            closing = value.strip().upper()
            if not stack:
                raise IcsParseError(
                    number, f"END:{closing} closes nothing; remove it or add BEGIN:{closing}"
                )
            if stack[-1].name != closing:
                open_ = stack[-1]
                raise IcsParseError(
                    number,
                    f"END:{closing} does not close BEGIN:{open_.name} (line {open_.line}); "
                    "the file is damaged",
                )
            done = stack.pop()
            (stack[-1].children if stack else roots).append(done)
        elif stack:
            stack[-1].props.setdefault(name, []).append(Prop(name, params, value, number))
        elif broken is not None:
            broken.append(f"line {number} {name} outside any component")
    if stack:
        raise IcsParseError(
            stack[-1].line,
            f"BEGIN:{stack[-1].name} is never closed; the file may be cut short",
        )
    if not any(c.name == "VCALENDAR" for c in roots):
        raise IcsParseError(1, "no BEGIN:VCALENDAR; this is not an iCalendar file")
    return roots


# -- values ---------------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATETIME = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)")
_DURATION = re.compile(
    r"([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", re.IGNORECASE
)


class _Skip(Exception):
    """An event that cannot be imported: the reason, for the warning."""


class _Reader:
    """Reads one calendar's events, collecting what it had to skip or simplify."""

    def __init__(self, zone: str | None) -> None:
        self.notes: dict[str, list[str]] = {}
        self.zones: dict[str, Any] = {}
        self.default_zone = self._zone(zone, 0) if zone else None

    def note(self, kind: str, what: str) -> None:
        self.notes.setdefault(kind, []).append(what)

    def _zone(self, name: str, line: int) -> Any:
        if name not in self.zones:
            try:
                self.zones[name] = pendulum.timezone(name.lstrip("/"))
            except Exception:  # pendulum raises several types for unknown names
                self.zones[name] = None
                self.note("unknown time zones, read as floating times", f"{name!r} (line {line})")
        return self.zones[name]

    def point(self, prop: Prop) -> _dt.date:
        """A DATE or DATE-TIME value: a date, or a datetime in its zone (or floating)."""
        value = prop.value.strip()
        try:
            if prop.params.get("VALUE", "").upper() == "DATE" or len(value) == 8:
                m = _DATE.fullmatch(value)
                if m is None:
                    raise ValueError
                return pendulum.date(int(m[1]), int(m[2]), int(m[3]))
            m = _DATETIME.fullmatch(value)
            if m is None:
                raise ValueError
            y, mo, d, h, mi, s = (int(m[i]) for i in range(1, 7))
            s = min(s, 59)  # a leap second reads as the second before it
            if m[7]:
                return pendulum.datetime(y, mo, d, h, mi, s, tz="UTC")
            tzid = prop.params.get("TZID")
            zone = self._zone(tzid, prop.line) if tzid else self.default_zone
            if zone is None:
                return pendulum.naive(y, mo, d, h, mi, s)
            return pendulum.datetime(y, mo, d, h, mi, s, tz=zone)
        except ValueError:
            raise _Skip(
                f"{prop.name} {value!r} (line {prop.line}) is not a date or date-time"
            ) from None

    def event(self, comp: Component, feed: str | None) -> Event:
        if comp.first(f"{X}ID") is not None:
            return self._ours(comp)
        return self._foreign(comp, feed)

    # -- our own feeds: the X-TIMELINE-* properties -----------------------------------

    def _when(self, comp: Component, name: str) -> When | None:
        prop = comp.first(f"{X}{name}")
        if prop is None:
            return None
        text = comp.text(f"{X}{name}-TEXT")
        try:
            return decode_when(prop.text, text)
        except TimelineError as err:
            raise _Skip(f"{prop.name} (line {prop.line}): {err}") from None

    def _ours(self, comp: Component) -> Event:
        when = self._when(comp, "INITIAL-WHEN") or self._when(comp, "WHEN")
        if when is None:
            raise _Skip(f"no {X}WHEN")
        status = comp.text(f"{X}INITIAL-STATUS") or comp.text(f"{X}STATUS") or "expected"

        def listed(name: str) -> list[str]:
            prop = comp.first(f"{X}{name}")
            return split_list(prop.value) if prop is not None else []

        return Event(
            id=comp.text(f"{X}ID"),
            title=comp.text(f"{X}TITLE") or comp.text("SUMMARY") or "",
            when=when,
            end=self._when(comp, "END"),
            status=status,
            kind=comp.text(f"{X}KIND"),
            actors=listed("ACTORS"),
            tags=listed("TAGS"),
            location=comp.text("LOCATION"),
            description=comp.text(f"{X}DESCRIPTION"),
            sources=[_source(self._json(p)) for p in comp.props.get(f"{X}SOURCE", [])],
            claims=[_claim(self._json(p)) for p in comp.props.get(f"{X}CLAIM", [])],
            related=listed("RELATED"),
            target=next(iter(self._figures(comp, "TARGET", record_to_target)), None),
            observations=self._figures(comp, "OBSERVATION", record_to_observation),
        )

    def _figures(self, comp: Component, name: str, build: Callable[[Any], _F]) -> list[_F]:
        found = []
        for prop in comp.props.get(f"{X}{name}", []):
            try:
                found.append(build(self._json(prop)))
            except DataFileError as err:
                raise _Skip(f"{prop.name} (line {prop.line}): {err}") from None
        return found

    def _json(self, prop: Prop) -> dict[str, Any]:
        try:
            value = json.loads(prop.text)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise _Skip(f"{prop.name} (line {prop.line}) is not a JSON object")
        return value

    # -- foreign feeds ----------------------------------------------------------------

    def _foreign(self, comp: Component, feed: str | None) -> Event:
        start_prop = comp.first("DTSTART")
        if start_prop is None:
            raise _Skip("no DTSTART")
        start = self.point(start_prop)
        when = _as_when(start)
        end = self._end(comp, start)
        status = {"TENTATIVE": "expected", "CANCELLED": "cancelled"}.get(
            (comp.text("STATUS") or "").strip().upper(), "confirmed"
        )
        tags = [t for p in comp.props.get("CATEGORIES", []) for t in split_list(p.value)]
        url = comp.text("URL")
        sources = [Source(feed or "iCalendar feed", url=url.strip())] if url and url.strip() else []
        title = (comp.text("SUMMARY") or "").strip()
        if not title:
            title = "(untitled)"
            self.note("events without a SUMMARY, titled '(untitled)'", f"line {comp.line}")
        return Event(
            id=_foreign_id(comp.text("UID"), title, start),
            title=title,
            when=when,
            end=end,
            status=status,
            tags=list(dict.fromkeys(t.strip() for t in tags if t.strip())),
            location=comp.text("LOCATION"),
            description=comp.text("DESCRIPTION"),
            sources=sources,
        )

    def _end(self, comp: Component, start: _dt.date) -> When | None:
        prop = comp.first("DTEND")
        timed = isinstance(start, _dt.datetime)
        if prop is not None:
            stop = self.point(prop)
        elif (dur := comp.first("DURATION")) is not None:
            m = _DURATION.fullmatch(dur.value.strip())
            if m is None or m[1] == "-":
                raise _Skip(f"DURATION {dur.value!r} (line {dur.line}) is not a duration")
            w, d, h, mi, s = (int(g or 0) for g in m.groups()[1:])
            try:
                stop = start + _dt.timedelta(weeks=w, days=d, hours=h, minutes=mi, seconds=s)
            except OverflowError:
                raise _Skip(f"DURATION {dur.value!r} (line {dur.line}) is too long") from None
        else:
            return None
        if isinstance(stop, _dt.datetime) and isinstance(start, _dt.datetime):
            # an end before the start is read as no end, like an end equal to it
            return When.instant(stop) if _cmp(stop, start) > 0 else None
        if isinstance(stop, _dt.datetime) or timed:
            return None  # a DATE start with a DATE-TIME end (or back): keep the start
        last = stop - _dt.timedelta(days=1)  # DTEND is exclusive
        return When.day(last.year, last.month, last.day) if last > start else None


def _as_when(point: _dt.date) -> When:
    if isinstance(point, _dt.datetime):
        return When.instant(point)
    return When.day(point.year, point.month, point.day)


_UNSAFE = re.compile(r"[^\w.\-]+", re.ASCII)


def _foreign_id(uid: str | None, title: str, start: _dt.date) -> str:
    """An event id from a foreign UID: its safe characters, or a digest when none are."""
    base = _UNSAFE.sub("-", uid or "").strip("-._")
    if not base or not base[0].isalnum():
        seed = uid or f"{title}|{start.isoformat()}"
        base = f"event-{hashlib.sha1(seed.encode()).hexdigest()[:10]}"
    return base


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return None if value is None else str(value)


def _when_value(data: dict[str, Any], key: str) -> When | None:
    if key not in data:
        return None
    return decode_when(str(data[key]), _text(data, f"{key}_text"))


def _source(data: dict[str, Any]) -> Source:
    return Source(
        _text(data, "title") or "",
        publisher=_text(data, "publisher"),
        url=_text(data, "url"),
        published=_when_value(data, "published"),
        quote=_text(data, "quote"),
    )


def _claim(data: dict[str, Any]) -> Claim:
    stated = _when_value(data, "stated")
    if stated is None:
        raise _Skip("a claim without 'stated'")
    source = data.get("source")
    return Claim(
        stated=stated,
        when=_when_value(data, "when"),
        status=_text(data, "status"),
        source=_source(source) if isinstance(source, dict) else None,
        note=_text(data, "note"),
    )


def _describe(comp: Component) -> str:
    summary = comp.text("SUMMARY")
    name = f"{summary[:40]!r} " if summary else ""
    return f"{name}(line {comp.line})"


# -- the calendar ---------------------------------------------------------------------

_SILENT = {"VTIMEZONE"}  # standard support data; zones are read from TZID names


def read(data: bytes) -> Timeline:
    """A `Timeline` from iCalendar bytes; warns about what it skipped or simplified.

    >>> read(b"BEGIN:VCALENDAR\\r\\nNAME:Demo\\r\\nEND:VCALENDAR\\r\\n").name
    'Demo'
    """
    broken: list[str] = []
    roots = read_components(data, broken)
    calendars = [c for c in roots if c.name == "VCALENDAR"]
    head = calendars[0]
    name = head.text("NAME") or head.text("X-WR-CALNAME")
    description = head.text("X-WR-CALDESC") or head.text("DESCRIPTION")
    events: list[Event] = []
    ids: set[str] = set()
    notes: dict[str, list[str]] = {}
    if broken:
        notes["lines that are not content lines, skipped"] = broken
    for other in roots:
        if other.name != "VCALENDAR":
            notes.setdefault("components outside VCALENDAR, skipped", []).append(
                f"{other.name} (line {other.line})"
            )
    for calendar in calendars:
        reader = _Reader(calendar.text("X-WR-TIMEZONE"))
        for comp in calendar.children:
            _read_child(reader, comp, name, events, ids)
        for kind, items in reader.notes.items():
            notes.setdefault(kind, []).extend(items)
    for kind, items in notes.items():
        listed = ", ".join(items[:10]) + (f" and {len(items) - 10} more" if len(items) > 10 else "")
        warnings.warn(f"{kind}: {listed}", TimelineWarning, stacklevel=4)
    return Timeline(events, name=name, description=description)


def _read_child(
    reader: _Reader, comp: Component, feed: str | None, events: list[Event], ids: set[str]
) -> None:
    if comp.name in _SILENT:
        return
    if comp.name != "VEVENT":
        reader.note("components other than VEVENT, skipped", f"{comp.name} {_describe(comp)}")
        return
    if comp.first("RECURRENCE-ID") is not None:
        reader.note(
            "changed occurrences of recurring events (RECURRENCE-ID), skipped", _describe(comp)
        )
        return
    if comp.first("RRULE") is not None or comp.first("RDATE") is not None:
        reader.note("recurring events, imported as their first occurrence only", _describe(comp))
    for child in comp.children:
        if child.name != "VALARM":  # reminders are the subscriber's own business
            reader.note("components inside events, skipped", f"{child.name} (line {child.line})")
    try:
        event = reader.event(comp, feed)
    except (_Skip, TimelineError) as err:
        reader.note("events that could not be read, skipped", f"{_describe(comp)}: {err}")
        return
    if event.id in ids:
        base, n = event.id, 2
        while f"{base}-{n}" in ids:
            n += 1
        event = attrs.evolve(event, id=f"{base}-{n}")
        reader.note("events sharing a UID, given new ids", f"{base}-{n} {_describe(comp)}")
    ids.add(event.id)
    events.append(event)
