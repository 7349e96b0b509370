"""Names every docstring example may use without importing them first."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, Any]) -> None:
    import pendulum

    import timeline

    for name in ("Event", "Source", "Timeline", "When"):
        doctest_namespace.setdefault(name, getattr(timeline, name))
    doctest_namespace.setdefault("pendulum", pendulum)
