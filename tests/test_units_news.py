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
