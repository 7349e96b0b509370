"""An Arrow table back into a timeline: `from_arrow`.

The record columns (``initial_when``, ``initial_status``, the nested sources,
claims, target and observations, and the plain fields) are read; the query
columns are derived data and ignored. A row with claims replays them from
``initial_when`` and ``initial_status``; a row without claims is the event as it
is now, read from ``when`` and ``status`` (a SQL projection that drops ``claims``
keeps the current dates). A table made elsewhere (DuckDB, Spark, Polars, a
hand-made one) needs only ``title`` and ``when``; a missing status is "expected".

Tables are input from strangers: every row is checked as a data file's record
is, and every problem is reported at once (``rows[3].when: ...``) in a
`DataFileError`. Tables are read fast: each distinct date text is parsed once;
a table whose text columns pass whole-column checks and whose rows all read
(dates, status, an end not before its start) is built column by column, its ids
checked unique with one set and its order checked in Arrow (so a table in
timeline order, as `to_arrow` writes it, is not sorted again); otherwise a row
without nested values is built straight from its checked fields, and any row
that needs more (nested values, or a value to clean or report) goes through the
same reader as YAML and JSON files. A property test checks that every path
gives what the records give.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from itertools import compress, repeat
from typing import TYPE_CHECKING, Any

from timeline._bulk import paused_gc
from timeline._errors import DataFileError, TimelineError, quoted, warn_user
from timeline.columnar._args import ArgumentTypeError, shown
from timeline.columnar._columns import (
    _NAMES,
    _PLAIN,
    _clean_ids,
    _clean_texts,
    _column,
    _Decoded,
    _decoded,
    _name_tuples,
    _names,
    _nested_rows,
    lookalike_columns,
    not_utf_8,
    plain_text,
    record_columns,
    stated,
)
from timeline.columnar._deferred import _plain_events, heads_of, rows_in_order, table_rows
from timeline.columnar._deps import require
from timeline.columnar._metadata import (
    DESCRIPTION_KEY,
    NAME_KEY,
    fiscal_years_of,
    metadata_text,
)
from timeline.columnar._typed_dates import dates_as_text, past_the_calendar
from timeline.dates._bounds import _cmp
from timeline.dates._when import When
from timeline.model._claim import Status
from timeline.model._event import Event, _set_fields, slugify
from timeline.model._event_fields import _ID
from timeline.model._order import _InOrder, tie_ranks
from timeline.model._timeline import Timeline
from timeline.records._schema import MAX_PROBLEMS, STOPPED, Locations, dotted
from timeline.records._schema_read import _Reader

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["from_arrow"]

_STATUS = {s.value: s for s in Status}


def _parse(text: Any) -> When | None:
    """A date text as a `When`, or ``None`` for the reader to report (with its row)."""
    try:
        return When.parse(text)
    except (TimelineError, ValueError):
        return None


def _clean(value: Any) -> Any:
    """Nested values as a record: empty fields left out, a claim's derived ``day`` dropped."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None and k != "day"}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _text_ok(value: Any) -> bool:
    return value is None or (type(value) is str and value != "" and value == value.strip())


def _names_ok(values: Any) -> bool:
    if values is None:
        return True
    if type(values) is not list:
        return False
    return all(type(v) is str and v != "" and v == v.strip() for v in values)


def _plain_event(
    title: str,
    id: str | None,
    start: When,
    stop: When | None,
    status: Status,
    kind: str | None,
    actors: tuple[str, ...],
    tags: tuple[str, ...],
    location: str | None,
    description: str | None,
    related: tuple[str, ...],
) -> Event:
    """An event with no sources, claims or figures, from values already checked as the
    constructor would check them: built without running the constructor (the fast path)."""
    event = object.__new__(Event)
    _set_fields(
        event, title, start, slugify(title) if id is None else id, stop, status, kind, actors,
        tags, location, description, (), (), related, None, (),
    )  # fmt: skip
    return event


