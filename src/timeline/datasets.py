"""Datasets bundled with timeline, ready to explore.

`ai_race_2026` is the project's embedded default: every dated or expected
statement of one article on the 2026 AI race (Tencent's Hybrid Model 3.0 and
DeepSeek V4 due in April, Guangzhou's 2030 targets, KeLing AI's revenue ...),
each citing the article with a short verbatim quote. The article carries no
date, so its statements are dated ``published: 2026-03~`` (about March 2026);
statements with no date of their own are modelled as open from publication,
never with an invented date.

>>> from timeline import datasets
>>> tl = datasets.ai_race_2026()
>>> tl["deepseek-v4-release"].status.value
'expected'
"""

from __future__ import annotations

import functools
from importlib import resources

from timeline.model._timeline import Timeline

__all__ = ["ai_race_2026"]

_AI_RACE_2026 = "ai_race_2026.yaml"


@functools.cache
def ai_race_2026() -> Timeline:
    """The AI race of spring 2026, from one article: model releases, funding, targets.

    Loaded from YAML shipped inside the package (the same file format users
    write). The timeline is immutable, so the one loaded copy is shared.

    >>> tl = ai_race_2026()
    >>> tl.name
    'AI race 2026'
    >>> str(tl["tencent-hybrid-model-3-release"].when)
    'April 2026'
    """
    from timeline.formats._io import loads

    text = resources.files("timeline").joinpath("data", _AI_RACE_2026).read_text("utf-8")
    return loads(text, "yaml", file=f"timeline/data/{_AI_RACE_2026}")
