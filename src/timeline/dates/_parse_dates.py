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
(re-exported here); the readers of seasons, decades and centuries in
`timeline.dates._parse_spans`, and of dates relative to the reference ("next
quarter", "this April", "later this year") in `timeline.dates._parse_relative`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

from timeline._errors import quoted
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
    year_of,
)
from timeline.dates._parse_edtf import MONTH_NAMES, Fail, edtf_value
from timeline.dates._parse_fiscal import FPART as _FPART
from timeline.dates._parse_fiscal import FY as _FY
from timeline.dates._parse_fiscal import SPAN, fiscal_months, period_ending, written_pair, year_pair
from timeline.dates._parse_fiscal import fiscal as _fiscal
from timeline.dates._parse_fiscal import relative_fiscal as _relative_fiscal
from timeline.dates._parse_relative import (
    MONTHS,
    day_word,
    relative_named,
    relative_unit,
    rest_of,
    unit_of,
)
from timeline.dates._parse_spans import (
    century,
    century_third,
    decade,
    decade_third,
    hemisphere_season,
    hundreds,
    season,
    spelt_decade,
    winter,
)
from timeline.dates._precision import Precision, Relation
from timeline.dates._when import When, WhenError

__all__ = [
    "Context",
    "Prefer",
    "Value",
    "Yearless",
    "build_in",
    "core_value",
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
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINALS = ORDINALS
_STEP = STEP


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _month_value(m: re.Match[str], ctx: Context, build: Callable[[int, int], When]) -> Value:
    """A month-based value (month, dekad, day ...) whose year may be missing."""
    month = MONTHS[m["mon"][:3]]
    if m["y"] is None:
        return Yearless(lambda y: build(y, month), MONTH_NAMES[month - 1])
    return build(year_of(m["y"], ctx), month)


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
        return build(year_of(m["y"], ctx), n)

    return handler


def _short_part(kind: str) -> Callable[[re.Match[str], Context], Value]:
    """ "2H25", "H2'25", "3Q25", "Q3'25": halves and quarters as earnings calls write them."""
    build = When.quarter if kind == "q" else When.half

    def handler(m: re.Match[str], ctx: Context) -> Value:
        return build(short_year(m["yy"]), int(m["n"]))

    return handler


def _period_ending(m: re.Match[str], ctx: Context) -> Value:
    """ "the quarter ended March 31, 2026": the months up to that day."""
    end = core_value(m["rest"], ctx)
    if isinstance(end, Yearless):
        inner = end.build
        return Yearless(lambda y: period_ending(m, ctx, inner(y)), f"the {m['span']} ended")
    return period_ending(m, ctx, end)


def _week(m: re.Match[str], ctx: Context) -> Value:
    n = int(m["w"])
    if m["y"] is None:
        return Yearless(lambda y: When.week(y, n), f"week {n}")
    return When.week(year_of(m["y"], ctx), n)


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
    if rest in ("decade", "century"):  # "mid-decade", "by the end of the century": this one
        rest = f"this {rest}"
    rel = _RELATIVE_UNIT.fullmatch(rest)
    if rel is not None and rel["unit"] in ("month", "quarter", "year", "decade", "century"):
        span = unit_of(rel["unit"], _STEP[rel["rel"]], ctx.need(repr(rest)))
        assert span.start is not None
        s = span.start
        if rel["unit"] == "decade":
            return decade_third(s.year, n)
        if rel["unit"] == "century":
            return century_third(s.year, n)
        if rel["unit"] == "quarter":
            return _third_of_part(span, n)
        return When.dekad(s.year, s.month, n) if rel["unit"] == "month" else When.third(s.year, n)
    if re.fullmatch(r"\d{4}", rest):
        return When.third(int(rest), n)
    decade = _DECADE.fullmatch(rest)
    if decade is not None:
        return hundreds(int(decade["d"]), n)
    try:
        other = core_value(rest, ctx)
    except Fail:
        raise Fail(f"{quoted(word)} applies to a month or a year", definite=False) from None
    if isinstance(other, Yearless):
        # "late Q3": a quarter or half without its year, checked on any year
        if _PARTS.get(other.build(2000).precision.value) is not None:
            inner = other.build
            return Yearless(lambda y: _third_of_part(inner(y), n), f"{word} {other.label}")
        kind = other.label
    else:
        if _PARTS.get(other.precision.value) is not None and _plain(other):
            return _third_of_part(other, n)
        if other.precision is Precision.CENTURY and _plain(other) and other.start is not None:
            return century_third(other.start.year, n)  # "late 20th century"
        kind = other.precision.value
    examples = f"'{word} April 2026' or '{word} 2026'"
    if kind in ("month", "quarter", "half", "year"):
        # A month or year, but written as EDTF, with X digits or a qualifier ("2026-04~").
        raise Fail(f"'{word}' takes a month or a year written in words, such as {examples}")
    examples = f"'{word} April 2026', '{word} Q3 2026', '{word} 2026' or '{word} 2020s'"
    raise Fail(
        f"'{word}' applies to a month, a quarter, a half, a year, a decade or a century, such as "
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
_FY2 = r"(?:[-/](?P<fy2>\d{4}|\d{2}))?"  # "FY2025/26": the fiscal year starting in 2025
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
    (_c(_FY + _FY2), _fiscal),
    # "Q3 FY26", "3QFY26", "Q3 of fiscal 2026", "Q3 FY2025/26" (the year starting in 2025)
    (_c(_FPART + r",? ?(?:of )?" + _FY + _FY2), _fiscal),
    (_c(_FY + _FY2 + r",? " + _FPART), _fiscal),  # "FY26 Q3", "FY2025/26 H1"
    (_c(r"(?:" + _FPART + r",? ?(?:of )?)?" + _FY + "e"), _fiscal),  # "FY27E": an estimate's
    (_c(r"fiscal " + _FPART + r",? (?:of )?(?P<fy>\d{4}|'\d{2})"), _fiscal),  # "fiscal Q3 2026"
    (
        _c(r"(?:the )?(?:current|(?P<rel>this|next|last)) fiscal (?P<unit>year|quarter|half)"),
        _relative_fiscal,
    ),
    (
        _c(r"(?:the )?(?P<o>first|second|1st|2nd) half(?:,? (?:of )?" + _YR + r")?(?P<n>)"),
        _quarter_or_half("h"),
    ),
    (
        _c(
            r"(?:(?P<third>early in|midway through|late in) )?the decade"
            r" (?P<a>\d{4}) ?[-/\u2013] ?(?P<b>\d{4})"
        ),
        spelt_decade,
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
    (_c(r"(?:the )?(?P<s>spring|summer|autumn|fall)(?:,? (?:of )?" + _YR + r")?"), season),
    (
        _c(
            r"(?P<hemi>northern|southern)(?: hemisphere)? (?P<s>spring|summer|autumn|fall|winter)"
            r",? (?:of )?(?P<y>\d{4})(?: ?/ ?(?P<y2>\d{4}|\d{2}))?"
        ),
        hemisphere_season,
    ),
    (_c(r"winter(?:,? (?:of )?(?P<y>\d{4})(?: ?[-/] ?(?P<y2>\d{4}|\d{2}))?)?"), winter),
    (_RELATIVE_UNIT, relative_unit),
    (_c(_REL + r" (?:" + _MON + r"|(?P<s>spring|summer|autumn|fall|winter))"), relative_named),
    (_c(r"(?:the )?year (?P<y>\d{4})"), lambda m, ctx: When.year(int(m["y"]))),
    (_c(r"(?:the )?(?P<d>\d{3}0)'?s"), decade),
    (_c(r"(?:the )?(?P<n>\d{1,3})(?P<sfx>st|nd|rd|th) century"), century),
    (_c(r"(?:the )?week (?:of|beginning|starting) (?P<rest>.+)"), _week_of),
    (_c(r"(?:week|wk\.?|w) ?(?P<w>\d{1,2})(?:,? (?:of )?" + _YR + r")?"), _week),
    # "the quarter ended June 30", and in British reports "the three months to June 30"
    # ("to" only after "the": "six months to March 2027" may be a move by six months)
    (_c(r"(?:the )?" + SPAN + r" end(?:ing|ed)(?: on)? (?P<rest>.+)"), _period_ending),
    (_c(r"the " + SPAN + r" to (?P<rest>.+)"), _period_ending),
    (_c(r"today|tomorrow|yesterday|now"), day_word),  # "between now and 2030": from today
    (_c(r"(?P<dir>later|earlier) (?:this|in the) (?P<unit>year|month|quarter|week)"), rest_of),
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
