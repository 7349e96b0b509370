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

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Source, Status, When
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


# -- found by reading articles of other kinds (tests/data/extract) -----------------------


class TestReportedAfterTheContent:
    """ "X will list Y in H1 2026, the chairman told shareholders": the verb of the content,
    not the verb of speech, says which way the statement looks; its date is the content's."""

    @pytest.mark.parametrize(
        ("text", "when", "status"),
        [
            (
                "Reliance will list Jio in the first half of 2026, chairman Mukesh Ambani "
                "told shareholders.",
                "H1 2026",
                "expected",
            ),
            (
                "The bullet train is expected to begin operations by August 2027, the "
                "minister said on 28 February.",
                "by August 2027",
                "expected",
            ),
            (
                "Acme plans to open the plant in 2027, a spokesperson said on 2 March.",
                "2027",
                "expected",
            ),
            (
                "Acme will ship the phone in June, its chief executive told reporters.",
                "June 2026",
                "expected",
            ),
            # the content looks back: happened, on its own date
            (
                "Acme launched the phone in January, the company said on 2 March.",
                "January 2026",
                "happened",
            ),
        ],
    )
    def test_content_decides(self, text: str, when: str, status: str) -> None:
        d = drafted(text)[0]
        assert (str(d.when), d.status.value) == (when, status)


class TestWeekdays:
    """ "said on Tuesday": news names a day of the week near publication. A past statement
    is on the last such day on or before publication, a forward one on the next after it."""

    # published on Thursday 5 March 2026
    @pytest.mark.parametrize(
        ("text", "when"),
        [
            ("Novo Nordisk said on Monday its trial missed its goal.", "2 March 2026"),
            ("The Commission unveiled the plan on Wednesday.", "4 March 2026"),
            ("Acme announced the deal on Thursday.", "5 March 2026"),
            ("Acme raised $1 billion last Friday.", "27 February 2026"),
            ("Acme said Tuesday it had closed the round.", "3 March 2026"),
            # forward: the next one after publication
            ("Acme will report results on Tuesday.", "10 March 2026"),
            ("The vote is scheduled for Friday.", "6 March 2026"),
            ("Acme will unveil the car next Monday.", "9 March 2026"),
        ],
    )
    def test_day(self, text: str, when: str) -> None:
        assert str(drafted(text, "2026-03-05")[0].when) == when

    def test_without_reference(self) -> None:
        # no publication day: a weekday names no date
        d = extract("Acme said on Monday it launched the phone in May 2025.").drafts[0]
        assert str(d.when) == "May 2025"


class TestNotActors:
    """Products, plants and places are not who a statement is about."""

    @pytest.mark.parametrize(
        ("text", "actors"),
        [
            # a name after "its"/"their" (and an adjective) is something the actor owns
            ("Tesla cut the price of its Model Y in China last week.", ("Tesla",)),
            ("Intel postponed the opening of its Ohio factory to 2030.", ("Intel",)),
            ("TSMC will build chips at its second Arizona fab by 2028.", ("TSMC",)),
            ("Blue Origin plans to launch its Blue Moon lander in 2026.", ("Blue Origin",)),
            ("Tata Motors said its Sanand plant would start in April.", ("Tata Motors",)),
            ("Rivian will deliver its cheaper R2 SUV in 2026.", ("Rivian",)),
            # ... but not a company after "its subsidiary"
            ("Alphabet said its subsidiary Waymo would expand in 2026.", ("Alphabet", "Waymo")),
            # acronyms in the plural are things: "EVs", "SUVs", "GPUs"
            ("GM now expects to build 200,000 EVs in 2026.", ("GM",)),
            ("Tata will start producing electric SUVs in April.", ("Tata",)),
            # a stage or a model with a number
            ("Vertex said a Phase 3 trial failed in 2025.", ("Vertex",)),
            # an organisation's last word is never a name alone
            ("Rocket Lab's Neutron rocket will fly in 2026.", ("Rocket Lab",)),
            # places between which something runs
            (
                "Service between Merced and Bakersfield would begin in 2030.",
                (),
            ),
            (
                "The tunnel between Denmark and Germany is expected to open in 2031.",
                (),
            ),
            # a title before a person, however many words ("Transport Secretary")
            (
                "Transport Secretary Heidi Alexander said trains would run in 2033.",
                ("Heidi Alexander",),
            ),
        ],
    )
    def test_actors(self, text: str, actors: tuple[str, ...]) -> None:
        assert drafted(text)[0].actors == actors

    def test_between_is_one_phrase(self) -> None:
        # "between Merced and Bakersfield would begin": no cut at "and"
        found = drafted(
            "The authority said service between Merced and Bakersfield would begin in 2030."
        )
        assert len(found) == 1
        assert str(found[0].when) == "2030"


