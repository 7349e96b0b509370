"""An independent oracle for `When` on calendar values: every possible day, enumerated.

Each drawn value comes with its *model*, built here from the text's meaning (DESIGN
§2), not from the library: its readings, each a run of consecutive days (a plain
value is one; a one-of set ``[a,b]`` is each member; an all-of set ``{a,b}`` each
member, all of which happen; unspecified digits ``2026-XX-15`` each run of
consecutive days the digits allow - the 15th of each month, but ``2026-04-XX`` is
all of April), both plain (a container at its narrowest) and padded (at its widest:
one unit of the value's own grain for ``~`` or ``?``, two for ``%``). Days are
ordinals within 2015..2035; an unbounded side runs to a sentinel day beyond.

From the models, by set arithmetic on explicit days:

* ``a.overlaps(b)``: some reading of ``a`` shares a day with some reading of ``b``;
* ``a.definitely_before(b)``: every day of every reading of ``a`` precedes every day
  of every reading of ``b``; ``possibly_before`` is not ``b`` surely before ``a``;
* ``a.contains(b)``: every padded reading of ``b`` is a subset of every plain reading
  of ``a`` (of some, for an all-of set);
* ``earliest``/``latest`` and ``fuzzy_bounds``: the first and last day of all plain
  and all padded readings;
* the timeline's window queries equal the relations, and sorting agrees with
  ``definitely_before``.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import Event, Timeline, When
from timeline.dates._masks import Runs, mask_readings

LO = dt.date(2015, 1, 1).toordinal()
HI = dt.date(2035, 12, 31).toordinal()
# A day of a bounded value outside 2015..2035 (a mask of any year reaches year 1 and
# 9999) is PAST or FUTURE; an unbounded side reaches further still, BELOW or BEYOND.
PAST, FUTURE = LO - 1, HI + 1
BELOW, BEYOND = LO - 2, HI + 2
UNIVERSE = range(BELOW, BEYOND + 1)

Run = tuple[int, int]  # first and last day (ordinals), inclusive


@dataclass(frozen=True, repr=False)
class Model:
    """What a value means, as runs of days: ``plain`` at its narrowest, ``wide`` padded."""

    text: str
    plain: tuple[Run, ...]
    wide: tuple[Run, ...]
    all_of: bool = False  # an all-of set: every member happens
    reach: Run | None = None  # earliest..latest when not the plain runs' (an unknown end)
    members: tuple[tuple[Run, ...], ...] = ()  # an all-of set's members, each its plain runs

    def __repr__(self) -> str:
        return f"Model({self.text!r})"


def days(run: Run) -> set[int]:
    return set(range(run[0], run[1] + 1))


def _first(y: int, m: int) -> dt.date:
    return dt.date(y + (m - 1) // 12, (m - 1) % 12 + 1, 1)


def _last(y: int, m: int) -> dt.date:
    return _first(y, m + 1) - dt.timedelta(days=1)


# A unit: its grain's size in months (0 for a day, -7 for a week), and its first and last day.
Unit = tuple[int, dt.date, dt.date]


def pad(unit: Unit, n: int) -> Run:
    """The unit widened by ``n`` units of its own grain on each side, on unit boundaries."""
    months, first, last = unit
    if months <= 0:  # a day, or (-7) a week
        step = max(-months, 1)
        return first.toordinal() - n * step, last.toordinal() + n * step
    lo = _first(first.year, first.month - n * months)
    hi = _last(last.year, last.month + n * months)
    return lo.toordinal(), hi.toordinal()


def plain_run(unit: Unit) -> Run:
    return unit[1].toordinal(), unit[2].toordinal()


MARKS = {"": 0, "~": 1, "?": 1, "%": 2}
SEASONS = {21: 3, 22: 6, 23: 9, 24: 12}  # first month: spring, summer, autumn, winter


@st.composite
def units(draw: st.DrawFn) -> tuple[str, Unit]:
    """A day, ISO week, month, season, quarter, third, half or year in 2025..2027, as EDTF
    text and unit."""
    y = draw(st.integers(2025, 2027))
    kinds = ["day", "week", "month", "season", "quarter", "third", "half", "year"]
    kind = draw(st.sampled_from(kinds))
    if kind == "day":
        d = draw(st.dates(dt.date(y, 1, 1), dt.date(y, 12, 31)))
        return d.isoformat(), (0, d, d)
    if kind == "week":
        w = draw(st.integers(1, dt.date(y, 12, 28).isocalendar()[1]))
        monday = dt.date.fromisocalendar(y, w, 1)
        return f"{y}-W{w:02d}", (-7, monday, monday + dt.timedelta(days=6))
    if kind == "third":
        k = draw(st.integers(0, 2))
        return f"{y}-{37 + k}", (4, _first(y, 4 * k + 1), _last(y, 4 * k + 4))
    if kind == "half":
        k = draw(st.integers(0, 1))
        return f"{y}-{40 + k}", (6, _first(y, 6 * k + 1), _last(y, 6 * k + 6))
    if kind == "month":
        m = draw(st.integers(1, 12))
        return f"{y}-{m:02d}", (1, _first(y, m), _last(y, m))
    if kind == "season":
        code = draw(st.sampled_from(sorted(SEASONS)))
        m = SEASONS[code]
        return f"{y}-{code}", (3, _first(y, m), _last(y, m + 2))
    if kind == "quarter":
        q = draw(st.integers(1, 4))
        m = 3 * q - 2
        return f"{y}-{32 + q}", (3, _first(y, m), _last(y, m + 2))
    return str(y), (12, _first(y, 1), _last(y, 12))


@st.composite
def single(draw: st.DrawFn) -> Model:
    text, unit = draw(units())
    mark = draw(st.sampled_from(sorted(MARKS)))
    return Model(text + mark, (plain_run(unit),), (pad(unit, MARKS[mark]),))


# -- unspecified digits ---------------------------------------------------------------------

MASKS = [
    "2026-XX-15",
    "2026-XX-31",
    "2026-XX-3X",
    "2026-XX-X1",
    "2026-XX-0X",
    "2026-1X-0X",
    "2026-04-XX",
    "2026-04-1X",
    "2026-XX-XX",
    "2026-XX",
    "2026-1X",
    "2026-X2",
    "202X",
    "202X-XX-15",
    "202X-02-29",
    "202X-12",
    "202X-1X-XX",
]
# Masks of many years, most outside 2015..2035: their runs there are PAST or FUTURE.
WIDE_MASKS = [
    "XXXX-XX-15",
    "XXXX-02-29",
    "XXXX-12-25",
    "XXXX-XX-X1",
    "XXXX-X2",
    "XXXX-12-XX",
    "XX2X-01-0X",
    "1XXX-XX-15",
    "X0X1",
    "XXX6-1X",
]


def _fits(mask: str, text: str) -> bool:
    return all(c in ("X", t) for c, t in zip(mask, text, strict=True))


def mask_units(mask: str, years: Iterable[int] = range(2015, 2036)) -> list[Unit]:
    """Every day, month or year (the mask's grain) whose digits the mask allows."""
    parts = mask.count("-")
    out: list[Unit] = []
    for y in years:
        if parts == 0:
            if _fits(mask, f"{y:04d}"):
                out.append((12, _first(y, 1), _last(y, 12)))
            continue
        for m in range(1, 13):
            if parts == 1:
                if _fits(mask, f"{y:04d}-{m:02d}"):
                    out.append((1, _first(y, m), _last(y, m)))
                continue
            for d in range(1, _last(y, m).day + 1):
                if _fits(mask, f"{y:04d}-{m:02d}-{d:02d}"):
                    day = dt.date(y, m, d)
                    out.append((0, day, day))
    return out


def runs_of(ordinals: list[Run]) -> tuple[Run, ...]:
    """Consecutive runs merged: the readings of unspecified digits."""
    merged: list[Run] = []
    for lo, hi in sorted(ordinals):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return tuple(merged)


@st.composite
def masked(draw: st.DrawFn) -> Model:
    mask = draw(st.sampled_from(MASKS + WIDE_MASKS))
    mark = draw(st.sampled_from(sorted(MARKS)))
    # Years either side of the universe, so what pads into it is counted.
    found = mask_units(mask, range(2013, 2038))
    plain = runs_of([plain_run(u) for u in found])
    # A run of units padded is the union of its units padded; runs stay readings.
    wide = tuple(
        (pad(first, MARKS[mark])[0], pad(last, MARKS[mark])[1])
        for first, last in _runs_units(found)
    )
    years = [y for y in range(1, 10_000) if _fits(mask[:4], f"{y:04d}")]
    before = ((PAST, PAST),) if years[0] < 2013 else ()
    after = ((FUTURE, FUTURE),) if years[-1] > 2037 else ()
    return Model(mask + mark, _clip(before + plain + after), _clip(before + wide + after))


def _clip(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Days outside 2015..2035 as PAST or FUTURE (each run kept: still a reading)."""
    return tuple((min(max(lo, PAST), FUTURE), min(max(hi, PAST), FUTURE)) for lo, hi in runs)


def outside(m: Model) -> bool:
    """Whether some reading has days outside 2015..2035. Two such values are not
    compared: days of year 1 and of 2010 are all PAST here, alike."""
    return any(p in (PAST, FUTURE) for run in (*m.plain, *m.wide) for p in run)


def _runs_units(found: list[Unit]) -> list[tuple[Unit, Unit]]:
    out: list[tuple[Unit, Unit]] = []
    for u in found:
        if out and u[1].toordinal() == out[-1][1][2].toordinal() + 1:
            out[-1] = (out[-1][0], u)
        else:
            out.append((u, u))
    return out


# -- relations to a value, intervals and sets -----------------------------------------------


@st.composite
def related(draw: st.DrawFn) -> Model:
    """ "by X", "before X", "after X", "no earlier than X" (EDTF or words), maybe qualified.

    X may have unspecified digits: it is then one unit the digits allow, not said which
    (EDTF level 1), so the relation reaches as far as any of them lets it: "after
    2026-XX-15" from 16 January, "before 202X" until 2028, "by 202X" until 2029.
    """
    word = draw(st.sampled_from(["by", "before", "after", "not before"]))
    if draw(st.booleans()):
        text, unit = draw(units())
    else:
        text = draw(st.sampled_from(MASKS))
        found = mask_units(text, range(2013, 2038))
        unit = found[0] if word in ("after", "not before") else found[-1]
    mark = draw(st.sampled_from(["", "~"]))
    n = MARKS[mark]
    lo, hi = plain_run(unit)
    wlo, whi = pad(unit, n)
    if word == "by":
        return Model(f"by {text}{mark}", ((BELOW, hi),), ((BELOW, whi),))
    if word == "not before":
        return Model(f"not before {text}{mark}", ((lo, BEYOND),), ((wlo, BEYOND),))
    months = unit[0]
    if word == "before":  # strictly before the unit starts: the unit before it, padded
        last = dt.date.fromordinal(lo - 1)
        if months <= 0:
            prev: Unit = (months, last - dt.timedelta(days=max(-months, 1) - 1), last)
        else:
            prev = (months, _first(last.year, last.month - months + 1), last)
        return Model(f"before {text}{mark}", ((BELOW, lo - 1),), ((BELOW, pad(prev, n)[1]),))
    first = dt.date.fromordinal(hi + 1)
    if months <= 0:
        nxt: Unit = (months, first, first + dt.timedelta(days=max(-months, 1) - 1))
    else:
        nxt = (months, first, _last(first.year, first.month + months - 1))
    return Model(f"after {text}{mark}", ((hi + 1, BEYOND),), ((pad(nxt, n)[0], BEYOND),))


def _add_months(day: dt.date, n: int) -> dt.date:
    """``day`` moved by ``n`` months, kept within the month (31 March - 1 month: 28 February)."""
    first = _first(day.year, day.month + n)
    return first.replace(day=min(day.day, _last(first.year, first.month).day))


@st.composite
def component_qualified(draw: st.DrawFn) -> Model:
    """A day, or a mask of days, with a qualifier on one of its parts (EDTF level 2):
    ``2026-~04-15`` pads each reading by the coarsest qualified part's grain (a month)."""
    y = draw(st.integers(2025, 2027))
    d = draw(st.dates(dt.date(y, 1, 1), dt.date(y, 12, 31)))
    digits = [f"{y}", f"{d.month:02d}", f"{d.day:02d}"]
    if draw(st.booleans()):
        digits[1] = draw(st.sampled_from(["XX", "1X", "0X"]))
        digits[2] = draw(st.sampled_from(["15", "28", "3X"]))
    part = draw(st.integers(0, 2))
    mark = draw(st.sampled_from(["~", "?", "%"]))
    n = MARKS[mark]
    text = "-".join(mark + t if i == part else t for i, t in enumerate(digits))
    found = [u[1] for u in mask_units("-".join(digits))]
    assume(found)
    months = {0: 12, 1: 1}.get(part, 0)

    def padded(day: dt.date) -> Run:
        if months == 0:
            return day.toordinal() - n, day.toordinal() + n
        after = _add_months(day + dt.timedelta(days=1), n * months) - dt.timedelta(days=1)
        return _add_months(day, -n * months).toordinal(), after.toordinal()

    plain = runs_of([(day.toordinal(), day.toordinal()) for day in found])
    # Each run of days, padded at its first and last day.
    wide = tuple(
        (padded(dt.date.fromordinal(lo))[0], padded(dt.date.fromordinal(hi))[1]) for lo, hi in plain
    )
    return Model(text, plain, wide)


@st.composite
def intervals(draw: st.DrawFn) -> Model:
    """``A/B``, ``A/..``, ``../B``, ``A/`` (unknown end), ``/B`` (unknown start) with plain,
    qualified or unspecified-digit ends.

    Each reading runs from a run of ``A`` to a run of ``B`` that does not end before it
    starts; at its widest the first to the last (one span), at its narrowest (as a
    container) the days every reading holds: from the latest such start to the
    earliest such end.
    """
    ends = st.one_of(single(), single(), masked())
    a, b = draw(ends), draw(ends)
    if a.plain[0][0] > b.plain[-1][1]:
        a, b = b, a
    assume(a.plain[0][0] <= b.plain[-1][1])
    shape = draw(
        st.sampled_from(["both", "open end", "open start", "unknown end", "unknown start"])
    )
    start = max(lo for lo, _ in a.plain if lo <= b.plain[-1][1])
    stop = min(hi for _, hi in b.plain if hi >= a.plain[0][0])
    reach = (a.plain[0][0], b.plain[-1][1])
    if shape == "both":
        narrow = ((start, stop),) if start <= stop else ()
        return Model(f"{a.text}/{b.text}", narrow, ((a.wide[0][0], b.wide[-1][1]),), reach=reach)
    if shape == "open end":
        return Model(
            f"{a.text}/..",
            ((a.plain[-1][0], BEYOND),),
            ((a.wide[0][0], BEYOND),),
            reach=(a.plain[0][0], BEYOND),
        )
    if shape == "open start":
        return Model(
            f"../{b.text}",
            ((BELOW, b.plain[0][1]),),
            ((BELOW, b.wide[-1][1]),),
            reach=(BELOW, b.plain[-1][1]),
        )
    # An unknown end may come as soon as the known end allows: at its narrowest the
    # interval is the known end's span (nothing, if that is several runs); at its
    # widest it runs on for ever. An unknown start likewise, backwards.
    if shape == "unknown start":
        return Model(
            f"/{b.text}",
            b.plain if len(b.plain) == 1 else (),
            ((BELOW, b.wide[-1][1]),),
            reach=(BELOW, b.plain[-1][1]),
        )
    return Model(
        f"{a.text}/",
        a.plain if len(a.plain) == 1 else (),
        ((a.wide[0][0], BEYOND),),
        reach=(a.plain[0][0], BEYOND),
    )


@st.composite
def sets(draw: st.DrawFn) -> Model:
    """``[a,b..c]`` or ``{a,b}``: members single values, ranges, or open at the outer ends."""
    n = draw(st.integers(1, 3))
    texts: list[str] = []
    plain: list[Run] = []
    wide: list[Run] = []
    members: list[tuple[Run, ...]] = []
    opened = False  # a set needs a bounded member: one open end at most
    for i in range(n):
        kind = draw(st.sampled_from(["single", "single", "range", "open"]))
        if kind == "open" and n > 1 and i in (0, n - 1) and not opened:
            opened = True
            text, unit = draw(units())
            lo, hi = plain_run(unit)
            if i == 0:
                texts.append(".." + text)
                plain.append((BELOW, hi))
                wide.append((BELOW, hi))
            else:
                texts.append(text + "..")
                plain.append((lo, BEYOND))
                wide.append((lo, BEYOND))
        elif kind == "range":
            (ta, ua), (tb, ub) = draw(units()), draw(units())
            if ua[1] > ub[2]:
                (ta, ua), (tb, ub) = (tb, ub), (ta, ua)
            texts.append(f"{ta}..{tb}")
            plain.append((ua[1].toordinal(), ub[2].toordinal()))
            wide.append(plain[-1])
        else:
            m = draw(st.one_of(single(), masked()))
            texts.append(m.text)
            plain.extend(m.plain)
            wide.extend(m.wide)
            members.append(m.plain)
            continue
        members.append((plain[-1],))
    close = draw(st.sampled_from(["[]", "{}"]))
    text = close[0] + ",".join(texts) + close[1]
    all_of = close == "{}"
    return Model(
        text, tuple(plain), tuple(wide), all_of=all_of, members=tuple(members) if all_of else ()
    )


@st.composite
def by_masked(draw: st.DrawFn) -> Model:
    """ "by 2026-XX-15": on or before the last day the digits allow."""
    m = draw(masked())
    return Model(f"by {m.text}", ((BELOW, m.plain[-1][1]),), ((BELOW, m.wide[-1][1]),))


def models() -> st.SearchStrategy[Model]:
    return st.one_of(
        single(),
        masked(),
        masked(),
        related(),
        by_masked(),
        intervals(),
        sets(),
        component_qualified(),
    )


# -- the oracle -----------------------------------------------------------------------------


def overlaps(a: Model, b: Model) -> bool:
    return any(days(x) & days(y) for x in a.wide for y in b.wide)


def definitely_before(a: Model, b: Model) -> bool:
    return all(max(days(x)) < min(days(y)) for x in a.wide for y in b.wide)


def contains(a: Model, b: Model) -> bool:
    """Every padded reading of ``b`` inside every plain reading of ``a``; for an all-of
    set, inside some member, which holds only what each of its own readings holds."""
    if not a.plain:  # no day is in every reading of ``a``
        return False
    if a.all_of:
        return all(
            any(all(days(y) <= days(h) for h in member) for member in a.members) for y in b.wide
        )
    return all(days(y) <= days(h) for y in b.wide for h in a.plain)


def bounds(runs: tuple[Run, ...]) -> tuple[object, object]:
    """The first and last day: a date, "past" or "future" outside 2015..2035, or ``None``."""
    every = set().union(*(days(r) for r in runs))
    return _shown(min(every)), _shown(max(every))


def _shown(day: int) -> object:
    if day in (BELOW, BEYOND):
        return None
    if day in (PAST, FUTURE):
        return "past" if day == PAST else "future"
    return dt.date.fromordinal(day)


def as_date(p: object) -> object:
    """A bound as `bounds` gives it."""
    if p is None:
        return None
    assert isinstance(p, dt.date) and not isinstance(p, dt.datetime)
    return _shown(min(max(p.toordinal(), PAST), FUTURE))


def value(m: Model) -> When:
    return When.parse(m.text)


def several(m: Model) -> bool:
    return len(m.wide) > 1


# -- known cases, one per rule ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("2026-XX-15", "2026-04-20", False),  # only ever the 15th of some month
        ("2026-XX-15", "2026-04-15", True),
        ("2026-XX-15", "2026-04-16/2026-05-14", False),
        ("2026-XX-15", "2026-04-16/2026-05-15", True),
        ("2026-XX-15~", "2026-04-16", True),  # the 15th give or take a day
        ("2026-XX-15~", "2026-04-17", False),
        ("2026-XX-15%", "2026-04-17", True),
        ("2026-XX-3X", "2026-02", False),  # no 30th in February
        ("2026-XX-3X", "2026-03-01/2026-03-29", False),
        ("2026-XX-31", "2026-04", False),
        ("2026-XX-31", "2026-05", True),
        ("202X-02-29", "2026", False),  # no 29 February in 2026
        ("202X-02-29", "2028-02", True),
        ("2026-1X", "2026-09", False),
        ("2026-X2", "2026-06", False),  # February or December
        ("2026-X2", "2026-12-25", True),
        ("2026-X2~", "2026-03", True),
        ("2026-X2~", "2026-06", False),
        ("2026-04-XX", "2026-04-20", True),  # any day of April
        ("2026-XX-15", "[2026-04-20,2026-06-20]", False),
        ("2026-XX-15", "[2026-04-20,2026-06-15]", True),
        ("2026-XX-15", "2026-XX-16", False),
        ("2026-XX-15", "2026-1X-1X", True),
        ("[2026-XX-15,2027]", "2026-04-20", False),  # a set's member with digits unspecified
        ("{2026-XX-15,2027}", "2026-04-15", True),
    ],
)
def test_unspecified_digits_overlap_only_where_they_can_fall(a: str, b: str, overlap: bool) -> None:
    wa, wb = When.parse(a), When.parse(b)
    assert wa.overlaps(wb) is overlap
    assert wb.overlaps(wa) is overlap


