"""A window index over event spans: which events could fall in ``[lo, hi]``?

Spans are integer keys (microseconds, floating days at UTC midnight; see
`timeline.dates._bounds._key`). Bounded spans are bucketed by length in powers of two
and each bucket is sorted by start, so a query bisects each bucket for starts
in ``[lo - longest_in_bucket, hi]`` and checks the few candidates: the cost is
about ``buckets × log n`` plus the answer, not a scan. Spans unbounded on one
side live in their own sorted lists.

The index answers in key space; callers widen the window (by two days in
`timeline.model._timeline`) and confirm each candidate with the exact predicate: a
floating day and an instant compare by local date, which keys alone cannot
express.
"""

from __future__ import annotations

import math
import operator
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import compress, repeat

__all__ = ["SpanIndex"]

_INF = math.inf


def _ints(values: Iterable[int] = ()) -> array[int]:
    # Machine integers, not int objects: 8 bytes an entry (keys are microseconds).
    return array("q", values)


def _sorted_pair(keys: list[int], positions: list[int]) -> tuple[array[int], array[int]]:
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return _ints([keys[i] for i in order]), _ints([positions[i] for i in order])


class SpanIndex:
    """Candidate positions whose span ``[start, stop]`` meets a window.

    Keys are integers (``None`` = unbounded on that side).

    >>> index = SpanIndex([(0, 10), (20, 30), (None, 5), (25, None)])
    >>> sorted(index.candidates(8, 22))
    [0, 1]
    >>> sorted(index.candidates(4, 26))
    [0, 1, 2, 3]
    """

    __slots__ = ("_buckets", "_open_start", "_open_stop", "_unbounded")

    def __init__(self, spans: Sequence[tuple[int | None, int | None]]) -> None:
        self._build([start for start, _ in spans], [stop for _, stop in spans])

    @classmethod
    def from_columns(cls, starts: Sequence[int | None], stops: Sequence[int | None]) -> SpanIndex:
        """The index of spans ``(starts[i], stops[i])``, given as two columns.

        >>> SpanIndex.from_columns([0, 20], [10, None]).candidates(15, 25)
        [1]
        """
        index = cls.__new__(cls)
        index._build(starts, stops)
        return index

    def _build(self, starts: Sequence[int | None], stops: Sequence[int | None]) -> None:
        # Whole-column operations (map, compress, one sort), not a Python step per
        # span: large indexes build in a few passes of C loops.
        if len(starts) != len(stops):
            raise ValueError(f"{len(starts)} starts but {len(stops)} stops")
        everyone = range(len(starts))
        has_start = list(map(operator.is_not, starts, repeat(None)))
        has_stop = list(map(operator.is_not, stops, repeat(None)))
        self._unbounded = _ints(
            compress(everyone, map(operator.not_, map(operator.or_, has_start, has_stop)))
        )
        open_start = list(compress(everyone, map(operator.gt, has_stop, has_start)))
        open_stop = list(compress(everyone, map(operator.gt, has_start, has_stop)))
        self._open_start = _sorted_pair([stops[i] for i in open_start], open_start)  # type: ignore[misc]
        self._open_stop = _sorted_pair([starts[i] for i in open_stop], open_stop)  # type: ignore[misc]
        # Bounded spans, bucketed by length in powers of two: one sort by (bucket,
        # start) makes each bucket a slice, sorted by start (ties by position).
        bounded = list(compress(everyone, map(operator.and_, has_start, has_stop)))
        b_starts: list[int] = list(map(starts.__getitem__, bounded))  # type: ignore[arg-type]
        b_stops: list[int] = list(map(stops.__getitem__, bounded))  # type: ignore[arg-type]
        lengths = list(map(operator.sub, b_stops, b_starts))
        bits = list(map(int.bit_length, map(max, lengths, repeat(1))))
        lowest = min(b_starts, default=0)
        # bucket in the high bits, the start (made non-negative) in the low ones
        width = max((max(b_starts, default=0) - lowest).bit_length(), 1)
        packed = [
            (b << width) | offset
            for b, offset in zip(bits, map(operator.sub, b_starts, repeat(lowest)), strict=True)
        ]
        order = sorted(range(len(bounded)), key=packed.__getitem__)
        in_order = list(map(bits.__getitem__, order))
        # Each bucket: the longest span in it, then starts, stops and positions as
        # parallel arrays sorted by start.
        self._buckets: list[tuple[int, array[int], array[int], array[int]]] = []
        first = 0
        while first < len(order):
            last = bisect_right(in_order, in_order[first], first)
            members = order[first:last]
            self._buckets.append(
                (
                    max(map(lengths.__getitem__, members)),
                    _ints(map(b_starts.__getitem__, members)),
                    _ints(map(b_stops.__getitem__, members)),
                    _ints(map(bounded.__getitem__, members)),
                )
            )
            first = last

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
