"""`timeline.extract` on fresh articles (tests/data/extract/robotaxi_rollouts.txt,
fab_subsidies.txt, central_banks_2027.txt, ai_rules_ipos.txt, ev_batteries_2026.txt,
pharma_policy_2027.txt) and
the wrong answers they showed, each
checked for its kind of input: a back verb after "will" ("will cut"), a date "now"
said far after the date given up, a past expectation ("had expected ... in H1 2026"),
a promise given up with no new date ("had signalled a rise by December, now says it
will wait"), a place opening a sentence ("In China, ..."), "Pony.ai", "the People's
Bank of China", a state as an adjective ("its Arizona fab"), "Retail sales", and the
title of a clause with no subject of its own ("... and said it expects ...").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import Source, Status
from timeline.extract import Draft, extract

DATA = Path(__file__).parent / "data" / "extract"


def drafted(text: str, published: str | None = "2026-03-10") -> list[Draft]:
    return list(
        extract(text, source=None if published is None else Source("T", published=published))
    )


def only(text: str, published: str = "2026-03-10") -> Draft:
    found = drafted(text, published)
    assert len(found) == 1, [(d.title, str(d.when)) for d in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Acme will cut prices in January, state media reported.", "January 2027"),
        ("The central bank will cut rates in April.", "April 2026"),
        ("Boeing would close the plant in May, the union said.", "May 2026"),
        ("Acme could sell the unit in June.", "June 2026"),
        ("The ministry will ban the imports in July.", "July 2026"),
    ],
)
def test_a_back_verb_after_a_modal_looks_forward(text: str, when: str) -> None:
    d = only(text, "2026-03-10" if "state media" not in text else "2026-12-18")
    assert (str(d.when), d.status) == (when, Status.EXPECTED)


@pytest.mark.parametrize(
    ("text", "now", "first"),
    [
        (
            "Tesla, which had promised a million robotaxis on the road by 2020, now says its "
            "Cybercab will enter volume production in the second quarter of 2027.",
            "Q2 2027",
            "by end of 2020",
        ),
        (
            "Intel, which had pledged to open its Ohio plant in 2025, now expects the first fab "
            "there to be finished in 2030.",
            "2030",
            "2025",
        ),
    ],
)
def test_a_date_now_said_far_from_now(text: str, now: str, first: str) -> None:
    d = only(text)
    assert (str(d.when), str(d.first_when), d.status) == (now, first, Status.EXPECTED)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("The automaker had expected to restart testing in the first half of 2026.", "H1 2026"),
        ("Acme had planned to list its shares in 2025.", "2025"),
        ("The agency had promised a decision by January.", "by January 2026"),
        ("Ford had hoped to open the plant in 2024.", "2024"),
    ],
)
def test_a_past_expectation_is_no_event_that_happened(text: str, when: str) -> None:
    d = only(text)
    assert (str(d.when), d.status) == (when, Status.EXPECTED)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "The Bank of Japan, which had signalled a rate rise by December, now says it will "
            "wait until after the spring wage talks.",
            "by December 2026",
        ),
        (
            "Acme, which had promised the phone in June, now says it will ship later.",
            "June 2026",
        ),
    ],
)
def test_a_promise_given_up_with_no_new_date(text: str, first: str) -> None:
    d = only(text)
    assert (d.when.is_undated, str(d.first_when), d.status) == (True, first, Status.EXPECTED)


@pytest.mark.parametrize(
    ("text", "actors", "location"),
    [
        ("In China, Baidu said it will open 20 stations in 2027.", ("Baidu",), "China"),
        ("In Texas, Tesla will open a plant in 2027.", ("Tesla",), "Texas"),
        ("Pony.ai aims to operate 1,000 robotaxis by the end of 2026.", ("Pony.ai",), None),
        (
            "The People's Bank of China will cut the reserve ratio in April.",
            ("People's Bank of China",),
            None,
        ),
        ("TSMC said its second Arizona fab will open in 2028.", ("TSMC",), "Arizona"),
        ("Retail sales rose 2.4% in November.", (), None),
    ],
)
def test_who_and_where(text: str, actors: tuple[str, ...], location: str | None) -> None:
    d = only(text)
    assert (d.actors, d.location) == (actors, location)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "The Bank of England held its rate at 3.75% on Thursday and said it expects to cut "
            "rates by early 2027.",
            "Bank of England said it expects to cut rates by early 2027",
        ),
        (
            "Acme shipped 500 robots in 2025 and plans to build 2,000 in 2026.",
            "Acme plans to build 2,000 in 2026",
        ),
    ],
)
def test_a_clause_without_a_subject_is_titled_with_it(text: str, title: str) -> None:
    assert drafted(text)[-1].title == title


# (article, published, title start, when, status, first promise)
ARTICLES = [
    ("robotaxi_rollouts", "2026-03-12", "Tesla, which had promised", "Q2 2027", "expected",
     "by end of 2020"),
    ("robotaxi_rollouts", "2026-03-12", "General Motors delayed", "March 2027", "expected",
     "September 2026"),
    ("robotaxi_rollouts", "2026-03-12", "The automaker had expected", "H1 2026", "expected", None),
    ("robotaxi_rollouts", "2026-03-12", "Waymo said its sixth", "before 25 December 2026",
     "expected", None),
    ("robotaxi_rollouts", "2026-03-12", "In China, Baidu said", "c. 6 February 2027", "expected",
     None),
    ("fab_subsidies", None, "Intel, which had pledged", "2030", "expected", "2025"),
    ("fab_subsidies", None, "Micron pushed back", "2030", "expected", "2028"),
    ("fab_subsidies", None, "Brussels brought forward", "2027", "expected", "2028"),
    ("fab_subsidies", None, "Germany said", "before 28 March 2027", "expected", None),
    ("central_banks_2027", None, "The Bank of England held", "17 December 2026", "happened", None),
    ("central_banks_2027", None, "The European Central Bank", "March 2027", "expected",
     "December 2026"),
    ("central_banks_2027", None, "The People's Bank of China", "before 6 February 2027", "expected",
     None),
    ("central_banks_2027", None, "The Bank of Japan", "date not announced", "expected",
     "by December 2026"),
    ("ai_rules_ipos", None, "The European Commission proposed", "December 2027", "expected",
     "August 2026"),
    ("ai_rules_ipos", None, "Mistral, which had targeted", "H1 2027", "expected", "2026"),
    ("ai_rules_ipos", None, "Revolut said", "by 25 December 2026", "expected", None),
    ("ai_rules_ipos", None, "In Washington, the Senate", "before 26 November 2026", "expected",
     None),
    ("ai_rules_ipos", None, "The Commerce Department pushed back", "Q1 2027", "expected",
     "Q3 2026"),
    ("ev_batteries_2026", None, "LG Energy Solution, Panasonic and CATL", "by end of 2029",
     "expected", None),
    ("ev_batteries_2026", None, "LG said", "H1 2027", "expected", "2025"),
    ("ev_batteries_2026", None, "Panasonic delayed", "March 2028", "expected", "March 2027"),
    ("ev_batteries_2026", None, "CATL, which had planned", "date not announced", "expected",
     "2026"),
    ("ev_batteries_2026", None, "Chief Executive Robin Zeng", "c. 6 February 2027", "expected",
     None),
    ("pharma_policy_2027", None, "The FDA is expected", "by March 2027", "expected", None),
    ("pharma_policy_2027", None, "Novo Nordisk, which had hoped", "Q2 2027", "expected", "2026"),
    ("pharma_policy_2027", None, "A federal appeals court", "after 28 March 2027", "expected",
     None),
    ("pharma_policy_2027", None, "The European Medicines Agency", "June 2027", "expected",
     "March 2027"),
    ("pharma_policy_2027", None, "Moderna said", "before 25 November 2027", "expected", None),
]  # fmt: skip


@pytest.mark.parametrize(("name", "published", "head", "when", "status", "first"), ARTICLES)
def test_fresh_articles(
    name: str, published: str | None, head: str, when: str, status: str, first: str | None
) -> None:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    found = [d for d in drafted(text, published) if d.title.startswith(head)]
    assert len(found) == 1, [d.title for d in drafted(text, published)]
    d = found[0]
    assert (str(d.when), d.status.value) == (when, status), d.reasons
    assert (None if d.first_when is None else str(d.first_when)) == first


@pytest.mark.parametrize(
    ("text", "when", "status"),
    [
        ("The government has committed ¥1.7 trillion to the project so far.", "10 March 2026",
         Status.HAPPENED),
        ("Acme has committed $2 billion to the plant in 2025.", "2025", Status.HAPPENED),
        ("Acme has committed to open the plant in 2027.", "2027", Status.EXPECTED),
    ],
)  # fmt: skip
def test_committed_money_happened_committed_to_is_a_promise(
    text: str, when: str, status: Status
) -> None:
    d = only(text)
    assert (str(d.when), d.status) == (when, status)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "Commerce finalised grants for TSMC, whose second Arizona fab will open in 2028.",
            ("Commerce", "TSMC"),
        ),
        ("Samsung will open its Texas plant in 2026.", ("Samsung",)),
        ("Tesla said a new Texas factory will open in 2027.", ("Tesla",)),
        ("Texas sued Google in 2024.", ("Texas", "Google")),
        ("China will cut tariffs in 2027.", ("China",)),
    ],
)
def test_a_place_before_a_facility_is_no_actor(text: str, actors: tuple[str, ...]) -> None:
    assert only(text).actors == actors


@pytest.mark.parametrize(
    "text",
    [
        "The Commission proposed on Tuesday to delay the rules by 16 months, to December 2027, "
        "after industry groups warned that standards would not be ready.",
        "Acme will open the plant in 2027, while regulators said approval could come in 2026.",
    ],
)
def test_a_clause_with_a_subject_of_its_own_keeps_its_title(text: str) -> None:
    titles = [d.title for d in drafted(text)]
    assert not any(t.startswith(("Commission industry", "Acme regulators")) for t in titles), titles


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Tesla has promised full self-driving every year since 2016.", Status.HAPPENED),
        ("Acme has pledged to cut emissions by half by 2030.", Status.EXPECTED),
    ],
)
def test_a_present_perfect_promise_looks_forward_only_with_to(text: str, status: Status) -> None:
    assert only(text).status is status


def test_shoppers_are_no_actor() -> None:
    assert only("Shoppers spent $10 billion on Black Friday, Adobe said.").actors == ("Adobe",)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "The Inflation Reduction Act will cut EV credits in 2027, the Treasury said.",
            ("Treasury",),
        ),
        ("Acme said GDP growth will slow to 2% in 2027.", ("Acme",)),
        ("Acme will list an ETF tracking AV makers in June.", ("Acme",)),
    ],
)
def test_common_acronyms_are_no_actors(text: str, actors: tuple[str, ...]) -> None:
    assert only(text).actors == actors


@pytest.mark.parametrize(
    ("text", "when", "status"),
    [
        (
            "LG, Panasonic and CATL will spend $25 billion on North American plants by 2029, "
            "down from the $40 billion they had announced in 2024.",
            "by end of 2029",
            Status.EXPECTED,
        ),
        (
            "Acme expects revenue of $9 billion in 2027, up from the $6 billion it reported "
            "in 2025.",
            "2027",
            Status.EXPECTED,
        ),
    ],
)
def test_a_verb_in_a_compared_figure_is_not_the_statements(
    text: str, when: str, status: Status
) -> None:
    d = only(text)
    assert (str(d.when), d.status) == (when, status)
    assert "North American" not in d.actors


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Acme will spend $25 billion by 2029, down from the $40 billion they announced.",
         "$40 billion"),
        ("Acme expects 10 million users we counted last year to double by 2028.",
         "10 million users"),
    ],
)  # fmt: skip
def test_a_pronoun_is_no_unit(text: str, figure: str) -> None:
    d = only(text)
    values = [str(o.value) for o in d.observations]
    if d.target is not None:
        values.append(str(d.target.goal))
    assert figure in values, values


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "Pfizer and Merck have sued to block the program; a federal appeals court will "
            "hear the case in April.",
            (),
        ),
        ("Acme will build a plant, and the plant will open in 2027.", ("Acme",)),
        ("Acme will build a plant and expects to open it in 2027.", ("Acme",)),
    ],
)
def test_a_clause_with_a_new_subject_shares_none(text: str, actors: tuple[str, ...]) -> None:
    assert drafted(text)[-1].actors == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Novo Nordisk now expects US approval in the second quarter of 2027.", ("Novo Nordisk",)),
        ("Acme expects China sales to double by 2028.", ("Acme",)),
        ("The US government will ban the chips in 2027.", ("US",)),
    ],
)
def test_a_country_before_a_common_noun_is_no_actor(text: str, actors: tuple[str, ...]) -> None:
    assert only(text).actors == actors


def test_a_participle_going_on_with_is_keeps_its_title() -> None:
    text = (
        "President Liu Chi-ping announced that the model is in internal testing and slated for "
        "an April release."
    )
    assert drafted(text)[-1].title == "Slated for an April release"
