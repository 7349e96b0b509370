"""Reading the English date phrases journalists write into `When` values.

The text is lower-cased with dashes unified, then read in three layers:

1. **Words around a date**, peeled from both ends (`timeline.dates._parse_words`):
   relations ("by", "by the end of", "before", "after", "not before", "or
   later"), qualifiers ("circa", "c.", "about", "around", "maybe", a trailing
   ``?``) and fillers ("in", "on", "during", "at").
2. **One date**, matched whole by one of a table of compiled patterns in
   `timeline.dates._parse_dates` ("15 April 2026", "April 15, 2026", "Q2 2026",
   "H1 2026", "early 2024", "mid-April 2026", "spring 2026", "the 2020s",
   "next quarter" ...). A pattern that matches but names an impossible value
   ("Q5 2026") is a definite error; no other reading is tried. Alternatives
   ("Q3 or Q4 2025") are a one-of set of such dates; a qualifier said of them
   ("c. Q3 or Q4 2025") applies to each (`_alternatives`).
3. **Intervals**: when no single date matches, the text is split at "to",
   "through", "until", a dash or a slash ("between A and B", "from A to
   B"), and each end read as a date. An end without a year takes the
   other end's ("April to June 2026"). One open end is said in words:
   "until X" or "through X" (open start), "from X onwards" / "X onwards" / "from X on"
   (open end); an unknown end is "unknown start" / "unknown end" (or the
   older "unknown"), and ".." still reads as an open end.

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
mid- / end of April" are the dekads 1-10, 11-20, 21-end. "by the end of X"
and "before the end of X" are a deadline on X; "by the start of X" is "before
X"; "after the start of X" is "not before X". "the 1900s" is the century
1900-1999 as English readers mean it, "late 1800s" its last third (1870-1899), for
every "X00s" but "the 2000s", the decade 2000-2009 (`names_century`); the
decade 1900-1909 is "the decade 1900-1909". "winter 2026" alone is ambiguous
and raises; write "winter 2026/27".
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re

from timeline._errors import quoted
from timeline.dates._parse_ahead import IN_TIME, from_now
from timeline.dates._parse_dates import Context, Yearless, build_in, core_value, resolve
from timeline.dates._parse_edtf import Fail, make_interval
from timeline.dates._parse_words import Words
from timeline.dates._precision import Precision, Relation
from timeline.dates._when import When, WhenError

__all__ = ["fold", "normalise", "parse_phrase"]


_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
_DASHES.update(str.maketrans({"\u2019": "'", "\u2018": "'"}))


def fold(text: str) -> str:
    """Lower-case with dashes and apostrophes unified; one character for one."""
    return text.translate(_DASHES).lower()


def normalise(text: str) -> str:
    """Lower-case, unify dashes and apostrophes, and spell out a few compact idioms."""
    s = fold(text)
    if "-of-" in s:
        s = _OF_DASH.sub(lambda m: m[0].replace("-", " "), s)  # "end-of-2025": "end of 2025"
    if "year" in s:
        s = _YEAR_END.sub(lambda m: f"end of {m[1] or 'this year'}", s)
        s = _MID_YEAR.sub(lambda m: f"mid {m[1] or 'this year'}", s)
        s = _OF_YEAR.sub(r"\1 of this year", s)
        s = _OF_THE_YEAR.sub(r"of \1", s)  # "the end of the year 2026": of 2026
        s = _OF_THE.sub(r"of this \1", s)
    elif "of the " in s:
        s = _OF_THE.sub(r"of this \1", s)
    if "end-" in s or "start-" in s:
        s = _END_DASH.sub(r"\1 of \2", s)
    if " or " in s and ("quarter" in s or "half" in s):
        s = _ORDINAL_OR.sub(_codes, s)
    if "cy" in s or "calendar" in s:
        # A calendar year said as such, as against a fiscal one: "CY2027", "CY27",
        # "calendar year 2027" are the year (two digits: 20xx, as "3Q25" reads).
        s = _CALENDAR_YEAR.sub(lambda m: m[1] or m[3] or f"20{m[2]}", s)
    return s


_CALENDAR_YEAR = re.compile(r"\b(?:cy ?'?(?:(\d{4})|(\d{2}))|calendar (?:year )?(\d{4}))\b")


_ORDINAL = r"(first|second|third|fourth|1st|2nd|3rd|4th)"
# "the second or third quarter of 2026": the alternatives "q2 or q3 2026"
_ORDINAL_OR = re.compile(
    rf"\b(?:the )?{_ORDINAL} or (?:the )?{_ORDINAL} (quarter|half)s?(?:,? of)?\b"
)
_ORDINAL_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _codes(m: re.Match[str]) -> str:
    """ "second or third quarter" as "q2 or q3"; an impossible half is left to be refused."""
    letter = m[3][0]
    a, b = (_ORDINAL_NUMBER.get(x) or int(x[0]) for x in (m[1], m[2]))
    if letter == "h" and max(a, b) > 2:
        return m[0]
    return f"{letter}{a} or {letter}{b}"


# the year after a space, a comma, "of" or a hyphen ("year-end-2026" is no span to 2026)
_YEAR_END = re.compile(r"\byear(?:'s)?[- ]end(?:(?:,? (?:of )?|-)(\d{4}))?\b")
_MID_YEAR = re.compile(r"\bmid-? ?year(?:(?:,? (?:of )?|-)(\d{4}))?\b")
# A part of a span joined to it by hyphens: "end-of-2025", "start-of-the-year", "end-of-Q2".
_OF_DASH = re.compile(r"\b(?:end|start|beginning|middle|close)-of-(?:the-)?(?:year-(?=\d))?")
_OF_YEAR = re.compile(r"\b(end|start|beginning|middle|close) of year\b(?! \d)")
_OF_THE = re.compile(r"\bof the (year|month|quarter|week|decade|century)\b")
_OF_THE_YEAR = re.compile(r"\bof the year (\d{4})\b")
_END_DASH = re.compile(r"\b(end|start)-(\d{4})\b")

# -- whole phrases and intervals ---------------------------------------------------------------


def parse_phrase(text: str, ctx: Context) -> When:
    """Read an English phrase (already whitespace-collapsed) into a `When`."""
    s = normalise(text)
    ahead = IN_TIME.fullmatch(s)
    if ahead is not None:  # "in 18 months": "in" is no filler here
        return from_now(ahead["n"], ahead["u"], ctx, s)
    try:
        words = Words(s)
        if not words.core:
            raise Fail("there is no date in it", definite=False)
        if " or " in words.core:
            alternatives = _alternatives(words.core, ctx, s, words)
            if alternatives is not None:
                return alternatives
        return words.apply(resolve(core_value(words.core, ctx), ctx))
    except Fail as f:
        if f.definite:
            raise
        first = f
    w = _interval_phrase(s, ctx)
    if w is None:
        raise first
    return w


_OR = re.compile(r"\s+or\s+")
_COMMA = re.compile(r",\s+")


def _alternatives(core: str, ctx: Context, text: str, words: Words) -> When | None:
    """ "Q3 or Q4 2025", "April, May or June 2026": one of them (an EDTF set), or ``None``.

    A member without a year takes the year of the last member. ``words`` are
    those peeled off ``text`` around ``core``. A qualifier said of the
    alternatives ("c. Q3 or Q4 2025", "2026 or 2027?") applies to each of them;
    once some alternative carries its own ("c. Q3 2025 or c. Q4 2025"), each
    qualifier belongs to the alternative it is written on, the words before the
    first and after the last included. By/before/after are refused: they apply
    to one date, not to a choice of dates.
    """
    pieces = _OR.split(core)
    if len(pieces) < 2:
        return None
    try:
        values = _members(pieces, ctx)
    except Fail as f:
        if _FISCAL_NEEDED in f.reason:
            raise
        if f.definite or "," not in pieces[0]:
            return None
        # "Q1, Q2 or Q3 2025"; in "April 15, 2026 or ..." the comma was the date's own
        pieces = [*_COMMA.split(pieces[0]), *pieces[1:]]
        try:
            values = _members(pieces, ctx)
        except Fail:
            return None
    if words.relation is not None:
        one = _set_of(values, ctx)
        if one is None:
            return None
        raise Fail(
            "by/before/after apply to one date, not to a choice of dates; write one date "
            f"({_one_date(one, words.relation)!r}) or the alternatives alone ({str(one)!r})"
        )
    if words.approximate or words.uncertain:
        head, tail = text[: words.start], text[words.end :]
        if any(Words(item).approximate or Words(item).uncertain for item in pieces):
            # each qualifier on its own alternative: the outer words on the first and the last
            pieces = [head + pieces[0], *pieces[1:-1], pieces[-1] + tail]
        else:  # said of them all: on each one
            pieces = [head + item + tail for item in pieces]
        try:
            values = _members(pieces, ctx)
        except Fail:
            return None
    return _set_of(values, ctx)


_FISCAL_NEEDED = "fiscal_year_start="
# The fiscal year said after the last of several parts: "Q3 or Q4 FY2027", "H1-H2 FY26".
_FISCAL_TAIL = re.compile(r"(?:,? of | |)(?P<fy>(?:fy ?|fiscal(?: year)? )'?\d{2,4})$")


def _members(pieces: list[str], ctx: Context) -> list[When | Yearless | str]:
    """Each alternative; a quarter or half without its year takes the last one's fiscal year."""
    values = [_side(item, ctx, first=True) for item in pieces]
    tail = _FISCAL_TAIL.search(pieces[-1])
    if tail is None:
        return values
    return [
        _side(f"{item} {tail['fy']}", ctx, first=True) if isinstance(value, Yearless) else value
        for item, value in zip(pieces[:-1], values[:-1], strict=True)
    ] + values[-1:]


