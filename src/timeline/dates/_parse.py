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
import difflib
import functools
import re
from typing import Literal

import pendulum

from timeline._errors import WhenParseError
from timeline.dates import _fiscal, _quick
from timeline.dates._parse_context import _model_reason
from timeline.dates._parse_dates import Context, year_pair
from timeline.dates._parse_edtf import COMMON, MONTH_NAMES, Fail, common, parse_edtf_text
from timeline.dates._parse_phrase import normalise, parse_phrase
from timeline.dates._parse_text import unify
from timeline.dates._precision import Precision
from timeline.dates._when import When, WhenError

__all__ = ["MAX_TEXT", "check_options", "fiscal_start", "parse", "parse_edtf"]

Prefer = Literal["current", "future", "past"]

_SPACES = re.compile(r"\s+")
_SPACED_TIME = re.compile(r"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}\S*)")
_BASIC = re.compile(
    r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{2}(?:\d{2})?)?)?"
    r"([~?%]?)",
    re.IGNORECASE,
)
_ZONE = re.compile(r"\[[A-Za-z][A-Za-z_]*(?:/[^\]]*)?\]")
_YEAR_PAIR = re.compile(r"(\d{4}) ?[/-] ?(\d{2})")
_ORDINAL_DATE = re.compile(r"(\d{4})-(\d{3})([~?%]?)")
_FAST = frozenset("0123456789[Yy-./X~?%{")

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
        "undated",
        "no date",
    ]
)


