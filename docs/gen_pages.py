"""Pages made while the site builds (mkdocs-gen-files): the CLI reference and the gallery.

The command-line reference is generated from the parser itself, and the gallery's
pictures are rendered from the bundled dataset, so neither can fall out of date.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import mkdocs_gen_files

from timeline import datasets
from timeline.cli._main import _parser


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def cli_reference() -> str:
    os.environ["COLUMNS"] = "100"  # argparse wraps help to the terminal width
    parser = _parser()
    lines = [
        "# Command line",
        "",
        "Generated from the `timeline` command's own parser when the site is built.",
        "Exit codes: 0 success, 1 bad or unreadable data (every problem listed on stderr),",
        "2 a usage mistake.",
        "",
        "```text",
        parser.format_help().rstrip(),
        "```",
    ]
    for name, sub in _subcommands(parser).items():
        lines += ["", f"## `timeline {name}`", "", "```text", sub.format_help().rstrip(), "```"]
    return "\n".join(lines) + "\n"


GALLERY = """# Gallery

Rendered from the bundled dataset (`timeline.datasets.ai_race_2026()`, 31 dated and expected
statements from one article on the 2026 AI race) each time the site is built.

## The timeline picture

`tl.save_plot("ai-race.png", as_of="2026-03-28")`: one lane per actor; spans as bars, days as
dots, deadlines as a bar that ends in a cap, the as-of day as a line.

![The AI-race timeline as of 28 March 2026](assets/gallery/ai-race-plot.png)

## The page to share

`tl.to_html("ai-race.html", as_of="2026-03-28")`: one self-contained file (the picture inline as
SVG, the table, the sources), no scripts, no network.
[Open the page](assets/gallery/ai-race-page.html).

<iframe src="../assets/gallery/ai-race-page.html" style="width:100%;height:38em;border:1px solid #ccc"
title="The AI-race page"></iframe>
"""


def gallery() -> str:
    import matplotlib

    matplotlib.use("Agg")
    tl = datasets.ai_race_2026()
    with tempfile.TemporaryDirectory() as folder:
        png = tl.save_plot(Path(folder) / "plot.png", as_of="2026-03-28", dpi=110)
        with mkdocs_gen_files.open("assets/gallery/ai-race-plot.png", "wb") as out:
            out.write(png.read_bytes())
        page = tl.to_html(Path(folder) / "page.html", as_of="2026-03-28")
        with mkdocs_gen_files.open("assets/gallery/ai-race-page.html", "w") as out:
            out.write(page.read_text("utf-8"))
    return GALLERY


with mkdocs_gen_files.open("reference/cli.md", "w") as f:
    f.write(cli_reference())
with mkdocs_gen_files.open("gallery.md", "w") as f:
    f.write(gallery())
