"""`timeline.extract`: what a sentence says beside its promise, each rule as a table.

A name inside a clause on a past event ("when the deal with Microsoft was signed") is not
who makes the promise; ", with all four running by around 2035" after a dated promise is a
second promise of the same actor.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract

REF = "2027-10-21"


def drafts(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(d.title, str(d.when), d.actors) for d in extract(text, reference=REF)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Constellation Energy said the plant will return to service in 2028, a year "
            "earlier than it said when the deal with Microsoft was signed.",
            ("Constellation Energy",),
        ),
        (
            "Acme will open the plant in 2029, later than planned when the merger of Beta "
            "Corp and Gamma Inc was approved.",
            ("Acme",),
        ),
        (
            "Acme expects to ship the jet in 2029, two years after the contract with Delta "
            "was announced.",
            ("Acme",),
        ),
        (
            "Acme will deliver 40 trains by 2030, more than it promised before a joint "
            "venture with Siemens had been set up.",
            ("Acme",),
        ),
        # the past verb before the name
        (
            "Primark will open its first store in Mexico City in the autumn, a year after "
            "the retailer signed a lease with developer Grupo Carso.",
            ("Primark",),
        ),
        (
            "Acme will open the plant in 2029, two years after it agreed a supply deal with "
            "Beta Corp.",
            ("Acme",),
        ),
        # an adjective before the name, the verb to come: who acts
        (
            "Acme will open the plant in 2029, when the expected deal with Beta Corp closes.",
            ("Acme", "Beta Corp"),
        ),
        # the subject of the clause on the past stays: who decides, not a bystander
        (
            "Eli Lilly expects a European decision in the fourth quarter, after the European "
            "Medicines Agency asked for more safety data.",
            ("Eli Lilly", "European Medicines Agency"),
        ),
        # a clause on what is still to come names who acts too
        (
            "Acme will launch the drug in 2028 once the deal with Beta Corp closes.",
            ("Acme", "Beta Corp"),
        ),
        # a name acting in the main clause stays
        (
            "Acme and Microsoft will open the plant in 2028, as agreed when the deal was signed.",
            ("Acme", "Microsoft"),
        ),
        # the only name: kept, nobody else acts
        (
            "The plant will reopen in 2028, a year after the deal with Microsoft was signed.",
            ("Microsoft",),
        ),
    ],
)
def test_a_name_in_a_clause_on_the_past_does_not_act(text: str, expected: tuple[str, ...]) -> None:
    assert drafts(text)[0][2] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ontario Power Generation expects the first reactor to come online in late "
            "2029, with all four running by around 2035.",
            [
                ("late 2029", ("Ontario Power Generation",)),
                ("by c. 2035", ("Ontario Power Generation",)),
            ],
        ),
        (
            "Acme will open its first store in 2027, with all ten stores open by 2030.",
            [("2027", ("Acme",)), ("by end of 2030", ("Acme",))],
        ),
        (
            "Acme plans to start production in 2028, with deliveries starting in 2029.",
            [("2028", ("Acme",)), ("2029", ("Acme",))],
        ),
        (
            "Acme will open the first line in 2028, with both lines operational by 2031.",
            [("2028", ("Acme",)), ("by end of 2031", ("Acme",))],
        ),
        # a past participle, its date ahead: a second promise too
        (
            "Acme will open three plants by 2028, with two plants completed by 2029.",
            [("by end of 2028", ("Acme",)), ("by end of 2029", ("Acme",))],
        ),
        (
            "Acme will start production in 2028, with deliveries expected in 2029.",
            [("2028", ("Acme",)), ("2029", ("Acme",))],
        ),
        (
            "Acme will build the first tower in 2028, with the second built by 2031.",
            [("2028", ("Acme",)), ("by end of 2031", ("Acme",))],
        ),
        # its date before publication: done, as its date says
        (
            "Acme opened three plants in 2024, with two more completed in 2025.",
            [("2024", ("Acme",)), ("2025", ("Acme",))],
        ),
        # after a statement done by publication, with no date of its own: a promise too
        (
            "Acme opened its first store, with ten more planned by 2029.",
            [("21 October 2027", ("Acme",)), ("by end of 2029", ("Acme",))],
        ),
        (
            "Google signed a deal with Kairos Power, with the first unit completed by 2030 and "
            "all six by 2035.",
            [
                ("21 October 2027", ("Google", "Kairos Power")),
                ("by end of 2030", ("Google",)),
                ("by end of 2035", ("Google",)),
            ],
        ),
        # ... but after an undated promise, the date is that promise's
        (
            "Acme will open the plant, with all four running by 2035.",
            [("by end of 2035", ("Acme",))],
        ),
        # no date of its own: how, not a second promise
        (
            "Acme will open the plant in 2028, with funding from the state.",
            [("2028", ("Acme",))],
        ),
        # no verb after "with": a description, not a promise
        (
            "Acme will open the plant in 2028, with government funding in 2027.",
            [("2028", ("Acme",))],
        ),
    ],
)
def test_with_a_dated_participle_is_a_second_promise(
    text: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert [(w, a) for _, w, a in drafts(text)] == expected


@settings(max_examples=25, deadline=None)
@given(
    first=st.integers(2028, 2034),
    gap=st.integers(1, 8),
    n=st.sampled_from(["two", "four", "ten", "all"]),
    verb=st.sampled_from(
        ["running", "operating", "open", "online", "in service", "completed", "built", "finished"]
    ),
)
def test_with_clause_always_its_own_date(first: int, gap: int, n: str, verb: str) -> None:
    text = f"Acme will open the first plant in {first}, with {n} plants {verb} by {first + gap}."
    found = extract(text, reference=REF)
    assert [str(d.when) for d in found] == [str(first), f"by end of {first + gap}"]
    assert [d.status.value for d in found] == ["expected", "expected"]
    assert all(d.actors == ("Acme",) for d in found)


@pytest.mark.parametrize(
    ("text", "actors", "location"),
    [
        (
            "Ikea will open a city-centre store on Oxford Street in London in spring 2028.",
            ("Ikea",),
            "Oxford Street, London",
        ),
        ("Acme will open an office on Fifth Avenue in 2028.", ("Acme",), "Fifth Avenue"),
        ("Acme will open a depot off Kings Road by 2029.", ("Acme",), "Kings Road"),
        # a company named after a street, not after "on"/"at": who acts
        ("State Street will launch the fund in 2028.", ("State Street",), None),
    ],
)
def test_a_street_is_where(text: str, actors: tuple[str, ...], location: str | None) -> None:
    (d,) = extract(text, reference=REF)
    assert (d.actors, d.location) == (actors, location)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 18 months, the plant will open.", [("c. April 2029", "expected")]),
        ("In two years, Acme will open a plant.", [("c. October 2029", "expected")]),
        # a past clause after it: a stretch of the past, news of the day
        ("In two years, Acme tripled its sales.", [("21 October 2027", "happened")]),
    ],
)
def test_a_time_from_now_opening_a_sentence_dates_it(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """ "In 18 months, the plant will open.": the time from publication before the comma
    is the statement's date, as "will open in 18 months" is."""
    assert [(str(d.when), d.status.value) for d in extract(text, reference=REF)] == expected


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("Acme will open three plants by 2028, with two completed by 2029.", ["expected"] * 2),
        ("Acme will open the plant in 2028, with funding approved in 2025.",
         ["expected", "happened"]),
        ("Acme opened three plants in 2024, with two more completed in 2025.", ["happened"] * 2),
        ("Acme will build the first tower in 2028, with the second sold by 2031.",
         ["expected"] * 2),
    ],
)  # fmt: skip
def test_a_participle_after_with_takes_the_way_its_date_looks(
    text: str, statuses: list[str]
) -> None:
    """ "..., with two completed by 2029": the participle has no tense of its own (it is
    no "Acme completed"): a date after publication is to come, one before it is done."""
    assert [d.status.value for d in extract(text, reference=REF)] == statuses


