"""Where each event goes in the timeline picture: lanes, rows, spans and labels.

Pure geometry, kept apart from the drawing (`timeline.display._plot`) so it can be
reasoned about and tested without matplotlib. The x axis is days (the caller
gives the day-number function, so it matches the plotting library's epoch).

Each event gets a *shape* from what its date says:

* ``point`` — an exact day or instant: a marker;
* ``window`` — a bounded span ("April 2026", "c. Q2 2026", or an event with an
  end): a bar, its fuzzy padding fading outwards;
* ``deadline`` — "by 2030" or "before 2030": a bar from when that deadline
  was stated (the claim that set it, else the first source; else the left
  edge) ending in a marker at the deadline;
* ``open`` — a span with an open or unknown end ("from March 2026 on"): a bar
  that fades into the edge of the picture.

A slipped date gets an arrow between *anchors*: the point of a date a reader
looks at. For a deadline that is the deadline, for "no earlier than May" its
first day, for an open start its last day, for a window its middle.

However short, a bar is drawn at least `MIN_MARK` inches wide (centred on its
span), so a two-day event is never less visible than a one-day dot.

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
from timeline.model._claim import Status, replay
from timeline.model._event import Event
from timeline.model._text import visible

__all__ = ["LANE_KEYS", "MIN_MARK", "Layout", "Placed", "Shape", "anchor", "layout", "shape_of"]

Shape: TypeAlias = Literal["point", "window", "deadline", "open"]
LaneKey: TypeAlias = Literal["actor", "kind", "status"]
LANE_KEYS = ("actor", "kind", "status")

_LABEL_CHARS = 60  # longer titles are cut with an ellipsis
MIN_MARK = 10 / 72
"""The least width of a bar, in inches: wider than the 7-point dot of an exact day."""


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
    arrow: tuple[float, float] | None = None  # a slip: from the first anchor to the current one
    label_width: float = 0.0  # the label's measured width, in x units
    parts: tuple[tuple[float, float], ...] = ()  # a set's members, when they leave gaps


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
    outside: tuple[Event, ...] = ()  # events whose dates the axis cannot hold (``limits``)


def shape_of(event: Event) -> Shape | None:
    """How an event is drawn, from its current date; ``None`` when it has no bound.

    >>> from timeline import When
    >>> shape_of(Event(title="x", when=When.year(2030).by()))
    'deadline'
    """
    when, end = event.when, event.current_end
    lo, hi = event.window
    if lo is None and hi is None:
        # Begun "before 2026", ending "after 2027": open on both sides, yet placed by
        # the start's last day or the end's first one; with neither, nothing to place by.
        if end is None or (when.latest is None and end.earliest is None):
            return None
        return "open"
    if when.relation in (Relation.BY, Relation.BEFORE) and end is None:
        return "deadline"
    if lo is None or hi is None:
        return "open"
    exact = when.precision in (Precision.DAY, Precision.MINUTE, Precision.SECOND)
    # One day or instant only: "2026-04-XX" has a day's grain but could be any day of April.
    single = when.earliest == when.latest
    if end is None and exact and single and not when.qualified:
        return "point"
    return "window"


def anchor(when: When, num: Callable[[_dt.date], float], end: When | None = None) -> float | None:
    """The x a reader looks at for a date; ``None`` when it has no bound at all.

    A deadline ("by 2030", "before 2030") at its deadline, a date with only a
    first day ("no earlier than May 2026") at that day, one with only a last
    day at that day, a bounded span (to ``end``, for an event that lasts) at
    its middle.

    >>> from timeline import When
    >>> day = lambda d: float(d.toordinal())
    >>> anchor(When.parse("by 2030"), day) == day(_dt.date(2031, 1, 1))
    True
    >>> anchor(When.parse("no earlier than May 2026"), day) == day(_dt.date(2026, 5, 1))
    True
    """
    lo, hi, _, _ = _span(when, end, num)
    if end is None and when.relation in (Relation.BY, Relation.BEFORE) and hi is not None:
        return hi
    if lo is None or hi is None:
        return lo if lo is not None else hi
    return (lo + hi) / 2


def _date_stated(event: Event) -> _dt.date | None:
    """The day the current date was first stated: the claim that set it, else the first source.

    A claim that restates the same date does not move it; ``None`` when the
    initial statement is current and has no dated source.
    """
    when = event.initial_when
    stated = event.stated
    since = to_day(stated) if stated is not None and stated.earliest is not None else None
    states = replay(when, event.initial_status, event.claims)
    for claim, (before, _, new_when, _) in zip(event.claims, states, strict=True):
        if new_when != before:
            since = claim.day
    return since


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
    x_f_lo, x_f_hi = x(f_lo, last=False), x(f_hi, last=True)
    if hi is None and end is not None and end.earliest is not None:
        # An end "after 2027" has no last day, but the event lasts at least to its
        # first possible one: the picture must reach that far, not stop at the start.
        x_f_hi = x(end.earliest, last=False)
    if lo is None and end is not None and when.latest is not None:
        # Likewise a start "before 2026": it was under way by the start's last day.
        x_f_lo = x(when.latest, last=True)
    return x(lo, last=False), x(hi, last=True), x_f_lo, x_f_hi


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
    arrow: tuple[float, float] | None
    parts: tuple[tuple[float, float], ...] = ()


def _set_parts(event: Event, num: Callable[[_dt.date], float]) -> tuple[tuple[float, float], ...]:
    """The x spans of a set's members ("April or June 2026"), merged where they touch.

    Empty unless the set leaves a gap: drawn whole, "April or June" would say May.
    A set with an open or qualified member is drawn as one window, as before.
    """
    form = event.when.form
    if event.current_end is not None or form is None or form[:1] not in ("[", "{"):
        return ()
    from timeline.dates._edtf_level2 import set_members

    spans: list[tuple[float, float]] = []
    for member in set_members(form):
        lo, hi, f_lo, f_hi = _span(member, None, num)
        if lo is None or hi is None or (f_lo, f_hi) != (lo, hi):
            return ()
        spans.append((lo, hi))
    merged: list[tuple[float, float]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return tuple(merged) if len(merged) > 1 else ()


def _draft(
    event: Event, by: LaneKey, as_of: _dt.date | None, num: Callable[[_dt.date], float]
) -> _Draft | None:
    shape = shape_of(event)
    if shape is None:
        return None
    x0, x1, f0, f1 = _span(event.when, event.current_end, num)
    if shape == "point":
        assert x0 is not None
        x0 = x1 = f0 = f1 = x0 if isinstance(event.when.earliest, _dt.datetime) else x0 + 0.5
    ghost = None
    if event.slipped:
        g0, g1, _, _ = _span(event.first_expected, event.first_end, num)
        if g0 is not None and g1 is not None:
            ghost = (g0, g1)
        elif g0 is not None or g1 is not None:  # an unbounded first promise: its one bound
            edge = g0 if g0 is not None else g1
            assert edge is not None
            ghost = (edge, edge)
    stated = _date_stated(event)
    said = None if stated is None else num(stated)
    overdue = as_of is not None and event.overdue(as_of)
    arrow = None
    if ghost is not None:
        start = anchor(event.first_expected, num, event.first_end)
        end = anchor(event.when, num, event.current_end)
        if start is not None and end is not None:
            arrow = (start, end)
    parts = _set_parts(event, num) if shape == "window" else ()
    return _Draft(
        event, _lane_name(event, by), shape, (x0, x1), (f0, f1), ghost, said, overdue, arrow, parts
    )


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


def _clamp(xlim: tuple[float, float], limits: tuple[float, float] | None) -> tuple[float, float]:
    """``xlim`` inside ``limits`` (the axis's range), keeping at least a day's width."""
    if limits is None:
        return xlim
    lo, hi = max(xlim[0], limits[0]), min(xlim[1], limits[1])
    if hi - lo < 1.0:  # everything at (or past) one end: a day at that end
        lo, hi = (limits[0], limits[0] + 1.0) if lo <= limits[0] else (limits[1] - 1.0, limits[1])
    return (lo, hi)


def layout(
    events: Sequence[Event],
    *,
    by: LaneKey,
    as_of: _dt.date | None,
    num: Callable[[_dt.date], float],
    measure: Callable[[str], float],
    width: float,
    window: tuple[float, float] | None = None,
    limits: tuple[float, float] | None = None,
) -> Layout:
    """Place ``events`` in lanes and rows; ``measure`` gives a label's width in inches.

    ``width`` is the width of the plotting area in inches; ``num`` turns a date
    or datetime into a day number; ``window`` fixes the x range (the picture
    is zoomed to it, items reaching past it are cut at its edges); ``limits``
    is the range the axis can show at all (the x range is kept inside it, and
    an event ``num`` cannot place is left out, in ``outside``).

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
    outside: list[Event] = []
    for event in events:
        try:
            draft = _draft(event, by, as_of, num)
        except (OverflowError, ValueError):  # an instant whose UTC day is before year 1, say
            outside.append(event)
            continue
        if draft is None:
            skipped.append(event)
        else:
            drafts.append(draft)
    extra = [] if as_of is None else [num(as_of)]
    xlim = _clamp(window if window is not None else _xlim(drafts, extra), limits)
    span = xlim[1] - xlim[0]
    per_inch = span / max(width, 0.5)
    gap = 0.12 * per_inch
    least = MIN_MARK * per_inch

    lane_names = _lane_order(drafts, by)
    placed: list[Placed] = []
    lanes: list[tuple[str, int, int]] = []
    first_row = 0
    for lane_index, lane in enumerate(lane_names):
        boxes = []
        for d in (d for d in drafts if d.lane == lane):
            x0, x1, f0, f1 = _resolve(d, xlim)
            if d.shape != "point" and x1 - x0 < least:  # too short to see: widen, centred
                middle = (x0 + x1) / 2
                x0, x1 = middle - least / 2, middle + least / 2
                f0, f1 = min(f0, x0), max(f1, x1)
            # One line, whatever the title holds: a newline would spill into the next row.
            label = _cut(visible(d.event.title)) + (" (overdue)" if d.overdue else "")
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
            boxes.append((lo, hi, d, (x0, x1), (f0, f1), label, label_x, right, w))
        boxes.sort(key=lambda b: b[0])
        row_ends: list[float] = []
        for lo, hi, d, core, fuzzy, label, label_x, right, w in boxes:
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
                    d.arrow,
                    w,
                    tuple(_visible_span(a, b, least) for a, b in d.parts),
                )
            )
        rows = max(len(row_ends), 1)
        lanes.append((lane, first_row, rows))
        first_row += rows
    return Layout(tuple(lanes), tuple(placed), xlim, first_row, tuple(skipped), tuple(outside))


def _visible_span(x0: float, x1: float, least: float) -> tuple[float, float]:
    """``(x0, x1)``, widened about its middle to ``least`` when too short to see."""
    if x1 - x0 >= least:
        return (x0, x1)
    middle = (x0 + x1) / 2
    return (middle - least / 2, middle + least / 2)


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
        # The bar starts when this deadline was stated, else at the left edge.
        begin = d.said if d.said is not None and d.said < x1 else xlim[0]
        begin = min(begin, x1 - 0.05 * (xlim[1] - xlim[0]))
        return (begin, x1, begin, x1)
    lo = x0 if x0 is not None else xlim[0]
    hi = x1 if x1 is not None else xlim[1]
    # An open side is drawn to the edge: its first or last possible day (kept in the
    # draft so the axis reaches it) is not where the bar stops.
    f_lo = f0 if f0 is not None and x0 is not None else xlim[0]
    f_hi = f1 if f1 is not None and x1 is not None else xlim[1]
    return (lo, hi, f_lo, f_hi)
