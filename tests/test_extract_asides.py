"""`timeline.extract` on what a sentence says beside its statement, and on two goals in one.

A non-restrictive relative clause or an appositive (", which shipped 500 robots this
year,", ", who founded it in 2015,", ", the company that built the Model S,") is
background: the statement, its status and its date are the main clause's; the aside
becomes a draft of its own only when it has a date or a figure of its own. Holidays
("Christmas", "Lunar New Year") and places ("on Shanghai's STAR Market", "in Austin,
Texas") are not actors. Two dated goals joined by "and to", "and will" or "; it also
aims to" are two drafts, each with its own date and figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Source
from timeline.extract import Draft, extract

PUBLISHED = "2026-11-20"
DATA = Path(__file__).parent / "data" / "extract"


def drafted(text: str, published: str = PUBLISHED, **options: Any) -> list[Draft]:
    return list(extract(text, source=Source("Test", published=published), **options))


def summary(d: Draft) -> tuple[str, str]:
    return (str(d.when), d.status.value)


def starting(found: list[Draft], head: str) -> Draft:
    hits = [d for d in found if d.title.startswith(head)]
    assert len(hits) == 1, [d.title for d in found]
    return hits[0]


class TestAsides:
    """The main clause's statement, whatever the aside between its subject and verb says."""

    # (text, the main clause's title start, its date, its status, its figures)
    MAIN: ClassVar[list[Any]] = [
        (
            "UBTech, which shipped 500 Walker S robots this year, plans to triple output in 2027.",
            "UBTech plans to triple output",
            "2027",
            "expected",
            ["3x"],
        ),
        (
            "Acme, which last year raised $200 million, will open a plant in Ohio in 2028.",
            "Acme will open a plant",
            "2028",
            "expected",
            [],
        ),
        (
            "Jane Doe, who founded the company in 2015, said it will list its shares in "
            "March 2027.",
            "Jane Doe said it will list",
            "March 2027",
            "expected",
            [],
        ),
        (
            "Orbital, whose first rocket failed in 2024, expects to fly again in the second "
            "quarter of 2027.",
            "Orbital expects to fly again",
            "Q2 2027",
            "expected",
            [],
        ),
        (
            "Tesla, the company that built the Model S in 2012, aims to sell 2 million robotaxis "
            "by 2030.",
            "Tesla aims to sell 2 million robotaxis",
            "by end of 2030",
            "expected",
            ["2 million robotaxis"],
        ),
        (
            "Foxconn, a supplier that doubled sales in 2025, will build a factory in Texas by "
            "2029.",
            "Foxconn will build a factory",
            "by end of 2029",
            "expected",
            [],
        ),
        # the aside looks forward, the main clause back
        (
            "Helix, which plans to list in 2027, raised $300 million in October.",
            "Helix raised $300 million",
            "October 2026",
            "happened",
            ["$300 million"],
        ),
    ]

    @pytest.mark.parametrize(("text", "head", "when", "status", "figs"), MAIN)
    def test_main_clause_keeps_its_statement(
        self, text: str, head: str, when: str, status: str, figs: list[str]
    ) -> None:
        main = starting(drafted(text), head)
        assert summary(main) == (when, status)
        values = [str(o.value) for o in main.observations]
        if main.target is not None:
            values.append(str(main.target.goal))
        assert values == figs
        assert main.quote == text  # the quote stays the whole sentence

    # (text, the aside's date and status, or None when it makes no draft)
    ASIDE: ClassVar[list[Any]] = [
        (
            "UBTech, which shipped 500 Walker S robots this year, plans to triple output in 2027.",
            ("2026 to 20 November 2026", "happened"),
        ),
        (
            "Acme, which last year raised $200 million, will open a plant in Ohio in 2028.",
            ("2025", "happened"),
        ),
        # no date nor figure of its own: background only
        ("Acme, which makes batteries, will open a plant in 2028.", None),
        ("Jane Doe, who leads the group, said it will list its shares in March 2027.", None),
        ("Tesla, the carmaker, aims to sell 2 million robotaxis by 2030.", None),
    ]

    @pytest.mark.parametrize(("text", "aside"), ASIDE)
    def test_aside_is_a_draft_only_with_a_date_or_figure_of_its_own(
        self, text: str, aside: tuple[str, str] | None
    ) -> None:
        found = drafted(text)
        assert len(found) == (1 if aside is None else 2), [d.title for d in found]
        if aside is not None:
            assert summary(found[1]) == aside
            assert found[1].actors[:1] == found[0].actors[:1]  # about the same subject

    # Not asides: a date given up ("which was originally planned for 2027") is the
    # statement's first promise; a list of names is no aside.
    def test_a_date_given_up_in_an_aside_stays_the_first_promise(self) -> None:
        (d,) = drafted("The plant, which was originally planned for 2027, will now open in 2029.")
        assert (str(d.when), str(d.first_when)) == ("2029", "2027")

    def test_a_list_is_no_aside(self) -> None:
        found = drafted("Acme will work with Foxconn, Tesla, and Rivian on the plan in 2028.")
        assert [summary(d) for d in found] == [("2028", "expected")]
        assert found[0].actors == ("Acme", "Foxconn", "Tesla", "Rivian")


