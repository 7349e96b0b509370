"""Sources: where a statement or a figure comes from.

A `Source` is a citation: title, publisher, URL, the day it was published (a
`When`: articles often carry only a month) and the quote. Figures and claims
both cite sources, so it sits in the lowest layer that needs it.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from timeline._errors import EventError, quoted
from timeline.dates._days import coerce_when
from timeline.dates._when import When
from timeline.figures._text import checked_text, optional_text

__all__ = ["Source"]


@attrs.frozen(init=False)
class Source:
    """Where a statement comes from; ``published`` is a `When` (text is parsed).

    >>> s = Source("Tencent AI push", publisher="Example", published="2026-03~")
    >>> s.published.approximate
    True
    """

    title: str
    publisher: str | None = None
    url: str | None = None
    published: When | None = None
    quote: str | None = None

    def __init__(
        self,
        title: str,
        *,
        publisher: str | None = None,
        url: str | None = None,
        published: When | str | _dt.date | None = None,
        quote: str | None = None,
    ) -> None:
        if not isinstance(title, str) and title is not None:
            raise EventError(f"source: title: {quoted(title)} is not text; give the source's title")
        if not title or not title.strip():
            raise EventError(f"source: title: {quoted(title)} is empty; give the source's title")
        checked_text(title, "source", "title")
        owner = f"source {title.strip()!r}"
        when = (
            None
            if published is None
            else coerce_when(
                published,
                f"source {quoted(title)}",
                "published",
                relative_fix="write the date itself, e.g. '2026-03-28' or '2026-03~'",
            )
        )
        self.__attrs_init__(
            title.strip(),
            optional_text(publisher, owner, "publisher"),
            optional_text(url, owner, "url"),
            when,
            optional_text(quote, owner, "quote"),
        )
