"""Text outside ASCII, brought to the characters the date readers know.

Dates pasted from web pages, PDFs and East Asian sources carry characters that
look like ASCII but are not: full-width letters and digits (``Ｑ２ ２０２６``),
non-breaking and thin spaces, invisible format characters (a byte-order mark
at the start of a CSV cell, zero-width spaces), and a family of dashes.

The dashes are the one place where the character decides the meaning. A
hyphen (``-``, U+2010, U+2011, the minus sign) joins the parts of an ISO 8601
date: ``2026-04`` is April 2026. A range dash (figure dash, en dash, em dash,
horizontal bar) between two numbers is "to", as English typesetting writes
ranges: ``2026–27`` is 2026 to 2027 (never EDTF's season 27), ``2020–30`` the
years 2020 to 2030, ``15–20 April`` the days 15 to 20. So a range dash between
numbers is rewritten as a range (``2026/27``, ``2020/2030``, ``15 to 20``), and
one that cannot be a range (``2026–04``: 2026 to 2004) is refused with the
ISO date it may have meant. A range dash next to a word ("April–June",
"mid–2026") reads like a hyphen there, as it always has.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from timeline._errors import quoted
from timeline.dates._edtf_calendar import Fail

__all__ = ["EDTF_START", "iso_extras", "unify"]

EDTF_START = frozenset("0123456789[Yy-./X~?%{")
"""The characters an ISO 8601 or EDTF text may start with."""

_HYPHENS = str.maketrans(dict.fromkeys("\u2010\u2011\u2212\ufe63\uff0d", "-"))
_RANGE = "\u2012\u2013\u2014\u2015"
# A range dash between two numbers; the years form first (a whole four-digit
# year, then two or four digits that end the number).
_YEARS = re.compile(rf"(?<![\d-])(\d{{4}})\s*[{_RANGE}]\s*(\d{{4}}|\d{{2}})(?![\d])")
_NUMBERS = re.compile(rf"(?<=\d)\s*[{_RANGE}]\s*(?=\d)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?(?:T\S*)?")


def unify(text: str) -> str:
    """``text`` with compatibility characters folded and dashes between numbers made ranges.

    >>> unify("２０２６\\u2013２７")
    '2026/27'
    >>> unify("15\\u201320 April 2026")
    '15 to 20 April 2026'
    """
    s = unicodedata.normalize("NFKC", text)
    if not s.isprintable():
        s = "".join(c for c in s if unicodedata.category(c) != "Cf")
    s = s.translate(_HYPHENS)
    if not any(c in _RANGE for c in s):
        return s
    dashed = re.sub(rf"\s*[{_RANGE}]\s*", "-", s)
    s = _YEARS.sub(lambda m: _years(m, dashed), s)
    return _NUMBERS.sub(" to ", s)


def _years(m: re.Match[str], dashed: str) -> str:
    """ "2026–27" -> "2026/27" (a pair, as "2026/27"), "2020–30" -> "2020/2030"."""
    first, second = int(m[1]), m[2]
    if len(second) == 4:
        return f"{m[1]}/{second}"  # an interval of years, which says if it runs backwards
    # the next year with these last two digits: 1999–00 is 1999 to 2000
    last = first - first % 100 + int(second)
    last += 100 if last <= first else 0
    if last == first + 1:
        return f"{m[1]}/{second}"
    if last // 100 == first // 100:
        return f"{m[1]}/{last:04d}"
    raise Fail(
        f"a dash ({m[0][4:].strip()[0]}) between numbers is a range, and {quoted(m[0])} would end "
        f"before it starts; an ISO 8601 date takes hyphens ('-')",
        dashed if _ISO_DATE.fullmatch(dashed) else None,
    )


_SPACED_TIME = re.compile(r"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}\S*)")
_BASIC = re.compile(
    r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{2}(?:\d{2})?)?)?"
    r"([~?%]?)",
    re.IGNORECASE,
)
_SLASHED = re.compile(r"(\d{4})([/.])(\d{1,2})\2(\d{1,2})")
_ORDINAL_DATE = re.compile(r"(\d{4})-(\d{3})([~?%]?)")
_BASIC_WEEK = re.compile(r"(\d{4})[Ww](\d{2})(\d)?([~?%]?)")
_SHORT_WEEK = re.compile(r"(\d{4})-?[Ww](\d)(?:-(\d))?")


def iso_extras(s: str) -> str:
    """ISO 8601 spellings outside EDTF, rewritten to the EDTF spelling.

    Also basic week dates ("2026W15", "2026W153"), and year, month and day with
    slashes or dots ("2026/04/03", "2026.4.3"): with the year first their order
    is never in doubt.
    """
    if s[4:5] in ("/", ".") and (m := _SLASHED.fullmatch(s)) is not None:
        return f"{m[1]}-{int(m[3]):02d}-{int(m[4]):02d}"
    if s[4:5] in ("W", "w") and (m := _BASIC_WEEK.fullmatch(s)) is not None:
        # the basic week date "2026W15", "2026W153": ISO 8601's extended form checks the week
        return f"{m[1]}-W{m[2]}" + (f"-{m[3]}" if m[3] else "") + m[4]
    if s[4:5] in ("W", "w", "-") and (m := _SHORT_WEEK.fullmatch(s)) is not None:
        # not the interval 2026 to week 5 of it
        fix = f"{m[1]}-W0{m[2]}" + (f"-{m[3]}" if m[3] else "")
        # "2020-W0": week 00 is none, so no fix is offered
        raise Fail("an ISO week takes two digits", fix if m[2] != "0" else None)
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