# A clause on the past describing a thing ("the plant it opened in 2020") dates that thing,
# not the statement, when the statement has a date of its own (was: the clause's date and
# verb: 2020, happened).
RELATIVE_PAST = [
    ("Acme will expand the plant it opened in 2020 by 2029.", "by end of 2029"),
    ("Acme will expand the plant that it opened in 2020 by 2029.", "by end of 2029"),
    ("Acme will expand its plant, which opened in 2020, by 2029.", "by end of 2029"),
    ("Acme will close the store it bought in 2019 in March 2027.", "March 2027"),
    ("Acme will sell the factories they built in 2015 in 2028.", "2028"),
]


@pytest.mark.parametrize(("text", "when"), RELATIVE_PAST)
def test_a_clause_on_the_past_describing_a_thing_does_not_date_the_statement(
    text: str, when: str
) -> None:
    assert dated(text) == [(when, "expected", ("Acme",))]


def test_a_statement_on_the_past_keeps_its_date() -> None:
    assert dated("Acme said it opened the plant in 2020.") == [("2020", "happened", ("Acme",))]


def test_a_date_planned_for_the_thing_stays_its_first_promise() -> None:
    (d,) = extract(
        "The plant that was scheduled to open in 2026 will now open in 2028.", reference=REF
    )
    assert (str(d.when), str(d.first_when)) == ("2028", "2026")


def dated(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(str(d.when), d.status.value, d.actors) for d in extract(text, reference=REF)]


@settings(max_examples=40, deadline=None)
@given(
    thing=st.sampled_from(["plant", "store", "factory", "fab", "mine", "data centre"]),
    verb=st.sampled_from(["opened", "bought", "built", "acquired", "launched", "set up"]),
    form=st.sampled_from(
        ["the {t} it {v} in {p}", "the {t} that it {v} in {p}", "its {t}, which it {v} in {p},"]
    ),
    past=st.integers(1990, 2020),
    future=st.integers(2028, 2040),
)
def test_the_statement_keeps_its_own_date_whatever_the_thing_did(
    thing: str, verb: str, form: str, past: int, future: int
) -> None:
    described = form.format(t=thing, v=verb, p=past)
    text = f"Acme will expand {described} by {future}."
    assert dated(text) == [(f"by end of {future}", "expected", ("Acme",))]
