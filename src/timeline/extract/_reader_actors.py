"""Who a statement is about, as `Reader` reads it: names, places and "the company".

`_ActorReader` turns the names `timeline.extract._actors` finds in a statement
into its actors: one spelling per organisation ("Mistral" after "Mistral AI"),
places after "in"/"between" set apart, "the company", "the ministry", "It"
and a clause without a subject of its own read as the organisation meant.
`Reader` in `timeline.extract._reader` builds on it.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from timeline._errors import quoted
from timeline.extract._actor_patterns import (
    ADDRESS_BEFORE,
    AFTER_PLACE,
    AND_NEXT,
    BETWEEN_BEFORE,
    CELESTIAL,
    COMPANY_SAID,
    FACILITY,
    INDEFINITE,
    LISTED_AFTER_IN,
    LOWER_NEXT,
    NAMED_AFTER,
    NEW_SUBJECT,
    OBJECT_BEFORE,
    ORG_SUFFIXES,
    PARAGRAPH,
    PHRASE_END,
    PLACE_DATE,
    PLACE_END,
    SPACE_GOING,
    TRAVEL_TO,
)
from timeline.extract._actors import Actors, Name, is_org
from timeline.extract._dating import FISCAL_PHRASE, DateIndex
from timeline.extract._institutions import institutional, is_institution, refers_to
from timeline.extract._name_words import STREET
from timeline.extract._past_clauses import outside_past_clauses
from timeline.extract._places import destination, is_place, site_at, unknown_place
from timeline.extract._regions import region
from timeline.extract._speakers import (
    company_audience,
    company_title,
    only_a_company_title,
    tied_org,
    titled_org,
)
from timeline.extract._text import words

__all__: list[str] = []


class _ActorReader:
    """Resolves a statement's names to its actors (the part of `Reader` about who)."""

    text: str
    folded: str
    known: dict[str, str]
    dates: DateIndex
    actors: Actors
    last_org: str | None
    last_org_at: int  # where the sentence that named it starts
    short_names: dict[str, str]
    institutions: list[str]
    site_places: dict[int, str]  # where a place names a site ("the Paris plant"): its text
    # a name before a site it may own or be where ("said the Sherman plant"): its text
    unowned_sites: dict[int, str]

    def _names(self, start: int, end: int, sentence_start: int) -> list[Name]:
        """The names in ``text[start:end]`` that are not part of a date ("NET March", "FY26")."""
        spans = [(d.start, d.end) for d in self.dates.within(start, end)]
        spans += [m.span() for m in FISCAL_PHRASE.finditer(self.text, start, end)]
        found = [
            n
            for n in self.actors.names(start, end, sentence_start)
            if not any(a <= n.start < b for a, b in spans)
        ]
        # "... when the deal with Microsoft was signed": not who acts
        return outside_past_clauses(self.folded, found, start, end)

    def _canonical(self, name: Name) -> Name:
        """One spelling per organisation: "Mistral" after "Mistral AI" is Mistral AI."""
        words = name.text.split()
        low = name.text.lower()
        if low in self.known:
            return name
        if (
            len(words) > 1
            and not name.person
            and not is_place(words[0])  # "Texas Instruments": "Texas" is Texas
            and all(w.lower() in ORG_SUFFIXES for w in words[1:])
        ):
            self.short_names.setdefault(words[0].lower(), name.text)
            return name
        full = self.short_names.get(low)
        return name if full is None else attrs.evolve(name, text=full)

    def _location(
        self, names: list[Name], span: tuple[int, int] | None = None
    ) -> tuple[list[Name], str | None]:
        """Names after "in" or "near" ("an event in Austin, Texas") or "between" ("between
        Detroit and Windsor") are where, not who; so is a possessive after "on", "at" or
        "from" ("on Shanghai's STAR Market"), a US state or a country after a name and a
        comma ("near Austin, Texas", "in Shenzhen, China"), and a place naming a site ("the
        Paris plant", and in ``span`` also one that is no name, "its Berlin gigafactory")."""
        kept: list[Name] = []
        places: list[Name] = []
        at_sites: list[Name] = []
        if span is not None:
            starts = {n.start for n in names}
            at_sites = [
                Name(text, at)
                for at, text in sorted(self.site_places.items())
                if span[0] <= at < span[1] and at not in starts
            ]
        between = False  # the last place came after "between": "and" joins the next
        for name in names:
            # " in " also at a sentence's or a paragraph's start ("In China, Baidu said")
            before = " " + re.sub(r"\s+", " ", self.folded[max(0, name.start - 13) : name.start])
            before = before.lower()
            after_place = (
                bool(places)
                and self.folded[places[-1].start : name.start].count(",") == 1
                # "in Shenzhen, China," but not "In China, Baidu said": no verb after it
                and PLACE_END.match(self.folded, name.start + len(name.text)) is not None
            )
            and_place = (
                between
                and re.fullmatch(
                    r"\S+\s+and\s+(?:the\s+)?", self.folded[places[-1].start : name.start]
                )
                # not "to Ruritania and Zorbix will follow": a subject of its own ("between
                # Merced and Bakersfield would" still joins)
                and (
                    PLACE_END.match(self.folded, name.start + len(name.text)) is not None
                    or BETWEEN_BEFORE.search(
                        self.folded, max(0, places[-1].start - 14), places[-1].start
                    )
                    is not None
                )
            )
            if (
                places
                and AND_NEXT.fullmatch(self.folded, places[-1].start, name.start)
                and PLACE_END.match(self.folded, name.start + len(name.text))
                and (
                    is_place(name.text)
                    or (
                        destination(self.folded, places[0].text, places[0].start)
                        and unknown_place(self.folded, name.text, name.start)
                    )
                )
            ):
                # "stores in Kenya and Nigeria in 2027", "bring it to Ruritania, Freedonia
                # and Zembla": each where
                and_place = True
            known = name.text.lower() in self.known
            in_place = before.endswith((" in ", " in the ", " near ", " outside "))
            owner = self.folded.startswith(name.text + "'", name.start)
            if (
                owner
                and before.endswith((" on ", " at ", " from "))
                and NAMED_AFTER.match(self.folded, name.start + len(name.text))
            ):
                in_place = True  # "on Shanghai's STAR Market", "at London's Canary Wharf"
            if STREET.search(name.text) and ADDRESS_BEFORE.search(
                self.folded, max(0, name.start - 20), name.start
            ):
                in_place = True  # "on Oxford Street", "at 400 Market Street"
            if name.start in self.site_places and not known:
                # "the Paris plant", "a new Texas plant": where, not who
                at_sites.append(Name(self.site_places[name.start], name.start))
                continue
            if not known and site_at(self.folded, name.text, name.start):
                at_sites.append(name)  # "four reactors at Darlington": where they are
                continue
            if name.start in self.unowned_sites and not known and self._owner_beside(name, names):
                # "Acme said the Sherman plant will open": Acme can own it; Sherman never acts
                at_sites.append(Name(self.unowned_sites[name.start], name.start))
                continue
            if (
                region(name.text)
                and INDEFINITE.search(self.folded, max(0, name.start - 4), name.start)
                and LOWER_NEXT.match(self.folded, name.start + len(name.text))
            ):
                in_place = True  # "for a California utility": one there, never who acts
            if region(name.text) and FACILITY.match(self.folded, name.start + len(name.text)):
                continue  # "US approval", "China sales": which ones, not who
            if region(name.text) and AFTER_PLACE.search(
                self.folded, max(0, name.start - 40), name.start
            ):
                in_place = True  # "near Austin, Texas": a state after a place
            # "will start flying to Manchester and Amsterdam": where to, not who
            travel = (
                is_place(name.text)
                and TRAVEL_TO.search(self.folded, max(0, name.start - 50), name.start)
            ) or destination(self.folded, name.text, name.start)  # "bring it to Ruritania"
            # "launch Starship to Mars", "land astronauts on the Moon": where, not who
            flown_to = (
                name.text.lower() in CELESTIAL
                and SPACE_GOING.search(self.folded, max(0, name.start - 80), name.start) is not None
            )
            # "open data centers in Japan in 2027, Germany in 2028 and Brazil in 2029": each
            # place of a list after "in" a first one is where too
            listed = (
                is_place(name.text)
                and PLACE_DATE.match(self.folded, name.start + len(name.text)) is not None
                and LISTED_AFTER_IN.search(self.folded, max(0, name.start - 160), name.start)
                is not None
            )
            between = (
                before.endswith((" between ", " between the "))
                or bool(travel)
                or flown_to
                or listed
            )
            at_place = in_place or between
            if not known and (at_place or and_place or (after_place and len(places) == 1)):
                places.append(name)
            else:
                kept.append(name)
        places = sorted([*places, *at_sites], key=lambda p: p.start)
        if not places:
            return kept, None
        return kept, ", ".join(dict.fromkeys(p.text for p in places))

    def _owner_beside(self, site: Name, names: list[Name]) -> bool:
        """Whether someone other than the name before a site can act: another name in the
        statement that is no place and stands before no site ("Acme said the Sherman
        plant"), or an organisation the text named before ("Acme makes chips. The Sherman
        plant will open"). Else the name is the only one who can, and acts ("The Tesla
        factory will open")."""
        if self.last_org is not None and self.last_org != site.text:
            return True
        return any(
            n.text != site.text
            and n.start not in self.site_places
            and n.start not in self.unowned_sites
            and not is_place(n.text)
            for n in names
        )

    def _subject(self, sentence_names: list[Name]) -> Name | None:
        """A sentence's subject, for "the company" and "It" later: an organisation, not a
        place ("in Mumbai") nor a public body ("the FDA")."""
        kept = {n.start for n in self._location(sentence_names)[0]}
        return next(
            (
                n
                for n in sentence_names
                if n.start in kept and _company(n) and not n.thing and not _object(self.folded, n)
            ),
            None,
        )

    def _actors(
        self,
        names: list[Name],
        sentence_names: list[Name],
        previous_actors: tuple[str, ...],
        start: int,
        end: int,
        reasons: list[str],
    ) -> tuple[str, ...]:
        beside = [n.text for n in names if n.beside and not n.thing]
        if beside and len(beside) < len(names):
            # "SpaceX will attempt an uncrewed Starship landing": SpaceX acts
            reasons.append(f"{', '.join(map(repr, beside))}: what it does is about, not who")
            names = [n for n in names if not n.beside or n.thing]
        things = [n.text for n in names if n.thing]
        if things:
            # "Rocket Lab said Neutron will fly in 2026": the product is what flies, its
            # maker acts; alone ("Starship will fly in March"), its maker named elsewhere
            # in the text ("SpaceX's Starship"), or no one
            reasons.append(f"{', '.join(map(repr, things))}: a product, not an actor")
            names = [n for n in names if not n.thing]
            maker = None if names else self._maker(things[0])
            if maker is not None:
                names = [maker]
                reasons.append(f"{quoted(things[0])} made by {maker.text}")
        actors = [n.text for n in names]
        for at in self.actors.anaphors(start, end):
            subject = next((n for n in sentence_names if n.start < at and _company(n)), None)
            first = sentence_names[0] if sentence_names else None
            if (
                subject is None
                and first is not None
                and first.start < at
                and not first.person
                and COMPANY_SAID.match(self.folded, at, end)
                and re.search(r",\s*$", self.folded[max(start, at - 3) : at])
                and _company(attrs.evolve(first, org=True))
            ):
                # "Rio Tinto will build a refinery, the company said": the sentence's own
                # subject, though its name alone could be a person's
                subject = first
            org = self._canonical(subject).text if subject is not None else self.last_org
            if org is not None and org not in actors:
                actors.append(org)
                reasons.append(f"'the company' read as {org}")
        for phrase in institutional(self.folded, start, end):
            # "the ministry": the institution of that kind named last, here or before
            before = [self._canonical(n).text for n in sentence_names if n.start < phrase.start]
            named = [*self.institutions, *before]
            body = next((i for i in reversed(named) if refers_to(phrase, i)), None)
            speaker = f"said by {body}: the source, not an actor" in reasons
            if body is not None and body not in actors and not (speaker and actors):
                # not who says so ("NASA said SpaceX will ..., a demonstration the agency
                # had once expected in 2027"), unless no one else acts
                actors.append(body)
                reasons.append(f"'the {phrase.noun}' read as {body}")
        pronoun = re.match(r"(?:It|Its)\s", self.folded[start : start + 4])
        if (
            not actors
            and pronoun is not None
            and self.last_org is not None
            # not across a paragraph: "Its final cost" after a paragraph on a plant is the
            # plant's, not the company named in the paragraph before
            and PARAGRAPH.search(self.folded, self.last_org_at, start) is None
        ):
            actors = [self.last_org]  # "It plans ...", "Its chips are due ..."
            reasons.append(f"{pronoun.group().strip()!r} read as {self.last_org}")
        new_subject = NEW_SUBJECT.match(self.folded, start, end) is not None
        if not actors and previous_actors and not new_subject:
            # A clause without a name of its own shares the subject of the one before
            # ("... surpassed $300 million and expects $600 million by 2026").
            actors = list(previous_actors[:1])
            reasons.append(f"subject shared with the clause before: {actors[0]}")
        return self._spoken_for(actors, names, sentence_names, reasons)

    def _spoken_for(
        self, actors: list[str], names: list[Name], sentence_names: list[Name], reasons: list[str]
    ) -> tuple[str, ...]:
        """The actors with a titled person read as the organisation the title is of: named
        with it ("Nintendo president Shuntaro Furukawa", "..., Nintendo's president"), or,
        after a company's title alone ("Chief Executive Shuntaro Furukawa"), the company named
        before in the sentence or the text; after a title a head of state holds too
        ("President Shuntaro Furukawa"), only the organisation the text ties the person to
        elsewhere. The person stays where none is."""
        out: list[str] = []
        for text in actors:
            person = next((n for n in names if n.text == text), None)
            org = None if person is None else titled_org(self.folded, person, sentence_names)
            spoken = None if org is None else self._canonical(org).text
            if (
                spoken is None
                and person is not None
                and person.person
                and company_title(self.folded, person)
            ):
                if only_a_company_title(self.folded, person) or company_audience(
                    self.folded, person
                ):  # "Chief Executive X", "chairman X told shareholders"
                    before = [n for n in sentence_names if n.start < person.start and _company(n)]
                    spoken = self._canonical(before[-1]).text if before else self.last_org
                else:  # "President X": only the organisation the text ties X to
                    tied = tied_org(self.folded, person, self._names_quietly)
                    spoken = None if tied is None else self._canonical(tied).text
            if spoken is not None:
                reasons.append(f"{quoted(text)} speaks for {spoken}")
            out.append(text if spoken is None else spoken)
        return tuple(dict.fromkeys(out))

    def _names_quietly(self, start: int, end: int) -> list[Name]:
        """The names of another sentence, ``folded[start:end]``, read without learning from
        it (an acronym it defines is learnt when it is read)."""
        acronyms = dict(self.actors.acronyms)
        try:
            return self.actors.names(start, end, start)
        finally:
            self.actors.acronyms.clear()
            self.actors.acronyms.update(acronyms)

    def _maker(self, product: str) -> Name | None:
        """Who the text says owns ``product``: "SpaceX's Starship", or the organisation
        before "its" in "SpaceX unveiled its Starship"; None when it never says."""
        owned = self.actors.owner(product)
        if owned is None:
            return None
        at, its = owned
        begin = max(self.folded.rfind(c, 0, at) for c in ".!?\n") + 1
        while begin < at and self.folded[begin].isspace():
            begin += 1
        found = [n for n in self._names(begin, at, begin) if not n.thing and is_org(n)]
        if not found:
            return None
        # "SpaceX's": the name ending at the possessive; "its": the sentence's first
        return self._canonical(found[0] if its else found[-1])

    def _antecedent(
        self,
        actors: tuple[str, ...],
        sentence_names: list[Name],
        main: tuple[str, ...],
        start: int,
        reasons: list[str],
    ) -> tuple[str, ...]:
        """An aside's actors: the name it stands beside ("UBTech, which ...") first, else
        the main clause's subject ("The operator, which ..." read as the company)."""
        before = [n for n in sentence_names if n.start < start]
        if before:
            subject = self._canonical(before[-1]).text
        elif main:
            subject = main[0]
        else:
            return actors
        reasons.append(f"an aside about {subject}")
        return (subject, *(a for a in actors if a != subject))


# Capitals that stand for their governments ("Beijing will approve the deal"): never "the
# company".
_CAPITALS: Final = words(
    """beijing brussels tokyo london paris berlin moscow seoul taipei delhi ottawa canberra
    washington kyiv ankara riyadh"""
)


def _company(name: Name) -> bool:
    """Whether a name can be "the company": an organisation, not a public body, a country
    or a capital."""
    low = name.text.lower()
    return (
        is_org(name)
        and not is_institution(name.text)
        and not region(name.text)
        and low not in _CAPITALS
        and low.removeprefix("new ") not in _CAPITALS
    )


def _object(folded: str, name: Name) -> bool:
    """Whether a name ends a phrase after "of" or "on" (", which depends on Starship,")."""
    if not OBJECT_BEFORE.search(folded, max(0, name.start - 6), name.start):
        return False
    return PHRASE_END.match(folded, name.start + len(name.text)) is not None
