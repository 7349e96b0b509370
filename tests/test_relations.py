"""The honest relations under one rule (issue 11 §1, DESIGN §2).

"Could" relations (`possibly_before`, `overlaps`) hold for some reading of both
values, each at its widest; "surely" relations (`definitely_before`,
`contains`) for every reading: a container at its narrowest (plain bounds), the
other side at its widest. A floating day spans every UTC offset when compared
with an instant.
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import whens as any_whens
from test_timeline_properties import whens as near_whens
from timeline import When

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
P = When.parse


@st.composite
def extreme_instants(draw: st.DrawFn) -> When:
    """Instants at any offset a `When` holds (-18:00..+18:00), near 2026-04-15, or naive."""
    day = draw(st.dates(dt.date(2026, 4, 13), dt.date(2026, 4, 17)))
    naive = dt.datetime(
        day.year, day.month, day.day, draw(st.integers(0, 23)), draw(st.integers(0, 59))
    )
    if draw(st.booleans()):
        minutes = draw(st.integers(-18 * 60, 18 * 60))
        return When.instant(naive.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes))))
    return When.instant(naive)


def _days() -> st.SearchStrategy[When]:
    return st.dates(dt.date(2026, 4, 12), dt.date(2026, 4, 18)).map(
        lambda d: When.day(d.year, d.month, d.day)
    )


LEVEL2 = [
    When.from_edtf(t)
    for t in (
        "[2026-03,2026-05]",
        "{2026-04-14,2026-04-16}",
        "[..2026-04-15,2026-06]",
        "[2026-04-16,2026-05..]",
        "2026?-04-~15",
        "2026-04-1X",
        "202X-04",
        "2026-29",
        "2026-30",
        "2000S2",
    )
] + [P("early 2020s"), P("mid-2020s"), P("Q3 or Q4 2026"), P("no earlier than April 2026")]


def values() -> st.SearchStrategy[When]:
    near = st.one_of(_days(), extreme_instants())
    qualified = near.map(lambda w: w.qualify(approximate=True))
    return st.one_of(
        near,
        qualified,
        near_whens(),
        any_whens(2025, 2027),
        st.sampled_from(LEVEL2),
        st.just(When.undated()),
    )


class TestKnownCases:
    @pytest.mark.parametrize(
        ("a", "b", "a_before_b", "b_before_a", "overlap"),
        [
            # the approximate April may be May: it overlaps (it used to be none of the three)
            (P("2026-04~"), P("2026-05"), False, False, True),
            (P("2026-03"), P("2026-04"), True, False, False),
            (P("2026-03~"), P("2026-04"), False, False, True),
            # a floating day spans every offset: it starts first at UTC+14
            (P("2026-04-15"), P("2026-04-15T10:00+08:00"), False, False, True),
            (P("2026-04-13"), P("2026-04-15T10:00+08:00"), True, False, False),
            # 15 April 10:00 UTC is before 16 April starts at UTC+14? No: it starts at 10:00 UTC
            (P("2026-04-15T09:59Z"), P("2026-04-16"), True, False, False),
            (P("2026-04-15T10:00Z"), P("2026-04-16"), False, False, True),
            # two floating days compare by the calendar
            (P("2026-04-15"), P("2026-04-16"), True, False, False),
            # the undated value could be any time
            (When.undated(), P("2026"), False, False, True),
            # a deadline against its own year
            (P("by 2030"), P("2031"), True, False, False),
        ],
    )
    def test_trichotomy_table(
        self, a: When, b: When, a_before_b: bool, b_before_a: bool, overlap: bool
    ) -> None:
        assert a.definitely_before(b) is a_before_b
        assert b.definitely_before(a) is b_before_a
        assert a.overlaps(b) is overlap and b.overlaps(a) is overlap

    def test_floating_day_is_possibly_before_an_instant_that_day(self) -> None:
        # at UTC+14 the day starts before 02:00 UTC
        assert P("2026-04-15").possibly_before(P("2026-04-15T10:00+08:00"))

    @pytest.mark.parametrize(
        ("container", "other", "contains"),
        [
            # the approximate month may be March: not surely inside April
            (P("2026-04"), P("2026-04~"), False),
            (P("2026-Q2"), P("2026-04"), True),
            (P("2026-Q2"), P("2026-04~"), False),
            (P("2026"), P("2026-04~"), True),
            # a floating day holds an instant whose local date is that day
            (P("2026-04-15"), P("2026-04-15T23:00+08:00"), True),
            (P("2026-04-16"), P("2026-04-15T23:00+08:00"), False),
            # an instant-bounded container holds a day only if every reading fits
            (P("2026-04-14T00:00Z/2026-04-17T00:00Z"), P("2026-04-15"), True),
            (P("2026-04-15T00:00Z/2026-04-16T00:00Z"), P("2026-04-15"), False),
            # the undated value is surely inside nothing bounded, and holds nothing
            (P("2026"), When.undated(), False),
            (When.undated(), P("2026"), False),
            # an unknown end may come as soon as the start allows: at its narrowest the
            # interval is its known end's span (it held 2030 as if the end were open)
            (P("2026/"), P("2030"), False),
            (P("2026/"), P("2026-04"), True),
            (P("/2026"), P("1990"), False),
            (P("/2026"), P("2026-04"), True),
            (When.interval("unknown", "unknown"), P("2026"), False),
            # an open end is a bound: it runs on for ever
            (P("2026/.."), P("2030"), True),
            (P("../2026"), P("1990"), True),
        ],
    )
    def test_contains_table(self, container: When, other: When, contains: bool) -> None:
        assert container.contains(other) is contains


class TestProperties:
    @SETTINGS
    @given(values(), values())
    def test_exactly_one_of_before_after_overlap(self, a: When, b: When) -> None:
        truths = (a.definitely_before(b), b.definitely_before(a), a.overlaps(b))
        assert sum(truths) == 1, truths
        assert a.overlaps(b) is b.overlaps(a)

    @SETTINGS
    @given(values(), values())
    def test_contains_implies_overlaps(self, a: When, b: When) -> None:
        if a.contains(b):
            assert a.overlaps(b)

    @SETTINGS
    @given(values(), values())
    def test_definitely_before_implies_sorting_before(self, a: When, b: When) -> None:
        if a.definitely_before(b):
            assert a < b
            assert a.possibly_before(b)

    @SETTINGS
    @given(values(), values())
    def test_possibly_before_is_not_surely_after(self, a: When, b: When) -> None:
        assert a.possibly_before(b) is not b.definitely_before(a)

    @SETTINGS
    @given(values())
    def test_a_value_overlaps_itself(self, a: When) -> None:
        assert a.overlaps(a)
        assert not a.definitely_before(a)


def test_floating_day_and_aware_instant_frame_follows_extreme_offsets() -> None:
    # 15 April 00:00 at UTC+18 is 14 April 06:00 UTC: its local date is the 15th,
    # so the day holds it, and therefore could overlap it too.
    far_east = When.instant(
        pendulum.datetime(2026, 4, 15, 0, tz=pendulum.fixed_timezone(18 * 3600))
    )
    day = P("2026-04-15")
    assert day.contains(far_east)
    assert day.overlaps(far_east)
