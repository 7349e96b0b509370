"""Reading and writing data files: the format chosen by the file's suffix.

``.parquet`` files (and folders of them) are the columnar form, read and
written by `timeline.columnar` (which needs pyarrow). ``.yaml``/``.yml``,
``.json`` and ``.csv`` are read by `timeline.formats._yaml`,
`timeline.formats._json` and `timeline.formats._csv` into the shared document form of
`timeline.records._schema`, then checked and built into a `Timeline` in one pass that
collects every problem. Files are UTF-8 (a byte-order mark, as spreadsheets
write, is accepted) and are written atomically: to a temporary file in the
same folder, then renamed over the target, so a reader never sees half a file.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from timeline._errors import (
    DataFileError,
    DataFileNotFoundError,
    DataFilePermissionError,
    DataFileProblem,
    quoted,
)
from timeline.records._atomic import name_problem, path_text, read_regular, write_atomic
from timeline.records._folders import parquet_search

if TYPE_CHECKING:
    from timeline.model._timeline import Timeline
    from timeline.records._schema import Locations

__all__ = [
    "FORMATS",
    "decode",
    "dumps",
    "file_schema",
    "format_of",
    "load",
    "load_with_lines",
    "loads",
    "save",
]

Format = Literal["yaml", "json", "csv", "parquet"]

FORMATS: dict[str, Format] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
}
"""File suffixes and the format each one selects."""


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format a file's suffix selects; raises `DataFileError` for others.

    >>> format_of("tracker.YML")
    'yaml'
    """
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        known = ", ".join(FORMATS)
        if suffix in (".ics", ".ical", ".ifb", ".icalendar"):
            problem = (
                "an iCalendar feed, not a data file: read it with Timeline.from_ics, write "
                "one with write_ics (or `timeline convert feed.ics events.yaml`)"
            )
            raise DataFileError([DataFileProblem(problem, file=str(path))]) from None
        why = f"unknown suffix {quoted(suffix)}" if suffix else "no suffix"
        raise DataFileError(
            [DataFileProblem(f"{why}: name the file with one of {known}", file=str(path))]
        ) from None


def _module(fmt: Format) -> ModuleType:
    if fmt == "parquet":
        raise DataFileError(
            [DataFileProblem("Parquet is binary, not text: use load and save with a .parquet path")]
        )
    if fmt == "yaml":
        from timeline.formats import _yaml as _io_yaml

        return _io_yaml
    if fmt == "json":
        from timeline.formats import _json as _io_json

        return _io_json
    from timeline.formats import _csv as _io_csv

    return _io_csv


def loads(text: str, fmt: Format, *, file: str | None = None) -> Timeline:
    """A timeline from text in the given format; ``file`` names it in problems.

    >>> len(loads('{"events": [{"title": "A", "when": "2026"}]}', "json"))
    1
    """
    return _read(text, fmt, file)[0]


def _read(text: str, fmt: Format, file: str | None) -> tuple[Timeline, Any, Locations]:
    """The timeline, the document it was read from and where each field came from."""
    from timeline._bulk import paused_gc
    from timeline.records._schema_read import document_to_timeline

    try:
        with paused_gc():  # a large file is millions of objects, none cyclic
            document, where = _module(fmt).read(text.removeprefix("\ufeff"), file)
            return document_to_timeline(document, where), document, where
    except DataFileError:
        other = _other_format(text, fmt, file)  # only looked for once reading failed
        if other is None:
            raise
        raise DataFileError([other]) from None
    except RecursionError:
        # The readers refuse deep nesting with its line; this is the backstop for a value
        # just under the parser's own limit that a later step cannot walk.
        message = "values nested too deeply to read; a timeline file needs at most 6 levels"
        raise DataFileError([DataFileProblem(message, file=file)]) from None


# What the start of each format looks like: a document's own first field (YAML), a CSV
# header naming title and when, a JSON object.
_YAML_START = re.compile(r"(?:events|name|description|fiscal_years)\s*:(?:\s|$)")
_CSV_HEADER = re.compile(r"[\w ]+(?:[,;\t][\w ]*)+")


