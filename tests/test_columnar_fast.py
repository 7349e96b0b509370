"""`from_arrow`'s fast path: rows built without the constructor equal constructor-built events."""

from __future__ import annotations

from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")

from data_strategies import timelines  # noqa: E402
from timeline import Event, Timeline  # noqa: E402
from timeline.columnar import from_arrow, to_arrow  # noqa: E402
from timeline.records._schema_read import _Reader  # noqa: E402

_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def flat_timelines(draw: st.DrawFn) -> Timeline:
    """Timelines whose events have no nested values: every row takes the fast path."""
    tl = draw(timelines())
    return Timeline(
        attrs.evolve(e, sources=(), claims=(), target=None, observations=()) for e in tl
    )


def _fields(event: Event) -> list[tuple[str, type, object]]:
    return [
        (f.name, type(getattr(event, f.name)), getattr(event, f.name)) for f in attrs.fields(Event)
    ]


@_SETTINGS
@given(flat_timelines())
def test_fast_rows_equal_constructor_built_events(tl: Timeline) -> None:
    table = to_arrow(tl)
    # The slow reader (the constructor's checks) must not be needed for any row.
    with mock.patch.object(_Reader, "event", side_effect=AssertionError("slow path taken")):
        loaded = from_arrow(table)
    assert loaded == tl
    for fast, built in zip(loaded, tl, strict=True):
        rebuilt = Event(
            title=fast.title,
            when=str(fast.when),
            id=fast.id,
            end=None if fast.end is None else str(fast.end),
            status=fast.status,
            kind=fast.kind,
            actors=list(fast.actors),
            tags=list(fast.tags),
            location=fast.location,
            description=fast.description,
            related=list(fast.related),
        )
        assert _fields(fast) == _fields(built) == _fields(rebuilt)


@_SETTINGS
@given(flat_timelines(), st.data())
def test_a_row_needing_checks_leaves_the_others_fast_and_equal(
    tl: Timeline, data: st.DataObject
) -> None:
    # One padded title makes the title column unclean: rows are then checked one by one.
    if not len(tl):
        return
    table = to_arrow(tl)
    titles = table.column("title").to_pylist()
    row = data.draw(st.integers(0, len(titles) - 1))
    titles[row] = f" {titles[row]} "
    column = table.schema.get_field_index("title")

    padded = table.set_column(column, table.schema.field(column), pa.array(titles, pa.string()))
    # The padded title is trimmed by the reader (as a data file's would be): same timeline.
    assert from_arrow(padded) == tl


@pytest.mark.parametrize(
    "actors",
    [
        [["a", "b"], ["a", "b"], [], ["b"]],  # repeated lists share one tuple
        [["a\x00b"], ["a", "b"], [], ["a"]],  # a NUL inside a name: decoded row by row
        [[], [], [], []],
    ],
)
def test_name_lists_of_a_chunked_table(actors: list[list[str]]) -> None:
    built = Timeline(
        Event(title=f"e{i}", when="2026-04", actors=names) for i, names in enumerate(actors)
    )
    table = to_arrow(built)
    chunked = pa.concat_tables([table.slice(0, 2), table.slice(2)])
    assert chunked.column("actors").num_chunks == 2
    loaded = from_arrow(chunked)
    assert loaded == built
    assert [e.actors for e in loaded] == [tuple(names) for names in actors]
