"""Reading iCalendar structure: bytes to decoded content lines to a tree of components.

Real files are not all RFC 5545. This reader keeps what is sound and names
what is not, instead of refusing a whole file for one flaw:

* encodings: UTF-8 (with or without a byte-order mark), UTF-16 and UTF-32
  by their byte-order mark (or UTF-16 by its zero bytes); lines that are not
  UTF-8 in the East Asian encoding they are surely written in (Shift_JIS,
  GB2312/GBK, Big5, EUC-KR, EUC-JP: `timeline.ics._encoding`), else in the
  Latin one their letters say (Windows-1250, Mac Roman: `timeline.ics._latin`),
  else read as cp1252 (old Outlook exports), or Latin-1 where cp1252 has no character,
  with a note naming the lines and the encoding in the report;
* a ``BEGIN:``/``END:`` line indented by mistake is its own line, not a
  continuation of the one before (a real fold follows a full-width line);
* a component that is never closed, or closed by a misspelt ``END:`` (``END:VTOOD``),
  is skipped with a note naming its lines; an ``END:`` that closes nothing is
  ignored with a note; a file cut short keeps its complete events.

Only a file with no ``BEGIN:VCALENDAR`` at all (or undecodable UTF-16)
raises `IcsParseError`.
"""

from __future__ import annotations

import re

import attrs

from timeline._errors import IcsParseError, quoted
from timeline.ics._encoding import bare_encoding, declared_charset, decoded
from timeline.ics._feed import unescape_text
from timeline.ics._unfold import logical_lines
from timeline.ics._utf8 import one_encoding

__all__ = ["Component", "Prop", "Structure", "read_components"]


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


@attrs.define(slots=True)
class Structure:
    """What reading the structure noticed: encoding, repairs and skipped parts, by kind.

    ``skipped`` and ``changed`` map a reason to the places it applies to.

    >>> Structure().encoding
    'UTF-8'
    """

    encoding: str = "UTF-8"
    skipped: dict[str, list[str]] = attrs.field(factory=dict)
    changed: dict[str, list[str]] = attrs.field(factory=dict)

    def skip(self, reason: str, where: str) -> None:
        """Record a part left out of the import.

        >>> s = Structure(); s.skip("junk", "line 3"); s.skipped
        {'junk': ['line 3']}
        """
        self.skipped.setdefault(reason, []).append(where)

    def change(self, reason: str, where: str) -> None:
        """Record a part read with a repair.

        >>> s = Structure(); s.change("indented", "line 3"); s.changed
        {'indented': ['line 3']}
        """
        self.changed.setdefault(reason, []).append(where)


# -- bytes to text ----------------------------------------------------------------------

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
)


