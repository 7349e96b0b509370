"""The quick path for common ISO/EDTF shapes gives exactly what the general path gives."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline import When, WhenParseError
from timeline.dates import _quick
from timeline.dates._parse import _parse
from timeline.dates._parse_dates import Context
from timeline.dates._parse_edtf import Fail

REF = dt.date(2026, 3, 28)


def fields(w: object) -> object:
    """Everything a value carries, bounds' types and offsets included (== alone is looser)."""
    if not isinstance(w, When):
        return w
    return (
        w.start,
        type(w.start),
        getattr(w.start, "tzinfo", None),
        w.end,
        type(w.end),
        w.precision,
        w.approximate,
        w.uncertain,
        w.relation,
        w.unspecified,
        fields(w.lower),
        fields(w.upper),
        w.form,
        str(w),
        w.to_edtf(),
    )


def general(text: str) -> object:
    """The general path's answer: a value, or the reason it refuses."""
    try:
        return fields(_parse(text, Context(REF, "current")))
    except Fail as f:
        return ("refused", f.reason)


def digits(n: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=n, max_size=n)


# Texts shaped like the quick path's, with any digits (so invalid months, days,
# hours, offsets and codes too), qualifiers, masks and interval ends.
MARK = st.sampled_from(["", "", "~", "?", "%", "~?"])
YEAR = st.one_of(digits(4), st.sampled_from(["2026", "2024", "9999", "0001", "1000", "2020"]))
CODE = st.one_of(digits(2), st.integers(1, 45).map(lambda n: f"{n:02d}"))
DAY = st.one_of(digits(2), st.integers(1, 31).map(lambda n: f"{n:02d}"))
TIME = st.builds(
    lambda h, m, s, z: f"T{h}:{m}{s}{z}",
    st.integers(0, 25).map(lambda n: f"{n:02d}"),
    st.integers(0, 61).map(lambda n: f"{n:02d}"),
    st.sampled_from(["", ":00", ":30", ":59", ":60", ":00.5"]),
    st.sampled_from(["", "Z", "z", "+08:00", "-05:00", "+05:30", "-00:00", "+18:00", "+17:59"]),
)
SINGLE = st.one_of(
    st.builds(lambda y, q: y + q, YEAR, MARK),
    st.builds(lambda y, c, q: f"{y}-{c}{q}", YEAR, CODE, MARK),
    st.builds(lambda y, c, d, q: f"{y}-{c}-{d}{q}", YEAR, CODE, DAY, MARK),
    st.builds(lambda y, c, d, t, q: f"{y}-{c}-{d}{t}{q}", YEAR, CODE, DAY, TIME, MARK),
    st.builds(lambda y: f"{y[:3]}X", YEAR),
    st.builds(lambda y: f"{y}-XX", YEAR),
    st.builds(lambda y, c: f"{y}-{c}-XX", YEAR, CODE),
)
END = st.one_of(SINGLE, st.sampled_from(["", ".."]))
TEXT = st.one_of(SINGLE, st.builds(lambda a, b: f"{a}/{b}", END, END))


@settings(max_examples=600, deadline=None)
@given(TEXT)
@example("2020-21")
@example("2034-35~")
@example("2026-04/2026-04")
@example("2026-04-30/2026-04")
@example("2024-02-29T23:59:59+05:30")
@example("2026-04-15T10:00Z/..")
def test_quick_path_agrees_with_the_general_path(text: str) -> None:
    quick = _quick.read(text)
    if quick is not None:
        assert fields(quick) == general(text)
        assert _quick.read(text) is quick  # remembered by its text


@pytest.mark.parametrize(
    "text",
    [
        "2020-21",  # the years 2020 to 2021 (or a fiscal year), not spring 2020
        "2034-35",
        "2026-25",  # a hemisphere season: carries its EDTF form
        "2026-29~",  # ... and refuses a qualifier
        "2026-02-30",  # no such day: the general path says so
        "2025-02-29",
        "2026-13",
        "2026-35-01",
        "9999-24",  # winter 9999 runs past the calendar
        "2026-04-15T10:00-00:00",  # offset unknown (RFC 3339)
        "2026-04-15T10:00+18:00",
        "2026-04-15T10:00Z~",
        "2026-04-15t10:00z",
        "2026-04/2026-03",  # ends before it starts
        "2026-04-15T10:00Z/2026-04-16",
        "../..",
        "2026/2027/2028",
        "2025/26",
        "0999",
        "000X",
        "2026-13-XX",
        " 2026",
        "2\u0660\u0662\u0666",  # other scripts' digits
        "April 2026",
    ],
)
def test_texts_the_quick_path_leaves_to_the_general_path(text: str) -> None:
    assert _quick.read(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-35", When.quarter(2026, 3)),
        ("2026-35~", When.quarter(2026, 3).qualify(approximate=True)),
        ("2026-04-15%", When.day(2026, 4, 15).qualify(approximate=True, uncertain=True)),
        ("2026-04/..", When.interval(When.month(2026, 4), "open")),
        ("/2026-06", When.interval("unknown", When.month(2026, 6))),
        (
            "2026-04-15T10:00:30Z",
            When.instant(pendulum.DateTime(2026, 4, 15, 10, 0, 30, tzinfo=pendulum.UTC)),
        ),
        ("2026-04-XX", When.from_edtf("2026-04-XX")),
    ],
)
def test_quick_values(text: str, expected: When) -> None:
    assert When.parse(text) == expected
    assert fields(When.parse(text)) == fields(expected)


def test_options_are_still_checked() -> None:
    """A remembered text does not skip checking a bad option."""
    When.parse("2026-35")
    with pytest.raises(WhenParseError, match="prefer"):
        When.parse("2026-35", prefer="soon")  # type: ignore[arg-type]
    with pytest.raises(WhenParseError, match="reference"):
        When.parse("2026-35", reference="someday")
    with pytest.raises(WhenParseError, match="fiscal"):
        When.parse("2026-35", fiscal_year_start=13)


def test_the_table_is_bounded() -> None:
    for n in range(_quick._MEMO_MAX + 10):
        _quick.read(f"{1000 + n % 9000:04d}-{n % 12 + 1:02d}-{n % 28 + 1:02d}")
    assert len(_quick._MEMO) <= _quick._MEMO_MAX
