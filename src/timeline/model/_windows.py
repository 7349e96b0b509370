"""Window queries on a timeline and the span index behind them.

`Timeline.overlapping`, `Timeline.included`, `Timeline.on`, `Timeline.start_after`
and `Timeline.before` are thin methods over these functions, which give the events
to keep, in timeline order. The index (`_Runs`, built once a timeline by `runs`)
groups events that share a span into runs and finds the runs that may meet a
window with a `SpanIndex`; each candidate run is then confirmed with the exact rule
(`timeline.dates._bounds`), so a query equals a filter with `When.overlaps` or
`When.contains`.
"""

from __future__ import annotations

import datetime as _dt
import operator
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator
from itertools import chain, compress, repeat
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeAlias

from timeline._errors import QueryError, quoted
from timeline.dates._bounds import Span, _key, ends_before, holds, inside, meets, runs_backwards
from timeline.dates._masks import Readings, every_reading, meets_any, several
from timeline.dates._relations import _holders, _readings, _set_kind, span_holders
from timeline.dates._when import When, _coerce
from timeline.model._event import Event
from timeline.model._index import SpanIndex
from timeline.model._order import _whens

if TYPE_CHECKING:
    from timeline.model._timeline import Timeline

__all__ = ["WindowArg", "bound", "window", "window_keys"]

WindowArg: TypeAlias = "When | _dt.date | str"
"""A window bound: a `When`, a date or datetime, or text `When.parse` reads."""

Side: TypeAlias = Literal["start", "end"]

_DAY = 86_400_000_000
# Keys put a floating day at its UTC midnight, but compared with an instant a
# day spans every offset (timeline.dates._bounds): its reading can start up to 24
# hours earlier and end 48 hours after its key (Python's offsets stay under 24
# hours), and both sides of a pair may be floating. Four days of slack cover it.
_SLACK = 4 * _DAY
# Keys for "unbounded" in the int64 key columns.
_LOWEST, _HIGHEST = -(2**63), 2**63 - 1


def _window(value: WindowArg, name: str) -> When:
    if isinstance(value, When):
        return value
    if isinstance(value, _dt.date):
        return _coerce(value)
    if isinstance(value, str):
        return When.parse(value)
    raise TypeError(f"{name}: expected a When, date or text, got {quoted(value)}")


# The fix every refused bound names: a date, or an end written as open.
_FIX = "give a date such as '2026-04', or for an open window '../2026' as start or '2026/..' as end"


def _shown(value: WindowArg, when: When) -> str:
    """A bound as the caller gave it: text as typed, anything else as the date it reads as."""
    return value if isinstance(value, str) else str(when)


def bound(value: WindowArg, name: str, side: Side, query: str) -> When:
    """``value`` as a `When` that has a date on ``side`` (an open side counts as one).

    An undated value ("TBD") or an interval's unknown end on that side says nothing
    about where the window starts or stops: read as unbounded it would answer a
    different question, so it is a `QueryError` quoting it, with the fix.
    """
    when = _window(value, name)
    if when.is_undated:
        problem = "has no date, so it cannot bound a window"
    elif (when.lower if side == "start" else when.upper) == "unknown":
        problem = f"has an unknown {side}, so the window would have no {side}"
    else:
        return when
    raise QueryError(f"{query}: {name} {_shown(value, when)!r} {problem}; {_FIX}")


def window(
    start: WindowArg, end: WindowArg | None, query: str, name: str = "start"
) -> tuple[When, When]:
    """The bounds of the window from ``start`` to ``end`` (or of ``start`` alone), checked.

    Each must have a date on the side the window uses (`bound`), and the window
    must not end before it starts (plain bounds, as `When.interval` checks them):
    both are a `QueryError` naming ``query`` and the fix.

    >>> [str(w) for w in window("2026-04", "2026/..", "overlapping")]
    ['April 2026', 'from 2026 onwards']
    >>> window("TBD", None, "on", "day")
    Traceback (most recent call last):
    ...
    timeline._errors.QueryError: on: day 'TBD' has no date, so it cannot bound a window; ...
    """
    if end is None:
        first = bound(start, name, "start", query)
        return first, bound(start, name, "end", query)
    first, last = bound(start, "start", "start", query), bound(end, "end", "end", query)
    lo, hi = first.earliest, last.latest
    if lo is not None and hi is not None and runs_backwards(lo, hi):
        raise QueryError(
            f"{query}: end {_shown(end, last)!r} ends before start {_shown(start, first)!r} "
            "starts; give the earlier date first"
        )
    return first, last


def _widest(first: When, last: When) -> Span:
    """A window at its widest: from the fuzzy start of ``first`` to the fuzzy end of ``last``."""
    return first.fuzzy_bounds()[0], last.fuzzy_bounds()[1]


def window_keys(
    start: WindowArg, end: WindowArg | None, query: str, name: str = "start"
) -> tuple[int | None, int | None]:
    """The window as keys at its widest, with `_SLACK` each side (``None``: unbounded):
    every event a window query keeps has a span (its fuzzy bounds as keys) that meets
    it. The bounds are checked as `window` checks them.

    >>> lo, hi = window_keys("1970-01-02", None, "on", "day")
    >>> (lo + _SLACK) // _DAY, (hi - _SLACK) // _DAY
    (1, 1)
    """
    return _near_keys(*_widest(*window(start, end, query, name)))


