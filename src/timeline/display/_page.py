"""A page to share: `Timeline.to_html` writes one self-contained HTML file.

The file holds everything it shows — the picture as inline SVG, the full
table, its styles and a small script — and loads nothing: a Content Security
Policy forbids any fetch, so it opens the same from a laptop, a mail
attachment or a static web host, with no server.

Filters by actor and by status hide table rows and dim the picture's pieces
(matched by the ``tl-<part>-L<lane>-<event id>`` ids `timeline.display._plot` gives
them). The filter state lives in the URL hash, so a filtered view can be
linked to: ``page.html#actor=Tencent&status=expected,confirmed``. The body's
``data-shown`` attribute says how many events are showing (tests read it).

The picture needs matplotlib (the ``plot`` extra); without it the page says
so and keeps its table and filters, so ``timeline demo`` works on a plain install.
Events the picture cannot place (no bound at all) are named in a caption under
it; the table lists them as usual.

Overdue events carry an "overdue" badge in the table, and open events whose date was
withdrawn ("TBD") after the last date promised passed a "past due" one (the track record
counts both broken; an undated event is never overdue); an open goal whose figures show
its target missed is overdue whatever its own date says (`Event.overdue`) and is marked
"missed" for the reason; one whose figures show it reached a "reached" one (kept or
late): each promise's count in the track record shows in its row. All are judged as
known on the page's day: the timeline replayed as of ``as_of`` (`Timeline.as_of`), then
judged on that day. Without ``as_of`` the page judges on the day it is written (the
picture's overdue outlines and as-of line too) and says which day that was (like the
command line, a page is read by people for whom "overdue" means "by now"). A section
lists each target with its latest figure, progress and status
(`timeline.display._progress`).

Once any promise has resolved (kept, late or broken, as known on the page's
day, default today), a "Track record" section follows the table: the
`Timeline.track_record` table and the milestone trend chart (inline SVG, its
element ids prefixed so they cannot clash with the main picture's) of up to 30
promises, resolved ones first.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from timeline._errors import PlotError, TimelineWarning
from timeline.dates._days import DayLike, to_day
from timeline.display._html import STYLE, badge, isolate, shown, table_rows
from timeline.display._layout import shape_of
from timeline.display._progress import STYLE as _TARGETS_STYLE
from timeline.display._progress import targets_section
from timeline.figures._target import TargetStatus
from timeline.model._claim import Status
from timeline.model._event_day import target_judged, undated_past

if TYPE_CHECKING:
    from timeline.model._timeline import Timeline
    from timeline.model._track_record import TrackRecord

__all__ = ["page_html", "write_page"]

_PAGE_STYLE = """
body{margin:24px;color:#1a1a1a;background:#fff}
header h1{font:600 22px system-ui,sans-serif;margin:0 0 4px}
header p{margin:2px 0;font:13px system-ui,sans-serif;opacity:.8}
#tl-filters{display:flex;flex-wrap:wrap;gap:16px;align-items:center;margin:14px 0;
 font:13px system-ui,sans-serif}
#tl-filters fieldset{border:1px solid #ccc;border-radius:6px;padding:4px 10px;margin:0}
#tl-filters label{margin-right:8px;white-space:nowrap}
#tl-count{font-weight:600}
#tl-picture{margin:0 0 16px}
#tl-picture svg{width:100%;height:auto;max-width:1400px}
#tl-unplaced{font:13px system-ui,sans-serif;margin:4px 0 0}
#tl-picture [id^="tl-"]{transition:opacity .15s}
#tl-track-record h2{font:600 18px system-ui,sans-serif;margin:24px 0 8px}
#tl-trend svg{width:100%;height:auto;max-width:1400px}
#tl-trend figcaption{font:13px system-ui,sans-serif;opacity:.8}
tr[hidden]{display:none}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var form = document.getElementById("tl-filters");
  var count = document.getElementById("tl-count");
  var rows = Array.prototype.slice.call(
    document.querySelectorAll("#tl-table tbody tr[data-event]"));
  var pieces = Array.prototype.slice.call(
    document.querySelectorAll("#tl-picture [id^='tl-']"));
  var piece = /^tl-[a-z]+-L\d+-(.+)$/;
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=status]"));
  var linked = Array.prototype.slice.call(
    document.querySelectorAll("#tl-targets tbody tr[data-event]"));

  function apply() {
    var actor = form.elements.actor.value;
    var statuses = boxes.filter(function (b) { return b.checked; })
      .map(function (b) { return b.value; });
    var shown = {};
    var n = 0;
    rows.forEach(function (tr) {
      var actors = JSON.parse(tr.getAttribute("data-actors"));
      var ok = statuses.indexOf(tr.getAttribute("data-status")) >= 0 &&
        (!actor || actors.indexOf(actor) >= 0);
      tr.hidden = !ok;
      if (ok) { shown[tr.getAttribute("data-event")] = true; n += 1; }
    });
    linked.forEach(function (tr) { tr.hidden = !shown[tr.getAttribute("data-event")]; });
    pieces.forEach(function (el) {
      var m = piece.exec(el.id);
      if (m) { el.style.opacity = shown[m[1]] ? "" : "0.12"; }
    });
    count.textContent = n + " of " + rows.length + " events";
    document.body.setAttribute("data-shown", String(n));
  }

  function fromHash() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    var actor = params.get("actor") || "";
    var select = form.elements.actor;
    var known = Array.prototype.some.call(select.options, function (o) {
      return o.value === actor;
    });
    select.value = known ? actor : "";
    var status = params.get("status");
    boxes.forEach(function (b) {
      b.checked = status === null || status.split(",").indexOf(b.value) >= 0;
    });
    apply();
  }

  function toHash() {
    var params = new URLSearchParams();
    if (form.elements.actor.value) { params.set("actor", form.elements.actor.value); }
    var on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    if (on.length !== boxes.length) { params.set("status", on.join(",")); }
    var hash = params.toString();
    history.replaceState(null, "", hash ? "#" + hash : window.location.pathname);
    apply();
  }

  form.addEventListener("change", toHash);
  form.addEventListener("reset", function () { window.setTimeout(toHash, 0); });
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

