"""Unit symbols the news writes for other things than pint's reading of them."""

from __future__ import annotations

import pytest

from timeline.figures import Quantity, QuantityError

# (a figure, another pint calls equal to it, what the news means by the first)
_MISREAD = [
    ("2 mb/d", "2000000 kb/d", "million barrels a day; pint: millibarns"),
    ("1 mb", "0.001 b", "million barrels or megabits; pint: millibarn"),
    ("5 Gb", "5 gilbert", "gigabits; pint: gilberts"),
    ("40 mcm", "40 µm", "thousand cubic metres of gas; pint: micrometre"),
    ("5 mt", "5 kg", "metric tonnes; pint: millitonnes"),
    ("1 kt", "1.852 km/h", "kilotonnes; pint: knot"),
    ("1 AU", "1 absorbance_unit", "astronomical unit; pint: absorbance unit"),
    ("30 ct", "6 g", "cents; pint: carats"),
    ("100 PS", "100 petasiemens", "metric horsepower; pint: petasiemens"),
    ("100 hp", "74.569987158227022 kW", "mechanical or metric horsepower; pint: mechanical"),
]


@pytest.mark.parametrize(("figure", "other", "meaning"), _MISREAD)
def test_news_symbols_are_not_pints_reading(figure: str, other: str, meaning: str) -> None:
    # was: equal (pint's reading); now they do not convert, and saying why
    left, right = Quantity.parse(figure), Quantity.parse(other)
    assert left != right
    assert not left.compatible(right)
    with pytest.raises(QuantityError, match="more than one"):
        left.to(right.unit)
    assert left == Quantity.parse(figure)  # the same spelling still compares


@pytest.mark.parametrize(
    ("left", "right"),
    [("1 Mt", "1000000 t"), ("1 Gt", "1000 Mt"), ("50 TWh", "50000 GWh"), ("1 MB", "1000 kB")],
)
def test_symbols_that_stay(left: str, right: str) -> None:
    assert Quantity.parse(left) == Quantity.parse(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("$0.10 per kWh", "$100 per MWh"),
        ("$0.10/kWh", "$100 per MWh"),
        ("€50/MWh", "€0.05 per kWh"),
        ("$2 per MMBtu", "$2 per MMBtu"),
        ("$1.5 per kg", "$1500 per t"),
    ],
)
def test_prices_per_physical_unit(left: str, right: str) -> None:
    # was: "$0.10/kWh" refused ("unexpected '/kWh'"), "$0.10 per kWh" != "$100 per MWh"
    assert Quantity.parse(left) == Quantity.parse(right)
    assert Quantity.parse(right) == Quantity.parse(left)


def test_prices_do_not_cross_currencies_or_dimensions() -> None:
    assert not Quantity.parse("$0.10 per kWh").compatible(Quantity.parse("€100 per MWh"))
    assert not Quantity.parse("$0.10 per kWh").compatible(Quantity.parse("$100 per kg"))
    assert Quantity.parse("$0.10 per kWh") < Quantity.parse("$101 per MWh")
    # a price per day is not one per year: pint's year (365.25 days) is no source's
    assert not Quantity.parse("$1 per day").compatible(Quantity.parse("$365 per year"))
