"""Reading a text statement by statement into drafts: the steps of `timeline.extract`.

`Reader.run` finds the dates once (`find_dates`), cuts the text into
sentences and each sentence into statements (`timeline.extract._clauses`), and
makes one `Draft` per statement: its cue and direction, its date and status,
its actors, its figures, its kind, title and confidence with reasons.
Dating a statement (`timeline.extract._reader_when`) and reading its figures
(`timeline.extract._reader_figures`) are the two parts `Reader` builds on.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

import attrs

from timeline._errors import TimelineError
from timeline.dates import When
from timeline.dates._find import DateMatch, find_dates
from timeline.extract._actors import Actors, Name, is_org, quoted
from timeline.extract._clauses import Piece, clauses, slug, title, unique_ids
from timeline.extract._cues import Cue, Look, cues, guess_kind
from timeline.extract._dating import (
    FISCAL_PHRASE,
    DateIndex,
    compared,
    fiscal_form,
    game_periods,
    main_cue,
    pick_date,
    slip_of,
)
from timeline.extract._draft import LOW_CONFIDENCE, Draft, Extraction, Stats
from timeline.extract._figures import Figure, figures, yen_text
from timeline.extract._institutions import institutional, is_institution, refers_to
from timeline.extract._reader_figures import _FigureReader
from timeline.extract._reader_when import _WhenReader
from timeline.extract._text import Span, sentences, words
from timeline.extract._weekdays import halves, month_quarter, seasons, weekdays
from timeline.figures import Source, Target
from timeline.model import Claim, Status

__all__ = ["Reader"]

_REVENUE: Final = re.compile(r"\b(?:revenue|arr|sales|profit)\b", re.IGNORECASE)
_POLICY: Final = re.compile(
    r"\b(?:plan|policy|government|ministry|city|province|state|national|law)\b", re.IGNORECASE
)
_ORG_SUFFIXES: Final = words(
    """ai inc inc. corp corp. corporation ltd ltd. llc plc group holdings technology
    technologies labs lab systems software intelligence robotics motors platforms ag sa gmbh
    co co."""
)


# Kinds that say less than "a goal with a deadline": a target's kind replaces them
# ("funding", "investment", "model-release" ... say more, and stay).
_GENERIC_KINDS: Final = frozenset({"statement", "metric", "revenue", "policy", "publication"})

_BY_THEN: Final = re.compile(
    r"\bby\s+(?:then|that\s+(?:time|date|point|year|deadline))\b", re.IGNORECASE
)
# "not ... before/until X": a date no earlier than X.
_UNTIL: Final = re.compile(r"(?:before|until|till)\s+", re.IGNORECASE)
_UNTIL_BEFORE: Final = re.compile(r"\b(?:before|until|till)\s+$", re.IGNORECASE)
_INDEFINITE: Final = re.compile(
    r"\b(?:indefinitely|until\s+further\s+notice|(?:with|without)\s+(?:no\s+)?(?:a\s+)?new"
    r"\s+(?:date|timeline|timetable))\b",
    re.IGNORECASE,
)
_GIVEN_UNTIL: Final = re.compile(r"\b(?:has|have|had|given|gets?|got)\s+until\s+$", re.IGNORECASE)
_NEGATION: Final = re.compile(r"\b(?:not|never)\b|n't\b", re.IGNORECASE)
_DEAL_KINDS: Final = frozenset({"funding", "acquisition"})

# A list item: a bullet ("- ", "* ", "• ") or a number ("1.", "2)") before the text.
_BULLET: Final = re.compile(r"\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")
_NUMBER_MARKER: Final = re.compile(r"\d{1,2}[.)]")


@attrs.frozen
class _Lead:
    """What a list's lead-in ("Guangzhou set out its targets for 2030:") gives its items."""

    cue: Cue | None
    date: DateMatch | None
    actors: tuple[str, ...]


