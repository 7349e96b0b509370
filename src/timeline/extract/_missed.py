"""Dates missed: a promise broken or about to be ("missed its 2025 target", "won't make
2027", "missed the deadline in 2025", "blew past its March deadline", "failed to ship the
car in 2025 as promised", "never delivered the trucks it promised for 2025").

`MISS` is the cue (it looks forward: the thing is still to come, no longer at that date).
The rest tell `timeline.extract._given_up.given_up` which date is given up: `MISSED_PAST`
the verbs of a miss told in the past, `PROMISE_AFTER` (`TIME_AFTER` after "blew past") the
noun of promise after a date ("fell short of 2025 levels" compares figures, no promise),
`MISSED_OBJECT` a miss whose noun of promise comes first and its date later in the clause,
`FAILED_BEFORE` with `AS_PROMISED_AFTER` or `PROMISED_FOR_BEFORE` a thing not done at a
date promised; `PASSIVE_MISS` after a noun of promise (`PROMISE_BEFORE`: "the deadline of
2025 was missed") and `NEVER_CAME` after a date promised ("promised for 2025, never
happened"); `PAST_MISS` a whole cue of a miss told in the past, whose date without a year is
the last one before publication.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "AS_PROMISED_AFTER",
    "BLEW",
    "DATE_FIRST",
    "FAILED_BEFORE",
    "MISS",
    "MISSED_AFTER",
    "MISSED_OBJECT",
    "MISSED_PAST",
    "NEVER_CAME",
    "NEVER_CAME_CUE",
    "PASSIVE_MISS",
    "PAST_MISS",
    "PROMISED_FOR_BEFORE",
    "PROMISE_AFTER",
    "PROMISE_BEFORE",
    "PROMISE_WORD_BEFORE",
    "TIME_AFTER",
]


# A date missed already, told in the past: "missed", "has missed", "fell short of", "failed
# to meet", "did not hit". `timeline.extract._given_up.given_up` takes it as given up only
# before a date of a promise ("its 2025 target", "the deadline of 2025").
MISSED_PAST: Final = (
    r"(?:(?:has|have|had)\s+)?missed"
    r"|(?:fell|falls|fallen|falling|came|comes|coming)\s+(?:up\s+)?short\s+of"
    r"|(?:(?:has|have|had)\s+)?(?:failed|fails|failing)\s+to"
    r"\s+(?:make|hit|meet|reach|achieve|keep(?:\s+to)?)"
    r"|(?:did|does|do|has|have|had)\s*(?:not|n't)\s+(?:yet\s+)?(?:make|made|hit|meet|met|reach"
    r"|reached|achieve|achieved|keep|kept)"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_PROMISE_NOUN = (
    r"(?:deadline|target|goal|date|timeline|timetable|schedule|window|promise|pledge"
    r"|commitment)"
)
# A deadline blown through is missed ("blew past its March deadline"); a goal of a figure
# "blown past" is beaten ("sales blew past the target"): only nouns of time after these.
BLEW: Final = r"(?:(?:has|have|had)\s+)?(?:blew|blown|blows|blowing)\s+(?:past|through)"
TIME_NOUN: Final = r"(?:deadline|date|timeline|timetable|schedule|window)"
_DET = r"(?:the|its|their|our|his|her|this|that|a)"


# Later in the clause, what starts a date: "in 2025", "last year", "for March".
_DATE_LATER = (
    r"(?=[^.;:!?]{0,80}?(?<![\w-])(?:\d{4}|last|this|next|earlier|q[1-4]|h[12]|early|mid"
    rf"|late|end|{_MONTH})(?![\w-]))"
)


def _ahead(noun: str) -> str:
    """After a past miss: a date then a noun of promise ("its 2025 target", "the March
    deadline"), the noun then the date ("the deadline of 2025"), or the noun as the
    object, its date later in the clause ("the deadline in 2025", "its launch window last
    year")."""
    return (
        rf"(?=\s+(?:{_DET}\s+)?"
        rf"(?:{noun}s?\s+(?:of|for)\s+(?:\S*\d|{_MONTH})"
        rf"|(?:[\w'-]+\s+){{0,2}}?(?:\S*\d[\w-]*|{_MONTH})\s+(?:[\w-]+\s+)?{noun}s?\b)"
        rf"|\s+{_DET}\s+(?:[\w'-]+\s+){{0,2}}?{noun}s?\b{_DATE_LATER})"
    )


# Right after a date missed: a noun of promise ("2025 target", "end-2025 goal").
PROMISE_AFTER: Final = re.compile(rf"\s+(?:[\w-]+\s+)?{_PROMISE_NOUN}s?\b", re.IGNORECASE)
TIME_AFTER: Final = re.compile(rf"\s+(?:[\w-]+\s+)?{TIME_NOUN}s?\b", re.IGNORECASE)
# A date given up, with none in its place: "we're not going to make 2027", "won't make the
# 2027 date", "will miss its 2027 target", "can't hit the March deadline". A promise still
# ahead (it looks forward), no longer for that date (`timeline.extract._given_up.MISSED`).
_WILL_MISS = (
    r"(?:(?:won't|will\s+not|wouldn't|would\s+not|can't|cannot|can\s+not|couldn't|could\s+not"
    r"|(?:is|are|am|was|were|'re|'s|'m)?\s*(?:not|n't)\s+(?:going|able|likely|set|on\s+track)\s+to"
    r"|unable\s+to|not\s+be\s+able\s+to|no\s+longer\s+(?:able|going)\s+to)"
    r"\s+(?:make|hit|meet|reach|achieve|keep(?:\s+to)?)"
    r"|(?:will|would|is\s+going\s+to|are\s+going\s+to|set\s+to|likely\s+to|expects?\s+to"
    r"|on\s+track\s+to|poised\s+to)\s+miss)"
)
# Between a miss and its date: words, no figure, but a digit in a name ("its 3G network",
# "the A350 line"). Each word whole (it ends where a word can't go on), so there is one way
# to read the words and the match stays linear.
_WORDS = (
    r"(?:\s+(?!\s)|[A-Za-z][\w'&-]*(?![\w'&-])|\d+[A-Za-z][\w'&-]*(?![\w'&-])"
    r"|[^\w\s,;.()$\u20ac\u00a3\u00a5])"
)
# Before a date, a miss told in the past with its noun of promise as the object, the date
# later in its clause: "missed the deadline in", "fell short of the target set for", "blew
# past the regulatory deadline for the plant in".
MISSED_OBJECT: Final = re.compile(
    rf"(?<![\w-])(?:(?:{MISSED_PAST}|{_WILL_MISS})\s+{_DET}\s+(?:[\w'-]+\s+){{0,3}}?"
    rf"{_PROMISE_NOUN}s?"
    rf"|{BLEW}\s+{_DET}\s+(?:[\w'-]+\s+){{0,3}}?{TIME_NOUN}s?)"
    # a figure may stand between ("missed its goal of 100 planes by"), and a place with its
    # region ("... at its Taylor, Texas fab in"), not who said it (", Acme said in")
    r"\b(?:[^,;.()]|(?<=\d)[.,](?=\d)"
    r"|,(?=\s+(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*)?\s+"
    r"(?!(?:said|says|added|told|announced|reported|noted|confirmed)\b)(?-i:[a-z]))){0,80}$",
    re.IGNORECASE,
)
# A date that opens its clause ("In 2025, Acme missed the deadline", "Last year the company
# missed its target", "By March, the agency had missed the goal"): only a preposition
# between it and the start of the clause, so the verb that follows is the clause's own.
DATE_FIRST: Final = re.compile(
    r"(?:^|[,;:(]|\b(?:and|but|while|when|as|though|although|which|that|because|so|yet)\b)"
    r"\s*(?:(?:back|then|already|also|even|again|only)\s+)?(?:(?:in|by|during|over|throughout|through|on|at|for|around|as\s+of|until|till)\s+)?"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# A thing not done, then its date and a word of promise: "failed to ship the car in 2025 as
# promised", "did not open the plant in 2025, as it had planned". Not "as expected" nor "as
# forecast": a failure that was expected is no promise broken.
# Not a verb of saying: "did not say when", "never gave a date".
_NOT_SAYING = (
    r"(?!(?:say|said|comment|disclose|give|gave|provide|respond|elaborate|specify|confirm"
    r"|reply|name|reveal|detail|explain|answer|announce|set)\b)"
)
FAILED: Final = (
    rf"(?:(?:has|have|had)\s+)?(?:failed|fails|failing)\s+to\s+{_NOT_SAYING}[a-z]+"
    rf"|(?:did|does|do|has|have|had)\s*(?:not|n't)\s+(?:yet\s+)?{_NOT_SAYING}[a-z]+"
    rf"|never\s+{_NOT_SAYING}[a-z]+"
)
# Right before a date, a promise of it: "the trucks it promised for", "the plant planned
# for", "the line due in".
_PROMISED_FOR = (
    r"\b(?:promised|pledged|planned|scheduled|slated|due|targett?ed|earmarked|vowed)"
    r"\s+(?:for|in|by)\b"
)
PROMISED_FOR_BEFORE: Final = re.compile(rf"{_PROMISED_FOR}\s+(?:the\s+)?$", re.IGNORECASE)
AS_PROMISED: Final = (
    r",?\s*as\s+(?:(?:it|they|we|he|she|the\s+company|(?-i:[A-Z])[\w&.-]*)\s+)?"
    r"(?:(?:had|has|have)\s+(?:been\s+)?)?(?:(?:originally|initially|first|previously)\s+)?"
    r"(?:promised|planned|scheduled|pledged|targett?ed|intended|hoped|agreed|vowed|committed"
    r"|required)\b"
)
FAILED_BEFORE: Final = re.compile(rf"(?<![\w-])(?:{FAILED})\b{_WORDS}{{0,24}}$", re.IGNORECASE)
AS_PROMISED_AFTER: Final = re.compile(AS_PROMISED, re.IGNORECASE)
# A promise missed told in the passive, after its noun ("The 2025 target was missed", "the
# deadline of 2025 went unmet"); `PROMISE_BEFORE` says the noun came before it.
_PASSIVE_MISS = (
    r"(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?missed"
    r"|went\s+unmet|(?:was|were)\s*(?:not|n't)\s+(?:met|reached|hit|achieved|kept)"
    r"|passed\s+(?:unmet|without\s+(?:a|an|any)\b))"
)
PASSIVE_MISS: Final = re.compile(_PASSIVE_MISS, re.IGNORECASE)
PROMISE_BEFORE: Final = re.compile(rf"\b{_PROMISE_NOUN}s?\b[^.;:!?]{{0,60}}$", re.IGNORECASE)
# After a date promised, a thing that never came: "promised for 2025, never happened";
# the cue only after a word of promise (`PROMISE_WORD_BEFORE`), else a past.
_NEVER_CAME = (
    r"(?:never|did\s*(?:not|n't)|has\s*(?:not|n't)|have\s*(?:not|n't))\s+(?:yet\s+)?"
    r"(?:happen|happened|materiali[sz]ed?|come|came|arrive[ds]?|take\s+place|took\s+place"
    r"|occur(?:red)?)"
)
NEVER_CAME: Final = re.compile(rf"[^.;:!?]{{0,60}}?\b{_NEVER_CAME}\b", re.IGNORECASE)
NEVER_CAME_CUE: Final = re.compile(_NEVER_CAME, re.IGNORECASE)
PROMISE_WORD_BEFORE: Final = re.compile(
    r"\b(?:promised|pledged|planned|scheduled|slated|due|targett?ed|expected|earmarked"
    r"|set\s+for)\b[^.;:!?]{0,80}$",
    re.IGNORECASE,
)
# After a date that opens its clause, its subject, then a miss of a promise with no date
# of its own ("..., Acme missed the deadline", "... the company missed its target", "...,
# the deadline was missed"): the miss is of that date, wherever the date stands. Between
# them: no digit (the date would be another's), no word that starts another clause or
# reports ("Zorbix said Acme missed": when it was said, not the date missed).
_SUBJECT = (
    r"(?:(?!\b(?:and|but|then|while|after|before|because|so|said|says|told|added|announced"
    r"|reported|noted|confirmed|according)\b)[^.;:!?\d]){0,60}?"
)
MISSED_AFTER: Final = re.compile(
    rf"{_SUBJECT}(?<![\w-])(?P<cue>(?:{MISSED_PAST}|{_WILL_MISS})\s+{_DET}\s+"
    rf"(?:[A-Za-z][\w'-]*\s+){{0,3}}?{_PROMISE_NOUN}s?"
    rf"|{BLEW}\s+{_DET}\s+(?:[A-Za-z][\w'-]*\s+){{0,3}}?{TIME_NOUN}s?)\b"
    rf"|{_SUBJECT}\b{_PROMISE_NOUN}s?\s+(?P<passive>{_PASSIVE_MISS})\b",
    re.IGNORECASE,
)
# The cue of a miss told in the past, whole: "missed", "blew past", "failed to ship".
PAST_MISS: Final = re.compile(
    rf"(?:{MISSED_PAST}|{BLEW}|{FAILED}|{_PASSIVE_MISS}|{_NEVER_CAME})", re.IGNORECASE
)
MISS: Final = (
    rf"(?:{_WILL_MISS}|{_PASSIVE_MISS}|{_NEVER_CAME}"
    # missed already: "missed its 2025 target", "fell short of its 2025 goal", "failed to
    # meet its 2025 deadline", "did not hit its end-2025 target": a promise broken, only
    # before a date of a promise ("fell short of 2025 levels" compares figures)
    rf"|(?:{MISSED_PAST}){_ahead(_PROMISE_NOUN)}|{BLEW}{_ahead(TIME_NOUN)}"
    # not done, its date and "as promised" after: "failed to ship the car in 2025 as
    # promised"; or the date of a promise: "never delivered the trucks it promised for 2025"
    rf"|(?:{FAILED})(?![\w-])(?=[^.;:!?]{{0,80}}?(?:{AS_PROMISED}|{_PROMISED_FOR})))"
)
