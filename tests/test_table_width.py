"""Terminal widths of emoji sequences and decomposed Hangul, with wcwidth as the oracle.

A terminal draws a grapheme cluster (an emoji with a skin tone, a ZWJ family,
a flag, a syllable written as jamo) in the columns of one character: counting
each code point made rows of the table wider than the terminal and put the
columns after such a title out of line.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.display._table import ELLIPSIS, cell_width, render, truncate

wcwidth = pytest.importorskip("wcwidth")

CASES = [
    ("👍\U0001f3fd", 2),  # an emoji and a skin tone: one emoji
    ("👨\u200d👩\u200d👧", 2),  # a ZWJ family
    ("🏳\ufe0f\u200d🌈", 2),  # a rainbow flag
    ("🇯🇵", 2),  # a flag: two regional indicators
    ("\u1100\u1161\u11a8", 2),  # 각 as jamo (NFD, as macOS writes it)
    ("©\ufe0f", 2),  # emoji presentation
    ("a\ufe0f", 1),  # a letter has no emoji form
    ("1\ufe0f\u20e3", 2),  # a keycap
    ("e\u0301", 1),
    ("腾讯混元", 8),
    ("Launch 🚀 day", 13),
]


@pytest.mark.parametrize(("text", "width"), CASES)
def test_cell_width_counts_clusters(text: str, width: int) -> None:
    assert cell_width(text) == width == wcwidth.wcswidth(text)


_POOL = [*"aZ 1#腾é", "👍", "\U0001f3fd", "\u200d", "👩", "\ufe0f", "©", "☕", "🇯", "🇵"]
_POOL += ["\u1100", "\u1161", "\u11a8", "\u0301", "\u20e3"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_POOL), max_size=12).map("".join))
def test_cell_width_matches_wcwidth(text: str) -> None:
    # Sequences a careful writer makes: a mark, a modifier or a joiner after a base.
    if text[:1] in ("\u200d", "\ufe0f", "\u0301", "\u20e3", "\u1161", "\u11a8"):
        text = "a" + text
    expected = wcwidth.wcswidth(text)
    if expected < 0:
        return
    parts = text.split("\u200d")
    if any(not p or not p[0].isprintable() for p in parts[1:]):
        return  # a dangling joiner: terminals disagree
    assert cell_width(text) == expected


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("ab👨\u200d👩\u200d👧cd", 4, "ab…"),  # never half a family
        ("ab👨\u200d👩\u200d👧cd", 5, "ab👨\u200d👩\u200d👧…"),
        ("x👍\U0001f3fdyz", 4, "x👍\U0001f3fd…"),  # the skin tone stays with its emoji
        ("\u1100\u1161\u11a8\u1100\u1161\u11a8", 3, "\u1100\u1161\u11a8…"),
    ],
)
def test_truncate_keeps_clusters_whole(text: str, width: int, expected: str) -> None:
    assert truncate(text, width) == expected
    assert cell_width(truncate(text, width)) <= width


def test_table_with_emoji_titles_stays_in_line() -> None:
    rows = [["👨\u200d👩\u200d👧 family day", "x"], ["plain title", "y"], ["🇯🇵 launch", "z"]]
    lines = render(["TITLE", "MARK"], rows, flex=0)
    column = [wcwidth.wcswidth(line[: line.rindex(" ") + 1]) for line in lines]
    assert len(set(column)) == 1  # MARK starts in one column on every line
    for width in (10, 14, 20):
        fitted = render(["TITLE", "MARK"], rows, width=width, flex=0)
        assert all(wcwidth.wcswidth(line) <= width for line in fitted)
        assert all(ELLIPSIS in line or "family" not in line or width >= 20 for line in fitted)
