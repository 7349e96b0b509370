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
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

__all__ = ["SpanIndex"]

_INF = math.inf


class SpanIndex:
    """Candidate positions whose span ``[start, stop]`` meets a window.

    >>> index = SpanIndex([(0, 10), (20, 30), (None, 5), (25, None)])
    >>> sorted(index.candidates(8, 22))
    [0, 1, 2, 3]
    >>> sorted(index.candidates(11, 19))
    [3]
    """

    __slots__ = ("_buckets", "_open_start", "_open_stop", "_unbounded")

    def __init__(self, spans: Sequence[tuple[float | None, float | None]]) -> None:
        buckets: dict[int, list[tuple[float, float, int]]] = {}
        open_start: list[tuple[float, int]] = []  # no start: sorted by stop
        open_stop: list[tuple[float, int]] = []  # no stop: sorted by start
        self._unbounded: list[int] = []
        for position, (start, stop) in enumerate(spans):
            if start is None and stop is None:
                self._unbounded.append(position)
            elif start is None:
                open_start.append((stop, position))  # type: ignore[arg-type]
            elif stop is None:
                open_stop.append((start, position))
            else:
                length = max(stop - start, 1)
                buckets.setdefault(int(length).bit_length(), []).append((start, stop, position))
        self._buckets = []
        for bucket in buckets.values():
            bucket.sort()
            longest = max(stop - start for start, stop, _ in bucket)
            starts = [start for start, _, _ in bucket]
            self._buckets.append((longest, starts, bucket))
        open_start.sort()
        open_stop.sort()
        self._open_start = ([k for k, _ in open_start], [p for _, p in open_start])
        self._open_stop = ([k for k, _ in open_stop], [p for _, p in open_stop])

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
        for longest, starts, bucket in self._buckets:
            first = bisect_left(starts, lo_key - longest)
            last = bisect_right(starts, hi_key)
            found.extend(p for _, stop, p in bucket[first:last] if stop >= lo_key)
        return found
