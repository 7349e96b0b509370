"""A target kept, reiterated or maintained is still ahead: "Airbus kept its target of about 820
deliveries this year" is an expected statement for this year, not a thing that happened."""

from __future__ import annotations

import pytest

from timeline import Source, Status
from timeline.extract import extract


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Airbus kept its target of about 820 commercial aircraft deliveries this year.", "2026"),
        ("Airbus reiterated its target of about 820 deliveries this year.", "2026"),
        ("Airbus reaffirmed its goal of 820 deliveries in 2026.", "2026"),
        ("Airbus maintained its forecast of 820 deliveries this year.", "2026"),
        ("Airbus stuck to its guidance of 820 deliveries for 2026.", "2026"),
        # "its 2026 target" is a deadline, as "its 2035 goal" is
        ("Airbus kept its 2026 target of 820 deliveries unchanged.", "by end of 2026"),
    ],
)
def test_a_target_kept_is_expected(text: str, when: str) -> None:
    (draft,) = extract(text, source=Source("Test", published="2026-03-18"))
    assert draft.status is Status.EXPECTED
    assert str(draft.when) == when


def test_a_thing_kept_is_still_past() -> None:
    (draft,) = extract(
        "Airbus kept 5,000 jobs in Toulouse in 2025.", source=Source("Test", published="2026-03-18")
    )
    assert draft.status is Status.HAPPENED
