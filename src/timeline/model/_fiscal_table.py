"""A timeline's fiscal years: which month each actor's fiscal year starts, checked.

"FY2026" said of Microsoft is July 2025 to June 2026: `Timeline` keeps, per actor,
the month its fiscal year starts, and reads an event's fiscal phrases with its first
actor's.
"""

from __future__ import annotations

import types
from collections.abc import Mapping

from timeline._errors import QueryError, WhenError, quoted
from timeline.dates._fiscal import fiscal_start
from timeline.figures._text import checked_text
from timeline.model._text import name_key

__all__ = ["fiscal_table"]


def fiscal_table(value: Mapping[str, int | str] | None) -> Mapping[str, int]:
    """A timeline's ``fiscal_years``: actor to the month its fiscal year starts, checked; read-only.

    Names are stripped, as an event's actors are, and match whatever their case: a blank
    name, or one actor given two different months, is a `QueryError` (keeping either
    month would drop the other unseen).

    >>> dict(fiscal_table({" Microsoft ": "July", "microsoft": 7}))
    {'Microsoft': 7}
    """
    if not value:
        return _NO_FISCAL_YEARS
    if not isinstance(value, Mapping):
        raise QueryError(f"fiscal_years: expected a mapping of actor to month, got {quoted(value)}")
    months: dict[str, int] = {}
    for actor, month in value.items():
        if isinstance(actor, str):
            checked_text(actor, "fiscal_years", "actor", QueryError)  # before it is quoted
        try:
            start = fiscal_start(month)
        except WhenError as e:
            raise QueryError(f"fiscal_years: {actor}: {e}") from None
        if not isinstance(actor, str) or start is None:
            raise QueryError(f"fiscal_years: {quoted(actor)}: give an actor's name and a month")
        name = actor.strip()
        if not name:
            raise QueryError(f"fiscal_years: {quoted(actor)}: the actor's name is empty; give it")
        key = name_key(name)
        same = next((known for known in months if name_key(known) == key), None)
        if same is not None and months[same] != start:
            raise QueryError(
                f"fiscal_years: {quoted(name)} is the actor {quoted(same)} again (names match "
                f"whatever their case), with another month ({start}, not {months[same]}); keep one"
            )
        months.setdefault(same or name, start)
    return types.MappingProxyType(months)


_NO_FISCAL_YEARS: Mapping[str, int] = types.MappingProxyType({})
