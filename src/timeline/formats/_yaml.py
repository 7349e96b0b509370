"""YAML data files: written for people, read safely.

Reading never constructs Python objects from tags: the text is *composed*
into a node tree by the safe loader (libyaml's when PyYAML has it) and walked
here, so every scalar stays
the text the person typed (``when: 2026`` is the text ``"2026"``, not the
number; ``2026-04-15`` is not turned into a `datetime.date`), and every field
keeps the line it came from for error messages. Aliases work; merge keys
(``<<``) and application tags (``!!python/...``) are reported as problems.

Writing uses block style, the schema's field order, short lists of names in
flow style (``actors: [Tencent]``), and dates as people write them
(``when: April 2026``).
"""

from __future__ import annotations

import contextlib
import json
import re
import textwrap
from typing import Any

import yaml

from timeline._errors import DataFileError, DataFileProblem
from timeline.records._schema import Document, Locations, Path, capped

__all__ = ["read", "write"]

# Tags that the YAML core schema gives plain scalars; their text is kept as is.
_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "timestamp"))


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml's when PyYAML has it), tagging only null and merge keys.

    Every other scalar is kept as its text anyway, so the regular expressions
    that would tag it int, float, bool or timestamp (most of the time spent
    composing a large file) are skipped.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0] and value in _NULLS:
                return _CORE + "null"
            if implicit[0] and value == "<<":
                return _CORE + "merge"
            return _CORE + "str"
        return _CORE + ("seq" if kind is yaml.SequenceNode else "map")


class _PyLoader(yaml.SafeLoader):
    """PyYAML's reader in Python, resolving as `_Loader` does: it reads ``\\ud83d`` escapes."""

    resolve = _Loader.resolve


_BAD_ESCAPE = "found invalid Unicode character escape code"


def _compose_escapes(text: str, err: yaml.MarkedYAMLError, file: str | None) -> yaml.Node | None:
    """Compose text libyaml refused for a surrogate escape, with PyYAML's reader in Python."""
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_PyLoader)
    except ValueError:  # chr() of an escape past U+10FFFF
        mark = err.problem_mark
        message = (
            "an escape here names no character (past U+10FFFF); write the character itself, "
            "or a \\U escape of 8 hex digits up to \\U0010FFFF"
        )
        line = mark.line + 1 if mark is not None else None
        raise DataFileError([DataFileProblem(message, file=file, line=line)]) from None
    return node


def _unreadable(text: str, err: yaml.reader.ReaderError, file: str | None) -> DataFileProblem:
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
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
_BREAK_NAMES = {"\x85": "NEXT LINE", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}


def _odd_break(text: str, at: int, file: str | None) -> DataFileProblem:
    r"""The problem for a U+0085, U+2028 or U+2029 at ``at``, placed as an editor counts lines.

    >>> str(_odd_break("title: A\u2028B", 8, "t.yaml"))[:54]
    "t.yaml:1: '\\u2028' (LINE SEPARATOR) at column 9 ends a"
    """
    char = text[at]
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    escape = f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    message = (
        f"{char!r} ({_BREAK_NAMES[char]}) at column {column} ends a line to YAML, though an "
        f'editor shows none; write it as the escape "{escape}" inside double quotes, or remove it'
    )
    return DataFileProblem(message, file=file, line=line)


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# A bound on the values reached through aliases, so an alias bomb ("billion
# laughs": ten aliases of ten aliases of ... ) is refused. Values written out
# in the file are not counted: a file of any size without aliases loads.
_MAX_ALIASED = 1_000_000
# A timeline file nests six levels at most (events > claim > source > field).
_MAX_DEPTH = 100
# Lists of short names are written inline, as people write them.
_FLOW_LIST_WIDTH = 70


def _yaml_fix(text: str, reason: str, line: int | None, column: int | None = None) -> str:
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


