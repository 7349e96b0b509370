"""The page marks overdue events and shows each target's progress (issue 12 §6).

Overdue is judged as known on the page's day: the timeline replayed as of
``as_of`` (claims stated later do not count), then judged on that day.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import Event, Observation, Source, Target, Timeline
from track_strategies import DAYS, tracked

EVIL = '<img src=x onerror="alert(1)">'
SAID = Source("Plan", published="2025-06-01")


def tracker() -> Timeline:
    return Timeline(
        [
            # April passed, still expected: overdue from May
            Event(title="Hybrid Model", when="2026-04", actors=["Tencent"]),
            # moved to 2027 on 20 June: overdue on 15 June as known then, not after the move
            Event(title="Starliner crew flight", when="2026-04", actors=["Boeing"]).revise(
                when="2027", stated="2026-06-20"
            ),
            # it happened, said on 20 June: overdue on 15 June as known then
            Event(title="Fab opens", when="2026-04", actors=["TSMC"]).revise(
                status="happened", when="2026-06-18", stated="2026-06-20"
            ),
            Event(title="Forum", when="2026-03-24", actors=["Boao"], status="happened"),
            Event(
                title="10,000 AI-plus enterprises",
                when="by 2030",
                actors=["Guangzhou"],
                sources=[SAID],
                target=Target("AI-plus enterprises", "10,000 enterprises", "by 2030"),
                observations=[
                    Observation("2025-12-31", "1,000 enterprises"),
                    Observation("2026-05-31", "2,500 enterprises"),
                ],
            ),
            Event(
                title="KeLing ARR",
                when="2026",
                actors=["Kuaishou"],
                target=Target(
                    EVIL,
                    "$600 million",
                    "2026",
                    baseline=Observation("2026-03", "$300 million"),
                ),
                observations=[Observation("2026-09", "$450 million")],
            ),
        ],
        name="Tracker",
    )


def rows(page: str) -> dict[str, str]:
    """Each table row's HTML by event id."""
    table = page[page.index('id="tl-table"') :]
    found = re.findall(r'(<tr class="[^"]*" data-event="([^"]+)".*?</tr>)', table, re.S)
    return {ident: row for row, ident in found}


def marked(page: str) -> set[str]:
    found = rows(page).items()
    return {i for i, row in found if 'data-overdue="true"' in row and ">overdue<" in row}


def section(page: str) -> str:
    start = page.index('id="tl-targets"')
    return page[start : page.index("</section>", start)]


def write(tmp_path: Path, tl: Timeline, **options: object) -> str:
    return tl.to_html(tmp_path / "page.html", **options).read_text(encoding="utf-8")  # type: ignore[arg-type]


class TestOverdue:
    @pytest.mark.parametrize(
        ("as_of", "late"),
        [
            # before anything was due
            ("2026-03-01", set()),
            # as known on 15 June: the move to 2027 and the launch were not yet said
            ("2026-06-15", {"hybrid-model", "starliner-crew-flight", "fab-opens"}),
            # after both were said: only the model is still late
            ("2026-07-01", {"hybrid-model"}),
        ],
    )
    def test_marks_as_known_on_the_day(self, tmp_path: Path, as_of: str, late: set[str]) -> None:
        page = write(tmp_path, tracker(), as_of=as_of)
        assert marked(page) == late
        # the same answer as the library's, on the timeline as known then
        known = tracker().as_of(as_of)
        assert late == {e.id for e in known.overdue(as_of=as_of)}
        assert f"{len(late)} overdue" in page

    def test_without_as_of_judges_on_the_day_it_was_written(self, tmp_path: Path) -> None:
        tl = Timeline(
            [
                Event(title="Long ago", when="2001-04"),
                Event(title="Far ahead", when="2999-04"),
                Event(title="Done", when="2001-04", status="happened"),
            ]
        )
        page = write(tmp_path, tl)
        assert marked(page) == {"long-ago"}
        assert f"1 overdue on {dt.date.today().isoformat()}" in page

    @pytest.mark.parametrize("as_of", [None, "2026-06-15", "2026-07-01"])
    def test_picture_and_table_judge_on_one_day(self, tmp_path: Path, as_of: str | None) -> None:
        # Without as_of both are judged today (the page's documented default).
        tl = Timeline([*tracker(), Event(title="Long ago", when="2001-04")])
        page = write(tmp_path, tl, **({} if as_of is None else {"as_of": as_of}))
        figure = page[page.index('id="tl-picture"') : page.index("</figure>")]
        outlined = set(re.findall(r'id="tl-overdue-L\d+-([^"]+)"', figure))
        assert outlined == marked(page)
        assert "long-ago" in outlined or as_of is not None

    def test_an_overdue_row_says_so_in_words(self, tmp_path: Path) -> None:
        row = rows(write(tmp_path, tracker(), as_of="2026-07-01"))["hybrid-model"]
        assert 'data-overdue="true"' in row and "tl-badge" in row