def _near_keys(lo: _dt.date | None, hi: _dt.date | None) -> tuple[int | None, int | None]:
    """``[lo, hi]`` as keys, `_SLACK` wider each side (``None``: unbounded)."""
    return (None if lo is None else _key(lo) - _SLACK, None if hi is None else _key(hi) + _SLACK)


def _window_readings(first: When, last: When, alone: bool) -> Readings:
    """The window's readings at their widest: a set ``alone`` is each of its members."""
    if alone:
        return _readings(first)
    return (_widest(first, last),)


_end_of = operator.attrgetter("end")


def _several_of(w: When) -> bool:
    """Whether ``w`` may have several readings: a level-2 form or unspecified digits."""
    return w.form is not None or w.unspecified is not None


_keys_of = operator.attrgetter("_keys")
_fuzzy_start = operator.itemgetter(4)
_fuzzy_stop = operator.itemgetter(5)


class _Runs(NamedTuple):
    """A timeline's window index. Run ``r`` is the events ``firsts[r] .. lasts[r] - 1``,
    which share one span, ``lows[r] .. highs[r]`` as keys (int64 ends for unbounded);
    ``finder`` finds runs by span. ``sets`` holds the runs whose date has several
    readings (an EDTF set, unspecified digits allowing several runs of days) and no end
    stands: their span is the readings' hull."""

    finder: SpanIndex
    firsts: array[int]
    lasts: array[int]
    lows: array[int]
    highs: array[int]
    sets: frozenset[int]


def runs(events: tuple[Event, ...]) -> _Runs:
    """The window index over runs of ``events`` (in timeline order) that share a span."""
    # An event's span is its date's fuzzy bounds (to its end's while it stands), as
    # `Event.fuzzy_window`, from the keys each `When` keeps. Events in timeline
    # order that share a date object and have no end share one span: a large
    # timeline has a few events a date, and the work is per run.
    n = len(events)
    whens = _whens(events)
    ends = list(map(_end_of, events))
    cuts = set(compress(range(1, n), map(operator.is_not, whens[1:], whens)))
    # An end counts while it stands (`Event.current_end`): few events have one.
    with_end = []
    for p in compress(range(n), map(operator.is_not, ends, repeat(None))):
        ends[p] = events[p].current_end
        if ends[p] is not None:
            with_end.append(p)
    cuts.update(with_end)
    cuts.update(p + 1 for p in with_end)
    cuts.discard(0)
    cuts.discard(n)
    firsts = [0, *sorted(cuts)] if n else []
    keys = list(map(_keys_of, map(whens.__getitem__, firsts)))
    los = list(map(_fuzzy_start, keys))
    his = list(map(_fuzzy_stop, keys))
    for p in with_end:  # each a run of its own
        end = ends[p]
        assert end is not None  # with_end holds the positions of events with an end
        his[bisect_left(firsts, p)] = end._keys[5]
    # Few dates carry a level-2 form or unspecified digits; of those, the sets and the
    # digits that allow several runs of days, with no end standing.
    sets = frozenset(
        r
        for r in compress(range(len(firsts)), map(_several_of, map(whens.__getitem__, firsts)))
        if ends[firsts[r]] is None and several(_readings(whens[firsts[r]]))
    )
    return _Runs(
        SpanIndex.from_columns(los, his),
        array("q", firsts),
        array("q", [*firsts[1:], n] if n else []),
        array("q", [_LOWEST if k is None else k for k in los]),
        array("q", [_HIGHEST if k is None else k for k in his]),
        sets,
    )


def _window_runs(tl: Timeline, lo: _dt.date | None, hi: _dt.date | None) -> list[int]:
    """Runs that may meet ``[lo, hi]``, in timeline order (key space, two days wider)."""
    return sorted(tl._runs.finder.candidates(*_near_keys(lo, hi)))


def _runs_where(tl: Timeline, runs: list[int], keep: Callable[[int], bool]) -> Iterator[Event]:
    """The events of the runs ``keep`` accepts (by run number), in timeline order."""
    events, firsts, lasts = tl._events, tl._runs.firsts, tl._runs.lasts
    return chain.from_iterable(events[firsts[r] : lasts[r]] for r in runs if keep(r))