@pytest.mark.parametrize(
    ("container", "other", "held"),
    [
        ("2026-XX-15", "2026-04-15", False),  # it may be the 15th of any other month
        ("2026-04-XX", "2026-04-20", True),  # some day of April: April
        ("2026-1X", "2026-11", True),  # October to December, one run
        ("2026-X2", "2026-12", False),  # February or December
        ("2026", "2026-XX-15", True),
        ("2026-04/2026-06", "2026-XX-15", False),
        ("{2026-01..2026-06,2026-07..2026-12}", "2026-XX-15", True),  # each 15th is inside some
        ("{2026-01..2026-06,2026-08..2026-12}", "2026-XX-15", False),  # not 15 July
        ("{2026-01..2026-06,2026-08..2026-12}", "2026-X2", True),
    ],
)
def test_unspecified_digits_contain_only_what_every_reading_holds(
    container: str, other: str, held: bool
) -> None:
    assert When.parse(container).contains(When.parse(other)) is held


def test_a_timeline_reads_unspecified_digits_as_the_relations_do() -> None:
    tl = Timeline(
        [
            Event(id="fifteenth", title="a", when="2026-XX-15"),
            Event(id="april", title="b", when="2026-04-XX"),
            Event(id="x2", title="c", when="2026-X2"),
        ]
    )
    assert [e.id for e in tl.overlapping("2026-04-20")] == ["april"]
    assert [e.id for e in tl.overlapping("2026-05")] == ["fifteenth"]
    assert sorted(e.id for e in tl.overlapping("2026-XX-20")) == ["april", "x2"]
    assert sorted(e.id for e in tl.overlapping("2026-XX-15")) == ["april", "fifteenth", "x2"]
    assert [e.id for e in tl.included("2026-X2")] == []
    assert sorted(e.id for e in tl.included("2026")) == ["april", "fifteenth", "x2"]


