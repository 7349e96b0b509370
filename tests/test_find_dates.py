"""`find_dates`: the date phrases in a sentence, and never a number that only looks like one."""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import DateMatch, When, WhenParseError, find_dates

REF = "2026-03-30"  # when the article was read
ARTICLE = Path("/work/shared/sources/ai-race-2026-article.txt")


def found(text: str, reference: str | None = REF) -> list[tuple[str, When]]:
    return [(m.text, m.when) for m in find_dates(text, reference=reference)]


FY25 = "FY2025 (July 2024–June 2025)"


class TestFindDates:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a bare, capitalised month resolves in the reference's year
            ("slated for an April release", [("April", When.month(2026, 4))]),
            ("DeepSeek V4, also expected in April.", [("April", When.month(2026, 4))]),
            ("10,000 AI-plus enterprises by 2030", [("by 2030", When.year(2030).by())]),
            (
                "from 1 trillion at the start of 2024 to over 140 trillion by March 2025",
                [
                    ("the start of 2024", When.third(2024, 1)),
                    ("by March 2025", When.month(2025, 3).by()),
                ],
            ),
            ("expects to double to $600 million by 2026", [("by 2026", When.year(2026).by())]),
            ("The 2026 Bo’ao Forum showcased AI", [("2026", When.year(2026))]),
            (
                "Q2 2026 and H1 2026",
                [("Q2 2026", When.quarter(2026, 2)), ("H1 2026", When.half(2026, 1))],
            ),
            ("It launched on 15 April 2026.", [("15 April 2026", When.day(2026, 4, 15))]),
            ("It launched on April 15, 2026.", [("April 15, 2026", When.day(2026, 4, 15))]),
            ("released 2026-04-15 in Beijing", [("2026-04-15", When.day(2026, 4, 15))]),
            ("in the 2020s", [("the 2020s", When.decade(2020))]),
            (
                "mid-April 2026, or early 2024",
                [("mid-April 2026", When.dekad(2026, 4, 2)), ("early 2024", When.third(2024, 1))],
            ),
            (
                "circa April 2026",
                [("circa April 2026", When.month(2026, 4).qualify(approximate=True))],
            ),
            ("next month", [("next month", When.month(2026, 4))]),
            (
                "later this year",
                [("later this year", When.interval(When.day(2026, 3, 31), When.day(2026, 12, 31)))],
            ),
            # two dates joined by "to" or a dash, or "between ... and": one interval
            (
                "from April to June 2026",
                [("April to June 2026", When.interval(When.month(2026, 4), When.month(2026, 6)))],
            ),
            (
                "between 2024 and 2026",
                [("between 2024 and 2026", When.interval(When.year(2024), When.year(2026)))],
            ),
            # a span of years, with a hyphen or an en dash: not just its first year
            (
                "The 15th Five-Year Plan (2026-2030) sets goals",
                [("2026-2030", When.interval(When.year(2026), When.year(2030)))],
            ),
            (
                "the 2026–2030 plan",
                [("2026–2030", When.interval(When.year(2026), When.year(2030)))],
            ),
            # a number after a year and a dash that cannot end a span is not a year
            ("call 2026-1234 now", [("2026", When.year(2026))]),
            # day ranges: the whole span, never only its last day
            (
                "The forum runs 24-27 March 2026 in Beijing",
                [("24-27 March 2026", When.interval(When.day(2026, 3, 24), When.day(2026, 3, 27)))],
            ),
            (
                "The forum runs 24 to 27 March 2026",
                [
                    (
                        "24 to 27 March 2026",
                        When.interval(When.day(2026, 3, 24), When.day(2026, 3, 27)),
                    )
                ],
            ),
            (
                "It runs March 24-27, 2026.",
                [
                    (
                        "March 24-27, 2026",
                        When.interval(When.day(2026, 3, 24), When.day(2026, 3, 27)),
                    )
                ],
            ),
            ("in 2025 sales rose", [("2025", When.year(2025))]),
            ("It may rain in May.", [("May", When.month(2026, 5))]),
        ],
    )
    def test_finds(self, text: str, expected: list[tuple[str, When]]) -> None:
        assert found(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # "no earlier than" / "no later than", NET written short: the relation is kept
            ("Launch is NET March 2026, sources say.", [("NET March 2026", "")]),
            ("The launch is NET 2H25.", [("NET 2H25", "")]),
            ("Deliveries start no earlier than Q3 2026.", [("no earlier than Q3 2026", "")]),
            ("It ships no later than 2H 2026.", [("no later than 2H 2026", "")]),
            # halves and quarters in the short forms of earnings calls
            ("Revenue in 2H25 grew.", [("2H25", "")]),
            ("Guidance for 1H 2026 is weak.", [("1H 2026", "")]),
            ("Shipments in H2'25 rose.", [("H2'25", "")]),
            ("Growth in 2H 2025 slowed, in 1H '26 too.", [("2H 2025", ""), ("1H '26", "")]),
            ("Margins in 3Q25 and Q4'25 fell.", [("3Q25", ""), ("Q4'25", "")]),
            ("Orders in 4Q 2025 rose.", [("4Q 2025", "")]),
            # alternatives: one of two (or more), found whole
            ("Expected in Q3 or Q4 2025.", [("Q3 or Q4 2025", "")]),
            ("Due April or May 2026.", [("April or May 2026", "")]),
            ("Either 2026 or 2027.", [("2026 or 2027", "")]),
            ("In H1 or H2 2027, they said.", [("H1 or H2 2027", "")]),
            ("In Q2, Q3 or Q4 2025.", [("Q2, Q3 or Q4 2025", "")]),
            ("Between spring or summer 2026.", [("spring or summer 2026", "")]),
            ("In Q4 2025 or Q1 2026.", [("Q4 2025 or Q1 2026", "")]),
            ("Sometime in mid-2026 or 2027.", [("mid-2026 or 2027", "")]),
            ("Sometime in March or April.", [("March or April", "")]),
            ("In Q3 or Q4 of 2025 it grew.", [("Q3 or Q4 of 2025", "")]),
            ("In Q4, 2025 and H2 of 2026 it grew.", [("Q4, 2025", ""), ("H2 of 2026", "")]),
            # spans of two years
            ("The 2025/26 season starts.", [("2025/26", "")]),
            ("The 2025-26 season starts.", [("2025-26", "")]),
            ("In 1999/2000 it slowed.", [("1999/2000", "")]),
            # decades in thirds
            ("By the early 2020s it was done.", [("By the early 2020s", "")]),
            (
                "Around the mid-2020s, or mid 2030s.",
                [("Around the mid-2020s", ""), ("mid 2030s", "")],
            ),
            ("Late 2020s, they hope.", [("Late 2020s", "")]),
            # undated
            ("Release date TBD.", [("date TBD", "")]),
            ("The price is TBA, the venue TBC.", [("TBA", ""), ("TBC", "")]),
            ("Pricing is to be announced.", [("to be announced", "")]),
            ("The launch date not announced yet.", [("date not announced", "")]),
            ("Launch: date not yet announced.", [("date not yet announced", "")]),
            ("Launch at an unknown date.", [("unknown date", "")]),
            ("The team is to be determined.", [("to be determined", "")]),
            # ranges of thirds and the limits' other words, found whole ("mid-to-late 2026"
            # was found as "late 2026", "ahead of 2027" as the year 2027)
            ("Shipments are expected mid-to-late 2026.", [("mid-to-late 2026", "")]),
            ("Sales peak in early-to-mid 2027, they said.", [("early-to-mid 2027", "")]),
            ("The launch is set ahead of 2027.", [("ahead of 2027", "")]),
            ("It ships as early as Q3 2026.", [("as early as Q3 2026", "")]),
            ("It ships no sooner than 2H 2026.", [("no sooner than 2H 2026", "")]),
            ("The deal closes by year's end.", [("by year's end", "")]),
            # calendar years said as such ("Q3 CY27" was found as "Q3" of the reference year)
            ("Q3 CY27 results beat estimates.", [("Q3 CY27", "")]),
            ("Capex in CY2026 will rise.", [("CY2026", "")]),
            ("It ships in calendar year 2027.", [("calendar year 2027", "")]),
            # a third of a quarter or a half is found whole ("late Q3" was the whole quarter)
            ("The chip is slated for late Q3 2026.", [("late Q3 2026", "")]),
            ("It launches in early H2 2026, after tests.", [("early H2 2026", "")]),
            ("Sales on 2026/04/03 were up.", [("2026/04/03", "")]),
        ],
    )
    def test_finds_analysts_phrases_whole(self, text: str, expected: list[tuple[str, str]]) -> None:
        """Each phrase found whole, with the value `When.parse` gives the phrase itself."""
        got = [(m.text, str(m.when)) for m in find_dates(text, reference=REF)]
        want = [(t, str(When.parse(t, reference=REF))) for t, _ in expected]
        assert got == want

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # shown as the fiscal period, the calendar months in brackets
            ("Microsoft grew in FY2025.", [("FY2025", FY25)]),
            ("Microsoft grew in Q3 FY2025.", [("Q3 FY2025", "Q3 FY2025 (January–March 2025)")]),
            ("Microsoft grew in H1 FY26.", [("H1 FY26", "H1 FY2026 (July–December 2025)")]),
            ("Microsoft grew in fiscal 2025.", [("fiscal 2025", FY25)]),
            ("It grew in fiscal year 2025.", [("fiscal year 2025", FY25)]),
        ],
    )
    def test_finds_fiscal_periods_whole(self, text: str, expected: list[tuple[str, str]]) -> None:
        got = find_dates(text, reference=REF, fiscal_year_start=7)
        assert [(m.text, str(m.when)) for m in got] == expected
        assert find_dates(text, reference=REF) == []  # never the calendar year

    def test_alternatives_resolve_against_the_year_they_name(self) -> None:
        # "April" of "April or May 2027" is April 2027, whatever the reference
        (m,) = find_dates("Due April or May 2027.", reference=REF)
        assert (m.text, m.when) == ("April or May 2027", When.parse("April or May 2027"))
        assert m.when.earliest == pendulum.date(2027, 4, 1)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a lower-case "net" is the word, not "no earlier than"
            ("net 2025 revenue rose in March 2026", [("March 2026", "March 2026")]),
            ("Its net March 2026 income", [("March 2026", "March 2026")]),
            # short halves and quarters need the capital letter
            ("ran 2h25m", []),
            ("in 2h25 it rained", []),
            (
                "in q3 or Q4 2025 and 1h or 2H 2026",
                [("Q4 2025", "Q4 2025"), ("2H 2026", "H2 2026")],
            ),
            ("it may or May 2026 not", [("May 2026", "May 2026")]),
            ("May or may not 2026", [("2026", "2026")]),
            # a year glued to "/digits" that are not the next year: no year, no guess
            ("call 555-2025/26 now", []),
            # ... but year, month and day with slashes are that day (When.parse reads them)
            ("on 2025/03/15 it rose", [("2025/03/15", "15 March 2025")]),
            ("on 2025/13/15 it rose", []),
            # undated abbreviations need capitals; "unknown" alone is not a date
            ("an unknown player, tbd later", []),
            # an alternative the parser refuses: without its relation, else as its parts
            ("by Q3 or Q4 2025", [("Q3 or Q4 2025", "Q3 or Q4 2025")]),
            # a qualifier applies to every alternative: found whole
            ("around mid-2026 or 2027", [("around mid-2026 or 2027", "c. mid-2026 or 2027")]),
            ("due c. Q3 or Q4 2025.", [("c. Q3 or Q4 2025", "c. Q3 or Q4 2025")]),
            ("over 1999/2000", []),
            ("1H or 2H 2026", [("1H or 2H 2026", "H1 or H2 2026")]),
            # "to be announced" followed by its date is that date
            (
                "The winner is to be announced on 15 April 2026.",
                [("15 April 2026", "15 April 2026")],
            ),
            # counts and amounts around the new forms stay counts
            ("over 1500 or 2000 people", []),
            ("$2025/26 each", []),
            ("a 2025/27 ratio", []),
            ("up 2H25%", []),
        ],
    )
    def test_new_forms_keep_the_guarantees(
        self, text: str, expected: list[tuple[str, str]]
    ) -> None:
        assert [(m.text, str(m.when)) for m in find_dates(text, reference=REF)] == expected

    @pytest.mark.parametrize(
        "text",
        [
            "10,000",
            "$600 million",
            "Hybrid Model 3.0",
            "1 trillion",
            "the creation of 2‑3 national-level smart devices",
            "by the end of the 15‑year plan",
            "over 2000 employees",
            "around 2000 people",
            "in 1500 cases",
            "No. 2026",
            "version 2026.1",
            "up 20% from 1999.5",
            "a 2030-style plan",
            "2030 million tokens",
            "it may happen",
            "q2 results",
            "0 followers",
            "three consecutive weeks",
            "1-2 weeks",
        ],
    )
    def test_ignores_numbers_that_are_not_dates(self, text: str) -> None:
        assert found(text) == []

    def test_spans_index_the_original_text(self) -> None:
        text = "Guangzhou aims for 10,000 AI‑plus enterprises by 2030, and KeLing by 2026."
        for m in find_dates(text, reference=None):
            assert text[m.start : m.end] == m.text
        assert [m.text for m in find_dates(text, reference=None)] == ["by 2030", "by 2026"]

    def test_relative_phrases_are_skipped_without_a_reference(self) -> None:
        assert found("slated for an April release by 2030", reference=None) == [
            ("by 2030", When.year(2030).by())
        ]

    def test_prefer_passes_through(self) -> None:
        matches = find_dates("expected in February", reference=REF, prefer="future")
        assert [m.when for m in matches] == [When.month(2027, 2)]

    @pytest.mark.parametrize(
        ("reference", "prefer", "message"),
        [
            ("someday", "current", "the reference 'someday' is not a date"),
            ("2026-03", "current", "must name one day"),
            (REF, "soon", "prefer must be"),
        ],
    )
    def test_bad_options_raise(self, reference: str, prefer: str, message: str) -> None:
        with pytest.raises(WhenParseError, match=message):
            find_dates("by 2030", reference=reference, prefer=prefer)  # type: ignore[arg-type]

    def test_date_match_is_a_frozen_value(self) -> None:
        m = find_dates("by 2030", reference=None)[0]
        assert m == DateMatch("by 2030", 0, 7, When.year(2030).by())
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            m.text = "x"  # type: ignore[misc]

    @pytest.mark.skipif(not ARTICLE.exists(), reason="the shared article is not present")
    def test_the_article(self) -> None:
        matches = find_dates(ARTICLE.read_text(encoding="utf-8"), reference=REF)
        assert [(m.text, str(m.when)) for m in matches] == [
            ("April", "April 2026"),
            ("April", "April 2026"),
            ("the start of 2024", "early 2024"),
            ("by March 2025", "by March 2025"),
            ("by 2030", "by end of 2030"),
            ("2026", "2026"),
            ("by 2026", "by end of 2026"),
        ]

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=80))
    def test_any_text_gives_valid_spans(self, text: str) -> None:
        for m in find_dates(text, reference=REF):
            assert text[m.start : m.end] == m.text
            assert isinstance(m.when, When)


