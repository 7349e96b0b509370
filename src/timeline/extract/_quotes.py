"""Passages in double quotes in folded text, and whether a place lies inside one."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Final

__all__ = ["inside", "quoted"]


_QUOTED: Final = re.compile(r'"[^"\n]+"')


def inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies strictly inside one of ``spans`` (sorted, not overlapping).

    >>> inside([(2, 5), (9, 12)], 10), inside([(2, 5), (9, 12)], 6)
    (True, False)
    """
    i = bisect.bisect_left(spans, (at, at)) - 1
    return any(a < at < b for a, b in spans[max(0, i) : i + 2])


def quoted(folded: str) -> Iterator[re.Match[str]]:
    """The passages between double quotes in folded text.

    >>> [m.group() for m in quoted('He said "we will ship" today.')]
    ['"we will ship"']
    """
    return _QUOTED.finditer(folded)
