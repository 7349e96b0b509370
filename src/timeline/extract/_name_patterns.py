"""The patterns `timeline.extract._actors` reads names with: what a name is made of, and
what says a name is a thing rather than who acts.

A product is launched, shipped or flown ("launch Starship"), named beside its noun ("the
New Glenn rocket", "the injection MariTide"), flown on ("launch them on New Glenn"), owned
("SpaceX's Starship"), after its model number ("737 Max"), or said to fly, go on sale or
enter service ("Starship will fly in March"). "Its" or "it will" after a name says it is
an organisation; "the company" (and "the firm", "the carmaker" ...) stands for one; "the
Australian government" is Australia.
"""

from __future__ import annotations

import re
from typing import Final

from timeline.extract._text import words

__all__ = [
    "AFTER_PARTICIPLE",
    "ANAPHOR",
    "ARTICLE_BEFORE",
    "AT_PLACE",
    "BODY_NAMED_AFTER",
    "COUNTRY_OF",
    "DATIVE",
    "DEMONYM_GOVERNMENT",
    "EVENT_NOUN",
    "FLIES",
    "FLOWN_ON",
    "ITS_AFTER",
    "LAUNCHED",
    "LEAD_COLON",
    "LISTED_BEFORE",
    "LIST_AFTER",
    "MODAL_AFTER",
    "MODEL_NUMBER_BEFORE",
    "NAME",
    "NAMED_PRODUCT",
    "NOUN_BEFORE",
    "OPENING",
    "OWNED_NAME",
    "OWNER",
    "OWNER_OF",
    "PARTICIPLE_OPENING",
    "PRODUCT_NOUN",
    "REGNAL",
    "ROMAN",
    "SAID_BEFORE",
    "SITE_EVENT",
    "VERSION_AFTER",
    "VERSION_TOKEN",
    "adverbial_after",
]

# A country's dotted abbreviation before a name is part of it: "the U.S. Navy", "U.K. Treasury".
TOKEN = r"(?:(?:[A-Z]\.){2,}(?=\s+[A-Z])|[A-Z][\w'.&-]*[\w&]|[A-Z]|[a-z]+[A-Z][\w-]*)"
NAME: Final = re.compile(rf"(?<![\w-]){TOKEN}(?:(?:\s+(?:of|for|de|von|van)\s+|\s+){TOKEN})*")
VERSION_AFTER: Final = re.compile(r"\s+v?\d+(?:\.\d+)+\b|\s+\d+(?:\.\d+)+")
OWNER: Final = re.compile(r"'s?\s*$")
# A code of capitals and a short tail, hyphenated: "USB-C", "HBM-4", "GB-200"; a standard
# or a product, not who acts.
HYPHEN_CODE: Final = re.compile(r"^[A-Z]{2,}-[A-Z0-9]{1,3}$")
VERSION_TOKEN: Final = re.compile(r"^(?:V\d+|\d+(?:\.\d+)*|[A-Z]\d+)$")
# A title's Roman numeral: "Grand Theft Auto VI", "Final Fantasy XVII" (after two words or
# more, and no monarch's or pope's title: "King Charles III", "Pope Leo XIV" are people).
ROMAN: Final = re.compile(r"^(?:X?(?:IX|IV|V?I{0,3})|XX)$")
REGNAL: Final = frozenset(
    ("king", "queen", "pope", "prince", "princess", "emperor", "empress", "tsar", "sultan")
)
# Given names monarchs and popes reign under, said without their title: "Charles III",
# "Felipe VI", "Leo XIV" are people, where "Artemis III" is a mission.
REGNAL_NAMES: Final = words(
    """charles elizabeth george edward william henry james mary victoria anne richard louis
    felipe juan carlos harald olav haakon carl gustaf frederik margrethe christian willem
    philippe albert baudouin leopold alexander nicholas peter ivan leo francis benedict john
    paul pius gregory innocent clement urban boniface"""
)

