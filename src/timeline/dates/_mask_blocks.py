"""A mask's runs for a column that holds a bounded number of them: `bounded_runs`.

A mask of any year allows thousands of runs (``XXXX-04-20``: 9,999; ``XXXX-XX-15``:
about 120,000). A column keeps at most a given number of runs per value, each the hull
of neighbouring runs (a superset), so making every run first would cost in proportion
to the calendar, not to the column. Here, past a few times the limit, the allowed
years are cut into as many blocks as the limit, and each block is the hull of the runs
that start in it: its first run and its last, found by reading one or two years.

It reads `Runs`' own years and runs (a friend module, kept apart so that
`timeline.dates._masks` stays one concept).
"""

from __future__ import annotations

import datetime as _dt

from timeline.dates._bounds import Span
from timeline.dates._masks import Readings, Runs, Several

__all__ = ["bounded_runs"]


def _estimate(runs: Runs) -> int:
    """At least the number of runs (each year's runs; joins across years only merge)."""
    leap = sum(1 for year in runs._years if _leap(year))
    plain = len(runs._years) - leap
    return leap * len(runs._offsets(2000)) + plain * len(runs._offsets(2001))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _first_from(runs: Runs, k: int, last_day: int) -> tuple[int, int] | None:
    """The first unpadded run starting in the ``k``-th allowed year or later, up to day
    ``last_day``."""
    run = next(runs._raw(k), None)
    return None if run is None or run[0] > last_day else run


def _last_in(runs: Runs, k0: int, k1: int) -> tuple[int, int] | None:
    """The last unpadded run starting in the allowed years ``k0`` to ``k1`` (indices)."""
    for k in range(k1, k0 - 1, -1):
        year_end = _dt.date(runs._years[k], 12, 31).toordinal()
        found = None
        for run in runs._raw(k):
            if run[0] > year_end:
                break
            found = run
        if found is not None:
            return found
    return None


def _blocks(runs: Runs, count: int) -> list[Span]:
    """``count`` spans (or fewer), each the padded hull of the runs that start in one of
    ``count`` even blocks of the allowed years."""
    years = runs._years
    n = len(years)
    count = min(count, n)  # a block holds a year at least
    out: list[Span] = []
    for i in range(count):
        k0, k1 = i * n // count, (i + 1) * n // count - 1
        if k1 < k0:
            continue
        first = _first_from(runs, k0, _dt.date(years[k1], 12, 31).toordinal())
        last = _last_in(runs, k0, k1)
        if first is not None and last is not None:
            out.append(runs._padded(first[0], last[1]))
    return out


def bounded_runs(readings: Readings, limit: int) -> list[Span]:
    """``readings`` as spans, every run of a mask when it has at most a few times
    ``limit`` of them, else ``limit`` spans holding them all (each the hull of the runs
    that start in a block of its years): a superset, made in proportion to ``limit``.

    >>> from timeline.dates._masks import mask_readings
    >>> from timeline.dates._when import When
    >>> spans = bounded_runs(mask_readings(When.parse("XXXX-04-20")), 100)
    >>> len(spans), [str(p) for p in spans[0]], [str(p) for p in spans[-1]]
    (100, ['0001-04-20', '0099-04-20'], ['9900-04-20', '9999-04-20'])
    """
    if isinstance(readings, Several):
        return [s for part in readings.parts for s in bounded_runs(part, limit)]
    if not isinstance(readings, Runs):
        return list(readings)
    if _estimate(readings) <= 4 * limit:
        return list(readings)
    return _blocks(readings, limit)
