"""The bundled AI-race dataset's figures (issue 6 §3), asserted exactly.

The article says daily token calls grew "more than a thousand-fold" from 1 trillion
(start of 2024) to over 140 trillion (by March 2025); the figures give over 140x in
at most 15 months. These tests compute that, and the other figures, from the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import timeline
from timeline import Bound, Observation, Quantity, Target, When, growth

YEAR = 365.2425
T, B, M = 10**12, 10**9, 10**6
DATA = Path(timeline.__file__).parent / "data" / "ai_race_2026.yaml"

# The dataset is written on another branch; these tests run once it is merged.
pytestmark = pytest.mark.skipif(not DATA.exists(), reason=f"{DATA} is not there yet")


def _observation(record: dict[str, Any]) -> Observation:
    return Observation(record["when"], record["value"], note=record.get("note"))


def _target(record: dict[str, Any]) -> Target:
    baseline = record.get("baseline")
    return Target(
        record["metric"],
        record["goal"],
        record["deadline"],
        baseline=None if baseline is None else _observation(baseline),
    )


class Figures:
    """An event's figures: its target and observations, built from the file's records."""

    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record
        self.target = _target(record["target"]) if "target" in record else None
        self.observations = [_observation(o) for o in record.get("observations", ())]


@pytest.fixture(scope="module")
def figures() -> dict[str, Figures]:
    # Read the shipped file directly (the loader builds the same values from it).
    import yaml  # a dependency that arrives with the dataset

    data = yaml.safe_load(DATA.read_text("utf-8"))
    return {event["id"]: Figures(event) for event in data["events"]}


class TestTokenCalls:
    def test_the_two_figures(self, figures: dict[str, Figures]) -> None:
        start, end = figures["china-daily-token-calls"].observations
        assert start.value == Quantity(1 * T, "tokens per day")
        assert end.value == Quantity(140 * T, "tokens per day", bound="more_than")
        assert start.when == When.parse("start of 2024")
        assert end.when == When.parse("by March 2025")

    def test_growth_is_about_140_fold_not_a_thousand(self, figures: dict[str, Figures]) -> None:
        g = growth(*figures["china-daily-token-calls"].observations)
        assert g.factor == Quantity(140, "", bound="more_than")
        assert str(g.factor) == "over 140"
        # The figures do not show a thousand-fold rise, nor rule one out ("over").
        assert not g.factor.definitely_above(Quantity(1000, ""))
        assert not g.factor.definitely_below(Quantity(1000, ""))
        # At most 455 days (2024-01-01 to 2025-03-31), not "two years".
        assert g.years == (None, pytest.approx(455 / YEAR))
        assert g.annual_rate == (pytest.approx(140 ** (YEAR / 455) - 1), None)

    def test_the_quote_sits_beside_the_figures(self, figures: dict[str, Figures]) -> None:
        record = figures["china-daily-token-calls"].record
        assert "more than a thousand‑fold" in record["sources"][0]["quote"]


class TestTargets:
    def test_keling_ai_arr(self, figures: dict[str, Figures]) -> None:
        (seen,) = figures["keling-ai-300m-arr"].observations
        assert seen.value == Quantity(300 * M, "USD", bound="more_than")
        target = figures["keling-ai-600m-arr-by-2026"].target
        assert target is not None
        assert target.goal == Quantity(600 * M, "USD")
        assert target.deadline == When.year(2026).by()
        assert target.baseline is not None
        assert target.baseline.value == seen.value
        assert target.required_growth().factor == Quantity(2, "")  # "expects to double"
        assert target.progress(target.baseline) == Quantity(0, "")
        assert target.status("2026-04-01") == "pending"

    def test_guangzhou_enterprises(self, figures: dict[str, Figures]) -> None:
        target = figures["guangzhou-10000-ai-plus-enterprises"].target
        assert target is not None
        assert target.goal == Quantity(10_000, "enterprises")
        assert str(target.goal) == "10,000 enterprises"
        assert target.deadline == When.year(2030).by()
        assert target.status("2026-04-01") == "pending"
        assert target.status("2031-01-01") == "unknown"  # no figure for 2030 recorded

    def test_guangzhou_smart_devices(self, figures: dict[str, Figures]) -> None:
        target = figures["guangzhou-national-smart-devices"].target
        assert target is not None
        assert target.goal == Quantity.range(2, 3, "devices")
        assert target.threshold == 2

    def test_china_ai_industry(self, figures: dict[str, Figures]) -> None:
        target = figures["china-ai-industry-10-trillion-cny"].target
        assert target is not None
        assert target.goal == Quantity(10 * T, "CNY", bound="more_than")
        assert target.goal.bound is Bound.MORE_THAN
        assert str(target.deadline.latest) == "2030-12-31"


class TestInvestments:
    def test_meta_doubles_texas_investment(self, figures: dict[str, Figures]) -> None:
        before, after = figures["meta-texas-data-center-investment-doubled"].observations
        assert before.value == Quantity(5 * B, "USD")
        assert after.value == Quantity(10 * B, "USD")
        g = growth(before, after)
        assert g.factor == Quantity(2, "")  # "doubled"
        assert g.years[1] is None  # the earlier figure has no date: no rate to give

    def test_anthropic_seeks_up_to_10_billion(self, figures: dict[str, Figures]) -> None:
        (sought,) = figures["anthropic-funding-up-to-10-billion"].observations
        assert sought.value == Quantity(10 * B, "USD", bound="at_most")
        assert str(sought.value) == "up to $10 billion"