class TestComparisonDates:
    """ "up from $40.9 billion last year": the date of the figure compared with, not the
    statement's."""

    @pytest.mark.parametrize(
        ("text", "when", "figures"),
        [
            (
                "TSMC raised its capital budget to $52 billion, up from $40.9 billion last year.",
                "5 March 2026",
                [("$52 billion", "5 March 2026"), ("$40.9 billion", "2025")],
            ),
            (
                "Acme said sales reached $3 billion, compared with $2 billion in 2024.",
                "5 March 2026",
                [("$3 billion", "5 March 2026"), ("$2 billion", "2024")],
            ),
            (
                "Acme now employs 1,200 people, down from 1,500 in 2023.",
                "5 March 2026",
                [("1,200 people", "5 March 2026"), ("1,500 people", "2023")],
            ),
            # a date of its own stays the statement's
            (
                "Acme sold 45,000 cars in February, up from 40,000 in January.",
                "February 2026",
                [("45,000 cars", "February 2026"), ("40,000 cars", "January 2026")],
            ),
        ],
    )
    def test_dates(self, text: str, when: str, figures: list[tuple[str, str]]) -> None:
        d = drafted(text, "2026-03-05")[0]
        assert str(d.when) == when
        assert [(str(o.value), str(o.when)) for o in d.observations] == figures


class TestNegatedDeadline:
    """ "will not run before 2033": no earlier than 2033, not before it."""

    @pytest.mark.parametrize(
        ("text", "when"),
        [
            ("The first trains will not run before 2033.", "no earlier than 2033"),
            ("The plant won't open until 2028.", "no earlier than 2028"),
            ("Approval is not expected before June.", "no earlier than June 2026"),
            ("The line will not be finished until late 2031.", "no earlier than late 2031"),
            # not negated: as before
            ("The line will be finished before 2031.", "before 2031"),
        ],
    )
    def test_when(self, text: str, when: str) -> None:
        assert str(drafted(text)[0].when) == when


class TestByThen:
    """ "by then" is the deadline of the date named just before it."""

    @pytest.mark.parametrize(
        ("text", "when"),
        [
            (
                "Britain will ban new petrol cars from 2030. By then, 80% of new cars sold "
                "must be zero-emission.",
                "by end of 2030",
            ),
            (
                "Acme will open the plant in 2027. By then it expects to employ 2,000 people.",
                "by end of 2027",
            ),
            (
                "The law takes effect in June. Firms must comply by that time, the ministry said.",
                "by June 2026",
            ),
        ],
    )
    def test_when(self, text: str, when: str) -> None:
        assert str(drafted(text)[-1].when) == when


class TestSlipFromAfter:
    """ "will fly no earlier than Q1 2026, after a delay from 2025": the date now expected is
    the one not marked "from"; the "from" date is the first promise."""

    def test_after_a_delay(self) -> None:
        d = drafted(
            "Rocket Lab's Neutron will make its debut flight no earlier than the first "
            "quarter of 2026, the company said, after a delay from 2025.",
            "2025-12-01",
        )[0]
        assert (str(d.when), d.status.value) == ("no earlier than Q1 2026", "expected")
        assert d.first_when is not None and str(d.first_when) == "2025"


