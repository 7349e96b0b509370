"""Invariants of `Timeline` on random timelines of mixed precision (Hypothesis).

The oracles here are written independently of the library's bound arithmetic,
with aware datetimes (Python compares them in UTC), under the one rule for
relations (DESIGN §2, issue 11 §1): a window query asks whether an event could
fall in the window (both at their widest: fuzzy bounds, and a floating day
spans every UTC offset when the pair mixes floating days and instants);
`included` whether it surely does (the window at its plain bounds, where a
floating day holds an instant by the instant's local date).
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from timeline import Event, QueryError, Source, Timeline, When
from timeline.dates._bounds import _cmp, runs_backwards
from timeline.model._index import SpanIndex

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Offsets from UTC-12 to UTC+14 on the quarter hour (UTC+5:45 exists), often the
# extremes: there a local date and the UTC date differ most.
OFFSETS = st.one_of(st.sampled_from([-12 * 4, 14 * 4, -38, 23]), st.integers(-48, 56)).map(
    lambda q: pendulum.fixed_timezone(q * 900)
)
HOURS = st.one_of(st.sampled_from([0, 1, 22, 23]), st.integers(0, 23))
DAYS = st.dates(dt.date(2026, 1, 1), dt.date(2026, 7, 31))


def _day(d: dt.date) -> When:
    return When.day(d.year, d.month, d.day)


@st.composite
def instants(draw: st.DrawFn) -> When:
    d = draw(DAYS)
    moment = pendulum.datetime(
        d.year,
        d.month,
        d.day,
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        tz=draw(OFFSETS),
    )
    return When.instant(moment)


@st.composite
def plain(draw: st.DrawFn) -> When:
    """A single value with no relation: a day, week, month, quarter, third, half or year."""
    d = draw(DAYS)
    kind = draw(st.sampled_from(["day", "week", "month", "quarter", "third", "half", "year"]))
    w = {
        "day": lambda: _day(d),
        "week": lambda: When.week(*d.isocalendar()[:2]),
        "month": lambda: When.month(d.year, d.month),
        "quarter": lambda: When.quarter(d.year, (d.month + 2) // 3),
        "third": lambda: When.third(d.year, (d.month + 3) // 4),
        "half": lambda: When.half(d.year, (d.month + 5) // 6),
        "year": lambda: When.year(d.year),
    }[kind]()
    if draw(st.booleans()):
        w = w.qualify(approximate=draw(st.booleans()), uncertain=draw(st.booleans()))
    return w


@st.composite
def sets(draw: st.DrawFn) -> When:
    """An EDTF set, one of ``[..]`` or all of ``{..}``: 1-3 members (days, months, plain
    or qualified, instants), the first maybe open at its start or the last at its end."""
    texts = []
    for _ in range(draw(st.integers(1, 3))):
        member = draw(st.one_of(plain().filter(lambda w: w.precision.value in ("day", "month")),
                                instants()))  # fmt: skip
        texts.append(member.to_edtf())
    if len(texts) > 1 and draw(st.integers(0, 4)) == 0:
        d = draw(DAYS)
        texts[0] = f"..{d.isoformat()}"
    elif len(texts) > 1 and draw(st.integers(0, 4)) == 0:
        d = draw(DAYS)
        texts[-1] = f"{d.isoformat()}.."
    close = draw(st.sampled_from(["[]", "{}"]))
    return When.from_edtf(close[0] + ",".join(texts) + close[1])


@st.composite
def whens(draw: st.DrawFn) -> When:
    """Any value: plain, instants with offsets, deadlines, before/after, intervals, sets."""
    choice = draw(st.integers(0, 7))
    if choice == 7:
        return draw(sets())
    if choice <= 1:
        return draw(plain())
    if choice == 2:
        return draw(instants())
    if choice == 3:
        base = draw(plain())
        return draw(st.sampled_from([base.by(), base.before(), base.after()]))
    ends = draw(st.lists(plain(), min_size=2, max_size=2))
    ends.sort(key=lambda w: w.sort_key)
    lower: Any = ends[0].qualify()
    upper: Any = ends[1].qualify()
    if lower.earliest > upper.latest:
        upper = lower
    if choice == 5:
        lower = draw(st.sampled_from(["open", "unknown"]))
    elif choice == 6:
        upper = draw(st.sampled_from(["open", "unknown"]))
    return When.interval(lower, upper)


@st.composite
def events(draw: st.DrawFn, id: str) -> Event:
    when = draw(whens())
    end = None
    if draw(st.integers(0, 4)) == 0 and when.earliest is not None:
        # an end on or after the start: a day, or an instant two or more days later
        start = when.earliest
        later = start + dt.timedelta(days=draw(st.integers(0, 40)))
        if draw(st.booleans()):
            end = _day(later)
        else:
            later += dt.timedelta(days=2)
            tz = draw(OFFSETS)
            end = When.instant(pendulum.datetime(later.year, later.month, later.day, 12, tz=tz))
    event = Event(id=id, title=f"event {id}", when=when, end=end)
    if draw(st.integers(0, 3)) == 0:
        # a claim moves the date: before, within or past the end (which then no longer stands)
        event = event.revise(when=draw(whens()), stated="2026-01-01")
    return event


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    n = draw(st.integers(0, 25))
    return Timeline([draw(events(f"e{i}")) for i in range(n)])


_US = dt.timedelta(microseconds=1)


def _aware(p: Any) -> bool:
    return isinstance(p, dt.datetime) and p.utcoffset() is not None


def _frame(points: tuple[Any, ...]) -> tuple[dt.timezone, dt.timezone] | None:
    """The offsets a floating bound reaches when the pair mixes floating and UTC values."""
    offsets = [p.utcoffset() for p in points if p is not None and _aware(p)]
    floating = [p for p in points if p is not None and not _aware(p)]
    if not offsets or not floating:
        return None
    east = max([dt.timedelta(hours=14), *offsets])
    west = max([dt.timedelta(hours=12), *(-o for o in offsets)])
    return dt.timezone(east), dt.timezone(-west)


def _naive(p: Any) -> dt.datetime:
    if isinstance(p, dt.datetime):
        return p.replace(tzinfo=None)
    return dt.datetime(p.year, p.month, p.day)


def _start(p: Any, frame: Any) -> Any:
    """Independent oracle: the earliest moment a bound can mean, as an aware datetime."""
    if p is None:
        return None
    if _aware(p):
        return p
    return _naive(p).replace(tzinfo=frame[0] if frame else dt.UTC)


def _stop(p: Any, frame: Any) -> Any:
    """The moment just after a bound ends, as an aware datetime."""
    if p is None:
        return None
    if _aware(p):
        return p + _US
    step = _US if isinstance(p, dt.datetime) else dt.timedelta(days=1)
    return (_naive(p) + step).replace(tzinfo=frame[1] if frame else dt.UTC)


def _meets(a: tuple[Any, Any], b: tuple[Any, Any]) -> bool:
    frame = _frame((*a, *b))
    for lo, hi in ((a[0], b[1]), (b[0], a[1])):
        start, stop = _start(lo, frame), _stop(hi, frame)
        if start is not None and stop is not None and not start < stop:
            return False
    return True


def _inside(container: tuple[Any, Any], other: tuple[Any, Any]) -> bool:
    frame = _frame((*container, *other))
    (c_lo, c_hi), (o_lo, o_hi) = container, other
    if c_lo is not None:
        if o_lo is None:
            return False
        if not _aware(c_lo) and _aware(o_lo):  # a floating container: the local clock
            if _naive(c_lo) > _naive(o_lo):
                return False
        elif _start(c_lo, None) > _start(o_lo, frame if _aware(c_lo) else None):
            return False
    if c_hi is None:
        return True
    if o_hi is None:
        return False
    if not _aware(c_hi) and _aware(o_hi):
        return bool(_naive(_stop(o_hi, None)) <= _naive(_stop(c_hi, None)))
    return bool(_stop(o_hi, frame if _aware(c_hi) else None) <= _stop(c_hi, None))


def _standing_end(e: Event) -> When | None:
    """The end, unless a claim moved the date past it (or to no last day)."""
    end = e.end
    if end is None or end.latest is None or e.when == e.initial_when:
        return end
    latest = e.when.latest
    return None if latest is None or _cmp(end.latest, latest) < 0 else end


def _span(e: Event) -> tuple[Any, Any]:
    """Where the event could fall: its dates' fuzzy bounds (qualified dates widen), to its
    end's while the end stands."""
    lo, hi = e.when.fuzzy_bounds()
    end = _standing_end(e)
    if end is not None:
        hi = end.fuzzy_bounds()[1]
    return lo, hi


