"""The `timeline` command: read, query, check, convert and publish timelines from a shell.

The top layer: it may import every layer below. `main` is the entry point
(``timeline = "timeline.cli:main"`` in pyproject.toml).

>>> import contextlib, io
>>> from timeline.cli import main
>>> with contextlib.redirect_stdout(io.StringIO()) as out:
...     code = main(["--version"])
>>> code, out.getvalue().startswith("timeline ")
(0, True)
"""

from __future__ import annotations

from timeline.cli._main import main

__all__ = ["main"]
