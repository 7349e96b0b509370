"""The readings of a value with unspecified digits: each run of days its digits allow.

``2026-XX-15`` is the 15th of some month of 2026: twelve readings, never 20 April.
``2026-X2`` is February or December; ``2026-XX-3X`` the 30th or 31st of a month
that has one. Consecutive allowed units make one reading (a run): ``2026-04-XX``
is some day of April, read as April, and ``202X`` the years 2020 to 2029, so a
mask whose digits allow one run is read by its hull as before. Each run is padded
as the value is (`When.fuzzy_bounds`: units of its grain for ``~ ? %``).

A mask of any year has many runs (``XXXX-XX-15`` about 120,000), so they are never
all built: `Runs` makes the runs of the years near a day when asked (`Runs.near`),
from the runs of one year of each length, and knows its first and last (`Runs.hull`).
A relation that must hold for *every* reading reads the hull, which gives the same
answer (`every_reading`); one that holds for *some* reading looks up the runs near
the other side (`meets_any`). Two masks of many years are compared one class of
years at a time (`_masks_meet`), not run by run.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeAlias

from pendulum import Date

from timeline.dates._bounds import Span, _clamp_shift, ends_before, meets
from timeline.dates._precision import Precision, Relation

if TYPE_CHECKING:
    from timeline.dates._when import When

__all__ = [
    "Readings",
    "Runs",
    "Several",
    "every_reading",
    "first_readings",
    "joined",
    "mask_readings",
    "meets_any",
    "over_before",
    "several",
]

_MASK = re.compile(r"([\dX]{4})(?:-([\dX]{2})(?:-([\dX]{2}))?)?")
_MARKS = re.compile(r"[~?%]")

Offsets: TypeAlias = tuple[tuple[int, int], ...]
"""Runs of one year as (first, last) days counted from its 1 January, in order."""


def _fits(mask: str, value: str) -> bool:
    return all(c == "X" or c == v for c, v in zip(mask, value, strict=True))


def _allowed(mask: str | None, top: int) -> list[int]:
    return [k for k in range(1, top + 1) if mask is None or _fits(mask, f"{k:02d}")]


@functools.lru_cache(maxsize=64)
def _years(mask: str) -> tuple[int, ...]:
    """The years 1..9999 a four-character mask allows, in order."""
    found = [0]
    for c in mask:  # digit by digit, in order
        digits = range(10) if c == "X" else (int(c),)
        found = [k * 10 + d for k in found for d in digits]
    return tuple(found[1:] if found[0] == 0 else found)


@functools.lru_cache(maxsize=256)
def _year_runs(month_mask: str | None, day_mask: str | None, leap: bool) -> Offsets:
    """The runs of days a month and day mask allow in a (leap) year, merged across
    months' ends; the whole year when neither is given."""
    year = 2000 if leap else 2001
    jan1 = _dt.date(year, 1, 1).toordinal()
    if month_mask is None:
        return ((0, _dt.date(year, 12, 31).toordinal() - jan1),)
    runs: list[tuple[int, int]] = []
    for month in _allowed(month_mask, 12):
        first = _dt.date(year, month, 1).toordinal() - jan1
        length = calendar.monthrange(year, month)[1]
        for lo, hi in _day_runs(day_mask, length):
            if runs and first + lo == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], first + hi)
            else:
                runs.append((first + lo, first + hi))
    return tuple(runs)


@functools.lru_cache(maxsize=256)
def _day_runs(mask: str | None, length: int) -> Offsets:
    """Runs of the days 1..length a day mask allows (all of them for none), as offsets."""
    out: list[tuple[int, int]] = []
    for day in _allowed(mask, length):
        if out and day - 1 == out[-1][1] + 1:
            out[-1] = (out[-1][0], day - 1)
        else:
            out.append((day - 1, day - 1))
    return tuple(out)


# How far a run's padding can reach, in days, per unit of each grain (an upper bound).
_UNIT_DAYS = {
    Precision.DAY: 1,
    Precision.WEEK: 7,
    Precision.DEKAD: 11,
    Precision.MONTH: 31,
    Precision.SEASON: 92,
    Precision.QUARTER: 92,
    Precision.THIRD: 123,
    Precision.HALF: 184,
    Precision.YEAR: 366,
    Precision.DECADE: 3653,
    Precision.CENTURY: 36525,
}
_LAST_ORDINAL = _dt.date.max.toordinal()


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


