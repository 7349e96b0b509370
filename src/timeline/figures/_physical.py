"""Physical units through pint: "2 GW" and "1500 MW" compare, "1 km" equals "1000 m".

pint (a maintained units library) knows the physical units and their prefixes; this module
asks it, lazily, only when two figures in differently spelt units meet, so ``import
timeline`` and figures in one unit never load it. Conversion factors are exact `Decimal`
values (pint's registry is built with ``non_int_type=Decimal``).

pint also reads some English words as units, and these are counted nouns in this library's
sources: "points" (a typographic length), "hands", "stones", "cups", "bags", "counts",
"turns"; it reads "units" as micro-"nits", and "pc" (per cent in British and Indian papers)
and "bps" (basis points) as the parsec and the baud. A word is taken as a unit only when pint
reads it whole, with a spelt-out prefix ("gigawatts") or as a short symbol ("GW", "kWh"),
and none of those nouns is involved. Temperatures ("°C", "°F", "K", readings and changes)
are handled by `timeline.figures._temperature` before pint is asked: a reading converts by
an offset as well as a factor, which no factor here can say.

Some words name units of more than one size, and pint picks one that sources often do
not mean: "tons" (pint: the short ton, 907 kg; also the long ton, 1016 kg, and the metric
ton most sources outside the US mean), "barrels" and "bbl" (pint: 31.5 gallons; a barrel
of oil is 42), "ounces" (avoirdupois or troy, as gold is weighed), "calories" (a food
calorie is a kilocalorie) and "degrees" (pint: of arc; in the news mostly of temperature,
on a scale the word does not name). Some symbols mean other things in the news than pint
reads: "mb/d" and "kb/d" are million and thousand barrels a day (pint: milli- and
kilobarns, an area), "Gb" gigabits (pint: gilberts), "mcm" thousand cubic metres of gas
(pint: micrometres), "mt" metric tonnes (pint: millitonnes), "kt" kilotonnes (pint: knots),
"AU", "ct" and "PS" (metric horsepower; pint: petasiemens). Nor does "hp" (mechanical or
metric horsepower). None of these converts (`ambiguous` names the word); a figure in
them still compares with figures in the same word.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any, Final

__all__ = ["ambiguous", "factor", "spans_time"]

# Names pint gives to English nouns that sources use as counted things.
# Also abbreviations news uses for other things: "pc" (per cent in British and Indian papers,
# pint's parsec) and "bps" (basis points, pint's baud).
_NOUNS: Final = frozenset(
    {
        *("point", "hand", "stone", "cup", "bag", "count", "turn", "percent", "dozen", "gross"),
        *("parsec", "baud"),
    }
)
# pint's names for units of more than one size (with any prefix: "megatons").
_SIZES: Final = {
    "ton": "short, long or metric tons; write 'tonnes' or 't' for metric tons",
    "barrel": "barrels of 31.5 or 42 (oil) gallons; write 'gallons' or 'liters'",
    "horsepower": "mechanical (745.7 W) or metric (735.5 W) horsepower; write 'kW'",
    "ounce": "avoirdupois or troy ounces; write 'grams' or 'kg'",
    "calorie": "calories or (food) kilocalories; write 'kcal' or 'kJ'",
    "degree": "degrees of arc or of temperature; write '°C' or '°F' for a temperature",
}
# Symbols the news writes for other things than pint reads them as (case as written).
_BARRELS: Final = "thousand or million barrels (or kilo-, megabits) in the news, pint's barn"
_SYMBOLS: Final = {
    **dict.fromkeys(
        ("b", "kb", "mb", "Mb", "Tb"),
        f"{_BARRELS}; write 'million barrels per day', 'kbit' or 'Mbit'",
    ),
    "Gb": "gigabits in the news, pint's gilbert; write 'Gbit'",
    "mcm": "thousand cubic metres of gas in the news, pint's micrometre; write 'cubic metres'",
    "mt": "metric tonnes in the news, pint's millitonne; write 'tonnes' or 't'",
    "kt": "kilotonnes in the news, pint's knot; write 'kilotonnes' or 'knots'",
    "AU": "astronomical units or absorbance units; write 'astronomical units'",
    "ct": "cents or carats; write 'carats', or the price in a currency",
    "PS": "metric horsepower in the news, pint's petasiemens; write 'kW'",
}
_WORD: Final = re.compile(r"[A-Za-zµμΩ]+")
_SYMBOL_LENGTH: Final = 3  # "GW", "kWh": a prefix symbol on a unit symbol


@functools.cache
def _registry() -> Any:
    import pint  # lazily: loading pint and its definitions takes a few hundred ms

    return pint.UnitRegistry(non_int_type=Decimal, cache_folder=None)


def _word_is_unit(registry: Any, word: str) -> bool:
    """Whether pint reads ``word`` as a unit the way a person would."""
    if word in _SYMBOLS:
        return False
    if word.lower() in ("per", "square", "cubic", "sq", "cu"):
        return True
    candidates = registry.parse_unit_name(word)
    for prefix, name, _suffix in candidates:
        if name in _NOUNS:
            return False
        if not prefix or word.lower().startswith(prefix) or len(word) <= _SYMBOL_LENGTH:
            return True
    return False


@functools.lru_cache(maxsize=1024)
def _unit(text: str) -> Any:
    """pint's unit for ``text``, or None when it is not a physical unit."""
    if not text or not text[0].isalpha():
        return None
    registry = _registry()
    try:
        if not all(_word_is_unit(registry, word) for word in _WORD.findall(text)):
            return None
        unit = registry.parse_units(text)
    except Exception:  # pint raises many types for text it cannot read: not a unit
        return None
    if any(name in _NOUNS for name in unit._units) or _sized(registry, unit) is not None:
        return None
    return unit


