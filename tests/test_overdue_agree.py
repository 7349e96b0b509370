"""Every place that says "overdue" says it of the same events, for every kind of event.

`Event.overdue`, `Timeline.overdue`, the ``overdue`` column of `Timeline.to_pandas`
and the track record's *broken* count judge one rule: an open event is overdue on a
day when, as known then, its date has surely passed or its target's figures show
the target missed, and no figure shows the goal reached (by its deadline or after).
The track record counts a promise broken when it was cancelled, is overdue, or had
its date withdrawn after the last one promised passed (`undated_past`: never
"overdue", as an undated event has no date to be late against).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import Event, Observation, Status, Target, Timeline
from timeline.model._event_day import goal_reached, undated_past
from track_strategies import CLAIMS, DAYS, WHENS

pytest.importorskip("pandas")


def goal(when: str, deadline: str, *figures: tuple[str, str], status: str = "expected") -> Event:
    return Event(
        title="g",
        when=when,
        status=status,
        target=Target("n", "10 x", deadline),
        observations=[Observation(at, value) for at, value in figures],
    )


class TestMissedGoalsAreOverdue:
    """A goal whose figures show its target missed is overdue, whatever its own date."""

    @pytest.mark.parametrize(
        ("event", "day", "overdue"),
        [
            # own date 2030, target due 2026, a short figure for December: missed, overdue
            (goal("2030", "2026", ("2026-12", "8 x")), "2027-02-01", True),
            # the same with no date of its own ("TBD"): the target's deadline dates it
            (goal("TBD", "2026", ("2026-12", "8 x")), "2027-02-01", True),
            # before the December figure is known: unknown, not overdue yet
            (goal("2030", "2026", ("2026-12", "8 x")), "2026-12-30", False),
            # no figure at all after the deadline: unknown, not overdue (its date is 2030)
            (goal("2030", "2026"), "2027-02-01", False),
            # reached after the deadline: late in the track record, not overdue
            (goal("2030", "2026", ("2026-12", "8 x"), ("2027-01", "11 x")), "2027-03-01", False),
            # reached in time though its own date passed: kept, not overdue
            (goal("2026-03", "2026", ("2026-06", "12 x")), "2027-01-01", False),
            # its own date passed, nothing known of the target: overdue by the date
            (goal("2026-03", "2026"), "2026-04-01", True),
            # cancelled: never overdue (broken in the track record)
            (goal("2030", "2026", ("2026-12", "8 x"), status="cancelled"), "2027-02-01", False),
        ],
    )
    def test_table(self, event: Event, day: str, overdue: bool) -> None:
        tl = Timeline([event])
        assert event.overdue(day) is overdue
        assert [e.id for e in tl.overdue(as_of=day)] == (["g"] if overdue else [])
        assert bool(tl.to_pandas(as_of=day).loc[0, "overdue"]) is overdue

    def test_missed_goal_is_not_upcoming(self) -> None:
        # overdue and upcoming at once would say both "late" and "still to come"
        event = goal("2027-03", "2026", ("2026-12", "8 x"))
        assert event.overdue("2027-02-01")
        assert not event.upcoming("2027-02-01", within=90)


_DEADLINES = st.sampled_from(["2026", "by 2026-06", "2026-Q3", "c. 2026-09", "2026 or 2027"])
_FIGURES = st.lists(
    st.tuples(
        st.sampled_from(["2025-12", "2026-03", "2026-06", "2026-09", "2026-12", "2027-03"]),
        st.sampled_from(["4 x", "9 x", "10 x", "12 x"]),
    ),
    max_size=3,
    unique_by=lambda f: f[0],
)


@st.composite
def events(draw: st.DrawFn) -> Timeline:
    """Dated and undated events, some of them goals with figures, with claims."""
    found = []
    for i in range(draw(st.integers(0, 6))):
        when = draw(st.one_of(WHENS.map(str), st.just("TBD")))
        target = None
        figures: list[Observation] = []
        if draw(st.booleans()):
            target = Target("n", "10 x", draw(_DEADLINES))
            figures = [Observation(at, value) for at, value in draw(_FIGURES)]
        found.append(
            Event(
                title=f"e{i}",
                when=when,
                status=draw(st.sampled_from(Status)),
                target=target,
                observations=figures,
                claims=draw(st.lists(CLAIMS, max_size=3)),
            )
        )
    return Timeline(found)


@settings(
    max_examples=examples(60, 2000), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(events(), DAYS)
def test_every_overdue_agrees(tl: Timeline, day: dt.date) -> None:
    """Event.overdue, Timeline.overdue, the frame's column and the track record agree."""
    known = tl.as_of(day)
    overdue = {e.id for e in tl.overdue(as_of=day)}
    assert overdue == {e.id for e in known if e.overdue(day)}
    frame = tl.to_pandas(as_of=day)
    assert overdue == {i for i, o in zip(frame["id"], frame["overdue"], strict=True) if o}
    upcoming = {e.id for e in tl.upcoming(as_of=day, within=120)}
    assert not overdue & upcoming
    record = tl.track_record(as_of=day).total
    for event in known:
        if event.id not in (*record.kept_ids, *record.late_ids, *record.broken_ids,
                            *record.pending_ids):  # fmt: skip
            continue  # first recorded as happened or cancelled: a report, no promise
        broken = event.id in record.broken_ids
        cancelled = event.status is Status.CANCELLED
        assert broken == (cancelled or event.id in overdue or undated_past(event, day)), event
    # the frame's target status and its overdue column say the same of an open goal
    for row in frame.itertuples():
        if row.status in ("expected", "confirmed") and row.target_status == "missed":
            # overdue, unless its figures show it reached after the deadline
            assert row.overdue or goal_reached(known[row.id], day) is not None, row


