"""Matplotlib basics the pictures share: the lazy import, dates on the axis, text, files.

The timeline picture (`timeline.display._plot`) and the track-record chart
(`timeline.display._trend`) both draw with matplotlib, an optional extra
(``pip install timeline[plot]``) imported only when a picture is drawn. What they
share lives here: the import with its install hint, day numbers on matplotlib's
date axis and the range it can show, literal text options (user text is never
mathtext), label measuring, and writing a figure as SVG text or an atomic PNG/SVG
file with no clock in it.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
import os
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from timeline._errors import PlotError
from timeline.dates._bounds import naive_utc

__all__ = ["LITERAL", "axis_range", "quiet_glyphs", "render_svg", "write_figure"]

LITERAL: dict[str, Any] = {"parse_math": False, "usetex": False}
"""Text options that draw user text as written: no mathtext ("$5B and $10B"), no TeX."""
_FONT = 8.0  # label size in points


@contextlib.contextmanager
def quiet_glyphs() -> Iterator[None]:
    """Lay out text without matplotlib's "Glyph ... missing from font" warnings.

    Titles in scripts the default font lacks (Chinese, emoji ...) draw as boxes,
    not warnings (errors under ``-W error``), wherever the text is laid out.

    >>> with quiet_glyphs():  # nothing shown, nothing raised under -W error
    ...     warnings.warn("Glyph 128640 (\\N{ROCKET}) missing from font(s) DejaVu Sans.")
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
        yield


def _require_matplotlib() -> Any:
    try:
        import matplotlib
    except ImportError as err:  # pragma: no cover - exercised only without the extra
        raise ImportError(
            "Timeline.plot needs matplotlib; install it with: pip install 'timeline[plot]'"
        ) from err
    return matplotlib


def _num(point: _dt.date) -> float:
    """Days since matplotlib's date epoch: days at midnight, instants in UTC."""
    from matplotlib import dates

    moment = naive_utc(point)
    epoch = _dt.datetime.fromisoformat(dates.get_epoch())  # type: ignore[no-untyped-call]
    return (moment - epoch) / _dt.timedelta(days=1)


def _measure(size: float = _FONT) -> Any:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    engine, font = TextToPath(), FontProperties(size=size)

    def width(text: str) -> float:
        with quiet_glyphs():
            w, _, _ = engine.get_text_width_height_descent(text, font, ismath=False)
        return float(w) / 72.0  # points to inches

    return width


def _limits() -> tuple[float, float]:
    """The x range matplotlib's dates can show: 1 January of year 1 to the end of 9999."""
    return (_num(_dt.date(1, 1, 1)), _num(_dt.date(9999, 12, 31)) + 0.999)


def axis_range(low: float, high: float) -> tuple[float, float]:
    """``(low, high)`` kept inside the dates matplotlib can show (years 1 to 9999).

    >>> import datetime as dt
    >>> axis_range(_num(dt.date(1, 1, 1)) - 30, _num(dt.date(1, 6, 1)))[0] == _num(dt.date(1, 1, 1))
    True
    """
    from timeline.display._layout import _clamp

    return _clamp((low, high), _limits())


def _quiet_save(fig: Any, target: Any, **options: Any) -> None:
    with quiet_glyphs():
        fig.savefig(target, **options)


def render_svg(make_figure: Callable[[], Any], *, salt: str = "timeline") -> str:
    """Draw a figure and return it as SVG text (text kept as text, ids stable by ``salt``).

    >>> from timeline import Event, Timeline
    >>> from timeline.display._plot import _figure
    >>> render_svg(lambda: _figure(Timeline([Event(title="x", when="2026")]))).startswith("<svg")
    True
    """
    _require_matplotlib()
    from matplotlib import pyplot as plt
    from matplotlib import rc_context

    with rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        fig = make_figure()
        buffer = io.StringIO()
        try:
            _quiet_save(fig, buffer, format="svg", metadata={"Date": None})
        finally:
            plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def write_figure(
    make_figure: Callable[[], Any], path: str | os.PathLike[str], *, dpi: int, example: str
) -> Path:
    """Draw a figure and write it to ``path`` as PNG or SVG (by suffix), atomically.

    ``example`` is the file name the error suggests when the suffix is neither.

    >>> import tempfile, pathlib
    >>> from timeline import Event, Timeline
    >>> from timeline.display._plot import _figure
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.svg"
    >>> tl = Timeline([Event(title="x", when="2026")])
    >>> write_figure(lambda: _figure(tl), out, dpi=72, example="t.png").suffix
    '.svg'
    """
    from timeline.records._atomic import checked_suffix, write_atomic

    target = checked_suffix(
        path, (".png", ".svg"), writer="save_plot", example=example, error=PlotError
    )
    kind = target.suffix.lower().lstrip(".")
    _require_matplotlib()
    from matplotlib import pyplot as plt
    from matplotlib import rc_context

    with rc_context({"svg.hashsalt": "timeline"}):
        fig = make_figure()
        buffer = io.BytesIO()
        try:
            # No clock in the file: unchanged input gives an identical picture.
            metadata = {"Date": None} if kind == "svg" else {"Software": None}
            _quiet_save(fig, buffer, format=kind, dpi=dpi, metadata=metadata)
        finally:
            plt.close(fig)
    write_atomic(target, buffer.getvalue())
    return target
