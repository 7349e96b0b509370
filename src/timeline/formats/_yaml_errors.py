"""Advice for YAML the reader refused: where the mistake is and the fix a person can make.

A YAML parser reports where it gave up, often lines after the slip that caused it
(a key run into its value, a quote never closed, one space too many); these name the
slip where it is, and the fix, for `timeline.formats._yaml.read`.
"""

from __future__ import annotations

import json
import re

import yaml

from timeline._errors import DataFileProblem, quoted

__all__ = ["BREAK_NAMES", "ODD_BREAKS", "odd_break", "syntax_fix", "typing_slip", "unreadable"]


def unreadable(text: str, err: yaml.reader.ReaderError, file: str | None) -> DataFileProblem:
    """A character YAML does not allow in a file (a control character), placed, with the fix.

    libyaml counts the position in bytes; the first such character is the one refused.
    """
    code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or " ")
    at = text.find(chr(code))
    if at < 0:
        return DataFileProblem(f"not valid YAML: {err}", file=file)
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    escape = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    message = (
        f"{chr(code)!r} (a control character) at column {column} cannot be in a YAML file as "
        f'it is; write it as the escape "{escape}" inside double quotes, or remove it'
    )
    return DataFileProblem(message, file=file, line=line)


# Characters YAML 1.1 (so PyYAML and libyaml) takes for line ends, anywhere in a file, though
# editors show no line end there: pasted from a web page, they broke a line in two.
ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
BREAK_NAMES = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


def odd_break(text: str, at: int, file: str | None) -> DataFileProblem:
    r"""The problem for a U+0085, U+2028 or U+2029 at ``at``, placed as an editor counts lines.

    >>> str(odd_break("title: A\u2028B", 8, "t.yaml"))[:54]
    "t.yaml:1: '\\u2028' (LINE SEPARATOR) at column 9 ends a"
    """
    char = text[at]
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    escape = f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    message = (
        f"{quoted(char)} ({BREAK_NAMES[char]}) at column {column} ends a line to YAML, though an "
        f'editor shows none; write it as the escape "{escape}" inside double quotes, or remove it'
    )
    return DataFileProblem(message, file=file, line=line)


def syntax_fix(text: str, reason: str, line: int | None, column: int | None = None) -> str:
    """The usual cause of a YAML syntax error, as a fix the user can make."""
    source = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    if "\t" in source[: len(source) - len(source.lstrip())]:
        return "indent with spaces: YAML does not allow tabs"
    char = source[column] if column is not None and 0 <= column < len(source) else ""
    if "cannot start any token" in reason and char in _RESERVED:
        return _reserved_fix(source, char)
    indentation = _indentation_fix(text, source, line)
    if indentation is not None:
        return indentation
    if "maximum nesting depth" in reason:
        return (
            "values are nested too deeply (a timeline file needs at most 6 levels): look for "
            "brackets that are never closed"
        )
    if "found another document" in reason:
        return (
            "a data file holds one YAML document: remove the '---' line and put every event "
            "under one 'events:'"
        )
    if "mapping values are not allowed" in reason:
        return "put text holding ': ' in quotes, e.g. title: \"Sora: the end\""
    if "expected ',' or ']'" in reason or "expected ',' or '}'" in reason:
        return "close the [...] or {...} list, and quote items that hold ',' or ':'"
    return "check the indentation and quoting of this line and the one above"


# Typing slips YAML reads as something else and reports lines later: a key run into its value
# ("title:A" is one text), a dash run into its item ("-title: A"), a key without its colon.
_NO_SPACE_AFTER_COLON = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z_][\w-]*):(?P<rest>[^\s/].*)$")
_NO_SPACE_AFTER_DASH = re.compile(r"^(?P<indent>\s*)-(?P<item>[A-Za-z_][\w-]*:\s.*)$")
_BARE_KEY = re.compile(r"^(?P<indent>\s*)(?P<key>[A-Za-z_][\w-]*)\s*$")
_SLIP_REACH = 3  # lines above the reported one that are looked at


