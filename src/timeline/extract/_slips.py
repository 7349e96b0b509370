"""Dates moved within a statement: which date was given up, which is expected now.

"planned for June, has been delayed to September", "delayed to 2030 from 2025",
"pushed back from May to July" (a range cut at its ends), "originally slated for
H2 2027, will now ship in early 2028", "now expected in 2027 rather than 2026", "by
2035, earlier than the previous deadline of 2038": `slip_of` gives the cue, the first
promise and the moves; `given_up` and `now_marked` say how a date is said (also
across statements, `timeline.extract._reader_moves`).
"""

from __future__ import annotations

import contextlib
import re
from typing import Final

from timeline._errors import TimelineError
from timeline.dates import Relation, When
from timeline.dates._find import DateMatch
from timeline.extract._cues import Cue, Look
from timeline.extract._dating import marker_before

__all__ = ["given_up", "now_marked", "slip_of", "split_moves"]


# Before the first date of a slip, what says it was a promise: a forward word, or "originally".
_PROMISE: Final = re.compile(
    r"\b(?:plan|schedul|expect|target|slat|aim|set\s+for|due|promis|intend|would|will"
    r"|originally|initially|first|previously|once|earlier)",
    re.IGNORECASE,
)


# "by the end of the year instead of in the first half": the date given up.
_INSTEAD: Final = re.compile(
    r"\b(?:instead\s+of|rather\s+than|not)\s+(?:in|by|on|for|at)?\s*$", re.IGNORECASE
)


# "three years earlier than the previous deadline of 2038": the date given up.
_PREVIOUS: Final = re.compile(
    r"\b(?:previous|earlier|original|initial|old|prior|former)\s+(?:\w+\s+)?"
    r"(?:deadline|target|date|goal|timeline|timetable|timeframe|schedule|plan|estimate"
    r"|guidance|forecast|projection|expectation)s?\s+(?:of|for|in)?\s*$",
    re.IGNORECASE,
)


# Before a date, what says it was promised and given up since: "originally slated for",
# "initially planned to open in", "previously expected in", "first due in".
_ORIGINAL: Final = re.compile(
    r"\b(?:originally|initially|previously|formerly|first|once|earlier)\s+(?:\w+\s+){0,2}?"
    r"(?:slated|schedul\w*|plann\w*|expect\w*|due|set|target\w*|pencil+ed|meant|supposed"
    r"|intend\w*|promis\w*|earmarked|billed|penned|forecast\w*|project\w*|guid\w*|timed"
    r"|envisag\w*|aim\w*)\b[^,;.()]{0,40}$",
    re.IGNORECASE,
)
# "no longer expected in 2027", "no longer planned for the first half".
_NO_LONGER: Final = re.compile(
    r"\bno\s+longer\s+(?:\w+\s+){0,2}?(?:slated|scheduled|planned|expected|due|set|targett?ed"
    r"|forecast|projected|likely|on\s+track)\b[^,;.()]{0,40}$",
    re.IGNORECASE,
)
# "was due in April", "had been scheduled for 2027", "slated for June" (a schedule, no
# figure): given up only if a date "now" follows.
_WAS_DUE: Final = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?:slated|scheduled|planned|expected|due|set"
    r"|targett?ed|supposed|meant|intended|penciled|pencilled)\b[^,;.()\d$€£¥]{0,40}$",
    re.IGNORECASE,
)
_SCHEDULED: Final = re.compile(
    r"(?:^|[,(]\s*|\b(?:is|are|which|that)\s+)(?:slated|scheduled|planned|due|set|targett?ed"
    r"|penciled\s+in|pencilled\s+in|earmarked)\b[^,;.()\d$€£¥]{0,40}$",
    re.IGNORECASE,
)
# Before a date, what says it is the one expected now: "will now ship in", "now in", "is now
# targeted for"; words only between ("now employs 500 people in 2026" is no new date).
_NOW: Final = re.compile(r"\bnow\b(?:\s+[a-z][\w-]*){0,5}?\s*$", re.IGNORECASE)


def _before(folded: str, date: DateMatch, dates: list[DateMatch], start: int, reach: int) -> str:
    """The text before ``date``, back to the date before it, ``start`` or ``reach`` characters."""
    begin = max([d.end for d in dates if d.end <= date.start], default=start)
    return folded[max(begin, date.start - reach) : date.start]


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
    if _ORIGINAL.search(head) or _PREVIOUS.search(head) or _INSTEAD.search(head[-24:]):
        return "original"
    if _NO_LONGER.search(head):
        return "no longer"
    if _WAS_DUE.search(head):
        return "was due"
    if _SCHEDULED.search(head):
        return "scheduled"
    return None


def now_marked(folded: str, date: DateMatch, dates: list[DateMatch], start: int) -> bool:
    """Whether ``date`` is said to be the one expected now ("will now ship in early 2028").

    >>> from timeline.dates import find_dates
    >>> t = "The IPO, previously expected in 2026, is now targeted for 2027."
    >>> [now_marked(t, d, find_dates(t, reference=None), 0) for d in find_dates(t, reference=None)]
    [False, True]
    """
    return _NOW.search(_before(folded, date, dates, start, 50)) is not None


