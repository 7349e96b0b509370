"""Who says so, as `Reader` reads it: the source of a statement, not an actor.

In "NASA said SpaceX will launch in May" (or "SpaceX will launch in May, NASA said",
"According to NASA, ...") NASA says so and SpaceX acts; in "Vertex said the agency had
pushed back its review" the agency acts and Vertex says so. `_SaidReader` sets the
speaker apart from the actors `timeline.extract._reader_actors` finds.
"""

from __future__ import annotations

import re
from typing import Final

from timeline.extract._actors import Name
from timeline.extract._draft import Draft
from timeline.extract._institutions import body_named
from timeline.extract._reader_actors import _ActorReader

__all__: list[str] = []

# A verb of saying before the clause said: "said", "announced on Tuesday that", "told
# analysts", "expect ... to" ("Analysts at Morgan Stanley expect Tesla to launch").
_SAY_VERBS: Final = (
    r"(?:said|says|announced|announces|confirmed|confirms|stated|states|added|predicts"
    r"|predicted|believes|believed|expects|expect|expected|estimates|estimated|reported"
    r"|reports|noted|notes|warned|warns|forecasts?|projects|projected)"
)
_SAYS: Final = re.compile(
    rf"\b(?:{_SAY_VERBS}|told\s+(?:[a-z]+\s+){{0,2}}?[a-z]+|tells\s+(?:[a-z]+\s+){{0,2}}?[a-z]+)"
    r"(?:\s+(?:on|in|at|last|this|late|early)(?:\s+[\w-]+){1,2}?"
    r"|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?"
    r",?\s+(?:that\s+)?(?:the\s+)?"
    r"(?=[A-Z])"
)
# After the subject of a clause said, its verb: "SpaceX will", "Acme to", "Pfizer plans".
_ITS_VERB: Final = re.compile(
    r"(?:'s?(?:\s+[A-Z][\w-]*(?:\s+\d[\w.]*)?){0,3})?\s+(?:will|would|shall|could|can|may|might|must|is|are|was|were|has|have|had"
    r"|to|plans|expects|aims|intends|hopes|wants|needs|targets|says|[a-z]{2,}ed)\b"
)
# A verb of saying before "the <body>": "said the agency had", "expects the regulator to".
_SAYS_BODY: Final = re.compile(
    rf"\b(?:{_SAY_VERBS}|told\s+[a-z]+)\s+(?:that\s+)?the\s+(?:[a-z]+\s+)?"
    r"(?P<noun>ministry|department|agency|regulator|watchdog|administration|commission"
    r"|authority|bureau|council|board|government|cabinet|parliament|court)\b"
)
# A statement added to the one before by its speaker: "..., adding that", ", noting that".
_ADDS: Final = re.compile(
    r"(?:adding|saying|noting|warning|stressing|explaining|predicting)\s+that\s", re.IGNORECASE
)
# A verb of saying anywhere in a statement: its subject (or the name after it) said it.
_SAID_IN: Final = re.compile(rf"\b(?:{_SAY_VERBS}|told|tells|according\s+to)\b")
_ACCORDING: Final = re.compile(r"\W*according\s+to\s+[^,;.]{2,60},\s+", re.IGNORECASE)
# Between a speaker's name and the verb: nothing, a title ("CEO Jane Doe"), "at Morgan
# Stanley", an apposition.
_SPEAKER_END: Final = re.compile(r"[^.;:!?]{0,80}?\s")
# The speaker after the clause: ", NASA said.", ", according to NASA.", ", Apple said on Monday."
_SAID_AFTER: Final = re.compile(
    rf",\s+(?:(?:the\s+|an?\s+)?[A-Z][^,;.]{{0,60}}?\s+(?:{_SAY_VERBS}|told|tells)\b"
    r"|according\s+to\b)"
    r"[^,;]{0,40}"
    # and what it came after: ", the Commission said on Monday, after auctions drew no bids."
    r"(?:,\s+(?:after|following|as|because|when|while|before|amid|citing)\b[^;]*?)?"
    r"[.!?]?\s*$"
)


