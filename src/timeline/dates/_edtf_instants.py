"""Date-times for the EDTF reader: the time of day, UTC offsets and named zones.

`_instant` turns a matched date-time (``2026-04-15T09:30+08:00``, or with an
RFC 9557 zone ``[Asia/Shanghai]``) into an instant `When`, checking each
field and, for a named zone, that the local time exists and is not ambiguous.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re

import pendulum

from timeline._errors import quoted
from timeline.dates._edtf_calendar import Fail, _day
from timeline.dates._when import When


def _instant(m: re.Match[str], year: int, month: int, day: int) -> When:
    _day(year, month, day)
    hour, minute = int(m["hh"]), int(m["mi"])
    second = int(m["ss"] or 0)
    if hour == 24 and minute == 0 and second == 0 and not (m["frac"] or "").strip("0"):
        # ISO 8601 (2004; 2019 Amd 1) writes the end of a day as 24:00, the next midnight;
        # timeline keeps instants as clocks read them, so the next day's 00:00 is offered.
        said = m.string
        try:
            after = _dt.date(year, month, day) + _dt.timedelta(days=1)
        except OverflowError:
            raise Fail("24:00 is the end of the day; 31 December 9999 has no next day") from None
        next_day = said[: m.start()] + f"{after.isoformat()}T00:00" + said[m.end("mi") :]
        raise Fail("24:00 is the end of the day; write 00:00 of the next day", next_day)
    if hour > 23:
        raise Fail(f"hour {m['hh']} is out of range 00-23")
    if minute > 59:
        raise Fail(f"minute {m['mi']} is out of range 00-59")
    leap = second == 60
    if second > 60:
        raise Fail(f"second {m['ss']} is out of range 00-59 (60 in a leap second)")
    frac = (m["frac"] or "")[:6]  # finer than a microsecond: truncated, as Python does
    micro = int(frac.ljust(6, "0")) if frac else 0
    if leap:
        # A leap second (RFC 3339 writes 23:59:60Z): Python's clocks have no 61st second,
        # so it is read as the last instant of its minute, after every other instant of
        # it and before the next minute; checked against the leap seconds there were.
        second, micro = 59, 999_999
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
    if leap:
        _leap_second(moment, m)
    return When.instant(moment)


# The days that ended in a leap second at 23:59:60 UTC, from IERS Bulletin C (as tzdata's
# `leapseconds` file lists them). None came after 2016, and none at the end of 2025, the
# last the IERS has announced; a later month's end is taken on trust, as RFC 3339 allows.
LEAP_SECOND_DAYS = frozenset(
    _dt.date(y, mo, 30 if mo == 6 else 31)
    for y, mo in [
        *((1972, 6), (1972, 12), (1973, 12), (1974, 12), (1975, 12), (1976, 12), (1977, 12)),
        *((1978, 12), (1979, 12), (1981, 6), (1982, 6), (1983, 6), (1985, 6), (1987, 12)),
        *((1989, 12), (1990, 12), (1992, 6), (1993, 6), (1994, 6), (1995, 12), (1997, 6)),
        *((1998, 12), (2005, 12), (2008, 12), (2012, 6), (2015, 6), (2016, 12)),
    ]
)
LEAP_SECONDS_KNOWN_TO = _dt.date(2025, 12, 31)


def _leap_second(moment: pendulum.DateTime, m: re.Match[str]) -> None:
    """Refuse second 60 (read as ``moment``, the minute's last instant) unless it is a leap
    second (`no_leap_second`)."""
    why = no_leap_second(moment)
    if why is not None:
        said = m.string
        raise Fail(why, said[: m.start("ss")] + "59" + said[m.end("ss") :])


def no_leap_second(moment: _dt.datetime) -> str | None:
    """Why second 60, read as ``moment`` (the last instant of its minute), is no leap second;
    ``None`` when it is one: 23:59:60 UTC on a day that had one, or after
    `LEAP_SECONDS_KNOWN_TO` at a month's end. A time without an offset is taken as UTC's.

    >>> no_leap_second(_dt.datetime(2016, 12, 31, 23, 59, 59, 999_999, tzinfo=_dt.UTC)) is None
    True
    >>> no_leap_second(_dt.datetime(2017, 12, 31, 23, 59, 59, 999_999))[:48]
    'second 60 is a leap second, and there was none a'
    """
    try:
        utc = moment if moment.tzinfo is None else moment.astimezone(_dt.UTC)
    except OverflowError:  # past the calendar in UTC: no leap second there
        utc = None
    if utc is not None and (utc.hour, utc.minute) == (23, 59):
        day = utc.date()
        if day in LEAP_SECOND_DAYS:
            return None
        last_day = calendar.monthrange(day.year, day.month)[1]
        if day > LEAP_SECONDS_KNOWN_TO and day.day == last_day:
            return None
    at = "" if utc is None else f" at {utc:%Y-%m-%dT%H:%M}:60{'' if utc.tzinfo is None else 'Z'}"
    reading = " (a time with no offset is read as UTC)" if moment.tzinfo is None else ""
    return (
        f"second 60 is a leap second, and there was none{at}{reading}: leap seconds come "
        "at 23:59:60 UTC at the end of a month (the last was on 2016-12-31)"
    )


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
    local = _dt.datetime(year, month, day, hour, minute, second, micro)
    offsets = [local.replace(tzinfo=tzinfo, fold=f).utcoffset() for f in (0, 1)]
    # a local time the clocks skip does not come back from UTC as itself
    try:
        there = local.replace(tzinfo=tzinfo).astimezone(_dt.UTC).astimezone(tzinfo)
        skipped = there.replace(tzinfo=None) != local
    except OverflowError:
        # Hours from year 1 or 9999, UTC is past the calendar (0001-01-01T00:00 in
        # Asia/Kolkata is in year 0): no clocks change there, so nothing is skipped.
        skipped = False

    def written(offset: _dt.timedelta | None) -> str:
        return local.isoformat(timespec="minutes" if not (second or micro) else "auto") + (
            f"{_offset_text(offset)}[{zone}]"
        )

    if tz is not None:
        wanted = _offset(tz.upper())
        offset = _dt.datetime(2000, 1, 1, tzinfo=wanted).utcoffset()
        for c in candidates:
            naive = (c.year, c.month, c.day, c.hour, c.minute)
            if c.utcoffset() == offset and naive == (year, month, day, hour, minute):
                return c
        if skipped:
            raise Fail(f"offset {tz} does not match: {_skipped(zone, offsets)}")
        has = list(dict.fromkeys(_offset_text(o) for o in offsets))
        raise Fail(
            f"offset {tz} does not match the time zone {zone} at that time ({' or '.join(has)})",
            written(offsets[0]) if len(has) == 1 else None,
        )
    first, second_ = candidates
    if skipped:
        raise Fail(_skipped(zone, offsets))
    if first.utcoffset() != second_.utcoffset():
        a, b = (_offset_text(o) for o in offsets)
        raise Fail(
            f"that local time happens twice in {zone} (the clocks go back): at {a}, then "
            f"at {b}; add the offset, as in {written(offsets[0])!r}"
        )
    return first


def _skipped(zone: str, offsets: list[_dt.timedelta | None]) -> str:
    before, after = (_offset_text(o) for o in offsets)
    return (
        f"that local time does not exist in {zone} (the clocks go forward from {before} to "
        f"{after}); check the time"
    )


def _offset_text(offset: _dt.timedelta | None) -> str:
    """``-04:00`` for an offset (seconds too, for historic local mean times)."""
    if offset is None:
        return ""
    sign = "-" if offset < _dt.timedelta(0) else "+"
    seconds = abs(int(offset.total_seconds()))
    text = f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
    return text + (f":{seconds % 60:02d}" if seconds % 60 else "")


def _zone(name: str) -> pendulum.Timezone:
    try:
        return pendulum.timezone(name)
    except Exception:  # pendulum raises several types for unknown names
        canonical = _zone_names().get(name.lower())
    if canonical is None:
        raise Fail(
            f"unknown time zone {quoted(name)} (expected an IANA name such as Asia/Shanghai)"
        )
    return pendulum.timezone(canonical)


@functools.cache
def _zone_names() -> dict[str, str]:
    import zoneinfo

    return {n.lower(): n for n in zoneinfo.available_timezones()}