class TestHeadline:
    """The first line of an article, without closing punctuation and followed by a blank
    line, is its headline: no statement (the body says the same, with its date)."""

    @pytest.mark.parametrize(
        "headline",
        [
            "Rivian delays R2 deliveries as EV price war deepens",
            "Reliance to list Jio in first half of 2026; RBI holds rates",
            "TSMC to start 2nm mass production in Arizona by 2028",
        ],
    )
    def test_not_drafted(self, headline: str) -> None:
        text = f"{headline}\n\nAcme launched the phone in May 2025.\n"
        assert [d.title for d in drafted(text)] == ["Acme launched the phone in May 2025"]

    def test_a_body_line_is_read(self) -> None:
        # a line with a full stop is a sentence, wherever it stands
        text = "Acme will ship the phone in June.\n\nIt sold well in 2025.\n"
        assert len(drafted(text)) == 2


class TestCancelled:
    """ "scrapped plans for", "cancelled", "called off": the event is cancelled."""

    @pytest.mark.parametrize(
        "text",
        [
            "General Motors scrapped plans for a second battery plant in Michigan.",
            "Acme cancelled the launch of its tablet.",
            "The summit, planned for June, was called off.",
            "Acme has abandoned plans to build a factory in Ohio.",
            "Acme shelved its IPO in February.",
        ],
    )
    def test_status(self, text: str) -> None:
        assert drafted(text)[0].status is Status.CANCELLED

    def test_not_cancelled(self) -> None:
        d = drafted("Acme said it has no plans to cancel the launch in June.")[0]
        assert d.status is not Status.CANCELLED


class TestSeasonsWithoutYear:
    """ "in the spring": the next such season for a plan, the last for a past event."""

    @pytest.mark.parametrize(
        ("text", "when"),
        [
            ("Blue Origin plans to launch the lander in the spring.", "spring 2026"),
            ("Acme will open the store in the autumn.", "autumn 2026"),
            ("Acme expects to ship it in the fall.", "autumn 2026"),
            ("Acme launched the phone in the summer.", "summer 2025"),
        ],
    )
    def test_when(self, text: str, when: str) -> None:
        assert str(drafted(text)[0].when) == when


class TestYearBeforePreposition:
    """ "to 2030 from 2025": a year before a preposition is a year, not a count of things."""

    @pytest.mark.parametrize(
        ("text", "years"),
        [
            ("postponed the opening to 2030 from 2025", ["2030", "2025"]),
            ("moved it to 2027 amid weak demand", ["2027"]),
            ("pushed to 2028 citing costs", ["2028"]),
            ("delayed to 2029 despite protests", ["2029"]),
            ("back to 2031 following a review", ["2031"]),
            # counts stay counts
            ("hired 2000 engineers from rivals", []),
        ],
    )
    def test_years(self, text: str, years: list[str]) -> None:
        from timeline.dates import find_dates

        assert [m.text for m in find_dates(text, reference="2026-03-05")] == years

    def test_slip_read(self) -> None:
        d = only("Intel postponed the opening of its Ohio factory to 2030 from 2025.")
        assert (str(d.when), d.status.value, d.actors) == ("2030", "expected", ("Intel",))
        assert d.first_when is not None and str(d.first_when) == "2025"


