"""Text from the data never drives the terminal (issue 17 §6): controls are shown escaped.

A title from a stranger's feed can hold an OSC 52 clipboard write, a screen
clear or a forged row (``\\r\\n``); `str(Timeline)`, `str(Event)` and the
command's tables and headings show such characters as visible escapes.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import Event, Timeline
from timeline.cli._main import main
from timeline.model._text import visible

CLIPBOARD = "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07"
CLEAR = "\x1b[2J\x1b[H"
FORGED = "Real title\r\n2026-01-01  happened  model-release  Forged  Fake row"
C1_CSI = "\x9b2J"  # CSI in its 8-bit form
BIDI = "abc\u202edcba"  # right-to-left override: reorders what follows

_UNSAFE = {"Cc", "Zl", "Zp"}


def safe(text: str, *, lines: bool = True) -> bool:
    """No control character in ``text`` (newlines allowed between lines when ``lines``)."""
    allowed = {"\n"} if lines else set()
    return all(
        c in allowed or (unicodedata.category(c) not in _UNSAFE and not 0x202A <= ord(c) <= 0x202E)
        for c in text
    )


class TestVisible:
    @pytest.mark.parametrize(
        ("text", "shown"),
        [
            # plain text, CJK, emoji and a backslash are left alone
            ("DeepSeek V4 腾讯 🚀 C:\\path", "DeepSeek V4 腾讯 🚀 C:\\path"),
            # the usual suspects get their short escapes
            ("a\tb\nc\rd", "a\\tb\\nc\\rd"),
            # ESC and BEL: an OSC 52 clipboard write becomes harmless text
            (CLIPBOARD, "\\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\\x07"),
            # C1 controls and DEL
            ("\x9b2J\x7f\x85", "\\x9b2J\\x7f\\x85"),
            # line and paragraph separators, bidi overrides and isolates
            ("a\u2028b\u2029c\u202ed\u2066e", "a\\u2028b\\u2029c\\u202ed\\u2066e"),
        ],
    )
    def test_table(self, text: str, shown: str) -> None:
        assert visible(text) == shown

    @given(st.text())
    def test_never_leaves_a_control(self, text: str) -> None:
        assert safe(visible(text), lines=False)

    @given(st.text(st.characters(blacklist_categories=("Cc", "Zl", "Zp", "Cf", "Cs"))))
    def test_leaves_ordinary_text_alone(self, text: str) -> None:
        assert visible(text) == text


HOSTILE = [CLIPBOARD, CLEAR, FORGED, C1_CSI, BIDI]


def hostile_timeline() -> Timeline:
    return Timeline(
        [
            Event(
                title=f"Event {i} {text}",
                when="2026-04",
                actors=[f"Actor {text}"],
                kind=f"kind{text}",
            )
            for i, text in enumerate(HOSTILE)
        ],
        name=f"Tracker {CLEAR}",
    )


class TestStr:
    def test_timeline(self) -> None:
        text = str(hostile_timeline())
        assert safe(text)
        assert len(text.splitlines()) == len(HOSTILE)  # one line per event: no forged rows
        assert "\\x1b]52;c;" in text

    def test_event(self) -> None:
        event = Event(title=FORGED, when="2026-04", actors=[CLIPBOARD])
        text = str(event)
        assert safe(text) and len(text.splitlines()) == 1
        # the line break is shown (as the event keeps it: \r\n, or \n once normalised)
        assert visible(event.title) in text and "Real title\\" in text


class TestCommand:
    @pytest.fixture
    def data(self, tmp_path: Path) -> Path:
        path = tmp_path / "hostile.json"
        hostile_timeline().save(path)
        return path

    @pytest.mark.parametrize("command", ["show", "upcoming", "overdue"])
    def test_table_and_heading(
        self, command: str, data: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        as_of = "2026-03-01" if command != "overdue" else "2026-06-01"
        assert main([command, str(data), "--as-of", as_of]) == 0
        out, err = capsys.readouterr()
        assert safe(out) and safe(err)
        lines = out.splitlines()
        assert len(lines) == 2 + len(HOSTILE)  # heading, header, rule or not, rows
        if command == "show":  # the heading names the timeline
            assert lines[0].startswith("Tracker \\x1b[2J\\x1b[H: 5 events")

    def test_json_escapes_c1_controls(self, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["show", str(data), "--json"]) == 0
        out, _ = capsys.readouterr()
        assert safe(out)
        records = json.loads(out)  # still the data, exactly
        assert {r["title"] for r in records} == {e.title for e in hostile_timeline()}
