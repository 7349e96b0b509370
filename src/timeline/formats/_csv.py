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
events only: a timeline's ``name`` and ``description`` are not kept (`write`
says so with a `TimelineWarning`), and a timeline with ``fiscal_years`` is
refused (use YAML, JSON or Parquet). Problems
are reported at the line where the row starts, with the column name, all at once.

Files from spreadsheets read as they are: a byte-order mark, ``;`` or tab as the
separator (detected from the header, or named by Excel's ``sep=;`` first line, with
a `TimelineWarning`), header names in any case, blank lines above the header, and
empty columns without a name (a trailing comma; a value under one is a problem).

A cell a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab, CR or LF, or a full-width ``＝``, ``＋``, ``－`` or ``＠``: OWASP "CSV
injection") is written after a ``'``, as is a cell
already starting with ``'``; reading strips exactly one ``'`` before those
characters, so what is saved is what is read. A cell may be of any length: one over
the csv module's process-wide field limit (131,072 characters) is read by `_Reader`,
and the limit is left as it is.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from collections.abc import Iterator
from typing import Any, Final, Protocol

from timeline._errors import DataFileError, DataFileProblem, quoted, warn_user
from timeline.formats._csv_reader import _Reader, _unclosed
from timeline.formats._json import _NUMBERS, limit_problem
from timeline.records._schema import MAX_PROBLEMS, Document, Locations, Path, capped, dotted

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

    The separator (comma, ``;`` or tab) is the one that makes the header's
    names known columns; a file not separated by commas is read with a
    `TimelineWarning` saying so. Header names match whatever their case and
    surrounding spaces. Every problem is reported at once, cell and value alike.

    >>> data, where = read("title,when,actors\\nA,April 2026,X; Y\\n")
    >>> data["events"], where.line(("events", 0, "when"))
    ([{'title': 'A', 'when': 'April 2026', 'actors': ['X', 'Y']}], 2)
    """
    text = text.removeprefix("\ufeff")
    hint = _SEP_LINE.match(text)
    if hint is not None:
        # Excel's "sep=;" line says the separator; it is blanked, so lines keep their numbers.
        delimiter, text = hint.group(1), "\n" + text[hint.end() :]
    else:
        delimiter = _delimiter(text)
    if delimiter != ",":
        name = "tab" if delimiter == "\t" else repr(delimiter)
        warn_user(
            f"{file or 'CSV text'}: read as separated by {name}, not commas "
            "(the header's names are separated by it)"
        )
    try:
        return _read(
            text, file, delimiter, csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        )
    except _CsvModuleError:
        # The csv module refused the text (a cell over its process-wide field limit): the
        # same reading in Python, which needs no limit for a text already in memory.
        return _read(text, file, delimiter, _Reader(text, delimiter))


class _CsvModuleError(Exception):
    """The csv module raised `csv.Error`: read again with `_Reader`."""


class _RowReader(Protocol):
    """The csv module's reader, or `_Reader`: rows, and the number of lines read so far."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


def _read(
    text: str, file: str | None, delimiter: str, reader: _RowReader
) -> tuple[dict[str, Any], Locations]:
    problems: list[DataFileProblem] = []
    lines: dict[Path, int] = {}
    events: list[dict[str, Any]] = []
    columns_ok = False
    stopped_at: int | None = None
    try:
        raw_header = next(reader, None)
        while raw_header is not None and not _filled(raw_header):
            raw_header = next(reader, None)  # blank lines above the header
        if raw_header is None:
            raise DataFileError([DataFileProblem("empty file: no header row", file=file)])
        header = [_column(h) for h in raw_header]
        problems += _check_header(raw_header, header, file, reader.line_num)
        # With no title or when column every row would repeat it: values are not judged.
        columns_ok = "title" in header and "when" in header

        def add(start: int, row: list[str]) -> None:
            path: Path = ("events", len(events))
            lines[path] = start
            if len(row) > len(header):
                problems.append(DataFileProblem(_ragged(row, len(header)), file=file, line=start))
                return
            for i, (name, cell) in enumerate(zip(header, row, strict=False)):
                if name == "" and cell.strip():
                    message = (
                        f"{quoted(cell)} is in column {i + 1}, which has no name in the header; "
                        "name the column (e.g. actors) or remove the cell"
                    )
                    problems.append(DataFileProblem(message, file=file, line=start))
            cells = {h: _unescape(c) for h, c in zip(header, row, strict=False) if h in COLUMNS}
            event, bad = _event(cells)
            for column, message in bad:
                problems.append(DataFileProblem(message, file=file, line=start, field=column))
            events.append(event)

        # Each row is added once the next one is read: a quote never closed swallows the
        # rest of the file into the last row, which is then refused, not added.
        last = reader.line_num
        pending: tuple[int, list[str]] | None = None
        for row in reader:
            start, last = last + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank lines between rows are harmless
            if pending is not None:
                add(*pending)
                if len(problems) >= MAX_PROBLEMS:
                    # A problem in every row: stop at this one, as the value reader does.
                    stopped_at, pending = start, None
                    break
            pending = (start, row)
        if pending is not None:
            opened = _unclosed(text, pending[1], pending[0], delimiter)
            if opened is None:
                add(*pending)
            else:
                message = (
                    'a quote (") opens a cell here and is never closed, so every later line '
                    'would be part of that cell; close it, or write a quote inside a cell as ""'
                )
                problems.append(DataFileProblem(message, file=file, line=opened))
    except csv.Error as err:
        if not isinstance(reader, _Reader):
            raise _CsvModuleError from err
        line = reader.line_num or None
        problems.append(DataFileProblem(f"not valid CSV: {err}", file=file, line=line))
    where = Locations(file, lines, label=_label)
    if problems:
        if columns_ok:
            # The cells' problems and the values' problems, together in file order.
            problems += _value_problems({"events": events}, where)
        raise DataFileError(capped(problems, file, stopped_at))
    return {"events": events}, where