class TestNotActors:
    @pytest.mark.parametrize(
        "holiday",
        [
            "Christmas",
            "Easter",
            "Diwali",
            "Lunar New Year",
            "Chinese New Year",
            "Ramadan",
            "Thanksgiving",
            "Black Friday",
            "Golden Week",
            "Singles Day",
            "Hanukkah",
            "Labor Day",
            "Christmas Eve",
            "Eid al-Fitr",
        ],
    )
    def test_a_holiday_is_no_actor(self, holiday: str) -> None:
        (d,) = drafted(f"Acme expects shares to start trading before {holiday}.")
        assert d.actors == ("Acme",)

    @pytest.mark.parametrize(
        ("text", "actors"),
        [
            ("Unitree's IPO on Shanghai's STAR Market was approved on Monday.", ("Unitree",)),
            ("Acme will list in Hong Kong's main board in 2027.", ("Acme",)),
            ("Acme opened an office at London's Canary Wharf in 2025.", ("Acme",)),
            ("Acme will open a plant in Shanghai in 2027.", ("Acme",)),
            ("Acme held its event in Austin, Texas, in March.", ("Acme",)),
            ("Acme will build a plant near Austin, Texas, in 2027.", ("Acme",)),
            ("Acme will build a plant in Shenzhen, China by 2028.", ("Acme",)),
            # a country that acts is an actor
            ("China said it will cut tariffs in 2027.", ("China",)),
            ("China's commerce ministry said it will cut tariffs in 2027.", ("China",)),
            # a body named after a possessive is the actor, not who owns it
            (
                "China's Ministry of Commerce said it will cut tariffs in 2027.",
                ("Ministry of Commerce",),
            ),
            (
                "California's Air Resources Board voted to delay the rule to 2027.",
                ("Air Resources Board",),
            ),
            (
                "Texas's Public Utility Commission will vote on the plan in March 2027.",
                ("Public Utility Commission",),
            ),
        ],
    )
    def test_places_are_no_actors(self, text: str, actors: tuple[str, ...]) -> None:
        assert drafted(text)[0].actors == actors


class TestTwoGoals:
    # (text, [(date, figure or None)] of the drafts in order)
    CASES: ClassVar[list[Any]] = [
        (
            "The ministry said it aims to mass-produce humanoid robots by 2027 and to have "
            "10,000 robots working in factories by the end of 2028, up from about 1,500 last "
            "year.",
            [("by end of 2027", None), ("by end of 2028", "10,000 robots")],
        ),
        (
            "Acme plans to open 20 stores by 2027 and to reach 50 stores by 2030.",
            [("by end of 2027", "20 stores"), ("by end of 2030", "50 stores")],
        ),
        (
            "Acme will launch its app in March 2027 and will reach 1 million users by 2028.",
            [("March 2027", None), ("by end of 2028", "1 million users")],
        ),
        (
            "Acme aims to build 5 plants by 2028; it also aims to hire 2,000 workers by 2030.",
            [("by end of 2028", "5 plants"), ("by end of 2030", "2,000 workers")],
        ),
        (
            "The city wants to cut emissions by 30% by 2030 and to be carbon neutral by 2050.",
            [("by end of 2030", "30%"), ("by end of 2050", None)],
        ),
    ]

    @pytest.mark.parametrize(("text", "expected"), CASES)
    def test_two_dated_goals_are_two_drafts(
        self, text: str, expected: list[tuple[str, str | None]]
    ) -> None:
        found = drafted(text)
        got = []
        for d in found:
            fig = None
            if d.target is not None:
                fig = str(d.target.goal)
            elif d.observations:
                fig = str(d.observations[0].value)
            got.append((str(d.when), fig))
        assert got == expected
        assert all(d.status.value == "expected" for d in found)

    @pytest.mark.parametrize(
        "text",
        [
            # one move, not two goals: "and then to" goes on with the same verb
            "The launch slipped to 2027 and then to 2028.",
            "Revenue rose to $5 billion in 2025 and to $7 billion in 2026.",
        ],
    )
    def test_a_verb_going_on_is_not_a_new_goal(self, text: str) -> None:
        assert len(drafted(text)) == 1


