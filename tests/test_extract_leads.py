"""`timeline.extract`: what a sentence's opening says, and who says what.

A delay told at the start of a sentence ("After a six-month delay, the plant will
open in June 2027") gives what the same delay told after the date gives: the first
promise worked out from the amount, nothing invented without one. A product alone as
a subject ("Starship will fly in March") is no actor: its maker named in the text is,
or none. In "NASA said SpaceX will launch in May" NASA is who said so (the draft's
``said_by``), SpaceX who acts. A sentence going on from the one before ("It will then
ship in Europe in Q3") is a statement of its own, with its own title, unless it only
says how the date of the one before moved.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Source
from timeline.extract import Draft, extract

PUBLISHED = "2026-03-05"


def drafted(text: str) -> list[Draft]:
    return list(extract(text, source=Source("Test", published=PUBLISHED)))


def only(text: str) -> Draft:
    (d,) = drafted(text)
    return d


def first(d: Draft) -> str | None:
    return None if d.first_when is None else str(d.first_when)


# -- 1. a delay opening the sentence ------------------------------------------------------

LEADING_DELAYS = [
    # (leading form, mid-sentence form, now, first promise)
    ("After a six-month delay, the plant will open in June 2027.",
     "The plant will open in June 2027 after a six-month delay.", "June 2027", "December 2026"),
    ("Following a one-year postponement, Acme will open the plant in June 2027.",
     "Acme will open the plant in June 2027 following a one-year postponement.", "June 2027",
     "June 2026"),
    ("After a two-quarter delay, the chip will ship in Q4 2026.",
     "The chip will ship in Q4 2026 after a two-quarter delay.", "Q4 2026", "Q2 2026"),
    ("After a delay of three months, the summit will be held in September.",
     "The summit will be held in September after a delay of three months.", "September 2026",
     "June 2026"),
    ("Following an 18-month delay, the line will start in 2028.",
     "The line will start in 2028 following an 18-month delay.", "2028", None),
    # no amount: nothing invented
    ("After a delay, the plant will open in June 2027.",
     "The plant will open in June 2027 after a delay.", "June 2027", None),
    ("After repeated delays, the plant will open in June 2027.",
     "The plant will open in June 2027 after repeated delays.", "June 2027", None),
    ("Delayed twice, the launch is now set for June 2027.",
     "The launch, delayed twice, is now set for June 2027.", "June 2027", None),
]  # fmt: skip


@pytest.mark.parametrize(("leading", "middle", "when", "promise"), LEADING_DELAYS)
def test_a_delay_opening_a_sentence_gives_what_it_gives_mid_sentence(
    leading: str, middle: str, when: str, promise: str | None
) -> None:
    a, b = only(leading), only(middle)
    assert (str(a.when), a.status.value, first(a)) == (when, "expected", promise), a.reasons
    assert (str(b.when), b.status.value, first(b)) == (when, "expected", promise), b.reasons
    assert a.actors == b.actors


def test_a_participle_opening_a_sentence_is_no_actor() -> None:
    assert only("Delayed twice, the launch is now set for June 2027.").actors == ()
    assert only("Postponed in 2025, the vote is now set for May.").actors == ()


def test_a_delay_after_a_comma_is_no_statement_of_its_own() -> None:
    d = only("Acme will open the plant in June 2027, following a one-year postponement.")
    assert (str(d.when), first(d), d.actors) == ("June 2027", "June 2026", ("Acme",))


def test_a_leading_clause_with_its_own_date_or_subject_still_stands() -> None:
    ds = drafted("After Acme delayed the launch in January, the plant will open in June 2027.")
    assert [str(d.when) for d in ds][-1] == "June 2027"
    # "When ..." with a date of its own stays a statement apart
    ds = drafted("When the law takes effect in 2027, Acme will open the plant in 2028.")
    assert str(ds[-1].when) == "2028"


@settings(max_examples=25, deadline=None)
@given(
    n=st.sampled_from([("one", 1), ("two", 2), ("three", 3), ("six", 6)]),
    noun=st.sampled_from(["delay", "postponement"]),
    lead=st.sampled_from(["After", "Following"]),
)
def test_a_leading_delay_of_months_works_out_the_first_promise(
    n: tuple[str, int], noun: str, lead: str
) -> None:
    word, months = n
    d = only(f"{lead} a {word}-month {noun}, the plant will open in October 2027.")
    assert str(d.when) == "October 2027"
    assert d.first_when is not None and d.first_when.earliest is not None
    assert d.first_when.earliest.month == 10 - months


# -- 2. a product alone as a subject --------------------------------------------------------

PRODUCT_SUBJECTS = [
    ("Starship will fly in March.", ()),
    ("Vision Pro 2 will ship in 2027.", ()),
    ("Hyperion will go on sale in September.", ()),
    # its maker, named in the text
    ("SpaceX's Starship is ready. Starship will fly in March.", ("SpaceX",)),
    ("Apple showed its Vision Pro 2 on Monday. Vision Pro 2 will ship in 2027.", ("Apple",)),
    ("Xiaomi unveiled the Hyperion sedan. Hyperion will go on sale in September.", ()),
    # a maker in the sentence
    ("Starship will fly in March, SpaceX said.", ("SpaceX",)),
]


@pytest.mark.parametrize(("text", "expected"), PRODUCT_SUBJECTS)
def test_a_product_alone_as_a_subject_is_no_actor(text: str, expected: tuple[str, ...]) -> None:
    assert drafted(text)[-1].actors == expected


ORGANISATIONS_THAT_LAUNCH = [
    ("SpaceX will launch in May.", ("SpaceX",)),
    ("Rivian will launch in Europe in 2027.", ("Rivian",)),
    ("Blue Origin will launch in June, Amazon said.", ("Blue Origin",)),
    ("Acme Inc will ship in Q3.", ("Acme Inc",)),
]


@pytest.mark.parametrize(("text", "expected"), ORGANISATIONS_THAT_LAUNCH)
def test_an_organisation_that_launches_stays_an_actor(text: str, expected: tuple[str, ...]) -> None:
    assert drafted(text)[-1].actors == expected


# -- 3. who said it, who acts -----------------------------------------------------------------

REPORTED = [
    ("NASA said SpaceX will launch in May.", ("SpaceX",), "NASA"),
    ("NASA says SpaceX will launch in May.", ("SpaceX",), "NASA"),
    ("NASA said on Tuesday that SpaceX will launch in May.", ("SpaceX",), "NASA"),
    ("The FDA announced that Pfizer will file in June.", ("Pfizer",), "FDA"),
    ("Nvidia told analysts that TSMC would start output in 2027.", ("TSMC",), "Nvidia"),
    ("Analysts at Morgan Stanley expect Tesla to launch the Cybercab in 2027.", ("Tesla",),
     "Morgan Stanley"),
    ("Airbus said Lufthansa will receive the jet in 2027.", ("Lufthansa",), "Airbus"),
    ("SpaceX will launch in May, NASA said.", ("SpaceX",), "NASA"),
    ("Blue Origin will launch in June, Amazon said.", ("Blue Origin",), "Amazon"),
    # the reported clause has no one of its own: the speaker acts
    ("Tesla said a new Texas factory will open in 2027.", ("Tesla",), None),
    ("Rocket Lab said Neutron will fly in 2026.", ("Rocket Lab",), None),
    ("Acme said it will open the plant in 2027.", ("Acme",), None),
    ("Vision Pro 2 will ship in 2027, Apple said.", ("Apple",), None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actors", "said_by"), REPORTED)
def test_the_speaker_is_the_source_the_reported_subject_acts(
    text: str, actors: tuple[str, ...], said_by: str | None
) -> None:
    d = only(text)
    assert (d.actors, d.said_by) == (actors, said_by), d.reasons


def test_said_by_is_in_the_reasons_and_the_yaml() -> None:
    x = extract("NASA said SpaceX will launch in May.", source=Source("T", published=PUBLISHED))
    assert any("said by NASA" in r for r in x.drafts[0].reasons)
    assert "said by NASA" in x.to_yaml()


# -- 4. a sentence going on from the one before -------------------------------------------------

FOLLOW_ONS = [
    "The phone was due to ship in May. It will now ship in Europe in Q3.",
    "The phone will ship in the US in May. It will then ship in Europe in Q3.",
    "Acme's plant was due to open in 2026. It will also open a second one in 2028.",
    "The drug was due for US approval in May. It is now expected to launch in Europe in Q3.",
]


@pytest.mark.parametrize("text", FOLLOW_ONS)
def test_a_follow_on_sentence_has_its_own_title(text: str) -> None:
    ds = drafted(text)
    assert len(ds) == 2, [d.title for d in ds]
    assert ds[1].title.startswith("It "), ds[1].title
    assert ds[1].quote == text.split(". ", 1)[1]
    assert ds[0].first_when is None


SAME_STATEMENT = [
    ("The report was due in April. It is now expected in July.", "July 2026", "April 2026"),
    ("The tunnel will open in 2031. It was originally due to open in 2028.", "2031", "2028"),
    ("The phone was due to ship in Europe in May. It will now ship in Europe in Q3.", "Q3 2026",
     "May 2026"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "when", "promise"), SAME_STATEMENT)
def test_a_follow_on_saying_how_the_date_moved_joins(text: str, when: str, promise: str) -> None:
    d = only(text)
    assert (str(d.when), first(d)) == (when, promise)


THEN_ELSEWHERE = [
    ("Acme will ship the phone in the US in May and then in Europe in Q3.",
     [("Acme will ship the phone in the US in May", "May 2026"),
      ("Acme will ship the phone in Europe in Q3", "Q3 2026")]),
    ("The drug will launch in Germany in June, then in France in 2027.",
     [("The drug will launch in Germany in June", "June 2026"),
      ("The drug will launch in France in 2027", "2027")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), THEN_ELSEWHERE)
def test_then_somewhere_else_is_a_statement_of_its_own(
    text: str, expected: list[tuple[str, str]]
) -> None:
    ds = drafted(text)
    assert [(d.title, str(d.when)) for d in ds] == expected
    assert ds[0].actors == ds[1].actors
    assert all(d.status.value == "expected" for d in ds)


@pytest.mark.parametrize(
    "text",
    [
        "Revenue rose to $5 billion in 2024 and then to $7 billion in 2025.",
        "The launch slipped to 2025 and then to 2026.",
    ],
)
def test_then_going_on_with_a_figure_or_a_move_stays_one(text: str) -> None:
    assert len(drafted(text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After a six-month delay, the plant will open in June 2027.",
         "After a six-month delay, the plant will open in June 2027"),
        ("Following a one-year postponement, Acme will open the plant in 2027.",
         "Following a one-year postponement, Acme will open the plant in 2027"),
        ("When the law takes effect in 2027, Acme will open the plant in 2028.",
         "When the law takes effect in 2027, Acme will open the plant in 2028"),
    ],
)  # fmt: skip
def test_a_sentence_opening_with_its_delay_keeps_it_in_its_title(text: str, expected: str) -> None:
    assert drafted(text)[0].title == expected


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Samsung now expects to ship the Exynos 2700 in the third quarter.", "Q3 2026"),
        ("AMD will launch the Ryzen 9000 in May.", "May 2026"),
        ("Nvidia will ship the RTX 5090 by the end of the year.", "by end of 2026"),
        # a year named after a word is a year still
        ("In 2027, Acme will open the plant.", "2027"),
        ("The Vision 2030 plan aims for 50% renewables.", "from 5 March 2026 onwards"),
    ],
)
def test_a_model_number_after_a_name_is_no_year(text: str, when: str) -> None:
    assert str(only(text).when) == when


@pytest.mark.parametrize(
    ("text", "when", "promise"),
    [
        ("Micron said its Idaho fab would open in 2028, a year later than planned.", "2028",
         "2027"),
        ("The plant will open in June 2027, six months later than originally planned.",
         "June 2027", "December 2026"),
        ("The line will start in Q3 2027, a quarter behind schedule.", "Q3 2027", "Q2 2027"),
        ("The rocket will fly in March 2027, two months earlier than expected.", "March 2027",
         "May 2027"),
        # who planned it, and when it was said, between: the same first promise
        ("Boeing now expects the first delivery of the 777X in 2027, a year later than it "
         "had promised in January.", "2027", "2026"),
        ("The plant will open in June 2027, six months later than the company had planned.",
         "June 2027", "December 2026"),
        ("The chip will ship in Q4 2026, a quarter later than previously promised.", "Q4 2026",
         "Q3 2026"),
        ("The fab will start in mid-2027, a year later than the original schedule.",
         "mid-2027", "mid-2026"),
        ("The plant will open in June 2027, six months behind its initial timetable.",
         "June 2027", "December 2026"),
        # no amount to count: nothing invented
        ("The plant will open in 2028, later than planned.", "2028", None),
        ("The plant will open in 2028, a year later than its rival's.", "2028", None),
    ],
)  # fmt: skip
def test_an_amount_later_than_planned_gives_the_first_promise(
    text: str, when: str, promise: str | None
) -> None:
    d = only(text)
    assert (str(d.when), first(d)) == (when, promise), d.reasons


def test_a_model_number_between_now_and_the_date_keeps_the_move() -> None:
    d = only(
        "Samsung, which had targeted 2026 for its first 2nm chip, now expects to ship the "
        "Exynos 2700 in the third quarter."
    )
    assert (str(d.when), first(d)) == ("Q3 2026", "2026")


@pytest.mark.parametrize(
    ("text", "actors", "said_by"),
    [
        ("Nvidia told investors that Rubin Ultra systems will ship in the second half.",
         ("Nvidia",), None),
        ("Toyota said Lexus models will get the batteries in 2028.", ("Toyota",), None),
        ("NASA said SpaceX plans to launch in May.", ("SpaceX",), "NASA"),
        ("Regulators expect Acme to file in June.", ("Acme",), None),
    ],
)  # fmt: skip
def test_the_reported_subject_is_a_name_and_its_verb(
    text: str, actors: tuple[str, ...], said_by: str | None
) -> None:
    d = only(text)
    assert (d.actors, d.said_by) == (actors, said_by), d.reasons


def test_a_maker_before_its_product_noun_alone_stays_an_actor() -> None:
    assert only("Nvidia chips will power the new cluster in 2027.").actors == ("Nvidia",)


@pytest.mark.parametrize(
    ("text", "actors", "said_by"),
    [
        ("GM will start building the batteries in the fourth quarter, Chief Executive Mary "
         "Barra told analysts on Monday.", ("GM",), "Mary Barra"),
        ("SpaceX will launch in May, according to NASA.", ("SpaceX",), "NASA"),
        ("Acme will open the plant in 2027, its chief executive told reporters.", ("Acme",),
         None),
    ],
)  # fmt: skip
def test_a_trailing_speaker_is_the_source(
    text: str, actors: tuple[str, ...], said_by: str | None
) -> None:
    d = only(text)
    assert (d.actors, d.said_by) == (actors, said_by), d.reasons


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # named beside its noun: a product
        ("Regulators will rule on Amgen's monthly obesity injection MariTide by September.",
         ("Amgen",)),
        ("Pfizer expects approval for the RSV vaccine Abrysvo in May.", ("Pfizer",)),
        # flown, launched or sent on or aboard it: a vehicle
        ("Amazon will launch 100 Kuiper satellites on New Glenn this year.", ("Amazon",)),
        ("India expects to send astronauts into orbit on Gaganyaan by 2027.", ("India",)),
        ("NASA will fly the crew aboard Starliner in June.", ("NASA",)),
        # before a noun of what it does, beside who does it
        ("SpaceX will attempt an uncrewed Starship landing in 2028.", ("SpaceX",)),
        ("Boeing will run a Starliner test flight in June.", ("Boeing",)),
        # alone, it stays
        ("The first SpaceX launch of the year is set for May.", ("SpaceX",)),
        # not a vehicle: a market, a platform
        ("Acme will list on Nasdaq in June.", ("Acme", "Nasdaq")),
    ],
)  # fmt: skip
def test_a_product_beside_its_noun_or_flown_on_is_no_actor(
    text: str, actors: tuple[str, ...]
) -> None:
    assert only(text).actors == actors


@pytest.mark.parametrize(
    ("text", "when", "promise"),
    [
        ("Artemis III, the first crewed landing since 1972, is now targeted for mid-2028.",
         "mid-2028", None),
        # a promise in the aside is the first promise still
        ("The expo, which was scheduled for December 2026, has been postponed to March 2027.",
         "March 2027", "December 2026"),
        ("The plant, originally planned for 2027, will now open in 2029.", "2029", "2027"),
    ],
)  # fmt: skip
def test_an_aside_with_no_promise_is_background_before_now(
    text: str, when: str, promise: str | None
) -> None:
    d = only(text)
    assert (str(d.when), first(d)) == (when, promise), d.reasons


def test_an_aside_with_a_verb_and_no_promise_is_no_first_promise() -> None:
    ds = drafted("The plant, which opened in 2019, has now been delayed to 2028.")
    assert [(str(d.when), d.status.value, first(d)) for d in ds] == [
        ("2028", "expected", None),
        ("2019", "happened", None),
    ]


@pytest.mark.parametrize(
    ("text", "goal", "actors"),
    [
        ("Tesla will open 2,000 new Supercharger stalls by 2027.", "2,000 stalls", ("Tesla",)),
        ("Acme will deliver 500 more Walker S robots by 2028.", "500 robots", ("Acme",)),
        ("Acme will hire 2,000 new engineers by 2028.", "2,000 new engineers", ("Acme",)),
    ],
)
def test_a_count_with_an_adjective_and_a_name_counts_the_noun(
    text: str, goal: str, actors: tuple[str, ...]
) -> None:
    d = only(text)
    assert d.target is not None and str(d.target.goal) == goal
    assert d.actors == actors


def test_a_follow_on_telling_the_first_promise_worked_out_joins() -> None:
    text = (
        "The tunnel is now expected to be completed in 2031, three years later than planned. "
        "The tunnel was originally due to open in 2028."
    )
    d = only(text)
    assert (str(d.when), first(d), d.quote) == ("2031", "2028", text)


@pytest.mark.parametrize(
    ("text", "when", "promise"),
    [
        ("Rivian, which had planned to deliver the R2 in the first half of 2026, now expects "
         "deliveries in July.", "July 2026", "H1 2026"),
        ("The A16 chip, which was scheduled for 2026, is now expected in 2027.", "2027", "2026"),
    ],
)  # fmt: skip
def test_a_model_name_with_a_digit_keeps_a_promise_given_up(
    text: str, when: str, promise: str
) -> None:
    d = only(text)
    assert (str(d.when), first(d)) == (when, promise), d.reasons


@pytest.mark.parametrize(
    ("text", "when", "status", "promise"),
    [
        ("Rivian, which had planned to deliver the R2 in the first half of 2025, began "
         "customer deliveries in January.", "January 2026", "happened", "H1 2025"),
        ("Acme, which had hoped to open the plant in 2024, opened it in May 2025.", "May 2025",
         "happened", "2024"),
    ],
)  # fmt: skip
def test_a_promise_in_an_aside_then_done_is_the_first_promise(
    text: str, when: str, status: str, promise: str
) -> None:
    d = only(text)
    assert (str(d.when), d.status.value, first(d)) == (when, status, promise), d.reasons


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("Amazon will launch the first 100 Kuiper satellites this year and aims to have 3,236 "
         "in orbit by July 2029.", "3,236 satellites"),
        ("UBTech aims to mass-produce robots by 2027 and to have 10,000 in factories by 2028.",
         "10,000 robots"),
    ],
)  # fmt: skip
def test_a_bare_count_as_a_goal_counts_what_the_sentence_names(text: str, goal: str) -> None:
    d = drafted(text)[-1]
    assert d.target is not None and str(d.target.goal) == goal, d.reasons


def test_a_bare_count_with_nothing_named_stays_no_figure() -> None:
    assert only("Acme aims to have 3,236 in orbit by July 2029.").target is None


def test_a_trailing_speaker_of_a_clause_going_on_is_the_source() -> None:
    _, second = drafted(
        "India has installed 125 GW of solar capacity and aims for 280 GW by 2030, the "
        "Ministry of New and Renewable Energy said."
    )
    assert (second.actors, second.said_by) == (("India",), "Ministry of New and Renewable Energy")
    assert second.title.startswith("India aims for 280 GW by 2030")
    # alone, who says so acts
    d = only("The rules will take effect in 2027, the Treasury said.")
    assert (d.actors, d.said_by) == (("Treasury",), None)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Germany's Bundestag will vote on the heating law in November.", ("Bundestag",)),
        ("Japan's Diet will pass the budget in March.", ("Diet",)),
        ("Britain's Parliament will debate the bill in June.", ("Parliament",)),
    ],
)
def test_a_legislature_after_a_possessive_is_the_actor(text: str, actors: tuple[str, ...]) -> None:
    assert only(text).actors == actors


@pytest.mark.parametrize(
    "text",
    [
        "Following an 18-month delay, the Eastern Green Link 2 cable is now due in 2031.",
        "The Nord Stream pipeline will reopen in 2028.",
        "The Fehmarn Belt tunnel will open in 2031.",
    ],
)
def test_infrastructure_named_before_its_noun_is_no_actor(text: str) -> None:
    assert only(text).actors == ()


@pytest.mark.parametrize(
    ("text", "when", "said_by"),
    [
        ("Acme will open the plant in 2028, the ministry of industry said on Monday.", "2028",
         None),
        ("Acme will open the plant in 2028, NASA said on Monday, after a review.", "2028",
         "NASA"),
        ("Acme will cut its 2035 goal to 90 gigawatts, Brussels said on Monday.",
         "by end of 2035", "Brussels"),
    ],
)  # fmt: skip
def test_the_day_it_was_said_is_not_the_statements(
    text: str, when: str, said_by: str | None
) -> None:
    d = only(text)
    assert (str(d.when), d.said_by) == (when, said_by), d.reasons


@pytest.mark.parametrize(
    ("text", "when", "promise"),
    [
        ("Canada pushed its 2026 target back by a year.", "by end of 2027", "by end of 2026"),
        ("Canada pushed its interim 2026 target back by a year.", "by end of 2027",
         "by end of 2026"),
        ("Canada, which had promised to ban the sale of new gasoline cars by 2035, pushed its "
         "interim 2026 target back by a year.", "by end of 2027", "by end of 2026"),
        ("The EU moved its 2030 deadline forward by two years.", "by end of 2028",
         "by end of 2030"),
    ],
)  # fmt: skip
def test_a_goal_moved_by_an_amount_with_its_year_inside(text: str, when: str, promise: str) -> None:
    d = [d for d in drafted(text) if d.first_when is not None]
    assert len(d) == 1, [(x.title, str(x.when)) for x in drafted(text)]
    assert (str(d[0].when), first(d[0])) == (when, promise), d[0].reasons


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Ofgem said on Wednesday that the price cap would fall by 7% from 1 April.",
         "1 April 2026"),
        ("Revenue rose to $5 billion, up from $4 billion in 2024.", "5 March 2026"),
    ],
)  # fmt: skip
def test_a_change_from_a_day_starts_that_day(text: str, when: str) -> None:
    assert str(only(text).when).startswith(when)


@pytest.mark.parametrize(
    ("text", "actors", "said_by"),
    [
        ("The Food and Drug Administration set a date. Vertex said the agency had pushed back "
         "its review by three months, to October.", ("Food and Drug Administration",), "Vertex"),
        ("The Financial Conduct Authority met on Thursday. Barclays expects the regulator to "
         "publish its rules in June.", ("Financial Conduct Authority",), "Barclays"),
        # the company it says so of is itself
        ("Acme said the company will open the plant in 2027.", ("Acme",), None),
    ],
)  # fmt: skip
def test_a_body_named_again_in_the_clause_said_acts(
    text: str, actors: tuple[str, ...], said_by: str | None
) -> None:
    d = drafted(text)[-1]
    assert (d.actors, d.said_by) == (actors, said_by), d.reasons


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Japan's space agency JAXA launched its H3 rocket in December.", ("JAXA",)),
        ("China's market regulator SAMR will rule on the deal in June.", ("SAMR",)),
        # with no name after it, the country stands for its body
        ("China's commerce ministry will rule on the deal in June.", ("China",)),
    ],
)
def test_a_body_named_after_a_country_and_its_kind_acts(text: str, actors: tuple[str, ...]) -> None:
    assert only(text).actors == actors


@pytest.mark.parametrize(
    ("text", "when", "status", "promise", "actors"),
    [
        ("After being delayed by six months, the plant will open in June 2027.", "June 2027",
         "expected", "December 2026", ()),
        ("Pushed back by a year, the launch is now set for 2028.", "2028", "expected", "2027",
         ()),
        ("After a one-year delay, the plant opened in January.", "January 2026",
         "happened", "January 2025", ()),
    ],
)  # fmt: skip
def test_more_delays_opening_a_sentence(
    text: str, when: str, status: str, promise: str, actors: tuple[str, ...]
) -> None:
    d = only(text)
    assert (str(d.when), d.status.value, first(d), d.actors) == (when, status, promise, actors)


def test_a_speaker_with_a_bare_weekday_and_a_possessive_subject() -> None:
    d = only("NASA said Tuesday that Boeing's Starliner will fly in August.")
    assert (str(d.when), d.actors, d.said_by) == ("August 2026", ("Boeing",), "NASA")


def test_according_to_opening_a_sentence_is_the_source() -> None:
    d = only("According to Bloomberg, Apple will unveil the headset in June.")
    assert (d.actors, d.said_by) == (("Apple",), "Bloomberg")
