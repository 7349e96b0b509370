"""The words around a date in a phrase: relations, qualifiers and fillers.

"by the end of Q3 2026?" is the relation "by", the date "Q3 2026" and the
qualifier "?". `Words` peels them from both ends of a (lower-cased) phrase,
leaving the date in the middle (`Words.core`), and `Words.apply` puts them on
the `When` that date reads as. Relations are kept as said ("no later than",
"not before"); a qualifier said of a span named as one date ("c. FY2027") is
said of each end, and a relation reaches the end it concerns ("by FY2027" is
by its last month).
"""

from __future__ import annotations

import re

from timeline.dates._parse_edtf import Fail
from timeline.dates._precision import Relation
from timeline.dates._when import When, WhenError

__all__ = ["Words"]

# -- words around a date -----------------------------------------------------------------------

_PREFIX = re.compile(
    r"""
    (?:
        (?P<rel>no\ later\ than\ (?:the\ )?end\ of|not\ later\ than\ (?:the\ )?end\ of
            |by\ the\ end\ of|by\ end\ of|by\ the\ close\ of|by\ the\ start\ of
            |by\ the\ beginning\ of|before\ the\ end\ of|before\ end\ of
            |prior\ to\ the\ end\ of|after\ the\ start\ of|after\ the\ beginning\ of
            |no\ later\ than|not\ later\ than|not\ after
            |no\ earlier\ than|not\ earlier\ than|not\ before|net|prior\ to|by|before|after
            |ahead\ of|as\ early\ as|as\ soon\ as|until\ at\ least|at\ least\ until
            |not\ until|no\ sooner\ than|not\ sooner\ than|beyond|post|pre)
      | (?P<approx>circa|c\.|c|ca\.|ca|about|around|approximately|approx\.?|roughly
            |some\ ?time\ around)
      | (?P<unc>maybe|possibly|perhaps|probably)
      | (?P<filler>in|on|during|at|some\ ?time\ in|some\ ?time\ during|some\ ?time)
    )\s+
    | (?P<tilde>~)\s*
    | (?P<glued>c\.|ca\.)(?=\d)
    | (?P<hyphened>post|pre)-(?=\w)
    """,
    re.VERBOSE,
)
_RELATIONS = {
    "by": "by",
    "by the end of": "by",
    "by end of": "by",
    "by the close of": "by",
    "no later than": "not after",
    # "no later than the end of 2026" is no later than 2026, as "by the end of" is "by"
    "no later than the end of": "not after",
    "no later than end of": "not after",
    "not later than the end of": "not after",
    "not later than end of": "not after",
    "not later than": "not after",
    "not after": "not after",
    "by the start of": "before",
    "by the beginning of": "before",
    # "before the end of 2026" is on or before its last day, not before its last third
    "before the end of": "by",
    "before end of": "by",
    "prior to the end of": "by",
    # "after the start of 2027" is from its first day, not after its first third
    "after the start of": "not before",
    "after the beginning of": "not before",
    "before": "before",
    "prior to": "before",
    "after": "after",
    "not before": "not before",
    "no earlier than": "not before",
    "not earlier than": "not before",
    "net": "not before",  # "no earlier than", as launch schedules write it
    "ahead of": "before",
    "as early as": "not before",
    "as soon as": "not before",
    # "on hold until at least mid-2027", "not until 2028": it ends (or starts) no earlier
    "until at least": "not before",
    "at least until": "not before",
    "not until": "not before",
    "no sooner than": "not before",
    "not sooner than": "not before",
    # as forecasts write them: "beyond 2030", "post-2030", "pre-2030"
    "beyond": "after",
    "post": "after",
    "pre": "before",
}
_SUFFIX = re.compile(
    r"""\s*(?:
        (?P<mark>[?~%])|\((?P<pmark>\?)\)
      | (?P<later>or\ later|or\ after|at\ the\ earliest)
      | (?P<earlier>or\ earlier|or\ before|at\ the\ latest)
      | (?P<orso>or\ so)
    )$""",
    re.VERBOSE,
)


