"""Bulk building: the cyclic garbage collector paused while many objects are made.

Reading a large file makes millions of objects (parsed values, events, dates) that form
no reference cycles. CPython's collector runs a pass every few hundred allocations and
a full pass over everything alive whenever enough new objects survive, so a load into a
process that already holds a large timeline pays for walking it again and again (a
quarter of a 10^6-event JSON load). Nothing a reader makes needs the collector: it is
paused for the build and resumed after, as it was.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block; leave it as it was after.

    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