class Runs:
    """The readings of a mask in calendar order, each a run of days at its widest (padded),
    made a few years at a time: `near` gives those near a day, `hull` the first and the
    last. Later runs start and end later (padding keeps the order).

    >>> runs = mask_readings(When.parse("XXXX-XX-15"))
    >>> after = runs.near(pendulum.date(2026, 4, 20).toordinal())
    >>> [str(lo) for lo, _ in itertools.islice(after, 2)]
    ['2026-05-15', '2026-06-15']
    >>> [str(p) for p in runs.hull()]
    ['0001-01-15', '9999-12-15']
    """

    __slots__ = ("_day", "_grain", "_hull", "_mask", "_month", "_pad", "_reach", "_years")

    def __init__(
        self,
        mask: str,
        month: str | None,
        day: str | None,
        grain: Precision,
        pad: int,
    ) -> None:
        self._mask, self._years = mask, _years(mask)
        self._month, self._day = month, day
        self._grain, self._pad = grain, pad
        self._reach = _UNIT_DAYS.get(grain, 36525) * pad + 2
        self._hull: Span | None = None

    def _offsets(self, year: int) -> Offsets:
        return _year_runs(self._month, self._day, _leap(year))

    def _whole(self, year: int) -> bool:
        runs = self._offsets(year)
        return len(runs) == 1 and runs[0][0] == 0 and runs[0][1] >= 364

    def _joins(self, k: int) -> bool:
        """Whether the first run of the ``k``-th allowed year continues the year before's."""
        years = self._years
        if k == 0 or years[k - 1] != years[k] - 1:
            return False
        this, before = self._offsets(years[k]), self._offsets(years[k - 1])
        return bool(this and before) and this[0][0] == 0 and before[-1][1] >= 364

    def _raw(self, k: int) -> Iterator[tuple[int, int]]:
        """Unpadded runs as ordinals from the ``k``-th allowed year on; a run that began
        in a year before it (one that continues across 1 January) is left out."""
        pending: tuple[int, int] | None = None
        skip = self._joins(k)
        years = self._years
        for year in (years[i] for i in range(k, len(years))):  # not islice: O(k) to skip
            base = _dt.date(year, 1, 1).toordinal()
            for lo, hi in self._offsets(year):
                if pending is not None:
                    if base + lo == pending[1] + 1:
                        pending = (pending[0], base + hi)
                        continue
                    if skip:
                        skip = False
                    else:
                        yield pending
                pending = (base + lo, base + hi)
        if pending is not None and not skip:
            yield pending

    def _start(self, ordinal: int) -> int:
        """The allowed year to make runs from so that every run reaching ``ordinal``
        (padded) is made whole: a year before the first that may, and before that
        while whole years run on."""
        year = _dt.date.fromordinal(max(ordinal - self._reach, 1)).year
        k = max(bisect_left(self._years, year) - 1, 0)
        while k > 0 and self._whole(self._years[k]) and self._joins(k):
            k -= 1
        return k

    def _padded(self, lo: int, hi: int) -> Span:
        pad, grain = self._pad, self._grain
        if pad and grain is not Precision.DAY:
            return (
                _clamp_shift(Date.fromordinal(lo), grain, -pad, at_end=False),
                _clamp_shift(Date.fromordinal(hi), grain, pad, at_end=True),
            )
        # Plain calendar dates: the bounds' arithmetic (timeline.dates._bounds) reads them
        # as pendulum's.
        return (
            _dt.date.fromordinal(max(lo - pad, 1)),
            _dt.date.fromordinal(min(hi + pad, _LAST_ORDINAL)),
        )

    def near(self, ordinal: int | None) -> Iterator[Span]:
        """The runs, padded, from the first that ends on or after day ``ordinal`` (all
        of them for ``None``), in order; made as they are read."""
        start = 0 if ordinal is None else self._start(ordinal)
        for lo, hi in self._raw(start):
            span = self._padded(lo, hi)
            if ordinal is None or _ordinal(span[1]) >= ordinal:
                yield span

    def __iter__(self) -> Iterator[Span]:
        return self.near(None)

    def hull(self) -> Span:
        """From the start of the first run to the end of the last."""
        if self._hull is None:
            first = next(iter(self))
            final = self.last_starting_by(_LAST_ORDINAL)
            assert final is not None  # a mask with runs has a last one
            self._hull = (first[0], final[1])
        return self._hull

    def first_ending_from(self, ordinal: int) -> Span | None:
        """The first run that ends on or after day ``ordinal``, if any."""
        return next(self.near(ordinal), None)

    def last_starting_by(self, ordinal: int) -> Span | None:
        """The last run that starts on or before day ``ordinal``, if any."""
        year = _dt.date.fromordinal(min(ordinal + self._reach, _LAST_ORDINAL)).year
        k = bisect_right(self._years, year)
        while k > 0:
            k -= 1
            found = None
            for span in self.near(_dt.date(self._years[k], 1, 1).toordinal()):
                if _ordinal(span[0]) > ordinal:
                    break
                found = span
            if found is not None:
                return found
        return None


