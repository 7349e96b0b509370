"""Our own feeds read back: an event from its ``X-TIMELINE-*`` properties.

A feed we wrote carries each event whole in private properties
(`timeline.ics._export_props` writes them): the id, the initial date and status
as EDTF with their text, kind, actors, tags, related ids, the sources,
claims, target and observations as JSON objects, and text the visible
properties show cleaned exactly (``X-TIMELINE-EXACT``, `_exact`, which the
calendar's name and description use too). `own_event` reads them back, so our
feeds re-import without loss; a property it cannot read skips the event
(`Skip`, naming the property and its line), and JSON nested too deep to read is
refused as hostile (`IcsParseError`). Foreign feeds are read best-effort from
the standard properties instead (`timeline.ics._import`), which is why this
inverse of the export lives apart from them.
`check_placed` says when another calendar app moved such an event: its DTSTART
no longer where any export policy puts the timeline's own date.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable
from typing import Any, TypeVar

from timeline._errors import DataFileError, IcsParseError, TimelineError, quoted
from timeline.dates._when import When
from timeline.figures._source import Source
from timeline.ics._feed import X, decode_when, split_list
from timeline.ics._lines import Component, Prop
from timeline.ics._placement import place, stretches, written
from timeline.ics._recurrence import same_moment
from timeline.ics._values import Skip, Values
from timeline.model._claim import Claim
from timeline.model._event import Event
from timeline.records._schema_read import record_to_observation, record_to_target

_F = TypeVar("_F")

__all__ = ["check_placed", "own_event"]


def own_event(comp: Component) -> Event:
    """The event a VEVENT of our own feed (one with ``X-TIMELINE-ID``) carries.

    >>> comp = Component("VEVENT", 1)
    >>> comp.props[f"{X}ID"] = [Prop(f"{X}ID", {}, "v4", 2)]
    >>> comp.props[f"{X}WHEN"] = [Prop(f"{X}WHEN", {}, "2026-04", 3)]
    >>> comp.props["SUMMARY"] = [Prop("SUMMARY", {}, "DeepSeek V4", 4)]
    >>> own_event(comp)
    Event(id='v4', title='DeepSeek V4', when=When.parse('April 2026'))
    """
    when = _when(comp, "INITIAL-WHEN") or _when(comp, "WHEN")
    if when is None:
        raise Skip(f"no {X}WHEN")
    status = comp.text(f"{X}INITIAL-STATUS") or comp.text(f"{X}STATUS") or "expected"

    def listed(name: str) -> list[str]:
        prop = comp.first(f"{X}{name}")
        return split_list(prop.value) if prop is not None else []

    exact = _exact(comp, _json)
    return Event(
        id=comp.text(f"{X}ID"),
        title=exact.get("title") or comp.text(f"{X}TITLE") or comp.text("SUMMARY") or "",
        when=when,
        end=_when(comp, "END"),
        status=status,
        kind=exact.get("kind", comp.text(f"{X}KIND")),
        actors=exact.get("actors", listed("ACTORS")),
        tags=exact.get("tags", listed("TAGS")),
        location=exact.get("location", comp.text("LOCATION")),
        description=exact.get("description", comp.text(f"{X}DESCRIPTION")),
        sources=[_source(_json(p)) for p in comp.props.get(f"{X}SOURCE", [])],
        claims=[_claim(_json(p)) for p in comp.props.get(f"{X}CLAIM", [])],
        related=listed("RELATED"),
        target=next(iter(_figures(comp, "TARGET", record_to_target)), None),
        observations=_figures(comp, "OBSERVATION", record_to_observation),
    )


def check_placed(values: Values, comp: Component, event: Event) -> None:
    """Say when our feed's DTSTART/DTEND are not where any policy puts ``event``.

    Calendar apps (Thunderbird, Apple) keep unknown ``X-`` properties when an
    event is moved: the timeline's own dates come back, the move is said.
    """
    summary = comp.text("SUMMARY")
    where = f"{quoted(summary[:40])} (line {comp.line})" if summary else f"(line {comp.line})"
    first, last, length = comp.first("DTSTART"), comp.first("DTEND"), comp.first("DURATION")
    try:
        if first is None:
            return
        start = values.point(first, where)
        end = None if last is None else values.point(last, where)
    except Skip:
        return  # not a date we wrote: nothing to compare
    if end is None and length is not None:  # written again with a DURATION
        end = values._by_duration(length, start, comp, where, False)
    elif end is None and not isinstance(start, _dt.datetime) and start < _dt.date.max:
        # a date alone lasts its day (9999-12-31 too, whose day after no date can hold)
        end = start + _dt.timedelta(days=1)
    for policy in ("auto", "window", "start", "end"):
        try:
            parts = stretches(event, policy)  # an "all of" set's first stretch
            placed = place(event, policy) if parts is None else parts[0]
        except OverflowError:
            return
        if placed is None:
            return
        placed_start, placed_end = written(placed)
        ends = placed_end is None and end is None
        if placed_end is not None and end is not None:
            ends = same_moment(_whole(placed_end), end)
        if ends and same_moment(_whole(placed_start), start):
            return
    shown = ", ".join(
        f"{p.name}{''.join(f';{k}={v}' for k, v in p.params.items())}:{p.value.strip()[:40]}"
        for p in (comp.first("DTSTART"), comp.first("DTEND"))
        if p is not None
    )
    values.note(
        "events of a timeline feed whose date was changed in another calendar app, read "
        f"from {X}WHEN (record the change with Event.revise)",
        f"{quoted(event.title[:40])} (line {comp.line}): {shown}, {X}WHEN {event.when.to_edtf()}",
    )


def _whole(point: _dt.date) -> _dt.date:
    """``point`` as a feed writes it: to the second."""
    return point.replace(microsecond=0) if isinstance(point, _dt.datetime) else point


def _when(comp: Component, name: str) -> When | None:
    prop = comp.first(f"{X}{name}")
    if prop is None:
        return None
    text = comp.text(f"{X}{name}-TEXT")
    try:
        return decode_when(prop.text, text)
    except TimelineError as err:
        raise Skip(f"{prop.name} (line {prop.line}): {err}") from None


def _figures(comp: Component, name: str, build: Callable[[Any], _F]) -> list[_F]:
    found = []
    for prop in comp.props.get(f"{X}{name}", []):
        try:
            found.append(build(_json(prop)))
        except DataFileError as err:
            raise Skip(f"{prop.name} (line {prop.line}): {err}") from None
    return found


def _json(prop: Prop) -> dict[str, Any]:
    try:
        value = json.loads(prop.text)
    except RecursionError:
        raise IcsParseError(
            prop.line,
            f"{prop.name} nests JSON too deep to read; the file is damaged or hostile",
        ) from None
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise Skip(f"{prop.name} (line {prop.line}) is not a JSON object")
    return value


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return None if value is None else str(value)


_EXACT_TEXT = ("title", "kind", "location", "description", "name")
_EXACT_LISTS = ("actors", "tags")


def _exact(comp: Component, read: Callable[[Prop], dict[str, Any]]) -> dict[str, Any]:
    """The fields ``X-TIMELINE-EXACT`` carries exactly (text with control characters).

    Only values of the right type are taken; anything else falls back to the visible
    property, as a feed without the property reads.
    """
    prop = comp.first(f"{X}EXACT")
    if prop is None:
        return {}
    try:
        data = read(prop)
    except Skip:  # damaged: the visible properties still give the text, cleaned
        return {}
    exact: dict[str, Any] = {k: data[k] for k in _EXACT_TEXT if isinstance(data.get(k), str)}
    for key in _EXACT_LISTS:
        items = data.get(key)
        if isinstance(items, list) and all(isinstance(item, str) for item in items):
            exact[key] = items
    return exact


def _when_value(data: dict[str, Any], key: str) -> When | None:
    if key not in data:
        return None
    return decode_when(str(data[key]), _text(data, f"{key}_text"))


def _source(data: dict[str, Any]) -> Source:
    return Source(
        _text(data, "title") or "",
        publisher=_text(data, "publisher"),
        url=_text(data, "url"),
        published=_when_value(data, "published"),
        quote=_text(data, "quote"),
    )


def _claim(data: dict[str, Any]) -> Claim:
    stated = _when_value(data, "stated")
    if stated is None:
        raise Skip("a claim without 'stated'")
    source = data.get("source")
    return Claim(
        stated=stated,
        when=_when_value(data, "when"),
        status=_text(data, "status"),
        source=_source(source) if isinstance(source, dict) else None,
        note=_text(data, "note"),
    )
