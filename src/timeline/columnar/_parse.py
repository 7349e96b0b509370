"""The date parser over a whole column: `parse_dates`.

Engines hand over columns, not strings: `parse_dates` takes an Arrow array of
texts (and optionally one of reference dates, the day each text was said) and
returns one struct per row with the canonical text, precision and bounds in
the same typed form as `SCHEMA`'s query columns (``could_runs`` too: null but for
sets and unspecified digits, which the common shapes never are). It never raises for a row: a
text that does not parse gets null fields and its error message in ``error``.

Two paths give the same rows (a property test compares them with the parser
row by row):

* **column-wise** (`timeline.columnar._shapes`): the common reference-free
  shapes are recognised with Arrow's regular expressions and their fields
  computed with integer arithmetic and string joins, no Python object per row:
  ISO 8601 / EDTF years, months and days (``2026``, ``2026-04``,
  ``2026-04-03``, with ``~``, ``?`` or ``%``), the quarter and half codes
  (``2026-34``, ``2026-40``) and ``2026-Q2``; instants with minutes or seconds,
  naive or with ``Z`` or an offset (``2026-04-03T10:00+08:00``); and the words
  timeline writes (``3 April 2026``, ``April 2026``, ``Q2 2026``, ``H1 2026``,
  ``c. 2026?``), with short month names (``Apr``, ``Sept``) in any case and
  ``April 3, 2026``;
* **row by row** for every other text (and for rows whose reference the parser
  refuses), each distinct (text, reference) pair once.

A column that repeats its values (as real corpora do: "April 2026" thousands of
times) is dictionary-encoded first, so both paths see each distinct text once and
it costs little more than its distinct values.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from timeline._errors import QueryError, TimelineError, quoted
from timeline.columnar._args import ArgumentTypeError, shown
from timeline.columnar._deps import require
from timeline.columnar._runs import date_runs, runs_array
from timeline.columnar._shapes import read_shapes
from timeline.columnar._table import WhenColumns, when_columns
from timeline.dates._when import When

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["PARSED_FIELDS", "parse_dates", "parsed_type"]

PARSED_FIELDS = (
    "when",
    "precision",
    "earliest",
    "latest",
    "could_start",
    "could_end",
    "earliest_at",
    "latest_at",
    "could_runs",
    "error",
)
"""The fields of `parse_dates`'s struct, in order."""


def parsed_type() -> pa.StructType:
    """The Arrow type `parse_dates` returns.

    >>> parsed_type().field("could_end").type
    DataType(date32[day])
    """
    pa = require("pyarrow")

    day, at = pa.date32(), pa.timestamp("us", tz="UTC")
    runs = pa.list_(pa.struct([("first", day), ("last", day)]))
    types = [pa.string(), pa.string(), day, day, day, day, at, at, runs, pa.string()]
    return pa.struct(list(zip(PARSED_FIELDS, types, strict=True)))


Row = tuple[Any, ...]
_NULLS: Row = (None,) * len(PARSED_FIELDS)


def _parse_one(text: str, reference: Any) -> Row:
    try:
        value = When.parse(text, reference=reference)
    except TimelineError as err:
        return (*_NULLS[:-1], str(err))
    except Exception as err:  # never raise for a row: the message says what went wrong
        return (*_NULLS[:-1], f"{quoted(text)}: {type(err).__name__}: {err}")
    columns: WhenColumns = when_columns(value)
    return (*columns, date_runs(value), None)


class _NotUtf8(bytes):
    """The bytes of a row of a string column that are not UTF-8 text (its row's error)."""


def missing(value: object) -> bool:
    """Whether ``value`` is a missing value as pandas and numpy write one: ``None``,
    ``NaN``, ``pd.NA``, ``pd.NaT`` (a null row, as pyarrow reads them from pandas).

    >>> missing(float("nan")), missing(None), missing("NaN"), missing(0)
    (True, True, False, False)
    """
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in {"NAType", "NaTType"}


def _as_list(values: Any) -> list[Any]:
    if hasattr(values, "to_pylist"):
        try:
            result: list[Any] = values.to_pylist()
        except UnicodeDecodeError:  # a string column holding other bytes (Latin-1, say)
            return _decoded_rows(values)
        return result
    return [None if missing(v) else v for v in values]


def _decoded_rows(values: Any) -> list[Any]:
    """A string column's rows as text, a row that is not UTF-8 as `_NotUtf8` bytes."""
    pa = require("pyarrow")
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    raw = pa.binary() if pa.types.is_string(values.type) else pa.large_binary()
    rows: list[Any] = []
    for value in values.view(raw).to_pylist():
        try:
            rows.append(None if value is None else value.decode("utf-8"))
        except UnicodeDecodeError:
            rows.append(_NotUtf8(value))
    return rows


def _one_reference(reference: Any) -> bool:
    """Whether ``reference`` is one value for every row (a date, text, or anything that is
    not a column: the parser says what is wrong with it), rather than one per row."""
    if reference is None or isinstance(reference, _dt.date | str | bytes):
        return True
    return not (hasattr(reference, "to_pylist") or isinstance(reference, Iterable))


