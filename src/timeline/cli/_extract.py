"""`timeline extract ARTICLE.txt`: draft a timeline file from an article, to review and check.

The draft is the YAML of `Extraction.to_yaml` (quotes and reasons as
comments); ``timeline check`` accepts it as written. With ``-o`` the file is
written (atomically; an existing file is kept unless ``--force``) and a summary
printed; without it the YAML goes to stdout and the summary to stderr.
``--json`` prints the drafts as JSON instead of the YAML.
"""

from __future__ import annotations

import argparse
import codecs
import json
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline._errors import ExtractError, TimelineError
from timeline.cli._args import EXIT_OK, EXIT_USAGE, _err, _Failure, _out
from timeline.cli._files import _not_the_input, _writable
from timeline.dates import When
from timeline.figures import Source
from timeline.records import write_atomic

if TYPE_CHECKING:
    from timeline.extract import Draft, Extraction

__all__ = ["add_extract"]

_MAX_TITLE = 120
_EPILOG = """examples:
  timeline extract article.txt --published 2026-03-28 -o draft.yaml
  timeline extract article.txt --actors "Tencent,StepFun=Step|Jieyue" --json
  timeline extract results.txt --published 2025-04-30 --fiscal-years Microsoft=7,Apple=10
then edit draft.yaml (titles, dates, statuses; delete what is not an event) and:
  timeline check draft.yaml
  timeline export draft.yaml -o feed.ics
--actors: names separated by commas; NAME=ALIAS|ALIAS gives a name's aliases.
--fiscal-years: ACTOR=MONTH pairs (7 or July); a statement's fiscal periods
("Q3 FY2025", "fiscal 2026") are read with its first actor's fiscal year, and
left undated (never read as calendar years) without one.
Statements without a date of their own are dated from --published (expected:
from publication onwards; reported: about publication); without --published, from
a news dateline that gives the year ("SAN FRANCISCO, Feb. 12, 2026 --"); without
either they are written "when: date not announced", to be dated by hand.
"""


def add_extract(command: Any) -> None:
    """Register ``extract`` through the parser's ``command(name, run, help, epilog)`` helper."""
    parser = command(
        "extract", _extract, "draft a timeline file from an article, to review", _EPILOG
    )
    parser.add_argument(
        "article",
        metavar="ARTICLE",
        help="a text file (UTF-8, or as a byte-order mark names it), or - to read stdin",
    )
    parser.add_argument(
        "--published",
        metavar="DATE",
        help="when the article was published (e.g. 2026-03-28, 2026-03~); relative dates "
        "such as 'April' read against it",
    )
    parser.add_argument("--source-title", metavar="T", help="default: the article's first line")
    parser.add_argument("--url", metavar="U", help="the article's address")
    parser.add_argument(
        "--actors", metavar="A,B", help="known actors, matched in any case (NAME=ALIAS|ALIAS)"
    )
    parser.add_argument(
        "--fiscal-years",
        metavar="A=M,B=M",
        help="the month each actor's fiscal year starts, e.g. Microsoft=7,Apple=October",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="the YAML file (default: stdout)")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.add_argument(
        "--json", action="store_true", help="print the drafts as JSON instead of the YAML"
    )


def _actors(text: str | None) -> dict[str, list[str]]:
    known: dict[str, list[str]] = {}
    for item in (text or "").split(","):
        name, sep, aliases = item.partition("=")
        name = name.strip()
        if not name and sep:  # aliases of no one: never matched, so refused, not dropped
            raise _Failure(
                f"--actors: {item.strip()!r} has no name before '='; write NAME=ALIAS|ALIAS, "
                "e.g. StepFun=Step|Jieyue",
                EXIT_USAGE,
            )
        if not name:
            continue
        known.setdefault(name, []).extend(a.strip() for a in aliases.split("|") if a.strip())
    return known


