"""`When`'s honest comparisons: what is known of how two imprecise dates relate.

One rule (`timeline.dates._relations`): "could" relations hold for some reading of
both values, each at its widest; "surely" relations for every reading, a container
at its narrowest. An EDTF set's readings are its members. The common case, one
reading each (no ``form``), is read here without a further call. `When` offers these
as its methods (`When.definitely_before`, `When.possibly_before`, `When.overlaps`,
`When.contains` and ``in``); its total order (``<``, `When.sort_key`) lives with it.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from timeline._errors import WhenError, quoted
from timeline.dates._bounds import ends_before, inside, meets
from timeline.dates._relations import read_before, read_contains, read_overlaps

if TYPE_CHECKING:
    from timeline.dates._when import When

__all__ = [
    "contains",
    "definitely_before",
    "holds",
    "overlaps",
    "plain_ends",
    "possibly_before",
    "when_argument",
]


def when_argument(other: object, method: str) -> When:
    """``other`` if it is a `When`; else a `WhenError` naming the method and what it got.

    Without it, ``When.year(2026).overlaps(5)`` failed inside with "'int' object has
    no attribute 'form'".

    >>> When.year(2026).overlaps(2026)
    Traceback (most recent call last):
    ...
    timeline._errors.WhenError: When.overlaps: expected a When (When.parse('2026'), say), got 2026
    """
    from timeline.dates._when import When

    if isinstance(other, When):
        return other
    raise WhenError(
        f"When.{method}: expected a When (When.parse('2026'), say), got {quoted(other)}"
    )


def definitely_before(self: When, other: When) -> bool:
    """Whether this surely ends before ``other`` begins, whatever the readings.

    Every member of a set must end before every member of the other.

    >>> When.month(2026, 3).definitely_before(When.month(2026, 4))
    True
    >>> When.parse("2026-03~").definitely_before(When.month(2026, 4))
    False
    """
    if not isinstance(other, type(self)):
        other = when_argument(other, "definitely_before")
    if self.form is None and other.form is None:  # the common case: one reading each
        return ends_before(self.fuzzy_bounds(), other.fuzzy_bounds())
    return read_before(self, other)


def possibly_before(self: When, other: When) -> bool:
    """Whether this could start before ``other`` ends: not ``other.definitely_before(self)``.

    >>> When.year(2026).possibly_before(When.month(2026, 1))
    True
    >>> When.year(2027).possibly_before(When.month(2026, 1))
    False
    """
    if not isinstance(other, type(self)):
        other = when_argument(other, "possibly_before")
    return not other.definitely_before(self)


def overlaps(self: When, other: When) -> bool:
    """Whether the two could share a day or instant, each read at its widest.

    A set could fall where one of its members could: "April or June 2026"
    never falls on 10 May; unspecified digits where they allow, ``2026-XX-15``
    only on the 15th of a month.

    >>> When.month(2026, 4).overlaps(When.quarter(2026, 2))
    True
    >>> When.parse("2026-04~").overlaps(When.month(2026, 5))
    True
    >>> When.parse("April or June 2026").overlaps(When.parse("2026-05-10"))
    False
    >>> When.parse("2026-XX-15").overlaps(When.parse("2026-04-20"))
    False
    """
    if not isinstance(other, type(self)):
        other = when_argument(other, "overlaps")
    if (
        self.form is None
        and other.form is None
        and self.unspecified is None
        and other.unspecified is None
    ):  # the common case: one reading each
        return meets(self.fuzzy_bounds(), other.fuzzy_bounds())
    return read_overlaps(self, other)


def contains(self: When, other: When | _dt.date) -> bool:
    """Whether ``other``, at its widest, surely lies inside this span (plain bounds).

    A floating day contains an instant whose local date is that day. A
    one-of set holds only what every member holds ("April or June 2026" does
    not surely hold 10 April); an all-of set what some member holds; a set
    inside another value is inside only if every member is. Unspecified digits
    are one of the runs of days they allow: ``2026-XX-15`` holds nothing surely,
    ``2026-04-XX`` (some day of April) holds what April holds.

    >>> When.month(2026, 4).contains(pendulum.date(2026, 4, 15))
    True
    >>> When.month(2026, 4).contains(When.quarter(2026, 2))
    False
    >>> When.month(2026, 4).contains(When.parse("2026-04~"))
    False
    >>> When.parse("April or June 2026").contains(pendulum.date(2026, 4, 10))
    False

    An interval's unknown end may come as soon as its other end allows, so at
    its narrowest the interval is that other end's span (an open end, ``..``,
    runs on for ever):

    >>> When.parse("2026/").contains(When.year(2030)), When.parse("2026/..").contains(
    ...     When.year(2030))
    (False, True)
    """
    if isinstance(other, type(self)):
        o = other
    else:  # a date or datetime (anything else is refused there)
        from timeline.dates._when import _coerce

        o = _coerce(other)
    if self.is_undated:  # no reading of an unknown date surely holds anything
        return False
    lower, upper = self.lower, self.upper
    if lower == "unknown" or upper == "unknown":
        known = upper if lower == "unknown" else lower
        if known is None or isinstance(known, str):  # unknown, or open, to unknown: no narrowest
            return False
        return known.contains(o)
    if (  # one reading each; an interval's ends of unspecified digits narrow it
        self.form is None
        and o.form is None
        and self.unspecified is None
        and (lower is None or self._plain_ends)
    ):
        return inside((self.earliest, self.latest), o.fuzzy_bounds())
    return read_contains(self, o)


def plain_ends(self: When) -> bool:
    """Whether an interval's ends are plain: at its narrowest it is its plain bounds.

    Ends with unspecified digits narrow it (`timeline.dates._relations.span_holders`).

    >>> plain_ends(When.parse("2026/2027")), plain_ends(When.parse("2026-XX/2027"))
    (True, False)
    """
    return all(
        isinstance(end, str) or end is None or (end.unspecified is None and end.form is None)
        for end in (self.lower, self.upper)
    )


def holds(self: When, other: object) -> bool:
    """``other in self``: `contains` for a `When` or a date, False for anything else.

    >>> pendulum.date(2026, 4, 15) in When.month(2026, 4), "April" in When.month(2026, 4)
    (True, False)
    """
    if not isinstance(other, (type(self), _dt.date)):
        return False
    return self.contains(other)
