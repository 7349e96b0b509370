"""The common date shapes read column-wise, with Arrow compute and no Python object per row.

`read_shapes` recognises the reference-free shapes most date columns hold and
computes `parse_dates`'s fields for them from integers and joined strings:

* ISO 8601 / EDTF calendar values: ``2026``, ``2026-04``, ``2026-04-03``, the
  quarter and half codes ``2026-33`` .. ``2026-36``, ``2026-40``, ``2026-41``
  and ``2026-Q2``, each (but ``2026-Q2``) with an EDTF qualifier ``~``, ``?``
  or ``%``; years 0001 to 9999;
* ISO 8601 instants ``2026-04-03T10:00`` (naive), with seconds, and with ``Z``
  or an offset ``+08:00`` (hours 00 to 17), no fraction of a second;
* the text timeline writes and its common English variants: ``3 April 2026``,
  ``April 3, 2026``, ``April 2026``, ``Q2 2026``, ``H1 2026``, ``2026``, with a
  month's full name or its short form (``Apr``, ``Sept``; any letter case, an
  optional full stop), a ``c.`` prefix and a ``?`` suffix.

Everything else, and anything of these shapes that is not a date (``2026-02-30``,
year 0000, ``2020-21`` as a year pair), is left to the parser (``ok`` false), which
reads the rarer forms and says what is wrong. The values are exactly those of
`timeline.When.parse` and `timeline.columnar._table.when_columns` (a property
test compares them row for row): plain bounds as days since 1970, fuzzy bounds
padded by `DEFAULT_FUZZ` units of the grain and kept on the calendar, instants'
bounds as their local date and their UTC microseconds.
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
from typing import TYPE_CHECKING, Any, NamedTuple

from timeline.columnar._deps import require
from timeline.dates._precision import MONTH_NAMES

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["read_shapes"]

_MON = r"[A-Za-z]{3,9}\.?"
# A calendar value in ISO 8601 / EDTF: year, month or sub-year code, day; a qualifier.
_ISO = (
    r"^(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?|-Q(?P<q>[1-4]))?"
    r"(?P<mark>[~?%]?)$"
)
# An instant: a day, hours and minutes, maybe seconds, maybe Z or an offset.
_INSTANT = (
    r"^(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})"
    r"T(?P<hh>[01][0-9]|2[0-3]):(?P<mi>[0-5][0-9])(?::(?P<ss>[0-5][0-9]))?"
    r"(?P<tz>Z|[+-](?:0[0-9]|1[0-7]):[0-5][0-9])?$"
)
# The words timeline writes: "c. 3 April 2026?", "April 3, 2026", "Q2 2026", "2026".
_WORDS = (
    r"^(?P<c>[Cc]\. )?"
    rf"(?:(?P<d1>[0-9]{{1,2}}) (?P<m1>{_MON}) |(?P<m2>{_MON}) (?P<d2>[0-9]{{1,2}}),? "
    rf"|(?P<m3>{_MON}) |(?P<p>[QqHh])(?P<n>[1-4]) )?"
    r"(?P<y>[0-9]{4})(?P<u>\??)$"
)

# Month words `When.parse` reads, lower case (with or without a full stop), and their months.
_MONTH_WORDS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
_MONTH_WORDS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)})
_MONTH_WORDS["sept"] = 9
_MONTH_WORDS.update({f"{word}.": month for word, month in list(_MONTH_WORDS.items())})

# Grains: (precision, months in a unit; 0 for a day).
_DAY, _MONTH, _QUARTER, _HALF, _YEAR, _MINUTE, _SECOND = range(7)
_PRECISIONS = ("day", "month", "quarter", "half", "year", "minute", "second")
_UNIT_MONTHS = (0, 1, 3, 6, 12, 0, 0)

_EPOCH = _dt.date(1970, 1, 1).toordinal()
_FIRST_DAY = _dt.date(1, 1, 1).toordinal() - _EPOCH
_LAST_DAY = _dt.date(9999, 12, 31).toordinal() - _EPOCH
_COMMON_MONTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_LEAP_MONTHS = (31, 29, *_COMMON_MONTHS[2:])
_MONTHS = 9999 * 12  # months on the calendar; month index 0 is January 0001
_DAY_US = 86_400_000_000
# Python's calendar (years 1..9999) as UTC microseconds since 1970.
_FIRST_US, _PAST_US = -62_135_596_800_000_000, 253_402_300_800_000_000
_HOUR_US = 3_600_000_000
_MINUTE_US = 60_000_000
_EAST_US, _WEST_US = 14 * _HOUR_US, 12 * _HOUR_US  # UTC+14, UTC-12: where a day reaches
_BIAS_DAYS = 1_000_000  # added before a division so it floors (Arrow's truncates)


@functools.cache
def _month_starts() -> pa.Array:
    """Days since 1970 of the first of each month from January 0001, and of 1 January 10000."""
    pa = require("pyarrow")

    lengths: list[int] = []
    for year in range(1, 10000):
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        lengths.extend(_LEAP_MONTHS if leap else _COMMON_MONTHS)
    starts = list(itertools.accumulate(lengths, initial=_FIRST_DAY))
    return pa.array(starts, pa.int32())


def _field(match: Any, name: str) -> Any:
    """A group of a regex match as a string column, "" where absent or unmatched."""
    pc = require("pyarrow.compute")

    return pc.fill_null(pc.struct_field(match, name), "")


def _number(text: Any) -> Any:
    """Digits to an int32 column ("" is 0)."""
    pa, pc = require("pyarrow"), require("pyarrow.compute")

    return pc.cast(pc.binary_join_element_wise("0", text, ""), pa.int32())


def _pick(*cases: tuple[Any, Any]) -> Any:
    """The first case's value whose condition holds (the last value otherwise)."""
    pc = require("pyarrow.compute")

    *rest, (_, result) = cases
    for condition, value in reversed(rest):
        result = pc.if_else(condition, value, result)
    return result


