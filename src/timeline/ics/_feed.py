"""iCalendar feeds: publish a timeline as an ``.ics`` feed, and read feeds back.

iCalendar cannot say "sometime in April", so export follows a documented
policy chosen for what a subscriber sees (docs/explanation/icalendar.md): instants
become timed UTC events, days one all-day event, short imprecise windows
all-day events over the whole window, long spans and deadlines a one-day
marker labelled in words. Private ``X-TIMELINE-*`` properties carry the exact
values (EDTF, status, claims, sources) so our own feeds read back without loss.

This module is the adapter's front door and holds what export and import
share: RFC 5545 text escaping, line folding and the encoding of `When` values.
`timeline.ics._export` builds the feed (the only place the ``ics`` package is
imported, lazily); `timeline.ics._import` reads feeds with a small content-line
reader of its own. ``ics`` types never appear in a public signature.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias, overload

from timeline._errors import IcsError, TimelineError, TimelineWarning, quoted
from timeline.dates._when import When
from timeline.records._atomic import checked_suffix, write_atomic

if TYPE_CHECKING:
    from timeline.ics._report import ImportReport
    from timeline.model._timeline import Timeline

__all__ = [
    "Policy",
    "escape_text",
    "fold",
    "from_ics",
    "to_ics",
    "unescape_text",
    "write_ics",
]

Policy: TypeAlias = Literal["auto", "window", "start", "end"]
"""How an imprecise date is placed in a calendar (see `to_ics`)."""

POLICIES: tuple[str, ...] = ("auto", "window", "start", "end")

X = "X-TIMELINE-"
"""Prefix of the private properties that make our feeds re-import losslessly."""

# -- TEXT values (RFC 5545 §3.3.11) ---------------------------------------------------

# Control characters are not allowed in TEXT (only HTAB is); CR and CRLF become
# a newline, which TEXT escapes as \n. Dropping the rest is what keeps data from
# ever breaking a line: nothing raw below U+0020 except tab reaches the output.
# Lone surrogates cannot be written as UTF-8 at all, so they go too.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
# RFC 5545 §3.3.11's escapes, and \: (older writers escape colons), as icalendar reads them;
# any other backslash is text (a Windows path: C:\path).
_UNESCAPED = {"n": "\n", "N": "\n", "\\": "\\", ";": ";", ",": ",", ":": ":"}


def clean_text(text: str) -> str:
    """Text as iCalendar can carry it: CR and CRLF become LF, other controls go.

    >>> clean_text("a\\r\\nb\\x00c")
    'a\\nbc'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


def json_text(value: object, separators: tuple[str, str] = (",", ":")) -> str:
    r"""``value`` as JSON, TEXT-escaped, every character kept (see `clean_text`).

    JSON escapes the C0 controls itself; DEL, which `clean_text` drops and JSON does
    not escape, is written ``\u007f``.

    >>> print(json_text({"a": "x\x01\x7f"}))
    {"a":"x\\u0001\\u007f"}
    """
    import json

    text = json.dumps(value, ensure_ascii=False, separators=separators)
    return escape_text(text.replace("\x7f", "\\u007f"))


def exact_json(fields: dict[str, str | tuple[str, ...] | None]) -> str | None:
    r"""An ``X-TIMELINE-EXACT`` value: the fields whose text `clean_text` would change.

    iCalendar TEXT cannot carry control characters or a bare CR, so the visible
    properties lose them; this private property carries those fields exactly, so
    our own feeds still read back as they were. ``None`` when no field needs it.

    >>> print(exact_json({"title": "a\x1bb", "kind": "k", "tags": ("x", "y\rz")}))
    {"title":"a\\u001bb"\,"tags":["x"\,"y\\rz"]}
    >>> exact_json({"title": "plain"}) is None
    True
    """
    changed: dict[str, str | list[str]] = {}
    for key, value in fields.items():
        if isinstance(value, str):
            if clean_text(value) != value:
                changed[key] = value
        elif value and any(clean_text(item) != item for item in value):
            changed[key] = list(value)
    return json_text(changed) if changed else None


def escape_text(text: str) -> str:
    """A TEXT property value: backslash, semicolon, comma and newline escaped.

    >>> escape_text("a;b,c\\\\d\\ne")
    'a\\\\;b\\\\,c\\\\\\\\d\\\\ne'
    """
    return clean_text(text).translate(_ESCAPES)


def unescape_text(value: str) -> str:
    """The text of a TEXT value; a backslash before another character stays (``C:\\path``).

    >>> unescape_text("a\\\\;b\\\\,c\\\\nd")
    'a;b,c\\nd'
    """
    if "\\" not in value:
        return value
    return _UNESCAPE.sub(lambda m: _UNESCAPED.get(m[1], m[0]), value)