def _one_date(w: When, relation: str) -> str:
    """ "by Q4 2025" for "by Q3 or Q4 2025": the relation on the alternative it reaches."""
    from timeline.dates._edtf_level2 import set_members

    assert w.form is not None
    members = set_members(w.form)
    last = relation in ("by", "not after", "after")
    return f"{relation} {members[-1] if last else members[0]}"


def _set_of(values: list[When | Yearless | str], ctx: Context) -> When | None:
    """The one-of set of these alternatives, or ``None`` if some is not a date."""
    from timeline.dates._edtf_level2 import parse_set

    last = values[-1]
    if isinstance(last, str):
        return None
    resolved_last = resolve(last, ctx)
    members: list[When] = []
    for value in values[:-1]:
        if isinstance(value, str):
            return None
        members.append(
            build_in(value, _year_of(resolved_last)) if isinstance(value, Yearless) else value
        )
    members.append(resolved_last)
    _in_order(values, members)
    for w in members:
        if w.is_interval and isinstance(w.lower, When) and isinstance(w.upper, When):
            raise Fail(
                f"{w} is a span of time, and one of several dates must each be one date (an "
                "EDTF set holds no spans); write the span they cover, or each one as a date"
            )
        if w.is_interval or w.form is not None:
            return None
    edtf = [w.to_edtf() for w in members]
    for w, text in zip(members, edtf, strict=True):
        if "/" in text or "[" in text:  # a dekad, a third of a decade: no EDTF member
            raise Fail(f"{w} has no EDTF value to be one of a set; write the alternatives as days")
    text = "[" + ",".join(edtf) + "]"
    return parse_set(text, lambda t: _member_value(t, members))


