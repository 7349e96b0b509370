"""`timeline.extract` on kinds of phrase and kinds of article beyond the seed article.

First the known gaps, each a table of variants of the phrase: verbs of
multiplication ("tripled", "halved") as figures, common nouns opening a sentence
("Tax breaks", "Subsidies") that are not actors, a slip told in the same
sentence as the first promise ("in June, a target it later pushed to July"), and
a yearless quarter in a game ("the fourth quarter") that is no date. Then short
articles of several kinds (EV makers, chips, a drug trial, a launch, policy
targets, earnings, a delayed project, a non-US source) with what a journalist
expects of their drafts.
"""

from __future__ import annotations

from typing import Any

import pytest

from timeline import Source, Status
from timeline.extract import Draft, extract
from timeline.extract._figures import figures
from timeline.extract._text import fold


def drafted(text: str, published: str = "2026-03-10", **options: Any) -> list[Draft]:
    return list(extract(text, source=Source("Test", published=published), **options))


def only(text: str, published: str = "2026-03-10", **options: Any) -> Draft:
    found = drafted(text, published, **options)
    assert len(found) == 1, [d.title for d in found]
    return found[0]


def found_figures(text: str) -> list[str]:
    return [str(f.quantity) for f in figures(fold(text), 0, len(text), [])]


