"""Where each event goes in the timeline picture: lanes, rows, spans and labels.

Pure geometry, kept apart from the drawing (`timeline.display._plot`) so it can be
reasoned about and tested without matplotlib. The x axis is days (the caller
gives the day-number function, so it matches the plotting library's epoch).

Each event gets a *shape* from what its date says:

* ``point`` — an exact day or instant: a marker;
* ``window`` — a bounded span ("April 2026", "c. Q2 2026", or an event with an
  end): a bar, its fuzzy padding fading outwards;
* ``deadline`` — "by 2030" or "before 2030": a bar from when it was said (or
  the left edge) ending in a marker at the deadline;
* ``open`` — a span with an open or unknown end ("from March 2026 on"): a bar
  that fades into the edge of the picture.

Labels sit above their item; items (with their label, and the ghost of a
slipped date) are packed into rows inside their lane, first fit in time
order, so no two labels ever overlap however dense the timeline.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Literal, TypeAlias

import attrs

from timeline.dates._days import to_day
from timeline.dates._precision import Precision, Relation
from timeline.dates._when import When
from timeline.model._claim import Status
from timeline.model._event import Event

__all__ = ["LANE_KEYS", "Layout", "Placed", "Shape", "layout", "shape_of"]

Shape: TypeAlias = Literal["point", "window", "deadline", "open"]
LaneKey: TypeAlias = Literal["actor", "kind", "status"]
LANE_KEYS = ("actor", "kind", "status")

_LABEL_CHARS = 60  # longer titles are cut with an ellipsis


@attrs.frozen
class Placed:
    """One event's place in the picture (x in day numbers, rows counted from the top)."""

    event: Event
    lane: int
    row: int
    shape: Shape
    core: tuple[float, float]  # the certain span; a point has x0 == x1
    fuzzy: tuple[float, float]  # where the fade reaches (for a deadline: where the bar starts)
    ghost: tuple[float, float] | None  # the first expected span, when the date slipped
    label: str
    label_x: float
    label_right: bool  # the label ends at label_x instead of starting there
    overdue: bool


@attrs.frozen
class Layout:
    """The lanes (name, first row, row count), the placed items and the x range.

    >>> Layout((), (), (0.0, 1.0), 0, ()).rows
    0
    """

    lanes: tuple[tuple[str, int, int], ...]
    items: tuple[Placed, ...]
    xlim: tuple[float, float]
    rows: int
    skipped: tuple[Event, ...]  # events with no bounded date at all


def shape_of(event: Event) -> Shape | None:
    """How an event is drawn, from its current date; ``None`` when it has no bound.

    >>> from timeline import When
    >>> shape_of(Event(title="x", when=When.year(2030).by()))
    'deadline'
    """
    when = event.when
    lo, hi = event.window
    if lo is None and hi is None:
        return None
    if when.relation in (Relation.BY, Relation.BEFORE) and event.end is None:
        return "deadline"
    if lo is None or hi is None:
        return "open"
    exact = when.precision in (Precision.DAY, Precision.MINUTE, Precision.SECOND)
    if event.end is None and exact and not when.is_interval and not when.qualified:
        return "point"
    return "window"


def _lane_name(event: Event, by: LaneKey) -> str:
    if by == "actor":
        return event.actors[0] if event.actors else "(no actor)"
    if by == "kind":
        return event.kind or "(no kind)"
    return event.status.value


def _span(
    when: When, end: When | None, num: Callable[[_dt.date], float]
) -> tuple[float | None, float | None, float | None, float | None]:
    """Core and fuzzy x bounds of a date (``None`` when unbounded); ends are exclusive."""

    def x(point: _dt.date | None, *, last: bool) -> float | None:
        if point is None:
            return None
        if isinstance(point, _dt.datetime):
            return num(point)
        return num(point) + (1.0 if last else 0.0)  # a day runs to the next midnight

    lo, hi = when.earliest, (end or when).latest
    f_lo = when.fuzzy_bounds()[0]
    f_hi = (end or when).fuzzy_bounds()[1]
    return x(lo, last=False), x(hi, last=True), x(f_lo, last=False), x(f_hi, last=True)


def _cut(title: str) -> str:
    return title if len(title) <= _LABEL_CHARS else title[: _LABEL_CHARS - 1].rstrip() + "…"


@attrs.define
class _Draft:
    event: Event
    lane: str
    shape: Shape
    core: tuple[float | None, float | None]
    fuzzy: tuple[float | None, float | None]
    ghost: tuple[float, float] | None
    said: float | None
    overdue: bool


def _draft(
    event: Event, by: LaneKey, as_of: _dt.date | None, num: Callable[[_dt.date], float]
) -> _Draft | None:
    shape = shape_of(event)
    if shape is None:
        return None
    x0, x1, f0, f1 = _span(event.when, event.end, num)
    if shape == "point":
        assert x0 is not None
        x0 = x1 = f0 = f1 = x0 if isinstance(event.when.earliest, _dt.datetime) else x0 + 0.5
    ghost = None
    if event.slipped:
        g0, g1, _, _ = _span(event.first_expected, None, num)
        if g0 is not None and g1 is not None:
            ghost = (g0, g1)
        elif g0 is not None or g1 is not None:  # an unbounded first promise: its one bound
            edge = g0 if g0 is not None else g1
            assert edge is not None
            ghost = (edge, edge)
    said = None
    if event.stated is not None and event.stated.earliest is not None:
        said = num(to_day(event.stated))
    overdue = as_of is not None and event.overdue(as_of)
    return _Draft(event, _lane_name(event, by), shape, (x0, x1), (f0, f1), ghost, said, overdue)


