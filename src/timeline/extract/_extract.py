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
   Fiscal periods ("Q3 FY2025", "fiscal 2026") are read with the fiscal year of
   the statement's first actor (``fiscal_years``), else not at all.
4. A statement with no date of its own is dated from the source's publication
   when there is one, as the bundled dataset does: expected ones "from
   publication onwards", past ones "about publication", and what came before
   another event ("following a court injunction ...") "until publication". "The
   forum ..." right after a dated statement about a forum takes its date.
   Without any reference date, or when its only date is a fiscal period of an
   actor whose fiscal year is unknown, it gets the undated value
   (``When.undated()``, "date not announced").
5. Figures (`Quantity`) become observations, dated by the date phrase after
   them, or the target when the statement is a goal with a deadline (a figure
   stated earlier in the sentence in the same unit is its baseline).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from timeline._errors import ExtractError, TimelineError, WhenError, quoted
from timeline.dates import Precision, Relation, When
from timeline.dates._find import find_dates
from timeline.dates._fiscal import fiscal_start
from timeline.extract._actors import known_table
from timeline.extract._dating import day
from timeline.extract._draft import Extraction
from timeline.extract._reader import Reader
from timeline.extract._text import dateline, fold
from timeline.figures import Source

__all__ = ["extract"]

_MAX_TITLE: Final = 100
_MAX_TEXT: Final = 2_000_000

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
    (a day) is given (with neither, a news dateline that gives the year, such as
    "SAN FRANCISCO, Feb. 12, 2026 --", is), and every draft cites it with its sentence as the quote.
    ``known_actors`` are names (or a mapping name -> aliases) matched
    case-insensitively. ``fiscal_years`` maps an actor to the month its fiscal
    year starts (7 or "July"): a statement's fiscal periods ("Q3 FY2025",
    "fiscal 2026") are read with its first actor's fiscal year, as a
    `Timeline`'s ``fiscal_years`` do; without one they are not read (never as
    calendar years) and the statement is undated, with the reason.
    ``use_spacy``: add names from spaCy when it and an English model are
    installed (None: if installed).

    >>> x = extract("Tencent's Hybrid Model 3.0 is slated for an April release.",
    ...             source=Source("AI race", published="2026-03~"))
    >>> d = x.drafts[0]
    >>> (str(d.when), d.status.value, d.kind, d.actors, d.source.quote)  # doctest: +ELLIPSIS
    ('April 2026', 'expected', 'model-release', ('Tencent',), "Tencent's Hybrid Model 3.0 is...")
    """
    if not isinstance(text, str):
        raise ExtractError(f"extract: text: {quoted(text)} is not text; pass the article as a str")
    if len(text) > _MAX_TEXT:
        raise ExtractError(
            f"extract: text: {len(text)} characters is more than {_MAX_TEXT}; "
            "split the text into articles and extract each"
        )
    if source is not None and not isinstance(source, Source):
        raise ExtractError(
            f"extract: source: {quoted(source)} is not a Source; pass Source(title, ...)"
        )
    ref_day = _referenceday(reference, source)
    if ref_day is None:
        ref_day = _dateline_day(text)  # "SAN FRANCISCO, Feb. 12, 2026 /PRNewswire/ --"
    anchor = _anchor(source, ref_day)
    known = _known(known_actors)
    fiscal = _fiscal(fiscal_years, known)
    lowered = {actor.lower(): month for actor, month in fiscal.items()}
    reader = Reader(text, fold(text), ref_day, anchor, source, known, lowered, use_spacy)
    return attrs.evolve(reader.run(), fiscal_years=fiscal)


# -- arguments ---------------------------------------------------------------------------


def _referenceday(reference: _dt.date | str | None, source: Source | None) -> _dt.date | None:
    if reference is not None:
        if isinstance(reference, _dt.datetime):
            return reference.date()
        if isinstance(reference, _dt.date):
            return reference
        if not isinstance(reference, str):
            raise ExtractError(
                f"extract: reference: {quoted(reference)} is not a day; pass a date or '2026-03-28'"
            )
        try:
            when = When.parse(reference)
        except TimelineError as err:
            raise ExtractError(f"extract: reference: {err}") from None
        if when.earliest is None:
            raise ExtractError(
                f"extract: reference: {quoted(reference)} has no first day; give a day such as "
                "'2026-03-28'"
            )
        return day(when.earliest)
    if source is not None and source.published is not None:
        point = source.published.earliest
        return None if point is None else day(point)
    return None


def _dateline_day(text: str) -> _dt.date | None:
    """The day of a news dateline that gives its year: the text's publication day."""
    line = dateline(text)
    if line is None:
        return None
    found = [m.when for m in find_dates(line, reference=None)]
    points = [w.earliest for w in found if w.precision is Precision.DAY and w.earliest is not None]
    return day(points[0]) if len(points) == 1 else None


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
    except (TypeError, ValueError):  # not iterable; a number too long to write as a name
        raise ExtractError(
            f"extract: known_actors: {quoted(known_actors)} is not a list of names or a mapping "
            "of name to aliases; pass e.g. ['Tencent'] or {'StepFun': ['Step']}"
        ) from None


def _fiscal(fiscal_years: Mapping[str, int | str] | None, known: dict[str, str]) -> dict[str, int]:
    if fiscal_years is None:
        return {}
    if not isinstance(fiscal_years, Mapping):
        raise ExtractError(
            f"extract: fiscal_years: {quoted(fiscal_years)} is not a mapping; pass e.g. "
            "{'Microsoft': 'July'} (actor to the month its fiscal year starts)"
        )
    table: dict[str, int] = {}
    for actor, start in fiscal_years.items():
        month = _month_number(start)
        if month is None:
            raise ExtractError(
                f"extract: fiscal_years: {quoted(actor)}: {quoted(start)} is not a month; "
                "write a month number 1-12 or a month name such as 'July'"
            )
        name = str(actor).strip()
        table[known.get(name.lower(), name)] = month
    return table


def _month_number(value: object) -> int | None:
    try:
        return fiscal_start(value)
    except WhenError:
        return None
