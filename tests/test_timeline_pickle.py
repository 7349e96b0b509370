"""A timeline pickles (multiprocessing, joblib, a Spark broadcast) and comes back equal."""

from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import HealthCheck, given, settings

from data_strategies import timelines
from timeline import Event, Timeline

_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(timelines())
def test_a_timeline_pickles(tl: Timeline) -> None:
    back = pickle.loads(pickle.dumps(tl))
    assert back == tl
    assert (back.name, back.description, dict(back.fiscal_years)) == (
        tl.name,
        tl.description,
        dict(tl.fiscal_years),
    )
    assert copy.deepcopy(tl) == tl and copy.copy(tl) == tl


def test_a_loaded_table_pickles_before_its_events_are_made() -> None:
    pytest.importorskip("pyarrow")
    from timeline.columnar import from_arrow, to_arrow

    tl = Timeline(
        [Event(title="a", when="2026-04"), Event(title="b", when="c. 2027", end="2028")],
        fiscal_years={"Microsoft": 7},
    )
    loaded = from_arrow(to_arrow(tl))
    back = pickle.loads(pickle.dumps(loaded))
    assert "_events" not in back.__dict__  # still made when used
    assert list(back.overlapping("2026-04")) == list(tl.overlapping("2026-04"))
    assert back == tl and back.fiscal_years == {"Microsoft": 7}
