"""A refusal's suggestion ("did you mean ...?") is itself a date the parser reads.

Found by mutating valid texts: "2026-3rd start of" suggested "2026-03rd start of",
"2020-W0" suggested "2020-W00" (no week 00), "slated for 2024-26" suggested "2024-26"
(refused as ambiguous), "2026-4 to 2026-6" suggested "2026-04 to 2026-6".
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import When, WhenParseError

REF = dt.date(2026, 3, 28)

_VALID = [
    "2026-04",
    "2026-04-05",
    "2026-04-05T10:00Z",
    "2026-W05",
    "2020-W01",
    "2026-04~",
    "2026-04/2026-06",
    "April 2026",
    "15 April 2026",
    "Q2 2026",
    "early 2024",
    "mid-April 2026",
    "2025-26",
    "2024-26",
    "1952-28",
    "by the end of 2030",
    "April 7, 2026 at 9 a.m. ET",
    "FY2026",
    "next quarter",
]

_MUTATIONS = [
    lambda s: s.replace("-0", "-"),  # digits dropped
    lambda s: s.replace("0", "", 1),
    lambda s: s[:-1],
    lambda s: s + " TBD",
    lambda s: "slated for " + s,
    lambda s: "expected " + s,
    lambda s: s.replace("r", "", 1),  # a misspelling
    lambda s: s.replace("i", "ii", 1),
    lambda s: s.replace("-", "/"),
    lambda s: s.replace("-", "."),
    lambda s: s + "rd start of",
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_VALID), st.lists(st.sampled_from(_MUTATIONS), min_size=1, max_size=2))
def test_a_suggestion_is_a_date(text: str, mutations: list[object]) -> None:
    for mutate in mutations:
        text = mutate(text)  # type: ignore[operator]
    try:
        When.parse(text, reference=REF)
    except WhenParseError as e:
        if e.suggestion is not None:
            When.parse(e.suggestion, reference=REF)  # raises if the suggestion is no date


@pytest.mark.parametrize(
    ("text", "says", "suggestion"),
    [
        ("2026-4 to 2026-6", "month and day take two digits", "2026-04 to 2026-06"),
        ("2026-4-31", "month and day take two digits", None),  # no 31 April either
        ("2026-3rd start of", "not a date form timeline reads", None),  # was "2026-03rd start of"
        ("2020-W0", "an ISO week takes two digits", None),  # was "2020-W00"
        ("2020-W5", "an ISO week takes two digits", "2020-W05"),
        ("0001-18", "neither a month", "0001 to 0018"),  # was '0001 to 18', which is no date
        # the word is named (was: "unknown word 'slated'", or the refused date suggested)
        ("slated for 1952-28", "'slated for' is not part of a date", None),
        ("2024-26 TBD", "'TBD' is not part of a date", None),
        ("2025-26 TBD", "'TBD' is not part of a date", "2025-26"),
    ],
)
def test_suggestions(text: str, says: str, suggestion: str | None) -> None:
    with pytest.raises(WhenParseError) as caught:
        When.parse(text)
    assert says in caught.value.reason
    assert caught.value.suggestion == suggestion


# -- a weekday alone: the dates offered are dates the parser reads, in the calendar --------
#
# "next Monday" said on 1 January 0001 offered '8 January 1' (refused: a year is written
# with four digits); "last Friday" said on 25 December 9999 said it "falls outside the
# calendar" (the second date offered, a week later, did), though 31 December 9999 is a Friday.


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.dates(dt.date(1, 1, 1), dt.date(1, 1, 31)),
        st.dates(dt.date(9999, 12, 1), dt.date(9999, 12, 31)),
        st.dates(dt.date(2, 1, 1), dt.date(9998, 12, 31)),
    ),
    st.sampled_from(["Monday", "next Friday", "last Wednesday", "this Sunday", "Saturday"]),
)
def test_a_weekday_alone_offers_dates_that_are_read(reference: dt.date, text: str) -> None:
    with pytest.raises(WhenParseError) as caught:
        When.parse(text, reference=reference)
    message = str(caught.value)
    offered = re.findall(r"'(\d{1,2} [A-Z][a-z]+ \d+)'", message.split("such as", 1)[-1])
    weekday = text.split()[-1]
    last = dt.date.max.toordinal()
    ahead = [dt.date.fromordinal(n) for n in range(reference.toordinal() + 1, last + 1)][:14]
    fits = [d for d in ahead if d.strftime("%A") == weekday]
    if not fits:  # none left in the calendar
        assert "weekday" in message and "ends on 31 December 9999" in message, message
        return
    assert "weekday" in message and offered, message
    for day in offered:
        read = When.parse(day)
        assert read.earliest == read.latest and read.earliest in fits, (day, message)
