"""Plain date texts read in Arrow: which texts are plain values, and their keys.

A large table's dates are mostly plain values written the way `When` writes them
("20 April 2026", "April 2026", "2026", "2026-04-20T10:00+08:00") or as ISO text
("2026-04-20", "2026-04"). `plain_dates` recognises those over a whole column at
once and computes what loading needs of each, the integer keys `when_keys` gives
(`timeline.dates._keys`), without making a `When`:

- ``lo``/``hi``: the first and last bound as keys (microseconds since 1970 UTC;
  a day at its UTC midnight; an instant's two are one);
- ``rank``: the grain's rank in the order (year, month, day, minute, second: as
  `When.parse` reads it, ":00" seconds are a minute);
- ``days_lo``/``days_hi``: the bounds' local dates as days since 1970 (an
  instant's as written, in its own offset), for comparing a day with an instant;
- ``instant``: whether the value is an instant.

A text is accepted only if it is one of those shapes and every field is in
range: the date must read back as written from Arrow's own calendar
(``strptime``, whose 29 February 2026 is 1 March), the time of day and
the offset must be in the ranges `When.parse` accepts. Everything else (other
shapes, qualified values, an offset out of range) is left for `When.parse`,
which reads and judges it. A property test checks every accepted text against
`When.parse` and `when_keys`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from timeline.columnar._deps import require
from timeline.dates._keys import _RANK_BY_NAME

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["PlainDates", "plain_dates"]

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
_MONTH = "(?P<mon>" + "|".join(_MONTHS) + ")"
# ISO: a year, a month, a day, or an instant with an offset (Z or ±hh:mm).
_ISO = (
    r"^(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2})"
    r"(?:T(?P<H>[0-9]{2}):(?P<M>[0-9]{2})(?::(?P<S>[0-9]{2}))?"
    r"(?P<z>Z|(?P<zs>[+-])(?P<zh>[0-9]{2}):(?P<zm>[0-9]{2})))?)?)?$"
)
# As `When` writes a day and a month: "20 April 2026", "April 2026".
_DAY_WORDS = r"^(?P<d>[1-9]|[12][0-9]|3[01]) " + _MONTH + r" (?P<y>[0-9]{4})$"
_MONTH_WORDS = r"^" + _MONTH + r" (?P<y>[0-9]{4})$"

_DAY_US = 86_400_000_000
_SECOND_US = 1_000_000
# The offsets `When.parse` accepts: up to 18 hours either side ("-00:00" it refuses).
_MAX_OFFSET_MINUTES = 18 * 60


class PlainDates(NamedTuple):
    """What `plain_dates` found, one entry per text, as Arrow arrays: ``ok`` (boolean) is
    false where the text is left for `When.parse` (the other fields are then null)."""

    ok: Any
    lo: Any
    hi: Any
    rank: Any
    days_lo: Any
    days_hi: Any
    instant: Any


def _field(found: Any, name: str) -> Any:
    """A named group of an ``extract_regex`` result as int64, null where it is empty."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    text = pc.struct_field(found, name)
    return pc.cast(pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text), pa.int64())


def _iso_days(year: Any, month: Any, day: Any) -> Any:
    """Days since 1970 of each (year, month, day), null where Arrow's calendar does not
    hold that day exactly (a 30 February, a month 13, a year out of 1..9999)."""
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    parts = [
        pc.utf8_lpad(pc.cast(v, pa.string()), width, padding="0")
        for v, width in ((year, 4), (month, 2), (day, 2))
    ]
    text = pc.binary_join_element_wise(*parts, "-")
    stamp = pc.strptime(text, format="%Y-%m-%d", unit="s", error_is_null=True)
    # Arrow moves 30 February to 2 March: the day read must be the day written.
    exact = pc.and_(
        pc.and_(pc.equal(pc.year(stamp), year), pc.equal(pc.month(stamp), month)),
        pc.and_(pc.equal(pc.day(stamp), day), pc.greater_equal(year, 1)),
    )
    seconds = pc.cast(stamp, pa.int64())
    return pc.if_else(pc.fill_null(exact, False), pc.divide(seconds, 86_400), None)


