"""JSON data files: the same document as YAML, for programs.

The stdlib parser reads the text (and reports the line of a syntax error).
Only when a problem must be reported does a second, small walk over the
known-good text find the line of every field, so content problems point at a
line too; the same walk names keys given twice in one object (which `json`
silently lets the last one win).
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from timeline._errors import DataFileError, DataFileProblem, quoted
from timeline.records._schema import Document, Locations, Path, capped

__all__ = ["MAX_DEPTH", "limit_problem", "read", "write"]

_SPACE = re.compile(r"[ \t\n\r]*")
# A timeline file nests six levels at most (events > claim > source > field);
# deeper values are skipped by the line finder, and a file the parser cannot
# even read for depth is refused at the line where it passes this many levels.
MAX_DEPTH = 100
# Strings (skipped whole, so brackets and digits inside them do not count) and brackets.
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _number(text: str) -> int | Decimal:
    # Every digit kept: fractions and exponents ("2.5e-7", "1e21") as exact Decimals,
    # integers as int unless longer than Python turns into one (the figure reader
    # refuses those with the field's line).
    return int(text) if len(text) <= 4300 else Decimal(text)


class _NotANumber(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity``: Python's json reads them, JSON has none."""


def _constant(token: str) -> Any:
    raise _NotANumber(
        f"{token} is not a JSON number (JSON has no NaN or Infinity); leave the field out if "
        "the value is not known, or write it as text in quotes"
    )


_NUMBERS: dict[str, Any] = {
    "parse_float": Decimal,
    "parse_int": _number,
    "parse_constant": _constant,
}
# Strings (skipped whole) and the tokens `_constant` refuses, to find the line of one.
_CONSTANTS = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)')


def _json_fix(text: str, pos: int) -> str:
    """A fix for a JSON syntax error at ``pos``: the common slips named, else the text there."""
    before = text[:pos].rstrip()
    if before.endswith(",") and text[pos : pos + 1] in ("}", "]"):
        return f"remove the comma before {quoted(text[pos])} (JSON allows no trailing commas)"
    if text[pos : pos + 1] == "'":
        return "JSON needs double quotes around names and text"
    near = text[pos : pos + 30].split("\n")[0]
    return f"check the JSON near {quoted(near)}" if near.strip() else "check the end of the file"


def read(text: str, file: str | None = None) -> tuple[Any, Locations]:
    """Parse JSON text into plain data and the line of every field.

    >>> data, where = read('{"events": [\\n {"title": "A",\\n  "when": "2026"}]}')
    >>> where.line(("events", 0, "when"))
    3
    """
    duplicated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated
        out = dict(items)
        duplicated = duplicated or len(out) < len(items)
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs, **_NUMBERS)
    except json.JSONDecodeError as err:
        line, column = _place(text, err.pos)
        message = f"not valid JSON: {err.msg} (column {column}); {_json_fix(text, err.pos)}"
        raise DataFileError([DataFileProblem(message, file=file, line=line)]) from None
    except (RecursionError, ValueError) as err:
        raise DataFileError([limit_problem(text, err, file)]) from None
    if duplicated:  # json keeps the last value silently; find and report each one
        walker = _Walker(text, file)
        walker.walk()
        raise DataFileError(capped(walker.problems, file))
    # Lines are needed only to report problems, so the slower walk that finds
    # them runs only if a problem is reported.
    return data, Locations(file, _Lines(text, file))


# Line ends as editors count them: CR LF, LF, and a CR alone (old Mac files).
_LINE_ENDS = re.compile(r"\r\n?|\n")


def _line_starts(text: str) -> list[int]:
    """Where each line end is, counting a lone CR as one (only looked for when there is a CR)."""
    if "\r" not in text:
        return [m.start() for m in re.finditer("\n", text)]
    return [m.start() for m in _LINE_ENDS.finditer(text)]


def _place(text: str, index: int) -> tuple[int, int]:
    r"""The line and column of ``index``, counting lines as an editor does.

    >>> _place('{\r"a":\r1,}', 9)
    (3, 3)
    """
    if "\r" not in text:
        line_start = text.rfind("\n", 0, index) + 1
        return text.count("\n", 0, index) + 1, index - line_start + 1
    ends = [m.end() for m in _LINE_ENDS.finditer(text, 0, index)]
    return len(ends) + 1, index - (ends[-1] if ends else 0) + 1