def test_robots_article() -> None:
    text = (DATA / "robots.txt").read_text(encoding="utf-8")
    found = drafted(text)
    ubtech = starting(found, "UBTech plans to triple output")
    assert summary(ubtech) == ("2027", "expected")
    assert ubtech.target is not None and str(ubtech.target.goal) == "3x"
    shipped = starting(found, "UBTech, which shipped 500 Walker S robots")
    assert summary(shipped) == ("2026 to 20 November 2026", "happened")
    first, second = found[:2]  # "aims to mass-produce ... by 2027 and to have 10,000 ..."
    assert [summary(first), summary(second)] == [
        ("by end of 2027", "expected"),
        ("by end of 2028", "expected"),
    ]
    assert second.target is not None and str(second.target.goal) == "10,000 robots"
    ministry = ("Ministry of Industry and Information Technology",)
    assert first.actors == second.actors == ministry
    assert all("Christmas" not in d.actors and "Shanghai" not in d.actors for d in found)


_SUBJECTS = ["Acme", "UBTech", "Jane Doe", "Orbital Systems"]
_ASIDE_TEXTS = [
    "which shipped {n} robots in {y}",
    "which last year raised ${n} million",
    "who founded the company in {y}",
    "whose first plant opened in {y}",
    "the company that built {n} drones in {y}",
    "a supplier that doubled sales in {y}",
    "which makes batteries",
    "which plans to list in {y2}",
]
_MAINS = [
    ("will open a plant in {y2}", "{y2}", "expected"),
    ("plans to hire 500 engineers by {y2}", "by end of {y2}", "expected"),
    ("said it will list its shares in March {y2}", "March {y2}", "expected"),
    ("raised $300 million in {y}", "{y}", "happened"),
]


@settings(max_examples=60, deadline=None)
@given(
    subject=st.sampled_from(_SUBJECTS),
    aside=st.sampled_from(_ASIDE_TEXTS),
    main=st.sampled_from(_MAINS),
    n=st.integers(2, 900),
    y=st.integers(2010, 2025),
    y2=st.integers(2027, 2035),
)
def test_an_aside_never_takes_the_main_clause_over(
    subject: str, aside: str, main: tuple[str, str, str], n: int, y: int, y2: int
) -> None:
    verb, when, status = (part.format(y=y, y2=y2) for part in main)
    text = f"{subject}, {aside.format(n=n, y=y, y2=y2)}, {verb}."
    found = drafted(text)
    heads = [d for d in found if d.title.startswith(f"{subject} {verb.split()[0]}")]
    assert len(heads) == 1, [d.title for d in found]
    assert summary(heads[0]) == (when, status)
    assert len(found) <= 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBTech shipped 500 Walker S robots this year.", ["500 robots"]),
        ("Tesla delivered 1,000 Model Y cars in May.", ["1,000 cars"]),
        ("Meta bought 20,000 H100 GPUs in 2025.", ["20,000 GPUs"]),
        ("Acme sold 500 robots.", ["500 robots"]),
        # a year before a name is no count; a version after a name is no number
        ("In 2025 Acme Motors cut prices.", []),
        ("Acme launched Model 3 cars.", []),
    ],
)
def test_a_count_with_a_product_name_before_its_noun(text: str, expected: list[str]) -> None:
    from timeline.extract._figures import figures

    assert [str(f.quantity) for f in figures(text, 0, len(text), [])] == expected


