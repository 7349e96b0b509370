"""Dates at the edges (issue 11 §2-§3, issue 17 §4): the phrases analysts write, EDTF level 2.

Each form: what it reads as (bounds), its text (`str`), its EDTF, and the round
trips (`parse(str(w)) == w`, `from_edtf(to_edtf(w)) == w` where EDTF has it).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from strategies import calendar_whens, instants, single_whens
from timeline import Relation, When, WhenParseError, find_dates
from timeline.dates._fiscal import Fiscal

D = dt.date
P = When.parse


class TestRelationsKeptAsSaid:
    @pytest.mark.parametrize(
        ("text", "earliest", "latest", "said", "edtf"),
        [
            ("NET March 2026", D(2026, 3, 1), None, "no earlier than March 2026", "[2026-03..]"),
            ("net March 2026", D(2026, 3, 1), None, "no earlier than March 2026", "[2026-03..]"),
            (
                "no earlier than March 2026",
                D(2026, 3, 1),
                None,
                "no earlier than March 2026",
                "[2026-03..]",
            ),
            ("not before Q2 2026", D(2026, 4, 1), None, "no earlier than Q2 2026", "[2026-34..]"),
            ("2026 or later", D(2026, 1, 1), None, "no earlier than 2026", "[2026..]"),
            (
                "no later than March 2026",
                None,
                D(2026, 3, 31),
                "no later than March 2026",
                "[..2026-03]",
            ),
            ("not later than 2030", None, D(2030, 12, 31), "no later than 2030", "[..2030]"),
            # "by" keeps its own words
            ("by March 2026", None, D(2026, 3, 31), "by March 2026", "[..2026-03]"),
        ],
    )
    def test_table(
        self, text: str, earliest: D | None, latest: D | None, said: str, edtf: str
    ) -> None:
        w = P(text)
        assert (w.earliest, w.latest) == (earliest, latest)
        assert str(w) == said
        assert w.to_edtf() == edtf
        assert P(str(w)) == w

    def test_edtf_or_later_is_no_earlier_than(self) -> None:
        assert When.from_edtf("[2026-03..]") == When.month(2026, 3).not_before()
        assert When.month(2026, 3).not_before().relation is Relation.NOT_BEFORE


class TestShortHalvesAndQuarters:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2H25", When.half(2025, 2)),
            ("1H 2026", When.half(2026, 1)),
            ("H2'25", When.half(2025, 2)),
            ("H2 '25", When.half(2025, 2)),
            ("2H 2025", When.half(2025, 2)),
            ("1h26", When.half(2026, 1)),
            ("3Q25", When.quarter(2025, 3)),
            ("Q3'25", When.quarter(2025, 3)),
        ],
    )
    def test_read(self, text: str, expected: When) -> None:
        assert P(text) == expected

    def test_written_in_the_long_form(self) -> None:
        assert str(P("2H25")) == "H2 2025"


class TestAlternatives:
    @pytest.mark.parametrize(
        ("text", "said", "edtf", "earliest", "latest"),
        [
            ("Q3 or Q4 2025", "Q3 or Q4 2025", "[2025-35,2025-36]", D(2025, 7, 1), D(2025, 12, 31)),
            (
                "April or May 2026",
                "April or May 2026",
                "[2026-04,2026-05]",
                D(2026, 4, 1),
                D(2026, 5, 31),
            ),
            ("2026 or 2027", "2026 or 2027", "[2026,2027]", D(2026, 1, 1), D(2027, 12, 31)),
            (
                "Q1, Q2 or Q3 2025",
                "Q1, Q2 or Q3 2025",
                "[2025-33,2025-34,2025-35]",
                D(2025, 1, 1),
                D(2025, 9, 30),
            ),
            # the comma belongs to the date, not to a list
            (
                "April 15, 2026 or April 16, 2026",
                "15 April 2026 or 16 April 2026",
                "[2026-04-15,2026-04-16]",
                D(2026, 4, 15),
                D(2026, 4, 16),
            ),
            # different years are written out
            (
                "December 2025 or January 2026",
                "December 2025 or January 2026",
                "[2025-12,2026-01]",
                D(2025, 12, 1),
                D(2026, 1, 31),
            ),
        ],
    )
    def test_table(self, text: str, said: str, edtf: str, earliest: D, latest: D) -> None:
        w = P(text)
        assert (str(w), w.to_edtf(), w.earliest, w.latest) == (said, edtf, earliest, latest)
        assert P(said) == w
        assert When.from_edtf(edtf) == w

    def test_alternatives_could_be_either(self) -> None:
        w = P("Q3 or Q4 2025")
        assert w.overlaps(When.quarter(2025, 3)) and w.overlaps(When.quarter(2025, 4))
        assert not w.contains(When.quarter(2025, 4).qualify(approximate=True))

    # A qualifier said of the alternatives applies to each of them: "c. Q3 or Q4 2025" is
    # one of c. Q3 2025 and c. Q4 2025 (the EDTF set [2025-35~,2025-36~]). The plain bounds
    # stay the hull of the members; the fuzzy bounds are the hull of theirs.
    @pytest.mark.parametrize(
        ("text", "said", "edtf", "fuzzy"),
        [
            (
                "c. Q3 or Q4 2025",
                "c. Q3 or Q4 2025",
                "[2025-35~,2025-36~]",
                "2025-04-01/2026-03-31",
            ),
            (
                "circa Q3 or Q4 2025",
                "c. Q3 or Q4 2025",
                "[2025-35~,2025-36~]",
                "2025-04-01/2026-03-31",
            ),
            (
                "Around Q3 or Q4 2025",
                "c. Q3 or Q4 2025",
                "[2025-35~,2025-36~]",
                "2025-04-01/2026-03-31",
            ),
            (
                "about April or May 2026",
                "c. April or May 2026",
                "[2026-04~,2026-05~]",
                "2026-03-01/2026-06-30",
            ),
            (
                "approximately 2026 or 2027",
                "c. 2026 or 2027",
                "[2026~,2027~]",
                "2025-01-01/2028-12-31",
            ),
            ("~2026 or 2027", "c. 2026 or 2027", "[2026~,2027~]", "2025-01-01/2028-12-31"),
            ("2026 or 2027~", "c. 2026 or 2027", "[2026~,2027~]", "2025-01-01/2028-12-31"),
            (
                "Q3 or Q4 2025 or so",
                "c. Q3 or Q4 2025",
                "[2025-35~,2025-36~]",
                "2025-04-01/2026-03-31",
            ),
            (
                "roughly Q1, Q2 or Q3 2025",
                "c. Q1, Q2 or Q3 2025",
                "[2025-33~,2025-34~,2025-35~]",
                "2024-10-01/2025-12-31",
            ),
            (
                "c. H1 or H2 2026",
                "c. H1 or H2 2026",
                "[2026-40~,2026-41~]",
                "2025-07-01/2027-06-30",
            ),
            (
                "c. spring or summer 2026",
                "c. spring 2026 or summer 2026",
                "[2026-21~,2026-22~]",
                "2025-12-01/2026-11-30",
            ),
            (
                "c. early 2025 or mid-2025",
                "c. early 2025 or mid-2025",
                "[2025-37~,2025-38~]",
                "2024-09-01/2025-12-31",
            ),
            (
                "c. 15 April 2026 or 16 April 2026",
                "c. 15 April 2026 or 16 April 2026",
                "[2026-04-15~,2026-04-16~]",
                "2026-04-14/2026-04-17",
            ),
            (
                "c. the 2020s or the 2030s",
                "c. the 2020s or the 2030s",
                "[202~,203~]",
                "2010-01-01/2049-12-31",
            ),
            (
                "c. December 2025 or January 2026",
                "c. December 2025 or January 2026",
                "[2025-12~,2026-01~]",
                "2025-11-01/2026-02-28",
            ),
            # uncertain the same way, and both
            (
                "maybe Q3 or Q4 2025",
                "Q3 or Q4 2025?",
                "[2025-35?,2025-36?]",
                "2025-04-01/2026-03-31",
            ),
            ("Q3 or Q4 2025?", "Q3 or Q4 2025?", "[2025-35?,2025-36?]", "2025-04-01/2026-03-31"),
            (
                "c. Q3 or Q4 2025?",
                "c. Q3 or Q4 2025?",
                "[2025-35%,2025-36%]",
                "2025-01-01/2026-06-30",
            ),
            # a qualifier written on each alternative says the same
            (
                "c. Q3 2025 or c. Q4 2025",
                "c. Q3 or Q4 2025",
                "[2025-35~,2025-36~]",
                "2025-04-01/2026-03-31",
            ),
            (
                "c. Q3 or c. Q4 2025",
                "c. Q3 or Q4 2025",
                "[2025-35~,2025-36~]",
                "2025-04-01/2026-03-31",
            ),
            # once any alternative carries its own, each qualifier belongs to the one it is on
            (
                "Q3 2025 or c. Q4 2025",
                "Q3 2025 or c. Q4 2025",
                "[2025-35,2025-36~]",
                "2025-07-01/2026-03-31",
            ),
            (
                "c. Q3 2025? or Q4 2025",
                "c. Q3 2025? or Q4 2025",
                "[2025-35%,2025-36]",
                "2025-01-01/2026-03-31",
            ),
            (
                "c. Q3 2025 or Q4 2025? or Q1 2026",
                "c. Q3 2025, Q4 2025? or Q1 2026",
                "[2025-35~,2025-36?,2026-33]",
                "2025-04-01/2026-03-31",
            ),
        ],
    )
    def test_a_qualifier_on_the_alternatives(
        self, text: str, said: str, edtf: str, fuzzy: str
    ) -> None:
        w = P(text)
        lo, hi = w.fuzzy_bounds()
        assert (str(w), w.to_edtf(), f"{lo}/{hi}") == (said, edtf, fuzzy)
        assert w.qualified
        plain = When.from_edtf(edtf.replace("~", "").replace("?", "").replace("%", ""))
        assert (w.earliest, w.latest) == (plain.earliest, plain.latest)
        assert P(said) == w
        assert When.from_edtf(edtf) == w

    def test_a_qualifier_on_yearless_alternatives(self) -> None:
        w = P("c. April or May", reference=D(2026, 3, 28))
        assert w == P("c. April or May 2026") and w.to_edtf() == "[2026-04~,2026-05~]"

    # Every qualified set's text reads back as the same set (the formatter writes EDTF only
    # when words would be read otherwise: a qualifier on the first or last alternative alone).
    @pytest.mark.parametrize(
        ("edtf", "said"),
        [
            ("[2025-35~,2025-36~]", "c. Q3 or Q4 2025"),
            ("[2025-35~,2025-36]", "Q3 2025~ or Q4 2025"),
            ("[2025-35,2025-36?]", "Q3 2025 or maybe Q4 2025"),
            ("[2025-35~,2025-36?]", "Q3 2025~ or maybe Q4 2025"),
            ("[190~,1928]", "the decade 1900\u20131909~ or 1928"),
            ("[2025-35?,2025-36]", "Q3 2025? or Q4 2025"),
            ("[2025-35,2025-36~]", "Q3 2025 or c. Q4 2025"),
            ("[2025-35~,2025-36~,2026-33]", "c. Q3 2025, c. Q4 2025 or Q1 2026"),
            ("[2025-35,2025-36~,2026-33~]", "Q3 2025, c. Q4 2025 or c. Q1 2026"),
            ("[2025-35?,2025-36,2026-33?]", "Q3 2025?, Q4 2025 or Q1 2026?"),
            ("[2025-33,2025-34~,2025-35]", "Q1 2025, c. Q2 2025 or Q3 2025"),
            ("[2025-35%,2025-36%]", "c. Q3 or Q4 2025?"),
            ("[2025~,2026~]", "c. 2025 or 2026"),
            ("[2025-04~,2025-05~,2025-06~]", "c. April, May or June 2025"),
            ("[2025-04-01~,2025-04-03~]", "c. 1 April 2025 or 3 April 2025"),
            ("[2025-21~,2025-22~]", "c. spring 2025 or summer 2025"),
        ],
    )
    def test_qualified_sets_read_back_from_their_text(self, edtf: str, said: str) -> None:
        w = When.from_edtf(edtf)
        assert str(w) == said
        assert P(said) == w

    @pytest.mark.parametrize(
        ("text", "says"),
        [
            ("by Q3 or Q4 2025", "by/before/after apply to one date.*'by Q4 2025'"),
            ("Q3 or Q4 2025 or later", "by/before/after apply to one date"),
            ("before 2026 or 2027", "by/before/after apply to one date"),
            ("mid-April 2026 or late April 2026", "no EDTF value to be one of a set"),
            ("c. mid-April 2026 or late April 2026", "no EDTF value to be one of a set"),
            ("early 2020s or late 2020s", "no EDTF value to be one of a set"),
        ],
    )
    def test_refused(self, text: str, says: str) -> None:
        with pytest.raises(WhenParseError, match=says):
            P(text)

    def test_or_later_is_not_an_alternative(self) -> None:
        assert P("2026 or later").relation is Relation.NOT_BEFORE


_APPROXIMATELY = ["c. ", "circa ", "ca. ", "about ", "around ", "approximately ", "approx. ",
                  "roughly ", "sometime around ", "~", "~ "]  # fmt: skip
_OR_SO = [" or so", "~"]


class TestQualifiedAlternativesProperty:
    # For every alternative the parser reads, the approximate version (any word the single
    # form takes, before or after) parses, is approximate in every alternative, keeps the
    # plain bounds, and its fuzzy bounds contain the plain one's.
    @settings(max_examples=150, deadline=None)
    @given(
        st.lists(st.one_of(calendar_whens(1900, 2100), instants()), min_size=2, max_size=3),
        st.sampled_from(_APPROXIMATELY + _OR_SO),
        st.booleans(),
    )
    def test_a_qualified_alternative_is_approximate_and_wider(
        self, values: list[When], word: str, compact: bool
    ) -> None:
        from timeline.dates._edtf_level2 import set_members

        text = ", ".join(str(w) for w in values[:-1]) + " or " + str(values[-1])
        try:
            plain = P(text)
        except WhenParseError:
            return  # relations on a member, values of no EDTF unit: refused with a reason
        base = str(plain) if compact else text  # "Q3 or Q4 2025" and "Q3 2025 or Q4 2025"
        said = word + base if word in _APPROXIMATELY else base + word
        w = P(said)
        assert w.qualified
        assert plain.form is not None and w.form is not None
        members = set_members(w.form)
        assert all(m.approximate for m in members)
        assert [m.qualify() for m in members] == list(set_members(plain.form))
        assert (w.earliest, w.latest) == (plain.earliest, plain.latest)
        lo, hi = w.fuzzy_bounds()
        plain_lo, plain_hi = plain.fuzzy_bounds()
        assert lo is not None and hi is not None and plain_lo is not None and plain_hi is not None
        assert _day(lo) <= _day(plain_lo) and _day(hi) >= _day(plain_hi)
        assert P(str(w)) == w
        assert When.from_edtf(w.to_edtf()) == w

    @settings(max_examples=150, deadline=None)
    @given(
        st.lists(single_whens(1900, 2100), min_size=2, max_size=3),
        st.lists(st.sampled_from([(False, False), (True, False), (False, True), (True, True)])),
    )
    def test_any_qualified_set_reads_back_from_its_text(
        self, values: list[When], flags: list[tuple[bool, bool]]
    ) -> None:
        text = ", ".join(str(w) for w in values[:-1]) + " or " + str(values[-1])
        try:
            plain = P(text)
        except WhenParseError:
            return
        assert plain.form is not None
        items = plain.form[1:-1].split(",")
        marks = {(False, False): "", (True, False): "~", (False, True): "?", (True, True): "%"}
        qualified = [
            item.rstrip("~?%") + marks[flags[i] if i < len(flags) else (False, False)]
            for i, item in enumerate(items)
        ]
        try:
            w = When.from_edtf("[" + ",".join(qualified) + "]")
        except WhenParseError:
            return  # a qualifier EDTF has no place for (an instant's)
        assert P(str(w)) == w


def _day(point: object) -> D:
    return point.date() if isinstance(point, dt.datetime) else point  # type: ignore[return-value]


class TestYearPairs:
    @pytest.mark.parametrize("text", ["2025/26", "2025-26", "2025 / 26", "2099/00"])
    def test_two_years(self, text: str) -> None:
        w = P(text)
        first = int(text[:4])
        assert w == When.interval(When.year(first), When.year(first + 1))
        assert str(w) == f"{first} to {first + 1}"

    def test_a_fiscal_year_applies(self) -> None:
        w = P("2025/26", fiscal_year_start=4)
        assert (w.earliest, w.latest) == (D(2025, 4, 1), D(2026, 3, 31))

    def test_not_consecutive_is_not_a_pair(self) -> None:
        with pytest.raises(WhenParseError, match="ambiguous") as err:
            P("2024-26")
        assert err.value.suggestion == "2024 to 2026"
        # EDTF reads it strictly: northern summer 2024
        assert str(When.from_edtf("2024-26")) == "northern summer 2024"

    # Inside a phrase the pair is read as it is alone: "by 2026-27" was "by northern
    # autumn 2026", "in 2020-21" spring 2020.
    @pytest.mark.parametrize("word", ["in", "c.", "around", "during"])
    @pytest.mark.parametrize("text", ["2026-27", "2020-21", "2025/26", "2099-00", "2026 - 27"])
    def test_a_pair_in_a_phrase_is_two_years(self, word: str, text: str) -> None:
        alone = P(text)
        w = P(f"{word} {text}")
        assert (w.earliest, w.latest) == (alone.earliest, alone.latest)
        assert "autumn" not in str(w) and "spring" not in str(w)

    # A relation to the pair is one to the span of the two years: "by 2026-27" was "by
    # northern autumn 2026" (30 November 2026), a year and a month too early.
    @pytest.mark.parametrize(
        ("word", "earliest", "latest"),
        [
            ("by", None, D(2027, 12, 31)),
            ("until", None, D(2027, 12, 31)),
            ("no later than", None, D(2027, 12, 31)),
            ("before", None, D(2025, 12, 31)),
            ("after", D(2028, 1, 1), None),
        ],
    )
    @pytest.mark.parametrize("text", ["2026-27", "2026/27", "2026 - 27"])
    def test_a_relation_to_a_pair_is_to_the_two_years(
        self, word: str, earliest: D | None, latest: D | None, text: str
    ) -> None:
        w = P(f"{word} {text}")
        assert (w.earliest, w.latest) == (earliest, latest)
        assert P(str(w)) == w

    def test_a_relation_to_a_fiscal_pair_is_to_the_fiscal_year(self) -> None:
        w = P("by 2026-27", fiscal_year_start=4)
        assert (w.earliest, w.latest) == (None, D(2027, 3, 31))

    @pytest.mark.parametrize("word", ["by", "in", "after"])
    def test_a_season_code_in_a_phrase_is_ambiguous_as_alone(self, word: str) -> None:
        with pytest.raises(WhenParseError, match="ambiguous"):
            P(f"{word} 2026-28")


class TestDecadeThirds:
    @pytest.mark.parametrize(
        ("text", "first", "last", "said"),
        [
            ("early 2020s", 2020, 2023, "early 2020s"),
            ("mid-2020s", 2024, 2026, "mid-2020s"),
            ("mid 2020s", 2024, 2026, "mid-2020s"),
            ("late 2020s", 2027, 2029, "late 2020s"),
            ("the early 2030s", 2030, 2033, "early 2030s"),
            ("the late 1990s", 1997, 1999, "late 1990s"),
        ],
    )
    def test_table(self, text: str, first: int, last: int, said: str) -> None:
        w = P(text)
        assert (w.earliest, w.latest) == (D(first, 1, 1), D(last, 12, 31))
        assert str(w) == said and P(said) == w
        assert w.precision.value == "decade"

    def test_edtf_keeps_the_years(self) -> None:
        w = P("mid-2020s")
        back = When.from_edtf(w.to_edtf())
        assert (back.earliest, back.latest) == (w.earliest, w.latest)

    def test_after_a_third(self) -> None:
        assert P("after early 2020s").earliest == D(2024, 1, 1)
        assert P("before late 2020s").latest == D(2026, 12, 31)


class TestUndated:
    @pytest.mark.parametrize(
        "text",
        [
            "TBD",
            "TBA",
            "tbc",
            "to be announced",
            "To be determined",
            "unknown",
            "date not announced",
            # in brackets, and "date TBC" as "date TBD" (were refused)
            "(TBD)",
            "[TBA]",
            "date TBC",
            "(date to be confirmed)",
        ],
    )
    def test_phrases(self, text: str) -> None:
        w = P(text)
        assert w.is_undated and w == When.undated()
        assert (w.earliest, w.latest) == (None, None)
        assert str(w) == "date not announced"

    def test_sorts_last(self) -> None:
        values = [When.undated(), When.interval("open", When.year(2030)), When.year(9999)]
        values.append(When.interval(When.year(2020), "open"))
        assert sorted(values)[-1] == When.undated()

    def test_has_no_edtf_and_takes_no_qualifier_or_relation(self) -> None:
        with pytest.raises(ValueError, match="no EDTF form"):
            When.undated().to_edtf()
        with pytest.raises(ValueError, match="undated"):
            When.undated().by()
        with pytest.raises(ValueError, match="undated"):
            When.undated().qualify(approximate=True)

    def test_unknown_end_of_an_interval_is_still_an_end(self) -> None:
        assert P("unknown start to June 2026").is_interval


class TestAlternativesInOrder:
    @pytest.mark.parametrize(
        ("text", "suggestion"),
        [
            # a part without its year is read in the last one's year, and was then after it:
            # "Q4 or Q1 2027" was Q4 2027 or Q1 2027; which year is meant is not guessed
            ("Q4 or Q1 2027", "Q4 2026 or Q1 2027"),
            ("December or January 2027", "December 2026 or January 2027"),
            ("November, December or January 2027", "November 2026, December 2026 or January 2027"),
            ("December or January", "December 2025 or January 2026"),  # said in March 2026
            ("December 2026 or January", "December 2026 or January 2027"),
        ],
    )
    def test_a_part_read_out_of_order_is_refused_with_the_fix(
        self, text: str, suggestion: str
    ) -> None:
        with pytest.raises(WhenParseError, match="in the order written") as err:
            P(text, reference="2026-03-28")
        assert err.value.suggestion == suggestion
        assert P(suggestion) == P(suggestion, reference="2026-03-28")

    def test_a_set_out_of_order_is_written_with_each_year(self) -> None:
        w = When.from_edtf("[2027-36,2027-33]")
        assert str(w) == "Q4 2027 or Q1 2027" and P(str(w)) == w

    @pytest.mark.parametrize("text", ["Q1 or Q4 2027", "2027 or 2026", "Q3 or Q4", "April or May"])
    def test_in_order_or_with_their_years(self, text: str) -> None:
        assert P(text, reference="2026-03-28").form is not None


FY27 = "FY2027 (July 2025–June 2027)"
FY28 = "FY2028 (July 2025–June 2028)"


class TestFiscalYears:
    @pytest.mark.parametrize(
        ("text", "start", "named_by", "first", "last"),
        [
            # Microsoft: FY2025 = July 2024 - June 2025
            ("FY2025", 7, "end", D(2024, 7, 1), D(2025, 6, 30)),
            ("FY25", "July", "end", D(2024, 7, 1), D(2025, 6, 30)),
            ("fiscal 2025", 7, "end", D(2024, 7, 1), D(2025, 6, 30)),
            ("fiscal year 2025", 7, "end", D(2024, 7, 1), D(2025, 6, 30)),
            ("FY 2025", "jul", "end", D(2024, 7, 1), D(2025, 6, 30)),
            ("Q3 FY2025", 7, "end", D(2025, 1, 1), D(2025, 3, 31)),
            ("FY2025 Q3", 7, "end", D(2025, 1, 1), D(2025, 3, 31)),
            ("H1 FY26", 7, "end", D(2025, 7, 1), D(2025, 12, 31)),
            # Apple (October), Nvidia (February): quarters off the calendar's
            ("Q1 FY2025", 10, "end", D(2024, 10, 1), D(2024, 12, 31)),
            ("Q1 FY2025", 2, "end", D(2024, 2, 1), D(2024, 4, 30)),
            # the Japanese and Indian convention: named by the year it starts in
            ("FY2025", 4, "start", D(2025, 4, 1), D(2026, 3, 31)),
            ("FY 2025-26", 4, "end", D(2025, 4, 1), D(2026, 3, 31)),
            ("FY 2025-26", 4, "start", D(2025, 4, 1), D(2026, 3, 31)),
            # a fiscal year that is the calendar year
            ("FY2025", 1, "end", D(2025, 1, 1), D(2025, 12, 31)),
        ],
    )
    def test_table(self, text: str, start: int | str, named_by: str, first: D, last: D) -> None:
        w = P(text, fiscal_year_start=start, fiscal_year_named_by=named_by)  # type: ignore[arg-type]
        assert (w.earliest, w.latest) == (first, last)
        assert P(str(w)) == w  # written in fiscal terms, read back without the fiscal year

    @pytest.mark.parametrize(
        "text",
        [
            # every spelling of a quarter the calendar phrases read, said of a fiscal year
            "Q3 FY2026",
            "3Q FY26",
            "3QFY26",
            "Q3FY26",
            "Q3 of FY2026",
            "FY26 3Q",
            "the third quarter of fiscal 2026",
            "third quarter of fiscal year 2026",
            "3rd quarter of FY2026",
            "fiscal Q3 2026",
            "fiscal third quarter 2026",
            "fiscal 3Q 2026",
        ],
    )
    def test_any_spelling_of_a_fiscal_quarter(self, text: str) -> None:
        # Nvidia (February): its third quarter of fiscal 2026 is August to October 2025
        w = P(text, fiscal_year_start=2)
        assert (w.earliest, w.latest) == (D(2025, 8, 1), D(2025, 10, 31))

    @pytest.mark.parametrize(
        "text",
        ["H2 FY26", "2H FY26", "2HFY26", "FY26 2H", "second half of fiscal 2026", "fiscal H2 2026"],
    )
    def test_any_spelling_of_a_fiscal_half(self, text: str) -> None:
        w = P(text, fiscal_year_start=7)  # Microsoft: H2 FY26 is January to June 2026
        assert attrs.evolve(w, fiscal=None) == When.half(2026, 1)
        assert str(w) == "H2 FY2026 (January–June 2026)"  # as said, not "H1 2026"

    @pytest.mark.parametrize(
        ("text", "earliest", "latest", "said"),
        [
            # a fiscal period is one date to by/before/after: the end it reaches (these were
            # refused as "not to an interval"); Microsoft's FY2027 is July 2026 to June 2027
            # (shown in fiscal terms, the calendar months in brackets)
            ("by FY2027", None, D(2027, 6, 30), "by FY2027 (by end of June 2027)"),
            ("by the end of FY2027", None, D(2027, 6, 30), "by FY2027 (by end of June 2027)"),
            (
                "no later than fiscal 2027",
                None,
                D(2027, 6, 30),
                "no later than FY2027 (by end of June 2027)",
            ),
            ("before FY2027", None, D(2026, 6, 30), "before FY2027 (before July 2026)"),
            ("after FY2027", D(2027, 7, 1), None, "after FY2027 (after June 2027)"),
            ("not before FY2027", D(2026, 7, 1), None, "no earlier than FY2027 (from July 2026)"),
            ("FY2027 or later", D(2026, 7, 1), None, "no earlier than FY2027 (from July 2026)"),
            ("by Q3 FY2027", None, D(2027, 3, 31), "by Q3 FY2027 (by end of March 2027)"),
            # a qualifier is said of the whole span: each end (it leaked an internal error)
            ("c. FY2027", D(2026, 7, 1), D(2027, 6, 30), "c. FY2027 (July 2026–June 2027)"),
            ("FY2027?", D(2026, 7, 1), D(2027, 6, 30), "FY2027? (July 2026–June 2027)"),
            # an interval between fiscal periods runs from the first's start to the last's end
            ("FY2026 to FY2027", D(2025, 7, 1), D(2027, 6, 30), f"FY2026 to {FY27}"),
            ("FY2026-FY2028", D(2025, 7, 1), D(2028, 6, 30), f"FY2026 to {FY28}"),
            (
                "Q4 FY2026 to Q1 FY2027",
                D(2026, 4, 1),
                D(2026, 9, 30),
                "Q4 FY2026 to Q1 FY2027 (April–September 2026)",
            ),
            ("FY2027 onwards", D(2026, 7, 1), None, "from FY2027 onwards (from July 2026)"),
            # years further apart than one fiscal year: a range of them (it was refused)
            ("FY2026-2028", D(2025, 7, 1), D(2028, 6, 30), f"FY2026 to {FY28}"),
            ("FY2026\u201328", D(2025, 7, 1), D(2028, 6, 30), f"FY2026 to {FY28}"),
            ("until FY2027", None, D(2027, 6, 30), "until FY2027 (until June 2027)"),
        ],
    )
    def test_relations_qualifiers_and_intervals_of_fiscal_periods(
        self, text: str, earliest: D | None, latest: D | None, said: str
    ) -> None:
        w = P(text, fiscal_year_start=7)
        assert (w.earliest, w.latest, str(w)) == (earliest, latest, said)
        assert P(str(w)) == w

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a part without its year takes the fiscal year of the last one, not its calendar
            # year ("H1-H2 FY26" was H1 2026 to H1 2026; "Q3-Q4 FY2027" was refused with
            # calendar quarters as the fix; "Q3 or Q4 FY2027" was Q3 2027 or Q2 2027)
            ("H1-H2 FY26", When.interval(When.half(2025, 2), When.half(2026, 1))),
            ("Q3-Q4 FY2027", When.interval(When.quarter(2027, 1), When.quarter(2027, 2))),
            ("Q3 to Q4 of FY2027", When.interval(When.quarter(2027, 1), When.quarter(2027, 2))),
            ("Q3 or Q4 FY2027", P("Q1 or Q2 2027")),
            ("Q2, Q3 or Q4 FY2027", P("Q4 2026, Q1 2027 or Q2 2027")),
            ("c. Q3 or Q4 FY2027", P("c. Q1 or Q2 2027")),
        ],
    )
    def test_parts_share_the_fiscal_year(self, text: str, expected: When) -> None:
        w = P(text, fiscal_year_start=7)
        assert attrs.evolve(w, fiscal=None) == expected and w.fiscal == Fiscal(7)

    def test_alternative_fiscal_years_off_the_calendar_are_refused_with_the_reason(self) -> None:
        # a fiscal year from July is a span of months, which no EDTF set can hold
        with pytest.raises(WhenParseError, match="one of several dates") as err:
            P("FY2026 or FY2027", fiscal_year_start=7)
        assert "unknown word" not in str(err.value)
        w = P("FY2026 or FY2027", fiscal_year_start=1)
        assert attrs.evolve(w, fiscal=None) == P("2026 or 2027")

    @pytest.mark.parametrize("text", ["FY2026 Q5", "Q5 FY2026", "FY2026 or FY2027"])
    def test_fiscal_words_are_known_words(self, text: str) -> None:
        with pytest.raises(WhenParseError) as err:
            P(text)
        assert "unknown word" not in str(err.value)

    @pytest.mark.parametrize(
        ("text", "named_by", "first", "last"),
        [
            # said on 28 March 2026; Microsoft (July, named by the end): FY2026
            ("this fiscal year", "end", D(2025, 7, 1), D(2026, 6, 30)),
            ("the current fiscal year", "end", D(2025, 7, 1), D(2026, 6, 30)),
            ("next fiscal year", "end", D(2026, 7, 1), D(2027, 6, 30)),
            ("last fiscal year", "end", D(2024, 7, 1), D(2025, 6, 30)),
            # named by the start, the same spans
            ("this fiscal year", "start", D(2025, 7, 1), D(2026, 6, 30)),
            ("by the end of this fiscal year", "end", None, D(2026, 6, 30)),
        ],
    )
    def test_this_and_next_fiscal_year(
        self, text: str, named_by: str, first: D | None, last: D
    ) -> None:
        w = P(text, reference="2026-03-28", fiscal_year_start=7, fiscal_year_named_by=named_by)  # type: ignore[arg-type]
        assert (w.earliest, w.latest) == (first, last)

    def test_without_a_fiscal_year_it_names_the_fix(self) -> None:
        for text in ("3Q FY26", "fiscal third quarter 2026", "next fiscal year", "by FY2027"):
            with pytest.raises(WhenParseError, match="pass fiscal_year_start="):
                P(text, reference="2026-03-28")
        with pytest.raises(WhenParseError, match="pass fiscal_year_start=") as err:
            P("FY2025")
        assert "fiscal_years:" in str(err.value)

    @pytest.mark.parametrize("start", ["Jul.", "Sept.", " july ", "07"])
    def test_start_spellings(self, start: str) -> None:
        # an abbreviation with its full stop, as dates take it ("Sept." was refused)
        w = P("FY2027", fiscal_year_start=start)
        assert w.earliest is not None and w.earliest.month == (9 if "S" in start else 7)

    @pytest.mark.parametrize("start", [0, 13, "Julember", True, "Ju.", "."])
    def test_bad_start(self, start: object) -> None:
        with pytest.raises(WhenParseError, match="must be a month"):
            P("FY2025", fiscal_year_start=start)  # type: ignore[arg-type]

    def test_bad_naming(self) -> None:
        with pytest.raises(WhenParseError, match="'end' or 'start'"):
            P("FY2025", fiscal_year_start=7, fiscal_year_named_by="middle")  # type: ignore[arg-type]

    TEXT = (
        "Revenue in 3Q FY26 rose, the fiscal third quarter 2026 beat it, the second half of "
        "fiscal 2026 slowed, Q3-Q4 FY2027 and Q1 or Q2 FY2027 are next, and next fiscal year."
    )

    def test_find_dates_finds_every_spelling_of_a_fiscal_period_whole(self) -> None:
        found = find_dates(self.TEXT, reference="2026-03-28", fiscal_year_start=2)
        assert [(m.text, str(m.when)) for m in found] == [
            ("3Q FY26", "Q3 FY2026 (August–October 2025)"),
            ("fiscal third quarter 2026", "Q3 FY2026 (August–October 2025)"),
            ("the second half of fiscal 2026", "H2 FY2026 (August 2025–January 2026)"),
            # the same months as its second half: shown as that
            ("Q3-Q4 FY2027", "H2 FY2027 (August 2026–January 2027)"),
            # "Q1 or Q2 FY2027": Nvidia's quarters are spans of months, which no set holds
            ("next fiscal year", "FY2028 (February 2027–January 2028)"),
        ]

    def test_find_dates_never_reads_a_part_of_a_fiscal_phrase_as_calendar(self) -> None:
        # without fiscal_year_start, nothing here is a date ("third quarter 2026" was Q3 2026,
        # and the "Q3" of "Q3-Q4 FY2027" and "Q1 or Q2 FY2027" a calendar quarter)
        assert find_dates(self.TEXT, reference="2026-03-28") == []

    def test_find_dates_never_reads_fiscal_as_calendar(self) -> None:
        text = "Revenue in fiscal 2025 and Q3 FY2025 beat the target set for 2025."
        found = [(m.text, str(m.when)) for m in find_dates(text, reference=None)]
        assert found == [("2025", "2025")]  # only the calendar year
        found = [
            (m.text, str(m.when)) for m in find_dates(text, reference=None, fiscal_year_start=7)
        ]
        assert found == [
            ("fiscal 2025", "FY2025 (July 2024–June 2025)"),
            ("Q3 FY2025", "Q3 FY2025 (January–March 2025)"),
            ("2025", "2025"),
        ]


class TestLevel2:
    @pytest.mark.parametrize(
        ("edtf", "earliest", "latest", "said"),
        [
            # unspecified digits anywhere: the hull of what the digits allow
            ("156X-12-25", D(1560, 12, 25), D(1569, 12, 25), "156X-12-25"),
            ("2016-1X", D(2016, 10, 1), D(2016, 12, 31), "2016-1X"),
            ("XXXX-12", D(1, 12, 1), D(9999, 12, 31), "XXXX-12"),
            ("2026-XX-15", D(2026, 1, 15), D(2026, 12, 15), "2026-XX-15"),
            ("XXXX-02-29", D(4, 2, 29), D(9996, 2, 29), "XXXX-02-29"),
            ("2016-12-3X", D(2016, 12, 30), D(2016, 12, 31), "2016-12-3X"),
            # per-component qualifiers
            ("2004?-06-~11", D(2004, 6, 11), D(2004, 6, 11), "2004?-06-~11"),
            # the year qualified alone has one spelling, its mark right of it (was "?1945-01")
            ("?1945-01", D(1945, 1, 1), D(1945, 1, 31), "1945?-01"),
            ("2004~-06", D(2004, 6, 1), D(2004, 6, 30), "2004~-06"),
            # sets (one of) and lists (all of): the hull
            ("[1667,1668,1670..1672]", D(1667, 1, 1), D(1672, 12, 31), "[1667,1668,1670..1672]"),
            ("{1960,1961-12}", D(1960, 1, 1), D(1961, 12, 31), "{1960,1961-12}"),
            ("[..1760-12-03,1762]", None, D(1762, 12, 31), "[..1760-12-03,1762]"),
            ("[1760-01,1760-02,1760-12..]", D(1760, 1, 1), None, "[1760-01,1760-02,1760-12..]"),
            # hemisphere seasons: 25-28 northern, 29-32 southern
            ("2001-29", D(2001, 9, 1), D(2001, 11, 30), "southern spring 2001"),
            ("2001-30", D(2001, 12, 1), D(2002, 2, 28), "southern summer 2001/02"),
            ("2001-31", D(2001, 3, 1), D(2001, 5, 31), "southern autumn 2001"),
            ("2001-32", D(2001, 6, 1), D(2001, 8, 31), "southern winter 2001"),
            ("2001-25", D(2001, 3, 1), D(2001, 5, 31), "northern spring 2001"),
            ("2001-28", D(2001, 12, 1), D(2002, 2, 28), "northern winter 2001/02"),
            # significant digits: the range the estimate allows
            ("1950S2", D(1900, 1, 1), D(1999, 12, 31), "1950S2"),
            ("1950S3", D(1950, 1, 1), D(1959, 12, 31), "1950S3"),
            ("1957S4", D(1957, 1, 1), D(1957, 12, 31), "1957S4"),
        ],
    )
    def test_table(self, edtf: str, earliest: D | None, latest: D | None, said: str) -> None:
        w = When.from_edtf(edtf)
        assert (w.earliest, w.latest) == (earliest, latest)
        assert w.to_edtf() == _year_mark_right(edtf)  # written back exactly, in one spelling
        assert str(w) == said
        assert P(said) == w and When.from_edtf(w.to_edtf()) == w

    def test_component_qualifier_pads_by_its_own_grain(self) -> None:
        # the year is uncertain: a year either side, though the value is a day
        lo, hi = When.from_edtf("2004?-06-11").fuzzy_bounds()
        assert (lo, hi) == (D(2003, 6, 11), D(2005, 6, 11))
        assert When.from_edtf("2004-06-~11").fuzzy_bounds() == (D(2004, 6, 10), D(2004, 6, 12))

    def test_set_fuzzy_bounds_are_the_members_widest(self) -> None:
        w = When.from_edtf("[2026-04~,2026-06]")
        assert w.fuzzy_bounds() == (D(2026, 3, 1), D(2026, 6, 30))
        assert w.qualified

    def test_a_whole_value_qualifier_on_every_component_is_level_1(self) -> None:
        assert When.from_edtf("2004~-06~") == When.month(2004, 6).qualify(approximate=True)
        assert When.from_edtf("~2030") == When.year(2030).qualify(approximate=True)

    @pytest.mark.parametrize(
        ("edtf", "says"),
        [
            ("Y2026", "only before a year of five or more digits"),
            ("Y00001", "only before a year of five or more digits"),
            ("Y170000", "outside 1..9999"),
            ("Y171010000S3", "outside 1..9999"),
            # exponents: outside the calendar, or inside it where Y is not allowed
            ("Y17E7", "outside 1..9999"),
            ("Y-17E7", "outside 1..9999"),
            ("Y1E999999", "outside 1..9999"),
            ("Y2E3", "only before a year of five or more digits"),
            # no year but 0000 (1 BCE); masks with other years too read as those
            ("0000-XX", "year 0000 \\(1 BCE\\) is not supported"),
            ("0000S4", "year 0000 \\(1 BCE\\) is not supported"),
            ("2026-04-15T10:00-00:00", "offset unknown"),
            ("2026-04-15t10:00Z", "upper case"),
            ("2026-04-15T10:00z", "upper case"),
            ("202x", "upper case"),
            ("2016-2X", "allows no month"),
            ("1950S5", "1 to 4 significant digits"),
            ("2026-33S2", "not an EDTF date"),
            ("[2020,,2021]", "between each pair of commas"),
            ("[2021..2020]", "ends before it starts"),
            # a range from an instant to a day (or back) that runs backwards: said so, not
            # "can't compare DateTime to Date"
            ("[2026-04-16T10:00Z..2026-04-14]", "ends before it starts"),
            ("{2026-04-16..2026-04-14T23:00Z}", "ends before it starts"),
            ("[1760-12..,1762]", "only the last member"),
            ("[2020", "ends with ]"),
        ],
    )
    def test_refused(self, edtf: str, says: str) -> None:
        with pytest.raises(WhenParseError, match=says):
            When.from_edtf(edtf)

    @pytest.mark.parametrize(
        "edtf", ["[2026-04-14T10:00-12:00..2026-04-15]", "{2026-04-14..2026-04-15T10:00Z}"]
    )
    def test_a_range_from_an_instant_to_a_day_is_a_member(self, edtf: str) -> None:
        w = When.from_edtf(edtf)
        first, _, last = edtf[1:-1].partition("..")
        lo, hi = When.from_edtf(first).earliest, When.from_edtf(last).latest
        assert (w.earliest, w.latest) == (lo, hi)
        assert When.from_edtf(w.to_edtf()) == w

    def test_fractions_beyond_microseconds_are_truncated(self) -> None:
        w = When.from_edtf("2026-04-15T10:00:00.1234567Z")
        assert w.start is not None and w.start.microsecond == 123456  # type: ignore[union-attr]

    def test_parse_still_reads_lower_case(self) -> None:
        assert P("2026-04-15t10:00z") == When.from_edtf("2026-04-15T10:00Z")


class TestCenturyAndDecadeText:
    """Issue 17 §4: every century and decade EDTF can write reads back from its text."""

    @settings(max_examples=100, deadline=None)
    @given(st.integers(1, 99))
    def test_every_century(self, n: int) -> None:
        w = When.from_edtf(f"{n:02d}")
        assert P(str(w)) == w

    @settings(max_examples=100, deadline=None)
    @given(st.integers(1, 999))
    def test_every_decade(self, n: int) -> None:
        w = When.from_edtf(f"{n:03d}")
        assert P(str(w)) == w

    def test_the_100th_century(self) -> None:
        assert str(When.from_edtf("99")) == "the 100th century"
        assert P("the 100th century") == When.century(9900)

    @pytest.mark.parametrize(
        ("edtf", "text"),
        [
            # inside a set the ISO 8601 decade and century are unambiguous: When.parse reads
            # them as from_edtf does (it refused them, and "{202,203}" was the str() of a value)
            ("[202,203]", "the 2020s or the 2030s"),
            ("{202,203}", "{202,203}"),
            ("[202..204]", "[202..204]"),
            ("[20,21]", "the 21st century or the 22nd century"),
            ("[202,2030-04]", "the 2020s or April 2030"),
            ("[202~,203]", "the 2020s~ or the 2030s"),
            ("[..202]", "by end of the 2020s"),
            ("[202..]", "no earlier than the 2020s"),
        ],
    )
    def test_sets_of_decades_and_centuries(self, edtf: str, text: str) -> None:
        w = When.from_edtf(edtf)
        assert P(edtf) == w and str(w) == text and P(text) == w and w.to_edtf() == edtf

    @pytest.mark.parametrize(
        ("text", "reading"),
        [
            # alone, three or two digits are more likely a year cut short: refused, with
            # what ISO 8601 (When.from_edtf) reads ("202" alone: a year takes four digits)
            ("202~", "c. the 2020s"),
            ("21?", "the 22nd century?"),
            ("202/203", "the 2020s to the 2030s"),
        ],
    )
    def test_a_decade_or_century_alone_names_the_iso_reading(self, text: str, reading: str) -> None:
        with pytest.raises(WhenParseError, match="four digits") as info:
            P(text)
        assert "When.from_edtf" in str(info.value) and info.value.suggestion == reading
        assert str(When.from_edtf(text)) == reading

    @settings(max_examples=150, deadline=None)
    @given(st.lists(calendar_whens(), min_size=1, max_size=3), st.sampled_from("[{"))
    def test_any_set_reads_the_same_with_parse_and_from_edtf(
        self, members: list[When], bracket: str
    ) -> None:
        edtf = bracket + ",".join(m.to_edtf() for m in members) + "]}"["[{".index(bracket)]
        try:
            w = When.from_edtf(edtf)
        except WhenParseError:
            return  # a dekad or a third of a decade has no EDTF member
        assert P(edtf) == w and P(str(w)) == w


# -- round trips for the new forms (Hypothesis) -------------------------------------------------


def _digit_mask(value: str, draw: st.DrawFn) -> str:
    return "".join("X" if draw(st.booleans()) else c for c in value)


@st.composite
def level2_edtf(draw: st.DrawFn) -> str:
    """EDTF level-2 texts in their canonical spelling, which timeline writes back exactly."""
    year = draw(st.integers(1000, 2999))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    kind = draw(st.sampled_from(["mask", "component", "set", "season", "significant"]))
    if kind == "mask":
        text = f"{year:04d}"
        if draw(st.booleans()):
            text += f"-{month:02d}"
            if draw(st.booleans()):
                text += f"-{day:02d}"
        masked = _digit_mask(text.replace("-", ""), draw)
        parts = [masked[:4], masked[4:6], masked[6:8]]
        out = "-".join(p for p in parts if p)
        if out[0] == "X" and out[:4] != "XXXX" and "0" not in out[:4]:
            return out
        return out if not out.startswith("0") else text
    if kind == "component":
        marks = ["", "~", "?", "%"]
        qy, qm, qd = (draw(st.sampled_from(marks)) for _ in range(3))
        if len({qy, qm, qd}) == 1:
            qd = "~" if qy != "~" else "?"
        return f"{qy}{year:04d}-{qm}{month:02d}-{qd}{day:02d}"
    if kind == "set":
        members = draw(
            st.lists(
                st.sampled_from(
                    [
                        f"{year:04d}",
                        f"{year + 1:04d}-{month:02d}",
                        f"{year:04d}-{month:02d}-{day:02d}",
                        f"{year - 3:04d}..{year - 1:04d}",
                        f"{year:04d}-3{draw(st.integers(3, 6))}",
                    ]
                ),
                min_size=1,
                max_size=4,
                unique=True,
            )
        )
        open_start, open_end = draw(st.booleans()), draw(st.booleans())
        if open_start and ".." not in members[0]:
            members[0] = ".." + members[0]
        if open_end and ".." not in members[-1] and len(members) > 1:
            members[-1] += ".."
        brackets = draw(st.sampled_from(["[]", "{}"]))
        return brackets[0] + ",".join(members) + brackets[1]
    if kind == "season":
        return f"{year:04d}-{draw(st.integers(21, 32))}"
    return f"{year:04d}S{draw(st.integers(1, 4))}"


def _year_mark_right(edtf: str) -> str:
    """``edtf`` with a mark left of a year (not a whole value's) moved right of it."""

    def moved(m: re.Match[str]) -> str:
        marks = m[1] + m[3]
        approximate, uncertain = any(c in "~%" for c in marks), any(c in "?%" for c in marks)
        return (
            m[2]
            + {(True, False): "~", (False, True): "?", (True, True): "%"}[(approximate, uncertain)]
        )

    return re.sub(r"(?<![\dX])([~?%])([\dX]{4})([~?%]?)(?=-)", moved, edtf)


class TestRoundTripProperties:
    @settings(max_examples=300, deadline=None)
    @given(level2_edtf())
    def test_edtf_is_written_back_exactly_and_text_reads_back(self, edtf: str) -> None:
        try:
            w = When.from_edtf(edtf)
        except WhenParseError:
            # only empty masks and sets whose ranges run backwards are refused
            return
        # written back exactly, but in one spelling of the year qualified alone: "~1000-01-01"
        # and "1000~-01-01" are one value, written "1000~-01-01"
        assert w.to_edtf() == _year_mark_right(edtf)
        assert When.from_edtf(w.to_edtf()) == w
        assert P(str(w)) == w
        lo, hi = w.fuzzy_bounds()
        assert lo is None or w.earliest is None or lo <= w.earliest
        assert hi is None or w.latest is None or hi >= w.latest


class TestYearPairsAreNotMonths:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2000-01", When.month(2000, 1)),
            ("2011-12", When.month(2011, 12)),
            ("2011/12", When.interval(When.year(2011), When.year(2012))),
            ("2023-24", When.interval(When.year(2023), When.year(2024))),
        ],
    )
    def test_a_month_stays_a_month(self, text: str, expected: When) -> None:
        assert P(text) == expected


