"""The patterns `timeline.extract._reader_actors` reads actors and places with: the words
around a name that make it a site, a destination, an object or a new subject."""

from __future__ import annotations

import re
from typing import Final

from timeline.extract._text import words

__all__ = [
    "ADDRESS_BEFORE",
    "AFTER_PLACE",
    "AND_NEXT",
    "BETWEEN_BEFORE",
    "CELESTIAL",
    "COMPANY_SAID",
    "FACILITY",
    "INDEFINITE",
    "LISTED_AFTER_IN",
    "LOWER_NEXT",
    "NAMED_AFTER",
    "NEW_SUBJECT",
    "OBJECT_BEFORE",
    "ORG_SUFFIXES",
    "PARAGRAPH",
    "PHRASE_END",
    "PLACE_DATE",
    "PLACE_END",
    "SPACE_GOING",
    "TRAVEL_TO",
]


# After a state or a country, a noun for a site: the place says which site, no one acts.
FACILITY: Final = re.compile(
    r"\s+(?:fab|fabs|plant|plants|factory|factories|site|sites|facility|facilities|campus"
    r"|megafab|gigafactory|mine|mines|refinery|warehouse|office|offices|data\s+cent(?:er|re)s?"
    r"|operations|unit|subsidiary|project|expansion|line|store|stores|headquarters|hub"
    # and other common nouns a place says which of: "US approval", "China sales"
    r"|approvals?|market|markets|sales|launch|rollout|listing|demand|exports|imports|revenue"
    r"|customers|consumers|users|buyers|prices|deliveries|shipments|production|output)\b",
    re.IGNORECASE,
)
# A clause opening with a subject of its own, new to the text: "a federal appeals court will
# hear the case" shares no actor with the clause before.
NEW_SUBJECT: Final = re.compile(
    r"[\W]*(?:(?:and|but|while|whereas|yet)\s+)?(?:a|an)\s+[a-z][\w-]*", re.IGNORECASE
)
BETWEEN_BEFORE: Final = re.compile(r"\bbetween\s+(?:the\s+)?\Z", re.IGNORECASE)
# A place, then "and" or "or" and the next ("in Kenya and Nigeria").
AND_NEXT: Final = re.compile(
    r"[\w.'-]+(?:\s+[A-Z][\w.'-]*){0,2}(?:,|,?\s+(?:and|or))\s+(?:the\s+)?"
)
# "a California utility": a region after "a" is an adjective of the noun after it.
INDEFINITE: Final = re.compile(r"\b(?:a|an)\s+\Z", re.IGNORECASE)
LOWER_NEXT: Final = re.compile(r"\s+[a-z]")
PLACE_END: Final = re.compile(
    r"(?:'s?)?\s*(?:[,.;:)]|\Z|(?:and|or|on|in|at|by|from|to|for|with|near"
    # a date after it: "to Kerala and Assam next year"
    r"|next|this|last|early|late|later|starting|beginning|before|after|within|until)\b)",
    re.IGNORECASE,
)
# After a possessive, a name: "on Shanghai's STAR Market" is a place, "on Amgen's monthly
# injection" is not.
NAMED_AFTER: Final = re.compile(r"'s?\s+[A-Z]")
AFTER_PLACE: Final = re.compile(r"[A-Z][\w.'-]*,\s+\Z")
# A name after "of" or "on" that ends its phrase is an object, not who the sentence is
# about (", which depends on Starship,", "the first flight of Starship."): never "the
# company" later; "75% of EU companies" still names the EU.
OBJECT_BEFORE: Final = re.compile(r"\b(?:of|on)\s+\Z")
# A street after "on", "at", "along", "off" (a house number between): an address, where
# ("a store on Oxford Street", "at 400 Market Street"); "State Street will" still acts.
# Before a street's name: "on", "at" ... or a number after "to", "from" ("to 88 Harbour Road").
ADDRESS_BEFORE: Final = re.compile(
    r"\b(?:(?:on|at|along|off|in)\s+(?:the\s+)?(?:\d[\w-]*\s+)?|(?:to|from|near)\s+\d[\w-]*\s+)\Z",
    re.IGNORECASE,
)
# A verb or a noun of travel before "to" and a place: the place is where to ("flights to
# Tokyo", "will fly to Manchester"), not a receiver ("ship Rubin to Microsoft"). So is a
# verb of bringing, taking, expanding, extending, exporting or shipping something there
# ("bring the iPhone to India", "export cars to Germany", "expand the service to Tokyo"):
# only a known place is where to; a buyer ("sell chips to China") still acts.
TRAVEL_TO: Final = re.compile(
    r"\b(?:fly|flies|flying|flew|flights?|routes?|services?|sail(?:s|ed|ings?)?|voyages?"
    r"|trains?|nonstop|non-stop|direct|connections?|cruises?"
    r"|br(?:ing|ings|inging|ought)|tak(?:e|es|en|ing)|took|expan(?:d|ds|ded|ding|sion)"
    r"|extend(?:s|ed|ing)?|export(?:s|ed|ing)?|ship(?:s|ped|ping)?|roll(?:s|ed|ing)?\s+out"
    r"|launch(?:es|ed|ing)?|introduc(?:e|es|ed|ing))"
    # "expand into Mexico" too
    r"\s+(?:[\w'.-]+\s+){0,4}?(?:in)?to\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
# A body of the solar system after a word of going there or being there, in a text on
# space flight: where, not who ("launch Starship to Mars", "land astronauts on the Moon");
# "Mars expects to close the deal", "sold the unit to Mars" still name the company.
CELESTIAL: Final = frozenset(
    words("moon mars venus mercury jupiter saturn uranus neptune pluto earth sun titan europa")
)
SPACE_GOING: Final = re.compile(
    r"\b(?:launch\w*|fly|flies|flying|flew|flights?|send(?:s|ing)?|sent|missions?|journey"
    r"|trips?|travel\w*|voyages?|return\w*|land(?:s|ed|ing|ers?)?|probes?|rockets?"
    r"|spacecraft|starship|crew(?:ed|s)?|astronauts?|orbit(?:s|ed|ing|ers?)?|rovers?"
    r"|base|colony|settlement)\b[^.;:!?]{0,48}?"
    r"\b(?:to|on|onto|around|orbit(?:s|ed|ing)?|toward|towards|reach(?:es|ed|ing)?)\s+"
    r"(?:the\s+)?\Z",
    re.IGNORECASE,
)
# Before a place in a list of places each with its date: "in" a first place and its date,
# then items; after it, its own date ("in Japan in 2027, Germany in 2028").
LISTED_AFTER_IN: Final = re.compile(
    r"\bin\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+(?:in|by)\s[^;:.!?]{1,120}?"
    r"(?:,|\band)\s+(?:the\s+)?\Z"
)
PLACE_DATE: Final = re.compile(r"\s+(?:in|by)\s")
PARAGRAPH: Final = re.compile(r"\n[ \t]*\n")
PHRASE_END: Final = re.compile(r"(?:'s?)?\s*(?:[,.;:)]|\Z)")
# "the company said" ending a sentence: ", the company said on Monday."
COMPANY_SAID: Final = re.compile(
    r"the\s+(?:[a-z]+\s+)?[a-z-]+\s+(?:said|says|added|announced|confirmed|told\s+[a-z]+)"
    r"\b[^,;]{0,40}[.!?]?\s*$"
)
ORG_SUFFIXES: Final = words(
    """ai inc inc. corp corp. corporation ltd ltd. llc plc group holdings technology
    technologies labs lab systems software intelligence robotics motors platforms ag sa gmbh
    co co. aviation airlines airways air aerospace mobility energy pharmaceuticals
    therapeutics biosciences semiconductor semiconductors electronics automotive
    communications networks logistics mining resources minerals materials industries"""
)
