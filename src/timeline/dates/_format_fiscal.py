"""Writing a `When` stated in fiscal years in their terms: "Q3 FY2026 (January–March 2026)".

A value parsed from a fiscal phrase keeps its calendar bounds (the months the
period covers) and, in `When.fiscal`, the fiscal years it was stated in. Its
text names each part that is a fiscal quarter, half or year by its fiscal
label, canonically ``Q3 FY2026``, ``H1 FY2026``, ``FY2026``, and ends with the
calendar months the whole value covers in brackets:

==========================  ==================================================
stated (fiscal years)        text
==========================  ==================================================
Q3 FY2026 (from July)        ``Q3 FY2026 (January–March 2026)``
FY2026 (from April)          ``FY2026 (April 2025–March 2026)``
by FY2027 (from July)        ``by FY2027 (by end of June 2027)``
before H2 FY2027             ``before H2 FY2027 (before January 2027)``
FY2026-2028                  ``FY2026 to FY2028 (July 2025–June 2028)``
Q3 or Q4 FY2027              ``Q3 FY2027 or Q4 FY2027 (January–March 2027 or April–June 2027)``
==========================  ==================================================

The bracket makes the text whole: `timeline.When.parse` reads it back without
being told the fiscal year, since the months say where it starts and how it is
named (`read_months`). A deadline or a range end that falls on a month is
named by the longest fiscal period ending (or starting) there: "by H2 FY2027"
and "by FY2027" are the same day when H2 is the year's last half, and show as
"by FY2027".
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re

import attrs

from timeline.dates._fiscal import Fiscal
from timeline.dates._precision import MONTH_NAMES, Precision, Relation
from timeline.dates._when import When

__all__ = ["fiscal_text", "months_text", "read_months", "tagged"]

_LABELLED = (Precision.QUARTER, Precision.HALF, Precision.YEAR)
_AT_END = (Relation.BY, Relation.NOT_AFTER, Relation.AFTER)
_WORDS = {
    Relation.BEFORE: "before",
    Relation.AFTER: "after",
    Relation.NOT_BEFORE: "no earlier than",
    Relation.NOT_AFTER: "no later than",
    Relation.BY: "by",
}


def fiscal_text(w: When) -> str | None:
    """``w`` in the terms of its fiscal years, its months in brackets; ``None`` if none apply.

    >>> from timeline import When
    >>> fiscal_text(When.parse("3QFY26", fiscal_year_start="July"))
    'Q3 FY2026 (January–March 2026)'
    """
    if w.fiscal is None:
        return None
    plain = attrs.evolve(w, fiscal=None)
    say = _Say(w.fiscal)
    body = say.value(plain)
    months = months_text(plain)
    if not say.used or months is None:
        return None
    return f"{body} ({months})"


def tagged(w: When, fiscal: Fiscal) -> When | None:
    """``w`` marked as stated in ``fiscal``'s years; ``None`` if no part is one of their periods.

    >>> from timeline import When
    >>> str(tagged(When.quarter(2026, 1), Fiscal(7)))
    'Q3 FY2026 (January–March 2026)'
    >>> tagged(When.month(2026, 1), Fiscal(7)) is None
    True
    """
    if w.is_undated:
        return None
    marked = attrs.evolve(w, fiscal=fiscal)
    return marked if fiscal_text(marked) is not None else None


_FIRST_MONTH, _LAST_MONTH = 1 * 12, 9999 * 12 + 11  # January 1, December 9999


class _Say:
    """Fiscal labels for spans of months; remembers whether it gave one."""

    __slots__ = ("fiscal", "used")

    def __init__(self, fiscal: Fiscal) -> None:
        self.fiscal = fiscal
        self.used = False

    def label(self, first: int, count: int, *, say: bool = True) -> str | None:
        """ "Q3 FY2026" for ``count`` months from month index ``first`` (year * 12 + month - 1)."""
        offset = (first - (self.fiscal.start - 1)) % 12
        name = self.fiscal.name((first - offset) // 12)
        # The period must lie in the calendar, as it is read whole: "before FY9999" from
        # February, named by its start, would run to January 10000.
        if not 1 <= name <= 9999 or not _FIRST_MONTH <= first <= _LAST_MONTH - count + 1:
            return None
        if count == 12 and offset == 0:
            text = f"FY{name:04d}"
        elif count == 6 and offset % 6 == 0:
            text = f"H{offset // 6 + 1} FY{name:04d}"
        elif count == 3 and offset % 3 == 0:
            text = f"Q{offset // 3 + 1} FY{name:04d}"
        else:
            return None
        self.used = self.used or say
        return text

    def anchored(self, month: int, *, at_end: bool) -> str | None:
        """The longest fiscal period held as months ending (``at_end``) or starting on ``month``.

        A period that is a calendar quarter, half or year is held as one, not as its
        months: a month there is the month, and is said so.
        """
        count = self.anchored_count(month, at_end=at_end)
        return None if count is None else self.label(_first(month, count, at_end), count)

    def anchored_count(self, month: int, *, at_end: bool) -> int | None:
        """The months of the period `anchored` names, or ``None``."""
        for count in (12, 6, 3):
            first = _first(month, count, at_end)
            if not _calendar_unit(first, count) and self.label(first, count, say=False):
                return count
        return None

    def value(self, w: When) -> str:
        """``w`` with each part that is a fiscal period named so; the rest in calendar words."""
        from timeline.dates._format import qualified_text, to_text

        if w.is_interval:
            return self.interval(w)
        if w.form is not None:
            return self.set(w) or to_text(w)
        core = self.core(w)
        if core is None:
            return to_text(w)
        core = qualified_text(core, w)
        if w.relation is Relation.ON:
            return core
        return f"{_WORDS[w.relation]} {core}"

    def core(self, w: When) -> str | None:
        span = _months(w)
        if span is None or w.unspecified is not None:
            return None
        if w.precision in _LABELLED:
            return self.label(*span)
        if w.precision is Precision.MONTH and w.relation is not Relation.ON:
            at_end = w.relation in _AT_END
            return self.anchored(span[0], at_end=at_end)
        return None

    def interval(self, w: When) -> str:
        from timeline.dates._format import _end_text, _with_interval_qualifiers

        lower, upper = w.lower, w.upper
        if isinstance(lower, When) and isinstance(upper, When):
            lo, hi = (_with_interval_qualifiers(end, w) for end in (lower, upper))
            whole = self.whole(lo, hi)
            if whole is not None:
                return whole
        texts = [
            self.end(end, w, first=first) or _end_text(end, w, first=first)
            for end, first in ((lower, True), (upper, False))
        ]
        if lower == "open" and isinstance(upper, When):
            return f"until {texts[1]}"
        if upper == "open" and isinstance(lower, When):
            return f"from {texts[0]} onwards"
        return f"{texts[0]} to {texts[1]}"

    def whole(self, lo: When, hi: When) -> str | None:
        """One fiscal period written as the months it covers ("FY2026" from July): its label."""
        if not (_plain_month(lo, qualified=True) and _plain_month(hi, qualified=True)):
            return None
        if (lo.approximate, lo.uncertain) != (hi.approximate, hi.uncertain):
            return None
        first, last = _months(lo), _months(hi)
        assert first is not None and last is not None
        count = last[0] - first[0] + 1
        if _calendar_unit(first[0], count):  # held as a quarter, half or year, not months
            return None
        text = self.label(first[0], count)
        if text is None:
            return None
        return ("c. " if lo.approximate else "") + text + ("?" if lo.uncertain else "")

    def end(self, end: When | str | None, interval: When, *, first: bool) -> str | None:
        from timeline.dates._format import _with_interval_qualifiers

        if not isinstance(end, When):
            return None
        end = _with_interval_qualifiers(end, interval)
        if _plain_month(end, qualified=False):
            span = _months(end)
            assert span is not None
            text = self.anchored(span[0], at_end=not first)
            if text is not None:
                return text
        return self.value(end)

    def set(self, w: When) -> str | None:
        from timeline.dates._edtf_level2 import set_members

        assert w.form is not None
        if not w.form.startswith("["):
            return None
        members = set_members(w.form)
        if len(members) < 2 or w.relation is not Relation.ON:
            return None
        marks = {(m.approximate, m.uncertain) for m in members}
        if len(marks) > 1:  # qualified one by one: the calendar's words keep them apart
            return None
        labels = []
        for m in members:
            if m.is_interval or m.form is not None or m.relation is not Relation.ON:
                return None
            label = self.core(m)
            if label is None:
                return None
            labels.append(label)
        approximate, uncertain = marks.pop()  # said once, of them all ("c. Q3 or Q4 2025")
        said = " or ".join(labels)
        return ("c. " if approximate else "") + said + ("?" if uncertain else "")


def _first(month: int, count: int, at_end: bool) -> int:
    return month - count + 1 if at_end else month


def _calendar_unit(first: int, count: int) -> bool:
    """Whether ``count`` months from ``first`` are a calendar quarter, half or year."""
    return count in (3, 6, 12) and first % count == 0


def _plain_month(w: When, *, qualified: bool) -> bool:
    return (
        w.precision is Precision.MONTH
        and w.relation is Relation.ON
        and w.form is None
        and w.unspecified is None
        and (qualified or not w.qualified)
        and _months(w) is not None
    )


def _index(day: _dt.date) -> int:
    return day.year * 12 + day.month - 1


def _months(w: When) -> tuple[int, int] | None:
    """The month index of ``w``'s first month and its number of months, for a calendar span."""
    start, end = w.start, w.end
    if not isinstance(start, _dt.date) or not isinstance(end, _dt.date):
        return None
    if isinstance(start, _dt.datetime) or isinstance(end, _dt.datetime):
        return None
    # the end is its month's last day (not "the next day is the 1st": 9999-12-31 has none)
    if start.day != 1 or end.day != calendar.monthrange(end.year, end.month)[1]:
        return None
    return _index(start), _index(end) - _index(start) + 1


