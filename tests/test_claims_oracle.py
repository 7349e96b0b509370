"""An independent reading of the claim semantics (DESIGN.md, "How claims work"), compared
with the library on random claim histories.

The reference below is deliberately slow and direct: it replays a history claim by claim
from plain ``datetime.date`` bounds, with none of the library's shortcuts (cached state,
truncation of sorted claims, shared copies), and judges each promise as the track record's
documentation defines it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import (
    Claim,
    Event,
    Observation,
    Source,
    Status,
    Target,
    TargetError,
    Timeline,
    When,
    growth,
)
from timeline.model._text import name_key

# -- the reference ---------------------------------------------------------------------------

TEXTS = (
    "2026-04",
    "2026-04-15",
    "2026-03-31",
    "Q2 2026",
    "H1 2026",
    "2026",
    "by 2026",
    "by May 2026",
    "c. April 2026",
    "after March 2026",
    "after June 2026",
    "TBD",
    "2025-12",
    "2027-01",
)


def _day(p: object) -> dt.date | None:
    if p is None:
        return None
    if isinstance(p, dt.datetime):
        return dt.date(p.year, p.month, p.day)
    assert isinstance(p, dt.date)
    return dt.date(p.year, p.month, p.day)


def _last(w: When) -> dt.date | None:
    return _day(w.latest)


def _first(w: When) -> dt.date | None:
    return _day(w.earliest)


# Stated (a day, or an instant as ISO text with its zone), when text, status.
Step = tuple[dt.date | str, str | None, Status | None]
Published = dt.date | str | None  # a day, or a date as text ("2026-03~", "TBD")


def _published_day(published: Published) -> dt.date | None:
    """The day a statement counts from: the earliest day of ``published``; None: always known."""
    if published is None or isinstance(published, dt.date):
        return published
    return _first(When.parse(published))


def said_day(stated: dt.date | str) -> dt.date:
    """The day a claim counts from: the day, or an instant's own local date."""
    if isinstance(stated, str):
        return dt.datetime.fromisoformat(stated).date()
    return stated


def ref_order(steps: Sequence[Step]) -> list[Step]:
    """Stated order: by day, a claim stated as a day before those stated at instants on
    it, claims stated as the same day in the order given; then the places of the claims
    stated at instants are filled with them in UTC order."""
    by_day = [
        s
        for _, s in sorted(
            enumerate(steps), key=lambda p: (said_day(p[1][0]), isinstance(p[1][0], str), p[0])
        )
    ]
    places = [i for i, s in enumerate(by_day) if isinstance(s[0], str)]
    instants = sorted(
        (by_day[i] for i in places),
        key=lambda s: dt.datetime.fromisoformat(str(s[0])).astimezone(dt.UTC),
    )
    for i, s in zip(places, instants, strict=True):
        by_day[i] = s
    return by_day


def ref_after(when: str, step: Step, status: Status, promised: str | None) -> str:
    """The date after a claim: its own; else, for a claim opening a happened or cancelled
    event again, the last date promised while it was open (a date given as it happened or
    was cancelled promised nothing); else, for "happened" said before the date could
    begin, by the day it was said; else the date before."""
    stated, w, st_ = step
    day = said_day(stated)
    if w is not None:
        return w
    now = st_ if st_ is not None else status
    if promised is not None and now.is_open and not status.is_open:
        return promised
    if st_ is Status.HAPPENED:
        value = When.parse(when)
        lo = None if value.is_undated else value.fuzzy_bounds()[0]
        if value.is_undated:  # undated: all that is known is that it happened by then
            begins_after = True
        elif isinstance(lo, dt.datetime) and lo.tzinfo is None:  # floating: the day's clock
            begins_after = lo.date() > day
        elif isinstance(lo, dt.datetime):  # after the day's last moment, 24:00 at UTC-12
            end = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) + dt.timedelta(hours=36)
            begins_after = lo > end
        else:
            begins_after = lo is not None and _day(lo) > day  # type: ignore[operator]
        if begins_after:
            return f"by {day.isoformat()}"
    return when


def ref_replay(
    initial: tuple[str, Status], published: Published, steps: Sequence[Step], day: dt.date
) -> tuple[str, Status, list[Step]] | None:
    """(when, status, claims known) as known on ``day``, or None before it was announced."""
    said = _published_day(published)
    if said is not None and said > day:
        return None
    when, status = initial
    promised = when if status.is_open else None
    known = [s for s in ref_order(steps) if said_day(s[0]) <= day]
    for step in known:
        when = ref_after(when, step, status, promised)
        status = step[2] if step[2] is not None else status
        promised = when if status.is_open else promised
    return when, status, known


def ref_first_promise(
    initial: tuple[str, Status], steps: Sequence[Step]
) -> tuple[str, dt.date | None]:
    """The first date promised, and the day of the claim that gave it (None: the initial)."""
    when, status = initial
    if not When.parse(when).is_undated:
        return when, None
    for stated, w, st_ in ref_order(steps):
        status = st_ if st_ is not None else status
        if w is not None and not When.parse(w).is_undated and status.is_open:
            return w, said_day(stated)
    return when, None


def ref_first_expected(initial: tuple[str, Status], steps: Sequence[Step]) -> str:
    return ref_first_promise(initial, steps)[0]


def _moved(when: str, w: str) -> list[tuple[str, str]]:
    """``[(when, w)]`` when ``w`` moves the promise ``when`` later, else ``[]``."""
    # A plain date against where a qualified one could fall; else as stated.
    was, now = When.parse(when), When.parse(w)
    lo, hi = (
        was.fuzzy_bounds() if was.qualified and not now.qualified else (was.earliest, was.latest)
    )
    old, new = _day(hi), _last(now)
    if old is None and new is None:  # open-ended both: compare the earliest days
        old, new = _day(lo), _first(now)
    elif new is None:
        return [(when, w)]
    return [(when, w)] if new is not None and old is not None and new > old else []