# -- properties over the enumerated days ----------------------------------------------------

_SETTINGS = settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.fuzz
@_SETTINGS
@given(models())
def test_bounds_are_the_first_and_last_possible_day(m: Model) -> None:
    w = value(m)
    reach = m.plain if m.reach is None else (m.reach,)
    assert (as_date(w.earliest), as_date(w.latest)) == bounds(reach), m.text
    lo, hi = w.fuzzy_bounds()
    assert (as_date(lo), as_date(hi)) == bounds(m.wide), m.text


@pytest.mark.fuzz
@_SETTINGS
@given(models(), models())
def test_relations_are_the_enumerated_days(a: Model, b: Model) -> None:
    assume(not (outside(a) and outside(b)))
    wa, wb = value(a), value(b)
    shown = f"{a.text} | {b.text}"
    assert wa.overlaps(wb) is overlaps(a, b), shown
    assert wa.definitely_before(wb) is definitely_before(a, b), shown
    assert wa.possibly_before(wb) is (not definitely_before(b, a)), shown
    assert wa.contains(wb) is contains(a, b), shown


@pytest.mark.fuzz
@_SETTINGS
@given(models(), models())
def test_trichotomy_and_order(a: Model, b: Model) -> None:
    assume(not (outside(a) and outside(b)))
    wa, wb = value(a), value(b)
    held = [wa.definitely_before(wb), wb.definitely_before(wa), wa.overlaps(wb)]
    if several(a) or several(b):  # one reading before, another after: none of the three
        assert sum(held) <= 1, (a.text, b.text)
    else:
        assert sum(held) == 1, (a.text, b.text)
    if held[0]:
        assert wa < wb
    if wa.contains(wb):
        assert wa.overlaps(wb)