class TestRangesWithOneUnit:
    """ "between 40,000 and 46,000 vehicles": one range, the unit said once."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("expects to deliver between 40,000 and 46,000 vehicles", ["40,000–46,000 vehicles"]),
            ("will add 5 to 10 GW of capacity", ["5–10 GW"]),
            ("guided to $18.5 to $19 billion", ["$18.5–19 billion"]),
            # a change is two figures
            ("grew from 5 to 10 GW", ["10 GW"]),
            ("a count of 3 and 40 engineers", ["40 engineers"]),
        ],
    )
    def test_found(self, text: str, expected: list[str]) -> None:
        assert found_figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Samsung expects profit to rise. Its HBM4 chips are due to ship next month.",
        "Samsung expects profit to rise. It plans to ship HBM4 chips next month.",
    ],
)
def test_its_at_a_sentence_start_is_the_last_company(text: str) -> None:
    assert drafted(text)[-1].actors == ("Samsung",)


class TestPolicyPhrases:
    """Plans said with an infinitive or a report after the content."""

    @pytest.mark.parametrize(
        ("text", "when", "status", "goal"),
        [
            # "a target to cut": an infinitive, not a cut that happened
            (
                "The Commission proposed on Wednesday a binding target to cut emissions by "
                "90% by 2040, compared with 1990 levels.",
                "by end of 2040",
                "expected",
                "90%",
            ),
            (
                "Acme set a goal to hit 1 million users by 2027.",
                "by end of 2027",
                "expected",
                "1 million users",
            ),
            # a report after the content, with a cancel cue after it: the content decides
            (
                "The trains will not run before 2033, the minister told Parliament on "
                "Wednesday, scrapping the previous target.",
                "no earlier than 2033",
                "expected",
                None,
            ),
            # "sold to be": a participle, the clause goes on with "will"
            (
                "Britain will ban petrol cars from 2030. By then, 80% of new cars sold are "
                "to be zero-emission.",
                "by end of 2030",
                "expected",
                "80%",
            ),
        ],
    )
    def test_draft(self, text: str, when: str, status: str, goal: str | None) -> None:
        d = drafted(text, "2026-03-05")[-1]
        assert (str(d.when), d.status.value) == (when, status)
        if goal is not None:
            assert d.target is not None and str(d.target.goal) == goal

    def test_member_states(self) -> None:
        d = only("Member states and the European Parliament must still approve the target.")
        assert d.actors == ("European Parliament",)

    def test_inflation_metric(self) -> None:
        d = only("Inflation is expected to average 4% in 2027, the governor said.")
        assert d.target is not None and d.target.metric.lower() == "inflation"


def test_a_calendar_date_before_an_unread_fiscal_period() -> None:
    # no fiscal year known for Apple: the calendar day is the statement's date
    d = only("Apple will report results for its fiscal first quarter on Jan. 30.", "2026-01-10")
    assert (str(d.when), d.status.value) == ("30 January 2026", "expected")


class TestMonthQuarters:
    """ "the December quarter": the three months ending in December, not December."""

    @pytest.mark.parametrize(
        ("text", "when"),
        [
            ("Apple guided to revenue growth for the December quarter.", "Q4 2026"),
            ("Revenue in the September quarter rose 5%.", "Q3 2025"),
            ("Acme expects sales to rise in the June quarter.", "Q2 2026"),
            (
                "Nvidia expects revenue of $65 billion in the October quarter.",
                "August 2026 to October 2026",
            ),
        ],
    )
    def test_when(self, text: str, when: str) -> None:
        assert str(drafted(text, "2026-01-10")[0].when) == when


class TestClauseSharesDate:
    """A clause without a date, cut from a dated one that looks the same way, shares its date."""

    @pytest.mark.parametrize(
        ("text", "when"),
        [
            ("Acme's orders doubled last year, while costs halved.", "2025"),
            ("Acme raised prices in January, but sales fell 5%.", "January 2026"),
            ("Acme will open the plant in 2027 and will hire 2,000 workers.", "2027"),
        ],
    )
    def test_shared(self, text: str, when: str) -> None:
        found = drafted(text)
        assert len(found) == 2
        assert str(found[1].when) == when

    def test_not_shared_across_directions(self) -> None:
        # a plan after a past event keeps its own reading: from publication onwards
        found = drafted("Acme launched the phone in January, and it plans to expand.")
        assert str(found[-1].when) != "January 2026"


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "California's Air Resources Board voted to delay the rule to 2027.",
            ("Air Resources Board",),
        ),
        (
            "Japan's Financial Services Agency will publish rules in June.",
            ("Financial Services Agency",),
        ),
        # a possessive before a product or a word keeps the owner
        ("Tencent's Hybrid Model is slated for April.", ("Tencent",)),
        ("China's AI industry will grow in 2027.", ("China",)),
    ],
)
def test_body_after_a_possessive(text: str, actors: tuple[str, ...]) -> None:
    assert drafted(text)[0].actors == actors


# -- whole articles: what a journalist expects of the key drafts -------------------------

DATA = Path(__file__).parent / "data" / "extract"

# (article, title start, when, status, actors); all published on Thursday 5 March 2026
ARTICLES = [
    # EV makers: a slip said with "from an earlier target", a range goal, "last week", a
    # plan scrapped, a figure in EVs; the headline is no draft
    (
        "ev_makers",
        "Rivian Automotive said on Tuesday",
        "H2 2026",
        "expected",
        ("Rivian Automotive",),
    ),
    (
        "ev_makers",
        "Rivian Automotive expects to deliver between",
        "2026",
        "expected",
        ("Rivian Automotive",),
    ),
    ("ev_makers", "Lucid Group plans", "late 2027", "expected", ("Lucid Group",)),
    ("ev_makers", "Tesla cut the price", "2026-W09", "happened", ("Tesla",)),
    ("ev_makers", "General Motors scrapped", "5 March 2026", "cancelled", ("General Motors",)),
    ("ev_makers", "The automaker now expects", "2026", "expected", ("General Motors",)),
    # chips: "to 2030 from 2025", "up from ... last year", "Its" as the company
    (
        "chips",
        "The company raised its 2026",
        "5 March 2026",
        "happened",
        ("Taiwan Semiconductor Manufacturing Co",),
    ),
    ("chips", "The chipmaker postponed", "2030", "expected", ("Intel",)),
    ("chips", "Its HBM4 memory chips", "April 2026", "expected", ("Samsung Electronics",)),
    # pharma: "on Monday", "within 12 months", "early 2026", a stage is no actor
    (
        "pharma",
        "Novo Nordisk said on Monday",
        "2 March 2026",
        "happened",
        ("Novo Nordisk",),
    ),
    ("pharma", "The FDA is expected", "by 5 March 2027", "expected", ("FDA",)),
    ("pharma", "Vertex said a Phase 3", "5 March 2026", "happened", ("Vertex",)),
    # space: "in the spring", a push back with "from", "no earlier than ... after a delay"
    # the chief executive who said so is the source (``said_by``), not an actor
    ("space", "Blue Origin plans", "spring 2026", "expected", ("Blue Origin",)),
    (
        "space",
        "NASA pushed back",
        "April 2026",
        "expected",
        ("NASA",),
    ),  # the mission pushed back is no actor
    ("space", "Rocket Lab's Neutron", "no earlier than Q1 2026", "expected", ("Rocket Lab",)),
    # policy: "a target to cut ... by 2040", "next month", a body after a possessive
    (
        "policy",
        "The European Commission proposed",
        "by end of 2040",
        "expected",
        ("European Commission",),
    ),
    (
        "policy",
        "The Department for Transport",
        "April 2026",
        "expected",
        ("Department for Transport",),
    ),
    ("policy", "California's Air Resources Board", "2027", "expected", ("Air Resources Board",)),
    # earnings: a calendar day beats an unread fiscal quarter, and a plan's day without
    # its year, five weeks before publication, is next year's; "the December quarter"
    ("earnings", "Apple will report", "30 January 2027", "expected", ("Apple",)),
    ("earnings", "Oracle shares doubled", "5 March 2026", "happened", ("Oracle",)),
    # a delayed project: "will not run before 2033", places are not actors
    (
        "infrastructure",
        "The first HS2 trains",
        "no earlier than 2033",
        "expected",
        ("Heidi Alexander", "Parliament"),
    ),
    ("infrastructure", "California's high-speed rail", "2030 to 2033", "expected", ("California",)),
    # a non-US source: day-month-year dates, "on 1 March", "from next month"
    (
        "non_us",
        "Reliance Industries will list",
        "H1 2026",
        "expected",
        # "chairman Mukesh Ambani" speaks for Reliance Industries, named before
        ("Reliance Industries", "Jio Platforms"),
    ),
    (
        "non_us",
        "The Reserve Bank of India kept",
        "6 February 2026",
        "happened",
        ("Reserve Bank of India",),
    ),
    (
        "non_us",
        "Reserve Bank of India will next meet on 8 April",
        "8 April 2026",
        "expected",
        ("Reserve Bank of India",),
    ),
    ("non_us", "Tata Motors said on 1 March", "April 2026", "expected", ("Tata Motors",)),
    ("non_us", "The carmaker sold", "February 2026", "happened", ("Tata Motors",)),
]


def article(name: str) -> list[Draft]:
    return drafted((DATA / f"{name}.txt").read_text(encoding="utf-8"), "2026-03-05")


class TestArticles:
    @pytest.mark.parametrize(("name", "head", "when", "status", "actors"), ARTICLES)
    def test_draft(
        self, name: str, head: str, when: str, status: str, actors: tuple[str, ...]
    ) -> None:
        found = [d for d in article(name) if d.title.startswith(head)]
        assert len(found) == 1, [d.title for d in article(name)]
        d = found[0]
        assert (str(d.when), d.status.value, d.actors) == (when, status, actors)

    @pytest.mark.parametrize(
        "name",
        ["ev_makers", "chips", "pharma", "space", "policy", "earnings", "infrastructure", "non_us"],
    )
    def test_headline_is_no_draft(self, name: str) -> None:
        headline = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
        assert all(d.title != headline for d in article(name))

    def test_figures(self) -> None:
        ev = {d.title[:30]: d for d in article("ev_makers")}
        goal = ev["Rivian Automotive expects to d"].target
        assert goal is not None and str(goal.goal) == "40,000–46,000 vehicles"
        gm = ev["The automaker now expects to b"].target
        assert gm is not None and str(gm.goal) == "200,000 EVs"
        chips = {d.title[:30]: d for d in article("chips")}
        raised = chips["The company raised its 2026 ca"]
        assert [(str(o.value), str(o.when)) for o in raised.observations] == [
            ("$52–56 billion", "5 March 2026"),
            ("$40.9 billion", "2025"),
        ]

    def test_slips_become_claims(self) -> None:
        space = {d.title[:16]: d for d in article("space")}
        nasa = space["NASA pushed back"]
        assert nasa.first_when is not None and str(nasa.first_when) == "September 2025"
        assert [str(s.after) for s in nasa.to_event().slips] == ["April 2026"]


# -- invariants --------------------------------------------------------------------------

_DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class TestProperties:
    @given(
        st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2150, 12, 31)),
        st.sampled_from(_DAY_NAMES),
        st.sampled_from(["on ", "last ", "next ", ""]),
    )
    @settings(max_examples=200, deadline=None)
    def test_weekday_reading(self, ref: dt.date, name: str, which: str) -> None:
        # the past reading is that weekday within the week up to the reference (the week
        # before for "last"); the forward one within the week after it
        from timeline.extract._weekdays import weekdays

        (w,) = weekdays(f"Acme said {which}{name} it grew.", ref, [])
        past, ahead = w.match.when.earliest, w.forward.earliest
        assert past is not None and ahead is not None
        assert ahead.weekday() == _DAY_NAMES.index(name) == past.weekday()
        assert 1 <= (ahead - ref).days <= 7
        if which == "next ":
            assert past == ahead
        elif which == "last ":
            assert 1 <= (ref - past).days <= 7
        else:
            assert 0 <= (ref - past).days <= 6

    @given(st.integers(1000, 2999), st.integers(1, 12))
    def test_quarter_ending(self, year: int, month: int) -> None:
        # three whole months, the last of them the month named
        from timeline.extract._weekdays import quarter_ending

        q = quarter_ending(When.month(year, month))
        assert q.latest == When.month(year, month).latest
        assert q.earliest is not None and q.latest is not None
        months = (q.latest.year - q.earliest.year) * 12 + q.latest.month - q.earliest.month
        assert (months, q.earliest.day) == (2, 1)

    @given(
        st.sampled_from(["doubled", "tripled", "quadrupled", "halved", "doubles", "tripling"]),
        st.sampled_from(["", "more than ", "nearly "]),
        st.text(alphabet="abcdefghij ,.", max_size=30),
    )
    def test_verb_multiple_always_one_figure(self, verb: str, bound: str, tail: str) -> None:
        text = f"Sales {bound}{verb} {tail}"
        found = figures(fold(text), 0, len(text), [])
        multiples = [f for f in found if f.quantity.unit == "x"]
        assert len(multiples) == 1
        assert multiples[0].start == len("Sales ")


class TestMoreNewsDates:
    """Halves of the year without a number, and a company's suffix ending a sentence."""

    @pytest.mark.parametrize(
        ("text", "when"),
        [
            ("The merger should close in the second half of the year.", "H2 2026"),
            ("Acme expects demand to recover in the second half.", "H2 2026"),
            ("Acme will ship the chip in the first half of the year.", "H1 2026"),
            ("Acme sees growth in the back half of the year.", "H2 2026"),
            # with a year, find_dates reads it
            ("Acme will ship the chip in the first half of 2027.", "H1 2027"),
        ],
    )
    def test_halves(self, text: str, when: str) -> None:
        assert str(drafted(text)[0].when) == when

    def test_half_of_a_match(self) -> None:
        found = drafted("Rovers scored twice in the second half to win the match.")
        assert all(d.when.precision.value != "half" for d in found)

    @pytest.mark.parametrize(
        ("text", "n"),
        [
            ("Earlier this year, Acme acquired Beta Corp. Sales rose 12% in 2025.", 2),
            ("Acme bought Beta Inc. The deal closed in May 2025.", 2),
            # a name goes on after the suffix
            ("Beta Corp. Chief Executive Jane Roe said it would list in 2027.", 1),
        ],
    )
    def test_company_suffix_ends_a_sentence(self, text: str, n: int) -> None:
        assert len(drafted(text)) == n


