"""Text from the data: made safe to print on a terminal, and keys to match it by.

Titles, actors and names come from strangers (a shared feed, a colleague's
CSV). Printed raw, a control character drives the terminal: ``ESC ] 52`` writes
the clipboard, ``ESC [ 2 J`` clears the screen, ``\\r\\n`` forges a table row,
a right-to-left override reorders what follows. `visible` shows each such
character as an escape a person can read (``\\x1b``, ``\\r``, ``\\u202e``) and
leaves every other character, CJK and emoji included, as it is.

One name reaches the data in several Unicode forms ("Zürich" precomposed, or
"Zu" and a combining diaeresis, as macOS and some web pages write it; "ＡＩ" in
full width): `name_key` is what names match by (NFKC, case folded), and
`search_key` what a text search matches by (the same, accents dropped too: a
search for "zurich" finds "Zürich").
"""

from __future__ import annotations

import re
import unicodedata

from timeline._errors import QueryError, quoted
from timeline.figures._text import checked_text

__all__ = ["name_key", "search_key", "timeline_text", "visible"]

_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# C0 controls (ESC among them), DEL, C1 controls; line and paragraph
# separators; bidirectional embeddings, overrides and isolates.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with control characters shown as escapes, for printing on a terminal.

    >>> visible("Launch\\x1b[2J now\\r\\nforged row")
    'Launch\\\\x1b[2J now\\\\r\\\\nforged row'
    >>> visible("腾讯混元 3.0")
    '腾讯混元 3.0'
    """
    return _CONTROL.sub(_escape, text)


def name_key(text: str) -> str:
    """What a name matches by: its NFKC form, case folded ("Zu\u0308rich" is "zürich").

    >>> name_key("ETH Zu\u0308rich") == name_key("eth zürich"), name_key("ＡＩ")
    (True, 'ai')
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def search_key(text: str) -> str:
    """What a text search matches by: `name_key` without accents ("İstanbul" is "istanbul").

    >>> search_key("İstanbul"), search_key("Café au lait")
    ('istanbul', 'cafe au lait')
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def timeline_text(value: object, field: str) -> str | None:
    """A timeline's name or description: text (blank is none), or `QueryError` for a value
    that is not text (it would fail on save, or come back changed).

    >>> timeline_text("  ", "name") is None
    True
    """
    if value is None:
        return None
    if not isinstance(value, str):
        shown = quoted(value)
        raise QueryError(f"timeline: {field}: {shown} is not text; give it as text, or None")
    # As in Event: text no file can hold (a lone surrogate) is refused.
    return checked_text(value, "timeline", field, QueryError) if value.strip() else None
