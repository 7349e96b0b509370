"""Properties of feeds from hostile timelines, checked by `icalendar` and by bytes.

Every date the model takes (years 1 and 9999, odd offsets, sets, unspecified digits, fiscal
periods, open ends, undated) and every kind of text: the feed parses, each event is in it once
or named in the warning, its days lie where the event can happen, and the bytes do not change
from one export to the next.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from data_strategies import hostile_timelines, hostile_whens
from fuzzing import examples
from ics_check import vevents
from strategies import edtf_free, masked_whens
from timeline import (
    Event,
    Observation,
    Source,
    Status,
    Target,
    Timeline,
    TimelineError,
    TimelineWarning,
    When,
)
from timeline.dates._bounds import _cmp
from timeline.ics._placement import LAST_DAY_TIMES

POLICIES = st.sampled_from(["auto", "window", "start", "end"])
_SETTINGS = settings(
    max_examples=examples(10, 1_000),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _export(tl: Timeline, policy: str) -> tuple[str, str]:
    """The feed and the text of the warning that names events left out ("" when none)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = tl.to_ics(include_cancelled=True, policy=policy)  # type: ignore[arg-type]
    named = [str(w.message) for w in caught if issubclass(w.category, TimelineWarning)]
    assert len(named) == len(caught), [str(w.message) for w in caught]
    return text, "".join(named)


def _day(p: object) -> dt.date:
    assert isinstance(p, dt.date)
    return dt.date(p.year, p.month, p.day)


def _year_unknown(when: When) -> bool:
    """ "XXXX-04", "X999": a year no calendar day can stand for (the EDTF text says it)."""
    return bool(re.match(r"-?X", when.to_edtf()))


@_SETTINGS
@given(tl=hostile_timelines(max_events=3), policy=POLICIES)
def test_every_event_is_there_once_where_it_can_happen(tl: Timeline, policy: str) -> None:
    text, warning = _export(tl, policy)
    parsed = vevents(text)  # CRLF, folding, UTF-8, structure: ics_check, by icalendar
    shown = [str(c["X-TIMELINE-ID"]) for c in parsed]
    # in timeline order, once each, with unique stable UIDs
    assert shown == [e.id for e in tl if e.id in shown]
    uids = [str(c["UID"]) for c in parsed]
    assert len(set(uids)) == len(uids)
    assert all(uid.startswith(f"{i}@") for uid, i in zip(uids, shown, strict=True))
    for event in tl:
        if event.id in shown or event.when.is_undated:
            continue
        assert f"{event.id!r}" in warning, (event.id, event.when, warning)
    by_id = {e.id: e for e in tl}
    for component in parsed:
        event = by_id[str(component["X-TIMELINE-ID"])]
        assert not _year_unknown(event.when), event.when
        stamp = component.decoded("DTSTAMP")
        assert isinstance(stamp, dt.datetime) and stamp.utcoffset() == dt.timedelta(0)
        expected = {Status.CANCELLED: "CANCELLED", Status.EXPECTED: "TENTATIVE"}
        assert str(component["STATUS"]) == expected.get(event.status, "CONFIRMED")
        start = component.decoded("DTSTART")
        if isinstance(start, dt.datetime):
            continue  # timed: checked against the instant by test_ics_properties
        lo, hi = event.window
        # every all-day event has its exclusive DTEND (9999-12-31, whose day after is past
        # the calendar, is written as times: readers that compute the end fail without one)
        assert "DTEND" in component, start
        first = start
        last = component.decoded("DTEND") - dt.timedelta(days=1)
        assert first <= last
        # all-day days fall inside the stated span, when it has a first or a last day
        if lo is not None and hi is not None and _day(hi) >= _day(lo):
            assert _day(lo) <= first and last <= _day(hi), (event.when, event.end, first, last)


