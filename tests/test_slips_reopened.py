"""Slips across a withdrawal: a promise cancelled (or reported happened) and then opened
again with a new date moved from the last date promised while it was open.

`replay` already brings that date back when a claim opens the event again without a date
("it is back on"), and a later claim moving it is a slip. Saying both in one claim ("back
on, now in June") must read the same: the oracle is the same history with that claim split
in two, said the same day in that order.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import Claim, Event, Status


def _slips(e: Event) -> list[tuple[str, str, int | None]]:
    return [(str(s.before), str(s.after), s.days) for s in e.slips]


class TestReopenedWithADate:
    @pytest.mark.parametrize(
        ("first", "then", "slips"),
        [
            # cancelled, then back on in June: April to June (was no slip)
            ({"status": "cancelled"}, {"status": "expected", "when": "2026-06"},
             [("April 2026", "June 2026", 61)]),
            # reported happened on 5 March, then not after all, now June: April to June
            ({"status": "happened", "when": "2026-03-05"},
             {"status": "confirmed", "when": "2026-06"}, [("April 2026", "June 2026", 61)]),
            # back on, sooner than promised: no slip
            ({"status": "cancelled"}, {"status": "expected", "when": "2026-04-10"}, []),
        ],
    )  # fmt: skip
    def test_table(self, first: dict, then: dict, slips: list) -> None:  # type: ignore[type-arg]
        e = Event(title="x", when="2026-04").revise(stated="2026-03-05", **first)
        e = e.revise(stated="2026-03-10", **then)
        assert _slips(e) == slips
        assert e.slipped is bool(slips)

    def test_first_recorded_as_happened_promised_nothing(self) -> None:
        # a report, not a promise: opened again with a date, nothing slipped
        e = Event(title="x", when="2026-03-05", status="happened")
        assert e.revise(stated="2026-03-10", status="expected", when="2026-06").slips == ()


WHENS = ("2026-04", "2026-05", "2026-06-15", "Q3 2026", "c. 2026-05", "by 2026-12", "TBD")
STEP = st.tuples(
    st.integers(0, 3),
    st.none() | st.sampled_from(WHENS),
    st.none() | st.sampled_from([s.value for s in Status]),
)


@settings(max_examples=examples(250, 3000), deadline=None)
@given(st.sampled_from(WHENS[:-1]), st.lists(STEP, max_size=5))
def test_one_claim_reads_as_the_same_said_in_two(when: str, steps: list) -> None:  # type: ignore[type-arg]
    """A claim opening the event with a date has the slips of the status said first and the
    date right after it, the same day."""
    day = dt.date(2026, 3, 1)
    whole: list[Claim] = []
    split: list[Claim] = []
    for gap, w, s in steps:
        day += dt.timedelta(days=gap)
        whole.append(Claim(stated=day, when=w, status=s))
        if w is not None and s in ("expected", "confirmed"):
            split += [Claim(stated=day, status=s), Claim(stated=day, when=w)]
        else:
            split.append(Claim(stated=day, when=w, status=s))
    one = Event(title="x", when=when, claims=whole)
    two = Event(title="x", when=when, claims=split)
    assert (one.when, one.status) == (two.when, two.status)
    assert _slips(one) == _slips(two)