def _fiscal_years(text: str | None) -> dict[str, str] | None:
    """``Microsoft=7,Apple=October`` as a mapping (the months are checked by `extract`)."""
    if text is None:
        return None
    table: dict[str, str] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        actor, sep, month = item.partition("=")
        if not sep or not actor.strip() or not month.strip():
            raise _Failure(
                f"--fiscal-years: {item.strip()!r} is not ACTOR=MONTH; write e.g. "
                "Microsoft=7,Apple=October",
                EXIT_USAGE,
            )
        table[actor.strip()] = month.strip()
    return table


def _read_article(name: str) -> str:
    """The article's text, from the file ``name`` or from stdin for ``-``."""
    if name == "-":
        if sys.stdin is None:  # `timeline extract - <&-`
            raise _Failure(
                "stdin is closed; give the article's file name, or pipe it in: "
                "cat article.txt | timeline extract -",
                EXIT_USAGE,
            )
        stream = getattr(sys.stdin, "buffer", None)  # bytes, decoded as UTF-8 whatever the locale
        raw: bytes | str = stream.read() if stream is not None else sys.stdin.read()
    else:
        path = Path(name)
        if path.is_dir():
            raise _Failure(f"article {name!r} is a folder; give a text file")
        if not path.exists():
            raise _Failure(
                f"article {name!r} does not exist; "
                "check the path, or give - to read the article from stdin"
            )
        raw = _article_bytes(name)
    text = raw.removeprefix("\ufeff") if isinstance(raw, str) else article_text(raw, name)
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads a file


def _article_bytes(name: str) -> bytes:
    """The bytes of the article file ``name``; a named pipe or a device is refused unread
    (one waits for a writer, the other may never end), as a data file's would be."""
    from timeline.records._atomic import read_regular

    def refused(problem: str) -> _Failure:
        what = problem.split(", not a file", 1)[0]
        fix = f"read it as stdin: timeline extract - < {shlex.quote(name)}"
        return _Failure(f"article {name!r} is {what}, not a file; {fix}")

    return read_regular(name, refused)


# Byte-order marks, longest first (UTF-32's little-endian mark starts with UTF-16's).
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def article_text(data: bytes, name: str) -> str:
    """An article's bytes as text: UTF-8, or the encoding a byte-order mark names.

    The mark (as Notepad and Word save) says the encoding outright and is no part of
    the text, so it never reaches a title or a quote. Other bytes that are not UTF-8
    are refused at their line, with the fix: wide text without a mark is named.

    >>> article_text("Acme opens in 2027.".encode("utf-16"), "a.txt")
    'Acme opens in 2027.'
    """
    for mark, codec in _MARKS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(codec)
            except UnicodeDecodeError:
                raise _Failure(
                    f"{name}: starts with a {codec[:6].upper()} byte-order mark but is not "
                    f"{codec[:6].upper()} text; save the article as UTF-8"
                ) from None
    from timeline.formats._io import _wide

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        _refuse_wide(data, name, _wide(data))
        line = data.count(b"\n", 0, err.start) + 1
        before = data[data.rfind(b"\n", 0, err.start) + 1 : err.start]
        column = len(before.decode("utf-8", "replace")) + 1
        raise _Failure(
            f"{name}: not UTF-8 text: byte {data[err.start]:#04x} at line {line}, column "
            f"{column}; save the article as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)"
        ) from None
    if "\x00" in text[:64]:  # mostly ASCII UTF-16 is valid UTF-8, a NUL beside each letter
        _refuse_wide(data, name, _wide(data))
    return text


def _refuse_wide(data: bytes, name: str, wide: str | None) -> None:
    """Refuse text that reads as UTF-16 or UTF-32 without a byte-order mark, naming it."""
    if wide is None:
        return
    order = "LE" if data[:1] != b"\x00" else "BE"  # where the letter's own byte is
    raise _Failure(
        f"{name}: the text looks like {wide} without a byte-order mark (a NUL byte beside "
        f"each letter), not UTF-8; convert it, e.g. `iconv -f {wide}{order} -t UTF-8 {name} "
        "> article.txt`"
    )


def _title(args: argparse.Namespace, text: str) -> str:
    if args.source_title:
        return str(args.source_title)
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not first:
        return Path(args.article).name
    return first if len(first) <= _MAX_TITLE else first[: _MAX_TITLE - 1].rstrip() + "…"


