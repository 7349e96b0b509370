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


_EMOJI = st.sampled_from(["👍", "👩", "👨", "🚀", "☕", "🌈"])
_TONE = st.sampled_from(["", "\U0001f3fb", "\U0001f3fd", "\U0001f3ff"])
_PERSON = st.tuples(_EMOJI, _TONE).map("".join)
# Well-formed clusters only: for a mark with no base or a skin tone on a letter,
# terminals disagree, so no oracle says what is right.
_CLUSTER = st.one_of(
    st.sampled_from([*"aZ 1#.腾讯ｱé", "e\u0301", "©\ufe0f", "↔\ufe0f", "1\ufe0f\u20e3", "a\ufe0f"]),
    st.sampled_from(["\u1100\u1161", "\u1100\u1161\u11a8", "\u1112\u1161\u11ab"]),  # jamo
    st.sampled_from(["🇯🇵", "🇫🇷", "🇺🇸"]),  # flags
    st.lists(_PERSON, min_size=1, max_size=4).map("\u200d".join),  # ZWJ sequences
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CLUSTER, max_size=8))
def test_cell_width_matches_wcwidth(parts: list[str]) -> None:
    text = "".join(parts)
    assert cell_width(text) == wcwidth.wcswidth(text)
    # A cut is never inside a cluster: what is kept is a run of whole clusters.
    for width in range(1, cell_width(text) + 1):
        cut = truncate(text, width).removesuffix(ELLIPSIS).rstrip()
        assert cell_width(truncate(text, width)) <= width
        assert any("".join(parts[:n]).rstrip() == cut for n in range(len(parts) + 1)), cut


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


@pytest.mark.parametrize(
    "actor", ["👨\u200d👩\u200d👧 team", "\u1100\u1161\u11a8 lab", "👍\U0001f3fd crew"]
)
def test_track_record_text_stays_in_line(actor: str) -> None:
    from timeline import Event, Timeline

    def kept(title: str, who: str) -> Event:
        return Event(title=title, when="2026-01", actors=[who]).revise(
            status="happened", when="2026-01-10", stated="2026-01-11"
        )

    record = Timeline([kept("a", actor), kept("b", "Plain")]).track_record(as_of="2026-06-01")
    table = str(record).splitlines()[1:]  # the summary, then the header and a line a group
    assert len(table) == 4
    # The figures are right-aligned to one edge: every line is as wide as the header.
    assert len({wcwidth.wcswidth(line) for line in table}) == 1, table


# -- variation selector 15 (U+FE0E): the text form of an emoji ----------------------------

_VS15 = "\ufe0e"


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("☎" + _VS15, 1),  # a symbol narrow anyway: the selector changes nothing
        ("⌚" + _VS15, 1),  # a watch, wide as an emoji, narrow as text (was 2)
        ("⌚", 2),
        ("⌚\ufe0f", 2),
        ("⚡" + _VS15, 1),  # high voltage (was 2)
        ("🀄" + _VS15, 1),  # a mahjong tile, past the BMP (was 2)
        ("🕐" + _VS15 + "x", 2),  # a clock face, then a letter (was 3)
        ("🚀" + _VS15, 2),  # a rocket has no text form: still wide
        ("腾" + _VS15, 2),  # nor has a CJK character
        ("⌚" + _VS15 + _VS15, 1),  # a second selector adds nothing
    ],
)
def test_text_presentation_is_measured_as_wcwidth_does(text: str, width: int) -> None:
    assert cell_width(text) == width == wcwidth.wcswidth(text)


def _symbols() -> list[str]:
    """Every character in the blocks where emoji live that cell_width and wcwidth
    measure alike on its own (the bare widths are checked elsewhere)."""
    blocks = [(0x2000, 0x33FF), (0x1F000, 0x1FAFF)]
    found = []
    for start, stop in blocks:
        for code in range(start, stop + 1):
            char = chr(code)
            if not char.isprintable() or wcwidth.wcswidth(char) < 1:
                continue
            if cell_width(char) == wcwidth.wcswidth(char):
                found.append(char)
    return found


def test_every_symbol_with_the_text_selector_matches_wcwidth() -> None:
    wrong = [
        (f"U+{ord(c):04X}", cell_width(c + _VS15), wcwidth.wcswidth(c + _VS15))
        for c in _symbols()
        if cell_width(c + _VS15) != wcwidth.wcswidth(c + _VS15)
    ]
    assert wrong == []


def test_a_table_with_text_presentation_stays_in_line() -> None:
    rows = [["⌚" + _VS15 + " watch launch", "x"], ["plain title", "y"]]
    lines = render(["TITLE", "MARK"], rows, flex=0)
    ends = {cell_width(line[: line.rindex(" ") + 1]) for line in lines}
    assert len(ends) == 1, lines  # the MARK column starts at one column on every line
