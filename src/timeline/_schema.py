"""The one dict schema every data-file format shares.

A *document* is a plain mapping: optional ``name`` and ``description`` and an
``events`` list of *records*, each a mapping of text, lists of text and nested
mappings (sources, claims, target, observations). YAML and JSON files hold
exactly this; CSV flattens it (see `timeline._io_csv`). `Timeline.to_records`
and `Timeline.from_records` expose the records directly.

Converting records into events checks *everything* before giving up: each
problem is collected with the path of the field it is about, and the format
module's `Locations` turns that path into a file line and a field name the
person recognises. If there is any problem, `DataFileError` lists them all and
no timeline is returned.

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

import difflib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeAlias, TypeVar

import attrs

from timeline._errors import DataFileError, DataFileProblem
from timeline._event import Claim, Event, Source, Status, slugify, to_day
from timeline._growth import Observation
from timeline._quantity import Quantity
from timeline._target import Target
from timeline._timeline import Timeline
from timeline._when import When

__all__ = [
    "Document",
    "Locations",
    "Path",
    "document_to_timeline",
    "dotted",
    "event_to_record",
    "records_to_timeline",
    "timeline_to_document",
]

Document: TypeAlias = dict[str, Any]
"""A data file's content: ``{"name": ..., "description": ..., "events": [...]}``."""

