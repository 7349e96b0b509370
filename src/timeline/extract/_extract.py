"""`extract`: from running text to draft events, one per statement.

The steps, each a rule a reviewer can follow in a draft's reasons:

1. Cut the text into sentences (`timeline.extract._text`), and a sentence
   into clauses where it joins two statements: at ";", at ", and" / "and"
   before a cue ("is in testing and slated for April"), at ", while",
   ", following", ", after", "but", after a leading "When ...," clause, and
   before "aiming"/"targeting" after a past event ("announced a plan aiming
   for ..."). A cut is made only when both sides are statements.
2. A clause is a *statement* if it has a date phrase (`find_dates`), or a
   strong cue (`timeline.extract._cues`) with a name, a date or a figure, or a
   weak cue ("will", a progressive) with a figure or a name before it.
3. Its date: with several, the "to" end of a "from ... to ..." change, else
   the first after the cue, else the last before it. Its status: expected
   (confirmed for "scheduled"/"confirmed" with a day) when the cue looks
   forward or the date lies after the reference; happened when it looks back
   (a happened span that runs past the reference is cut at it).
4. A statement with no date of its own is dated from the source's publication
   when there is one, as the bundled dataset does: expected ones "from
   publication onwards", past ones "about publication", and what came before
   another event ("following a court injunction ...") "until publication". "The
   forum ..." right after a dated statement about a forum takes its date.
   Without any reference date it has no date (``when`` is None).
5. Figures (`Quantity`) become observations, dated by the date phrase after
   them, or the target when the statement is a goal with a deadline (a figure
   stated earlier in the sentence in the same unit is its baseline).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import inspect
import re
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from timeline._errors import ExtractError, TimelineError
from timeline.dates import Precision, Relation, When
from timeline.dates._find import DateMatch, find_dates
from timeline.extract._actors import Actors, Name, inside, is_org, known_table, quoted
from timeline.extract._cues import Cue, Look, bare_past, cues, guess_kind, listed_cues
from timeline.extract._draft import LOW_CONFIDENCE, Draft, Extraction, Stats
from timeline.extract._figures import Figure, figures
from timeline.extract._text import Span, fold, sentences
from timeline.figures import Observation, Source, Target
from timeline.model import Status
from timeline.model._event import slugify

__all__ = ["extract"]

_MAX_TITLE: Final = 100
_MAX_TEXT: Final = 2_000_000
_MONTHS: Final = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]

Known = Iterable[str] | Mapping[str, Iterable[str] | str]


def extract(
    text: str,
    *,
    source: Source | None = None,
    reference: _dt.date | str | None = None,
    known_actors: Known = (),
    fiscal_years: Mapping[str, int | str] | None = None,
    use_spacy: bool | None = None,
) -> Extraction:
    """Draft events from running text: one per dated or forward-looking statement.

    ``source`` is where the text comes from: its ``published`` date is the
    reference for relative phrases ("April", "next year") unless ``reference``
    (a day) is given, and every draft cites it with its sentence as the quote.
    ``known_actors`` are names (or a mapping name -> aliases) matched
    case-insensitively. ``fiscal_years`` maps an actor to the month its fiscal
    year starts (7 or "July"); it takes effect where `find_dates` reads fiscal
    years ("FY2025"), and is checked either way. ``use_spacy``: add names from
    spaCy when it and an English model are installed (None: if installed).

    >>> x = extract("Tencent's Hybrid Model 3.0 is slated for an April release.",
    ...             source=Source("AI race", published="2026-03~"))
    >>> d = x.drafts[0]
    >>> (str(d.when), d.status.value, d.kind, d.actors, d.source.quote)  # doctest: +ELLIPSIS
    ('April 2026', 'expected', 'model-release', ('Tencent',), "Tencent's Hybrid Model 3.0 is...")
    """
    if not isinstance(text, str):
        raise ExtractError(f"extract: text: {text!r} is not text; pass the article as a str")
    if len(text) > _MAX_TEXT:
        raise ExtractError(
            f"extract: text: {len(text)} characters is more than {_MAX_TEXT}; "
            "split the text into articles and extract each"
        )
    if source is not None and not isinstance(source, Source):
        raise ExtractError(f"extract: source: {source!r} is not a Source; pass Source(title, ...)")
    ref_day = _reference_day(reference, source)
    anchor = _anchor(source, ref_day)
    known = _known(known_actors)
    fiscal = _fiscal(fiscal_years, known)
    reader = _Reader(text, fold(text), ref_day, anchor, source, known, fiscal, use_spacy)
    return reader.run()


# -- arguments ---------------------------------------------------------------------------


def _reference_day(reference: _dt.date | str | None, source: Source | None) -> _dt.date | None:
    if reference is not None:
        if isinstance(reference, _dt.datetime):
            return reference.date()
        if isinstance(reference, _dt.date):
            return reference
        if not isinstance(reference, str):
            raise ExtractError(
                f"extract: reference: {reference!r} is not a day; pass a date or '2026-03-28'"
            )
        try:
            when = When.parse(reference)
        except TimelineError as err:
            raise ExtractError(f"extract: reference: {err}") from None
        if when.earliest is None:
            raise ExtractError(
                f"extract: reference: {reference!r} has no first day; give a day such as "
                "'2026-03-28'"
            )
        return _day(when.earliest)
    if source is not None and source.published is not None:
        point = source.published.earliest
        return None if point is None else _day(point)
    return None


def _anchor(source: Source | None, ref_day: _dt.date | None) -> When | None:
    """What undated statements are dated by: the publication date, else the reference day."""
    if source is not None and source.published is not None:
        published = source.published
        if not published.is_interval and published.relation is Relation.ON:
            return published
    if ref_day is None:
        return None
    return When.day(ref_day.year, ref_day.month, ref_day.day)


def _known(known_actors: Known) -> dict[str, str]:
    if isinstance(known_actors, str):
        known_actors = [known_actors]
    try:
        return known_table(known_actors)
    except TypeError:
        raise ExtractError(
            f"extract: known_actors: {known_actors!r} is not a list of names or a mapping "
            "of name to aliases; pass e.g. ['Tencent'] or {'StepFun': ['Step']}"
        ) from None


def _fiscal(fiscal_years: Mapping[str, int | str] | None, known: dict[str, str]) -> dict[str, int]:
    if fiscal_years is None:
        return {}
    if not isinstance(fiscal_years, Mapping):
        raise ExtractError(
            f"extract: fiscal_years: {fiscal_years!r} is not a mapping; pass e.g. "
            "{'Microsoft': 'July'} (actor to the month its fiscal year starts)"
        )
    table: dict[str, int] = {}
    for actor, start in fiscal_years.items():
        month = _month_number(start)
        if month is None:
            raise ExtractError(
                f"extract: fiscal_years: {actor!r}: {start!r} is not a month; "
                "write a month number 1-12 or a month name such as 'July'"
            )
        name = str(actor).strip()
        table[known.get(name.lower(), name).lower()] = month
    return table


def _month_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 1 <= value <= 12 else None
    if isinstance(value, str):
        low = value.strip().lower()
        if low.isdigit():
            return _month_number(int(low))
        for n, name in enumerate(_MONTHS, 1):
            if len(low) >= 3 and name.startswith(low):
                return n
    return None


@functools.cache
def fiscal_supported() -> bool:
    """Whether `find_dates` reads fiscal years (takes ``fiscal_year_start``).

    >>> isinstance(fiscal_supported(), bool)
    True
    """
    return "fiscal_year_start" in inspect.signature(find_dates).parameters


# -- helpers on dates --------------------------------------------------------------------


def _day(point: _dt.date) -> _dt.date:
    if isinstance(point, _dt.datetime):
        return point.date()
    return _dt.date(point.year, point.month, point.day)


def _after(when: When, anchor: When | None) -> bool:
    """Whether ``when`` lies wholly after the anchor (the publication)."""
    if anchor is None or when.earliest is None or anchor.latest is None:
        return False
    return _day(when.earliest) > _day(anchor.latest)


def _before(when: When, anchor: When | None) -> bool:
    if anchor is None or when.latest is None or anchor.earliest is None:
        return False
    return _day(when.latest) < _day(anchor.earliest)


def _runs_past(when: When, anchor: When | None) -> bool:
    if anchor is None or when.latest is None or anchor.latest is None:
        return False
    return _day(when.latest) > _day(anchor.latest)


def _until(anchor: When, start: When | None) -> When | None:
    """From ``start`` (or an open start) to the anchor: a happened span cut at publication."""
    try:
        if start is None or start.earliest is None:
            return When.interval("open", anchor)
        lower = start if not start.is_interval and start.relation is Relation.ON else None
        if lower is None:
            return When.interval("open", anchor)
        return When.interval(lower, anchor)
    except TimelineError:
        return None


def _onwards(anchor: When) -> When:
    try:
        return When.interval(anchor, "open")
    except TimelineError:
        return anchor


# -- clauses -----------------------------------------------------------------------------

_CUT: Final = re.compile(
    r";\s+"
    r"|,\s+and(?:,\s*\w+,)?\s+"
    r"|\s+and\s+(?:also\s+)?"
    r"|,\s+(?=(?:while|whereas|but|following|after)\s)"
    r"|\s+but\s+"
    r"|\s+(?=(?:aiming|targeting)\b)",
    re.IGNORECASE,
)
_LEADING: Final = re.compile(
    r"\s*(?:when|after|as|once|before|following|while)\b[^,;]{5,}?,\s+", re.IGNORECASE
)
_ELLIPTIC: Final = re.compile(
    r"(?:(?:then|later|again|also|finally|eventually),?\s+)*"
    r"(?:to|in|on|by|from|for|at|until|till|before|after|into|through)\b",
    re.IGNORECASE,
)
_CONNECTOR: Final = re.compile(
    r"^(?:(?:and|but|while|whereas|following|after|when|also|so|then|yet|[,;:\-\s]))+",
    re.IGNORECASE,
)
# Matched at a clause's start with Pattern.match(text, pos): no "^", which only
# matches at the start of the whole text.
_BEFORE_WORDS: Final = re.compile(r"\W*(?:following|after)\b", re.IGNORECASE)
_TRAILING: Final = re.compile(r",\s+(?:\w+ing|which|who|as|with|a|an)\s+\w")
_DEFINITE: Final = re.compile(r"\W*the\s+([a-z]+)(?:'s?)?\b", re.IGNORECASE)
_REVENUE: Final = re.compile(r"\b(?:revenue|arr|sales|profit)\b", re.IGNORECASE)
_POLICY: Final = re.compile(
    r"\b(?:plan|policy|government|ministry|city|province|state|national|law)\b", re.IGNORECASE
)
_ORG_SUFFIXES: Final = frozenset(
    [
        "ai",
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "ltd",
        "ltd.",
        "llc",
        "plc",
        "group",
        "holdings",
        "technology",
        "technologies",
        "labs",
        "lab",
        "systems",
        "software",
        "intelligence",
        "robotics",
        "motors",
        "platforms",
        "ag",
        "sa",
        "gmbh",
        "co",
        "co.",
    ]
)
_SHARE_OF: Final = re.compile(
    r"\s+of\s+((?:(?!(?:to|by|in|that|which|who|and|or|for|from|with|at)\b)[\w-]+\s*){1,4})"
)
_CHANGE: Final = re.compile(r"\bfrom\b.*\bto\b", re.IGNORECASE)
_METRIC_WORDS: Final = re.compile(
    r"\b(annual recurring revenue|revenue|arr|sales|profit|funding|investment|valuation|"
    r"users|subscribers|downloads|market share|capacity|output|shipments|enterprises|"
    r"token calls|calls|industry)\b",
    re.IGNORECASE,
)


@attrs.frozen
class _Piece:
    start: int
    end: int
    index: int  # position in its sentence: 0 for the first clause


@attrs.define
class _Reader:
    text: str
    folded: str
    ref_day: _dt.date | None
    anchor: When | None
    source: Source | None
    known: dict[str, str]
    fiscal: dict[str, int]
    use_spacy: bool | None
    dates: list[DateMatch] = attrs.field(factory=list)
    date_starts: list[int] = attrs.field(factory=list)
    actors: Actors = attrs.field(init=False)
    quoted: list[tuple[int, int]] = attrs.field(init=False)
    last_org: str | None = None
    short_names: dict[str, str] = attrs.field(factory=dict)
    last_dated: tuple[frozenset[str], When] | None = None

    def __attrs_post_init__(self) -> None:
        self.actors = Actors(self.folded, self.known, self.use_spacy)
        self.quoted = [(m.start(), m.end()) for m in quoted(self.folded)]

    def run(self) -> Extraction:
        spans = sentences(self.text)
        self.dates = find_dates(self.text, reference=self.ref_day)
        self.date_starts = [d.start for d in self.dates]
        drafts: list[Draft] = []
        for span in spans:
            if span.heading:
                continue
            self._fiscal_dates(span)
            drafts += self._sentence(span)
        drafts = _unique_ids(drafts)
        n_figures = sum(len(d.observations) + (d.target is not None) for d in drafts)
        undated = sum(1 for d in drafts if "no date of its own" in " ".join(d.reasons))
        stats = Stats(
            sentences=sum(1 for s in spans if not s.heading),
            statements=len(drafts),
            dated=len(drafts) - undated,
            undated=undated,
            low_confidence=sum(1 for d in drafts if d.confidence < LOW_CONFIDENCE),
            figures=n_figures,
        )
        return Extraction(tuple(drafts), stats, self.source, self.ref_day)

    def _fiscal_dates(self, span: Span) -> None:
        """Re-read a sentence that names a fiscal year with its actor's fiscal-year start."""
        if not self.fiscal or not fiscal_supported():
            return
        if not re.search(r"\bFY\s?\d|\bfiscal\b", self.folded[span.start : span.end], re.I):
            return
        names = self.actors.names(span.start, span.end, span.start)
        start = next(
            (self.fiscal[n.text.lower()] for n in names if n.text.lower() in self.fiscal), None
        )
        if start is None:
            return
        options = {"reference": self.ref_day, "fiscal_year_start": start}
        found = find_dates(self.text[span.start : span.end], **options)  # type: ignore[arg-type]
        kept = [d for d in self.dates if not (span.start <= d.start < span.end)]
        moved = [DateMatch(m.text, m.start + span.start, m.end + span.start, m.when) for m in found]
        self.dates = sorted(kept + moved, key=lambda d: d.start)
        self.date_starts = [d.start for d in self.dates]

    # -- one sentence ----------------------------------------------------------------

    def _sentence(self, span: Span) -> list[Draft]:
        pieces = self._clauses(span)
        drafts: list[Draft] = []
        previous_actors: tuple[str, ...] = ()
        sentence_names = self.actors.names(span.start, span.end, span.start)
        earlier_figures: list[tuple[Figure, When]] = []
        for piece in pieces:
            draft = self._statement(span, piece, sentence_names, previous_actors, earlier_figures)
            if draft is not None:
                drafts.append(draft)
                previous_actors = draft.actors
        subject = next((n for n in sentence_names if is_org(n)), None)
        if subject is not None:
            self.last_org = subject.text
        return drafts

    def _clauses(self, span: Span) -> list[_Piece]:
        # Cues and figures are found once per sentence, so trying many cuts stays linear.
        index = _SentenceIndex(self.folded, span)
        cuts: list[tuple[int, int]] = []
        lead = _LEADING.match(self.folded, span.start, span.end)
        if lead:
            cuts.append((lead.end() - len(lead.group()) + lead.group().rindex(","), lead.end()))
        for m in _CUT.finditer(self.folded, span.start, span.end):
            cuts.append((m.start(), m.end()))
        cuts.sort()
        pieces: list[tuple[int, int]] = [(span.start, span.end)]
        for cut_start, cut_end in cuts:
            left_start, left_end = pieces[-1]
            if not (left_start < cut_start and cut_end < left_end):
                continue
            if inside(self.quoted, cut_start):
                continue  # never inside a quotation
            word = self.folded[cut_start:cut_end].strip().lower()
            right = (cut_end, left_end)
            # Two dated statements joined by "and" or ";" are two statements.
            both_dated = self._has_date(left_start, cut_start) and self._has_date(*right)
            # ... unless the right side only goes on with the left's verb ("and then to 2023").
            elliptic = _ELLIPTIC.match(self.folded, cut_end, left_end) is not None
            if both_dated and not elliptic and (word == ";" or "and" in word.split()):
                pieces[-1] = (left_start, cut_start)
                pieces.append(right)
                continue
            if word == "and" or word.startswith("and "):
                # Otherwise "and" joins two statements only when a cue starts the right side.
                head = cues(self.folded, cut_end, min(left_end, cut_end + 30))
                if not head or head[0].start - cut_end > 12:
                    continue
            if self._stands(left_start, cut_start, index) and self._stands(*right, index):
                pieces[-1] = (left_start, cut_start)
                pieces.append(right)
        return [_Piece(a, b, i) for i, (a, b) in enumerate(pieces)]

    def _stands(self, start: int, end: int, index: _SentenceIndex) -> bool:
        found = index.cues(start, end)
        if any(c.strong for c in found):
            return True
        return bool(found) and (self._has_date(start, end) or index.has_figure(start, end))

    def _has_date(self, start: int, end: int) -> bool:
        return bool(_within(self.dates, self.date_starts, start, end))

    # -- one statement ---------------------------------------------------------------

    def _statement(
        self,
        span: Span,
        piece: _Piece,
        sentence_names: list[Name],
        previous_actors: tuple[str, ...],
        earlier_figures: list[tuple[Figure, When]],
    ) -> Draft | None:
        start, end = piece.start, piece.end
        found = cues(self.folded, start, end)
        dates = _within(self.dates, self.date_starts, start, end)
        taken = [(d.start, d.end) for d in dates]
        figs = figures(self.folded, start, end, taken)
        names = [
            self._canonical(n)
            for n in self.actors.names(start, end, span.start)
            if not any(f.start <= n.start < f.end for f in figs)  # "20 million ICT specialists"
        ]
        reasons: list[str] = []
        names, location = self._location(names)
        actors = self._actors(names, sentence_names, previous_actors, start, end, reasons)
        strong = [c for c in found if c.strong]
        weak_ok = bool(found) and (bool(figs) or any(n.start < found[0].start for n in names))
        about = actors or figs or self._inherited(start) is not None
        if not (dates or (strong and about) or weak_ok):
            return None
        score = 0.2
        cue = _main_cue(found)
        if cue is not None:
            reasons.append(f"cue {cue.text!r} ({cue.look.value})")
            score += 0.25 if cue.strong else 0.1
        date = _pick_date(dates, cue, self.folded, start, end)
        look = cue.look if cue is not None else None
        when, status, conflict = self._when_status(date, look, cue, reasons, start, end)
        if date is not None:
            score += 0.3
        if conflict:
            score -= 0.2
        if actors:
            score += 0.15
            reasons.append(f"named: {', '.join(actors)}")
        if figs:
            score += 0.1
        target, observations, extra = self._figures(
            figs, dates, date, when, status, look, actors, span, piece, earlier_figures
        )
        for fig in figs:
            reasons.append(f"figure {fig.text!r}")
        kind = self._kind(span, piece, target)
        quote = " ".join(self.text[start:end].split())
        title = _title(self.text[start:end])
        if not title:
            return None
        confidence = round(min(1.0, max(0.0, score)), 2)
        cited = None
        if self.source is not None:
            cited = attrs.evolve(self.source, quote=quote)
        return Draft(
            id=_slug(title),
            title=title,
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
        )

    def _when_status(
        self,
        date: DateMatch | None,
        look: Look | None,
        cue: Cue | None,
        reasons: list[str],
        start: int,
        end: int,
    ) -> tuple[When | None, Status, bool]:
        anchor = self.anchor
        conflict = False
        if date is not None:
            when = date.when
            reasons.append(f"date {date.text!r} -> {when}")
            if _after(when, anchor) or (look is Look.FORWARD and not _before(when, anchor)):
                status = Status.EXPECTED
                if look is Look.BACK:
                    conflict = True
                    reasons.append("looks back but the date is after publication")
                firm = cue is not None and cue.firm
                fine = when.precision in (Precision.DAY, Precision.MINUTE, Precision.SECOND)
                if firm and fine and when.relation is Relation.ON:
                    status = Status.CONFIRMED
            elif look is Look.FORWARD:
                status = Status.EXPECTED
                conflict = True
                reasons.append("looks forward but the date is before publication")
            elif look is None and anchor is not None and _runs_past(when, anchor):
                status = Status.EXPECTED
            else:
                status = Status.HAPPENED
                if anchor is not None and _runs_past(when, anchor):
                    cut = _until(anchor, when)
                    if cut is not None:
                        reasons.append(f"happened, so no later than publication: {cut}")
                        when = cut
            if when.precision is not Precision.MIXED or when.earliest is not None:
                names = self.actors.names(start, end, start)
                words = frozenset(
                    n.text.split()[-1].lower() for n in names if len(n.text.split()) > 1
                )
                self.last_dated = (words, when)
            return when, status, conflict
        status = Status.EXPECTED if look is Look.FORWARD else Status.HAPPENED
        inherited = self._inherited(start)
        if inherited is not None:
            reasons.append(
                f"no date of its own: that of the {inherited[0]} just before, {inherited[1]}"
            )
            when = inherited[1]
            return when, status, conflict
        if anchor is None:
            reasons.append("no date of its own, and no reference date to date it by")
            return None, status, conflict
        if status is Status.EXPECTED:
            when = _onwards(anchor)
            reasons.append(f"no date of its own: expected from publication onwards ({when})")
        elif _BEFORE_WORDS.match(self.folded, start, end):
            when = _until(anchor, None) or anchor
            reasons.append(f"no date of its own: before another event, so by publication ({when})")
        else:
            when = anchor
            reasons.append(f"no date of its own: reported as news at publication ({when})")
        return when, status, conflict

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
        """Names after "in" ("an event in Austin, Texas") are where, not who."""
        kept: list[Name] = []
        places: list[Name] = []
        for name in names:
            before = self.folded[max(0, name.start - 4) : name.start]
            after_place = (
                bool(places) and self.folded[places[-1].start : name.start].count(",") == 1
            )
            known = name.text.lower() in self.known
            if not known and (before.lower() == " in " or (after_place and len(places) == 1)):
                places.append(name)
            else:
                kept.append(name)
        if not places:
            return names, None
        return kept, ", ".join(p.text for p in places)

    def _kind(self, span: Span, piece: _Piece, target: Target | None) -> str | None:
        sentence = self.folded[span.start : span.end]
        kind = guess_kind(self.folded[piece.start : piece.end], sentence)
        if kind is None and piece.index == 0:
            kind = guess_kind(sentence)
        if target is not None and (kind is None or not kind.endswith("-target")):
            # A goal with a deadline: its kind says what the goal is about.
            if _REVENUE.search(sentence):
                return "revenue-target"
            if _POLICY.search(sentence):
                return "policy-target"
            return "target"
        return kind

    def _inherited(self, start: int) -> tuple[str, When] | None:
        """ "The forum ..." after a dated statement naming a forum: that statement's date."""
        if self.last_dated is None:
            return None
        m = _DEFINITE.match(self.folded, start)
        if m is None or m.group(1).lower() not in self.last_dated[0]:
            return None
        return m.group(1).lower(), self.last_dated[1]

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
            org = subject.text if subject is not None else self.last_org
            if org is not None and org not in actors:
                actors.append(org)
                reasons.append(f"'the company' read as {org}")
        if not actors and self.folded.startswith("It ", start) and self.last_org is not None:
            actors = [self.last_org]
            reasons.append(f"'It' read as {self.last_org}")
        if not actors and previous_actors:
            # A clause without a name of its own shares the subject of the one before
            # ("... surpassed $300 million and expects $600 million by 2026").
            actors = list(previous_actors[:1])
            reasons.append(f"subject shared with the clause before: {actors[0]}")
        return tuple(actors)

    def _figures(
        self,
        figs: list[Figure],
        dates: list[DateMatch],
        date: DateMatch | None,
        when: When | None,
        status: Status,
        look: Look | None,
        actors: tuple[str, ...],
        span: Span,
        piece: _Piece,
        earlier: list[tuple[Figure, When]],
    ) -> tuple[Target | None, list[Observation], str | None]:
        target: Target | None = None
        observations: list[Observation] = []
        unplaced: list[str] = []
        goal = None
        base_figure = None
        if (
            figs
            and date is not None
            and status is not Status.HAPPENED
            and look is Look.FORWARD
            and date.when.latest is not None
        ):
            before = [f for f in figs if f.end <= date.start]
            goal = before[-1] if before else figs[0]
            metric = self._metric(goal, piece, span, actors)
            baseline = None
            for i, fig in enumerate(figs):
                # "20 million by 2030, up from 9 million in 2022": where the goal starts.
                own = self._figure_when(fig, figs[i + 1 :], dates, None, Status.EXPECTED)
                value = fig.quantity
                if not value.unit and goal.quantity.unit and goal.quantity.currency is None:
                    value = attrs.evolve(value, unit=goal.quantity.unit)  # "up from 9 million"
                if fig is not goal and value.compatible(goal.quantity) and own is not None:
                    deadline = date.when.latest
                    if own is not self.anchor and own.latest and _day(own.latest) < _day(deadline):
                        baseline, base_figure = Observation(own, value), fig
                        break
            for fig, stated in reversed(earlier if baseline is None else []):
                if fig.quantity.compatible(goal.quantity):
                    baseline = Observation(stated, fig.quantity)
                    break
            try:
                target = Target(metric, goal.quantity, date.when, baseline=baseline)
            except TimelineError:
                try:
                    target = Target(metric, goal.quantity, date.when)
                except TimelineError:
                    target, goal = None, None
        for i, fig in enumerate(figs):
            if fig is goal or fig is base_figure:
                continue
            seen = self._figure_when(fig, figs[i + 1 :], dates, when, status)
            if seen is None:
                unplaced.append(fig.text)
                continue
            note = None
            if status is not Status.HAPPENED and look is Look.FORWARD:
                note = "a figure the statement looks forward to, as stated at publication"
            try:
                observations.append(Observation(seen, fig.quantity, note=note))
            except TimelineError:
                unplaced.append(fig.text)
                continue
            if status is Status.HAPPENED or look is not Look.FORWARD:
                earlier.append((fig, seen))
        extra = None
        if unplaced:
            extra = "Figures with no date to place them: " + ", ".join(unplaced) + "."
        return target, observations, extra

    def _figure_when(
        self,
        fig: Figure,
        later: list[Figure],
        dates: list[DateMatch],
        when: When | None,
        status: Status,
    ) -> When | None:
        limit = later[0].start if later else fig.end + 60
        own = next((d for d in dates if fig.end <= d.start < min(limit, fig.end + 40)), None)
        if own is not None:
            return own.when
        if fig.after_from and later and self.anchor is not None:
            return _until(self.anchor, None)
        if status is Status.HAPPENED and when is not None:
            return when
        return self.anchor

    def _metric(self, goal: Figure, piece: _Piece, span: Span, actors: tuple[str, ...]) -> str:
        words = _METRIC_WORDS.search(self.folded, piece.start, piece.end) or _METRIC_WORDS.search(
            self.folded, span.start, span.end
        )
        unit = goal.quantity.unit
        share = _SHARE_OF.match(self.folded, goal.end)
        if unit == "%" and share is not None:
            what = f"share of {share.group(1).strip()}"  # "75% of EU companies"
        elif unit and unit != "%" and goal.quantity.currency is None:
            what = unit  # "10,000 AI-plus enterprises"
        elif words is not None:
            what = words.group(1)
        else:
            what = "figure"
        return f"{actors[0]}: {what}" if actors else what


