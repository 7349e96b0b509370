"""From an article to a draft timeline: `extract` finds the statements a person would type in.

Each sentence (or clause, when a sentence joins two statements) that carries a
date phrase, a deadline, or a cue ("slated for", "plans to", "announced")
with a name or a figure becomes a `Draft`: title, `When`, status, kind,
actors, figures, the span and quote it came from, and a confidence with its
reasons. `Extraction.to_yaml` writes a data file to review and
``timeline check``; `Extraction.timeline` gives a `Timeline`.

``timeline.extract`` is both this package and the function: the package
module is callable, so ``timeline.extract(text)`` and
``timeline.extract.extract(text)`` are the same call whichever was imported
first.

Rules, not a model: deterministic, no network, fast (a few milliseconds for
an article). A layer-2 package beside the adapters: it may import
`timeline.dates`, `timeline.figures`, `timeline.model` and `timeline.records`
(for the data-file records its YAML draft is made of), never the other adapters
or the command line. Names come from capitalisation and the caller's ``known_actors``;
spaCy adds names when it is installed with an English model.

>>> from timeline.extract import extract
>>> x = extract("KeLing AI expects $600 million in ARR by 2026.", reference="2026-03-01")
>>> d = x.drafts[0]
>>> (str(d.when), d.status.value, d.kind, str(d.target.goal))
('by end of 2026', 'expected', 'revenue-target', '$600 million')
"""

from __future__ import annotations

import inspect
import sys
import types

from timeline._errors import ExtractError
from timeline.extract._actors import names
from timeline.extract._draft import LOW_CONFIDENCE, Draft, Extraction, Stats
from timeline.extract._extract import extract

__all__ = [  # noqa: RUF022 (plain sorted() order, as tests/test_layout.py checks)
    "Draft",
    "ExtractError",
    "Extraction",
    "LOW_CONFIDENCE",
    "Stats",
    "extract",
    "names",
]


class _CallableModule(types.ModuleType):
    """This package as a module that can be called: ``timeline.extract(text)``."""

    __call__ = staticmethod(extract)


sys.modules[__name__].__class__ = _CallableModule
__signature__ = inspect.signature(extract)  # what help() and inspect show for the call
