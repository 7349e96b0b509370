"""The `timeline` command: read, query, check, convert and publish timelines from a shell.

Every command that reads a timeline takes an optional data file (YAML, JSON or
CSV, chosen by suffix); without one it uses the bundled AI-race dataset.
Output is a table that fits the terminal (or ``COLUMNS``; ``--wide`` cuts
nothing), plain aligned text when piped, with control characters from the
data shown escaped; or with ``--json`` (``show``, ``upcoming``, ``overdue``) a JSON list of the same
events as they stand now: current date and status first, then their history
(`timeline.cli._json` describes the shape). That is a report, not a data
file; ``timeline convert`` writes files that load. The same filters work everywhere: ``--status``,
``--kind``, ``--actor``, ``--tag`` and ``--text`` (repeat one to match any of
its values), ``--between A B`` and ``--as-of D`` (the timeline as known on D).

``upcoming`` and ``overdue`` are relative to a day. The library never assumes
"now"; the command line does, because that is what a person at a shell means:
``--as-of`` defaults to today's local date, and the date used is always printed.

Exit codes: 0 success, 1 bad or unreadable data (every problem listed on
stderr), 2 a usage mistake (an unknown option, date text that is not a date).
A user mistake never ends in a traceback. A closed stdout (``timeline show |
head -1``) stops any command quietly with 0.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from timeline._errors import TimelineError, TimelineWarning
from timeline.cli._args import (
    _KNOWN,
    EXIT_DATA,
    EXIT_OK,
    EXIT_USAGE,
    _day_arg,
    _err,
    _Failure,
    _status_arg,
    _when_arg,
    _within_arg,
    stdout_gone,
)
from timeline.cli._commands import (
    _check,
    _convert,
    _demo,
    _export,
    _overdue,
    _schema,
    _show,
    _track_record,
    _upcoming,
)
from timeline.cli._extract import add_extract
from timeline.cli._parser import Parser

__all__ = ["main"]


def _filters(parser: argparse.ArgumentParser, *, as_of_help: str) -> None:
    group = parser.add_argument_group("filters (repeat an option to match any of its values)")
    group.add_argument(
        "--status",
        action="append",
        type=_status_arg,
        help="expected, confirmed, happened or cancelled",
    )
    group.add_argument("--kind", action="append", help="e.g. model-release, funding")
    group.add_argument("--actor", action="append", help="e.g. Tencent (any of its actors)")
    group.add_argument("--tag", action="append", help="e.g. agents")
    group.add_argument("--text", action="append", help="words in title, description, quotes")
    group.add_argument(
        "--between", nargs=2, type=_when_arg, metavar=("A", "B"), help="could fall from A to B"
    )
    group.add_argument("--as-of", type=_day_arg, metavar="D", help=as_of_help)


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the events on stdout as JSON, each as it stands now (see below)",
    )


_JSON_EPILOG = """--json prints a list with one object per event, as the table shows it:
  id, title         the event's id and title
  when, status      the CURRENT date (in words, e.g. "May 2026") and status
  earliest, latest  its span now (to the end's last day), ISO dates or instants; null
                    when unbounded ("by 2030" has no earliest)
  precision, end    the grain of when (day, month, quarter ...); the end, or null
  kind, actors, tags, location, description, related
  first_expected    the date first promised; slipped: true when a claim moved it later
  sources, claims   records as in a data file; target, observations: the figures
  url               the main source's link, or null
Every key is always present. This is a report, not a data file: to get a file
that loads again, use `timeline convert IN OUT` (or Timeline.save in Python).
"""


def _wide(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wide",
        action="store_true",
        help="show every cell in full, even past the terminal's width (default: fit it)",
    )


def _file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help=f"a {_KNOWN} data file (default: bundled dataset)"
    )


_TRACK_EPILOG = """A promise is an event first announced as expected or confirmed. Replayed as
known on the day (claims stated later are not used), each is:
  kept      happened by the last day of the FIRST date announced (a deadline
            by the deadline; "after X" is never late)
  late      happened after it (delay in days past that day)
  broken    cancelled, or still open and overdue on the day
  pending   still open and not overdue
ON TIME = kept / (kept + late + broken); NOTICE = mean days from the first
statement to the first date's last day. --json prints as_of, by, summary,
total and groups: one object per group with these counts and figures, "ids"
(the event ids behind each count) and "delay_days" (id: days late).
"""

_EPILOG = """examples:
  timeline show --actor Tencent --actor DeepSeek
  timeline upcoming events.yaml --within 30d
  timeline overdue events.yaml --as-of 2026-06-01 --json
  timeline track-record events.yaml --by kind --as-of 2026-06-01
  timeline show events.yaml --trend -o trend.png
  timeline export events.yaml -o feed.ics --name "AI race"
  timeline check events.yaml
  timeline convert events.yaml events.csv
  timeline convert feed.ics events.yaml
  timeline extract article.txt --published 2026-03-28 -o draft.yaml
  timeline demo --out demo-out
"""


def _parser() -> argparse.ArgumentParser:
    from timeline._version import installed_version

    __version__ = installed_version()

    parser = Parser(
        prog="timeline",
        description="Track dated and expected events with honest, imprecise dates.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        name: str, run: Callable[[argparse.Namespace], int], help: str, epilog: str | None = None
    ) -> Any:
        sub = commands.add_parser(
            name,
            help=help,
            description=help,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=run, heading_to_stderr=False, json=False)
        return sub

    show = command("show", _show, "show the timeline as a table", _JSON_EPILOG)
    _file(show)
    _json(show)
    show.add_argument(
        "--trend",
        action="store_true",
        help="write the milestone trend chart of the promises instead (needs -o)",
    )
    show.add_argument(
        "-o", "--output", metavar="OUT", help="with --trend: the .png or .svg file to write"
    )
    _wide(show)
    _filters(show, as_of_help="the timeline as known on day D (with --trend: default today)")

    track = command(
        "track-record",
        _track_record,
        "who kept their promises: kept, late, broken and pending, by actor",
        _TRACK_EPILOG,
    )
    _file(track)
    track.add_argument(
        "--by",
        choices=["actor", "kind", "tag", "precision", "publisher"],
        default="actor",
        help="group by actor (default), kind, tag, precision or publisher of the first date",
    )
    track.add_argument("--json", action="store_true", help="print the record as JSON (see below)")
    _wide(track)
    _filters(track, as_of_help="judge as known on day D (default: today)")

    upcoming = command("upcoming", _upcoming, "open events due soon", _JSON_EPILOG)
    _file(upcoming)
    _json(upcoming)
    _wide(upcoming)
    upcoming.add_argument(
        "--within", type=_within_arg, default="90d", help="how far ahead (default 90d)"
    )
    _filters(
        upcoming,
        as_of_help="look ahead from day D, as known on D (claims stated by then; default: today)",
    )

    overdue = command(
        "overdue",
        _overdue,
        "open events whose latest possible day has passed, or goals missed",
        _JSON_EPILOG,
    )
    _file(overdue)
    _json(overdue)
    _wide(overdue)
    _filters(
        overdue,
        as_of_help="judge on day D, as known on D (claims stated by then; default: today)",
    )

    export = command("export", _export, "write the timeline as an iCalendar feed")
    _file(export)
    export.add_argument("-o", "--output", metavar="OUT", help="the .ics file (default: stdout)")
    export.add_argument("--name", help="the feed's name (default: the timeline's, or FILE's)")
    export.add_argument(
        "--domain",
        default="timeline.invalid",
        help="event UIDs are ID@DOMAIN; use a domain you control (default: timeline.invalid)",
    )
    export.add_argument(
        "--policy",
        choices=["auto", "window", "start", "end"],
        default="auto",
        help="where imprecise dates go: auto (default) shows windows up to 92 days whole "
        "and marks the last possible day of longer spans and deadlines",
    )
    export.add_argument(
        "--include-cancelled", action="store_true", help="keep cancelled events in the feed"
    )
    _filters(export, as_of_help="the timeline as known on day D")

    check = command("check", _check, "validate a data file and list every problem")
    check.add_argument("file", metavar="FILE", help=f"a {_KNOWN} data file")
    check.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit code 1) on warnings too, not only on problems",
    )
    check.add_argument(
        "--today",
        type=_day_arg,
        metavar="D",
        help="the day to judge 'in the future' against (default: today)",
    )

    convert = command(
        "convert",
        _convert,
        "convert a data file between YAML, JSON, CSV and Parquet, or import a feed (.ics)",
    )
    convert.add_argument(
        "input",
        metavar="IN",
        help=f"a {_KNOWN} data file, a folder of .parquet files, or an .ics feed",
    )
    convert.add_argument("output", metavar="OUT", help="the file to write; format by suffix")
    convert.add_argument("--force", action="store_true", help="replace OUT if it exists")
    convert.add_argument(
        "--bom",
        action="store_true",
        help="start a .csv OUT with the UTF-8 byte-order mark, so Excel reads it as UTF-8",
    )

    command("schema", _schema, "print the JSON Schema of the data-file format")

    add_extract(command)

    demo = command("demo", _demo, "show the bundled timeline and write its feed and page")
    demo.add_argument("--out", default=".", metavar="DIR", help="where to write (default: .)")
    return parser


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return EXIT_OK
    return exc.code if isinstance(exc.code, int) else EXIT_DATA


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``timeline`` command with ``argv`` (default: the process's); returns the exit code.

    >>> main(["--version"])  # doctest: +ELLIPSIS
    timeline ...
    0
    """
    with _streams():
        return _main(argv)


@contextlib.contextmanager
def _streams() -> Iterator[None]:
    """A closed stdout or stderr (``timeline show >&-``, which Python gives as None) taken as
    the null device while the command runs: what it prints goes nowhere, as to a closed
    pipe, and the command still does its work and says its exit code."""
    opened = {}
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            opened[name] = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
            setattr(sys, name, opened[name])
    try:
        yield
    finally:
        for name, stream in opened.items():
            setattr(sys, name, None)
            stream.close()


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors (already printed)
        return _exit_code(exc)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TimelineWarning)
        code = _run(lambda args: run(_named(args)), args)
    # What the library did on the user's behalf (events left out of a feed, say),
    # said plainly after the command's own output.
    for warning in caught:
        if issubclass(warning.category, TimelineWarning):
            _err(f"timeline: warning: {warning.message}")
        else:  # not ours to reword: hand it back to the warnings machinery
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return code


