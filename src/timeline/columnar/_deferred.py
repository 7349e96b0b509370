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

import operator
from collections import Counter, deque
from collections.abc import Sequence
from datetime import datetime as _datetime
from itertools import compress, repeat
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
from timeline.dates._keys import order_bytes
from timeline.dates._when import When
from timeline.model._claim import Status
from timeline.model._deferred import Deferred
from timeline.model._event import Event
from timeline.model._order import tie_ranks

if TYPE_CHECKING:
    import datetime as _dt

    import pyarrow as pa

__all__ = ["TableRows", "rows_in_order", "table_rows"]

_STATUS = {s.value: s for s in Status}
_EPOCH_DAYS = 719_163  # date(1970, 1, 1).toordinal()

# A bound as the end check compares it: (instant?, key, local date as days since 1970).
_Bound = tuple[bool, int, int]


class _Dates(NamedTuple):
    """A date column read once per distinct text: the dictionary (``texts``, row ->
    ``indices``), each text's `When` where one was made (``whens``), its order head as
    bytes, its fuzzy bounds as keys (``None`` unbounded) and its plain bounds for the
    end check (``None`` where it has none)."""

    encoded: Any  # pyarrow DictionaryArray
    texts: list[str]
    whens: list[When | None]
    heads: list[bytes]
    fuzzy_lo: list[int | None]
    fuzzy_hi: list[int | None]
    earliest: list[_Bound | None]
    latest: list[_Bound | None]


def _bound(point: _dt.date | None) -> _Bound | None:
    if point is None:
        return None
    day = _local_date(point)
    return (isinstance(point, _datetime), _key(point), day.toordinal() - _EPOCH_DAYS)


def _not_before(stop: _Bound | None, start: _Bound | None) -> bool:
    """Whether a latest bound is not before an earliest one, as `_cmp` compares them:
    instants in UTC, a day against an instant by its local date."""
    if stop is None or start is None:
        return True
    if stop[0] == start[0]:
        return stop[1] >= start[1]
    return stop[2] >= start[2]


def _head(when: When, tie: int = 0) -> bytes:
    """``when``'s order head as bytes (`order_bytes`), with ``tie`` after it."""
    keys = when._keys
    return order_bytes(keys[0], keys[1], keys[2], keys[3], tie)


def _read_dates(column: Any) -> _Dates | None:
    """Every distinct text of a text column read (plain ones in Arrow, the rest by
    `When.parse`), or ``None`` if one does not read (the row-by-row reader reports it)."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    if column is None or isinstance(column, list) or not pa.types.is_string(column.type):
        return None
    encoded = pc.dictionary_encode(column).combine_chunks()
    if encoded.null_count:
        return None  # a row without a date: the reader names it
    texts: list[str] = encoded.dictionary.to_pylist()
    plain = plain_dates(encoded.dictionary)
    whens: list[When | None] = [None] * len(texts)
    # Plain values from their Arrow keys (a plain value's fuzzy bounds are its bounds) ...
    heads = list(map(order_bytes, plain.lo, plain.hi, repeat(False), plain.rank))
    fuzzy_lo: list[int | None] = list(plain.lo)
    fuzzy_hi: list[int | None] = list(plain.hi)
    earliest: list[_Bound | None] = list(zip(plain.instant, plain.lo, plain.days_lo, strict=True))
    latest: list[_Bound | None] = list(zip(plain.instant, plain.hi, plain.days_hi, strict=True))
    # ... and the others as `When.parse` reads them.
    for j in compress(range(len(texts)), map(operator.not_, plain.ok)):
        try:
            when = When.parse(texts[j])
        except (TimelineError, ValueError):
            return None
        whens[j] = when
        keys = when._keys
        heads[j] = _head(when)
        fuzzy_lo[j], fuzzy_hi[j] = keys[4], keys[5]
        earliest[j], latest[j] = _bound(when.earliest), _bound(when.latest)
    # Values whose heads tie while their full keys differ are ranked by full key
    # (`tie_ranks`): the texts sharing a head are made into dates for that.
    counts = Counter(heads)
    if len(counts) != len(heads):
        shared = [j for j, head in enumerate(heads) if counts[head] > 1]
        for j in shared:
            if whens[j] is None:
                whens[j] = When.parse(texts[j])
        ranks = tie_ranks([w for w in map(whens.__getitem__, shared) if w is not None])
        for j in shared:
            tied = whens[j]
            if tied is not None and id(tied) in ranks:
                heads[j] = _head(tied, ranks[id(tied)])
    return _Dates(encoded, texts, whens, heads, fuzzy_lo, fuzzy_hi, earliest, latest)


def rows_in_order(heads: list[bytes], encoded: Any, id_bytes: pa.Array) -> bool:
    """Whether rows are in timeline order with unique ids: each row's key (its date's
    order head, ``heads`` by distinct value with ``encoded`` mapping rows to them, then
    its id as UTF-8 bytes) is above the one before. Compared in Arrow."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    n = len(id_bytes)
    if n < 2:
        return True
    keys = pc.binary_join_element_wise(
        pa.array(heads, pa.binary()).take(encoded.indices), id_bytes, b""
    )
    return bool(pc.all(pc.less(keys.slice(0, n - 1), keys.slice(1))).as_py())


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
        start_of = starts.encoded.indices.take(with_end).to_pylist()
        end_of = ends.encoded.indices.to_pylist()
        pairs = set(zip(start_of, end_of, strict=True))
        if not all(_not_before(ends.latest[e], starts.earliest[s]) for s, e in pairs):
            return None
    ids = table.column("id").combine_chunks()
    if len(pc.unique(ids)) != n:
        return None  # a repeated id: the reader names both rows
    if not rows_in_order(starts.heads, starts.encoded, ids.cast(pa.binary())):
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
    whens, texts = dates.whens, dates.texts
    for j in set(rows):
        if whens[j] is None:
            whens[j] = When.parse(texts[j])
    return list(map(whens.__getitem__, rows))  # type: ignore[arg-type]  # all made


def _plain_events(*columns: list[Any]) -> list[Event]:
    """Events with no sources, claims or figures from columns of checked values (title,
    when, id, end, status, kind, actors, tags, location, description, related), built
    without running the constructor's checks, which the columns passed whole."""
    title, when, id, end, status, kind, actors, tags, location, description, related = columns
    events = list(map(object.__new__, repeat(Event, len(title))))
    nothing = repeat(())
    init = Event.__attrs_init__
    deque(
        map(init, events, title, when, id, end, status, kind, actors, tags, location,
            description, nothing, nothing, related, repeat(None), nothing),
        maxlen=0,
    )  # fmt: skip
    return events
