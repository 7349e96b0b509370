"""Griffe extensions for the API reference.

`DoctestFences`: show docstring examples (``>>>`` blocks) as code, not Markdown.
Our docstrings are plain text with doctest examples (they run in the test suite);
Markdown would read ``['a']`` in an example's output as a link. This wraps each
run of ``>>>``/``...`` lines and their output in a ``pycon`` fence.

`BoundFunctionDocs`: a class attribute bound to a module function
(``month = classmethod(_constructors.month)`` in `When`) is documented with that
function's docstring; read statically, it would have none and be left out.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_examples(text: str) -> str:
    """Wrap each doctest block (from a ``>>>`` line to the next blank line) in a fence."""
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        starts = line.lstrip().startswith(">>>")
        if starts and not inside:
            out.append("```pycon")
            inside = True
        elif inside and not line.strip():
            out.append("```")
            inside = False
        out.append(line)
    if inside:
        out.append("```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence the examples of every docstring Griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = fence_examples(obj.docstring.value)


def _bound_function(attr: griffe.Attribute) -> str | None:
    """The dotted path of the function an attribute binds (``classmethod(mod.f)``,
    ``staticmethod(mod.f)`` or ``mod.f``), from the module's imports; else ``None``."""
    value = attr.value
    wrappers = ("classmethod", "staticmethod")
    if isinstance(value, griffe.ExprCall) and str(value.function) in wrappers:
        if len(value.arguments) != 1:
            return None
        value = value.arguments[0]
    if not isinstance(value, griffe.ExprAttribute):
        return None
    head, _, name = str(value).partition(".")
    module = attr.module.imports.get(head)
    return f"{module}.{name}" if module and name.isidentifier() else None


class BoundFunctionDocs(griffe.Extension):
    """Give class attributes bound to module functions those functions' docstrings."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for cls in _classes(pkg):
            for member in list(cls.members.values()):
                if member.is_alias or not isinstance(member, griffe.Attribute):
                    continue
                if member.docstring is not None:
                    continue
                path = _bound_function(member)
                if path is None:
                    continue
                try:
                    function = pkg.modules_collection.get_member(path)
                except (KeyError, ValueError):
                    continue
                if function.docstring is not None:
                    member.docstring = griffe.Docstring(
                        fence_examples(function.docstring.value), parent=member
                    )


def _classes(obj: griffe.Object) -> list[griffe.Class]:
    found: list[griffe.Class] = []
    for member in obj.members.values():
        if member.is_alias:
            continue
        if isinstance(member, griffe.Class):
            found.append(member)
        if isinstance(member, (griffe.Module, griffe.Class)):
            found += _classes(member)
    return found
