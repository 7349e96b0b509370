"""Records: the plain-data form of events that every adapter shares, and atomic writes.

An event as a dict of text, lists and dicts (`event_to_record`), a timeline
from such dicts with every problem reported at once (`records_to_timeline`),
and `write_atomic` so no file is ever half-written. Data files (`formats`),
feeds (`ics`) and the command build on it. Imports only the model and below.

>>> from timeline import Event
>>> from timeline.records import event_to_record
>>> event_to_record(Event(title="x", when="2026-04"))["when"]
'April 2026'
"""

from __future__ import annotations

from timeline.records._atomic import write_atomic
from timeline.records._schema import event_to_record, timeline_to_document
from timeline.records._schema_read import document_to_timeline, records_to_timeline

__all__ = [
    "document_to_timeline",
    "event_to_record",
    "records_to_timeline",
    "timeline_to_document",
    "write_atomic",
]