class Several:
    """The readings of a set one of whose members is a mask of many runs: each member's
    readings, kept apart so that the runs are still made only near the other side.

    >>> parts = Several((mask_readings(When.parse("XXXX-XX-15")), ((None, None),)))
    >>> several(parts), len(every_reading(parts))
    (True, 2)
    """

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Readings, ...]) -> None:
        self.parts = parts

    def __iter__(self) -> Iterator[Span]:
        return itertools.chain.from_iterable(self.parts)


Readings: TypeAlias = "tuple[Span, ...] | Runs | Several"
"""A value's readings: a few spans, the lazily made runs of a mask (`Runs`), or the
readings of a set's members, one of which is such runs (`Several`)."""


def joined(parts: list[Readings]) -> Readings:
    """The readings of a set's members, one after the other.

    >>> joined([((None, None),), ((None, None),)])
    ((None, None), (None, None))
    """
    if any(isinstance(p, (Runs, Several)) for p in parts):
        return Several(tuple(parts))
    return tuple(span for p in parts for span in p)


@functools.lru_cache(maxsize=64)
def _year_flags(mask: str) -> bytes:
    """Byte ``y`` is 1 when the mask allows year ``y`` (0..10000)."""
    flags = bytearray(10_001)
    for year in _years(mask):
        flags[year] = 1
    return bytes(flags)


_LEAP_FLAGS = bytes(int(_leap(year)) if year else 0 for year in range(10_001))


def _mask_text(w: When) -> str | None:
    """The digits of a single value with unspecified ones, without qualifiers; else ``None``."""
    if w.unspecified is not None:
        return w.unspecified
    form = w.form
    if form is None or "X" not in form or form[0] in "[{":
        return None
    return _MARKS.sub("", form)


@functools.lru_cache(maxsize=256)
def _digits(text: str) -> tuple[str, str | None, str | None] | None:
    """The year, month and day masks of a mask with several runs, else ``None``."""
    m = _MASK.fullmatch(text)
    if m is None:
        return None
    y, mo, d = m.groups()
    if d == "XX":  # every day of the month: the months are the units
        d = None
    if d is None and mo == "XX":  # every month of the year: the years are
        mo = None
    probe = Runs(y, mo, d, Precision.DAY, 0)
    if len(list(itertools.islice(probe, 2))) < 2:
        return None
    return y, mo, d


def mask_readings(w: When, *, plain: bool = False) -> Runs | None:
    """The readings of a value with unspecified digits that allow several runs, each at its
    widest (``plain``: at its narrowest, as a container); ``None`` when the value has no
    such digits, a relation of its own ("by 2026-XX-15" runs to its last day), or one run.

    >>> [str(lo) for lo, hi in itertools.islice(mask_readings(When.parse("2026-XX-15")), 3)]
    ['2026-01-15', '2026-02-15', '2026-03-15']
    """
    if w.relation is not Relation.ON or w.is_interval:
        return None
    text = _mask_text(w)
    if text is None:
        return None
    if _digits(text) is None:
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
    found = _digits(text)
    assert found is not None  # mask_readings asks only of masks with several runs
    return Runs(*found, grain, pad)


def _ordinal(p: _dt.date | None) -> int:
    """The day of a bound; a run's ends are always bounded."""
    assert p is not None
    return p.toordinal()


def several(readings: Readings) -> bool:
    """Whether there is more than one reading.

    >>> several(mask_readings(When.parse("2026-XX-15"))), several(((None, None),))
    (True, False)
    """
    return isinstance(readings, (Runs, Several)) or len(readings) > 1


def every_reading(readings: Readings) -> tuple[Span, ...]:
    """Readings that stand for all of them in a relation every reading must pass that reads
    only a reading's ends (`ends_before` either way round, `inside` as the inner side):
    the hull of a mask's runs, which are all floating days in one frame, so its first
    start and last end decide; other readings as they are.

    >>> [str(p) for p in every_reading(mask_readings(When.parse("2026-XX-15")))[0]]
    ['2026-01-15', '2026-12-15']
    """
    if isinstance(readings, Several):
        return tuple(span for part in readings.parts for span in every_reading(part))
    return (readings.hull(),) if isinstance(readings, Runs) else readings


