"""The table adapters read a cell as the other readers do: round trips and hand-made frames."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_strategies import claim_histories, hostile_timelines, timelines
from timeline import Event, Timeline

_SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(timelines())
def test_pandas_round_trip(tl: Timeline) -> None:
    assert Timeline.from_pandas(tl.to_pandas()) == tl


@_SETTINGS
@given(hostile_timelines())
def test_pandas_round_trip_hostile(tl: Timeline) -> None:
    assert Timeline.from_pandas(tl.to_pandas()) == tl


@pytest.mark.parametrize(
    "event",
    [
        # first announced undated, then dated: the frame kept first_expected ('May 2026')
        Event(title="x", when="TBD").revise(when="2026-05", stated="2026-04-20"),
        # undated, dated, then undated again
        Event(title="x", when="TBD")
        .revise(when="2026-05", stated="2026-04-20")
        .revise(when="TBD", stated="2026-04-25"),
        # undated, dated only as it happened (first_expected stays undated)
        Event(title="x", when="TBD").revise(
            when="2026-05-02", status="happened", stated="2026-05-03"
        ),
        # undated and cancelled, revived for a date
        Event(title="x", when="TBD", status="cancelled").revise(
            when="2026-06", status="expected", stated="2026-05-01"
        ),
    ],
)
def test_pandas_round_trip_first_announced_undated(event: Event) -> None:
    tl = Timeline([event])
    assert Timeline.from_pandas(tl.to_pandas()) == tl


@_SETTINGS
@given(st.lists(claim_histories(), max_size=3))
def test_pandas_round_trip_claim_histories(evs: list[Event]) -> None:
    tl = Timeline({e.id: e for e in evs}.values())
    assert Timeline.from_pandas(tl.to_pandas()) == tl


@_SETTINGS
@given(timelines())
def test_records_round_trip(tl: Timeline) -> None:
    back = Timeline.from_records(tl.to_records(), name=tl.name, description=tl.description)
    assert back == Timeline(tl.events, name=tl.name, description=tl.description)


@_SETTINGS
@given(hostile_timelines())
def test_records_round_trip_hostile(tl: Timeline) -> None:
    back = Timeline.from_records(tl.to_records(), name=tl.name, description=tl.description)
    assert back == Timeline(tl.events, name=tl.name, description=tl.description)


@_SETTINGS
@given(timelines())
def test_arrow_through_duckdb(tl: Timeline) -> None:
    duckdb = pytest.importorskip("duckdb")
    table = tl.to_arrow()
    result = duckdb.connect().from_arrow(table).to_arrow_table()
    back = Timeline.from_arrow(result, name=tl.name, description=tl.description)
    assert back == Timeline(tl.events, name=tl.name, description=tl.description)


# -- a frame a user builds by hand ---------------------------------------------------------


def test_hand_built_frame() -> None:
    frame = pd.DataFrame(
        {
            "title": pd.Categorical(["launch", "forum", "plan", "trial"]),
            "when": [2026, "2026-04", "by 2030", "Q3 2027"],
            "end": pd.to_datetime([None, "2026-04-30", None, None]),
            "kind": pd.Categorical(["release", None, None, "trial"]),
            "actors": [["Tencent", "Meta"], None, [], ["DeepSeek"]],
            "location": ["Beijing", None, float("nan"), pd.NA],
            "description": pd.array([None, "x", None, None], dtype="string"),
            "status": pd.Categorical(["happened", "expected", None, "confirmed"]),
        }
    )
    tl = Timeline.from_pandas(frame)
    launch, forum, plan, trial = (tl[i] for i in ("launch", "forum", "plan", "trial"))
    assert (str(launch.when), launch.kind, launch.actors) == (
        "2026",
        "release",
        ("Tencent", "Meta"),
    )
    assert (launch.location, launch.description, launch.status.value) == (
        "Beijing",
        None,
        "happened",
    )
    assert (str(forum.when), str(forum.end), forum.kind, forum.actors) == (
        "April 2026",
        "30 April 2026",
        None,
        (),
    )
    assert (forum.description, plan.location, trial.location, plan.status.value) == (
        "x",
        None,
        None,
        "expected",
    )
    assert trial.actors == ("DeepSeek",) and trial.status.value == "confirmed"


def test_hand_built_datetime_columns() -> None:
    naive = pd.to_datetime(["2026-04-15", None, "2026-05-01"])
    frame = pd.DataFrame({"title": ["a", "b", "c"], "when": ["2026", "2027", "2026"], "end": naive})
    tl = Timeline.from_pandas(frame)
    assert [None if tl[i].end is None else str(tl[i].end) for i in "abc"] == [
        "15 April 2026",
        None,
        "1 May 2026",
    ]
    zoned = pd.to_datetime(["2026-04-15 09:30", None]).tz_localize("Europe/Berlin")
    tl = Timeline.from_pandas(
        pd.DataFrame({"title": ["a", "b"], "when": ["2026", "2027"], "end": zoned})
    )
    assert str(tl["a"].end) == "2026-04-15T09:30+02:00" and tl["b"].end is None


# -- each cell as the other readers take it: Event(...), from_records, the CSV reader ---------


@pytest.mark.parametrize(
    ("column", "cell", "message"),
    [
        # text fields take text: a bool, a number, a list is not turned into 'True', '1.5'
        ("kind", True, r"row 0 \('a'\): kind: True is not text"),
        ("kind", 3, r"row 0 \('a'\): kind: 3 is not text"),
        ("location", ["Beijing"], r"row 0 \('a'\): location: \['Beijing'\] is not text"),
        ("description", 1.5, r"row 0 \('a'\): description: 1.5 is not text"),
        ("status", True, r"row 0 \('a'\): status: True is not text"),
        ("id", 5, r"row 0 \('5'\): id: 5 is not text"),
        ("title", 1.5, r"row 0 \('1.5'\): title: 1.5 is not text"),
        # a list cell holds names: not numbers, not gaps
        ("actors", ["Tencent", 3], r"row 0 \('a'\): actors: 3 is not text"),
        ("actors", ["Tencent", None], r"row 0 \('a'\): actors: None is not text"),
        ("tags", [float("nan")], r"row 0 \('a'\): tags: nan is not text"),
        ("actors", {"Tencent": 1}, r"row 0 \('a'\): actors: .* is not a list of text"),
        # one text holding several names, as Event(actors="x; y") refuses it
        ("actors", "Tencent; Meta", r"row 0 \('a'\): .*actors: 'Tencent; Meta' holds several"),
    ],
)
def test_bad_cells(column: str, cell: object, message: str) -> None:
    from timeline import FrameError

    frame = pd.DataFrame({"title": ["a"], "when": ["2026"]})
    frame[column] = pd.Series([cell], dtype=object)
    with pytest.raises(FrameError, match=message):
        Timeline.from_pandas(frame)


@pytest.mark.parametrize(
    ("column", "cells", "attribute", "expected"),
    [
        ("kind", [None, float("nan"), pd.NA, pd.NaT], "kind", [None] * 4),
        ("actors", [None, float("nan"), pd.NA, []], "actors", [()] * 4),
        (
            "actors",
            ["Tencent", ["Tencent"], ("Tencent",), ["Tencent; Meta"]],
            "actors",
            [("Tencent",)] * 3 + [("Tencent; Meta",)],
        ),
        (
            "location",
            ["Beijing", None, float("nan"), pd.NA],
            "location",
            ["Beijing", None, None, None],
        ),
    ],
)
def test_good_cells(
    column: str, cells: list[object], attribute: str, expected: list[object]
) -> None:
    frame = pd.DataFrame(
        {"title": [f"e{i}" for i in range(len(cells))], "when": ["2026"] * len(cells)}
    )
    frame[column] = pd.Series(cells, dtype=object)
    tl = Timeline.from_pandas(frame)
    assert [getattr(tl[f"e{i}"], attribute) for i in range(len(cells))] == expected


def test_frame_without_initial_when_reads_first_expected() -> None:
    # A frame written before `initial_when` existed: first_expected is the first statement.
    event = Event(title="x", when="2026-04").revise(when="2026-05", stated="2026-04-20")
    frame = Timeline([event]).to_pandas().drop(columns=["initial_when"])
    assert Timeline.from_pandas(frame)["x"] == event


# -- a frame of the columnar form: nested values as records (dicts) ---------------------------


@_SETTINGS
@given(st.one_of(timelines(), hostile_timelines()), st.booleans())
def test_a_frame_of_the_arrow_table_reads_back(tl: Timeline, arrow_types: bool) -> None:
    # As pd.read_parquet("events.parquet") gives it: sources, claims ... as dicts, the
    # initial statement in initial_when / initial_status.
    pytest.importorskip("pyarrow")
    table = tl.to_arrow()
    frame = table.to_pandas(types_mapper=pd.ArrowDtype) if arrow_types else table.to_pandas()
    assert Timeline.from_pandas(frame).events == tl.events


@pytest.mark.parametrize(
    ("column", "cell", "message"),
    [
        (
            "claims",
            [{"stated": "2026-04-20", "when": "Aprill"}],
            r"row 0 \('a'\): claims\[0\]\.when: 'Aprill' is not a date",
        ),
        ("claims", [{"when": "2026-05"}], r"row 0 \('a'\): claims\[0\]: missing 'stated'"),
        ("sources", [{"title": "s", "lang": "en"}], r"sources\[0\]\.lang: unknown field"),
        ("sources", [3], r"row 0 \('a'\): sources\[0\]: 3 is not a Source or its record"),
        ("target", {"metric": "ARR", "goal": "lots"}, r"row 0 \('a'\): target"),
        ("observations", "2026: 5", r"observations: '2026: 5' is not a list of Observation"),
    ],
)
def test_bad_record_cells(column: str, cell: object, message: str) -> None:
    from timeline import FrameError

    frame = pd.DataFrame({"title": ["a"], "when": ["2026"]})
    frame[column] = pd.Series([cell], dtype=object)
    with pytest.raises(FrameError, match=message):
        Timeline.from_pandas(frame)


@pytest.mark.parametrize(
    ("when", "earliest"),
    [
        # instants whose UTC time is before year 1 or after 9999: Python has no datetime for
        # them, and to_pandas raised OverflowError
        ("0001-01-01T00:00+14:00", "0000-12-31T10:00"),
        ("9999-12-31T23:00-12:00", "10000-01-01T11:00"),
        ("0001-01-01T14:00+14:00", "0001-01-01T00:00"),
    ],
)
def test_instants_past_the_calendar_in_utc(when: str, earliest: str) -> None:
    import numpy as np

    tl = Timeline([Event(title="x", when=when)])
    frame = tl.to_pandas()
    assert frame["earliest"].dtype == "datetime64[us]"
    assert frame["earliest"].to_numpy()[0] == np.datetime64(earliest, "us")
    # the same instant DuckDB and pyarrow hold in the columnar form, where Python can hold
    # it; past years 1..9999 in UTC the Arrow column is null (its to_pylist, and Spark's
    # collect, raised OverflowError), the `when` text keeping it (frames14)
    held = tl.to_arrow().column("earliest_at").cast("int64")[0].as_py()
    in_calendar = earliest.startswith("0001")
    assert held == (frame["earliest"].to_numpy()[0].astype("int64") if in_calendar else None)
    assert Timeline.from_pandas(frame) == tl
