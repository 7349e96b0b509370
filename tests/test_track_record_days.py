"""The track record against a brute-force oracle that replays promises day by day.

Each date below is written as text *and* as the set of days it could fall on, spelled
out by hand from its meaning (DESIGN.md §2), not from `When`: "April or June 2026" is
the 61 days of those two months, never May; "2026-XX-15" the fifteenth of each month;
"c. April 2026" March to May (one unit of its own grain either side); "by May 2026" every
day up to 31 May; "after April 2026" every day from 1 May on. The oracle then judges as
the track record's documentation says, one day at a time:

* as known on day D: the initial statement and the claims stated on or before D; a claim
  opening a happened or cancelled event again without a date brings back the last date
  promised while it was open;
* happened: *kept* if some day it could have happened on is no later than some day the
  first promise could fall on (a last day allowed by the dates), else *late* by the days
  from the promise's last possible day to the first possible day it happened;
* cancelled: *broken*; still open: *broken* once every day the date then expected could
  fall on is before D (overdue), else *pending*.

The invariants the brief asks for are properties here too: the four counts partition the
promises, the record as of D uses no claim stated after D, and an unrelated event added
changes no other group's row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import Event, Source, Timeline

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LOW = dt.date(2019, 1, 1)  # before any day below: stands for "no first day"
HIGH = dt.date(2031, 12, 31)  # after any day below: stands for "no last day"


def days(first: dt.date, last: dt.date) -> frozenset[dt.date]:
    return frozenset(dt.date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1))


def month(y: int, m: int) -> frozenset[dt.date]:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return days(dt.date(y, m, 1), nxt - dt.timedelta(days=1))


# (text, the days it could fall on), written out by hand.
DATES: tuple[tuple[str, frozenset[dt.date]], ...] = (
    ("2026-04", month(2026, 4)),
    ("2026-04-30", days(dt.date(2026, 4, 30), dt.date(2026, 4, 30))),
    ("2026-05-01", days(dt.date(2026, 5, 1), dt.date(2026, 5, 1))),
    ("2026-05-20", days(dt.date(2026, 5, 20), dt.date(2026, 5, 20))),
    ("2026-06", month(2026, 6)),
    ("2026-07-02", days(dt.date(2026, 7, 2), dt.date(2026, 7, 2))),
    ("mid-2026", days(dt.date(2026, 5, 1), dt.date(2026, 8, 31))),
    ("H2 2026", days(dt.date(2026, 7, 1), dt.date(2026, 12, 31))),
    ("early 2026", days(dt.date(2026, 1, 1), dt.date(2026, 4, 30))),
    ("c. April 2026", days(dt.date(2026, 3, 1), dt.date(2026, 5, 31))),
    ("c. 2027", days(dt.date(2026, 1, 1), dt.date(2028, 12, 31))),
    ("by May 2026", days(LOW, dt.date(2026, 5, 31))),
    ("after April 2026", days(dt.date(2026, 5, 1), HIGH)),
    ("[2026-04,2026-06]", month(2026, 4) | month(2026, 6)),
    ("2026-XX-15", frozenset(dt.date(2026, m, 15) for m in range(1, 13))),
    ("202X", days(dt.date(2020, 1, 1), dt.date(2029, 12, 31))),
    ("2027-01", month(2027, 1)),
)
TEXT_DAYS = dict(DATES)
SAID = st.dates(dt.date(2026, 1, 1), dt.date(2027, 3, 31))
# A claim: (day said, new date or None, new status or None).
STEP = st.tuples(
    SAID,
    st.none() | st.sampled_from([t for t, _ in DATES]),
    st.none() | st.sampled_from(["expected", "confirmed", "happened", "cancelled"]),
)


def oracle(
    first: str,
    published: dt.date,
    steps: Sequence[tuple[dt.date, str | None, str | None]],
    day: dt.date,
) -> tuple[str, int | None] | None:
    """(outcome, days late) of a promise as known on ``day``; None before it was made."""
    if published > day:
        return None
    when, status, promised = first, "expected", first
    # Stated order: by day, same-day claims in the order given (a stable sort).
    for said, new_when, new_status in sorted(steps, key=lambda s: s[0]):
        if said > day:
            break
        was_open = status in ("expected", "confirmed")
        status = new_status or status
        is_open = status in ("expected", "confirmed")
        # Opened again without a date: the last date promised while open.
        when = new_when or (promised if is_open and not was_open else when)
        promised = when if is_open else promised
    promised = TEXT_DAYS[first]
    if status == "happened":
        happened = TEXT_DAYS[when]
        if min(happened) <= max(promised):
            return ("kept", None)
        return ("late", (min(happened) - max(promised)).days)
    if status == "cancelled":
        return ("broken", None)
    return ("broken" if max(TEXT_DAYS[when]) < day else "pending", None)


def build(
    first: str,
    published: dt.date,
    steps: Sequence[tuple[dt.date, str | None, str | None]],
    title: str = "p",
    actors: Sequence[str] = ("A",),
) -> Event:
    event = Event(
        title=title, when=first, actors=list(actors),
        sources=[Source("s", published=published)],
    )  # fmt: skip
    for said, new_when, new_status in steps:
        event = event.revise(stated=said, when=new_when, status=new_status)
    return event


def judged(event: Event, day: dt.date) -> tuple[str, int | None] | None:
    total = Timeline([event]).track_record(as_of=day).total
    for outcome in ("kept", "late", "broken", "pending"):
        if total.ids(outcome):
            return (outcome, total.delay_days[0] if outcome == "late" else None)
    return None


# Without a "happened" claim stated before the date it reports could begin (the
# library then dates the happening by the day it was said, a case of its own below).
def _sensible(steps: list[tuple[dt.date, str | None, str | None]]) -> bool:
    return all(
        s != "happened" or (w is not None and min(TEXT_DAYS[w]) <= said) for said, w, s in steps
    )


HISTORY = st.tuples(
    st.sampled_from([t for t, _ in DATES if t != "202X"]),  # a promise of the 2020s as a whole
    st.dates(dt.date(2025, 12, 1), dt.date(2026, 3, 31)),
    st.lists(STEP, max_size=4).filter(_sensible),
)


class TestAgainstTheOracle:
    @SETTINGS
    @given(HISTORY, SAID)
    def test_outcome_and_delay(self, history: tuple, day: dt.date) -> None:  # type: ignore[type-arg]
        first, published, steps = history
        assert judged(build(first, published, steps), day) == oracle(first, published, steps, day)

    # The edges, one by one: (first promise, claims, day, outcome, days late).
    @pytest.mark.parametrize(
        ("first", "steps", "day", "expected"),
        [
            # kept on the very last day of the promised month
            ("2026-04", [("2026-04-30", "2026-04-30", "happened")], "2026-06-01", ("kept", None)),
            # one day after it: late by one
            ("2026-04", [("2026-05-01", "2026-05-01", "happened")], "2026-06-01", ("late", 1)),
            # "April or June", done in May: before June, so kept
            (
                "[2026-04,2026-06]",
                [("2026-05-20", "2026-05-20", "happened")],
                "2026-07-01",
                ("kept", None),
            ),
            # ... and on 20 May, still open: April has passed but June has not, pending
            ("[2026-04,2026-06]", [], "2026-05-20", ("pending", None)),
            # "2026-XX-15" done on 2 July: there is a fifteenth after it, kept
            (
                "2026-XX-15",
                [("2026-07-02", "2026-07-02", "happened")],
                "2026-08-01",
                ("kept", None),
            ),
            # "mid-2026" (May to August) is broken on 1 September
            ("mid-2026", [], "2026-09-01", ("broken", None)),
            # "c. April 2026" could fall in May: done 20 May is kept, overdue only in June
            (
                "c. April 2026",
                [("2026-05-20", "2026-05-20", "happened")],
                "2026-07-01",
                ("kept", None),
            ),
            ("c. April 2026", [], "2026-05-31", ("pending", None)),
            ("c. April 2026", [], "2026-06-01", ("broken", None)),
            # "after April" has no last day: never late, never overdue
            (
                "after April 2026",
                [("2027-01-10", "2027-01", "happened")],
                "2027-02-01",
                ("kept", None),
            ),
            ("after April 2026", [], "2027-03-01", ("pending", None)),
            # pulled in to April, then done in May: kept against June, the first promise
            (
                "2026-06",
                [("2026-02-01", "2026-04", None), ("2026-05-20", "2026-05-20", "happened")],
                "2026-07-01",
                ("kept", None),
            ),
            # ... but on 2 May, as known then, the April it was pulled in to had passed
            ("2026-06", [("2026-02-01", "2026-04", None)], "2026-05-02", ("broken", None)),
            # re-dated twice on one day: the last said counts
            (
                "2026-04",
                [("2026-03-01", "2026-06", None), ("2026-03-01", "2026-04", None)],
                "2026-05-02",
                ("broken", None),
            ),
            (
                "2026-04",
                [("2026-03-01", "2026-04", None), ("2026-03-01", "2026-06", None)],
                "2026-05-02",
                ("pending", None),
            ),
            # cancelled, then revived for June: pending in May
            (
                "2026-04",
                [("2026-03-01", None, "cancelled"), ("2026-04-01", "2026-06", "expected")],
                "2026-05-02",
                ("pending", None),
            ),
        ],
    )
    def test_edge(
        self, first: str, steps: list[tuple[str, str | None, str | None]], day: str,
        expected: tuple[str, int | None],
    ) -> None:  # fmt: skip
        parsed = [(dt.date.fromisoformat(s), w, st_) for s, w, st_ in steps]
        published, on = dt.date(2026, 1, 15), dt.date.fromisoformat(day)
        assert oracle(first, published, parsed, on) == expected  # the oracle agrees with the table
        assert judged(build(first, published, parsed), on) == expected


class TestInvariants:
    @SETTINGS
    @given(st.lists(HISTORY, min_size=1, max_size=5), SAID)
    def test_counts_partition_the_promises_known_on_the_day(
        self,
        histories: list[tuple],
        day: dt.date,  # type: ignore[type-arg]
    ) -> None:
        events = [build(f, p, s, title=f"e{i}") for i, (f, p, s) in enumerate(histories)]
        total = Timeline(events).track_record(as_of=day).total
        known = sum(1 for _, p, _ in histories if p <= day)
        assert total.kept + total.late + total.broken + total.pending == total.promises == known

    @SETTINGS
    @given(st.lists(HISTORY, min_size=1, max_size=4), HISTORY, SAID)
    def test_an_unrelated_event_changes_no_other_row(
        self,
        histories: list[tuple],
        other: tuple,
        day: dt.date,  # type: ignore[type-arg]
    ) -> None:
        events = [build(f, p, s, title=f"e{i}") for i, (f, p, s) in enumerate(histories)]
        before = Timeline(events).track_record(as_of=day)
        stranger = build(*other, title="stranger", actors=["B"])
        after = Timeline([*events, stranger]).track_record(as_of=day)
        if before.total.promises:
            assert after.row("A") == before.row("A")

    @SETTINGS
    @given(HISTORY, SAID, SAID)
    def test_as_of_uses_only_claims_stated_by_then(
        self,
        history: tuple,
        day: dt.date,
        later: dt.date,  # type: ignore[type-arg]
    ) -> None:
        first, published, steps = history
        event = build(first, published, steps)
        said_by_then = [s for s in steps if s[0] <= day]
        assert judged(event, day) == judged(build(first, published, said_by_then), day)


class TestTargets:
    """A numeric target is a promise too ("10,000 AI-plus enterprises by 2030"), and its
    figures, not a "happened" claim nobody writes, say whether it was kept: `Target.status`
    as known on the day. Met (a figure dated by the deadline reaches the goal) is kept,
    whether or not the deadline has passed; missed (a figure for the deadline's period falls
    short) is broken; otherwise the event's own date and status judge it, as for any promise.
    """

    @staticmethod
    def goal(*figures: tuple[str, str]) -> Event:
        from timeline import Observation, Target

        return Event(
            title="g", when="by 2030", kind="policy-target", actors=["GZ"],
            target=Target("enterprises", "10,000 enterprises", "2030"),
            observations=[Observation(when, value) for when, value in figures],
        )  # fmt: skip

    @pytest.mark.parametrize(
        ("figures", "day", "expected"),
        [
            # met in 2029: kept, after the deadline (was: broken, the event never "happened")
            ([("2029", "12,000 enterprises")], "2031-02-01", ("kept", None)),
            # ... and as soon as that figure is known, before the deadline (was: pending)
            ([("2029", "12,000 enterprises")], "2030-01-01", ("kept", None)),
            # not known yet on the day: the 2029 figure counts from its last day
            ([("2029", "12,000 enterprises")], "2029-12-30", ("pending", None)),
            # short in 2030: missed, broken
            ([("2030", "8,000 enterprises")], "2031-02-01", ("broken", None)),
            # short in 2028 only: the deadline has passed and nothing tells; the event's
            # own date is overdue, so broken as before
            ([("2028", "8,000 enterprises")], "2031-02-01", ("broken", None)),
            ([("2028", "8,000 enterprises")], "2029-02-01", ("pending", None)),
            # reached by the end of 2031 and nothing says it fell short by 2030: it could
            # have been reached in time, kept, as "happened by 2031" against "by 2030" is
            # (was: broken, as if never reached; tests/test_goal_reached_late.py)
            ([("2031", "12,000 enterprises")], "2032-02-01", ("kept", None)),
            # short in 2030, reached in 2031: late by a day at least (was: broken)
            (
                [("2030", "8,000 enterprises"), ("2031", "12,000 enterprises")],
                "2032-02-01",
                ("late", 1),
            ),
            # a figure in another unit says nothing of the goal (`timeline check` names it)
            ([("2029", "12,000 GW")], "2031-02-01", ("broken", None)),
            # 12 thousand written with a scale word is the same figure
            ([("2029", "12 thousand enterprises")], "2031-02-01", ("kept", None)),
        ],
    )
    def test_a_target_is_judged_by_its_figures(
        self, figures: list[tuple[str, str]], day: str, expected: tuple[str, int | None]
    ) -> None:
        assert judged(self.goal(*figures), dt.date.fromisoformat(day)) == expected

    @pytest.mark.parametrize(
        ("figures", "day", "overdue"),
        [
            # met in 2029: neither overdue after the deadline (was: overdue, while the
            # track record said kept) nor still upcoming before it
            ([("2029", "12,000 enterprises")], "2031-02-01", False),
            # not met: overdue once the deadline has passed, as before
            ([("2030", "8,000 enterprises")], "2031-02-01", True),
            ([("2028", "8,000 enterprises")], "2031-02-01", True),
            # a figure in another unit says nothing: overdue as before
            ([("2029", "12,000 GW")], "2031-02-01", True),
            # the 2029 figure not yet known on the day: not met yet, not overdue yet
            ([("2029", "12,000 enterprises")], "2029-12-30", False),
        ],
    )
    def test_a_met_target_is_not_overdue(
        self, figures: list[tuple[str, str]], day: str, overdue: bool
    ) -> None:
        from timeline import Timeline

        event = self.goal(*figures)
        assert event.overdue(day) is overdue
        assert [e.id for e in Timeline([event]).overdue(as_of=day)] == (["g"] if overdue else [])

    def test_a_met_target_is_not_upcoming(self) -> None:
        from timeline import Timeline

        met = self.goal(("2029", "12,000 enterprises"))
        assert not met.upcoming("2030-06-01", "1 year")  # (was: upcoming, done a year before)
        assert not Timeline([met]).upcoming(as_of="2030-06-01", within="1 year")
        open_goal = self.goal(("2029", "8,000 enterprises"))
        assert open_goal.upcoming("2030-06-01", "1 year")

    def test_a_stated_happening_or_cancellation_still_wins(self) -> None:
        event = self.goal(("2029", "12,000 enterprises"))
        cancelled = event.revise(stated="2029-06-01", status="cancelled")
        assert judged(cancelled, dt.date(2031, 2, 1)) == ("broken", None)


class TestReopened:
    """A report that it happened (or was cancelled) taken back: "V4, expected in April, was
    released on 10 March" then "it was not: still expected". A date given while it was done
    or cancelled promised nothing (as `Event.first_expected` reads it), so once the event is
    open again without a new date, the date expected is the one promised before: April, not
    "10 March" (was: expected on 10 March, overdue and *broken* by 20 March, with the April
    promise standing and not yet due).
    """

    @pytest.mark.parametrize(
        ("steps", "now"),
        [
            # released on a day, then taken back
            (
                [("2026-03-10", "2026-03-10", "happened"), ("2026-03-12", None, "expected")],
                "April 2026",
            ),
            # released (no day said, so "by 10 March"), then taken back
            ([("2026-03-10", None, "happened"), ("2026-03-12", None, "expected")], "April 2026"),
            # cancelled with a date, then revived without one
            (
                [("2026-03-10", "2026-03-05", "cancelled"), ("2026-03-12", None, "confirmed")],
                "April 2026",
            ),
            # taken back with a new date: that date
            (
                [("2026-03-10", "2026-03-10", "happened"), ("2026-03-12", "2026-05", "expected")],
                "May 2026",
            ),
            # moved to June while open, released, taken back: June, the last promise
            (
                [
                    ("2026-02-01", "2026-06", None),
                    ("2026-03-10", "2026-03-10", "happened"),
                    ("2026-03-12", None, "expected"),
                ],
                "June 2026",
            ),
            # a correction of the day it happened is no reopening: the corrected day
            (
                [("2026-03-10", "2026-03-10", "happened"), ("2026-03-12", "2026-03-09", None)],
                "9 March 2026",
            ),
        ],
    )
    def test_the_date_expected_is_the_last_promise(
        self, steps: list[tuple[str, str | None, str | None]], now: str
    ) -> None:
        parsed = [(dt.date.fromisoformat(s), w, st_) for s, w, st_ in steps]
        event = build("2026-04", dt.date(2026, 1, 15), parsed)
        assert str(event.when) == now
        if event.status.is_open:
            assert not event.overdue("2026-03-20")
            assert judged(event, dt.date(2026, 3, 20)) == ("pending", None)

    def test_a_later_move_slips_from_the_promise(self) -> None:
        event = build("2026-04", dt.date(2026, 1, 15), [
            (dt.date(2026, 3, 10), "2026-03-10", "happened"),
            (dt.date(2026, 3, 12), None, "expected"),
            (dt.date(2026, 3, 20), "2026-06", None),
        ])  # fmt: skip
        assert [(str(s.before), str(s.after)) for s in event.slips] == [("April 2026", "June 2026")]
        assert event.revisions == 3


class TestDelayAgainstASet:
    """`Event.delay` is 0 only when it happened on a day the first promise allowed. "April or
    June" done on 20 May is not inside it: early by 12 days for June, the reading it was kept
    by (was: 0, "inside the window", as if May had been promised). Done in March, 17 days early
    for April; done 2 July, 2 days late for June; done in April or June, 0. The reading is the
    one closest to on time under which it was not late; late against every reading, the least
    lateness. Brute force: the signed distance to each reading, spelled out by hand.
    """

    @staticmethod
    def brute(promised: frozenset[dt.date], done: dt.date) -> int:
        if done in promised:
            return 0
        later = [d for d in promised if d > done]
        if later:  # not late against the next allowed day: early by the days to it
            return -(min(later) - done).days
        return (done - max(promised)).days

    @pytest.mark.parametrize(
        ("first", "done"),
        [
            ("[2026-04,2026-06]", "2026-05-20"),
            ("[2026-04,2026-06]", "2026-03-15"),
            ("[2026-04,2026-06]", "2026-07-02"),
            ("[2026-04,2026-06]", "2026-04-10"),
            ("[2026-04,2026-06]", "2026-06-30"),
            ("2026-XX-15", "2026-05-20"),
            ("2026-XX-15", "2026-05-15"),
            ("2026-XX-15", "2026-12-20"),
            ("2026-XX-15", "2026-01-01"),
            ("2026-04", "2026-03-20"),
            ("2026-04", "2026-05-03"),
        ],
    )
    def test_delay(self, first: str, done: str) -> None:
        day = dt.date.fromisoformat(done)
        event = Event(title="x", when=first).revise(stated=done, status="happened", when=done)
        assert event.delay == self.brute(TEXT_DAYS[first] if first in TEXT_DAYS else month(
            2026, 4), day)  # fmt: skip

    @SETTINGS
    @given(st.sampled_from(["[2026-04,2026-06]", "2026-XX-15", "2026-04", "mid-2026"]),
           st.dates(dt.date(2025, 12, 1), dt.date(2027, 1, 31)))  # fmt: skip
    def test_delay_against_every_day(self, first: str, day: dt.date) -> None:
        event = Event(title="x", when=first).revise(stated=day, status="happened", when=day)
        assert event.delay == self.brute(TEXT_DAYS[first], day)


class TestInstantsInOtherZones:
    """A promise made as an instant is one moment, whatever zone it was written in: the
    outcome and the days late do not change when the same instant is written at another
    offset (an instant is judged in UTC against another, and against a plain day by the
    rule for overdue: a day starts at UTC+14 and ends at UTC-12)."""

    @SETTINGS
    @given(
        st.datetimes(dt.datetime(2026, 4, 28), dt.datetime(2026, 5, 3)),
        st.sampled_from([-12, -10, -5, 0, 5.5, 9, 14]),
        st.sampled_from(["2026-04-30", "2026-05-01", "2026-05-02", "2026-05-01T10:00Z",
                         "2026-04-30T22:00+09:00", "2026-05", "2026-04"]),
        st.dates(dt.date(2026, 4, 27), dt.date(2026, 5, 5)),
    )  # fmt: skip
    def test_the_zone_it_was_written_in_changes_nothing(
        self, moment: dt.datetime, hours: float, done: str, day: dt.date
    ) -> None:
        utc = moment.replace(tzinfo=dt.UTC, second=0, microsecond=0)
        there = utc.astimezone(dt.timezone(dt.timedelta(hours=hours)))

        def record(at: dt.datetime) -> tuple[object, object]:
            promise = Event(title="x", when=at.isoformat())
            kept = promise.revise(stated="2026-06-01", status="happened", when=done)
            return (judged(kept, dt.date(2026, 7, 1)), judged(promise, day))

        assert record(utc) == record(there)
