"""`timeline.extract`: who acts, as against what is acted on.

A list of names opening a sentence ("Acme, Foxconn and Tesla will ...") keeps its
first name. Products and plans are not actors: a name launched, shipped or flown
("SpaceX plans to launch Starship"), a product that flies, ships or launches beside
the organisation that says so ("Rocket Lab said Neutron will fly"), a name followed
by a product noun ("the Neutron rocket"), a plan or a law ("the Five-Year Plan", "the
CHIPS Act"). True actors stay: partners, buyers, the organisation acquired, the owner
of a possessive, a body acting.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Source
from timeline.extract import extract

PUBLISHED = "2026-03-10"


def actors(text: str) -> list[tuple[str, ...]]:
    return [d.actors for d in extract(text, source=Source("Test", published=PUBLISHED))]


LISTS = [
    ("Acme, Foxconn and Tesla will build a plant in Ohio in 2027.", ("Acme", "Foxconn", "Tesla")),
    (
        "Zorbix, Quanta and Wistron plan to invest $2 billion by 2028.",
        ("Zorbix", "Quanta", "Wistron"),
    ),
    (
        "Nuvia, Ampere, Tenstorrent and Groq will ship chips in 2027.",
        ("Nuvia", "Ampere", "Tenstorrent", "Groq"),
    ),
    ("Kestrel or Harbinger will win the contract in June.", ("Kestrel", "Harbinger")),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_a_list_opening_a_sentence_keeps_its_first_name(
    text: str, expected: tuple[str, ...]
) -> None:
    assert actors(text) == [expected]


# Openers are still no names: "Separately, Acme and Tesla ..."
OPENERS = [
    ("Separately, Acme and Tesla will build a plant in 2027.", ("Acme", "Tesla")),
    ("Moreover, Acme and Tesla will build a plant in 2027.", ("Acme", "Tesla")),
    ("Likewise, Acme and Tesla will build a plant in 2027.", ("Acme", "Tesla")),
]


@pytest.mark.parametrize(("text", "expected"), OPENERS)
def test_openers_before_a_list_are_no_names(text: str, expected: tuple[str, ...]) -> None:
    assert actors(text) == [expected]


PRODUCTS = [
    ("SpaceX plans to launch Starship in June.", ("SpaceX",)),
    ("Rocket Lab said Neutron will fly in 2026.", ("Rocket Lab",)),
    ("Apple will ship Vision Pro 2 in 2027.", ("Apple",)),
    ("Amazon will launch Kuiper satellites in April.", ("Amazon",)),
    ("Tesla expects to deliver Cybercab by 2027.", ("Tesla",)),
    ("Blue Origin said the New Glenn rocket will fly again in May.", ("Blue Origin",)),
    ("Xiaomi said Hyperion will go on sale in September.", ("Xiaomi",)),
    ("Amazon said Kuiper would start service in 2025.", ("Amazon",)),
    ("Vision Pro 2 will ship in 2027, Apple said.", ("Apple",)),
    # known as a product elsewhere in the text ("its Neutron rocket")
    (
        "Rocket Lab said its Neutron rocket is ready. Neutron will fly in 2026, Peter Beck said.",
        ("Peter Beck",),
    ),
    ("The Five-Year Plan will run until 2030.", ()),
    ("China's Five-Year Plan will end in 2030.", ("China",)),
    (
        "The CHIPS Act will fund 12 fabs by 2030, the Commerce Department said.",
        ("Commerce Department",),
    ),
    ("Brussels said the Green Deal Industrial Plan will be revised in 2027.", ("Brussels",)),
]


@pytest.mark.parametrize(("text", "expected"), PRODUCTS)
def test_products_and_plans_are_not_actors(text: str, expected: tuple[str, ...]) -> None:
    assert actors(text)[-1] == expected


# True actors stay: the object of a deal, a partner, a buyer, the owner, a body.
ACTORS = [
    ("Nvidia will acquire Arm in 2027.", ("Nvidia", "Arm")),
    ("SpaceX will launch with Airbus in June.", ("SpaceX", "Airbus")),
    ("Nvidia will ship Rubin to Microsoft in 2027.", ("Nvidia", "Microsoft")),
    ("SpaceX will launch NASA's Artemis III crew in 2027.", ("SpaceX", "NASA")),
    ("Delta will fly to more cities in 2027.", ("Delta",)),
    ("United will fly the A321XLR in 2027.", ("United",)),
    ("Foxconn will build a plant for Apple in 2027.", ("Foxconn", "Apple")),
    # who said so is the source (``said_by``), the reported clause's subject acts
    ("Airbus said Lufthansa will receive the jet in 2027.", ("Lufthansa",)),
    # a list of names is who acts, whatever the verb
    (
        "Rocket Lab, Firefly and Relativity will launch in 2026.",
        ("Rocket Lab", "Firefly", "Relativity"),
    ),
    ("Blue Origin will launch in June, Amazon said.", ("Blue Origin",)),
    # a buyer or a receiver after the verb: "sell Foxconn", "deliver Lufthansa its first jet"
    ("SoftBank will sell Arm shares in 2027.", ("SoftBank", "Arm")),
    ("Acme agreed to sell Foxconn its Ohio plant in 2026.", ("Acme", "Foxconn")),
    ("Airbus will deliver Lufthansa its first A321XLR in June.", ("Airbus", "Lufthansa")),
    ("Nvidia will ship Microsoft the first Rubin racks in 2027.", ("Nvidia", "Microsoft")),
]


@pytest.mark.parametrize(("text", "expected"), ACTORS)
def test_true_actors_stay(text: str, expected: tuple[str, ...]) -> None:
    assert actors(text) == [expected]


_NAMES = ["Zorbix", "Quanta", "Wistron", "Pegatron", "Kestrel", "Harbinger", "Acme", "Foxconn"]


@settings(max_examples=30, deadline=None)
@given(picked=st.lists(st.sampled_from(_NAMES), min_size=2, max_size=4, unique=True))
def test_every_name_of_an_opening_list_is_an_actor(picked: list[str]) -> None:
    listed = ", ".join(picked[:-1]) + f" and {picked[-1]}"
    assert actors(f"{listed} will build a plant in 2027.") == [tuple(picked)]


# "The retailer" (and "the company" ...) is never a country or a capital standing for a
# government: the organisation named before it stays meant, or none.
COUNTRY_BEFORE = [
    (
        "China's Five-Year Plan will end in 2030. The retailer expects to open 20 stores in 2027.",
        (),
    ),
    (
        "Walmart said sales rose 5% in 2025. China will cut tariffs in 2027. "
        "The retailer expects to open 20 stores in 2027.",
        ("Walmart",),
    ),
    (
        "Airbus said it delivered 700 jets in 2025. Beijing will approve the deal in 2026. "
        "The company expects 820 deliveries in 2026.",
        ("Airbus",),
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNTRY_BEFORE)
def test_the_company_is_never_a_country(text: str, expected: tuple[str, ...]) -> None:
    assert actors(text)[-1] == expected


def test_a_launch_verb_ending_the_sentence_before_takes_no_name() -> None:
    text = "SpaceX targets Tuesday for next Starlink launch\n\nSpaceX is targeting March 10 for it."
    assert actors(text)[-1] == ("SpaceX",)
    text = "Rocket Lab said the rocket is ready to launch. Airbus will fly it in June."
    assert actors(text)[-1] == ("Airbus",)
