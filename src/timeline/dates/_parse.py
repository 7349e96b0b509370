"""`parse` and `parse_edtf`: text to `When`, strictly.

`parse` reads ISO 8601 and EDTF first (`timeline.dates._parse_edtf`), then English
phrases (`timeline.dates._parse_phrase`). It never returns a guess: text that is not
exactly one of the accepted forms raises `WhenParseError`, which quotes the
input, says what is wrong and, where a fix is likely, suggests one
("Aprill 2026" -> "April 2026", "2026-4" -> "2026-04"). No other exception
type escapes, whatever the input.

Time-zone policy: an offset is kept as written (``Z`` is UTC, ``+08:00`` a
fixed offset), an RFC 9557 zone suffix (``2026-04-15T10:00+08:00[Asia/Shanghai]``)
keeps the named zone, and a date-time without either stays *naive* (floating
local time, ``tzinfo=None``) - it is never silently made UTC.

Beyond EDTF, `parse` also reads ISO 8601 forms people paste: a space instead of
``T`` (``2026-04-15 10:00``), the basic format (``20260415``,
``20260415T100000Z``), ordinal dates (``2026-105``) and week dates with a day
(``2026-W15-3``).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Literal

import pendulum

from timeline._errors import WhenParseError, quoted
from timeline.dates import _fiscal, _quick
from timeline.dates._fiscal import Fiscal
from timeline.dates._format_fiscal import (
    fiscal_of_shift,
    months_text,
    normal_months,
    read_months,
    tagged,
)
from timeline.dates._parse_context import _model_reason
from timeline.dates._parse_dates import Context
from timeline.dates._parse_diagnose import diagnose
from timeline.dates._parse_edtf import COMMON, Fail, common, parse_edtf_text
from timeline.dates._parse_fiscal import written_pair
from timeline.dates._parse_phrase import parse_phrase
from timeline.dates._parse_text import EDTF_START, iso_extras, unify
from timeline.dates._parse_time import with_time
from timeline.dates._precision import MONTH_NAMES, Precision
from timeline.dates._when import When, WhenError

__all__ = ["MAX_TEXT", "check_options", "fiscal_start", "parse", "parse_edtf"]

Prefer = Literal["current", "future", "past"]

_SPACES = re.compile(r"\s+")
_ZONE = re.compile(r"\[[A-Za-z][A-Za-z_]*(?:/[^\]]*)?\]")
MAX_TEXT = 500
"""The longest date text `parse` and `parse_edtf` read, in characters.

