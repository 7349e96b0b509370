"""The `timeline` command line (placeholder until the CLI issue lands)."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    >>> main(["--version"])  # doctest: +ELLIPSIS
    timeline ...
    0
    """
    from timeline import __version__

    print(f"timeline {__version__}")
    return 0