def first_readings(readings: Readings) -> tuple[Span, ...]:
    """Readings that stand for all of them where the earliest end decides (a deadline
    met by every reading): a mask's first run, as later runs end later; other readings
    as they are.

    >>> [str(p) for p in first_readings(mask_readings(When.parse("2026-XX-15")))[0]]
    ['2026-01-15', '2026-01-15']
    """
    if isinstance(readings, Several):
        return tuple(span for part in readings.parts for span in first_readings(part))
    return (next(iter(readings)),) if isinstance(readings, Runs) else readings


def over_before(readings: Readings, day: _dt.date) -> bool:
    """Whether every reading surely ends before ``day`` starts, wherever it is read: a
    floating day ends at UTC-12, and ``day`` starts at UTC+14. The one rule for an open
    event turning overdue (`Event.overdue`) and a target's deadline passing
    (`Target.status`): an instant at noon UTC on the 20th has not passed on the 21st, as
    the 21st began at UTC+14 before it.

    >>> noon = pendulum.datetime(2026, 4, 20, 12)
    >>> [over_before(((noon, noon),), pendulum.date(2026, 4, d)) for d in (21, 22)]
    [False, True]
    """
    return all(ends_before(r, (day, day)) for r in every_reading(readings))


def meets_any(xs: Readings, ys: Readings) -> bool:
    """Whether some span of ``xs`` meets some span of ``ys`` (`meets`); runs of a mask are
    looked up near each span of the other side, not read one by one.

    >>> april = (pendulum.date(2026, 4, 20), pendulum.date(2026, 4, 20))
    >>> meets_any((april,), mask_readings(When.parse("2026-XX-15")))
    False
    """
    if isinstance(xs, Several):
        return any(meets_any(part, ys) for part in xs.parts)
    if isinstance(ys, Several):
        return any(meets_any(xs, part) for part in ys.parts)
    if isinstance(xs, Runs):
        if isinstance(ys, Runs):
            return _masks_meet(xs, ys)
        xs, ys = ys, xs
    if not isinstance(ys, Runs):
        return any(meets(x, y) for x in xs for y in ys)
    for x in xs:
        # A floating day read at every offset reaches at most two days further.
        for y in ys.near(None if x[0] is None else _ordinal(x[0]) - 2):
            if meets(x, y):
                return True
            if ends_before(x, y):  # this run and every later one start after x
                break
    return False


def _walk(xs: Iterator[Span], ys: Iterator[Span]) -> bool:
    """Whether two runs in order meet, walking both (each only ever moves forward)."""
    x, y = next(xs, None), next(ys, None)
    while x is not None and y is not None:
        if meets(x, y):
            return True
        if ends_before(x, y):
            x = next(xs, None)
        else:
            y = next(ys, None)
    return False


def _until(spans: Iterator[Span], last: int) -> Iterator[Span]:
    """The spans that start on or before day ``last``."""
    for span in spans:
        if _ordinal(span[0]) > last:
            return
        yield span


def _masks_meet(a: Runs, b: Runs) -> bool:
    """Whether two masks' runs meet. Both are floating days in one frame, so two runs
    meet where they share a day; the runs touching a year are the same, moved, in every
    year of one class (the years each allows and the leap years around it), and
    padding by a month or a day reaches no further than the next year. So one year of
    each class is compared; the first and last two years of the calendar on their own."""
    shared = (max(a._years[0], b._years[0]) - 1, min(a._years[-1], b._years[-1]) + 1)
    if shared[0] > shared[1]:
        return False
    if max(a._reach, b._reach) > 100 or shared[1] - shared[0] < 8:  # coarse grains: run by run
        start = _dt.date(max(shared[0] - 1, 1), 1, 1).toordinal()
        return _walk(a.near(start), b.near(start))
    seen: set[object] = set()
    # A year's class: the allowed years and leap years around it, on each side.
    flags_a, flags_b, leaps = _year_flags(a._mask), _year_flags(b._mask), _LEAP_FLAGS
    for year in range(max(shared[0], 1), min(shared[1], 9999) + 1):
        edge = year <= 2 or year >= 9998
        around = slice(year - 1, year + 2)
        key = year if edge else flags_a[around] + flags_b[around] + leaps[around]
        if key in seen:
            continue
        seen.add(key)
        lo = _dt.date(year, 1, 1).toordinal()
        hi = _dt.date(year, 12, 31).toordinal()
        if _walk(_until(a.near(lo), hi), _until(b.near(lo), hi)):
            return True
    return False
