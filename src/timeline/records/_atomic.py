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
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from timeline._errors import WriteError, quoted

__all__ = [
    "atomic_path",
    "checked_suffix",
    "name_problem",
    "read_regular",
    "refusal",
    "special_problem",
    "write_atomic",
]


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
    `WriteError` naming it; the folder is never created, and a file the user may
    not write (read-only) is refused, not replaced, as is a named pipe or a device
    (the rename would put a file in its place). A symbolic link is
    written through: the file it points at (after every link in a chain) is
    replaced, and the link stays a link.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "events.bin"
    >>> with atomic_path(target) as temp:
    ...     _ = temp.write_bytes(b"data")
    >>> target.read_bytes()
    b'data'
    """
    given = Path(path)
    shown = repr(str(given))
    bad_name = name_problem(given)
    if bad_name is not None:
        raise WriteError(f"cannot write {shown}: {bad_name}")
    try:
        target = _through_links(given)
        if target != given:
            shown += f" (a link to {str(target)!r})"
        folder = target.parent
        if not folder.is_dir():
            what = "is not a folder" if folder.exists() else "does not exist"
            raise WriteError(
                f"cannot write {shown}: the folder {str(folder)!r} {what}; "
                "create it first, or write somewhere else"
            )
        if target.is_dir():
            raise WriteError(f"cannot write {shown}: it is a folder; give a file name")
        special = special_problem(target, target.stat().st_mode) if target.exists() else None
        if special is not None:
            # The rename would put a file in its place (as root, even a device's, /dev/null).
            what = special.split(", not a file", 1)[0]
            raise WriteError(
                f"cannot write {shown}: it is {what}, not a file; give the path of a file to write"
            )
        if target.exists() and not os.access(target, os.W_OK):
            # The rename needs only the folder's permission: ask the file's, as `>` would.
            raise WriteError(
                f"cannot write {shown}: the file is read-only; make it writable (chmod u+w) "
                "or write somewhere else"
            )
    except WriteError:
        raise
    except OSError as err:  # a name too long, a loop of links ...
        raise WriteError(f"cannot write {shown}: {refusal(err)}") from err
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
        raise WriteError(f"cannot write {shown}: {refusal(err)}") from err
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


def path_text(path: object) -> str | None:
    """A path given as text, a `~pathlib.Path` or bytes (as ``os`` takes them), as text; None
    for anything else (``None``, a number, a list), for the caller to refuse with the fix.

    >>> path_text(b"events.yaml"), path_text(Path("t.csv")), path_text(None)
    ('events.yaml', 't.csv', None)
    """
    if not isinstance(path, (str, bytes, os.PathLike)):
        return None
    try:
        return os.fsdecode(path)
    except TypeError:  # an os.PathLike whose __fspath__ gives neither str nor bytes
        return None


def name_problem(path: str | os.PathLike[str]) -> str | None:
    """Why no file can have this name (a NUL, half a surrogate pair), with the fix; or None.

    >>> print(name_problem("a\\x00.yaml"))
    the name holds a NUL character ('\\x00'); give another name
    >>> name_problem("events.yaml") is None
    True
    """
    name = os.fspath(path)
    if "\x00" in name:
        return "the name holds a NUL character ('\\x00'); give another name"
    try:
        os.fsencode(name)
    except UnicodeEncodeError as err:
        held = name[err.start]
        return f"the name holds {quoted(held)}, which no file name can hold; give another name"
    return None


def special_problem(path: str | os.PathLike[str], mode: int) -> str | None:
    """Why a file of this ``st_mode`` is no data file (a pipe, a device), with the fix; or None.

    A named pipe would make a reader wait for a writer, a device such as
    ``/dev/zero`` would be read without end: neither is read at all.

    >>> import stat
    >>> print(special_problem("events.yaml", stat.S_IFCHR))
    a device, not a file; give the path of a data file
    >>> special_problem("events.yaml", stat.S_IFREG) is None
    True
    """
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        name = Path(path)
        return (
            "a named pipe (FIFO), not a file: reading it would wait for a writer; save what it "
            f"carries to a file first (cat {name.name} > saved{name.suffix}) and load that"
        )
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:  # pragma: no cover - the kinds above are all POSIX has
        what = "not a regular file"
    return f"{what}, not a file; give the path of a data file"


def read_regular(path: str | os.PathLike[str], error: Callable[[str], Exception]) -> bytes:
    """The bytes of the file at ``path``, once it is known to be a regular file.

    It is opened without waiting (a named pipe opened for reading waits for a writer)
    and looked at through the open file, so it cannot be swapped between the look and
    the read; a pipe or device raises ``error(message)`` unread. A folder is the
    caller's to handle (`OSError` here, as `open` gives).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "t.yaml"
    >>> _ = target.write_bytes(b"events: []")
    >>> read_regular(target, ValueError)
    b'events: []'
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        # A socket cannot be opened at all ("No such device or address"): say what it is.
        try:
            problem = special_problem(path, os.stat(path).st_mode)
        except OSError:
            problem = None
        if problem is not None:
            raise error(problem) from None
        raise
    with os.fdopen(fd, "rb") as handle:
        problem = special_problem(path, os.fstat(fd).st_mode)
        if problem is not None:
            raise error(problem)
        return handle.read()


# Links followed before a chain is taken for a loop (Linux's own limit).
_MAX_LINKS = 40


def _through_links(path: Path) -> Path:
    """The path a chain of symbolic links ends at (``path`` itself when it is no link).

    A loop, or a chain longer than `_MAX_LINKS`, raises `OSError` (``ELOOP``).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "link.yaml").symlink_to("real.yaml")
    >>> _through_links(folder / "link.yaml") == folder / "real.yaml"
    True
    """
    for _ in range(_MAX_LINKS):
        if not path.is_symlink():
            return path
        path = path.parent / os.readlink(path)  # an absolute link replaces the folder
    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))


def refusal(err: OSError) -> str:
    """Why the system refused to write a file, and what to do about it, for a message.

    >>> refusal(OSError(errno.ENAMETOOLONG, "File name too long"))
    'the file name is too long; give a shorter one'
    >>> refusal(PermissionError(errno.EACCES, "Permission denied"))
    "Permission denied; write somewhere you may, or change the folder's permissions"
    """
    if err.errno == errno.ENAMETOOLONG:
        return "the file name is too long; give a shorter one"
    if err.errno == errno.ELOOP:
        return "it is a loop of links; point the link at a file, or write somewhere else"
    return f"{err.strerror or err}; {_fix(err)}"


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
