"""Reading a text statement by statement into drafts: the steps of `timeline.extract`.

`Reader.run` finds the dates once (`find_dates`), cuts the text into
sentences and each sentence into statements (`timeline.extract._clauses`), and
makes one `Draft` per statement: its cue and direction, its date and status,
its actors, its figures, its kind, title and confidence with reasons.
`Reader` builds on its parts: finding and qualifying dates and picking a
statement's own (`timeline.extract._reader_dates`), resolving names to actors
(`timeline.extract._reader_actors`), dating a statement and its status
(`timeline.extract._reader_when`), dates moved and first promises
(`timeline.extract._reader_moves`) and reading figures
(`timeline.extract._reader_figures`).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

import attrs

from timeline.dates import When
from timeline.dates._find import DateMatch
from timeline.extract._actors import Actors, Name
from timeline.extract._clauses import Piece, clauses, in_aside, without_aside
from timeline.extract._cues import Cue, Look, cues, no_comment, tense_cue
from timeline.extract._dating import (
    FISCAL_PHRASE,
    DateIndex,
    compared,
    game_periods,
    main_cue,
    pick_date,
)
from timeline.extract._draft import LOW_CONFIDENCE, Draft, Extraction, Stats
from timeline.extract._figures import Figure, figures
from timeline.extract._institutions import is_institution
from timeline.extract._places import places_named, sites, unowned_sites
from timeline.extract._quotes import quoted
from timeline.extract._reader_figures import _FigureReader
from timeline.extract._reader_moves import _MoveReader
from timeline.extract._reader_when import _WhenReader
from timeline.extract._slips import given_up, slip_of
from timeline.extract._text import Span, sentences
from timeline.extract._the_month import the_month_named
from timeline.extract._titles import slug, subject_title, title, unique_ids
from timeline.extract._yen import yen_text
from timeline.figures import Source
from timeline.model import Claim, Status

__all__ = ["Reader"]


_DEAL_KINDS: Final = frozenset({"funding", "acquisition"})

# A list item: a bullet ("- ", "* ", "• ") or a number ("1.", "2)") before the text.
# A trailing aside on what came before or after ("after cutting it in August"): titled
# with its subject, not with the clause it ends.
_AFTER: Final = re.compile(r",\s+(?:after|following|before)\b", re.IGNORECASE)
_BY_NAME: Final = re.compile(r"\b(?:built|made|developed|designed|operated|run|owned|led)\s+by\s+")
_APPOSITIVE: Final = re.compile(r",\s+(?:the|a|an)\s", re.IGNORECASE)
_BULLET: Final = re.compile(r"\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")
_NUMBER_MARKER: Final = re.compile(r"\d{1,2}[.)]")


@attrs.frozen
class _Lead:
    """What a list's lead-in ("Guangzhou set out its targets for 2030:") gives its items."""

    cue: Cue | None
    date: DateMatch | None
    actors: tuple[str, ...]