def _replaced(
    dates: list[DateMatch], found: list[Cue], folded: str, start: int
) -> tuple[Cue | None, DateMatch, list[DateMatch]] | None:
    """A date said to replace another with no verb of slipping: "by 2035, three years earlier
    than the previous deadline of 2038", "by the end of the year instead of in the first half",
    "originally slated for H2 2027, will now ship in early 2028", "was due in April; it is now
    expected in July", "now expected in 2027 rather than 2026"."""
    cue = next((c for c in found if c.look is Look.FORWARD), None)
    if len(dates) < 2:
        return None
    how = {id(d): given_up(folded, d, dates, start) for d in dates}
    now = [d for d in dates if how[id(d)] is None and now_marked(folded, d, dates, start)]
    weak = ("was due", "scheduled")  # given up only if a date "now" follows
    old = [d for d in dates if how[id(d)] not in (None, *weak) or (how[id(d)] and now)]
    after_cue = [] if cue is None else [d for d in dates if d.start >= cue.end]
    new = now or [d for d in after_cue if how[id(d)] is None]
    if not old or not new or old[0].when == new[0].when:
        return None
    first = old[0]
    said = _PREVIOUS.search(folded, max(0, first.start - 50), first.start)
    if (
        said is not None
        and "deadline" in said.group().lower()
        and first.when.relation is Relation.ON
    ):
        with contextlib.suppress(TimelineError):  # "the previous deadline of 2038": by 2038
            deadline = When.parse(f"by {first.when}")
            first = DateMatch(first.text, first.start, first.end, deadline)
    return cue, first, new[:1]


# "pushed back from May to July": one date phrase, an interval, that is the two ends of a move.
_FROM_BEFORE: Final = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_INSIDE: Final = re.compile(r"\s+(?:to|until|till|into)\s+", re.IGNORECASE)


def split_moves(folded: str, dates: list[DateMatch], slip: Cue) -> list[DateMatch]:
    """The dates, a range after a move ("postponed from June to September") cut at its ends.

    >>> from timeline.dates import find_dates
    >>> from timeline.extract._cues import cues
    >>> t = "The vote was postponed from June to September."
    >>> [d.text for d in split_moves(t, find_dates(t, reference="2026-03-01"), cues(t)[0])]
    ['June', 'September']
    """
    out: list[DateMatch] = []
    for d in dates:
        lower, upper = d.when.lower, d.when.upper
        to = _TO_INSIDE.search(d.text)
        if (
            d.start < slip.end
            or not isinstance(lower, When)
            or not isinstance(upper, When)
            or to is None
            or not _FROM_BEFORE.search(folded, max(0, d.start - 6), d.start)
        ):
            out.append(d)
            continue
        out.append(DateMatch(d.text[: to.start()], d.start, d.start + to.start(), lower))
        out.append(DateMatch(d.text[to.end() :], d.start + to.end(), d.end, upper))
    return out


def slip_of(
    dates: list[DateMatch], found: list[Cue], folded: str, start: int
) -> tuple[Cue | None, DateMatch, list[DateMatch]] | None:
    """A date moved within one statement: the slip cue, the first promise and the moves.

    "would launch it in June, a target it later pushed to July", "planned for
    June, has been delayed to September", "delayed from June to September": the
    first date is the one before the slip (said as a promise: "planned",
    "originally" ...) or after it with "from"; the moves are the dates after the
    slip not marked "from", in order, the last of them the date now expected.
    With no verb of slipping, a date given up and one "now" (`given_up`, `now_marked`)
    are the move; the cue is None for a date "now" said with no verb looking forward
    ("now sees the plant opening in 2028, versus its earlier guidance of 2027").

    >>> from timeline.dates import find_dates
    >>> from timeline.extract._cues import cues
    >>> t = "The plant, originally planned for 2027, will now open in 2029."
    >>> _, first, moves = slip_of(find_dates(t, reference=None), cues(t), t, 0)
    >>> first.text, [m.text for m in moves]
    ('2027', ['2029'])
    """
    slip = next((c for c in found if c.slip), None)
    if slip is None:
        return _replaced(dates, found, folded, start)
    dates = split_moves(folded, dates, slip)
    after = [d for d in dates if d.start >= slip.end]
    moves = [
        d
        for d in after
        if marker_before(folded, d, dates, slip.start) != "from"  # "moved ... from May"
        and not _INSTEAD.search(folded, max(slip.end, d.start - 24), d.start)
    ]
    earlier = [d for d in dates if d.end <= slip.start]
    first = None
    if not moves:
        # "will fly no earlier than Q1 2026, after a delay from 2025": the slip told
        # after the new date, the first promise marked "from"
        if not earlier or not after:
            return None
        first, moves = after[0], earlier[-1:]
    elif earlier and _PROMISE.search(folded, start, earlier[0].start):
        first = earlier[0]
    elif not earlier:
        first = next((d for d in after if d not in moves), None)
    if first is None or first.when == moves[-1].when:
        return None
    return slip, first, moves
