"""Reading the English date phrases journalists write into `When` values.

The text is lower-cased with dashes unified, then read in three layers:

1. **Words around a date**, peeled from both ends: relations ("by", "by the
   end of", "before", "after", "not before", "or later"), qualifiers
   ("circa", "c.", "about", "around", "maybe", a trailing ``?``) and fillers
   ("in", "on", "during", "at").
2. **One date**, matched whole by one of a table of compiled patterns
   ("15 April 2026", "April 15, 2026", "Q2 2026", "H1 2026", "early 2024",
   "mid-April 2026", "spring 2026", "the 2020s", "next quarter" ...). A
   pattern that matches but names an impossible value ("Q5 2026") is a
   definite error; no other reading is tried.
3. **Intervals**: when no single date matches, the text is split at "to",
   "through", "until", a dash or a slash ("between A and B", "from A to
   B"), and each end read as a date. An end without a year takes the
   other end's ("April to June 2026").

Dates without a year ("April", "Q2", "15 April", "mid-April") and relative
words ("next month", "this year", "later this year") need the reference date
— the day the source said it. Without one they raise; with one, a bare name
resolves to the occurrence containing the reference, else the one in the
reference's year (``prefer="current"``), or the next (``"future"``) or
previous (``"past"``) occurrence. "next April" is the first April starting
after the reference, "last April" the last one ending before it.

Readings fixed here, documented rather than guessed: "start of 2030" /
"early 2030" is the first third (January to April), "end of 2030" / "late
2030" the last (September to December), "mid-2030" the middle; "start of /
mid- / end of April" are the dekads 1-10, 11-20, 21-end. "by the end of X" is
a deadline on X; "by the start of X" is "before X". "the 1900s" is a decade
(write "the 20th century" for the century). "winter 2026" alone is ambiguous
and raises; write "winter 2026/27".
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Literal

from timeline._parse_edtf import MONTH_NAMES, Fail, edtf_value, make_interval, step
from timeline._precision import Relation
from timeline._when import When, WhenError

__all__ = ["Context", "Yearless", "fold", "normalise", "parse_phrase"]

Prefer = Literal["current", "future", "past"]


class Context:
    """What a phrase is read against: the reference day and the preference."""

    __slots__ = ("prefer", "reference")

    def __init__(self, reference: _dt.date | None, prefer: Prefer) -> None:
        self.reference = reference
        self.prefer = prefer

    def need(self, what: str) -> _dt.date:
        """The reference day, or a definite failure naming the relative phrase."""
        if self.reference is None:
            raise Fail(
                f"{what} is relative; pass reference= (the date the source said it) "
                "or write the year"
            )
        return self.reference


class Yearless:
    """A date named without its year ("April", "Q2"): ``build(year)`` gives the value."""

    __slots__ = ("build", "label")

    def __init__(self, build: Callable[[int], When], label: str) -> None:
        self.build = build
        self.label = label


Value = When | Yearless

_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
_DASHES.update(str.maketrans({"\u2019": "'", "\u2018": "'"}))


def fold(text: str) -> str:
    """Lower-case with dashes and apostrophes unified; one character for one."""
    return text.translate(_DASHES).lower()


def normalise(text: str) -> str:
    """Lower-case, unify dashes and apostrophes, and spell out a few compact idioms."""
    s = fold(text)
    if "year" in s:
        s = _YEAR_END.sub(lambda m: f"end of {m[1] or 'this year'}", s)
        s = _MID_YEAR.sub("mid this year", s)
        s = _OF_THE.sub(r"of this \1", s)
    elif "of the " in s:
        s = _OF_THE.sub(r"of this \1", s)
    if "end-" in s or "start-" in s:
        s = _END_DASH.sub(r"\1 of \2", s)
    return s


_YEAR_END = re.compile(r"\byear[- ]end(?:,? (?:of )?(\d{4}))?\b")
_MID_YEAR = re.compile(r"\bmid-? ?year\b")
_OF_THE = re.compile(r"\bof the (year|month|quarter|week|decade|century)\b")
_END_DASH = re.compile(r"\b(end|start)-(\d{4})\b")

# -- words around a date -----------------------------------------------------------------------

_PREFIX = re.compile(
    r"""
    (?:
        (?P<rel>by\ the\ end\ of|by\ end\ of|by\ the\ close\ of|by\ the\ start\ of
            |by\ the\ beginning\ of|no\ later\ than|not\ later\ than|not\ after
            |no\ earlier\ than|not\ before|prior\ to|by|before|after)
      | (?P<approx>circa|c\.|c|ca\.|ca|about|around|approximately|approx\.?|roughly
            |some\ ?time\ around)
      | (?P<unc>maybe|possibly|perhaps|probably)
      | (?P<filler>in|on|during|at|some\ ?time\ in|some\ ?time\ during)
    )\s+
    | (?P<tilde>~)\s*
    """,
    re.VERBOSE,
)
_RELATIONS = {
    "by": "by",
    "by the end of": "by",
    "by end of": "by",
    "by the close of": "by",
    "no later than": "by",
    "not later than": "by",
    "not after": "by",
    "by the start of": "before",
    "by the beginning of": "before",
    "before": "before",
    "prior to": "before",
    "after": "after",
    "not before": "from",
    "no earlier than": "from",
}
_SUFFIX = re.compile(
    r"""\s*(?:
        (?P<mark>[?~%])|\((?P<pmark>\?)\)
      | (?P<later>or\ later|or\ after|at\ the\ earliest)
      | (?P<earlier>or\ earlier|or\ before|at\ the\ latest)
      | (?P<orso>or\ so)
    )$""",
    re.VERBOSE,
)


_SUFFIX_ENDS = (
    "?",
    "~",
    "%",
    ")",
    "later",
    "after",
    "earliest",
    "earlier",
    "before",
    "latest",
    "so",
)


class Words:
    """The qualifiers and relation peeled off a phrase, and the date left in the middle."""

    __slots__ = ("approximate", "core", "relation", "uncertain")

    def __init__(self, text: str) -> None:
        self.approximate = self.uncertain = False
        self.relation: str | None = None
        s = text
        while (m := _PREFIX.match(s)) is not None:
            if m["rel"] is not None:
                self._relate(_RELATIONS[m["rel"]])
            elif m["approx"] is not None or m["tilde"] is not None:
                self.approximate = True
            elif m["unc"] is not None:
                self.uncertain = True
            s = s[m.end() :]
        while s.endswith(_SUFFIX_ENDS) and (m := _SUFFIX.search(s)) is not None and m.start():
            mark = m["mark"] or m["pmark"]
            if mark is not None:
                self.approximate |= mark in "~%"
                self.uncertain |= mark in "?%"
            elif m["later"] is not None:
                self._relate("from")
            elif m["earlier"] is not None:
                self._relate("by")
            else:
                self.approximate = True
            s = s[: m.start()]
        self.core = s.strip()

    def _relate(self, relation: str) -> None:
        if self.relation is not None:
            raise Fail("more than one of by/before/after", definite=False)
        self.relation = relation

    def apply(self, w: When) -> When:
        """``w`` with these qualifiers and this relation."""
        if self.approximate or self.uncertain:
            w = w.qualify(
                approximate=w.approximate or self.approximate,
                uncertain=w.uncertain or self.uncertain,
            )
        if self.relation is None:
            return w
        if w.relation is not Relation.ON:
            raise Fail("more than one of by/before/after")
        if w.is_interval:
            raise Fail("by/before/after apply to a single date, not to an interval")
        if self.relation == "by":
            return w.by()
        if self.relation == "before":
            return w.before()
        if self.relation == "after":
            return w.after()
        return step(w, -1).after()  # on or after X = after the unit before X


# -- one date ----------------------------------------------------------------------------------

_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YR = r"(?P<y>\d{4}|(?:this|next|last) year)"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?P<wd>mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,? )?"
_REL = r"(?P<rel>this|next|last)"
_MONTHS = {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINALS.update({"fourth": 4, "4th": 4})
_SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_STEP = {"this": 0, "next": 1, "last": -1}


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _year(token: str, ctx: Context) -> int:
    if token[0].isdigit():
        return int(token)
    return ctx.need(repr(token)).year + _STEP[token.split()[0]]


def _month_value(m: re.Match[str], ctx: Context, build: Callable[[int, int], When]) -> Value:
    """A month-based value (month, dekad, day ...) whose year may be missing."""
    month = _MONTHS[m["mon"][:3]]
    if m["y"] is None:
        return Yearless(lambda y: build(y, month), MONTH_NAMES[month - 1])
    return build(_year(m["y"], ctx), month)


def _day_value(m: re.Match[str], ctx: Context) -> Value:
    day = int(m["d"])
    wd = m.groupdict().get("wd")

    def build(y: int, month: int) -> When:
        w = When.day(y, month, day)
        if wd is not None and w.start is not None and w.start.weekday() != _WEEKDAYS[wd[:3]]:
            actual = w.start.strftime("%A")
            raise Fail(f"{day} {MONTH_NAMES[month - 1]} {y} is a {actual}")
        return w

    if not 1 <= day <= 31:
        raise Fail(f"day {day} is out of range 1-31")
    return _month_value(m, ctx, build)


def _quarter_or_half(kind: str) -> Callable[[re.Match[str], Context], Value]:
    build = When.quarter if kind == "q" else When.half

    def handler(m: re.Match[str], ctx: Context) -> Value:
        n = int(m["n"]) if m["n"] else _ORDINALS[m["o"]]
        if m["y"] is None:
            return Yearless(lambda y: build(y, n), f"{kind.upper()}{n}")
        return build(_year(m["y"], ctx), n)

    return handler


def _season(m: re.Match[str], ctx: Context) -> Value:
    code = _SEASON_CODES[m["s"]]
    if m["y"] is None:
        return Yearless(lambda y: When.season(y, code), m["s"])
    return When.season(_year(m["y"], ctx), code)


def _winter(m: re.Match[str], ctx: Context) -> Value:
    if m["y"] is None:
        return Yearless(lambda y: When.season(y, 24), "winter")
    y = int(m["y"])
    if m["y2"] is None:
        raise Fail(
            f"'winter {y}' is ambiguous: write 'winter {y - 1}/{y % 100:02d}' "
            f"(December {y - 1} to February {y}) or 'winter {y}/{(y + 1) % 100:02d}' "
            f"(December {y} to February {y + 1})"
        )
    y2 = int(m["y2"])
    if y2 != (y + 1 if len(m["y2"]) == 4 else (y + 1) % 100):
        raise Fail(f"a winter spans two consecutive years, not {m['y']} and {m['y2']}")
    return When.season(y, 24)


def _relative_unit(m: re.Match[str], ctx: Context) -> Value:
    return _unit(m["unit"], _STEP[m["rel"]], ctx.need(repr(m[0])))


def _unit(unit: str, k: int, ref: _dt.date) -> When:
    """The calendar unit containing ``ref``, moved ``k`` units."""
    if unit == "year":
        return When.year(ref.year + k)
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + k
        return When.month(index // 12, index % 12 + 1)
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + k
        return When.quarter(index // 4, index % 4 + 1)
    if unit == "week":
        iso = (ref + _dt.timedelta(weeks=k)).isocalendar()
        return When.week(iso[0], iso[1])
    if unit == "decade":
        return When.decade(ref.year // 10 * 10 + 10 * k)
    return When.century(ref.year // 100 * 100 + 100 * k)


def _relative_named(m: re.Match[str], ctx: Context) -> Value:
    """ "this April", "next spring", "last winter": the occurrence around the reference."""
    if m["mon"] is not None:
        month = _MONTHS[m["mon"][:3]]
        value = Yearless(lambda y: When.month(y, month), MONTH_NAMES[month - 1])
    else:
        code = _SEASON_CODES[m["s"]]
        value = Yearless(lambda y: When.season(y, code), m["s"])
    ref = ctx.need(repr(m[0]))
    mode = {"this": "current", "next": "next", "last": "last"}[m["rel"]]
    return pick(value, ref, mode)


def _day_word(m: re.Match[str], ctx: Context) -> Value:
    ref = ctx.need(repr(m[0]))
    d = ref + _dt.timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[m[0]])
    return When.day(d.year, d.month, d.day)


def _rest_of(m: re.Match[str], ctx: Context) -> Value:
    """ "later this year" (the day after the reference to the unit's end), "earlier this month"."""
    ref = ctx.need(repr(m[0]))
    unit = _unit(m["unit"], 0, ref)
    assert isinstance(unit.start, _dt.date) and isinstance(unit.end, _dt.date)
    first: _dt.date = unit.start
    last: _dt.date = unit.end
    if m["dir"] == "later":
        first = ref + _dt.timedelta(days=1)
    else:
        last = ref - _dt.timedelta(days=1)
    if first > last:
        raise Fail(f"nothing of that {m['unit']} is {m['dir']} than the reference date")
    lower = When.day(first.year, first.month, first.day)
    return When.interval(lower, When.day(last.year, last.month, last.day))


def _decade(m: re.Match[str], ctx: Context) -> Value:
    return When.decade(int(m["d"]))


def _century(m: re.Match[str], ctx: Context) -> Value:
    n = int(m["n"])
    right = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    if m["sfx"] != right:
        raise Fail(f"the {n}{m['sfx']} century: the ordinal is {n}{right}")
    return When.century((n - 1) * 100)


def _week(m: re.Match[str], ctx: Context) -> Value:
    n = int(m["w"])
    if m["y"] is None:
        return Yearless(lambda y: When.week(y, n), f"week {n}")
    return When.week(_year(m["y"], ctx), n)


def _week_of(m: re.Match[str], ctx: Context) -> Value:
    day = core_value(m["rest"], ctx)

    def week(w: When) -> When:
        if w.precision.value != "day" or w.start is None:
            raise Fail("'the week of' needs a day, such as 'the week of 6 April 2026'")
        iso = w.start.isocalendar()
        return When.week(iso[0], iso[1])

    if isinstance(day, Yearless):
        inner = day.build
        return Yearless(lambda y: week(inner(y)), f"the week of {day.label}")
    return week(day)


def _modified(m: re.Match[str], ctx: Context) -> Value:
    """ "early/mid/late" or "the start/middle/end of" a month (dekads) or a year (thirds)."""
    word = m["a"] or m["b"]
    n = {"early": 1, "start": 1, "beginning": 1, "mid": 2, "middle": 2}.get(word.split()[0], 3)
    rest = m["rest"]
    month = _MY.fullmatch(rest)
    if month is not None:
        return _month_value(month, ctx, lambda y, mo: When.dekad(y, mo, n))
    rel = _RELATIVE_UNIT.fullmatch(rest)
    if rel is not None and rel["unit"] in ("month", "year"):
        unit = _unit(rel["unit"], _STEP[rel["rel"]], ctx.need(repr(rest)))
        assert unit.start is not None
        s = unit.start
        return When.dekad(s.year, s.month, n) if rel["unit"] == "month" else When.third(s.year, n)
    if re.fullmatch(r"\d{4}", rest):
        return When.third(int(rest), n)
    try:
        other = core_value(rest, ctx)
    except Fail:
        raise Fail(f"{word!r} applies to a month or a year", definite=False) from None
    kind = other.label if isinstance(other, Yearless) else other.precision.value
    raise Fail(f"'{word}' applies to a month or a year, not to a {kind}")


_MY = _c(_MON + r"(?:,? (?:of )?" + _YR + r")?")
_RELATIVE_UNIT = _c(_REL + r" (?P<unit>year|month|quarter|week|decade|century)")

Handler = Callable[[re.Match[str], Context], Value]

_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (_MY, lambda m, ctx: _month_value(m, ctx, When.month)),
    (_c(_WEEKDAY + r"(?:the )?" + _DAY + r" (?:of )?" + _MON + r"(?:,? " + _YR + ")?"), _day_value),
    (_c(_WEEKDAY + _MON + r" (?:the )?" + _DAY + r"(?:,? " + _YR + r")?"), _day_value),
    (_c(r"(?P<y>\d{4}),? " + _MON + r" " + _DAY), _day_value),
    (_c(r"(?P<y>\d{4}),? " + _MON), lambda m, ctx: _month_value(m, ctx, When.month)),
    (_c(r"q(?P<n>\d+)(?:(?:,? |-|/| of )" + _YR + r")?(?P<o>)"), _quarter_or_half("q")),
    (_c(r"(?P<y>\d{4})[ -]?q(?P<n>\d+)(?P<o>)"), _quarter_or_half("q")),
    (_c(r"(?P<n>\d)q (?P<y>\d{4})(?P<o>)"), _quarter_or_half("q")),
    (
        _c(
            r"(?:the )?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th) quarter"
            r"(?:,? (?:of )?" + _YR + r")?(?P<n>)"
        ),
        _quarter_or_half("q"),
    ),
    (_c(r"h(?P<n>\d+)(?:(?:,? |-|/| of )" + _YR + r")?(?P<o>)"), _quarter_or_half("h")),
    (_c(r"(?P<y>\d{4})[ -]?h(?P<n>\d+)(?P<o>)"), _quarter_or_half("h")),
    (_c(r"(?P<n>\d)h (?P<y>\d{4})(?P<o>)"), _quarter_or_half("h")),
    (
        _c(r"(?:the )?(?P<o>first|second|1st|2nd) half(?:,? (?:of )?" + _YR + r")?(?P<n>)"),
        _quarter_or_half("h"),
    ),
    (
        _c(
            r"(?:the )?(?:(?P<a>early|late|mid|middle of|start of|beginning of|end of)\s+"
            r"|(?P<b>mid|end|start|early|late)-)(?:the )?(?P<rest>.+)"
        ),
        _modified,
    ),
    (_c(r"(?P<s>spring|summer|autumn|fall)(?:,? (?:of )?" + _YR + r")?"), _season),
    (_c(r"winter(?:,? (?:of )?(?P<y>\d{4})(?: ?[-/] ?(?P<y2>\d{4}|\d{2}))?)?"), _winter),
    (_RELATIVE_UNIT, _relative_unit),
    (_c(_REL + r" (?:" + _MON + r"|(?P<s>spring|summer|autumn|fall|winter))"), _relative_named),
    (_c(r"(?:the )?year (?P<y>\d{4})"), lambda m, ctx: When.year(int(m["y"]))),
    (_c(r"(?:the )?(?P<d>\d{3}0)'?s"), _decade),
    (_c(r"(?:the )?(?P<n>\d{1,2})(?P<sfx>st|nd|rd|th) century"), _century),
    (_c(r"(?:the )?week (?:of|beginning|starting) (?P<rest>.+)"), _week_of),
    (_c(r"(?:week|wk\.?|w) ?(?P<w>\d{1,2})(?:,? (?:of )?" + _YR + r")?"), _week),
    (_c(r"today|tomorrow|yesterday"), _day_word),
    (_c(r"(?P<dir>later|earlier) (?:this|in the) (?P<unit>year|month|quarter|week)"), _rest_of),
]