# English prepositions and words of time that open an adverbial phrase (a closed class).
_PREPOSITIONS: Final = words(
    """in on at by for from to of with within without during after before since until till
    through throughout over under around about across along amid amidst among beyond despite
    toward towards upon into onto past ahead near following per via than as like unlike
    against between behind below above beside besides except inside outside up down out off
    back away then this that these those last next earlier later"""
)
_PREPOSITION = "|".join(sorted(_PREPOSITIONS, key=len, reverse=True))
# After a sentence's first word: a phrase of time or place up to a comma, then the subject
# (a name, a pronoun, or a noun phrase): "Back in 2015, Acme", "Back then, it", "Ahead of
# the vote, the company". A name is followed by its verb ("Tesla in March said"). The
# phrase opens with a preposition, or with any word after a preposition ("Beyond that
# year, Acme").
_SUBJECT = r",\s+(?:[A-Z]|(?:it|we|they|he|she|i|you|the|its|their|a|an)\b)"
_MORE = rf"(?:,\s+(?:{_PREPOSITION})\b[^,.;:!?\"()\n]{{0,60}}?)?"  # "Further out, in 2030, it"
_ADVERBIAL_AFTER: Final = re.compile(
    rf"\s+(?:{_PREPOSITION})\b[^,.;:!?\"()\n]{{0,60}}?{_MORE}{_SUBJECT}"
)
_PHRASE_AFTER: Final = re.compile(rf"\s+[a-z][^,.;:!?\"()\n]{{0,60}}?{_MORE}{_SUBJECT}")
# With no comma, only a year or "then" ends the phrase for sure: "Back in 2015 Acme
# missed", "Back then Acme planned" (where "Tesla in New York said" is a name and a place).
_DATED_AFTER: Final = re.compile(
    rf"\s+(?:(?:{_PREPOSITION})\s+(?:[A-Z][a-z]+\s+)?\d{{4}}|then)\s+[A-Z][a-z]"
)