class TestMultiplyingVerbs:
    """ "tripled", "doubled", "halved": a multiple said as a verb is a figure."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("revenue tripled in 2025", ["3x"]),
            ("orders doubled last year", ["2x"]),
            ("costs halved", ["0.5x"]),
            ("sales quadrupled", ["4x"]),
            ("output quintupled", ["5x"]),
            ("the user base grew tenfold", ["10-fold"]),
            # the other forms of the verb: a plan to double is a figure too
            ("plans to double capacity by 2027", ["2x"]),
            ("is doubling its workforce", ["2x"]),
            ("doubles every year", ["2x"]),
            ("aims to triple output", ["3x"]),
            ("will halve emissions by 2030", ["0.5x"]),
            ("wants to cut costs in half", ["0.5x"]),
            # a bound word before the verb is kept
            ("profit more than doubled", ["more than 2x"]),
            ("shipments nearly tripled", ["about 3x"]),
            # not multiples: an idiom, an adjective, a compound
            ("the company doubled down on chips", []),
            ("a double-digit rise", []),
            ("a double whammy of tariffs", []),
            ("the triple-A rating", []),
        ],
    )
    def test_found(self, text: str, expected: list[str]) -> None:
        assert found_figures(text) == expected

    @pytest.mark.parametrize(
        ("text", "figure", "when"),
        [
            ("Acme's revenue tripled in 2025.", "3x", "2025"),
            ("Orders at Acme doubled last year.", "2x", "2025"),
            ("Acme said its costs halved in the first quarter of 2025.", "0.5x", "Q1 2025"),
        ],
    )
    def test_observed(self, text: str, figure: str, when: str) -> None:
        d = only(text)
        assert [(str(o.value), str(o.when)) for o in d.observations] == [(figure, when)]
        assert d.status is Status.HAPPENED

    def test_since_is_a_span_to_publication(self) -> None:
        # "grew tenfold since 2020": the growth is measured up to publication
        d = only("Acme's user base grew tenfold since 2020.")
        assert [str(o.value) for o in d.observations] == ["10-fold"]
        assert d.observations[0].when == d.when
        assert d.when.latest is not None and str(d.when.latest) == "2026-03-10"

    def test_goal(self) -> None:
        # "plans to double ... by 2027": a goal with a deadline is the target
        d = only("Acme plans to double its battery output by 2027.")
        assert d.target is not None
        assert (str(d.target.goal), str(d.target.deadline)) == ("2x", "by end of 2027")

    def test_a_clause_that_only_halved(self) -> None:
        # "..., while costs halved": a figure makes the clause a statement of its own
        titles = [d.title for d in drafted("Acme's orders doubled last year, while costs halved.")]
        assert (
            titles == ["Acme's orders doubled last year", "While costs halved"] or len(titles) == 2
        )


class TestSentenceOpeners:
    """A common noun that opens a sentence ("Tax breaks", "Subsidies") is not an actor."""

    @pytest.mark.parametrize(
        "text",
        [
            "Tax breaks for buyers will expire in 2027.",
            "Subsidies for buyers are expected to end next year.",
            "Tariffs on imported panels will rise to 50% in June.",
            "Incentives worth $7,500 are set to lapse by September.",
            "Emissions rules take effect in 2027.",
            "Regulations require the change by 2028.",
            "Negotiations are expected to conclude in April.",
            "Battery prices fell 20% in 2025.",
            "Electric vehicle sales rose 35% last year.",
            "Interest rates will stay high until June.",
            "Inflation slowed to 2.4% in February.",
            "Construction began in May 2025.",
            "Approval is expected by the end of the year.",
            "Deliveries will start in the third quarter.",
        ],
    )
    def test_no_actor(self, text: str) -> None:
        assert only(text).actors == ()

    @pytest.mark.parametrize(
        ("text", "actors"),
        [
            # names at the start stay names
            ("Tesla will open the plant in 2027.", ("Tesla",)),
            ("Apple shares rose 4% on Tuesday.", ("Apple",)),
            ("Rivian deliveries fell 10% in 2025.", ("Rivian",)),
            ("Nvidia expects sales of $40 billion in the next quarter.", ("Nvidia",)),
            # a common word that the text also writes as a name mid-sentence is a name
            (
                "Amazon will open it in 2027. Analysts said Amazon was late.",
                ("Amazon",),
            ),
        ],
    )
    def test_names_kept(self, text: str, actors: tuple[str, ...]) -> None:
        assert drafted(text)[0].actors == actors


class TestSlipInOneSentence:
    """ "launch in June, a target it later pushed to July": the draft is expected in July,
    and its event keeps June as the first promise with a claim moving it."""

    @pytest.mark.parametrize(
        ("text", "first", "now"),
        [
            (
                "Rivian said it would launch the R2 in June, a target it later pushed to July.",
                "June 2026",
                "July 2026",
            ),
            (
                "Rivian planned to launch the R2 in June but later pushed it to July.",
                "June 2026",
                "July 2026",
            ),
            (
                "The R2 launch, first planned for June, has been delayed to September.",
                "June 2026",
                "September 2026",
            ),
            (
                "Rivian had scheduled the launch for June before postponing it until August.",
                "June 2026",
                "August 2026",
            ),
            (
                "The launch, slated for June, was moved to the fourth quarter.",
                "June 2026",
                "Q4 2026",
            ),
            (
                "Rivian originally targeted June for the launch, a date since pushed back to "
                "October.",
                "June 2026",
                "October 2026",
            ),
            ("The rollout was set for 2026 but slipped to 2027.", "2026", "2027"),
        ],
    )
    def test_revised(self, text: str, first: str, now: str) -> None:
        found = drafted(text)
        moved = [d for d in found if str(d.when) == now]
        assert moved, [(d.title, str(d.when)) for d in found]
        d = moved[0]
        assert d.status is Status.EXPECTED
        assert d.first_when is not None and str(d.first_when) == first
        event = d.to_event()
        assert str(event.when) == now
        assert [str(s.before) for s in event.slips] == [first]
        assert str(event.as_of("2026-03-10").when) == now

    def test_without_publication(self) -> None:
        # no day to state the claim on: the draft still says July, with June in its reasons
        d = extract(
            "Rivian will launch the R2 in June 2026, a target it later pushed to July 2026."
        ).drafts[0]
        assert str(d.when) == "July 2026"
        assert any("June 2026" in r for r in d.reasons)
        assert str(d.to_event().when) == "July 2026"

    @pytest.mark.parametrize(
        "text",
        [
            # two dates without a slip: the first after the cue, as before
            "Rivian will launch the R2 in June and deliver it in July.",
            "Rivian expects to launch the R2 in June, a month before Lucid's in July.",
        ],
    )
    def test_no_slip(self, text: str) -> None:
        assert all(d.first_when is None for d in drafted(text))


GAME = (
    "The Lakers beat the Celtics 112-104 on Sunday. LeBron James scored 14 of his 31 points "
    "in the fourth quarter, and the Lakers led by 12 points at the half. The teams meet again "
    "on 2 April."
)


class TestGameQuarters:
    """A yearless quarter or half in a story about a game is a period of play, not a date.

    The rule: "the fourth quarter", "the second half" (no year, no "fiscal", no
    "of the year") are dates unless their sentence speaks of play (points, scored,
    game, match, overtime, ...) and not of business (revenue, sales, earnings, ...).
    """

    def test_no_quarter_date(self) -> None:
        found = drafted(GAME)
        assert not any(d.when.precision.value in ("quarter", "half") for d in found)
        assert not any("quarter" in r and "->" in r for d in found for r in d.reasons)

    @pytest.mark.parametrize(
        "text",
        [
            "James scored 14 points in the fourth quarter.",
            "The Bears trailed 21-3 in the second half before rallying.",
            "United scored twice in the first half of the match.",
            "The game was tied after the third quarter.",
            "The Jets fumbled in the fourth quarter and lost the game.",
        ],
    )
    def test_period_of_play(self, text: str) -> None:
        for d in drafted(text):
            assert d.when.precision.value not in ("quarter", "half"), (d.title, str(d.when))

    @pytest.mark.parametrize(
        ("text", "when"),
        [
            # business context: the quarter of the year, as before
            ("Acme expects revenue to rise in the fourth quarter.", "Q4 2026"),
            ("Sales fell in the fourth quarter.", "Q4 2025"),
            # a year or "of the year" makes it a date whatever the context
            ("Ticket sales for games rose in the fourth quarter of 2025.", "Q4 2025"),
            ("The league expects the game to return in the second half of 2026.", "H2 2026"),
            ("The team expects ticket revenue to recover in the fourth quarter.", "Q4 2026"),
        ],
    )
    def test_quarter_of_a_year(self, text: str, when: str) -> None:
        assert str(drafted(text)[0].when) == when


def test_moved_draft_yaml_loads_and_checks() -> None:
    # the first promise and the claim survive the data file, and `check` has nothing to say
    from timeline.formats._io import loads

    x = extract(
        "Rivian said it would launch the R2 in June, a target it later pushed to July.",
        source=Source("Test", published="2026-03-10"),
    )
    tl = loads(x.to_yaml(), "yaml")
    event = next(iter(tl))
    assert (str(event.initial_when), str(event.when), len(event.claims)) == (
        "June 2026",
        "July 2026",
        1,
    )
    assert tl.check(today="2026-03-10") == []
