"""The grain of a date (`Precision`) and how a value relates to its span (`Relation`)."""

from __future__ import annotations

import enum

from timeline._errors import WhenError, not_a_member

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The English month names, January first: the one list every reader and writer uses."""

__all__ = ["MONTH_NAMES", "Precision", "Relation", "names_century"]


class Precision(enum.Enum):
    """The grain of a date, from finest to coarsest.

    >>> Precision("quarter")
    <Precision.QUARTER: 'quarter'>
    >>> Precision.DAY.finer_than(Precision.MONTH)
    True
    """

    SECOND = "second"
    MINUTE = "minute"
    DAY = "day"
    WEEK = "week"
    DEKAD = "dekad"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    THIRD = "third"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    MIXED = "mixed"
    UNDATED = "undated"  # no date yet ("TBD", "date not announced"): no bounds

    @classmethod
    def _missing_(cls, value: object) -> Precision:
        # Python's own "5 is not a valid Precision" names no fix: ours lists the values.
        raise not_a_member(cls, value, "a precision", WhenError)

    @property
    def rank(self) -> int:
        """Position from finest (0) to coarsest.

        >>> Precision.SECOND.rank
        0
        """
        return _RANK[self]

    def finer_than(self, other: Precision) -> bool:
        """Whether this grain is strictly finer than ``other``.

        >>> Precision.MONTH.finer_than(Precision.YEAR)
        True
        """
        return self.rank < other.rank


_RANK = {p: i for i, p in enumerate(Precision)}


class Relation(enum.Enum):
    """How a value relates to its named span.

    >>> Relation("by")
    <Relation.BY: 'by'>
    """

    ON = "on"  # within the span
    BY = "by"  # on or before the end of the span (a deadline)
    BEFORE = "before"  # strictly before the span starts
    AFTER = "after"  # strictly after the span ends
    NOT_BEFORE = "not before"  # on or after the span starts ("no earlier than", "NET")
    NOT_AFTER = "not after"  # on or before the span ends, said as "no later than"

    @classmethod
    def _missing_(cls, value: object) -> Relation:
        # Python's own "5 is not a valid Relation" names no fix: ours lists the values.
        raise not_a_member(cls, value, "a relation", WhenError)


def names_century(first_year: int) -> bool:
    """Whether "the <first_year>s" names a century: "the 1800s" is 1800-1899.

    English readers mean the century by "the 1800s", "the 1100s", "the 2100s";
    "the 2000s" alone is commonly the decade 2000-2009, and stays one. A decade
    whose first year ends in 00 (other than 2000) is written "the decade
    1800\u20131809" instead.

    >>> names_century(1800), names_century(2000), names_century(1850)
    (True, False, False)
    """
    return first_year % 100 == 0 and first_year not in (0, 2000)
