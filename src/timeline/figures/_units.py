"""Units of quantities: currency codes, their symbols and aliases, and unit matching.

A unit is free text ("tokens per day", "enterprises", "%") except for money, whose
unit starts with an ISO 4217 code ("USD", "CNY", "USD ARR"). Symbols and names
people write ("$", "¥", "RMB", "yuan", "dollars") are mapped to the code when a
`Quantity` is built, so "$600 million" and "600 million USD" are the same figure.
"¥" alone is read as Chinese yuan (CNY): this library's sources are mostly about
China's AI industry; "JP¥" (or "JPY", "yen") is yen and "CN¥" or "RMB¥" yuan, and
`timeline.extract` reads "¥" as yen in a text about Japan. "₩" is the Korean won (KRW),
"₹" the Indian rupee (INR). Chinese and Japanese names written after the number read
too: 元 and 人民币 (CNY), 美元, 欧元, 日元 and 円, 港元, 韩元, 英镑.

Two units are *compatible* (can be added, compared, divided) when:

* they name the same things: money by its code and the words after it, other units
  case-insensitively, singular and plural alike ("1 GPU" and "3 GPUs", "robotaxi" and
  "robotaxis", "company" and "companies"; regular English plurals only); or
* they are physical units of one dimension ("2 GW" and "1500 MW"), converted exactly
  through pint (`timeline.figures._physical`, loaded only when such units meet).

A *multiple* ("3x", "1.5×", "3 times", "3-fold") has a unit whose first word is one
of the marks "x", "×", "times" or "fold" (any case): every mark states the same
multiple, so "3x" == "3 times" and "3x faster" == "3 times faster". The unit keeps
the mark as written, so a figure is written back as it was read ("1.5x", not "1.5 x").

Currencies never convert (there are no rates here): USD and EUR figures do not compare.
A price in one currency per a physical unit converts by that unit ("$0.10 per kWh" is
"$100 per MWh"; "$0.10/kWh" is read "per kWh").
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from timeline.figures._numbers import DIVIDE
from timeline.figures._temperature import canonical_temperature, change_factor, temperature

__all__ = [
    "CURRENCY_CODES",
    "CURRENCY_SYMBOLS",
    "canonical_unit",
    "conversion",
    "exact_steps",
    "merge_units",
    "multiple_mark",
    "same_things",
    "split_currency",
    "unit_key",
]

# ISO 4217 codes understood as money; a unit starting with one of them is money.
CURRENCY_CODES: Final = frozenset(
    {"USD", "CNY", "EUR", "GBP", "JPY", "HKD", "KRW", "INR", "CAD", "AUD", "CHF", "SGD", "TWD"}
)

# The symbol printed before the number; other currencies print their code after it.
CURRENCY_SYMBOLS: Final = {"USD": "$", "EUR": "€", "GBP": "£"}

# Words and symbols people write for a currency (keys lower-case, except symbols).
_CURRENCY_ALIASES: Final = {
    "$": "USD",
    "us$": "USD",
    "hk$": "HKD",
    "nt$": "TWD",
    "s$": "SGD",
    "a$": "AUD",
    "c$": "CAD",
    "¥": "CNY",
    "cn¥": "CNY",
    "rmb¥": "CNY",
    "jp¥": "JPY",
    "₩": "KRW",
    "₹": "INR",
    "€": "EUR",
    "£": "GBP",
    "rmb": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "dollar": "USD",
    "dollars": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "won": "KRW",
    "rupee": "INR",
    "rupees": "INR",
    "rs": "INR",
    "rs.": "INR",
    # Chinese and Japanese names, written after the number ("100亿元", "50億円")
    "元": "CNY",
    "元人民币": "CNY",
    "元人民幣": "CNY",
    "人民币": "CNY",
    "人民幣": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "歐元": "EUR",
    "日元": "JPY",
    "円": "JPY",
    "港元": "HKD",
    "港币": "HKD",
    "港幣": "HKD",
    "韩元": "KRW",
    "韓元": "KRW",
    "英镑": "GBP",
    "英鎊": "GBP",
}

_ALIAS_RE: Final = re.compile(
    r"(?i)^(?P<alias>"
    + "|".join(
        re.escape(alias)
        for alias in sorted(
            [*_CURRENCY_ALIASES, *(code.lower() for code in CURRENCY_CODES)], key=len, reverse=True
        )
    )
    + r")(?=$|\s)"
)
_SYMBOL_RE: Final = re.compile(r"^(?P<alias>US\$|HK\$|NT\$|[SAC]\$|\$|(?i:jp|cn|rmb)?¥|₩|₹|€|£)")
_PERCENT_RE: Final = re.compile(r"(?i)^(?:%|percent\b|per\s+cent\b)\s*")
_DASHES: Final = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_PERIODS: Final = "second|minute|hour|day|week|month|quarter|year"
# "tokens a day" and "tokens/day" are written "tokens per day", so they match.
_PER_RE: Final = re.compile(rf"(?i)(?:\s*/\s*|\s+an?\s+)({_PERIODS})$")


# The marks of a multiple, lower-cased: "3x", "3×", "3 times", "3-fold" are one figure.
_MULTIPLE_MARKS: Final = frozenset({"x", "×", "times", "fold"})


def multiple_mark(unit: str) -> str | None:
    """The mark of a multiple unit ("x", "×", "times" or "fold", lower-cased), else None.

    >>> multiple_mark("X"), multiple_mark("times faster"), multiple_mark("x-rays")
    ('x', 'times', None)
    """
    first = unit.split(" ", 1)[0].lower()
    return first if first in _MULTIPLE_MARKS else None


def _multiple_key(words: list[str]) -> list[str]:
    """Unit words with a multiple's mark written one way: ["times", "faster"] -> ["×", ...]."""
    if words and words[0].lower() in _MULTIPLE_MARKS:
        return ["×", *words[1:]]
    return words


