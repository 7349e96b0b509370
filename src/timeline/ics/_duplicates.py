"""One event per UID: a component sent again under its UID replaces the one before it.

RFC 5545 §3.8.4.7: a UID names one event (with its RECURRENCE-ID, one
occurrence of a series). A file that holds a UID twice holds two versions of
it, as a mailbox of invitations or a merged export does: §3.8.7.4 and RFC 5546
§2.1.5 say the one with the higher SEQUENCE is the newer, and between equal
SEQUENCEs the later DTSTAMP (then LAST-MODIFIED). With all of those equal, the
later in the file is kept, as a calendar store that saves them in order does;
a copy identical to the one kept is dropped. Each replacement is said in the
report (as skipped, naming the version kept): nothing is dropped in silence.

An iTIP cancellation notice (``METHOD:CANCEL``, RFC 5546 §3.2.5) is such a
version too: each event in it is read as ``STATUS:CANCELLED`` (`cancellations`),
so a notice for one occurrence (with its RECURRENCE-ID) cancels that occurrence
only, and one for the series cancels the event.

An answer about an event (``METHOD:REPLY``, ``COUNTER``, ``DECLINECOUNTER``,
``REFRESH``: RFC 5546 §3.2.3, §3.2.6-8) is not the event: an attendee's
acceptance, a proposed change, its refusal, a request for the latest version.
Beside a version of the event it gives way to it; alone, it gives no event
(`answers`), and the report says to import the organizer's REQUEST or PUBLISH.
"""

from __future__ import annotations

import re

from timeline._errors import quoted
from timeline.ics._lines import Component, Prop, Structure
from timeline.ics._masters import uid_of

__all__ = ["answers", "cancellations", "newest_versions", "version_rank"]

_ANSWERS = frozenset({"REPLY", "COUNTER", "DECLINECOUNTER", "REFRESH"})
_STAMP = re.compile(r"(\d{8})(?:T(\d{6}))?")
_SEQUENCE = re.compile(r"[+-]?\d{1,9}")


def _stamp(comp: Component, name: str) -> str:
    """A DTSTAMP or LAST-MODIFIED as text that sorts in time (UTC by RFC 5545); ``""`` if none."""
    prop = comp.first(name)
    if prop is None:
        return ""
    value = prop.value.strip().rstrip("Zz")
    if "-" in value[:10] or ":" in value:  # ISO 8601 as home-made feeds write it
        value = re.sub(r"[.,]\d+$", "", value.replace("-", "").replace(":", ""))
    m = _STAMP.fullmatch(value)
    return "" if m is None else f"{m[1]}T{m[2] or '000000'}"


def _sequence(comp: Component, found: Structure | None, where: str) -> int:
    prop = comp.first("SEQUENCE")
    if prop is None:
        return 0
    if _SEQUENCE.fullmatch(prop.value.strip()) is None:
        if found is None:
            return 0
        found.change("SEQUENCE values that are not numbers, read as 0", f"{where}")
        return 0
    return int(prop.value.strip())


def version_rank(comp: Component) -> tuple[int, str, str, int]:
    """How new a version is: SEQUENCE, DTSTAMP, LAST-MODIFIED, then its line in the file.

    >>> version_rank(Component("VEVENT", 7))
    (0, '', '', 7)
    """
    return (
        _sequence(comp, None, ""),
        _stamp(comp, "DTSTAMP"),
        _stamp(comp, "LAST-MODIFIED"),
        comp.line,
    )


def _key(comp: Component) -> tuple[str, str, str] | None:
    """The UID and RECURRENCE-ID (zone and value) a version replaces; ``None`` without a UID."""
    uid = uid_of(comp)
    if not uid:
        return None
    rid = comp.first("RECURRENCE-ID")
    if rid is None:
        return uid, "", ""
    return uid, rid.params.get("TZID", "").strip(), rid.value.strip().upper()


def _content(comp: Component) -> list[object]:
    """What a component says, without its line numbers: equal for an exact copy.

    Iterative: a hostile file nests components thousands deep.
    """
    out: list[object] = []
    stack = [comp]
    while stack:
        c = stack.pop()
        out.append(c.name)
        for name, found in sorted(c.props.items()):
            out.append((name, [(sorted(p.params.items()), p.value) for p in found]))
        out.append(len(c.children))
        stack.extend(reversed(c.children))
    return out


def _describe(comp: Component) -> str:
    summary = comp.text("SUMMARY")
    name = f"{quoted(summary[:40])} " if summary else ""
    return f"{name}(line {comp.line})"


