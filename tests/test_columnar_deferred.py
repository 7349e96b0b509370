"""A table loaded whole makes its events when they are used, and answers as events do.

`from_arrow` (and so `Timeline.load` of Parquet) checks every row when it loads but
defers making events (`timeline.columnar._deferred`). These tests hold it to the
timeline it came from: the same events, the same window answers, the same errors.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")

from data_strategies import hostile_whens, plain_whens, timelines, whens  # noqa: E402
from timeline import DataFileError, Event, QueryError, Timeline, When  # noqa: E402
from timeline.columnar import from_arrow, to_arrow  # noqa: E402

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_dates = st.one_of(plain_whens(), whens(), hostile_whens())


def _flat(tl: Timeline) -> Timeline:
    """The timeline without nested values (sources, claims, figures): rows that defer."""
    return Timeline(
        (attrs.evolve(e, sources=(), claims=(), target=None, observations=()) for e in tl),
        name=tl.name,
        description=tl.description,
        fiscal_years=tl.fiscal_years,
    )


@st.composite
def flat_timelines(draw: st.DrawFn) -> Timeline:
    return _flat(draw(timelines(dates=_dates, max_events=8)))


def _deferred(tl: Timeline) -> bool:
    return "_events" not in tl.__dict__


def _answer(tl: Timeline, query: str, args: tuple[When, ...]) -> object:
    """A query's events' ids, or the error it raised (type and message)."""
    try:
        return [e.id for e in getattr(tl, query)(*args)]
    except QueryError as err:
        return (type(err), str(err))


def _windows() -> st.SearchStrategy[tuple[When, When | None]]:
    return st.tuples(_dates, st.none() | _dates)


@_SETTINGS
@given(flat_timelines(), _windows())
def test_window_queries_on_a_deferred_load_equal_the_timelines(
    tl: Timeline, window: tuple[When, When | None]
) -> None:
    """Each window query, asked first of a fresh load (events made near the window only),
    gives what the timeline gives: the same events, or the same error."""
    table = to_arrow(tl)
    start, end = window
    for query in ("overlapping", "included", "on"):
        loaded = from_arrow(table)
        assert _deferred(loaded)
        args = (start,) if query == "on" or end is None else (start, end)
        got, want = _answer(loaded, query, args), _answer(tl, query, args)
        assert got == want, (query, [str(w) for w in window if w is not None])
        assert _deferred(loaded)  # a window query made only the events near it
    loaded = from_arrow(table)
    assert len(loaded) == len(tl) and _deferred(loaded)
    assert loaded == tl and not _deferred(loaded)


@_SETTINGS
@given(flat_timelines())
def test_a_deferred_load_is_the_timeline(tl: Timeline) -> None:
    loaded = from_arrow(to_arrow(tl))
    assert _deferred(loaded)
    assert list(loaded) == list(tl)
    assert loaded == tl and (loaded.name, loaded.description) == (tl.name, tl.description)
    assert [e.id for e in loaded[1:]] == [e.id for e in tl[1:]]


def test_a_window_query_makes_only_the_events_near_it() -> None:
    events = [
        Event(title=f"launch {year}-{month}", when=f"{year}-{month:02d}", actors=["X"])
        for year in range(2000, 2030)
        for month in range(1, 13)
    ]
    tl = Timeline(events)
    loaded = from_arrow(to_arrow(tl))
    made: list[int] = []
    rows = loaded._deferred
    assert rows is not None
    events_of = rows.events

    def counted(chosen: object = None) -> list[Event]:
        result = events_of(chosen)  # type: ignore[arg-type]
        made.append(len(result))
        return result

    rows.events = counted  # type: ignore[method-assign]
    april = loaded.overlapping("2026-04")
    assert [e.id for e in april] == ["launch-2026-4"]
    assert sum(made) <= 3  # April and its neighbours within the keys' slack, not 360
    assert _deferred(loaded)


def test_instants_that_tie_in_utc_load_in_the_timelines_order() -> None:
    """Two instants at one UTC moment written in different offsets tie on their order
    head: their full keys decide, then the ids, as the timeline orders them."""
    tl = Timeline(
        [
            Event(title="b", when="2026-04-20T10:00+08:00"),
            Event(title="a", when="2026-04-20T02:00Z"),
            Event(title="c", when="2026-04-20T04:00+02:00"),
            Event(title="d", when="2026-04-20T02:00Z"),
        ]
    )
    loaded = from_arrow(to_arrow(tl))
    assert _deferred(loaded)
    assert [e.id for e in loaded] == [e.id for e in tl]


def test_a_table_out_of_order_or_with_a_bad_row_is_read_row_by_row() -> None:
    """What cannot be checked whole is read as before: sorted, or every problem reported."""
    table = pa.table({"id": ["b", "a"], "title": ["B", "A"], "when": ["2027", "2026"]})
    loaded = from_arrow(table)
    assert [e.id for e in loaded] == ["a", "b"]
    bad = pa.table(
        {"id": ["a", "b", "c"], "title": ["A", "B", "C"], "when": ["2026", "2026-02-30", "2027"]}
    )
    with pytest.raises(DataFileError, match=r"rows\[1\]\.when"):
        from_arrow(bad)
    backwards = pa.table(
        {"id": ["a"], "title": ["A"], "when": ["2026-05-02"], "end": ["1 May 2026"]}
    )
    with pytest.raises(DataFileError, match="end"):
        from_arrow(backwards)
    twice = pa.table({"id": ["a", "a"], "title": ["A", "B"], "when": ["2026", "2027"]})
    with pytest.raises(DataFileError, match="already the id of row 0"):
        from_arrow(twice)


@pytest.mark.parametrize(
    ("columns", "says"),
    [
        ({"id": ["a"], "title": ["A"]}, "no 'when' column"),
        ({"id": ["a"], "when": ["2026"]}, "no 'title' column"),
        ({"id": ["a"], "title": ["A"], "when": [None]}, r"rows\[0\]"),
        ({"id": ["a"], "title": ["A"], "when": ["2026"], "status": ["done"]}, "status"),
        ({"id": ["a"], "title": ["A"], "when": ["2026"], "end": ["someday"]}, "end"),
    ],
)
def test_a_table_missing_what_an_event_needs_is_reported(
    columns: dict[str, list[str | None]], says: str
) -> None:
    with pytest.raises(DataFileError, match=says):
        from_arrow(pa.table(columns))


def test_a_parquet_load_is_deferred(tmp_path: object) -> None:
    pytest.importorskip("pyarrow.parquet")
    tl = Timeline(
        [
            Event(title="V4", when="2026-04", end="2026-05-10"),
            Event(title="Hybrid 3.0", when="c. April 2026"),
            Event(title="Plan", when="2030", status="confirmed"),
        ]
    )
    path = tmp_path / "events.parquet"  # type: ignore[operator]
    tl.save(path)
    loaded = Timeline.load(path)
    assert _deferred(loaded) and len(loaded) == 3
    assert [e.id for e in loaded.on("2026-05-03")] == [e.id for e in tl.on("2026-05-03")]
    assert loaded == tl
