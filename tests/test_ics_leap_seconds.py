"""Second 60 in a foreign calendar reads as `When.parse` reads it (the oracle).

RFC 5545 §3.3.12 allows second 60 in a DATE-TIME (a leap second); RFC 3339 writes
the same as ``23:59:60Z``. `When.parse` reads a leap second as the last instant of
its minute and refuses second 60 where no leap second was (checked against the
leap seconds there were): the import does the same, and its report says so.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ics_feeds import feed, read, said
from timeline import When, WhenParseError
from timeline.dates._edtf_instants import LEAP_SECOND_DAYS

UTC = dt.UTC


def _event(*lines: str) -> list[str]:
    return ["UID:leap", "SUMMARY:Leap", *lines]


@pytest.mark.parametrize("day", sorted(LEAP_SECOND_DAYS))
def test_a_leap_second_reads_as_the_date_parser_reads_it(day: dt.date) -> None:
    timeline, report = read(feed(_event(f"DTSTART:{day:%Y%m%d}T235960Z")))
    (event,) = timeline
    # was: 23:59:59 (the second before); now the last instant of the minute, as When.parse
    assert event.when == When.parse(f"{day.isoformat()}T23:59:60Z")
    last = dt.datetime(day.year, day.month, day.day, 23, 59, 59, 999_999, tzinfo=UTC)
    assert event.when.earliest == event.when.latest == last
    assert "leap second" in said(report)


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        # a zone's wall clock: the leap second at 18:59:60 in New York
        ("DTSTART;TZID=America/New_York:20161231T185960", "2016-12-31T18:59:60[America/New_York]"),
        # ISO 8601 as home-made feeds write it, with an offset: the next local day east of UTC
        ("DTSTART:2017-01-01T08:59:60+09:00", "2017-01-01T08:59:60+09:00"),
        ("DTSTART:2016-12-31T23:59:60.25Z", "2016-12-31T23:59:60.25Z"),
        # a floating time: read on UTC's clock, as When.parse reads a time with no offset
        ("DTSTART:20161231T235960", "2016-12-31T23:59:60"),
        # after the leap seconds announced, a month's end is taken on trust
        ("DTSTART:20300630T235960Z", "2030-06-30T23:59:60Z"),
    ],
)
def test_a_leap_second_anywhere_reads_as_the_date_parser_reads_it(value: str, parsed: str) -> None:
    (event,), _ = read(feed(_event(value)))
    assert event.when == When.parse(parsed)


def test_a_leap_second_end_is_after_every_other_instant_of_its_minute() -> None:
    (event,), _ = read(feed(_event("DTSTART:20161231T235959Z", "DTEND:20161231T235960Z")))
    assert event.end == When.parse("2016-12-31T23:59:60Z")
    assert event.when.definitely_before(event.end)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("DTSTART:20171231T235960Z", "none at 2017-12-31T23:59:60Z"),  # no leap second then
        ("DTSTART:20161231T225960Z", "none at 2016-12-31T22:59:60Z"),  # not the day's last minute
        ("DTSTART;TZID=Europe/Berlin:20161231T235960", "none at 2016-12-31T22:59:60Z"),
        ("DTSTART:20300629T235960Z", "at the end of a month"),
        ("DTSTART:20161231T235961Z", "out of range 00-59"),  # was: read as 23:59:59
        ("DTSTART:20260415T100099Z", "out of range 00-59"),  # was: read as 10:00:59
    ],
)
def test_a_second_the_date_parser_refuses_is_refused_and_said(value: str, says: str) -> None:
    timeline, report = read(feed(_event(value)))
    assert len(timeline) == 0  # was: imported at second 59
    assert says in said(report), said(report)


def test_a_refused_second_60_end_is_dropped_and_said() -> None:
    (event,), report = read(feed(_event("DTSTART:20171231T235900Z", "DTEND:20171231T235960Z")))
    assert event.end is None  # was: 23:59:59
    assert "none at 2017-12-31T23:59:60Z" in said(report)


def test_a_series_from_a_leap_second_excludes_it_by_its_exdate() -> None:
    (event,), _ = read(
        feed(
            _event(
                "DTSTART:20161231T235960Z",
                "RRULE:FREQ=DAILY;COUNT=3",
                "EXDATE:20161231T235960Z",
            )
        )
    )
    # the next day's occurrence, on the wall clock DTSTART repeats: no leap second there, so
    # the last instant of that minute, as DTSTART is its own (was 23:59:59, a whole second)
    assert event.when == When.parse("2017-01-01T23:59:59.999999Z")


def test_a_leap_second_rdate_before_dtstart_reads_as_the_date_parser_reads_it() -> None:
    (event,), _ = read(
        feed(_event("DTSTART:20170105T100000Z", "RRULE:FREQ=WEEKLY", "RDATE:20161231T235960Z"))
    )
    assert event.when == When.parse("2016-12-31T23:59:60Z")


@settings(max_examples=60, deadline=None)
@given(
    st.datetimes(min_value=dt.datetime(1965, 1, 1), max_value=dt.datetime(2035, 12, 31)),
    st.integers(-14 * 4, 14 * 4),
)
def test_second_60_is_imported_exactly_when_the_date_parser_reads_it(
    moment: dt.datetime, quarters: int
) -> None:
    """Oracle: `When.parse` of the same time in RFC 3339 form."""
    moment = moment.replace(second=0, microsecond=0)
    if quarters % 2 == 0:  # every month's end, 23:59 UTC, often
        last = calendar.monthrange(moment.year, moment.month)[1]
        moment = moment.replace(day=last, hour=23, minute=59)
        quarters = 0
    offset = dt.timedelta(minutes=15 * quarters)
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    zone = f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    text = f"{moment.isoformat(timespec='minutes')}:60{zone}"
    try:
        expected: When | None = When.parse(text)
    except WhenParseError:
        expected = None
    timeline, _ = read(feed(_event(f"DTSTART:{text}")))
    assert [e.when for e in timeline] == ([] if expected is None else [expected])


# -- a fraction of a second (ISO 8601 as home-made feeds write it) ---------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2026-04-15T10:00:00.750Z",
        "2026-04-15T10:00:00,5+02:00",
        "2026-04-15T10:00:00.123456789Z",  # finer than a microsecond: truncated, as When.parse
        "2026-04-15 10:00:00.25",
    ],
)
def test_a_fraction_of_a_second_reads_as_the_date_parser_reads_it(value: str) -> None:
    (event,), report = read(feed(_event(f"DTSTART:{value}")))
    assert event.when == When.parse(value)  # was: the fraction dropped ("read as written")
    assert "read as written" in said(report)


def test_a_series_from_a_fraction_of_a_second_starts_there() -> None:
    (event,), _ = read(feed(_event("DTSTART:2026-04-15T10:00:00.5Z", "RRULE:FREQ=DAILY;COUNT=3")))
    assert event.when == When.parse("2026-04-15T10:00:00.5Z")


# -- a leap second as a rule's bound ----------------------------------------------------------


@pytest.mark.parametrize(
    ("until", "start"),
    [
        ("20161231T235960Z", "DTSTART:20161229T120000Z"),  # the leap second of 2016, in UTC
        ("20161231T235960", "DTSTART:20161229T120000"),  # a floating series' bound
        ("20161231T235960Z", "DTSTART;TZID=Asia/Tokyo:20161229T120000"),  # read in Tokyo
    ],
)
def test_an_until_at_a_leap_second_bounds_the_rule_at_the_end_of_its_minute(
    until: str, start: str
) -> None:
    """Was skipped: the rule "could not be followed" (dateutil refuses second 60)."""
    (event,), report = read(
        feed(_event(start, f"RRULE:FREQ=DAILY;UNTIL={until}", f"EXDATE{start[7:]}"))
    )
    wall = start.split(":")[1]
    second = When.parse(f"2016-12-30T12:00{'Z' if wall.endswith('Z') else ''}")
    if "Tokyo" in start:
        second = When.parse("2016-12-30T12:00[Asia/Tokyo]")
    assert event.when == second
    assert "UNTIL at second 60" in said(report), said(report)


@pytest.mark.parametrize(
    ("start", "until", "says"),
    [
        # no leap second at the end of 2017: was bounded at 23:59:59 in silence
        ("DTSTART:20171229T120000Z", "20171231T235960Z", "none at 2017-12-31T23:59:60Z"),
        ("DTSTART:20161229T120000Z", "20161231T225960Z", "none at 2016-12-31T22:59:60Z"),
        # a floating series: its UNTIL on UTC's clock, as When.parse reads a floating time
        ("DTSTART:20260413T120000", "20260415T100060", "none at 2026-04-15T10:00:60"),
        # a series in Berlin: a floating UNTIL is its wall clock, 23:59:60 there is 22:59:60Z
        ("DTSTART;TZID=Europe/Berlin:20161229T120000", "20161231T235960",
         "none at 2016-12-31T22:59:60Z"),
    ],
)  # fmt: skip
def test_an_until_at_second_60_where_no_leap_second_was_is_refused_as_dtstart_is(
    start: str, until: str, says: str
) -> None:
    """Was: cut to second 59 (the end of its minute) and followed; DTSTART at such a second is
    refused. Now the UNTIL is refused too: the rule is not followed (an excluded DTSTART leaves
    no occurrence known), and the report says why and how to fix it."""
    rule = f"RRULE:FREQ=DAILY;UNTIL={until}"
    timeline, report = read(feed(_event(start, rule, f"EXDATE{start[7:]}")))
    assert len(timeline) == 0, said(report)
    assert says in said(report), said(report)
    assert "no leap second" in said(report) and "second 59" in said(report)
    # DTSTART is in the set whatever the UNTIL: imported there, the UNTIL said all the same
    (event,), report = read(feed(_event(start, rule)))
    assert event.when.earliest.isoformat().startswith(start.split(":")[1][:4])
    assert says in said(report)


def test_a_floating_until_at_a_leap_second_in_a_zoned_series_is_the_leap_second() -> None:
    """New York's 18:59:60 on 2016-12-31 is the leap second (23:59:60 UTC)."""
    start = "DTSTART;TZID=America/New_York:20161229T120000"
    (event,), report = read(
        feed(_event(start, "RRULE:FREQ=DAILY;UNTIL=20161231T185960", f"EXDATE{start[7:]}"))
    )
    assert event.when == When.parse("2016-12-30T12:00[America/New_York]")
    assert "UNTIL at second 60 (a leap second)" in said(report)