class TestUkNews:
    """Phrases of a UK business page (published 26 February 2026)."""

    @pytest.mark.parametrize(
        ("text", "when", "status"),
        [
            # a deadline given, whatever verb reports it
            (
                "Thames Water has until the end of March to agree a rescue deal, the High "
                "Court ruled.",
                "by March 2026",
                "expected",
            ),
            ("Acme was given until June to respond.", "by June 2026", "expected"),
        ],
    )
    def test_deadline(self, text: str, when: str, status: str) -> None:
        d = drafted(text, "2026-02-26")[0]
        assert (str(d.when), d.status.value) == (when, status)

    def test_figures_of_a_past_quarter(self) -> None:
        # the quarter as read for the statement, and "a year earlier" a year before it
        d = drafted(
            "BP reported results. The oil major posted a profit of $1.2 billion for the "
            "fourth quarter, down from $2.3 billion a year earlier.",
            "2026-02-26",
        )[-1]
        assert d.actors == ("BP",)
        assert [(str(o.value), str(o.when)) for o in d.observations] == [
            ("$1.2 billion", "Q4 2025"),
            ("$2.3 billion", "Q4 2024"),
        ]

    def test_cost_is_no_goal(self) -> None:
        d = drafted(
            "Sizewell C is expected to generate power in the mid-2030s, at a cost of £38 billion.",
            "2026-02-26",
        )[0]
        assert d.target is None
        assert [str(o.value) for o in d.observations] == ["£38 billion"]

    def test_ministers(self) -> None:
        assert drafted("Ministers approved the project last July.", "2026-02-26")[0].actors == ()


