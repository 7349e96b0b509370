"""Stepping an EDTF value by whole units of its own precision.

EDTF writes "before X" as ``[..X']`` and "after X" as ``[X''..]``, where X'
and X'' are the units next to X; `step` computes them, for calendar units
and for texts with unspecified digits (``202X`` -> ``203X``).
"""

from __future__ import annotations

import datetime as _dt
import re

from timeline.dates._bounds import _nudge
from timeline.dates._edtf_calendar import Fail, masked
from timeline.dates._precision import Precision
from timeline.dates._when import When, WhenError


def step(w: When, n: int) -> When:
    """The value ``n`` of its own units later (earlier when negative), qualifiers kept.

    EDTF writes "before X" as ``[..X']`` and "after X" as ``[X''..]``, where X' and
    X'' are the units before and after X; this computes them.
    """
    if n == 0:
        return w
    try:
        moved = _step(w, n)
    except (WhenError, ValueError, OverflowError) as e:
        raise Fail(f"the unit next to it is outside the calendar ({e})") from None
    return moved.qualify(approximate=w.approximate, uncertain=w.uncertain)


def _step(w: When, n: int) -> When:
    s = w.start
    if s is None or w.is_interval:
        raise Fail("only single values can be stepped")
    if w.unspecified is not None:
        return _step_masked(w.unspecified, n)
    if w.form is not None:
        raise Fail(f"{w.form} has no neighbour of the same shape")
    p = w.precision
    if isinstance(s, _dt.datetime):
        return When.instant(_nudge(s, n))
    if p is Precision.DAY:
        d = s + _dt.timedelta(days=n)
        return When.day(d.year, d.month, d.day)
    if p is Precision.WEEK:
        iso = (s + _dt.timedelta(weeks=n)).isocalendar()
        return When.week(iso[0], iso[1])
    if p is Precision.DEKAD:
        index = (s.year * 12 + s.month - 1) * 3 + (s.day - 1) // 10 + n
        months, k = divmod(index, 3)
        return When.dekad(months // 12, months % 12 + 1, k + 1)
    if p is Precision.MONTH:
        months = s.year * 12 + s.month - 1 + n
        return When.month(months // 12, months % 12 + 1)
    per_year = {Precision.SEASON: 4, Precision.QUARTER: 4, Precision.THIRD: 3, Precision.HALF: 2}
    if p in per_year:
        size = 12 // per_year[p]
        first_month = 3 if p is Precision.SEASON else 1
        index = s.year * per_year[p] + (s.month - first_month) // size + n
        year, k = divmod(index, per_year[p])
        if p is Precision.SEASON:
            return When.season(year, 21 + k)
        build = {Precision.QUARTER: When.quarter, Precision.THIRD: When.third}.get(p, When.half)
        return build(year, k + 1)
    if p is Precision.YEAR:
        return When.year(s.year + n)
    if p is Precision.DECADE:
        if w.end is None or w.end.year - s.year != 9:  # a third of a decade: no EDTF unit
            raise Fail("a part of a decade has no neighbour in EDTF")
        return When.decade(s.year + 10 * n)
    if p is Precision.CENTURY:
        return When.century(s.year + 100 * n)
    raise Fail(f"a {p.value} value cannot be stepped")


_STEPPABLE_MASK = re.compile(r"\d{1,3}X{1,3}|\d{4}-XX(?:-XX)?|\d{4}-\d{2}-XX")


def _step_masked(text: str, n: int) -> When:
    if not _STEPPABLE_MASK.fullmatch(text):
        raise Fail(f"{text} has no neighbour of the same shape")
    y, _, rest = text.partition("-")
    if "X" in y:
        k = y.count("X")
        prefix = int(y[: 4 - k]) + n
        if not 0 <= prefix < 10 ** (4 - k):
            raise Fail("the unit next to it is outside the calendar")
        return masked(f"{prefix:0{4 - k}d}" + "X" * k)
    if rest in ("XX", "XX-XX"):
        return masked(f"{int(y) + n:04d}-{rest}")
    months = int(y) * 12 + int(rest[:2]) - 1 + n
    return masked(f"{months // 12:04d}-{months % 12 + 1:02d}-XX")
