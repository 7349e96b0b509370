"""The exceptions timeline raises: one small tree under `TimelineError`.

Every error the library raises on bad input is a `TimelineError`; those about a
bad value are also `ValueError`, so code that already catches `ValueError` keeps
working. Messages quote the input and name the fix.
"""

from __future__ import annotations

__all__ = ["QueryError", "TimelineError", "WhenParseError"]


class TimelineError(Exception):
    """Base class of every error timeline raises.

    >>> issubclass(WhenParseError, TimelineError)
    True
    """


class WhenParseError(TimelineError, ValueError):
    """Text that is not a date `When.parse` understands.

    Carries the offending ``text``, the ``reason`` and an optional
    ``suggestion`` (a corrected spelling to try).

    >>> err = WhenParseError("Aprill 2026", "unknown month name 'Aprill'", "April 2026")
    >>> str(err)
    "'Aprill 2026' is not a date: unknown month name 'Aprill'; did you mean 'April 2026'?"
    """

    def __init__(self, text: str, reason: str, suggestion: str | None = None) -> None:
        self.text = text
        self.reason = reason
        self.suggestion = suggestion
        message = f"{text!r} is not a date: {reason}"
        if suggestion is not None:
            message += f"; did you mean {suggestion!r}?"
        super().__init__(message)


class QueryError(TimelineError, ValueError):
    """An invalid argument to a `Timeline` query (a duration, a grouping, a status).

    >>> from timeline import Event, Timeline
    >>> Timeline().upcoming(as_of="2026-03-28", within="soon")
    Traceback (most recent call last):
    ...
    timeline._errors.QueryError: within: 'soon' is not a duration; write e.g. '90 days', ...
    """
