"""The page's targets: each goal, the latest figure known, progress and status.

One row per event that carries a `Target`: the goal and its deadline, the
latest figure (an observation, else the baseline), the share of the way from
baseline to goal as a ``<meter>`` with its percentage, and the target's status
("met", "missed", "pending", "unknown") on the page's day. With a day given,
only figures known by then count (an observation counts once its last day
has passed, as `Target.status` counts it). Progress that cannot be measured
(a figure in another unit) is said so, never guessed.

Rows carry the same ``data-event/status/actors`` attributes as the table, so
the page's filters hide them with their events.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Sequence
from decimal import Decimal

from timeline._errors import TimelineError
from timeline.display._html import actors_json, isolate, shown
from timeline.figures._growth import Observation, series_order
from timeline.figures._percent import percent_text
from timeline.figures._target import Target
from timeline.model._event import Event

__all__ = ["progress_text", "targets_section"]

STYLE = """
#tl-targets{margin:0 0 16px}
#tl-targets h2{font:600 16px system-ui,sans-serif;margin:8px 0}
#tl-targets meter{width:120px;height:12px;vertical-align:middle;margin-right:6px}
"""
"""CSS for the section, scoped by its id."""


def _e(value: object) -> str:
    return html.escape(shown(value), quote=True)


def _known(observations: Sequence[Observation], day: _dt.date | None) -> list[Observation]:
    """The observations known on ``day`` (all of them without one), in time order."""
    items = sorted(observations, key=series_order)
    if day is None:
        return items
    return [o for o in items if o.known_on(day)]  # "as known on that day"


def progress_text(share: float | Decimal, high: float | Decimal | None = None) -> str:
    """A share of the way as a percentage ("25%"), or a range ("20–30%").

    Never "100%" short of the goal nor "0%" past the start (`percent_text`).

    >>> progress_text(0.25), progress_text(1.5), progress_text(0.2, 0.3), progress_text(0.995)
    ('25%', '150%', '20%–30%', '99.5%')
    """
    low = percent_text(Decimal(str(share)))
    if high is None:
        return low
    top = percent_text(Decimal(str(high)))
    return low if top == low else f"{low}–{top}"


def _progress_cell(target: Target, latest: Observation | None) -> str:
    if latest is None:
        return '<span class="tl-note">no figure yet</span>'
    try:
        share = target.progress(latest)
        value = float(share.value)
        high = share.high
    except (TimelineError, ArithmeticError, ValueError):
        # Another unit, or a goal equal to its baseline: nothing honest to draw.
        return f'<span class="tl-note">cannot be measured ({isolate(latest.value)})</span>'
    filled = min(max(value, 0.0), 1.0)
    return (
        f'<meter min="0" max="1" value="{filled:g}" title="{_e(progress_text(share.value, high))}">'
        f"</meter>{_e(progress_text(share.value, high))}"
    )


def _row(event: Event, day: _dt.date, cutoff: _dt.date | None) -> str:
    """One target's row: figures known on ``cutoff`` (all without one), status on ``day``."""
    target = event.target
    assert target is not None
    known = _known(event.observations, cutoff)
    latest = known[-1] if known else target.baseline
    figure = "" if latest is None else isolate(latest)
    try:
        status = target.status(day, known).value
    except TimelineError:
        status = "unknown"
    attrs = (
        f'data-event="{_e(event.id)}" data-status="{_e(event.status.value)}" '
        f'data-actors="{html.escape(actors_json(event.actors))}"'
    )
    return (
        f"<tr {attrs}><td>{isolate(target.metric)}</td>"
        f"<td>{isolate(target.goal)} {_e(target.deadline_text)}</td>"
        f"<td>{figure}</td><td>{_progress_cell(target, latest)}</td>"
        f"<td>{_e(status)}</td><td>{isolate(event.title)}</td></tr>"
    )


def targets_section(events: Sequence[Event], day: _dt.date, *, known_on: bool = True) -> str:
    """The page's section of targets as of ``day``; empty when no event has a target.

    ``known_on`` counts only figures known on ``day``; otherwise every figure
    counts (the page without a day) and ``day`` only judges the status.

    >>> from timeline import Event, Observation, Target
    >>> goal = Target("firms", "10,000 firms", "by 2030")
    >>> e = Event(title="x", when="by 2030", target=goal,
    ...           observations=[Observation("2026-05", "2,500 firms")])
    >>> "25%" in targets_section([e], _dt.date(2026, 6, 1))
    True
    """
    cutoff = day if known_on else None
    rows = [_row(e, day, cutoff) for e in events if e.target is not None]
    if not rows:
        return ""
    return (
        '<section id="tl-targets" class="tl-view"><h2>Targets</h2>'
        '<table class="tl-table"><thead><tr><th>Target</th><th>Goal</th>'
        f"<th>Latest figure</th><th>Progress</th><th>Status on {_e(day)}</th><th>Event</th>"
        f"</tr></thead><tbody>\n{chr(10).join(rows)}\n</tbody></table></section>"
    )
