"""Dates missed: a promise broken or about to be, said before the date ("missed its 2025
target", "won't make 2027", "failed to meet the deadline of 2025").

`MISS` is the cue (it looks forward: the thing is still to come, no longer at that date);
`MISSED_PAST` the verbs of a miss told in the past and `PROMISE_AFTER` the noun of promise
after a date, which `timeline.extract._given_up.given_up` needs before it takes a date
missed in the past as given up ("fell short of 2025 levels" compares figures).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["MISS", "MISSED_PAST", "PROMISE_AFTER"]


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
    r"(?:deadline|target|goal|date|timeline|timetable|schedule|promise|pledge|commitment)"
)
# After a past miss: a date then a noun of promise ("its 2025 target", "the March
# deadline"), or the noun then the date ("the deadline of 2025").
_PROMISE_AHEAD: Final = (
    r"(?=\s+(?:(?:the|its|their|our|his|her|this|that|a)\s+)?"
    rf"(?:{_PROMISE_NOUN}s?\s+(?:of|for)\s+(?:\S*\d|{_MONTH})"
    rf"|(?:[\w'-]+\s+){{0,2}}?(?:\S*\d[\w-]*|{_MONTH})\s+(?:[\w-]+\s+)?{_PROMISE_NOUN}s?\b))"
)
# Right after a date missed: a noun of promise ("2025 target", "end-2025 goal").
PROMISE_AFTER: Final = re.compile(rf"\s+(?:[\w-]+\s+)?{_PROMISE_NOUN}s?\b", re.IGNORECASE)
# A date given up, with none in its place: "we're not going to make 2027", "won't make the
# 2027 date", "will miss its 2027 target", "can't hit the March deadline". A promise still
# ahead (it looks forward), no longer for that date (`timeline.extract._given_up.MISSED`).
MISS: Final = (
    r"(?:(?:won't|will\s+not|wouldn't|would\s+not|can't|cannot|can\s+not|couldn't|could\s+not"
    r"|(?:is|are|am|was|were|'re|'s|'m)?\s*(?:not|n't)\s+(?:going|able|likely|set|on\s+track)\s+to"
    r"|unable\s+to|not\s+be\s+able\s+to|no\s+longer\s+(?:able|going)\s+to)"
    r"\s+(?:make|hit|meet|reach|achieve|keep(?:\s+to)?)"
    r"|(?:will|would|is\s+going\s+to|are\s+going\s+to|set\s+to|likely\s+to|expects?\s+to"
    r"|on\s+track\s+to|poised\s+to)\s+miss"
    # missed already: "missed its 2025 target", "fell short of its 2025 goal", "failed to
    # meet its 2025 deadline", "did not hit its end-2025 target": a promise broken, only
    # before a date of a promise ("fell short of 2025 levels" compares figures)
    rf"|(?:{MISSED_PAST}){_PROMISE_AHEAD})"
)
