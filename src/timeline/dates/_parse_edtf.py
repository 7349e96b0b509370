"""Reading EDTF and ISO 8601 text into `When` values.

A hand-written reader over a few compiled regular expressions: one pattern
says what a single value looks like (a year, month, day, sub-year code, week,
or a date with a time), and small functions turn its groups into a `When`
through the model's named constructors, so every value is validated once.

What is read:

* EDTF level 0 and 1: ``2026``, ``2026-04``, ``2026-04-15``, date-times with
  or without an offset, qualifiers ``~ ? %`` on the whole value, unspecified
  trailing digits (``202X``, ``20XX``, ``2026-XX``, ``2026-04-XX``,
  ``2026-XX-XX``), seasons 21-24, intervals ``A/B`` whose ends may be open
  (``..``) or unknown (empty), and ``Y``-prefixed years within 1..9999.
* EDTF level 2: sub-year codes 25-32 (hemisphere seasons), 33-36
  (quarters), 37-39 (thirds), 40-41 (halves), unspecified digits anywhere
  (``156X-12-25``), per-component qualifiers (``2004?-06-~11``), significant
  digits (``1950S2``), and sets and lists (``[1667,1668,1670..1672]``,
  ``{1960,1961-12}``; ``[..X]`` is a deadline and ``[X..]`` "no earlier
  than X"), the level-2 parts in `timeline.dates._edtf_level2`.
* ISO 8601 forms EDTF leaves out, so every `When` has an EDTF-style text:
  week dates ``2026-W15``, the decade ``202`` (ISO 8601-2) and the century
  ``20``, and qualifiers on date-times.

A failure raises `Fail` (reason and suggestion); `timeline.dates._parse` turns it
into the public `WhenParseError` carrying the caller's text. The checked
calendar values and `Fail` are in `timeline.dates._edtf_calendar`, date-times
in `timeline.dates._edtf_instants`, and stepping by whole units (`step`) in
`timeline.dates._edtf_step`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

import pendulum

from timeline._errors import quoted
from timeline.dates._bounds import _last_day, runs_backwards
from timeline.dates._edtf_calendar import Fail, _day, _reason, _sub_year, _week, masked
from timeline.dates._edtf_instants import _instant
from timeline.dates._edtf_step import step
from timeline.dates._precision import MONTH_NAMES, Relation
from timeline.dates._when import When, WhenError

__all__ = [
    "COMMON",
    "MONTH_NAMES",
    "Fail",
    "common",
    "edtf_value",
    "parse_edtf_text",
    "step",
]


# One single value: a Y-year, a calendar date (possibly with X digits and a
# time), or an ISO week date; then one optional qualifier for the whole value.
_SINGLE = re.compile(
    r"""
    (?:
        Y(?P<long>-?\d+)(?:E(?P<exp>\d+))?(?:S\d+)?
      | (?P<neg>-)?(?P<qy>[~?%])?(?P<y>[\dX]{4})(?:S(?P<sig>\d+))?(?P<ry>[~?%])?
        (?:-(?P<qm>[~?%])?(?P<m>[\dX]{2})(?P<rm>[~?%])?
            (?:-(?P<qd>[~?%])?(?P<d>[\dX]{2})
                (?:T(?P<hh>\d{2}):(?P<mi>\d{2})(?::(?P<ss>\d{2})(?:[.,](?P<frac>\d+))?)?
                   (?P<tz>Z|[+-]\d{2}(?::?\d{2}(?::\d{2})?)?)?
                   (?:\[(?P<zone>[^\]\s]+)\])?
                )?
            )?
        )?
      | (?P<wy>\d{4})-W(?P<wk>\d{2})(?:-(?P<wd>\d))?
    )
    (?P<q>[~?%])?
    """,
    re.VERBOSE | re.IGNORECASE,
)
# ISO 8601 reduced precision: a decade "202" (ISO 8601-2) or a century "20".
_SHORT = re.compile(r"(?P<digits>\d{2,3})(?P<q>[~?%])?")
# EDTF level-2 one-of sets used for deadlines and lower limits.
_SET_BY = re.compile(r"\[\.\.(?P<v>[^\[\]{},]+)\]")
_SET_AFTER = re.compile(r"\[(?P<v>[^\[\]{},]+)\.\.\]")
_QUALIFIERS = {"~": (True, False), "?": (False, True), "%": (True, True)}


def parse_edtf_text(text: str, *, iso_short: bool = True, dateless: bool = False) -> When:
    """Read one EDTF text: a single value, an interval ``A/B`` or a set ``[..X]``/``[X..]``.

    ``iso_short`` also accepts the ISO 8601 decade ``202`` and century ``20``;
    ``dateless`` an interval with no date at all (``../..``, ``/``), which
    `When.interval` builds and `When.to_edtf` writes.
    """
    if "/" in text:
        parts = _split_slashes(text)
        if len(parts) > 1:
            return _interval(parts, iso_short=iso_short, dateless=dateless)
    if text[:1] in "[{":
        m = _SET_BY.fullmatch(text)
        if m is not None:
            return _value(m["v"], iso_short=iso_short).by()
        m = _SET_AFTER.fullmatch(text)
        if m is not None:
            return _value(m["v"], iso_short=iso_short).not_before()
        from timeline.dates._edtf_level2 import parse_set

        return parse_set(text, lambda t: _value(t, iso_short=iso_short))
    return _value(text, iso_short=iso_short)


def _split_slashes(text: str) -> list[str]:
    """``text`` split at each '/' outside brackets ([Europe/Paris] keeps its own)."""
    if "[" not in text:
        return text.split("/")
    parts, depth, last = [], 0, 0
    for i, c in enumerate(text):
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif c == "/" and depth <= 0:
            parts.append(text[last:i])
            last = i + 1
    parts.append(text[last:])
    return parts


def _interval(parts: list[str], *, iso_short: bool, dateless: bool = False) -> When:
    if len(parts) != 2:
        raise Fail("an EDTF interval has exactly one '/'", definite=False)
    left, right = parts
    lower = _end(left, iso_short=iso_short, default="unknown")
    upper = _end(right, iso_short=iso_short, default="unknown")
    if not isinstance(lower, When) and not isinstance(upper, When) and not dateless:
        raise Fail("an interval needs at least one date")
    return make_interval(lower, upper, left, right)


def _end(text: str, *, iso_short: bool, default: Literal["unknown"]) -> When | str:
    if text == "":
        return default
    if text == "..":
        return "open"
    return _value(text, iso_short=iso_short)


def make_interval(
    lower: When | str,
    upper: When | str,
    left: str,
    right: str,
    label: Callable[[When | str, str], str] | None = None,
) -> When:
    """`When.interval` with a message naming the ends (as written, or by ``label``)."""
    if isinstance(lower, When) and isinstance(upper, When):
        lo, hi = lower.earliest, upper.latest
        if lo is not None and hi is not None and runs_backwards(lo, hi):
            if label is not None:
                left, right = label(lower, left), label(upper, right)
            raise Fail(
                f"it ends ({right.strip()}) before it starts ({left.strip()})",
                f"{right.strip()}/{left.strip()}" if "/" not in left + right else None,
            )
    try:
        return When.interval(lower, upper)  # type: ignore[arg-type]
    except WhenError as e:
        raise Fail(_reason(e)) from None


def edtf_value(text: str) -> When | None:
    """The single value an EDTF/ISO text names, or ``None`` when it is not shaped like one."""
    m = _SINGLE.fullmatch(text)
    if m is None:
        return None
    return _build(m)


# The shapes most dates in files take ("2026", "2026-04", "2026-04-15", each maybe
# qualified) are read directly; anything else, or anything wrong, takes the
# general path, which says what is wrong.
COMMON = re.compile(r"([1-9]\d{3})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?([~?%]?)")


def common(m: re.Match[str]) -> When | None:
    """The value of a `COMMON` match, or ``None`` for the general path to explain."""
    y, mo, d, mark = m.groups()
    year = int(y)
    if mo is None:
        w = When.year(year)
    elif d is None:
        w = When.month(year, int(mo))
    else:
        month, day = int(mo), int(d)
        if day > 28 and day > _last_day(year, month):
            return None  # the general path explains it
        w = When.day(year, month, day)
    return _qualified(w, mark) if mark else w


def _value(text: str, *, iso_short: bool) -> When:
    if len(text) <= 11 and (found := COMMON.fullmatch(text)) is not None:
        w = common(found)
        if w is not None:
            return w
    m = _SINGLE.fullmatch(text)
    if m is not None:
        return _build(m)
    if iso_short:
        s = _SHORT.fullmatch(text)
        if s is not None:
            return _short(s)
    raise Fail(f"{quoted(text)} is not an EDTF date", definite=False)


def _short(m: re.Match[str]) -> When:
    digits = m["digits"]
    try:
        w = When.decade(int(digits) * 10) if len(digits) == 3 else When.century(int(digits) * 100)
    except WhenError as e:
        raise Fail(_reason(e)) from None
    return _qualified(w, m["q"])


def _qualified(w: When, mark: str | None) -> When:
    if not mark:
        return w
    approximate, uncertain = _QUALIFIERS[mark]
    if w.relation is Relation.ON and w.lower is None and w.upper is None and w.form is None:
        # A value just built: the constructor directly (qualify() checks what cannot
        # happen), and calendar values shared like the plain ones. Instants are not:
        # equal instants at other offsets compare equal, so a table could swap them.
        calendar_value = type(w.start) is pendulum.Date
        # keyed by the fields, not the value: hashing a new When costs more than building one
        key = (w.start, w.end, w.precision._value_, w.unspecified, mark)
        if calendar_value and (found := _QUALIFIED.get(key)) is not None:
            return found
        q = When(w.start, w.end, w.precision, approximate, uncertain, unspecified=w.unspecified)
        if calendar_value:
            if len(_QUALIFIED) >= 1 << 14:
                _QUALIFIED.clear()
            _QUALIFIED[key] = q
        return q
    try:
        return w.qualify(approximate=approximate, uncertain=uncertain)
    except WhenError as e:  # a value EDTF cannot qualify ("2026-25~"): said as the parser's
        raise Fail(str(e).split("qualify(): ", 1)[-1]) from None


_QUALIFIED: dict[tuple[object, ...], When] = {}


def _build(m: re.Match[str]) -> When:
    # One group() call for the common fields: group lookups by name add up here.
    y, mo, d, hh, mark, long, wy = m.group("y", "m", "d", "hh", "q", "long", "wy")
    if long is not None:
        exp = m["exp"]
        if exp is not None and int(exp) > 8:  # beyond any calendar: no need to compute it
            raise Fail(
                f"year {long}E{exp} is outside 1..9999, the range timeline's calendar covers"
            )
        year = int(long) * 10 ** int(exp or 0)
        if not 1 <= year <= 9999:
            raise Fail(f"year {year} is outside 1..9999, the range timeline's calendar covers")
        # EDTF writes "Y" only before years of more than four digits.
        raise Fail("EDTF writes 'Y' only before a year of five or more digits", f"{year:04d}")
    if wy is not None:
        return _qualified(_week(int(wy), int(m["wk"]), m["wd"]), mark)
    whole = m[0]
    if whole[0] == "-":
        raise Fail("years before 1 CE (negative EDTF years) are not supported")
    inner = whole[:-1]
    # (the pattern ignores case: "1950s2" has significant digits too, and was read as 1950)
    if ("S" in whole or "s" in whole or "~" in inner or "?" in inner or "%" in inner) and any(
        m.group("qy", "ry", "qm", "rm", "qd", "sig")
    ):
        from timeline.dates._edtf_level2 import level2_single

        return level2_single(m)
    if mark is None and whole[-1] in _QUALIFIERS:  # "2026?": the year's own mark is the last
        mark = whole[-1]
    if ("X" in whole or "x" in whole) and ("X" in (y + (mo or "") + (d or "")).upper()):
        # unspecified digits in the date, not an x in a zone's name ("[America/Mexico_City]")
        return _qualified(masked(whole.rstrip("~?%").upper()), mark)
    year = int(y)
    if year == 0:
        raise Fail("year 0000 (1 BCE) is not supported; the calendar starts at year 1")
    try:
        if mo is None:
            w = When.year(year)
        elif d is None:
            w = _sub_year(year, int(mo), y, mo)
        elif hh is None:
            w = _day(year, int(mo), int(d))
        else:
            w = _instant(m, year, int(mo), int(d))
    except WhenError as e:
        raise Fail(_reason(e)) from None
    return _qualified(w, mark)
