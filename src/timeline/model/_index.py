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
from collections.abc import Sequence
from itertools import compress

__all__ = ["SpanIndex"]

_INF = math.inf


def _ints(values: Sequence[int] = ()) -> array[int]:
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
        # Columns of ints, not a tuple per span: large indexes build without
        # making a garbage-collected container per span.
        buckets: dict[int, tuple[list[int], list[int], list[int]]] = {}
        open_start: tuple[list[int], list[int]] = ([], [])  # no start: stops, positions
        open_stop: tuple[list[int], list[int]] = ([], [])  # no stop: starts, positions
        unbounded: list[int] = []
        for position, (start, stop) in enumerate(zip(starts, stops, strict=True)):
            if start is None and stop is None:
                unbounded.append(position)
            elif start is None:
                open_start[0].append(stop)  # type: ignore[arg-type]  # not None here
                open_start[1].append(position)
            elif stop is None:
                open_stop[0].append(start)
                open_stop[1].append(position)
            else:
                bits = max(stop - start, 1).bit_length()
                column = buckets.get(bits)
                if column is None:
                    column = buckets[bits] = ([], [], [])
                column[0].append(start)
                column[1].append(stop)
                column[2].append(position)
        self._unbounded = _ints(unbounded)
        # Each bucket: the longest span in it, then starts, stops and positions as
        # parallel arrays sorted by start.
        self._buckets: list[tuple[int, array[int], array[int], array[int]]] = []
        for b_starts, b_stops, b_positions in buckets.values():
            order = sorted(range(len(b_starts)), key=b_starts.__getitem__)
            longest = max(map(operator.sub, b_stops, b_starts))
            self._buckets.append(
                (
                    longest,
                    _ints([b_starts[i] for i in order]),
                    _ints([b_stops[i] for i in order]),
                    _ints([b_positions[i] for i in order]),
                )
            )
        self._open_start = _sorted_pair(*open_start)
        self._open_stop = _sorted_pair(*open_stop)

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
