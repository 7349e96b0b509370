"""Writing `When` values as text: what a person writes, and EDTF.

One canonical text per kind of value, chosen to read the way journalists and
analysts write and to parse back to the same value (``parse(to_text(w)) == w``):

=========  ==========================================  ============================
precision  text                                        EDTF
=========  ==========================================  ============================
instant    ``2026-04-15T10:00+08:00`` (ISO 8601)       ``2026-04-15T10:00:00+08:00``
day        ``15 April 2026``                           ``2026-04-15``
week       ``2026-W15``                                ``2026-W15`` (ISO 8601)
dekad      ``early/mid-/late April 2026``              ``2026-04-11/2026-04-20``
month      ``April 2026``                              ``2026-04``
season     ``spring 2026``, ``winter 2026/27``         ``2026-21``, ``2026-24``
quarter    ``Q2 2026``                                 ``2026-34``
third      ``early 2024``, ``mid-2024``, ``late 2024``  ``2024-37`` .. ``2024-39``
half       ``H1 2026``                                 ``2026-40``
year       ``2026``                                    ``2026``
decade     ``the 2020s``                               ``202`` (ISO 8601-2)
century    ``the 21st century`` (2000-2099)            ``20`` (ISO 8601)
=========  ==========================================  ============================

Unspecified digits keep their EDTF text (``202X``). Qualifiers: approximate is
a ``c.`` prefix, uncertain a ``?`` suffix (``c. April 2026?`` for both); in
EDTF ``~``, ``?`` and ``%``. Relations: ``by March 2025`` (``by end of 2030``
for years, decades and centuries, where a bare "by 2030" is ambiguous),
``before 2030``, ``after March 2025``; in EDTF the one-of sets ``[..X]`` and
``[X..]``. Intervals join their ends with ``to`` (``April 2026 to June 2026``);
an open start reads ``until June 2026``, an open end ``from April 2026
onwards``, and an unknown end is named: ``unknown start to June 2026``,
``April 2026 to unknown end``. In EDTF ``A/B``, ``../B``, ``A/..``, ``/B``,
``A/``. An interval with no date at all keeps ``..`` for an open end (``.. to
unknown end``). The parser also reads the older ``.. to June 2026`` and
``unknown to June 2026``.

Not every value survives EDTF unchanged: EDTF has no dekad (written as its
days), and "before X" is written as "X' or earlier" (read back as a deadline
with the same bounds).
"""

from __future__ import annotations

import datetime as _dt

from timeline.dates._parse_edtf import MONTH_NAMES, Fail, step
from timeline.dates._precision import Precision, Relation, names_century
from timeline.dates._when import When, WhenError

__all__ = ["qualified_text", "to_edtf", "to_text", "to_words"]

_SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
_THIRDS = ("early", "mid-", "late")
_COARSE = (Precision.YEAR, Precision.DECADE, Precision.CENTURY)


def to_text(w: When) -> str:
    """The text a person writes for ``w``; `timeline.When.parse` reads it back.

    >>> from timeline import When
    >>> to_text(When.month(2026, 4).qualify(approximate=True))
    'c. April 2026'
    >>> to_text(When.year(2030).by())
    'by end of 2030'
    """
    return _text(w, words=False)


def to_words(w: When) -> str:
    """``w`` for a reader: `to_text`, with unspecified digits and EDTF forms in words.

    The parser does not read these words back (`timeline.dates._format_words`).

    >>> from timeline import When
    >>> to_words(When.parse("2026-XX-15")), to_words(When.parse("April 2026"))
    ('the 15th of a month in 2026', 'April 2026')
    """
    return _text(w, words=True)


def _text(w: When, *, words: bool) -> str:
    if w.fiscal is not None:  # stated in fiscal years: said in their terms
        from timeline.dates._format_fiscal import fiscal_text

        said = fiscal_text(w)
        if said is not None:
            return said
    if w.is_interval:
        return _interval_text(w, words)
    if w.is_undated:
        return "date not announced"
    # a level-2 value: its words, or its EDTF (qualifiers inside)
    said = qualified_text(_core_text(w, words), w) if w.form is None else None
    core = said if said is not None else _form_text(w, words)
    if w.relation is Relation.ON:
        return core
    if w.relation is Relation.BY:
        plain = not w.approximate and w.unspecified is None and w.precision in _COARSE
        return f"by end of {core}" if plain and w.form is None else f"by {core}"
    return f"{_RELATION_WORDS[w.relation]} {core}"


def qualified_text(core: str, w: When) -> str:
    """``core`` with ``w``'s qualifiers in words: "c. " before it, "?" after it.

    >>> qualified_text("April 2026", When.parse("2026-04%"))
    'c. April 2026?'
    """
    if w.approximate:
        core = f"c. {core}"
    if w.uncertain:
        core += "?"
    return core


