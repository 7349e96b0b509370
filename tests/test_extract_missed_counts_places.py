"""`timeline.extract`: a date missed told in any word order, a count that looks like a
year, a place something is brought to that no list knows, and the site's own name before
"in" a region.

Each a table of variants (not the one sentence that showed it) and, where the rule has an
invariant, a property over generated sentences.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract import extract

REF = "2026-06-15"


MISSED_ANY_ORDER = [
    # (text, the date given up): the noun of promise first, the date after it
    ("Acme missed the deadline in 2025.", "2025"),
    ("The company missed its launch window last year.", "2025"),
    ("Acme fell short of the target set for 2025.", "2025"),
    ("Acme missed the regulatory deadline for the plant in 2025.", "2025"),
    ("Acme blew past its March deadline.", "March 2026"),
    ("Acme blew through the deadline of 2025.", "2025"),
    ("Acme has blown past the 2025 date for the plant.", "2025"),
    # a failure, then a word of promise after the date
    ("Acme failed to ship the car in 2025 as promised.", "2025"),
    ("Acme did not open the plant in 2025 as planned.", "2025"),
    ("Acme didn't deliver the first units in 2025, as it had promised.", "2025"),
    ("Acme never launched the service in 2025 as scheduled.", "2025"),
    # a failure, then the date of a promise
    ("The company never delivered the trucks it promised for 2025.", "2025"),
    ("Acme did not open the plant planned for 2025.", "2025"),
    # a miss ahead, the noun of promise first
    ("Acme expects to miss the deadline in December.", "December 2026"),
    ("Acme won't make the deadline for the plant in 2027.", "2027"),
    # a day without its year, missed already: the last one before publication
    ("Acme missed its self-imposed deadline of June 30.", "30 June 2025"),
    # a goal's figure between it and its date
    ("The airline missed its goal of 100 planes by 2025.", "by end of 2025"),
    # a place and its region between the goal and its date
    ("Acme missed its goal of starting production at its Taylor, Texas fab in 2026.", "2026"),
    # one noun of what is counted between the year and its goal
    ("Acme missed its 2026 sales target.", "by end of 2026"),
    # told in the passive, the noun of promise beside the date
    ("The deadline of 2025 was missed.", "2025"),
    ("The deadline was missed in 2025.", "2025"),
    ("The 2025 target went unmet.", "by end of 2025"),
    ("Acme's launch window in 2025 was missed.", "2025"),
    ("The March deadline passed without a deal.", "March 2026"),
    # a date promised, then a thing that never came
    ("Acme's launch, promised for 2025, never happened.", "2025"),
    ("The launch was scheduled for 2025 but did not happen.", "2025"),
    # the date the promise was made is no date of the event
    ("Acme did not hit the 2025 target it set in 2021.", "by end of 2025"),
    ("Acme missed the 2025 target that it announced in 2021.", "by end of 2025"),
]


@pytest.mark.parametrize(("text", "first"), MISSED_ANY_ORDER)
def test_a_date_missed_in_any_word_order_is_given_up(text: str, first: str) -> None:
    """ "missed the deadline in 2025", "failed to ship in 2025 as promised": the date given
    up, still expected, with no new date (was: happened in 2025)."""
    (d,) = extract(text, reference=REF).drafts
    assert (d.status.value, d.when.is_undated, str(d.first_when)) == ("expected", True, first), (
        d.reasons
    )


@pytest.mark.parametrize(
    ("text", "when", "status"),
    [
        # a failure with no promise said: what happened then
        ("Acme failed to win the contract in 2025.", "2025", "happened"),
        # done as promised: done
        ("Acme shipped the car in 2025 as promised.", "2025", "happened"),
        # a numeric goal exceeded is no deadline missed
        ("Sales blew past the target in 2025.", "2025", None),
        # a goal missed with no date: what happened, on the day said
        ("Novo Nordisk said on Monday its trial missed its goal.", "15 June 2026", "happened"),
        # missing estimates is no promise of the company's
        ("Acme missed analysts' estimates in the first quarter.", "Q1 2026", "happened"),
        # not saying when is no failure
        ("Acme did not say when the plant scheduled for 2025 would open.", "2025", None),
        # a risk, not a date given up
        ("Acme said it could miss the deadline of 2027.", "2027", "expected"),
        # a passive miss or a thing that did not happen, with no promise: a past
        ("Analysts' estimates were missed in the first quarter.", "Q1 2026", "happened"),
        ("The meeting did not happen in 2025.", "2025", "happened"),
        # who said it after a comma is no place of the goal
        ("Acme missed the deadline, Zorbix said in 2025.", "2025", None),
        # a date after a full stop belongs to the next sentence
        ("Acme missed the deadline. The plant opened in 2025.", "2025", "happened"),
    ],
)  # fmt: skip
def test_no_date_missed_without_a_promise(text: str, when: str, status: str | None) -> None:
    """No promise said: the date is what happened (status None: not checked here)."""
    d = extract(text, reference=REF).drafts[-1]
    assert (str(d.when), d.first_when) == (when, None), d.reasons
    assert status is None or d.status.value == status, d.reasons


@settings(max_examples=40, deadline=None)
@given(
    verb=st.sampled_from(["missed", "has missed", "fell short of", "failed to meet",
                          "blew past", "did not meet"]),
    det=st.sampled_from(["the", "its"]),
    noun=st.sampled_from(["deadline", "target date", "launch window", "timeline"]),
    between=st.sampled_from(["", " for the plant", " for the first deliveries"]),
    year=st.integers(2020, 2025),
)  # fmt: skip
def test_a_date_after_a_promise_missed_is_never_done(
    verb: str, det: str, noun: str, between: str, year: int
) -> None:
    """Property: "<missed> <det> <promise noun> [for ...] in <year>" is a promise broken:
    still expected, undated, the year its first promise; never happened in that year."""
    (d,) = extract(f"Acme {verb} {det} {noun}{between} in {year}.", reference=REF).drafts
    assert (d.status.value, d.when.is_undated) == ("expected", True), d.reasons
    assert d.first_when is not None and str(year) in str(d.first_when), d.reasons


COUNTS = [
    # (text, when): a number before another date is what is counted, not a year
    ("Acme will pay for 2000 by 2030.", "by end of 2030"),
    ("Acme aims to add 1800 in 2027.", "2027"),
    ("Acme will buy 2000 in 2027.", "2027"),
    ("Acme will hire 2000 engineers by 2030.", "by end of 2030"),
    ("Acme plans to build 1500 stations by 2028.", "by end of 2028"),
    ("Acme will install 1900 before 2029.", "before 2029"),
    # the date after it with words before its year
    ("Acme will add 1800 in early 2027.", "early 2027"),
    ("Acme will add 1800 in the first half of 2027.", "H1 2027"),
    ("Acme will add 1800 in Q3 2027.", "Q3 2027"),
    # a year a schedule word introduces stays a year: a first promise
    ("Acme will open the fab it had promised for 2025 by 2029.", "by end of 2029"),
    # a year after a date preposition stays a year: the baseline
    ("Acme will cut emissions by half from 2005 by 2030.", "by end of 2030"),
]


@pytest.mark.parametrize(("text", "when"), COUNTS)
def test_a_count_before_a_date_is_no_year(text: str, when: str) -> None:
    """ "pay for 2000 by 2030": 2000 is counted (was: the date 2000)."""
    (d,) = extract(text, reference=REF).drafts
    assert str(d.when) == when, d.reasons


@settings(max_examples=40, deadline=None)
@given(
    verb=st.sampled_from(["pay for", "add", "buy", "hire", "install", "deploy", "order"]),
    count=st.integers(1000, 2999),
    prep=st.sampled_from(["by", "in"]),
    year=st.integers(2026, 2040),
)
def test_a_count_then_a_year_dates_by_the_year(verb: str, count: int, prep: str, year: int) -> None:
    """Property: "<verb> <N> by|in <year>" is dated by the year, whatever N."""
    (d,) = extract(f"Acme will {verb} {count} {prep} {year}.", reference=REF).drafts
    assert str(d.when) == (f"by end of {year}" if prep == "by" else str(year)), d.reasons


PLACES_BROUGHT_TO = [
    # (text, actors, location): a name no list knows, after a verb of bringing or
    # expanding something "to" it, is where
    ("Acme will bring the service to Ruritania in 2027.", ("Acme",), "Ruritania"),
    ("Acme will expand the service to Ruritania in 2027.", ("Acme",), "Ruritania"),
    ("Acme will roll out the feature to Freedonia in 2027.", ("Acme",), "Freedonia"),
    ("Acme will extend its network to Lower Wessex by 2028.", ("Acme",), "Lower Wessex"),
    ("Acme will launch the app in Freedonia in 2027.", ("Acme",), "Freedonia"),
    ("Acme will take its stores to Ruritania in 2027.", ("Acme",), "Ruritania"),
    # a verb of selling, supplying or giving: who receives it acts
    ("Acme will sell chips to Microsoft in 2027.", ("Acme", "Microsoft"), None),
    ("Acme will supply batteries to Zorbix in 2027.", ("Acme", "Zorbix"), None),
    ("Acme will license the design to Zorbix in 2027.", ("Acme", "Zorbix"), None),
    # a name that acts elsewhere in the text is no place
    ("Zorbix said it needs chips. Acme will bring the chips to Zorbix in 2027.",
     ("Acme", "Zorbix"), None),
    # "into" as "to"
    ("Acme will expand into Ruritania in 2027.", ("Acme",), "Ruritania"),
    ("Acme will expand into Mexico in 2027.", ("Acme",), "Mexico"),
    # a list of places brought to: each where
    ("Acme will bring the service to Ruritania, Freedonia and Zembla in 2027.", ("Acme",),
     "Ruritania, Freedonia, Zembla"),
    ("Acme will open stores in Kenya, Ghana and Nigeria in 2027.", ("Acme",),
     "Kenya, Ghana, Nigeria"),
    # a subject of its own after "and": it acts
    ("Acme will bring the service to Ruritania and Zorbix will follow in 2028.",
     ("Acme", "Zorbix"), "Ruritania"),
    # buyers listed: each acts
    ("Acme will sell chips to Zorbix and Freedonia in 2027.", ("Acme", "Zorbix", "Freedonia"),
     None),
    # a thing with a name of its own brought "to" a name: maybe a platform, not a place
    ("Acme will bring Gemini to Zorbix in 2027.", ("Acme", "Gemini", "Zorbix"), None),
    # a country of the list of regions, whatever is brought
    ("SpaceX will bring its Starlink service to Rwanda in 2027.", ("SpaceX",), "Rwanda"),
    # a listing moved to an exchange is no place
    ("Acme will move its listing to Zorbix in 2027.", ("Acme", "Zorbix"), None),
    # a name before a noun is which customers, not where
    ("Acme will roll out the update to Zorbix customers in 2027.", ("Acme", "Zorbix"), None),
    # an organisation's name is no place
    ("Acme will expand the service to Zorbix Motors in 2027.", ("Acme", "Zorbix Motors"), None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actors", "location"), PLACES_BROUGHT_TO)
def test_a_place_brought_to_needs_no_list(
    text: str, actors: tuple[str, ...], location: str | None
) -> None:
    """ "will bring the service to Ruritania": where to (was: Ruritania an actor)."""
    d = extract(text, reference=REF).drafts[-1]
    assert (d.actors, d.location) == (actors, location), d.reasons


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # the site's own name, then the region it is in
        ("Meta expects its Hyperion campus in Louisiana to open by 2030.", "Louisiana"),
        ("Acme will open its Prometheus data center in Ohio in 2027.", "Ohio"),
        ("Acme will open its Colossus data center in Bavaria in 2027.", "Bavaria"),
        # a plant or a mine mostly carries its town's name: kept before the region
        ("Acme expects its Grasberg mine in Indonesia to recover in 2027.",
         "Grasberg, Indonesia"),
        # a town the text names as a place elsewhere stays before the region
        ("Acme builds cells in Concord. Acme will open its Concord plant in North Carolina in "
         "2027.", "Concord, North Carolina"),
        # a known city stays before the region
        ("Acme will open its Austin plant in Texas in 2027.", "Austin, Texas"),
        # a town, a comma and its region before the site: both where
        ("Meta will open its Richland Parish, Louisiana data center in 2028.",
         "Richland Parish, Louisiana"),
        ("Stargate's Abilene, Texas campus will open in 2026.", "Abilene, Texas"),
        ("Acme will open its Sherman, Ontario plant in 2028.", "Sherman, Ontario"),
        # a town and its region said together: the town is where
        ("Acme will open a plant in Sherman, Texas in 2027.", "Sherman, Texas"),
    ],
)  # fmt: skip
def test_a_site_named_before_its_region(text: str, location: str) -> None:
    """ "its Hyperion campus in Louisiana": Hyperion names the campus, Louisiana is where
    (was: "Hyperion, Louisiana")."""
    d = extract(text, reference=REF).drafts[-1]
    assert d.location == location, d.reasons


# What the new articles (grid_storage_2027, satellites_2027, chip_policy_2027) showed, each a
# table of variants.

REDATED_AFTER_A_MISS = [
    # (text, when, first): a date given up, then in the same sentence or about the same
    # thing, the date now
    ("Vodafone failed to switch off its 3G network in Portugal in 2026 as planned; the "
     "shutdown is now due in June 2027.", "June 2027", "2026"),
    ("Acme missed the deadline for the A350 line in 2026; it is now expected in 2028.",
     "2028", "2026"),
    ("Acme missed its 2026 target for the plant. The plant is now due to open in 2028.",
     "2028", "by end of 2026"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "when", "first"), REDATED_AFTER_A_MISS)
def test_a_date_now_after_a_miss_is_its_new_date(text: str, when: str, first: str) -> None:
    """ "failed to switch off its 3G network in 2026 as planned; the shutdown is now due in
    June 2027": one event, first 2026, now June 2027 (was: expected in 2026, the digit of
    "3G" hiding the miss, and a second draft for June 2027)."""
    (d,) = extract(text, reference=REF).drafts
    assert (str(d.when), str(d.first_when), d.status.value) == (when, first, "expected"), d.reasons


def test_a_goal_after_a_miss_stays_apart() -> None:
    """A goal with a figure after a date missed is a statement of its own."""
    text = (
        "The company missed its launch window last year. It now plans to put 1600 satellites"
        " in orbit by the end of 2028."
    )
    got = [(str(d.when), d.first_when and str(d.first_when)) for d in extract(text, reference=REF)]
    assert got == [("date not announced", "2025"), ("by end of 2028", None)]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # the day it was said dates no clause: "and Nigeria" is one more place
        ("Amazon said on Monday that Acme will bring broadband to Kenya and Nigeria in the "
         "second half of 2027.", "Kenya, Nigeria"),
        ("Acme said on Tuesday it will open stores in Kenya and Nigeria in 2027.",
         "Kenya, Nigeria"),
        ("Acme will open stores in Kenya and Nigeria in 2027.", "Kenya, Nigeria"),
        ("Acme will open stores in New York or Texas in 2027.", "New York, Texas"),
    ],
)  # fmt: skip
def test_places_joined_by_and_are_where(text: str, location: str) -> None:
    """ "bring broadband to Kenya and Nigeria in H2 2027": one statement, both places (was:
    two drafts, "Nigeria" acting in the second)."""
    (d,) = extract(text, reference=REF).drafts
    assert (d.location, "Nigeria" in d.actors, "Texas" in d.actors) == (location, False, False)


@pytest.mark.parametrize(
    ("text", "actors", "location"),
    [
        ("Fluence failed to deliver batteries for a California utility in 2026 as promised.",
         ("Fluence",), "California"),
        ("Acme will supply an Ohio utility with turbines in 2028.", ("Acme",), "Ohio"),
        # no article: the state may act ("Texas will ...")
        ("Texas will pay Acme for turbines in 2028.", ("Texas", "Acme"), None),
    ],
)  # fmt: skip
def test_a_region_after_a_is_where(
    text: str, actors: tuple[str, ...], location: str | None
) -> None:
    """ "for a California utility": a utility there; California does not act (was: an
    actor)."""
    (d,) = extract(text, reference=REF).drafts
    assert (d.actors, d.location) == (actors, location), d.reasons


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # a plant's name, then the province, prefecture or state it is in
        ("Rapidus will start production at its Chitose plant in Hokkaido in 2027.",
         "Chitose, Hokkaido"),
        ("Acme will open its Sudbury refinery in Ontario in 2028.", "Sudbury, Ontario"),
        ("Acme will expand its Kwinana plant in Western Australia in 2028.",
         "Kwinana, Western Australia"),
        # an owner's project in a province: the project's own name
        ("Acme will open its Nebula campus in Quebec in 2028.", "Quebec"),
        # a province after a town and a comma
        ("Acme will build a fab near Dresden, Saxony by 2029.", "Dresden, Saxony"),
    ],
)  # fmt: skip
def test_a_province_is_a_region(text: str, location: str) -> None:
    """ "its Chitose plant in Hokkaido": Hokkaido is a region, Chitose where in it (was:
    "Hokkaido" alone, read as a town)."""
    (d,) = extract(text, reference=REF).drafts
    assert d.location == location, d.reasons


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # a figure "to" or "from" a number at a year: the number is counted
        ("Acme will grow its fleet to 2100 in 2027.", "2027"),
        ("Acme will lift output to 1900 in 2028.", "2028"),
        # a baseline year, then a deadline: both years
        ("Acme will cut emissions by half from 2005 by 2030.", "by end of 2030"),
        # a move's year, then when it was moved: the year moved to
        ("Boeing pushed deliveries to 2027 in 2025.", "2027"),
    ],
)
def test_a_figure_to_a_number_at_a_year(text: str, when: str) -> None:
    """ "grow its fleet to 2100 in 2027": 2100 is counted (was: the year 2100)."""
    (d,) = extract(text, reference=REF).drafts
    assert str(d.when) == when, d.reasons


@pytest.mark.parametrize(
    ("text", "when", "first"),
    [
        # the day it moved on, before or after the move: not the date now
        ("Acme delayed the plant from 2026 to 2028 in 2025.", "2028", "2026"),
        ("Last year, Acme delayed the plant from 2026 to 2028.", "2028", "2026"),
        ("In 2025, Acme delayed the plant from 2026 to 2028.", "2028", "2026"),
        ("In March, Acme pushed the launch back from April to June.", "June 2026",
         "April 2026"),
        ("Acme delayed the plant from 2026 to 2028.", "2028", "2026"),
    ],
)  # fmt: skip
def test_a_move_told_with_the_day_it_was_made(text: str, when: str, first: str) -> None:
    """ "Last year, Acme delayed the plant from 2026 to 2028": first 2026, now 2028 (was:
    the span 2026 to 2028); "... to 2028 in 2025": now 2028 (was: 2025)."""
    (d,) = extract(text, reference=REF).drafts
    assert (str(d.when), str(d.first_when)) == (when, first), d.reasons


@pytest.mark.parametrize(
    ("text", "when", "status", "first"),
    [
        # an aside on the thing's promise, then the main clause's date: one statement moved
        ("The merger, which was expected to close in the first quarter, closed on April 3.",
         "3 April 2026", "happened", "Q1 2026"),
        ("The merger, which had been expected to close in 2025, closed on April 3.",
         "3 April 2026", "happened", "2025"),
        ("The plant, which was due to open in 2025, will open in 2027.", "2027", "expected",
         "2025"),
        # lateness said by an amount, with no promise named, or with one proposed
        ("The first reactor came online in 2023, seven years late.", "2023", "happened",
         "2016"),
        ("The methane rules take effect in 2027, a year later than first proposed.", "2027",
         "expected", "2026"),
        # an amount said about
        ("The plant will open in May 2027, about four months behind schedule.", "May 2027",
         "expected", "January 2027"),
        # a month without its year, moved to the next one: its first promise moves with it
        ("The plant will open in May, four months behind schedule.", "May 2027", "expected",
         "January 2027"),
        ("The plant will open in May, a year later than planned.", "May 2027", "expected",
         "May 2026"),
        # the date before, said after it
        ("Acme now sees the plant opening in late 2027 versus mid-2027 previously.",
         "late 2027", "expected", "mid-2027"),
    ],
)  # fmt: skip
def test_a_first_promise_said_beside(text: str, when: str, status: str, first: str) -> None:
    """ "The merger, which was expected to close in the first quarter, closed on April 3":
    one draft, done, first promised Q1 (was: a second draft expected in Q1 2027)."""
    (d,) = extract(text, reference=REF).drafts
    assert (str(d.when), d.status.value, str(d.first_when)) == (when, status, first), d.reasons


def test_an_aside_on_the_past_stays_apart() -> None:
    """ ", which was built in 2020,": the plant's past, a draft of its own."""
    got = [
        (str(d.when), d.first_when)
        for d in extract("The plant, which was built in 2020, will close in 2027.", reference=REF)
    ]
    assert got == [("2027", None), ("2020", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb whose past is its base, after "to ... and": the same infinitive, to come
        ("Australia aims to reach net zero by 2050 and cut emissions 43% by 2030.",
         [("by end of 2050", "expected"), ("by end of 2030", "expected")]),
        ("Acme will open the plant in 2027 and cut 500 jobs in 2028.",
         [("2027", "expected"), ("2028", "expected")]),
        # no infinitive before: a past
        ("Acme raised prices in 2025 and cut jobs in March.",
         [("2025", "happened"), ("March 2026", "happened")]),
        # "proposed" with its object: a past act; the proposed thing's date still ahead
        ("The EPA proposed the rule in March and expects to finalise it by early 2027.",
         [("March 2026", "happened"), ("by early 2027", "expected")]),
        ("The EU proposed a ban on combustion cars from 2035.", [("2035", "expected")]),
        ("The proposed rule takes effect in 2027.", [("2027", "expected")]),
        # a rule's start told in the present, with no date of its own: still to come
        ("The White House said the order takes effect 90 days after signing.",
         [("from 15 June 2026 onwards", "expected")]),
        ("The rule took effect in 2025.", [("2025", "happened")]),
    ],
)  # fmt: skip
def test_the_tense_of_a_verb_said_twice(text: str, expected: list[tuple[str, str]]) -> None:
    """ "aims to reach net zero by 2050 and cut emissions 43% by 2030": still to come (was:
    happened, "until" publication); "The EPA proposed the rule in March": done in March
    (was: expected in March of the next year)."""
    got = [(str(d.when), d.status.value) for d in extract(text, reference=REF)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "when", "status"),
    [
        # a participle after "of" or a quantifier and a noun qualifies it
        ("Canada will require 60% of new cars sold in Ontario to be electric by 2030.",
         "by end of 2030", "expected"),
        ("Acme will cut the price of all phones sold in Europe by 2028.", "by end of 2028",
         "expected"),
        # a verb of its own still looks back
        ("Acme sold most of its cars in 2025.", "2025", "happened"),
    ],
)  # fmt: skip
def test_a_participle_after_a_quantity_qualifies(text: str, when: str, status: str) -> None:
    """ "60% of new cars sold in Ontario": which cars (was: a sale, happened "until"
    publication)."""
    (d,) = extract(text, reference=REF).drafts
    assert (str(d.when), d.status.value) == (when, status), d.reasons