def _other_format(text: str, fmt: Format, file: str | None) -> DataFileProblem | None:
    """The problem for a file of one format named as another (YAML saved as .json), or None.

    >>> print(_other_format("events:\\n  - title: A\\n", "json", "t.json").message)
    the file holds YAML (it starts with 'events:'), not JSON: name it t.yaml, or ...
    """
    body = text.removeprefix("\ufeff").lstrip()
    lines = [line.strip() for line in body.splitlines()[:50]]
    content = next((line for line in lines if line and not line.startswith("#")), "")
    found: Format | None = None
    if body.startswith("{"):
        # YAML reads JSON: a .yaml file's error there is a real one, not a misnamed file.
        found = "json" if fmt != "yaml" else None
    elif _YAML_START.match(content):
        found = "yaml"
    elif _CSV_HEADER.fullmatch(content):
        names = {name.strip().lower() for name in re.split(r"[,;\t]", content)}
        found = "csv" if {"title", "when"} <= names else None
    if found is None or found == fmt:
        return None
    first = lines[0] if len(lines[0]) <= 40 else lines[0][:40] + "..."
    suffix = {"yaml": ".yaml", "json": ".json", "csv": ".csv"}[found]
    name = Path(file).with_suffix(suffix).name if file else f"a {suffix} file"
    message = (
        f"the file holds {found.upper()} (it starts with {quoted(first)}), not {fmt.upper()}: name "
        f"it {name}, or convert it to the format its name says"
    )
    return DataFileProblem(message, file=file, line=1)


def dumps(timeline: Timeline, fmt: Format, *, file: str | None = None) -> str:
    """The timeline as text in the given format; ``file`` names it in a refusal.

    CSV refuses a timeline with ``fiscal_years`` (`DataFileError`): it has no
    place for them.

    >>> from timeline import Timeline
    >>> dumps(Timeline(name="Demo"), "yaml")
    'name: Demo\\nevents: []\\n'
    """
    from timeline.records._schema import timeline_to_document

    document = timeline_to_document(timeline)
    module = _module(fmt)
    text: str = module.write(document, file) if fmt == "csv" else module.write(document)
    return text


def load(path: str | os.PathLike[str], *, filters: Any = None) -> Timeline:
    """Read a data file, or a folder of Parquet files; raises `DataFileError` listing every problem.

    ``filters`` (Parquet only) is pushed down to the files: see
    `timeline.columnar.window_filter`.
    """
    path = _checked_path(path)
    if os.path.isdir(path):
        _dataset_folder(path)
    elif format_of(path) == "parquet":
        _must_exist(path)  # other formats say so as they read
    if os.path.isdir(path) or format_of(path) == "parquet":
        from timeline.columnar._parquet import read_parquet

        return read_parquet(path, filters=filters)
    fmt = format_of(path)
    if filters is not None:
        problem = f"filters apply to Parquet files and folders, not {fmt.upper()}; load, then query"
        raise DataFileError([DataFileProblem(problem, file=os.fspath(path))])
    file = os.fspath(path)
    return loads(decode(_read_file(path), file), fmt, file=file)


def _read_file(path: str | os.PathLike[str]) -> bytes:
    """A data file's bytes; a named pipe, a device or a folder is refused unread."""
    if os.path.isdir(path):
        _dataset_folder(path, dataset=False)
    file = os.fspath(path)

    def refused(problem: str) -> DataFileError:
        return DataFileError([DataFileProblem(problem, file=file)])

    try:
        return read_regular(path, refused)
    except (FileNotFoundError, NotADirectoryError):
        _must_exist(path)  # says which part is missing
        raise  # there after all: gone and back between the look and the read
    except PermissionError as err:
        raise DataFilePermissionError(file, err.errno or errno.EACCES) from None


def _must_exist(path: str | os.PathLike[str]) -> None:
    """Refuse a path that names nothing (`DataFileNotFoundError`), with `missing_fix`'s fix."""
    fix = missing_fix(path)
    if fix is not None:
        raise DataFileNotFoundError(os.fspath(path), fix)


def missing_fix(path: str | os.PathLike[str]) -> str | None:
    """None when ``path`` exists, else the fix for a path that names nothing: what is
    missing and what is there instead (a file of that name with another data suffix, a
    missing folder, the target of a broken link).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "x.yml").write_text("events: []")
    >>> missing_fix(folder / "x.yaml"), missing_fix(folder / "x.yml")
    ("check the path (did you mean 'x.yml'?)", None)
    """
    if os.path.exists(path):
        return None
    here = Path(path)
    if os.path.islink(path):
        return f"it is a link to {os.readlink(path)!r}, which does not exist; fix the link"
    folder, missing = here.parent, None
    while not os.path.lexists(folder) and folder != folder.parent:
        folder, missing = folder.parent, folder  # up to the first that is there
    if not folder.is_dir():
        return f"check the path ({str(folder)!r} is a file, not a folder)"
    if missing is not None:
        return f"check the path (folder {str(missing)!r} does not exist)"
    near = _siblings(here)
    if near:
        return f"check the path (did you mean {' or '.join(repr(n) for n in near)}?)"
    return "check the path"


