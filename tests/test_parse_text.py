"""`When.parse` on text outside ASCII: full-width forms, odd spaces, invisible marks, dashes.

A range dash (en dash, em dash, figure dash, horizontal bar) between numbers is
"to", as English typesetting writes ranges; a hyphen (ASCII, U+2010, U+2011,
the minus sign) joins the parts of an ISO 8601 date. Before this was fixed,
every dash was read as a hyphen, so "2026–27" was EDTF's northern autumn 2026
and "2026-04–06" was 6 April 2026.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import single_whens
from timeline import When, WhenParseError, find_dates

P = When.parse
REF = "2026-03-28"


def years(a: int, b: int) -> When:
    return When.interval(When.year(a), When.year(b))


class TestRangeDashes:
    @pytest.mark.parametrize("dash", ["\u2012", "\u2013", "\u2014", "\u2015"])
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # two consecutive years, shortened: a pair, as "2025/26" (was a season code)
            ("2025{}26", years(2025, 2026)),
            ("2026{}27", years(2026, 2027)),
            ("2011{}12", years(2011, 2012)),  # with a hyphen it is December 2011
            ("1999{}00", years(1999, 2000)),
            # years further apart, shortened or not (were seasons 25-32 or quarters)
            ("2024{}26", years(2024, 2026)),
            ("2020{}30", years(2020, 2030)),
            ("2026{}33", years(2026, 2033)),
            ("1990{}99", years(1990, 1999)),
            ("2020{}2030", years(2020, 2030)),
            ("2026 {} 2027", years(2026, 2027)),
            # days and other numbers: "to"
            ("15{}20 April 2026", When.interval(When.day(2026, 4, 15), When.day(2026, 4, 20))),
            ("April 15{}20, 2026", When.interval(When.day(2026, 4, 15), When.day(2026, 4, 20))),
            (
                "2026-04-15{}2026-04-20",
                When.interval(When.day(2026, 4, 15), When.day(2026, 4, 20)),
            ),
            ("2026-04{}2026-06", When.interval(When.month(2026, 4), When.month(2026, 6))),
            ("winter 2026{}27", When.season(2026, 24)),
            # next to a word, a dash reads as it always has
            ("April{}June 2026", When.interval(When.month(2026, 4), When.month(2026, 6))),
            ("Q3{}Q4 2026", When.interval(When.quarter(2026, 3), When.quarter(2026, 4))),
            ("mid{}2026", When.third(2026, 2)),
        ],
    )
    def test_a_dash_between_numbers_is_a_range(self, text: str, expected: When, dash: str) -> None:
        assert P(text.format(dash), reference=REF) == expected

    def test_a_pair_of_years_with_a_dash_is_a_fiscal_year_when_one_applies(self) -> None:
        # as "2025/26" and "2025-26" are
        assert P("2025\u201326", fiscal_year_start=4) == P("2025/26", fiscal_year_start=4)

    @pytest.mark.parametrize(
        ("text", "suggestion"),
        [
            # a range that would run backwards: the ISO date it may have meant
            ("2026\u201304", "2026-04"),
            ("2026\u201312", "2026-12"),
            ("2026\u201304\u201315", "2026-04-15"),
            # not a single date, and not a range of anything
            ("2026-04\u201306", None),
        ],
    )
    def test_a_dash_is_never_read_as_an_iso_hyphen(self, text: str, suggestion: str | None) -> None:
        with pytest.raises(WhenParseError) as info:
            P(text)
        assert info.value.text == text
        assert info.value.suggestion == suggestion

    @settings(max_examples=150, deadline=None)
    @given(st.integers(1000, 9998), st.integers(1, 99), st.sampled_from("\u2012\u2013\u2014\u2015"))
    def test_any_shortened_span_of_years(self, first: int, k: int, dash: str) -> None:
        last = first + k
        text = f"{first}{dash}{last % 100:02d}"
        if last // 100 == first // 100 or k == 1:
            assert P(text) == years(first, last)
        else:  # "2095–05": not 2095 to 2105 (write the four digits)
            with pytest.raises(WhenParseError):
                P(text)

    def test_find_dates_reads_spans_of_years_with_a_dash(self) -> None:
        found = find_dates("the 2026\u201327 season and the 2020\u201330 plan", reference=REF)
        assert [(m.text, m.when) for m in found] == [
            ("2026\u201327", years(2026, 2027)),
            ("2020\u201330", years(2020, 2030)),
        ]


class TestCompatibilityCharacters:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # full-width letters, digits and hyphens (East Asian sources)
            ("\uff12\uff10\uff12\uff16\uff0d\uff10\uff14\uff0d\uff11\uff15", When.day(2026, 4, 15)),
            ("\uff31\uff12 \uff12\uff10\uff12\uff16", When.quarter(2026, 2)),
            ("\uff21\uff50\uff52\uff49\uff4c 2026", When.month(2026, 4)),
            # invisible format characters: a byte-order mark, zero-width and soft hyphen
            ("\ufeffApril 2026", When.month(2026, 4)),
            ("April\u200b 2026", When.month(2026, 4)),
            ("2026\u00ad-04", When.month(2026, 4)),
            # hyphens that are not ASCII join an ISO date and a pair of years like "-"
            ("2026\u201104", When.month(2026, 4)),
            ("2026\u221204", When.month(2026, 4)),
            ("2026\u201127", years(2026, 2027)),
            ("2011\u201012", When.month(2011, 12)),
            # spaces
            ("15\u202fApril\u00a02026", When.day(2026, 4, 15)),
        ],
    )
    def test_read_as_their_ascii_forms(self, text: str, expected: When) -> None:
        assert P(text) == expected

    @settings(max_examples=150, deadline=None)
    @given(single_whens(1000, 2999), st.sampled_from(["\u00a0", "\u2009", "\u202f", "\u3000"]))
    def test_any_canonical_text_with_other_spaces_and_full_width_digits(
        self, w: When, space: str
    ) -> None:
        text = str(w).replace(" ", space)
        text = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)
        assert P("\ufeff" + text) == w