# What may stand before a sentence's first word: a quote, a bracket, a list marker.
OPENING: Final = re.compile(r"\s*(?:[-*\u2022]|\d{1,2}[.)])?\s*[\"'(]?\s*")
# "Orbital Dynamics has delayed the launch of its rocket": a name followed, in its own
# sentence, by "its" (before any "his" or "her") stands for an organisation.
# "Vodafone Idea said on Monday it will ...": "it" with a verb stands for an organisation too,
# also after an adverb ("it now expects", "it still plans").
ITS_AFTER: Final = re.compile(
    r"(?:[^.!?\n]|\.(?=\S)){0,80}?\b(its|his|her|their"
    r"|it(?=\s+(?:(?:now|still|also|already|again|then|instead|currently|previously"
    r"|initially|originally|ultimately|eventually|[a-z]+ly)\s+)?"
    r"(?:will|would|plans|planned|expects|expected|aims|intends|hopes|wants|has|had|is|was"
    r"|sees|targets|forecasts|predicts)\b))\b",
    re.IGNORECASE,
)
# A name launched, shipped or flown: the object of the verb, not who acts ("launch
# Starship", "ship the Vision Pro", "deliver its first Cybercab"); not after a preposition
# ("launch with Airbus", "ship to Microsoft").
LAUNCHED: Final = re.compile(
    r"\b(?:launch|ship|fly|flew|flown|release|unveil|debut|deliver|introduce|roll\w*\s+out"
    r"|test|mass-produce|produce"
    # "start production of the Cybercab", "deliveries of the A321XLR": what is made
    r"|(?:production|deliver(?:y|ies)|sales|shipments?|roll-?out|launch(?:es)?|release|debut)"
    r"\s+of)\w*\s+(?:(?:the|a|an|its|their)\s+)?"
    r"(?:(?!(?:with|for|from|to|by|at|in|on|into|alongside|via|and|or|against|after|before)\s)"
    r"[a-z][\w-]*\s+){0,2}$",
    re.IGNORECASE,
)
# After a name right after the verb, what makes it the receiver: "deliver Lufthansa its
# first jet", "ship Microsoft the first racks".
DATIVE: Final = re.compile(r"\s+(?:its|their|his|her|the|a|an)\b", re.IGNORECASE)
# After "the"/"a" and a name, a noun for a product: "the New Glenn rocket", "a Falcon 9 launch".
PRODUCT_WORDS: Final = (
    r"(?:rocket|spacecraft|capsule|headset|phone|smartphone|handset|chip"
    r"|processor|accelerator|satellite|constellation|vehicle|car|suv|sedan|truck|jet|aircraft"
    r"|airliner|plane|drone|robot|humanoid|console|laptop|tablet|app|engine|reactor|telescope"
    r"|lander|rover|booster|megarocket|launcher|mission|model|chatbot|platform|device|glasses"
    r"|watch|probe|module|station|rack|server|gpu|supercomputer|system"
    r"|drug|vaccine|injection|pill|treatment|therapy|shot|medicine|jab|antibody|biosimilar"
    r"|game|sequel|remake"
    r"|cable|pipeline|interconnector|tunnel|bridge|railway|dam|canal|reactor)s?"
)
PRODUCT_NOUN: Final = re.compile(
    rf"(?:\s+\d[\w.]*)?\s+{PRODUCT_WORDS}(?![\w-])",
    re.IGNORECASE,
)
# A product named beside its noun: "the obesity injection MariTide", "the RSV vaccine Abrysvo".
NOUN_BEFORE: Final = re.compile(rf"(?<![\w-]){PRODUCT_WORDS}\s+$", re.IGNORECASE)
# A vehicle flown, launched or sent on or aboard: "launch 100 satellites on New Glenn",
# "send astronauts into orbit on Gaganyaan", "fly the crew aboard Starliner".
FLOWN_ON: Final = re.compile(
    r"\b(?:launch|fly|flew|flown|send|sent|carry|carried|ride|rode|lift|loft)\w*\b[^.;,]{0,60}?"
    r"\s(?:on|aboard|atop)\s+(?:(?:a|an|the|its|their)\s+)?$",
    re.IGNORECASE,
)
# After a name between an article and it, a noun of what it does: "an uncrewed Starship
# landing", "a Starliner test flight", "the first SpaceX launch".
EVENT_NOUN: Final = re.compile(
    r"(?:\s+[a-z]+)?\s+(?:landing|flight|launch|test|mission|demonstration|demo|debut|mission)s?"
    r"(?![\w-])"
)
# After a name, work on the site it names: "the Palisades restart", "the Sherman expansion".
SITE_EVENT: Final = re.compile(
    r"\s+(?:restart|reopening|closure|shutdown|expansion|start-up|startup|refurbishment"
    r"|refuelling|refueling|outage|uprate|commissioning|decommissioning|retooling|conversion)s?"
    r"(?![\w-])"
)
# A list item's lead before a colon: "- Holtec: Palisades restart ...".
LEAD_COLON: Final = re.compile(r"\w:\s+$")
# A sentence opening with a past participle and what goes with it: "Delayed twice, the
# launch ...", "Postponed in 2025, the vote ...". "United will fly" is a name: a verb follows.
PARTICIPLE_OPENING: Final = re.compile(r"[A-Z][a-z]{2,}ed$")
AFTER_PARTICIPLE: Final = re.compile(
    r"(?:,|\s+(?:in|on|by|for|to|from|at|again|twice|once|until|since|after|before|amid"
    r"|over|under|with|last|earlier|several|three|four|repeatedly|back|forward|out|off"
    r"|[a-z]+ly)\b)"
)
# A model number just before a name: "737 Max", "787 Dreamliner", "the 7 Series"; not a year
# ("In 2027 Tesla will"), nor a figure's ("20 Chinese firms": no name), nor a date's day.
MODEL_NUMBER_BEFORE: Final = re.compile(
    r"(?:(?<![\w.,$-])(?!(?:1[89]|2[01])\d\d\s)\d{1,4}|(?<![\w-])[A-Z]{1,2}\d{2,4}[a-z]*)\s$"
)
MODAL_AFTER: Final = re.compile(
    r"\s+(?:will|would|shall|could|can|may|might|must|are|is|were|was)\b"
)
SAID_BEFORE: Final = re.compile(
    r"\b(?:said|says|announced|told\s+[a-z]+|expects|confirmed|added|predicts)\s+(?:that\s+)?$"
)
# After a possessive, the kind of a body and its name: "Japan's space agency JAXA",
# "China's market regulator SAMR".
BODY_NAMED_AFTER: Final = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:agency|regulator|watchdog|ministry|authority|commission"
    r"|operator|bank|court)\s+[A-Z]"
)
# Before a place's possessive, a preposition: "on Shanghai's STAR Market" is where.
AT_PLACE: Final = re.compile(r"\b(?:on|at|from|in|into|near|to)\s+$", re.IGNORECASE)
LISTED_BEFORE: Final = re.compile(r"(?:,|\band|\bor|&)\s+$", re.IGNORECASE)
# A name said to be a product anywhere in the text: owned ("its Neutron rocket", "SpaceX's
# Starship"), launched ("launch Starship"), or before a product noun ("the Neutron rocket").
# The words between the owner and the name do not end in "to": in "its chips to Microsoft",
# "its service to Tokyo" the name is a receiver or a place, not a thing owned.
_OWNED_WORD: Final = r"(?!(?:to|into|onto)\s)[a-z][\w-]*\s+"
OWNED_NAME: Final = re.compile(
    rf"(?:\b(?:its|their)|[A-Z][\w-]*'s?)\s+(?:{_OWNED_WORD}){{0,2}}?"
    r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)
