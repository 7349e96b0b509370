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
into the public `WhenParseError` carrying the caller's text.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable
from typing import Literal

import pendulum

from timeline.dates._bounds import _key, _last_day
from timeline.dates._precision import MONTH_NAMES, Precision, Relation
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


class Fail(Exception):
    """Why a text is not a date; ``definite`` when a form matched but its values are wrong."""

    def __init__(self, reason: str, suggestion: str | None = None, *, definite: bool = True):
        super().__init__(reason)
        self.reason = reason
        self.suggestion = suggestion
        self.definite = definite


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

_SUB_YEAR = (
    "neither a month (01-12) nor a sub-year code (21-32 seasons, 33-36 quarters, "
    "37-39 thirds, 40-41 halves)"
)


def parse_edtf_text(text: str, *, iso_short: bool = True) -> When:
    """Read one EDTF text: a single value, an interval ``A/B`` or a set ``[..X]``/``[X..]``.

    ``iso_short`` also accepts the ISO 8601 decade ``202`` and century ``20``.
    """
    if "/" in text:
        parts = _split_slashes(text)
        if len(parts) > 1:
            return _interval(parts, iso_short=iso_short)
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


def _interval(parts: list[str], *, iso_short: bool) -> When:
    if len(parts) != 2:
        raise Fail("an EDTF interval has exactly one '/'", definite=False)
    left, right = parts
    lower = _end(left, iso_short=iso_short, default="unknown")
    upper = _end(right, iso_short=iso_short, default="unknown")
    if not isinstance(lower, When) and not isinstance(upper, When):
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
        if lo is not None and hi is not None and _key(lo) > _key(hi):
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
    raise Fail(f"{text!r} is not an EDTF date", definite=False)


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
    return w.qualify(approximate=approximate, uncertain=uncertain)


_QUALIFIED: dict[tuple[object, ...], When] = {}


def _reason(e: WhenError) -> str:
    """The model's message without the constructor call it names."""
    message = str(e)
    return message.split(": ", 1)[1] if message.startswith("When.") else message


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
    if ("S" in whole or "~" in inner or "?" in inner or "%" in inner) and any(
        m.group("qy", "ry", "qm", "rm", "qd", "sig")
    ):
        from timeline.dates._edtf_level2 import level2_single

        return level2_single(m)
    if mark is None and whole[-1] in _QUALIFIERS:  # "2026?": the year's own mark is the last
        mark = whole[-1]
    if "X" in whole or "x" in whole:
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


def _sub_year(year: int, code: int, y: str, mo: str) -> When:
    if 1 <= code <= 12:
        return When.month(year, code)
    if 21 <= code <= 32:
        return When.season(year, code)
    if 33 <= code <= 36:
        return When.quarter(year, code - 32)
    if 37 <= code <= 39:
        return When.third(year, code - 36)
    if 40 <= code <= 41:
        return When.half(year, code - 39)
    # "2024-27" is often meant as the years 2024 to 2027.
    later = year - year % 100 + code
    hint = f"{y} to {later}" if later > year else None
    raise Fail(f"{mo} is {_SUB_YEAR}", hint)


def _day(year: int, month: int, day: int) -> When:
    if not 1 <= month <= 12:
        raise Fail(f"{month:02d} is not a month (01-12)")
    last = _last_day(year, month)
    if not 1 <= day <= last:
        name = f"{MONTH_NAMES[month - 1]} {year}"
        if month == 2 and day == 29:
            raise Fail(f"{year} is not a leap year: {name} has {last} days")
        raise Fail(f"day {day:02d} does not exist: {name} has {last} days")
    return When.day(year, month, day)


def _week(year: int, week: int, weekday: str | None) -> When:
    weeks = _dt.date(year, 12, 28).isocalendar()[1] if 1 <= year <= 9999 else 0
    if not 1 <= week <= weeks:
        raise Fail(f"week {week:02d} does not exist: {year} has {weeks} ISO weeks")
    try:
        if weekday is None:
            return When.week(year, week)
        if not 1 <= int(weekday) <= 7:
            raise Fail(f"ISO weekday {weekday} is not 1 (Monday) .. 7 (Sunday)")
        day = _dt.date.fromisocalendar(year, week, int(weekday))
        return When.day(day.year, day.month, day.day)
    except (WhenError, ValueError, OverflowError) as e:
        raise Fail(f"week {year}-W{week:02d} is outside the calendar ({e})") from None


