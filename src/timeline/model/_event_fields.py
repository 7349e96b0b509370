"""The checked and shared fields of an `Event`, before the event is built.

`init_checked` is the body of `Event`'s constructor: it checks the arguments,
each error naming its field and the fix (the title and the id, by default the
title's slug, `slugify`; line endings made one; the types of sources, claims,
target and observations; the dates read, relative to the first source and in
the given fiscal years, and in order), then sets the fields. Lists of names
(actors, tags, related ids) are checked and shared one tuple per distinct list,
so large timelines stay small; claims are kept in stated order. Apart from
`timeline.model._event` so the event reads as what it says, not how its
arguments are checked.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, Unpack

import attrs

from timeline._errors import EventError, quoted
from timeline.dates._bounds import _cmp, _key
from timeline.dates._days import coerce_when, to_day
from timeline.figures._growth import Observation, series_order
from timeline.figures._source import Source
from timeline.figures._target import Target
from timeline.figures._text import checked_text, optional_text
from timeline.model._claim import Claim, Status, _status, yearless_reading

if TYPE_CHECKING:
    from timeline.dates._when import When

__all__ = ["Fields", "field_setter", "init_checked", "slugify", "stated_order"]

Fields: TypeAlias = tuple[
    str,  # title
    "When",  # when
    str,  # id
    "When | None",  # end
    Status,
    "str | None",  # kind
    tuple[str, ...],  # actors
    tuple[str, ...],  # tags
    "str | None",  # location
    "str | None",  # description
    tuple[Source, ...],
    tuple[Claim, ...],
    tuple[str, ...],  # related
    "Target | None",
    tuple[Observation, ...],
]
"""An event's fields, checked, in `Event`'s field order."""

# Large timelines repeat the same actor and tag lists; sharing one tuple per
# distinct list keeps an event small (benchmarks/bench_timeline.py).
_SHARED_MAX = 1 << 16


def _name_order(name: object) -> tuple[str, str]:
    """How names from a set are ordered: by their case-folded text, then as written.

    >>> sorted({"beta", "Alpha", "alpha"}, key=_name_order)
    ['Alpha', 'alpha', 'beta']
    """
    text = name if isinstance(name, str) else quoted(name)  # a non-name is refused later
    return text.casefold(), text


def _strings(value: Iterable[str] | str | None, owner: str, field: str) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str) and ("," in value or ";" in value):
        separator = "," if "," in value else ";"
        # "Tesla, Elon Musk" (or "Tesla; SpaceX", as CSV lists go) is two names written as one
        # text: stored as one name it would match neither; refuse it and show the list.
        parts = [part.strip() for part in value.split(separator) if part.strip()]
        held = "a comma" if separator == "," else f"a {quoted(separator)}"
        raise EventError(
            f"{owner}: {field}: {quoted(value)} holds several names in one text; give a list: "
            f"{quoted(parts)} (or [{quoted(value)}] for one name holding {held})"
        )
    kind = type(value)
    if kind is not list and kind is not tuple and isinstance(value, Mapping):
        # Iterated, a dict gives its keys and loses its values.
        raise EventError(
            f"{owner}: {field}: {quoted(value)} is a mapping, not a list of names; give a list"
        )
    try:
        items = (value,) if isinstance(value, str) else tuple(value)
    except TypeError:
        raise EventError(f"{owner}: {field}: {quoted(value)} is not a list of names") from None
    if kind is not list and kind is not tuple and isinstance(value, (set, frozenset)):
        # A set's order changes from run to run (string hashes are salted): its names are
        # sorted, so every run builds the same event (and the same first actor).
        items = tuple(sorted(items, key=_name_order))
    # A list seen before (large timelines repeat a few): its names, equal to these,
    # were checked then.
    try:
        shared = _shared_names.get(items)
    except TypeError:  # an unhashable item: reported below
        shared = None
    if shared is not None:
        return shared
    for item in items:
        if not isinstance(item, str):
            raise EventError(f"{owner}: {field}: {quoted(item)} is not text; give names as strings")
        checked_text(item, owner, field)
    names = tuple(map(str.strip, items))
    if "" in names:
        names = tuple(filter(None, names))
    return _share_names(names)


_shared_names: dict[tuple[str, ...], tuple[str, ...]] = {}
_shared_text: dict[str, str] = {}


def _share_names(names: tuple[str, ...]) -> tuple[str, ...]:
    shared = _shared_names.get(names)
    if shared is not None:
        return shared
    if len(_shared_names) >= _SHARED_MAX:
        _shared_names.clear()
    if len(_shared_text) >= _SHARED_MAX:
        _shared_text.clear()
    # Not sys.intern: interned strings may live for the whole process (3.12).
    names = tuple(_shared_text.setdefault(n, n) for n in names)
    _shared_names[names] = names
    return names


def _claim_order(claim: Claim) -> tuple[int, bool]:
    """Its local day, a claim stated at an instant after those stated as that day."""
    return claim.day.toordinal(), isinstance(claim.stated.earliest, _dt.datetime)


def _stated_order(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """Claims in stated order (`stated_order`)."""
    return tuple(stated_order(claims, lambda claim: claim))


_T = TypeVar("_T")


def stated_order(items: Iterable[_T], claim_of: Callable[[_T], Claim]) -> list[_T]:
    """Items in the order their claims were stated: by day, instants in UTC order.

    A claim stated at an instant counts from its local day (as `Event.as_of` reads it);
    claims stated at instants were said in UTC order, whichever zones wrote them
    ("09:00+08:00" before "08:00Z"), even when their local days run the other way
    (01:00 on the 21st at UTC+14 was said before 20:00 on the 20th at UTC-12). A claim
    stated as a day has no time: it keeps its place by its day, before the instants of
    its local day, and claims stated as the same day stay as given; the instants fill the
    other places in UTC order. So the order does not depend on the order the instants
    were given in: claims added one at a time are ordered as the same claims given at once.

    >>> said = [Claim(stated="2026-04-20T08:00Z"), Claim(stated="2026-04-20T09:00+08:00")]
    >>> [str(c.stated) for c in stated_order(said, lambda c: c)]
    ['2026-04-20T09:00+08:00', '2026-04-20T08:00Z']
    """
    ordered = sorted(items, key=lambda item: _claim_order(claim_of(item)))
    timed: list[tuple[int, int]] = []  # (position, when said in UTC) of each instant
    for i, item in enumerate(ordered):
        at = claim_of(item).stated.earliest
        if isinstance(at, _dt.datetime):
            timed.append((i, _key(at)))
    if len(timed) > 1:
        in_order = [ordered[i] for i, _ in sorted(timed, key=lambda p: p[1])]
        for (i, _), item in zip(timed, in_order, strict=True):
            ordered[i] = item
    return ordered


_SLUG_WORD = re.compile(r"[a-z0-9]+")
# ASCII letters and digits to themselves (lower case), every other byte to a space: the
# words of an ASCII title in one C pass (half the cost of a regular expression).
_SLUG_BYTES = bytes(
    c if chr(c).isascii() and chr(c).isalnum() else 0x20 for c in range(256)
).lower()
_ID = re.compile(r"[A-Za-z0-9][\w.\-]*")


def slugify(text: str) -> str:
    """A stable lower-case slug: the default event id.

    >>> slugify("Tencent Hybrid Model 3.0 release")
    'tencent-hybrid-model-3-0-release'
    """
    if text.isascii():  # the common case: nothing to fold or lose
        # (the words joined by "-": faster than replacing the gaps and trimming)
        words = text.encode("ascii").translate(_SLUG_BYTES).decode("ascii").split()
        return "-".join(words) or "event"
    folded = unicodedata.normalize("NFKD", text)
    slug = "-".join(_SLUG_WORD.findall(folded.encode("ascii", "ignore").decode().lower()))
    if any(c.isalnum() and not c.isascii() for c in folded if not unicodedata.combining(c)):
        # Titles in other scripts (Chinese is common here) lose letters when
        # folded to ASCII; a digest of the full title keeps the id stable and distinct.
        import hashlib  # rarely needed: non-ASCII titles only

        digest = hashlib.sha1(text.strip().encode()).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else f"event-{digest}"
    return slug or "event"


def _items(values: Iterable[_T] | None, owner: str, field: str) -> tuple[_T, ...]:
    """``values`` as a tuple (``None`` as none), or `EventError` for a value that is no list."""
    kind = type(values)
    if kind is tuple:  # the defaults, and most calls: no other check needed
        return values  # type: ignore[return-value]
    if kind is list:
        return tuple(values)  # type: ignore[arg-type]
    if values is None:
        return ()
    if isinstance(values, (str, bytes, Mapping)):  # iterable, but not a list of these
        raise EventError(f"{owner}: {field}: {quoted(values)} is not a list; give a list (or none)")
    if isinstance(values, (set, frozenset)) and len(values) > 1:
        # Its order changes from run to run, and order means something here: the first
        # source dates the event; claims and observations of one day keep the order given.
        raise EventError(
            f"{owner}: {field}: {quoted(values)} is a set, which has no order; give a list in "
            "the order you mean (the first source is the main one)"
        )
    try:
        return tuple(values)
    except TypeError:  # "'int' object is not iterable" says nothing of the field
        raise EventError(
            f"{owner}: {field}: {quoted(values)} is not a list; give a list (or none)"
        ) from None


def _newlines(text: str) -> str:
    """``text`` with CR LF and lone CR line endings as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def init_checked(
    title: str,
    when: When | str | _dt.date,
    id: str | None,
    end: When | str | _dt.date | None,
    status: Status | str,
    kind: str | None,
    actors: Iterable[str] | str,
    tags: Iterable[str] | str,
    location: str | None,
    description: str | None,
    sources: Iterable[Source],
    claims: Iterable[Claim],
    related: Iterable[str] | str,
    target: Target | None,
    observations: Iterable[Observation],
    fiscal_year_start: int | str | None,
    /,
) -> Fields:
    """`Event.__init__`: check the arguments (in this order); the event's fields, in order.

    Texts are made one line ending and checked; the id defaults to the title's
    slug; ``when`` and ``end`` are read (relative to the first source's
    ``published``, in the fiscal years given) and must be in order; names given
    as a set are sorted (a set's order changes from run to run), sources, claims and
    observations given as a set of several are refused (their order means something); names are
    shared; claims and observations are sorted, stably, by time. Raises
    `EventError` naming the field and the fix. Positional: it runs per event.

    >>> Event(title="DeepSeek V4 release", when="2026-04", actors="DeepSeek").actors
    ('DeepSeek',)
    """
    if not isinstance(title, str) and title is not None:
        shown = quoted(title)
        raise EventError(f"event: title: {shown} is not text; give the event's title as text")
    if not title or not title.strip():
        raise EventError(f"event: title: {quoted(title)} is empty; give the event a title")
    # One line ending, "\n": iCalendar TEXT cannot carry "\r", so what is saved
    # is what is read back.
    title = checked_text(_newlines(title).strip(), "event", "title")
    if isinstance(description, str):
        description = _newlines(description)
    owner = f"event {quoted(title)}"
    if id is None:
        id = slugify(title)  # a slug: nothing to check
    elif not isinstance(id, str) or not _ID.fullmatch(id):
        shown = quoted(id)
        raise EventError(
            f"{owner}: id: {shown} is not a slug; use letters, digits, '-', '_' or '.'"
        )
    sources = _items(sources, owner, "sources")
    for source in sources:
        if not isinstance(source, Source):
            raise EventError(f"{owner}: sources: {quoted(source)} is not a Source")
    claims = _items(claims, owner, "claims")
    for claim in claims:
        if not isinstance(claim, Claim):
            raise EventError(f"{owner}: claims: {quoted(claim)} is not a Claim")
    if target is not None and not isinstance(target, Target):
        raise EventError(f"{owner}: target: {quoted(target)} is not a Target")
    observations = _items(observations, owner, "observations")
    for observation in observations:
        if not isinstance(observation, Observation):
            raise EventError(f"{owner}: observations: {quoted(observation)} is not an Observation")
    published = sources[0].published if sources else None
    # A source published "TBD" is undated: it dates nothing (and the event counts as
    # always known, `Event.as_of`), so a relative "April" needs the year written.
    reference = None
    if published is not None and (published.earliest or published.latest) is not None:
        reference = to_day(published)
    # Without a dated source nothing says which April "April" is.
    fix = "write the year, or give the event a first source with a published date"
    # Fiscal phrases ("FY2025") resolve with the fiscal year given for the event
    # (a timeline's fiscal_years gives its first actor's when a file is read).
    fy = fiscal_year_start
    state = _status(status, owner)
    # "January" said on 20 December: the next one if still to come, the last if it happened.
    reading = "current" if reference is None else yearless_reading(state)
    start = coerce_when(when, owner, "when", reference, fix, fy, prefer=reading)
    stop = (
        None if end is None else coerce_when(end, owner, "end", reference, fix, fy, prefer=reading)
    )
    stop_at, start_at = (stop.latest if stop else None), start.earliest
    if stop_at is not None and start_at is not None and _cmp(stop_at, start_at) < 0:
        raise EventError(
            f"{owner}: end: {str(stop)!r} is before when {str(start)!r}; swap them or drop the end"
        )
    return (
        title,
        start,
        id,
        stop,
        state,
        optional_text(kind, owner, "kind"),
        _strings(actors, owner, "actors"),
        _strings(tags, owner, "tags"),
        optional_text(location, owner, "location"),
        optional_text(description, owner, "description"),
        sources,
        # Kept in stated order; same-day claims as given, unless both were said at instants.
        claims if len(claims) < 2 else _stated_order(claims),
        _strings(related, owner, "related"),
        target,
        # A series reads in time order; the stable sort keeps same-time figures as given.
        observations if len(observations) < 2 else tuple(sorted(observations, key=series_order)),
    )


