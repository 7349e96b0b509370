"""A window index over event spans: which events could fall in ``[lo, hi]``?

Spans are integer keys (microseconds, floating days at UTC midnight; see
`timeline._bounds._key`). Bounded spans are bucketed by length in powers of two
and each bucket is sorted by start, so a query bisects each bucket for starts
in ``[lo - longest_in_bucket, hi]`` and checks the few candidates: the cost is
about ``buckets × log n`` plus the answer, not a scan. Spans unbounded on one
side live in their own sorted lists.

The index answers in key space; callers widen the window (by two days in
`timeline._timeline`) and confirm each candidate with the exact predicate: a
floating day and an instant compare by local date, which keys alone cannot
express.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress

__all__ = ["SpanIndex"]

_INF = math.inf


def _ints(values: Sequence[int] = ()) -> array[int]:
    # Machine integers, not int objects: 8 bytes an entry (keys are microseconds).
    return array("q", values)


class SpanIndex:
    """Candidate positions whose span ``[start, stop]`` meets a window.

    Keys are integers (``None`` = unbounded on that side).

    >>> index = SpanIndex([(0, 10), (20, 30), (None, 5), (25, None)])
    >>> sorted(index.candidates(8, 22))
    [0, 1, 2, 3]
    >>> sorted(index.candidates(11, 19))
    [3]
    """

    __slots__ = ("_buckets", "_open_start", "_open_stop", "_unbounded")

    def __init__(self, spans: Sequence[tuple[int | None, int | None]]) -> None:
        by_length: dict[int, list[tuple[int, int, int]]] = {}
        open_start: list[tuple[int, int]] = []  # no start: (stop, position)
        open_stop: list[tuple[int, int]] = []  # no stop: (start, position)
        unbounded: list[int] = []
        for position, (start, stop) in enumerate(spans):
            if start is None:
                if stop is None:
                    unbounded.append(position)
                else:
                    open_start.append((stop, position))
            elif stop is None:
                open_stop.append((start, position))
            else:
                length = max(stop - start, 1)
                by_length.setdefault(length.bit_length(), []).append((start, stop, position))
        self._unbounded = _ints(unbounded)
        # Each bucket: the longest span in it, then starts, stops and positions as
        # parallel arrays sorted by start.
        self._buckets: list[tuple[int, array[int], array[int], array[int]]] = []
        for members in by_length.values():
            members.sort()
            longest = max(stop - start for start, stop, _ in members)
            starts, stops, positions = (_ints(column) for column in zip(*members, strict=True))
            self._buckets.append((longest, starts, stops, positions))
            members.clear()  # the tuples are garbage now; free them while building
        open_start.sort()
        open_stop.sort()
        self._open_start = (_ints([k for k, _ in open_start]), _ints([p for _, p in open_start]))
        self._open_stop = (_ints([k for k, _ in open_stop]), _ints([p for _, p in open_stop]))

    def candidates(self, lo: float | None, hi: float | None) -> list[int]:
        """Positions of spans that may meet ``[lo, hi]`` (``None`` = unbounded).

        >>> SpanIndex([(0, 10)]).candidates(None, None)
        [0]
        """
        lo_key = -_INF if lo is None else lo
        hi_key = _INF if hi is None else hi
        found = list(self._unbounded)
        stops, positions = self._open_start
        found.extend(positions[bisect_left(stops, lo_key) :])  # stop >= lo
        starts, positions = self._open_stop
        found.extend(positions[: bisect_right(starts, hi_key)])  # start <= hi
        for longest, starts, stops, positions in self._buckets:
            # Starts before lo - longest cannot reach lo; those in range still might not.
            first = bisect_left(starts, lo_key - longest)
            last = bisect_right(starts, hi_key)
            if first < last:
                reach = map(lo_key.__le__, stops[first:last])
                found.extend(compress(positions[first:last], reach))
        return found
