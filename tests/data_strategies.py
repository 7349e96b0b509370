"""Hypothesis strategies for events and timelines, shared by the data-file tests."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from timeline import (
    Claim,
    Event,
    EventError,
    Observation,
    Quantity,
    Source,
    Status,
    Target,
    Timeline,
    TimelineError,
    When,
)
from timeline.model._text import name_key

_YEARS = st.integers(1990, 2040)


def plain_whens() -> st.SearchStrategy[When]:
    """Dates of every grain, without relations or interval ends."""
    return st.one_of(
        st.builds(When.day, _YEARS, st.integers(1, 12), st.integers(1, 28)),
        st.builds(When.month, _YEARS, st.integers(1, 12)),
        st.builds(When.quarter, _YEARS, st.integers(1, 4)),
        st.builds(When.third, _YEARS, st.integers(1, 3)),
        st.builds(When.half, _YEARS, st.integers(1, 2)),
        st.builds(When.season, _YEARS, st.integers(21, 24)),
        st.builds(When.year, _YEARS),
        st.builds(When.decade, st.sampled_from([1990, 2000, 2010, 2020, 2030])),
        st.builds(
            lambda y, m, d, h, mi, off: When.instant(
                dt.datetime(y, m, d, h, mi, tzinfo=dt.timezone(dt.timedelta(hours=off)))
            ),
            _YEARS,
            st.integers(1, 12),
            st.integers(1, 28),
            st.integers(0, 23),
            st.sampled_from([0, 30]),
            st.integers(-12, 14),
        ),
    )


def whens() -> st.SearchStrategy[When]:
    """Any date a data file may hold: qualified, deadlines, before/after, intervals."""
    qualified = st.builds(
        lambda w, a, u: w.qualify(approximate=a, uncertain=u),
        plain_whens(),
        st.booleans(),
        st.booleans(),
    )
    related = st.builds(lambda w, f: f(w), qualified, st.sampled_from([When.by, When.after]))
    end = st.one_of(qualified, st.sampled_from(["open", "unknown"]))
    interval = st.builds(
        lambda a, b: When.interval(a, b) if _ordered(a, b) else When.interval(b, a), end, end
    ).filter(lambda w: w.lower != w.upper or isinstance(w.lower, When))
    return st.one_of(qualified, related, interval)


def _ordered(a: When | str, b: When | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return True
    return bool(a.earliest is None or b.latest is None or a.sort_key <= b.sort_key)


# Text as people type it into a tracker: any printable character, several lines,
# and the first characters a spreadsheet would run as a formula (=, +, -, @, ').
_TEXT = st.text(
    st.characters(blacklist_categories=["Cs", "Cc"])
    | st.sampled_from(["\n", "\t", ";", "'", "=", "+", "-", "@", '"', ","]),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() == s and s != "")
_NAMES = st.lists(_TEXT.filter(lambda s: "\n" not in s), max_size=3, unique=True)


_NO_IDS: st.SearchStrategy[str | None] = st.none()  # the default: ids are the titles' slugs
_URLS = st.sampled_from(
    ["https://example.org/a?b=1,c", "https://x.cn/新闻?q=a;b", "http://h/a b#c\\d", "mailto:a@b"]
)


def sources(
    text: st.SearchStrategy[str] = _TEXT, dates: st.SearchStrategy[When] | None = None
) -> st.SearchStrategy[Source]:
    return st.builds(
        Source,
        text.filter(_visible),
        publisher=st.none() | text,
        url=st.none() | (_URLS if text is _TEXT else _URLS | text),
        published=st.none() | (plain_whens() if dates is None else dates.filter(_has_start)),
        quote=st.none() | text,
    )


def claims(
    text: st.SearchStrategy[str] = _TEXT, dates: st.SearchStrategy[When] | None = None
) -> st.SearchStrategy[Claim]:
    return st.builds(
        Claim,
        stated=st.builds(When.day, _YEARS, st.integers(1, 12), st.integers(1, 28))
        if dates is None
        else dates.filter(_has_start),
        when=st.none() | (whens() if dates is None else dates),
        status=st.none() | st.sampled_from(Status),
        source=st.none() | sources(text, dates),
        note=st.none() | text,
    )


_UNITS = st.sampled_from(["", "USD", "CNY", "tokens per day", "enterprises", "devices", "%"])


def quantities() -> st.SearchStrategy[Quantity]:
    """Figures of every bound: exact, at least, at most, approximate, ranges."""
    numbers = st.integers(0, 10**15) | st.decimals(0, 10**6, places=2, allow_nan=False)
    single = st.builds(
        lambda v, u, b: Quantity(v, u, bound=b),
        numbers,
        _UNITS,
        st.sampled_from(["exact", "at_least", "more_than", "at_most", "less_than", "approx"]),
    )
    ranged = st.builds(
        lambda low, extra, u: Quantity.range(low, low + extra, u),
        st.integers(0, 10**12),
        st.integers(1, 10**12),
        _UNITS,
    )
    return single | ranged


def observations(
    text: st.SearchStrategy[str] = _TEXT, dates: st.SearchStrategy[When] | None = None
) -> st.SearchStrategy[Observation]:
    return st.builds(
        Observation,
        plain_whens() if dates is None else dates.filter(lambda w: not w.is_undated),
        quantities(),
        source=st.none() | sources(text, dates),
        note=st.none() | text,
    )


@st.composite
def targets(draw: st.DrawFn, text: st.SearchStrategy[str] = _TEXT) -> Target:
    goal = draw(quantities())
    deadline = draw(plain_whens().map(When.by))
    baseline = draw(st.none() | st.builds(Observation, plain_whens(), quantities()))
    metric = draw(text.filter(_visible))
    try:
        return Target(metric, goal, deadline, baseline=baseline)
    except ValueError:  # a baseline in other units or after the deadline is refused
        return Target(metric, goal, deadline)


@st.composite
def events(
    draw: st.DrawFn,
    text: st.SearchStrategy[str] = _TEXT,
    dates: st.SearchStrategy[When] | None = None,
    ids: st.SearchStrategy[str | None] = _NO_IDS,
) -> Event:
    """An event with every field; ``text``, ``dates`` and ``ids`` draw its values."""
    names = _NAMES if text is _TEXT else st.lists(text.filter(_visible), max_size=3)
    fields = {
        "title": draw(text.filter(_visible)),
        "id": draw(ids),
        "when": draw(whens() if dates is None else dates),
        "status": draw(st.sampled_from(Status)),
        "kind": draw(st.none() | text),
        "actors": draw(names.map(_one_each)),
        "tags": draw(names.map(_one_each)),
        "location": draw(st.none() | text),
        "description": draw(st.none() | text),
        "sources": draw(st.lists(sources(text, dates), max_size=2)),
        "claims": draw(st.lists(claims(text, dates), max_size=2)),
        "target": draw(st.none() | targets(text)),
        "observations": draw(st.lists(observations(text, dates), max_size=2)),
        "related": draw(st.lists(st.sampled_from(["a-1", "b.2", "c_3"]), max_size=2, unique=True)),
    }
    end = draw(st.none() | (plain_whens() if dates is None else dates))
    try:
        return Event(end=end, **fields)
    except EventError:  # an end before the start is refused; drop it
        return Event(**fields)


def _one_each(names: list[str]) -> list[str]:
    """Names as an event keeps them: stripped, each once (a list, so one holding ',' is one)."""
    return list(dict.fromkeys(n.strip() for n in names if n.strip()))


@st.composite
def timelines(
    draw: st.DrawFn,
    text: st.SearchStrategy[str] = _TEXT,
    dates: st.SearchStrategy[When] | None = None,
    ids: st.SearchStrategy[str | None] = _NO_IDS,
    max_events: int = 4,
) -> Timeline:
    """Timelines as a data file holds them: unique ids, ``related`` naming events in it."""
    evs = list(
        {e.id: e for e in draw(st.lists(events(text, dates, ids), max_size=max_events))}.values()
    )
    known = [e.id for e in evs]
    evs = [
        attrs.evolve(e, related=draw(st.lists(st.sampled_from(known), max_size=2, unique=True)))
        for e in evs
    ]
    # Fiscal years (actor: the month it starts) sometimes, as a tracker of big tech has them.
    actors = st.sampled_from(["Microsoft", "Apple", "腾讯", "Alibaba Group"])
    # One month per actor: names match stripped and whatever their case ("X" and "x " are one).
    fiscal = draw(
        st.dictionaries(
            actors if text is _TEXT else actors | text.filter(_visible),
            st.integers(1, 12),
            max_size=2,
        ).filter(lambda table: len({name_key(k.strip()) for k in table}) == len(table))
    )
    return Timeline(
        evs,
        name=draw(st.none() | text),
        description=draw(st.none() | text),
        fiscal_years=fiscal,
    )


def hostile_timelines(max_events: int = 4) -> st.SearchStrategy[Timeline]:
    """Valid timelines built from `hostile_text`, `hostile_whens` and `HOSTILE_IDS`."""
    return timelines(hostile_text(), hostile_whens(), st.none() | HOSTILE_IDS, max_events)


# -- hostile but valid --------------------------------------------------------------------------
# What a stranger's tracker holds that is still a valid timeline: every kind of text a file
# format may misread (what looks like a number, date, YAML keyword, comment, list item or
# formula; right-to-left and combining text, emoji sequences, zero-width and control
# characters, very long text), ids at the edges of the id rule, and dates at the calendar's
# edges, with odd offsets, sets, fiscal periods, unspecified digits and open ends.

LOOKALIKES = [
    *("yes", "no", "on", "off", "y", "n", "true", "False", "null", "Null", "NULL", "~", "None"),
    *("1", "0", "-0", "007", "1e3", "1E-3", "0x1F", "0o17", "0b1", ".5", "1_000", "+1", "-1"),
    *(".inf", "-.inf", ".nan", "NaN", "Infinity", "2026", "2026-04", "2026-04-15", "12:30"),
    *("2026-04-15T10:00:00Z", "1:30:00", "- x", "-", "#x", "# x", ": x", "x: y", "x #y", "&a"),
    *("*a", "!tag", "!!str", "|", ">", "> x", "[a]", "{a: 1}", "'q'", '"q"', "%YAML", "@x"),
    *("`x", "---", "...", "?", "? x", "=1+2", "+1+2", "-2+3", "@SUM(A1)", "'=x", "''", "'"),
    *('=HYPERLINK("http://x")', "\t=1", "\r=1", "a,b", 'a"b', '"', '""', "a;b", ";", "\\", "\\n"),
    *("{}", "[]", '{"a": 1}', "[1, 2]", "<b>x</b>", "&amp;", "%s", "{0}", "$x", "${x}"),
    *("BEGIN:VEVENT", "END:VCALENDAR", "X-TIMELINE-ID:x", "a\\,b", "a\\;b", "TBD", "April"),
]
EXOTIC = [
    *("שלום עולם", "مرحبا بالعالم", "\u202eevil\u202c", "\u2066x\u2069", "e\u0301", "\u0301"),
    *("👩\u200d👩\u200d👧\u200d👦", "🇨🇳", "👍🏽", "a\u200db", "\u200b", "\u2060", "\ufeffbom"),
    *("\u00a0", "\u3000", "\u2028", "\u2029", "\x85", "\x1c", "\x1f", "\x0b", "\x0c", "\t"),
    *("\x1b[2J", "\x7f", "\x01", "\x08", "\x9b", "\ufffd", "\ufffe", "\U0010ffff", "\uf8ff"),
    *("𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﬁ", "Ⅻ", "²", "٣", "İ", "ß", "ǅ", "\u0345", "腾讯混元", "\n", "\r\n", "\r"),
]
_PIECE = (
    st.sampled_from(LOOKALIKES)
    | st.sampled_from(EXOTIC)
    | st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")
)


def hostile_text(min_size: int = 1) -> st.SearchStrategy[str]:
    """Valid but awkward text: look-alikes, exotic characters, sometimes thousands long.

    Text that the constructors normalise (a title is stripped, blank text is none) is drawn
    too: a property compares the value as built with the value read back.
    """
    short = st.lists(_PIECE, min_size=min_size, max_size=6).map("".join)
    long = st.builds(lambda piece, n: piece * n, short.filter(bool), st.integers(200, 1500))
    return st.one_of(st.sampled_from(LOOKALIKES), short, short, long, _TEXT)


def _visible(text: str) -> bool:
    return bool(text.strip())


def _has_start(when: When) -> bool:
    """A date with a first day: what a source's ``published`` or a claim's ``stated`` needs."""
    return when.earliest is not None


# Ids: the rule is an ASCII letter or digit, then word characters, '.', '-' (Unicode word
# characters count: digits and letters of other scripts).
HOSTILE_IDS = st.one_of(
    st.sampled_from(
        [
            *("0", "a", "A", "a.", "a-", "a_", "1e3", "2026-04", "null", "yes", "NaN", "a..b"),
            *("x" * 300, "a²", "aé", "a٣", "aⅫ", "a腾讯", "a_ǅ", "0.0", "0-0", "E", "aª", "aµ"),
        ]
    ),
    st.from_regex(r"\A[A-Za-z0-9][\w.\-]{0,20}\Z"),
)

_ODD_OFFSETS = [
    dt.timedelta(hours=14),
    -dt.timedelta(hours=12),
    dt.timedelta(hours=5, minutes=45),
    -dt.timedelta(hours=3, minutes=30),
    dt.timedelta(minutes=1),
    -dt.timedelta(minutes=1),
    dt.timedelta(0),
    dt.timedelta(hours=18),
    -dt.timedelta(hours=18),
    dt.timedelta(hours=1, seconds=1),
]


_EDGE_ZONES = [
    *("Asia/Kolkata", "America/New_York", "Pacific/Kiritimati", "Pacific/Honolulu"),
    *("Europe/Amsterdam", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"),
]


@st.composite
def edge_instants(draw: st.DrawFn) -> When:
    """Instants at the calendar's ends, with odd offsets and fractions of a second."""
    year = draw(st.sampled_from([1, 2, 1582, 1970, 2038, 9998, 9999]) | st.integers(1, 9999))
    moment = dt.datetime(
        year,
        draw(st.integers(1, 12)),
        draw(st.integers(1, 28)),
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        draw(st.integers(0, 59)),
        draw(st.sampled_from([0, 0, 1, 999_999, 500_000])),
    )
    zone = draw(st.none() | st.sampled_from(_ODD_OFFSETS) | st.sampled_from(_EDGE_ZONES))
    if isinstance(zone, dt.timedelta):
        moment = moment.replace(tzinfo=dt.timezone(zone))
    elif zone is not None:  # a named zone: local mean time before 1900, DST, either fold
        moment = moment.replace(tzinfo=ZoneInfo(zone), fold=draw(st.integers(0, 1)))
    try:
        return When.instant(moment)
    except TimelineError:  # past the calendar once the offset is applied: refused, fine
        return When.instant(moment.replace(year=2000))


