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
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from timeline.dates._days import DayLike
from timeline.model._text import visible

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes


if TYPE_CHECKING:
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


def load(cls: type[Timeline], path: str | os.PathLike[str]) -> Timeline:
    """Read a data file, the format chosen by suffix (.yaml/.yml, .json, .csv).

    Raises `DataFileError` listing every problem in the file, with its line
    (a ``related`` id that names no event in the file is one).

    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "tracker.yaml")
    ...     Timeline([Event(title="DeepSeek V4 release", when="2026-04")]).save(path)
    ...     Timeline.load(path)["deepseek-v4-release"].when
    When.parse('April 2026')
    """
    from timeline.formats._io import load

    return load(path)


def save(tl: Timeline, path: str | os.PathLike[str]) -> None:
    """Write a data file atomically, the format chosen by suffix (.yaml/.yml, .json, .csv).

    The file loads again: ``related`` ids naming events not in this
    timeline (it was filtered from a larger one, say) are left out of it,
    with a `TimelineWarning` naming them.

    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "tracker.csv")
    ...     Timeline([Event(title="x", when="2026")], name="Demo").save(path)
    ...     len(Timeline.load(path))
    1
    """
    from timeline.formats._io import save

    save(tl, path)


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

    ``name`` and ``description`` default to the timeline's own. Each event
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


def from_ics(cls: type[Timeline], source: str | bytes | os.PathLike[str]) -> Timeline:
    """Read a feed: iCalendar text or bytes, or the path of an ``.ics`` file.

    Our own feeds come back exactly (``Timeline.from_ics(tl.to_ics()) == tl``
    for timelines without cancelled or undated events). Other feeds are read
    best-effort (README, "Calendar feeds"); what cannot be carried over is
    named in a `TimelineWarning`, and a file that is not iCalendar raises
    `IcsParseError` with the line number.

    >>> tl = Timeline([Event(title="x", when="2026-04")], name="AI")
    >>> Timeline.from_ics(tl.to_ics()) == tl
    True
    """
    from timeline.ics._feed import from_ics

    return from_ics(source)


def _repr_html_(tl: Timeline) -> str:
    """The timeline as a styled table in a notebook (long ones show first and last rows).

    >>> "<table" in Timeline([Event(title="x", when="2026")])._repr_html_()
    True
    """
    from timeline.display._html import timeline_html

    return timeline_html(tl)


def to_pandas(tl: Timeline) -> pd.DataFrame:
    """One tidy row per event with datetime and categorical columns (needs pandas).

    >>> Timeline([Event(title="x", when="2026-04")]).to_pandas().loc[0, "precision"]
    'month'
    """
    from timeline.display._notebook import to_pandas

    return to_pandas(tl)


def from_pandas(
    cls: type[Timeline],
    frame: pd.DataFrame,
    *,
    name: str | None = None,
    description: str | None = None,
) -> Timeline:
    """The timeline a `to_pandas` frame (or any frame with title and when) describes.

    >>> tl = Timeline([Event(title="x", when="2026-04")])
    >>> Timeline.from_pandas(tl.to_pandas()) == tl
    True
    """
    from timeline.display._notebook import from_pandas

    return from_pandas(frame, name=name, description=description)


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
    by: str = "actor",
    as_of: DayLike | None = None,
    title: str | None = None,
    between: tuple[WindowArg, WindowArg] | None = None,
    dpi: int = 150,
) -> Path:
    """Write the picture to a ``.png`` or ``.svg`` file, atomically.

    Options are those of `plot`; ``as_of`` draws the timeline as known on that day.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "tl.svg"
    >>> Timeline([Event(title="x", when="2026-04")]).save_plot(out).name
    'tl.svg'
    """
    from timeline.display._plot import save_plot

    return save_plot(tl, path, by=by, as_of=as_of, title=title, between=between, dpi=dpi)


def to_html(
    tl: Timeline,
    path: str | os.PathLike[str],
    *,
    by: str = "actor",
    as_of: DayLike | None = None,
    title: str | None = None,
) -> Path:
    """Write one tl-contained HTML page: the picture, the table, actor and status filters.

    The page needs no network and no server; filters also read the URL
    hash (``page.html#actor=Tencent&status=expected``). Events the picture
    cannot place (no bounded date) are named under it, and in a `TimelineWarning`.
    ``as_of`` makes the page as known on that day: picture, table, target
    figures, and the "overdue" badges (replayed to that day, then judged);
    without it the badges are judged on the day the page is written, and the
    page says which day. A Targets section shows each target's progress.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "tl.html"
    >>> Timeline([Event(title="x", when="2026-04")]).to_html(out).suffix
    '.html'
    """
    from timeline.display._page import write_page

    return write_page(tl, path, by=by, as_of=as_of, title=title)
