"""`find_dates`: the date phrases in a sentence, and never a number that only looks like one."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import DateMatch, When, WhenParseError, find_dates

REF = "2026-03-30"  # when the article was read
ARTICLE = Path("/work/shared/sources/ai-race-2026-article.txt")


def found(text: str, reference: str | None = REF) -> list[tuple[str, When]]:
    return [(m.text, m.when) for m in find_dates(text, reference=reference)]


class TestFindDates:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a bare, capitalised month resolves in the reference's year
            ("slated for an April release", [("April", When.month(2026, 4))]),
            ("DeepSeek V4, also expected in April.", [("April", When.month(2026, 4))]),
            ("10,000 AI-plus enterprises by 2030", [("by 2030", When.year(2030).by())]),
            (
                "from 1 trillion at the start of 2024 to over 140 trillion by March 2025",
                [
                    ("the start of 2024", When.third(2024, 1)),
                    ("by March 2025", When.month(2025, 3).by()),
                ],
            ),
            ("expects to double to $600 million by 2026", [("by 2026", When.year(2026).by())]),
            ("The 2026 Bo’ao Forum showcased AI", [("2026", When.year(2026))]),
            (
                "Q2 2026 and H1 2026",
                [("Q2 2026", When.quarter(2026, 2)), ("H1 2026", When.half(2026, 1))],
            ),
            ("It launched on 15 April 2026.", [("15 April 2026", When.day(2026, 4, 15))]),
            ("It launched on April 15, 2026.", [("April 15, 2026", When.day(2026, 4, 15))]),
            ("released 2026-04-15 in Beijing", [("2026-04-15", When.day(2026, 4, 15))]),
            ("in the 2020s", [("the 2020s", When.decade(2020))]),
            (
                "mid-April 2026, or early 2024",
                [("mid-April 2026", When.dekad(2026, 4, 2)), ("early 2024", When.third(2024, 1))],
            ),
            (
                "circa April 2026",
                [("circa April 2026", When.month(2026, 4).qualify(approximate=True))],
            ),
            ("next month", [("next month", When.month(2026, 4))]),
            (
                "later this year",
                [("later this year", When.interval(When.day(2026, 3, 31), When.day(2026, 12, 31)))],
            ),
            # two dates joined by "to" or a dash, or "between ... and": one interval
            (
                "from April to June 2026",
                [("April to June 2026", When.interval(When.month(2026, 4), When.month(2026, 6)))],
            ),
            (
                "between 2024 and 2026",
                [("between 2024 and 2026", When.interval(When.year(2024), When.year(2026)))],
            ),
            # a span of years, with a hyphen or an en dash: not just its first year
            (
                "The 15th Five-Year Plan (2026-2030) sets goals",
                [("2026-2030", When.interval(When.year(2026), When.year(2030)))],
            ),
            (
                "the 2026–2030 plan",
                [("2026–2030", When.interval(When.year(2026), When.year(2030)))],
            ),
            # a number after a year and a dash that cannot end a span is not a year
            ("call 2026-1234 now", [("2026", When.year(2026))]),
            # day ranges: the whole span, never only its last day
            (
                "The forum runs 24-27 March 2026 in Beijing",
                [("24-27 March 2026", When.interval(When.day(2026, 3, 24), When.day(2026, 3, 27)))],
            ),
            (
                "The forum runs 24 to 27 March 2026",
                [
                    (
                        "24 to 27 March 2026",
                        When.interval(When.day(2026, 3, 24), When.day(2026, 3, 27)),
                    )
                ],
            ),
            (
                "It runs March 24-27, 2026.",
                [
                    (
                        "March 24-27, 2026",
                        When.interval(When.day(2026, 3, 24), When.day(2026, 3, 27)),
                    )
                ],
            ),
            ("in 2025 sales rose", [("2025", When.year(2025))]),
            ("It may rain in May.", [("May", When.month(2026, 5))]),
        ],
    )
    def test_finds(self, text: str, expected: list[tuple[str, When]]) -> None:
        assert found(text) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "10,000",
            "$600 million",
            "Hybrid Model 3.0",
            "1 trillion",
            "the creation of 2‑3 national-level smart devices",
            "by the end of the 15‑year plan",
            "over 2000 employees",
            "around 2000 people",
            "in 1500 cases",
            "No. 2026",
            "version 2026.1",
            "up 20% from 1999.5",
            "a 2030-style plan",
            "2030 million tokens",
            "it may happen",
            "q2 results",
            "0 followers",
            "three consecutive weeks",
            "1-2 weeks",
        ],
    )
    def test_ignores_numbers_that_are_not_dates(self, text: str) -> None:
        assert found(text) == []

    def test_spans_index_the_original_text(self) -> None:
        text = "Guangzhou aims for 10,000 AI‑plus enterprises by 2030, and KeLing by 2026."
        for m in find_dates(text, reference=None):
            assert text[m.start : m.end] == m.text
        assert [m.text for m in find_dates(text, reference=None)] == ["by 2030", "by 2026"]

    def test_relative_phrases_are_skipped_without_a_reference(self) -> None:
        assert found("slated for an April release by 2030", reference=None) == [
            ("by 2030", When.year(2030).by())
        ]

    def test_prefer_passes_through(self) -> None:
        matches = find_dates("expected in February", reference=REF, prefer="future")
        assert [m.when for m in matches] == [When.month(2027, 2)]

    @pytest.mark.parametrize(
        ("reference", "prefer", "message"),
        [
            ("someday", "current", "the reference 'someday' is not a date"),
            ("2026-03", "current", "must name one day"),
            (REF, "soon", "prefer must be"),
        ],
    )
    def test_bad_options_raise(self, reference: str, prefer: str, message: str) -> None:
        with pytest.raises(WhenParseError, match=message):
            find_dates("by 2030", reference=reference, prefer=prefer)  # type: ignore[arg-type]

    def test_date_match_is_a_frozen_value(self) -> None:
        m = find_dates("by 2030", reference=None)[0]
        assert m == DateMatch("by 2030", 0, 7, When.year(2030).by())
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            m.text = "x"  # type: ignore[misc]

    @pytest.mark.skipif(not ARTICLE.exists(), reason="the shared article is not present")
    def test_the_article(self) -> None:
        matches = find_dates(ARTICLE.read_text(encoding="utf-8"), reference=REF)
        assert [(m.text, str(m.when)) for m in matches] == [
            ("April", "April 2026"),
            ("April", "April 2026"),
            ("the start of 2024", "early 2024"),
            ("by March 2025", "by March 2025"),
            ("by 2030", "by end of 2030"),
            ("2026", "2026"),
            ("by 2026", "by end of 2026"),
        ]

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=80))
    def test_any_text_gives_valid_spans(self, text: str) -> None:
        for m in find_dates(text, reference=REF):
            assert text[m.start : m.end] == m.text
            assert isinstance(m.when, When)
