"""What a date phrase is read against, and how a date named without its year gets one.

`Context` holds the reference day (the date of the source that said it), the
preference for a year left out (``prefer``) and the fiscal year; `Yearless` is a
date named without its year ("April", "Q2"). `resolve` picks that year from the
reference and the preference (see `pick`); `build_in` builds it in a given year.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Literal

import pendulum

from timeline._errors import quoted
from timeline.dates._parse_edtf import Fail
from timeline.dates._when import When, WhenError

__all__ = [
    "COUNT",
    "ORDINALS",
    "STEP",
    "UNITS",
    "UNIT_DAYS",
    "UNIT_MONTHS",
    "VAGUE_COUNTS",
    "Context",
    "Prefer",
    "Value",
    "Yearless",
    "build_in",
    "count_of",
    "count_range",
    "lands",
    "pick",
    "resolve",
    "short_year",
    "within",
    "year_of",
]

Prefer = Literal["current", "future", "past"]


class Context:
    """What a phrase is read against: the reference day, the preference, the fiscal year."""

    __slots__ = ("fiscal_named_by", "fiscal_start", "fiscal_used", "prefer", "reference")

    def __init__(
        self,
        reference: _dt.date | None,
        prefer: Prefer,
        fiscal_start: int | None = None,
        fiscal_named_by: Literal["end", "start"] = "end",
    ) -> None:
        self.reference = reference
        self.prefer = prefer
        self.fiscal_start = fiscal_start
        self.fiscal_named_by = fiscal_named_by
        self.fiscal_used = False  # a fiscal period was read: the value is shown in its terms

    def fiscal(self, what: str) -> int:
        """The month the fiscal year starts, or a definite failure naming the fix."""
        if self.fiscal_start is None:
            raise Fail(
                f"{what} names a fiscal period, and fiscal years start in different months; "
                "pass fiscal_year_start= (the month it starts, e.g. 7 for July) or, in a data "
                "file or Timeline, give the actor's fiscal year in fiscal_years:"
            )
        return self.fiscal_start

    def need(self, what: str) -> _dt.date:
        """The reference day, or a definite failure naming the relative phrase."""
        if self.reference is None:
            raise Fail(
                f"{what} is relative; pass reference= (the date the source said it) "
                "or write the year"
            )
        return self.reference


class Yearless:
    """A date named without its year ("April", "Q2"): ``build(year)`` gives the value."""

    __slots__ = ("build", "label")

    def __init__(self, build: Callable[[int], When], label: str) -> None:
        self.build = build
        self.label = label


Value = When | Yearless


def _model_reason(e: WhenError) -> str:
    message = str(e)
    return message.split(": ", 1)[1] if message.startswith("When.") else message


# -- resolving a missing year ------------------------------------------------------------------


def resolve(value: Value, ctx: Context) -> When:
    """A `When` for ``value``, its year chosen by the reference and the preference."""
    if isinstance(value, When):
        return value
    ref = ctx.need(f"{quoted(value.label)} without a year")
    return pick(value, ref, ctx.prefer)


def build_in(value: Yearless, year: int) -> When:
    """``value`` in ``year``; a year where it does not exist is a definite failure."""
    try:
        return value.build(year)
    except WhenError as e:
        raise Fail(f"{value.label} {year}: {_model_reason(e)}") from None


def pick(value: Yearless, ref: _dt.date, mode: str) -> When:
    """The occurrence of ``value`` the mode asks for, relative to ``ref``.

    ``current``: the one containing ``ref``, else the one in ``ref``'s year;
    ``future``/``past``: the first ending on or after / last starting on or
    before ``ref``; ``next``/``last``: the first starting after / last ending
    before ``ref``.
    """
    span = 1 if mode != "current" else 0
    for width in (span, 8):  # 29 February recurs only every four (or eight) years
        found: list[When] = []
        for y in range(ref.year - width - 1, ref.year + width + 2):
            try:
                found.append(value.build(y))
            except (WhenError, Fail):
                continue  # no such day that year, or not that weekday ("Tuesday, March 10")
        chosen = _choose(found, ref, mode)
        if chosen is not None:
            return chosen
        if mode == "current":
            break
    if mode in ("future", "next") and ref.year + 9 > 9999:
        # the years searched reach the calendar's end: none after it is in the calendar
        raise Fail(
            f"it has no occurrence {'from' if mode == 'future' else 'after'} the reference "
            f"({ref.isoformat()}) within the calendar, which ends on 31 December 9999"
        )
    if mode in ("past", "last") and ref.year - 9 < 1:
        raise Fail(
            f"it has no occurrence {'up to' if mode == 'past' else 'before'} the reference "
            f"({ref.isoformat()}) within the calendar, which starts on 1 January 0001"
        )
    return build_in(value, ref.year)


def _choose(found: list[When], ref: _dt.date, mode: str) -> When | None:
    def lo(w: When) -> _dt.date:
        assert isinstance(w.start, _dt.date)
        return w.start

    def hi(w: When) -> _dt.date:
        assert isinstance(w.end, _dt.date)
        return w.end

    if mode == "current":
        inside = [w for w in found if lo(w) <= ref <= hi(w)]
        if inside:
            return inside[0]
        same = [w for w in found if lo(w).year == ref.year]
        return same[0] if same else None
    if mode == "future":
        return next((w for w in found if hi(w) >= ref), None)
    if mode == "past":
        return next((w for w in reversed(found) if lo(w) <= ref), None)
    if mode == "next":
        return next((w for w in found if lo(w) > ref), None)
    return next((w for w in reversed(found) if hi(w) < ref), None)


# -- words shared by the phrase readers ----------------------------------------------------------

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
ORDINALS.update({"fourth": 4, "4th": 4})
STEP = {"this": 0, "next": 1, "last": -1}


def year_of(token: str, ctx: Context) -> int:
    """The year a year token names: four digits, or "this/next/last year" (needs a reference).

    >>> ref = Context(_dt.date(2026, 3, 1), "current")
    >>> year_of("2026", ref), year_of("next year", ref)
    (2026, 2027)
    """
    if token[0].isdigit():
        return int(token)
    return ctx.need(repr(token)).year + STEP[token.split()[0]]


def short_year(token: str) -> int:
    """ "25" in "2H25" or "H2'25": the year 2025 (two-digit years here are this century's).

    >>> short_year("25"), short_year("1999")
    (2025, 1999)
    """
    return 2000 + int(token) if len(token) == 2 else int(token)


# -- a time from the reference -----------------------------------------------------------------

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTS.update({"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12})
_COUNTS.update({"fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30, "thirty-six": 36})
_COUNTS.update({"a couple of": 2, "couple of": 2})  # "the next couple of years"
VAGUE_COUNTS: dict[str, tuple[int, int]] = {"a few": (2, 6), "few": (2, 6), "several": (3, 9)}
"""The counts a vague word may mean, fewest and most: "a few" is 2 to 6, "several" 3 to 9.

A policy, documented in docs/explanation/dates.md: wide enough to hold what a
reader takes "a few weeks" or "several years" to mean, so the value holds
every day each reading lands on ("a couple of" is two, as said).
"""
# The numbers a range of counts is written with ("two to three", "12-18"): no "a", no "couple"
_WORDS = [w for w in _COUNTS if w not in ("a", "an") and "couple" not in w]
_NUMBER = r"\d{1,5}|" + "|".join(sorted(_WORDS, key=len, reverse=True))
_RANGE = re.compile(rf"({_NUMBER}) ?(?:to|or|-) ?({_NUMBER})")
COUNT = (
    rf"(?P<n>(?:{_NUMBER}) ?(?:to|or|-) ?(?:{_NUMBER})|\d{{1,5}}|"
    + "|".join(sorted([*_COUNTS, *VAGUE_COUNTS], key=len, reverse=True))
    + ")"
)
"""A number of units as written: digits, "a", a number word, a vague count ("a few") or a
range of numbers ("two to three", "12-18")."""

UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120}
UNITS = "day|week|fortnight|month|quarter|year|decade"
"""The units a time from the reference is counted in (a fortnight is 14 days)."""


def count_of(count: str) -> int:
    """The number a count written as `COUNT` matches means (a vague count: its most).

    >>> count_of("18"), count_of("eighteen"), count_of("a couple of"), count_of("a few")
    (18, 18, 2, 6)
    """
    return count_range(count)[1]


def count_range(count: str) -> tuple[int, int]:
    """The fewest and the most a count written as `COUNT` may mean.

    >>> count_range("18"), count_range("several"), count_range("two to three")
    ((18, 18), (3, 9), (2, 3))
    """
    if count.isdigit():
        return int(count), int(count)
    if count in VAGUE_COUNTS:
        return VAGUE_COUNTS[count]
    if count in _COUNTS:  # before ranges: "thirty-six" is one number
        return _COUNTS[count], _COUNTS[count]
    pair = _RANGE.fullmatch(count)
    assert pair is not None, count  # COUNT matched it
    fewest, most = (int(x) if x.isdigit() else _COUNTS[x] for x in pair.groups())
    if fewest > most:
        raise Fail(f"{quoted(count)} counts down; write the smaller number first")
    return fewest, most


def lands(ref: _dt.date, n: int, unit: str, said: str) -> pendulum.Date:
    """The day ``n`` ``unit``s from ``ref`` (a month on the 31st ends on the month's last day).

    >>> lands(_dt.date(2026, 1, 31), 1, "month", "x")
    Date(2026, 2, 28)
    >>> lands(_dt.date(2026, 3, 10), 1, "fortnight", "x")
    Date(2026, 3, 24)
    """
    day = pendulum.Date(ref.year, ref.month, ref.day)
    months = UNIT_MONTHS.get(unit)
    try:
        at = day.add(months=months * n) if months else day.add(days=n * UNIT_DAYS[unit])
        if at.year > 9999:  # pendulum may carry past the calendar without raising
            raise ValueError(at.year)
    except (ValueError, OverflowError):
        if n < 0:
            raise Fail(f"{quoted(said)} runs before year 1, the start of the calendar") from None
        raise Fail(f"{quoted(said)} runs beyond year 9999, the end of the calendar") from None
    return at


def within(count: str, unit: str, ctx: Context, said: str) -> When:
    """ "within 18 months": a deadline on the day that time from the reference runs out.

    A range ("within 12 to 18 months") runs out where its most does; a vague count
    ("within a few weeks") too, approximately (`VAGUE_COUNTS`).
    """
    ref = ctx.need(repr(said))
    most = count_range(count)[1]
    if most < 1:
        raise Fail(f"{quoted(said)} is no time at all; write the date it means")
    end = lands(ref, most, unit, said)
    try:
        day = When.day(end.year, end.month, end.day)
    except WhenError:
        raise Fail(f"{quoted(said)} runs beyond year 9999, the end of the calendar") from None
    return (day.qualify(approximate=True) if count in VAGUE_COUNTS else day).by()
