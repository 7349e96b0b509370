"""Physical lines to logical ones: line ends, folds, and the slips real writers make.

RFC 5545 ends lines with CRLF and folds a long one by starting the next with a
space or tab. Real files end lines with LF, or with CR alone (old Mac
exporters), and files joined by hand mix them: a stretch of lines ended by CR
alone is read as lines wherever it stands, not as one long line. Unfolding
works on bytes, so a fold inside a multibyte character reads back whole.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.ics._lines import Structure

__all__ = ["logical_lines"]

_LONE_CR = re.compile(rb"\r(?!\n|$)")
_CR_LINES = re.compile(rb"\r(?:BEGIN|END):", re.IGNORECASE)  # lines that end with CR alone


def _line_ends(data: bytes, found: Structure) -> bytes:
    """``data`` with old Mac line ends (CR alone) made LF: every CR in a file with no LF;
    in one with LFs too (files joined), the CRs of a stretch that holds ``BEGIN:`` or
    ``END:`` lines ended so, said; a CR inside a value stays."""
    if b"\r" not in data:
        return data
    if b"\n" not in data:
        return data.replace(b"\r", b"\n")  # an old Mac file
    if _CR_LINES.search(data) is None:
        return data  # CRLF (or LF) alone, in one pass: the common case
    lines = data.split(b"\n")
    number = 1
    for i, line in enumerate(lines):
        if _CR_LINES.search(line):
            lines[i] = _LONE_CR.sub(b"\n", line)
            found.change(
                "lines ended by CR alone (old Mac line ends) among others (files joined?), "
                "read as lines",
                f"line {number}",
            )
        number += lines[i].count(b"\n") + 1
    return b"\n".join(lines)


_STRUCTURAL = re.compile(rb"[ \t]+((?:BEGIN|END):[A-Za-z0-9-]+)[ \t]*", re.IGNORECASE)
_PROPERTY = re.compile(rb"[ \t]+[A-Za-z][A-Za-z0-9-]*[;:]")
_BEGIN_END = re.compile(rb"(?:BEGIN|END):[A-Za-z0-9-]+[ \t]*", re.IGNORECASE)
_FOLD_WIDTH = range(60, 77)  # octets of a physical line a writer folds after (RFC: 75)


def _quoted_printable(line: bytes) -> bool:
    """Whether a content line's parameters say QUOTED-PRINTABLE (vCalendar 1.0)."""
    head = line.split(b":", 1)[0]
    return b"QUOTED-PRINTABLE" in head.upper()


def logical_lines(data: bytes, found: Structure) -> list[tuple[int, bytes]]:
    r"""Unfolded lines with the number of their first physical line.

    Unfolding works on bytes, so a writer that folded inside a UTF-8 character
    still reads back right. An indented ``BEGIN:``/``END:`` line after a line
    shorter than a folding writer's width is a line of its own, not a fold; in
    a file that has one, so is an indented property line after such a line.

    >>> from timeline.ics._lines import Structure
    >>> logical_lines(b"BEGIN:VEVENT\r\nSUMMARY:Caf\xc3\r\n \xa9\r\nEND:VEVENT", Structure())
    [(1, b'BEGIN:VEVENT'), (2, b'SUMMARY:Caf\xc3\xa9'), (4, b'END:VEVENT')]
    """
    data = _line_ends(data, found)
    out: list[tuple[int, bytes]] = []
    parts: list[bytes] = []
    first, previous = 0, 0
    indented = False  # seen an indented BEGIN/END line: the file indents by hand
    soft = False  # the line so far is QUOTED-PRINTABLE and ends with "=": it goes on
    for number, raw in enumerate(data.split(b"\n"), start=1):
        physical = raw[:-1] if raw.endswith(b"\r") else raw
        if physical.startswith(b"\xef\xbb\xbf"):  # files joined, each with its mark
            found.change(
                "byte-order marks inside the file (files joined), removed", f"line {number}"
            )
            physical = physical[3:]
        if soft and parts and not _BEGIN_END.fullmatch(physical):
            # A soft line break of QUOTED-PRINTABLE (vCalendar 1.0): the "=" goes, the next
            # line is the value's next part, as it stands.
            parts[-1] = parts[-1][:-1]
            parts.append(physical)
            soft = physical.endswith(b"=")
            continue
        if physical[:1] in (b" ", b"\t"):
            structural = _STRUCTURAL.fullmatch(physical)
            if structural is not None and (not parts or previous not in _FOLD_WIDTH):
                found.change("BEGIN/END lines indented, read as their own lines", f"line {number}")
                physical, indented = structural[1], True
            elif indented and parts and previous not in _FOLD_WIDTH and _PROPERTY.match(physical):
                # A file that indents its BEGIN lines indents its properties too.
                found.change("properties indented, read as their own lines", f"line {number}")
                physical = physical.lstrip(b" \t")
            elif parts:
                parts.append(physical[1:])
                previous = len(physical)
                soft = physical.endswith(b"=") and _quoted_printable(parts[0])
                continue
        if parts:
            out.append((first, b"".join(parts)))
        parts, first, previous = [physical], number, len(physical)
        soft = physical.endswith(b"=") and _quoted_printable(physical)
    if parts:
        out.append((first, b"".join(parts)))
    return out
