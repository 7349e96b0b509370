"""The optional packages the columnar form needs, with the fix when one is missing."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]

_EXTRA = {"pyarrow": "arrow", "duckdb": "duckdb", "pyspark": "spark"}


def require(module: str) -> ModuleType:
    """Import ``module``, or raise `ModuleNotFoundError` naming the extra that installs it.

    >>> require("pyarrow").__name__
    'pyarrow'
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as err:
        package = module.split(".")[0]
        extra = _EXTRA.get(package, package)
        raise ModuleNotFoundError(
            f"{package} is needed for this (it is optional): "
            f"pip install 'timeline-events[{extra}]'",
            name=package,
        ) from err
