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

The analysts' forms are found whole: "NET March 2026" (a capital NET; "net"
is the word), halves and quarters written short ("2H25", "1H 2026", "H2'25",
"3Q25": the letter must be a capital), alternatives ("Q3 or Q4 2025", "April
or May 2026", "2026 or 2027", "Q4 2025 or Q1 2026"), spans of two years
("2025/26", "2025-26"), thirds of decades ("the early 2020s") and the undated
("TBD", "TBA", "TBC" in capitals, "to be announced", "date not announced",
"unknown date"; not "unknown" alone, and not "to be announced" when its date
follows: "to be announced on 15 April"). A phrase `When.parse` refuses with its
relation or modifier ("by Q3 or Q4 2025": a relation applies to one date,
not to alternatives; "early 2H 2026") is read without them, and an alternative it
still refuses as its parts ("1H or 2H 2026": "2H 2026").

Phrases without a year ("April", "next month") resolve against ``reference``
(the date of the source); with ``reference=None`` they are skipped. A part of
a year named against it is found whole: "December last year", "the second
half of this year", "Q1 next year", "year-end 2027"; "the third quarter" alone
is the reference year's, as "Q3" is. A time from the reference is a deadline
("within 18 months", "over the next five years", "the next 6 months"), except
a time from some other event ("within 18 months of the merger"), which is not
found. Vague spans ("in the coming weeks") have no date and are not found.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Literal

import attrs

from timeline._errors import WhenError, WhenParseError
from timeline.dates._fiscal import fiscal_start
from timeline.dates._parse import check_options, parse
from timeline.dates._parse_context import COUNT
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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTH = (
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)(?![a-z])"
)
# A year is never glued to a decimal point, a thousands comma or a slash and
# digits ("2025/27" is no year; "2025/26" is a span, read whole below).
_YEAR = r"(?<![\d.,])\d{4}(?!\d|[.,/]\d)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d|[.,]\d)"
# a year named against the reference: "December last year", "the first quarter of next year"
_REL_YEAR = r"(?:this|next|last)\s+year"
_THE_YEAR = rf"(?:{_YEAR}|{_REL_YEAR})"
# "within 18 months", "over the next five years": a deadline that time from the reference,
# unless the time runs from some other event ("within 18 months of the merger")
_COUNT = COUNT.replace("?P<n>", "?:")
_UNIT = r"(?:day|week|month|quarter|year|decade)"
_WITHIN = (
    rf"(?:(?:within(?:\s+the\s+next)?|(?:over\s+)?the\s+next)\s+{_COUNT}\s+{_UNIT}s?"
    rf"|(?:within|over)\s+the\s+next\s+{_UNIT})"
    r"(?!\s+(?:of|after|from|since|following|before|into|in)\b)"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+"
_FISCAL = r"(?:fy|fiscal(?:\s+year)?)\s?'?(?:\d{4}(?:[-/]\d{2}(?!\d))?|\d{2})(?!\d)e?"
# A quarter or half of a fiscal year, spelt as `When.parse` reads it: "Q3", "3Q", "third quarter".
_FPART = (
    r"(?:[qh][1-4]|[1-4]q|[12]h|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)"
    r"\s+quarter|(?:the\s+)?(?:first|second|1st|2nd)\s+half)"
)
_PRE = (
    r"(?P<net>net\s+)?"  # "NET" (no earlier than), only in capitals
    r"(?P<pre>(?:(?:by\s+the\s+end\s+of|by\s+end\s+of|by\s+the\s+(?:start|beginning)\s+of"
    r"|no\s+later\s+than|not\s+later\s+than|not\s+before|no\s+earlier\s+than|by|before|after"
    r"|ahead\s+of|as\s+early\s+as|no\s+sooner\s+than|not\s+sooner\s+than"
    r"|circa|c\.|ca\.|about|around|approximately|roughly|maybe|possibly|perhaps|probably)"
    r"\s+){0,3})"  # at most three: a bounded prefix keeps the scan linear
)
# The first alternatives of "Q3 or Q4 2025", "Q2, Q3 or Q4 2025", "April or May
# 2026": parts that are no date alone. Whole dates joined by "or" ("2026 or
# 2027", "Q4 2025 or Q1 2026") are joined after they are found.
_ALT_ITEM = (
    rf"(?:q[1-4]|[1-4]q|h[12]|[12]h|{_MONTH}|spring|summer|autumn|fall|winter"
    r"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th))"  # "the second or third quarter"
)
# At most five listed before "or": a bounded list keeps the scan linear.
_ALT = rf"(?P<alt>(?:{_ALT_ITEM},\s+){{0,4}}{_ALT_ITEM}\s+or\s+)?"
_MOD = (
    r"(?P<mod>(?:the\s+)?(?:(?:early|mid|late)[\s-]+(?:to[\s-]+(?:early|mid|late)[\s-]+)?"
    r"|(?:start|beginning|middle|end)\s+of\s+"
    r"(?:the\s+)?|(?:mid|end|start)-))?"
)
_CORE = (
    r"(?P<core>"
    # fiscal periods: found whole, so "fiscal 2025" is never read as the year 2025, nor
    # "fiscal third quarter 2026" as a calendar quarter
    rf"(?P<fiscal>(?:{_FPART},?\s*(?:of\s+)?)?{_FISCAL}(?:,?\s+(?:[qh][1-4]|[1-4]q|[12]h)(?![a-z\d]))?"
    rf"|fiscal\s+{_FPART},?\s+(?:of\s+)?'?\d{{4}}(?!\d)"
    r"|(?:this|next|last|the\s+current)\s+fiscal\s+year)|"
    # halves and quarters written short: "2H25", "1H 2026", "H2'25", "3Q25", "Q4 '25", "H1-26",
    # "2H-2025", "1H-2H 2026" (a space before two digits is left out: "Q3 26 stores")
    r"(?P<short>(?:(?:[1-4]q|[12]h)-)?(?:[1-4]q|[12]h)(?:\s?'?|-)(?:\d{4}|\d{2})"
    r"|(?:q[1-4]|h[12])(?:\s?'|-'?)\d{2})(?!\d)|"
    # two years: "2025/26", "1999/2000" (a year before a slash is no year alone)
    r"(?P<pair>(?<![\d.,])(?P<p1>\d{4})/(?P<p2>\d{4}|\d{2}))(?![\d/])|"
    r"\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?)?(?![\d-])"
    r"|\d{4}(?:-w\d{2}(?:-\d)?|w\d{2}\d?)(?![\d-])"
    r"|(?<![\d.,/])\d{4}(?P<sl>[/.])\d{1,2}(?P=sl)\d{1,2}(?![\d/]|\.\d)"  # "2026/04/03"
    r"|\d{4}-\d{2}(?![\d-])"
    # day ranges before single days: "24-27 March 2026" is not "27 March 2026"
    rf"|{_DAY}\s*(?:-|to)\s*{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_DAY}\s*(?:-|to)\s*{_DAY}(?:,?\s+{_YEAR})?"
    rf"|(?:{_WEEKDAY})?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|(?:{_WEEKDAY})?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|(?P<month>{_MONTH})(?:,?\s+(?:of\s+)?(?:(?P<my>{_YEAR})|(?P<mrel>{_REL_YEAR})))?"
    rf"|(?P<q>q[1-4])(?:,?[\s-]+(?:of\s+)?{_THE_YEAR})?|{_YEAR}[\s-]?q[1-4]"
    # "the first week of April": its days 1-7
    rf"|(?:the\s+)?(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+(?:of|in)\s+"
    rf"{_MONTH}(?:,?\s+{_YEAR})?"
    # "the third quarter" alone is the reference year's, as "Q3" is
    rf"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
    rf"(?:,?\s+(?:of\s+)?{_THE_YEAR}|(?!\s+of\b))"  # not "the third quarter of the match"
    rf"|h[12],?[\s-]+(?:of\s+)?{_THE_YEAR}|{_YEAR}[\s-]?h[12]"
    rf"|(?:the\s+)?(?:first|second|1st|2nd)\s+half\s+(?:of\s+)?{_THE_YEAR}"
    rf"|{_WITHIN}"
    rf"|(?:spring|summer|autumn|fall)(?:\s+of)?\s+{_YEAR}|winter(?:\s+of)?\s+\d{{4}}\s*[-/]\s*\d{{2,4}}"
    r"|(?:the\s+)?\d{3}0'?s(?![a-z])"
    r"|(?:the\s+)?\d{1,3}(?:st|nd|rd|th)\s+century"
    r"|(?:later|earlier)\s+this\s+(?:year|month|quarter|week)"
    r"|(?:this|next|last)\s+(?:week|month|quarter|year|decade|century|spring|summer|autumn|fall"
    rf"|winter|{_MONTH})"
    rf"|(?:the\s+)?year(?:'s)?[\s-]end(?:,?\s+(?:of\s+)?{_YEAR})?"
    rf"|the\s+(?:year|month|quarter|week|decade)"
    rf"|(?P<midyear>mid[\s-]?year)(?:,?\s+(?:of\s+)?(?P<mdy>{_YEAR}))?"
    r"|today|tomorrow|yesterday"
    rf"|(?P<est>{_YEAR})e"  # "2027E": an analyst's estimate for 2027
    rf"|(?P<year>{_YEAR})"
    r")"
)
_SUF = r"(?:\s+or\s+(?:later|earlier)|\s+at\s+the\s+(?:latest|earliest))?"
# The undated: "TBD" (in capitals), "to be announced", "date not announced" ...
_UNDATED = (
    r"(?P<undated>(?P<uw>date\s+)?(?P<ua>tb[adc]|t\.b\.[adc]\.?)"
    r"|date\s+not\s+(?:yet\s+)?announced|date\s+unknown|unknown\s+date"
    r"|to\s+be\s+(?:announced|determined|confirmed))"
)
_CANDIDATE = re.compile(rf"(?<![\w$€£¥#])(?:{_UNDATED}|{_PRE}{_ALT}{_MOD}{_CORE}{_SUF})(?![\w%])")
# The same without alternatives: the parts of one `When.parse` refuses.
_PLAIN = re.compile(
    rf"(?<![\w$€£¥#])(?:{_UNDATED}|{_PRE}(?P<alt>(?!))?{_MOD}{_CORE}{_SUF})(?![\w%])"
)
_JOIN = re.compile(r"\s*(?:-|to|through|until|till)\s*|\s+(?:and|or)\s+")
# What may stand between "to be announced" and the date it is announced on.
_ANNOUNCED_ON = re.compile(r"\s+(?:(?:on|in|at|for|around|during|sometime|from|until|till)\s+)?")
_ALT_WORD = re.compile(r"[a-z\d]+")
_SEASONS = _words("spring summer autumn fall winter")
_ORDINAL_WORDS = _words("or the first second third fourth 1st 2nd 3rd 4th")


# Words after which a four-digit number is a year ("in 2025"), and words that
# make it a count ("2000 employees", "2030 million").
_STRONG = _words("in by before after since until till during of early mid late year")
_FUNCTION_WORDS = _words(
    "and or to through until till when while before after as in at on for with but the a an is "
    "was will would could should may might has had have are were be been if so because then "
    "onwards onward versus vs than from into since amid despite citing following during due via"
)
_MAGNITUDE = re.compile(
    r"\s*(?:%|percent|per\s+cent|hundred|thousand|million|billion|trillion|bn|mn|m|k|x|times)"
    r"(?![a-z])|-[a-z]"
)
_RELATION = re.compile(r"\b(?:by|before|after|than|ahead|as)\b")
_COUNTING = _words("no. no number over under than nearly almost least some top total only just")
_MAY_WORDS = _STRONG | _words("from to this next last")
_NEXT_WORD = re.compile(r"\s*([a-z]+)")
_PREV_WORD = re.compile(r"([a-z]+\.?)\s*$")
_YEAR_BEFORE_DASH = re.compile(r"(?<![\d.,])(\d{4})\s*-\s*$")


def find_dates(
    text: str,
    *,
    reference: _dt.date | str | When | None,
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
    >>> [(m.text, str(m.when)) for m in find_dates(
    ...     "NET 2H25, in Q3 or Q4 2025 or the 2025/26 season; price TBD", reference=None)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('NET 2H25', 'no earlier than H2 2025'), ('Q3 or Q4 2025', 'Q3 or Q4 2025'),
     ('2025/26', '2025 to 2026'), ('TBD', 'date not announced')]
    """
    ref = check_options(reference, prefer)
    fiscal = _Fiscal(fiscal_start_or_raise(fiscal_year_start), fiscal_year_named_by)
    scan = _Scan(text, _lower(text), ref, prefer, fiscal)
    spans: list[_Span] = []
    for m in _CANDIDATE.finditer(scan.low):
        spans += scan.candidate(m)
    found: list[DateMatch] = []
    i = 0
    while i < len(spans):
        if i + 1 < len(spans):
            joined = scan.join(spans[i], spans[i + 1])
            if joined is not None:
                found.append(joined)
                i += 2
                continue
            if spans[i + 1].fiscal and scan.joined(spans[i], spans[i + 1]):
                i += 2  # "Q3-Q4 FY2027" without a fiscal year: not "Q3" of the calendar
                continue
        match = spans[i].match
        if match is not None:
            found.append(match)
        i += 1
    return [m for k, m in enumerate(found) if not scan.announced_later(m, found[k + 1 : k + 2])]


def _lower(text: str) -> str:
    """Lower-cased text with unified dashes, the same length as ``text`` (spans stay valid)."""
    low = fold(text)
    if len(low) == len(text):
        return low
    return "".join(fold(c) if len(fold(c)) == 1 else "?" for c in text)


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


@attrs.frozen
class _Span:
    """A candidate's span and what it reads as (``None``: unread, kept for joining)."""

    start: int
    end: int
    match: DateMatch | None
    fiscal: bool = False  # an unread fiscal phrase: a part joined to it is no calendar date


class _Scan:
    """One text being scanned: its folded form and the options `When.parse` gets."""

    __slots__ = ("fiscal", "low", "prefer", "reference", "text")

    def __init__(
        self,
        text: str,
        low: str,
        reference: _dt.date | None,
        prefer: Literal["current", "future", "past"],
        fiscal: _Fiscal,
    ) -> None:
        self.text = text
        self.low = low
        self.reference = reference
        self.prefer = prefer
        self.fiscal = fiscal

    def read(self, start: int, end: int) -> DateMatch | None:
        """``text[start:end]`` as `When.parse` reads it, or ``None``."""
        words = self.text[start:end]
        try:
            when = parse(
                words,
                reference=self.reference,
                prefer=self.prefer,
                fiscal_year_start=self.fiscal.start,
                fiscal_year_named_by=self.fiscal.named_by,
            )
        except WhenParseError:
            return None
        return DateMatch(words, start, end, when)

    def candidate(self, m: re.Match[str]) -> list[_Span]:
        """What one match of `_CANDIDATE` gives: one span, or the parts of a refused one."""
        if m["undated"] is not None:
            if m["ua"] is not None and not self.text[m.start("ua") : m.end("ua")].isupper():
                return []
            read = self.read(m.start(), m.end())
            if read is None and m["uw"] is not None:
                read = self.read(m.start("ua"), m.end())
            return [] if read is None else [_Span(read.start, read.end, read)]
        alt = m["alt"] is not None and self._capitals(m.start("alt"), m.end("alt"))
        if m["alt"] is not None and not alt:
            return self._parts(m)
        start = m.start()
        if m["net"] is not None and self.text[start : start + 3] != "NET":
            start = m.end("net")  # "net 2025 revenue": the word, not "no earlier than"
        if not self._plausible(m, start):
            if m["mrel"] is not None:  # "we may next year": the verb, then "next year"
                read = self.read(m.start("mrel"), m.end())
                return [] if read is None else [_Span(read.start, read.end, read)]
            return self._parts(m) if alt else []
        read = self.read(start, m.end())
        if read is not None:
            return [_Span(start, m.end(), read)]
        if m["fiscal"] is not None and m["pre"] == "" and not m["mod"]:
            # no fiscal year given (or none that reads): none of its parts is a calendar date
            return [_Span(start, m.end(), None, fiscal=True)]
        inner = m.start("alt") if alt else m.start("core")
        if inner > start:  # "by Q3 or Q4 2025": no relation on alternatives; "early 2H 2026"
            read = self.read(inner, m.end())
            if read is not None:
                return [_Span(inner, m.end(), read)]
        if alt:
            return self._parts(m)
        return [_Span(start, m.end(), None)]

    def _parts(self, m: re.Match[str]) -> list[_Span]:
        """The dates inside a match, found without alternatives ("1H or 2H 2026": "2H 2026")."""
        out: list[_Span] = []
        for part in _PLAIN.finditer(self.low, m.start(), m.end()):
            out += self.candidate(part)
        return out

    def _capitals(self, start: int, end: int) -> bool:
        """Whether the parts of an alternative are written as dates: "Q3", "2H", "April", "spring".

        Quarters and halves need their capital letter and months their capital
        ("may or May 2026" is no alternative); seasons are written in lower case.
        """
        for a in _ALT_WORD.finditer(self.low, start, end):
            word = self.text[a.start() : a.end()]
            if a[0] in _SEASONS or a[0] in _ORDINAL_WORDS:
                continue
            short = any(c.isdigit() for c in word)
            if not (word.isupper() if short else word[0].isupper()):
                return False
        return True

    def _plausible(self, m: re.Match[str], start: int) -> bool:
        text, low = self.text, self.low
        relation = _RELATION.search(m["pre"]) is not None or (
            m["net"] is not None and start == m.start()
        )
        if m["year"] is not None and not m["mod"] and not relation and m["alt"] is None:
            # A bare number, perhaps after "about": a year only if it reads as one.
            return _plausible_year(text, low, m.start("core"), m.end("core"))
        if m["pair"] is not None:
            return _plausible_pair(low, m)
        if m["short"] is not None:
            return all(
                not c.isalpha() or c.isupper() for c in text[m.start("short") : m.end("short")]
            )
        if m["est"] is not None:  # "2027E" with its capital, no amount: "$2027E" is none
            at = m.start("est")
            return (
                text[m.end("est")] == "E"
                and 1900 <= int(m["est"]) <= 2199
                and (at == 0 or low[at - 1] not in "$€£¥#+-")
            )
        if m["midyear"] is not None and m["mdy"] is None:
            # "by mid-year", "in mid-year"; not "a mid-year report"
            at = m.start()
            prev = _PREV_WORD.search(low, max(0, at - 20), at)
            return relation or (prev is not None and prev[1] in _MAY_WORDS | {"at", "around"})
        if m["mrel"] is not None:  # "December last year": the month capitalised
            return text[m.start("month")].isupper()
        if m["month"] is not None and m["my"] is None and not m["mod"]:
            word = text[m.start("core") : m.end("core")]
            if m["alt"] is not None:  # "April or May": the last month capitalised too
                return word[:1].isupper()
            if word.lower() == "may":
                at = m.start("core")
                prev = _PREV_WORD.search(low, max(0, at - 20), at)
                return word[0] == "M" and prev is not None and prev[1] in _MAY_WORDS
            # spelled out and capitalised: "an April release", not "apr" or "march on"
            return word[:1].isupper() and len(word.rstrip(".")) >= 4
        return m["q"] is None or text[m.start("q")] == "Q"

    def joined(self, first: _Span, second: _Span) -> bool:
        """Whether only "to", a dash, "or" or "and" stand between two spans."""
        return _JOIN.fullmatch(self.low, first.end, second.start) is not None

    def join(self, first: _Span, second: _Span) -> DateMatch | None:
        """Two neighbouring dates joined by "to", a dash, "or", or "and" (after "between")."""
        start = first.start
        gap = self.low[first.end : second.start]
        if not _JOIN.fullmatch(gap):
            return None
        if "and" in gap:
            before = self.low[max(0, start - 8) : start]
            if not before.endswith("between "):
                return None
            start -= 8
        return self.read(start, second.end)

    def announced_later(self, m: DateMatch, following: list[DateMatch]) -> bool:
        """Whether ``m`` is "to be announced" followed by its date ("... on 15 April")."""
        return (
            m.when.is_undated
            and bool(following)
            and m.text.lower().startswith("to be")
            and _ANNOUNCED_ON.fullmatch(self.low, m.end, following[0].start) is not None
        )


def _plausible_pair(low: str, m: re.Match[str]) -> bool:
    """Whether a pair is two years ("2025/26", "1999/2000"), not a count or a phone number."""
    at, first, second = m.start("pair"), int(m["p1"]), m["p2"]
    if len(second) == 2:
        later = first + 1 if (first + 1) % 100 == int(second) else 0  # "2025/26", "1999/00"
    else:
        later = int(second) if first < int(second) <= first + 100 else 0
    prev = _PREV_WORD.search(low, max(0, at - 20), at)
    return (
        1000 <= first <= 2999
        and later > 0
        and (at == 0 or low[at - 1] not in "-/")
        and _MAGNITUDE.match(low, m.end("pair")) is None
        and (prev is None or prev[1] not in _COUNTING)
    )
