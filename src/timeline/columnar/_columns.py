"""A table's columns as Python values, checked and decoded whole: for `from_arrow`.

Which columns `from_arrow` reads (`record_columns`), each as a list (`_column`), the
checks that pass a whole text, id or name-list column at once (`_clean_texts`,
`_clean_ids`), date and status texts decoded once per distinct text (`_decoded`),
name lists as shared tuples (`_name_tuples`), and the rows that hold nested values
(`_nested_rows`). Everything here reads Arrow; nothing builds an event.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from timeline._errors import quoted
from timeline.columnar._deps import require
from timeline.model._event_fields import _share_names

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "lookalike_columns",
    "not_utf_8",
    "plain_text",
    "record_columns",
    "stated",
]

_NESTED = ("sources", "claims", "target", "observations")
_PLAIN = ("kind", "location", "description")
_NAMES = ("actors", "tags", "related")


# The columns `to_arrow` derives for queries: read by nobody, expected in any table.
_DERIVED = frozenset(
    prefix + name
    for prefix in ("", "end_")
    for name in (
        "precision", "earliest", "latest", "could_start", "could_end", "could_runs",
        "earliest_at", "latest_at",
    )
) | {"slips", "delay"}  # fmt: skip


def lookalike_columns(names: Iterable[str]) -> list[tuple[str, str]]:
    """The columns of ``names`` not read but one slip from one that is: (given, meant).

    A table from elsewhere may hold any other columns (partition keys, scores), and
    they are left alone; but ``actor`` for ``actors`` would silently drop every actor.

    >>> lookalike_columns(["title", "when", "actor", "Tags", "year", "precision"])
    [('actor', 'actors'), ('Tags', 'tags')]
    """
    import difflib

    read = ["id", "title", "end", "when", "initial_when", "status", "initial_status"]
    read += [*_PLAIN, *_NAMES, *_NESTED]
    found: list[tuple[str, str]] = []
    for name in names:
        if name in read or name in _DERIVED:
            continue
        close = difflib.get_close_matches(name.lower(), read, n=1, cutoff=0.8)
        if close and close[0] not in names:
            found.append((name, close[0]))
    return found


def record_columns(names: list[str]) -> list[str]:
    """Of a table's column ``names``, those `from_arrow` reads, in order.

    >>> record_columns(["id", "title", "when", "precision", "initial_when", "slips"])
    ['id', 'title', 'when', 'initial_when']
    """
    # Both of each pair: a row with claims replays them from the initial value, a row
    # without stands as it is now (`stated`).
    wanted = {"id", "title", "end", "when", "initial_when", "status", "initial_status"}
    wanted.update(_PLAIN, _NAMES, _NESTED)
    return [name for name in names if name in wanted]


def not_utf_8(table: pa.Table, limit: int) -> list[tuple[tuple[str | int, ...], str]]:
    r"""Where the columns `from_arrow` reads hold text that is not UTF-8, as (path, message):
    ``(row, column)`` in a column of text, ``()`` for a nested or dictionary column (its
    values are not per row). At most ``limit``. pyarrow does not check text it is handed,
    nor its Parquet reader a file another tool wrote (a Latin-1 Hive table), and reading
    such a value raises ``UnicodeDecodeError`` in the middle of the build.

    >>> import pyarrow as pa
    >>> bad = pa.array([b"ok", b"Caf\xe9"], pa.binary()).view(pa.string())
    >>> not_utf_8(pa.table({"title": bad}), 10)
    [((1, 'title'), "b'Caf\\xe9' is not UTF-8 text; ...")]
    """
    pa = require("pyarrow")
    found: list[tuple[tuple[str | int, ...], str]] = []
    fix = "save the column as UTF-8 (or read it as binary and decode it) before loading"
    for name in record_columns(table.column_names):
        column = table.column(name)
        try:
            column.validate(full=True)
            continue
        except pa.ArrowInvalid as err:
            if "UTF8" not in str(err):  # a date64 not on a day's start, say: read on
                continue
        kind = column.type
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
            found.append(
                ((), f"the table's column {quoted(name)} holds text that is not UTF-8; {fix}")
            )
            continue
        start, raw_kind = 0, pa.binary() if kind == pa.string() else pa.large_binary()
        for chunk in column.chunks:
            for row in _bad_rows(chunk, 0, len(chunk), limit - len(found), pa):
                value = chunk.slice(row, 1).view(raw_kind)[0].as_py()
                shown = repr(value) if len(value) <= 60 else repr(value[:60])[:-1] + "...'"
                found.append(((start + row, name), f"{shown} is not UTF-8 text; {fix}"))
            start += len(chunk)
        if len(found) >= limit:
            break
    return found[:limit]


def _bad_rows(chunk: Any, start: int, stop: int, limit: int, pa: Any) -> list[int]:
    """The rows of ``chunk[start:stop]`` (text) that are not UTF-8, at most ``limit``: by
    halving, so a column of a million rows with one bad value costs some 40 checks."""
    if limit <= 0 or start >= stop:
        return []
    try:
        chunk.slice(start, stop - start).validate(full=True)
        return []
    except pa.ArrowInvalid as err:
        if "UTF8" not in str(err):
            return []
        if stop - start == 1:
            return [start]
    middle = (start + stop) // 2
    first = _bad_rows(chunk, start, middle, limit, pa)
    return first + _bad_rows(chunk, middle, stop, limit - len(first), pa)


def plain_text(table: pa.Table) -> pa.Table:
    """``table`` with the columns `from_arrow` reads in one spelling of text and lists:
    a ``string_view`` or a dictionary as its values' type, a list view as a list, at any
    depth (a claim's ``when`` in a Polars frame is a ``string_view`` inside a struct inside
    a ``large_list``). Such columns, as Polars and DuckDB hand them over, then pass the
    whole-column checks, and pyarrow's kernels (``take``) read them.

    >>> import pyarrow as pa
    >>> t = pa.table({"title": pa.array(["x"], pa.string_view())})
    >>> plain_text(t).schema.field("title").type
    DataType(string)
    """
    pa = require("pyarrow")

    for i, field in enumerate(table.schema):
        if field.name not in _READ and field.name not in _NESTED:
            continue
        plain = _plain_type(field.type, pa)
        if plain == field.type:
            continue
        column = table.column(i)
        if pa.types.is_dictionary(field.type):
            # Its values first: pyarrow's cast of a dictionary of string_view (Polars'
            # Categorical and Enum) to text takes a kernel that string_view lacks.
            values = _plain_type(field.type.value_type, pa)
            column = pa.chunked_array(
                [
                    pa.DictionaryArray.from_arrays(c.indices, c.dictionary.cast(values))
                    for c in column.chunks
                ],
                pa.dictionary(field.type.index_type, values),
            )
        if _view_within(field.type, pa):
            # pyarrow's cast of a list view inside a struct makes an invalid array: rebuilt.
            column = pa.chunked_array(
                [pa.array(c.to_pylist(), plain) for c in column.chunks], plain
            )
        else:
            try:
                column = column.cast(plain)
            except pa.ArrowNotImplementedError:  # a dictionary of views within a list
                column = pa.chunked_array(
                    [pa.array(c.to_pylist(), plain) for c in column.chunks], plain
                )
        table = table.set_column(i, field.name, column)
    return table


def _plain_type(kind: Any, pa: Any) -> Any:
    """``kind`` with string views and dictionaries as their values' type, list views as
    lists (a text list as ``list<string>``), at any depth."""
    if pa.types.is_string_view(kind):
        return pa.string()
    if pa.types.is_binary_view(kind):
        return pa.binary()
    if pa.types.is_dictionary(kind):
        return _plain_type(kind.value_type, pa)
    if pa.types.is_struct(kind):
        return pa.struct([f.with_type(_plain_type(f.type, pa)) for f in kind])
    view = pa.types.is_list_view(kind) or pa.types.is_large_list_view(kind)
    if view or pa.types.is_list(kind) or pa.types.is_large_list(kind):
        value = _plain_type(kind.value_type, pa)
        if value != kind.value_type or view:
            text = pa.types.is_string(value) or pa.types.is_large_string(value)
            large = not text and (pa.types.is_large_list(kind) or pa.types.is_large_list_view(kind))
            return (pa.large_list if large else pa.list_)(pa.string() if text else value)
    return kind


def _view_within(kind: Any, pa: Any) -> bool:
    """Whether ``kind`` holds a list view below its top (in a struct or a list)."""
    children = [f.type for f in kind] if pa.types.is_struct(kind) else []
    if hasattr(kind, "value_type") and not pa.types.is_dictionary(kind):
        children.append(kind.value_type)
    return any(
        pa.types.is_list_view(c) or pa.types.is_large_list_view(c) or _view_within(c, pa)
        for c in children
    )


_READ = {"id", "title", "when", "end", "status", "initial_when", "initial_status", *_PLAIN, *_NAMES}


def stated(table: pa.Table, initial: str, current: str) -> Any:
    """Per row, the value to build the event from: ``initial`` (``initial_when``) where the
    row has claims to replay onto it, ``current`` (``when``) where it has none.

    A row without claims is the event as it is now, whatever its initial value: a
    SQL projection that drops ``claims``, or a file written without them, keeps each
    event's current date and status. Either column fills the other's nulls; an
    absent column gives the other (``None`` when both are absent).

    >>> import pyarrow as pa
    >>> t = pa.table({"initial_when": ["2026-04", "2026-04"], "when": ["May 2026", "2027"],
    ...               "claims": [[{"when": "2026-05"}], []]})
    >>> stated(t, "initial_when", "when").to_pylist()
    ['2026-04', '2027']
    """
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    names = table.column_names
    if initial not in names or current not in names:
        for name in (initial, current):
            if name in names:
                return table.column(name)
        return None
    first, now = table.column(initial), table.column(current)
    if "claims" not in names:
        return pc.coalesce(now, first) if now.null_count and first.type == now.type else now
    claims = table.column("claims")
    if pa.types.is_list(claims.type) or pa.types.is_large_list(claims.type):
        replay = pc.fill_null(pc.greater(pc.list_value_length(claims), 0), False)
    else:  # not a list: the reader says so, against the initial value
        replay = pc.is_valid(claims)
    try:
        if first.type != now.type:
            first = first.cast(now.type)
        if not now.null_count and not pc.any(replay).as_py():
            return now  # no claims to replay, every current value given: as it is now
        return pc.if_else(replay, pc.coalesce(first, now), pc.coalesce(now, first))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        # Columns of types that do not mix: row by row, for the reader to judge.
        return [
            (a if a is not None else b) if r else (b if b is not None else a)
            for a, b, r in zip(first.to_pylist(), now.to_pylist(), replay.to_pylist(), strict=True)
        ]


def _column(table: pa.Table, name: str) -> list[Any] | None:
    if name not in table.column_names:
        return None
    column = table.column(name)
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    if (pa.types.is_list(column.type) or pa.types.is_large_list(column.type)) and not pc.any(
        pc.greater(pc.list_value_length(column), 0)
    ).as_py():
        return [None] * len(column)  # all empty (related, usually): no list per row
    values: list[Any] = column.to_pylist()
    return values


def _clean_texts(table: pa.Table, name: str, *, nulls: bool = True, lists: bool = False) -> bool:
    """Whether a text (or list-of-text) column holds only non-empty, trimmed text.

    An absent column is clean when nulls are allowed.
    """
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    if name not in table.column_names:
        return nulls
    column = table.column(name)
    if lists:
        if not (pa.types.is_list(column.type) or pa.types.is_large_list(column.type)):
            return False
        column = pc.list_flatten(column)
        nulls = False  # a null item in a list is never clean
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return False
    if column.null_count and not nulls:
        return False
    if len(column) == column.null_count:
        return True
    trimmed = pc.equal(column, pc.utf8_trim_whitespace(column))
    empty = pc.equal(pc.utf8_length(column), 0)
    return bool(pc.all(trimmed).as_py() is not False and not pc.any(empty).as_py())


# An id as Event checks it, in ASCII (RE2's \w is ASCII): other ids are checked per row.
_ASCII_ID = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"


def _clean_ids(column: Any) -> bool:
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return False
    if column.null_count:
        return False
    return len(column) == 0 or bool(pc.all(pc.match_substring_regex(column, _ASCII_ID)).as_py())


class _Decoded(NamedTuple):
    """A text column decoded: per row, its text and value (``None`` where absent); and,
    for a text column, its dictionary encoding and each distinct text's value."""

    texts: list[Any]
    values: list[Any]
    encoded: Any = None  # a pyarrow DictionaryArray
    distinct: list[Any] | None = None


