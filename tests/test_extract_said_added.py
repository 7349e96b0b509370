"""Statements added by their speaker (", adding that ...") keep that speaker, and given-up
promises ("we're not going to make 2027") are no dates reached."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract

REF = "2026-05-10"

ADDED = [
    # (text, speaker of the second statement, its actors)
    (
        "NASA said SpaceX will launch in May 2027, adding that Blue Origin would follow in 2028.",
        "NASA",
        ("Blue Origin",),
    ),
    (
        "Intel said it would open the plant in 2027, adding that TSMC would follow in 2029.",
        "Intel",
        ("TSMC",),
    ),
    (
        "The plant will open in 2027, Intel said, noting that TSMC would follow in 2029.",
        "Intel",
        ("TSMC",),
    ),
    # who says so acts in both: no speaker apart
    (
        "Intel said it would open the plant in 2027, adding that the second fab would follow"
        " in 2029.",
        None,
        ("Intel",),
    ),
]


@pytest.mark.parametrize(("text", "said_by", "actors"), ADDED)
def test_the_statement_added_keeps_its_speaker(
    text: str, said_by: str | None, actors: tuple[str, ...]
) -> None:
    second = extract(text, reference=REF).drafts[-1]
    assert (second.said_by, second.actors) == (said_by, actors), second.reasons


@settings(max_examples=25, deadline=None)
@given(
    speaker=st.sampled_from(["NASA", "Reuters", "Bloomberg", "The ministry"]),
    actor=st.sampled_from(["SpaceX", "Boeing", "Airbus", "Rocket Lab"]),
    other=st.sampled_from(["Blue Origin", "Embraer", "Northrop Grumman"]),
    verb=st.sampled_from(["adding", "noting", "saying", "warning"]),
    year=st.integers(2027, 2035),
)
def test_a_speaker_says_what_it_adds(
    speaker: str, actor: str, other: str, verb: str, year: int
) -> None:
    """Property: whoever said the first statement says the one added to it."""
    text = (
        f"{speaker} said {actor} will launch the probe in {year}, {verb} that {other} would"
        f" follow in {year + 1}."
    )
    drafts = extract(text, reference=REF).drafts
    assert len(drafts) == 2, [d.title for d in drafts]
    assert drafts[1].said_by == drafts[0].said_by, drafts[1].reasons


MISSED = [
    # (text, the date given up): given up, no new date; expected, never happened
    ('SpaceX said on Tuesday: "We\'re not going to make 2027."', "2027"),
    ("NASA said it will not make 2027 for the Artemis III landing.", "2027"),
    ("Boeing said it won't make the 2027 date for the 777X.", "2027"),
    ("Airbus said it will miss its 2027 target for the hydrogen plane.", "by end of 2027"),
    ("Northvolt said it can't hit the 2027 date for the Quebec plant.", "2027"),
    ("Acme said it is not going to meet the deadline of 2028.", "2028"),
    ("Acme is unable to reach its 2029 goal.", "by end of 2029"),
    # missed already, told in the past: a promise broken, not done by that date
    ("Acme missed its 2025 target.", "by end of 2025"),
    ("Acme fell short of its 2025 goal.", "by end of 2025"),
    ("Acme failed to meet its 2025 deadline.", "by end of 2025"),
    ("Acme did not hit its end-2025 target.", "late 2025"),
    ("Acme didn't make the deadline of 2025.", "2025"),
    ("Acme has missed the 2025 date for the plant.", "2025"),
]


@pytest.mark.parametrize("reference", ["2026-05-10", "2030-02-01"])
@pytest.mark.parametrize(("text", "first"), MISSED)
def test_a_date_missed_is_given_up_with_no_new_date(text: str, first: str, reference: str) -> None:
    """Was: expected (or happened, read after the date) on the date missed; now: the date
    given up, still expected, with no new date."""
    (d,) = extract(text, reference=reference).drafts
    assert (d.status.value, d.when.is_undated, str(d.first_when)) == ("expected", True, first), (
        d.reasons
    )
    assert d.claims and d.claims[-1].note == "no new date"


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # what is made, then its date: no date missed
        ("Acme won't make cars in 2027.", "2027"),
        ("Acme will not launch the phone in 2027.", "2027"),
        # a risk, not a date given up
        ("Acme said it could miss the deadline of 2027.", "2027"),
        # a figure below a year's, no promise: what happened then
        ("Sales fell short of 2025 levels.", "2025"),
    ],
)
def test_no_date_missed(text: str, when: str) -> None:
    (d,) = extract(text, reference=REF).drafts
    assert (str(d.when), d.first_when) == (when, None), d.reasons


def test_a_date_missed_then_a_new_one() -> None:
    """ "won't make 2027 ... now expects 2028": moved from 2027 to 2028."""
    (d,) = extract(
        "Boeing said it won't make 2027 and now expects first deliveries in 2028.", reference=REF
    ).drafts
    assert (str(d.first_when), str(d.when)) == ("2027", "2028"), d.reasons


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(
        [
            "won't make",
            "will not make",
            "will miss",
            "can't hit",
            "cannot meet",
            "is not going to make",
            "is unable to meet",
            "is set to miss",
        ]
    ),
    det=st.sampled_from(["", "the ", "its "]),
    noun=st.sampled_from(["", " date", " target", " deadline"]),
    year=st.integers(2026, 2040),
    reference=st.sampled_from(["2025-06-01", "2031-01-15", "2045-03-03"]),
)
def test_a_missed_date_never_reads_as_reached(
    verb: str, det: str, noun: str, year: int, reference: str
) -> None:
    """Property: whatever the date and the publication date, a date missed is given up and
    still expected, never the event's date nor a happening."""
    (d,) = extract(f"Acme {verb} {det}{year}{noun} for the plant.", reference=reference).drafts
    assert d.status.value == "expected" and d.when.is_undated, d.reasons
    assert d.first_when is not None and str(year) in str(d.first_when)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # what is made, delivered or sold "of": the object, not who acts
        ("Tesla will start production of the Cybercab in 2026.", ("Tesla",)),
        ("Apple will start shipments of the Vision Pro in 2027.", ("Apple",)),
        ("Boeing will resume deliveries of the Starliner capsule in 2027.", ("Boeing",)),
        # a hyphenated code of capitals: a standard or a product
        ("Acme will move its chargers to USB-C in 2027.", ("Acme",)),
        ("Samsung will ship HBM-4 in 2026.", ("Samsung",)),
    ],
)
def test_the_thing_made_is_no_actor(text: str, actors: tuple[str, ...]) -> None:
    (d,) = extract(text, reference=REF).drafts
    assert d.actors == actors, d.reasons


