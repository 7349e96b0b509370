"""The honest relations under one rule (issue 11 §1, DESIGN §2).

"Could" relations (`possibly_before`, `overlaps`) hold for some reading of both
values, each at its widest; "surely" relations (`definitely_before`,
`contains`) for every reading: a container at its narrowest (plain bounds), the
other side at its widest. A floating day spans every UTC offset when compared
with an instant.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import whens as any_whens
from test_timeline_properties import _frame, _inside, _meets, _start, _stop
from test_timeline_properties import whens as near_whens
from timeline import Event, Timeline, When
from timeline.dates._edtf_level2 import set_members
from timeline.dates._masks import mask_readings

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
        if _is_set(a) or _is_set(b):  # at most one: see TestSets
            assert sum(truths) <= 1, truths
        else:
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


# -- sets: the readings of an EDTF set are its members (DESIGN §2) ----------------------------


@st.composite
def _member(draw: st.DrawFn, open_side: str | None = None) -> tuple[str, When]:
    """One member of a set near April 2026, as EDTF text and as the value it stands for."""
    d = draw(st.dates(dt.date(2026, 3, 25), dt.date(2026, 5, 10)))
    day = When.day(d.year, d.month, d.day)
    if open_side == "start":
        return f"..{d.isoformat()}", day.by()
    if open_side == "stop":
        return f"{d.isoformat()}..", day.not_before()
    kind = draw(st.sampled_from(["day", "day", "month", "qualified", "instant", "range"]))
    if kind == "day":
        return d.isoformat(), day
    if kind == "month":
        return f"{d:%Y-%m}", When.month(d.year, d.month)
    if kind == "qualified":
        return f"{d.isoformat()}~", day.qualify(approximate=True)
    if kind == "instant":
        w = draw(extreme_instants())
        return w.to_edtf(), w
    other = d + dt.timedelta(days=draw(st.integers(0, 6)))
    last = When.day(other.year, other.month, other.day)
    return f"{d.isoformat()}..{other.isoformat()}", When.interval(day, last)


@st.composite
def edtf_sets(draw: st.DrawFn) -> tuple[When, list[When]]:
    """A one-of ``[..]`` or all-of ``{..}`` set of 1-4 members, maybe open at an end,
    with the members it was built from."""
    n = draw(st.integers(1, 4))
    sides: list[str | None] = [None] * n
    if draw(st.integers(0, 3)) == 0:
        sides[0] = "start"
    elif draw(st.integers(0, 3)) == 0:
        sides[-1] = "stop"
    if n == 1 and sides[0] is not None:
        sides[0] = None  # a set needs a bounded member
    members = [draw(_member(side)) for side in sides]
    close = draw(st.sampled_from(["[]", "{}"]))
    text = close[0] + ",".join(t for t, _ in members) + close[1]
    return When.from_edtf(text), [w for _, w in members]


def sets() -> st.SearchStrategy[When]:
    return edtf_sets().map(lambda pair: pair[0])


def set_values() -> st.SearchStrategy[When]:
    """Sets, and everything `values` draws, sets more often."""
    return st.one_of(sets(), sets(), values())


def _readings(w: When) -> list[tuple[object, object]]:
    """Brute force: a set is read as each of its members at its widest, unspecified digits
    as each run of days they allow (the runs are `mask_readings`', checked against every
    day in tests/test_when_oracle.py); else one span."""
    if w.form is not None and w.form[:1] in "[{":
        return [r for m in set_members(w.form) for r in _readings(m)]
    return list(mask_readings(w) or [w.fuzzy_bounds()])


def _member_holders(w: When) -> list[tuple[object, object]]:
    """A single value or an interval as a container at its narrowest: each run of its
    unspecified digits; an interval from the last start its ends allow to the first end."""
    if w.lower == "unknown" or w.upper == "unknown":
        known = w.upper if w.lower == "unknown" else w.lower
        return _member_holders(known) if isinstance(known, When) else []
    if w.is_interval:
        los = _member_holders(w.lower) if isinstance(w.lower, When) else [(None, None)]
        his = _member_holders(w.upper) if isinstance(w.upper, When) else [(None, None)]
        if not los or not his:
            return []
        last = None if isinstance(w.upper, str) else max(_day(h) for _, h in his)
        first = None if isinstance(w.lower, str) else min(_day(lo) for lo, _ in los)
        starts = [lo for lo, _ in los if lo is None or last is None or _day(lo) <= last]
        stops = [hi for _, hi in his if hi is None or first is None or _day(hi) >= first]
        if not starts or not stops:
            return []
        start = None if None in starts else max(starts, key=_day)
        stop = None if None in stops else min(stops, key=_day)
        if start is not None and stop is not None and _day(start) > _day(stop):
            return []
        return [(start, stop)]
    return list(mask_readings(w, plain=True) or [(w.earliest, w.latest)])


def _day(p: Any) -> Any:
    """A bound as a calendar day (only ends of days and months are compared here)."""
    return p.date() if isinstance(p, dt.datetime) else p


def _plain(w: When) -> list[list[tuple[object, object]]]:
    """A container at its narrowest, as groups of holders: one group a member of an all-of
    set (a member holds what each of its holders does), else one group of every holder
    (one of: what every member holds). An interval with an unknown end may end (or
    start) as soon as its known end allows, so at its narrowest it is that end's span
    (nothing, if both are unknown or open)."""
    if w.form is not None and w.form[:1] == "{":
        return [_member_holders(m) for m in set_members(w.form)]
    if w.form is not None and w.form[:1] == "[":
        return [[h for m in set_members(w.form) for h in _member_holders(m)]]
    return [_member_holders(w)]


def _ends_before(a: tuple[Any, Any], b: tuple[Any, Any]) -> bool:
    """Independent oracle: ``a`` surely ends before ``b`` starts (aware datetimes)."""
    frame = _frame((*a, *b))
    stop, start = _stop(a[1], frame), _start(b[0], frame)
    return stop is not None and start is not None and stop <= start


def brute_overlaps(a: When, b: When) -> bool:
    return any(_meets(x, y) for x in _readings(a) for y in _readings(b))


def brute_definitely_before(a: When, b: When) -> bool:
    return all(_ends_before(x, y) for x in _readings(a) for y in _readings(b))


def brute_contains(container: When, other: When) -> bool:
    if container.is_undated:
        return False
    groups = [g for g in _plain(container) if g]
    if not groups:
        return False
    return all(
        any(all(_inside(c, reading) for c in group) for group in groups)
        for reading in _readings(other)
    )


def _is_set(w: When) -> bool:
    """Several readings: a set, or unspecified digits that allow several runs of days."""
    return len(_readings(w)) > 1


class TestSets:
    """A set is read as its members: "April or June 2026" is never 10 May."""

    @pytest.mark.parametrize(
        ("a", "b", "overlap"),
        [
            # neither April nor June meets 10 May (the hull, April..June, did)
            ("April or June 2026", "2026-05-10", False),
            ("April or June 2026", "May 2026", False),
            ("April or June 2026", "2026-04-10", True),
            ("April or June 2026", "2026-06", True),
            ("April or June 2026", "Q2 2026", True),
            # all of: each member happens, and a window meets it where it meets one
            ("{2026-04-14,2026-04-16}", "2026-04-15", False),
            ("{2026-04-14,2026-04-16}", "2026-04-16", True),
            # a qualified member at its widest: c. April may be May
            ("[2026-04~,2026-06]", "2026-05-10", True),
            # an open member is a reading unbounded on one side
            ("[..2026-04-15,2026-06]", "2026-05-10", False),
            ("[..2026-04-15,2026-06]", "2020", True),
            ("[2026-04-16,2026-05..]", "2026-04-20", False),
            ("[2026-04-16,2026-05..]", "2027", True),
            # a range member reads whole
            ("[2026-04-10..2026-04-12,2026-04-20]", "2026-04-11", True),
            ("[2026-04-10..2026-04-12,2026-04-20]", "2026-04-15", False),
            # two sets: some member of one meets some member of the other
            ("April or June 2026", "[2026-05,2026-07]", False),
            ("April or June 2026", "[2026-05,2026-06-15]", True),
            # an instant member against a floating day, at every offset
            ("[2026-04-14T23:00-12:00,2026-06]", "2026-04-15", True),
            ("[2026-04-14T11:00Z,2026-06]", "2026-04-16", False),
        ],
    )
    def test_overlaps_table(self, a: str, b: str, overlap: bool) -> None:
        wa, wb = P(a), P(b)
        assert wa.overlaps(wb) is overlap
        assert wb.overlaps(wa) is overlap

    def test_an_interval_from_a_set_is_its_hull(self) -> None:
        # April-or-June to December reads as April..December or June..December: their
        # union, the hull, is every day some reading holds
        w = When.interval(P("April or June 2026"), P("2026-12"))
        assert w.overlaps(P("2026-05-10"))
        assert not w.overlaps(P("2026-03-31"))

    @pytest.mark.parametrize(
        ("a", "b", "a_before_b", "b_before_a"),
        [
            # some reading before, some after: none of the three holds
            ("April or June 2026", "2026-05-10", False, False),
            ("April or June 2026", "2026-07", True, False),
            ("April or June 2026", "2026-03", False, True),
            # each member compared in its own frame: 14 April and 15 April are two
            # calendar days, and 10 April 10:00 UTC is over long before: surely before
            # (the hull mixed the frames and said no)
            ("{2026-04-14,2026-04-10T10:00Z}", "2026-04-15", True, False),
            ("[2026-04-14,2026-04-10T10:00Z]", "2026-04-15", True, False),
        ],
    )
    def test_before_table(self, a: str, b: str, a_before_b: bool, b_before_a: bool) -> None:
        wa, wb = P(a), P(b)
        assert wa.definitely_before(wb) is a_before_b
        assert wb.definitely_before(wa) is b_before_a
        assert wa.possibly_before(wb) is not b_before_a

    @pytest.mark.parametrize(
        ("container", "other", "contains"),
        [
            # one of: surely only what every member holds
            ("April or June 2026", "2026-04-10", False),
            ("[2026-04,2026-04-10..2026-04-20]", "2026-04-15", True),
            ("[2026-04,2026-04-10..2026-04-20]", "2026-04-25", False),
            ("[..2026-04-15,2026-06]", "2026-06-10", False),
            # all of: what some member holds
            ("{2026-04,2026-06}", "2026-04-10", True),
            ("{2026-04,2026-06}", "2026-05-10", False),
            # a set inside: every member must be
            ("Q2 2026", "April or June 2026", True),
            ("April 2026", "April or June 2026", False),
            ("Q2 2026", "{2026-04-14,2026-07-01}", False),
            ("{2026-04,2026-06}", "[2026-04-10,2026-06-10]", True),
            ("[2026-04,2026-06]", "[2026-04-10,2026-06-10]", False),
            # a one-of value does not surely hold another reading of itself
            ("April or June 2026", "April or June 2026", False),
            ("{2026-04,2026-06}", "{2026-04,2026-06}", True),
        ],
    )
    def test_contains_table(self, container: str, other: str, contains: bool) -> None:
        assert P(container).contains(P(other)) is contains

    @SETTINGS
    @given(edtf_sets())
    def test_members_are_what_the_set_was_built_from(self, pair: tuple[When, list[When]]) -> None:
        w, members = pair
        assert list(set_members(w.form or "")) == members

    @SETTINGS
    @given(set_values(), set_values())
    def test_relations_are_the_brute_force_over_readings(self, a: When, b: When) -> None:
        assert a.overlaps(b) is brute_overlaps(a, b)
        assert a.definitely_before(b) is brute_definitely_before(a, b)
        assert a.possibly_before(b) is not brute_definitely_before(b, a)
        assert a.contains(b) is brute_contains(a, b)

    @SETTINGS
    @given(set_values(), set_values())
    def test_at_most_one_of_before_after_overlap(self, a: When, b: When) -> None:
        truths = (a.definitely_before(b), b.definitely_before(a), a.overlaps(b))
        assert sum(truths) <= 1, truths
        if not (_is_set(a) or _is_set(b)):
            assert sum(truths) == 1, truths
        elif sum(truths) == 0:
            # none holds only when some reading of a is before b and some after it
            pairs = [(x, y) for x in _readings(a) for y in _readings(b)]
            assert any(_ends_before(x, y) for x, y in pairs)
            assert any(_ends_before(y, x) for x, y in pairs)

    @SETTINGS
    @given(set_values(), set_values())
    def test_contains_implies_overlaps_and_sorting(self, a: When, b: When) -> None:
        if a.contains(b):
            assert a.overlaps(b)
        if a.definitely_before(b):
            assert a < b


class TestAnInstantToUnspecifiedDigits:
    """An interval from an instant to unspecified digits (or back) holds, at its narrowest,
    from the instant to the first run that does not end before it: it never raises."""

    @pytest.mark.parametrize(
        ("lower", "upper", "other", "inside"),
        [
            # from 7 February 2025 19:00 UTC to the 23rd of some month of 2026: surely
            # to 23 January 2026 (was a TypeError comparing the instant with a day)
            ("2025-02-07T19:00Z", "2026-XX-23", "2025-06-01", True),
            ("2025-02-07T19:00Z", "2026-XX-23", "2026-01-23", True),
            ("2025-02-07T19:00Z", "2026-XX-23", "2026-01-24", False),
            ("2025-02-07T19:00Z", "2026-XX-23", "2025-02-07", False),  # the day starts before
            ("2025-02-07T19:00Z", "2026-XX-23", "2025-02-07T20:00Z", True),
            # from the 20th of some month of 2025 to an instant at UTC+14
            ("2025-XX-20", "2026-08-07T03:00+14:00", "2026-08-01", True),
            ("2025-XX-20", "2026-08-07T03:00+14:00", "2025-12-20", True),
            ("2025-XX-20", "2026-08-07T03:00+14:00", "2025-12-19", False),
            ("2025-XX-20", "2026-08-07T03:00+14:00", "2026-08-07", False),  # ends after it
        ],
    )
    def test_contains_and_included(self, lower: str, upper: str, other: str, inside: bool) -> None:
        span = When.interval(When.parse(lower), When.parse(upper))
        assert span.contains(When.parse(other)) is inside
        tl = Timeline([Event(title="x", when=other)])
        assert len(tl.included(lower, upper)) == int(inside)


@pytest.mark.xfail(
    strict=True,
    reason=(
        "known limitation: in a pair that mixes frames every floating bound is widened to "
        "every offset, also against another floating bound; reading both floating days in one "
        "frame would make the interval surely after 13 April, but then 'definitely before "
        "implies sorting before' fails for an interval whose aware start sorts after a later "
        "floating day's UTC midnight (the sort reads days at UTC midnight)"
    ),
)
def test_two_floating_days_in_a_mixed_pair_compare_by_the_calendar() -> None:
    a = P("15 April 2026 to 2026-04-16T05:59+01:15")
    b = P("13 April 2026")
    assert not a.overlaps(b)  # 13 April ends before 15 April starts, in any one frame
    assert b.definitely_before(a)