def ref_slips(initial: tuple[str, Status], steps: Sequence[Step]) -> list[tuple[str, str]]:
    when, status = initial
    promised = when if status.is_open else None
    found = []
    for step in ref_order(steps):
        _, w, st_ = step
        reopened = not status.is_open and st_ is not None and st_.is_open
        if w is not None and status.is_open:
            found.extend(_moved(when, w))
        elif w is not None and reopened and promised is not None:
            # opened again with a date: moved from the last date promised while open
            found.extend(_moved(promised, w))
        when = ref_after(when, step, status, promised)
        status = st_ if st_ is not None else status
        promised = when if status.is_open else promised
    return found


def ref_delay(first: str, actual: str) -> int:
    """The smallest delay the dates allow: 0 if the two windows could share a day."""
    # A qualified date could fall anywhere its fuzzy bounds reach.
    f_lo, f_hi = (_day(p) for p in When.parse(first).fuzzy_bounds())
    a_lo, a_hi = (_day(p) for p in When.parse(actual).fuzzy_bounds())
    if a_lo is not None and f_hi is not None and a_lo > f_hi:
        return (a_lo - f_hi).days
    if a_hi is not None and f_lo is not None and a_hi < f_lo:
        return (a_hi - f_lo).days
    return 0


def ref_overdue(when: str, status: Status, day: dt.date) -> bool:
    if not status.is_open:
        return False
    hi = When.parse(when).fuzzy_bounds()[1]
    return hi is not None and _day(hi) is not None and _day(hi) < day  # type: ignore[operator]


def ref_outcome(
    initial: tuple[str, Status], published: Published, steps: Sequence[Step], day: dt.date
) -> str | None:
    known = ref_replay(initial, published, steps, day)
    if known is None or not initial[1].is_open:
        return None
    when, status, claims = known
    if status is Status.HAPPENED:
        late = ref_delay(ref_first_expected(initial, claims), when)
        return "late" if late > 0 else "kept"
    if status is Status.CANCELLED or ref_overdue(when, status, day):
        return "broken"
    if When.parse(when).is_undated:  # withdrawn ("TBD"): judged by the last date promised
        last = ref_last_dated(initial, claims)
        if last is not None and ref_overdue(last, status, day):
            return "broken"
    return "pending"


def ref_last_dated(initial: tuple[str, Status], claims: Sequence[Step]) -> str | None:
    """The last date expected while the event was open (None: never dated while open)."""
    when, status = initial
    promised = when if status.is_open else None
    last = when if status.is_open and not When.parse(when).is_undated else None
    for step in claims:  # already in stated order
        when = ref_after(when, step, status, promised)
        status = step[2] if step[2] is not None else status
        promised = when if status.is_open else promised
        if status.is_open and not When.parse(when).is_undated:
            last = when
    return last


# -- the histories ---------------------------------------------------------------------------

DAYS = st.dates(dt.date(2025, 11, 1), dt.date(2027, 2, 28))
# Claims stated at instants too, in zones from UTC+14 to UTC-12: their local days and their
# UTC order can run apart.
CLOSE = st.dates(dt.date(2026, 4, 19), dt.date(2026, 4, 22))  # a few days: orders cross
INSTANTS = st.builds(
    lambda d, h, z: f"{d.isoformat()}T{h:02d}:00{z}",
    st.one_of(DAYS, CLOSE, CLOSE),
    st.integers(0, 23),
    st.sampled_from(["+14:00", "-12:00", "+05:45", "Z", "-09:30"]),
)
STEPS = st.tuples(
    st.one_of(DAYS, DAYS, INSTANTS),
    st.none() | st.sampled_from(TEXTS),
    st.none() | st.sampled_from(list(Status)),
)
HISTORIES = st.tuples(
    st.tuples(st.sampled_from(TEXTS), st.sampled_from(list(Status))),
    st.none() | DAYS | st.sampled_from(["2026-03~", "2026", "TBD", "../2026-03", "2026-02/"]),
    st.lists(STEPS, max_size=5),
)


def _event(history: tuple[tuple[str, Status], dt.date | None, list[Step]], title: str) -> Event:
    (when, status), published, steps = history
    event = Event(
        title=title,
        when=when,
        status=status,
        sources=[] if published is None else [Source("s", published=published)],
    )
    for stated, w, st_ in steps:  # one claim at a time, as a user types them in
        event = event.revise(stated=stated, when=w, status=st_)
    return event


