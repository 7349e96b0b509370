"""`timeline.extract`: a participle before the plural noun it qualifies is part of what a
figure counts ("10,000 charging stations", "2,000 trained engineers"), not where its unit
ends (was: no figure at all, the number left bare)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract

REF = "2026-06-15"


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("Acme will build 10,000 charging stations by 2030.", "10,000 charging stations"),
        ("Acme will hire 2,000 trained engineers by 2030.", "2,000 trained engineers"),
        ("Acme will create 5,000 manufacturing jobs by 2028.", "5,000 manufacturing jobs"),
        ("Acme will open 300 automated warehouses by 2029.", "300 automated warehouses"),
        # a participle that is a preposition is no part of the unit
        ("Acme will pay $2 billion including fees by 2027.", "$2 billion by"),
    ],
)
def test_a_participle_before_its_noun_is_counted(text: str, goal: str) -> None:
    d = extract(text, reference=REF).drafts[-1]
    assert d.target is not None and str(d.target).startswith(goal), d.reasons


@settings(max_examples=30, deadline=None)
@given(
    n=st.integers(2, 99_999),
    modifier=st.sampled_from(["charging", "trained", "operating", "connected", "licensed"]),
    noun=st.sampled_from(["stations", "engineers", "rooms", "devices", "pharmacies"]),
    year=st.integers(2027, 2040),
)
def test_the_goal_counts_the_qualified_noun(n: int, modifier: str, noun: str, year: int) -> None:
    """Property: "will build <n> <participle> <plural noun> by <year>" has the goal n of
    "<participle> <noun>"."""
    d = extract(f"Acme will build {n:,} {modifier} {noun} by {year}.", reference=REF).drafts[-1]
    assert d.target is not None, d.reasons
    assert (d.target.goal.value, d.target.goal.unit) == (n, f"{modifier} {noun}"), d.reasons
