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

from typing import TYPE_CHECKING, TypeAlias

from pendulum import Date

from timeline.dates._bounds import _key
from timeline.dates._precision import _RANK, Relation

if TYPE_CHECKING:
    from timeline.dates._when import When

__all__ = ["UNBOUNDED", "Keys", "order_text", "when_keys"]

UNBOUNDED = 2**63
"""Above every bound's key: "unbounded" where a key must be an int (years 1..9999 stay
within ±2^59 microseconds)."""

Keys: TypeAlias = tuple[int, int, bool, int, "int | None", "int | None"]
"""Primary bound, latest (`UNBOUNDED` if none), qualified, grain rank (the numeric head of
`When.sort_key`), then the fuzzy start and stop (``None`` = unbounded)."""

_EPOCH_ORDINAL = Date(1970, 1, 1).toordinal()
_DAY_US = 86_400_000_000
_ON = Relation.ON


def when_keys(when: When) -> Keys:
    """The integer keys of ``when`` (see `Keys`); ``when._keys`` caches them.

    >>> from timeline.dates import When
    >>> when_keys(When.day(1970, 1, 2))
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
        lo = (start.toordinal() - _EPOCH_ORDINAL) * _DAY_US if type(start) is Date else _key(start)
        if end is start:  # an instant
            hi = lo
        elif type(end) is Date:
            hi = (end.toordinal() - _EPOCH_ORDINAL) * _DAY_US
        else:
            hi = _key(end)
        return lo, hi, False, _RANK[when.precision], lo, hi
    earliest, latest = when.earliest, when.latest
    hi_key = UNBOUNDED if latest is None else _key(latest)
    primary = hi_key if earliest is None or earliest is latest else _key(earliest)
    fuzzy_lo, fuzzy_hi = when.fuzzy_bounds()
    return (
        primary,
        hi_key,
        when.qualified,
        _RANK[when.precision],
        None if fuzzy_lo is None else _key(fuzzy_lo),
        None if fuzzy_hi is None else _key(fuzzy_hi),
    )


def order_text(keys: Keys) -> str:
    """The head of the sort key (`Keys` ``[:4]``) as fixed-width text that orders as it does.

    The four fields packed into one unsigned integer, big-endian, one character a
    byte (Latin-1): texts of equal width compare character by character, so
    strings that start with this text sort by the head first.

    >>> from timeline.dates import When
    >>> a, b = When.month(2026, 4), When.year(2030).by()
    >>> (order_text(a._keys) < order_text(b._keys)) == (a < b), len(order_text(a._keys))
    (True, 17)
    """
    primary, latest, qualified, rank = keys[:4]
    # 65 bits for each bound (-2^63 .. 2^63, shifted to 0 .. 2^64), 1 + 5 for the rest.
    packed = (primary + UNBOUNDED) << 71 | (latest + UNBOUNDED) << 6 | qualified << 5 | rank
    return packed.to_bytes(17, "big").decode("latin-1")
