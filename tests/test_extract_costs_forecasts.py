"""Figures `timeline.extract` must read for what they are.

A verb of forecasting before a figure looks forward, in any tense ("forecast", "forecasts",
"projected", "is guiding for", "sees", "predicted"): "Acme forecast annual sales of $5
billion" is an expected figure for its current fiscal year, as "expects" is. A money amount
that is the price of a thing built or bought ("a $2.5 billion research hub", "buy Beta for
$3 billion", "a $1.2bn acquisition") is not a goal: the draft is the thing expected at its
date, with the amount noted as an observation stated at publication, no target. An amount that
is what the goal counts ("invest $2.5 billion by 2030", "$5 billion revenue by 2030") stays a
target; the size of a deal (a funding round, an acquisition) was never one.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract

REF = "2026-03-10"


@pytest.mark.parametrize(
    "verb",
    [
        "forecast",
        "forecasts",
        "projected",
        "projects",
        "is guiding for",
        "guided for",
        "sees",
        "predicted",
        "is forecasting",
    ],
)
def test_a_forecast_of_annual_figures_is_expected(verb: str) -> None:
    text = f"Acme {verb} annual sales of $5 billion."
    (d,) = extract(text, reference=REF)
    assert (d.status.value, d.actors) == ("expected", ("Acme",))
    assert d.when.is_undated  # the fiscal year is not known
    assert [str(o.value) for o in d.observations] == ["$5 billion"]
    (fy,) = extract(text, reference=REF, fiscal_years={"Acme": "October"})
    assert str(fy.when) == "FY2026 (October 2025–September 2026)"
    assert str(fy.target) == "$5 billion by FY2026 (October 2025–September 2026) (Acme: sales)"


@pytest.mark.parametrize(
    "verb",
    ["forecasts", "forecast", "projected", "is guiding for", "guided for", "sees", "expects"],
)
def test_a_forecast_for_a_year_is_a_target(verb: str) -> None:
    (d,) = extract(f"Acme {verb} revenue of $5 billion in 2027.", reference=REF)
    assert (d.status.value, str(d.when)) == ("expected", "2027")
    assert str(d.target) == "$5 billion by 2027 (Acme: revenue)"


@pytest.mark.parametrize(
    "text",
    [
        "Acme saw revenue of $5 billion in 2025.",
        "Acme built the plant at a projected cost of $2 billion in 2024.",
        "The forecast was published in 2025.",
        "Acme reported revenue of $5 billion in the second quarter of 2025, beating forecasts "
        "of $4.8 billion.",
        "Revenue rose 10% to $5 billion in 2025, above analysts' forecasts of $4.8 billion.",
        "Acme's sales topped forecasts for 2025 of $4 billion.",
    ],
)
def test_not_a_forecast(text: str) -> None:
    drafts = extract(text, reference=REF)
    assert [d.status.value for d in drafts] == ["happened"]
    assert drafts[0].target is None


@pytest.mark.parametrize(
    ("text", "when", "figure"),
    [
        ("Acme will build a $2.5 billion research hub by 2030.", "by end of 2030", "$2.5 billion"),
        ("Acme will open a $2 billion plant in 2027.", "2027", "$2 billion"),
        ("Acme plans a £500 million factory in Wales by 2028.", "by end of 2028", "£500 million"),
        ("Acme will buy Beta for $3 billion by June.", "by June 2026", "$3 billion"),
        ("Acme will acquire Beta for about $3 billion in 2027.", "2027", "about $3 billion"),
        ("Acme plans a $1.2bn acquisition of Beta by 2027.", "by end of 2027", "$1.2 billion"),
        (
            "Acme will build the hub at a cost of $2.5 billion by 2030.",
            "by end of 2030",
            "$2.5 billion",
        ),
        ("Acme will start a $4 billion copper mine expansion in 2028.", "2028", "$4 billion"),
    ],
)
def test_a_price_is_no_target(text: str, when: str, figure: str) -> None:
    (d,) = extract(text, reference=REF)
    assert (str(d.when), d.status.value, d.target) == (when, "expected", None)
    assert [str(o.value) for o in d.observations] == [figure]
    assert str(d.observations[0].when) == "10 March 2026"  # the price, as said at publication
    assert d.kind not in ("target", "revenue-target")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Acme will invest $2.5 billion in a plant by 2030.",
            "$2.5 billion by end of 2030 (Acme: investment)",
        ),
        (
            "Acme aims for $5 billion revenue by 2030.",
            "$5 billion revenue by end of 2030 (Acme: revenue)",
        ),
        (
            "Acme expects $600 million in ARR by 2028.",
            "$600 million by end of 2028 (Acme: ARR)",
        ),
        ("Acme will open 3 plants by 2030.", "3 plants by end of 2030 (Acme: plants)"),
        (
            "Acme will spend $2 billion on new plants by 2028.",
            "$2 billion by end of 2028 (Acme: spending)",
        ),
    ],
)
def test_what_a_goal_counts_stays_a_target(text: str, target: str) -> None:
    (d,) = extract(text, reference=REF)
    assert str(d.target) == target


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["$2 billion", "€800 million", "£1.5bn", "$650m"]),
    st.sampled_from(
        [
            "plant",
            "research hub",
            "data centre",
            "smelter",
            "acquisition",
            "campus",
            "stadium",
            "pipeline",
        ]
    ),
    st.sampled_from(["by 2029", "in 2028", "by June"]),
)
def test_a_thing_priced_before_its_noun_is_no_goal(money: str, thing: str, date: str) -> None:
    (d,) = extract(f"Acme will build a {money} {thing} {date}.", reference=REF)
    assert d.target is None and d.status.value == "expected"
    assert len(d.observations) == 1
