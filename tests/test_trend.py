"""The milestone trend chart: where each line, band, cap, end and label is drawn."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D

from timeline import Event, PlotError, Source, Timeline, TimelineWarning, When
from timeline.display._plot import _num
from timeline.display._trend import trend_lines
from track_strategies import DAYS, tracked


@pytest.fixture(autouse=True)
def _close_figures() -> object:
    yield None
    plt.close("all")


def said(day: str) -> list[Source]:
    return [Source("s", published=day)]


def n(day: str) -> float:
    return _num(dt.date.fromisoformat(day))


def by_gid(ax: Axes, gid: str) -> Artist:
    found = [a for a in itertools.chain(ax.lines, ax.collections, ax.texts) if a.get_gid() == gid]
    assert len(found) == 1, (gid, [a.get_gid() for a in ax.get_children()])
    return found[0]


def line_xy(ax: Axes, gid: str) -> list[tuple[float, float]]:
    artist = by_gid(ax, gid)
    assert isinstance(artist, Line2D)
    return list(zip(artist.get_xdata(), artist.get_ydata(), strict=True))  # type: ignore[arg-type]


def slipped() -> Event:
    return (
        Event(title="Slipped", when="2026-04", sources=said("2026-02-01"))
        .revise(stated="2026-04-20", when="2026-05")
        .revise(stated="2026-05-25", when="2026-07")
        .revise(stated="2026-07-10", when="2026-07-10", status="happened")
    )


def kept() -> Event:
    return Event(title="Kept", when="2026-04-15", sources=said("2026-02-01")).revise(
        stated="2026-04-15", when="2026-04-15", status="happened"
    )


class TestLines:
    def test_a_slip_climbs_step_by_step_and_ends_on_the_diagonal(self) -> None:
        ax = Timeline([slipped()]).plot_trend(as_of="2026-08-01")
        points = line_xy(ax, "tl-trend-line-slipped")
        assert points == [
            (n("2026-02-01"), n("2026-04-30")),  # stated 1 Feb: April
            (n("2026-04-20"), n("2026-04-30")),  # along, then up at the first slip
            (n("2026-04-20"), n("2026-05-31")),
            (n("2026-05-25"), n("2026-05-31")),
            (n("2026-05-25"), n("2026-07-31")),
            (n("2026-07-10"), n("2026-07-31")),  # runs on until the day it happened
            (n("2026-07-10"), n("2026-07-10")),  # and meets the diagonal there
        ]
        ys = [y for _, y in points[:-1]]
        assert ys == sorted(ys)  # it only climbs while open
        assert [x for x, _ in points] == sorted(x for x, _ in points)  # time runs right
        end = line_xy(ax, "tl-trend-end-slipped")
        assert end == [(n("2026-07-10"), n("2026-07-10"))]
        assert by_gid(ax, "tl-trend-end-slipped").get_marker() == "o"  # type: ignore[attr-defined]

    def test_a_kept_promise_is_flat(self) -> None:
        ax = Timeline([kept()]).plot_trend(as_of="2026-05-01")
        points = line_xy(ax, "tl-trend-line-kept")
        assert points == [
            (n("2026-02-01"), n("2026-04-15")),
            (n("2026-04-15"), n("2026-04-15")),  # flat right onto the diagonal
        ]

    def test_the_diagonal_is_x_equals_y_and_the_as_of_line_stands_at_the_day(self) -> None:
        ax = Timeline([kept(), slipped()]).plot_trend(as_of="2026-08-01")
        diagonal = line_xy(ax, "tl-trend-diagonal")
        assert all(x == y for x, y in diagonal)
        lo, hi = ax.get_xlim()
        assert diagonal[0][0] <= lo and diagonal[-1][0] >= hi
        asof = by_gid(ax, "tl-trend-asof")
        assert isinstance(asof, Line2D)
        assert set(asof.get_xdata()) == {n("2026-08-01")}  # type: ignore[arg-type]
        assert ax.get_xlim()[1] >= n("2026-08-01")

    def test_an_open_promise_runs_to_the_day_and_an_overdue_one_says_so(self) -> None:
        pending = Event(title="Pending", when="2026-12", sources=said("2026-02-01"))
        late = Event(title="Late", when="2026-03", sources=said("2026-02-01"))
        ax = Timeline([pending, late]).plot_trend(as_of="2026-06-01")
        assert line_xy(ax, "tl-trend-end-pending") == [(n("2026-06-01"), n("2026-12-31"))]
        assert line_xy(ax, "tl-trend-end-late") == [(n("2026-06-01"), n("2026-03-31"))]
        overdue = by_gid(ax, "tl-trend-end-late")
        assert overdue.get_markerfacecolor() == "white"  # type: ignore[attr-defined]
        # below the diagonal at its end: the day passed its date
        x, y = line_xy(ax, "tl-trend-end-late")[0]
        assert y < x

    def test_a_cancelled_promise_ends_in_a_cross_on_the_day_it_was_dropped(self) -> None:
        dropped = Event(title="Dropped", when="2026-09", sources=said("2026-02-01")).revise(
            stated="2026-05-02", status="cancelled"
        )
        ax = Timeline([dropped]).plot_trend(as_of="2026-06-01")
        assert line_xy(ax, "tl-trend-end-dropped") == [(n("2026-05-02"), n("2026-09-30"))]
        assert by_gid(ax, "tl-trend-end-dropped").get_marker() == "X"  # type: ignore[attr-defined]

    def test_claims_stated_after_the_day_are_not_drawn(self) -> None:
        ax = Timeline([slipped()]).plot_trend(as_of="2026-05-01")
        points = line_xy(ax, "tl-trend-line-slipped")
        assert max(y for _, y in points) == n("2026-05-31")  # the July slip came later
        assert points[-1] == (n("2026-05-01"), n("2026-05-31"))

    def test_an_undated_first_statement_starts_at_the_charts_first_day(self) -> None:
        undated = Event(title="Undated", when="2026-06")
        ax = Timeline([undated, kept()]).plot_trend(as_of="2026-05-01")
        assert line_xy(ax, "tl-trend-line-undated")[0] == (n("2026-02-01"), n("2026-06-30"))


class TestShapes:
    def test_a_window_is_a_band_from_its_first_to_its_last_day(self) -> None:
        ax = Timeline([slipped()]).plot_trend(as_of="2026-08-01")
        band = by_gid(ax, "tl-trend-band-0-slipped")
        assert isinstance(band, PolyCollection)
        box = band.get_paths()[0].get_extents()
        assert (box.x0, box.x1) == (n("2026-02-01"), n("2026-04-20"))  # until the slip
        assert (box.y0, box.y1) == (n("2026-04-01"), n("2026-04-30"))
        # the exact day has no band
        assert not [a for a in ax.collections if a.get_gid() == "tl-trend-band-3-slipped"]

    def test_a_deadline_is_a_cap_at_the_deadline(self) -> None:
        deadline = Event(title="Deadline", when="by June 2026", sources=said("2026-01-10"))
        ax = Timeline([deadline]).plot_trend(as_of="2026-03-01")
        cap = line_xy(ax, "tl-trend-cap-0-deadline")
        assert cap == [(n("2026-01-10"), n("2026-06-30")), (n("2026-03-01"), n("2026-06-30"))]
        assert not [a for a in ax.collections if "band" in str(a.get_gid())]

    def test_an_open_ended_promise_is_drawn_at_its_first_day_pointing_up(self) -> None:
        later = Event(title="Later", when="no earlier than 2027", sources=said("2026-01-10"))
        ax = Timeline([later]).plot_trend(as_of="2026-03-01")
        assert line_xy(ax, "tl-trend-open-0-later") == [(n("2026-01-10"), n("2027-01-01"))]
        assert by_gid(ax, "tl-trend-open-0-later").get_marker() == "^"  # type: ignore[attr-defined]


class TestLabels:
    def test_one_label_per_line_at_its_end(self) -> None:
        ax = Timeline([kept(), slipped()]).plot_trend(as_of="2026-08-01")
        label = by_gid(ax, "tl-trend-label-kept")
        assert label.get_text() == "Kept"  # type: ignore[attr-defined]
        assert label.xy == (n("2026-04-15"), n("2026-04-15"))  # type: ignore[attr-defined]

    @pytest.mark.parametrize("count", [1, 2, 10, 30])
    def test_labels_never_overlap(self, count: int) -> None:
        # Every line ends at the same point: the worst case for labels.
        events = [
            Event(title=f"Promise number {i}", when="2026-09", sources=said("2026-01-10"))
            for i in range(count)
        ]
        ax = Timeline(events).plot_trend(as_of="2026-03-01")
        fig = ax.get_figure()
        assert fig is not None
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        boxes = [t.get_window_extent(renderer) for t in ax.texts]
        assert len(boxes) == count
        for a, b in itertools.combinations(boxes, 2):
            assert not a.overlaps(b)


class TestChoice:
    def test_events_picks_the_lines(self) -> None:
        tl = Timeline([kept(), slipped()])
        ax = tl.plot_trend(events=["kept"], as_of="2026-08-01")
        assert [t.get_text() for t in ax.texts] == ["Kept"]

    def test_unknown_ids_are_named(self) -> None:
        with pytest.raises(PlotError, match=r"events 'nope' are not in the timeline"):
            Timeline([kept()]).plot_trend(events=["nope"], as_of="2026-08-01")

    def test_reports_are_not_promises_and_are_left_out_by_default(self) -> None:
        report = Event(title="Report", when="2026-03-02", status="happened")
        assert trend_lines([report, kept()], as_of="2026-05-01")[0].event.id == "kept"
        assert len(trend_lines([report], as_of="2026-05-01")) == 0

    def test_a_date_with_no_bound_is_left_out_with_a_warning(self) -> None:
        nowhere = Event(title="Nowhere", when=When.interval("open", "open"))
        with pytest.warns(TimelineWarning, match=r"left 1 event\(s\) out .* 'nowhere'"):
            assert trend_lines([nowhere], as_of="2026-05-01") == []


class TestFiles:
    @pytest.mark.parametrize("suffix", ["png", "svg"])
    def test_save_plot_kind_trend(self, tmp_path: Path, suffix: str) -> None:
        out = Timeline([slipped()]).save_plot(
            tmp_path / f"trend.{suffix}", kind="trend", as_of="2026-08-01"
        )
        data = out.read_bytes()
        assert data.startswith(b"\x89PNG" if suffix == "png" else b"<?xml")
        if suffix == "svg":
            assert b'id="tl-trend-line-slipped"' in data

    def test_same_input_same_file(self, tmp_path: Path) -> None:
        tl = Timeline([slipped(), kept()])
        a = tl.save_plot(tmp_path / "a.svg", kind="trend", as_of="2026-08-01").read_bytes()
        b = tl.save_plot(tmp_path / "b.svg", kind="trend", as_of="2026-08-01").read_bytes()
        assert a == b

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({"kind": "gantt"}, "kind='gantt' is not a picture"),
            ({"kind": "trend", "by": "kind"}, "by= and between= are options of the timeline"),
            ({"events": ["kept"]}, "events= picks the lines of kind='trend'"),
        ],
    )
    def test_bad_options(self, tmp_path: Path, options: dict[str, object], message: str) -> None:
        with pytest.raises(PlotError, match=message):
            Timeline([kept()]).save_plot(tmp_path / "x.png", **options)  # type: ignore[arg-type]
        assert not list(tmp_path.iterdir())

    def test_bad_suffix(self, tmp_path: Path) -> None:
        with pytest.raises(PlotError, match=r"no .png or .svg suffix"):
            Timeline([kept()]).save_plot(tmp_path / "x.pdf", kind="trend", as_of="2026-05-01")


# -- properties ------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tracked(), DAYS)
def test_lines_step_forward_in_time_and_end_where_they_should(tl: Timeline, day: dt.date) -> None:
    for line in trend_lines(tl, as_of=day):
        path = line.path
        # time runs right, and every segment is flat or upright (a step)
        assert all(a[0] <= b[0] for a, b in itertools.pairwise(path))
        assert all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(path))
        # only what was stated by the day is drawn
        assert all(x <= day for x, _ in line.steps)
        known = line.event
        assert known == tl[known.id].as_of(day)
        if line.end == "happened":
            assert path[-1][0] == path[-1][1]  # on the diagonal
        elif line.end in ("open", "overdue"):
            assert path[-1][0] == max(day, line.steps[-1][0])
            assert (line.end == "overdue") == known.overdue(day)


# -- goals: a figure reaching a numeric target is its happening ----------------------------


def goal(deadline: str, *figures: tuple[str, str], title: str = "Goal") -> Event:
    from timeline import Observation, Target

    return Event(
        title=title,
        when=deadline,
        sources=said("2026-01-01"),
        target=Target("n", "10 x", deadline),
        observations=[Observation(when, value) for when, value in figures],
    )


class TestGoals:
    """A goal its figures show reached ends on the diagonal where it was reached (the end of
    the first reaching figure's period), as a happened event does: the track record counts it
    kept or late, so the chart must not draw it running on "open"."""

    @pytest.mark.parametrize(
        ("deadline", "figures", "as_of", "reached", "outcome"),
        [
            # met early: a June figure reaches "by December"
            ("by 2026-12", [("2026-06", "12 x")], "2027-01-10", "2026-06-30", "kept"),
            # met on time, the chart drawn before the deadline passed
            ("2026", [("2026-03", "4 x"), ("2026-09", "11 x")], "2026-10-01", "2026-09-30",
             "kept"),
            # met late: short in December, reached in March
            ("2026", [("2026-12", "8 x"), ("2027-03", "12 x")], "2027-04-01", "2027-03-31",
             "late"),
        ],
    )  # fmt: skip
    def test_a_reached_goal_ends_on_the_diagonal_where_it_was_reached(
        self, deadline: str, figures: list[tuple[str, str]], as_of: str, reached: str,
        outcome: str,
    ) -> None:  # fmt: skip
        tl = Timeline([goal(deadline, *figures)])
        (line,) = trend_lines(tl, as_of=as_of)
        day = dt.date.fromisoformat(reached)
        assert line.end == "reached"  # was: "open"
        assert line.path[-1] == (day, day)  # on the diagonal, on the day it was reached
        assert line.path[-2] == (day, line.path[0][1])  # the promise held until then
        assert tl.track_record(as_of=as_of).total.ids(outcome) == ("goal",)  # type: ignore[arg-type]
        ax = tl.plot_trend(as_of=as_of)
        assert line_xy(ax, "tl-trend-end-goal") == [(n(reached), n(reached))]
        assert by_gid(ax, "tl-trend-end-goal").get_marker() == "o"  # type: ignore[attr-defined]

    def test_figures_known_later_do_not_reach_it(self) -> None:
        tl = Timeline([goal("2026", ("2026-09", "11 x"))])
        (line,) = trend_lines(tl, as_of="2026-09-15")  # September's figure not yet known
        assert line.end == "open"

    def test_a_missed_goal_is_not_reached(self) -> None:
        tl = Timeline([goal("2026", ("2026-12", "8 x"))])
        (line,) = trend_lines(tl, as_of="2027-02-01")
        assert line.end == "overdue"
        assert tl.track_record(as_of="2027-02-01").total.broken_ids == ("goal",)


_TARGETED = st.builds(
    lambda title, deadline, figures, claims: (
        goal(deadline, *figures, title=title).revise(when=claims[0], stated=claims[1])
        if claims
        else goal(deadline, *figures, title=title)
    ),
    st.sampled_from(["g0", "g1", "g2"]),
    st.sampled_from(["2026", "by 2026-06", "2026-Q3", "c. 2026-09"]),
    st.lists(
        st.tuples(
            st.sampled_from(["2025-12", "2026-03", "2026-06", "2026-09", "2026-12", "2027-03"]),
            st.sampled_from(["4 x", "9 x", "10 x", "12 x"]),
        ),
        max_size=3,
        unique_by=lambda f: f[0],
    ),
    st.none() | st.tuples(st.sampled_from(["2026-12", "2027", "TBD"]), DAYS),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(tracked(), st.lists(_TARGETED, max_size=3, unique_by=lambda e: e.id).map(
    Timeline)), DAYS)  # fmt: skip
def test_each_line_ends_as_the_track_record_counts_it(tl: Timeline, day: dt.date) -> None:
    """The chart and the track record judge one promise alike: an end on the diagonal is
    kept or late, a cross or an overdue end is broken, an open end is pending."""
    record = tl.track_record(as_of=day).total
    judged = {i: o for o in ("kept", "late", "broken", "pending") for i in record.ids(o)}  # type: ignore[arg-type]
    expected = {
        "happened": {"kept", "late"},
        "reached": {"kept", "late"},
        "cancelled": {"broken"},
        "overdue": {"broken"},
        "open": {"pending"},
    }
    for line in trend_lines(tl, as_of=day):
        assert judged[line.event.id] in expected[line.end], (line.event, line.end)
        if line.end in ("happened", "reached"):
            assert line.path[-1][0] == line.path[-1][1]
