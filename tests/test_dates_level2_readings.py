""" "After" and "before" a level-2 value that is one of several readings.

EDTF level 1 reads ``202X`` as one year of the 2020s, not said which: "after 202X" is
after its first reading at the soonest (from 2021), "before 202X" before its last at the
latest (until 2028) (`timeline.dates._bounds.reading_bounds`). Level 2 writes the same
one-of readings two more ways, which were read as the hull of the readings instead
("after 1950S2" began in 2000, after every year it could be):

* significant digits: ``1950S2`` is some year from 1900 to 1999, as ``19XX`` is;
* unspecified digits with a qualifier on one part (``~X60X-XX-XX``, ``2026-~XX-15``):
  a qualifier widens the fuzzy bounds, not the readings, so the strict bounds of "after"
  and "before" are those of the same digits unqualified.

The oracle is the level-1 value that says the same (unqualified digits, read against
enumerated readings in tests/test_dates_oracle_edges.py), and a brute force over the
years, months or days the digits allow.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import When

D = dt.date
E = When.from_edtf


def _years(mask: str) -> list[int]:
    """The brute force: every year of the calendar the digits allow."""
    return [
        y
        for y in range(1, 10_000)
        if all(c in ("X", d) for c, d in zip(mask, f"{y:04d}", strict=True))
    ]


@pytest.mark.parametrize(
    ("text", "after", "before"),
    [
        # significant digits: some year of the century (decade, millennium)
        ("1950S2", D(1901, 1, 1), D(1998, 12, 31)),  # was 2000-01-01, 1899-12-31
        ("1950S3", D(1951, 1, 1), D(1958, 12, 31)),  # was 1960-01-01, 1949-12-31
        ("1950S1", D(1001, 1, 1), D(1998, 12, 31)),  # was 2000-01-01, 0999-12-31
        # "before some year of 1..99" can be in year 1 to 98; it was refused as off the calendar
        ("0050S2", D(2, 1, 1), D(98, 12, 31)),
        # unspecified digits, one part qualified: the readings are the digits'
        ("~X60X-XX-XX", D(600, 1, 2), D(9609, 12, 30)),  # was 9610-01-01, 0599-12-31
        ("2026-~XX-15", D(2026, 1, 16), D(2026, 12, 14)),  # was 2026-12-16, 2026-01-14
        ("?2026-XX", D(2026, 2, 1), D(2026, 11, 30)),  # was 2027-01-01, 2025-12-31
        ("20X6-~04", D(2006, 5, 1), D(2096, 3, 31)),  # was 2096-05-01, 2006-03-31
        ("2026-1X-~2X", D(2026, 10, 21), D(2026, 12, 28)),  # was 2026-12-30, 2026-10-19
    ],
)
def test_after_and_before_are_beside_the_first_and_last_reading(
    text: str, after: dt.date, before: dt.date
) -> None:
    w = E(text)
    assert w.after().earliest == after
    assert w.before().latest == before
    # written and read back, the bounds stay
    for related in (w.after(), w.before()):
        back = When.parse(str(related))
        assert (back.earliest, back.latest) == (related.earliest, related.latest)
        back = E(related.to_edtf())
        assert (back.earliest, back.latest) == (related.earliest, related.latest)


def test_the_relations_follow_the_readings() -> None:
    # "before some year of the 1900s" can be 1950; it was surely before it
    assert E("1950S2").before().overlaps(When.year(1950))
    assert E("1950S2").after().overlaps(When.year(1950))
    assert not E("1950S2").before().definitely_before(When.year(1950))


@st.composite
def _masks(draw: st.DrawFn) -> str:
    """Digits with some unspecified, one part qualified (level 2: the value keeps its text)."""
    day = draw(st.dates(D(1, 1, 1), D(9999, 12, 31)))
    digits = [f"{day.year:04d}", f"{day.month:02d}", f"{day.day:02d}"]
    parts = []
    for text in digits[: draw(st.integers(1, 3))]:
        hidden = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
        parts.append("".join("X" if x else c for c, x in zip(text, hidden, strict=True)))
    k = draw(st.integers(0, len(parts) - 1))
    parts[k] = draw(st.sampled_from("~?%")) + parts[k]
    return "-".join(parts)


@pytest.mark.fuzz
@settings(max_examples=examples(60), deadline=None)
@given(_masks())
def test_qualifying_one_part_keeps_the_readings(text: str) -> None:
    try:
        w = E(text)
    except ValueError:
        return  # digits that allow no day (2026-02-3X)
    plain = re.sub(r"[~?%]", "", text)
    if "X" not in plain:
        return
    unqualified = E(plain)
    for relate in (When.after, When.before):
        try:
            expected = relate(unqualified)
        except ValueError:  # beside the calendar's edge
            with pytest.raises(ValueError, match="calendar"):
                relate(w)
            continue
        got = relate(w)
        assert (got.earliest, got.latest) == (expected.earliest, expected.latest), text


@pytest.mark.fuzz
@settings(max_examples=examples(60), deadline=None)
@given(st.integers(1, 9999), st.integers(1, 4))
def test_significant_digits_are_read_as_the_years_they_allow(year: int, sig: int) -> None:
    unit = 10 ** (4 - sig)
    if year // unit * unit + unit - 1 < 1:
        return
    w = E(f"{year:04d}S{sig}")
    years = _years(f"{year:04d}"[:sig] + "X" * (4 - sig))
    assert (w.earliest, w.latest) == (D(years[0], 1, 1), D(years[-1], 12, 31))
    if years[0] < 9999:  # after the first year it can be
        assert w.after().earliest == D(years[0] + 1, 1, 1)
    if years[-1] > 1:  # before the last
        assert w.before().latest == D(years[-1] - 1, 12, 31)


# -- the year qualified alone, after a relation word ----------------------------------------
#
# Alone, "~1995-04" is EDTF level 2: the year approximate (a year's padding either side). After
# "after", "by" or "to" the phrase reader takes a "~" for "about", the whole month approximate
# (a month's padding): `str` wrote `E("~1995-04").after()` as "after ~1995-04", which read back
# as "after c. April 1995", another value. The year qualified alone is now spelled "1995~-04"
# (EDTF's other spelling of it, which the phrase reader keeps), and both spellings are one
# value (they were unequal).


@pytest.mark.parametrize("text", ["~1995-04", "~1995-0X", "~X60X-XX-XX", "~2026-04-15"])
@pytest.mark.parametrize(
    ("phrase", "build"),
    [
        ("after {}", When.after),
        ("by {}", When.by),
        ("before {}", When.before),
        ("{} to 2100", lambda w: When.interval(w, When.year(2100))),
        ("1900 to {}", lambda w: When.interval(When.year(1900), w)),
    ],
)
def test_the_year_qualified_alone_is_written_where_a_phrase_keeps_it(
    text: str, phrase: str, build: Callable[[When], When]
) -> None:
    expected = build(E(text))
    said = str(expected)
    assert "~" not in said.split()[0] or phrase.startswith("{}")  # never "after ~1995-04"
    back = When.parse(said)
    assert back == expected, said
    assert back.fuzzy_bounds() == expected.fuzzy_bounds(), said
    # the two EDTF spellings of the year qualified alone are one value
    assert E(text) == E(text.replace("~", "", 1)[:4] + "~" + text[5:])


def test_a_tilde_before_words_or_a_year_is_about() -> None:
    assert When.parse("after ~April 1995") == When.month(1995, 4).qualify(approximate=True).after()
    assert When.parse("by ~1995") == When.year(1995).qualify(approximate=True).by()
