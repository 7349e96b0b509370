"""The convenience methods of `Timeline`: files, feeds, frames, pictures.

Users call ``tl.save(...)``, ``tl.to_ics()`` and ``tl.plot()`` on the timeline,
as pandas users call ``DataFrame.to_parquet``; the work is done by the adapter
layers above the model (`timeline.formats`, `timeline.ics`, `timeline.display`).
`Timeline` takes these functions as its methods. Each imports its adapter inside
its body, so the model never imports an adapter at import time: these are the
only upward imports the layer contract allows (``pyproject.toml``,
``[tool.importlinter]``, ``ignore_imports``).
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from timeline._errors import PlotError, quoted
from timeline.dates._days import DayLike
from timeline.model._text import visible

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa
    from matplotlib.axes import Axes


if TYPE_CHECKING:
    from timeline.ics._report import ImportReport
    from timeline.model._event import Event
    from timeline.model._timeline import Timeline, WindowArg


def timeline_str(tl: Timeline) -> str:
    from timeline.display._table import cell_width

    # Text from the data is shown with its control characters escaped (no forged rows).
    rows = [
        (str(e.when), e.status.value, visible(", ".join(e.actors) or "-"), visible(e.title))
        for e in tl
    ]
    if not rows:
        return "(empty timeline)"
    # Padded in terminal columns: a Chinese actor name takes two per character.
    widths = [max(cell_width(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(
            cell + " " * (width - cell_width(cell))
            for cell, width in zip(row[:3], widths, strict=True)
        )
        + "  "
        + row[3]
        for row in rows
    )


def load(cls: type[Timeline], path: str | os.PathLike[str], *, filters: Any = None) -> Timeline:
    """Read a data file, the format chosen by suffix (.yaml/.yml, .json, .csv, .parquet).

    Raises `DataFileError` listing every problem in the file, with its line
    (a ``related`` id that names no event in the file is one). A folder of
    Parquet files is read as one dataset; ``filters`` (Parquet only, e.g.
    ``timeline.columnar.window_filter("2026-04")``) is pushed down to the files.

    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "tracker.yaml")
    ...     Timeline([Event(title="DeepSeek V4 release", when="2026-04")]).save(path)
    ...     Timeline.load(path)["deepseek-v4-release"].when
    When.parse('April 2026')
    """
    from timeline.formats._io import load

    return load(path, filters=filters)


def save(tl: Timeline, path: str | os.PathLike[str], *, bom: bool = False) -> None:
    """Write a data file atomically, the format chosen by suffix (.yaml, .json, .csv, .parquet).

    The file loads again: ``related`` ids naming events not in this
    timeline (it was filtered from a larger one, say) are left out of it,
    with a `TimelineWarning` naming them. CSV holds events only: a name or
    description is not written, with a `TimelineWarning` saying so.
    ``bom=True`` starts a CSV file with the UTF-8 byte-order mark, for Excel
    (which reads a CSV without it in the system's code page, garbling Chinese);
    `load` reads CSV with or without it. Other formats refuse ``bom=True``.

    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "tracker.csv")
    ...     Timeline([Event(title="x", when="2026")]).save(path)
    ...     len(Timeline.load(path))
    1
    """
    from timeline.formats._io import save

    save(tl, path, bom=bom)


def from_records(
    cls: type[Timeline],
    rows: Iterable[Mapping[str, Any]],
    *,
    name: str | None = None,
    description: str | None = None,
) -> Timeline:
    """A timeline from plain dicts shaped like `Timeline.to_records` gives them.

    Raises `DataFileError` listing every problem (``records[3].when: ...``),
    as `load` does for a file: ``related`` ids must name events among the rows.

    >>> tl = Timeline.from_records([{"title": "DeepSeek V4 release", "when": "2026-04"}])
    >>> tl["deepseek-v4-release"].status
    Status.EXPECTED
    """
    from timeline.records._schema_read import records_to_timeline

    return records_to_timeline(rows, name=name, description=description)


def to_arrow(tl: Timeline) -> pa.Table:
    """The timeline as an Arrow table, one row per event (needs pyarrow).

    Typed query columns (``could_start``/``could_end`` ...) sit beside the
    record columns; see `timeline.columnar.SCHEMA`.

    >>> Timeline([Event(title="x", when="2026-04")]).to_arrow().column("could_end")[0]
    <pyarrow.Date32Scalar: datetime.date(2026, 4, 30)>
    """
    from timeline.columnar._table import to_arrow

    return to_arrow(tl)


def from_arrow(
    cls: type[Timeline],
    table: pa.Table | Any,
    *,
    name: str | None = None,
    description: str | None = None,
    fiscal_years: Mapping[str, int | str] | None = None,
) -> Timeline:
    """The timeline an Arrow table holds: `to_arrow`'s inverse (or any title/when table).

    ``name``, ``description`` and ``fiscal_years`` default to those `to_arrow`
    wrote in the table's schema metadata.

    >>> tl = Timeline([Event(title="x", when="2026-04")], name="Demo")
    >>> Timeline.from_arrow(tl.to_arrow()) == tl
    True
    """
    from timeline.columnar._read import from_arrow

    return from_arrow(table, name=name, description=description, fiscal_years=fiscal_years)


def to_records(tl: Timeline) -> list[dict[str, Any]]:
    """The events as plain dicts of text, lists and dicts, in timeline order.

    >>> Timeline([Event(title="x", when="2026-04")]).to_records()
    [{'id': 'x', 'title': 'x', 'when': 'April 2026', 'status': 'expected'}]
    """
    from timeline.records._schema import event_to_record

    return [event_to_record(event) for event in tl.events]


# -- iCalendar: thin methods over timeline.ics._feed ------------------------------------


def to_ics(
    tl: Timeline,
    *,
    name: str | None = None,
    description: str | None = None,
    domain: str = "timeline.invalid",
    policy: Literal["auto", "window", "start", "end"] = "auto",
    include_cancelled: bool = False,
    refresh: str | _dt.timedelta | None = "PT12H",
) -> str:
    """The timeline as an iCalendar feed (RFC 5545 text, CRLF line ends).

    ``name`` and ``description`` default to the timeline's own (a timeline
    without a name gives a feed called "Calendar"). Each event
    gets the UID ``{id}@{domain}`` (use a domain you control), so a
    subscribed calendar updates it in place. ``policy`` places imprecise
    dates: ``"auto"`` shows windows up to 92 days whole (all-day, from the
    first to the last possible day) and puts a one-day marker on the last
    possible day of longer spans and deadlines; ``"window"``, ``"start"``
    and ``"end"`` force one placement. Cancelled events are left out unless
    ``include_cancelled``. ``refresh`` is how often clients should reload
    (an ISO 8601 duration or timedelta; ``None`` to leave it unsaid).

    >>> tl = Timeline([Event(title="DeepSeek V4 release", when="2026-04")])
    >>> feed = tl.to_ics(name="AI race 2026", domain="example.org")
    >>> [line for line in feed.splitlines() if line.startswith(("UID", "DTEND"))]
    ['UID:deepseek-v4-release@example.org', 'DTEND;VALUE=DATE:20260501']
    """
    from timeline.ics._feed import to_ics

    return to_ics(
        tl,
        name=name,
        description=description,
        domain=domain,
        policy=policy,
        include_cancelled=include_cancelled,
        refresh=refresh,
    )


def write_ics(
    tl: Timeline,
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    description: str | None = None,
    domain: str = "timeline.invalid",
    policy: Literal["auto", "window", "start", "end"] = "auto",
    include_cancelled: bool = False,
    refresh: str | _dt.timedelta | None = "PT12H",
) -> None:
    """Write `Timeline.to_ics` to ``path`` atomically; a failure leaves the old feed intact.

    ``path`` must end in ``.ics``, the extension RFC 5545 registers for calendar
    data: another name (``feed.yaml``, ``feed.json``, none) is an `IcsError`
    naming the fix, and nothing is written.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ai.ics"
    >>> Timeline([Event(title="x", when="2026")]).write_ics(path, name="AI")
    >>> path.read_bytes().endswith(b"END:VCALENDAR\\r\\n")
    True
    """
    from timeline.ics._feed import write_ics

    write_ics(
        tl,
        path,
        name=name,
        description=description,
        domain=domain,
        policy=policy,
        include_cancelled=include_cancelled,
        refresh=refresh,
    )


@overload
def from_ics(
    cls: type[Timeline], source: str | bytes | os.PathLike[str], *, report: Literal[False] = False
) -> Timeline: ...


@overload
def from_ics(
    cls: type[Timeline], source: str | bytes | os.PathLike[str], *, report: Literal[True]
) -> tuple[Timeline, ImportReport]: ...


def from_ics(
    cls: type[Timeline], source: str | bytes | os.PathLike[str], *, report: bool = False
) -> Timeline | tuple[Timeline, ImportReport]:
    """Read a feed: iCalendar text or bytes, or the path of an ``.ics`` file.

    Our own feeds come back exactly (``Timeline.from_ics(tl.to_ics()) == tl``
    for named timelines without cancelled or undated events). Other feeds are
    read best-effort (docs/explanation/icalendar.md): time zones as Outlook,
    Exchange and Thunderbird write them, damaged components skipped. What
    could not be carried over is named, with its lines, in a `TimelineWarning`
    per kind; with ``report=True`` the call warns nothing and returns
    ``(timeline, report)``, an `timeline.ics.ImportReport` whose ``str()`` is
    a summary. A file that is not iCalendar raises `IcsParseError`.

    >>> tl = Timeline([Event(title="x", when="2026-04")], name="AI")
    >>> Timeline.from_ics(tl.to_ics()) == tl
    True
    >>> Timeline.from_ics(tl.to_ics(), report=True)[1].events
    1
    """
    from timeline.ics._feed import from_ics

    if report:
        return from_ics(source, report=True)
    return from_ics(source)


def _repr_html_(tl: Timeline) -> str:
    """The timeline as a styled table in a notebook (long ones show first and last rows).

    >>> "<table" in Timeline([Event(title="x", when="2026")])._repr_html_()
    True
    """
    from timeline.display._html import timeline_html

    return timeline_html(tl)


def to_pandas(tl: Timeline, *, as_of: DayLike | None = None) -> pd.DataFrame:
    """One tidy row per event with datetime and categorical columns (needs pandas).

    Besides the event's fields: ``slipped``, ``revisions`` and ``delay_days`` (days
    late against the first promise, once it happened), the target's goal, deadline,
    ``target_progress`` and, given ``as_of``, ``overdue`` and ``target_status``.
    ``as_of`` means what it means everywhere: the timeline as known on that day
    (claims stated on or before it), judged on it. So "average slip by sector" is
    ``tl.to_pandas().groupby("kind")["delay_days"].mean()``.

    >>> Timeline([Event(title="x", when="2026-04")]).to_pandas().loc[0, "precision"]
    'month'
    >>> frame = Timeline([Event(title="x", when="2026-04")]).to_pandas(as_of="2026-06-01")
    >>> bool(frame.loc[0, "overdue"])
    True
    """
    from timeline.display._notebook import to_pandas

    return to_pandas(tl, as_of)


def from_pandas(
    cls: type[Timeline],
    frame: pd.DataFrame,
    *,
    name: str | None = None,
    description: str | None = None,
    fiscal_years: Mapping[str, int | str] | None = None,
) -> Timeline:
    """The timeline a `to_pandas` frame (or any frame with title and when) describes.

    ``name``, ``description`` and ``fiscal_years`` (actor: month its fiscal year
    starts) default to the frame's ``attrs``, where `to_pandas` keeps them.

    >>> tl = Timeline([Event(title="x", when="2026-04")], fiscal_years={"Microsoft": "July"})
    >>> Timeline.from_pandas(tl.to_pandas()) == tl
    True
    """
    from timeline.display._notebook import from_pandas

    return from_pandas(frame, name=name, description=description, fiscal_years=fiscal_years)


def plot(
    tl: Timeline,
    *,
    by: str = "actor",
    as_of: DayLike | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    between: tuple[WindowArg, WindowArg] | None = None,
) -> Axes:
    """Draw the timeline, one lane per actor, kind or status; returns the Axes.

    Exact days are markers, windows bars fading where approximate, deadlines
    bars from when they were stated to the deadline, slips an arrow from the
    first expected date to the current one; ``as_of`` draws the timeline as
    known on that day (claims stated later do not count), with a line at it
    and overdue events outlined; ``title`` is used as given;
    ``between=("2026-01", "2026-06")`` zooms to a window. Text from the data
    is drawn as written (no mathtext). Events whose date has no bound at all
    cannot be placed: a `TimelineWarning` names them.

    >>> ax = Timeline([Event(title="x", when="2026-04", actors=["A"])]).plot()
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['A']
    """
    from timeline.display._plot import plot

    return plot(tl, by=by, as_of=as_of, ax=ax, title=title, between=between)


def save_plot(
    tl: Timeline,
    path: str | os.PathLike[str],
    *,
    kind: Literal["timeline", "trend"] = "timeline",
    by: str = "actor",
    as_of: DayLike | None = None,
    title: str | None = None,
    between: tuple[WindowArg, WindowArg] | None = None,
    events: Collection[str | Event] | None = None,
    dpi: int = 150,
) -> Path:
    """Write the picture to a ``.png`` or ``.svg`` file, atomically.

    ``kind="timeline"`` (the default) is `Timeline.plot`'s picture (``by``,
    ``between``); ``kind="trend"`` the milestone trend chart of
    `Timeline.plot_trend` (``events``; ``as_of`` default today).
    ``as_of`` draws the timeline as known on that day.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "tl.svg"
    >>> Timeline([Event(title="x", when="2026-04")]).save_plot(out).name
    'tl.svg'
    >>> tl = Timeline([Event(title="x", when="2026-04")])
    >>> tl.save_plot(out.with_name("trend.png"), kind="trend", as_of="2026-03-01").name
    'trend.png'
    """
    if kind == "trend":
        if by != "actor" or between is not None:
            raise PlotError(
                "save_plot: by= and between= are options of the timeline picture, not of "
                "kind='trend'; leave them out (pick events with events=)"
            )
        from timeline.display._trend import save_trend

        return save_trend(tl, path, events=events, as_of=as_of, title=title, dpi=dpi)
    if kind != "timeline":
        raise PlotError(
            f"save_plot: kind={quoted(kind)} is not a picture; use 'timeline' or 'trend'"
        )
    if events is not None:
        raise PlotError(
            "save_plot: events= picks the lines of kind='trend'; filter the timeline instead"
        )
    from timeline.display._plot import save_plot

    return save_plot(tl, path, by=by, as_of=as_of, title=title, between=between, dpi=dpi)


def plot_trend(
    tl: Timeline,
    *,
    events: Collection[str | Event] | None = None,
    ax: Axes | None = None,
    as_of: DayLike | None = None,
    title: str | None = None,
) -> Axes:
    """Draw the milestone trend chart: each promise's expected date against the day stated.

    x is the day a date was stated, y the date expected then; each event is a
    stepped line from claim to claim (climbing: a slip; flat: a promise kept
    to), ending on the diagonal "today" line where it happened. Dates that
    span days are bands, deadlines caps. ``events`` picks the lines (ids or
    events; default every promise; readable up to about 30); ``as_of`` (default
    today) draws what was known that day.

    >>> from timeline import Source
    >>> e = Event(title="V4", when="2026-04", sources=[Source("s", published="2026-03-01")])
    >>> ax = Timeline([e]).plot_trend(as_of="2026-03-15")
    >>> [t.get_text() for t in ax.texts]
    ['V4']
    """
    from timeline.display._trend import plot_trend

    return plot_trend(tl, events=events, ax=ax, as_of=as_of, title=title)


def to_html(
    tl: Timeline,
    path: str | os.PathLike[str],
    *,
    by: str = "actor",
    as_of: DayLike | None = None,
    title: str | None = None,
) -> Path:
    """Write one self-contained HTML page: the picture, the table, actor and status filters.

    The page needs no network and no server; filters also read the URL
    hash (``page.html#actor=Tencent&status=expected``). Events the picture
    cannot place (no bounded date) are named under it, and in a `TimelineWarning`.
    ``as_of`` makes the page as known on that day: picture, table, target
    figures, and the "overdue" badges (replayed to that day, then judged);
    without it the badges and the picture's overdue outlines are judged on the
    day the page is written (one day for both), and the page says which day.
    A Targets section shows each target's progress. ``path`` must end in
    ``.html`` or ``.htm`` (`PlotError` otherwise, as `save` and `save_plot`
    refuse suffixes they do not write).

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "tl.html"
    >>> Timeline([Event(title="x", when="2026-04")]).to_html(out).suffix
    '.html'
    """
    from timeline.display._page import write_page

    return write_page(tl, path, by=by, as_of=as_of, title=title)
