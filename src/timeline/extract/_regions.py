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
    uzbekistan azerbaijan georgia rwanda uganda tanzania zambia zimbabwe mozambique angola
    namibia botswana senegal cameroon sudan libya mali niger chad somalia madagascar
    malawi benin togo guinea liberia gabon congo mauritius nepal bhutan
    maldives afghanistan syria yemen armenia belarus moldova albania macedonia montenegro
    bosnia kosovo cyprus malta monaco andorra liechtenstein kyrgyzstan tajikistan
    turkmenistan brunei fiji samoa tonga tuvalu vanuatu greenland cuba jamaica haiti panama
    honduras guatemala nicaragua belize guyana suriname bahamas barbados trinidad
    dominica grenada"""
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
        "sri lanka",
        "costa rica",
        "el salvador",
        "dominican republic",
        "puerto rico",
        "ivory coast",
        "burkina faso",
        "sierra leone",
        "papua new guinea",
        "north macedonia",
        "north korea",
        "east timor",
        "trinidad and tobago",
    )
)


# The first-level regions of countries whose industry is in the news: Canada's provinces,
# Australia's states, Germany's, India's, Mexico's and Brazil's main states, China's
# provinces and Japan's, Korea's main prefectures and provinces, the UK's nations.
_PROVINCES: Final = frozenset(
    words(
        """ontario quebec alberta saskatchewan manitoba yukon nunavut queensland victoria
    tasmania bavaria saxony thuringia brandenburg hesse hessen baden-wurttemberg
    baden-württemberg mecklenburg-vorpommern saxony-anhalt rhineland-palatinate saarland
    gujarat maharashtra karnataka telangana odisha uttarakhand assam punjab
    haryana rajasthan kerala jalisco sonora chihuahua coahuila guanajuato queretaro
    querétaro puebla yucatan yucatán bahia parana paraná guangdong jiangsu zhejiang
    shandong fujian anhui hubei hunan henan hebei sichuan yunnan guizhou shaanxi shanxi
    jiangxi liaoning jilin heilongjiang hainan gansu qinghai xinjiang tibet ningxia
    guangxi hokkaido aomori miyagi fukushima ibaraki tochigi gunma saitama chiba kanagawa
    niigata aichi shizuoka mie hyogo okayama yamaguchi kagawa ehime kyushu kumamoto
    okinawa gyeonggi chungcheong gangwon jeolla gyeongsang jeju lombardy piedmont veneto
    catalonia andalusia galicia aragon flanders wallonia silesia normandy
    occitanie alsace"""
    )
) | frozenset(
    (
        "british columbia",
        "nova scotia",
        "new brunswick",
        "newfoundland and labrador",
        "prince edward island",
        "northwest territories",
        "new south wales",
        "western australia",
        "south australia",
        "northern territory",
        "lower saxony",
        "north rhine-westphalia",
        "schleswig-holstein",
        "tamil nadu",
        "andhra pradesh",
        "uttar pradesh",
        "madhya pradesh",
        "west bengal",
        "nuevo leon",
        "nuevo león",
        "baja california",
        "sao paulo state",
        "minas gerais",
        "rio grande do sul",
        "inner mongolia",
        "south gyeongsang",
        "north gyeongsang",
        "south chungcheong",
        "north chungcheong",
        "northern ireland",
        "basque country",
    )
)


_REGIONS: Final = _STATES | _COUNTRIES | _PROVINCES


def region(name: str) -> bool:
    """Whether ``name`` is a US state, a country or a province or state of another country
    (`_PROVINCES`): after "Austin, ", a place.

    >>> region("Texas"), region("South Korea"), region("Ontario"), region("Tesla")
    (True, True, True, False)
    """
    return " ".join(name.lower().split()) in _REGIONS