def canonical_unit(unit: str) -> str:
    """Normalise a unit: collapse spaces, ASCII hyphens, currency names to codes.

    >>> canonical_unit("RMB"), canonical_unit("$"), canonical_unit("percent")
    ('CNY', 'USD', '%')
    >>> canonical_unit("  tokens   per day "), canonical_unit("tokens a day")
    ('tokens per day', 'tokens per day')
    """
    text = " ".join(unit.translate(_DASHES).split())
    if text.startswith("/"):
        text = "per " + text[1:].strip()  # "$0.10/kWh" is "$0.10 per kWh"
    text = _PER_RE.sub(r" per \1", text).strip()
    percent = _PERCENT_RE.match(text)
    if percent:
        rest = text[percent.end() :]
        return "%" + (" " + rest if rest else "")
    degrees = canonical_temperature(text)
    if degrees != text or temperature(text) is not None:
        return degrees
    match = _SYMBOL_RE.match(text) or _ALIAS_RE.match(text)
    if match:
        alias = match.group("alias")
        upper = alias.upper()
        code = upper if upper in CURRENCY_CODES else _CURRENCY_ALIASES[alias.lower()]
        rest = text[match.end() :].strip()
        return code + (" " + rest if rest else "")
    return text


def split_currency(unit: str) -> tuple[str | None, str]:
    """Split a canonical unit into its currency code (or None) and the words after it.

    >>> split_currency("USD ARR"), split_currency("devices")
    (('USD', 'ARR'), (None, 'devices'))
    """
    head, _, rest = unit.partition(" ")
    if head in CURRENCY_CODES:
        return head, rest
    return None, unit


def _singular(word: str) -> str:
    # Regular English plurals only; irregular ones simply do not match.
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def unit_key(unit: str) -> str:
    """The key two units must share to be compatible (canonical units expected).

    >>> unit_key("Devices") == unit_key("device"), unit_key("USD") == unit_key("CNY")
    (True, False)
    """
    code, rest = split_currency(unit)
    words = " ".join(_singular(word) for word in _multiple_key(rest.lower().split()))
    return f"{code} {words}".strip() if code else words


def merge_units(left: str, right: str) -> str:
    """The spelling a result of two compatible units keeps: the plural one, else the left.

    >>> merge_units("device", "devices")
    'devices'
    """
    if left == right:
        return left
    return right if len(right) > len(left) else left


