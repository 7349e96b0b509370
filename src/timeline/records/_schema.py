"""The one dict schema every data-file format shares.

A *document* is a plain mapping: optional ``name`` and ``description`` and an
``events`` list of *records*, each a mapping of text, lists of text and nested
mappings (sources, claims, target, observations). YAML and JSON files hold
exactly this; CSV flattens it (see `timeline.formats._csv`). `Timeline.to_records`
and `Timeline.from_records` expose the records directly.

This module defines the schema (field names, `Path`, `Locations`) and writes
it; `timeline.records._schema_read` reads it back, collecting every problem with its
path, which the format module's `Locations` turns into a file line and a field
name the person recognises.

Records written by this module use the canonical text of every value
(``str(When)``, ``str(Quantity)``, status values) and omit empty fields, so a
file saved from a timeline reads as a person would write it, and reads back to
an equal timeline.

Why hand-written rather than a cattrs converter: the reader must report every
problem with its line and a fix ("did you mean 'April 2026'?"), resolve
relative dates against the source that stated them, and write an event's
*initial* statement (not its current, claim-revised values); each of those
would be a custom hook, leaving little for a general converter to do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeAlias

import attrs

from timeline._errors import DataFileProblem, quoted, warn_user
from timeline.dates._precision import MONTH_NAMES
from timeline.figures._growth import Observation
from timeline.figures._source import Source
from timeline.figures._target import Target
from timeline.model._claim import Claim
from timeline.model._event import Event
from timeline.model._timeline import Timeline

__all__ = [
    "MAX_PROBLEMS",
    "STOPPED",
    "Document",
    "Locations",
    "Path",
    "capped",
    "dotted",
    "event_to_record",
    "timeline_to_document",
]

Document: TypeAlias = dict[str, Any]
"""A data file's content: ``{"name": ..., "description": ..., "events": [...]}``."""

Path: TypeAlias = tuple[str | int, ...]
"""Where a value sits in a document: ``("events", 3, "sources", 0, "published")``."""

EVENT_FIELDS = (
    "id",
    "title",
    "when",
    "end",
    "status",
    "kind",
    "actors",
    "tags",
    "location",
    "description",
    "related",
    "sources",
    "claims",
    "target",
    "observations",
)
SOURCE_FIELDS = ("title", "publisher", "url", "published", "quote")
CLAIM_FIELDS = ("stated", "when", "status", "source", "note")
OBSERVATION_FIELDS = ("when", "value", "source", "note")
TARGET_FIELDS = ("metric", "goal", "deadline", "baseline")
DOCUMENT_FIELDS = ("name", "description", "fiscal_years", "events")


