"""Each claim said on a later day gives a feed version that supersedes the one before.

A feed carries no METHOD, so RFC 5545 §3.8.7.2 reads DTSTAMP (and §3.8.7.3 LAST-MODIFIED) as
when the information in the component was last revised; RFC 5546 §2.1.5 orders versions of
one UID by SEQUENCE, then DTSTAMP. SEQUENCE rises on a significant change only — the date or
the status (DESIGN §5), what moves DTSTART, DTEND or STATUS — so a claim that restates the date
("still April") or respells it (an instant at another offset) keeps it; but the text shown
changes (the summary's date, the description's history), so DTSTAMP must move, or a calendar,
and our own importer, cannot tell the new version from the old.

Checked with the independent `icalendar` parser, and by merging the two versions in either order.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from fuzzing import examples
from ics_check import feed_version
from timeline import Event, Observation, Source, Target, Timeline, TimelineWarning

TEXTS = (
    "2026-04",
    "April 2026",
    "2026-04-15",
    "Q2 2026",
    "by April 2026",
    "c. April 2026",
    "TBD",
    "2026-04-01T10:00+02:00",
    "2026-04-01T08:00Z",
    "2026-04-01T22:00+14:00",
    "2026-03-31T20:00-12:00",
)
STATUSES = (None, "expected", "confirmed", "happened", "cancelled")
SAID = Source("wire", published="2026-01-05")


def _known(tl: Timeline) -> tuple[int, dt.datetime, str]:
    version = feed_version(tl)
    assert version is not None
    return version


def _imported(first: Timeline, second: Timeline) -> Event:
    a, b = first.to_ics(), second.to_ics()
    merged = a.replace("END:VCALENDAR", b[b.index("BEGIN:VEVENT") : b.index("END:VCALENDAR")])
    merged += "END:VCALENDAR\r\n"
    with pytest.warns(TimelineWarning, match="older versions"):  # the one left out is named
        return Timeline.from_ics(merged)["x"]


class TestRestatementsAndRespellings:
    def test_a_respelled_instant_keeps_the_sequence_and_moves_the_stamp(self) -> None:
        old = Event(title="x", when="2026-04-01T10:00+02:00", sources=[SAID])
        new = old.revise(stated="2026-03-10", when="2026-04-01T08:00Z")
        (seq0, stamp0, text0), (seq1, stamp1, text1) = (
            _known(Timeline([old])),
            _known(Timeline([new])),
        )
        # The summary's date changed: it is said in the new spelling's zone.
        assert "08:00 UTC)" in text1 and "10:00 UTC+2)" in text0 and "08:00 UTC)" not in text0
        assert seq1 == seq0 == 0  # DTSTART is the same moment: no significant change
        assert stamp0 == dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
        assert stamp1 == dt.datetime(2026, 3, 10, tzinfo=dt.UTC)  # was 5 January: unchanged

    def test_a_restatement_moves_the_stamp(self) -> None:
        old = Event(title="x", when="2026-04", sources=[SAID])
        new = old.revise(stated="2026-03-10", when="2026-04", note="still April")
        assert new.revisions == 0  # no significant change (unchanged)
        assert _known(Timeline([new]))[1] == dt.datetime(2026, 3, 10, tzinfo=dt.UTC)

    def test_merged_versions_keep_the_newer_in_either_order(self) -> None:
        old = Timeline([Event(title="x", when="2026-04", sources=[SAID])])
        new = Timeline([old["x"].revise(stated="2026-03-10", when="2026-04", note="still April")])
        assert len(_imported(new, old).claims) == 1  # was 0: the older version, later in the file
        assert len(_imported(old, new).claims) == 1

    def test_a_stamp_is_the_latest_moment_said(self) -> None:
        # An instant late on 10 March at UTC-12 is 11 March 11:00 UTC, after a claim stated as
        # the day 11 March (which comes after it in stated order, its local day being later).
        e = Event(title="x", when="2026-04", sources=[SAID])
        e = e.revise(stated="2026-03-10T23:00-12:00", when="2026-05")
        assert _known(Timeline([e]))[1] == dt.datetime(2026, 3, 11, 11, tzinfo=dt.UTC)
        e = e.revise(stated="2026-03-11", note="still May")
        # Was 11:00 too, as if the note had not been said: the claim after it in stated order
        # is stamped a second after it (tests/test_same_day_claims.py).
        assert _known(Timeline([e]))[1] == dt.datetime(2026, 3, 11, 11, 0, 1, tzinfo=dt.UTC)


class TestFigures:
    """A figure shows in the description too (the figures line, the target's progress): the
    stamp counts it from the day it was known (`Observation.known_on`: its period ended and
    its source, if dated, was published), as `as_of` does."""

    @staticmethod
    def goal(*figures: Observation) -> Event:
        return Event(
            title="x", when="2026", sources=[SAID],
            target=Target("capacity", "10 GW", "2026"), observations=figures,
        )  # fmt: skip

    def test_a_new_figure_moves_the_stamp(self) -> None:
        march = Observation("2026-03", "5 GW")
        june = Observation("2026-06", "7 GW", source=Source("r", published="2026-07-05"))
        old, new = self.goal(march), self.goal(march, june)
        (seq0, stamp0, _), (seq1, stamp1, _) = _known(Timeline([old])), _known(Timeline([new]))
        assert stamp0 == dt.datetime(2026, 3, 31, tzinfo=dt.UTC)  # was 5 January
        assert stamp1 == dt.datetime(2026, 7, 5, tzinfo=dt.UTC)  # was 5 January
        assert seq0 == seq1 == 0
        merged = _imported(Timeline([new]), Timeline([old]))
        assert len(merged.observations) == 2  # was 1: the older version, later in the file


STEP = st.tuples(st.integers(1, 40), st.none() | st.sampled_from(TEXTS), st.sampled_from(STATUSES))


@settings(max_examples=examples(60, 1000), deadline=None)
@given(
    st.sampled_from(TEXTS),
    st.sampled_from(("expected", "confirmed")),
    st.lists(STEP, max_size=4),
    STEP,
)
def test_each_later_claim_supersedes_the_version_before(
    when: str, status: str, steps: list[tuple[int, str | None, str | None]], last: tuple
) -> None:  # type: ignore[type-arg]
    """Property: a claim said on a later day than anything before gives a version that RFC
    5546's order puts after the previous one whenever the component's text changed, and a
    SEQUENCE that rises exactly when the date or status changed."""
    event = Event(title="x", when=when, status=status, sources=[SAID])
    day = dt.date(2026, 1, 5)
    for gap, w, s in steps:
        day += dt.timedelta(days=gap)
        event = event.revise(stated=day, when=w, status=s)
    gap, w, s = last
    newer = event.revise(stated=day + dt.timedelta(days=gap), when=w, status=s)
    before, after = feed_version(Timeline([event])), feed_version(Timeline([newer]))
    assume(before is not None and after is not None)  # an undated event is left out
    assert before is not None and after is not None
    (seq0, stamp0, text0), (seq1, stamp1, text1) = before, after
    significant = (newer.when, newer.status) != (event.when, event.status)
    assert seq1 == seq0 + significant
    if text1 != text0:
        assert (seq1, stamp1) > (seq0, stamp0)
