"""Statements added by their speaker (", adding that ...") keep that speaker, and given-up
promises ("we're not going to make 2027") are no dates reached."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract

REF = "2026-05-10"

ADDED = [
    # (text, speaker of the second statement, its actors)
    (
        "NASA said SpaceX will launch in May 2027, adding that Blue Origin would follow in 2028.",
        "NASA",
        ("Blue Origin",),
    ),
    (
        "Intel said it would open the plant in 2027, adding that TSMC would follow in 2029.",
        "Intel",
        ("TSMC",),
    ),
    (
        "The plant will open in 2027, Intel said, noting that TSMC would follow in 2029.",
        "Intel",
        ("TSMC",),
    ),
    # who says so acts in both: no speaker apart
    (
        "Intel said it would open the plant in 2027, adding that the second fab would follow"
        " in 2029.",
        None,
        ("Intel",),
    ),
]


@pytest.mark.parametrize(("text", "said_by", "actors"), ADDED)
def test_the_statement_added_keeps_its_speaker(
    text: str, said_by: str | None, actors: tuple[str, ...]
) -> None:
    second = extract(text, reference=REF).drafts[-1]
    assert (second.said_by, second.actors) == (said_by, actors), second.reasons


@settings(max_examples=25, deadline=None)
@given(
    speaker=st.sampled_from(["NASA", "Reuters", "Bloomberg", "The ministry"]),
    actor=st.sampled_from(["SpaceX", "Boeing", "Airbus", "Rocket Lab"]),
    other=st.sampled_from(["Blue Origin", "Embraer", "Northrop Grumman"]),
    verb=st.sampled_from(["adding", "noting", "saying", "warning"]),
    year=st.integers(2027, 2035),
)
def test_a_speaker_says_what_it_adds(
    speaker: str, actor: str, other: str, verb: str, year: int
) -> None:
    """Property: whoever said the first statement says the one added to it."""
    text = (
        f"{speaker} said {actor} will launch the probe in {year}, {verb} that {other} would"
        f" follow in {year + 1}."
    )
    drafts = extract(text, reference=REF).drafts
    assert len(drafts) == 2, [d.title for d in drafts]
    assert drafts[1].said_by == drafts[0].said_by, drafts[1].reasons
