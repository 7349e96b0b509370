"""`Event.as_of` at its edges, against a hand table: before anything was said, on the day of
a claim, instants against days, and zones far from UTC. A claim counts from its local day
(an instant's own date where it was said), the initial statement from its first source's
``published`` day, and a day to replay up to may be given as an instant (its local date)."""

from __future__ import annotations

import pytest

from timeline import Event, Source


def event() -> Event:
    e = Event(title="x", when="2026-04", sources=[Source("s", published="2026-03-01")])
    e = e.revise(stated="2026-03-10", when="2026-05")  # a day
    e = e.revise(stated="2026-03-19T23:00-12:00", when="2026-06")  # 11:00 UTC on the 20th
    return e.revise(stated="2026-03-21T01:00+14:00", when="2026-07")  # 11:00 UTC on the 20th


@pytest.mark.parametrize(
    ("day", "when"),
    [
        ("2026-02-28", None),  # before the first source: not yet announced
        ("2026-03-01", "April 2026"),  # the day it was published: the initial statement
        ("2026-03-09", "April 2026"),  # the day before a claim
        ("2026-03-10", "May 2026"),  # the day of a claim: counted
        ("2026-03-19", "June 2026"),  # 23:00 at UTC-12 is still the 19th where it was said
        ("2026-03-20", "June 2026"),  # 01:00 on the 21st at UTC+14 is not yet known
        ("2026-03-21", "July 2026"),
        ("2026-03-10T23:59+14:00", "May 2026"),  # an instant: its local date, the 10th
        ("2026-03-21T00:30+14:00", "July 2026"),  # the 21st where it is given
        ("2026-03-20T23:00-12:00", "June 2026"),  # the 20th there, though the 21st in UTC
        ("March 2026", "April 2026"),  # a month counts from its first day
    ],
)
def test_as_of(day: str, when: str | None) -> None:
    known = event().as_of(day)
    assert (None if known is None else str(known.when)) == when
