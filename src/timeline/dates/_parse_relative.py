"""Dates said relative to the day a text was written: "next quarter", "this April",
"last winter", "tomorrow", "later this year".

Handlers for `timeline.dates._parse_dates`' table of patterns; each needs the
reference day (`Context.need` raises without one).
"""

from __future__ import annotations

import datetime as _dt
import re

from timeline.dates._parse_context import STEP, Context, Value, Yearless, pick
from timeline.dates._parse_edtf import MONTH_NAMES, Fail
from timeline.dates._parse_spans import SEASON_CODES
from timeline.dates._when import When

__all__ = ["MONTHS", "day_word", "relative_named", "relative_unit", "rest_of", "unit_of"]

MONTHS = {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)}


def relative_unit(m: re.Match[str], ctx: Context) -> Value:
    return unit_of(m["unit"], STEP[m["rel"]], ctx.need(repr(m[0])))


def unit_of(unit: str, k: int, ref: _dt.date) -> When:
    """The calendar unit containing ``ref``, moved ``k`` units."""
    if unit == "year":
        return When.year(ref.year + k)
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + k
        return When.month(index // 12, index % 12 + 1)
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + k
        return When.quarter(index // 4, index % 4 + 1)
    if unit == "week":
        iso = (ref + _dt.timedelta(weeks=k)).isocalendar()
        return When.week(iso[0], iso[1])
    if unit == "decade":
        return When.decade(ref.year // 10 * 10 + 10 * k)
    return When.century(ref.year // 100 * 100 + 100 * k)


def relative_named(m: re.Match[str], ctx: Context) -> Value:
    """ "this April", "next spring", "last winter": the occurrence around the reference."""
    if m["mon"] is not None:
        month = MONTHS[m["mon"][:3]]
        value = Yearless(lambda y: When.month(y, month), MONTH_NAMES[month - 1])
    else:
        code = SEASON_CODES[m["s"]]
        value = Yearless(lambda y: When.season(y, code), m["s"])
    ref = ctx.need(repr(m[0]))
    mode = {"this": "current", "next": "next", "last": "last"}[m["rel"]]
    return pick(value, ref, mode)


def day_word(m: re.Match[str], ctx: Context) -> Value:
    ref = ctx.need(repr(m[0]))
    d = ref + _dt.timedelta(days={"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}[m[0]])
    return When.day(d.year, d.month, d.day)


def rest_of(m: re.Match[str], ctx: Context) -> Value:
    """ "later this year" (the day after the reference to the unit's end), "earlier this month"."""
    ref = ctx.need(repr(m[0]))
    unit = unit_of(m["unit"], 0, ref)
    assert isinstance(unit.start, _dt.date) and isinstance(unit.end, _dt.date)
    first: _dt.date = unit.start
    last: _dt.date = unit.end
    if (ref >= last) if m["dir"] == "later" else (ref <= first):  # before stepping a day:
        # the unit's last (first) day may be the calendar's
        raise Fail(f"nothing of that {m['unit']} is {m['dir']} than the reference date")
    if m["dir"] == "later":
        first = ref + _dt.timedelta(days=1)
    else:
        last = ref - _dt.timedelta(days=1)
    lower = When.day(first.year, first.month, first.day)
    return When.interval(lower, When.day(last.year, last.month, last.day))
