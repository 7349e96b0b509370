"""Property tests: random timelines give clean feeds that `icalendar` reads and we read back."""

from __future__ import annotations

import datetime as dt

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_strategies import observations, targets
from ics_check import vevents
from timeline import Claim, Event, Source, Timeline, When

ZONES = [
    pendulum.UTC,
    pendulum.fixed_timezone(8 * 3600),
    pendulum.fixed_timezone(-(5 * 3600 + 30 * 60)),
    pendulum.timezone("Asia/Shanghai"),
    None,  # a floating time
]
YEARS = st.integers(1950, 2150)


@st.composite
def instants(draw: st.DrawFn) -> When:
    moment = draw(st.datetimes(dt.datetime(1971, 1, 1), dt.datetime(2100, 12, 31)))
    zone = draw(st.sampled_from(ZONES))
    seconds = draw(st.booleans())
    moment = moment.replace(microsecond=0, second=moment.second if seconds else 0)
    if zone is None:
        return When.instant(moment)
    return When.instant(pendulum.instance(moment, tz=zone))


def calendar_values() -> st.SearchStrategy[When]:
    return st.one_of(
        st.dates(dt.date(1950, 1, 1), dt.date(2150, 12, 31)).map(
            lambda d: When.day(d.year, d.month, d.day)
        ),
        st.builds(When.week, YEARS, st.integers(1, 52)),
        st.builds(When.dekad, YEARS, st.integers(1, 12), st.integers(1, 3)),
        st.builds(When.month, YEARS, st.integers(1, 12)),
        st.builds(When.season, YEARS, st.integers(21, 24)),
        st.builds(When.quarter, YEARS, st.integers(1, 4)),
        st.builds(When.third, YEARS, st.integers(1, 3)),
        st.builds(When.half, YEARS, st.integers(1, 2)),
        st.builds(When.year, YEARS),
        YEARS.map(lambda y: When.decade(y // 10 * 10)),
        st.sampled_from([When.century(1900), When.century(2000)]),
    )


@st.composite
def whens(draw: st.DrawFn) -> When:
    """Any precision, qualifier, relation or interval."""
    kind = draw(st.sampled_from(["instant", "plain", "qualified", "relation", "interval"]))
    if kind == "instant":
        return draw(instants())
    value = draw(calendar_values())
    if kind == "qualified":
        return value.qualify(approximate=draw(st.booleans()), uncertain=draw(st.booleans()))
    if kind == "relation":
        return draw(st.sampled_from([value.by(), value.before(), value.after()]))
    if kind == "interval":
        other = draw(calendar_values())
        lo, hi = sorted([value, other], key=lambda w: (w.earliest, w.latest))
        if hi.earliest < lo.latest:  # type: ignore[operator]
            return When.interval(lo, lo)
        ends = draw(st.sampled_from(["both", "open", "unknown"]))
        if ends == "open":
            return When.interval("open", hi)
        if ends == "unknown":
            return When.interval(lo, "unknown")
        return When.interval(lo, hi)
    return value


CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
EMOJI = st.sampled_from(["🚀", "🤖", "📅", "👩‍💻", "🇨🇳", "✨"])
ASCII = st.sampled_from(list("abcXYZ 0123456789;,\\\"':-./"))
TEXT = (
    st.lists(st.one_of(CHINESE, EMOJI, ASCII, st.just("\n")), min_size=1, max_size=25)
    .map("".join)
    .filter(lambda s: s.strip() != "")
)
DAYS = st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)).map(
    lambda d: When.day(d.year, d.month, d.day)
)


@st.composite
def sources(draw: st.DrawFn) -> Source:
    return Source(
        draw(TEXT),
        publisher=draw(st.none() | TEXT),
        url=draw(
            st.none() | st.sampled_from(["https://example.org/a?b=1,2;c", "https://x.cn/新闻"])
        ),
        published=draw(st.none() | DAYS | calendar_values()),
        quote=draw(st.none() | TEXT),
    )