def from_arrow(
    table: pa.Table | pa.RecordBatch | Any,
    *,
    name: str | None = None,
    description: str | None = None,
    fiscal_years: Mapping[str, int | str] | None = None,
) -> Timeline:
    """The timeline an Arrow table holds; `to_arrow`'s inverse.

    Anything that exports an Arrow stream (a DuckDB relation, a Polars frame)
    is read as its table. ``name``, ``description`` and ``fiscal_years`` default to those in
    the table's metadata.
    Raises `DataFileError` listing every problem, by row.

    >>> import pyarrow as pa
    >>> tl = from_arrow(pa.table({"title": ["V4 release"], "when": ["2026-04"]}))
    >>> tl["v4-release"].when
    When.parse('April 2026')
    """
    pa = require("pyarrow")

    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    elif not isinstance(table, pa.Table) and hasattr(table, "__arrow_c_stream__"):
        table = pa.table(table)  # a DuckDB relation, a Polars frame, a RecordBatchReader ...
    if not isinstance(table, pa.Table):
        fix = "; to read a Timeline's columns, give tl.to_arrow()" * isinstance(table, Timeline)
        raise ArgumentTypeError(
            f"from_arrow: expected a pyarrow Table (or anything Arrow reads: a RecordBatch, a "
            f"DuckDB relation, a Polars frame), got {shown(table)}{fix}"
        )
    warn_lookalikes(table.column_names, None)
    metadata = table.schema.metadata or {}
    if name is None:
        name = metadata_text(metadata, NAME_KEY)
    if description is None:
        description = metadata_text(metadata, DESCRIPTION_KEY)
    if fiscal_years is None:
        fiscal_years = fiscal_years_of(metadata)
    # A bulk build makes a million objects that are never cyclic garbage: the
    # collector's passes over them would cost more than the build itself.
    with paused_gc():
        return _build(table, name, description, fiscal_years)


def warn_lookalikes(names: list[str], file: str | None) -> None:
    """A `TimelineWarning` for each column one slip from one `from_arrow` reads (not read)."""
    for given, meant in lookalike_columns(names):
        place = f"{file}: " if file else ""
        warn_user(
            f"{place}the table's column {quoted(given)} is not read: did you mean {quoted(meant)}? "
            f"rename it (in SQL: SELECT {given} AS {meant})"
        )