_EDGE_TEXTS = [
    *("0001", "9999", "0001-01-01", "9999-12-31", "0001-01", "9999-12", "000X", "999X", "99XX"),
    *("202X", "20XX", "2026-XX", "2026-04-XX", "2026-XX-XX", "[2025-35,2025-36]", "{2025,2027}"),
    *("[..2025-04,2026]", "0001/0002", "9998/9999", "../9999", "0001/..", "/2026", "2026/"),
    *("2026-21", "2026-24", "9999-24", "0001-21", "2026-37", "2026-41", "2026-04~", "2026-04%"),
    *("?2026", "2026-04?", "9999~", "0001%", "TBD", "early 2024", "mid-April 2026", "c. 2026"),
    *("Q3 or Q4 2025", "by the end of 2030", "before 0002", "after 9998", "the 2020s"),
    *("2026-W01", "2026-W53", "2026-04-15T10:00+05:45", "0001-01-01T00:00:00+14:00"),
]


def _edge_when(text: str) -> When | None:
    for read in (When.parse, When.from_edtf):
        try:
            return read(text)
        except TimelineError:
            continue
    return None


# The edge texts the calendar takes ("9999-24", winter 9999, runs past it and is refused).
_EDGE_WHENS = [w for w in map(_edge_when, _EDGE_TEXTS) if w is not None]


