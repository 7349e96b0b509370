"""An event judged against a day: overdue, upcoming, and how late it happened.

`Event.overdue`, `Event.upcoming` and `Event.delay`, and the timeline's queries of
the same names event by event, judge an event as known on the day (the claims
stated up to then: `Event.as_of`). The judgements follow `When`'s rule for honest
relations, read over the event's readings (`Event.fuzzy_window`, or each member
of a set date): overdue is *surely* over before the day starts; upcoming *could*
meet the days ahead and sorts inside them. They live apart from
`timeline.model._event` so the event reads as what was said about it, and when.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from timeline.dates._bounds import Point, Span, _cmp, _key, ends_before
from timeline.dates._days import to_day
from timeline.dates._masks import (
    Readings,
    Runs,
    Several,
    every_reading,
    meets_any,
    over_before,
    several,
)
from timeline.dates._relations import _readings
from timeline.figures._growth import _span
from timeline.figures._target import TargetStatus
from timeline.model._claim import replay

if TYPE_CHECKING:
    from timeline.dates._when import When
    from timeline.figures._growth import Observation
    from timeline.figures._target import Target
    from timeline.model._event import Event

__all__ = [
    "days_late",
    "goal_reached",
    "goal_reached_on",
    "overdue_on",
    "target_judged",
    "undated_past",
    "upcoming_in",
]

_DAY_US = 86_400_000_000  # microseconds in a day: `_key` counts in them
_MISSED = TargetStatus.MISSED


def overdue_on(event: Event, day: _dt.date) -> bool:
    """`Event.overdue` for an event already as known on ``day``.

    >>> overdue_on(Event(title="x", when="2026-04"), pendulum.date(2026, 5, 1))
    True
    >>> from timeline import Observation, Target
    >>> missed = Event(title="x", when="2030", target=Target("n", "10 x", "2026"),
    ...                observations=[Observation("2026-12", "8 x")])
    >>> overdue_on(missed, pendulum.date(2027, 1, 1))  # its target missed
    True
    """
    # Surely over before that day starts (the rule of When.definitely_before): every
    # member of a set date, each in its own frame; or a goal whose figures known then
    # show its target missed, whatever its own date says (as `target_status` and the
    # track record read it). Not once its figures show it reached (by the deadline or
    # after): nobody writes "happened" of a goal.
    if not event.status.is_open:
        return False
    if not over_before(event._readings, day) and target_judged(event, day) is not _MISSED:
        return False
    return goal_reached(event, day) is None


def undated_past(event: Event, day: _dt.date) -> bool:
    """Whether ``event`` (as known on ``day``) is open with its date withdrawn ("TBD") and
    the last date promised while it was open had passed by ``day``.

    `Event.overdue` judges the date now expected, and an undated one never is (DESIGN
    §2); the track record judges the promise, which a date withdrawn without another did
    not keep: broken once that date would have been overdue (`overdue_on`), as the event
    stood when it was last dated (its end, a qualified date's fuzzy bounds, a set's
    members).

    >>> e = Event(title="x", when="2026-04").revise(when="TBD", stated="2026-03-20")
    >>> undated_past(e, pendulum.date(2026, 4, 30)), undated_past(e, pendulum.date(2026, 5, 1))
    (False, True)
    """
    if not event.status.is_open or not event.when.is_undated:
        return False
    states = replay(event.initial_when, event.initial_status, event.claims)
    dated = None  # how many claims had been said when it was last dated while open
    if event.initial_status.is_open and not event.initial_when.is_undated:
        dated = 0
    for i, (_, _, when, status) in enumerate(states, 1):
        if status.is_open and not when.is_undated:
            dated = i
    if dated is None:
        return False  # never dated while open: nothing promised yet
    then = event._with_claims(event.claims[:dated], event.observations, event.target)
    return overdue_on(then, day)


def goal_reached(event: Event, day: _dt.date) -> int | None:
    """How late a goal was reached, by the figures known on ``day``; ``None`` if not shown.

    Nobody writes "happened" of a goal, so its figures say when it was: a figure known
    then (`Observation.known_on`; the baseline counts too) that surely reaches it
    (`Target.reached`) shows it reached by the end of that figure's period. Judged as a
    happening is (`Event.delay`: the smallest delay the dates allow): 0 when it could
    have been reached by the deadline's last day (where it could fall, as `Event.overdue`
    reads it), else the days from that day to the day after the latest figure that
    surely fell short before the first figure reaching it.

    >>> from timeline import Observation, Target
    >>> goal = Event(title="x", when="2026", target=Target("n", "10 x", "2026"),
    ...              observations=[Observation("2026", "8 x"), Observation("2027-03", "12 x")])
    >>> [goal_reached(goal, pendulum.date(2027, 3, day)) for day in (30, 31)]
    [None, 1]
    """
    found = _reaching(event, day)
    if found is None:
        return None
    target, known, first = found
    order = functools.cmp_to_key(_cmp)
    short = [end for o, end in known if target.reached(o.value) is False and _cmp(end, first) < 0]
    due = target.deadline.fuzzy_bounds()[1]
    last_short = max(short, key=order, default=None)
    late = 0  # it could have been reached by the deadline
    if last_short is not None and due is not None and _cmp(last_short, due) >= 0:
        # reached after the last shortfall, which was past the deadline: a day at least
        late = max(1, to_day(last_short).toordinal() + 1 - to_day(due).toordinal())
    # Figures that contradict each other (a year reaching it, its December short) are read
    # as `Target.status` reads them: met by the deadline is kept, missed is not.
    status = target.status(day, [o for o, _ in known if o is not target.baseline])
    if status is TargetStatus.MET:
        return 0
    return max(1, late) if status is TargetStatus.MISSED else late


def goal_reached_on(event: Event, day: _dt.date) -> _dt.date | None:
    """The day a goal was reached, by the figures known on ``day``; ``None`` if not shown.

    The last day of the first figure's period that surely reaches it (`goal_reached`
    judges how late that was): where the milestone trend chart ends its line, as it ends
    a happened event's on the day it happened.

    >>> from timeline import Observation, Target
    >>> goal = Event(title="x", when="2026", target=Target("n", "10 x", "2026"),
    ...              observations=[Observation("2026-06", "8 x"), Observation("2026-09", "12 x")])
    >>> goal_reached_on(goal, pendulum.date(2026, 10, 1))
    Date(2026, 9, 30)
    """
    found = _reaching(event, day)
    return None if found is None else to_day(found[2])


def _reaching(
    event: Event, day: _dt.date
) -> tuple[Target, list[tuple[Observation, Point]], Point] | None:
    """The target as known on ``day``, its usable figures known then with their periods'
    ends, and the end of the first that surely reaches it; ``None`` when none does."""
    target = event.target
    if target is None:
        return None
    target = target.as_of(day)  # a baseline known later neither counts nor sets the direction
    evidence = [*([target.baseline] if target.baseline else []), *event.observations]
    known = [
        (o, end)
        for o in evidence
        if o.value.compatible(target.goal)
        and o.known_on(day)
        and (end := _span(o.when)[1]) is not None
    ]
    # Ends compared as `Target.status` compares them: instants in UTC, a day against an
    # instant by its local date.
    reaching = [end for o, end in known if target.reached(o.value)]
    if not reaching:
        return None
    return target, known, min(reaching, key=functools.cmp_to_key(_cmp))


def target_judged(event: Event, day: _dt.date) -> TargetStatus | None:
    """Met or missed, when the event (as known on ``day``) has a target its figures known
    then judge; ``None`` otherwise (no target, pending or unknown).

    Nobody writes "happened" of a goal: its figures say whether it was kept. Figures in
    another unit say nothing of it (`timeline check` names them).

    >>> from timeline import Observation, Target
    >>> goal = Event(title="x", when="by 2030", target=Target("n", "10 x", "2030"),
    ...              observations=[Observation("2029", "12 x")])
    >>> target_judged(goal, pendulum.date(2031, 1, 1)).value
    'met'
    """
    target = event.target
    if target is None:
        return None
    usable = [o for o in event.observations if o.value.compatible(target.goal)]
    status = target.status(day, usable)
    return status if status in (TargetStatus.MET, TargetStatus.MISSED) else None


def upcoming_in(event: Event, start: _dt.date, stop: _dt.date) -> bool:
    """`Event.upcoming` for an event already as known on ``start``, due by ``stop``.

    >>> d = pendulum.date
    >>> upcoming_in(Event(title="x", when="by 2030"), d(2026, 3, 1), d(2026, 5, 30))
    False
    """
    if not event.status.is_open or goal_reached(event, start) is not None:
        return False  # done, or a goal its figures show reached
    if target_judged(event, start) is TargetStatus.MISSED:
        return False  # overdue (`overdue_on`), not still to come
    readings = event._readings
    if several(readings):  # a set date: some member must meet the days ahead
        if not meets_any(readings, ((start, stop),)):
            return False
    elif ends_before(every_reading(readings)[0], (start, start)):
        return False
    lo, hi = event.window  # the sort position: earliest, or latest for a deadline
    position = lo if lo is not None else hi
    # Unbounded both ways ("../..", undated) sorts last, so it is never due soon.
    return position is not None and not ends_before((stop, stop), (position, position))


def days_late(first: When, actual: When, *, until: When | None = None) -> int:
    """`Event.delay` of a happened event: days from ``first``'s window to ``actual``.

    0 when ``actual`` can fall inside ``first``, negative when surely early: the smallest
    delay the dates allow. A promise with several readings (a set, the runs of unspecified
    digits) is kept inside one of them, not between: while a reading is still to start it is
    early by the days to the first of them, as it was not overdue; once every reading has
    passed, late by the days since the last. A promise ``until`` an end (an event that
    lasts) runs to that end. A qualified date could fall where its fuzzy bounds reach, as
    `Event.overdue` reads it: "c. April 2026" done on 15 May is on time, as it was not
    overdue that day. A happening is judged on its day as `Event.overdue` judges that day:
    late by the days the promise had been overdue (a plain day has no zone, so it starts at
    UTC+14 and ends at UTC-12; an instant falls on its own local day); two instants compare
    in UTC.

    >>> days_late(When.month(2026, 4), When.parse("2026-05-10"))
    10
    >>> days_late(When.parse("c. April 2026"), When.parse("2026-05-10"))
    0
    >>> days_late(When.parse("2026-04-20T12:00Z"), When.parse("2026-04-21"))  # at UTC+14
    0
    >>> days_late(When.parse("April or June 2026"), When.parse("2026-05-15"))  # June: 17 days
    -17
    """
    actual_lo, actual_hi = _widest(actual)
    if until is not None:  # a span from first to until: one reading, as `overdue` reads it
        return _window_delay(_widest(first)[0], _widest(until)[1], actual_lo, actual_hi)
    # Only a set or unspecified digits has several readings: the rest go straight on.
    readings = () if first.form is None and first.unspecified is None else _readings(first)
    if readings and several(readings):
        # Kept inside some reading (0); else early by the next reading still to start,
        # as it was not overdue while one was; else late by the last, as the hull is.
        early = _next_reading(readings, actual_lo, actual_hi)
        if early is not None:
            return early
    return _window_delay(*_widest(first), actual_lo, actual_hi)


def _window_delay(
    lo: _dt.date | None, hi: _dt.date | None, done_lo: Point | None, done_hi: Point | None
) -> int:
    """`days_late` against one reading from ``lo`` to ``hi``."""
    if done_lo is not None and hi is not None:
        late = _days_after(done_lo, hi, lo)
        if late > 0:
            return late
    if done_hi is not None and lo is not None:
        early = _days_before(done_hi, lo, hi)
        if early > 0:
            return -early
    return 0


def _next_reading(readings: Readings, done_lo: Point | None, done_hi: Point | None) -> int | None:
    """0 when the happening falls in some reading, else minus the days to the first
    reading still to start after it, else ``None`` (every reading ended before it).
    A mask's runs are read from near the happening on, in order: a later run starts later."""
    best: int | None = None
    parts = readings.parts if isinstance(readings, Several) else (readings,)
    for part in parts:
        spans: Iterable[Span] = part
        if isinstance(part, Runs):
            near = None if done_lo is None else _near_ordinal(done_lo)
            spans = part.near(near)
        for lo, hi in spans:
            delay = _window_delay(lo, hi, done_lo, done_hi)
            if delay == 0:
                return 0
            if delay < 0:
                best = delay if best is None else max(best, delay)
                if isinstance(part, Runs):
                    break  # later runs are further ahead
    return best


