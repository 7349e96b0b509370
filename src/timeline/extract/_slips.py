"""Dates moved within a statement: which date was given up, which is expected now.

"planned for June, has been delayed to September", "delayed to 2030 from 2025",
"pushed back from May to July" (a range cut at its ends), "originally slated for
H2 2027, will now ship in early 2028", "now expected in 2027 rather than 2026", "by
2035, earlier than the previous deadline of 2038": `slip_of` gives the cue, the first
promise and the moves; `given_up` and `now_marked` (`timeline.extract._given_up`, kept
importable here) say how a date is said, and `timeline.extract._amounts` how far it moved.
"""

from __future__ import annotations

import contextlib
import re
from typing import Final

from timeline._errors import TimelineError
from timeline.dates import Relation, When
from timeline.dates._find import DateMatch
from timeline.extract._amounts import by_amount, later_than, moved_by
from timeline.extract._cues import Cue, Look, cues
from timeline.extract._dating import marker_before
from timeline.extract._given_up import INSTEAD, PREVIOUS, SCHEDULED, given_up, now_marked

__all__ = [
    "given_up",
    "now_after",
    "now_marked",
    "promised_before",
    "slip_of",
    "split_moves",
]


# Before the first date of a slip, what says it was a promise: a forward word, or "originally".
_PROMISE: Final = re.compile(
    r"\b(?:plan|schedul|expect|target|slat|aim|set\s+for|due|promis|intend|would|will"
    r"|originally|initially|first|previously|once|earlier)",
    re.IGNORECASE,
)


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
    if not now:
        # "which had hoped to open it in 2024, opened it in May 2025": a promise told in
        # the past, then done at another date
        now = [d for d in dates if how[id(d)] is None and _done_before(folded, d, dates, how)]
    if not now:
        # "will open the fab it had promised for 2025 in 2027": the statement's verb, a clause
        # on the thing's promise told in the past, then the statement's own date
        now = [
            d
            for d in dates
            if how[id(d)] is None
            and (
                _after_promise(folded, d, dates, how, found)
                or _after_concession(folded, d, dates, how, start)
            )
        ]
    weak = ("was due", "scheduled")  # given up only if a date "now" follows
    old = [d for d in dates if how[id(d)] not in (None, *weak) or (how[id(d)] and now)]
    after_cue = [] if cue is None else [d for d in dates if d.start >= cue.end]
    new = now or [d for d in after_cue if how[id(d)] in (None, *weak)]  # weak: not given up
    if not old or not new or old[0].when == new[0].when:
        return None
    first = old[0]
    said = PREVIOUS.search(folded, max(0, first.start - 50), first.start)
    if (
        said is not None
        and "deadline" in said.group().lower()
        and first.when.relation is Relation.ON
    ):
        with contextlib.suppress(TimelineError):  # "the previous deadline of 2038": by 2038
            deadline = When.parse(f"by {first.when}")
            first = DateMatch(first.text, first.start, first.end, deadline)
    return cue, first, new[:1]


def _done_before(
    folded: str, date: DateMatch, dates: list[DateMatch], how: dict[int, str | None]
) -> bool:
    """Whether ``date`` follows a promise told in the past ("had hoped to ... in 2024") and a
    verb saying it was done ("opened it in May 2025") between the two."""
    earlier = [d for d in dates if d.end <= date.start]
    if not earlier or how[id(earlier[-1])] != "was due":
        return False
    between = folded[earlier[-1].end : date.start]
    if not _HAD_BEFORE.search(folded, max(0, earlier[-1].start - 60), earlier[-1].start):
        return False
    return any(c.look is Look.BACK and c.strong for c in cues(between))


# A clause opening a sentence that concedes a promise: "Although Acme had hoped for 2026,".
_CONCEDING: Final = re.compile(
    r"\W*(?:although|though|even\s+though|while|whereas)\b[^,;]*$", re.IGNORECASE
)


def _after_concession(
    folded: str, date: DateMatch, dates: list[DateMatch], how: dict[int, str | None], start: int
) -> bool:
    """Whether ``date`` is the main clause's after a leading clause conceding a promise
    told in the past ("Although Acme had hoped for 2026, the plant will open in 2028")."""
    earlier = [d for d in dates if d.end <= date.start]
    if not earlier or how[id(earlier[-1])] not in ("was due", "scheduled"):
        return False
    promise = earlier[-1]
    between = folded[promise.end : date.start]
    return (
        _CONCEDING.match(folded, start, promise.start) is not None
        and between.count(",") == 1
        and ";" not in between
    )


