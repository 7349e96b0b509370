"""Which month "the month" is: "if approved at the June vote, it will close by the end of the
month" is the end of June, not of the month the article was published in.

`find_dates` reads "the end of the month" against the reference (the publication's month),
which is right when no month is talked about. When the sentence names a month before it, "the
month" is that one; when the sentence opens on a condition ("If approved, ...") and the
sentence before names the month of that condition ("The vote is in June."), it is that one.
"""

from __future__ import annotations

import re
from typing import Final

from timeline._errors import WhenParseError
from timeline.dates import Precision, When
from timeline.dates._find import DateMatch
from timeline.extract._text import Span

__all__ = ["the_month_named"]

# "by the end of the month", "the middle of the month", "before the start of the month"; not
# "this month" (the publication's, said so) nor "next month".
_THE_MONTH: Final = re.compile(
    r"(?P<head>(?:(?:by|before|until|till|at|in|around)\s+)?(?:the\s+)?"
    r"(?:end|close|middle|start|beginning|turn)\s+of\s+)the\s+month",
    re.IGNORECASE,
)
# A statement that holds on a condition said before it: "If approved, ...", "once cleared".
_CONDITION: Final = re.compile(
    r"\b(?:if|once|provided|pending|subject\s+to|assuming|should\s+(?:it|the\s+\w+)\s+be)\b",
    re.IGNORECASE,
)


def _month(d: DateMatch) -> bool:
    return d.when.precision is Precision.MONTH and not d.when.is_interval


def the_month_named(text: str, dates: list[DateMatch], spans: list[Span]) -> list[DateMatch]:
    """``dates`` with each "the end of the month" read in the month the text talks about: a
    month named before it in its sentence, or, when its sentence holds on a condition, in
    the sentence before; else as found (the publication's month).

    >>> from timeline.dates import find_dates
    >>> t = "The vote is in June. If approved, the deal will close by the end of the month."
    >>> [str(d.when) for d in the_month_named(t, find_dates(t, reference="2026-05-10"),
    ...     [Span(0, 20), Span(21, len(t))])]
    ['June 2026', 'by June 2026']
    """
    out: list[DateMatch] = []
    for k, d in enumerate(dates):
        m = _THE_MONTH.fullmatch(d.text)
        span = next((s for s in spans if s.start <= d.start < s.end), None)
        if m is None or span is None:
            out.append(d)
            continue
        before = [e for e in dates[:k] if e.start >= span.start and _month(e)]
        if not before and _CONDITION.search(text, span.start, d.start):
            at = spans.index(span)
            previous = spans[at - 1] if at > 0 else None
            if previous is not None:
                before = [e for e in dates[:k] if previous.start <= e.start < previous.end]
                before = [e for e in before if _month(e)]
        if not before:
            out.append(d)
            continue
        month = before[-1].when
        try:
            when = When.parse(f"{m['head']}{month}")
        except WhenParseError:
            out.append(d)
            continue
        out.append(DateMatch(d.text, d.start, d.end, when))
    return out