class _SaidReader(_ActorReader):
    """Sets who says so apart from who acts (the part of `Reader` about sources)."""

    def _speaker(
        self, names: list[Name], start: int, end: int, reasons: list[str], *, shared: bool = False
    ) -> tuple[list[Name], str | None]:
        """The names without who is said to say so, and who that is: in "NASA said SpaceX
        will launch in May" (or "SpaceX will launch in May, NASA said", "according to NASA")
        NASA is the source, SpaceX acts. Only when the reported clause names a subject of
        its own (not a product, not a place), or goes on with the subject of the clause
        before (``shared``); else the speaker is who acts ("Tesla said a new factory will
        open", "Acme said it will open").
        """
        if not names or (len(names) < 2 and not shared):
            return names, None
        split: tuple[list[Name], list[Name]] | None = None  # (speakers, reported)
        lead = _SAYS.search(self.folded, start, end)
        if lead is not None:
            head = names[0].start >= start and _SPEAKER_END.fullmatch(
                self.folded, names[0].start, lead.start()
            )
            subject = next((n for n in names if n.start >= lead.end()), None)
            if (
                subject is not None
                and subject.start == lead.end()
                and not subject.thing
                and head
                # "SpaceX will", "Tesla to": the name is the subject, not "Lexus models"
                and _ITS_VERB.match(self.folded, subject.start + len(subject.text))
            ):
                split = (
                    [n for n in names if n.start < lead.start()],
                    [n for n in names if n.start >= lead.end()],
                )
        opening = _ACCORDING.match(self.folded, start, end)
        if split is None and opening is not None:
            # "According to Bloomberg, Apple will ...": Bloomberg says so
            split = (
                [n for n in names if n.start < opening.end()],
                [n for n in names if n.start >= opening.end()],
            )
        if split is None:
            tail = _SAID_AFTER.search(self.folded, start, end)
            if tail is not None:
                reported = [n for n in names if n.start < tail.start()]
                speakers = [n for n in names if n.start >= tail.start()]
                if reported and speakers and not reported[0].thing:
                    split = (speakers, reported)
                elif not reported and speakers and shared:
                    # "... and aims for 280 GW by 2030, the ministry said": the clause goes
                    # on with the subject before; the ministry says so
                    split = (speakers, [])
        if split is None or not split[0] or (not split[1] and not shared):
            return names, None
        speakers, reported = split
        said_by = self._canonical(speakers[0]).text
        # "a Commission spokesperson said": the Commission named before
        said_by = body_named(said_by, [*self.institutions, *(n.text for n in names)]) or said_by
        reasons.append(f"said by {said_by}: the source, not an actor")
        return reported, said_by

    def _adds_to(
        self,
        previous: Draft | None,
        start: int,
        sentence_start: int,
        actors: tuple[str, ...],
        reasons: list[str],
    ) -> str | None:
        """Who says the statement ``start`` opens when it is added to the one before by its
        speaker ("NASA said SpaceX will launch in May, adding that Blue Origin would follow
        in 2028": NASA says both): the speaker of ``previous`` (its ``said_by``, or its actor
        when it is told with a verb of saying), None when that speaker acts here too.
        """
        if (
            previous is None
            or previous.start < sentence_start
            or previous.end > start
            or not _ADDS.match(self.folded, start)
        ):
            return None
        speaker = previous.said_by
        said = _SAID_IN.search(self.folded, previous.start, start)
        if speaker is None and previous.actors and said is not None:
            # its actor says it: "Intel said it would ...", "..., said Gelsinger, adding"; not
            # "the ministry said SpaceX will ..." (SpaceX acts, the ministry says so)
            told = self.folded.rfind(previous.actors[0], previous.start, said.start()) >= 0
            after = self.folded[previous.start : said.start()].rstrip().endswith(",")
            if told or (after and previous.actors[0] in self.folded[said.end() : start]):
                speaker = previous.actors[0]
        if speaker is None or speaker in actors:
            return None  # who says so acts: no speaker apart
        reasons.append(
            f"said by {speaker}: the source, not an actor (added to what it said before)"
        )
        return speaker

    def _body_said(
        self,
        names: list[Name],
        actors: tuple[str, ...],
        start: int,
        end: int,
        reasons: list[str],
    ) -> tuple[tuple[str, ...], str | None]:
        """In "Vertex said the agency had pushed back its review", the body "the agency" stands
        for acts, and Vertex is who says so: the actors without the speaker, and the speaker.
        Unchanged when the clause said is about the speaker itself ("Acme said the company
        will ...")."""
        m = _SAYS_BODY.search(self.folded, start, end)
        if m is None:
            return actors, None
        speakers = [n for n in names if n.start < m.start()]
        if not speakers:
            return actors, None
        speaker = self._canonical(speakers[0]).text
        read = f"'the {m.group('noun').lower()}' read as "
        body = next((r[len(read) :] for r in reasons if r.startswith(read)), None)
        if body is None or body == speaker or body not in actors or speaker not in actors:
            return actors, None
        reasons.append(f"said by {speaker}: the source, not an actor")
        return (body, *(a for a in actors if a not in (body, speaker))), speaker
