"""The commands: one function per subcommand, each taking the parsed arguments.

Each returns the exit code (0 success, 1 bad data); usage mistakes raise
`_Failure` with code 2.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import textwrap
import warnings
from pathlib import Path
from typing import Any

from timeline._errors import DataFileError, IcsError, QueryError, TimelineError
from timeline.cli import _args
from timeline.cli._args import (
    EXIT_DATA,
    EXIT_OK,
    EXIT_USAGE,
    _count,
    _emit,
    _err,
    _Failure,
    _feed_events,
    _out,
    _select,
    _table,
    _today,
    _write_bytes,
)
from timeline.cli._files import _load, _load_with_lines, _not_the_input, _suffix, _writable
from timeline.dates._duration import within_days
from timeline.display._table import render
from timeline.formats._io import FORMATS
from timeline.model._claim import Status
from timeline.model._event import slugify
from timeline.model._event_day import undated_past
from timeline.model._text import visible
from timeline.model._timeline import Timeline
from timeline.model._track_record import TrackRecord
from timeline.model._track_text import record_table
from timeline.records._schema import STOPPED


def _show(args: argparse.Namespace) -> int:
    if args.trend or args.output is not None:
        return _trend(args)
    everything = _load(args.file)
    selected = _select(everything, args)
    name = everything.name or (args.file if args.file else "timeline")
    known = f", as known on {args.as_of}" if args.as_of is not None else ""
    _emit(selected, args, f"{name}: {_count(len(selected), len(everything))}{known}")
    return EXIT_OK


def _trend(args: argparse.Namespace) -> int:
    """``show --trend -o FILE``: the milestone trend chart of the selected promises."""
    if not args.trend:
        raise _Failure(
            "-o writes the trend chart; add --trend (show --trend -o trend.png)", EXIT_USAGE
        )
    if args.output is None:
        raise _Failure(
            "--trend draws a chart; name its file with -o, e.g. -o trend.png", EXIT_USAGE
        )
    if args.json:
        raise _Failure("--trend writes a picture, not JSON; leave out --json", EXIT_USAGE)
    if Path(args.output).suffix.lower() not in (".png", ".svg"):
        raise _Failure(
            f"-o {args.output!r} has no .png or .svg suffix; name it e.g. trend.png", EXIT_USAGE
        )
    out = _writable(args.output)
    _not_the_input(out, args.output, args.file)
    everything = _load(args.file)
    day, said = _today(args)
    selected = _select(everything, args)
    promises = sum(1 for e in selected if e.initial_status.is_open)
    path = selected.save_plot(out, kind="trend", as_of=day)
    noun = "promise" if promises == 1 else "promises"
    _out(f"Wrote {path}: the milestone trend chart of {promises} {noun}, as of {said}")
    return EXIT_OK


def _track_record(args: argparse.Namespace) -> int:
    everything = _load(args.file)
    day, said = _today(args)
    record = _select(everything, args).track_record(by=args.by, as_of=day)
    if args.json:
        report = {
            "as_of": day.isoformat(),
            "by": record.by,
            "summary": record.summary,
            "total": record.total.to_record(),
            "groups": record.to_records(),
        }
        _out(json.dumps(report, ensure_ascii=False, indent=2))
        return EXIT_OK
    _out(_record_text(record, _args._terminal_width(args), said))
    return EXIT_OK


def _record_text(record: TrackRecord, width: int | None, said: str) -> str:
    """The record fitted to ``width`` like the other tables (None: in full).

    The summary is wrapped, not cut (it holds the figures); on a narrow terminal
    the notice, slips, max and median delay and on-time columns are left out in
    that order, then long group names are cut with an ellipsis.
    """
    day = str(record.as_of)
    if width is None:  # the day not given: say it is today
        return str(record).replace(f"As of {day}", f"As of {said}", 1)
    text = record.summary.replace(f"As of {day}", f"As of {said}", 1)
    summary = textwrap.wrap(text, max(width, 20), break_on_hyphens=False)
    if not record.total.resolved:
        return "\n".join(summary)
    headers, rows = record_table(record)
    table = render(headers, rows, width=width, flex=0, drop=(10, 9, 8, 7, 6), right=range(1, 11))
    return "\n".join([*summary, *table])


def _upcoming(args: argparse.Namespace) -> int:
    everything = _load(args.file)
    day, said = _today(args)
    try:  # checked against today when parsed; --as-of can move the window past the calendar
        until = day + _dt.timedelta(days=within_days(args.within, day))
    except (QueryError, OverflowError):
        raise _Failure(
            f"--within {args.within!r} from --as-of {day.isoformat()} reaches past the year "
            "9999; give a shorter --within or an earlier --as-of",
            EXIT_USAGE,
        ) from None
    selected = _select(everything, args).upcoming(as_of=day, within=args.within)
    window = f"as of {said}, within {args.within} (to {until.isoformat()})"
    if len(selected):
        _emit(selected, args, f"Upcoming {window}: {_count(len(selected))}")
    else:
        _emit(selected, args, f"No upcoming events {window}.")
    return EXIT_OK


def _overdue(args: argparse.Namespace) -> int:
    everything = _load(args.file)
    day, said = _today(args)
    chosen = _select(everything, args)
    selected = chosen.overdue(as_of=day)
    if len(selected):
        _emit(selected, args, f"Overdue as of {said}: {_count(len(selected))}")
    else:
        _emit(selected, args, f"No overdue events as of {said}.")
    # Open, the date withdrawn ("TBD") after the last one promised passed: never overdue
    # (no date), but the track record counts the promise broken; said, not left unsaid.
    past_due = [e.id for e in chosen.as_of(day) if undated_past(e, day)]
    if past_due:
        _err(
            f"timeline: note: {_count(len(past_due))} past the last date promised, with no "
            f"new date (not overdue: undated): {', '.join(visible(i) for i in past_due)}"
        )
    return EXIT_OK


def _feed_options(args: argparse.Namespace) -> None:
    """Refuse a --name, --domain or --policy the feed would refuse, by the library's own
    rules, before anything is read or written: a usage mistake (exit 2)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # only the options are in question, not the events
        try:
            Timeline([]).to_ics(
                name=args.name if args.name is not None else "feed",
                domain=args.domain,
                policy=args.policy,
            )
        except IcsError as err:  # "domain: 'x y' is not a domain name; ..."
            raise _Failure(f"--{err}", EXIT_USAGE) from None


