"""Date texts from strangers: refused fast when too long, read in linear time (issue 17 §1)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

from timeline import When, WhenParseError
from timeline.dates import _parse

HOSTILE: list[tuple[str, Callable[[int], str]]] = [
    ("question marks", lambda n: "2026" + " ?" * n),
    ("or so", lambda n: "2026" + " or so" * n),
    ("tildes", lambda n: "2026" + " ~" * n),
    ("bracketed marks", lambda n: "2026" + " (?)" * n),
    ("dashes", lambda n: "-" * n),
    ("leading tildes", lambda n: "~ " * n + "2026"),
    ("nested modifiers", lambda n: "early " * n + "2026"),
    ("alternatives", lambda n: "2026 or " * n + "2027"),
    ("slashes", lambda n: "2026/" * n),
]


def _text(make: Callable[[int], str], size: int) -> str:
    return make(size)[:size]


class TestLengthCap:
    @pytest.mark.parametrize(("name", "make"), HOSTILE)
    def test_a_long_text_is_refused_at_once_naming_the_limit(
        self, name: str, make: Callable[[int], str]
    ) -> None:
        text = _text(make, 100_000)
        started = time.perf_counter()
        with pytest.raises(WhenParseError, match=f"at most {_parse.MAX_TEXT} characters") as err:
            When.parse(text)
        assert time.perf_counter() - started < 1.0
        # the message quotes the start of the input, not all 100 kB of it
        assert text[:20] in str(err.value) and len(str(err.value)) < 400

    def test_edtf_is_capped_too(self) -> None:
        with pytest.raises(WhenParseError, match="at most"):
            When.from_edtf("/" * 16_000)

    def test_the_longest_real_texts_fit(self) -> None:
        text = "2026-04-15T10:00:00.123456+05:45[Asia/Kathmandu] to 2026-04-16T10:00:00-03:00"
        assert len(text) < _parse.MAX_TEXT
        assert When.parse(text).is_interval
        members = ",".join(f"2026-{m:02d}" for m in range(1, 13))
        assert When.from_edtf(f"[{members}]").latest == When.month(2026, 12).latest


class TestLinearTime:
    """With the cap lifted, the readers themselves take time in proportion to the text."""

    @pytest.mark.parametrize(("name", "make"), HOSTILE)
    def test_20_kb_of_a_hostile_pattern_takes_well_under_a_second(
        self, name: str, make: Callable[[int], str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # Before the fix 10 kB of " ?" took 1.5 s (quadratic); now 20 kB takes milliseconds.
        monkeypatch.setattr(_parse, "MAX_TEXT", 10**9)
        text = _text(make, 20_000)
        started = time.perf_counter()
        with contextlib.suppress(WhenParseError):
            When.parse(text)
        assert time.perf_counter() - started < 1.0

    def test_edtf_slashes_take_linear_time(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(_parse, "MAX_TEXT", 10**9)
        started = time.perf_counter()
        with pytest.raises(WhenParseError):
            When.from_edtf("/" * 100_000)
        assert time.perf_counter() - started < 1.0
