"""`timeline.extract`: a capitalised adverb opening a sentence is never an actor.

"Back in 2015, Acme missed the deadline": "Back" is capitalised only because it
starts the sentence, and a phrase of time or place runs from it to a comma before
the subject. Such a word is no name, whatever the word ("Back", "Further out",
"Ahead of the launch", "Way back in 2019"), while a real name opening the sentence
("Apple plans", "Amazon said", "Tesla in March said") stays an actor.
"""

from __future__ import annotations

import pytest

from timeline.extract import extract, names

REFERENCE = "2026-03-01"


def actors(text: str) -> set[str]:
    found: set[str] = set()
    for d in extract(text, reference=REFERENCE):
        found.update(d.actors)
    return found


OPENERS = [
    # an adverb, then a preposition and a date, then the subject
    ("Back in 2015, Acme missed the deadline.", "Back"),
    # an adverb, then a time word
    ("Back then, Acme planned to open the plant in 2027.", "Back"),
    # a word the lists of openers do not hold, before a phrase of time
    ("Afterwards in May 2026, Acme will ship the phone.", "Afterwards"),
    # "Ahead of" a thing, then the subject
    ("Ahead of the vote, Acme plans to publish its report in April 2026.", "Ahead"),
    # a pronoun after the comma
    ("Soon after the launch in 2026, it will open a plant, Acme said.", "Soon"),
    # a determiner of time
    ("Beyond that year, Acme expects to double output by 2030.", "Beyond"),
    # an adverb before a particle ("back", "out", "down")
    ("Way back in 2019, Acme said it would ship in 2026.", "Way"),
    ("Further out, in 2030, Acme expects to open a plant.", "Further"),
    ("Down the road, Acme plans to open a plant in 2028.", "Down"),
    ("Rather than wait, Acme will build a plant in 2027.", "Rather"),
    # no comma: a year or "then" ends the phrase before the subject
    ("Back in 2015 Acme missed the deadline.", "Back"),
    ("Back in March 2015 Acme missed the deadline.", "Back"),
    ("Back then Acme planned to open the plant in 2027.", "Back"),
]


@pytest.mark.parametrize(("text", "word"), OPENERS)
def test_opening_adverb_is_no_actor(text: str, word: str) -> None:
    assert word not in actors(text)
    assert word not in names(text)
    assert "Acme" in names(text)


NAMES_FIRST = [
    # a name opening the sentence, then its verb
    ("Apple plans to launch in April 2026.", "Apple"),
    ("Amazon said it will open a store in 2026.", "Amazon"),
    ("Tesla will ship the car in 2026.", "Tesla"),
    ("Meta expects a launch in May 2026.", "Meta"),
    # a name, a phrase of time with no comma, then its verb
    ("Tesla in March said it will ship the car in 2026.", "Tesla"),
    # a name, a time phrase and a comma: kept, the text names it elsewhere mid-sentence
    ("Tesla in 2025, by contrast, sold fewer cars. Rivals expect Tesla to ship in 2026.", "Tesla"),
    # a name, a place, then its verb
    ("Tesla in New York said it will ship the car in 2026.", "Tesla"),
    ("Amazon in 2025 opened 10 stores.", "Amazon"),
    ("Microsoft in 2024 and Google in 2025 launched chips.", "Microsoft"),
    ("Apple, in 2015, launched a watch.", "Apple"),
    # a name, a comma and an apposition
    ("Acme, the carmaker, will open a plant in 2027.", "Acme"),
]


@pytest.mark.parametrize(("text", "name"), NAMES_FIRST)
def test_name_opening_the_sentence_stays(text: str, name: str) -> None:
    assert name in names(text)