@pytest.mark.parametrize(
    ("text", "aside_title"),
    [
        (
            "UBTech, which shipped 500 Walker S robots this year, plans to triple output in 2027.",
            "UBTech, which shipped 500 Walker S robots this year",
        ),
        # the aside stands beside "revenue", not beside Acme
        (
            "Acme said revenue, which rose 20% in 2025, will grow 30% in 2026.",
            "Acme said revenue, which rose 20% in 2025",
        ),
        (
            "The rule, which takes effect in January 2027, requires banks to hold more capital "
            "by 2028.",
            "The rule, which takes effect in January 2027",
        ),
    ],
)
def test_an_aside_is_titled_with_what_it_stands_beside(text: str, aside_title: str) -> None:
    found = drafted(text)
    assert [d.title for d in found][1:] == [aside_title]


@pytest.mark.parametrize(
    ("text", "main_when", "aside_when"),
    [
        ("Acme, founded in 2015, will open a plant in 2027.", "2027", "2015"),
        ("The Neutron rocket, built by Rocket Lab, will fly in 2026.", "2026", None),
        ("The plant, opened in 2020, will double output by 2027.", "by end of 2027", "2020"),
        (
            "Zorbix, backed by SoftBank since 2021, plans to list in 2027.",
            "2027",
            "2021 to 10 March 2026",
        ),
    ],
)
def test_a_participle_aside_is_background(
    text: str, main_when: str, aside_when: str | None
) -> None:
    """ ", founded in 2015,", ", built by Rocket Lab,": the main clause keeps its date."""
    found = list(extract(text, reference="2026-03-10"))
    main = [d for d in found if d.status.value == "expected"]
    assert [str(d.when) for d in main] == [main_when], [(d.title, str(d.when)) for d in found]
    asides = [str(d.when) for d in found if d.status.value == "happened"]
    assert asides == ([] if aside_when is None else [aside_when])


def test_the_maker_in_a_participle_aside_is_the_actor_of_a_statement_with_none() -> None:
    (d,) = extract(
        "The Neutron rocket, built by Rocket Lab, will fly in 2026.", reference="2026-03-10"
    )
    assert d.actors == ("Rocket Lab",)
    (d,) = extract("Acme, backed by SoftBank, will list in 2027.", reference="2026-03-10")
    assert d.actors == ("Acme",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the cause of a delay: background, and the main clause says the statement is done
        (
            "Chevron's $53 billion deal for Hess, delayed by an arbitration with Exxon Mobil, "
            "finally closed in July 2025.",
            ("July 2025", "happened", None, ("Chevron", "Hess")),
        ),
        (
            "Acme's plant, delayed by a strike, opened in May 2026.",
            ("May 2026", "happened", None, ("Acme",)),
        ),
        (
            "Acme's plant, postponed by flooding at the site, will open in 2027.",
            ("2027", "expected", None, ("Acme",)),
        ),
        # how often it was delayed, with no date: background too
        (
            "The launch, delayed twice, took place in May 2026.",
            ("May 2026", "happened", None, ()),
        ),
        (
            "The launch, postponed several times, will now take place in May 2027.",
            ("May 2027", "expected", None, ()),
        ),
        (
            "The launch, delayed twice, was originally due in 2025 and is now set for 2027.",
            ("2027", "expected", "2025", ()),
        ),
        # a delay by an amount is the statement's move, not background
        (
            "Acme's plant, delayed by a year, will open in May 2028.",
            ("May 2028", "expected", "May 2027", ("Acme",)),
        ),
        (
            "Acme's plant, delayed by six months, opened in May 2026.",
            ("May 2026", "happened", "November 2025", ("Acme",)),
        ),
    ],
)
def test_a_delay_told_by_its_cause_is_an_aside(
    text: str, expected: tuple[str, str, str | None, tuple[str, ...]]
) -> None:
    """ ", delayed by an arbitration with Exxon Mobil,": why it was late, not a move of the
    statement's date (was: the slip made "finally closed in July 2025" expected)."""
    (d,) = extract(text, reference="2026-09-10")
    first = None if d.first_when is None else str(d.first_when)
    assert (str(d.when), d.status.value, first, d.actors) == expected, d.reasons
