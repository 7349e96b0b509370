"""What the commands share: reading arguments, selecting events, printing tables.

Argument types (dates, days, statuses, durations) turn a user's text into values
or a usage error that names the fix; `_select` applies the shared filters; `_emit`
prints a timeline as a table or JSON. Which files a command reads and writes is
`timeline.cli._files`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import difflib
import json
import os
import re
import shutil
import sys
import warnings
from pathlib import Path
from typing import Any, TextIO

from timeline._errors import (
    QueryError,
    TimelineError,
    TimelineWarning,
    WhenParseError,
)
from timeline.cli._json import event_state
from timeline.dates._days import to_day
from timeline.dates._duration import within_days
from timeline.dates._when import When
from timeline.display._table import render, truncate
from timeline.model._claim import Status
from timeline.model._event import Event
from timeline.model._text import name_key, visible
from timeline.model._timeline import Timeline
from timeline.model._windows import window

_KNOWN = ".yaml, .yml, .json, .csv or .parquet"
_DATE_HINT = "write a date such as 2026-03-28, 'April 2026' or 'Q2 2026'"

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


class _Failure(Exception):
    """A user-facing failure: its message goes to stderr and ``code`` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_DATA) -> None:
        super().__init__(message)
        self.code = code


# -- argument types: bad values become usage errors that quote the input ----------------


def _when_arg(text: str) -> When:
    try:
        return When.parse(text)
    except WhenParseError as err:
        raise argparse.ArgumentTypeError(_date_problem(text, err)) from None
    except TimelineError as err:
        raise argparse.ArgumentTypeError(f"{err}; {_DATE_HINT}") from None


def _date_problem(text: str, err: WhenParseError) -> str:
    # A relative phrase ("next month") is refused like everywhere else in the
    # library, but the message shows what it would mean today, to copy.
    try:
        meant = When.parse(text, reference=_dt.date.today())
    except TimelineError:
        meant = None
    if meant is not None:
        return (
            f"{text!r} is relative; write the date itself, e.g. {str(meant)!r} "
            "(what it means today)"
        )
    if err.suggestion is not None:
        return f"{text!r} is not a date: {err.reason}; did you mean {err.suggestion!r}?"
    if not text.strip():
        return f"{text!r} is empty; {_DATE_HINT}"
    if "; try " in err.reason or "; write " in err.reason:  # the parser named the fix
        return f"{text!r} is not a date: {err.reason}"
    return f"{text!r} is not a date: {err.reason}; {_DATE_HINT}"


def _day_arg(text: str) -> _dt.date:
    try:
        return to_day(_when_arg(text))
    except TimelineError as err:
        raise argparse.ArgumentTypeError(f"{text!r}: {err}; {_DATE_HINT}") from None


def _status_arg(text: str) -> str:
    value = text.strip().lower()
    names = [s.value for s in Status]
    if value not in names:
        raise argparse.ArgumentTypeError(f"{text!r} is not a status; use one of {', '.join(names)}")
    return value


def _within_arg(text: str) -> str:
    try:
        within_days(text, _dt.date.today())
    except TimelineError as err:
        if "reaches past" in str(err):  # a duration, but longer than the calendar
            raise argparse.ArgumentTypeError(str(err).removeprefix("within: ")) from None
        if _looks_back(text):
            raise argparse.ArgumentTypeError(
                f"{text!r} is negative: upcoming looks ahead from --as-of, so give a duration "
                "of 0 days or more (e.g. 90d); for events already past due use "
                "`timeline overdue`, for a window in the past `timeline show --between A B`"
            ) from None
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a duration; write e.g. 90d, 12w, 3m or '1 year'"
        ) from None
    return text


def _looks_back(text: str) -> bool:
    """Whether ``text`` is a duration with a minus sign before it ("-5d", "- 3 months")."""
    rest = text.strip()
    if not rest.startswith("-"):
        return False
    try:
        within_days(rest[1:], _dt.date.today())
    except TimelineError:
        return False
    return True