def _sized(registry: Any, unit: Any) -> str | None:
    """The `_SIZES` name of a unit of more than one size in ``unit``, else None."""
    for key in unit._units:
        for _prefix, name, _suffix in registry.parse_unit_name(key):
            if name in _SIZES:
                return str(name)
    return None


@functools.lru_cache(maxsize=256)
def ambiguous(text: str) -> str | None:
    """Why ``text`` names no one unit ("tons": short, long or metric), else None.

    >>> ambiguous("million tons")
    "short, long or metric tons; write 'tonnes' or 't' for metric tons"
    >>> ambiguous("tonnes") is None, ambiguous("GPUs") is None
    (True, True)
    """
    registry = _registry()
    for word in _WORD.findall(text):
        if word in _SYMBOLS:
            return _SYMBOLS[word]
        try:
            if not _word_is_unit(registry, word):
                continue
            unit = registry.parse_units(word)
        except Exception:  # not a unit pint reads
            continue
        name = _sized(registry, unit)
        if name is not None:
            return _SIZES[name]
    return None


@functools.lru_cache(maxsize=1024)
def factor(source: str, target: str) -> Decimal | None:
    """The exact factor turning a figure in ``source`` units into ``target`` units, or None.

    None when either is not a physical unit, their dimensions differ, or their scales
    do not share a zero (temperatures).

    >>> factor("GW", "MW"), factor("GW", "km"), factor("GPUs", "MW")
    (Decimal('1000'), None, None)
    """
    a, b = _unit(source), _unit(target)
    if a is None or b is None or a.dimensionality != b.dimensionality:
        return None
    registry = _registry()
    try:
        if registry.Quantity(Decimal(0), a).to(b).magnitude != 0:
            return None
        scale = registry.Quantity(Decimal(1), a).to(b).magnitude
    except Exception:  # an offset unit, or one pint cannot convert: not convertible
        return None
    value = Decimal(scale)
    return Decimal(format(value.normalize(), "f")) if value else None


def spans_time(text: str) -> bool:
    """Whether ``text`` is a physical unit of time alone ("day", "year", "hour").

    >>> spans_time("year"), spans_time("kWh"), spans_time("GPUs")
    (True, False, False)
    """
    unit = _unit(text)
    return unit is not None and dict(unit.dimensionality) == {"[time]": 1}