def _siblings(path: Path) -> list[str]:
    """Names in ``path``'s folder with its stem and another data suffix, sorted."""
    stem, suffix = path.stem.lower(), path.suffix.lower()
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return sorted(
        name
        for name in names
        if Path(name).stem.lower() == stem
        and Path(name).suffix.lower() in FORMATS
        and (Path(name).suffix.lower() != suffix or name != path.name)
    )[:3]


def _dataset_folder(path: str | os.PathLike[str], *, dataset: bool = True) -> None:
    """Refuse a folder named as a text data file (``events.yaml/``) that holds no Parquet.

    A folder is read only as a Parquet dataset (when ``dataset``); one named
    ``.csv``, as Spark's ``df.write.csv`` names its folder of part files, has its
    files named.
    """
    fmt = FORMATS.get(Path(path).suffix.lower())
    if dataset and fmt in (None, "parquet"):
        return
    folder = Path(path)
    if dataset and parquet_search(folder) == "found":
        return  # a dataset, whatever its name
    kind = fmt.upper() if fmt is not None else "data"
    problem = (
        f"a folder, not a {kind} file; give the path of the file itself (a folder is read "
        "only as a dataset of .parquet files)"
    )
    suffix = folder.suffix.lower()
    parts = sorted(
        str(f)
        for f in folder.iterdir()
        if f.suffix.lower() == suffix and not f.name.startswith((".", "_"))
    )
    if parts:
        more = f" and {len(parts) - 1} more" if len(parts) > 1 else ""
        problem += f"; its files are {quoted(parts[0])}{more}: load each, or write Parquet"
    raise DataFileError([DataFileProblem(problem, file=os.fspath(path))])


def _path(path: object) -> str:
    """``path`` as text (bytes and `~pathlib.Path` too), or `DataFileError` for what is no
    path (``None``, a number, a list) or a file's name ending in a slash."""
    text = path_text(path)
    if text is None:
        problem = (
            f"{quoted(path)} is not a file path; give the data file's path as text or a "
            "pathlib.Path"
        )
        raise DataFileError([DataFileProblem(problem)])
    separators = (os.sep, os.altsep) if os.altsep else (os.sep,)
    if text.endswith(separators) and not os.path.isdir(text):
        # pathlib drops the slash (a save wrote "t.yaml"), the system does not (a load of
        # the same name found "no such file"): one name, two files; refused for both.
        end = quoted(text[-1])
        problem = f"the path ends with {end}, as a folder's does; drop the {end}"
        raise DataFileError([DataFileProblem(problem, file=text)])
    return text


def _checked_path(path: object) -> str:
    """`_path`, and refused for a name no file can have (a NUL, half a surrogate pair)."""
    text = _path(path)
    problem = name_problem(text)
    if problem is not None:
        raise DataFileError([DataFileProblem(problem, file=text)])
    return text


def decode(data: bytes, file: str | None = None) -> str:
    """A data file's bytes as text: UTF-8, with or without a byte-order mark.

    Anything else is a `DataFileError` at the line of the first byte that is not
    UTF-8, naming the fix (spreadsheets and old editors save Latin-1 or UTF-16).

    >>> decode("title,when\\nCaf\\xe9,2026\\n".encode("latin-1"), "t.csv")
    Traceback (most recent call last):
    ...
    timeline._errors.DataFileError: t.csv:2: byte 0xe9 at column 4 cannot be read, ...
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16's
            line, what = None, "the file is UTF-32 (it starts with a UTF-32 byte-order mark)"
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            line, what = None, "the file is UTF-16 (it starts with a UTF-16 byte-order mark)"
        else:
            # utf-8-sig counts from after the byte-order mark: place the byte in the file.
            bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
            start = err.start + bom
            line = data.count(b"\n", 0, start) + 1
            # The column in characters, as an editor counts them (é is one, the BOM none).
            before = data[max(data.rfind(b"\n", 0, start) + 1, bom) : start]
            column = len(before.decode("utf-8", "replace")) + 1
            what = f"byte {data[start]:#04x} at column {column} cannot be read"
        raise DataFileError(
            [DataFileProblem(f"{what}, {_SAVE_AS}", file=file, line=line)]
        ) from None
    if "\x00" in text[:64]:  # only then can it be UTF-16 or UTF-32 (valid UTF-8 in ASCII)
        if not data[:256].strip(b"\x00"):
            # What a crash can leave: a file of the right size whose blocks were never written.
            what = (
                "the file starts with nothing but NUL bytes, not text (a file left unwritten by a "
                "crash?); restore it from a copy"
            )
            raise DataFileError([DataFileProblem(what, file=file)])
        wide = _wide(data)
        if wide is not None:
            what = (
                f"the file looks like {wide} without a byte-order mark (a NUL byte beside "
                "each letter)"
            )
            raise DataFileError([DataFileProblem(f"{what}, {_SAVE_AS}", file=file)])
    return text


_SAVE_AS = "so the file is not UTF-8 text; save it as UTF-8 (spreadsheets: Save As 'CSV UTF-8')"


def _wide(data: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when the start of ``data`` reads as that without a byte-order mark.

    Mostly ASCII text in those encodings has a NUL beside each character: three of
    every four bytes (UTF-32) or every other byte (UTF-16), at the same place in each.

    >>> _wide("title,when".encode("utf-16-le")), _wide(b"title\\x00,when")
    ('UTF-16', None)
    """
    head = data[:256]
    for size in (4, 2):
        chunks = [head[i : i + size] for i in range(0, len(head) - size + 1, size)]
        for place in range(size):  # where the character's own byte is: the rest are NUL
            mostly = sum(
                c[place] != 0 and c[:place] + c[place + 1 :] == bytes(size - 1) for c in chunks
            )
            if chunks and mostly * 4 >= len(chunks) * 3:
                return f"UTF-{size * 8}"
    return None


