"""Plain-text tables for the command line, measured in terminal columns.

Widths count what a terminal shows, not code points: CJK titles are common in
this domain and each of their characters takes two columns, while combining
marks take none. A table given a ``width`` fits it, shrinking the flexible
column (the title) first and marking every cut with an ellipsis; with no
``width`` (output piped to a file or another program) nothing is cut. Cells are
aligned with spaces, never tabs, and lines carry no trailing blanks. Control
characters in a cell are shown escaped (`timeline.model._text.visible`): a
title cannot clear the screen or forge a row.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from timeline.model._text import visible

__all__ = ["ELLIPSIS", "cell_width", "render", "truncate"]

ELLIPSIS = "…"
_GAP = "  "
# Below these widths a column says too little to be worth keeping apart from its ellipsis.
_MIN_FLEX = 12
_MIN_OTHER = 6


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


def _clusters(text: str) -> list[tuple[str, int]]:
    """``text`` as grapheme clusters a terminal draws as one, each with its columns.

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
        pair = _indicator(char) and len(texts[-1]) == 1 if base else False
        if pair and _indicator(base):
            texts[-1] += char  # the second regional indicator of a flag
            continue
        texts.append(char)
        if _joins(char):  # a mark with nothing before it
            widths.append(0)
        else:
            wide = _indicator(char) or unicodedata.east_asian_width(char) in ("W", "F")
            widths.append(2 if wide else 1)
    return list(zip(texts, widths, strict=True))


def cell_width(text: str) -> int:
    """Terminal columns ``text`` takes: two per wide (East Asian) character or
    emoji, one cluster (an emoji with a skin tone, a ZWJ family) counted once.

    >>> cell_width("DeepSeek"), cell_width("腾讯混元"), cell_width("👍\U0001f3fd")
    (8, 8, 2)
    """
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(width for _, width in _clusters(text))


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, an ellipsis marking the cut;
    never inside a cluster (an emoji sequence, a character and its marks).

    >>> truncate("Tencent Hybrid Model 3.0 release", 12)
    'Tencent Hyb…'
    >>> truncate("short", 12)
    'short'
    """
    if cell_width(text) <= width:
        return text
    if width <= 0:
        return ""
    kept: list[str] = []
    used = 0
    for cluster, w in _clusters(text):
        if used + w > width - 1:
            break
        kept.append(cluster)
        used += w
    return "".join(kept).rstrip() + ELLIPSIS


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_width(text))


def _fit(natural: list[int], width: int, flex: int, squeeze: Mapping[int, int]) -> list[int]:
    """Column widths summing (with gaps) to at most ``width``."""
    widths = list(natural)
    excess = sum(widths) + len(_GAP) * (len(widths) - 1) - width
    if excess <= 0:  # a terminal wider than the table: nothing to cut, nothing to pad out
        return widths
    others = [i for i in range(len(widths)) if i != flex]

    def take(column: int, floor: int) -> None:
        nonlocal excess
        give = min(excess, max(0, widths[column] - floor))
        widths[column] -= give
        excess -= give

    def even(floor: int) -> None:
        # Widest first, one column at a time, so the others shrink evenly.
        nonlocal excess
        while excess > 0:
            wide = [i for i in others if widths[i] > floor]
            if not wide:
                return
            widths[max(wide, key=lambda i: widths[i])] -= 1
            excess -= 1

    # Long lists (actors) are cut to a comfortable width before the title is cut;
    # the title then gives up space down to a readable minimum, then the others;
    # on a very narrow terminal everything goes on down to one column.
    for column, comfortable in squeeze.items():
        take(column, comfortable)
    take(flex, _MIN_FLEX)
    even(_MIN_OTHER)
    take(flex, 1)
    even(1)
    return widths


def render(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    width: int | None = None,
    flex: int = -1,
    squeeze: Mapping[int, int] | None = None,
    drop: Sequence[int] = (),
    right: Sequence[int] = (),
) -> list[str]:
    """The table as lines: a header, a rule when sized for a terminal, then rows.

    ``width`` is the terminal's width (``None`` when piped: nothing is cut or
    dropped); ``flex`` is the column that takes what is left (default: the
    last); ``squeeze`` maps columns to the width they are cut to before ``flex``
    is; ``drop`` lists columns to leave out, in that order, while ``flex`` would
    get less than a quarter of the width; ``right`` lists columns aligned
    right (figures).

    >>> for line in render(["WHEN", "TITLE"], [["2026-04", "DeepSeek V4 release"]], width=22):
    ...     print(line)
    WHEN     TITLE
    -------  -------------
    2026-04  DeepSeek V4…
    """
    count = len(headers)
    flex %= count
    # Cells hold data from strangers: control characters are shown, never obeyed.
    table = [list(map(visible, headers)), *(list(map(visible, row)) for row in rows)]
    natural = [max(cell_width(row[i]) for row in table) for i in range(count)]
    keep = list(range(count))
    if width is not None:
        squeezed = dict(squeeze or {})
        want = min(natural[flex], max(_MIN_FLEX, width // 4))
        for column in drop:
            others = [min(natural[i], squeezed.get(i, natural[i])) for i in keep if i != flex]
            if width - len(_GAP) * (len(keep) - 1) - sum(others) >= want:
                break
            keep.remove(column)
    table = [[row[i] for i in keep] for row in table]
    position = {column: n for n, column in enumerate(keep)}
    widths = [natural[i] for i in keep]
    if width is not None:
        fit_squeeze = {position[c]: w for c, w in (squeeze or {}).items() if c in position}
        widths = _fit(widths, width, position[flex], fit_squeeze)
    flush = [i in right for i in keep]
    lines = []
    for n, row in enumerate(table):
        cells = [truncate(cell, w) for cell, w in zip(row, widths, strict=True)]
        line = _GAP.join(
            _pad(c, w) if not r else " " * (w - cell_width(c)) + c
            for c, w, r in zip(cells, widths, flush, strict=True)
        )
        lines.append(line.rstrip())
        if n == 0 and width is not None:
            lines.append(_GAP.join("-" * w for w in widths))
    return lines
