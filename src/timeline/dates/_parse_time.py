"""A time of day said in words with its day: "April 7, 2026 at 9 a.m. ET", "10:00 UTC on 7 April
2026", "7 April 2026, 14:30 Beijing time".

Press releases give the time of a call or a launch this way. The day is read as any
day is; the time is a 12-hour clock with a.m./p.m., a 24-hour clock, or "noon"; the
zone, when given, is UTC/GMT (with an offset or not), a region's time ("ET", "PT",
"Eastern", "Beijing time": that place's local time, summer or winter), a zone label
with a fixed offset ("EST", "CEST", "JST") or an IANA name. A label that contradicts
the date ("EST" in July, when New York is on EDT) is refused, as are labels with two
meanings ("CST": US Central or China; "IST": India, Israel or Ireland) and "midnight"
(the start or the end of the day?). Without a zone the time is floating.
"""

from __future__ import annotations

import datetime as _dt
import re
import zoneinfo
from collections.abc import Callable

from timeline._errors import WhenParseError, quoted
from timeline.dates._parse_edtf import Fail
from timeline.dates._precision import Precision, Relation
from timeline.dates._when import When

__all__ = ["CLOCK", "ZONE_WORD", "day_span", "with_time"]

_TIME = (
    r"(?:(?P<h12>1[0-2]|0?[1-9])(?::(?P<m12>[0-5]\d))?\s?(?P<ap>[ap])\.?\s?m\b\.?"
    r"|(?P<h24>[01]?\d|2[0-4]):(?P<m24>[0-5]\d)(?!:)"
    r"|(?P<noon>noon|midday)|(?P<midnight>midnight))"
)
_ZONE = (
    r"(?P<zone>(?:utc|gmt)\s?[+-−]\s?\d{1,2}(?::?\d{2})?|[+-−]\d{2}:?\d{2}"
    # an IANA name: Asia/Shanghai, America/Argentina/Salta, America/Port-au-Prince, Etc/GMT+5
    r"|[a-z]+/[a-z_][a-z0-9_+-]*(?:/[a-z_][a-z0-9_+-]*)?"
    r"|(?:beijing|china|shanghai|hong kong|taipei|singapore|tokyo|japan|seoul|korea|london|uk"
    r"|paris|berlin|brussels|new york|washington|san francisco|california|india|delhi|local)"
    r"\s+time"
    r"|eastern|central|mountain|pacific"
    r"|(?!(?:on|at|to|of|the|and|or|in|by|for|from|a|an)\b)[a-z]{1,5})"
)
_DAY_FIRST = rf"(?P<day>.+?),?\s+(?:at\s+|from\s+)?{_TIME}"
_TIME_FIRST = rf"(?:at\s+)?{_TIME}"
_TIME_LAST = r",?\s+(?:on\s+)?(?P<day>.+)"
# With a zone first: a word after the time is tried as a zone, then as part of the day.
_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"{_DAY_FIRST}\s*,?\s*\(?{_ZONE}\)?",
        _DAY_FIRST,
        rf"{_TIME_FIRST}\s*\(?{_ZONE}\)?{_TIME_LAST}",
        rf"{_TIME_FIRST}{_TIME_LAST}",
    )
)
# Cheap test before the patterns: a clock ("9:30", "9 a.m.", "9am") or "noon"/"midnight".
_CLOCK = re.compile(r"\d\s?[ap]\.?\s?m\b|\d:\d\d|\bnoon\b|\bmidday\b|\bmidnight\b", re.IGNORECASE)

