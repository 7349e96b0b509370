"""Dates moved within a statement: the first promise, the date now expected, a claim
per move.

`_SlipReader` gives a draft whose date moved ("planned for June, delayed to September",
"originally slated for H2 2027, will now ship in early 2028") its first promise
(`Draft.first_when`) and the claims recording each move, stated at publication; a slip
with no new date ("delayed indefinitely", "no longer expected in 2027") is undated now.
A move told in the past with no date of its own ("after the company pushed back
production") happened. Which dates a statement moves between is
`timeline.extract._slips.slip_of`; a statement that moves the one before is
`timeline.extract._reader_moves`.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

import attrs

from timeline._errors import TimelineError, quoted
from timeline.dates import When
from timeline.dates._days import to_day
from timeline.dates._find import DateMatch
from timeline.extract._amounts import amount_after, shift_years, worked_out
from timeline.extract._cues import Cue, Look
from timeline.extract._dating import marker_before
from timeline.extract._given_up import missed_after
from timeline.extract._missed import MISS, PAST_MISS
from timeline.extract._reader_dates import _DateReader
from timeline.extract._slips import given_up, now_after, promised_before
from timeline.model import Claim, Status

__all__: list[str] = []

_INDEFINITE: Final = re.compile(
    r"\b(?:indefinitely|until\s+further\s+notice|(?:with|without)\s+(?:no\s+)?(?:a\s+)?new"
    r"\s+(?:date|timeline|timetable))\b",
    re.IGNORECASE,
)
# Before a verb of moving, what makes it a move still to come: "will delay", "could be
# pushed back", "is expected to be postponed", "plans to delay".
_TO_COME: Final = re.compile(
    r"\b(?:will|would|shall|could|should|may|might|must|to|won't|wouldn't|can|cannot)"
    r"\s+(?:not\s+)?(?:\w+ly\s+)?(?:be\s+|have\s+been\s+)?(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
# Before a verb of moving, what makes it a move that may or may not come: "may slip",
# "could be delayed".
_MAY_COME: Final = re.compile(
    r"\b(?:may|might|could|can)\s+(?:not\s+)?(?:still\s+|yet\s+|also\s+)?(?:\w+ly\s+)?"
    r"(?:be\s+)?(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_PAST_FORM: Final = re.compile(r"(?:ha[sd]|have)\s|\w+ed\b|(?:brought|put|set)\b", re.IGNORECASE)
# Before a slip, what makes it the delay a date came after: "after a delay of", "following
# a one-year postponement".
_AFTER_DELAY: Final = re.compile(
    r"\b(?:after|following|despite|amid)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)
_AT: Final = re.compile(r"(?:on|in|at|for)\s+", re.IGNORECASE)
# Between a date and a noun of delay said of it: ", a ", ", another two-year ".
_APPOSED: Final = re.compile(r",\s+(?:a|an|another)\s+(?:[\w-]+\s+){0,3}", re.IGNORECASE)


def _note(first: When, text: str, when: When) -> str:
    """ "moved to July", or "brought forward to July" for a date moved earlier."""
    said = _AT.sub("", " ".join(text.split()), count=1) if _AT.match(text) else text
    if when.definitely_before(first):
        return f"brought forward to {said}"
    return f"moved to {said}"


class _SlipReader(_DateReader):
    """First promises and moves within one statement (the part of `Reader` about slips)."""

    anchor: When | None

    def _indefinite(
        self, found: list[Cue], dates: list[DateMatch], start: int, end: int
    ) -> tuple[Cue, DateMatch] | None:
        """A slip with no new date: the cue and the first promise.

        "delayed indefinitely" after a first promise; "no longer expected in 2027" with
        no date named in its place.
        """
        slip = next((c for c in found if c.slip), None)
        if slip is not None and _INDEFINITE.search(self.folded, slip.end, end):
            earlier = [d for d in dates if d.end <= slip.start]
            return None if not earlier else (slip, earlier[0])
        if (
            slip is not None
            and "forward" not in slip.text.lower()
            and dates
            and all(d.end <= slip.start for d in dates)
            and promised_before(self.folded, start, dates[0])  # not "In March, ... delayed"
            and amount_after(self.folded, slip.end, end)
            # not "will be held in September after a delay of three months": the date now
            and not _AFTER_DELAY.search(self.folded, max(start, slip.start - 40), slip.start)
            # not "though deliveries may slip by three months": a move that may come ("said
            # the deal would slip by six months" is one announced)
            and not _MAY_COME.search(self.folded, max(start, slip.start - 40), slip.start)
            # not "will certify it no earlier than 2028, a delay of two years": the date now,
            # the delay said of it
            and not _APPOSED.fullmatch(self.folded, dates[-1].end, slip.start)
        ):
            # "planned for June, was delayed by a few weeks", "would slip by about six
            # months": moved by an amount not worked out to a date (`slip_of`), no date now
            return slip, dates[0]
        if (
            slip is not None
            and "forward" not in slip.text.lower()
            and len(dates) == 1
            and dates[0].start >= slip.end
            and not dates[0].when.is_interval  # "from March to June": found as one span
            and marker_before(self.folded, dates[0], dates, slip.end) == "from"
        ):
            # "was delayed from late last year", "postponed from March": moved from that
            # date, with none named in its place
            return slip, dates[0]
        how = [given_up(self.folded, d, dates, start) for d in dates]
        cue = next((c for c in found if c.look is Look.FORWARD), None)
        after = missed_after(self.folded, dates[0], dates, start) if dates else None
        if cue is None and after is not None and how[:1] == ["no longer"]:
            # "In 2025, Acme missed the deadline": the miss after the date is the cue (read
            # as a past verb on its own)
            group = "cue" if after["cue"] is not None else "passive"
            cue = Cue(after[group], after.start(group), after.end(group), Look.FORWARD, True)
        if how[:1] == ["no longer"] and all(how) and cue is not None:
            return cue, dates[0]
        if (
            len(dates) == 1
            and how == ["was due"]
            and cue is not None
            and now_after(self.folded, dates[0], end)
        ):
            # "which had signalled a rise by December, now says it will wait": given up,
            # with no date in its place
            return cue, dates[0]
        return None

    def _missed_ahead(self, cue: Cue, date: DateMatch, reasons: list[str]) -> DateMatch:
        """A date said missed ahead of it ("will not make the March deadline", said in May)
        with no year of its own: the next one after publication; else ``date`` as found."""
        # missed already ("missed its deadline of June 30", said on 15 June): the last one
        past = PAST_MISS.fullmatch(cue.text) is not None
        if (
            (re.fullmatch(MISS, cue.text, re.IGNORECASE) is None and not past)
            or self.ref_day is None
            or re.search(r"\d{4}", date.text) is not None  # a year of its own: as read
        ):
            return date
        try:
            ahead = When.parse(
                date.text, reference=self.ref_day, prefer="past" if past else "future"
            )
        except TimelineError:
            return date
        if ahead == date.when:
            return date
        shown = quoted(date.text)
        side = "last one before" if past else "next one after"
        reasons.append(
            f"missed {'already' if past else 'ahead'}: {shown} is the {side} publication, {ahead}"
        )
        return DateMatch(date.text, date.start, date.end, ahead)

    def _past_move(self, cue: Cue | None, dates: list[DateMatch], start: int) -> Cue | None:
        """A move told in the past with no date of its own ("after the company pushed back
        production", "Acme delayed its launch"), or only the date it moved on ("In March,
        Acme delayed production"): it happened, a cue looking back."""
        if cue is None or not cue.slip:
            return None
        if any(
            d.end > cue.start
            or promised_before(self.folded, start, d)
            or given_up(self.folded, d, dates, start) is not None
            for d in dates
        ):
            return None  # a date after it, or one promised: a date moved, not when it moved
        if not _PAST_FORM.match(cue.text):
            return None  # "delays", "is delaying": going on
        if _TO_COME.search(self.folded, max(start, cue.start - 40), cue.start):
            return None  # "will delay", "could be pushed back": still to come
        return attrs.evolve(cue, look=Look.BACK, slip=False)

    def _next_to(self, first: DateMatch, then: When, *, forward: bool) -> DateMatch:
        """A first promise named without its year ("originally slated for January", "had
        promised it before Christmas") as the occurrence next to the date it moved to: the
        last one starting no later (a slip), or the first starting no earlier (brought
        forward). Said on 18 December 2026 and moved to April 2027, "January" is January
        2027, not January 2026; moved from September to July 2026, "September" is
        September 2026. A date with its year, or none on that side, stays as written."""
        ref, to = self.ref_day, then.earliest or then.latest
        if ref is None or to is None or re.search(r"(?<!\d)\d{4}(?!\d)", first.text):
            return first  # with its year: as read ("its 2030 deadline": by 2030)
        found = [first.when]
        ahead = self.weekdays.get(first.start)  # a holiday's or weekday's next one
        if ahead is not None:
            found.append(ahead)
        for prefer in ("past", "future"):
            try:
                found.append(When.parse(first.text, reference=ref, prefer=prefer))
            except TimelineError:
                continue
        # a phrase `When.parse` reads only with its year ("the first half" found as H1 of
        # the reference year): the same a year before and a year after
        years = re.findall(r"(?<!\d)\d{4}(?!\d)", str(first.when))
        if len(years) == 1:
            for step in (-1, 1):
                shifted = str(first.when).replace(years[0], str(int(years[0]) + step))
                try:
                    found.append(When.parse(shifted))
                except TimelineError:
                    continue

        def start(w: When) -> _dt.date | None:
            point = w.earliest or w.latest
            return None if point is None else to_day(point)

        day = to_day(to)
        dated = [(d, w) for w in found if (d := start(w)) is not None]
        if forward:
            after = [(d, w) for d, w in dated if d >= day]
            chosen = min(after, key=lambda p: p[0])[1] if after else first.when
        else:
            before = [(d, w) for d, w in dated if d <= day]
            chosen = max(before, key=lambda p: p[0])[1] if before else first.when
        return first if chosen == first.when else attrs.evolve(first, when=chosen)

    def _moves(
        self,
        moved: tuple[Cue | None, DateMatch, list[DateMatch]],
        when: When,
        status: Status,
        reasons: list[str],
    ) -> tuple[When, tuple[Claim, ...]]:
        """The first promise of a date moved in one statement, and a claim per move.

        The claims are stated at publication (all that the text says of when); with
        no publication date there is no day to state them on, and the draft keeps
        only the date now expected, the first promise in its reasons. A move to an
        earlier date is "brought forward", not a slip.
        """
        cue, first, moves = moved
        if worked_out(first) and moves and moves[-1].when != when:
            # "will open in May, four months behind schedule", said in June: May next year,
            # so the first promise is January of that year too
            found, now = moves[-1].when.earliest, when.earliest
            if found is not None and now is not None and now.year != found.year:
                later = shift_years(first.when, now.year - found.year)
                if later is not None:
                    first = attrs.evolve(first, when=later)
        if worked_out(first):
            reasons.append(
                f"first promise worked out from the move {quoted(first.text)}: {first.when}"
            )
        else:
            forward = cue is not None and "forward" in cue.text.lower()
            # the date it moved to: the one now expected, as read (a yearless one too),
            # unless other moves came between
            then = moves[0].when if len(moves) > 1 else when
            first = self._next_to(first, then, forward=forward)
        reasons.append(f"moved: first {quoted(first.text)} ({first.when}), now {when}")
        if self.anchor is None:
            return first.when, ()
        claims = []
        if not moves:
            claims.append(Claim(stated=self.anchor, when=when, status=status, note="no new date"))
        before = first.when
        for move in moves:
            last = move is moves[-1]
            try:
                claims.append(
                    Claim(
                        stated=self.anchor,
                        when=when if last else move.when,
                        status=status if last else Status.EXPECTED,
                        note=_note(before, move.text, when if last else move.when),
                    )
                )
            except TimelineError:
                continue
            before = move.when
        return first.when, tuple(claims)