class TestGoalsReachedInTheFrame:
    """A goal its figures show reached is judged as a happening (the track record's kept or
    late): the frame's ``delay_days`` says by how much, as of the frame's day."""

    @pytest.mark.parametrize(
        ("event", "day", "delay"),
        [
            # short in December, reached in January: a day late
            (goal("2026", "2026", ("2026-12", "8 x"), ("2027-01", "11 x")), "2027-03-01", 1),
            # reached in June, deadline 2026: on time
            (goal("2026", "2026", ("2026-06", "12 x")), "2027-01-01", 0),
            # the January figure not yet known on 31 January: not reached, no delay
            (goal("2026", "2026", ("2026-12", "8 x"), ("2027-01", "11 x")), "2027-01-30", None),
        ],
    )
    def test_table(self, event: Event, day: str, delay: int | None) -> None:
        frame = Timeline([event]).to_pandas(as_of=day)
        got = frame.loc[0, "delay_days"]
        assert (None if got is pd_na() else int(got)) == delay  # was <NA> for every goal

    def test_without_a_day_a_goal_has_no_delay(self) -> None:
        # no hidden "today": which figures are known depends on the day
        event = goal("2026", "2026", ("2026-12", "8 x"), ("2027-01", "11 x"))
        assert Timeline([event]).to_pandas().loc[0, "delay_days"] is pd_na()


def pd_na() -> object:
    import pandas as pd

    return pd.NA


@settings(
    max_examples=examples(40, 1000), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(events(), DAYS)
def test_frame_delays_are_the_track_records(tl: Timeline, day: dt.date) -> None:
    """Every late promise's delay in the track record is its ``delay_days`` in the frame, and
    every kept one's is 0 or less."""
    frame = tl.to_pandas(as_of=day).set_index("id")
    record = tl.track_record(as_of=day).total
    for ident, delay in zip(record.late_ids, record.delay_days, strict=True):
        assert frame.loc[ident, "delay_days"] == delay
    for ident in record.kept_ids:
        assert frame.loc[ident, "delay_days"] <= 0
