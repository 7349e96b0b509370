"""A checked table whose events are made when used: `TableRows`, `table_rows`.

`from_arrow` of a large table spends most of its time making `When` and `Event`
objects. When every row of a table can be checked whole, it need not: dates are
checked and placed in order with `plain_dates` (plain texts, read in Arrow) and
`When.parse` (every other distinct text, once), statuses and ids by column, the
order by comparing each row's order key with the next in Arrow. The timeline
then holds the rows (`timeline.model._deferred.Deferred`) and makes events when
they are used: all at once for most uses, or only those near a window for a
window query.

A table that fails any check whole (a text to clean, nested values, a date
that does not read, rows out of order ...) is not deferred: `from_arrow` reads
it row by row and reports every problem, as before.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from datetime import datetime as _datetime
from itertools import repeat
from typing import TYPE_CHECKING, Any, NamedTuple

from timeline._bulk import paused_gc
from timeline._errors import TimelineError
from timeline.columnar._columns import (
    _NAMES,
    _PLAIN,
    _clean_ids,
    _clean_texts,
    _column,
    _name_tuples,
    _nested_rows,
    stated,
)
from timeline.columnar._deps import require
from timeline.columnar._plain_dates import plain_dates
from timeline.dates._bounds import _key, _local_date
from timeline.dates._keys import UNBOUNDED
from timeline.dates._when import When
from timeline.model._claim import Status
from timeline.model._deferred import Deferred
from timeline.model._event import Event, _set_fields
from timeline.model._order import tie_ranks

if TYPE_CHECKING:
    import datetime as _dt

    import pyarrow as pa

__all__ = ["TableRows", "heads_of", "rows_in_order", "table_rows"]

_STATUS = {s.value: s for s in Status}
_EPOCH_DAYS = 719_163  # date(1970, 1, 1).toordinal()


class _Dates(NamedTuple):
    """A date column read once per distinct text, as Arrow arrays by distinct value
    (``encoded`` maps rows to them): the head of its sort key (``primary``, ``latest``
    as int64 keys, `UNBOUNDED` as the largest int64; ``qualified``, ``rank``; ``tie``,
    its rank among values whose heads tie while their keys differ), its fuzzy bounds
    (null: unbounded), and its plain bounds for the end check (``earliest``/``latest``
    as instant?, key, local day; null where it has none). ``whens`` holds the values
    made so far, by distinct index."""

    encoded: Any  # pyarrow DictionaryArray
    primary: Any
    latest: Any
    qualified: Any
    rank: Any
    tie: Any
    fuzzy_lo: Any
    fuzzy_hi: Any
    bounds: tuple[Any, Any, Any, Any, Any, Any]  # earliest: instant, key, day; latest: same
    whens: dict[int, When]


_INT64_MAX = 2**63 - 1  # `UNBOUNDED` (2^63) as an int64: above every bound's key (< 2^60)


def _capped(key: int) -> int:
    return _INT64_MAX if key == UNBOUNDED else key


def heads_of(whens: list[When]) -> tuple[list[int], list[int], list[bool], list[int]]:
    """The head of each date's sort key (primary, latest, qualified, rank) as the order
    check compares it: `UNBOUNDED` as the largest int64.

    >>> heads_of([When.parse("TBD")])[:2] == ([2**63 - 1], [2**63 - 1])
    True
    """
    keys = [w._keys for w in whens]
    return (
        [_capped(k[0]) for k in keys],
        [_capped(k[1]) for k in keys],
        [k[2] for k in keys],
        [k[3] for k in keys],
    )


def _bound(point: _dt.date | None) -> tuple[bool | None, int | None, int | None]:
    if point is None:
        return (None, None, None)
    day = _local_date(point)
    return (isinstance(point, _datetime), _key(point), day.toordinal() - _EPOCH_DAYS)


def _read_dates(column: Any) -> _Dates | None:
    """Every distinct text of a text column read (plain ones in Arrow, the rest by
    `When.parse`), or ``None`` if one does not read (the row-by-row reader reports it).
    Only the texts `When.parse` reads become Python objects."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    if column is None or isinstance(column, list) or not pa.types.is_string(column.type):
        return None
    encoded = pc.dictionary_encode(column).combine_chunks()
    if encoded.null_count:
        return None  # a row without a date: the reader names it
    plain = plain_dates(encoded.dictionary)
    others = pc.invert(plain.ok)
    whens: dict[int, When] = {}
    parsed: list[When] = []
    positions = pc.indices_nonzero(others).to_pylist()
    for j, text in zip(positions, encoded.dictionary.filter(others).to_pylist(), strict=True):
        try:
            when = When.parse(text)
        except (TimelineError, ValueError):
            return None
        whens[j] = when
        parsed.append(when)

    def column_of(plain_values: Any, values: list[Any], kind: Any) -> Any:
        """The plain values, with the parsed ones in their places."""
        if not values:
            return plain_values.cast(kind)
        return pc.replace_with_mask(plain_values.cast(kind), others, pa.array(values, kind))

    keys = [w._keys for w in parsed]
    int64 = pa.int64()
    firsts, lasts, qualifieds, ranks = heads_of(parsed)
    primary = column_of(plain.lo, firsts, int64)
    latest = column_of(plain.hi, lasts, int64)
    # (a plain value is not qualified: false where ok, the parsed values elsewhere)
    qualified = column_of(others, qualifieds, pa.bool_())
    rank = column_of(plain.rank, ranks, int64)
    fuzzy_lo = column_of(plain.lo, [k[4] for k in keys], int64)
    fuzzy_hi = column_of(plain.hi, [k[5] for k in keys], int64)
    first = [_bound(w.earliest) for w in parsed]
    last = [_bound(w.latest) for w in parsed]
    bounds = (
        column_of(plain.instant, [b[0] for b in first], pa.bool_()),
        column_of(plain.lo, [b[1] for b in first], int64),
        column_of(plain.days_lo, [b[2] for b in first], int64),
        column_of(plain.instant, [b[0] for b in last], pa.bool_()),
        column_of(plain.hi, [b[1] for b in last], int64),
        column_of(plain.days_hi, [b[2] for b in last], int64),
    )
    tie = _ties(encoded.dictionary, (primary, latest, qualified, rank), whens)
    return _Dates(encoded, primary, latest, qualified, rank, tie, fuzzy_lo, fuzzy_hi, bounds, whens)


