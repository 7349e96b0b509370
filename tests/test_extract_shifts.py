"""`timeline.extract` on first promises said another way than "originally".

A past promise given up for a date "now" ("Tesla, which had promised robotaxis by
2020, now says they will arrive in 2027"): dated with the date now, the promise as
its first promise. A move by a stated amount ("postponed by a year, to 2027",
"delayed by six months to March 2027"): the first promise is worked out from the
amount when that is unambiguous (the amount is a whole number of the date's own
unit), and never invented otherwise ("delayed by six months to 2027").
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Source, Status
from timeline.extract import Draft, extract

PUBLISHED = "2026-03-10"


def drafted(text: str, published: str = PUBLISHED, **options: Any) -> list[Draft]:
    return list(extract(text, source=Source("Test", published=published), **options))


def only(text: str) -> Draft:
    found = drafted(text)
    assert len(found) == 1, [(d.title, str(d.when)) for d in found]
    return found[0]


# (text, the date now, the first promise)
PAST_PROMISES = [
    (
        "Tesla, which had promised robotaxis by 2020, now says they will arrive in 2027.",
        "2027",
        "by end of 2020",
    ),
    (
        "Tesla, which promised robotaxis by 2020, now says they will arrive in 2027.",
        "2027",
        "by end of 2020",
    ),
    (
        "Nikola, which had said deliveries would start in 2023, now expects them in 2025.",
        "2025",
        "2023",
    ),
    (
        "The city, which had pledged to finish the line by June, now expects it in October.",
        "October 2026",
        "by June 2026",
    ),
    (
        "Rivian had expected the plant to open in 2024 and now expects it to open in 2028.",
        "2028",
        "2024",
    ),
    (
        "Boeing had targeted 2020 for the 777X but now expects first deliveries in 2027.",
        "2027",
        "2020",
    ),
    (
        "Musk, who had vowed to land on Mars in 2024, now says the first landing will be in 2029.",
        "2029",
        "2024",
    ),
    (
        "Tesla promised robotaxis by 2020 but now says they will arrive in 2027.",
        "2027",
        "by end of 2020",
    ),
    (
        "Tesla, which said in 2019 that robotaxis would arrive in 2020, now says they will "
        "arrive in 2027.",
        "2027",
        "2020",
    ),
    (
        "Acme previously said the plant would open in 2026, but now sees it opening in 2028.",
        "2028",
        "2026",
    ),
    (
        "Amazon had said Kuiper would start service in 2025; it now expects service in mid-2026.",
        "mid-2026",
        "2025",
    ),
]


@pytest.mark.parametrize(("text", "now", "first"), PAST_PROMISES)
def test_a_past_promise_given_up_for_a_date_now(text: str, now: str, first: str) -> None:
    found = drafted(text)
    assert all(str(d.when) != first for d in found), [(d.title, str(d.when)) for d in found]
    moved = [d for d in found if d.first_when is not None]
    assert len(moved) == 1, [(d.title, str(d.when)) for d in found]
    d = moved[0]
    assert (str(d.when), str(d.first_when), d.status) == (now, first, Status.EXPECTED)
    event = d.to_event()
    assert [(str(s.before), str(s.after)) for s in event.slips] == [(first, now)]


# A past promise with no date "now": no move (what was promised, or what happened).
KEPT = [
    ("Tesla, which promised robotaxis by 2020, delivered 1.8 million cars in 2023.", "2023"),
    ("The agency had pledged in 2024 to cut emissions by 2030.", None),
]


@pytest.mark.parametrize(("text", "when"), KEPT)
def test_a_past_promise_without_a_date_now_is_no_move(text: str, when: str | None) -> None:
    found = drafted(text)
    assert all(d.first_when is None for d in found), [(d.title, str(d.first_when)) for d in found]
    if when is not None:
        assert when in [str(d.when) for d in found]


# (text, the date now, the first promise worked out from the amount)
SHIFTS = [
    ("The launch was postponed by a year, to 2027.", "2027", "2026"),
    (
        "The factory opening was delayed by six months to March 2027.",
        "March 2027",
        "September 2026",
    ),
    ("Acme pushed back the rollout by two years to 2029.", "2029", "2027"),
    ("The vote was delayed by two weeks to 24 March.", "24 March 2026", "10 March 2026"),
    ("The launch slipped three months to the fourth quarter.", "Q4 2026", "Q3 2026"),
    ("The mission was delayed by a quarter, to Q2 2027.", "Q2 2027", "Q1 2027"),
    ("The listing has been postponed by one month to July.", "July 2026", "June 2026"),
    (
        "Airbus delayed first deliveries by 18 months, to the first half of 2028.",
        "H1 2028",
        "H2 2026",
    ),
    ("The tariff was delayed a year until 2028.", "2028", "2027"),
    ("The deadline was pushed back by a year, to Q4 2027.", "Q4 2027", "Q4 2026"),
    ("The deadline was pushed back by a year to 2028.", "2028", "2027"),
    ("Boeing delayed the 777X by another year, to 2027.", "2027", "2026"),
    ("The launch slipped a further two months, to June.", "June 2026", "April 2026"),
    ("The launch was pushed back by a year to the end of 2027.", "late 2027", "late 2026"),
    ("The launch slipped by four months to mid-2027.", "mid-2027", "early 2027"),
    # a date moved earlier
    ("The ban was brought forward by five years to 2030.", "2030", "2035"),
    ("The opening was brought forward by two months, to May.", "May 2026", "July 2026"),
    # a noun of delay
    ("The mission faces a one-year delay, to 2028.", "2028", "2027"),
    ("The plant will now open in June 2027 after a six-month delay.", "June 2027", "December 2026"),
]


@pytest.mark.parametrize(("text", "now", "first"), SHIFTS)
def test_a_move_by_an_amount_gives_the_first_promise(text: str, now: str, first: str) -> None:
    d = only(text)
    assert (str(d.when), str(d.first_when), d.status) == (now, first, Status.EXPECTED)
    assert [str(c.when) for c in d.claims] == [now]
    assert any("worked out" in r for r in d.reasons), d.reasons


# Not unambiguous: the amount is finer than the date ("six months" to a year), or not a
# whole number of its unit ("18 months" to a quarter is fine; "45 days" to a month is not),
# or vague ("a few months", "several years"): the date now, no first promise invented.
AMBIGUOUS = [
    ("The launch was delayed by six months to 2027.", "2027"),
    ("The launch was delayed by a few months, to March 2027.", "March 2027"),
    ("The plant was postponed by several years to 2030.", "2030"),
    ("The review was delayed by 45 days to June.", "June 2026"),
    ("The launch was delayed by two weeks to March.", "March 2026"),
    ("The launch was delayed by two months to early 2027.", "early 2027"),
]


@pytest.mark.parametrize(("text", "now"), AMBIGUOUS)
def test_no_first_promise_invented(text: str, now: str) -> None:
    d = only(text)
    assert (str(d.when), d.first_when) == (now, None)


def test_a_stated_first_promise_wins_over_the_amount() -> None:
    d = only("The launch, planned for 2026, was postponed by a year to 2027.")
    assert (str(d.when), str(d.first_when)) == ("2027", "2026")


@settings(max_examples=40, deadline=None)
@given(
    year=st.integers(2027, 2040),
    years=st.integers(1, 5),
    verb=st.sampled_from(["delayed", "postponed", "pushed back"]),
)
def test_years_back_any_amount(year: int, years: int, verb: str) -> None:
    amount = "a year" if years == 1 else f"{years} years"
    d = only(f"The opening was {verb} by {amount}, to {year}.")
    assert (str(d.when), str(d.first_when)) == (str(year), str(year - years))


@settings(max_examples=40, deadline=None)
@given(
    year=st.integers(2027, 2035),
    month=st.integers(1, 12),
    months=st.integers(1, 24),
)
def test_months_back_any_amount(year: int, month: int, months: int) -> None:
    import datetime as dt

    from timeline.dates import When

    now = When.month(year, month)
    total = year * 12 + month - 1 - months
    first = When.month(total // 12, total % 12 + 1)
    name = dt.date(year, month, 1).strftime("%B")
    d = only(f"The opening was delayed by {months} months to {name} {year}.")
    assert (str(d.when), str(d.first_when)) == (str(now), str(first))


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "CATL, which had planned to open a plant in Michigan in 2026, said the deal would "
            "slip by about six months.",
            "2026",
        ),
        ("The launch, planned for June, was delayed by a few weeks.", "June 2026"),
        ("The plant, due in 2027, has been pushed back by several years.", "2027"),
    ],
)
def test_a_move_by_an_amount_not_worked_out_leaves_no_date(text: str, first: str) -> None:
    """No date invented, and the date given up is not the date now."""
    d = only(text)
    assert (d.when.is_undated, str(d.first_when), d.status) == (True, first, Status.EXPECTED)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("In March, Acme's production was delayed by two months.", "March 2026"),
        ("In March, Acme delayed production.", "March 2026"),
        ("On Monday, the vote was postponed.", "8 June 2026"),
    ],
)
def test_a_date_before_a_move_told_in_the_past_is_when_it_moved(text: str, when: str) -> None:
    (d,) = drafted(text, "2026-06-10")
    assert (str(d.when), d.status, d.first_when) == (when, Status.HAPPENED, None)


def test_would_before_the_new_date_is_not_a_promise_given_up() -> None:
    d = only(
        "Rivian said first deliveries of its R2 would slip to the second half of 2026, from an "
        "earlier target of the first half."
    )
    assert (str(d.when), str(d.first_when)) == ("H2 2026", "H1 2026")
