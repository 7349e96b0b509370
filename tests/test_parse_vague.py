"""Vague counts from the reference: "in a few months", "within a few weeks", "in a fortnight".

The rule (docs/explanation/dates.md): "a few" is 2 to 6, "several" 3 to 9, "a couple of" 2,
"a fortnight" 14 days. "in"/"from now" with a vague count is the stretch from about where the
smallest count lands to about where the largest does; "within", "the next few" and "the coming"
are a deadline, about the day the largest count runs out.
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import When, WhenParseError, find_dates

REF = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fortnight is 14 days: about the day it lands on
        ("in a fortnight", "c. 24 March 2026"),
        ("a fortnight from now", "c. 24 March 2026"),
        ("in two fortnights", "c. 7 April 2026"),
        ("within a fortnight", "by 24 March 2026"),
        # a few (2 to 6), several (3 to 9): from about the first to about the last landing
        ("in a few months", "c. May 2026 to c. September 2026"),
        ("in a few months' time", "c. May 2026 to c. September 2026"),
        ("a few months from now", "c. May 2026 to c. September 2026"),
        ("in a few weeks", "c. 24 March 2026 to c. 21 April 2026"),
        ("in a few days", "c. 12 March 2026 to c. 16 March 2026"),
        ("in several years", "c. March 2029 to c. March 2035"),
        ("in several weeks", "c. 31 March 2026 to c. 12 May 2026"),
        ("in a few decades", "c. 2046 to c. 2086"),
        # "a couple of" is two
        ("in a couple of years", "c. March 2028"),
        # a range of counts: from about where the first lands to about where the second does
        ("in two to three years", "c. March 2028 to c. March 2029"),
        ("in 2-3 years", "c. March 2028 to c. March 2029"),
        ("in 18-24 months", "c. September 2027 to c. March 2028"),
        ("2-3 years from now", "c. March 2028 to c. March 2029"),
        ("in thirty-six months", "c. March 2029"),  # one number, not thirty to six
        # within a range: by where the second runs out, as stated (not approximate)
        ("within 12 to 18 months", "by 10 September 2027"),
        ("within two or three weeks", "by 31 March 2026"),
        ("over the next 3-5 years", "by 10 March 2031"),
        # within, the next few, the coming: a deadline about where the most runs out
        ("within a few weeks", "by c. 21 April 2026"),
        ("within the next few months", "by c. 10 September 2026"),
        ("over the next several years", "by c. 10 March 2035"),
        ("in the next few years", "by c. 10 March 2032"),
        ("in the coming months", "by c. 10 September 2026"),
        ("over the coming weeks", "by c. 21 April 2026"),
        ("in the coming days", "by c. 16 March 2026"),
        ("in the upcoming weeks", "by c. 21 April 2026"),
        ("within weeks", "by c. 21 April 2026"),
        ("within months", "by c. 10 September 2026"),
    ],
)
def test_vague_counts_read_against_the_reference(text: str, expected: str) -> None:
    w = When.parse(text, reference=REF)
    assert str(w) == expected
    assert When.parse(str(w)) == w  # what is shown reads back


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("in a few months", "is relative; pass reference="),
        ("in the coming months", "is relative; pass reference="),
        ("within a fortnight", "is relative; pass reference="),
    ],
)
def test_without_a_reference_they_are_refused(text: str, message: str) -> None:
    with pytest.raises(WhenParseError, match=message):
        When.parse(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("soon", "has no bounds"),
        ("in the near future", "has no bounds"),
        ("a few months later", "a time is read only as counted from the reference"),
        ("in three to two years", "counts down; write the smaller number first"),
        ("in several thousand years", "not a date"),
        ("in a few millennia", "not a date"),
    ],
)
def test_what_stays_refused(text: str, message: str) -> None:
    with pytest.raises(WhenParseError, match=message):
        When.parse(text, reference=REF)


def test_beyond_the_calendar_is_refused() -> None:
    with pytest.raises(WhenParseError, match="beyond year 9999"):
        When.parse("in several decades", reference=dt.date(9950, 1, 1))
    with pytest.raises(WhenParseError, match="beyond year 9999"):
        When.parse("within a few years", reference=dt.date(9997, 1, 1))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Acme will ship it in a few months.",
            [("in a few months", "c. May 2026 to c. September 2026")],
        ),
        ("The plant should open in a fortnight.", [("in a fortnight", "c. 24 March 2026")]),
        (
            "A ruling is expected within a few weeks.",
            [("within a few weeks", "by c. 21 April 2026")],
        ),
        # "in" is a filler here, as in "in the next 6 months"
        (
            "Details will follow in the coming months.",
            [("the coming months", "by c. 10 September 2026")],
        ),
        (
            "It plans to list in several years.",
            [("in several years", "c. March 2029 to c. March 2035")],
        ),
        ("Acme expects a deal in a couple of years.", [("in a couple of years", "c. March 2028")]),
        (
            "A decision is expected in 12 to 18 months.",
            [("in 12 to 18 months", "c. March 2027 to c. September 2027")],
        ),
        # a stretch of the past, or counted from some other event: no date
        ("It was the first cut in a few years.", []),
        ("Sales fell within weeks of the launch.", []),
        ("It was built over several years.", []),
        ("Prices rose in the coming months after the war.", []),
    ],
)
def test_found_in_running_text(text: str, found: list[tuple[str, str]]) -> None:
    assert [(m.text, str(m.when)) for m in find_dates(text, reference=REF)] == found


# The documented readings of each vague count, written out independently of the parser.
_COUNTS = {"a few": range(2, 7), "several": range(3, 10), "a couple of": range(2, 3)}
_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_DAYS = {"day": 1, "week": 7}


def _lands(ref: dt.date, n: int, unit: str) -> dt.date:
    day = pendulum.Date(ref.year, ref.month, ref.day)
    if unit in _MONTHS:
        return day.add(months=_MONTHS[unit] * n)
    return day.add(days=_DAYS[unit] * n)


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9000, 12, 31)),
    st.sampled_from(sorted(_COUNTS)),
    st.sampled_from(sorted({**_MONTHS, **_DAYS})),
    st.sampled_from(["in {}", "{} from now", "within {}", "over the next {}"]),
)
def test_the_value_holds_every_day_each_reading_lands_on(
    ref: dt.date, count: str, unit: str, form: str
) -> None:
    phrase = form.format(f"{count} {unit}s")
    w = When.parse(phrase, reference=ref)
    lo, hi = w.fuzzy_bounds()
    for n in _COUNTS[count]:
        lands = _lands(ref, n, unit)
        if form.startswith(("within", "over")):
            # a deadline: every day from the reference to where the count runs out
            assert lo is None or lo <= ref
            assert hi is not None and lands <= hi
            assert w.latest is not None and lands <= w.latest  # even read narrowly
        else:
            assert w.earliest is not None and w.latest is not None
            assert w.earliest <= lands <= w.latest
    sentence = f"Acme said it will ship {phrase}."
    assert [m.when for m in find_dates(sentence, reference=ref)] == [w]


@settings(max_examples=60, deadline=None)
@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9000, 12, 31)),
    st.sampled_from(["day", "week", "month", "year"]),
)
def test_the_coming_units_run_from_the_reference(ref: dt.date, unit: str) -> None:
    w = When.parse(f"in the coming {unit}s", reference=ref)
    assert w == When.parse(f"within a few {unit}s", reference=ref)
    assert w.earliest is None and w.latest is not None and w.latest >= _lands(ref, 6, unit)


@settings(max_examples=100, deadline=None)
@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(9000, 12, 31)),
    st.integers(min_value=1, max_value=30),
    st.integers(min_value=0, max_value=30),
    st.sampled_from(sorted({**_MONTHS, **_DAYS})),
    st.sampled_from(["in {}", "{} from now", "within {}"]),
    st.sampled_from([" to ", "-", " or "]),
)
def test_a_range_of_counts_holds_every_count_in_it(
    ref: dt.date, fewest: int, more: int, unit: str, form: str, joint: str
) -> None:
    most = fewest + more
    phrase = form.format(f"{fewest}{joint}{most} {unit}s")
    w = When.parse(phrase, reference=ref)
    for n in range(fewest, most + 1):
        lands = _lands(ref, n, unit)
        if form.startswith("within"):
            assert w.earliest is None and w.latest is not None and lands <= w.latest
        else:
            assert w.earliest is not None and w.latest is not None
            assert w.earliest <= lands <= w.latest
    if form.startswith("within"):  # stated: the deadline is where the most runs out
        assert w.latest == _lands(ref, most, unit) and not w.qualified
