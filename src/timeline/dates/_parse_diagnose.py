"""Saying what is wrong with a text `timeline.dates._parse.parse` does not read.

`diagnose` finds the most useful reason and, where one is likely, the fix: an
unknown word and the known word it is probably a misspelling of ("Aprill" ->
"April"), a month or day written with one digit, a time without its date,
numeric day/month order, a year cut short, a start without its end.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re

from timeline._errors import WhenParseError, quoted
from timeline.dates._numeric import numeric_days
from timeline.dates._parse_dates import Context
from timeline.dates._parse_edtf import MONTH_NAMES, Fail, parse_edtf_text
from timeline.dates._parse_fiscal import written_pair
from timeline.dates._parse_phrase import normalise, parse_phrase
from timeline.dates._parse_text import EDTF_START, iso_extras
from timeline.dates._parse_time import with_time
from timeline.dates._when import When, WhenError

__all__ = ["diagnose"]


# -- saying what is wrong ----------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_VOCABULARY = frozenset(
    [name.lower() for name in MONTH_NAMES]
    + [name[:3].lower() for name in MONTH_NAMES]
    + ["sept", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    + _words("spring summer autumn fall winter early mid middle late start beginning end close")
    + _words("by before after prior not no later earlier than circa ca about around approximately")
    + _words("approx roughly maybe possibly perhaps probably in on during at the of to through")
    + _words("until till thru and between from this next last year month quarter half week")
    + _words("decade century today tomorrow yesterday first second third fourth or so some")
    + _words("sometime time wk st nd rd th open unknown onwards onward latest earliest")
    + _words("fy fiscal current within over ahead as sooner starting beyond post pre")
    + _words("mon tue tues wed thu thur thurs fri sat sun")
    + _words("a an days weeks months quarters years decades")
)
_NOT_WORDS = frozenset(_words("q h w t z x y c s"))
_CAPITALISED = frozenset([n.lower() for n in MONTH_NAMES] + [n[:3].lower() for n in MONTH_NAMES])
_WORD = re.compile(r"[a-z]+")
_SHORT_PART = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(.*)")
_TIME_ONLY = re.compile(r"t?(\d{1,2}):(\d{2})(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?", re.IGNORECASE)
_HOUR_ONLY = re.compile(r"(\d{4}-\d{2}-\d{2})[tT ](\d{1,2})([zZ]|[+-].*)?")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.](\d{4})")
_YEAR_DOT_MONTH = re.compile(r"(\d{4})\.(\d{2})")
# An ISO day, month or instant whose year has five digits or more (or is negative), as a
# database or Arrow writes a day past the calendar ("10000-01-01", "-5877641-06-23").
# A date-time whose fraction has no digits ("10:00:00.Z") or is on the minute or hour
_TIME_FRACTION = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ](?P<clock>\d{2}(?::\d{2}){0,2})(?P<frac>[.,]\d*)"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?(?:\[[^\]\s]+\])?[~?%]?",
    re.IGNORECASE,
)
_LONG_YEAR = re.compile(
    r"(-?)(\d{5,}|\d{4}(?=-))(?:-\d{2}(?:-\d{2}(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?)?)"
)
# Spreadsheet date formats: "mmm-yy" ("Apr-26") and "d-mmm-yy" ("1-Apr-26").
_MON_YY = re.compile(r"(?P<mon>[a-z]{3,9})-(?P<yy>\d{2})")
_D_MON_YY = re.compile(r"(?P<d>\d{1,2})-(?P<mon>[a-z]{3,9})-(?P<yy>\d{2})")
_TWO_DIGIT_YEAR = re.compile(r".*(?:'|\s)(\d{2})")
_FROM_ALONE = re.compile(r"(?i:from|since|(?:starting|beginning)(?:\s+(?:in|from|on))?)\s+(.+)")


# Named days that move from year to year (or that timeline does not know the date of).
_HOLIDAY = re.compile(
    r"\b(?:easter|christmas|xmas|thanksgiving|hanukkah|passover|ramadan|eid|diwali|halloween"
    r"|valentine'?s|(?:lunar |chinese )?new year'?s?(?: day| eve)?|spring festival|golden week"
    r"|black friday|cyber monday|memorial day|labou?r day|independence day|national day"
    r"|mid-autumn|qingming|dragon boat|boxing day|good friday)\b"
)
_WEEKDAY = re.compile(
    r"(?:(?:on|this|next|last|coming|the|by|before|after|until|from) )*"
    r"(?P<day>mon|tues|wednes|thurs|fri|satur|sun)day"
)
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_VAGUE = re.compile(
    r"\b(?:coming|upcoming|soon|shortly|imminent(?:ly)?|near[- ]term|near future"
    r"|foreseeable future|next few|few (?:days|weeks|months|years)|within (?:days|weeks|months"
    r"|years))\b"
)
_FROM_NOW = re.compile(
    r"(?:in |after )?(?:another )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|eighteen|twenty|a few|several|a couple of) (?:days?|weeks?|fortnights?|months?"
    r"|quarters?|years?|decades?)(?: from now| later| time| out| ahead| hence)?"
)


# Words about the plan or the estimate, not the date ("expected Q3 2026", "2027 (est.)").
_PLAN = re.compile(
    r"(?i)(?:^|\s|\()(?P<w>(?:expected|planned|scheduled|slated|targeted|projected|due)"
    r"(?:\s+(?:for|in|on|by))?|tentative(?:ly)?|estimated|est\.|tb[dac]|t\.b\.[dac]\.?)"
    r"(?=$|[\s),])\)?,?"
)


def diagnose(s: str, ctx: Context) -> Fail:
    """The most useful reason (and fix) for text no form matched."""
    low = normalise(s)
    said = _refused_kind(low, ctx)
    if said is not None:
        return Fail(said)
    m = _PLAN.search(s)
    rest = " ".join((s[: m.start()] + " " + s[m.end() :]).split()) if m is not None else ""
    if m is not None and rest and (_parses(rest, ctx) or _PLAN.search(rest) is None):
        # the date's own fault, if any, is said once the word is gone ("slated for 1952-28")
        word = m["w"] if m["w"].lower() not in ("tbd", "tba", "tbc") else m["w"].upper()
        return Fail(
            f"{quoted(word)} is not part of a date (it says how sure the plan is, or that the date "
            "is not known); write the date alone and keep the rest in the event's status",
            rest if _parses(rest, ctx) else None,
        )
    m = _FROM_ALONE.fullmatch(s)
    if m is not None and _parses(f"{m[1]} onwards", ctx):
        # Refused, not guessed: "from 2026" may run on or only start then.
        return Fail(
            f"a start alone does not say how long it runs; write 'from {m[1]} onwards' "
            f"(open end) or 'not before {m[1]}'"
        )
    for word in _WORD.findall(low):
        if word in _VOCABULARY or word in _NOT_WORDS:
            continue
        return Fail(f"unknown word {quoted(word)}", _respell(s, word, ctx))
    m = _SHORT_PART.fullmatch(s)
    if m is not None and (len(m[2]) == 1 or (m[3] is not None and len(m[3]) == 1)):
        fixed = _PADDED.sub(_pad, s)  # every such date in the text ("2026-4 to 2026-6")
        if _parses(fixed, ctx):
            return Fail("month and day take two digits", fixed)
        if not m[4]:  # "2026-4-31": the digits are the fault named, the day another
            return Fail("month and day take two digits")
        # "2026-3rd start of": not an ISO date with short digits; the reasons below
    m = _TIME_ONLY.fullmatch(s)
    if m is not None:
        hour = int(m[1])
        if hour > 23:
            return Fail(f"hour {m[1]} is out of range 00-23, and a time needs a date")
        return Fail("a time needs a date, such as '2026-04-15T10:00'")
    m = _HOUR_ONLY.fullmatch(s)
    if m is not None:
        return Fail("a time needs minutes", f"{m[1]}T{int(m[2]):02d}:00{m[3] or ''}")
    m = _NUMERIC.fullmatch(s)
    if m is not None:
        days = numeric_days(int(m[1]), int(m[2]), int(m[3]))
        if not days:
            return Fail(
                f"{m[1]}/{m[2]} names no day read day/month or month/day; write the day in "
                "ISO 8601 (2026-04-15)"
            )
        fix = days[0].isoformat() if len(days) == 1 else None
        return Fail("numeric day/month order is ambiguous; write ISO 8601 (2026-04-15)", fix)
    m = _MONTH_YEAR.fullmatch(s)
    if m is not None:
        month = int(m[1])
        if not 1 <= month <= 12:
            return Fail(f"{m[1]} is no month (01-12); write the month in ISO 8601 (2026-04)")
        return Fail(
            "a month and year in numbers are written year first in ISO 8601 (2026-04)",
            f"{m[2]}-{month:02d}",
        )
    m = _YEAR_DOT_MONTH.fullmatch(s)
    if m is not None and 1 <= int(m[2]) <= 12:
        return Fail(
            "a month and year in numbers are written with a hyphen in ISO 8601 (2026-04)",
            f"{m[1]}-{m[2]}",
        )
    spreadsheet = _spreadsheet(low)
    if spreadsheet is not None:
        return spreadsheet
    if re.fullmatch(r"\d{1,3}", s):
        return Fail("a year takes four digits (write 'the 2020s' for a decade)")
    iso = _iso_short(s)
    if iso is not None:
        return Fail(
            f"a year takes four digits; in ISO 8601 (When.from_edtf) this is {quoted(iso)}", iso
        )
    if re.fullmatch(r"\d{5,}", s):
        return Fail("a year takes four digits; years after 9999 are not supported")
    m = _TIME_FRACTION.fullmatch(s)
    if m is not None:
        if len(m["frac"]) == 1:
            return Fail(
                "a decimal point in a time needs digits after it, such as 10:00:00.5; "
                "or leave it out",
                s[: m.start("frac")] + s[m.end("frac") :],
            )
        if m["clock"].count(":") < 2:
            return Fail(
                "a fraction is read on the seconds only: write the seconds, such as "
                "10:30:30 rather than 10:30.5"
            )
    m = _LONG_YEAR.fullmatch(s)
    if m is not None and (m[1] or len(m[2]) > 4):  # a four-digit year is in the calendar
        if m[1]:
            return Fail("years before 1 CE (negative years) are not supported")
        return Fail(f"year {int(m[2])} is outside 1..9999, the range timeline's calendar covers")
    if _TWO_DIGIT_YEAR.fullmatch(low) and not re.search(r"\d{4}", low):
        return Fail("two-digit years are ambiguous; write all four digits")
    return Fail(
        "not a date form timeline reads; try ISO 8601 or EDTF ('2026-04-15', '2026-04', "
        "'2026-04-15T10:00+08:00') or a phrase ('April 2026', 'Q2 2026', 'by end of 2030')"
    )


def _month_number(word: str) -> int | None:
    for i, name in enumerate(MONTH_NAMES, 1):
        if word in (name.lower(), name[:3].lower()) or (word == "sept" and i == 9):
            return i
    return None


def _spreadsheet_year(yy: int) -> int:
    """A two-digit year as spreadsheets read it: 00-29 in the 2000s, 30-99 in the 1900s."""
    return 2000 + yy if yy < 30 else 1900 + yy


def _spreadsheet(low: str) -> Fail | None:
    """Why a spreadsheet's "Apr-26" or "1-Apr-26" is not read, with what it likely means."""
    m = _D_MON_YY.fullmatch(low)
    if m is not None and (month := _month_number(m["mon"])) is not None:
        yy = int(m["yy"])
        year = _spreadsheet_year(yy)
        try:
            day = _dt.date(year, month, int(m["d"]))
        except ValueError:
            return None
        return Fail(
            "two-digit years are ambiguous; write all four digits",
            f"{day.day} {MONTH_NAMES[month - 1]} {year}",
        )
    m = _MON_YY.fullmatch(low)
    if m is not None and (month := _month_number(m["mon"])) is not None:
        name, yy = MONTH_NAMES[month - 1], int(m["yy"])
        or_day = f" or {yy} {name}" if 1 <= yy <= 31 else ""
        said = f"{name} {_spreadsheet_year(yy)}"
        return Fail(
            f"'{m[0].title()}' is {said} (a spreadsheet's month and year){or_day}; "
            f"write '{said}' or the day in ISO 8601"
        )
    return None