No real date phrase comes near it (two instants with zone names and a set of a
few dozen EDTF dates do); texts from strangers' files and feeds that are
longer are refused at once, so no input makes the parser slow.
"""

# "TBD", "date not announced" ...: the undated value. Compared after lower-casing,
# with a trailing full stop and surrounding brackets dropped.
_UNDATED = frozenset(
    [
        "tbd",
        "tba",
        "tbc",
        "t.b.d",
        "t.b.a",
        "to be announced",
        "to be determined",
        "to be confirmed",
        "unknown",
        "date unknown",
        "unknown date",
        "not announced",
        "date not announced",
        "not yet announced",
        "date not yet announced",
        "date tbd",
        "date tba",
        "date tbc",
        "date to be announced",
        "date to be confirmed",
        "date to be determined",
        "undated",
        "no date",
    ]
)


def parse(
    text: str,
    *,
    reference: _dt.date | str | When | None = None,
    prefer: Prefer = "current",
    fiscal_year_start: int | str | None = None,
    fiscal_year_named_by: Literal["end", "start"] = "end",
) -> When:
    """Read ISO 8601, EDTF or an English date phrase into a `When`; raise `WhenParseError`.

    ``reference`` is the day the text was written (a date, a date string, or a
    `When`, whose earliest day is taken: ``When.month(2026, 3)`` is 1 March 2026);
    relative phrases ("April", "next month", "later this year") need it.
    ``prefer`` says which occurrence a name without a year means: the one
    around the reference (``"current"``), the next (``"future"``) or the
    previous (``"past"``).

    ``fiscal_year_start`` is the month a fiscal year starts (a number or a
    name): "FY2025", "Q3 FY2025", "H1 FY26" and "fiscal 2025" need it. A fiscal
    year is named by the calendar year in which it ends (Microsoft's FY2025 runs
    from July 2024 to June 2025), or with ``fiscal_year_named_by="start"`` by the
    year in which it starts (the Japanese and Indian convention).

    >>> str(parse("Q2 2026").latest)
    '2026-06-30'
    >>> parse("by the end of 2030") == When.year(2030).by()
    True
    >>> parse("April", reference="2026-03-28") == When.month(2026, 4)
    True
    """
    if not isinstance(text, str):
        raise WhenParseError(quoted(text), f"expected text (a str), got {type(text).__name__}")
    if len(text) > MAX_TEXT:
        _check_length(text)
    if (reference is None or type(reference) in _DAY_TYPES) and prefer in _PREFER:
        # ISO 8601 and EDTF values do not depend on the options; these ones are valid.
        if fiscal_year_start is None and fiscal_year_named_by == "end":
            if len(text) <= _quick.LONGEST:
                w = _quick.read(text)
                if w is not None:
                    return w
        else:
            w = _fiscal_free(text)
            if w is not None:
                return w
    try:
        if fiscal_year_start is None and fiscal_year_named_by == "end":
            ctx = Context(_reference(reference), _prefer(prefer))
        else:
            ctx = Context(
                _reference(reference),
                _prefer(prefer),
                fiscal_start(fiscal_year_start),
                _named_by(fiscal_year_named_by),
            )
        w = _parse(text, ctx)
        if ctx.fiscal_used and w.fiscal is None and ctx.fiscal_start is not None:
            # read in fiscal years: shown in them ("Q3 FY2026 (January–March 2026)")
            return tagged(w, Fiscal(ctx.fiscal_start, ctx.fiscal_named_by)) or w
        return w
    except Fail as f:
        raise WhenParseError(text, f.reason, f.suggestion) from None
    except WhenParseError:
        raise
    except WhenError as e:  # a value the model refuses, in its words without the call
        raise WhenParseError(text, _model_reason(e)) from None
    except OverflowError:  # date arithmetic past 9999-12-31 or before 0001-01-01
        raise WhenParseError(text, _OUTSIDE) from None
    except Exception as e:
        # A safety net, so no other exception type escapes: a value pendulum or the
        # model rejects in a way not foreseen above is still a parse error.
        raise WhenParseError(text, f"it cannot be read as a date ({quoted(e)})") from None


def _fiscal_free(text: str) -> When | None:
    """The value of a text no fiscal year changes: common ISO shapes, the texts ``str`` writes."""
    if len(text) <= 11 and (found := COMMON.fullmatch(text)) is not None:
        return common(found)
    if len(text) <= _quick.LONGEST:
        return _quick.canonical(text)
    return None


def parse_edtf(text: str) -> When:
    """Read EDTF (levels 0 and 1, sub-year codes 21-41, ``[..X]``/``[X..]``) into a `When`.

    Also reads the ISO 8601 forms `timeline.to_edtf` writes for values EDTF
    lacks: week dates (``2026-W15``), the decade ``202`` and the century ``20``.

    Level 2 is read in full: unspecified digits anywhere (``156X-12-25``),
    per-component qualifiers (``2004?-06-~11``), sets and lists
    (``[1667,1668,1670..1672]``), hemisphere seasons (``2001-29``) and
    significant digits (``1950S2``). Years outside 1..9999 are refused.

    >>> parse_edtf("2026-04~").approximate
    True
    >>> str(parse_edtf("2026-33").latest)
    '2026-03-31'
    """
    if not isinstance(text, str):
        raise WhenParseError(quoted(text), f"expected text (a str), got {type(text).__name__}")
    _check_length(text)
    if len(text) <= 11:
        found = COMMON.fullmatch(text)
        if found is not None and (w := common(found)) is not None:
            return w
    try:
        if not text or text != text.strip():
            raise Fail("EDTF text has no surrounding spaces" if text else "the text is empty")
        if text != text.upper() and _ZONE.sub("", text) != _ZONE.sub("", text).upper():
            # EDTF is upper case (T, Z, X, Y, S, W); a zone name keeps its own spelling
            fixed = _ZONE.sub(lambda m: "\0", text).upper()
            zones = iter(_ZONE.findall(text))
            fixed = re.sub("\0", lambda _: next(zones), fixed)
            try:
                parse_edtf_text(fixed)
            except Fail:
                return parse_edtf_text(text, dateless=True)  # not EDTF anyway: its own reason
            raise Fail("EDTF letters are upper case (T, Z, X, Y, S, W)", fixed)
        return parse_edtf_text(text, dateless=True)
    except Fail as f:
        raise WhenParseError(text, f.reason, f.suggestion) from None
    except OverflowError:
        raise WhenParseError(text, _OUTSIDE) from None
    except Exception as e:  # the same safety net as in parse
        raise WhenParseError(text, f"it cannot be read as a date ({quoted(e)})") from None


_OUTSIDE = "it falls outside the calendar, which runs from 1 January 0001 to 31 December 9999"
_DAY_TYPES = (_dt.date, pendulum.Date)
_PREFER = ("current", "future", "past")


def _check_length(text: str) -> None:
    """Refuse a text longer than `MAX_TEXT`, quoting only its start."""
    if len(text) > MAX_TEXT:
        raise WhenParseError(
            text[:40] + "...",
            f"a date text is at most {MAX_TEXT} characters and this one has {len(text)}; "
            "give the date alone (find_dates finds dates inside longer text)",
        )


def _parse(text: str, ctx: Context) -> When:
    s = text.strip()
    if not s.isascii():  # full-width forms, odd spaces, invisible marks, dashes
        s = unify(s).strip()
    if not s:
        raise Fail("the text is empty; write a date such as '2026-04' or 'April 2026'")
    if "  " in s or not s.isprintable():  # tabs and line breaks are not printable
        s = _SPACES.sub(" ", s)
    if s[-1] == ")" and (bracket := _BRACKET.fullmatch(s)) is not None:
        return _fiscal_bracket(bracket["body"], bracket["months"], ctx)
    if len(s) <= 32 and not s[0].isdigit() and s.lower().strip("()[] ").rstrip(".") in _UNDATED:
        return When.undated()
    pair = written_pair(s, ctx)
    if pair is not None:
        return pair
    timed = with_time(s, lambda day: _parse(day, ctx))  # "April 7, 2026 at 9 a.m. ET"
    if timed is not None:
        return timed
    if s[0] in EDTF_START:
        try:
            # ISO 8601's decade "202" and century "20" are read inside an EDTF set, where
            # they are unambiguous; alone they are more likely a year cut short
            return parse_edtf_text(iso_extras(s), iso_short=s[0] in "[{")
        except Fail as f:
            if f.definite:
                raise
    try:
        return parse_phrase(s, ctx)
    except Fail as f:
        if f.definite:
            raise
    raise diagnose(s, ctx)


_BRACKET = re.compile(r"(?P<body>[^()]*?(?:fy|fiscal)[^()]*?) ?\((?P<months>[^()]*)\)", re.I)


def _fiscal_bracket(body: str, months: str, ctx: Context) -> When:
    """ "Q3 FY2026 (January–March 2026)": a fiscal period, its fiscal years read from the months.

    The months say where the fiscal year starts and how it is named: the text
    reads the same without ``fiscal_year_start``, and a different one given
    with it is refused rather than silently overruled.
    """
    given = read_months(months)
    if given is None:
        raise Fail(
            f"the brackets after {quoted(body)} give the calendar months it covers, such as "
            "'(January–March 2026)'; write them so, or drop them and pass fiscal_year_start="
        )
    fiscal = _fiscal_of(body, given, ctx)
    if fiscal is None:
        raise Fail(f"{quoted(body)} names no fiscal period that covers {months}; check the months")
    if ctx.fiscal_start in (None, fiscal.start):
        found = _read_in(body, months, fiscal, ctx)
        if found is not None:
            return found
    # The first month tells the fiscal year only when the text starts with a fiscal
    # period: "2020 to FY2026 (January 2020–June 2026)" starts with a calendar year.
    # Then the fiscal years (those asked for, if any) whose reading has these months.
    fitting = None
    for shift in range(-11, 12):
        other = fiscal_of_shift(shift)
        assert other is not None  # every shift within a year is one
        found = _read_in(body, months, other, ctx)
        if found is not None and ctx.fiscal_start in (None, other.start):
            return found
        fitting = fitting or (other if found is not None else None)
    fiscal = fitting or fiscal  # named in the refusals below
    if ctx.fiscal_start is not None and ctx.fiscal_start != fiscal.start:
        said, asked = (MONTH_NAMES[m - 1] for m in (fiscal.start, ctx.fiscal_start))
        raise Fail(
            f"{body} ({months}) is in fiscal years that start in {said}, not in {asked} as "
            f"asked; correct the months in brackets, or drop them to read {quoted(body)} in "
            f"fiscal years from {asked}"
        )
    real = Context(ctx.reference, ctx.prefer, fiscal.start, fiscal.named_by)
    w = _parse(body, real)
    marked = tagged(w, fiscal) if real.fiscal_used else None
    covers = months_text(w)
    if marked is None or covers is None or normal_months(covers) != normal_months(months):
        fix = f"{body} ({covers})" if marked is not None and covers is not None else None
        raise Fail(f"{quoted(body)} covers {covers or 'no months'}, not {months}", fix)
    return marked


def _read_in(body: str, months: str, fiscal: Fiscal, ctx: Context) -> When | None:
    """``body`` read in ``fiscal``'s years, if it is a fiscal value covering ``months``."""
    real = Context(ctx.reference, ctx.prefer, fiscal.start, fiscal.named_by)
    try:
        w = _parse(body, real)
    except Fail:
        return None
    marked = tagged(w, fiscal) if real.fiscal_used else None
    covers = months_text(w)
    if marked is None or covers is None or normal_months(covers) != normal_months(months):
        return None
    return marked