class _Parts(NamedTuple):
    """What one shape says of each row (meaningful only where it matched)."""

    matched: Any  # the shape's pattern matched the row
    ok: Any  # ... and the parts are ones it reads (not "2020-21", "Aprl")
    year: Any  # the year's text, four digits
    grain: Any  # _DAY .. _SECOND
    first_month: Any  # 1-12: the span's first month
    day: Any  # 1-31 for days and instants
    approximate: Any
    uncertain: Any


def _iso_parts(texts: pa.Array) -> _Parts | None:
    """``2026``, ``2026-04``, ``2026-04-03``, ``2026-34``, ``2026-Q2``; a qualifier."""
    pc = require("pyarrow.compute")

    iso = pc.extract_regex(texts, _ISO)
    matched = pc.is_valid(iso)
    if not pc.any(matched).as_py():
        return None
    year_text, month_text, day_text = _field(iso, "y"), _field(iso, "m"), _field(iso, "d")
    code, day, quarter = _number(month_text), _number(day_text), _number(_field(iso, "q"))
    mark = _field(iso, "mark")
    has_code, has_day = pc.not_equal(month_text, ""), pc.not_equal(day_text, "")
    has_q = pc.greater(quarter, 0)
    is_quarter_code = pc.and_(pc.greater_equal(code, 33), pc.less_equal(code, 36))
    is_half_code = pc.or_(pc.equal(code, 40), pc.equal(code, 41))
    # "2020-21" (and "2032-33") is two years, not a sub-year code: left to the parser.
    after = pc.add(_number(year_text), 1)
    pair = pc.and_(
        pc.equal(pc.subtract(after, pc.multiply(pc.divide(after, 100), 100)), code),
        pc.equal(mark, ""),
    )
    sub_year = pc.and_not(pc.and_not(pc.or_(is_quarter_code, is_half_code), has_day), pair)
    ok = _pick(
        (has_q, pc.equal(mark, "")),  # 2026-Q2 takes no qualifier here
        (has_code, pc.or_(pc.less_equal(code, 12), sub_year)),  # a day needs a month
        (True, True),
    )
    grain = _pick(
        (has_day, _DAY),
        (pc.or_(has_q, is_quarter_code), _QUARTER),
        (is_half_code, _HALF),
        (has_code, _MONTH),
        (True, _YEAR),
    )
    first_month = _pick(
        (has_q, pc.subtract(pc.multiply(quarter, 3), 2)),
        (is_quarter_code, pc.subtract(pc.multiply(pc.subtract(code, 32), 3), 2)),
        (is_half_code, pc.subtract(pc.multiply(pc.subtract(code, 39), 6), 5)),
        (has_code, code),
        (True, 1),
    )
    approximate = pc.or_(pc.equal(mark, "~"), pc.equal(mark, "%"))
    uncertain = pc.or_(pc.equal(mark, "?"), pc.equal(mark, "%"))
    return _Parts(matched, ok, year_text, grain, first_month, day, approximate, uncertain)