def _iso_short(s: str) -> str | None:
    """The text of what ISO 8601's decade ``202`` or century ``20`` in ``s`` reads as."""
    if not s[0].isdigit() or re.match(r"\d{4}", s):
        return None
    try:
        return str(parse_edtf_text(s, iso_short=True))
    except (Fail, WhenError):
        return None


_PADDED = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")


def _pad(m: re.Match[str]) -> str:
    return f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else "")


def _parses(s: str, ctx: Context) -> bool:
    try:
        _parse_quietly(s, ctx)
    except Fail as f:
        return "relative" in f.reason  # a form it reads, given a reference
    except (WhenParseError, WhenError):
        return False
    return True


def _respell(s: str, word: str, ctx: Context) -> str | None:
    """The text with ``word`` replaced by the closest known word, if that then parses."""
    for candidate in difflib.get_close_matches(word, _VOCABULARY, n=3, cutoff=0.8):
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        original = pattern.search(s)
        replacement = candidate
        if candidate in _CAPITALISED or (original is not None and original[0][:1].isupper()):
            replacement = candidate.capitalize()
        fixed = pattern.sub(replacement, s, count=1)
        try:
            _parse_quietly(fixed, ctx)
        except Fail as f:
            if "relative" not in f.reason:
                continue
        except (WhenParseError, WhenError):
            continue
        return fixed
    return None