def _ties(texts: Any, head: tuple[Any, Any, Any, Any], whens: dict[int, When]) -> Any:
    """Each distinct value's rank by full sort key among those sharing its head (`tie_ranks`),
    0 where no other value shares it. The values that share a head are made into dates."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    n = len(texts)
    names = ["primary", "latest", "qualified", "rank"]
    table = pa.table([*head, pa.array(range(n), pa.int64())], names=[*names, "at"])
    groups = table.group_by(names).aggregate([("at", "list")])
    shared = groups.filter(pc.greater(pc.list_value_length(groups.column("at_list")), 1))
    tie: Any = pa.nulls(n, pa.int32()).fill_null(0)
    if shared.num_rows == 0:
        return tie
    members = sorted(j for group in shared.column("at_list").to_pylist() for j in group)
    for j, text in zip(members, texts.take(members).to_pylist(), strict=True):
        if j not in whens:
            whens[j] = When.parse(text)
    ranks = tie_ranks([whens[j] for j in members])
    at = pa.array(members, pa.int64())
    mask = pc.is_in(pa.array(range(n), pa.int64()), value_set=at)
    return pc.replace_with_mask(
        tie, mask, pa.array([ranks.get(id(whens[j]), 0) for j in members], pa.int32())
    )


def rows_in_order(dates: Any, indices: Any, ids: Any) -> bool:
    """Whether rows are in timeline order with unique ids: each row's key (its date's
    head, ``dates`` as (primary, latest, qualified, rank, tie) arrays by distinct value,
    ``indices`` mapping rows to them; then its id) is above the one before. In Arrow."""
    pc = require("pyarrow.compute")
    n = len(ids)
    if n < 2:
        return True
    columns = [d.take(indices) for d in dates] + [ids]
    below: Any = None  # rows so far known to be below the next one
    tied: Any = None  # rows equal to the next one on every column so far
    for values in columns:
        before, after = values.slice(0, n - 1), values.slice(1)
        less = pc.less(before, after)
        below = less if tied is None else pc.or_(below, pc.and_(tied, less))
        same = pc.equal(before, after)
        tied = same if tied is None else pc.and_(tied, same)
    return bool(pc.all(below).as_py())


def _statuses(table: pa.Table) -> tuple[Any, list[Status]] | None:
    """The status column dictionary-encoded and each distinct status (a null row is
    "expected"), or ``None`` if one is not a status."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    column = stated(table, "initial_status", "status")
    if column is None:
        return pa.array([None] * table.num_rows, pa.int32()), []
    if isinstance(column, list) or not pa.types.is_string(column.type):
        return None
    encoded = pc.dictionary_encode(column).combine_chunks()
    known = [_STATUS.get(text) for text in encoded.dictionary.to_pylist()]
    if any(status is None for status in known):
        return None
    return encoded.indices, known  # type: ignore[return-value]  # no None left


