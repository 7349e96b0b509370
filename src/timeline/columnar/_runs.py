"""The runs of days a set or a value with unspecified digits could fall on: ``could_runs``.

`Timeline.overlapping` reads an EDTF set ("April or June 2026") as its members and
unspecified digits ("2026-XX-15") as each run of days they allow
(`timeline.dates._relations`), so neither meets a day between two readings. A row's
``could_start``/``could_end`` are the readings' hull; ``could_runs`` lists the days
each reading could fall on (as ``could_days`` counts them), merged where they touch,
so a window of whole days meets the event exactly when it meets the hull and one
run. Ordinary values have one reading, their hull: null, and nothing computed.

A mask of any year has thousands of runs (``XXXX-12-25``: 9,999): beyond
`RUNS_LIMIT` the runs across the smallest gaps are joined until that many are
left, each the hull of neighbouring runs: a superset, which `duckdb_connect`'s
``events_overlapping`` refines with the parser (``could_meet``). Past four times
`RUNS_LIMIT` the runs are never all made: each of `RUNS_LIMIT` even blocks of the
allowed years gives the hull of the runs starting in it (`bounded_runs`).
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from timeline.columnar._deps import require
from timeline.columnar._table import could_days
from timeline.dates._bounds import Point, Span
from timeline.dates._mask_blocks import bounded_runs
from timeline.dates._masks import several
from timeline.dates._relations import _readings
from timeline.dates._when import When
from timeline.model._event import Event

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["RUNS_LIMIT", "date_runs", "event_runs", "runs_array", "window_meets"]

RUNS_LIMIT = 1024
"""The most runs a ``could_runs`` value holds; a value allowing more keeps this many,
each the hull of neighbouring runs (a superset)."""

DayRun = tuple[int | None, int | None]
_EPOCH = _dt.date(1970, 1, 1).toordinal()


def _days(lo: _dt.date | None, hi: _dt.date | None) -> DayRun:
    """The first and last day a reading could fall on, as days since 1970."""
    if isinstance(lo, _dt.datetime) or isinstance(hi, _dt.datetime):
        return could_days(cast("Point | None", lo), cast("Point | None", hi))
    # Calendar days: the days themselves, in every frame.
    return (
        None if lo is None else lo.toordinal() - _EPOCH,
        None if hi is None else hi.toordinal() - _EPOCH,
    )


def _merged(readings: Sequence[Span]) -> list[DayRun]:
    """The readings as days, sorted and merged where they overlap or touch.

    >>> d = _dt.date
    >>> _merged([(d(1970, 1, 5), d(1970, 1, 6)), (None, d(1970, 1, 2)), (None, d(1970, 1, 1))])
    [(None, 1), (4, 5)]
    """
    days = sorted(
        (_days(lo, hi) for lo, hi in readings),
        key=lambda r: -(2**40) if r[0] is None else r[0],
    )
    out: list[DayRun] = []
    for first, last in days:
        if out:
            top = out[-1][1]
            if top is None or first is None or first <= top + 1:
                if top is not None and (last is None or last > top):
                    out[-1] = (out[-1][0], last)
                continue
        out.append((first, last))
    return out


def _coarsened(runs: list[DayRun], limit: int) -> list[DayRun]:
    """``runs`` with the smallest gaps closed until ``limit`` are left: a superset."""
    extra = len(runs) - limit
    if extra <= 0:
        return runs

    def gap(i: int) -> int:
        after, before = runs[i + 1][0], runs[i][1]
        assert after is not None and before is not None  # only the ends are unbounded
        return after - before

    close = set(sorted(range(len(runs) - 1), key=lambda i: (gap(i), i))[:extra])
    out: list[DayRun] = []
    for i, run in enumerate(runs):
        if i - 1 in close:
            out[-1] = (out[-1][0], run[1])
        else:
            out.append(run)
    return out


@functools.lru_cache(maxsize=1024)
def date_runs(when: When) -> tuple[DayRun, ...] | None:
    """The runs of days ``when`` could fall on, as days since 1970 (``None``: unbounded), when
    it has several readings (an EDTF set, unspecified digits); ``None`` for one reading,
    whose days are ``could_start``..``could_end``.

    >>> [tuple(_dt.date.fromordinal(d + _EPOCH).isoformat() for d in run)
    ...  for run in date_runs(When.parse("2026-X2"))]
    [('2026-02-01', '2026-02-28'), ('2026-12-01', '2026-12-31')]
    >>> date_runs(When.parse("April or May 2026")) is None  # they touch: one run, the hull
    True
    """
    if when.form is None and when.unspecified is None:
        return None
    readings = _readings(when)
    if not several(readings):
        return None
    # Every run when a mask has a few times RUNS_LIMIT or fewer, else blocks of its years.
    runs = _merged(bounded_runs(readings, RUNS_LIMIT))
    if len(runs) == 1 and runs[0] == could_days(*when.fuzzy_bounds()):
        return None
    return tuple(_coarsened(runs, RUNS_LIMIT))


def event_runs(event: Event) -> tuple[DayRun, ...] | None:
    """The runs of days ``event`` could fall on (its ``could_runs``): its date's
    (`date_runs`), unless an end stands, which makes one span from start to end.

    >>> event_runs(Event(title="x", when="April or June 2026", end="2026-12")) is None
    True
    >>> len(event_runs(Event(title="x", when="April or June 2026")))
    2
    """
    if event.end is not None and event.current_end is not None:
        return None
    return date_runs(event.when)


def runs_array(rows: list[tuple[DayRun, ...] | None], kind: pa.DataType) -> pa.Array:
    """A ``list<struct<first: date32, last: date32>>`` column of ``rows`` (null: no runs).

    >>> import pyarrow as pa
    >>> kind = pa.list_(pa.struct([("first", pa.date32()), ("last", pa.date32())]))
    >>> runs_array([None, ((0, 1),)], kind).to_pylist()[1]
    [{'first': datetime.date(1970, 1, 1), 'last': datetime.date(1970, 1, 2)}]
    """
    pa = require("pyarrow")

    n = len(rows)
    if rows.count(None) == n:
        return pa.nulls(n, kind)
    offsets = [0]
    firsts: list[int | None] = []
    lasts: list[int | None] = []
    for row in rows:
        if row is not None:
            for first, last in row:
                firsts.append(first)
                lasts.append(last)
        offsets.append(len(firsts))
    run = kind.value_type
    values = pa.StructArray.from_arrays(
        [
            pa.array(firsts, pa.int32()).cast(pa.date32()),
            pa.array(lasts, pa.int32()).cast(pa.date32()),
        ],
        fields=list(run),
    )
    mask = pa.array([r is None for r in rows], pa.bool_())
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), values, type=kind, mask=mask)


def window_meets(when: When, first: _dt.date | None, last: _dt.date | None) -> bool:
    """Whether ``when`` could fall on a day from ``first`` to ``last`` (``None``: open), by
    `Timeline.overlapping`'s rule: some reading of it meets the days.

    >>> window_meets(When.parse("XXXX-12-25"), _dt.date(2026, 12, 1), _dt.date(2026, 12, 24))
    False
    """
    from pendulum import Date

    from timeline.dates._masks import meets_any

    lo = None if first is None else Date(first.year, first.month, first.day)
    hi = None if last is None else Date(last.year, last.month, last.day)
    return meets_any(_readings(when), ((lo, hi),))
