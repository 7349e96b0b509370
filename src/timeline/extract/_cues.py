"""Cue words: what makes a piece of text a statement, and which way it looks.

A *cue* is a phrase that says something happened or is expected: "slated
for", "plans to", "expects" look forward; "announced", "has doubled",
"surpassed" look back; "said", "describing" report. Each cue has a strength:
strong cues make a statement on their own, weak ones ("will", a progressive
"is reorganising", a bare past participle) only with a date, a figure or a
named actor near them. Word lists, not a model: every decision is a rule a
reviewer can read in the draft's reasons. What kind a statement is, from its words:
`timeline.extract._kinds`.
"""

from __future__ import annotations

import enum
import re
from typing import Final

import attrs

from timeline.extract._missed import (
    MISS,
    NEVER_CAME_CUE,
    PASSIVE_MISS,
    PROMISE_BEFORE,
    PROMISE_WORD_BEFORE,
)
from timeline.extract._participles import absolute, conditional, reduced
from timeline.extract._text import words

__all__ = [
    "SLIP_WORD",
    "Cue",
    "Look",
    "bare_past",
    "cues",
    "listed_cues",
    "no_comment",
    "tense_cue",
]


class Look(enum.Enum):
    """Which way a cue looks: forward (expected), back (happened) or reporting speech."""

    FORWARD = "forward"
    BACK = "back"
    REPORT = "report"
    CURRENT = "current"


@attrs.frozen
class Cue:
    """A cue phrase found at ``start``..``end``, with its direction and strength.

    >>> c = cues("DeepSeek V4 is slated for April.")[0]
    >>> (c.text, c.look.value, c.strong, c.firm)
    ('slated', 'forward', True, False)
    """

    text: str
    start: int
    end: int
    look: Look
    strong: bool
    firm: bool = False  # a fixed date ("scheduled", "confirmed"): status confirmed
    slip: bool = False  # a date moved ("pushed back to"): the latest date named is the new one
    cancel: bool = False  # "scrapped", "called off": the event will not happen
    promised: bool = False  # "had expected", "had pledged": a promise told in the past
    # "..., with two plants completed by 2029": a participle of no tense of its own; its
    # date says whether done or to come
    absolute: bool = False


def _alt(words: str) -> str:
    return "|".join(sorted(words.split("|"), key=len, reverse=True))


