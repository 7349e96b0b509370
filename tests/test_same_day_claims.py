"""Claims said on the same day: their order is their order in the list (DESIGN §3), and
every reader of a history orders them so.

Statements are dated to the day, so two said on one day share a day. The feed must still
tell the versions apart: each claim appended gives a component that RFC 5546 §2.1.5 puts
after the one before (a higher SEQUENCE when the date or status changed, else a later
DTSTAMP), so a subscribed calendar, and our own importer merging two versions, keeps the
newer. The DTSTAMP of the k-th statement of a day (counted in stated order) is one second
after the one before it: the day stays the day it was said, and versions keep their order.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from fuzzing import examples
from ics_check import feed_version
from timeline import (
    Claim,
    Event,
    Observation,
    Source,
    Status,
    Target,
    Timeline,
    TimelineWarning,
    When,
)

SAID = Source("wire", published="2026-01-05")


def _merged(first: Timeline, second: Timeline) -> Event:
    """The event our importer keeps from a file holding both versions (``first`` first)."""
    a, b = first.to_ics(), second.to_ics()
    merged = a.replace("END:VCALENDAR", b[b.index("BEGIN:VEVENT") : b.index("END:VCALENDAR")])
    merged += "END:VCALENDAR\r\n"
    with pytest.warns(TimelineWarning, match="older versions"):
        return Timeline.from_ics(merged)["x"]


class TestFeedVersionsOnOneDay:
    @pytest.mark.parametrize(
        ("first", "second"),
        [
            # a note the same day as the date it follows: the text changed, SEQUENCE kept
            ({"when": "2026-05"}, {"note": "confirmed by a second source"}),
            # a note on the day of the first source, with no claim before it
            (None, {"note": "still April"}),
            # a restatement at an instant late on the day before, in UTC the same day as it
            ({"stated": "2026-03-09T23:00-12:00", "when": "2026-05"}, {"note": "still May"}),
        ],
    )
    def test_a_same_day_claim_supersedes(self, first: dict | None, second: dict) -> None:  # type: ignore[type-arg]
        old = Event(title="x", when="2026-04", sources=[SAID])
        if first is not None:
            old = old.revise(**{"stated": "2026-03-10", **first})
        new = old.revise(**{"stated": "2026-03-10" if first else "2026-01-05", **second})
        was, now = feed_version(Timeline([old])), feed_version(Timeline([new]))
        assert was is not None and now is not None
        assert was[2] != now[2]  # the history shows the new claim
        assert now[:2] > was[:2]  # was: equal SEQUENCE and DTSTAMP
        assert _merged(Timeline([old]), Timeline([new])).claims == new.claims
        assert _merged(Timeline([new]), Timeline([old])).claims == new.claims

    def test_stamps_stay_on_the_day_said(self) -> None:
        e = Event(title="x", when="2026-04", sources=[SAID])
        for note in "abc":
            e = e.revise(stated="2026-03-10", note=note)
        version = feed_version(Timeline([e]))
        assert version is not None
        assert version[1] == dt.datetime(2026, 3, 10, 0, 0, 2, tzinfo=dt.UTC)


STEP = st.tuples(
    st.integers(0, 3),  # days after the claim before: 0 is the same day
    st.none() | st.sampled_from(("2026-04", "2026-05", "c. 2026-06", "2026-04-01T10:00+02:00")),
    st.none() | st.sampled_from(("expected", "confirmed", "happened", "cancelled")),
    st.none() | st.sampled_from(("n1", "n2")),
)


@settings(max_examples=examples(60, 1000), deadline=None)
@given(st.lists(STEP, max_size=4), STEP)
def test_each_appended_claim_supersedes(steps: list, last: tuple) -> None:  # type: ignore[type-arg]
    """Property: a claim appended on the day of the last one or later gives a version RFC 5546
    puts after the previous whenever the component's text changed, and SEQUENCE rises
    exactly when the date or status changed."""
    event = Event(title="x", when="2026-04", sources=[SAID])
    day = dt.date(2026, 1, 5)
    for gap, w, s, note in steps:
        day += dt.timedelta(days=gap)
        event = event.revise(stated=day, when=w, status=s, note=note)
    gap, w, s, note = last
    newer = event.revise(stated=day + dt.timedelta(days=gap), when=w, status=s, note=note)
    assert newer.claims[-1] is not event.claims[-1] if event.claims else True
    before, after = feed_version(Timeline([event])), feed_version(Timeline([newer]))
    assume(before is not None and after is not None)
    assert before is not None and after is not None
    significant = (newer.when, newer.status) != (event.when, event.status)
    assert after[0] == before[0] + significant
    if after[2] != before[2]:
        assert after[:2] > before[:2]


# -- as of a day: a brute-force replay of the list ----------------------------------------

WHENS = ("2026-04", "2026-05", "2026-06-15", "Q3 2026", "by 2026-12")
CLAIM = st.builds(
    lambda day, when, status: Claim(stated=day, when=when, status=status),
    st.dates(dt.date(2026, 3, 1), dt.date(2026, 3, 4)),  # four days: many on one day
    st.sampled_from(WHENS),  # always a date: the replay below needs no rule for a bare status
    st.none() | st.sampled_from(("expected", "confirmed")),
)


def _replayed(claims: list[Claim], day: dt.date) -> tuple[When, Status]:
    """The date and status as of ``day``: the last said by then, days in order, a day's
    claims in list order (an independent stable sort of plain dates)."""
    when, status = When.parse("2026-04"), Status.EXPECTED
    said = sorted(range(len(claims)), key=lambda i: (claims[i].stated.earliest, i))
    for i in said:
        claim = claims[i]
        if claim.stated.earliest <= day:
            assert claim.when is not None
            when = claim.when
            status = claim.status or status
    return when, status


@settings(max_examples=examples(80, 2000), deadline=None)
@given(st.lists(CLAIM, max_size=6), st.dates(dt.date(2026, 2, 28), dt.date(2026, 3, 5)))
def test_as_of_replays_a_day_in_list_order(claims: list[Claim], day: dt.date) -> None:
    """Built at once or revised one claim at a time, as of any day the event is the
    brute-force replay, and its history (claims, slips, the feed's) reads in that order."""
    at_once = Event(title="x", when="2026-04", sources=[SAID], claims=claims)
    one_by_one = Event(title="x", when="2026-04", sources=[SAID])
    for c in claims:
        one_by_one = one_by_one.revise(stated=c.stated, when=c.when, status=c.status)
    assert [(c.stated, c.when, c.status) for c in one_by_one.claims] == [
        (c.stated, c.when, c.status) for c in at_once.claims
    ]
    order = sorted(range(len(claims)), key=lambda i: (claims[i].stated.earliest, i))
    assert list(at_once.claims) == [claims[i] for i in order]
    known = at_once.as_of(day)
    assert known is not None
    assert (known.when, known.status) == _replayed(claims, day)
    assert Timeline([at_once]).as_of(day)["x"] == known
    slips = [s.claim for s in at_once.slips]
    assert slips == [c for c in at_once.claims if any(c is s for s in slips)]
    assert [s.claim for _, s in Timeline([at_once]).slips()] == slips


@settings(max_examples=examples(40, 1000), deadline=None)
@given(
    st.lists(st.lists(CLAIM, max_size=4), min_size=1, max_size=3),
    st.dates(dt.date(2026, 3, 1), dt.date(2026, 3, 4)),
)
def test_diff_of_snapshots_is_the_day_said(histories: list, day: dt.date) -> None:  # type: ignore[type-arg]
    """The snapshot of a day against the day before changes exactly the events with a claim
    said that day, and the claims it adds are that day's, in list order."""
    tl = Timeline(
        [Event(title=f"e{i}", when="2026-04", sources=[SAID], claims=h)
         for i, h in enumerate(histories)]
    )  # fmt: skip
    before, after = tl.as_of(day - dt.timedelta(days=1)), tl.as_of(day)
    change = before.diff(after)
    assert not change.added and not change.removed and not change.renamed
    said = {f"e{i}": [c for c in h if c.stated.earliest == day] for i, h in enumerate(histories)}
    assert {c.id for c in change.changed} == {i for i, cs in said.items() if cs}
    for c in change.changed:
        was, now = c.fields["claims"]
        assert list(now[len(was) :]) == said[c.id]


class TestFeedsAsOfEachDay:
    """A feed rebuilt each day as of that day (``timeline export --as-of``) gives each event a
    version RFC 5546 puts after the day before's whenever its text changed."""

    def test_instants_whose_utc_order_runs_against_their_days(self) -> None:
        # 23:00 on the 3rd at UTC-12 (11:00 UTC on the 4th) is known from the 3rd; 01:00 on
        # the 4th at UTC+14 (11:00 UTC on the 3rd) was said first but is known from the 4th.
        e = Event(title="x", when="2026-04", sources=[Source("s", published="2026-02-01")])
        e = e.revise(stated="2026-02-03T23:00-12:00", note="a")
        e = e.revise(stated="2026-02-04T01:00+14:00", note="b")
        tl = Timeline([e])
        was, now = feed_version(tl.as_of("2026-02-03")), feed_version(tl.as_of("2026-02-04"))
        assert was is not None and now is not None
        assert was[2] != now[2]
        assert now[:2] > was[:2]  # was: both 11:00 UTC on the 4th, SEQUENCE 0

    @settings(max_examples=examples(60, 1500), deadline=None)
    @given(
        st.lists(
            st.builds(
                lambda said, when, status, note: Claim(
                    stated=said, when=when, status=status, note=note
                ),
                st.dates(dt.date(2026, 2, 1), dt.date(2026, 2, 6))
                | st.sampled_from(
                    ["2026-02-03T23:00-12:00", "2026-02-04T01:00+14:00", "2026-02-03T10:00Z"]
                ),
                st.none() | st.sampled_from(("2026-04", "2026-05", "c. 2026-06")),
                st.none() | st.sampled_from(("expected", "confirmed", "happened", "cancelled")),
                st.none() | st.just("n"),
            ),
            max_size=5,
        ),
        st.dates(dt.date(2026, 2, 1), dt.date(2026, 2, 6)),
    )
    def test_each_day_supersedes_the_day_before(self, claims: list[Claim], day: dt.date) -> None:
        tl = Timeline(
            [Event(title="x", when="2026-04", sources=[Source("s", published="2026-02-01")],
                   claims=claims)]
        )  # fmt: skip
        was, now = feed_version(tl.as_of(day)), feed_version(tl.as_of(day + dt.timedelta(days=1)))
        assume(was is not None and now is not None)
        assert was is not None and now is not None
        assert now[0] >= was[0]
        if now[2] != was[2]:
            assert now[:2] > was[:2]


class TestFiguresAndSourcesOnTheDayOfAClaim:
    """A figure or a source known the day of the last claim shows in the text too (the
    figures line, the sources): it is stamped after what was known before it that day."""

    def test_a_figure_known_the_day_of_a_claim(self) -> None:
        from timeline import Observation, Target

        old = Event(
            title="x", when="2026", sources=[SAID], target=Target("capacity", "10 GW", "2026")
        ).revise(stated="2026-03-31", note="on track")
        new = attrs_evolve(old, observations=(Observation("2026-03", "5 GW"),))  # known 31 March
        was, now = feed_version(Timeline([old])), feed_version(Timeline([new]))
        assert was is not None and now is not None
        assert was[2] != now[2]
        assert now[:2] > was[:2]  # was: both 31 March 00:00, SEQUENCE 0

    def test_a_source_published_the_day_of_a_claim(self) -> None:
        old = Event(title="x", when="2026-04", sources=[SAID]).revise(
            stated="2026-03-10", when="2026-05"
        )
        new = attrs_evolve(old, sources=(*old.sources, Source("follow-up", published="2026-03-10")))
        was, now = feed_version(Timeline([old])), feed_version(Timeline([new]))
        assert was is not None and now is not None
        assert was[2] != now[2]
        assert now[:2] > was[:2]


def attrs_evolve(event: Event, **changes: object) -> Event:
    import attrs

    return attrs.evolve(event, **changes)


_SAID = st.dates(dt.date(2026, 2, 1), dt.date(2026, 2, 6)) | st.sampled_from(
    ["2026-02-03T23:00-12:00", "2026-02-04T01:00+14:00", "2026-02-03T10:00Z", "2026-02~"]
)


@settings(max_examples=examples(40, 1500), deadline=None)
@given(
    st.lists(
        st.builds(
            lambda said, when, note: Claim(stated=said, when=when, note=note),
            _SAID,
            st.none() | st.sampled_from(("2026-04", "2026-05")),
            st.none() | st.just("n"),
        ),
        max_size=4,
    ),
    st.lists(
        st.builds(
            lambda at, value, said: Observation(
                at, value, source=None if said is None else Source("f", published=said)
            ),
            st.sampled_from(["2026-01", "2026-02-02", "2026-02-03", "2026-01-20T23:00-12:00"]),
            st.sampled_from(["4 x", "12 x"]),
            st.none() | _SAID,
        ),
        max_size=3,
    ),
    st.lists(st.builds(lambda said: Source("t", published=said), st.none() | _SAID), max_size=2),
    st.dates(dt.date(2026, 1, 31), dt.date(2026, 2, 6)),
)
def test_each_day_supersedes_with_figures_and_sources(
    claims: list[Claim], figures: list[Observation], sources: list[Source], day: dt.date
) -> None:
    """Claims, figures and sources together: each day's as-of feed supersedes the day before's
    whenever its text changed."""
    e = Event(
        title="x", when="2026-04", sources=[Source("s", published="2026-02-01"), *sources],
        claims=claims, target=Target("n", "10 x", "2026"), observations=figures,
    )  # fmt: skip
    tl = Timeline([e])
    was, now = feed_version(tl.as_of(day)), feed_version(tl.as_of(day + dt.timedelta(days=1)))
    assume(was is not None)  # not yet announced the day before
    assert was is not None and now is not None
    assert now[0] >= was[0]
    if now[2] != was[2]:
        assert now[:2] > was[:2]