@attrs.define
class Reader(_MoveReader, _WhenReader, _FigureReader):
    """Reads one text: sentences, statements, drafts (the state of `extract`)."""

    text: str
    folded: str
    ref_day: _dt.date | None
    anchor: When | None
    source: Source | None
    known: dict[str, str]
    fiscal: dict[str, int]
    use_spacy: bool | None
    dates: DateIndex = attrs.field(factory=lambda: DateIndex([]))
    actors: Actors = attrs.field(init=False)
    quoted: list[tuple[int, int]] = attrs.field(init=False)
    last_org: str | None = None
    last_org_at: int = 0  # where the sentence naming ``last_org`` starts
    short_names: dict[str, str] = attrs.field(factory=dict)
    institutions: list[str] = attrs.field(factory=list)  # named so far, the last named last
    last_dated: tuple[frozenset[str], When] | None = None
    shared_cue: Cue | None = None  # the cue of the sentence's statement before
    last_date: DateMatch | None = None  # the date of the last statement read
    lead: _Lead | None = None  # the lead-in of the list whose item is being read
    weekdays: dict[int, When] = attrs.field(factory=dict)  # "on Tuesday" looking forward
    previous_date: DateMatch | None = None  # the date of the last dated statement
    month_quarters: set[int] = attrs.field(factory=set)  # where "the December quarter" is
    looked_ahead: dict[int, When] = attrs.field(factory=dict)  # "in April": next April
    picked: DateMatch | None = None  # the date phrase of the statement being read
    drafts: list[Draft] = attrs.field(factory=list)  # made so far, in text order
    previous_draft: Draft | None = None  # of the statement just before, if it made one
    previous_mains: list[Draft] = attrs.field(factory=list)  # the last sentence's drafts
    yen: bool = attrs.field(init=False)
    site_places: dict[int, str] = attrs.field(init=False)
    unowned_sites: dict[int, str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        named = places_named(self.folded)
        self.site_places = dict(sites(self.folded, 0, len(self.folded), named))
        self.unowned_sites = {
            at: place
            for at, place in unowned_sites(self.folded, 0, len(self.folded))
            if at not in self.site_places
        }
        self.actors = Actors(self.folded, self.known, self.use_spacy)
        self.yen = yen_text(self.folded)  # "¥" in a text about Japan
        self.quoted = [(m.start(), m.end()) for m in quoted(self.folded)]

    def run(self) -> Extraction:
        spans = sentences(self.text)
        read = the_month_named(self.folded, self._find(self.text, 0, None), spans)
        games = game_periods(self.folded, [(s.start, s.end) for s in spans if not s.heading], read)
        self.dates = DateIndex([d for d in read if d.start not in games])
        lead: _Lead | None = None  # the lead-in of the list being read ("targets for 2030:")
        marker = False  # the span before was a list number ("1.") alone
        for span in spans:
            if span.heading:
                lead = None
                self.previous_draft = None
                continue
            body = self.folded[span.start : span.end].strip()
            if _NUMBER_MARKER.fullmatch(body):
                marker = True
                continue
            item = marker or _BULLET.match(self.folded, span.start) is not None
            marker = False
            if not item:
                lead = None
            self.lead = lead
            self._fiscal_dates(span)
            found = self._sentence(span)
            if not item and body.endswith(":"):
                lead = _Lead(self.shared_cue, self.last_date, found[-1].actors if found else ())
        self.lead = None
        drafts = unique_ids(self.drafts)
        n_figures = sum(len(d.observations) + (d.target is not None) for d in drafts)
        undated = sum(1 for d in drafts if any(r.startswith("no date") for r in d.reasons))
        stats = Stats(
            sentences=sum(1 for s in spans if not s.heading),
            statements=len(drafts),
            dated=len(drafts) - undated,
            undated=undated,
            low_confidence=sum(1 for d in drafts if d.confidence < LOW_CONFIDENCE),
            figures=n_figures,
        )
        return Extraction(tuple(drafts), stats, self.source, self.ref_day)

    # -- one sentence ----------------------------------------------------------------

    def _sentence(self, span: Span) -> list[Draft]:
        pieces = clauses(self.folded, span, self.dates, self.quoted)
        drafts: list[Draft] = []
        previous_actors: tuple[str, ...] = ()
        sentence_names = self._names(span.start, span.end, span.start)
        earlier_figures: list[tuple[Figure, When]] = []
        # A list item goes on with its lead-in's verb and subject ("targets for 2030:").
        self.shared_cue = None if self.lead is None else self.lead.cue
        if self.lead is not None and not previous_actors:
            previous_actors = self.lead.actors
        self.last_date = None
        made = False
        mains: list[Draft] = []  # this sentence's drafts, asides aside
        for piece in pieces:
            if piece.background:
                # An aside (", which shipped 500 robots this year,") is read apart: its
                # cue and date are not shared with the clauses after it.
                saved = (self.shared_cue, self.last_date, self.previous_date)
                main = drafts[-1].actors if drafts else ()
                aside = self._statement(span, piece, sentence_names, main, earlier_figures)
                self.shared_cue, self.last_date, self.previous_date = saved
                if aside is not None:
                    self.drafts.append(aside)
                    drafts.append(aside)
                continue
            draft = self._statement(span, piece, sentence_names, previous_actors, earlier_figures)
            if draft is None:
                continue
            previous, joined = self._joined(draft)
            if previous is not None and joined is not None:
                # "It was originally due to open in 2028": the statement before, moved
                at = next(
                    i for i in reversed(range(len(self.drafts))) if self.drafts[i] is previous
                )
                self.drafts[at] = joined
                if previous in drafts:
                    drafts[drafts.index(previous)] = joined
                draft = joined
            else:
                self.drafts.append(draft)
                drafts.append(draft)
            self.previous_draft = draft
            mains.append(draft)
            previous_actors = draft.actors
            made = True
        if not made:
            self.previous_draft = None  # a sentence between: no longer just before
        self.previous_mains = mains
        if any(self.last_org in d.actors for d in drafts):
            self.last_org_at = span.start  # "The operator ..." still speaks of it
        subject = self._subject(sentence_names)
        if subject is not None:
            self.last_org = self._canonical(subject).text  # "Acme" after "Acme Corp."
            self.last_org_at = span.start
        for name in sentence_names:
            text = self._canonical(name).text
            if is_institution(text):  # "the ministry" in a later sentence may stand for it
                self.institutions = [*(i for i in self.institutions if i != text), text]
        return drafts

    def _joined(self, draft: Draft) -> tuple[Draft | None, Draft | None]:
        """The draft ``draft`` goes on from, and the two joined (`_follow_up`), or Nones.

        The statement just before; past it, an earlier one of its sentence when all after
        it there happened ("... would read out in H2 2027, after it added patients. The
        readout was originally due in the first half.").
        """
        previous = self.previous_draft
        if previous is None:
            return None, None
        earlier = [d for d in self.previous_mains if d.end <= previous.start]
        for candidate in [previous, *reversed(earlier)]:
            joined = self._follow_up(candidate, draft)
            if joined is not None:
                return candidate, joined
            if candidate.status is not Status.HAPPENED:
                break  # a statement still to come between: not past it
        return None, None

    # -- one statement ---------------------------------------------------------------

    def _statement(
        self,
        span: Span,
        piece: Piece,
        sentence_names: list[Name],
        previous_actors: tuple[str, ...],
        earlier_figures: list[tuple[Figure, When]],
    ) -> Draft | None:
        start, end = piece.start, piece.end
        if no_comment(self.folded, start, end):
            return None  # "Foxconn declined to comment": no statement
        found = [c for c in cues(self.folded, start, end) if not in_aside(piece, c.start)]
        lead = None if piece.background or self.lead is None else self.lead.date
        dates, found, lead_date = self._own_dates(piece, found, lead)
        taken = [(d.start, d.end) for d in dates]
        figs = [
            f
            for f in figures(self.folded, start, end, taken, yen=self.yen)
            if not in_aside(piece, f.start)
        ]
        if not figs and not piece.background:
            bare = self._bare_goal(span, start, end)
            figs = [] if bare is None else [bare]
        if piece.background and not (dates or figs):
            return None  # an aside with no date nor figure of its own: background only
        if (
            piece.background
            and not any(c.strong for c in found)  # "crewed" in "the first crewed landing"
            and not figs
            and _APPOSITIVE.match(self.folded, start, end)
        ):
            return None  # ", the first crewed landing since 1972,": a description, no statement
        names = [
            self._canonical(n)
            for n in self._names(start, end, span.start)
            if not any(f.start <= n.start < f.end for f in figs)  # "20 million ICT specialists"
            and not in_aside(piece, n.start)
        ]
        reasons: list[str] = []
        names, location = self._location(names, (start, end))
        names, said_by = self._speaker(
            names, start, end, reasons, shared=bool(previous_actors) and piece.index > 0
        )
        actors = self._actors(names, sentence_names, previous_actors, start, end, reasons)
        if said_by is None and len(actors) > 1:
            actors, said_by = self._body_said(names, actors, start, end, reasons)
        if said_by is None and piece.index > 0:
            said_by = self._adds_to(self.previous_draft, start, span.start, actors, reasons)
        if not actors and said_by is not None:
            actors, said_by = (said_by,), None  # no one else: who says so acts
            reasons[:] = [r for r in reasons if not r.startswith("said by")]
        if piece.background:
            actors = self._antecedent(actors, sentence_names, previous_actors, start, reasons)
        elif not actors and piece.aside is not None:
            # "The Neutron rocket, built by Rocket Lab, will fly": who made it acts
            by = _BY_NAME.search(self.folded, piece.aside[0], piece.aside[1])
            maker = next((n for n in sentence_names if by and n.start == by.end()), None)
            if maker is not None:
                actors = (self._canonical(maker).text,)
                reasons.append(f"named in the aside: {actors[0]}")
        if FISCAL_PHRASE.search(self.text, start, end):
            dates = self._fiscal_statement(piece, actors, all(n.person for n in names), reasons)
        strong = [c for c in found if c.strong]
        weak_ok = bool(found) and (bool(figs) or any(n.start < found[0].start for n in names))
        about = actors or figs or self._inherited(start) is not None
        if not (dates or (strong and about) or weak_ok):
            return None
        score = 0.2
        cue_before = self.shared_cue  # the cue of the clause before, in this sentence
        cue = main_cue(found)
        past = self._past_move(cue, dates, start)
        if past is not None:
            cue = past  # "after the company pushed back production": it happened
            reasons.append(f"a move told in the past, dated when it moved if at all: {cue.text!r}")
        if cue is None:
            # "and plans three more this year", "flew three times": no listed cue, but a
            # verb whose tense says which way the clause looks (its own, not the first's)
            cue = tense_cue(self.folded, start, end)
        if cue is not None:
            reasons.append(f"cue {cue.text!r} ({cue.look.value})")
            score += 0.25 if cue.strong else 0.1
            self.shared_cue = cue
        elif self.shared_cue is not None:
            # "aims for 10,000 firms by 2030 and 20 labs by 2035": a clause joined on
            # without a verb of its own goes on with the verb of the one before.
            cue = self.shared_cue
            reasons.append(f"cue {cue.text!r} ({cue.look.value}), shared with the clause before")
            score += 0.1
        date: DateMatch | None
        moved = slip_of(dates, found, self.folded, start)
        shelved = self._indefinite(found, dates, start, end)
        if shelved is not None:
            # "originally expected by April 1, has been delayed indefinitely": no date now
            cue, date = shelved[0], None
        elif moved is not None:
            # "in June, a target it later pushed to July": the date now expected is the
            # last move; the first promise and the moves become the event's claims
            slip, _, moves = moved
            later_back = slip is not None and any(
                c.look is Look.BACK and c.start > slip.end for c in found if c.strong
            )
            if slip is not None and not later_back:
                cue = slip  # not "delayed from June, it took place on 3 September"
            done = next(
                (
                    c
                    for c in found
                    if c.look is Look.BACK
                    and c.strong
                    and moved[1].end <= c.start < moves[-1].start
                ),
                None,
            )
            if done is not None and (slip is None or not slip.slip or later_back):
                # "which had hoped to open it in 2024, opened it in May 2025", "After a
                # one-year delay, the plant opened in January": done, at the date moved to
                cue = done
            date = moves[-1]
        else:
            # "up from $40.9 billion last year": that date is the compared figure's
            baselines = compared(self.folded, dates, start)
            own = [d for d in dates if d not in baselines]
            # "results for its fiscal first quarter on Jan. 30": a fiscal period not read
            # gives way to a date that is
            read = [d for d in own if not (d.when.is_undated and FISCAL_PHRASE.match(d.text))]
            date = pick_date(read or own, cue, self.folded, start, end)
            if baselines and date is None:
                reasons.append(f"date {baselines[0].text!r} is that of a figure compared with")
        if date is None and piece.index > 0 and self.last_date is not None:
            same_way = cue_before is not None and cue is not None and cue.look is cue_before.look
            # never a date given up ("originally slated for 2027"): it is no one's now
            kept = not given_up(self.folded, self.last_date, [self.last_date], span.start)
            if same_way and kept and cue is not None and cue.look in (Look.BACK, Look.FORWARD):
                # "Orders doubled last year, while costs halved": the same time
                date = self.last_date
                reasons.append(f"date shared with the clause before: {date.text!r}")
        if (
            date is None
            and moved is None
            and shelved is None
            and not piece.background
            and cue is not None
            and cue.look is Look.FORWARD
        ):
            # "expects annual profit of $2bn": its current fiscal year, not "from now on"
            date = self._this_fiscal_year(actors[0] if actors else None, start, end, reasons)
        if date is not None:
            date = self._negated(date, start, reasons, look=None if cue is None else cue.look)
            self.previous_date = date
        if date is not None and date is lead_date:
            reasons.append("date of the list's lead-in")
        self.last_date = date
        look = cue.look if cue is not None else None
        cancel = cue is not None and cue.cancel
        if cancel:
            look = None  # "planned for June, was called off": June, as it was planned
        when, status, conflict = self._when_status(date, look, cue, reasons, start, end)
        if date is not None and moved is None and shelved is None:
            when = self._lasting(date, when, start, reasons)  # "will supply it until 2042"
            if piece.base is not None and look is Look.FORWARD:
                when = self._in_order(date, when, self.previous_draft, reasons)
        if cancel:
            status = Status.CANCELLED
            reasons.append(f"cancelled: {cue.text!r}" if cue is not None else "cancelled")
        if date is not None or shelved is not None:
            score += 0.3  # a date, or a first promise given up
        first_when: When | None = None
        claims: tuple[Claim, ...] = ()
        if shelved is not None:
            when, status = When.undated(), Status.EXPECTED
            reasons[:] = [r for r in reasons if not r.startswith("no date of its own")]
            missed = self._missed_ahead(shelved[0], shelved[1], reasons)
            first_when, claims = self._moves((shelved[0], missed, []), when, status, reasons)
            reasons.append("given up with no new date: date not announced")
        elif moved is not None:
            first_when, claims = self._moves(moved, when, status, reasons)
        if conflict:
            score -= 0.2
        if actors:
            score += 0.15
            reasons.append(f"named: {', '.join(actors)}")
        if figs:
            score += 0.1
        # The size of a deal (a funding round, an acquisition) is its amount, not a goal.
        deal = self._kind(span, piece, None) in _DEAL_KINDS
        self.picked = date
        target, observations, extra = self._figures(
            figs,
            dates,
            date,
            when,
            status,
            None if deal else look,
            actors,
            span,
            piece,
            earlier_figures,
        )
        for fig in figs:
            reasons.append(f"figure {fig.text!r}")
        kind = self._kind(span, piece, target)
        happened = status is Status.HAPPENED and target is None
        if happened and kind is not None and kind.endswith("-target"):
            kind = kind.removesuffix("-target")  # "revenue grew 35% in 2025": no goal
        quote = " ".join(self.text[start:end].split())
        words = without_aside(self.text, piece)
        if piece.background:
            # "UBTech, which shipped 500 robots this year", "Acme said revenue, which rose"
            head = "" if piece.head is None else self.text[piece.head : start]
            if 0 < len(head) <= 80 and not _AFTER.match(self.folded, start, end):
                words = f"{head}{words}"
            elif actors:
                words = f"{actors[0]}{words}"
        if piece.base is not None:
            # "and then in Europe in Q3": "Acme will ship the phone in Europe in Q3"
            left, cut, rest = piece.base
            words = f"{self.text[left:cut]} {self.text[rest : piece.end]}"
        heading = title(words)
        shared = any(r.startswith("subject shared with the clause before") for r in reasons)
        if heading and shared and not piece.background and piece.index > 0:
            # "... and said it expects to cut rates": titled with the subject it shares
            heading = subject_title(words, actors[0]) or heading
        if not heading:
            return None
        confidence = round(min(1.0, max(0.0, score)), 2)
        cited = None
        if self.source is not None:
            cited = attrs.evolve(self.source, quote=quote)
        return Draft(
            id=slug(heading),
            title=heading,
            when=when,
            status=status,
            kind=kind,
            actors=actors,
            start=start,
            end=end,
            quote=quote,
            confidence=confidence,
            reasons=tuple(reasons),
            observations=tuple(observations),
            target=target,
            description=extra,
            source=cited,
            location=location,
            first_when=first_when,
            claims=claims,
            said_by=said_by,
        )
