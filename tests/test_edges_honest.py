"""Honest answers at the edges: one rule for a passed deadline, clear file errors, ratios
of bounded figures, and the tracker with deadlines and figures of every kind."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import Event, Target, TargetStatus, When

# -- 1. a deadline passes on the day an event at that date turns overdue -------------------

_OFFSETS = st.integers(min_value=-12 * 4, max_value=14 * 4).map(lambda q: q * 15)  # minutes


@st.composite
def _instants(draw: st.DrawFn) -> When:
    day = draw(st.dates(min_value=dt.date(2000, 1, 2), max_value=dt.date(2099, 12, 30)))
    minute = draw(st.integers(min_value=0, max_value=24 * 60 - 1))
    zone = pendulum.FixedTimezone(draw(_OFFSETS) * 60)
    local = pendulum.datetime(day.year, day.month, day.day, tz=zone).add(minutes=minute)
    return When.instant(local)


class TestDeadlinePassed:
    @pytest.mark.parametrize(
        ("deadline", "as_of", "passed"),
        [
            # noon UTC on the 20th: the 21st had begun at UTC+14 (10:00 UTC on the 20th)
            ("2026-04-20T12:00Z", "2026-04-20", False),
            ("2026-04-20T12:00Z", "2026-04-21", False),
            ("2026-04-20T12:00Z", "2026-04-22", True),
            # 09:00 UTC on the 20th is before the 21st starts at UTC+14: passed on the 21st
            ("2026-04-20T09:00Z", "2026-04-21", True),
            # late evening at UTC-12, its local day the 20th, is 11:00 UTC on the 21st
            ("2026-04-20T23:00-12:00", "2026-04-21", False),
            ("2026-04-20T23:00-12:00", "2026-04-22", False),
            ("2026-04-20T23:00-12:00", "2026-04-23", True),
            # early morning at UTC+14 (local day the 21st) is the 20th in UTC
            ("2026-04-21T01:00+14:00", "2026-04-21", False),
            ("2026-04-21T01:00+14:00", "2026-04-22", True),
            # a plain day: passed the day after, as before
            ("2026-04-20", "2026-04-20", False),
            ("2026-04-20", "2026-04-21", True),
        ],
    )
    def test_table(self, deadline: str, as_of: str, passed: bool) -> None:
        target = Target("x", "10 x", When.parse(deadline))
        event = Event(title="x", when=deadline)
        assert event.overdue(as_of) is passed
        expected = TargetStatus.UNKNOWN if passed else TargetStatus.PENDING
        assert target.status(as_of) is expected

    @given(_instants(), st.integers(min_value=-3, max_value=3))
    def test_status_agrees_with_overdue(self, deadline: When, shift: int) -> None:
        assert isinstance(deadline.latest, dt.datetime)
        as_of = deadline.latest.date() + dt.timedelta(days=shift)
        event = Event(title="x", when=deadline)
        status = Target("x", "10 x", deadline).status(as_of)
        assert (status is not TargetStatus.PENDING) is event.overdue(as_of)