def _within(dates: list[DateMatch], starts: list[int], start: int, end: int) -> list[DateMatch]:
    """The dates wholly inside ``start..end`` (``starts``: their sorted start offsets)."""
    i = bisect.bisect_left(starts, start)
    j = bisect.bisect_left(starts, end)
    return [d for d in dates[i:j] if d.end <= end]


class _SentenceIndex:
    """A sentence's cues and figures, found once, looked up by range."""

    def __init__(self, folded: str, span: Span) -> None:
        self.listed = listed_cues(folded, span.start, span.end)
        self.starts = [c.start for c in self.listed]
        self.bare = bare_past(folded, span.start, span.end)
        self.figure_spans = [(f.start, f.end) for f in figures(folded, span.start, span.end, [])]
        self.folded = folded

    def cues(self, start: int, end: int) -> list[Cue]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        found = [c for c in self.listed[i:j] if c.end <= end]
        if found:
            return found
        return [c for c in self.bare if start <= c.start and c.end <= end]  # as `cues` does

    def has_figure(self, start: int, end: int) -> bool:
        return any(start <= a and b <= end for a, b in self.figure_spans)


def _main_cue(found: list[Cue]) -> Cue | None:
    """The cue that decides the direction: the first strong one, or what a report reports."""
    if not found:
        return None
    strong = [c for c in found if c.strong]
    first = strong[0] if strong else found[0]
    if first.look is Look.REPORT:
        later = [c for c in found if c.start > first.start and c.look is not Look.REPORT]
        if later and later[0].look is Look.FORWARD:
            return later[0]
    return first


