"""Figures across events: the figure lines of one event, and a metric's series.

These read events (their target and observations), so they live in the model,
above the figure values themselves (`timeline.figures`).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from timeline._errors import QueryError, TargetError, quoted
from timeline.dates._when import When
from timeline.figures._growth import Observation, growth, series_order
from timeline.model._text import name_key

if TYPE_CHECKING:
    from timeline.model._event import Event
    from timeline.model._timeline import Timeline

__all__ = ["figures_text", "series"]


def figures_text(
    event: Event, as_of: When | _dt.date | str | None = None, *, words: bool = False
) -> list[str]:
    """The figure lines for an event: its target, observations and growth between them.

    For `str(event)` and the iCalendar DESCRIPTION; empty when the event has no figures.
    With ``as_of`` the target line ends with its status as known on that day; with
    ``words`` dates are said for a reader (`When.words`), as the feed does.

    >>> from timeline import Event
    >>> figures_text(Event(title="x", when="2026"))
    []
    """
    target, observations = event.target, event.observations
    lines = []
    if target is not None:
        lines.append("Target: " + target.describe(observations, as_of, words=words))
    if observations:
        lines.append("Figures: " + "; ".join(o.describe(words=words) for o in observations))
    if len(observations) >= 2:
        first, last = observations[0], observations[-1]
        # Not comparable (units, dates)? The figures line says enough.
        with contextlib.suppress(TargetError):
            lines.append(f"Growth: {growth(first, last).describe(words=words)}")
    return lines


def series(events: Iterable[Event], metric: str) -> list[Observation]:
    """Every observation of ``metric`` across events, in time order, duplicates dropped.

    An event counts when ``metric`` matches its target's metric, its title
    (case-insensitively) or its id; its target's baseline counts as an observation.

    >>> series([], "daily token calls")
    []
    """
    if not isinstance(metric, str):
        raise QueryError(f"metric: {quoted(metric)} is not text; give the metric's name as a str")
    wanted = name_key(metric.strip())
    found: list[Observation] = []
    for event in events:
        target = event.target
        names = {name_key(event.title), name_key(event.id)}
        if target is not None:
            names.add(name_key(target.metric))
        if wanted not in names:
            continue
        if target is not None and target.baseline is not None:
            found.append(target.baseline)
        found.extend(event.observations)
    unique: dict[tuple[Any, ...], Observation] = {}
    for item in found:
        unique.setdefault((item.when, item.value, item.value.unit), item)
    return sorted(unique.values(), key=series_order)


def targets(tl: Timeline) -> Timeline:
    """The events that carry a target, as a timeline (so queries chain).

    >>> from timeline import Target
    >>> goal = Target("AI-plus enterprises", "10,000 enterprises", "2030")
    >>> tl = Timeline([Event(title="plan", when="2026", target=goal),
    ...                Event(title="launch", when="2026-04")])
    >>> [e.id for e in tl.targets()]
    ['plan']
    """
    return tl._new(e for e in tl._events if e.target is not None)


def observations(tl: Timeline, metric: str) -> list[Observation]:
    """The series of figures for ``metric`` across the timeline, in time order.

    An event contributes when ``metric`` is its target's metric or its title
    (both case-insensitive) or its id; a target's baseline counts as a figure.

    >>> from timeline import Observation
    >>> tl = Timeline([Event(title="Daily token calls", when="2025-03",
    ...     observations=[Observation("2025-03", "over 140 trillion tokens per day"),
    ...                   Observation("2024-01-01", "1 trillion tokens per day")])])
    >>> [str(o.value) for o in tl.observations("daily token calls")]
    ['1 trillion tokens per day', 'over 140 trillion tokens per day']
    """
    from timeline.model._figures import series

    return series(tl._events, metric)