def core_value(core: str, ctx: Context) -> Value:
    """The one date ``core`` names (a `Yearless` when its year is left to context)."""
    w = edtf_value(core)
    if w is not None:
        return w
    for pattern, handler in _PATTERNS:
        m = pattern.fullmatch(core)
        if m is not None:
            try:
                return handler(m, ctx)
            except WhenError as e:
                raise Fail(_model_reason(e)) from None
    raise Fail("not a date form timeline reads", definite=False)


def _model_reason(e: WhenError) -> str:
    message = str(e)
    return message.split(": ", 1)[1] if message.startswith("When.") else message


# -- resolving a missing year ------------------------------------------------------------------


def resolve(value: Value, ctx: Context) -> When:
    """A `When` for ``value``, its year chosen by the reference and the preference."""
    if isinstance(value, When):
        return value
    ref = ctx.need(f"{value.label!r} without a year")
    return pick(value, ref, ctx.prefer)


def _build(value: Yearless, year: int) -> When:
    try:
        return value.build(year)
    except WhenError as e:
        raise Fail(f"{value.label} {year}: {_model_reason(e)}") from None


def pick(value: Yearless, ref: _dt.date, mode: str) -> When:
    """The occurrence of ``value`` the mode asks for, relative to ``ref``.

    ``current``: the one containing ``ref``, else the one in ``ref``'s year;
    ``future``/``past``: the first ending on or after / last starting on or
    before ``ref``; ``next``/``last``: the first starting after / last ending
    before ``ref``.
    """
    span = 1 if mode != "current" else 0
    for width in (span, 8):  # 29 February recurs only every four (or eight) years
        found: list[When] = []
        for y in range(ref.year - width - 1, ref.year + width + 2):
            try:
                found.append(value.build(y))
            except WhenError:
                continue
        chosen = _choose(found, ref, mode)
        if chosen is not None:
            return chosen
        if mode == "current":
            break
    return _build(value, ref.year)


