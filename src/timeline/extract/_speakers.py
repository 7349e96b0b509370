"""Who a titled person speaks for: the organisation named with the title.

A person named with a title of an organisation ("Nintendo president Shuntaro Furukawa",
"Shuntaro Furukawa, Nintendo's president", "Jane Doe, chief executive of Acme") speaks
for it: the organisation acts, not the person. `titled_org` finds it beside the name;
`timeline.extract._reader_actors` also reads a company's title alone ("Chief Executive
Jane Doe said", after "Nintendo plans ...") as the organisation named before.

A title a head of state or a party's head holds as often as a company's head ("President",
"Chairman") is the rule's exception: alone before a name, it speaks for an organisation only
where the text ties the person to it, in this sentence or another ("Acme President Jane
Doe", "Jane Doe, Acme's president", "Jane Doe, chairman of Acme"); `tied_org` finds such a
tie elsewhere in the text, and `company_audience` a tie by what the person does: speaking to
a company's shareholders, analysts or staff ("chairman Mukesh Ambani told shareholders", "...
on an earnings call"). A company named beside it is no tie: in "Acme said the plant will
open in 2027, and President Maria Lopez added that tariffs will start in 2028" she acts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

from timeline.extract._name_words import GOVERNMENT_TITLES, TITLE_PARTS, TITLES, Name
from timeline.extract._text import words

__all__ = [
    "company_audience",
    "company_title",
    "only_a_company_title",
    "tied_org",
    "title_of_split",
    "titled_org",
]

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
# A title and "of" right before an organisation: "President of " (Acme Maria Lopez).
_TITLE_OF: Final = re.compile(rf"(?<![\w'-]){_RUN}\s+of\s+(?:the\s+)?\Z", re.IGNORECASE)
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
        if (
            org_end < person.start
            and not folded[org_end : person.start].strip()
            and _TITLE_OF.search(folded, max(0, org.start - 40), org.start)
        ):
            return org  # "President of Acme Maria Lopez"
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


# Where a sentence ends: its closing mark before a space, or a line's end.
_SENTENCE_END: Final = re.compile(r"[.!?](?=\s|\Z)|\n")


def tied_org(folded: str, person: Name, names_in: Callable[[int, int], list[Name]]) -> Name | None:
    """The organisation another sentence of ``folded`` names with ``person``'s title
    ("Acme President Jane Doe", "Jane Doe, Acme's president"), or None; ``names_in(start,
    end)`` gives the names of a sentence.

    >>> t = "Acme President Jane Doe spoke. President Jane Doe said so."
    >>> def names_in(a, b):
    ...     return [n for n in (Name("Acme", 0), Name("Jane Doe", 15)) if a <= n.start < b]
    >>> tied_org(t, Name("Jane Doe", 41), names_in).text
    'Acme'
    """
    for m in re.finditer(rf"(?<![\w-]){re.escape(person.text)}(?![\w-])", folded):
        if m.start() == person.start:
            continue
        begin = max(folded.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        close = _SENTENCE_END.search(folded, m.end())
        end = len(folded) if close is None else close.start()
        there = Name(person.text, m.start(), person=True)
        org = titled_org(folded, there, names_in(begin, end))
        if org is not None:
            return org
    return None


# Whom only a company's officer speaks to, or where: "told shareholders", "said on an
# earnings call", "told the annual general meeting".
_AUDIENCE: Final = re.compile(
    r"\s+(?:(?:told|tells|wrote\s+to|briefed|assured|reassured|addressed)\s+(?:the\s+)?"
    r"(?:(?:company's|firm's|group's|its|their)\s+)?(?:shareholders|investors|analysts"
    r"|employees|staff|workers|the\s+annual\s+(?:general\s+)?meeting)"
    r"|(?:said|says|added|told\s+[a-z]+)\s+(?:on|during|at)\s+(?:an?|the|its|the\s+company's)\s+"
    r"(?:(?:quarterly|annual|earnings|results|investor|shareholder|analyst|general)\s+)+"
    r"(?:call|meeting|briefing|day|presentation))\b",
    re.IGNORECASE,
)


def company_audience(folded: str, person: Name) -> bool:
    """Whether ``person`` speaks to a company's shareholders, analysts or staff, which ties
    a title a head of state holds too ("chairman Mukesh Ambani told shareholders") to the
    company named before.

    >>> t = "Chairman Jane Doe told shareholders; President Jane Doe told reporters."
    >>> company_audience(t, Name("Jane Doe", 9)), company_audience(t, Name("Jane Doe", 47))
    (True, False)
    """
    return _AUDIENCE.match(folded, person.start + len(person.text)) is not None


# The words of a company's department or function: after "<title> of" they complete the
# title ("Head of Sales", "Vice President of Investor Relations"), naming no organisation.
_DEPARTMENT_WORDS: Final = words(
    """sales marketing operations engineering research development product products finance
    financial strategy technology communications investor relations human resources hr legal
    policy public affairs government corporate business global manufacturing supply chain
    design data ai science security safety compliance risk procurement people talent brand
    content growth partnerships customer customers success support services infrastructure
    platform software hardware cloud innovation sustainability digital media advertising
    investments treasury accounting analytics quality regulatory medical clinical and"""
)


def is_department(text: str) -> bool:
    """Whether ``text`` names a department or function, not an organisation: every word a
    department word ("Sales", "Investor Relations", "Research and Development").

    >>> is_department("Investor Relations"), is_department("Bank of America")
    (True, False)
    """
    parts = text.lower().split()
    return bool(parts) and all(part in _DEPARTMENT_WORDS for part in parts)


# A title and "of" opening a run of names: "President of " (Acme Maria Lopez).
_TITLE_OF_RUN: Final = re.compile(rf"{_RUN}\s+of\s+", re.IGNORECASE)


def title_of_split(run: str) -> tuple[int, int] | None:
    """Where a run "<title> of <organisation> <person>" splits: the start of the organisation
    and of the person (its last two words) in ``run``; None unless at least one word is
    left for the organisation.

    >>> run = "President of Bank of America Brian Moynihan"
    >>> org, person = title_of_split(run)
    >>> run[org:person - 1], run[person:]
    ('Bank of America', 'Brian Moynihan')
    >>> title_of_split("Head of Sales") is None
    True
    """
    lead = _TITLE_OF_RUN.match(run)
    if lead is None:
        return None
    rest = list(re.finditer(r"\S+", run[lead.end() :]))
    if len(rest) < 3:
        return None
    return lead.end(), lead.end() + rest[-2].start()