ARTICLE_BEFORE: Final = re.compile(r"\b(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}$", re.IGNORECASE)
# A name that flies, ships or launches itself: "Neutron will fly in 2026", "Hyperion will go
# on sale in September"; not with an object or a route ("will fly the A321XLR", "to Lisbon").
# Only things fly, go on sale, enter service or are shipped (``thing``); organisations also
# launch, ship, debut and arrive ("SpaceX will launch in May"), so those verbs make a product
# only when the text says so otherwise (a version, owned, a product noun).
FLIES: Final = re.compile(
    r"\s+(?:will|would|could|should|may|might|is\s+to|is\s+(?:\w+ly\s+)?(?:set|slated"
    r"|scheduled|due|expected|poised|going|likely)\s+to)\s+(?:(?:\w+ly|now|still|also|then"
    r"|again)\s+)?"
    r"(?:(?P<service>(?:start|begin)\s+(?:commercial\s+)?service)"
    r"|(?P<thing>(?:first\s+)?fly|go\s+on\s+sale|enter\s+(?:commercial\s+)?"
    r"service|hit\s+(?:shelves|stores|the\s+market)|be\s+(?:released|launched|shipped"
    r"|delivered|available|unveiled))|launch|ship|debut|arrive|go\s+live|come\s+online)"
    r"(?=\s+(?:in|on|by|before|after|next|this|later|again|early|late|around|from\s+\d"
    r"|no\s+earlier|for\s+the\s+first|as\s+early|within|\d)\b|\s*[.,;])",
    re.IGNORECASE,
)
# A name said to be a product by the noun after it anywhere: "the Hyperion sedan", "a
# Falcon 9 launch".
NAMED_PRODUCT: Final = re.compile(
    r"\b(?:the|a|an|its|their)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)(?=(?:\s+\d[\w.]*)?\s+[a-z])",
)
# Who owns a product named with a possessive: "SpaceX's Starship", "Rocket Lab's Neutron
# rocket", "its Vision Pro 2".
OWNER_OF: Final = re.compile(
    r"(?:(?P<its>\b(?:its|their))|(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})'s?)"
    rf"\s+(?:{_OWNED_WORD}){{0,2}}?(?P<product>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)
# After a sentence's first word, the rest of a list of names: ", Foxconn and Tesla".
LIST_AFTER: Final = re.compile(
    r"(?:,\s+[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*)*)+,?\s+(?:and|or|&)\s+[A-Z]"
)
ANAPHOR: Final = re.compile(
    r"(?<![\w-])the\s+(?:[a-z]+\s+)?(?:company|firm|group|startup|start-up|giant|[a-z]*maker"
    r"|developer|lab|manufacturer|retailer|insurer|lender|airline|operator|supplier|provider"
    r"|conglomerate|corporation|major|utility|miner|producer|brand|carrier|outfit|shipbuilder"
    r"|builder|biotech|publisher|studio|broadcaster|streamer|distributor|exporter|importer"
    r"|chain)(?![\w-])",
    re.IGNORECASE,
)


# A country's government named by its demonym: "the Australian government" is Australia.
COUNTRY_OF: Final = {
    "chinese": "China",
    "american": "US",
    "japanese": "Japan",
    "indian": "India",
    "british": "Britain",
    "french": "France",
    "german": "Germany",
    "italian": "Italy",
    "spanish": "Spain",
    "russian": "Russia",
    "canadian": "Canada",
    "australian": "Australia",
    "brazilian": "Brazil",
    "mexican": "Mexico",
    "taiwanese": "Taiwan",
    "singaporean": "Singapore",
    "chilean": "Chile",
    "peruvian": "Peru",
    "indonesian": "Indonesia",
    "dutch": "Netherlands",
    "polish": "Poland",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "turkish": "Turkey",
    "saudi": "Saudi Arabia",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "colombian": "Colombia",
    "vietnamese": "Vietnam",
    "thai": "Thailand",
    "malaysian": "Malaysia",
    "philippine": "Philippines",
    "israeli": "Israel",
    "egyptian": "Egypt",
    "nigerian": "Nigeria",
    "kenyan": "Kenya",
    "ukrainian": "Ukraine",
    "irish": "Ireland",
    "swiss": "Switzerland",
    "austrian": "Austria",
    "belgian": "Belgium",
    "danish": "Denmark",
    "finnish": "Finland",
    "greek": "Greece",
    "portuguese": "Portugal",
    "hungarian": "Hungary",
    "czech": "Czechia",
    "romanian": "Romania",
    "pakistani": "Pakistan",
    "zambian": "Zambia",
    "congolese": "Congo",
    "mongolian": "Mongolia",
}
DEMONYM_GOVERNMENT: Final = re.compile(
    r"(?<![\w-])[Tt]he\s+(" + "|".join(k.capitalize() for k in COUNTRY_OF) + r")"
    r"\s+(?:(?:federal|central|national|state)\s+)?government(?![\w-])"
)


def named_thing(words: list[str], lead: str) -> bool:
    """Whether a name is a thing by its form: a mission or model numbered in Roman numerals
    ("Artemis III", "Gaganyaan II"; not "King Charles III" nor "Charles III"), or a word of a
    lower-case letter and a capital after "the" ("the iPhone", "the eVTOL": a product, as
    "eBay" alone is not).

    >>> named_thing(["Artemis", "III"], "NASA delayed "), named_thing(["iPhone"], "switch the ")
    (True, True)
    >>> named_thing(["Louis", "XIV"], ""), named_thing(["eBay"], "")
    (False, False)
    """
    numbered = (
        len(words) == 2
        and len(words[1]) >= 2
        and ROMAN.match(words[1]) is not None
        and words[0].lower() not in REGNAL_NAMES
        and not any(w.lower() in REGNAL for w in [*lead.split()[-1:], *words])
    )
    camel = len(words) == 1 and re.match(r"[a-z][A-Z]", words[0]) is not None
    return numbered or (camel and re.search(r"\bthe\s+$", lead, re.IGNORECASE) is not None)


def adverbial_after(word: str, after: str) -> bool:
    """Whether a sentence's first word opens an adverbial phrase, by the text ``after`` it.

    >>> adverbial_after("Back", " in 2015, Acme"), adverbial_after("Beyond", " that year, it")
    (True, True)
    >>> adverbial_after("Tesla", " in March said it will"), adverbial_after("Acme", " will ship")
    (False, False)
    """
    phrase = _PHRASE_AFTER if word.lower() in _PREPOSITIONS else _ADVERBIAL_AFTER
    return phrase.match(after) is not None or _DATED_AFTER.match(after) is not None