class TestAlternativesProperty:
    @settings(max_examples=150, deadline=None)
    @given(st.lists(single_whens(1900, 2100), min_size=2, max_size=3))
    def test_any_alternatives_read_back_from_their_text(self, values: list[When]) -> None:
        text = ", ".join(str(w) for w in values[:-1]) + " or " + str(values[-1])
        try:
            w = P(text)
        except WhenParseError:
            return  # relations on a member, values of no EDTF unit: refused with a reason
        assert P(str(w)) == w
        assert When.from_edtf(w.to_edtf()) == w
        for member in values:
            if member.relation is Relation.ON:
                assert w.overlaps(member)


# -- instants at the calendar's edges ------------------------------------------------------------


@st.composite
def edge_instants(draw: st.DrawFn) -> When:
    """An instant within a day of 0001-01-01 or 9999-12-31, at any offset a clock has had."""
    first = draw(st.booleans())
    day = dt.datetime(1, 1, 1) if first else dt.datetime(9999, 12, 31)
    moment = day + dt.timedelta(
        minutes=draw(st.integers(0, 24 * 60 - 1)), microseconds=draw(st.sampled_from([0, 1, 5]))
    )
    minutes = draw(st.integers(-18 * 60, 18 * 60))
    return When.instant(moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes))))


