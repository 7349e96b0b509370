"""Text from the data, made safe to print on a terminal.

Titles, actors and names come from strangers (a shared feed, a colleague's
CSV). Printed raw, a control character drives the terminal: ``ESC ] 52`` writes
the clipboard, ``ESC [ 2 J`` clears the screen, ``\\r\\n`` forges a table row,
a right-to-left override reorders what follows. `visible` shows each such
character as an escape a person can read (``\\x1b``, ``\\r``, ``\\u202e``) and
leaves every other character, CJK and emoji included, as it is.
"""

from __future__ import annotations

import re

__all__ = ["visible"]

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
