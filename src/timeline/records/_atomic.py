"""Atomic file writes: every file the library writes goes through `write_atomic`.

A feed that people subscribe to, or a tracker file under review, must never be
left half-written: the data goes to a temporary file in the same folder, is
flushed to disk, and only then renamed over the target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

from timeline._errors import WriteError

__all__ = ["atomic_path", "checked_suffix", "write_atomic"]


def checked_suffix(
    path: str | os.PathLike[str],
    suffixes: tuple[str, ...],
    *,
    writer: str,
    example: str,
    error: Callable[[str], Exception],
) -> Path:
    """``path`` as a `Path`, once its suffix is one of ``suffixes`` (in any case).

    A writer of one kind of file (`to_html`, `save_plot`, `write_ics`) refuses a
    name that says another kind before anything is written: ``error`` with a
    message that quotes the path and names the fix, ``name it e.g. {example}``.

    >>> checked_suffix("Feed.ICS", (".ics",), writer="write_ics", example="feed.ics",
    ...                error=ValueError).name
    'Feed.ICS'
    >>> checked_suffix("feed.yaml", (".ics",), writer="write_ics", example="feed.ics",
    ...                error=ValueError)
    Traceback (most recent call last):
    ...
    ValueError: write_ics: 'feed.yaml' has no .ics suffix; name it e.g. feed.ics
    """
    target = Path(path)
    if target.suffix.lower() not in suffixes:
        wanted = " or ".join(suffixes)
        raise error(f"{writer}: {str(path)!r} has no {wanted} suffix; name it e.g. {example}")
    return target


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path``; when the block ends it is renamed over ``path``.

    For writers that want a file name (Parquet, say). The file written there is
    flushed to disk and takes the place of the target only if the block succeeds;
    on any failure the old file stays as it was and no temporary file is left. An
    existing file keeps its permissions. A folder that does not exist raises
    `WriteError` naming it; the folder is never created.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "events.bin"
    >>> with atomic_path(target) as temp:
    ...     _ = temp.write_bytes(b"data")
    >>> target.read_bytes()
    b'data'
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise WriteError(
            f"cannot write {str(target)!r}: the folder {str(folder)!r} {what}; "
            "create it first, or write somewhere else"
        )
    if target.is_dir():
        raise WriteError(f"cannot write {str(target)!r}: it is a folder; give a file name")
    temp = target.with_name(f".{_shortened(target.name)}.{secrets.token_hex(6)}.tmp")
    try:
        yield temp
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(temp, target.stat().st_mode & 0o7777)
        os.replace(temp, target)
    except OSError as err:
        _remove(temp)
        if isinstance(err, WriteError):
            raise
        # The hidden temporary file is ours, not the user's: name the file they asked for.
        raise WriteError(
            f"cannot write {str(target)!r}: {err.strerror or err}; {_fix(err)}"
        ) from err
    except BaseException:
        _remove(temp)
        raise


# File names are at most 255 bytes on the usual file systems; the temporary name adds
# 18 (".", ".<12 hex>.tmp"), so the target's name is cut to fit: a name that fits saves.
_NAME_BYTES = 200


def _shortened(name: str) -> str:
    """``name`` cut to at most `_NAME_BYTES` bytes of UTF-8, never inside a character.

    >>> _shortened("events.yaml"), len(_shortened("腾" * 100).encode())
    ('events.yaml', 198)
    """
    data = name.encode("utf-8", "surrogateescape")
    if len(data) <= _NAME_BYTES:
        return name
    return data[:_NAME_BYTES].decode("utf-8", "ignore")


def _remove(temp: Path) -> None:
    """Remove our temporary file if it is there; a failure to does not hide the first error."""
    with contextlib.suppress(OSError):
        temp.unlink(missing_ok=True)


def _fix(err: OSError) -> str:
    """What to do about a write the system refused."""
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "write somewhere you may, or change the folder's permissions"
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free some space, or write somewhere else"
    return "check the folder, or write somewhere else"


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` (text is UTF-8 encoded) to ``path`` atomically (see `atomic_path`).

    A failure at any point leaves the old file as it was and no temporary file
    behind. An existing file keeps its permissions; a new one gets the usual
    ones (0666 less the umask). A folder that does not exist raises `WriteError`
    naming it (not the hidden temporary file); the folder is never created.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "feed.ics"
    >>> write_atomic(target, "BEGIN:VCALENDAR\\r\\n")
    >>> target.read_bytes()[:5]
    b'BEGIN'
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path) as temp:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