# A region's local time, whatever its offset that day.
_REGIONS = {
    "et": "America/New_York", "eastern": "America/New_York", "new york time": "America/New_York",
    "washington time": "America/New_York",
    "ct": "America/Chicago", "central": "America/Chicago",
    "mt": "America/Denver", "mountain": "America/Denver",
    "pt": "America/Los_Angeles", "pacific": "America/Los_Angeles",
    "san francisco time": "America/Los_Angeles", "california time": "America/Los_Angeles",
    "beijing time": "Asia/Shanghai", "china time": "Asia/Shanghai",
    "shanghai time": "Asia/Shanghai", "hong kong time": "Asia/Hong_Kong",
    "taipei time": "Asia/Taipei", "singapore time": "Asia/Singapore",
    "tokyo time": "Asia/Tokyo", "japan time": "Asia/Tokyo",
    "seoul time": "Asia/Seoul", "korea time": "Asia/Seoul",
    "london time": "Europe/London", "uk time": "Europe/London",
    "paris time": "Europe/Paris", "berlin time": "Europe/Berlin",
    "brussels time": "Europe/Brussels", "india time": "Asia/Kolkata", "delhi time": "Asia/Kolkata",
}  # fmt: skip
# A label with a fixed offset (hours), and the region that uses it, to check the date.
_LABELS = {
    "est": (-5, "America/New_York"), "edt": (-4, "America/New_York"),
    "cdt": (-5, "America/Chicago"),
    "mst": (-7, "America/Denver"), "mdt": (-6, "America/Denver"),
    "pst": (-8, "America/Los_Angeles"), "pdt": (-7, "America/Los_Angeles"),
    "cet": (1, "Europe/Berlin"), "cest": (2, "Europe/Berlin"),
    "jst": (9, "Asia/Tokyo"), "kst": (9, "Asia/Seoul"), "hkt": (8, "Asia/Hong_Kong"),
    "sgt": (8, "Asia/Singapore"), "aest": (10, "Australia/Sydney"),
    "aedt": (11, "Australia/Sydney"),
}  # fmt: skip
# A label said in more than one place, with each meaning's offset: refused (which is meant?).
_TWO_MEANINGS = {
    "cst": "US Central Standard Time (CT, UTC-6) or China Standard Time ('Beijing time', UTC+8)",
    "ist": "India, Israel or Irish Standard Time (UTC+5:30, UTC+2 or UTC+1)",
    "ast": "Atlantic Standard Time (UTC-4) or Arabia Standard Time (UTC+3)",
    "bst": "British Summer Time ('London time', UTC+1) or Bangladesh Standard Time (UTC+6)",
}


_ZONE_NAMES = sorted(["utc", "gmt", *_REGIONS, *_LABELS, *_TWO_MEANINGS], key=len, reverse=True)
CLOCK = (
    r"(?:(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?[ap]\.?\s?m\b\.?(?!\.)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![:\d])(?!\s?[ap]\.?\s?m\b)"
    r"|noon|midday)"
)
"""A clock time in lower-cased text, for `find_dates` (no "midnight": it is refused)."""
ZONE_WORD = (
    r"(?:(?:utc|gmt)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}"
    r"|[a-z]+/[a-z_][a-z0-9_+-]*(?:/[a-z_][a-z0-9_+-]*)?"
    + "".join("|" + re.escape(name).replace("\\ ", r"\s+") for name in _ZONE_NAMES)
    + r")(?![a-z])"
)
"""A zone `with_time` knows, in lower-cased text (not any short word: "at 9 a.m. sharp")."""


def day_span(s: str) -> tuple[int, int] | None:
    """Where the day's words are in a text with a time of day, or ``None``.

    >>> day_span("April 7, 2026 at 9 a.m. ET")
    (0, 13)
    """
    for pattern in _PATTERNS:
        m = pattern.fullmatch(s)
        if m is not None:
            return m.span("day")
    return None


def with_time(s: str, read_day: Callable[[str], When]) -> When | None:
    """``s`` read as a day and a time of day in words, or ``None`` when it names no clock
    time; refusals (`Fail`) say which part is wrong. ``read_day`` reads the day's words."""
    if _CLOCK.search(s) is None:
        return None
    for pattern in _PATTERNS:
        m = pattern.fullmatch(s.rstrip(". "))
        if m is None:
            continue
        try:
            day = read_day(m["day"].strip())
        except Fail:
            continue
        return _instant(_one_day(day, m["day"]), _clock(m), m.groupdict().get("zone"))
    return None


def _one_day(w: When, said: str) -> _dt.date:
    if (
        w.precision is not Precision.DAY
        or w.relation is not Relation.ON
        or w.qualified
        or w.form is not None
        or w.is_interval
        or isinstance(w.start, _dt.datetime)
        or w.start is None
    ):
        raise Fail(
            f"a time of day needs one exact day, and {said.strip()!r} reads as {str(w)!r}; "
            "write the day, such as '7 April 2026 at 9 a.m.'"
        )
    return _dt.date(w.start.year, w.start.month, w.start.day)


