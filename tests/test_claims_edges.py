"""The tracker at its edges: diffs of respelled values, slips of events that last, and
promises postponed without a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import Event, EventError, Observation, Quantity, Source, Target, Timeline


class TestDiffOfRespelledValues:
    """`Timeline.diff` compares what was written, not only what it means: an instant restated
    at another offset is the same moment (`When` is equal in UTC) but the text a user
    published changed, as "1.5 km" restated "1500 m" is the same figure in other words. Each
    is a changed field, listed in `EventChange.respelled` (the value it means unchanged)."""

    @pytest.mark.parametrize(
        ("before", "after"),
        [
            # one moment at two offsets
            ({"when": "2026-04-01T10:00+02:00"}, {"when": "2026-04-01T08:00Z"}),
            ({"when": "2026-04-01T08:00Z"}, {"when": "2026-04-01T16:00+08:00"}),
            # the end of a span
            (
                {"when": "2026-04-01", "end": "2026-04-02T10:00+02:00"},
                {"when": "2026-04-01", "end": "2026-04-02T08:00Z"},
            ),
            # the day a source was published
            (
                {"when": "2026", "sources": [Source("s", published="2026-03-01T09:00+09:00")]},
                {"when": "2026", "sources": [Source("s", published="2026-03-01T00:00Z")]},
            ),
            # a target's goal in another unit, and its wording
            (
                {"when": "by 2030", "target": Target("n", "1.5 GW", "2030")},
                {"when": "by 2030", "target": Target("n", "1500 MW", "2030")},
            ),
            (
                {"when": "2026", "observations": [Observation("2025", "over 5 GPUs")]},
                {"when": "2026", "observations": [Observation("2025", "more than 5 GPUs")]},
            ),
        ],
    )
    def test_a_respelling_is_a_change(self, before: dict, after: dict) -> None:  # type: ignore[type-arg]
        a, b = Event(title="x", **before), Event(title="x", **after)
        assert a == b  # the same meaning
        d = Timeline([a]).diff(Timeline([b]))
        assert bool(d)  # was: no change
        [change] = d.changed
        assert change.fields  # the field, before and after
        assert set(change.respelled) == set(change.fields)
        for name in change.fields:
            was, now = change.fields[name]
            assert was == now

    def test_a_claim_restated_at_another_offset(self) -> None:
        e = Event(title="x", when="2026-04")
        a = e.revise(stated="2026-03-01", when="2026-04-01T10:00+02:00")
        b = e.revise(stated="2026-03-01", when="2026-04-01T08:00Z")
        [change] = Timeline([a]).diff(Timeline([b])).changed
        assert change.respelled == ("when", "claims")
        assert str(change.fields["when"][0]) != str(change.fields["when"][1])

    def test_a_moved_date_is_no_respelling(self) -> None:
        a = Event(title="x", when="2026-04-01T10:00+02:00")
        b = Event(title="x", when="2026-04-01T10:00Z")
        [change] = Timeline([a]).diff(Timeline([b])).changed
        assert list(change.fields) == ["when", "initial_when"]
        assert change.respelled == ()

    def test_the_same_text_is_no_change(self) -> None:
        a = Event(title="x", when="2026-04-01T10:00+02:00", target=Target("n", "1.5 GW", "2030"))
        b = Event(title="x", when="2026-04-01T10:00+02:00", target=Target("n", "1.5 GW", "2030"))
        assert not Timeline([a]).diff(Timeline([b]))

    def test_a_respelled_rename_is_no_bare_rename(self) -> None:
        # A new id and a respelled date: not "the id alone changed" (the rename would hide
        # the new text), so it stays removed and added, as a new id with a new date does.
        a = Event(title="x", when="2026-04-01T10:00+02:00", id="old")
        b = attrs.evolve(Event(title="x", when="2026-04-01T08:00Z", id="old"), id="new")
        d = Timeline([a]).diff(Timeline([b]))
        assert d.renamed == ()
        assert [e.id for e in d.removed] == ["old"] and [e.id for e in d.added] == ["new"]


def test_quantity_respelling_is_equal() -> None:
    # the premise of the table above: equal figures, other words
    assert Quantity.parse("1.5 GW") == Quantity.parse("1500 MW")
    assert dt.datetime.fromisoformat("2026-04-01T10:00+02:00") == dt.datetime.fromisoformat(
        "2026-04-01T08:00+00:00"
    )


class TestSlipsOfEventsThatLast:
    """An event with an end spans from its date's first day to the end's last (DESIGN §3),
    and its delay is measured from that span's last day: a slip is a move of the span's last
    day later, as for any date. A later start inside the same span ("April to June", then
    "May", the end standing) moves nothing: no slip (was: a slip of 31 days, while the event
    done in May was on time and the track record said kept). Moved past the end, the span's
    last day moved from the end's to the new date's: that many days."""

    @pytest.mark.parametrize(
        ("when", "end", "moved", "days"),
        [
            # a later start, the end standing: no slip (was: 31)
            ("2026-04", "2026-06", "2026-05", None),
            ("2026-04-01", "2026-04-03", "2026-04-03", None),
            # up to the end's last day: still none
            ("2026-04", "2026-06", "2026-06-30", None),
            # past the end: from 30 June to 31 July (was: 92, from 30 April)
            ("2026-04", "2026-06", "2026-07", 31),
            ("2026-04-01", "2026-04-03", "2026-04-05", 2),
            # earlier: never a slip
            ("2026-04", "2026-06", "2026-03", None),
            # a qualified end could run a month on: to 15 July is inside it
            ("2026-04", "c. June 2026", "2026-07-15", None),
            ("2026-04", "c. June 2026", "2026-08-05", 5),
        ],
    )
    def test_slip(self, when: str, end: str, moved: str, days: int | None) -> None:
        e = Event(title="x", when=when, end=end).revise(stated="2026-01-10", when=moved)
        assert [s.days for s in e.slips] == ([] if days is None else [days])
        assert e.slipped is (days is not None)
        assert len(Timeline([e]).slips()) == (days is not None)
        row = Timeline([e]).track_record(as_of="2026-02-01").total
        assert row.slips == (days is not None)

    @pytest.mark.parametrize(
        ("moved", "done", "delay"),
        [
            ("2026-05", "2026-05-03", 0),  # no slip, on time
            ("2026-07", "2026-07-03", 3),  # a slip of 31 days, 3 days late (July 3 past June)
        ],
    )
    def test_slip_and_delay_agree(self, moved: str, done: str, delay: int) -> None:
        e = Event(title="x", when="2026-04", end="2026-06").revise(stated="2026-01-10", when=moved)
        happened = e.revise(stated=done, when=done, status="happened")
        assert happened.delay == delay
        assert happened.slipped is (delay > 0)
        row = Timeline([happened]).track_record(as_of="2026-08-01").total
        assert (row.kept, row.late, row.slips) == ((1, 0, 0) if delay == 0 else (0, 1, 1))

    def test_a_slip_past_the_end_is_checked_as_a_slip(self) -> None:
        # `timeline check` names a slip stated before the date it replaces: the same rule
        src = Source("s", published="2026-03-01")
        e = Event(title="x", when="2026-04", end="2026-06", sources=[src])
        early_move = e.revise(stated="2026-02-01", when="2026-05")  # no slip: before the source
        late_move = e.revise(stated="2026-02-01", when="2026-07")  # a slip before the source
        from timeline import Timeline as T

        said = [f.message for f in T([early_move]).check(today=dt.date(2026, 12, 1))]
        slipped = [f.message for f in T([late_move]).check(today=dt.date(2026, 12, 1))]
        assert not any("this slip" in m for m in said)
        assert any("this slip" in m for m in slipped)


def _judged(event: Event, day: str) -> str:
    total = Timeline([event]).track_record(as_of=day).total
    [outcome] = [o for o in ("kept", "late", "broken", "pending") if total.ids(o)]
    return outcome


class TestPostponedWithoutADate:
    """A promise postponed "to TBD" withdraws its date without giving another. The track
    record judges a promise, so once the last date promised while it was open has passed
    (as `Event.overdue` would read it, had it not been withdrawn), the promise is broken
    (was: pending forever; and an overdue, broken promise turned pending again by saying
    "TBD"). `Event.overdue` stays false: an undated event is never overdue (DESIGN §2)."""

    @pytest.mark.parametrize(
        ("when", "end", "steps", "day", "outcome"),
        [
            # April, then "TBD" in March: pending through April, broken from 1 May
            ("2026-04", None, [("2026-03-20", "TBD", None)], "2026-04-30", "pending"),
            ("2026-04", None, [("2026-03-20", "TBD", None)], "2026-05-01", "broken"),
            # overdue in May, then "TBD": still broken (was: pending again)
            ("2026-04", None, [("2026-05-10", "TBD", None)], "2026-05-15", "broken"),
            # slipped to June, then "TBD": judged against June, the last date promised
            (
                "2026-04",
                None,
                [("2026-03-01", "2026-06", None), ("2026-03-20", "TBD", None)],
                "2026-06-15",
                "pending",
            ),
            (
                "2026-04",
                None,
                [("2026-03-01", "2026-06", None), ("2026-03-20", "TBD", None)],
                "2026-07-01",
                "broken",
            ),
            # a qualified date could fall a month on: broken from June
            ("c. April 2026", None, [("2026-03-20", "TBD", None)], "2026-05-31", "pending"),
            ("c. April 2026", None, [("2026-03-20", "TBD", None)], "2026-06-01", "broken"),
            # a span to June: broken from July
            ("2026-04", "2026-06", [("2026-03-20", "TBD", None)], "2026-06-30", "pending"),
            ("2026-04", "2026-06", [("2026-03-20", "TBD", None)], "2026-07-01", "broken"),
            # "after March" has no last day: never broken
            ("after March 2026", None, [("2026-03-20", "TBD", None)], "2030-01-01", "pending"),
            # announced without a date and never dated: nothing promised yet, pending
            ("TBD", None, [("2026-03-20", None, "confirmed")], "2030-01-01", "pending"),
            # undated after a date, then dated again: judged against the new date
            (
                "2026-04",
                None,
                [("2026-03-20", "TBD", None), ("2026-05-10", "2026-09", None)],
                "2026-06-01",
                "pending",
            ),
            # TBD, then it happened: late against April, as any promise
            (
                "2026-04",
                None,
                [("2026-03-20", "TBD", None), ("2026-06-10", "2026-06-10", "happened")],
                "2026-07-01",
                "late",
            ),
            # cancelled is broken whatever the date
            ("2026-04", None, [("2026-03-20", "TBD", "cancelled")], "2026-04-01", "broken"),
            # TBD after it happened, reopened: "it was not released": the last promise
            (
                "2026-04",
                None,
                [("2026-03-10", "2026-03-10", "happened"), ("2026-03-12", "TBD", "expected")],
                "2026-05-01",
                "broken",
            ),
        ],
    )
    def test_outcome(
        self,
        when: str,
        end: str | None,
        steps: list[tuple[str, str | None, str | None]],
        day: str,
        outcome: str,
    ) -> None:
        event = Event(title="x", when=when, end=end)
        for said, w, s in steps:
            event = event.revise(stated=said, when=w, status=s)
        assert _judged(event, day) == outcome
        if event.as_of(day) is not None and event.as_of(day).when.is_undated:  # type: ignore[union-attr]
            assert not event.overdue(day)  # DESIGN: undated is never overdue


class TestHappenedWithoutADate:
    """ "It happened", said without its date of an event then undated ("TBD"): all that is
    known is that it happened by the day it was said, as for a date that could not have
    begun yet (was: still "date not announced", a happening with no day at all)."""

    @pytest.mark.parametrize(
        ("when", "steps", "now"),
        [
            ("TBD", [("2026-03-15", None, "happened")], "by 15 March 2026"),
            ("2026-04", [("2026-02-01", "TBD", None), ("2026-03-15", None, "happened")],
             "by 15 March 2026"),
            # a date it could have fallen on by then is kept, as before
            ("2026-03", [("2026-03-15", None, "happened")], "March 2026"),
            # said with its date: that date
            ("TBD", [("2026-03-15", "2026-03-02", "happened")], "2 March 2026"),
        ],
    )  # fmt: skip
    def test_date(
        self, when: str, steps: list[tuple[str, str | None, str | None]], now: str
    ) -> None:
        event = Event(title="x", when=when)
        for said, w, s in steps:
            event = event.revise(stated=said, when=w, status=s)
        assert str(event.when) == now


class TestDelayOfASpanFirstDatedByAClaim:
    """An event announced undated with an end ("TBD", to June), then dated April by a claim:
    its span runs April to June (the end stands), so it is not overdue in May, and done on 10
    May it is on time (was: 10 days late against April alone, a promise late on a day it was
    not overdue)."""

    @pytest.mark.parametrize(
        ("done", "delay"),
        [("2026-05-10", 0), ("2026-06-30", 0), ("2026-07-03", 3), ("2026-03-20", -12)],
    )
    def test_delay(self, done: str, delay: int) -> None:
        e = Event(title="x", when="TBD", end="2026-06").revise(stated="2026-02-01", when="2026-04")
        assert e.overdue(done) is (delay > 0)
        assert e.revise(stated=done, when=done, status="happened").delay == delay

    def test_moved_past_the_end_first(self) -> None:
        # dated August by the claim: past the end, which no longer stands: August alone
        e = Event(title="x", when="TBD", end="2026-06").revise(stated="2026-02-01", when="2026-08")
        assert e.revise(stated="2026-09-03", when="2026-09-03", status="happened").delay == 3


class TestThePageShowsTheFirstSpan:
    """The page and the picture show a slipped span's first promise to its end: the ghost
    of "April to June" moved to July covers April to June (was: April alone), and the page
    says "first expected April 2026 – June 2026" (was: "April 2026")."""

    moved = Event(title="x", when="2026-04", end="2026-06").revise(
        stated="2026-03-01", when="2026-07"
    )

    def test_first_end(self) -> None:
        assert self.moved.first_end == Event(title="y", when="2026-06").when
        assert Event(title="x", when="2026-04").first_end is None
        # dated past the end by the claim that first dated it: no end with it
        late = Event(title="x", when="TBD", end="2026-06").revise(
            stated="2026-02-01", when="2026-08"
        )
        assert late.first_end is None

    def test_ghost(self) -> None:
        from timeline.display._layout import layout

        lay = layout(
            [self.moved], by="status", as_of=None, num=lambda d: float(d.toordinal()),
            measure=lambda s: 0.1 * len(s), width=8.0,
        )  # fmt: skip
        [placed] = lay.items
        assert placed.ghost == (
            float(dt.date(2026, 4, 1).toordinal()),
            float(dt.date(2026, 7, 1).toordinal()),
        )

    def test_page(self) -> None:
        html = Timeline([self.moved])._repr_html_()
        assert "first expected April 2026 – June 2026" in html


def test_notice_runs_to_the_end_of_the_first_span() -> None:
    # Notice counts to the day delay counts from: the last day of the first promised span
    # (30 June for "April to June"; was 30 April), so notice + delay is the time from the
    # statement to the happening.
    src = Source("s", published="2026-03-01")
    forum = Event(title="x", when="2026-04", end="2026-06", sources=[src])
    done = forum.revise(stated="2026-07-03", when="2026-07-03", status="happened")
    row = Timeline([done]).track_record(as_of="2026-08-01").total
    assert row.mean_notice_days == 121  # 1 March to 30 June
    assert row.delay_days == (3,)
    assert (
        row.mean_notice_days + row.delay_days[0] == (dt.date(2026, 7, 3) - dt.date(2026, 3, 1)).days
    )


# Spellings of a few values: each inner tuple means one thing, written several ways.
_MOMENTS = (
    ("2026-04-01T10:00+02:00", "2026-04-01T08:00Z", "2026-04-01T16:00+08:00"),
    ("2026-04-01T10:00Z",),
    ("2026-04",),
)
_GOALS = (("1.5 GW", "1500 MW", "1.50 GW"), ("2 GW",))
_FIGURES = (("over 5 GW", "more than 5 GW", "more than 5000 MW"), ("5 GW",))


def _pick(pool: tuple[tuple[str, ...], ...]) -> st.SearchStrategy[str]:
    return st.sampled_from([text for meaning in pool for text in meaning])


_EVENT = st.tuples(_pick(_MOMENTS), _pick(_MOMENTS), _pick(_GOALS), _pick(_FIGURES))


def _respelled_event(spec: tuple[str, str, str, str]) -> Event:
    when, claimed, goal, figure = spec
    return Event(
        title="x", when=when, target=Target("n", goal, "2030"),
        observations=[Observation("2025", figure)],
        sources=[Source("s", published=when)],
    ).revise(stated="2026-01-01", when=claimed)  # fmt: skip


class TestDiffProperties:
    @settings(max_examples=examples(150, 2000), deadline=None)
    @given(_EVENT, _EVENT)
    def test_a_diff_is_empty_exactly_when_everything_is_written_alike(
        self, a: tuple[str, str, str, str], b: tuple[str, str, str, str]
    ) -> None:
        before, after = _respelled_event(a), _respelled_event(b)
        d = Timeline([before]).diff(Timeline([after]))
        assert bool(d) == (repr(before) != repr(after))
        assert not d.added and not d.removed and not d.renamed
        for change in d.changed:
            for name, (was, now) in change.fields.items():
                assert repr(was) != repr(now)
                assert (name in change.respelled) == (was == now)
        # and the other way round: the same fields
        back = Timeline([after]).diff(Timeline([before]))
        assert [sorted(c.fields) for c in back.changed] == [sorted(c.fields) for c in d.changed]


class TestTheTrendChartReadsTheSpan:
    """The milestone trend chart plots the day a promise is kept by: for an event that lasts,
    the last day of its span, as slips and overdue read it. "April to June" re-dated to "May"
    (the end standing) runs flat at 30 June (was: climbing from 30 April to 31 May, a slip
    the event never had, and below the diagonal in May while not overdue)."""

    def test_path(self) -> None:
        from timeline.display._trend import trend_lines

        src = Source("s", published="2026-03-01")
        e = Event(title="x", when="2026-04", end="2026-06", sources=[src])
        moved = e.revise(stated="2026-03-20", when="2026-05")
        [line] = trend_lines([moved], as_of="2026-05-15")
        assert {y for _, y in line.path} == {dt.date(2026, 6, 30)}
        assert line.end == "open"
        past = e.revise(stated="2026-03-20", when="2026-07")  # past the end: to 31 July
        [line] = trend_lines([past], as_of="2026-05-15")
        assert [y for _, y in line.path] == [
            dt.date(2026, 6, 30), dt.date(2026, 6, 30), dt.date(2026, 7, 31), dt.date(2026, 7, 31)
        ]  # fmt: skip

    def test_a_date_withdrawn_after_it_passed_ends_overdue(self) -> None:
        # The line stays at the last date promised (an undated one cannot be placed); once
        # that has passed it ends as overdue, as the track record beside it counts it broken
        # (was: "open", below the diagonal).
        from timeline.display._trend import trend_lines

        e = Event(title="x", when="2026-04").revise(stated="2026-03-20", when="TBD")
        assert [line.end for line in trend_lines([e], as_of="2026-04-20")] == ["open"]
        assert [line.end for line in trend_lines([e], as_of="2026-05-02")] == ["overdue"]
        assert Timeline([e]).track_record(as_of="2026-05-02").total.broken == 1


_ZONES = ["+14:00", "-12:00", "+05:45", "Z", "-09:30", "+08:00"]
_BOUND = st.one_of(
    st.dates(dt.date(2026, 4, 1), dt.date(2026, 4, 12)).map(dt.date.isoformat),
    st.builds(
        lambda d, h, z: f"{d.isoformat()}T{h:02d}:00{z}",
        st.dates(dt.date(2026, 4, 1), dt.date(2026, 4, 12)),
        st.integers(0, 23),
        st.sampled_from(_ZONES),
    ),
)


class TestDelayOfMixedWindows:
    """A window from an instant to a plain day (or a plain day to an instant) is read by
    `overdue` at its widest: the plain day ends at UTC-12 against a day starting at UTC+14.
    `delay` reads it the same way, so a promise is late exactly when it was overdue on the day
    it happened, and early exactly when the window surely began after that day (was: the plain
    end against the day's date, late by 1 on 5 April for "2 April 02:00+08:00 to 4 April",
    which was not overdue that day)."""

    @pytest.mark.parametrize(
        ("when", "end", "done", "delay"),
        [
            ("2026-04-02T02:00+08:00", "2026-04-04", "2026-04-05", 0),  # was 1
            ("2026-04-02T02:00+08:00", "2026-04-04", "2026-04-06", 0),  # was 2
            ("2026-04-02T02:00+08:00", "2026-04-04", "2026-04-07", 1),
            ("2026-04-11", "2026-04-13T06:00+05:45", "2026-04-10", 0),  # was -1
            # both plain: one frame, as before
            ("2026-04-02", "2026-04-04", "2026-04-05", 1),
        ],
    )
    def test_delay(self, when: str, end: str, done: str, delay: int) -> None:
        e = Event(title="x", when=when, end=end)
        assert e.revise(stated=done, when=done, status="happened").delay == delay

    @settings(max_examples=examples(200, 3000), deadline=None)
    @given(_BOUND, st.none() | _BOUND, st.dates(dt.date(2026, 3, 25), dt.date(2026, 4, 20)))
    def test_late_when_overdue_early_when_surely_before(
        self, when: str, end: str | None, day: dt.date
    ) -> None:
        from timeline.dates._bounds import ends_before

        try:
            e = Event(title="x", when=when, end=end)
        except EventError:
            return  # an end before the date
        late = e.revise(stated=day, when=day.isoformat(), status="happened").delay
        assert late is not None
        assert (late > 0) == e.overdue(day)
        assert (late < 0) == ends_before((day, day), e.window)


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
def test_a_saved_snapshot_reads_back_with_no_diff(tmp_path: Path, suffix: str) -> None:
    # The files keep what was written (offsets, units, wording), so a snapshot and the same
    # snapshot read back differ in nothing, now that diff compares spelling too.
    e = Event(
        title="x", when="2026-04-01T10:00+02:00", end="2026-04-02",
        target=Target("n", "1.50 GW", "2030"),
        observations=[Observation("2025", "over 5000 MW")],
        sources=[Source("s", published="2026-03-01T09:00+09:00")],
    ).revise(stated="2026-03-02T10:00-05:00", when="2026-05-01T08:00+05:45")  # fmt: skip
    tl = Timeline(
        [e, Event(title="y", when="c. April 2026").revise(stated="2026-03-02", when="TBD")]
    )
    path = tmp_path / f"t{suffix}"
    tl.save(path)
    assert not tl.diff(Timeline.load(path))
    assert not tl.diff(Timeline.from_arrow(tl.to_arrow()))