def _word_parts(texts: pa.Array) -> _Parts | None:
    """``3 April 2026``, ``April 3, 2026``, ``Apr 2026``, ``Q2 2026``, ``H1 2026``, ``c. 2026?``."""
    pa, pc = require("pyarrow"), require("pyarrow.compute")

    words = pc.extract_regex(texts, _WORDS)
    matched = pc.is_valid(words)
    if not pc.any(matched).as_py():
        return None
    month_word = pc.ascii_lower(
        pc.binary_join_element_wise(
            _field(words, "m1"), _field(words, "m2"), _field(words, "m3"), ""
        )
    )
    names = pa.array(list(_MONTH_WORDS), pa.string())
    months = pa.array(list(_MONTH_WORDS.values()), pa.int32())
    month = pc.take(months, pc.index_in(month_word, value_set=names))  # null: not a month
    has_month = pc.not_equal(month_word, "")
    day_text = pc.binary_join_element_wise(_field(words, "d1"), _field(words, "d2"), "")
    period = pc.ascii_upper(_field(words, "p"))
    number = _number(_field(words, "n"))
    is_quarter, is_half = pc.equal(period, "Q"), pc.equal(period, "H")
    ok = pc.and_(
        pc.or_(pc.invert(has_month), pc.is_valid(month)),
        pc.or_(pc.invert(is_half), pc.less_equal(number, 2)),
    )
    grain = _pick(
        (pc.not_equal(day_text, ""), _DAY),
        (has_month, _MONTH),
        (is_quarter, _QUARTER),
        (is_half, _HALF),
        (True, _YEAR),
    )
    first_month = _pick(
        (has_month, pc.fill_null(month, 1)),
        (is_quarter, pc.subtract(pc.multiply(number, 3), 2)),
        (is_half, pc.subtract(pc.multiply(number, 6), 5)),
        (True, 1),
    )
    approximate = pc.not_equal(_field(words, "c"), "")
    uncertain = pc.equal(_field(words, "u"), "?")
    return _Parts(
        matched,
        ok,
        _field(words, "y"),
        grain,
        first_month,
        _number(day_text),
        approximate,
        uncertain,
    )


class _Clock(NamedTuple):
    """An instant's time of day, as written and in microseconds, and its offset."""

    text: Any  # "10:00", "10:00:30": seconds only when not zero, as timeline writes it
    micros: Any  # since local midnight
    zone: Any  # "Z", "+08:00" or "" (naive)
    offset: Any  # microseconds east of UTC (0 for Z and naive)


def _instant_parts(texts: pa.Array) -> tuple[_Parts, _Clock] | None:
    """``2026-04-03T10:00``, with seconds, with ``Z`` or an offset."""
    pa, pc = require("pyarrow"), require("pyarrow.compute")

    instant = pc.extract_regex(texts, _INSTANT)
    matched = pc.is_valid(instant)
    if not pc.any(matched).as_py():
        return None
    hours, minutes, seconds_text = (
        _field(instant, "hh"),
        _field(instant, "mi"),
        _field(instant, "ss"),
    )
    seconds = _number(seconds_text)
    zone = _field(instant, "tz")
    sign = pc.if_else(pc.starts_with(zone, "-"), -1, 1)
    offset_hours = pc.cast(_number(pc.utf8_slice_codeunits(zone, 1, 3)), pa.int64())
    offset_minutes = pc.cast(_number(pc.utf8_slice_codeunits(zone, 4, 6)), pa.int64())
    offset = pc.multiply(
        sign, pc.add(pc.multiply(offset_hours, _HOUR_US), pc.multiply(offset_minutes, _MINUTE_US))
    )
    micros = pc.add(
        pc.multiply(pc.cast(_number(hours), pa.int64()), _HOUR_US),
        pc.add(
            pc.multiply(pc.cast(_number(minutes), pa.int64()), _MINUTE_US),
            pc.multiply(pc.cast(seconds, pa.int64()), 1_000_000),
        ),
    )
    clock = pc.binary_join_element_wise(hours, minutes, ":")
    with_seconds = pc.binary_join_element_wise(clock, seconds_text, ":")
    clock = pc.if_else(pc.greater(seconds, 0), with_seconds, clock)
    no = pa.repeat(False, len(texts))
    parts = _Parts(
        matched,
        pc.not_equal(zone, "-00:00"),  # "offset unknown": the parser says so
        _field(instant, "y"),
        pc.if_else(pc.greater(seconds, 0), _SECOND, _MINUTE),
        _number(_field(instant, "m")),
        _number(_field(instant, "d")),
        no,
        no,
    )
    return parts, _Clock(clock, micros, zone, offset)


