"""`timeline.extract`: the figure of a statement is the amount its verb acts on, not the
total it is added to ("Verizon will add 1200 in 2027 to the 3,000 rural towers": 1,200
rural towers by 2027; the 3,000 are what there is now)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract

REF = "2026-06-15"

ADDED_TO = [
    # (text, the goal, the total added to)
    ("Verizon will add 1200 in 2027 to the 3,000 rural towers.",
     "1,200 rural towers by 2027", "3,000 rural towers"),
    ("Verizon will add 1,200 in 2027 to the 3,000 rural towers.",
     "1,200 rural towers by 2027", "3,000 rural towers"),
    ("Acme will add 500 stores to its 2,000 stores by 2028.",
     "500 stores by end of 2028", "2,000 stores"),
    ("Acme plans to add 40 aircraft to its existing 300 aircraft by 2030.",
     "40 aircraft by end of 2030", "300 aircraft"),
    ("Acme will add $2 billion to its $5 billion budget by 2028.",
     "$2 billion by end of 2028", "$5 billion"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "goal", "total"), ADDED_TO)
def test_the_goal_is_what_is_added_not_the_total(text: str, goal: str, total: str) -> None:
    """The amount added is the goal (was: the total added to, "3,000 rural towers by
    2027"); the total is an observation at publication."""
    d = extract(text, reference=REF).drafts[-1]
    assert d.target is not None and str(d.target).startswith(goal), d.reasons
    seen = [(str(o.when), str(o.value)) for o in d.observations]
    assert len(seen) == 1 and seen[0][0] == "15 June 2026" and total in seen[0][1], seen


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        # a total reached is no total added to
        ("Acme will raise its fleet to 300 aircraft by 2030.", "300 aircraft by end of 2030"),
        ("Acme will grow its stores to 2,000 stores by 2028.", "2,000 stores by end of 2028"),
        # a bare number with nothing added to says nothing of what it counts
        ("Acme will add 1200 in 2027.", None),
    ],
)
def test_no_total_added_to(text: str, goal: str | None) -> None:
    """A total reached ("raise its fleet to 300 aircraft") stays the goal; a bare number
    added to nothing gives no goal."""
    d = extract(text, reference=REF).drafts[-1]
    if goal is None:
        assert d.target is None, d.reasons
    else:
        assert d.target is not None and str(d.target).startswith(goal), d.reasons


@settings(max_examples=30, deadline=None)
@given(
    added=st.integers(2, 9_999),
    total=st.integers(10_000, 99_999),
    noun=st.sampled_from(["rural towers", "stores", "bus stops", "buses"]),
    det=st.sampled_from(["the", "its", "its existing"]),
    bare=st.booleans(),
    year=st.integers(2027, 2040),
)
def test_the_amount_added_is_the_goal(
    added: int, total: int, noun: str, det: str, bare: bool, year: int
) -> None:
    """Property: "add <N> [<noun>] in <year> to <det> <total> <noun>" has the goal N
    <noun>, whatever the sizes (the total is always the larger)."""
    what = f"{added}" if bare else f"{added:,} {noun}"
    text = f"Acme will add {what} in {year} to {det} {total:,} {noun}."
    d = extract(text, reference=REF).drafts[-1]
    assert d.target is not None, d.reasons
    assert (d.target.goal.value, d.target.goal.unit) == (added, noun), d.reasons