def _source(args: argparse.Namespace, text: str) -> Source:
    published = None
    if args.published is not None:
        try:
            published = When.parse(args.published)
        except TimelineError as err:
            raise _Failure(
                f"--published: {err}; write a date such as 2026-03-28 or 2026-03~", EXIT_USAGE
            ) from None
    return Source(_title(args, text), url=args.url, published=published)


def draft_json(draft: Draft) -> dict[str, Any]:
    """One draft as a JSON object: the event's fields plus span, quote, confidence, reasons.

    >>> from timeline.extract import extract
    >>> draft_json(extract("Apple launched it in May 2025.").drafts[0])["earliest"]
    '2025-05-01'
    """
    when = draft.when

    def point(p: object) -> str | None:
        return None if p is None else str(p)

    return {
        "id": draft.id,
        "title": draft.title,
        "when": str(when),
        "earliest": point(when.earliest),
        "latest": point(when.latest),
        "status": draft.status.value,
        "kind": draft.kind,
        "actors": list(draft.actors),
        "said_by": draft.said_by,
        "start": draft.start,
        "end": draft.end,
        "quote": draft.quote,
        "confidence": draft.confidence,
        "low_confidence": draft.low_confidence,
        "reasons": list(draft.reasons),
        "target": None if draft.target is None else str(draft.target),
        "observations": [str(o) for o in draft.observations],
    }


def _summary(args: argparse.Namespace, result: Extraction) -> list[str]:
    stats = result.stats
    lines = [
        f"{args.article}: {stats.sentences} sentences, {stats.statements} statements drafted "
        f"({stats.dated} dated in the text, {stats.undated} without a date of their own, "
        f"{stats.low_confidence} of low confidence)"
    ]
    whens = [str(draft.when) for draft in result]
    width = max([28, *map(len, whens)])  # "FY2026 (October 2025–September 2026)" is longer
    for draft, when in zip(result, whens, strict=True):
        mark = "?" if draft.low_confidence else " "
        lines.append(
            f" {mark}{draft.confidence:.2f}  {when:<{width}} {draft.status.value:<9} {draft.title}"
        )
    return lines


_YAML = (".yaml", ".yml")


def _extract(args: argparse.Namespace) -> int:
    if args.output not in (None, "-") and Path(args.output).suffix.lower() not in _YAML:
        # The draft is YAML, and `timeline check OUT` comes next: a .txt is refused there
        # and a .json holding YAML is read as JSON.
        raise _Failure(
            f"output {args.output!r} is not a .yaml or .yml file; the draft is YAML: name it "
            "e.g. draft.yaml (then `timeline convert draft.yaml draft.json` for another format)",
            EXIT_USAGE,
        )
    out = None if args.output in (None, "-") else _writable(args.output)
    if out is not None:
        _not_the_input(out, args.output, args.article)
    if out is not None and out.exists() and not args.force:
        raise _Failure(
            f"output {args.output!r} already exists (perhaps a draft under review); "
            "add --force to replace it",
            EXIT_USAGE,
        )
    # The extractor's word lists load only when this command runs.
    from timeline.extract import extract

    text = _read_article(args.article)
    try:
        result = extract(
            text,
            source=_source(args, text),
            known_actors=_actors(args.actors),
            fiscal_years=_fiscal_years(args.fiscal_years),
        )
    except ExtractError as err:
        if "fiscal_years" not in str(err):
            raise
        raise _Failure(f"--fiscal-years: {err}", EXIT_USAGE) from None
    draft = result.to_yaml()
    summary = _summary(args, result)
    if out is not None:
        write_atomic(out, draft)
        summary.append(f"Wrote {args.output}: review it, then run: timeline check {args.output}")
    if args.json:
        _out(json.dumps([draft_json(d) for d in result], ensure_ascii=False, indent=2))
    elif out is None:
        _out(draft.rstrip("\n"))
    to_stderr = args.json or out is None
    for line in summary:
        (_err if to_stderr else _out)(line)
    return EXIT_OK
