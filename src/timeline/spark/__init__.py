"""Spark jobs with timeline: when one machine is not enough.

The parser runs where the data lives: `parse_dates` adds to a DataFrame the
struct `timeline.columnar.parse_dates` gives (canonical text, precision, day
bounds, fuzzy *could* bounds, UTC instants, the runs of days of a set or of
unspecified digits, and the error for text that is not a date), one Arrow
batch at a time (``mapInArrow``), so no row is converted through pandas or
pickled one by one. `to_spark` and `from_spark` move whole
timelines in and out, through `timeline.columnar`'s Arrow table.

pyspark (3.5 or later; Spark needs a Java runtime) is imported only when used:
``pip install 'timeline-events[spark]'``.

>>> from timeline.spark import parse_dates, to_spark, from_spark  # doctest: +SKIP
"""

from __future__ import annotations

from timeline.spark._jobs import from_spark, parse_dates, parsed_spark_type, to_spark

__all__ = ["from_spark", "parse_dates", "parsed_spark_type", "to_spark"]