def _export(args: argparse.Namespace) -> int:
    _feed_options(args)
    out = None
    if args.output not in (None, "-"):
        from timeline.ics._feed import feed_path

        try:  # the library's refusal, said before anything is read or written
            feed_path(args.output, "output")
        except IcsError as err:
            raise _Failure(str(err), EXIT_USAGE) from None
        out = _writable(args.output)
        _not_the_input(out, args.output, args.file)
    loaded = _load(args.file)
    selected = _select(loaded, args)
    # The feed's name: --name, else the timeline's own, else the file's stem.
    # A file name's bytes that are not UTF-8 show as U+FFFD, not as half a surrogate pair.
    stem = os.fsencode(Path(args.file).stem).decode("utf-8", "replace") if args.file else None
    name = args.name or selected.name or stem
    options: dict[str, Any] = {
        "name": name,
        "domain": args.domain,
        "policy": args.policy,
        "include_cancelled": args.include_cancelled,
    }
    if not len(loaded):
        _err(f"timeline: warning: {args.file or 'the dataset'!r} has no events; the feed is empty")
    elif not len(selected):
        _err("timeline: warning: no events match the filters; the feed is empty")
    from timeline.ics._export import undated_count

    cancelled = 0 if args.include_cancelled else len(selected.filter(status=Status.CANCELLED))
    undated = undated_count(selected, include_cancelled=args.include_cancelled)
    notes = []
    if cancelled:
        notes.append(f"{cancelled} cancelled left out; --include-cancelled keeps them")
    if undated:
        notes.append(f"{undated} undated left out: a feed event needs a date")
    left_out = f" ({'; '.join(notes)})" if notes else ""
    if out is None:
        feed = selected.to_ics(**options)
        _write_bytes(feed.encode())
        if notes:  # the feed is stdout: what it left out goes to stderr
            held = _count(feed.count("\r\nBEGIN:VEVENT\r\n"))
            _err(f"timeline: note: the feed holds {held}{left_out}")
        return EXIT_OK
    selected.write_ics(out, **options)
    _out(f"Wrote {args.output}: feed {name!r}, {_count(_feed_events(out))}{left_out}")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    try:
        timeline, line = _load_with_lines(args.file)
    except TimelineError as err:
        reported = list(err.problems) if isinstance(err, DataFileError) else []
        problems = [str(p) for p in reported] if reported else [str(err)]
        for problem in problems:
            _err(problem)
        if reported and reported[-1].message == STOPPED:  # a line saying where reading stopped
            count = len(reported) - 1
            _err(
                f"{args.file}: {count:,} problem{'s' if count != 1 else ''} before reading "
                f"stopped (line {reported[-1].line}); there may be more"
            )
        else:
            _err(f"{args.file}: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        return EXIT_DATA
    today = args.today if args.today is not None else _dt.date.today()
    findings = timeline.check(today=today)
    for found in findings:
        at = line(found.event, found.field)
        place = f"{args.file}:{at}" if at is not None else args.file
        _err(f"{place}: warning: {found}")
    warned = len(findings)
    note = f", {warned} warning{'s' if warned != 1 else ''}" if warned else ""
    _out(f"{args.file}: {_count(len(timeline))}, 0 problems{note}")
    if warned and args.strict:
        _err(f"{args.file}: --strict: {warned} warning{'s' if warned != 1 else ''} fail the check")
        return EXIT_DATA
    return EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    source, target = args.input, args.output
    feed = Path(source).suffix.lower() == ".ics"
    if not source:  # Path("") is the current folder
        raise _Failure("the data file's name is empty; give its path")
    if not feed and not Path(source).is_dir():  # a folder: a Parquet dataset, or refused
        _suffix(source, "input")
    fmt = FORMATS[_suffix(target, "output")]
    if args.bom and fmt != "csv":
        raise _Failure(
            f"--bom is for a .csv output (Excel); {target!r} is {fmt.upper()}: leave --bom out",
            EXIT_USAGE,
        )
    out = _writable(target)
    _not_the_input(out, target, source, in_place=args.force)
    if out.exists() and not args.force:  # the input itself was refused above
        raise _Failure(f"output {target!r} already exists; add --force to replace it", EXIT_USAGE)
    report = None
    if feed:
        file = Path(source)
        if not file.is_file():
            raise _Failure(f"feed {source!r} does not exist or is not a file; check the path")
        timeline, report = Timeline.from_ics(file, report=True)
    else:
        timeline = _load(source)
    timeline.save(out, bom=args.bom)
    kind = FORMATS[out.suffix.lower()].upper()
    if args.bom:
        kind += ", with a byte-order mark for Excel"
    _out(f"Wrote {target} ({kind}): {_count(len(timeline))} from {source}")
    if report is not None:
        # What the import left behind or repaired, for the person to act on.
        _out(str(report))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from timeline.formats._io import file_schema

    _out(json.dumps(file_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    folder = Path(args.out)
    try:  # before any output: a folder that cannot be made fails alone, in one line
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _Failure(
            f"cannot write to folder {args.out!r}: {err.strerror or err}; "
            "give --out a folder you can write to"
        ) from err
    timeline = _args._bundled()
    _out(f"{timeline.name or 'timeline'}: {_count(len(timeline))}")
    for line in _table(timeline, _args._terminal_width()):
        _out(line)
    stem = slugify(timeline.name or "timeline")
    _out()
    feed = folder / f"{stem}.ics"
    timeline.write_ics(feed)
    _out(f"Wrote {feed}: the iCalendar feed, {_count(_feed_events(feed))}")
    page = timeline.to_html(folder / f"{stem}.html")
    _out(f"Wrote {page}: the HTML page, {_count(len(timeline))}")
    return EXIT_OK


# -- the parser ---------------------------------------------------------------------------------
