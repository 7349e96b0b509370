"""Finding the date phrases in running text: `find_dates`.

A sentence such as "KeLing AI expects $600 million by 2026" mixes dates with
money, counts and versions. `find_dates` scans it with one compiled pattern
for date-shaped phrases (a month name, a quarter, an ISO date, a year with the
words around it ...), drops numbers that only look like years, and keeps a
phrase only if `timeline.When.parse` reads it — so every match carries a real
`When` and nothing is guessed.

Rules for numbers: a bare four-digit number counts as a year when a date word
comes before it ("in", "by", "since", "during", "early" ...) and it lies in
1900-2199, or when it is not followed by a noun or a magnitude ("2000
employees", "2030 million" are counts). Digits glued to commas, decimal
points, currency signs, percent signs or "-year" are never dates ("10,000",
"3.0", "$600 million", "2-3", "15-year"), except a later year ending a span
of years ("2026-2030"). Day ranges ("24-27 March 2026") are read whole, never
as their last day. A month name alone must be capitalised and spelled out
("an April release"); "May" alone also needs a date word before it ("in
May"), since "may" is usually a verb.

Phrases without a year ("April", "next month") resolve against ``reference``
(the date of the source); with ``reference=None`` they are skipped.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Literal

import attrs

from timeline._errors import WhenError, WhenParseError
from timeline.dates._fiscal import fiscal_start
from timeline.dates._parse import check_options, parse
from timeline.dates._parse_phrase import fold
from timeline.dates._when import When

__all__ = ["DateMatch", "find_dates"]


@attrs.frozen
class DateMatch:
    """A date phrase found in text: its words, character span and `When`.

    >>> m = find_dates("Guangzhou aims for 10,000 AI-plus enterprises by 2030.", reference=None)[0]
    >>> (m.text, m.start, m.end, str(m.when))
    ('by 2030', 46, 53, 'by end of 2030')
    """

    text: str
    start: int
    end: int
    when: When


_MONTH = (
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)(?![a-z])"
)
_YEAR = r"(?<![\d.,])\d{4}(?!\d|[.,]\d)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d|[.,]\d)"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+"
_FISCAL = r"(?:fy|fiscal(?:\s+year)?)\s?'?(?:\d{4}(?:[-/]\d{2}(?!\d))?|\d{2})(?!\d)"
_PRE = (
    r"(?P<pre>(?:(?:by\s+the\s+end\s+of|by\s+end\s+of|by\s+the\s+(?:start|beginning)\s+of"
    r"|no\s+later\s+than|not\s+later\s+than|not\s+before|no\s+earlier\s+than|by|before|after"
    r"|circa|c\.|ca\.|about|around|approximately|roughly|maybe|possibly|perhaps|probably)"
    r"\s+)*)"
)
_MOD = (
    r"(?P<mod>(?:the\s+)?(?:(?:early|mid|late)[\s-]+|(?:start|beginning|middle|end)\s+of\s+"
    r"(?:the\s+)?|(?:mid|end|start)-))?"
)
_CORE = (
    r"(?P<core>"
    # fiscal periods: found whole, so "fiscal 2025" is never read as the year 2025
    rf"(?:[qh][1-4],?\s+(?:of\s+)?)?{_FISCAL}(?:,?\s+[qh][1-4](?![a-z\d]))?|"
    r"\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d-])"
    r"|\d{4}-w\d{2}(?:-\d)?(?![\d-])"
    r"|\d{4}-\d{2}(?![\d-])"
    # day ranges before single days: "24-27 March 2026" is not "27 March 2026"
    rf"|{_DAY}\s*(?:-|to)\s*{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_DAY}\s*(?:-|to)\s*{_DAY}(?:,?\s+{_YEAR})?"
    rf"|(?:{_WEEKDAY})?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|(?:{_WEEKDAY})?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|(?P<month>{_MONTH})(?:,?\s+(?:of\s+)?(?P<my>{_YEAR}))?"
    rf"|(?P<q>q[1-4])(?:[\s-]+{_YEAR})?|{_YEAR}[\s-]?q[1-4]"
    rf"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?{_YEAR}"
    rf"|h[12][\s-]+{_YEAR}|{_YEAR}[\s-]?h[12]"
    rf"|(?:the\s+)?(?:first|second|1st|2nd)\s+half\s+(?:of\s+)?{_YEAR}"
    rf"|(?:spring|summer|autumn|fall)(?:\s+of)?\s+{_YEAR}|winter(?:\s+of)?\s+\d{{4}}\s*[-/]\s*\d{{2,4}}"
    r"|(?:the\s+)?\d{3}0'?s(?![a-z])"
    r"|(?:the\s+)?\d{1,3}(?:st|nd|rd|th)\s+century"
    r"|(?:later|earlier)\s+this\s+(?:year|month|quarter|week)"
    r"|(?:this|next|last)\s+(?:week|month|quarter|year|decade|century|spring|summer|autumn|fall"
    rf"|winter|{_MONTH})"
    r"|the\s+(?:year|month|quarter)|today|tomorrow|yesterday"
    rf"|(?P<year>{_YEAR})"
    r")"
)
_SUF = r"(?:\s+or\s+(?:later|earlier)|\s+at\s+the\s+(?:latest|earliest))?"
_CANDIDATE = re.compile(rf"(?<![\w$€£¥#])(?:{_PRE}{_MOD}{_CORE}{_SUF})(?![\w%])")
_JOIN = re.compile(r"\s*(?:-|to|through|until|till)\s*|\s+and\s+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words after which a four-digit number is a year ("in 2025"), and words that
# make it a count ("2000 employees", "2030 million").
_STRONG = _words("in by before after since until till during of early mid late year")
_FUNCTION_WORDS = _words(
    "and or to through until till when while before after as in at on for with but the a an is "
    "was will would could should may might has had have are were be been if so because then "
    "onwards onward versus vs than"
)
_MAGNITUDE = re.compile(
    r"\s*(?:%|percent|per\s+cent|hundred|thousand|million|billion|trillion|bn|mn|m|k|x|times)"
    r"(?![a-z])|-[a-z]"
)
_RELATION = re.compile(r"\b(?:by|before|after|than)\b")
_COUNTING = _words("no. no number over under than nearly almost least some top total only just")
_MAY_WORDS = _STRONG | _words("from to this next last")
_NEXT_WORD = re.compile(r"\s*([a-z]+)")
_PREV_WORD = re.compile(r"([a-z]+\.?)\s*$")
_YEAR_BEFORE_DASH = re.compile(r"(?<![\d.,])(\d{4})\s*-\s*$")


def find_dates(
    text: str,
    *,
    reference: _dt.date | str | None,
    prefer: Literal["current", "future", "past"] = "current",
    fiscal_year_start: int | str | None = None,
    fiscal_year_named_by: Literal["end", "start"] = "end",
) -> list[DateMatch]:
    """The date phrases in ``text``, in order, each with its span and `When`.

    ``reference`` is the date the text was written; phrases without a year
    ("April", "next month") resolve against it and are skipped without one. A
    ``reference`` that is not a day raises `WhenParseError`. Fiscal periods
    ("FY2025", "Q3 fiscal 2025") resolve with ``fiscal_year_start`` (see
    `timeline.When.parse`) and are skipped without it, never read as calendar
    years.

    >>> [m.text for m in find_dates(
    ...     "from 1 trillion at the start of 2024 to over 140 trillion by March 2025",
    ...     reference="2025-04-01")]
    ['the start of 2024', 'by March 2025']
    """
    ref = check_options(reference, prefer)
    fiscal = _Fiscal(fiscal_start_or_raise(fiscal_year_start), fiscal_year_named_by)
    low = _lower(text)
    spans = [(m.start(), m.end()) for m in _CANDIDATE.finditer(low) if _plausible(m, text, low)]
    found: list[DateMatch] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        if i + 1 < len(spans):
            joined = _join(text, low, start, end, *spans[i + 1], ref, prefer, fiscal)
            if joined is not None:
                found.append(joined)
                i += 2
                continue
        match = _read(text, start, end, ref, prefer, fiscal)
        if match is not None:
            found.append(match)
        i += 1
    return found


def _lower(text: str) -> str:
    """Lower-cased text with unified dashes, the same length as ``text`` (spans stay valid)."""
    low = fold(text)
    if len(low) == len(text):
        return low
    return "".join(fold(c) if len(fold(c)) == 1 else "?" for c in text)


def _plausible(m: re.Match[str], text: str, low: str) -> bool:
    if m["year"] is not None and not m["mod"] and not _RELATION.search(m["pre"]):
        # A bare number, perhaps after "about": a year only if it reads as one.
        return _plausible_year(text, low, m.start("core"), m.end("core"))
    if m["month"] is not None and m["my"] is None and not m["mod"]:
        word = text[m.start("core") : m.end("core")]
        if word.lower() == "may":
            start = m.start("core")
            prev = _PREV_WORD.search(low, max(0, start - 20), start)
            return word[0] == "M" and prev is not None and prev[1] in _MAY_WORDS
        # spelled out and capitalised: "an April release", not "apr" or "march on"
        return word[:1].isupper() and len(word.rstrip(".")) >= 4
    return m["q"] is None or text[m.start("q")] == "Q"


def _plausible_year(text: str, low: str, start: int, end: int) -> bool:
    year = int(low[start:end])
    if _MAGNITUDE.match(low, end):
        return False
    prev = _PREV_WORD.search(low, max(0, start - 20), start)
    prev_word = prev[1] if prev is not None and prev.end() == start else None
    if start > 0 and low[start - 1] in "$€£¥#+":
        return False
    if start > 0 and low[start - 1] == "-":
        # The end of a span of years ("2026-2030") is a year; "2-3" and "2026-1234" are not.
        first = _YEAR_BEFORE_DASH.search(low, max(0, start - 8), start)
        return first is not None and int(first[1]) < year <= int(first[1]) + 100
    # A lower-case word after the number that is not a function word reads as
    # what is counted ("2000 employees"); a capitalised one is a name ("the 2026 Forum").
    nxt = _NEXT_WORD.match(low, end)
    noun_follows = (
        nxt is not None and nxt[1] not in _FUNCTION_WORDS and text[nxt.start(1)].islower()
    )
    if prev_word in _COUNTING:
        return False
    if prev_word in _STRONG and 1900 <= year <= 2199:
        return True
    return 1000 <= year <= 2999 and not noun_follows


class _Fiscal:
    __slots__ = ("named_by", "start")

    def __init__(self, start: int | None, named_by: Literal["end", "start"]) -> None:
        self.start = start
        self.named_by = named_by


def fiscal_start_or_raise(value: int | str | None) -> int | None:
    """The fiscal start month, or `WhenParseError` for a bad one."""
    try:
        return fiscal_start(value)
    except WhenError as e:
        raise WhenParseError(str(value), str(e)) from None


def _read(
    text: str,
    start: int,
    end: int,
    reference: _dt.date | None,
    prefer: Literal["current", "future", "past"],
    fiscal: _Fiscal,
) -> DateMatch | None:
    words = text[start:end]
    try:
        when = parse(
            words,
            reference=reference,
            prefer=prefer,
            fiscal_year_start=fiscal.start,
            fiscal_year_named_by=fiscal.named_by,
        )
    except WhenParseError:
        return None
    return DateMatch(words, start, end, when)


def _join(
    text: str,
    low: str,
    start: int,
    end: int,
    next_start: int,
    next_end: int,
    reference: _dt.date | None,
    prefer: Literal["current", "future", "past"],
    fiscal: _Fiscal,
) -> DateMatch | None:
    """Two neighbouring dates joined by "to", a dash or "and" (after "between"): an interval."""
    gap = low[end:next_start]
    if not _JOIN.fullmatch(gap):
        return None
    if "and" in gap:
        before = low[max(0, start - 8) : start]
        if not before.endswith("between "):
            return None
        start -= 8
    return _read(text, start, next_end, reference, prefer, fiscal)