def _xlim(drafts: Sequence[_Draft], extra: Sequence[float]) -> tuple[float, float]:
    xs = list(extra)
    for d in drafts:
        xs.extend(v for v in (*d.core, *d.fuzzy) if v is not None)
        if d.ghost is not None:
            xs.extend(d.ghost)
        if d.shape == "deadline" and d.said is not None:
            xs.append(d.said)
    if not xs:
        return (0.0, 1.0)
    lo, hi = min(xs), max(xs)
    pad = max((hi - lo) * 0.03, 15.0)
    return (lo - pad, hi + pad)


def layout(
    events: Sequence[Event],
    *,
    by: LaneKey,
    as_of: _dt.date | None,
    num: Callable[[_dt.date], float],
    measure: Callable[[str], float],
    width: float,
    window: tuple[float, float] | None = None,
) -> Layout:
    """Place ``events`` in lanes and rows; ``measure`` gives a label's width in inches.

    ``width`` is the width of the plotting area in inches; ``num`` turns a date
    or datetime into a day number; ``window`` fixes the x range (the picture
    is zoomed to it, items reaching past it are cut at its edges).

    >>> from timeline import When
    >>> ev = [Event(title="a", when=When.month(2026, 4)),
    ...       Event(title="b", when=When.day(2026, 4, 2))]
    >>> lay = layout(ev, by="status", as_of=None, num=lambda d: d.toordinal(),
    ...              measure=lambda s: 0.1 * len(s), width=8.0)
    >>> [(p.shape, p.row) for p in lay.items], lay.rows
    ([('window', 0), ('point', 1)], 2)
    """
    drafts: list[_Draft] = []
    skipped: list[Event] = []
    for event in events:
        draft = _draft(event, by, as_of, num)
        if draft is None:
            skipped.append(event)
        else:
            drafts.append(draft)
    extra = [] if as_of is None else [num(as_of)]
    xlim = window if window is not None else _xlim(drafts, extra)
    span = xlim[1] - xlim[0]
    per_inch = span / max(width, 0.5)
    gap = 0.12 * per_inch

    lane_names = _lane_order(drafts, by)
    placed: list[Placed] = []
    lanes: list[tuple[str, int, int]] = []
    first_row = 0
    for lane_index, lane in enumerate(lane_names):
        boxes = []
        for d in (d for d in drafts if d.lane == lane):
            x0, x1, f0, f1 = _resolve(d, xlim)
            label = _cut(d.event.title) + (" (overdue)" if d.overdue else "")
            if d.shape == "deadline" and x1 > xlim[1]:
                label += f" → {d.event.when}"  # the deadline is past the right edge
            w = measure(label) * per_inch
            start = (
                f0
                if d.shape == "deadline"
                else (x0 if d.shape != "point" else x0 - 0.04 * per_inch)
            )
            start = max(start, xlim[0])
            right = start + w > xlim[1]
            label_x = min(xlim[1], max(f1, x1)) if right else start
            lo = min(f0, label_x - w if right else label_x, *(d.ghost or (f0,)))
            hi = max(f1, label_x if right else label_x + w, *(d.ghost or (f1,)))
            boxes.append((lo, hi, d, (x0, x1), (f0, f1), label, label_x, right))
        boxes.sort(key=lambda b: b[0])
        row_ends: list[float] = []
        for lo, hi, d, core, fuzzy, label, label_x, right in boxes:
            row = next((i for i, end in enumerate(row_ends) if end + gap <= lo), len(row_ends))
            if row == len(row_ends):
                row_ends.append(hi)
            else:
                row_ends[row] = hi
            placed.append(
                Placed(
                    d.event,
                    lane_index,
                    first_row + row,
                    d.shape,
                    core,
                    fuzzy,
                    d.ghost,
                    label,
                    label_x,
                    right,
                    d.overdue,
                )
            )
        rows = max(len(row_ends), 1)
        lanes.append((lane, first_row, rows))
        first_row += rows
    return Layout(tuple(lanes), tuple(placed), xlim, first_row, tuple(skipped))


def _lane_order(drafts: Sequence[_Draft], by: LaneKey) -> list[str]:
    names = list(dict.fromkeys(d.lane for d in drafts))
    if by == "status":
        order = [s.value for s in Status]
        names.sort(key=order.index)
    return names


def _resolve(d: _Draft, xlim: tuple[float, float]) -> tuple[float, float, float, float]:
    """Core and fuzzy bounds with unbounded ends taken to the picture's edges."""
    x0, x1 = d.core
    f0, f1 = d.fuzzy
    if d.shape == "deadline":
        assert x1 is not None
        # The bar starts when the deadline was stated, else at the left edge.
        begin = d.said if d.said is not None and d.said < x1 else xlim[0]
        begin = min(begin, x1 - 0.05 * (xlim[1] - xlim[0]))
        return (begin, x1, begin, x1)
    lo = x0 if x0 is not None else xlim[0]
    hi = x1 if x1 is not None else xlim[1]
    return (lo, hi, f0 if f0 is not None else xlim[0], f1 if f1 is not None else xlim[1])
