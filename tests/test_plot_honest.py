"""The picture never misleads, and never crashes on data (issues 12 §5 and 17 §5).

Checked on the rendered figure: where the artists are and which way they point,
not only how many there are.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import warnings
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from timeline import Event, Source, Timeline, TimelineWarning
from timeline.display._plot import _num, svg_text


@pytest.fixture(autouse=True)
def _close_figures() -> object:
    yield
    plt.close("all")


def piece(ax: Axes, part: str, event_id: str) -> Any:
    """The one drawn piece ``tl-<part>-L<lane>-<event_id>``."""
    found = [
        a
        for a in ax.findobj()
        if (a.get_gid() or "").startswith(f"tl-{part}-L")
        and str(a.get_gid()).endswith(f"-{event_id}")
    ]
    assert len(found) == 1, (part, event_id, found)
    return found[0]


def drawn(ax: Axes) -> Any:
    fig = ax.get_figure()
    assert fig is not None
    fig.canvas.draw()
    return fig.canvas.get_renderer()  # type: ignore[attr-defined]


def arrow_ends(ax: Axes, event_id: str) -> tuple[float, float]:
    """The x (data) where the slip arrow starts and where its head points."""
    drawn(ax)
    arrow = piece(ax, "slip", event_id)
    assert isinstance(arrow, FancyArrowPatch)
    path = arrow.get_path()  # data coordinates: the shaft, then the head's triangle
    moves = [i for i, code in enumerate(path.codes) if code == 1]  # MOVETO starts each part
    assert len(moves) == 2
    start, y = path.vertices[0]
    head = path.vertices[moves[1] : moves[1] + 3]
    # The head's tip is its one corner on the shaft's line (the base corners lie off it).
    tip = next(v[0] for v in head if abs(v[1] - y) <= 1e-9)
    return float(start), float(tip)


def near(x: float, day: dt.date, ax: Axes, share: float = 0.01) -> bool:
    """Whether ``x`` is within ``share`` of the axis width of ``day``."""
    left, right = ax.get_xlim()
    return abs(x - _num(day)) <= share * (right - left)


SAID = Source("Article", published="2025-01-15")
# A wide axis (the 2030 goal) so that a day or two is a sliver on it.
GOAL = Event(title="Goal", when="by 2030", actors=["State"], sources=[SAID])


class TestSlipArrows:
    """The arrow runs from where the date was expected to where it is expected now."""

    def test_to_a_later_deadline_points_right_at_the_deadline(self) -> None:
        event = Event(title="Rules", when="August 2026", actors=["EU"], sources=[SAID]).revise(
            when="by December 2027", stated="2026-07-01"
        )
        ax = Timeline([event, GOAL]).plot()
        start, tip = arrow_ends(ax, "rules")
        assert tip > start  # later: to the right
        assert near(tip, dt.date(2028, 1, 1), ax)  # at the deadline, the end of December 2027
        assert near(start, dt.date(2026, 8, 16), ax)  # from the middle of August 2026

    def test_to_no_earlier_than_points_at_its_first_day(self) -> None:
        event = Event(title="Crew flight", when="August 2026", actors=["Boeing"]).revise(
            when="no earlier than May 2026", stated="2026-07-01"
        )
        ax = Timeline([event, GOAL]).plot()
        start, tip = arrow_ends(ax, "crew-flight")
        assert near(tip, dt.date(2026, 5, 1), ax)
        assert tip < start  # May is left of August

    def test_from_a_deadline_starts_at_that_deadline(self) -> None:
        event = Event(title="Fab", when="by June 2026", actors=["TSMC"]).revise(
            when="2027", stated="2026-05-01"
        )
        ax = Timeline([event, GOAL]).plot()
        start, tip = arrow_ends(ax, "fab")
        assert near(start, dt.date(2026, 7, 1), ax)  # the old deadline, end of June
        assert near(tip, dt.date(2027, 7, 2), ax)  # the middle of 2027
        assert tip > start

    def test_window_to_window_points_right(self) -> None:
        event = Event(title="V4", when="April 2026", actors=["DeepSeek"]).revise(
            when="May 2026", stated="2026-04-20"
        )
        ax = Timeline([event]).plot()
        start, tip = arrow_ends(ax, "v4")
        assert near(start, dt.date(2026, 4, 16), ax, 0.03)
        assert near(tip, dt.date(2026, 5, 16), ax, 0.03)


class TestDeadlineBar:
    """A deadline bar starts when the deadline was stated, not at the first source."""

    @staticmethod
    def bar_start(ax: Axes, event_id: str) -> float:
        drawn(ax)
        bars = piece(ax, "deadline", event_id)
        assert isinstance(bars, PolyCollection)
        return float(min(p.vertices[:, 0].min() for p in bars.get_paths()))

    def test_revised_to_a_deadline(self) -> None:
        event = Event(title="Rules", when="August 2026", actors=["EU"], sources=[SAID]).revise(
            when="by December 2027", stated="2026-07-01"
        )
        ax = Timeline([event, GOAL]).plot()
        assert near(self.bar_start(ax, "rules"), dt.date(2026, 7, 1), ax, 0.002)

    def test_a_restated_deadline_keeps_its_first_statement(self) -> None:
        event = GOAL.revise(when="by 2030", stated="2026-02-01", note="reaffirmed")
        ax = Timeline([event]).plot()
        assert near(self.bar_start(ax, "goal"), dt.date(2025, 1, 15), ax, 0.002)

    def test_a_moved_deadline_starts_at_the_move(self) -> None:
        event = GOAL.revise(when="by 2031", stated="2026-02-01")
        ax = Timeline([event]).plot()
        assert near(self.bar_start(ax, "goal"), dt.date(2026, 2, 1), ax, 0.002)


class TestEveryEventIsVisible:
    def test_two_day_event_at_least_as_visible_as_a_dot(self) -> None:
        short = Event(title="Summit", when="2026-03-24", end="2026-03-25", actors=["State"])
        dot = Event(title="Forum", when="2026-03-24", actors=["Forum"])
        ax = Timeline([short, dot, GOAL]).plot()
        drawn(ax)
        bar = piece(ax, "window", "summit")
        assert isinstance(bar, PolyCollection)
        corners = np.vstack([ax.transData.transform(p.vertices) for p in bar.get_paths()])
        box = Bbox.from_extents(*corners.min(axis=0), *corners.max(axis=0))
        marker = piece(ax, "point", "forum")
        assert isinstance(marker, Line2D)
        fig = ax.get_figure()
        assert fig is not None
        diameter = marker.get_markersize() * fig.dpi / 72  # pixels
        assert box.width >= diameter
        assert box.width * box.height >= math.pi * (diameter / 2) ** 2
        # and it is still centred on its two days
        middle = ax.transData.inverted().transform(((box.x0 + box.x1) / 2, 0))[0]
        assert near(middle, dt.date(2026, 3, 25), ax, 0.002)


class TestAsOfLine:
    def test_the_line_never_crosses_a_label(self) -> None:
        events = [
            Event(title=f"A long title for event {i} that reaches over", when=day, actors=[a])
            for i, (day, a) in enumerate(
                [("2026-03-20", "A"), ("2026-03-28", "B"), ("2026-02", "C"), ("2026-04-01", "D")]
            )
        ]
        ax = Timeline(events).plot(as_of="2026-04-02")
        renderer = drawn(ax)
        line = ax.findobj(lambda a: a.get_gid() == "tl-asof")
        assert len(line) == 1 and isinstance(line[0], Line2D)
        points = ax.transData.transform(np.column_stack(line[0].get_data()))
        segments = [
            (points[i], points[i + 1])
            for i in range(len(points) - 1)
            if not (np.isnan(points[i]).any() or np.isnan(points[i + 1]).any())
        ]
        assert segments  # the line is drawn
        labels = [t for t in ax.texts if (t.get_gid() or "").startswith("tl-label-")]
        crossed = 0
        for label in labels:
            box = label.get_window_extent(renderer)
            for a, b in segments:
                x = a[0]
                low, high = sorted((a[1], b[1]))
                if box.x0 <= x <= box.x1 and low < box.y1 and high > box.y0:
                    crossed += 1
        assert crossed == 0
        # the line still spans the plot from top to bottom, gaps apart
        ys = sorted(y for a, b in segments for y in (a[1], b[1]))
        frame = ax.get_window_extent(renderer)
        assert ys[0] <= frame.y0 + 1 and ys[-1] >= frame.y1 - 1


class TestTitle:
    @pytest.mark.parametrize("as_of", [None, "2026-06-01"])
    def test_custom_title_is_used_as_given(self, as_of: str | None) -> None:
        tl = Timeline([GOAL], name="Tracker")
        ax = tl.plot(title="EU AI Act: what was promised", as_of=as_of)
        assert ax.get_title(loc="left") == "EU AI Act: what was promised"

    def test_default_title_says_as_of(self) -> None:
        ax = Timeline([GOAL], name="Tracker").plot(as_of="2026-06-01")
        assert ax.get_title(loc="left") == "Tracker — as of 2026-06-01"


HOSTILE = {
    # matplotlib's dates end at years 1 and 9999
    "year 1": Timeline([Event(title="a", when="0001-01-01"), Event(title="b", when="2026-04")]),
    "year 1 alone": Timeline([Event(title="a", when="0001")]),
    "year 9999": Timeline([Event(title="a", when="9999-12-31"), Event(title="b", when="2026")]),
    "year 9999 deadline": Timeline([Event(title="a", when="by 9999")]),
    "both ends": Timeline([Event(title="a", when="0001-01-01"), Event(title="b", when="9999")]),
    # mathtext: every piece of user text
    "actor": Timeline([Event(title="x", when="2026-04", actors=["$^$"])]),
    "name": Timeline([Event(title="x", when="2026-04")], name="Costs $\\x$"),
    "title": Timeline([Event(title="Fund $5B and $10B", when="2026-04")]),
    "kind": Timeline([Event(title="x", when="2026-04", kind="$\\frac{$")]),
}


class TestNeverCrashes:
    @pytest.mark.parametrize("case", HOSTILE)
    @pytest.mark.parametrize("by", ["actor", "kind"])
    def test_plot_draws(self, case: str, by: str) -> None:
        drawn(HOSTILE[case].plot(by=by, as_of="2026-05-01"))

    @pytest.mark.parametrize("case", HOSTILE)
    @pytest.mark.parametrize("suffix", ["png", "svg"])
    def test_save_plot(self, case: str, suffix: str, tmp_path: Path) -> None:
        out = HOSTILE[case].save_plot(tmp_path / f"t.{suffix}", title=None)
        assert out.stat().st_size > 0

    @pytest.mark.parametrize("case", HOSTILE)
    def test_to_html(self, case: str, tmp_path: Path) -> None:
        assert HOSTILE[case].to_html(tmp_path / "t.html").stat().st_size > 0

    def test_title_option_with_dollars(self, tmp_path: Path) -> None:
        Timeline([GOAL]).save_plot(tmp_path / "t.png", title="$x^$")

    def test_user_text_is_drawn_literally(self) -> None:
        tl = Timeline(
            [Event(title="Fund $5B and $10B", when="2026-04", actors=["$A$ and $B$"])],
            name="Costs $\\x$",
        )
        svg = svg_text(tl)  # text kept as text: what is drawn is what is written
        for text in ("Fund $5B and $10B", "$A$ and $B$", "Costs $\\x$"):
            assert f">{text}<" in svg, text

    def test_usetex_is_not_used_for_user_text(self) -> None:
        with matplotlib.rc_context({"text.usetex": True}):
            ax = Timeline([Event(title="Fund $5B", when="2026-04", actors=["$A$"])]).plot()
        texts = [t for t in ax.findobj(Text) if "$" in t.get_text()]
        assert texts and not any(t.get_usetex() for t in texts)

    def test_year_1_is_placed_not_dropped(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            ax = HOSTILE["year 1"].plot()
        drawn(ax)
        left, _ = ax.get_xlim()
        assert left >= _num(dt.date(1, 1, 1))
        assert piece(ax, "point", "a") is not None

    def test_an_instant_before_year_1_in_utc_is_left_out_with_a_warning(self) -> None:
        # 00:30 on 1 January of year 1 at UTC+14 is in year 0 in UTC: no axis holds it
        tl = Timeline([Event(title="early", when="0001-01-01T00:30+14:00"), GOAL])
        with pytest.warns(TimelineWarning, match=r"outside years 1 to 9999.*'early'"):
            ax = tl.plot()
        drawn(ax)
        labels = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("tl-label-")]
        assert labels == ["Goal"]


class TestOneLinePerLabel:
    def test_control_characters_in_data_are_shown_not_obeyed(self) -> None:
        tl = Timeline(
            [Event(title="First line\nSecond line", when="2026-04", actors=["A\r\nB"])],
            name="Name\x1b[2J",
        )
        ax = tl.plot()
        drawn(ax)
        labels = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("tl-label-")]
        assert labels == ["First line\\nSecond line"]
        assert [t.get_text() for t in ax.get_yticklabels()] == ["A\\r\\nB"]
        assert ax.get_title(loc="left") == "Name\\x1b[2J"


def test_slip_of_an_event_that_lasts_points_from_the_middle_of_its_first_span() -> None:
    # First promised 10 to 27 March, moved past its end to 30 March: a slip of the span's
    # last day (`Event.slips`), so the arrow starts at the middle of the first span, as the
    # ghost covers it (`Event.first_end`), and points at the new day.
    forum = Event(title="Forum", when="2026-03-10", end="2026-03-27", actors=["F"]).revise(
        when="2026-03-30", stated="2026-03-01"
    )
    for others, share in (([], 0.02), ([GOAL], 0.003)):  # on the wide axis the arrow is short
        ax = Timeline([forum, *others]).plot()
        start, tip = arrow_ends(ax, "forum")
        # 10 to 27 March (to the end of the 27th): the middle is the start of 19 March
        assert near(start, dt.date(2026, 3, 19), ax, share) and tip > start
        assert near(tip, dt.date(2026, 3, 30), ax, share)


def test_a_later_start_inside_its_span_draws_no_slip() -> None:
    # Re-dated to start on 24 March, the end standing: its span still ends on 27 March, so no
    # slip, no ghost and no arrow (was: an arrow, while the event was on time all along).
    forum = Event(title="Forum", when="2026-03-10", end="2026-03-27", actors=["F"]).revise(
        when="2026-03-24", stated="2026-03-01"
    )
    ax = Timeline([forum]).plot()
    drawn(ax)
    assert not [a for a in ax.findobj() if (a.get_gid() or "").startswith("tl-slip-")]


RESOLVED = [
    # resolved promises, so the page has a track-record section with its trend chart
    Event(title="Fund $5B and $10B", when="0001-03", actors=["$^$"], sources=[SAID]).revise(
        when="0001-04-02", status="happened", stated="0001-04-02"
    ),
    Event(title="Costs $\\x$", when="9999-03", actors=["B"], sources=[SAID]).revise(
        when="9999-12-31", status="happened", stated="9999-12-31"
    ),
]


class TestTrendChart:
    """The page's trend chart (track record) is a picture too: it never crashes on data."""

    @pytest.mark.parametrize("events", [RESOLVED[:1], RESOLVED[1:], RESOLVED])
    def test_page_with_a_trend_chart(self, events: list[Event], tmp_path: Path) -> None:
        page = Timeline(events, name="$Name$").to_html(tmp_path / "t.html", as_of="9999-12-31")
        text = page.read_text(encoding="utf-8")
        assert 'id="tl-track-record"' in text  # the section with the trend chart is there
        assert all(html.escape(e.title) in text for e in events)

    def test_trend_plot_draws(self) -> None:
        ax = Timeline(RESOLVED, name="$Name$").plot_trend(as_of="9999-12-31")
        drawn(ax)


