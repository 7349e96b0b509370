"""One date phrase without its surrounding words: "15 April 2026", "Q2", "next month".

A table of compiled patterns, each matched against the whole (lower-cased)
text and paired with a function that builds the `When` through the model's
named constructors. A pattern that matches but names an impossible value
("Q5 2026", "Tuesday 15 April 2026" when that is a Wednesday) is a definite
error; no other reading is tried.

Dates named without a year ("April", "Q2", "15 April", "mid-April") come back
as `Yearless` values; `resolve` picks their year from the reference day and
the preference (see `pick`). Relative words ("next month", "this year",
"later this year") need the reference too, and raise without it. The context a
phrase is read against and the year-picking live in `timeline.dates._parse_context`
(re-exported here).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

import pendulum

from timeline.dates._parse_ahead import AHEAD_PATTERNS
from timeline.dates._parse_context import (
    COUNT,
    ORDINALS,
    STEP,
    UNITS,
    Context,
    Prefer,
    Value,
    Yearless,
    _model_reason,
    build_in,
    pick,
    resolve,
    short_year,
    within,
)
from timeline.dates._parse_edtf import MONTH_NAMES, Fail, edtf_value
from timeline.dates._parse_fiscal import FPART as _FPART
from timeline.dates._parse_fiscal import FY as _FY
from timeline.dates._parse_fiscal import SPAN, fiscal_months, period_ending, written_pair, year_pair
from timeline.dates._parse_fiscal import fiscal as _fiscal
from timeline.dates._parse_fiscal import relative_fiscal as _relative_fiscal
from timeline.dates._precision import Relation
from timeline.dates._when import When, WhenError

__all__ = [
    "Context",
    "Prefer",
    "Value",
    "Yearless",
    "build_in",
    "core_value",
    "decade_third",
    "fiscal_months",
    "pick",
    "resolve",
    "year_pair",
]

# -- one date ----------------------------------------------------------------------------------

_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YR = r"(?P<y>\d{4}|(?:this|next|last) year)"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = (
    r"(?:(?P<wd>mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?(?:,? |-))?"
)
_REL = r"(?P<rel>this|next|last)"
_DAY2 = r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
_TO = r" ?(?:-|to|until|through|till) ?"
_MONTHS = {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINALS = ORDINALS
_SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_STEP = STEP


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _year(token: str, ctx: Context) -> int:
    if token[0].isdigit():
        return int(token)
    return ctx.need(repr(token)).year + _STEP[token.split()[0]]


def _month_value(m: re.Match[str], ctx: Context, build: Callable[[int, int], When]) -> Value:
    """A month-based value (month, dekad, day ...) whose year may be missing."""
    month = _MONTHS[m["mon"][:3]]
    if m["y"] is None:
        return Yearless(lambda y: build(y, month), MONTH_NAMES[month - 1])
    return build(_year(m["y"], ctx), month)


def _day_value(m: re.Match[str], ctx: Context) -> Value:
    day = int(m["d"])
    wd = m.groupdict().get("wd")

    def build(y: int, month: int) -> When:
        w = When.day(y, month, day)
        if wd is not None and w.start is not None and w.start.weekday() != _WEEKDAYS[wd[:3]]:
            actual = _WEEKDAY_NAMES[w.start.weekday()]  # not strftime: that follows the locale
            raise Fail(
                f"{day} {MONTH_NAMES[month - 1]} {y} is a {actual}; "
                "check the day, or leave the weekday out"
            )
        return w

    if not 1 <= day <= 31:
        raise Fail(f"day {day} is out of range 1-31")
    return _month_value(m, ctx, build)


def _day_range(m: re.Match[str], ctx: Context) -> Value:
    """ "15-20 April 2026", "April 15 to 20, 2026": the days from one to the other."""
    first, last = int(m["d"]), int(m["d2"])

    def build(y: int, month: int) -> When:
        lower, upper = When.day(y, month, first), When.day(y, month, last)
        if first > last:
            raise Fail(f"it ends (day {last}) before it starts (day {first})")
        return When.interval(lower, upper)

    return _month_value(m, ctx, build)


def _day_or_day(m: re.Match[str], ctx: Context) -> Value:
    """ "30 or 31 December 2026", "December 30 or 31, 2026": one of the two days (an EDTF
    one-of set), never the days between."""
    first, last = int(m["d"]), int(m["d2"])
    if first >= last:
        raise Fail(f"day {last} is listed after day {first}; write the days in order")

    def build(y: int, month: int) -> When:
        a, b = When.day(y, month, first), When.day(y, month, last)  # checked: Feb 30 fails
        return When.parse(f"[{a.to_edtf()},{b.to_edtf()}]")

    return _month_value(m, ctx, build)


def _quarter_or_half(kind: str) -> Callable[[re.Match[str], Context], Value]:
    build = When.quarter if kind == "q" else When.half

    def handler(m: re.Match[str], ctx: Context) -> Value:
        n = int(m["n"]) if m["n"] else _ORDINALS[m["o"]]
        if m["y"] is None:
            return Yearless(lambda y: build(y, n), f"{kind.upper()}{n}")
        return build(_year(m["y"], ctx), n)

    return handler


def _season(m: re.Match[str], ctx: Context) -> Value:
    code = _SEASON_CODES[m["s"]]
    if m["y"] is None:
        return Yearless(lambda y: When.season(y, code), m["s"])
    return When.season(_year(m["y"], ctx), code)


def _winter(m: re.Match[str], ctx: Context) -> Value:
    if m["y"] is None:
        return Yearless(lambda y: When.season(y, 24), "winter")
    y = int(m["y"])
    if m["y2"] is None:
        # the winters ending and starting in that year, those the calendar (1..9999) has
        readings = [
            f"'winter {first:04d}/{(first + 1) % 100:02d}' "
            f"(December {first:04d} to February {first + 1:04d})"
            for first in (y - 1, y)
            if 1 <= first <= 9998
        ]
        other = "" if len(readings) == 2 else "; the other lies outside the calendar (years 1-9999)"
        raise Fail(f"'winter {y:04d}' is ambiguous: write " + " or ".join(readings) + other)
    y2 = int(m["y2"])
    if y2 != (y + 1 if len(m["y2"]) == 4 else (y + 1) % 100):
        raise Fail(f"a winter spans two consecutive years, not {m['y']} and {m['y2']}")
    return When.season(y, 24)


_HEMISPHERE_CODES = {
    ("northern", "spring"): 25,
    ("northern", "summer"): 26,
    ("northern", "autumn"): 27,
    ("northern", "winter"): 28,
    ("southern", "spring"): 29,
    ("southern", "summer"): 30,
    ("southern", "autumn"): 31,
    ("southern", "winter"): 32,
}


def _hemisphere_season(m: re.Match[str], ctx: Context) -> Value:
    """ "southern spring 2001" (EDTF 2001-29); the seasons from December name both years."""
    name = "autumn" if m["s"] == "fall" else m["s"]
    code = _HEMISPHERE_CODES[(m["hemi"], name)]
    y = int(m["y"])
    spans = code in (28, 30)
    said = f"{m['hemi']} {name}"
    if spans and m["y2"] is None:
        raise Fail(f"{said} runs from December to February: write '{said} {y}/{(y + 1) % 100:02d}'")
    if m["y2"] is not None:
        y2 = int(m["y2"])
        if not spans or y2 != (y + 1 if len(m["y2"]) == 4 else (y + 1) % 100):
            raise Fail(f"{said} {y} lies within one year; write '{said} {y}'")
    return When.season(y, code)


def _short_part(kind: str) -> Callable[[re.Match[str], Context], Value]:
    """ "2H25", "H2'25", "3Q25", "Q3'25": halves and quarters as earnings calls write them."""
    build = When.quarter if kind == "q" else When.half

    def handler(m: re.Match[str], ctx: Context) -> Value:
        return build(short_year(m["yy"]), int(m["n"]))

    return handler


def decade_third(first_year: int, n: int) -> When:
    """ "early 2020s" (2020-2023), "mid-2020s" (2024-2026), "late 2020s" (2027-2029).

    >>> str(decade_third(2020, 2).latest)
    '2026-12-31'
    """
    decade = When.decade(_first_year(first_year, "the 0000s (years 0 to 9)"))
    first = first_year + (0, 4, 7)[n - 1]
    last = first_year + (3, 6, 9)[n - 1]
    return When(_dt_date(first, 1, 1), _dt_date(last, 12, 31), decade.precision)


def _dt_date(y: int, m: int, d: int) -> pendulum.Date:
    return pendulum.Date(y, m, d)


def _period_ending(m: re.Match[str], ctx: Context) -> Value:
    """ "the quarter ended March 31, 2026": the months up to that day."""
    end = core_value(m["rest"], ctx)
    if isinstance(end, Yearless):
        inner = end.build
        return Yearless(lambda y: period_ending(m, ctx, inner(y)), f"the {m['span']} ended")
    return period_ending(m, ctx, end)


def _relative_unit(m: re.Match[str], ctx: Context) -> Value:
    return _unit(m["unit"], _STEP[m["rel"]], ctx.need(repr(m[0])))


def _unit(unit: str, k: int, ref: _dt.date) -> When:
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


def _relative_named(m: re.Match[str], ctx: Context) -> Value:
    """ "this April", "next spring", "last winter": the occurrence around the reference."""
    if m["mon"] is not None:
        month = _MONTHS[m["mon"][:3]]
        value = Yearless(lambda y: When.month(y, month), MONTH_NAMES[month - 1])
    else:
        code = _SEASON_CODES[m["s"]]
        value = Yearless(lambda y: When.season(y, code), m["s"])
    ref = ctx.need(repr(m[0]))
    mode = {"this": "current", "next": "next", "last": "last"}[m["rel"]]
    return pick(value, ref, mode)


def _day_word(m: re.Match[str], ctx: Context) -> Value:
    ref = ctx.need(repr(m[0]))
    d = ref + _dt.timedelta(days={"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}[m[0]])
    return When.day(d.year, d.month, d.day)


def _rest_of(m: re.Match[str], ctx: Context) -> Value:
    """ "later this year" (the day after the reference to the unit's end), "earlier this month"."""
    ref = ctx.need(repr(m[0]))
    unit = _unit(m["unit"], 0, ref)
    assert isinstance(unit.start, _dt.date) and isinstance(unit.end, _dt.date)
    first: _dt.date = unit.start
    last: _dt.date = unit.end
    if m["dir"] == "later":
        first = ref + _dt.timedelta(days=1)
    else:
        last = ref - _dt.timedelta(days=1)
    if first > last:
        raise Fail(f"nothing of that {m['unit']} is {m['dir']} than the reference date")
    lower = When.day(first.year, first.month, first.day)
    return When.interval(lower, When.day(last.year, last.month, last.day))


def _decade(m: re.Match[str], ctx: Context) -> Value:
    return When.decade(_first_year(int(m["d"]), "the 0000s (years 0 to 9)"))


def _first_year(year: int, said: str) -> int:
    """``year``, the first of a decade or century, if the calendar has it."""
    if year < 1:
        raise Fail(f"{said} start in year 0, before the calendar's first year (1); write the years")
    return year


def _century(m: re.Match[str], ctx: Context) -> Value:
    n = int(m["n"])
    right = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    if m["sfx"] != right:
        raise Fail(f"the {n}{m['sfx']} century: the ordinal is {n}{right}")
    return When.century(_first_year((n - 1) * 100, "the 1st century (years 0 to 99) would"))


def _week(m: re.Match[str], ctx: Context) -> Value:
    n = int(m["w"])
    if m["y"] is None:
        return Yearless(lambda y: When.week(y, n), f"week {n}")
    return When.week(_year(m["y"], ctx), n)


def _week_of(m: re.Match[str], ctx: Context) -> Value:
    day = core_value(m["rest"], ctx)

    def week(w: When) -> When:
        if w.precision.value != "day" or w.start is None:
            raise Fail("'the week of' needs a day, such as 'the week of 6 April 2026'")
        iso = w.start.isocalendar()
        return When.week(iso[0], iso[1])

    if isinstance(day, Yearless):
        inner = day.build
        return Yearless(lambda y: week(inner(y)), f"the week of {day.label}")
    return week(day)


def _week_of_month(m: re.Match[str], ctx: Context) -> Value:
    """ "the first week of April 2026": its days 1-7 (8-14, 15-21, 22-28; the last: its last 7).

    Days of the month, not calendar weeks: the week of 1 April may start in March.
    """
    which = m["wo"]

    def build(y: int, month: int) -> When:
        last_day = When.month(y, month).latest
        assert isinstance(last_day, _dt.date)
        first = last_day.day - 6 if which == "last" else 7 * _ORDINALS[which] - 6
        return When.interval(When.day(y, month, first), When.day(y, month, first + 6))

    return _month_value(m, ctx, build)


def _modified(m: re.Match[str], ctx: Context) -> Value:
    """ "early/mid/late" or "the start/middle/end of" a month (dekads) or a year (thirds)."""
    word = m["a"] or m["b"]
    n = {"early": 1, "start": 1, "beginning": 1, "mid": 2, "middle": 2}.get(word.split()[0], 3)
    rest = _YEAR_WORD.sub("", m["rest"])  # "end of year 2026": of 2026
    month = _MY.fullmatch(rest)
    if month is not None:
        return _month_value(month, ctx, lambda y, mo: When.dekad(y, mo, n))
    rel = _RELATIVE_UNIT.fullmatch(rest)
    if rel is not None and rel["unit"] in ("month", "quarter", "year", "decade"):
        unit = _unit(rel["unit"], _STEP[rel["rel"]], ctx.need(repr(rest)))
        assert unit.start is not None
        s = unit.start
        if rel["unit"] == "decade":
            return decade_third(s.year, n)
        if rel["unit"] == "quarter":
            return _third_of_part(unit, n)
        return When.dekad(s.year, s.month, n) if rel["unit"] == "month" else When.third(s.year, n)
    if re.fullmatch(r"\d{4}", rest):
        return When.third(int(rest), n)
    decade = _DECADE.fullmatch(rest)
    if decade is not None:
        return decade_third(int(decade["d"]), n)
    try:
        other = core_value(rest, ctx)
    except Fail:
        raise Fail(f"{word!r} applies to a month or a year", definite=False) from None
    if isinstance(other, Yearless):
        # "late Q3": a quarter or half without its year, checked on any year
        if _PARTS.get(other.build(2000).precision.value) is not None:
            inner = other.build
            return Yearless(lambda y: _third_of_part(inner(y), n), f"{word} {other.label}")
        kind = other.label
    else:
        if _PARTS.get(other.precision.value) is not None and _plain(other):
            return _third_of_part(other, n)
        kind = other.precision.value
    examples = f"'{word} April 2026' or '{word} 2026'"
    if kind in ("month", "quarter", "half", "year"):
        # A month or year, but written as EDTF, with X digits or a qualifier ("2026-04~").
        raise Fail(f"'{word}' takes a month or a year written in words, such as {examples}")
    examples = f"'{word} April 2026', '{word} Q3 2026', '{word} 2026' or '{word} 2020s'"
    raise Fail(
        f"'{word}' applies to a month, a quarter, a half, a year or a decade, such as "
        f"{examples}, not to a {kind}"
    )


# The thirds of a quarter are its months; of a half-year, two months each.
_PARTS = {"quarter": 1, "half": 2}


def _plain(w: When) -> bool:
    return not w.qualified and w.form is None and w.relation is Relation.ON and not w.is_interval


def _third_of_part(part: When, n: int) -> When:
    """The ``n``-th third (1 early, 2 mid, 3 late) of a quarter or a half-year, in months."""
    months = _PARTS[part.precision.value]
    assert part.start is not None
    first = part.start.year * 12 + part.start.month - 1 + (n - 1) * months
    last = first + months - 1
    if first == last:
        return When.month(first // 12, first % 12 + 1)
    return When.interval(
        When.month(first // 12, first % 12 + 1), When.month(last // 12, last % 12 + 1)
    )


# "April 2026", "April, 2026", "April of 2026", and "Apr-2026" as spreadsheets write it
def _modified_range(m: re.Match[str], ctx: Context) -> Value:
    """ "mid-to-late 2026": from mid-2026 to late 2026 (thirds, dekads, thirds of a decade)."""
    first = core_value(f"{m['a']} {m['rest']}", ctx)
    last = core_value(f"{m['b']} {m['rest']}", ctx)
    if isinstance(first, Yearless) and isinstance(last, Yearless):
        a, b = first.build, last.build
        return Yearless(lambda y: When.interval(a(y), b(y)), f"{first.label} to {last.label}")
    if isinstance(first, Yearless) or isinstance(last, Yearless):
        raise Fail("not a range of parts of one date", definite=False)
    return When.interval(first, last)


_MY = _c(_MON + r"(?:(?:,? (?:of )?|-)" + _YR + r")?")
# a year after a day and month: "15 April 2026", "15 April, 2026", "15-Apr-2026"
_THEN_YR = r"(?:(?:,? |-)" + _YR + r")?"
_DECADE = _c(r"(?:the )?(?P<d>\d{3}0)'?s")
_YEAR_WORD = _c(r"^(?:the )?year (?=\d{4}$)")
_RELATIVE_UNIT = _c(_REL + r" (?P<unit>year|month|quarter|week|decade|century)")

Handler = Callable[[re.Match[str], Context], Value]

_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (_MY, lambda m, ctx: _month_value(m, ctx, When.month)),
    (_c(_WEEKDAY + r"(?:the )?" + _DAY + r"(?: (?:of )?|-)" + _MON + _THEN_YR), _day_value),
    (_c(_WEEKDAY + _MON + r" (?:the )?" + _DAY + r"(?:,? " + _YR + r")?"), _day_value),
    (_c(r"(?P<y>\d{4})(?:,? |-)" + _MON + r"[ -]" + _DAY), _day_value),
    (_c(_DAY + _TO + _DAY2 + r" (?:of )?" + _MON + r"(?:,? " + _YR + ")?"), _day_range),
    (_c(_DAY + r" or " + _DAY2 + r" (?:of )?" + _MON + r"(?:,? " + _YR + ")?"), _day_or_day),
    (_c(_MON + r" " + _DAY + r" or " + _DAY2 + r"(?:,? " + _YR + ")?"), _day_or_day),
    (_c(_MON + r" " + _DAY + _TO + _DAY2 + r"(?:,? " + _YR + ")?"), _day_range),
    (_c(r"(?P<y>\d{4})(?:,? |-)" + _MON), lambda m, ctx: _month_value(m, ctx, When.month)),
    (_c(r"q(?P<n>\d+)(?:(?:,? |-|/| of )" + _YR + r")?(?P<o>)"), _quarter_or_half("q")),
    (_c(r"(?P<y>\d{4})[ -]?q(?P<n>\d+)(?P<o>)"), _quarter_or_half("q")),
    (_c(r"(?P<n>\d)q(?:[ -]?(?P<y>\d{4}))?(?P<o>)"), _quarter_or_half("q")),  # "3Q-2025"
    (
        _c(
            r"(?:the )?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th) quarter"
            r"(?:,? (?:of )?" + _YR + r")?(?P<n>)"
        ),
        _quarter_or_half("q"),
    ),
    (_c(r"h(?P<n>\d+)(?:(?:,? |-|/| of )" + _YR + r")?(?P<o>)"), _quarter_or_half("h")),
    (_c(r"(?P<y>\d{4})[ -]?h(?P<n>\d+)(?P<o>)"), _quarter_or_half("h")),
    (_c(r"(?P<n>\d)h(?:[ -]?(?P<y>\d{4}))?(?P<o>)"), _quarter_or_half("h")),
    # two-digit years after a code, as "FY26" is read: "3Q25", "Q3'25", "Q3 26", "H1-26"
    (_c(r"(?P<n>[1-4])q(?: ?'?|-'?)(?P<yy>\d{2})"), _short_part("q")),
    (_c(r"q(?P<n>[1-4])(?: ?'| |-'?)(?P<yy>\d{2})"), _short_part("q")),
    (_c(r"(?P<n>[12])h(?: ?'?|-'?)(?P<yy>\d{2})"), _short_part("h")),
    (_c(r"h(?P<n>[12])(?: ?'| |-'?)(?P<yy>\d{2})"), _short_part("h")),
    (_c(r"(?P<y>\d{4})e"), lambda m, ctx: When.year(int(m["y"]))),  # "2027E": an estimate's year
    (
        _c(
            r"(?:the )?(?P<wo>first|second|third|fourth|last|1st|2nd|3rd|4th) week (?:of|in) "
            + _MON
            + r"(?:,? (?:of )?"
            + _YR
            + r")?"
        ),
        _week_of_month,
    ),
    (_c(_FY + r"(?:[-/](?P<fy2>\d{4}|\d{2}))?"), _fiscal),
    (_c(_FPART + r",? ?(?:of )?" + _FY), _fiscal),  # "Q3 FY26", "3QFY26", "Q3 of fiscal 2026"
    (_c(_FY + r",? " + _FPART), _fiscal),  # "FY26 Q3"
    (_c(r"(?:" + _FPART + r",? ?(?:of )?)?" + _FY + "e"), _fiscal),  # "FY27E": an estimate's
    (_c(r"fiscal " + _FPART + r",? (?:of )?(?P<fy>\d{4}|'\d{2})"), _fiscal),  # "fiscal Q3 2026"
    (_c(r"(?:the )?(?:current|(?P<rel>this|next|last)) fiscal year"), _relative_fiscal),
    (
        _c(r"(?:the )?(?P<o>first|second|1st|2nd) half(?:,? (?:of )?" + _YR + r")?(?P<n>)"),
        _quarter_or_half("h"),
    ),
    (
        _c(r"(?:the )?(?P<a>early|mid|late)[- ]to[- ](?P<b>early|mid|late)[- ](?P<rest>.+)"),
        _modified_range,
    ),
    (
        _c(
            r"(?:the )?(?:(?P<a>early|late|mid|middle of|start of|beginning of|end of)\s+"
            r"|(?P<b>mid|end|start|early|late)-)(?:the )?(?P<rest>.+)"
        ),
        _modified,
    ),
    (_c(r"(?:the )?(?P<s>spring|summer|autumn|fall)(?:,? (?:of )?" + _YR + r")?"), _season),
    (
        _c(
            r"(?P<hemi>northern|southern)(?: hemisphere)? (?P<s>spring|summer|autumn|fall|winter)"
            r",? (?:of )?(?P<y>\d{4})(?: ?/ ?(?P<y2>\d{4}|\d{2}))?"
        ),
        _hemisphere_season,
    ),
    (_c(r"winter(?:,? (?:of )?(?P<y>\d{4})(?: ?[-/] ?(?P<y2>\d{4}|\d{2}))?)?"), _winter),
    (_RELATIVE_UNIT, _relative_unit),
    (_c(_REL + r" (?:" + _MON + r"|(?P<s>spring|summer|autumn|fall|winter))"), _relative_named),
    (_c(r"(?:the )?year (?P<y>\d{4})"), lambda m, ctx: When.year(int(m["y"]))),
    (_c(r"(?:the )?(?P<d>\d{3}0)'?s"), _decade),
    (_c(r"(?:the )?(?P<n>\d{1,3})(?P<sfx>st|nd|rd|th) century"), _century),
    (_c(r"(?:the )?week (?:of|beginning|starting) (?P<rest>.+)"), _week_of),
    (_c(r"(?:week|wk\.?|w) ?(?P<w>\d{1,2})(?:,? (?:of )?" + _YR + r")?"), _week),
    # "the quarter ended June 30", and in British reports "the three months to June 30"
    # ("to" only after "the": "six months to March 2027" may be a move by six months)
    (_c(r"(?:the )?" + SPAN + r" end(?:ing|ed)(?: on)? (?P<rest>.+)"), _period_ending),
    (_c(r"the " + SPAN + r" to (?P<rest>.+)"), _period_ending),
    (_c(r"today|tomorrow|yesterday|now"), _day_word),  # "between now and 2030": from today
    (_c(r"(?P<dir>later|earlier) (?:this|in the) (?P<unit>year|month|quarter|week)"), _rest_of),
    (
        _c(
            r"(?:within(?: the next)?|(?:over )?the next) " + COUNT + r" (?P<u>" + UNITS + ")s?"
            r"|(?:within|over) the next (?P<u1>" + UNITS + r")"  # "over the next decade": one
        ),
        lambda m, ctx: within(m["n"] or "1", m["u"] or m["u1"], ctx, m[0]),
    ),
    *AHEAD_PATTERNS,  # "in 18 months", "this holiday season"
]


def core_value(core: str, ctx: Context) -> Value:
    """The one date ``core`` names (a `Yearless` when its year is left to context)."""
    w = written_pair(core, ctx) or edtf_value(core)
    if w is not None:
        return w
    for pattern, handler in _PATTERNS:
        m = pattern.fullmatch(core)
        if m is not None:
            try:
                return handler(m, ctx)
            except WhenError as e:
                raise Fail(_model_reason(e)) from None
    raise Fail("not a date form timeline reads", definite=False)