class TestAgainstTheReference:
    @settings(max_examples=examples(300, 3000), deadline=None)
    @given(HISTORIES, st.one_of(DAYS, CLOSE))
    def test_as_of_replays(self, history: tuple, day: dt.date) -> None:  # type: ignore[type-arg]
        initial, published, steps = history
        event = _event(history, "x")
        expected = ref_replay(initial, published, steps, day)
        known = event.as_of(day)
        if expected is None:
            assert known is None
            return
        assert known is not None
        assert (str(known.when), known.status) == (str(When.parse(expected[0])), expected[1])
        assert [(c.day, c.when, c.status) for c in known.claims] == [
            (said_day(d), None if w is None else When.parse(w), s) for d, w, s in expected[2]
        ]

    @settings(max_examples=examples(300, 3000), deadline=None)
    @given(HISTORIES)
    def test_current_slips_and_delay(self, history: tuple) -> None:  # type: ignore[type-arg]
        initial, _, steps = history
        event = _event(history, "x")
        when, status, _ = ref_replay(initial, None, steps, dt.date.max)  # type: ignore[misc]
        assert (str(event.when), event.status) == (str(When.parse(when)), status)
        assert str(event.first_expected) == str(When.parse(ref_first_expected(initial, steps)))
        assert [(str(s.before), str(s.after)) for s in event.slips] == [
            (str(When.parse(a)), str(When.parse(b))) for a, b in ref_slips(initial, steps)
        ]
        expected_delay = (
            ref_delay(ref_first_expected(initial, steps), when)
            if status is Status.HAPPENED
            else None
        )
        assert event.delay == expected_delay

    @settings(max_examples=examples(300, 3000), deadline=None)
    @given(HISTORIES, DAYS)
    def test_overdue(self, history: tuple, day: dt.date) -> None:  # type: ignore[type-arg]
        initial, published, steps = history
        known = ref_replay(initial, published, steps, day)
        expected = known is not None and ref_overdue(known[0], known[1], day)
        assert _event(history, "x").overdue(day) == expected

    @settings(max_examples=examples(150, 3000), deadline=None)
    @given(
        st.lists(
            st.tuples(HISTORIES, st.sampled_from(["Acme", "acme", "ACME", "Calder"])),
            max_size=6,
        ),
        DAYS,
    )
    def test_track_record_counts(self, rows: list, day: dt.date) -> None:  # type: ignore[type-arg]
        events = []
        expected: dict[str, dict[str, list[str]]] = {}
        slips: dict[str, int] = {}
        notices: dict[str, list[int]] = {}
        for i, (history, actor) in enumerate(rows):
            event = _event(history, f"e{i}")
            event = Event(
                title=event.title,
                when=event.initial_when,
                status=event.initial_status,
                sources=event.sources,
                claims=event.claims,
                actors=[actor],
            )
            events.append(event)
            outcome = ref_outcome(history[0], history[1], history[2], day)
            if outcome is None:
                continue
            key = name_key(actor)
            expected.setdefault(key, {}).setdefault(outcome, []).append(event.id)
            initial, published, steps = history
            known = [s for s in ref_order(steps) if said_day(s[0]) <= day]
            slips[key] = slips.get(key, 0) + len(ref_slips(initial, known))
            first, giver = ref_first_promise(initial, known)
            # Notice: from the statement that gave the first date to that date's last day.
            said = _published_day(published) if giver is None else giver
            last = _last(When.parse(first))
            notices.setdefault(key, [])
            if said is not None and last is not None:
                notices[key].append((last - said).days)
        record = Timeline(events).track_record(as_of=day)
        got = {
            name_key(r.group): {o: sorted(r.ids(o)) for o in ("kept", "late", "broken", "pending")}
            for r in record
        }
        want = {
            k: {o: sorted(v.get(o, [])) for o in ("kept", "late", "broken", "pending")}
            for k, v in expected.items()
        }
        assert got == want
        for row in record:
            resolved = row.kept + row.late + row.broken
            assert row.on_time_rate == (row.kept / resolved if resolved else None)
            key = name_key(row.group)
            assert row.slips == slips[key]
            mean = sum(notices[key]) / len(notices[key]) if notices[key] else None
            assert row.mean_notice_days == mean


class TestClaimsTheSameDay:
    def test_given_order_is_stated_order(self) -> None:
        e = Event(title="x", when="2026-04")
        e = e.revise(stated="2026-04-20", when="2026-05").revise(
            stated="2026-04-20", when="2026-06"
        )
        assert str(e.when) == "June 2026"
        assert str(e.as_of("2026-04-20").when) == "June 2026"  # type: ignore[union-attr]


class TestFirstPromise:
    def test_a_date_given_while_cancelled_does_not_end_the_search(self) -> None:
        # "TBD"; cancelled (with March named); revived for June; happened 1 December:
        # June was the first date promised, so it is late, not kept on a "TBD" promise.
        e = (
            Event(title="x", when="TBD", actors=["A"])
            .revise(stated="2026-01-10", when="2026-03", status="cancelled")
            .revise(stated="2026-02-01", when="2026-06", status="expected")
            .revise(stated="2026-12-01", when="2026-12-01", status="happened")
        )
        assert str(e.first_expected) == "June 2026"
        assert e.delay == 154
        row = Timeline([e]).track_record(as_of="2026-12-31").row("A")
        assert (row.kept_ids, row.late_ids, row.delay_days) == ((), ("x",), (154,))


class TestInstantsInZones:
    def test_same_day_instants_are_in_the_order_they_were_said(self) -> None:
        # 09:00 at +08:00 is 01:00 UTC: said before 08:00 UTC the same day, though typed in after.
        e = (
            Event(title="x", when="2026-04")
            .revise(stated="2026-04-20T08:00Z", when="2026-06")
            .revise(stated="2026-04-20T09:00+08:00", when="2026-05")
        )
        assert [str(c.stated) for c in e.claims] == ["2026-04-20T09:00+08:00", "2026-04-20T08:00Z"]
        assert str(e.when) == "June 2026"
        assert [(str(s.before), str(s.after)) for s in e.slips] == [
            ("April 2026", "May 2026"),
            ("May 2026", "June 2026"),
        ]

    @pytest.mark.parametrize("day_first", [True, False])
    def test_a_day_comes_before_the_instants_of_its_day(self, day_first: bool) -> None:
        # A day has no time: it counts from the day's start (as "as of" reads it), so it
        # goes before the instants said on that local day, however the claims were typed.
        # (It kept its typed position among them; with instants whose local days run
        # against UTC, claims typed one at a time then came out in another order than the
        # same claims given at once.)
        day = [("2026-04-20", "2026-06")]
        instants = [("2026-04-20T08:00Z", "2026-07"), ("2026-04-20T01:00Z", "2026-05")]
        e = Event(title="x", when="2026-04")
        for stated, when in day + instants if day_first else instants[:1] + day + instants[1:]:
            e = e.revise(stated=stated, when=when)
        assert [str(c.when) for c in e.claims] == ["June 2026", "May 2026", "July 2026"]
        assert str(e.when) == "July 2026"

    def test_a_slip_between_instants_is_never_a_negative_number_of_days(self) -> None:
        # 05:00 at +08:00 on the 21st is 21:00 UTC on the 20th; 20:00 at -05:00 on the 20th is
        # 01:00 UTC on the 21st: four hours later, a slip, not one day earlier.
        e = Event(title="x", when="2026-04-21T05:00+08:00").revise(
            stated="2026-04-01", when="2026-04-20T20:00-05:00"
        )
        assert [s.days for s in e.slips] == [1]  # at least a day, as a delay counts
        later = Event(title="x", when="2026-04-21T05:00+08:00").revise(
            stated="2026-04-01", when="2026-04-22T20:00-05:00"
        )
        assert [s.days for s in later.slips] == [3]  # 2 days 4 hours: 3, rounded up


