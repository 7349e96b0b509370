"""Milestone trend analysis: `Timeline.plot_trend` and ``save_plot(..., kind="trend")``.

The chart project managers use to watch promised dates move. The x axis is
the day a date was stated; the y axis the date expected then. Each event is a
stepped line from claim to claim: flat while the promise holds, climbing when
it slips, falling when it is pulled forward. The diagonal is "today" (x = y):
a line that reaches it has come due, and a line ends on it where the event
happened, or where a goal's figures show it reached (`goal_reached_on`: nobody
writes "happened" of a goal). An event still open runs on to the chart's day
(``as_of``), marked by a vertical line; it is overdue when its line lies below
the diagonal there (or, a goal, when its figures show its target missed).

* The y of a date is its latest possible day (the day a promise is kept by; for
  an event that lasts, the last day of its span while the end stands);
  a date that spans several days is drawn as a band from its earliest day up
  to the line, a deadline ("by 2030", no earliest day) as a cap: a bar on the
  line; an open-ended "after X" has no latest day, so its line runs at its
  earliest day with an upward marker.
* A cancelled event ends in a cross on its last line.
* An initial statement with no dated source counts as always known: its line
  starts at the chart's first day.
* Labels sit at the line ends, moved apart vertically where they would overlap.

Every drawn piece carries a ``gid`` ``tl-trend-<part>-<event id>`` (part: line,
band-<n>, cap-<n>, open-<n>, end, label), plus ``tl-trend-diagonal`` and
``tl-trend-asof``: tests read positions from them, and the SVG keeps them as ids.

matplotlib is an optional extra, imported only when a chart is drawn.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from timeline._errors import PlotError, quoted, warn_user
from timeline.dates._days import DayLike, to_day
from timeline.dates._when import When
from timeline.display._html import STATUS_COLOURS
from timeline.display._mpl import (
    LITERAL,
    _num,
    _require_matplotlib,
    axis_range,
    render_svg,
    write_figure,
)
from timeline.model._claim import Status, replay
from timeline.model._event import Event
from timeline.model._event_day import goal_reached_on, undated_past
from timeline.model._text import visible

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from timeline.model._timeline import Timeline

__all__ = ["TrendLine", "plot_trend", "save_trend", "trend_lines", "trend_svg_text"]

_FONT = 8.0
# Okabe-Ito, then darker tones: lines told apart by colour, ends by marker.
_COLOURS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#555555",
    "#7F6000",
    "#2E5E8C",
    "#8C2D5E",
)
_OVERDUE = "#D55E00"


@attrs.frozen
class TrendLine:
    """One event's line on the trend chart, in days (before matplotlib sees it).

    ``steps`` are ``(x, date)``: from day ``x`` on, ``date`` was expected.
    ``path`` is the stepped line through them as ``(x, y)`` days. ``end`` says
    how it ends: ``"happened"`` (on the diagonal), ``"reached"`` (a goal its figures
    known on the chart's day show reached: on the diagonal at the end of the first
    figure reaching it, as the track record judges it), ``"cancelled"``, ``"open"``
    (at the chart's day) or ``"overdue"`` (open, and the day has passed its date, or the
    last date promised before it was withdrawn to "TBD", or a goal its figures show
    missed, whatever its own date: `Event.overdue`).

    >>> from timeline import Source
    >>> e = Event(title="V4", when="2026-04", sources=[Source("s", published="2026-03-01")])
    >>> e = e.revise(when="2026-05", stated="2026-04-20")
    >>> line = trend_lines([e], as_of=_dt.date(2026, 5, 1))[0]
    >>> [(str(x), str(y)) for x, y in line.path]
    [('2026-03-01', '2026-04-30'), ('2026-04-20', '2026-04-30'),
     ('2026-04-20', '2026-05-31'), ('2026-05-01', '2026-05-31')]
    """

    event: Event
    steps: tuple[tuple[_dt.date, When], ...]
    path: tuple[tuple[_dt.date, _dt.date], ...]
    end: str


def _y(w: When) -> _dt.date | None:
    """Where a date sits on the y axis: its latest possible day, else its earliest."""
    point = w.latest if w.latest is not None else w.earliest
    return None if point is None else to_day(point)


def _kept_by(event: Event, w: When) -> When:
    """What a promise of ``w`` is kept by: the end standing with it, for an event that
    lasts (`Event.current_end`'s rule, as slips and overdue read the span), else ``w``."""
    return (event._end_with(w) or w) if event.end is not None else w


def _line(event: Event, day: _dt.date, origin: _dt.date) -> TrendLine | None:
    """``event`` (as known on ``day``) as a trend line; ``None`` when nothing can be placed.

    An initial statement with no dated source counts as always known: its line
    starts at ``origin``, the chart's first day.
    """
    steps: list[tuple[_dt.date, When]] = []
    when, status = event.initial_when, event.initial_status
    if status.is_open:
        stated = event._stated_day
        steps.append((origin if stated is None else stated, when))
    for claim, (before, _, new_when, new_status) in zip(
        event.claims, replay(when, status, event.claims), strict=True
    ):
        if new_status.is_open and new_when != before:
            steps.append((claim.day, new_when))
        when, status = new_when, new_status
    steps = [(x, w) for x, w in steps if _y(w) is not None]
    if not steps:
        return None
    # A claim dated before the statement it revises (`timeline check` warns of
    # those) is drawn on that statement's day: time on the x axis only runs right.
    for i in range(1, len(steps)):
        if steps[i][0] < steps[i - 1][0]:
            steps[i] = (steps[i - 1][0], steps[i][1])
    path: list[tuple[_dt.date, _dt.date]] = []
    for x, w in steps:
        y = _y(_kept_by(event, w))
        assert y is not None
        if path:
            path.append((x, path[-1][1]))  # along at the old date, then up or down
        path.append((x, y))
    last_x, last_y = path[-1]
    if status is Status.HAPPENED and _y(when) is not None:
        actual = _y(when)
        assert actual is not None
        # The line runs on at the last promise until the day it happened, then meets
        # the diagonal there (x = y): early lines drop to it, late ones climb.
        x_end = max(actual, last_x)
        path.append((x_end, last_y))
        path.append((x_end, x_end))
        end = "happened"
    elif status.is_open and (reached := goal_reached_on(event, day)) is not None:
        # A goal its figures show reached (nobody writes "happened" of one): judged as a
        # happening by the track record, so drawn as one, meeting the diagonal that day.
        x_end = max(reached, last_x)
        path.append((x_end, last_y))
        path.append((x_end, x_end))
        end = "reached"
    elif status is Status.CANCELLED:
        cancelled = next(
            (c.day for c in reversed(event.claims) if c.status is Status.CANCELLED), last_x
        )
        path.append((max(cancelled, last_x), last_y))
        end = "cancelled"
    else:
        path.append((max(day, last_x), last_y))
        # A date withdrawn ("TBD") after the last one promised passed: its line stays at
        # that one, overdue as the track record counts it broken (`undated_past`).
        end = "overdue" if event.overdue(day) or undated_past(event, day) else "open"
    # Drop repeated points (a claim on the day of the previous one).
    cleaned = [path[0]]
    for point in path[1:]:
        if point != cleaned[-1]:
            cleaned.append(point)
    return TrendLine(event, tuple(steps), tuple(cleaned), end)


def _chosen(
    timeline: Iterable[Event], events: Collection[str | Event] | None, day: _dt.date
) -> list[Event]:
    known = [k for e in timeline if (k := e.as_of(day)) is not None]
    if events is None:
        return [e for e in known if e.initial_status.is_open]
    wanted = [e.id if isinstance(e, Event) else str(e) for e in events]
    by_id = {e.id: e for e in known}
    missing = [i for i in wanted if i not in by_id]
    if missing:
        raise PlotError(
            f"plot_trend: events {', '.join(map(repr, missing))} are not in the timeline "
            f"as known on {day}; give ids of events announced by then"
        )
    return [by_id[i] for i in dict.fromkeys(wanted)]


def trend_lines(
    events: Iterable[Event],
    *,
    as_of: DayLike | None = None,
    chosen: Collection[str | Event] | None = None,
) -> list[TrendLine]:
    """The lines of the trend chart: ``events`` as known on ``as_of`` (default today).

    Without ``chosen`` (ids or events), every promise (first announced as
    expected or confirmed) is drawn. Events with no date to place are left out
    with a `TimelineWarning` naming them.

    >>> [line.end for line in trend_lines([Event(title="x", when="2026-04")], as_of="2026-06-01")]
    ['overdue']
    """
    day = _dt.date.today() if as_of is None else to_day(as_of, "as_of")
    lines, unplaced = [], []
    drawn = _chosen(events, chosen, day)
    days = [stated for e in drawn if (stated := e._stated_day) is not None]
    days.extend(c.day for e in drawn for c in e.claims)
    origin = min(days, default=day)
    for event in drawn:
        line = _line(event, day, origin)
        if line is None:
            unplaced.append(event)
        else:
            lines.append(line)
    if unplaced:
        names = ", ".join(f"{quoted(e.id)} ({e.when})" for e in unplaced[:10])
        more = f" and {len(unplaced) - 10} more" if len(unplaced) > 10 else ""
        warn_user(
            f"left {len(unplaced)} event(s) out of the trend chart because nothing promised "
            f"for them can be placed (no date with a bound, or first recorded as happened or "
            f"cancelled): {names}{more}; give each a latest or an earliest date"
        )
    return lines


def _pack(wanted: Sequence[float], gap: float) -> list[float]:
    """Label positions as near ``wanted`` as they can be while at least ``gap`` apart.

    Labels keep the order of what they label; each run of labels that would
    touch is spaced evenly and centred on what its members want.
    """
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    runs: list[list[int]] = []

    def start(run: list[int]) -> float:
        return sum(wanted[i] - k * gap for k, i in enumerate(run)) / len(run)

    for i in order:
        runs.append([i])
        while len(runs) > 1 and start(runs[-2]) + len(runs[-2]) * gap > start(runs[-1]):
            last = runs.pop()
            runs[-1].extend(last)
    placed = [0.0] * len(wanted)
    for run in runs:
        first = start(run)
        for k, i in enumerate(run):
            placed[i] = first + k * gap
    return placed


def plot_trend(
    timeline: Iterable[Event],
    *,
    events: Collection[str | Event] | None = None,
    ax: Axes | None = None,
    as_of: DayLike | None = None,
    title: str | None = None,
) -> Axes:
    """Draw the milestone trend chart; returns the Axes.

    ``events`` picks what to draw (ids or events; default every promise), best
    with 1 to about 30. ``as_of`` (default today) replays what was known on that
    day: later claims are not drawn, open lines run to it.

    >>> from timeline import Source
    >>> e = Event(title="V4", when="2026-04", sources=[Source("s", published="2026-03-01")])
    >>> ax = plot_trend([e.revise(when="2026-05", stated="2026-04-20")], as_of="2026-05-10")
    >>> [t.get_text() for t in ax.texts]
    ['V4']
    """
    _require_matplotlib()
    from matplotlib import dates
    from matplotlib import pyplot as plt

    day = _dt.date.today() if as_of is None else to_day(as_of, "as_of")
    lines = trend_lines(timeline, as_of=day, chosen=events)
    if ax is None:
        # Room at the right for the labels, and a row of height for each.
        from timeline.display._mpl import _measure

        measure = _measure(_FONT)
        room = max((measure(_cut(line.event.title)) for line in lines), default=0.0) + 0.3
        plot_width, left = 7.5, 0.8
        width = left + plot_width + room
        height = min(3.5 + max(len(lines), 6) * 0.2, 12.0)
        fig = plt.figure(figsize=(width, height))
        ax = fig.add_axes((left / width, 0.6 / height, plot_width / width, 1 - 1.1 / height))
    xs = [_num(x) for line in lines for x, _ in line.path] + [_num(day)]
    ys = [_num(y) for line in lines for _, y in line.path]
    ys += [
        _num(to_day(w.earliest))
        for line in lines
        for _, w in line.steps
        if w.earliest is not None and w.latest is not None
    ]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys, default=x0), max(ys, default=x1)
    pad_x, pad_y = max((x1 - x0) * 0.04, 5.0), max((y1 - y0) * 0.06, 5.0)
    # Dates in years 1 or 9999 must not push the axes past what matplotlib can label.
    ax.set_xlim(*axis_range(x0 - pad_x, x1 + pad_x))
    ax.set_ylim(*axis_range(y0 - pad_y, y1 + pad_y))
    low, high = min(x0, y0) - pad_x - pad_y, max(x1, y1) + pad_x + pad_y
    ax.plot(
        [low, high], [low, high], color="#999999", linewidth=1.0, zorder=1, gid="tl-trend-diagonal"
    )
    ax.axvline(_num(day), color=_OVERDUE, linestyle="--", linewidth=1.0, zorder=1.5,
               gid="tl-trend-asof")  # fmt: skip
    ends: list[tuple[float, float, str, str]] = []
    for index, line in enumerate(lines):
        colour = _COLOURS[index % len(_COLOURS)]
        _draw_line(ax, line, colour)
        x_end, y_end = line.path[-1]
        ends.append((_num(x_end), _num(y_end), line.event.title, colour))
    _labels(ax, lines, ends)
    ax.grid(color="#e5e5e5", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    for axis in (ax.xaxis, ax.yaxis):
        locator = dates.AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
        axis.set_major_locator(locator)
        axis.set_major_formatter(dates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.set_xlabel("stated on", fontsize=_FONT + 1)
    ax.set_ylabel("expected by", fontsize=_FONT + 1)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    name = getattr(timeline, "name", None)
    heading = title if title is not None else (f"{name}: " if name else "") + "milestone trend"
    if heading:
        ax.set_title(
            f"{heading} — as of {day}", loc="left", fontsize=11, fontweight="bold", **LITERAL
        )
    return ax


def _draw_line(ax: Axes, line: TrendLine, colour: str) -> None:
    eid = line.event.id
    xs = [_num(x) for x, _ in line.path]
    ys = [_num(y) for _, y in line.path]
    ax.plot(xs, ys, color=colour, linewidth=1.8, zorder=3, gid=f"tl-trend-line-{eid}")
    # Each promise holds from its step to the next one (or to the line's end).
    stops = [x for x, _ in line.steps[1:]] + [line.path[-1][0]]
    for n, ((x, w), stop) in enumerate(zip(line.steps, stops, strict=True)):
        a, b = _num(x), _num(max(stop, x))
        if b <= a:
            b = a + 1.0
        last = _kept_by(line.event, w).latest  # up to the line: a span's to its end
        if w.earliest is not None and last is not None and w.earliest != last:
            lo, hi = _num(to_day(w.earliest)), _num(to_day(last))
            ax.fill_between(
                [a, b], [lo, lo], [hi, hi], color=colour, alpha=0.1, linewidth=0, zorder=2,
                gid=f"tl-trend-band-{n}-{eid}",
            )  # fmt: skip
        elif w.earliest is None and last is not None:
            y = _num(to_day(last))
            ax.plot(
                [a, b], [y, y], color=colour, linewidth=6, alpha=0.3, solid_capstyle="butt",
                zorder=2, gid=f"tl-trend-cap-{n}-{eid}",
            )  # fmt: skip
        elif w.latest is None and w.earliest is not None:
            ax.plot(
                [a], [_num(to_day(w.earliest))], marker="^", color=colour, markersize=6,
                linestyle="none", zorder=4, gid=f"tl-trend-open-{n}-{eid}",
            )  # fmt: skip
    x_end, y_end = xs[-1], ys[-1]
    if line.end in ("happened", "reached"):
        style: dict[str, Any] = {"marker": "o", "color": STATUS_COLOURS[Status.HAPPENED]}
    elif line.end == "cancelled":
        style = {"marker": "X", "color": STATUS_COLOURS[Status.CANCELLED]}
    elif line.end == "overdue":
        style = {"marker": "o", "color": _OVERDUE, "markerfacecolor": "white"}
    else:
        style = {"marker": ">", "color": colour}
    ax.plot([x_end], [y_end], linestyle="none", markersize=6, zorder=5,
            gid=f"tl-trend-end-{eid}", **style)  # fmt: skip


def _labels(
    ax: Axes, lines: Sequence[TrendLine], ends: list[tuple[float, float, str, str]]
) -> None:
    """Titles at the line ends, moved apart where they would overlap."""
    if not ends:
        return
    fig = ax.get_figure()
    assert fig is not None
    height_px = max(ax.get_window_extent().height, 1.0)
    y_lo, y_hi = ax.get_ylim()
    gap = (y_hi - y_lo) * (_FONT * 1.4 * fig.dpi / 72.0) / height_px
    x_lo, x_hi = ax.get_xlim()
    # Labels that could touch (ends within a label's width) are packed together.
    width = (x_hi - x_lo) * 0.25
    groups: list[list[int]] = []
    for i in sorted(range(len(ends)), key=lambda i: ends[i][0]):
        if groups and ends[i][0] - ends[groups[-1][0]][0] < width:
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        placed = _pack([ends[i][1] for i in group], gap)
        for i, y in zip(group, placed, strict=True):
            x, _, text, colour = ends[i]
            ax.annotate(
                _cut(text),
                (x, y),
                xytext=(4, 0),
                textcoords="offset points",
                color=colour,
                fontsize=_FONT,
                va="center",
                ha="left",
                zorder=6,
                annotation_clip=False,
                gid=f"tl-trend-label-{lines[i].event.id}",
                **LITERAL,  # a "$" in a title is a dollar sign, not mathtext
            )


def _cut(title: str, size: int = 36) -> str:
    title = visible(title)  # one line, whatever the title holds
    return title if len(title) <= size else title[: size - 1].rstrip() + "…"


def _figure(timeline: Iterable[Event], **options: Any) -> Any:
    ax = plot_trend(timeline, **options)
    fig = ax.get_figure()
    assert fig is not None
    return fig


def trend_svg_text(timeline: Iterable[Event], **options: Any) -> str:
    """The trend chart as SVG text (text kept as text, ids stable), for the HTML page.

    >>> trend_svg_text([Event(title="x", when="2026-04")], as_of="2026-03-01").startswith("<svg")
    True
    """
    return render_svg(lambda: _figure(timeline, **options), salt="timeline-trend")


def save_trend(
    timeline: Timeline | Iterable[Event],
    path: str | os.PathLike[str],
    *,
    dpi: int = 150,
    **options: Any,
) -> Path:
    """Write the trend chart to ``path`` as PNG or SVG (by suffix), atomically.

    Keyword options are those of `plot_trend` (``events``, ``as_of``, ``title``).

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "trend.png"
    >>> save_trend([Event(title="x", when="2026-04")], out, as_of="2026-03-01").suffix
    '.png'
    """
    return write_figure(lambda: _figure(timeline, **options), path, dpi=dpi, example="trend.png")
