"""Dates at the calendar's edges, checked against independent oracles.

python-dateutil for plain dates, python-edtf for EDTF strings (strict bounds), the
standard library's ``datetime`` for instants, and readings enumerated here for
relations to unspecified digits. Each table row is a case where timeline was
found wrong; the properties sweep the kind.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest
from dateutil import parser as dateutil_parser
from edtf import parse_edtf as edtf_oracle
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import When, WhenParseError

D = dt.date
P = When.parse


# -- "after"/"before" unspecified digits: the first (last) reading, not the hull ---------------
#
# EDTF level 1 ("unspecified digits"): "202X" is one year of the 2020s, which is not said.
# "after 202X" is after that year: after 2020 at the soonest, so it can fall in 2021 (DESIGN
# §2: `earliest` is the first day it can fall on). It was read as after the whole decade.


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("after 202X", D(2021, 1, 1), None),  # was 2030-01-01
        ("before 202X", None, D(2028, 12, 31)),  # was 2019-12-31
        ("after 2026-XX", D(2026, 2, 1), None),  # was 2027-01-01
        ("before 2026-XX", None, D(2026, 11, 30)),  # was 2025-12-31
        ("after 2026-1X", D(2026, 11, 1), None),  # October at the soonest
        ("after 2026-XX-15", D(2026, 1, 16), None),  # was 2026-12-16
        ("before 2026-XX-15", None, D(2026, 12, 14)),  # was 2026-01-14
        ("after 2026-04-XX", D(2026, 4, 2), None),  # was 2026-05-01
        ("after 20X6", D(2007, 1, 1), None),  # was 2097-01-01
        ("before 1X00-02-29", None, D(1600, 2, 28)),  # 1200 or 1600: before 29 February 1600
        ("after XXXX", D(2, 1, 1), None),  # was refused: after year 1 at the soonest
        ("before XXXX", None, D(9998, 12, 31)),  # was refused
        ("after 999X", D(9991, 1, 1), None),  # was refused
        # unchanged: a plain value has one reading
        ("after 2026", D(2027, 1, 1), None),
        ("before 2026-04-15", None, D(2026, 4, 14)),
        # by / not before already read the widest
        ("by 202X", None, D(2029, 12, 31)),
        ("not before 202X", D(2020, 1, 1), None),
    ],
)
def test_a_relation_to_unspecified_digits_holds_every_reading(
    text: str, earliest: D | None, latest: D | None
) -> None:
    w = P(text)
    assert (w.earliest, w.latest) == (earliest, latest)
    back = P(w.to_edtf())
    assert (back.earliest, back.latest) == (w.earliest, w.latest)
    assert back.fuzzy_bounds() == w.fuzzy_bounds()
    assert P(str(w)) == w


def test_a_qualifier_pads_the_first_reading() -> None:
    w = P("after 202X~")
    assert w.earliest == D(2021, 1, 1) and w.fuzzy_earliest == D(2020, 1, 1)
    back = P(w.to_edtf())
    assert back.fuzzy_bounds() == w.fuzzy_bounds()


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("before 2026-XX-15", "2026-06", True),  # the 15th of December: June is before it
        ("after 2026-XX-15", "2026-06", True),
        ("after 202X", "2025", True),
        ("after 202X", "2020", False),  # after 2020 at the soonest
        ("before 202X", "2029", False),
    ],
)
def test_relations_to_unspecified_digits_could_be_any_reading(
    a: str, b: str, overlap: bool
) -> None:
    assert P(a).overlaps(P(b)) is overlap
    assert P(b).overlaps(P(a)) is overlap


_MASKS = [
    "202X",
    "20X6",
    "2026-XX",
    "2026-1X",
    "2026-X2",
    "2026-XX-15",
    "2026-0X-31",
    "2026-04-XX",
    "202X-02-29",
    "2026-XX-3X",
    "19X0-12-31",
]


def _units(mask: str) -> list[tuple[D, D]]:
    """Each day, month or year the mask allows (its readings), enumerated over 1900..2099."""
    parts = mask.count("-")
    found: list[tuple[D, D]] = []
    for y in range(1900, 2100):
        if parts == 0:
            text = f"{y:04d}"
            if all(c in ("X", t) for c, t in zip(mask, text, strict=True)):
                found.append((D(y, 1, 1), D(y, 12, 31)))
            continue
        for m in range(1, 13):
            last = calendar.monthrange(y, m)[1]
            if parts == 1:
                text = f"{y:04d}-{m:02d}"
                if all(c in ("X", t) for c, t in zip(mask, text, strict=True)):
                    found.append((D(y, m, 1), D(y, m, last)))
                continue
            for d in range(1, last + 1):
                text = f"{y:04d}-{m:02d}-{d:02d}"
                if all(c in ("X", t) for c, t in zip(mask, text, strict=True)):
                    found.append((D(y, m, d), D(y, m, d)))
    return found


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_MASKS), st.sampled_from(["after", "before"]))
def test_after_and_before_are_the_union_of_the_readings(mask: str, word: str) -> None:
    units = _units(mask)
    w = P(f"{word} {mask}")
    if word == "after":
        assert w.earliest == min(last for _, last in units) + dt.timedelta(days=1)
        assert w.latest is None
    else:
        assert w.latest == max(first for first, _ in units) - dt.timedelta(days=1)
        assert w.earliest is None


# -- the calendar's last day, in fiscal years and reporting periods --------------------------


@pytest.mark.parametrize(
    ("text", "start", "named_by", "earliest", "latest"),
    [
        # were "it cannot be read as a date (OverflowError('date value out of range'))"
        ("FY9999", 1, "end", D(9999, 1, 1), D(9999, 12, 31)),
        ("Q4 FY9999", 1, "end", D(9999, 10, 1), D(9999, 12, 31)),
        ("by FY9999", 1, "end", None, D(9999, 12, 31)),
        ("FY9999E", 1, "end", D(9999, 1, 1), D(9999, 12, 31)),
        ("H1 FY9999", 7, "start", D(9999, 7, 1), D(9999, 12, 31)),
        ("the quarter ended December 31, 9999", 1, "end", D(9999, 10, 1), D(9999, 12, 31)),
        ("the year ending 31 December 9999", 1, "end", D(9999, 1, 1), D(9999, 12, 31)),
    ],
)
def test_the_calendar_s_last_day_is_read(
    text: str, start: int, named_by: str, earliest: D | None, latest: D | None
) -> None:
    w = P(text, fiscal_year_start=start, fiscal_year_named_by=named_by)  # type: ignore[arg-type]
    assert (w.earliest, w.latest) == (earliest, latest)
    assert str(w)  # its text is made too


@pytest.mark.parametrize(
    ("text", "start", "named_by"),
    [
        ("Q4 FY9999", 7, "start"),  # April to June 10000
        ("FY9999", 7, "start"),
        ("by FY9999", 2, "start"),
        ("FY0001", 7, "end"),  # July 0000 to June 0001
        ("Q1 FY0001", 10, "end"),
    ],
)
def test_a_fiscal_period_outside_the_calendar_says_so(text: str, start: int, named_by: str) -> None:
    with pytest.raises(WhenParseError, match=r"outside the calendar \(years 1 to 9999\)"):
        P(text, fiscal_year_start=start, fiscal_year_named_by=named_by)  # type: ignore[arg-type]


# -- instants: what the standard library reads, or an error naming the fix -------------------


@pytest.mark.parametrize(
    ("text", "says"),
    [
        # were "year 2026 is outside 1..9999, the range timeline's calendar covers"
        ("2026-04-15T10:00:00.Z", "a decimal point in a time needs digits after it"),
        ("2026-04-15T10:00:00.", "a decimal point in a time needs digits after it"),
        ("2026-04-15T10:00:00.+05:00", "a decimal point in a time needs digits after it"),
        # ISO 8601 reads these as 10:30:30 and 10:30; Python 3.11's fromisoformat as
        # 10:30:00.5 and 10:00:00.5: refused rather than read either way
        ("2026-04-15T10:30.5Z", "a fraction is read on the seconds only"),
        ("2026-04-15T10.5Z", "a fraction is read on the seconds only"),
        # was "hour 24 is out of range 00-23": ISO 8601's end of the day is the next midnight
        ("2026-04-15T24:00:00Z", "24:00 is the end of the day"),
    ],
)
def test_a_malformed_time_is_refused_naming_the_fix(text: str, says: str) -> None:
    with pytest.raises(WhenParseError, match=says):
        P(text)


def test_the_end_of_the_day_suggests_the_next_midnight() -> None:
    with pytest.raises(WhenParseError) as caught:
        P("2026-12-31T24:00Z")
    assert caught.value.suggestion == "2027-01-01T00:00Z"


@settings(max_examples=200, deadline=None)
@given(
    st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
    st.integers(min_value=-12 * 60, max_value=14 * 60),
    st.integers(min_value=0, max_value=9),
)
def test_instants_are_what_the_standard_library_reads(
    moment: dt.datetime, offset_minutes: int, digits: int
) -> None:
    """Offsets from -12:00 to +14:00 (+05:45 ...), fractions of a second to 9 digits
    (finer than a microsecond is cut, as `datetime.fromisoformat` cuts it)."""
    sign = "+" if offset_minutes >= 0 else "-"
    hh, mm = divmod(abs(offset_minutes), 60)
    fraction = f"{moment.microsecond:06d}{'987'[: max(0, digits - 6)]}"[:digits]
    text = moment.strftime("%Y-%m-%dT%H:%M:%S").rjust(19, "0")
    text = f"{moment.year:04d}" + text[text.index("-") :]
    text += (f".{fraction}" if digits else "") + f"{sign}{hh:02d}:{mm:02d}"
    theirs = dt.datetime.fromisoformat(text)
    w = P(text)
    assert w.is_instant and w.earliest == theirs and w.earliest.utcoffset() == theirs.utcoffset()


# -- plain dates: dateutil agrees wherever it reads four-digit years literally ---------------

_FORMATS = [
    "{d} {month} {y}",
    "{month} {d}, {y}",
    "{d} {mon} {y}",
    "{weekday}, {d} {month} {y}",
    "{y}-{m:02d}-{d:02d}",
    "{d:02d}-{mon}-{y}",
]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31)), st.sampled_from(_FORMATS))
def test_plain_dates_are_what_dateutil_reads(day: D, form: str) -> None:
    """From year 1000 (dateutil reads "0048" as 2048), leap days included."""
    text = form.format(
        d=day.day,
        m=day.month,
        y=f"{day.year:04d}",
        month=calendar.month_name[day.month],
        mon=calendar.month_abbr[day.month],
        weekday=calendar.day_name[day.weekday()],
    )
    theirs = dateutil_parser.parse(text).date()
    assert P(text) == When.day(theirs.year, theirs.month, theirs.day)


@pytest.mark.parametrize("year", [1, 4, 100, 400, 1600, 1900, 2000, 2100, 9996, 9999])
def test_29_february_is_there_only_in_leap_years(year: int) -> None:
    text = f"29 February {year:04d}"
    if calendar.isleap(year):
        assert P(text).earliest == D(year, 2, 29)
    else:
        with pytest.raises(WhenParseError, match="not a leap year"):
            P(text)


# -- EDTF at the edges: python-edtf's strict bounds, where it reads the text -----------------

_EDGE_YEARS = ["0001", "0004", "0100", "0400", "1900", "2000", "9996", "9999"]


def _edtf_edges() -> list[str]:
    texts = []
    for y in _EDGE_YEARS:
        texts += [y, f"{y}-02", f"{y}-02-29", f"{y}-12-31", f"{y}-21", f"{y}-33", f"{y}-36"]
        texts += [f"{y}-40", f"{y}-41", f"{y}-XX", f"{y}-XX-XX", f"{y}-12-XX", f"{y}~"]
        texts += [y[:k] + "X" * (4 - k) for k in range(1, 4) if y[:k] != "0" * k]
        texts += [f"{y}-02-29/{y}-12", f"{y}-01/{y}-12-31"]
    return texts


@pytest.mark.parametrize("text", _edtf_edges())
def test_edtf_edges_agree_with_python_edtf(text: str) -> None:
    if "-02-29" in text and not calendar.isleap(int(text[:4])):
        # python-edtf takes 29 February of any year (rolling on to 1 March); the
        # calendar, as the standard library keeps it, has it only in leap years
        with pytest.raises(WhenParseError, match="not a leap year"):
            When.from_edtf(text)
        return
    ours = When.from_edtf(text)
    theirs = edtf_oracle(text)
    lo, hi = theirs.lower_strict(), theirs.upper_strict()
    assert (ours.earliest, ours.latest) == (D(*lo[:3]), D(*hi[:3])), text


# -- phrases whose other reading lies outside the calendar: only what exists is offered ------


@pytest.mark.parametrize(
    ("text", "says", "not_said"),
    [
        # was "write 'winter 9998/99' ... or 'winter 9999/00' (December 9999 to February 10000)"
        ("winter 9999", "'winter 9998/99' (December 9998 to February 9999)", "10000"),
        # was "'winter 1' is ambiguous: write 'winter 0/01' (December 0 to February 1) or ..."
        ("winter 0001", "'winter 0001/02' (December 0001 to February 0002)", "winter 0/"),
        # were "century must be 100..9900, got 0" and "decade must be 10..9990, got 0"
        ("the 1st century", "before the calendar's first year", "must be"),
        ("the 0000s", "before the calendar's first year", "must be"),
        ("early 0000s", "before the calendar's first year", "must be"),
    ],
)
def test_an_edge_phrase_offers_only_what_the_calendar_has(
    text: str, says: str, not_said: str
) -> None:
    with pytest.raises(WhenParseError, match=re.escape(says)) as caught:
        P(text)
    assert not_said not in str(caught.value)
