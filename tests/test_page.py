"""The shared page: self-contained HTML, checked as text and in headless Chromium."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest
from matplotlib import image

from timeline import Event, PlotError, Source, Target, Timeline, TimelineWarning, When, datasets
from timeline.model._text import visible

EVIL = '<img src=x onerror="document.title=1">'


def sample() -> Timeline:
    said = Source("Article", url="https://example.org/a", published=When.day(2026, 3, 20))
    return Timeline(
        [
            Event(
                title="Hybrid Model 3.0",
                when=When.month(2026, 4),
                actors=["Tencent"],
                sources=[said],
            ),
            Event(title="WeChat agent", when=When.quarter(2026, 2), actors=["Tencent", "WeChat"]),
            Event(
                title="Yuanbao app update",
                when=When.day(2026, 3, 2),
                actors=["Tencent"],
                status="happened",
            ),
            Event(title="DeepSeek V4", when=When.month(2026, 4), actors=["DeepSeek"]).revise(
                when=When.month(2026, 5), stated=When.day(2026, 4, 20)
            ),
            Event(title="10,000 AI-plus firms", when=When.year(2030).by(), actors=["Guangzhou"]),
            Event(
                title="Boao Forum", when=When.day(2026, 3, 24), actors=["Boao"], status="happened"
            ),
            Event(title=EVIL, when=When.day(2026, 5, 3), actors=["Meta"], status="cancelled"),
        ],
        name="AI race <sample>",
    )


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("page") / "timeline.html"
    assert sample().to_html(out) == out
    return out


class TestPageText:
    def test_self_contained(self, page: Path) -> None:
        text = page.read_text()
        # nothing is loaded: no external scripts, styles, images or fonts
        assert not re.search(r"<(?:link|img|iframe)\b", text)
        assert not re.search(r"<[^>]*\ssrc=|@import|url\((?!#)", text)  # url(#id) is in-page
        assert "default-src 'none'" in text  # and the browser is told so
        assert text.count("<script") == 1

    def test_picture_table_and_filters(self, page: Path) -> None:
        text = page.read_text()
        tl = sample()
        assert "<svg" in text and 'id="tl-table"' in text
        assert len(re.findall(r"<tr class=\"tl-[a-z]+\" data-event=", text)) == len(tl)
        # every event has pieces in the picture, matched by id
        for event in tl:
            assert re.search(rf'id="tl-[a-z]+-L\d+-{re.escape(event.id)}"', text), event.id
        # one option per actor, and a checkbox per status
        assert len(re.findall(r'<option value="[^"]+">', text)) == 6
        assert len(re.findall(r'name="status"', text)) == 4

    def test_escaped(self, page: Path) -> None:
        text = page.read_text()
        assert "<img" not in text
        assert "&lt;img src=x" in text
        assert "<title>AI race &lt;sample&gt;</title>" in text

    def test_atomic_and_deterministic(self, tmp_path: Path) -> None:
        out = tmp_path / "p.html"
        first = sample().to_html(out).read_bytes()
        assert sample().to_html(out).read_bytes() == first
        assert [p.name for p in tmp_path.iterdir()] == ["p.html"]


class _Unisolated(HTMLParser):
    """Text from the data that holds right-to-left letters or bidi controls outside a <bdi>."""

    _SKIP = frozenset({"svg", "title", "option", "script", "style"})  # own lines, or not text

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "bdi" in self.stack or self._SKIP.intersection(self.stack):
            return
        if any(unicodedata.bidirectional(c) in _BIDI for c in data):
            self.found.append(data)


_VOID = frozenset({"meta", "input", "br", "hr", "img", "link", "col", "wbr"})
_BIDI = frozenset({"R", "AL", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})


@pytest.mark.parametrize(
    "text",
    [
        "مؤتمر الذكاء",  # Arabic
        "שלום עולם",  # Hebrew
        "\u202eevil\u202c",  # a right-to-left override, closed
        "open \u202e override",  # ... and one left open
    ],
)
def test_right_to_left_data_is_isolated(text: str, tmp_path: Path) -> None:
    # Each datum sits in its own <bdi>, so it cannot reorder the text around it
    # (the next actor in a list, the date in a note, the source after it).
    source = Source("Art", publisher=text, url="https://example.org/a", published="2026-03-01")
    events = [
        Event(
            title=text,
            when="April 2026",
            actors=[text, "Next"],
            kind=text,
            tags=[text],
            sources=[source, Source("Other")],
            target=Target(metric=text, goal="10 GW", deadline="by 2030"),
        ),
        Event(title=text + " undated", when="TBD", actors=["Next"]),
    ]
    out = tmp_path / "p.html"
    with pytest.warns(TimelineWarning):
        Timeline(events, name=text).to_html(out, as_of="2026-04-01")
    finder = _Unisolated()
    finder.feed(out.read_text())
    assert finder.found == []


def test_page_without_matplotlib(tmp_path: Path) -> None:
    # a plain install (no plot extra) still writes a page with the table and filters
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "from timeline import Event, Timeline, When\n"
        "tl = Timeline([Event(title='x', when=When.month(2026, 4))])\n"
        f"tl.to_html({str(tmp_path / 'p.html')!r})\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    text = (tmp_path / "p.html").read_text()
    assert "<svg" not in text
    assert "No picture" in text and "timeline[plot]" in text
    assert 'data-event="x"' in text and 'id="tl-filters"' in text


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing; .ci/run installs the Debian package 'chromium'")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


def run_chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def visible_rows(dom: str) -> list[str]:
    rows = re.findall(r"<tr [^>]*data-event=\"([^\"]+)\"[^>]*>", dom)
    hidden = re.findall(r"<tr [^>]*data-event=\"([^\"]+)\"[^>]*\bhidden\b[^>]*>", dom)
    return [r for r in rows if r not in hidden]


def dimmed(dom: str) -> set[str]:
    found = re.findall(r'<g id="tl-[a-z]+-L\d+-([^"]+)" style="opacity: 0.12;?"', dom)
    return set(found)


class TestInChromium:
    def test_screenshot_shows_the_page(self, page: Path, tmp_path: Path) -> None:
        shot = tmp_path / "page.png"
        run_chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1400", page.as_uri())
        pixels = image.imread(str(shot))
        assert pixels.shape[:2] == (1400, 1280)
        # not a blank page: many distinct colours (the coloured bars among them)
        assert pixels[..., :3].std() > 0.05
        blue = (abs(pixels[..., 0] - 0x00 / 255) < 0.08) & (abs(pixels[..., 2] - 0xB2 / 255) < 0.08)
        assert blue.sum() > 200  # expected-status blue from bars and badges

    def test_renders_every_event(self, page: Path, tmp_path: Path) -> None:
        dom = run_chromium(tmp_path, "--dump-dom", page.as_uri())
        tl = sample()
        assert visible_rows(dom) == [e.id for e in tl]
        assert f'data-shown="{len(tl)}"' in dom
        assert f"{len(tl)} of {len(tl)} events" in dom
        assert not dimmed(dom)
        # the hostile title stayed text: no image element was made, the title is intact
        assert "<img" not in dom
        assert "<title>AI race &lt;sample&gt;</title>" in dom

    def test_bundled_dataset_page(self, tmp_path: Path) -> None:
        tl = datasets.ai_race_2026()
        page = tl.to_html(tmp_path / "ai-race.html", as_of="2026-04-10")
        dom = run_chromium(tmp_path, "--dump-dom", f"{page.as_uri()}#actor=Tencent&status=expected")
        shown = tl.filter(actor="Tencent", status="expected")
        assert 0 < len(shown) < len(tl)
        assert visible_rows(dom) == [e.id for e in shown]
        assert f"{len(shown)} of {len(tl)} events" in dom

    @pytest.mark.parametrize(
        ("fragment", "actor", "statuses"),
        [
            # one actor: its events only, events with several actors included
            ("actor=Tencent", "Tencent", None),
            # one status
            ("status=happened", None, ["happened"]),
            # both, with several statuses
            ("actor=Tencent&status=expected,cancelled", "Tencent", ["expected", "cancelled"]),
            # an actor nobody has falls back to all actors
            ("actor=Nobody", None, None),
        ],
    )
    def test_filter_changes_what_is_shown(
        self,
        page: Path,
        tmp_path: Path,
        fragment: str,
        actor: str | None,
        statuses: list[str] | None,
    ) -> None:
        dom = run_chromium(tmp_path, "--dump-dom", f"{page.as_uri()}#{fragment}")
        tl = sample().filter(actor=actor, status=statuses)
        assert visible_rows(dom) == [e.id for e in tl]
        assert f'data-shown="{len(tl)}"' in dom
        # the picture dims what the filter hides
        hidden = {e.id for e in sample()} - {e.id for e in tl}
        assert dimmed(dom) == hidden


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x08", "\x7f", "\x85", "\x9b"])
def test_control_characters_are_shown_escaped(char: str, tmp_path: Path) -> None:
    # As in the terminal and the picture: visible as an escape, never a raw control
    # character (a parse error in HTML, shown as nothing or dropped by the browser).
    title = f"Launch{char}[31m now"
    event = Event(
        title=title,
        when="2026-03-01",
        actors=[f"Acme{char}"],
        description=f"d{char}",
        sources=[Source(f"s{char}", publisher=f"p{char}", quote=f"q{char}")],
        target=Target(metric=f"m{char}", goal="10 GW", deadline="by 2030"),
    )
    out = tmp_path / "p.html"
    tl = Timeline(
        [event, Event(title="b", when="2026-05")], name=f"n{char}", description=f"d{char}"
    )
    tl.to_html(out, as_of="2026-04-01")
    shown = visible(char)
    for text in (out.read_text(encoding="utf-8"), tl._repr_html_(), event._repr_html_()):
        assert not [c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r"]
        assert f"Launch{shown}[31m now" in text


def test_actor_filter_matches_an_actor_with_a_control_character(tmp_path: Path) -> None:
    # The filter compares an <option> value with the row's data-actors: both show
    # the escape, so choosing the actor still finds its rows.
    import html as html_lib
    import json

    out = tmp_path / "p.html"
    Timeline([Event(title="a", when="2026-03-01", actors=["x\x00y\x07", "plain"])]).to_html(
        out, as_of="2026-04-01"
    )
    text = out.read_text(encoding="utf-8")
    options = {html_lib.unescape(v) for v in re.findall(r'<option value="([^"]+)"', text)}
    row = re.search(r'<tr class="tl-expected" data-event="a"[^>]*data-actors="([^"]*)"', text)
    assert row is not None
    assert options == set(json.loads(html_lib.unescape(row.group(1)))) == {"x\\x00y\\x07", "plain"}


@pytest.mark.parametrize("title", ["see url(#x) now", 'id="y" quoted', 'a href="#z" link'])
def test_the_trend_charts_ids_leave_titles_alone(title: str, tmp_path: Path) -> None:
    # The trend chart's ids get a prefix so they do not clash with the picture's;
    # a title that reads like an id reference is text, shown as written.
    event = (
        Event(title=title, when="2026-01", actors=["A"])
        .revise(when="2026-02", stated="2026-01-10")
        .revise(status="happened", when="2026-02-10", stated="2026-02-10")
    )
    out = tmp_path / "p.html"
    Timeline([event]).to_html(out, as_of="2026-03-01")
    text = out.read_text(encoding="utf-8")
    trend = text[text.index('<figure id="tl-trend">') :]
    assert html.escape(title, quote=False) in trend or html.escape(title) in trend
    for rewritten in ("url(#trend-x)", "id=&quot;trend-y", "href=&quot;#trend-z"):
        assert rewritten not in text


@pytest.mark.parametrize("name", ["page.txt", "page", "page.svg", "page.html.bak"])
def test_a_page_needs_an_html_suffix(name: str, tmp_path: Path) -> None:
    # As save and save_plot refuse a suffix they cannot write, so does to_html: nothing written.
    with pytest.raises(PlotError, match=r"\.html.*e\.g\. page\.html"):
        sample().to_html(tmp_path / name)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["page.html", "page.htm", "PAGE.HTML"])
def test_html_suffixes_are_written(name: str, tmp_path: Path) -> None:
    assert sample().to_html(tmp_path / name).read_text(encoding="utf-8").startswith("<!DOCTYPE")
