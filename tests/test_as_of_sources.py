"""As known on a day, an event cites only the sources published by then.

`Event.as_of` replays the claims stated on or before the day and the figures known then
(`Observation.known_on`); a source published later was not known either. The first source
dates the initial statement, so it is known whenever the event is; a source with no
``published`` date counts as always known, as an initial statement without one does.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ics_check import vevents
from timeline import Event, Source, Timeline


def event() -> Event:
    return Event(
        title="x",
        when="2026-06",
        sources=[
            Source("first", published="2026-03-01", url="https://a.example/1"),
            Source("undated"),
            Source("follow-up", published="2026-05-02"),
            Source("approximate", published="2026-04~"),
        ],
    )


@pytest.mark.parametrize(
    ("day", "titles"),
    [
        ("2026-03-31", ["first", "undated"]),  # was: all four, two not yet published
        ("2026-04-01", ["first", "undated", "approximate"]),  # "April~" counts from 1 April
        ("2026-05-02", ["first", "undated", "follow-up", "approximate"]),
    ],
)
def test_sources_known_then(day: str, titles: list[str]) -> None:
    known = event().as_of(day)
    assert known is not None
    assert [s.title for s in known.sources] == titles
    assert [s.title for s in Timeline([event()]).as_of(day)["x"].sources] == titles


def test_everything_known_is_the_event_itself() -> None:
    assert event().as_of("2026-06-01") is not None
    assert event().as_of("2026-06-01") == event()


def test_a_feed_as_of_a_day_is_stamped_by_then() -> None:
    # the follow-up of 2 May stamped the feed "as of 31 March" in May, a date not yet come
    (item,) = vevents(Timeline([event()]).as_of("2026-03-31").to_ics())
    assert item.decoded("DTSTAMP") == dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    assert "follow-up" not in item.to_ical().decode()
