"""examples/edit_and_check.py runs: load, filter, save in two formats, report a bad file."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from timeline import Timeline

EXAMPLE = Path(__file__).parent.parent / "examples" / "edit_and_check.py"


def _run(folder: Path) -> Path:
    spec = importlib.util.spec_from_file_location("edit_and_check", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result: Path = module.main(folder)
    return result


def test_saves_the_filtered_tracker_and_reports_the_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(tmp_path) == tmp_path
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "bad.yaml",
        "releases.csv",
        "releases.yaml",
    ]
    # The two formats hold the same three releases.
    yaml_tl, csv_tl = (
        Timeline.load(tmp_path / "releases.yaml"),
        Timeline.load(tmp_path / "releases.csv"),
    )
    assert yaml_tl.events == csv_tl.events
    assert [e.id for e in yaml_tl] == [
        "qwen-next-generation-release",
        "deepseek-v4-release",
        "tencent-hybrid-model-3-release",
    ]
    out = capsys.readouterr().out
    # the filter left behind an event a release is related to: said, not silent
    assert "note: left 1 related id(s) out of the file" in out
    assert "'tencent-hybrid-model-3-internal-testing'" in out
    bad = tmp_path / "bad.yaml"
    assert f"3 problems in {bad}:" in out
    assert f"{bad}:3: when: 'Aprill 2026' is not a date" in out
    assert "did you mean 'April 2026'?" in out
    assert f"{bad}:4: status: 'expectd' is not a status; did you mean 'expected'?" in out
    assert f"{bad}:5: title: 'deepseek-v4-release' is already the id of the event on line 2" in out
