"""The timeline picture: `Timeline.plot`, `Timeline.save_plot` and the SVG for the page.

No plotting library draws imprecise dates well, so this one draws them as the
library means them (see `timeline.display._layout` for where things go):

* an exact day is a marker; a window is a bar whose fuzzy padding (the
  approximate "c. April" reaches into March and May) fades in steps;
* a deadline is a bar from when it was said to the deadline, ending in a
  bar-shaped marker; an open-ended span fades into the edge;
* colour says the status (legend above the plot); an as-of line marks the day
  the picture is "as of"; a slipped date leaves a dashed ghost of the first
  promise and an arrow to the current one; overdue events are outlined.

An event whose date has no bound at all (unknown or open at both ends) has no
place on a time axis; it is left out, never silently: a `TimelineWarning`
names it.

Every drawn piece carries a ``gid`` of the form ``tl-<part>-L<lane>-<event id>``
(part: point, window, deadline, deadmark, open, ghost, slip, label), which the
SVG keeps as element ids: tests count them, and the shared page uses them to
dim what a filter hides.

matplotlib is an optional extra (``pip install timeline[plot]``), imported
only when a picture is drawn.
"""

from __future__ import annotations

import datetime as _dt
import io
import math
import os
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline._errors import PlotError, warn_user
from timeline.dates._bounds import naive_utc
from timeline.dates._days import DayLike, to_day
from timeline.display._html import OVERDUE_COLOUR, STATUS_COLOURS
from timeline.display._layout import LANE_KEYS, Layout, Placed, layout
from timeline.model._claim import Status
from timeline.model._event import Event
from timeline.model._text import visible

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

    from timeline.model._timeline import Timeline, WindowArg

__all__ = ["plot", "save_plot", "svg_text"]

_OVERDUE = OVERDUE_COLOUR
LITERAL: dict[str, Any] = {"parse_math": False, "usetex": False}
"""Text options that draw user text as written: no mathtext ("$5B and $10B"), no TeX."""
_FONT = 8.0  # label size in points
_ROW_INCHES = 0.34
_STEPS = 8  # steps in a fade


def _require_matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as err:  # pragma: no cover - exercised only without the extra
        raise ImportError(
            "Timeline.plot needs matplotlib; install it with: pip install 'timeline[plot]'"
        ) from err
    return matplotlib


def _num(point: _dt.date) -> float:
    """Days since matplotlib's date epoch: days at midnight, instants in UTC."""
    from matplotlib import dates

    moment = naive_utc(point)
    epoch = _dt.datetime.fromisoformat(dates.get_epoch())  # type: ignore[no-untyped-call]
    return (moment - epoch) / _dt.timedelta(days=1)


def _measure(size: float = _FONT) -> Any:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    engine, font = TextToPath(), FontProperties(size=size)

    def width(text: str) -> float:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
            w, _, _ = engine.get_text_width_height_descent(text, font, ismath=False)
        return float(w) / 72.0  # points to inches

    return width


def _rgba(colour: str, alpha: float) -> tuple[float, float, float, float]:
    from matplotlib import colors

    r, g, b = colors.to_rgb(colour)
    return (r, g, b, alpha)


def _gid(part: str, p: Placed) -> str:
    return f"tl-{part}-L{p.lane}-{p.event.id}"


def _fade(x0: float, x1: float, inward: bool, alpha: float) -> list[tuple[float, float, float]]:
    """Stepped rectangles (x0, x1, alpha) from nothing to ``alpha`` (``inward``) or back."""
    steps = []
    width = (x1 - x0) / _STEPS
    for i in range(_STEPS):
        rank = i if inward else _STEPS - 1 - i  # 0 at the outer edge
        steps.append((x0 + i * width, x0 + (i + 1) * width, alpha * (rank + 0.5) / _STEPS))
    return steps


