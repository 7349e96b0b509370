"""Claims: what was said about an event, and when it was said.

`Status` is where an event stands, `Claim` one dated statement about its date or
status, and `Slip` a claim that moved an open event's promised date later.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs

from timeline._errors import EventError, not_a_member, quoted
from timeline.dates._bounds import Point, _cmp, _key
from timeline.dates._days import coerce_when, to_day
from timeline.dates._when import When
from timeline.figures._source import Source
from timeline.figures._text import optional_text

__all__ = ["Claim", "Slip", "Status", "after_claim", "replay"]

_DAY_US = 86_400_000_000  # microseconds in a day: `_key` counts in them


class Status(enum.Enum):
    """Where an event stands: about the event, not its date.

    >>> Status("happened").is_open
    False
    """

    EXPECTED = "expected"  # announced, planned or rumoured
    CONFIRMED = "confirmed"  # date fixed
    HAPPENED = "happened"
    CANCELLED = "cancelled"

    @classmethod
    def _missing_(cls, value: object) -> Status:
        # Python's own "5 is not a valid Status" names no fix: ours lists the values.
        raise not_a_member(cls, value, "a status", EventError)

    def __repr__(self) -> str:
        # An expression, so the reprs of records holding a status are constructor calls.
        return f"Status.{self.name}"

    @property
    def is_open(self) -> bool:
        """Whether the event is still to come (expected or confirmed).

        >>> Status.CONFIRMED.is_open
        True
        """
        return self in (Status.EXPECTED, Status.CONFIRMED)


_STATUS_TEXT = {s.value: s for s in Status}


def yearless_reading(status: Status | None) -> Literal["current", "future", "past"]:
    """How a date said without its year ("January") is read, by the status said with it.

    Still to come (or no status: a new date is a plan), the next such date not yet
    over; happened, the last one begun by then; cancelled, the one of that year.

    >>> yearless_reading(Status.EXPECTED), yearless_reading(Status.HAPPENED)
    ('future', 'past')
    """
    if status is None or status.is_open:
        return "future"
    return "past" if status is Status.HAPPENED else "current"


def _status(value: Status | str, owner: str, field: str = "status") -> Status:
    if isinstance(value, Status):
        return value
    known = _STATUS_TEXT.get(value) if isinstance(value, str) else None
    if known is not None:
        return known
    try:
        return Status(str(value).strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in Status)
        raise EventError(
            f"{owner}: {field}: {quoted(value)} is not a status; use one of {names}"
        ) from None


@attrs.frozen(init=False)
class Claim:
    """A statement about an event: what was expected or reported, and when it was said.

    ``when`` or ``status`` left as ``None`` keep the previous value; a relative
    ``when`` ("May") is read against the day the claim was stated.

    >>> c = Claim(stated="2026-04-20", when="2026-05", note="slipped to May")
    >>> str(c.day)
    '2026-04-20'
    """

    stated: When
    when: When | None = None
    status: Status | None = None
    source: Source | None = None
    note: str | None = None

    def __init__(
        self,
        *,
        stated: When | str | _dt.date,
        when: When | str | _dt.date | None = None,
        status: Status | str | None = None,
        source: Source | None = None,
        note: str | None = None,
    ) -> None:
        stated_when = coerce_when(
            stated, "claim", "stated", relative_fix="write the day it was said, e.g. '2026-04-20'"
        )
        if stated_when.earliest is None:
            # A claim counts from the first day it could have been made; "by 2030" has none.
            raise EventError(
                f"claim: stated: {str(stated_when)!r} has no first day; "
                "give the day it was said, e.g. '2026-04-20' or '2026-04~'"
            )
        day = to_day(stated_when)
        if source is not None and not isinstance(source, Source):
            raise EventError(f"claim: source: {quoted(source)} is not a Source")
        state = None if status is None else _status(status, "claim")
        reading = yearless_reading(state)
        self.__attrs_init__(
            stated_when,
            None if when is None else coerce_when(when, "claim", "when", day, prefer=reading),
            state,
            source,
            optional_text(note, "claim", "note"),
        )
        # Known already: kept, as replaying timelines asks every claim for its day.
        object.__setattr__(self, "day", day)

    @functools.cached_property
    def day(self) -> _dt.date:
        """The day the claim counts from: the earliest day of `stated`.

        >>> Claim(stated="2026-03~").day
        Date(2026, 3, 1)
        """
        return to_day(self.stated)

    @property
    def changes_date_or_status(self) -> bool:
        """Whether the claim says anything new about the date or status.

        >>> Claim(stated="2026-04-20", note="still on track").changes_date_or_status
        False
        """
        return self.when is not None or self.status is not None


@attrs.frozen
class Slip:
    """An expected date moved later: from, to, and the claim that said so.

    For an event that lasts, ``before_end`` and ``after_end`` are the end standing
    with each date (`Event.current_end`): its span then runs to the end's last day,
    and that is the day a slip moves (``None``: no end, or moved past it).

    >>> Slip(When.month(2026, 4), When.month(2026, 5), Claim(stated="2026-04-20")).days
    31
    """

    before: When
    after: When
    claim: Claim
    before_end: When | None = None
    after_end: When | None = None

    @property
    def stated(self) -> When:
        """When the slip was stated: the claim's ``stated`` date.

        >>> Slip(When.month(2026, 4), When.month(2026, 5), Claim(stated="2026-04-20")).stated
        When.parse('20 April 2026')
        """
        return self.claim.stated

    @property
    def days(self) -> int | None:
        """How many days later the latest possible day moved, when both are bounded.

        A plain date is measured against a qualified one's fuzzy latest day ("c. April
        2026": 31 May).

        Between two open-ended dates ("after March", then "after June"), how many
        days later the earliest day moved. An event that lasts is measured from the
        last day of its span: "April to June 2026" moved to July slips 31 days.

        >>> Slip(When.month(2026, 4), When.quarter(2026, 3), Claim(stated="2026-04-20")).days
        153
        >>> june = When.month(2026, 6)
        >>> Slip(When.month(2026, 4), When.month(2026, 7), Claim(stated="2026-04-20"), june).days
        31
        """
        (was_first, before), (first, after) = _compared(
            self.after, self.before, self.after_end, self.before_end
        )
        if before is None and after is None:  # open-ended both: the earliest day moved
            before, after = was_first, first
        if before is None or after is None:
            return None
        if isinstance(before, _dt.datetime) and isinstance(after, _dt.datetime):
            # Two instants compare in UTC (as `_later` does), and any move later is at
            # least a day (as `Event.delay` counts): never the difference of their
            # local dates, which can run the other way.
            return -(-(_key(after) - _key(before)) // _DAY_US)
        return to_day(after).toordinal() - to_day(before).toordinal()


def after_claim(
    when: When, status: Status, claim: Claim, promised: When | None = None
) -> tuple[When, Status]:
    """The date and status an event has after ``claim``: those it says, else those before.

    A claim that it happened, said without its date on a day before the date then
    expected could begin ("V4, expected in April, has been released", said on 15
    March), dates it by that day ("by 15 March 2026"): it cannot have happened in
    April. So does one said of an undated event ("TBD"): all that is known is that it
    happened by then. A date it could still have fallen on by then is kept.

    ``promised`` is the last date expected while the event was open (`replay` keeps
    it). A claim that opens a happened or cancelled event again without a date ("it
    was not released after all") brings that date back: a date given as it happened
    or was cancelled promised nothing (as `Event.first_expected` reads it).

    >>> c = Claim(stated="2026-03-15", status="happened")
    >>> str(after_claim(When.parse("2026-04"), Status.EXPECTED, c)[0])
    'by 15 March 2026'
    >>> back = Claim(stated="2026-03-20", status="expected")
    >>> str(after_claim(When.parse("2026-03-15"), Status.HAPPENED, back, When.month(2026, 4))[0])
    'April 2026'
    """
    now = claim.status or status
    if claim.when is not None:
        return claim.when, now
    if promised is not None and now.is_open and not status.is_open:
        return promised, now
    if claim.status is Status.HAPPENED and (when.is_undated or _begins_after(when, claim.day)):
        day = claim.day
        return When.day(day.year, day.month, day.day).by(), now
    return when, now


def replay(
    when: When, status: Status, claims: Iterable[Claim]
) -> Iterator[tuple[When, Status, When, Status]]:
    """The date and status before and after each claim, replayed from the initial ones.

    Every reading of a history goes through here (`Event.when`, `Event.slips`, the
    checks and the charts), so all of them bring back the date promised when an
    event is opened again (`after_claim`).

    >>> claims = [Claim(stated="2026-03-10", when="2026-03-10", status="happened"),
    ...           Claim(stated="2026-03-12", status="expected")]
    >>> [str(after) for _, _, after, _ in replay(When.month(2026, 4), Status.EXPECTED, claims)]
    ['10 March 2026', 'April 2026']
    """
    promised = when if status.is_open else None
    for claim in claims:
        new_when, new_status = after_claim(when, status, claim, promised)
        if new_status.is_open:
            promised = new_when
        yield when, status, new_when, new_status
        when, status = new_when, new_status


def _begins_after(when: When, day: _dt.date) -> bool:
    """Whether ``when`` surely begins after ``day`` (a qualified date: where it could fall;
    an instant: after the day in every time zone)."""
    if when.is_undated:
        return False
    first = when.fuzzy_bounds()[0]
    if first is None:
        return False
    if isinstance(first, _dt.datetime) and first.tzinfo is None:
        return first.date() > day  # a floating time: on the day's own clock
    if isinstance(first, _dt.datetime):
        # A floating day runs to 24:00 at UTC-12 (DESIGN §2): noon UTC the next day.
        end = _dt.datetime.combine(day + _dt.timedelta(days=1), _dt.time(12), _dt.UTC)
        return first > end
    return to_day(first) > day


def _later(new: When, old: When, new_end: When | None = None, old_end: When | None = None) -> bool:
    """Whether ``new`` moves the promise later: its latest possible day is later.

    With an end standing (``old_end``, ``new_end``: an event that lasts), the latest
    day of the span is the end's: "April to June", then "May to June", moves nothing.

    Narrowing inside the promised window ("Q1 2026", then "2 March 2026") or
    restating the same deadline ("April 2026", then "by end of April 2026") is
    not a slip; an unbounded latest day is the latest of all, and a plain date
    inside a qualified one's fuzzy bounds ("c. April" to "15 May") is no slip. Between two
    open-ended dates ("after March", then "after June") the earliest day moving
    later is the slip.
    """
    (was_first, was_last), (first, last) = _compared(new, old, new_end, old_end)
    if last is None:
        if was_last is not None:
            return True
        return first is not None and was_first is not None and _cmp(first, was_first) > 0
    return was_last is not None and _cmp(last, was_last) > 0


def _compared(
    new: When, old: When, new_end: When | None = None, old_end: When | None = None
) -> tuple[tuple[Point | None, Point | None], ...]:
    """The bounds of ``old`` and ``new`` a move is measured between: ``(old, new)``.

    A date said plainly is measured against where a qualified one could fall (its
    fuzzy bounds, as `Event.overdue` and `Event.delay` read it): "c. April 2026"
    to "15 May" moves nothing, to "1 June" a day. Otherwise the stated bounds:
    "c. April" to "c. May" moves a month, and "April" to "c. April" (looser, not
    later) nothing. With an end standing, a span's last day is its end's, read by
    the same rule.
    """
    new_last, old_last = new_end or new, old_end or old
    first = old.fuzzy_bounds()[0] if old.qualified and not new.qualified else old.earliest
    last = (
        old_last.fuzzy_bounds()[1]
        if old_last.qualified and not new_last.qualified
        else old_last.latest
    )
    return ((first, last), (new.earliest, new_last.latest))
