"""Draft events and the extraction that holds them: a timeline, a YAML file to review.

A `Draft` is what one statement of the text says, in the library's terms
(title, `When`, status, kind, actors, figures) plus what a reviewer needs to
judge it: the character span and quote it came from, a confidence in [0, 1]
and the reasons behind it. `Extraction.to_yaml` writes the drafts as a data
file (the schema `timeline check` reads, each record written by
`event_to_record`), with the quote and the reasons as comments above each
event and low-confidence drafts marked, so a person edits it and checks it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs
import yaml

from timeline.dates import When
from timeline.dates._precision import MONTH_NAMES
from timeline.figures import Observation, Source, Target
from timeline.model import Claim, Event, Status, Timeline
from timeline.records import event_to_record

__all__ = ["LOW_CONFIDENCE", "Draft", "Extraction", "Stats"]


LOW_CONFIDENCE: Final = 0.5
"""Drafts below this confidence are marked for review in the YAML file."""


@attrs.frozen
class Draft:
    """One statement of the text as a draft event, with its span, confidence and reasons.

    ``when`` is the undated value (``When.undated()``, "date not announced")
    for a statement with no date of its own in a text with no reference date,
    for "TBD", and for a fiscal period whose actor's fiscal year is unknown;
    such a draft is still an event: in `Extraction.timeline`, sorted last, and
    in the YAML file as ``when: date not announced``.

    >>> from timeline import extract
    >>> d = extract("DeepSeek V4 is expected in April.", reference="2026-03-02").drafts[0]
    >>> (d.title, str(d.when), d.status.value, d.actors, d.span)
    ('DeepSeek V4 is expected in April', 'April 2026', 'expected', ('DeepSeek',), (0, 33))
    """

    id: str
    title: str
    when: When
    status: Status
    kind: str | None
    actors: tuple[str, ...]
    start: int
    end: int
    quote: str
    confidence: float
    reasons: tuple[str, ...]
    observations: tuple[Observation, ...] = ()
    target: Target | None = None
    description: str | None = None
    source: Source | None = None
    location: str | None = None
    first_when: When | None = None
    """The date first promised, when the statement says it moved ("in June, a target it
    later pushed to July"); ``when`` is the date now expected."""
    claims: tuple[Claim, ...] = ()
    """The moves of a date moved in the statement, stated at publication: its event starts
    at ``first_when`` and these claims bring it to ``when``."""
    said_by: str | None = None
    """Who the text says said it, when that is not who acts: in "NASA said SpaceX will
    launch in May" the actor is SpaceX and ``said_by`` is NASA (also in the reasons, and
    so in the YAML file's comments)."""

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``: the statement is ``text[start:end]``.

        >>> from timeline import extract
        >>> text = "Nothing. Apple shipped it in May 2025."
        >>> start, end = extract(text)[0].span
        >>> text[start:end]
        'Apple shipped it in May 2025.'
        """
        return (self.start, self.end)

    @property
    def low_confidence(self) -> bool:
        """Whether the draft is below `LOW_CONFIDENCE` and marked for review.

        >>> from timeline import extract
        >>> x = extract("Acme launched it in 2020. Brussels is watching.")
        >>> [d.low_confidence for d in x]
        [False, True]
        """
        return self.confidence < LOW_CONFIDENCE

    def to_event(self) -> Event:
        """The draft as an `Event` citing its source with the quote.

        >>> from timeline import extract
        >>> e = extract("Tencent will launch it in Q3 2026.").drafts[0].to_event()
        >>> (e.id, str(e.when))
        ('tencent-will-launch-it-in-q3-2026', 'Q3 2026')
        """
        moved = self.first_when is not None and bool(self.claims)
        return Event(
            id=self.id,
            title=self.title,
            when=self.first_when if moved and self.first_when is not None else self.when,
            status=Status.EXPECTED if moved else self.status,
            claims=self.claims,
            kind=self.kind,
            actors=self.actors,
            location=self.location,
            description=self.description,
            sources=() if self.source is None else (self.source,),
            target=self.target,
            observations=self.observations,
        )


@attrs.frozen
class Stats:
    """Counts of an extraction: what was read and what was found.

    >>> from timeline import extract
    >>> extract("Tencent launched it in May 2025. Nice.").stats
    Stats(sentences=2, statements=1, dated=1, undated=0, low_confidence=0, figures=0)
    """

    sentences: int
    statements: int
    dated: int  # with a date phrase of their own
    undated: int  # dated from the publication date, or undated ("date not announced")
    low_confidence: int
    figures: int


@attrs.frozen
class Extraction:
    """The drafts found in one text, in text order; iterate, make a timeline or a YAML file.

    >>> from timeline import extract
    >>> x = extract("Guangzhou aims for 10,000 AI-plus enterprises by 2030.")
    >>> [str(d.target) for d in x]
    ['10,000 AI-plus enterprises by end of 2030 (Guangzhou: AI-plus enterprises)']
    """

    drafts: tuple[Draft, ...]
    stats: Stats
    source: Source | None = None
    reference: _dt.date | None = None
    fiscal_years: Mapping[str, int] = attrs.field(factory=dict)
    """Actor to the month its fiscal year starts, as given to `extract`."""

    def __iter__(self) -> Iterator[Draft]:
        return iter(self.drafts)

    def __len__(self) -> int:
        return len(self.drafts)

    def __getitem__(self, index: int) -> Draft:
        return self.drafts[index]

    def timeline(self, *, name: str | None = None) -> Timeline:
        """The drafts as a `Timeline` (named after the source unless ``name``).

        Undated drafts are events too ("date not announced", sorted last); the
        timeline keeps the ``fiscal_years`` given to `extract`.

        >>> from timeline import extract
        >>> tl = extract("Meta will open it in 2027. Apple shipped a phone.").timeline()
        >>> [str(e.when) for e in tl]
        ['2027', 'date not announced']
        """
        return Timeline(
            [d.to_event() for d in self.drafts],
            name=name or self._name(),
            description=self._description(),
            fiscal_years=dict(self.fiscal_years),
        )

    def _name(self) -> str:
        return f"Draft: {self.source.title}" if self.source is not None else "Draft timeline"

    def _description(self) -> str:
        return (
            f"Drafted by timeline.extract from {_n(self.stats.sentences, 'sentence')}: "
            f"{_n(self.stats.statements, 'statement')}. Review every event before use."
        )

    def to_yaml(self) -> str:
        """A data file to review: one event per statement, quotes and reasons as comments.

        ``timeline check`` accepts it as written; undated drafts are written
        ``when: date not announced``, to be dated by hand.

        >>> from timeline import extract
        >>> print(extract("Tencent will launch it in Q3 2026.").to_yaml())  # doctest: +ELLIPSIS
        # Draft timeline written by timeline.extract: review every event.
        ...
          # [1] confidence 0.90: cue 'will launch' (forward); date 'Q3 2026' -> Q3 2026; ...
          # quote: "Tencent will launch it in Q3 2026."
          - id: tencent-will-launch-it-in-q3-2026
            title: Tencent will launch it in Q3 2026
            when: Q3 2026
            status: expected
            kind: product-launch
            actors: [Tencent]
        <BLANKLINE>
        """
        return write_yaml(self)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


class _Dumper(yaml.SafeDumper):
    """Block style, list items indented under their key, short name lists inline."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None
    )


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    flow = bool(value) and all(isinstance(v, str) for v in value) and sum(map(len, value)) < 60
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def _dump(data: Any) -> str:
    text: str = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88)
    return text


