"""The memory pool a Parquet load allocates from.

pyarrow's default pool on Linux is mimalloc. Reading a million rows builds
large short-lived buffers (the id check's hash table doubles a dozen times),
and mimalloc hands such blocks back to the system as they are freed, so the
next one is faulted in again page by page: on a 2-core machine the id check
alone took 0.44-0.47 s with mimalloc against 0.19-0.20 s with jemalloc or the
system allocator, and the whole load spent 0.2-1.4 s of system time (varying
run to run) against 0.3 s. `load_pool` makes jemalloc (or, where pyarrow has
none, the system allocator) the default while a load runs, and puts the
previous default back after.

A default chosen on purpose is kept: one set through ``ARROW_DEFAULT_MEMORY_POOL``,
or any pool that is not mimalloc. Buffers remember the pool they came from, so
the tables a load returns are freed to the right one whatever the default is then.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from typing import Any

from timeline.columnar._deps import require

__all__ = ["load_pool"]

_lock = threading.Lock()
_loads = 0  # loads running now (in any thread)
_saved: Any = None  # the default pool they replaced, put back when the last ends


def _steadier(pa: Any, current: Any) -> Any:
    """The pool to load with instead of ``current``, or ``None`` to keep ``current``."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL") or current.backend_name != "mimalloc":
        return None
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc
        return pa.system_memory_pool()


@contextlib.contextmanager
def load_pool() -> Iterator[None]:
    """Within this block pyarrow allocates from jemalloc (or the system allocator)
    rather than mimalloc, unless a default was chosen on purpose (see the module).

    Safe across threads: the first load to start swaps the default, the last to
    end puts it back.

    >>> import pyarrow as pa
    >>> before = pa.default_memory_pool().backend_name
    >>> with load_pool():
    ...     pa.default_memory_pool().backend_name != "mimalloc"
    True
    >>> pa.default_memory_pool().backend_name == before
    True
    """
    global _loads, _saved
    pa = require("pyarrow")
    with _lock:
        if _loads == 0:
            current = pa.default_memory_pool()
            chosen = _steadier(pa, current)
            if chosen is not None:
                _saved = current
                pa.set_memory_pool(chosen)
        _loads += 1
    try:
        yield
    finally:
        with _lock:
            _loads -= 1
            if _loads == 0 and _saved is not None:
                pa.set_memory_pool(_saved)
                _saved = None
