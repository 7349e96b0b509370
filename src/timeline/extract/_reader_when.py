"""The date and status of one statement: its own date, one inherited, or publication.

`_WhenReader._when_status` weighs a statement's date against its cue and the
publication date (the anchor): expected, confirmed or happened, cut at
publication when it happened; a statement with no date of its own takes that of
the statement before it naming the same thing ("the forum"), or publication.
`Reader` in `timeline.extract._reader` builds on it.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

from timeline._errors import TimelineError, quoted
from timeline.dates import Precision, Relation, When
from timeline.dates._find import DateMatch, find_dates
from timeline.extract._actors import Actors
from timeline.extract._cues import Cue, Look
from timeline.extract._dating import (
    FISCAL_PHRASE,
    after,
    before,
    fiscal_form,
    fiscal_year_of,
    onwards,
    runs_past,
    until,
)
from timeline.extract._draft import Draft
from timeline.extract._weekdays import quarter_ending
from timeline.model import Status

__all__: list[str] = []

_QUARTER_WORD: Final = re.compile(r"\s+quarter$", re.IGNORECASE)
_YEAR: Final = re.compile(r"\d{4}|'\d{2}\b")
# A plan's yearless day at most this many days before publication keeps its year.
_SLIP_DAYS: Final = 14
_PRESENT: Final = re.compile(r"\b(?:is|are)\b")
_SINCE: Final = re.compile(r"\bsince\s+$", re.IGNORECASE)
_BEFORE_WORDS: Final = re.compile(r"\W*(?:following|after)\b", re.IGNORECASE)
# A rule's start told in the present: "takes effect", "comes into force".
_STARTS_AHEAD: Final = re.compile(
    r"\b(?:takes?|comes?|enters?|goes?)\s+(?:into\s+)?(?:effect|force)\b", re.IGNORECASE
)
_DEFINITE: Final = re.compile(r"\W*the\s+([a-z]+)(?:'s?)?\b", re.IGNORECASE)


def _deadline(when: When) -> bool:
    """Whether a date is a deadline ("by 2030", "before May"): no first day of its own."""
    return when.earliest is None and when.relation in (Relation.BY, Relation.BEFORE)


# A verb that moves a date, and "into"/"to" before the date it moved to: "pushed the release
# into fiscal 2028-29".
_MOVE_VERB: Final = re.compile(r"(?:push|mov|shift|delay|postpon|slipp?|defer|bump)", re.I)
_INTO: Final = re.compile(r"\b(?:into|to|until)\s+$", re.IGNORECASE)


class _WhenReader:
    """Dates a statement (the part of `Reader` about when and the status)."""

    folded: str
    anchor: When | None
    ref_day: _dt.date | None
    actors: Actors
    last_dated: tuple[frozenset[str], When] | None
    weekdays: dict[int, When]
    month_quarters: set[int]
    looked_ahead: dict[int, When]  # a date said without its year, read as the next one

    def _when_status(
        self,
        date: DateMatch | None,
        look: Look | None,
        cue: Cue | None,
        reasons: list[str],
        start: int,
        end: int,
    ) -> tuple[When, Status, bool]:
        anchor = self.anchor
        conflict = False
        if cue is not None and cue.absolute and look is Look.BACK:
            look = None  # "..., with two plants completed by 2029": the date says
            reasons.append(f"{quoted(cue.text)} after 'with': no tense of its own, the date says")
        if date is not None:
            when = date.when
            # "had promised a decision by January": the January before, as promised then
            promised = cue is not None and cue.promised
            ahead = self.weekdays.get(date.start)
            present = look in (None, Look.CURRENT) and _PRESENT.search(self.folded, start, end)
            if (
                ahead is not None
                and (look is Look.FORWARD or present)
                and not date.text.lower().startswith("last")
            ):
                # "will report on Tuesday", "a backup is available on Wednesday": the next one
                when = ahead
            reasons.append(f"date {quoted(date.text)} -> {when}")
            if look is Look.BACK and after(when, anchor):
                when = self._last_before(date, when, anchor, reasons)
            elif look is Look.FORWARD and before(when, anchor) and not promised:
                when = self._next_after(date, when, anchor, reasons)
            if when.is_undated:
                # "TBD" is a date still to come; a fiscal period not read follows the cue,
                # unless it is where a date moved to ("pushed the release into fiscal
                # 2028-29": still expected)
                moved = cue is not None and (
                    cue.slip
                    or (
                        _MOVE_VERB.match(cue.text) is not None
                        and _INTO.search(self.folded, max(start, date.start - 10), date.start)
                        is not None
                    )
                )
                past = (look is Look.BACK and not moved) or (
                    look is Look.REPORT and FISCAL_PHRASE.match(date.text)
                )
                status = Status.HAPPENED if past else Status.EXPECTED
                return when, status, conflict
            if after(when, anchor) or (look is Look.FORWARD and not before(when, anchor)):
                status = Status.EXPECTED
                if look is Look.BACK:
                    conflict = True
                    reasons.append("looks back but the date is after publication")
                firm = cue is not None and cue.firm
                fine = when.precision in (Precision.DAY, Precision.MINUTE, Precision.SECOND)
                if firm and fine and when.relation is Relation.ON:
                    status = Status.CONFIRMED
            elif look is Look.FORWARD and not _SINCE.search(
                self.folded, max(0, date.start - 8), date.start
            ):
                status = Status.EXPECTED
                conflict = True
                reasons.append("looks forward but the date is before publication")
            elif look is None and anchor is not None and runs_past(when, anchor):
                status = Status.EXPECTED
            elif look is Look.REPORT and _deadline(when) and runs_past(when, anchor):
                # "The target, officials said, is 500 GW by 2030": a deadline still to
                # come is a promise reported, not an event that happened.
                status = Status.EXPECTED
            else:
                status = Status.HAPPENED
                since = _SINCE.search(self.folded, max(0, date.start - 8), date.start)
                if since is not None and anchor is not None:
                    # "has risen 25% since January": from then to publication
                    span = until(anchor, when)
                    if span is not None:
                        reasons.append(
                            f"since {quoted(date.text)}: from then to publication, {span}"
                        )
                        when = span
                elif anchor is not None and runs_past(when, anchor):
                    cut = until(anchor, when)
                    if cut is not None:
                        reasons.append(f"happened, so no later than publication: {cut}")
                        when = cut
            if when.precision is not Precision.MIXED or when.earliest is not None:
                names = self.actors.names(start, end, start)
                words = frozenset(
                    n.text.split()[-1].lower() for n in names if len(n.text.split()) > 1
                )
                self.last_dated = (words, when)
            return when, status, conflict
        status = Status.EXPECTED if look is Look.FORWARD else Status.HAPPENED
        if look is Look.REPORT and _STARTS_AHEAD.search(self.folded, start, end):
            # "said the order takes effect 90 days after signing": a start still to come
            status = Status.EXPECTED
        inherited = self._inherited(start)
        if inherited is not None:
            reasons.append(
                f"no date of its own: that of the {inherited[0]} just before, {inherited[1]}"
            )
            when = inherited[1]
            return when, status, conflict
        if anchor is None:
            reasons.append("no date of its own, and no reference date: date not announced")
            return When.undated(), status, conflict
        if status is Status.EXPECTED:
            when = onwards(anchor)
            reasons.append(f"no date of its own: expected from publication onwards ({when})")
        elif _BEFORE_WORDS.match(self.folded, start, end):
            when = until(anchor, None) or anchor
            reasons.append(f"no date of its own: before another event, so by publication ({when})")
        else:
            when = anchor
            reasons.append(f"no date of its own: reported as news at publication ({when})")
        return when, status, conflict

    def _last_before(
        self, date: DateMatch, when: When, anchor: When | None, reasons: list[str]
    ) -> When:
        """A past event's month or day said without a year: the last one before publication.

        "Acme launched the phone in November", published in March 2026, is November
        2025; "this December" and dates with a year stay as written.
        """
        if self.ref_day is None:
            return when
        if FISCAL_PHRASE.match(date.text):
            # "expects sales to rise in its fiscal first quarter", said after it ended: the
            # next fiscal year's; a fiscal period with its year stays as written
            return self._next_fiscal(date, when, anchor, reasons)
        quarter = date.start in self.month_quarters
        text = _QUARTER_WORD.sub("", date.text) if quarter else date.text
        try:
            past = When.parse(text, reference=self.ref_day, prefer="past")
        except TimelineError:
            return when
        if quarter:
            past = quarter_ending(past)  # "the December quarter", the last one
        if past == when or after(past, anchor):
            return when
        reasons.append(
            f"looks back: {quoted(date.text)} is the last one before publication, {past}"
        )
        return past

    def _next_after(
        self, date: DateMatch, when: When, anchor: When | None, reasons: list[str]
    ) -> When:
        """A plan's month, quarter, half or day said without a year: the next one after
        publication.

        "will publish its guidance in the first quarter", said in November 2025, is Q1
        2026, and "will report on January 28", said in October, next January's. Dates
        with a year stay as written, as does a day only days before publication ("on
        Jan. 30" said on 3 February: the publication day is the likelier slip); both
        are flagged as a plan dated before publication.
        """
        if self.ref_day is None:
            return when
        if FISCAL_PHRASE.match(date.text):
            # "expects sales to rise in its fiscal first quarter", said after it ended: the
            # next fiscal year's; a fiscal period with its year stays as written
            return self._next_fiscal(date, when, anchor, reasons)
        if date.start in self.month_quarters:
            return when  # "the December quarter": its own reading
        if when.precision in (Precision.DAY, Precision.MINUTE, Precision.SECOND):
            # "will report on January 28" said in October is next January's; said a few
            # days after it, the publication day is the likelier slip: kept as written
            day = when.latest
            if (
                _YEAR.search(date.text) is not None
                or day is None
                or (self.ref_day - _dt.date(day.year, day.month, day.day)).days <= _SLIP_DAYS
            ):
                return when
        try:
            ahead = When.parse(date.text, reference=self.ref_day, prefer="future")
        except TimelineError:
            return when
        if ahead == when or before(ahead, anchor):
            return when
        reasons.append(
            f"looks forward: {quoted(date.text)} is the next one after publication, {ahead}"
        )
        self.looked_ahead[date.start] = ahead
        return ahead

    def _next_fiscal(
        self, date: DateMatch, when: When, anchor: When | None, reasons: list[str]
    ) -> When:
        """A fiscal part said without its year ("its fiscal first quarter"), already over at
        publication, in a plan: the same part of the next fiscal year."""
        if re.search(r"\d", date.text) or when.fiscal is None or when.latest is None:
            return when
        year = fiscal_year_of(when.latest, when.fiscal.start) + 1
        form = fiscal_form(f"{date.text} of fiscal {year}")
        if form is None:
            return when
        found = find_dates(form, reference=self.ref_day, fiscal_year_start=when.fiscal.start)
        if len(found) != 1 or before(found[0].when, anchor):
            return when
        ahead = found[0].when
        reasons.append(
            f"looks forward: {quoted(date.text)} is the next one after publication, {ahead}"
        )
        return ahead

    def _in_order(
        self, date: DateMatch, when: When, previous: Draft | None, reasons: list[str]
    ) -> When:
        """An item of a list of dates with no year ("in March and in June", said in May):
        not before the item before it, so the next one after it."""
        if previous is None or _YEAR.search(date.text):
            return when
        first = previous.when.earliest
        if first is None or when.latest is None:
            return when
        if isinstance(first, _dt.datetime):
            first = first.date()
        if when.latest >= first:
            return when
        try:
            later = When.parse(date.text, reference=first, prefer="future")
        except TimelineError:
            return when
        reasons.append(f"{quoted(date.text)} after {previous.when} in its list: {later}")
        return later

    def _inherited(self, start: int) -> tuple[str, When] | None:
        """ "The forum ..." after a dated statement naming a forum: that statement's date."""
        if self.last_dated is None:
            return None
        m = _DEFINITE.match(self.folded, start)
        if m is None or m.group(1).lower() not in self.last_dated[0]:
            return None
        return m.group(1).lower(), self.last_dated[1]