def _is_set(w: When) -> bool:
    return w.form is not None and w.form[:1] in "[{"


def _members(w: When) -> list[When]:
    """A set's members, read back from its EDTF text one by one; else the value alone."""
    if not _is_set(w):
        return [w]
    assert w.form is not None
    out = []
    for item in w.form[1:-1].split(","):
        if item.startswith(".."):
            out.append(When.from_edtf(item[2:]).by())
        elif item.endswith(".."):
            out.append(When.from_edtf(item[:-2]).not_before())
        else:
            out.append(When.from_edtf(item))
    return out


def _readings(e: Event) -> list[tuple[Any, Any]]:
    """Each way the event could fall: a set date (with no end standing) is each of its
    members at its widest; else its span."""
    if _standing_end(e) is None and _is_set(e.when):
        return [m.fuzzy_bounds() for m in _members(e.when)]
    return [_span(e)]


def _window_readings(start: Any, end: Any) -> list[tuple[Any, Any]]:
    """A window at its widest: a set alone is each of its members; else one span."""
    if end is None and _is_set(_as_when(start)):
        return [m.fuzzy_bounds() for m in _members(_as_when(start))]
    return [_widest(start, end)]


def _window_holders(start: Any, end: Any) -> tuple[list[tuple[Any, Any]], bool]:
    """A window as a container at its narrowest (plain bounds): a set alone is its
    members, each of which must hold an event (one of) or one of which must (all of).
    A window between two bounds is every span from a reading of the first to a reading
    of the last that does not end before it starts: each must hold an event."""
    w = _as_when(start)
    if end is None and _is_set(w):
        return [(m.earliest, m.latest) for m in _members(w)], (w.form or "")[:1] == "["
    if end is None and not w.is_interval:
        return [_bounds(start, end)], True
    first, last = (w, _as_when(end)) if end is not None else (w.lower, w.upper)
    los = _plain_holders(first) if isinstance(first, When) else [(None, None)]
    his = _plain_holders(last) if isinstance(last, When) else [(None, None)]
    pairs = [
        (lo, hi)
        for lo, _ in los
        for _, hi in his
        if lo is None or hi is None or lo == hi or not runs_backwards(lo, hi)
    ]
    return pairs, True