def _in_order(values: list[When | Yearless | str], members: list[When]) -> None:
    """Refuse "Q4 or Q1 2027": a part without its year read after the next one.

    Alternatives are written in order, so "Q4" there is Q4 2026; which year is
    meant is not guessed, as for "Q4 to Q1 2027": the fix is suggested.
    """
    fixed = list(members)
    for i in range(len(members) - 2, -1, -1):
        value, nxt = values[i], fixed[i + 1]
        if isinstance(value, Yearless) and _after(fixed[i], nxt):
            fixed[i] = build_in(value, _year_of(fixed[i]) - 1)
    last = values[-1]
    if isinstance(last, Yearless) and len(fixed) > 1 and _after(fixed[-2], fixed[-1]):
        fixed[-1] = build_in(last, _year_of(fixed[-1]) + 1)
    if fixed != members:
        late = next(i for i, (a, b) in enumerate(zip(members, fixed, strict=True)) if a != b)
        said = ", ".join(str(w) for w in fixed[:-1]) + f" or {fixed[-1]}"
        raise Fail(
            f"alternatives are read in the order written, and {members[late]} would not be; "
            "write each one's year",
            said,
        )


def _after(a: When, b: When) -> bool:
    """Whether calendar value ``a`` lies wholly after ``b``."""
    lo, hi = a.earliest, b.latest
    if lo is None or hi is None or isinstance(lo, _dt.datetime) or isinstance(hi, _dt.datetime):
        return False
    return lo > hi


