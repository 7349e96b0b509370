"""The `timeline` command: read, query, check, convert and publish timelines from a shell.

Every command that reads a timeline takes an optional data file (YAML, JSON or
CSV, chosen by suffix); without one it uses the bundled AI-race dataset.
Output is a table that fits the terminal, plain aligned text when piped, or
with ``--json`` (``show``, ``upcoming``, ``overdue``) a JSON list of the same
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
A user mistake never ends in a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import difflib
import json
import os
import shutil
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from timeline._errors import DataFileError, TimelineError, TimelineWarning, WhenParseError
from timeline.cli._json import event_state
from timeline.dates._bounds import _cmp
from timeline.dates._days import to_day
from timeline.dates._when import When
from timeline.display._table import render
from timeline.formats._io import FORMATS
from timeline.model._claim import Status
from timeline.model._event import Event, slugify
from timeline.model._timeline import Timeline, _within_days

__all__ = ["main"]

_KNOWN = ".yaml, .yml, .json, .csv or .parquet"
_DATE_HINT = "write a date such as 2026-03-28, 'April 2026' or 'Q2 2026'"

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


class _Failure(Exception):
    """A user-facing failure: its message goes to stderr and ``code`` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_DATA) -> None:
        super().__init__(message)
        self.code = code


# -- argument types: bad values become usage errors that quote the input ----------------


def _when_arg(text: str) -> When:
    try:
        return When.parse(text)
    except WhenParseError as err:
        raise argparse.ArgumentTypeError(_date_problem(text, err)) from None
    except TimelineError as err:
        raise argparse.ArgumentTypeError(f"{err}; {_DATE_HINT}") from None


def _date_problem(text: str, err: WhenParseError) -> str:
    # A relative phrase ("next month") is refused like everywhere else in the
    # library, but the message shows what it would mean today, to copy.
    try:
        meant = When.parse(text, reference=_dt.date.today())
    except TimelineError:
        meant = None
    if meant is not None:
        return (
            f"{text!r} is relative; write the date itself, e.g. {str(meant)!r} "
            "(what it means today)"
        )
    if err.suggestion is not None:
        return f"{text!r} is not a date: {err.reason}; did you mean {err.suggestion!r}?"
    if not text.strip():
        return f"{text!r} is empty; {_DATE_HINT}"
    if "; try " in err.reason or "; write " in err.reason:  # the parser named the fix
        return f"{text!r} is not a date: {err.reason}"
    return f"{text!r} is not a date: {err.reason}; {_DATE_HINT}"


def _day_arg(text: str) -> _dt.date:
    try:
        return to_day(_when_arg(text))
    except TimelineError as err:
        raise argparse.ArgumentTypeError(f"{text!r}: {err}; {_DATE_HINT}") from None


def _status_arg(text: str) -> str:
    value = text.strip().lower()
    names = [s.value for s in Status]
    if value not in names:
        raise argparse.ArgumentTypeError(f"{text!r} is not a status; use one of {', '.join(names)}")
    return value


def _within_arg(text: str) -> str:
    try:
        _within_days(text, _dt.date.today())
    except TimelineError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a duration; write e.g. 90d, 12w, 3m or '1 year'"
        ) from None
    return text


# -- reading ------------------------------------------------------------------------------


def _bundled() -> Timeline:
    from timeline.datasets import ai_race_2026

    return ai_race_2026()


