"""`When`'s total order agrees with ``==``: a total preorder whose ties include equal values.

An instant is equal to the same moment written at another offset or in a zone (`When`
compares bounds in UTC, DESIGN §2), and hashes alike. The sort key broke the tie between
such values by their EDTF text, which keeps the offset: ``a == b`` and ``b < a`` both held
for 10:00+08:00 and 02:00Z, so ``sorted``, ``min``, ``bisect`` and a set disagreed on them.
The oracle is ``==`` itself: equal values must tie, and the order must be total and
transitive over any values (checked on triples).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from strategies import whens
from timeline import When

P = When.parse


def _ties(a: When, b: When) -> bool:
    return not a < b and not b < a and a <= b and b <= a and a.sort_key == b.sort_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2026-04-15T10:00+08:00", "2026-04-15T02:00Z"),  # b < a was True
        ("2026-04-15T02:00Z", "2026-04-15T04:00[Europe/Paris]"),  # a < b was True
        ("2026-04-15T02:00Z", "2026-04-14T16:00-10:00"),
        ("by 2026-04-15T10:00+08:00", "by 2026-04-15T02:00Z"),
        ("c. 2026-04-15T10:00+08:00", "c. 2026-04-15T02:00Z"),
        ("2026-04-15T10:00+08:00 to 2026-05", "2026-04-15T02:00Z to 2026-05"),
        # at the calendar's first hours the moment is before year 1 in UTC
        ("0001-01-01T10:00+14:00", "0001-01-01T09:00+13:00"),
        ("9999-12-31T14:00-10:00", "9999-12-31T13:00-11:00"),
        # the first moment of year 1 in UTC: "before" it has room only in its own offset
        ("before 0001-01-01T00:01+00:01", "before 0001-01-01T00:02+00:02"),
        ("after 9999-12-31T23:58-00:01", "after 9999-12-31T23:57-00:02"),
    ],
)
def test_the_same_moment_at_two_offsets_ties(a: str, b: str) -> None:
    wa, wb = P(a), P(b)
    assert wa == wb and hash(wa) == hash(wb)
    assert _ties(wa, wb)
    assert sorted([wa, wb]) == sorted([wb, wa])  # equal lists: the same values


def test_different_moments_still_order() -> None:
    assert P("2026-04-15T01:59Z") < P("2026-04-15T10:00+08:00") < P("2026-04-15T02:01Z")


_WRAP: list[Callable[[When], When]] = [
    lambda w: w,
    When.by,
    When.after,
    When.before,
    lambda w: w.qualify(approximate=True),
    lambda w: When.interval(w, When.year(2100)),
    lambda w: When.interval(When.year(1800), w),
]


@pytest.mark.fuzz
@settings(max_examples=examples(60), deadline=None)
@given(
    st.datetimes(dt.datetime(1801, 1, 2), dt.datetime(2099, 12, 30)),
    st.integers(-14 * 60, 14 * 60),
    st.integers(-14 * 60, 14 * 60),
    st.sampled_from(_WRAP),
    st.booleans(),
)
def test_one_moment_in_any_two_spellings_ties(
    wall: dt.datetime, m1: int, m2: int, wrap: Callable[[When], When], zone: bool
) -> None:
    first = wall.replace(tzinfo=dt.timezone(dt.timedelta(minutes=m1)))
    if zone:
        second: dt.datetime = pendulum.instance(first).in_timezone("America/New_York")
    else:
        second = first.astimezone(dt.timezone(dt.timedelta(minutes=m2)))
    a, b = wrap(When.instant(first)), wrap(When.instant(second))
    assert a == b
    assert _ties(a, b)


@pytest.mark.fuzz
@settings(max_examples=examples(80), deadline=None)
@given(whens(1990, 2030), whens(1990, 2030), whens(1990, 2030))
def test_the_order_is_a_total_preorder_consistent_with_equality(a: When, b: When, c: When) -> None:
    assert (a <= b) or (b <= a)  # total
    assert (a < b) == (not b <= a)
    if a <= b <= c:
        assert a <= c  # transitive
    if a == b:
        assert _ties(a, b)
    if a.sort_key == b.sort_key and not a.is_interval and not b.is_interval:
        # a tie between single values is a tie in meaning: the same bounds either way
        assert (a.earliest, a.latest, a.fuzzy_bounds()) == (b.earliest, b.latest, b.fuzzy_bounds())
