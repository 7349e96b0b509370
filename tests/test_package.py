"""The package's public surface."""

from __future__ import annotations

import timeline


def test_all_is_sorted_and_exported() -> None:
    assert list(timeline.__all__) == sorted(timeline.__all__)
    for name in timeline.__all__:
        assert hasattr(timeline, name), name


def test_version_is_a_string() -> None:
    assert isinstance(timeline.__version__, str)
    assert timeline.__version__
