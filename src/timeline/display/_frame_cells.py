"""One cell of a DataFrame read as `Event` and `Timeline.from_records` read that field.

A frame holds whatever its user put in it: a text column with ``NaN``, ``pd.NA``
or ``None`` in the gaps, a Categorical, a bool or a number typed by mistake.
A gap is "absent"; text is text; anything else is a `FrameError` naming the row,
the column and the fix, never its ``str()`` (``True`` read as the kind ``'True'``).
List columns (``actors``, ``tags``, ``related``) take a list of text or one
text, which `Event` reads as one name and refuses when it holds several
(``"x; y"``), as ``Event(actors="x; y")`` does. Columns of nested values
(``sources``, ``claims``, ``target``, ``observations``) take the objects or their
records (dicts, as a frame of the columnar form holds them), read as
`Timeline.from_records` reads them.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

from timeline._errors import FrameError, quoted
from timeline.dates._when import When
from timeline.figures._growth import Observation
from timeline.figures._source import Source
from timeline.figures._target import Target
from timeline.model._claim import Claim

__all__ = ["missing", "record", "record_list", "text", "text_list", "when_or_text"]


def missing(value: object) -> bool:
    """Whether a cell is a gap: ``None``, a float ``NaN``, ``pd.NA`` or ``pd.NaT``.

    >>> import pandas as pd
    >>> [missing(v) for v in (None, float("nan"), pd.NA, pd.NaT, "", 0)]
    [True, True, True, True, False, False]
    """
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    import pandas  # only reached from from_pandas, which has imported it

    return value is pandas.NA or value is pandas.NaT


def text(value: object, column: str, where: str) -> str | None:
    """A text cell: its text, or None for a gap; anything else is a `FrameError`.

    >>> text("Tencent", "kind", "row 0")
    'Tencent'
    >>> text(True, "kind", "row 0")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    timeline._errors.FrameError: row 0: kind: True is not text; write it as text ('True') or ...
    """
    if missing(value):
        return None
    if isinstance(value, str):
        return str(value)  # a numpy str_ too
    raise FrameError(
        f"{where}: {column}: {quoted(value)} is not text; write it as text ({str(value)!r}) "
        "or leave the cell empty"
    )


def text_list(value: object, column: str, where: str) -> tuple[str, ...] | str:
    """A list cell of names: a tuple of text, or one text for `Event` to read (or refuse).

    >>> text_list(["Tencent", "Meta"], "actors", "row 0")
    ('Tencent', 'Meta')
    >>> text_list(["Tencent", None], "actors", "row 0")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    timeline._errors.FrameError: row 0: actors: None is not text; give a list of names ...
    """
    if missing(value):
        return ()
    if isinstance(value, str):
        return str(value)
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        items = tuple(value)
        for item in items:
            if not isinstance(item, str):
                raise FrameError(
                    f"{where}: {column}: {quoted(item)} is not text; give a list of names such as "
                    "['Tencent']"
                )
        return tuple(str(item) for item in items)
    raise FrameError(
        f"{where}: {column}: {quoted(value)} is not a list of text; write a list like ['Tencent']"
    )


def record_list(value: object, column: str, where: str) -> tuple[Any, ...]:
    """A cell of ``sources``, ``claims`` or ``observations``: the objects, or their records
    (dicts, as ``pd.read_parquet`` of the columnar file or a frame of JSON gives them), read
    as `Timeline.from_records` reads them.

    >>> record_list([{"stated": "2026-04-20", "when": "2026-05"}], "claims", "row 0")
    (Claim(stated=When.parse('20 April 2026'), when=When.parse('May 2026'), ...),)
    >>> record_list([{"stated": "2026-04-20", "when": "Aprill"}], "claims", "row 0")
    Traceback (most recent call last):
    timeline._errors.FrameError: row 0: claims[0].when: 'Aprill' is not a date: ...
    """
    kind = _KINDS[column][0]
    if missing(value):
        return ()
    if not isinstance(value, Iterable) or isinstance(value, (str, bytes, Mapping)):
        raise FrameError(
            f"{where}: {column}: {quoted(value):.80} is not a list of {kind.__name__} objects or "
            "their records"
        )
    return tuple(record(item, column, f"{where}: {column}[{i}]") for i, item in enumerate(value))


def record(value: object, column: str, where: str) -> Any:
    """One ``sources``/``claims``/``observations`` item, or a ``target`` cell: the object,
    or its record read as `Timeline.from_records` reads it.

    >>> str(record({"metric": "ARR", "goal": "$600 million", "deadline": "2026"}, "target",
    ...            "row 0: target").goal)
    '$600 million'
    """
    from timeline.records._schema import Locations
    from timeline.records._schema_read import _Reader

    kind, read = _KINDS[column]
    if isinstance(value, kind):
        return value
    if not isinstance(value, Mapping):
        raise FrameError(
            f"{where}: {quoted(value):.80} is not a {kind.__name__} or its record (a dict)"
        )
    reader = _Reader(Locations(None, label=lambda path: ".".join(map(str, path))))
    built = getattr(reader, read)(_cleaned(value), ())
    if reader.problems or built is None:
        said = [f"{where}{'.' + p.field if p.field else ''}: {p.message}" for p in reader.problems]
        raise FrameError(
            "; ".join(said) or f"{where}: {quoted(value):.80} is not a {kind.__name__}"
        )
    return built


def _cleaned(value: Any) -> Any:
    """A record as a table holds it, as a data file would: empty fields (``None``, ``NaN``)
    left out, a claim's derived ``day`` dropped, arrays as lists."""
    if isinstance(value, Mapping):
        return {str(k): _cleaned(v) for k, v in value.items() if not missing(v) and k != "day"}
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        return [_cleaned(v) for v in value]
    return value


# The model type of each column of nested values, and the records reader's method for it.
_KINDS: dict[str, tuple[type, str]] = {
    "sources": (Source, "source"),
    "claims": (Claim, "claim"),
    "observations": (Observation, "observation"),
    "target": (Target, "target"),
}


def when_or_text(value: object, day: bool = False) -> When | str | None:
    """A date cell as a `When` or its text; ``day``: the cell is from a column of dates.

    pandas has no date type: dates read with ``pd.to_datetime`` are midnights, which a
    column of nothing but naive midnights (``day``) gives back as days. A whole number
    stored as a float (a column of years with a gap) is that number.

    >>> when_or_text(2026.0), when_or_text(float("nan"))
    ('2026', None)
    """
    if missing(value):
        return None
    if isinstance(value, When):
        return value
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if day else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