def _same_length(texts: int, references: int) -> None:
    if texts != references:
        raise QueryError(
            f"parse_dates: {texts} texts but {references} references; "
            "give one reference per text, or one for all"
        )


def _reference_value(value: Any) -> Any:
    """A reference as `When.parse` takes it: a date (a timestamp's own day, in the zone it
    is given in, as `When.parse` reads it: 23:30 in New York on 30 April is 30 April,
    though 1 May in UTC) or text."""
    if isinstance(value, _dt.datetime):
        return value.date()
    return value


def parse_dates(
    values: pa.Array | pa.ChunkedArray | Sequence[str | None],
    *,
    reference: pa.Array | pa.ChunkedArray | Sequence[Any] | _dt.date | str | None = None,
) -> pa.StructArray:
    """Parse a column of date texts; one struct per row, never raising for a row.

    ``reference`` is one date for every row (an Arrow scalar too), or a column of
    them (dates, timestamps or ISO text; null where unknown): the day each text
    was said, which relative phrases ("April", "next quarter") need. A null text
    gives a null row; text that does not parse (or a reference the parser refuses),
    null fields and the reason in ``error``: each row is exactly what `When.parse`
    says of it. A column of references of another length than the texts is a
    `QueryError`.

    >>> rows = parse_dates(["Q2 2026", "April", "Aprill 2026"], reference="2026-03-28")
    >>> [(r["when"], str(r["could_end"]), r["error"] is None) for r in rows.to_pylist()]
    [('Q2 2026', '2026-06-30', True), ('April 2026', '2026-04-30', True), (None, 'None', False)]
    """
    pa, pc = require("pyarrow"), require("pyarrow.compute")

    if isinstance(values, str | bytes) or not isinstance(
        values, pa.Array | pa.ChunkedArray | Iterable
    ):  # one text would be read as a column of its characters
        raise ArgumentTypeError(
            f"parse_dates: expected a column of texts (a list, an Arrow array, a Series), got "
            f"{shown(values)}; for one text use When.parse, or give [text]"
        )
    if not isinstance(values, pa.Array | pa.ChunkedArray | list | tuple):
        values = list(values)  # an iterator is read once
    if isinstance(reference, pa.Scalar):
        reference = reference.as_py()  # one reference, as Arrow holds it
    if _one_reference(reference) and missing(reference):
        reference = None  # pd.NaT for every row: no reference
    texts = _string_array(values)
    if texts is None:  # not a column of text: every row says what it holds
        return _parse_rows(_as_list(values), reference)
    references: list[Any] | None = None
    if not _one_reference(reference):
        references = [_reference_value(r) for r in _as_list(reference)]
        _same_length(len(texts), len(references))
    # A column that repeats its values (a corpus) is read once per distinct text.
    distinct, indices = _distinct(texts)
    if references is None:  # one reference (or none): rows are per text
        arrays = _read(distinct, reference, parse=True)
        if indices is not None:
            arrays = [pc.take(array, indices) for array in arrays]
    else:  # the rows that need the parser go to it per (text, reference)
        arrays = _read(distinct, None, parse=False)
        ok = arrays.pop()
        if indices is not None:
            arrays, ok = [pc.take(a, indices) for a in arrays], pc.take(ok, indices)
        # A reference the parser refuses makes its row an error: that row goes to it.
        good: dict[Any, bool] = {}
        keep = pa.array([_good_reference(r, good) for r in references], pa.bool_())
        rest = pc.and_not(pc.is_valid(texts), pc.and_(pc.fill_null(ok, False), keep))
        arrays = _fill(arrays, rest, texts, references)
    kind = parsed_type()
    return pa.StructArray.from_arrays(arrays, fields=list(kind), mask=pc.is_null(texts))


def _distinct(texts: pa.Array) -> tuple[pa.Array, pa.Array | None]:
    """The distinct texts, and each row's index among them (``None``: the rows are distinct)."""
    pc = require("pyarrow.compute")

    encoded = pc.dictionary_encode(texts)  # nulls are null indices, not values
    if len(encoded.dictionary) == len(texts):  # no null, no repeat: the rows themselves
        return texts, None
    return encoded.dictionary, encoded.indices


def _read(texts: pa.Array, reference: Any, *, parse: bool) -> list[pa.Array]:
    """The struct's fields for distinct ``texts``: common shapes column-wise, the rest parsed.

    Without ``parse`` (rows have references of their own) nothing is parsed here:
    the fields of the common shapes come back, with ``ok`` last.
    """
    pa, pc = require("pyarrow"), require("pyarrow.compute")

    ok, columns = read_shapes(texts)
    # The common shapes have one reading each: no runs.
    runs = parsed_type().field("could_runs").type
    arrays = [*columns, pa.nulls(len(texts), runs), pa.nulls(len(texts), pa.string())]
    if not parse:
        return [*arrays, ok]
    if not _good_reference(reference, {}):  # the parser refuses it for every row: says why
        ok = pa.repeat(False, len(texts))
    return _fill(arrays, pc.and_not(pc.is_valid(texts), ok), texts, reference)


