"""`timeline.extract`: a forecast revised to a figure for a later period is a target.

"EDF lowered its nuclear output forecast for 2028 to 350-370 TWh, from 360-400 TWh": the
company now expects 350-370 TWh in 2028, as "expects output of 350-370 TWh in 2028" would
say; the figure is no observation (nothing was measured), nor is the forecast it replaced
("from 360-400 TWh"), which is kept in the draft's description.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract

REF = "2027-10-21"


@pytest.mark.parametrize(
    ("text", "target", "earlier"),
    [
        (
            "France's EDF lowered its nuclear output forecast for 2028 to 350-370 TWh, from "
            "360-400 TWh.",
            "350–370 TWh by 2028 (EDF: TWh)",
            "360–400 TWh",
        ),
        (
            "Acme raised its revenue forecast for 2028 to $5 billion, from $4 billion.",
            "$5 billion by 2028 (Acme: revenue)",
            "$4 billion",
        ),
        (
            "Acme cut its 2029 sales guidance to 40,000 cars.",
            None,  # "its 2029 sales guidance": the year is no date read (left as before)
            None,
        ),
        (
            "Acme trimmed its delivery target for 2029 to 40,000 cars.",
            "40,000 cars by 2029 (Acme: cars)",
            None,
        ),
    ],
)
def test_a_revised_forecast_is_a_target(text: str, target: str | None, earlier: str | None) -> None:
    (d,) = extract(text, reference=REF)
    assert (None if d.target is None else str(d.target)) == target, d.reasons
    if target is not None:
        assert d.observations == ()
        assert d.status.value == "expected"
    if earlier is not None:
        assert d.description is not None and earlier in d.description


@pytest.mark.parametrize(
    "text",
    [
        # a budget raised, no forecast: what it stands at now
        "TSMC raised its capital budget to $52 billion, up from $40.9 billion last year.",
        # a forecast for a past period revised: no target
        "Acme raised its revenue forecast for 2026 to $5 billion.",
    ],
)
def test_not_a_target(text: str) -> None:
    (d,) = extract(text, reference=REF)
    assert d.target is None


@settings(max_examples=20, deadline=None)
@given(
    verb=st.sampled_from(["raised", "lowered", "cut", "lifted", "revised"]),
    noun=st.sampled_from(["forecast", "guidance", "outlook", "target"]),
    year=st.integers(2028, 2035),
    n=st.integers(2, 900),
)
def test_revised_forecast_property(verb: str, noun: str, year: int, n: int) -> None:
    (d,) = extract(f"Acme {verb} its sales {noun} for {year} to {n} million units.", reference=REF)
    assert d.target is not None
    assert str(d.target.deadline) == str(year)
    assert d.target.goal.value == n * 1_000_000