def _ends_not_before(starts: _Dates, start_of: Any, ends: _Dates) -> bool:
    """Whether each end's latest bound is not before its row's date's earliest bound, as
    `_cmp` compares them: instants in UTC, a day against an instant by its local date.
    ``start_of`` maps the rows with an end to their date's distinct value."""
    pc = require("pyarrow.compute")
    instant, key, day = (b.take(start_of) for b in starts.bounds[:3])
    end_instant, end_key, end_day = (b.take(ends.encoded.indices) for b in ends.bounds[3:])
    ok = pc.if_else(
        pc.equal(end_instant, instant),
        pc.greater_equal(end_key, key),
        pc.greater_equal(end_day, day),
    )
    return bool(pc.all(pc.fill_null(ok, True)).as_py())  # null: a bound missing


def table_rows(table: pa.Table) -> TableRows | None:
    """``table``'s rows, checked whole, as rows to make events from when used; ``None``
    if any check fails whole (the row-by-row reader then reads and reports it).

    The table is one `from_arrow` prepared (`dates_as_text`, `plain_text`) and has no
    column twice.
    """
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    names = table.column_names
    if "title" not in names or "id" not in names:
        return None  # ids made from titles: row by row
    if not (
        _clean_texts(table, "title", nulls=False)
        and _clean_ids(table.column("id"))
        and all(_clean_texts(table, k) for k in _PLAIN)
        and all(_clean_texts(table, k, lists=True) for k in _NAMES)
    ):
        return None
    if _nested_rows(table):
        return None
    starts = _read_dates(stated(table, "initial_when", "when"))
    if starts is None:
        return None
    statuses = _statuses(table)
    if statuses is None:
        return None
    n = table.num_rows
    ends = None
    with_end: list[int] = []
    if "end" in names and table.column("end").null_count < n:
        column = table.column("end")
        if not pa.types.is_string(column.type):
            return None
        with_end = pc.indices_nonzero(pc.is_valid(column)).to_pylist()
        ends = _read_dates(column.take(with_end))
        if ends is None:
            return None
        if not _ends_not_before(starts, starts.encoded.indices.take(with_end), ends):
            return None
    ids = table.column("id").combine_chunks()
    if len(pc.unique(ids)) != n:
        return None  # a repeated id: the reader names both rows
    head = (starts.primary, starts.latest, starts.qualified, starts.rank, starts.tie)
    if not rows_in_order(head, starts.encoded.indices, ids):
        return None  # not in timeline order: sorted as events
    return TableRows(table, starts, ends, with_end, statuses)