_ADVERB = r"(?:\w+ly\s+)?"
_FIRM = _alt("scheduled|confirmed|will take place|will be held|is set for|are set for|set for")
_FORWARD = _alt(
    "slated|set to|plans to|plan to|planning to|planned|aims to|aim to|aims for|aim for|aiming"
    "|expect|expect to|anticipate|anticipates|anticipated|anticipating|predicts|predict"
    "|sets a target|set a target|sets targets|set targets|sets a goal|set a goal|calls for"
    "|call for|envisages|foresees|guided|guides|guiding"
    "|aimed at|targets|targeting|expects|expected|expecting|intends to|intend to|poised to"
    "|due to|due in|due by|due on|due out|on track to|is to|are to|upcoming|forthcoming"
    "|is going to|are going to|projected to|forecast to|estimated to|seeks|seeking|seek to"
    "|pledged to|pledges to|promised to|promises to|vowed to|vows to|committed to"
    "|preparing to|prepares to|looks to|hopes to|proposed|proposes|will|won't|will not|shall"
    "|is opening"
    "|are opening|is launching|are launching|is releasing|is rolling out|is raising|are raising"
    "|is considering|are considering|is exploring|is weighing|is developing|is building"
    "|is introducing|is negotiating|in talks|to launch|to release|to open|to debut"
    "|will launch|will release|will open|will ship|will unveil|will debut|will start|will begin"
    "|will hold|will close|will introduce|will roll out|will raise|will invest|will announce"
    "|will publish|will build|will deliver|will enter|will acquire|will take effect"
    "|has until|have until|given until|gets until"
    "|wants to|want to|wants"
)
# A target kept is still ahead: "kept its target of 820 deliveries this year", "reiterated its
# 2026 guidance" look forward, though the verb is past.
_FORWARD += (
    r"|(?:kept|keeps|keeping|maintained|maintains|maintaining|reiterated|reiterates"
    r"|reiterating|reaffirmed|reaffirms|reaffirming|stood\s+by|stands\s+by|stuck\s+to"
    r"|sticks\s+to)\s+(?:its|their|the|a)\s+(?:[\w-]+\s+){0,3}?(?:targets?|goals?"
    r"|forecasts?|guidance|outlook|plans?|timetable|timeline|schedule|estimates?"
    r"|projections?)(?![\w-])"
)
# A verb of forecasting before a figure looks forward, in any tense: "forecast annual sales
# of $5 billion", "sees 2027 revenue of", "is guiding for $2bn". Not as an adjective ("a
# projected cost of"), nor as a noun ("beating forecasts of $4.8 billion", "analysts'
# forecasts"), nor without a figure close after it ("the forecast was").
_FORWARD += (
    r"|(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)(?<!'\s)(?<!'s\s)"
    r"(?<!\bbeat\s)(?<!\bbeats\s)(?<!\bbeating\s)(?<!\babove\s)(?<!\bbelow\s)"
    r"(?<!\bmissed\s)(?<!\bmissing\s)(?<!\btopped\s)(?<!\bexceeded\s)(?<!\bconsensus\s)"
    r"(?:(?:is|are)\s+(?=\w+ing\b))?(?:forecast(?:s|ing)?|project(?:s|ed|ing)|sees|seeing"
    r"|predicted|guided\s+for|guiding\s+for|guides\s+for)(?!\s+(?:of|for)\b)"
    r"(?=(?:\s+(?!(?:was|were|is|are|had|has)\b)[\w'-]+){0,5}?"
    r"\s+(?:of\s+|at\s+|to\s+|around\s+|about\s+|roughly\s+)?[$\u20ac\u00a3\u00a5]?\d)"
)
# A date moved: "pushed the launch back to mid-2022", "delayed to 2027". What the
# statement dates is the new expectation, so these look forward; the latest date named
# is the new one.
_SLIP = (
    r"delay(?:ed|ing|s)?|postpone[ds]?|postponing|postponement|slipp(?:ed|ing)|slips?(?=\s+by\s)"
    r"|reschedul(?:ed|ing)"
    r"|defer(?:red|ring|s)|put(?:ting)?\s+off|set\s+back"
    r"|push(?:ed|ing|es)?(?:\s+\w+){0,3}?\s+(?:back|out|to|into|until|from)(?![\w-])"
    # "pushed its interim 2026 target back"
    r"|push(?:ed|ing|es)?(?:\s+\w+){4,5}?\s+back(?![\w-])"
    # "pushed the first delivery of the 777X it had planned for March 2026 back to 2027"
    r"|push(?:ed|ing|es)?(?!\s+for\b)(?:\s+[\w'-]+){6,14}?\s+back(?=\s+(?:to|into|until)\b)"
    r"|mov(?:ed|ing|es)(?:\s+\w+){0,3}?\s+(?:back|to|into|from)(?=\s)"
    # "moved the launch it had planned for 2026 to 2028": the verb alone, the dates after
    r"|mov(?:ed|ing|es)(?=(?:\s+[\w'-]+){4,14}?\s+(?:to|into)\s+(?:\d{4}\b|(?:early|mid|late)\b"
    r"|the\s+(?:first|second|third|fourth|end)\b|[qh][1-4]\b|(?:jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec)[a-z]*\b|next\b|fiscal\b))"
    # a date moved earlier: "brought forward the ban to 2030", "pulled the launch forward"
    r"|(?:br(?:ought|ing(?:s|ing)?)|pull(?:ed|s|ing)?|mov(?:ed|es|ing))(?:\s+\w+){0,3}?"
    r"\s+forward"
    # a deadline extended: "extended the deadline to 2027", "extended its review by 90 days"
    r"|extend(?:ed|s|ing)?\s+(?:the|its|their|a|an)\s+(?:[\w-]+\s+)?(?:deadline|date"
    r"|timeline|timetable|schedule|review|consultation|moratorium|window|grace\s+period"
    r"|pause|freeze|ban)s?(?=\s+(?:to|into|until|till|by|from|through)\s)"
    # "the deadline was extended to 2027", "the review has been extended by a month"
    r"|(?<=deadline\swas\s)extended|(?<=deadlines\swere\s)extended"
    r"|(?<=deadline\shas\sbeen\s)extended|(?<=review\swas\s)extended"
    r"|(?<=date\swas\s)extended|(?<=period\swas\s)extended"
)
SLIP_WORD: Final = re.compile(rf"(?<![\w-])(?:{_SLIP})(?![\w-])", re.IGNORECASE)
_WEAK_FORWARD = _alt("would|could|might|may|should|must|estimate|forecast to|projected")
_BACK = _alt(
    "announced|launched|released|unveiled|introduced|published|raised|closed|opened|acquired"
    "|bought|sold|signed|showcased|topped|surpassed|exceeded|passed|reached|hit|rose|grew|fell"
    "|dropped|declined|doubled|tripled|halved|cut|hired|laid off|fired|approved|blocked|banned"
    "|designated|ruled|sued|fined|invested|partnered|merged|completed|finished|began|started"
    "|ended|debuted|shipped|filed|won|lost|cancelled"
    "|canceled|scrapped|called off|calls off|abandoned|abandons|shelved|shelves|axed|ditched"
    "|cancels|scraps|scrapping|cancelling|canceling|shut down|shuttered|went live|took place"
    "|was held|were held"
    "|coordinated|demonstrated|agreed|joined|resigned|appointed|elected|enacted|adopted"
    "|issued|posted|recorded|established|founded|formed|created|built|deployed|rolled out"
    "|revealed|disclosed|presented|expanded|increased|decreased|jumped|soared|plunged|slumped"
    "|overtook|beat|led|struck|secured|landed|received|allocated|spent|paid|upgraded"
    "|reorganized|reorganised|restructured|froze|suspended|halted|paused|withdrew|exited"
    "|in internal testing|in testing|in beta|under way|underway|freezing"
)
_REPORT = _alt(
    "said|says|stated|states that|announces|reports that|reported|describing|describes|described"
    "|told|noted|notes that|argued|arguing|argues|emphasizing|emphasising|emphasized"
    "|emphasised|stressed"
    "|stressing|warned|added|according to|revealing|confirming|signalled|signaled|signals"
)
_CUE: Final = re.compile(
    rf"(?<![\w-])(?:(?P<miss>{MISS})|(?P<firm>{_FIRM})|(?P<slip>{_SLIP})|(?P<forward>{_FORWARD})|(?P<back>{_BACK})"
    rf"|(?P<report>{_REPORT})|(?P<weak>{_WEAK_FORWARD})"
    rf"|(?P<perfect>(?:has|have|had)\s+{_ADVERB}(?:been|become|\w+ed|grown|risen|won|made|seen"
    rf"|taken|begun|gone|built|set|hit|cut|held|led))"
    rf"|(?P<progressive>(?:is|are|was|were)\s+{_ADVERB}\w{{3,}}ing))(?![\w-])",
    re.IGNORECASE,
)
_FORWARD_ING: Final = words(
    """opening launching releasing rolling raising seeking planning preparing considering
    exploring weighing developing building introducing negotiating targeting aiming
    expecting looking hoping readying finalising finalizing"""
)
# A past participle or simple past after a name ("robots ... coordinated under"):
# a weak backward cue, used only when no listed cue is found.
_PAST: Final = re.compile(r"(?<![\w-])([a-z]{3,}ed)(?![\w-])")
# Before these a participle is an adjective ("its historically closed ecosystem"); after
# "is"/"was" it is also one for words not in the lists ("is based"), while a listed verb
# there is a passive ("was released"), an event.
_DETERMINERS: Final = words(
    """a an the its their his her our your my this these those very more most less least
    highly fully newly so too well ill not un historically"""
)
_NOT_VERB_BEFORE: Final = _DETERMINERS | words("is are was were be been being")
_NOT_VERB: Final = words(
    """need speed seed feed breed deed shed bed red hundred kindred sacred naked wicked based
    related limited listed advanced detailed dedicated automated integrated interested
    skilled unprecedented"""
)