class TestSlipsWithoutANewDate:
    @pytest.mark.parametrize(
        ("text", "first"),
        [
            (
                "The FDA's decision on the application, originally expected by April 1, has "
                "been delayed indefinitely.",
                "by 1 April 2025",
            ),
            ("The launch, planned for June, was postponed until further notice.", "June 2025"),
        ],
    )
    def test_undated(self, text: str, first: str) -> None:
        d = drafted(text, "2025-06-20")[0]
        assert (d.when.is_undated, d.status.value) == (True, "expected")
        assert d.first_when is not None and str(d.first_when) == first
        assert d.to_event().when.is_undated

    def test_instead_of(self) -> None:
        d = drafted(
            "Moderna pushed back its filing, saying it now expects to file by the end of the "
            "year instead of in the first half.",
            "2025-06-20",
        )[0]
        assert (str(d.when), str(d.first_when)) == ("by end of 2025", "H1 2025")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # units glued to the number, as energy news writes them
        ("output of 300MW.", ["300 MW"]),
        ("a 1.2GW plant", ["1.2 GW"]),
        ("a 100kWh battery pack", ["100 kWh"]),
        ("will add 5 to 10 GW.", ["5–10 GW"]),
        # "pc": British for per cent, not parsecs
        ("prices rose 5pc in May", ["5%"]),
    ],
)
def test_energy_and_british_units(text: str, expected: list[str]) -> None:
    assert found_figures(text) == expected


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # a weekday with a day and no year picks the year where they agree (2026 here)
        ("Tuesday, March 10", "10 March 2026"),
        ("Tuesday 10 March", "10 March 2026"),
        ("Wed, March 11", "11 March 2026"),
    ],
)
def test_weekday_with_a_yearless_day(text: str, when: str) -> None:
    from timeline.dates import find_dates

    assert str(When.parse(text, reference="2026-03-06")) == when
    assert [
        str(m.when) for m in find_dates(f"SpaceX is targeting {text}.", reference="2026-03-06")
    ] == [when]