_SVG_ROOT = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(r'\s(?:width|height)="[^"]*"')


def _e(value: object) -> str:
    return html.escape(shown(value), quote=True)


def _responsive(svg: str) -> str:
    """Drop the fixed width and height of the root element so the viewBox scales it."""
    root = _SVG_ROOT.search(svg)
    if root is None:
        return svg
    return svg[: root.start()] + _SIZE.sub("", root.group(0)) + svg[root.end() :]


def _filters(timeline: Timeline) -> str:
    actors = sorted({a for e in timeline for a in e.actors}, key=str.casefold)
    counts = {s: sum(1 for e in timeline if e.status is s) for s in Status}
    boxes = "".join(
        f'<label><input type="checkbox" name="status" value="{s.value}" checked> '
        f"{badge(s)} {counts[s]}</label>"
        for s in Status
    )
    options = "".join(f'<option value="{_e(a)}">{_e(a)}</option>' for a in actors)
    total = len(timeline)
    return (
        '<form id="tl-filters" class="tl-view" onsubmit="return false">'
        f"<fieldset><legend>Status</legend>{boxes}</fieldset>"
        '<fieldset><legend>Actor</legend><select name="actor" aria-label="actor">'
        f'<option value="">all actors</option>{options}</select></fieldset>'
        '<button type="reset">Show all</button>'
        f'<output id="tl-count">{total} of {total} events</output></form>'
    )


def _unplaced_note(shown: Timeline) -> str:
    """A caption naming the events the picture leaves out (no bound to place them by)."""
    unplaced = [e for e in shown if shape_of(e) is None]
    if not unplaced:
        return ""
    names = "; ".join(f"{isolate(e.title)} ({_e(e.when)})" for e in unplaced)
    them = "it has" if len(unplaced) == 1 else "they have"
    return (
        f'<figcaption class="tl-note" id="tl-unplaced">Not in the picture, as {them} no date '
        f"to place by (listed in the table): {names}</figcaption>"
    )


_TREND_MAX = 30  # lines the trend chart stays readable with
_ID = re.compile(r'(\bid="|url\(#|href="#)(?!tl-)')
_TAG = re.compile(r"<[^<>]*>")  # text holds no raw "<": a tag runs to its ">"


def _own_ids(svg: str, prefix: str) -> str:
    """Prefix the ids matplotlib gives (``figure_1``, clip paths ...) and their uses.

    Two inline SVGs on one page would otherwise share ids, and a clip path
    reference could resolve into the other picture. Our ``tl-`` ids are kept.
    """
    # Only inside tags: a title drawn as text ("see url(#x)") is data, shown as written.
    return _TAG.sub(lambda tag: _ID.sub(lambda m: m.group(1) + prefix, tag.group()), svg)


def _track_record_section(timeline: Timeline, judged: _dt.date, record: TrackRecord) -> str:
    """The "Track record" section (``record``, judged on ``judged``), or nothing while no
    promise has resolved."""
    from timeline.display._trend import trend_svg_text

    total = record.total
    if not total.resolved:
        return ""
    chosen = [*total.late_ids, *total.broken_ids, *total.kept_ids, *total.pending_ids]
    shown = chosen[:_TREND_MAX]
    note = (
        f"<figcaption>The trend chart shows {len(shown)} of {total.promises} promises "
        "(resolved ones first).</figcaption>"
        if len(shown) < len(chosen)
        else ""
    )
    try:
        with warnings.catch_warnings():
            # Events with no date to place are named under the main picture already.
            warnings.simplefilter("ignore", TimelineWarning)
            svg = trend_svg_text(timeline, events=shown, as_of=judged, title="")
        chart = _own_ids(_responsive(svg), "trend-")
    except ImportError as err:
        chart = f'<p class="tl-note">No trend chart: {_e(err)}</p>'
    return (
        f'<section id="tl-track-record"><h2>Track record</h2>\n{record._repr_html_()}\n'
        f'<figure id="tl-trend">{chart}{note}</figure></section>'
    )


