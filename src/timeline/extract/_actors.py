"""Who a statement is about: organisations and people named in it.

Rules, no model: a *name* is a run of capitalised words ("National Data
Administration", "Liu Chi-ping", "iFlytek"), joined across "of"/"for" when a
capitalised word follows. Dropped: words that only start a sentence ("The",
"According", or any word the text also writes in lower case), titles before
a person ("President", "director", "newcomer"), demonyms ("Chinese"), bare
acronyms that are not organisations ("AI", "ARR"), month names, and products
with a version number ("Hybrid Model 3.0"; "DeepSeek V4" keeps "DeepSeek").

Known actors, given by the caller with their aliases, are matched
case-insensitively anywhere and always win: "kling" and "KeLing AI" both
become the canonical name. "The company" (and "the firm", "the group" ...)
is the organisation last named as a sentence's subject. Institutions ("Ministry of
Commerce", also after a possessive, and names joining words across "and": "Ministry of
Industry and Information Technology (MIIT)") are found whole, their bracketed acronym
standing for them (`timeline.extract._institutions`).

If spaCy and an English model are installed, its ORG/PERSON/GPE names are
added to those the rules find (``use_spacy=None`` means "if installed").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from timeline.extract._institutions import institution_names
from timeline.extract._text import fold, words

__all__ = ["Actors", "Name", "known_table", "names"]

_TOKEN = r"(?:[A-Z][\w'.&-]*[\w&]|[A-Z]|[a-z]+[A-Z][\w-]*)"
_NAME: Final = re.compile(rf"(?<![\w-]){_TOKEN}(?:(?:\s+(?:of|for|de|von|van)\s+|\s+){_TOKEN})*")
_POSSESSIVE: Final = re.compile(r"'s?$")
_VERSION_AFTER: Final = re.compile(r"\s+v?\d+(?:\.\d+)+\b|\s+\d+(?:\.\d+)+")
_VERSION_TOKEN: Final = re.compile(r"^(?:V\d+|\d+(?:\.\d+)*|[A-Z]\d+)$")

_STOP: Final = words(
    """the a an this that these those there their its his her our my your when while after
    before as at in on for from with by to of and or but if so then also both some many most
    other others new notably however meanwhile according former recent industry analysts
    projections compared simultaneously president ceo cfo cto chairman chairwoman director
    founder leader lead head chief minister secretary spokesperson spokesman newcomer
    professor dr mr mrs ms sir written sign rate reader was were is are will would it he she
    they we you i what which who whose how why where following under over into than about
    across against between during deep dive latest first last next early mid late one two
    three four five six seven eight nine ten dozens hundreds thousands millions billions"""
)
_TITLES: Final = words(
    """president ceo cfo cto coo chairman chairwoman director founder cofounder co-founder
    leader lead head chief minister secretary spokesperson spokesman spokeswoman newcomer
    professor dr mr mrs ms sir analyst executive vp premier governor mayor vice deputy senior"""
)
# Words that go on a title after its first word ("Chief Financial Officer", "Senior Vice
# President", "Managing Director"): dropped only after a title word, so "Financial Times"
# and "General Motors" stay names.
_TITLE_PARTS: Final = words(
    """financial operating executive technology technical marketing product commercial
    information revenue strategy legal people science scientific investment operations
    officer officers vice president director managing general manager counsel partner
    editor scientist engineer research"""
)
# Common words that start news sentences ("Shares rose 6%", "Earlier, ...", "Rival X
# said"): at a sentence's start they are not names, even when the text never writes them
# in lower case.
_STARTERS: Final = words(
    """shares stocks stock sales revenue revenues profit profits earnings margins prices
    demand supply production output exports imports growth investors officials executives
    customers users employees workers regulators lawmakers sources experts critics rival
    rivals competitors partners safety security shipments deliveries orders costs spending
    testing trading talks negotiations details terms plans earlier later separately
    previously currently initially finally additionally overall together instead still now
    today yesterday tomorrow yet once since until despite although though because whether
    such each every all any no not more less few several another only even just asked
    speaking despite elsewhere globally domestically"""
)
# Titles inside a run of capitalised words, after the organisation or the portfolio and
# before the person: "Tesla CEO Elon Musk", "Transport Secretary Heidi Alexander".
_MID_TITLES: Final = words(
    """ceo cfo cto coo chairman chairwoman president secretary minister governor mayor premier
    spokesperson spokesman spokeswoman commissioner chancellor senator director chief"""
)
_MID_TITLE_HINT: Final = re.compile(
    r"\s(?:" + "|".join(sorted(_MID_TITLES)) + r")\b", re.IGNORECASE
)
_GOVERNMENT_TITLES: Final = words("secretary minister commissioner chancellor senator")
# Words a name never ends on alone: "Rocket Lab's" keeps "Rocket".
_ORG_TAILS: Final = words(
    """lab labs group motors systems technologies technology industries inc corp corporation
    ltd llc plc holdings ai robotics dynamics aerospace energy electronics semiconductor
    pharmaceuticals therapeutics airlines bank capital ventures partners networks"""
)
# After "its"/"their" (and one of these), a name is something owned: "its Model Y", "its
# second Arizona fab", "their Ohio plant"; "its subsidiary Waymo" names a company.
_OWNED: Final = re.compile(r"\b(?:its|their)\s+((?:[a-z][\w-]*\s+){0,3})$")
# Between "its" and a name, these say the name is a company of its own: "its subsidiary Waymo".
_ROLE_NOUNS: Final = words(
    """subsidiary subsidiaries unit units arm arms partner partners rival rivals parent
    affiliate affiliates division divisions competitor competitors customer customers supplier
    suppliers investor investors backer backers owner owners chief founder founders
    cofounder co-founder chairman president executive ceo cfo spokesperson spokesman
    spokeswoman head director manager team brand joint venture venture"""
)
# The last word of a public or corporate body named after a possessive.
_BODIES: Final = words(
    """board authority agency commission ministry department council bank office
    administration court parliament assembly regulator bureau committee service institute
    university"""
)
_NUMBERED: Final = re.compile(r"\s+(?:\d{1,2}|I{1,3}|IV|V)(?![\w.,]*\d)(?![\w-])")
# Common nouns and adjectives that open news sentences about markets, policy, products
# and sport ("Tax breaks will expire", "Subsidies end", "Net income rose", "Clinical
# trials"): alone at a sentence's start (one capitalised word), they are no name unless
# the text also writes them capitalised inside a sentence (a name: "... said Amazon").
_COMMON_OPENERS: Final = words(
    """tax taxes tariff tariffs subsidy subsidies incentive incentives rebate rebates credit
    credits grant grants loan loans funding funds investment investments budget budgets
    debt deficit inflation interest rates rate price wages wage jobs unemployment
    employment emissions pollution energy electricity fuel oil gas power battery batteries
    electric hybrid solar wind nuclear vehicle vehicles car cars truck trucks chip chips
    trade tickets ticket fans players teams games construction approval approvals
    regulation regulations rules law laws legislation policy policies reforms reform
    inventory inventories capacity margin income losses loss cash bonds yields markets
    market consumer consumers household households home homes housing rent rents mortgage
    mortgages net gross operating total average annual quarterly monthly weekly daily
    global domestic foreign federal national regional local public private new old
    clinical trial trials patients doctors drug drugs treatment vaccine vaccines data
    research work works progress funding traffic passengers ridership freight cargo
    launch launches flights flight tests test testing production manufacturing factory
    factories plants mining steel aluminium aluminum copper lithium wheat corn rice food
    water rain weather heat temperatures storms drought fire fires tourism travel
    advertising ad ads software hardware cloud demand sales service services operations
    shipping delivery member members ministers lawmakers legislators"""
)
# Endings of abstract and plural nouns ("Inflation", "Negotiations", "Subsidies",
# "Shipments"): alone at a sentence's start, before a lower-case word, no name unless
# the text also writes the word capitalised inside a sentence.
_NOUN_ENDINGS: Final = ("tion", "tions", "sion", "sions", "ments", "ies", "ness")
_ACRONYMS: Final = words(
    """AI AGI ARR CEO CFO CTO COO LLM LLMS GPU GPUS CPU API APIS IPO ML USD CNY RMB EUR GBP JPY
    HKD KPI SaaS PR TV VR AR OK ID FY Q1 Q2 Q3 Q4 H1 H2 AIGC B2B B2C R&D"""
)
_DEMONYMS: Final = words(
    """chinese american european asian african japanese korean indian british french german
    italian spanish russian canadian australian brazilian mexican taiwanese singaporean
    western eastern english"""
)
_MONTHS: Final = words(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall
    winter"""
)
_ORG_WORDS: Final = words(
    """inc corp corporation ltd llc group holdings technology technologies labs lab ai
    association alliance administration agency ministry department forum bank university
    institute foundation council commission government company intelligence systems capital
    ventures partners motors electronics robotics dynamics aerospace energy power networks
    semiconductor semiconductors pharmaceuticals therapeutics biotech solutions industries
    airlines automotive communications telecom media studios software platforms devices
    instruments materials chemicals insurance financial securities investments bancorp plc ag
    sa gmbh nv bv se limited incorporated co"""
)
# "Orbital Dynamics has delayed the launch of its rocket": a name followed, in its own
# sentence, by "its" (before any "his" or "her") stands for an organisation.
# What may stand before a sentence's first word: a quote, a bracket, a list marker.
_OPENING: Final = re.compile(r"\s*(?:[-*\u2022]|\d{1,2}[.)])?\s*[\"'(]?\s*")
_ITS_AFTER: Final = re.compile(r"[^.!?\n]{0,80}?\b(its|his|her|their)\b", re.IGNORECASE)
_ANAPHOR: Final = re.compile(
    r"(?<![\w-])the\s+(?:[a-z]+\s+)?(?:company|firm|group|startup|start-up|giant|[a-z]*maker"
    r"|developer|lab|manufacturer|retailer|insurer|lender|airline|operator|supplier|provider"
    r"|conglomerate|corporation|major|utility|miner|producer|brand|carrier|outfit)(?![\w-])",
    re.IGNORECASE,
)


