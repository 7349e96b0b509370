"""Date phrases written with hyphens ("end-of-2025", "year-end-2026", "mid-year-2027"):
`find_dates` finds them whole and `When.parse` reads them, each as the same phrase written
with spaces reads (the oracle: the spaced spelling, which both already read)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import When
from timeline.dates import find_dates

REF = "2026-06-15"

HYPHENATED = [
    # (hyphenated, the same with spaces)
    ("end-of-2025", "end of 2025"),
    ("start-of-2026", "start of 2026"),
    ("beginning-of-2026", "beginning of 2026"),
    ("middle-of-2026", "middle of 2026"),
    ("end-of-March 2026", "end of March 2026"),
    ("end-of-Q2 2026", "end of Q2 2026"),
    ("end-of-the-year", "end of the year"),
    ("end-of-the-decade", "end of the decade"),
    ("end-of-year 2026", "end of year 2026"),
    ("end-of-year-2026", "end of year 2026"),
    # spaced, the year after "year": was found as "2026" alone
    ("end of year 2026", "end of year 2026"),
    ("by the end of year 2026", "by end of 2026"),
    ("by end-of-2025", "by end of 2025"),
    ("by the end-of-2025", "by the end of 2025"),
    # a year joined by a hyphen too: no span from the year's end to the year
    ("year-end-2026", "year-end 2026"),
    ("mid-year-2027", "mid-year 2027"),
    # already read: kept
    ("year-end 2026", "year end 2026"),
    ("end-2025", "end of 2025"),
    ("mid-2027", "mid 2027"),
    ("early-2026", "early 2026"),
    ("late-2020s", "late 2020s"),
]


@pytest.mark.parametrize(("hyphenated", "spaced"), HYPHENATED)
def test_a_hyphenated_phrase_reads_as_its_spaced_form(hyphenated: str, spaced: str) -> None:
    """`When.parse` (was: an error for "end-of-2025", a span "late 2026 to 2026" for
    "year-end-2026") and `find_dates` (was: nothing, or "year-end" alone) agree with the
    spaced spelling."""
    want = When.parse(spaced, reference=REF)
    assert When.parse(hyphenated, reference=REF) == want
    found = find_dates(f"Acme will finish the plant {hyphenated}, it said.", reference=REF)
    assert [(d.text, d.when) for d in found] == [(hyphenated, want)]


@settings(max_examples=40, deadline=None)
@given(
    part=st.sampled_from(["end", "start", "beginning", "middle"]),
    of=st.sampled_from(["{y}", "Q{q} {y}", "March {y}", "the year", "year {y}"]),
    year=st.integers(1990, 2060),
    quarter=st.integers(1, 4),
    by=st.sampled_from(["", "by ", "by the "]),
)
def test_hyphens_between_the_words_of_a_part_change_nothing(
    part: str, of: str, year: int, quarter: int, by: str
) -> None:
    """Property: "<by> <part>-of-<span>" is found whole and reads as "<part> of <span>"."""
    span = of.format(y=year, q=quarter)
    if part == "middle" and span.startswith("Q"):
        return  # "middle of Q2" is no phrase either way
    spaced, hyphenated = f"{by}{part} of {span}", f"{by}{part}-of-{span.replace('the ', 'the-')}"
    hyphenated = hyphenated.replace("of-year ", "of-year-")  # "end-of-year-2026"
    try:
        want = When.parse(spaced, reference=REF)
    except ValueError:
        return  # not read spaced either: nothing to agree with
    assert When.parse(hyphenated, reference=REF) == want
    found = find_dates(f"It is due {hyphenated}.", reference=REF)
    assert [(d.text, d.when) for d in found] == [(hyphenated, want)]
