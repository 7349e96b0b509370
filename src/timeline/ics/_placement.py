"""Where an event goes in a calendar: its DTSTART and exclusive DTEND, and why.

`place` turns an event's window into a `Placement` under the feed's policy:
the whole span (``window``), or a one-day marker on its first or last possible
day, which "auto" chooses for spans longer than `LONG_SPAN_DAYS` and for one of dates with a
gap between them (a span would fill days they cannot fall on). `stretches` splits
an "all of" set with gaps ("{2026-04,2026-06}") into the stretches of days it covers,
each its own VEVENT, so no day between them is shown.
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

import attrs

from timeline.dates._bounds import Point, _cmp, _key
from timeline.dates._edtf_level2 import set_members
from timeline.dates._when import When
from timeline.model._event import Event

__all__ = [
    "LAST_DAY_TIMES",
    "LONG_SPAN_DAYS",
    "Placement",
    "place",
    "stretches",
    "unplaced_reason",
    "written",
]

LONG_SPAN_DAYS = 92
"""Spans longer than this (a quarter or season at most) become one-day markers in "auto"."""

_ONE_DAY = _dt.timedelta(days=1)


@attrs.frozen
class Placement:
    """Where an event goes in a calendar: DTSTART, exclusive DTEND, and why.

    ``start`` and ``end`` are dates (all-day) or instants; ``end`` is ``None``
    for a point in time, and for the day 9999-12-31 (whose exclusive end, 10000-01-01,
    cannot be written: `written` gives it as times). ``marker``
    says which end of a longer span a one-day marker stands on ("first" or "last"),
    ``None`` when the whole span is shown.

    >>> place(Event(title="x", when=When.month(2026, 4)), "auto").end
    datetime.date(2026, 5, 1)
    """

    start: _dt.date
    end: _dt.date | None
    marker: Literal["first", "last"] | None = None


_LAST_DAY = _dt.date.max
"""9999-12-31: the day after it (an exclusive DTEND) cannot be written, so a day placed there
has no end; `written` writes it as times (`LAST_DAY_TIMES`)."""


LAST_DAY_TIMES = (_dt.datetime(9999, 12, 31), _dt.datetime(9999, 12, 31, 23, 59, 59))
"""How the day 9999-12-31 is written: floating times from its first to its last second.

