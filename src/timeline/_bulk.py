"""Bulk building: the cyclic garbage collector paused while many objects are made.

Reading a large file makes millions of objects (parsed values, events, dates) that form
no reference cycles. CPython's collector runs a pass every few hundred allocations and
a full pass over everything alive whenever enough new objects survive, so a load into a
process that already holds a large timeline pays for walking it again and again (a
quarter of a 10^6-event JSON load). Nothing a reader makes needs the collector: it is
paused for the build and resumed after, as it was.

Resumed, the collector would start with a pass over everything made while it was paused,
as the youngest generation: a million events' worth of objects, walked once more to learn
that none is garbage (0.2-0.3 s at 10^6 events). So what was made is moved to the oldest
generation instead (``gc.freeze()`` then ``gc.unfreeze()``, which only relink lists), where
full collections see it as they see every long-lived object. Only when the caller has frozen
nothing: their frozen objects stay frozen.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block; leave it as it was after, with what
    the block made in the oldest generation (see the module).

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
            if gc.get_freeze_count() == 0:
                gc.freeze()  # everything tracked, to the permanent generation ...
                gc.unfreeze()  # ... and back, to the oldest: no young pass over the build
            gc.enable()