class TestOpenEnd:
    """An event whose end is only "after X" lasts at least to X: the picture shows that far."""

    @pytest.mark.parametrize(
        ("end", "reach"),
        [
            ("after 2027", dt.date(2028, 1, 1)),  # a year after
            ("after March 2029", dt.date(2029, 4, 1)),  # a month after
            ("2027-06/..", dt.date(2027, 6, 1)),  # EDTF: from June 2027 on
        ],
    )
    def test_axis_reaches_the_first_possible_end(self, end: str, reach: dt.date) -> None:
        ax = Timeline([Event(title="Campaign", when="April 2026", end=end)]).plot()
        drawn(ax)
        _, right = ax.get_xlim()
        assert right >= _num(reach)
        bar = piece(ax, "open", "campaign")
        assert isinstance(bar, PolyCollection)
        xs = np.vstack([p.vertices for p in bar.get_paths()])[:, 0]
        assert xs.max() >= _num(reach)


class TestOpenBothSides:
    """Begun before one day and ending after another: drawn, open on both sides, reaching both."""

    @pytest.mark.parametrize(
        ("start", "end", "begun", "reach"),
        [
            ("before 2026", "after 2027", dt.date(2026, 1, 1), dt.date(2028, 1, 1)),
            ("../2025-06", "2027-06/..", dt.date(2025, 7, 1), dt.date(2027, 6, 1)),
            ("by 2026", "after March 2029", dt.date(2027, 1, 1), dt.date(2029, 4, 1)),
        ],
    )
    def test_drawn_and_reaching_both_days(
        self, start: str, end: str, begun: dt.date, reach: dt.date, tmp_path: Path
    ) -> None:
        tl = Timeline(
            [Event(title="Campaign", when=start, end=end), Event(title="b", when="2026-04")]
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # not left out with a warning
            ax = tl.plot()
        drawn(ax)
        left, right = ax.get_xlim()
        assert left <= _num(begun) and right >= _num(reach)
        bar = piece(ax, "open", "campaign")
        assert isinstance(bar, PolyCollection)
        xs = np.vstack([p.vertices for p in bar.get_paths()])[:, 0]
        alphas = bar.get_facecolors()[:, 3]
        # It covers both days, and fades out at both ends (open: no first or last day).
        assert xs.min() <= _num(begun) and xs.max() >= _num(reach)
        assert alphas[0] < alphas.max() and alphas[-1] < alphas.max()
        page = tl.to_html(tmp_path / "p.html").read_text(encoding="utf-8")
        assert 'id="tl-unplaced"' not in page and "tl-open-L" in page


@pytest.mark.parametrize(
    "title",
    ["Launch 🚀", "腾讯混元大模型发布", "ሰላም launch", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 model"],  # glyphs DejaVu lacks
)
def test_glyphs_the_font_lacks_do_not_warn(title: str, tmp_path: Path) -> None:
    # They draw as boxes, as the saved file documents; measuring a label next to the
    # "as of" line warned (an error under -W error) where saving did not.
    tl = Timeline([Event(title=title, when="2026-03-30"), Event(title="b", when="2026-04-02")])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tl.save_plot(tmp_path / "p.png", as_of="2026-04-01")
        tl.save_plot(tmp_path / "p.svg", as_of="2026-04-01")
        tl.to_html(tmp_path / "p.html", as_of="2026-04-01")


class TestSets:
    """A set ("April or June 2026") is drawn as its members, never as one bar over the gap."""

    @pytest.mark.parametrize(
        ("when", "inside", "gap"),
        [
            (
                "[2026-04, 2026-06]",
                [dt.date(2026, 4, 15), dt.date(2026, 6, 15)],
                dt.date(2026, 5, 15),
            ),
            (
                "{2026-04, 2026-06}",
                [dt.date(2026, 4, 15), dt.date(2026, 6, 15)],
                dt.date(2026, 5, 15),
            ),
            ("[2026-01..2026-02, 2026-11]", [dt.date(2026, 2, 10)], dt.date(2026, 6, 1)),
            ("[2025, 2027]", [dt.date(2025, 6, 1), dt.date(2027, 6, 1)], dt.date(2026, 6, 1)),
        ],
    )
    def test_members_drawn_not_the_gap(
        self, when: str, inside: list[dt.date], gap: dt.date
    ) -> None:
        ax = Timeline([Event(title="Launch", when=when), Event(title="b", when="2028")]).plot()
        drawn(ax)
        bar = piece(ax, "window", "launch")
        assert isinstance(bar, PolyCollection)
        spans = [(p.vertices[:, 0].min(), p.vertices[:, 0].max()) for p in bar.get_paths()]

        def covered(day: dt.date) -> bool:
            return any(a <= _num(day) <= b for a, b in spans)

        assert all(covered(d) for d in inside)
        assert not covered(gap)
        if len(spans) > 1:  # the members are joined by a dotted line across the gap
            joint = piece(ax, "or", "launch")
            assert isinstance(joint, Line2D) and joint.get_linestyle() == ":"

    def test_a_set_of_adjacent_months_is_one_bar(self) -> None:
        ax = Timeline([Event(title="Launch", when="[2026-04, 2026-05]")]).plot()
        drawn(ax)
        bar = piece(ax, "window", "launch")
        spans = [(p.vertices[:, 0].min(), p.vertices[:, 0].max()) for p in bar.get_paths()]
        assert any(a <= _num(dt.date(2026, 4, 30)) + 0.5 <= b for a, b in spans)


class TestUnspecifiedDigits:
    """A day with unspecified digits ("2026-04-XX": some day in April) is a window, not a dot."""

    @pytest.mark.parametrize(
        ("when", "first", "last"),
        [
            ("2026-04-XX", dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
            ("2026-04-1X", dt.date(2026, 4, 10), dt.date(2026, 4, 19)),
            ("2026-XX-15", dt.date(2026, 1, 15), dt.date(2026, 12, 15)),
        ],
    )
    def test_drawn_over_every_day_it_could_be(
        self, when: str, first: dt.date, last: dt.date
    ) -> None:
        ax = Timeline([Event(title="Launch", when=when), Event(title="b", when="2027")]).plot()
        drawn(ax)
        bar = piece(ax, "window", "launch")
        assert isinstance(bar, PolyCollection)
        xs = np.vstack([p.vertices for p in bar.get_paths()])[:, 0]
        assert xs.min() <= _num(first) + 0.5 and xs.max() >= _num(last) + 0.5
        gids = [str(a.get_gid()) for a in ax.findobj() if a.get_gid()]
        assert not [g for g in gids if g.startswith("tl-point-") and g.endswith("-launch")]
