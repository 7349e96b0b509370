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


def test_import_loads_no_engine() -> None:
    # The columnar and Spark adapters import pyarrow, duckdb and pyspark only when used.
    import subprocess
    import sys

    code = (
        "import sys, timeline, timeline.columnar, timeline.spark\n"
        "print(sorted(m for m in ('pyarrow', 'duckdb', 'pyspark', 'polars') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
