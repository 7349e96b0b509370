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
import re
import textwrap
from typing import Any

import yaml

from timeline._errors import DataFileError, DataFileProblem, quoted
from timeline.formats._yaml_errors import (
    BREAK_NAMES,
    ODD_BREAKS,
    odd_break,
    syntax_fix,
    typing_slip,
    unreadable,
)
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


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# A bound on the values reached through aliases, so an alias bomb ("billion
# laughs": ten aliases of ten aliases of ... ) is refused. Values written out
# in the file are not counted: a file of any size without aliases loads.
_MAX_ALIASED = 1_000_000
# A timeline file nests six levels at most (events > claim > source > field).
_MAX_DEPTH = 100
# Lists of short names are written inline, as people write them.
_FLOW_LIST_WIDTH = 70


def read(text: str, file: str | None = None) -> tuple[Any, Locations]:
    """Compose YAML text into plain data and the line of every field.

    >>> data, where = read("events:\\n  - title: A\\n    when: 2026\\n")
    >>> data, where.line(("events", 0, "when"))
    ({'events': [{'title': 'A', 'when': '2026'}]}, 3)
    """
    odd = ODD_BREAKS.search(text)  # a line end only YAML sees: refused unless kept whole
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
            raise DataFileError([odd_break(text, odd.start(), file)]) from None
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = err.problem or err.context or "not valid YAML"
        column = mark.column if mark is not None else None
        slip = typing_slip(text, err, line)
        if slip is not None:  # a slip YAML reports later, as another mistake: named where it is
            raise DataFileError([DataFileProblem(slip[1], file=file, line=slip[0])]) from None
        message = f"not valid YAML: {reason}; {syntax_fix(text, reason, line, column)}"
        raise DataFileError([DataFileProblem(message, file=file, line=line)]) from None
    except yaml.reader.ReaderError as err:
        raise DataFileError([unreadable(text, err, file)]) from None
    except yaml.YAMLError as err:
        raise DataFileError([DataFileProblem(f"not valid YAML: {err}", file=file)]) from None
    except UnicodeEncodeError as err:  # libyaml reads UTF-8: text from Python may hold surrogates
        line = text.count("\n", 0, err.start) + 1
        message = (
            f"{quoted(text[err.start])} at character {err.start + 1} is a lone surrogate, "
            "not text; remove it"
        )
        raise DataFileError([DataFileProblem(message, file=file, line=line)]) from None
    # Only a file with both an anchor (&) and an alias (*) can expand; others skip the bookkeeping.
    walker = _Walker(file, aliases="&" in text and "*" in text, pairs=pairs)
    data = walker.value(node, ()) if node is not None else None
    if walker.problems:
        raise DataFileError(capped(walker.problems, file))
    if odd is not None and not _breaks_kept(text, data):
        raise DataFileError([odd_break(text, odd.start(), file)])
    return data, Locations(file, walker.lines)


def _breaks_kept(text: str, data: Any) -> bool:
    """Whether every U+0085, U+2028 and U+2029 of ``text`` is in the values read from it.

    In quotes, YAML keeps U+2028 and U+2029 (as this module wrote them before it escaped
    them); elsewhere they end a line, a NEL becomes a space, and one at the end of a value
    is dropped: then the values hold fewer than the text.

    >>> _breaks_kept("t: 'a\u2028b'", {"t": "a\u2028b"}), _breaks_kept("t: a\x85", {"t": "a"})
    (True, False)
    """
    counts = dict.fromkeys(BREAK_NAMES, 0)
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
            self.problem(node, f"tag {quoted(node.tag)} is not allowed; data files hold plain text")
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
            self.problem(node, f"tag {quoted(node.tag)} is not allowed; data files hold plain text")
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