@attrs.define
class Reader(_WhenReader, _FigureReader):
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
    short_names: dict[str, str] = attrs.field(factory=dict)
    institutions: list[str] = attrs.field(factory=list)  # named so far, the last named last
    last_dated: tuple[frozenset[str], When] | None = None
    shared_cue: Cue | None = None  # the cue of the sentence's statement before
    last_date: DateMatch | None = None  # the date of the last statement read
    lead: _Lead | None = None  # the lead-in of the list whose item is being read
    weekdays: dict[int, When] = attrs.field(factory=dict)  # "on Tuesday" looking forward
    previous_date: DateMatch | None = None  # the date of the last dated statement
    month_quarters: set[int] = attrs.field(factory=set)  # where "the December quarter" is
    picked: DateMatch | None = None  # the date phrase of the statement being read
    yen: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.actors = Actors(self.folded, self.known, self.use_spacy)
        self.yen = yen_text(self.folded)  # "¥" in a text about Japan
        self.quoted = [(m.start(), m.end()) for m in quoted(self.folded)]

    def run(self) -> Extraction:
        spans = sentences(self.text)
        read = self._find(self.text, 0, None)
        games = game_periods(self.folded, [(s.start, s.end) for s in spans if not s.heading], read)
        self.dates = DateIndex([d for d in read if d.start not in games])
        drafts: list[Draft] = []
        lead: _Lead | None = None  # the lead-in of the list being read ("targets for 2030:")
        marker = False  # the span before was a list number ("1.") alone
        for span in spans:
            if span.heading:
                lead = None
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
            drafts += found
            if not item and body.endswith(":"):
                lead = _Lead(self.shared_cue, self.last_date, found[-1].actors if found else ())
        self.lead = None
        drafts = unique_ids(drafts)
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

    def _find(self, text: str, offset: int, fiscal_start: int | None) -> list[DateMatch]:
        """The dates of ``text`` (at ``offset`` in the text), fiscal periods read with a start.

        A fiscal period that cannot be read (no start) is a date phrase all the
        same, with the undated value: never read as a calendar year.
        """
        found = find_dates(text, reference=self.ref_day, fiscal_year_start=fiscal_start)
        unread: list[DateMatch] = []
        for m in FISCAL_PHRASE.finditer(text):
            if any(d.start <= m.start() and m.end() <= d.end for d in found):
                continue  # read whole
            # Read in part ("fiscal Q2 2026" as calendar "Q2 2026", "the second quarter of
            # fiscal 2026" as the whole year) or not at all: read it whole, or leave it undated.
            found = [d for d in found if not (d.start < m.end() and m.start() < d.end)]
            unread.append(
                DateMatch(m.group(), m.start(), m.end(), self._fiscal_when(m.group(), fiscal_start))
            )
        if unread:
            found = sorted(found + unread, key=lambda d: d.start)
        for i, d in enumerate(found):
            quarter = month_quarter(text, d)
            if quarter is not None:  # "the December quarter"
                found[i] = quarter
                self.month_quarters.add(d.start + offset)
        days = weekdays(text, self.ref_day, found)
        days += seasons(text, self.ref_day, found)
        days += halves(text, self.ref_day, found)
        if days:
            for w in days:
                self.weekdays[w.match.start + offset] = w.forward
            found = sorted(found + [w.match for w in days], key=lambda d: d.start)
        if not offset:
            return found
        return [DateMatch(m.text, m.start + offset, m.end + offset, m.when) for m in found]

    def _fiscal_when(self, phrase: str, fiscal_start: int | None) -> When:
        """A fiscal phrase `find_dates` did not read whole, read in its plain form, or undated."""
        form = fiscal_form(phrase)
        if fiscal_start is None or form is None:
            return When.undated()
        read = find_dates(form, reference=self.ref_day, fiscal_year_start=fiscal_start)
        whole = [d for d in read if d.start == 0 and d.end == len(form)]
        return whole[0].when if whole else When.undated()

    def _redate(self, start: int, end: int, fiscal_start: int | None) -> None:
        """Read ``text[start:end]`` again with a fiscal-year start, in place of what was found."""
        kept = [d for d in self.dates.dates if not (start <= d.start < end)]
        self.dates = DateIndex(kept + self._find(self.text[start:end], start, fiscal_start))

    def _names(self, start: int, end: int, sentence_start: int) -> list[Name]:
        """The names in ``text[start:end]`` that are not part of a date ("NET March", "FY26")."""
        spans = [(d.start, d.end) for d in self.dates.within(start, end)]
        spans += [m.span() for m in FISCAL_PHRASE.finditer(self.text, start, end)]
        return [
            n
            for n in self.actors.names(start, end, sentence_start)
            if not any(a <= n.start < b for a, b in spans)
        ]

    def _fiscal_of(self, actor: str | None) -> int | None:
        return None if actor is None else self.fiscal.get(actor.lower())

    def _fiscal_dates(self, span: Span) -> None:
        """Read a sentence's fiscal periods with its subject's fiscal year, to cut clauses.

        Each statement then reads them with its own first actor's (`_statement`).
        """
        if not self.fiscal or not FISCAL_PHRASE.search(self.text, span.start, span.end):
            return
        names = self._names(span.start, span.end, span.start)
        subject = self._canonical(names[0]).text if names else self.last_org
        fiscal_start = self._fiscal_of(subject)
        if fiscal_start is not None:
            self._redate(span.start, span.end, fiscal_start)

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
        for piece in pieces:
            draft = self._statement(span, piece, sentence_names, previous_actors, earlier_figures)
            if draft is not None:
                drafts.append(draft)
                previous_actors = draft.actors
        subject = next((n for n in sentence_names if is_org(n)), None)
        if subject is not None:
            self.last_org = self._canonical(subject).text  # "Acme" after "Acme Corp."
        for name in sentence_names:
            text = self._canonical(name).text
            if is_institution(text):  # "the ministry" in a later sentence may stand for it
                self.institutions = [*(i for i in self.institutions if i != text), text]
        return drafts

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
        found = cues(self.folded, start, end)
        dates = self.dates.within(start, end)
        lead_date = None
        if not dates and self.lead is not None and self.lead.date is not None:
            lead_date = self.lead.date  # "- 10,000 AI-plus enterprises" under "targets for 2030:"
            dates = [lead_date]
        if not dates and self.previous_date is not None:
            then = self._by_then(self.previous_date, start, end)
            dates = [] if then is None else [then]
        taken = [(d.start, d.end) for d in dates]
        figs = figures(self.folded, start, end, taken, yen=self.yen)
        names = [
            self._canonical(n)
            for n in self._names(start, end, span.start)
            if not any(f.start <= n.start < f.end for f in figs)  # "20 million ICT specialists"
        ]
        reasons: list[str] = []
        names, location = self._location(names)
        actors = self._actors(names, sentence_names, previous_actors, start, end, reasons)
        unread: list[str] = []
        if FISCAL_PHRASE.search(self.text, start, end):
            # Fiscal periods read with the statement's first actor's fiscal year (as a
            # Timeline's fiscal_years do), or not at all: never as calendar years.
            first = actors[0] if actors else None
            fiscal_start = self._fiscal_of(first)
            if fiscal_start is None and all(n.person for n in names):
                # "CFO Amy Hood said capex would rise in fiscal 2027": a person speaks
                # for the company last named, whose fiscal year it is.
                org_start = self._fiscal_of(self.last_org)
                if org_start is not None:
                    first, fiscal_start = self.last_org, org_start
            self._redate(start, end, fiscal_start)
            dates = self.dates.within(start, end)
            unread = [d.text for d in dates if d.when.is_undated and FISCAL_PHRASE.match(d.text)]
            if unread:
                who = repr(first) if first else "'Actor'"
                reasons.append(
                    f"fiscal {', '.join(map(repr, unread))} not read: no fiscal year known for "
                    f"{first or 'the statement'} (pass fiscal_years={{{who}: its start month}})"
                )
            elif fiscal_start is not None:
                reasons.append(f"fiscal year of {first}: starts in month {fiscal_start}")
        strong = [c for c in found if c.strong]
        weak_ok = bool(found) and (bool(figs) or any(n.start < found[0].start for n in names))
        about = actors or figs or self._inherited(start) is not None
        if not (dates or (strong and about) or weak_ok):
            return None
        score = 0.2
        cue_before = self.shared_cue  # the cue of the clause before, in this sentence
        cue = main_cue(found)
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
            if not any(c.look is Look.BACK and c.start > slip.end for c in found if c.strong):
                cue = slip  # not "delayed from June, it took place on 3 September"
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
            if same_way and cue is not None and cue.look in (Look.BACK, Look.FORWARD):
                # "Orders doubled last year, while costs halved": the same time
                date = self.last_date
                reasons.append(f"date shared with the clause before: {date.text!r}")
        if date is not None:
            date = self._negated(date, start, reasons)
            self.previous_date = date
        if date is not None and date is lead_date:
            reasons.append("date of the list's lead-in")
        self.last_date = date
        look = cue.look if cue is not None else None
        cancel = cue is not None and cue.cancel
        if cancel:
            look = None  # "planned for June, was called off": June, as it was planned
        when, status, conflict = self._when_status(date, look, cue, reasons, start, end)
        if cancel:
            status = Status.CANCELLED
            reasons.append(f"cancelled: {cue.text!r}" if cue is not None else "cancelled")
        if date is not None:
            score += 0.3
        first_when: When | None = None
        claims: tuple[Claim, ...] = ()
        if shelved is not None:
            when, status = When.undated(), Status.EXPECTED
            first_when, claims = self._moves((shelved[0], shelved[1], []), when, status, reasons)
            reasons.append("delayed with no new date: date not announced")
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
        heading = title(self.text[start:end])
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
        )

    def _by_then(self, previous: DateMatch, start: int, end: int) -> DateMatch | None:
        """ "by then", "by that time": by the end of the date named last."""
        m = _BY_THEN.search(self.folded, start, end)
        if m is None or previous.when.is_undated:
            return None
        try:
            when = When.parse(f"by {previous.when}")
        except TimelineError:
            return None
        return DateMatch(m.group(), m.start(), m.end(), when)

    def _negated(self, date: DateMatch, start: int, reasons: list[str]) -> DateMatch:
        """ "will not run before 2033", "won't open until 2028": no earlier than that date."""
        m = _UNTIL.match(date.text)
        head = self.folded[start : date.start]
        if m is None:
            m = _UNTIL_BEFORE.search(head)
            if m is None:
                return date
            bare = date.text
        else:
            bare = date.text[m.end() :]
        clause = re.split(r"[,;]", head)[-1]
        if not _NEGATION.search(clause):
            if _GIVEN_UNTIL.search(head):
                # "has until the end of March to agree a deal": a deadline
                try:
                    when = When.parse(f"by {bare}", reference=self.ref_day, prefer="future")
                except TimelineError:
                    return date
                reasons.append(f"{date.text!r} is a deadline given: {when}")
                return DateMatch(date.text, date.start, date.end, when)
            return date
        try:
            when = When.parse(f"no earlier than {bare}", reference=self.ref_day)
        except TimelineError:
            return date
        reasons.append(f"negated {date.text!r}: no earlier than it")
        return DateMatch(date.text, date.start, date.end, when)

    def _indefinite(
        self, found: list[Cue], dates: list[DateMatch], start: int, end: int
    ) -> tuple[Cue, DateMatch] | None:
        """A slip with no new date ("delayed indefinitely"): the slip and the first promise."""
        slip = next((c for c in found if c.slip), None)
        if slip is None or not _INDEFINITE.search(self.folded, slip.end, end):
            return None
        earlier = [d for d in dates if d.end <= slip.start]
        return None if not earlier else (slip, earlier[0])

    def _moves(
        self,
        moved: tuple[Cue, DateMatch, list[DateMatch]],
        when: When,
        status: Status,
        reasons: list[str],
    ) -> tuple[When, tuple[Claim, ...]]:
        """The first promise of a date moved in one statement, and a claim per move.

        The claims are stated at publication (all that the text says of when); with
        no publication date there is no day to state them on, and the draft keeps
        only the date now expected, the first promise in its reasons.
        """
        _, first, moves = moved
        reasons.append(f"moved: first {first.text!r} ({first.when}), now {when}")
        if self.anchor is None:
            return first.when, ()
        claims = []
        if not moves:
            claims.append(Claim(stated=self.anchor, when=when, status=status, note="no new date"))
        for move in moves:
            last = move is moves[-1]
            try:
                claims.append(
                    Claim(
                        stated=self.anchor,
                        when=when if last else move.when,
                        status=status if last else Status.EXPECTED,
                        note=f"moved to {' '.join(move.text.split())}",
                    )
                )
            except TimelineError:
                continue
        return first.when, tuple(claims)

    def _canonical(self, name: Name) -> Name:
        """One spelling per organisation: "Mistral" after "Mistral AI" is Mistral AI."""
        words = name.text.split()
        low = name.text.lower()
        if low in self.known:
            return name
        if len(words) > 1 and all(w.lower() in _ORG_SUFFIXES for w in words[1:]):
            self.short_names.setdefault(words[0].lower(), name.text)
            return name
        full = self.short_names.get(low)
        return name if full is None else attrs.evolve(name, text=full)

    def _location(self, names: list[Name]) -> tuple[list[Name], str | None]:
        """Names after "in" ("an event in Austin, Texas") or "between" ("between Detroit and
        Windsor") are where, not who."""
        kept: list[Name] = []
        places: list[Name] = []
        between = False  # the last place came after "between": "and" joins the next
        for name in names:
            before = self.folded[max(0, name.start - 13) : name.start].lower()
            after_place = (
                bool(places) and self.folded[places[-1].start : name.start].count(",") == 1
            )
            and_place = between and re.fullmatch(
                r"\S+\s+and\s+(?:the\s+)?", self.folded[places[-1].start : name.start]
            )
            known = name.text.lower() in self.known
            in_place = before.endswith((" in ", " in the "))
            between = before.endswith((" between ", " between the "))
            at_place = in_place or between
            if not known and (at_place or and_place or (after_place and len(places) == 1)):
                places.append(name)
            else:
                kept.append(name)
        if not places:
            return names, None
        return kept, ", ".join(p.text for p in places)

    def _kind(self, span: Span, piece: Piece, target: Target | None) -> str | None:
        sentence = self.folded[span.start : span.end]
        kind = guess_kind(self.folded[piece.start : piece.end], sentence)
        if kind is None and piece.index == 0:
            kind = guess_kind(sentence)
        if target is not None and (kind is None or kind in _GENERIC_KINDS):
            # A goal with a deadline: its kind says what the goal is about.
            if _REVENUE.search(sentence):
                return "revenue-target"
            if _POLICY.search(sentence):
                return "policy-target"
            return "target"
        return kind

    def _actors(
        self,
        names: list[Name],
        sentence_names: list[Name],
        previous_actors: tuple[str, ...],
        start: int,
        end: int,
        reasons: list[str],
    ) -> tuple[str, ...]:
        actors = [n.text for n in names]
        for at in self.actors.anaphors(start, end):
            subject = next((n for n in sentence_names if n.start < at and is_org(n)), None)
            org = self._canonical(subject).text if subject is not None else self.last_org
            if org is not None and org not in actors:
                actors.append(org)
                reasons.append(f"'the company' read as {org}")
        for phrase in institutional(self.folded, start, end):
            # "the ministry": the institution of that kind named last, here or before
            before = [self._canonical(n).text for n in sentence_names if n.start < phrase.start]
            named = [*self.institutions, *before]
            body = next((i for i in reversed(named) if refers_to(phrase, i)), None)
            if body is not None and body not in actors:
                actors.append(body)
                reasons.append(f"'the {phrase.noun}' read as {body}")
        pronoun = re.match(r"(?:It|Its)\s", self.folded[start : start + 4])
        if not actors and pronoun is not None and self.last_org is not None:
            actors = [self.last_org]  # "It plans ...", "Its chips are due ..."
            reasons.append(f"{pronoun.group().strip()!r} read as {self.last_org}")
        if not actors and previous_actors:
            # A clause without a name of its own shares the subject of the one before
            # ("... surpassed $300 million and expects $600 million by 2026").
            actors = list(previous_actors[:1])
            reasons.append(f"subject shared with the clause before: {actors[0]}")
        return tuple(actors)