def split_list(value: str) -> list[str]:
    """The items of a comma-separated TEXT list, each unescaped (``\\,`` stays inside).

    >>> split_list("a\\\\,b,c")
    ['a,b', 'c']
    """
    items, start, i = [], 0, 0
    while True:
        comma = value.find(",", i)
        slash = value.find("\\", i)
        if 0 <= slash < comma or (comma < 0 <= slash):
            i = slash + 2  # skip the escaped character, whatever it is
            continue
        if comma < 0:
            items.append(unescape_text(value[start:]))
            return items
        items.append(unescape_text(value[start:comma]))
        start = i = comma + 1


def join_list(items: tuple[str, ...] | list[str]) -> str:
    """A comma-separated TEXT list (the inverse of `split_list`).

    >>> join_list(["a,b", "c"])
    'a\\\\,b,c'
    """
    return ",".join(escape_text(item) for item in items)


# -- lines (RFC 5545 §3.1) --------------------------------------------------------------

_LIMIT = 75  # octets per physical line, not counting the CRLF


def fold(line: str) -> str:
    """One content line folded at 75 octets, never inside a UTF-8 character.

    Continuation lines start with a space, which counts toward their 75 octets.

    >>> fold("X:" + "界" * 30).split("\\r\\n")[1][:3]
    ' 界界'
    """
    if len(line) <= _LIMIT and line.isascii():
        return line
    data = line.encode()
    if len(data) <= _LIMIT:
        return line
    pieces, start, width = [], 0, _LIMIT
    while len(data) - start > width:
        cut = start + width
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back off
            cut -= 1
        pieces.append(data[start:cut])
        start, width = cut, _LIMIT - 1
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode()


# -- When values in X- properties ------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _from_edtf(edtf: str) -> When | None:
    try:
        return When.from_edtf(edtf)
    except TimelineError:
        return None


def encode_when(when: When) -> tuple[str, str | None]:
    """The EDTF of ``when``, and its text form when EDTF alone does not give it back.

    EDTF says "before 2030" as the set "2029 or earlier", which has the same
    bounds but another relation; the text form keeps such values exact.

    An undated value ("TBD": in an event's history, or an end not yet announced)
    has no EDTF form; its text stands in both places.

    >>> encode_when(When.month(2026, 4))
    ('2026-04', None)
    >>> encode_when(When.undated())
    ('date not announced', 'date not announced')
    """
    if when.is_undated:
        return str(when), str(when)
    edtf = when.to_edtf()
    back = _from_edtf(edtf)
    # Equal instants in different offsets compare equal, so the offsets are
    # checked too: the EDTF text must keep the one the value was given in.
    exact = back == when and _offsets(back) == _offsets(when)
    return edtf, None if exact else str(when)


def _offsets(when: When | None) -> tuple[object, ...]:
    if when is None:
        return ()
    return tuple(
        p.utcoffset() if isinstance(p, _dt.datetime) else None for p in (when.start, when.end)
    )


def decode_when(edtf: str, text: str | None) -> When:
    """The `When` that `encode_when` encoded.

    >>> decode_when("2026-04", None) == When.month(2026, 4)
    True
    """
    if text is not None:
        return When.parse(text)
    return When.from_edtf(edtf)


# -- files ------------------------------------------------------------------------------


# -- entry points (Timeline.to_ics, write_ics, from_ics delegate here) ------------------

_DURATION = re.compile(r"P(?:\d+W|(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)")


DEFAULT_NAME = "Calendar"
"""The feed name of a timeline that has none (and the name of an unnamed imported calendar)."""


def _refresh(refresh: str | _dt.timedelta | None) -> str | None:
    if refresh is None:
        return None
    if isinstance(refresh, _dt.timedelta):
        seconds = int(refresh.total_seconds())
        if seconds <= 0:
            raise IcsError(f"refresh: {quoted(refresh)} is not positive; give e.g. 'PT12H'")
        days, rest = divmod(seconds, 86400)
        hours, rest = divmod(rest, 3600)
        minutes, secs = divmod(rest, 60)
        time = "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (secs, "S")) if n)
        return f"P{f'{days}D' if days else ''}{'T' + time if time else ''}"
    if not isinstance(refresh, str) or not _DURATION.fullmatch(refresh):
        raise IcsError(
            f"refresh: {quoted(refresh)} is not an iCalendar duration; "
            "write e.g. 'PT12H', 'P1D' or 'P1W'"
        )
    return refresh


_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")


