"""Reading one field of a record: text, lists, dates, a status, the fiscal years.

`_FieldReader` holds the problems found so far and the file's `Locations`; each
method reads one field and, when it is wrong, records a problem at the field's path
and gives ``None`` (or an empty value) instead of stopping. `_Reader` in
`timeline.records._schema_read` builds sources, claims, targets, events and the
timeline on top of it.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import difflib
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal

from timeline._errors import (
    DataFileError,
    DataFileProblem,
    TimelineError,
    WhenError,
    WhenParseError,
    quoted,
)
from timeline.dates._days import to_day
from timeline.dates._fiscal import fiscal_start
from timeline.dates._when import When, _coerce
from timeline.figures._text import checked_text
from timeline.model._claim import Status
from timeline.model._text import name_key
from timeline.records._schema import MAX_PROBLEMS, STOPPED, Locations, Path

__all__: list[str] = []


class _FieldReader:
    """Reads one field of a record at a time, collecting problems instead of stopping."""

    def __init__(self, where: Locations) -> None:
        self.where = where
        self.problems: list[DataFileProblem] = []
        # actor (case-folded) -> fiscal-year start month; and the one for the event being read
        self.fiscal: dict[str, tuple[str, int]] = {}
        self.fiscal_now: int | None = None

    def fiscal_years(self, value: Any, path: Path) -> None:
        """Read ``fiscal_years: {actor: month}``."""
        if value is None:
            return
        if not isinstance(value, Mapping):
            self.fail(path, "must be a mapping of actor to month, e.g. {Microsoft: July}")
            return
        for actor, month in value.items():
            if isinstance(actor, str) and self.whole(actor, (*path, actor)) is None:
                continue
            try:
                start = fiscal_start(month)
            except WhenError as e:
                self.fail((*path, str(actor)), str(e))
                continue
            if not isinstance(actor, str) or start is None:
                self.fail((*path, str(actor)), "give an actor's name and a month")
                continue
            # Matched as an event's actors are: stripped, whatever their case.
            name = actor.strip()
            if not name:
                self.fail((*path, actor), "the actor's name is empty; give the actor's name")
                continue
            known = self.fiscal.get(name_key(name))
            if known is not None and known[1] != start:
                # Two months for one actor: keeping either would drop the other unseen.
                self.fail(
                    (*path, actor),
                    f"{quoted(name)} is the actor {quoted(known[0])} again (names match whatever "
                    f"their case), with another month ({start}, not {known[1]}); keep one",
                )
                continue
            self.fiscal.setdefault(name_key(name), (name, start))

    def fail(self, path: Path, message: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS and message != STOPPED:
            # A thousand problems inside one row (20,000 bad claims): stop diagnosing here.
            found = sorted(self.problems, key=lambda p: p.line or 0)
            raise DataFileError([*found, self.where.problem(path, STOPPED)])
        self.problems.append(self.where.problem(path, message))

    def whole(self, text: str | None, path: Path) -> str | None:
        """``text``, or ``None`` and a problem at ``path`` if it holds a lone surrogate.

        A JSON or YAML escape can spell half a surrogate pair (``"\\ud800"``): not
        text, and no file could write it back. (Event fields are checked by the
        model when the event is built; this is for the file's own fields.)
        """
        if text is None:
            return None
        try:
            return checked_text(text, "", "")
        except TimelineError as err:
            # The field is named without the surrogate, which no terminal can print.
            shown = tuple(p.encode("utf-8", "backslashreplace").decode() for p in map(str, path))
            self.problems.append(
                DataFileProblem(
                    str(err),
                    file=self.where.file,
                    line=self.where.line(path),
                    field=self.where.label(shown) or None,
                )
            )
            return None

    def unknown(self, record: Mapping[str, Any], path: Path, fields: Sequence[str]) -> None:
        for key in record:
            if key not in fields:
                close = difflib.get_close_matches(str(key), fields, n=1)
                fix = (
                    f"did you mean {quoted(close[0])}?"
                    if close
                    else f"fields are {', '.join(fields)}"
                )
                self.fail((*path, str(key)), f"unknown field; {fix}")

    def mapping(self, value: Any, path: Path) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.fail(path, f"must be a mapping of fields, not {_show(value)}")
        return None

    def text(self, record: Mapping[str, Any], key: str, path: Path) -> str | None:
        value = record.get(key)
        if value is None:
            return None
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, str):
            self.fail((*path, key), "is empty; leave the field out instead")
        else:
            self.fail((*path, key), f"must be text, not {_show(value)}{_quote_it(value)}")
        return None

    def required(self, record: Mapping[str, Any], key: str, path: Path) -> str | None:
        value = record.get(key)
        if value is None:
            self.fail((*path, key) if key in record else path, f"missing {quoted(key)}")
            return None
        if isinstance(value, str) and not value.strip():
            # Not "leave the field out": it is required, so it needs text.
            self.fail(
                (*path, key), f"is empty; {quoted(key)} is required: write it, e.g. {key}: 'A'"
            )
            return None
        return self.text(record, key, path)

    def texts(self, record: Mapping[str, Any], key: str, path: Path) -> tuple[str, ...]:
        value = record.get(key)
        if value is None:
            return ()
        # "Tencent, WeChat" or "Tencent; WeChat" (CSV's way) would silently be one name.
        separator = None
        if isinstance(value, str) and ("," in value or ";" in value):
            separator = "," if "," in value else ";"
        if isinstance(value, str) and value.strip() and separator is None:
            return (value,)  # one name, as Event(actors="Tesla") takes it
        if isinstance(value, str) or not isinstance(value, Sequence):
            if isinstance(value, str):
                names = ", ".join(n.strip() for n in value.split(separator or ",") if n.strip())
                example = f"[{names}]"
                held = "a comma" if separator == "," else f'a "{separator}"'
                one = f' (or ["{value}"] for one name holding {held})'
            else:
                example, one = "[A, B]", ""
            self.fail((*path, key), f"must be a list, e.g. {example}{one}")
            return ()
        items: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                items.append(item)
            else:
                self.fail(
                    (*path, key, i), f"must be non-empty text, not {_show(item)}{_quote_it(item)}"
                )
        return tuple(items)

    def when(
        self,
        record: Mapping[str, Any],
        key: str,
        path: Path,
        reference: When | None = None,
        prefer: Literal["current", "future", "past"] = "current",
    ) -> When | None:
        value = record.get(key)
        if value is None or isinstance(value, When):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            with contextlib.suppress(ValueError):  # one too long to write out is refused below
                value = str(value)  # a bare year, as YAML or a spreadsheet may give it
        if isinstance(value, _dt.date):  # a database row's date or datetime, as Event takes it
            try:
                return _coerce(value)
            except (TimelineError, ValueError, OverflowError) as err:
                self.fail((*path, key), f"{_show(value)} is not a date timeline holds ({err})")
                return None
        if not isinstance(value, str):
            self.fail(
                (*path, key), f"must be a date as text, e.g. 'April 2026', not {_show(value)}"
            )
            return None
        try:
            # The same reference day the model uses (a When counts from its earliest day).
            # A source published "TBD" dates nothing: a relative date needs its year.
            dated = reference is not None and (reference.earliest or reference.latest) is not None
            ref = to_day(reference) if dated and reference is not None else None
            return When.parse(
                value, reference=ref, fiscal_year_start=self.fiscal_now, prefer=prefer
            )
        except WhenParseError as err:  # quotes the text and suggests a fix
            if ref is None and "is relative; pass reference=" in err.reason:
                # `reference=` is When.parse's fix; in a file the fix is in the file.
                self.fail(
                    (*path, key),
                    f"{quoted(value)} is relative; write the date itself (e.g. 'April 2026'), or "
                    "give the event a source with 'published:' to read it against",
                )
            elif "names a fiscal period" in err.reason:
                self.fail(
                    (*path, key),
                    f"{quoted(value)} names a fiscal period; give the event's first actor a fiscal "
                    "year in the file's 'fiscal_years:' (e.g. fiscal_years: {Microsoft: July})",
                )
            else:
                self.fail((*path, key), str(err) + _day_number_hint(value))
            return None
        except ValueError as err:
            self.fail((*path, key), str(err))
            return None

    def status(self, record: Mapping[str, Any], key: str, path: Path) -> Status | None:
        value = record.get(key)
        if value is None or isinstance(value, Status):
            return value
        text = value if isinstance(value, str) else quoted(value)
        try:
            return Status(text.strip().lower())  # as lenient as Event itself
        except ValueError:
            choices = [s.value for s in Status]
            close = difflib.get_close_matches(text.lower(), choices, n=1)
            fix = (
                f"did you mean {quoted(close[0])}?" if close else f"use one of {', '.join(choices)}"
            )
            self.fail((*path, key), f"{quoted(value)} is not a status; {fix}")
            return None


def _day_number_hint(text: str) -> str:
    """For a date a spreadsheet saved as its day number, which day that is; else "".

    Spreadsheets count days from 30 December 1899; 20,000 to 80,000 are 1954 to 2119.

    >>> _day_number_hint("46113")
    "; if it is a spreadsheet's day number, that is 2026-04-01: format the column as text or \
as dates (2026-04-01) before saving"
    >>> _day_number_hint("2026")
    ''
    """
    import datetime as _dt

    digits = text.strip()
    if not (len(digits) == 5 and digits.isascii() and digits.isdigit()):
        return ""
    if not 20_000 <= int(digits) <= 80_000:
        return ""
    day = _dt.date(1899, 12, 30) + _dt.timedelta(days=int(digits))
    return (
        f"; if it is a spreadsheet's day number, that is {day.isoformat()}: format the column "
        "as text or as dates (2026-04-01) before saving"
    )


def _show(value: Any) -> str:
    """A value that is not what a field takes, shown for a message (a number as written).

    >>> from decimal import Decimal
    >>> _show(Decimal("1.5")), _show(123), _show([1]), _show(None)
    ('1.5', '123', 'a list', 'None')
    """
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Decimal):  # JSON numbers are read exactly, as Decimal
        return str(value)
    return quoted(value)  # a whole number too long to write out is described


def _quote_it(value: Any) -> str:
    """For a number where text belongs, the fix: the same characters in quotes.

    >>> _quote_it(1984), _quote_it(True)
    ('; write it in quotes: "1984"', '')
    """
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        shown = _show(value)
        # A whole number too long to write out has no digits to put in quotes.
        return "" if shown.startswith("a whole number") else f'; write it in quotes: "{shown}"'
    return ""
