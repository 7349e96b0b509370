"""Events the picture cannot place are never dropped silently: a warning, and a page note."""

from __future__ import annotations

import html
import re
import warnings
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.axes import Axes

from timeline import Event, Timeline, TimelineWarning, When
from timeline.cli._main import main
from timeline.display._layout import shape_of

NOWHERE = When.interval("unknown", "open")

PLACED = [
    Event(title="Hybrid Model 3.0", when=When.month(2026, 4), actors=["Tencent"]),
    Event(title="Boao Forum", when=When.day(2026, 3, 24), status="happened"),
    # one bound is enough to be drawn
    Event(title="Ecosystem opening", when=When.interval(When.month(2026, 3), "open")),
    Event(title="10,000 AI-plus firms", when=When.year(2030).by()),
]
UNPLACED = [
    Event(title="Someday <model>", when=NOWHERE, actors=["Tencent"]),
    Event(id="rumour", title="A rumoured deal", when=When.interval("open", "unknown")),
]


@pytest.fixture(autouse=True)
def _close_figures() -> object:
    yield
    plt.close("all")


def drawn_ids(ax: Axes) -> set[str]:
    found = ax.findobj(lambda a: (a.get_gid() or "").startswith("tl-"))
    return {re.sub(r"^tl-[a-z]+-L\d+-", "", str(a.get_gid())) for a in found}


class TestPlotWarns:
    @pytest.mark.parametrize(
        ("events", "left_out"),
        [
            # one event with no bound among placed ones: named, with its date
            ([*PLACED, UNPLACED[0]], ["someday-model"]),
            # several: all of them named
            ([*PLACED, *UNPLACED], ["someday-model", "rumour"]),
            # only unplaceable events: still said, and the picture is drawn empty
            (UNPLACED, ["someday-model", "rumour"]),
        ],
    )
    def test_warning_names_every_event_left_out(
        self, events: list[Event], left_out: list[str]
    ) -> None:
        tl = Timeline(events)
        with pytest.warns(TimelineWarning, match="out of the picture") as said:
            ax = tl.plot()
        assert len(said) == 1
        message = str(said[0].message)
        assert f"left {len(left_out)} event(s)" in message
        for event_id in left_out:
            assert repr(event_id) in message
            assert event_id not in drawn_ids(ax)
        assert f"({NOWHERE})" in message  # the date, in words
        assert said[0].filename == __file__  # points at the caller's line
        assert drawn_ids(ax) == {e.id for e in events if shape_of(e) is not None}

    def test_long_lists_are_cut_with_a_count(self) -> None:
        many = [Event(title=f"Unknown {i:02}", when=NOWHERE) for i in range(12)]
        with pytest.warns(TimelineWarning) as said:
            Timeline(many).plot()
        message = str(said[0].message)
        assert "left 12 event(s)" in message
        assert "'unknown-09'" in message and "'unknown-10'" not in message
        assert "and 2 more" in message

    @pytest.mark.parametrize(
        "options",
        [
            {},  # the whole timeline
            {"by": "status"},  # another lane key
            {"between": ("2026-01", "2026-12")},  # a zoom: no bound means it could fall there
        ],
    )
    def test_no_warning_when_everything_is_placed(self, options: dict[str, Any]) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            Timeline(PLACED).plot(**options)

    def test_zoomed_picture_warns_too(self) -> None:
        with pytest.warns(TimelineWarning, match="'someday-model'"):
            Timeline([*PLACED, UNPLACED[0]]).plot(between=("2026-01", "2026-12"))

    def test_save_plot_warns(self, tmp_path: Path) -> None:
        with pytest.warns(TimelineWarning, match="'rumour'"):
            Timeline([*PLACED, UNPLACED[1]]).save_plot(tmp_path / "t.svg")
        assert (tmp_path / "t.svg").exists()


class TestPage:
    def test_page_names_the_events_under_the_picture(self, tmp_path: Path) -> None:
        out = tmp_path / "p.html"
        with pytest.warns(TimelineWarning, match="out of the picture"):
            Timeline([*PLACED, *UNPLACED]).to_html(out)
        text = out.read_text()
        note = re.search(r'<figcaption class="tl-note" id="tl-unplaced">(.*?)</figcaption>', text)
        assert note is not None
        caption = note.group(1)
        # escaped, and isolated from the date after it
        assert f"<bdi>Someday &lt;model&gt;</bdi> ({html.escape(str(NOWHERE))})" in caption
        assert "A rumoured deal" in caption
        assert "Hybrid Model 3.0" not in caption  # only the ones left out
        # inside the figure, after the picture
        figure = text[text.index('<figure id="tl-picture">') : text.index("</figure>")]
        assert figure.index("</svg>") < figure.index('id="tl-unplaced"')
        # and still in the table
        assert 'data-event="someday-model"' in text and 'data-event="rumour"' in text

    def test_page_without_unplaced_events_has_no_note(self, tmp_path: Path) -> None:
        out = tmp_path / "p.html"
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            Timeline(PLACED).to_html(out)
        assert 'id="tl-unplaced"' not in out.read_text()

    def test_page_as_of_names_only_what_was_known(self, tmp_path: Path) -> None:
        from timeline import Source

        later = Event(
            title="Later unknown",
            when=NOWHERE,
            sources=[Source("s", published=When.day(2026, 6, 1))],
        )
        out = tmp_path / "p.html"
        with pytest.warns(TimelineWarning, match="'someday-model'") as said:
            Timeline([*PLACED, UNPLACED[0], later]).to_html(out, as_of="2026-04-01")
        assert "'later-unknown'" not in str(said[0].message)
        text = out.read_text()
        assert "Someday &lt;model&gt;" in text and "Later unknown" not in text


def test_cli_demo_says_what_the_page_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the command line turns the warning into a plain line on stderr
    from timeline.cli import _args as _cli

    sample = Timeline([*PLACED, UNPLACED[0]], name="Sample")
    monkeypatch.setattr(_cli, "_bundled", lambda: sample)
    assert main(["demo", "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "timeline: warning: left 1 event(s) out of the picture" in err
    assert "'someday-model'" in err
    assert 'id="tl-unplaced"' in (tmp_path / "sample.html").read_text()