def read_shapes(texts: pa.Array) -> tuple[pa.Array, list[pa.Array]]:
    """Which rows have a common shape (``ok``), and their eight columns of `when_columns`.

    The columns (text, precision, earliest, latest, could_start, could_end,
    earliest_at, latest_at; days as ``date32``, instants as UTC timestamps)
    hold values only where ``ok`` is true, nulls elsewhere.

    >>> import pyarrow as pa
    >>> ok, columns = read_shapes(pa.array(["2026-04~", "3 Apr 2026", "2026-02-30", None]))
    >>> ok.to_pylist(), columns[0].to_pylist(), [str(d) for d in columns[4].to_pylist()]
    ([True, True, False, False], ['c. April 2026', '3 April 2026', None, None], \
['2026-03-01', '2026-04-03', 'None', 'None'])
    """
    pa, pc = require("pyarrow"), require("pyarrow.compute")

    # The shapes exclude each other but for "2026" and "2026?" (ISO and words alike). A
    # shape is looked for only if some row has none of those before it (a column of ISO
    # days need not be searched for instants and words).
    # A shape no row has is dropped.
    iso = _iso_parts(texts)
    shapes = [] if iso is None else [iso]
    clock = None
    if iso is None or not pc.all(iso.matched).as_py():
        found = _instant_parts(texts)
        if found is not None:
            shapes.append(found[0])
            clock = found[1]
        matched = [shape.matched for shape in shapes]
        if not matched or not pc.all(functools.reduce(pc.or_, matched)).as_py():
            words = _word_parts(texts)
            if words is not None:
                shapes.append(words)
    if not shapes:
        nothing = [pa.nulls(len(texts), kind) for kind in _column_types()]
        return pa.repeat(False, len(texts)), nothing

    def merged(i: int) -> Any:
        *first, last = shapes
        return _pick(*((shape.matched, shape[i]) for shape in first), (True, last[i]))

    year_text, grain, first_month, day, approximate, uncertain = map(merged, range(2, 8))
    ok = _pick(*((shape.matched, shape.ok) for shape in shapes), (True, False))
    year = _number(year_text)
    ok = pc.and_(ok, pc.greater(year, 0))
    ok = pc.and_(ok, pc.and_(pc.greater_equal(first_month, 1), pc.less_equal(first_month, 12)))
    ok = pc.fill_null(ok, False)
    # From here on values are computed for every row: keep the others in range.
    year = pc.if_else(ok, year, 1)
    first_month = pc.if_else(ok, first_month, 1)

    # Month index (0 is January 0001) and its first day; a day must be in its month.
    index = pc.add(pc.multiply(pc.subtract(year, 1), 12), pc.subtract(first_month, 1))
    starts = _month_starts()
    month_start = pc.take(starts, index)
    month_length = pc.subtract(pc.take(starts, pc.add(index, 1)), month_start)
    timed = pc.greater_equal(grain, _MINUTE)
    has_day = pc.or_(pc.equal(grain, _DAY), timed)
    day_ok = pc.or_(
        pc.invert(has_day), pc.and_(pc.greater(day, 0), pc.less_equal(day, month_length))
    )
    ok = pc.and_(ok, day_ok)
    day = pc.if_else(ok, day, 1)

    # Plain bounds; fuzzy ones padded by one unit a qualifier, kept on the calendar.
    unit = pc.take(pa.array(_UNIT_MONTHS, pa.int32()), grain)
    first_day = pc.add(month_start, pc.subtract(day, 1))
    span_end = pc.subtract(pc.take(starts, pc.min_element_wise(pc.add(index, unit), _MONTHS)), 1)
    earliest = pc.if_else(has_day, first_day, month_start)
    latest = pc.if_else(has_day, first_day, span_end)
    pad = pc.add(pc.cast(approximate, pa.int32()), pc.cast(uncertain, pa.int32()))
    shift = pc.multiply(pad, unit)
    could_start = pc.if_else(
        has_day,
        pc.max_element_wise(pc.subtract(first_day, pad), _FIRST_DAY),
        pc.take(starts, pc.max_element_wise(pc.subtract(index, shift), 0)),
    )
    could_end = pc.if_else(
        has_day,
        pc.min_element_wise(pc.add(first_day, pad), _LAST_DAY),
        pc.subtract(
            pc.take(starts, pc.min_element_wise(pc.add(pc.add(index, unit), shift), _MONTHS)), 1
        ),
    )
    earliest_at = pa.nulls(len(texts), pa.int64())
    text = _calendar_text(year_text, grain, first_month, day, approximate, uncertain)
    if clock is not None:
        at, instant_start, instant_end = _instant_reach(first_day, clock)
        could_start = pc.if_else(timed, instant_start, could_start)
        could_end = pc.if_else(timed, instant_end, could_end)
        # Null past Python's calendar in UTC (0001-01-01T00:30+01:00): the text holds it.
        in_calendar = pc.and_(pc.greater_equal(at, _FIRST_US), pc.less(at, _PAST_US))
        earliest_at = pc.if_else(pc.and_(timed, in_calendar), at, earliest_at)
        written = pc.binary_join_element_wise(
            pc.utf8_slice_codeunits(texts, 0, 10), "T", clock.text, clock.zone, ""
        )
        text = pc.if_else(timed, written, text)
    precision = pc.take(pa.array(_PRECISIONS, pa.string()), grain)

    day32, stamp = pa.date32(), pa.timestamp("us", tz="UTC")
    days = [
        pc.cast(pc.cast(d, pa.int32()), day32) for d in (earliest, latest, could_start, could_end)
    ]
    at_column = pc.cast(earliest_at, stamp)
    columns = [text, precision, *days, at_column, at_column]
    # Rows of other shapes hold nulls (the caller fills them from the parser).
    if not pc.all(ok).as_py():
        nothing = [pa.nulls(len(texts), c.type) for c in columns]
        columns = [pc.if_else(ok, c, none) for c, none in zip(columns, nothing, strict=True)]
    return ok, columns


