"""A table's typed date columns, checked and made into text: for `from_arrow`.

A table from SQL, pandas or Polars may hold its dates as ``date32``/``date64`` days or
as timestamps rather than text: `dates_as_text` writes them as the ISO text
`When.parse` reads, and `past_the_calendar` names the columns holding a day or
instant outside years 1..9999, which pyarrow cannot turn into Python.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.columnar._columns import record_columns
from timeline.columnar._deps import require

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["dates_as_text", "past_the_calendar"]

# The calendar's days, as days since 1970-01-01: 0001-01-01 to 9999-12-31.
_FIRST_DAY, _LAST_DAY = -719_162, 2_932_896
_MS_PER_DAY = 86_400_000

# Python's calendar (years 1..9999) in each temporal type's own numbers.
_US_FIRST, _US_PAST = -62_135_596_800_000_000, 253_402_300_800_000_000
_PER_US = {"s": 1_000_000, "ms": 1_000, "us": 1, "ns": 0}  # ns: int64 fits the calendar


def past_the_calendar(table: pa.Table) -> list[str]:
    """The columns `from_arrow` reads as values (not ``when``/``end``/``initial_when``,
    written out as text) holding a day or instant outside years 1..9999, at any depth
    (a claim's ``stated``): pyarrow raises ``OverflowError`` turning one into Python.

    >>> import pyarrow as pa
    >>> day = pa.array([2**31 - 1], pa.int32()).view(pa.date32())
    >>> past_the_calendar(pa.table({"title": ["A"], "kind": day}))
    ['kind']
    """
    dates = ("when", "end", "initial_when")
    return [
        name
        for name in record_columns(table.column_names)
        if name not in dates and any(_outside(chunk) for chunk in table.column(name).chunks)
    ]


def _outside(array: Any) -> bool:
    """Whether ``array`` holds (in it or its children) a date or time past Python's calendar."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    kind = array.type
    if pa.types.is_struct(kind):
        return any(_outside(field) for field in array.flatten())  # nulls of the row kept
    if pa.types.is_dictionary(kind):
        return _outside(array.dictionary)
    if hasattr(array, "flatten") and (
        pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind)
    ):
        return _outside(array.flatten())
    if pa.types.is_date32(kind):
        first, past, raw = _FIRST_DAY, _LAST_DAY + 1, array.cast(pa.int32())
    elif pa.types.is_date64(kind):
        first, past = _FIRST_DAY * _MS_PER_DAY, (_LAST_DAY + 1) * _MS_PER_DAY
        raw = array.cast(pa.int64())
    elif pa.types.is_timestamp(kind) and _PER_US[kind.unit]:
        per = _PER_US[kind.unit]
        first, past, raw = -(-_US_FIRST // per), _US_PAST // per, array.cast(pa.int64())
    else:
        return False
    low, high = pc.min_max(raw).values()
    return bool(low.is_valid and (low.as_py() < first or high.as_py() >= past))


def _midnights(column: pa.ChunkedArray) -> bool:
    """Whether ``column`` holds naive timestamps that are all midnights: days, as pandas
    writes its dates (it has no date type), not times at 00:00."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    if not pa.types.is_timestamp(column.type) or column.type.tz is not None:
        return False
    if column.null_count == len(column):
        return False
    return bool(pc.all(pc.equal(pc.floor_temporal(column, unit="day"), column)).as_py())


def _civil(days: int) -> str:
    """Any day (days since 1970-01-01) as ISO text, past the calendar too, for the reader to
    refuse with its year ("year 5881580 is outside 1..9999"): H. Hinnant's civil_from_days.

    >>> _civil(0), _civil(2_932_897), _civil(-719_163), _civil(2**31 - 1)
    ('1970-01-01', '10000-01-01', '0000-12-31', '5881580-07-11')
    """
    z = days + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day, month = doy - (153 * mp + 2) // 5 + 1, mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (month <= 2)
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


def _day_text(column: pa.ChunkedArray) -> Any:
    """A ``date32`` or ``date64`` column as ISO day text. A ``date64`` holding a time of day
    (pyarrow makes one from a ``datetime``) is the day it falls on, as Parquet keeps it; a
    day past the calendar is written out (`_civil`), not cast (pyarrow's cast gives
    ``'<value out of range: ...>'`` or raises "would lose data")."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    if pa.types.is_date64(column.type):
        raw = column.cast(pa.int64())
        # Exact in float64 for every day of the calendar (|ms| < 2**53; past it only the
        # verdict "outside" counts), floored: -1 ms is 31 December 1969.
        days = pc.floor(pc.divide(raw.cast(pa.float64(), safe=False), float(_MS_PER_DAY)))
    else:
        raw = column.cast(pa.int32())
        days = raw.cast(pa.float64())
    fits = pc.and_(pc.greater_equal(days, _FIRST_DAY), pc.less_equal(days, _LAST_DAY))
    inside = pc.if_else(fits, days, 0.0).cast(pa.int32()).cast(pa.date32()).cast(pa.string())
    if pc.all(fits).as_py() is not False:  # every day in the calendar (nulls are nulls)
        return inside
    per_day = _MS_PER_DAY if pa.types.is_date64(column.type) else 1
    far = [
        None if ok or value is None else _civil(value // per_day)
        for ok, value in zip(fits.to_pylist(), raw.to_pylist(), strict=True)
    ]
    return pc.if_else(fits, inside, pa.array(far, pa.string()))


# Zone names of a timestamp column that mean UTC: its instants are written with ``Z``.
_UTC = frozenset({"UTC", "Etc/UTC", "utc", "Z", "+00:00", "GMT", "Etc/GMT", "Etc/Universal"})


def _zoned_text(column: pa.ChunkedArray) -> Any:
    """A timestamp column with a zone other than UTC as ISO text in that zone, with the
    offset of each instant (``2026-01-15T10:00:00-0500``, ``2026-07-15T10:00:00-0400``), as
    `Timeline.from_pandas` keeps it: timeline keeps the offset it is given. The fraction of
    a second only when not zero."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    kind = column.type
    seconds = column.cast(pa.timestamp("s", tz=kind.tz), safe=False)
    whole = pc.strftime(seconds, format="%Y-%m-%dT%H:%M:%S")
    exact = pc.strftime(column, format="%Y-%m-%dT%H:%M:%S")
    fraction = pc.not_equal(
        column.cast(pa.int64()), seconds.cast(pa.timestamp(kind.unit, tz=kind.tz)).cast(pa.int64())
    )
    offset = pc.strftime(column, format="%z")
    return pc.binary_join_element_wise(pc.if_else(fraction, exact, whole), offset, "")


def dates_as_text(table: pa.Table) -> pa.Table:
    """``table`` with its date columns (``when``, ``end``, ``initial_when``) typed as days or
    instants made into the ISO text `When.parse` reads: a day (``date32``, ``date64``) as
    ``2026-03-24``; an instant with a time zone as its time in that zone, with its offset
    (``2026-04-15T10:30:00+0800``; ``2026-04-15T02:30:00Z`` for UTC), with the fraction of a
    second its unit holds, when not zero; one without, as the
    floating local time it holds, unless the column holds nothing but midnights: then
    they are days (pandas has no date type and writes dates as midnights).

    >>> import datetime as dt, pyarrow as pa
    >>> t = pa.table({"when": pa.array([dt.date(2026, 3, 24)], pa.date64())})
    >>> dates_as_text(t).column("when").to_pylist()
    ['2026-03-24']
    """
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    for name in ("when", "end", "initial_when"):
        if name not in table.column_names:
            continue
        column = table.column(name)
        kind = column.type
        if pa.types.is_date(kind):
            text = _day_text(column)
        elif _midnights(column):
            text = column.cast(pa.date32()).cast(pa.string())
        elif pa.types.is_timestamp(kind) and kind.tz is not None and kind.tz not in _UTC:
            text = _zoned_text(column)
        elif pa.types.is_timestamp(kind):
            zone = "" if kind.tz is None else "Z"
            if kind.tz is not None:
                column = column.cast(pa.timestamp(kind.unit, tz="UTC"))
            whole = pc.strftime(
                column.cast(pa.timestamp("s", tz=kind.tz and "UTC"), safe=False),
                format="%Y-%m-%dT%H:%M:%S",
            )
            exact = pc.strftime(column, format="%Y-%m-%dT%H:%M:%S")
            # The fraction only when not zero: "02:30:00.000" is "02:30:00".
            fraction = pc.not_equal(
                column.cast(pa.int64()),
                column.cast(pa.timestamp("s", tz=kind.tz and "UTC"), safe=False)
                .cast(pa.timestamp(kind.unit, tz=kind.tz and "UTC"))
                .cast(pa.int64()),
            )
            text = pc.binary_join_element_wise(pc.if_else(fraction, exact, whole), zone, "")
        else:
            continue
        table = table.set_column(table.schema.get_field_index(name), name, text)
    return table
