"""Regions: US states, countries, and the provinces and states of other countries.

A gazetteer of regions, not of towns: a region after a place and a comma ("Sherman,
Texas", "Sudbury, Ontario") says where that place is, and a region after a site said to
be "in" it ("its Chitose plant in Hokkaido") is where the site is. `region` tells one.
"""

from __future__ import annotations

from typing import Final

from timeline.extract._text import words

__all__ = ["region"]

_STATES: Final = frozenset(
    words(
        """alabama alaska arizona arkansas california colorado connecticut delaware florida
    georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio
    oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin
    wyoming calif. tex. fla. mass. ariz. mich. ill. wash. ga. n.y. n.j. n.c. d.c."""
    )
) | frozenset(
    (
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
    )
)
_COUNTRIES: Final = frozenset(
    words(
        """china japan india taiwan korea germany france italy spain portugal netherlands
    belgium switzerland austria sweden norway denmark finland poland ireland britain
    england scotland wales canada mexico brazil argentina chile colombia peru australia
    singapore malaysia indonesia thailand vietnam philippines israel turkey egypt
    nigeria kenya morocco russia ukraine pakistan bangladesh qatar kuwait lebanon jordan
    iran iraq oman bahrain greece hungary romania bulgaria serbia croatia slovakia slovenia
    czechia estonia latvia lithuania iceland luxembourg ethiopia ghana algeria tunisia
    venezuela ecuador uruguay paraguay bolivia cambodia myanmar laos mongolia kazakhstan
    uzbekistan azerbaijan georgia"""
    )
) | frozenset(
    (
        "south korea",
        "south africa",
        "saudi arabia",
        "united arab emirates",
        "the uae",
        "uae",
        "u.k.",
        "uk",
        "u.s.",
        "us",
        "united states",
        "united kingdom",
        "new zealand",
        "hong kong",
        "czech republic",
    )
)


def region(name: str) -> bool:
    """Whether ``name`` is a US state or a country: after "Austin, ", a place.

    >>> region("Texas"), region("South Korea"), region("Tesla")
    (True, True, False)
    """
    return " ".join(name.lower().split()) in _STATES | _COUNTRIES