@pytest.mark.fuzz
@_SETTINGS
@given(st.lists(models(), min_size=1, max_size=6), models())
def test_window_queries_are_the_relations(events: list[Model], window: Model) -> None:
    w = value(window)
    # a window needs its ends (QueryError, tested elsewhere)
    assume(w.upper != "unknown" and w.lower != "unknown")
    assume(not outside(window) or not any(outside(m) for m in events))
    assume(sum(outside(m) for m in events) <= 1)
    tl = Timeline([Event(id=f"e{i}", title=m.text, when=m.text) for i, m in enumerate(events)])
    by_id = {f"e{i}": m for i, m in enumerate(events)}
    overlapping = {e.id for e in tl.overlapping(w)} if not w.is_undated else set()
    assert overlapping == {i for i, m in by_id.items() if overlaps(m, window)}, window.text
    included = {e.id for e in tl.included(w)}
    assert included == {i for i, m in by_id.items() if contains(window, m)}, window.text
    if w.earliest is not None or w.latest is not None:
        after = {e.id for e in tl.start_after(w)} if w.latest is not None else set()
        if w.latest is not None:
            want = {i for i, m in by_id.items() if definitely_before(window, m)}
            assert after == want, window.text
        if w.earliest is not None:
            earlier = {e.id for e in tl.before(w)}
            want = {i for i, m in by_id.items() if definitely_before(m, window)}
            assert earlier == want, window.text
    ordered = [e.id for e in tl]  # a timeline keeps its events in date order
    position = {i: k for k, i in enumerate(ordered)}
    for i, m in by_id.items():
        for j, n in by_id.items():
            if definitely_before(m, n):
                assert position[i] < position[j], (m.text, n.text)