def dotted(path: Sequence[str | int], *, leading: bool = False) -> str:
    """A path as people read it: ``sources[0].published``.

    >>> dotted(("sources", 0, "published"))
    'sources[0].published'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out or leading else part
    return out


def _event_label(path: Path) -> str:
    # Problems inside an event are named relative to it (the line says which event).
    return dotted(path[2:] if path[:1] == ("events",) and len(path) > 1 else path)


@attrs.frozen
class Locations:
    """Where the fields of one document came from: a file and the line of each path.

    >>> Locations("a.yaml", {("events", 0): 3}).line(("events", 0, "when"))
    3
    """

    file: str | None
    lines: Mapping[Path, int] = attrs.field(factory=dict)
    label: Callable[[Path], str] = _event_label

    def line(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None

    def problem(self, path: Path, message: str) -> DataFileProblem:
        """A problem about the value at ``path``, placed in the file."""
        return DataFileProblem(
            message, file=self.file, line=self.line(path), field=self.label(path) or None
        )


MAX_PROBLEMS = 1_000
"""Reading stops at the row after this many problems, and says so (a problem on every row)."""

STOPPED = (
    f"stopped after {MAX_PROBLEMS:,} problems; fix these (they may share a cause) and load "
    "the file again for the rest"
)
"""The last problem when reading stopped at `MAX_PROBLEMS`; its line is where it stopped."""


def capped(
    problems: Iterable[DataFileProblem], file: str | None, stopped_at: int | None = None
) -> list[DataFileProblem]:
    """Problems in line order: at most `MAX_PROBLEMS`, then one saying where reading stopped.

    ``stopped_at`` is the line a reader stopped at on its own; a `STOPPED` problem
    among ``problems`` (a reader that stopped) counts the same. Problems after the
    earliest stop are left out (the ones there were found by another reader, and
    the stopped one's would be missing), and only that stop is said.

    >>> many = [DataFileProblem("bad", file="t.csv", line=n) for n in range(2, 2000)]
    >>> out = capped(many, "t.csv")
    >>> len(out), str(out[-1])[:29]
    (1001, 't.csv:1002: stopped after 1,0')
    >>> len(capped(many[:5], "t.csv"))
    5
    """
    stops = [] if stopped_at is None else [stopped_at]
    kept: list[DataFileProblem] = []
    for problem in problems:
        if problem.message == STOPPED:
            stops.append(problem.line or 0)
        else:
            kept.append(problem)
    kept.sort(key=lambda p: p.line or 0)
    stop = min(stops, default=None)
    if stop is not None:
        kept = [p for p in kept if (p.line or 0) <= stop]
    if len(kept) > MAX_PROBLEMS:
        stop, kept = kept[MAX_PROBLEMS].line, kept[:MAX_PROBLEMS]
    if stop is not None:
        kept.append(DataFileProblem(STOPPED, file=file, line=stop))
    return kept


# -- writing ------------------------------------------------------------------


def _put(record: dict[str, Any], key: str, value: Any) -> None:
    # Empty and absent values are left out, so files show only what was said.
    if value is None or value == () or value == [] or value == "":
        return
    record[key] = value


def source_to_record(source: Source) -> dict[str, Any]:
    """A `Source` as a record.

    >>> source_to_record(Source("Report", published="2026-03"))
    {'title': 'Report', 'published': 'March 2026'}
    """
    record: dict[str, Any] = {"title": source.title}
    _put(record, "publisher", source.publisher)
    _put(record, "url", source.url)
    _put(record, "published", _text(source.published))
    _put(record, "quote", source.quote)
    return record


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def claim_to_record(claim: Claim) -> dict[str, Any]:
    """A `Claim` as a record."""
    record: dict[str, Any] = {"stated": str(claim.stated)}
    _put(record, "when", _text(claim.when))
    _put(record, "status", None if claim.status is None else claim.status.value)
    _put(record, "source", None if claim.source is None else source_to_record(claim.source))
    _put(record, "note", claim.note)
    return record


def observation_to_record(observation: Observation) -> dict[str, Any]:
    """An `Observation` as a record: its date and figure as text.

    >>> observation_to_record(Observation("2026-03", "over $300 million"))
    {'when': 'March 2026', 'value': 'over $300 million'}
    """
    record: dict[str, Any] = {"when": str(observation.when), "value": str(observation.value)}
    source = observation.source
    _put(record, "source", None if source is None else source_to_record(source))
    _put(record, "note", observation.note)
    return record


def target_to_record(target: Target) -> dict[str, Any]:
    """A `Target` as a record: metric, goal and deadline as text, and its baseline.

    >>> target_to_record(Target("AI-plus enterprises", "10,000 enterprises", "by 2030"))
    {'metric': 'AI-plus enterprises', 'goal': '10,000 enterprises', 'deadline': 'by end of 2030'}
    """
    record: dict[str, Any] = {
        "metric": target.metric,
        "goal": str(target.goal),
        "deadline": str(target.deadline),
    }
    baseline = target.baseline
    _put(record, "baseline", None if baseline is None else observation_to_record(baseline))
    return record


def event_to_record(event: Event) -> dict[str, Any]:
    """An event as a record: its initial statement, claims and figures as text.

    >>> event_to_record(Event(title="V4 release", when="2026-04"))
    {'id': 'v4-release', 'title': 'V4 release', 'when': 'April 2026', 'status': 'expected'}
    """
    record: dict[str, Any] = {"id": event.id, "title": event.title}
    record["when"] = str(event.initial_when)
    _put(record, "end", _text(event.end))
    record["status"] = event.initial_status.value
    _put(record, "kind", event.kind)
    _put(record, "actors", list(event.actors))
    _put(record, "tags", list(event.tags))
    _put(record, "location", event.location)
    _put(record, "description", event.description)
    _put(record, "related", list(event.related))
    _put(record, "sources", [source_to_record(s) for s in event.sources])
    _put(record, "claims", [claim_to_record(c) for c in event.claims])
    _put(record, "target", None if event.target is None else target_to_record(event.target))
    _put(record, "observations", [observation_to_record(o) for o in event.observations])
    return record


def timeline_to_document(timeline: Timeline) -> Document:
    """A timeline as a document: name, description and event records.

    A file must load again, and loading refuses ``related`` ids that name no
    event in the file; so ids pointing outside the timeline (it was filtered
    from a larger one, say) are left out of the document, with a
    `TimelineWarning` naming them.

    >>> timeline_to_document(Timeline(name="Demo"))
    {'name': 'Demo', 'events': []}
    """
    document: Document = {}
    _put(document, "name", timeline.name)
    _put(document, "description", timeline.description)
    if timeline.fiscal_years:  # actor: the month its fiscal year starts
        document["fiscal_years"] = {
            actor: MONTH_NAMES[month - 1] for actor, month in timeline.fiscal_years.items()
        }
    records = [event_to_record(e) for e in timeline]
    _drop_outside_related(records)
    document["events"] = records
    return document


def _drop_outside_related(records: list[dict[str, Any]]) -> None:
    ids = {record["id"] for record in records}
    dropped: list[tuple[str, str]] = []
    for record in records:
        related = record.get("related")
        if not related or all(r in ids for r in related):
            continue
        dropped += [(record["id"], r) for r in related if r not in ids]
        kept = [r for r in related if r in ids]
        if kept:
            record["related"] = kept
        else:
            del record["related"]
    if dropped:
        shown = ", ".join(
            f"{quoted(other)} (related to {quoted(id)})" for id, other in dropped[:10]
        )
        more = f" and {len(dropped) - 10} more" if len(dropped) > 10 else ""
        warn_user(
            f"left {len(dropped)} related id(s) out of the file because they name no event "
            f"in it, and the file would not load with them: {shown}{more}; "
            "save a timeline that holds those events to keep them"
        )
