"""Hypothesis strategies for events and timelines, shared by the data-file tests."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from timeline import (
    Claim,
    Event,
    EventError,
    Observation,
    Quantity,
    Source,
    Status,
    Target,
    Timeline,
    When,
)

_YEARS = st.integers(1990, 2040)


def plain_whens() -> st.SearchStrategy[When]:
    """Dates of every grain, without relations or interval ends."""
    return st.one_of(
        st.builds(When.day, _YEARS, st.integers(1, 12), st.integers(1, 28)),
        st.builds(When.month, _YEARS, st.integers(1, 12)),
        st.builds(When.quarter, _YEARS, st.integers(1, 4)),
        st.builds(When.third, _YEARS, st.integers(1, 3)),
        st.builds(When.half, _YEARS, st.integers(1, 2)),
        st.builds(When.season, _YEARS, st.integers(21, 24)),
        st.builds(When.year, _YEARS),
        st.builds(When.decade, st.sampled_from([1990, 2000, 2010, 2020, 2030])),
        st.builds(
            lambda y, m, d, h, mi, off: When.instant(
                dt.datetime(y, m, d, h, mi, tzinfo=dt.timezone(dt.timedelta(hours=off)))
            ),
            _YEARS,
            st.integers(1, 12),
            st.integers(1, 28),
            st.integers(0, 23),
            st.sampled_from([0, 30]),
            st.integers(-12, 14),
        ),
    )


def whens() -> st.SearchStrategy[When]:
    """Any date a data file may hold: qualified, deadlines, before/after, intervals."""
    qualified = st.builds(
        lambda w, a, u: w.qualify(approximate=a, uncertain=u),
        plain_whens(),
        st.booleans(),
        st.booleans(),
    )
    related = st.builds(lambda w, f: f(w), qualified, st.sampled_from([When.by, When.after]))
    end = st.one_of(qualified, st.sampled_from(["open", "unknown"]))
    interval = st.builds(
        lambda a, b: When.interval(a, b) if _ordered(a, b) else When.interval(b, a), end, end
    ).filter(lambda w: w.lower != w.upper or isinstance(w.lower, When))
    return st.one_of(qualified, related, interval)


def _ordered(a: When | str, b: When | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return True
    return bool(a.earliest is None or b.latest is None or a.sort_key <= b.sort_key)


# Text as people type it into a tracker: any printable character, several lines,
# and the first characters a spreadsheet would run as a formula (=, +, -, @, ').
_TEXT = st.text(
    st.characters(blacklist_categories=["Cs", "Cc"])
    | st.sampled_from(["\n", "\t", ";", "'", "=", "+", "-", "@", '"', ","]),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() == s and s != "")
_NAMES = st.lists(_TEXT.filter(lambda s: "\n" not in s), max_size=3, unique=True)


def sources() -> st.SearchStrategy[Source]:
    return st.builds(
        Source,
        _TEXT,
        publisher=st.none() | _TEXT,
        url=st.none() | st.just("https://example.org/a?b=1,c"),
        published=st.none() | plain_whens(),
        quote=st.none() | _TEXT,
    )


def claims() -> st.SearchStrategy[Claim]:
    return st.builds(
        Claim,
        stated=st.builds(When.day, _YEARS, st.integers(1, 12), st.integers(1, 28)),
        when=st.none() | whens(),
        status=st.none() | st.sampled_from(Status),
        source=st.none() | sources(),
        note=st.none() | _TEXT,
    )


_UNITS = st.sampled_from(["", "USD", "CNY", "tokens per day", "enterprises", "devices", "%"])


def quantities() -> st.SearchStrategy[Quantity]:
    """Figures of every bound: exact, at least, at most, approximate, ranges."""
    numbers = st.integers(0, 10**15) | st.decimals(0, 10**6, places=2, allow_nan=False)
    single = st.builds(
        lambda v, u, b: Quantity(v, u, bound=b),
        numbers,
        _UNITS,
        st.sampled_from(["exact", "at_least", "more_than", "at_most", "less_than", "approx"]),
    )
    ranged = st.builds(
        lambda low, extra, u: Quantity.range(low, low + extra, u),
        st.integers(0, 10**12),
        st.integers(1, 10**12),
        _UNITS,
    )
    return single | ranged


def observations() -> st.SearchStrategy[Observation]:
    return st.builds(
        Observation,
        plain_whens(),
        quantities(),
        source=st.none() | sources(),
        note=st.none() | _TEXT,
    )


@st.composite
def targets(draw: st.DrawFn) -> Target:
    goal = draw(quantities())
    deadline = draw(plain_whens().map(When.by))
    baseline = draw(st.none() | st.builds(Observation, plain_whens(), quantities()))
    try:
        return Target(draw(_TEXT), goal, deadline, baseline=baseline)
    except ValueError:  # a baseline in other units or after the deadline is refused
        return Target(draw(_TEXT), goal, deadline)


@st.composite
def events(draw: st.DrawFn) -> Event:
    fields = {
        "title": draw(_TEXT),
        "when": draw(whens()),
        "status": draw(st.sampled_from(Status)),
        "kind": draw(st.none() | _TEXT),
        "actors": draw(_NAMES),
        "tags": draw(_NAMES),
        "location": draw(st.none() | _TEXT),
        "description": draw(st.none() | _TEXT),
        "sources": draw(st.lists(sources(), max_size=2)),
        "claims": draw(st.lists(claims(), max_size=2)),
        "target": draw(st.none() | targets()),
        "observations": draw(st.lists(observations(), max_size=2)),
        "related": draw(st.lists(st.sampled_from(["a-1", "b.2", "c_3"]), max_size=2, unique=True)),
    }
    end = draw(st.none() | plain_whens())
    try:
        return Event(end=end, **fields)
    except EventError:  # an end before the start is refused; drop it
        return Event(**fields)


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    """Timelines as a data file holds them: unique ids, ``related`` naming events in it."""
    evs = list({e.id: e for e in draw(st.lists(events(), max_size=4))}.values())
    ids = [e.id for e in evs]
    evs = [
        attrs.evolve(e, related=draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)))
        for e in evs
    ]
    # Fiscal years (actor: the month it starts) sometimes, as a tracker of big tech has them.
    fiscal = draw(
        st.dictionaries(
            st.sampled_from(["Microsoft", "Apple", "腾讯", "Alibaba Group"]),
            st.integers(1, 12),
            max_size=2,
        )
    )
    return Timeline(
        evs,
        name=draw(st.none() | _TEXT),
        description=draw(st.none() | _TEXT),
        fiscal_years=fiscal,
    )