def _parse_quietly(s: str, ctx: Context) -> When:
    """``s`` read as `timeline.dates._parse` reads it, without its diagnosis (which would
    try fixes of fixes): the pairs of years ("2024-26" is refused there) and times of day
    first, then EDTF and the phrases."""
    pair = written_pair(s, ctx)
    if pair is not None:
        return pair
    timed = with_time(s, lambda day: _parse_quietly(day, ctx))
    if timed is not None:
        return timed
    if s[0] in EDTF_START:
        try:
            return parse_edtf_text(iso_extras(s), iso_short=False)
        except Fail as f:
            if f.definite:
                raise
    return parse_phrase(s, ctx)


def _refused_kind(low: str, ctx: Context) -> str | None:
    """Why a holiday, a weekday, a vague span or a time from now is not read, and what to write."""
    if "back-to-school" in low or "back to school" in low:
        return (
            "the back-to-school season differs by country and school (August in the US, "
            "late January in Australia, April in Japan); write the months, such as "
            "'August to September 2026'"
        )
    if _HOLIDAY.search(low):
        return (
            "holidays and festivals are not read (most move from year to year); write the "
            "date or the month, such as '5 April 2026' or 'c. April 2026'"
        )
    m = _WEEKDAY.fullmatch(low)
    if m is not None:
        example = "'31 March 2026'"
        if ctx.reference is not None:  # the next such day, and the one a week later
            ahead = (_WEEKDAYS.index(m["day"]) - ctx.reference.weekday() - 1) % 7 + 1
            first = ctx.reference.toordinal() + ahead
            days = [
                _dt.date.fromordinal(n)
                for n in (first, first + 7)
                if n <= _dt.date.max.toordinal()  # none after 9999
            ]
            if not days:
                return (
                    f"a weekday alone is relative, and no {m['day'].capitalize()}day is left in "
                    "the calendar, which ends on 31 December 9999"
                )
            example = " or ".join(
                f"'{d.day} {MONTH_NAMES[d.month - 1]} {d.year:04d}'" for d in days
            )
        return (
            "a weekday alone is relative and ambiguous (this week's or next week's?); "
            f"write the date, such as {example}"
        )
    if _FROM_NOW.fullmatch(low):
        return (
            "a time is read only as counted from the reference: write 'in 18 months' or "
            "'18 months from now' (about the month it lands on, with reference=), 'within 18 "
            "months' (a deadline) or the date it lands on, such as 'c. September 2027'"
        )
    if _VAGUE.search(low):
        return (
            "it has no bounds; write the latest date it means, such as 'by September 2026', "
            "or 'within 6 months' with reference="
        )
    return None
