"""CSV data files: one row per event, the columns a spreadsheet user expects.

Layout (a header row, then one row per event; UTF-8):

=================  ==========================================================
column             holds
=================  ==========================================================
id, title, when,   the event's text fields, as in YAML (``when`` is text such
end, status, kind, as ``April 2026``); an empty cell means "none"
location,
description
actors, tags,      lists joined with ``;`` (``Tencent; WeChat``). A list whose
related            items themselves contain ``;`` is written as a JSON array
                   (``["a;b", "c"]``); a cell starting with ``[`` is read so
source_title,      the event's first source, one column per field
source_publisher,
source_url,
source_published,
source_quote
more_sources       further sources: a JSON array of objects, empty when none
claims             later statements: a JSON array of claim objects
target_metric,     the target, one column per field
target_goal,
target_deadline
target_baseline    the target's baseline observation as a JSON object
observations       a JSON array of observation objects
=================  ==========================================================

Nested lists stay in JSON cells rather than numbered columns so that a file
keeps one fixed header however many claims an event gathers. A CSV file holds
events only: a timeline's ``name`` and ``description`` are not kept. Problems
are reported at the line where the row starts, with the column name.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
from typing import Any, Final

from timeline._errors import DataFileError, DataFileProblem
from timeline.formats._json import _NUMBERS
from timeline.records._schema import Document, Locations, Path, dotted

__all__ = ["COLUMNS", "read", "write"]

_TEXT = ("id", "title", "when", "end", "status", "kind")
_LISTS = ("actors", "tags")
_SOURCE = ("title", "publisher", "url", "published", "quote")
_TARGET = ("metric", "goal", "deadline")

COLUMNS: tuple[str, ...] = (
    *_TEXT,
    *_LISTS,
    "location",
    "description",
    "related",
    *(f"source_{f}" for f in _SOURCE),
    "more_sources",
    "claims",
    *(f"target_{f}" for f in _TARGET),
    "target_baseline",
    "observations",
)
"""The header of a CSV file, in order."""

_LIST_COLUMNS = frozenset({*_LISTS, "related"})
_JSON_LISTS = {"more_sources": "sources", "claims": "claims", "observations": "observations"}


def read(text: str, file: str | None = None) -> tuple[Any, Locations]:
    """Read CSV text into the shared document form, noting each row's line.

    >>> data, where = read("title,when,actors\\nA,April 2026,X; Y\\n")
    >>> data["events"], where.line(("events", 0, "when"))
    ([{'title': 'A', 'when': 'April 2026', 'actors': ['X', 'Y']}], 2)
    """
    problems: list[DataFileProblem] = []
    lines: dict[Path, int] = {}
    reader = csv.reader(io.StringIO(text, newline=""))
    events: list[dict[str, Any]] = []
    try:
        header = next(reader, None)
        if header is None:
            raise DataFileError([DataFileProblem("empty file: no header row", file=file)])
        header = [h.strip() for h in header]
        problems += _check_header(header, file)
        last = reader.line_num
        for row in reader:
            start, last = last + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank lines between rows are harmless
            path: Path = ("events", len(events))
            lines[path] = start
            if len(row) > len(header):
                problems.append(
                    DataFileProblem(
                        f"{len(row)} cells but the header has {len(header)} columns; "
                        "quote cells that contain commas",
                        file=file,
                        line=start,
                    )
                )
                continue
            cells = {h: c for h, c in zip(header, row, strict=False) if h in COLUMNS}
            event, bad = _event(cells)
            for column, message in bad:
                problems.append(DataFileProblem(message, file=file, line=start, field=column))
            events.append(event)
    except csv.Error as err:
        line = reader.line_num or None
        problems.append(DataFileProblem(f"not valid CSV: {err}", file=file, line=line))
    if problems:
        raise DataFileError(problems)
    return {"events": events}, Locations(file, lines, label=_label)


def _check_header(header: list[str], file: str | None) -> list[DataFileProblem]:
    problems: list[DataFileProblem] = []
    separator = next((sep for sep in ";\t|" if sep in header[0]), None) if header else None
    if len(header) == 1 and separator is not None:
        # Spreadsheets in many locales save ';'-separated "CSV": say so, not "unknown column".
        message = (
            f"the header {header[0]!r} is one column: the file is separated by {separator!r}, "
            "not commas; save it as comma-separated CSV"
        )
        return [DataFileProblem(message, file=file, line=1)]
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(DataFileProblem("column given twice", file=file, line=1, field=name))
        seen.add(name)
        if name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1)
            fix = f"did you mean {close[0]!r}?" if close else f"columns are {', '.join(COLUMNS)}"
            problems.append(
                DataFileProblem(f"unknown column; {fix}", file=file, line=1, field=name)
            )
    for name in ("title", "when"):
        if name not in seen:
            problems.append(DataFileProblem(f"missing column {name!r}", file=file, line=1))
    return problems


# What a JSON cell looks like, for error messages.
_JSON_EXAMPLES: Final = {
    "claims": '[{"stated": "2026-04-20", "when": "May 2026"}]',
    "observations": '[{"when": "2026-03", "value": "$300 million"}]',
    "more_sources": '[{"title": "Reuters", "url": "https://..."}]',
    "target_baseline": '{"when": "2026-03", "value": "$300 million"}',
}


def _event(cells: dict[str, str]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """One row's cells as an event record, and (column, message) problems."""
    event: dict[str, Any] = {}
    bad: list[tuple[str, str]] = []

    def text(column: str) -> str | None:
        value = cells.get(column, "")
        return value if value != "" else None

    def cell_json(column: str, kind: type) -> Any:
        value = text(column)
        if value is None:
            return None
        try:
            parsed = json.loads(value, **_NUMBERS)  # numbers exact, as in JSON files
        except json.JSONDecodeError as err:
            fix = _JSON_EXAMPLES.get(column, '["Tencent", "WeChat"] or Tencent; WeChat')
            reason = f"not valid JSON ({err.msg} at character {err.pos + 1})"
            bad.append((column, f"{reason}; write it like {fix}"))
            return None
        if not isinstance(parsed, kind):
            what = "an array [...]" if kind is list else "an object {...}"
            bad.append((column, f"must be a JSON {what}"))
            return None
        return parsed

    for column in (*_TEXT, *_LISTS, "location", "description", "related"):
        value = text(column)
        if value is None:
            continue
        if column in _LIST_COLUMNS:
            if not value.startswith("[") and "," in value and ";" not in value:
                # "Tencent, WeChat" would silently be one actor named "Tencent, WeChat"
                fixed = "; ".join(item.strip() for item in value.split(",") if item.strip())
                bad.append(
                    (
                        column,
                        f"{value!r} holds a comma, but CSV lists are separated by ';': write "
                        f"{fixed!r}, or a JSON list such as {json.dumps([value])} for one name",
                    )
                )
                continue
            items = cell_json(column, list) if value.startswith("[") else _split(value)
            if items is not None:
                event[column] = items
        else:
            event[column] = value
    first = {f: v for f in _SOURCE if (v := text(f"source_{f}")) is not None}
    more = cell_json("more_sources", list)
    if first or more:
        event["sources"] = [first, *(more or [])]
    target = {f: v for f in _TARGET if (v := text(f"target_{f}")) is not None}
    baseline = cell_json("target_baseline", dict)
    if baseline is not None:
        target["baseline"] = baseline
    if target:
        event["target"] = target
    for column, field in (("claims", "claims"), ("observations", "observations")):
        items = cell_json(column, list)
        if items is not None:
            event[field] = items
    return event, bad