def _bar(ax: Axes, p: Placed, y: float, part: str, colour: str, alpha: float) -> None:
    from matplotlib.collections import PolyCollection

    (x0, x1), (f0, f1) = p.core, p.fuzzy
    lo, hi = p.event.window
    pieces: list[tuple[float, float, float]] = []
    # A fade where a bar has no real bound: long enough to read, short on a wide axis.
    left, right = ax.get_xlim()
    ramp = min(0.3 * (x1 - x0), 0.08 * (right - left))
    if part == "deadline":
        # "By X": any time from when it was said; the start is not a bound, so it fades in.
        pieces += _fade(x0, x0 + ramp, True, alpha)
        pieces.append((x0 + ramp, x1, alpha))
    else:
        if lo is None:  # open start: fade in from the left edge
            f0, x0 = x0, x0 + ramp
        if hi is None:  # open end: fade out into the right edge
            f1, x1 = x1, x1 - ramp
        if f0 < x0:
            pieces += _fade(f0, x0, True, alpha)
        pieces.append((x0, x1, alpha))
        if f1 > x1:
            pieces += _fade(x1, f1, False, alpha)
    h = 0.26
    verts = [[(a, y - h / 2), (b, y - h / 2), (b, y + h / 2), (a, y + h / 2)] for a, b, _ in pieces]
    faces = [_rgba(colour, a) for _, _, a in pieces]
    bars = PolyCollection(verts, facecolors=faces, edgecolors="none", gid=_gid(part, p))
    ax.add_collection(bars)
    if p.overdue:
        from matplotlib.patches import Rectangle

        edge = Rectangle(
            (p.core[0], y - h / 2),
            p.core[1] - p.core[0],
            h,
            fill=False,
            edgecolor=_OVERDUE,
            linewidth=1.2,
            gid=_gid("overdue", p),
        )
        ax.add_patch(edge)


def _draw_item(ax: Axes, p: Placed, y: float) -> Text:
    """Draw one event's pieces; returns its label."""
    from matplotlib.patches import FancyArrowPatch, Rectangle

    colour = STATUS_COLOURS[p.event.status]
    alpha = 0.45 if p.event.status is Status.CANCELLED else 0.85
    if p.ghost is not None:
        g0, g1 = p.ghost
        if g1 - g0 <= 1.0:
            ax.plot(
                [(g0 + g1) / 2],
                [y],
                marker="o",
                markersize=6,
                markerfacecolor="none",
                markeredgecolor=colour,
                linestyle="none",
                gid=_gid("ghost", p),
                alpha=0.8,
            )
        else:
            ghost = Rectangle(
                (g0, y - 0.13),
                g1 - g0,
                0.26,
                fill=False,
                edgecolor=colour,
                linestyle=(0, (3, 2)),
                linewidth=1.0,
                gid=_gid("ghost", p),
            )
            ax.add_patch(ghost)
    if p.arrow is not None and p.arrow[0] != p.arrow[1]:
        # From where the date was expected to where it is expected now (`anchor`).
        fig = ax.get_figure()
        assert fig is not None
        (a, _), (b, _) = ax.transData.transform([(p.arrow[0], y), (p.arrow[1], y)])
        points = abs(b - a) * 72 / fig.dpi
        roomy = points > 14  # else a smaller head, ends not pulled in, so it still points
        arrow = FancyArrowPatch(
            (p.arrow[0], y),
            (p.arrow[1], y),
            arrowstyle="-|>",
            mutation_scale=9 if roomy else max(points * 0.6, 3.0),
            color="#333333",
            linewidth=1.0,
            shrinkA=2 if roomy else 0,
            shrinkB=2 if roomy else 0,
            gid=_gid("slip", p),
            zorder=4,
        )
        ax.add_patch(arrow)
    if p.shape == "point":
        ax.plot(
            [p.core[0]],
            [y],
            marker="o",
            markersize=7,
            markerfacecolor=colour,
            markeredgecolor=_OVERDUE if p.overdue else "white",
            markeredgewidth=1.0,
            linestyle="none",
            alpha=alpha if alpha < 0.8 else 1.0,
            gid=_gid("point", p),
            zorder=3,
        )
    else:
        _bar(ax, p, y, p.shape, colour, alpha)
    if p.shape == "deadline":
        ax.plot(
            [p.core[1]],
            [y],
            marker="|",
            markersize=13,
            markeredgewidth=3,
            markeredgecolor=_OVERDUE if p.overdue else colour,
            linestyle="none",
            gid=_gid("deadmark", p),
            zorder=3,
        )
    return ax.text(
        p.label_x,
        y - 0.2,
        p.label,
        fontsize=_FONT,
        ha="right" if p.label_right else "left",
        va="bottom",
        color="#222222",
        gid=_gid("label", p),
        clip_on=True,
        **LITERAL,
    )


