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

Dates in numbers ("25/04/2026", "03/04/2026") are read as far as they are sure
(see `timeline.dates._numeric`): one day, one of two days, or nothing.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Literal

import attrs

from timeline._errors import WhenError, WhenParseError, quoted
from timeline.dates._find_patterns import (
    ALT_WORD,
    ALTERNATIVES,
    ANNOUNCED_ON,
    CANDIDATE,
    CLAUSE_OPENS,
    FUTURE_AFTER,
    FUTURE_BEFORE,
    ISO_START,
    JOIN,
    MAY_WORDS,
    ORDINAL_WORDS,
    PLAIN,
    PREV_WORD,
    RELATION,
    SCHEDULED_FOR,
    SEASONS,
    SUPERLATIVE_BEFORE,
)
from timeline.dates._find_years import plausible_pair, plausible_year
from timeline.dates._fiscal import fiscal_start
from timeline.dates._numeric import numeric_edtf
from timeline.dates._parse import check_options, parse
from timeline.dates._parse_phrase import fold
from timeline.dates._parse_time import day_span
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
    if not isinstance(text, str):
        reason = f"find_dates: expected text (a str), got {type(text).__name__}"
        raise WhenParseError(quoted(text), reason)
    ref = check_options(reference, prefer)
    fiscal = _Fiscal(fiscal_start_or_raise(fiscal_year_start), fiscal_year_named_by)
    scan = _Scan(text, _lower(text), ref, prefer, fiscal)
    spans: list[_Span] = []
    for m in CANDIDATE.finditer(scan.low):
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
            if (
                spans[i + 1].fiscal
                and scan.joined(spans[i], spans[i + 1])
                and not scan.names_its_year(spans[i])
            ):
                i += 2  # "Q3-Q4 FY2027" without a fiscal year: not "Q3" of the calendar
                continue
            if scan.alternatives(spans[i], spans[i + 1]):
                spans[i : i + 2] = scan.in_named_year(spans[i : i + 2])
        match = spans[i].match
        if match is not None:
            found.append(match)
        i += 1
    return [m for k, m in enumerate(found) if not scan.announced_later(m, found[k + 1 : k + 2])]


_TWO_DIGITS = re.compile(r"\d\d")


