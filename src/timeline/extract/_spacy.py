"""Names spaCy finds, when it is installed with an English model: its ORG, PERSON and GPE
entities, which `timeline.extract._actors` adds to those its rules find. Optional: without
spaCy (or a model) there are none, and ``import timeline`` never loads it.
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["spacy_names"]


@functools.cache
def _spacy_model() -> Any:
    try:
        import spacy  # type: ignore[import-not-found]  # optional: only if installed
    except ImportError:
        return None
    for model in ("en_core_web_sm", "en_core_web_md", "en_core_web_lg"):
        try:
            return spacy.load(model, disable=["lemmatizer"])
        except OSError:  # not installed
            continue
    return None


def spacy_names(text: str) -> list[tuple[int, int, str]]:
    """The (start, end, label) of the ORG, PERSON and GPE names spaCy finds; none without it.

    >>> isinstance(spacy_names("Tencent said so."), list)
    True
    """
    nlp = _spacy_model()
    if nlp is None:
        return []
    return [
        (e.start_char, e.end_char, str(e.label_))
        for e in nlp(text).ents
        if e.label_ in ("ORG", "PERSON", "GPE")
    ]
