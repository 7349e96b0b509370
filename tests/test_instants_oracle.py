"""An independent oracle for instants against calendar values, in UTC.

A floating day is every reading of it on Earth: from its 00:00 at UTC+14 to its
24:00 at UTC-12 (DESIGN §2). So a calendar value whose readings are runs of days
(a set's members, the runs of unspecified digits; padded by a unit either side for
``~`` and ``?``, two for ``%``) could hold an instant exactly when the instant lies
in one of those windows in UTC, is surely before it when the instant precedes every
window, and contains it (at its narrowest, plain) when the instant's own local date
is in its one plain run. `Event.overdue` and `Event.upcoming` of an open event at an
instant follow from the same windows. The model here is built from the text's
meaning with `datetime` alone, not from the library.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import Event, When

UTC = dt.UTC
Run = tuple[dt.date, dt.date]


def _opens(day: dt.date) -> dt.datetime:
    """The moment ``day`` begins somewhere: 00:00 at UTC+14."""
    return dt.datetime.combine(day, dt.time(), dt.timezone(dt.timedelta(hours=14)))


def _closes(day: dt.date) -> dt.datetime:
    """The moment ``day`` has ended everywhere: 24:00 at UTC-12 (exclusive)."""
    after = day + dt.timedelta(days=1)
    return dt.datetime.combine(after, dt.time(), dt.timezone(dt.timedelta(hours=-12)))


def _month(year: int, month: int, shift: int = 0) -> Run:
    k = year * 12 + month - 1 + shift
    first = dt.date(k // 12, k % 12 + 1, 1)
    k += 1
    return first, dt.date(k // 12, k % 12 + 1, 1) - dt.timedelta(days=1)


_PAD = {"": 0, "~": 1, "?": 1, "%": 2}


@st.composite
def calendar_values(draw: st.DrawFn) -> tuple[str, list[Run], list[Run]]:
    """A calendar value near 20 April 2026 as text, its plain runs and its padded runs."""
    mark = draw(st.sampled_from(sorted(_PAD)))
    pad = _PAD[mark]
    kind = draw(st.sampled_from(["day", "month", "leap", "set", "mask"]))
    day = dt.date(2026, 4, draw(st.integers(18, 22)))
    one = dt.timedelta(days=1)
    if kind == "day":
        return f"{day}{mark}", [(day, day)], [(day - pad * one, day + pad * one)]
    if kind == "leap":
        leap = dt.date(2024, 2, 29)
        return f"{leap}{mark}", [(leap, leap)], [(leap - pad * one, leap + pad * one)]
    if kind == "month":
        plain = _month(2026, 4)
        return f"2026-04{mark}", [plain], [(_month(2026, 4, -pad)[0], _month(2026, 4, pad)[1])]
    if kind == "set":  # two days apart: a day between them is neither
        a, b = day - 2 * one, day + 2 * one
        return f"[{a},{b}]", [(a, a), (b, b)], [(a, a), (b, b)]
    # the same day of the months January to September 2026
    runs = [(dt.date(2026, m, day.day), dt.date(2026, m, day.day)) for m in range(1, 10)]
    return f"2026-0X-{day.day}", runs, runs


@st.composite
def instants_near(draw: st.DrawFn) -> dt.datetime:
    """An instant within two days of 20 April 2026, at an offset from UTC-12 to UTC+14,
    often exactly on a day's first or last moment somewhere."""
    offset = dt.timezone(dt.timedelta(minutes=15 * draw(st.integers(-48, 56))))
    edge = draw(st.sampled_from(["any", "opens", "closes"]))
    day = dt.date(2026, 4, draw(st.integers(17, 23)))
    if edge == "any":
        moment = dt.datetime(2026, 4, 17, tzinfo=UTC) + dt.timedelta(
            minutes=draw(st.integers(0, 7 * 24 * 60))
        )
    else:
        moment = _opens(day) if edge == "opens" else _closes(day)
        moment += dt.timedelta(seconds=draw(st.sampled_from([-1, 0, 1])))
    return moment.astimezone(offset)


@settings(max_examples=examples(300), deadline=None)
@given(calendar_values(), instants_near())
def test_instants_against_calendar_values_are_the_utc_windows(
    value: tuple[str, list[Run], list[Run]], moment: dt.datetime
) -> None:
    text, plain, wide = value
    v, i = When.parse(text), When.instant(moment)
    could = any(_opens(a) <= moment < _closes(b) for a, b in wide)
    assert v.overlaps(i) is could and i.overlaps(v) is could, (text, moment)
    assert i.definitely_before(v) is all(moment < _opens(a) for a, _ in wide), (text, moment)
    assert v.definitely_before(i) is all(moment >= _closes(b) for _, b in wide), (text, moment)
    holds = len(plain) == 1 and plain[0][0] <= moment.date() <= plain[0][1]
    assert v.contains(i) is holds, (text, moment)


@settings(max_examples=examples(300), deadline=None)
@given(instants_near(), st.integers(17, 25), st.integers(0, 3))
def test_an_instant_is_overdue_and_upcoming_by_the_utc_windows(
    moment: dt.datetime, day: int, within: int
) -> None:
    event = Event(title="x", when=When.instant(moment))
    as_of = dt.date(2026, 4, day)
    stop = as_of + dt.timedelta(days=within)
    # overdue: over before as_of began anywhere; upcoming: could fall on as_of..stop
    assert event.overdue(as_of) is (moment < _opens(as_of)), (moment, as_of)
    due = _opens(as_of) <= moment < _closes(stop)
    assert event.upcoming(as_of, within=within) is due, (moment, as_of, within)