def typing_slip(text: str, err: yaml.MarkedYAMLError, line: int | None) -> tuple[int, str] | None:
    """A typing slip at or just above ``line`` that explains the error: its line, the message.

    >>> typing_slip("events:\\n  - title:A\\n    when: 2026\\n", yaml.MarkedYAMLError(), 3)
    (2, "'title:A' needs a space after ':' (title: A), or YAML reads it as one text")
    """
    mark = err.context_mark
    if err.context and "quoted scalar" in err.context and mark is not None:
        quote = text.splitlines()[mark.line][mark.column : mark.column + 1] if text else '"'
        other = "''" if quote == "'" else '\\"'
        return mark.line + 1, (
            f"a quote ({quote}) opened at column {mark.column + 1} is never closed; close it, "
            f"or write a {quote} inside the text as {other}"
        )
    lines = text.splitlines()
    if line is None:
        return None
    here = lines[line - 1] if line <= len(lines) else ""
    if "\t" in here[: len(here) - len(here.lstrip())]:
        return None  # a tab in the indentation: `syntax_fix` says so
    for number in range(min(line, len(lines)), max(line - _SLIP_REACH, 1) - 1, -1):
        source = lines[number - 1]
        colon = _NO_SPACE_AFTER_COLON.match(source)
        if colon is not None:
            key, rest = colon.group("key"), colon.group("rest")
            shown = f"{key}:{rest}"
            return number, (
                f"{quoted(shown)} needs a space after ':' ({key}: {rest}), or YAML reads it as one "
                "text"
            )
        dash = _NO_SPACE_AFTER_DASH.match(source)
        if dash is not None:
            return number, (
                f"a list item needs a space after '-' ({dash.group('indent')}- "
                f"{dash.group('item').strip()})"
            )
        bare = _BARE_KEY.match(source)
        below = next((later for later in lines[number:] if later.strip()), "")
        if bare is not None and len(below) - len(below.lstrip()) > len(bare.group("indent")):
            key = bare.group("key")
            return (
                number,
                f"{quoted(key)} needs a ':' after it ({key}:), as the lines under it hold its "
                "value",
            )
    return None


# Characters YAML reserves (or gives a meaning: a directive) that cannot start a plain value:
# "@mention", "`code`", "%" typed at the start of a title.
_RESERVED = frozenset("@`%")


def _reserved_fix(source: str, char: str) -> str:
    """The fix for a value starting with a reserved character: the line with the value quoted.

    >>> print(_reserved_fix("  - title: @Acme # said so", "@"))
    '@' cannot start a value written without quotes in YAML; put it in quotes: title: "@Acme"
    """
    head = f"{quoted(char)} cannot start a value written without quotes in YAML; put it in quotes"
    here = _KEY_LINE.match(source)
    value = (here.group("value") or "") if here is not None else ""
    if here is None or not value.startswith(char):
        return head  # an item of a [...] list, say: the line is not one key and its value
    value = re.sub(r"\s+#.*$", "", value).rstrip()  # a comment after it is no part of it
    return f"{head}: {here.group('key')}: {json.dumps(value, ensure_ascii=False)}"


_KEY_LINE = re.compile(
    r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[A-Za-z_][\w-]*):(?:\s+(?P<value>.*))?$"
)


def _indentation_fix(text: str, source: str, line: int | None) -> str | None:
    """Advice when ``source`` is a key one space off the keys above it.

    "  - title: A" then "     when: 2026" (one space too many) is an indentation
    mistake, not text needing quotes. The key is compared with the nearest key above
    at each indentation; a key lined up with one of them is not called misplaced.
    """
    here = _KEY_LINE.match(source)
    if here is None or line is None or ": " in (here.group("value") or ""):
        return None
    column = len(here.group("indent")) + len(here.group("dash") or "")
    nearest: dict[int, tuple[str, int]] = {}  # column -> (key, line) of the nearest key above
    lines = text.splitlines()
    for number in range(min(line - 1, len(lines)), 0, -1):
        above = _KEY_LINE.match(lines[number - 1])
        if above is not None:
            at = len(above.group("indent")) + len(above.group("dash") or "")
            nearest.setdefault(at, (above.group("key"), number))
    if column in nearest:
        return None
    key = here.group("key")
    for wanted, how in ((column - 1, "more"), (column + 1, "fewer")):
        if wanted in nearest:
            other, where = nearest[wanted]
            return (
                f"indentation: {quoted(key)} has 1 space {how} than {quoted(other)} on line "
                f"{where}; "
                f"line it up with {quoted(other)} ({wanted} spaces before {quoted(key)})"
            )
    return None
