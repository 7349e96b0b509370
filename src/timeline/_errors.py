"""The exceptions timeline raises: one small tree under `TimelineError`.

Every error the library raises on bad input is a `TimelineError`; those about a
bad value are also `ValueError`, so code that already catches `ValueError` keeps
working. Messages quote the input and name the fix.
"""

from __future__ import annotations

import enum
import errno
import os
import re
import sys
import warnings
from collections.abc import Iterable

import attrs

__all__ = [
    "DataFileError",
    "DataFileNotFoundError",
    "DataFilePermissionError",
    "DataFileProblem",
    "EventError",
    "ExtractError",
    "FrameError",
    "IcsError",
    "IcsParseError",
    "PlotError",
    "QuantityError",
    "QueryError",
    "TargetError",
    "TimelineError",
    "TimelineWarning",
    "WhenError",
    "WhenParseError",
    "WriteError",
]


class TimelineError(Exception):
    """Base class of every error timeline raises.

    >>> issubclass(WhenParseError, TimelineError)
    True
    """


class WhenError(TimelineError, ValueError):
    """An invalid argument to a `When` constructor.

    >>> from timeline import When
    >>> When.month(2026, 13)
    Traceback (most recent call last):
    ...
    timeline._errors.WhenError: When.month(2026, 13): month must be 1..12, got 13
    """


class WhenParseError(TimelineError, ValueError):
    """Text that is not a date `When.parse` understands.

    Carries the offending ``text``, the ``reason`` and an optional
    ``suggestion`` (a corrected spelling to try).

    >>> err = WhenParseError("Aprill 2026", "unknown month name 'Aprill'", "April 2026")
    >>> str(err)
    "'Aprill 2026' is not a date: unknown month name 'Aprill'; did you mean 'April 2026'?"
    """

    def __init__(self, text: str, reason: str, suggestion: str | None = None) -> None:
        self.text = text
        self.reason = reason
        self.suggestion = suggestion
        message = f"{quoted(text)} is not a date: {reason}"
        if suggestion is not None:
            message += f"; did you mean {quoted(suggestion)}?"
        super().__init__(message)


class FrameError(TimelineError, ValueError):
    """A DataFrame row that does not make a valid event (`Timeline.from_pandas`).

    >>> import pandas as pd
    >>> from timeline import Timeline
    >>> Timeline.from_pandas(pd.DataFrame({"title": ["x"]}))
    Traceback (most recent call last):
    ...
    timeline._errors.FrameError: the frame has no 'when' column; ...
    """


class PlotError(TimelineError, ValueError):
    """A bad argument to `Timeline.plot`, `Timeline.save_plot` or `Timeline.to_html`.

    >>> from timeline import Timeline
    >>> Timeline().plot(by="colour")
    Traceback (most recent call last):
    ...
    timeline._errors.PlotError: plot: by='colour' is not a lane key; use one of actor, kind, status
    """


# A quoted value (a repr) of at least this many characters, as a whole token of a message.
_LONG_QUOTE = re.compile(
    r"""(?<![\w'"])('(?:[^'\\\n]|\\.){240,}'|"(?:[^"\\\n]|\\.){240,}")(?!\w)"""
)


def _short_quotes(message: str) -> str:
    """``message`` with each quoted value longer than 240 characters cut to its ends.

    A file's value is quoted whole in its problem; a megabyte-long one would make a
    megabyte-long message, so its first and last 100 characters are kept, with its length.

    >>> _short_quotes("'" + "x" * 1000 + "' is not a status")[-45:]
    "xxxxxxxxx' (1,000 characters) is not a status"
    """
    if len(message) < 1_000:
        return message

    def cut(match: re.Match[str]) -> str:
        quoted = match.group()
        return f"{quoted[:101]}…{quoted[-101:]} ({len(quoted) - 2:,} characters)"

    return _LONG_QUOTE.sub(cut, message)


def _short_field(field: str | None) -> str | None:
    """A field name (a CSV column, a YAML key) cut to its ends when it is very long.

    >>> len(_short_field("c" * 10_000))
    221
    """
    if field is None or len(field) <= 240:
        return field
    return f"{field[:100]}…{field[-100:]} ({len(field):,} characters)"


