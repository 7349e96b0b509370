"""Asides: what a sentence says beside its statement, between its subject and its verb.

A non-restrictive relative clause (", which shipped 500 robots this year,", ", who
founded it in 2015,", ", whose first rocket failed in 2024,") or an appositive after a
name (", the company that built the Model S,", ", a supplier that doubled sales in
2025,") closed by a comma before the main verb ("plans", "will", "said", "raised") is
background: the statement, its status and its date are the main clause's. The aside
may make a draft of its own, but only with a date or a figure of its own.

Not asides: a date given up (", which was originally planned for 2027,", the
statement's first promise), a list of names (", Tesla, and Rivian"), a clause that
runs to the end of the sentence, anything inside a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from timeline.extract._cues import SLIP_WORD
from timeline.extract._quotes import inside

__all__ = ["asides"]

# The aside: a comma, "which"/"who"/"whose" (any antecedent) or "the"/"a"/"an" after a
# capitalised word (a name), its words (no clause mark; a comma only inside a number:
# "10,000"), and the comma that closes it before a word that can be the main verb.
_ASIDE: Final = re.compile(
    r"(?:(?<=\w)|(?<=\w[.')]))"
    r",\s+(?P<head>which|who|whom|whose|the|a|an"
    # a participle and its preposition: ", founded in 2015,", ", built by Rocket Lab,"
    # (not a schedule: ", planned for June," is the statement's date; but a delay's cause
    # is: ", delayed by an arbitration with Exxon Mobil," not ", delayed by a year,")
    r"|(?!(?:planned|scheduled|slated|expected|targett?ed|intended|earmarked|pencill?ed|billed"
    r"|timed|proposed|delayed|postponed|moved|pushed|rescheduled|deferred|due|set)\b"
    r"(?!\s+by\s+(?!(?:[\w-]+\s+){0,3}?(?:days?|weeks?|months?|quarters?|years?|decades?)\b)))"
    r"(?:[a-z]+ed|built|made|led|run|owned|held|known|born|sold|bought|grown|taken|given"
    r"|shown|hit)(?=\s+(?:by|in|on|at|as|from|with|for|under|since)\s)"
    # how often it was delayed, with no date: ", delayed twice,", ", postponed repeatedly,"
    r"|(?:delayed|postponed|rescheduled|deferred)(?=\s+(?:twice|again|repeatedly|once\s+more"
    r"|(?:several|many|multiple|two|three|four|five)\s+times)\s*,))\s+"
    r"(?:[^,;:()\"\n]|,(?=\d))+?"
    # the comma that closes it, before the main verb (an adverb may come first: "finally")
    r",(?=\s+(?:[a-z]{2,}ly\s+)?(?P<verb>[a-z][\w-]*))"
)
_NAME_BEFORE: Final = re.compile(r"[A-Z][\w.&'-]*[\w.)]?\Z")
# Words that can be the main verb after an aside: modals, auxiliaries, a third person
# "-s" ("plans", "ships"), a past "-ed" ("raised"), and common irregular pasts.
_VERB: Final = re.compile(
    r"(?:will|would|shall|should|can|could|may|might|must|is|are|was|were|has|have|had|does"
    r"|did|said|says|also|now|still|sold|won|made|set|cut|took|began|became|grew|rose|fell"
    r"|built|bought|got|gave|led|lost|paid|put|ran|saw|sent|spent|told|went|wrote|expects"
    r"|(?!(?:its|this|his|as|us|plus|less|across|unless|thus|whereas|hers|ours|theirs"
    r"|yours|news|various|previous)\b)[a-z]{2,}s|[a-z]{2,}ed)",
    re.IGNORECASE,
)
# A clause at the end of a sentence on what came before or after its statement.
_TRAILING: Final = re.compile(
    r",\s+(?:after|following|before)\s+(?:[^,;:()\"\n]|,(?=\d))+?[.!?]?[\"']?\s*\Z",
    re.IGNORECASE,
)
# Words of a date moved or given up: "after a delay from 2025", "after once targeting
# 2020", "now expects": the trailing clause is the statement's first promise.
_MOVED: Final = re.compile(
    r"\b(?:now|once|originally|initially|previously|delays?|delayed|target(?:ing|ed)"
    r"|planned|scheduled|slated|due|promised)\b",
    re.IGNORECASE,
)
# A date given up in the aside: the statement's first promise, never background.
_GIVEN_UP: Final = re.compile(
    r"\b(?:originally|initially|previously|formerly|earlier|until\s+now"
    r"|(?:first|once)\s+(?:planned|scheduled|slated|expected|due|set|promised|targeted))\b",
    re.IGNORECASE,
)
# In an aside, a promise told in the past: ", which had planned to deliver it in 2026,".
_HAD_PROMISED: Final = re.compile(
    r"\b(?:had\s+(?:\w+ly\s+)?(?:planned|hoped|targett?ed|promised|expected|aimed|intended"
    r"|pledged|vowed|scheduled|forecast|projected|guided|signall?ed)"
    # ", which was expected to close in the first quarter, closed on April 3": moved too
    r"|(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?:expected|due|scheduled|slated|planned|set"
    r"|supposed|meant|targett?ed))\b"
    r"(?:\s+to\s+(?:\w+ly\s+)?(?P<verb>[a-z]{3,}))?",
    re.IGNORECASE,
)
# In an aside, words of a promise: its date may be the one the main clause moves (", which
# was scheduled for December,"); not ", the first crewed landing since 1972,".
_PROMISED: Final = re.compile(
    r"\b(?:plann|schedul|slat|due|expect|target|set\s+(?:for|to)|promis|aim|hop|would|will"
    r"|intend|pledg|vow|meant|supposed|penc|earmark|forecast|project|guid|signal|indicat"
    r"|predict|commit|had\s)",
    re.IGNORECASE,
)
# The main clause goes on to move or give up a date: the aside's date is the first promise
# ("The expo, which was scheduled for December, has been postponed to March").
_MOVE_AFTER: Final = re.compile(r"[^.;!?]*?(?<![\w-])now(?![\w-])", re.IGNORECASE)


def asides(
    folded: str,
    start: int,
    end: int,
    quoted: list[tuple[int, int]],
    dated: Callable[[int, int], bool] = lambda a, b: False,
) -> list[tuple[int, int]]:
    """The asides of ``folded[start:end]``: (start, end), from the comma that opens one
    through the comma that closes it, or through the sentence's end for a trailing
    "after"/"following" clause; ``dated(a, b)`` says whether ``folded[a:b]`` has a date.

    >>> t = "UBTech, which shipped 500 robots this year, plans to triple output in 2027."
    >>> [t[a:b] for a, b in asides(t, 0, len(t), [])]
    [', which shipped 500 robots this year,']
    >>> t = "The plant, which was originally planned for 2027, will now open in 2029."
    >>> asides(t, 0, len(t), [])
    []
    """
    found: list[tuple[int, int]] = []
    for m in _ASIDE.finditer(folded, start, end):
        if inside(quoted, m.start()):
            continue
        head = m.group("head").lower()
        if head in ("the", "a", "an") and not _NAME_BEFORE.search(
            folded, max(start, m.start() - 60), m.start()
        ):
            continue  # "in 2025, the company said": no name for it to stand beside
        if not _VERB.fullmatch(m.group("verb")):
            continue
        if _GIVEN_UP.search(folded, m.start(), m.end()):
            continue  # ", which was originally planned for 2027,": a first promise
        promised = _HAD_PROMISED.search(folded, m.start(), m.end())
        if (
            promised is not None
            and promised.group("verb") is not None
            and dated(m.start(), m.end())
            and dated(m.end(), end)
            # the same act: "had planned to deliver ..., began deliveries"
            and re.search(rf"\b{promised.group('verb')[:4]}", folded[m.end() : end], re.I)
        ):
            continue  # ", which had hoped to open it in 2024, opened it in May 2025": moved
        slip = SLIP_WORD.search(folded, m.end(), end)
        moved_after = slip or _MOVE_AFTER.match(folded, m.end(), end)
        # "..., pushed its interim 2026 target back": the main clause moves a date of its own
        own = slip is not None and dated(m.end(), slip.end())
        if moved_after and not own and _PROMISED.search(folded, m.start(), m.end()):
            continue  # ", which was due in May, has been delayed to July": one thing, moved
        found.append((m.start(), m.end()))
    trailing = _TRAILING.search(folded, start, end)
    if (
        trailing is not None
        and not inside(quoted, trailing.start())
        and not any(a <= trailing.start() < b for a, b in found)
        and dated(trailing.start(), trailing.end())
        and dated(start, trailing.start())
        and not _MOVED.search(folded, start, trailing.end())
        and not SLIP_WORD.search(folded, trailing.start(), trailing.end())
    ):
        # "kept its rate at 4% on Thursday, after cutting it in August": the cut is
        # background to the decision, each with its own date
        found.append((trailing.start(), trailing.end()))
    return found