DTSTART;VALUE=DATE alone is one day (RFC 5545 3.6.1), but readers that compute its end,
10000-01-01, fail: `icalendar`'s ``end``, and `recurring_ical_events` and Home Assistant's
`ical` for the whole feed. Floating times keep the day on 31 December wherever it is read."""


def written(placement: Placement) -> tuple[_dt.date, _dt.date | None]:
    """DTSTART and DTEND as a feed writes ``placement``: the day 9999-12-31 as times.

    >>> written(Placement(_dt.date(9999, 12, 31), None))[1]
    datetime.datetime(9999, 12, 31, 23, 59, 59)
    >>> written(Placement(_dt.date(2026, 4, 1), _dt.date(2026, 5, 1)))[1]
    datetime.date(2026, 5, 1)
    """
    start, end = placement.start, placement.end
    if end is None and start == _LAST_DAY and not isinstance(start, _dt.datetime):
        return LAST_DAY_TIMES
    return start, end


def _all_day(first: _dt.date, last: _dt.date, marker: Literal["first", "last"] | None) -> Placement:
    """All-day from ``first`` to ``last`` (inclusive), DTEND exclusive.

    A span ending on 9999-12-31 cannot be written whole (its DTEND would be 10000-01-01):
    a longer one becomes a marker on its first day, that day alone stands with no DTEND.

    >>> _all_day(_dt.date(9999, 12, 31), _dt.date(9999, 12, 31), None)
    Placement(start=datetime.date(9999, 12, 31), end=None, marker=None)
    >>> _all_day(_dt.date(9999, 12, 1), _dt.date(9999, 12, 31), None)
    Placement(start=datetime.date(9999, 12, 1), end=datetime.date(9999, 12, 2), marker='first')
    """
    if last < _LAST_DAY:
        return Placement(first, last + _ONE_DAY, marker)
    if first == last:
        return Placement(last, None, marker)
    return Placement(first, first + _ONE_DAY, "first")


def _aware(p: Point) -> bool:
    return isinstance(p, _dt.datetime) and p.tzinfo is not None


def _day(p: Point) -> _dt.date:
    return _dt.date(p.year, p.month, p.day)


def _apart(when: When) -> bool:
    """Whether ``when`` is one of dates with a gap between them ("1 April or 15 June
    2026"): shown over its whole span, it would fill days it cannot fall on.

    >>> _apart(When.parse("April or June 2026")), _apart(When.parse("April or May 2026"))
    (True, False)
    >>> _apart(When.parse("2026-1X-0X")), _apart(When.parse("2026-04-1X"))
    (True, False)
    >>> _apart(When.from_edtf("[2026-04-15T10:00Z,2026-04-15T12:00Z]"))
    True
    """
    if when.unspecified is not None:
        # an unknown digit before a known one ("2026-1X-0X": 1-9 October, November or
        # December) leaves runs of days with gaps between them
        digits = when.unspecified.replace("-", "")
        return "X" in digits and any(c != "X" for c in digits[digits.index("X") :])
    if when.form is None or when.form[:1] != "[":
        return False
    spans = [(m.earliest, m.latest) for m in set_members(when.form)]
    if any(lo is None or hi is None for lo, hi in spans):
        return False  # an open member ("[..2026-04]"): the span is the set's meaning
    bounded = [(lo, hi) for lo, hi in spans if lo is not None and hi is not None]
    if all(isinstance(p, _dt.datetime) for span in bounded for p in span):
        # moments: any time between two of them is one it cannot fall on ("10:00 or 12:00")
        moments = sorted(bounded, key=lambda span: _key(span[0]))
        reach_at = moments[0][1]
        for first, last in moments[1:]:
            if _cmp(first, reach_at) > 0:
                return True
            reach_at = last if _cmp(last, reach_at) > 0 else reach_at
        return False
    days = sorted((_day(lo), _day(hi)) for lo, hi in spans)  # type: ignore[arg-type]
    reach = days[0][1]
    for lo, hi in days[1:]:
        if lo > reach + _ONE_DAY:
            return True
        reach = max(reach, hi)
    return False


def _year_unknown(when: When | str | None) -> bool:
    """Whether the first digit of a year of ``when`` (or of one of its members) is unknown.

    >>> _year_unknown(When.parse("XXXX-04")), _year_unknown(When.parse("19XX"))
    (True, False)
    >>> _year_unknown(When.parse("[XXXX-04,2026-06]"))
    True
    """
    if not isinstance(when, When):
        return False  # no end, or an open or unknown one
    if when.unspecified is not None:
        return when.unspecified.lstrip("-")[:1] == "X"
    if when.form is not None and when.form[:1] in "[{":
        return any(_year_unknown(member) for member in set_members(when.form))
    return False


def place(event: Event, policy: str) -> Placement | None:
    """The placement of ``event`` under ``policy``; ``None`` when it has no bounded date.

    >>> place(Event(title="x", when=When.year(2030).by()), "auto")
    Placement(start=datetime.date(2030, 12, 31), end=datetime.date(2031, 1, 1), marker='last')
    """
    lo, hi = event.window
    if lo is not None and hi is not None and _cmp(hi, lo) < 0:
        # A later claim moved the date past the end: the end no longer applies.
        hi = event.when.latest
    # A bound from a year with an unknown first digit is the calendar's end (1 or 9999),
    # not a day the event can fall on: that side is open ("2026-04/XXXX-06" from April).
    when, end = event.when, event.current_end
    if _year_unknown(when):
        lo = hi = None
    if _year_unknown(when.lower):
        lo = None
    if _year_unknown(end) or (end is None and _year_unknown(when.upper)):
        hi = None
    if lo is None and hi is None and end is not None and not _year_unknown(when):
        # "by 2030" ending at an unknown time: it starts by the deadline, so it stands there
        hi = when.latest
    if lo is None and hi is None:
        return None
    timed = all(isinstance(p, _dt.datetime) for p in (lo, hi) if p is not None)
    mode: Literal["window", "first", "last"]
    if lo is None:
        mode = "last"
    elif hi is None:
        mode = "first"
    elif policy == "auto":
        # Events with an end last that long: their span is shown whatever its length.
        long = (_day(hi) - _day(lo)).days + 1 > LONG_SPAN_DAYS or _apart(event.when)
        mode = "last" if long and event.end is None else "window"
    else:
        mode = {"window": "window", "start": "first", "end": "last"}[policy]  # type: ignore[assignment]
    if mode == "window":
        assert lo is not None and hi is not None
        if timed:
            # DTEND is a floating time if and only if DTSTART is (RFC 5545 3.8.2.2): a
            # floating start with a zoned end (or back) keeps the start alone.
            same_kind = _aware(lo) == _aware(hi)
            return Placement(lo, hi if same_kind and _cmp(hi, lo) > 0 else None)
        return _all_day(_day(lo), _day(hi), None)
    point = lo if mode == "first" else hi
    assert point is not None
    # A marker stands for a longer span; a single instant or day is just itself.
    if timed:
        return Placement(point, None, None if lo == hi else mode)
    single = lo is not None and hi is not None and _day(lo) == _day(hi)
    return _all_day(_day(point), _day(point), None if single else mode)


MAX_STRETCHES = 50
"""An "all of" set with more stretches than this is shown as before (one span or marker):
a feed of hundreds of VEVENTs for one event would bury the rest."""


def stretches(event: Event, policy: str) -> tuple[Placement, ...] | None:
    """The all-day stretches an "all of" set with gaps covers, each a `Placement`, in order;
    ``None`` when the event is shown by `place` alone.

    "{2026-04,2026-06}" is all of April and all of June: one span April–June would show
    it in May, a month it does not fall in. Members that touch or overlap are one stretch.
    Only under the "auto" and "window" policies (the others show one day by design), for
    days (not times), an event without an end, at most `MAX_STRETCHES` stretches, and in
    "auto" none longer than `LONG_SPAN_DAYS` (a longer one keeps its marker there).

    >>> [(p.start.isoformat(), p.end.isoformat()) for p in stretches(
    ...     Event(title="x", when="{2026-04,2026-06}"), "auto")]
    [('2026-04-01', '2026-05-01'), ('2026-06-01', '2026-07-01')]
    >>> stretches(Event(title="x", when="{2026-04,2026-05}"), "auto") is None
    True
    """
    when = event.when
    if policy not in ("auto", "window") or event.end is not None:
        return None
    if when.form is None or when.form[:1] != "{" or when.qualified or _year_unknown(when):
        return None
    spans = [(m.earliest, m.latest) for m in set_members(when.form)]
    bounded = [(lo, hi) for lo, hi in spans if lo is not None and hi is not None]
    if len(bounded) != len(spans) or any(
        isinstance(p, _dt.datetime) for span in bounded for p in span
    ):
        return None  # an open member, or times: the span is shown as before
    runs: list[tuple[_dt.date, _dt.date]] = []
    for lo, hi in sorted((_day(lo), _day(hi)) for lo, hi in bounded):
        if runs and lo <= runs[-1][1] + _ONE_DAY:
            runs[-1] = (runs[-1][0], max(runs[-1][1], hi))
        else:
            runs.append((lo, hi))
    if len(runs) < 2 or len(runs) > MAX_STRETCHES or runs[-1][1] >= _LAST_DAY:
        return None
    if policy == "auto" and any((hi - lo).days + 1 > LONG_SPAN_DAYS for lo, hi in runs):
        return None
    return tuple(Placement(lo, hi + _ONE_DAY) for lo, hi in runs)


def unplaced_reason(event: Event) -> str:
    """Why `place` gives ``None`` for ``event``: the words of the feed's warning.

    >>> unplaced_reason(Event(title="x", when="XXXX-04"))
    'its year is unknown (April of some year): no day of the calendar stands for it; give it a year'
    """
    if _year_unknown(event.when):
        return (
            f"its year is unknown ({event.when.words()}): no day of the calendar stands for it; "
            "give it a year"
        )
    return "it has no first or last day; give it a date"
