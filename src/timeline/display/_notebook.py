"""Timelines as DataFrames: `Timeline.to_pandas` and its inverse `Timeline.from_pandas`.

A notebook user wants one tidy row per event with real dtypes: the date in
words (``when``), its bounds as datetimes (``earliest``, ``latest``; ``NaT``
when unbounded, so "by 2030" has no earliest), the grain and status as
categoricals, and the derived history (``first_expected``, ``slipped``,
``revisions``: claims that changed the date or status, ``delay_days``: days late
against the first promise once it happened; for an open goal its figures known on
``as_of`` show reached, how late it was reached, as the track record counts it).

``to_pandas(as_of=day)`` frames the timeline as known on that day (as every
``as_of`` does: claims stated on or before it, events announced by then), and adds
what is judged on it: ``overdue`` and ``target_status``; without a day those two
columns are missing values (there is no hidden "today").

Events with a numeric target add its figures as flat columns: ``target_metric``,
``target_goal`` and ``target_deadline`` (text), ``target_due`` (the deadline's
last day), ``target_progress`` (the share of the way from baseline to goal of
the latest figure, 0 to 1) and ``last_observation``.

The frame also carries what it takes to rebuild the events exactly: the
``sources``, ``claims``, ``target`` and ``observations`` columns hold the
objects, ``initial_when`` and ``first_status`` the date and status of the initial
statement (``initial_when`` is "date not announced" for an event first announced
undated, whose ``first_expected`` is the first date a claim gave). `from_pandas` reads the
*defining* columns and ignores the derived ones (``earliest``, ``latest``,
``precision``, ``slipped``), so a frame edited by hand reads back the way it
reads. With a ``claims`` column, an event is rebuilt from its first statement
and its claims; a ``when`` or ``status`` edited against those claims raises
rather than being dropped silently (use `Event.revise` to add a claim).

pandas is an optional extra (``pip install timeline[pandas]``), imported only
when these functions run.

Bounds: calendar days become midnight timestamps; instants are converted to
UTC and stored without a zone (the ``when`` text keeps the original offset).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from timeline._errors import (
    FrameError,
    QuantityError,
    TargetError,
    TimelineError,
    quoted,
    warn_user,
)
from timeline.dates._bounds import _key, naive_utc
from timeline.dates._days import DayLike, to_day
from timeline.dates._format_fiscal import stated_precision
from timeline.dates._precision import Precision
from timeline.dates._when import When
from timeline.display._frame_cells import missing as _missing
from timeline.display._frame_cells import record as _record
from timeline.display._frame_cells import record_list, text_list
from timeline.display._frame_cells import text as _cell
from timeline.display._frame_cells import when_or_text as _when_or_text
from timeline.figures._growth import Observation
from timeline.figures._source import Source
from timeline.figures._target import Target, TargetStatus
from timeline.figures._text import checked_text
from timeline.model._claim import Claim, Status
from timeline.model._event import Event
from timeline.model._event_day import goal_reached

if TYPE_CHECKING:
    import pandas as pd

    from timeline.model._timeline import Timeline

__all__ = ["COLUMNS", "from_pandas", "to_pandas"]

COLUMNS = (
    "id",
    "title",
    "when",
    "end",
    "earliest",
    "latest",
    "precision",
    "status",
    "kind",
    "actors",
    "tags",
    "location",
    "description",
    "related",
    "first_expected",
    "initial_when",
    "first_status",
    "slipped",
    "revisions",
    "delay_days",
    "overdue",
    "source_url",
    "target_metric",
    "target_goal",
    "target_deadline",
    "target_due",
    "target_progress",
    "target_status",
    "last_observation",
    "sources",
    "claims",
    "target",
    "observations",
)
"""The columns `to_pandas` writes, in order."""


def _require_pandas() -> Any:
    try:
        import pandas
    except ImportError as err:  # pragma: no cover - exercised only without the extra
        raise ImportError(
            "Timeline.to_pandas and from_pandas need pandas; "
            "install it with: pip install 'timeline[pandas]'"
        ) from err
    return pandas


def _timestamp(point: _dt.date | None) -> Any:
    """A naive datetime for a bound: days at midnight, instants in UTC; an instant whose
    UTC time falls outside years 1..9999 (``0001-01-01T00:00+14:00``), for which Python has
    no datetime, as a ``numpy.datetime64`` in microseconds (the column's unit)."""
    if point is None:
        return None
    try:
        return naive_utc(point)
    except OverflowError:
        import numpy

        return numpy.datetime64(_key(point), "us")


def _row(event: Event, day: _dt.date | None) -> dict[str, Any]:
    lo, hi = event.window
    return {
        "id": event.id,
        "title": event.title,
        "when": str(event.when),
        "end": None if event.end is None else str(event.end),
        "earliest": _timestamp(lo),
        "latest": _timestamp(hi),
        "precision": stated_precision(event.when).value,  # FY2026 is a year in any months
        "status": event.status.value,
        "kind": event.kind,
        "actors": list(event.actors),
        "tags": list(event.tags),
        "location": event.location,
        "description": event.description,
        "related": list(event.related),
        "first_expected": str(event.first_expected),
        "initial_when": str(event.initial_when),
        "first_status": event.initial_status.value,
        "slipped": event.slipped,
        "revisions": event.revisions,
        "delay_days": _delay(event, day),
        "overdue": None if day is None else event.overdue(day),
        "source_url": event.url,
        **_figures(event, day),
        "sources": event.sources,
        "claims": event.claims,
        "target": event.target,
        "observations": event.observations,
    }


def _delay(event: Event, day: _dt.date | None) -> int | None:
    """`Event.delay`; for an open goal its figures known on ``day`` show reached, how late
    (`goal_reached`), as the track record judges it. Without a day, a goal has none."""
    if event.delay is not None or day is None or not event.status.is_open:
        return event.delay
    return goal_reached(event, day)


def _known(observation: Observation, day: _dt.date | None) -> bool:
    """Whether a figure was known on ``day`` (`Observation.known_on`); always without one."""
    return day is None or observation.known_on(day)


def _status(target: Target | None, day: _dt.date | None, known: list[Observation]) -> str | None:
    """The target's status on ``day`` from the figures that compare with its goal."""
    if target is None or day is None:
        return None
    usable = [o for o in known if o.value.compatible(target.goal)]  # others: `timeline check`
    return target.status(day, usable).value


def _figures(event: Event, day: _dt.date | None) -> dict[str, Any]:
    """The flat target columns: goal, deadline, progress of the latest figure known, status."""
    target = event.target
    known = [o for o in event.observations if _known(o, day)]
    latest = known[-1] if known else None
    if target is not None and latest is None:
        latest = target.baseline
    progress = None
    if target is not None and latest is not None:
        try:
            progress = float(target.progress(latest).midpoint)
        except (TargetError, QuantityError):
            progress = None  # not measurable (e.g. a figure in another unit)
    return {
        "target_metric": None if target is None else target.metric,
        "target_goal": None if target is None else str(target.goal),
        "target_deadline": None if target is None else str(target.deadline),
        "target_due": None if target is None else _timestamp(target.deadline.latest),
        "target_progress": progress,
        "target_status": _status(target, day, known),
        "last_observation": None if latest is None else str(latest),
    }


def to_pandas(timeline: Timeline, as_of: DayLike | None = None) -> pd.DataFrame:
    """One tidy row per event, in timeline order, with datetime and categorical columns.

    ``as_of`` frames the timeline as known on that day (claims stated on or before
    it; see `Timeline.as_of`) and fills ``overdue`` and ``target_status`` for it.

    >>> from timeline import Event, Timeline, When
    >>> df = to_pandas(Timeline([Event(title="V4", when=When.month(2026, 4))]), as_of="2026-06-01")
    >>> df.loc[0, "when"], str(df.loc[0, "latest"].date()), bool(df.loc[0, "overdue"])
    ('April 2026', '2026-04-30', True)
    """
    pandas = _require_pandas()
    day = None if as_of is None else to_day(as_of, "as_of")
    if day is not None:
        timeline = timeline.as_of(day)
    rows = [_row(event, day) for event in timeline]
    frame = pandas.DataFrame(rows, columns=list(COLUMNS))
    texts = ("id", "title", "when", "end", "location", "description", "first_expected")
    figures = ("target_metric", "target_goal", "target_deadline", "last_observation")
    for name in (*texts, "initial_when", "source_url", *figures):
        frame[name] = frame[name].astype("string")
    frame["target_progress"] = frame["target_progress"].astype("float64")
    for name in ("earliest", "latest", "target_due"):
        frame[name] = pandas.Series(
            [r[name] for r in rows], dtype="datetime64[us]", index=frame.index
        )
    grains = [p.value for p in Precision]
    frame["precision"] = pandas.Categorical(frame["precision"], categories=grains, ordered=True)
    statuses = [s.value for s in Status]
    frame["status"] = pandas.Categorical(frame["status"], categories=statuses)
    frame["first_status"] = pandas.Categorical(frame["first_status"], categories=statuses)
    kinds = sorted({e.kind for e in timeline if e.kind is not None})
    frame["kind"] = pandas.Categorical(frame["kind"], categories=kinds)
    frame["slipped"] = frame["slipped"].astype(bool)
    frame["revisions"] = frame["revisions"].astype("int64")
    frame["delay_days"] = pandas.array(frame["delay_days"].tolist(), dtype="Int64")
    frame["overdue"] = pandas.array(frame["overdue"].tolist(), dtype="boolean")
    targets = [s.value for s in TargetStatus]
    frame["target_status"] = pandas.Categorical(frame["target_status"], categories=targets)
    # The timeline's own fields ride in the frame's metadata, so from_pandas gets them back.
    frame.attrs.update(
        name=timeline.name,
        description=timeline.description,
        fiscal_years=dict(timeline.fiscal_years),
    )
    return cast("pd.DataFrame", frame)


# -- the inverse -------------------------------------------------------------------------


def _event(
    row: dict[str, Any], columns: Sequence[str], where: str, days: frozenset[str] = frozenset()
) -> Event:
    when = _when_or_text(row["when"], "when" in days)
    if when is None:
        raise FrameError(f"{where}: 'when' is empty; give a date such as 'April 2026'")
    status = _cell(row.get("status"), "status", where) or "expected"
    sources: tuple[Source, ...] = ()
    if "sources" in columns:
        sources = record_list(row["sources"], "sources", where)
    elif (url := _cell(row.get("source_url"), "source_url", where)) is not None:
        sources = (Source(url, url=url),)
    claims: tuple[Claim, ...] = ()
    if "claims" in columns:
        claims = record_list(row["claims"], "claims", where)
    observations: tuple[Observation, ...] = ()
    if "observations" in columns:
        observations = record_list(row["observations"], "observations", where)
    target = _target(row, columns, where)
    first_when, first_status = when, status
    if claims:
        # Rebuilt from the first statement and its claims; `when`/`status` are derived. A
        # frame from before `initial_when` existed has only `first_expected`: the same date
        # unless the event was first announced undated.
        initial = "initial_when" if "initial_when" in columns else "first_expected"
        first_when = _when_or_text(row.get(initial), initial in days) or when
        # `initial_status`: a frame of the columnar file (pd.read_parquet) names it so.
        said = "first_status" if "first_status" in columns else "initial_status"
        first_status = _cell(row.get(said), said, where) or status
    try:
        event = Event(
            id=_cell(row.get("id"), "id", where),
            title=_cell(row.get("title"), "title", where) or "",
            when=first_when if isinstance(first_when, When) else str(first_when),
            end=_when_or_text(row.get("end"), "end" in days),
            status=first_status,
            kind=_cell(row.get("kind"), "kind", where),
            actors=text_list(row.get("actors"), "actors", where),
            tags=text_list(row.get("tags"), "tags", where),
            location=_cell(row.get("location"), "location", where),
            description=_cell(row.get("description"), "description", where),
            related=text_list(row.get("related"), "related", where),
            sources=sources,
            claims=claims,
            target=target,
            observations=observations,
        )
    except FrameError:
        raise  # a cell's own, already naming the row
    except TimelineError as err:
        raise FrameError(f"{where}: {err}") from err
    if claims:
        _check_current(event, when, status, where)
    return event


def _target(row: dict[str, Any], columns: Sequence[str], where: str) -> Target | None:
    if "target" in columns:
        value = row["target"]
        if _missing(value):
            return None
        return cast("Target", _record(value, "target", f"{where}: target"))
    # A frame made by hand may give the target as text columns (no baseline then).
    metric = _cell(row.get("target_metric"), "target_metric", where)
    if metric is None:
        return None
    goal, deadline = (
        _cell(row.get("target_goal"), "target_goal", where),
        _cell(row.get("target_deadline"), "target_deadline", where),
    )
    if goal is None or deadline is None:
        raise FrameError(
            f"{where}: target_metric {quoted(metric)} needs target_goal and target_deadline too"
        )
    try:
        return Target(metric, goal, deadline)
    except TimelineError as err:
        raise FrameError(f"{where}: {err}") from err


def _day_columns(frame: pd.DataFrame) -> frozenset[str]:
    """The date columns of ``frame`` that hold only naive midnights: days, not times."""
    pandas = _require_pandas()
    days = set()
    for name in _DATE_COLUMNS:
        if name not in frame.columns:
            continue
        column = frame[name]
        if not pandas.api.types.is_datetime64_dtype(column.dtype):  # naive only
            continue
        present = column.dropna()
        if len(present) and bool((present == present.dt.normalize()).all()):
            days.add(name)
    return frozenset(days)


_DATE_COLUMNS = ("when", "end", "first_expected", "initial_when")


def _check_current(event: Event, when: object, status: str, where: str) -> None:
    current = when if isinstance(when, When) else When.parse(str(when))
    if current != event.when or Status(status) is not event.status:
        raise FrameError(
            f"{where}: when/status {str(current)!r}/{quoted(status)} disagree with the event's "
            f"claims, which give {str(event.when)!r}/{quoted(event.status.value)}; add a claim "
            "with Event.revise, or drop the 'claims' column to rebuild from the current values"
        )


def from_pandas(
    frame: pd.DataFrame,
    *,
    name: str | None = None,
    description: str | None = None,
    fiscal_years: Mapping[str, int | str] | None = None,
) -> Timeline:
    """A timeline from a DataFrame shaped like `to_pandas` output (``title`` and ``when`` needed).

    ``name``, ``description`` and ``fiscal_years`` default to the frame's ``attrs``,
    where `to_pandas` puts them.

    >>> import pandas as pd
    >>> tl = from_pandas(pd.DataFrame({"title": ["V4"], "when": ["2026-04"]}))
    >>> tl.events[0].id
    'v4'
    """
    from timeline.model._timeline import Timeline

    pd = _require_pandas()
    from timeline.columnar._columns import lookalike_columns

    if not isinstance(frame, pd.DataFrame):
        given = (
            "a Series; give a DataFrame (series.to_frame())"
            if isinstance(frame, pd.Series)
            else f"{type(frame).__name__} {quoted(frame):.60}"
        )
        raise FrameError(f"from_pandas: expected a pandas DataFrame, got {given}")
    columns = [str(c) for c in frame.columns]
    for twice in sorted({c for c in columns if c in COLUMNS and columns.count(c) > 1}):
        # Else the last one's values are taken without a word.
        raise FrameError(
            f"the frame's column {quoted(twice)} appears {columns.count(twice)} times; rename or "
            "drop all but one"
        )
    if len(set(columns)) < len(columns):  # columns not read, given twice: left out
        keep = [columns.index(c) == i for i, c in enumerate(columns)]
        frame, columns = frame.loc[:, keep], [c for c, k in zip(columns, keep, strict=True) if k]
    for given, meant in lookalike_columns(columns):  # its values would be lost without a word
        warn_user(
            f"the frame's column {quoted(given)} is not read: did you mean {quoted(meant)}? rename "
            f"it (frame.rename(columns={{{quoted(given)}: {quoted(meant)}}}))"
        )
    for needed in ("title", "when"):
        if needed not in columns:
            raise FrameError(
                f"the frame has no {quoted(needed)} column; it needs 'title' and 'when' "
                "(see Timeline.to_pandas for every column)"
            )
    days = _day_columns(frame)
    events = []
    for position, record in enumerate(frame.to_dict("records")):
        row = {str(k): v for k, v in record.items()}
        label = next((str(row[c]) for c in ("id", "title") if not _missing(row.get(c))), "?")
        events.append(_event(row, columns, f"row {position} ({quoted(label)})", days))
    # Unless given, name and description come from the frame's metadata (set by to_pandas).
    meta = {k: v if isinstance(v, str) else None for k, v in frame.attrs.items()}
    if name is None:
        name = _attr_text(meta, "name")
    if description is None:
        description = _attr_text(meta, "description")
    if fiscal_years is None:
        try:  # checked alone, so a problem is pinned on the attribute it comes from
            fiscal_years = Timeline(fiscal_years=frame.attrs.get("fiscal_years")).fiscal_years
        except TimelineError as err:
            raise FrameError(f"the frame's attrs['fiscal_years']: {err}") from None
    return Timeline(events, name=name, description=description, fiscal_years=fiscal_years)


def _attr_text(meta: Mapping[Any, str | None], key: str) -> str | None:
    text = meta.get(key)
    return (
        None
        if text is None
        else checked_text(text, f"the frame's attrs[{quoted(key)}]", "", FrameError)
    )
