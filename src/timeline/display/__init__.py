"""Display: HTML for notebooks, the pandas bridge, the timeline picture, the page, terminal tables.

Everything a person looks at: `timeline_html` (notebook tables), `to_pandas` /
`from_pandas`, `plot` / `save_plot` (matplotlib, loaded on first use), the
milestone trend chart (`plot_trend` / `save_trend`), the
self-contained HTML page (`write_page`) and terminal tables (`render`). An
adapter: imports the model and below, never `formats` or `ics`.

>>> from timeline.display import cell_width
>>> cell_width("腾讯")
4
"""

from __future__ import annotations

from timeline.display._html import event_html, timeline_html
from timeline.display._notebook import from_pandas, to_pandas
from timeline.display._page import write_page
from timeline.display._plot import plot, save_plot
from timeline.display._table import cell_width, render
from timeline.display._trend import plot_trend, save_trend

__all__ = [
    "cell_width",
    "event_html",
    "from_pandas",
    "plot",
    "plot_trend",
    "render",
    "save_plot",
    "save_trend",
    "timeline_html",
    "to_pandas",
    "write_page",
]
