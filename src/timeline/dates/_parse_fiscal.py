"""Fiscal years: "FY2025", "Q3 FY26", "the third quarter of fiscal 2026", "FY 2025-26".

A fiscal year starts in the month `Context.fiscal` gives (``fiscal_year_start=``)
and is named by the calendar year it ends in, or with ``fiscal_year_named_by=
"start"`` the year it starts in. `fiscal_months` turns months of a fiscal year
into the calendar value they cover (a quarter, half or year when they line up
with one, else the months as an interval); the handlers here read the phrases
matched by `FY` and `FPART` in `timeline.dates._parse_dates`' table.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re

from timeline._errors import quoted
from timeline.dates._parse_context import ORDINALS, STEP, Context, Value, short_year
from timeline.dates._parse_edtf import Fail
from timeline.dates._precision import MONTH_NAMES
from timeline.dates._when import When, WhenError

__all__ = [
    "FPART",
    "FY",
    "SPAN",
    "fiscal",
    "fiscal_months",
    "months_from",
    "period_ending",
    "relative_fiscal",
    "year_pair",
]

FY = r"(?:fy|fiscal(?: year)?) ?'?(?P<fy>\d{4}|\d{2})"
# a quarter or half of a fiscal year, spelt as the calendar's are ("Q3", "3Q", "third quarter")
FPART = (
    r"(?:q(?P<qn>[1-4])|(?P<qn2>[1-4])q|(?:the )?(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)"
    r" quarter|h(?P<hn>[12])|(?P<hn2>[12])h|(?:the )?(?P<ho>first|second|1st|2nd) half)"
)


def fiscal_months(ctx: Context, label: str, year: int, first: int, count: int) -> When:
    """``count`` months from the ``first`` month (1-based) of fiscal year ``year``.

    A calendar quarter, half or year when the months line up with one; else the
    months as an interval ("July 2024 to June 2025").
    """
    start = ctx.fiscal(label)
    ctx.fiscal_used = True
    begins = year - 1 if ctx.fiscal_named_by == "end" and start != 1 else year
    return months_from(begins * 12 + (start - 1) + (first - 1), count)


def months_from(index: int, count: int) -> When:
    """``count`` months from month ``index`` (year * 12 + month - 1), as a calendar value.

    A quarter, half or year when the months line up with one; else the months as
    an interval.

    >>> str(months_from(2026 * 12 + 3, 3)), str(months_from(2026 * 12 + 2, 3))
    ('Q2 2026', 'March 2026 to May 2026')
    """
    y, m0 = divmod(index, 12)
    end_y, end_m0 = divmod(index + count - 1, 12)
    if y < 1 or end_y > 9999:
        first, last = f"{MONTH_NAMES[m0]} {y:04d}", f"{MONTH_NAMES[end_m0]} {end_y:04d}"
        raise Fail(f"it runs from {first} to {last}, outside the calendar (years 1 to 9999)")
    if y == end_y:
        if count == 12:
            return When.year(y)
        if count == 6 and m0 % 6 == 0:
            return When.half(y, m0 // 6 + 1)
        if count == 3 and m0 % 3 == 0:
            return When.quarter(y, m0 // 3 + 1)
    return When.interval(When.month(y, m0 + 1), When.month(end_y, end_m0 + 1))


def fiscal(m: re.Match[str], ctx: Context) -> Value:
    """A fiscal period: "FY2025", "Q3 FY26", "the third quarter of fiscal 2026", "FY 2025-26"."""
    groups = m.groupdict()
    year = short_year(m["fy"].lstrip("'"))
    if groups.get("fy2"):
        # "FY 2025-26": the fiscal year that starts in 2025, whatever the naming
        nxt = short_year(m["fy2"]) if len(m["fy2"]) == 4 else year // 100 * 100 + int(m["fy2"])
        if len(m["fy2"]) == 2 and nxt <= year:  # "FY 1999-00": the next century's 2000
            nxt += 100
        part = any(groups.get(k) for k in ("qn", "qn2", "qo", "hn", "hn2", "ho"))
        if nxt > year + 1 and part:  # "Q3 FY2025/27": the third quarter of which year?
            raise Fail(
                f"a quarter or half is of one fiscal year, and a split one names two consecutive"
                f" years, not {m['fy']} and {m['fy2']}; write FY{year}/{(year + 1) % 100:02d}"
            )
        if nxt > year + 1:  # "FY2026-2028": the fiscal years 2026 to 2028
            first, last = (fiscal_months(ctx, "it", y, 1, 12) for y in (year, nxt))
            return When.interval(
                first.lower if isinstance(first.lower, When) else first,
                last.upper if isinstance(last.upper, When) else last,
            )
        if nxt != year + 1:
            raise Fail(f"a fiscal year spans two consecutive years, not {m['fy']} and {m['fy2']}")
        start = ctx.fiscal("it")
        if start == 1:
            raise Fail(
                f"a fiscal year starting in January lies within one calendar year, and "
                f"{quoted(m[0])} names two; write FY{year} or FY{nxt}, or check fiscal_year_start"
            )
        if ctx.fiscal_named_by == "end":
            year += 1
    label = "it"
    quarter = groups.get("qn") or groups.get("qn2") or groups.get("qo")
    if quarter:
        n = ORDINALS.get(quarter) or int(quarter)
        return fiscal_months(ctx, label, year, 3 * n - 2, 3)
    half = groups.get("hn") or groups.get("hn2") or groups.get("ho")
    if half:
        n = ORDINALS.get(half) or int(half)
        return fiscal_months(ctx, label, year, 6 * n - 5, 6)
    return fiscal_months(ctx, label, year, 1, 12)


def relative_fiscal(m: re.Match[str], ctx: Context) -> Value:
    """ "this fiscal year", "next fiscal quarter", "last fiscal half": the one holding the
    reference day, moved by whole ones.

    >>> import datetime
    >>> ctx = Context(datetime.date(2026, 3, 28), "current", fiscal_start=4)
    >>> str(relative_fiscal(re.fullmatch(r"(?P<rel>next) fiscal (?P<unit>quarter)",
    ...     "next fiscal quarter"), ctx))
    'Q2 2026'
    """
    ref = ctx.need(repr(m[0]))
    start = ctx.fiscal("it")
    begins = ref.year if ref.month >= start else ref.year - 1  # the year it starts in
    months = {"quarter": 3, "half": 6}.get(m.groupdict().get("unit") or "year", 12)
    into = (ref.month - start) % 12 // months * months  # months of its year before this one
    first = begins * 12 + into + months * STEP[m["rel"] or "this"]  # in months from year 0
    begins, into = divmod(first, 12)
    named = begins + 1 if ctx.fiscal_named_by == "end" and start != 1 else begins
    return fiscal_months(ctx, "it", named, into + 1, months)


_YEAR_PAIR = re.compile(r"(\d{4}) ?[/-] ?(\d{2})")


def written_pair(s: str, ctx: Context) -> When | None:
    """ "2025/26", "2025-26": two consecutive years (`year_pair`), alone or inside a phrase
    ("in 2025-26", "by 2025-26"); ``None`` for any other text.

    "2011-12" stays December 2011 and "2026-26" EDTF (northern summer 2026). A pair
    that EDTF reads as a hemisphere season (codes 25-32, "2024-26") is refused as
    ambiguous, with the years as the suggestion.
    """
    if len(s) > 9 or s[4:5] not in ("/", "-", " "):
        return None
    pair = _YEAR_PAIR.fullmatch(s)
    if pair is None or ("-" in s and 1 <= int(pair[2]) <= 12):  # "2011-12": a month
        return None
    year, code = int(pair[1]), int(pair[2])
    if (year + 1) % 100 == code:
        return year_pair(year, pair[2], ctx)
    if s[4] == "-" and 25 <= code <= 32:
        # EDTF reads "2024-26" as a hemisphere season; people mean years. Ask.
        raise Fail(*_season_or_years(s, year, code))
    return None


def _season_or_years(s: str, year: int, code: int) -> tuple[str, str | None]:
    """Why "2024-28" is refused, naming the readings it has as the parser reads them in
    words (EDTF's northern winter 2024/25, or the years 2024 to 2028), and a suggestion."""
    if year == 0:
        return "year 0000 (1 BCE) is not supported; the calendar starts at year 1", None
    later = year - year % 100 + code  # "2024-28": to 2028; "2026-26" and "1999-30" run back
    try:
        season: str | None = str(When.season(year, code))
    except WhenError:
        season = None  # December 9999's seasons run past the calendar
    if season is not None and later > year:
        years = f"{year:04d} to {later:04d}"
        return (
            f"'{s}' is ambiguous: in EDTF a hemisphere season ({season}), else the years "
            f"{years}; write the season in words ('{season}') or the years",
            years,
        )
    if season is not None:
        return (
            f"'{s}' reads only as EDTF's hemisphere season {season} (not as years: "
            f"{later:04d} is not after {year:04d}); write the season in words ('{season}')",
            season,
        )
    return (
        f"'{s}' is neither a hemisphere season in the calendar (from December {year:04d}, "
        f"it runs past 9999) nor years ({later:04d} is not after {year:04d})",
        None,
    )


def year_pair(first: int, second: str, ctx: Context) -> When:
    """ "2025/26", "2025-26": the fiscal year from 2025 when one applies, else 2025 to 2026."""
    nxt = int(second)
    if len(second) == 2:  # the next year with these last two digits: 2099/00 is 2100
        nxt += first - first % 100
        nxt += 100 if nxt <= first else 0
    if nxt != first + 1:
        raise Fail(
            f"{first}/{second}: two years written this way are consecutive",
            f"{first} to {nxt}" if nxt > first else None,
        )
    if ctx.fiscal_start is not None and ctx.fiscal_start != 1:
        named = first + 1 if ctx.fiscal_named_by == "end" else first
        return fiscal_months(ctx, f"'{first}/{second}'", named, 1, 12)
    return When.interval(When.year(first), When.year(nxt))


_SPANS = {"quarter": 3, "three months": 3, "3 months": 3, "half-year": 6, "half year": 6}
_SPANS.update({"six months": 6, "6 months": 6, "nine months": 9, "9 months": 9, "year": 12})
_SPANS.update({"twelve months": 12, "12 months": 12, "fiscal year": 12})
# A 52/53-week year's periods, counted in weeks: "the 13 weeks ended February 27, 2026".
_WEEK_WORDS = {"thirteen": 13, "fourteen": 14, "twelve": 12, "sixteen": 16, "twenty-six": 26}
_WEEK_WORDS.update({"twenty-seven": 27, "thirty-nine": 39, "forty": 40})
_WEEK_WORDS.update({"fifty-two": 52, "fifty-three": 53})
WEEKS = r"(?P<weeks>\d{1,2}|" + "|".join(sorted(_WEEK_WORDS, key=len, reverse=True)) + r") weeks"
SPAN = r"(?P<span>" + "|".join(sorted(_SPANS, key=len, reverse=True)) + "|" + WEEKS + ")"
"""The reporting periods `period_ending` reads: "quarter", "six months", "year", "13 weeks" ..."""

_MAX_WEEKS = 53


def period_ending(m: re.Match[str], ctx: Context, end: When) -> When:
    """ "the quarter ended March 31, 2026": the months of a reporting period up to ``end``.

    ``end`` is the day (the last of its month) or the month the period ends in. A period
    counted in weeks ("the 13 weeks ended February 27, 2026", as a 52/53-week year's
    reports say) is its days: 13 weeks to that day.
    """
    if m["weeks"] is not None:
        return _weeks_ending(m, end)
    last = end.end
    if (
        end.is_interval
        or end.qualified
        or end.precision.value not in ("day", "month")
        or not isinstance(last, _dt.date)
        or isinstance(last, _dt.datetime)
    ):
        raise Fail(f"the {m['span']} ended: give the day or the month it ends on")
    count = _SPANS[m["span"]]
    month_days = calendar.monthrange(last.year, last.month)[1]
    if end.precision.value == "day" and last.day != month_days:
        if month_days - last.day < 7 or last.day <= 6:
            # A 52/53-week year ends on a weekday near a month's end ("the quarter ended
            # February 27"): 13 weeks, or 14 in a long quarter. Which one, the text cannot
            # tell, so the usual reading is offered, not taken.
            weeks = count * 13 // 3
            first = last - _dt.timedelta(days=weeks * 7 - 1)
            longer = first - _dt.timedelta(days=7)
            raise Fail(
                f"a 52/53-week period: {weeks} weeks to {_day(last)} (from {_day(first)}), or "
                f"{weeks + 1} in a long one (from {_day(longer)}); the text cannot tell which, "
                "and a company's week calendar is not known here (its years end on a weekday "
                "near a month's end, its quarters run 4-4-5, 4-5-4 or 5-4-4 weeks): say the "
                "weeks",
                f"the {weeks} weeks ended {_day(last)}",
            )
        raise Fail(f"a reporting period ends on the last day of a month, not on {last:%d %B}")
    return months_from(last.year * 12 + last.month - count, count)


def _day(day: _dt.date) -> str:
    return f"{day.day} {day:%B} {day.year:04d}"


def _weeks_ending(m: re.Match[str], end: When) -> When:
    """ "the 13 weeks ended February 27, 2026": the 91 days up to that day."""
    text = m["weeks"]
    weeks = _WEEK_WORDS.get(text) or int(text)
    last = end.end
    if (
        end.is_interval
        or end.qualified
        or end.precision.value != "day"
        or not isinstance(last, _dt.date)
        or isinstance(last, _dt.datetime)
    ):
        raise Fail(f"the {text} weeks ended: give the day they end on")
    if not 1 <= weeks <= _MAX_WEEKS:
        raise Fail(f"a period of weeks runs 1 to {_MAX_WEEKS} weeks (a 53-week year), not {weeks}")
    try:
        first = last - _dt.timedelta(days=weeks * 7 - 1)
    except OverflowError:
        raise Fail(f"{weeks} weeks to {_day(last)} start before year 1") from None
    lower = When.day(first.year, first.month, first.day)
    return When.interval(lower, When.day(last.year, last.month, last.day))
