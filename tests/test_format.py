"""`str(w)` / `to_text` and `to_edtf`: one canonical text per value, and round trips."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import whens
from timeline import Relation, When, WhenError
from timeline.dates._format import to_edtf, to_text
from timeline.dates._parse import parse, parse_edtf
from timeline.dates._parse_edtf import Fail, step

UTC8 = pendulum.FixedTimezone(8 * 3600)
APRIL = When.month(2026, 4)


class TestToText:
    @pytest.mark.parametrize(
        ("when", "text"),
        [
            (When.instant(pendulum.datetime(2026, 4, 15, 10, tz=UTC8)), "2026-04-15T10:00+08:00"),
            (When.instant(pendulum.datetime(2026, 4, 15, 10, 0, 5)), "2026-04-15T10:00:05Z"),
            (
                When.instant(dt.datetime(2026, 4, 15, 10, 0, 0, 250_000)),
                "2026-04-15T10:00:00.250000",
            ),
            (
                When.instant(pendulum.datetime(2026, 4, 15, 10, tz="Asia/Shanghai")),
                "2026-04-15T10:00+08:00[Asia/Shanghai]",
            ),
            (When.day(2026, 4, 15), "15 April 2026"),
            (When.week(2026, 15), "2026-W15"),
            (When.dekad(2026, 4, 1), "early April 2026"),
            (When.dekad(2026, 4, 2), "mid-April 2026"),
            (When.dekad(2026, 4, 3), "late April 2026"),
            (APRIL, "April 2026"),
            (When.season(2026, 21), "spring 2026"),
            (When.season(2026, 23), "autumn 2026"),
            (When.season(2026, 24), "winter 2026/27"),
            (When.season(1999, 24), "winter 1999/00"),
            (When.quarter(2026, 2), "Q2 2026"),
            (When.third(2024, 1), "early 2024"),
            (When.third(2024, 2), "mid-2024"),
            (When.third(2024, 3), "late 2024"),
            (When.half(2026, 1), "H1 2026"),
            (When.year(2026), "2026"),
            # years before 1000 keep four digits, as EDTF does
            (When.year(999), "0999"),
            (When.decade(2020), "the 2020s"),
            (When.century(2000), "the 21st century"),
            (When.century(1100), "the 12th century"),
            (When.from_edtf("202X"), "202X"),
            # qualifiers: "c." before, "?" after
            (APRIL.qualify(approximate=True), "c. April 2026"),
            (APRIL.qualify(uncertain=True), "April 2026?"),
            (APRIL.qualify(approximate=True, uncertain=True), "c. April 2026?"),
            # relations; a deadline on a year says "end of", as "by 2030" is ambiguous
            (When.year(2030).by(), "by end of 2030"),
            (When.decade(2020).by(), "by end of the 2020s"),
            (When.month(2025, 3).by(), "by March 2025"),
            (When.year(2030).qualify(approximate=True).by(), "by c. 2030"),
            (When.year(2030).before(), "before 2030"),
            (When.month(2025, 3).after(), "after March 2025"),
            # intervals: ends joined by "to"
            (When.interval(APRIL, When.month(2026, 6)), "April 2026 to June 2026"),
            # an open end is said in words around the other end
            (When.interval("open", APRIL), "until April 2026"),
            (When.interval(APRIL, "open"), "from April 2026 onwards"),
            (When.interval("open", APRIL.qualify(approximate=True)), "until c. April 2026"),
            (When.interval(APRIL.qualify(uncertain=True), "open"), "from April 2026? onwards"),
            # an unknown end is named, and says which end it is
            (When.interval("unknown", APRIL), "unknown start to April 2026"),
            (When.interval(APRIL, "unknown"), "April 2026 to unknown end"),
            # intervals with no date at all keep ".." for an open end
            (When.interval("open", "open"), ".. to .."),
            (When.interval("open", "unknown"), ".. to unknown end"),
            (When.interval("unknown", "open"), "unknown start to .."),
            (When.interval("unknown", "unknown"), "unknown start to unknown end"),
        ],
    )
    def test_canonical_text(self, when: When, text: str) -> None:
        assert to_text(when) == text
        assert str(when) == text
        assert parse(text) == when

    def test_repr_is_a_constructor_call(self) -> None:
        w = When.quarter(2026, 2).qualify(uncertain=True)
        assert repr(w) == "When.parse('Q2 2026?')"
        assert eval(repr(w)) == w


class TestToEdtf:
    @pytest.mark.parametrize(
        ("when", "edtf"),
        [
            (
                When.instant(pendulum.datetime(2026, 4, 15, 10, tz=UTC8)),
                "2026-04-15T10:00:00+08:00",
            ),
            (When.instant(pendulum.datetime(2026, 4, 15, 10)), "2026-04-15T10:00:00Z"),
            (When.instant(dt.datetime(2026, 4, 15, 10)), "2026-04-15T10:00:00"),
            (When.day(2026, 4, 15), "2026-04-15"),
            (When.week(2026, 15), "2026-W15"),
            (APRIL, "2026-04"),
            (When.season(2026, 24), "2026-24"),
            (When.quarter(2026, 2), "2026-34"),
            (When.third(2024, 3), "2024-39"),
            (When.half(2026, 2), "2026-41"),
            (When.year(2026), "2026"),
            (When.decade(2020), "202"),
            (When.century(2000), "20"),
            (When.from_edtf("2026-XX"), "2026-XX"),
            (APRIL.qualify(approximate=True), "2026-04~"),
            (APRIL.qualify(uncertain=True), "2026-04?"),
            (APRIL.qualify(approximate=True, uncertain=True), "2026-04%"),
            (When.year(2030).by(), "[..2030]"),
            # before X is "the unit before X, or earlier"; after X is "the unit after X, or later"
            (When.year(2030).before(), "[..2029]"),
            (When.month(2025, 3).after(), "[2025-04..]"),
            (When.season(2026, 21).before(), "[..2025-24]"),
            (When.season(2026, 24).after(), "[2027-21..]"),
            # after one year of the 2020s: after 2020 at the soonest (was "[203X..]")
            (When.from_edtf("202X").after(), "[2021..]"),
            (When.from_edtf("2026-XX-15").before(), "[..2026-12-14]"),
            # EDTF has no dekad: it is written as its days
            (When.dekad(2026, 4, 2), "2026-04-11/2026-04-20"),
            (When.dekad(2026, 4, 2).by(), "[..2026-04-20]"),
            (When.interval(APRIL, When.month(2026, 6)), "2026-04/2026-06"),
            (When.interval("open", APRIL), "../2026-04"),
            (When.interval(APRIL, "unknown"), "2026-04/"),
        ],
    )
    def test_edtf(self, when: When, edtf: str) -> None:
        assert to_edtf(when) == edtf
        assert when.to_edtf() == edtf


def edtf_normal_form(w: When) -> When:
    """What the EDTF path gives back: "before X" becomes "by X'", dekads become days."""
    if w.is_interval:
        ends = [w.lower, w.upper]
        for i, end in enumerate(ends):
            if isinstance(end, When) and end.precision.value == "dekad":
                day = end.start if i == 0 else end.end
                assert isinstance(day, dt.date)
                flags = {"approximate": end.approximate, "uncertain": end.uncertain}
                ends[i] = When.day(day.year, day.month, day.day).qualify(**flags)
        return When.interval(*ends)  # type: ignore[arg-type]
    if w.precision.value == "dekad" and w.relation is Relation.ON:
        assert isinstance(w.start, dt.date) and isinstance(w.end, dt.date)
        flags = {"approximate": w.approximate, "uncertain": w.uncertain}
        first, last = w.start, w.end
        return When.interval(
            When.day(first.year, first.month, first.day).qualify(**flags),
            When.day(last.year, last.month, last.day).qualify(**flags),
        )
    if w.precision.value == "dekad" and w.relation is not Relation.ON:
        day = w.start if w.relation in (Relation.BEFORE, Relation.NOT_BEFORE) else w.end
        assert isinstance(day, dt.date)
        base = When.day(day.year, day.month, day.day)
        base = base.qualify(approximate=w.approximate, uncertain=w.uncertain)
        w = {
            Relation.BY: base.by,
            Relation.BEFORE: base.before,
            Relation.AFTER: base.after,
            Relation.NOT_AFTER: base.not_after,
            Relation.NOT_BEFORE: base.not_before,
        }[w.relation]()
    plain = When(w.start, w.end, w.precision, w.approximate, w.uncertain, unspecified=w.unspecified)
    # EDTF's "[X..]" is "X or later": after X reads back as no earlier than the unit
    # after X (issue 11 §2 keeps "no earlier than" as said); "[..X]" reads as by X.
    # A value with no neighbour of its shape (001X: 000X would hold year 0) is
    # written against the day beside it.
    if w.relation in (Relation.BEFORE, Relation.AFTER):
        before = w.relation is Relation.BEFORE
        if w.unspecified is not None:
            # unspecified digits are one unit they allow: after the first, before the last
            at = w.end if before else w.start
            assert isinstance(at, dt.date)
            build = {
                "year": lambda: When.year(at.year),
                "month": lambda: When.month(at.year, at.month),
                "day": lambda: When.day(at.year, at.month, at.day),
            }[w.precision.value]
            plain = build().qualify(approximate=w.approximate, uncertain=w.uncertain)
        try:
            unit = step(plain, -1 if before else 1)
        except Fail:
            day = w.latest if before else w.earliest
            assert isinstance(day, dt.date)
            unit = When.day(day.year, day.month, day.day).qualify(
                approximate=w.approximate, uncertain=w.uncertain
            )
        return unit.by() if before else unit.not_before()
    if w.relation is Relation.NOT_AFTER:
        return plain.by()
    return w


class TestRoundTrips:
    @settings(max_examples=400, deadline=None)
    @given(whens())
    def test_text_round_trip(self, w: When) -> None:
        text = to_text(w)
        back = parse(text)
        assert back == w
        assert to_text(back) == text  # offsets and zones survive, not only the instant

    @settings(max_examples=400, deadline=None)
    @given(whens())
    def test_edtf_round_trip(self, w: When) -> None:
        edtf = to_edtf(w)
        back = parse_edtf(edtf)
        kept = (Relation.ON, Relation.BY, Relation.NOT_BEFORE)
        if w.precision.value != "dekad" and not w.is_interval and w.relation in kept:
            assert back == w
        assert back == edtf_normal_form(w)
        assert (back.earliest, back.latest) == (w.earliest, w.latest)
        assert to_edtf(back) == edtf


# -- a relation to a dekad, in EDTF -------------------------------------------------------------
#
# EDTF has no dekad, so a relation to one is written against its days. "no later than
# mid-April 2026" was written "[2026-04-21..]" (on or after 21 April: the opposite), and "no
# earlier than mid-April 2026" "[2026-04-21..]" (ten days late).


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("no later than mid-April 2026", "[..2026-04-20]"),  # was [2026-04-21..]
        ("no earlier than mid-April 2026", "[2026-04-11..]"),  # was [2026-04-21..]
        ("no later than late February 2024", "[..2024-02-29]"),
        ("no earlier than early March 2026", "[2026-03-01..]"),
        ("by mid-April 2026", "[..2026-04-20]"),
        ("before mid-April 2026", "[..2026-04-10]"),
        ("after mid-April 2026", "[2026-04-21..]"),
    ],
)
def test_a_relation_to_a_dekad_in_edtf(text: str, edtf: str) -> None:
    w = When.parse(text)
    assert to_edtf(w) == edtf
    back = parse_edtf(edtf)
    assert (back.earliest, back.latest) == (w.earliest, w.latest)


@settings(max_examples=150, deadline=None)
@given(
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.integers(1, 3),
    st.sampled_from(["by", "before", "after", "not_before", "not_after"]),
    st.booleans(),
    st.booleans(),
)
def test_a_relation_to_a_dekad_keeps_its_bounds_in_edtf(
    day: dt.date, n: int, relation: str, approximate: bool, uncertain: bool
) -> None:
    dekad = When.dekad(day.year, day.month, n).qualify(approximate=approximate, uncertain=uncertain)
    try:
        w = getattr(dekad, relation)()
        edtf = to_edtf(w)
    except WhenError:
        return  # before 0001 or after 9999: no EDTF, said so
    back = parse_edtf(edtf)
    assert (back.earliest, back.latest) == (w.earliest, w.latest)
    assert back == edtf_normal_form(w)
