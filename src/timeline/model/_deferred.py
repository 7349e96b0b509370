"""Events a timeline makes only when they are used: `Deferred`.

A timeline loaded from a large table (`timeline.columnar.from_arrow`, a Parquet
file) has checked every row when it loads (dates, statuses, ids, order), but it
need not make a million `Event` objects before anything asks for one. It holds
a `Deferred` instead: the rows, which give their count, the events of any rows
(in timeline order), and the rows near a window, found from key columns. A
window query on such a timeline makes only the events near the window and runs
the exact rule on them; anything else makes every event once
(`Timeline.events`), after which the timeline is like any other.

The columnar layer implements it; the model only asks through this interface.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence

from timeline.model._event import Event

__all__ = ["Deferred"]


class Deferred(abc.ABC):
    """Checked rows whose events are made on demand, in timeline order.

    Rows are numbered in timeline order: ``events(rows)`` for ascending ``rows`` is in
    timeline order too.
    """

    @abc.abstractmethod
    def __len__(self) -> int:
        """The number of events."""

    @abc.abstractmethod
    def events(self, rows: Sequence[int] | None = None) -> list[Event]:
        """The events of ``rows`` (ascending; all rows if ``None``), in timeline order."""

    @abc.abstractmethod
    def near(self, lo: int | None, hi: int | None) -> list[int]:
        """The rows (ascending) whose span at its widest, as keys, meets ``lo .. hi``
        (``None``: unbounded): every row a window there could keep, and maybe more."""

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events())