def _plain_holders(w: When) -> list[tuple[Any, Any]]:
    """A window bound's readings at their narrowest: a set's members, an interval's span."""
    if w.is_interval:
        lower = w.lower if isinstance(w.lower, When) else None
        upper = w.upper if isinstance(w.upper, When) else None
        return [
            (lo, hi)
            for lo, _ in (_plain_holders(lower) if lower else [(None, None)])
            for _, hi in (_plain_holders(upper) if upper else [(None, None)])
        ]
    return [(m.earliest, m.latest) for m in _members(w)]


def brute_overlapping(tl: Timeline, windows: list[tuple[Any, Any]]) -> list[str]:
    return [e.id for e in tl if any(_meets(r, w) for r in _readings(e) for w in windows)]


def brute_included(tl: Timeline, holders: list[tuple[Any, Any]], every: bool) -> list[str]:
    if not holders:  # no span every reading of the window holds
        return []

    def held(r: tuple[Any, Any]) -> bool:
        inside = [_inside(c, r) for c in holders]
        return all(inside) if every else any(inside)

    return [e.id for e in tl if all(held(r) for r in _readings(e))]


def _before(a: tuple[Any, Any], b: tuple[Any, Any]) -> bool:
    frame = _frame((*a, *b))
    stop, start = _stop(a[1], frame), _start(b[0], frame)
    return stop is not None and start is not None and stop <= start


def brute_before(tl: Timeline, moment: When) -> list[str]:
    windows = _window_readings(moment, None)
    return [e.id for e in tl if all(_before(r, w) for r in _readings(e) for w in windows)]


