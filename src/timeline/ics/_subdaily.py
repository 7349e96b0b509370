"""Whether an hourly, minutely or secondly rule with time parts ever gives an occurrence.

dateutil walks every period up to year 9999 when a rule can never match;
`timeline.ics._recurrence` expands only rules it knows will match soon. A rule
finer than a day whose other parts are times (BYHOUR, BYMINUTE, BYSECOND) and
plain weekdays repeats with the day (or the week, with weekdays): the periods
it can reach from DTSTART are those ``INTERVAL`` steps reach in that cycle, a
bounded set. If one of them matches the parts, the rule has an occurrence
within a cycle of DTSTART (a day, or a week); if none does, it has none
(``FREQ=HOURLY;INTERVAL=6;BYHOUR=3`` from 10:00 reaches 10, 16, 22 and 4 only).
"""

from __future__ import annotations

import datetime as _dt
import math

__all__ = ["subdaily_cost"]

_UNIT = {"HOURLY": 3600, "MINUTELY": 60, "SECONDLY": 1}
# The parts that keep or drop a whole period (the others pick times inside it).
_FILTERS = {
    "HOURLY": ("BYHOUR",),
    "MINUTELY": ("BYHOUR", "BYMINUTE"),
    "SECONDLY": ("BYHOUR", "BYMINUTE", "BYSECOND"),
}
_WEEKDAY = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_STEPS = 100_000  # periods of a cycle checked at most (a week of minutes is 10,080)


def _numbers(text: str) -> frozenset[int]:
    return frozenset(int(n) for n in text.split(","))


def subdaily_cost(parts: dict[str, str], wall: _dt.datetime) -> str | None:
    """``cheap`` when a finer-than-daily rule (its ``parts``, from DTSTART's ``wall``) with
    only time parts and plain weekdays has an occurrence within a day or a week, ``empty``
    when it has none; ``None`` for other rules (or a cycle too long to check).

    >>> start = _dt.datetime(2026, 1, 5, 10)
    >>> subdaily_cost({"FREQ": "HOURLY", "BYHOUR": "9,17"}, start)
    'cheap'
    >>> subdaily_cost({"FREQ": "HOURLY", "INTERVAL": "6", "BYHOUR": "3"}, start)
    'empty'
    """
    freq = parts.get("FREQ", "")
    unit = _UNIT.get(freq)
    if unit is None or wall.year >= 9999:
        return None
    try:
        interval = int(parts.get("INTERVAL", "1") or "1")
        hours = _numbers(parts["BYHOUR"]) if "BYHOUR" in parts else None
        minutes = _numbers(parts["BYMINUTE"]) if "BYMINUTE" in parts else None
        seconds = _numbers(parts["BYSECOND"]) if "BYSECOND" in parts else None
        days = (
            frozenset(_WEEKDAY[d] for d in parts["BYDAY"].split(",")) if "BYDAY" in parts else None
        )
    except (ValueError, KeyError):
        return None  # not plain numbers or weekdays: not a rule of this kind
    if interval < 1:
        return None
    for found, top in ((hours, 23), (minutes, 59), (seconds, 59)):
        if found is not None and not all(0 <= n <= top for n in found):
            return None  # dateutil refuses or treats it otherwise
    filters = {"BYHOUR": hours, "BYMINUTE": minutes, "BYSECOND": seconds}
    kept: dict[str, frozenset[int]] = {}
    for name in _FILTERS[freq]:
        values = filters[name]
        if values is not None:
            kept[name] = values
    if not kept and days is None:
        return "cheap"  # every period holds an occurrence
    cycle = 86400 * (7 if days is not None else 1) // unit
    step = math.gcd(interval, cycle)
    if cycle // step > _STEPS:
        return None
    at = wall.hour * 3600 + wall.minute * 60 + wall.second
    if days is not None:
        at += wall.weekday() * 86400
    for period in range(at // unit % step, cycle, step):
        second = period * unit
        day, within = divmod(second, 86400)
        clock = {"BYHOUR": within // 3600, "BYMINUTE": within // 60 % 60, "BYSECOND": within % 60}
        if days is not None and day not in days:
            continue
        if all(clock[name] in values for name, values in kept.items()):
            return "cheap"
    return "empty"