def to_ics(
    timeline: Timeline,
    *,
    name: str | None = None,
    description: str | None = None,
    domain: str = "timeline.invalid",
    policy: Policy = "auto",
    include_cancelled: bool = False,
    refresh: str | _dt.timedelta | None = "PT12H",
) -> str:
    """The timeline as iCalendar text; see `timeline.Timeline.to_ics`.

    >>> from timeline import Event, Timeline
    >>> text = to_ics(Timeline([Event(title="x", when=When.month(2026, 4))]), name="Demo")
    >>> "DTSTART;VALUE=DATE:20260401" in text
    True
    """
    from timeline.ics._export import export

    feed_name = name if name is not None else timeline.name
    if feed_name is None or (name is None and not clean_text(feed_name).strip()):
        feed_name = DEFAULT_NAME
    if not isinstance(feed_name, str) or not clean_text(feed_name).strip():
        raise IcsError(
            f"name: {quoted(feed_name)} is empty; "
            "give the feed a name (name=...) or name the timeline"
        )
    if policy not in POLICIES:
        raise IcsError(f"policy: {quoted(policy)} is not a policy; use auto, window, start or end")
    if not isinstance(domain, str) or not _DOMAIN.fullmatch(domain):
        raise IcsError(
            f"domain: {quoted(domain)} is not a domain name; "
            "give one you control, e.g. 'example.org'"
        )
    return export(
        timeline,
        name=feed_name,
        unnamed=name is None and feed_name == DEFAULT_NAME and timeline.name != DEFAULT_NAME,
        exact_name=timeline.name if name is None else name,
        description=description if description is not None else timeline.description,
        domain=domain,
        policy=policy,
        include_cancelled=include_cancelled,
        refresh=_refresh(refresh),
    )


def feed_path(path: str | os.PathLike[str], writer: str = "write_ics") -> Path:
    """``path`` as a feed's file: it must end in ``.ics`` (`IcsError` naming the fix otherwise).

    RFC 5545 section 8.1 registers ``.ics`` for calendar data (``.ifb`` is for
    free/busy data, which a feed of events is not): a feed written under another
    name (``feed.yaml``) is iCalendar text that a reader of that kind of file
    chokes on, and that calendar apps do not offer to open.

    >>> feed_path("feed.json")
    Traceback (most recent call last):
    ...
    timeline._errors.IcsError: write_ics: 'feed.json' has no .ics suffix; name it e.g. feed.ics
    """
    return checked_suffix(path, (".ics",), writer=writer, example="feed.ics", error=IcsError)


def write_ics(
    timeline: Timeline,
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    description: str | None = None,
    domain: str = "timeline.invalid",
    policy: Policy = "auto",
    include_cancelled: bool = False,
    refresh: str | _dt.timedelta | None = "PT12H",
) -> None:
    """Write the feed to ``path`` (an ``.ics`` file) atomically; see `timeline.Timeline.write_ics`.

    >>> import tempfile, pathlib
    >>> from timeline import Event, Timeline
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "feed.ics"
    >>> write_ics(Timeline([Event(title="x", when=When.year(2026))]), target, name="Demo")
    >>> target.read_bytes().endswith(b"END:VCALENDAR\\r\\n")
    True
    """
    target = feed_path(path)
    text = to_ics(
        timeline,
        name=name,
        description=description,
        domain=domain,
        policy=policy,
        include_cancelled=include_cancelled,
        refresh=refresh,
    )
    write_atomic(target, text)


@overload
def from_ics(
    source: str | bytes | os.PathLike[str], *, report: Literal[False] = False
) -> Timeline: ...


@overload
def from_ics(
    source: str | bytes | os.PathLike[str], *, report: Literal[True]
) -> tuple[Timeline, ImportReport]: ...


def from_ics(
    source: str | bytes | os.PathLike[str], *, report: bool = False
) -> Timeline | tuple[Timeline, ImportReport]:
    """Read a feed from iCalendar text, bytes or a file; see `timeline.Timeline.from_ics`.

    With ``report=True`` it returns ``(timeline, report)`` and warns nothing;
    otherwise each kind of thing skipped or repaired is one `TimelineWarning`.

    >>> from timeline import Event, Timeline
    >>> tl = Timeline([Event(title="x", when=When.month(2026, 4))], name="Demo")
    >>> from_ics(to_ics(tl)) == tl
    True
    >>> print(from_ics(to_ics(tl), report=True)[1])
    Imported 1 event into 'Demo'.
    """
    from timeline.ics._import import read

    file_name = None
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, str) and (
        "\n" in source or source.lstrip("\ufeff \t\r").upper().startswith("BEGIN:")
    ):
        data = source.encode("utf-8", "surrogatepass")
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except (OSError, ValueError) as err:
            # ValueError: a NUL byte or a lone surrogate, which no file name can hold.
            reason = getattr(err, "strerror", None) or "no file can have that name"
            raise IcsError(
                f"{str(source)[:80]!r} is neither iCalendar text (it does not start with "
                f"BEGIN:VCALENDAR) nor a readable file: {reason}"
            ) from err
        file_name = path.name
    timeline, found = read(data, file_name)
    if report:
        return timeline, found
    for message in found.messages():
        warnings.warn(message, TimelineWarning, stacklevel=3)
    return timeline
