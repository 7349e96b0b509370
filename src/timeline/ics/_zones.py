"""Time zones of foreign feeds: a TZID resolved the way the ``icalendar`` package does.

In order, the first that works:

1. an IANA name, case-insensitively (``Europe/lisbon``);
2. an IANA name behind a vendor prefix (``/mozilla.org/20070129_1/Europe/Berlin``,
   ``/softwarestudio.org/Tzfile/America/Chicago``), the longest suffix first;
3. a Windows zone name (``W. Europe Standard Time``) through the CLDR
   windowsZones mapping that ``tzlocal`` keeps up to date; or a Windows
   display name (``(UTC-05:00) Eastern Time (US & Canada)``,
   ``(UTC+01:00) Amsterdam, Berlin, ...``) by its zone name or a city whose
   IANA zone has the standard offset the name states;
4. the file's own VTIMEZONE with that TZID, built from its STANDARD/DAYLIGHT
   rules by ``dateutil.tz.tzical`` (what ``icalendar``'s ``Timezone.to_tz()``
   uses with its default provider), so times convert right across DST.

Only a TZID none of these resolves is left floating. ``dateutil`` and
``tzlocal`` are imported here, lazily, only when a name is not IANA.

Why these libraries: ``icalendar``'s ``Timezone.to_tz()`` (zoneinfo provider)
is itself ``dateutil.tz.tzical`` over the component, so calling tzical
directly gives the same zone without making ``icalendar`` (a dev-only
checker here) a runtime dependency; dateutil already comes with pendulum.
``tzlocal.windows_tz`` is the CLDR windowsZones map regenerated with each
tzlocal release, and tzlocal is small, pure Python and dependency-free on
Linux and macOS. Hand-written rule code would be a second rules engine.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import warnings
from typing import Any

import pendulum

from timeline._errors import quoted
from timeline.ics._lines import Component

__all__ = ["Zones"]


def _pendulum(name: str) -> Any:
    try:
        return pendulum.timezone(name)
    except Exception:  # pendulum raises several types (ValueError, its own) for unknown names
        return None


@functools.cache
def _iana_names() -> dict[str, str]:
    """Every IANA zone name by its lower-case form."""
    import zoneinfo

    return {name.lower(): name for name in sorted(zoneinfo.available_timezones())}


@functools.cache
def _iana_cities() -> dict[str, tuple[str, ...]]:
    """IANA zone names by their last part in lower case (``new_york``)."""
    cities: dict[str, tuple[str, ...]] = {}
    for name in _iana_names().values():
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix/", "right/")):
            key = name.rsplit("/", 1)[1].lower()
            cities[key] = (*cities.get(key, ()), name)
    return cities


def _iana(name: str) -> str | None:
    """The IANA zone ``name`` names, matched exactly or case-insensitively."""
    if not name or len(name) > 200:
        return None
    if _pendulum(name) is not None:
        return name
    return _iana_names().get(name.lower())


@functools.cache
def _windows() -> dict[str, str]:
    from tzlocal.windows_tz import win_tz

    return {key.lower(): value for key, value in win_tz.items()}


# "(UTC+01:00) Amsterdam, Berlin", and Outlook 2003's "(GMT+01.00) Amsterdam / Berlin".
_DISPLAY = re.compile(r"\(\s*(?:UTC|GMT)\s*(?:([+-])(\d{1,2})[:.]?(\d{2}))?\s*\)\s*(.+)", re.I)
_CITIES = re.compile(r"[,/:;]")
_MAX_CITIES = 12  # Windows names list at most a handful; a hostile TZID may list thousands


@functools.lru_cache(maxsize=1024)
def _standard_offsets(name: str) -> frozenset[int]:
    """The standard (not summer) UTC offsets of zone ``name`` in January and July, in minutes."""
    zone = _pendulum(name)
    if zone is None:
        return frozenset()
    found = set()
    for month in (1, 7):
        moment = _dt.datetime(2025, month, 15, 12, tzinfo=zone)
        offset = (moment.utcoffset() or _dt.timedelta()) - (moment.dst() or _dt.timedelta())
        found.add(int(offset.total_seconds()) // 60)
    return frozenset(found)


def _display(name: str) -> str | None:
    """The IANA zone of a Windows display name such as ``(UTC+01:00) Amsterdam, Berlin``."""
    m = _DISPLAY.fullmatch(name.strip())
    if m is None:
        return None
    minutes = (int(m[2]) * 60 + int(m[3])) * (-1 if m[1] == "-" else 1) if m[2] else 0
    rest = m[4].strip()
    if minutes == 0 and rest.casefold() == "coordinated universal time":
        return "UTC"  # Windows' "UTC" zone: its display name lists no city
    candidates: list[str] = []
    # "Eastern Time (US & Canada)" is the display name of "Eastern Standard Time".
    label = re.sub(r"\s*\(.*?\)\s*", " ", rest).strip()
    for key in (label, label.replace(" Time", " Standard Time"), f"{label} Standard Time"):
        if key.lower() in _windows():
            candidates.append(_windows()[key.lower()])
    for city in _CITIES.split(rest)[:_MAX_CITIES]:
        key = re.sub(r"\s+", "_", re.sub(r"\(.*?\)", "", city).strip()).lower()
        candidates.extend(_iana_cities().get(key, ()))
    for candidate in candidates:
        if minutes in _standard_offsets(candidate):
            return candidate
    return None


_LOOSE_OFFSET = re.compile(r"([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?")


def _utc_offset(value: str) -> str:
    """A UTC offset as RFC 5545 writes it (``+0100``), from ``+01:00`` or ``+1`` as some write it.

    >>> _utc_offset("+01:00"), _utc_offset("-5"), _utc_offset("+0530")
    ('+0100', '-0500', '+0530')
    """
    m = _LOOSE_OFFSET.fullmatch(value)
    if m is None or int(m[2]) > 23 or int(m[3] or 0) > 59 or int(m[4] or 0) > 59:
        return value
    seconds = f"{int(m[4]):02d}" if m[4] and int(m[4]) else ""
    return f"{m[1]}{int(m[2]):02d}{int(m[3] or 0):02d}{seconds}"


def _rrule(value: str) -> str:
    # A UTC UNTIL with a floating DTSTART makes dateutil refuse the rule; the
    # last transition moves by at most the offset, which the rule never reaches again.
    return re.sub(r"(UNTIL=\d{8}T\d{6})Z", r"\1", value, flags=re.I)


_REBASE = 1970
"""Yearly rules that start before this year are also built to start in it (see `VZone`)."""

_FOREVER = re.compile(r"FREQ=YEARLY(?!.*(?:COUNT|UNTIL)=)", re.I)


def _vtimezone_text(tzid: str, comp: Component, rebase: int | None) -> str | None:
    """The VTIMEZONE as dateutil reads it: known properties only, each rule cleaned."""
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    parts = 0
    for child in comp.children:
        if child.name not in ("STANDARD", "DAYLIGHT"):
            continue
        parts += 1
        lines.append(f"BEGIN:{child.name}")
        for name in ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "RRULE", "RDATE", "TZNAME"):
            for prop in child.props.get(name, [])[: 1 if name != "RDATE" else None]:
                value = prop.value.strip()
                if name == "DTSTART" and len(value) == 8:
                    value += "T000000"
                if name == "DTSTART" and rebase is not None:
                    value = f"{rebase:04d}{value[4:]}"
                elif name == "RRULE":
                    value = _rrule(value)
                elif name.startswith("TZOFFSET"):
                    value = _utc_offset(value)
                lines.append(f"{name}:{value}")
        to = child.first("TZOFFSETTO")
        if child.first("TZOFFSETFROM") is None and to is not None:
            lines.append(f"TZOFFSETFROM:{_utc_offset(to.value.strip())}")
        lines.append(f"END:{child.name}")
    lines.append("END:VTIMEZONE")
    return "\r\n".join(lines) if parts else None


def _rebasable(comp: Component) -> bool:
    """Whether every rule repeats yearly forever from a start before `_REBASE`, and only so."""
    rules = [c for c in comp.children if c.name in ("STANDARD", "DAYLIGHT")]
    for rule in rules:
        start, rrule = rule.first("DTSTART"), rule.props.get("RRULE", [])
        if start is None or len(rrule) != 1 or "RDATE" in rule.props:
            return False
        rule_text = rrule[0].value.strip().upper()
        if not _FOREVER.match(rule_text) or "BYYEARDAY" in rule_text:
            return False
        if "INTERVAL=" in rule_text and not re.search(r"INTERVAL=0*1(?:;|$)", rule_text):
            return False  # every other year: which years depends on the start
        year = start.value.strip()[:4]
        if not year.isdigit() or int(year) >= _REBASE or start.value.strip()[4:8] == "0229":
            return False
    return bool(rules)


class VZone:
    """A zone built from a VTIMEZONE by ``dateutil.tz.tzical``, with its offsets remembered.

    dateutil finds the rule in force by walking each rule's occurrences from
    its DTSTART, and Outlook starts every rule in 1601: 425 years walked per
    time. A rule that repeats yearly forever gives the same transitions from
    any start, so a second zone starts those rules in 1970 and answers for
    times from 1971 on; earlier times ask the zone as written.

    >>> VZone(None, None).offset(_dt.datetime(2026, 1, 1))
    datetime.timedelta(0)
    """

    def __init__(self, full: Any, recent: Any) -> None:
        self.full, self.recent = full, recent
        self._seen: dict[_dt.datetime, _dt.timedelta] = {}

    def offset(self, local: _dt.datetime) -> _dt.timedelta:
        """The UTC offset at a local (naive) time, as the VTIMEZONE's rules give it.

        A time the clocks pass twice is the first of the two (dateutil's
        ``fold=0``); a time they skip takes the offset in force before the gap
        (RFC 5545 §3.3.5), as an IANA zone's does here. dateutil alone gives
        the offset after the gap: an hour early.
        """
        found = self._seen.get(local)
        if found is None:
            zone = self.recent if self.recent is not None and local.year > _REBASE else self.full
            found = local.replace(tzinfo=zone).utcoffset() or _dt.timedelta()
            try:
                if zone is None:
                    raise ValueError  # no rules: no gap
                # In a gap, ``local - found`` is an instant before the change, when the
                # clocks read another time: its offset is the one before the gap.
                moment = (local - found).replace(tzinfo=zone)
                before = zone.fromutc(moment).utcoffset() or found
            except (ValueError, OverflowError):  # next to year 1 or 9999: no change there
                before = found
            if before < found:  # the clocks read ``local - found + before`` then: a gap
                found = before
            self._seen[local] = found
        return found

    def wall(self, moment: _dt.datetime) -> _dt.datetime:
        """The wall-clock time (naive) an aware ``moment`` is in this zone.

        >>> VZone(None, None).wall(_dt.datetime(2026, 1, 1, 9, tzinfo=_dt.UTC))
        datetime.datetime(2026, 1, 1, 9, 0)
        """
        at = moment.astimezone(_dt.UTC)  # a plain datetime: pendulum's refuses dateutil zones
        utc = _dt.datetime(at.year, at.month, at.day, at.hour, at.minute, at.second, at.microsecond)
        zone = self.recent if self.recent is not None and utc.year > _REBASE else self.full
        if zone is None:
            return utc
        return zone.fromutc(utc.replace(tzinfo=zone)).replace(tzinfo=None)  # type: ignore[no-any-return]


_CLOCK = {"BYHOUR": 23, "BYMINUTE": 59, "BYSECOND": 59}  # a time of day: one value each
_RULE_PARTS = frozenset({"FREQ", "INTERVAL", "UNTIL", "COUNT", "WKST", "BYMONTH", "BYDAY", *_CLOCK})
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MAX_DATES = 2000  # RDATE values per VTIMEZONE: real ones list a few hundred transitions
_MAX_RULES = 200  # STANDARD/DAYLIGHT parts: real ones have 2 (Outlook) to ~150 (full history)


def _followable(comp: Component) -> bool:
    """Whether dateutil can follow every rule of a VTIMEZONE in bounded time.

    dateutil finds the offset in force by walking each rule from its DTSTART,
    and walks to year 9999 for a rule that never matches: a hostile
    ``FREQ=SECONDLY`` or ``BYMONTH=2;BYMONTHDAY=30`` would hang the import.
    Clocks change yearly, on a month's nth weekday or on days of one month, at
    one time of day: only such rules are followed (every real VTIMEZONE's), in at most
    `_MAX_RULES` parts and `_MAX_DATES` RDATEs; others leave the zone unread.
    """
    dates = 0
    if sum(c.name in ("STANDARD", "DAYLIGHT") for c in comp.children) > _MAX_RULES:
        return False  # each time read walks every part: thousands make an import crawl
    for rule in comp.children:
        if rule.name not in ("STANDARD", "DAYLIGHT"):
            continue
        dates += sum(p.value.count(",") + 1 for p in rule.props.get("RDATE", []))
        for prop in rule.props.get("RRULE", []):
            parts = dict(p.partition("=")[::2] for p in prop.value.strip().upper().split(";"))
            if parts.get("FREQ") != "YEARLY" or not set(parts) <= _RULE_PARTS | {"BYMONTHDAY"}:
                return False
            if any(not _one_time(parts.get(name, "0"), top) for name, top in _CLOCK.items()):
                return False  # one time of day (Lotus Notes: BYHOUR=2;BYMINUTE=0), not many
            for day in parts.get("BYDAY", "").split(",") if "BYDAY" in parts else ():
                ordinal = day.strip()[:-2].lstrip("+-")
                if ordinal and (not ordinal.isdigit() or not 1 <= int(ordinal) <= 5):
                    return False  # a sixth Sunday never comes
            months = parts.get("BYMONTH", "").split(",")
            if "BYMONTHDAY" in parts:
                if len(months) != 1 or not months[0].isdigit() or not 1 <= int(months[0]) <= 12:
                    return False
                longest = _MONTH_DAYS[int(months[0]) - 1]
                days = parts["BYMONTHDAY"].split(",")
                if not any(d.lstrip("+-").isdigit() and 1 <= abs(int(d)) <= longest for d in days):
                    return False
    return dates <= _MAX_DATES


def _one_time(value: str, top: int) -> bool:
    """Whether a BYHOUR, BYMINUTE or BYSECOND value is one number from 0 to ``top``."""
    return value.strip().isdigit() and int(value) <= top


def _from_vtimezone(tzid: str, comp: Component) -> VZone | None:
    """The zone a VTIMEZONE's STANDARD/DAYLIGHT rules give, or ``None`` when they cannot be read."""
    if not _followable(comp):
        return None
    text = _vtimezone_text(tzid, comp, None)
    if text is None:
        return None
    import io

    from dateutil.tz import tzical

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # COUNT and UNTIL both
            full = tzical(io.StringIO(text)).get()
            recent = None
            if _rebasable(comp):
                rebased = _vtimezone_text(tzid, comp, _REBASE)
                recent = tzical(io.StringIO(rebased or "")).get()
        zone = VZone(full, recent)
        # Read offsets now, so a rule dateutil cannot follow fails here, not per event.
        for year in (1960, 1990, 2030):
            zone.offset(_dt.datetime(year, 1, 1))
    except Exception:  # dateutil raises ValueError, TypeError, IndexError... for bad rules
        return None
    return zone


def _other_offsets(zone: Any, tzid: str, comp: Component) -> str | None:
    """What a file's VTIMEZONE says against the named ``zone`` it is read as: its offset on
    the first of 15 January and 15 July, 2020 to 2030, where the two differ; ``None`` when
    they agree (or its rules cannot be read). Those years, where both say today's rules:
    a VTIMEZONE need not repeat a zone's history."""
    theirs = _from_vtimezone(tzid, comp)
    if theirs is None:
        return None
    for year in range(2020, 2031):
        for month in (1, 7):
            local = _dt.datetime(year, month, 15, 12)
            ours, said = zone.utcoffset(local), theirs.offset(local)
            if ours != said:
                return (
                    f"the file's VTIMEZONE (line {comp.line}) says {_shown(said)} on "
                    f"{local:%Y-%m-%d}, the tz database {_shown(ours)}"
                )
    return None


def _shown(offset: _dt.timedelta) -> str:
    """A UTC offset as ``+03:00``."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class Zones:
    """Resolves the TZIDs of one calendar and remembers how each was resolved.

    >>> zones = Zones({})
    >>> zones.get("Europe/lisbon", 7).name, zones.resolved
    ('Europe/Lisbon', {'Europe/lisbon': 'IANA name, read as Europe/Lisbon'})
    """

    def __init__(self, definitions: dict[str, Component]) -> None:
        self.definitions = definitions
        self.resolved: dict[str, str] = {}
        self.floating: list[str] = []
        self._cache: dict[str, Any] = {}
        self._folded: dict[str, Component] | None = None  # definitions by trimmed, folded TZID
        # TZIDs read as a named zone whose VTIMEZONE in the file gives other offsets: said.
        self.disagreeing: list[str] = []

    def get(self, tzid: str, line: int) -> Any:
        """The tzinfo of ``tzid`` (a pendulum zone or a dateutil one), or ``None`` (floating)."""
        if tzid in self._cache:
            return self._cache[tzid]
        zone, how = self._resolve(tzid)
        self._cache[tzid] = zone
        comp = self._definition(tzid) if isinstance(zone, pendulum.Timezone) else None
        if comp is not None and (other := _other_offsets(zone, tzid, comp)) is not None:
            self.disagreeing.append(f"TZID {quoted(tzid[:40])} (line {line}): {other}")
        if zone is None:
            self.floating.append(f"{quoted(tzid)} (line {line})")
        else:
            self.resolved[tzid] = how
        return zone

    def _definition(self, tzid: str) -> Component | None:
        """The VTIMEZONE a TZID names: exactly, else trimmed, else in any case."""
        found = self.definitions.get(tzid) or self.definitions.get(tzid.strip())
        if found is None and self.definitions:
            if self._folded is None:
                self._folded = {}
                for key, comp in self.definitions.items():
                    self._folded.setdefault(key.strip().casefold(), comp)
            found = self._folded.get(tzid.strip().casefold())
        return found

    def _resolve(self, tzid: str) -> tuple[Any, str]:
        name = tzid.strip()
        cleaned = name.strip("/")
        if (iana := _iana(cleaned)) is not None:
            return pendulum.timezone(iana), "IANA name" + (
                "" if iana == tzid else f", read as {iana}"
            )
        parts = cleaned.split("/")
        if name.startswith("/") or "." in parts[0] or ":" in parts[0]:
            for start in range(1, len(parts)):
                if (iana := _iana("/".join(parts[start:]))) is not None:
                    return pendulum.timezone(iana), f"vendor-prefixed IANA name, read as {iana}"
        if (iana := _windows().get(cleaned.lower())) is not None and _pendulum(iana):
            return pendulum.timezone(iana), f"Windows zone name, read as {iana}"
        if (iana := _display(cleaned)) is not None:
            return pendulum.timezone(iana), f"Windows zone display name, read as {iana}"
        comp = self._definition(tzid)
        if comp is not None and (zone := _from_vtimezone(tzid, comp)) is not None:
            return zone, f"the file's VTIMEZONE (line {comp.line})"
        return None, "left floating"
