"""Plain-text tables for the command line, measured in terminal columns.

Widths count what a terminal shows, not code points: CJK titles are common in
this domain and each of their characters takes two columns, while combining
marks take none. A table given a ``width`` fits it, shrinking the flexible
column (the title) first and marking every cut with an ellipsis; with no
``width`` (output piped to a file or another program) nothing is cut. Cells are
aligned with spaces, never tabs, and lines carry no trailing blanks.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["ELLIPSIS", "cell_width", "render", "truncate"]

ELLIPSIS = "…"
_GAP = "  "
# Below these widths a column says too little to be worth keeping apart from its ellipsis.
_MIN_FLEX = 12
_MIN_OTHER = 6


def cell_width(text: str) -> int:
    """Terminal columns ``text`` takes: two per wide (East Asian) character.

    >>> cell_width("DeepSeek"), cell_width("腾讯混元")
    (8, 8)
    """
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Cc"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, an ellipsis marking the cut.

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
    for char in text:
        w = cell_width(char)
        if used + w > width - 1:
            break
        kept.append(char)
        used += w
    return "".join(kept).rstrip() + ELLIPSIS


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_width(text))


def _fit(natural: list[int], width: int, flex: int) -> list[int]:
    """Column widths summing (with gaps) to at most ``width``, taking from ``flex`` first."""
    widths = list(natural)
    excess = sum(widths) + len(_GAP) * (len(widths) - 1) - width
    others = [i for i in range(len(widths)) if i != flex]
    # The title gives up space first, down to a readable minimum; then the other
    # columns, widest first so they shrink evenly; on a very narrow terminal both
    # go on down to one column each.
    for floor_flex, floor_other in ((_MIN_FLEX, _MIN_OTHER), (1, 1)):
        give = min(excess, max(0, widths[flex] - floor_flex))
        widths[flex] -= give
        excess -= give
        while excess > 0:
            wide = [i for i in others if widths[i] > floor_other]
            if not wide:
                break
            widths[max(wide, key=lambda i: widths[i])] -= 1
            excess -= 1
    return widths


def render(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    width: int | None = None,
    flex: int = -1,
) -> list[str]:
    """The table as lines: a header, a rule when sized for a terminal, then rows.

    ``width`` is the terminal's width (``None`` when piped: nothing is cut);
    ``flex`` is the column that shrinks first (default: the last).

    >>> for line in render(["WHEN", "TITLE"], [["2026-04", "DeepSeek V4 release"]], width=22):
    ...     print(line)
    WHEN     TITLE
    -------  -------------
    2026-04  DeepSeek V4…
    """
    columns = len(headers)
    flex %= columns
    table = [list(headers), *(list(row) for row in rows)]
    natural = [max(cell_width(row[i]) for row in table) for i in range(columns)]
    widths = natural if width is None else _fit(natural, width, flex)
    lines = []
    for n, row in enumerate(table):
        cells = [truncate(cell, w) for cell, w in zip(row, widths, strict=True)]
        line = _GAP.join(_pad(cell, w) for cell, w in zip(cells, widths, strict=True))
        lines.append(line.rstrip())
        if n == 0 and width is not None:
            lines.append(_GAP.join("-" * w for w in widths))
    return lines
