"""`find_dates` on a year after "until at least" / "to at least", and before "back": a year,
not a count (found while reading roadmaps for `timeline.extract`)."""

from __future__ import annotations

import pytest

from timeline.dates import find_dates

ROWS = [
    # (text, [(found text, value)])
    ("The plant will stay shut until at least 2029.",
     [("until at least 2029", "no earlier than 2029")]),
    ("The launch was delayed to at least 2028.", [("2028", "2028")]),
    ("Acme pushed the plant that was scheduled for 2026 back to 2028.",
     [("2026", "2026"), ("2028", "2028")]),
    # still counts
    ("Acme will hire at least 2028 workers.", []),
    ("Sales grew to at least 2028 units.", []),
    ("More than 2000 people came.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_a_year_after_at_least_and_before_back(text: str, expected: list[tuple[str, str]]) -> None:
    """ "shut until at least 2029": no earlier than 2029 (was: nothing found, "at least 2029"
    a count); "scheduled for 2026 back to 2028": 2026 a year (was: a count of "back")."""
    got = [(d.text, str(d.when)) for d in find_dates(text, reference="2027-05-12")]
    assert got == expected
