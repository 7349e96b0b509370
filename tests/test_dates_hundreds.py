"""Years ending in "00" + "s": "the 1800s" is the century 1800-1899, "the 2000s" the decade.

English readers mean the century by "the 1800s" ("late 1800s" is the 1870s-1890s),
so every "X00s" but "the 2000s" reads as the century X00-X99 with a century's
thirds (4/3/3 decades); "the 2000s" stays the decade 2000-2009 (its common
meaning). The parser, its fast path, `find_dates` and the formatter agree, and
every value prints as words that read back to it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import When, find_dates
from timeline.dates import _quick
from timeline.dates._parse_spans import century_third, decade_third

# input, first year, last year, precision name (hand-computed)
HUNDREDS = [
    ("the 1800s", 1800, 1899, "CENTURY"),
    ("1800s", 1800, 1899, "CENTURY"),
    ("the 1800's", 1800, 1899, "CENTURY"),
    ("late 1800s", 1870, 1899, "CENTURY"),
    ("the late 1800s", 1870, 1899, "CENTURY"),
    ("mid-1800s", 1840, 1869, "CENTURY"),
    ("the 1900s", 1900, 1999, "CENTURY"),
    ("early 1900s", 1900, 1939, "CENTURY"),
    ("the 1100s", 1100, 1199, "CENTURY"),
    ("the 1000s", 1000, 1099, "CENTURY"),
    ("the 2100s", 2100, 2199, "CENTURY"),
    ("the 2000s", 2000, 2009, "DECADE"),
    ("early 2000s", 2000, 2003, "DECADE"),
    ("late 2000s", 2007, 2009, "DECADE"),
    ("the 1850s", 1850, 1859, "DECADE"),
    ("late 1810s", 1817, 1819, "DECADE"),
    ("the decade 1800\u20131809", 1800, 1809, "DECADE"),
    ("the decade 1800-1809", 1800, 1809, "DECADE"),
    ("the decade 2020\u20132029", 2020, 2029, "DECADE"),
    ("early in the decade 1800\u20131809", 1800, 1803, "DECADE"),
    ("midway through the decade 1900\u20131909", 1904, 1906, "DECADE"),
    ("late in the decade 1800\u20131809", 1807, 1809, "DECADE"),
]


@pytest.mark.parametrize(("text", "first", "last", "grain"), HUNDREDS)
def test_hundreds_read_as_english_readers_mean(
    text: str, first: int, last: int, grain: str
) -> None:
    w = When.parse(text)
    assert (w.earliest, w.latest) == (dt.date(first, 1, 1), dt.date(last, 12, 31))
    assert w.precision.name == grain
    assert When.parse(str(w)) == w
    assert w.to_edtf() == (
        {"CENTURY": f"{first // 100:02d}", "DECADE": f"{first // 10:03d}"}[grain]
        if last - first in (9, 99)
        else f"{first:04d}/{last:04d}"
    )
    quick = _quick.read(text)
    assert quick is None or quick == w


@pytest.mark.parametrize(("text", "first", "last", "grain"), HUNDREDS[:12])
def test_find_dates_reads_hundreds_as_the_parser_does(
    text: str, first: int, last: int, grain: str
) -> None:
    found = find_dates(f"Mills were built in {text} along the river.", reference=None)
    assert [m.when for m in found] == [When.parse(text)]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (When.decade(1800), "the decade 1800\u20131809"),
        (decade_third(1800, 1), "early in the decade 1800\u20131809"),
        (decade_third(1900, 2), "midway through the decade 1900\u20131909"),
        (decade_third(2000, 3), "late 2000s"),
        (When.decade(2000), "the 2000s"),
        (When.century(1800), "the 19th century"),
        (century_third(1800, 3), "late 19th century"),
    ],
)
def test_a_hundreds_decade_prints_words_that_read_back(value: When, text: str) -> None:
    assert str(value) == text
    assert When.parse(text) == value
    assert _quick.read(text) in (None, value)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 999).map(lambda n: n * 10), st.integers(0, 3))
def test_decades_and_their_thirds_round_trip(first: int, part: int) -> None:
    w = When.decade(first) if part == 0 else decade_third(first, part)
    assert When.parse(str(w)) == w
    assert _quick.read(str(w)) in (None, w)
    edtf = w.to_edtf()
    assert edtf == (
        f"{first // 10:03d}" if part == 0 else f"{w.earliest.year:04d}/{w.latest.year:04d}"
    )


@settings(max_examples=60, deadline=None)
@given(st.integers(10, 99).map(lambda n: n * 100), st.integers(1, 3))
def test_x00s_is_a_century_unless_2000s(first: int, part: int) -> None:
    word = ("early", "mid-", "late")[part - 1]
    text = f"{word}{'' if part == 2 else ' '}{first}s"
    expected = decade_third(2000, part) if first == 2000 else century_third(first, part)
    assert When.parse(text) == expected
    whole = When.parse(f"the {first}s")
    assert whole == (When.decade(2000) if first == 2000 else When.century(first))
    assert _quick.read(f"the {first}s") in (None, whole)