def _handles(lay: Layout, as_of: _dt.date | None) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    statuses = [s for s in Status if any(p.event.status is s for p in lay.items)]
    for status in statuses:
        handles.append(Patch(color=STATUS_COLOURS[status], alpha=0.85, label=status.value))
    shapes = {p.shape for p in lay.items}
    grey = "#555555"
    if "point" in shapes:
        handles.append(Line2D([], [], marker="o", color=grey, linestyle="none", label="exact day"))
    if "window" in shapes or "open" in shapes:
        handles.append(Patch(color=grey, alpha=0.6, label="window (fades where approximate)"))
    if "deadline" in shapes:
        handles.append(
            Line2D(
                [],
                [],
                marker="|",
                markersize=10,
                markeredgewidth=3,
                color=grey,
                linestyle="none",
                label="deadline",
            )
        )
    if any(p.ghost is not None for p in lay.items):
        handles.append(
            Line2D(
                [],
                [],
                marker=r"$\rightarrow$",
                markersize=12,
                color="#333333",
                linestyle="none",
                label="slipped from first expected (dashed)",
            )
        )
    if any(p.overdue for p in lay.items):
        handles.append(Patch(fill=False, edgecolor=_OVERDUE, label="overdue"))
    if as_of is not None:
        handles.append(Line2D([], [], color=_OVERDUE, linestyle="--", label=f"as of {as_of}"))
    return handles


_LEGEND_COLUMNS = 4


def _legend_rows(handles: list[Any]) -> int:
    return -(-len(handles) // _LEGEND_COLUMNS)


def _legend(ax: Axes, handles: list[Any]) -> None:
    if handles:
        ax.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncol=min(len(handles), _LEGEND_COLUMNS),
            fontsize=_FONT,
            frameon=False,
            borderaxespad=0.3,
            handlelength=1.6,
        )


def plot(
    timeline: Timeline,
    *,
    by: str = "actor",
    as_of: DayLike | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    between: tuple[WindowArg, WindowArg] | None = None,
) -> Axes:
    """Draw the timeline, one lane per actor, kind or status; returns the Axes.

    ``as_of`` draws the timeline as known on that day (`Timeline.as_of`),
    with a line at that day (broken where it would cross a label) and
    overdue events outlined. ``title`` is used as given (``""``: none); the
    default is the timeline's name, with the as-of day when there is one.
    All text from the data is drawn as written: a ``$`` is a dollar sign,
    never mathtext. Dates outside years 1 to 9999 (matplotlib's range) are
    kept at the axis's edge. ``between`` zooms
    to a window, e.g. ``("2026-01", "2026-06")``: only events that could
    fall in it are drawn, and what reaches past it is cut at its edges.
    Events with no bounded date are left out with a `TimelineWarning` naming them.

    >>> from timeline import Event, Timeline, When
    >>> ax = plot(Timeline([Event(title="V4", when=When.month(2026, 4), actors=["DeepSeek"])]))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['DeepSeek']
    """
    if by not in LANE_KEYS:
        raise PlotError(f"plot: by={by!r} is not a lane key; use one of {', '.join(LANE_KEYS)}")
    _require_matplotlib()
    from matplotlib import rc_context

    # Our own text (the legend's arrow) must not need a TeX installation.
    with rc_context({"text.usetex": False}):
        return _plot(timeline, by=by, as_of=as_of, ax=ax, title=title, between=between)


def _limits() -> tuple[float, float]:
    """The x range matplotlib's dates can show: 1 January of year 1 to the end of 9999."""
    return (_num(_dt.date(1, 1, 1)), _num(_dt.date(9999, 12, 31)) + 0.999)


def axis_range(low: float, high: float) -> tuple[float, float]:
    """``(low, high)`` kept inside the dates matplotlib can show (years 1 to 9999).

    >>> import datetime as dt
    >>> axis_range(_num(dt.date(1, 1, 1)) - 30, _num(dt.date(1, 6, 1)))[0] == _num(dt.date(1, 1, 1))
    True
    """
    from timeline.display._layout import _clamp

    return _clamp((low, high), _limits())


