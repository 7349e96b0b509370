"""Participles with no tense of their own: which way their statement looks is said elsewhere.

A participle in "-ed" (or "built", "sold" ...) reads as a past verb, a cue looking back,
except where it has no tense of its own: after "with" and a noun, an absolute phrase
("..., with two plants completed by 2029": its date says whether done or to come); after
"if", "once", "when" ..., a condition ("If approved, the company plans ..."); after "a",
"the" and a noun, a reduced relative clause when a verb looking forward came before ("will
supply ... under a deal signed in June"). `timeline.extract._cues` asks these.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["absolute", "conditional", "reduced"]

# "with", a noun of a few words and then a participle: an absolute phrase ("with two plants
# completed by 2029"), never a verb of its own.
_ABSOLUTE: Final = re.compile(
    r"\bwith\s+(?:(?!(?:and|or|but|that|which|who|it|they|has|have|had|was|were|is|are)\b)"
    r"[\w'-]+\s+){1,6}\Z",
    re.IGNORECASE,
)


def absolute(text: str, start: int, at: int) -> bool:
    """Whether the word at ``at`` is the participle of an absolute phrase after "with".

    >>> t = "Acme will open a plant by 2028, with two completed by 2029."
    >>> absolute(t, 0, t.index("completed")), absolute("Acme completed it.", 0, 5)
    (True, False)
    """
    return _ABSOLUTE.search(text, max(start, at - 80), at) is not None


# A participle after "a", "the", "its" ... and a noun, with a date after it: a reduced
# relative clause ("under a deal signed in June", "the plant built in 2010"), no verb of
# the statement's when a verb looking forward came before it.
_REDUCED: Final = re.compile(
    # "60% of new cars sold in Ontario": after "of" or a quantifier too
    r"(?<![\w-])(?:a|an|the|its|their|this|that|of|all|every|each|any|some|most|many|no)\s+"
    r"(?:(?!(?:it|they|we|he|she|you|who|which|that)\b)[a-z][\w-]*\s+){1,2}\Z",
    re.IGNORECASE,
)
_DATED_AFTER: Final = re.compile(r"\s+(?:in|on|last|this|earlier|late|early)\s", re.IGNORECASE)


def reduced(text: str, start: int, at: int, end: int, *, forward_before: bool) -> bool:
    """Whether the participle ``text[at:end]`` qualifies the noun before it, when a verb
    looking forward came before (``forward_before``: "will supply ... under a deal signed
    in June").

    >>> t = "Acme will buy the plant under a deal signed in June."
    >>> at = t.index("signed")
    >>> reduced(t, 0, at, at + 6, forward_before=True)
    True
    >>> reduced(t, 0, at, at + 6, forward_before=False)
    False
    """
    return (
        forward_before
        and _REDUCED.search(text, max(start, at - 40), at) is not None
        and _DATED_AFTER.match(text, end) is not None
    )


# A participle right after "if", "once", "when", "unless" ...: a condition ("If approved,
# the company plans ...", "when finished in 2028"), no verb of the statement's.
_CONDITION: Final = re.compile(
    r"(?<![\w-])(?:if|once|when|unless|until|though|although|whether)\s+"
    r"(?:(?:not|yet|still|fully|finally|successfully|eventually|ever)\s+)?\Z",
    re.IGNORECASE,
)


def conditional(text: str, start: int, at: int) -> bool:
    """Whether the word at ``at`` is a participle of a condition ("If approved, ...").

    >>> t = "If approved, the merger will close in May."
    >>> conditional(t, 0, t.index("approved")), conditional("Acme approved it.", 0, 5)
    (True, False)
    """
    return _CONDITION.search(text, max(start, at - 30), at) is not None