_RELATION_WORDS = {
    Relation.BEFORE: "before",
    Relation.AFTER: "after",
    Relation.NOT_BEFORE: "no earlier than",
    Relation.NOT_AFTER: "no later than",
}


def _form_text(w: When, words: bool) -> str:
    from timeline.dates._edtf_level2 import season_words, set_members, set_words

    assert w.form is not None
    if not words:
        if w.form[:1] == "[":
            return set_words(w) or w.form
        return season_words(w) or w.form
    if w.form[:1] in "[{":
        said = set_words(w, say=to_words) if w.form[:1] == "[" else None
        if said is not None:
            return said
        members = [to_words(m) for m in set_members(w.form)]
        if len(members) == 1:
            return members[0]
        head, last = ", ".join(members[:-1]), members[-1]
        return f"either {head} or {last}" if w.form[:1] == "[" else f"all of {head} and {last}"
    from timeline.dates._format_words import component_words, significant_words

    return season_words(w) or component_words(w.form) or significant_words(w.form) or w.form


def _interval_text(w: When, words: bool) -> str:
    # An open end is said in words around the other end ("until X", "from X
    # onwards"); an unknown end is named, so it reads as a fact, not a gap.
    # Intervals without any date (the model allows them) keep ".." for open.
    if w.lower == "open" and isinstance(w.upper, When):
        return f"until {_end_text(w.upper, w, first=False, words=words)}"
    if w.upper == "open" and isinstance(w.lower, When):
        return f"from {_end_text(w.lower, w, first=True, words=words)} onwards"
    lower = _end_text(w.lower, w, first=True, words=words)
    return f"{lower} to {_end_text(w.upper, w, first=False, words=words)}"


def _end_text(end: When | str | None, interval: When, *, first: bool, words: bool = False) -> str:
    if isinstance(end, When):
        return _text(_with_interval_qualifiers(end, interval), words=words)
    if end == "open":  # for a reader: said as the unknown end is ("open start to unknown end")
        return ("open start" if first else "open end") if words else ".."
    return "unknown start" if first else "unknown end"


def _with_interval_qualifiers(end: When, interval: When) -> When:
    # An interval carries its qualifiers on its ends; flags set on the interval
    # itself are shown on both ends rather than dropped.
    if not (interval.approximate or interval.uncertain):
        return end
    return end.qualify(
        approximate=end.approximate or interval.approximate,
        uncertain=end.uncertain or interval.uncertain,
    )


def _core_text(w: When, words: bool = False) -> str:
    if w.unspecified is not None:
        if words:
            from timeline.dates._format_words import mask_words

            return mask_words(w.unspecified)
        return w.unspecified
    s = w.start
    if s is None:
        return "unknown"
    if isinstance(s, _dt.datetime):
        seconds = w.precision is Precision.SECOND
        if words:
            from timeline.dates._format_words import instant_words

            return instant_words(s, seconds=seconds)
        return iso_instant(s, seconds=seconds, zone=True)
    p = w.precision
    y, m = s.year, s.month
    month = MONTH_NAMES[m - 1]
    if p is Precision.DAY:
        return f"{s.day} {month} {y:04d}"
    if p is Precision.MONTH:
        return f"{month} {y:04d}"
    if p is Precision.YEAR:
        return f"{y:04d}"
    if p is Precision.QUARTER:
        return f"Q{(m - 1) // 3 + 1} {y:04d}"
    if p is Precision.HALF:
        return f"H{(m - 1) // 6 + 1} {y:04d}"
    if p is Precision.THIRD:
        return f"{_THIRDS[(m - 1) // 4]}{'' if m == 5 else ' '}{y:04d}"
    if p is Precision.DEKAD:
        n = (s.day - 1) // 10
        return f"{_THIRDS[n]}{'' if n == 1 else ' '}{month} {y:04d}"
    if p is Precision.SEASON:
        name = _SEASONS.get(m, "spring")
        return f"winter {y:04d}/{(y + 1) % 100:02d}" if name == "winter" else f"{name} {y:04d}"
    if p is Precision.WEEK:
        iso = s.isocalendar()
        if words and w.end is not None:  # "week 15 of 2026 (6-12 April 2026)"
            return f"week {iso[1]} of {iso[0]:04d} ({_days_text(s, w.end)})"
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if p is Precision.DECADE:
        assert w.end is not None
        first = y - y % 10
        if names_century(first):  # "the 1800s" reads as the century: say the decade's years
            years = f"the decade {first:04d}\u2013{first + 9:04d}"
            if w.end.year - y != 9:
                lead = ("early in", "midway through", "late in")[{0: 0, 4: 1}.get(y - first, 2)]
                return f"{lead} {years}"
            return years
        if w.end.year - y != 9:  # a third of the decade: "early/mid-/late 2020s"
            word = _THIRDS[{0: 0, 4: 1}.get(y - first, 2)]
            return f"{word}{'' if y - first == 4 else ' '}{first:04d}s"
        return f"the {y:04d}s"
    if p is Precision.CENTURY:
        assert w.end is not None
        first = y - y % 100
        if w.end.year - y != 99:  # a third of the century: "early/mid-/late 20th century"
            word = _THIRDS[{0: 0, 40: 1}.get(y - first, 2)]
            return f"{word}{'' if y - first == 40 else ' '}{ordinal(first // 100 + 1)} century"
        return f"the {ordinal(y // 100 + 1)} century"
    return _day_span(w)


