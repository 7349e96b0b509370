"""Articles from strangers: `extract` reads a wall of capitalised words in linear time.

A sentence of capitalised words with no institution in it ("A A A ...", a table
pasted as text, a list of names) made the institution patterns scan the rest of
the run from every word: a 2,000-character sentence took 0.8 s, and a 20 KB
article of it 8 s. The names before a body's head ("Ministry", "Commission") and
around its "and" are now at most eight words, so each word is looked at a bounded
number of times.
"""

from __future__ import annotations

import time

import pytest

from timeline.extract import extract
from timeline.extract._institutions import institution_names

# One sentence each (sentences are cut at 2,000 characters): runs with no body named.
_WALLS = {
    "single capitals": "A " * 1_000,
    "capitalised words": "Tencent " * 250,
    "initials": "U.S. " * 400,
    "ands": "Big and " * 250,
    "heads without of": "Ministry " * 220,
}


@pytest.mark.parametrize("text", _WALLS.values(), ids=_WALLS.keys())
def test_a_wall_of_capitals_is_read_fast(text: str) -> None:
    started = time.perf_counter()
    extract(text, reference="2026-03-28")
    assert time.perf_counter() - started < 0.3  # was 0.5 to 0.9 s


@pytest.mark.parametrize("text", _WALLS.values(), ids=_WALLS.keys())
def test_the_institution_patterns_are_linear(text: str) -> None:
    # The patterns alone, over the same wall four times as long (several sentences' worth):
    # linear time is a few milliseconds; the old patterns took seconds.
    wall = text * 4
    started = time.perf_counter()
    list(institution_names(wall, 0, len(wall)))
    assert time.perf_counter() - started < 0.2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Names as before: up to eight words before the head, and around the "and".
        ("China's Ministry of Industry and Information Technology said so.",
         "Ministry of Industry and Information Technology"),
        ("The U.S. Securities and Exchange Commission said so.",
         "Securities and Exchange Commission"),
        ("The State Administration for Market Regulation said so.",
         "State Administration for Market Regulation"),
        ("The National Development and Reform Commission said so.",
         "National Development and Reform Commission"),
        ("The Cyberspace Administration of China said so.", "Cyberspace Administration of China"),
    ],
)  # fmt: skip
def test_names_are_found_as_before(text: str, name: str) -> None:
    assert name in [found for _, _, found, _ in institution_names(text, 0, len(text))]
