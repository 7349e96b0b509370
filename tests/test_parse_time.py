"""A time of day said in words with its day ("April 7, 2026 at 9 a.m. ET")."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import When, WhenParseError, find_dates

P = When.parse


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("April 7, 2026 at 9 a.m. ET", "2026-04-07T09:00[America/New_York]"),
        ("April 7, 2026 at 9am ET", "2026-04-07T09:00[America/New_York]"),
        ("Tuesday, April 7, 2026 at 9:00 a.m. (ET)", "2026-04-07T09:00[America/New_York]"),
        ("9:00 a.m. PT on April 7, 2026", "2026-04-07T09:00[America/Los_Angeles]"),
        ("at 4:30 p.m. Eastern on 7 April 2026", "2026-04-07T16:30[America/New_York]"),
        ("April 7, 2026 from 9:30 a.m. ET", "2026-04-07T09:30[America/New_York]"),
        ("July 7, 2026 at 9 a.m. EDT", "2026-07-07T09:00[America/New_York]"),
        ("7 April 2026 09:30 CEST", "2026-04-07T09:30[Europe/Berlin]"),
        ("7 April 2026, 14:30 Beijing time", "2026-04-07T14:30[Asia/Shanghai]"),
        ("10 a.m. Tokyo time, April 7, 2026", "2026-04-07T10:00[Asia/Tokyo]"),
        ("2026-04-07 10:00 Asia/Shanghai", "2026-04-07T10:00[Asia/Shanghai]"),
        # UTC and offsets
        ("April 7, 2026, 10:00 UTC", "2026-04-07T10:00Z"),
        ("10:00 GMT on April 7, 2026", "2026-04-07T10:00Z"),
        ("April 7, 2026 10:00 UTC+8", "2026-04-07T10:00+08:00"),
        ("April 7, 2026 at 9 a.m. GMT+5:30", "2026-04-07T09:00+05:30"),
        ("2026-04-07 10:00 +0800", "2026-04-07T10:00+08:00"),
        # no zone: a floating time
        ("April 7, 2026 at 9 a.m.", "2026-04-07T09:00"),
        ("noon on April 7, 2026", "2026-04-07T12:00"),
        ("12 a.m. on April 7, 2026", "2026-04-07T00:00"),
        ("12:15 p.m. on April 7, 2026", "2026-04-07T12:15"),
        ("14:30 on 7 April 2026", "2026-04-07T14:30"),
        ("Apr 7 2026 10am", "2026-04-07T10:00"),
    ],
)
def test_read(text: str, iso: str) -> None:
    assert P(text) == P(iso)
    assert P(str(P(text))) == P(text)  # and written back as it reads


def test_a_day_without_its_year_takes_the_reference() -> None:
    assert P("April 7 at 9 a.m. ET", reference="2026-03-01") == P(
        "2026-04-07T09:00[America/New_York]"
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a label that says another offset than the place keeps that day
        ("July 7, 2026 at 9 a.m. EST", "EDT (UTC-4)"),
        ("7 April 2026 09:30 CET", "CEST (UTC+2)"),
        # labels with two meanings
        ("April 7, 2026 at 4:30 p.m. CST", "US Central"),
        ("April 7, 2026 at 4:30 p.m. IST", "India, Israel"),
        # the start or the end of the day?
        ("midnight on April 7, 2026", "start or the end of the day"),
        # clock changes in the zone
        ("March 8, 2026 at 2:30 a.m. ET", "does not exist"),
        ("November 1, 2026 at 1:30 a.m. ET", "happens twice"),
        # a time needs one day
        ("April 2026 at 9 a.m.", "needs one exact day"),
        ("by April 7, 2026 at 9 a.m.", "needs one exact day"),
        ("c. April 7, 2026 at 9 a.m.", "needs one exact day"),
        # not a zone, not an offset
        ("April 7, 2026 at 9 a.m. sharp", "'sharp' is not a time zone"),
        ("April 7, 2026 at 9 a.m. UTC+15", "UTC-12 to UTC+14"),
        # ISO 8601's end of the day, as `When.parse("2026-04-07T24:00")` says (was "unknown
        # word 'utc'", or "not a date form timeline reads")
        ("7 April 2026 at 24:00 UTC", "24:00 is the end of the day; write 00:00 and the next"),
        ("24:00 UTC on 7 April 2026", "24:00 is the end of the day"),
        ("7 April 2026 at 24:00", "24:00 is the end of the day"),
        ("7 April 2026 at 24:30", "hour 24 is out of range 00-23"),
    ],
)
def test_refused(text: str, words: str) -> None:
    with pytest.raises(WhenParseError, match=re.escape(words)) as err:
        P(text)
    assert err.value.text == text  # the words, not an ISO text made of them


_ZONES = {"ET": "America/New_York", "PT": "America/Los_Angeles", "Beijing time": "Asia/Shanghai"}


@settings(max_examples=150, deadline=None)
@given(
    st.dates(dt.date(1971, 1, 1), dt.date(2099, 12, 31)),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(["", *_ZONES]),
    st.booleans(),
)
def test_every_clock_reads_as_its_instant(
    day: dt.date, hour: int, minute: int, zone: str, time_first: bool
) -> None:
    twelve = f"{hour % 12 or 12}:{minute:02d} {'p.m.' if hour >= 12 else 'a.m.'}"
    said = day.strftime("%B %-d, %Y")
    text = f"{twelve} {zone} on {said}" if time_first else f"{said} at {twelve} {zone}"
    iso = f"{day.isoformat()}T{hour:02d}:{minute:02d}" + (f"[{_ZONES[zone]}]" if zone else "")
    try:
        expected = P(iso)
    except WhenParseError:  # a local time the clock change skips or repeats
        with pytest.raises(WhenParseError):
            P(text.strip())
        return
    assert P(" ".join(text.split())) == expected


@pytest.mark.parametrize(
    ("text", "found", "iso"),
    [
        (
            "Nvidia will report results on May 20, 2026 at 4:30 p.m. ET, it said.",
            "May 20, 2026 at 4:30 p.m. ET",
            "2026-05-20T16:30[America/New_York]",
        ),
        (
            "The call starts at 9:00 a.m. PT on April 7, 2026.",
            "9:00 a.m. PT on April 7, 2026",
            "2026-04-07T09:00[America/Los_Angeles]",
        ),
        (
            "Launch is set for 7 April 2026, 14:30 Beijing time, the agency said.",
            "7 April 2026, 14:30 Beijing time",
            "2026-04-07T14:30[Asia/Shanghai]",
        ),
        # a time the text gives with a label that contradicts the day: the day alone
        ("The call is on July 7, 2026 at 9 a.m. EST.", "July 7, 2026", "2026-07-07"),
    ],
)
def test_found_in_text(text: str, found: str, iso: str) -> None:
    [m] = find_dates(text, reference="2026-03-01")
    assert (m.text, m.when) == (found, P(iso))


# -- a label with a fixed offset in the hour the clocks go back over -------------------------
#
# "1:30 a.m. EDT" and "1:30 a.m. EST" on the first Sunday of November 2026 are two instants an
# hour apart, each named exactly by its label. The EDT one was refused as "happens twice" and
# the EST one as "New York is on EDT" that day. Oracle: zoneinfo's two folds.

_LABELS = {
    "EDT": (-4, "America/New_York"),
    "EST": (-5, "America/New_York"),
    "CDT": (-5, "America/Chicago"),
    "PDT": (-7, "America/Los_Angeles"),
    "PST": (-8, "America/Los_Angeles"),
    "CEST": (2, "Europe/Berlin"),
    "CET": (1, "Europe/Berlin"),
    "AEDT": (11, "Australia/Sydney"),
    "AEST": (10, "Australia/Sydney"),
}


def _fall_back(zone: str, year: int) -> dt.datetime:
    """The local time the clocks go back to in ``zone`` in ``year``: the hour from it is said
    twice (zoneinfo, hour by hour)."""
    from zoneinfo import ZoneInfo

    here = ZoneInfo(zone)
    t = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    while t.year == year:
        before, after = t.astimezone(here), (t + dt.timedelta(hours=1)).astimezone(here)
        if after.utcoffset() < before.utcoffset():  # type: ignore[operator]
            return after.replace(tzinfo=None)
        t += dt.timedelta(hours=1)
    raise AssertionError(f"no fall-back in {zone} in {year}")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(_LABELS)), st.integers(2000, 2036), st.integers(0, 59))
def test_a_label_picks_its_time_in_the_hour_said_twice(label: str, year: int, minute: int) -> None:
    from zoneinfo import ZoneInfo

    hours, zone = _LABELS[label]
    local = _fall_back(zone, year) + dt.timedelta(minutes=minute)
    offsets = {local.replace(tzinfo=ZoneInfo(zone), fold=f).utcoffset() for f in (0, 1)}
    assert len(offsets) == 2  # the hour is said twice
    said = dt.timedelta(hours=hours)
    text = f"{local:%B} {local.day}, {year} at {local:%H:%M} {label}"
    if said in offsets:
        w = P(text)
        assert isinstance(w.earliest, dt.datetime)
        # compared in UTC: Python never finds a time said twice equal across zones (PEP 495)
        utc = local.replace(tzinfo=dt.timezone(said)).astimezone(dt.UTC)
        assert w.earliest.astimezone(dt.UTC) == utc
        assert P(str(w)) == w
    else:  # a label of the region's other season ("EST" when the hour is "EDT" and "PDT")
        with pytest.raises(WhenParseError):
            P(text)


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("November 1, 2026 at 1:30 a.m. EDT", "2026-11-01T05:30+00:00"),  # was: "happens twice"
        ("November 1, 2026 at 1:30 a.m. EST", "2026-11-01T06:30+00:00"),  # was: "on EDT"
        ("October 25, 2026 at 2:30 CEST", "2026-10-25T00:30+00:00"),
        ("October 25, 2026 at 2:30 CET", "2026-10-25T01:30+00:00"),
    ],
)
def test_a_label_in_the_hour_said_twice(text: str, utc: str) -> None:
    w = P(text)
    assert isinstance(w.earliest, dt.datetime)
    assert w.earliest.astimezone(dt.UTC).isoformat(timespec="minutes") == utc


@pytest.mark.parametrize(
    ("text", "says"),
    [
        # the hour the clocks skip stays refused, whatever the label
        ("March 8, 2026 at 2:30 a.m. EST", "does not exist in America/New_York"),
        ("March 8, 2026 at 2:30 a.m. EDT", "America/New_York is on EST"),
        # a region's name says no offset: the hour said twice stays asked
        ("November 1, 2026 at 1:30 a.m. ET", "happens twice in America/New_York"),
    ],
)
def test_a_label_at_a_clock_change_still_refused(text: str, says: str) -> None:
    with pytest.raises(WhenParseError, match=re.escape(says)):
        P(text)


# -- a label with two meanings is refused, naming each meaning's offset ----------------------
#
# "BST" is British Summer Time (UTC+1) and Bangladesh Standard Time (UTC+6): "July 7, 2026 at
# 10:00 BST" was read as London's 10:00, five hours off for a source in Dhaka. It is refused
# as "CST" and "IST" are. Their refusals offered "(UTC+8)" as the offset to write, which is
# none of IST's (or Atlantic Standard Time's) meanings; each now names the offsets it may mean.


@pytest.mark.parametrize(
    ("label", "offsets"),
    [
        ("BST", ["UTC+1", "UTC+6"]),
        ("CST", ["UTC-6", "UTC+8"]),
        ("IST", ["UTC+5:30", "UTC+2", "UTC+1"]),
        ("AST", ["UTC-4", "UTC+3"]),
    ],
)
@pytest.mark.parametrize("day", ["January 15, 2026", "July 7, 2026"])
def test_a_label_with_two_meanings_is_refused_with_each_offset(
    label: str, offsets: list[str], day: str
) -> None:
    with pytest.raises(WhenParseError) as caught:
        P(f"{day} at 10:00 {label}")
    message = str(caught.value)
    assert "means" in message
    for offset in offsets:
        assert re.search(rf"{re.escape(offset)}(?![\d:])", message), message
    assert "(UTC+8)" not in message or "UTC+8" in offsets
    # an offset the message offers is read
    for offset in offsets:
        assert P(f"{day} at 10:00 {offset}").earliest is not None
