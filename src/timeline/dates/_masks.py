"""The readings of a value with unspecified digits: each run of days its digits allow.

``2026-XX-15`` is the 15th of some month of 2026: twelve readings, never 20 April.
``2026-X2`` is February or December; ``2026-XX-3X`` the 30th or 31st of a month
that has one. Consecutive allowed units make one reading (a run): ``2026-04-XX``
is some day of April, read as April, and ``202X`` the years 2020 to 2029, so a
mask whose digits allow one run is read by its hull as before. Each run is padded
as the value is (`When.fuzzy_bounds`: units of its grain for ``~ ? %``).

The runs are computed once a mask and kept (sorted, with the ordinals of their
ends for `bisect`), so a relation with a masked value looks up the few runs near
the other side. A mask of any year has many: ``XXXX-12-25`` 9,999 (some 20 ms to
build), ``XXXX-XX-15`` about 120,000 (some 150 ms).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from pendulum import Date

from timeline.dates._bounds import Span, _clamp_shift, ends_before, meets
from timeline.dates._precision import Precision, Relation

if TYPE_CHECKING:
    from timeline.dates._when import When

__all__ = ["Runs", "mask_readings", "meets_any"]

_MASK = re.compile(r"([\dX]{4})(?:-([\dX]{2})(?:-([\dX]{2}))?)?")
_MARKS = re.compile(r"[~?%]")


class Runs(tuple[Span, ...]):
    """Readings in calendar order, each a run of days, with ``his``: the ordinal of each
    run's last day, for `bisect`. Runs never overlap one another's start or end order."""

    his: list[int]


def _fits(mask: str, value: str) -> bool:
    return all(c == "X" or c == v for c, v in zip(mask, value, strict=True))


def _allowed(mask: str | None, top: int) -> list[int]:
    return [k for k in range(1, top + 1) if mask is None or _fits(mask, f"{k:02d}")]


@functools.lru_cache(maxsize=256)
def mask_runs(text: str) -> tuple[tuple[int, int], ...]:
    """The runs of consecutive days ``text`` allows, as (first, last) ordinals, in order.

    >>> [(_dt.date.fromordinal(a).isoformat(), _dt.date.fromordinal(b).isoformat())
    ...  for a, b in mask_runs("2026-X2")]
    [('2026-02-01', '2026-02-28'), ('2026-12-01', '2026-12-31')]
    """
    m = _MASK.fullmatch(text)
    if m is None:
        return ()
    y, mo, d = m.groups()
    if d == "XX":  # every day of the month: the months are the units
        d = None
    if d is None and mo == "XX":  # every month of the year: the years are
        mo = None
    years = [k for k in range(1, 10_000) if _fits(y, f"{k:04d}")] if "X" in y else [int(y)]
    runs: list[tuple[int, int]] = []
    add = runs.append
    months = _allowed(mo, 12)
    # The runs of allowed days within a month of each length (28..31), as offsets.
    in_month = {n: _day_runs(d, n) for n in range(28, 32)}
    for year in years:
        if mo is None:
            add((_dt.date(year, 1, 1).toordinal(), _dt.date(year, 12, 31).toordinal()))
            continue
        for month in months:
            first = _dt.date(year, month, 1).toordinal()
            length = calendar.monthrange(year, month)[1]
            for lo, hi in in_month[length]:
                add((first + lo, first + hi))
    merged: list[tuple[int, int]] = []
    for lo, hi in runs:  # runs that touch across a month's or year's end are one
        if merged and lo == merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return tuple(merged)


def _day_runs(mask: str | None, length: int) -> list[tuple[int, int]]:
    """Runs of the days 1..length a day mask allows (all of them for none), as offsets."""
    out: list[tuple[int, int]] = []
    for day in _allowed(mask, length):
        if out and day - 1 == out[-1][1] + 1:
            out[-1] = (out[-1][0], day - 1)
        else:
            out.append((day - 1, day - 1))
    return out


def _mask_text(w: When) -> str | None:
    """The digits of a single value with unspecified ones, without qualifiers; else ``None``."""
    if w.unspecified is not None:
        return w.unspecified
    form = w.form
    if form is None or "X" not in form or form[0] in "[{":
        return None
    return _MARKS.sub("", form)


def mask_readings(w: When, *, plain: bool = False) -> Runs | None:
    """The readings of a value with unspecified digits that allow several runs, each at its
    widest (``plain``: at its narrowest, as a container); ``None`` when the value has no
    such digits, a relation of its own ("by 2026-XX-15" runs to its last day), or one run.

    >>> [str(lo) for lo, hi in mask_readings(When.parse("2026-XX-15"))][:3]
    ['2026-01-15', '2026-02-15', '2026-03-15']
    """
    if w.relation is not Relation.ON or w.is_interval:
        return None
    text = _mask_text(w)
    if text is None:
        return None
    runs = mask_runs(text)
    if len(runs) < 2:
        return None
    if plain:
        return _padded(text, Precision.DAY, 0)
    grain = w.precision
    if w.form is not None:
        from timeline.dates._edtf_level2 import form_fuzz

        grain = form_fuzz(w)[1]
    from timeline.dates._when import DEFAULT_FUZZ

    return _padded(text, grain, DEFAULT_FUZZ(w))


@functools.lru_cache(maxsize=256)
def _padded(text: str, grain: Precision, pad: int) -> Runs:
    # Plain calendar dates: the bounds' arithmetic (timeline.dates._bounds) reads them as
    # pendulum's, and a mask of any year (XXXX-12-25) has thousands of runs.
    day = _dt.date.fromordinal
    runs = mask_runs(text)
    if pad and grain is not Precision.DAY:
        spans: list[Span] = [
            (
                _clamp_shift(Date.fromordinal(lo), grain, -pad, at_end=False),
                _clamp_shift(Date.fromordinal(hi), grain, pad, at_end=True),
            )
            for lo, hi in runs
        ]
    else:
        low, high = 1, _dt.date.max.toordinal()
        spans = [(day(max(lo - pad, low)), day(min(hi + pad, high))) for lo, hi in runs]
    out = Runs(spans)
    out.his = [hi.toordinal() for _, hi in spans]  # type: ignore[union-attr]
    return out


def _ordinal(p: _dt.date) -> int:
    return p.toordinal()


def meets_any(xs: tuple[Span, ...], ys: tuple[Span, ...]) -> bool:
    """Whether some span of ``xs`` meets some span of ``ys`` (`meets`); runs of a mask are
    looked up by `bisect` near each span of the other side, not read one by one.

    >>> april = (pendulum.date(2026, 4, 20), pendulum.date(2026, 4, 20))
    >>> meets_any((april,), mask_readings(When.parse("2026-XX-15")))
    False
    """
    if isinstance(xs, Runs) and (not isinstance(ys, Runs) or len(xs) > len(ys)):
        xs, ys = ys, xs
    if not isinstance(ys, Runs):
        return any(meets(x, y) for x in xs for y in ys)
    his, n = ys.his, len(ys)
    for x in xs:
        # A floating day read at every offset reaches at most two days further.
        i = 0 if x[0] is None else bisect_left(his, _ordinal(x[0]) - 2)
        while i < n:
            y = ys[i]
            if meets(x, y):
                return True
            if ends_before(x, y):  # this run and every later one start after x
                break
            i += 1
    return False
