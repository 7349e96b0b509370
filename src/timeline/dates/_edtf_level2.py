"""EDTF level 2: the parts of a date the spec lets a writer leave open or qualify.

* **Unspecified digits anywhere** (``156X-12-25``, ``2016-1X``, ``XXXX-12``): the
  bounds are the hull of the dates the digits allow (``2016-1X`` is October to
  December 2016). ``XXXX`` allows every year the calendar holds (1..9999); a
  mask whose given digits allow year 0000 (``0XXX``) is refused, as ``0000``
  is.
* **Per-component qualifiers** (``2004?-06-~11``, ``?1945-01``): a mark left of
  a component qualifies that component, right of it that component and all to
  its left. The bounds are the date's; fuzzy bounds pad by the grain of the
  coarsest qualified component (a year for ``2004?-06-11``). The value keeps
  its EDTF text in `When.form`.
* **Significant digits** (``1950S2``): the range the estimate allows, 1900 to
  1999.
* **Sets and lists** (``[1667,1668,1670..1672]`` one of, ``{1960,1961-12}`` all
  of): bounds are the hull of the members; an open first or last member
  (``[..1760-12-03,1762]``) leaves that side unbounded.

The reader for single values and the dispatch live in
`timeline.dates._parse_edtf`; this module builds the level-2 values.
"""

from __future__ import annotations

import calendar
import functools
import itertools
import re
from collections.abc import Callable, Iterator

import pendulum

from timeline._errors import quoted
from timeline.dates._bounds import Point, _key, runs_backwards
from timeline.dates._edtf_calendar import Fail, _sub_year
from timeline.dates._parse_edtf import _qualified
from timeline.dates._precision import Precision, Relation
from timeline.dates._when import When, WhenError

__all__ = [
    "component_flags",
    "form_fuzz",
    "level2_single",
    "mask_bounds",
    "parse_set",
    "season_words",
    "set_members",
    "set_words",
]

_MASK = re.compile(r"(?P<y>[\dX]{4})(?:-(?P<m>[\dX]{2})(?:-(?P<d>[\dX]{2}))?)?")


def _fits(mask: str, value: str) -> bool:
    return all(c == "X" or c == v for c, v in zip(mask, value, strict=True))


@functools.lru_cache(maxsize=256)
def _allowed(mask: str | None, top: int) -> list[int]:
    """The values 1..top a two-character mask allows (all of them when there is none)."""
    if mask is None or mask == "XX":
        return list(range(1, top + 1))
    if "X" not in mask:
        value = int(mask)
        return [value] if 1 <= value <= top else []
    return [k for k in range(1, top + 1) if _fits(mask, f"{k:02d}")]


def _years(mask: str, *, descending: bool) -> Iterator[int]:
    """The years a four-character mask allows, in order, without generating them all."""
    digits = "9876543210" if descending else "0123456789"
    choices = [digits if c == "X" else c for c in mask]
    for combo in itertools.product(*choices):
        year = int("".join(combo))
        if year:
            yield year


def mask_bounds(text: str) -> tuple[pendulum.Date, pendulum.Date, Precision]:
    """The first and last day an EDTF text with X digits allows, and its grain.

    >>> first, last, grain = mask_bounds("2016-1X")
    >>> (str(first), str(last), grain.value)
    ('2016-10-01', '2016-12-31', 'month')
    """
    m = _MASK.fullmatch(text)
    if m is None:
        raise Fail(f"{quoted(text)} is not an EDTF date with unspecified digits")
    y, mo, d = m["y"], m["m"], m["d"]
    # Year 0000 (1 BCE in EDTF) is outside the calendar (years 1..9999): a mask that
    # allows it ("0XXX", "XXX0", as "XXXX") reads as its other years (`_years` skips 0).
    if y == "0000":
        raise Fail("year 0000 (1 BCE) is not supported; the calendar starts at year 1")
    months = _allowed(mo, 12)
    days = _allowed(d, 31)
    if not months:
        raise Fail(f"{mo} allows no month (01-12)")
    if not days:
        raise Fail(f"{d} allows no day (01-31)")

    def first_in(year: int, ms: list[int], ds: list[int]) -> tuple[int, int] | None:
        for month in ms:
            last = calendar.monthrange(year, month)[1]
            for day in ds:
                if day <= last:
                    return month, day
        return None

    def search(descending: bool) -> pendulum.Date:
        ms = months[::-1] if descending else months
        ds = days[::-1] if descending else days
        for year in itertools.islice(_years(y, descending=descending), 40):
            found = first_in(year, ms, ds)
            if found is not None:
                month, day = found
                if d is None:  # no day given: the month runs whole
                    day = calendar.monthrange(year, month)[1] if descending else 1
                if mo is None:
                    month, day = (12, 31) if descending else (1, 1)
                return pendulum.Date(year, month, day)
        raise Fail(f"{text} allows no date in the calendar")

    grain = (
        Precision.DAY if d is not None else Precision.MONTH if mo is not None else Precision.YEAR
    )
    return search(False), search(True), grain