@pytest.mark.parametrize(
    ("container", "other", "held"),
    [
        # starts on 15 January, February or March: surely from 15 March only
        ("2026-XX-15/2026-03", "2026-02-20", False),
        ("2026-XX-15/2026-03", "2026-03-20", True),
        ("2026-04/2026-X2", "2026-06", True),  # not February, before it starts: December
        ("2026-01/2026-X2", "2026-01-20", True),  # ends in February at the earliest
        ("2026-01/2026-X2", "2026-03", False),
        ("2026-XX-15/..", "2026-11", False),
        ("2026-XX-15/..", "2027", True),
        ("../2026-XX-15", "2026-01-10", True),
        ("../2026-XX-15", "2026-01-20", False),
        ("2026-XX-15/2026-XX-20", "2026-06-17", False),  # 15-20 January .. 15-20 December
        ("2026-XX-15/", "2026-06-15", False),  # may end as soon as it starts, any month
        ("2026-04-XX/", "2026-04-10", True),  # starts and may end in April: April
        ("[2026-XX-15..2026-XX-20]", "2026-06-17", False),
        ("{2026-XX-15..2026-XX-20,2026-06}", "2026-06-17", True),
    ],
)
def test_an_interval_between_unspecified_digits_holds_what_every_reading_holds(
    container: str, other: str, held: bool
) -> None:
    assert When.parse(container).contains(When.parse(other)) is held


