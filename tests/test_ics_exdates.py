"""Long EXDATE and RDATE lists: read quickly, and each value exactly as `Values.point` reads it.

A feed may exclude hundreds of thousands of occurrences in one EXDATE line;
`Series._points` reads RFC 5545's own forms on a quick path. The oracle is the
general reader (`Values.point`), value by value, and the import of the same
list split into one-value lines.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from ics_feeds import feed, read, said
from timeline.ics._lines import Prop, Structure
from timeline.ics._recurrence import Moments, same_moment
from timeline.ics._series import Series
from timeline.ics._zones import Zones

_ZONES = ["", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Tokyo"]


def _series(default: str = "") -> Series:
    prop = Prop("X-WR-TIMEZONE", {}, default, 1) if default else None
    return Series(Zones({}), prop, Structure())


@settings(max_examples=examples(300), deadline=None)
@given(
    moment=st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2100, 12, 31)),
    form=st.sampled_from(["utc", "zoned", "floating", "date", "calendar-zone"]),
    zone=st.sampled_from(_ZONES[1:]),
    near_change=st.booleans(),
)
def test_the_quick_reader_gives_what_point_gives(
    moment: dt.datetime, form: str, zone: str, near_change: bool
) -> None:
    if near_change:  # 02:00-03:00 on the days clocks change in Europe and America
        moment = moment.replace(month=(3, 10, 11)[moment.day % 3], hour=1 + moment.minute % 2)
    wall = moment.strftime("%Y%m%dT%H%M%S")
    value, params, default = wall, {}, ""
    if form == "utc":
        value += "Z"
    elif form == "zoned":
        params = {"TZID": zone}
    elif form == "date":
        value = wall[:8]
    elif form == "calendar-zone":
        default = zone
    one, many = _series(default), _series(default)
    prop = Prop("EXDATE", params, value, 5)
    expected = one.point(prop, "x")
    (got,) = many._points(prop, "x")
    assert got == expected and same_moment(got, expected)
    assert type(got) is not dt.date or type(expected) is not dt.datetime
    if isinstance(expected, dt.datetime):
        assert isinstance(got, dt.datetime)
        assert (got.utcoffset(), got.replace(tzinfo=None)) == (
            expected.utcoffset(),
            expected.replace(tzinfo=None),
        )
    assert one.found.changed == many.found.changed


@pytest.mark.parametrize(
    ("value", "tzid"),
    [
        ("20161231T235960Z", ""),  # a leap second: said
        ("20260415T240000", ""),  # 24:00: the next day, said
        ("2026-04-15T10:00:00Z", ""),  # ISO 8601: said
        ("20260329T023000", "Europe/Berlin"),  # a time the clocks skip: the offset before
        ("20261025T023000", "Europe/Berlin"),  # a time they pass twice: the first
        ("20261101T013000", "America/New_York"),
        ("20260405T021500", "Australia/Lord_Howe"),  # a half-hour change
        ("20260415T100000Z", "Europe/Berlin"),  # a TZID and a Z: UTC, said
        ("20260230T100000Z", ""),  # no such day: ignored, said
        ("20260415T100000", "Nowhere/Unknown"),  # an unknown zone: floating, said
    ],
)
def test_values_off_the_quick_path_read_as_before(value: str, tzid: str) -> None:
    one, many = _series(), _series()
    prop = Prop("EXDATE", {"TZID": tzid} if tzid else {}, value, 5)
    try:
        expected = [one.point(prop, "x")]
    except Exception:
        expected = []
    got = many._points(prop, "x")
    assert got == expected
    assert [(g.utcoffset(), g.replace(tzinfo=None)) for g in got if isinstance(g, dt.datetime)] == [
        (e.utcoffset(), e.replace(tzinfo=None)) for e in expected if isinstance(e, dt.datetime)
    ]
    if expected:
        assert one.found.changed == many.found.changed
    else:
        assert "EXDATE values that are not dates, ignored" in many.found.changed


def test_a_long_exdate_line_excludes_as_separate_lines_do() -> None:
    """Oracle: the same values one per EXDATE line; and the kind note said once, not per value."""
    start = dt.datetime(2026, 1, 5, 10)
    days = [(start + dt.timedelta(days=i)).strftime("%Y%m%d") for i in range(0, 2000, 2)]
    times = [f"{d}T100000" for d in days]
    head = ["UID:a", "SUMMARY:A", "DTSTART;TZID=Europe/Berlin:20260105T100000", "RRULE:FREQ=DAILY"]
    joined = read(feed([*head, "EXDATE;TZID=Europe/Berlin:" + ",".join(times)]))
    apart = read(feed([*head, *(f"EXDATE;TZID=Europe/Berlin:{t}" for t in times)]))
    assert [e.when for e in joined[0]] == [e.when for e in apart[0]]
    (event,) = joined[0]
    assert str(event.when.earliest) == "2026-01-06 10:00:00+01:00"
    days_too = read(feed([*head, "EXDATE;VALUE=DATE:" + ",".join(days[:500])]))
    (places,) = [p for kind, p in days_too[1].changed if kind.startswith("EXDATEs of another")]
    assert len(places) == 1  # was: once per value (500 places)


def test_moments_find_an_instant_in_any_offset() -> None:
    utc = dt.datetime(2026, 4, 15, 8, tzinfo=dt.UTC)
    found = Moments([(utc, "x")])
    tokyo = utc.astimezone(dt.timezone(dt.timedelta(hours=9)))
    assert found.get(tokyo) == "x"
    assert found.get(dt.datetime(2026, 4, 15, 8)) == "x"  # floating: by its wall clock
    assert found.get(dt.datetime(2026, 4, 15, 9, tzinfo=dt.UTC)) is None


@pytest.mark.parametrize(
    "line",
    [
        "EXDATE;TZID=Asia/Tokyo:00010101T000000",  # before year 1 in UTC
        "EXDATE;TZID=America/New_York:99991231T235959",  # after year 9999 in UTC
        "EXDATE;TZID=Asia/Tokyo:20260106T090000,00010101T000000",
        "RDATE;TZID=America/New_York:99991231T235959",  # no instant on Tokyo's clock
    ],
)
def test_a_value_past_the_calendars_range_leaves_the_series(line: str) -> None:
    """Was: the whole event skipped ('a date out of range') for one EXDATE or RDATE value that
    names no instant Python can hold; now that value alone is left out, and said."""
    start = "DTSTART;TZID=Asia/Tokyo:20260105T090000"
    (event,), report = read(feed(["UID:a", "SUMMARY:A", start, "RRULE:FREQ=DAILY;COUNT=3", line]))
    assert str(event.when.earliest) == "2026-01-05 09:00:00+09:00"
    if line.startswith("RDATE"):
        assert "out of range" in said(report)


def test_an_rdate_in_year_1_on_the_series_clock_is_its_first_occurrence() -> None:
    """Was skipped ('a date out of range': its UTC instant is in year 0); RFC 5545 makes an
    RDATE before DTSTART the first occurrence, and Tokyo's clock holds it."""
    start = "DTSTART;TZID=Asia/Tokyo:20260105T090000"
    rdate = "RDATE;TZID=Asia/Tokyo:00010101T050000"
    (event,), _ = read(feed(["UID:a", "SUMMARY:A", start, "RRULE:FREQ=DAILY;COUNT=3", rdate]))
    assert event.when.earliest.replace(tzinfo=None) == dt.datetime(1, 1, 1, 5)


def test_an_exdate_past_the_range_still_excludes_what_it_names_by_wall_clock() -> None:
    excluded = Moments([(dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=9))), "x")])
    assert excluded.get(dt.datetime(1, 1, 1)) == "x"  # a floating time: by its wall clock
    assert excluded.get(dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) is None
