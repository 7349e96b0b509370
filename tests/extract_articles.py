"""Reading the hand-annotated articles in tests/data/extract and checking one draft of
each: shared by the article tests (test_extract_deals_power.py,
test_extract_shipyards_trials.py)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from timeline import Source
from timeline.extract import Draft, extract

DATA = Path(__file__).parent / "data" / "extract"


@functools.cache
def read_article(
    name: str, published: str, fiscal: tuple[tuple[str, int | str], ...]
) -> tuple[Draft, ...]:
    """The drafts of ``tests/data/extract/<name>.txt``, published on ``published``."""
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    return tuple(extract(text, source=Source(name, published=published), fiscal_years=dict(fiscal)))


def check_draft(
    drafts: tuple[Draft, ...],
    head: str,
    when: str,
    status: str,
    first: str | None,
    actors: tuple[str, ...],
    location: str | None,
) -> None:
    """The one draft titled from ``head`` has this date, status, first promise, actors and
    location (the reasons shown on failure)."""
    found = [d for d in drafts if d.title.startswith(head)]
    assert len(found) == 1, [d.title for d in drafts]
    d = found[0]
    assert (str(d.when), d.status.value) == (when, status), d.reasons
    assert (None if d.first_when is None else str(d.first_when)) == first, d.reasons
    assert (d.actors, d.location) == (actors, location), d.reasons


def known_wrong_rows(expected: list[Any], known_wrong: dict[str, str]) -> list[Any]:
    """``expected``'s rows, those whose head (second value) ``known_wrong`` lists marked
    a strict xfail with its reason (what is still read wrong)."""
    return [
        pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason=known_wrong[row[1]]))
        if row[1] in known_wrong
        else row
        for row in expected
    ]


def titled_rows(items: list[Any]) -> list[Any]:
    """Each row as its title and the rest, ``pytest.param`` rows keeping their marks."""
    out = []
    for item in items:
        values, marks = (item.values, item.marks) if hasattr(item, "marks") else (item, ())
        out.append(pytest.param(values[0], tuple(values[1:]), marks=marks, id=values[0]))
    return out
