"""Temperatures: a reading ("27 °C") is not a change of temperature ("1.5 °C of warming").

A unit is a temperature when it starts with a scale: "°C" (also written "ºC", "℃",
"degrees Celsius", "deg C", "Celsius", "centigrade" or, newspaper style, a bare "C"
as in "1.5C"), "°F" (likewise) or "K" / "kelvin". The words after the scale say which
of two things the figure is:

* a *level*, a reading on a thermometer: "27 °C", "95 °F", "300 K". Levels on scales
  with different zeros convert by an offset as well as a factor (0 °C == 32 °F ==
  273.15 K), exactly: values are `Decimal` and the steps are chosen so a figure
  written exactly in one scale comes back exactly (`to_level`).
* a *change* of temperature: a unit starting with "Δ" ("Δ°C", pint's own symbol for a
  temperature difference) or whose first word after the scale says change ("1.5 °C of
  warming", "2 °C above pre-industrial levels", "a 3 °C rise", "2 °F warmer"). Changes
  convert by the factor alone (1 Δ°C == 1.8 Δ°F == 1 ΔK) when the words after the
  scale are the same.

A level and a change never convert into each other. Subtracting two levels gives a
change ("30 °C" − "27 °C" is "3 Δ°C"); a change added to (or taken from) a level gives
a level; two levels on a scale with an arbitrary zero (°C, °F) neither add nor divide
(30 °C is not "twice" 15 °C), as in pint. Kelvin readings have a true zero, so they
scale. pint is the oracle the tests check these conversions against.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final, NamedTuple

from timeline._errors import quoted
from timeline.figures._numbers import DIVIDE, EXACT

__all__ = [
    "Temperature",
    "canonical_temperature",
    "change_factor",
    "change_unit",
    "degrees_factor",
    "levels",
    "mismatch",
    "offset_level",
    "temperature",
    "to_level",
]


class Temperature(NamedTuple):
    """A temperature unit read: its scale ("°C", "°F", "K"), whether it is a change, and
    the words after the scale."""

    scale: str
    change: bool
    words: str


# Each scale: what to add to a reading to count from absolute zero, and how many of its
# degrees make one kelvin's worth (°F: 1.8). Exact decimals, so conversions stay exact.
_SCALES: Final = {
    "°C": (Decimal("273.15"), Decimal(1)),
    "°F": (Decimal("459.67"), Decimal("1.8")),
    "K": (Decimal(0), Decimal(1)),
}
_CELSIUS: Final = (
    r"(?:°\s*C|º\s*C|℃|deg(?:ree)?s?\.?\s*(?:celsius|centigrade|c)\b|celsius|centigrade|C)"
)
_FAHRENHEIT: Final = r"(?:°\s*F|º\s*F|℉|deg(?:ree)?s?\.?\s*(?:fahrenheit|f)\b|fahrenheit|F)"
_KELVIN: Final = r"(?:K|kelvins?)"
_SCALE_RE: Final = re.compile(
    rf"^(?P<delta>Δ\s*|(?i:delta)[\s_]+)?(?:(?P<c>(?i:{_CELSIUS}))|(?P<f>(?i:{_FAHRENHEIT}))"
    rf"|(?P<k>{_KELVIN}))(?=$|[\s,;.)/])"
)
# The first word after the scale that makes the figure a change of temperature.
_CHANGE_WORDS: Final = frozenset(
    {
        *("above", "below", "warming", "warmer", "hotter", "cooler", "colder", "cooling"),
        *("rise", "rises", "increase", "increases", "decrease", "drop", "fall", "higher"),
        *("lower", "change", "difference", "hike", "jump", "of", "more", "less", "up", "down"),
        "per",  # a rate of warming ("0.2 °C per decade") is a change over a span
    }
)
_OF_RE: Final = re.compile(r"(?i)^of\s+(?:warming|cooling|heating|change|difference)\b")


def _bare_letter(text: str, match: re.Match[str]) -> bool:
    """Whether the scale matched is a bare letter a careful reader would not take for a
    temperature: "c" or "f" in lower case, or "C"/"F" followed by words that do not say
    change ("5 C programmers"); "1.5C" and "2C of warming" are news style for °C."""
    written = match.group("c") or match.group("f")
    if written is None or written not in ("c", "f", "C", "F"):
        return False
    if written in ("c", "f"):
        return True
    words = text[match.end() :].split()
    return bool(words) and words[0].lower() not in _CHANGE_WORDS


def temperature(unit: str) -> Temperature | None:
    """The temperature a canonical unit names, or None when it is no temperature.

    >>> temperature("°C")
    Temperature(scale='°C', change=False, words='')
    >>> temperature("°F above pre-industrial levels")
    Temperature(scale='°F', change=True, words='above pre-industrial levels')
    >>> temperature("Δ°C"), temperature("GW")
    (Temperature(scale='°C', change=True, words=''), None)
    """
    match = _SCALE_RE.match(unit)
    if match is None or _bare_letter(unit, match):
        return None
    scale = "°C" if match.group("c") else "°F" if match.group("f") else "K"
    words = unit[match.end() :].strip()
    first = words.split(" ", 1)[0].lower() if words else ""
    if first == "of" and not _OF_RE.match(words):
        first = ""
    change = bool(match.group("delta")) or first in _CHANGE_WORDS
    if scale == "K" and match.group("k") == "K" and words and not change:
        return None  # "5 K users" is not a temperature
    return Temperature(scale, change, words)


def canonical_temperature(unit: str) -> str:
    """A temperature unit spelt one way: "degrees Celsius" -> "°C", "delta °F" -> "Δ°F";
    other units unchanged.

    >>> canonical_temperature("degrees Celsius"), canonical_temperature("℉ warmer")
    ('°C', '°F warmer')
    >>> canonical_temperature("1.5C"), canonical_temperature("C of warming")
    ('1.5C', '°C of warming')
    """
    match = _SCALE_RE.match(unit)
    if match is None or _bare_letter(unit, match):
        return unit
    if match.group("k"):
        return unit  # "K" and "kelvin" are read by pint as written
    scale = "°C" if match.group("c") else "°F"
    delta = "Δ" if match.group("delta") else ""
    words = unit[match.end() :].strip()
    if words.startswith("/"):
        words = "per " + words[1:].strip()  # "°C/decade" is "°C per decade"
    return f"{delta}{scale} {words}".rstrip()


def change_unit(unit: str) -> str:
    """The unit of a difference of two readings in ``unit``: "°C" -> "Δ°C".

    >>> change_unit("°F"), change_unit("K")
    ('Δ°F', 'ΔK')
    """
    found = temperature(unit)
    assert found is not None and not found.change
    return f"Δ{found.scale} {found.words}".rstrip()


def change_factor(source: str, target: str) -> Decimal | None:
    """The factor turning a change in ``source`` into ``target`` (1 Δ°C is 1.8 Δ°F);
    None unless both are changes of temperature with the same words after the scale.

    >>> change_factor("Δ°C", "Δ°F"), change_factor("°C of warming", "K of warming")
    (Decimal('1.8'), Decimal('1'))
    >>> change_factor("°C", "°F") is None
    True
    """
    a, b = temperature(source), temperature(target)
    if a is None or b is None or not (a.change and b.change) or a.words != b.words:
        return None
    return degrees_factor(source, target)


def degrees_factor(source: str, target: str) -> Decimal:
    """How many degrees of ``target``'s scale one degree of ``source``'s scale is
    (both temperatures, level or change alike): "°C" to "°F" is 1.8.

    >>> degrees_factor("Δ°C", "°F"), degrees_factor("K", "°C")
    (Decimal('1.8'), Decimal('1'))
    """
    a, b = temperature(source), temperature(target)
    assert a is not None and b is not None
    return Decimal(format((_SCALES[b.scale][1] / _SCALES[a.scale][1]).normalize(), "f"))


def mismatch(source: str, target: str) -> str | None:
    """Why two temperature units do not convert, with the fix; None when they are not
    both temperatures of different kinds.

    >>> mismatch("°C", "°F of warming")[:58]
    'one is a temperature reading and the other a change of tem'
    >>> mismatch("°C", "K"), mismatch("GW", "°C")
    (None, None)
    """
    a, b = temperature(source), temperature(target)
    if a is None or b is None:
        return None
    if a.change != b.change:
        return (
            "one is a temperature reading and the other a change of temperature; subtract two "
            "readings for the change, or add a change to a reading"
        )
    if a.words != b.words:
        return (
            f"temperatures convert only with the same words after the scale ({quoted(a.words)}, "
            f"{quoted(b.words)}); write both alike, such as '°C of warming' and '°F of warming'"
        )
    return None


def levels(source: str, target: str) -> bool:
    """Whether both units are temperature readings with the same words after the scale.

    >>> levels("°C", "K"), levels("°C", "Δ°F")
    (True, False)
    """
    a, b = temperature(source), temperature(target)
    return a is not None and b is not None and not a.change and not b.change and a.words == b.words


def to_level(value: Decimal, source: str, target: str) -> Decimal:
    """A reading in ``source`` as a reading in ``target`` (both levels, see `levels`).

    Counted from absolute zero, scaled, and counted back: exact whenever the source
    is °C or K, and °F readings that are exact in °C come out exact (32 °F is 0 °C).

    >>> to_level(Decimal(0), "°C", "°F"), to_level(Decimal(32), "°F", "°C")
    (Decimal('32'), Decimal('0'))
    >>> to_level(Decimal("-40"), "°F", "°C"), to_level(Decimal(300), "K", "°C")
    (Decimal('-40'), Decimal('26.85'))
    """
    a, b = temperature(source), temperature(target)
    assert a is not None and b is not None
    (zero_a, per_a), (zero_b, per_b) = _SCALES[a.scale], _SCALES[b.scale]
    absolute = EXACT.multiply(EXACT.add(value, zero_a), per_b)
    if per_a != 1:
        absolute = DIVIDE.divide(absolute, per_a)
    result = EXACT.subtract(absolute, zero_b)
    return Decimal(format(result.normalize(EXACT), "f")) if result else Decimal(0)


def absolute_zero(unit: str) -> bool:
    """Whether ``unit`` is a reading whose zero is absolute zero (kelvin), so it scales.

    >>> absolute_zero("K"), absolute_zero("°C"), absolute_zero("GW")
    (True, False, False)
    """
    found = temperature(unit)
    return found is not None and found.scale == "K"


def offset_level(unit: str) -> bool:
    """Whether ``unit`` is a reading on a scale with an arbitrary zero (°C, °F).

    >>> offset_level("°C"), offset_level("Δ°C"), offset_level("K")
    (True, False, False)
    """
    found = temperature(unit)
    return found is not None and not found.change and found.scale != "K"
