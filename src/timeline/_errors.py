"""The exceptions timeline raises: one small tree under `TimelineError`.

Every error the library raises on bad input is a `TimelineError`; those about a
bad value are also `ValueError`, so code that already catches `ValueError` keeps
working. Messages quote the input and name the fix.
"""

from __future__ import annotations

__all__ = ["FrameError", "PlotError", "TimelineError", "WhenParseError"]


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


class FrameError(TimelineError, ValueError):
    """A DataFrame row that does not make a valid event (`Timeline.from_pandas`).

    >>> import pandas as pd
    >>> from timeline import Timeline
    >>> Timeline.from_pandas(pd.DataFrame({"title": ["x"]}))
    Traceback (most recent call last):
    ...
    timeline._errors.FrameError: the frame has no 'when' column; ...
    """


class PlotError(TimelineError, ValueError):
    """A bad argument to `Timeline.plot`, `Timeline.save_plot` or `Timeline.to_html`.

    >>> from timeline import Timeline
    >>> Timeline().plot(by="colour")
    Traceback (most recent call last):
    ...
    timeline._errors.PlotError: plot: by='colour' is not a lane key; use one of actor, kind, status
    """
