"""Cutting running text into sentences and statements, keeping every character offset.

An article is read paragraph by paragraph (one line each); a paragraph is cut
into sentences at ``.``, ``!`` or ``?`` followed by a space and a capital,
digit or quote, except after an abbreviation ("U.S.", "Mr.", "Inc.") or inside
a number ("3.0"). Lines that read as headings (no closing punctuation, mostly
capitalised words) and a news dateline ("SANTA CLARA, Calif. --") are kept
apart, so they never join a sentence.

All matching runs on `fold`, a copy of the text of the same length with
typographic dashes, quotes and spaces made plain ("AI‑plus" with a
non-breaking hyphen reads as "AI-plus"), so spans found in it index the
original text, whose own typography is what quotes and titles keep.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

__all__ = ["Span", "dateline", "fold", "sentences", "words"]

_FOLD: Final = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u3000": " ",
    }
)


def words(text: str) -> frozenset[str]:
    """A word list written as one string: the set of its words.

    >>> sorted(words("the a an"))
    ['a', 'an', 'the']
    """
    return frozenset(text.split())


def fold(text: str) -> str:
    """``text`` with plain dashes, quotes and spaces; always the same length.

    >>> fold("AI‑plus “brain”")
    'AI-plus "brain"'
    """
    return text.translate(_FOLD)


@attrs.frozen
class Span:
    """A piece of the text: ``text[start:end]``, and whether it reads as a heading.

    >>> Span(0, 5).length
    5
    """

    start: int
    end: int
    heading: bool = False

    @property
    def length(self) -> int:
        """How many characters the piece covers."""
        return self.end - self.start


# A sentence ends at . ! ? (and any closing quotes or brackets) before a space
# and something that starts a sentence, or at the end of the paragraph.
_END: Final = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9]|\s*$)")
_ABBREVIATION: Final = re.compile(
    r"(?:\b(?:[A-Za-z]\.)+[A-Za-z]?|\b(?:mr|mrs|ms|dr|prof|st|jr|sr|inc|corp|ltd|co|vs|etc|no"
    r"|approx|est|dept|gov|gen|sen|rep|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|e\.g|i\.e)"
    r"|\b[A-Z])$",
    re.IGNORECASE,
)
_WORD: Final = re.compile(r"[A-Za-z][\w'-]*")
# "Acme acquired Beta Corp. Sales rose": a company's abbreviated suffix ends the sentence
# when a word that opens sentences follows it (and not "Beta Corp. Chief Executive ...").
_COMPANY_END: Final = re.compile(
    r"\b(?:inc|corp|ltd|co|llc|plc)\.\s+(?:the|a|an|it|its|this|that|these|those|they|he|she"
    r"|we|in|on|at|for|but|and|however|meanwhile|shares|sales|revenue|analysts|separately"
    r"|earlier|later|last|next|also|both|after|before|since|while|when|as|some|many|most"
    r"|there|such|according)\b",
    re.IGNORECASE,
)
# A news dateline before the first sentence ("SANTA CLARA, Calif. -- ", "BEIJING (Reuters) -",
# "BEIJING, March 3 (Reuters) -", "SAN FRANCISCO, Feb. 12, 2026 /PRNewswire/ --",
# "NEW YORK--(BUSINESS WIRE)--"): a place, a day and a wire service, not part of the
# statement (nor its actors), so it is kept apart like a heading.
_DATELINE_MONTH: Final = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE: Final = re.compile(
    r"[A-Z][A-Z.' ]{2,}(?:/[A-Z][A-Z.' ]{2,})*"  # the place, in capitals ("SEOUL/WASHINGTON")
    r"(?:,\s+(?!" + _DATELINE_MONTH + r"\s+\d)[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*)?"  # region
    r"(?:,\s+(?:" + _DATELINE_MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _DATELINE_MONTH + r")"
    r"(?:,?\s+\d{4})?)?"  # the day: "March 3", "Feb. 12, 2026", "5 March 2026"
    r"(?:\s*(?:--|—)?\s*(?:\([A-Za-z .&]+\)|/[A-Za-z .&]+/))?"  # "(Reuters)", "/PRNewswire/"
    r"(?:\s*(?:--|—)\s*|\s+-\s+)"
)
_MAX_HEADING: Final = 120
# Words a title in title case writes in lower case: "Launch of the Year", "Chips for AI".
_MINOR: Final = words(
    """a an the and but or nor for so yet as at by in of off on per to up via vs vs. v
    with from into onto over amid than"""
)
_BULLET_START: Final = re.compile(r"(?:[-*\u2022]|\d{1,2}[.)])\s")
# Longer "sentences" (a run without stops) are read in pieces of about this many
# characters, cut at a space, so that every step stays linear in the text's length.
MAX_SENTENCE: Final = 2000


# A byline or a stamp on a line of its own, without closing punctuation: "By our energy desk
# | 21 October 2027", "By Jane Smith, Reuters", "Updated: October 21, 2027 10:42 a.m. ET";
# not "By 2030 ..." (a deadline) nor a sentence.
_BYLINE: Final = re.compile(
    r"(?:By|BY)\s+(?:[A-Z]|(?:our|the|staff|a)\s)|(?:Published|Updated|Posted|Last\s+updated)\b",
)


def _is_heading(line: str) -> bool:
    """A short line without closing punctuation whose words are mostly capitalised, or a
    byline."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_HEADING or stripped[-1] in ".!?:;,\"'":
        return False
    if _BYLINE.match(stripped):
        return True
    words = _WORD.findall(stripped)
    if not words:
        return True
    # the small words title case leaves in lower case count as capitalised; others do not,
    # however short ("now due", "is", "was": a bullet's statement, not a heading)
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in _MINOR)
    return capitalised >= 0.7 * len(words)