def test_a_timeline_window_between_unspecified_digits_is_as_narrow() -> None:
    tl = Timeline(
        [
            Event(id="feb", title="a", when="2026-02-20"),
            Event(id="mar", title="b", when="2026-03-20"),
        ]
    )
    assert [e.id for e in tl.included("2026-XX-15/2026-03")] == ["mar"]
    assert [e.id for e in tl.included("2026-XX-15", "2026-03")] == ["mar"]
    assert [e.id for e in tl.included("2026-XX-15/2026-XX-20")] == []


def test_unspecified_digits_are_upcoming_only_when_a_day_they_allow_is() -> None:
    event = Event(title="x", when="2026-XX-15")
    assert not event.upcoming("2026-04-16", 20)  # 16 April to 6 May holds no 15th
    assert event.upcoming("2026-04-16", 30)
    assert len(Timeline([event]).upcoming(as_of="2026-04-16", within=20)) == 0
    assert not event.overdue("2026-12-15")
    assert event.overdue("2026-12-16")


@pytest.mark.fuzz
@_SETTINGS
@given(models(), st.dates(dt.date(2024, 6, 1), dt.date(2028, 6, 1)), st.integers(0, 120))
def test_upcoming_and_overdue_are_the_enumerated_days(
    m: Model, as_of: dt.date, within: int
) -> None:
    event = Event(title="x", when=m.text)
    day = as_of.toordinal()
    stop = day + within
    wide = set().union(*(days(r) for r in m.wide))
    assert event.overdue(as_of) is (max(wide) < day), m.text
    lo, hi = bounds(m.plain if m.reach is None else (m.reach,))
    position = lo if lo is not None else hi
    due = position == "past" or (isinstance(position, dt.date) and position.toordinal() <= stop)
    meets_window = bool(wide & set(range(day, stop + 1)))
    assert event.upcoming(as_of, within) is (meets_window and due), m.text