def _days_text(first: _dt.date, last: _dt.date) -> str:
    """Two days as a span: "6\u201312 April 2026", "28 December 2026\u20133 January 2027"."""
    end = f"{last.day} {MONTH_NAMES[last.month - 1]} {last.year:04d}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}\u2013{end}"
    if first.year == last.year:
        return f"{first.day} {MONTH_NAMES[first.month - 1]}\u2013{end}"
    return f"{first.day} {MONTH_NAMES[first.month - 1]} {first.year:04d}\u2013{end}"


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th`` ... ``11th``, ``21st``.

    >>> ordinal(21)
    '21st'
    """
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _day_span(w: When) -> str:
    # Values built by hand with an unusual precision: say the span plainly.
    return f"{_iso_day(w.start)}/{_iso_day(w.end)}"


def _iso_day(p: _dt.date | None) -> str:
    if p is None:
        return ".."
    if isinstance(p, _dt.datetime):
        return iso_instant(p, seconds=True, zone=False)
    return f"{p.year:04d}-{p.month:02d}-{p.day:02d}"


def iso_instant(p: _dt.datetime, *, seconds: bool, zone: bool) -> str:
    """ISO 8601 text for an instant, keeping its offset (``Z`` for UTC, none if naive)."""
    text = f"{p.year:04d}-{p.month:02d}-{p.day:02d}T{p.hour:02d}:{p.minute:02d}"
    if seconds:
        text += f":{p.second:02d}"
        if p.microsecond:
            text += f".{p.microsecond:06d}"
    offset = p.utcoffset()
    if offset is None:
        return text
    name = getattr(p.tzinfo, "name", None)
    if name == "UTC":
        return text + "Z"
    total = int(offset.total_seconds())
    sign = "-" if total < 0 else "+"
    hours, rest = divmod(abs(total), 3600)
    text += f"{sign}{hours:02d}:{rest // 60:02d}"
    if rest % 60:
        text += f":{rest % 60:02d}"
    if zone and name and "/" in name:
        text += f"[{name}]"
    return text


# -- EDTF -------------------------------------------------------------------------------------

_MARKS = {(False, False): "", (True, False): "~", (False, True): "?", (True, True): "%"}


def to_edtf(w: When) -> str:
    """EDTF text for ``w``; `timeline.When.from_edtf` reads it back.

    Raises `timeline.WhenError` only for "before"/"after" a value on the
    calendar's edge (before 0001, after 9999), whose neighbour has no EDTF.

    >>> from timeline import When
    >>> to_edtf(When.quarter(2026, 2).qualify(uncertain=True))
    '2026-34?'
    >>> to_edtf(When.year(2030).by())
    '[..2030]'
    """
    if w.is_undated:
        raise WhenError(
            "the undated value ('date not announced') has no EDTF form; "
            "check When.is_undated before writing EDTF"
        )
    if w.is_interval:
        lower = _edtf_end(w.lower, w, first=True)
        upper = _edtf_end(w.upper, w, first=False)
        return f"{lower}/{upper}"
    if w.relation is Relation.ON:
        return _edtf_single(w)
    if w.precision is Precision.DEKAD and w.unspecified is None:
        # EDTF has no dekad: a relation to one is written against its first day (before,
        # no earlier than) or its last (by, no later than, after).
        starts = w.relation is Relation.BEFORE or w.relation is Relation.NOT_BEFORE
        day = w.start if starts else w.end
        assert day is not None
        as_day = _as_day(day, w)
        w = {
            Relation.BY: as_day.by,
            Relation.BEFORE: as_day.before,
            Relation.AFTER: as_day.after,
            Relation.NOT_AFTER: as_day.not_after,
            Relation.NOT_BEFORE: as_day.not_before,
        }[w.relation]()
    single = _edtf_single(w)
    third = "/" in single and w.form is None
    if third:
        # a third of a decade or century: EDTF has none, so its years ("2027/2029"); a
        # relation to it is written against its first year or its last, as for a dekad
        # (before and after: against the day beside it, below)
        first, last = single.split("/")
        if w.relation is Relation.BY or w.relation is Relation.NOT_AFTER:
            return f"[..{last}]"
        if w.relation is Relation.NOT_BEFORE:
            return f"[{first}..]"
    if w.relation is Relation.BY or w.relation is Relation.NOT_AFTER:
        return f"[..{single}]"
    if w.relation is Relation.NOT_BEFORE:
        return f"[{single}..]"
    if w.unspecified is not None and w.form is None:
        # After the first reading, before the last: beside that reading, at its grain.
        w = _reading(w, first=w.relation is Relation.AFTER)
    try:
        if third:  # no unit of its shape to step to
            pass
        elif w.relation is Relation.BEFORE:
            return f"[..{_edtf_single(step(w, -1))}]"
        else:
            return f"[{_edtf_single(step(w, 1))}..]"
    except Fail:
        pass
    # No neighbour of the same shape (a level-2 value, or the calendar's edge):
    # the day beside its span, with the same bounds.
    try:
        if w.relation is Relation.BEFORE:
            assert w.latest is not None
            return f"[..{_edtf_single(_as_day(w.latest, w))}]"
        assert w.earliest is not None
        return f"[{_edtf_single(_as_day(w.earliest, w))}..]"
    except (Fail, WhenError, AssertionError):
        raise WhenError(
            f"{w.relation.value} a value at the calendar's edge has no EDTF text: "
            "the unit beside it is outside years 1..9999"
        ) from None


def _reading(w: When, *, first: bool) -> When:
    """The first (or last) unit unspecified digits allow, with ``w``'s relation and marks."""
    point = w.start if first else w.end
    assert isinstance(point, _dt.date)
    y, m = point.year, point.month
    if w.precision is Precision.YEAR:
        unit = When.year(y)
    elif w.precision is Precision.MONTH:
        unit = When.month(y, m)
    else:
        unit = When.day(y, m, point.day)
    qualified = unit.qualify(approximate=w.approximate, uncertain=w.uncertain)
    return qualified.after() if first else qualified.before()


