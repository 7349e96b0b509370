"""A timeline as an Arrow table: `SCHEMA` and `to_arrow`.

One row per event. Two kinds of column live side by side:

* **query columns**, typed natively so engines (DuckDB, Polars, Spark) filter
  and sort on them without timeline: the current date's canonical text,
  precision and bounds as ``date32`` days and UTC timestamps, and the event's
  *could* window (``could_start``/``could_end``, what window queries use);
* **record columns**, holding what was said as text (the initial statement,
  sources, claims, target, observations), so `from_arrow` rebuilds the
  timeline exactly: ``from_arrow(to_arrow(tl)) == tl``.

Day columns hold calendar days; ``null`` means unbounded. ``earliest`` and
``latest`` are the plain bounds (an instant's local date); ``could_start`` and
``could_end`` are the days the event could fall on under the one rule for mixed
frames (a floating day is read at every UTC offset: see `could_days`), so a
window of whole days over them gives exactly `Timeline.overlapping`'s answer.
For a date with several readings (an EDTF set, "April or June 2026", read as its
members; unspecified digits, "2026-XX-15") they are the readings' hull, and
``could_runs`` lists the runs of days within it the event could fall on
(`timeline.columnar._runs`; null for every other date): a window meets the event
when it meets the hull and one run.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from pendulum import Date

from timeline.columnar._args import check_timeline
from timeline.columnar._deps import require
from timeline.columnar._metadata import DESCRIPTION_KEY, FISCAL_YEARS_KEY, NAME_KEY
from timeline.dates._bounds import Point, _hi_us, _key, _lo_us, _widening
from timeline.dates._format_fiscal import stated_precision
from timeline.dates._precision import Precision
from timeline.dates._when import When
from timeline.figures._growth import Observation
from timeline.figures._source import Source
from timeline.figures._target import Target
from timeline.model._claim import Claim
from timeline.model._event import Event

if TYPE_CHECKING:
    import pyarrow as pa

    from timeline.model._timeline import Timeline

__all__ = ["COLUMNS", "arrow_schema", "to_arrow", "when_columns"]

_EPOCH = _dt.date(1970, 1, 1).toordinal()

# (name, type, nullable, meaning): the single source of SCHEMA and of the Arrow schema table
# that docs/gen_pages.py appends to docs/reference/data-files.md.
# Types are spelt as text so this module imports without pyarrow.
COLUMNS: tuple[tuple[str, str, bool, str], ...] = (
    ("id", "string", False, "stable event id (slug)"),
    ("title", "string", False, "the event's title"),
    ("when", "string", False, "current date, canonical text ('April 2026')"),
    ("precision", "string", False, "grain of `when`: day, month, quarter ..."),
    ("earliest", "date32", True, "first possible day of `when` (plain bounds)"),
    ("latest", "date32", True, "last possible day of `when` (plain bounds)"),
    ("could_start", "date32", True, "first day the event could fall on (fuzzy, any offset)"),
    ("could_end", "date32", True, "last day it could fall on (to its `end` when it has one)"),
    (
        "could_runs",
        "list<run>",
        True,
        "runs of days within those it could fall on (sets, X digits)",
    ),
    (
        "earliest_at",
        "timestamp",
        True,
        "`earliest` as a UTC instant, for instants only (null past years 1-9999 in UTC)",
    ),
    (
        "latest_at",
        "timestamp",
        True,
        "`latest` as a UTC instant, for instants only (null past years 1-9999 in UTC)",
    ),
    ("end", "string", True, "end of an event that lasts, canonical text"),
    ("end_precision", "string", True, "grain of `end`"),
    ("end_earliest", "date32", True, "first possible day of `end`"),
    ("end_latest", "date32", True, "last possible day of `end`"),
    ("end_could_start", "date32", True, "first day `end` could fall on (fuzzy)"),
    ("end_could_end", "date32", True, "last day `end` could fall on (fuzzy)"),
    ("end_could_runs", "list<run>", True, "runs of days `end` could fall on (sets, X digits)"),
    ("end_earliest_at", "timestamp", True, "`end_earliest` as a UTC instant (as `earliest_at`)"),
    ("end_latest_at", "timestamp", True, "`end_latest` as a UTC instant (as `latest_at`)"),
    ("status", "string", False, "current status: expected, confirmed, happened, cancelled"),
    ("kind", "string", True, "free text: model-release, funding ..."),
    ("actors", "list<string>", False, "who is involved"),
    ("tags", "list<string>", False, "labels"),
    ("location", "string", True, "where"),
    ("description", "string", True, "free text"),
    ("related", "list<string>", False, "ids of related events"),
    ("sources", "list<source>", False, "title, publisher, url, published, quote"),
    ("claims", "list<claim>", False, "stated, day (date32), when, status, source, note"),
    ("target", "target", True, "metric, goal, deadline, baseline (an observation)"),
    ("observations", "list<observation>", False, "when, value, source, note"),
    ("initial_when", "string", False, "date of the initial statement (before any claim)"),
    ("initial_status", "string", False, "status of the initial statement"),
    ("slips", "int32", False, "how many claims moved the date later while open"),
    ("delay", "int32", True, "days late against the first promise, once happened"),
)


def _arrow_types() -> dict[str, pa.DataType]:
    pa = require("pyarrow")

    source = pa.struct(
        [
            ("title", pa.string()),
            ("publisher", pa.string()),
            ("url", pa.string()),
            ("published", pa.string()),
            ("quote", pa.string()),
        ]
    )
    observation = pa.struct(
        [("when", pa.string()), ("value", pa.string()), ("source", source), ("note", pa.string())]
    )
    claim = pa.struct(
        [
            ("stated", pa.string()),
            ("day", pa.date32()),
            ("when", pa.string()),
            ("status", pa.string()),
            ("source", source),
            ("note", pa.string()),
        ]
    )
    target = pa.struct(
        [
            ("metric", pa.string()),
            ("goal", pa.string()),
            ("deadline", pa.string()),
            ("baseline", observation),
        ]
    )
    run = pa.struct([("first", pa.date32()), ("last", pa.date32())])
    return {
        "list<run>": pa.list_(run),
        "string": pa.string(),
        "date32": pa.date32(),
        "timestamp": pa.timestamp("us", tz="UTC"),
        "int32": pa.int32(),
        "list<string>": pa.list_(pa.string()),
        "list<source>": pa.list_(source),
        "list<claim>": pa.list_(claim),
        "target": target,
        "list<observation>": pa.list_(observation),
    }


def arrow_schema() -> pa.Schema:
    """The Arrow schema of `to_arrow`'s tables (`timeline.columnar.SCHEMA`).

    >>> arrow_schema().field("could_start").type
    DataType(date32[day])
    """
    pa = require("pyarrow")

    types = _arrow_types()
    return pa.schema(
        [pa.field(name, types[kind], nullable=null) for name, kind, null, _ in COLUMNS]
    )


# -- values -----------------------------------------------------------------------


def _day(point: Point | None) -> int | None:
    """Days since 1970 of a bound's calendar day (an instant's local date)."""
    if point is None:
        return None
    return point.toordinal() - _EPOCH


_DAY_US = 86_400_000_000
# Any floating day: stands for the window a day-column query compares against.
_A_DAY = Date(2000, 1, 1)


def could_days(lo: Point | None, hi: Point | None) -> tuple[int | None, int | None]:
    """The first and last calendar day (days since 1970) that the span ``lo..hi`` could meet.

    A day D is in the range exactly when `meets` holds between the span and the
    floating day D, under the one rule for mixed frames (a floating day read at
    every UTC offset): so for an instant, the days it could fall on anywhere,
    from its UTC time less 12 hours to its UTC time plus 14 hours. A window of
    whole days ``W1..W2`` meets the span exactly when ``could_start <= W2`` and
    ``could_end >= W1`` (null is unbounded), which is what the SQL in the DuckDB how-to
    (docs/how-to/duckdb.md) uses.

    >>> could_days(Date(2026, 4, 1), Date(2026, 4, 30))
    (20544, 20573)
    >>> import pendulum
    >>> late = pendulum.datetime(2026, 4, 30, 18, tz=pendulum.fixed_timezone(-12 * 3600))
    >>> could_days(late, late) == (20573, 20574)  # 06:00 UTC on 1 May: 30 April or 1 May
    True
    """
    east, west = _widening((lo, hi, _A_DAY))
    first = None if lo is None else int((_lo_us(lo, east) - west - _DAY_US) // _DAY_US) + 1
    last = None if hi is None else int((_hi_us(hi, west) + east - 1) // _DAY_US)
    # Kept on the calendar (years 1..9999): beyond it there is no day to compare with.
    if first is not None:
        first = max(first, _FIRST_DAY)
    if last is not None:
        last = min(last, _LAST_DAY)
    return first, last


_FIRST_DAY = _dt.date(1, 1, 1).toordinal() - _EPOCH
_LAST_DAY = _dt.date(9999, 12, 31).toordinal() - _EPOCH


# Python's calendar (years 1..9999) as UTC microseconds since 1970: what pyarrow's
# ``to_pylist``, pandas and Spark's ``collect`` can turn into a ``datetime``.
_FIRST_US, _PAST_US = -62_135_596_800_000_000, 253_402_300_800_000_000


def _at(point: Point | None) -> int | None:
    """Microseconds since 1970 UTC of an instant; ``None`` for days and unbounded, and for an
    instant whose UTC time is outside years 1..9999 (``0001-01-01T00:30+01:00``: the exact
    value is in the text column)."""
    if isinstance(point, _dt.datetime):
        micros = _key(point)
        return micros if _FIRST_US <= micros < _PAST_US else None
    return None


WhenColumns = tuple[
    str, str, int | None, int | None, int | None, int | None, int | None, int | None
]


def when_columns(when: When) -> WhenColumns:
    """text, precision, earliest, latest, could_start, could_end, earliest_at, latest_at.

    Days are counted from 1970-01-01, instants in microseconds UTC (Arrow's units).

    >>> when_columns(When.parse("c. April 2026"))[:6]
    ('c. April 2026', 'month', 20544, 20573, 20513, 20604)
    """
    lo, hi = when.earliest, when.latest
    first = None if lo is None else lo.toordinal() - _EPOCH
    last = None if hi is None else hi.toordinal() - _EPOCH
    timed = isinstance(lo, _dt.datetime) or isinstance(hi, _dt.datetime)
    if (
        timed
        or when.approximate
        or when.uncertain
        or when.is_interval
        or when.form is not None  # a set: its members may be qualified ("[2026-01, 2026-05?]")
        or when.unspecified is not None
    ):
        could = could_days(*when.fuzzy_bounds())
    else:  # exact calendar days: the could days are the plain ones (the common case)
        could = (first, last)
    return (
        when.format(),
        # the grain stated: a fiscal year from April is a year, though written as months
        _PRECISION[when.precision if when.fiscal is None else stated_precision(when)],
        first,
        last,
        *could,
        _at(lo) if timed else None,
        _at(hi) if timed else None,
    )


_PRECISION = {p: p.value for p in Precision}


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _source(source: Source | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "published": _text(source.published),
        "quote": source.quote,
    }


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "stated": str(claim.stated),
        "day": claim.day,
        "when": _text(claim.when),
        "status": None if claim.status is None else claim.status.value,
        "source": _source(claim.source),
        "note": claim.note,
    }


def _observation(observation: Observation | None) -> dict[str, Any] | None:
    if observation is None:
        return None
    return {
        "when": str(observation.when),
        "value": str(observation.value),
        "source": _source(observation.source),
        "note": observation.note,
    }


def _target(target: Target | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return {
        "metric": target.metric,
        "goal": str(target.goal),
        "deadline": str(target.deadline),
        "baseline": _observation(target.baseline),
    }


def to_arrow(timeline: Timeline) -> pa.Table:
    """The timeline as an Arrow table with `SCHEMA`: one row per event, in timeline order.

    The timeline's name, description and fiscal years travel in the schema metadata.

    >>> from timeline import Event, Timeline
    >>> table = to_arrow(Timeline([Event(title="V4 release", when="c. April 2026")]))
    >>> table.select(["when", "precision", "could_start", "could_end"]).to_pylist()
    [{'when': 'c. April 2026', 'precision': 'month', 'could_start': datetime.date(2026, 3, 1), \
'could_end': datetime.date(2026, 5, 31)}]
    """
    check_timeline(timeline, "to_arrow")
    pa = require("pyarrow")

    events = timeline.events
    # By object: equal instants at different offsets are equal Whens, but their
    # text differs. Large timelines share one object per calendar value.
    memo: dict[int, WhenColumns] = {}
    # The dates that may have several readings (EDTF sets, unspecified digits): rare, and
    # the only ones whose rows get `could_runs`.
    several: set[int] = set()

    def columns_of(when: When) -> WhenColumns:
        found = memo.get(id(when))
        if found is None:
            found = memo[id(when)] = when_columns(when)
            if when.form is not None or when.unspecified is not None:
                several.add(id(when))
        return found

    nothing: WhenColumns = ("", "", None, None, None, None, None, None)
    whens = [columns_of(e.when) for e in events]
    ends = [nothing if e.end is None else columns_of(e.end) for e in events]
    has_end = [e.end is not None for e in events]

    def part(rows: list[WhenColumns], i: int, keep: list[bool] | None = None) -> list[Any]:
        if keep is None:
            return [row[i] for row in rows]
        return [row[i] if k else None for row, k in zip(rows, keep, strict=True)]

    # The event's could window: from its date's, or over the whole stated span when it
    # has an end (under one reading of both ends, as `Timeline.overlapping` reads it).
    could = [
        could_days(*e.fuzzy_window) if e.end is not None else (when[4], when[5])
        for e, when in zip(events, whens, strict=True)
    ]
    nested = any(e.sources or e.claims or e.target or e.observations for e in events)
    runs: list[Any] = [None] * len(events)
    end_runs: list[Any] = [None] * len(events)
    if several:
        from timeline.columnar._runs import date_runs, event_runs

        for i, e in enumerate(events):
            if id(e.when) in several:
                runs[i] = event_runs(e)
            if e.end is not None and id(e.end) in several:
                end_runs[i] = date_runs(e.end)

    def each(make: Callable[[Event], Any]) -> list[Any]:
        return [make(e) for e in events]

    def lists(make: Callable[[Event], Iterable[Any]]) -> list[Any]:
        if not nested:
            return [[]] * len(events)
        return [list(make(e)) for e in events]

    def initial(e: Event) -> str:
        # The date as first stated; the current one unless a claim changed it.
        return str(e.initial_when) if e.initial_when is not e.when else columns_of(e.when)[0]

    values: dict[str, list[Any]] = {
        "id": each(lambda e: e.id),
        "title": each(lambda e: e.title),
        "when": part(whens, 0),
        "precision": part(whens, 1),
        "earliest": part(whens, 2),
        "latest": part(whens, 3),
        "could_start": [c[0] for c in could],
        "could_end": [c[1] for c in could],
        "could_runs": runs,
        "earliest_at": part(whens, 6),
        "latest_at": part(whens, 7),
        "end": part(ends, 0, has_end),
        "end_precision": part(ends, 1, has_end),
        "end_earliest": part(ends, 2),
        "end_latest": part(ends, 3),
        "end_could_start": part(ends, 4),
        "end_could_end": part(ends, 5),
        "end_could_runs": end_runs,
        "end_earliest_at": part(ends, 6),
        "end_latest_at": part(ends, 7),
        "status": each(lambda e: e.status.value),
        "kind": each(lambda e: e.kind),
        "actors": each(lambda e: e.actors),
        "tags": each(lambda e: e.tags),
        "location": each(lambda e: e.location),
        "description": each(lambda e: e.description),
        "related": each(lambda e: e.related),
        "sources": lists(lambda e: map(_source, e.sources)),
        "claims": lists(lambda e: map(_claim, e.claims)),
        "target": [None] * len(events) if not nested else each(lambda e: _target(e.target)),
        "observations": lists(lambda e: map(_observation, e.observations)),
        "initial_when": each(initial),
        "initial_status": each(lambda e: e.initial_status.value),
        "slips": [len(e.slips) if e.claims else 0 for e in events] if nested else [0] * len(events),
        "delay": each(lambda e: e.delay),
    }
    schema = arrow_schema()
    metadata = {}
    if timeline.name is not None:
        metadata[NAME_KEY] = timeline.name.encode()
    if timeline.description is not None:
        metadata[DESCRIPTION_KEY] = timeline.description.encode()
    if timeline.fiscal_years:
        metadata[FISCAL_YEARS_KEY] = json.dumps(dict(timeline.fiscal_years)).encode()
    arrays = [_array(values[field.name], field.type) for field in schema]
    return pa.Table.from_arrays(arrays, schema=schema.with_metadata(metadata))


def _array(values: list[Any], kind: pa.DataType) -> pa.Array:
    pa = require("pyarrow")

    if pa.types.is_list(kind) and pa.types.is_struct(kind.value_type):
        if values.count(None) == len(values):  # could_runs: null but for sets and masks
            return pa.nulls(len(values), kind)
        if kind.value_type.names == ["first", "last"]:
            from timeline.columnar._runs import runs_array

            return runs_array(values, kind)
    if pa.types.is_date32(kind):
        # Day counts as int32 first: much faster than converting date objects.
        return pa.array(values, pa.int32()).cast(kind)
    if pa.types.is_timestamp(kind):
        return pa.array(values, pa.int64()).cast(kind)
    return pa.array(values, kind)