def test_an_interval_from_a_set_holds_from_its_last_possible_start() -> None:
    # April-or-June to December is April..December or June..December: surely June on
    w = When.interval(When.parse("April or June 2026"), When.parse("2026-12"))
    assert not w.contains(When.parse("2026-05-10"))
    assert w.contains(When.parse("2026-07"))
    assert w.overlaps(When.parse("2026-05-10"))  # at its widest it is one span
    tl = Timeline([Event(id="may", title="x", when="2026-05-10")])
    assert len(tl.included("April or June 2026", "2026-12")) == 0
    assert len(tl.included("2026-04", "2026-12")) == 1


# -- the runs of a mask of many years, made near a day rather than all at once --------------

YEAR_MASKS = ["1X2X", "2X0X", "X5X5", "XX04", "X900", "19XX", "XX96"]
MONTH_MASKS = ["XX", "X2", "1X", "0X", "02", "12", "01", "X1"]
DAY_MASKS = ["", "15", "X1", "3X", "29", "2X", "31", "01", "X9"]


@st.composite
def many_years(draw: st.DrawFn) -> tuple[When, tuple[Run, ...], tuple[Run, ...]]:
    """A mask of many years (never year 1 or 9999) with its plain and padded runs,
    enumerated day by day over the years it allows."""
    y, mo, d = (draw(st.sampled_from(parts)) for parts in (YEAR_MASKS, MONTH_MASKS, DAY_MASKS))
    mask = f"{y}-{mo}" + (f"-{d}" if d else "")
    mark = draw(st.sampled_from(sorted(MARKS)))
    try:
        w = When.parse(mask + mark)
    except ValueError:  # allows no day ("XX04-02-3X")
        assume(False)
    years = [k for k in range(1, 10_000) if _fits(y, f"{k:04d}")]
    found = mask_units(mask, years)
    plain = runs_of([plain_run(u) for u in found])
    wide = tuple(
        (pad(first, MARKS[mark])[0], pad(last, MARKS[mark])[1])
        for first, last in _runs_units(found)
    )
    return w, plain, wide


def _ordinals(spans: object) -> list[Run]:
    return [(lo.toordinal(), hi.toordinal()) for lo, hi in spans]  # type: ignore[attr-defined]


@pytest.mark.fuzz
@settings(max_examples=examples(25), deadline=None)
@given(many_years(), st.integers(dt.date(1000, 1, 1).toordinal(), dt.date(9990, 1, 1).toordinal()))
def test_the_runs_near_a_day_are_the_enumerated_runs(
    drawn: tuple[When, tuple[Run, ...], tuple[Run, ...]], day: int
) -> None:
    w, plain, wide = drawn
    runs = mask_readings(w)
    if len(plain) < 2:  # one run: read by its hull
        assert runs is None
        return
    assert runs is not None and mask_readings(w, plain=True) is not None
    holders = mask_readings(w, plain=True)
    assert holders is not None
    assert _ordinals(runs) == list(wide), w
    assert _ordinals(holders) == list(plain), w
    assert _ordinals([runs.hull()]) == [(wide[0][0], wide[-1][1])]
    near = [r for r in wide if r[1] >= day][:3]
    assert _ordinals(itertools.islice(runs.near(day), 3)) == near, (w, day)
    starting = [r for r in plain if r[0] <= day]
    last = holders.last_starting_by(day)
    assert (None if last is None else _ordinals([last])[0]) == (starting[-1] if starting else None)
    ending = [r for r in plain if r[1] >= day]
    first = holders.first_ending_from(day)
    assert (None if first is None else _ordinals([first])[0]) == (ending[0] if ending else None)