@attrs.frozen
class DataFileProblem:
    """One problem found in a data file: where it is, which field, what is wrong.

    ``line`` is the line in the file (for CSV, the line where the row starts);
    ``field`` names the field as the file spells it (``when``,
    ``sources[0].published``, or a CSV column such as ``source_published``).

    >>> p = DataFileProblem("'Aprill 2026' is not a date", file="a.yaml", line=14, field="when")
    >>> str(p)
    "a.yaml:14: when: 'Aprill 2026' is not a date"
    """

    message: str = attrs.field(converter=_short_quotes)
    file: str | None = None
    line: int | None = None
    field: str | None = attrs.field(default=None, converter=_short_field)

    def __str__(self) -> str:
        where = self.file or "<records>"
        if self.line is not None:
            where += f":{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class DataFileError(TimelineError, ValueError):
    """A data file (or list of records) that cannot be loaded; lists every problem.

    Loading checks the whole file before giving up, so ``problems`` holds all of
    them at once, in file order (up to 1,000: then a last one says where reading
    stopped). Nothing half-loaded is ever returned. `save`
    raises it too, writing nothing, for a timeline the format cannot hold (a CSV
    file has no place for ``fiscal_years``).

    >>> problem = DataFileProblem("missing field", file="a.yaml", line=3, field="title")
    >>> str(DataFileError([problem]))
    'a.yaml:3: title: missing field'
    """

    def __init__(self, problems: Iterable[DataFileProblem]) -> None:
        self.problems: tuple[DataFileProblem, ...] = tuple(problems)
        lines = [str(p) for p in self.problems]
        if len(lines) == 1:
            message = lines[0]
        else:
            files = {p.file for p in self.problems}
            place = f" in {files.pop()}" if len(files) == 1 and None not in files else ""
            message = "\n".join([f"{len(lines)} problems{place}:", *lines])
        super().__init__(message)


class DataFileNotFoundError(DataFileError, FileNotFoundError):
    """A data file that does not exist: a `DataFileError` naming the path and the fix
    (a sibling with another data suffix, a missing folder), and still a
    `FileNotFoundError` (``errno``, ``filename`` set) for code that catches that.

    >>> err = DataFileNotFoundError("x.yaml", "check the path")
    >>> str(err), isinstance(err, FileNotFoundError), err.filename
    ('x.yaml: no such file; check the path', True, 'x.yaml')
    """

    def __init__(self, path: str, fix: str) -> None:
        DataFileError.__init__(self, [DataFileProblem(f"no such file; {fix}", file=path)])
        self.errno, self.strerror, self.filename = errno.ENOENT, os.strerror(errno.ENOENT), path

    def __str__(self) -> str:
        return str(self.args[0])


class DataFilePermissionError(DataFileError, PermissionError):
    """A data file the process may not read: a `DataFileError` naming the path and the
    fix, and still a `PermissionError` (``errno``, ``filename`` set).

    >>> err = DataFilePermissionError("x.yaml")
    >>> str(err), isinstance(err, PermissionError)
    ('x.yaml: permission denied; make the file readable (chmod u+r) or read it as its owner', True)
    """

    def __init__(self, path: str, code: int = errno.EACCES) -> None:
        fix = "make the file readable (chmod u+r) or read it as its owner"
        DataFileError.__init__(self, [DataFileProblem(f"permission denied; {fix}", file=path)])
        self.errno, self.strerror, self.filename = code, os.strerror(code), path

    def __str__(self) -> str:
        return str(self.args[0])


class EventError(TimelineError, ValueError):
    """An invalid value for a field of an `Event`, `Source` or `Claim`.

    >>> from timeline import Event
    >>> Event(title="x", when="2026-04", status="planned")
    Traceback (most recent call last):
    ...
    timeline._errors.EventError: event 'x': status: 'planned' is not a status; use one of ...
    """


class QuantityError(TimelineError, ValueError):
    """A figure that is not a valid `Quantity`, or arithmetic between incompatible ones.

    Carries the offending ``text`` (the input as given) when there is one.

    >>> str(QuantityError("'lots' is not a quantity: no number found", text="lots"))
    "'lots' is not a quantity: no number found"
    """

    def __init__(self, message: str, *, text: str | None = None) -> None:
        self.text = text
        super().__init__(message)


class TargetError(TimelineError, ValueError):
    """A target, observation or growth question that cannot be answered as asked.

    >>> issubclass(TargetError, ValueError)
    True
    """


class WriteError(TimelineError, OSError):
    """A file could not be written where it was asked for (a missing folder, say).

    Also an `OSError`, as Python's own file errors are.

    >>> issubclass(WriteError, OSError)
    True
    """


class TimelineWarning(UserWarning):
    """Something timeline did on your behalf that you should know about.

    Raised as a warning, never an error: a recurring event imported as its
    first occurrence, a calendar component skipped, an event left out of a feed.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warnings.warn("skipped 1 VTODO", TimelineWarning)
    >>> caught[0].category.__name__
    'TimelineWarning'
    """


