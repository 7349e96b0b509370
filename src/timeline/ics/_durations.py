"""DURATION values (RFC 5545 §3.3.6), read as clients write them.

Its weeks and days are calendar days (an event of ``P1D`` ends at the same time
the next day, across a clock change), its hours, minutes and seconds exact.
"""

from __future__ import annotations

import datetime as _dt
import re

from timeline._errors import IcsParseError
from timeline.ics._lines import Prop

__all__ = ["calendar_days", "duration"]

_DURATION = re.compile(r"([+-]?)P((?:\d+[WD])*)(?:T((?:\d+[WDHMS])+))?", re.IGNORECASE)
_PART = re.compile(r"(\d+)([WDHMS])", re.IGNORECASE)
_UNITS = {"W": "weeks", "D": "days", "H": "hours", "M": "minutes", "S": "seconds"}


def _number(digits: str, prop: Prop) -> int:
    try:
        return int(digits)
    except ValueError:  # more digits than Python converts (4,300): nobody means that
        raise IcsParseError(
            prop.line,
            f"{prop.name} has a number of {len(digits)} digits; no calendar means that, "
            "the file is damaged or hostile",
        ) from None


def duration(prop: Prop) -> tuple[_dt.timedelta, str | None]:
    """A DURATION value, and a note when it was read leniently; raises ``ValueError``.

    A negative duration is negative (RFC 5545's grammar allows a sign; what it
    means for an event's end is the caller's to say); weeks or days after ``T``
    (``PT1W``, Exchange's ``-PT1W1D2H3M4S``) count as written.

    >>> duration(Prop("DURATION", {}, "P1W1DT2H", 3))
    (datetime.timedelta(days=8, seconds=7200), None)
    >>> duration(Prop("DURATION", {}, "-PT1H", 3))
    (datetime.timedelta(days=-1, seconds=82800), None)
    """
    m = _DURATION.fullmatch(prop.value.strip())
    if m is None or not (m[2] or m[3]):
        raise ValueError(prop.value)
    amounts: dict[str, int] = {}
    note = None
    for part, in_time in ((m[2], False), (m[3] or "", True)):
        for digits, unit in _PART.findall(part):
            key = _UNITS[unit.upper()]
            if key in amounts:
                raise ValueError(prop.value)  # P1D2D: which one?
            if in_time and key in ("weeks", "days"):
                note = "durations with weeks or days after T (PT1W), read as written"
            amounts[key] = _number(digits, prop)
    try:
        length = _dt.timedelta(**amounts)
        return (-length if m[1] == "-" else length), note
    except OverflowError:
        raise ValueError(prop.value) from None


def calendar_days(prop: Prop) -> int:
    """The weeks and days of a DURATION, in days: calendar days, not 24-hour spans.

    >>> calendar_days(Prop("DURATION", {}, "P1W2DT3H", 1))
    9
    """
    return sum(
        int(digits) * (7 if unit.upper() == "W" else 1)
        for digits, unit in _PART.findall(prop.value)
        if unit.upper() in "WD"
    )
