"""A delay told only by the date it moved from ("delayed from late last year") gives up that
date with no new one: the draft is not expected on the date left behind."""

from __future__ import annotations

import pytest

from timeline import Source, Status
from timeline.extract import extract


def _one(text: str):  # type: ignore[no-untyped-def]
    (draft,) = extract(text, source=Source("Test", published="2026-03-10"))
    return draft


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Customer qualification was delayed from late last year.", "late 2025"),
        ("The launch has been postponed from March.", "March 2026"),
        ("The opening was pushed back from 2026.", "2026"),
    ],
)
def test_the_date_moved_from_is_the_first_promise(text: str, first: str) -> None:
    draft = _one(text)
    assert draft.when.is_undated, draft.reasons
    assert draft.status is Status.EXPECTED
    assert str(draft.first_when) == first


@pytest.mark.parametrize(
    ("text", "when", "first"),
    [
        ("The launch has been postponed from March to June.", "June 2026", "March 2026"),
        ("The opening was pushed back from 2026 to 2027.", "2027", "2026"),
    ],
)
def test_with_the_new_date_it_is_a_move(text: str, when: str, first: str) -> None:
    draft = _one(text)
    assert (str(draft.when), str(draft.first_when)) == (when, first)
