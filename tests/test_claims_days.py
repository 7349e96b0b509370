"""Claims and "as of" against a brute-force oracle that reads every date as a set of days.

Each date below is written as text *and* by hand as the days it could fall on (DESIGN.md
§2: a qualified date one unit of its grain either side, "April or June" never May, "by
May" every day up to 31 May, "after April" every day from 1 May on), with its plain first
and last day (where it sorts). The oracle replays a random history (an initial statement
with a published day, claims with dates and statuses, an end, a target with figures) one
claim at a time, as DESIGN §3 "How claims work" says, and judges, day by day:

* ``as_of``: the initial statement and the claims stated on or before the day;
* ``overdue``: still open and every day it could fall on (its span to a standing end) is
  before the day, unless the target's figures known then show it reached;
* ``upcoming``: still open, not reached, some day it could fall on is in the days ahead, and it
  sorts (first day, else last) inside them;
* ``slips``: a claim moving the last day of the span later while open;
* ``delay``: 0 when the happening could share a day with the first promise, else early by
  the days to the next day promised, else late by the days past the last;
* the track record: kept, late, broken (cancelled, overdue, a target missed, or a date
  withdrawn once the last date promised has passed) or pending; a goal its figures show
  reached is judged as a happening, kept or late by the smallest delay the figures allow.

Everything is compared with the library for the event and for a timeline of several.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import Event, EventError, Observation, Source, Status, Target, Timeline, When

SETTINGS = settings(
    max_examples=examples(150, 3000),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

LOW = dt.date(2019, 1, 1)  # before any day below: stands for "no first day"
HIGH = dt.date(2031, 12, 31)  # after any day below: stands for "no last day"
Days = frozenset[dt.date]


def span(first: dt.date, last: dt.date) -> Days:
    return frozenset(dt.date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1))


def month(y: int, m: int) -> Days:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return span(dt.date(y, m, 1), nxt - dt.timedelta(days=1))


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class Meaning(NamedTuple):
    first: dt.date | None  # the plain first day (None: none)
    last: dt.date | None  # the plain last day
    days: Days  # every day it could fall on
    qualified: bool = False


# (text, meaning), written out by hand.
DATES: dict[str, Meaning] = {
    "2026-04": Meaning(d("2026-04-01"), d("2026-04-30"), month(2026, 4)),
    "2026-04-30": Meaning(d("2026-04-30"), d("2026-04-30"), span(d("2026-04-30"), d("2026-04-30"))),
    "2026-05-20": Meaning(d("2026-05-20"), d("2026-05-20"), span(d("2026-05-20"), d("2026-05-20"))),
    "2026-06": Meaning(d("2026-06-01"), d("2026-06-30"), month(2026, 6)),
    "2026-07-02": Meaning(d("2026-07-02"), d("2026-07-02"), span(d("2026-07-02"), d("2026-07-02"))),
    "Q2 2026": Meaning(d("2026-04-01"), d("2026-06-30"), span(d("2026-04-01"), d("2026-06-30"))),
    "H2 2026": Meaning(d("2026-07-01"), d("2026-12-31"), span(d("2026-07-01"), d("2026-12-31"))),
    "2026": Meaning(d("2026-01-01"), d("2026-12-31"), span(d("2026-01-01"), d("2026-12-31"))),
    "c. 2026": Meaning(
        d("2026-01-01"), d("2026-12-31"), span(d("2025-01-01"), d("2027-12-31")), True
    ),
    "c. April 2026": Meaning(
        d("2026-04-01"), d("2026-04-30"), span(d("2026-03-01"), d("2026-05-31")), True
    ),
    "c. June 2026": Meaning(
        d("2026-06-01"), d("2026-06-30"), span(d("2026-05-01"), d("2026-07-31")), True
    ),
    "by May 2026": Meaning(None, d("2026-05-31"), span(LOW, d("2026-05-31"))),
    "by 2026": Meaning(None, d("2026-12-31"), span(LOW, d("2026-12-31"))),
    "after April 2026": Meaning(d("2026-05-01"), None, span(d("2026-05-01"), HIGH)),
    "[2026-04,2026-06]": Meaning(d("2026-04-01"), d("2026-06-30"), month(2026, 4) | month(2026, 6)),
    "TBD": Meaning(None, None, frozenset()),
    "2025-12": Meaning(d("2025-12-01"), d("2025-12-31"), month(2025, 12)),
    "2026-12": Meaning(d("2026-12-01"), d("2026-12-31"), month(2026, 12)),
    "2027-01": Meaning(d("2027-01-01"), d("2027-01-31"), month(2027, 1)),
}
ENDS = ("2026-06", "c. June 2026", "2026-04-30", "2026-12")


def meaning(text: str) -> Meaning:
    if text.startswith("by 2") and text[3:].count("-") == 2:  # "by 2026-03-15": said happened
        last = d(text[3:])
        return Meaning(None, last, span(LOW, last))
    return DATES[text]


OPEN = ("expected", "confirmed")

# -- the oracle -------------------------------------------------------------------------------


class Goal(NamedTuple):
    deadline: str  # "2026", "2026-06" or "c. 2026"
    figures: tuple[tuple[str, int, dt.date | None], ...]  # (period, value of "x", published)


class History(NamedTuple):
    when: str
    status: str
    published: dt.date | None
    end: str | None
    steps: tuple[tuple[dt.date, str | None, str | None], ...]  # (said, when, status)
    goal: Goal | None


class State(NamedTuple):
    when: str
    status: str
    steps: tuple[tuple[dt.date, str | None, str | None], ...]  # the claims known, in order


def known(h: History, day: dt.date) -> State | None:
    """As known on ``day``: None before the initial statement was published."""
    if h.published is not None and h.published > day:
        return None
    steps = tuple(s for s in sorted(h.steps, key=lambda s: s[0]) if s[0] <= day)
    replayed = states(h.when, h.status, steps)
    when, status = (h.when, h.status) if not replayed else replayed[-1][:2]
    return State(when, status, steps)


def states(
    when: str, status: str, steps: Sequence[tuple[dt.date, str | None, str | None]]
) -> list[tuple[str, str, str]]:
    """(when, status, when before) after each claim, replayed one at a time."""
    out = []
    promised = when if status in OPEN else None
    for said, new_when, new_status in steps:
        was, was_open = when, status in OPEN
        status = new_status or status
        is_open = status in OPEN
        if new_when is not None:
            when = new_when
        elif is_open and not was_open and promised is not None:
            when = promised  # opened again without a date: the last date promised
        elif new_status == "happened" and min(meaning(when).days, default=HIGH) > said:
            when = f"by {said.isoformat()}"  # it cannot have happened later than said
        if is_open:
            promised = when
        out.append((when, status, was))
    return out


def end_with(h: History, when: str) -> str | None:
    """The end standing while ``when`` is expected: until a move past it."""
    if h.end is None:
        return None
    end_last = meaning(h.end).last
    if end_last is None or when == h.when:
        return h.end
    last = meaning(when).last
    return h.end if last is not None and last <= end_last else None


def could_fall(h: History, when: str) -> Days:
    """Every day the event could fall on: its span to a standing end, else its date."""
    end = end_with(h, when)
    days = meaning(when).days
    if end is None:
        return days
    first = min(days, default=LOW)
    return span(first, max(meaning(end).days))


def position(h: History, when: str) -> dt.date | None:
    """Where it sorts: its plain first day, else the last of its span."""
    m = meaning(when)
    if m.first is not None:
        return m.first
    end = end_with(h, when)
    return meaning(end).last if end is not None else m.last


def goal_status(h: History, day: dt.date) -> str | None:
    """'met' or 'missed' by the figures known on ``day``; None otherwise."""
    if h.goal is None:
        return None
    due = meaning(h.goal.deadline)
    assert due.first is not None and due.last is not None
    # a figure's period: every day it could cover (a figure for "c. 2026" could run to 2027)
    # known once that period has ended and its source (if dated) was published
    figures = [
        (min(meaning(p).days), max(meaning(p).days), v)
        for p, v, said in h.goal.figures
        if max(meaning(p).days) <= day and (said is None or said <= day)
    ]
    # met: a figure surely by the deadline's plain last day reaches the goal
    if any(last <= due.last and v >= 10 for _, last, v in figures):
        return "met"
    # missed: past every day the deadline could be, a figure for a period from the
    # deadline's start running to that last possible day, or later, falls short
    if max(due.days) < day and any(
        first >= due.first and last >= max(due.days) and v < 10 for first, last, v in figures
    ):
        return "missed"
    return None
    due = meaning(h.goal.deadline)
    assert due.first is not None and due.last is not None
    # known once its period has ended and its source (if dated) was published
    figures = [
        (meaning(p), v)
        for p, v, said in h.goal.figures
        if meaning(p).last <= day and (said is None or said <= day)  # type: ignore[operator]
    ]
    if any(m.last <= due.last and v >= 10 for m, v in figures):  # type: ignore[operator]
        return "met"
    if max(due.days) < day and any(
        # a figure for a period running to the last day the deadline could be, or later
        m.first >= due.first and m.last >= max(due.days) and v < 10  # type: ignore[operator]
        for m, v in figures
    ):
        return "missed"
    return None


def goal_reached(h: History, day: dt.date) -> int | None:
    """How late the goal was reached by the figures known on ``day`` (None: not shown):
    0 when it could have been reached by the deadline's last possible day, else the days
    from that day to the day after the latest figure short of it before the first reaching
    it (the smallest delay the figures allow, as for a happening)."""
    if h.goal is None:
        return None
    due = max(meaning(h.goal.deadline).days)
    figures = [
        (max(meaning(p).days), v)
        for p, v, said in h.goal.figures
        if max(meaning(p).days) <= day and (said is None or said <= day)
    ]
    reaching = [last for last, v in figures if v >= 10]
    if not reaching:
        return None
    short = [last for last, v in figures if v < 10 and last < min(reaching)]
    late = max(0, (max(short) + dt.timedelta(days=1) - due).days) if short else 0
    # figures that contradict each other: as the target's own status reads them
    status = goal_status(h, day)
    if status == "met":
        return 0
    return max(1, late) if status == "missed" else late


def overdue(h: History, k: State, day: dt.date) -> bool:
    """Open, not reached, and its date surely passed or its target missed (whatever its
    own date says)."""
    days = could_fall(h, k.when)
    passed = bool(days) and max(days) < day and max(days) < HIGH
    return (
        k.status in OPEN
        and (passed or goal_status(h, day) == "missed")
        and goal_reached(h, day) is None
    )


def upcoming(h: History, k: State, day: dt.date, within: int) -> bool:
    if k.status not in OPEN or goal_reached(h, day) is not None:
        return False
    if goal_status(h, day) == "missed":
        return False  # overdue, not still to come
    stop = day + dt.timedelta(days=within)
    where = position(h, k.when)
    days = could_fall(h, k.when)
    return where is not None and where <= stop and any(day <= x <= stop for x in days)


def first_promise(h: History, k: State) -> tuple[str, bool]:
    """The first date promised, and whether the initial statement gave it."""
    if h.when != "TBD":
        return h.when, True
    status = h.status
    for _, w, s in k.steps:
        status = s or status
        if w is not None and w != "TBD" and status in OPEN:
            return w, False
    return h.when, True


def delay(h: History, k: State) -> int | None:
    if k.status != "happened":
        return None
    first, _ = first_promise(h, k)
    promised = meaning(first).days
    end = end_with(h, first)
    if end is not None:  # promised to the end standing with it, as overdue reads the span
        promised = span(min(promised, default=LOW), max(meaning(end).days))
    done = meaning(k.when).days
    if not promised or not done:
        return 0
    done = span(min(done), max(done))  # where it happened: from its first to its last day
    if promised & done:
        return 0
    ahead = [x for x in promised if x > max(done)]
    if ahead:
        return -(min(ahead) - max(done)).days
    return (min(done) - max(promised)).days


def slips(h: History, k: State) -> list[tuple[str, str, int | None]]:
    found = []
    replayed = states(h.when, h.status, k.steps)
    promised = h.when if h.status in OPEN else None  # the last date promised while open
    for (_, w, _), (now, now_status, was), status in zip(
        k.steps, replayed, [h.status, *(s for _, s, _ in replayed)], strict=False
    ):
        before, promised = promised, now if now_status in OPEN else promised
        if w is None:
            continue
        if status not in OPEN:
            # opened again with a date: moved from the last date promised while open
            if now_status not in OPEN or before is None:
                continue
            was = before
        old, new = meaning(was), meaning(w)
        old_end, new_end = end_with(h, was), end_with(h, w)
        old_last_m = meaning(old_end) if old_end else old
        new_last_m = meaning(new_end) if new_end else new
        # a plain date against where a qualified one could fall
        old_last = (
            max(old_last_m.days) if old_last_m.qualified and not new_last_m.qualified
            else old_last_m.last
        )  # fmt: skip
        old_first = min(old.days) if old.qualified and not new.qualified else old.first
        new_last = new_last_m.last
        if new_last is None and old_last is None:
            if new.first is not None and old_first is not None and new.first > old_first:
                found.append((was, w, (new.first - old_first).days))
        elif new_last is None:
            found.append((was, w, None))
        elif old_last is not None and new_last > old_last:
            found.append((was, w, (new_last - old_last).days))
    return found


def first_giver(h: History, k: State) -> dt.date | None:
    """The day the first promise was stated: the claim that gave it, else published."""
    first, initial = first_promise(h, k)
    if initial:
        return h.published
    status = h.status
    for said, w, s in k.steps:
        status = s or status
        if w == first and status in OPEN:
            return said
    raise AssertionError(first)


def notice(h: History, k: State) -> float | None:
    """Days from the statement of the first promise to the last day of its span."""
    first, _ = first_promise(h, k)
    said = first_giver(h, k)
    last = meaning(end_with(h, first) or first).last
    return None if said is None or last is None else float((last - said).days)


def outcome(h: History, day: dt.date) -> tuple[str, int | None] | None:
    k = known(h, day)
    if k is None or h.status not in OPEN:
        return None
    if k.status == "happened":
        late = delay(h, k)
        assert late is not None
        return ("late", late) if late > 0 else ("kept", None)
    if k.status == "cancelled":
        return ("broken", None)
    reached = goal_reached(h, day)  # the figures' happening, judged as one
    if reached is not None:
        return ("late", reached) if reached > 0 else ("kept", None)
    if goal_status(h, day) == "missed":
        return ("broken", None)
    if overdue(h, k, day):
        return ("broken", None)
    if k.when == "TBD":  # withdrawn: judged by the last date promised while open
        last = None
        if h.status in OPEN and h.when != "TBD":
            last = h.when
        for w, s, _ in states(h.when, h.status, k.steps):
            if s in OPEN and w != "TBD":
                last = w
        if last is not None and overdue(h, k._replace(when=last), day):
            return ("broken", None)
    return ("pending", None)


# -- the histories ----------------------------------------------------------------------------

DAYS = st.dates(dt.date(2025, 11, 1), dt.date(2027, 3, 31))
TEXTS = sorted(DATES)
STATUSES = ["expected", "confirmed", "happened", "cancelled"]
CLOSE = st.dates(dt.date(2026, 4, 28), dt.date(2026, 5, 2))  # claims said the same day
STEP = st.tuples(
    DAYS | CLOSE, st.none() | st.sampled_from(TEXTS), st.none() | st.sampled_from(STATUSES)
)
GOAL = st.builds(
    Goal,
    st.sampled_from(["2026", "2026-06", "c. 2026"]),
    st.lists(
        st.tuples(st.sampled_from(["2025-12", "2026-04", "2026-06", "2026", "2027-01", "c. 2026"]),
                  st.sampled_from([8, 12]), st.none() | DAYS),
        max_size=3,
    ).map(tuple),
)  # fmt: skip
HISTORY = st.builds(
    History,
    st.sampled_from(TEXTS),
    st.sampled_from(STATUSES[:2]) | st.sampled_from(STATUSES),
    st.none() | DAYS,
    st.none() | st.none() | st.sampled_from(ENDS),
    st.lists(STEP, max_size=4).map(tuple),
    st.none() | GOAL,
)


def build(h: History, title: str = "x") -> Event | None:
    """The event of a history; None when the end is before the date (refused)."""
    target = None
    figures = []
    if h.goal is not None:
        target = Target("n", "10 x", h.goal.deadline)
        figures = [
            Observation(p, f"{v} x", source=None if said is None else Source("f", published=said))
            for p, v, said in h.goal.figures
        ]
    try:
        event = Event(
            title=title, when=h.when, status=h.status, end=h.end,
            sources=[] if h.published is None else [Source("s", published=h.published)],
            target=target, observations=figures,
        )  # fmt: skip
    except EventError:
        return None
    for said, w, s in h.steps:  # one claim at a time, as a user types them in
        event = event.revise(stated=said, when=w, status=s)
    return event


def same(text: str, when: When) -> bool:
    return When.parse(text) == when and str(When.parse(text)) == str(when)


class TestEventAgainstTheOracle:
    @SETTINGS
    @given(HISTORY, DAYS | CLOSE, st.integers(0, 400))
    def test_as_of_overdue_upcoming(self, h: History, day: dt.date, within: int) -> None:
        event = build(h)
        if event is None:
            return
        k = known(h, day)
        got = event.as_of(day)
        assert (got is None) == (k is None)
        assert event.overdue(day) == (k is not None and overdue(h, k, day))
        assert event.upcoming(day, within) == (k is not None and upcoming(h, k, day, within))
        if got is None or k is None:
            return
        assert same(k.when, got.when)
        assert got.status is Status(k.status)
        assert [(c.day, c.when, c.status) for c in got.claims] == [
            (s, None if w is None else When.parse(w), None if t is None else Status(t))
            for s, w, t in k.steps
        ]

    @SETTINGS
    @given(HISTORY, DAYS)
    def test_slips_delay_and_outcome(self, h: History, day: dt.date) -> None:
        event = build(h)
        if event is None:
            return
        k = known(h, day)
        got = event.as_of(day)
        if got is None or k is None:
            return
        assert [(str(s.before), str(s.after), s.days) for s in got.slips] == [
            (str(When.parse(a)), str(When.parse(b)), n) for a, b, n in slips(h, k)
        ]
        assert got.delay == delay(h, k)
        record = Timeline([event]).track_record(as_of=day).total
        found = [(o, record.delay_days[0] if o == "late" else None)
                 for o in ("kept", "late", "broken", "pending") if record.ids(o)]  # fmt: skip
        expected = outcome(h, day)
        assert found == ([] if expected is None else [expected])
        if expected is not None:
            assert record.slips == len(slips(h, k))
            assert record.mean_notice_days == notice(h, k)


class TestTimelineAgainstTheOracle:
    @SETTINGS
    @given(st.lists(HISTORY, max_size=5), DAYS, st.integers(0, 400))
    def test_queries(self, histories: list[History], day: dt.date, within: int) -> None:
        built = [(f"e{i}", h, build(h, f"e{i}")) for i, h in enumerate(histories)]
        kept = [(i, h, e) for i, h, e in built if e is not None]
        tl = Timeline([e for _, _, e in kept])
        states_ = {i: (h, k) for i, h, _ in kept if (k := known(h, day)) is not None}
        assert {e.id: (e.when, e.status) for e in tl.as_of(day)} == {
            i: (When.parse(k.when), Status(k.status)) for i, (_, k) in states_.items()
        }
        assert {e.id for e in tl.overdue(as_of=day)} == {
            i for i, (h, k) in states_.items() if overdue(h, k, day)
        }
        assert {e.id for e in tl.upcoming(as_of=day, within=within)} == {
            i for i, (h, k) in states_.items() if upcoming(h, k, day, within)
        }
        # every slip of every event, in the order said (a stable sort by day)
        found = [(e.id, s.claim.day, str(s.after), s.days) for e, s in tl.as_of(day).slips()]
        assert [s[1] for s in found] == sorted(s[1] for s in found)
        wanted = [
            (i, str(When.parse(after)), n)
            for i, (h, k) in states_.items()
            for _, after, n in slips(h, k)
        ]
        assert sorted(((i, a, n) for i, _, a, n in found), key=repr) == sorted(wanted, key=repr)
        total = tl.track_record(as_of=day).total
        for i, (h, _) in states_.items():
            expected = outcome(h, day)
            if expected is None:
                assert i not in total.ids("kept") + total.ids("late") + total.ids(
                    "broken"
                ) + total.ids("pending")
            else:
                assert i in total.ids(expected[0])


class TestLateExactlyWhenOverdue:
    """A promise is late exactly when it was overdue on the day it happened, while its date
    never moved (DESIGN §3: delay and overdue read one window)."""

    @SETTINGS
    @given(HISTORY, DAYS)
    def test_done_on_a_day(self, h: History, day: dt.date) -> None:
        h = h._replace(goal=None, steps=tuple(s for s in h.steps if s[2] != "happened"))
        event = build(h)
        k = known(h, day)
        if event is None or k is None or k.status not in OPEN or k.when == "TBD":
            return
        if first_promise(h, k)[0] != k.when:
            return  # moved: judged against the first promise, not the date then expected
        done = event.revise(stated=day, when=day, status="happened")
        late = done.as_of(day).delay  # type: ignore[union-attr]
        assert late is not None
        assert (late > 0) == event.overdue(day)


class TestAsOfIsOneThing:
    """ "as of" means one thing everywhere (DESIGN §3): a query on a day judges the timeline
    as known that day, so asking the timeline known then gives the same answer."""

    @SETTINGS
    @given(st.lists(HISTORY, max_size=4), DAYS, st.integers(0, 200))
    def test_queries_of_the_timeline_known_then(
        self, histories: list[History], day: dt.date, within: int
    ) -> None:
        events = [e for i, h in enumerate(histories) if (e := build(h, f"e{i}")) is not None]
        tl = Timeline(events)
        then = tl.as_of(day)
        assert then.as_of(day) == then  # replaying twice changes nothing
        assert [e.id for e in then.overdue(as_of=day)] == [e.id for e in tl.overdue(as_of=day)]
        assert [e.id for e in then.upcoming(as_of=day, within=within)] == [
            e.id for e in tl.upcoming(as_of=day, within=within)
        ]
        assert then.track_record(as_of=day) == tl.track_record(as_of=day)
        for event in events:
            known = event.as_of(day)
            if known is not None:  # slips known then are the first of all the slips
                assert event.slips[: len(known.slips)] == known.slips
