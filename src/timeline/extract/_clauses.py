"""Cutting a sentence into statements (the drafts' titles and ids: `timeline.extract._titles`).

A sentence is cut where it joins two statements: at ";", at ", and" / "and"
before a cue ("is in testing and slated for April"), at ", while", ", following",
", after", "but", after a leading "When ...," clause, before "aiming"/"targeting"
("announced a plan aiming for ..."), and before ", which sets/aims/calls for ..."
("published a plan, which sets a target of 500 GW by 2030"), before ", with" and a
state ("..., with all four running by around 2035", "..., with two completed by 2029") when
both sides have a date of their own. Otherwise a cut is made only when both sides stand as
statements (a strong cue, or a cue with a date or a figure), or when both sides carry a date
of their own and are joined by "and" or ";" (but not "and then to 2023", which goes on with
the same verb). No cut before "now" after a date given up: "initially planned for April but
is now set for May" is one statement. Never inside a quotation.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import attrs

from timeline.extract._asides import asides
from timeline.extract._cues import SLIP_WORD, Cue, Look, bare_past, cues, listed_cues
from timeline.extract._dating import DateIndex
from timeline.extract._figures import figures
from timeline.extract._institutions import institution_names
from timeline.extract._places import is_place
from timeline.extract._quotes import inside
from timeline.extract._slips import given_up
from timeline.extract._text import Span

__all__ = [
    "Piece",
    "clauses",
    "in_aside",
    "without_aside",
]

_CUT: Final = re.compile(
    r";\s+"
    r"|,\s+and(?:,\s*\w+,)?\s+"
    r"|\s+and\s+(?:also\s+)?"
    r"|,\s+(?=(?:while|whereas|but|following|after|though|although|even\s+though)\s)"
    r"|\s+but\s+"
    r"|\s+(?=(?:aiming|targeting)\b)"
    r"|,\s+(?=which\s+(?:sets?|aims?|calls?\s+for|targets?|envisages?|foresees?)\b)"
    r"|,\s+(?=then\s)"
    r"|,\s+(?=with\s)"
    # a list of places, each with its date: "in Japan in 2027, Germany in 2028"
    r"|,\s+(?=(?:the\s+)?(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)?\s+(?:in|by)\s)"
    # "..., Musk said, adding that a crewed flight could follow in 2031": a second statement
    r"|,\s+(?=(?:adding|saying|noting|warning|stressing|explaining|predicting)\s+that\s)",
    re.IGNORECASE,
)
# A list item after the first: a place and its date ("Germany in 2028", "the UK by 2030").
_PLACE_ITEM: Final = re.compile(
    r"(?:the\s+)?(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+(?:in|by)\s"
)
# The first item: "in" a place and its date ("open data centers in Japan in 2027").
_IN_PLACE: Final = re.compile(
    r"\s(?P<in>in)\s+(?:the\s+)?(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+(?:in|by)\s"
)
_CONTRAST: Final = re.compile(r"(?:though|although|even\s+though|whereas)\s", re.IGNORECASE)
_SAID_THAT: Final = re.compile(
    r"(?:adding|saying|noting|warning|stressing|explaining|predicting)\s+that\s", re.IGNORECASE
)
# ", with all four running by around 2035": "with", what (a few words), and its state, a
# participle or an adjective of working order: with a date of its own, a second promise.
_WITH_STATE: Final = re.compile(
    r"with\s+(?:[\w'-]+\s+){1,6}?"
    r"(?:(?!(?:funding|financing|spending|pricing|housing|training|during|including|according"
    r"|morning|evening|thing|something|nothing|everything|spring|string|building|meeting"
    r"|offering|opening|listing|filing|hearing|ruling|rating|timing|planning|manufacturing"
    r"|shipping|marketing|licensing|engineering|mining|testing)\b)[a-z]{2,}ing(?!\s+of\b)"
    # a past participle ("with two plants completed by 2029", "with deliveries expected in
    # 2029", "with the second built by 2031"): its own date says whether done or to come
    r"|(?!(?:hundred|need|speed|seed|bed|red|shed|feed|breed|limited|related|based|dedicated"
    r"|advanced|detailed|listed|united|red)\b)[a-z]{3,}ed"
    r"|built|done|begun|made|sold|shut|paid|won|given|taken|grown|shown|held|brought|bought"
    r"|laid|spent|sent|run|set|put|cut|due"
    r"|open|online|operational|complete|live|ready|in\s+(?:service|operation|place"
    r"|production))\b",
    re.IGNORECASE,
)
# "... in the US in May and then in Europe in Q3": the same act somewhere else, later; a
# statement of its own (not "and then to 2023", which goes on with a move or a figure).
_THEN_ELSEWHERE: Final = re.compile(
    r"(?P<then>(?:then|later|afterwards),?\s+)?(?P<prep>in|to)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w.-]*)"
)
_LEADING: Final = re.compile(
    r"\s*(?:when|after|as|once|before|following|while|although|though|even\s+though|whereas)"
    r"\b[^,;]{5,}?,\s+",
    re.IGNORECASE,
)
# "Although Acme had hoped for 2026, the plant will open in 2028": a promise conceded, then
# the date now; one statement, moved.
_CONCEDES: Final = re.compile(
    r"\s*(?:although|though|even\s+though|while|whereas)\b", re.IGNORECASE
)
# "and then to 2023", "and to $7 billion in 2026": the right side goes on with the left's
# verb. "and to have 10,000 robots by 2028" is an infinitive: a goal of its own.
_ELLIPTIC: Final = re.compile(
    r"(?:(?:then|later|again|also|finally|eventually),?\s+)*"
    r"(?:to(?!\s+(?!(?:the|a|an|about|around|roughly|nearly|almost|some|over|under|at|its"
    r"|their|more|less|between|just|only|as)\b)[a-z])"
    r"|in|on|by|from|for|at|until|till|before|after|into|through)\b",
    re.IGNORECASE,
)
# "between" and up to four words before an "and": the "and" of "between X and Y".
_BETWEEN: Final = re.compile(r"\bbetween\s+(?:[^\s,;]+\s+){0,3}[^\s,;]+$", re.IGNORECASE)
# What may stand between a cut and a slip that goes on with the same thing: "but later
# pushed it to July", "and has since been delayed to 2027", ", a target it later moved".
_SLIP_LEAD: Final = re.compile(
    r"(?:(?:a|the|that|this|which|it|they|has|have|had|was|were|is|been|since|later|then"
    r"|after|following|amid|despite|two|three|four|several|repeated|further|another|new"
    r"|subsequently|eventually|again|now|once|date|target|deadline|timeline|schedule|plan"
    r"|goal|launch|release)\s+){0,6}",
    re.IGNORECASE,
)
# What starts a clause that gives a date in place of one given up: "but is now set for",
# "; it is now expected in", "and will now ship in".
_NOW_GOES_ON: Final = re.compile(
    r"(?:(?:it|they|which|this|that|is|are|was|were|has|have|had|been|will|would|shall|be)"
    r"\s+){0,3}now\b",
    re.IGNORECASE,
)
# A clause that only tells of a delay, opening with "after" or "following": "After a
# six-month delay", ", following a one-year postponement", "after repeated delays".
_DELAY_LEAD: Final = re.compile(r"\s*(?:after|following|despite|amid)\s", re.IGNORECASE)
_BEING: Final = re.compile(
    r"\s*(?:after|following|despite)\s+(?:being|having\s+been)\s", re.IGNORECASE
)
_DELAY_NOUN: Final = re.compile(
    r"(?:delay|postponement|slip|slippage|setback|deferral)s?", re.IGNORECASE
)


@attrs.frozen
class Piece:
    """A statement's place: ``folded[start:end]``, the ``index``-th clause of its sentence.

    ``aside`` is the part of it that is background (", which shipped 500 robots this
    year,"), read as a piece of its own with ``background`` set.
    """

    start: int
    end: int
    index: int  # position in its sentence: 0 for the first clause
    aside: tuple[int, int] | None = None
    background: bool = False
    head: int | None = None  # of an aside: where the clause it stands in starts
    # "and then in Europe in Q3": the left clause's words it goes on with ("Acme will ship
    # the phone") and where its own words start ("in Europe in Q3")
    base: tuple[int, int, int] | None = None


class _SentenceIndex:
    """A sentence's cues and figures, found once, looked up by range."""

    def __init__(self, folded: str, span: Span) -> None:
        self.listed = listed_cues(folded, span.start, span.end)
        self.starts = [c.start for c in self.listed]
        self.bare = bare_past(folded, span.start, span.end)
        self.figure_spans = [(f.start, f.end) for f in figures(folded, span.start, span.end, [])]
        self.folded = folded

    def cues(self, start: int, end: int) -> list[Cue]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        found = [c for c in self.listed[i:j] if c.end <= end]
        if found:
            return found
        return [c for c in self.bare if start <= c.start and c.end <= end]  # as `cues` does

    def has_figure(self, start: int, end: int) -> bool:
        return any(start <= a and b <= end for a, b in self.figure_spans)


def clauses(
    folded: str, span: Span, dates: DateIndex, quoted: list[tuple[int, int]]
) -> list[Piece]:
    """The statements of one sentence, as pieces of it.

    >>> from timeline.dates import find_dates
    >>> t = "It is in testing and slated for an April release."
    >>> dates = DateIndex(find_dates(t, reference="2026-03-01"))
    >>> [t[p.start : p.end] for p in clauses(t, Span(0, len(t)), dates, [])]
    ['It is in testing', 'slated for an April release.']
    """
    # Cues and figures are found once per sentence, so trying many cuts stays linear.
    index = _SentenceIndex(folded, span)
    cuts: list[tuple[int, int]] = []
    lead = _LEADING.match(folded, span.start, span.end)
    if lead and _delay_only(folded, span.start, lead.end(), index, dates):
        lead = None  # "After a six-month delay, the plant will open": the delay is its move
    if (
        lead
        and _CONCEDES.match(folded, span.start, lead.end())
        and _gives_up(folded, dates, span.start, lead.end())
    ):
        lead = None  # "Although Acme had hoped for 2026, the plant will open in 2028"
    if lead:
        cuts.append((lead.end() - len(lead.group()) + lead.group().rindex(","), lead.end()))
    aside_spans = asides(folded, span.start, span.end, quoted, dates.has)
    # never inside an aside, nor inside a name ("Food and Drug Administration")
    kept_whole = aside_spans + [
        (a, b) for a, b, _, _ in institution_names(folded, span.start, span.end)
    ]
    for m in _CUT.finditer(folded, span.start, span.end):
        if not any(a <= m.start() < b for a, b in kept_whole):
            cuts.append((m.start(), m.end()))
    # a comma before an item of a list of dates ("in July, October and January"): a cut
    # only there
    list_commas = {
        (m.start(), m.end())
        for m in _COMMA.finditer(folded, span.start, span.end)
        if not any(a <= m.start() <= b for a, b in kept_whole)  # nor closing an aside
        and not any(a <= m.start() <= b for a, b in quoted)
    } - set(cuts)
    cuts = sorted({*cuts, *list_commas})
    pieces: list[tuple[int, int]] = [(span.start, span.end)]
    bases: dict[int, tuple[int, int, int]] = {}
    for cut_start, cut_end in cuts:
        left_start, left_end = pieces[-1]
        if not (left_start < cut_start and cut_end < left_end):
            continue
        if inside(quoted, cut_start):
            continue  # never inside a quotation
        word = folded[cut_start:cut_end].strip().lower()
        right = (cut_end, left_end)
        if _slip_goes_on(folded, cut_end, left_end) and dates.has(left_start, cut_start):
            continue  # "in June but later pushed it to July": one thing, moved
        if _NOW_GOES_ON.match(folded, cut_end, left_end) and _gives_up(
            folded, dates, left_start, cut_start
        ):
            continue  # "initially planned for April but is now set for May": one thing, moved
        if word in (",", "") and _delay_only(folded, cut_end, left_end, index, dates):
            continue  # "..., following a one-year postponement.": how its date moved
        if "and" in word.split() and _BETWEEN.search(
            folded, max(left_start, cut_start - 60), cut_start
        ):
            continue  # "between Merced and Bakersfield": one phrase
        following = next((a for a, _ in cuts if a >= cut_end), left_end)
        prep = _date_item(folded, dates, cut_end, min(following, left_end))
        if prep is not None and word in (",", "and", ", and"):
            # "will ship the phone in July and in October", "votes in 2028 and 2030": the
            # same act at each date, said with the first's words
            verb = _date_list_verb(folded, dates, left_start, cut_start, bases, prep)
            if verb is not None:
                pieces[-1] = (left_start, cut_start)
                pieces.append(right)
                bases[cut_end] = (verb[0], verb[1], cut_end)
                continue
        if (cut_start, cut_end) in list_commas:
            continue  # a comma otherwise joins
        then = _THEN_ELSEWHERE.match(folded, cut_end, left_end)
        if then is not None and not then.group("then") and not _somewhere(then.group("place")):
            then = None  # "and in Europe early next year", but not "and in Acme stores"
        if then is not None and word in (",", "and"):
            base = re.search(rf"\s{then.group('prep')}\s", folded[left_start:cut_start])
            if (
                base is not None
                and dates.has(left_start, cut_start)
                and dates.has(*right)
                and not dates.has(then.start("place"), then.end("place"))
            ):
                pieces[-1] = (left_start, cut_start)
                pieces.append(right)
                bases[cut_end] = (left_start, left_start + base.start(), then.start("prep"))
                continue
        item = _PLACE_ITEM.match(folded, cut_end, left_end)
        if (
            item is not None
            and word in (",", "and")
            and is_place(item.group("place"))
            and dates.has(left_start, cut_start)
            and dates.has(*right)
        ):
            # "will open data centers in Japan in 2027, Germany in 2028 and Brazil in 2029":
            # the same act in each place, each at its date, said with the first's words
            verb = _list_verb(folded, left_start, cut_start, bases)
            if verb is not None:
                pieces[-1] = (left_start, cut_start)
                pieces.append(right)
                bases[cut_end] = (verb[0], verb[1], item.start())
                continue
        if word == "," and folded.startswith("then", cut_end):
            continue  # ", then ..." otherwise goes on with the same verb
        if word == "," and folded.startswith("with", cut_end):
            state = _WITH_STATE.match(folded, cut_end, left_end)
            # the left side dated, or done by publication ("Google signed a deal, with the
            # first unit completed by 2030"); not "will open the plant, with four by 2035"
            done = any(c.strong and c.look is Look.BACK for c in index.cues(left_start, cut_start))
            left_dated = dates.has(left_start, cut_start) or done
            if state is not None and left_dated and dates.has(*right):
                pieces[-1] = (left_start, cut_start)  # ", with all four running by 2035"
                pieces.append(right)
            continue
        # Two dated statements joined by "and" or ";" are two statements (the day the
        # left side was said on dates no statement: "said on Monday that it will bring
        # broadband to Kenya and Nigeria in 2027" is one).
        both_dated = _dated(folded, dates, index, left_start, cut_start) and dates.has(*right)
        # ... unless the right side only goes on with the left's verb ("and then to 2023").
        elliptic = _ELLIPTIC.match(folded, cut_end, left_end) is not None
        # ", though a review is due in 2026" after "takes effect in 2035": two as well
        contrast = word == "," and _CONTRAST.match(folded, cut_end, left_end) is not None
        if both_dated and not elliptic and (word == ";" or "and" in word.split() or contrast):
            pieces[-1] = (left_start, cut_start)
            pieces.append(right)
            continue
        if word == "and" or word.startswith("and "):
            # Otherwise "and" joins two statements only when a cue starts the right side.
            head = cues(folded, cut_end, min(left_end, cut_end + 30))
            if not head or head[0].start - cut_end > 12:
                continue
        # ", adding that the first was built in 2019": what is said is a statement when it
        # has a date or a figure, with no cue of its own needed
        said = word == "," and _SAID_THAT.match(folded, cut_end, left_end) is not None
        said_dated = said and (dates.has(*right) or index.has_figure(*right))
        if _stands(left_start, cut_start, index, dates) and (
            said_dated or _stands(*right, index, dates)
        ):
            pieces[-1] = (left_start, cut_start)
            pieces.append(right)
    return _with_asides(pieces, aside_spans, bases)


# Before a date, a verb of saying: the day something was said ("said on Monday").
_SAID_ON: Final = re.compile(
    r"\b(?:said|says|announced|confirmed|added|told\s+[a-z]+)\s+(?:(?:late|early)\s+)?"
    r"(?:on\s+)?\Z",
    re.IGNORECASE,
)


def _dated(folded: str, dates: DateIndex, index: _SentenceIndex, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` has a date other than the day it was said on, when what
    is said looks ahead ("said on Monday that it will bring ..."); a past act told that day
    ("said on Thursday the FDA accepted its application") is dated by it."""
    for d in dates.within(start, end):
        if not _SAID_ON.search(folded, max(start, d.start - 30), d.start):
            return True
        told = index.cues(d.end, end)
        if not any(c.look is Look.FORWARD for c in told):
            return True
    return False


def _with_asides(
    pieces: list[tuple[int, int]],
    aside_spans: list[tuple[int, int]],
    bases: dict[int, tuple[int, int, int]],
) -> list[Piece]:
    """The pieces in text order, each aside (one a piece) right after the piece it is in."""
    out: list[Piece] = []
    for start, end in pieces:
        within = [(a, b) for a, b in aside_spans if start < a and b <= end]
        aside = within[0] if within else None
        out.append(Piece(start, end, len(out), aside=aside, base=bases.get(start)))
        for a, b in within[:1]:  # one aside a statement: the first
            out.append(Piece(a, b, len(out), background=True, head=start))
    return out


_CONTINENTS: Final = frozenset({"europe", "asia", "africa", "americas", "oceania"})


def _somewhere(name: str) -> bool:
    """Whether ``name`` is a place or a continent ("Europe"), not a company's name."""
    return is_place(name) or name.lower() in _CONTINENTS


_COMMA: Final = re.compile(r",\s+")
_ITEM_PREP: Final = re.compile(r"\s*(?P<prep>(?:in|on|by|during)\s+)?")
_ITEM_END: Final = re.compile(r"[\s.,;:!?]*")
_PREP_BEFORE: Final = re.compile(r"(?:in|on|by|during)\s+$", re.IGNORECASE)
_RELATIVE_TAIL: Final = re.compile(r",\s+(?:which|who|that|where|when)\b[^,;]*$", re.IGNORECASE)


def _date_item(folded: str, dates: DateIndex, start: int, end: int) -> str | None:
    """The preposition of ``folded[start:end]`` when it is only a date ("in" of "in
    October", "" of "2030"); None when it says more."""
    inside = dates.within(start, end)
    if len(inside) != 1:
        return None
    d = inside[0]
    prep = _ITEM_PREP.match(folded, start, d.start)
    if prep is None or prep.end() != d.start or _ITEM_END.fullmatch(folded, d.end, end) is None:
        return None
    return (prep.group("prep") or "").strip().lower()


def _date_list_verb(
    folded: str,
    dates: DateIndex,
    start: int,
    end: int,
    bases: dict[int, tuple[int, int, int]],
    prep: str,
) -> tuple[int, int] | None:
    """Where the words before a list of dates are: those of the item before, or up to the
    last date of ``folded[start:end]`` (up to its preposition when the item has one, the
    same: "will ship the phone " of "will ship the phone in July and in October"); None
    when that date is no first item (in a clause on a thing: ", which opened in 2020")."""
    prior = bases.get(start)
    if prior is not None:
        return prior[0], prior[1]
    inside = dates.within(start, end)
    if not inside or _ITEM_END.fullmatch(folded, inside[-1].end, end) is None:
        return None  # the date list's first item ends the clause before the cut
    at = inside[-1].start
    if _RELATIVE_TAIL.search(folded, start, at):
        return None
    before = _PREP_BEFORE.search(folded, max(start, at - 8), at)
    if prep:
        if before is None or before.group().split()[0].lower() != prep:
            return None  # "opened in 2020, by 2029": no list
        at = before.start()
    return start, at


def _list_verb(
    folded: str, start: int, end: int, bases: dict[int, tuple[int, int, int]]
) -> tuple[int, int] | None:
    """Where the words before a list of places are ("open data centers in" of "open data
    centers in Japan in 2027, Germany in 2028"): those of the item before, or up to the
    "in" before the last place of ``folded[start:end]``; None when there is no such place."""
    prior = bases.get(start)
    if prior is not None:
        return prior[0], prior[1]
    for m in reversed(list(_IN_PLACE.finditer(folded, start, end))):
        if is_place(m.group("place")):
            return start, m.end("in")
    return None


def _slip_goes_on(folded: str, start: int, end: int) -> bool:
    """Whether ``folded[start:end]`` starts with a slip and no subject of its own."""
    lead = _SLIP_LEAD.match(folded, start, end)
    at = start if lead is None else lead.end()
    return SLIP_WORD.match(folded, at, end) is not None


def _delay_only(folded: str, start: int, end: int, index: _SentenceIndex, dates: DateIndex) -> bool:
    """Whether ``folded[start:end]`` only tells of a delay, with no date nor verb of its own
    ("After a six-month delay", "following repeated postponements")."""
    if dates.has(start, end) or not _DELAY_LEAD.match(folded, start, end):
        return False
    found = index.cues(start, end)
    # "After being delayed by six months": a participle with no subject of its own
    passive = _BEING.match(folded, start, end) is not None
    return bool(found) and all(c.slip and (passive or _DELAY_NOUN.fullmatch(c.text)) for c in found)


def _gives_up(folded: str, dates: DateIndex, start: int, end: int) -> bool:
    """Whether a date in ``folded[start:end]`` is said to be given up ("was due in April")."""
    inside = dates.within(start, end)
    return any(given_up(folded, d, inside, start) for d in inside)


def _stands(start: int, end: int, index: _SentenceIndex, dates: DateIndex) -> bool:
    found = index.cues(start, end)
    if any(c.strong for c in found):
        return True
    return bool(found) and (dates.has(start, end) or index.has_figure(start, end))


def in_aside(piece: Piece, at: int) -> bool:
    """Whether ``at`` lies in the piece's aside, which it does not read.

    >>> in_aside(Piece(0, 40, 0, aside=(6, 20)), 10), in_aside(Piece(0, 40, 0), 10)
    (True, False)
    """
    return piece.aside is not None and piece.aside[0] <= at < piece.aside[1]


def without_aside(text: str, piece: Piece) -> str:
    """The piece's words without its aside.

    >>> t = "UBTech, which shipped 500 robots, plans to triple output."
    >>> without_aside(t, Piece(0, len(t), 0, aside=(6, 33)))
    'UBTech plans to triple output.'
    """
    if piece.aside is None:
        return text[piece.start : piece.end]
    a, b = piece.aside
    return text[piece.start : a] + text[b : piece.end]
