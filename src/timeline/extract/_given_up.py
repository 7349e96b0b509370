"""How a date is said: given up ("originally slated for", "was due in", "rather than") or
expected now ("will now ship in").

`given_up` tells how a date is said to be given up: "original" ("originally slated for",
"the previous deadline of", "instead of", "(was August 2025)"), "no longer" ("no longer
expected in"), "was due" ("was due in", "had promised ... by") or "scheduled" ("slated
for"), these two given up only when a date "now" follows; `now_marked` whether a date is
the one expected now. Used within a statement (`timeline.extract._slips.slip_of`) and
across statements (`timeline.extract._reader_moves`).
"""

from __future__ import annotations

import re
from typing import Final

from timeline.dates._find import DateMatch
from timeline.extract._missed import (
    AS_PROMISED_AFTER,
    BLEW,
    DATE_FIRST,
    FAILED_BEFORE,
    MISS,
    MISSED_AFTER,
    MISSED_OBJECT,
    MISSED_PAST,
    NEVER_CAME,
    PASSIVE_MISS,
    PROMISE_AFTER,
    PROMISE_BEFORE,
    PROMISED_FOR_BEFORE,
    TIME_AFTER,
)

__all__ = [
    "INSTEAD",
    "MISSED",
    "PREVIOUS",
    "SCHEDULED",
    "given_up",
    "missed_after",
    "now_marked",
]


# "by the end of the year instead of in the first half": the date given up.
INSTEAD: Final = re.compile(
    r"\b(?:instead\s+of|rather\s+than|not)\s+(?:in|by|on|for|at)?\s*$", re.IGNORECASE
)


# "three years earlier than the previous deadline of 2038": the date given up.
PREVIOUS: Final = re.compile(
    r"\b(?:previous|earlier|original|initial|old|prior|former)\s+(?:\w+\s+)?"
    r"(?:deadline|target|date|goal|timeline|timetable|timeframe|schedule|plan|estimate"
    r"|guidance|forecast|projection|expectation)s?\s+(?:of|for|in)?\s*$",
    re.IGNORECASE,
)


