"""The import report: what `Timeline.from_ics` read, left behind, repaired and resolved.

A small immutable value; ``str()`` gives a summary a person can act on, and
`ImportReport.messages` the one-line warnings `from_ics` emits without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from timeline._errors import quoted
from timeline.model._text import visible

__all__ = ["ImportReport"]

_SHOWN = 10  # places listed per kind; the rest are counted


def _listed(items: tuple[str, ...]) -> str:
    more = len(items) - _SHOWN
    return ", ".join(items[:_SHOWN]) + (f" and {more} more" if more > 0 else "")


# Places quote the file (a component's name, an END line, a TZID): a control character
# there would drive the terminal the report or its warning is printed on.


def _pairs(
    value: Mapping[str, Iterable[str]] | Iterable[tuple[str, Iterable[str]]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((visible(str(k)), tuple(visible(str(v)) for v in vs)) for k, vs in items)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(visible(str(v)) for v in value)


def _zones(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(tzid), visible(str(how))) for tzid, how in value)


@attrs.frozen
class ImportReport:
    """What reading one iCalendar feed did: counts, and every place it had to act.

    ``skipped`` and ``changed`` pair a reason with the places (lines) it
    applies to; ``zones`` pairs each TZID with how it was resolved;
    ``floating`` lists the TZIDs no rule resolved (their times stay floating).

    >>> report = ImportReport("Work", 2, floating=("'Nowhere' (line 9)",))
    >>> print(report)
    Imported 2 events into 'Work'.
    Time zones left floating (1): 'Nowhere' (line 9)
    >>> report.clean
    False
    """

    name: str
    events: int
    encoding: str = "UTF-8"
    skipped: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(default=(), converter=_pairs)
    changed: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(default=(), converter=_pairs)
    recurring: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    zones: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_zones)
    floating: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    @property
    def skipped_count(self) -> int:
        """How many parts (components, lines) were left out.

        >>> ImportReport("x", 0, skipped={"junk": ["line 3", "line 4"]}).skipped_count
        2
        """
        return sum(len(places) for _, places in self.skipped)

    @property
    def clean(self) -> bool:
        """Whether everything was read as written: nothing skipped, repaired or left floating.

        >>> ImportReport("x", 3).clean
        True
        """
        return not (self.skipped or self.changed or self.recurring or self.floating)

    def messages(self) -> list[str]:
        """One line per kind of thing left behind or repaired (what `from_ics` warns).

        >>> ImportReport("x", 1, recurring=("'Sync' (line 4)",)).messages()
        ["recurring events, imported as their first occurrence only: 'Sync' (line 4)"]
        """
        out = [f"{reason}, skipped: {_listed(places)}" for reason, places in self.skipped]
        out += [f"{reason}: {_listed(places)}" for reason, places in self.changed]
        if self.recurring:
            out.append(
                "recurring events, imported as their first occurrence only: "
                + _listed(self.recurring)
            )
        if self.floating:
            out.append(f"unknown time zones, read as floating times: {_listed(self.floating)}")
        return out

    def __str__(self) -> str:
        s = "" if self.events == 1 else "s"
        lines = [f"Imported {self.events} event{s} into {quoted(self.name)}."]
        if self.encoding != "UTF-8":
            lines.append(f"Read as {self.encoding}.")
        if self.skipped:
            lines.append(f"Skipped ({self.skipped_count}):")
            lines += [f"  {r} ({len(p)}): {_listed(p)}" for r, p in self.skipped]
        if self.changed:
            lines.append("Read with a repair:")
            lines += [f"  {r} ({len(p)}): {_listed(p)}" for r, p in self.changed]
        if self.recurring:
            lines.append(
                f"Recurring series imported as their first occurrence only "
                f"({len(self.recurring)}): {_listed(self.recurring)}"
            )
        if self.zones:
            lines.append(f"Time zones resolved ({len(self.zones)}):")
            lines += [f"  {quoted(tzid)}: {how}" for tzid, how in self.zones]
        if self.floating:
            lines.append(
                f"Time zones left floating ({len(self.floating)}): {_listed(self.floating)}"
            )
        return "\n".join(lines)