class TestUndatedPublication:
    """A source whose ``published`` has no first day is an undated source: always known.

    That is the rule `Observation.known_on` already follows for figures.
    """

    @pytest.mark.parametrize(
        "published",
        [
            "TBD",  # used to raise EventError from as_of, overdue and the track record
            "../2026-03",  # "until March 2026": used to count from 31 March
            "before 2026-03-10",
        ],
    )
    def test_as_of_knows_it_from_the_start(self, published: str) -> None:
        e = Event(
            title="x", when="2026-04", actors=["A"], sources=[Source("s", published=published)]
        )
        assert e.as_of("2020-01-01") is e
        assert e.overdue("2026-05-01")
        assert Timeline([e]).track_record(as_of="2026-05-01").row("A").broken_ids == ("x",)
        assert Observation("2025", "5 x", source=Source("s", published=published)).known_on(
            "2026-01-01"
        )

    @pytest.mark.parametrize("published", ["TBD", "../2026-03"])
    def test_files_and_feeds_take_it(self, published: str, tmp_path: Path) -> None:
        e = Event(title="x", when="2026-04", sources=[Source("s", published=published)])
        Timeline([e]).save(tmp_path / "t.yaml")  # used to fail to load: "no bounded day"
        assert Timeline.load(tmp_path / "t.yaml")["x"] == e
        assert "BEGIN:VEVENT" in Timeline([e]).to_ics(domain="example.org")

    def test_no_notice_is_counted_from_an_undated_publication(self) -> None:
        e = Event(title="x", when="2026-04", actors=["A"], sources=[Source("s", published="TBD")])
        assert Timeline([e]).track_record(as_of="2026-01-01").row("A").mean_notice_days is None

    def test_the_trend_chart_starts_it_at_the_chart_origin(self) -> None:
        pytest.importorskip("matplotlib")
        from timeline.display._trend import trend_lines

        e = Event(title="x", when="2026-04", sources=[Source("s", published="TBD")])
        e = e.revise(stated="2026-02-01", when="2026-05")
        (line,) = trend_lines([e], as_of="2026-03-01")
        assert line.steps[0][0] == dt.date(2026, 2, 1)  # the chart's first day: the claim's


class TestQualifiedDelay:
    """Delay is the smallest the dates allow, and a qualified date could fall a unit either side
    (its fuzzy bounds, as `Event.overdue` reads it): delivering must never score worse than
    still being open on the same day."""

    @pytest.mark.parametrize(
        ("promised", "happened", "delay"),
        [
            ("c. April 2026", "2026-05-15", 0),  # c. April could be May: was 15 (late)
            ("c. April 2026", "2026-06-01", 1),  # past c. April's widest (31 May)
            ("c. April 2026", "2026-02-27", -2),  # before its widest start (1 March)
            ("2026-04-15?", "2026-04-16", 0),  # "15 April?" could be the 16th: was 1
            ("April 2026", "c. May 2026", 0),  # "c. May" could be April: was 1
            ("April 2026", "2026-05-01", 1),  # exact dates: unchanged
        ],
    )
    def test_delay(self, promised: str, happened: str, delay: int) -> None:
        e = Event(title="x", when=promised).revise(
            stated="2026-07-01", when=happened, status="happened"
        )
        assert e.delay == delay

    @settings(max_examples=examples(200, 3000), deadline=None)
    @given(st.sampled_from(TEXTS), DAYS, DAYS)
    def test_happening_never_scores_worse_than_staying_open(
        self, promised: str, done: dt.date, day: dt.date
    ) -> None:
        # Done on `done`, judged on `day` after it: if the promise still open on `done`
        # would have been pending (not overdue), happening that day is kept, not late.
        if done > day:
            done, day = day, done
        e = Event(title="x", when=promised, actors=["A"])
        if e.overdue(done) or When.parse(promised).is_undated:
            return
        h = e.revise(stated=done, when=done, status="happened")
        assert Timeline([h]).track_record(as_of=day).row("A").late == 0


def ref_upcoming(when: str, status: Status, start: dt.date, within: int) -> bool:
    """Open, could meet [start, start + within], and sorts (earliest, else latest) by then."""
    if not status.is_open:
        return False
    w = When.parse(when)
    stop = start + dt.timedelta(days=within)
    lo, hi = (_day(p) for p in w.fuzzy_bounds())
    if (lo is not None and lo > stop) or (hi is not None and hi < start):
        return False
    position = _first(w) if _first(w) is not None else _last(w)
    return position is not None and position <= stop


class TestTimelineAgainstTheReference:
    @settings(max_examples=examples(150, 3000), deadline=None)
    @given(st.lists(HISTORIES, max_size=6), DAYS, st.integers(0, 400))
    def test_as_of_overdue_upcoming(
        self,
        histories: list,  # type: ignore[type-arg]
        day: dt.date,
        within: int,
    ) -> None:
        tl = Timeline([_event(h, f"e{i}") for i, h in enumerate(histories)])
        known = {
            f"e{i}": k
            for i, h in enumerate(histories)
            if (k := ref_replay(h[0], h[1], h[2], day)) is not None
        }
        assert {e.id for e in tl.as_of(day)} == set(known)
        assert {e.id for e in tl.overdue(as_of=day)} == {
            i for i, (w, s, _) in known.items() if ref_overdue(w, s, day)
        }
        assert {e.id for e in tl.upcoming(as_of=day, within=within)} == {
            i for i, (w, s, _) in known.items() if ref_upcoming(w, s, day, within)
        }


def _month_run(year: int, month: int) -> tuple[dt.date, dt.date]:
    after = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, 1), after - dt.timedelta(days=1)


D = dt.date
# Each value's readings as runs of days, written from what the text means.
_READINGS: dict[str, list[tuple[dt.date, dt.date]]] = {
    "April or June 2026": [_month_run(2026, 4), _month_run(2026, 6)],
    # "15 April?" could be a day either side
    "[2026-03-31,2026-04-15~,2026-05]": [
        (D(2026, 3, 31), D(2026, 3, 31)),
        (D(2026, 4, 14), D(2026, 4, 16)),
        _month_run(2026, 5),
    ],
    "2026-XX-15": [(D(2026, m, 15), D(2026, m, 15)) for m in range(1, 13)],
    "2026-X2": [_month_run(2026, 2), _month_run(2026, 12)],
    "2026-0X-1X": [(D(2026, m, 10), D(2026, m, 19)) for m in range(1, 10)],
    "[..2026-02-10,2026-04]": [(D.min, D(2026, 2, 10)), _month_run(2026, 4)],
}


