"""Invariants of the picture for any dates, years 1 to 9999 (issues 12 §5 and 17 §5).

The layout is pure geometry, so its properties run on many examples; drawing a
whole figure is slow, so that property runs on a few.
"""

from __future__ import annotations

import datetime as dt
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import whens
from timeline import Event, Timeline, TimelineWarning, When
from timeline.display._layout import MIN_MARK, Layout, anchor, layout, shape_of
from timeline.display._plot import _limits, _num

WIDTH = 10.0  # inches


@st.composite
def slipping_events(draw: st.DrawFn) -> list[Event]:
    """One to four events on any dates; some revised to another date later."""
    events = []
    for i in range(draw(st.integers(1, 4))):
        event = Event(title=f"Event {i} $x$", when=draw(whens()), actors=[f"${i}"])
        if draw(st.booleans()):
            event = event.revise(when=draw(whens()), stated=draw(st.dates()))
        events.append(event)
    return events


def place(events: list[Event], as_of: dt.date | None = None) -> Layout:
    return layout(
        events,
        by="actor",
        as_of=as_of,
        num=_num,
        measure=lambda text: 0.06 * len(text),
        width=WIDTH,
        limits=_limits(),
    )


class TestLayout:
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(slipping_events())
    def test_every_event_is_accounted_for_and_visible(self, events: list[Event]) -> None:
        lay = place(events)
        low, high = _limits()
        left, right = lay.xlim
        assert low <= left < right <= high  # an axis matplotlib can label
        placed = [p.event for p in lay.items]
        skipped = [*lay.skipped, *lay.outside]
        assert sorted(map(id, placed + skipped)) == sorted(map(id, events))
        assert all(shape_of(e) is None for e in lay.skipped)
        least = MIN_MARK * (right - left) / WIDTH
        for p in lay.items:
            if p.shape != "point":
                assert p.core[1] - p.core[0] >= least * 0.999, p

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(slipping_events())
    def test_slip_arrow_runs_between_the_anchors(self, events: list[Event]) -> None:
        for p in place(events).items:
            event = p.event
            if p.arrow is None:
                continue
            assert event.slipped
            now = anchor(event.when, _num, event.end)
            assert p.arrow == (anchor(event.first_expected, _num), now)

    @given(whens())
    def test_anchor_lies_within_the_date(self, when: When) -> None:
        x = anchor(when, _num)
        lo, hi = when.earliest, when.latest
        if x is None:
            assert lo is None and hi is None
            return
        if lo is not None:
            assert x >= _num(lo) - 1e-6
        if hi is not None:
            top = _num(hi) + (0.0 if isinstance(hi, dt.datetime) else 1.0)
            assert x <= top + 1e-6


class TestDrawing:
    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(slipping_events(), st.one_of(st.none(), st.dates()))
    def test_any_timeline_draws(self, events: list[Event], as_of: dt.date | None) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", TimelineWarning)  # events left out are named
            ax = Timeline(events, name="$Name$").plot(as_of=as_of)
        fig = ax.get_figure()
        assert fig is not None
        try:
            fig.canvas.draw()
        finally:
            plt.close(fig)