def _slip(text: str, err: yaml.MarkedYAMLError, line: int | None) -> tuple[int, str] | None:
    """A typing slip at or just above ``line`` that explains the error: its line, the message.

    >>> _slip("events:\\n  - title:A\\n    when: 2026\\n", yaml.MarkedYAMLError(), 3)
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
        return None  # a tab in the indentation: `_yaml_fix` says so
    for number in range(min(line, len(lines)), max(line - _SLIP_REACH, 1) - 1, -1):
        source = lines[number - 1]
        colon = _NO_SPACE_AFTER_COLON.match(source)
        if colon is not None:
            key, rest = colon.group("key"), colon.group("rest")
            shown = f"{key}:{rest}"
            return number, (
                f"{shown!r} needs a space after ':' ({key}: {rest}), or YAML reads it as one text"
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
                f"{key!r} needs a ':' after it ({key}:), as the lines under it hold its value",
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
    head = f"{char!r} cannot start a value written without quotes in YAML; put it in quotes"
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
                f"indentation: {key!r} has 1 space {how} than {other!r} on line {where}; "
                f"line it up with {other!r} ({wanted} spaces before {key!r})"
            )
    return None


def read(text: str, file: str | None = None) -> tuple[Any, Locations]:
    """Compose YAML text into plain data and the line of every field.

    >>> data, where = read("events:\\n  - title: A\\n    when: 2026\\n")
    >>> data, where.line(("events", 0, "when"))
    ({'events': [{'title': 'A', 'when': '2026'}]}, 3)
    """
    odd = _ODD_BREAKS.search(text)  # a line end only YAML sees: refused unless kept whole
    pairs = False  # surrogate pairs spelt as two \u escapes, to join in the scalars
    try:
        try:
            node = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as err:
            if err.problem != _BAD_ESCAPE or _Loader is _PyLoader:
                raise
            # libyaml refuses every \u escape of a surrogate, even a pair as JSON writes an
            # emoji ("\ud83d\ude00"); the Python reader keeps them, to be joined below.
            node, pairs = _compose_escapes(text, err, file), True
    except yaml.MarkedYAMLError as err:
        if odd is not None:  # the likely cause, where an editor shows it
            raise DataFileError([_odd_break(text, odd.start(), file)]) from None
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = err.problem or err.context or "not valid YAML"
        column = mark.column if mark is not None else None
        slip = _slip(text, err, line)
        if slip is not None:  # a slip YAML reports later, as another mistake: named where it is
            raise DataFileError([DataFileProblem(slip[1], file=file, line=slip[0])]) from None
        message = f"not valid YAML: {reason}; {_yaml_fix(text, reason, line, column)}"
        raise DataFileError([DataFileProblem(message, file=file, line=line)]) from None
    except yaml.reader.ReaderError as err:
        raise DataFileError([_unreadable(text, err, file)]) from None
    except yaml.YAMLError as err:
        raise DataFileError([DataFileProblem(f"not valid YAML: {err}", file=file)]) from None
    except UnicodeEncodeError as err:  # libyaml reads UTF-8: text from Python may hold surrogates
        line = text.count("\n", 0, err.start) + 1
        message = (
            f"{text[err.start]!r} at character {err.start + 1} is a lone surrogate, "
            "not text; remove it"
        )
        raise DataFileError([DataFileProblem(message, file=file, line=line)]) from None
    # Only a file with both an anchor (&) and an alias (*) can expand; others skip the bookkeeping.
    walker = _Walker(file, aliases="&" in text and "*" in text, pairs=pairs)
    data = walker.value(node, ()) if node is not None else None
    if walker.problems:
        raise DataFileError(capped(walker.problems, file))
    if odd is not None and not _breaks_kept(text, data):
        raise DataFileError([_odd_break(text, odd.start(), file)])
    return data, Locations(file, walker.lines)


def _breaks_kept(text: str, data: Any) -> bool:
    """Whether every U+0085, U+2028 and U+2029 of ``text`` is in the values read from it.

    In quotes, YAML keeps U+2028 and U+2029 (as this module wrote them before it escaped
    them); elsewhere they end a line, a NEL becomes a space, and one at the end of a value
    is dropped: then the values hold fewer than the text.

    >>> _breaks_kept("t: 'a\u2028b'", {"t": "a\u2028b"}), _breaks_kept("t: a\x85", {"t": "a"})
    (True, False)
    """
    counts = dict.fromkeys(_BREAK_NAMES, 0)
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            for char in counts:
                counts[char] += value.count(char)
        elif isinstance(value, dict):
            stack.extend(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return all(text.count(char) == count for char, count in counts.items())


class _Walker:
    """Turns a composed node tree into dicts, lists and strings, noting lines."""

    def __init__(self, file: str | None, *, aliases: bool = True, pairs: bool = False) -> None:
        self.file = file
        self.pairs = pairs  # join surrogate pairs that \u escapes spelt in two halves
        self.lines: dict[Path, int] = {}
        self.problems: list[DataFileProblem] = []
        self.open: set[int] = set()  # nodes on the current path, to refuse cycles
        # An alias is a node reached a second time; only collections can expand.
        self.aliases = aliases
        self.seen: set[int] = set()
        self.expanding = 0  # how many aliases the current value is reached through
        self.aliased = 0  # values reached through an alias so far
        self.too_deep = False

    def problem(self, node: yaml.Node, message: str, field: str | None = None) -> None:
        line = node.start_mark.line + 1
        self.problems.append(DataFileProblem(message, file=self.file, line=line, field=field))

    def value(self, node: yaml.Node, path: Path) -> Any:
        if self.expanding:
            self.aliased += 1
            if self.aliased > _MAX_ALIASED:
                if self.aliased == _MAX_ALIASED + 1:
                    self.problem(
                        node,
                        f"more than {_MAX_ALIASED:,} values reached through aliases "
                        "(an alias bomb?); write the values out instead of aliasing them",
                    )
                return None
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if node.tag not in (_CORE + "seq", _CORE + "map"):
            self.problem(node, f"tag {node.tag!r} is not allowed; data files hold plain text")
            return None
        if len(path) > _MAX_DEPTH:
            if not self.too_deep:
                self.too_deep = True
                message = f"nested more than {_MAX_DEPTH} levels deep"
                self.problem(node, f"{message}; a timeline file needs at most 6")
            return None
        key = id(node)
        if key in self.open:
            self.problem(node, "an alias refers to a value that contains it")
            return None
        alias = self.aliases and key in self.seen
        if self.aliases:
            self.seen.add(key)
        self.expanding += alias
        self.open.add(key)
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, path)
        finally:
            self.open.discard(key)
            self.expanding -= alias
        self.problem(node, "unsupported YAML node")  # pragma: no cover - yaml has no other kind
        return None

    def scalar(self, node: yaml.ScalarNode) -> str | None:
        if node.tag == _CORE + "null":
            return None
        if node.tag not in _SCALAR_TAGS:
            self.problem(node, f"tag {node.tag!r} is not allowed; data files hold plain text")
            return None
        return self.joined(str(node.value))

    def joined(self, text: str) -> str:
        """``text`` with surrogate pairs spelt as two ``\\u`` escapes joined into characters."""
        if self.pairs:
            with contextlib.suppress(UnicodeError):  # a lone half stays, refused by its field
                return text.encode("utf-16", "surrogatepass").decode("utf-16")
        return text

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        out: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _CORE + "null":
                self.problem(key_node, "a field name must be plain text")
                continue
            key = self.joined(str(key_node.value))
            if key_node.tag == _CORE + "merge":
                self.problem(key_node, "merge keys ('<<') are not supported; write the fields out")
                continue
            if key in seen:
                self.problem(key_node, f"given twice (also on line {seen[key]})", key)
                continue
            seen[key] = line
            self.lines[(*path, key)] = line
            out[key] = self.value(value_node, (*path, key))
        return out


class _Dumper(yaml.SafeDumper):
    """Block-style YAML with readable strings and inline lists of names."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key ("events:\n  - id: ..."), as people write.
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text as a literal block; the emitter falls back to quoting
    # when a block cannot hold the text exactly (trailing spaces, say).
    style = "|" if "\n" in value else None
    if _TYPED_ELSEWHERE.fullmatch(value):
        style = "'"  # PyYAML would write it plain, and other readers would not read text
    if _BREAKS.intersection(value):
        # YAML reads NEL, U+2028 and U+2029 as line breaks (a NEL folded to a space when
        # plain): double quotes write them as escapes, which every reader keeps.
        style = '"'
    return dumper.represent_scalar(_CORE + "str", value, style=style)


