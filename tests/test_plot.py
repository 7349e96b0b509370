"""The timeline picture: what is drawn for each kind of date, labels, legend, files."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import warnings
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pendulum
import pytest
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.text import Text

from timeline import Event, PlotError, Source, Status, Timeline, When
from timeline.display._layout import shape_of
from timeline.display._plot import _num

SAID = Source("Article", published=When.day(2026, 3, 20))

EVENTS = [
    # exact days: markers
    Event(title="Boao Forum opens", when=When.day(2026, 3, 24), actors=["Boao"], status="happened"),
    Event(
        title="Launch stream",
        when=When.instant(pendulum.datetime(2026, 4, 15, 10, tz=pendulum.fixed_timezone(8 * 3600))),
        actors=["Tencent"],
        kind="launch",
    ),
    # windows: bars
    Event(title="Hybrid Model 3.0", when=When.month(2026, 4), actors=["Tencent"], kind="model"),
    Event(
        title="KeLing passes $300M ARR",
        when=When.month(2026, 3).qualify(approximate=True),
        actors=["Kuaishou"],
        status="happened",
    ),
    Event(
        title="Zhongguancun Forum",
        when=When.day(2026, 3, 25),
        end=When.day(2026, 3, 29),
        actors=["Zhongguancun"],
        kind="forum",
        status="confirmed",
    ),
    Event(title="Old plan", when=When.quarter(2026, 2), actors=["Tencent"], status="cancelled"),
    # deadlines: bar + end marker
    Event(
        title="10,000 AI-plus enterprises",
        when=When.year(2030).by(),
        actors=["Guangzhou"],
        kind="target",
        sources=[SAID],
    ),
    Event(title="Rules in force", when=When.month(2025, 3).by(), actors=["Regulator"]),
    # open end: a bar fading into the edge
    Event(
        title="Ecosystem opening",
        when=When.interval(When.month(2026, 3), "open"),
        actors=["Tencent"],
        status="confirmed",
    ),
    # a slip: April promised, then May
    Event(
        title="DeepSeek V4", when=When.month(2026, 4), actors=["DeepSeek"], sources=[SAID]
    ).revise(when=When.month(2026, 5), stated=When.day(2026, 4, 20)),
]
TL = Timeline(EVENTS, name="Sample")
PARTS = {"point": "point", "window": "window", "deadline": "deadline", "open": "open"}


def gids(ax: Axes, part: str) -> list[str]:
    """The gids of the drawn pieces of one part ('point', 'window', ...)."""
    prefix = f"tl-{part}-"
    found = ax.findobj(lambda a: (a.get_gid() or "").startswith(prefix))
    return [str(a.get_gid()) for a in found]


def event_ids(ax: Axes, part: str) -> Counter[str]:
    return Counter(re.sub(r"^tl-[a-z]+-L\d+-", "", g) for g in gids(ax, part))


@pytest.fixture(autouse=True)
def _close_figures() -> object:
    yield
    plt.close("all")


class TestShapes:
    @pytest.mark.parametrize(
        ("event_id", "shape"),
        [
            ("boao-forum-opens", "point"),  # a day
            ("launch-stream", "point"),  # an instant
            ("hybrid-model-3-0", "window"),  # a month
            ("keling-passes-300m-arr", "window"),  # c. March: a window that fades
            ("zhongguancun-forum", "window"),  # an event with an end
            ("10-000-ai-plus-enterprises", "deadline"),  # by 2030
            ("ecosystem-opening", "open"),  # from March on
        ],
    )
    def test_shape_of(self, event_id: str, shape: str) -> None:
        assert shape_of(TL[event_id]) == shape

    def test_qualified_day_is_a_window(self) -> None:
        # "c. 24 March" is not an exact day: it is drawn as a fading window
        e = Event(title="x", when=When.day(2026, 3, 24).qualify(approximate=True))
        assert shape_of(e) == "window"

    def test_unbounded_has_no_shape(self) -> None:
        e = Event(title="x", when=When.interval("unknown", "open"))
        assert shape_of(e) is None


class TestCounts:
    @pytest.mark.parametrize("by", ["actor", "kind", "status"])
    def test_one_piece_per_event_of_each_shape(self, by: str) -> None:
        ax = TL.plot(by=by)
        expected = Counter(shape_of(e) for e in TL)
        for part in PARTS:
            assert len(gids(ax, part)) == expected[part], part
            # and each piece is the right event's
            assert set(event_ids(ax, part)) == {e.id for e in TL if shape_of(e) == part}

    def test_deadline_ends_in_a_marker_at_the_deadline(self) -> None:
        ax = TL.plot()
        marks = ax.findobj(lambda a: (a.get_gid() or "").startswith("tl-deadmark-"))
        assert len(marks) == sum(1 for e in TL if shape_of(e) == "deadline")
        by_id = {re.sub(r"^tl-deadmark-L\d+-", "", str(m.get_gid())): m for m in marks}
        mark = by_id["10-000-ai-plus-enterprises"]
        deadline = _num(dt.date(2031, 1, 1))  # the end of the last day of 2030
        assert mark.get_xdata()[0] == pytest.approx(deadline)  # type: ignore[attr-defined]
        (bar,) = ax.findobj(
            lambda a: (
                (a.get_gid() or "").endswith("-10-000-ai-plus-enterprises")
                and (a.get_gid() or "").startswith("tl-deadline-")
            )
        )
        assert isinstance(bar, PolyCollection)
        right = max(float(v[0]) for path in bar.get_paths() for v in path.vertices)
        assert right == pytest.approx(deadline)
        # the bar starts when the deadline was stated (20 March 2026)
        left = min(float(v[0]) for path in bar.get_paths() for v in path.vertices)
        assert left == pytest.approx(_num(dt.date(2026, 3, 20)))

    def test_every_title_is_a_label(self) -> None:
        ax = TL.plot()
        labels = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("tl-label-")]
        assert sorted(labels) == sorted(e.title for e in TL)

    def test_slip_draws_ghost_and_arrow(self) -> None:
        ax = TL.plot()
        slipped = {e.id for e in TL if e.slipped}
        assert slipped == {"deepseek-v4"}
        assert set(event_ids(ax, "slip")) == slipped
        assert set(event_ids(ax, "ghost")) == slipped

    def test_lanes_follow_by(self) -> None:
        ax = TL.plot(by="status")
        names = [t.get_text() for t in ax.get_yticklabels()]
        assert names == [s.value for s in Status]

    def test_actor_lanes_in_order_of_first_event(self) -> None:
        ax = TL.plot(by="actor")
        names = [t.get_text() for t in ax.get_yticklabels()]
        firsts = list(dict.fromkeys(e.actors[0] for e in TL))
        assert names == firsts


def faces(ax: Axes, event_id: str) -> list[float]:
    bar = ax.findobj(
        lambda a: (
            re.fullmatch(rf"tl-(window|open|deadline)-L\d+-{event_id}", a.get_gid() or "")
            is not None
        )
    )
    assert len(bar) == 1
    assert isinstance(bar[0], PolyCollection)
    return [float(c[3]) for c in bar[0].get_facecolors()]


class TestFades:
    def test_exact_window_is_one_solid_piece(self) -> None:
        assert len(faces(TL.plot(), "hybrid-model-3-0")) == 1

    def test_approximate_window_fades_outwards(self) -> None:
        alphas = faces(TL.plot(), "keling-passes-300m-arr")
        core = max(alphas)
        # rising on the left up to the core, falling on the right after it
        peak = alphas.index(core)
        assert 0 < peak < len(alphas) - 1
        assert alphas[:peak] == sorted(alphas[:peak])
        assert alphas[peak + 1 :] == sorted(alphas[peak + 1 :], reverse=True)
        assert alphas[0] < core / 4 and alphas[-1] < core / 4
        # and the two ends mirror each other
        assert alphas[:peak] == pytest.approx(alphas[peak + 1 :][::-1])

    def test_open_end_fades_into_the_edge(self) -> None:
        alphas = faces(TL.plot(), "ecosystem-opening")
        assert alphas[-1] < alphas[0]


class TestAsOf:
    def test_as_of_line_and_what_was_known(self) -> None:
        ax = TL.plot(as_of="2026-03-01")
        assert ax.findobj(lambda a: a.get_gid() == "tl-asof")
        labels = {t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("tl-label-")}
        # stated on 20 March: not yet known on 1 March
        assert "DeepSeek V4" not in labels
        assert "Boao Forum opens" in labels

    def test_overdue_is_marked(self) -> None:
        ax = TL.plot(as_of="2026-06-15")
        labels = {t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("tl-label-")}
        # April has passed and the model is still expected
        assert "Hybrid Model 3.0 (overdue)" in labels
        # May was promised after the slip: overdue too by mid June; so is "by March 2025"
        overdue = {e.id for e in TL if e.overdue("2026-06-15")}
        assert {"hybrid-model-3-0", "deepseek-v4", "rules-in-force"} <= overdue
        assert {t[: -len(" (overdue)")] for t in labels if t.endswith(" (overdue)")} == {
            TL[i].title for i in overdue
        }
        # bars get an outline (markers an outlined edge)
        bars = {i for i in overdue if shape_of(TL[i]) != "point"}
        assert set(event_ids(ax, "overdue")) == bars

    def test_no_line_without_as_of(self) -> None:
        assert not TL.plot().findobj(lambda a: a.get_gid() == "tl-asof")


class TestBetween:
    def test_zooms_to_the_window(self) -> None:
        ax = TL.plot(between=("2026-03", "2026-06"))
        assert ax.get_xlim() == pytest.approx(
            (_num(dt.date(2026, 3, 1)), _num(dt.date(2026, 7, 1)))
        )
        labels = {t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("tl-label-")}
        # "by March 2025" cannot fall in the window: left out
        assert not any(label.startswith("Rules in force") for label in labels)
        assert "Hybrid Model 3.0" in labels

    def test_deadline_past_the_edge_is_named(self) -> None:
        ax = TL.plot(between=("2026-03", "2026-06"))
        labels = {t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("tl-label-")}
        assert f"10,000 AI-plus enterprises → {When.year(2030).by()}" in labels

    def test_labels_stay_inside_the_zoomed_axes(self) -> None:
        ax = TL.plot(between=("2026-03-15", "2026-05-31"))
        frame = ax.get_window_extent()
        for text, box in label_boxes(ax):
            assert box.x0 >= frame.x0 - 1 and box.x1 <= frame.x1 + 1, text  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        "between",
        [
            ("2026-06", "2026-03"),  # backwards
            ("by 2026", "2026-06"),  # no first day
            ("2026-03", "2026-03~/.."),  # no last day
        ],
    )
    def test_bad_window(self, between: tuple[str, str]) -> None:
        with pytest.raises(PlotError, match="is not a bounded window"):
            TL.plot(between=between)


class TestLegend:
    def test_statuses_and_shapes_in_legend(self) -> None:
        legend = TL.plot(as_of="2026-06-15").get_legend()
        assert legend is not None
        texts = [t.get_text() for t in legend.get_texts()]
        for status in Status:
            assert status.value in texts
        assert "exact day" in texts and "deadline" in texts
        assert "as of 2026-06-15" in texts


def label_boxes(ax: Axes) -> list[tuple[str, object]]:
    fig = ax.get_figure()
    assert fig is not None
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    labels = [t for t in ax.texts if (t.get_gid() or "").startswith("tl-label-")]
    return [(t.get_text(), t.get_window_extent(renderer)) for t in labels]


class TestLabelsDoNotPileUp:
    def test_dense_timeline_labels_never_overlap(self) -> None:
        # 24 events in the same fortnight for the same actor, long titles
        dense = Timeline(
            Event(
                title=f"Announcement number {i} about a model release",
                when=When.day(2026, 4, 1 + i % 14) if i % 2 else When.month(2026, 4),
                actors=["Tencent"],
            )
            for i in range(24)
        )
        ax = dense.plot()
        boxes = label_boxes(ax)
        assert len(boxes) == 24
        for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
            assert not box_a.overlaps(box_b), (a, b)  # type: ignore[attr-defined]

    def test_labels_stay_inside_the_axes(self) -> None:
        ax = TL.plot()
        frame = ax.get_window_extent()
        for text, box in label_boxes(ax):
            assert box.x0 >= frame.x0 - 1 and box.x1 <= frame.x1 + 1, text  # type: ignore[attr-defined]

    def test_dollar_signs_are_not_math(self) -> None:
        # "$300M ... $600M" must not turn into mathtext
        tl = Timeline([Event(title="From $300M to $600M", when=When.month(2026, 4))])
        ax = tl.plot()
        label = next(t for t in ax.texts if (t.get_gid() or "").startswith("tl-label-"))
        assert isinstance(label, Text)
        label_boxes(ax)  # draws without a mathtext error
        assert label.get_text() == "From $300M to $600M"


class TestAxes:
    def test_draws_into_the_given_axes(self) -> None:
        _fig, ax = plt.subplots(figsize=(8, 4))
        assert TL.plot(ax=ax) is ax
        assert len(gids(ax, "point")) == 2

    def test_empty_timeline_draws(self) -> None:
        ax = Timeline().plot()
        assert not ax.texts

    @pytest.mark.parametrize("by", ["colour", "tag", ""])
    def test_bad_lane_key(self, by: str) -> None:
        with pytest.raises(PlotError, match=f"by={by!r} is not a lane key"):
            TL.plot(by=by)


def _artists_with_gid(ax: Axes) -> list[Artist]:
    return ax.findobj(lambda a: bool(a.get_gid()))


class TestSavePlot:
    @pytest.mark.parametrize(("name", "magic"), [("t.png", b"\x89PNG"), ("t.svg", b"<?xml")])
    def test_writes_file(self, tmp_path: Path, name: str, magic: bytes) -> None:
        out = TL.save_plot(tmp_path / name)
        assert out == tmp_path / name
        assert out.read_bytes().startswith(magic)
        assert [p.name for p in tmp_path.iterdir()] == [name]  # no temp file left
        assert out.stat().st_mode & 0o777 == 0o644

    def test_svg_keeps_ids_and_escapes_titles(self, tmp_path: Path) -> None:
        tl = Timeline([Event(title="<script>alert(1)</script>", when=When.day(2026, 4, 2))])
        svg = tl.save_plot(tmp_path / "t.svg").read_text()
        assert "<script" not in svg
        assert 'id="tl-point-L0-script-alert-1-script"' in svg

    def test_same_input_same_bytes(self, tmp_path: Path) -> None:
        # no clock in the file: a rebuild without changes gives the same picture
        for name in ("t.png", "t.svg"):
            first = TL.save_plot(tmp_path / name).read_bytes()
            assert TL.save_plot(tmp_path / name).read_bytes() == first

    def test_chinese_titles_do_not_warn(self, tmp_path: Path) -> None:
        tl = Timeline([Event(title="腾讯混元 3.0 发布", when=When.month(2026, 4))])
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            tl.save_plot(tmp_path / "t.png")

    @pytest.mark.parametrize("name", ["t.pdf", "t", "t.png.txt"])
    def test_bad_suffix(self, tmp_path: Path, name: str) -> None:
        with pytest.raises(PlotError, match=r"no \.png or \.svg suffix"):
            TL.save_plot(tmp_path / name)
        assert not os.listdir(tmp_path)