# A clause on a thing and its promise told in the past: "(the fab) it had promised for",
# "(the plant) that was scheduled for".
_RELATIVE_PROMISE: Final = re.compile(
    r"\b(?:that|which|it|they|he|she|we)\s+(?:had\s+been|had|was|were)\s+(?:\w+ly\s+)?"
    r"[a-z]+ed\b[^,;.()]*$",
    re.IGNORECASE,
)


# An aside on a thing's promise, up to its date: ", which was due to open in", ", which had
# been scheduled for".
_ASIDE_PROMISE: Final = re.compile(
    r",\s+(?:which|that)\s+(?:had\s+been|had|was|were)\s+(?:\w+ly\s+)?(?:[a-z]+ed|due)\b"
    r"[^,;.()]*$",
    re.IGNORECASE,
)


def _after_promise(
    folded: str,
    date: DateMatch,
    dates: list[DateMatch],
    how: dict[int, str | None],
    found: list[Cue],
) -> bool:
    """Whether ``date`` follows, in the same clause, a date promised in a clause on the
    thing ("the fab it had promised for 2025", "the plant that was scheduled for 2026"),
    with the statement's own verb looking forward before that clause ("will open the fab
    it had promised for 2025 in 2027") or after it ("said the fab it had promised for
    2025 will open in 2027")."""
    earlier = [d for d in dates if d.end <= date.start]
    if not earlier or how[id(earlier[-1])] not in ("was due", "scheduled"):
        return False
    promise = earlier[-1]
    forward = [c for c in found if c.look is Look.FORWARD]
    own = [c for c in forward if not (c.promised or c.slip)]
    if re.search(r"[,;:()]", folded[promise.end : date.start]):
        # "The plant, which was due to open in 2025, will open in 2027": an aside on the
        # thing's promise, closed before the statement's own verb; but "..., which was due
        # in 2025, in 2027" reads apart
        return (
            _ASIDE_PROMISE.search(folded, max(0, promise.start - 60), promise.start) is not None
            and re.fullmatch(r",\s+[^,;:()]*", folded[promise.end : date.start]) is not None
            and any(promise.end <= c.start < date.start for c in own)
        )
    relative = _RELATIVE_PROMISE.search(folded, max(0, promise.start - 60), promise.start)
    if relative is not None and any(
        promise.end <= c.start < date.start
        and not re.search(r"\bto\s+$", folded[max(0, c.start - 4) : c.start])
        for c in own
    ):
        return True  # not "had pledged in 2024 to cut emissions by 2030"
    first = next((c for c in forward if c.start < promise.start), None)
    if first is None or first not in own:
        return False
    return (
        any(first.end <= c.start < promise.start for c in forward)
        or SCHEDULED.search(folded, first.end, promise.start) is not None
    )


_HAD_BEFORE: Final = re.compile(
    r"\b(?:had\s+(?:\w+ly\s+)?[a-z]+ed"
    r"|(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?:expected|due|scheduled|slated|planned"
    r"|supposed|meant|targett?ed))\b[^,;.]{0,48}$",
    re.IGNORECASE,
)


# "pushed back from May to July", "delayed the launch it had planned for 2026 to 2028": one
# date phrase, an interval, that is the two ends of a move (after a verb of moving, "X to Y"
# is where from and where to, not a span).
_TO_INSIDE: Final = re.compile(r"\s+(?:to|until|till|into)\s+", re.IGNORECASE)


