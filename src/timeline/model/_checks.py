"""What a careful editor checks in a tracker: dates that contradict each other.

`check` looks at each event and returns `Finding`\\ s — warnings, not errors: the
data is valid, but probably not what the editor meant:

* a claim stated before the event's first source was published;
* a claim, or a source's publication date, in the future of ``today``;
* status "happened" with a date that lies wholly in the future, or wholly after the day
  it was said (by the claim, or the first source for the initial statement);
* a slip stated before the date it replaces was stated;
* the same source given twice on one event;
* a figure that cannot be compared with the event's target (different units).

Each finding names the event and the field (a path inside the event's record,
``("claims", 1, "stated")``), so the command line can point at the line of a file.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import attrs

from timeline._errors import quoted
from timeline.dates._days import DayLike, to_day
from timeline.dates._when import When
from timeline.figures._source import Source
from timeline.model._claim import Status, replay

if TYPE_CHECKING:
    from timeline.model._event import Event
    from timeline.model._timeline import Timeline

__all__ = ["Finding", "check", "check_event"]

Field = tuple[str | int, ...]


@attrs.frozen
class Finding:
    """A warning about one event: its id, the field (a path in its record) and what is wrong.

    >>> f = Finding("launch", ("claims", 0, "stated"), "stated in the future")
    >>> str(f)
    'launch: claims[0].stated: stated in the future'
    """

    event: str
    field: Field
    message: str

    def __str__(self) -> str:
        where = ""
        for part in self.field:
            where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else part)
        return (
            f"{self.event}: {where}: {self.message}" if where else f"{self.event}: {self.message}"
        )


def _first_day(when: When) -> _dt.date | None:
    point = when.earliest
    return None if point is None else to_day(point)


def _last_day(when: When) -> _dt.date | None:
    point = when.latest
    return None if point is None else to_day(point)


def _source_key(source: Source) -> tuple[str, ...]:
    if source.url:
        return ("url", source.url.strip().rstrip("/").casefold())
    return ("title", source.title.casefold(), (source.publisher or "").casefold())


def check_event(event: Event, today: DayLike) -> list[Finding]:
    """The findings for one event, judged on ``today``.

    >>> check_event(Event(title="x", when="2030", status="happened"), "2026-03-01")[0].message
    "'happened', but its date (2030) lies wholly after today (2026-03-01)"
    """
    return list(_event_findings(event, to_day(today, "today")))


def _event_findings(event: Event, today: _dt.date) -> Iterator[Finding]:
    def finding(field: Field, message: str) -> Finding:
        return Finding(event.id, field, message)

    # Publication dates in the future; the same source twice.
    seen: dict[tuple[str, ...], int] = {}
    for j, source in enumerate(event.sources):
        published = None if source.published is None else _first_day(source.published)
        if published is not None and published > today:
            yield finding(
                ("sources", j, "published"),
                f"published {source.published} is in the future (today is {today})",
            )
        key = _source_key(source)
        if key in seen:
            yield finding(
                ("sources", j),
                f"the same source as sources[{seen[key]}] ({quoted(source.title)}) is given twice; "
                "keep one (add its quote to the other)",
            )
        else:
            seen[key] = j

    first_published = None if event.stated is None else _first_day(event.stated)
    # "Happened" on a day after it was said to have happened.
    if event.initial_status is Status.HAPPENED and event.stated is not None:
        yield from _happened_later(finding, ("status",), event.initial_when, event.stated)
    # Claims: before the first source, in the future, slips stated before the date they replace.
    stated_at = first_published  # when the date in force was stated (None: always known)
    states = replay(event.initial_when, event.initial_status, event.claims)
    slips = list(event.slips)  # in claim order; a span's slips read its end too
    for i, (claim, (when, _, after, _)) in enumerate(zip(event.claims, states, strict=True)):
        said = claim.day
        latest_said = _last_day(claim.stated) or said
        is_slip = bool(slips) and slips[0].claim is claim
        if is_slip:
            slips.pop(0)
        said_in = claim.source
        source_day = None
        if said_in is not None and said_in.published is not None:
            source_day = _first_day(said_in.published)
        if said_in is not None and source_day is not None and source_day > today:
            yield finding(
                ("claims", i, "source", "published"),
                f"published {said_in.published} is in the future (today is {today})",
            )
        if said > today:
            yield finding(
                ("claims", i, "stated"),
                f"stated {claim.stated} is in the future (today is {today})",
            )
        elif is_slip and stated_at is not None and latest_said < stated_at:
            yield finding(
                ("claims", i, "stated"),
                f"this slip ({when} to {claim.when}) is stated {claim.stated}, before the date "
                f"it replaces was stated ({stated_at}); check the stated day",
            )
        elif first_published is not None and latest_said < first_published:
            yield finding(
                ("claims", i, "stated"),
                f"stated {claim.stated}, before the event's first source was published "
                f"({event.stated}); check the stated day or the source",
            )
        if claim.when is not None:
            stated_at = max(said, stated_at) if stated_at else said
        # (a "happened" without its date, said before the date could begin, dates it by then)
        if claim.status is Status.HAPPENED:
            yield from _happened_later(finding, ("claims", i, "status"), after, claim.stated)

    # "Happened" with a date wholly in the future.
    if event.status is Status.HAPPENED:
        start = _first_day(event.when)
        if start is not None and start > today:
            setter = next(
                (i for i in range(len(event.claims) - 1, -1, -1) if event.claims[i].status),
                None,
            )
            field: Field = ("status",) if setter is None else ("claims", setter, "status")
            yield finding(
                field,
                f"'happened', but its date ({event.when}) lies wholly after today ({today})",
            )

    # Figures that cannot be compared with the target.
    target = event.target
    if target is not None:
        for k, observation in enumerate(event.observations):
            if not observation.value.compatible(target.goal):
                yield finding(
                    ("observations", k, "value"),
                    f"{str(observation.value)!r} cannot be compared with the target "
                    f"{str(target.goal)!r}: the units differ ({quoted(observation.value.unit)}, "
                    f"{quoted(target.goal.unit)}); progress and status cannot use it",
                )


def _happened_later(
    finding: Callable[[Field, str], Finding], field: Field, when: When, stated: When
) -> Iterator[Finding]:
    """A finding if ``when`` lies wholly after the last day ``stated`` may be: a thing said
    to have happened before it could have."""
    start, said = _first_day(when), _last_day(stated)
    if start is not None and said is not None and start > said:
        yield finding(
            field,
            f"'happened' on {when}, after it was stated ({stated}); check the date, the "
            "stated day, or the status (expected? confirmed?)",
        )


def check(tl: Timeline, *, today: DayLike) -> list[Finding]:
    """Warnings a careful editor would raise, for every event, judged on ``today``.

    ``today`` is a day (the command line passes the real today); the data is valid
    either way, so these are warnings, not errors (`timeline check --strict` fails on them).

    >>> tl = Timeline([Event(title="x", when="2030", status="happened")])
    >>> [str(f) for f in tl.check(today="2026-03-01")]
    ["x: status: 'happened', but its date (2030) lies wholly after today (2026-03-01)"]
    """
    day = to_day(today, "today")
    return [found for event in tl for found in _event_findings(event, day)]