class TestRelativePhrasesFoundWhole:
    """Parts of a year said against the reference, and times from it: one phrase, one date."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Sales fell in December last year.", [("December last year", "December 2025")]),
            ("in December of last year", [("December of last year", "December 2025")]),
            ("due in June next year", [("June next year", "June 2027")]),
            ("in the second half of this year", [("the second half of this year", "H2 2026")]),
            ("the first quarter of next year", [("the first quarter of next year", "Q1 2027")]),
            ("due Q1 next year", [("Q1 next year", "Q1 2027")]),
            ("by H2 this year", [("by H2 this year", "by H2 2026")]),
            ("H1 of last year", [("H1 of last year", "H1 2025")]),
            ("done by year-end", [("by year-end", "by end of 2026")]),
            ("done by the year-end", [("by the year-end", "by end of 2026")]),
            ("by mid-year", [("by mid-year", "by mid-2026")]),
            ("a mid-year 2027 launch", [("mid-year 2027", "mid-2027")]),
            ("by midyear 2027", [("by midyear 2027", "by mid-2027")]),
            ("by the end of the decade", [("by the end of the decade", "by end of the 2020s")]),
            ("by the end of the week", [("by the end of the week", "by 2026-W14")]),
            ("the middle of the decade", [("the middle of the decade", "mid-2020s")]),
            ("a mid year report", []),
            ("a year-end 2027 goal", [("year-end 2027", "late 2027")]),
            ("by year-end 2027.", [("by year-end 2027", "by end of 2027")]),
            ("results for the third quarter were", [("the third quarter", "Q3 2026")]),
            ("in the fourth quarter", [("the fourth quarter", "Q4 2026")]),
            # a quarter of something else is no date
            ("in the third quarter of the match", []),
            # the short codes When.parse reads with a dash, basic ISO weeks, weeks of a month
            ("sales in H1-26 rose", [("H1-26", "H1 2026")]),
            ("guidance for 2H-2025 was", [("2H-2025", "H2 2025")]),
            ("in 1H-2H 2026", [("1H-2H 2026", "H1 2026 to H2 2026")]),
            ("in Q3-'26", [("Q3-'26", "Q3 2026")]),
            ("shipped in 2026W15", [("2026W15", "2026-W15")]),
            (
                "in the first week of April 2026",
                [("the first week of April 2026", "1 April 2026 to 7 April 2026")],
            ),
            (
                "in the last week of April",
                [("the last week of April", "24 April 2026 to 30 April 2026")],
            ),
            ("chip h1-26 and 3q-26 parts", []),
            # an analyst's estimate year, with its capital E
            ("revenue of $5bn in 2027E, up", [("2027E", "2027")]),
            ("by 2027E", [("by 2027E", "by end of 2027")]),
            ("model 2027e and $2027E", []),
            # alternatives said with ordinals, found whole
            (
                "in the second or third quarter of 2026 it",
                [("the second or third quarter of 2026", "Q2 or Q3 2026")],
            ),
            (
                "the first or second half of next year",
                [("the first or second half of next year", "H1 or H2 2027")],
            ),
            (
                "in the second or third quarter, sales",
                [("the second or third quarter", "Q2 or Q3 2026")],
            ),
            ("within 18 months", [("within 18 months", "by 30 September 2027")]),
            ("within the next two years", [("within the next two years", "by 30 March 2028")]),
            ("over the next five years", [("over the next five years", "by 30 March 2031")]),
            ("in the next 6 months", [("the next 6 months", "by 30 September 2026")]),
            ("over the next decade", [("over the next decade", "by 30 March 2036")]),
            # a time from some other event is not from the reference
            ("within 18 months of the merger", []),
            ("within two years after launch", []),
            ("over the next five years of the plan", []),
            # the coming weeks: within a few (2 to 6) weeks, about the day the most runs out
            ("in the coming weeks", [("the coming weeks", "by c. 11 May 2026")]),
            ("in the coming months", [("the coming months", "by c. 30 September 2026")]),
            ("in the coming months after the merger", []),
            # spans with no count at all have no honest date
            ("in the near future", []),
            ("soon", []),
            # lower-case "may" is the verb: only "next year" is a date
            ("we may next year", [("next year", "2027")]),
            # a 52/53-week year's period, counted in weeks: its days
            (
                "sales for the 13 weeks ended February 27, 2026 rose",
                [
                    (
                        "the 13 weeks ended February 27, 2026",
                        "29 November 2025 to 27 February 2026",
                    )
                ],
            ),
        ],
    )
    def test_finds(self, text: str, expected: list[tuple[str, str]]) -> None:
        assert [(m.text, str(m.when)) for m in find_dates(text, reference=REF)] == expected

    @pytest.mark.parametrize(
        "text",
        [
            "December last year",
            "the second half of this year",
            "the third quarter",
            "within 18 months",
            "over the next five years",
        ],
    )
    def test_skipped_without_a_reference(self, text: str) -> None:
        assert find_dates(text, reference=None) == []


_MONTHS = ["January", "April", "May", "June", "September", "December"]
_PHRASE = st.one_of(
    st.builds("NET {} {}".format, st.sampled_from(_MONTHS), st.integers(1950, 2150)),
    st.builds("{}H{:02d}".format, st.integers(1, 2), st.integers(0, 99)),
    st.builds("{}H {}".format, st.integers(1, 2), st.integers(1950, 2150)),
    st.builds("H{}'{:02d}".format, st.integers(1, 2), st.integers(0, 99)),
    st.builds("{}Q{:02d}".format, st.integers(1, 4), st.integers(0, 99)),
    st.builds(
        "Q{} or Q{} {}".format, st.integers(1, 3), st.integers(4, 4), st.integers(1950, 2150)
    ),
    st.builds(
        "{} or {} {}".format,
        st.sampled_from(_MONTHS[:3]),
        st.sampled_from(_MONTHS[3:]),
        st.integers(1950, 2150),
    ),
    st.integers(1950, 2150).map(lambda y: f"{y} or {y + 1}"),
    st.integers(1950, 2150).map(lambda y: f"{y}/{(y + 1) % 100:02d}"),
    st.builds("{} {}0s".format, st.sampled_from(["early", "mid", "late"]), st.integers(195, 214)),
    st.sampled_from(["TBD", "TBA", "to be announced", "date not announced"]),
    # forms added by the dates hunt: ranges of thirds, the limits' other words, dashes
    st.builds(
        "{}-to-{} {}".format,
        st.sampled_from(["early", "mid"]),
        st.sampled_from(["late"]),
        st.integers(1950, 2150),
    ),
    st.builds(
        "{} {}".format,
        st.sampled_from(["ahead of", "as early as", "no sooner than"]),
        st.integers(1950, 2150),
    ),
    st.integers(1950, 2148).map(lambda y: f"{y}\u2013{(y + 1) % 100:02d}"),
    st.builds(
        "{}/{:02d}/{:02d}".format, st.integers(1950, 2150), st.integers(1, 12), st.integers(1, 28)
    ),
    # forms added by the second dates hunt: parts of a year against the reference, deadlines
    st.builds(
        "{}{}{} year".format,
        st.sampled_from([*_MONTHS, "Q2", "H1", "the first quarter", "the second half"]),
        st.sampled_from([" ", " of "]),
        st.sampled_from(["this", "next", "last"]),
    ),
    st.builds("year-end {}".format, st.integers(1950, 2150)),
    st.builds("H{}-{:02d}".format, st.integers(1, 2), st.integers(0, 99)),
    st.builds("{}Q-{}".format, st.integers(1, 4), st.integers(1950, 2150)),
    st.builds("{}W{:02d}".format, st.integers(1950, 2150), st.integers(1, 52)),
    st.builds(
        "the {} week of {} {}".format,
        st.sampled_from(["first", "second", "third", "fourth", "last"]),
        st.sampled_from(_MONTHS),
        st.integers(1950, 2150),
    ),
    st.builds(
        "{} {} {}".format,
        st.sampled_from(["within", "over the next", "within the next"]),
        st.one_of(st.integers(1, 99).map(str), st.sampled_from(["two", "five", "eighteen"])),
        st.sampled_from(["days", "weeks", "months", "quarters", "years"]),
    ),
)
_FRAME = st.sampled_from(
    ["{}", "Revenue grew in {}.", "Acme said {}, and it will.", "Launch ({}) of 10,000 units"]
)


class TestAnalystsPhrasesProperties:
    @settings(max_examples=150, deadline=None)
    @given(_PHRASE, _FRAME)
    def test_each_form_is_found_whole_with_the_parsers_value(self, phrase: str, frame: str) -> None:
        text = frame.format(phrase)
        got = [(m.text, m.when) for m in find_dates(text, reference=REF)]
        assert got == [(phrase, When.parse(phrase, reference=REF))]


_HOSTILE = [
    "by ",
    "circa ",
    "Q1, ",
    "Q3 or ",
    "April, ",
    "1H or ",
    "TBD ",
    "2025/",
    "NET ",
    "2H25 ",
    "within 18 ",
    "over the next ",
    "December last ",
    "the third quarter of ",
    "year-end ",
    "in two to ",
    "within a few ",
    "in the coming ",
]


@pytest.mark.parametrize("piece", _HOSTILE)
def test_hostile_text_takes_linear_time(piece: str) -> None:
    # Before the prefix was bounded, 10 kB of "by " took 14 s (quadratic).
    text = (piece * (20_000 // len(piece)))[:20_000]
    started = time.perf_counter()
    find_dates(text, reference=REF)
    assert time.perf_counter() - started < 1.5


class TestNumericDates:
    """Day/month/year written in numbers: found whole, read only as far as they are sure.

    "Results on 25/04/2026" used to give the year 2026 alone (the day dropped);
    "03/04/2026" is 3 April or 4 March, and says so.
    """

    @pytest.mark.parametrize(
        ("text", "found", "said"),
        [
            ("Results on 25/04/2026.", "25/04/2026", "25 April 2026"),
            ("Results on 04/25/2026.", "04/25/2026", "25 April 2026"),
            ("Results on 25.04.2026.", "25.04.2026", "25 April 2026"),
            ("Results on 5/4/2026.", "5/4/2026", "5 April 2026 or 4 May 2026"),
            ("Results on 03/03/2026.", "03/03/2026", "3 March 2026"),
            ("Results on 31/12/2026.", "31/12/2026", "31 December 2026"),
            ("Due by 25/04/2026, it said.", "by 25/04/2026", "by 25 April 2026"),
            ("Version 2.0 ships 12/2026.", "12/2026", "December 2026"),
            ("Version 2.0 ships 1/2027.", "1/2027", "January 2027"),
        ],
    )
    def test_read(self, text: str, found: str, said: str) -> None:
        [m] = find_dates(text, reference="2026-03-01")
        assert (text[m.start : m.end], m.text, str(m.when)) == (found, found, said)

    @pytest.mark.parametrize(
        "text",
        [
            "Results on 13/13/2026.",
            "Results on 31/02/2026.",
            "Results on 30/02/2026.",
            "Ships 13/2026.",
        ],
    )
    def test_no_day_either_way_is_no_date(self, text: str) -> None:
        # not the year alone either: the text names a day, just not a real one
        assert find_dates(text, reference="2026-03-01") == []

    @pytest.mark.parametrize("sep", ["/", "."])
    @pytest.mark.parametrize("a", [1, 3, 12, 13, 28, 29, 30, 31])
    @pytest.mark.parametrize("b", [1, 2, 4, 12, 13, 31])
    def test_every_reading_is_a_real_day(self, sep: str, a: int, b: int) -> None:
        text = f"On {a:02d}{sep}{b:02d}{sep}2026 it opens."
        days = set()
        for day, month in ((a, b), (b, a)):
            with contextlib.suppress(ValueError):
                days.add(dt.date(2026, month, day))
        found = find_dates(text, reference=None)
        if not days:
            assert found == []
            return
        [m] = found
        assert m.text == f"{a:02d}{sep}{b:02d}{sep}2026"
        assert (m.when.earliest, m.when.latest) == (min(days), max(days))
        assert (" or " in str(m.when)) == (len(days) == 2)


class TestSeveralDatesWithTimes:
    """A time said before "on <day>" is that day's, not the time of the day before it."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # was ('1 January 2027, at 23:59', 2027-01-01T23:59) and 31 December without its time
            (
                "Set for 1 January 2027, at 23:59 on 31 December 2026 it began.",
                [
                    ("1 January 2027", "1 January 2027"),
                    ("23:59 on 31 December 2026", "2026-12-31T23:59"),
                ],
            ),
            (
                "on 5 May 2026 at 10:00 and at 11:00 on 6 May 2026",
                [
                    ("5 May 2026 at 10:00", "2026-05-05T10:00"),
                    ("11:00 on 6 May 2026", "2026-05-06T11:00"),
                ],
            ),
            (
                "It opens 6 May 2026, at 9 a.m. PT on 7 May 2026 the doors close.",
                [
                    ("6 May 2026", "6 May 2026"),
                    ("9 a.m. PT on 7 May 2026", "2026-05-07T09:00-07:00[America/Los_Angeles]"),
                ],
            ),
            (
                "Launch on 1 January 2027, at 23:59.",  # no day after the time: it is this day's
                [("1 January 2027, at 23:59", "2027-01-01T23:59")],
            ),
        ],
    )
    def test_a_time_goes_with_its_own_day(self, text: str, expected: list[tuple[str, str]]) -> None:
        found = find_dates(text, reference="2026-01-01")
        assert [(f.text, str(f.when)) for f in found] == expected


