"""A statement that moves the one before: its first promise or its new date.

`_MoveReader` joins a statement that gives the one just before its first promise ("The
tunnel will open in 2031. It was originally due to open in 2028.") or its new date ("The
report was due in April. It is now expected in July."): one draft, first promised 2028,
now 2031. Only when clearly about the same thing: its pronoun, a noun of that statement,
or the same subject. Moves within one statement are `timeline.extract._reader_slips`.
`Reader` in `timeline.extract._reader` builds on it.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from timeline._errors import TimelineError
from timeline.dates import When
from timeline.extract._draft import Draft
from timeline.extract._institutions import institutional
from timeline.extract._reader_slips import _note, _SlipReader
from timeline.extract._slips import (
    given_up,
    now_marked,
)
from timeline.extract._text import MAX_SENTENCE, words
from timeline.figures import Source
from timeline.model import Claim, Status

__all__: list[str] = []

# What a statement opens with when it goes on about the statement just before: a pronoun,
# or "the <noun>" for a noun of that statement ("The plant was originally planned ...").
_GOES_ON: Final = re.compile(
    r"\W*(?:(?:and|but|yet|so|however|though|although|even\s+though|while|whereas),?\s+)?"
    r"(?:(?P<pronoun>it|its|they|this|that|which)\b"
    r"|the\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z][\w-]+)\b(?=\s+(?:now\s+|\w+ly\s+)?"
    r"(?:was|were|had|has|is|are|will|would|expects|says|sees|plans|targets|aims|hopes"
    r"|intends|predicts|forecasts)\b))",
    re.IGNORECASE,
)
# "the jet", "its frigate": what a statement refers back with (up to two lower-case words).
_DEFINITE_NOUNS: Final = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?"
)
# "the MAX 10", "its A350", "the 777X": a model, named by a number or with one.
_DEFINITE_MODEL: Final = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+((?:[A-Z][\w-]*\s+)?(?:[A-Z0-9][\w-]*\d[\w-]*"
    r"|[A-Z]{2,}\s+\d+[\w-]*))"
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


_STOP: Final = re.compile(r"[.!?](?=\s|\Z)")


class _MoveReader(_SlipReader):
    """A statement that goes on with the one before (the part of `Reader` about slips
    across sentences)."""

    anchor: When | None
    source: Source | None

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
            if previous.when.is_undated:
                redated = self._redated_miss(previous, draft)
                if redated is not None:
                    return redated
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
            # the same actors, its subject the subject before: "Mars had hoped to complete
            # the deal" after "The Commission will decide ... a probe of Mars' takeover"
            # is Mars' own promise, not the Commission's
            subject = previous.actors[0] if previous.actors else own[0]
            return all(a in previous.actors for a in own) and (
                own[0] == subject or subject.startswith(f"{own[0]} ")
            )
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
        quote = " ".join(previous.quote.lower().split())
        for m in _DEFINITE_MODEL.finditer(self.folded, draft.start, draft.end):
            if not owned and not m.group().lower().startswith("the"):
                continue
            if re.search(
                rf"(?<![\w-]){re.escape(' '.join(m.group(1).lower().split()))}(?![\w-])", quote
            ):
                return True  # "the MAX 10" after "its first Boeing 737 MAX 10"
        theirs = {_kin(w) for w in _WORD.findall(previous.quote.lower()) if w not in _VAGUE}
        for m in _DEFINITE_NOUNS.finditer(self.folded, draft.start, draft.end):
            if not owned and not m.group().lower().startswith("the"):
                continue
            head = m.group(1)
            phrase = [head] if head in _VAGUE or m.group(2) is None else [head, m.group(2)]
            if {_kin(w) for w in phrase} & theirs:
                return True
        return False

    def _redated_miss(self, previous: Draft, draft: Draft) -> Draft | None:
        """``previous``, a date given up with none in its place ("failed to switch off its 3G
        network in 2026 as planned"), joined with ``draft`` when it names the date now
        ("; the shutdown is now due in June 2027"): about the same thing (`_same_subject`),
        or in the same sentence naming no one new; no figure of its own."""
        mine = self.dates.within(draft.start, draft.end)
        if len(mine) != 1 or previous.first_when is None:
            return None
        if draft.status not in (Status.EXPECTED, Status.CONFIRMED):
            return None
        if draft.observations or draft.target is not None:
            return None  # "It now plans to put 1600 satellites in orbit by 2028": a goal
        if not now_marked(self.folded, mine[0], mine, draft.start):
            return None
        if given_up(self.folded, mine[0], mine, draft.start) not in (None, "scheduled"):
            return None
        one_sentence = not re.search(r"[.!?]\s", self.folded[previous.start : draft.start])
        own = [n for n in self._own_names(draft) if n not in previous.actors]
        if not (self._same_subject(previous, draft) or (one_sentence and not own)):
            return None
        if not self._same_statement(previous, draft):
            return None
        return self._join(previous, draft, previous.first_when, draft.when, draft.status)

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
