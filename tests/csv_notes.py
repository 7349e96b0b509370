"""The warning a CSV save gives for a timeline's name and description, expected where due."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline import Timeline, TimelineWarning

LOST = "a CSV file holds events only, so the timeline's"
"""The start of the warning's text after the file's name."""


@contextlib.contextmanager
def csv_notes(timeline: Timeline, path: str | os.PathLike[str]) -> Iterator[None]:
    """Expect the `TimelineWarning` exactly when ``path`` is CSV and the timeline has text to lose.

    Tests that save named timelines in every format use it rather than silence warnings,
    so a CSV save that stopped warning (or a YAML save that started) fails them.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".csv" and (timeline.name or timeline.description):
        with pytest.warns(TimelineWarning, match=LOST):
            yield
    else:
        yield