class TestBesideAnUnreadFiscalYear:
    """A part joined to a fiscal phrase no fiscal year reads ("Q3-Q4 FY2027") is left out;
    a date that names its own year is a date of its own ("H2 2026 and FY2027")."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("H2 2026 and FY2027 will tell.", [("H2 2026", "H2 2026")]),  # was nothing
            ("In March 2026 or FY2027.", [("March 2026", "March 2026")]),  # was nothing
            ("Q3-Q4 FY2027 sales", []),  # Q3 of the fiscal year, unread: not Q3 of 2026
            ("Q3 or FY2027", []),
        ],
    )
    def test_found(self, text: str, expected: list[tuple[str, str]]) -> None:
        found = find_dates(text, reference="2026-01-01")
        assert [(f.text, str(f.when)) for f in found] == expected


class TestAlternativesReadAsParts:
    """An alternative `When.parse` refuses whole is found as its parts; a part without its
    year takes the year the alternative names, as "April or May 2027" does."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # was late March 2025 (the reference's year)
            (
                "in late March or early April 2026",
                [("late March", "late March 2026"), ("early April 2026", "early April 2026")],
            ),
            (
                "mid-March or early April 2027 at the latest",
                [
                    ("mid-March", "mid-March 2027"),
                    ("early April 2027 at the latest", "by early April 2027"),
                ],
            ),
            # which December is not guessed (When.parse refuses "Q4 or Q1 2027"): was 2025's
            ("late December or early January 2027", [("early January 2027", "early January 2027")]),
        ],
    )
    def test_a_part_takes_the_named_year(self, text: str, expected: list[tuple[str, str]]) -> None:
        found = find_dates(text, reference="2025-01-01")
        assert [(f.text, str(f.when)) for f in found] == expected


