"""A timeline's own fields (name, description, fiscal years) in a table's schema metadata.

`to_arrow` writes them under the keys here; `from_arrow` reads them back, refusing
metadata that is not UTF-8 text or not the JSON it should be, with the key and the fix.
"""

from __future__ import annotations

import json
from typing import Any

from timeline._errors import DataFileError, DataFileProblem, TimelineError, quoted
from timeline.figures._text import checked_text

__all__ = [
    "DESCRIPTION_KEY",
    "FISCAL_YEARS_KEY",
    "NAME_KEY",
    "fiscal_years_of",
    "metadata_text",
]

# Metadata keys for the timeline's own fields.
NAME_KEY, DESCRIPTION_KEY = b"timeline.name", b"timeline.description"
FISCAL_YEARS_KEY = b"timeline.fiscal_years"  # JSON: {"Microsoft": 7}, actor to start month


def fiscal_years_of(metadata: dict[bytes, bytes]) -> dict[str, int] | None:
    """The ``fiscal_years`` a table's schema metadata holds (`to_arrow` writes them), or None.

    >>> fiscal_years_of({FISCAL_YEARS_KEY: b'{"Microsoft": 7}'})
    {'Microsoft': 7}
    >>> fiscal_years_of({FISCAL_YEARS_KEY: b"July"})
    Traceback (most recent call last):
    ...
    timeline._errors.DataFileError: <records>: the table's metadata timeline.fiscal_years: ...
    """
    raw = metadata.get(FISCAL_YEARS_KEY)
    if raw is None:
        return None

    def refuse(why: str) -> DataFileError:
        problem = f"the table's metadata timeline.fiscal_years: {why}; fix or drop that key"
        return DataFileError([DataFileProblem(problem)])

    try:
        value = json.loads(raw, object_pairs_hook=_once)
    except _GivenTwice as twice:
        raise refuse(f"{quoted(twice.args[0])} is given twice") from None
    except RecursionError:
        raise refuse(f"{_quoted(raw)} is nested too deeply to read") from None
    except ValueError:  # not JSON, not UTF-8, or a number of thousands of digits
        value = None
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        why = 'is not a JSON object of actor to month number, such as {"Microsoft": 7}'
        raise refuse(f"{_quoted(raw)} {why}")
    for actor, month in value.items():
        _whole_text(actor, FISCAL_YEARS_KEY)
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            shown = actor if actor.isprintable() and len(actor) <= 60 else repr(actor[:60])
            raise refuse(f"{shown}: {quoted(month)} is not a month number 1..12")
    return value


class _GivenTwice(Exception):
    """A JSON object in the metadata names a key twice (``args[0]``)."""


def _once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's pairs as a dict; a key given twice raises `_GivenTwice`."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _GivenTwice(key)
        found[key] = value
    return found


def _quoted(raw: bytes, limit: int = 60) -> str:
    """Metadata bytes as text quoted for a message, cut after ``limit`` characters.

    >>> print(_quoted(b'{"M": 7}'), _quoted(b"[" * 100)[-20:])
    '{"M": 7}' [[[...' (100 bytes)
    """
    text = raw.decode("utf-8", "replace")
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit] + '...'!r} ({len(raw)} bytes)"


def metadata_text(metadata: dict[bytes, bytes], key: bytes) -> str | None:
    """The text a table's schema metadata holds under ``key``, or None; refused unless UTF-8.

    >>> metadata_text({NAME_KEY: "AI race".encode()}, NAME_KEY)
    'AI race'
    >>> metadata_text({NAME_KEY: b"\\xff"}, NAME_KEY)
    Traceback (most recent call last):
    ...
    timeline._errors.DataFileError: <records>: the table's metadata timeline.name: ...
    """
    raw = metadata.get(key)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")  # strict: a surrogate's UTF-8 bytes are refused too
    except UnicodeDecodeError as err:
        problem = (
            f"the table's metadata {key.decode()}: {quoted(raw)} is not UTF-8 text (byte "
            f"{err.start + 1}); fix or drop that key"
        )
        raise DataFileError([DataFileProblem(problem)]) from None
    return text


def _whole_text(text: str, key: bytes) -> None:
    # JSON in the metadata can spell half a surrogate pair ("\ud800"): not text.
    try:
        checked_text(text, "", "")
    except TimelineError as err:
        problem = f"the table's metadata {key.decode()}: {err}"
        raise DataFileError([DataFileProblem(problem)]) from None
