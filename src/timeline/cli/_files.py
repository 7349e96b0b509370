"""Which files a command reads and writes: data files, folders of Parquet files, outputs.

A path is refused before anything is read or written when it cannot be what the
command needs (a suffix no format has, a folder, a file that does not exist, an
output that is the input under another name), with the fix; `_load` reads a data
file or the bundled dataset.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from timeline._errors import DataFileError
from timeline.cli import _args
from timeline.cli._args import _KNOWN, EXIT_USAGE, _Failure
from timeline.formats._io import FORMATS, missing_fix
from timeline.model._timeline import Timeline
from timeline.records._folders import parquet_search, too_wide

__all__: list[str] = []


def _suffix(path: str, role: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        shown = f"suffix {suffix!r}" if suffix else "no suffix"
        fix = f"use a {_KNOWN} file"
        if suffix == ".ics" and role == "output":
            fix += "; `timeline export DATA -o feed.ics` writes a feed"
        elif suffix == ".ics":
            fix = f"it is a feed: import it first with `timeline convert {path} events.yaml`"
        raise _Failure(f"{role} {path!r} has {shown}; {fix}", EXIT_USAGE)
    return suffix


def _parquet_folder(path: str) -> bool:
    """Whether ``path`` is a folder of Parquet files (a dataset, as Spark writes one)."""
    return Path(path).is_dir() and parquet_search(path) == "found"


def _readable(path: str) -> None:
    """Refuse, with the fix, a path that is not a data file (or a folder of Parquet files)
    that exists."""
    if not path:  # Path("") is the current folder
        raise _Failure("the data file's name is empty; give its path")
    file = Path(path)
    if file.is_dir():
        search = parquet_search(path)
        if search == "found":
            return  # a dataset: `Timeline.load` reads its .parquet files as one table
        if search == "too many":  # `/` or a home folder, given by mistake
            raise _Failure(too_wide(repr(path)))
        raise _Failure(
            f"{path!r} is a folder; give a data file ({_KNOWN}) or a folder of .parquet files"
        )
    _suffix(path, "data file")
    missing = missing_fix(path)
    if missing is not None:
        raise _Failure(f"data file {path!r} does not exist; {missing}")


def _load(path: str | None) -> Timeline:
    """The timeline in ``path``, or the bundled dataset when ``path`` is None."""
    if path is None:
        return _args._bundled()  # looked up here, so tests can put a sample in its place
    _readable(path)
    try:
        return Timeline.load(path)
    except UnicodeDecodeError:
        raise _Failure(f"data file {path!r} is not UTF-8 text; save it as UTF-8") from None
    except DataFileError:
        raise  # its message names the file and the fix (a file that may not be read)
    except OSError as err:
        raise _Failure(f"cannot read {path!r}: {err.strerror or err}") from None


def _load_with_lines(
    path: str,
) -> tuple[Timeline, Callable[[str, tuple[str | int, ...]], int | None]]:
    """The timeline in the data file ``path``, and where each event's fields are in it."""
    from timeline.formats._io import load_with_lines

    _readable(path)
    if _parquet_folder(path) or Path(path).suffix.lower() == ".parquet":
        # Parquet has rows, not lines: its problems name their row (rows[3].when).
        return _load(path), lambda _id, _field: None
    try:
        return load_with_lines(path)
    except UnicodeDecodeError:
        raise _Failure(f"data file {path!r} is not UTF-8 text; save it as UTF-8") from None
    except DataFileError:
        raise  # its message names the file and the fix (a file that may not be read)
    except OSError as err:
        raise _Failure(f"cannot read {path!r}: {err.strerror or err}") from None


def _writable(path: str) -> Path:
    """``path`` as a file to write, once its folder is known to exist."""
    from timeline.records._atomic import refusal

    out = Path(path)
    try:
        if not out.parent.is_dir():
            raise _Failure(
                f"cannot write {path!r}: folder '{out.parent}' does not exist; create it"
            )
        if out.is_dir():
            raise _Failure(f"cannot write {path!r}: it is a folder; give a file name")
    except OSError as err:  # a name too long for the system, a loop of links
        raise _Failure(f"cannot write {path!r}: {refusal(err)}") from None
    return out


def _not_the_input(
    out: Path, given: str, source: str | None, *, in_place: bool | None = None
) -> None:
    """Refuse an output that is the input, or a file in the input folder: a usage mistake.

    A link to the input (``link.json -> a.yaml``), a hard link, or its name through a
    linked folder would have the input replaced by the output, with or without
    --force (which replaces *another* file). The input's own name, however spelt
    (``a.yaml``, ``./a.yaml``, its absolute path), is a rewrite in place for `convert`
    (``in_place`` is its --force; None for commands that never rewrite their input):
    like any existing file, it is replaced only with --force, as the rewrite drops
    what the format does not keep (YAML comments, the layout). A Parquet file
    written into the dataset folder being read would be read with it next time.
    """
    if source is None or source == "-":
        return
    input = Path(source)
    try:
        if input.is_dir():
            # Only a .parquet file joins the dataset; a feed or a picture beside it is harmless.
            parquet = out.suffix.lower() == ".parquet"
            if parquet and out.resolve().is_relative_to(input.resolve()):
                raise _Failure(
                    f"output {given!r} is inside the input folder {source!r}: it would join "
                    "the dataset it is made from; write it outside the folder",
                    EXIT_USAGE,
                )
            return
        if not out.exists() or not out.samefile(input):
            return
        itself = os.path.abspath(out) == os.path.abspath(input)
        links = os.stat(input).st_nlink
    except OSError:  # an input that cannot be read, a loop of links: loading says so
        return
    fix = "write to a new file"
    if itself and in_place is None:  # the same name given twice (`extract a.txt -o a.txt`)
        raise _Failure(
            f"output {given!r} is the input {source!r} itself; writing it would replace the "
            f"input; {fix}",
            EXIT_USAGE,
        )
    if itself:
        if in_place:
            return
        raise _Failure(
            f"output {given!r} is the input {source!r} itself: converting a file onto itself "
            "rewrites it in the library's layout, and what the format does not keep (YAML "
            f"comments, key order, spacing) is lost; add --force to rewrite it in place, or {fix}",
            EXIT_USAGE,
        )
    if out.is_symlink():
        how = "a link to it"
        fix += f", or remove the link {given!r} first (the input stays)"
    elif out.resolve() == input.resolve() or links < 2:
        # Through a linked folder, or a file system that ignores case (A.YAML is a.yaml).
        how = "the same file, reached through a linked folder"
        if out.resolve() != input.resolve():
            how = "the same file, its name spelt another way"
    else:
        how = "a hard link to it: one file with two names"
        fix += f", or remove {given!r} first (the input keeps its name)"
    raise _Failure(
        f"output {given!r} is the input {source!r} under another name ({how}); "
        f"writing it would replace the input; {fix}",
        EXIT_USAGE,
    )