@settings(max_examples=25, deadline=None)
@given(
    maker=st.sampled_from(["Tesla", "Airbus", "Rivian", "Northrop Grumman"]),
    noun=st.sampled_from(["production", "deliveries", "sales", "shipments"]),
    thing=st.sampled_from(["Cybercab", "Skyhawk", "Orion", "Model Q", "Zephyr"]),
    year=st.integers(2026, 2035),
)
def test_the_object_of_production_never_acts(maker: str, noun: str, thing: str, year: int) -> None:
    """Property: in "<maker> will start <noun> of the <thing> in <year>" only the maker acts."""
    (d,) = extract(f"{maker} will start {noun} of the {thing} in {year}.", reference=REF).drafts
    assert d.actors == (maker,), d.reasons


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a plural common noun opening a sentence, before its plural verb
        ("Polls open on 3 May 2026 across the country.", ()),
        ("Talks resume in June 2026, Acme said.", ("Acme",)),
        # a mission numbered in Roman numerals: a thing; its agency acts
        ("NASA delayed Artemis III to mid-2027.", ("NASA",)),
        ("NASA said Artemis III would land in 2028.", ("NASA",)),
        # a product named lower-case then capital, after "the"
        ("Apple will switch the iPhone to USB-C in 2027.", ("Apple",)),
        # people and companies of the same forms stay
        ("Charles III will visit Canada in 2027.", ("Charles III", "Canada")),
        ("King Charles III will visit Canada in 2027.", ("King Charles III", "Canada")),
        ("eBay will open an office in Austin in 2027.", ("eBay",)),
        ("Siemens will open a plant in 2027.", ("Siemens",)),
    ],
)
def test_what_acts_by_the_form_of_its_name(text: str, actors: tuple[str, ...]) -> None:
    (d,) = extract(text, reference=REF).drafts
    assert d.actors == actors, d.reasons


@pytest.mark.parametrize(
    ("text", "reference", "first"),
    [
        # a date missed ahead, with no year: the next one after publication
        ("Boeing said it will not make the March deadline.", "2026-05-10", "March 2027"),
        ("Boeing said it will not make the March deadline.", "2026-02-10", "March 2026"),
        ("Acme will miss the 9 March deadline.", "2026-05-10", "9 March 2027"),
        ("Acme can't hit the June deadline.", "2026-08-01", "June 2027"),
    ],
)
def test_a_date_missed_without_its_year_is_ahead(text: str, reference: str, first: str) -> None:
    """Was: the March before publication (a deadline already past, though "will not make"
    looks ahead); now the next one."""
    (d,) = extract(text, reference=reference).drafts
    assert (d.when.is_undated, str(d.first_when)) == (True, first), d.reasons


@settings(max_examples=30, deadline=None)
@given(
    verb=st.sampled_from(
        ["missed", "has missed", "fell short of", "came up short of", "failed to meet",
         "failed to hit", "did not hit", "didn't make", "did not reach", "has not met",
         "failed to achieve"]
    ),
    det=st.sampled_from(["its ", "the "]),
    noun=st.sampled_from(["target", "goal", "deadline", "date"]),
    year=st.integers(2020, 2030),
    reference=st.sampled_from(["2026-05-10", "2031-01-15"]),
)  # fmt: skip
def test_a_date_missed_in_the_past_is_given_up(
    verb: str, det: str, noun: str, year: int, reference: str
) -> None:
    """Property: "missed its 2025 target" and its kin, told in the past, is a promise broken:
    the date given up, still expected, never happened on it (was: happened by that date)."""
    (d,) = extract(f"Acme {verb} {det}{year} {noun} for the plant.", reference=reference).drafts
    assert (d.status.value, d.when.is_undated) == ("expected", True), d.reasons
    assert d.first_when is not None and str(year) in str(d.first_when), d.reasons