class TestDelayOfSetsAndMasks:
    """A promise with several readings ("April or June 2026", "2026-XX-15": the 15th of
    some month) is kept inside a reading, not between two: 15 May is neither April nor
    June. While a later reading is still open it is not late (nor overdue), so it is
    early by the days until the next reading starts; late once every reading has passed,
    by the days since the last ended."""

    @pytest.mark.parametrize(
        ("promised", "happened", "delay"),
        [
            ("April or June 2026", "2026-05-15", -17),  # June starts in 17 days: was 0
            ("April or June 2026", "2026-06-05", 0),
            ("April or June 2026", "2026-04-30", 0),
            ("April or June 2026", "2026-07-10", 10),
            ("April or June 2026", "2026-03-10", -22),
            ("2026-XX-15", "2026-04-20", -25),  # the next 15th is 15 May: was 0
            ("2026-XX-15", "2026-04-15", 0),
            ("2026-XX-15", "2027-01-20", 36),
            ("XXXX-12-25", "2026-12-26", -364),  # a Christmas is still to come: was 0
            ("[2026-04-10,2026-04-20]", "2026-04-15", -5),
            ("[2026-04-10,2026-04-20]", "2026-04-15T23:00-12:00", -5),  # its own local day
        ],
    )
    def test_delay(self, promised: str, happened: str, delay: int) -> None:
        e = Event(title="x", when=promised).revise(
            stated="2027-06-01", when=happened, status="happened"
        )
        assert e.delay == delay

    @settings(max_examples=examples(200, 3000), deadline=None)
    @given(
        st.sampled_from(sorted(_READINGS)),
        st.dates(dt.date(2026, 1, 1), dt.date(2027, 1, 31)),
    )
    def test_late_exactly_when_overdue_and_by_the_enumerated_readings(
        self, promised: str, done: dt.date
    ) -> None:
        runs = _READINGS[promised]
        e = Event(title="x", when=promised)
        h = e.revise(stated="2027-06-01", when=done.isoformat(), status="happened")
        if any(a <= done <= b for a, b in runs):
            expected = 0
        elif any(a > done for a, _ in runs):
            expected = -min((a - done).days for a, _ in runs if a > done)
        else:
            expected = (done - max(b for _, b in runs)).days
        assert h.delay == expected, (promised, done)
        assert (h.delay > 0) is e.overdue(done), (promised, done)


class TestDelayOfEventsThatLast:
    """An event with an end (a campaign from April to June) was promised for the whole
    span, as `overdue` reads it: done inside it is on time, late only past its end."""

    @pytest.mark.parametrize(
        ("when", "end", "happened", "delay"),
        [
            ("2026-04", "2026-06", "2026-06-15", 0),  # inside the span: was 46 (from April)
            ("2026-04", "2026-06", "2026-07-05", 5),  # past its end: was 66
            ("2026-04", "2026-06", "2026-03-20", -12),
            ("2026-03-24", "2026-03-27", "2026-03-26", 0),  # a forum reported mid-way: was 2
            ("2026-03-24", "2026-03-27", "2026-03-28", 1),
            ("c. April 2026", "2026-06", "2026-07-01", 1),
        ],
    )
    def test_delay(self, when: str, end: str, happened: str, delay: int) -> None:
        e = Event(title="x", when=when, end=end)
        h = e.revise(stated="2026-08-01", when=happened, status="happened")
        assert h.delay == delay
        done = dt.date.fromisoformat(happened)
        assert (h.delay > 0) is e.overdue(done)  # late exactly when overdue that day


class TestInstantDelay:
    """Two instants compare in UTC, so a delay between them counts in UTC too: any time
    after the promised instant is at least one day late, any time before it is early."""

    @pytest.mark.parametrize(
        ("promised", "happened", "delay"),
        [
            # 11 hours *before* the promise (04:00 UTC on 1 Jan); local dates say a day after:
            # was 1 (late)
            ("2026-12-31T23:00-05:00", "2027-01-01T01:00+08:00", -1),
            # 23 hours after the promise (02:00 UTC); both on the 31st locally: was 0 (kept)
            ("2026-12-31T10:00+08:00", "2026-12-31T20:00-05:00", 1),
            ("2026-12-31T10:00Z", "2027-01-01T10:00Z", 1),  # exactly a day
            ("2026-12-31T10:00Z", "2027-01-01T10:01Z", 2),  # a day and a minute
            ("2026-12-31T10:00Z", "2026-12-31T10:00Z", 0),  # on the minute
            # a day against an instant: the instant's local date, as before
            ("2026-12-31", "2027-01-01T01:00+08:00", 1),
        ],
    )
    def test_delay(self, promised: str, happened: str, delay: int) -> None:
        e = Event(title="x", when=promised).revise(
            stated="2027-01-02", when=happened, status="happened"
        )
        assert e.delay == delay


class TestRestatements:
    """A claim that repeats the current date and status changes nothing: it is no revision
    (the iCalendar SEQUENCE) and does not move `last_changed` (the feed's DTSTAMP)."""

    def test_a_restated_date_is_no_revision(self) -> None:
        wire = Source("w", published="2026-01-05")
        e = Event(title="x", when="2026-04", sources=[wire])
        e = e.revise(stated="2026-02-01", when="2026-04", note="still April")
        e = e.revise(stated="2026-03-01", status="expected")  # still expected
        assert e.revisions == 0  # was 2
        assert e.last_changed == wire.published  # was 1 March
        moved = e.revise(stated="2026-03-10", when="2026-05").revise(
            stated="2026-03-20", when="2026-05", status="confirmed"
        )
        assert moved.revisions == 2  # May; then confirmed (the date restated)
        assert str(moved.last_changed) == "20 March 2026"

    def test_a_different_spelling_of_the_date_is_a_revision(self) -> None:
        # "by end of April" is not "April": the feed's text changes, so SEQUENCE rises.
        e = Event(title="x", when="2026-04").revise(stated="2026-02-01", when="by April 2026")
        assert e.revisions == 1

    @settings(max_examples=examples(200, 3000), deadline=None)
    @given(HISTORIES)
    def test_revisions_count_the_changes(self, history: tuple) -> None:  # type: ignore[type-arg]
        (when, status), _, steps = history
        changes = 0
        current = (When.parse(when), status)
        promised = when if status.is_open else None
        for step in ref_order(steps):
            s = step[2]
            text = ref_after(str(current[0]), step, current[1], promised)
            new = (When.parse(text), current[1] if s is None else s)
            changes += new != current
            current = new
            promised = text if new[1].is_open else promised
        assert _event(history, "x").revisions == changes