class TestInstantsAtTheCalendarEdges:
    """'after'/'before' an instant whose UTC time lies outside 1..9999 (pendulum's
    arithmetic goes through UTC): bounds, EDTF, relations and sorting raised OverflowError."""

    @pytest.mark.parametrize(
        "text",
        [
            "after 0001-01-01T00:00+00:02",
            "after 0001-01-01T10:00+14:00",
            "before 9999-12-31T23:59-12:00",
            "before 9999-12-31T23:59:59.999999-01:00",
        ],
    )
    def test_bounds_relations_and_text(self, text: str) -> None:
        w = P(text)
        first = w.earliest if w.earliest is not None else w.latest
        assert first is not None and first.year in (1, 9999)
        assert w.fuzzy_bounds() == (w.earliest, w.latest)
        back = When.from_edtf(w.to_edtf())  # "no earlier than" the next microsecond
        assert (back.earliest, back.latest) == (w.earliest, w.latest) and P(str(w)) == w
        year = P("0001") if first.year == 1 else P("9999")
        assert w.overlaps(year) and not w.definitely_before(year)
        assert sorted([year, w, P("2026")])[1] in (w, year)

    @settings(max_examples=200, deadline=None)
    @given(edge_instants(), st.sampled_from(["after", "before", "by", "not_before", "not_after"]))
    def test_any_relation_to_an_edge_instant(self, w: When, relation: str) -> None:
        try:
            v = getattr(w, relation)()
        except ValueError:
            return  # "before" the first moment, "after" the last: refused (WhenError)
        for other in (P("0001"), P("9999"), P("2026-04-15"), w):
            [v.definitely_before(other), other.definitely_before(v), v.overlaps(other)]
            assert v.contains(other) <= v.overlaps(other)
        assert sorted([v, w, P("2026")])
        back = When.from_edtf(v.to_edtf())  # "after X" comes back as "no earlier than X''"
        assert (back.earliest, back.latest) == (v.earliest, v.latest)


