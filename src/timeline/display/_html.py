"""HTML for notebooks: the table `Timeline._repr_html_` shows and the card of `Event._repr_html_`.

Jupyter calls ``_repr_html_`` to show a value. A timeline shows as a compact
table (date in words, a status badge, actors, kind, tags, source links); a
long one shows its first and last rows and says how many it left out. An
event shows as a card with its sources and the history of claims about it.

Every piece of data is HTML-escaped, and a source link is only a link when
its URL is ``http``, ``https`` or ``mailto``: a title holding ``<script>``
shows as text, and a ``javascript:`` URL never becomes clickable. Each piece
of data text sits in its own ``<bdi>``, so an Arabic title or a stray
right-to-left override cannot reorder the actors, dates or sources around it. The styles
are scoped under ``.tl-view`` so they do not leak into the rest of a notebook.
The same table, with ``data-`` attributes for filtering, is the body of the
page `Timeline.to_html` writes.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from timeline.figures._source import Source
from timeline.model._claim import Claim, Status
from timeline.model._event import Event
from timeline.model._text import visible

if TYPE_CHECKING:
    from timeline.model._timeline import Timeline

__all__ = [
    "OVERDUE_COLOUR",
    "STATUS_COLOURS",
    "STYLE",
    "actors_json",
    "event_html",
    "isolate",
    "safe_url",
    "shown",
    "table_rows",
    "timeline_html",
]

STATUS_COLOURS = {
    # Okabe-Ito colours: distinct for the common forms of colour blindness.
    Status.EXPECTED: "#0072B2",
    Status.CONFIRMED: "#E69F00",
    Status.HAPPENED: "#009E73",
    Status.CANCELLED: "#8C8C8C",
}
"""The colour of each status, shared by the table badges and the picture."""

OVERDUE_COLOUR = "#D55E00"
"""The colour of "overdue" (Okabe-Ito vermillion), in the table and the picture."""

_BADGE_TEXT = {Status.CONFIRMED: "#1a1a1a"}

STYLE = """
.tl-view{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:13px;line-height:1.35}
.tl-view table.tl-table{border-collapse:collapse;width:auto;max-width:100%;font-size:inherit}
.tl-view .tl-table caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0}
.tl-view .tl-table th{text-align:left;font-weight:600;border-bottom:2px solid #9994;padding:4px 8px}
.tl-view .tl-table td{vertical-align:top;text-align:left;border-bottom:1px solid #9993;
 padding:4px 8px}
.tl-view .tl-when,.tl-view .tl-kind{white-space:nowrap}
.tl-view .tl-note{font-size:11px;opacity:.75}
.tl-view .tl-badge{display:inline-block;border-radius:9px;padding:1px 7px;font-size:11px;
 font-weight:600;color:#fff;white-space:nowrap}
.tl-view .tl-tag{display:inline-block;border:1px solid #9996;border-radius:3px;padding:0 4px;
 margin:0 2px 2px 0;font-size:11px}
.tl-view .tl-more td{text-align:center;font-style:italic;opacity:.7}
.tl-view .tl-cancelled .tl-title{text-decoration:line-through}
.tl-view tr[data-overdue] .tl-when{color:#D55E00;font-weight:600}
.tl-view dl.tl-card{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:4px 0}
.tl-view dl.tl-card dt{font-weight:600}
.tl-view dl.tl-card dd{margin:0}
.tl-view h4{margin:4px 0}
"""
"""CSS for the table and card, scoped under ``.tl-view``."""


# Control characters other than tab and line ends: a parse error in HTML, and shown as
# nothing (or dropped) by a browser, so a title could hide what it holds.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def shown(value: object) -> str:
    """Data text with control characters as readable escapes, as the terminal shows them.

    >>> shown("Launch\\x1b[2J now")
    'Launch\\\\x1b[2J now'
    """
    return _CONTROL.sub(lambda m: visible(m.group()), str(value))


def actors_json(actors: tuple[str, ...]) -> str:
    """The ``data-actors`` value: the actor names as the page shows them, in JSON."""
    return json.dumps([shown(a) for a in actors])


def _e(value: object) -> str:
    return html.escape(shown(value), quote=True)


def isolate(value: object) -> str:
    """Data text, escaped, in its own ``<bdi>``: right-to-left text or a stray bidi control
    in one title or actor cannot reorder what is written around it.

    >>> isolate("\u202eevil")
    '<bdi>\u202eevil</bdi>'
    """
    return f"<bdi>{_e(value)}</bdi>"


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a web or mail link, else ``None`` (no ``javascript:`` links).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if not url:
        return None
    scheme = url.strip().split(":", 1)[0].lower()
    return url.strip() if scheme in ("http", "https", "mailto") and ":" in url else None


def badge(status: Status) -> str:
    """A coloured status badge."""
    colour = STATUS_COLOURS[status]
    text = _BADGE_TEXT.get(status, "#fff")
    return (
        f'<span class="tl-badge" style="background:{colour};color:{text}">{_e(status.value)}</span>'
    )


def date_words(event: Event) -> str:
    """The event's date in words, with its end when it lasts.

    >>> from timeline import When
    >>> date_words(Event(title="x", when=When.month(2026, 4)))
    'April 2026'
    """
    end = event.current_end  # none once a claim moved the date past the given end
    if end is None:
        return str(event.when)
    return f"{event.when} – {end}"


def _first_words(event: Event) -> str:
    """The first promise in words, to its end for an event that lasts (as `date_words`)."""
    end = event.first_end
    return str(event.first_expected) if end is None else f"{event.first_expected} – {end}"


def _bounds(event: Event) -> str:
    lo, hi = event.window
    lo_text = "…" if lo is None else str(lo)
    hi_text = "…" if hi is None else str(hi)
    if event.when.is_undated:
        return "date not announced"
    return f"EDTF {event.when.to_edtf()}; {lo_text} to {hi_text}"


def _source_link(source: Source) -> str:
    label = source.publisher or source.title
    url = safe_url(source.url)
    tip = _e(source.title if source.published is None else f"{source.title} ({source.published})")
    if url is None:
        return f'<span title="{tip}">{isolate(label)}</span>'
    return (
        f'<a href="{_e(url)}" title="{tip}" target="_blank" rel="noopener noreferrer">'
        f"{isolate(label)}</a>"
    )


def _tags(tags: tuple[str, ...]) -> str:
    return "".join(f'<span class="tl-tag">{isolate(t)}</span>' for t in tags)


def _when_cell(event: Event) -> str:
    note = ""
    if event.slipped:
        note = f'<div class="tl-note">first expected {_e(_first_words(event))}</div>'
    return f'<td class="tl-when" title="{_e(_bounds(event))}">{_e(date_words(event))}{note}</td>'


def overdue_badge() -> str:
    """The badge an overdue event carries next to its status."""
    return f'<span class="tl-badge" style="background:{OVERDUE_COLOUR}">overdue</span>'


def past_due_badge() -> str:
    """The badge an open event carries once the last date promised passed with its date
    withdrawn ("TBD"): the track record counts that promise broken, yet with no date it is
    never "overdue" (DESIGN §2)."""
    return (
        f'<span class="tl-badge" style="background:{OVERDUE_COLOUR}" title="the last date '
        'promised has passed and no new date was given">past due</span> '
        '<span class="tl-note">no date</span>'
    )


def missed_badge() -> str:
    """The badge an open goal carries once its figures show its target missed by the
    deadline (`Target.status` *missed*): the track record counts it broken, though its own
    date may not have passed."""
    return (
        f'<span class="tl-badge" style="background:{OVERDUE_COLOUR}" title="its figures show '
        'the target missed by its deadline">missed</span>'
    )


def reached_badge() -> str:
    """The badge an open goal carries once its figures show it reached: the track record
    counts it kept or late, as a happening (nobody writes "happened" of a goal)."""
    colour = STATUS_COLOURS[Status.HAPPENED]
    return (
        f'<span class="tl-badge" style="background:{colour}" title="its figures show the '
        'goal reached">reached</span>'
    )


_MARKS = {
    "overdue": overdue_badge,
    "past-due": past_due_badge,
    "missed": missed_badge,
    "reached": reached_badge,
}


def _row(event: Event, mark: str | None = None) -> str:
    # data- attributes let the shared page filter rows without a server.
    attrs = (
        f'data-event="{_e(event.id)}" data-status="{_e(event.status.value)}" '
        f'data-actors="{html.escape(actors_json(event.actors))}"'
    )
    late = ""
    if mark is not None:
        attrs += f' data-{mark}="true"'
        late = f" {_MARKS[mark]()}"
    title_tip = f' title="{_e(event.description)}"' if event.description else ""
    cells = [
        _when_cell(event),
        f"<td>{badge(event.status)}{late}</td>",
        f'<td class="tl-title"{title_tip}>{isolate(event.title)}</td>',
        f"<td>{', '.join(isolate(a) for a in event.actors)}</td>",
        f'<td class="tl-kind">{isolate(event.kind) if event.kind else ""}</td>',
        f"<td>{_tags(event.tags)}</td>",
        f"<td>{'; '.join(_source_link(s) for s in event.sources)}</td>",
    ]
    return f'<tr class="tl-{event.status.value}" {attrs}>{"".join(cells)}</tr>'


_HEAD = (
    "<thead><tr><th>When</th><th>Status</th><th>Event</th><th>Actors</th>"
    "<th>Kind</th><th>Tags</th><th>Sources</th></tr></thead>"
)


def table_rows(
    events: tuple[Event, ...],
    overdue: Collection[str] = (),
    past_due: Collection[str] = (),
    *,
    missed: Collection[str] = (),
    reached: Collection[str] = (),
) -> str:
    """The ``<tr>`` rows for ``events``, each with ``data-event/status/actors`` attributes.

    Events whose id is in ``overdue`` carry an "overdue" badge next to their
    status and ``data-overdue="true"``; those in ``past_due`` (open, their date
    withdrawn after the last date promised passed) a "past due" badge and
    ``data-past-due="true"``; open goals in ``missed`` (their figures show the
    target missed) a "missed" badge and ``data-missed="true"``; open goals in
    ``reached`` (their figures show it reached) a "reached" badge and
    ``data-reached="true"``. The first that holds is shown.

    >>> from timeline import When
    >>> 'data-overdue="true"' in table_rows((Event(title="x", when=When.year(2026)),), {"x"})
    True
    """
    marks = (("overdue", overdue), ("past-due", past_due), ("missed", missed),
             ("reached", reached))  # fmt: skip
    return "\n".join(
        _row(e, next((mark for mark, ids in marks if e.id in ids), None)) for e in events
    )


def timeline_html(timeline: Timeline, *, max_rows: int = 30, table_id: str | None = None) -> str:
    """The timeline as a styled HTML table; past ``max_rows`` the middle is left out.

    >>> from timeline import Timeline, When
    >>> "<table" in timeline_html(Timeline([Event(title="x", when=When.year(2026))]))
    True
    """
    events = timeline.events
    count = len(events)
    name = f"{isolate(timeline.name)} · " if timeline.name else ""
    noun = "event" if count == 1 else "events"
    if count > max_rows:
        head, tail = max(max_rows // 2, 1), max(max_rows - max_rows // 2, 1)
        left_out = count - head - tail
        body = (
            table_rows(events[:head])
            + f'\n<tr class="tl-more"><td colspan="7">… {left_out} more events …</td></tr>\n'
            + table_rows(events[-tail:])
        )
        caption = f"{name}{count} {noun} (first {head} and last {tail} shown)"
    else:
        body = table_rows(events)
        caption = f"{name}{count} {noun}"
    ident = f' id="{_e(table_id)}"' if table_id else ""
    return (
        f'<div class="tl-view"><style>{STYLE}</style>'
        f'<table class="tl-table"{ident}><caption>{caption}</caption>{_HEAD}'
        f"<tbody>\n{body}\n</tbody></table></div>"
    )


def _claim_row(claim: Claim) -> str:
    source = _source_link(claim.source) if claim.source is not None else ""
    return (
        f"<tr><td class='tl-when'>{_e(claim.stated)}</td>"
        f"<td>{_e(claim.when) if claim.when is not None else ''}</td>"
        f"<td>{badge(claim.status) if claim.status is not None else ''}</td>"
        f"<td>{isolate(claim.note) if claim.note else ''}</td><td>{source}</td></tr>"
    )


def event_html(event: Event) -> str:
    """One event as a card: fields, figures, sources with quotes, and the claims made about it.

    >>> from timeline import When
    >>> "&lt;b&gt;" in event_html(Event(title="<b>", when=When.year(2026)))
    True
    """
    fields: list[tuple[str, str]] = [
        ("When", f"{_e(date_words(event))} <span class='tl-note'>({_e(_bounds(event))})</span>"),
        ("Status", badge(event.status)),
    ]
    if event.slipped:
        fields.append(("First expected", _e(_first_words(event))))

    def names(values: tuple[str, ...]) -> str:
        return ", ".join(isolate(v) for v in values)

    optional = [
        ("Kind", isolate(event.kind) if event.kind else ""),
        ("Actors", names(event.actors)),
        ("Location", isolate(event.location) if event.location else ""),
        ("Description", isolate(event.description) if event.description else ""),
        ("Related", names(event.related)),
    ]
    fields.extend((label, value) for label, value in optional if value)
    if event.tags:
        fields.append(("Tags", _tags(event.tags)))
    from timeline.model._figures import figures_text

    for line in figures_text(event):
        label, _, text = line.partition(": ")
        fields.append((_e(label), isolate(text)))
    for source in event.sources:
        quote = f"<div class='tl-note'>“{isolate(source.quote)}”</div>" if source.quote else ""
        fields.append(("Source", _source_link(source) + quote))
    card = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in fields)
    history = ""
    if event.claims:
        rows = "".join(_claim_row(c) for c in event.claims)
        history = (
            "<table class='tl-table'><caption>Claims</caption><thead><tr><th>Stated</th>"
            f"<th>When</th><th>Status</th><th>Note</th><th>Source</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    return (
        f'<div class="tl-view tl-{event.status.value}"><style>{STYLE}</style>'
        f'<h4 class="tl-title">{_e(event.title)} <span class="tl-note">{_e(event.id)}</span></h4>'
        f'<dl class="tl-card">{card}</dl>{history}</div>'
    )