def _clock(m: re.Match[str]) -> tuple[int, int]:
    if m["midnight"]:
        raise Fail(
            "'midnight' may be the start or the end of the day; write 00:00 (the start) or "
            "23:59 (the end)"
        )
    if m["noon"]:
        return 12, 0
    if m["h24"] == "24":  # ISO 8601's end of the day (as `When.parse("…T24:00")` says)
        if m["m24"] != "00":
            raise Fail(f"hour 24 is out of range 00-23 ({m['h24']}:{m['m24']})")
        raise Fail("24:00 is the end of the day; write 00:00 and the next day")
    if m["h24"] is not None:
        return int(m["h24"]), int(m["m24"])
    hour = int(m["h12"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return hour, int(m["m12"] or 0)


def _instant(day: _dt.date, clock: tuple[int, int], zone: str | None) -> When:
    try:
        return _zoned(day, clock, zone)
    except WhenParseError as err:  # a clock change: said of the words, not of the ISO text
        raise Fail(err.reason, err.suggestion) from None


def _zoned(day: _dt.date, clock: tuple[int, int], zone: str | None) -> When:
    hour, minute = clock
    local = _dt.datetime(day.year, day.month, day.day, hour, minute)
    text = local.isoformat(timespec="minutes")
    if zone is None:
        return When.parse(text)
    name = " ".join(zone.lower().replace("−", "-").split())
    if name in ("utc", "gmt", "z"):
        return When.parse(text + "Z")
    m = re.fullmatch(r"(?:utc|gmt)? ?([+-]) ?(\d{1,2})(?::?(\d{2}))?", name)
    if m is not None:
        hours, minutes = int(m[2]), int(m[3] or 0)
        if hours > 14 or minutes > 59:
            raise Fail(f"{quoted(zone)} is no offset; offsets run from UTC-12 to UTC+14")
        return When.parse(f"{text}{m[1]}{hours:02d}:{minutes:02d}")
    if name in _TWO_MEANINGS:
        raise Fail(
            f"{quoted(zone)} means {_TWO_MEANINGS[name]}; write the place or the offset meant"
        )
    if name in _REGIONS:
        return When.parse(f"{text}[{_REGIONS[name]}]")
    if name in _LABELS:
        hours, region = _LABELS[name]
        said = _dt.timedelta(hours=hours)
        # A local time the clocks go back over has two offsets ("1:30 a.m. EDT", then
        # "1:30 a.m. EST" on the first Sunday of November): the label says which.
        there = zoneinfo.ZoneInfo(region)
        actual = local.replace(tzinfo=there).utcoffset()
        later = local.replace(tzinfo=there, fold=1).utcoffset()
        assert actual is not None and later is not None
        if later < actual and said in (actual, later):  # twice, the clocks going back
            return When.parse(f"{text}{_hours_iso(said)}[{region}]")
        if actual != said:
            assert actual is not None
            other = next(
                (k.upper() for k, v in _LABELS.items() if v == (actual / _HOUR, region)), None
            )
            then = f"{other} (UTC{_hours(actual)})" if other else f"UTC{_hours(actual)}"
            raise Fail(
                f"{zone.upper()} is UTC{_hours(said)}, but on {day.isoformat()} {region} is on "
                f"{then}; write {other or 'the offset'} if {region} time is meant, or "
                f"UTC{_hours(said)}"
            )
        return When.parse(f"{text}[{region}]")
    if "/" in name:
        found = next((z for z in zoneinfo.available_timezones() if z.lower() == name), None)
        if found is not None:
            return When.parse(f"{text}[{found}]")
    raise Fail(
        f"{quoted(zone)} is not a time zone timeline reads; write UTC with an offset (UTC+8), a "
        "region's time (ET, PT, 'Beijing time') or an IANA name (Asia/Shanghai)"
    )


_HOUR = _dt.timedelta(hours=1)


def _hours_iso(offset: _dt.timedelta) -> str:
    """``-05:00`` for an offset of whole hours."""
    hours = int(offset.total_seconds()) // 3600
    return f"{'-' if hours < 0 else '+'}{abs(hours):02d}:00"


def _hours(offset: _dt.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"{sign}{h}" + (f":{m:02d}" if m else "")
