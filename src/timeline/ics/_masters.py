"""The series of a file: masters, their overrides (RECURRENCE-ID) and their UIDs."""

from __future__ import annotations

from timeline.ics._lines import Component

__all__ = ["is_series", "overridden", "series_overrides", "uid_of"]


def uid_of(comp: Component) -> str:
    """The UID of ``comp``, trimmed; ``""`` when it has none.

    >>> uid_of(Component("VEVENT", 1))
    ''
    """
    return (comp.text("UID") or "").strip()


def is_series(comp: Component, overrides: dict[str, list[Component]]) -> bool:
    """Whether ``comp`` repeats, or has occurrences replaced elsewhere in the file.

    >>> is_series(Component("VEVENT", 1), {})
    False
    """
    props = comp.props
    if any(name in props for name in ("RRULE", "RDATE", "EXDATE", "EXRULE")):
        return True
    return bool(overrides) and bool(overrides.get(uid_of(comp)))


def overridden(master: Component, override: Component) -> Component:
    """The occurrence an override replaces: its own properties, the series' for the rest.

    >>> overridden(Component("VEVENT", 1), Component("VEVENT", 9)).line
    9
    """
    # Without a DTSTART the override's times cannot be read: the series' stand.
    timing: tuple[str, ...] = ()
    if "DTSTART" in override.props:
        timing = ("DTSTART", "DTEND", "DURATION")
    drop = {"RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", *timing}
    props = {k: v for k, v in master.props.items() if k not in drop}
    props.update((k, v) for k, v in override.props.items() if k != "RECURRENCE-ID")
    return Component(override.name, override.line, props, override.children)


def series_overrides(calendars: list[Component]) -> dict[str, list[Component]]:
    """RECURRENCE-ID components by the UID of their series, for series in the file.

    >>> series_overrides([Component("VCALENDAR", 1)])
    {}
    """
    events = [c for calendar in calendars for c in calendar.children if c.name == "VEVENT"]
    changed = [c for c in events if "RECURRENCE-ID" in c.props]
    if not changed:
        return {}
    series = {uid_of(c) for c in events if "RECURRENCE-ID" not in c.props}
    found: dict[str, list[Component]] = {}
    for comp in changed:
        uid = uid_of(comp)
        if uid and uid in series:
            found.setdefault(uid, []).append(comp)
    return found
