"""`timeline extract`: an article in, a draft data file out that `timeline check` accepts."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from timeline.cli._main import main
from timeline.formats._io import load

ARTICLE = """\
AI Launches This Spring

Tencent's Hybrid Model 3.0 is slated for an April release. DeepSeek V4 is also expected in \
April. Meta has doubled its Texas data-center investment from $5 billion to $10 billion. \
Guangzhou aims for 10,000 AI-plus enterprises by 2030.
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_then_check_unchanged(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draft.yaml"
    code = main(["extract", str(article), "--published", "2026-03-28", "-o", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert "4 statements drafted" in printed
    assert f"Wrote {out}" in printed and "timeline check" in printed
    assert main(["check", str(out)]) == 0
    assert f"{out}: 4 events, 0 problems" in capsys.readouterr().out
    tl = load(out)
    whens = sorted(str(e.when) for e in tl)
    assert whens == sorted(["April 2026", "April 2026", "28 March 2026", "by end of 2030"])
    # the source is the article's first line, cited with each statement's own quote
    sources = {e.sources[0].title for e in tl}
    assert sources == {"AI Launches This Spring"}
    assert {e.sources[0].quote for e in tl} >= {"DeepSeek V4 is also expected in April."}


def test_round_trip_edit_check_export(article: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "--published", "2026-03-28", "-o", str(draft)]) == 0
    # a person edits the draft: keeps two events, renames one
    text = draft.read_text("utf-8").replace(
        "title: DeepSeek V4 is also expected in April", "title: DeepSeek V4 release"
    )
    draft.write_text(text, encoding="utf-8")
    assert main(["check", str(draft)]) == 0
    feed = tmp_path / "feed.ics"
    assert main(["export", str(draft), "-o", str(feed)]) == 0
    assert "SUMMARY:DeepSeek V4 release" in feed.read_text("utf-8")


def test_options(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d.yaml"
    code = main(
        [
            "extract",
            str(article),
            "--published",
            "2026-03~",
            "--source-title",
            "AI race",
            "--url",
            "https://example.com/a",
            "--actors",
            "Tencent=Tengxun|Hunyuan,Guangzhou",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    tl = load(out)
    source = next(iter(tl)).sources[0]
    assert (source.title, source.url, str(source.published)) == (
        "AI race",
        "https://example.com/a",
        "c. March 2026",
    )
    assert main(["check", str(out)]) == 0
    capsys.readouterr()


def test_json(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article), "--published", "2026-03-28", "--json"]) == 0
    captured = capsys.readouterr()
    drafts = json.loads(captured.out)
    assert [d["status"] for d in drafts] == ["expected", "expected", "happened", "expected"]
    first = drafts[0]
    assert (first["when"], first["earliest"], first["latest"]) == (
        "April 2026",
        "2026-04-01",
        "2026-04-30",
    )
    assert ARTICLE[first["start"] : first["end"]] == first["quote"]
    assert 0 <= first["confidence"] <= 1 and first["reasons"]
    assert "4 statements drafted" in captured.err  # the summary goes to stderr


def test_stdout_without_output(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article), "--published", "2026-03-28"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# Draft timeline written by timeline.extract")
    assert "statements drafted" in captured.err


def test_existing_output_is_kept_unless_force(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draft.yaml"
    out.write_text("edited by hand\n", encoding="utf-8")
    assert main(["extract", str(article), "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_text("utf-8") == "edited by hand\n"
    assert main(["extract", str(article), "-o", str(out), "--force"]) == 0
    assert main(["check", str(out)]) == 0


@pytest.mark.parametrize("name", ["draft.txt", "draft.json", "draft.csv", "draft"])
def test_output_must_be_a_yaml_file(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """The draft is YAML and the summary says `timeline check OUT` next: an OUT that check
    refuses (draft.txt) or reads as another format (draft.json holding YAML) was written,
    exit 0; now refused before anything is written, with the name to use."""
    out = tmp_path / name
    assert main(["extract", str(article), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"output {str(out)!r}" in err
    assert "the draft is YAML: name it e.g. draft.yaml" in err
    assert not out.exists()


@pytest.mark.parametrize("name", ["draft.yaml", "draft.YML"])
def test_a_yaml_output_checks(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out = tmp_path / name
    assert main(["extract", str(article), "--published", "2026-03-28", "-o", str(out)]) == 0
    assert main(["check", str(out)]) == 0


def test_without_published_undated_are_events(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draft.yaml"
    assert main(["extract", str(article), "-o", str(out)]) == 0
    text = out.read_text("utf-8")
    # "April" needs a reference date; Meta's doubling has no date of its own
    assert text.count("when: date not announced") == 3
    assert main(["check", str(out)]) == 0
    assert "4 events, 0 problems" in capsys.readouterr().out
    tl = load(out)
    assert [str(e.when) for e in tl][-3:] == ["date not announced"] * 3


RESULTS = """Quarterly results

Microsoft reported Q3 FY2025 revenue of $70.1 billion. Apple expects services revenue \
of $100 billion in fiscal 2026. Contoso guides for FY2026 growth.
"""


def test_fiscal_years(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "results.txt"
    path.write_text(RESULTS, encoding="utf-8")
    out = tmp_path / "draft.yaml"
    argv = ["extract", str(path), "--published", "2025-04-30", "-o", str(out)]
    assert main([*argv, "--fiscal-years", "Microsoft=7, Apple=October"]) == 0
    tl = load(out)
    whens = {e.actors[0]: str(e.when) for e in tl}
    assert whens == {
        # FY2025 starts July 2024: its third quarter is Jan-Mar 2025, shown as said
        "Microsoft": "Q3 FY2025 (January–March 2025)",
        "Apple": "FY2026 (October 2025–September 2026)",
        "Contoso": "date not announced",  # no fiscal year given: not read as calendar 2026
    }
    assert dict(tl.fiscal_years) == {"Microsoft": 7, "Apple": 10}
    assert main(["check", str(out)]) == 0
    # the summary's columns stay aligned when a fiscal date is longer than the usual width
    out_lines = capsys.readouterr().out.splitlines()
    lines = [line for line in out_lines if re.match(r" [ ?]\d\.\d\d  ", line)]
    statuses = {
        line.index(word) for line in lines for word in (" happened ", " expected ") if word in line
    }
    assert len(lines) == 3 and len(statuses) == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [("Microsoft", "not ACTOR=MONTH"), ("Microsoft=Julember", "not a month"), ("=7", "ACTOR")],
)
def test_fiscal_years_errors(
    article: Path, value: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(article), "--fiscal-years", value]) == 2
    err = capsys.readouterr().err
    assert "--fiscal-years" in err and message in err


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--published", "Aprill 2026"], 2, "--published"),
        (["-o", "/no/such/folder/d.yaml"], 1, "does not exist"),
    ],
)
def test_usage_errors(
    article: Path, argv: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(article), *argv]) == code
    assert message in capsys.readouterr().err


def test_missing_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_article_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 launched in 2026.".encode("latin-1"))
    assert main(["extract", str(path)]) == 1
    assert "not UTF-8 text" in capsys.readouterr().err


def test_missing_article_names_the_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert err == f"timeline: error: article {str(tmp_path / 'nope.txt')!r} does not exist; " + (
        "check the path, or give - to read the article from stdin\n"
    )


def test_article_from_stdin(
    article: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `curl ... | timeline extract - --published ...`: the same draft as from the file
    assert main(["extract", str(article), "--published", "2026-03-28", "--json"]) == 0
    from_file = capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(article.read_text("utf-8")))
    assert main(["extract", "-", "--published", "2026-03-28", "--json"]) == 0
    from_stdin = capsys.readouterr()
    assert json.loads(from_stdin.out) == json.loads(from_file.out) != []
    assert from_stdin.err.startswith("-: ")  # the summary names where it read


def test_json_says_who_said_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("NASA said SpaceX will launch in May.\n", encoding="utf-8")
    assert main(["extract", str(article), "--published", "2026-03-28", "--json"]) == 0
    (draft,) = json.loads(capsys.readouterr().out)
    assert (draft["actors"], draft["said_by"]) == (["SpaceX"], "NASA")


@pytest.mark.parametrize("actors", ["=Jieyue", "Tencent,=Step|Jieyue", " = Step"])
def test_an_alias_without_its_name_is_refused(
    article: Path, capsys: pytest.CaptureFixture[str], actors: str
) -> None:
    """`--actors "=Jieyue"` was dropped in silence (the aliases were never matched); now a
    usage mistake that quotes the item and shows the form."""
    assert main(["extract", str(article), "--actors", actors]) == 2
    err = capsys.readouterr().err
    item = next(i.strip() for i in actors.split(",") if i.strip().startswith("="))
    assert f"--actors: {item!r} has no name before '='; write NAME=ALIAS|ALIAS" in err