def _choose(found: list[When], ref: _dt.date, mode: str) -> When | None:
    def lo(w: When) -> _dt.date:
        assert isinstance(w.start, _dt.date)
        return w.start

    def hi(w: When) -> _dt.date:
        assert isinstance(w.end, _dt.date)
        return w.end

    if mode == "current":
        inside = [w for w in found if lo(w) <= ref <= hi(w)]
        if inside:
            return inside[0]
        same = [w for w in found if lo(w).year == ref.year]
        return same[0] if same else None
    if mode == "future":
        return next((w for w in found if hi(w) >= ref), None)
    if mode == "past":
        return next((w for w in reversed(found) if lo(w) <= ref), None)
    if mode == "next":
        return next((w for w in found if lo(w) > ref), None)
    return next((w for w in reversed(found) if hi(w) < ref), None)


# -- whole phrases and intervals ---------------------------------------------------------------


def parse_phrase(text: str, ctx: Context) -> When:
    """Read an English phrase (already whitespace-collapsed) into a `When`."""
    s = normalise(text)
    try:
        words = Words(s)
        if not words.core:
            raise Fail("there is no date in it", definite=False)
        return words.apply(resolve(core_value(words.core, ctx), ctx))
    except Fail as f:
        if f.definite:
            raise
        first = f
    w = _interval_phrase(s, ctx)
    if w is None:
        raise first
    return w


