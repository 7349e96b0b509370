"""The checked and shared fields of an `Event`, before the event is built.

Lists of names (actors, tags, related ids) checked and shared one tuple per
distinct list, so large timelines stay small; the default id (`slugify`) and
the id pattern; line endings made one; the order claims are kept in.
`timeline.model._event` builds the event from them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from timeline._errors import EventError
from timeline.figures._text import checked_text
from timeline.model._claim import Claim

__all__ = ["slugify"]

# Large timelines repeat the same actor and tag lists; sharing one tuple per
# distinct list keeps an event small (benchmarks/bench_timeline.py).
_SHARED_MAX = 1 << 16


def _strings(value: Iterable[str] | str | None, owner: str, field: str) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str) and "," in value:
        # "Tesla, Elon Musk" is two names written as one text: stored as one name it
        # would match neither; refuse it and show the list.
        parts = [part.strip() for part in value.split(",") if part.strip()]
        raise EventError(
            f"{owner}: {field}: {value!r} holds several names in one text; give a list: "
            f"{parts!r} (or [{value!r}] for one name holding a comma)"
        )
    try:
        items = (value,) if isinstance(value, str) else tuple(value)
    except TypeError:
        raise EventError(f"{owner}: {field}: {value!r} is not a list of names") from None
    for item in items:
        if not isinstance(item, str):
            raise EventError(f"{owner}: {field}: {item!r} is not text; give names as strings")
        checked_text(item, owner, field)
    names = tuple(map(str.strip, items))
    if "" in names:
        names = tuple(filter(None, names))
    return _share_names(names)


_shared_names: dict[tuple[str, ...], tuple[str, ...]] = {}
_shared_text: dict[str, str] = {}


def _share_names(names: tuple[str, ...]) -> tuple[str, ...]:
    shared = _shared_names.get(names)
    if shared is not None:
        return shared
    if len(_shared_names) >= _SHARED_MAX:
        _shared_names.clear()
    if len(_shared_text) >= _SHARED_MAX:
        _shared_text.clear()
    # Not sys.intern: interned strings may live for the whole process (3.12).
    names = tuple(_shared_text.setdefault(n, n) for n in names)
    _shared_names[names] = names
    return names


def _claim_order(claim: Claim) -> int:
    return claim.day.toordinal()


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ID = re.compile(r"[A-Za-z0-9][\w.\-]*")


def slugify(text: str) -> str:
    """A stable lower-case slug: the default event id.

    >>> slugify("Tencent Hybrid Model 3.0 release")
    'tencent-hybrid-model-3-0-release'
    """
    if text.isascii():  # the common case: nothing to fold or lose
        return _NOT_SLUG.sub("-", text.lower()).strip("-") or "event"
    folded = unicodedata.normalize("NFKD", text)
    slug = _NOT_SLUG.sub("-", folded.encode("ascii", "ignore").decode().lower()).strip("-")
    if any(c.isalnum() and not c.isascii() for c in folded if not unicodedata.combining(c)):
        # Titles in other scripts (Chinese is common here) lose letters when
        # folded to ASCII; a digest of the full title keeps the id stable and distinct.
        import hashlib  # rarely needed: non-ASCII titles only

        digest = hashlib.sha1(text.strip().encode()).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else f"event-{digest}"
    return slug or "event"


def _newlines(text: str) -> str:
    """``text`` with CR LF and lone CR line endings as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
