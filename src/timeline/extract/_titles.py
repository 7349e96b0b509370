"""The titles and ids of drafts: a clause in its own words, connectors off; its subject
when it shares the one of the clause before; a slug for its id, unique in the text.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from timeline.extract._draft import Draft
from timeline.extract._text import fold
from timeline.model._event import slugify

__all__ = ["slug", "subject_title", "title", "unique_ids"]

_MAX_TITLE: Final = 100
_CONNECTOR: Final = re.compile(
    # whole words only: "Sony" and "SoftBank" do not start with "so"
    r"^(?:(?:and|but|while|whereas|which|following|after|when|also|so|then|yet|though"
    r"|although|even\s+though"
    # ", adding that it would hire ...": what is said, not the saying
    r"|(?:adding|saying|noting|warning|stressing|explaining|predicting)\s+that)\b|[,;:\-\s])+",
    re.IGNORECASE,
)
# A sentence opening with a clause before its main one: "After a six-month delay, the plant
# will open ...", "When the law takes effect in 2027, Acme will ...": its first word stays.
_OPENS_SENTENCE: Final = re.compile(
    r"(?:After|Following|Despite|Amid|When|While|Once|Before|Although|Though|Even\s+though"
    r"|Whereas|Unless|If)\s[^,;]{3,80},\s+\S"
)
# Matched at a clause's start with Pattern.match(text, pos): no "^", which only
# matches at the start of the whole text.
_TRAILING: Final = re.compile(r",\s+(?:\w+ing|which|who|as|with|a|an)\s+\w")


def title(raw: str) -> str:
    """A draft's title: the clause in its own words, connectors off, at most 100 characters.

    >>> title("and expects to double to $600 million by 2026, illustrating how firms grow.")
    'Expects to double to $600 million by 2026'
    >>> title("After a six-month delay, the plant will open in June 2027.")
    'After a six-month delay, the plant will open in June 2027'
    """
    text = " ".join(raw.split())
    if not _OPENS_SENTENCE.match(text):
        text = _CONNECTOR.sub("", text).strip()
    text = text.rstrip(" .;:,!?")
    if len(text) > 60:
        m = _TRAILING.search(text, 40)
        if m is not None:
            text = text[: m.start()]
    if len(text) > _MAX_TITLE:
        cut = text.rfind(" ", 0, _MAX_TITLE)
        text = text[: cut if cut > 40 else _MAX_TITLE - 1].rstrip(" ,;:") + "…"
    if text[:1].islower() and not _camel(text):
        text = text[0].upper() + text[1:]  # a clause cut from its sentence starts a title
    return text


# A clause with no subject of its own starts with its verb: a modal or an auxiliary, or a
# verb ("-s", "-ed", a common irregular past) not followed by another ("regulators said",
# "industry groups warned": a subject of their own).
_AUX: Final = (
    r"(?:will|would|shall|should|can|could|may|might|must|is|are|was|were|has|have|had|does"
    r"|did|also|now|still|then|later)"
)
_PAST: Final = (
    r"(?:said|says|sold|won|made|set|sets|cut|cuts|took|began|became|grew|rose|fell|built"
    r"|bought|got|gave|led|lost|paid|put|ran|saw|sent|spent|told|went|wrote|kept|held|hit"
    r"|[a-z]{2,}ed)"
)
_VERB_FIRST: Final = re.compile(
    rf"(?:{_AUX}\b|(?!(?:its|this|his|hers|ours|theirs|yours|us|as|plus|less|thus|news"
    rf"|various|previous|whereas|unless|across"
    # a participle going on with "is ..." ("is in testing and slated for April"): its
    # subject is the thing, not who spoke
    rf"|slated|scheduled|expected|due|planned|poised|targett?ed|designed|meant|supposed"
    rf"|intended|priced|valued|based|located|owned|backed|set\s+(?:for|to)|likely)\b)"
    rf"(?:{_PAST}|[a-z]{{2,}}s)\b(?!\s+(?:{_AUX}|{_PAST})\b))",
    re.IGNORECASE,
)


def subject_title(raw: str, subject: str) -> str | None:
    """The title of a clause cut from its sentence with no subject of its own, with the
    subject it shares ("and said it expects to cut rates" -> "Bank of England said ..."),
    or None when the clause has a subject of its own or starts with a name.

    >>> subject_title("and said it expects to cut rates by early 2027.", "Bank of England")
    'Bank of England said it expects to cut rates by early 2027'
    >>> [subject_title(t, "Acme") for t in ("and it expects more.", "while rivals said so.")]
    [None, None]
    >>> subject_title("and its sales rose.", "Acme") is None
    True
    >>> subject_title("and slated for an April release.", "Liu Chi-ping") is None
    True
    """
    text = _CONNECTOR.sub("", " ".join(raw.split())).strip()
    if not text[:1].islower() or not _VERB_FIRST.match(text) or _camel(text):
        return None
    return title(f"{subject} {text}")


def _camel(text: str) -> bool:
    word = text.split(" ", 1)[0]
    return any(c.isupper() for c in word[1:])


def slug(title: str) -> str:
    """An event id from a title, at most 60 characters.

    >>> slug("Guangzhou aims for 10,000 AI‑plus enterprises by 2030")
    'guangzhou-aims-for-10-000-ai-plus-enterprises-by-2030'
    """
    slug = slugify(fold(title))  # "AI‑plus" (a non-breaking hyphen) -> ai-plus
    if len(slug) > 60:
        cut = slug.rfind("-", 0, 60)
        slug = slug[: cut if cut > 20 else 60]
    return slug


def unique_ids(drafts: list[Draft]) -> list[Draft]:
    """The drafts with ids made unique by a suffix (-2, -3 ...) in text order."""
    seen: dict[str, int] = {}
    out = []
    for draft in drafts:
        n = seen.get(draft.id, 0) + 1
        seen[draft.id] = n
        out.append(draft if n == 1 else attrs.evolve(draft, id=f"{draft.id}-{n}"))
    return out
