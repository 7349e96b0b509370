"""Dates moved: the first promise, the date now expected, a claim per move.

`_MoveReader` gives a draft whose date moved ("planned for June, delayed to
September", "originally slated for H2 2027, will now ship in early 2028") its first
promise (`Draft.first_when`) and the claims recording each move, stated at
publication; a slip with no new date ("delayed indefinitely", "no longer expected
in 2027") is undated now. A move told in the past with no date of its own ("after
the company pushed back production") happened. A statement that gives the one
just before its first promise ("The tunnel will open in 2031. It was originally
due to open in 2028.") or its new date ("The report was due in April. It is now
expected in July.") joins it. Which dates a statement moves between is
`timeline.extract._slips.slip_of`.
`Reader` in `timeline.extract._reader` builds on it.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

import attrs

from timeline._errors import TimelineError
from timeline.dates import When
from timeline.dates._days import to_day
from timeline.dates._find import DateMatch
from timeline.extract._cues import Cue, Look
from timeline.extract._dating import marker_before
from timeline.extract._draft import Draft
from timeline.extract._institutions import institutional
from timeline.extract._reader_dates import _DateReader
from timeline.extract._slips import (
    amount_after,
    given_up,
    now_after,
    now_marked,
    promised_before,
    worked_out,
)
from timeline.extract._text import MAX_SENTENCE, words
from timeline.figures import Source
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
_PAST_FORM: Final = re.compile(r"(?:ha[sd]|have)\s|\w+ed\b|(?:brought|put|set)\b", re.IGNORECASE)
# What a statement opens with when it goes on about the statement just before: a pronoun,
# or "the <noun>" for a noun of that statement ("The plant was originally planned ...").
_GOES_ON: Final = re.compile(
    r"\W*(?:(?:and|but|yet|so|however),?\s+)?(?:(?P<pronoun>it|its|they|this|that|which)\b"
    r"|the\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z][\w-]+)\b(?=\s+(?:now\s+|\w+ly\s+)?"
    r"(?:was|were|had|has|is|are|will|would|expects|says|sees|plans|targets|aims|hopes"
    r"|intends|predicts|forecasts)\b))",
    re.IGNORECASE,
)
# "the jet", "its frigate": what a statement refers back with (up to two lower-case words).
_DEFINITE_NOUNS: Final = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?"
)
# Verbs of expecting and saying: a sentence of these and a date only re-dates.
_SAYING: Final = words(
    """expects expect expected says say said sees see plans plan planned targets target
    aims hopes intends predicts forecasts believes thinks estimates projects guides now
    currently instead originally initially previously once first"""
)
# Nouns news uses for the same thing from one sentence to the next ("four LNG carriers ...
# The vessels were originally due in late 2026"): each word to its family's first word.
_KIN: Final = {
    word: family.split()[0]
    for family in (
        "vessel ship carrier tanker frigate destroyer submarine boat ferry warship",
        "plant factory facility fab gigafactory megafab works mill yard shipyard site refinery"
        " smelter concentrator terminal complex depot warehouse",
        "jet plane aircraft airliner",
        "drug treatment therapy medicine pill injection vaccine candidate",
        "car vehicle suv sedan truck ev",
        "rocket launcher booster",
        "satellite spacecraft probe capsule lander",
        "chip processor accelerator",
        "line railway rail link route tunnel",
        "trial study readout results data topline",
        "deal merger acquisition takeover transaction",
        "listing ipo offering flotation",
        "decision approval ruling verdict",
        "project scheme programme program",
    )
    for word in family.split()
}


def _kin(word: str) -> str:
    """A noun's family, singular: "vessels" and "carriers" are both "vessel".

    >>> _kin("vessels"), _kin("carriers"), _kin("plants"), _kin("revenue")
    ('vessel', 'vessel', 'plant', 'revenue')
    """
    low = word.lower()
    for form in (low, low.removesuffix("s"), low.removesuffix("es")):
        if form in _KIN:
            return _KIN[form]
    return low.removesuffix("s")


# Words of a definite phrase that pick out nothing of the statement before.
_VAGUE: Final = words(
    """first second third new same next last end start year years month months quarter time
    date plan plans company firm group government market industry world country first-ever
    own other such now also then still in on by to for at from of and or with was were is are
    will would had has have been be as that which who"""
)
# Before a slip, what makes it the delay a date came after: "after a delay of", "following
# a one-year postponement".
_AFTER_DELAY: Final = re.compile(
    r"\b(?:after|following|despite|amid)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)
# What comes next, said after a statement: "It will then ship in Europe", "It also plans".
_NEXT: Final = re.compile(
    r"\b(?:then|also|next|afterwards|subsequently|as\s+well|in\s+turn)\b",
    re.IGNORECASE,
)
_WORD: Final = re.compile(r"[a-z][\w-]+")
# Before a date, a verb of saying: the day it was said ("said on Wednesday").
_SAID_ON: Final = re.compile(
    r"\b(?:said|says|announced|confirmed|added|told\s+[a-z]+)\s+(?:(?:late|early)\s+)?"
    r"(?:on\s+)?\Z"
)
# A clause with no subject of its own, going on with the one before in its sentence: "after
# once targeting 2020", "and was originally due in 2028".
_NO_SUBJECT: Final = re.compile(
    r"\W*(?:(?:and|but|after|following|while|having)\s+)*"
    r"(?:(?:once|since|later|first|originally|initially|previously|earlier)\s+)?"
    r"(?:[a-z]+ing|was|were|had|has|is|are|will|would|now\s+[a-z]+s)\b",
    re.IGNORECASE,
)


_AT: Final = re.compile(r"(?:on|in|at|for)\s+", re.IGNORECASE)
_STOP: Final = re.compile(r"[.!?](?=\s|\Z)")


def _note(first: When, text: str, when: When) -> str:
    """ "moved to July", or "brought forward to July" for a date moved earlier."""
    said = _AT.sub("", " ".join(text.split()), count=1) if _AT.match(text) else text
    if when.definitely_before(first):
        return f"brought forward to {said}"
    return f"moved to {said}"


class _MoveReader(_DateReader):
    """First promises and moves (the part of `Reader` about slips)."""

    anchor: When | None
    source: Source | None

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
        if worked_out(first):
            reasons.append(f"first promise worked out from the move {first.text!r}: {first.when}")
        else:
            forward = cue is not None and "forward" in cue.text.lower()
            # the date it moved to: the one now expected, as read (a yearless one too),
            # unless other moves came between
            then = moves[0].when if len(moves) > 1 else when
            first = self._next_to(first, then, forward=forward)
        reasons.append(f"moved: first {first.text!r} ({first.when}), now {when}")
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

    # -- across statements -----------------------------------------------------------

    def _follow_up(self, previous: Draft | None, draft: Draft) -> Draft | None:
        """The statement before, joined with this one when this one says how its date moved.

        "The tunnel will open in 2031. It was originally due to open in 2028.": 2028
        is the first promise of the statement before. "The report was due in April.
        It is now expected in July.": July is its date now. Only when clearly linked:
        the statement just before, expected and not moved already, and this one about
        the same thing (its pronoun, a noun of that statement, or the same actors).
        Returns the joined draft, or None.
        """
        if previous is None or draft.first_when is not None:
            return None
        if previous.first_when is not None:
            return self._same_promise(previous, draft)
        if previous.when.is_undated:
            return None
        same = self._same_subject(previous, draft)
        if not self._same_statement(previous, draft):
            return None  # "It will then ship in Europe in Q3": what it does next, not a move
        mine = self.dates.within(draft.start, draft.end)
        theirs = self.dates.within(previous.start, previous.end)
        if len(theirs) > 1:
            # "said on Wednesday it will deliver ... in the second quarter of 2027": the
            # day it was said is not the statement's date
            theirs = [
                d for d in theirs if not _SAID_ON.search(self.folded, previous.start, d.start)
            ]
        if len(mine) != 1 or len(theirs) != 1:
            return None
        date, old = mine[0], theirs[0]
        open_before = previous.status in (Status.EXPECTED, Status.CONFIRMED)
        how = given_up(self.folded, date, mine, draft.start)
        nameless = not self._own_names(draft)
        if not same and (how in ("original", "no longer") or nameless):
            # "Boeing had originally expected the jet in 2020" after "The first 777X jet
            # will reach Lufthansa in 2027": the jet's first promise, whoever promised it;
            # "The shipyard now expects to deliver the vessel in 2028" after "The vessel
            # was due in 2027", naming no one
            same = self._refers_back(previous, draft, owned=nameless)
        if not same:
            return None
        if how == "was due" and self._redated_after(draft.end):
            # "The frigates were due in 2028. The shipbuilder now expects 2029.": the
            # promise of the sentence after, not the first promise of this one
            return None
        if open_before and how not in (None, "scheduled"):
            # this statement tells the first promise of the one before; without its year
            # ("originally due in the first half"), the one next before the date now
            first = self._next_to(date, previous.when, forward=False).when
            return self._join(previous, draft, first, previous.when, previous.status)
        open_now = draft.status in (Status.EXPECTED, Status.CONFIRMED)
        now = open_now and now_marked(self.folded, date, mine, draft.start)
        figures = bool(draft.observations) or draft.target is not None
        if now and not figures and given_up(self.folded, old, theirs, previous.start) is not None:
            # the statement before told the first promise ("was due in April", read as
            # happened if April is past): this one its new date
            return self._join(previous, draft, old.when, draft.when, draft.status)
        return None

    def _same_subject(self, previous: Draft, draft: Draft) -> bool:
        """Whether ``draft``'s statement is about what ``previous``'s is."""
        m = _GOES_ON.match(self.folded, draft.start, draft.end)
        if m is not None and m.group("pronoun"):
            return True
        if m is not None and m.group("noun"):
            noun = _kin(m.group("noun"))
            if noun in {_kin(w) for w in _WORD.findall(previous.quote.lower())}:
                return True  # "The plant was originally planned ..." after "... plant ..."
            if any(institutional(self.folded, draft.start, m.end("noun"))):
                # "The agency had originally set a date in August" after "the FDA will
                # decide by Oct. 30": the body the statement before named
                return bool(draft.actors) and all(a in previous.actors for a in draft.actors)
            if not self.actors.anaphors(draft.start, m.end("noun")):
                return False  # "The government now expects ...": someone else
            # "The company now expects 2027": the organisation of the statement before, or
            # the one it did not name ("The plant was due in 2026."), saying no more than
            # when ("... now expects to open a store in July" is something new)
            ours = not previous.actors or all(a in previous.actors for a in draft.actors)
            return ours and self._only_when(previous, draft, m.end("noun"))
        own = self._own_names(draft)
        if own:
            return all(a in previous.actors for a in own)
        # no subject of its own, in the same sentence: it goes on with the one before
        one_sentence = not re.search(r"[.!?]\s", self.folded[previous.start : draft.start])
        return one_sentence and _NO_SUBJECT.match(self.folded, draft.start, draft.end) is not None

    def _redated_after(self, at: int) -> bool:
        """Whether the sentence after ``at`` names a date expected "now"."""
        # the next sentence's end, looked for within one sentence's length (linear time)
        stop = _STOP.search(self.folded, at + 1, at + MAX_SENTENCE)
        end = min(len(self.folded), at + MAX_SENTENCE) if stop is None else stop.end()
        found = self.dates.within(at, end)
        return any(now_marked(self.folded, d, found, at) for d in found)

    def _only_when(self, previous: Draft, draft: Draft, at: int) -> bool:
        """Whether ``draft`` after ``at`` says only when ``previous``'s thing happens: a verb
        of expecting and a date ("now expects 2027"), a word standing for that thing ("it",
        "the plant"), or words ``previous`` said ("now says it will open in 2028" after "was
        scheduled to open in 2026"); not something new ("to open a store in July")."""
        if self._refers_back(previous, draft, owned=True):
            return True
        rest = self.folded[at : draft.end]
        for d in self.dates.within(at, draft.end):  # the date's words are no news
            a, b = d.start - at, d.end - at
            rest = rest[:a] + " " * (b - a) + rest[b:]
        said = [w for w in _WORD.findall(rest.lower()) if w not in _VAGUE and w not in _SAYING]
        if any(w in ("it", "its", "them", "they") for w in _WORD.findall(rest.lower())):
            return True
        theirs = {_kin(w) for w in _WORD.findall(previous.quote.lower())}
        return all(_kin(w) in theirs for w in said)

    def _own_names(self, draft: Draft) -> list[str]:
        """The names of ``draft``'s statement, products aside."""
        return [n.text for n in self._names(draft.start, draft.end, draft.start) if not n.thing]

    def _refers_back(self, previous: Draft, draft: Draft, *, owned: bool) -> bool:
        """Whether ``draft`` names with "the" a thing ``previous`` names ("the jet" after "The
        first 777X jet will reach Lufthansa"); with "its" too when ``owned`` (``draft`` names
        no one whose own thing "its" could be: "GM was due to open its plant")."""
        theirs = {_kin(w) for w in _WORD.findall(previous.quote.lower()) if w not in _VAGUE}
        for m in _DEFINITE_NOUNS.finditer(self.folded, draft.start, draft.end):
            if not owned and not m.group().lower().startswith("the"):
                continue
            head = m.group(1)
            phrase = [head] if head in _VAGUE or m.group(2) is None else [head, m.group(2)]
            if {_kin(w) for w in phrase} & theirs:
                return True
        return False

    def _same_promise(self, previous: Draft, draft: Draft) -> Draft | None:
        """``previous`` spanning ``draft`` too when ``draft`` only tells the first promise it
        has already ("..., three years later than planned. The tunnel was originally due to
        open in 2028."); else None."""
        if not self._same_subject(previous, draft):
            return None
        mine = self.dates.within(draft.start, draft.end)
        if len(mine) != 1 or mine[0].when != previous.first_when:
            return None
        if given_up(self.folded, mine[0], mine, draft.start) in (None, "scheduled"):
            return None
        quote = " ".join(self.text[previous.start : draft.end].split())
        cited = None if previous.source is None else attrs.evolve(previous.source, quote=quote)
        return attrs.evolve(
            previous,
            end=draft.end,
            quote=quote,
            source=cited,
            reasons=(*previous.reasons, "the statement after says the same first promise"),
        )

    def _same_statement(self, previous: Draft, draft: Draft) -> bool:
        """Whether ``draft`` says only when ``previous``'s thing happens: not what comes next
        ("then", "also", "next"), nor the same somewhere else ("in Europe" after "in the US"
        or no place)."""
        if _NEXT.search(self.folded, draft.start, draft.end):
            return False
        return draft.location is None or draft.location == previous.location

    def _join(
        self,
        previous: Draft,
        draft: Draft,
        first: When,
        when: When,
        status: Status,
    ) -> Draft | None:
        """``previous`` spanning both statements, first promised ``first``, now ``when``."""
        if first == when:
            return None
        quote = " ".join(self.text[previous.start : draft.end].split())
        note = _note(first, str(when), when)
        reasons = (
            *previous.reasons,
            f"the statement after says how its date moved: first {first}, now {when}",
        )
        claims: tuple[Claim, ...] = ()
        if self.anchor is not None:
            try:
                claims = (Claim(stated=self.anchor, when=when, status=status, note=note),)
            except TimelineError:
                return None
        cited = None if previous.source is None else attrs.evolve(previous.source, quote=quote)
        return attrs.evolve(
            previous,
            when=when,
            status=status,
            # "The frigates were due in 2028. The shipbuilder now expects 2029.": who acts
            actors=previous.actors or draft.actors,
            end=draft.end,
            quote=quote,
            reasons=reasons,
            first_when=first,
            claims=claims,
            source=cited,
        )