def page_html(
    timeline: Timeline,
    *,
    by: str = "actor",
    as_of: DayLike | None = None,
    title: str | None = None,
) -> str:
    """The page as text: picture, filters and table in one self-contained document.

    >>> from timeline import Event, Timeline, When
    >>> page = page_html(Timeline([Event(title="<b>x</b>", when=When.month(2026, 4))]))
    >>> "&lt;b&gt;x&lt;/b&gt;" in page, page.count("<script")
    (True, 1)
    """
    from timeline._version import installed_version

    __version__ = installed_version()
    from timeline.display._plot import svg_text

    day = None if as_of is None else to_day(as_of)
    shown = timeline if day is None else timeline.as_of(day)
    # Overdue as known on the day: replayed, then judged (the page's own day, else today's).
    judged = day if day is not None else _dt.date.today()
    known_then = timeline.as_of(judged)
    late = {e.id for e in known_then.overdue(as_of=judged)}
    # Open with the date withdrawn after the last one promised passed: broken in the track
    # record, never "overdue" (no date), so marked apart.
    past_due = {e.id for e in known_then if undated_past(e, judged)}
    # Goals judged by their figures, as the track record counts them: still open (nobody
    # writes "happened" of a goal), overdue (so broken) when their target was missed
    # whatever their own date says, marked "missed" for the reason; kept or late when
    # reached. Every count then shows in the table.
    record = timeline.track_record(as_of=judged)  # for the table's marks and its section
    total = record.total
    still_open = {e.id for e in known_then if e.status.is_open}
    missed = {
        e.id for e in known_then if e.id in late and target_judged(e, judged) is TargetStatus.MISSED
    }
    reached = still_open.intersection((*total.kept_ids, *total.late_ids))
    late_note = f" · {sum(e.id in late for e in shown)} overdue on {judged}"
    if short := sum(e.id in missed for e in shown):
        late_note += f" ({short} of them a target missed)"
    if withdrawn := sum(e.id in past_due for e in shown):
        late_note += f" · {withdrawn} past due with no date"
    if day is None:
        late_note += " (the day this page was written)"
    heading = title or timeline.name or "Timeline"
    try:
        # One day for the picture and the table: the page's day, else today.
        picture = _responsive(svg_text(timeline, by=by, as_of=judged, title=""))
    except ImportError as err:
        # Without the plot extra the page still has its table and filters.
        picture = f'<p class="tl-note">No picture: {_e(err)}</p>'
    else:
        picture += _unplaced_note(shown)
    about = f"<p>{isolate(timeline.description)}</p>" if timeline.description else ""
    known = f" · as known on {day}" if day is not None else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="timeline {_e(__version__)}">
<title>{_e(heading)}</title>
<style>{STYLE}{_PAGE_STYLE}{_TARGETS_STYLE}</style>
</head>
<body data-shown="{len(shown)}">
<header><h1>{isolate(heading)}</h1>{about}
<p>{len(shown)} events{known}{late_note}</p></header>
{_filters(shown)}
<figure id="tl-picture">{picture}</figure>
{targets_section(shown.events, judged, known_on=day is not None)}
<div class="tl-view"><table class="tl-table" id="tl-table"><thead><tr><th>When</th>
<th>Status</th><th>Event</th><th>Actors</th><th>Kind</th><th>Tags</th><th>Sources</th></tr>
</thead><tbody>
{table_rows(shown.events, late - missed, past_due, missed=missed, reached=reached)}
</tbody></table></div>
{_track_record_section(timeline, judged, record)}
<script>{_SCRIPT}</script>
</body>
</html>
"""


def write_page(
    timeline: Timeline,
    path: str | os.PathLike[str],
    *,
    by: str = "actor",
    as_of: DayLike | None = None,
    title: str | None = None,
) -> Path:
    """Write `page_html` to ``path`` atomically (temp file in the same folder, then rename).

    >>> import tempfile, pathlib
    >>> from timeline import Event, Timeline, When
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.html"
    >>> write_page(Timeline([Event(title="x", when=When.month(2026, 4))]), out).exists()
    True
    """
    from timeline.records._atomic import checked_suffix, write_atomic

    # As save and save_plot refuse a suffix they do not write, so does the page.
    target = checked_suffix(
        path, (".html", ".htm"), writer="to_html", example="page.html", error=PlotError
    )
    write_atomic(target, page_html(timeline, by=by, as_of=as_of, title=title))
    return target