@pytest.mark.fuzz
@settings(max_examples=examples(25), deadline=None)
@given(many_years(), many_years())
def test_masks_of_many_years_meet_where_their_enumerated_runs_do(
    a: tuple[When, tuple[Run, ...], tuple[Run, ...]],
    b: tuple[When, tuple[Run, ...], tuple[Run, ...]],
) -> None:
    (wa, _, wide_a), (wb, _, wide_b) = a, b
    theirs = sorted(wide_b)
    meet = False
    for lo, hi in wide_a:  # brute force, with bisect only to keep it quick
        k = bisect.bisect_left([r[1] for r in theirs], lo)
        meet = meet or any(r[0] <= hi for r in theirs[k : k + 400] if r[1] >= lo)
    assert wa.overlaps(wb) is meet, (wa, wb)
    assert wb.overlaps(wa) is meet, (wa, wb)
    before = wide_a[-1][1] < wide_b[0][0]
    assert wa.definitely_before(wb) is before, (wa, wb)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("XXXX-XX-15", "0001-01-15", "9999-12-15"),
        ("XXXX-XX-15~", "0001-01-14", "9999-12-16"),  # a day either side, in the calendar
        ("XXXX-XX-01~", "0001-01-01", "9999-12-02"),  # not before year 1
        ("XXXX-XX-31%", "0001-01-29", "9999-12-31"),
        ("XXXX-12~", "0001-11-01", "9999-12-31"),
        ("XXXX-02-29", "0004-02-29", "9996-02-29"),
        ("XXXX-X1?", "0001-01-01", "9999-12-31"),  # January and November, a month either side
    ],
)
def test_the_runs_of_any_year_reach_the_calendars_ends(
    text: str, earliest: str, latest: str
) -> None:
    runs = mask_readings(When.parse(text))
    assert runs is not None
    assert [p.isoformat() for p in runs.hull()] == [earliest, latest]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("XXXX-XX-15", "XXXX-XX-16", False),  # the 15th is never the 16th
        ("XXXX-XX-15~", "XXXX-XX-16", True),
        ("XXXX-02-29", "XXXX-XX-29", True),
        ("XXXX-02-29", "XXXX-03-01", False),
        ("XXXX-02-29~", "XXXX-03-01", True),
        ("XXX1-02-2X", "XXXX-02-29", False),  # no year ending in 1 is a leap year
        ("XXXX-12-31", "XXXX-01-01", False),
        ("XXXX-12-31~", "XXXX-01-01", True),  # across the year's end
        ("XXX1-12-31~", "XXX3-01-01", False),  # years 1 and 3 are not next to each other
        ("XXX1-12-31~", "XXX2-01-01", True),
        ("9999-XX-15", "XXXX-12-16", False),
        ("9999-XX-15~", "XXXX-12-16", True),
        ("XXXX-X2", "XXXX-1X", True),  # December
        ("XXXX-02", "XXXX-1X", False),
        ("XXXX-02~", "XXXX-1X", False),  # January to March; October to December
        ("XXXX-02%", "XXXX-1X", True),  # December to April
        ("XXXX-02?", "XXXX-04", False),
        ("XXXX-02%", "XXXX-04", True),
    ],
)
def test_masks_of_any_year_overlap_only_where_they_can_fall(a: str, b: str, overlap: bool) -> None:
    wa, wb = When.parse(a), When.parse(b)
    assert wa.overlaps(wb) is overlap
    assert wb.overlaps(wa) is overlap


@contextlib.contextmanager
def _counting_runs() -> Iterator[list[int]]:
    """Count the runs of masks made while inside: ``[count]``."""
    counted = [0]
    real = Runs._raw

    def counting(self: Runs, k: int) -> Iterator[tuple[int, int]]:
        for run in real(self, k):
            counted[0] += 1
            yield run

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Runs, "_raw", counting)
        yield counted


def test_a_timeline_of_masks_of_any_year_reads_only_the_runs_near_the_window() -> None:
    # 28 masks of any year: building every run of each took seconds (~120,000 runs each)
    tl = Timeline([Event(id=f"d{d}", title="x", when=f"XXXX-XX-{d:02d}") for d in range(1, 29)])
    with _counting_runs() as counted:
        found = [e.id for e in tl.overlapping("2026-04-15", "2026-04-16")]
        assert found == ["d15", "d16"]
        assert [e.id for e in tl.included("2026")] == []
        assert len(tl.before("2026")) == 0 and len(tl.start_after("2026")) == 0
        assert [e.id for e in tl.on("2026-04-20")] == ["d20"]
    assert counted[0] < 28 * 2_000, counted[0]  # runs of a few years each, not of 9,999


@pytest.mark.parametrize(
    ("a", "b", "overlap", "held"),
    [
        ("[XXXX-XX-15,2027]", "2026-04-15", True, False),
        ("[XXXX-XX-15,2027]", "2026-04-16", False, False),
        ("{XXXX-XX-15,2027}", "2027-04-16", True, True),  # 2027 holds it
        ("[XXXX-XX-15,XXXX-XX-16]", "2026-04-17", False, False),
    ],
)
def test_a_set_with_a_mask_of_any_year_reads_the_runs_near_the_other_side(
    a: str, b: str, overlap: bool, held: bool
) -> None:
    wa, wb = When.parse(a), When.parse(b)
    with _counting_runs() as counted:
        assert wa.overlaps(wb) is overlap and wb.overlaps(wa) is overlap
        assert wa.contains(wb) is held
        assert not wa.definitely_before(wb) and not wb.definitely_before(wa)
    assert counted[0] < 5_000, counted[0]  # was every run of the mask: ~120,000
