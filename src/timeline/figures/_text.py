"""Text fields of figures, sources and events: refused when no file could hold them.

Text reaches Python with lone surrogates from JSON (``"\\ud800"``) or from bytes
decoded with ``surrogateescape``. Such text is not Unicode text at all: it would
be built, then fail the moment it is written out. Every free-text field (a title,
a note, a target's metric, a unit) goes through `checked_text` when its value is
built, so the refusal names the field and the position.
"""

from __future__ import annotations

from timeline._errors import EventError, TimelineError, quoted

__all__ = ["checked_text", "optional_text"]


def checked_text(text: str, owner: str, field: str, error: type[TimelineError] = EventError) -> str:
    r"""``text``, refused with its position if it holds a lone surrogate, which no file can hold.

    ``owner`` and ``field`` say where the text belongs (``event 'x'``, ``title``;
    either may be empty); ``error`` is the `TimelineError` subclass of the value
    being built.

    >>> checked_text("ab\ud800", "event 'x'", "title")
    Traceback (most recent call last):
    ...
    timeline._errors.EventError: event 'x': title: 'ab\ud800' holds a lone surrogate ...
    """
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as err:
            where = "".join(f"{part}: " for part in (owner, field) if part)
            raise error(
                f"{where}{quoted(text)} holds a lone surrogate {quoted(text[err.start])} at "
                f"character {err.start + 1}, which is not text; remove it (an escape such as "
                "\\ud800 needs its other half)"
            ) from None
    return text


def optional_text(
    value: str | None, owner: str = "", field: str = "", error: type[TimelineError] = EventError
) -> str | None:
    """``value`` stripped and checked (`checked_text`); ``None`` for none or blank text.

    A value that is not text (a number, a list, bytes) is refused, not turned into text.

    >>> optional_text("  a note "), optional_text("   ")
    ('a note', None)
    >>> optional_text(5, "event 'x'", "kind")
    Traceback (most recent call last):
    ...
    timeline._errors.EventError: event 'x': kind: 5 is not text; give it as text (a str), or None
    """
    if value is None:
        return None
    if not isinstance(value, str):
        # str(value) would keep ``['Beijing']`` or ``b'x'`` as text no one wrote.
        where = "".join(f"{part}: " for part in (owner, field) if part)
        raise error(f"{where}{quoted(value)} is not text; give it as text (a str), or None")
    text = checked_text(value.strip(), owner, field, error)
    return text or None