def _member_value(text: str, members: list[When]) -> When:
    for w in members:
        if w.to_edtf() == text:
            return w
    raise Fail(f"{text} is not one of the alternatives")


_SEP_WORD = re.compile(r"\s+(?:to|through|thru|until|till)\s+")
_SEP_AND = re.compile(r"\s+and\s+")
_SEP_DASH = re.compile(r"\s*-\s*")
_SEP_SLASH = re.compile(r"\s*/\s*")
_MAX_SPLITS = 12
_OPEN_ENDS = {"..": "open", "open": "open", "unknown": "unknown"}
# "unknown start" / "unknown end" say which end is unknown; each belongs on its own side.
_UNKNOWN_ENDS = {"unknown start": True, "unknown end": False}
# Open intervals as people write them: "until X" (open start), "from X onwards",
# "X onwards", "from X on" (open end). A bare "from X" is not one: it could as
# well mean "not before X".
# "until the end of 2026" is until 2026 (not "until late 2026"), as "by the end of" is "by"
_UNTIL = re.compile(r"(?:until|till|through|thru) (?:the end of |end of )?(?P<end>.+)")
_ONWARDS = re.compile(r"(?:from (?P<from>.+) (?:onwards?|on)|(?P<bare>.+) onwards?)")


def _interval_phrase(s: str, ctx: Context) -> When | None:
    w = _open_phrase(s, ctx)
    if w is not None:
        return w
    if s.startswith("between "):
        body, separators = s[8:], [_SEP_AND]
    else:
        body = s[5:] if s.startswith("from ") else s
        separators = [_SEP_WORD, _SEP_DASH, _SEP_SLASH]
    definite: Fail | None = None
    for sep in separators:
        # An interval has two sides: a text with more separators than a pair of
        # instants with offsets holds is no interval, and trying each would take
        # time growing with the square of its length.
        for m in itertools.islice(sep.finditer(body), _MAX_SPLITS):
            left, right = body[: m.start()], body[m.end() :]
            if not left or not right:
                continue
            if m[0] == "-" and (part := _part_of_year(left, right, ctx)) is not None:
                return part
            try:
                return _interval_of(left, right, ctx)
            except Fail as f:
                if f.definite and definite is None:
                    definite = f
    if definite is not None:
        raise definite
    return None


def _part_of_year(left: str, right: str, ctx: Context) -> When | None:
    """ "2026-3Q", "2026-spring", "week 5-2026": a part of a year glued to it, or ``None``.

    As "2026-Q3" is Q3 2026, never the interval from 2026 to Q3 2026.
    """
    try:
        sides = (_side(left, ctx, first=True), _side(right, ctx, first=False))
    except Fail:
        return None
    for year, part in (sides, sides[::-1]):
        if (
            isinstance(part, Yearless)
            and isinstance(year, When)
            and year.precision is Precision.YEAR
            and not (year.is_interval or year.approximate or year.uncertain)
            and year.relation is Relation.ON
            and year.unspecified is None  # "XXXX-W01" is no week of year 1
        ):
            return build_in(part, _year_of(year))
    return None


