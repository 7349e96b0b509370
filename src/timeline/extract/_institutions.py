"""Institutions: their names, and "the ministry" / "the regulator" standing for one.

Names of public bodies join words across "and" that the plain name rule keeps
apart: "Ministry of Industry and Information Technology", "Department of Health
and Human Services", "Securities and Exchange Commission". `institution_names`
finds them, and every "<Body> of <Name>", whole (also after a possessive: "China's
Ministry of Commerce" names the ministry: who owns a body is not who acts), with the
acronym written after one in brackets ("(MIIT)"), which stands for it from then on.

"The ministry", "the regulator", "the agency", "the government" ... stand for the
institution of that kind named last (`refers_to`): a name holding one of the
words of that kind ("the regulator" may be a Commission, an Authority, an
Administration ...). A word before the noun must be in the name ("the commerce
ministry" is the Ministry of Commerce, not the Ministry of Finance). With no such
institution named, the phrase stays unresolved: never a company, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs

from timeline.extract._text import words

__all__ = [
    "Institutional",
    "body_named",
    "institution_names",
    "institutional",
    "is_institution",
    "refers_to",
]

_HEAD = (
    r"Ministry|Department|Agency|Administration|Commission|Authority|Bureau|Council|Office"
    r"|Board|Service|Government|Cabinet|Parliament|Congress|Assembly|Court|Tribunal"
    r"|Directorate|Regulator|Reserve"
)
_CAP = r"[A-Z][\w&-]*"
_RUN = rf"{_CAP}(?:\s+{_CAP})*"
# A run that must be followed by something (a head, an "and") is at most eight words: an
# unbounded one is scanned to its end from each of its words, quadratic time on a wall of
# capitalised words with no body in it. (A run after a head is where the match ends: free.)
_SHORT_RUN = rf"{_CAP}(?:\s+{_CAP}){{0,7}}"
_NAME_OF: Final = re.compile(
    rf"(?<![\w'&.-])(?:(?:(?:[A-Z]\.){{2,}}|{_CAP})\s+){{0,8}}(?:{_HEAD})\s+(?:of|for)\s+"
    rf"(?:the\s+)?{_RUN}(?P<tail>,?\s+(?:and|&)\s+(?P<after>{_RUN}))?(?:\s+of\s+{_RUN})?"
)
_AND_NAME: Final = re.compile(
    rf"(?<![\w'&-]){_SHORT_RUN}\s+(?:and|&)\s+{_SHORT_RUN}\s+(?:{_HEAD})(?![\w-])"
)
_ACRONYM: Final = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)")
_LEADING: Final = re.compile(r"^(?:(?:The|A|An|This|That|Its|Their|Both|And)\s+)+")
# A run after "and" that is a company, or one word that names no field of government, is
# another name ("the Ministry of Finance and Tencent", "... and Alibaba Group"), not the
# rest of the institution's ("Ministry of Science and Technology").
_FIELDS: Final = words(
    """technology technologies trade industry industries commerce finance economy environment
    tourism culture security health education science sciences justice energy transport
    transportation agriculture affairs development planning welfare labour labor employment
    communications information media sport sports youth defence defense housing
    infrastructure innovation research budget management resources fisheries forestry water
    mines mining petroleum aviation telecommunications broadcasting safety standards
    statistics customs taxation revenue audit supervision reform growth investment markets
    exchange insurance banking competition consumers"""
)
_COMPANY_END: Final = re.compile(
    r"\b(?:Group|Inc|Corp|Corporation|Ltd|LLC|Holdings|Technologies|Labs|AI|Co|Plc)$"
)

# The words a name holds to be an institution of each kind "the <noun>" names.
_OVERSIGHT: Final = words(
    "commission authority regulator regulatory administration agency bureau office board "
    "directorate service"
)
_KINDS: Final = {
    "ministry": frozenset({"ministry"}),
    "department": frozenset({"department"}),
    "agency": _OVERSIGHT,
    "regulator": _OVERSIGHT,
    "watchdog": _OVERSIGHT,
    "administration": frozenset({"administration"}),
    "commission": frozenset({"commission"}),
    "authority": frozenset({"authority"}),
    "bureau": frozenset({"bureau"}),
    "council": frozenset({"council"}),
    "board": frozenset({"board"}),
    "government": frozenset({"government", "cabinet"}),
    "cabinet": frozenset({"cabinet"}),
    "parliament": frozenset({"parliament", "congress", "assembly"}),
    "court": frozenset({"court", "tribunal"}),
    "central bank": frozenset({"reserve", "central bank"}),
}
_HEAD_WORDS: Final = frozenset(w.lower() for w in _HEAD.split("|"))
_ANAPHOR: Final = re.compile(
    r"(?<![\w-])(?i:the)\s+(?:(?P<mod>[a-z]+)\s+)?"
    r"(?P<noun>central\s+bank|" + "|".join(k for k in _KINDS if " " not in k) + r")(?![\w-])"
    r"(?!\s+of\s+[A-Z])"
)
_NOT_MODIFIER: Final = words("same said new former current then")


@attrs.frozen
class Institutional:
    """ "The <noun>" at ``start`` standing for an institution: its noun and the word before.

    >>> list(institutional("Later the commerce ministry said so.", 0, 36))
    [Institutional(start=6, noun='ministry', modifier='commerce')]
    """

    start: int
    noun: str
    modifier: str | None


def institution_names(folded: str, start: int, end: int) -> Iterator[tuple[int, int, str, str]]:
    """Institutions named in ``folded[start:end]``: "<Body> of <Name>", "<A> and <B> <Body>".

    Each is (start, end, name, acronym or ""); ``end`` includes the bracketed acronym.

    >>> t = "China's Ministry of Industry and Information Technology (MIIT) said so."
    >>> list(institution_names(t, 0, len(t)))
    [(8, 62, 'Ministry of Industry and Information Technology', 'MIIT')]
    """
    found: list[tuple[int, int, str]] = []
    for m in _NAME_OF.finditer(folded, start, end):
        stop = m.end()
        after = m.group("after")
        if after is not None and (
            _COMPANY_END.search(after) or (len(after.split()) < 2 and after.lower() not in _FIELDS)
        ):
            stop = m.start("tail")  # "the Ministry of Finance and Tencent": two names
        found.append((m.start(), stop, folded[m.start() : stop]))
    for m in _AND_NAME.finditer(folded, start, end):
        if not any(a < m.end() and m.start() < b for a, b, _ in found):
            found.append((m.start(), m.end(), m.group()))
    for a, b, text in sorted(found):
        lead = _LEADING.match(text)
        if lead is not None:
            a, text = a + lead.end(), text[lead.end() :]
        if not text or " " not in text:
            continue
        acronym = _ACRONYM.match(folded, b, end)
        if acronym is not None:
            yield a, acronym.end(), " ".join(text.split()), acronym.group("acronym")
        else:
            yield a, b, " ".join(text.split()), ""


def institutional(folded: str, start: int, end: int) -> Iterator[Institutional]:
    """Where "the ministry", "the regulator" ... stand in ``folded[start:end]``."""
    for m in _ANAPHOR.finditer(folded, start, end):
        modifier = m.group("mod")
        if modifier is not None and modifier.lower() in _NOT_MODIFIER:
            modifier = None
        noun = " ".join(m.group("noun").lower().split())
        yield Institutional(m.start(), noun, modifier)


# Agencies and regulators news names by their acronyms alone: never "the company". (Not
# unions of states such as the EU: "It" after "The EU ..." still stands for it.)
_PUBLIC_ACRONYMS: Final = words(
    """NASA ESA JAXA ISRO CNSA FAA FDA EMA SEC FTC FCC EPA DOJ DOE DOD NHTSA NTSB CFTC FERC
    NRC CDC NIH IRS CMA FCA ECB NDRC MIIT CAC SAMR PBOC CSRC SEBI RBI BOJ"""
)


# What the acronyms stand for: "the agency" after "the FDA" is the FDA.
_EXPANDED: Final = {
    "NASA": "National Aeronautics and Space Administration",
    "ESA": "European Space Agency",
    "JAXA": "Japan Aerospace Exploration Agency",
    "ISRO": "Indian Space Research Organisation",
    "CNSA": "China National Space Administration",
    "FAA": "Federal Aviation Administration",
    "FDA": "Food and Drug Administration",
    "EMA": "European Medicines Agency",
    "SEC": "Securities and Exchange Commission",
    "FTC": "Federal Trade Commission",
    "FCC": "Federal Communications Commission",
    "EPA": "Environmental Protection Agency",
    "DOJ": "Department of Justice",
    "DOE": "Department of Energy",
    "DOD": "Department of Defense",
    "NHTSA": "National Highway Traffic Safety Administration",
    "NTSB": "National Transportation Safety Board",
    "CFTC": "Commodity Futures Trading Commission",
    "FERC": "Federal Energy Regulatory Commission",
    "NRC": "Nuclear Regulatory Commission",
    "CMA": "Competition and Markets Authority",
    "FCA": "Financial Conduct Authority",
    "NDRC": "National Development and Reform Commission",
    "MIIT": "Ministry of Industry and Information Technology",
    "CAC": "Cyberspace Administration of China",
    "SAMR": "State Administration for Market Regulation",
    "CSRC": "China Securities Regulatory Commission",
    "SEBI": "Securities and Exchange Board of India",
}


def is_institution(name: str) -> bool:
    """Whether a name is a public body's: it holds a word such as Ministry or Commission,
    or it is a public body's acronym ("NASA", "FDA").

    >>> is_institution("Financial Conduct Authority"), is_institution("NASA")
    (True, True)
    >>> is_institution("Acme Corp")
    False
    """
    if name.strip() in _PUBLIC_ACRONYMS:
        return True
    return any(w in _HEAD_WORDS for w in name.lower().split())


def refers_to(phrase: Institutional, name: str) -> bool:
    """Whether "the <noun>" can stand for the institution ``name``.

    >>> ministry = Institutional(0, "ministry", "commerce")
    >>> refers_to(ministry, "Ministry of Commerce"), refers_to(ministry, "Ministry of Finance")
    (True, False)
    >>> refers_to(Institutional(0, "agency", None), "FDA")
    True
    """
    low = " ".join(_EXPANDED.get(name.strip(), name).lower().split())
    words = low.split()
    kinds = _KINDS[phrase.noun]
    if not any(re.search(rf"\b{re.escape(k)}\b", low) for k in kinds):
        return False
    mod = phrase.modifier
    return mod is None or any(w.startswith(mod.lower()[:5]) for w in words)


def body_named(word: str, named: list[str]) -> str | None:
    """The institution among ``named`` (the last named last) that a body's noun alone,
    capitalised, stands for ("a Commission spokesperson said" after "the European
    Commission"), or None.

    >>> body_named("Commission", ["European Commission", "FDA"]), body_named("Acme", ["FDA"])
    ('European Commission', None)
    """
    noun = word.strip().lower()
    if noun not in _KINDS:
        return None
    phrase = Institutional(0, noun, None)
    return next((n for n in reversed(named) if n != word and refers_to(phrase, n)), None)
