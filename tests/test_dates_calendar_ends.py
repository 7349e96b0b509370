"""What the calendar's ends and its odd seconds read as, against independent oracles.

* **Leap seconds** (RFC 3339 writes ``2016-12-31T23:59:60Z``): read as the last
  instant of their minute, checked against the leap seconds there were (tzdata's
  ``leapseconds`` file is the oracle where the system has it).
* **Year 0000** (1 BCE in EDTF): outside the calendar (years 1..9999), so a mask
  that allows it (``0XXX``) reads as its other years, as ``XXXX`` does; the years
  are enumerated here and python-edtf's bounds agree but for year 0.
* **Ambiguous texts at the ends**: "winter 9999" and "2024-28" are refused with a
  suggestion that is itself a date and means one of the readings.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import pathlib
import re

import pytest
from edtf import parse_edtf as edtf_oracle
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import When, WhenParseError
from timeline.dates._edtf_instants import LEAP_SECOND_DAYS, LEAP_SECONDS_KNOWN_TO

D = dt.date
UTC = dt.UTC

# -- leap seconds ----------------------------------------------------------------------------

_TZDATA = pathlib.Path("/usr/share/zoneinfo/leapseconds")


@pytest.mark.skipif(not _TZDATA.exists(), reason="no tzdata leapseconds file here")
def test_the_leap_seconds_are_tzdata_s() -> None:
    months = {name: i for i, name in enumerate(calendar.month_abbr) if name}
    listed = {
        D(int(y), months[mon], int(d))
        for y, mon, d in re.findall(
            r"^Leap\s+(\d{4})\s+(\w{3})\s+(\d+)\s+23:59:60\s+\+", _TZDATA.read_text(), re.M
        )
    }
    assert listed == LEAP_SECOND_DAYS
    assert len(LEAP_SECOND_DAYS) == 27  # TAI - UTC went from 10 s to 37 s


@pytest.mark.parametrize("day", sorted(LEAP_SECOND_DAYS))
def test_a_leap_second_is_the_last_instant_of_its_minute(day: D) -> None:
    text = f"{day.isoformat()}T23:59:60Z"
    w = When.parse(text)  # was: refused, "timeline does not keep" leap seconds
    last = dt.datetime(day.year, day.month, day.day, 23, 59, 59, 999_999, tzinfo=UTC)
    assert w.earliest == w.latest == last
    before = When.parse(f"{day.isoformat()}T23:59:59.999Z")
    after = When.parse(f"{(day + dt.timedelta(days=1)).isoformat()}T00:00Z")
    assert before.definitely_before(w) and w.definitely_before(after)
    assert sorted([after, w, before]) == [before, w, after]
    assert When.parse(str(w)) == w and When.from_edtf(w.to_edtf()) == w


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        # RFC 3339 §5.7's own examples: the same leap second at UTC and in California
        ("1990-12-31T23:59:60Z", "1990-12-31T23:59:59.999999+00:00"),
        ("1990-12-31T15:59:60-08:00", "1990-12-31T23:59:59.999999+00:00"),
        # east of UTC the leap second falls on the next local day
        ("2017-01-01T08:59:60+09:00", "2016-12-31T23:59:59.999999+00:00"),
        ("2016-12-31T18:59:60[America/New_York]", "2016-12-31T23:59:59.999999+00:00"),
        ("2016-12-31T23:59:60.25Z", "2016-12-31T23:59:59.999999+00:00"),
        ("2016-12-31 23:59:60", "2016-12-31T23:59:59.999999"),  # no offset: UTC's clock
        # after the leap seconds announced, any month's end is taken on trust (RFC 3339)
        ("2030-06-30T23:59:60Z", "2030-06-30T23:59:59.999999+00:00"),
        ("9999-12-31T23:59:60Z", "9999-12-31T23:59:59.999999+00:00"),
    ],
)
def test_a_leap_second_anywhere_it_was(text: str, utc: str) -> None:
    w = When.parse(text)
    assert isinstance(w.earliest, dt.datetime)
    moment = w.earliest if w.earliest.tzinfo is None else w.earliest.astimezone(UTC)
    assert moment.isoformat() == utc


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2017-12-31T23:59:60Z", "none at 2017-12-31T23:59:60Z"),  # no leap second that year
        ("2016-12-31T22:59:60Z", "none at 2016-12-31T22:59:60Z"),  # not the day's last minute
        ("1990-12-31T15:59:60-07:00", "none at 1990-12-31T22:59:60Z"),  # the wrong offset
        ("2016-12-31T18:59:60", "a time with no offset is read as UTC"),
        ("2030-06-29T23:59:60Z", "at the end of a month"),
        ("1971-12-31T23:59:60Z", "none at 1971"),  # before the first (1972)
        ("2016-12-31T23:59:61Z", "out of range 00-59"),
    ],
)
def test_a_second_60_that_was_no_leap_second_is_refused(text: str, says: str) -> None:
    with pytest.raises(WhenParseError, match=re.escape(says)) as caught:
        When.parse(text)
    if text.endswith((":60Z", ":60")) or ":60-" in text:
        # the suggestion is the second before, which parses
        suggestion = text.replace(":60", ":59")
        assert f"did you mean {suggestion!r}" in str(caught.value)
        When.parse(suggestion)


@settings(max_examples=60, deadline=None)
@given(
    st.datetimes(min_value=dt.datetime(1960, 1, 1), max_value=dt.datetime(2040, 12, 31)),
    st.integers(-14 * 4, 14 * 4),
)
def test_second_60_is_read_exactly_where_a_leap_second_was(
    moment: dt.datetime, quarters: int
) -> None:
    """Oracle: UTC's minute is 23:59 on a day in the table, or a month's end after it."""
    offset = dt.timedelta(minutes=15 * quarters)
    local = moment.replace(second=0, microsecond=0)
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    text = f"{local.isoformat(timespec='minutes')}:60{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    utc = local - offset
    day = utc.date()
    month_end = calendar.monthrange(day.year, day.month)[1] == day.day
    was = (utc.hour, utc.minute) == (23, 59) and (
        day in LEAP_SECOND_DAYS or (day > LEAP_SECONDS_KNOWN_TO and month_end)
    )
    try:
        w = When.parse(text)
    except WhenParseError:
        assert not was
    else:
        assert was
        assert w.earliest == local.replace(
            second=59, microsecond=999_999, tzinfo=dt.timezone(offset)
        )


# -- year 0000 -------------------------------------------------------------------------------


def _mask_years(mask: str) -> list[int]:
    """The years 1..9999 a four-character mask allows, enumerated digit by digit."""
    choices = ["0123456789" if c == "X" else c for c in mask]
    return [y for y in (int("".join(c)) for c in itertools.product(*choices)) if y]


@pytest.mark.parametrize(
    "text",
    ["0XXX", "00XX", "000X", "XXX0", "X000", "00X0", "0XX0", "0XXX-04", "00XX-12", "000X-02-29"],
)
def test_a_mask_allowing_year_0000_reads_as_its_other_years(text: str) -> None:
    w = When.parse(text)  # was: refused, "allows year 0000 (1 BCE)"
    years = _mask_years(text[:4])
    rest = text[5:]
    if rest.endswith("-29"):  # 29 February: the leap years among them
        years = [y for y in years if calendar.isleap(y)]
    month = int(rest[:2]) if rest else None
    first = D(years[0], month or 1, 29 if rest.endswith("-29") else 1)
    last_month = month or 12
    last = D(years[-1], last_month, calendar.monthrange(years[-1], last_month)[1])
    assert (w.earliest, w.latest) == (first, last)
    if not rest.endswith("-29"):  # python-edtf ends 000X-02-29 on 0009-02-29, no such day
        # python-edtf reads year 0000 as a year; but for it, the bounds agree
        e = edtf_oracle(text)
        lo, hi = D(1, 1, 1), D(*e.upper_strict()[:3])
        if e.lower_strict().tm_year > 0:
            lo = D(*e.lower_strict()[:3])
        assert w.latest == hi and w.earliest is not None and w.earliest >= lo
    assert When.parse(str(w)) == w and When.from_edtf(w.to_edtf()) == w
    assert "0000" not in w.words()  # no reading is in year 0000


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("0950S1", D(1, 1, 1), D(999, 12, 31)),  # was refused: 0000-0999
        ("0050S2", D(1, 1, 1), D(99, 12, 31)),
        ("0005S3", D(1, 1, 1), D(9, 12, 31)),
        ("0005S4", D(5, 1, 1), D(5, 12, 31)),
    ],
)
def test_significant_digits_allowing_year_0000(text: str, earliest: D, latest: D) -> None:
    w = When.from_edtf(text)
    assert (w.earliest, w.latest) == (earliest, latest)
    assert When.from_edtf(w.to_edtf()) == w


@pytest.mark.parametrize(
    "text", ["0000", "0000-XX", "0000-04-XX", "0000S4", "winter 0000", "0000-26", "winter 0000/01"]
)
def test_only_year_0000_is_refused_naming_it(text: str) -> None:
    with pytest.raises(WhenParseError, match=re.escape("year 0000 (1 BCE) is not supported")):
        When.parse(text)


# -- ambiguous texts at the calendar's ends ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "suggestion", "says"),
    [
        # one winter the calendar holds, the other only in part: both still meant
        ("winter 9999", "winter 9998/99", "from December 9999 runs past"),
        ("winter 0001", "winter 0001/02", "from December 0000 (1 BCE)"),
        ("winter of 9999", "winter 9998/99", "from December 9999 runs past"),
    ],
)
def test_a_winter_at_the_calendar_s_end_is_asked_not_guessed(
    text: str, suggestion: str, says: str
) -> None:
    with pytest.raises(WhenParseError, match=re.escape(says)) as caught:
        When.parse(text)
    assert f"did you mean {suggestion!r}" in str(caught.value)
    When.parse(suggestion)


_HEMISPHERE = {
    25: "northern spring",
    26: "northern summer",
    27: "northern autumn",
    28: "northern winter",
    29: "southern spring",
    30: "southern summer",
    31: "southern autumn",
    32: "southern winter",
}


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 9999), st.integers(25, 32))
def test_a_year_and_hemisphere_code_names_the_readings_it_has(year: int, code: int) -> None:
    """'2024-28' was said to be 'northern summer 2024' whatever its code, and '1999-30'
    the years 1999 to 1930; each reading named is now one the text has, and the
    suggestion parses to it."""
    text = f"{year:04d}-{code}"
    if (year + 1) % 100 == code:
        return  # "2024-25": two consecutive years, read as such
    with pytest.raises(WhenParseError) as caught:
        When.parse(text)
    message = str(caught.value)
    later = year - year % 100 + code  # the years: the two digits in the same century
    try:
        season: When | None = When.from_edtf(text)
    except WhenParseError:
        season = None
    if season is not None:
        assert str(season).startswith(_HEMISPHERE[code])
        assert f"'{season}'" in message and When.parse(str(season)) == season
    if later > year:
        years = f"{year:04d} to {later:04d}"
        assert "is ambiguous" in message and f"did you mean {years!r}" in message
        assert When.parse(years) == When.interval(When.year(year), When.year(later))
    else:
        assert "is ambiguous" not in message and " to " not in message
        if season is not None:
            assert f"did you mean '{season}'" in message


@pytest.mark.parametrize(
    ("text", "says", "suggestion"),
    [
        ("2024-28", "else the years 2024 to 2028", "2024 to 2028"),  # was 'northern summer 2024'
        ("1999-30", "southern summer 1999/00", "southern summer 1999/00"),  # was "1999 to 1930"
        ("9999-25", "northern spring 9999", "northern spring 9999"),
        ("9999-28", "neither a hemisphere season in the calendar", None),
    ],
)
def test_a_year_and_hemisphere_code_table(text: str, says: str, suggestion: str | None) -> None:
    with pytest.raises(WhenParseError, match=re.escape(says)) as caught:
        When.parse(text)
    assert caught.value.suggestion == suggestion


# -- a date without its year, read from a reference near the calendar's ends -------------------
#
# "next April" said on 31 December 9999 was April 9999, eight months before it was said;
# "December" with prefer="past" on 1 January 0001 was December 0001, "29 February" with
# prefer="future" on 1 March 9996 was 29 February 9996. When the occurrence asked for lies
# outside the calendar the text is refused. Oracle: the same words with each year written.

_YEARLESS = {
    "April": lambda y: When.month(y, 4),
    "January": lambda y: When.month(y, 1),
    "December": lambda y: When.month(y, 12),
    "Q1": lambda y: When.quarter(y, 1),
    "Q4": lambda y: When.quarter(y, 4),
    "H2": lambda y: When.half(y, 2),
    "spring": lambda y: When.season(y, 21),
    "29 February": lambda y: When.day(y, 2, 29),
    "15 January": lambda y: When.day(y, 1, 15),
    "31 December": lambda y: When.day(y, 12, 31),
}


def _occurrences(phrase: str, ref: D) -> list[When]:
    found = []
    for year in range(max(1, ref.year - 12), min(9999, ref.year + 12) + 1):
        try:
            found.append(_YEARLESS[phrase](year))
        except Exception:
            continue  # no 29 February that year
    return found


def _day(p: object) -> D:
    assert isinstance(p, D)
    return p


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(_YEARLESS)),
    st.one_of(st.dates(D(1, 1, 1), D(12, 12, 31)), st.dates(D(9988, 1, 1), D(9999, 12, 31))),
    st.sampled_from(["future", "past", "next", "last"]),
)
def test_a_yearless_date_near_the_calendar_s_ends(phrase: str, ref: D, mode: str) -> None:
    found = _occurrences(phrase, ref)
    if mode == "future":
        expected = next((w for w in found if _day(w.latest) >= ref), None)
    elif mode == "past":
        expected = next((w for w in reversed(found) if _day(w.earliest) <= ref), None)
    elif mode == "next":
        expected = next((w for w in found if _day(w.earliest) > ref), None)
    else:
        expected = next((w for w in reversed(found) if _day(w.latest) < ref), None)
    if mode in ("next", "last"):
        if phrase not in ("April", "January", "December", "spring"):
            return  # "next" and "last" go before a month or a season
        text, kwargs = f"{mode} {phrase}", {}
    else:
        text, kwargs = phrase, {"prefer": mode}
    if expected is None:
        with pytest.raises(WhenParseError, match=r"calendar|leap year"):
            When.parse(text, reference=ref, **kwargs)  # type: ignore[arg-type]
    else:
        got = When.parse(text, reference=ref, **kwargs)  # type: ignore[arg-type]
        assert got == expected, f"{text!r} on {ref} ({mode}): {got}, expected {expected}"


@pytest.mark.parametrize(
    ("text", "ref", "prefer"),
    [
        ("next April", D(9999, 12, 31), "current"),  # was April 9999
        ("January", D(9999, 12, 31), "future"),  # was January 9999
        ("29 February", D(9996, 3, 1), "future"),  # was 29 February 9996
        ("December", D(1, 1, 1), "past"),  # was December 0001
        ("last spring", D(1, 1, 1), "current"),  # was spring 0001
        ("next holiday season", D(9999, 12, 31), "current"),  # was 9999's
    ],
)
def test_an_occurrence_outside_the_calendar_is_refused(text: str, ref: D, prefer: str) -> None:
    with pytest.raises(WhenParseError, match="within the calendar"):
        When.parse(text, reference=ref, prefer=prefer)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        # date arithmetic past the calendar's ends: was "it cannot be read as a date
        # (OverflowError('date value out of range'))"
        ("tomorrow", D(9999, 12, 31)),
        ("yesterday", D(1, 1, 1)),
        ("next week", D(9999, 12, 31)),
        ("last week", D(1, 1, 3)),
    ],
)
def test_a_relative_day_past_the_calendar_says_so(text: str, ref: D) -> None:
    with pytest.raises(WhenParseError, match="outside the calendar"):
        When.parse(text, reference=ref)


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("later this year", D(9999, 12, 31)),
        ("later this month", D(9999, 12, 31)),
        ("earlier this year", D(1, 1, 1)),
    ],
)
def test_nothing_later_on_the_calendar_s_last_day(text: str, ref: D) -> None:
    # as on any 31 December or 1 January (was "cannot be read as a date (OverflowError ...)")
    with pytest.raises(WhenParseError, match="nothing of that"):
        When.parse(text, reference=ref)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        # an instant on the calendar's last (first) day has time after (before) it: was
        # refused, "no calendar day lies beyond 1..9999"
        ("after 9999-12-31T10:00Z", "9999-12-31T10:00:00.000001+00:00", None),
        ("after 9999-12-31T10:00-12:00", "9999-12-31T10:00:00.000001-12:00", None),
        ("before 0001-01-01T10:00+14:00", None, "0001-01-01T09:59:59.999999+14:00"),
    ],
)
def test_before_or_after_an_instant_on_the_calendar_s_edge_day(
    text: str, earliest: str | None, latest: str | None
) -> None:
    w = When.parse(text)
    shown = [None if p is None else p.isoformat() for p in (w.earliest, w.latest)]
    assert shown == [earliest, latest]
    assert When.parse(str(w)) == w
    back = When.from_edtf(w.to_edtf())
    assert (back.earliest, back.latest) == (w.earliest, w.latest)


@pytest.mark.parametrize(
    "text",
    ["after 9999-12-31T23:59:59.999999Z", "before 0001-01-01T00:00Z", "after 9999", "before 0001"],
)
def test_nothing_lies_beyond_the_calendar_s_last_instant(text: str) -> None:
    with pytest.raises(WhenParseError, match="nothing lies"):
        When.parse(text)
