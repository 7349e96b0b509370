"""Filtering a timeline's events: `Timeline.filter` and `Timeline.exclude` are
`filter_events` and `exclude`, and match with these.

`predicate` turns the criteria (status, kind, actor, tag, text, any predicate) into
one test on an event; values match case-insensitively and in any Unicode form
(`name_key`), a text search ignores accents too (`search_key`), a collection means
any of its values, and a misspelt status is an error rather than a silent empty result.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, TypeAlias

from timeline._errors import QueryError, quoted
from timeline.model._claim import Status
from timeline.model._event import Event
from timeline.model._text import name_key, search_key

if TYPE_CHECKING:
    from timeline.model._timeline import Timeline

__all__ = ["Values"]

Values: TypeAlias = "str | Status | Collection[str | Status] | None"


def _matcher(values: Values, name: str) -> Callable[[str | None], bool] | None:
    if values is None:
        return None
    if isinstance(values, str | Status):
        items: list[object] = [values]
    elif isinstance(values, Iterable) and not isinstance(values, bytes | Mapping):
        items = list(values)
    else:  # a number, bytes, a mapping: one value of the wrong kind
        items = [values]
    wanted: set[str] = set()
    for item in items:
        if isinstance(item, Status):
            item = item.value
        if not isinstance(item, str):
            raise QueryError(
                f"{name}: {quoted(item)} is not text; give the {name} as a str, or a list of them"
            )
        wanted.add(name_key(item))
    if name == "status":
        # A misspelt status would silently match nothing; say so instead.
        known = {s.value for s in Status}
        for bad in sorted(wanted - known):
            raise QueryError(
                f"status: {quoted(bad)} is not a status; use one of {', '.join(sorted(known))}"
            )
    return lambda value: value is not None and name_key(value) in wanted


def predicate(
    status: Values,
    kind: Values,
    actor: Values,
    tag: Values,
    text: str | Collection[str] | None,
    where: Callable[[Event], bool] | None,
) -> Callable[[Event], bool] | None:
    """One predicate for all given criteria; ``None`` when none are given."""
    checks: list[Callable[[Event], bool]] = []
    if (is_status := _matcher(status, "status")) is not None:
        checks.append(lambda e: is_status(e.status.value))
    if (is_kind := _matcher(kind, "kind")) is not None:
        checks.append(lambda e: is_kind(e.kind))
    if (is_actor := _matcher(actor, "actor")) is not None:
        checks.append(lambda e: any(is_actor(a) for a in e.actors))
    if (is_tag := _matcher(tag, "tag")) is not None:
        checks.append(lambda e: any(is_tag(t) for t in e.tags))
    if text is not None:
        needles = _needles(text)
        checks.append(lambda e: any(n in _haystack(e) for n in needles))
    if where is not None:
        checks.append(where)
    if not checks:
        return None
    return lambda e: all(check(e) for check in checks)


def _needles(text: str | Collection[str]) -> tuple[str, ...]:
    if isinstance(text, str) or not isinstance(text, Iterable) or isinstance(text, bytes | Mapping):
        items: list[object] = [text]  # one value; a wrong one is refused below
    else:
        items = list(text)
    needles = []
    for item in items:
        if not isinstance(item, str):
            raise QueryError(
                f"text: {quoted(item)} is not text; give words to search for as strings"
            )
        needle = search_key(item)
        if not needle.strip():  # "" is in every text: it would match everything, silently
            raise QueryError(
                f"text: {quoted(item)} is blank; give words to search for, or leave text out"
            )
        needles.append(needle)
    return tuple(needles)


def _haystack(event: Event) -> str:
    parts = [event.title, event.description or "", *event.actors]
    parts.extend(s.quote or "" for s in event.sources)
    return search_key("\n".join(parts))


def filter_events(
    tl: Timeline,
    *,
    status: Values = None,
    kind: Values = None,
    actor: Values = None,
    tag: Values = None,
    text: str | Collection[str] | None = None,
    where: Callable[[Event], bool] | None = None,
) -> Timeline:
    """Events matching every given criterion; a collection means any of its values.

    Matching is case-insensitive; ``text`` searches titles, descriptions,
    actors and source quotes; ``where`` is any predicate on an event.

    >>> tl = Timeline([Event(title="x", when="2026", status="happened")])
    >>> len(tl.filter(status=["expected", "confirmed"]))
    0
    """
    keep = predicate(status, kind, actor, tag, text, where)
    return tl._subset(e for e in tl if keep is None or keep(e))


def exclude(
    tl: Timeline,
    *,
    status: Values = None,
    kind: Values = None,
    actor: Values = None,
    tag: Values = None,
    text: str | Collection[str] | None = None,
    where: Callable[[Event], bool] | None = None,
) -> Timeline:
    """Events *not* matching the criteria `Timeline.filter` takes (all, given none).

    >>> tl = Timeline([Event(title="x", when="2026", status="happened")])
    >>> len(tl.exclude(status="happened"))
    0
    """
    drop = predicate(status, kind, actor, tag, text, where)
    # With no criteria nothing is excluded (not everything).
    return tl._subset(e for e in tl if drop is None or not drop(e))