_BREAKS = frozenset("\x85\u2028\u2029")
# Plain scalars PyYAML (YAML 1.1, as it resolves) takes for text but other readers do not:
# YAML 1.2's core schema reads octal 0o17 and exponents without a dot (1e3) as numbers, and
# YAML 1.1's full schema (Go's yaml.v2, say) reads y/n as booleans.
_TYPED_ELSEWHERE = re.compile(
    r"0o[0-7]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[yYnN]"
)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    names = all(isinstance(v, str) and "\n" not in v for v in value)
    flow = bool(value) and names and sum(len(v) + 2 for v in value) <= _FLOW_LIST_WIDTH
    return dumper.represent_sequence(_CORE + "seq", value, flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def write(document: Document) -> str:
    """The document as block-style YAML text, a blank line between events.

    >>> print(write({"events": [{"title": "A", "when": "2026", "actors": ["X", "Z"]}]}), end="")
    events:
      - title: A
        when: '2026'
        actors: [X, Z]
    """
    head = {k: v for k, v in document.items() if k != "events"}
    events = document.get("events", [])
    parts = [_dump(head)] if head else []
    if not events:
        return "".join([*parts, "events: []\n"])
    # Each event is dumped alone and indented as a whole, which keeps block
    # scalars and continuation lines valid, so events can be spaced apart.
    items = [textwrap.indent(_dump([event]), "  ", lambda line: True) for event in events]
    return "".join(parts) + "events:\n" + "\n".join(items)


def _dump(data: Any) -> str:
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
    )
    return text