def _forms(word: str) -> frozenset[str]:
    """The singulars a word may stand for: "robotaxis" -> {robotaxis, robotaxi}."""
    forms = {word}
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
        if word.endswith("es"):
            forms.add(word[:-2])
        if len(word) > 4 and word.endswith("ies"):
            forms.add(word[:-3] + "y")
    return frozenset(forms)


def same_things(left: str, right: str) -> bool:
    """Whether two canonical units count the same things (singular and plural alike).

    >>> same_things("robotaxi", "Robotaxis"), same_things("USD", "CNY")
    (True, False)
    """
    if left == right:
        return True
    (code_a, rest_a), (code_b, rest_b) = split_currency(left), split_currency(right)
    if code_a != code_b:
        return False
    words_a, words_b = _multiple_key(rest_a.split()), _multiple_key(rest_b.split())
    return len(words_a) == len(words_b) and all(
        _same_word(a, b) for a, b in zip(words_a, words_b, strict=True)
    )


def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) <= 2 or len(b) <= 2:
        return False  # unit symbols are case-sensitive: "MW" is not "mW"
    return bool(_forms(a.lower()) & _forms(b.lower()))


def conversion(source: str, target: str) -> Decimal | None:
    """The factor turning a figure in ``source`` units into ``target`` units, or None.

    1 for the same things; a physical conversion through pint ("GW" to "MW" is 1000);
    None when they do not convert (different things, or different currencies).

    >>> conversion("GPUs", "GPU"), conversion("USD", "EUR")
    (Decimal('1'), None)
    >>> conversion("USD per kWh", "USD per MWh"), conversion("USD per kWh", "EUR per MWh")
    (Decimal('1000'), None)
    """
    if same_things(source, target):
        return Decimal(1)
    (code_a, rest_a), (code_b, rest_b) = split_currency(source), split_currency(target)
    if code_a is not None or code_b is not None:
        # Money never converts (no exchange rates here), but a price in one currency per
        # a physical unit does: $0.10 per kWh is $100 per MWh.
        per_a, per_b = _per(rest_a), _per(rest_b)
        if code_a != code_b or per_a is None or per_b is None:
            return None
        if temperature(per_a) is not None or temperature(per_b) is not None:
            return None
        from timeline.figures._physical import factor, spans_time

        if spans_time(per_a) or spans_time(per_b):
            return None  # "$1 per day" to "per year": pint's year (365.25 days) is not a source's
        return factor(per_b, per_a)
    if temperature(source) is not None or temperature(target) is not None:
        # A change of temperature converts by a factor; readings by an offset too
        # (timeline.figures._temperature.to_level), never by a factor alone.
        return change_factor(source, target)
    from timeline.figures._physical import factor

    return factor(source, target)


def _per(words: str) -> str | None:
    """The unit after a leading "per" ("per kWh" -> "kWh"), else None."""
    head, _, rest = words.partition(" ")
    return rest if head == "per" and rest else None


def exact_steps(factor: Decimal, source: str, target: str) -> tuple[Decimal, Decimal]:
    """A multiplier and a divisor that turn a figure in ``source`` units into ``target``
    units: ``factor`` (from `conversion`) and 1, or, when the factor is a rounded
    fraction (MJ to kWh is 1/3.6 = 0.2777…) and the way back is exact, 1 and that
    (3.6), so that 3.6 MJ is exactly 1 kWh, as 1 kWh is exactly 3.6 MJ.

    >>> exact_steps(conversion("MJ", "kWh"), "MJ", "kWh")
    (Decimal('1'), Decimal('3.6'))
    >>> exact_steps(Decimal(1000), "GW", "MW")
    (Decimal('1000'), Decimal('1'))
    """
    if len(factor.as_tuple().digits) < DIVIDE.prec:
        return factor, Decimal(1)  # fewer digits than a division keeps: not rounded
    back = conversion(target, source)
    if back is not None and len(back.as_tuple().digits) < DIVIDE.prec:
        return Decimal(1), back
    return factor, Decimal(1)