def quoted(value: object) -> str:
    """``repr(value)`` for a message, never raising while the message is being built.

    A whole number longer than Python will write out as digits (4,300 by default, anywhere
    inside the value) makes ``repr`` raise a bare `ValueError`; it is described instead, so
    the caller's `TimelineError` still says what was wrong and where.

    >>> quoted("April 2026"), quoted([10**5000])
    ("'April 2026'", 'a list holding a whole number too long to write out (over 4,300 digits)')
    """
    try:
        return repr(value)
    except ValueError:
        limit = sys.get_int_max_str_digits()
        digits = f"a whole number too long to write out (over {limit:,} digits)"
        if isinstance(value, int):
            return digits
        return f"a {type(value).__name__} holding {digits}"


def not_a_member(
    kind: type[enum.Enum], value: object, noun: str, error: type[TimelineError]
) -> TimelineError:
    """The error for ``kind(value)`` when ``value`` is none of the enum's: the input
    quoted, every valid value listed, and the one meant when it is a near miss.

    The public enums raise it from ``_missing_`` (Python's own was "5 is not a valid
    Status", with no fix); ``error`` is the layer's `ValueError` subclass.

    >>> import enum
    >>> class Colour(enum.Enum):
    ...     RED = "red"
    ...     DARK_BLUE = "dark blue"
    >>> print(not_a_member(Colour, "Dark-Blue", "a colour", TimelineError))
    Colour('Dark-Blue'): 'Dark-Blue' is not a colour; did you mean 'dark blue' (Colour.DARK_BLUE)?
    >>> print(not_a_member(Colour, 5, "a colour", TimelineError))
    Colour(5): 5 is not a colour; use one of 'red', 'dark blue'
    """
    shown = quoted(value)
    head = f"{kind.__name__}({shown}): {shown} is not {noun}; "
    meant = _meant(kind, value)
    if meant is not None:
        return error(f"{head}did you mean {quoted(meant.value)} ({kind.__name__}.{meant.name})?")
    return error(head + "use one of " + ", ".join(quoted(member.value) for member in kind))


def _meant(kind: type[enum.Enum], value: object) -> enum.Enum | None:
    """The member ``value`` spells another way (case, spaces, ``-``/``_``, its name, a typo)."""
    import difflib  # only once a value is refused

    if not isinstance(value, str) or len(value) > 100:
        return None

    def key(text: str) -> str:
        return re.sub(r"[\s_-]+", " ", text.strip().lower())

    spellings: dict[str, enum.Enum] = {}
    for member in kind:
        spellings.setdefault(key(member.name), member)
        spellings.setdefault(key(str(member.value)), member)
    close = difflib.get_close_matches(key(value), spellings, n=1, cutoff=0.75)
    return spellings[close[0]] if close else None


def warn_user(message: str) -> None:
    """Issue a `TimelineWarning` pointing at the caller's code, not at timeline's own.

    The library reaches the same warning through different paths (`Timeline.save`,
    the command line ...), so a fixed ``stacklevel`` would point at the wrong line.
    """
    package = os.path.dirname(__file__) + os.sep
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_code.co_filename.startswith(package):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    warnings.warn(message, TimelineWarning, stacklevel=level + 1)


class IcsError(TimelineError, ValueError):
    """A bad argument for an iCalendar feed, or a timeline a feed cannot carry.

    >>> IcsError("policy: 'middle' is not a policy; use auto, window, start or end").args[0]
    "policy: 'middle' is not a policy; use auto, window, start or end"
    """


class IcsParseError(IcsError):
    """iCalendar text that cannot be read; ``line`` is the 1-based line number.

    >>> err = IcsParseError(3, "END:VEVENT closes nothing; remove it or add BEGIN:VEVENT")
    >>> str(err), err.line
    ('line 3: END:VEVENT closes nothing; remove it or add BEGIN:VEVENT', 3)
    """

    def __init__(self, line: int, reason: str) -> None:
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}")


class QueryError(TimelineError, ValueError):
    """An invalid argument to `Timeline` or one of its queries.

    A duration, a grouping or a status a query cannot use; a name, description
    or ``fiscal_years`` the timeline cannot hold (an unknown month, a lone
    surrogate that no file could write).

    >>> from timeline import Event, Timeline
    >>> Timeline().upcoming(as_of="2026-03-28", within="soon")
    Traceback (most recent call last):
    ...
    timeline._errors.QueryError: within: 'soon' is not a duration; write e.g. '90 days', ...
    """


class ExtractError(TimelineError, ValueError):
    """A bad argument to `timeline.extract`: the message quotes it and names the fix.

    >>> str(ExtractError("extract: text: 42 is not text; pass the article as a str"))
    'extract: text: 42 is not text; pass the article as a str'
    """
