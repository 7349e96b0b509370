"""`timeline.extract` on holidays: "before Christmas 2026", "by Lunar New Year".

A holiday is read as its day when its year is known, given ("Christmas 2026") or
from publication (the next one for a plan, the last one for what happened), with
the relation said ("before", "by", "around" ...); otherwise not at all: never a
wrong day (another calendar's holidays, a country's own, a season, no reference).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Source, Status
from timeline.dates import Precision
from timeline.extract import Draft, extract
from timeline.extract._holidays import holiday_day


def only(text: str, published: str | None = "2026-03-10") -> Draft:
    source = None if published is None else Source("Test", published=published)
    found = list(extract(text, source=source))
    assert len(found) == 1, [(d.title, str(d.when)) for d in found]
    return found[0]


READ = [
    # (text, published, when, status)
    ("The retailer expects to open the store before Christmas 2026.", "2026-03-10",
     "before 25 December 2026", Status.EXPECTED),
    ("Xiaomi will ship the phone by Lunar New Year.", "2026-03-10",
     "by 6 February 2027", Status.EXPECTED),
    ("Xiaomi will ship the phone by Lunar New Year.", "2026-01-10",
     "by 17 February 2026", Status.EXPECTED),
    ("Amazon plans to launch the service around Thanksgiving.", "2026-03-10",
     "c. 26 November 2026", Status.EXPECTED),
    ("Amazon plans to launch the service around Thanksgiving.", "2027-03-10",
     "c. 25 November 2027", Status.EXPECTED),
    ("The bill must pass by Easter 2027, the minister said.", "2026-03-10",
     "by 28 March 2027", Status.EXPECTED),
    ("BYD will open the plant after Chinese New Year 2027.", "2026-03-10",
     "after 6 February 2027", Status.EXPECTED),
    ("The sale will start on Black Friday.", "2026-03-10", "27 November 2026", Status.EXPECTED),
    ("Sales rose 8% over Christmas.", "2026-01-08", "c. 25 December 2025", Status.HAPPENED),
    ("Acme launched the app ahead of Spring Festival.", "2026-03-10",
     "before 17 February 2026", Status.HAPPENED),
    ("Ofcom will publish the rules in time for Christmas.", "2026-12-01",
     "by 25 December 2026", Status.EXPECTED),
    ("Tesla will deliver the first cars by Christmas of 2027.", "2026-03-10",
     "by 25 December 2027", Status.EXPECTED),
    # negated: no earlier than the day
    ("Acme will not ship the phone before Christmas.", "2026-03-10",
     "no earlier than 25 December 2026", Status.EXPECTED),
    ("The store won't reopen until Lunar New Year.", "2026-03-10",
     "no earlier than 6 February 2027", Status.EXPECTED),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "when", "status"), READ)
def test_a_holiday_is_read_as_its_day(text: str, published: str, when: str, status: Status) -> None:
    d = only(text, published)
    assert (str(d.when), d.status) == (when, status)


NOT_READ = [
    # another calendar or a country's own day: not known
    "Tata Motors expects to launch the car before Diwali.",
    "The shop will reopen after Ramadan.",
    "The bill should pass before Labor Day.",
    "Gazprom will restart the line after Orthodox Easter.",
    # a season or a period, not a day
    "Retailers plan to hire 10,000 workers for the Christmas season.",
    "Travel will peak over the Lunar New Year holiday.",
    # a name
    "Acme will open a base on Christmas Island.",
]


@pytest.mark.parametrize("text", NOT_READ)
def test_no_day_for_a_holiday_not_known(text: str) -> None:
    found = list(extract(text, source=Source("Test", published="2026-03-10")))
    for d in found:  # dated from publication, if at all: no holiday's day
        assert str(d.when) == "from 10 March 2026 onwards", str(d.when)


def test_no_year_no_reference_no_day() -> None:
    d = only("Acme will ship it by Christmas.", None)
    assert d.when.is_undated


def test_a_year_outside_the_table_is_not_read_as_a_day() -> None:
    d = only("Acme will ship it by Lunar New Year 2090.")
    assert d.when.precision is Precision.YEAR, str(d.when)


def test_the_year_of_the_holiday_is_not_a_date_of_its_own() -> None:
    d = only("Acme will open the store before Christmas 2026.")
    assert "2026" not in [str(d.when)]


@pytest.mark.parametrize(
    ("name", "year", "day"),
    [
        # Western Easter, from church calendars: its earliest (22 March) and latest (25 April)
        ("Easter", 2026, dt.date(2026, 4, 5)),
        ("Easter", 2027, dt.date(2027, 3, 28)),
        ("Easter", 2038, dt.date(2038, 4, 25)),
        ("Easter", 2285, dt.date(2285, 3, 22)),
        ("Easter", 2000, dt.date(2000, 4, 23)),
        ("Good Friday", 2026, dt.date(2026, 4, 3)),
        ("Easter Monday", 2026, dt.date(2026, 4, 6)),
    ],
)
def test_easter_and_the_days_around_it(name: str, year: int, day: dt.date) -> None:
    assert holiday_day(name, year) == day


@settings(max_examples=60, deadline=None)
@given(year=st.integers(1900, 2100))
def test_thanksgiving_is_the_fourth_thursday_of_november(year: int) -> None:
    day = holiday_day("Thanksgiving", year)
    assert day is not None and day.month == 11 and day.weekday() == 3 and 22 <= day.day <= 28
    black = holiday_day("Black Friday", year)
    assert black == day + dt.timedelta(days=1)


def test_lunar_new_year_matches_the_holidays_package() -> None:
    holidays = pytest.importorskip("holidays")
    for year in range(1990, 2071):
        china = holidays.China(years=year, language="en_US")
        days = [k for k, v in china.items() if v.startswith("Chinese New Year (Spring")]
        assert holiday_day("Lunar New Year", year) == min(days), year


@settings(max_examples=40, deadline=None)
@given(
    published=st.dates(dt.date(1995, 1, 1), dt.date(2065, 12, 31)),
    name=st.sampled_from(["Christmas", "Thanksgiving", "Easter", "Lunar New Year", "Halloween"]),
)
def test_a_plan_by_a_holiday_is_the_next_one(published: dt.date, name: str) -> None:
    d = only(f"Acme will ship the phone by {name}.", published.isoformat())
    latest = d.when.latest
    assert latest is not None
    day = dt.date(latest.year, latest.month, latest.day)
    assert day >= published
    assert day == holiday_day(name, day.year)
    before = holiday_day(name, day.year - 1)
    assert before is not None and before < published  # the first one on or after it