def _build(
    table: pa.Table,
    name: str | None,
    description: str | None,
    fiscal_years: Mapping[str, int | str] | None,
) -> Timeline:
    where = Locations(None, label=lambda p: dotted(("rows", *p[1:])))
    reader = _Reader(where)
    names = table.column_names
    for twice in sorted({n for n in record_columns(names) if names.count(n) > 1}):
        reader.fail(
            (),
            f"the table's column {quoted(twice)} appears {names.count(twice)} times; rename or "
            'drop all but one (in SQL, give the others another name: SELECT ... AS "other")',
        )
    if reader.problems:
        raise DataFileError(reader.problems)
    for path, message in not_utf_8(table, MAX_PROBLEMS):  # before any value is read
        reader.fail(("rows", *path), message)
    for column in past_the_calendar(table):
        reader.fail(
            (),
            f"the table's column {quoted(column)} holds a date outside years 1..9999, which no "
            "calendar day is; fix or drop those values (or the column) before loading",
        )
    if reader.problems:
        raise DataFileError(reader.problems)
    table = dates_as_text(table)  # date and timestamp columns from SQL, as ISO text
    table = plain_text(table)  # string_view, dictionaries, list views: as string, list
    rows = table_rows(table)
    if rows is not None:  # every row checked whole: events are made when used
        return Timeline(rows, name=name, description=description, fiscal_years=fiscal_years)
    n = table.num_rows
    titles = _column(table, "title")
    dates = _decoded(stated(table, "initial_when", "when"), _parse)
    whens, starts = dates.texts, dates.values
    has_when = "initial_when" in table.column_names or "when" in table.column_names
    if titles is None or not has_when:
        missing = "title" if titles is None else "when"
        like = [given for given, meant in lookalike_columns(table.column_names) if meant == missing]
        hint = f" (it has {quoted(like[0])}: rename it to {quoted(missing)})" if like else ""
        reader.fail(
            (),
            f"the table has no {quoted(missing)} column; give every row a title and a when{hint}",
        )
        raise DataFileError(reader.problems)
    none: list[Any] = [None] * n
    ids = _column(table, "id") or none
    end_column = table.column("end") if "end" in table.column_names else None
    ends, stops = _decoded(end_column, _parse)[:2]
    ends, stops = ends or none, stops or none
    statuses, known = _decoded(stated(table, "initial_status", "status"), _STATUS.get)[:2]
    statuses = statuses or none
    known = known or [Status.EXPECTED] * n
    plain = [_column(table, k) or none for k in _PLAIN]
    nested = _nested_rows(table)

    # Columns checked whole (vectorised) need no check per row.
    clean_titles = _clean_texts(table, "title", nulls=False)
    clean_ids = "id" not in table.column_names or _clean_ids(table.column("id"))
    clean_plain = all(_clean_texts(table, k) for k in _PLAIN)
    clean_names = all(_clean_texts(table, k, lists=True) for k in _NAMES)
    # The name columns as shared tuples, built column-wise when checked whole.
    actors, tags, related = (_name_tuples(table, k) if clean_names else none for k in _NAMES)
    kinds, locations, descriptions = plain
    clean = clean_titles and clean_ids and clean_plain and clean_names
    if clean and not nested:
        # Every text column checked whole: if every row's dates and status read too,
        # the events are built column-wise, and the order checked in Arrow.
        statuses_known = _fast_statuses(starts, ends, stops, statuses, known)
        if statuses_known is not None:
            if "id" not in table.column_names or any(map(operator.is_, ids, repeat(None))):
                ids = [slugify(t) if i is None else i for t, i in zip(titles, ids, strict=True)]
            built = _plain_events(
                titles, starts, ids, stops, statuses_known,
                kinds, actors, tags, locations, descriptions, related,
            )  # fmt: skip
            if len(set(ids)) != n:  # (hashing ids now serves the timeline's lookups too)
                _unique(list(enumerate(built)), reader)  # names the rows
                raise DataFileError(reader.problems)
            ordered = _in_order(dates, _id_bytes(table, ids), built)
            if ordered is not None:
                return Timeline(_InOrder(ordered), name=name, description=description,
                                fiscal_years=fiscal_years)  # fmt: skip
            return Timeline(built, name=name, description=description, fiscal_years=fiscal_years)
    names = [_column(table, k) or none for k in _NAMES]
    events: list[tuple[int, Event]] = []
    for i in range(n):
        if clean:
            # Every text column checked whole: only the dates and nesting decide the path.
            start, stop, status_text = starts[i], stops[i], statuses[i]
            status = Status.EXPECTED if status_text is None else known[i]
            if (
                start is not None
                and status is not None
                and (stop is not None or ends[i] is None)
                and i not in nested
                and (
                    stop is None
                    or stop.latest is None
                    or start.earliest is None
                    or _cmp(stop.latest, start.earliest) >= 0
                )
            ):
                event = _plain_event(
                    titles[i], ids[i], start, stop, status, kinds[i],
                    actors[i], tags[i], locations[i], descriptions[i], related[i],
                )  # fmt: skip
                events.append((i, event))
                continue
        title, id, status_text = titles[i], ids[i], statuses[i]
        start, end_text, stop = starts[i], ends[i], stops[i]
        status = Status.EXPECTED if status_text is None else known[i]
        fast = (
            start is not None
            and status is not None
            and (end_text is None or stop is not None)
            and i not in nested
            and (clean_titles or (type(title) is str and title != "" and title == title.strip()))
            and (clean_ids or id is None or (type(id) is str and _ID.fullmatch(id) is not None))
            and (clean_plain or all(_text_ok(column[i]) for column in plain))
            and (clean_names or all(_names_ok(column[i]) for column in names))
        )
        if fast and stop is not None and start is not None:
            stop_at, start_at = stop.latest, start.earliest
            fast = stop_at is None or start_at is None or _cmp(stop_at, start_at) >= 0
        if fast and start is not None and status is not None:
            event = _plain_event(
                title, id, start, stop, status, plain[0][i],
                _names(names[0][i]), _names(names[1][i]), plain[1][i], plain[2][i],
                _names(names[2][i]),
            )  # fmt: skip
            events.append((i, event))
            continue
        if len(reader.problems) >= MAX_PROBLEMS:
            reader.fail(("events", i), STOPPED)
            raise DataFileError(reader.problems)
        record: dict[str, Any] = {
            "id": id,
            "title": title,
            "when": whens[i],
            "end": end_text,
            "status": status_text,
            **{k: column[i] for k, column in zip(_PLAIN, plain, strict=True)},
            **{k: column[i] for k, column in zip(_NAMES, names, strict=True)},
            **_clean(nested.get(i, {})),
        }
        slow = reader.event({k: v for k, v in record.items() if v is not None}, ("events", i))
        if slow is not None:
            events.append((i, slow))
    _unique(events, reader)
    if reader.problems:
        raise DataFileError(reader.problems)
    # In the order `to_arrow` wrote them, the sort finds one run: little to do.
    built = [e for _, e in events]
    return Timeline(built, name=name, description=description, fiscal_years=fiscal_years)


