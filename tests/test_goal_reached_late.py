"""A goal its figures show reached after its deadline was delivered late, not broken.

"Who keeps their promises" puts an event that happened after its date in ``late``, with its
delay, and one that never happened in ``broken``. Nobody writes "happened" of a goal: its
figures say whether it was reached. So a goal the figures known on the day show reached is
judged like a happening: reached by the deadline is ``kept``; reached only after it is
``late`` by the smallest number of days the figures allow — from the deadline's last day
(where it could fall, as `Event.overdue` reads it) to the day after the latest figure that
fell short before the goal was reached; with no such figure it could have been reached in
time, ``kept``, as a happening whose dates could share a day with the promise is. While the
figures show it reached it is neither overdue nor upcoming. The expectations below are
counted by hand from the calendar.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import Event, Observation, Source, Target, Timeline


def goal(deadline: str, figures: list[tuple[str, str]], goal: str = "10 GW") -> Event:
    return Event(
        title="x",
        when=deadline,
        actors=["A"],
        target=Target("capacity", goal, deadline),
        observations=[Observation(p, v) for p, v in figures],
    )


def judged(event: Event, day: str) -> tuple[str, int | None]:
    (row,) = Timeline([event]).track_record(as_of=day)
    (outcome,) = [o for o in ("kept", "late", "broken", "pending") if row.ids(o)]
    return outcome, row.max_delay_days


class TestReachedLate:
    @pytest.mark.parametrize(
        ("deadline", "figures", "day", "outcome", "delay"),
        [
            # short at the end of 2026, reached by March 2027: late by a day at least
            ("2026", [("2026", "9 GW"), ("2027-03", "11 GW")], "2027-04-01", "late", 1),
            # short in January 2027 too: reached on 1 February at the earliest (32 days)
            ("2026", [("2026", "9 GW"), ("2027-01", "9.5 GW"), ("2027-03", "11 GW")],
             "2027-04-01", "late", 32),
            # in another unit, and the same figures given in another order
            ("2026", [("2027-03", "11000 MW"), ("2026-12", "9000 MW")], "2027-04-01", "late", 1),
            # no figure fell short after mid-2026: it could have been reached in time
            ("2026", [("2026-06", "9 GW"), ("2027-03", "11 GW")], "2027-04-01", "kept", None),
            ("2026", [("2027-03", "11 GW")], "2027-04-01", "kept", None),
            # reached, then fell back: it was reached (late), as a happening stays happened
            ("2026", [("2026", "9 GW"), ("2027-03", "11 GW"), ("2027-06", "9 GW")],
             "2027-07-01", "late", 1),
            # a ceiling: "under 5%" reached in 2027 after 6% for 2026
            ("2026", [("2026", "6%"), ("2027", "4%")], "2028-01-01", "late", 1),
            # "c. 2026" could fall in 2027: reached mid-2027 is in time
            ("c. 2026", [("2026", "9 GW"), ("2027-06", "12 GW")], "2027-07-01", "kept", None),
            # "c. 2026": short through 2027, reached in 2028: late from the end of 2027
            ("c. 2026", [("2027", "9 GW"), ("2028-03", "12 GW")], "2028-04-01", "late", 1),
            # before the late figure was known: broken (missed), as before
            ("2026", [("2026", "9 GW"), ("2027-03", "11 GW")], "2027-03-30", "broken", None),
            # met by the deadline: kept, as before
            ("2026", [("2026-06", "11 GW")], "2026-07-01", "kept", None),
            # figures that contradict each other (the year reaching it, its December short)
            # are read as Target.status reads them: missed by the deadline, reached: late
            ("2026-06", [("2026", "12 GW"), ("2026-12", "8 GW")], "2027-01-01", "late", 1),
        ],
    )  # fmt: skip
    def test_outcome_and_delay(
        self, deadline: str, figures: list[tuple[str, str]], day: str, outcome: str,
        delay: int | None,
    ) -> None:  # fmt: skip
        target = "under 5%" if figures[0][1].endswith("%") else "10 GW"
        event = goal(deadline, figures, target)
        assert judged(event, day) == (outcome, delay)  # was: broken, for every late reach
        reached = outcome in ("kept", "late")
        assert event.overdue(day) is not reached  # was: overdue while reached late
        assert not (reached and event.upcoming(day, "1 year"))

    def test_a_figure_not_yet_published_is_not_known(self) -> None:
        late = Observation("2027-03", "11 GW", source=Source("s", published="2027-05-02"))
        event = goal("2026", [("2026", "9 GW")])
        event = Event(
            title="x", when="2026", actors=["A"], target=event.target,
            observations=[*event.observations, late],
        )  # fmt: skip
        assert judged(event, "2027-05-01") == ("broken", None)
        assert judged(event, "2027-05-02") == ("late", 1)

    def test_a_stated_status_still_wins(self) -> None:
        event = goal("2026", [("2026", "9 GW"), ("2027-03", "11 GW")])
        cancelled = event.revise(stated="2027-01-10", status="cancelled")
        assert judged(cancelled, "2027-04-01") == ("broken", None)
        done = event.revise(stated="2027-02-10", status="happened", when="2027-02-10")
        assert judged(done, "2027-04-01") == ("late", 41)  # its own date: 10 Feb 2027

    def test_timeline_queries_agree(self) -> None:
        reached = goal("2026", [("2026", "9 GW"), ("2027-03", "11 GW")])
        day = dt.date(2027, 4, 1)
        assert len(Timeline([reached]).overdue(as_of=day)) == 0
        assert len(Timeline([reached]).overdue(as_of=dt.date(2027, 3, 30))) == 1


class TestFiguresAtInstants:
    """Figures at instants compare as the target's own status compares them (`Target.status`):
    two instants in UTC, a day against an instant by its local date."""

    def test_a_goal_met_by_its_deadline_is_kept_whatever_the_local_days(self) -> None:
        # reached at 15:00 UTC on 31 December (1 January at UTC+14), before the deadline's
        # instant (11:00 UTC on 1 January); a figure short at 10:00 UTC on 1 January comes
        # after the reach in UTC, though its local day (31 December) is the earlier
        deadline = "2026-12-31T23:00-12:00"
        event = Event(
            title="x", when=deadline, actors=["A"], target=Target("n", "10 x", deadline),
            observations=[
                Observation("2027-01-01T05:00+14:00", "12 x"),
                Observation("2026-12-31T22:00-12:00", "8 x"),
            ],
        )  # fmt: skip
        assert event.target is not None
        assert event.target.status("2027-01-05", event.observations).value == "met"
        assert judged(event, "2027-01-05") == ("kept", None)  # was: late by a day

    def test_short_after_the_deadline_in_utc_then_reached_is_late(self) -> None:
        deadline = "2026-12-31T10:00Z"
        event = Event(
            title="x", when=deadline, actors=["A"], target=Target("n", "10 x", deadline),
            observations=[
                Observation("2026-12-31T11:00Z", "8 x"),  # an hour past the deadline: short
                Observation("2027-01-02T00:00Z", "12 x"),
            ],
        )  # fmt: skip
        assert judged(event, "2027-01-05") == ("late", 1)  # any time after is a day late
