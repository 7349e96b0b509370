"""The quick path for common ISO/EDTF shapes gives exactly what the general path gives."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import pendulum
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from fuzzing import examples
from strategies import whens
from timeline import When, WhenParseError
from timeline.dates import _quick
from timeline.dates._parse import _parse
from timeline.dates._parse_dates import Context
from timeline.dates._parse_edtf import Fail
from timeline.dates._precision import MONTH_NAMES, Precision, Relation, names_century

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
        None if w.is_undated else w.to_edtf(),
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
        "Aprill 2026",
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


# -- the canonical texts str() writes ----------------------------------------------------------


MASKED = re.compile(r"[1-9]\d\dX|[1-9]\d{3}-XX|[1-9]\d{3}-\d\d-XX")


def covered(w: When) -> bool:
    """Whether the quick path reads ``str(w)``: calendar values, their marks, relations, intervals.

    Not covered (the general path reads them): instants with a qualifier, a
    relation or in an interval, level-2 values (hemisphere seasons, sets), years
    before 1000 written alone, unspecified digits other than ``202X``,
    ``2026-XX`` and ``2026-04-XX`` (from year 1000), and the decades "the 1800s"
    cannot name (it is the century), written "the decade 1800\u20131809".
    """
    if w.is_interval:
        ends = [e for e in (w.lower, w.upper) if isinstance(e, When)]
        return bool(ends) and all(covered(e) for e in ends)
    if w.form is not None or w.is_undated:
        return w.is_undated
    if w.is_instant:
        return False
    if w.precision is Precision.DECADE:
        assert w.start is not None
        if names_century(w.start.year - w.start.year % 10):
            return False
    if w.precision is Precision.YEAR and w.relation is Relation.ON and not w.approximate:
        assert w.start is not None
        if w.start.year < 1000 and w.unspecified is None:
            return False  # "0999", "0999?": ISO shapes the general path reads, as before
    return w.unspecified is None or MASKED.fullmatch(w.unspecified) is not None


@pytest.mark.fuzz
@settings(max_examples=examples(1000), deadline=None)
@given(whens())
@example(When.day(2024, 2, 29).qualify(approximate=True, uncertain=True).not_after())
@example(When.week(2026, 53).before())
@example(When.season(2099, 24).after())
@example(When.interval(When.dekad(2026, 4, 2), When.third(2026, 3).qualify(approximate=True)))
@example(When.interval("unknown", When.century(2000)))
@example(When.undated())
def test_quick_path_reads_every_canonical_text(w: When) -> None:
    """``str(w)`` of any value: read quickly when covered, always as the general path reads it."""
    text = str(w)
    quick = _quick.read(text)
    if covered(w):
        assert quick is not None, text
        assert len(text) <= _quick.LONGEST  # else When.parse would not try the quick path
    if quick is not None:
        assert fields(quick) == general(text)


# Texts shaped like the canonical ones with any digits, other spellings (case,
# spacing, words the general path also reads) and impossible values, so the
# quick path's refusals are checked as well as its readings.
MONTH = st.one_of(
    st.sampled_from(MONTH_NAMES),
    st.sampled_from(["april", "APRIL", "Apr", "Sept", "Foo"]),
)
YEAR4 = st.one_of(digits(4), st.sampled_from(["2026", "2024", "9999", "0001", "0000", "2020"]))
DAY12 = st.one_of(st.integers(0, 32).map(str), digits(2))
CORE = st.one_of(
    st.builds(lambda d, m, y: f"{d} {m} {y}", DAY12, MONTH, YEAR4),
    st.builds(lambda m, y: f"{m} {y}", MONTH, YEAR4),
    st.builds(lambda y, w: f"{y}-W{w}", YEAR4, digits(2)),
    st.builds(lambda y, w: f"{y}-w{w}", YEAR4, digits(2)),
    st.builds(lambda k, n, y: f"{k}{n} {y}", st.sampled_from("QHqh"), st.integers(0, 5), YEAR4),
    st.builds(
        lambda p, m, y, s: f"{p}{m}{y}{s}",
        st.sampled_from(["early ", "mid-", "late ", "mid ", "Early ", "end of "]),
        st.one_of(st.just(""), MONTH.map(lambda m: m + " ")),
        YEAR4,
        st.sampled_from(["", "", "s"]),
    ),
    st.builds(
        lambda s, y, n: f"{s} {y}{n}",
        st.sampled_from(["spring", "summer", "autumn", "winter", "fall", "Spring"]),
        YEAR4,
        st.one_of(st.just(""), digits(2).map(lambda d: "/" + d), digits(4).map(lambda d: "/" + d)),
    ),
    YEAR4,
    st.builds(lambda d: f"the {d}0s", digits(3)),
    st.builds(
        lambda n, s: f"the {n}{s} century",
        st.one_of(st.integers(0, 101).map(str), st.just("021")),
        st.sampled_from(["st", "nd", "rd", "th"]),
    ),
    st.builds(lambda y: f"{y[:3]}X", YEAR4),
    st.builds(lambda y, m: f"{y}-{m}-XX", YEAR4, st.sampled_from(["XX", "04", "13", "00"])),
)
END_TEXT = st.builds(
    lambda c, core, q: f"{c}{core}{q}",
    st.sampled_from(["", "", "c. ", "c.", "C. ", "circa "]),
    CORE,
    st.sampled_from(["", "", "?", " ?", "~"]),
)
RELATION = st.sampled_from(
    [
        *("", "", "by ", "by end of ", "before ", "after ", "no earlier than ", "no later than "),
        *("by the end of ", "By ", "not before "),
    ]
)
WORDS = st.one_of(
    st.builds(lambda r, e: r + e, RELATION, END_TEXT),
    st.builds(lambda a, b: f"{a} to {b}", END_TEXT, END_TEXT),
    st.builds(lambda e: f"until {e}", END_TEXT),
    st.builds(lambda e: f"from {e} onwards", END_TEXT),
    st.builds(lambda e: f"unknown start to {e}", END_TEXT),
    st.builds(lambda e: f"{e} to unknown end", END_TEXT),
    st.builds(lambda e: f"unknown end to {e}", END_TEXT),
    st.builds(lambda a, b: f"{a} to {b}", RELATION.map(lambda r: r + "2026"), END_TEXT),
)


@pytest.mark.fuzz
@settings(max_examples=examples(1000), deadline=None)
@given(WORDS)
@example("winter 2026/28")
@example("the 1st century")
@example("after 9999")
@example("after 31 December 9999")
@example("before 1 January 0001")
@example("early 2021s")
@example("mid-April 2020s")
@example("unknown start to unknown end")
def test_quick_words_agree_with_the_general_path(text: str) -> None:
    quick = _quick.read(text)
    if quick is not None:
        assert fields(quick) == general(text)
        assert _quick.read(text) is quick  # remembered by its text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 April 2026", When.day(2026, 4, 3)),
        ("29 February 2024", When.day(2024, 2, 29)),
        ("April 2026", When.month(2026, 4)),
        ("2026-W14", When.week(2026, 14)),
        ("2026-W53", When.week(2026, 53)),
        ("9999-W51", When.week(9999, 51)),
        ("Q2 2026", When.quarter(2026, 2)),
        ("H1 2026", When.half(2026, 1)),
        ("early 2024", When.third(2024, 1)),
        ("mid-2024", When.third(2024, 2)),
        ("late April 2026", When.dekad(2026, 4, 3)),
        ("spring 2026", When.season(2026, 21)),
        ("winter 2099/00", When.season(2099, 24)),
        ("0999", None),  # (ISO: left to the general path, as before)
        ("the 2020s", When.decade(2020)),
        ("the 21st century", When.century(2000)),
        ("c. 3 April 2026?", When.day(2026, 4, 3).qualify(approximate=True, uncertain=True)),
        ("c. 2026", When.year(2026).qualify(approximate=True)),
        ("2026-W14?", When.week(2026, 14).qualify(uncertain=True)),
        ("by end of 2030", When.year(2030).by()),
        ("by end of 2030?", When.year(2030).qualify(uncertain=True).by()),
        ("by c. 2030", When.year(2030).qualify(approximate=True).by()),
        ("by April 2026", When.month(2026, 4).by()),
        ("before Q2 2026", When.quarter(2026, 2).before()),
        ("after March 2025", When.month(2025, 3).after()),
        ("no earlier than 3 April 2026", When.day(2026, 4, 3).not_before()),
        ("no later than H2 2026", When.half(2026, 2).not_after()),
        ("by 202X", When.from_edtf("202X").by()),
        (
            "January 2026 to May 2026",
            When.interval(When.month(2026, 1), When.month(2026, 5)),
        ),
        (
            "c. 3 April 2026 to Q3 2026?",
            When.interval(
                When.day(2026, 4, 3).qualify(approximate=True),
                When.quarter(2026, 3).qualify(uncertain=True),
            ),
        ),
        ("until June 2026", When.interval("open", When.month(2026, 6))),
        ("from April 2026 onwards", When.interval(When.month(2026, 4), "open")),
        ("unknown start to 2030", When.interval("unknown", When.year(2030))),
        ("spring 2026 to unknown end", When.interval(When.season(2026, 21), "unknown")),
        ("date not announced", When.undated()),
        (
            "c. early September 2026? to c. early September 2026?",  # the longest
            When.interval(*[When.dekad(2026, 9, 1).qualify(approximate=True, uncertain=True)] * 2),
        ),
    ],
)
def test_canonical_values(text: str, expected: When | None) -> None:
    if expected is None:
        assert _quick.read(text) is None
        return
    assert _quick.read(text) is not None
    assert len(text) <= _quick.LONGEST
    assert fields(When.parse(text)) == fields(expected) == general(text)


@pytest.mark.parametrize(
    "text",
    [
        "3 april 2026",  # other spellings: the general path reads them
        "03 April 2026",
        "3  April 2026",
        "April 3, 2026",
        "by the end of 2030",
        "circa 2026",
        "Q2 2026 ",
        "2026-w14",
        "31 April 2026",  # impossible values: the general path says what is wrong
        "29 February 2025",
        "2026-W54",
        "2025-W53",
        "until 9999-W52",  # runs past 31 December 9999
        "H3 2026",
        "Q5 2026",
        "winter 2026",
        "winter 2026/28",
        "spring 2026/27",
        "the 21th century",
        "the 1st century",
        "early 2021s",
        "after 31 December 9999",
        "after 9999",
        "June 2026 to April 2026",
        "unknown start to unknown end",
        "unknown end to 2026",
        "by 2026 to 2027",
        "c. 2026-04-15T10:00+08:00",  # instants with words: the general path
        "2026-04-15T10:00Z to 2026-04-16T10:00Z",
        "northern spring 2026",  # level-2 values: the general path
        "3 April \u0662\u0660\u0662\u0666",  # other scripts' digits
    ],
)
def test_canonical_looking_texts_left_to_the_general_path(text: str) -> None:
    assert _quick.read(text) is None


def general_fiscal(text: str, start: int, named_by: Literal["end", "start"]) -> object:
    """The general path's answer with a fiscal year."""
    try:
        return fields(_parse(text, Context(REF, "current", start, named_by)))
    except Fail as f:
        return ("refused", f.reason)


@pytest.mark.fuzz
@settings(max_examples=examples(300), deadline=None)
@given(
    st.one_of(whens().map(str), WORDS),
    st.integers(1, 12),
    st.sampled_from(["end", "start"]),
)
@example("2025 to 2026", 7, "end")
@example("Q3 2025", 7, "end")
@example("H1 2026", 4, "start")
def test_no_fiscal_year_changes_a_canonical_text(
    text: str, start: int, named_by: Literal["end", "start"]
) -> None:
    """So `When.parse` with ``fiscal_year_start=`` reads canonical texts quickly too."""
    quick = _quick.canonical(text)
    if quick is not None:
        assert fields(quick) == general_fiscal(text, start, named_by)
        parsed = When.parse(text, fiscal_year_start=start, fiscal_year_named_by=named_by)
        assert fields(parsed) == fields(quick)


def test_a_fiscal_year_still_reads_fiscal_texts() -> None:
    assert str(When.parse("FY2025", fiscal_year_start=7)) == "FY2025 (July 2024–June 2025)"
    assert When.parse("2025/26", fiscal_year_start=4) != When.parse("2025/26")
    assert _quick.canonical("FY2025") is None
    assert _quick.canonical("2025/26") is None