def _suffix(path: str, role: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        shown = f"suffix {suffix!r}" if suffix else "no suffix"
        raise _Failure(f"{role} {path!r} has {shown}; use a {_KNOWN} file", EXIT_USAGE)
    return suffix


def _load(path: str | None) -> Timeline:
    """The timeline in ``path``, or the bundled dataset when ``path`` is None."""
    if path is None:
        return _bundled()
    _suffix(path, "data file")
    file = Path(path)
    if not file.exists():
        raise _Failure(f"data file {path!r} does not exist; check the path")
    if file.is_dir():
        raise _Failure(f"{path!r} is a folder; give a data file ({_KNOWN})")
    try:
        return Timeline.load(path)
    except UnicodeDecodeError:
        raise _Failure(f"data file {path!r} is not UTF-8 text; save it as UTF-8") from None
    except OSError as err:
        raise _Failure(f"cannot read {path!r}: {err.strerror or err}") from None


def _writable(path: str) -> Path:
    """``path`` as a file to write, once its folder is known to exist."""
    out = Path(path)
    if not out.parent.is_dir():
        raise _Failure(f"cannot write {path!r}: folder '{out.parent}' does not exist; create it")
    if out.is_dir():
        raise _Failure(f"cannot write {path!r}: it is a folder; give a file name")
    return out


# -- selecting ------------------------------------------------------------------------------


def _unknown_values(timeline: Timeline, args: argparse.Namespace) -> None:
    """Warn of a --kind, --actor or --tag value no event has: a typo would match nothing."""
    for option, values, names in (
        ("--kind", args.kind, lambda e: (e.kind,) if e.kind else ()),
        ("--actor", args.actor, lambda e: e.actors),
        ("--tag", args.tag, lambda e: e.tags),
    ):
        known = {name.casefold(): name for e in timeline for name in names(e)}
        for value in values or ():
            if value.casefold() in known:
                continue
            close = difflib.get_close_matches(value.casefold(), known, n=1, cutoff=0.75)
            fix = f"did you mean {known[close[0]]!r}?" if close else "check the spelling"
            warnings.warn(
                f"{option} {value!r} matches no event in the timeline; {fix}",
                TimelineWarning,
                stacklevel=2,
            )


def _select(timeline: Timeline, args: argparse.Namespace) -> Timeline:
    """Apply the shared filters; repeated values of one option mean any of them."""
    _unknown_values(timeline, args)
    if args.as_of is not None:
        timeline = timeline.as_of(args.as_of)
    timeline = timeline.filter(status=args.status, kind=args.kind, actor=args.actor, tag=args.tag)
    if args.text:
        matched = {e.id for text in args.text for e in timeline.filter(text=text)}
        timeline = timeline.filter(where=lambda e: e.id in matched)
    if args.between:
        start, end = args.between
        lo, hi = start.earliest, end.latest
        if lo is not None and hi is not None and _cmp(hi, lo) < 0:
            raise _Failure(
                f"--between: {str(end)!r} ends before {str(start)!r} starts; "
                "give the earlier date first",
                EXIT_USAGE,
            )
        timeline = timeline.overlapping(start, end)
    return timeline


# -- writing ----------------------------------------------------------------------------------


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _terminal_width() -> int | None:
    """The terminal's width, or None when stdout is not a terminal (then nothing is cut)."""
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def _when_text(event: Event) -> str:
    return str(event.when) if event.end is None else f"{event.when} to {event.end}"


def _table(timeline: Timeline) -> list[str]:
    rows = [
        [_when_text(e), e.status.value, e.kind or "-", ", ".join(e.actors) or "-", e.title]
        for e in timeline
    ]
    # On a narrow terminal the date, status and title matter most: actor lists
    # are cut first, then KIND and ACTORS are left out rather than cut to nothing.
    return render(
        ["WHEN", "STATUS", "KIND", "ACTORS", "TITLE"],
        rows,
        width=_terminal_width(),
        flex=4,
        squeeze={3: 24, 2: 16},
        drop=(2, 3),
    )


def _records(timeline: Timeline) -> list[dict[str, Any]]:
    # What the table shows (the current date and status), not the file's first statement.
    return [event_state(event) for event in timeline]


def _count(n: int, total: int | None = None) -> str:
    noun = "event" if (total if total is not None else n) == 1 else "events"
    return f"{n} of {total} {noun}" if total is not None and total != n else f"{n} {noun}"


def _emit(timeline: Timeline, args: argparse.Namespace, heading: str) -> None:
    """The selection as JSON (heading to stderr) or as a table under its heading."""
    if args.json:
        _out(json.dumps(_records(timeline), ensure_ascii=False, indent=2))
        if args.heading_to_stderr:
            _err(heading)
        return
    _out(heading)
    if len(timeline):
        for line in _table(timeline):
            _out(line)


def _feed_events(path: Path) -> int:
    """How many events a feed file holds (some cannot be placed; the export warns of them)."""
    with path.open("rb") as feed:
        return sum(1 for line in feed if line == b"BEGIN:VEVENT\r\n")


def _write_bytes(data: bytes) -> None:
    # Feeds are CRLF text; the binary buffer keeps the line ends exactly as written.
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode())
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


# -- commands -----------------------------------------------------------------------------------


def _today(args: argparse.Namespace) -> tuple[_dt.date, str]:
    """The reference day and how to say it: ``--as-of``, else today (said so)."""
    if args.as_of is not None:
        day: _dt.date = args.as_of
        return day, str(day)
    today = _dt.date.today()
    args.as_of = today
    args.heading_to_stderr = True
    return today, f"{today.isoformat()} (today)"


def _show(args: argparse.Namespace) -> int:
    everything = _load(args.file)
    selected = _select(everything, args)
    name = everything.name or (args.file if args.file else "timeline")
    known = f", as known on {args.as_of}" if args.as_of is not None else ""
    _emit(selected, args, f"{name}: {_count(len(selected), len(everything))}{known}")
    return EXIT_OK


def _upcoming(args: argparse.Namespace) -> int:
    everything = _load(args.file)
    day, said = _today(args)
    selected = _select(everything, args).upcoming(as_of=day, within=args.within)
    until = day + _dt.timedelta(days=_within_days(args.within, day))
    window = f"as of {said}, within {args.within} (to {until.isoformat()})"
    if len(selected):
        _emit(selected, args, f"Upcoming {window}: {_count(len(selected))}")
    else:
        _emit(selected, args, f"No upcoming events {window}.")
    return EXIT_OK