_SUFFIX_REACH = 24  # characters: the longest suffix and a little white space

_SUFFIX_ENDS = (
    "?",
    "~",
    "%",
    ")",
    "later",
    "after",
    "earliest",
    "earlier",
    "before",
    "latest",
    "so",
)


class Words:
    """The qualifiers and relation peeled off a phrase, and the date left in the middle."""

    __slots__ = ("approximate", "core", "end", "relation", "start", "uncertain")

    def __init__(self, text: str) -> None:
        self.approximate = self.uncertain = False
        self.relation: str | None = None
        # Words are peeled by moving two indices, never by re-slicing the text,
        # and each suffix is looked for only near the end: linear in the length.
        s, start, end = text, 0, len(text)
        while (m := _PREFIX.match(s, start, end)) is not None:
            if m["rel"] is not None or m["hyphened"] is not None:
                self._relate(_RELATIONS[m["rel"] or m["hyphened"]])
            elif m["approx"] is not None or m["tilde"] is not None or m["glued"] is not None:
                self.approximate = True
            elif m["unc"] is not None:
                self.uncertain = True
            start = m.end()
        while s.endswith(_SUFFIX_ENDS, start, end):
            # the longest suffix is "at the earliest" with a few spaces before it
            m = _SUFFIX.search(s, max(start, end - _SUFFIX_REACH), end)
            if m is None or m.start() == start:
                break
            mark = m["mark"] or m["pmark"]
            if mark is not None:
                self.approximate |= mark in "~%"
                self.uncertain |= mark in "?%"
            elif m["later"] is not None:
                self._relate("not before")
            elif m["earlier"] is not None:
                self._relate("by")
            else:
                self.approximate = True
            end = m.start()
        self.core = s[start:end].strip()
        self.start, self.end = start, end  # the words before and after the core: text[:start] ...

    def _relate(self, relation: str) -> None:
        # Saying the same limit twice is common ("by 2030 at the latest"); two
        # different ones ("by 2030 or later") contradict each other.
        if self.relation is not None and self.relation != relation:
            raise Fail("more than one of by/before/after", definite=False)
        self.relation = relation

    def apply(self, w: When) -> When:
        """``w`` with these qualifiers and this relation."""
        if isinstance(w.lower, When) and isinstance(w.upper, When):
            return self._apply_to_span(w.lower, w.upper)
        if self.approximate or self.uncertain:
            w = w.qualify(
                approximate=w.approximate or self.approximate,
                uncertain=w.uncertain or self.uncertain,
            )
        if self.relation is None:
            return w
        if w.relation is not Relation.ON:
            raise Fail("more than one of by/before/after")
        if w.is_interval:
            raise Fail("by/before/after apply to a single date, not to an interval")
        if self.relation == "by":
            return w.by()
        if self.relation == "not after":
            return w.not_after()
        if self.relation == "not before":
            return w.not_before()
        try:
            return w.before() if self.relation == "before" else w.after()
        except WhenError:
            from timeline.dates._format import to_text

            raise Fail(
                f"nothing lies {self.relation} {to_text(w)} in the calendar (years 1 to 9999)"
            ) from None

    def _apply_to_span(self, lower: When, upper: When) -> When:
        """A span named as one date ("FY2027", "15-20 April 2026", "later this year").

        A qualifier is said of the whole span, so of each end; a relation reaches one
        end: "by FY2027" is by its last month, "not before FY2027" from its first.
        """
        if self.relation is None:
            return When.interval(self._qualified(lower), self._qualified(upper))
        last = self.relation in ("by", "not after", "after")
        return self.apply(upper if last else lower)

    def _qualified(self, w: When) -> When:
        if not (self.approximate or self.uncertain):
            return w
        return w.qualify(
            approximate=w.approximate or self.approximate,
            uncertain=w.uncertain or self.uncertain,
        )