_T = TypeVar("_T")

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
DOCUMENT_FIELDS = ("name", "description", "events")


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

    >>> timeline_to_document(Timeline(name="Demo"))
    {'name': 'Demo', 'events': []}
    """
    document: Document = {}
    _put(document, "name", timeline.name)
    _put(document, "description", timeline.description)
    document["events"] = [event_to_record(e) for e in timeline]
    return document


# -- reading ------------------------------------------------------------------


def document_to_timeline(document: Any, where: Locations) -> Timeline:
    """Build a timeline from a document, or raise `DataFileError` listing every problem.

    >>> document_to_timeline({"events": [{"title": "A", "when": "2026"}]}, Locations(None)).name
    """
    reader = _Reader(where)
    if not isinstance(document, Mapping):
        reader.fail((), "the file must be a mapping with an 'events:' list")
        raise DataFileError(reader.problems)
    reader.unknown(document, (), DOCUMENT_FIELDS)
    name = reader.text(document, "name", ())
    description = reader.text(document, "description", ())
    rows = document.get("events")
    if rows is None:
        reader.fail((), "missing 'events:' (a list of events; it may be empty: 'events: []')")
        rows = []
    elif not isinstance(rows, list):
        reader.fail(("events",), "must be a list of events")
        rows = []
    return reader.timeline(rows, ("events",), name, description)


def records_to_timeline(
    rows: Iterable[Mapping[str, Any]],
    *,
    name: str | None = None,
    description: str | None = None,
    file: str | None = None,
) -> Timeline:
    """Build a timeline from event records; raise `DataFileError` listing every problem.

    >>> len(records_to_timeline([{"title": "A", "when": "2026"}]))
    1
    """
    # With no file lines to point at, problems name the record: records[3].when.
    reader = _Reader(Locations(file, label=lambda p: dotted(("records", *p[1:]))))
    return reader.timeline(list(rows), ("events",), name, description)


class _Reader:
    """Converts records to model values, collecting problems instead of stopping."""

    def __init__(self, where: Locations) -> None:
        self.where = where
        self.problems: list[DataFileProblem] = []

    def fail(self, path: Path, message: str) -> None:
        self.problems.append(self.where.problem(path, message))

    def unknown(self, record: Mapping[str, Any], path: Path, fields: Sequence[str]) -> None:
        for key in record:
            if key not in fields:
                close = difflib.get_close_matches(str(key), fields, n=1)
                fix = f"did you mean {close[0]!r}?" if close else f"fields are {', '.join(fields)}"
                self.fail((*path, str(key)), f"unknown field; {fix}")

    def mapping(self, value: Any, path: Path) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.fail(path, f"must be a mapping of fields, not {_show(value)}")
        return None

    def text(self, record: Mapping[str, Any], key: str, path: Path) -> str | None:
        value = record.get(key)
        if value is None:
            return None
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, str):
            self.fail((*path, key), "is empty; leave the field out instead")
        else:
            self.fail((*path, key), f"must be text, not {_show(value)}")
        return None

    def required(self, record: Mapping[str, Any], key: str, path: Path) -> str | None:
        if record.get(key) is None:
            self.fail((*path, key) if key in record else path, f"missing {key!r}")
            return None
        return self.text(record, key, path)

    def texts(self, record: Mapping[str, Any], key: str, path: Path) -> tuple[str, ...]:
        value = record.get(key)
        if value is None:
            return ()
        if isinstance(value, str) or not isinstance(value, Sequence):
            example = f"[{value}]" if isinstance(value, str) else "[A, B]"
            self.fail((*path, key), f"must be a list, e.g. {example}")
            return ()
        items: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                items.append(item)
            else:
                self.fail((*path, key, i), f"must be non-empty text, not {_show(item)}")
        return tuple(items)

    def when(
        self, record: Mapping[str, Any], key: str, path: Path, reference: When | None = None
    ) -> When | None:
        value = record.get(key)
        if value is None or isinstance(value, When):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # a bare year, as YAML or a spreadsheet may give it
        if not isinstance(value, str):
            self.fail(
                (*path, key), f"must be a date as text, e.g. 'April 2026', not {_show(value)}"
            )
            return None
        try:
            # The same reference day the model uses (a When counts from its earliest day).
            ref = None if reference is None else to_day(reference)
            return When.parse(value, reference=ref)
        except ValueError as err:  # WhenParseError: quotes the text and suggests a fix
            self.fail((*path, key), str(err))
            return None

    def status(self, record: Mapping[str, Any], key: str, path: Path) -> Status | None:
        value = record.get(key)
        if value is None or isinstance(value, Status):
            return value
        try:
            return Status(str(value).strip().lower())  # as lenient as Event itself
        except ValueError:
            choices = [s.value for s in Status]
            close = difflib.get_close_matches(str(value).lower(), choices, n=1)
            fix = f"did you mean {close[0]!r}?" if close else f"use one of {', '.join(choices)}"
            self.fail((*path, key), f"{value!r} is not a status; {fix}")
            return None

    def source(self, value: Any, path: Path) -> Source | None:
        if isinstance(value, Source):
            return value
        record = self.mapping(value, path)
        if record is None:
            return None
        self.unknown(record, path, SOURCE_FIELDS)
        title = self.required(record, "title", path)
        published = self.when(record, "published", path)
        fields = {k: self.text(record, k, path) for k in ("publisher", "url", "quote")}
        if title is None or (record.get("published") is not None and published is None):
            return None
        return self._build(Source, path, title, published=published, **fields)

    def claim(self, value: Any, path: Path) -> Claim | None:
        if isinstance(value, Claim):
            return value
        record = self.mapping(value, path)
        if record is None:
            return None
        self.unknown(record, path, CLAIM_FIELDS)
        before = len(self.problems)
        if record.get("stated") is None:
            self.fail(path, "missing 'stated' (when the source said it)")
        stated = self.when(record, "stated", path)
        when = self.when(record, "when", path, stated)
        status = self.status(record, "status", path)
        source = (
            None
            if record.get("source") is None
            else self.source(record["source"], (*path, "source"))
        )
        note = self.text(record, "note", path)
        if len(self.problems) > before or stated is None:
            return None
        return self._build(
            Claim, path, stated=stated, when=when, status=status, source=source, note=note
        )

    def quantity(self, record: Mapping[str, Any], key: str, path: Path) -> Quantity | None:
        value = record.get(key)
        if value is None or isinstance(value, Quantity):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)  # a bare number, as JSON or a spreadsheet may give it
        if not isinstance(value, str):
            self.fail(
                (*path, key), f"must be a figure as text, e.g. '$600 million', not {_show(value)}"
            )
            return None
        try:
            return Quantity.parse(value)
        except ValueError as err:  # QuantityError: quotes the text and says what is wrong
            self.fail((*path, key), str(err))
            return None

    def observation(self, value: Any, path: Path) -> Observation | None:
        if isinstance(value, Observation):
            return value
        record = self.mapping(value, path)
        if record is None:
            return None
        self.unknown(record, path, OBSERVATION_FIELDS)
        before = len(self.problems)
        for key in ("when", "value"):
            if record.get(key) is None:
                self.fail((*path, key) if key in record else path, f"missing {key!r}")
        when = self.when(record, "when", path)
        figure = self.quantity(record, "value", path)
        source = (
            None
            if record.get("source") is None
            else self.source(record["source"], (*path, "source"))
        )
        note = self.text(record, "note", path)
        if len(self.problems) > before or when is None or figure is None:
            return None
        return self._build(Observation, path, when, figure, source=source, note=note)

    def target(self, value: Any, path: Path) -> Target | None:
        if isinstance(value, Target):
            return value
        record = self.mapping(value, path)
        if record is None:
            return None
        self.unknown(record, path, TARGET_FIELDS)
        before = len(self.problems)
        metric = self.required(record, "metric", path)
        for key in ("goal", "deadline"):
            if record.get(key) is None:
                self.fail((*path, key) if key in record else path, f"missing {key!r}")
        goal = self.quantity(record, "goal", path)
        deadline = self.when(record, "deadline", path)
        raw = record.get("baseline")
        baseline = None if raw is None else self.observation(raw, (*path, "baseline"))
        if len(self.problems) > before or metric is None or goal is None or deadline is None:
            return None
        return self._build(Target, path, metric, goal, deadline, baseline=baseline)

    def items(
        self,
        record: Mapping[str, Any],
        key: str,
        path: Path,
        read: Callable[[Any, Path], _T | None],
    ) -> list[_T]:
        """A list field read item by item; bad items become problems."""
        raw = record.get(key)
        if raw is None:
            return []
        if not isinstance(raw, list | tuple):
            self.fail((*path, key), f"must be a list of {key}")
            return []
        out = [read(item, (*path, key, i)) for i, item in enumerate(raw)]
        return [item for item in out if item is not None]

    def event(self, value: Any, path: Path) -> Event | None:
        if isinstance(value, Event):
            return value
        record = self.mapping(value, path)
        if record is None:
            return None
        self.unknown(record, path, EVENT_FIELDS)
        before = len(self.problems)
        title = self.required(record, "title", path)
        sources = self.items(record, "sources", path, self.source)
        # Relative dates ("April") resolve against the first source's date, as in Event.
        reference = sources[0].published if sources else None
        if record.get("when") is None:
            self.fail((*path, "when") if "when" in record else path, "missing 'when'")
        when = self.when(record, "when", path, reference)
        end = self.when(record, "end", path, reference)
        status = self.status(record, "status", path)
        claims = self.items(record, "claims", path, self.claim)
        raw_target = record.get("target")
        target = None if raw_target is None else self.target(raw_target, (*path, "target"))
        observations = self.items(record, "observations", path, self.observation)
        fields: dict[str, Any] = {
            "id": self.text(record, "id", path),
            "kind": self.text(record, "kind", path),
            "location": self.text(record, "location", path),
            "description": self.text(record, "description", path),
            "actors": self.texts(record, "actors", path),
            "tags": self.texts(record, "tags", path),
            "related": self.texts(record, "related", path),
        }
        if len(self.problems) > before or title is None or when is None:
            return None
        return self._build(
            Event,
            path,
            title=title,
            when=when,
            end=end,
            status=status or Status.EXPECTED,
            sources=tuple(sources),
            claims=tuple(claims),
            target=target,
            observations=tuple(observations),
            **fields,
        )

    def _build(self, cls: Callable[..., _T], path: Path, *args: Any, **kwargs: Any) -> _T | None:
        # The model's own checks (an end before the start, say) become problems too.
        try:
            return cls(*args, **kwargs)
        except (ValueError, TypeError) as err:
            self.fail(path, str(err))
            return None

    def timeline(
        self, rows: list[Any], path: Path, name: str | None, description: str | None
    ) -> Timeline:
        events: list[Event] = []
        first: dict[str, Path] = {}
        for i, row in enumerate(rows):
            here: Path = (*path, i)
            event = self.event(row, here)
            # Duplicates are found from the id the row asks for, even when the
            # row has other problems, so one run reports them all.
            spelled, id = _intended_id(row, event)
            if id is None:
                continue
            if id in first:
                other = self.where.line(first[id])
                where = f"line {other}" if other is not None else f"record {first[id][-1]}"
                self.fail(
                    (*here, spelled),
                    f"{id!r} is already the id of the event on {where}; ids must be unique"
                    + ("" if spelled == "id" else " (give one of them an 'id:')"),
                )
                continue
            first[id] = here
            if event is not None:
                events.append(event)
        if self.problems:
            self.problems.sort(key=lambda p: p.line if p.line is not None else 0)
            raise DataFileError(self.problems)
        return Timeline(events, name=name, description=description)


def _intended_id(row: Any, event: Event | None) -> tuple[str, str | None]:
    """The id a row asks for, and the field it comes from (``id`` or ``title``)."""
    if event is not None:
        explicit = isinstance(row, Mapping) and row.get("id") is not None
        return ("id" if explicit else "title"), event.id
    if not isinstance(row, Mapping):
        return "id", None
    id, title = row.get("id"), row.get("title")
    if isinstance(id, str) and id.strip():
        return "id", id.strip()
    if id is None and isinstance(title, str) and title.strip():
        return "title", slugify(title.strip())
    return "id", None


def _show(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return repr(value)