@attrs.frozen
class Name:
    """A name found at ``start``; ``person`` when a title or context says so.

    >>> Name("Liu Chi-ping", 10, person=True).text
    'Liu Chi-ping'
    """

    text: str
    start: int
    person: bool = False
    org: bool = False


def known_table(known: Iterable[str] | Mapping[str, Iterable[str] | str]) -> dict[str, str]:
    """Lower-cased name or alias -> canonical name, from ``known_actors``.

    >>> known_table({"StepFun": ["Step"], "Tencent": "Tengxun"})
    {'stepfun': 'StepFun', 'step': 'StepFun', 'tencent': 'Tencent', 'tengxun': 'Tencent'}
    """
    table: dict[str, str] = {}
    items: Iterable[tuple[str, Iterable[str]]]
    if isinstance(known, Mapping):
        items = ((str(k), [v] if isinstance(v, str) else list(v)) for k, v in known.items())
    else:
        items = ((str(k), ()) for k in known)
    for name, aliases in items:
        canonical = " ".join(name.split())
        if not canonical:
            continue
        table.setdefault(canonical.lower(), canonical)
        for alias in aliases:
            alias = " ".join(str(alias).split())
            if alias:
                table.setdefault(alias.lower(), canonical)
    return table


def _midsentence_capitals(folded: str) -> frozenset[str]:
    """Capitalised words written inside a sentence (after a lower-case word or a comma)."""
    return frozenset(re.findall(r"(?<=[a-z,;] )[A-Z][\w-]*", folded))


