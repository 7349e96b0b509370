"""`Timeline.diff` against a brute-force diff of the records each timeline writes.

The oracle never looks at events: it writes both timelines with `Timeline.to_records` (the
dict schema every file format shares: dates as text, so an instant at another offset or a
figure in another unit is another record) and compares them by id. An id on one side only is
added or removed, unless its record, id aside, is the one record of that content among the
ids gone and among the ids new (a rename); an id on both sides whose records differ is
changed. Snapshots mix restated, respelled and moved dates, claims at instants, case-only
differences of names, and ids that come and go.
"""

from __future__ import annotations

import json
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import Event, Timeline

WHENS = (
    "2026-04", "April 2026", "2026-04-01T10:00+02:00", "2026-04-01T08:00Z", "Q2 2026",
    "2026-Q2", "by 2030", "TBD", "c. 2026", "2026-04-15", "2026-04-15T23:00-12:00",
)  # fmt: skip
SAID = ("2026-01-01", "2026-02-01", "2026-02-01T10:00+05:00", "2026-02-01T05:00Z")


def _event(
    i: int, when: str, status: str, actor: str | None, claims: list[tuple[str, str]],
    kind: str | None, title: str,
) -> Event:  # fmt: skip
    e = Event(
        title=title, id=f"e{i}", when=when, status=status, kind=kind,
        actors=[actor] if actor else [],
    )  # fmt: skip
    for said, w in claims:
        e = e.revise(stated=said, when=w)
    return e


EVENTS = st.builds(
    _event,
    st.integers(0, 5),
    st.sampled_from(WHENS),
    st.sampled_from(["expected", "confirmed", "happened", "cancelled"]),
    st.sampled_from([None, "Acme", "acme", "Calder"]),
    st.lists(st.tuples(st.sampled_from(SAID), st.sampled_from(WHENS)), max_size=2),
    st.sampled_from([None, "forum", "Forum"]),
    st.sampled_from(["x", "y"]),
)


def _timeline(events: list[Event]) -> Timeline:
    unique: dict[str, Event] = {}
    for e in events:
        unique.setdefault(e.id, e)
    return Timeline(unique.values())


TIMELINES = st.lists(EVENTS, max_size=6).map(_timeline)


def _records(tl: Timeline) -> dict[str, str]:
    """Each id's record as written, id aside."""
    return {
        r["id"]: json.dumps({k: v for k, v in r.items() if k != "id"}, sort_keys=True)
        for r in tl.to_records()
    }


@settings(
    max_examples=examples(200, 5000), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(TIMELINES, TIMELINES)
def test_diff_is_the_diff_of_the_records(a: Timeline, b: Timeline) -> None:
    d = a.diff(b)
    was, now = _records(a), _records(b)
    gone, new = set(was) - set(now), set(now) - set(was)
    once_gone, once_new = Counter(was[i] for i in gone), Counter(now[i] for i in new)
    renamed = {
        (i, j)
        for i in gone
        for j in new
        if was[i] == now[j] and once_gone[was[i]] == 1 and once_new[now[j]] == 1
    }
    assert {(c.before.id, c.after.id) for c in d.renamed} == renamed
    assert {e.id for e in d.added} == new - {j for _, j in renamed}
    assert {e.id for e in d.removed} == gone - {i for i, _ in renamed}
    changed = {i for i in set(was) & set(now) if was[i] != now[i]}
    assert {c.id for c in d.changed} == changed
    assert bool(d) == bool(renamed or new or gone or changed)
    # and no change is empty: each lists the fields that differ
    assert all(c.fields for c in d.changed)