def _fiscal_of(body: str, given: int, ctx: Context) -> Fiscal | None:
    """The fiscal years in which ``body`` starts on month index ``given``: found from its
    calendar reading, or, where that falls outside the calendar ("after FY9999" from
    February is after January 9999, but "after 9999" is nothing), from each fiscal year."""
    try:
        probe = _parse(body, Context(ctx.reference, ctx.prefer, 1))
    except Fail:
        for shift in range(-11, 12):
            fiscal = fiscal_of_shift(shift)
            assert fiscal is not None  # every shift within a year is one
            try:
                w = _parse(body, Context(ctx.reference, ctx.prefer, fiscal.start, fiscal.named_by))
            except Fail:
                continue
            if read_months(months_text(w) or "") == given:
                return fiscal
        raise
    seen = read_months(months_text(probe) or "")
    return None if seen is None else fiscal_of_shift(given - seen)


def check_options(reference: object, prefer: object) -> _dt.date | None:
    """The reference day (``None`` if none), raising `WhenParseError` for bad options."""
    try:
        _prefer(prefer)
        return _reference(reference)
    except Fail as f:
        said = reference if isinstance(reference, str) else quoted(reference)
        raise WhenParseError(said, f.reason, f.suggestion) from None


def fiscal_start(value: object) -> int | None:
    """The month a fiscal year starts (see `timeline.dates._fiscal.fiscal_start`), or `Fail`.

    >>> fiscal_start("July")
    7
    """
    try:
        return _fiscal.fiscal_start(value)
    except WhenError as e:
        raise Fail(str(e)) from None