def _lowercase_words(folded: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![\w-])[a-z][a-z'-]+", folded))


@attrs.define
class Actors:
    """Finds names in one text: rules, known actors, optionally spaCy."""

    folded: str
    known: dict[str, str]
    use_spacy: bool | None = None
    _lower: frozenset[str] = attrs.field(init=False)
    _midcaps: frozenset[str] = attrs.field(init=False)
    _known_re: re.Pattern[str] | None = attrs.field(init=False)
    _spacy: list[tuple[int, int, str]] = attrs.field(init=False)
    _quoted: list[tuple[int, int]] = attrs.field(init=False)
    acronyms: dict[str, str] = attrs.field(init=False, factory=dict)  # "MIIT" -> its name

    def __attrs_post_init__(self) -> None:
        self._lower = _lowercase_words(self.folded)
        self._midcaps = _midsentence_capitals(self.folded)
        keys = sorted(self.known, key=len, reverse=True)
        self._known_re = (
            re.compile(
                r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])",
                re.IGNORECASE,
            )
            if keys
            else None
        )
        self._spacy = _spacy_names(self.folded) if self.use_spacy is not False else []
        # Capitalised words inside a quoted passage of several words are a title
        # or a quote ("From 'Reasoning-Based Thinking' to ..."), not names.
        self._quoted = [
            (m.start(), m.end()) for m in quoted(self.folded) if len(m.group().split()) >= 4
        ]

    def names(self, start: int, end: int, sentence_start: int) -> list[Name]:
        """The names in ``folded[start:end]``, known actors first matched, in text order."""
        found: dict[str, Name] = {}
        taken: list[tuple[int, int]] = []
        if self._known_re is not None:
            for m in self._known_re.finditer(self.folded, start, end):
                canonical = self.known[m.group().lower()]
                found.setdefault(canonical, Name(canonical, m.start()))
                taken.append((m.start(), m.end()))
        # Institutions, whole ("Ministry of Industry and Information Technology (MIIT)");
        # a name before one is read up to it ("China's Ministry of ..." names China too).
        institutions: list[int] = []
        for a, b, text, acronym in institution_names(self.folded, start, end):
            if any(x < b and a < y for x, y in taken) or inside(self._quoted, a):
                continue
            canonical = self.known.get(text.lower(), text)
            found.setdefault(canonical, Name(canonical, a, org=True))
            taken.append((a, b))
            institutions.append(a)
            if acronym:
                self.acronyms.setdefault(acronym, canonical)
        for m in _NAME.finditer(self.folded, start, end):
            clash = [a for a, b in taken if a < m.end() and m.start() < b]
            head = min(clash, default=m.end())
            if clash and (head <= m.start() or head not in institutions):
                continue
            runs = [m] if not clash else list(_NAME.finditer(self.folded, m.start(), head))
            for part in (sub for run in runs for sub in self._title_split(run)):
                if inside(self._quoted, part.start()):
                    continue
                name = self._clean(part, sentence_start)
                if name is not None:
                    canonical = self.known.get(name.text.lower(), name.text)
                    canonical = self.acronyms.get(canonical, canonical)
                    found.setdefault(canonical, attrs.evolve(name, text=canonical))
        for a, b, label in self._spacy:
            if start <= a and b <= end and not any(x < b and a < y for x, y in taken):
                text = self.known.get(self.folded[a:b].lower(), self.folded[a:b])
                if not any(text in n or n in text for n in found):
                    found[text] = Name(text, a, person=label == "PERSON")
        return sorted(found.values(), key=lambda n: n.start)

    def _clean(self, m: re.Match[str], sentence_start: int) -> Name | None:
        words = m.group().split()
        first = m.start()
        person = False
        # Leading words that only start a sentence or are titles.
        in_title = False
        while words:
            word = _POSSESSIVE.sub("", words[0])
            low = word.lower()
            at_start = first == sentence_start or (
                _OPENING.fullmatch(self.folded, sentence_start, first) is not None
            )
            if low in _TITLES or (in_title and low in _TITLE_PARTS):
                person = in_title = True
            elif re.search(r"-[a-z]", word) and len(words) > 1:
                pass  # "Paris-based Mistral AI": an adjective before the name
            elif at_start and (low in _STARTERS or self._opener(first, word, len(words))):
                pass  # "Shares rose", "Earlier, Battery Co said", "Separately, ..."
            elif at_start and len(words) == 1 and self._common(first, word):
                pass  # "Tax breaks will expire", "Subsidies end": a common noun

            elif not (low in _STOP or (at_start and low in self._lower)):
                break
            elif low not in _STOP and len(words) > 1 and _org_tail(words[1]):
                break  # "Rocket Lab's": the first word of the name, though the text has "rocket"
            first += len(words[0]) + 1
            words = words[1:]
            while first < m.end() and self.folded[first].isspace():
                first += 1
        if not words:
            return None
        if len(words) == 1 and _NUMBERED.match(self.folded, m.end()):
            return None  # "a Phase 3 trial", "the Model 3": a stage or a product, numbered
        owned = None if person else _OWNED.search(self.folded, max(0, first - 50), first)
        if owned is not None and not any(w in _ROLE_NOUNS for w in owned.group(1).split()):
            return None  # "its Model Y", "its first uncrewed Gaganyaan mission": a thing owned
        # A title just before the name ("newcomer Alexandr Wang", "director of").
        before = self.folded[max(0, first - 40) : first].split()
        if before and before[-1].lower().strip(",") in _TITLES:
            person = True
        possessive = False
        for i, word in enumerate(words):
            if _POSSESSIVE.search(word) and "'" in word:
                rest = words[i + 1 :]
                if len(rest) >= 2 and rest[-1].lower() in _BODIES:
                    # "California's Air Resources Board": the body is who acts
                    first = m.start() + m.group().index(rest[0], m.group().index(word))
                    words = rest
                    break
                words = [*words[:i], _POSSESSIVE.sub("", word)]  # "China's AI" -> China
                possessive = True
                break
        text = " ".join(w for w in words if w)
        if not possessive and _VERSION_AFTER.match(self.folded, m.end()):
            return None  # "Hybrid Model 3.0": a product with a version
        code = next((i for i in range(1, len(words)) if _VERSION_TOKEN.match(words[i])), None)
        if code is not None:
            words = words[:code]  # "DeepSeek V4" -> DeepSeek, "Nvidia H200 GPUs" -> Nvidia
            text = " ".join(words)
        if not _plausible(text):
            return None
        its = None if person else _ITS_AFTER.match(self.folded, m.end())
        org = its is not None and its.group(1).lower() == "its"
        return Name(text, first, person=person, org=org)

    def _title_split(self, m: re.Match[str]) -> list[re.Match[str]]:
        """A run with a title inside cut before the title: "Tesla CEO Elon Musk" is Tesla and
        Elon Musk; a word before a government title is a portfolio, not a name ("Transport
        Secretary Heidi Alexander" is Heidi Alexander)."""
        if _MID_TITLE_HINT.search(m.group(), 1) is None:
            return [m]  # most names hold no title
        tokens = list(re.finditer(r"\S+", m.group()))
        for i in range(1, len(tokens) - 1):
            low = _POSSESSIVE.sub("", tokens[i].group()).lower()
            if low not in _MID_TITLES:
                continue
            at = m.start() + tokens[i].start()
            person = _NAME.match(self.folded, at, m.end())
            before = _NAME.match(self.folded, m.start(), m.start() + tokens[i - 1].end())
            if person is None:
                return [m]
            if before is None or (low in _GOVERNMENT_TITLES and i == 1):
                return [person]
            return [before, person]
        return [m]

    def _common(self, at: int, word: str) -> bool:
        """Whether a lone capitalised word opening a sentence is a common noun or adjective.

        It is when it is a word news sentences open with, or has the ending of an
        abstract or plural noun and a lower-case word follows ("Negotiations are"),
        and the text never writes it capitalised inside a sentence (where it would be a name).
        """
        low = word.lower()
        listed = low in _COMMON_OPENERS
        if not listed:
            after = self.folded[at + len(word) : at + len(word) + 2]
            if not (low.endswith(_NOUN_ENDINGS) and re.match(r"\s[a-z]", after)):
                return False
        return word not in self._midcaps

    def _opener(self, at: int, word: str, run: int) -> bool:
        """Whether a lone word starting a sentence is an opener: "Earlier, Acme said".

        A word and a comma before a name or a pronoun ("Separately, it ...") open
        the sentence; "Tesla, the carmaker, said" is a name and its apposition.
        """
        if run != 1:
            return False
        after = self.folded[at + len(word) : at + len(word) + 40]
        return re.match(r",\s+(?:[A-Z]|(?:it|we|they|he|she|i|you)\b)", after) is not None

    def anaphors(self, start: int, end: int) -> list[int]:
        """Where "the company" (or "the firm" ...) stands in ``folded[start:end]``."""
        return [m.start() for m in _ANAPHOR.finditer(self.folded, start, end)]


