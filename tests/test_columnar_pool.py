"""The memory pool a Parquet load allocates from (`timeline.columnar._pool`)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")

from timeline import Event, Timeline  # noqa: E402
from timeline.columnar import _parquet, _pool  # noqa: E402

ROOT = Path(__file__).parent.parent


def _saved(tmp_path: Path) -> Path:
    path = tmp_path / "events.parquet"
    Timeline([Event(title="x", when="2026-04"), Event(title="y", when="2027")]).save(path)
    return path


def _watch_scan(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The default pool's backend each time `read_parquet` scans its files."""
    seen: list[str] = []
    scan = _parquet._scan

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(pa.default_memory_pool().backend_name)
        return scan(*args, **kwargs)

    monkeypatch.setattr(_parquet, "_scan", watched)
    return seen


@pytest.mark.skipif(
    pa.default_memory_pool().backend_name != "mimalloc", reason="the default here is not mimalloc"
)
def test_a_load_allocates_outside_mimalloc_and_puts_the_default_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    path = _saved(tmp_path)
    seen = _watch_scan(monkeypatch)
    assert [e.id for e in Timeline.load(path)] == ["x", "y"]
    assert seen and seen[0] in {"jemalloc", "system"}
    assert pa.default_memory_pool().backend_name == "mimalloc"


def test_a_pool_chosen_on_purpose_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _saved(tmp_path)
    seen = _watch_scan(monkeypatch)
    before = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        Timeline.load(path)
        assert seen == ["system"]
    finally:
        pa.set_memory_pool(before)


def test_the_environment_choice_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "mimalloc")
    path = _saved(tmp_path)
    seen = _watch_scan(monkeypatch)
    Timeline.load(path)
    assert seen == [pa.default_memory_pool().backend_name]


def test_a_failed_load_puts_the_default_back(tmp_path: Path) -> None:
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 not really")
    before = pa.default_memory_pool().backend_name
    with pytest.raises(Exception, match="not a Parquet file"):
        Timeline.load(bad)
    assert pa.default_memory_pool().backend_name == before


def test_loads_in_threads_put_the_default_back(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    before = pa.default_memory_pool().backend_name
    errors: list[BaseException] = []

    def load() -> None:
        try:
            for _ in range(20):
                assert len(Timeline.load(path)) == 2
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=load) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert pa.default_memory_pool().backend_name == before
    assert _pool._loads == 0


def test_a_fresh_process_loads_and_keeps_its_default(tmp_path: Path) -> None:
    """In a process of its own (nothing set by other tests), the default comes back."""
    path = _saved(tmp_path)
    code = (
        "import pyarrow as pa; from timeline import Timeline; "
        "b = pa.default_memory_pool().backend_name; "
        f"n = len(Timeline.load({str(path)!r})); "
        "print(n, b == pa.default_memory_pool().backend_name)"
    )
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.split() == ["2", "True"]
