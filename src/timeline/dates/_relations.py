"""The readings behind `When`'s honest relations, and the relations over them.

One rule: "could" relations (`When.possibly_before`, `When.overlaps`) hold for
some reading of both values, each at its widest (fuzzy bounds; a floating day
spans every UTC offset when compared with an instant); "surely" relations
(`When.definitely_before`, `When.contains`) hold for every reading: a container
at its narrowest (plain bounds), the other side at its widest. The readings of
an EDTF set ("April or June 2026", ``[2026-04,2026-06]``; all of ``{a,b}``) are
its members, not their hull: neither April nor June meets 10 May (`_readings`);
those of unspecified digits each run of days the digits allow (``2026-XX-15``: the
15th of each month, never 20 April; `timeline.dates._masks`).
So for any a, b with one reading each exactly one of ``a.definitely_before(b)``,
``b.definitely_before(a)`` and ``a.overlaps(b)`` holds (`timeline.dates._bounds`);
with several readings, at most one, and none when some reading is before and some after.

`When` keeps each relation's method, its docstring and the cases of one reading
each (no EDTF level-2 ``form``; an interval's unknown end) inline, so comparing
two plain values costs no extra call. This module holds the rest: which values
are sets (`_set_kind`), their readings at their widest (`_readings`) and as
containers at their narrowest (`_holders`), and the relations read over every
reading. The timeline's window queries (`timeline.model._windows`) and events
(`timeline.model._event`) read sets through the same helpers.
"""

from __future__ import annotations

import datetime as _dt
import functools
from typing import TYPE_CHECKING

from timeline.dates._bounds import Span, _cmp, ends_before, holds, runs_backwards
from timeline.dates._masks import (
    Readings,
    Runs,
    every_reading,
    joined,
    mask_readings,
    meets_any,
)
from timeline.dates._precision import Relation

if TYPE_CHECKING:
    from timeline.dates._when import When

__all__ = ["read_before", "read_contains", "read_overlaps", "span_holders"]


def _set_kind(w: When) -> str | None:
    """``"["`` for a one-of set, ``"{"`` for an all-of set read by its members, else ``None``.

    A set with a relation of its own (none can be written: `When.by` and the
    parser refuse one) keeps its hull.
    """
    form = w.form
    if form is None or form[0] not in "[{" or w.relation is not Relation.ON:
        return None
    return form[0]


def _readings(w: When) -> Readings:
    """The value's readings at their widest: each member's for a set, each run of days
    its unspecified digits allow (``2026-XX-15``: the 15th of each month), else its own.

    Open members (``[..2026-04-15,2026-06]``) are readings unbounded on one side.
    Digits that allow one run (``2026-04-XX``, ``202X``) are one reading, their hull.
    """
    if _set_kind(w) is None:
        if w.unspecified is None and w.form is None:
            return (w.fuzzy_bounds(),)
        return mask_readings(w) or (w.fuzzy_bounds(),)
    from timeline.dates._edtf_level2 import set_members

    assert w.form is not None
    return joined([_readings(m) for m in set_members(w.form)])


def _holders(w: When) -> Readings:
    """The value as a container, at its narrowest: each member's plain bounds for a set
    (each run of a member's unspecified digits), each run of its own digits, an interval
    from the latest start to the earliest end its ends allow (`span_holders`), else itself.
    None at all when no day is in every reading (``2026-XX-15/2026-XX-20``)."""
    if _set_kind(w) is None:
        if w.lower is not None or w.upper is not None:
            lower, upper = w.lower, w.upper
            if lower == "unknown" or upper == "unknown":  # it may end as soon as it starts
                known = upper if lower == "unknown" else lower
                return () if known is None or isinstance(known, str) else _holders(known)
            return span_holders(
                None if isinstance(lower, str) else lower,
                None if isinstance(upper, str) else upper,
            )
        if w.unspecified is None and w.form is None:
            return ((w.earliest, w.latest),)
        return mask_readings(w, plain=True) or ((w.earliest, w.latest),)
    from timeline.dates._edtf_level2 import set_members

    assert w.form is not None
    if w.form[0] == "{":  # all of: a member holds only what each of its own readings holds
        return tuple(
            h
            for m in set_members(w.form)
            if isinstance(hs := _holders(m), tuple) and len(hs) == 1
            for h in hs
        )
    return joined([_holders(m) for m in set_members(w.form)])