def _column_types() -> list[pa.DataType]:
    """The types of `read_shapes`'s columns."""
    pa = require("pyarrow")

    day, at = pa.date32(), pa.timestamp("us", tz="UTC")
    return [pa.string(), pa.string(), day, day, day, day, at, at]


def _instant_reach(first_day: Any, clock: _Clock) -> tuple[Any, Any, Any]:
    """An instant's UTC microseconds and the first and last day it could fall on.

    As `could_days`: an instant with an offset could be on any day from its UTC
    time less 12 hours (or its offset west) to its UTC time plus 14 hours (or
    its offset east), kept on the calendar; a naive one is on its own day.
    """
    pa, pc = require("pyarrow"), require("pyarrow.compute")

    local = pc.add(pc.multiply(pc.cast(first_day, pa.int64()), _DAY_US), clock.micros)
    at = pc.subtract(local, clock.offset)
    east = pc.max_element_wise(clock.offset, _EAST_US)
    west = pc.max_element_wise(pc.negate(clock.offset), _WEST_US)
    bias = _BIAS_DAYS * _DAY_US
    reach_lo = pc.subtract(
        pc.divide(pc.add(pc.subtract(pc.subtract(at, west), _DAY_US), bias), _DAY_US),
        _BIAS_DAYS - 1,
    )
    reach_hi = pc.subtract(pc.divide(pc.add(pc.add(at, east), bias), _DAY_US), _BIAS_DAYS)
    aware = pc.not_equal(clock.zone, "")
    start = pc.if_else(
        aware, pc.max_element_wise(pc.cast(reach_lo, pa.int32()), _FIRST_DAY), first_day
    )
    end = pc.if_else(
        aware, pc.min_element_wise(pc.cast(reach_hi, pa.int32()), _LAST_DAY), first_day
    )
    return at, start, end


def _calendar_text(
    year: Any, grain: Any, first_month: Any, day: Any, approximate: Any, uncertain: Any
) -> Any:
    """The canonical text of calendar values, as timeline writes it.

    "3 April 2026", "April 2026", "Q2 2026", "H1 2026", "2026"; "c. " before for
    approximate, "?" after for uncertain.
    """
    pa, pc = require("pyarrow"), require("pyarrow.compute")

    month_name = pc.take(pa.array(MONTH_NAMES, pa.string()), pc.subtract(first_month, 1))
    quarter = pc.cast(pc.add(pc.divide(first_month, 3), 1), pa.string())
    half = pc.cast(pc.add(pc.divide(first_month, 6), 1), pa.string())
    lead = _pick(
        (
            pc.equal(grain, _DAY),
            pc.binary_join_element_wise(pc.cast(day, pa.string()), month_name, " "),
        ),
        (pc.equal(grain, _MONTH), month_name),
        (pc.equal(grain, _QUARTER), pc.binary_join_element_wise("Q", quarter, "")),
        (pc.equal(grain, _HALF), pc.binary_join_element_wise("H", half, "")),
        (True, ""),
    )
    core = pc.if_else(pc.equal(lead, ""), year, pc.binary_join_element_wise(lead, year, " "))
    return pc.binary_join_element_wise(
        pc.if_else(approximate, "c. ", ""), core, pc.if_else(uncertain, "?", ""), ""
    )
