"""Hypothesis strategies for track-record tests: promises with claims around 2026."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from timeline import Claim, Event, Source, Status, Timeline, When

__all__ = ["CLAIMS", "DAYS", "WHENS", "tracked"]

DAYS = st.dates(dt.date(2025, 10, 1), dt.date(2027, 3, 31))
WHENS = st.one_of(
    st.builds(When.day, st.just(2026), st.integers(1, 12), st.integers(1, 28)),
    st.builds(When.month, st.sampled_from([2025, 2026, 2027]), st.integers(1, 12)),
    st.builds(When.quarter, st.just(2026), st.integers(1, 4)),
    st.builds(lambda m: When.month(2026, m).qualify(approximate=True), st.integers(1, 12)),
    st.builds(lambda m: When.by(When.month(2026, m)), st.integers(1, 12)),
    st.builds(lambda m: When.after(When.month(2026, m)), st.integers(1, 12)),
)
CLAIMS = st.builds(
    Claim,
    stated=DAYS,
    when=st.none() | WHENS,
    status=st.none() | st.sampled_from(Status),
)


@st.composite
def tracked(draw: st.DrawFn) -> Timeline:
    events = []
    for i in range(draw(st.integers(0, 8))):
        published = draw(st.none() | DAYS)
        events.append(
            Event(
                title=f"e{i}",
                when=draw(WHENS),
                status=draw(st.sampled_from(Status)),
                actors=draw(st.lists(st.sampled_from(["A", "B", "C"]), max_size=2, unique=True)),
                kind=draw(st.sampled_from(["launch", "funding", None])),
                sources=[] if published is None else [Source("s", published=published)],
                claims=draw(st.lists(CLAIMS, max_size=3)),
            )
        )
    return Timeline(events)
