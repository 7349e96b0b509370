"""Tracking queries on a timeline, as known on a day: `Timeline.upcoming`,
`Timeline.overdue` and `Timeline.as_of` are these functions.

``as_of`` means one thing everywhere (DESIGN §3): the claims stated on or before
the day are replayed first (`Timeline.as_of`), then each event is judged.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from timeline.dates._days import DayLike, to_day
from timeline.dates._duration import Within, within_days
from timeline.model._event_day import overdue_on, upcoming_in

if TYPE_CHECKING:
    from timeline.model._timeline import Timeline

__all__: list[str] = []


def upcoming(tl: Timeline, *, as_of: DayLike, within: Within = "90 days") -> Timeline:
    """Open events due in ``[as_of, as_of + within]``, as known on ``as_of``.

    ``as_of`` means what it means everywhere: the claims stated on or before
    that day are replayed (`Timeline.as_of`), then each event is judged, so a
    slip announced later does not count and events announced later are left
    out; the events come back as known that day. Deadlines count at their
    deadline. ``within`` is days, a timedelta or text ("90 days", "1 year").

    >>> tl = Timeline([Event(title="x", when="2026-04"), Event(title="y", when="by 2030")])
    >>> [e.id for e in tl.upcoming(as_of="2026-03-28")]
    ['x']
    """
    day = to_day(as_of, "as_of")
    stop = _dt.date.fromordinal(day.toordinal() + within_days(within, day))
    known = tl.as_of(day)
    return known._subset(e for e in known if upcoming_in(e, day, stop))


def overdue(tl: Timeline, *, as_of: DayLike) -> Timeline:
    """Open events whose latest possible day is before ``as_of``, or goals whose target
    was missed, as known on ``as_of`` (`Event.overdue`).

    The claims stated on or before ``as_of`` are replayed first (`Timeline.as_of`):
    an event that slipped, happened or was cancelled by a claim stated after that
    day is judged by what was known then, and comes back as known then.

    >>> [e.id for e in Timeline([Event(title="x", when="2026-04")]).overdue(as_of="2026-06-01")]
    ['x']
    """
    day = to_day(as_of, "as_of")
    known = tl.as_of(day)
    return known._subset(e for e in known if overdue_on(e, day))


def as_of(tl: Timeline, day: DayLike) -> Timeline:
    """The timeline as known on ``day``: announced events, with claims stated up to then.

    An event is known from its first source's ``published`` day (always, without
    one); a claim from the day it was stated. Every query that takes ``as_of``
    starts from this.

    >>> from timeline import Source
    >>> e = Event(title="x", when="2026-04", sources=[Source("s", published="2026-03-28")])
    >>> len(Timeline([e]).as_of("2026-03-01")), len(Timeline([e]).as_of("2026-04-01"))
    (0, 1)
    """
    cutoff = to_day(day)
    known = [e.as_of(cutoff) for e in tl]
    if all(a is b for a, b in zip(known, tl, strict=True)):
        return tl._subset(tl._events)  # nothing changed: no re-sort
    return tl._new(e for e in known if e is not None)