# -- reading ------------------------------------------------------------------------------


def _bundled() -> Timeline:
    from timeline.datasets import ai_race_2026

    return ai_race_2026()


# -- selecting ------------------------------------------------------------------------------


def _unknown_values(timeline: Timeline, args: argparse.Namespace) -> None:
    """Warn of a --kind, --actor or --tag value no event has: a typo would match nothing."""
    for option, values, names in (
        ("--kind", args.kind, lambda e: (e.kind,) if e.kind else ()),
        ("--actor", args.actor, lambda e: e.actors),
        ("--tag", args.tag, lambda e: e.tags),
    ):
        known = {name_key(name): name for e in timeline for name in names(e)}
        for value in values or ():
            if name_key(value) in known:
                continue
            close = difflib.get_close_matches(name_key(value), known, n=1, cutoff=0.75)
            fix = f"did you mean {known[close[0]]!r}?" if close else "check the spelling"
            warnings.warn(
                f"{option} {value!r} matches no event in the timeline; {fix}",
                TimelineWarning,
                stacklevel=2,
            )


def _select(timeline: Timeline, args: argparse.Namespace) -> Timeline:
    """Apply the shared filters; repeated values of one option mean any of them."""
    _unknown_values(timeline, args)
    if args.as_of is not None:
        timeline = timeline.as_of(args.as_of)
    timeline = timeline.filter(status=args.status, kind=args.kind, actor=args.actor, tag=args.tag)
    if args.text:
        try:
            matched = {e.id for text in args.text for e in timeline.filter(text=text)}
        except QueryError as err:  # blank text: the library's "text: ..." said as --text
            raise _Failure(f"--{err}", EXIT_USAGE) from None
        timeline = timeline.filter(where=lambda e: e.id in matched)
    if args.between:
        start, end = args.between
        try:  # the library's refusal (undated, unknown end, backwards), said as --between
            window(start, end, "--between")
        except QueryError as err:
            raise _Failure(str(err), EXIT_USAGE) from None
        timeline = timeline.overlapping(start, end)
    return timeline


# -- writing ----------------------------------------------------------------------------------


def _shown(text: str) -> str:
    """``text`` with every control character escaped but the line breaks between lines.

    Fields from the data are escaped where they are formatted (a newline in a
    title is shown as ``\\n``); this is the last guard for anything else printed.
    """
    return "\n".join(visible(line) for line in text.split("\n"))


def _out(text: str = "") -> None:
    _write(sys.stdout, _shown(text) + "\n")


def _err(text: str) -> None:
    _write(sys.stderr, _shown(text) + "\n")


def _write(stream: TextIO, text: str) -> None:
    """Write ``text``; characters the stream's encoding lacks (a Windows console or pipe in
    cp1252, ``PYTHONIOENCODING=ascii``) as escapes, not a ``UnicodeEncodeError``.

    A closed stdout (``timeline demo | head -1``) ends the printing, not the command:
    what is left to print goes nowhere and the files it writes are still written.
    """
    try:
        try:
            stream.write(text)
        except UnicodeEncodeError:  # raised before any of ``text`` is written
            stream.write(_escaped(text, stream.encoding or "ascii"))
    except BrokenPipeError:
        if stream is not sys.stdout:
            raise
        stdout_gone()


