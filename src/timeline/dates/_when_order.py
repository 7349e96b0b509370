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

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

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
    edtf = "" if self.is_undated else self.to_edtf()
    if self.fiscal is not None:  # after the same span in calendar terms
        edtf += f" FY{self.fiscal.start:02d}{self.fiscal.named_by}"
    return (*order_head(self), edtf, self.relation.value)


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
    had none yet. An event's date gets them as the event takes it (once per shared
    calendar value, once per instant), while its fields are still in the cache: a sort
    of a million events that met them first took three times as long per value.

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
