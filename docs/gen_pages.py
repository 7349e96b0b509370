"""Pages made while the site builds (mkdocs-gen-files): the CLI reference, the gallery, schemas.

The command-line reference is generated from the parser itself, the gallery's
pictures are rendered from the bundled dataset, and the data-file page ends with the
JSON Schema from `timeline.file_schema()` (and the Arrow schema from
`timeline.columnar`, once that package exists), so none can fall out of date.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import mkdocs_gen_files

from timeline import datasets, file_schema
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

## The milestone trend chart

`tl.save_plot("trend.png", kind="trend", as_of="2026-07-01")` on the timeline of
`examples/track_record.py` (invented announcers, an illustration): x is the day a date was
stated, y the date expected then; a line that climbs is a slip, a flat one a kept promise, and a
line ends on the diagonal where the event happened.

![Milestone trend chart of the track-record example](assets/gallery/trend.png)

## The page to share

`tl.to_html("ai-race.html", as_of="2026-03-28")`: one self-contained file (the picture inline as
SVG, the table, the sources), no scripts, no network.
[Open the page](assets/gallery/ai-race-page.html).

<iframe src="../assets/gallery/ai-race-page.html"
 style="width:100%;height:38em;border:1px solid #ccc" title="The AI-race page"></iframe>
"""


def _example_timeline(name: str) -> Any:
    """The timeline an example script builds (its ``build()``), loaded from examples/."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "examples" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"example_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build()


def gallery() -> str:
    import matplotlib

    matplotlib.use("Agg")
    tl = datasets.ai_race_2026()
    with tempfile.TemporaryDirectory() as folder:
        png = tl.save_plot(Path(folder) / "plot.png", as_of="2026-03-28", dpi=110)
        with mkdocs_gen_files.open("assets/gallery/ai-race-plot.png", "wb") as out:
            out.write(png.read_bytes())
        trend = _example_timeline("track_record").save_plot(
            Path(folder) / "trend.png", kind="trend", as_of="2026-07-01", dpi=110
        )
        with mkdocs_gen_files.open("assets/gallery/trend.png", "wb") as out:
            out.write(trend.read_bytes())
        page = tl.to_html(Path(folder) / "page.html", as_of="2026-03-28")
        with mkdocs_gen_files.open("assets/gallery/ai-race-page.html", "w") as out:
            out.write(page.read_text("utf-8"))
    return GALLERY


def _type_of(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    """A short type for a schema property: `when`, `list of source`, `text` ..."""
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        return "list of text" if name == "textList" else name
    if spec.get("type") == "array":
        return "list of " + _type_of(spec.get("items", {}), defs)
    kind = spec.get("type", "")
    return " or ".join(kind) if isinstance(kind, list) else str(kind)


def _describe(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    text = spec.get("description")
    if text is None and "$ref" in spec:
        target = defs.get(spec["$ref"].rsplit("/", 1)[-1], {})
        text = target.get("description")
        if text is None and "enum" in target:
            text = " | ".join(f"`{v}`" for v in target["enum"])
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def _field_table(title: str, obj: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    required = set(obj.get("required", ()))
    lines = [f"### {title}", "", "| field | type | required | meaning |", "|---|---|---|---|"]
    for name, spec in obj.get("properties", {}).items():
        need = "yes" if name in required else ""
        lines.append(f"| `{name}` | {_type_of(spec, defs)} | {need} | {_describe(spec, defs)} |")
    return [*lines, ""]


def schema_section() -> str:
    """The generated end of reference/data-files.md: field tables and the JSON Schema."""
    schema = file_schema()
    defs = schema["$defs"]
    with mkdocs_gen_files.open("reference/timeline.schema.json", "w") as out:
        out.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    lines = [
        "",
        "## The fields, from the schema",
        "",
        "Generated from `timeline.file_schema()` when the site is built.",
        "",
        *_field_table("The file", schema, defs),
    ]
    for name in ("event", "source", "claim", "target", "observation"):
        if name in defs:
            lines += _field_table(f"`{name}`", defs[name], defs)
    lines += [
        "## The JSON Schema",
        "",
        "[Download `timeline.schema.json`](timeline.schema.json) (also `timeline schema`).",
        "",
        "```json",
        json.dumps(schema, indent=2, ensure_ascii=False),
        "```",
        "",
    ]
    return "\n".join(lines)


def arrow_section() -> str:
    """The Arrow/Parquet schema, when `timeline.columnar` is installed; else nothing."""
    if importlib.util.find_spec("timeline.columnar") is None:
        return ""
    import timeline.columnar as columnar

    lines = [
        "",
        "## The Arrow and Parquet schema",
        "",
        "`Timeline.to_arrow()` and `.parquet` files use `timeline.columnar.SCHEMA`, one row per",
        "event (generated from `timeline.columnar.COLUMNS` when the site is built):",
        "",
        "| column | type | nullable | meaning |",
        "|---|---|---|---|",
    ]
    for name, kind, nullable, meaning in columnar.COLUMNS:
        null, meaning_cell = ("yes" if nullable else ""), meaning.replace("|", "\\|")
        lines.append(f"| `{name}` | `{kind}` | {null} | {meaning_cell} |")
    lines += ["", "```text", str(columnar.SCHEMA).split("-- schema metadata --")[0].rstrip()]
    return "\n".join([*lines, "```", ""])


def main() -> None:
    with mkdocs_gen_files.open("reference/data-files.md", "a") as f:
        f.write(schema_section() + arrow_section())
    with mkdocs_gen_files.open("reference/cli.md", "w") as f:
        f.write(cli_reference())
    with mkdocs_gen_files.open("gallery.md", "w") as f:
        f.write(gallery())


# mkdocs-gen-files runs this file with runpy.run_path during a build. Imported any other way
# (a test collector, an editor), mkdocs_gen_files.open would write into docs/ itself: do nothing.
if __name__ == "<run_path>":
    main()
