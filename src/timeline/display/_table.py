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

from collections.abc import Mapping, Sequence

from timeline.model._columns import clusters, columns
from timeline.model._text import visible

__all__ = ["ELLIPSIS", "cell_width", "render", "truncate"]

ELLIPSIS = "…"
_GAP = "  "
# Below these widths a column says too little to be worth keeping apart from its ellipsis.
_MIN_FLEX = 12
_MIN_OTHER = 6


def cell_width(text: str) -> int:
    """Terminal columns ``text`` takes: two per wide (East Asian) character or
    emoji, one cluster (an emoji with a skin tone, a ZWJ family) counted once.

    >>> cell_width("DeepSeek"), cell_width("腾讯混元"), cell_width("👍\U0001f3fd")
    (8, 8, 2)
    """
    return columns(text)


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
    for cluster, w in clusters(text):
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