def field_setter(cls: type[Any]) -> Callable[[Any, Unpack[Fields]], None]:
    """A function that sets a new ``cls`` object's fields (`Fields`, checked) through each
    slot's descriptor: half the cost of attrs' ``__attrs_init__`` (a bound
    ``object.__setattr__`` call per field), which a large timeline pays per event
    (benchmarks/bench_timeline.py). A test holds the order to ``attrs.fields(Event)``.

    >>> from timeline.model._event import Event, _set_fields
    >>> event = object.__new__(Event)
    >>> _set_fields(event, *init_checked("x", "2026", None, None, "expected", None, (), (),
    ...             None, None, (), (), (), None, (), None))
    >>> event == Event(title="x", when="2026")
    True
    """
    (
        title_, when_, id_, end_, status_, kind_, actors_, tags_, location_, description_,
        sources_, claims_, related_, target_, observations_,
    ) = (cls.__dict__[field.name].__set__ for field in attrs.fields(cls))  # fmt: skip

    def set_fields(
        event: Any,
        title: str,
        when: When,
        id: str,
        end: When | None,
        status: Status,
        kind: str | None,
        actors: tuple[str, ...],
        tags: tuple[str, ...],
        location: str | None,
        description: str | None,
        sources: tuple[Source, ...],
        claims: tuple[Claim, ...],
        related: tuple[str, ...],
        target: Target | None,
        observations: tuple[Observation, ...],
        /,
    ) -> None:
        title_(event, title)
        when_(event, when)
        id_(event, id)
        end_(event, end)
        status_(event, status)
        kind_(event, kind)
        actors_(event, actors)
        tags_(event, tags)
        location_(event, location)
        description_(event, description)
        sources_(event, sources)
        claims_(event, claims)
        related_(event, related)
        target_(event, target)
        observations_(event, observations)

    return set_fields