@_SETTINGS
@given(tl=hostile_timelines(max_events=3), policy=POLICIES)
def test_exporting_twice_gives_the_same_bytes(tl: Timeline, policy: str) -> None:
    first, _ = _export(tl, policy)
    again, _ = _export(Timeline(list(reversed(list(tl))), **_options(tl)), policy)
    assert again == first  # DTSTAMP too: it comes from the event's last change, not the clock


def _options(tl: Timeline) -> dict[str, object]:
    return {"name": tl.name, "description": tl.description, "fiscal_years": tl.fiscal_years}


_DATES = st.sampled_from(["2031-05", "2032", "2031-05-17", "by 2033", "2031-Q3"])


@_SETTINGS
@given(tl=hostile_timelines(max_events=3), new=_DATES, data=st.data())
def test_a_new_date_or_status_raises_sequence(tl: Timeline, new: str, data: st.DataObject) -> None:
    text, _ = _export(tl, "auto")
    before = {str(c["UID"]): c for c in vevents(text)}
    assume(before)
    event = data.draw(st.sampled_from([e for e in tl if f"{e.id}@timeline.invalid" in before]))
    # said after the event's last change (its DTSTAMP: claims, sources) and its claims
    last = _day(before[f"{event.id}@timeline.invalid"].decoded("DTSTAMP"))
    last = max([last, *(c.day for c in event.claims)])
    assume(last < dt.date(9999, 1, 1))
    stated = last + dt.timedelta(days=1)
    status = data.draw(st.sampled_from([None, *Status]))
    changed = event.revise(stated=stated, when=new, status=status)
    assume(changed.when != event.when or changed.status != event.status)
    others = [e for e in tl if e.id != event.id]
    after_text, _ = _export(Timeline([*others, changed], **_options(tl)), "auto")
    after = {str(c["UID"]): c for c in vevents(after_text)}
    uid = f"{event.id}@timeline.invalid"
    # (an event whose time is now past the calendar's end in UTC is left out with a warning,
    # as documented; nothing to compare)
    assume(uid in after)
    old, new_ = before[uid], after[uid]
    assert int(new_["SEQUENCE"]) > int(old["SEQUENCE"])
    assert new_.decoded("DTSTAMP") >= old.decoded("DTSTAMP")
    # the other events are untouched, byte for byte
    for key, component in before.items():
        if key != uid:
            assert after[key].to_ical() == component.to_ical()


@_SETTINGS
@given(
    when=masked_whens(),
    end=st.none() | masked_whens(),
    later=st.none() | masked_whens(),
    published=st.none() | masked_whens(),
    figures=st.lists(masked_whens(), max_size=3),
    status=st.sampled_from(list(Status)),
    policy=POLICIES,
)
def test_dates_with_unspecified_digits_are_said_in_words(
    when: When,
    end: When | None,
    later: When | None,
    published: When | None,
    figures: list[When],
    status: Status,
    policy: str,
) -> None:
    """No SUMMARY or DESCRIPTION shows EDTF ("2026-XX-15"): subscribers read words."""
    try:
        sources = [Source("s", published=published)] if published is not None else []
    except (TimelineError, ValueError):  # an interval with a set at one end: refused
        assume(False)
        raise
    # a target with a deadline, a baseline and figures, each dated with unspecified digits
    target = None
    if figures:
        baseline = Observation(figures[1], "1 ents") if len(figures) > 1 else None
        try:
            target = Target("ents", "10 ents", figures[0], baseline=baseline)
        except (TimelineError, ValueError):
            target = None
    seen = [Observation(w, f"{k + 2} ents") for k, w in enumerate(figures[1:])]
    try:
        event = Event(
            title="T",
            when=when,
            end=end,
            status=status,
            sources=sources,
            target=target,
            observations=seen,
        )
        if later is not None:
            event = event.revise(stated="9999-12-31", when=later, note="n")
    except (TimelineError, ValueError):
        assume(False)
        raise
    text, _ = _export(Timeline([event]), policy)
    for component in vevents(text):
        for name in ("SUMMARY", "DESCRIPTION"):
            said = str(component[name])
            assert edtf_free(said), (name, said)