# After a past verb, its object: "proposed the rule", "proposed a ban".
_OBJECT_AFTER: Final = re.compile(r"\s+(?:the|a|an|its|their|his|her|our|new|two|three)\b")
_DETERMINERS_BEFORE: Final = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|is|are|was|were|be|been)\s+$", re.I
)
# After "due to", a cause rather than a verb: "due to weather", "due to the pandemic".
_CAUSE_AFTER: Final = re.compile(
    r"\s+(?:the|a|an|its|their|his|her|our|this|that|these|those|weather|bad|poor|high|low"
    r"|strong|weak|technical|supply|rising|falling|higher|lower|delays|concerns|problems"
    r"|issues|a\s+lack|lack|safety|regulatory|ongoing|continued|market|demand|[a-z]+ing\b)",
    re.IGNORECASE,
)
# Cues that say an event will not happen: it is cancelled.
_CANCEL: Final = re.compile(
    r"cancel(?:l?ed|s|l?ing)|scrap(?:ped|s|ping)|called\s+off|calls\s+off|abandon(?:ed|s)"
    r"|shelve[ds]|axed|ditched",
    re.IGNORECASE,
)
_DENIED: Final = re.compile(
    r"(?:\b(?:not|never|no|denied|denies|deny)\b|n't)[^,;.]*$", re.IGNORECASE
)
# After a participle, a verb: the participle qualifies the noun before it ("cars sold must").
_BEFORE_VERB: Final = re.compile(
    r"\s+(?:must|will|would|should|can|could|may|might|shall|is|are|was|were|to\s+be)\b"
)
# Past verbs that are also nouns, and the words that make them one: "one more cut", "a
# rate cut", "another hit".
_NOUN_VERBS: Final = frozenset({"cut", "hit", "cuts", "hits"})
_NOUN_BEFORE: Final = words(
    """a an the one another more further rate tax price job first second third any no
    big deep sharp quarter-point half-point its their this that"""
)
# "to" before a verb that also reads as past ("to cut", "to hit", "to beat"): an infinitive.
_INFINITIVE: Final = re.compile(r"\bto\s+$", re.IGNORECASE)
# Before a verb whose past is its base ("cut", "hit", "set"), in the same sentence: "to" or
# a modal and a verb, then "and" ("aims to reach net zero by 2050 and cut emissions"): the
# same infinitive, still to come.
_AND_TO: Final = re.compile(
    r"\b(?:to|will|would|shall|could|should|may|might|must|can)\s+(?:\w+ly\s+)?[a-z]+\b"
    r"[^.;:!?]{0,80}?,?\s+and\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_BASE_IS_PAST: Final = words("cut hit set put shut cost spread quit let split cast hurt")
# Just before a verb: a modal, so the verb is still to come ("will cut", "could sell").
_MODAL: Final = re.compile(
    r"\b(?:will|would|shall|could|should|may|might|must|can|won't|wouldn't|'ll)"
    r"\s+(?:not\s+)?(?:\w+ly\s+)?(?:also\s+|then\s+|soon\s+)?$",
    re.IGNORECASE,
)
# The participle of a perfect that makes a promise: "had expected", "has pledged".
_PROMISED: Final = re.compile(
    r"\b(?:expected|planned|promised|pledged|hoped|aimed|intended|targett?ed|vowed|projected"
    r"|forecast|scheduled|signall?ed|guided|anticipated)$",
    re.IGNORECASE,
)
_BE_BEFORE: Final = re.compile(r"\bbe(?:en)?\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# Before a past participle, a passive still to come: "will be finished", "to be launched".
_FUTURE_PASSIVE: Final = re.compile(
    r"\b(?:will|would|shall|to|could|should|may|might|must|won't|wouldn't|can't|cannot)"
    r"\s+(?:not\s+)?(?:\w+ly\s+)?(?:be|have\s+been)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


def cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """The cue phrases in ``text[start:end]`` in order; spans index ``text``.

    >>> [(c.text, c.look.value) for c in cues("Meta has doubled it and expects more.")]
    [('has doubled', 'back'), ('expects', 'forward')]
    """
    stop = len(text) if end is None else end
    return listed_cues(text, start, stop) or bare_past(text, start, stop)


def listed_cues(text: str, start: int, stop: int) -> list[Cue]:
    """The cues of the word lists in ``text[start:stop]`` (`cues` without the fallback).

    >>> [c.text for c in listed_cues("Robots gathered; Acme said so.", 0, 30)]
    ['said']
    """
    found: list[Cue] = []
    for m in _CUE.finditer(text, start, stop):
        kind = m.lastgroup
        words = m.group()
        if kind == "miss":
            if (
                PASSIVE_MISS.fullmatch(words)
                and not PROMISE_BEFORE.search(text, max(start, m.start() - 80), m.start())
            ) or (
                NEVER_CAME_CUE.fullmatch(words)
                and not PROMISE_WORD_BEFORE.search(text, max(start, m.start() - 100), m.start())
            ):
                # "estimates were missed", "the meeting did not happen": no promise, a past
                found.append(Cue(words, m.start(), m.end(), Look.BACK, True))
                continue
            found.append(Cue(words, m.start(), m.end(), Look.FORWARD, True))
        elif kind == "slip":
            found.append(Cue(words, m.start(), m.end(), Look.FORWARD, True, slip=True))
        elif kind == "firm":
            found.append(Cue(words, m.start(), m.end(), Look.FORWARD, True, firm=True))
        elif kind == "forward":
            if words.lower() == "due to" and _CAUSE_AFTER.match(text, m.end(), stop):
                continue  # "scrubbed due to weather": a cause, not a schedule
            if (
                words.lower() == "proposed"
                and _OBJECT_AFTER.match(text, m.end(), stop)
                and not _DETERMINERS_BEFORE.search(text, max(start, m.start() - 12), m.start())
            ):
                # "The EPA proposed the rule in March": a past act (not "the proposed rule",
                # "proposed to cut", "proposed for 2027")
                found.append(Cue(words, m.start(), m.end(), Look.BACK, False))
                continue
            weak = words.lower() in (
                "will",
                "won't",
                "will not",
                "shall",
                "expected",
                "proposed",
                "planned",
            )
            found.append(Cue(words, m.start(), m.end(), Look.FORWARD, not weak))
        elif kind == "weak":
            if words == "May":
                continue  # the month, not the verb
            found.append(Cue(words, m.start(), m.end(), Look.FORWARD, False))
        elif kind == "perfect" and (
            moved := SLIP_WORD.match(text, m.end() - len(words.split()[-1]), stop)
        ):
            # "has delayed the launch to May", "has pulled forward the opening": a date
            # moved, as "delayed" alone is
            words = text[m.start() : moved.end()]
            found.append(Cue(words, m.start(), moved.end(), Look.FORWARD, True, slip=True))
        elif (
            kind == "perfect"
            and _PROMISED.search(words)
            and not re.match(r"\s*(?:[.,;:)]|$)", text[m.end() : stop])
            # "has pledged to cut", but "has promised self-driving every year since 2016"
            # tells what was done
            and (words[:3].lower() == "had" or re.match(r"\s+to\s", text[m.end() : stop]))
        ):
            # "had expected to restart testing in H1 2026", "has pledged to cut emissions
            # by 2030": a promise, about the date promised (given up, if at all, when a
            # date "now" follows)
            found.append(Cue(words, m.start(), m.end(), Look.FORWARD, True, promised=True))
        elif kind == "back" or kind == "perfect":
            single = kind == "back" and words.endswith("ed") and " " not in words
            if single and _adjective(text, start, m.start(), _DETERMINERS):
                continue  # "its historically closed ecosystem": a participle as an adjective
            if words.lower() in _NOUN_VERBS and _adjective(text, start, m.start(), _NOUN_BEFORE):
                continue  # "one more cut by March", "a rate cut": a noun, not a verb
            if kind == "back" and (
                _INFINITIVE.search(text, max(start, m.start() - 4), m.start())
                or _MODAL.search(text, max(start, m.start() - 40), m.start())
                or (
                    words.lower() in _BASE_IS_PAST
                    and _AND_TO.search(text, max(0, m.start() - 120), m.start())
                )
            ):
                # "will cut rates in April", "could sell the unit in June": still to come
                # "a target to cut emissions by 90% by 2040": what is to be done
                found.append(Cue(words, m.start(), m.end(), Look.FORWARD, True))
                continue
            if kind == "back" and " " not in words and _BEFORE_VERB.match(text, m.end(), stop):
                continue  # "80% of new cars sold must be ...": a participle after a noun
            if (
                kind == "back"
                and " " not in words
                and reduced(
                    text,
                    start,
                    m.start(),
                    m.end(),
                    forward_before=any(c.look is Look.FORWARD and not c.slip for c in found),
                )
            ):
                continue  # "will supply ... under a deal signed in June": the deal's verb
            if kind == "back" and " " not in words and conditional(text, start, m.start()):
                continue  # "If approved, the company plans ...": a condition, no tense
            if kind == "back" and " " not in words and absolute(text, start, m.start()):
                # "..., with two plants completed by 2029": a participle after "with" and
                # its noun has no tense of its own: its date says which way it looks
                found.append(Cue(words, m.start(), m.end(), Look.BACK, False, absolute=True))
                continue
            if (
                kind == "back"
                and _BE_BEFORE.search(text, max(start, m.start() - 20), m.start())
                and _FUTURE_PASSIVE.search(text, max(start, m.start() - 40), m.start())
            ):
                # "will be completed", "is expected to be launched": still to come
                found.append(Cue(words, m.start(), m.end(), Look.FORWARD, True))
                continue
            cancel = _CANCEL.search(words) is not None
            if cancel and _DENIED.search(text, max(start, m.start() - 40), m.start()):
                cancel = False  # "has not cancelled", "denied it had scrapped"
            found.append(Cue(words, m.start(), m.end(), Look.BACK, True, cancel=cancel))
        elif kind == "report":
            found.append(Cue(words, m.start(), m.end(), Look.REPORT, True))
        else:
            participle = words.split()[-1].lower()
            if participle in _FORWARD_ING:  # "is seeking", "are preparing": a plan under way
                found.append(Cue(words, m.start(), m.end(), Look.FORWARD, True))
            else:  # a progressive not listed above: something going on now
                found.append(Cue(words, m.start(), m.end(), Look.CURRENT, False))
    return found


def _adjective(text: str, start: int, at: int, before_words: frozenset[str]) -> bool:
    """Whether the word at ``at`` follows one of ``before_words`` ("a shared", "newly opened")."""
    before = text[max(start, at - 20) : at].split()
    return bool(before) and before[-1].lower() in before_words


def bare_past(text: str, start: int, stop: int) -> list[Cue]:
    """Weak backward cues: words in -ed after a name or noun ("robots ... coordinated").

    >>> [c.text for c in bare_past("Robots gathered under a shared brain.", 0, 36)]
    ['gathered']
    """
    found = []
    for m in _PAST.finditer(text, start, stop):
        word = m.group(1)
        if word in _NOT_VERB or _adjective(text, start, m.start(), _NOT_VERB_BEFORE):
            continue
        if conditional(text, start, m.start()):
            continue  # "once completed", "if approved": a condition, no tense
        loose = absolute(text, start, m.start())  # "with two plants completed by 2029"
        found.append(Cue(word, m.start(), m.end(), Look.BACK, False, absolute=loose))
    return found


# The tense of a clause with no listed cue: a simple past not in -ed ("flew", "made"),
# "so far", or a verb of intent without "to" ("plans three more"). Weak: it never makes
# a statement, it only says which way one looks.
_TENSE_BACK: Final = re.compile(
    r"(?<![\w-])(?:flew|flown|made|took|went|saw|got|gave|sent|ran|brought|bought|sold|held"
    r"|won|lost|grew|rose|fell|began|broke|drove|wrote|spoke|told|met|kept|paid|found|chose"
    r"|so\s+far)(?![\w-])",
    re.IGNORECASE,
)
_TENSE_FORWARD: Final = re.compile(
    r"(?<![\w-])(?:plans?|expects?|intends?|aims?|hopes?|targets?|eyes|will|shall"
    r"|is\s+planning|are\s+planning)(?![\w-])",
    re.IGNORECASE,
)


def tense_cue(text: str, start: int, stop: int) -> Cue | None:
    """A weak cue for a clause's tense when no listed cue names it, or None.

    >>> [tense_cue(t, 0, len(t)).look.value for t in ("flew twice", "and plans three more")]
    ['back', 'forward']
    """
    ahead = _TENSE_FORWARD.search(text, start, stop)
    back = _TENSE_BACK.search(text, start, stop)
    m, look = (ahead, Look.FORWARD) if ahead is not None else (back, Look.BACK)
    if back is not None and ahead is not None and back.start() < ahead.start():
        m, look = back, Look.BACK
    if m is None:
        return None
    # "with the second sold by 2031": no tense of its own
    loose = look is Look.BACK and absolute(text, start, m.start())
    return Cue(m.group(), m.start(), m.end(), look, False, absolute=loose)


# A statement that there is no comment: "Foxconn declined to comment", "Tesla did not respond
# to a request for comment", "Representatives for Acme could not be reached for comment".
_NO_COMMENT: Final = re.compile(
    r"\W*(?:[\w&.'-]+\s+){0,6}?(?:declined|refused|did\s+not\s+(?:immediately\s+)?(?:respond"
    r"|reply|return)|could\s+not\s+(?:immediately\s+)?be\s+reached|(?:was|were)\s+not"
    r"\s+(?:immediately\s+)?available)\b[^.;]{0,60}?\bcomments?\b",
    re.IGNORECASE,
)


def no_comment(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` says only that someone gave no comment: no statement.

    >>> no_comment("Foxconn declined to comment.", 0, 28)
    True
    >>> t = "Acme will open the plant in 2028 and declined to comment on costs."
    >>> no_comment(t, 0, len(t))
    False
    """
    return _NO_COMMENT.match(text, start, end) is not None