# -- unspecified digits -----------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def masked(text: str) -> When:
    """The value of an EDTF text with unspecified digits (``202X``, ``2026-XX``, ``156X-12-25``).

    Its bounds are the hull of the dates the digits allow.
    """
    from timeline.dates._edtf_level2 import mask_bounds

    first, last, precision = mask_bounds(text)
    return When.masked(text, first, last, precision)


def _date(y: int, m: int, d: int) -> pendulum.Date:
    return pendulum.Date(y, m, d)


# -- instants -------------------------------------------------------------------------------


def _instant(m: re.Match[str], year: int, month: int, day: int) -> When:
    _day(year, month, day)
    hour, minute = int(m["hh"]), int(m["mi"])
    second = int(m["ss"] or 0)
    if hour > 23:
        raise Fail(f"hour {m['hh']} is out of range 00-23")
    if minute > 59:
        raise Fail(f"minute {m['mi']} is out of range 00-59")
    if second > 59:
        raise Fail(f"second {m['ss']} is out of range 00-59 (leap seconds are not supported)")
    frac = (m["frac"] or "")[:6]  # finer than a microsecond: truncated, as Python does
    micro = int(frac.ljust(6, "0")) if frac else 0
    tz, zone = m["tz"], m["zone"]
    if zone is not None:
        moment = _zoned(year, month, day, hour, minute, second, micro, zone, tz)
    elif tz is None:
        moment = pendulum.naive(year, month, day, hour, minute, second, micro)
    else:
        # A fixed offset or UTC: the constructor gives what pendulum.datetime() would.
        moment = pendulum.DateTime(
            year, month, day, hour, minute, second, micro, tzinfo=_offset(tz.upper())
        )
    return When.instant(moment)


@functools.lru_cache(maxsize=256)
def _offset(tz: str) -> pendulum.FixedTimezone | pendulum.Timezone:
    if tz == "Z":
        return pendulum.UTC
    if tz in ("-00", "-0000", "-00:00"):
        # RFC 3339: "-00:00" says the offset is unknown; it is not UTC.
        raise Fail(
            "the offset -00:00 means 'offset unknown' (RFC 3339), not UTC; write Z for UTC, "
            "or leave the offset out for a local time"
        )
    # +hh, +hhmm, +hh:mm, and +hh:mm:ss (historic local mean time, as Python writes it)
    digits = tz[1:].replace(":", "")
    hours, minutes, seconds = int(digits[:2]), int(digits[2:4] or 0), int(digits[4:] or 0)
    if hours > 18 or minutes > 59 or seconds > 59 or (hours == 18 and minutes + seconds):
        raise Fail(f"UTC offset {tz} is out of range -18:00..+18:00")
    sign = -1 if tz[0] == "-" else 1
    return pendulum.FixedTimezone(sign * (hours * 3600 + minutes * 60 + seconds))


def _zoned(
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    second: int,
    micro: int,
    zone: str,
    tz: str | None,
) -> pendulum.DateTime:
    """A local time in a named zone (RFC 9557 ``[Area/City]``), checked against its offset."""
    tzinfo = _zone(zone)
    candidates = [
        pendulum.datetime(year, month, day, hour, minute, second, micro, tz=tzinfo, fold=fold)
        for fold in (0, 1)
    ]
    if tz is not None:
        wanted = _offset(tz.upper())
        offset = _dt.datetime(2000, 1, 1, tzinfo=wanted).utcoffset()
        for c in candidates:
            naive = (c.year, c.month, c.day, c.hour, c.minute)
            if c.utcoffset() == offset and naive == (year, month, day, hour, minute):
                return c
        raise Fail(f"offset {tz} does not match the time zone {zone} at that time")
    first, second_ = candidates
    if first.utcoffset() != second_.utcoffset() or (first.hour, first.minute) != (hour, minute):
        raise Fail(
            f"that local time is ambiguous or skipped in {zone} (a clock change); "
            "add the UTC offset, e.g. +01:00"
        )
    return first