def _plot(
    timeline: Timeline,
    *,
    by: str,
    as_of: DayLike | None,
    ax: Axes | None,
    title: str | None,
    between: tuple[WindowArg, WindowArg] | None,
) -> Axes:
    from matplotlib import dates
    from matplotlib import pyplot as plt

    day = None if as_of is None else to_day(as_of)
    shown = timeline if day is None else timeline.as_of(day)
    window = None
    if between is not None:
        from timeline.model._timeline import _window

        start, end = _window(between[0], "between"), _window(between[1], "between")
        first, last = start.earliest, end.latest
        if first is None or last is None or _num(last) < _num(first):
            raise PlotError(
                f"plot: between=({str(start)!r}, {str(end)!r}) is not a bounded window; "
                "give two dates, the first one earlier"
            )
        shown = shown.overlapping(start, end)
        window = (_num(first), _num(last) + 1.0)
    measure = _measure()
    lane_measure = _measure(_FONT + 1)
    lane_width = max((lane_measure(_lane_label(e, by)) for e in shown), default=0.5)
    if ax is None:
        fig_width = 12.0
        left = min(lane_width + 0.3, 3.5)
        width = fig_width - left - 0.35
    else:
        fig = ax.get_figure()
        assert fig is not None
        width = ax.get_window_extent().width / fig.dpi
    lay = layout(
        shown.events,
        by=by,  # type: ignore[arg-type]
        as_of=day,
        num=_num,
        measure=measure,
        width=width,
        window=window,
        limits=_limits(),
    )
    if lay.skipped:
        warn_user(_unplaced(lay.skipped))
    if lay.outside:
        warn_user(_outside(lay.outside))
    handles = _handles(lay, day)
    # Room above the plot: the legend's rows, then the title above them.
    legend_inches = _legend_rows(handles) * _FONT * 1.75 / 72 + 0.1
    heading = title
    if heading is None:
        heading = visible(timeline.name) if timeline.name else timeline.name
        if heading and day is not None:
            heading += f" — as of {day}"
    if ax is None:
        top = legend_inches + (0.45 if heading else 0.15)
        bottom = 0.5
        height = max(lay.rows, 1) * _ROW_INCHES + top + bottom
        fig = plt.figure(figsize=(fig_width, height))
        ax = fig.add_axes(
            (left / fig_width, bottom / height, width / fig_width, 1 - (top + bottom) / height)
        )
    _draw(ax, lay, day)
    _legend(ax, handles)
    if heading:
        ax.set_title(
            heading,
            loc="left",
            pad=legend_inches * 72 + 6,
            fontsize=11,
            fontweight="bold",
            **LITERAL,
        )
    locator = dates.AutoDateLocator(minticks=4, maxticks=12)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_minor_locator(dates.AutoDateLocator(minticks=12, maxticks=60))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    return ax


def _unplaced(events: Sequence[Event]) -> str:
    """Why a picture leaves ``events`` out, naming them (the first ten) for a warning."""
    names = ", ".join(f"{e.id!r} ({e.when})" for e in events[:10])
    more = f" and {len(events) - 10} more" if len(events) > 10 else ""
    return (
        f"left {len(events)} event(s) out of the picture because their dates have no bound "
        f"to place them by (unknown or open at both ends): {names}{more}; "
        "give each an earliest or a latest date"
    )


def _outside(events: Sequence[Event]) -> str:
    """Why a picture leaves ``events`` out: their dates fall outside what the axis holds."""
    names = ", ".join(f"{e.id!r} ({e.when})" for e in events[:10])
    more = f" and {len(events) - 10} more" if len(events) > 10 else ""
    return (
        f"left {len(events)} event(s) out of the picture because their dates fall outside "
        f"years 1 to 9999 in UTC, which the axis cannot show: {names}{more}"
    )


def _lane_label(event: Any, by: str) -> str:
    from timeline.display._layout import _lane_name

    return visible(_lane_name(event, by))  # type: ignore[arg-type]


def _draw(ax: Axes, lay: Layout, as_of: _dt.date | None) -> None:
    rows = max(lay.rows, 1)
    ax.set_xlim(*lay.xlim)
    ax.set_ylim(rows, 0)
    ticks, names = [], []
    for index, (name, first, count) in enumerate(lay.lanes):
        if index % 2 == 0:
            ax.axhspan(first, first + count, color="#000000", alpha=0.035, linewidth=0, zorder=0)
        if index:
            ax.axhline(first, color="#cccccc", linewidth=0.6, zorder=0)
        ticks.append(first + count / 2)
        names.append(visible(name))  # one line per lane, whatever the name holds
    ax.set_yticks(ticks, names, fontsize=_FONT + 1)
    for tick in ax.yaxis.get_majorticklabels():  # lane names are data: drawn as written
        tick.set_parse_math(False)
        tick.set_usetex(False)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    labels = [(p, _draw_item(ax, p, p.row + 0.68)) for p in lay.items]
    if as_of is not None:
        _as_of_line(ax, _num(as_of), rows, labels)