def _value_problems(document: dict[str, Any], where: Locations) -> list[DataFileProblem]:
    from timeline.records._schema_read import document_to_timeline

    try:
        document_to_timeline(document, where)
    except DataFileError as err:
        return list(err.problems)
    return []


_DELIMITERS = (",", ";", "\t")
# The line Excel writes first to say the separator ("sep=;"), and reads, but no other tool.
_SEP_LINE = re.compile(r"sep=([,;\t])[ ]*\r?\n")


def _delimiter(text: str) -> str:
    """The separator that makes the most of the header's names known columns (comma on a tie)."""

    def known(delimiter: str) -> int:
        try:
            rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            cells = next((row for row in rows if _filled(row)), [])
        except csv.Error:  # a header cell over the csv module's limit
            cells = next((row for row in _Reader(text, delimiter) if _filled(row)), [])
        return sum(_column(cell) in COLUMNS for cell in cells)

    return max(_DELIMITERS, key=known)  # max keeps the first of equals: the comma


def _filled(row: list[str]) -> bool:
    """Whether a row holds anything: blank lines and rows of empty cells are skipped."""
    return any(cell.strip() for cell in row)


def _column(name: str) -> str:
    return name.strip().lower()


# The first characters with which a spreadsheet runs a cell as a formula (the OWASP testing
# guide's "CSV injection" list): = + - @, tab, CR and LF, and the full-width forms of the
# four signs (U+FF1D, U+FF0B, U+FF0D, U+FF20), which Excel in East Asian locales also reads as
# a formula. Such a cell is written after a "'", which spreadsheets show as text.
_FORMULA = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
_ESCAPED = _FORMULA | {"'"}


def _unescape(cell: str) -> str:
    """A cell as read: exactly one "'" stripped before a formula character or a "'".

    >>> _unescape("'=SUM(A1)"), _unescape("''quoted"), _unescape("'plain")
    ('=SUM(A1)', "'quoted", "'plain")
    """
    return cell[1:] if cell[:1] == "'" and cell[1:2] in _ESCAPED else cell


def _check_header(
    raw: list[str], header: list[str], file: str | None, line: int = 1
) -> list[DataFileProblem]:
    problems: list[DataFileProblem] = []
    separator = next((sep for sep in ";\t|" if sep in raw[0]), None) if raw else None
    if len(raw) == 1 and separator is not None and header[0] not in COLUMNS:
        # A separator we do not read ('|'): say so, not "unknown column".
        message = (
            f"the header {quoted(raw[0])} is one column: the file is separated by "
            f"{quoted(separator)}, "
            "not commas; save it as comma-separated CSV"
        )
        return [DataFileProblem(message, file=file, line=line)]
    seen: set[str] = set()
    for given, name in zip(raw, header, strict=True):
        if len(problems) > MAX_PROBLEMS:
            break  # thousands of unknown columns: `capped` says where reading stopped
        shown = given.strip()
        if name == "":
            continue  # an empty column (a trailing comma): harmless while its cells are empty
        if name in seen:
            twice = DataFileProblem("column given twice", file=file, line=line, field=shown)
            problems.append(twice)
        seen.add(name)
        if name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1)
            fix = (
                f"did you mean {quoted(close[0])}?"
                if close
                else f"columns are {', '.join(COLUMNS)}"
            )
            problems.append(
                DataFileProblem(f"unknown column; {fix}", file=file, line=line, field=shown)
            )
    for name in ("title", "when"):
        if name not in seen:
            problems.append(DataFileProblem(f"missing column {quoted(name)}", file=file, line=line))
    return problems