@pytest.mark.parametrize(
    "words",
    ["a1" * 40, "1a " * 60, "A350 " * 40, "x-1-y " * 40],
)
def test_the_words_between_a_miss_and_its_date_are_read_in_linear_time(words: str) -> None:
    """Words with digits between "failed to" and its date ("its 3G network"): one way to
    read them. The first pattern allowed many ("a1a1…" took 5 s at 40 characters)."""
    from timeline.extract._missed import FAILED_BEFORE

    head = f"Acme failed to ship {words} {words}, x "
    started = time.perf_counter()
    assert FAILED_BEFORE.search(head) is None  # the comma ends the words
    extract(f"{head}in 2025 as promised.", reference=REF)
    assert time.perf_counter() - started < 0.3


@pytest.mark.parametrize(
    ("text", "when", "first"),
    [
        # a deadline extended is a date moved
        ("The deadline was extended from 2025 to 2027.", "2027", "2025"),
        ("The EU extended the deadline from 2026 to 2028.", "2028", "2026"),
        ("The EU extended the deadline to 2027.", "2027", None),
        # a program extended to a place moves no date
        ("Acme will extend the program to Texas in 2027.", "2027", None),
    ],
)
def test_a_deadline_extended_is_moved(text: str, when: str, first: str | None) -> None:
    """ "The deadline was extended from 2025 to 2027": now 2027, first 2025 (was: the span
    2025 to 2027)."""
    (d,) = extract(text, reference=REF).drafts
    assert (str(d.when), None if d.first_when is None else str(d.first_when)) == (when, first)
