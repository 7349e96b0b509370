"""Terminal columns of text, counted per grapheme cluster as a terminal draws it.

Wide (East Asian) characters and emoji take two columns, marks none; an emoji
with a skin tone, a ZWJ sequence (a family, a rainbow flag), a flag's pair of
regional indicators and a Hangul syllable written as jamo (NFD, as macOS
writes it) are one cluster, drawn in the columns of its first character.
Every plain-text table (the CLI listings, the track record) measures by this.
"""

from __future__ import annotations

import unicodedata

__all__ = ["clusters", "columns"]

_ZWJ = "\u200d"
_VS16 = "\ufe0f"
_KEYCAP = "#*0123456789\u203c\u2049"  # not symbols, yet with an emoji form


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
    form of a symbol. (Selector 15, text form, is left at the symbol's width:
    which symbols have a narrow text form needs Unicode's list.)
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