def _as_day(day: _dt.date, like: When) -> When:
    w = When.day(day.year, day.month, day.day)
    if like.form is not None:
        return w
    return w.qualify(approximate=like.approximate, uncertain=like.uncertain)


def _edtf_end(end: When | str | None, interval: When, *, first: bool) -> str:
    if not isinstance(end, When):
        return ".." if end == "open" else ""
    end = _with_interval_qualifiers(end, interval)
    if end.precision is Precision.DEKAD and end.unspecified is None:
        day = end.start if first else end.end
        assert day is not None
        end = _as_day(day, end)
    return _edtf_single(end)


def _edtf_single(w: When) -> str:
    if w.form is not None:
        return w.form
    mark = _MARKS[(w.approximate, w.uncertain)]
    if w.unspecified is not None:
        return w.unspecified + mark
    s = w.start
    if s is None:
        return ".." + mark
    if isinstance(s, _dt.datetime):
        return iso_instant(s, seconds=True, zone=False) + mark
    p = w.precision
    y, m = s.year, s.month
    if p is Precision.DAY:
        text = f"{y:04d}-{m:02d}-{s.day:02d}"
    elif p is Precision.MONTH:
        text = f"{y:04d}-{m:02d}"
    elif p is Precision.YEAR:
        text = f"{y:04d}"
    elif p is Precision.QUARTER:
        text = f"{y:04d}-{32 + (m - 1) // 3 + 1}"
    elif p is Precision.THIRD:
        text = f"{y:04d}-{36 + (m - 1) // 4 + 1}"
    elif p is Precision.HALF:
        text = f"{y:04d}-{39 + (m - 1) // 6 + 1}"
    elif p is Precision.SEASON:
        text = f"{y:04d}-{21 + (m - 3) // 3 if m >= 3 else 24}"
    elif p is Precision.WEEK:
        iso = s.isocalendar()
        text = f"{iso[0]:04d}-W{iso[1]:02d}"
    elif p is Precision.DECADE:
        assert w.end is not None
        if w.end.year - y != 9:  # a third of a decade: EDTF has no such unit; its years
            return f"{y:04d}{mark}/{w.end.year:04d}{mark}"
        text = f"{y // 10:03d}"
    elif p is Precision.CENTURY:
        assert w.end is not None
        if w.end.year - y != 99:  # a third of a century: its years, as for a decade's
            return f"{y:04d}{mark}/{w.end.year:04d}{mark}"
        text = f"{y // 100:02d}"
    elif p is Precision.DEKAD:
        return f"{_iso_day(s)}{mark}/{_iso_day(w.end)}{mark}"
    else:
        return _day_span(w)
    return text + mark