def _decoded(column: Any, decode: Any) -> _Decoded:
    """A text column (or a list of values) decoded, each distinct text once.

    An absent column (``None``) gives empty lists.
    """
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    if column is None:
        return _Decoded([], [])
    if isinstance(column, list) or not (
        pa.types.is_string(column.type) or pa.types.is_large_string(column.type)
    ):
        values = column if isinstance(column, list) else column.to_pylist()
        return _Decoded(values, [None] * len(values))  # the reader says what is wrong
    encoded = pc.dictionary_encode(column).combine_chunks()
    distinct = encoded.dictionary.to_pylist()
    decoded = [decode(text) for text in distinct]
    indices = encoded.indices.to_pylist()
    if encoded.null_count:
        texts = [None if j is None else distinct[j] for j in indices]
        values = [None if j is None else decoded[j] for j in indices]
    else:
        texts = list(map(distinct.__getitem__, indices))
        values = list(map(decoded.__getitem__, indices))
    return _Decoded(texts, values, encoded, decoded)


def _nested_rows(table: pa.Table) -> dict[int, dict[str, Any]]:
    """The nested values of the rows that have any, by row (most rows have none)."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")

    present = [name for name in _NESTED if name in table.column_names]
    if not present or table.num_rows == 0:
        return {}
    mask: Any = None
    for name in present:
        column = table.column(name)
        if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
            has = pc.fill_null(pc.greater(pc.list_value_length(column), 0), False)
        else:
            has = pc.is_valid(column)
        mask = has if mask is None else pc.or_(mask, has)
    rows = pc.indices_nonzero(mask)
    if len(rows) == 0:
        return {}
    picked = table.select(present).take(rows).to_pylist()
    return dict(zip(rows.to_pylist(), picked, strict=True))


def _name_tuples(table: pa.Table, name: str) -> list[tuple[str, ...]]:
    """A checked list-of-text column as shared tuples, each distinct list made once."""
    pc = require("pyarrow.compute")
    n = table.num_rows
    if name not in table.column_names:
        return [()] * n
    column = table.column(name)
    if not pc.any(pc.greater(pc.list_value_length(column), 0)).as_py():
        return [()] * n  # every list empty (related, usually)
    if column.null_count or pc.any(pc.match_substring(pc.list_flatten(column), "\x00")).as_py():
        return [() if not v else _share_names(tuple(v)) for v in column.to_pylist()]
    # Each row's names joined by NUL (which no name holds), then decoded once per distinct list;
    # the separator is of the names' own type (large_string in Polars' lists).
    nul = require("pyarrow").scalar("\x00", column.type.value_type)
    encoded = pc.dictionary_encode(pc.binary_join(column, nul)).combine_chunks()
    distinct = [
        _share_names(tuple(t.split("\x00"))) if t else () for t in encoded.dictionary.to_pylist()
    ]
    return list(map(distinct.__getitem__, encoded.indices.to_pylist()))


def _names(values: Iterable[str] | None) -> tuple[str, ...]:
    return () if not values else _share_names(tuple(values))