class TestRefusalsAtTheCalendarEdges:
    """Refusals say what is wrong in words, not as the model's exception (they read
    "it cannot be read as a date (WhenError(\\"When.parse('9999').after(): ...\\"))")."""

    @pytest.mark.parametrize(
        ("text", "says"),
        [
            ("after 9999", "nothing lies after 9999 in the calendar (years 1 to 9999)"),
            ("after 31 December 9999", "nothing lies after 31 December 9999 in the calendar"),
            ("after c. Q4 9999", "nothing lies after c. Q4 9999 in the calendar"),
            ("before 0001", "nothing lies before 0001 in the calendar"),
            ("before 0001-01-01T00:00Z", "nothing lies before 0001-01-01T00:00Z in the calendar"),
            ("9999/00", "year must be 1..9999, got 10000"),
        ],
    )
    def test_said_in_words(self, text: str, says: str) -> None:
        with pytest.raises(WhenParseError) as err:
            P(text)
        assert says in str(err.value) and "Error(" not in str(err.value)

    @settings(max_examples=200, deadline=None)
    @given(
        st.sampled_from(["", "by ", "before ", "after ", "not before ", "c. ", "end of "]),
        st.sampled_from(["9999", "0001", "December 9999", "Q1 0001", "9999/00", "the 9990s"]),
        st.sampled_from(["", "?", " or later", " at the latest", " onwards", " to 9999"]),
    )
    def test_no_refusal_quotes_an_exception(self, before: str, core: str, after: str) -> None:
        message = ""
        try:
            P(before + core + after, fiscal_year_start=7)
        except WhenParseError as err:
            message = str(err)
        assert "Error(" not in message and "When." not in message


