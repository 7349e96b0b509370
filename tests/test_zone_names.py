"""Instants in every IANA time zone read back from their text, whatever the zone is called.

An "x" in a zone's name was taken for EDTF's unspecified digit: every instant in
America/Mexico_City, America/Phoenix, America/Halifax, Europe/Luxembourg (and the
Mexico/... aliases) was refused ("is not an EDTF date with unspecified digits"), in ISO
text, in words ("at 1:15 p.m. America/Phoenix") and when a `When` built in that zone
was read back from its own text. Oracle: zoneinfo's UTC offset for the local time.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import When

_ZONES = sorted(available_timezones())
_WITH_X = [z for z in _ZONES if "x" in z.lower()]


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2026-07-12T13:15[America/Mexico_City]", "2026-07-12T19:15+00:00"),
        ("2026-07-12T13:15-06:00[America/Mexico_City]", "2026-07-12T19:15+00:00"),
        ("2026-07-12T13:15[America/Phoenix]", "2026-07-12T20:15+00:00"),
        ("2026-07-12T13:15[America/Halifax]", "2026-07-12T16:15+00:00"),
        ("2026-07-12T13:15[Europe/Luxembourg]", "2026-07-12T11:15+00:00"),
        ("2026-07-12 13:15 America/Mexico_City", "2026-07-12T19:15+00:00"),
        ("July 12, 2026 at 1:15 p.m. America/Phoenix", "2026-07-12T20:15+00:00"),
    ],
)
def test_a_zone_with_an_x_in_its_name(text: str, utc: str) -> None:
    w = When.parse(text)  # was refused
    assert isinstance(w.earliest, dt.datetime)
    assert w.earliest.astimezone(dt.UTC).isoformat(timespec="minutes") == utc


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.sampled_from(_ZONES), st.sampled_from(_WITH_X)),
    st.datetimes(dt.datetime(1800, 1, 1), dt.datetime(2100, 12, 31)),
    st.integers(0, 1),
)
def test_an_instant_in_any_zone_reads_back(zone: str, local: dt.datetime, fold: int) -> None:
    moment = local.replace(microsecond=0, tzinfo=ZoneInfo(zone), fold=fold)
    if moment.astimezone(dt.UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None) != local.replace(
        microsecond=0
    ):
        return  # a local time the clocks skip
    w = When.instant(moment)
    assert When.parse(str(w)) == w
    assert When.from_edtf(w.to_edtf()) == w
    assert isinstance(w.earliest, dt.datetime)
    assert w.earliest.astimezone(dt.UTC) == moment.astimezone(dt.UTC)


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        # IANA names with a hyphen or a digit, in words (were "unknown word 'america'")
        ("July 12, 2026 at 13:15 America/Port-au-Prince", "2026-07-12T17:15+00:00"),
        ("July 12, 2026 at 13:15 Africa/Porto-Novo", "2026-07-12T12:15+00:00"),
        ("July 12, 2026 at 13:15 Asia/Ust-Nera", "2026-07-12T03:15+00:00"),
        ("July 12, 2026 at 13:15 Etc/GMT+5", "2026-07-12T18:15+00:00"),  # POSIX sign: UTC-5
    ],
)
def test_a_zone_name_with_a_hyphen_or_digit_in_words(text: str, utc: str) -> None:
    w = When.parse(text)
    assert isinstance(w.earliest, dt.datetime)
    assert w.earliest.astimezone(dt.UTC).isoformat(timespec="minutes") == utc
