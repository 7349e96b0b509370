"""The marks of the timeline picture: one event's bar, dot, ghost and slip arrow, the legend.

`timeline.display._layout` says where each event goes (a `Placed`); this module
draws it on a matplotlib Axes: an exact day as a marker, a window as a bar whose
fuzzy padding fades in steps, a deadline as a bar ending in a bar-shaped marker, a
slipped date's dashed ghost of the first promise and the arrow from it to the
current date, the overdue outline, the label, the legend that explains them and
the as-of line broken around labels. Every piece carries the ``gid``
``tl-<part>-L<lane>-<event id>`` (see `timeline.display._plot`).
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from timeline.display._html import OVERDUE_COLOUR, STATUS_COLOURS
from timeline.display._layout import Layout, Placed
from timeline.display._mpl import _FONT, LITERAL, quiet_glyphs
from timeline.model._claim import Status

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

__all__: list[str] = []

_OVERDUE = OVERDUE_COLOUR
_STEPS = 8  # steps in a fade


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
    elif p.parts:
        # A set ("April or June"): its members, not one bar that would say May too.
        pieces += [(a, b, alpha) for a, b in p.parts]
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
    if part == "window" and len(p.parts) > 1:
        # One dotted line joins a set's members: one event, one of these dates.
        xs: list[float] = []
        for (_, end), (start, _) in zip(p.parts, p.parts[1:], strict=False):
            xs += [end, start, math.nan]
        ax.plot(xs, [y] * len(xs), linestyle=":", linewidth=0.9, color=colour, gid=_gid("or", p))
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
            with quiet_glyphs():  # a title the font lacks draws as boxes, without a warning
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