class TestTargets:
    def test_each_target_with_its_progress(self, tmp_path: Path) -> None:
        targets = section(write(tmp_path, tracker(), as_of="2026-12-31"))
        goal = re.search(r'<tr data-event="10-000-ai-plus-enterprises".*?</tr>', targets, re.S)
        assert goal is not None
        target = tracker()["10-000-ai-plus-enterprises"].target
        assert target is not None
        text = re.sub(r"</?bdi>", "", goal.group())  # data text is isolated, one <bdi> each
        assert f"{target.goal} {target.deadline_text}" in text  # 10,000 ... by end of 2030
        assert "2,500 enterprises" in goal.group()  # the latest figure known
        assert '<meter min="0" max="1" value="0.25"' in goal.group()
        assert "25%" in goal.group() and "pending" in goal.group()
        arr = re.search(r'<tr data-event="keling-arr".*?</tr>', targets, re.S)
        assert arr is not None
        assert "50%" in arr.group() and 'value="0.5"' in arr.group()
        assert "&lt;img src=x" in arr.group() and EVIL not in targets  # escaped

    def test_progress_as_known_on_the_day(self, tmp_path: Path) -> None:
        # on 1 April 2026 the May figure was not yet in: 1,000 of 10,000
        targets = section(write(tmp_path, tracker(), as_of="2026-04-01"))
        goal = re.search(r'<tr data-event="10-000-ai-plus-enterprises".*?</tr>', targets, re.S)
        assert goal is not None
        assert "10%" in goal.group() and "2,500" not in goal.group()
        # KeLing's target was not yet measured beyond its baseline
        arr = re.search(r'<tr data-event="keling-arr".*?</tr>', targets, re.S)
        assert arr is not None and "0%" in arr.group()

    def test_past_goal_is_capped_in_the_bar(self, tmp_path: Path) -> None:
        tl = Timeline(
            [
                Event(
                    title="Calls",
                    when="2026",
                    target=Target("calls", "100 calls", "2026"),
                    observations=[Observation("2026-02", "150 calls")],
                )
            ]
        )
        targets = section(write(tmp_path, tl, as_of="2026-03-01"))
        assert 'value="1"' in targets and "150%" in targets and "met" in targets

    def test_unmeasurable_progress_is_said_not_crashed(self, tmp_path: Path) -> None:
        tl = Timeline(
            [
                Event(
                    title="Power",
                    when="2026",
                    target=Target("power", "$5 billion", "2026"),
                    observations=[Observation("2026-02", "300 GPUs")],
                ),
                Event(title="No figures", when="2027", target=Target("x", "5 x", "2027")),
            ]
        )
        targets = section(write(tmp_path, tl, as_of="2026-03-01"))
        assert "cannot be measured" in targets
        assert "no figure yet" in targets

    def test_no_targets_no_section(self, tmp_path: Path) -> None:
        page = write(tmp_path, Timeline([Event(title="x", when="2026")]))
        assert 'id="tl-targets"' not in page


@pytest.mark.filterwarnings("ignore:left .* out of the picture")
class TestPastDueWithNoDate:
    """An open event whose date was withdrawn ("TBD") after the last date promised passed is
    broken in the track record; the table says so too, apart from "overdue" (an undated
    event is never overdue, DESIGN §2), so the two parts of one page agree."""

    @staticmethod
    def postponed() -> Timeline:
        return Timeline(
            [
                # April passed; on 10 May: "postponed, no new date"
                Event(title="Model", when="2026-04", actors=["A"]).revise(
                    when="TBD", stated="2026-05-10"
                ),
                # withdrawn in March, before April ended: broken once April has passed
                Event(title="Early", when="2026-04", actors=["A"]).revise(
                    when="TBD", stated="2026-03-10"
                ),
                # never dated: nothing was promised
                Event(title="Never", when="TBD", actors=["A"]),
                # April passed, still April: overdue as before
                Event(title="Late", when="2026-04", actors=["A"]),
            ]
        )

    @pytest.mark.parametrize(
        ("as_of", "past_due"),
        [("2026-04-15", set()), ("2026-04-30", set()), ("2026-05-01", {"early"}),
         ("2026-06-01", {"model", "early"})],
    )  # fmt: skip
    def test_marked_as_the_track_record_judges(
        self, tmp_path: Path, as_of: str, past_due: set[str]
    ) -> None:
        page = write(tmp_path, self.postponed(), as_of=as_of)
        found = rows(page)
        got = {i for i, row in found.items() if 'data-past-due="true"' in row}
        assert got == past_due  # was: no mark at all
        for ident in past_due:
            assert ">past due<" in found[ident] and "no date" in found[ident]
            assert 'data-overdue="true"' not in found[ident]  # not "overdue": it has no date
        record = self.postponed().track_record(as_of=as_of)
        broken_open = {
            i
            for i in record.total.broken_ids
            if self.postponed()[i].as_of(as_of).status.is_open  # type: ignore[union-attr]
        }
        assert broken_open == got | marked(page)
        if past_due:
            assert f"{len(past_due)} past due with no date" in page


