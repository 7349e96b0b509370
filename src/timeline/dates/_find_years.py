"""Whether a number in running text is a year, for `find_dates`.

"2000 employees", "more than 2000", "$2026", "pay for 2000 by 2030", "grow its fleet to
2100 in 2027" are counts; "in 2026", "the 2028 deadline", "promised for 2025 by 2029",
"2026-2030" and "2025/26" are years. The rules are in `timeline.dates._find`'s module
text; here are the words around a number that decide them.
"""

from __future__ import annotations

import re
from typing import Final

from timeline.dates._find_patterns import (
    COUNTING,
    FUNCTION_WORDS,
    MAGNITUDE,
    NEXT_WORD,
    PREV_WORD,
    RATHER_THAN,
    STRONG,
    YEAR_BEFORE_DASH,
    YEAR_NOUNS,
)

__all__ = ["plausible_pair", "plausible_year"]

# A word of a schedule before "for" a year: "promised for 2025", "a target for 2025".
_SCHEDULED_FOR: Final = re.compile(
    r"\b(?:promised|pledged|planned|slated|scheduled|set|due|earmarked|targett?ed|penciled"
    r"|pencilled|expected|timed|billed|pegged|forecast|projected|guided|meant|intended"
    # or a noun of one: "a target for 2025 by 2029"
    r"|targets?|goals?|deadlines?|dates?|plans?|timelines?|schedules?|timetables?)"
    r"\s+(?:[a-z]+\s+)?for\s+$"
)
# After a number, another date: "in 2027", "by the end of 2030", "before 2029".
_DATE_AFTER: Final = re.compile(
    r"\s+(?P<prep>in|by|before|until|till)\s+"
    # "the end of", "early", "the first half of", "q3": words of a date before its year
    r"(?:(?:the|end|start|middle|early|mid|late|first|second|third|fourth|half|quarter|of"
    r"|q[1-4]|h[12])[\s-]+){0,4}"
    r"(?:19|2[01])\d\d(?!\d)"
)
# A verb of a figure rising or falling, then words to "to" or "from" a number: "grow its
# fleet to", "raise headcount from".
_GROWTH_BEFORE: Final = re.compile(
    r"\b(?:ris(?:e|es|ing)|rose|grow(?:s|ing|n)?|grew|increas\w*|expand\w*|lift\w*|rais\w*"
    r"|boost\w*|doubl\w*|tripl\w*|reach\w*|climb\w*|jump\w*|fall(?:s|ing)?|fell|drop\w*"
    r"|cut(?:s|ting)?|reduc\w*|lower\w*|shrink\w*|shrank|bring\w*|brought|take|takes|took"
    r"|scal\w*|ramp\w*|add\w*)\b[^.;:!?\d]{0,40}(?:to|from)\s+$"
)
# Words after which a number is a year though another date follows it.
_DATE_WORDS: Final = STRONG | frozenset(
    ("from", "to", "and", "or", "between", "through", "than", "since", "into")
)
_UNTIL_AT_LEAST = re.compile(r"\b(?:until|till|to|into)\s+at\s+least\s+$")


def plausible_year(text: str, low: str, start: int, end: int) -> bool:
    year = int(low[start:end])
    if MAGNITUDE.match(low, end):
        return False
    prev = PREV_WORD.search(low, max(0, start - 20), start)
    prev_word = prev[1] if prev is not None and prev.end() == start else None
    if start > 0 and low[start - 1] in "$€£¥#+":
        return False
    if start > 0 and low[start - 1] == "-":
        # The end of a span of years ("2026-2030") is a year; "2-3" and "2026-1234" are not.
        first = YEAR_BEFORE_DASH.search(low, max(0, start - 8), start)
        return first is not None and int(first[1]) < year <= int(first[1]) + 100
    # A lower-case word after the number that is not a function word reads as
    # what is counted ("2000 employees"); a capitalised one is a name ("the 2026 Forum").
    nxt = NEXT_WORD.match(low, end)
    noun_follows = nxt is not None and nxt[1] not in FUNCTION_WORDS and text[nxt.start(1)].islower()
    if noun_follows and nxt is not None and nxt[1] == "by" and prev_word == "for":
        # "the fab it had promised for 2025 by 2029": "by" is a preposition, not what is
        # counted; "hire 2000 by 2030" (no date word before) stays a count, and so does
        # "pay for 2000 by 2030" (no word of a schedule before "for")
        noun_follows = not (
            1900 <= year <= 2199 and _SCHEDULED_FOR.search(low, max(0, start - 40), start)
        )
    after = _DATE_AFTER.match(low, end)
    if (
        after is not None
        and after.group("prep") == "in"
        and prev_word in ("to", "from")
        and _GROWTH_BEFORE.search(low, max(0, start - 60), start)
    ):
        # "grow its fleet to 2100 in 2027", "from 1800 in 2026 to 2400": a figure at a
        # year; not "cut emissions from 2005 by 2030" (a baseline year, then a deadline)
        return False
    if (
        not noun_follows
        and after is not None
        and prev_word not in _DATE_WORDS
        and not (prev_word == "for" and _SCHEDULED_FOR.search(low, max(0, start - 40), start))
    ):
        # "add 1800 in 2027", "buy 2000 before 2029": a year has no date of its own after
        # it, so the number before one is what is counted; "from 2005 by 2030" (a date word
        # before it) keeps its year
        return False
    if (
        prev_word in COUNTING
        and not RATHER_THAN.search(low, max(0, start - 14), start)
        and not (1900 <= year <= 2199 and _UNTIL_AT_LEAST.search(low, max(0, start - 24), start))
    ):
        # "more than 2000": a count; "rather than 2026": a year given up; "shut until at
        # least 2029", "delayed to at least 2028": a year
        return False
    if nxt is not None and nxt[1] in YEAR_NOUNS:
        return 1900 <= year <= 2199  # "the 2028 deadline": a year; "its 2500 target": a count
    if prev_word in STRONG and 1900 <= year <= 2199:
        return True
    return 1000 <= year <= 2999 and not noun_follows


def plausible_pair(low: str, m: re.Match[str]) -> bool:
    """Whether a pair is two years ("2025/26", "1999/2000"), not a count or a phone number."""
    at, first, second = m.start("pair"), int(m["p1"]), m["p2"]
    if len(second) == 2:
        later = first + 1 if (first + 1) % 100 == int(second) else 0  # "2025/26", "1999/00"
    else:
        later = int(second) if first < int(second) <= first + 100 else 0
    prev = PREV_WORD.search(low, max(0, at - 20), at)
    return (
        1000 <= first <= 2999
        and later > 0
        and (at == 0 or low[at - 1] not in "-/")
        and MAGNITUDE.match(low, m.end("pair")) is None
        and (prev is None or prev[1] not in COUNTING)
    )
