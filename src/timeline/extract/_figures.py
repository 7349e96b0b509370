"""Figures in running text: "$600 million", "over 140 trillion", "10,000 AI-plus enterprises".

A candidate is a number with what may surround it in a figure (a bound word
before it, a currency, a scale, a percent sign, a range "2-3", up to three
unit words after it); `Quantity.parse` decides, so every figure found is a
real `Quantity`. Not figures: version numbers after a name ("Model 3.0",
"V4"), numbers glued to a word ("15-year"), bare numbers with nothing to say
what they count, a year before a noun ("2005 levels", "the 2030 target"), and
anything inside a date phrase. Unit words stop at a preposition, an adverb or
a verb ("5,000 robots across ..."); "between X and Y" and "X to Y" are one range.
A verb of passing before the number ("surpassed $300 million") makes it a lower bound.
Multiples ("3.5x", "three times faster", "a thousand-fold") are figures too
(`timeline.extract._multiples`).
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from timeline._errors import QuantityError
from timeline.extract._figure_words import BOUND, worded_figures
from timeline.extract._multiples import multiples
from timeline.extract._text import words
from timeline.extract._yen import BARE_YEN_SIGN
from timeline.figures import Bound, Quantity
from timeline.figures._units import multiple_mark

__all__ = ["Figure", "added_to", "figures"]


@attrs.frozen
class Figure:
    """A figure found at ``start``..``end`` with its `Quantity`.

    >>> f = figures("Meta doubled it from $5 billion to $10 billion.", 0, 47, [])[1]
    >>> (f.text, str(f.quantity), f.after_from)
    ('$5 billion', '$5 billion', True)
    """

    text: str
    start: int
    end: int
    quantity: Quantity
    after_from: bool = False


_BOUND = BOUND
_CURRENCY = r"(?:(?:US|HK|NT|S|A|C)?\$|€|£|(?:JP|CN|RMB)?¥|₹|₩|Rs\.?(?=\s?\d))"
# Digits grouped in threes ("1,234,567") or the Indian way ("12,34,567"), as Quantity reads them.
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?"
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|tn|k|m|b|t)(?![\w-])"
_CODE = r"(?:CNY|USD|EUR|GBP|JPY|RMB|HKD|INR|KRW|yuan|dollars|euros|pounds|yen|rupees)(?![\w-])"
# Unit words: lower case, a compound such as "AI-plus", or an acronym before a lower-case
# word ("ICT specialists") or in the plural ("200,000 EVs"), never an acronym alone
# ("$300 million ARR" is in USD), except units of power and energy at a clause's end
# ("to 10 GW.").
_UNIT_WORD = (
    r"(?:[a-z][a-z-]*|[A-Z]{1,4}-[a-z][\w-]*|[A-Z]{2,5}(?=\s+[a-z])|[A-Z]{2,5}s(?![\w-])"
    r"|[GMkT]Wh?(?=[.,;:)]|\s*$))"
)
# The words after a figure that may be its unit (`_unit_words` keeps those that are).
_UNITS: Final = re.compile(rf"(?:\s+(?:per\s+)?{_UNIT_WORD}){{0,3}}")
_CANDIDATE: Final = re.compile(
    rf"(?<![\w.$€£¥₹₩-])(?:(?P<bound>{_BOUND})\s+)?(?P<cur>{_CURRENCY})?\s?"
    rf"(?P<num>{_NUMBER})(?:\s?-\s?(?:{_CURRENCY})?(?:{_NUMBER}))?"
    rf"(?:\s?(?P<pct>%|percent\b|per\s+cent\b|pc(?![\w-])))?"
    rf"(?:\s?(?P<scale>{_SCALE}))?"
    r"(?:(?P<glued>[GMkT]Wh?)(?![\w-]))?"
    rf"(?:\s+(?P<code>{_CODE}))?"
    rf"(?P<units>(?:\s+(?:per\s+)?{_UNIT_WORD}){{0,3}})"
    r"(?![\w.]\d)",
)
_NOT_UNIT: Final = words(
    """a an the and or but to of in on at by for from with than as is are was were be been will
    would could should may might has have had it its this that which who per into over under
    about around after before since until during while when where year years month months
    day days week weeks quarter half times fold last next ago earlier later each every
    across through throughout within without among between via against toward towards
    upon onto beyond along amid like plus up down out off so if not no now then also still
    already only just currently today there here use uses run runs work works make makes
    take takes get gets need needs buy buys sell sells pay pays own owns hold holds employ
    employs join joins come comes go goes see sees say says help helps serve serves rose fell
    grew do does did can cannot they we he she i you them us our your their his her him
    these those"""
)
# Participles that are prepositions ("$2 billion including fees"), or verbs of what was
# done to the figure ("$5 billion raised ...", "10% increased sales").
_NOT_MODIFIER: Final = words(
    """including excluding following regarding concerning according during pending
    notwithstanding barring considering given raised increased decreased reduced cut added
    invested spent paid owed earned lost sold bought won planned expected needed"""
)
_PLURAL: Final = re.compile(r"[a-z][a-z-]*[a-rt-z]s")


# A bare year before these is a year ("2005 levels", "the 2030 target"), not a count.
_YEAR_NOUNS: Final = words(
    """level levels figure figures number numbers target targets goal goals plan plans
    budget budgets result results revenue revenues sales earnings profit profits peak peaks
    high highs low lows forecast forecasts estimate estimates guidance report reports
    edition editions season seasons election elections model models version versions data
    output production baseline base average averages rate rates price prices value values
    record records total totals deadline deadlines agenda vision strategy roadmap pledge
    pledges commitment commitments law laws act rules"""
)
_YEAR_BEFORE: Final = words("the with than since versus vs of its their from his her our")
_YEAR: Final = re.compile(r"(?:19|20)\d\d|2100")
_PASSING: Final = re.compile(
    r"(?:surpass(?:ed|es|ing)?|exceed(?:ed|s|ing)?|top(?:ped|s|ping)?|pass(?:ed|es|ing)?"
    r"|beat|crossed|broke)\s+$",
    re.IGNORECASE,
)


# A rate's time after a unit word: "47 jets a month", "500 tokens per day"; not "a year ago",
# "a year earlier" (when), nor "a year later". ("$5 billion a year" is read as before.)
_PER_TIME: Final = words("day week month quarter year hour annum")
_NOT_AFTER_TIME: Final = words("ago earlier later before after from since")


def _unit_words(text: str) -> str:
    kept: list[str] = []
    words = text.split()
    i = 0
    while i < len(words):
        word = words[i]
        low = word.lower()
        if (
            kept
            and low in ("a", "an", "per")
            and i + 1 < len(words)
            and words[i + 1].lower() in _PER_TIME
            and (i + 2 >= len(words) or words[i + 2].lower() not in _NOT_AFTER_TIME)
        ):
            kept += [word, words[i + 1]]  # "jets a month": jets per month
            break
        if low == "per" and i + 1 < len(words) and words[i + 1].lower() not in _NOT_UNIT:
            kept += [word, words[i + 1]]
            i += 2
            continue
        if (
            not kept
            and low.endswith(("ed", "ing"))
            and low not in _NOT_MODIFIER
            and i + 1 < len(words)
            and _PLURAL.fullmatch(words[i + 1].lower())
            and words[i + 1].lower() not in _NOT_UNIT
        ):
            # "10,000 charging stations", "2,000 trained engineers": a participle before
            # the plural noun it qualifies is part of what is counted
            kept += [word, words[i + 1]]
            i += 2
            continue
        if low in _NOT_UNIT or low.endswith(("ed", "ing", "ly")):
            break
        kept.append(word)
        i += 1
    return " ".join(kept)


def figures(
    folded: str, start: int, end: int, taken: list[tuple[int, int]], *, yen: bool = False
) -> list[Figure]:
    """The figures in ``folded[start:end]`` that do not overlap the ``taken`` spans (dates);
    with ``yen`` (`yen_text`), "¥" is read as the yen.

    >>> [f.text for f in figures("KeLing AI passed $300 million and expects 2-3 new models.",
    ...                          0, 58, [])]
    ['$300 million', '2-3 new models']
    """
    # Multiples ("3.5x", "three times faster") first: a number with a mark of its own.
    found = [
        Figure(folded[a:b], a, b, quantity)
        for a, b, quantity in multiples(folded, start, end, taken)
    ]
    multiple_spans = [(f.start, f.end) for f in found]
    pos = start
    while True:
        m = _CANDIDATE.search(folded, pos, end)
        if m is None:
            break
        # Words the pattern took as units but that are not ("2024 to over") are scanned
        # again: the next search starts right after the number, or after a figure found.
        pos = m.end("num")
        head = folded[max(start, m.start() - 12) : m.start()]
        if re.search(r"[A-Za-z]\s?$", head) and not m.group("bound") and not m.group("cur"):
            # "Model 3.0", "V4", "top 5": after a word, a number is a version or a rank,
            # unless a verb or preposition (lower case) says it is an amount.
            word = re.search(r"(\w+)\s?$", head)
            if word is None or not word.group(1).islower():
                continue
        if not m.group("cur") and _ADJECTIVE_THEN_NAME.match(folded, m.end("num")):
            continue  # "2,000 new Supercharger stalls": a count of stalls (`_named_counts`)
        if (
            not m.group("cur")
            and m.group("scale")
            and _NAME_THEN_UNIT.match(folded, m.end("scale"))
        ):
            continue  # "20 million Switch 2 consoles": a count of consoles (`_named_counts`)
        # "300MW plant": a unit glued to the number is the whole unit
        units = "" if m.group("glued") else _unit_words(m.group("units"))
        has_measure = any(m.group(g) for g in ("cur", "pct", "scale", "code", "glued")) or units
        if not has_measure:
            continue
        if _bare_year(m, units, head):
            continue
        body_end = m.end("units") - len(m.group("units"))
        stop = body_end
        if units:
            # the kept unit words are the first ones after the number
            kept = len(units.split())
            words = list(re.finditer(r"\S+", folded[body_end : m.end("units")]))
            stop = body_end + words[kept - 1].end()
        if any(a < stop and m.start() < b for a, b in [*taken, *multiple_spans]):
            continue
        begin = m.start() + len(m.group()) - len(m.group().lstrip())  # no space before
        text = " ".join(folded[begin:stop].split())
        passing = _PASSING.search(folded, max(start, m.start() - 14), m.start())
        stated = f"over {text}" if passing and not m.group("bound") else text
        if m.group("pct") == "pc":
            stated = re.sub(r"(?<=\d)\s?pc\b", "%", stated, count=1)  # "10pc": per cent
        if yen:
            stated = BARE_YEN_SIGN.sub("JP¥", stated)
        try:
            quantity = Quantity.parse(stated)
        except QuantityError:
            continue
        if quantity.bound is Bound.EXACT and quantity.value == 0:
            continue
        after_from = bool(re.search(r"\bfrom\s+$", folded[max(start, m.start() - 6) : m.start()]))
        found.append(Figure(folded[begin:stop], begin, stop, quantity, after_from))
        pos = max(pos, stop)
    found += _named_counts(folded, start, end, [*taken, *((f.start, f.end) for f in found)])
    found += [
        Figure(folded[a:b], a, b, quantity)
        for a, b, quantity in worded_figures(
            folded, start, end, [*taken, *((f.start, f.end) for f in found)], _UNITS, _unit_words
        )
    ]
    found.sort(key=lambda f: f.start)
    found = _compared_counts(folded, start, end, taken, found)
    found = _added_counts(folded, start, end, taken, found)
    found = _bare_low_ends(folded, start, taken, found, yen)
    return _ranges(folded, found, yen)


# Before a name in a count, an adjective: "2,000 new Supercharger stalls", "500 more Walker S
# robots".
_COUNT_ADJECTIVE = r"(?:new|more|additional|extra|further|fresh)"
_ADJECTIVE_THEN_NAME: Final = re.compile(
    rf"\s+{_COUNT_ADJECTIVE}\s+(?:[A-Z][\w-]*\s+){{1,3}}[a-z][a-z-]*s(?![\w-])"
)


# After a number and its scale, a product's name (and number) and what it counts.
# Not an acronym, which is part of the unit: "20 million ICT specialists".
_NAME_THEN_UNIT: Final = re.compile(
    r"\s+[A-Z][a-z][\w-]*(?:\s+\d[\w.]*)?\s+(?:[A-Z][\w-]*(?:\s+\d[\w.]*)?\s+){0,2}"
    r"[a-z][a-z-]*s(?![\w-])"
)


# A count with a product's name between the number and what it counts: "500 Walker S
# robots", "1,000 Model Y cars", "20,000 H100 GPUs".
_NAMED_COUNT: Final = re.compile(
    r"(?<![\w.$€£¥₹₩-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+"
    r"(?:(?P<scale>thousand|million|billion)\s+)?"
    rf"(?:{_COUNT_ADJECTIVE}\s+)?"
    # the name, and its model number: "Switch 2 consoles", "Model 3 cars"
    r"(?:[A-Z][\w-]*(?:\s+\d[\w.]*)?\s+){1,3}(?P<unit>[a-z][a-z-]*s|[A-Z]{2,5}s)(?![\w-])"
    # a rate's time: "75 A320neo-family jets a month"
    r"(?P<per>\s+(?:a|an|per)\s+(?:day|week|month|quarter|year|hour|annum)(?![\w-])"
    r"(?!\s+(?:ago|earlier|later|before|after|from|since)\b))?"
)


def _named_counts(folded: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[Figure]:
    out: list[Figure] = []
    for m in _NAMED_COUNT.finditer(folded, start, end):
        num = m.group("num")
        if re.fullmatch(r"(?:19|20)\d\d", num):
            continue  # "In 2025 Acme Motors ...": a year
        if re.search(r"\b[A-Z][\w-]*\s?$", folded[max(start, m.start() - 20) : m.start()]):
            continue  # "Model 3 ...": a version
        if m.group("unit").lower() in _NOT_UNIT or any(
            a < m.end() and m.start() < b for a, b in taken
        ):
            continue
        try:
            scale = f" {m.group('scale')}" if m.group("scale") else ""
            quantity = Quantity.parse(f"{num}{scale} {m.group('unit')}{m.group('per') or ''}")
        except QuantityError:
            continue
        out.append(Figure(m.group(), m.start(), m.end(), quantity))
    return out


# A bare number as the low end of a range whose high end has the unit: "between 40,000 and
# 46,000 vehicles", "5 to 10 GW", "$18.5 to $19 billion" (not "from 5 to 10 GW": a change).
_LOW_END: Final = re.compile(
    rf"(?P<between>\bbetween\s+)?(?P<cur>{_CURRENCY})?(?P<num>{_NUMBER})\s+(?P<join>and|to)\s+$",
    re.IGNORECASE,
)


_JOIN_BEFORE: Final = re.compile(r"(?:and|to)\s+$", re.IGNORECASE)


def _bare_low_ends(
    folded: str, start: int, taken: list[tuple[int, int]], found: list[Figure], yen: bool
) -> list[Figure]:
    out: list[Figure] = []
    for fig in found:
        if _JOIN_BEFORE.search(folded, max(start, fig.start - 5), fig.start) is None:
            out.append(fig)  # no "and"/"to" just before: no low end
            continue
        m = _LOW_END.search(folded, max(start, fig.start - 40), fig.start)
        joined = None
        if m is not None and not any(a < fig.start and m.start("num") < b for a, b in taken):
            low_end = m.start("cur") if m.group("cur") else m.start("num")
            between = m.group("between") is not None
            change = re.search(r"\bfrom\s+$", folded[max(start, low_end - 6) : low_end])
            overlap = any(f.end > low_end and f.start < fig.start for f in out)
            if (m.group("join").lower() == "and") == between and not change and not overlap:
                low = f"{m.group('cur') or ''}{m.group('num')}"
                if yen:
                    low = BARE_YEN_SIGN.sub("JP¥", low)
                try:
                    quantity = Quantity.parse(f"{low} to {fig.text}")
                except QuantityError:
                    quantity = None
                if quantity is not None and quantity.bound is Bound.RANGE:
                    joined = Figure(folded[low_end : fig.end], low_end, fig.end, quantity)
        out.append(fig if joined is None else joined)
    return out


# A bare number compared with a figure: "45,000 cars, up from 40,000", "$5 billion
# compared with 4 billion".
_COMPARED_COUNT: Final = re.compile(
    rf"\b(?:from|with|versus|vs\.?)\s+(?:(?P<bound>about|around|roughly|nearly)\s+)?"
    rf"(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE}))?(?![\w%$.-]|\s?-?\s?\d)",
    re.IGNORECASE,
)


def _compared_counts(
    folded: str, start: int, end: int, taken: list[tuple[int, int]], found: list[Figure]
) -> list[Figure]:
    """Bare numbers compared with the figure before them take its unit or currency."""
    extra: list[Figure] = []
    for m in _COMPARED_COUNT.finditer(folded, start, end):
        a, b = m.start("bound") if m.group("bound") else m.start("num"), m.end()
        if any(x < b and a < y for x, y in [*taken, *((f.start, f.end) for f in found)]):
            continue
        if _YEAR.fullmatch(m.group("num")) and not m.group("scale"):
            continue  # "from 2025": a year
        before = [f for f in found if f.end <= a]
        if not before or not before[-1].quantity.unit or multiple_mark(before[-1].quantity.unit):
            continue
        unit = before[-1].quantity.unit
        if unit == "%":
            continue
        words = [w for w in (m.group("bound"), m.group("num"), m.group("scale"), unit) if w]
        try:
            quantity = Quantity.parse(" ".join(words))
        except QuantityError:
            continue
        extra.append(Figure(folded[a:b], a, b, quantity))
    return sorted(found + extra, key=lambda f: f.start) if extra else found


# What is added, then what it is added to: "will add 1200 in 2027 to the 3,000 rural
# towers", "adds $2 billion to its $5 billion budget". Within one clause (no comma: not
# "add 1,200 towers, bringing the total to 4,200", a total reached).
_ADD: Final = r"(?<![\w-])(?:add|adds|added|adding)(?![\w-])"
_ADDED_TO: Final = re.compile(
    rf"{_ADD}(?:[^.;:!?,]|(?<=\d)[.,](?=\d)){{0,80}}?\s(?:to|on\s+top\s+of|in\s+addition\s+to)\s+"
    r"(?:(?:the|its|their|his|her|our|an?)\s+)?(?:(?:existing|current|present)\s+)?$",
    re.IGNORECASE,
)
_ADDED_COUNT: Final = re.compile(
    rf"{_ADD}\s+(?:(?:another|a\s+further|some)\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?!\d|[.,]\d|[\w%-])",
    re.IGNORECASE,
)


def added_to(folded: str, fig: Figure, start: int) -> bool:
    """Whether ``fig`` is the total something is added to ("add 1,200 towers to its 3,000
    towers"), not the amount the verb acts on.

    >>> t = "Acme will add 500 stores to its 2,000 stores by 2028."
    >>> [added_to(t, f, 0) for f in figures(t, 0, len(t), [(45, 52)])]
    [False, True]
    """
    return _ADDED_TO.search(folded, max(start, fig.start - 120), fig.start) is not None


def _added_counts(
    folded: str, start: int, end: int, taken: list[tuple[int, int]], found: list[Figure]
) -> list[Figure]:
    """A bare number added to a figure takes its unit: "add 1200 in 2027 to the 3,000
    rural towers" adds 1,200 rural towers."""
    extra: list[Figure] = []
    for m in _ADDED_COUNT.finditer(folded, start, end):
        a, b = m.span("num")
        if any(x < b and a < y for x, y in [*taken, *((f.start, f.end) for f in found)]):
            continue
        to = next((f for f in found if f.start >= b and added_to(folded, f, start)), None)
        if to is None or re.search(r"[.;:!?]", folded[b : to.start]):
            continue
        unit = to.quantity.unit
        if not unit or unit == "%" or multiple_mark(unit) or to.quantity.currency is not None:
            continue  # "add 2 to its $5 billion": not said in what
        try:
            quantity = Quantity.parse(f"{m.group('num')} {unit}")
        except QuantityError:
            continue
        extra.append(Figure(folded[a:b], a, b, quantity))
    return sorted(found + extra, key=lambda f: f.start) if extra else found


def _bare_year(m: re.Match[str], units: str, head: str) -> bool:
    """Whether a number is a year before a noun ("2005 levels", "the 2030 target")."""
    if any(m.group(g) for g in ("bound", "cur", "pct", "scale", "code")):
        return False
    if not _YEAR.fullmatch(m.group("num")) or m.group() != m.group("num") + m.group("units"):
        return False  # a range "2020-2030", or a figure with more than a number
    first = units.split()[0].lower() if units else ""
    before = head.split()[-1].lower() if head.split() else ""
    return first in _YEAR_NOUNS or re.sub(r"'s?$", "", before) in _YEAR_BEFORE


_BETWEEN: Final = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_BY: Final = re.compile(r"\bby\s+$", re.IGNORECASE)
_BARE: Final = re.compile(rf"{_CURRENCY}?{_NUMBER}")


def _change_then_level(folded: str, low: Figure, join: str) -> bool:
    """Whether "by X to Y" is a change of X to the level Y: the unit said on both ends
    ("by 200 tonnes to 900 tonnes"; a range says it once, "by 200 to 900 tonnes"), and not
    a percent ("cut by 40% to 50%": a share of the change, so a range of it)."""
    if join.lower() != "to" or _BY.search(folded, max(0, low.start - 4), low.start) is None:
        return False
    return low.quantity.unit != "%" and _BARE.fullmatch(low.text) is None


_JOIN: Final = re.compile(r"\s+(and|to)\s+", re.IGNORECASE)


def _ranges(folded: str, found: list[Figure], yen: bool) -> list[Figure]:
    """Two figures that state one range as one: "between $18.5 billion and $19 billion",
    "$18.5 billion to $19 billion" (not "from $5 billion to $10 billion", nor "by 2 GW to
    10 GW": a change)."""
    out: list[Figure] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        join = None if b is None else _JOIN.fullmatch(folded, a.end, b.start)
        if (
            b is not None
            and join is not None
            and not a.after_from
            and not _change_then_level(folded, a, join.group(1))
        ):
            between = _BETWEEN.search(folded, max(0, a.start - 9), a.start)
            if (join.group(1).lower() == "and") == bool(between):
                try:
                    said = f"{a.text} to {b.text}"
                    quantity = Quantity.parse(BARE_YEN_SIGN.sub("JP¥", said) if yen else said)
                except QuantityError:
                    quantity = None
                if quantity is not None and quantity.bound is Bound.RANGE:
                    out.append(Figure(folded[a.start : b.end], a.start, b.end, quantity))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out
