"""Reading CSV rows in Python: `_Reader`, the csv module's reader with no field limit.

The csv module refuses a cell over its process-wide field limit; `timeline.formats._csv`
then reads the text again with `_Reader`, which gives the same rows and line numbers.
`_unclosed` and `_open_quote` find a quote that opens a cell and is never closed, as
the csv module reads it, so the error can name its line.
"""

from __future__ import annotations

import csv
import re

__all__: list[str] = []


# The states of the csv module's reader (CPython's Modules/_csv.c), for `_Reader`.
_START_RECORD, _START_FIELD, _IN_FIELD, _IN_QUOTED, _QUOTE_IN_QUOTED, _EAT_CRNL = range(6)
_LINE_END = re.compile(r"\r\n|\r|\n")


class _Reader:
    r"""``csv.reader(io.StringIO(text, newline=""), delimiter)`` in Python, with no field limit.

    The csv module refuses a cell over `csv.field_size_limit` (131,072 characters
    unless changed), a limit shared by the whole process, there to bound the
    memory a stream can take. A data file is already in memory, so its cells are
    read here instead when the module refuses them: the same states as the
    module's reader (the default dialect: ``"`` quotes, doubled inside quotes,
    not strict), the same rows and the same ``line_num``; the limit is never
    touched, so no other thread sees it change.

    >>> rows = _Reader('a,"b\n""c"" d",e\r\nf', ",")
    >>> list(rows), rows.line_num
    ([['a', 'b\n"c" d', 'e'], ['f']], 3)
    """

    def __init__(self, text: str, delimiter: str) -> None:
        self.text = text
        self.delimiter = delimiter
        self.line_num = 0  # lines read so far, as the csv module counts them
        self._at = 0
        self._plain = re.compile(f"[^\r\n{re.escape(delimiter)}]+")  # the rest of an unquoted cell

    def __iter__(self) -> _Reader:
        return self

    def __next__(self) -> list[str]:
        text = self.text
        fields: list[str] = []
        cell: list[str] = []
        state = _START_RECORD
        while True:
            if self._at >= len(text):
                if state == _IN_QUOTED:  # a quote never closed: the cell runs to the end
                    fields.append("".join(cell))
                    return fields
                raise StopIteration
            m = _LINE_END.search(text, self._at)
            start, end = self._at, (m.end() if m is not None else len(text))
            self._at = end
            self.line_num += 1
            state = self._line(start, end, state, fields, cell)
            if state == _START_RECORD:
                return fields

    def _line(self, i: int, end: int, state: int, fields: list[str], cell: list[str]) -> int:
        """Read ``text[i:end]`` (one line and its end) on from ``state``; the state after it."""
        text, delimiter, plain = self.text, self.delimiter, self._plain

        def save() -> None:
            fields.append("".join(cell))
            cell.clear()

        while i < end:
            c = text[i]
            if state == _START_RECORD:
                if c in "\r\n":
                    state, i = _EAT_CRNL, i + 1
                    continue
                state = _START_FIELD
            if state == _START_FIELD:
                if c in "\r\n":
                    save()
                    state, i = _EAT_CRNL, i + 1
                elif c == '"':
                    state, i = _IN_QUOTED, i + 1
                elif c == delimiter:
                    save()
                    i += 1
                else:
                    state = _IN_FIELD
            elif state == _IN_FIELD:
                if c in "\r\n":
                    save()
                    state, i = _EAT_CRNL, i + 1
                elif c == delimiter:
                    save()
                    state, i = _START_FIELD, i + 1
                else:  # a quote inside an unquoted cell is text
                    run = plain.match(text, i, end)
                    assert run is not None
                    cell.append(run[0])
                    i = run.end()
            elif state == _IN_QUOTED:
                quote = text.find('"', i, end)
                if quote < 0:  # line ends inside quotes are text
                    cell.append(text[i:end])
                    i = end
                else:
                    cell.append(text[i:quote])
                    state, i = _QUOTE_IN_QUOTED, quote + 1
            elif state == _QUOTE_IN_QUOTED:
                if c == '"':  # "" is a quote
                    cell.append(c)
                    state, i = _IN_QUOTED, i + 1
                elif c == delimiter:
                    save()
                    state, i = _START_FIELD, i + 1
                elif c in "\r\n":
                    save()
                    state, i = _EAT_CRNL, i + 1
                else:  # text after the closing quote joins the cell
                    cell.append(c)
                    state, i = _IN_FIELD, i + 1
            elif c in "\r\n":  # _EAT_CRNL
                i += 1
            else:
                raise csv.Error("new-line character seen in unquoted field")
        # the end of the line
        if state in (_START_FIELD, _IN_FIELD, _QUOTE_IN_QUOTED):
            save()
            return _START_RECORD
        return _START_RECORD if state == _EAT_CRNL else state


def _unclosed(text: str, row: list[str], start: int, delimiter: str) -> int | None:
    """The line of a quote in the row starting on line ``start`` that is never closed.

    The csv module, not strict, reads such a quote to the end of the file as one
    cell; so only a row whose last cell runs on over line ends, or a file that
    ends without one, is looked at.
    """
    last = row[-1] if row else ""
    if "\n" not in last and "\r" not in last and text.endswith(("\n", "\r")):
        return None
    offset = 0
    for _ in range(start - 1):
        offset = text.find("\n", offset) + 1
        if offset == 0:
            return None
    opened = _open_quote(text, offset, delimiter)
    return None if opened is None else text.count("\n", 0, opened) + 1


def _open_quote(text: str, index: int, delimiter: str) -> int | None:
    """Where a quote that is never closed opens, scanning from ``index`` as the csv module reads."""
    plain = re.compile(f'[^"\r\n{re.escape(delimiter)}]*')
    at_start = True
    while index < len(text):
        if at_start and text[index] == '"':
            opened, index = index, index + 1
            while True:  # inside quotes: "" is a quote, " ends the quoted part
                index = text.find('"', index)
                if index < 0:
                    return opened
                if text.startswith('""', index):
                    index += 2
                    continue
                index += 1
                break
            at_start = False
            continue
        index = plain.match(text, index).end()  # type: ignore[union-attr]
        if index < len(text):
            # a separator or line end starts a new cell; a quote inside a cell is text
            at_start = text[index] != '"'
            index += 1
    return None