# -- per-component qualifiers and significant digits ---------------------------------------

_FLAGS = {"~": (True, False), "?": (False, True), "%": (True, True), None: (False, False)}
_MARK = {(True, False): "~", (False, True): "?", (True, True): "%"}
_SIGNIFICANT = {4: Precision.YEAR, 3: Precision.DECADE, 2: Precision.CENTURY, 1: Precision.MIXED}


def _merge(*marks: str | None) -> tuple[bool, bool]:
    a = u = False
    for mark in marks:
        ma, mu = _FLAGS[mark]
        a, u = a or ma, u or mu
    return a, u


def component_flags(m: re.Match[str]) -> list[tuple[Precision, tuple[bool, bool]]]:
    """Each component's grain and (approximate, uncertain), coarsest first."""
    has_m, has_d = m["m"] is not None, m["d"] is not None
    q = m["q"]
    # the mark right of the last component qualifies everything: it is the final one
    year = _merge(m["qy"], m["ry"], m["rm"] if has_m else None, q)
    out = [(Precision.YEAR, year)]
    if has_m:
        out.append((Precision.MONTH, _merge(m["qm"], m["rm"], q)))
    if has_d:
        out.append((Precision.DAY, _merge(m["qd"], q)))
    return out


def level2_single(m: re.Match[str]) -> When:
    """A single value with significant digits or per-component qualifiers."""
    if m["sig"] is not None:
        return _significant(m)
    if m["hh"] is not None:
        raise Fail("qualifiers on the parts of a date-time are not supported; qualify it whole")
    flags = component_flags(m)
    y, mo, d = m["y"].upper(), m["m"], m["d"]
    bare = y + (f"-{mo.upper()}" if mo else "") + (f"-{d.upper()}" if d else "")
    if "X" in bare:
        from timeline.dates._edtf_calendar import masked

        base = masked(bare)
    else:
        base = _plain(int(y), mo, d)
    if len({f for _, f in flags}) == 1:  # every component alike: a level-1 qualifier
        return _qualified(base, _MARK.get(flags[0][1]))
    _, (approximate, uncertain) = next((g, f) for g, f in flags if f != (False, False))
    return When(
        base.start,
        base.end,
        base.precision,
        approximate=approximate,
        uncertain=uncertain,
        form=_one_spelling(m),
    )


def _one_spelling(m: re.Match[str]) -> str:
    """The text of a value qualified by parts, one spelling for one meaning: a mark left of
    the year ("~1995-04") and right of it ("1995~-04") both qualify the year alone, and are
    written right of it, where the phrase reader keeps it ("after 1995~-04"; "after ~1995-04"
    reads as "after about April 1995").

    >>> from timeline.dates._parse_edtf import _SINGLE
    >>> [_one_spelling(_SINGLE.fullmatch(t)) for t in ("?2004-06-~11", "2004-?06")]
    ['2004?-06-~11', '2004-?06']
    """
    text = m["y"].upper() + _MARK.get(_merge(m["qy"], m["ry"]), "")
    if m["m"] is not None:
        text += f"-{m['qm'] or ''}{m['m'].upper()}{m['rm'] or ''}"
    if m["d"] is not None:
        text += f"-{m['qd'] or ''}{m['d'].upper()}"
    return text + (m["q"] or "")


def _plain(year: int, mo: str | None, d: str | None) -> When:
    from timeline.dates._edtf_calendar import _day

    if year == 0:
        raise Fail("year 0000 (1 BCE) is not supported; the calendar starts at year 1")
    try:
        if mo is None:
            return When.year(year)
        if d is None:
            return _sub_year(year, int(mo), f"{year:04d}", mo)
        return _day(year, int(mo), int(d))
    except WhenError as e:
        raise Fail(str(e).split(": ", 1)[-1]) from None


def _significant(m: re.Match[str]) -> When:
    if m["m"] is not None:
        raise Fail("significant digits (S) go on a year alone, such as 1950S2")
    marks = [m[g] for g in ("qy", "ry", "q") if m[g]]
    if marks:  # refused, offering the span qualified as said ("1950S2?": "1900? to 1999?")
        found = _significant_value(m)
        _qualified(found, _MARK[_merge(*marks)])
    return _significant_value(m)


