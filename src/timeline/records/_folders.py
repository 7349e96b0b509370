"""Looking into a folder given as a Parquet dataset, without walking a whole file system.

A dataset is the ``.parquet`` files of a folder and its sub-folders (none whose name,
or a folder's on the way, starts with ``.`` or ``_``). Whether a folder is one was
asked by walking every file below it: for ``/`` or a home folder, given by mistake,
that took minutes before saying "no .parquet files". `parquet_search` walks top-down
and gives up after `FOLDER_LIMIT` folders; a dataset's files (Spark writes them at
the top or in ``key=value`` folders) are found within its first few folders.
"""

from __future__ import annotations

import os
from typing import Literal

__all__ = ["FOLDER_LIMIT", "parquet_search", "too_wide"]

FOLDER_LIMIT = 10_000
"""Folders looked into for a first ``.parquet`` file before the search gives up."""

Search = Literal["found", "none", "too many"]


def parquet_search(folder: str | os.PathLike[str], *, limit: int | None = None) -> Search:
    """Whether ``folder`` holds a ``.parquet`` file: ``"found"``, ``"none"``, or ``"too
    many"`` folders looked into (more than ``limit``, default `FOLDER_LIMIT`) without one.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> parquet_search(root)
    'none'
    >>> (root / "year=2026").mkdir()
    >>> _ = (root / "year=2026" / "part-0.PARQUET").write_text("")
    >>> parquet_search(root)
    'found'
    """
    limit = FOLDER_LIMIT if limit is None else limit
    # Links to folders are not followed (a loop of links has no end); unreadable folders
    # are passed over, as the dataset's reader passes them over.
    for seen, (_, folders, files) in enumerate(os.walk(folder), start=1):
        folders[:] = sorted(name for name in folders if not name.startswith((".", "_")))
        for name in files:
            if name.lower().endswith(".parquet") and not name.startswith((".", "_")):
                return "found"
        if seen > limit:
            return "too many"
    return "none"


def too_wide(shown: str) -> str:
    """The problem to report for a folder `parquet_search` gave up on.

    >>> print(too_wide("'/'"))  # doctest: +NORMALIZE_WHITESPACE
    '/' holds more than 10,000 folders and no .parquet file among the first ones: it is no
    dataset; give a data file, or the folder of the dataset itself
    """
    return (
        f"{shown} holds more than {FOLDER_LIMIT:,} folders and no .parquet file among the "
        "first ones: it is no dataset; give a data file, or the folder of the dataset itself"
    )