def _as_of_line(ax: Axes, x: float, rows: int, placed: Sequence[tuple[Placed, Text]]) -> None:
    """A dashed line at ``x`` from top to bottom, broken wherever it would cross a label."""
    fig = ax.get_figure()
    assert fig is not None
    # Measuring a drawn label lays its text out, which is slow: measure only the labels
    # whose width as laid out (`Placed.label_width`, with room to spare) could reach x.
    labels = []
    for p, text in placed:
        spare = 0.2 * p.label_width + 1.0
        start = p.label_x - p.label_width if p.label_right else p.label_x
        if start - spare <= x <= start + p.label_width + spare:
            labels.append(text)
    margin = 3.0  # points of clear space around a label
    gaps = []
    if labels:
        to_data = ax.transData.inverted()
        pad = margin * fig.dpi / 72
        for label in labels:
            box = label.get_window_extent().padded(pad)
            (x0, y0), (x1, y1) = to_data.transform([(box.x0, box.y0), (box.x1, box.y1)])
            if min(x0, x1) <= x <= max(x0, x1):
                gaps.append((min(y0, y1), max(y0, y1)))
    xs: list[float] = []
    ys: list[float] = []
    top = 0.0
    for start, stop in sorted(gaps):
        if start > top:
            xs += [x, x, math.nan]
            ys += [top, start, math.nan]
        top = max(top, stop)
    if top < rows:
        xs += [x, x]
        ys += [top, float(rows)]
    ax.plot(xs, ys, color=_OVERDUE, linestyle="--", linewidth=1.2, zorder=2.5, gid="tl-asof")


def _figure(timeline: Timeline, **options: Any) -> Any:
    ax = plot(timeline, **options)
    fig = ax.get_figure()
    assert fig is not None
    return fig


def _quiet_save(fig: Any, target: Any, **options: Any) -> None:
    with warnings.catch_warnings():
        # Titles in scripts the default font lacks (Chinese, say) draw as boxes, not errors.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
        fig.savefig(target, **options)


def render_svg(make_figure: Callable[[], Any], *, salt: str = "timeline") -> str:
    """Draw a figure and return it as SVG text (text kept as text, ids stable by ``salt``).

    >>> from timeline import Event, Timeline
    >>> render_svg(lambda: _figure(Timeline([Event(title="x", when="2026")]))).startswith("<svg")
    True
    """
    _require_matplotlib()
    from matplotlib import pyplot as plt
    from matplotlib import rc_context

    with rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        fig = make_figure()
        buffer = io.StringIO()
        try:
            _quiet_save(fig, buffer, format="svg", metadata={"Date": None})
        finally:
            plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def write_figure(
    make_figure: Callable[[], Any], path: str | os.PathLike[str], *, dpi: int, example: str
) -> Path:
    """Draw a figure and write it to ``path`` as PNG or SVG (by suffix), atomically.

    ``example`` is the file name the error suggests when the suffix is neither.

    >>> import tempfile, pathlib
    >>> from timeline import Event, Timeline
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.svg"
    >>> tl = Timeline([Event(title="x", when="2026")])
    >>> write_figure(lambda: _figure(tl), out, dpi=72, example="t.png").suffix
    '.svg'
    """
    target = Path(path)
    kind = target.suffix.lower().lstrip(".")
    if kind not in ("png", "svg"):
        raise PlotError(
            f"save_plot: {str(path)!r} has no .png or .svg suffix; name it e.g. {example}"
        )
    _require_matplotlib()
    from matplotlib import pyplot as plt
    from matplotlib import rc_context

    from timeline.records._atomic import write_atomic

    with rc_context({"svg.hashsalt": "timeline"}):
        fig = make_figure()
        buffer = io.BytesIO()
        try:
            # No clock in the file: unchanged input gives an identical picture.
            metadata = {"Date": None} if kind == "svg" else {"Software": None}
            _quiet_save(fig, buffer, format=kind, dpi=dpi, metadata=metadata)
        finally:
            plt.close(fig)
    write_atomic(target, buffer.getvalue())
    return target


def svg_text(timeline: Timeline, **options: Any) -> str:
    """The picture as SVG text (text kept as text, ids stable), for embedding in a page.

    >>> from timeline import Event, Timeline, When
    >>> svg_text(Timeline([Event(title="V4", when=When.month(2026, 4))])).startswith("<svg")
    True
    """
    return render_svg(lambda: _figure(timeline, **options))


def save_plot(
    timeline: Timeline, path: str | os.PathLike[str], *, dpi: int = 150, **options: Any
) -> Path:
    """Write the picture to ``path`` as PNG or SVG (by suffix), atomically.

    Keyword options are those of `plot` (``by``, ``as_of``, ``title``).

    >>> import tempfile, pathlib
    >>> from timeline import Event, Timeline, When
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.png"
    >>> save_plot(Timeline([Event(title="V4", when=When.month(2026, 4))]), out).suffix
    '.png'
    """
    return write_figure(lambda: _figure(timeline, **options), path, dpi=dpi, example="t.png")
