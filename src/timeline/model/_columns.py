"""Terminal columns of text, counted per grapheme cluster as a terminal draws it.

Wide (East Asian) characters and emoji take two columns, marks none; an emoji
with a skin tone, a ZWJ sequence (a family, a rainbow flag), a flag's pair of
regional indicators and a Hangul syllable written as jamo (NFD, as macOS
writes it) are one cluster, drawn in the columns of its first character.
Every plain-text table (the CLI listings, the track record) measures by this.
"""

from __future__ import annotations

import bisect
import unicodedata
from typing import Final

__all__ = ["clusters", "columns"]

_ZWJ = "\u200d"
_VS16 = "\ufe0f"
_KEYCAP = "#*0123456789\u203c\u2049"  # not symbols, yet with an emoji form
_VS15 = "\ufe0e"
# The emoji shown wide by default that also have a text form, asked for by variation
# selector 15 and drawn in one column (Unicode's emoji-variation-sequences.txt, the
# Emoji_Presentation characters in it; the table terminals and wcwidth use), as ranges.
_TEXT_FORM: Final = (
    (0x231A, 0x231B),
    (0x23E9, 0x23EC),
    (0x23F0, 0x23F0),
    (0x23F3, 0x23F3),
    (0x25FD, 0x25FE),
    (0x2614, 0x2615),
    (0x2648, 0x2653),
    (0x267F, 0x267F),
    (0x2693, 0x2693),
    (0x26A1, 0x26A1),
    (0x26AA, 0x26AB),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26CE, 0x26CE),
    (0x26D4, 0x26D4),
    (0x26EA, 0x26EA),
    (0x26F2, 0x26F3),
    (0x26F5, 0x26F5),
    (0x26FA, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2705, 0x2705),
    (0x270A, 0x270B),
    (0x2728, 0x2728),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
    (0x1F004, 0x1F004),
    (0x1F202, 0x1F202),
    (0x1F21A, 0x1F21A),
    (0x1F22F, 0x1F22F),
    (0x1F237, 0x1F237),
    (0x1F30D, 0x1F30F),
    (0x1F315, 0x1F315),
    (0x1F31C, 0x1F31C),
    (0x1F378, 0x1F378),
    (0x1F393, 0x1F393),
    (0x1F3A7, 0x1F3A7),
    (0x1F3AC, 0x1F3AE),
    (0x1F3C2, 0x1F3C2),
    (0x1F3C4, 0x1F3C4),
    (0x1F3C6, 0x1F3C6),
    (0x1F3CA, 0x1F3CA),
    (0x1F3E0, 0x1F3E0),
    (0x1F3ED, 0x1F3ED),
    (0x1F408, 0x1F408),
    (0x1F415, 0x1F415),
    (0x1F41F, 0x1F41F),
    (0x1F426, 0x1F426),
    (0x1F442, 0x1F442),
    (0x1F446, 0x1F449),
    (0x1F44D, 0x1F44E),
    (0x1F453, 0x1F453),
    (0x1F46A, 0x1F46A),
    (0x1F47D, 0x1F47D),
    (0x1F4A3, 0x1F4A3),
    (0x1F4B0, 0x1F4B0),
    (0x1F4B3, 0x1F4B3),
    (0x1F4BB, 0x1F4BB),
    (0x1F4BF, 0x1F4BF),
    (0x1F4CB, 0x1F4CB),
    (0x1F4DA, 0x1F4DA),
    (0x1F4DF, 0x1F4DF),
    (0x1F4E4, 0x1F4E6),
    (0x1F4EA, 0x1F4ED),
    (0x1F4F7, 0x1F4F7),
    (0x1F4F9, 0x1F4FB),
    (0x1F508, 0x1F508),
    (0x1F50D, 0x1F50D),
    (0x1F512, 0x1F513),
    (0x1F550, 0x1F567),
    (0x1F610, 0x1F610),
    (0x1F687, 0x1F687),
    (0x1F68D, 0x1F68D),
    (0x1F691, 0x1F691),
    (0x1F694, 0x1F694),
    (0x1F698, 0x1F698),
    (0x1F6AD, 0x1F6AD),
    (0x1F6B2, 0x1F6B2),
    (0x1F6B9, 0x1F6BA),
    (0x1F6BC, 0x1F6BC),
)
_TEXT_FORM_STARTS: Final = tuple(start for start, _ in _TEXT_FORM)


def _has_text_form(char: str) -> bool:
    """Whether ``char`` is a wide emoji with a one-column text form (selector 15).

    >>> _has_text_form("⌚"), _has_text_form("🚀"), _has_text_form("a")
    (True, False, False)
    """
    code = ord(char)
    at = bisect.bisect_right(_TEXT_FORM_STARTS, code) - 1
    return at >= 0 and code <= _TEXT_FORM[at][1]


def _joins(char: str) -> bool:
    """Whether ``char`` draws nothing of its own: it joins the cluster before it."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc")
        or 0x1160 <= code <= 0x11FF  # Hangul vowel and final jamo
        or 0xD7B0 <= code <= 0xD7FF
        or 0xE0100 <= code <= 0xE01EF  # variation selectors
    )


def _indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def clusters(text: str) -> list[tuple[str, int]]:
    """``text`` as grapheme clusters a terminal draws as one, each with its columns.

    >>> clusters("a👍\U0001f3fd腾")
    [('a', 1), ('👍🏽', 2), ('腾', 2)]

    An emoji with a skin tone, a ZWJ sequence, a flag (two regional
    indicators) and a syllable written as jamo each take the columns of their
    first character; variation selector 16 asks for the emoji (two columns)
    form of a symbol, and selector 15 the text (one column) form of an emoji
    that has one ("⌚\ufe0e"; "🚀\ufe0e" has none and stays two).
    """
    texts: list[str] = []  # each cluster's characters; its base is the first
    widths: list[int] = []
    joined = False  # the last character was a zero-width joiner
    for char in text:
        base = texts[-1][0] if texts else ""
        if base and (joined or _joins(char)):
            texts[-1] += char
            if char == _VS16 and (unicodedata.category(base) in ("So", "Sm") or base in _KEYCAP):
                widths[-1] = 2
            elif char == _VS15 and widths[-1] == 2 and _has_text_form(base):
                widths[-1] = 1  # the text form of an emoji: one column
            joined = char == _ZWJ
            continue
        joined = char == _ZWJ
        if base and unicodedata.category(base) == "So" and 0x1F3FB <= ord(char) <= 0x1F3FF:
            texts[-1] += char  # a skin tone: it colours the emoji before it
            continue
        if _indicator(char) and base and sum(map(_indicator, texts[-1])) % 2:
            texts[-1] += char  # the second regional indicator of a flag
            continue
        texts.append(char)
        if _joins(char):  # a mark with nothing before it
            widths.append(0)
        else:
            wide = _indicator(char) or unicodedata.east_asian_width(char) in ("W", "F")
            widths.append(2 if wide else 1)
    return list(zip(texts, widths, strict=True))


def columns(text: str) -> int:
    """Terminal columns ``text`` takes, cluster by cluster.

    >>> columns("DeepSeek"), columns("腾讯"), columns("👨\u200d👩\u200d👧")
    (8, 4, 2)
    """
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(width for _, width in clusters(text))
