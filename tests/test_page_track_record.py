"""The HTML page's "Track record" section: there once a promise has resolved, not before."""

from __future__ import annotations

import re
from collections import Counter

import matplotlib

matplotlib.use("Agg")

from timeline import Event, Source, Timeline
from timeline.display._page import page_html

SAID = [Source("Wire", published="2026-01-05")]


def tracker() -> Timeline:
    return Timeline(
        [
            Event(title="Kept one", when="2026-03", actors=["A"], sources=SAID).revise(
                stated="2026-03-20", when="2026-03-20", status="happened"
            ),
            Event(title="Open one", when="2026-09", actors=["B"], sources=SAID),
        ],
        name="Tracker",
    )


def test_the_section_appears_once_a_promise_has_resolved() -> None:
    page = page_html(tracker(), as_of="2026-06-01")
    section = page[page.index('<section id="tl-track-record">') :]
    assert "<h2>Track record</h2>" in section
    assert "As of 2026-06-01, 2 promises: 1 kept, 0 late, 0 broken, 1 pending" in section
    assert 'class="tl-table tl-track-record"' in section
    assert section.count("<svg") == 1
    assert 'id="tl-trend-line-kept-one"' in section
    assert 'id="tl-trend-line-open-one"' in section


def test_no_section_while_every_promise_is_pending() -> None:
    page = page_html(tracker(), as_of="2026-02-01")
    assert '<section id="tl-track-record">' not in page
    assert page.count("<svg") == 1  # the main picture only


def test_the_section_is_judged_as_known_on_the_pages_day() -> None:
    # The happening was stated on 20 March: on 10 March nothing had resolved.
    assert '<section id="tl-track-record">' not in page_html(tracker(), as_of="2026-03-10")
    assert '<section id="tl-track-record">' in page_html(tracker(), as_of="2026-03-20")


def test_the_two_pictures_share_no_element_id() -> None:
    page = page_html(tracker(), as_of="2026-06-01")
    ids = Counter(re.findall(r'\bid="([^"]+)"', page))
    assert [i for i, k in ids.items() if k > 1] == []
    # every local reference resolves to an id on the page
    for ref in re.findall(r"url\(#([^)]+)\)", page):
        assert ref in ids, ref


def test_long_trackers_draw_thirty_lines_and_say_so() -> None:
    events = [
        Event(title=f"Promise {i}", when="2026-03", sources=SAID).revise(
            stated="2026-03-30", when="2026-03-30", status="happened"
        )
        for i in range(35)
    ]
    page = page_html(Timeline(events), as_of="2026-06-01")
    assert len(re.findall(r'id="tl-trend-line-', page)) == 30
    assert "The trend chart shows 30 of 35 promises" in page