def test_weekday_that_does_not_fit_is_refused() -> None:
    from timeline import WhenParseError

    with pytest.raises(WhenParseError, match="Tuesday"):
        When.parse("Monday, March 10", reference="2026-03-06")


class TestLaunchNews:
    """A launch schedule (published Friday 6 March 2026)."""

    @pytest.mark.parametrize(
        ("text", "when", "status"),
        [
            (
                "SpaceX is targeting Tuesday, March 10, for a Falcon 9 launch.",
                "10 March 2026",
                "expected",
            ),
            # a present-tense plan on a weekday: the next one
            ("A backup opportunity is available on Wednesday.", "11 March 2026", "expected"),
            # "due to weather" is a cause: the scrub happened
            ("The launch was scrubbed on Sunday due to weather.", "1 March 2026", "happened"),
            # "double last year's total": last year is the comparison's
            (
                "ULA plans up to 20 launches this year, double last year's total.",
                "2026",
                "expected",
            ),
        ],
    )
    def test_draft(self, text: str, when: str, status: str) -> None:
        d = drafted(text, "2026-03-06")[0]
        assert (str(d.when), d.status.value) == (when, status)

    @pytest.mark.parametrize(
        ("text", "actors"),
        [
            ("ISRO aims to launch its first uncrewed Gaganyaan mission by December.", ("ISRO",)),
            (
                "Reliance will list its telecom arm Jio Platforms in 2026.",
                ("Reliance", "Jio Platforms"),
            ),
        ],
    )
    def test_owned(self, text: str, actors: tuple[str, ...]) -> None:
        assert drafted(text, "2026-03-06")[0].actors == actors


class TestPolicyTimelines:
    """Government timelines (published 12 January 2026)."""

    def test_brought_forward(self) -> None:
        # a deadline replacing a previous one: the previous is the first promise
        d = drafted(
            "Germany will phase out coal power by 2035, three years earlier than the previous "
            "deadline of 2038, the ministry said.",
            "2026-01-12",
        )[0]
        assert (str(d.when), str(d.first_when)) == ("by end of 2035", "by end of 2038")
        assert str(d.to_event().when) == "by end of 2035"

    def test_wants_is_a_goal(self) -> None:
        d = drafted(
            "France wants 13 GW of offshore wind capacity by 2030, rising to 45 GW by 2050.",
            "2026-01-12",
        )[0]
        assert d.target is not None
        assert (str(d.target.goal), str(d.target.deadline)) == ("13 GW", "by end of 2030")