def stdout_gone() -> None:
    """Point stdout at the null device once its reader has gone, so that nothing printed
    later (nor the interpreter's last flush) fails again."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _escaped(text: str, encoding: str) -> str:
    r"""``text`` with each character ``encoding`` cannot write as ``\uXXXX`` (a surrogate
    pair past U+FFFF): what `visible` shows, and inside a JSON string the same character.

    >>> _escaped("腾讯 🚀 é", "cp1252")
    '\\u817e\\u8baf \\ud83d\\ude80 é'
    """

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            code = ord(char)
            if code <= 0xFFFF:
                return f"\\u{code:04x}"
            code -= 0x10000  # as JSON spells it: a UTF-16 surrogate pair
            return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
        return char

    return _NOT_ASCII.sub(escape, text)


_NOT_ASCII = re.compile("[^\x00-\x7f]")


# What JSON leaves raw with ensure_ascii=False but a terminal may obey (C0 is escaped).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _json_text(value: Any) -> str:
    """``value`` as indented JSON, non-ASCII text kept, every control character escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    # Such characters only occur inside strings, where \uXXXX is the same character.
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _terminal_width(args: argparse.Namespace | None = None) -> int | None:
    """The width to fit tables to; None (nothing cut) with ``--wide`` or when piped.

    ``COLUMNS`` set in the environment says the width even when the output goes
    to a pipe (as ``ls`` does); otherwise a pipe or file gets everything.
    """
    if args is not None and getattr(args, "wide", False):
        return None
    columns = os.environ.get("COLUMNS", "").strip()
    # ASCII digits only: "²" is a digit to str.isdigit but not to int(), and thousands of
    # digits are more than int() reads; a width past any screen (ten digits) is 10^9.
    digits = columns.lstrip("0")
    if columns.isascii() and columns.isdigit() and digits:
        return int(digits) if len(digits) < 10 else 10**9
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def _when_text(event: Event) -> str:
    end = event.current_end  # none once a claim moved the date past the given end
    return str(event.when) if end is None else f"{event.when} to {end}"


def _table(timeline: Timeline, width: int | None = None) -> list[str]:
    rows = [
        [_when_text(e), e.status.value, e.kind or "-", ", ".join(e.actors) or "-", e.title]
        for e in timeline
    ]
    # On a narrow terminal the date, status and title matter most: actor lists
    # are cut first, then KIND and ACTORS are left out rather than cut to nothing.
    return render(
        ["WHEN", "STATUS", "KIND", "ACTORS", "TITLE"],
        rows,
        width=width,
        flex=4,
        squeeze={3: 24, 2: 16},
        drop=(2, 3),
    )


def _records(timeline: Timeline) -> list[dict[str, Any]]:
    # What the table shows (the current date and status), not the file's first statement.
    return [event_state(event) for event in timeline]


def _count(n: int, total: int | None = None) -> str:
    noun = "event" if (total if total is not None else n) == 1 else "events"
    return f"{n} of {total} {noun}" if total is not None and total != n else f"{n} {noun}"


def _emit(timeline: Timeline, args: argparse.Namespace, heading: str) -> None:
    """The selection as JSON (heading to stderr) or as a table under its heading."""
    if args.json:
        _out(_json_text(_records(timeline)))
        if args.heading_to_stderr:
            _err(heading)
        return
    width = _terminal_width(args)
    # The heading holds the timeline's name: one line, whatever the name says.
    heading = visible(heading)
    _out(heading if width is None else truncate(heading, width))
    if len(timeline):
        for line in _table(timeline, width):
            _out(line)


def _feed_events(path: Path) -> int:
    """How many events a feed file holds (some cannot be placed; the export warns of them)."""
    with path.open("rb") as feed:
        return sum(1 for line in feed if line == b"BEGIN:VEVENT\r\n")


def _write_bytes(data: bytes) -> None:
    # Feeds are CRLF text; the binary buffer keeps the line ends exactly as written.
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode())
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


# -- commands -----------------------------------------------------------------------------------


def _today(args: argparse.Namespace) -> tuple[_dt.date, str]:
    """The reference day and how to say it: ``--as-of``, else today (said so)."""
    if args.as_of is not None:
        day: _dt.date = args.as_of
        return day, str(day)
    today = _dt.date.today()
    args.as_of = today
    args.heading_to_stderr = True
    return today, f"{today.isoformat()} (today)"
