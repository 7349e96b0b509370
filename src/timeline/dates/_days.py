"""Days and date fields: what a `When`, date or text given as "a day" stands for.

`to_day` turns any day-like argument (``as_of=``, a claim's ``stated``) into a
calendar day, and `coerce_when` turns a field value (text, date or `When`) into a
shared `When`, naming the record and field when it cannot.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Literal, TypeAlias

import pendulum

from timeline._errors import EventError, TimelineError, WhenParseError, quoted
from timeline.dates._fiscal import Fiscal
from timeline.dates._when import When
from timeline.dates._when_order import keyed

__all__ = ["DayLike", "coerce_when", "to_day"]

DayLike: TypeAlias = "When | _dt.date | str"
"""A day given as a `When` (its earliest day counts), a date, or text."""


def to_day(value: DayLike, name: str = "day") -> _dt.date:
    """The calendar day a `When`, date, datetime or text stands for (its earliest day).

    ``name`` is the argument's name, for error messages (``as_of: 'Aprill' is not ...``).

    >>> to_day("2026-03")
    Date(2026, 3, 1)
    """
    if type(value) is pendulum.Date:  # the common case, first: bounds of calendar values
        return value
    if type(value) is When and value.earliest is not None:  # a claim's or source's day
        return to_day(value.earliest)
    if isinstance(value, _dt.datetime):
        return pendulum.date(value.year, value.month, value.day)
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, When):
        w = value
    elif isinstance(value, str):
        try:
            w = When.parse(value)
        except TimelineError as err:
            raise EventError(f"{name}: {err}") from err
    else:
        shown = quoted(value)
        raise EventError(f"{name}: expected a date or text such as '2026-03-28', got {shown}")
    point = w.earliest if w.earliest is not None else w.latest
    if point is None:
        raise EventError(f"{name}: {str(w)!r} has no bounded day to count from; give a date")
    return to_day(point)


# Large timelines repeat the same few thousand calendar values ("April 2026")
# and the same actor and tag lists; sharing one object per distinct value keeps
# an event to a few hundred bytes (benchmarks/bench_timeline.py). Instants are
# never shared: equal instants at different offsets compare equal, and the
# offset is part of what was said. The tables are bounded, and emptied when full.
_SHARED_MAX = 1 << 16
_shared_whens: dict[tuple[object, ...], When] = {}
# Every field of When, in the order `_share` keys on them (a test pins this list,
# so a new field cannot be left out of the key and conflate two values).
_SHARE_FIELDS = (
    "start",
    "end",
    "precision",
    "approximate",
    "uncertain",
    "relation",
    "unspecified",
    "lower",
    "upper",
    "form",
    "fiscal",
)


def _is_calendar(w: When) -> bool:
    """Whether ``w`` holds only pendulum ``Date`` bounds (so equal means identical)."""
    for point in (w.start, w.end):
        if point is not None and type(point) is not pendulum.Date:
            return False
    return all(not isinstance(e, When) or _is_calendar(e) for e in (w.lower, w.upper))


def _share(w: When) -> When:
    """One shared object for equal calendar values; instants are kept as given. Either
    way with its order keys (`keyed`): each distinct value computes them once, here."""
    start, end = w.start, w.end
    if (start is not None and type(start) is not pendulum.Date) or (
        end is not None and type(end) is not pendulum.Date
    ):
        return keyed(w)
    # Keyed by the fields, not by the When: its own hash and equality go through
    # `_point_identity` for every bound, which made sharing half the cost of
    # building an event. Days hash as dates, and enums are singletons (by id).
    key = (
        start,
        end,
        id(w.precision),
        w.approximate,
        w.uncertain,
        id(w.relation),
        w.unspecified,
        w.lower,
        w.upper,
        w.form,
        w.fiscal,  # "Q3 FY2026" is not "Q1 2026", though the months are the same
    )
    shared = _shared_whens.get(key)
    if shared is not None:
        return shared
    if not _is_calendar(w):  # an interval with an instant at one end
        return keyed(w)
    if len(_shared_whens) >= _SHARED_MAX:
        _shared_whens.clear()
    _shared_whens[key] = keyed(w)
    return w


def _check_ends(value: When, owner: str, field: str) -> None:
    """Refuse an interval with a set of dates at one end: no file, feed or table holds one
    (EDTF has none), so an event holding it would save a file that does not load."""
    for end in (value.lower, value.upper):
        if isinstance(end, When) and end.form is not None:
            raise EventError(
                f"{owner}: {field}: {str(value)!r} is an interval with a set of dates at one end, "
                "which no data file or feed can hold; give the span it could cover "
                f"({value.earliest or '..'}/{value.latest or '..'}) or one event for each date"
            )


def coerce_when(
    value: When | str | _dt.date,
    owner: str,
    field: str,
    reference: Any = None,
    relative_fix: str = "write the year",
    fiscal_year_start: int | str | None = None,
    *,
    fiscal: Fiscal | None = None,
    prefer: Literal["current", "future", "past"] = "current",
) -> When:
    """A field's value (text, date or `When`) as a shared `When`, or `EventError` naming
    ``owner`` and ``field``; text is read relative to ``reference``, a date without its
    year by ``prefer`` (`When.parse`).

    >>> coerce_when("January", "event 'x'", "when", _dt.date(2026, 12, 20), prefer="future")
    When.parse('January 2027')
    """
    if isinstance(value, When):
        if value.lower is not None or value.upper is not None:
            _check_ends(value, owner, field)
        return _share(value)
    if isinstance(value, _dt.date):
        from timeline.dates._when import _coerce

        return _share(_coerce(value))
    if not isinstance(value, str):
        raise EventError(f"{owner}: {field}: expected a date or text, got {quoted(value)}")
    try:
        if fiscal is not None:  # read in these fiscal years, and with their naming
            return _share(
                When.parse(
                    value,
                    reference=reference,
                    fiscal_year_start=fiscal.start,
                    fiscal_year_named_by=fiscal.named_by,
                    prefer=prefer,
                )
            )
        return _share(
            When.parse(
                value, reference=reference, fiscal_year_start=fiscal_year_start, prefer=prefer
            )
        )
    except WhenParseError as err:
        if reference is None and "is relative; pass reference=" in err.reason:
            # `reference=` is When.parse's fix; here the fix is in the record itself.
            raise EventError(
                f"{owner}: {field}: {quoted(value)} is relative; {relative_fix}"
            ) from err
        if "names a fiscal period" in err.reason:
            raise EventError(
                f"{owner}: {field}: {quoted(value)} names a fiscal period; give the event "
                "fiscal_year_start= (the month its first actor's fiscal year starts), or its "
                "timeline fiscal_years: {actor: month}"
            ) from err
        raise EventError(f"{owner}: {field}: {err}") from err
    except TimelineError as err:
        raise EventError(f"{owner}: {field}: {err}") from err
