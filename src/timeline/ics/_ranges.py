"""``RECURRENCE-ID;RANGE=THISANDFUTURE``: an override of one occurrence and every later one.

(RFC 2445's ``RANGE=THISANDPRIOR``, this occurrence and every earlier one, is read
the same way the other way round.)

RFC 5545 §3.2.13: such an override changes its own occurrence and all that
follow it: its properties replace the series', and when its DTSTART differs
from the RECURRENCE-ID, every later occurrence moves by the same amount (or
its DTEND/DURATION gives them a new length); a cancelled one (STATUS:CANCELLED)
ends the series there. `Futures` finds the override that governs an
occurrence, and `carried` builds that occurrence as the override makes it, for
the importer to read as it reads any override (`timeline.ics._import`). The
shift is a wall-clock one in the series' zone, as RFC 5545 repeats local times;
the length from a DTEND is the exact span, as for any occurrence (§3.8.5.3).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import re

from timeline.dates._bounds import _cmp
from timeline.ics._lines import Component, Prop
from timeline.ics._values import written_wall

__all__ = ["Futures", "carried", "is_future"]

_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_OFFSET = re.compile(r"[+-]\d{2}:?\d{2}$")
_key = functools.cmp_to_key(_cmp)


def is_future(override: Component) -> bool:
    """Whether an override's RECURRENCE-ID has a RANGE (THISANDFUTURE, RFC 2445's THISANDPRIOR).

    >>> rid = Prop("RECURRENCE-ID", {"RANGE": "THISANDFUTURE"}, "20260415", 2)
    >>> is_future(Component("VEVENT", 1, {"RECURRENCE-ID": [rid]}))
    True
    """
    return _range(override) in ("THISANDFUTURE", "THISANDPRIOR")


def _range(override: Component) -> str:
    rid = override.first("RECURRENCE-ID")
    return "" if rid is None else rid.params.get("RANGE", "").strip().upper()


class Futures:
    """The THISANDFUTURE overrides of one series by the occurrence each starts from.

    >>> rid = Prop("RECURRENCE-ID", {"RANGE": "THISANDFUTURE"}, "20260415", 2)
    >>> override = Component("VEVENT", 1, {"RECURRENCE-ID": [rid]})
    >>> futures = Futures([(_dt.date(2026, 4, 15), override)])
    >>> futures.governing(_dt.date(2026, 4, 22)) is override
    True
    >>> futures.governing(_dt.date(2026, 4, 8)) is None
    True
    """

    def __init__(self, items: list[tuple[_dt.date, Component]]) -> None:
        self._items = sorted(
            ((v, o) for v, o in items if _range(o) == "THISANDFUTURE"), key=lambda i: _key(i[0])
        )
        self._keys = [_key(value) for value, _ in self._items]
        # RFC 2445's THISANDPRIOR: this occurrence and every earlier one.
        self._prior = sorted(
            ((v, o) for v, o in items if _range(o) == "THISANDPRIOR"), key=lambda i: _key(i[0])
        )
        self._prior_keys = [_key(value) for value, _ in self._prior]

    def __bool__(self) -> bool:
        return bool(self._items or self._prior)

    def forward(self) -> list[tuple[_dt.date, Component]]:
        """The THISANDFUTURE overrides, by the occurrence each starts from, earliest first.

        >>> Futures([]).forward()
        []
        """
        return list(self._items)

    def governing(self, value: _dt.date) -> Component | None:
        """The override whose range holds ``value``: the nearest THISANDPRIOR at or after
        it, else the nearest THISANDFUTURE at or before it; ``None`` if none."""
        key = _key(value)
        at = bisect.bisect_left(self._prior_keys, key)
        if at < len(self._prior):
            return self._prior[at][1]
        at = bisect.bisect_right(self._keys, key)
        return self._items[at - 1][1] if at else None


def _wall(prop: Prop) -> tuple[_dt.datetime, bool] | None:
    """A DATE or DATE-TIME as written (naive), and whether it is a DATE; ``None`` if neither."""
    wall = written_wall(prop)
    if wall is not None:
        return wall, False
    m = _DATE.fullmatch(prop.value.strip())
    if m is None:
        return None
    return _dt.datetime(int(m[1]), int(m[2]), int(m[3])), True


def _moved(prop: Prop, by: _dt.timedelta) -> Prop:
    """``prop`` (DTSTART, DTEND) moved by ``by`` on its own wall clock, written as it was."""
    read = _wall(prop)
    if read is None:
        raise ValueError(prop.value)
    wall, is_date = read
    new = wall + by
    text = f"{new.year:04d}{new.month:02d}{new.day:02d}"
    if not is_date:
        value = prop.value.strip()
        offset = _OFFSET.search(value)
        suffix = "Z" if value[-1:] in ("Z", "z") else (offset[0] if offset else "")
        text += f"T{new.hour:02d}{new.minute:02d}{new.second:02d}{suffix}"
    return Prop(prop.name, prop.params, text, prop.line)


def _aware(value: _dt.date) -> bool:
    return isinstance(value, _dt.datetime) and value.tzinfo is not None


def _occurrence_wall(value: _dt.date) -> _dt.datetime:
    if isinstance(value, _dt.datetime):
        return _dt.datetime(value.year, value.month, value.day, value.hour, value.minute,
                            value.second)  # fmt: skip
    return _dt.datetime(value.year, value.month, value.day)


def carried(
    master: Component,
    override: Component,
    occurrence: _dt.date,
    anchor: _dt.date,
    span: _dt.timedelta | None = None,
) -> Component:
    """The ``occurrence`` of ``master``'s series as a THISANDFUTURE ``override`` makes it.

    ``anchor`` is the occurrence the override replaces (its RECURRENCE-ID, read in
    the series' zone, of the same kind as ``occurrence``). The result is an override
    of ``occurrence``: the override's properties, its DTSTART and DTEND moved as far
    as ``occurrence`` is from ``anchor`` (the series' times, moved from its DTSTART,
    when it has none). ``span``, the exact DTEND - DTSTART of those times, is kept as the
    occurrence's DURATION instead of its DTEND moved on the wall clock (RFC 5545 §3.8.5.3:
    10 hours stay 10 across a clock change). Raises
    ``ValueError`` when a time cannot be moved (unreadable, or past year 9999).

    >>> rid = Prop("RECURRENCE-ID", {"RANGE": "THISANDFUTURE"}, "20260415T100000Z", 2)
    >>> start = Prop("DTSTART", {}, "20260415T140000Z", 3)
    >>> override = Component("VEVENT", 1, {"RECURRENCE-ID": [rid], "DTSTART": [start]})
    >>> later = _dt.datetime(2026, 4, 22, 10, tzinfo=_dt.UTC)
    >>> anchor = _dt.datetime(2026, 4, 15, 10, tzinfo=_dt.UTC)
    >>> carried(Component("VEVENT", 1), override, later, anchor).first("DTSTART").value
    '20260422T140000Z'
    """
    timing = override if "DTSTART" in override.props else master
    if timing is master:  # the series' own times, from its DTSTART to this occurrence
        first = master.first("DTSTART")
        read = None if first is None else _wall(first)
        if read is None:
            raise ValueError("no DTSTART")
        anchor = read[0]
    elif _aware(anchor) and _aware(occurrence):
        assert isinstance(anchor, _dt.datetime) and isinstance(occurrence, _dt.datetime)
        anchor = anchor.astimezone(occurrence.tzinfo)  # a RECURRENCE-ID in UTC, say
    by = _occurrence_wall(occurrence) - _occurrence_wall(anchor)
    props = {k: v for k, v in override.props.items() if k != "RECURRENCE-ID"}
    for name in ("DTSTART", "DTEND", "DURATION"):
        props.pop(name, None)
        found = timing.first(name)
        if found is None:
            continue
        if name == "DTEND" and span is not None and span >= _dt.timedelta(0):
            exact = f"PT{round(span.total_seconds())}S"
            props["DURATION"] = [Prop("DURATION", {}, exact, found.line)]
            break  # the exact span stands for DTEND (and for a DURATION beside it)
        props[name] = [found if name == "DURATION" else _moved(found, by)]
    if "DTSTART" not in props:
        raise ValueError("no DTSTART")
    return Component(override.name, override.line, props, override.children)