# A date given up said beside the one now, in brackets or after a comma: "now due in Q1 2028
# (was August 2025)", "(previously May)", ", originally August 2025"; a date compared with:
# "a year later than the late-2026 launch it had promised", "earlier than the May date".
_WAS_BESIDE: Final = re.compile(
    r"(?:[(\[]\s*(?:was|were|previously|originally|initially|formerly|from|earlier)"
    r"|,\s*(?:previously|originally|initially|formerly))\s*:?\s*$"
    r"|\b(?:later|earlier|sooner)\s+than\s+(?:(?:the|its|their|his|her)\s+)?(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)


# After a date, a word that says it was the one before, ending its clause: "in late 2027
# versus mid-2027 previously", "(2026 originally)".
_WAS_AFTER: Final = re.compile(
    r"\s+(?:previously|originally|initially|formerly)\s*(?=[,.;:)\]]|$)", re.IGNORECASE
)


# Before a date, what says it was promised and given up since: "originally slated for",
# "initially planned to open in", "previously expected in", "first due in".
_ORIGINAL: Final = re.compile(
    r"\b(?:originally|initially|previously|formerly|once|earlier"
    # "first" as an adverb ("first due in"), not an ordinal ("its first plant is due in")
    r"|(?<!\bits\s)(?<!\bthe\s)(?<!\btheir\s)(?<!\ba\s)(?<!'s\s)(?<!\bour\s)first)"
    r"\s+(?:\w+\s+){0,2}?"
    r"(?:slated|schedul\w*|plann\w*|expect\w*|due|set|target\w*|pencil+ed|meant|supposed"
    r"|intend\w*|promis\w*|earmarked|billed|penned|forecast\w*|project\w*|guid\w*|timed"
    r"|envisag\w*|aim\w*)\b[^,;.()]{0,40}$",
    re.IGNORECASE,
)
# "no longer expected in 2027", "no longer planned for the first half", "no longer expects
# the fab to open in 2030".
_NO_LONGER: Final = re.compile(
    r"\bno\s+longer\s+(?:\w+\s+){0,2}?(?:slated|scheduled|planned|plans?|expected|expects?"
    r"|due|set|targett?ed|targets?|forecasts?|projected|projects|likely|on\s+track|sees?"
    r"|anticipates?|intends?|aims?)\b[^,;.()]{0,40}$",
    re.IGNORECASE,
)
# A date missed, said just before it: "won't make 2027", "will miss its 2027 target", "can't
# hit the March deadline", "will miss the deadline of 2027", "won't make it by 2027"; not
# "won't make cars in 2027" (what is made, then its date).
MISSED: Final = re.compile(
    rf"(?<![\w-]){MISS}\s+(?:(?:the|its|their|our|his|her|this|that|a)\s+"
    r"(?:(?:deadline|target|date|goal|timeline|timetable|schedule)\s+(?:of|for)\s+)?"
    r"|it\s+(?:by|in|for)\s+)?$",
    re.IGNORECASE,
)
# A date missed already, said just before it ("missed its", "failed to meet the deadline
# of"): given up only if a noun of promise follows the date (`PROMISE_AFTER`) or came
# before it.
_MISSED_PAST: Final = re.compile(
    rf"(?<![\w-])(?:{MISSED_PAST})\s+(?:(?P<det>the|its|their|our|his|her|this|that|a)\s+"
    r"(?P<noun>(?:deadline|target|goal|date|timeline|timetable|schedule)\s+(?:of|for)\s+)?)?$",
    re.IGNORECASE,
)
# "blew past its March deadline": given up only if a noun of time follows the date.
_BLEW_PAST: Final = re.compile(
    rf"(?<![\w-]){BLEW}\s+(?:(?:the|its|their|our|his|her|this|that|a)\s+)?$", re.IGNORECASE
)
# "The deadline was missed in", "the target had been missed by": the noun, then its miss.
_MISSED_IN: Final = re.compile(
    r"\b(?:deadline|target|goal|date|timeline|window|promise|pledge)s?\s+"
    r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?missed\s+"
    r"(?:in|on|at|by|for)?\s*$",
    re.IGNORECASE,
)
# A participle of saying before "would": what is said now, in the article's report.
_REPORTING: Final = re.compile(
    r"\b(?:adding|saying|noting|warning|stressing|explaining|predicting)\s+(?:that\s+)?"
    r"(?:[\w'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_BEFORE_DATE: Final = re.compile(r"(?:before|until|till)\s", re.IGNORECASE)
# Between a promise and its date: no figure, but a model's number ("the A350", "the MAX
# 10").
_WORDS_TO_DATE: Final = r"(?:[^,;.()\d$€£¥]|(?<=[A-Za-z])\d+|(?<=[A-Z][A-Z]\s)\d+)"
# "was due in April", "had been scheduled for 2027", "slated for June" (a schedule, no
# figure): given up only if a date "now" follows.
_WAS_DUE: Final = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?:slated|scheduled|planned|expected|due|set"
    r"|targett?ed|supposed|meant|intended|penciled|pencilled)\b"
    rf"{_WORDS_TO_DATE}{{0,40}}$",
    re.IGNORECASE,
)
# "which had promised robotaxis by", "had said deliveries would start in", "pledged to
# finish the line by": a promise told in the past, given up only if a date "now" follows.
_PAST_PROMISE: Final = re.compile(
    r"\b(?:had\s+(?:\w+ly\s+)?(?:promised|pledged|vowed|said|targett?ed|planned|expected"
    r"|aimed|hoped|forecast|predicted|projected|guided|committed|announced|intended"
    r"|signall?ed|indicated|flagged)"
    r"|(?:promised|pledged|vowed|predicted|targett?ed|signall?ed)"
    # "said in 2019 that robotaxis would arrive in": a future told in the past
    r"|would)\b"
    rf"{_WORDS_TO_DATE}{{0,48}}$",
    re.IGNORECASE,
)
SCHEDULED: Final = re.compile(
    r"(?:^|[,(]\s*|\b(?:is|are|which|that)\s+)(?:slated|scheduled|planned|due|set|targett?ed"
    r"|penciled\s+in|pencilled\s+in|earmarked)\b"
    rf"{_WORDS_TO_DATE}{{0,40}}$",
    re.IGNORECASE,
)
# Before a date, what says it is the one expected now: "will now ship in", "now in", "is now
# targeted for"; words only between ("now employs 500 people in 2026" is no new date).
# A name and its model number may stand between ("now expects to ship the Exynos 2700 in").
_NOW: Final = re.compile(
    r"\b(?i:now)\b(?:\s+(?:[a-z][\w-]*|[A-Z][\w-]*(?:\s+\d[\w.]*)?)){0,10}?\s*$"
)


def _before(folded: str, date: DateMatch, dates: list[DateMatch], start: int, reach: int) -> str:
    """The text before ``date``, back to the date before it, ``start`` or ``reach`` characters."""
    begin = max([d.end for d in dates if d.end <= date.start], default=start)
    return folded[max(begin, date.start - reach) : date.start]


def missed_after(
    folded: str, date: DateMatch, dates: list[DateMatch], start: int
) -> re.Match[str] | None:
    """The miss after ``date`` when the date opens its clause and the miss of a promise
    follows with no date of its own ("In 2025, Acme missed the deadline", "Last year the
    company missed its target"); its group ``cue`` or ``passive`` is the cue; or None.

    >>> from timeline.dates import find_dates
    >>> t = "In 2025, Acme missed the deadline."
    >>> missed_after(t, find_dates(t, reference=None)[0], [], 0)["cue"]
    'missed the deadline'
    """
    if not DATE_FIRST.search(folded[start : date.start][-40:]):
        return None  # "Acme said on Monday its trial missed its goal": the date is said's
    m = MISSED_AFTER.match(folded, date.end)
    if m is None:
        return None
    after = folded[m.end() : m.end() + 120]
    clause = re.split(r"[.;:!?]", after, maxsplit=1)[0]
    if any(m.end() <= d.start < m.end() + len(clause) for d in dates):
        return None  # "In 2025, Acme missed the deadline set for 2024": that date missed
    return m


def given_up(folded: str, date: DateMatch, dates: list[DateMatch], start: int) -> str | None:
    """How ``date`` is said to be given up: "original" ("originally slated for", "the previous
    deadline of", "instead of", "rather than"), "no longer" ("no longer expected in"),
    "was due" ("was due in") or "scheduled" ("slated for", "is scheduled to open in"), these
    two given up only when a date "now" follows; or None.

    >>> from timeline.dates import find_dates
    >>> t = "The plant, originally planned for 2027, will now open in 2029."
    >>> [given_up(t, d, find_dates(t, reference=None), 0) for d in find_dates(t, reference=None)]
    ['original', None]
    """
    head = _before(folded, date, dates, start, 60)
    if (
        _WAS_AFTER.match(folded, date.end)
        or _ORIGINAL.search(head)
        or PREVIOUS.search(head)
        or INSTEAD.search(head[-24:])
        or _WAS_BESIDE.search(head[-40:])
    ):
        return "original"
    past = _MISSED_PAST.search(head)
    promised = past is not None and (
        past.group("noun") is not None or PROMISE_AFTER.match(folded, date.end) is not None
    )
    if not promised:
        past = None  # "fell short of 2025 levels": figures compared, no promise
    wide = _before(folded, date, dates, start, 110)
    tail = folded[date.end : date.end + 100]
    near_noun = (
        PROMISE_AFTER.match(folded, date.end) is not None
        or PROMISE_BEFORE.search(folded, max(start, date.start - 30), date.start) is not None
    )
    passive = PASSIVE_MISS.search(tail)
    if passive is not None and re.search(r"[.;:!?]", tail[: passive.start()]):
        passive = None  # in the next sentence
    broken = (
        # "The deadline of 2025 was missed", "Acme's 2025 target went unmet"
        (passive is not None and near_noun)
        # "The deadline was missed in 2025"
        or _MISSED_IN.search(head) is not None
        or (_BLEW_PAST.search(head) is not None and TIME_AFTER.match(folded, date.end) is not None)
        # "missed the deadline in 2025", "missed its launch window last year"
        or MISSED_OBJECT.search(wide) is not None
        # "In 2025, Acme missed the deadline": the date first, then the miss
        or missed_after(folded, date, dates, start) is not None
        # "failed to ship the car in 2025 as promised"
        or (
            FAILED_BEFORE.search(wide) is not None
            and (
                AS_PROMISED_AFTER.match(folded, date.end) is not None
                # "never delivered the trucks it promised for 2025"
                or PROMISED_FOR_BEFORE.search(head) is not None
            )
        )
    )
    if (
        _NO_LONGER.search(head) or MISSED.search(head) or past is not None or broken
    ) and not _BEFORE_DATE.match(date.text):
        return "no longer"  # not "no longer expects it before 2031": no earlier than 2031
    promise = _PAST_PROMISE.search(head)
    if (
        (promise is not None or _WAS_DUE.search(head) or SCHEDULED.search(head))
        and NEVER_CAME.match(folded, date.end) is not None
        and not _BEFORE_DATE.match(date.text)
    ):
        return "no longer"  # "Acme's launch, promised for 2025, never happened"
    if (
        promise is not None
        and promise.group().lower().startswith("would")
        and _REPORTING.search(head, 0, promise.start())
    ):
        promise = None  # ", adding that it would open the plant by 2030": said now
    # not "is now targeted for", "now says it would open in"; but "now" before "had
    # promised" is the statement's ("will now open the fab it had promised for 2025")
    if _WAS_DUE.search(head) or (
        promise is not None and (promise.group().lower().startswith("had") or not _NOW.search(head))
    ):
        return "was due"
    if SCHEDULED.search(head):
        return "scheduled"
    return None


def now_marked(folded: str, date: DateMatch, dates: list[DateMatch], start: int) -> bool:
    """Whether ``date`` is said to be the one expected now ("will now ship in early 2028").

    >>> from timeline.dates import find_dates
    >>> t = "The IPO, previously expected in 2026, is now targeted for 2027."
    >>> [now_marked(t, d, find_dates(t, reference=None), 0) for d in find_dates(t, reference=None)]
    [False, True]
    """
    return _NOW.search(_before(folded, date, dates, start, 90)) is not None
