"""Hypothesis strategies for `When` values, shared by the test modules.

`whens()` draws any valid `When`: every precision (instants with naive, UTC,
fixed-offset and named-zone times; days to centuries; unspecified digits),
both qualifiers, every relation, and intervals with open and unknown ends.
Years stay one unit inside the calendar's edges by default, so the units
before and after a value (which EDTF uses for "before" and "after") exist.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pendulum
from hypothesis import assume
from hypothesis import strategies as st

from timeline import TimelineError, When

__all__ = [
    "calendar_whens",
    "edtf_free",
    "instants",
    "masked_whens",
    "single_whens",
    "whens",
]

ZONES = ("Europe/Paris", "Asia/Shanghai", "America/New_York", "Australia/Lord_Howe")


def _years(min_year: int, max_year: int) -> st.SearchStrategy[int]:
    return st.integers(max(min_year, 2), min(max_year, 9997))


@st.composite
def instants(draw: st.DrawFn, min_year: int = 1900, max_year: int = 2100) -> When:
    """An exact moment, naive or with a UTC, fixed-offset or named-zone time."""
    year = draw(st.integers(max(min_year, 2), min(max_year, 9997)))
    naive = dt.datetime(
        year,
        draw(st.integers(1, 12)),
        draw(st.integers(1, 28)),
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        draw(st.sampled_from([0, 0, 30, 59])),
        draw(st.sampled_from([0, 0, 0, 500_000, 123_456])),
    )
    kind = draw(st.sampled_from(["naive", "utc", "offset", "zone"]))
    if kind == "naive":
        return When.instant(naive)
    if kind == "utc":
        return When.instant(pendulum.instance(naive, tz=pendulum.UTC))
    if kind == "offset":
        minutes = draw(st.integers(-12 * 4, 14 * 4)) * 15
        return When.instant(naive.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes))))
    zone = pendulum.timezone(draw(st.sampled_from(ZONES)))
    return When.instant(pendulum.instance(naive, tz=pendulum.UTC).in_timezone(zone))


@st.composite
def _masked(draw: st.DrawFn, years: st.SearchStrategy[int]) -> When:
    year = draw(years)
    shape = draw(st.sampled_from(["X", "XX", "XXX", "month", "day", "month-day"]))
    if shape.startswith("X"):
        k = len(shape)
        prefix = year // 10**k
        prefix = min(max(prefix, 1), 10 ** (4 - k) - 2)  # neighbours stay inside the calendar
        text = f"{prefix:0{4 - k}d}{shape}"
    elif shape == "month":
        text = f"{year:04d}-XX"
    elif shape == "month-day":
        text = f"{year:04d}-XX-XX"
    else:
        text = f"{year:04d}-{draw(st.integers(1, 12)):02d}-XX"
    return When.from_edtf(text)


def calendar_whens(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[When]:
    """A plain calendar value (day .. century, or unspecified digits), unqualified."""
    years = _years(min_year, max_year)
    months = st.integers(1, 12)

    def day(y: int, m: int, d: int) -> When:
        return When.day(y, m, min(d, 28) if m == 2 else min(d, 30 if m in (4, 6, 9, 11) else 31))

    def week(y: int, w: int) -> When:
        return When.week(y, min(w, dt.date(y, 12, 28).isocalendar()[1]))

    decades = st.integers(max(min_year, 20) // 10, min(max_year, 9979) // 10)
    centuries = st.integers(max(min_year, 200) // 100, min(max_year, 9799) // 100)
    builders: list[st.SearchStrategy[When]] = [
        st.builds(day, years, months, st.integers(1, 31)),
        st.builds(week, years, st.integers(1, 53)),
        st.builds(When.dekad, years, months, st.integers(1, 3)),
        st.builds(When.month, years, months),
        st.builds(When.season, years, st.integers(21, 24)),
        st.builds(When.quarter, years, st.integers(1, 4)),
        st.builds(When.third, years, st.integers(1, 3)),
        st.builds(When.half, years, st.integers(1, 2)),
        st.builds(When.year, years),
        st.builds(lambda n: When.decade(n * 10), decades),
        st.builds(lambda n: When.century(n * 100), centuries),
        _masked(years),
    ]
    return st.one_of(builders)


def _qualified(values: st.SearchStrategy[When]) -> st.SearchStrategy[When]:
    return st.builds(
        lambda w, a, u: w.qualify(approximate=a, uncertain=u) if a or u else w,
        values,
        st.booleans(),
        st.booleans(),
    )


def single_whens(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[When]:
    """A single value: any precision, maybe qualified, with any relation."""
    plain = _qualified(st.one_of(calendar_whens(min_year, max_year), instants()))
    relate: list[Callable[[When], When]] = [
        lambda w: w,
        lambda w: w,
        When.by,
        When.before,
        When.after,
        When.not_before,  # "no earlier than"
        When.not_after,  # "no later than": its EDTF was "[day after..]" for a dekad
    ]
    return st.builds(lambda w, f: f(w), plain, st.sampled_from(relate))


@st.composite
def _intervals(draw: st.DrawFn, min_year: int, max_year: int) -> When:
    ends = _qualified(st.one_of(calendar_whens(min_year, max_year), instants()))
    open_or_unknown = st.sampled_from(["open", "unknown"])
    a = draw(st.one_of(ends, ends, open_or_unknown))
    b = draw(ends) if not isinstance(a, When) else draw(st.one_of(ends, ends, open_or_unknown))
    for lower, upper in ((a, b), (b, a)):
        try:
            return When.interval(lower, upper)  # type: ignore[arg-type]
        except ValueError:
            continue
    # Two ends that overlap both ways round (April 2026 and Q2 2026): keep one.
    return When.interval(a, "open") if isinstance(a, When) else When.interval("unknown", b)  # type: ignore[arg-type]


def whens(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[When]:
    """Any valid `When`: singles of every precision, qualifier and relation, and intervals."""
    return st.one_of(
        single_whens(min_year, max_year),
        single_whens(min_year, max_year),
        _intervals(min_year, max_year),
    )


# -- unspecified digits anywhere, and text a reader can read ---------------------------------


def _mask(draw: st.DrawFn, digits: str) -> str:
    """``digits`` with some of them unspecified (X)."""
    hidden = draw(st.lists(st.booleans(), min_size=len(digits), max_size=len(digits)))
    return "".join("X" if x else c for c, x in zip(digits, hidden, strict=True))


@st.composite
def masked_whens(draw: st.DrawFn) -> When:
    """A value with unspecified digits anywhere, maybe qualified (whole or by part), related,
    an interval end or a set member."""
    day = draw(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
    digits = [f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"]
    parts = [_mask(draw, d) for d in digits[: draw(st.integers(1, 3))]]
    assume("X" in "".join(parts))
    mark = draw(st.sampled_from(["", "", "~", "?", "%"]))
    if mark and draw(st.booleans()):  # one part qualified
        k = draw(st.integers(0, len(parts) - 1))
        parts[k] = mark + parts[k]
        mark = ""
    text = "-".join(parts) + mark
    try:
        w = When.from_edtf(text)
    except (TimelineError, ValueError):
        assume(False)
        raise
    shape = draw(st.sampled_from(["one", "by", "before", "after", "from", "to", "set", "all"]))
    other = draw(st.sampled_from(["2027", "1999-03", "open", "unknown"]))
    try:
        if shape in ("by", "before", "after"):
            return getattr(w, shape)()  # type: ignore[no-any-return]
        if shape in ("from", "to"):
            end = When.parse(other) if other[0].isdigit() else other
            pair = (w, end) if shape == "from" else (end, w)
            return When.interval(*pair)  # type: ignore[arg-type]
        if shape in ("set", "all"):
            close = "[]" if shape == "set" else "{}"
            return When.from_edtf(f"{close[0]}{w.to_edtf()},1999-03{close[1]}")
    except (TimelineError, ValueError):
        assume(False)
    return w


# A run of digits and X with an X in it: what EDTF writes for unspecified digits.
MASK = re.compile(r"(?<![A-Za-z])(?=[\dX]*X)[\dX]{2,}(?![A-Za-z])")
# EDTF's other notation: qualifier marks inside a date, sets, open ends, significant digits.
# ("11% of the way" and "April 2026?" are words: a % after a year or a month, or a ? before a
# digit, is EDTF)
EDTF_MARKS = re.compile(r"~|[\dX]{4}%|-[\dX]{2}%|[%?]-?[\dX]|[\[\]{}]|\.\.|\dS\d|-W\d")


ZONE = re.compile(r"\[[A-Za-z_]+(?:/[A-Za-z0-9_+-]+)+\]")  # an instant's zone: "[Asia/Shanghai]"


def edtf_free(text: str) -> bool:
    """Whether ``text`` holds no EDTF a reader would have to decode."""
    text = ZONE.sub("", text)
    return MASK.search(text) is None and EDTF_MARKS.search(text) is None