_QUOTED: Final = re.compile(r'"[^"\n]+"')


def inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies strictly inside one of ``spans`` (sorted, not overlapping).

    >>> inside([(2, 5), (9, 12)], 10), inside([(2, 5), (9, 12)], 6)
    (True, False)
    """
    i = bisect.bisect_left(spans, (at, at)) - 1
    return any(a < at < b for a, b in spans[max(0, i) : i + 2])


def quoted(folded: str) -> Iterator[re.Match[str]]:
    """The passages between double quotes in folded text.

    >>> [m.group() for m in quoted('He said "we will ship" today.')]
    ['"we will ship"']
    """
    return _QUOTED.finditer(folded)


def _org_tail(word: str) -> bool:
    return _POSSESSIVE.sub("", word).lower() in _ORG_TAILS


def _plausible(text: str) -> bool:
    words = text.split()
    if len(words) == 1:
        word = words[0]
        low = word.lower()
        if re.fullmatch(r"[A-Z]{2,6}s", word):
            return False  # "EVs", "SUVs", "GPUs": acronyms in the plural are things
        if re.search(r"-[a-z]", word):
            return False  # "AI-related", "AI-plus": a compound adjective
        if re.search(r"\d", word):
            return False  # "GPT-5", "R1": a product or a code, not who
        if word in _ACRONYMS or low in _DEMONYMS or low in _MONTHS or low in _STOP:
            return False
        if "." in word.rstrip("."):
            return False  # "U.S." is kept out; it reads better as a country in the text
        if len(word) < 2:
            return False
    if re.fullmatch(r"Series [A-Z]\d?", text):
        return False  # a funding round
    if all(w in _ACRONYMS or w.lower() in _STOP | _MONTHS | _DEMONYMS for w in words):
        return False
    return len(text) <= 60


def is_org(name: Name) -> bool:
    """Whether a name can stand for "the company": not a person.

    >>> is_org(Name("Tencent", 0)), is_org(Name("Ma Huateng", 0, person=True))
    (True, False)
    """
    if name.person:
        return False
    words = name.text.split()
    return name.org or len(words) == 1 or any(w.lower().rstrip(".") in _ORG_WORDS for w in words)


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


def _spacy_names(text: str) -> list[tuple[int, int, str]]:
    nlp = _spacy_model()
    if nlp is None:
        return []
    return [
        (e.start_char, e.end_char, str(e.label_))
        for e in nlp(text).ents
        if e.label_ in ("ORG", "PERSON", "GPE")
    ]


def names(
    text: str,
    known: Iterable[str] | Mapping[str, Iterable[str] | str] = (),
) -> list[str]:
    """The names in ``text`` by the rules above (a helper for trying them out).

    >>> names("President Liu Chi-ping said the Hybrid Model 3.0 will clash with DeepSeek V4.")
    ['Liu Chi-ping', 'DeepSeek']
    """

    folded = fold(text)
    finder = Actors(folded, known_table(known), use_spacy=False)
    return [n.text for n in finder.names(0, len(folded), 0)]
