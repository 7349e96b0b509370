"""Interim formatter (replaced by the parser work): EDTF and text for plain values."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline._when import When


def to_edtf(w: When) -> str:
    """EDTF text for day, month and year values."""
    from timeline._when import Precision

    assert w.start is not None
    s = w.start
    base = {
        Precision.DAY: f"{s.year:04d}-{s.month:02d}-{s.day:02d}",
        Precision.MONTH: f"{s.year:04d}-{s.month:02d}",
        Precision.QUARTER: f"{s.year:04d}-{32 + (s.month + 2) // 3}",
    }.get(w.precision, f"{s.year:04d}")
    mark = {(True, True): "%", (True, False): "~", (False, True): "?"}.get(
        (w.approximate, w.uncertain), ""
    )
    return base + mark


def to_text(w: When) -> str:
    """Text for day, month and year values."""
    return to_edtf(w)
