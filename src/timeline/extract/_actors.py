"""Who a statement is about: organisations and people named in it.

Rules, no model: a *name* is a run of capitalised words ("National Data
Administration", "Liu Chi-ping", "iFlytek"), joined across "of"/"for" when a
capitalised word follows. Dropped: words that only start a sentence ("The",
"According", or any word the text also writes in lower case), titles before
a person ("President", "director", "newcomer"), demonyms ("Chinese"), bare
acronyms that are not organisations ("AI", "ARR"), month names, and products
with a version number ("Hybrid Model 3.0"; "DeepSeek V4" keeps "DeepSeek").
The word lists and the checks on what is left are `timeline.extract._name_words`, the
patterns (products, "its", "the company") `timeline.extract._name_patterns`.

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

import re
from collections.abc import Iterable, Mapping

import attrs

from timeline.extract._institutions import institution_names
from timeline.extract._name_patterns import (
    AFTER_PARTICIPLE,
    ANAPHOR,
    ARTICLE_BEFORE,
    AT_PLACE,
    BODY_NAMED_AFTER,
    COUNTRY_OF,
    DATIVE,
    DEMONYM_GOVERNMENT,
    EVENT_NOUN,
    FLIES,
    FLOWN_ON,
    HYPHEN_CODE,
    ITS_AFTER,
    LAUNCHED,
    LEAD_COLON,
    LIST_AFTER,
    LISTED_BEFORE,
    MODAL_AFTER,
    MODEL_NUMBER_BEFORE,
    NAME,
    NAMED_PRODUCT,
    NOUN_BEFORE,
    OPENING,
    OWNED_NAME,
    OWNER,
    OWNER_OF,
    PARTICIPLE_OPENING,
    PRODUCT_NOUN,
    REGNAL,
    ROMAN,
    SAID_BEFORE,
    SITE_EVENT,
    VERSION_AFTER,
    VERSION_TOKEN,
    adverbial_after,
    named_thing,
)
from timeline.extract._name_words import (
    BODIES,
    COMMON_OPENERS,
    GOVERNMENT_TITLES,
    LEGISLATURES,
    MID_TITLE_HINT,
    MID_TITLES,
    NOUN_ENDINGS,
    NUMBERED,
    OWNED,
    PLURAL_VERBS,
    POSSESSIVE,
    ROLE_NOUNS,
    SITE_WHERE,
    STARTERS,
    STOP,
    STREET,
    TITLE_PARTS,
    TITLES,
    Name,
    facility,
    holiday,
    is_org,
    known_table,
    org_tail,
    plan,
    plausible,
)
from timeline.extract._places import is_place
from timeline.extract._quotes import inside, quoted
from timeline.extract._spacy import spacy_names
from timeline.extract._speakers import is_department, title_of_split
from timeline.extract._text import fold

__all__ = ["Actors", "Name", "is_org", "known_table", "names"]


def _placed(owned: str) -> bool:
    """Whether an owned name's owner is a place: "China's Huawei" (an organisation)."""
    head = re.match(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)'s?\s", owned)
    return head is not None and is_place(head.group(1))


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
    _products: frozenset[str] = attrs.field(init=False)
    # a product -> where its owner is named: the end of "SpaceX's", or the start of "its"
    _owners: dict[str, tuple[int, bool]] = attrs.field(init=False)

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
        self._spacy = spacy_names(self.folded) if self.use_spacy is not False else []
        self._products = frozenset(
            m.group(1) for m in OWNED_NAME.finditer(self.folded) if not _placed(m.group())
        ) | {
            m.group(1)
            for m in NAMED_PRODUCT.finditer(self.folded)
            if PRODUCT_NOUN.match(self.folded, m.end(1))
        }
        self._owners = {}
        for m in OWNER_OF.finditer(self.folded):
            if m.group("owner") and is_place(m.group("owner")):
                continue  # "China's Huawei": where Huawei is from, not who owns it
            where = m.start("its") if m.group("its") else m.end("owner")
            self._owners.setdefault(m.group("product"), (where, bool(m.group("its"))))
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
        # a name before one is read up to it ("Tencent and the Ministry of ..."); a possessive
        # just before one is who owns the body, not who acts ("China's Ministry of Commerce",
        # as "California's Air Resources Board").
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
        for m in DEMONYM_GOVERNMENT.finditer(self.folded, start, end):
            # "the Australian government": the country acts, as with "Australia's government"
            country = COUNTRY_OF[m.group(1).lower()]
            canonical = self.known.get(country.lower(), country)
            found.setdefault(canonical, Name(canonical, m.start(1)))
            taken.append((m.start(1), m.end(1)))
        for m in NAME.finditer(self.folded, start, end):
            clash = [a for a, b in taken if a < m.end() and m.start() < b]
            head = min(clash, default=m.end())
            if clash and (head <= m.start() or head not in institutions):
                continue
            runs = [m] if not clash else list(NAME.finditer(self.folded, m.start(), head))
            for part in (sub for run in runs for sub in self._title_split(run)):
                if inside(self._quoted, part.start()):
                    continue
                if clash and OWNER.search(self.folded[part.start() : head]):
                    continue  # "China's" before "Ministry of Commerce"
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
            word = POSSESSIVE.sub("", words[0])
            low = word.lower()
            at_start = first == sentence_start or (
                OPENING.fullmatch(self.folded, sentence_start, first) is not None
            )
            if low in TITLES or (in_title and low in TITLE_PARTS):
                person = in_title = True
            elif (
                low == "new" and len(words) > 1 and (not at_start or is_place(" ".join(words[:2])))
            ):
                break  # "New York", "its New Glenn rocket": a name's first word, mid-sentence
            elif re.search(r"-[a-z]", word) and len(words) > 1:
                pass  # "Paris-based Mistral AI": an adjective before the name
            elif at_start and (low in STARTERS or self._opener(first, word, len(words))):
                pass  # "Shares rose", "Earlier, Battery Co said", "Separately, ..."
            elif at_start and len(words) == 1 and self._common(first, word):
                pass  # "Tax breaks will expire", "Subsidies end": a common noun
            elif at_start and len(words) == 1 and PARTICIPLE_OPENING.match(word, 0):
                if AFTER_PARTICIPLE.match(self.folded, first + len(word)):
                    pass  # "Delayed twice, the launch ...", "Founded in 2015, Acme ...": a verb
                elif not (low in STOP or low in self._lower):
                    break

            elif not (low in STOP or (at_start and low in self._lower)):
                break
            elif low not in STOP and len(words) > 1 and org_tail(words[1]):
                break  # "Rocket Lab's": the first word of the name, though the text has "rocket"
            first += len(words[0]) + 1
            words = words[1:]
            while first < m.end() and self.folded[first].isspace():
                first += 1
        if not words or holiday(" ".join(words)):
            return None  # "before Christmas", "over Lunar New Year": when, not who
        if len(words) == 1 and NUMBERED.match(self.folded, m.end()):
            return None  # "a Phase 3 trial", "the Model 3": a stage or a product, numbered
        if MODEL_NUMBER_BEFORE.search(self.folded, max(0, first - 12), first) and not (
            STREET.search(" ".join(words))
        ):
            return None  # "737 Max", "the 7 Series", "A350 XWB": a model's name, after its number
        owned = None if person else OWNED.search(self.folded, max(0, first - 50), first)
        if owned is not None and SITE_WHERE.search(owned.group(1)):
            owned = None  # "its first store in Mexico City": where the site owned is
        if owned is not None and not any(w in ROLE_NOUNS for w in owned.group(1).split()):
            return None  # "its Model Y", "its first uncrewed Gaganyaan mission": a thing owned
        # A title just before the name ("newcomer Alexandr Wang", "director of").
        before = self.folded[max(0, first - 40) : first].split()
        if before and before[-1].lower().strip(",") in TITLES:
            person = True
        possessive = False
        for i, word in enumerate(words):
            if POSSESSIVE.search(word) and "'" in word:
                rest = words[i + 1 :]
                if word.lower() == "people's" and rest:
                    break  # "the People's Bank of China": one name
                if (len(rest) >= 2 and rest[-1].lower() in BODIES) or (
                    len(rest) == 1 and rest[0].lower() in LEGISLATURES
                ):
                    # "California's Air Resources Board": the body is who acts
                    first = m.start() + m.group().index(rest[0], m.group().index(word))
                    words = rest
                    break
                if not rest and BODY_NAMED_AFTER.match(self.folded, m.end()):
                    return None  # "Japan's space agency JAXA": the body named after acts
                owner = " ".join([*words[:i], POSSESSIVE.sub("", word)])
                where = AT_PLACE.search(self.folded, max(0, m.start() - 8), m.start())
                named = " ".join(rest)
                # not a title ("Britain's Prime Minister Keir Starmer": the person is named
                # after it, and the country stays as before)
                titled = bool(rest) and rest[0].lower() in (*TITLES, *TITLE_PARTS, "prime")
                if (
                    rest
                    and is_place(owner)
                    and plausible(named)
                    and not plan(named)
                    and not where
                    and not titled
                ):
                    # "China's Huawei", "Japan's SoftBank": where it is from; it acts
                    first = m.start() + m.group().index(rest[0], m.group().index(word) + len(word))
                    words = rest
                    break
                words = [*words[:i], POSSESSIVE.sub("", word)]  # "China's AI" -> China
                possessive = True
                break
        text = " ".join(w for w in words if w)
        if not possessive and VERSION_AFTER.match(self.folded, m.end()):
            return None  # "Hybrid Model 3.0": a product with a version
        code = next((i for i in range(1, len(words)) if VERSION_TOKEN.match(words[i])), None)
        roman = False
        if code is None and not person and len(words) >= 3 and len(words[-1]) > 1:
            regnal = any(w.lower() in REGNAL for w in words)
            if ROMAN.match(words[-1]) and not regnal:
                code, roman = len(words) - 1, True  # "Grand Theft Auto VI": a title, a version
        if code is not None:
            words = words[:code]  # "DeepSeek V4" -> DeepSeek, "Nvidia H200 GPUs" -> Nvidia
            text = " ".join(words)
        if (not plausible(text) and not self._coded_partner(text, first)) or plan(text):
            return None  # "the Five-Year Plan", "the CHIPS Act": what is done, not who
        if len(words) == 1 and HYPHEN_CODE.match(text):
            return None  # "switch the iPhone to USB-C": a standard, not who acts
        if facility(words):
            return None  # "the Diablo Canyon Power Plant will close": where, not who
        thing = beside = False
        if not possessive and not person:
            end = first + len(text)
            lead = self.folded[max(sentence_start, first - 60) : first]  # its own sentence
            if LAUNCHED.search(lead) and not DATIVE.match(self.folded, end):
                return None  # "launch Starship", "ship Vision Pro 2": the event's object
            if ARTICLE_BEFORE.search(lead) and PRODUCT_NOUN.match(self.folded, end):
                return None  # "the New Glenn rocket": a product
            if NOUN_BEFORE.search(lead) or FLOWN_ON.search(lead):
                return None  # "the injection MariTide", "launch them on New Glenn": a product
            beside = bool(ARTICLE_BEFORE.search(lead) and EVENT_NOUN.match(self.folded, end))
            if SITE_EVENT.match(self.folded, end) and (
                ARTICLE_BEFORE.search(lead) or LEAD_COLON.search(lead)
            ):
                beside = True  # "the Palisades restart", "Holtec: Palisades restart": what of
            # "Starship will fly in March", "Vision Pro 2 will ship in 2027": a product when
            # only a thing does so, or when said so (a version, owned, launched or before a
            # product noun elsewhere in the text); never a name of a list ("Firefly and
            # Relativity will launch") nor one with an organisation's word ("Acme Inc")
            version = re.match(r"\s+v?\d[\w.]*", self.folded[end : end + 12])
            if version is None and roman:
                version = re.match(r"\s+[IVX]+\b", self.folded[end : end + 12])  # "GTA VI"
            after = end + (version.end() if version is not None else 0)
            flies = FLIES.match(self.folded, after)
            thing = (
                flies is not None
                and not LISTED_BEFORE.search(lead)
                and not any(org_tail(w) for w in words[1:])
                and (
                    flies.group("thing") is not None
                    # "Acme will start service": a company too; "said Kuiper would": a thing
                    or (flies.group("service") is not None and SAID_BEFORE.search(lead) is not None)
                    or version is not None
                    or code is not None
                    or text in self._products
                )
            ) or named_thing(words, lead)
            noun = PRODUCT_NOUN.match(self.folded, end)
            if (
                noun is not None
                and MODAL_AFTER.match(self.folded, noun.end())
                and SAID_BEFORE.search(lead)
            ):
                # "Nvidia told investors that Rubin Ultra systems will ship", "Toyota said
                # Lexus models will get": what the speaker makes ("Nvidia chips will" alone
                # keeps Nvidia)
                thing = True
        its = None if person else ITS_AFTER.match(self.folded, m.end())
        org = its is not None and its.group(1).lower() in ("its", "it")
        return Name(text, first, person=person, org=org, thing=thing, beside=beside)

    def owner(self, product: str) -> tuple[int, bool] | None:
        """Where the text names who owns ``product``: the end of the possessive ("SpaceX's
        Starship": after "SpaceX") and False, or the start of "its" ("its Starship") and True;
        None when it never does.

        >>> a = Actors("SpaceX's Starship is ready.", {})
        >>> a.owner("Starship"), a.owner("Neutron")
        ((6, False), None)
        """
        return self._owners.get(product)

    def _coded_partner(self, text: str, at: int) -> bool:
        """Whether a one-word name with a digit is an organisation because a role names it:
        "its partner ENTRA1", "rival X1" (a digit alone says a product: "GPT-5", "R1")."""
        if " " in text or not re.search(r"\d", text):
            return False
        before = re.search(r"([a-z][\w-]*)\s+$", self.folded[max(0, at - 24) : at])
        return before is not None and before.group(1).lower() in ROLE_NOUNS

    def _title_split(self, m: re.Match[str]) -> list[re.Match[str]]:
        """A run with a title inside cut before the title: "Tesla CEO Elon Musk" is Tesla and
        Elon Musk; a word before a government title is a portfolio, not a name ("Transport
        Secretary Heidi Alexander" is Heidi Alexander)."""
        split = title_of_split(m.group())
        if split is not None:  # "President of Acme Maria Lopez": Acme, then Maria Lopez
            org = NAME.match(self.folded, m.start() + split[0], m.start() + split[1] - 1)
            person = NAME.match(self.folded, m.start() + split[1], m.end())
            if org is not None and person is not None:
                # "Head of Sales Maria Lopez": a department completes the title
                return [person] if is_department(org.group()) else [org, person]
        if MID_TITLE_HINT.search(m.group(), 1) is None:
            return [m]  # most names hold no title
        tokens = list(re.finditer(r"\S+", m.group()))
        for i in range(1, len(tokens) - 1):
            low = POSSESSIVE.sub("", tokens[i].group()).lower()
            if low not in MID_TITLES:
                continue
            at = m.start() + tokens[i].start()
            person = NAME.match(self.folded, at, m.end())
            before = NAME.match(self.folded, m.start(), m.start() + tokens[i - 1].end())
            if person is None:
                return [m]
            if before is None or (low in GOVERNMENT_TITLES and i == 1):
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
        verb = re.match(r"\s([a-z]+)\b", self.folded[at + len(word) : at + len(word) + 20])
        plural = low[-1:] == "s" and low[-2:] not in ("ss", "us", "is") and bool(verb)
        listed = low in COMMON_OPENERS or (plural and verb is not None and verb[1] in PLURAL_VERBS)
        if not listed:
            after = self.folded[at + len(word) : at + len(word) + 2]
            if not (low.endswith(NOUN_ENDINGS) and re.match(r"\s[a-z]", after)):
                return False
        return word not in self._midcaps

    def _opener(self, at: int, word: str, run: int) -> bool:
        """Whether a lone word starting a sentence is an opener: "Earlier, Acme said".

        A word and a comma before a name or a pronoun ("Separately, it ...") open
        the sentence; "Tesla, the carmaker, said" is a name and its apposition.
        """
        if run != 1:
            return False
        after = self.folded[at + len(word) : at + len(word) + 120]
        if not word.lower().endswith("ly") and LIST_AFTER.match(after):
            return False  # "Acme, Foxconn and Tesla will ...": the first of a list of names
        if re.match(r",\s+(?:[A-Z]|(?:it|we|they|he|she|i|you)\b)", after) is not None:
            return True
        return adverbial_after(word, after) and word not in self._midcaps  # not a name

    def anaphors(self, start: int, end: int) -> list[int]:
        """Where "the company" (or "the firm" ...) stands in ``folded[start:end]``."""
        return [m.start() for m in ANAPHOR.finditer(self.folded, start, end)]


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
