"""Thirds of a decade and of a century ("late 2020s", "late 20th century"), related.

"early/mid/late" a century was refused ("'late' applies to a month, a quarter, a half, a
year or a decade"); it reads as a decade's thirds do, by its decades (4, 3, 3): early
20th century 1900-1939, mid- 1940-1969, late 1970-1999. "mid-decade" and "mid-century"
(with a reference) are this decade's and this century's.

Found on the way: "by late 2020s" wrote EDTF ``[..2027/2029]``, which no reader reads
(EDTF has no third of a decade); a relation to a third is now written against its first
or last year, as a relation to a dekad is against its first or last day.

Oracle: the hand table below, and the round trips (text and EDTF) for every third, relation
and qualifier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from timeline import When, WhenParseError

D = dt.date
REF = "2026-12-31"


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("late 20th century", D(1970, 1, 1), D(1999, 12, 31)),
        ("the late 20th century", D(1970, 1, 1), D(1999, 12, 31)),
        ("mid-20th century", D(1940, 1, 1), D(1969, 12, 31)),
        ("early 21st century", D(2000, 1, 1), D(2039, 12, 31)),
        ("early 2nd century", D(100, 1, 1), D(139, 12, 31)),
        ("late 100th century", D(9970, 1, 1), D(9999, 12, 31)),
        ("mid-to-late 20th century", D(1940, 1, 1), D(1999, 12, 31)),
        # relative to the reference (31 December 2026)
        ("mid-decade", D(2024, 1, 1), D(2026, 12, 31)),
        ("the end of the decade", D(2027, 1, 1), D(2029, 12, 31)),
        ("mid-century", D(2040, 1, 1), D(2069, 12, 31)),
        ("by mid-century", None, D(2069, 12, 31)),
        ("early this century", D(2000, 1, 1), D(2039, 12, 31)),
        ("late last century", D(1970, 1, 1), D(1999, 12, 31)),
    ],
)
def test_thirds_of_a_century(text: str, earliest: dt.date | None, latest: dt.date) -> None:
    w = When.parse(text, reference=REF)
    assert (w.earliest, w.latest) == (earliest, latest)


def test_relative_thirds_need_a_reference() -> None:
    with pytest.raises(WhenParseError, match="reference"):
        When.parse("mid-century")


def test_the_first_century_has_no_year_0() -> None:
    with pytest.raises(WhenParseError):
        When.parse("early 1st century")


_RELATE: list[Callable[[When], When]] = [
    lambda w: w,
    When.by,
    When.before,
    When.after,
    When.not_before,
    When.not_after,
    lambda w: w.qualify(approximate=True),
    lambda w: w.qualify(uncertain=True).by(),
    lambda w: w.qualify(approximate=True, uncertain=True).not_before(),
]


@pytest.mark.parametrize("relate", _RELATE)
@pytest.mark.parametrize(
    "text",
    [
        "early 2020s",
        "mid-2020s",
        "late 2020s",
        "early 20th century",
        "mid-20th century",
        "late 20th century",
    ],
)
def test_a_related_third_round_trips(text: str, relate: Callable[[When], When]) -> None:
    w = relate(When.parse(text))
    back = When.parse(str(w))
    assert back == w and str(back) == str(w)
    edtf = w.to_edtf()
    read = When.from_edtf(edtf)  # "[..2027/2029]" was refused
    # (EDTF pads a qualified third by a year, not by its own grain: strict bounds only, as
    # for a third of a decade unrelated, tests/test_format.py)
    assert (read.earliest, read.latest) == (w.earliest, w.latest), edtf
