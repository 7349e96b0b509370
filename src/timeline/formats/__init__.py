"""Data files: YAML, JSON and CSV readers and writers over one record schema.

`load` and `save` choose the format by suffix; every problem in a file is
reported at once with its line (`DataFileError`); `file_schema` is the JSON
Schema of the format. An adapter: imports records, the model and below, never
`ics` or `display`.

>>> from timeline.formats import FORMATS
>>> FORMATS[".yaml"]
'yaml'
"""

from __future__ import annotations

from timeline.formats._io import FORMATS, dumps, file_schema, load, loads, save

__all__ = ["FORMATS", "dumps", "file_schema", "load", "loads", "save"]