def span_holders(lower: When | None, upper: When | None) -> tuple[Span, ...]:
    """From ``lower`` to ``upper`` (``None``: open) at its narrowest: the spans from a
    reading of ``lower`` to a reading of ``upper`` that does not end before it starts,
    each of which must hold what the whole surely holds; ``()`` if there are none.

    Plain ends give their plain bounds; ends with unspecified digits (or sets) narrow
    it: ``2026-XX-15/2026-03`` starts on 15 January, February or March, so surely
    holds 15 to 31 March only. Between calendar days the spans meet in one, from the
    latest start to the earliest end.

    >>> [str(p) for p in span_holders(When.parse("2026-XX-15"), When.month(2026, 3))[0]]
    ['2026-03-15', '2026-03-31']
    """
    los = ((None, None),) if lower is None else _holders(lower)
    his = ((None, None),) if upper is None else _holders(upper)
    if isinstance(los, Runs) or isinstance(his, Runs):  # a mask's runs: calendar days
        return _mask_holders(los, his)
    if any(isinstance(p, _dt.datetime) for spans in (los, his) for span in spans for p in span):
        # An instant and a day: each pair is read in its own frame (few: no digits in a time)
        return tuple(
            (lo, hi)
            for lo, _ in los
            for _, hi in his
            if lo is None or hi is None or lo == hi or not runs_backwards(lo, hi)
        )
    firsts = _all_bounded([lo for lo, _ in los])
    lasts = _all_bounded([hi for _, hi in his])
    start: _dt.date | None = None
    stop: _dt.date | None = None
    if firsts:  # the latest start some reading of the upper end does not end before
        last = max(lasts) if lasts else None
        starts = [lo for lo in firsts if last is None or lo <= last]
        if not starts:
            return ()
        start = max(starts)
    if lasts:  # the earliest end that does not end before some reading of the lower end
        first = min(firsts) if firsts else None
        stops = [hi for hi in lasts if first is None or hi >= first]
        if not stops:
            return ()
        stop = min(stops)
    if start is not None and stop is not None and start > stop:
        return ()
    return ((start, stop),)


def _mask_holders(los: Readings, his: Readings) -> tuple[Span, ...]:
    """`span_holders` where an end is a mask's runs (calendar days, every one bounded):
    the latest start not after the last end, to the earliest end not before the first
    start, each found near that day rather than among every run."""
    last = _last_end(his)
    first = _first_start(los)
    if isinstance(los, Runs):
        found = los.last_starting_by(_dt.date.max.toordinal() if last is None else last.toordinal())
        start = None if found is None else found[0]
    else:
        starts = _all_bounded([lo for lo, _ in los])
        if starts is not None and last is not None:  # an instant against a day: its frame
            starts = [lo for lo in starts if not runs_backwards(lo, last)]
        start = None if starts is None or not starts else max(starts, key=_ORDER)
        if starts is not None and not starts:
            return ()
    if isinstance(los, Runs) and start is None:
        return ()
    if isinstance(his, Runs):
        after = his.first_ending_from(1 if first is None else first.toordinal())
        if after is None:
            return ()
        stop = after[1]
    else:
        stops = _all_bounded([hi for _, hi in his])
        if stops is not None and first is not None:
            stops = [hi for hi in stops if not runs_backwards(first, hi)]
        if stops is not None and not stops:
            return ()
        stop = None if stops is None else min(stops, key=_ORDER)
    if start is not None and stop is not None and runs_backwards(start, stop):
        return ()
    return ((start, stop),)


def _first_start(spans: Readings) -> _dt.date | None:
    """The earliest start of ``spans``; ``None`` when one is unbounded."""
    if isinstance(spans, Runs):
        return spans.hull()[0]
    starts = _all_bounded([lo for lo, _ in spans])
    return min(starts, key=_ORDER) if starts else None


def _last_end(spans: Readings) -> _dt.date | None:
    """The latest end of ``spans``; ``None`` when one is unbounded."""
    if isinstance(spans, Runs):
        return spans.hull()[1]
    stops = _all_bounded([hi for _, hi in spans])
    return max(stops, key=_ORDER) if stops else None


# Bounds in order: instants in UTC, a day against an instant by its local date (a mask's
# runs are days; the other end of an interval may be an instant).
_ORDER = functools.cmp_to_key(_cmp)


def _all_bounded(points: list[_dt.date | None]) -> list[_dt.date] | None:
    """The points, or ``None`` when one is unbounded (that side is then unbounded)."""
    bounded = [p for p in points if p is not None]
    return bounded if len(bounded) == len(points) else None


def read_before(a: When, b: When) -> bool:
    """`When.definitely_before` over every reading: each of ``a``'s ends before each of ``b``'s.

    >>> read_before(When.parse("[2026-03,2026-04]"), When.month(2026, 5))
    True
    """
    theirs = every_reading(_readings(b))
    return all(ends_before(x, y) for x in every_reading(_readings(a)) for y in theirs)


def read_overlaps(a: When, b: When) -> bool:
    """`When.overlaps` over every reading: some reading of ``a`` meets some reading of ``b``.

    >>> read_overlaps(When.parse("[2026-04,2026-06]"), When.parse("2026-05-10"))
    False
    """
    return meets_any(_readings(a), _readings(b))


def read_contains(w: When, o: When) -> bool:
    """`When.contains` with a set on either side: every reading of ``o`` inside ``w``'s holders.

    A one-of set holds only what every member holds, an all-of set what some
    member holds; a set inside another value is inside only if every member is.

    >>> read_contains(When.parse("[2026-04,2026-06]"), When.parse("2026-04-10"))
    False
    >>> read_contains(When.parse("{2026-04,2026-06}"), When.parse("2026-06-10"))
    True
    """
    holders = _holders(w)
    if not holders:  # no day is in every reading
        return False
    every = _set_kind(w) != "{"
    if every and o.form is None:  # inside each holder: the hull of o's runs is (a span is convex)
        return holds(holders, (o.fuzzy_bounds(),), every=True)
    readings = _readings(o)
    return holds(holders, every_reading(readings) if every else readings, every=every)