class TestOnTrackTheBaselineDay:
    def test_a_figure_on_the_baseline_day_cannot_tell_a_pace(self) -> None:
        t = Target("x", "121 x", "2026-01-01", baseline=Observation("2024-01-01", "100 x"))
        assert t.on_track(Observation("2024-01-01", "110 x")) is None  # raised TargetError
        assert t.on_track(Observation("2024-01-01", "125 x")) is True  # already reached

    def test_a_figure_before_the_baseline_is_refused(self) -> None:
        t = Target("x", "121 x", "2026-01-01", baseline=Observation("2024-01-01", "100 x"))
        with pytest.raises(TargetError, match="before the baseline"):
            t.on_track(Observation("2023-12-31", "110 x"))

    def test_a_day_against_an_instant_baseline_the_same_day(self) -> None:
        t = Target("x", "121 x", "2026-01-01", baseline=Observation("2024-01-01T12:00Z", "100 x"))
        assert t.on_track(Observation("2024-01-01", "110 x")) is None

    @pytest.mark.parametrize(
        ("at", "on_track"),
        [
            # its own local day is the baseline's, whatever its zone: no pace (was True at UTC-12)
            ("2024-01-01T23:00-12:00", None),
            ("2024-01-01T01:00+14:00", None),
            ("2024-01-01T12:00Z", None),
        ],
    )
    def test_an_instant_on_a_day_baselines_own_local_day(
        self, at: str, on_track: bool | None
    ) -> None:
        t = Target("x", "121 x", "2026-01-01", baseline=Observation("2024-01-01", "100 x"))
        assert t.on_track(Observation(at, "101 x")) is on_track

    @pytest.mark.parametrize("at", ["2023-12-31T23:00-12:00", "2023-12-31T12:00Z"])
    def test_an_instant_on_a_local_day_before_the_baseline_is_refused(self, at: str) -> None:
        # 23:00 on 31 December at UTC-12 is 11:00 UTC on 1 January: was True (on track)
        t = Target("x", "121 x", "2026-01-01", baseline=Observation("2024-01-01", "100 x"))
        with pytest.raises(TargetError, match="before the baseline"):
            t.on_track(Observation(at, "101 x"))


def _kept_and_broken(kept: int, broken: int) -> Timeline:
    events = [
        Event(title=f"k{i}", when="2026-04", actors=["A"]).revise(
            stated="2026-04-10", when="2026-04-10", status="happened"
        )
        for i in range(kept)
    ]
    events += [Event(title=f"b{i}", when="2026-04", actors=["A"]) for i in range(broken)]
    return Timeline(events)


class TestOnTimeRateText:
    """The rate as printed never says all or none when it is not: 199 of 200 is not "100%"."""

    @pytest.mark.parametrize(
        ("kept", "broken", "shown"),
        [
            (199, 1, ">99%"),  # was "100%"
            (1, 249, "<1%"),  # was "0%"
            (1, 7, "13%"),  # 12.5%: was "12%" (half to even), now half up as people round
            (3, 5, "38%"),
            (2, 1, "67%"),
            (1, 0, "100%"),
            (0, 1, "0%"),
        ],
    )
    def test_summary_and_table(self, kept: int, broken: int, shown: str) -> None:
        record = _kept_and_broken(kept, broken).track_record(as_of="2026-06-01")
        assert record.summary.endswith(f"({shown} on time).")
        table = str(record).splitlines()
        assert f" {shown} " in table[2] + " " and f" {shown} " in table[-1] + " "


def test_a_mean_of_days_near_zero_is_never_minus_zero() -> None:
    from timeline.model._track_text import _days

    assert _days(-0.04) == "0 days"  # was "-0 days"
    assert (_days(-0.06), _days(-1.0), _days(2.5)) == ("-0.1 days", "-1 day", "2.5 days")


class TestOpenEndedSlips:
    """ "After March" then "after June" is a slip: with no latest day on either side, the
    earliest day moving later is what moved the promise."""

    @pytest.mark.parametrize(
        ("before", "after", "days"),
        [
            ("after March 2026", "after June 2026", 91),  # was no slip
            ("2026-03/..", "2026-06/..", 92),  # "from March on" to "from June on"
            ("after June 2026", "after March 2026", None),  # pulled in: no slip
            ("after March 2026", "after March 2026", None),  # restated
            ("after March 2026", "TBD", None),  # no date at all: nothing to compare
        ],
    )
    def test_slip(self, before: str, after: str, days: int | None) -> None:
        e = Event(title="x", when=before).revise(stated="2026-01-10", when=after)
        assert [s.days for s in e.slips] == ([] if days is None else [days])


