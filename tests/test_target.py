"""Observations, growth and targets: progress, pace and honest status."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import (
    Bound,
    Growth,
    Observation,
    Quantity,
    Source,
    Target,
    TargetError,
    TargetStatus,
    When,
    growth,
)

YEAR = 365.2425
MARCH = str(When.month(2026, 3))  # as the formatter writes it


def day(y: int, m: int, d: int) -> When:
    return When.day(y, m, d)


def obs(when: When, value: str) -> Observation:
    return Observation(when, value)


class TestObservation:
    def test_text_is_parsed(self) -> None:
        o = Observation("2025-03", "over 140 trillion tokens per day", source="NDA", note="n")
        assert o.when == When.month(2025, 3)
        assert o.value == Quantity(140 * 10**12, "tokens per day", bound="more_than")
        assert o.source == Source("NDA")
        assert o.note == "n"
        assert str(o) == f"over 140 trillion tokens per day ({When.month(2025, 3)})"

    def test_dates_are_accepted(self) -> None:
        assert Observation(dt.date(2024, 1, 1), "1 x").when == day(2024, 1, 1)

    @pytest.mark.parametrize(
        ("when", "value", "message"),
        [
            ("2026-13", "1 x", "observation: when"),  # not a date
            (When.year(2026), "lots", "'lots' is not a quantity"),  # not a figure
            (When.year(2026), 5, "expected a Quantity or text"),  # a bare number
            (2026, "1 x", "expected a When, date or text"),  # a bare int year
        ],
    )
    def test_invalid(self, when: object, value: object, message: str) -> None:
        with pytest.raises(TargetError, match=message):
            Observation(when, value)  # type: ignore[arg-type]


class TestGrowth:
    @pytest.mark.parametrize(
        ("start", "end", "factor", "years", "rate"),
        [
            # exact days: one rate
            (
                obs(day(2024, 1, 1), "100 x"),
                obs(day(2026, 1, 1), "121 x"),
                "1.21",
                (731 / YEAR, 731 / YEAR),
                (1.21 ** (YEAR / 731) - 1, 1.21 ** (YEAR / 731) - 1),
            ),
            # the token calls: "over 140 trillion" by March 2025 is over 140x, and a
            # deadline date leaves the shortest time (so the highest rate) unbounded
            (
                obs(day(2024, 1, 1), "1 trillion tokens per day"),
                obs(When.month(2025, 3).by(), "over 140 trillion tokens per day"),
                "over 140",
                (None, 455 / YEAR),
                (140 ** (YEAR / 455) - 1, None),
            ),
            # months give a range of times, so a range of rates
            (
                obs(When.month(2024, 1), "$5 billion"),
                obs(When.month(2025, 1), "$10 billion"),
                "2",
                (336 / YEAR, 396 / YEAR),
                (2 ** (YEAR / 396) - 1, 2 ** (YEAR / 336) - 1),
            ),
            # a fall: a negative rate
            (
                obs(day(2024, 1, 1), "100 x"),
                obs(day(2025, 1, 1), "50 x"),
                "0.5",
                (366 / YEAR, 366 / YEAR),
                (0.5 ** (YEAR / 366) - 1, 0.5 ** (YEAR / 366) - 1),
            ),
            # an "up to" end: the factor has no floor, so neither has the rate
            (
                obs(day(2024, 1, 1), "$5 billion"),
                obs(day(2025, 1, 1), "up to $10 billion"),
                "up to 2",
                (366 / YEAR, 366 / YEAR),
                (None, 2 ** (YEAR / 366) - 1),
            ),
            # approximate dates count with their fuzzy bounds (a year either side):
            # from 2024-12-31 to 2025-01-01 at the shortest, 2024-01-01 to 2027-12-31 at most
            (
                obs(When.year(2024), "1 x"),
                obs(When.year(2026).qualify(approximate=True), "4 x"),
                "4",
                (1 / YEAR, 1460 / YEAR),
                (4 ** (YEAR / 1460) - 1, 4**YEAR - 1),
            ),
            # no bounded time at all: the factor stands, the rate is only "at least 0"
            (
                obs(When.year(2024).after(), "1 x"),
                obs(When.year(2025).after(), "2 x"),
                "2",
                (None, None),
                (0.0, None),
            ),
            # overlapping dates: the shortest time is 0, so the rate has no ceiling
            (
                obs(When.year(2024), "1 x"),
                obs(When.month(2024, 6), "2 x"),
                "2",
                (0.0, (182 - 1) / YEAR),
                (2 ** (YEAR / 181) - 1, None),
            ),
            # a huge rate over a day is a float overflow: infinite, not an error
            (
                obs(day(2024, 1, 1), "1 x"),
                obs(day(2024, 1, 2), "over 1 trillion x"),
                "over 1 trillion",
                (1 / YEAR, 1 / YEAR),
                (math.inf, None),
            ),
        ],
    )
    def test_values(
        self,
        start: Observation,
        end: Observation,
        factor: str,
        years: tuple[float | None, float | None],
        rate: tuple[float | None, float | None],
    ) -> None:
        g = growth(start, end)
        assert isinstance(g, Growth)
        assert str(g.factor) == factor
        assert g.years == pytest.approx(years)
        assert g.annual_rate == pytest.approx(rate)

    def test_str(self) -> None:
        g = growth(
            obs(day(2024, 1, 1), "1 trillion tokens per day"),
            obs(When.month(2025, 3).by(), "over 140 trillion tokens per day"),
        )
        assert str(g).startswith(
            f"over 140× from 1 trillion tokens per day ({day(2024, 1, 1)}) to "
        )
        assert str(g).endswith(": at least 5,182% a year")

    def test_str_of_a_huge_rate_stays_readable(self) -> None:
        # "2024" to "2025" may be one day apart: the upper rate is ~10^111%, not written out
        g = growth(obs(When.year(2024), "$1bn"), obs(When.year(2025), "$2bn"))
        assert str(g).endswith(": 41.5% to over 1,000,000% a year")

    def test_a_huge_upper_rate_alone_is_no_bound(self) -> None:
        # "at most over 1,000,000%" said nothing and read as a contradiction
        g = growth(obs(When.year(2025), "over $1bn"), obs(When.year(2026), "$2bn"))
        assert g.annual_rate[0] is None
        assert str(g).endswith(": an unknown rate a year")

    @pytest.mark.parametrize(
        ("start", "end", "message"),
        [
            (obs(day(2025, 1, 1), "1 x"), obs(day(2024, 1, 1), "2 x"), "not after"),  # reversed
            (obs(day(2024, 1, 1), "1 x"), obs(day(2024, 1, 1), "2 x"), "not after"),  # same day
            (obs(day(2024, 1, 1), "$1"), obs(day(2025, 1, 1), "2 x"), "units"),  # units differ
            (obs(day(2024, 1, 1), "0 x"), obs(day(2025, 1, 1), "2 x"), "may be zero"),  # from 0
            # a growth factor is a ratio of amounts: -5% to 5% was "growth -1", a rate of -100%
            (obs(day(2024, 1, 1), "-5%"), obs(day(2025, 1, 1), "5%"), "negative"),
            (obs(day(2024, 1, 1), "5%"), obs(day(2025, 1, 1), "-5%"), "negative"),
            (obs(day(2024, 1, 1), "-5 x"), obs(day(2025, 1, 1), "-10 x"), "negative"),
            (obs(day(2024, 1, 1), "-2-3 x"), obs(day(2025, 1, 1), "4 x"), "negative"),
        ],
    )
    def test_invalid(self, start: Observation, end: Observation, message: str) -> None:
        with pytest.raises(TargetError, match=message):
            growth(start, end)


def enterprises(**kwargs: object) -> Target:
    return Target("AI-plus enterprises", "10,000 x", When.year(2030).by(), **kwargs)  # type: ignore[arg-type]


class TestTarget:
    def test_fields_and_text(self) -> None:
        t = Target("KeLing AI ARR", "$600 million", "2026", baseline=obs(day(2026, 3, 1), "$300M"))
        assert t.goal == Quantity(600 * 10**6, "USD")
        assert t.deadline == When.year(2026)
        assert str(t) == "$600 million by 2026 (KeLing AI ARR)"
        assert t.rising

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            (lambda: Target("", "1 x", When.year(2030)), "metric"),  # unnamed
            (lambda: Target("m", "lots", When.year(2030)), "'lots' is not a quantity"),
            (lambda: Target("m", "1 x", When.year(2030).after()), "no last day"),  # open-ended
            (lambda: Target("m", "1 x", "2026-13"), "deadline"),  # bad date
            (
                lambda: Target("m", "$5", When.year(2030), baseline=obs(day(2024, 1, 1), "5 x")),
                "different units",
            ),
            (
                lambda: Target("m", "5 x", When.year(2030), baseline=obs(day(2031, 1, 1), "1 x")),
                "after the deadline",
            ),
            (lambda: Target("m", "5 x", When.year(2030), baseline="1 x"), "Observation"),
        ],
    )
    def test_invalid(self, make: object, message: str) -> None:
        with pytest.raises(TargetError, match=message):
            make()  # type: ignore[operator]

    @pytest.mark.parametrize(
        ("target", "value", "expected"),
        [
            (enterprises(), "2,500 x", "0.25"),  # from zero without a baseline
            (enterprises(), "over 2,500 x", "over 0.25"),  # the bound carries
            (enterprises(), "up to 2,500 x", "up to 0.25"),
            (enterprises(), "2,000-3,000 x", "0.2–0.3"),
            (enterprises(), "12,000 x", "1.2"),  # past the goal
            (enterprises(baseline=obs(day(2024, 1, 1), "2,000 x")), "6,000 x", "0.5"),
            # a bounded baseline counts as its stated figure ...
            (enterprises(baseline=obs(day(2024, 1, 1), "over 2,000 x")), "6,000 x", "0.5"),
            # ... and is itself exactly the start
            (enterprises(baseline=obs(day(2024, 1, 1), "over 2,000 x")), "over 2,000 x", "0"),
            # a falling target: from 10% down to 5%
            (
                Target("share", "5%", When.year(2030), baseline=obs(day(2024, 1, 1), "10%")),
                "7.5%",
                "0.5",
            ),
            (Target("smart devices", "2-3 devices", When.year(2030)), "1 device", "0.5"),
        ],
    )
    def test_progress(self, target: Target, value: str, expected: str) -> None:
        assert str(target.progress(obs(day(2026, 1, 1), value))) == expected

    def test_progress_errors(self) -> None:
        flat = Target("m", "5 x", When.year(2030), baseline=obs(day(2024, 1, 1), "5 x"))
        # No way from the baseline to the goal: a figure reaching it is all the way (was
        # "may be zero"; tests/test_target_zero_way.py), one short of it has no share.
        assert flat.progress(obs(day(2025, 1, 1), "6 x")).midpoint == 1
        with pytest.raises(TargetError, match="is the goal itself"):
            flat.progress(obs(day(2025, 1, 1), "4 x"))
        with pytest.raises(TargetError, match="units"):
            enterprises().progress(obs(day(2025, 1, 1), "$6"))

    def test_falling_target_direction(self) -> None:
        assert not Target("share", "under 5%", When.year(2030)).rising
        assert Target("share", "under 5%", When.year(2030)).threshold == 5

    def test_required_growth(self) -> None:
        t = Target("m", "121 x", day(2026, 1, 1), baseline=obs(day(2024, 1, 1), "100 x"))
        needed = t.required_growth()
        assert str(needed.factor) == "1.21"
        assert needed.annual_rate == pytest.approx((1.21 ** (YEAR / 731) - 1,) * 2)
        # a year deadline counts to its last day
        t = Target("m", "121 x", When.year(2025).by(), baseline=obs(day(2024, 1, 1), "100 x"))
        assert t.required_growth().years == pytest.approx((730 / YEAR, 730 / YEAR))

    def test_required_growth_needs_a_baseline(self) -> None:
        with pytest.raises(TargetError, match="no baseline"):
            enterprises().required_growth()

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("115 x", True),  # 15% a year against the ~10% needed
            ("102 x", False),  # 2% a year
            ("over 102 x", None),  # could be anything above
            ("up to 115 x", None),  # could be anything below
            ("over 125 x", True),  # already past the goal
        ],
    )
    def test_on_track(self, value: str, expected: bool | None) -> None:
        t = Target("m", "121 x", day(2026, 1, 1), baseline=obs(day(2024, 1, 1), "100 x"))
        assert t.on_track(obs(day(2025, 1, 1), value)) is expected

    @pytest.mark.parametrize(
        ("baseline", "goal", "value", "expected"),
        [
            ("2%", "-5%", "0%", None),  # a pace of growth cannot cross zero: not judged
            ("2%", "-5%", "-6%", True),  # already past the goal
            ("-2%", "5%", "1%", None),
            ("-2%", "5%", "6%", True),
        ],
    )
    def test_on_track_with_figures_that_cross_zero(
        self, baseline: str, goal: str, value: str, expected: bool | None
    ) -> None:
        t = Target("m", goal, day(2030, 12, 31), baseline=obs(day(2024, 1, 1), baseline))
        assert t.on_track(obs(day(2026, 1, 1), value)) is expected

    def test_on_track_falling(self) -> None:
        t = Target("share", "5%", day(2026, 1, 1), baseline=obs(day(2024, 1, 1), "10%"))
        assert t.on_track(obs(day(2025, 1, 1), "6%")) is True  # fell faster than needed
        assert t.on_track(obs(day(2025, 1, 1), "9%")) is False

    @pytest.mark.parametrize(
        ("as_of", "observations", "expected"),
        [
            ("2026-06-01", [], "pending"),  # nothing yet, deadline ahead
            ("2026-06-01", [obs(When.month(2026, 3), "over 12,000 x")], "met"),  # a floor above
            ("2026-06-01", [obs(When.year(2026), "12,000 x")], "pending"),  # not known yet
            ("2030-12-31", [obs(When.month(2030, 3), "8,000 x")], "pending"),  # the last day
            ("2031-06-01", [obs(When.year(2030), "8,000 x")], "missed"),  # deadline-year figure
            ("2031-06-01", [obs(When.year(2030), "up to 8,000 x")], "missed"),  # ceiling below
            ("2031-06-01", [obs(When.year(2030), "over 8,000 x")], "unknown"),  # floor: no miss
            ("2031-06-01", [obs(When.year(2030), "up to 12,000 x")], "unknown"),  # ceiling: no met
            ("2031-06-01", [obs(When.year(2030), "9,000-11,000 x")], "unknown"),  # straddles
            ("2031-06-01", [obs(When.year(2029), "8,000 x")], "unknown"),  # could grow after
            # inside the deadline year but before its end: could still grow by 31 December
            ("2031-06-01", [obs(When.month(2030, 3), "8,000 x")], "unknown"),
            ("2031-06-01", [obs(When.quarter(2030, 3), "8,000 x")], "unknown"),
            ("2031-06-01", [obs(When.quarter(2030, 4), "8,000 x")], "missed"),  # to its end
            ("2031-06-01", [obs(day(2030, 12, 31), "8,000 x")], "missed"),  # the last day
            ("2031-06-01", [obs(When.month(2031, 3), "8,000 x")], "missed"),  # later, still short
            ("2031-06-01", [obs(When.month(2031, 3), "12,000 x")], "unknown"),  # reached late
            ("2031-06-01", [obs(When.year(2029), "about 10,000 x")], "met"),  # approx as stated
            # an approximate date counts with its fuzzy bounds: maybe after the deadline
            (
                "2031-06-01",
                [obs(When.month(2030, 12).qualify(approximate=True), "12,000 x")],
                "unknown",
            ),
            # evidence arrives later than the day asked about
            ("2029-06-01", [obs(When.year(2029), "12,000 x")], "pending"),
            ("2030-06-01", [obs(When.year(2029), "12,000 x")], "met"),
        ],
    )
    def test_status(self, as_of: str, observations: list[Observation], expected: str) -> None:
        status = enterprises().status(as_of, observations)
        assert isinstance(status, TargetStatus)
        assert status == expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("4%", "met"),
            ("up to 4%", "met"),  # a ceiling below a falling goal proves it met
            ("over 6%", "missed"),  # a floor above it proves a miss
            ("over 4%", "unknown"),
        ],
    )
    def test_status_falling(self, value: str, expected: str) -> None:
        t = Target("share", "under 5%", When.year(2030).by())
        assert t.status("2031-06-01", [obs(When.year(2030), value)]) == expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("4%", "met"),  # March: down to the goal already
            ("6%", "unknown"),  # March, still above: could fall by 31 December
        ],
    )
    def test_status_falling_inside_the_deadline_year(self, value: str, expected: str) -> None:
        t = Target("share", "under 5%", When.year(2030).by())
        assert t.status("2031-06-01", [obs(When.month(2030, 3), value)]) == expected

    def test_status_compares_instants_in_utc(self) -> None:
        # due 23:00 at UTC-5 (04:00 UTC on 1 July); reached at 02:00 UTC on 1 July: in time
        t = Target("x", "10,000 x", "2030-06-30T23:00-05:00")
        reached = [obs(When.parse("2030-07-01T02:00Z"), "10,500 x")]
        assert t.status("2030-07-02", reached) == "met"
        late = [obs(When.parse("2030-07-01T05:00Z"), "10,500 x")]
        assert t.status("2030-07-02", late) == "unknown"

    def test_status_uses_the_baseline(self) -> None:
        # the baseline is evidence too: here a figure for the deadline year itself
        t = enterprises(baseline=obs(When.year(2030), "8,000 x"))
        assert t.status("2031-06-01") == "missed"
        assert t.status("2030-06-01") == "pending"

    def test_describe(self) -> None:
        t = Target(
            "KeLing AI ARR", "$600 million", "2026", baseline=obs(When.month(2026, 3), "$300M")
        )
        assert t.describe() == (
            f"$600 million by 2026 (KeLing AI ARR); from $300 million ({MARCH}); "
            f"0% of the way ($300 million ({MARCH}))"
        )
        later = [obs(When.month(2026, 9), "over $450 million")]
        assert t.describe(later, as_of="2026-10-01") == (
            f"$600 million by 2026 (KeLing AI ARR); from $300 million ({MARCH}); "
            f"over 50% of the way (over $450 million ({When.month(2026, 9)})); pending"
        )


# -- properties ----------------------------------------------------------------------

positive = st.integers(1, 10**12)
# Spans of a year or more keep the annual rates within float precision (a halving in a
# day is a rate of -1 + 1e-110, which a float rounds to -1).
offsets = st.integers(366, 5000)
moderate = st.integers(1, 10**6)


@st.composite
def three_observations(draw: st.DrawFn) -> tuple[Observation, Observation, Observation]:
    first = dt.date(2000, 1, 1) + dt.timedelta(days=draw(st.integers(0, 9000)))
    second = first + dt.timedelta(days=draw(offsets))
    third = second + dt.timedelta(days=draw(offsets))
    values = [draw(moderate) for _ in range(3)]
    return tuple(  # type: ignore[return-value]
        Observation(d, Quantity(v, "tokens"))
        for d, v in zip((first, second, third), values, strict=True)
    )


class TestProperties:
    @settings(max_examples=100)
    @given(three_observations())
    def test_growth_composes(self, items: tuple[Observation, Observation, Observation]) -> None:
        a, b, c = items
        ab, bc, ac = growth(a, b), growth(b, c), growth(a, c)
        product = ab.factor * bc.factor
        assert product.bound is Bound.EXACT
        assert abs(product.value - ac.factor.value) <= ac.factor.value * Decimal("1e-20")
        assert ab.years[0] + bc.years[0] == pytest.approx(ac.years[0])  # type: ignore[operator]
        # compounding the two rates over their spans gives the whole rate over the whole span
        parts = [(1 + g.annual_rate[0]) ** g.years[0] for g in (ab, bc)]  # type: ignore[operator]
        whole = (1 + ac.annual_rate[0]) ** ac.years[0]  # type: ignore[operator]
        assert math.isclose(parts[0] * parts[1], whole, rel_tol=1e-6)

    @settings(max_examples=100)
    @given(positive, positive, st.integers(2024, 2040))
    def test_progress_is_0_at_baseline_and_1_at_goal(
        self, start: int, goal: int, year: int
    ) -> None:
        if start == goal:
            return
        baseline = Observation(When.year(2023), Quantity(start, "enterprises"))
        t = Target("m", Quantity(goal, "enterprises"), When.year(year).by(), baseline=baseline)
        assert t.progress(baseline) == Quantity(0, "")
        assert t.progress(Observation(When.year(year), Quantity(goal, "enterprises"))) == Quantity(
            1, ""
        )

    @settings(max_examples=100)
    @given(
        st.integers(0, 20_000),
        st.sampled_from([Bound.AT_LEAST, Bound.AT_MOST]),
        st.integers(2026, 2033),
        st.integers(2026, 2034),
    )
    def test_one_sided_figures_prove_one_side_only(
        self, value: int, bound: Bound, year: int, as_of: int
    ) -> None:
        observation = Observation(When.year(year), Quantity(value, "x", bound=bound))
        status = enterprises().status(f"{as_of}-12-31", [observation])
        # "at least" can meet a rising target but never prove a miss; "at most" the reverse
        forbidden = TargetStatus.MISSED if bound is Bound.AT_LEAST else TargetStatus.MET
        assert status != forbidden