def goal(title: str, when: str, deadline: str, *figures: tuple[str, str]) -> Event:
    return Event(
        title=title,
        when=when,
        sources=[SAID],
        target=Target("n", "10 x", deadline),
        observations=[Observation(w, v) for w, v in figures],
    )


def badges(row: str) -> set[str]:
    """The words of the badges a table row shows (status, overdue, past due, ...)."""
    return set(re.findall(r'<span class="tl-badge"[^>]*>([^<]+)</span>', row))


def agree(page: str, tl: Timeline, day: str) -> None:
    """Each promise's count in the track record shows as a badge in its table row."""
    found = rows(page)
    record = tl.track_record(as_of=day).total
    for ident in record.broken_ids:
        assert badges(found[ident]) & {"cancelled", "overdue", "past due", "missed"}, (
            ident,
            found[ident],
        )
    for ident in (*record.kept_ids, *record.late_ids):
        assert badges(found[ident]) & {"happened", "reached"}, (ident, found[ident])
    for ident in record.pending_ids:
        assert not badges(found[ident]) & {"overdue", "past due", "missed", "reached"}, (
            ident,
            found[ident],
        )


class TestGoalsAsTheTrackRecordJudges:
    """A goal whose target deadline differs from its own date is judged by its figures: the
    table marks it as the track record counts it, whatever its own date says."""

    @staticmethod
    def goals() -> Timeline:
        return Timeline(
            [
                # its own date 2030, its target due 2026 and missed: broken in 2027
                goal("Missed", "2030", "2026", ("2026-12", "8 x")),
                # its own date long past, its target reached: kept, not overdue
                goal("Reached", "2026-03", "2026", ("2026-06", "12 x")),
                # reached after the deadline: late
                goal("Late", "2026", "2026", ("2026-12", "8 x"), ("2027-01", "11 x")),
                # nothing known yet: pending
                goal("Open", "2030", "2030", ("2026-12", "8 x")),
            ]
        )

    @pytest.mark.parametrize("day", ["2026-05-01", "2027-02-15"])
    def test_every_count_shows_in_the_table(self, tmp_path: Path, day: str) -> None:
        page = write(tmp_path, self.goals(), as_of=day)
        agree(page, self.goals(), day)

    def test_the_badges(self, tmp_path: Path) -> None:
        found = rows(write(tmp_path, self.goals(), as_of="2027-02-15"))
        assert "missed" in badges(found["missed"])  # was: "expected" and nothing else
        assert 'data-missed="true"' in found["missed"]
        assert "reached" in badges(found["reached"])  # was: "expected" and nothing else
        assert 'data-reached="true"' in found["reached"]
        assert "reached" in badges(found["late"])
        assert badges(found["open"]) == {"expected"}


_GOALS = st.builds(
    lambda title, when, deadline, figures: goal(title, when, deadline, *figures),
    st.sampled_from(["g0", "g1", "g2"]),
    st.sampled_from(["2026-03", "2026", "2030", "by 2026-06", "TBD"]),
    st.sampled_from(["2026", "by 2026-06", "2026-Q3", "c. 2026-09"]),
    st.lists(
        st.tuples(
            st.sampled_from(["2025-12", "2026-03", "2026-06", "2026-09", "2026-12", "2027-03"]),
            st.sampled_from(["4 x", "9 x", "10 x", "12 x"]),
        ),
        max_size=3,
        unique_by=lambda f: f[0],
    ),
)


@pytest.mark.filterwarnings("ignore:left .* out of the")
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        tracked(),
        st.lists(_GOALS, max_size=3, unique_by=lambda e: e.id).map(Timeline),
    ),
    DAYS,
)
def test_every_track_record_count_shows_as_a_badge(tl: Timeline, day: dt.date) -> None:
    """For each promise: broken ⇒ a cancelled, overdue, past-due or missed badge; kept or
    late ⇒ happened or reached; pending ⇒ none of those marks."""
    from timeline.display._page import page_html

    agree(page_html(tl, as_of=day), tl, day.isoformat())