class TestQualifiedSlips:
    """A date said plainly slips only past where a qualified one could fall (its fuzzy bounds,
    as `overdue` and `delay` read it): "c. April" done on 15 May kept its promise, so it did
    not slip."""

    @pytest.mark.parametrize(
        ("before", "after", "days"),
        [
            ("c. April 2026", "2026-05-15", None),  # inside "c. April" (to 31 May): was a slip
            ("c. April 2026", "May 2026", None),  # the same latest possible day
            ("c. April 2026", "2026-06-01", 1),  # past it
            ("April 2026", "c. April 2026", None),  # looser, not later (as tests/test_event.py)
            ("c. April 2026", "c. May 2026", 31),  # two qualified dates: as stated
            ("April 2026", "May 2026", 31),  # exact dates: as before
        ],
    )
    def test_slip(self, before: str, after: str, days: int | None) -> None:
        e = Event(title="x", when=before).revise(stated="2026-01-10", when=after)
        assert [s.days for s in e.slips] == ([] if days is None else [days])

    def test_kept_is_not_slipped(self) -> None:
        e = Event(title="x", when="c. April 2026", actors=["A"]).revise(
            stated="2026-05-15", when="2026-05-15", status="happened"
        )
        row = Timeline([e]).track_record(as_of="2026-07-01").row("A")
        assert (row.kept, row.slips_per_promise) == (1, 0.0)  # was 1 slip


def test_timeline_slips_the_same_day_in_the_order_said() -> None:
    # Two events slipped the same day: 09:00 at +08:00 (01:00 UTC) was said before 08:00 UTC.
    a = Event(title="a", when="2026-04").revise(stated="2026-04-20T08:00Z", when="2026-05")
    b = Event(title="b", when="2026-04").revise(stated="2026-04-20T09:00+08:00", when="2026-05")
    assert [e.id for e, _ in Timeline([a, b]).slips()] == ["b", "a"]  # was a, b


class TestGrowthText:
    @pytest.mark.parametrize(
        ("start", "end", "shown"),
        [
            # was "1.714285714285714285714285714–2×": 28 digits; the range is widened outward
            ("$300M–$350M", "$600M", "1.71–2×"),
            ("$300M", "$700M", "2.33×"),  # was 2.333333333333333333333333333×
            ("$600M", "$300M–$350M", "0.5–0.584×"),
            ("1 trillion tokens per day", "over 140 trillion tokens per day", "over 140×"),
            ("3 x", "1,000,000 x", "333,333×"),  # big factors: whole numbers, to the nearest
            ("1 x", "2 x", "2×"),
        ],
    )
    def test_factor_is_written_in_three_significant_digits(
        self, start: str, end: str, shown: str
    ) -> None:
        g = growth(Observation("2025-01-01", start), Observation("2026-01-01", end))
        assert str(g).startswith(f"{shown} from ")


class TestProgressText:
    """The share of the way never says the goal is reached (100%) when it is not, nor
    nothing (0%) when something was done."""

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            ("$597M", "99.5%"),  # was "100%"
            ("$599.9M", "99.9%"),  # was "100%"
            ("$2M", "<1%"),  # was "0%"
            ("$600M", "100%"),
            ("$603M", "101%"),  # 100.5%: half up, as people round (was "100%")
            ("$75M", "13%"),  # 12.5%: half up (was "12%")
            ("$0", "0%"),
            ("$300M–$597M", "50%–99.5%"),
        ],
    )
    def test_describe(self, value: str, shown: str) -> None:
        t = Target("ARR", "$600M", "by 2026")
        assert f"; {shown} of the way" in t.describe([Observation("2026-06", value)])

    def test_a_little_below_the_baseline_is_not_minus_zero(self) -> None:
        t = Target("ARR", "$600M", "by 2026", baseline=Observation("2026-01", "$300M"))
        assert "; -0.4% of the way" in t.describe([Observation("2026-06", "$299M")])


class TestBoundedGoalsKeepTheirDirection:
    """A goal's own bound says which way reaching it goes: "under 5%" is a ceiling and "at
    least 10,000" a floor, whichever side of it the baseline was (a goal already kept)."""

    @pytest.mark.parametrize(
        ("goal", "baseline", "figure", "reached", "status"),
        [
            # was: rising (5% > 4%), so 4.5% fell short ("missed") and 6% reached it
            ("under 5%", "4%", "4.5%", True, "met"),
            # the baseline (2025) already kept it: met by the deadline, as `status` counts
            ("under 5%", "4%", "6%", False, "met"),
            ("at most 5%", "4%", "5%", True, "met"),
            # was: falling (10,000 < 12,000), so 11,000 fell short and 9,000 reached it
            ("at least 10,000 firms", "12,000 firms", "11,000 firms", True, "met"),
            ("at least 10,000 firms", "12,000 firms", "9,000 firms", False, "met"),
            ("more than 10,000 firms", "12,000 firms", "10,000 firms", False, "met"),
            # an unbounded goal still takes its direction from the baseline
            ("5%", "10%", "4%", True, "met"),
            ("10,000 firms", "2,000 firms", "9,000 firms", False, "missed"),
        ],
    )
    def test_reached_and_status(
        self, goal: str, baseline: str, figure: str, reached: bool, status: str
    ) -> None:
        t = Target("m", goal, "by 2030", baseline=Observation("2025", baseline))
        assert t.reached(Observation("2030", figure).value) is reached
        assert t.status("2031-01-01", [Observation("2030", figure)]) == status


# -- zones: a plain day has none, so it is read in every one (UTC+14 to UTC-12) ----------------

ZONES = ["+14:00", "-12:00", "+05:45", "Z", "-09:30", "+08:00"]


