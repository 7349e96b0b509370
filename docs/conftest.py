"""Every code block in the docs runs as a test (pytest-markdown-docs), in a fresh folder.

Python blocks run in order within a page when marked ``continuation``; shell blocks
(```` ```console ````) run their ``$ timeline ...`` lines with the installed command
and compare the output shown, where some is shown. The example files in docs/assets/
(an Outlook calendar, say) are copied into the folder first, so pages read them by name.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

DOCS = Path(__file__).parent

# Build-time scripts, not tests: importing gen_pages.py outside a build would write its pages
# into docs/ itself.
collect_ignore = ["gen_pages.py", "griffe_doctest.py"]


@pytest.fixture(autouse=True)
def _in_a_fresh_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _example_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # As in tests/test_spark.py: PySpark warns about the pandas it finds; the Spark page uses
    # Arrow (mapInArrow), not pandas.
    spark_page = DOCS / "how-to" / "spark.md"
    for item in items:
        if item.path == spark_page:
            item.add_marker(
                pytest.mark.filterwarnings(
                    "ignore:PySpark does not yet fully support pandas:FutureWarning"
                )
            )


def _example_files(folder: Path) -> None:
    """Copy the example files the pages read (docs/assets/*, not the generated gallery)."""
    for path in (DOCS / "assets").glob("*"):
        if path.is_file():
            shutil.copyfile(path, folder / path.name)


def pytest_markdown_docs_globals() -> dict[str, Any]:
    import matplotlib

    matplotlib.use("Agg")
    return {}


_FENCE = re.compile(r"^```console[^\n]*\n(.*?)^```", re.S | re.M)


class ConsoleBlock(pytest.Item):
    """One ```console block: each ``$ timeline ...`` line runs; shown output must match."""

    def __init__(self, *, block: str, line: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.block, self.line = block, line

    def runtest(self) -> None:
        folder = Path(self.config._tmp_path_factory.mktemp("console"))  # type: ignore[attr-defined]
        _example_files(folder)
        for command, expected in _commands(self.block):
            argv = shlex.split(command)
            assert argv[0] == "timeline", f"docs run only the timeline command: {command}"
            bin_dir = Path(sys.executable).parent
            result = subprocess.run(
                [str(bin_dir / "timeline"), *argv[1:]],
                cwd=folder,
                capture_output=True,
                text=True,
                env={**os.environ, "COLUMNS": "100"},
                timeout=120,
            )
            shown = (result.stdout + result.stderr).strip()
            assert result.returncode in (0, 1), f"{command}: exit {result.returncode}\n{shown}"
            for want in expected:
                if want.strip() and not want.strip().startswith("..."):
                    assert want.strip() in shown, f"{command}: expected {want!r} in\n{shown}"

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.line, f"console block at line {self.line}"


def _commands(block: str) -> Iterator[tuple[str, list[str]]]:
    command: str | None = None
    expected: list[str] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            if command is not None:
                yield command, expected
            command, expected = line[2:], []
        elif command is not None:
            expected.append(line)
    if command is not None:
        yield command, expected


class ConsoleFile(pytest.File):
    def collect(self) -> Iterator[ConsoleBlock]:
        text = self.path.read_text("utf-8")
        for match in _FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            yield ConsoleBlock.from_parent(
                self, name=f"console[{line}]", block=match.group(1), line=line
            )


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> ConsoleFile | None:
    if file_path.suffix == ".md" and DOCS in file_path.parents:
        return ConsoleFile.from_parent(parent, path=file_path)
    return None
