"""The dates of a text as `Reader` reads them: fiscal periods, "by then", "not until".

`_DateReader` finds the dates of a text once (`find_dates`, with the weekdays,
seasons and halves of `timeline.extract._weekdays`), reads fiscal periods again
with the fiscal year of the actor they belong to, picks a statement's own dates
(not the day it was said, nor a compared figure's), and qualifies a statement's
date by its words: "by then" is by the date named last, "not before 2033" no
earlier than it, "has until March" a deadline.
`Reader` in `timeline.extract._reader` builds on it.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final, Literal

import attrs

from timeline._errors import TimelineError, quoted
from timeline.dates import Relation, When
from timeline.dates._find import DateMatch, find_dates
from timeline.extract._clauses import Piece, in_aside
from timeline.extract._cues import Cue, Look
from timeline.extract._dating import (
    FISCAL_PHRASE,
    DateIndex,
    compared_tails,
    fiscal_form,
    fiscal_year_of,
    relative_past,
    without_since,
)
from timeline.extract._holidays import holidays
from timeline.extract._reader_said import _SaidReader
from timeline.extract._text import Span
from timeline.extract._weekdays import (
    ago,
    halves,
    month_quarter,
    months_so_far,
    seasons,
    weekdays,
)

__all__: list[str] = []

_BY_THEN: Final = re.compile(
    r"\bby\s+(?:then|that\s+(?:time|date|point|year|deadline))\b", re.IGNORECASE
)
# "not ... before/until X": a date no earlier than X.
_UNTIL: Final = re.compile(r"(?:before|until|till)\s+", re.IGNORECASE)
_UNTIL_BEFORE: Final = re.compile(r"\b(?:before|until|till)\s+$", re.IGNORECASE)
_PAST_NEGATION: Final = re.compile(
    r"\b(?:did|had|was|were)\s+not\b|\b(?:didn|hadn|wasn|weren)'t\b", re.IGNORECASE
)
_GIVEN_UNTIL: Final = re.compile(r"\b(?:has|have|had|given|gets?|got)\s+until\s+$", re.IGNORECASE)
# A number read as a year far from any news's time, right after a capitalised name: the
# name's model number ("the Exynos 2700"), not a date.
_MODEL_NUMBER: Final = re.compile(
    r"(?<![\w-])[A-Z][A-Za-z]+\s+(?:1[0-8]\d\d|2[1-9]\d\d|[3-9]\d\d\d)\Z"
)
# A year before a goal, said as its adjective: "its 2035 goal for offshore wind", "the
# interim 2026 target".
_YEAR_GOAL: Final = re.compile(
    r"\b(?:its|the|their|a|an|this|that)\s+(?:[a-z]+\s+)?(?P<year>20\d\d)\s+"
    # "its 2026 sales target": one noun of what is counted may stand between
    r"(?:[a-z]+\s+)?(?:goal|target|deadline|pledge|ambition|objective)s?\b",
    re.IGNORECASE,
)
# Before a date, a verb of saying: the day it was said ("said on Monday", "told
# reporters on Tuesday").
_SAID_ON: Final = re.compile(
    r"\b(?:said|says|announced|confirmed|added|told\s+[a-z]+)\s+(?:(?:late|early)\s+)?"
    r"(?:on\s+)?$"
)
_SAID_IN: Final = re.compile(
    r"\b(?:said|says|announced|signall?ed|told\s+[a-z]+|added|warned)\s+(?:in|during|last)\s+$"
)
_THAT_AFTER: Final = re.compile(r",?\s+that\b")
_ONLY_SAID: Final = re.compile(
    r"\b(?:said|says|added|told\s+[a-z]+|signall?ed|warned)\s+(?:(?:late|early)\s+)?"
    r"(?:on\s+|in\s+|during\s+|last\s+)?$"
)
# Before a date, "until": a span lasting to it ("will supply power until 2042"), unless a
# verb of moving or waiting makes it where a date moved to ("delayed the launch until 2028").
_LASTING: Final = re.compile(r"\b(?:until|till|through|thru)\s+$", re.IGNORECASE)
_MOVED_TO: Final = re.compile(
    r"\b(?:delay|postpon|push|pushed|pushing|mov(?:e|ed|es|ing)|shift|defer|slip|put\s+off"
    r"|putting\s+off|reschedul|hold(?:s|ing)?\s+off|held\s+off|wait|extend)",
    re.IGNORECASE,
)
_LATER_THAN_TAIL: Final = re.compile(
    r"\b(?:(?:later|earlier|sooner)\s+than|behind|ahead\s+of)\s+[^,;.:()]{0,40}$",
    re.IGNORECASE,
)
# Before a period, what is reported on it: "results for the first quarter", "earnings for
# its fiscal third quarter".
_RESULTS_FOR: Final = re.compile(
    r"\b(?:results|earnings|figures|numbers|accounts)\s+(?:for|of)\s+"
    r"(?:(?:its|the|their)\s+)?(?:fiscal\s+)?$",
    re.IGNORECASE,
)
_AT_LEAST: Final = re.compile(r"\b(?:to|into|until|till)\s+at\s+least\s+$", re.IGNORECASE)
# "no longer expects it before 2031": not before it either
_NEGATION: Final = re.compile(r"\b(?:not|never|no\s+longer)\b|n't\b", re.IGNORECASE)
# A figure for a company's year with no year named: "annual profit", "full-year adjusted
# earnings", "revenue for the full year". The year is the company's current fiscal year;
# not a yearly rate ("annual capacity", "annual recurring revenue").
_ANNUAL: Final = re.compile(
    r"\b(?:(?:annual|full-year|full\s+year|fiscal-year|fiscal\s+year|yearly|whole-year)"
    r"\s+(?:(?:net|gross|operating|adjusted|core|underlying|pre-tax|pretax|organic|total)\s+)?"
    r"(?:profits?|revenues?|sales|earnings|income|ebitda|ebit|margins?|loss(?:es)?|results"
    r"|guidance|turnover|(?:free\s+)?cash\s+flow|capex|capital\s+(?:spending"
    r"|expenditure)|deliveries|shipments)"
    r"|for\s+the\s+(?:full\s+|whole\s+|current\s+)?(?:fiscal\s+|financial\s+)?year"
    # "by the end of its fiscal year": a deadline, the end of the current one
    r"|(?P<by>by\s+the\s+end\s+of\s+(?:its|the|their|this)\s+(?:current\s+)?"
    r"(?:fiscal|financial)\s+year))(?![\w-])",
    re.IGNORECASE,
)


class _DateReader(_SaidReader):
    """Finds and qualifies dates (the part of `Reader` about date phrases)."""

    ref_day: _dt.date | None
    fiscal: dict[str, int]
    weekdays: dict[int, When]
    month_quarters: set[int]
    previous_date: DateMatch | None

    def _own_dates(
        self, piece: Piece, found: list[Cue], lead: DateMatch | None
    ) -> tuple[list[DateMatch], list[Cue], DateMatch | None]:
        """A statement's own dates, its cues, and the lead-in's date if it took that.

        Not a clause's on the past of a thing or a compared figure (whose cues go too),
        nor the day something was said, nor "since 2024"; with none, "by then" is by the
        date named last, and a list item takes its lead-in's date (``lead``).
        """
        start, end = piece.start, piece.end
        dates = [d for d in self.dates.within(start, end) if not in_aside(piece, d.start)]
        # "down from the $40 billion they had announced in 2024": the figure's verb
        tails = compared_tails(self.folded, dates, start)
        # "will expand the plant it opened in 2020 by 2029": the plant's verb and date
        described = relative_past(self.folded, dates, start)
        tails += described
        dates = [d for d in dates if not any(a <= d.start < b for a, b in described)]
        found = [c for c in found if not any(a <= c.start < b for a, b in tails)]
        # "will hire 500 workers by 2028, three years later than the 2025 it had promised":
        # the verb of the promise compared with is not the statement's
        found = [
            c
            for c in found
            if not _LATER_THAN_TAIL.search(self.folded, max(start, c.start - 50), c.start)
        ]
        lead_date = None
        if not dates and lead is not None:
            lead_date = lead  # "- 10,000 AI-plus enterprises" under "targets for 2030:"
            dates = [lead_date]
        said_on = [
            d
            for d in dates
            if _SAID_ON.search(self.folded, max(start, d.start - 30), d.start)
            # "said in March that it would cut rates": when it was said, not the cut
            or (
                _SAID_IN.search(self.folded, max(start, d.start - 30), d.start)
                and _THAT_AFTER.match(self.folded, d.end)
            )
        ]
        # "said on Tuesday it will spend ...": the day of saying, not of what will be done
        # (but "announced on Monday a plan" is the announcement's day)
        only_said = bool(said_on) and _ONLY_SAID.search(
            self.folded, max(start, said_on[-1].start - 30), said_on[-1].start
        )
        ahead = [
            c for c in found if only_said and c.look is Look.FORWARD and c.start >= said_on[-1].end
        ]
        if said_on and (len(said_on) < len(dates) or ahead):
            # "..., the Commission said on Monday": the day it was said, not the statement's;
            # "said on Tuesday it will spend ...": nor the date of what it will do
            dates = [d for d in dates if d not in said_on]
        periods = [
            d for d in dates if _RESULTS_FOR.search(self.folded, max(start, d.start - 40), d.start)
        ]
        if periods and len(periods) < len(dates):
            # "will report results for the first quarter on May 28": the day of reporting,
            # not the period reported on
            dates = [d for d in dates if d not in periods]
        dates = without_since(self.folded, dates, start)  # "delayed twice since 2024"
        if not dates and self.previous_date is not None:
            then = self._by_then(self.previous_date, start, end)
            dates = [] if then is None else [then]
        return dates, found, lead_date

    def _fiscal_statement(
        self, piece: Piece, actors: tuple[str, ...], persons: bool, reasons: list[str]
    ) -> list[DateMatch]:
        """A statement's dates, its fiscal periods read again with its actor's fiscal year.

        The year of the statement's first actor (as a Timeline's fiscal_years are), or
        of the company last named when only persons (``persons``) are named; never
        calendar years: a period with no fiscal year known stays unread, said in
        ``reasons``.
        """
        start, end = piece.start, piece.end
        first = actors[0] if actors else None
        fiscal_start = self._fiscal_of(first)
        if fiscal_start is None and persons:
            # "CFO Amy Hood said capex would rise in fiscal 2027": a person speaks
            # for the company last named, whose fiscal year it is.
            org_start = self._fiscal_of(self.last_org)
            if org_start is not None:
                first, fiscal_start = self.last_org, org_start
        self._redate(start, end, fiscal_start)
        dates = [d for d in self.dates.within(start, end) if not in_aside(piece, d.start)]
        unread = [d.text for d in dates if d.when.is_undated and FISCAL_PHRASE.match(d.text)]
        if unread:
            who = repr(first) if first else "'Actor'"
            reasons.append(
                f"fiscal {', '.join(map(repr, unread))} not read: no fiscal year known for "
                f"{first or 'the statement'} (pass fiscal_years={{{who}: its start month}})"
            )
        elif fiscal_start is not None:
            reasons.append(f"fiscal year of {first}: starts in month {fiscal_start}")
        return dates

    def _find(self, text: str, offset: int, fiscal_start: int | None) -> list[DateMatch]:
        """The dates of ``text`` (at ``offset`` in the text), fiscal periods read with a start.

        A fiscal period that cannot be read (no start) is a date phrase all the
        same, with the undated value: never read as a calendar year.
        """
        found = find_dates(text, reference=self.ref_day, fiscal_year_start=fiscal_start)
        # "the Exynos 2700", "Snapdragon 2500": a model number after a name, not a year
        found = [d for d in found if not _MODEL_NUMBER.search(text, max(0, d.start - 30), d.end)]
        # "its 2035 goal", "the interim 2026 target": the goal's deadline
        goals = [
            DateMatch(m.group("year"), m.start("year"), m.end("year"), When.parse(f"by {year}"))
            for m in _YEAR_GOAL.finditer(text)
            if (year := m.group("year"))
            and not any(
                d.start < m.end("year") and m.start("year") < d.end and d.text != year
                for d in found
            )
        ]
        if goals:
            spans = {(g.start, g.end) for g in goals}
            found = [d for d in found if (d.start, d.end) not in spans]
            found = sorted(found + goals, key=lambda d: d.start)
        unread: list[DateMatch] = []
        for m in FISCAL_PHRASE.finditer(text):
            if any(d.start <= m.start() and m.end() <= d.end for d in found):
                continue  # read whole
            # Read in part ("fiscal Q2 2026" as calendar "Q2 2026", "the second quarter of
            # fiscal 2026" as the whole year) or not at all: read it whole, or leave it undated.
            found = [d for d in found if not (d.start < m.end() and m.start() < d.end)]
            unread.append(
                DateMatch(m.group(), m.start(), m.end(), self._fiscal_when(m.group(), fiscal_start))
            )
        if unread:
            found = sorted(found + unread, key=lambda d: d.start)
        for i, d in enumerate(found):
            quarter = month_quarter(text, d)
            if quarter is not None:  # "the December quarter"
                found[i] = quarter
                self.month_quarters.add(d.start + offset)
        said = holidays(text, self.ref_day, found)  # "before Christmas 2026", "by Lunar New Year"
        if said:
            # the year in "Christmas 2026" is the holiday's
            found = [
                d
                for d in found
                if not any(d.start < h.match.end and h.match.start < d.end for h in said)
            ]
        days = said + weekdays(text, self.ref_day, found + [h.match for h in said])
        days += seasons(text, self.ref_day, found)
        days += halves(text, self.ref_day, found)
        days += ago(text, self.ref_day, found)  # "a year ago"
        so_far = months_so_far(text, self.ref_day, found)
        if so_far:
            found = [
                d
                for d in found
                if not any(w.match.start <= d.start and d.end <= w.match.end for w in so_far)
            ]
            days += so_far
        if days:
            for w in days:
                self.weekdays[w.match.start + offset] = w.forward
            found = sorted(found + [w.match for w in days], key=lambda d: d.start)
        if not offset:
            return found
        return [DateMatch(m.text, m.start + offset, m.end + offset, m.when) for m in found]

    def _fiscal_when(self, phrase: str, fiscal_start: int | None) -> When:
        """A fiscal phrase `find_dates` did not read whole, read in its plain form, or undated."""
        form = fiscal_form(phrase)
        ref = self.ref_day
        if form is None and fiscal_start is not None and ref and not re.search(r"\d", phrase):
            # "its fiscal fourth quarter": of the fiscal year the publication day is in
            form = fiscal_form(f"{phrase} of fiscal {fiscal_year_of(ref, fiscal_start)}")
        if fiscal_start is None or form is None:
            return When.undated()
        read = find_dates(form, reference=self.ref_day, fiscal_year_start=fiscal_start)
        whole = [d for d in read if d.start == 0 and d.end == len(form)]
        return whole[0].when if whole else When.undated()

    def _redate(self, start: int, end: int, fiscal_start: int | None) -> None:
        """Read ``text[start:end]`` again with a fiscal-year start, in place of what was found."""
        kept = [d for d in self.dates.dates if not (start <= d.start < end)]
        self.dates = DateIndex(kept + self._find(self.text[start:end], start, fiscal_start))

    def _fiscal_of(self, actor: str | None) -> int | None:
        return None if actor is None else self.fiscal.get(actor.lower())

    def _fiscal_dates(self, span: Span) -> None:
        """Read a sentence's fiscal periods with its subject's fiscal year, to cut clauses.

        Each statement then reads them with its own first actor's (`_statement`).
        """
        if not self.fiscal or not FISCAL_PHRASE.search(self.text, span.start, span.end):
            return
        names = self._names(span.start, span.end, span.start)
        subject = self._canonical(names[0]).text if names else self.last_org
        fiscal_start = self._fiscal_of(subject)
        if fiscal_start is not None:
            self._redate(span.start, span.end, fiscal_start)

    def _this_fiscal_year(
        self, actor: str | None, start: int, end: int, reasons: list[str]
    ) -> DateMatch | None:
        """ "expects annual profit of $2bn": the current fiscal year of ``actor`` (the one
        the publication day falls in), as a date phrase; undated, with the reason, when its
        fiscal year is not known (never a calendar year, as with "fiscal 2026"); None when
        the statement names no year of a company's figures."""
        m = _ANNUAL.search(self.folded, start, end)
        if m is None:
            return None
        phrase = m.group()
        fiscal_start = self._fiscal_of(actor)
        if fiscal_start is None or self.ref_day is None:
            who = repr(actor) if actor else "'Actor'"
            reasons.append(
                f"{quoted(phrase)}: the current fiscal year of {actor or 'the company'}, not read: "
                f"no fiscal year known (pass fiscal_years={{{who}: its start month}})"
            )
            return DateMatch(phrase, m.start(), m.end(), When.undated())
        ref = self.ref_day
        year = fiscal_year_of(ref, fiscal_start)
        found = find_dates(f"fiscal {year}", reference=ref, fiscal_year_start=fiscal_start)
        if len(found) != 1:
            return None
        when = found[0].when
        last = when.latest
        if m.group("by") and last is not None:
            when = When.month(last.year, last.month).by()  # its last month, at the latest
        reasons.append(f"{quoted(phrase)}: the current fiscal year of {actor}, {when}")
        return DateMatch(phrase, m.start(), m.end(), when)

    def _by_then(self, previous: DateMatch, start: int, end: int) -> DateMatch | None:
        """ "by then", "by that time": by the end of the date named last."""
        m = _BY_THEN.search(self.folded, start, end)
        if m is None or previous.when.is_undated:
            return None
        try:
            when = When.parse(f"by {previous.when}")
        except TimelineError:
            return None
        return DateMatch(m.group(), m.start(), m.end(), when)

    def _negated(
        self, date: DateMatch, start: int, reasons: list[str], *, look: Look | None = None
    ) -> DateMatch:
        """ "will not run before 2033", "won't open until 2028", "delayed to at least 2028":
        no earlier than that date; a date with no year in a statement looking forward
        the next one ("will not launch before March", said in May). Told in the past,
        "did not launch until March" is March: it happened then."""
        m = _UNTIL.match(date.text)
        head = self.folded[start : date.start]
        forward = look is Look.FORWARD
        prefer: Literal["future", "current"] = "future" if forward else "current"
        if (
            forward
            and date.when.relation in (Relation.NOT_BEFORE, Relation.AFTER)
            and self.ref_day is not None
            and date.when.earliest is not None
            and date.when.earliest < self.ref_day
            and not re.search(r"\d{4}", date.text)
        ):
            # "will stay shut until at least March", said in May: next March
            try:
                next_one = When.parse(date.text, reference=self.ref_day, prefer="future")
            except TimelineError:
                next_one = date.when
            date = DateMatch(date.text, date.start, date.end, next_one)
        if _AT_LEAST.search(head[-16:]) and not date.when.is_interval:
            # "delayed to at least 2028": no earlier than it
            try:
                when = When.parse(
                    f"no earlier than {date.text}", reference=self.ref_day, prefer=prefer
                )
            except TimelineError:
                return date
            reasons.append(f"at least {quoted(date.text)}: no earlier than it")
            return DateMatch(date.text, date.start, date.end, when)
        if m is None:
            m = _UNTIL_BEFORE.search(head)
            if m is None:
                return date
            bare = date.text
        else:
            bare = date.text[m.end() :]
        clause = re.split(r"[,;]", head)[-1]
        if not _NEGATION.search(clause):
            if _GIVEN_UNTIL.search(head):
                # "has until the end of March to agree a deal": a deadline
                try:
                    when = When.parse(f"by {bare}", reference=self.ref_day, prefer="future")
                except TimelineError:
                    return date
                reasons.append(f"{quoted(date.text)} is a deadline given: {when}")
                return DateMatch(date.text, date.start, date.end, when)
            return date
        past = look is Look.BACK or _PAST_NEGATION.search(clause) is not None
        if past and m.group().strip().lower() in ("until", "till"):
            reasons.append(f"not until {quoted(date.text)}, told in the past: it happened then")
            return date
        try:
            when = When.parse(f"no earlier than {bare}", reference=self.ref_day, prefer=prefer)
        except TimelineError:
            # a phrase `When.parse` does not read ("before Christmas"): its day, no earlier,
            # read back and forward as the phrase is
            negated = _no_earlier(date.when)
            if negated is None:
                return date
            when = negated
            ahead = self.weekdays.get(date.start)
            if ahead is not None:
                self.weekdays[date.start] = _no_earlier(ahead) or ahead
        reasons.append(f"negated {quoted(date.text)}: no earlier than it")
        return DateMatch(date.text, date.start, date.end, when)

    def _lasting(self, date: DateMatch, when: When, start: int, reasons: list[str]) -> When:
        """ "will supply power until 2042": a span lasting to the end of the date, its start
        not said (``when`` is the date as read); else ``when``.

        Not after a negation ("will not launch until 2028": no earlier than it), "has
        until" (a deadline) or a verb of moving ("delayed the launch until 2028": 2028).
        """
        head = self.folded[max(start, date.start - 12) : date.start]
        clause = re.split(r"[,;]", self.folded[start : date.start])[-1]
        if (
            not _LASTING.search(head)
            or when.is_interval
            or when.earliest is None
            or when.relation is not Relation.ON
            or _NEGATION.search(clause)
            or _GIVEN_UNTIL.search(head)
            or _MOVED_TO.search(clause)
        ):
            return when
        try:
            # "until the end of 2029" is until 2029; read in the date's own year
            lasting = When.parse(f"until {date.text}", reference=when.earliest)
        except TimelineError:
            lasting = None
        if lasting is None or lasting.latest != when.latest:
            try:
                lasting = When.interval("open", when)
            except TimelineError:
                return when
        reasons.append(f"until {quoted(date.text)}: a span lasting to it, {lasting}")
        return lasting


def _no_earlier(when: When) -> When | None:
    """ "before"/"by"/"until" a day, negated: no earlier than that day; or None."""
    plain = attrs.evolve(when, relation=Relation.ON)
    if when.relation not in (Relation.BEFORE, Relation.BY) or plain.is_interval:
        return None
    try:
        return plain.not_before()
    except TimelineError:
        return None
