"""`When`'s total order: where an imprecise date sorts, never raising.

The key (`sort_key`) is the primary bound (`When.earliest`, or `When.latest` when
unbounded below, so a deadline "by 2030" sorts at its deadline), then the latest
bound (unbounded last), exact before qualified, finer grain first, then the EDTF
text and the relation. Its numeric head is computed once per value as integers
(`timeline.dates._keys.when_keys`), kept in `When`'s slots ``_keys`` and
``_order_text``. `When` offers the key as `When.sort_key` and compares by it
(``<``, ``<=``, ``>``, ``>=`` stay on `When`: a sort's hot path); the honest
predicates live in `timeline.dates._when_compare`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs
import pendulum
from pendulum import DateTime, FixedTimezone

from timeline.dates._bounds import _as_utc_micros
from timeline.dates._keys import Keys, order_head, when_keys

if TYPE_CHECKING:
    from timeline.dates._when import When

__all__ = ["keep_keys", "keyed", "keys", "order_text", "sort_key"]


def sort_key(self: When) -> tuple[float, float, bool, int, str, str]:
    """The total-order key: primary bound, latest, qualified, grain, EDTF text, relation.

    The primary bound is `earliest`, or `latest` when unbounded below, so
    a deadline "by 2030" sorts at its deadline.

    >>> When.year(2030).by() > When.month(2026, 4)
    True
    """
    # the text of the value's meaning: equal values (one moment at two offsets) tie
    edtf = "" if self.is_undated else _in_utc(self).to_edtf()
    if self.fiscal is not None:  # after the same span in calendar terms
        edtf += f" FY{self.fiscal.start:02d}{self.fiscal.named_by}"
    return (*order_head(self), edtf, self.relation.value)


def _in_utc(w: When) -> When:
    """``w`` with each instant with an offset or zone written in UTC (`utc_spelling`):
    one spelling for values that are equal (`When` compares instants in UTC).

    >>> str(_in_utc(When.parse("2026-04-15T10:00+08:00 to 2026-05")))
    '2026-04-15T02:00Z to May 2026'
    """
    if w.form is not None:  # the text is the value's, compared as it is
        return w
    start, end, lower, upper = w.start, w.end, w.lower, w.upper
    changes: dict[str, object] = {}
    if isinstance(start, _dt.datetime) and start.tzinfo is not None:
        changes["start"] = utc_spelling(start)
    if isinstance(end, _dt.datetime) and end.tzinfo is not None:
        changes["end"] = changes["start"] if end is start else utc_spelling(end)
    for name, side in (("lower", lower), ("upper", upper)):
        if isinstance(side, type(w)) and (respelled := _in_utc(side)) is not side:
            changes[name] = respelled
    return attrs.evolve(w, **changes) if changes else w  # type: ignore[arg-type]


_DAY_US = 86_400_000_000
_FIRST_US = _as_utc_micros(_dt.datetime(1, 1, 1)) + _DAY_US
_LAST_US = _as_utc_micros(_dt.datetime(9999, 12, 31)) - _DAY_US
_EDGE = 18 * 60  # minutes: the largest offset a `When` holds


def utc_spelling(p: _dt.datetime) -> DateTime:
    """The instant ``p`` (with an offset) in UTC; within a day of the calendar's ends, where
    UTC (or the moment beside it, for "before" and "after") may leave years 1..9999, at
    UTC+18:00 near the first day and UTC-18:00 near the last, which every such instant has.

    >>> utc_spelling(pendulum.datetime(2026, 4, 15, 10, tz="Asia/Shanghai"))
    DateTime(2026, 4, 15, 2, 0, 0, tzinfo=Timezone('UTC'))
    >>> utc_spelling(pendulum.parse("0001-01-01T10:00+14:00")).isoformat()
    '0001-01-01T14:00:00+18:00'
    """
    micros = _as_utc_micros(p)
    if _FIRST_US <= micros <= _LAST_US:
        return pendulum.instance(p).in_timezone("UTC")
    offset = p.utcoffset()
    assert offset is not None
    minutes = _EDGE if micros < _FIRST_US else -_EDGE
    local = _dt.datetime.__add__(p.replace(tzinfo=None), _dt.timedelta(minutes=minutes) - offset)
    return DateTime(*local.timetuple()[:6], local.microsecond, tzinfo=FixedTimezone(minutes * 60))


def keys(self: When) -> Keys:
    """The numeric head of `sort_key` and the fuzzy bounds, as ints (`when_keys`).

    Sorting and the window index read them; a large timeline computes them once per value.

    >>> When.month(2026, 4)._keys[:4] == When.month(2026, 4).sort_key[:4]
    True
    """
    found = when_keys(self)
    object.__setattr__(self, "_order_text", found[6])  # one slot read a sort key
    return found


def order_text(self: When) -> str:
    """`sort_key`'s integer head as fixed-width text (`order_text`): a large sort
    sorts strings that start with it. Computes (and keeps) `_keys` too.

    >>> When.year(2026)._order_text < When.year(2027)._order_text
    True
    """
    found = when_keys(self)
    object.__setattr__(self, "_keys", found)  # one step for both, as `keys` does
    return found[6]


_slots: tuple[Callable[..., Any], Callable[..., Any], Callable[..., Any]] | None = None


def _slot_access() -> tuple[Callable[..., Any], Callable[..., Any], Callable[..., Any]]:
    """Read ``When._order_text``'s slot; set ``_keys``'s and ``_order_text``'s: directly,
    past attrs' ``__getattr__`` (which would compute a missing value, raising and catching
    an ``AttributeError`` in Python on the way)."""
    global _slots
    if _slots is None:
        from timeline.dates._when import When

        keys_slot, text_slot = When.__dict__["_keys"], When.__dict__["_order_text"]
        _slots = (text_slot.__get__, keys_slot.__set__, text_slot.__set__)
    return _slots


def keyed(when: When) -> When:
    """``when``, with its keys (`When._keys`, `When._order_text`) computed and kept if it
    had none yet, as a first read of either would, without attrs' ``__getattr__``.

    >>> when = keyed(When.month(2026, 4))
    >>> when._order_text == when_keys(when)[6]
    True
    """
    read, set_keys, set_text = _slots or _slot_access()
    try:
        read(when)
    except AttributeError:
        found = when_keys(when)
        set_keys(when, found)
        set_text(when, found[6])
    return when


def keep_keys(whens: Iterable[When]) -> None:
    """Compute and keep the keys (`When._keys`, `When._order_text`) of each of ``whens``
    that has none yet, as a first read of either would, at half the cost: a first read
    goes through attrs' ``__getattr__`` for a cached property, raising and catching an
    ``AttributeError`` in Python; a large sort meets a hundred thousand new values.

    >>> when = When.month(2026, 4)
    >>> keep_keys([when])
    >>> when._order_text == when_keys(when)[6]
    True
    """
    for when in whens:
        keyed(when)
