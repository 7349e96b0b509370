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
from typing import TYPE_CHECKING

from timeline.dates._bounds import Point, _key, ends_before
from timeline.dates._days import to_day
from timeline.dates._masks import every_reading, meets_any, several

if TYPE_CHECKING:
    from timeline.dates._when import When
    from timeline.model._event import Event

__all__ = ["days_late", "overdue_on", "upcoming_in"]

_DAY_US = 86_400_000_000  # microseconds in a day: `_key` counts in them


def overdue_on(event: Event, day: _dt.date) -> bool:
    """`Event.overdue` for an event already as known on ``day``.

    >>> overdue_on(Event(title="x", when="2026-04"), pendulum.date(2026, 5, 1))
    True
    """
    # Surely over before that day starts (the rule of When.definitely_before): every
    # member of a set date, each in its own frame.
    if not event.status.is_open:
        return False
    if event.when.form is None:  # the common case: one reading
        return ends_before(event.fuzzy_window, (day, day))
    return all(ends_before(r, (day, day)) for r in every_reading(event._readings))


def upcoming_in(event: Event, start: _dt.date, stop: _dt.date) -> bool:
    """`Event.upcoming` for an event already as known on ``start``, due by ``stop``.

    >>> d = pendulum.date
    >>> upcoming_in(Event(title="x", when="by 2030"), d(2026, 3, 1), d(2026, 5, 30))
    False
    """
    if not event.status.is_open:
        return False
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


def days_late(first: When, actual: When) -> int:
    """`Event.delay` of a happened event: days from ``first``'s window to ``actual``.

    0 when ``actual`` can fall inside ``first``, negative when surely early: the
    smallest delay the dates allow. A qualified date could fall where its fuzzy
    bounds reach, as `Event.overdue` reads it: "c. April 2026" done on 15 May is
    on time, as it was not overdue that day.

    >>> days_late(When.month(2026, 4), When.parse("2026-05-10"))
    10
    >>> days_late(When.parse("c. April 2026"), When.parse("2026-05-10"))
    0
    """
    first_lo, first_hi = _widest(first)
    actual_lo, actual_hi = _widest(actual)
    if actual_lo is not None and first_hi is not None:
        late = _days_after(actual_lo, first_hi)
        if late > 0:
            return late
    if actual_hi is not None and first_lo is not None:
        early = -_days_after(first_lo, actual_hi)
        if early < 0:
            return early
    return 0


def _days_after(a: Point, b: Point) -> int:
    """Days ``a`` is after ``b`` (0 or less when it is not).

    Two instants compare in UTC, and any time after is at least a day: 23 hours
    after "10:00+08:00" is a day late, though both fall on the 31st locally. A
    day against an instant counts by the instant's local date, as `When` reads it.
    """
    if isinstance(a, _dt.datetime) and isinstance(b, _dt.datetime):
        return -(-(_key(a) - _key(b)) // _DAY_US)  # whole days, rounded up
    # Ordinals, not date subtraction: pendulum builds an Interval for each.
    return to_day(a).toordinal() - to_day(b).toordinal()


def _widest(when: When) -> tuple[Point | None, Point | None]:
    """Where ``when`` could fall: its fuzzy bounds when qualified, else its bounds."""
    return when.fuzzy_bounds() if when.qualified else (when.earliest, when.latest)
