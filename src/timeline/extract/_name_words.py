"""What a run of capitalised words is: the word lists and checks behind `Actors`.

A run ("Chief Executive Jensen Huang", "Tax breaks", "Rocket Lab's") is cut and
judged by these: titles before a person, words that only open a sentence, common
nouns news sentences start with, acronyms and demonyms that are no one, the last
words of organisations and bodies. `plausible` says whether what is left can be
a name; `is_org` whether a name can stand for "the company".
`timeline.extract._actors` finds the runs and applies them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from timeline.extract._text import words

__all__ = [
    "Name",
    "facility",
    "holiday",
    "is_org",
    "known_table",
    "org_tail",
    "plan",
    "plausible",
]

POSSESSIVE: Final = re.compile(r"'s?$")

STOP: Final = words(
    """the a an this that these those there their its his her our my your when while after
    before as at in on for from with by to of and or but if so then also both some many most
    other others new notably however meanwhile according former recent industry analysts
    projections compared simultaneously president ceo cfo cto chairman chairwoman director
    founder leader lead head chief minister secretary spokesperson spokesman newcomer
    professor dr mr mrs ms sir written sign rate reader was were is are will would it he she
    they we you i what which who whose how why where following under over into than about
    across against between during deep dive latest first last next early mid late one two
    three four five six seven eight nine ten dozens hundreds thousands millions billions
    unless once although though whereas until since because despite amid"""
)
TITLES: Final = words(
    """president ceo cfo cto coo chairman chairwoman director founder cofounder co-founder
    leader lead head chief minister secretary spokesperson spokesman spokeswoman newcomer
    professor dr mr mrs ms sir analyst executive vp premier governor mayor vice deputy senior"""
)
# Words that go on a title after its first word ("Chief Financial Officer", "Senior Vice
# President", "Managing Director"): dropped only after a title word, so "Financial Times"
# and "General Motors" stay names.
TITLE_PARTS: Final = words(
    """financial operating executive technology technical marketing product commercial
    information revenue strategy legal people science scientific investment operations
    officer officers vice president director managing general manager counsel partner
    editor scientist engineer research"""
)
# Common words that start news sentences ("Shares rose 6%", "Earlier, ...", "Rival X
# said"): at a sentence's start they are not names, even when the text never writes them
# in lower case.
STARTERS: Final = words(
    """shares stocks stock sales revenue revenues profit profits earnings margins prices
    demand supply production output exports imports growth investors officials executives
    customers users employees workers regulators lawmakers sources experts critics rival
    shareholders stockholders bondholders creditors
    rivals competitors partners safety security shipments deliveries orders costs spending
    testing trading talks negotiations details terms plans earlier later separately
    previously currently initially originally formerly finally additionally overall together
    instead still now
    today yesterday tomorrow yet once since until despite although though because whether
    such each every all any no not more less few several another only even just asked
    speaking despite elsewhere globally domestically again likewise besides moreover
    furthermore nonetheless nevertheless indeed thus hence otherwise regardless meanwhile"""
)
# Titles inside a run of capitalised words, after the organisation or the portfolio and
# before the person: "Tesla CEO Elon Musk", "Transport Secretary Heidi Alexander".
MID_TITLES: Final = words(
    """ceo cfo cto coo chairman chairwoman president secretary minister governor mayor premier
    spokesperson spokesman spokeswoman commissioner chancellor senator director chief"""
)
MID_TITLE_HINT: Final = re.compile(r"\s(?:" + "|".join(sorted(MID_TITLES)) + r")\b", re.IGNORECASE)
GOVERNMENT_TITLES: Final = words("secretary minister commissioner chancellor senator")
# Words a name never ends on alone: "Rocket Lab's" keeps "Rocket".
ORG_TAILS: Final = words(
    """lab labs group motors systems technologies technology industries inc corp corporation
    ltd llc plc holdings ai robotics dynamics aerospace energy electronics semiconductor
    pharmaceuticals therapeutics airlines bank capital ventures partners networks"""
)
# After "its"/"their" (and one of these), a name is something owned: "its Model Y", "its
# second Arizona fab", "their Ohio plant"; "its subsidiary Waymo" names a company.
# Not across "to": "its chips to Microsoft", "its service to Tokyo" (a receiver, a place).
OWNED: Final = re.compile(
    r"\b(?:[Ii]ts|[Tt]heir)\s+((?:(?!(?:to|into|onto)\s)[a-z][\w-]*\s+){0,3})$"
)
# The last word of a street's name: "Oxford Street", "400 Market Street" (after its number
# an address, not a model's name as in "the 737 Max").
STREET: Final = re.compile(
    r"\s(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Square|Parkway|Highway)\.?\Z",
    re.IGNORECASE,
)
# Between "its" and a name, a site and a preposition of place: the name is where the site
# owned is ("its first store in Mexico City", "their plant near Dresden"), not a thing owned.
SITE_WHERE: Final = re.compile(
    r"\b(?:store|shop|outlet|branch|restaurant|cafe|plant|factory|fab|gigafactory|site"
    r"|facility|campus|office|headquarters|warehouse|hub|lab|mine|refinery|yard|shipyard"
    r"|terminal|depot|centre|center|flagship|location)s?\s+(?:in|near|outside|at)\s+$"
)
# Between "its" and a name, these say the name is a company of its own: "its subsidiary Waymo".
ROLE_NOUNS: Final = words(
    """subsidiary subsidiaries unit units arm arms partner partners rival rivals parent
    affiliate affiliates division divisions competitor competitors customer customers supplier
    suppliers investor investors backer backers owner owners chief founder founders
    cofounder co-founder chairman president executive ceo cfo spokesperson spokesman
    spokeswoman head director manager team brand joint venture venture"""
)
# The last word of a public or corporate body named after a possessive.
BODIES: Final = words(
    """board authority agency commission ministry department council bank office
    administration court parliament assembly regulator bureau committee service institute
    university"""
)
# Legislatures named in one word after a possessive: "Germany's Bundestag", "Japan's Diet".
LEGISLATURES: Final = words(
    """parliament congress senate bundestag bundesrat duma diet knesset sejm riksdag storting
    folketing eduskunta oireachtas rada majlis"""
)
NUMBERED: Final = re.compile(r"\s+(?:\d{1,2}|I{1,3}|IV|V)(?![\w.,]*\d)(?![\w-])")
# Common nouns and adjectives that open news sentences about markets, policy, products
# and sport ("Tax breaks will expire", "Subsidies end", "Net income rose", "Clinical
# trials"): alone at a sentence's start (one capitalised word), they are no name unless
# the text also writes them capitalised inside a sentence (a name: "... said Amazon").
# Verbs in their plural present after a lone word opening a sentence: the word is a plural
# common noun ("Polls open on", "Talks resume", "Prices rise"); a name takes "opens".
PLURAL_VERBS: Final = words(
    """open close start begin end resume rise fall remain show suggest continue stand come go
    point climb jump slip drop grow run face loom"""
)
COMMON_OPENERS: Final = words(
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
    shipping delivery member members ministers lawmakers legislators lenders banks
    borrowers traders economists analysts carmakers automakers chipmakers retailers
    insurers farmers drivers operators carriers airlines buyers sellers landlords
    retail wholesale industrial core headline shoppers visitors tourists residents voters
    students commuters
    tenants savers depositors exporters importers manufacturers suppliers developers"""
)
# Endings of abstract and plural nouns ("Inflation", "Negotiations", "Subsidies",
# "Shipments"): alone at a sentence's start, before a lower-case word, no name unless
# the text also writes the word capitalised inside a sentence.
NOUN_ENDINGS: Final = ("tion", "tions", "sion", "sions", "ments", "ies", "ness")
ACRONYMS: Final = words(
    """AI AGI ARR CEO CFO CTO COO LLM LLMS GPU GPUS CPU API APIS IPO ML USD CNY RMB EUR GBP JPY
    HKD KPI SaaS PR TV VR AR OK ID FY Q1 Q2 Q3 Q4 H1 H2 AIGC B2B B2C R&D
    EV AV SUV ESG GDP CPI PPI PMI ETF ETFS SPAC VC LNG CO2 EBITDA EPS ROI IT IoT HPC
    PDUFA NDA BLA IND EUA CRL ANDA sNDA sBLA MAA
    Hz kHz MHz GHz THz W kW MW GW TW Wh kWh MWh GWh TWh mAh V kV Mbps Gbps Tbps TB GB PB"""
)
DEMONYMS: Final = words(
    """chinese american european asian african japanese korean indian british french german
    italian spanish russian canadian australian brazilian mexican taiwanese singaporean
    western eastern english"""
)
MONTHS: Final = words(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall
    winter"""
)
ORG_WORDS: Final = words(
    """inc corp corporation ltd llc group holdings technology technologies labs lab ai
    association alliance administration agency ministry department forum bank university
    institute foundation council commission government company intelligence systems capital
    ventures partners motors electronics robotics dynamics aerospace energy power networks
    semiconductor semiconductors pharmaceuticals therapeutics biotech solutions industries
    bio biosciences bioscience biotherapeutics biopharma pharma genomics medical health
    airlines automotive communications telecom media studios software platforms devices
    instruments materials chemicals insurance financial securities investments bancorp plc ag
    sa gmbh nv bv se limited incorporated co aviation airways mobility logistics mining
    minerals resources utilities shipping interactive entertainment games pictures records
    broadcasting streaming"""
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
    thing: bool = False
    """A product said to fly, ship or launch ("Neutron will fly in 2026"): who makes it is
    the actor when the statement names anyone else."""
    beside: bool = False
    """Between an article and a noun of what it does ("an uncrewed Starship landing"): an
    actor only when the statement names no one else."""


def org_tail(word: str) -> bool:
    return POSSESSIVE.sub("", word).lower() in ORG_TAILS


# A company named as its web domain: "Pony.ai", "Booking.com".
_DOMAIN: Final = re.compile(r"[A-Z][A-Za-z]+\.(?:ai|com|io|net|org|co)")


_COMPASS: Final = words(
    "north south east west northern southern eastern western central southeast southwest"
    " northeast northwest latin sub-saharan"
)


def plausible(text: str) -> bool:
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
        if word in ACRONYMS or low in DEMONYMS or low in MONTHS or low in STOP:
            return False
        if "." in word.rstrip(".") and not _DOMAIN.fullmatch(word):
            return False  # "U.S." is kept out; it reads better as a country in the text
        if len(word) < 2:
            return False
    if re.fullmatch(r"Series [A-Z]\d?", text):
        return False  # a funding round
    if all(w in ACRONYMS or w.lower() in STOP | MONTHS | DEMONYMS for w in words):
        return False
    if len(words) == 2 and words[0].lower() in _COMPASS and words[1].lower() in DEMONYMS:
        return False  # "North American plants", "Southeast Asian markets": where, not who
    return len(text) <= 60


def is_org(name: Name) -> bool:
    """Whether a name can stand for "the company": not a person.

    >>> is_org(Name("Tencent", 0)), is_org(Name("Ma Huateng", 0, person=True))
    (True, False)
    """
    if name.person:
        return False
    words = name.text.split()
    return name.org or len(words) == 1 or any(w.lower().rstrip(".") in ORG_WORDS for w in words)


# Holidays and festivals: when things happen ("before Christmas"), never who.
HOLIDAYS: Final = frozenset(
    (
        *words(
            """christmas easter diwali deepavali ramadan ramadhan eid hanukkah chanukah
            passover thanksgiving halloween hogmanay nowruz navratri holi vesak songkran
            pentecost whitsun qingming obon chuseok"""
        ),
        "lunar new year",
        "chinese new year",
        "new year",
        "black friday",
        "cyber monday",
        "yom kippur",
        "rosh hashanah",
        "super bowl",
    )
)
# The last word of a holiday's name ("Labor Day", "Christmas Eve", "Golden Week",
# "Mid-Autumn Festival", "Valentine's Day").
HOLIDAY_TAILS: Final = words("day eve week festival")


def holiday(text: str) -> bool:
    """Whether a run of capitalised words names a holiday or a festival.

    >>> holiday("Lunar New Year"), holiday("Christmas"), holiday("Labor Day"), holiday("Acme")
    (True, True, True, False)
    """
    low = " ".join(POSSESSIVE.sub("", w) for w in text.lower().split())
    words_ = low.split()
    if not words_:
        return False
    if low in HOLIDAYS or words_[0] in HOLIDAYS:
        return True
    return len(words_) > 1 and words_[-1] in HOLIDAY_TAILS


# The last word of a plan, a programme or a law: what is done, never who does it.
PLAN_TAILS: Final = words(
    """plan plans programme program programs strategy initiative act bill agenda framework
    roadmap blueprint scheme treaty accord accords agreement directive regulation law pact
    deal doctrine charter compact manifesto"""
)


def plan(text: str) -> bool:
    """Whether a name is that of a plan, a programme or a law ("Five-Year Plan", "CHIPS Act").

    >>> plan("Five-Year Plan"), plan("CHIPS Act"), plan("Green Deal"), plan("Acme")
    (True, True, True, False)
    """
    words_ = text.split()
    return len(words_) > 1 and POSSESSIVE.sub("", words_[-1]).lower() in PLAN_TAILS


# The last words of a facility's own name: "Diablo Canyon Power Plant", "Palo Verde
# Generating Station", "Crane Clean Energy Center" (a "Center" alone may act: "Johnson Space
# Center").
_FACILITY_LAST: Final = frozenset(
    ("plant", "station", "reactor", "refinery", "smelter", "mine", "dam", "terminal", "shipyard")
)
_FACILITY_CENTRE: Final = frozenset(("energy", "power", "generating", "nuclear", "solar", "wind"))


def facility(words: list[str]) -> bool:
    """Whether a name of several words is a facility's own ("Diablo Canyon Power Plant").

    >>> facility(["Diablo", "Canyon", "Power", "Plant"]), facility(["Johnson", "Space", "Center"])
    (True, False)
    """
    if len(words) < 2:
        return False
    last, before = words[-1].lower(), words[-2].lower()
    return last in _FACILITY_LAST or (
        last in ("center", "centre", "facility", "complex") and before in _FACILITY_CENTRE
    )


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
