"""`timeline.extract` on a games-industry blog post (tests/data/extract/games_2027.txt), and
the rules it showed, each as a table of variants.

What it showed: a title with a Roman numeral is a product with its version ("Grand Theft Auto
VI"), as "DeepSeek V4" is; "the publisher" (and "the studio", "the broadcaster" ...) is the
company named before; a count with a product's name and its number between ("20 million
Switch 2 consoles") counts the noun after them; a release pushed into a fiscal year the text
cannot read is still expected; "net bookings" is what a goal counts.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from timeline import Source
from timeline.extract import Draft, extract


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "Take-Two Interactive said Grand Theft Auto VI will launch on May 26, 2028.",
            ("Take-Two Interactive",),
        ),
        ("Square Enix will release Final Fantasy XVII in 2028.", ("Square Enix",)),
        ("Grand Theft Auto VI will launch in May 2028, Take-Two said.", ("Take-Two",)),
        # "will now launch": the adverb between
        (
            "Take-Two said that Grand Theft Auto VI will now launch on May 26, 2028.",
            ("Take-Two",),
        ),
        ("Acme said Starship will now fly in 2028.", ("Acme",)),
        # a game named beside its noun
        ("Nintendo said the next Zelda game will ship in 2028.", ("Nintendo",)),
    ],
)
def test_a_roman_numeral_is_a_version(text: str, actors: tuple[str, ...]) -> None:
    (d,) = extract(text, reference="2027-05-14")
    assert d.actors == actors


@pytest.mark.parametrize(
    "text",
    [
        "King Charles III will open the new session in 2028.",
        "Pope Leo XIV will publish the letter in 2028.",
    ],
)
def test_a_monarchs_numeral_is_no_version(text: str) -> None:
    (d,) = extract(text, reference="2027-05-14")
    assert any(a.endswith(("III", "XIV")) for a in d.actors), d.actors


@pytest.mark.parametrize(
    "noun", ["publisher", "studio", "broadcaster", "streamer", "distributor", "exporter"]
)
def test_the_publisher_is_the_company_named_before(noun: str) -> None:
    text = f"Take-Two Interactive will ship a game in 2028. The {noun} expects growth in 2029."
    assert [d.actors for d in extract(text, reference="2027-05-14")] == [
        ("Take-Two Interactive",),
        ("Take-Two Interactive",),
    ]


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        (
            "Nintendo plans to ship 20 million Switch 2 consoles by March 2028.",
            "20 million consoles",
        ),
        ("Acme plans to sell 2 million Model 3 cars by 2028.", "2 million cars"),
        ("Acme plans to sell 500,000 Galaxy S27 phones by 2028.", "500,000 phones"),
    ],
)
def test_a_count_with_a_products_name_and_number(text: str, goal: str) -> None:
    (d,) = extract(text, reference="2027-05-14")
    assert d.target is not None and str(d.target.goal) == goal


def test_a_release_pushed_into_an_unread_fiscal_year_is_expected() -> None:
    (d,) = extract(
        "Ubisoft pushed the release of its remake into fiscal 2028-29.", reference="2027-05-14"
    )
    assert d.status.value == "expected"


def test_net_bookings_is_what_a_goal_counts() -> None:
    (d,) = extract("Take-Two expects net bookings of $9 billion in 2028.", reference="2027-05-14")
    assert d.target is not None and d.target.metric == "Take-Two: net bookings"


# The article, read against what a careful reader drafts from it.

DATA = Path(__file__).parent / "data" / "extract"


@functools.cache
def drafts() -> tuple[Draft, ...]:
    text = (DATA / "games_2027.txt").read_text(encoding="utf-8")
    return tuple(extract(text, source=Source("games", published="2027-05-14")))


def drafted(title: str) -> Draft:
    found = [d for d in drafts() if d.title.startswith(title)]
    assert len(found) == 1, [d.title for d in drafts()]
    return found[0]


# (title starts with, when, first promise, status, actors, target)
EXPECTED = [
    (
        "Take-Two Interactive said on Thursday",
        "26 May 2028",
        "November 2027",
        "expected",
        ("Take-Two Interactive",),
        None,
    ),
    (
        "The publisher still expects net bookings",
        "April 2027 to March 2028",
        None,
        "expected",
        ("Take-Two Interactive",),
        "$9 billion by April 2027 to March 2028 (Take-Two Interactive: net bookings)",
    ),
    (
        "Nintendo plans to ship 20 million",
        "April 2027 to March 2028",
        None,
        "expected",
        ("Nintendo",),
        "20 million consoles by April 2027 to March 2028 (Nintendo: consoles)",
    ),
    # a fiscal year the text cannot place without Ubisoft's year: not announced, expected
    ("Ubisoft pushed the release", "date not announced", None, "expected", ("Ubisoft",), None),
    (
        "Ubisoft now aims for an operating profit",
        "2028",
        None,
        "expected",
        ("Ubisoft",),
        "about €300 million by 2028 (Ubisoft: profit)",
    ),
    (
        "Netflix expects ad revenue",
        "by end of 2028",
        None,
        "expected",
        ("Netflix",),
        "$3 billion by end of 2028 (Netflix: revenue)",
    ),
    (
        "Sony has not set a date",
        "late 2028 or early 2029",
        None,
        "expected",
        ("Sony", "MST Financial"),
        None,
    ),
    ("Valve said it would stop", "1 January 2028", None, "expected", ("Valve",), None),
]


@pytest.mark.parametrize(("title", "expected"), [(r[0], r[1:]) for r in EXPECTED])
def test_games_article(title: str, expected: tuple[object, ...]) -> None:
    d = drafted(title)
    first = None if d.first_when is None else str(d.first_when)
    target = None if d.target is None else str(d.target)
    assert (str(d.when), first, d.status.value, d.actors, target) == expected


def test_games_article_netflix_in_the_fall() -> None:
    d = drafted("Netflix will start streaming")
    assert (str(d.when), d.status.value, d.actors[0]) == ("autumn 2027", "expected", "Netflix")


def test_games_article_zelda_this_holiday_season_is_read() -> None:
    """ "this holiday season" in an article of October 2027: late November to December 2027."""
    assert str(drafted("President Shuntaro Furukawa said").when) == (
        "late November 2027 to December 2027"
    )


def test_games_article_zelda_this_holiday_season() -> None:
    """ "Nintendo plans ..., and President Shuntaro Furukawa said": "President" alone is a
    head of state's title as often as a company's, and the text never ties him to Nintendo
    ("Nintendo President ...", "..., Nintendo's president"): he acts, not Nintendo."""
    d = drafted("President Shuntaro Furukawa said")
    assert (d.status.value, d.actors) == ("expected", ("Shuntaro Furukawa",))