_SEP_WORD = re.compile(r"\s+(?:to|through|thru|until|till)\s+")
_SEP_AND = re.compile(r"\s+and\s+")
_SEP_DASH = re.compile(r"\s*-\s*")
_SEP_SLASH = re.compile(r"\s*/\s*")
_OPEN_ENDS = {"..": "open", "open": "open", "unknown": "unknown"}


def _interval_phrase(s: str, ctx: Context) -> When | None:
    if s.startswith("between "):
        body, separators = s[8:], [_SEP_AND]
    else:
        body = s[5:] if s.startswith("from ") else s
        separators = [_SEP_WORD, _SEP_DASH, _SEP_SLASH]
    definite: Fail | None = None
    for sep in separators:
        for m in sep.finditer(body):
            left, right = body[: m.start()], body[m.end() :]
            if not left or not right:
                continue
            try:
                return _interval_of(left, right, ctx)
            except Fail as f:
                if f.definite and definite is None:
                    definite = f
    if definite is not None:
        raise definite
    return None


def _interval_of(left: str, right: str, ctx: Context) -> When:
    lo, hi = _side(left, ctx), _side(right, ctx)
    lower: When | str
    upper: When | str
    if isinstance(lo, Yearless) and isinstance(hi, Yearless):
        upper = resolve(hi, ctx)
        lower = _build(lo, _year_of(upper))
    elif isinstance(lo, Yearless):
        assert not isinstance(hi, Yearless)
        lower = _build(lo, _year_of(hi)) if isinstance(hi, When) else resolve(lo, ctx)
        upper = hi
    elif isinstance(hi, Yearless):
        lower = lo
        upper = _build(hi, _year_of(lo)) if isinstance(lo, When) else resolve(hi, ctx)
    else:
        lower, upper = lo, hi
    try:
        return make_interval(lower, upper, left, right, _label)
    except Fail as f:
        f.suggestion = _shifted(lo, hi, lower, upper) or _swapped(lower, upper)
        raise