# -- the months in brackets ----------------------------------------------------------------------


def _month(day: _dt.date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year:04d}"


def _span(start: _dt.date, end: _dt.date) -> str:
    if (start.year, start.month) == (end.year, end.month):
        return _month(start)
    if start.year == end.year:
        return f"{MONTH_NAMES[start.month - 1]}–{_month(end)}"
    return f"{_month(start)}–{_month(end)}"


def months_text(w: When) -> str | None:
    """The calendar months ``w`` names, as the bracket of its fiscal text gives them.

    >>> from timeline import When
    >>> months_text(When.quarter(2026, 1)), months_text(When.year(2027).by())
    ('January–March 2026', 'by end of December 2027')
    """
    if w.is_interval:
        lower, upper = w.lower, w.upper
        lo = lower.start if isinstance(lower, When) else None
        hi = upper.end if isinstance(upper, When) else None
        if isinstance(lo, _dt.date) and isinstance(hi, _dt.date):
            return _span(lo, hi)
        if isinstance(lo, _dt.date):
            return f"from {_month(lo)}"
        if isinstance(hi, _dt.date):
            return f"until {_month(hi)}"
        return None
    if w.form is not None and w.form.startswith("["):
        from timeline.dates._edtf_level2 import set_members

        spans = [months_text(m) for m in set_members(w.form)]
        if all(spans):
            return " or ".join(s for s in spans if s)
    start, end = w.start, w.end
    if not isinstance(start, _dt.date) or not isinstance(end, _dt.date):
        return None
    if w.relation is Relation.ON:
        return _span(start, end)
    if w.relation in (Relation.BY, Relation.NOT_AFTER):
        return f"by end of {_month(end)}"
    if w.relation is Relation.AFTER:
        return f"after {_month(end)}"
    if w.relation is Relation.BEFORE:
        return f"before {_month(start)}"
    return f"from {_month(start)}"