def brute_start_after(tl: Timeline, moment: When) -> list[str]:
    windows = _window_readings(moment, None)
    return [e.id for e in tl if all(_before(w, r) for r in _readings(e) for w in windows)]


WINDOW_ARGS = st.one_of(whens(), DAYS, instants().map(lambda w: w.earliest))


def window_args(tl: Timeline) -> st.SearchStrategy[Any]:
    """Random window bounds, often on an event's own bounds (or their local dates)."""
    edges: list[Any] = []
    for e in tl:
        for point in (*_span(e), *(p for r in _readings(e) for p in r), e.when.earliest):
            if point is not None:
                edges.append(point)
                if isinstance(point, dt.datetime):
                    edges.append(point.date())
        edges.append(e.when)
    if not edges:
        return WINDOW_ARGS
    return st.one_of(WINDOW_ARGS, st.sampled_from(edges))


def _as_when(x: Any) -> When:
    if isinstance(x, When):
        return x
    if isinstance(x, str):
        return When.parse(x)
    if isinstance(x, dt.datetime):
        return When.instant(x)
    return _day(x)


def _dated(x: Any, side: str) -> bool:
    """Whether a bound has a date on ``side``: not undated, that end not unknown (open is)."""
    w = _as_when(x)
    return not w.is_undated and (w.lower if side == "start" else w.upper) != "unknown"


def _local(p: Any) -> dt.date:
    return p.date() if isinstance(p, dt.datetime) else p


def _backwards(start: Any, end: Any) -> bool:
    """Independent oracle: the window from ``start`` to ``end`` ends before it starts.

    Two instants compare in UTC, two days by the calendar; an instant against a
    floating day by its local date (a day holds the instants whose local date it is).
    """
    lo, hi = _as_when(start).earliest, _as_when(end).latest
    if lo is None or hi is None:
        return False
    if _aware(lo) and _aware(hi):
        return bool(lo > hi)
    if isinstance(lo, dt.datetime) or isinstance(hi, dt.datetime):
        return _local(lo) > _local(hi)
    return bool(lo > hi)


def dated_windows(tl: Timeline, data: st.DataObject) -> tuple[Any, Any]:
    """A window query's arguments with a date wherever the window uses one, start first.

    Undated or unknown-ended bounds are refused (`TestUndatedBounds`), and so is a
    window that ends before it starts: the pair is drawn, put in order, then kept
    when each bound is dated on its side.
    """
    first = data.draw(window_args(tl))
    if data.draw(st.booleans()):
        assume(_dated(first, "start") and _dated(first, "end"))
        return first, None
    second = data.draw(window_args(tl))
    if _backwards(first, second):
        first, second = second, first
    assume(_dated(first, "start") and _dated(second, "end") and not _backwards(first, second))
    return first, second


def _bounds(start: Any, end: Any) -> tuple[Any, Any]:
    """A window at its narrowest (a container): plain bounds."""
    return _as_when(start).earliest, _as_when(end if end is not None else start).latest


def _widest(start: Any, end: Any) -> tuple[Any, Any]:
    """A window at its widest: fuzzy bounds."""
    return (
        _as_when(start).fuzzy_bounds()[0],
        _as_when(end if end is not None else start).fuzzy_bounds()[1],
    )


