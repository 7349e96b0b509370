"""`timeline.extract` on dates moved, the way news says it.

"originally slated for the second half of 2027, will now ship in early 2028",
"previously expected in May, is now targeted for June", "was due in April; it is
now expected in July", "now expected in 2027 rather than 2026", "pushed back from
May to July", "brought forward from September to July", "no longer expected in
2027": one draft dated with the date now expected, the date given up as its first
promise (`Draft.first_when`) and a claim recording the move. A past-tense clause
with no date of its own ("after the company pushed back production") happened,
by publication, and never borrows the date given up. A sentence about the statement
just before ("The tunnel will open in 2031. It was originally due to open in
2028.") gives that statement its first promise, when clearly linked.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Source, Status
from timeline.dates import find_dates
from timeline.extract import Draft, extract
from timeline.extract._draft import LOW_CONFIDENCE

PUBLISHED = "2026-03-10"
DATA = Path(__file__).parent / "data" / "extract"


def drafted(text: str, published: str = PUBLISHED, **options: Any) -> list[Draft]:
    return list(extract(text, source=Source("Test", published=published), **options))


def moved(text: str) -> Draft:
    """The one draft of ``text`` with a first promise."""
    found = drafted(text)
    with_first = [d for d in found if d.first_when is not None]
    assert len(with_first) == 1, [(d.title, str(d.when), str(d.first_when)) for d in found]
    return with_first[0]


# (text, the date now expected, the first promise)
LATER = [
    # "originally <promised> X, (it/which) will now <verb> in Y"
    (
        "Nvidia said its Rubin Ultra accelerator, originally slated for the second half of "
        "2027, will now ship in early 2028.",
        "early 2028",
        "H2 2027",
    ),
    (
        "The Orion capsule, originally scheduled for June, will now launch in September.",
        "September 2026",
        "June 2026",
    ),
    ("The plant, which was originally planned for 2027, will now open in 2029.", "2029", "2027"),
    (
        "The R2, originally expected in the third quarter, will now arrive in the fourth quarter.",
        "Q4 2026",
        "Q3 2026",
    ),
    (
        "The new terminal, originally due for completion in 2030, will now open in 2032.",
        "2032",
        "2030",
    ),
    ("The line, originally due to open in 2028, will now open in 2030.", "2030", "2028"),
    # "X, now Y"
    (
        "The first delivery, originally due in 2028, now in 2029, depends on certification.",
        "2029",
        "2028",
    ),
    (
        "Acme's listing, first planned for March, now in July, will raise $2 billion.",
        "July 2026",
        "March 2026",
    ),
    # "previously expected in X, now targeted for Y"
    ("The IPO, previously expected in May, is now targeted for June.", "June 2026", "May 2026"),
    ("Deliveries, previously expected in 2026, are now forecast for 2027.", "2027", "2026"),
    # "initially planned for X but now set for Y"
    (
        "The summit was initially planned for April but is now set for May.",
        "May 2026",
        "April 2026",
    ),
    (
        "The plant was initially scheduled to open in 2027 but is now expected in 2028.",
        "2028",
        "2027",
    ),
    # "was due in X; it is now expected in Y"
    ("The report was due in April; it is now expected in July.", "July 2026", "April 2026"),
    (
        "The bridge was due to open in 2027, but it is now expected to open in 2029.",
        "2029",
        "2027",
    ),
    # "now expected in Y rather than X"
    ("The merger is now expected to close in 2027 rather than 2026.", "2027", "2026"),
    (
        "Airbus now expects the first flight in the fourth quarter rather than the third quarter.",
        "Q4 2026",
        "Q3 2026",
    ),
    # "pushed back / moved / postponed / delayed from X to Y"
    ("The launch was pushed back from May to July.", "July 2026", "May 2026"),
    ("Acme moved the launch from May to July.", "July 2026", "May 2026"),
    ("The vote was postponed from June to September.", "September 2026", "June 2026"),
    ("The launch has been delayed from 2026 to 2027.", "2027", "2026"),
    ("SpaceX pushed the flight back from June to August.", "August 2026", "June 2026"),
    (
        "Apple's foldable iPhone, originally expected in 2026, is now likely to arrive in 2027.",
        "2027",
        "2026",
    ),
    (
        "The rollout was originally slated for the first quarter; it is now scheduled for the "
        "third quarter.",
        "Q3 2026",
        "Q1 2026",
    ),
    (
        "Airbus now expects first deliveries of the A321XLR in mid-2027, rather than late 2026.",
        "mid-2027",
        "late 2026",
    ),
    (
        "The spacecraft's launch has been moved from September to November.",
        "November 2026",
        "September 2026",
    ),
    # a schedule given up for a date "now", with no "originally"
    ("The launch, slated for June, is now expected in September.", "September 2026", "June 2026"),
    (
        "Its debut, pencilled in for June, is now expected in the autumn.",
        "autumn 2026",
        "June 2026",
    ),
    # a date "now" with no verb looking forward, against an earlier guidance
    (
        "The company now sees the plant opening in 2028, versus its earlier guidance of 2027.",
        "2028",
        "2027",
    ),
    # the first promise in a clause of its own, with no subject of its own
    (
        "Boeing now expects the 777X to enter service in 2027, after once targeting 2020.",
        "2027",
        "2020",
    ),
    ("The tunnel will open in 2031 and was originally due to open in 2028.", "2031", "2028"),
    # "no longer expected in X", with a new date
    (
        "The deal is no longer expected to close in 2026 but in the first half of 2027.",
        "H1 2027",
        "2026",
    ),
    (
        "The chip is no longer expected in June and will now ship in August.",
        "August 2026",
        "June 2026",
    ),
]

# A date brought forward: a move, not a slip.
EARLIER = [
    ("The launch was brought forward from September to July.", "July 2026", "September 2026"),
    ("The government brought forward the ban to 2030 from 2035.", "2030", "2035"),
    ("Acme has pulled forward the opening from 2028 to 2027.", "2027", "2028"),
    ("The ban will now take effect in 2030 instead of 2035.", "2030", "2035"),
    ("The ECB moved its meeting forward from 12 June to 5 June.", "5 June 2026", "12 June 2026"),
]


class TestMovedInOneSentence:
    @pytest.mark.parametrize(("text", "now", "first"), LATER)
    def test_later(self, text: str, now: str, first: str) -> None:
        d = moved(text)
        assert (str(d.when), str(d.first_when), d.status) == (now, first, Status.EXPECTED)
        assert [str(c.when) for c in d.claims] == [now]
        event = d.to_event()
        assert [(str(s.before), str(s.after)) for s in event.slips] == [(first, now)]
        assert str(event.when) == now

    @pytest.mark.parametrize(("text", "now", "first"), LATER + EARLIER)
    def test_no_draft_dated_with_the_date_given_up(self, text: str, now: str, first: str) -> None:
        assert all(str(d.when) != first for d in drafted(text)), text

    @pytest.mark.parametrize(("text", "now", "first"), EARLIER)
    def test_brought_forward(self, text: str, now: str, first: str) -> None:
        d = moved(text)
        assert (str(d.when), str(d.first_when)) == (now, first)
        assert [str(c.when) for c in d.claims] == [now]
        assert "brought forward" in (d.claims[0].note or "")
        event = d.to_event()
        assert event.slips == ()  # earlier, not a slip
        assert str(event.when) == now

    @pytest.mark.parametrize(
        ("text", "first"),
        [
            ("The plant is no longer expected to open in 2027.", "2027"),
            (
                "Regulators said the drug is no longer expected to be approved by June.",
                "by June 2026",
            ),
            ("The IPO is no longer planned for the first half.", "H1 2026"),
            ("The deal is no longer expected to close this year.", "2026"),
        ],
    )
    def test_no_longer_without_a_new_date(self, text: str, first: str) -> None:
        d = moved(text)
        assert d.when.is_undated and d.status is Status.EXPECTED
        assert str(d.first_when) == first
        assert [c.note for c in d.claims] == ["no new date"]
        # a first promise is a date said: no "no date of its own", no low confidence
        assert not any(r.startswith("no date of its own") for r in d.reasons)
        assert d.confidence >= LOW_CONFIDENCE

    @pytest.mark.parametrize(
        "text",
        [
            "The plant will open in 2027 and expand in 2029.",
            "Nvidia first shipped Blackwell in 2024 and will now ship Rubin in 2026.",
            "Revenue, now $5 billion, is expected to reach $8 billion by 2028.",
            "The plant, which opened in 2019, will now double output by 2027.",
            "The company moved its headquarters from Austin to Denver in 2025.",
            "Sales rose from $3 billion in 2024 to $5 billion in 2025.",
            "Acme expects more orders in 2027 than in 2026.",
            "The mine was expected to produce 5,000 tonnes in 2025 and reached 4,000 tonnes.",
            "Orders are now expected to rise in 2027, after they fell in 2025.",
            "Originally a maker of phones, Acme now plans to sell cars in 2027.",
            "The firm originally raised $5 million in 2020 and now plans an IPO in 2027.",
            "Ford said the plant will open in 2027. The company also plans a second plant in 2029.",
            # a figure "now", a schedule going on, another subject in the same sentence
            "Acme's plant is scheduled to open in 2027. It now employs 500 people in 2026.",
            "Acme will open a plant in 2027. It is scheduled to start production in 2028.",
            "Acme, which expected revenue of $5 billion in 2025, now expects $8 billion in 2027.",
            "The tunnel will open in 2031, while the airport was originally due to open in 2028.",
        ],
    )
    def test_no_move(self, text: str) -> None:
        assert all(d.first_when is None for d in drafted(text)), text


class TestPastClauseWithoutADate:
    """ "after the company pushed back production": happened, by publication."""

    @pytest.mark.parametrize(
        "clause",
        [
            "after the company pushed back production at TSMC's Arizona plant",
            "after the company cut production at its Ohio plant",
            "after it halted work at the site",
            "after Samsung delayed production of the memory",
            "following a fire that shut down the plant",
        ],
    )
    def test_after_a_move(self, clause: str) -> None:
        text = (
            "Nvidia said its Rubin Ultra, originally slated for the second half of 2027, will "
            f"now ship in early 2028, {clause}."
        )
        found = drafted(text)
        assert str(found[0].when) == "early 2028"
        for d in found[1:]:
            assert d.status is Status.HAPPENED, (d.title, str(d.when))
            assert d.when.latest is not None and str(d.when.latest) <= PUBLISHED
            assert str(d.when) != "H2 2027"

    @pytest.mark.parametrize(
        "text",
        [
            "Acme delayed its launch.",
            "Nvidia has pushed back production.",
            "Boeing postponed the test flight.",
        ],
    )
    def test_a_delay_told_alone_happened(self, text: str) -> None:
        d = drafted(text)[0]
        assert d.status is Status.HAPPENED
        assert d.when.latest is not None and str(d.when.latest) <= PUBLISHED

    @pytest.mark.parametrize(
        "text",
        [
            "Acme will delay its launch.",
            "Acme said the launch could be pushed back.",
            "Acme's launch is expected to be postponed.",
            "Acme plans to delay its launch.",
        ],
    )
    def test_a_delay_to_come_is_expected(self, text: str) -> None:
        assert drafted(text)[0].status is Status.EXPECTED


class TestAcrossSentences:
    """A first promise told in the statement after (or before) the date now expected."""

    @pytest.mark.parametrize(
        ("text", "now", "first"),
        [
            (
                "The tunnel will open in 2031. It was originally due to open in 2028.",
                "2031",
                "2028",
            ),
            (
                "Acme will open its Ohio plant in 2027. The plant was originally planned for 2025.",
                "2027",
                "2025",
            ),
            (
                "Acme will open its Ohio plant in 2027. Acme had initially expected to open it "
                "in 2025.",
                "2027",
                "2025",
            ),
            (
                "The project will be completed in 2030; it was previously expected in 2027.",
                "2030",
                "2027",
            ),
            ("The report was due in April. It is now expected in July.", "July 2026", "April 2026"),
            (
                "The launch is slated for June. It will now take place in September.",
                "September 2026",
                "June 2026",
            ),
            # the date given up is past: the statement before reads as happened, alone
            (
                "The project was due for completion in 2025. It is now expected to be finished "
                "in 2027.",
                "2027",
                "2025",
            ),
            (
                "The Orion launch was originally scheduled for June. It will now take place in "
                "September.",
                "September 2026",
                "June 2026",
            ),
        ],
    )
    def test_linked(self, text: str, now: str, first: str) -> None:
        found = drafted(text)
        assert len(found) == 1, [(d.title, str(d.when)) for d in found]
        d = found[0]
        assert (str(d.when), str(d.first_when)) == (now, first)
        assert [str(c.when) for c in d.claims] == [now]
        assert d.quote == " ".join(text.split())  # the quote holds both statements

    @pytest.mark.parametrize(
        "text",
        [
            # another actor, another thing, or not the statement just before
            "Acme will open its plant in 2027. Beta's factory was originally due to open in 2025.",
            "Ford will open the plant in 2027. GM was originally due to open its plant in 2025.",
            "The tunnel will open in 2031. Separately, the airport was originally due to open in "
            "2028.",
            "The tunnel will open in 2031. Revenue rose 5% in 2025. It was originally due to open "
            "in 2028.",
            "Acme reported revenue of $5 billion in 2025. It was originally due to report in 2024.",
        ],
    )
    def test_unlinked(self, text: str) -> None:
        found = drafted(text)
        assert len(found) >= 2
        assert all(d.first_when is None for d in found), [(d.title, str(d.when)) for d in found]


@functools.cache
def _nvidia() -> list[Draft]:
    # no --published: the dateline gives the day
    return list(extract((DATA / "nvidia.txt").read_text(encoding="utf-8")))


class TestNvidiaArticle:
    """tests/data/extract/nvidia.txt (dateline Oct. 14, 2026): its key drafts."""

    @pytest.fixture
    def drafts(self) -> list[Draft]:
        return _nvidia()

    def test_rubin_ultra_slipped(self, drafts: list[Draft]) -> None:
        d = drafts[0]
        assert d.actors[:1] == ("Nvidia",)
        assert (str(d.when), str(d.first_when), d.status) == (
            "early 2028",
            "H2 2027",
            Status.EXPECTED,
        )
        assert [(str(c.stated), str(c.when)) for c in d.claims] == [
            ("14 October 2026", "early 2028")
        ]
        assert [str(s.before) for s in d.to_event().slips] == ["H2 2027"]

    def test_pushed_back_production_happened(self, drafts: list[Draft]) -> None:
        d = next(d for d in drafts if "pushed back production" in d.quote)
        assert d.status is Status.HAPPENED
        assert d.first_when is None
        assert d.when.latest is not None and str(d.when.latest) == "2026-10-14"

    def test_no_draft_dated_h2_2027(self, drafts: list[Draft]) -> None:
        assert all(str(d.when) != "H2 2027" for d in drafts)

    def test_others(self, drafts: list[Draft]) -> None:
        by_quote = {d.quote.split()[0] + " " + d.quote.split()[1]: d for d in drafts}
        amd = by_quote["AMD plans"]
        assert (str(amd.when), str(amd.first_when)) == ("Q4 2026", "Q3 2026")
        intel = by_quote["Intel's Falcon"]
        assert (str(intel.when), intel.status) == ("January 2026", Status.CANCELLED)
        openai = by_quote["Meanwhile, OpenAI"]
        assert str(openai.when) == "by mid-2027"
        huang = next(d for d in drafts if d.quote.startswith('"We will deliver'))
        assert (str(huang.when), huang.status) == ("Q1 2028", Status.EXPECTED)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("now expected in 2027 rather than 2026", ["2027", "2026"]),
        ("in 2030 rather than in 2035", ["2030", "2035"]),
        # a count after "more than" stays a count
        ("more than 2026 people", []),
        ("fewer than 2000 jobs in 2025", ["2025"]),
    ],
)
def test_a_year_after_rather_than(text: str, years: list[str]) -> None:
    assert [str(m.when) for m in find_dates(text, reference=None)] == years


_SUBJECTS = ["The plant", "Acme's new fab", "The Orion mission", "The bridge", "Its IPO"]
_PROMISED = ["originally slated for", "initially planned for", "previously expected in"]
_MOVES = ["will now open in", "is now expected in", "is now targeted for", "will now ship in"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_SUBJECTS),
    st.sampled_from(_PROMISED),
    st.sampled_from(_MOVES),
    st.integers(2027, 2040),
    st.integers(2027, 2040),
)
def test_any_move_keeps_both_dates(subject: str, promised: str, move: str, a: int, b: int) -> None:
    """Whatever the words, a move names the date now expected and the first promise; it
    is a slip only when later."""
    text = f"{subject}, {promised} {a}, {move} {b}."
    found = drafted(text)
    if a == b:
        assert all(d.first_when is None for d in found)
        return
    d = moved(text)
    assert (str(d.when), str(d.first_when)) == (str(b), str(a))
    assert [str(c.when) for c in d.claims] == [str(b)]
    assert len(d.to_event().slips) == (1 if b > a else 0)


class TestAFirstPromiseWithoutItsYear:
    """A first promise named without its year is the occurrence next to the date it moved
    to (the last before it for a slip): said on 18 December 2026 and moved to April,
    "originally slated for January" was January 2027, not January 2026 (read in the
    publication's year); "originally due in November", November 2026."""

    @pytest.mark.parametrize(
        ("text", "now", "first"),
        [
            (
                "Nimbus said its N2 robot, originally slated for January, will now ship in April.",
                "April 2027",
                "January 2027",
            ),
            (
                "Nimbus said its N2 robot, originally due in November, will now ship in April.",
                "April 2027",
                "November 2026",
            ),
            (
                "Orbitline, which had promised a home robot before Christmas, now says it will "
                "arrive after Lunar New Year.",
                "after 6 February 2027",
                "before 25 December 2026",
            ),
            # with its year, as written
            (
                "Nimbus said its N2 robot, originally slated for January 2026, will now ship in "
                "April.",
                "April 2027",
                "January 2026",
            ),
        ],
    )
    def test_next_to_the_date_it_moved_to(self, text: str, now: str, first: str) -> None:
        found = [d for d in drafted(text, "2026-12-18") if d.first_when is not None]
        assert [(str(d.when), str(d.first_when)) for d in found] == [(now, first)]


@pytest.mark.parametrize(
    ("text", "when", "first"),
    [
        # a move by an amount that may come keeps the date promised
        (
            "The first A350 is due in early 2027, the airline said, though deliveries may "
            "slip by three months.",
            "early 2027",
            None,
        ),
        ("Acme's plant, planned for June, could be delayed by a few weeks.", "June 2026", None),
        ("The plant, due in June, might be postponed by a few weeks.", "June 2026", None),
        # one that came gives the date up
        (
            "CATL said the licensing deal, planned for June, would slip by about six months.",
            "date not announced",
            "June 2026",
        ),
        (
            "Acme's plant, planned for June, was delayed by a few weeks.",
            "date not announced",
            "June 2026",
        ),
    ],
)
def test_a_move_that_may_come_keeps_the_date(text: str, when: str, first: str | None) -> None:
    """ "though deliveries may slip by three months": a risk, not a move (was: the date
    given up, the draft undated)."""
    (d,) = drafted(text)
    assert (str(d.when), None if d.first_when is None else str(d.first_when)) == (when, first)


@pytest.mark.parametrize(
    ("text", "when", "first"),
    [
        (
            "United Airlines now expects its first Boeing 737 MAX 10 in the second half of "
            "2028. The carrier had planned to fly the MAX 10 in 2025.",
            "H2 2028",
            "2025",
        ),
        (
            "United Airlines expects its first A350 in 2028. The carrier had planned to fly "
            "the A350 in 2025.",
            "2028",
            "2025",
        ),
        (
            "Emirates will take its first 777X in 2028. The airline had expected to fly the "
            "777X in 2025.",
            "2028",
            "2025",
        ),
    ],
)
def test_a_past_promise_about_the_same_model_is_the_first_promise(
    text: str, when: str, first: str
) -> None:
    """ "The carrier had planned to fly the MAX 10 in 2025" after "expects its first Boeing
    737 MAX 10 in H2 2028": the model's first promise (was a draft of its own, expected in
    2025: a model number between the promise and its date hid the promise)."""
    (d,) = drafted(text, published="2027-06-18")
    assert (str(d.when), str(d.first_when)) == (when, first), d.reasons