# -- reading the bracket back ---------------------------------------------------------------------

_NAMES = "|".join(name.lower() for name in MONTH_NAMES)
_SHORT = {name[:3].lower(): name.lower() for name in MONTH_NAMES} | {"sept": "september"}
_ABBREVIATED = re.compile(r"\b(" + "|".join(_SHORT) + r")\b\.?")
_DASHES = re.compile(r"\s*(?:[\u2010-\u2015\u2212-]|\bto\b)\s*")


def normal_months(text: str) -> str:
    """The bracket's text as compared: lower case, one kind of dash, month names whole.

    >>> normal_months("Jan - Mar 2026") == normal_months("January–March 2026")
    True
    """
    low = " ".join(text.lower().split())
    low = _ABBREVIATED.sub(lambda m: _SHORT[m[1]], low)
    return _DASHES.sub("-", low)


def read_months(text: str) -> int | None:
    """The month index (year * 12 + month - 1) of the first month a bracket names, if any.

    >>> read_months("July 2025–June 2026") == 2025 * 12 + 6
    True
    """
    low = normal_months(text)
    found = re.search(rf"\b({_NAMES})\b[^()]*?\b(\d{{4}})\b", low)
    if found is None:
        return None
    month = [name.lower() for name in MONTH_NAMES].index(found[1]) + 1
    return int(found[2]) * 12 + month - 1


def fiscal_of_shift(shift: int) -> Fiscal | None:
    """The fiscal years whose periods lie ``shift`` months from the calendar's of the same name.

    FY2026 from July (named by its end) starts 6 months before the calendar
    2026; FY2026 from April named by its start, 3 months after.

    >>> fiscal_of_shift(-6), fiscal_of_shift(3), fiscal_of_shift(0), fiscal_of_shift(12)
    (Fiscal(7), Fiscal(4, "start"), Fiscal(1), None)
    """
    if shift == 0:
        return Fiscal(1)
    if -11 <= shift <= -1:
        return Fiscal(shift + 13, "end")
    if 1 <= shift <= 11:
        return Fiscal(shift + 1, "start")
    return None


_GRAINS = {3: Precision.QUARTER, 6: Precision.HALF, 12: Precision.YEAR}


def stated_precision(w: When) -> Precision:
    """The grain ``w`` was stated in: a fiscal quarter, half or year is one, in any months.

    FY2026 from April is written as the months April 2025 to March 2026 (its
    `When.precision` is ``month``), but it was promised to the year.

    >>> from timeline import When
    >>> stated_precision(When.parse("FY2026", fiscal_year_start=4)).value
    'year'
    >>> stated_precision(When.month(2026, 4)).value
    'month'
    """
    if w.fiscal is None or w.precision in _LABELLED:
        return w.precision
    plain = attrs.evolve(w, fiscal=None)
    say = _Say(w.fiscal)
    if w.is_interval:
        lower, upper = plain.lower, plain.upper
        if isinstance(lower, When) and isinstance(upper, When):
            lo, hi = _months(lower), _months(upper)
            if say.whole(lower, upper) is not None and lo is not None and hi is not None:
                return _GRAINS[hi[0] - lo[0] + 1]
        return w.precision
    span = _months(plain)
    if span is not None and w.precision is Precision.MONTH and w.relation is not Relation.ON:
        count = say.anchored_count(span[0], at_end=w.relation in _AT_END)
        if count is not None:
            return _GRAINS[count]
    return w.precision
