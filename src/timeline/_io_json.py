"""JSON data files: the same document as YAML, for programs.

The stdlib parser checks the syntax (and reports the line of a syntax error);
a second, small walk over the now known-good text notes the line of every
field, so problems in the content point at a line too, and catches keys given
twice in one object (which `json` silently lets the last one win).
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

from timeline._errors import DataFileError, DataFileProblem
from timeline._schema import Document, Locations, Path

__all__ = ["read", "write"]

_SPACE = re.compile(r"[ \t\n\r]*")


def read(text: str, file: str | None = None) -> tuple[Any, Locations]:
    """Parse JSON text into plain data and the line of every field.

    >>> data, where = read('{"events": [\\n {"title": "A",\\n  "when": "2026"}]}')
    >>> where.line(("events", 0, "when"))
    3
    """
    try:
        json.loads(text)
    except json.JSONDecodeError as err:
        raise DataFileError(
            [DataFileProblem(f"not valid JSON: {err.msg}", file=file, line=err.lineno)]
        ) from None
    walker = _Walker(text, file)
    data = walker.value(_SPACE.match(text, 0).end(), ())[0]  # type: ignore[union-attr]
    if walker.problems:
        raise DataFileError(walker.problems)
    return data, Locations(file, walker.lines)


class _Walker:
    """Re-reads valid JSON, noting the line each value and key starts on."""

    def __init__(self, text: str, file: str | None) -> None:
        self.text = text
        self.file = file
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.decoder = json.JSONDecoder()
        self.lines: dict[Path, int] = {}
        self.problems: list[DataFileProblem] = []

    def line(self, index: int) -> int:
        return bisect.bisect_left(self.newlines, index) + 1

    def skip(self, index: int) -> int:
        return _SPACE.match(self.text, index).end()  # type: ignore[union-attr]

    def value(self, index: int, path: Path) -> tuple[Any, int]:
        """The value starting at ``index`` and the index just past it."""
        self.lines.setdefault(path, self.line(index))
        char = self.text[index]
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