def _same_moment(p: object, shown: dt.datetime) -> bool:
    """Whether ``shown`` (DTSTART or DTEND as read) is the instant ``p``, to the second."""
    if not isinstance(p, dt.datetime):
        return False
    if p.tzinfo is None:
        return p.replace(microsecond=0, fold=0) == shown.replace(fold=0)
    try:
        return p.astimezone(dt.UTC).replace(microsecond=0) == shown
    except OverflowError:  # outside years 1..9999 in UTC: left out, never shown
        return False


@_SETTINGS
@example(
    when=When.parse("9999-12-31"), end=None, later=None, policy="auto", status=Status.CONFIRMED
)
@example(when=When.parse("by 9999"), end=None, later=None, policy="start", status=Status.EXPECTED)
@given(
    when=hostile_whens() | masked_whens(),
    end=st.none() | hostile_whens(),
    later=st.none() | hostile_whens(),
    policy=POLICIES,
    status=st.sampled_from(list(Status)),
)
def test_an_event_stands_on_its_own_days_and_says_them_in_words(
    when: When, end: When | None, later: When | None, policy: str, status: Status
) -> None:
    """DTSTART/DTEND show the event's whole span, or one day of it said in the DESCRIPTION
    ("Shown on ..., the last possible day"); the date is said in words."""
    try:
        event = Event(id="e", title="T", when=when, end=end, status=status)
        if later is not None:
            event = event.revise(stated="2026-01-01", when=later)
    except (TimelineError, ValueError):
        assume(False)
        raise
    text, warning = _export(Timeline([event]), policy)
    parsed = vevents(text)
    if not parsed:  # left out: undated, or named in the warning
        assert event.when.is_undated or "'e'" in warning, (event.when, event.end, warning)
        return
    (component,) = parsed
    summary, said = str(component["SUMMARY"]), str(component["DESCRIPTION"])
    assert edtf_free(summary), summary
    assert edtf_free(said.split("\nStatus: ")[0]), said
    lo, hi = event.window
    if lo is not None and hi is not None and _cmp(hi, lo) < 0:
        hi = event.when.latest  # a later claim moved the date past the end: the end goes
    if lo is None and hi is None:
        hi = event.when.latest  # "by X" ending at an unknown time: it stands on the deadline
    shown = re.search(
        r"Shown (?:on|at) .*?, the (first|last) possible (?:day|moment)(?: it can start)?\.", said
    )
    start = component.decoded("DTSTART")
    stop = component.decoded("DTEND") if "DTEND" in component else None
    if (start, stop) == LAST_DAY_TIMES:  # the day 9999-12-31, written as times
        assert "on 31 December 9999: a calendar has no day after it" in said, said
        start, stop = dt.date.max, None
    if isinstance(start, dt.datetime):
        assert _same_moment(lo, start) or _same_moment(hi, start), (lo, hi, start)
        if shown is not None:
            assert _same_moment(lo if shown[1] == "first" else hi, start)
        if stop is not None:
            assert _same_moment(hi, stop) and shown is None, (hi, stop)
        return
    first, last = start, (start if stop is None else stop - dt.timedelta(days=1))
    assert stop is not None or start == dt.date.max  # a day alone: only 9999-12-31
    if lo is not None:
        assert _day(lo) <= first, (event.when, event.end, lo, first)
    if hi is not None:
        assert last <= _day(hi), (event.when, event.end, hi, last)
    if shown is None:  # the whole span
        assert lo is not None and hi is not None, (event.when, event.end)
        assert (first, last) == (_day(lo), _day(hi)), (event.when, event.end, first, last)
    else:  # one day of it, the one named
        assert first == last
        bound = lo if shown[1] == "first" else hi
        assert bound is not None and first == _day(bound), (event.when, shown[0], first)