def _transcode(data: bytes, found: Structure) -> bytes:
    """``data`` as UTF-8 bytes when it is UTF-16/32; the UTF-8 byte-order mark removed."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:]
    codec, label, skip = None, "", 0
    for bom, name, shown in _BOMS:
        if data.startswith(bom):
            codec, label, skip = name, shown, len(bom)
            break
    else:
        # No mark, but "B\0E\0" or "\0B\0E": UTF-16 all the same.
        if data[:2].upper() == b"B\x00":
            codec, label = "utf-16-le", "UTF-16 (no byte-order mark)"
        elif data[:2].upper() == b"\x00B":
            codec, label = "utf-16-be", "UTF-16 (no byte-order mark)"
    if codec is None:
        return data
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as err:
        raise IcsParseError(
            1,
            f"the file starts like {label} but byte {err.start + skip} is not {label}; "
            "save it as UTF-8",
        ) from None
    found.encoding = label
    return text.encode("utf-8", "surrogatepass")


def _legacy(
    data: bytes, lines: list[tuple[int, bytes]], found: Structure
) -> tuple[str, str] | None:
    """The East Asian encoding of the lines that are not UTF-8, if they are surely in one;
    what else they could be read as goes into ``found``."""
    if data.isascii():
        return None
    try:  # the lines as unfolded: a writer may fold inside a UTF-8 character
        text = "\n".join(raw.decode() for _, raw in lines)
    except UnicodeDecodeError:
        pass
    else:  # UTF-8 throughout ...
        if found.encoding != "UTF-8":
            return None  # ... transcoded from UTF-16 or UTF-32
        from timeline.ics._utf8 import weighed_file

        weighed = weighed_file(text, lines)  # ... or GB2312 that is valid UTF-8 by chance
        for kind, what in weighed.notes:
            found.change(kind, what)
        return weighed.reading
    bad = []
    for _, raw in lines:
        try:
            raw.decode()
        except UnicodeDecodeError:
            if b"\x00" not in raw and declared_charset(raw) is None:
                bad.append(raw)
    from timeline.ics._encoding import east_asian
    from timeline.ics._language import language_hint

    legacy = east_asian(bad, language_hint(lines))
    for kind, what in legacy.notes:
        found.change(kind, what)
    if legacy.reading is not None:
        return legacy.reading
    from timeline.ics._latin import latin  # Western: cp1252, Windows-1250 or Mac Roman

    western = latin(bad)
    for kind, what in western.notes:
        found.change(kind, what)
    return western.reading


def _decode(
    raw: bytes, number: int, found: Structure, legacy: tuple[str, str] | None = None
) -> str | None:
    """One line as text: UTF-8, else ``legacy`` (an East Asian encoding found for the file's
    lines that are not UTF-8, and for those valid in UTF-8 by chance: `one_encoding`), else
    cp1252, else Latin-1; ``None`` for binary data."""
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        pass
    else:  # in a file in a legacy encoding (or a CHARSET), UTF-8 may be that one by chance
        charset = None if raw.isascii() else declared_charset(raw)
        reading = legacy if charset is None else None if charset[0] == "utf-8" else charset
        if raw.isascii() or reading is None:
            return text
        text, kind, other = one_encoding(raw, text, reading, charset is not None)
        found.change(kind, f"line {number}{other}")
        return text
    if b"\x00" in raw:
        return None
    charset = declared_charset(raw)
    if charset is not None:
        try:
            text = raw.decode(charset[0])
            found.change(
                f"lines that are not UTF-8, read in the CHARSET they declare ({charset[1]})",
                f"line {number}",
            )
            return text
        except UnicodeDecodeError:
            pass
    if legacy is not None:
        try:
            text = raw.decode(legacy[0])
            found.change(f"lines that are not UTF-8, read as {legacy[1]}", f"line {number}")
            return text
        except UnicodeDecodeError:
            pass
    try:
        text, codec = raw.decode("cp1252"), "cp1252 (Windows Western European)"
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: no cp1252 character
        text, codec = raw.decode("latin-1"), "Latin-1"
    found.change(f"lines that are not UTF-8, read as {codec}", f"line {number}")
    return text


# -- content lines ----------------------------------------------------------------------

_NAME = re.compile(r"[A-Za-z0-9-]+")
_QUOTED = re.compile(
    r'([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)',
    re.DOTALL,
)
_PARAM = re.compile(r';([A-Za-z0-9-]+)=((?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)')


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
        found: dict[str, str] = {}
        for param in params:
            key, eq, val = param.partition("=")
            if not _NAME.fullmatch(key):
                return None
            if not eq:
                # "DTSTART;VALUE:2026..." names no value: the parameter is dropped (and
                # noted by the caller), the property kept.
                found[_BARE] = f"{found.get(_BARE, '')},{key.upper()}".lstrip(",")
                continue
            found[key.upper()] = val
        return name.upper(), found, value
    match = _QUOTED.fullmatch(text)
    if match is None:
        return None
    found = {m[1].upper(): m[2].replace('"', "") for m in _PARAM.finditer(match[2])}
    return match[1].upper(), found, match[3]


_TIMED = frozenset({"DTSTART", "DTEND", "DUE", "EXDATE", "RDATE", "RECURRENCE-ID"})
_TIMES = re.compile(r"\d{8}(?:T\d{6}Z?)?(?:,\d{8}(?:T\d{6}Z?)?)*", re.I)


def _unquoted_tzid(params: dict[str, str], value: str, number: int, found: Structure) -> str:
    """The value of a time whose TZID holds a colon unquoted, the TZID made whole.

    ``DTSTART;TZID=(UTC+01:00) Amsterdam:20260415T100000`` splits at the TZID's
    own colon; RFC 5545 asks for quotes. When what follows the last colon is a
    time and the rest is not, the rest belongs to the TZID.

    >>> params = {"TZID": "(UTC+01"}
    >>> _unquoted_tzid(params, "00) Amsterdam:20260415T100000", 7, Structure()), params
    ('20260415T100000', {'TZID': '(UTC+01:00) Amsterdam'})
    """
    rest, _, times = value.rpartition(":")
    if _TIMES.fullmatch(value.strip()) or not _TIMES.fullmatch(times.strip()):
        return value
    params["TZID"] = f"{params['TZID']}:{rest}"
    found.change(
        "TZID parameters holding a colon without quotes, read up to the time",
        f"line {number} TZID={params['TZID'][:60]!r}",
    )
    return times


_BARE = "\x00"
"""The key under which `_split` lists the parameters written without ``=value``."""

# -- components -------------------------------------------------------------------------

_TOP_LEVEL = frozenset({"VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE", "VAVAILABILITY"})
"""Components that live directly in a VCALENDAR: one opening inside another closes it."""


def _similar(a: str, b: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.6


def read_components(data: bytes, found: Structure | None = None) -> list[Component]:
    """The top-level components of iCalendar ``data``; raises `IcsParseError`.

    What had to be skipped or repaired is recorded in ``found``.

    >>> [c.name for c in read_components(b"BEGIN:VCALENDAR\\r\\nEND:VCALENDAR\\r\\n")]
    ['VCALENDAR']
    """
    found = found if found is not None else Structure()
    data = _transcode(data, found)
    roots: list[Component] = []
    stack: list[Component] = []
    open_names: dict[str, int] = {}  # names open, counted: an END finds its BEGIN at once
    binary = False

    def push(comp: Component) -> None:
        stack.append(comp)
        open_names[comp.name] = open_names.get(comp.name, 0) + 1

    def pop() -> Component:
        comp = stack.pop()
        open_names[comp.name] -= 1
        return comp

    def drop(comp: Component, last: int, why: str) -> None:
        found.skip("components damaged", f"{comp.name} lines {comp.line}-{last} ({why})")

    last = 0
    lines = logical_lines(data, found)
    legacy = _legacy(data, lines, found)
    if legacy is not None:
        found.encoding = legacy[1]
    for number, raw in lines:
        last = number
        if not raw.strip():
            continue
        text = _decode(raw, number, found, legacy)
        if text is None:
            binary = True
            found.skip("lines that are not text", f"line {number}")
            continue
        parsed = _split(text)
        if parsed is None:
            found.skip("lines that are not content lines", f"line {number} {quoted(text[:40])}")
            continue
        name, params, value = parsed
        if "TZID" in params and ":" in value and name in _TIMED:
            value = _unquoted_tzid(params, value, number, found)
        if _BARE in params:
            bare = bare_encoding(params, params.pop(_BARE))
            if bare:
                found.change("parameters without a value, ignored", f"line {number} {name};{bare}")
        if "ENCODING" in params:
            value, notes = decoded(name, params, value)
            for note in notes:
                found.change(note, f"line {number} {name}")
        if name == "BEGIN":
            opening = value.strip().upper()
            if opening in _TOP_LEVEL and len(stack) > 1 and stack[-1].name in _TOP_LEVEL:
                open_ = pop()
                drop(open_, number - 1, f"never closed; BEGIN:{opening} at line {number} follows")
            push(Component(opening, number))
        elif name == "END":
            closing = value.strip().upper()
            if stack and stack[-1].name == closing:
                done = pop()
                (stack[-1].children if stack else roots).append(done)
            elif open_names.get(closing, 0) > 0:
                while stack[-1].name != closing:
                    open_ = pop()
                    drop(open_, number - 1, f"never closed; END:{closing} at line {number} follows")
                done = pop()
                (stack[-1].children if stack else roots).append(done)
            elif len(stack) > 1 and _similar(closing, stack[-1].name):
                open_ = pop()
                drop(open_, number, f"END:{closing} does not close BEGIN:{open_.name}")
            else:
                what = f"END:{closing} (line {number})"
                found.skip("END lines that close nothing", what)
        elif stack:
            stack[-1].props.setdefault(name, []).append(Prop(name, params, value, number))
        else:
            found.skip("lines outside any component", f"line {number} {name}")
    while stack:
        open_ = stack.pop()
        if stack or open_.name != "VCALENDAR":
            drop(open_, last, "never closed; the file may be cut short")
        else:
            found.change(
                "calendar never closed (the file may be cut short), read up to its end",
                f"BEGIN:VCALENDAR (line {open_.line})",
            )
            roots.append(open_)
    if not any(c.name == "VCALENDAR" for c in roots):
        raise IcsParseError(1, _not_a_calendar(data, roots, binary))
    return roots


_HTML = re.compile(rb"\s*(?:<!doctype\s+html|<html|<head|<\?xml[^>]*>\s*<html)", re.IGNORECASE)


def _not_a_calendar(data: bytes, roots: list[Component], binary: bool) -> str:
    """Why a file holds no calendar, with the fix for what people download instead.

    >>> _not_a_calendar(b"<!DOCTYPE html><html>", [], False)[:36]
    'an HTML page, not a calendar feed: t'
    """
    if _HTML.match(data[:1024]):
        return (
            "an HTML page, not a calendar feed: the link may lead to a web page or a sign-in "
            "page; use the calendar's iCalendar (.ics) link, or save the feed itself"
        )
    if any(c.name == "VCARD" for c in roots):
        return "a vCard (contacts), not a calendar; export the calendar as .ics instead"
    what = "binary data" if binary else "no BEGIN:VCALENDAR"
    return f"{what}; this is not an iCalendar file"