def _comment(text: str) -> str:
    # Comments hold one line each: control characters and line breaks become spaces.
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _indent(block: str, prefix: str) -> str:
    return "".join(prefix + line if line.strip() else line for line in block.splitlines(True))


def write_yaml(extraction: Extraction) -> str:
    """The YAML text of `Extraction.to_yaml`."""
    stats = extraction.stats
    head = ["# Draft timeline written by timeline.extract: review every event."]
    if extraction.source is not None:
        where = extraction.source.title
        if extraction.source.url:
            where += f" <{extraction.source.url}>"
        head.append(f"# Source: {_comment(where)}")
    if extraction.reference is not None:
        head.append(f"# Relative dates ('April', 'next year') read as of {extraction.reference}.")
    head.append(
        f"# {_n(stats.sentences, 'sentence')} read, {_n(stats.statements, 'statement')} "
        f"drafted ({stats.dated} with a date of their own, {stats.undated} without, "
        f"{stats.low_confidence} of low confidence, marked LOW CONFIDENCE)."
    )
    head.append("# Edit titles, dates and statuses, delete what is not an event, then run:")
    head.append("#   timeline check THIS-FILE")
    document: dict[str, Any] = {
        "name": extraction._name(),
        "description": extraction._description(),
    }
    if extraction.fiscal_years:
        document["fiscal_years"] = {
            actor: MONTH_NAMES[month - 1] for actor, month in extraction.fiscal_years.items()
        }
    parts = ["\n".join(head) + "\n", _dump(document)]
    if not extraction.drafts:
        parts.append("events: []\n")
        return "".join(parts)
    parts.append("events:\n")
    items = []
    for n, draft in enumerate(extraction.drafts, 1):
        mark = "LOW CONFIDENCE " if draft.low_confidence else ""
        lines = [
            f"# [{n}] {mark}confidence {draft.confidence:.2f}: "
            + _comment("; ".join(draft.reasons)),
            f"# quote: {_comment(repr_quote(draft.quote))}",
        ]
        if draft.when.is_undated:
            lines.append(
                "# date not announced: give a 'when' if the text or another source has one"
            )
        body = _dump([draft_record(draft)])
        items.append(_indent("\n".join(lines) + "\n" + body, "  "))
    parts.append("\n".join(items))
    return "".join(parts)


def repr_quote(text: str) -> str:
    """A quote between double quotes, inner double quotes kept as they are."""
    return f'"{text}"'


def draft_record(draft: Draft) -> dict[str, Any]:
    """The data-file record of a draft (`event_to_record` of its event).

    >>> from timeline import extract
    >>> draft_record(extract("Apple launched it in May 2025.").drafts[0])["when"]
    'May 2025'
    """
    return event_to_record(draft.to_event())
