"""Dates moved in a statement: the first promise, the date now expected, a claim per move.

`_MoveReader` gives a draft whose date slipped ("planned for June, delayed to
September") its first promise (`Draft.first_when`) and the claims recording
each move, stated at publication; a slip with no new date ("delayed
indefinitely") is undated now. Which dates a statement moves between is
`timeline.extract._dating.slip_of`.
`Reader` in `timeline.extract._reader` builds on it.
"""

from __future__ import annotations

import re
from typing import Final

from timeline._errors import TimelineError
from timeline.dates import When
from timeline.dates._find import DateMatch
from timeline.extract._cues import Cue
from timeline.model import Claim, Status

__all__: list[str] = []

_INDEFINITE: Final = re.compile(
    r"\b(?:indefinitely|until\s+further\s+notice|(?:with|without)\s+(?:no\s+)?(?:a\s+)?new"
    r"\s+(?:date|timeline|timetable))\b",
    re.IGNORECASE,
)


class _MoveReader:
    """First promises and moves (the part of `Reader` about slips)."""

    folded: str
    anchor: When | None

    def _indefinite(
        self, found: list[Cue], dates: list[DateMatch], start: int, end: int
    ) -> tuple[Cue, DateMatch] | None:
        """A slip with no new date ("delayed indefinitely"): the slip and the first promise."""
        slip = next((c for c in found if c.slip), None)
        if slip is None or not _INDEFINITE.search(self.folded, slip.end, end):
            return None
        earlier = [d for d in dates if d.end <= slip.start]
        return None if not earlier else (slip, earlier[0])

    def _moves(
        self,
        moved: tuple[Cue, DateMatch, list[DateMatch]],
        when: When,
        status: Status,
        reasons: list[str],
    ) -> tuple[When, tuple[Claim, ...]]:
        """The first promise of a date moved in one statement, and a claim per move.

        The claims are stated at publication (all that the text says of when); with
        no publication date there is no day to state them on, and the draft keeps
        only the date now expected, the first promise in its reasons.
        """
        _, first, moves = moved
        reasons.append(f"moved: first {first.text!r} ({first.when}), now {when}")
        if self.anchor is None:
            return first.when, ()
        claims = []
        if not moves:
            claims.append(Claim(stated=self.anchor, when=when, status=status, note="no new date"))
        for move in moves:
            last = move is moves[-1]
            try:
                claims.append(
                    Claim(
                        stated=self.anchor,
                        when=when if last else move.when,
                        status=status if last else Status.EXPECTED,
                        note=f"moved to {' '.join(move.text.split())}",
                    )
                )
            except TimelineError:
                continue
        return first.when, tuple(claims)