def _zone(name: str) -> pendulum.Timezone:
    try:
        return pendulum.timezone(name)
    except Exception:  # pendulum raises several types for unknown names
        canonical = _zone_names().get(name.lower())
    if canonical is None:
        raise Fail(f"unknown time zone {name!r} (expected an IANA name such as Asia/Shanghai)")
    return pendulum.timezone(canonical)


@functools.cache
def _zone_names() -> dict[str, str]:
    import zoneinfo

    return {n.lower(): n for n in zoneinfo.available_timezones()}


# -- stepping a value by whole units -----------------------------------------------------------


def step(w: When, n: int) -> When:
    """The value ``n`` of its own units later (earlier when negative), qualifiers kept.

    EDTF writes "before X" as ``[..X']`` and "after X" as ``[X''..]``, where X' and
    X'' are the units before and after X; this computes them.
    """
    if n == 0:
        return w
    try:
        moved = _step(w, n)
    except (WhenError, ValueError, OverflowError) as e:
        raise Fail(f"the unit next to it is outside the calendar ({e})") from None
    return moved.qualify(approximate=w.approximate, uncertain=w.uncertain)


def _step(w: When, n: int) -> When:
    s = w.start
    if s is None or w.is_interval:
        raise Fail("only single values can be stepped")
    if w.unspecified is not None:
        return _step_masked(w.unspecified, n)
    if w.form is not None:
        raise Fail(f"{w.form} has no neighbour of the same shape")
    p = w.precision
    if isinstance(s, _dt.datetime):
        return When.instant(s.add(microseconds=n))
    if p is Precision.DAY:
        d = s + _dt.timedelta(days=n)
        return When.day(d.year, d.month, d.day)
    if p is Precision.WEEK:
        iso = (s + _dt.timedelta(weeks=n)).isocalendar()
        return When.week(iso[0], iso[1])
    if p is Precision.DEKAD:
        index = (s.year * 12 + s.month - 1) * 3 + (s.day - 1) // 10 + n
        months, k = divmod(index, 3)
        return When.dekad(months // 12, months % 12 + 1, k + 1)
    if p is Precision.MONTH:
        months = s.year * 12 + s.month - 1 + n
        return When.month(months // 12, months % 12 + 1)
    per_year = {Precision.SEASON: 4, Precision.QUARTER: 4, Precision.THIRD: 3, Precision.HALF: 2}
    if p in per_year:
        size = 12 // per_year[p]
        first_month = 3 if p is Precision.SEASON else 1
        index = s.year * per_year[p] + (s.month - first_month) // size + n
        year, k = divmod(index, per_year[p])
        if p is Precision.SEASON:
            return When.season(year, 21 + k)
        build = {Precision.QUARTER: When.quarter, Precision.THIRD: When.third}.get(p, When.half)
        return build(year, k + 1)
    if p is Precision.YEAR:
        return When.year(s.year + n)
    if p is Precision.DECADE:
        if w.end is None or w.end.year - s.year != 9:  # a third of a decade: no EDTF unit
            raise Fail("a part of a decade has no neighbour in EDTF")
        return When.decade(s.year + 10 * n)
    if p is Precision.CENTURY:
        return When.century(s.year + 100 * n)
    raise Fail(f"a {p.value} value cannot be stepped")


_STEPPABLE_MASK = re.compile(r"\d{1,3}X{1,3}|\d{4}-XX(?:-XX)?|\d{4}-\d{2}-XX")


def _step_masked(text: str, n: int) -> When:
    if not _STEPPABLE_MASK.fullmatch(text):
        raise Fail(f"{text} has no neighbour of the same shape")
    y, _, rest = text.partition("-")
    if "X" in y:
        k = y.count("X")
        prefix = int(y[: 4 - k]) + n
        if not 0 <= prefix < 10 ** (4 - k):
            raise Fail("the unit next to it is outside the calendar")
        return masked(f"{prefix:0{4 - k}d}" + "X" * k)
    if rest in ("XX", "XX-XX"):
        return masked(f"{int(y) + n:04d}-{rest}")
    months = int(y) * 12 + int(rest[:2]) - 1 + n
    return masked(f"{months // 12:04d}-{months % 12 + 1:02d}-XX")