def _named(args: argparse.Namespace) -> argparse.Namespace:
    """``args`` once every path in them can name a file: a NUL, or half a surrogate pair
    (which no file name holds), is a usage mistake said before anything is read."""
    from timeline.records._atomic import name_problem

    for attribute in ("file", "input", "output", "out", "article"):
        value = getattr(args, attribute, None)
        if isinstance(value, str) and value != "-":
            problem = name_problem(value)
            if problem is not None:
                raise _Failure(f"{value!r} cannot be a file's name: {problem}", EXIT_USAGE)
    return args


def _run(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run one command, turning every user-facing failure into a message and an exit code."""
    try:
        code = run(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return code
    except _Failure as err:
        _err(f"timeline: error: {err}")
        return err.code
    except TimelineError as err:
        # Bad data: the loader's message already lists every problem with its place.
        _err(f"timeline: error: {err}")
        return EXIT_DATA
    except BrokenPipeError:
        # The reader went away (`timeline show | head`): stop quietly with 0, as when
        # the whole output fit in the pipe's buffer, whatever the command; point stdout
        # at devnull so the interpreter's final flush does not fail again.
        stdout_gone()
        return EXIT_OK
    except OSError as err:
        where = f"{err.filename}: " if err.filename else ""
        _err(f"timeline: error: {where}{err.strerror or err}")
        return EXIT_DATA
    except KeyboardInterrupt:
        return 130
