"""The `When` model: constructors, bounds, fuzzy bounds, order and honest comparisons."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates._when import DEFAULT_FUZZ, Precision, Relation, When, WhenError

D = pendulum.date
UTC8 = pendulum.fixed_timezone(8 * 3600)
UTC_10 = pendulum.fixed_timezone(-10 * 3600)


class TestConstructors:
    @pytest.mark.parametrize(
        ("when", "earliest", "latest", "precision"),
        [
            (When.day(2026, 4, 15), D(2026, 4, 15), D(2026, 4, 15), "day"),
            # ISO week 15 of 2026 runs Monday 6 to Sunday 12 April
            (When.week(2026, 15), D(2026, 4, 6), D(2026, 4, 12), "week"),
            # the last dekad runs to the month's end
            (When.dekad(2026, 2, 3), D(2026, 2, 21), D(2026, 2, 28), "dekad"),
            (When.month(2024, 2), D(2024, 2, 1), D(2024, 2, 29), "month"),
            # winter starts in December and ends in the next year
            (When.season(2026, 24), D(2026, 12, 1), D(2027, 2, 28), "season"),
            (When.season(2026, 21), D(2026, 3, 1), D(2026, 5, 31), "season"),
            (When.quarter(2026, 2), D(2026, 4, 1), D(2026, 6, 30), "quarter"),
            # "early 2024" is the first third: January to April
            (When.third(2024, 1), D(2024, 1, 1), D(2024, 4, 30), "third"),
            (When.half(2026, 2), D(2026, 7, 1), D(2026, 12, 31), "half"),
            (When.year(2030), D(2030, 1, 1), D(2030, 12, 31), "year"),
            (When.decade(2020), D(2020, 1, 1), D(2029, 12, 31), "decade"),
            (When.century(2000), D(2000, 1, 1), D(2099, 12, 31), "century"),
        ],
    )
    def test_calendar_spans(
        self, when: When, earliest: dt.date, latest: dt.date, precision: str
    ) -> None:
        assert (when.earliest, when.latest) == (earliest, latest)
        assert when.precision is Precision(precision)
        assert not when.is_instant

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (lambda: When.month(2026, 13), "month must be 1..12, got 13"),
            (lambda: When.day(2025, 2, 29), "day must be 1..28 in that month, got 29"),
            (lambda: When.day(2026, 4, 31), "day must be 1..30"),
            (lambda: When.quarter(2026, 5), "quarter must be 1..4, got 5"),
            (lambda: When.half(2026, 3), "half must be 1 or 2, got 3"),
            (lambda: When.week(2026, 54), "week must be 1..53 in 2026, got 54"),
            (lambda: When.season(2026, 33), "season code must be 21..32"),
            (lambda: When.decade(2025), "a decade starts on a year ending in 0"),
            (lambda: When.year(10000), "year must be 1..9999"),
            (lambda: When.season(9999, 24), "a season from December 9999 runs past year 9999"),
            (lambda: When.week(9999, 52), "the week runs past year 9999"),  # not OverflowError
        ],
    )
    def test_invalid_arguments_raise_value_errors_naming_the_call(
        self, call: object, message: str
    ) -> None:
        with pytest.raises(WhenError, match=message) as info:
            call()  # type: ignore[operator]
        assert isinstance(info.value, ValueError)
        assert str(info.value).startswith("When.")

    def test_instant_keeps_its_offset(self) -> None:
        moment = pendulum.datetime(2026, 4, 15, 10, tz=UTC8)
        w = When.instant(moment)
        assert w.earliest == moment
        assert w.earliest.utcoffset() == dt.timedelta(hours=8)  # type: ignore[union-attr]
        assert w.precision is Precision.MINUTE
        assert w.is_instant

    def test_instant_from_stdlib_datetime_with_seconds(self) -> None:
        w = When.instant(dt.datetime(2026, 4, 15, 10, 0, 5, tzinfo=dt.UTC))
        assert isinstance(w.earliest, pendulum.DateTime)
        assert w.precision is Precision.SECOND

    def test_ambiguous_local_time_equals_the_same_instant_with_an_offset(self) -> None:
        # 02:00 on 28 September 1980 happened twice in Paris (clocks went back at 03:00)
        moment = pendulum.datetime(1980, 9, 28, 2, tz="Europe/Paris")
        offset = moment.utcoffset()
        assert offset is not None
        zoned = When.instant(moment)
        fixed = When.instant(moment.replace(tzinfo=pendulum.fixed_timezone(offset.seconds)))
        assert zoned == fixed
        assert hash(zoned) == hash(fixed)

    def test_naive_instant_stays_naive(self) -> None:
        w = When.instant(dt.datetime(2026, 4, 15, 10))
        assert isinstance(w.earliest, pendulum.DateTime)
        assert w.earliest.tzinfo is None


class TestRelations:
    def test_deadline_is_unbounded_below(self) -> None:
        w = When.year(2030).by()
        assert w.relation is Relation.BY
        assert (w.earliest, w.latest) == (None, D(2030, 12, 31))

    def test_before_ends_the_day_before(self) -> None:
        assert When.year(2030).before().latest == D(2029, 12, 31)
        assert When.year(2030).before().earliest is None

    def test_after_starts_the_day_after(self) -> None:
        w = When.month(2025, 3).after()
        assert (w.earliest, w.latest) == (D(2025, 4, 1), None)

    def test_relations_do_not_stack(self) -> None:
        with pytest.raises(WhenError, match="already has a relation"):
            When.year(2030).by().after()

    def test_intervals_with_open_and_unknown_ends(self) -> None:
        open_start = When.interval("open", When.year(2030))
        unknown_end = When.interval(When.month(2026, 4), "unknown")
        assert (open_start.earliest, open_start.latest) == (None, D(2030, 12, 31))
        assert (unknown_end.earliest, unknown_end.latest) == (D(2026, 4, 1), None)
        assert open_start != When.interval("unknown", When.year(2030))

    def test_interval_precision_is_mixed_when_ends_differ(self) -> None:
        assert When.interval(When.month(2026, 4), When.year(2027)).precision is Precision.MIXED
        assert When.interval(When.year(2026), When.year(2027)).precision is Precision.YEAR

    def test_interval_is_qualified_through_its_ends(self) -> None:
        span = When.interval(When.year(2026), When.year(2027))
        with pytest.raises(WhenError, match="qualify the ends"):
            span.qualify(approximate=True)
        assert span.qualify() == span  # clearing qualifiers is harmless

    @pytest.mark.parametrize(
        "call",
        [
            lambda: When.year(9999).after(),  # nothing after 31 December 9999
            lambda: When.day(1, 1, 1).before(),  # nothing before 1 January 1
        ],
    )
    def test_relations_past_the_calendars_edge_raise(self, call: object) -> None:
        with pytest.raises(WhenError, match=r"beyond 1\.\.9999"):
            call()  # type: ignore[operator]

    def test_interval_ending_before_it_starts_raises(self) -> None:
        with pytest.raises(WhenError, match="ends before it starts"):
            When.interval(When.year(2026), When.year(2025))


class TestFuzzyBounds:
    @pytest.mark.parametrize(
        ("when", "lo", "hi"),
        [
            # one unit either side, on unit boundaries
            (When.month(2026, 4).qualify(approximate=True), D(2026, 3, 1), D(2026, 5, 31)),
            (When.month(2026, 4).qualify(uncertain=True), D(2026, 3, 1), D(2026, 5, 31)),
            # two units for "%": approximate and uncertain
            (
                When.month(2026, 4).qualify(approximate=True, uncertain=True),
                D(2026, 2, 1),
                D(2026, 6, 30),
            ),
            (When.dekad(2026, 4, 3).qualify(approximate=True), D(2026, 4, 11), D(2026, 5, 10)),
            (When.quarter(2026, 1).qualify(approximate=True), D(2025, 10, 1), D(2026, 6, 30)),
            # exact values are not widened
            (When.month(2026, 4), D(2026, 4, 1), D(2026, 4, 30)),
            # a deadline is only widened where it is bounded
            (When.year(2030).qualify(approximate=True).by(), None, D(2031, 12, 31)),
        ],
    )
    def test_default_policy(self, when: When, lo: dt.date | None, hi: dt.date | None) -> None:
        assert when.fuzzy_bounds() == (lo, hi)
        assert (when.fuzzy_earliest, when.fuzzy_latest) == (lo, hi)

    def test_policy_is_replaceable(self) -> None:
        wide = When.month(2026, 4).qualify(approximate=True)
        assert wide.fuzzy_bounds(lambda w: 3) == (D(2026, 1, 1), D(2026, 7, 31))
        assert DEFAULT_FUZZ(wide) == 1

    def test_padding_stops_at_the_calendars_edge(self) -> None:
        w = When.year(9999).qualify(approximate=True)
        assert w.fuzzy_latest == D(9999, 12, 31)


class TestOrder:
    def test_deadline_sorts_at_its_deadline(self) -> None:
        values = [When.year(2030).by(), When.month(2026, 4), When.year(2031), When.year(2026)]
        assert sorted(values) == [
            When.year(2026),
            When.month(2026, 4),
            When.year(2030).by(),
            When.year(2031),
        ]

    def test_same_start_shorter_first_then_exact_before_qualified(self) -> None:
        april, q2 = When.month(2026, 4), When.quarter(2026, 2)
        approx = april.qualify(approximate=True)
        assert sorted([q2, approx, april]) == [april, approx, q2]

    def test_unbounded_latest_sorts_last(self) -> None:
        assert When.interval(When.month(2026, 4), "open") > When.quarter(2026, 2)

    def test_foreign_types_are_not_comparable(self) -> None:
        with pytest.raises(TypeError):
            _ = When.year(2026) < 2026  # type: ignore[operator]
        assert When.year(2026) != "2026"


class TestComparisons:
    def test_definitely_before_respects_fuzz(self) -> None:
        march, april = When.month(2026, 3), When.month(2026, 4)
        assert march.definitely_before(april)
        assert not march.qualify(approximate=True).definitely_before(april)
        assert not april.definitely_before(march)

    def test_possibly_before(self) -> None:
        assert When.year(2026).possibly_before(When.month(2026, 1))
        assert not When.year(2027).possibly_before(When.month(2026, 1))
        assert When.year(2030).by().possibly_before(When.year(2000))

    def test_overlaps_and_contains_mixed_precision(self) -> None:
        april, q2 = When.month(2026, 4), When.quarter(2026, 2)
        assert april.overlaps(q2) and q2.overlaps(april)
        assert q2.contains(april) and not april.contains(q2)
        assert D(2026, 4, 30) in april and D(2026, 5, 1) not in april
        assert "April" not in april  # not a date: never contained

    def test_floating_day_contains_instant_by_local_date(self) -> None:
        late_in_beijing = pendulum.datetime(2026, 4, 15, 23, tz=UTC8)  # 15:00 UTC
        assert late_in_beijing in When.day(2026, 4, 15)
        assert late_in_beijing not in When.day(2026, 4, 16)

    def test_instants_compare_in_utc(self) -> None:
        beijing = When.instant(pendulum.datetime(2026, 4, 15, 10, tz=UTC8))  # 02:00 UTC
        london = When.instant(pendulum.datetime(2026, 4, 15, 3, tz="UTC"))
        assert beijing.definitely_before(london)
        assert beijing < london

    def test_day_and_instant(self) -> None:
        beijing = When.instant(pendulum.datetime(2026, 4, 15, 10, tz=UTC8))  # 02:00 UTC
        # A floating day spans every offset: 14 April at UTC-12 ends at 12:00 UTC on
        # the 15th, after this instant (issue 11 §1: was "definitely before").
        assert not When.day(2026, 4, 14).definitely_before(beijing)
        assert When.day(2026, 4, 13).definitely_before(beijing)
        assert beijing.definitely_before(When.day(2026, 4, 16))
        assert not When.day(2026, 4, 15).definitely_before(beijing)
        # late evening at UTC-10 is already the next day in UTC: not definitely before it
        honolulu = When.instant(pendulum.datetime(2026, 4, 15, 23, tz=UTC_10))
        assert not honolulu.definitely_before(When.day(2026, 4, 16))


def _whens() -> st.SearchStrategy[When]:
    years = st.integers(1990, 2040)
    plain = st.one_of(
        st.builds(When.day, years, st.integers(1, 12), st.integers(1, 28)),
        st.builds(When.month, years, st.integers(1, 12)),
        st.builds(When.quarter, years, st.integers(1, 4)),
        st.builds(When.third, years, st.integers(1, 3)),
        st.builds(When.year, years),
        st.builds(
            lambda y, m, d, h, off: When.instant(
                pendulum.datetime(y, m, d, h, tz=pendulum.fixed_timezone(off * 3600))
            ),
            years,
            st.integers(1, 12),
            st.integers(1, 28),
            st.integers(0, 23),
            st.integers(-12, 14),
        ),
    )
    qualified = st.builds(
        lambda w, a, u: w.qualify(approximate=a, uncertain=u), plain, st.booleans(), st.booleans()
    )
    related = st.builds(
        lambda w, r: w if r is None else w._relate(r),
        qualified,
        st.sampled_from([None, Relation.BY, Relation.BEFORE, Relation.AFTER]),
    )
    return related


class TestOrderProperties:
    @settings(max_examples=300)
    @given(_whens(), _whens())
    def test_definitely_before_implies_sorts_before(self, a: When, b: When) -> None:
        if a.definitely_before(b):
            assert a < b
            assert not b.definitely_before(a)

    @settings(max_examples=200)
    @given(_whens(), _whens(), _whens())
    def test_order_is_total_and_transitive(self, a: When, b: When, c: When) -> None:
        assert (a < b) + (b < a) + (a.sort_key == b.sort_key) == 1
        if a <= b and b <= c:
            assert a <= c

    @settings(max_examples=200)
    @given(st.lists(_whens(), max_size=12))
    def test_sorting_is_deterministic(self, values: list[When]) -> None:
        backwards = list(reversed(values))
        assert sorted(values) == sorted(backwards)
