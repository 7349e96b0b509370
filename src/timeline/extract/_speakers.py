"""Who a titled person speaks for: the organisation named with the title.

A person named with a title of an organisation ("Nintendo president Shuntaro Furukawa",
"Shuntaro Furukawa, Nintendo's president", "Jane Doe, chief executive of Acme") speaks
for it: the organisation acts, not the person. `titled_org` finds it beside the name;
`timeline.extract._reader_actors` also reads a bare company title ("President Shuntaro
Furukawa said", after "Nintendo plans ...") as the organisation named before, and keeps
the person only where no organisation is named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from timeline.extract._name_words import GOVERNMENT_TITLES, TITLE_PARTS, TITLES, Name

__all__ = ["company_title", "only_a_company_title", "titled_org"]

_WORD: Final = "|".join(sorted((re.escape(w) for w in TITLES | TITLE_PARTS), key=len, reverse=True))
# One to four title words: "president", "chief executive", "Chief Financial Officer".
_RUN: Final = rf"(?:(?:{_WORD})\s+){{0,3}}(?:{_WORD})(?![\w-])"
# Between an organisation and the person: "Nintendo president ", "Acme's chief executive ".
_BEFORE: Final = re.compile(rf"(?:'s?)?\s+{_RUN}\s+", re.IGNORECASE)
# After an organisation after the person and a comma: "'s president" (", Nintendo's president").
_POSSESSED: Final = re.compile(rf"'s?\s+{_RUN}", re.IGNORECASE)
_COMMA: Final = re.compile(r",\s+(?:the\s+)?", re.IGNORECASE)
# Between the person and an organisation: ", president of ", ", chief executive at the ".
_OF: Final = re.compile(
    rf",\s+(?:the\s+|its\s+)?{_RUN}\s+(?:of|at|for)\s+(?:the\s+)?", re.IGNORECASE
)
# Titles of an office of state, not of a company: "Governor Jane Doe", "Mayor ...".
_PUBLIC: Final = GOVERNMENT_TITLES | frozenset(("premier", "governor", "mayor", "prime"))


def titled_org(folded: str, person: Name, names: Iterable[Name]) -> Name | None:
    """The organisation among ``names`` that the text names with ``person``'s title, or None.

    >>> t = "Nintendo president Shuntaro Furukawa said so; Jane Doe, president of Acme, agreed."
    >>> ns = [Name("Nintendo", 0), Name("Shuntaro Furukawa", 19), Name("Jane Doe", 46),
    ...       Name("Acme", 69)]
    >>> titled_org(t, ns[1], ns).text, titled_org(t, ns[2], ns).text, titled_org(t, ns[0], ns)
    ('Nintendo', 'Acme', None)
    """
    end = person.start + len(person.text)
    for org in names:
        if org.text == person.text or not folded.startswith(org.text, org.start):
            continue
        org_end = org.start + len(org.text)
        if org_end <= person.start and _BEFORE.fullmatch(folded, org_end, person.start):
            return org  # "Nintendo president Shuntaro Furukawa"
        if org.start >= end and (
            (_COMMA.fullmatch(folded, end, org.start) and _POSSESSED.match(folded, org_end))
            or _OF.fullmatch(folded, end, org.start)
        ):
            return org  # ", Nintendo's president", ", president of Nintendo"
    return None


# A title right before a name: "President Shuntaro Furukawa" (not "CEO of Nintendo").
_TITLE_BEFORE: Final = re.compile(rf"(?<![\w'-]){_RUN}\s+\Z", re.IGNORECASE)


def company_title(folded: str, person: Name) -> bool:
    """Whether a company's title stands right before ``person``: "President Shuntaro
    Furukawa", not an office of state ("Governor Jane Doe") nor "CEO of Nintendo".

    >>> t = "Governor Jane Doe and President Shuntaro Furukawa"
    >>> company_title(t, Name("Jane Doe", 9)), company_title(t, Name("Shuntaro Furukawa", 32))
    (False, True)
    """
    lead = folded[max(0, person.start - 40) : person.start]
    title = _TITLE_BEFORE.search(lead)
    if title is None:
        return False
    return not any(w.lower() in _PUBLIC for w in title.group().split())


# Titles a head of state or party holds as often as a company's head: "President Xi",
# "Chairman Mao". Alone before a name, they speak for a company only named beside them.
_SHARED: Final = frozenset(("president", "chairman", "chairwoman", "chair", "vice"))


def only_a_company_title(folded: str, person: Name) -> bool:
    """Whether the title before ``person`` is a company's only ("Chief Executive Jane Doe"),
    not one a head of state holds too ("President Jane Doe"): only such a title speaks for
    a company named in an earlier sentence.

    >>> t = "President Jane Doe and CEO Maria Lopez"
    >>> doe, lopez = Name("Jane Doe", 10), Name("Maria Lopez", 27)
    >>> only_a_company_title(t, doe), only_a_company_title(t, lopez)
    (False, True)
    """
    lead = folded[max(0, person.start - 40) : person.start]
    title = _TITLE_BEFORE.search(lead)
    return title is not None and not any(w.lower() in _SHARED for w in title.group().split())