def newest_versions(calendars: list[Component], found: Structure) -> list[Component]:
    """``calendars`` with each VEVENT sent again under its UID (and RECURRENCE-ID) once: the newest.

    The order of newness is SEQUENCE, then DTSTAMP, then LAST-MODIFIED, then the
    place in the file; an attendee's answer (a calendar with METHOD:REPLY, COUNTER,
    DECLINECOUNTER or REFRESH) gives way to any version of the event itself. Every
    version left out is named in ``found``.

    >>> from timeline.ics._lines import read_components
    >>> data = (b"BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nUID:a\\nSEQUENCE:1\\nSUMMARY:new\\nEND:VEVENT\\n"
    ...         b"BEGIN:VEVENT\\nUID:a\\nSUMMARY:old\\nEND:VEVENT\\nEND:VCALENDAR\\n")
    >>> found = Structure()
    >>> (calendar,) = newest_versions(read_components(data), found)
    >>> [event.text("SUMMARY") for event in calendar.children]
    ['new']
    """
    best: dict[tuple[str, str, str], tuple[tuple[int, int, str, str, int], Component]] = {}
    dropped: set[int] = set()
    swap: dict[int, Component] = {}  # a version in the file -> that version made whole
    origin: dict[int, Component] = {}  # and back
    position = 0
    for calendar in calendars:
        if calendar.name != "VCALENDAR":
            continue
        # An attendee's answer (REPLY, COUNTER ...) is not a version of the event itself.
        event = (calendar.text("METHOD") or "").strip().upper() not in _ANSWERS
        for comp in calendar.children:
            position += 1
            key = _key(comp) if comp.name == "VEVENT" else None
            if key is None:
                continue
            rank = (
                int(event),
                _sequence(comp, None, ""),
                _stamp(comp, "DTSTAMP"),
                _stamp(comp, "LAST-MODIFIED"),
                position,
            )
            held = best.get(key)
            if held is None:
                best[key] = rank, comp
                continue
            (old_rank, old), (new_rank, new) = sorted([held, (rank, comp)], key=lambda p: p[0])
            dropped.add(id(origin.get(id(old), old)))
            _say(found, old, old_rank, new, new_rank)
            if _cancelled(new) and "DTSTART" not in new.props and "DTSTART" in old.props:
                # RFC 5546 §3.2.5: a CANCEL need not repeat the event's times: the event it
                # cancels keeps them (and the rest it does not say again).
                whole = Component(new.name, new.line, {**old.props, **new.props}, new.children)
                first = origin.get(id(new), new)  # the version as it stands in the file
                origin[id(whole)], swap[id(first)] = first, whole
                new = whole
            best[key] = new_rank, new
    if not dropped and not swap:
        return calendars
    return [
        Component(
            c.name,
            c.line,
            c.props,
            [swap.get(id(x), x) for x in c.children if id(x) not in dropped],
        )
        if c.name == "VCALENDAR"
        else c
        for c in calendars
    ]


def _cancelled(comp: Component) -> bool:
    return (comp.text("STATUS") or "").strip().upper() == "CANCELLED"


def _say(
    found: Structure,
    old: Component,
    old_rank: tuple[int, int, str, str, int],
    new: Component,
    new_rank: tuple[int, int, str, str, int],
) -> None:
    where = f"{_describe(old)}, kept {_describe(new)}"
    for version in (old, new):  # an unreadable SEQUENCE matters here: said
        _sequence(version, found, _describe(version))
    if _content(old) == _content(new):
        found.skip("copies of events repeated under one UID (read once)", where)
    elif old_rank[0] != new_rank[0]:
        found.skip("answers (METHOD:REPLY, COUNTER ...) to an event in the file", where)
    elif old_rank[1] != new_rank[1]:
        found.skip(
            "older versions of events sent again under one UID (the one with the higher "
            "SEQUENCE kept)",
            f"{where} (SEQUENCE {old_rank[1]} < {new_rank[1]})",
        )
    elif old_rank[2:4] != new_rank[2:4]:
        found.skip(
            "older versions of events sent again under one UID with the same SEQUENCE (the "
            "later DTSTAMP or LAST-MODIFIED kept)",
            where,
        )
    else:
        found.skip(
            "versions of events sharing a UID with the same SEQUENCE and DTSTAMP (the later in "
            "the file kept: a UID names one event)",
            where,
        )


def cancellations(calendars: list[Component], found: Structure) -> list[Component]:
    """``calendars`` with each event of a cancellation notice (``METHOD:CANCEL``) cancelled.

    >>> from timeline.ics._lines import read_components
    >>> data = (b"BEGIN:VCALENDAR\\nMETHOD:CANCEL\\nBEGIN:VEVENT\\nUID:a\\nEND:VEVENT\\n"
    ...         b"END:VCALENDAR\\n")
    >>> (calendar,) = cancellations(read_components(data), Structure())
    >>> calendar.children[0].text("STATUS")
    'CANCELLED'
    """
    out = []
    for calendar in calendars:
        method = (calendar.text("METHOD") or "").strip().upper()
        if calendar.name != "VCALENDAR" or method != "CANCEL":
            out.append(calendar)
            continue
        children = []
        for comp in calendar.children:
            if comp.name == "VEVENT" and (comp.text("STATUS") or "").strip().upper() != "CANCELLED":
                found.change(
                    "events in a cancellation (METHOD:CANCEL), read as cancelled", _describe(comp)
                )
                status = [Prop("STATUS", {}, "CANCELLED", comp.line)]
                comp = Component(
                    comp.name, comp.line, {**comp.props, "STATUS": status}, comp.children
                )
            children.append(comp)
        out.append(Component(calendar.name, calendar.line, calendar.props, children))
    return out


def answers(calendars: list[Component], found: Structure) -> list[Component]:
    """``calendars`` without the events of answers (METHOD:REPLY, COUNTER ...), each said.

    `newest_versions` first: an answer beside its event already gave way to it.

    >>> from timeline.ics._lines import read_components
    >>> data = (b"BEGIN:VCALENDAR\\nMETHOD:REPLY\\nBEGIN:VEVENT\\nUID:a\\nEND:VEVENT\\n"
    ...         b"END:VCALENDAR\\n")
    >>> found = Structure()
    >>> (calendar,) = answers(read_components(data), found)
    >>> calendar.children, len(found.skipped)
    ([], 1)
    """
    out = []
    for calendar in calendars:
        method = (calendar.text("METHOD") or "").strip().upper()
        if calendar.name != "VCALENDAR" or method not in _ANSWERS:
            out.append(calendar)
            continue
        kept = []
        for comp in calendar.children:
            if comp.name == "VTIMEZONE":
                kept.append(comp)
                continue
            found.skip(
                f"events in a METHOD:{method} (an answer about an event, not the event: import "
                "the organizer's invitation, METHOD:REQUEST or PUBLISH, instead)",
                _describe(comp),
            )
        out.append(Component(calendar.name, calendar.line, calendar.props, kept))
    return out
