"""An "all of" set with gaps ("{2026-04,2026-06}": all of April and all of June) in a feed.

One span April–June would block May, a month the event does not fall in, however the
summary words it. A subscriber sees one all-day VEVENT per stretch of days the set
covers (its runs: members that touch or overlap are one stretch), the first under the
event's own UID, the others under UIDs derived from it, each naming the first with
RELATED-TO;RELTYPE=SIBLING (RFC 5545 §3.8.4.5, §3.2.15). Checked with icalendar and
recurring_ical_events (independent readers); our own feed still reads back as the one event.
"""

from __future__ import annotations

import datetime as dt
import itertools

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Event, Timeline, When

recurring_ical_events = pytest.importorskip("recurring_ical_events")


def feed(when: str, policy: str = "auto") -> tuple[str, list[icalendar.Event]]:
    text = Timeline([Event(title="Trial", when=when)], name="T").to_ics(policy=policy)
    cal = icalendar.Calendar.from_ical(text)
    return text, list(cal.walk("VEVENT"))


def days(ev: icalendar.Event) -> tuple[dt.date, dt.date]:
    return ev.decoded("DTSTART"), ev.decoded("DTEND")


@pytest.mark.parametrize(
    ("when", "runs"),
    [
        # all of April and all of June: not May
        ("{2026-04,2026-06}", [("2026-04-01", "2026-05-01"), ("2026-06-01", "2026-07-01")]),
        # three days apart from each other
        ("{2026-04-01,2026-04-15,2026-04-30}",
         [("2026-04-01", "2026-04-02"), ("2026-04-15", "2026-04-16"),
          ("2026-04-30", "2026-05-01")]),
        # members that touch are one stretch; order in the text does not matter
        ("{2026-06,2026-04-30,2026-04-29}",
         [("2026-04-29", "2026-05-01"), ("2026-06-01", "2026-07-01")]),
    ],
)  # fmt: skip
@pytest.mark.parametrize("policy", ["auto", "window"])
def test_one_vevent_per_stretch_of_days(
    when: str, runs: list[tuple[str, str]], policy: str
) -> None:
    _, events = feed(when, policy)
    want = [(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in runs]
    assert [days(ev) for ev in events] == want  # was: one span from the first to the last
    uids = [str(ev["UID"]) for ev in events]
    assert len(set(uids)) == len(uids)
    assert uids[0] == "trial@timeline.invalid"  # the event's own UID, as before
    for ev in events[1:]:
        related = ev["RELATED-TO"]
        assert str(related) == uids[0]
        assert related.params["RELTYPE"] == "SIBLING"
    summaries = {str(ev["SUMMARY"]) for ev in events}
    assert len(summaries) == 1  # the same words on each
    # an independent expander: no day in a gap, every day of a stretch
    cal = icalendar.Calendar.from_ical(feed(when, policy)[0])
    for first, stop in want:
        assert recurring_ical_events.of(cal).between(first, stop)
    for (_, stop), (start, _) in itertools.pairwise(want):
        if stop < start:
            assert not recurring_ical_events.of(cal).between(stop, start)


@pytest.mark.parametrize(
    "when", ["{2026-04,2026-06}", "{2026-04-01,2026-04-15,2026-04-30}", "{2026-04,2026-05}"]
)
def test_our_feed_reads_back_as_the_one_event(when: str) -> None:
    tl = Timeline([Event(title="Trial", when=when), Event(title="Other", when="2026-05")])
    back = Timeline.from_ics(tl.to_ics())
    assert [e.id for e in back] == [e.id for e in tl]
    assert back["trial"].when == tl["trial"].when


@pytest.mark.parametrize(
    ("when", "count"),
    [
        ("{2026-04,2026-05}", 1),  # no gap: one span, as before
        ("[2026-04,2026-06]", 1),  # one of them: a marker, as before
        ("{2026,2028}", 1),  # stretches longer than a quarter: "auto" keeps its marker
    ],
)
def test_what_stays_one_vevent(when: str, count: int) -> None:
    assert len(feed(when)[1]) == count


def test_the_description_names_each_stretch() -> None:
    _, events = feed("{2026-04,2026-06}")
    texts = [str(ev["DESCRIPTION"]) for ev in events]
    assert "all of April 2026 and June 2026" in texts[0]
    assert "Part 1 of 2" in texts[0] and "Part 2 of 2" in texts[1]


_MEMBERS = st.lists(
    st.one_of(
        st.builds(lambda m, d: f"2026-{m:02d}-{d:02d}", st.integers(1, 12), st.integers(1, 28)),
        st.builds(lambda m: f"2026-{m:02d}", st.integers(1, 12)),
    ),
    min_size=1,
    max_size=6,
    unique=True,
)


@settings(max_examples=40, deadline=None)
@given(_MEMBERS, st.sampled_from(["auto", "window"]))
def test_the_days_shown_are_the_days_of_the_members(members: list[str], policy: str) -> None:
    """Oracle: the days recurring_ical_events finds in the feed are exactly the members'
    days, when the feed splits the set (and the whole span, when it does not)."""
    when = "{" + ",".join(members) + "}"
    event = Event(title="Trial", when=when)
    text = Timeline([event]).to_ics(policy=policy)
    cal = icalendar.Calendar.from_ical(text)
    shown: set[dt.date] = set()
    for ev in recurring_ical_events.of(cal).between(dt.date(2025, 1, 1), dt.date(2028, 1, 1)):
        day, stop = ev.decoded("DTSTART"), ev.decoded("DTEND")
        while day < stop:
            shown.add(day)
            day += dt.timedelta(days=1)
    wanted: set[dt.date] = set()
    for member in members:
        w = When.parse(member)
        day = w.earliest
        while day <= w.latest:
            wanted.add(dt.date(day.year, day.month, day.day))
            day += dt.timedelta(days=1)
    vevents = list(cal.walk("VEVENT"))
    if len(vevents) > 1:
        assert shown == wanted
    else:  # one VEVENT: the whole span, or a marker, as before
        assert len(shown) == 1 or shown >= wanted
    assert Timeline.from_ics(text)["trial"].when == event.when
