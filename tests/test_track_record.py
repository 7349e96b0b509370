"""`Timeline.track_record`: who keeps their promises, judged as known on a day."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import (
    Claim,
    Event,
    QueryError,
    Source,
    Timeline,
    TimelineError,
    TrackRecord,
)
from timeline.model._track_record import score
from track_strategies import CLAIMS, DAYS, tracked

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def said(day: str) -> list[Source]:
    return [Source("announcement", publisher="Wire", published=day)]


def promise(when: str, *claims: tuple[str, str | None, str | None], **fields: object) -> Event:
    """An event first announced on 2026-01-05 for ``when``; claims are (stated, when, status)."""
    event = Event(title="p", when=when, sources=said("2026-01-05"), **fields)  # type: ignore[arg-type]
    for stated, new_when, status in claims:
        event = event.revise(stated=stated, when=new_when, status=status)
    return event


class TestOutcome:
    """One promise, one day: which count it lands in, and how late it was."""

    @pytest.mark.parametrize(
        ("event", "day", "outcome", "delay"),
        [
            # kept on the last day of a month window
            (
                promise("2026-04", ("2026-04-30", "2026-04-30", "happened")),
                "2026-06-01",
                "kept",
                None,
            ),
            # late by one day: the first window ended the day before
            (promise("2026-04", ("2026-05-01", "2026-05-01", "happened")), "2026-06-01", "late", 1),
            # happened early: kept (delay is negative, not late)
            (
                promise("2026-04", ("2026-03-20", "2026-03-20", "happened")),
                "2026-06-01",
                "kept",
                None,
            ),
            # a deadline kept: anything by the end of 2030 holds it
            (
                promise("by 2030", ("2029-06-01", "2029-06-01", "happened")),
                "2031-01-01",
                "kept",
                None,
            ),
            # a deadline missed by five days
            (
                promise("by end of 2026", ("2027-01-05", "2027-01-05", "happened")),
                "2027-02-01",
                "late",
                5,
            ),
            # a slip that still lands inside the first window (Q2): kept
            (
                promise(
                    "Q2 2026",
                    ("2026-04-01", "May 2026", None),
                    ("2026-05-20", "June 2026", None),
                    ("2026-06-15", "2026-06-15", "happened"),
                ),
                "2026-07-01",
                "kept",
                None,
            ),
            # a slip out of the first window: late against the first date, not the new one
            (
                promise(
                    "2026-04",
                    ("2026-04-20", "2026-05", None),
                    ("2026-05-10", "2026-05-10", "happened"),
                ),
                "2026-06-01",
                "late",
                10,
            ),
            # happened "in May" against "April": at least one day late
            (promise("2026-04", ("2026-06-01", "May 2026", "happened")), "2026-06-02", "late", 1),
            # cancelled: broken
            (promise("2026-04", ("2026-03-01", None, "cancelled")), "2026-03-02", "broken", None),
            # open, and its last possible day has passed: overdue, broken
            (promise("2026-04"), "2026-05-01", "broken", None),
            # open on its last day: pending
            (promise("2026-04"), "2026-04-30", "pending", None),
            # confirmed is a promise too
            (promise("2026-04-15", status="confirmed"), "2026-04-16", "broken", None),
            # approximate: "c. April" could fall in May, so not overdue until June
            (promise("c. April 2026"), "2026-05-31", "pending", None),
            (promise("c. April 2026"), "2026-06-01", "broken", None),
            # overdue against the date expected on the day (slipped to May), not the first
            (promise("2026-04", ("2026-04-20", "2026-05", None)), "2026-05-15", "pending", None),
            # open-ended promises are never late, never overdue
            (
                promise("no earlier than May 2026", ("2028-01-01", "2028-01-01", "happened")),
                "2028-02-01",
                "kept",
                None,
            ),
            (promise("after March 2026"), "2040-01-01", "pending", None),
            # as known on the day: the happening was stated later, so it is overdue then
            (
                promise("2026-04", ("2026-05-10", "2026-05-10", "happened")),
                "2026-05-05",
                "broken",
                None,
            ),
            # ... and late once it is known
            (
                promise("2026-04", ("2026-05-10", "2026-05-10", "happened")),
                "2026-05-10",
                "late",
                10,
            ),
            # first announced without a date: the first date given is the promise
            (
                promise(
                    "TBD",
                    ("2026-02-01", "April 2026", None),
                    ("2026-06-01", "2026-06-01", "happened"),
                ),
                "2026-07-01",
                "late",
                32,
            ),
            (
                promise(
                    "TBD",
                    ("2026-02-01", "April 2026", None),
                    ("2026-04-20", "2026-04-20", "happened"),
                ),
                "2026-07-01",
                "kept",
                None,
            ),
            # a date given only when it happened was never promised: not late
            (promise("TBD", ("2026-06-01", "2026-06-01", "happened")), "2026-07-01", "kept", None),
        ],
    )
    def test_outcome(self, event: Event, day: str, outcome: str, delay: int | None) -> None:
        record = Timeline([event]).track_record(as_of=day)
        row = record.total
        assert row.ids(outcome) == ("p",)  # type: ignore[arg-type]
        assert row.promises == 1
        assert score(event, to_date(day)) == outcome
        assert row.max_delay_days == delay
        assert row.delay_days == (() if delay is None else (delay,))

    @pytest.mark.parametrize(
        "event",
        [
            # first recorded as happened: a report, not a promise
            Event(title="p", when="2026-03", status="happened", sources=said("2026-03-05")),
            # first recorded as cancelled
            Event(title="p", when="2026-03", status="cancelled"),
            # announced after the day
            Event(title="p", when="2026-09", sources=said("2026-07-01")),
        ],
    )
    def test_not_a_promise(self, event: Event) -> None:
        record = Timeline([event]).track_record(as_of="2026-06-01")
        assert record.total.promises == 0
        assert len(record) == 0
        assert "no promises to score" in str(record)
        with pytest.raises(QueryError, match="not a promise known on 2026-06-01"):
            score(event, dt.date(2026, 6, 1))

    def test_an_undated_initial_statement_counts_as_always_known(self) -> None:
        event = Event(title="p", when="2026-04")
        assert Timeline([event]).track_record(as_of="1990-01-01").total.pending_ids == ("p",)


def to_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def happened(title: str, when: str, actual: str, **fields: object) -> Event:
    event = Event(title=title, when=when, sources=said("2026-01-05"), **fields)  # type: ignore[arg-type]
    return event.revise(stated=actual, when=actual, status="happened")


def sample() -> Timeline:
    """Three announcers: A keeps 2 of 3, B is late twice, C has one pending."""
    return Timeline(
        [
            happened("a1", "2026-03", "2026-03-31", actors=["A"], kind="launch", tags=["x"]),
            happened("a2", "2026-04", "2026-04-10", actors=["A", "B"], kind="launch"),
            Event(title="a3", when="2026-02", actors=["A"], sources=said("2026-01-05")).revise(
                stated="2026-02-10", status="cancelled"
            ),
            happened("b1", "2026-02", "2026-03-10", actors=["B"], kind="funding", tags=["x", "y"]),
            happened("b2", "2026-01-20", "2026-01-21", actors=["B"]),
            Event(title="c1", when="2026-12", actors=["C"], sources=said("2026-01-05")),
        ]
    )


class TestGroups:
    def test_several_actors_count_in_each_group_and_once_in_the_total(self) -> None:
        record = sample().track_record(as_of="2026-06-01")
        a, b, c = record.row("A"), record.row("B"), record.row("C")
        assert (a.kept_ids, a.late_ids, a.broken_ids, a.pending_ids) == (
            ("a1", "a2"),
            (),
            ("a3",),
            (),
        )
        assert (b.kept_ids, b.late_ids) == (("a2",), ("b2", "b1"))  # b2 sorts before b1
        assert b.delay_days == (1, 10)
        assert b.median_delay_days == 5.5
        assert b.max_delay_days == 10
        assert c.pending_ids == ("c1",)
        assert c.on_time_rate is None
        assert record.total.promises == 6  # a2 once, though it has two actors
        assert a.on_time_rate == pytest.approx(2 / 3)
        assert b.on_time_rate == pytest.approx(1 / 3)

    @pytest.mark.parametrize("by", ["actor", "tag", "kind", "publisher"])
    def test_names_that_differ_only_in_case_are_one_group(self, by: str) -> None:
        # as filter(actor="deepseek") finds both, the record counts them in one row,
        # under the spelling met first in timeline order
        first = Event(
            title="p",
            when="2026-04",
            actors=["DeepSeek"],
            tags=["LLM"],
            kind="Release",
            sources=[Source("a", publisher="Reuters", published="2026-01-05")],
        )
        second = Event(
            title="q",
            when="2026-05",
            actors=["deepseek"],
            tags=["llm"],
            kind="release",
            sources=[Source("a", publisher="reuters", published="2026-01-05")],
        )
        record = Timeline([first, second]).track_record(by=by, as_of="2026-03-01")  # type: ignore[arg-type]
        assert len(record) == 1
        (row,) = record
        assert row.pending_ids == ("p", "q")
        assert (
            row.group
            == {"actor": "DeepSeek", "tag": "LLM", "kind": "Release", "publisher": "Reuters"}[by]
        )

    @pytest.mark.parametrize("by", ["actor", "tag", "kind", "publisher"])
    def test_one_name_in_two_unicode_forms_is_one_group(self, by: str) -> None:
        # "Zürich" precomposed and "Zu" + a combining diaeresis (as macOS writes it)
        def event(title: str, name: str) -> Event:
            source = Source("a", publisher=name, published="2026-01-05")
            return Event(
                title=title, when="2026-04", actors=[name], tags=[name], kind=name,
                sources=[source],
            )  # fmt: skip

        tl = Timeline([event("p", "Zürich Labs"), event("q", "Zu\u0308rich labs")])
        record = tl.track_record(by=by, as_of="2026-03-01")  # type: ignore[arg-type]
        (row,) = record
        assert row.pending_ids == ("p", "q") and row.group == "Zürich Labs"
        assert record.row("zu\u0308rich LABS") is row

    def test_rows_sorted_by_on_time_rate_then_promises(self) -> None:
        record = sample().track_record(as_of="2026-06-01")
        assert [row.group for row in record] == ["A", "B", "C"]

    def test_ties_on_rate_go_to_more_promises(self) -> None:
        tl = Timeline(
            [
                happened("x1", "2026-03", "2026-03-01", actors=["Few"]),
                happened("y1", "2026-03", "2026-03-01", actors=["Many"]),
                happened("y2", "2026-03", "2026-03-02", actors=["Many"]),
            ]
        )
        assert [r.group for r in tl.track_record(as_of="2026-06-01")] == ["Many", "Few"]

    @pytest.mark.parametrize(
        ("by", "groups"),
        [
            ("kind", {"launch": 2, "funding": 1, "(no kind)": 3}),
            ("tag", {"x": 2, "y": 1, "(no tag)": 4}),
            ("precision", {"month": 5, "day": 1}),
            ("publisher", {"Wire": 6}),
            ("actor", {"A": 3, "B": 3, "C": 1}),
        ],
    )
    def test_by(self, by: str, groups: dict[str, int]) -> None:
        record = sample().track_record(by=by, as_of="2026-06-01")  # type: ignore[arg-type]
        assert {row.group: row.promises for row in record} == groups
        assert record.by == by

    def test_by_a_function(self) -> None:
        def quarter(event: Event) -> str:
            return f"Q{(event.first_expected.earliest.month + 2) // 3}"  # type: ignore[union-attr]

        record = sample().track_record(by=quarter, as_of="2026-06-01")
        assert record.by == "quarter"
        assert {row.group: row.promises for row in record} == {"Q1": 4, "Q2": 1, "Q4": 1}

    def test_by_unknown(self) -> None:
        with pytest.raises(QueryError, match=r"by='sector' is not a grouping; use one of actor"):
            sample().track_record(by="sector")  # type: ignore[arg-type]

    def test_row_lookup(self) -> None:
        record = sample().track_record(as_of="2026-06-01")
        assert record.row("a") is record.row("A")
        assert record.row("(all)") is record.total
        with pytest.raises(QueryError, match=r"no group 'Z' .* the groups are 'A', 'B', 'C'"):
            record.row("Z")

    def test_slips_and_notice(self) -> None:
        slipped = promise(
            "2026-04", ("2026-04-20", "2026-05", None), ("2026-05-20", "2026-06", None)
        )
        steady = Event(title="q", when="2026-03", sources=said("2026-01-31"))
        undated = Event(title="r", when="2026-03")  # no dated statement: no notice
        record = Timeline([slipped, steady, undated]).track_record(as_of="2026-04-25")
        # as of 25 April only the first slip was stated
        assert record.total.slips == 1
        assert record.total.slips_per_promise == pytest.approx(1 / 3)
        # 2026-01-05 -> 2026-04-30 is 115 days; 2026-01-31 -> 2026-03-31 is 59 days
        assert record.total.mean_notice_days == pytest.approx((115 + 59) / 2)

    def test_notice_of_a_date_first_given_by_a_claim_counts_from_that_claim(self) -> None:
        # announced undated on 5 January; "April 2026" said on 1 February: 88 days' notice
        record = Timeline([promise("TBD", ("2026-02-01", "April 2026", None))]).track_record(
            as_of="2026-03-01"
        )
        assert record.total.mean_notice_days == 88
        assert [
            r.group
            for r in Timeline([promise("TBD", ("2026-02-01", "April 2026", None))]).track_record(
                as_of="2026-03-01", by="precision"
            )
        ] == ["month"]

    def test_open_ended_promises_have_no_notice(self) -> None:
        record = Timeline([promise("after March 2026")]).track_record(as_of="2026-06-01")
        assert record.total.mean_notice_days is None


class TestOutput:
    def test_default_day_is_today_and_said(self) -> None:
        record = sample().track_record()
        assert record.as_of == dt.date.today()
        assert str(dt.date.today()) in str(record)

    def test_bad_day(self) -> None:
        with pytest.raises(TimelineError, match="as_of: 'Aprill 2026'"):
            sample().track_record(as_of="Aprill 2026")

    def test_immutable(self) -> None:
        record = sample().track_record(as_of="2026-06-01")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            record.by = "kind"  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            record.total.slips = 3  # type: ignore[misc]

    def test_table_is_aligned(self) -> None:
        tl = sample() + Timeline(
            [happened("z1", "2026-03", "2026-03-02", actors=["腾讯"])]  # two columns a character
        )
        lines = str(tl.track_record(as_of="2026-06-01")).splitlines()
        assert lines[0] == (
            "As of 2026-06-01, 7 promises: 3 kept, 2 late, 1 broken, 1 pending (50% on time)."
        )
        header, *rows = lines[1:]
        assert header.split()[:3] == ["ACTOR", "PROMISES", "KEPT"]
        assert [r.split()[0] for r in rows] == ["腾讯", "A", "B", "C", "(all)"]
        # right-aligned numbers: every row's ON TIME cell ends where the header's does
        end = header.index("ON TIME") + len("ON TIME")
        from timeline.model._columns import columns as _width

        for row in rows:
            cut = next(i for i in range(len(row) + 1) if _width(row[:i]) == end)
            assert row[:cut].endswith(("%", "-")), row
        assert rows[0].split()[1:7] == ["1", "1", "0", "0", "0", "100%"]
        assert rows[2].split()[1:10] == ["3", "1", "2", "0", "0", "33%", "5.5", "days", "10"]

    def test_all_pending_is_one_line(self) -> None:
        record = sample().track_record(as_of="2026-01-06")
        assert str(record) == (
            "As of 2026-01-06, all 6 promises are pending: "
            "none has come due, happened or been cancelled."
        )

    def test_bundled_dataset_on_its_publication_day(self) -> None:
        from timeline import datasets

        tl = datasets.ai_race_2026()
        day = next(e.stated for e in tl if e.stated is not None)
        assert str(day) == "c. March 2026"
        text = str(tl.track_record(as_of=day))
        assert len(text.splitlines()) == 1
        assert text.startswith("As of 2026-03-01, all ")
        assert "promises are pending" in text

    def test_records_are_json_ready(self) -> None:
        records = sample().track_record(as_of="2026-06-01").to_records()
        back = json.loads(json.dumps(records))
        b = next(r for r in back if r["group"] == "B")
        assert b["late"] == 2
        assert b["ids"] == {"kept": ["a2"], "late": ["b2", "b1"], "broken": [], "pending": []}
        assert b["delay_days"] == {"b2": 1, "b1": 10}
        assert b["on_time_rate"] == pytest.approx(1 / 3)

    def test_pandas(self) -> None:
        frame = sample().track_record(as_of="2026-06-01").to_pandas()
        assert list(frame["group"]) == ["A", "B", "C"]
        assert str(frame["kept"].dtype) == "int64"
        assert str(frame["on_time_rate"].dtype) == "float64"
        assert frame["on_time_rate"].isna().tolist() == [False, False, True]

    def test_html_escapes(self) -> None:
        tl = Timeline([happened("x", "2026-03", "2026-03-02", actors=["<A&B>"])])
        page = tl.track_record(as_of="2026-06-01")._repr_html_()
        assert "&lt;A&amp;B&gt;" in page
        assert "<A&B>" not in page
        assert page.count("<tr") == 3  # the header, one group, the total

    def test_repr(self) -> None:
        record = sample().track_record(as_of="2026-06-01")
        assert repr(record) == "<TrackRecord by actor as of 2026-06-01: 3 groups, 6 promises>"
        assert isinstance(record, TrackRecord)


# -- properties ------------------------------------------------------------------------------


@SETTINGS
@given(tracked(), DAYS, st.sampled_from(["actor", "kind", "tag", "precision", "publisher"]))
def test_counts_partition_the_promises(tl: Timeline, day: dt.date, by: str) -> None:
    record = tl.track_record(by=by, as_of=day)  # type: ignore[arg-type]
    known = [e.as_of(day) for e in tl]
    promises = {e.id for e in known if e is not None and e.initial_status.is_open}
    total = record.total
    parts = [set(total.ids(o)) for o in ("kept", "late", "broken", "pending")]
    assert sum(map(len, parts)) == total.promises == len(promises)
    assert set().union(*parts) == promises
    for row in record:
        ids = [i for o in ("kept", "late", "broken", "pending") for i in row.ids(o)]
        assert len(ids) == len(set(ids)) == row.promises
        assert set(ids) <= promises
        assert row.kept + row.late + row.broken + row.pending == row.promises
        assert all(d > 0 for d in row.delay_days)
        assert len(row.delay_days) == row.late
        # each promise is in the same count in every group it belongs to
        for outcome in ("kept", "late", "broken", "pending"):
            assert set(row.ids(outcome)) <= set(total.ids(outcome))


@SETTINGS
@given(tracked(), DAYS, st.lists(CLAIMS, max_size=3))
def test_as_of_never_uses_a_later_claim(tl: Timeline, day: dt.date, extra: list[Claim]) -> None:
    record = tl.track_record(as_of=day)
    # Claims stated after the day, added or removed, change nothing.
    later = [c for c in extra if c.day > day]
    more = Timeline(attrs.evolve(e, claims=(*e.claims, *later)) for e in tl)
    fewer = Timeline(attrs.evolve(e, claims=[c for c in e.claims if c.day <= day]) for e in tl)
    assert more.track_record(as_of=day) == record
    assert fewer.track_record(as_of=day) == record
    # ... and it is the record of the timeline as known on the day.
    assert tl.as_of(day).track_record(as_of=day) == record


@SETTINGS
@given(tracked(), DAYS)
def test_grouping_by_a_function_equals_filtering_then_scoring(tl: Timeline, day: dt.date) -> None:
    # Depends on the state as known on the day, so the replay must come first.
    key: Callable[[Event], str] = lambda e: f"{e.status.value}/{e.kind}"  # noqa: E731
    record = tl.track_record(by=key, as_of=day)
    known = tl.as_of(day)
    for row in record:
        alone = known.filter(where=lambda e, g=row.group: key(e) == g)  # type: ignore[misc]
        assert attrs.evolve(alone.track_record(by=key, as_of=day).total, group=row.group) == row
    groups = {key(e) for e in known if e.initial_status.is_open}
    assert {row.group for row in record} == groups
