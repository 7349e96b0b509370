"""The package layout: layers you can see in the folder list, one public API.

The dependency rule itself (each layer imports only the layers below it, the
adapters never import each other) is checked by import-linter (`lint-imports`,
run by `make test`); these tests pin what users import and that no module-level
import cycle comes back.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import timeline

PACKAGE = Path(timeline.__file__).parent
LAYERS = [
    "dates", "figures", "model", "records", "columnar", "formats", "ics", "display", "extract",
    "cli", "spark",
]  # fmt: skip

# The public API of this wave; a change here is a change for every user.
PUBLIC = [
    "Bound", "Claim", "DEFAULT_FUZZ", "DataFileError", "DataFileProblem", "DateMatch",
    "DuplicateEventError", "Event", "EventChange", "EventError", "ExtractError", "Extraction",
    "Finding", "FrameError", "Growth",
    "IcsError", "IcsParseError", "Observation", "PlotError", "Precision", "Quantity",
    "QuantityError", "QueryError", "Relation", "Slip", "Source", "Status", "Target",
    "TargetError", "TargetStatus", "Timeline", "TimelineDiff", "TimelineError",
    "TimelineWarning", "TrackRecord", "TrackRow", "When", "WhenError", "WhenParseError",
    "WriteError", "__version__", "extract", "file_schema", "find_dates", "growth",
]  # fmt: skip


def test_the_public_names_are_pinned() -> None:
    # New names may be added (then add them here); none may disappear.
    assert set(PUBLIC) <= set(timeline.__all__)
    for name in timeline.__all__:
        assert getattr(timeline, name) is not None, name


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_is_a_subpackage_with_a_docstring_and_a_short_public_list(layer: str) -> None:
    module = importlib.import_module(f"timeline.{layer}")
    assert module.__doc__ and "import" in module.__doc__, "say what it holds and may import"
    assert list(module.__all__) == sorted(module.__all__)
    for name in module.__all__:
        assert getattr(module, name) is not None, f"timeline.{layer}.{name}"
    # Implementation modules stay private; the sub-package's __init__ is the door.
    for path in (PACKAGE / layer).glob("*.py"):
        assert path.name == "__init__.py" or path.name.startswith("_"), path


def test_narrow_imports_give_the_same_objects() -> None:
    from timeline.dates import When, find_dates
    from timeline.figures import Quantity
    from timeline.model import Event, Timeline

    assert (When, Quantity, Event, Timeline) == (
        timeline.When,
        timeline.Quantity,
        timeline.Event,
        timeline.Timeline,
    )
    assert find_dates is timeline.find_dates


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, known: set[str]) -> set[str]:
    """Modules of the package imported when ``path`` is imported (not in functions or
    ``if TYPE_CHECKING:`` blocks)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known else node.module)
    return found & known


def test_no_module_level_import_cycle() -> None:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    known = set(paths)
    graph = {name: _top_level_imports(path, known) - {name} for name, path in paths.items()}
    # The root package re-exports every layer; nothing inside may import it back.
    for name, targets in graph.items():
        assert "timeline" not in targets, f"{name} imports the package root"
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycle = [*trail[trail.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def test_import_timeline_loads_only_the_core_layers() -> None:
    code = (
        "import sys, timeline\n"
        "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('timeline.')}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(eval(out))
    # _bulk: the garbage-collector pause the track record uses (stdlib only)
    assert loaded <= {"_bulk", "_errors", "_version", "dates", "figures", "model"}, loaded
