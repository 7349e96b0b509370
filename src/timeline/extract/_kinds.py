"""A kind for a statement from its words: funding, model-release, policy-target ...

`guess_kind` tries rules in order, the more specific before the general; the reader
(`timeline.extract._reader_figures`) asks it for each statement it drafts.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["guess_kind"]


# Kinds by cue words, first match wins: the more specific before the general. A kind
# with a second pattern needs both ("release" and "model" for a model release).
_KIND_RULES: Final = (
    ("shutdown", r"\bshut(?:ting|s)?[\s-]?down|\bshutdown|\bdiscontinu|\bshutter", None),
    ("hiring-freeze", r"\bfreez\w*\s+(?:\w+\s+)?hir|\bhiring freeze", None),
    ("layoffs", r"\blay(?:s|ing)?[\s-]?offs?\b|\blaid off|\bjob cuts", None),
    ("reorganisation", r"\breorgani[sz]|\brestructur", None),
    ("legal", r"\bcourt\b|\binjunction|\blawsuit|\bsued\b|\bruling\b|\bjudge", None),
    ("regulation", r"\bregulat|\bdesignat|\bban(?:s|ned)?\b|\bsanction|\bexport control", None),
    ("acquisition", r"\bacqui(?:re|red|res|sition)|\bmerger\b", None),
    ("funding", r"\bfunding|\bfundrais|\bround\s+of\b|\bvaluation|\bseries [a-f]\b", None),
    ("revenue-target", r"\b(?:revenue|arr|sales)\b", r"\b(?:by|in)\s+\d{4}|\bexpect|\btarget"),
    ("revenue", r"\brevenue|\barr\b|\bsales\b|\bprofit", None),
    (
        "policy-target",
        r"\b(?:plan|policy|city|government|ministry|province|national)\b",
        r"\baim|\btarget|\bgoal|\bby\s+\d{4}",
    ),
    ("policy", r"\bpolicy|\bplan\b|\bregulation|\blaw\b|\bgovernment|\bministry", None),
    ("investment", r"\binvest|\bdata[\s-]?cent(?:er|re)|\bcapex|\binfrastructure", None),
    ("forum", r"\bforum|\bsummit|\bconference|\bexpo\b", None),
    ("organisation-launch", r"\b(?:association|alliance|consortium|foundation)\b", None),
    ("platform-opening", r"\bopen(?:s|ing|ed)?\s+(?:\w+\s+){0,2}(?:ecosystem|platform|to)\b", None),
    ("model-testing", r"\btesting\b|\bin beta\b", None),
    (
        "model-release",
        r"\breleas|\blaunch|\bunveil|\bdebut|\bship",
        r"\bmodels?\b|\bllm|\bversions?\b|\bv\d|\bgpt",
    ),
    (
        "product-launch",
        r"\blaunch|\breleas|\bunveil|\bdebut|\broll(?:s|ed|ing)? out|\bdeliveries",
        None,
    ),
    ("publication", r"\bessay|\bpaper\b|\breport\b|\bpublish|\bbook\b|\bstudy\b", None),
    (
        "metric",
        r"\b(?:rose|grew|topped|surpassed|exceeded|reached|fell|calls|volume|users)\b",
        None,
    ),
    ("statement", r"\b(?:said|says|describ|stated|told|argu|emphasi)", None),
)
_KINDS: Final = tuple(
    (kind, re.compile(p, re.IGNORECASE), None if q is None else re.compile(q, re.IGNORECASE))
    for kind, p, q in _KIND_RULES
)


def guess_kind(text: str, context: str | None = None) -> str | None:
    """A kind for a statement from its words, or None when no rule fits.

    ``context`` (the whole sentence) is where a second pattern may be found:
    "slated for an April release" is a model release in a sentence about a model.

    >>> guess_kind("Anthropic is seeking up to $10 billion in new funding")
    'funding'
    >>> guess_kind("the Hybrid Model 3.0 is slated for an April release")
    'model-release'
    """
    for kind, pattern, also in _KINDS:
        if not pattern.search(text):
            continue
        # Only what a release is of may come from the rest of the sentence.
        where = (context or text) if kind == "model-release" else text
        if also is None or also.search(where):
            return kind
    return None
