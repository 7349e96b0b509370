"""vCalendar 1.0 recurrence rules (``RRULE:W1 MO WE #10``) as RFC 5545 writes them.

``.vcs`` files (Outlook's "vCalendar format", Lotus Notes, phones) write the
older grammar: a frequency letter and interval (``D``, ``W``, ``MP``, ``MD``,
``YM``, ``YD``), its days, months or positions, and ``#count`` (``#0``: for
ever; none: twice) or an end date. `rfc5545_rule` translates the forms that
grammar has into an RFC 5545 rule dateutil follows; anything else is left
for the caller to say it cannot be followed.
"""

from __future__ import annotations

import re

__all__ = ["rfc5545_rule"]

_HEAD = re.compile(r"(D|W|MP|MD|YM|YD)(\d{1,4})", re.IGNORECASE)
_FREQ = {"D": "DAILY", "W": "WEEKLY", "MP": "MONTHLY", "MD": "MONTHLY", "YM": "YEARLY",
         "YD": "YEARLY"}  # fmt: skip
_DAY = re.compile(r"(?:MO|TU|WE|TH|FR|SA|SU)", re.IGNORECASE)
_ORDINAL = re.compile(r"([1-5])([+-])")
_NUMBER = re.compile(r"(\d{1,3})([+-]?)")
_END = re.compile(r"\d{8}(?:T\d{6}Z?)?", re.IGNORECASE)
_COUNT = re.compile(r"#(\d{1,6})")


def rfc5545_rule(text: str) -> str | None:
    """The RFC 5545 form of a vCalendar 1.0 rule, or ``None`` when it is not one.

    >>> rfc5545_rule("W1 MO WE #10")
    'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=10'
    >>> rfc5545_rule("MP1 1+ MO 1- FR 20261231T000000Z")
    'FREQ=MONTHLY;INTERVAL=1;BYDAY=1MO,-1FR;UNTIL=20261231T000000Z'
    >>> rfc5545_rule("FREQ=DAILY") is None
    True
    """
    tokens = text.split()
    if not tokens or "=" in text:
        return None
    head = _HEAD.fullmatch(tokens[0])
    if head is None:
        return None
    kind = head[1].upper()
    parts = [f"FREQ={_FREQ[kind]}", f"INTERVAL={int(head[2]) or 1}"]
    items: list[str] = []
    ending = "COUNT=2"  # vCalendar 1.0: no duration given is "#2"
    ordinal = ""
    for token in tokens[1:]:
        upper = token.upper()
        count, end = _COUNT.fullmatch(upper), _END.fullmatch(upper)
        if count is not None:
            ending = f"COUNT={int(count[1])}" if int(count[1]) else ""
        elif end is not None:
            ending = f"UNTIL={upper}"
        elif kind in ("W", "MP") and _DAY.fullmatch(upper):
            items.append(f"{ordinal}{upper}")
        elif kind == "MP" and _ORDINAL.fullmatch(upper):
            m = _ORDINAL.fullmatch(upper)
            assert m is not None
            ordinal = f"{'-' if m[2] == '-' else ''}{m[1]}"
        elif kind in ("MD", "YM", "YD") and (_NUMBER.fullmatch(upper) or upper == "LD"):
            m = _NUMBER.fullmatch(upper)
            items.append("-1" if m is None else f"{'-' if m[2] == '-' else ''}{int(m[1])}")
        else:
            return None  # times of day, "$" lists ...: not followed
    if kind == "MP" and not items:
        return None
    by = {"W": "BYDAY", "MP": "BYDAY", "MD": "BYMONTHDAY", "YM": "BYMONTH", "YD": "BYYEARDAY"}
    if items and kind in by:
        parts.append(f"{by[kind]}={','.join(items)}")
    if ending:
        parts.append(ending)
    return ";".join(parts)
