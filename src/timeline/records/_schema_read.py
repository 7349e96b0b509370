"""Reading the shared dict schema: records into events, every problem collected.

The counterpart of `timeline.records._schema` (which defines the schema and writes
it). Converting records checks *everything* before giving up: each problem is
recorded with the path of the field it is about, and the format module's
`Locations` turns that path into a file line and a field name the person
recognises ("events.yaml:14: when: 'Aprill 2026' is not a date; did you mean
'April 2026'?"). If there is any problem, `DataFileError` lists them all and no
timeline is returned. Besides each value, the file as a whole is checked: ids
are unique, and every ``related:`` id names an event in the same file (a near
miss gets a did-you-mean).

Values already of the model's types (a `When`, `Status`, `Source`, `Quantity`
...) are accepted as they are, so `Timeline.from_records` serves Python callers
as well as files. Reading single fields (text, lists, dates, a status) is
`timeline.records._schema_fields`; the values built from them and the checks
across the file are here.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from timeline._errors import DataFileError, DataFileProblem, quoted
from timeline.figures._growth import Observation
from timeline.figures._quantity import Quantity
from timeline.figures._source import Source
from timeline.figures._target import Target
from timeline.model._claim import Claim, Status, yearless_reading
from timeline.model._event import Event, slugify
from timeline.model._text import name_key
from timeline.model._timeline import Timeline
from timeline.records._schema import (
    CLAIM_FIELDS,
    DOCUMENT_FIELDS,
    EVENT_FIELDS,
    MAX_PROBLEMS,
    OBSERVATION_FIELDS,
    SOURCE_FIELDS,
    STOPPED,
    TARGET_FIELDS,
    Locations,
    Path,
    dotted,
)
from timeline.records._schema_fields import _FieldReader, _show

__all__ = [
    "document_to_timeline",
    "record_to_observation",
    "record_to_target",
    "records_to_timeline",
]

_T = TypeVar("_T")


def document_to_timeline(document: Any, where: Locations) -> Timeline:
    """Build a timeline from a document, or raise `DataFileError` listing every problem.

    >>> tl = document_to_timeline({"name": "Demo", "events": [{"title": "A", "when": "2026"}]},
    ...                           Locations(None))
    >>> tl.name, len(tl)
    ('Demo', 1)
    """
    reader = _Reader(where)
    if not isinstance(document, Mapping):
        reader.fail((), "the file must be a mapping with an 'events:' list")
        raise DataFileError(reader.problems)
    reader.unknown(document, (), DOCUMENT_FIELDS)
    name = reader.whole(reader.text(document, "name", ()), ("name",))
    description = reader.whole(reader.text(document, "description", ()), ("description",))
    reader.fiscal_years(document.get("fiscal_years"), ("fiscal_years",))
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
    fiscal_years: Mapping[str, int | str] | None = None,
) -> Timeline:
    """Build a timeline from event records; raise `DataFileError` listing every problem.

    ``fiscal_years`` maps an actor to the month its fiscal year starts: an
    event's fiscal phrases ("FY2025") resolve with its first actor's.

    >>> len(records_to_timeline([{"title": "A", "when": "2026"}]))
    1
    """

    # With no file lines to point at, problems name the record: records[3].when
    # (and the argument otherwise: fiscal_years.Microsoft).
    def label(path: Path) -> str:
        return dotted(("records", *path[1:]) if path[:1] == ("events",) else path)

    reader = _Reader(Locations(file, label=label))
    reader.fiscal_years(fiscal_years, ("fiscal_years",))
    # Text and a mapping iterate (as characters, as keys) but are one value, not records.
    listed = None if isinstance(rows, (str, bytes, Mapping)) else _listed(rows)
    if listed is None:
        kind = "a mapping" if isinstance(rows, Mapping) else quoted(rows)[:60]
        fix = "give a list of records, one mapping of fields per event"
        reader.fail(("records",), f"{kind} is not a list of records; {fix}")
        listed = []
    return reader.timeline(listed, ("events",), name, description)


def _listed(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]] | None:
    """``rows`` as a list, or None for a value that is no iterable (``None``, a number)."""
    try:
        return list(rows)
    except TypeError:
        if hasattr(rows, "__iter__"):
            raise  # an iterable failing inside: its own error, not a wrong argument
        return None


def record_to_target(record: Any, *, label: str = "target") -> Target:
    """A `Target` from its record, or `DataFileError` naming what is wrong.

    >>> str(record_to_target({"metric": "ARR", "goal": "$600 million", "deadline": "2026"}).goal)
    '$600 million'
    """
    reader = _Reader(Locations(None, label=lambda p: dotted((label, *p))))
    target = reader.target(record, ())
    if target is None or reader.problems:
        raise DataFileError(reader.problems)
    return target


def record_to_observation(record: Any, *, label: str = "observation") -> Observation:
    """An `Observation` from its record, or `DataFileError` naming what is wrong.

    >>> str(record_to_observation({"when": "2026-03", "value": "over $300 million"}).value)
    'over $300 million'
    """
    reader = _Reader(Locations(None, label=lambda p: dotted((label, *p))))
    observation = reader.observation(record, ())
    if observation is None or reader.problems:
        raise DataFileError(reader.problems)
    return observation


class _Reader(_FieldReader):
    """Converts records to model values, collecting problems instead of stopping."""

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
        status = self.status(record, "status", path)
        # "January" said in December: read by the status said with it, as `Claim` reads it.
        when = self.when(record, "when", path, stated, yearless_reading(status))
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
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            # A bare number, as JSON or a spreadsheet may give it ("1e+21" reads as one).
            try:
                value = repr(value) if isinstance(value, float) else str(value)
            except ValueError:  # a whole number too long to write out
                message = f"{quoted(value)} is not a figure; no figure needs that many digits"
                self.fail((*path, key), message)
                return None
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
                self.fail((*path, key) if key in record else path, f"missing {quoted(key)}")
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
                self.fail((*path, key) if key in record else path, f"missing {quoted(key)}")
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
        actors = record.get("actors")
        first = actors[0] if isinstance(actors, list) and actors else actors
        known = self.fiscal.get(name_key(first)) if isinstance(first, str) else None
        self.fiscal_now = None if known is None else known[1]
        sources = self.items(record, "sources", path, self.source)
        # Relative dates ("April") resolve against the first source's date, as in Event.
        reference = sources[0].published if sources else None
        if record.get("when") is None:
            self.fail((*path, "when") if "when" in record else path, "missing 'when'")
        status = self.status(record, "status", path)
        # "January" said in December: read by the status said with it, as `Event` reads it.
        reading = yearless_reading(Status.EXPECTED if status is None else status)
        when = self.when(record, "when", path, reference, reading)
        end = self.when(record, "end", path, reference, reading)
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
        stopped = False
        for i, row in enumerate(rows):
            here: Path = (*path, i)
            if len(self.problems) >= MAX_PROBLEMS:
                # A problem on every row of a large file: each costs a diagnosis, and a
                # million of them would take minutes to find and megabytes to show.
                self.fail(here, STOPPED)
                stopped = True
                break
            event = self.event(row, here)
            # Duplicates are found from the id the row asks for, even when the
            # row has other problems, so one run reports them all.
            spelled, id = _intended_id(row, event)
            if id is None:
                continue
            if id in first:
                other = self.where.line(first[id])
                where = f"line {other}" if other is not None else f"record {first[id][-1]}"
                if other is not None and other == self.where.line((*here, spelled)):
                    where += f" ({dotted(first[id])})"  # one line (minified JSON): which event
                self.fail(
                    (*here, spelled),
                    f"{quoted(id)} is already the id of the event on {where}; ids must be unique"
                    + ("" if spelled == "id" else " (give one of them an 'id:')"),
                )
                continue
            first[id] = here
            if event is not None:
                events.append(event)
        if not stopped:
            self.related(rows, path, first)
        if self.problems:
            self.problems.sort(key=lambda p: p.line if p.line is not None else 0)
            raise DataFileError(self.problems)
        fiscal_years = dict(self.fiscal.values())
        return Timeline(events, name=name, description=description, fiscal_years=fiscal_years)

    def related(self, rows: list[Any], path: Path, ids: Mapping[str, Path]) -> None:
        """Flag ``related:`` ids that name no event in the file, suggesting the closest id.

        ``ids`` holds the id every row asks for, even rows with other problems,
        so a mistake in one event does not make references to it look dangling.
        """
        known = list(ids)
        suggested = 0
        whole = "this file" if self.where.file is not None else "these records"
        for i, row in enumerate(rows):
            for j, name in _related_ids(row):
                if name in ids:
                    continue
                message = f"{quoted(name)} is not the id of any event in {whole}"
                close = _closest(name, ids, known) if suggested < _MAX_SUGGESTIONS else None
                suggested += 1
                if close is not None:
                    message += f"; did you mean {quoted(close)}?"
                else:
                    message += "; use the id of one of its events, or remove it from related"
                field = (*path, i, "related")
                if len(self.problems) >= MAX_PROBLEMS:
                    self.fail((*field, j), STOPPED)
                    return
                self.problems.append(
                    DataFileProblem(
                        message,
                        file=self.where.file,
                        line=self.where.line((*field, j)),
                        field=self.where.label(field) or None,
                    )
                )


# Did-you-mean lookups per load: each scans every id, so a file with thousands of
# dangling ids (a filtered subset, say) still reports them all in good time.
_MAX_SUGGESTIONS = 200


def _closest(name: str, ids: Mapping[str, Path], known: list[str]) -> str | None:
    """The id ``name`` most likely means: a title given instead of its id, or a near spelling."""
    slug = slugify(name)
    if slug in ids:
        return slug
    close = difflib.get_close_matches(name, known, n=1)
    return close[0] if close else None


def _related_ids(row: Any) -> list[tuple[int, str]]:
    """A row's related ids with their positions (items that are not text are reported apart)."""
    if isinstance(row, Event):
        return list(enumerate(row.related))
    value = row.get("related") if isinstance(row, Mapping) else None
    if isinstance(value, str):
        # One id, as the event takes it (`related: b`); several in one text are refused.
        one = "," not in value and ";" not in value and value.strip()
        return [(0, value.strip())] if one else []
    if not isinstance(value, Sequence):
        return []
    return [
        (j, item.strip()) for j, item in enumerate(value) if isinstance(item, str) and item.strip()
    ]


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
