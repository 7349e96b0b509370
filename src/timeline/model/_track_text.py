"""The track record as a table: plain text for the terminal, HTML for notebooks, a DataFrame.

`TrackRecord.__str__`, `TrackRecord._repr_html_` and `TrackRecord.to_pandas` are
thin methods over the functions here; the figures themselves are computed in
`timeline.model._track_record` and `timeline.model._track_row`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.model._columns import columns
from timeline.model._text import visible
from timeline.model._track_row import TrackRow

if TYPE_CHECKING:
    import pandas as pd

    from timeline.model._track_record import TrackRecord

__all__ = ["rate_text", "record_frame", "record_html", "record_table", "record_text"]

_HEADERS = (
    "PROMISES",
    "KEPT",
    "LATE",
    "BROKEN",
    "PENDING",
    "ON TIME",
    "MEDIAN DELAY",
    "MAX DELAY",
    "SLIPS/PROMISE",
    "NOTICE",
)


def _days(value: float | None) -> str:
    if value is None:
        return "-"
    number = f"{value:.1f}".removesuffix(".0")
    number = "0" if number == "-0" else number  # a mean of -0.04 days is not "-0 days"
    return f"{number} day" if number in ("1", "-1") else f"{number} days"


def rate_text(kept: int, resolved: int) -> str:
    """The on-time rate as a whole percentage, never claiming all or none when it is not.

    Rounded half up from the counts (12.5% is "13%"); a rate that rounds to 100% or 0%
    without being it is ">99%" or "<1%": 199 of 200 kept is not "100% on time".

    >>> rate_text(199, 200), rate_text(1, 8), rate_text(0, 3), rate_text(1, 250)
    ('>99%', '13%', '0%', '<1%')
    """
    if not resolved:
        return "-"
    percent = (200 * kept + resolved) // (2 * resolved)  # half up, in whole numbers
    if percent == 100 and kept < resolved:
        return ">99%"
    if percent == 0 and kept > 0:
        return "<1%"
    return f"{percent}%"


def _cells(row: TrackRow) -> list[str]:
    spp = row.slips_per_promise
    return [
        row.group,
        str(row.promises),
        str(row.kept),
        str(row.late),
        str(row.broken),
        str(row.pending),
        rate_text(row.kept, row.resolved),
        _days(row.median_delay_days),
        _days(row.max_delay_days),
        "-" if spp is None else f"{spp:.2f}",
        _days(row.mean_notice_days),
    ]


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def record_table(record: TrackRecord) -> tuple[list[str], list[list[str]]]:
    """The table's headers and rows as text: one row per group, then the total.

    Group names are shown with their control characters escaped (`visible`).

    >>> from timeline import Event, Timeline
    >>> headers, rows = record_table(Timeline([Event(title="a", when="2026-04")]).track_record(
    ...     as_of="2026-06-01"))
    >>> headers[:3], rows[-1][:3]
    (['ACTOR', 'PROMISES', 'KEPT'], ['(all)', '1', '0'])
    """
    rows = [_cells(row) for row in record.rows]
    rows.append(_cells(record.total))
    for cells in rows:  # measured as printed: a control character shows as its escape
        cells[0] = visible(cells[0])
    return [record.by.upper(), *_HEADERS], rows


def record_text(record: TrackRecord) -> str:
    """The summary line, then the table: one line per group and the total, columns aligned.

    Only the summary when nothing is resolved yet (the table would be all dashes).

    >>> from timeline import Event, Timeline
    >>> print(record_text(Timeline([Event(title="a", when="2026-04")]).track_record(
    ...     as_of="2026-03-01")))
    As of 2026-03-01, all 1 promise is pending: none has come due, happened or been cancelled.
    """
    if not record.total.resolved:
        return record.summary
    headers, rows = record_table(record)
    widths = [max(columns(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        first = cells[0] + " " * (widths[0] - columns(cells[0]))
        rest = (" " * (w - columns(c)) + c for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    return "\n".join([record.summary, line(headers), *map(line, rows)])


def record_html(record: TrackRecord) -> str:
    """The record as an HTML table: the summary as caption, one row per group, a total.

    >>> from timeline import Timeline
    >>> record_html(Timeline().track_record(as_of="2026-01-01")).startswith('<div class="tl-view">')
    True
    """
    import html

    head = "".join(f"<th>{html.escape(h.title())}</th>" for h in [record.by, *_HEADERS])
    body = []
    for row in [*record.rows, record.total]:
        cells = _cells(row)
        tag = ' class="tl-total"' if row is record.total else ""
        # A group is data (an actor, a kind): its control characters show as escapes.
        tds = f"<th>{html.escape(visible(cells[0]))}</th>" + "".join(
            f'<td style="text-align:right">{html.escape(c)}</td>' for c in cells[1:]
        )
        body.append(f"<tr{tag}>{tds}</tr>")
    return (
        '<div class="tl-view"><table class="tl-table tl-track-record">'
        f"<caption>{html.escape(record.summary)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def record_frame(record: TrackRecord) -> pd.DataFrame:
    """One row per group with the counts and figures (not the ids); needs pandas.

    >>> from timeline import Event, Timeline
    >>> tl = Timeline([Event(title="a", when="2026-04", actors=["X"])])
    >>> list(record_frame(tl.track_record(as_of="2026-01-01"))["group"])
    ['X']
    """
    import pandas as pd

    columns = [
        "group",
        "promises",
        "kept",
        "late",
        "broken",
        "pending",
        "on_time_rate",
        "median_delay_days",
        "max_delay_days",
        "slips_per_promise",
        "mean_notice_days",
    ]
    records = [{c: r[c] for c in columns} for r in record.to_records()]
    frame = pd.DataFrame.from_records(records, columns=columns)
    for column in ("promises", "kept", "late", "broken", "pending"):
        frame[column] = frame[column].astype("int64")
    for column in (
        "on_time_rate",
        "median_delay_days",
        "max_delay_days",
        "slips_per_promise",
        "mean_notice_days",
    ):
        frame[column] = frame[column].astype("float64")
    return frame
