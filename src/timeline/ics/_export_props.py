"""The ``X-TIMELINE-*`` properties of a feed event, which let an import rebuild it.

Dates travel as EDTF (with the original text when it differs), sources and
claims as JSON objects, figures as their data-file records; every value is
TEXT-escaped here.
"""

from __future__ import annotations

from typing import Any

from timeline.dates._when import When
from timeline.figures._source import Source
from timeline.ics._feed import X, encode_when, escape_text, exact_json, join_list, json_text
from timeline.model._claim import Claim
from timeline.model._event import Event
from timeline.records._schema import observation_to_record, target_to_record

__all__ = ["claim_json", "private_props", "source_json"]


def _edtf_props(name: str, when: When) -> list[tuple[str, str]]:
    edtf, text = encode_when(when)
    props = [(f"{X}{name}", escape_text(edtf))]
    if text is not None:
        props.append((f"{X}{name}-TEXT", escape_text(text)))
    return props


def _when_json(out: dict[str, Any], key: str, when: When | None) -> None:
    if when is not None:
        edtf, text = encode_when(when)
        out[key] = edtf
        if text is not None:
            out[f"{key}_text"] = text


def source_json(source: Source) -> dict[str, Any]:
    """A `Source` as the JSON object an ``X-TIMELINE-SOURCE`` property carries.

    >>> source_json(Source("s", published=When.month(2026, 3)))
    {'title': 's', 'published': '2026-03'}
    """
    out: dict[str, Any] = {"title": source.title}
    for key in ("publisher", "url"):
        if getattr(source, key) is not None:
            out[key] = getattr(source, key)
    _when_json(out, "published", source.published)
    if source.quote is not None:
        out["quote"] = source.quote
    return out


def claim_json(claim: Claim) -> dict[str, Any]:
    """A `Claim` as the JSON object an ``X-TIMELINE-CLAIM`` property carries.

    >>> claim_json(Claim(stated=When.day(2026, 4, 20), when=When.month(2026, 5)))
    {'stated': '2026-04-20', 'when': '2026-05'}
    """
    out: dict[str, Any] = {}
    _when_json(out, "stated", claim.stated)
    _when_json(out, "when", claim.when)
    if claim.status is not None:
        out["status"] = claim.status.value
    if claim.source is not None:
        out["source"] = source_json(claim.source)
    if claim.note is not None:
        out["note"] = claim.note
    return out


def _json(value: dict[str, Any]) -> str:
    return json_text(value)


def private_props(event: Event, title_differs: bool) -> list[tuple[str, str]]:
    """The ``X-TIMELINE-*`` properties that let `timeline.Timeline.from_ics` rebuild ``event``.

    >>> private_props(Event(title="x", when=When.year(2026)), True)[:2]
    [('X-TIMELINE-ID', 'x'), ('X-TIMELINE-TITLE', 'x')]
    """
    props = [(f"{X}ID", escape_text(event.id))]
    if title_differs:
        props.append((f"{X}TITLE", escape_text(event.title)))
    props += _edtf_props("WHEN", event.when)
    if encode_when(event.initial_when) != encode_when(event.when):
        props += _edtf_props("INITIAL-WHEN", event.initial_when)
    if event.end is not None:
        props += _edtf_props("END", event.end)
    props.append((f"{X}STATUS", event.status.value))
    if event.initial_status is not event.status:
        props.append((f"{X}INITIAL-STATUS", event.initial_status.value))
    if event.kind is not None:
        props.append((f"{X}KIND", escape_text(event.kind)))
    for name, values in (("ACTORS", event.actors), ("TAGS", event.tags)):
        if values:
            props.append((f"{X}{name}", join_list(values)))
    if event.related:
        props.append((f"{X}RELATED", join_list(event.related)))
    if event.description is not None:
        props.append((f"{X}DESCRIPTION", escape_text(event.description)))
    props += [(f"{X}SOURCE", _json(source_json(s))) for s in event.sources]
    props += [(f"{X}CLAIM", _json(claim_json(c))) for c in event.claims]
    # Figures travel as the data-file records (their text round-trips exactly).
    if event.target is not None:
        props.append((f"{X}TARGET", _json(target_to_record(event.target))))
    props += [(f"{X}OBSERVATION", _json(observation_to_record(o))) for o in event.observations]
    # Text a TEXT property cannot carry (control characters, a bare CR), exactly.
    exact = exact_json(
        {
            "title": event.title,
            "kind": event.kind,
            "location": event.location,
            "description": event.description,
            "actors": event.actors,
            "tags": event.tags,
        }
    )
    if exact is not None:
        props.append((f"{X}EXACT", exact))
    return props