def _split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(";") if item.strip()]


def _join(items: list[str]) -> str:
    plain = "; ".join(items)
    # Plain joining is used only when it reads back to the very same list (a lone
    # name with a comma is refused on reading, so it goes as JSON).
    lone_comma = "," in plain and ";" not in plain
    if not plain.startswith("[") and not lone_comma and _split(plain) == items:
        return plain
    return json.dumps(items, ensure_ascii=False)


def _label(path: Path) -> str:
    """The CSV column (and position inside a JSON cell) a path points at."""
    rest = path[2:] if path[:1] == ("events",) else path
    if not rest:
        return ""
    head = rest[0]
    if head == "sources" and len(rest) > 1 and isinstance(rest[1], int):
        if rest[1] == 0:
            return f"source_{rest[2]}" if len(rest) > 2 else "source_title"
        return "more_sources" + dotted((rest[1] - 1, *rest[2:]))
    if head == "target" and len(rest) > 1:
        if rest[1] == "baseline":
            return "target_baseline" + dotted(rest[2:], leading=True)
        return f"target_{rest[1]}"
    return dotted(rest)


def write(document: Document) -> str:
    """The document's events as CSV text with the full header.

    >>> print(write({"events": [{"title": "A", "when": "2026", "tags": ["x", "y"]}]}), end="")
    id,title,when,end,status,kind,actors,tags,location,description,related,source_title,source_publisher,source_url,source_published,source_quote,more_sources,claims,target_metric,target_goal,target_deadline,target_baseline,observations
    ,A,2026,,,,,x; y,,,,,,,,,,,,,,,
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for event in document.get("events", []):
        writer.writerow([_cell(event, column) for column in COLUMNS])
    return out.getvalue()


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
