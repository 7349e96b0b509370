"""Interim parser (replaced by the parser work): plain EDTF years, months and days."""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Literal

from timeline._errors import WhenParseError

if TYPE_CHECKING:
    from timeline._when import When

_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)")


def parse_edtf(text: str) -> When:
    """Parse a plain EDTF year, month or day with an optional qualifier."""
    from timeline._when import When

    m = _RE.fullmatch(text.strip())
    if m is None:
        raise WhenParseError(text, "not a date")
    y, mo, d, q = m.groups()
    try:
        if d:
            w = When.day(int(y), int(mo), int(d))
        else:
            w = When.month(int(y), int(mo)) if mo else When.year(int(y))
    except ValueError as e:
        raise WhenParseError(text, str(e)) from None
    return w.qualify(approximate=q in "~%" and q != "", uncertain=q in "?%" and q != "")


def parse(
    text: str,
    *,
    reference: _dt.date | str | None = None,
    prefer: Literal["current", "future", "past"] = "current",
) -> When:
    """Parse text (interim: EDTF only)."""
    return parse_edtf(text)