def plain_dates(texts: pa.Array) -> PlainDates:
    """Which of ``texts`` (an Arrow string array) are plain values, and their keys.

    >>> import pyarrow as pa
    >>> found = plain_dates(pa.array(["20 April 2026", "2026-02-29", "c. 2026", "2026"]))
    >>> found.ok.to_pylist()
    [True, False, False, True]
    >>> from timeline.dates import When
    >>> found.lo[0].as_py() == When.parse("20 April 2026")._keys[0]
    True
    >>> found.rank[3].as_py() == _RANK_BY_NAME["YEAR"]
    True
    """
    pa = require("pyarrow")
    pc = require("pyarrow.compute")
    iso = pc.extract_regex(texts, _ISO)
    day_words = pc.extract_regex(texts, _DAY_WORDS)
    month_words = pc.extract_regex(texts, _MONTH_WORDS)
    months = pa.array(_MONTHS)

    def month_of(found: Any) -> Any:
        return pc.add(pc.index_in(pc.struct_field(found, "mon"), value_set=months), 1)

    year = pc.coalesce(_field(iso, "y"), _field(day_words, "y"), _field(month_words, "y"))
    month = pc.coalesce(_field(iso, "m"), month_of(day_words), month_of(month_words))
    day = pc.coalesce(_field(iso, "d"), _field(day_words, "d"))
    hour, minute, second = (_field(iso, k) for k in ("H", "M", "S"))
    zone = pc.struct_field(iso, "z")

    is_year = pc.and_(pc.is_valid(year), pc.is_null(month))
    is_month = pc.and_(pc.is_valid(month), pc.is_null(day))
    is_instant = pc.is_valid(hour)
    one = pa.scalar(1, pa.int64())
    first = _iso_days(year, pc.coalesce(month, one), pc.coalesce(day, one))
    # The last day: of the year, of the month (the day before the next month's first).
    december = pc.equal(pc.coalesce(month, 12), 12)
    next_first = _iso_days(
        pc.if_else(december, pc.add(year, 1), year),
        pc.if_else(december, 1, pc.add(month, 1)),
        one,
    )
    last = pc.if_else(
        is_year,
        _iso_days(year, 12, 31),
        pc.if_else(is_month, pc.subtract(next_first, 1), first),
    )

    # An instant: time of day in range, an offset of Z or ±hh:mm within 18 hours.
    zulu = pc.equal(zone, "Z")
    sign = pc.if_else(pc.equal(pc.struct_field(iso, "zs"), "-"), -1, 1)
    offset_minutes = _field(iso, "zm")
    offset = pc.if_else(
        zulu, 0, pc.add(pc.multiply(_field(iso, "zh"), 60), pc.coalesce(offset_minutes, 0))
    )
    seconds = pc.coalesce(second, 0)
    time_ok = pc.and_kleene(
        pc.and_kleene(pc.less_equal(hour, 23), pc.less_equal(minute, 59)),
        pc.and_kleene(
            pc.less_equal(seconds, 59),
            pc.or_kleene(
                zulu,
                pc.and_kleene(
                    pc.and_kleene(
                        pc.less_equal(offset_minutes, 59),
                        pc.less_equal(offset, _MAX_OFFSET_MINUTES),
                    ),
                    pc.invert(pc.equal(zone, "-00:00")),
                ),
            ),
        ),
    )
    local_seconds = pc.add(pc.add(pc.multiply(hour, 3600), pc.multiply(minute, 60)), seconds)
    utc_seconds = pc.subtract(local_seconds, pc.multiply(pc.multiply(sign, offset), 60))
    instant_key = pc.add(pc.multiply(first, _DAY_US), pc.multiply(utc_seconds, _SECOND_US))

    ok = pc.and_(
        pc.is_valid(first),
        pc.if_else(is_instant, pc.fill_null(time_ok, False), pc.is_valid(last)),
    )
    lo = pc.if_else(is_instant, instant_key, pc.multiply(first, _DAY_US))
    hi = pc.if_else(is_instant, instant_key, pc.multiply(last, _DAY_US))
    rank = pc.if_else(
        is_instant,
        pc.if_else(pc.greater(seconds, 0), _RANK_BY_NAME["SECOND"], _RANK_BY_NAME["MINUTE"]),
        pc.if_else(
            is_year,
            _RANK_BY_NAME["YEAR"],
            pc.if_else(is_month, _RANK_BY_NAME["MONTH"], _RANK_BY_NAME["DAY"]),
        ),
    )
    ok = pc.fill_null(ok, False)

    def kept(values: Any) -> Any:
        return pc.if_else(ok, values, pa.scalar(None, values.type))

    return PlainDates(
        ok,
        kept(lo),
        kept(hi),
        kept(rank),
        kept(first),
        kept(pc.if_else(is_instant, first, last)),
        kept(pc.fill_null(is_instant, False)),
    )
