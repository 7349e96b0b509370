"""The documentation site: it builds strictly, and the tutorial reads in a real browser.

(The code blocks on every page run as tests of their own: docs/conftest.py and
pytest-markdown-docs, collected from docs/.)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest
import yaml
from matplotlib import image

from test_page import run_chromium

ROOT = Path(__file__).resolve().parents[1]


def _nav_pages(node: object) -> list[str]:
    """Every page file the mkdocs.yml nav names."""
    if isinstance(node, str):
        return [node] if node.endswith(".md") else []
    if isinstance(node, dict):
        return [page for value in node.values() for page in _nav_pages(value)]
    if isinstance(node, list):
        return [page for item in node for page in _nav_pages(item)]
    return []


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` tags; the nav is all this test reads."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built as `make docs` builds it: strict, so any warning fails the build."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stderr[-4000:]}"
    return out


def test_strict_build_makes_every_page_in_the_nav(site: Path) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    pages = _nav_pages(config["nav"])
    assert len(pages) >= 20
    for page in pages:
        built = site / ("index.html" if page == "index.md" else page[: -len(".md")] + "/index.html")
        assert built.is_file(), f"{page} is in the nav but was not built"
    # generated at build time: the CLI reference from the parser, the gallery's pictures
    cli = (site / "reference/cli/index.html").read_text("utf-8")
    assert "timeline export" in cli and "--as-of" in cli
    assert (site / "assets/gallery/ai-race-plot.png").stat().st_size > 10_000
    # the API reference shows the docstrings' examples
    api = (site / "reference/api/index.html").read_text("utf-8")
    assert "When.parse" in api and "definitely_before" in api
    # ... the constructors bound as class attributes too (When.month = classmethod(...)):
    # read statically they had no docstring and were left out of the reference
    for name in ("day", "month", "quarter", "year", "interval", "undated"):
        assert f'id="timeline.dates.When.{name}"' in api, name
    # the data-file page ends with the schema from timeline.file_schema()
    data = (site / "reference/data-files/index.html").read_text("utf-8")
    assert "The fields, from the schema" in data and "draft/2020-12/schema" in data
    assert (site / "reference/timeline.schema.json").is_file()
    # ... and the Arrow schema, generated from timeline.columnar.COLUMNS
    assert "The Arrow and Parquet schema" in data and "could_start" in data


def test_the_tutorial_reads_in_a_headless_browser(site: Path, tmp_path: Path) -> None:
    page = site / "tutorial" / "index.html"
    dom = run_chromium(tmp_path, "--dump-dom", page.as_uri())
    assert "Tutorial: a tracker from one article" in dom
    # every fence is a highlighted block, `python continuation` ones included
    fences = (ROOT / "docs/tutorial.md").read_text("utf-8").count("\n```") // 2
    assert len(re.findall(r'<div class="[^"]*highlight[^"]*">', dom)) == fences
    assert "```python" not in dom

    shot = tmp_path / "tutorial.png"
    run_chromium(
        tmp_path,
        f"--screenshot={shot}",
        "--window-size=1280,1600",
        "--hide-scrollbars",
        page.as_uri(),
    )
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 30_000
    pixels = image.imread(str(shot))[..., :3]
    assert pixels.shape[:2] == (1600, 1280)
    # Not blank, and styled: dark text on a light page, with the theme's coloured header bar.
    light = (pixels.mean(axis=2) > 0.9).mean()
    dark = (pixels.mean(axis=2) < 0.35).mean()
    assert light > 0.5, f"the page is not mostly light ({light:.0%}): styles missing?"
    assert dark > 0.01, f"hardly any dark pixels ({dark:.2%}): no text?"
    header = pixels[:40, :, :]
    assert header.std(axis=2).mean() > 0.05, "no coloured header: the theme's CSS did not load"


def test_the_readme_example_runs_and_its_links_resolve(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", readme, re.S | re.M)
    assert blocks, "the README shows a short example"
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    assert (tmp_path / "ai-race.ics").read_text("utf-8").startswith("BEGIN:VCALENDAR")
    # every relative link points at a file, and every #anchor at a heading of that page
    for target in re.findall(r"\]\(([^)#:]+\.md)(#[^)]*)?\)", readme):
        path, anchor = target
        page = ROOT / path
        assert page.is_file(), path
        if anchor:
            slugs = {
                re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
                for line in page.read_text("utf-8").splitlines()
                if line.startswith("#")
            }
            assert anchor[1:] in slugs, f"{path}{anchor}"