# What a JSON cell looks like, for error messages.
_JSON_EXAMPLES: Final = {
    "claims": '[{"stated": "2026-04-20", "when": "May 2026"}]',
    "observations": '[{"when": "2026-03", "value": "$300 million"}]',
    "more_sources": '[{"title": "Reuters", "url": "https://..."}]',
    "target_baseline": '{"when": "2026-03", "value": "$300 million"}',
}


def _ragged(row: list[str], columns: int) -> str:
    """The problem of a row with more cells than the header has columns, with the likely fix.

    A comma in prose is followed by a space; a separator seldom is: the first run of cells
    led by a space, joined back, is most likely one cell that needed quotes.

    >>> print(_ragged(["Acme", " Inc. launch", "2026"], 2))
    3 cells but the header has 2 columns (no column for '2026'); a cell holding a comma needs \
quotes: "Acme, Inc. launch"
    """
    extra = row[columns:]
    shown = ", ".join(repr(cell) for cell in extra[:3]) + (", …" if len(extra) > 3 else "")
    fix = 'quote cells that hold a comma: "a, b"'
    for i in range(len(row) - 1):
        end = i + 1
        while end < len(row) and end - i <= len(extra) and row[end].startswith(" "):
            end += 1
        if end > i + 1 and row[i].strip():
            fix = f'a cell holding a comma needs quotes: "{",".join(row[i:end])}"'
            break
    return f"{len(row)} cells but the header has {columns} columns (no column for {shown}); {fix}"


def _json_kind(value: Any) -> str:
    """What a JSON value is, as a message names it.

    >>> _json_kind({}), _json_kind(None), _json_kind(5), _json_kind("x")
    ('an object', 'null', 'a number', 'a string')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    kinds = ((dict, "an object"), (list, "an array"), (str, "a string"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "a number")


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
        twice: list[str] = []

        def once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
            # json keeps the last of a key given twice, silently; JSON files refuse it
            found = dict(pairs)
            if len(found) < len(pairs):
                seen: set[str] = set()
                for key, _ in pairs:
                    if key in seen:
                        twice.append(key)
                    seen.add(key)
            return found

        try:
            parsed = json.loads(value, object_pairs_hook=once, **_NUMBERS)  # numbers exact
        except json.JSONDecodeError as err:
            fix = _JSON_EXAMPLES.get(column, '["Tencent", "WeChat"] or Tencent; WeChat')
            reason = f"not valid JSON ({err.msg} at character {err.pos + 1})"
            bad.append((column, f"{reason}; write it like {fix}"))
            return None
        except (RecursionError, ValueError) as err:  # too deep, or a number too long
            bad.append((column, limit_problem(value, err, None).message))
            return None
        if twice:
            for key in dict.fromkeys(twice):
                bad.append((column, f"{quoted(key)} is given twice in the JSON; keep one"))
            return None
        if not isinstance(parsed, kind):
            what = "a JSON array [...]" if kind is list else "a JSON object {...}"
            fix = _JSON_EXAMPLES.get(column, '["Tencent", "WeChat"]')
            bad.append((column, f"must be {what}, not {_json_kind(parsed)}; write it like {fix}"))
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
                        f"{quoted(value)} holds a comma, but CSV lists are separated by ';': write "
                        f"{quoted(fixed)}, or a JSON list such as {json.dumps([value])} for one "
                        "name",
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


def write(document: Document, file: str | None = None) -> str:
    """The document's events as CSV text with the full header.

    A timeline's ``fiscal_years`` have no place in a CSV file and say how its
    dates were read, so a document with them is refused (`DataFileError`, naming
    ``file``) rather than written without them; YAML and JSON keep them.

    >>> print(write({"events": [{"title": "A", "when": "2026", "tags": ["x", "y"]}]}), end="")
    id,title,when,end,status,kind,actors,tags,location,description,related,source_title,source_publisher,source_url,source_published,source_quote,more_sources,claims,target_metric,target_goal,target_deadline,target_baseline,observations
    ,A,2026,,,,,x; y,,,,,,,,,,,,,,,
    >>> write({"fiscal_years": {"Microsoft": "July"}, "events": []}, "t.csv")
    Traceback (most recent call last):
    ...
    timeline._errors.DataFileError: t.csv: fiscal_years: a CSV file holds events only, ...
    """
    from timeline.formats._csv_writer import write_rows  # the writer imports this module

    return write_rows(document, file)