def load_with_lines(
    path: str | os.PathLike[str],
) -> tuple[Timeline, Callable[[str, tuple[str | int, ...]], int | None]]:
    """Read a data file, and a way to find the line of a field of an event in it.

    The second value takes an event id and a path inside its record
    (``("claims", 0, "stated")``) and gives the line, or that of the nearest
    enclosing field; None for an event the file does not hold. `timeline check`
    uses it to put warnings on their line.

    >>> import os, tempfile
    >>> from timeline import Event, Timeline
    >>> path = os.path.join(tempfile.mkdtemp(), "t.yaml")
    >>> Timeline([Event(title="A", when="2026", status="happened")]).save(path)
    >>> tl, line = load_with_lines(path)
    >>> line("a", ("status",))
    5
    """
    from timeline.records._schema_read import _intended_id

    path = _checked_path(path)
    fmt = format_of(path)
    data = _read_file(path)
    file = os.fspath(path)
    timeline, document, where = _read(decode(data, file), fmt, file)
    rows = document.get("events") if isinstance(document, dict) else None
    index: dict[str, int] = {}
    for i, row in enumerate(rows if isinstance(rows, list) else []):
        id = _intended_id(row, None)[1]
        if id is not None:
            index.setdefault(id, i)

    def line(event: str, field: tuple[str | int, ...]) -> int | None:
        position = index.get(event)
        return None if position is None else where.line(("events", position, *field))

    return timeline, line


def save(timeline: Timeline, path: str | os.PathLike[str], *, bom: bool = False) -> None:
    """Write a data file atomically, in the format its suffix selects.

    ``bom=True`` starts a CSV file with the UTF-8 byte-order mark, which Excel needs
    to read it as UTF-8 (without it Excel on Windows garbles Chinese text); other
    formats refuse it (JSON forbids the mark). `load` reads CSV with or without it.
    """
    path = _path(path)  # a name no file can have is the write's error (`write_atomic`)
    fmt = format_of(path)
    _check_bom(bom, fmt, path)
    if fmt == "parquet":
        from timeline.columnar._parquet import write_parquet

        write_parquet(timeline, path)
        return
    text = dumps(timeline, fmt, file=os.fspath(path))
    write_atomic(path, "\ufeff" + text if bom else text)


def _check_bom(bom: object, fmt: Format, path: str | os.PathLike[str]) -> None:
    """Refuse a ``bom`` that is not True or False, or True for a format other than CSV."""
    file = os.fspath(path)
    if not isinstance(bom, bool):
        problem = f"save: bom: {quoted(bom)} is not True or False"
        raise DataFileError([DataFileProblem(problem, file=file)])
    if bom and fmt != "csv":
        problem = (
            f"save: bom=True is for .csv files (the byte-order mark Excel needs); a "
            f"{fmt.upper()} file is written without one: leave bom out"
        )
        raise DataFileError([DataFileProblem(problem, file=file)])


def file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of timeline's YAML and JSON data files.

    Editors use it to check a tracker file while it is typed (for YAML, via a
    ``# yaml-language-server: $schema=...`` line). Each call returns a fresh copy.

    >>> file_schema()["required"]
    ['events']
    """
    import json

    text = resources.files("timeline").joinpath("data", "timeline.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
