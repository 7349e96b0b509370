"""One group's track record: the promises behind each count, and the figures drawn from them.

A `TrackRow` holds the ids of a group's promises by outcome (kept, late, broken,
pending; see `timeline.model._track_record` for how each is judged) and derives the
figures from them: the counts, the on-time rate, the median and longest delay, the
slips per promise. `timeline.model._track_record` builds the rows.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs

from timeline._errors import QueryError, quoted

__all__ = ["Outcome", "TrackRow"]

Outcome: TypeAlias = Literal["kept", "late", "broken", "pending"]
_OUTCOMES: tuple[Outcome, ...] = ("kept", "late", "broken", "pending")


@attrs.frozen
class TrackRow:
    """One group's record: the ids behind each count, and the figures drawn from them.

    The counts (`kept`, `late`, `broken`, `pending`) are the lengths of the id
    tuples, so they always partition the group's promises. ``delay_days`` holds
    the days late of each id in ``late_ids``, in the same order.

    >>> row = TrackRow("Tencent", kept_ids=("a",), late_ids=("b",), broken_ids=(),
    ...                pending_ids=("c",), delay_days=(12,), slips=1, mean_notice_days=30.0)
    >>> row.promises, row.on_time_rate, row.median_delay_days, row.slips_per_promise
    (3, 0.5, 12, 0.3333333333333333)
    """

    group: str
    kept_ids: tuple[str, ...]
    late_ids: tuple[str, ...]
    broken_ids: tuple[str, ...]
    pending_ids: tuple[str, ...]
    delay_days: tuple[int, ...]
    slips: int
    mean_notice_days: float | None

    @property
    def kept(self) -> int:
        """Promises that happened no later than the last day of their first date.

        >>> TrackRow("g", ("a",), (), (), (), (), 0, None).kept
        1
        """
        return len(self.kept_ids)

    @property
    def late(self) -> int:
        """Promises that happened after the last day of their first date.

        >>> TrackRow("g", (), ("a",), (), (), (3,), 0, None).late
        1
        """
        return len(self.late_ids)

    @property
    def broken(self) -> int:
        """Promises cancelled, or still open and overdue on the day.

        >>> TrackRow("g", (), (), ("a",), (), (), 0, None).broken
        1
        """
        return len(self.broken_ids)

    @property
    def pending(self) -> int:
        """Promises still open and not overdue on the day.

        >>> TrackRow("g", (), (), (), ("a",), (), 0, None).pending
        1
        """
        return len(self.pending_ids)

    @property
    def promises(self) -> int:
        """All the group's promises: kept + late + broken + pending.

        >>> TrackRow("g", ("a",), (), ("b",), (), (), 0, None).promises
        2
        """
        return self.kept + self.late + self.broken + self.pending

    @property
    def resolved(self) -> int:
        """Promises kept, late or broken (not pending).

        >>> TrackRow("g", ("a",), (), (), ("b",), (), 0, None).resolved
        1
        """
        return self.kept + self.late + self.broken

    @property
    def on_time_rate(self) -> float | None:
        """kept / (kept + late + broken); ``None`` when nothing is resolved yet.

        >>> TrackRow("g", (), (), (), ("a",), (), 0, None).on_time_rate is None
        True
        """
        return self.kept / self.resolved if self.resolved else None

    @property
    def median_delay_days(self) -> float | int | None:
        """The median days late over the late promises; ``None`` when none was late.

        >>> TrackRow("g", (), ("a", "b"), (), (), (1, 4), 0, None).median_delay_days
        2.5
        """
        import statistics  # loaded on use: keeps import timeline light

        return statistics.median(self.delay_days) if self.delay_days else None

    @property
    def max_delay_days(self) -> int | None:
        """The most days late of any late promise; ``None`` when none was late.

        >>> TrackRow("g", (), ("a", "b"), (), (), (1, 4), 0, None).max_delay_days
        4
        """
        return max(self.delay_days) if self.delay_days else None

    @property
    def slips_per_promise(self) -> float | None:
        """The mean number of slips per promise (`Event.slips` as known on the day).

        >>> TrackRow("g", ("a",), (), ("b",), (), (), 3, None).slips_per_promise
        1.5
        """
        return self.slips / self.promises if self.promises else None

    def ids(self, outcome: Outcome) -> tuple[str, ...]:
        """The ids behind one count: ``"kept"``, ``"late"``, ``"broken"`` or ``"pending"``.

        >>> TrackRow("g", ("a",), (), (), ("b",), (), 0, None).ids("pending")
        ('b',)
        """
        if outcome not in _OUTCOMES:
            raise QueryError(
                f"ids: {quoted(outcome)} is not a count; use one of {', '.join(_OUTCOMES)}"
            )
        ids: tuple[str, ...] = getattr(self, f"{outcome}_ids")
        return ids

    def to_record(self) -> dict[str, Any]:
        """The row as a JSON-ready dict: counts, figures, and the ids behind each count.

        >>> TrackRow("g", ("a",), ("b",), (), (), (5,), 0, 10.0).to_record()["delay_days"]
        {'b': 5}
        """
        return {
            "group": self.group,
            "promises": self.promises,
            "kept": self.kept,
            "late": self.late,
            "broken": self.broken,
            "pending": self.pending,
            "on_time_rate": self.on_time_rate,
            "median_delay_days": self.median_delay_days,
            "max_delay_days": self.max_delay_days,
            "slips_per_promise": self.slips_per_promise,
            "mean_notice_days": self.mean_notice_days,
            "ids": {outcome: list(self.ids(outcome)) for outcome in _OUTCOMES},
            "delay_days": dict(zip(self.late_ids, self.delay_days, strict=True)),
        }