def _open_phrase(s: str, ctx: Context) -> When | None:
    """ "until X" or "from X onwards": an interval with one open end, or ``None``."""
    m = _UNTIL.fullmatch(s)
    first = m is None
    if m is None:
        m = _ONWARDS.fullmatch(s)
        if m is None:
            return None
    text = m["end"] if not first else m["from"] or m["bare"]
    try:
        end = _side(text, ctx, first=first)
    except Fail as f:
        if f.definite:
            raise
        return None
    if isinstance(end, str):
        return None  # "until unknown", "from .. on": no date at all
    end = resolve(end, ctx)
    if first:
        return make_interval(_outer(end, first=True), "open", text, "..")
    return make_interval("open", _outer(end, first=False), "..", text)


def _outer(end: When | str, *, first: bool) -> When | str:
    """A span's first end where it starts an interval, its last where it ends one."""
    if isinstance(end, When) and isinstance(end.lower, When) and isinstance(end.upper, When):
        return end.lower if first else end.upper
    return end


def _interval_of(left: str, right: str, ctx: Context) -> When:
    lo, hi = _side(left, ctx, first=True), _side(right, ctx, first=False)
    if isinstance(lo, Yearless) and (tail := _FISCAL_TAIL.search(right)) is not None:
        lo = _side(f"{left} {tail['fy']}", ctx, first=True)  # "Q3-Q4 FY2027": both fiscal
    lower: When | str
    upper: When | str
    if isinstance(lo, Yearless) and isinstance(hi, Yearless):
        upper = resolve(hi, ctx)
        lower = build_in(lo, _year_of(upper))
    elif isinstance(lo, Yearless):
        assert not isinstance(hi, Yearless)
        lower = build_in(lo, _year_of(hi)) if isinstance(hi, When) else resolve(lo, ctx)
        upper = hi
    elif isinstance(hi, Yearless):
        lower = lo
        upper = build_in(hi, _year_of(lo)) if isinstance(lo, When) else resolve(hi, ctx)
    else:
        lower, upper = lo, hi
    # an end that is itself a span ("FY2026 to FY2027"): from the first's start to the last's end
    lower, upper = _outer(lower, first=True), _outer(upper, first=False)
    try:
        return make_interval(lower, upper, left, right, _label)
    except Fail as f:
        f.suggestion = _shifted(lo, hi, lower, upper) or _swapped(lower, upper)
        raise


def _shifted(lo: object, hi: object, lower: object, upper: object) -> str | None:
    """For "December to February 2027": the reading with the other year, to suggest."""
    from timeline.dates._format import to_text

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
    from timeline.dates._format import to_text

    return to_text(end) if isinstance(end, When) else text


def _year_of(w: When) -> int:
    """The year a date without one takes from the other end: refused when that end's
    year has unspecified digits ("XXXX-W01", "April to June 202X"), not its first year."""
    if w.unspecified is not None and "X" in w.unspecified[:4]:
        raise Fail(
            f"{w.unspecified} leaves the year unknown, so the date beside it without a year "
            "cannot take one from it; give that date its own year"
        )
    point = w.start or w.end
    assert point is not None
    return point.year


def _side(text: str, ctx: Context, *, first: bool) -> When | Yearless | str:
    text = text.strip()
    if text in _OPEN_ENDS:
        return _OPEN_ENDS[text]
    if text in _UNKNOWN_ENDS:
        if _UNKNOWN_ENDS[text] is not first:
            right = "unknown start" if first else "unknown end"
            raise Fail(f"{quoted(text)} is on the wrong side; write {quoted(right)}")
        return "unknown"
    words = Words(text)
    value = core_value(words.core, ctx)
    if words.relation is not None:
        raise Fail("an interval's ends are plain dates, without by/before/after")
    if isinstance(value, Yearless):
        inner = value.build
        return Yearless(lambda y: words.apply(inner(y)), value.label)
    return words.apply(value)
