"""Reading and writing quantities as people write them.

`parse_quantity` turns "over 140 trillion tokens per day", "$600 million", "2-3 devices"
or "about 5%" into the parts of a `Quantity`; `format_quantity` writes them back the
way a person would ("$600 million", "2–3 devices"; in
`timeline.figures._quantity_format`). The two round-trip: what is
formatted parses back to the same figure.

Reading rules, in order: numbers said in words are read as their digits ("two million
users", "half a million": `timeline.figures._number_words`); an optional bound phrase
("over", "more than", "up to", "about" …, or a trailing "or more" / "+"), an optional
currency symbol or code, a number with optional commas grouping its digits in threes
("1,000,000") or the Indian way ("10,00,000"; other groupings are refused with the fix),
an optional scale (thousand, million, billion, trillion; attached k, m, b, bn, T, MM; Mio.,
Mrd., milliard; Chinese 万, 亿, 万亿 … right after the number: "100亿元"), an optional
second end for a range ("2-3", "5 to 10", "between 5 and 10"), and the unit
words. Scales are short-scale (a billion is 10⁹). In a range an end without a scale or
currency takes the other end's ("$5-10 billion" is $5 billion to $10 billion).

A second figure after the first ("10 and 12 GW", "300 MW (0.3 GW)", "1.2 trillion yuan
($165 billion)") is refused: no unit holds a figure.

A word right after the number that is a scale word misspelt ("bilion", "milion",
"thousnd", "millions", "bn" written "bln") is refused with the fix, never read as
the unit: "$3 bilion" would otherwise be 3 "USD bilion". Real units that look
alike ("bullion", "mission", "billing", "billionaires") are kept
(`timeline.figures._scale_words`).

Multiples ("3x", "1.5×", "3 times", "3-fold") are figures in a multiple unit
(`timeline.figures._units`), written back with the mark they were read with: "x" and
"×" right after the number ("1.5x"), "fold" after a hyphen ("3-fold"), "times" after a
space.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from timeline._errors import QuantityError, quoted
from timeline.figures._number_words import words_as_digits
from timeline.figures._numbers import EXACT, checked
from timeline.figures._scale_words import CJK_SCALES, check_scale_word, scale_factor
from timeline.figures._temperature import temperature
from timeline.figures._text import checked_text
from timeline.figures._units import (
    CURRENCY_CODES,
    canonical_unit,
    conversion,
    split_currency,
)

if TYPE_CHECKING:
    pass

__all__ = [
    "DEFAULT_WORDING",
    "parse_quantity",
    "wording_bound",
    "written_wording",
]

_FIX: Final = (
    "write a number with an optional bound, scale and unit, such as "
    "'over 140 trillion tokens per day', '$600 million', '10,000 enterprises' or '2-3 devices'"
)

# Scales used when writing, largest first ("thousand" is never written: "10,000").

# Phrases before the number; the value is a `Bound` value name.
_PREFIXES: Final = {
    "exactly": "exact",
    # ≥: the figure itself counts
    **dict.fromkeys(
        ["at least", "no less than", "not less than", "no fewer than", "a minimum of"],
        "at_least",
    ),
    # >: the figure itself does not ("more than 1.3 million" is not met by 1.3 million)
    **dict.fromkeys(
        [
            "over",
            "more than",
            "above",
            "in excess of",
            "upwards of",
            "greater than",
            "exceeding",
            "north of",
        ],
        "more_than",
    ),
    # ≤
    **dict.fromkeys(
        [
            "up to",
            "at most",
            "no more than",
            "not more than",
            "as much as",
            "as many as",
            "a maximum of",
        ],
        "at_most",
    ),
    # <
    **dict.fromkeys(["under", "below", "less than", "fewer than"], "less_than"),
    **dict.fromkeys(
        [
            "about",
            "around",
            "approximately",
            "approx.",
            "approx",
            "roughly",
            "nearly",
            "almost",
            "some",
            "circa",
            "c.",
            "ca.",
            "an estimated",
            "estimated",
        ],
        "approx",
    ),
}
_SYMBOL_PREFIXES: Final = {
    ">=": "at_least",
    "≥": "at_least",
    ">": "more_than",
    "<=": "at_most",
    "≤": "at_most",
    "<": "less_than",
    "~": "approx",
    "≈": "approx",
}
_SUFFIXES: Final = {
    **dict.fromkeys(
        ["or more", "or above", "or higher", "and above", "and more", "plus"], "at_least"
    ),
    **dict.fromkeys(["or less", "or fewer", "or below", "or lower", "and below"], "at_most"),
}
# What `format_quantity` writes for each bound when the figure keeps no wording of its own.
DEFAULT_WORDING: Final = {
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "up to",
    "less_than": "under",
    "approx": "about",
}


# Words of a ">" bound written "over" rather than the default "more than".
_OVER: Final = frozenset({"over", "above", "in excess of", "upwards of", "exceeding", "north of"})


def wording_bound(wording: str) -> str | None:
    """The bound a wording states ("over" -> "more_than"), or None for unknown words.

    >>> wording_bound("at least"), wording_bound("Over"), wording_bound("or more")
    ('at_least', 'more_than', 'at_least')
    """
    key = " ".join(wording.lower().split())
    return _PREFIXES.get(key) or _SUFFIXES.get(key)


def written_wording(wording: str) -> str | None:
    """The words a figure stated with ``wording`` is written back with.

    One of "at least", "more than", "over", "up to", "under" and "about": "over",
    "above" and "exceeding" write "over", "greater than" writes "more than", "5 or
    more" writes "at least 5", "fewer than" writes "under". None for unknown words.

    >>> written_wording("above"), written_wording("or more"), written_wording("roughly")
    ('over', 'at least', 'about')
    """
    key = " ".join(wording.lower().split())
    bound = wording_bound(key)
    if bound == "more_than" and key in _OVER:
        return "over"
    return None if bound is None else DEFAULT_WORDING.get(bound)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_BOUND_RE: Final = re.compile(
    rf"(?i)^(?:(?P<word>{_alternation(list(_PREFIXES))})\s+"
    rf"|(?P<symbol>{_alternation(list(_SYMBOL_PREFIXES))})\s*)"
)
_SUFFIX_RE: Final = re.compile(rf"(?i)(?:^|\s+)(?P<suffix>{_alternation(list(_SUFFIXES))})$")
_CODES: Final = "|".join(sorted([*CURRENCY_CODES, "RMB"]))


# Digits grouped in threes ("1,234,567") or the Indian way ("12,34,567": lakh, crore).
_GROUPED: Final = r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}"
_BAD_GROUP: Final = re.compile(r",\d|(?<=\d,\d\d\d)\d")
_DIGIT_RUN: Final = re.compile(r"[\d,]*\d")


def _check_grouping(text: str, body: str, match: re.Match[str]) -> None:
    """Refuse a number whose digits are grouped neither in threes nor the Indian way."""
    for n in (1, 2):
        if match.group(f"num{n}") is None:
            continue
        if _BAD_GROUP.match(body, match.end(f"num{n}")):
            run = _DIGIT_RUN.match(body, match.start(f"num{n}"))
            assert run is not None
            digits = run.group()
            fix = (
                "group digits in threes or the Indian way, such as '1,000,000' or "
                "'10,00,000', or write them without commas"
            )
            if re.fullmatch(r"\d+,\d{1,2}", digits):  # "1,5 Mrd.": maybe a decimal comma
                fix += f"; for a decimal comma write a decimal point, {digits.replace(',', '.')!r}"
            raise _error(text, f"its digits are grouped wrongly ({quoted(digits)})", fix)


def _amount(n: int) -> str:
    return (
        rf"(?P<sign{n}>[-+])?\s*"
        rf"(?:(?P<cur{n}>US\$|HK\$|NT\$|[SAC]\$|\$|€|£|(?i:jp|cn|rmb)?¥|₩|₹|(?:{_CODES}|Rs\.?)(?=\s?\d))\s?)?"
        rf"(?P<num{n}>(?:{_GROUPED}|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?)"
        rf"(?:\s*(?P<scale{n}>(?i:lakhs?\s+crores?|lakhs?|crores?|thousand|million|billion|trillion"
        rf"|bn|mn|tn|milliards?|mrd\.?|mio\.?))(?!\w)"
        rf"|\s?(?P<mark{n}>{CJK_SCALES}|Mds?(?=\s?€)|M(?=\s?€)|Bio\.)"
        rf"|(?P<abbr{n}>MM|[kKmMbBT])(?![A-Za-z]))?"
    )


_AMOUNT_RE: Final = re.compile(
    rf"^{_amount(1)}(?P<plus>\+)?(?:\s*(?:-|(?i:to)\b)\s*{_amount(2)})?(?P<rest>.*)$", re.DOTALL
)
_FOLD: Final = re.compile(r"^-(?=(?i:fold)\b)")
_PERCENT_PLUS_RE: Final = re.compile(r"^\s*%\s*\+(?=\s|$)")
_BETWEEN_RE: Final = re.compile(r"(?i)^between\s+(?P<low>.+?)\s+and\s+(?P<high>.+)$")
_DASHES: Final = str.maketrans(
    {**dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"), "\u00a0": " ", "\u202f": " "}
)


def _error(text: str, reason: str, fix: str = _FIX) -> QuantityError:
    return QuantityError(f"{quoted(text)} is not a quantity: {reason}; {fix}", text=text)


def _end(match: re.Match[str], n: int, text: str) -> tuple[Decimal | None, int | None, str | None]:
    """The number, scale factor and currency of range end ``n`` (number None when absent)."""
    number = match.group(f"num{n}")
    if number is None:
        return None, None, None
    value = Decimal(number.replace(",", ""))
    if len(number) > 40 or "e" in number or "E" in number:
        checked(value, text)  # quote the text itself, not the number it spells
    if match.group(f"sign{n}") == "-":
        value = -value
    word = match.group(f"scale{n}") or match.group(f"mark{n}") or match.group(f"abbr{n}")
    scale = scale_factor(word) if word else None
    currency = match.group(f"cur{n}")
    return value, scale, canonical_unit(currency) if currency else None


_RANGE_SEPARATOR: Final = re.compile(r"\s*(?:-|\b(?i:to)\b)\s*")


def _unit_at_both_ends(
    text: str, body: str, bound: str | None
) -> tuple[Decimal, str, str, Decimal | None, str | None] | None:
    """A range with its unit written at both ends ("5 GW-10 GW", "5%-10%"), or None.

    The ends must be plain figures in one unit; two units are an error, except that words
    after the second end describe both ("1.5 °C to 2 °C of warming").
    """
    if bound not in (None, "approx"):
        return None  # "over 5 GW-10 GW": left to the general reading, which refuses it
    # A range has one separator, a unit with a number in it ("COVID-19") one or two more:
    # the first few are tried, each end read once, so hostile text stays linear.
    for sep in itertools.islice(_RANGE_SEPARATOR.finditer(body), 4):
        low_text, high_text = body[: sep.start()], body[sep.end() :]
        if not low_text or not high_text or low_text[-1].isdigit():
            continue
        try:  # each end read plainly: no second search for ends, so this stays linear
            low = _parse_quantity(low_text, both_ends=False)
            high = _parse_quantity(high_text, both_ends=False)
        except QuantityError:
            continue
        if low[2] != "exact" or high[2] != "exact" or not low[1]:
            continue
        unit = low[1]
        if high[1].startswith(f"{unit} "):
            unit = high[1]  # "1.5 °C to 2 °C of warming": the words after describe both ends
        elif low[1] != high[1]:
            if sep.group() == "-":
                continue  # "3 COVID-19 vaccines": a name with a number, not a range
            raise _error(
                text,
                f"the ends are in different units ({low[1]}, {high[1]})",
                f"write both ends in one unit, such as '1-2 {low[1]}'",
            )
        if high[0] <= low[0]:
            raise _error(text, "the low end of the range must come first and be smaller")
        return low[0], unit, "range", high[0], None
    return None


# A second figure after the unit: "10 and 12 GW", "1.2 trillion yuan ($165 billion)".
_JOINED_FIGURE: Final = re.compile(r"(?i)^(?:and|or|&|plus)\s*(?:US\$|[$€£¥₩₹])?\s?-?\d")
_BRACKET: Final = re.compile(r"\((?P<inner>[^()]*)\)\s*$")


def _check_one_figure(text: str, rest: str, currency: str | None) -> None:
    """Refuse a unit holding a second figure: joined ("10 and 12 GW"), or the amount again in
    brackets in another unit or currency ("300 MW (0.3 GW)"); other brackets stay."""
    fix = "keep one figure and put the other in a note"
    joined = _JOINED_FIGURE.match(rest.strip())
    if joined:
        raise _error(text, f"it holds two figures (a second after {joined.group()[:-1]!r})", fix)
    bracket = _BRACKET.search(rest)
    if bracket is None or not re.search(r"\d", bracket.group("inner")):
        return
    try:
        inner = _parse_quantity(bracket.group("inner"), both_ends=False)
    except QuantityError:
        return
    outer = canonical_unit(rest[: bracket.start()])
    if currency:
        outer = f"{currency} {outer}".strip()
    money = split_currency(outer)[0] is not None and split_currency(inner[1])[0] is not None
    if money or (inner[1] and outer and conversion(inner[1], outer) is not None):
        raise _error(text, f"it holds two figures (one in brackets: {bracket.group()!r})", fix)


def parse_quantity(text: str) -> tuple[Decimal, str, str, Decimal | None, str | None]:
    """Read a figure: (value, unit, bound name, high end of a range or None, wording or None).

    The wording is the bound phrase as written ("over", "at least", "or more"), so the
    figure is written back in the same words; None for symbols and "+".

    >>> parse_quantity("over 140 trillion tokens per day")
    (Decimal('140000000000000'), 'tokens per day', 'more_than', None, 'over')
    >>> parse_quantity("$5-10 billion")
    (Decimal('5000000000'), 'USD', 'range', Decimal('10000000000'), None)
    """
    return _parse_quantity(text, both_ends=True)


def _parse_quantity(
    text: str, *, both_ends: bool
) -> tuple[Decimal, str, str, Decimal | None, str | None]:
    """`parse_quantity`; ``both_ends``: also read a range with the unit at both ends."""
    if not isinstance(text, str):
        raise QuantityError(
            f"Quantity.parse expects text, not {type(text).__name__} {quoted(text)}; "
            "build numbers with Quantity(value, unit)",
            text=None,
        )
    checked_text(text, "", "quantity", QuantityError)  # a unit with a lone surrogate, say
    body = " ".join(text.translate(_DASHES).split())
    if not body:
        raise _error(text, "the text is empty")
    bound: str | None = None
    phrase = ""
    wording: str | None = None
    prefix = _BOUND_RE.match(body)
    if prefix:
        phrase = prefix.group("word") or prefix.group("symbol")
        bound = _PREFIXES.get(phrase.lower()) or _SYMBOL_PREFIXES[phrase]
        wording = written_wording(phrase) if prefix.group("word") else None
        body = body[prefix.end() :]
    between = _BETWEEN_RE.match(body)
    if between:
        body = f"{between.group('low')} to {between.group('high')}"
    body = words_as_digits(body)  # "two million users", "half a million", "a dozen"
    suffix = _SUFFIX_RE.search(body)
    if suffix and suffix.start() > 0:
        if bound is not None:
            raise _error(
                text, f"it has two bounds ({quoted(phrase)} and {suffix.group('suffix')!r})"
            )
        bound = _SUFFIXES[" ".join(suffix.group("suffix").lower().split())]
        body = body[: suffix.start()]
    match = _AMOUNT_RE.match(body)
    if match is None:
        raise _error(text, "no number found where one was expected")
    if both_ends and match.group("num2") is None and re.search(r"\d", match.group("rest")):
        ranged = _unit_at_both_ends(text, body, bound)
        if ranged is not None:
            return ranged
    _check_grouping(text, body, match)
    check_scale_word(text, match)
    low, low_scale, low_currency = _end(match, 1, text)
    high, high_scale, high_currency = _end(match, 2, text)
    rest = _FOLD.sub("", match.group("rest"))  # "3-fold": the unit is "fold"
    plus = bool(match.group("plus"))
    # "30%+" puts the plus after the percent sign: still "30% or more".
    percent_plus = _PERCENT_PLUS_RE.match(rest)
    if percent_plus:
        plus, rest = True, "%" + rest[percent_plus.end() :]
    if plus:
        if bound is not None or high is not None:
            raise _error(text, "a '+' after the number cannot be combined with another bound")
        bound = "at_least"
    assert low is not None  # the pattern requires the first number
    if high is not None:
        if bound in ("at_least", "more_than", "at_most", "less_than"):
            raise _error(text, "a range cannot also be an upper or lower bound")
        bound = "range"  # "about 2-3" is already imprecise: a range says it
        wording = None
        low_scale = low_scale or high_scale
        if low_currency and high_currency and low_currency != high_currency:
            raise _error(
                text,
                f"the ends are in different currencies ({low_currency}, {high_currency})",
                "write both ends in one currency",
            )
        low_currency = low_currency or high_currency
        high = EXACT.multiply(high, Decimal(high_scale or 1))
        if high_currency and not low_currency:
            low_currency = high_currency
    low = EXACT.multiply(low, Decimal(low_scale or 1))
    unit = canonical_unit(rest)
    _check_one_figure(text, rest, low_currency)
    if unit and not (unit[0].isalpha() or unit[0] in "%×" or temperature(unit) is not None):
        raise _error(text, f"unexpected {rest.strip()!r} after the number")
    code, _ = split_currency(unit)
    if low_currency:
        if code is not None:
            raise _error(text, f"it names two currencies ({low_currency} and {code})", "keep one")
        unit = f"{low_currency} {unit}".strip()
    if high is not None and high <= low:
        raise _error(text, "the low end of the range must come first and be smaller")
    if wording == DEFAULT_WORDING.get(bound or "exact"):
        wording = None  # the default words: nothing to keep
    return low, unit, bound or "exact", high, wording