def _shifted(lo: object, hi: object, lower: object, upper: object) -> str | None:
    """For "December to February 2027": the reading with the other year, to suggest."""
    from timeline._format import to_text

    try:
        if isinstance(lo, Yearless) and isinstance(upper, When):
            return f"{to_text(lo.build(_year_of(upper) - 1))} to {to_text(upper)}"
        if isinstance(hi, Yearless) and isinstance(lower, When):
            return f"{to_text(lower)} to {to_text(hi.build(_year_of(lower) + 1))}"
    except (WhenError, Fail):
        return None
    return None


def _swapped(lower: When | str, upper: When | str) -> str | None:
    if isinstance(lower, When) and isinstance(upper, When):
        return f"{_label(upper, '')} to {_label(lower, '')}"
    return None


def _label(end: When | str, text: str) -> str:
    from timeline._format import to_text

    return to_text(end) if isinstance(end, When) else text


def _year_of(w: When) -> int:
    point = w.start or w.end
    assert point is not None
    return point.year


def _side(text: str, ctx: Context) -> When | Yearless | str:
    text = text.strip()
    if text in _OPEN_ENDS:
        return _OPEN_ENDS[text]
    words = Words(text)
    value = core_value(words.core, ctx)
    if words.relation is not None:
        raise Fail("an interval's ends are plain dates, without by/before/after")
    if isinstance(value, Yearless):
        inner = value.build
        return Yearless(lambda y: words.apply(inner(y)), value.label)
    return words.apply(value)