class TestInstantOffsets:
    """`When.instant` takes the offsets `When.parse` reads back (-18:00..+18:00, as ISO 8601
    and pendulum allow); one beyond (Python allows up to a day) was built, then its text was
    refused."""

    @pytest.mark.parametrize("minutes", [18 * 60 + 1, 23 * 60 + 59, -(18 * 60 + 1), -(23 * 60)])
    def test_beyond_18_hours_is_refused(self, minutes: int) -> None:
        moment = dt.datetime(2026, 4, 15, 10, tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
        with pytest.raises(ValueError, match=r"out of range -18:00\.\.\+18:00"):
            When.instant(moment)

    @settings(max_examples=100, deadline=None)
    @given(st.integers(-18 * 3600, 18 * 3600))
    def test_any_offset_within_reads_back(self, seconds: int) -> None:
        zone = dt.timezone(dt.timedelta(seconds=seconds))
        w = When.instant(dt.datetime(2026, 4, 15, 10, 30, tzinfo=zone))
        assert P(str(w)) == w and When.from_edtf(w.to_edtf()) == w


class TestClockChanges:
    """A local time at a clock change in a named zone: the refusal names the offsets there
    (it said "add the UTC offset, e.g. +01:00" whatever the zone)."""

    @pytest.mark.parametrize(
        ("text", "says", "suggestion"),
        [
            # New York, 1 November 2026: 01:30 happens twice, at -04:00 and then at -05:00
            (
                "2026-11-01T01:30[America/New_York]",
                "happens twice in America/New_York (the clocks go back): at -04:00, then at "
                "-05:00; add the offset, as in '2026-11-01T01:30-04:00[America/New_York]'",
                None,
            ),
            # New York, 8 March 2026: the clocks go from 02:00 to 03:00
            (
                "2026-03-08T02:30[America/New_York]",
                "does not exist in America/New_York (the clocks go forward from -05:00 to -04:00)",
                None,
            ),
            # an offset the zone does not have then: the one it has
            (
                "2026-04-15T10:00+08:00[America/New_York]",
                "offset +08:00 does not match the time zone America/New_York at that time (-04:00)",
                "2026-04-15T10:00-04:00[America/New_York]",
            ),
        ],
    )
    def test_the_refusal_names_the_offsets(
        self, text: str, says: str, suggestion: str | None
    ) -> None:
        with pytest.raises(WhenParseError) as err:
            P(text)
        assert says in str(err.value) and err.value.suggestion == suggestion
        if suggestion is not None:
            assert P(suggestion).start is not None

    def test_both_offsets_of_a_repeated_hour_read(self) -> None:
        first = P("2026-11-01T01:30-04:00[America/New_York]")
        second = P("2026-11-01T01:30-05:00[America/New_York]")
        assert first.definitely_before(second) and first < second


class TestIntervalsBetweenADayAndAnInstant:
    """An interval's order between a floating day and an instant: the instant's local time
    against the whole day (as "a floating day contains an instant whose local date is that
    day"). "From 10:00 on 15 April to 15 April" was refused as ending before it starts (the
    day was taken at its first moment, in UTC), while "15 April to 14 April 23:00 at UTC-12"
    was accepted."""

    @pytest.mark.parametrize(
        "text",
        [
            "2026-04-15T10:00Z/2026-04-15",  # from 10:00 to the end of that day
            "2026-04-15T10:00/2026-04-15",
            "2026-04-15T23:00-12:00/2026-04-15",
            "2026-04-15/2026-04-15T01:00+14:00",
            "2026-04/2026-04-01T00:00+14:00",
            "from 2026-04-15T10:00Z to 15 April 2026",
        ],
    )
    def test_in_order(self, text: str) -> None:
        w = P(text)
        assert w.is_interval and P(str(w)) == w and w.overlaps(w)

    @pytest.mark.parametrize(
        "text",
        [
            "2026-04-15/2026-04-14T23:00-12:00",  # ends on 14 April, local time
            "2026-04-16T00:30+14:00/2026-04-15",  # starts on 16 April, local time
            "2026-04-16T00:00/2026-04-15",
        ],
    )
    def test_backwards(self, text: str) -> None:
        with pytest.raises(WhenParseError, match="before it starts"):
            P(text)

    @settings(max_examples=200, deadline=None)
    @given(instants(2026, 2026), calendar_whens(2026, 2026), st.booleans())
    def test_accepted_exactly_when_local_times_are_in_order(
        self, moment: When, day: When, instant_first: bool
    ) -> None:
        assert moment.start is not None and day.start is not None and day.end is not None
        local = moment.start.replace(tzinfo=None)  # type: ignore[union-attr]
        if instant_first:
            ok = local.date() <= day.end
            ends = (moment, day)
        else:
            ok = local.date() >= day.start
            ends = (day, moment)
        try:
            When.interval(*ends)
        except ValueError:
            assert not ok
        else:
            assert ok


class TestIntervalsWithoutADate:
    """`When.interval` builds an interval with no date at all, `str` and `When.parse` agree on
    it, and `to_edtf` writes it; `When.from_edtf` refused what `to_edtf` wrote."""

    @pytest.mark.parametrize(
        ("ends", "edtf"),
        [
            (("open", "open"), "../.."),
            (("unknown", "unknown"), "/"),
            (("open", "unknown"), "../"),
            (("unknown", "open"), "/.."),
        ],
    )
    def test_edtf_round_trip(self, ends: tuple[str, str], edtf: str) -> None:
        w = When.interval(*ends)  # type: ignore[arg-type]
        assert w.to_edtf() == edtf and When.from_edtf(edtf) == w and P(str(w)) == w
        assert (w.earliest, w.latest) == (None, None)

    @pytest.mark.parametrize("text", ["../..", "/", "../", "/.."])
    def test_parse_still_wants_a_date(self, text: str) -> None:
        with pytest.raises(WhenParseError, match="at least one date"):
            P(text)


class TestConstructorsTakeWholeNumbers:
    """The named constructors refuse what is not a whole number with `WhenError`: a float
    or a string raised `TypeError` from inside, and `True` was read as 1 (January)."""

    @pytest.mark.parametrize(
        "build",
        [
            lambda: When.year(2026.0),  # type: ignore[arg-type]
            lambda: When.year("2026"),  # type: ignore[arg-type]
            lambda: When.month(2026, True),
            lambda: When.day(2026, 4, 15.5),  # type: ignore[arg-type]
            lambda: When.quarter(2026, "2"),  # type: ignore[arg-type]
            lambda: When.half(None, 1),  # type: ignore[arg-type]
            lambda: When.third(2026, 1.0),  # type: ignore[arg-type]
            lambda: When.season(2026, 21.0),  # type: ignore[arg-type]
            lambda: When.week(2026, "15"),  # type: ignore[arg-type]
            lambda: When.dekad(2026, 4, False),
            lambda: When.decade(2020.0),  # type: ignore[arg-type]
            lambda: When.century("2000"),  # type: ignore[arg-type]
        ],
    )
    def test_refused_with_our_error(self, build: object) -> None:
        with pytest.raises(ValueError, match="whole number"):
            build()  # type: ignore[operator]

    def test_integer_types_that_are_not_int_are_taken(self) -> None:
        import fractions

        class Year(int):
            pass

        assert When.year(Year(2026)) == When.year(2026)
        assert When.month(2026, fractions.Fraction(4, 1).numerator) == When.month(2026, 4)


class TestFuzzPolicies:
    """A policy gives a whole number of units, 0 or more: -1 gave fuzzy bounds inside the
    plain ones and backwards (1 May .. 31 March for "2026-04~"); 1.5 or "x" raised
    TypeError from inside."""

    @pytest.mark.parametrize("pad", [-1, 1.5, "x", -0.5])
    def test_a_bad_padding_is_refused(self, pad: object) -> None:
        with pytest.raises(ValueError, match="whole number of units, 0 or more"):
            P("2026-04~").fuzzy_bounds(policy=lambda w: pad)  # type: ignore[arg-type,return-value]

    @pytest.mark.parametrize(
        ("pad", "lo", "hi"),
        [
            (0, D(2026, 4, 1), D(2026, 4, 30)),
            (None, D(2026, 4, 1), D(2026, 4, 30)),
            (2, D(2026, 2, 1), D(2026, 6, 30)),
        ],
    )
    def test_good_paddings(self, pad: int | None, lo: D, hi: D) -> None:
        got = P("2026-04~").fuzzy_bounds(policy=lambda w: pad)  # type: ignore[arg-type,return-value]
        assert got == (lo, hi)


class TestShortCodesAndWeeks:
    """Halves and quarters with a dash or a two-digit year, basic ISO weeks, estimate years."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("H1-26", When.half(2026, 1)),
            ("H2-'25", When.half(2025, 2)),
            ("Q3 26", When.quarter(2026, 3)),
            ("Q3-26", When.quarter(2026, 3)),
            ("H1 26", When.half(2026, 1)),
            ("3Q-26", When.quarter(2026, 3)),
            ("2H-2025", When.half(2025, 2)),
            ("3Q-2025", When.quarter(2025, 3)),
            ("1H-2H 2026", When.interval(When.half(2026, 1), When.half(2026, 2))),
            ("1Q-3Q 2026", When.interval(When.quarter(2026, 1), When.quarter(2026, 3))),
            ("2026W53", When.week(2026, 53)),
            ("2026W05", When.week(2026, 5)),
            ("2026W053", When.day(2026, 1, 28)),
            ("2027E", When.year(2027)),
            ("by 2027E", When.year(2027).by()),
            ("first week of April 2026", When.interval(When.day(2026, 4, 1), When.day(2026, 4, 7))),
            (
                "the second week of May 2026",
                When.interval(When.day(2026, 5, 8), When.day(2026, 5, 14)),
            ),
            (
                "the last week of February 2028",
                When.interval(When.day(2028, 2, 23), When.day(2028, 2, 29)),
            ),
        ],
    )
    def test_reads(self, text: str, expected: When) -> None:
        w = P(text)
        assert w == expected
        assert P(str(w)) == w

    @pytest.mark.parametrize(
        ("text", "members"),
        [
            ("the second or third quarter of 2026", ["2026-34", "2026-35"]),
            ("second or third quarter 2026", ["2026-34", "2026-35"]),
            ("the first or second half of 2027", ["2027-40", "2027-41"]),
        ],
    )
    def test_ordinal_alternatives(self, text: str, members: list[str]) -> None:
        w = P(text)
        assert w.to_edtf() == "[" + ",".join(members) + "]"
        assert P(str(w)) == w

    def test_fiscal_estimate_years(self) -> None:
        assert P("FY27E", fiscal_year_start=7) == P("FY27", fiscal_year_start=7)
        assert P("Q3 FY2027E", fiscal_year_start=7) == P("Q3 FY2027", fiscal_year_start=7)
        with pytest.raises(WhenParseError, match="fiscal_year_start="):
            P("FY27E")

    @pytest.mark.parametrize(
        ("text", "fix"),
        [("2026-W5", "2026-W05"), ("2026W5", "2026-W05"), ("2026-W5-3", "2026-W05-3")],
    )
    def test_a_one_digit_week_is_refused_with_the_fix(self, text: str, fix: str) -> None:
        # "2026-W5" was read as the interval 2026 to week 5 of 2026
        with pytest.raises(WhenParseError, match="two digits") as err:
            P(text)
        assert err.value.suggestion == fix

    def test_lower_case_basic_week(self) -> None:
        assert P("2026w15") == When.week(2026, 15)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a part of a year glued to it by a hyphen is that part (was "2026 to Q3 2026")
            ("2026-3Q", When.quarter(2026, 3)),
            ("2026-2H", When.half(2026, 2)),
            ("2026-spring", When.season(2026, 21)),
            ("2026-week 5", When.week(2026, 5)),
            ("week 5-2026", When.week(2026, 5)),
            ("3Q-2026", When.quarter(2026, 3)),
            # spelled as an interval, it still is one
            ("2026 to Q3 2026", When.interval(When.year(2026), When.quarter(2026, 3))),
        ],
    )
    def test_a_part_glued_to_its_year(self, text: str, expected: When) -> None:
        w = P(text)
        assert w == expected
        assert P(str(w)) == w

    def test_week_53_only_where_the_year_has_one(self) -> None:
        with pytest.raises(WhenParseError, match="52 ISO weeks"):
            P("2025W53")
        with pytest.raises(WhenParseError, match="52 ISO weeks"):
            P("2025-W53")

    def test_first_week_without_a_year_needs_the_reference(self) -> None:
        assert P("the first week of April", reference="2026-03-02") == When.interval(
            When.day(2026, 4, 1), When.day(2026, 4, 7)
        )
        with pytest.raises(WhenParseError, match="reference="):
            P("the first week of April")

    @pytest.mark.parametrize("text", ["Q3 2", "Q3 266", "2027EE", "H3-26", "Q5 26", "Q3 -26"])
    def test_still_refused(self, text: str) -> None:
        with pytest.raises(WhenParseError):
            P(text)


class TestReferenceIsAWhen:
    def test_its_earliest_day(self) -> None:
        assert P("April", reference=When.month(2026, 3)) == When.month(2026, 4)
        assert P("next month", reference=When.quarter(2026, 4)) == When.month(2026, 11)
        assert P("tomorrow", reference=P("2026-04-15T23:30+08:00")) == When.day(2026, 4, 16)

    def test_without_an_earliest_day_refused(self) -> None:
        with pytest.raises(WhenParseError, match="earliest day"):
            P("April", reference=When.year(2026).by())

    def test_find_dates_takes_one(self) -> None:
        found = find_dates("due in April", reference=When.day(2026, 3, 2))
        assert [m.when for m in found] == [When.month(2026, 4)]


class TestShortCodesProperties:
    @settings(max_examples=100, deadline=None)
    @given(
        st.sampled_from(["Q", "H"]),
        st.integers(1, 4),
        st.integers(0, 99),
        st.sampled_from([" ", "-", "-'", " '", "'"]),
        st.booleans(),
    )
    def test_two_digit_years_after_a_code(
        self, letter: str, n: int, yy: int, sep: str, first: bool
    ) -> None:
        n = n if letter == "Q" else (n - 1) % 2 + 1
        code = f"{letter}{n}" if first else f"{n}{letter}"
        w = P(f"{code}{sep}{yy:02d}")
        build = When.quarter if letter == "Q" else When.half
        assert w == build(2000 + yy, n)
        assert P(str(w)) == w

    @settings(max_examples=100, deadline=None)
    @given(st.integers(1900, 2200), st.integers(1, 53), st.one_of(st.none(), st.integers(1, 7)))
    def test_basic_week_dates_read_as_the_extended_form(
        self, year: int, week: int, day: int | None
    ) -> None:
        tail = "" if day is None else str(day)
        basic, extended = f"{year}W{week:02d}{tail}", f"{year}-W{week:02d}"
        extended += "" if day is None else f"-{day}"
        try:
            expected = P(extended)
        except WhenParseError:
            with pytest.raises(WhenParseError):
                P(basic)
            return
        assert P(basic) == expected


class TestCalendarSteps:
    """Widening a qualified value steps days and months with the standard library; the
    steps must be pendulum's (`Date.add`), day clamped to the month, to the calendar's edge."""

    @given(
        st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)),
        st.integers(-30_000, 30_000),
    )
    @settings(max_examples=400)
    def test_days_and_months_step_as_pendulum_does(self, day: dt.date, n: int) -> None:
        import pendulum

        from timeline.dates._bounds import _add_days, _add_months

        p = pendulum.Date(day.year, day.month, day.day)
        for step, reference in ((_add_days, "days"), (_add_months, "months")):
            count = n if reference == "days" else n // 30
            try:
                expected = p.add(**{reference: count})
            except (ValueError, OverflowError):
                with pytest.raises(ValueError, match=r"range|ordinal"):
                    step(p, count)
                continue
            got = step(p, count)
            assert type(got) is pendulum.Date
            assert got == expected

    @pytest.mark.parametrize(
        ("text", "lo", "hi"),
        [
            ("2026-01~", D(2025, 12, 1), D(2026, 2, 28)),
            ("2024-02~", D(2024, 1, 1), D(2024, 3, 31)),
            ("0001-01~", D(1, 1, 1), D(1, 2, 28)),
            ("9999-12~", D(9999, 11, 1), D(9999, 12, 31)),
            ("2026-04-30~", D(2026, 4, 29), D(2026, 5, 1)),
        ],
    )
    def test_widened_bounds_at_month_ends_and_the_calendars_edge(
        self, text: str, lo: dt.date, hi: dt.date
    ) -> None:
        assert When.parse(text).fuzzy_bounds() == (lo, hi)


@st.composite
def _masks(draw: st.DrawFn) -> str:
    """Unspecified digits over a few years to a few hundred (their runs stay few enough
    to list): a year mask, then maybe a month and a day, each digit maybe ``X``."""

    def digits(fixed: str) -> str:
        return "".join(c if draw(st.booleans()) else "X" for c in fixed)

    year = draw(st.sampled_from(["20", "19", "99", "00"])) + digits("26")
    month = draw(st.sampled_from(["", "XX", "0X", "X2", "1X", "04"]))
    day = draw(st.sampled_from(["", "XX", "X1", "15", "3X", "29"])) if month else ""
    return year + (f"-{month}" if month else "") + (f"-{day}" if day else "")


@settings(max_examples=examples(60, 1000), deadline=None)
@given(_masks(), st.integers(1, 40), st.sampled_from(["", "~", "%"]))
def test_bounded_runs_hold_every_run_within_the_limit(mask: str, limit: int, mark: str) -> None:
    # every run, listed one by one, lies inside one of at most `limit` spans made in blocks
    from timeline.dates._mask_blocks import bounded_runs
    from timeline.dates._masks import mask_readings

    try:
        runs = mask_readings(When.parse(mask + mark))
    except WhenParseError:  # 1XXX-02-29 in no year, say
        return
    if runs is None:
        return
    every = list(runs)
    spans = bounded_runs(runs, limit)
    if len(every) <= 4 * limit:
        assert spans == every  # few enough: each run itself
        return
    assert len(spans) <= limit
    assert (spans[0][0], spans[-1][1]) == runs.hull()
    starts = [lo for lo, _ in spans]
    for lo, hi in every:
        i = bisect.bisect_right(starts, lo) - 1
        assert i >= 0 and spans[i][1] is not None and hi <= spans[i][1], (mask, lo, hi)


# -- significant digits written in lower case, as the phrase reader sees them ------------------
#
# The phrase reader lower-cases its text, and the EDTF pattern ignores case, but only "S" sent
# a value to the level-2 reader: "by 1950S2" (1900-1999, by its end) was read as "by end of
# 1950", "1950s2" as the year 1950, "from 1950S2 onwards" from 1950.


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("1950s2", dt.date(1900, 1, 1), dt.date(1999, 12, 31)),  # was 1950
        ("by 1950S2", None, dt.date(1999, 12, 31)),  # was by end of 1950
        # some year of the 1960s, as 196X: after the first, 1960 (it was 1970, after them all)
        ("after 1960S3", dt.date(1961, 1, 1), None),  # was after 1960
        ("from 1950S2 onwards", dt.date(1900, 1, 1), None),  # was from 1950
        ("1950S2 to 2010", dt.date(1900, 1, 1), dt.date(2010, 12, 31)),
    ],
)
def test_significant_digits_in_a_phrase(
    text: str, earliest: dt.date | None, latest: dt.date | None
) -> None:
    w = When.parse(text)
    assert (w.earliest, w.latest) == (earliest, latest)
    assert When.parse(str(w)) == w


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9999), st.integers(1, 4), st.sampled_from(["", "by ", "after ", "before "]))
def test_significant_digits_read_alike_in_either_case(year: int, digits: int, word: str) -> None:
    upper = f"{word}{year:04d}S{digits}"
    try:
        expected = When.parse(upper)
    except WhenParseError:
        return  # year 0000 only, or past the calendar's edge
    assert When.parse(upper.lower()) == expected
    assert expected.form is not None and "S" in expected.form


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # was "carries its qualifiers in its text; write them there", which EDTF cannot
        ("c. southern spring 2001", "c. September 2001 to c. November 2001"),
        ("2001-29~", "c. September 2001 to c. November 2001"),
        ("c. northern winter 2001/02", "c. December 2001 to c. February 2002"),
        ("c. 1950S2", "c. 1900 to c. 1999"),
    ],
)
def test_a_qualifier_on_a_hemisphere_season_or_significant_digits(text: str, span: str) -> None:
    with pytest.raises(WhenParseError, match="takes no qualifier") as caught:
        When.parse(text)
    assert f"'{span}'" in str(caught.value)
    When.parse(span)  # the span offered reads


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # "?" offered the span approximate ("c. ... to c. ..."): it is uncertain
        ("2026-25?", "March 2026? to May 2026?"),
        ("2026-28%", "c. December 2026? to c. February 2027?"),
        ("1950S2?", "1900? to 1999?"),
        ("2026-25~", "c. March 2026 to c. May 2026"),
    ],
)
@pytest.mark.parametrize("read", [When.parse, When.from_edtf])
def test_the_span_offered_keeps_the_qualifier_said(
    text: str, span: str, read: Callable[[str], When]
) -> None:
    with pytest.raises(WhenParseError, match="takes no qualifier") as caught:
        read(text)
    message = str(caught.value)
    # said plainly: from_edtf said "it cannot be read as a date (WhenError(\"When.parse(...")"
    # and "1950S2?" that "significant digits (S) go on a year alone"
    assert "WhenError" not in message and "cannot be read" not in message, message
    assert f"'{span}'" in message, message
    offered = When.parse(span)
    assert (offered.lower.approximate, offered.lower.uncertain) == (  # type: ignore[union-attr]
        "~" in text or "%" in text,
        "?" in text or "%" in text,
    )