class TestWindowQueries:
    @SETTINGS
    @given(timelines(), st.data())
    def test_overlapping_is_the_brute_force_filter(self, tl: Timeline, data: st.DataObject) -> None:
        start, end = dated_windows(tl, data)
        windows = _window_readings(start, end)
        assert [e.id for e in tl.overlapping(start, end)] == brute_overlapping(tl, windows)

    @SETTINGS
    @given(timelines(), st.data())
    def test_overlapping_is_a_filter_with_when_overlaps(
        self, tl: Timeline, data: st.DataObject
    ) -> None:
        window = _as_when(
            data.draw(window_args(tl).filter(lambda x: _dated(x, "start") and _dated(x, "end")))
        )
        plain = [e for e in tl if e.end is None]
        expected = [e.id for e in plain if e.when.overlaps(window)]
        assert [e.id for e in tl.overlapping(window) if e.end is None] == expected
        # and included is a filter with When.contains
        inside = [e.id for e in plain if window.contains(e.when)]
        assert [e.id for e in tl.included(window) if e.end is None] == inside
        # and before / start_after are filters with When.definitely_before
        before = [e.id for e in plain if e.when.definitely_before(window)]
        assert [e.id for e in tl.before(window) if e.end is None] == before
        after = [e.id for e in plain if window.definitely_before(e.when)]
        assert [e.id for e in tl.start_after(window) if e.end is None] == after

    @SETTINGS
    @given(timelines(), st.data())
    def test_before_and_start_after_are_the_brute_force_filters(
        self, tl: Timeline, data: st.DataObject
    ) -> None:
        # Every reading of the event surely before (after) every reading of the moment:
        # for a set event the hull decides, up to each member's own frame.
        moment = _as_when(
            data.draw(window_args(tl).filter(lambda x: _dated(x, "start") and _dated(x, "end")))
        )
        assert [e.id for e in tl.before(moment)] == brute_before(tl, moment)
        assert [e.id for e in tl.start_after(moment)] == brute_start_after(tl, moment)

    @SETTINGS
    @given(timelines(), st.data())
    def test_included_is_the_brute_force_filter(self, tl: Timeline, data: st.DataObject) -> None:
        start, end = dated_windows(tl, data)
        found = [e.id for e in tl.included(start, end)]
        assert found == brute_included(tl, *_window_holders(start, end))
        # what is certainly inside could fall inside
        assert set(found) <= {e.id for e in tl.overlapping(start, end)}

    @SETTINGS
    @given(st.one_of(instants(), whens()).map(lambda w: Event(title="x", when=w)))
    def test_an_event_falls_on_its_own_days(self, e: Event) -> None:
        # The local dates of its own bounds always meet it, whatever the offset:
        # 23:00 at UTC-12 is the next day in UTC, but still that day.
        tl = Timeline([e])
        lo, hi = _span(e)
        days = [p.date() if isinstance(p, dt.datetime) else p for p in (lo, hi) if p is not None]
        for day in days:
            assert "x" in tl.on(day)
        if lo is not None and hi is not None:
            assert "x" in tl.included(days[0], days[1])
            assert "x" in tl.included(lo, hi)


# Values with no date at all, as text or a When.
UNDATED = st.one_of(
    st.just(When.undated()), st.sampled_from(["TBD", "TBA", "unknown", "date not announced"])
)


@st.composite
def unknown_ended(draw: st.DrawFn) -> tuple[When, str]:
    """An interval with one unknown end, and that end's side."""
    base = draw(plain())
    if draw(st.booleans()):
        return When.interval(base, "unknown"), "end"
    return When.interval("unknown", base), "start"


class TestUndatedBounds:
    """A bound with no date where the window uses one is always refused, never read as open."""

    @SETTINGS
    @given(timelines(), UNDATED, st.data())
    def test_an_undated_bound_is_refused_by_every_query(
        self, tl: Timeline, bad: Any, data: st.DataObject
    ) -> None:
        other = data.draw(window_args(tl).filter(lambda x: _dated(x, "start") and _dated(x, "end")))
        shown = bad if isinstance(bad, str) else str(bad)
        for call in (
            lambda: tl.overlapping(bad),
            lambda: tl.overlapping(bad, other),
            lambda: tl.overlapping(other, bad),
            lambda: tl.included(bad),
            lambda: tl.included(bad, other),
            lambda: tl.included(other, bad),
            lambda: tl.on(bad),
            lambda: tl.start_after(bad),
            lambda: tl.before(bad),
        ):
            with pytest.raises(QueryError, match=f"{shown!r} has no date"):
                call()

    @SETTINGS
    @given(timelines(), unknown_ended(), st.data())
    def test_an_unknown_end_is_refused_where_the_window_uses_it(
        self, tl: Timeline, bad: tuple[When, str], data: st.DataObject
    ) -> None:
        interval, side = bad
        other = data.draw(window_args(tl).filter(lambda x: _dated(x, "start") and _dated(x, "end")))
        calls = [lambda: tl.overlapping(interval), lambda: tl.included(interval)]
        if side == "start":
            calls += [lambda: tl.overlapping(interval, other), lambda: tl.before(interval)]
        else:
            calls += [lambda: tl.included(other, interval), lambda: tl.start_after(interval)]
        for call in calls:
            with pytest.raises(QueryError, match=f"has an unknown {side}"):
                call()

    @SETTINGS
    @given(timelines(), st.data())
    def test_a_window_that_ends_before_it_starts_is_refused(
        self, tl: Timeline, data: st.DataObject
    ) -> None:
        start = data.draw(window_args(tl).filter(lambda x: _dated(x, "start")))
        end = data.draw(window_args(tl).filter(lambda x: _dated(x, "end")))
        if _backwards(start, end):
            for query in (tl.overlapping, tl.included):
                with pytest.raises(QueryError, match="ends before start"):
                    query(start, end)
        else:
            tl.overlapping(start, end)
            tl.included(start, end)


