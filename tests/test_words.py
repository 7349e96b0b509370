"""`When.words`: a value for a reader, with what `str` writes in EDTF said in words."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings

from fuzzing import examples
from strategies import edtf_free, masked_whens, whens
from timeline import When


class TestWords:
    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("2026-XX-15", "the 15th of a month in 2026"),
            ("2026-04-XX", "some day in April 2026"),
            ("2026-XX-XX", "some day in 2026"),
            ("2026-XX", "some month of 2026"),
            ("202X", "some year in the 2020s"),
            # "the 1800s" is the century: a decade of it is said by its years
            ("180X", "some year from 1800 to 1809"),
            ("200X", "some year in the 2000s"),
            ("190X-04", "April of some year from 1900 to 1909"),
            # the library's centuries run 1900-1999 ("the 20th century" is When.century(1900))
            ("19XX", "some year in the 20th century"),
            ("1XXX", "some year from 1000 to 1999"),
            ("XXXX", "some year"),
            ("XXXX-04", "April of some year"),
            ("XXXX-12-25", "25 December of some year"),
            ("156X-12-25", "25 December of some year in the 1560s"),
            ("XXXX-XX-15", "the 15th of a month in some year"),
            # digits that allow days apart: each run said, a long run with an en dash
            ("2026-1X-0X", "the 1st\u20139th of October\u2013December 2026"),
            ("2026-X2", "February or December 2026"),
            ("2026-0X", "January\u2013September 2026"),
            ("2026-XX-1X", "the 10th\u201319th of a month in 2026"),
            ("2026-XX-3X", "the 30th or 31st of a month in 2026"),
            ("2026-01-X5", "the 5th, 15th or 25th of January 2026"),
            # days a month does not have are not offered: April has no 31st
            ("2026-04-3X", "30 April 2026"),
            ("2026-X1-X1", "the 1st, 11th, 21st or 31st of January or November 2026"),
            # years that are not one run: listed, or counted when many
            ("19X5", "one of 10 years from 1905 to 1995"),
            ("20X0-06", "June of one of 10 years from 2000 to 2090"),
            ("X999", "one of 10 years from 0999 to 9999"),
            ("2X26", "one of 10 years from 2026 to 2926"),
            # qualifiers and relations around the words, as for any value
            ("2026-XX-15?", "the 15th of a month in 2026?"),
            ("202X~", "c. some year in the 2020s"),
            ("[..202X]", "by some year in the 2020s"),
            ("[2026-XX..]", "no earlier than some month of 2026"),
            # in intervals and sets
            ("2026-XX-15/2027-03", "the 15th of a month in 2026 to March 2027"),
            ("2026-XX-15~/..", "from c. the 15th of a month in 2026 onwards"),
            ("[2026-XX-15,2027]", "the 15th of a month in 2026 or 2027"),
            ("[2026-XX,2027-XX]", "some month of 2026 or some month of 2027"),
            ("[2026-XX~,2027-XX~]", "c. some month of 2026 or some month of 2027"),
            ("[..2026-XX-15,2027]", "either by the 15th of a month in 2026 or 2027"),
            ("{2026-XX,2027}", "all of some month of 2026 and 2027"),
            ("[2026-XX..2027-1X]", "some month of 2026 to October\u2013December 2027"),
            # an interval with no date at all: its open end in words too (str keeps "..")
            (".. to unknown end", "open start to unknown end"),
            ("unknown start to ..", "unknown start to open end"),
            # parts qualified one by one, significant digits, ISO weeks
            ("2004?-06-~11", "11 June 2004 (the year uncertain, the day approximate)"),
            ("2026-XX-~15", "the 15th of a month in 2026 (the day approximate)"),
            ("20XX?-04", "April of some year in the 21st century (the year uncertain)"),
            ("%2026-06", "June 2026 (the year approximate and uncertain)"),
            ("1950S2", "1900 to 1999 (1950 to 2 significant digits)"),
            ("2026-W15", "week 15 of 2026 (6\u201312 April 2026)"),
            ("2026-W53", "week 53 of 2026 (28 December 2026\u20133 January 2027)"),
            # everything else reads as str() gives it
            ("2026-04", "April 2026"),
            ("[2026-04,2026-06]", "April or June 2026"),
            ("by 2030", "by end of 2030"),
        ],
    )
    def test_words(self, text: str, words: str) -> None:
        when = When.from_edtf(text) if "S" in text else When.parse(text)
        assert when.words() == words
        assert edtf_free(words)

    def test_str_keeps_the_text_the_parser_reads(self) -> None:
        when = When.parse("2026-XX-15")
        assert str(when) == "2026-XX-15"
        assert When.parse(str(when)) == when


@settings(
    max_examples=examples(200, 5_000),
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(when=masked_whens())
def test_unspecified_digits_are_said_in_words(when: When) -> None:
    words = when.words()
    assert edtf_free(words), (when.to_edtf(), words)
    assert words.strip() == words and words


@settings(max_examples=examples(200, 5_000), deadline=None)
@given(when=whens())
def test_words_are_str_for_values_str_says_in_words(when: When) -> None:
    text = str(when)
    # ISO weeks and instants are said in words too ("15 April 2026 at 09:30 UTC+8")
    if edtf_free(text) and not re.search(r"\d{4}-W\d|\d{4}-\d\d-\d\dT\d", text):
        assert when.words() == text
    assert edtf_free(when.words()), (text, when.words())
    assert not re.search(r"\d{4}-\d\d-\d\dT\d", when.words()), (text, when.words())


def test_days_named_are_days_the_value_allows() -> None:
    """Each day a text names is one the digits allow (spot check against the bounds)."""
    when = When.parse("2026-04-3X")
    assert when.earliest == when.latest == dt.date(2026, 4, 30)
    assert when.words() == "30 April 2026"


class TestInstantWords:
    """An instant for a reader: its day and clock time in words, with its zone said as a
    reader knows it ("UTC+8"), never the ISO text "2026-04-15T09:30+08:00"."""

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("2026-04-15T09:30+08:00", "15 April 2026 at 09:30 UTC+8"),
            ("2026-04-15T09:30:15Z", "15 April 2026 at 09:30:15 UTC"),
            ("2026-04-15T09:30", "15 April 2026 at 09:30"),  # floating: the local clock
            ("2026-04-15T09:30+05:45", "15 April 2026 at 09:30 UTC+5:45"),
            ("2026-04-15T09:30+14:00", "15 April 2026 at 09:30 UTC+14"),
            ("2026-04-15T09:30-12:00", "15 April 2026 at 09:30 UTC\u221212"),
            ("2026-04-15T09:30-03:30", "15 April 2026 at 09:30 UTC\u22123:30"),
            ("0001-01-01T00:00Z", "1 January 0001 at 00:00 UTC"),
            ("2026-04-15T09:30+08:00~", "c. 15 April 2026 at 09:30 UTC+8"),
            ("by 2026-04-15T09:30Z", "by 15 April 2026 at 09:30 UTC"),
            (
                "2026-04-15T09:30+08:00/2026-04-15T11:00+08:00",
                "15 April 2026 at 09:30 UTC+8 to 15 April 2026 at 11:00 UTC+8",
            ),
        ],
    )
    def test_said_in_words(self, text: str, words: str) -> None:
        assert When.parse(text).words() == words
        # str keeps the text the parser reads back
        assert When.parse(str(When.parse(text))) == When.parse(text)

    def test_a_named_zone_is_said_with_its_offset(self) -> None:
        import pendulum

        moment = pendulum.datetime(2026, 4, 15, 9, 30, tz="Asia/Shanghai")
        assert When.instant(moment).words() == "15 April 2026 at 09:30 Asia/Shanghai (UTC+8)"
