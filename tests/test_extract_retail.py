"""`timeline.extract` on a retail article (tests/data/extract/retail_stores_2027.txt): store
openings, closures and remodels, read against what a careful reader drafts from it.

What it showed: a name after a preposition in a clause on the past ("a year after the
retailer signed a lease with developer Grupo Carso") is not who acts, with the past verb
before the name as after it; a street after "on" ("on Oxford Street") is where, not who.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from extract_articles import titled_rows
from timeline import Source
from timeline.extract import Draft, extract

DATA = Path(__file__).parent / "data" / "extract"
PUBLISHED = "2027-05-12"


@functools.cache
def article() -> tuple[Draft, ...]:
    text = (DATA / "retail_stores_2027.txt").read_text(encoding="utf-8")
    return tuple(extract(text, source=Source("retail_stores_2027", published=PUBLISHED)))


def drafted(title: str) -> Draft:
    (d,) = [d for d in article() if d.title.startswith(title)]
    return d


def row(d: Draft) -> tuple[object, ...]:
    return (
        str(d.when),
        None if d.first_when is None else str(d.first_when),
        d.status.value,
        d.actors,
        d.location,
        None if d.target is None else str(d.target),
    )


# (title starts with, when, first promise, status, actors, location, target)
EXPECTED: list[Any] = [
    (
        "Costco plans to open 25 new warehouses",
        "by end of 2028",
        None,
        "expected",
        ("Costco",),
        "US",
        "25 new warehouses by end of 2028 (Costco: new warehouses)",
    ),
    pytest.param(
        "Primark will open its first store",
        "autumn 2027",
        None,
        "expected",
        ("Primark",),  # not Grupo Carso, named in a clause on the past
        "Mexico City",  # "its first store in Mexico City": a site owned, then where
        None,
    ),
    (
        "Walgreens said it would close",
        "by August 2028",
        None,
        "expected",
        ("Walgreens",),
        None,
        "about 500 more stores by August 2028 (Walgreens: more stores)",
    ),
    (
        "Walgreens, after shutting 1,200",
        "2024 to 12 May 2027",
        None,
        "happened",
        ("Walgreens",),
        None,
        None,
    ),
    (
        "H&M pushed back the opening",
        "March 2028",
        "October 2027",
        "expected",
        ("H&M",),
        "New York",
        None,
    ),
    (
        "Aldi expects to have 3,200 US stores",
        "by end of 2028",
        None,
        "expected",
        ("Aldi",),
        None,
        "3,200 stores by end of 2028 (Aldi: stores)",
    ),
    pytest.param(
        "With all of its former Winn-Dixie sites",
        "by mid-2027",
        None,
        "expected",
        ("Aldi",),
        None,  # Winn-Dixie is a former chain, not a place
        None,
    ),
    (
        "Ikea will open a city-centre store",
        "spring 2028",
        None,
        "expected",
        ("Ikea",),
        "Oxford Street, London",
        None,
    ),
    (
        "Starbucks said it plans to open 20 new stores",
        "2028",
        None,
        "expected",
        ("Starbucks",),
        "Tokyo",
        "20 new stores by 2028 (Starbucks: new stores)",
    ),
    ("Starbucks, which closed 400 cafes", "2026", None, "happened", ("Starbucks",), None, None),
    ("Target said it completed", "April 2027", None, "happened", ("Target",), None, None),
]


@pytest.mark.parametrize(("title", "expected"), titled_rows(EXPECTED))
def test_retail_article(title: str, expected: tuple[object, ...]) -> None:
    assert row(drafted(title)) == expected


def test_retail_article_has_no_other_drafts() -> None:
    assert len(article()) == len(EXPECTED)


def test_retail_article_no_comment_and_byline_are_no_drafts() -> None:
    assert not [d for d in article() if d.title.startswith(("Dollar General", "By our"))]


def test_retail_article_said_by_the_cfo() -> None:
    assert drafted("Costco plans").said_by == "Gary Millerchip"
