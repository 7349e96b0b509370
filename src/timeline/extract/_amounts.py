"""How far a date moved: "by a year", "six months later than planned", "pushed its 2026
target back by two years".

`by_amount` works out a first promise from the date now and the amount it moved by,
`moved_by` the date now from a first promise and the amount, `later_than` both from "in
2028, a year later than planned"; `worked_out` tells a first promise found so, and
`amount_after` whether a slip says how far. Used by `timeline.extract._slips.slip_of`.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

from timeline.dates import Precision, Relation, When
from timeline.dates._find import DateMatch
from timeline.extract._cues import Cue

__all__ = ["amount_after", "by_amount", "later_than", "moved_by", "shift_years", "worked_out"]


# "by a year", "by six months", "two weeks", "a one-year delay", "18-month": how far a date
# moved. Not "a few months", "more than a year", "a year and a half" (no amount to count).
_NUMBERS: Final = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "eighteen": 18, "twenty-four": 24,
}  # fmt: skip
_AMOUNT: Final = re.compile(
    r"(?<![\w-])(?P<vague>(?:more\s+than|over|at\s+least|about|around|roughly|nearly|almost"
    r"|up\s+to|some|less\s+than|under|approximately)\s+)?"
    r"(?:(?:another|a\s+further|an\s+additional)\s+)?"
    rf"(?P<n>\d{{1,3}}|another|{'|'.join(sorted(_NUMBERS, key=len, reverse=True))})[\s-]+"
    r"(?P<unit>year|month|quarter|week|day)s?(?![\w-])"
    r"(?P<more>\s+and\s+a\s+half|\s+or\s+(?:so|more|two|three))?",
    re.IGNORECASE,
)
_UNIT_MONTHS: Final = {"year": 12, "quarter": 3, "month": 1}
_UNIT_DAYS: Final = {"week": 7, "day": 1}
# The months a date of each grain spans: a move of a whole number of them keeps the grain.
_GRAIN_MONTHS: Final = {
    Precision.MONTH: 1,
    Precision.QUARTER: 3,
    Precision.THIRD: 4,
    Precision.HALF: 6,
    Precision.YEAR: 12,
}


def _shifted(when: When, months: int, days: int) -> When | None:
    """``when`` moved by ``months`` or ``days`` (signed), or None when that is not one date
    of the same grain (six months from "2027", 45 days from "June", "early 2027")."""
    if (
        when.is_interval
        or when.qualified
        or when.fiscal is not None
        or when.form is not None
        or when.relation not in (Relation.ON, Relation.BY)
        or when.start is None
    ):
        return None
    start = when.start
    plain: When
    if when.precision is Precision.DAY:
        base = _dt.date(start.year, start.month, start.day)
        if days:
            moved = base + _dt.timedelta(days=days)
        else:
            total = start.year * 12 + start.month - 1 + months
            try:
                moved = _dt.date(total // 12, total % 12 + 1, start.day)
            except ValueError:
                return None  # "a month before 31 March": no such day
        plain = When.day(moved.year, moved.month, moved.day)
    else:
        grain = _GRAIN_MONTHS.get(when.precision)
        if grain is None or days or months % grain:
            return None
        total = start.year * 12 + start.month - 1 + months
        year, month = divmod(total, 12)
        if when.precision is Precision.MONTH:
            plain = When.month(year, month + 1)
        elif when.precision is Precision.QUARTER:
            plain = When.quarter(year, month // 3 + 1)
        elif when.precision is Precision.THIRD:
            plain = When.third(year, month // 4 + 1)
        elif when.precision is Precision.HALF:
            plain = When.half(year, month // 6 + 1)
        else:
            plain = When.year(year)
    return plain.by() if when.relation is Relation.BY else plain


def by_amount(folded: str, slip: Cue, start: int, move: DateMatch) -> DateMatch | None:
    """The first promise worked out from how far the date moved ("postponed by a year, to
    2027": 2026), when the amount is a whole number of the date's grain; or None."""
    # near the slip, on its side of the date: "delayed by six months to March 2027",
    # "a one-year delay, to 2028", "will now open in June 2027 after a six-month delay"
    low = max(start, slip.start - 30, move.end if move.end <= slip.start else start)
    high = move.start if move.start >= slip.end else min(len(folded), slip.end + 30)
    found = list(_AMOUNT.finditer(folded, low, high))
    if len(found) != 1 or found[0].group("vague") or found[0].group("more"):
        return None
    m = found[0]
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else _NUMBERS.get(word, 1)  # "another year": one
    unit = m.group("unit").lower()
    sign = 1 if "forward" in slip.text.lower() else -1  # the first promise: before, or after
    months = sign * n * _UNIT_MONTHS.get(unit, 0)
    days = sign * n * _UNIT_DAYS.get(unit, 0)
    first = _shifted(move.when, months, days)
    if first is None:
        return None
    return DateMatch(m.group(), m.start(), m.end(), first)


# After a date, how far it is from the one first promised: ", a year later than planned",
# "six months later than originally scheduled", "a quarter behind schedule", "two months
# earlier than expected".
_LATER_THAN: Final = re.compile(
    r",?\s+(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over|at\s+least)\s+)?"
    r"(?P<amount>(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|eighteen|\d{1,3})[\s-]+(?:year|month|quarter|week|day)s?)\s+"
    # ", seven years late": late by that much, no promise named
    r"(?:(?P<late>late|overdue)(?=\s*(?:[,.;:)]|$|and\b|but\b|after\b|because\b|amid\b))"
    r"|(?:(?P<later>later|behind)|(?P<early>earlier|sooner|ahead\s+of))\s+"
    r"(?:than\s+)?"
    # who planned it: "than it had promised", "than the company had planned"
    r"(?:(?:it|they|we|he|she|the\s+(?:\w+\s+){0,2}?\w+)\s+(?:had\s+|has\s+|have\s+)?)?"
    r"(?:(?:originally|initially|first|previously)\s+)?"
    r"(?:planned|scheduled|expected|promised|targett?ed|forecast|projected|intended|hoped"
    r"|proposed|announced|pledged|agreed|envisaged|envisioned|anticipated|required|mandated"
    r"|estimated|guided|set|schedule|plan"
    # "than the original schedule", "behind its initial timetable"
    r"|(?:the|its|their)\s+(?:original|initial|earlier|previous|first)\s+"
    r"(?:schedule|plan|target|timeline|timetable|date|deadline))\b)",
    re.IGNORECASE,
)


def later_than(
    dates: list[DateMatch], folded: str
) -> tuple[Cue | None, DateMatch, list[DateMatch]] | None:
    """A date said to be an amount later or earlier than first promised ("in 2028, a year
    later than planned"): the first promise worked out from the amount, the date the move."""
    for date in dates:
        m = _LATER_THAN.match(folded, date.end)
        if m is None:
            continue
        amount = _AMOUNT.fullmatch(m.group("amount"))
        if amount is None:
            return None
        word = amount.group("n").lower()
        n = int(word) if word.isdigit() else _NUMBERS.get(word, 1)
        unit = amount.group("unit").lower()
        sign = -1 if m.group("late") or m.group("later") else 1
        first = _shifted(
            date.when, sign * n * _UNIT_MONTHS.get(unit, 0), sign * n * _UNIT_DAYS.get(unit, 0)
        )
        if first is None:
            return None
        return None, DateMatch(amount.group(), m.start("amount"), m.end("amount"), first), [date]
    return None


def moved_by(
    folded: str, slip: Cue, first: DateMatch
) -> tuple[Cue | None, DateMatch, list[DateMatch]] | None:
    """A date inside its slip ("pushed its 2026 target back by a year") moved by the amount
    after it, a whole number of the date's grain; or None."""
    m = _AMOUNT.search(folded, slip.end, min(len(folded), slip.end + 30))
    if m is None or m.group("vague") or m.group("more"):
        return None
    if re.search(r"[,;.]", folded[slip.end : m.start()]):
        return None
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else _NUMBERS.get(word, 1)
    unit = m.group("unit").lower()
    sign = -1 if "forward" in slip.text.lower() else 1
    moved = _shifted(
        first.when, sign * n * _UNIT_MONTHS.get(unit, 0), sign * n * _UNIT_DAYS.get(unit, 0)
    )
    if moved is None:
        return None
    said = str(moved)
    if re.fullmatch(r"\d{4}", first.text) and moved.start is not None:
        said = str(moved.start.year)  # "moved to 2027"
    return slip, first, [DateMatch(said, m.start(), m.end(), moved)]


def shift_years(when: When, years: int) -> When | None:
    """``when`` moved by whole ``years`` (signed), or None when that is not one date.

    >>> str(shift_years(When.parse("January 2026"), 1))
    'January 2027'
    """
    return _shifted(when, 12 * years, 0)


def worked_out(first: DateMatch) -> bool:
    """Whether a first promise was worked out from how far a date moved ("by a year").

    >>> from timeline.dates import find_dates
    >>> from timeline.extract._cues import cues
    >>> from timeline.extract._slips import slip_of
    >>> t = "The launch was postponed by a year, to 2027."
    >>> _, first, _ = slip_of(find_dates(t, reference=None), cues(t), t, 0)
    >>> (first.text, str(first.when), worked_out(first))
    ('a year', '2026', True)
    """
    return _AMOUNT.fullmatch(first.text) is not None


# Any amount a date moved by, counted or not: "by about six months", "by a few weeks",
# "by several years", "a year".
_ANY_AMOUNT: Final = re.compile(
    r"\b(?:by\s+)?(?:(?:about|around|roughly|nearly|almost|some|more\s+than|at\s+least"
    r"|up\s+to|over|a\s+few|a\s+couple\s+of|several|many|another|a\s+further)\s+)*"
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen"
    r"|few|several|many)?[\s-]*(?:years?|months?|quarters?|weeks?|days?)\b",
    re.IGNORECASE,
)


def amount_after(folded: str, slip_end: int, end: int) -> bool:
    """Whether a slip says how far a date moved ("by about six months") right after it.

    >>> t = "The deal would slip by about six months."
    >>> amount_after(t, t.index("slip") + 4, len(t))
    True
    """
    return _ANY_AMOUNT.match(folded, slip_end + 1, end) is not None or (
        _ANY_AMOUNT.search(folded, slip_end, min(end, slip_end + 40)) is not None
    )