def _headline(lines: list[str]) -> int | None:
    """The index of an article's headline: its first line, when it has no closing
    punctuation and a blank line and more text follow ("Rivian delays R2 deliveries as
    EV price war deepens"), whatever its capitals."""
    n = next((i for i, line in enumerate(lines) if line.strip()), None)
    if n is None or n + 2 >= len(lines) or lines[n + 1].strip():
        return None
    body = lines[n].strip()
    if len(body) > _MAX_HEADING or body[-1] in ".!?:\"'" or _BULLET_START.match(body):
        return None
    if not any(line.strip() for line in lines[n + 2 :]):
        return None
    return n


def dateline(text: str, lines: int = 5) -> str | None:
    """The news dateline among the first lines of ``text`` ("BEIJING, March 3 (Reuters)").

    >>> dateline("Acme Grows\\nSAN FRANCISCO, Feb. 12, 2026 -- Acme said it grew.")
    'SAN FRANCISCO, Feb. 12, 2026'
    """
    for line in fold(text).splitlines()[:lines]:
        body = line.strip()
        if not body:
            continue
        m = _DATELINE.match(body)
        if m is not None:
            return m.group().rstrip(" -—")
    return None


def sentences(text: str) -> list[Span]:
    """The sentences of ``text`` as spans, in order; headings are marked.

    >>> t = "Launch News\\nTencent launched it in the U.S. in May. It sold well."
    >>> [(t[s.start:s.end], s.heading) for s in sentences(t)]  # doctest: +NORMALIZE_WHITESPACE
    [('Launch News', True), ('Tencent launched it in the U.S. in May.', False),
     ('It sold well.', False)]
    """
    folded = fold(text)
    found: list[Span] = []
    offset = 0
    lines = folded.splitlines(keepends=True)
    headline = _headline(lines)
    for n, line in enumerate(lines):
        start, stop = offset, offset + len(line)
        offset = stop
        body = line.strip()
        if not body:
            continue
        first = start + (len(line) - len(line.lstrip()))
        last = start + len(line.rstrip())
        if n == headline or _is_heading(body):
            found.append(Span(first, last, heading=True))
            continue
        begin = first
        dateline = _DATELINE.match(folded, first, last)
        if dateline is not None:
            place = dateline.group().rstrip(" -—")
            found.append(Span(first, first + len(place), heading=True))
            begin = dateline.end()
        for m in _END.finditer(folded, begin, last):
            if (
                m.start() > begin
                and _ABBREVIATION.search(folded, max(begin, m.start() - 12), m.start())
                and not _COMPANY_END.search(folded, max(begin, m.start() - 6), m.end() + 30)
            ):
                continue  # "U.S." or "Mr." does not end a sentence
            end = m.end()
            found.append(Span(begin, end))
            begin = end
            while begin < last and folded[begin].isspace():
                begin += 1
        if begin < last:
            found.append(Span(begin, last))
    return [piece for span in found for piece in _pieces(folded, span)]


def _pieces(folded: str, span: Span) -> list[Span]:
    if span.length <= MAX_SENTENCE:
        return [span]
    out = []
    start = span.start
    while span.end - start > MAX_SENTENCE:
        cut = folded.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(Span(start, cut, span.heading))
        start = cut
        while start < span.end and folded[start].isspace():
            start += 1
    if start < span.end:
        out.append(Span(start, span.end, span.heading))
    return out
