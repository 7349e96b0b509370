"""Dates of statements: where a date lies against the publication, and which date a statement has.

The *anchor* is the publication date (or the reference day): a statement's
date is "after" it when it lies wholly later, "before" when wholly earlier,
and "runs past" it when its last day is later (a happened "2026" said in March
is cut at March). Dates are looked up by range with `DateIndex`.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from typing import Final

import attrs

from timeline._errors import TimelineError
from timeline.dates import Precision, Relation, When
from timeline.dates._find import DateMatch
from timeline.extract._cues import Cue, Look

__all__ = [
    "FISCAL_PHRASE",
    "DateIndex",
    "after",
    "before",
    "compared",
    "compared_tails",
    "day",
    "fiscal_form",
    "fiscal_year_of",
    "game_periods",
    "main_cue",
    "marker_before",
    "onwards",
    "pick_date",
    "relative_past",
    "runs_past",
    "until",
    "without_since",
]

_CHANGE: Final = re.compile(r"\bfrom\b.*\bto\b|\bto\b.*\bfrom\b", re.IGNORECASE)
_MARKER: Final = re.compile(r"\b(from|to)\b", re.IGNORECASE)
_FISCAL: Final = r"(?:FY|fiscal(?:[\s-]year)?)"
_FY_YEAR: Final = r"\s?'?(?:\d{4}|\d{2})(?!\d)"
_ORDINAL_PART: Final = (
    r"(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter|(?:first|second)[\s-]half)"
)
FISCAL_PHRASE: Final = re.compile(
    r"(?<![\w$])(?:"
    rf"(?:[QH][1-4],?\s+(?:of\s+)?)?{_FISCAL}{_FY_YEAR}"
    r"(?:[-/]\d{2}(?!\d))?(?:,?\s+[QH][1-4](?![a-z\d]))?"  # "Q3 FY2025", "fiscal 2026", "FY26 Q2"
    rf"|(?:the\s+)?{_ORDINAL_PART}\s+of\s+{_FISCAL}{_FY_YEAR}"  # "the second quarter of FY26"
    rf"|{_FISCAL}\s+(?:[QH][1-4](?![a-z\d])|{_ORDINAL_PART})(?:\s+(?:of\s+)?{_FY_YEAR})?"
    r")",  # "fiscal Q2 2026", "fiscal second quarter" (no year: not read)
    re.IGNORECASE,
)
"""A fiscal period ("Q3 FY2025", "fiscal 2026", "the second quarter of fiscal 2026", "fiscal
Q2"): read only with the actor's fiscal year, never as a calendar period."""

_PART_NUMBER: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_PART_NUMBER_SHORT: Final = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_FORM_YEAR: Final = re.compile(r"(?:fy|fiscal(?: year)?|\bof)\s?'?(\d{4}|\d{2})(?!\d)|\s(\d{4})$")
_FORM_CODE: Final = re.compile(r"\b([qh])([1-4])\b")
_FORM_WORDS: Final = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th) (quarter|half)\b")


def fiscal_form(phrase: str) -> str | None:
    """A fiscal phrase in the form `find_dates` reads ("Q2 FY2026"), or None without a year.

    >>> fiscal_form("the second quarter of fiscal 2026"), fiscal_form("fiscal Q2")
    ('Q2 FY2026', None)
    """
    if re.search(r"\d[-/]\d", phrase):
        return None  # "FY2025/26": a span of years, read whole by `find_dates` or not at all
    folded = " ".join(phrase.lower().replace("-", " ").split())
    year = _FORM_YEAR.search(folded)
    if year is None:
        return None
    number = year.group(1) or year.group(2)
    part = ""
    code = _FORM_CODE.search(folded)
    words = _FORM_WORDS.search(folded)
    if code is not None:
        part = f"{code.group(1).upper()}{code.group(2)} "
    elif words is not None:
        n = _PART_NUMBER.get(words.group(1)) or _PART_NUMBER_SHORT[words.group(1)]
        part = f"{'Q' if words.group(2) == 'quarter' else 'H'}{n} "
    return f"{part}FY{number}"