def _lower(text: str) -> str:
    """Lower-cased text with unified dashes, the same length as ``text`` (spans stay valid)."""
    low = fold(text)
    if len(low) == len(text):
        return low
    return "".join(fold(c) if len(fold(c)) == 1 else "?" for c in text)


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

    def read(
        self, start: int, end: int, said: str | None = None, *, reference: _dt.date | None = None
    ) -> DateMatch | None:
        """``text[start:end]`` as `When.parse` reads it (or ``said``, its rewording), or
        ``None``; ``reference``: a day of the year a part of an alternative is in."""
        words = self.text[start:end]
        try:
            when = parse(
                words if said is None else said,
                reference=self.reference if reference is None else reference,
                prefer=self.prefer if reference is None else "current",
                fiscal_year_start=self.fiscal.start,
                fiscal_year_named_by=self.fiscal.named_by,
            )
        except WhenParseError:
            return None
        return DateMatch(words, start, end, when)

    def candidate(self, m: re.Match[str]) -> list[_Span]:
        """What one match of `CANDIDATE` gives: one span, or the parts of a refused one."""
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
        if m["num"] is not None:
            return self._numeric(m, start)
        if not self._plausible(m, start):
            if m["mrel"] is not None:  # "we may next year": the verb, then "next year"
                read = self.read(m.start("mrel"), m.end())
                return [] if read is None else [_Span(read.start, read.end, read)]
            return self._parts(m) if alt else []
        read = self.read(start, m.end())
        if read is not None:
            return [_Span(start, m.end(), read)]
        day = day_span(self.text[start : m.end()])
        if day is not None:  # a time When.parse refuses ("9 a.m. EST" in July): the day alone
            read = self.read(start + day[0], start + day[1])
            if read is not None:
                return [_Span(read.start, read.end, read)]
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

    def _numeric(self, m: re.Match[str], start: int) -> list[_Span]:
        """A numeric date ("by 25/04/2026"): its words with the date as EDTF, or without
        the words around it; nothing when it names no day (not its year either)."""
        edtf = numeric_edtf(self.low[m.start("num") : m.end("num")])
        if edtf is None:
            return []
        for at in (start, m.start("num")):
            said = self.text[at : m.start("num")] + edtf + self.text[m.end("num") : m.end()]
            read = self.read(at, m.end(), said)
            if read is not None:
                return [_Span(at, m.end(), read)]
        return []

    def _parts(self, m: re.Match[str]) -> list[_Span]:
        """The dates inside a match, found without alternatives ("1H or 2H 2026": "2H 2026")."""
        return self.in_named_year(
            [
                span
                for part in PLAIN.finditer(self.low, m.start(), m.end())
                for span in self.candidate(part)
            ]
        )

    def in_named_year(self, spans: list[_Span]) -> list[_Span]:
        """Alternatives ``spans`` (joined by "or", "and" or commas) with each part that has
        no year read in the year the last one names, as `When.parse` reads "April or May
        2027": "late March or early April 2026" is late March 2026, whatever the reference."""
        named = next((p.match for p in reversed(spans) if self.names_its_year(p)), None)
        day = None if named is None else (named.when.earliest or named.when.latest)
        if day is None or isinstance(day, _dt.datetime):
            return spans
        out = list(spans)
        assert named is not None
        for k, part in enumerate(out):
            if part.match is not None and not self.names_its_year(part):
                read = self.read(part.start, part.end, reference=day)
                if read is not None and named.when.definitely_before(read.when):
                    # "late December or early January 2027": which December is not
                    # guessed, as `When.parse` refuses "Q4 or Q1 2027"
                    out[k] = _Span(part.start, part.end, None)
                elif read is not None:
                    out[k] = _Span(read.start, read.end, read)
        return out

    def _capitals(self, start: int, end: int) -> bool:
        """Whether the parts of an alternative are written as dates: "Q3", "2H", "April", "spring".

        Quarters and halves need their capital letter and months their capital
        ("may or May 2026" is no alternative); seasons are written in lower case.
        """
        for a in ALT_WORD.finditer(self.low, start, end):
            word = self.text[a.start() : a.end()]
            if a[0] in SEASONS or a[0] in ORDINAL_WORDS:
                continue
            short = any(c.isdigit() for c in word)
            if not (word.isupper() if short else word[0].isupper()):
                return False
        return True

    def _plausible(self, m: re.Match[str], start: int) -> bool:
        text, low = self.text, self.low
        relation = RELATION.search(m["pre"]) is not None or (
            m["net"] is not None and start == m.start()
        )
        if m["year"] is not None and not m["mod"] and not relation and m["alt"] is None:
            # A bare number, perhaps after "about": a year only if it reads as one.
            return plausible_year(text, low, m.start("core"), m.end("core"))
        if m["pair"] is not None:
            return plausible_pair(low, m)
        if m["ahead"] is not None:  # "expected in 18 months", not "the first cut in four years"
            before = max(0, start - 70)
            if SUPERLATIVE_BEFORE.search(low, before, start) is not None:
                return False
            return FUTURE_BEFORE.search(low, before, start) is not None or (
                # "In 18 months, the plant will open": opening its clause, looking forward
                CLAUSE_OPENS.search(low, before, start) is not None
                and FUTURE_AFTER.match(low, m.end()) is not None
            )
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
            prev = PREV_WORD.search(low, max(0, at - 20), at)
            return relation or (prev is not None and prev[1] in MAY_WORDS | {"at", "around"})
        if m["mrel"] is not None:  # "December last year": the month capitalised
            return text[m.start("month")].isupper()
        if m["month"] is not None and m["my"] is None and not m["mod"]:
            word = text[m.start("core") : m.end("core")]
            if m["alt"] is not None:  # "April or May": the last month capitalised too
                return word[:1].isupper()
            if word.lower() == "may":
                at = m.start("core")
                prev = PREV_WORD.search(low, max(0, at - 20), at)
                if word[0] != "M" or prev is None:
                    return False
                # "slated for May", "set for May": a schedule; "support for May" is not
                return prev[1] in MAY_WORDS or bool(SCHEDULED_FOR.search(low, max(0, at - 30), at))
            # spelled out and capitalised: "an April release", not "apr" or "march on"
            return word[:1].isupper() and len(word.rstrip(".")) >= 4
        return m["q"] is None or text[m.start("q")] == "Q"

    def names_its_year(self, span: _Span) -> bool:
        """Whether a found span reads without the reference ("H2 2026", not "Q3")."""
        if span.match is None or _TWO_DIGITS.search(span.match.text) is None:
            return False  # a year takes two digits at least: "Q3", "late March" name none
        try:
            parse(span.match.text)
        except WhenParseError:
            return False
        return True

    def alternatives(self, first: _Span, second: _Span) -> bool:
        """Whether only "or" or "and" stand between two spans."""
        return ALTERNATIVES.fullmatch(self.low, first.end, second.start) is not None

    def joined(self, first: _Span, second: _Span) -> bool:
        """Whether only "to", a dash, "or" or "and" stand between two spans."""
        return JOIN.fullmatch(self.low, first.end, second.start) is not None

    def join(self, first: _Span, second: _Span) -> DateMatch | None:
        """Two neighbouring dates joined by "to", a dash, "or", or "and" (after "between")."""
        start = first.start
        gap = self.low[first.end : second.start]
        if gap == "/" and all(ISO_START.match(self.low, p.start) for p in (first, second)):
            return self.read(start, second.end)  # an ISO 8601 interval: "2026-04/2026-06"
        if not JOIN.fullmatch(gap):
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
            and ANNOUNCED_ON.fullmatch(self.low, m.end, following[0].start) is not None
        )