def limit_problem(
    text: str, err: RecursionError | ValueError, file: str | None, *, line: int | None = None
) -> DataFileProblem:
    """The problem for JSON the parser gives up on without a syntax error.

    Nesting too deep, or ``NaN``/``Infinity`` (which Python's json reads, as JSON does not).

    ``line`` places the problem when the JSON is one cell of a larger file (CSV).
    (Numbers of any length are read, by `_NUMBERS`; the figure reader judges them.)

    >>> str(limit_problem("[" * 5000 + "]" * 5000, RecursionError(), "a.json"))
    'a.json:1: nested more than 100 levels deep; a timeline file needs at most 6'
    """
    if isinstance(err, RecursionError):
        index = _too_deep(text)
        message = f"nested more than {MAX_DEPTH} levels deep; a timeline file needs at most 6"
    elif isinstance(err, _NotANumber):
        found = next((m for m in _CONSTANTS.finditer(text) if m.group(1)), None)
        index, message = (found.start() if found else None), str(err)
    else:
        index, message = None, f"not valid JSON: {err}"
    if line is None and index is not None:
        line = _place(text, index)[0]
    return DataFileProblem(message, file=file, line=line)


def _too_deep(text: str, start: int = 0) -> int | None:
    """Where the nesting first passes `MAX_DEPTH` levels, in one pass over the text."""
    depth = 0
    for match in _TOKENS.finditer(text, start):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif char in "]}":
            depth -= 1
    return None


def _skip(text: str, index: int) -> int:
    """The index just past the array or object opening at ``index``, found without recursion."""
    depth = 0
    for match in _TOKENS.finditer(text, index):
        char = match.group()
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return match.end()
    return len(text)


class _Lines(Mapping[Path, int]):
    """The line of every path, found on first use."""

    def __init__(self, text: str, file: str | None) -> None:
        self._text, self._file = text, file

    @functools.cached_property
    def _lines(self) -> dict[Path, int]:
        walker = _Walker(self._text, self._file)
        walker.walk()
        return walker.lines

    def __getitem__(self, path: Path) -> int:
        return self._lines[path]

    def __iter__(self) -> Iterator[Path]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


class _Walker:
    """Re-reads valid JSON, noting the line each value and key starts on."""

    def __init__(self, text: str, file: str | None) -> None:
        self.text = text
        self.file = file
        self.newlines = _line_starts(text)
        self.decoder = json.JSONDecoder(**_NUMBERS)
        self.lines: dict[Path, int] = {}
        self.problems: list[DataFileProblem] = []

    def walk(self) -> Any:
        """The whole document, noting lines and keys given twice."""
        return self.value(self.skip(0), ())[0]

    def line(self, index: int) -> int:
        return bisect.bisect_left(self.newlines, index) + 1

    def skip(self, index: int) -> int:
        return _SPACE.match(self.text, index).end()  # type: ignore[union-attr]

    def value(self, index: int, path: Path) -> tuple[Any, int]:
        """The value starting at ``index`` and the index just past it."""
        self.lines.setdefault(path, self.line(index))
        char = self.text[index]
        if char in "[{" and len(path) > MAX_DEPTH:
            # Deeper than any field: its lines are never asked for; skip it whole.
            return None, _skip(self.text, index)
        if char == "{":
            return self.object(index, path)
        if char == "[":
            items: list[Any] = []
            index = self.skip(index + 1)
            while self.text[index] != "]":
                item, index = self.value(index, (*path, len(items)))
                items.append(item)
                index = self.skip(index)
                if self.text[index] == ",":
                    index = self.skip(index + 1)
            return items, index + 1
        scalar: Any
        scalar, end = self.decoder.raw_decode(self.text, index)
        return scalar, end

    def object(self, index: int, path: Path) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        seen: dict[str, int] = {}
        index = self.skip(index + 1)
        while self.text[index] != "}":
            line = self.line(index)
            key, index = self.decoder.raw_decode(self.text, index)
            index = self.skip(self.skip(index) + 1)  # past the colon
            value, index = self.value(index, (*path, key))
            if key in seen:
                self.problems.append(
                    DataFileProblem(
                        f"given twice (also on line {seen[key]})",
                        file=self.file,
                        line=line,
                        field=key,
                    )
                )
            else:
                seen[key] = line
                self.lines[(*path, key)] = line
                out[key] = value
            index = self.skip(index)
            if self.text[index] == ",":
                index = self.skip(index + 1)
        return out, index + 1


def write(document: Document) -> str:
    """The document as indented JSON text (UTF-8 kept readable).

    >>> print(write({"events": []}), end="")
    {
      "events": []
    }
    """
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