@st.composite
def fiscal_whens(draw: st.DrawFn) -> When:
    """A fiscal period, as the calendar dates it covers."""
    phrase = draw(st.sampled_from(["FY{y}", "Q{q} FY{y}", "H{h} FY{y}", "by FY{y}", "c. FY{y}"]))
    year, quarter = draw(st.integers(2, 9999)), draw(st.integers(1, 4))
    half = draw(st.integers(1, 2))
    text = phrase.format(y=year, q=quarter, h=half)
    try:
        return When.parse(text, fiscal_year_start=draw(st.integers(1, 12)))
    except TimelineError:  # a fiscal year past the calendar's ends
        return When.parse("FY2026", fiscal_year_start=7)


def hostile_whens() -> st.SearchStrategy[When]:
    """Any valid date, edges included: years 1 and 9999, odd offsets, sets, fiscal, undated."""
    from strategies import whens as any_whens

    return st.one_of(
        any_whens(),
        whens(),
        edge_instants(),
        st.sampled_from(_EDGE_WHENS),
        fiscal_whens(),
        st.just(When.undated()),
    )


@st.composite
def claim_histories(draw: st.DrawFn) -> Event:
    """An event and a random claim history: an initial statement, dated or undated ("TBD"),
    then claims that date, undate, move, confirm, happen, cancel and revive it, in any order.
    """
    maybe_undated = st.just(When.undated()) | whens()
    published = draw(
        st.none() | st.builds(When.day, _YEARS, st.integers(1, 12), st.integers(1, 28))
    )
    event = Event(
        title=draw(st.sampled_from(["a", "b", "c", "d"])),
        when=draw(maybe_undated),
        status=draw(st.sampled_from(Status)),
        sources=[] if published is None else [Source("article", published=published)],
    )
    for _ in range(draw(st.integers(0, 5))):
        event = event.revise(
            stated=draw(st.builds(When.day, _YEARS, st.integers(1, 12), st.integers(1, 28))),
            when=draw(st.none() | maybe_undated),
            status=draw(st.none() | st.sampled_from(Status)),
        )
    return event