def _significant_value(m: re.Match[str]) -> When:
    y, sig = m["y"], int(m["sig"])
    if "X" in y.upper():
        raise Fail("a year with significant digits is written in full, such as 1950S2")
    if not 1 <= sig <= 4:
        raise Fail(f"a four-digit year has 1 to 4 significant digits, not {sig}")
    unit = 10 ** (4 - sig)
    first = int(y) // unit * unit
    if first + unit - 1 < 1:
        raise Fail("year 0000 (1 BCE) is not supported; the calendar starts at year 1")
    # year 0000 (1 BCE) is outside the calendar: "0050S2" (0000-0099) reads as its other years
    start, end = pendulum.Date(max(first, 1), 1, 1), pendulum.Date(first + unit - 1, 12, 31)
    return When(start, end, _SIGNIFICANT[sig], form=f"{int(y):04d}S{sig}")


# -- sets and lists -----------------------------------------------------------------------


def parse_set(text: str, read: Callable[[str], When]) -> When:
    """``[a,b,c..d]`` (one of) or ``{a,b}`` (all of): the hull of the members, text kept.

    >>> w = parse_set("[1667,1668,1670..1672]", When.from_edtf)
    >>> (str(w.earliest), str(w.latest))
    ('1667-01-01', '1672-12-31')
    """
    close = {"[": "]", "{": "}"}[text[0]]
    if not text.endswith(close) or len(text) < 3:
        raise Fail(f"an EDTF set starts with {text[0]} and ends with {close}")
    items = [item.strip() for item in text[1:-1].split(",")]
    if any(not item for item in items):
        raise Fail("an EDTF set has a value between each pair of commas")
    members = [_member(item, read, i, len(items)) for i, item in enumerate(items)]
    form = text[0] + ",".join(_member_edtf(w) for w in members) + close
    return _set_value(members, form)


def _member(item: str, read: Callable[[str], When], i: int, n: int) -> When:
    if item.startswith(".."):
        if i != 0:
            raise Fail("only the first member of a set may be open at its start ('..X')")
        return read(item[2:]).by()
    if item.endswith(".."):
        if i != n - 1:
            raise Fail("only the last member of a set may be open at its end ('X..')")
        return read(item[:-2]).not_before()
    if ".." in item:
        first, _, last = item.partition("..")
        lower, upper = read(first), read(last)
        lo, hi = lower.earliest, upper.latest
        if lo is None or hi is None or runs_backwards(lo, hi):  # a day against an instant too
            raise Fail(f"the range {item} ends before it starts")
        return When.interval(lower, upper)
    w = read(item)
    if w.form is not None and w.form[:1] in "[{":
        raise Fail("a set cannot hold another set")
    return w


def _member_edtf(w: When) -> str:
    if w.is_interval:
        assert isinstance(w.lower, When) and isinstance(w.upper, When)
        return f"{w.lower.to_edtf()}..{w.upper.to_edtf()}"
    if w.relation is Relation.BY:
        return ".." + w.to_edtf()[3:-1]
    if w.relation is Relation.NOT_BEFORE:
        return w.to_edtf()[1:-3] + ".."
    return w.to_edtf()


def _set_value(members: list[When], form: str) -> When:
    from pendulum import Date

    starts = [w.earliest for w in members]
    ends = [w.latest for w in members]
    key = _point_key
    lo = None if any(p is None for p in starts) else min(starts, key=key)
    hi = None if any(p is None for p in ends) else max(ends, key=key)
    grains = {w.precision for w in members}
    precision = grains.pop() if len(grains) == 1 else Precision.MIXED
    if lo is None and hi is None:
        raise Fail("a set needs at least one bounded member")
    assert lo is None or isinstance(lo, Date)
    return When(lo, hi, precision, form=form)


def _point_key(p: object) -> int:
    from timeline.dates._bounds import _key

    return _key(p)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=4096)
def set_members(form: str) -> tuple[When, ...]:
    """The members of a set value, from its EDTF text."""
    from timeline.dates._parse_edtf import _value

    items = [item.strip() for item in form[1:-1].split(",")]
    return tuple(
        _member(item, lambda t: _value(t, iso_short=True), i, len(items))
        for i, item in enumerate(items)
    )


@functools.lru_cache(maxsize=4096)
def _form_grain(form: str) -> Precision | None:
    from timeline.dates._parse_edtf import _SINGLE

    m = _SINGLE.fullmatch(form)
    if m is None or m["y"] is None or m["sig"] is not None:
        return None
    return next((g for g, f in component_flags(m) if f != (False, False)), None)


def form_fuzz(w: When) -> tuple[tuple[When, ...] | None, Precision]:
    """For a level-2 value: its members (a set) or ``None``, and the grain its padding uses."""
    assert w.form is not None
    if w.form[:1] in "[{":
        return set_members(w.form), w.precision
    return None, _form_grain(w.form) or w.precision