def split_moves(folded: str, dates: list[DateMatch], slip: Cue) -> list[DateMatch]:
    """The dates, a range "X to Y" after a move ("postponed from June to September",
    "delayed the launch it had planned for 2026 to 2028") cut at its ends.

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
        ):
            out.append(d)
            continue
        out.append(DateMatch(d.text[: to.start()], d.start, d.start + to.start(), lower))
        out.append(DateMatch(d.text[to.end() :], d.start + to.end(), d.end, upper))
    return out


# Between the date moved to and another: "in" or "on" alone ("to 2028 in 2025"), which
# says when it was moved if that one is earlier.
_WHEN_MOVED: Final = re.compile(r"\s*,?\s*(?:in|on|during)\s+(?:the\s+)?", re.IGNORECASE)


# Before a date, what says it is the one now expected: "will now open in", "is expected in".
_AHEAD: Final = re.compile(
    r"\b(?:will|now|expects?|expected|plans?|planned|scheduled|slated|due|set\s+to|aims?)\b",
    re.IGNORECASE,
)


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
        return _replaced(dates, found, folded, start) or later_than(dates, folded)
    ranges = dates
    dates = split_moves(folded, dates, slip)
    # the lower end of a range cut ("delayed ... for 2026 to 2028"): where it moved from
    cut = [d for d in dates if d not in ranges and any(r.start == d.start for r in ranges)]
    after = [d for d in dates if d.start >= slip.end]
    moves = [
        d
        for d in after
        if marker_before(folded, d, dates, slip.start) != "from"  # "moved ... from May"
        and not INSTEAD.search(folded, max(slip.end, d.start - 24), d.start)
        and d not in cut
    ]
    earlier = [d for d in dates if d.end <= slip.start]
    first = None
    inside = [d for d in dates if slip.start <= d.start and d.end <= slip.end]
    if not moves and inside:
        # "pushed its 2026 target back by a year", "moved its 2030 deadline forward by two
        # years": the goal's year is the first promise, moved by the amount
        return moved_by(folded, slip, inside[0])
    if not moves:
        # "will fly no earlier than Q1 2026, after a delay from 2025": the slip told
        # after the new date, the first promise marked "from"
        if not earlier:
            return None
        if not after:
            # "will open in June 2027, after a six-month delay": worked out from the amount,
            # when the date is the one now ("In March, production was delayed" is no move)
            if not _AHEAD.search(folded, start, earlier[-1].start):
                return None
            found_first = by_amount(folded, slip, start, earlier[-1])
            return None if found_first is None else (slip, found_first, earlier[-1:])
        first, moves = after[0], earlier[-1:]
    elif earlier and _PROMISE.search(folded, start, earlier[0].start):
        first = earlier[0]
    else:
        # "delayed from 2026 to 2028", also after the day it moved on ("Last year, Acme
        # delayed the plant from 2026 to 2028")
        first = next((d for d in after if d not in moves), None)
        if first is None and inside and not earlier:
            first = inside[-1]  # "pushed the launch it had planned for March back to June"
    if (
        len(moves) > 1
        and _WHEN_MOVED.fullmatch(folded, moves[-2].end, moves[-1].start)
        and moves[-1].when.definitely_before(moves[-2].when)
    ):
        moves = moves[:-1]  # "delayed ... to 2028 in 2025": the year it was moved in
    if first is None and len(moves) == 1:
        # "postponed by a year, to 2027": the first promise, worked out from the amount
        first = by_amount(folded, slip, start, moves[0])
    if first is None or first.when == moves[-1].when:
        return None
    return slip, first, moves


# After a date given up, "now" and a verb looking forward with no date: "now says it will
# wait", "now expects to decide later".
_NOW_FORWARD: Final = re.compile(
    r"\bnow\s+(?:\w+\s+){0,4}?(?:will|would|expects?|plans?|intends?|aims?|hopes?|wants?"
    r"|sees?)\b",
    re.IGNORECASE,
)


def now_after(folded: str, date: DateMatch, end: int) -> bool:
    """Whether "now" and a verb looking forward follow ``date`` before ``end``.

    >>> from timeline.dates import find_dates
    >>> t = "Acme, which had promised it by June, now says it will wait."
    >>> now_after(t, find_dates(t, reference="2026-03-01")[0], len(t))
    True
    """
    return _NOW_FORWARD.search(folded, date.end, end) is not None


def promised_before(folded: str, start: int, date: DateMatch) -> bool:
    """Whether a word of promise comes before ``date`` in its statement ("planned for June").

    >>> t = "The launch, planned for June, was delayed."
    >>> from timeline.dates import find_dates
    >>> promised_before(t, 0, find_dates(t, reference="2026-03-01")[0])
    True
    """
    return _PROMISE.search(folded, start, date.start) is not None
