"""An event's claims read over time: the first promise, the claims that changed
something, the slips, and the event as known on a day.

`Event.first_expected`, `Event.revisions`, `Event.slips` and `Event.as_of` are
built on these functions; the rules they follow are in `timeline.model._event`
and DESIGN §3 ("How claims work").
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

import attrs

from timeline.dates._days import to_day
from timeline.model._claim import Claim, Slip, _later, replay

if TYPE_CHECKING:
    from timeline.dates._when import When
    from timeline.figures._growth import Observation
    from timeline.figures._source import Source
    from timeline.figures._target import Target
    from timeline.model._event import Event

__all__: list[str] = []


def first_promise(event: Event) -> tuple[When, Claim | None]:
    """The first date promised, and the claim that gave it (``None``: the initial one).

    >>> first_promise(Event(title="x", when="TBD").revise(when="2026-05", stated="2026-04-20"))[0]
    When.parse('May 2026')
    """
    when = event.initial_when
    if not when.is_undated:
        return (when, None)
    status = event.initial_status
    for claim in event.claims:
        status = claim.status or status
        # A date given as the event happened or was cancelled promised nothing; a
        # later one given once it was open again (a retraction, a revival) did.
        if claim.when is not None and not claim.when.is_undated and status.is_open:
            return (claim.when, claim)
    return (when, None)


def changing_claims(event: Event) -> tuple[Claim, ...]:
    """The claims that changed the date or status, in stated order.

    >>> e = Event(title="x", when="2026-04").revise(when="2026-04", stated="2026-03-01")
    >>> changing_claims(e)
    ()
    """
    states = replay(event.initial_when, event.initial_status, event.claims)
    return tuple(
        claim
        for claim, (when, status, new_when, new_status) in zip(event.claims, states, strict=True)
        if new_when != when or new_status is not status
    )


def slips_of(event: Event) -> tuple[Slip, ...]:
    """The claims that moved the expected date (or a lasting event's span) later while open,
    or that opened it again later than the last date promised while it was open.

    >>> len(slips_of(Event(title="x", when="2026-04").revise(when="2026-05", stated="2026-04-20")))
    1
    """
    found: list[Slip] = []
    states = replay(event.initial_when, event.initial_status, event.claims)
    lasts = event.end is not None
    # The last date promised while open: a claim opening a cancelled or happened event
    # again with a date moves it from there, as one opening it without a date and another
    # giving the date would (`replay` brings the promise back in between).
    promised = event.initial_when if event.initial_status.is_open else None
    for claim, (when, status, new_when, new_status) in zip(event.claims, states, strict=True):
        was = when if status.is_open else promised if new_status.is_open else None
        if new_status.is_open:
            promised = new_when
        if claim.when is None or was is None:
            continue
        ends = (event._end_with(was), event._end_with(claim.when)) if lasts else (None, None)
        if _later(claim.when, was, ends[1], ends[0]):
            found.append(Slip(was, claim.when, claim, *ends))
    return tuple(found)


def known_on(event: Event, cutoff: _dt.date) -> Event | None:
    """``event`` as known on ``cutoff`` (`Event.as_of`); ``None`` if not yet announced then.

    >>> known_on(Event(title="x", when="2026"), _dt.date(2026, 1, 1)).title
    'x'
    """
    stated = event._stated_day
    if stated is not None and stated > cutoff:
        return None
    claims, figures, target = event.claims, event.observations, event.target
    if figures and not all(o.known_on(cutoff) for o in figures):
        figures = tuple(o for o in figures if o.known_on(cutoff))
    if target is not None:
        target = target.as_of(cutoff)  # a baseline is a figure too
    keep = len(claims)  # claims are kept in stated order: drop those said after the day
    while keep and claims[keep - 1].day > cutoff:
        keep -= 1
    known = claims[:keep]
    if keep > 1 and not event._days_in_order:
        # Instants said in UTC order on local days that run the other way: each
        # counts from its own day.
        known = tuple(c for c in known if c.day <= cutoff)
    sources = event.sources
    if len(sources) > 1 and not all(_published_by(src, cutoff) for src in sources[1:]):
        # Sources published later were not known either; the first dates the statement.
        sources = (sources[0], *(src for src in sources[1:] if _published_by(src, cutoff)))
    if (
        len(known) == len(claims)
        and figures is event.observations
        and target is event.target
        and sources is event.sources
    ):
        return event  # everything said about it was said by then
    return with_claims(event, known, figures, target, sources)


def _published_by(source: Source, cutoff: _dt.date) -> bool:
    """Whether ``source`` was out on ``cutoff``: undated ones always, a dated one from its
    first day (as a claim counts from its ``stated`` day)."""
    published = source.published
    return published is None or published.earliest is None or to_day(published) <= cutoff


def with_claims(
    event: Event,
    claims: tuple[Claim, ...],
    figures: tuple[Observation, ...],
    target: Target | None = None,
    sources: tuple[Source, ...] | None = None,
) -> Event:
    """``event`` with ``claims`` (checked, in stated order), ``figures``, ``target`` and
    ``sources`` (``None``: its own).

    Every other field was checked when the event was made, so the copy skips the
    constructor (`Timeline.track_record` replays 10^5 events).

    >>> e = Event(title="x", when="2026-04").revise(when="2026-05", stated="2026-04-20")
    >>> with_claims(e, (), ()).when
    When.parse('April 2026')
    """
    cls = type(event)
    fields: dict[str, Any] = {str(f.alias): getattr(event, f.name) for f in attrs.fields(cls)}
    fields["claims"], fields["observations"] = claims, figures
    if target is not None:
        fields["target"] = target
    if sources is not None:
        fields["sources"] = sources
    copy = object.__new__(cls)
    copy.__attrs_init__(**fields)
    return copy
