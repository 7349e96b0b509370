"""Instants whose UTC time falls outside years 1..9999 ("0001-01-01T00:30+01:00" is 23:30 on
31 December of year 0 in UTC): valid dates, which Python's datetime (and so pyarrow's
``to_pylist``, pandas' conversion and Spark's ``collect``) cannot hold as a UTC instant.

The representation: the timestamp columns (``earliest_at``, ``latest_at``, ``end_*_at`` and
`parse_dates`' ``earliest_at``/``latest_at``) are null for such a bound; the exact value is in
the text column (``when``, ``end``), which `from_arrow` reads, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

from data_strategies import edge_instants  # noqa: E402
from timeline import Event, Timeline, When  # noqa: E402
from timeline.columnar import from_arrow, parse_dates, to_arrow  # noqa: E402

_AT = ("earliest_at", "latest_at", "end_earliest_at", "end_latest_at")
# Python's calendar in UTC microseconds: 0001-01-01T00:00Z .. 9999-12-31T23:59:59.999999Z.
_FIRST_US = -62_135_596_800_000_000
_LAST_US = 253_402_300_799_999_999
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

EDGES = [
    ("0001-01-01T00:30+01:00", None),  # 0000-12-31T23:30Z
    ("9999-12-31T23:30-01:00", None),  # 10000-01-01T00:30Z
    ("0001-01-01T00:00:00+14:00", None),
    ("0001-01-01", "0001-01-01T00:30+01:00"),
    ("9999-12-31T22:00-01:00", "9999-12-31T23:30-01:00"),
    ("0001-01-01T00:30+01:00/2026", None),
    ("c. 0001-01-01T00:30+01:00", None),
    ("by 0001-01-01T00:30+01:00", None),
    ("0001-01-01T01:00+01:00", None),  # 0001-01-01T00:00Z: the first instant, kept
    ("9999-12-31T23:59:59.999999Z", None),  # the last, kept
]


def _micros(bound: object) -> int | None:
    """An instant's UTC microseconds since 1970, exactly (no datetime arithmetic past 9999)."""
    if not isinstance(bound, dt.datetime):
        return None
    offset = bound.utcoffset() or dt.timedelta(0)
    local = bound.replace(tzinfo=dt.UTC)
    days = local.toordinal() - _EPOCH.toordinal()
    seconds = local.hour * 3600 + local.minute * 60 + local.second
    return (
        (days * 86_400 + seconds) * 1_000_000
        + local.microsecond
        - offset // dt.timedelta(microseconds=1)
    )


def _expected(bound: object) -> int | None:
    us = _micros(bound)
    return us if us is not None and _FIRST_US <= us <= _LAST_US else None


@pytest.mark.parametrize(("when", "end"), EDGES)
def test_to_arrow_holds_what_python_can_read(when: str, end: str | None) -> None:
    tl = Timeline([Event(title="x", when=when, end=end)])
    table = to_arrow(tl)
    table.to_pylist()  # raised OverflowError: date value out of range
    table.to_pandas()
    assert from_arrow(table) == tl
    event = tl["x"]
    bounds = [event.when.earliest, event.when.latest]
    bounds += [None, None] if event.end is None else [event.end.earliest, event.end.latest]
    for name, bound in zip(_AT, bounds, strict=True):
        assert table.column(name).cast(pa.int64())[0].as_py() == _expected(bound), name
    # The text column holds the exact value.
    assert table.column("when")[0].as_py() == event.when.format()


@pytest.mark.parametrize(("when", "end"), EDGES)
def test_parse_dates_holds_what_python_can_read(when: str, end: str | None) -> None:
    parsed = parse_dates([when, "2026-04-15T10:00Z"])
    rows = parsed.to_pylist()  # raised OverflowError
    value = When.parse(when)
    for name, bound in (("earliest_at", value.earliest), ("latest_at", value.latest)):
        assert parsed.field(name).cast(pa.int64())[0].as_py() == _expected(bound), name
    assert rows[1]["earliest_at"] == dt.datetime(2026, 4, 15, 10, tzinfo=dt.UTC)


@settings(max_examples=60, deadline=None)
@given(edge_instants(), st.booleans())
def test_any_instant_at_the_edges(when: When, as_end: bool) -> None:
    event = (
        Event(title="x", when=when)
        if not as_end or when.earliest is None
        else Event(title="x", when="0001-01-01", end=when)
    )
    tl = Timeline([event])
    table = to_arrow(tl)
    rows = table.to_pylist()
    table.to_pandas()
    assert from_arrow(table) == tl
    column = "end_earliest_at" if as_end else "earliest_at"
    assert table.column(column).cast(pa.int64())[0].as_py() == _expected(when.earliest)
    if rows[0][column] is not None:  # a floating time is held as if it were UTC
        earliest = when.earliest
        assert isinstance(earliest, dt.datetime)
        assert rows[0][column] == (earliest if earliest.tzinfo else earliest.replace(tzinfo=dt.UTC))
    parsed = parse_dates([when.format()])
    assert parsed.field("earliest_at").cast(pa.int64())[0].as_py() == _expected(when.earliest)
    parsed.to_pylist()
