"""Events, their sources, and the claims made about them over time.

An `Event` is something that is expected to happen, or did: "Tencent's Hybrid
Model 3.0 is slated for an April release". Its date is a promise, so the event
keeps every `Claim` made about it in the order they were *stated* (the second
time axis: when a source said it, not when a row was typed in).

* The constructor's ``when`` and ``status`` are the *initial statement*, dated
  by the first source's ``published`` when there is one.
* The current `Event.when` and `Event.status` are those of the latest claim.
* `Event.as_of` replays what was known on a given day; `Event.slips` lists the
  claims that moved an open event later; `Event.delay` measures how late it
  happened against its first promise.

"Overdue" and "slipped" are derived, never stored. The fields are checked (and
lists of names shared) in `timeline.model._event_fields`; an event is judged
against a day (overdue, upcoming, delay) in `timeline.model._event_day` and
shown as text by `timeline.model._event_text`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
from collections.abc import Iterable

import attrs

from timeline.dates._bounds import Point, _cmp
from timeline.dates._days import DayLike, coerce_when, to_day
from timeline.dates._duration import Within, within_days
from timeline.dates._fiscal import Fiscal
from timeline.dates._masks import Readings
from timeline.dates._relations import _readings
from timeline.dates._when import When
from timeline.figures._growth import Observation
from timeline.figures._source import Source
from timeline.figures._target import Target
from timeline.model._claim import Claim, Slip, Status, _status, replay, yearless_reading
from timeline.model._event_day import days_late, overdue_on, upcoming_in
from timeline.model._event_fields import field_setter, init_checked, slugify
from timeline.model._event_history import (
    changing_claims,
    first_promise,
    known_on,
    slips_of,
    with_claims,
)
from timeline.model._event_text import event_repr, event_str

__all__ = ["Event", "slugify"]


@attrs.frozen(init=False, repr=False)
class Event:
    """Something expected or done, with a dated history of what was said about it.

    >>> e = Event(title="DeepSeek V4 release", when="2026-04", actors=["DeepSeek"])
    >>> e.id, e.status.value, str(e.when.latest)
    ('deepseek-v4-release', 'expected', '2026-04-30')
    >>> later = e.revise(when="2026-05", stated="2026-04-20")
    >>> later.slipped, str(later.when.latest)
    (True, '2026-05-31')
    """

    title: str
    initial_when: When = attrs.field(alias="when")
    id: str
    end: When | None = None
    initial_status: Status = attrs.field(default=Status.EXPECTED, alias="status")
    kind: str | None = None
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    location: str | None = None
    description: str | None = None
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()
    related: tuple[str, ...] = ()
    target: Target | None = None
    observations: tuple[Observation, ...] = ()

    def __init__(
        self,
        *,
        title: str,
        when: When | str | _dt.date,
        id: str | None = None,
        end: When | str | _dt.date | None = None,
        status: Status | str = Status.EXPECTED,
        kind: str | None = None,
        actors: Iterable[str] | str = (),
        tags: Iterable[str] | str = (),
        location: str | None = None,
        description: str | None = None,
        sources: Iterable[Source] = (),
        claims: Iterable[Claim] = (),
        related: Iterable[str] | str = (),
        target: Target | None = None,
        observations: Iterable[Observation] = (),
        fiscal_year_start: int | str | None = None,
    ) -> None:
        # Checked in `timeline.model._event_fields` (positional: this runs per event).
        _set_fields(self, *init_checked(
            title, when, id, end, status, kind, actors, tags, location, description,
            sources, claims, related, target, observations, fiscal_year_start,
        ))  # fmt: skip

    # -- the current state ------------------------------------------------------

    @functools.cached_property
    def _state(self) -> tuple[When, Status]:
        state = (self.initial_when, self.initial_status)
        for *_, when, status in replay(*state, self.claims):
            state = (when, status)
        return state

    @property
    def when(self) -> When:
        """The current expected (or actual) date: that of the latest claim.

        >>> Event(title="x", when="2026-04").revise(when="2026-05", stated="2026-04-20").when
        When.parse('May 2026')
        """
        # Without claims the initial statement is current; no cached state needed.
        return self._state[0] if self.claims else self.initial_when

    @property
    def status(self) -> Status:
        """The current status: that of the latest claim that set one.

        >>> Event(title="x", when="2026").revise(status="happened", stated="2026-06-01").status
        Status.HAPPENED
        """
        return self._state[1] if self.claims else self.initial_status

    @property
    def stated(self) -> When | None:
        """When the initial statement was made: the first source's ``published``.

        >>> Event(title="x", when="2026", sources=[Source("s", published="2026-03")]).stated
        When.parse('March 2026')
        """
        return self.sources[0].published if self.sources else None

    @property
    def _stated_day(self) -> _dt.date | None:
        """The day the initial statement counts from: the earliest day of `stated`.

        ``None`` when it has none (no source, or one published "TBD" or "until
        March 2026"): an undated statement counts as always known, as an undated
        source's figures do (`Observation.known_on`).
        """
        stated = self.stated
        return None if stated is None or stated.earliest is None else to_day(stated.earliest)

    @property
    def url(self) -> str | None:
        """The main link: the url of the first source that has one.

        >>> sources = [Source("a"), Source("b", url="https://b.example")]
        >>> Event(title="x", when="2026", sources=sources).url
        'https://b.example'
        """
        return next((s.url for s in self.sources if s.url), None)

    @property
    def first_expected(self) -> When:
        """The date first promised: the initial statement's ``when``.

        When the event was first announced without a date ("TBD"), it is the first
        date a claim gave while the event was still open: "TBD", then "April",
        then "June" was first promised for April. A date given only as the event
        happened or was cancelled promised nothing: the first date given while it
        was open counts (after a cancellation, the date it was revived for), and
        without one it stays undated.

        >>> e = Event(title="x", when="2026-04").revise(when="2026-05", stated="2026-04-20")
        >>> e.first_expected
        When.parse('April 2026')
        >>> Event(title="x", when="TBD").revise(when="2026-05", stated="2026-04-20").first_expected
        When.parse('May 2026')
        """
        return self._first_promise[0]

    @property
    def first_end(self) -> When | None:
        """The end of the first promise: ``end``, while it stands with `first_expected`.

        An event that lasts was first promised from `first_expected` to this end, the
        span `delay` measures from and a slip moves (`current_end`'s rule).

        >>> forum = Event(title="x", when="2026-04", end="2026-06")
        >>> forum.revise(when="2026-07", stated="2026-03-01").first_end
        When.parse('June 2026')
        """
        return self._end_with(self.first_expected) if self.end is not None else None

    @property
    def _first_promise(self) -> tuple[When, Claim | None]:
        """The first date promised, and the claim that gave it (``None``: the initial one)."""
        return first_promise(self)

    @property
    def last_changed(self) -> When | None:
        """When the date or status last changed: the latest claim changing one, else `stated`.

        >>> e = Event(title="x", when="2026").revise(status="happened", stated="2026-06-01")
        >>> e.last_changed
        When.parse('1 June 2026')
        """
        changes = self._changes
        return changes[-1].stated if changes else self.stated

    @property
    def revisions(self) -> int:
        """How many claims changed the date or status (the iCalendar SEQUENCE).

        A claim repeating the current date and status ("still April") changes nothing.

        >>> Event(title="x", when="2026-04").revise(when="2026-05", stated="2026-04-20").revisions
        1
        """
        return len(self._changes)

    @functools.cached_property
    def _changes(self) -> tuple[Claim, ...]:
        """The claims that changed the date or status, in stated order."""
        return changing_claims(self)

    @property
    def current_end(self) -> When | None:
        """The end as it stands now: ``end``, or ``None`` once a claim moved the date past it.

        A claim carries a new date, not a new end: a forum on 24-27 March moved to
        May no longer ends on 27 March, so its span is May's (as the calendar
        export already placed it). A move that keeps the date on or before the
        end ("24 March", then "25 March") keeps the end.

        >>> forum = Event(title="x", when="2026-03-24", end="2026-03-27")
        >>> str(forum.current_end), forum.revise(when="2026-05", stated="2026-03-01").current_end
        ('27 March 2026', None)
        """
        if self.end is None or not self.claims:
            return self.end  # as given: the constructor checked the pair
        return self._end_with(self.when)

    def _end_with(self, when: When) -> When | None:
        """The end that stands while ``when`` is the date expected (`current_end`)."""
        end = self.end
        if end is None or end.latest is None or when == self.initial_when:
            return end
        if when.latest is None or _cmp(end.latest, when.latest) < 0:
            return None  # moved past the end, to no date, or to no last day
        return end

    @property
    def window(self) -> tuple[Point | None, Point | None]:
        """The stated span: from ``when.earliest`` to the end's latest (or ``when.latest``).

        The end counts while it stands (`Event.current_end`).

        >>> [str(d) for d in Event(title="x", when="2026-03-24", end="2026-03-27").window]
        ['2026-03-24', '2026-03-27']
        """
        stop = self.current_end if self.end is not None else None
        end = stop.latest if stop is not None else self.when.latest
        return (self.when.earliest, end)

    @property
    def fuzzy_window(self) -> tuple[Point | None, Point | None]:
        """Where it could fall: `window` widened by the fuzzy bounds of qualified dates.

        Window queries, `overdue` and `upcoming` use this span, so "c. April
        2026" could fall in May (the default fuzz policy pads one unit of the
        value's own grain each side); for a date that is an EDTF set they read
        each member instead, of which this span is the hull.

        >>> [str(d) for d in Event(title="x", when="c. April 2026").fuzzy_window]
        ['2026-03-01', '2026-05-31']
        """
        lo, hi = self.when.fuzzy_bounds()
        if self.end is not None:
            stop = self.current_end
            if stop is not None:
                hi = stop.fuzzy_bounds()[1]
        return (lo, hi)

    @property
    def _readings(self) -> Readings:
        """Each way it could fall, at its widest: `fuzzy_window`, or, for a date that is an
        EDTF set with no end standing, each member's fuzzy bounds ("April or June 2026" is
        April or June, never May), or each run of days its unspecified digits allow
        ("2026-XX-15"). The window queries, `overdue` and `upcoming` read these."""
        when = self.when
        if (when.form is None and when.unspecified is None) or (
            self.end is not None and self.current_end is not None
        ):
            return (self.fuzzy_window,)
        return _readings(self.when)

    # -- history --------------------------------------------------------------

    @functools.cached_property
    def slips(self) -> tuple[Slip, ...]:
        """The claims that moved the expected date later while the event was open.

        A claim opening a cancelled or happened event again with a date moved it from
        the last date promised while it was open ("April", cancelled, then "back on, in
        June": a slip from April).

        An event that lasts slips when the last day of its span moves later (`window`,
        as `delay` measures it): "April to June", then "May" with the end standing, is
        no slip; then "July", past the end, is.

        >>> e = Event(title="x", when="2026-04").revise(when="2026-05", stated="2026-04-20")
        >>> [(str(s.before), str(s.after)) for s in e.slips]
        [('April 2026', 'May 2026')]
        >>> Event(title="x", when="2026-04", end="2026-06").revise(
        ...     when="2026-05", stated="2026-04-20").slips
        ()
        """
        return slips_of(self)

    @property
    def slipped(self) -> bool:
        """Whether any claim moved the expected date later while it was open.

        >>> Event(title="x", when="2026-04").slipped
        False
        """
        return bool(self.slips)

    @property
    def delay(self) -> int | None:
        """Days late against the first promise, once it happened; ``None`` before.

        0 when it happened inside the first promised window (to its ``end`` for an event
        that lasts, while the end stands with that date, as `overdue` reads the span),
        negative when early. With imprecise dates this is the smallest delay
        the dates allow; a qualified date counts with its fuzzy bounds, as `Event.overdue`
        reads it.

        >>> e = Event(title="x", when="2026-04").revise(
        ...     when="2026-05-10", status="happened", stated="2026-05-10")
        >>> e.delay
        10
        """
        if self.status is not Status.HAPPENED:
            return None
        # promised to the end standing with it (`current_end`)
        return days_late(self.first_expected, self.when, until=self.first_end)

    def revise(
        self,
        *,
        stated: DayLike,
        when: When | str | _dt.date | None = None,
        status: Status | str | None = None,
        source: Source | None = None,
        note: str | None = None,
    ) -> Event:
        """A new event with a claim appended: what was said, and when.

        >>> e = Event(title="x", when="2026-04").revise(status="confirmed", stated="2026-03-30")
        >>> e.status.value, len(e.claims)
        ('confirmed', 1)
        """
        if isinstance(when, str) and (fiscal := self._fiscal) is not None:
            # "Q4 FY2026" said of an event stated in fiscal years: in those years
            day = Claim(stated=stated).day
            state = None if status is None else _status(status, "claim")
            prefer = yearless_reading(state)
            when = coerce_when(when, "claim", "when", day, fiscal=fiscal, prefer=prefer)
        claim = Claim(stated=stated, when=when, status=status, source=source, note=note)
        return attrs.evolve(self, claims=(*self.claims, claim))

    @property
    def _fiscal(self) -> Fiscal | None:
        """The fiscal years the event's dates were stated in: its latest date's that has some."""
        whens = [self.initial_when, *(c.when for c in self.claims if c.when is not None)]
        return next((w.fiscal for w in reversed(whens) if w.fiscal is not None), None)

    def as_of(self, day: DayLike) -> Event | None:
        """The event as known on ``day``; ``None`` if not yet announced then.

        Replays the initial statement (known from the first day of the first
        source's ``published``; always, without one) and every claim stated on or before ``day``,
        and keeps only the figures known then (`Observation.known_on`: period ended,
        source published; a target's baseline too, `Target.as_of`) and the sources
        published by then (from their first day; the first source, which dates the
        initial statement, and undated ones always), so nothing in the result is dated
        after ``day``.

        >>> e = Event(title="x", when="2026-04", sources=[Source("s", published="2026-03-28")])
        >>> e = e.revise(when="2026-05", stated="2026-04-20")
        >>> e.as_of("2026-04-01").when, e.as_of("2026-03-01")
        (When.parse('April 2026'), None)
        """
        return known_on(self, to_day(day))

    @functools.cached_property
    def _days_in_order(self) -> bool:
        """Whether the claims' days never go back (they do only where instants said in
        UTC order fall on local days that run the other way)."""
        days = [c.day for c in self.claims]
        return all(a <= b for a, b in itertools.pairwise(days))

    def _with_claims(
        self,
        claims: tuple[Claim, ...],
        figures: tuple[Observation, ...],
        target: Target | None = None,
    ) -> Event:
        """This event with ``claims`` (checked, in stated order), ``figures`` and ``target``,
        made without the constructor (`timeline.model._event_history.with_claims`)."""
        return with_claims(self, claims, figures, target)

    def overdue(self, as_of: DayLike) -> bool:
        """Still open and its latest possible day is before ``as_of``, as known on ``as_of``.

        ``as_of`` means "as known on that day" here as everywhere: the claims stated
        on or before it are replayed (`Event.as_of`) and that event is judged; one not
        yet announced then is not overdue. The latest possible day counts fuzzy
        bounds: "c. April 2026" is not overdue until June. A goal (`Target`) whose
        figures known then show the target missed (`Target.status`) is overdue too,
        whatever its own date says (even "TBD": the deadline dates it), as the
        track record counts it broken; one its figures show reached, by its deadline or
        after, is not overdue: nobody writes "happened" of a goal.

        >>> Event(title="x", when="2026-04").overdue("2026-05-01")
        True
        >>> Event(title="x", when="c. April 2026").overdue("2026-05-01")
        False
        """
        day = to_day(as_of, "as_of")
        known = self.as_of(day)
        return known is not None and overdue_on(known, day)

    def upcoming(self, as_of: DayLike, within: Within = 90) -> bool:
        """Still open, its window meets ``[as_of, as_of + within]`` and it sorts inside it.

        Judged as known on ``as_of`` (the claims stated on or before it, as in
        `Event.overdue`). ``within`` is days, a timedelta or text ("90 days",
        "1 year"), read as `Timeline.upcoming` reads it. "by 2030" is not upcoming
        in March 2026.

        >>> Event(title="x", when="by 2030").upcoming("2026-03-01")
        False
        >>> Event(title="x", when="2026-04").upcoming("2026-03-01", "1 year")
        True
        """
        start = to_day(as_of, "as_of")
        stop = _dt.date.fromordinal(start.toordinal() + within_days(within, start))
        known = self.as_of(start)
        return known is not None and upcoming_in(known, start, stop)

    # -- display (timeline.model._event_text) ------------------------------------

    __repr__ = event_repr
    __str__ = event_str

    def _repr_html_(self) -> str:
        """The event as a card in a notebook: fields, sources and the claims made.

        >>> "<dl" in Event(title="x", when="2026")._repr_html_()
        True
        """
        from timeline.display._html import event_html

        return event_html(self)


# A new event's fields set through each slot's descriptor (`field_setter`).
_set_fields = field_setter(Event)
