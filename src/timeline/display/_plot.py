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
(part: point, window, deadline, deadmark, open, ghost, slip, label; ``or`` joins
the members of a set), which the
SVG keeps as element ids: tests count them, and the shared page uses them to
dim what a filter hides.

matplotlib is an optional extra (``pip install timeline[plot]``), imported
only when a picture is drawn. This module lays the picture out and puts it
together; the marks are drawn by `timeline.display._plot_marks`, and the
matplotlib basics it shares with the track-record chart (day numbers, literal
text, writing files) live in `timeline.display._mpl`.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline._errors import PlotError, quoted, warn_user
from timeline.dates._days import DayLike, to_day
from timeline.display._layout import LANE_KEYS, Layout, layout
from timeline.display._mpl import (
    _FONT,
    LITERAL,
    _limits,
    _measure,
    _num,
    _require_matplotlib,
    render_svg,
    write_figure,
)
from timeline.display._plot_marks import _as_of_line, _draw_item, _handles, _legend, _legend_rows
from timeline.model._event import Event
from timeline.model._text import visible

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from timeline.model._timeline import Timeline, WindowArg

__all__ = ["plot", "save_plot", "svg_text"]

_ROW_INCHES = 0.34


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
        raise PlotError(
            f"plot: by={quoted(by)} is not a lane key; use one of {', '.join(LANE_KEYS)}"
        )
    _require_matplotlib()
    from matplotlib import rc_context

    # Our own text (the legend's arrow) must not need a TeX installation.
    with rc_context({"text.usetex": False}):
        return _plot(timeline, by=by, as_of=as_of, ax=ax, title=title, between=between)


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
    names = ", ".join(f"{quoted(e.id)} ({e.when})" for e in events[:10])
    more = f" and {len(events) - 10} more" if len(events) > 10 else ""
    return (
        f"left {len(events)} event(s) out of the picture because their dates have no bound "
        f"to place them by (unknown or open at both ends): {names}{more}; "
        "give each an earliest or a latest date"
    )


def _outside(events: Sequence[Event]) -> str:
    """Why a picture leaves ``events`` out: their dates fall outside what the axis holds."""
    names = ", ".join(f"{quoted(e.id)} ({e.when})" for e in events[:10])
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


def _figure(timeline: Timeline, **options: Any) -> Any:
    ax = plot(timeline, **options)
    fig = ax.get_figure()
    assert fig is not None
    return fig


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