def _hull(
    spans: list[tuple[Point | None, Point | None]], w: When
) -> tuple[Point | None, Point | None]:
    """The smallest span holding all ``spans`` (unbounded if one is), within ``w``'s relation."""
    los = [lo for lo, _ in spans]
    his = [hi for _, hi in spans]
    lo = None if any(p is None for p in los) else min(los, key=_key)  # type: ignore[arg-type]
    hi = None if any(p is None for p in his) else max(his, key=_key)  # type: ignore[arg-type]
    if w.relation is not Relation.ON:  # a set with a relation: only its own side is bounded
        lo = lo if w.earliest is not None else None
        hi = hi if w.latest is not None else None
    return lo, hi


# -- words for a one-of set ("Q3 or Q4 2025") --------------------------------------------------

_COMPACT = (Precision.MONTH, Precision.QUARTER, Precision.HALF)


def set_words(w: When, say: Callable[[When], str] | None = None) -> str | None:
    """Words for a one-of set of single values ("Q3 or Q4 2025"); ``None`` to keep its EDTF.

    ``say`` writes a member for a reader, not the parser (`timeline.dates._format.to_words`):
    each member is then said with its own qualifiers, none written in EDTF.

    A qualifier every member shares is said once, of them all ("c. Q3 or Q4
    2025"). Members qualified differently are each written with their own
    ("Q3 2025 or c. Q4 2025"); the parser reads a "c." before the first or a
    "?" after the last as said of all the alternatives, so when those are the
    only qualifiers they are written inside instead ("Q3 2025~ or Q4 2025",
    "Q3 2025 or maybe Q4 2025").

    >>> set_words(When.from_edtf("[2025-35,2025-36]"))
    'Q3 or Q4 2025'
    >>> set_words(When.from_edtf("[2025-35~,2025-36~]"))
    'c. Q3 or Q4 2025'
    """
    assert w.form is not None
    if not w.form.startswith("["):
        return None
    members = set_members(w.form)
    if len(members) < 2:
        return None
    for m in members:
        if m.is_interval or m.relation is not Relation.ON or m.form is not None:
            return None
    marks = {(m.approximate, m.uncertain) for m in members}
    if len(marks) == 1 and marks != {(False, False)}:
        approximate, uncertain = marks.pop()
        plain = [m.qualify() for m in members]
        said = _plain_set_words(plain, None if say is None else [say(m) for m in plain])
        return ("c. " if approximate else "") + said + ("?" if uncertain else "")
    if say is not None:
        return _plain_set_words(list(members), [say(m) for m in members])
    texts = [str(m) for m in members]
    first, last = members[0], members[-1]
    inner = first.uncertain or last.approximate or any(m.qualified for m in members[1:-1])
    if not inner:  # "c. Q3 2025 or Q4 2025" would read as c. of both
        if first.approximate:
            texts[0] = f"{first.qualify()}~"
        if last.uncertain:
            texts[-1] = f"maybe {last.qualify()}"
    return _plain_set_words(list(members), texts)


def _plain_set_words(members: list[When], texts: list[str] | None = None) -> str:
    texts = texts or [str(m) for m in members]
    years = {m.start.year for m in members if m.start is not None}
    grains = {m.precision for m in members}
    plain = not any(m.qualified or m.unspecified for m in members)
    if (
        plain
        and len(years) == 1
        and len(grains) == 1
        and grains <= set(_COMPACT)
        and _in_order(members)  # "Q4 or Q1 2027" would not read back as Q4 2027
    ):
        year = f" {years.pop():04d}"
        texts = [t.removesuffix(year) for t in texts[:-1]] + [texts[-1]]
    return ", ".join(texts[:-1]) + " or " + texts[-1]


def _in_order(members: list[When]) -> bool:
    """Whether no member (of one calendar grain) lies wholly after the next one."""
    return all(
        a.start is None or b.end is None or a.start <= b.end for a, b in itertools.pairwise(members)
    )


_HEMISPHERES = {
    25: ("northern", "spring"),
    26: ("northern", "summer"),
    27: ("northern", "autumn"),
    28: ("northern", "winter"),
    29: ("southern", "spring"),
    30: ("southern", "summer"),
    31: ("southern", "autumn"),
    32: ("southern", "winter"),
}


def season_words(w: When) -> str | None:
    """Words for a hemisphere season ("southern spring 2001"), ``None`` for other forms."""
    assert w.form is not None
    m = re.fullmatch(r"(\d{4})-(2[5-9]|3[0-2])", w.form)
    if m is None:
        return None
    year, code = int(m[1]), int(m[2])
    hemisphere, name = _HEMISPHERES[code]
    spans = code in (28, 30)  # December to February
    when = f"{year:04d}/{(year + 1) % 100:02d}" if spans else f"{year:04d}"
    return f"{hemisphere} {name} {when}"
