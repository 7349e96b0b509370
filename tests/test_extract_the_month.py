"""Which month "the end of the month" is: the month the sentence talks about (or, on a
condition, the month of that condition named just before), else the publication's."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract

REF = "2026-05-10"
MONTHS = ["June", "July", "August", "September", "October", "November", "December"]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # the month of the condition, in the same sentence
        ("Acme said the deal, if approved at the June vote, will close by the end of the month.",
         "by June 2026"),
        ("After the vote in July, Acme will close the deal by the end of the month.",
         "by July 2026"),
        # on a condition, the month named in the sentence before
        ("The board vote is in June. If approved, the deal will close by the end of the month,"
         " Acme said.", "by June 2026"),
        ("Shareholders vote in September. Once cleared, Acme will pay the dividend by the end"
         " of the month.", "by September 2026"),
        # no month talked about: the publication's
        ("Acme will close the deal by the end of the month.", "by May 2026"),
        # no condition: a month of the sentence before is not the one meant
        ("The board met in June. Acme will close the deal by the end of the month.",
         "by May 2026"),
        # "this month": the publication's, said so
        ("Acme said the June vote is set, and will close the deal by the end of this month.",
         "by May 2026"),
    ],
)  # fmt: skip
def test_the_end_of_the_month(text: str, when: str) -> None:
    """Was: the end of the publication's month in every case; now the month meant."""
    assert str(extract(text, reference=REF).drafts[-1].when) == when


@settings(max_examples=25, deadline=None)
@given(month=st.sampled_from(MONTHS), same=st.booleans())
def test_the_month_of_the_condition(month: str, same: bool) -> None:
    """Property: a deal that closes "by the end of the month" if approved at a vote in a
    named month closes by the end of that month, said in one sentence or two."""
    if same:
        text = (
            f"Acme said the deal, if approved at the {month} vote, will close by the end of"
            " the month."
        )
    else:
        text = f"The vote is in {month}. If approved, the deal will close by the end of the month."
    d = extract(text, reference=REF).drafts[-1]
    assert str(d.when) == f"by {month} 2026", d.reasons