def parse(
    text: str,
    *,
    reference: _dt.date | str | None = None,
    prefer: Prefer = "current",
    fiscal_year_start: int | str | None = None,
    fiscal_year_named_by: Literal["end", "start"] = "end",
) -> When:
    """Read ISO 8601, EDTF or an English date phrase into a `When`; raise `WhenParseError`.

    ``reference`` is the day the text was written (a date, or a date string);
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
        raise WhenParseError(repr(text), f"expected text (a str), got {type(text).__name__}")
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
        return _parse(text, ctx)
    except Fail as f:
        raise WhenParseError(text, f.reason, f.suggestion) from None
    except WhenParseError:
        raise
    except WhenError as e:  # a value the model refuses, in its words without the call
        raise WhenParseError(text, _model_reason(e)) from None
    except Exception as e:
        # A safety net, so no other exception type escapes: a value pendulum or the
        # model rejects in a way not foreseen above is still a parse error.
        raise WhenParseError(text, f"it cannot be read as a date ({e!r})") from None


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
        raise WhenParseError(repr(text), f"expected text (a str), got {type(text).__name__}")
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
                return parse_edtf_text(text)  # not EDTF in any case: its own reason
            raise Fail("EDTF letters are upper case (T, Z, X, Y, S, W)", fixed)
        return parse_edtf_text(text)
    except Fail as f:
        raise WhenParseError(text, f.reason, f.suggestion) from None
    except Exception as e:  # the same safety net as in parse
        raise WhenParseError(text, f"it cannot be read as a date ({e!r})") from None


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
    if len(s) <= 24 and not s[0].isdigit() and s.lower().rstrip(".") in _UNDATED:
        return When.undated()
    if (
        len(s) <= 9
        and s[4:5] in ("/", "-", " ")
        and not (len(s) == 7 and s[4] == "-" and s[5:7] <= "12")
    ):
        pair = _YEAR_PAIR.fullmatch(s)
        month = "-" in s and int(pair[2]) <= 12 if pair is not None else False
        if pair is not None and not month and (int(pair[1]) + 1) % 100 == int(pair[2]):
            # consecutive years ("2025/26", "2025-26"), though "2011-12" is December
            # 2011 and "2026-26" stays EDTF (northern summer 2026, with a question)
            return year_pair(int(pair[1]), pair[2], ctx)
        if pair is not None and s[4] == "-" and 25 <= int(pair[2]) <= 32:
            # EDTF reads "2024-26" as a hemisphere season; people mean years. Ask.
            year, code = int(pair[1]), int(pair[2])
            later = year - year % 100 + code
            raise Fail(
                f"'{s}' is ambiguous: in EDTF a hemisphere season (25-32), else the years "
                f"{year} to {later}; write the season in words ('northern summer {year}') "
                "or read it with When.from_edtf",
                f"{year} to {later}" if later > year else None,
            )
    if s[0] in _FAST:
        try:
            # ISO 8601's decade "202" and century "20" are read inside an EDTF set, where
            # they are unambiguous; alone they are more likely a year cut short
            return parse_edtf_text(_iso_extras(s), iso_short=s[0] in "[{")
        except Fail as f:
            if f.definite:
                raise
    try:
        return parse_phrase(s, ctx)
    except Fail as f:
        if f.definite:
            raise
    raise _diagnose(s, ctx)


def _iso_extras(s: str) -> str:
    """ISO 8601 spellings outside EDTF, rewritten to the EDTF spelling."""
    if " " in s:
        return _SPACED_TIME.sub(r"\1T\2", s) if s.count(" ") == 1 else s
    if len(s) >= 8 and s[4] != "-":
        m = _BASIC.fullmatch(s)
        if m is not None:
            y, mo, d, hh, mi, ss, frac, tz, q = m.groups()
            out = f"{y}-{mo}-{d}"
            if hh is not None:
                out += f"T{hh}:{mi}" + (f":{ss}" if ss else "") + (f".{frac}" if frac else "")
                if tz and len(tz) == 5:
                    tz = f"{tz[:3]}:{tz[3:]}"
                out += tz or ""
            return out + q
    elif len(s) >= 8 and s[7].isdigit():
        m = _ORDINAL_DATE.fullmatch(s)
        if m is not None:
            year, day = int(m[1]), int(m[2])
            last = 366 if _dt.date(year, 12, 31).timetuple().tm_yday == 366 else 365
            if not 1 <= day <= last:
                raise Fail(f"day {day} of the year does not exist: {year} has {last} days")
            d = _dt.date(year, 1, 1) + _dt.timedelta(days=day - 1)
            return d.isoformat() + m[3]
    return s


def check_options(reference: object, prefer: object) -> _dt.date | None:
    """The reference day (``None`` if none), raising `WhenParseError` for bad options."""
    try:
        _prefer(prefer)
        return _reference(reference)
    except Fail as f:
        raise WhenParseError(str(reference), f.reason, f.suggestion) from None


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
        raise Fail(f"fiscal_year_named_by must be 'end' or 'start', got {value!r}")
    return value


def _prefer(prefer: object) -> Prefer:
    if prefer != "current" and prefer != "future" and prefer != "past":
        raise Fail(f"prefer must be 'current', 'future' or 'past', got {prefer!r}")
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
    raise Fail(f"reference must be a date or a date string, got {type(reference).__name__}")


@functools.lru_cache(maxsize=256)
def _reference_text(text: str) -> _dt.date:
    try:
        w = _parse(text, Context(None, "current"))
    except Fail as f:
        raise Fail(f"the reference {text!r} is not a date ({f.reason})") from None
    start = w.start
    if start is None or not (w.precision is Precision.DAY or w.is_instant):
        raise Fail(f"the reference {text!r} must name one day, such as '2026-03-28'")
    return start.date() if isinstance(start, _dt.datetime) else start


# -- saying what is wrong ----------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_VOCABULARY = frozenset(
    [name.lower() for name in MONTH_NAMES]
    + [name[:3].lower() for name in MONTH_NAMES]
    + ["sept", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    + _words("spring summer autumn fall winter early mid middle late start beginning end close")
    + _words("by before after prior not no later earlier than circa ca about around approximately")
    + _words("approx roughly maybe possibly perhaps probably in on during at the of to through")
    + _words("until till thru and between from this next last year month quarter half week")
    + _words("decade century today tomorrow yesterday first second third fourth or so some")
    + _words("sometime time wk st nd rd th open unknown onwards onward latest earliest")
    + _words("fy fiscal current")
)
_NOT_WORDS = frozenset(_words("q h w t z x y c s"))
_CAPITALISED = frozenset([n.lower() for n in MONTH_NAMES] + [n[:3].lower() for n in MONTH_NAMES])
_WORD = re.compile(r"[a-z]+")
_SHORT_PART = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(.*)")
_TIME_ONLY = re.compile(r"t?(\d{1,2}):(\d{2})(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?", re.IGNORECASE)
_HOUR_ONLY = re.compile(r"(\d{4}-\d{2}-\d{2})[tT ](\d{1,2})([zZ]|[+-].*)?")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_TWO_DIGIT_YEAR = re.compile(r".*(?:'|\s)(\d{2})")
_FROM_ALONE = re.compile(r"(?i:from|since)\s+(.+)")


def _diagnose(s: str, ctx: Context) -> Fail:
    """The most useful reason (and fix) for text no form matched."""
    low = normalise(s)
    m = _FROM_ALONE.fullmatch(s)
    if m is not None and _parses(f"{m[1]} onwards", ctx):
        # Refused, not guessed: "from 2026" may run on or only start then.
        return Fail(
            f"a start alone does not say how long it runs; write 'from {m[1]} onwards' "
            f"(open end) or 'not before {m[1]}'"
        )
    for word in _WORD.findall(low):
        if word in _VOCABULARY or word in _NOT_WORDS:
            continue
        return Fail(f"unknown word {word!r}", _respell(s, word, ctx))
    m = _SHORT_PART.fullmatch(s)
    if m is not None and (len(m[2]) == 1 or (m[3] is not None and len(m[3]) == 1)):
        fixed = f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else "") + m[4]
        return Fail("month and day take two digits", fixed)
    m = _TIME_ONLY.fullmatch(s)
    if m is not None:
        hour = int(m[1])
        if hour > 23:
            return Fail(f"hour {m[1]} is out of range 00-23, and a time needs a date")
        return Fail("a time needs a date, such as '2026-04-15T10:00'")
    m = _HOUR_ONLY.fullmatch(s)
    if m is not None:
        return Fail("a time needs minutes", f"{m[1]}T{int(m[2]):02d}:00{m[3] or ''}")
    m = _NUMERIC.fullmatch(s)
    if m is not None:
        a, b = int(m[1]), int(m[2])
        fix = None
        if a > 12 >= b:
            fix = f"{m[3]}-{b:02d}-{a:02d}"
        elif b > 12 >= a:
            fix = f"{m[3]}-{a:02d}-{b:02d}"
        return Fail("numeric day/month order is ambiguous; write ISO 8601 (2026-04-15)", fix)
    if re.fullmatch(r"\d{1,3}", s):
        return Fail("a year takes four digits (write 'the 2020s' for a decade)")
    iso = _iso_short(s)
    if iso is not None:
        return Fail(f"a year takes four digits; in ISO 8601 (When.from_edtf) this is {iso!r}", iso)
    if re.fullmatch(r"\d{5,}", s):
        return Fail("a year takes four digits; years after 9999 are not supported")
    if _TWO_DIGIT_YEAR.fullmatch(low) and not re.search(r"\d{4}", low):
        return Fail("two-digit years are ambiguous; write all four digits")
    return Fail(
        "not a date form timeline reads; try ISO 8601 or EDTF ('2026-04-15', '2026-04', "
        "'2026-04-15T10:00+08:00') or a phrase ('April 2026', 'Q2 2026', 'by end of 2030')"
    )


def _iso_short(s: str) -> str | None:
    """The text of what ISO 8601's decade ``202`` or century ``20`` in ``s`` reads as."""
    if not s[0].isdigit() or re.match(r"\d{4}", s):
        return None
    try:
        return str(parse_edtf_text(s, iso_short=True))
    except (Fail, WhenError):
        return None


def _parses(s: str, ctx: Context) -> bool:
    try:
        _parse_quietly(s, ctx)
    except Fail as f:
        return "relative" in f.reason  # a form it reads, given a reference
    except (WhenParseError, WhenError):
        return False
    return True


def _respell(s: str, word: str, ctx: Context) -> str | None:
    """The text with ``word`` replaced by the closest known word, if that then parses."""
    for candidate in difflib.get_close_matches(word, _VOCABULARY, n=3, cutoff=0.7):
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        original = pattern.search(s)
        replacement = candidate
        if candidate in _CAPITALISED or (original is not None and original[0][:1].isupper()):
            replacement = candidate.capitalize()
        fixed = pattern.sub(replacement, s, count=1)
        try:
            _parse_quietly(fixed, ctx)
        except Fail as f:
            if "relative" not in f.reason:
                continue
        except (WhenParseError, WhenError):
            continue
        return fixed
    return None


def _parse_quietly(s: str, ctx: Context) -> When:
    if s[0] in _FAST:
        try:
            return parse_edtf_text(_iso_extras(s), iso_short=False)
        except Fail as f:
            if f.definite:
                raise
    return parse_phrase(s, ctx)