def fiscal_year_of(day: _dt.date, fiscal_start: int) -> int:
    """The fiscal year ``day`` falls in, named by the calendar year it ends in: one starting
    in October 2025 is FY2026.

    >>> fiscal_year_of(_dt.date(2027, 5, 12), 10), fiscal_year_of(_dt.date(2027, 11, 2), 10)
    (2027, 2028)
    """
    return day.year + 1 if fiscal_start > 1 and day.month >= fiscal_start else day.year


# A quarter or half said without a year: of a year in business news, of a game in sport.
_YEARLESS_PERIOD: Final = re.compile(
    r"(?:the\s+)?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-](?:quarter|half)",
    re.IGNORECASE,
)
_PLAY: Final = re.compile(
    r"\b(?:points?|scored|scores?|scoring|games?|match(?:es)?|overtime|half-?time|touchdowns?"
    r"|innings?|rebounds|assists|fumbled?|interceptions?|quarterback|penalty|penalties"
    r"|trailed|trailing|tied|buzzer|whistle|kick-?off|playoffs?|referee|yards|field\s+goal"
    r"|free\s+throws?|three-pointers?|hat-trick|goals?|teams?|coach|league|season|fans"
    r"|defen[cs]e|offen[cs]e|inning|striker|goalkeeper|pitcher|rallied|comeback|victory"
    r"|win|won|beat|lost|final\s+score)\b",
    re.IGNORECASE,
)
_BUSINESS: Final = re.compile(
    r"\b(?:revenue|revenues|sales|earnings|profits?|income|margins?|shipments|deliveries"
    r"|orders|fiscal|results|guidance|gdp|economy|economic|quarterly|shares|stock|investors"
    r"|analysts|forecasts?|outlook|demand|production|output|customers|growth|spending|prices"
    r"|inflation|billion|million|capex|launch|release|year)\b|[$€£¥]",
    re.IGNORECASE,
)


def game_periods(folded: str, spans: list[tuple[int, int]], dates: list[DateMatch]) -> set[int]:
    """Where a yearless quarter or half is a period of a game, not of a year.

    "the fourth quarter" (no year, not fiscal) is a quarter of the year in
    business news and of a game in sport. It is read as a game's when its
    sentence speaks of play ("points", "scored", "game", "overtime" ...) and not
    of business ("revenue", "sales", "earnings", a currency ...); in a text about
    play (three or more play words in all) a sentence without business words is
    read the same way. Returns the start offsets of such date phrases.

    >>> from timeline.dates import find_dates
    >>> t = "James scored 14 points in the fourth quarter."
    >>> sorted(game_periods(t, [(0, len(t))], find_dates(t, reference="2026-03-10")))
    [26]
    """
    periods = [
        d
        for d in dates
        if _YEARLESS_PERIOD.search(d.text)  # "the fourth quarter", "after the third quarter"
        and not re.search(r"\d|\byear\b|\bfiscal\b|\bFY", d.text, re.IGNORECASE)
    ]
    if not periods:
        return set()
    sporty = len({m.group().lower() for m in _PLAY.finditer(folded)}) >= 3
    found: set[int] = set()
    for start, end in spans:
        inside = [d for d in periods if start <= d.start and d.end <= end]
        if not inside:
            continue
        if _BUSINESS.search(folded, start, end):
            continue
        if sporty or _PLAY.search(folded, start, end):
            found.update(d.start for d in inside)
    return found


def day(point: _dt.date) -> _dt.date:
    if isinstance(point, _dt.datetime):
        return point.date()
    return _dt.date(point.year, point.month, point.day)


def after(when: When, anchor: When | None) -> bool:
    """Whether ``when`` lies wholly after the anchor (the publication)."""
    if anchor is None or when.earliest is None or anchor.latest is None:
        return False
    return day(when.earliest) > day(anchor.latest)


def before(when: When, anchor: When | None) -> bool:
    if anchor is None or when.latest is None or anchor.earliest is None:
        return False
    return day(when.latest) < day(anchor.earliest)


def runs_past(when: When, anchor: When | None) -> bool:
    if anchor is None or when.latest is None or anchor.latest is None:
        return False
    return day(when.latest) > day(anchor.latest)


