"""The distribution version; the single place it is written."""

from __future__ import annotations

import functools

__version__ = "0.1.0.dev0"


@functools.cache
def installed_version() -> str:
    """The installed distribution's version, else this source tree's.

    Read from the package metadata on first use: importlib.metadata alone would
    add about 40 ms to ``import timeline``.

    >>> installed_version() == __version__
    True
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("timeline-events")
    except PackageNotFoundError:  # a source tree that is not installed
        return __version__