def _keep(
    tl: Timeline,
    window: Span,
    surely: Callable[[int, int, int, int], bool] | None,
    exactly: Callable[[Span], bool],
    readings_ok: Callable[[Readings], bool],
    *,
    sets_surely: bool = False,
) -> Iterator[Event]:
    """The events of the runs near ``window`` (a span holding every reading of the
    window) that the exact rule accepts: ``exactly`` given a run's span at its widest
    (`Event.fuzzy_window`), ``readings_ok`` given a set run's readings (each member at
    its widest). Either is asked only where ``surely`` (on the run's keys and the
    window's, ``_SLACK`` inside it) does not already decide.

    ``surely`` reads a run's span, the hull of a set: it decides set runs only if
    ``sets_surely`` says the hull does (every member of a hull inside is inside).
    With ``surely`` ``None`` (a window that is a set), ``readings_ok`` decides every run."""
    lo, hi = window
    runs = tl._runs
    lows, highs, firsts, events, sets = runs.lows, runs.highs, runs.firsts, tl._events, runs.sets
    candidates = _window_runs(tl, lo, hi)
    if surely is None:
        return _runs_where(tl, candidates, lambda r: readings_ok(events[firsts[r]]._readings))
    # Spans that meet the window with days to spare surely meet it by the exact rule
    # too (see _SLACK); only those near its edges are checked, once a run.
    sure_lo = _LOWEST if lo is None else _key(lo) + _SLACK
    sure_hi = _HIGHEST if hi is None else _key(hi) - _SLACK
    if not sets:  # the common case: no date is a set
        return _runs_where(
            tl,
            candidates,
            lambda r: (
                surely(lows[r], highs[r], sure_lo, sure_hi)
                or exactly(events[firsts[r]].fuzzy_window)
            ),
        )

    def keep(r: int) -> bool:
        if r in sets:
            return (sets_surely and surely(lows[r], highs[r], sure_lo, sure_hi)) or readings_ok(
                events[firsts[r]]._readings
            )
        return surely(lows[r], highs[r], sure_lo, sure_hi) or exactly(
            events[firsts[r]].fuzzy_window
        )

    return _runs_where(tl, candidates, keep)


def overlapping(
    tl: Timeline,
    start: WindowArg,
    end: WindowArg | None,
    query: str = "overlapping",
    name: str = "start",
) -> Iterator[Event]:
    """The events of ``tl`` that could fall in the window (`Timeline.overlapping`):
    some reading of the event meets some reading of the window."""
    first, last = window(start, end, query, name)
    span = _widest(first, last)
    windows = _window_readings(first, last, end is None)
    if not several(windows):
        return _keep(
            tl,
            span,
            lambda low, high, sure_lo, sure_hi: high >= sure_lo and low <= sure_hi,
            lambda other: meets(other, span),
            lambda spans: meets_any(spans, windows),
        )
    return _keep(
        tl,
        span,
        None,
        lambda other: meets_any((other,), windows),
        lambda spans: meets_any(spans, windows),
    )


def included(tl: Timeline, start: WindowArg, end: WindowArg | None) -> Iterator[Event]:
    """The events of ``tl`` certainly inside the window (`Timeline.included`): every
    reading of the event inside the window at its narrowest (each member of a one-of
    set window, some member of an all-of one)."""
    first, last = window(start, end, "included")
    span = (first.earliest, last.latest)
    # At its narrowest the window may be less than its bounds: the members of a set,
    # the runs of unspecified digits, an interval between such ends, or nothing at all.
    holders = _holders(first) if end is None else span_holders(first, last)
    if not holders:
        return iter(())
    if holders != (span,):
        every = end is not None or _set_kind(first) != "{"
        return _keep(
            tl,
            span,
            None,
            lambda other: holds(holders, (other,), every=every),
            lambda spans: holds(holders, every_reading(spans) if every else spans, every=every),
        )
    # A set event whose hull lies inside with days to spare has every member inside.
    return _keep(
        tl,
        span,
        lambda low, high, sure_lo, sure_hi: low >= sure_lo and high <= sure_hi,
        lambda other: inside(span, other),
        lambda spans: all(inside(span, other) for other in every_reading(spans)),
        sets_surely=True,
    )


def start_after(tl: Timeline, moment: WindowArg) -> Iterator[Event]:
    """The events of ``tl`` that certainly start after ``moment`` ends (`Timeline.start_after`):
    every reading of the event after every reading of ``moment``."""
    windows = _readings(bound(moment, "moment", "end", "start_after"))
    return _surely(tl, windows, lambda mine, theirs: ends_before(theirs, mine))


def before(tl: Timeline, moment: WindowArg) -> Iterator[Event]:
    """The events of ``tl`` that certainly end before ``moment`` starts (`Timeline.before`):
    every reading of the event before every reading of ``moment``."""
    return _surely(tl, _readings(bound(moment, "moment", "start", "before")), ends_before)


def _surely(tl: Timeline, moment: Readings, apart: Callable[[Span, Span], bool]) -> Iterator[Event]:
    """The events every reading of which stands ``apart`` (an event's span, then the
    moment's) from every reading of the moment (`ends_before` one way or the other, so
    the hull of a mask's runs stands for them: `every_reading`)."""
    windows = every_reading(moment)
    if len(windows) == 1:  # the common case: one span, asked directly of plain dates
        (span,) = windows
        return (
            e
            for e in tl
            if (
                apart(e.fuzzy_window, span)
                if e.when.form is None
                else all(apart(r, span) for r in every_reading(e._readings))
            )
        )
    return (e for e in tl if all(apart(r, w) for r in every_reading(e._readings) for w in windows))
