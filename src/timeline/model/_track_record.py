"""Track record: of the dates announcers gave, how many held, and how late the rest were.

`Timeline.track_record` scores **promises**: events whose initial statement (the
first claim) was *expected* or *confirmed*, i.e. a date given before the fact.
An event first recorded as happened or cancelled is a report, not a promise.

Everything is judged **as known on one day** (``as_of``, default today): each
event is first replayed with `Event.as_of` (the initial statement and every
claim stated on or before the day; events not yet announced then are left
out), and only then judged. Each promise lands in exactly one of four counts:

* ``kept``: it happened no later than the latest day of the **first** announced
  date (`Event.delay` is 0 or less). A deadline ("by 2030") is kept if it
  happened by the deadline; an open-ended promise ("after March 2026", "no
  earlier than May") has no latest day, so it is never late.
* ``late``: it happened after that day; its delay (`Event.delay`: the smallest
  number of days past the first window that the dates allow, a qualified date
  read at its fuzzy bounds as `Event.overdue` reads it) is kept per event.
* ``broken``: cancelled, or still open and overdue on the day (`Event.overdue`:
  the latest possible day of the date *then expected* has passed), or still open
  with its date withdrawn ("postponed to TBD") once the last date promised while
  it was open has passed: an undated event is never overdue (DESIGN §2), but the
  promise it withdrew was not kept, and saying "TBD" must not turn a broken
  promise pending again.
* ``pending``: still open and not overdue on the day.

A numeric target ("10,000 AI-plus enterprises by 2030") is judged by its figures
known on the day while the event is open (nobody writes "happened" of a goal): a
figure reaching the goal is its happening, judged as one (`goal_reached`): ``kept``
when it could have been reached by the deadline (before it too), ``late`` by the
smallest delay the figures allow when a figure fell short after the deadline first;
not reached and `Target.status` *missed* is ``broken``; otherwise its date and
status judge it as above.

Per group (`TrackRow`): ``on_time_rate`` = kept / (kept + late + broken), ``None``
when nothing is resolved; ``median_delay_days`` and ``max_delay_days`` over the
late ones; ``slips_per_promise``, the mean number of `Event.slips`;
``mean_notice_days``, the mean number of days from the initial statement (the
first source's ``published`` day) to the latest day of the first announced date
(to its end, for an event that lasts: the day `Event.delay` counts from), over
promises with both (an open-ended promise names no day to be ahead of).
A promise first announced without a date ("TBD") is judged against the first
date a claim gave (`Event.first_expected`), and its notice counts from that claim.
An event with several actors (or tags) counts once in each of their groups.
Names that differ only in case ("DeepSeek", "deepseek") are one group, shown as
first met in timeline order.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from timeline._bulk import paused_gc
from timeline._errors import QueryError, quoted
from timeline.dates._days import DayLike, to_day
from timeline.dates._format_fiscal import stated_precision
from timeline.model._claim import Status
from timeline.model._event import Event
from timeline.model._event_day import goal_reached, overdue_on, undated_past
from timeline.model._text import name_key
from timeline.model._track_row import _OUTCOMES, Outcome, TrackRow
from timeline.model._track_text import (
    _plural,
    rate_text,
    record_frame,
    record_html,
    record_text,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Outcome", "TrackRecord", "TrackRow", "score", "track_record"]

Grouping: TypeAlias = (
    "Literal['actor', 'kind', 'tag', 'precision', 'publisher'] | Callable[[Event], str]"
)
"""What `Timeline.track_record` groups by: a name, or a function of the event as known then."""

GROUPINGS = ("actor", "kind", "tag", "precision", "publisher")
ALL = "(all)"
"""The group name of `TrackRecord.total`, every promise counted once."""


_Scored: TypeAlias = "tuple[Outcome, int | None, int, int | None]"
"""One promise as judged on the day: outcome, days late (late only), slips, notice days."""


def score(event: Event, day: _dt.date) -> Outcome:
    """Where one promise stands on ``day``, judged as `Event.as_of` replays it.

    Raises `QueryError` when the event is not a promise (first recorded as
    happened or cancelled) or was not yet announced on ``day``.

    >>> e = Event(title="x", when="2026-04").revise(
    ...     status="happened", when="2026-05-01", stated="2026-05-02")
    >>> score(e, _dt.date(2026, 4, 15)), score(e, _dt.date(2026, 5, 15))
    ('pending', 'late')
    """
    known = event.as_of(day)
    scored = None if known is None else _score(known, day)
    if scored is None:
        raise QueryError(
            f"score: {quoted(event.id)} is not a promise known on {day}: it was first recorded as "
            f"{event.initial_status.value}, or announced later; score only such promises"
        )
    return scored[0]


def _score(event: Event, day: _dt.date) -> _Scored | None:
    """``event`` (already as known on ``day``) scored, or ``None`` if it is no promise."""
    if not event.initial_status.is_open:
        return None
    status = event.status
    delay = None
    outcome: Outcome
    if status is Status.HAPPENED:
        late = event.delay
        if late is not None and late > 0:
            outcome, delay = "late", late
        else:
            outcome = "kept"
    elif status is Status.CANCELLED:
        outcome = "broken"
    elif (reached := goal_reached(event, day)) is not None:
        # a goal its figures show reached: judged as a happening (`goal_reached`)
        if reached > 0:
            outcome, delay = "late", reached
        else:
            outcome = "kept"
    elif overdue_on(event, day) or undated_past(event, day):  # already as known on the day
        # overdue: its date passed, or a goal its figures show missed (`Event.overdue`)
        outcome = "broken"
    else:
        outcome = "pending"
    notice = None
    first, giver = event._first_promise  # a date first given by a claim counts from that claim
    stated = event._stated_day if giver is None else giver.day
    promised = (event.first_end or first).latest  # where delay counts from: the span's end
    if stated is not None and promised is not None:
        # A date's or an instant's ordinal is its calendar day's: what `to_day` gives.
        notice = promised.toordinal() - stated.toordinal()
    return (outcome, delay, len(event.slips), notice)


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _row(group: str, members: Iterable[int], ids: list[str], scored: list[_Scored]) -> TrackRow:
    """The row of the promises at positions ``members`` (in timeline order)."""
    by_outcome: dict[Outcome, list[str]] = {outcome: [] for outcome in _OUTCOMES}
    delays: list[int] = []
    notices: list[int] = []
    slips = 0
    for i in members:
        outcome, delay, slipped, notice = scored[i]
        by_outcome[outcome].append(ids[i])
        if delay is not None:
            delays.append(delay)
        if notice is not None:
            notices.append(notice)
        slips += slipped
    return TrackRow(
        group,
        kept_ids=tuple(by_outcome["kept"]),
        late_ids=tuple(by_outcome["late"]),
        broken_ids=tuple(by_outcome["broken"]),
        pending_ids=tuple(by_outcome["pending"]),
        delay_days=tuple(delays),
        slips=slips,
        mean_notice_days=_mean(notices),
    )


def _order(row: TrackRow) -> tuple[bool, float, int, str]:
    # Best on-time rate first (unresolved groups last), then most promises, then by name.
    rate = row.on_time_rate
    return (rate is None, -(rate or 0.0), -row.promises, row.group.casefold())


# -- the text table -------------------------------------------------------------------------


@attrs.frozen(repr=False)
class TrackRecord:
    """Who delivers on their promises: one `TrackRow` per group, as known on ``as_of``.

    Iterating gives the rows in table order: best on-time rate first (groups
    with nothing resolved last), then most promises. `total` counts every
    promise once. See `Timeline.track_record` for the definitions.

    >>> from timeline import Timeline
    >>> tl = Timeline([
    ...     Event(title="a", when="2026-04", actors=["X"]).revise(
    ...         status="happened", when="2026-04-30", stated="2026-04-30"),
    ...     Event(title="b", when="2026-04", actors=["X"]).revise(
    ...         status="happened", when="2026-05-03", stated="2026-05-03")])
    >>> record = track_record(tl, as_of="2026-06-01")
    >>> record.row("X").kept, record.row("X").late_ids, record.row("X").on_time_rate
    (1, ('b',), 0.5)
    """

    rows: tuple[TrackRow, ...]
    total: TrackRow
    by: str
    as_of: _dt.date

    def __iter__(self) -> Iterator[TrackRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        return (
            f"<TrackRecord by {self.by} as of {self.as_of}: {_plural(len(self), 'group')}, "
            f"{_plural(self.total.promises, 'promise')}>"
        )

    def row(self, group: str) -> TrackRow:
        """One group's row (exact name first, then ignoring case); `total` for ``"(all)"``.

        >>> from timeline import Timeline
        >>> record = track_record(Timeline([Event(title="a", when="2026", actors=["X"])]),
        ...                       as_of="2026-01-01")
        >>> record.row("x").pending_ids
        ('a',)
        """
        if group == ALL:
            return self.total
        for row in self.rows:
            if row.group == group:
                return row
        folded = [row for row in self.rows if name_key(row.group) == name_key(str(group))]
        if len(folded) == 1:
            return folded[0]
        names = ", ".join(repr(row.group) for row in self.rows[:20]) or "none"
        raise QueryError(
            f"row: no group {quoted(group)} in this track record; the groups are {names}"
        )

    @property
    def summary(self) -> str:
        """One line: the day, and how many promises were kept, late, broken and pending.

        >>> from timeline import Timeline
        >>> tl = Timeline([Event(title="a", when="2026-04")])
        >>> track_record(tl, as_of="2026-03-01").summary
        'As of 2026-03-01, all 1 promise is pending: none has come due, happened or been cancelled.'
        """
        t = self.total
        if not t.promises:
            return (
                f"As of {self.as_of}, there are no promises to score "
                "(no event known then was first announced as expected or confirmed)."
            )
        if not t.resolved:
            verb = "is" if t.promises == 1 else "are"
            return (
                f"As of {self.as_of}, all {_plural(t.promises, 'promise')} {verb} pending: "
                "none has come due, happened or been cancelled."
            )
        return (
            f"As of {self.as_of}, {_plural(t.promises, 'promise')}: {t.kept} kept, {t.late} late, "
            f"{t.broken} broken, {t.pending} pending ({rate_text(t.kept, t.resolved)} on time)."
        )

    def __str__(self) -> str:
        return record_text(self)

    def _repr_html_(self) -> str:
        """The record as an HTML table for notebooks: a caption, one row per group, a total.

        >>> from timeline import Timeline
        >>> "<table" in track_record(Timeline(), as_of="2026-01-01")._repr_html_()
        True
        """
        return record_html(self)

    def to_records(self) -> list[dict[str, Any]]:
        """One JSON-ready dict per group, in table order (see `TrackRow.to_record`).

        >>> from timeline import Timeline
        >>> tl = Timeline([Event(title="a", when="2026-04", kind="launch")])
        >>> [(r["group"], r["pending"]) for r in track_record(tl, by="kind",
        ...                                                   as_of="2026-01-01").to_records()]
        [('launch', 1)]
        """
        return [row.to_record() for row in self.rows]

    def to_pandas(self) -> pd.DataFrame:
        """One row per group with the counts and figures (not the ids); needs pandas.

        >>> from timeline import Timeline
        >>> tl = Timeline([Event(title="a", when="2026-04", actors=["X"])])
        >>> int(track_record(tl, as_of="2026-01-01").to_pandas().loc[0, "pending"])
        1
        """
        return record_frame(self)


def _distinct(names: tuple[str, ...], none: str) -> str | tuple[str, ...]:
    if not names:
        return none
    if len(names) == 1:
        return names[0]
    return tuple(dict.fromkeys(names))  # a name listed twice counts once


def _keys(by: Grouping) -> tuple[str, Callable[[Event], str | tuple[str, ...]]]:
    """The name of a grouping, and the group (or groups) it puts an event in."""
    if callable(by):
        name = getattr(by, "__name__", "group")
        name = "group" if name == "<lambda>" else name
        return name, lambda e: str(by(e))
    if by == "actor":
        return by, lambda e: _distinct(e.actors, "(no actor)")
    if by == "tag":
        return by, lambda e: _distinct(e.tags, "(no tag)")
    if by == "kind":
        return by, lambda e: e.kind or "(no kind)"
    if by == "precision":
        # a fiscal year is promised to the year, whichever months it covers
        return by, lambda e: stated_precision(e.first_expected).value
    if by == "publisher":
        return by, lambda e: (e.sources[0].publisher if e.sources else None) or "(no publisher)"
    raise QueryError(
        f"track_record: by={quoted(by)} is not a grouping; use one of {', '.join(GROUPINGS)} "
        "or a function of the event"
    )


def track_record(
    events: Iterable[Event], *, by: Grouping = "actor", as_of: DayLike | None = None
) -> TrackRecord:
    """Who delivers on their promises: kept, late, broken and pending, by group.

    A *promise* is an event first announced as expected or confirmed. Each
    event is replayed as known on ``as_of`` (default today; claims stated
    later are not used, as `Timeline.as_of`), then judged against its
    **first** announced date: *kept* if it happened by that date's latest day
    (a deadline by the deadline; an open-ended "after X" is never late),
    *late* if after it (``delay_days``), *broken* if cancelled or still open
    and overdue on the day, else *pending*. ``by`` is ``"actor"``, ``"kind"``,
    ``"tag"``, ``"precision"`` (of the first date), ``"publisher"`` (of the
    first source) or a function of the event as known then; an event counts
    once in each of its actors' (or tags') groups, and once in `TrackRecord.total`.
    docs/how-to/track-record.md works an example; this module's docstring defines
    every figure.

    >>> from timeline import Timeline
    >>> tl = Timeline([Event(title="V4", when="2026-04", actors=["DeepSeek"]).revise(
    ...     status="happened", when="2026-05-03", stated="2026-05-03")])
    >>> row = tl.track_record(as_of="2026-06-01").row("DeepSeek")
    >>> row.late, row.max_delay_days, row.on_time_rate
    (1, 3, 0.0)
    >>> tl.track_record(as_of="2026-05-02").row("DeepSeek").broken_ids
    ('v4',)
    """
    day = _dt.date.today() if as_of is None else to_day(as_of, "as_of")
    name, keys = _keys(by)
    # Columns, not an object per promise: 10^5 long-lived objects would make the
    # garbage collector walk them again and again while the rows are built.
    ids: list[str] = []
    scored: list[_Scored] = []
    groups_of: list[str | tuple[str, ...]] = []
    positions: list[tuple[float, float, bool, int, str, str]] = []
    with paused_gc():  # replays and scores: many objects, none cyclic
        for event in events:
            known = event.as_of(day)
            if known is None:
                continue  # not yet announced on the day
            judged = _score(known, day)
            if judged is None:
                continue  # first recorded as happened or cancelled: a report, not a promise
            ids.append(known.id)
            scored.append(judged)
            groups_of.append(keys(known))
            positions.append(known.when.sort_key)
    # Ids in timeline order as known on the day (as `Timeline.as_of(day)` lists them),
    # whatever order the events came in: two stable sorts, by id and then by date.
    order = sorted(range(len(ids)), key=ids.__getitem__)
    order.sort(key=positions.__getitem__)
    groups: dict[str, list[int]] = {}
    # Names that differ only in case are one group (as `Timeline.filter` matches them),
    # shown as first met in timeline order; a function's groups are kept as it names them.
    folded = not callable(by)
    shown: dict[str, str] = {}
    for i in order:
        found = groups_of[i]
        for key in (found,) if type(found) is str else dict.fromkeys(found):
            if folded:
                key = shown.setdefault(name_key(key), key)
            members = groups.setdefault(key, [])
            if not members or members[-1] != i:  # "DeepSeek" and "deepseek" on one event
                members.append(i)
    rows = sorted((_row(key, members, ids, scored) for key, members in groups.items()), key=_order)
    return TrackRecord(tuple(rows), _row(ALL, order, ids, scored), name, day)