def _fill(arrays: list[pa.Array], rest: pa.Array, texts: pa.Array, reference: Any) -> list[Any]:
    """``arrays`` with the ``rest`` rows parsed row by row (``reference``: one, or per row)."""
    pa, pc = require("pyarrow"), require("pyarrow.compute")

    if not pc.any(rest).as_py():
        return arrays
    rest_refs: Any = reference
    if isinstance(reference, list):
        rest_refs = [reference[i] for i in pc.indices_nonzero(rest).to_pylist()]
    parsed = _parse_rows(pc.filter(texts, rest).to_pylist(), rest_refs)
    return [
        _replaced(array, rest, parsed.field(j), pa) if pa.types.is_list(array.type)
        else pc.replace_with_mask(array, rest, parsed.field(j))
        for j, array in enumerate(arrays)
    ]  # fmt: skip


def _replaced(nulls: pa.Array, rest: pa.Array, parsed: pa.Array, pa: Any) -> pa.Array:
    """A column of nulls (``could_runs`` of the common shapes) with the ``rest`` rows from
    ``parsed``, in order (`pyarrow.compute.replace_with_mask` takes no lists)."""
    if parsed.null_count == len(parsed):  # no set nor mask among them: the usual case
        return nulls
    at: list[int | None] = [None] * len(nulls)
    for k, row in enumerate(require("pyarrow.compute").indices_nonzero(rest).to_pylist()):
        at[row] = k
    return parsed.take(pa.array(at, pa.int64()))


def _string_array(values: Any) -> pa.Array | None:
    """``values`` as one Arrow string array, or ``None`` when it holds something else."""
    pa = require("pyarrow")

    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array):
        if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
            try:
                values.validate(full=True)  # UTF-8: else the bad rows say so (`_as_list`)
            except pa.ArrowInvalid:
                return None
        if pa.types.is_string(values.type):
            return values
        if pa.types.is_large_string(values.type) or pa.types.is_null(values.type):
            try:
                return values.cast(pa.string())
            except pa.ArrowException:  # over 2 GB of text: row by row
                return None
        return None
    try:  # from_pandas: NaN, pd.NA and pd.NaT are nulls, as pandas means them
        return pa.array(values, pa.string(), from_pandas=True)
    except Exception:  # not all text (numbers, bytes, unpaired surrogates): row by row
        return None


def _good_reference(reference: Any, memo: dict[Any, bool]) -> bool:
    """Whether `When.parse` takes ``reference`` (it refuses every text with a bad one)."""
    if reference is None or type(reference) is _dt.date:
        return True
    try:
        found = memo.get(reference)
    except TypeError:  # unhashable: the parser says what is wrong with it
        return False
    if found is None:
        try:
            When.parse("2026", reference=reference)
            found = True
        except Exception:
            found = False
        memo[reference] = found
    return found


def _not_text(value: object) -> str:
    r"""The error of a row that is not text.

    >>> print(_not_text(_NotUtf8(b"Caf\xe9")))
    b'Caf\xe9' is not UTF-8 text; decode the column (Latin-1, say) before parsing it
    """
    if isinstance(value, _NotUtf8):
        shown = repr(bytes(value[:60])) + ("..." if len(value) > 60 else "")
        return f"{shown} is not UTF-8 text; decode the column (Latin-1, say) before parsing it"
    return f"{quoted(value)} is not text; give dates as strings"


def _parse_rows(texts: list[Any], reference: Any) -> pa.StructArray:
    """The parser row by row (each distinct text, or (text, reference) pair, once)."""
    pa = require("pyarrow")

    per_row = not _one_reference(reference)
    if per_row:
        references = [_reference_value(r) for r in _as_list(reference)]
        _same_length(len(texts), len(references))
    memo: dict[Any, Row] = {}
    rows: list[Row | None] = []
    for i, text in enumerate(texts):
        if text is None:
            rows.append(None)
            continue
        if not isinstance(text, str):  # a list is no key: never looked up
            rows.append((*_NULLS[:-1], _not_text(text)))
            continue
        ref = references[i] if per_row else reference
        key = (text, ref) if per_row else text
        row = memo.get(key)
        if row is None:
            row = memo[key] = _parse_one(text, ref)
        rows.append(row)
    kind = parsed_type()
    arrays = []
    for j, field in enumerate(kind):
        column = [None if row is None else row[j] for row in rows]
        if field.name == "could_runs":
            arrays.append(runs_array(column, field.type))
        elif pa.types.is_date32(field.type):
            arrays.append(pa.array(column, pa.int32()).cast(field.type))
        elif pa.types.is_timestamp(field.type):
            arrays.append(pa.array(column, pa.int64()).cast(field.type))
        else:
            arrays.append(pa.array(column, field.type))
    mask = pa.array([row is None for row in rows], pa.bool_())
    return pa.StructArray.from_arrays(arrays, fields=list(kind), mask=mask)
