"""Integer keys of a `When`: its place in the order, and its span at its widest.

A large timeline sorts and indexes a million events that share a few hundred
thousand dates. Both need the same few integers per date: the numeric head of
`When.sort_key` (the sort) and the fuzzy bounds as keys (the window index).
`when_keys` computes them once per value (`When` keeps them in a slot): for the
common plain value ("on" a day, month, instant ..., unqualified) straight from
its fields, for the rest from `When.earliest`, `When.latest` and
`When.fuzzy_bounds`.

Keys are `timeline.dates._bounds._key` values: microseconds since 1970 UTC for
instants, UTC midnight for floating days.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, TypeAlias

from pendulum import Date, DateTime

from timeline.dates._bounds import _as_utc_micros, _key
from timeline.dates._precision import _RANK, Relation

if TYPE_CHECKING:
    from timeline.dates._when import When

__all__ = ["UNBOUNDED", "Keys", "order_head", "order_text", "when_keys"]

UNBOUNDED = 2**63
"""Above every bound's key: "unbounded" where a key must be an int (years 1..9999 stay
within ±2^59 microseconds)."""

Keys: TypeAlias = tuple[int, int, bool, int, "int | None", "int | None", str]
"""Primary bound, latest (`UNBOUNDED` if none), qualified, grain rank (the numeric head of
`When.sort_key`), the fuzzy start and stop (``None`` = unbounded), and the head as
fixed-width text (`order_text`)."""

_EPOCH_ORDINAL = Date(1970, 1, 1).toordinal()
_DAY_US = 86_400_000_000
_ON = Relation.ON
# By name: an Enum member hashes in Python, its name in C.
_RANK_BY_NAME = {p._name_: rank for p, rank in _RANK.items()}


def when_keys(when: When) -> Keys:
    """The keys of ``when`` (see `Keys`); ``when._keys`` caches them.

    >>> from timeline.dates import When
    >>> when_keys(When.day(1970, 1, 2))[:6]
    (86400000000, 86400000000, False, 2, 86400000000, 86400000000)
    >>> when_keys(When.year(1970).by())[0] == when_keys(When.day(1970, 12, 31))[0]
    True
    """
    start, end = when.start, when.end
    if (
        when.relation is _ON
        and start is not None
        and end is not None
        and not when.approximate
        and not when.uncertain
        and when.form is None
        and when.lower is None
        and when.upper is None
    ):
        # A plain value: its bounds are its span, and its span at its widest.
        if type(start) is Date:
            lo = (start.toordinal() - _EPOCH_ORDINAL) * _DAY_US
        elif type(start) is DateTime:
            lo = _as_utc_micros(start)
        else:
            lo = _key(start)
        if end is start:  # an instant
            hi = lo
        elif type(end) is Date:
            hi = (end.toordinal() - _EPOCH_ORDINAL) * _DAY_US
        else:
            hi = _key(end)
        rank = _RANK_BY_NAME[when.precision._name_]
        # order_text, inline: this runs once for each of a large timeline's dates.
        packed = (lo + UNBOUNDED) << 71 | (hi + UNBOUNDED) << 6 | rank
        return lo, hi, False, rank, lo, hi, packed.to_bytes(17, "big").decode("latin-1")
    earliest, latest = when.earliest, when.latest
    hi_key = UNBOUNDED if latest is None else _key(latest)
    primary = hi_key if earliest is None or earliest is latest else _key(earliest)
    fuzzy_lo, fuzzy_hi = when.fuzzy_bounds()
    qualified, rank = when.qualified, _RANK_BY_NAME[when.precision._name_]
    return (
        primary,
        hi_key,
        qualified,
        rank,
        None if fuzzy_lo is None else _key(fuzzy_lo),
        None if fuzzy_hi is None else _key(fuzzy_hi),
        order_text((primary, hi_key, qualified, rank)),
    )


def order_text(head: tuple[int, int, bool, int]) -> str:
    """The head of the sort key (primary, latest, qualified, rank) as fixed-width text
    that orders as it does.

    The four fields packed into one unsigned integer, big-endian, one character a
    byte (Latin-1): texts of equal width compare character by character, so
    strings that start with this text sort by the head first.

    >>> from timeline.dates import When
    >>> a, b = When.month(2026, 4), When.year(2030).by()
    >>> (order_text(a._keys[:4]) < order_text(b._keys[:4])) == (a < b)
    True
    >>> order_text(a._keys[:4]) == a._keys[6], len(a._keys[6])
    (True, 17)
    """
    primary, latest, qualified, rank = head
    # 65 bits for each bound (-2^63 .. 2^63, shifted to 0 .. 2^64), 1 + 5 for the rest.
    packed = (primary + UNBOUNDED) << 71 | (latest + UNBOUNDED) << 6 | qualified << 5 | rank
    return packed.to_bytes(17, "big").decode("latin-1")


def order_head(when: When) -> tuple[float, float, bool, int]:
    """The numeric head of ``when.sort_key``: primary bound, latest, qualified, grain.

    Comparing heads orders values as their sort keys do, except between values whose
    heads are equal. From the cached integer keys (`When._keys`).

    >>> order_head(When.year(2030).by()) > order_head(When.month(2026, 4))
    True
    """
    primary, hi_key, qualified, rank = when._keys[:4]
    if hi_key == UNBOUNDED:
        return (math.inf if primary == UNBOUNDED else primary, math.inf, qualified, rank)
    return (primary, hi_key, qualified, rank)
