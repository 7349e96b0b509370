"""An interval with a set of dates at one end ("April or June 2026 to December 2026") can be
asked about (a query window), but no data file, feed or table can hold it: an event refuses
it when built, rather than saving a file that does not load again."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import Event, EventError, Timeline, When

SET_START = When.interval(When.parse("April or June 2026"), When.parse("2026-12"))
SET_END = When.interval(When.parse("2026-01"), When.parse("[2026-04,2026-06]"))


@pytest.mark.parametrize("value", [SET_START, SET_END])
def test_an_event_refuses_it_naming_the_fix(value: When) -> None:
    with pytest.raises(EventError, match="a set of dates at one end") as caught:
        Event(title="x", when=value)
    assert str(value) in str(caught.value)
    with pytest.raises(EventError, match="a set of dates at one end"):
        Event(title="x", when="2025", end=value)
    with pytest.raises(EventError, match="a set of dates at one end"):
        Event(title="x", when="2026-01").revise(when=value, stated="2026-01-05")


def test_a_query_window_may_still_be_one() -> None:
    tl = Timeline([Event(id="may", title="x", when="2026-05-10")])
    assert len(tl.included(SET_START)) == 0


def test_what_an_event_holds_saves_and_loads(tmp_path: Path) -> None:
    tl = Timeline([Event(title="x", when=When.parse("[2026-04,2026-06]"))])
    for suffix in ("yaml", "json", "csv"):
        path = tmp_path / f"t.{suffix}"
        tl.save(path)
        assert Timeline.load(path) == tl