class TestIsoIntervals:
    """An ISO 8601 interval written with a slash is one date, as `When.parse` reads it."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # was two dates, 6 April and 10 April
            (
                "from 2026-04-06/2026-04-10 on",
                [("2026-04-06/2026-04-10", "6 April 2026 to 10 April 2026")],
            ),
            ("in 2026-04/2026-06", [("2026-04/2026-06", "April 2026 to June 2026")]),
            (
                "at 2026-04-06T10:00Z/2026-04-07",
                [("2026-04-06T10:00Z/2026-04-07", "2026-04-06T10:00Z to 7 April 2026")],
            ),
            ("in 2025/2026", [("2025/2026", "2025 to 2026")]),  # as before
            (
                "2026-04-10/2026-04-06",
                [("2026-04-10", "10 April 2026"), ("2026-04-06", "6 April 2026")],
            ),
        ],
    )
    def test_found_whole(self, text: str, expected: list[tuple[str, str]]) -> None:
        found = find_dates(text, reference="2025-01-01")
        assert [(f.text, str(f.when)) for f in found] == expected


class TestOneOfTwoDays:
    """ "30 or 31 December 2026" is one of two days (an EDTF one-of set), not the 31st."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # was ("31 December 2026", "31 December 2026"): the 30th dropped
            ("on 30 or 31 December 2026", [("30 or 31 December 2026", "[2026-12-30,2026-12-31]")]),
            (
                "on December 30 or 31, 2026",
                [("December 30 or 31, 2026", "[2026-12-30,2026-12-31]")],
            ),
            ("on 28 or 29 February 2028", [("28 or 29 February 2028", "[2028-02-28,2028-02-29]")]),
        ],
    )
    def test_found(self, text: str, expected: list[tuple[str, str]]) -> None:
        found = find_dates(text, reference="2026-01-01")
        assert [(f.text, f.when.to_edtf()) for f in found] == expected
        for f in found:
            assert When.parse(str(f.when)) == f.when  # said back and read again

    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("29 or 30 February 2028", "day must be 1..29 in that month, got 30"),
            ("31 or 30 December 2026", "write the days in order"),
        ],
    )
    def test_refused(self, text: str, reason: str) -> None:
        with pytest.raises(WhenParseError, match=reason):
            When.parse(text)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # an adverb after a year is no noun it counts: was 2030 and 2035 only
        ("targets for 2030, 2035 and 2040 respectively", ["2030", "2035", "2040"]),
        ("now due in 2027 instead", ["2027"]),
        ("a launch in 2026 too", ["2026"]),
        ("2000 employees in 2026", ["2026"]),  # a count stays a count
    ],
)
def test_a_year_before_an_adverb_is_a_year(text: str, years: list[str]) -> None:
    assert [f.text for f in find_dates(text, reference="2026-01-01")] == years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # was ("2026", "2026"): the year alone, though the text names a week of it
        ("In week 53 of 2026 the plant shuts.", [("week 53 of 2026", "2026-W53")]),
        ("due in week 5, 2027", [("week 5, 2027", "2027-W05")]),
        ("in week 53 of 2025", []),  # 2025 has 52 ISO weeks: no date, and not the year
        ("week 3 of the season", []),
    ],
)
def test_a_week_of_a_year_is_found_whole(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text, reference="2026-01-01")
    assert [(f.text, str(f.when)) for f in found] == expected
