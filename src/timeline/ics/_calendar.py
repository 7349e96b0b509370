"""The calendar's own properties in a foreign or own feed: its name and fiscal years.

`timeline.ics._import` reads the events; this reads what the VCALENDAR says of
itself: the timeline's name (NAME, X-WR-CALNAME, else the file's name) and our
feed's ``X-TIMELINE-FISCAL-YEARS``, each checked as a timeline checks it.
"""

from __future__ import annotations

import json
from typing import Any

from timeline._errors import IcsParseError, TimelineError
from timeline.ics._feed import DEFAULT_NAME, X
from timeline.ics._lines import Component, Prop, Structure
from timeline.ics._values import Skip
from timeline.model._timeline import Timeline

__all__ = ["calendar_json", "fiscal_years", "timeline_name"]


def timeline_name(head: Component, file_name: str | None) -> str:
    """The calendar's NAME or X-WR-CALNAME, else the file's name, else "Calendar".

    >>> timeline_name(Component("VCALENDAR", 1), "work.ics")
    'work'
    """
    for prop in ("NAME", "X-WR-CALNAME"):
        text = head.text(prop)
        if text is not None and text.strip():
            return text
    if file_name:
        from pathlib import PurePath

        stem = PurePath(file_name).stem.strip()
        if stem:
            return stem
    return DEFAULT_NAME


def calendar_json(prop: Prop) -> dict[str, Any]:
    """A calendar property's JSON object; `Skip` when it is not one.

    >>> calendar_json(Prop("X-TIMELINE-EXACT", {}, '{"name": "a"}', 2))
    {'name': 'a'}
    """
    value = _json(prop)
    if not isinstance(value, dict):
        raise Skip(f"{prop.name} (line {prop.line}) is not a JSON object")
    return value


def _json(prop: Prop) -> Any:
    """A property's text read as JSON; ``None`` when it is not JSON."""
    try:
        return json.loads(prop.text)
    except RecursionError:
        raise IcsParseError(prop.line, f"{prop.name} nests JSON too deep to read") from None
    except ValueError:
        return None


def fiscal_years(head: Component, found: Structure) -> dict[str, int]:
    """The timeline's fiscal years from our feed's ``X-TIMELINE-FISCAL-YEARS``, if sound.

    >>> fiscal_years(Component("VCALENDAR", 1), Structure())
    {}
    """
    prop = head.first(f"{X}FISCAL-YEARS")
    if prop is None:
        return {}
    value = _json(prop)
    if isinstance(value, dict) and all(
        isinstance(k, str) and type(v) is int and 1 <= v <= 12 for k, v in value.items()
    ):
        try:
            Timeline(fiscal_years=value)  # the same checks as any timeline's
            return value
        except TimelineError:
            pass
    found.skip("calendar properties that cannot be read", f"{prop.name} (line {prop.line})")
    return {}