# -- occurrences keep DTSTART's fraction of a second ------------------------------------------


def _dateutil_after(start: dt.datetime, rule: str, skipped: int) -> dt.datetime:
    """The oracle: dateutil's occurrence (whole seconds: it drops microseconds) after
    ``skipped`` ones, with DTSTART's fraction of a second put back."""
    from dateutil.rrule import rrulestr

    walls = rrulestr(rule, dtstart=start.replace(microsecond=0, tzinfo=None))
    wall = list(walls[: skipped + 1])[skipped]
    return wall.replace(microsecond=start.microsecond, tzinfo=start.tzinfo)


@pytest.mark.parametrize(
    ("start", "exdates", "first"),
    [
        # a fraction: the next day at the same fraction (was 2026-04-16T10:00:00Z)
        ("DTSTART:2026-04-15T10:00:00.5Z", ["2026-04-15T10:00:00.5Z"], "2026-04-16T10:00:00.5Z"),
        # an EXDATE in RFC 5545's whole seconds names the occurrence in that second
        ("DTSTART:2026-04-15T10:00:00.5Z", ["20260415T100000Z", "20260416T100000Z"],
         "2026-04-17T10:00:00.5Z"),
        # in a zone, across the change to summer time: the wall clock and its fraction
        ("DTSTART;TZID=Europe/Berlin:2026-03-28T10:00:00.25", ["20260328T100000"],
         "2026-03-29T10:00:00.25+02:00"),
        # a floating time
        ("DTSTART:2026-04-15T10:00:00.125", ["20260415T100000"], "2026-04-16T10:00:00.125"),
        # a leap second in New York's wall clock: the last instant of 18:59 the next day
        ("DTSTART;TZID=America/New_York:20161231T185960", ["20161231T185960"],
         "2017-01-01T18:59:59.999999-05:00"),
    ],
)  # fmt: skip
def test_occurrences_keep_the_fraction_of_a_second_of_dtstart(
    start: str, exdates: list[str], first: str
) -> None:
    tzid = start[7:].split(":")[0]
    lines = [start, "RRULE:FREQ=DAILY;COUNT=5", *(f"EXDATE{tzid}:{e}" for e in exdates)]
    (event,), report = read(feed(_event(*lines)))
    assert event.when == When.parse(first), said(report)