def _overdue(args: argparse.Namespace) -> int:
    everything = _load(args.file)
    day, said = _today(args)
    selected = _select(everything, args).overdue(as_of=day)
    if len(selected):
        _emit(selected, args, f"Overdue as of {said}: {_count(len(selected))}")
    else:
        _emit(selected, args, f"No overdue events as of {said}.")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    out = None if args.output in (None, "-") else _writable(args.output)
    selected = _select(_load(args.file), args)
    # The feed's name: --name, else the timeline's own, else the file's stem.
    name = args.name or selected.name or (Path(args.file).stem if args.file else None)
    options: dict[str, Any] = {
        "name": name,
        "domain": args.domain,
        "policy": args.policy,
        "include_cancelled": args.include_cancelled,
    }
    if not len(selected):
        _err("timeline: warning: no events match the filters; the feed is empty")
    if out is None:
        _write_bytes(selected.to_ics(**options).encode())
        return EXIT_OK
    selected.write_ics(out, **options)
    cancelled = 0 if args.include_cancelled else len(selected.filter(status=Status.CANCELLED))
    left_out = f" ({cancelled} cancelled left out; --include-cancelled keeps them)"
    _out(
        f"Wrote {args.output}: feed {name!r}, {_count(_feed_events(out))}"
        + (left_out if cancelled else "")
    )
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    try:
        timeline = _load(args.file)
    except TimelineError as err:
        problems = [str(p) for p in err.problems] if isinstance(err, DataFileError) else [str(err)]
        for problem in problems:
            _err(problem)
        _err(f"{args.file}: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        return EXIT_DATA
    _out(f"{args.file}: {_count(len(timeline))}, 0 problems")
    return EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    source, target = args.input, args.output
    _suffix(source, "input")
    _suffix(target, "output")
    out = _writable(target)
    same = out.exists() and Path(source).exists() and out.samefile(source)
    if out.exists() and not same and not args.force:
        raise _Failure(f"output {target!r} already exists; add --force to replace it")
    timeline = _load(source)
    timeline.save(out)
    kind = FORMATS[out.suffix.lower()].upper()
    _out(f"Wrote {target} ({kind}): {_count(len(timeline))} from {source}")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from timeline.formats._io import file_schema

    _out(json.dumps(file_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    timeline = _bundled()
    _out(f"{timeline.name or 'timeline'}: {_count(len(timeline))}")
    for line in _table(timeline):
        _out(line)
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    stem = slugify(timeline.name or "timeline")
    _out()
    feed = folder / f"{stem}.ics"
    timeline.write_ics(feed)
    _out(f"Wrote {feed}: the iCalendar feed, {_count(_feed_events(feed))}")
    page = timeline.to_html(folder / f"{stem}.html")
    _out(f"Wrote {page}: the HTML page, {_count(len(timeline))}")
    return EXIT_OK


# -- the parser ---------------------------------------------------------------------------------


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


def _file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", metavar="FILE", help=f"a {_KNOWN} data file (default: bundled dataset)"
    )


_EPILOG = """examples:
  timeline show --actor Tencent --actor DeepSeek
  timeline upcoming events.yaml --within 30d
  timeline overdue events.yaml --as-of 2026-06-01 --json
  timeline export events.yaml -o feed.ics --name "AI race"
  timeline check events.yaml
  timeline convert events.yaml events.csv
  timeline demo --out demo-out
"""


def _parser() -> argparse.ArgumentParser:
    from timeline import __version__

    parser = argparse.ArgumentParser(
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
    _filters(show, as_of_help="the timeline as known on day D")

    upcoming = command("upcoming", _upcoming, "open events due soon", _JSON_EPILOG)
    _file(upcoming)
    _json(upcoming)
    upcoming.add_argument(
        "--within", type=_within_arg, default="90d", help="how far ahead (default 90d)"
    )
    _filters(upcoming, as_of_help="the day to look ahead from (default: today)")

    overdue = command(
        "overdue", _overdue, "open events whose latest possible day has passed", _JSON_EPILOG
    )
    _file(overdue)
    _json(overdue)
    _filters(overdue, as_of_help="the day to judge on (default: today)")

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

    convert = command(
        "convert", _convert, "convert a data file between YAML, JSON, CSV and Parquet"
    )
    convert.add_argument("input", metavar="IN", help=f"a {_KNOWN} data file")
    convert.add_argument("output", metavar="OUT", help="the file to write; format by suffix")
    convert.add_argument("--force", action="store_true", help="replace OUT if it exists")

    command("schema", _schema, "print the JSON Schema of the data-file format")

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
        code = _run(run, args)
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


def _run(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run one command, turning every user-facing failure into a message and an exit code."""
    try:
        return run(args)
    except _Failure as err:
        _err(f"timeline: error: {err}")
        return err.code
    except TimelineError as err:
        # Bad data: the loader's message already lists every problem with its place.
        _err(f"timeline: error: {err}")
        return EXIT_DATA
    except BrokenPipeError:
        # The reader went away (`timeline show | head`): stop quietly, and point stdout
        # at devnull so the interpreter's final flush does not fail again.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_DATA
    except OSError as err:
        where = f"{err.filename}: " if err.filename else ""
        _err(f"timeline: error: {where}{err.strerror or err}")
        return EXIT_DATA
    except KeyboardInterrupt:
        return 130