def _pick_date(
    dates: list[DateMatch], cue: Cue | None, folded: str, start: int, end: int
) -> DateMatch | None:
    if not dates:
        return None
    if len(dates) == 1:
        return dates[0]
    if _CHANGE.search(folded, start, end) or (cue is not None and cue.slip):
        # "rose from X at A to Y by B": the change ends at B; "pushed back to A,
        # then to B": the latest move is B.
        return dates[-1]
    if cue is not None:
        after = [d for d in dates if d.start >= cue.end]
        if after:
            return after[0]
        return [d for d in dates if d.end <= cue.start][-1]
    return dates[-1]


def _title(raw: str) -> str:
    text = " ".join(raw.split())
    text = _CONNECTOR.sub("", text).strip()
    text = text.rstrip(" .;:,!?")
    if len(text) > 60:
        m = _TRAILING.search(text, 40)
        if m is not None:
            text = text[: m.start()]
    if len(text) > _MAX_TITLE:
        cut = text.rfind(" ", 0, _MAX_TITLE)
        text = text[: cut if cut > 40 else _MAX_TITLE - 1].rstrip(" ,;:") + "…"
    if text[:1].islower() and not _camel(text):
        text = text[0].upper() + text[1:]  # a clause cut from its sentence starts a title
    return text


def _camel(text: str) -> bool:
    word = text.split(" ", 1)[0]
    return any(c.isupper() for c in word[1:])


def _slug(title: str) -> str:
    slug = slugify(fold(title))  # "AI‑plus" (a non-breaking hyphen) -> ai-plus
    if len(slug) > 60:
        cut = slug.rfind("-", 0, 60)
        slug = slug[: cut if cut > 20 else 60]
    return slug


def _unique_ids(drafts: list[Draft]) -> list[Draft]:
    seen: dict[str, int] = {}
    out = []
    for draft in drafts:
        n = seen.get(draft.id, 0) + 1
        seen[draft.id] = n
        out.append(draft if n == 1 else attrs.evolve(draft, id=f"{draft.id}-{n}"))
    return out