def _named_by(value: object) -> Literal["end", "start"]:
    if value != "end" and value != "start":
        raise Fail(f"fiscal_year_named_by must be 'end' or 'start', got {quoted(value)}")
    return value


def _prefer(prefer: object) -> Prefer:
    if prefer != "current" and prefer != "future" and prefer != "past":
        raise Fail(f"prefer must be 'current', 'future' or 'past', got {quoted(prefer)}")
    return prefer


def _reference(reference: object) -> _dt.date | None:
    if reference is None:
        return None
    if isinstance(reference, _dt.datetime):
        return reference.date()
    if isinstance(reference, _dt.date):
        return reference
    if isinstance(reference, str):
        return _reference_text(reference)
    if isinstance(reference, When):
        return _reference_when(reference)
    raise Fail(f"reference must be a date, a date string or a When, got {type(reference).__name__}")


def _reference_when(w: When) -> _dt.date:
    """A `When` as the reference: its earliest day (the first day it can be)."""
    first = w.earliest
    if first is None:
        raise Fail(
            f"the reference {str(w)!r} has no earliest day (it is open or undated); "
            "pass the day the source was written"
        )
    return first.date() if isinstance(first, _dt.datetime) else first


@functools.lru_cache(maxsize=256)
def _reference_text(text: str) -> _dt.date:
    try:
        w = _parse(text, Context(None, "current"))
    except Fail as f:
        raise Fail(f"the reference {quoted(text)} is not a date ({f.reason})") from None
    start = w.start
    if start is None or not (w.precision is Precision.DAY or w.is_instant):
        raise Fail(f"the reference {quoted(text)} must name one day, such as '2026-03-28'")
    return start.date() if isinstance(start, _dt.datetime) else start