class TableRows(Deferred):
    """A table's rows, checked whole (`table_rows`), in timeline order: events made on demand.

    >>> import pyarrow as pa
    >>> rows = table_rows(pa.table({"id": ["a", "b"], "title": ["A", "B"],
    ...                             "when": ["2026-03", "April 2026"]}))
    >>> len(rows), [e.id for e in rows.events([1])], rows.near(None, 0)
    (2, ['b'], [])
    """

    def __init__(
        self,
        table: pa.Table,
        starts: _Dates,
        ends: _Dates | None,
        with_end: list[int],
        statuses: tuple[Any, list[Status]],
    ) -> None:
        pa = require("pyarrow")
        pc = require("pyarrow.compute")
        self._table = table
        self._starts = starts
        self._ends = ends
        self._statuses = statuses
        # Each row's span at its widest, as keys: its date's fuzzy start, and the fuzzy
        # end of its end if it has one, else of its date (as the window index reads it).
        # A null is unbounded.
        indices = starts.encoded.indices
        self._lo = pa.array(starts.fuzzy_lo, pa.int64()).take(indices)
        hi = pa.array(starts.fuzzy_hi, pa.int64()).take(indices)
        if ends is not None:
            # Each end's fuzzy stop, onto its row (rows with an end, in order).
            stop = pa.array(ends.fuzzy_hi, pa.int64()).take(ends.encoded.indices)
            hi = pc.replace_with_mask(hi, pc.is_valid(table.column("end")).combine_chunks(), stop)
        self._hi = hi
        self._end_at = {row: k for k, row in enumerate(with_end)}

    def __len__(self) -> int:
        n: int = self._table.num_rows
        return n

    def near(self, lo: int | None, hi: int | None) -> list[int]:
        pc = require("pyarrow.compute")
        keep = None
        if lo is not None:
            keep = pc.fill_null(pc.greater_equal(self._hi, lo), True)
        if hi is not None:
            below = pc.fill_null(pc.less_equal(self._lo, hi), True)
            keep = below if keep is None else pc.and_(keep, below)
        if keep is None:
            return list(range(len(self)))
        return pc.indices_nonzero(keep).to_pylist()  # type: ignore[no-any-return]

    def events(self, rows: Sequence[int] | None = None) -> list[Event]:
        pa = require("pyarrow")
        chosen = None if rows is None else pa.array(rows, pa.int64())
        table = self._table if chosen is None else self._table.take(chosen)
        n = table.num_rows
        if n == 0:
            return []
        with paused_gc():  # many objects, no cycles
            starts = _whens(self._starts, chosen)
            stops: list[When | None] = [None] * n
            if self._ends is not None:
                stops = self._end_whens(chosen, n)
            status_rows, known = self._statuses
            picked = status_rows if chosen is None else status_rows.take(chosen)
            statuses = [Status.EXPECTED if j is None else known[j] for j in picked.to_pylist()]
            none: list[Any] = [None] * n
            kinds, locations, descriptions = (_column(table, k) or none for k in _PLAIN)
            actors, tags, related = (_name_tuples(table, k) for k in _NAMES)
            return _plain_events(
                table.column("title").to_pylist(), starts, table.column("id").to_pylist(),
                stops, statuses, kinds, actors, tags, locations, descriptions, related,
            )  # fmt: skip

    def _end_whens(self, chosen: Any, n: int) -> list[When | None]:
        """Each chosen row's end (``None`` where it has none)."""
        pa = require("pyarrow")
        ends = self._ends
        assert ends is not None
        rows = range(n) if chosen is None else chosen.to_pylist()
        at = list(map(self._end_at.get, rows))
        made = iter(_whens(ends, pa.array([k for k in at if k is not None], pa.int64())))
        return [None if k is None else next(made) for k in at]


def _whens(dates: _Dates, chosen: Any) -> list[When]:
    """The dates of the chosen rows (all if ``None``), each distinct text made once."""
    indices = dates.encoded.indices
    rows: list[int] = (indices if chosen is None else indices.take(chosen)).to_pylist()
    whens = dates.whens
    missing = sorted(set(rows).difference(whens))
    if missing:
        texts = dates.encoded.dictionary.take(missing).to_pylist()
        whens.update(zip(missing, map(When.parse, texts), strict=True))
    return list(map(whens.__getitem__, rows))


def _plain_events(*columns: list[Any]) -> list[Event]:
    """Events with no sources, claims or figures from columns of checked values (title,
    when, id, end, status, kind, actors, tags, location, description, related), built
    without running the constructor's checks, which the columns passed whole."""
    title, when, id, end, status, kind, actors, tags, location, description, related = columns
    events = list(map(object.__new__, repeat(Event, len(title))))
    nothing = repeat(())
    deque(
        map(_set_fields, events, title, when, id, end, status, kind, actors, tags, location,
            description, nothing, nothing, related, repeat(None), nothing),
        maxlen=0,
    )  # fmt: skip
    return events
