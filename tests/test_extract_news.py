"""`timeline.extract` on central-bank, telecom and biotech news (tests/data/extract).

What reading those articles showed, each a table of variants of the phrase: a
yearless month or quarter in a statement that looks forward is the next one after
publication ("will publish its guidance in the first quarter", said in November); a
noun that also reads as a past verb ("one more cut by March") is no cue; units and
regulatory acronyms ("6 GHz", "PDUFA") and plural common nouns opening a sentence
("Lenders must ...") are no actors; "the company" is never a public body, nor "It" a
place; a sentence is never cut inside an institution's name ("Food and Drug
Administration"); a trailing "after cutting it in August" is background to the
statement before it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from timeline import Source
from timeline.extract import Draft, extract

PUBLISHED = "2025-11-06"
DATA = Path(__file__).parent / "data" / "extract"


def drafted(text: str, published: str = PUBLISHED, **options: Any) -> list[Draft]:
    return list(extract(text, source=Source("Test", published=published), **options))


def summary(d: Draft) -> tuple[str, str]:
    return (str(d.when), d.status.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The regulator will publish its guidance in the first quarter.", "Q1 2026"),
        ("The regulator will publish its guidance in April.", "April 2026"),
        ("Acme expects to close the deal by March.", "by March 2026"),
        ("Acme plans to open the store in September.", "September 2026"),
        ("Acme will report results in the second quarter.", "Q2 2026"),
        # not yet over, or given with a year: as written
        ("Acme will report on December 18.", "18 December 2025"),
        ("Acme will report results in the fourth quarter.", "Q4 2025"),
        ("Acme will publish its guidance in April 2025.", "April 2025"),
    ],
)
def test_a_yearless_date_looking_forward_is_the_next_one(text: str, expected: str) -> None:
    (d,) = drafted(text)
    assert summary(d) == (expected, "expected")


def test_a_yearless_date_looking_back_stays_the_last_one() -> None:
    (d,) = drafted("Acme opened the store in September.")
    assert summary(d) == ("September 2025", "happened")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Markets now expect one more cut by March.", ("by March 2026", "expected")),
        ("Traders expect another cut in the first quarter.", ("Q1 2026", "expected")),
        ("Analysts see a rate cut in 2026.", ("2026", "expected")),
        # the verb still is one
        ("The bank cut rates in August.", ("August 2025", "happened")),
    ],
)
def test_a_noun_that_reads_as_a_past_verb_is_no_cue(text: str, expected: tuple[str, str]) -> None:
    assert summary(drafted(text)[0]) == expected


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("TRAI will auction 6 GHz spectrum in the third quarter of 2026.", ("TRAI",)),
        ("Acme will build a 500 MW plant by 2028.", ("Acme",)),
        ("Acme will add 2 GWh of storage by 2028.", ("Acme",)),
        ("The FDA set a PDUFA date of June 14, 2026.", ("FDA",)),
        ("Acme filed an NDA with the FDA in March.", ("Acme", "FDA")),
        ("Lenders must hold an extra 1.5% of assets from July 2027.", ()),
        ("Banks will report results in January 2026.", ()),
        ("Carmakers expect sales to rise 5% in 2026.", ()),
    ],
)
def test_units_acronyms_and_plural_nouns_are_no_actors(text: str, actors: tuple[str, ...]) -> None:
    assert drafted(text)[0].actors == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # "the company" is the company, not the agency named after it
        (
            "Verdant Bio said the U.S. Food and Drug Administration accepted its application "
            "in 2025. The company expects data in 2026.",
            ("Verdant Bio",),
        ),
        (
            "Helix Therapeutics said the European Medicines Agency approved its drug in 2025. "
            "The company plans to launch it in 2026.",
            ("Helix Therapeutics",),
        ),
        # "It" is not the place named last
        (
            "Acme switched on 5G in Mumbai in March. It plans to add 1,000 towers by 2026.",
            ("Acme",),
        ),
        (
            "Acme opened a plant in Austin in 2024. It will open another in 2027.",
            ("Acme",),
        ),
    ],
)
def test_the_company_and_it_stand_for_a_company(text: str, actors: tuple[str, ...]) -> None:
    assert drafted(text)[-1].actors == actors


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Verdant said on Thursday the U.S. Food and Drug Administration accepted its "
            "application and set a PDUFA date of June 14, 2026.",
            "Food and Drug Administration",
        ),
        (
            "Acme said on Monday the Securities and Exchange Commission approved its listing "
            "and trading will start on 3 December 2025.",
            "Securities and Exchange Commission",
        ),
    ],
)
def test_no_cut_inside_an_institution_name(text: str, body: str) -> None:
    found = drafted(text)
    assert any(body in d.actors for d in found), [(d.title, d.actors) for d in found]
    assert all(not d.title.endswith((" Food", " Securities")) for d in found)


@pytest.mark.parametrize(
    ("text", "main", "aside"),
    [
        (
            "The Bank of England kept its interest rate at 4.0% on Thursday, after cutting it "
            "by a quarter point in August.",
            ("6 November 2025", "happened"),
            ("August 2025", "happened"),
        ),
        (
            "Acme raised prices on Monday, following a 10% rise in costs in 2024.",
            ("3 November 2025", "happened"),
            ("2024", "happened"),
        ),
        (
            "Acme will open the plant in 2027, after completing its tests in 2026.",
            ("2027", "expected"),
            ("2026", "expected"),
        ),
    ],
)
def test_a_trailing_after_clause_is_background(
    text: str, main: tuple[str, str], aside: tuple[str, str]
) -> None:
    found = drafted(text)
    assert [summary(d) for d in found] == [main, aside]


def test_an_aside_about_the_company_named_before() -> None:
    text = (
        "Vodafone Idea said it will launch 5G in 75 cities by March 2026. The operator, which "
        "switched on 5G in Mumbai in March, has rolled out service in 17 cities."
    )
    found = drafted(text)
    aside = [d for d in found if "Mumbai" in d.quote and d.when.earliest is not None]
    assert [d.actors[:1] for d in found[1:]] == [("Vodafone Idea",), ("Vodafone Idea",)]
    assert aside and str(aside[-1].when) == "March 2025"


@pytest.mark.parametrize(
    ("name", "published", "head", "when", "status", "actors"),
    [
        (
            "central_bank",
            "2025-11-06",
            "The Bank of England kept its benchmark",
            "6 November 2025",
            "happened",
            ("Bank of England",),
        ),
        (
            "central_bank",
            "2025-11-06",
            "The regulator will publish",
            "Q1 2026",
            "expected",
            ("Prudential Regulation Authority",),
        ),
        ("central_bank", "2025-11-06", "Lenders must hold", "July 2027", "expected", ()),
        (
            "telecom",
            "2025-09-15",
            "It plans to add 11,000 towers",
            "by 15 September 2026",
            "expected",
            ("Vodafone Idea",),
        ),
        (
            "telecom",
            "2025-09-15",
            "The telecom regulator TRAI will auction",
            "Q3 2026",
            "expected",
            ("TRAI",),
        ),
        (
            "biotech",
            "2025-10-02",
            "The company expects topline data",
            "H2 2026",
            "expected",
            ("Verdant Bio",),
        ),
        (
            "biotech",
            "2025-10-02",
            "Verdant Bio set a PDUFA target action date",
            "14 June 2026",
            "expected",
            ("Verdant Bio",),
        ),
    ],
)
def test_articles(
    name: str, published: str, head: str, when: str, status: str, actors: tuple[str, ...]
) -> None:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    found = [d for d in drafted(text, published) if d.title.startswith(head)]
    assert len(found) == 1, [d.title for d in drafted(text, published)]
    assert (str(found[0].when), found[0].status.value, found[0].actors) == (when, status, actors)


class TestTheCompanyAfterAPublicBody:
    """ "The company" is a company named before, never a public body ("NASA's Artemis III")
    nor a product named after "of" or "on" ("the first flight of Starship")."""

    @pytest.mark.parametrize(
        ("text", "company"),
        [
            (
                "SpaceX now expects the first crewed flight of Starship in late 2027. NASA's "
                "Artemis III landing, which depends on Starship, has slipped to mid-2028. "
                "The company completed its ninth test flight on February 12.",
                "SpaceX",
            ),
            (
                "Acme plans to ship the Widget in 2027. The FDA approved a rival on May 2. "
                "The company said its trial ended on April 3.",
                "Acme",
            ),
            (
                "Moderna expects approval in 2027. The EPA fined a supplier of Moderna on "
                "May 2. The company completed the study on April 3.",
                "Moderna",
            ),
        ],
    )
    def test_the_company(self, text: str, company: str) -> None:
        last = drafted(text)[-1]
        assert last.actors[0] == company, last.reasons

    def test_a_name_with_new_keeps_it(self) -> None:
        text = "Blue Origin said its New Glenn rocket would launch on May 2."
        (draft,) = drafted(text)
        assert "Glenn" not in draft.actors
