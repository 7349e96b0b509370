"""`timeline.extract` on a date that lasts ("until 2042"), a date moved within one
statement past a clause on the thing's first promise ("will open the fab it had promised
for 2025 in 2027") and a move told as two dates ("delayed the launch it had planned for
2026 to 2028"), each a table of variants against what a careful reader drafts.

"until X" with no negation and no verb of moving is a span that lasts to the end of X (an
open start: when it began is not said), not X itself and not a deadline ("by X" is done
on or before X; a supply deal "until 2042" goes on all that time). "not ... until X" stays
no earlier than X, "has until X to" a deadline, and "delayed until X" a move to X.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import When
from timeline.dates import find_dates
from timeline.extract import extract

REF = "2027-08-05"

UNTIL = [
    # (text, when, status)
    ("Talen Energy will supply Amazon with 1.9 gigawatts until 2042.", "until 2042", "expected"),
    ("The tax credit will stay in place through 2032.", "until 2032", "expected"),
    # "the end of 2029" is 2029 at its latest: until 2029, not until late 2029
    ("The discount offer runs until the end of 2029.", "until 2029", "expected"),
    ("Acme will keep the Dover plant open until March 2030.", "until March 2030", "expected"),
    ("Acme ran the Dover plant until 2020.", "until 2020", "happened"),
    ("The moratorium will stay in force till June 2029.", "until June 2029", "expected"),
    # not a span: negated, a deadline given, a move
    ("Acme will not launch the phone until 2028.", "no earlier than 2028", "expected"),
    ("Acme has until March 2028 to agree a deal.", "by March 2028", "expected"),
    ("Acme delayed the launch until 2028.", "2028", "expected"),
    ("Acme postponed the vote until September.", "September 2027", "expected"),
    # a range is no open span
    ("Acme will build the plant from 2026 until 2029.", "2026 to 2029", "expected"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "when", "status"), UNTIL)
def test_until_a_date_is_a_span_that_lasts_to_it(text: str, when: str, status: str) -> None:
    """ "will supply ... until 2042": until 2042 (was: 2042, as if it were the year of
    the supply)."""
    (d,) = extract(text, reference=REF)
    assert (str(d.when), d.status.value) == (when, status), d.reasons


def test_until_keeps_the_latest_day_of_the_date() -> None:
    """Property over the forms of the date: "until X" ends on X's last day, starts open."""
    for phrase, latest in [
        ("2042", "2042-12-31"),
        ("March 2030", "2030-03-31"),
        ("the end of 2029", "2029-12-31"),
        ("the second quarter of 2031", "2031-06-30"),
        ("mid-2030", "2030-08-31"),
    ]:
        (d,) = extract(f"Acme will keep the Dover plant open until {phrase}.", reference=REF)
        assert (d.when.earliest, str(d.when.latest)) == (None, latest), (phrase, d.reasons)


MOVES = [
    # (text, when, first promise)
    # a clause on the thing's first promise, then the statement's own date
    ("Acme will open the fab it had promised for 2025 in 2027.", "2027", "2025"),
    ("Acme will open the fab it had promised for 2025 by 2029.", "by end of 2029", "2025"),
    ("Acme will open the plant that was scheduled for 2026 in 2028.", "2028", "2026"),
    ("Acme will start the reactor it had planned to start in March in June 2028.",
     "June 2028", "March 2028"),
    ("Acme said the fab it had promised for 2025 will open in 2027.", "2027", "2025"),
    # with "now", as before
    ("Acme will now open the fab it had promised for 2025 in 2027.", "2027", "2025"),
    # "X to Y" after a verb of moving: a move from X to Y, not the range X to Y
    ("Acme delayed the launch it had planned for 2026 to 2028.", "2028", "2026"),
    ("Acme postponed the vote it had scheduled for October to December.", "December 2027",
     "October 2027"),
    ("Acme pushed back the opening from 2026 to 2028.", "2028", "2026"),
    ("Acme moved the launch from Q1 to Q3 2028.", "Q3 2028", "Q1 2028"),
    ("The launch was delayed 2026 to 2028.", "2028", "2026"),
    # a range with no verb of moving stays a range
    ("Acme will build the plant from 2026 to 2028.", "2026 to 2028", None),
    ("The trial will run 2026 to 2028.", "2026 to 2028", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "when", "first"), MOVES)
def test_the_date_now_follows_the_first_promise(text: str, when: str, first: str | None) -> None:
    """ "will open the fab it had promised for 2025 in 2027": 2027, first promised 2025
    (was: 2025); "delayed the launch it had planned for 2026 to 2028": 2028, first 2026
    (was: the span 2026 to 2028)."""
    (d,) = extract(text, reference=REF)
    got = (str(d.when), None if d.first_when is None else str(d.first_when))
    assert got == (when, first), d.reasons
    assert d.status.value == "expected", d.reasons


_MONTHS = st.sampled_from(
    ["", "January ", "March ", "June ", "September ", "December ", "the end of ", "mid-"]
)
_SUBJECTS = st.sampled_from(["Acme", "Talen Energy", "The regulator", "Northwind Power"])
_LASTING_VERBS = st.sampled_from(
    [
        "will supply the city with power",
        "will keep the Dover plant open",
        "will stay in the index",
        "will run the subsidy scheme",
    ]
)


@settings(max_examples=40, deadline=None)
@given(_SUBJECTS, _LASTING_VERBS, _MONTHS, st.integers(2028, 2060))
def test_until_ends_on_the_dates_last_day(subject: str, verb: str, month: str, year: int) -> None:
    """Property: "<subject> <verb> until <date>" starts open and ends on the date's last day
    (as `When.parse` reads the date), whatever the date's grain."""
    date = f"{month}{year}"
    (d,) = extract(f"{subject} {verb} until {date}.", reference=REF)
    assert d.when.earliest is None, d.reasons
    assert d.when.latest == When.parse(date).latest, d.reasons
    assert d.status.value == "expected"


_MOVERS = st.sampled_from(["delayed", "postponed", "pushed back", "moved"])
_THINGS = st.sampled_from(["launch", "opening", "vote", "readout"])
_PROMISED = st.sampled_from(["it had planned for", "it had scheduled for", "from"])


@settings(max_examples=40, deadline=None)
@given(_MOVERS, _THINGS, _PROMISED, st.integers(2026, 2035), st.integers(1, 5))
def test_a_move_from_one_year_to_another(
    mover: str, thing: str, promised: str, first: int, later: int
) -> None:
    """Property: "Acme <moved> the <thing> <it had planned for|from> X to Y" is Y now,
    first promised X, never the span X to Y."""
    text = f"Acme {mover} the {thing} {promised} {first} to {first + later}."
    (d,) = extract(text, reference=REF)
    got = (str(d.when), None if d.first_when is None else str(d.first_when))
    assert got == (str(first + later), str(first)), d.reasons


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "for YEAR by YEAR": two years, "by" is no noun counted
        ("Acme set a target for 2025 by 2029.", ["2025", "by 2029"]),
        ("Acme had promised it for 2031 by March 2030.", ["2031", "by March 2030"]),
        # no date word before the number: still a count ("hire 2000 by 2030")
        ("Acme will hire 2000 by 2030.", ["by 2030"]),
        ("Acme will hire 2500 by 2030.", ["by 2030"]),
    ],
)
def test_a_year_for_which_before_by_is_found(text: str, found: list[str]) -> None:
    """find_dates: "for 2025 by 2029" keeps both years (was: "by 2029" alone)."""
    assert [m.text for m in find_dates(text, reference=None)] == found