@st.composite
def events(draw: st.DrawFn, n: int) -> Event:
    when = draw(whens())
    end = None
    bounded = when.latest is not None and when.earliest is not None
    if not when.is_instant and bounded and draw(st.booleans()):
        last = when.latest + dt.timedelta(days=draw(st.integers(0, 400)))
        end = When.day(last.year, last.month, last.day)
    claims = [
        Claim(
            stated=draw(DAYS),
            when=draw(st.none() | whens()),
            status=draw(st.none() | st.sampled_from(["expected", "confirmed", "happened"])),
            source=draw(st.none() | sources()),
            note=draw(st.none() | TEXT),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return Event(
        id=f"e{n}",
        title=draw(TEXT),
        when=when,
        end=end,
        status=draw(st.sampled_from(["expected", "confirmed", "happened", "cancelled"])),
        kind=draw(st.none() | TEXT),
        actors=draw(st.lists(TEXT, max_size=2)),
        tags=draw(st.lists(TEXT, max_size=2)),
        location=draw(st.none() | TEXT),
        description=draw(st.none() | TEXT),
        sources=draw(st.lists(sources(), max_size=2)),
        claims=claims,
        related=draw(st.lists(st.sampled_from(["e1", "other-event"]), max_size=2, unique=True)),
        target=draw(st.none() | targets()),
        observations=draw(st.lists(observations(), max_size=2)),
    )


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    count = draw(st.integers(0, 5))
    return Timeline(
        [draw(events(n)) for n in range(count)],
        name=draw(st.none() | TEXT),  # unnamed: the feed is "Calendar", the timeline stays unnamed
        description=draw(st.none() | TEXT),
        fiscal_years=draw(st.dictionaries(TEXT, st.integers(1, 12), max_size=2)),
    )


def _day(p: dt.date) -> dt.date:
    return dt.date(p.year, p.month, p.day)


def _check_dates(event: Event, start: dt.date, end: dt.date | None) -> None:
    """DTSTART/DTEND as `icalendar` reads them lie where the event can happen."""
    lo, hi = event.window
    if lo is not None and hi is not None and _day(hi) < _day(lo):
        hi = event.when.latest  # a claim moved the date past the end: the end is dropped
    if isinstance(start, dt.datetime):
        # timed: an instant of the event, in UTC unless floating
        assert start in (lo, hi) or (lo is not None and start == lo)
        assert end is None or (hi is not None and end == hi)
        return
    assert end is not None and end > start
    first, last = start, end - dt.timedelta(days=1)
    if lo is not None:
        assert first >= _day(lo)
    if hi is not None:
        assert last <= _day(hi)
    # either the whole window or a one-day marker on its first or last day
    whole = lo is not None and hi is not None and (first, last) == (_day(lo), _day(hi))
    marker = first == last and first in {_day(p) for p in (lo, hi) if p is not None}
    assert whole or marker, (event.when, start, end)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timelines(), st.sampled_from(["auto", "window", "start", "end"]))
def test_feeds_are_clean_and_round_trip(tl: Timeline, policy: str) -> None:
    text = tl.to_ics(include_cancelled=True, policy=policy)  # type: ignore[arg-type]
    parsed = vevents(text)  # hygiene and structure, checked by icalendar
    assert [str(e["X-TIMELINE-ID"]) for e in parsed] == [e.id for e in tl]
    for event, component in zip(tl, parsed, strict=True):
        assert str(component["SUMMARY"]).startswith(event.title)
        end = component.decoded("DTEND") if "DTEND" in component else None
        _check_dates(event, component.decoded("DTSTART"), end)
    assert Timeline.from_ics(text) == tl
    assert tl.to_ics(include_cancelled=True, policy=policy) == text  # byte-identical  # type: ignore[arg-type]


CHANGING = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Europe/Dublin",
            "America/Santiago", "Pacific/Chatham"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    wall=st.datetimes(dt.datetime(1971, 1, 1), dt.datetime(2099, 12, 31)),
    zone=st.sampled_from(CHANGING),
    fold=st.integers(0, 1),
    hours=st.integers(0, 30),
)
def test_times_in_zones_with_clock_changes_read_the_same_in_icalendar(
    wall: dt.datetime, zone: str, fold: int, hours: int
) -> None:
    """Any instant, the second of a time passed twice included, is where icalendar puts it."""
    parts = (wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second)
    start = pendulum.datetime(*parts, tz=zone, fold=fold)
    end = start.add(hours=hours, minutes=1)
    tl = Timeline([Event(id="e", title="x", when=When.instant(start), end=When.instant(end))])
    (component,) = vevents(tl.to_ics())
    for name, moment in (("DTSTART", start), ("DTEND", end)):
        theirs = component.decoded(name)
        assert theirs.astimezone(dt.UTC) == moment.astimezone(dt.UTC), (name, moment, theirs)
    assert Timeline.from_ics(tl.to_ics()) == tl
