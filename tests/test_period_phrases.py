"""Reporting periods in prose: "the three months to June 30", "the year ending March 31, 2027",
"between now and 2030" — read whole by `When.parse` and found whole by `find_dates`."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import When, find_dates

REF = dt.date(2026, 3, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the three months to June 30", "Q2 2026"),
        ("the year to March 2027", "April 2026 to March 2027"),
        ("the 12 months to September 2026", "October 2025 to September 2026"),
        ("the nine months to September 30, 2026", "January 2026 to September 2026"),
        ("the six months to 30 June 2026", "H1 2026"),
    ],
)
def test_a_period_to_a_day_is_the_period_ending_then(text: str, expected: str) -> None:
    assert str(When.parse(text, reference=REF)) == expected
    assert When.parse(text, reference=REF) == When.parse(
        text.replace(" to ", " ending ", 1), reference=REF
    )


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        (
            "Sales for the year ending March 31, 2027 will top $5 billion.",
            [("the year ending March 31, 2027", "April 2026 to March 2027")],
        ),
        (
            "Revenue rose 20% in the three months to June 30.",
            [("the three months to June 30", "Q2 2026")],
        ),
        (
            "Profit fell in the quarter ended June 30, 2026, it said.",
            [("the quarter ended June 30, 2026", "Q2 2026")],
        ),
        (
            "In the 12 months to September, output rose.",
            [("the 12 months to September", "October 2025 to September 2026")],
        ),
        (
            "Between now and 2030 it will invest $10 billion.",
            [("Between now and 2030", "15 March 2026 to 2030")],
        ),
        (
            "From now until 2030 the plan runs.",
            [("now until 2030", "15 March 2026 to 2030")],
        ),
        (
            "Between today and 2030 we will invest.",
            [("Between today and 2030", "15 March 2026 to 2030")],
        ),
        (
            "Shipments begin the week of March 16 and run through Q2.",
            [("the week of March 16", "2026-W12"), ("Q2", "Q2 2026")],
        ),
        (
            "Talks resume in the week beginning 6 April 2026.",
            [("the week beginning 6 April 2026", "2026-W15")],
        ),
        ("The firm targets an IPO in the second half.", [("the second half", "H2 2026")]),
        (
            "Sales rose in the first half of the year.",
            [("the first half of the year", "H1 2026")],
        ),
        ("Due in the third quarter of the year.", [("the third quarter of the year", "Q3 2026")]),
        # a move by a time is no period: "by six months to March 2027"
        (
            "GM delayed the relaunch by six months to March 2027.",
            [("March 2027", "March 2027")],
        ),
        # "now" alone is no date
        ("It now says 2027.", [("2027", "2027")]),
        ("The year to date was strong.", []),
    ],
)
def test_find_dates_finds_the_whole_period(sentence: str, found: list[tuple[str, str]]) -> None:
    got = [(m.text, str(m.when)) for m in find_dates(sentence, reference=REF)]
    assert got == found


@pytest.mark.parametrize(
    "text",
    [
        "as soon as June 2026",  # refused as vague ("soon")
        "not until June 2026",
        "until at least June 2026",
        "at least until June 2026",
    ],
)
def test_a_start_not_before(text: str) -> None:
    assert When.parse(text) == When.parse("not before June 2026")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Approval could come as soon as June.", "as soon as June"),
        ("Rates will stay on hold until at least mid-2027.", "until at least mid-2027"),
        ("Output rises, but not until 2028.", "not until 2028"),
    ],
)
def test_find_dates_keeps_the_words_that_bound_it(sentence: str, found: str) -> None:
    (m,) = find_dates(sentence, reference=REF)
    assert m.text == found