class TestOrder:
    @SETTINGS
    @given(timelines(), st.randoms(use_true_random=False))
    def test_shuffled_input_gives_the_same_order(self, tl: Timeline, rnd: Any) -> None:
        shuffled = list(tl)
        rnd.shuffle(shuffled)
        assert [e.id for e in Timeline(shuffled)] == [e.id for e in tl]

    @SETTINGS
    @given(timelines())
    def test_order_follows_when_then_id(self, tl: Timeline) -> None:
        keys = [(e.when, e.id) for e in tl]
        for (w1, id1), (w2, id2) in itertools.pairwise(keys):
            assert w1 < w2 or (w1.sort_key == w2.sort_key and id1 < id2)


@st.composite
def histories(draw: st.DrawFn) -> Event:
    """An event with a dated or undated initial statement and claims added in any order."""
    published = draw(st.one_of(st.none(), DAYS))
    sources = [] if published is None else [Source("article", published=published)]
    e = Event(id="x", title="x", when=draw(plain()), sources=sources)
    for _ in range(draw(st.integers(0, 5))):
        e = e.revise(
            stated=draw(DAYS),
            when=draw(st.one_of(st.none(), plain())),
            status=draw(st.one_of(st.none(), st.sampled_from(["confirmed", "happened"]))),
        )
    return e


class TestAsOf:
    @SETTINGS
    @given(histories(), DAYS)
    def test_never_shows_a_claim_stated_after_the_day(self, e: Event, day: dt.date) -> None:
        known = e.as_of(day)
        stated = e.stated
        if stated is not None and stated.earliest is not None and stated.earliest > day:
            assert known is None
            return
        assert known is not None
        assert all(c.day <= day for c in known.claims)
        # and every claim stated by then is there, in the same order
        assert known.claims == tuple(c for c in e.claims if c.day <= day)
        assert Timeline([e]).as_of(day).events == (known,)

    @SETTINGS
    @given(histories())
    def test_claims_stay_in_stated_order(self, e: Event) -> None:
        days = [c.day for c in e.claims]
        assert days == sorted(days)


class TestSpanIndex:
    @SETTINGS
    @given(
        st.lists(
            st.tuples(st.one_of(st.none(), st.integers(-1000, 1000)), st.integers(0, 600)),
            max_size=60,
        ),
        st.one_of(st.none(), st.integers(-1200, 1200)),
        st.one_of(st.none(), st.integers(-1200, 1200)),
        st.booleans(),
    )
    def test_candidates_are_a_superset_of_the_answer(
        self, raw: list[tuple[int | None, int]], lo: int | None, hi: int | None, open_stop: bool
    ) -> None:
        # spans from (start, length); some open at the start, some (every third) at the stop
        spans: list[tuple[int | None, int | None]] = []
        for i, (start, length) in enumerate(raw):
            stop = None if open_stop and i % 3 == 0 else (start or 0) + length
            spans.append((start, stop))
        exact = {
            i
            for i, (start, stop) in enumerate(spans)
            if (stop is None or lo is None or stop >= lo)
            and (start is None or hi is None or start <= hi)
        }
        found = SpanIndex(spans).candidates(lo, hi)
        assert len(found) == len(set(found))  # each position once
        assert exact <= set(found)
