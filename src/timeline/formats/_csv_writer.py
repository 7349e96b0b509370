"""Writing CSV data files (`timeline.formats._csv` has the layout): one row per event,
lists joined with ``;`` and nested values as JSON cells, formula cells escaped."""

from __future__ import annotations

import csv
import json
from typing import Any

from timeline._errors import DataFileError, DataFileProblem, warn_user
from timeline.formats._csv import _ESCAPED, _JSON_LISTS, _LIST_COLUMNS, COLUMNS, _split
from timeline.records._schema import Document

__all__ = ["write_rows"]


def write_rows(document: Document, file: str | None = None) -> str:
    """`timeline.formats._csv.write`: the document's events as CSV text, header first.

    >>> write_rows({"events": [{"title": "A", "when": "2026"}]}).splitlines()[1]
    ',A,2026,,,,,,,,,,,,,,,,,,,,'
    """
    fiscal = document.get("fiscal_years")
    if fiscal:
        # A name holding a line break or control character is quoted, so the message
        # stays one line and shows what the name holds.
        starts = ", ".join(
            f"{actor if actor.isprintable() else repr(actor)}: {month}"
            for actor, month in fiscal.items()
        )
        problem = (
            f"a CSV file holds events only, so the timeline's fiscal years ({starts}) would be "
            "lost; save it as .yaml or .json, which keep them (or build the timeline without "
            "fiscal_years to write its events alone)"
        )
        raise DataFileError([DataFileProblem(problem, file=file, field="fiscal_years")])
    _warn_lost_text(document, file)
    out = _Rows()
    # With "\r\n" as the terminator the writer quotes every cell holding a "\r" or a
    # "\n" (with "\n" alone, a lone "\r" goes out bare and splits the row on reading).
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in document.get("events", []):
        writer.writerow([_escape(_cell(event, column)) for column in COLUMNS])
    return "".join(out.rows)


def _escape(cell: str) -> str:
    """A cell as written: a "'" before a formula character or a "'" already there.

    >>> _escape("=SUM(A1)"), _escape("'quoted"), _escape("plain")
    ("'=SUM(A1)", "''quoted", 'plain')
    """
    return "'" + cell if cell[:1] in _ESCAPED else cell


def _join(items: list[str]) -> str:
    plain = "; ".join(items)
    # Plain joining is used only when it reads back to the very same list (a lone
    # name with a comma is refused on reading, so it goes as JSON).
    lone_comma = "," in plain and ";" not in plain
    if not plain.startswith("[") and not lone_comma and _split(plain) == items:
        return plain
    return json.dumps(items, ensure_ascii=False)


def _warn_lost_text(document: Document, file: str | None) -> None:
    """Warn that the document's ``name`` and ``description`` are not written (CSV has no place).

    Unlike ``fiscal_years`` they do not change what the events mean, so the events are
    written all the same, with a `TimelineWarning` naming what is lost and the fix.
    """
    lost = [
        f"{field} {_short(document[field])}"
        for field in ("name", "description")
        if document.get(field)
    ]
    if not lost:
        return
    verb = "are" if len(lost) > 1 else "is"
    warn_user(
        f"{file or 'CSV text'}: a CSV file holds events only, so the timeline's "
        f"{' and '.join(lost)} {verb} not written; save it as .yaml, .json or .parquet to "
        "keep them (or build the timeline without them to write its events alone)"
    )


def _short(text: str, limit: int = 60) -> str:
    """Text quoted on one line for a message, cut after ``limit`` characters.

    >>> _short("AI race"), _short("a\\nb"), _short("x" * 70)[-6:]
    ("'AI race'", "'a\\\\nb'", "xx'...")
    """
    shown = repr(text[:limit])
    return shown + "..." if len(text) > limit else shown


class _Rows:
    """Collects the csv writer's rows, each ended by "\n" (the writer calls write once a row)."""

    def __init__(self) -> None:
        self.rows: list[str] = []

    def write(self, row: str) -> None:
        self.rows.append(row[:-2] + "\n")


def _cell(event: dict[str, Any], column: str) -> str:
    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False) if value else ""

    sources: list[dict[str, Any]] = event.get("sources", [])
    target: dict[str, Any] = event.get("target") or {}
    if column in _LIST_COLUMNS:
        return _join(event[column]) if event.get(column) else ""
    if column.startswith("source_"):
        return str(sources[0].get(column[7:], "")) if sources else ""
    if column == "target_baseline":
        return dump(target.get("baseline"))
    if column.startswith("target_"):
        return str(target.get(column[7:], ""))
    if column == "more_sources":
        return dump(sources[1:])
    if column in _JSON_LISTS:
        return dump(event.get(column))
    value = event.get(column)
    return "" if value is None else str(value)
