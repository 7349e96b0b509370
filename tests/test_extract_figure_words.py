"""Figures said in words in articles: "two million users", "half a million", "a dozen"."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import extract
from timeline.extract._figures import figures
from timeline.extract._text import fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("expects two million users by 2027", ["2 million users"]),
        ("plans to hire half a million workers", ["500,000 workers"]),
        ("aims to open a dozen factories", ["12 factories"]),
        ("expects revenue of three billion dollars", ["$3 billion"]),
        ("raised one and a half billion yuan", ["1.5 billion CNY"]),
        ("has more than two hundred thousand subscribers", ["more than 200,000 subscribers"]),
        ("nearly a million cars were sold", ["about 1 million cars"]),
        ("to cut emissions by fifty percent", ["50%"]),
        ("between two and three million units", ["2–3 million units"]),
        ("two million five hundred thousand homes", ["2.5 million homes"]),
        # small counts in words and vague amounts are prose, not figures
        ("two companies will merge", []),
        ("one of the largest", []),
        ("dozens of factories and hundreds of thousands of jobs", []),
        ("a thousand-fold rise", ["1,000-fold"]),  # a multiple, read once
        ("said 2 million users", ["2 million users"]),  # digits: as before
    ],
)
def test_found(text: str, expected: list[str]) -> None:
    assert [str(f.quantity) for f in figures(fold(text), 0, len(text), [])] == expected


def test_a_goal_said_in_words_is_a_target() -> None:
    text = "Acme expects two million users by the end of 2027."
    (draft,) = extract(text, reference=dt.date(2026, 3, 2)).drafts
    target = draft.target
    assert target is not None
    assert str(target.goal) == "2 million users"
    assert str(target.deadline) == "by end of 2027"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two hundred and fifty million users", ["250 million users"]),
        ("two million and three million users", ["2 million", "3 million users"]),
        ("four and five million cars", ["5 million cars"]),
        ("one thousand and one nights", ["1,001 nights"]),
    ],
)
def test_and_joins_a_number_or_two(text: str, expected: list[str]) -> None:
    assert [str(f.quantity) for f in figures(fold(text), 0, len(text), [])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the first delivery of the 777X in 2027", []),  # a model, not 777 times
        ("Boeing 737X deliveries", []),
        ("the Galaxy 25X launch", []),
        ("a 10X jump in sales", ["10X"]),
        ("revenue grew 3.5X", ["3.5X"]),
        ("more than 100X faster", ["more than 100X"]),
    ],
)
def test_a_capital_x_after_a_model_number_is_no_multiple(text: str, expected: list[str]) -> None:
    assert [str(f.quantity) for f in figures(fold(text), 0, len(text), [])] == expected