def until(anchor: When, start: When | None) -> When | None:
    """From ``start`` (or an open start) to the anchor: a happened span cut at publication."""
    try:
        if start is None or start.earliest is None:
            return When.interval("open", anchor)
        # An interval (a fiscal year is one) starts with its lower end.
        first = start.lower if start.is_interval else start
        lower = first if isinstance(first, When) and first.relation is Relation.ON else None
        if lower is None:
            return When.interval("open", anchor)
        return When.interval(lower, anchor)
    except TimelineError:
        return None


def onwards(anchor: When) -> When:
    try:
        return When.interval(anchor, "open")
    except TimelineError:
        return anchor


class DateIndex:
    """The date phrases of a text in order, looked up by range.

    >>> from timeline.dates import find_dates
    >>> index = DateIndex(find_dates("In 2024 and in 2026.", reference=None))
    >>> [d.text for d in index.within(0, 8)], index.has(9, 20)
    (['2024'], True)
    """

    def __init__(self, dates: list[DateMatch]) -> None:
        self.dates = sorted(dates, key=lambda d: d.start)
        self.starts = [d.start for d in self.dates]

    def within(self, start: int, end: int) -> list[DateMatch]:
        """The dates wholly inside ``start..end``."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [d for d in self.dates[i:j] if d.end <= end]

    def has(self, start: int, end: int) -> bool:
        """Whether a date lies wholly inside ``start..end``."""
        return bool(self.within(start, end))


def main_cue(found: list[Cue]) -> Cue | None:
    """The cue that decides the direction: the first strong one, or what a report reports."""
    if not found:
        return None
    strong = [c for c in found if c.strong]
    first = strong[0] if strong else found[0]
    if first.look is Look.REPORT:
        # What is reported says which way the statement looks: "said it would launch"
        # (after the verb of speech), "will list Jio ..., the chairman told shareholders"
        # (before it).
        later = [c for c in found if c.start > first.start and c.look is not Look.REPORT]
        if later and later[0].look is Look.FORWARD:
            return later[0]
        earlier = [c for c in found if c.end <= first.start and c.look is not Look.REPORT]
        if earlier and earlier[0].look in (Look.FORWARD, Look.BACK):
            return earlier[0]
        if later and later[0].look is Look.BACK:
            return later[0]  # "said revenue rose in the second quarter": it looks back
        if not later and not earlier and first.text.lower() == "reported":
            # "reported revenue of $5 billion", "reported a loss": figures reported, an
            # event of the past like "posted"
            return attrs.evolve(first, look=Look.BACK)
    return first


def marker_before(folded: str, date: DateMatch, dates: list[DateMatch], start: int) -> str:
    """The last "from" or "to" between the date before ``date`` (or ``start``) and it.

    >>> from timeline.dates import find_dates
    >>> t = "delayed to 2030 from 2025"
    >>> found = find_dates(t, reference=None)
    >>> [marker_before(t, d, found, 0) for d in found]
    ['to', 'from']
    """
    begin = max([d.end for d in dates if d.end <= date.start], default=start)
    found = [m.group(1).lower() for m in _MARKER.finditer(folded, begin, date.start)]
    return found[-1] if found else ""


# The tail of a comparison, up to a date: "up from $40.9 billion (last year)", "compared
# with $2 billion (in 2024)", "down from 1,500 (in 2023)", "versus 3% (a year earlier)".
_COMPARED: Final = re.compile(
    r"(?:\b(?:up|down|rising|falling|higher|lower|ris(?:e|es|en)|rose|gr[eo]w(?:s|n)?|growing"
    r"|(?:in|de)creas(?:e|es|ed|ing)|climb(?:s|ed|ing)?|f[ae]ll(?:s|en|ing)?|drop(?:s|ped|ping)?"
    r"|declin(?:e|es|ed|ing))\s+(?:[^\s,;]+\s+){0,2}?from"
    r"|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bas\s+against"
    r")\s+"
    r"(?:[^,;]|(?<=\d),(?=\d)){0,50}$",
    re.IGNORECASE,
)


# Right before a date, a multiple of it: "double last year's total", "twice 2024's".
_TIMES_OF: Final = re.compile(r"\b(?:double|twice|triple|treble)\s+(?:that\s+of\s+)?$", re.I)
# ... and the date is a figure's: "twice 2024's", "double that of 2024", never "flew
# twice this week" (how often, in that week).
_OWNED: Final = re.compile(r"['\u2019]s?\b|\s+(?:levels?|totals?|figures?)\b", re.I)
# A date owning a figure: "last year's $88 billion", "2024's 5 million units", "last
# year's record": the figure's date, whatever verb compares it.
_OWNS_FIGURE: Final = re.compile(
    r"['\u2019]s?\s+(?:[$€£¥₹]|\d|(?:record|total|level|figure|high|low|peak|result|tally)s?\b)",
    re.I,
)


def compared(folded: str, dates: list[DateMatch], start: int) -> list[DateMatch]:
    """The dates of a statement that belong to a figure it is compared with.

    >>> from timeline.dates import find_dates
    >>> t = "Revenue rose to $5 billion, up from $4 billion in 2024."
    >>> [d.text for d in compared(t, find_dates(t, reference=None), 0)]
    ['2024']
    """
    found = []
    for d in dates:
        begin = max([e.end for e in dates if e.end <= d.start], default=start)
        times = _TIMES_OF.search(folded, begin, d.start)
        owned = times is not None and (
            "that" in times.group().lower() or _OWNED.match(folded, d.end) is not None
        )
        m = _COMPARED.search(folded, begin, d.start)
        if m is not None and _FROM_DAY.search(folded, m.start(), d.start) and _daily(d.when):
            m = None  # "would fall by 7% from 1 April": the day the change starts
        if m is not None or owned or _OWNS_FIGURE.match(folded, d.end):
            found.append(d)
    return found


# A day right after "from" ("fall by 7% from 1 April"): when a change starts, not a
# compared figure's date.
_FROM_DAY: Final = re.compile(r"\bfrom\s+(?:on\s+)?$", re.IGNORECASE)


def _daily(when: When) -> bool:
    """Whether ``when`` is a day or finer (one day, or a time)."""
    return when.precision in _DAILY


_DAILY: Final = frozenset({Precision.DAY, Precision.MINUTE, Precision.SECOND})


def compared_tails(folded: str, dates: list[DateMatch], start: int) -> list[tuple[int, int]]:
    """Where a statement compares with a figure, through that figure's date: cues there
    are the figure's ("down from the $40 billion they had announced in 2024").

    >>> from timeline.dates import find_dates
    >>> t = "Acme will spend $5 billion by 2029, down from $8 billion it announced in 2024."
    >>> [t[a:b] for a, b in compared_tails(t, find_dates(t, reference=None), 0)]
    ['down from $8 billion it announced in 2024']
    """
    spans = []
    for d in dates:
        begin = max([e.end for e in dates if e.end <= d.start], default=start)
        m = _COMPARED.search(folded, begin, d.start)
        if m is not None:
            spans.append((m.start(), d.end))
    return spans


# The verb of a clause on the past and the words to its date ("opened in", "had bought
# it back in").
_PAST_PARTS: Final = (
    r"(?:had\s+)?(?:first\s+|originally\s+|already\s+)?"
    # not a date planned for it ("the plant that was scheduled to open in 2026"): a
    # promise given up, which the slip rules read
    r"(?!(?:scheduled|planned|promised|expected|slated|targeted|intended|meant"
    r"|set(?!\s+up|\s+(?:in|on|back\s+in)\s)|due|supposed"
    r"|pencil+ed|forecast|projected|estimated|aimed|announced\s+for)\b)"
    # "the 2025 target it set in 2021": when the target was set
    r"(?:bought|sold|won|made|took|built|began|got|paid|held|set\s+up|set|gave|[a-z]{3,}ed)"
    r"(?:\s+[a-z]+){0,2}?\s+(?:in|on|during|back\s+in)\s+$"
)
# A clause on the past describing a thing, ending in its date: "the plant it opened in",
# "the store that it bought in", "its plant, which opened in" (the thing's article or
# possessive first, so "said it opened the plant in" stays the statement's own past).
_RELATIVE_PAST: Final = re.compile(
    r"\b(?:the|its|their|his|her|our|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*,?\s+"
    r"(?:(?:that|which)\s+(?:(?:it|they|he|she|we)\s+)?(?:was\s+|were\s+)?"
    r"|(?:it|they|he|she|we)\s+)" + _PAST_PARTS,
    re.IGNORECASE,
)


_RELATIVE_AFTER_DATE: Final = re.compile(
    r"\s*(?:[a-z][\w-]*\s+){0,1}?[a-z][\w-]*,?\s+"
    r"(?:(?:that|which)\s+(?:(?:it|they|he|she|we)\s+)?(?:was\s+|were\s+)?"
    r"|(?:it|they|he|she|we)\s+)" + _PAST_PARTS,
    re.IGNORECASE,
)


def relative_past(folded: str, dates: list[DateMatch], start: int) -> list[tuple[int, int]]:
    """Where a statement's thing is described by a clause on its past ending in a date
    ("will expand the plant it opened in 2020 by 2029"): from the clause's verb to the
    date. Its verb and date are the thing's, not the statement's; only when the statement
    has another date.

    >>> from timeline.dates import find_dates
    >>> t = "Acme will expand the plant it opened in 2020 by 2029."
    >>> [t[a:b] for a, b in relative_past(t, find_dates(t, reference=None), 0)]
    ['it opened in 2020']
    """
    spans = []
    for i, d in enumerate(dates if len(dates) > 1 else []):
        begin = max([e.end for e in dates[:i]], default=start)
        m = _RELATIVE_PAST.search(folded, begin, d.start)
        if m is None and i > 0:
            # "missed the 2025 target it set in 2021": the thing's noun right after a date
            m = _RELATIVE_AFTER_DATE.match(folded, begin, d.start)
        if m is not None:
            clause = re.search(
                r"\b(?:that|which|it|they|he|she|we)\s", folded[m.start() : d.start], re.I
            )
            at = m.start() + (clause.start() if clause is not None else 0)
            spans.append((at, d.end))
    return spans


# Right before a date, "since": where a stretch up to now starts ("delayed twice since 2024").
_SINCE: Final = re.compile(r"\b(?:ever\s+)?since\s+$", re.IGNORECASE)


def without_since(folded: str, dates: list[DateMatch], start: int) -> list[DateMatch]:
    """A statement's dates without those after "since", when others remain: "will pick the
    winner in the spring, having pushed the decision back twice since 2024" is in the
    spring; 2024 starts the stretch of delays up to now, it is neither when the thing will
    be nor a date it moved from or to.

    >>> from timeline.dates import find_dates
    >>> t = "Acme will open it in 2028, having delayed it twice since 2024."
    >>> [d.text for d in without_since(t, find_dates(t, reference=None), 0)]
    ['2028']
    """
    kept = [d for d in dates if not _SINCE.search(folded, max(start, d.start - 12), d.start)]
    return kept if kept else dates  # "has doubled since 2019": from 2019 to publication


def pick_date(
    dates: list[DateMatch], cue: Cue | None, folded: str, start: int, end: int
) -> DateMatch | None:
    if not dates:
        return None
    if len(dates) == 1:
        return dates[0]
    if (cue is not None and cue.slip) or _CHANGE.search(folded, start, end):
        # "rose from X at A to Y by B", "is to rise to Y by B, from X in A", "delayed
        # to May from April": the change ends at B (May), the last date whose nearest
        # "from"/"to" before it is "to" ("from renewable sources is to rise to 60% by
        # 2030" names no start date); "pushed back to A, then to B": the latest move, B.
        ends = [d for d in dates if marker_before(folded, d, dates, start) == "to"]
        return ends[-1] if ends else dates[-1]
    if cue is not None:
        after = [d for d in dates if d.start >= cue.end]
        if after:
            return after[0]
        return [d for d in dates if d.end <= cue.start][-1]
    return dates[-1]