class TestZones:
    """An event is judged on a day as `Event.overdue` judges it: a plain day has no zone, so
    it starts at UTC+14 and ends at UTC-12; an instant falls on its own local day. So a
    promise is late exactly when, on the day it happened, it was already overdue; two
    instants compare in UTC (tests above)."""

    @pytest.mark.parametrize(
        ("promised", "happened", "delay"),
        [
            # noon UTC on the 20th: the 21st starts at 10:00 UTC on the 20th at UTC+14, before
            # it, so it was not overdue on the 21st: was 1 (late)
            ("2026-04-20T12:00Z", "2026-04-21", 0),
            ("2026-04-20T12:00Z", "2026-04-22", 1),
            # 23:00 at UTC-12 is 11:00 UTC on the 21st: not overdue until the 23rd: was 2 and 1
            ("2026-04-20T23:00-12:00", "2026-04-22", 0),
            ("2026-04-20T23:00-12:00", "2026-04-21", 0),
            ("2026-04-20T23:00-12:00", "2026-04-23", 1),
            # 10:00 at UTC+14 is 20:00 UTC on the 19th; the 18th ends at 12:00 UTC on the 19th
            # at UTC-12, before it: a day early, not two (was -2)
            ("2026-04-20T10:00+14:00", "2026-04-18", -1),
            ("2026-04-20T10:00+14:00", "2026-04-19", 0),
            # an instant happening against a plain day: its own local day, as before
            ("2026-04-20", "2026-04-21T01:00+14:00", 1),
            ("2026-04-20", "2026-04-20T23:00-12:00", 0),
        ],
    )
    def test_delay_reads_a_plain_day_as_overdue_does(
        self, promised: str, happened: str, delay: int
    ) -> None:
        e = Event(title="x", when=promised).revise(
            stated="2026-04-25", when=happened, status="happened"
        )
        assert e.delay == delay

    @settings(max_examples=examples(300, 3000), deadline=None)
    @given(
        st.one_of(
            st.builds(
                lambda d, h, z: f"{d.isoformat()}T{h:02d}:00{z}",
                st.dates(dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
                st.integers(0, 23),
                st.sampled_from(ZONES),
            ),
            st.dates(dt.date(2026, 4, 1), dt.date(2026, 4, 30)).map(dt.date.isoformat),
        ),
        st.dates(dt.date(2026, 3, 20), dt.date(2026, 5, 10)),
        st.none() | st.tuples(st.integers(0, 23), st.sampled_from(ZONES)),
    )
    def test_late_exactly_when_overdue_on_the_day_it_happened(
        self, promised: str, done: dt.date, at: tuple[int, str] | None
    ) -> None:
        happened = done.isoformat() if at is None else f"{done.isoformat()}T{at[0]:02d}:00{at[1]}"
        if at is not None and "T" in promised:
            return  # two instants: in UTC, to the hour (TestInstantDelay)
        e = Event(title="x", when=promised, actors=["A"])
        h = e.revise(stated="2026-06-01", when=happened, status="happened")
        assert h.delay is not None
        assert (h.delay > 0) is e.overdue(done), (promised, happened, h.delay)
        # late by as many days as it had been overdue, and early by as many days as it
        # could not yet have happened (`When.definitely_before` from the other side)
        overdue_days = sum(e.overdue(done - dt.timedelta(days=k)) for k in range(60))
        assert max(h.delay, 0) == overdue_days, (promised, happened)
        if at is None:
            day = When.parse(happened)
            early = sum(
                When.day(*(done + dt.timedelta(days=k)).timetuple()[:3]).definitely_before(
                    When.parse(promised)
                )
                for k in range(60)
            )
            assert day.definitely_before(When.parse(promised)) is (h.delay < 0)
            assert min(h.delay, 0) == -early, (promised, happened)
        record = Timeline([h]).track_record(as_of="2026-06-01").row("A")
        assert record.late == (h.delay > 0)


class TestInstantsSaidOnDifferentLocalDays:
    """Instants are in the order they were said, in UTC, whatever their zones, even when
    their local days run the other way; "as of" a day still replays what was stated on
    or before it, each claim counting from its own local day."""

    # 01:00 on the 21st at UTC+14 is 11:00 UTC on the 20th; 20:00 on the 20th at UTC-12 is
    # 08:00 UTC on the 21st: said 21 hours later, though its local day is a day earlier.
    EARLY = "2026-04-21T01:00+14:00"
    LATE = "2026-04-20T20:00-12:00"

    @pytest.mark.parametrize("typed", [(EARLY, LATE), (LATE, EARLY)])
    def test_order_current_and_slips(self, typed: tuple[str, str]) -> None:
        said = {self.EARLY: "2026-06", self.LATE: "2026-05"}
        e = Event(title="x", when="2026-04")
        for stated in typed:
            e = e.revise(stated=stated, when=said[stated])
        assert [str(c.stated) for c in e.claims] == [self.EARLY, self.LATE]  # was LATE first
        assert str(e.when) == "May 2026"  # said last: was June 2026
        assert [(str(s.before), str(s.after)) for s in e.slips] == [("April 2026", "June 2026")]

    def test_a_day_said_on_an_instants_local_day(self) -> None:
        # Found by the property below: the 21st (a day) said between the two instants,
        # typed in one order, came last; typed in another, in the middle.
        said = {self.EARLY: "2026-06", self.LATE: "2026-05", "2026-04-21": "2026-07"}
        orders = set()
        for typed in itertools.permutations(said):
            e = Event(title="x", when="2026-04")
            for stated in typed:
                e = e.revise(stated=stated, when=said[stated])
            orders.add(tuple(str(c.stated) for c in e.claims))
        # places by local day, a day before the instants said on it (LATE on the 20th; the
        # 21st; EARLY on the 21st), the instants in them in UTC order
        assert orders == {(self.EARLY, "21 April 2026", self.LATE)}

    @settings(max_examples=examples(200, 3000), deadline=None)
    @given(HISTORIES)
    def test_one_claim_at_a_time_is_all_at_once(self, history: tuple) -> None:  # type: ignore[type-arg]
        (when, status), published, steps = history
        at_once = Event(
            title="x",
            when=when,
            status=status,
            sources=[] if published is None else [Source("s", published=published)],
            claims=[Claim(stated=d, when=w, status=s) for d, w, s in steps],
        )
        assert _event(history, "x").claims == at_once.claims

    def test_as_of_each_local_day(self) -> None:
        e = (
            Event(title="x", when="2026-04")
            .revise(stated=self.EARLY, when="2026-06")
            .revise(stated=self.LATE, when="2026-05")
        )
        on_20th = e.as_of("2026-04-20")
        assert on_20th is not None and [str(c.stated) for c in on_20th.claims] == [self.LATE]
        assert str(on_20th.when) == "May 2026"
        on_21st = e.as_of("2026-04-21")
        assert on_21st is not None and str(on_21st.when) == "May 2026"
        before = e.as_of("2026-04-19")  # nothing said yet: the initial statement
        assert before is not None and str(before.when) == "April 2026" and not before.claims
        assert not e.overdue("2026-05-05") and e.overdue("2026-06-01")