def _fast_statuses(
    starts: list[When | None],
    ends: list[str | None],
    stops: list[When | None],
    statuses: list[str | None],
    known: list[Status | None],
) -> list[Status] | None:
    """Each row's status if every row reads plainly (its dates parse, its status is
    known, its end is not before its start), else ``None``: rows then go one by one."""
    if any(map(operator.is_, starts, repeat(None))):
        return None
    if any(map(operator.is_, statuses, repeat(None))):  # no status: "expected"
        known = [Status.EXPECTED if t is None else k for t, k in zip(statuses, known, strict=True)]
    if any(map(operator.is_, known, repeat(None))):
        return None
    for i in compress(range(len(ends)), map(operator.is_not, ends, repeat(None))):
        start, stop = starts[i], stops[i]
        if stop is None or start is None:
            return None
        stop_at, start_at = stop.latest, start.earliest
        if stop_at is not None and start_at is not None and _cmp(stop_at, start_at) < 0:
            return None
    return known  # type: ignore[return-value]  # no None left


def _id_bytes(table: pa.Table, ids: list[str]) -> pa.Array:
    """The ids as an Arrow binary array (UTF-8), from the table's column when it has them all."""
    pa = require("pyarrow")
    if "id" in table.column_names and table.column("id").null_count == 0:
        return table.column("id").combine_chunks().cast(pa.binary())
    return pa.array(ids, pa.string()).cast(pa.binary())


def _in_order(dates: _Decoded, ids: pa.Array, events: list[Event]) -> list[Event] | None:
    """The events (unique ids) in timeline order if the rows are in it, as `to_arrow`
    writes them; else ``None``. Checked in Arrow (`rows_in_order`) on the head of each
    date's sort key and, where heads tie while the dates' keys differ, its rank among
    them; then the id."""
    pa = require("pyarrow")
    if len(events) < 2:
        return events
    if dates.encoded is None or dates.distinct is None:
        return None
    ranks = tie_ranks(dates.distinct)
    firsts, lasts, qualified, rank = heads_of(dates.distinct)
    head = (
        pa.array(firsts, pa.int64()),
        pa.array(lasts, pa.int64()),
        pa.array(qualified, pa.bool_()),
        pa.array(rank, pa.int64()),
        pa.array([ranks.get(id(w), 0) for w in dates.distinct], pa.int32()),
    )
    return events if rows_in_order(head, dates.encoded.indices, ids) else None


def _unique(events: list[tuple[int, Event]], reader: _Reader) -> None:
    if len({event.id for _, event in events}) == len(events):
        return  # the usual case, checked at C speed
    first: dict[str, int] = {}
    for i, event in events:
        other = first.setdefault(event.id, i)
        if other != i:
            reader.fail(
                ("events", i, "id"),
                f"{quoted(event.id)} is already the id of row {other}; ids must be unique",
            )
