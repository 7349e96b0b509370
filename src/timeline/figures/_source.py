"""Sources: where a statement or a figure comes from.

A `Source` is a citation: title, publisher, URL, the day it was published (a
`When`: articles often carry only a month) and the quote. Figures and claims
both cite sources, so it sits in the lowest layer that needs it.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from timeline._errors import EventError
from timeline.dates._days import coerce_when
from timeline.dates._when import When

__all__ = ["Source"]


def _optional_text(value: str | None, owner: str = "", field: str = "") -> str | None:
    if value is None:
        return None
    text = _unicode(str(value).strip(), owner, field)
    return text or None


def _unicode(text: str, owner: str, field: str) -> str:
    r"""``text``, refused with its position if it holds a lone surrogate, which no file can hold.

    Such text reaches Python from JSON (``"\ud800"``) or from bytes decoded with
    ``surrogateescape``; it would load, then fail the moment it is written out.

    >>> _unicode("ab\ud800", "event 'x'", "title")
    Traceback (most recent call last):
    ...
    timeline._errors.EventError: event 'x': title: 'ab\ud800' holds a lone surrogate ...
    """
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as err:
            where = f"{owner}: {field}: " if owner else f"{field}: "
            raise EventError(
                f"{where}{text!r} holds a lone surrogate {text[err.start]!r} at character "
                f"{err.start + 1}, which is not text; remove it (an escape such as \\ud800 "
                "needs its other half)"
            ) from None
    return text


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
        if not isinstance(title, str) or not title.strip():
            raise EventError(f"source: title: {title!r} is empty; give the source's title")
        _unicode(title, "source", "title")
        owner = f"source {title.strip()!r}"
        when = (
            None
            if published is None
            else coerce_when(
                published,
                f"source {title!r}",
                "published",
                relative_fix="write the date itself, e.g. '2026-03-28' or '2026-03~'",
            )
        )
        self.__attrs_init__(
            title.strip(),
            _optional_text(publisher, owner, "publisher"),
            _optional_text(url, owner, "url"),
            when,
            _optional_text(quote, owner, "quote"),
        )
