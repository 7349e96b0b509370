"""Clauses on a past event inside a statement: their names do not make the promise.

"Constellation said the plant will return in 2027, a year earlier than the date it gave
when the deal with Microsoft was signed": Microsoft is named in a clause opened by
"when"/"after"/"before"/"since"/"as"/"once"/"while", after a preposition ("the deal
with Microsoft", "the contract with Delta"), and the clause's verb is past: after the
name ("was signed", "was announced") or before it ("the retailer signed a lease with
Grupo Carso"; not an adjective after an article: "the expected deal with Beta Corp
closes"). That clause tells what happened, not who acts: the name is dropped from a
statement's actors when another name is left to act. The subject of such a clause stays
("after the European Medicines Agency asked for more data": who decides); so do names in
a clause on what is still to come ("once the deal with Beta closes").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, Protocol, TypeVar

__all__ = ["outside_past_clauses"]

_OPENER: Final = re.compile(r"\b(?:when|after|before|since|as|once|while)\s", re.IGNORECASE)
# The preposition, and an article or a noun before the name ("with developer Grupo Carso").
_PREPOSITION: Final = re.compile(
    r"\b(?:with|of|from|to|by|for|between|and)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?\Z"
)
# Before the name, a past verb after its subject ("the retailer signed a lease with"), not
# an adjective after an article ("the expected deal with").
_PAST_BEFORE: Final = re.compile(
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)"
    r"\b(?:bought|sold|won|made|took|gave|got|paid|struck|held|led|met|[a-z]{3,}ed)\b"
)
_CLAUSE_END: Final = re.compile(r"[,;:.!?()\"\n]")
_PAST_VERB: Final = re.compile(
    r"\b(?:was|were|had|did|bought|sold|won|made|took|began|became|gave|got|paid|struck"
    r"|held|led|left|met|set\s+up|[a-z]{3,}ed)\b"
)


class _Named(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def text(self) -> str: ...


def _past_clauses(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``folded[start:end]`` that are clauses on a past event."""
    spans: list[tuple[int, int]] = []
    for m in _OPENER.finditer(folded, start, end):
        stop = _CLAUSE_END.search(folded, m.end(), end)
        spans.append((m.end(), end if stop is None else stop.start()))
    return spans


N = TypeVar("N", bound=_Named)


def outside_past_clauses(folded: str, names: Sequence[N], start: int, end: int) -> list[N]:
    """``names`` less those inside a clause on a past event, when any other is left.

    >>> from collections import namedtuple
    >>> Name = namedtuple("Name", "start text")
    >>> t = "Acme will open it in 2028, as planned when the deal with Beta was signed."
    >>> names = [Name(0, "Acme"), Name(t.index("Beta"), "Beta")]
    >>> [n.text for n in outside_past_clauses(t, names, 0, len(t))]
    ['Acme']
    """
    dropped: list[N] = []
    for a, b in _past_clauses(folded, start, end):
        for n in names:
            after = n.start + len(n.text)
            if (
                a <= n.start < b
                and _PREPOSITION.search(folded, max(a, n.start - 30), n.start)
                and (_PAST_VERB.search(folded, after, b) or _PAST_BEFORE.search(folded, a, n.start))
            ):
                dropped.append(n)
    kept = [n for n in names if n not in dropped]
    return kept if kept and dropped else list(names)