def _near_ordinal(p: Point) -> int:
    """A day at or before every day the point could fall on (a floating frame reaches
    a day either side)."""
    return max(to_day(p).toordinal() - 2, 1)


def _days_after(done: Point, promised: _dt.date, start: _dt.date | None = None) -> int:
    """Days the happening ``done`` is after the promise's end ``promised`` (0 or less when
    it is not): the days since the last day on which the promise was not yet overdue.

    Two instants compare in UTC, and any time after is at least a day: 23 hours
    after "10:00+08:00" is a day late, though both fall on the 31st locally.
    Otherwise the happening counts from its day (an instant's own local date), and
    a promised instant was overdue on a day once it had passed before that day
    started anywhere (UTC+14), as `overdue_on` reads it.
    """
    if isinstance(promised, _dt.datetime):
        if isinstance(done, _dt.datetime):
            return -(-(_key(done) - _key(promised)) // _DAY_US)  # whole days, rounded up
        return done.toordinal() - _last_day_open((promised, promised))
    if isinstance(start, _dt.datetime) and start.tzinfo is not None:
        # A plain last day of a window that starts at an instant: `overdue_on` reads the
        # window at its widest (the day ends at UTC-12 against a day starting at UTC+14).
        return to_day(done).toordinal() - _last_day_open((start, promised))
    # Ordinals, not date subtraction: pendulum builds an Interval for each.
    return to_day(done).toordinal() - promised.toordinal()


def _days_before(done: Point, promised: _dt.date, stop: _dt.date | None = None) -> int:
    """Days the happening's end ``done`` is before the promise's start ``promised`` (0 or
    less when it is not), read as `_days_after` reads the other side."""
    if isinstance(promised, _dt.datetime):
        if isinstance(done, _dt.datetime):
            return -(-(_key(promised) - _key(done)) // _DAY_US)
        return _first_day_open((promised, promised)) - done.toordinal()
    if isinstance(stop, _dt.datetime) and stop.tzinfo is not None:
        # A plain first day of a window that ends at an instant: read at its widest
        return _first_day_open((promised, stop)) - to_day(done).toordinal()
    return promised.toordinal() - to_day(done).toordinal()


def _near_days(p: _dt.date) -> range:
    """Ordinals of the days around a bound: its (UTC) day, three either side."""
    utc = isinstance(p, _dt.datetime)
    day = _key(p) // _DAY_US + _EPOCH_ORDINAL if utc else p.toordinal()
    return range(max(day - 3, 1), min(day + 4, _LAST_ORDINAL + 1))


def _last_day_open(span: Span) -> int:
    """The last day on which ``span`` (an instant, or a window with a bounded end) had not
    surely passed before it started: the last day `overdue_on` does not count."""
    assert span[1] is not None
    return max(o for o in _near_days(span[1]) if not ends_before(span, _day_span(o)))


def _first_day_open(span: Span) -> int:
    """The first day that could end at or after the start of ``span`` (not surely before)."""
    assert span[0] is not None
    return min(o for o in _near_days(span[0]) if not ends_before(_day_span(o), span))


def _day_span(ordinal: int) -> tuple[_dt.date, _dt.date]:
    day = _dt.date.fromordinal(ordinal)
    return (day, day)


_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()
_LAST_ORDINAL = _dt.date.max.toordinal()


def _widest(when: When) -> tuple[Point | None, Point | None]:
    """Where ``when`` could fall: its fuzzy bounds when qualified, else its bounds."""
    return when.fuzzy_bounds() if when.qualified else (when.earliest, when.latest)