_RULES = [
    "FREQ=DAILY",
    "FREQ=WEEKLY;BYDAY=MO,WE",
    "FREQ=HOURLY;INTERVAL=5",
    "FREQ=MINUTELY;INTERVAL=7",
    "FREQ=MONTHLY;BYMONTHDAY=5,-1",
    "FREQ=YEARLY;BYMONTH=1,7",
]


@settings(max_examples=60, deadline=None)
@given(
    micro=st.integers(1, 999_999),
    rule=st.sampled_from(_RULES),
    skipped=st.integers(1, 4),
)
def test_the_first_occurrence_left_is_dateutils_with_dtstarts_fraction(
    micro: int, rule: str, skipped: int
) -> None:
    start = dt.datetime(2026, 1, 5, 9, 30, 15, micro, tzinfo=UTC)  # a Monday, 5th: in each rule
    from dateutil.rrule import rrulestr

    walls = list(rrulestr(rule, dtstart=start.replace(microsecond=0, tzinfo=None))[:skipped])
    exdates = ",".join(f"{w:%Y%m%dT%H%M%S}Z" for w in walls)
    fraction = f"{micro:06d}"
    lines = [f"DTSTART:2026-01-05T09:30:15.{fraction}Z", f"RRULE:{rule}", f"EXDATE:{exdates}"]
    (event,), report = read(feed(_event(*lines)))
    assert event.when.earliest == _dateutil_after(start, rule, skipped), said(report)
