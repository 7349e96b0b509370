"""`Timeline`: order, the collection protocol and every query, with mixed precisions."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from data_strategies import timelines
from fuzzing import examples
from timeline import (
    DuplicateEventError,
    Event,
    EventChange,
    QueryError,
    Source,
    Status,
    Timeline,
    TimelineDiff,
    TimelineError,
    When,
)

D = pendulum.date
UTC8 = pendulum.fixed_timezone(8 * 3600)
UTC14 = pendulum.fixed_timezone(14 * 3600)
UTC_12 = pendulum.fixed_timezone(-12 * 3600)
APRIL = When.month(2026, 4)


def instant(*args: int, tz: Any) -> When:
    return When.instant(pendulum.datetime(*args, tz=tz))


def ev(id: str, when: Any, **kw: Any) -> Event:
    return Event(id=id, title=kw.pop("title", id.replace("-", " ").title()), when=when, **kw)


def ids(tl: Timeline) -> list[str]:
    return [e.id for e in tl]


# The precisions that make window queries hard, one event each.
MIXED = {
    "day-apr-15": When.day(2026, 4, 15),
    "month-apr": APRIL,
    "q2": When.quarter(2026, 2),
    "year-2026": When.year(2026),
    "by-2026": When.year(2026).by(),
    "by-2025": When.year(2025).by(),
    "after-mar": When.month(2026, 3).after(),
    "before-2026": When.year(2026).before(),
    "open-from-mar": When.interval(When.month(2026, 3), "open"),
    "open-to-mar": When.interval("open", When.month(2026, 3)),
    "unknown-to-may": When.interval("unknown", When.month(2026, 5)),
    # 23:00 on 30 April at UTC-12 is 1 May 11:00 UTC; it counts on its local date
    "late-apr-30-utc-12": instant(2026, 4, 30, 23, tz=UTC_12),
    # 01:00 on 1 May at UTC+14 is 30 April 11:00 UTC; it counts on 1 May
    "early-may-1-utc14": instant(2026, 5, 1, 1, tz=UTC14),
    "apr-15-10h-utc8": instant(2026, 4, 15, 10, tz=UTC8),
    "may": When.month(2026, 5),
    "march": When.month(2026, 3),
}
# Values that overlap any window from 2026 on, and any window in 2026.
OPEN_ENDED = {"year-2026", "by-2026", "after-mar", "open-from-mar"}
WIDE_2026 = OPEN_ENDED | {"unknown-to-may"}
ON_APR_15 = {"day-apr-15", "month-apr", "q2", "apr-15-10h-utc8"} | WIDE_2026
FORUM = ev("forum", When.day(2026, 3, 24), end=When.day(2026, 3, 27))
MIXED_TL = Timeline([ev(k, w) for k, w in MIXED.items()] + [FORUM])


class TestOrder:
    def test_sorted_by_when_then_id(self) -> None:
        tl = Timeline(
            [
                ev("b", APRIL),
                ev("a", APRIL),
                ev("deadline", When.year(2030).by()),
                ev("year", When.year(2030)),
                ev("day", When.day(2026, 4, 1)),
                ev("q1", When.quarter(2026, 1)),
            ]
        )
        # same start: the shorter span first; same when: by id;
        # a deadline sorts at its deadline, after the year it closes
        assert ids(tl) == ["q1", "day", "a", "b", "year", "deadline"]

    def test_shuffled_input_gives_the_same_order(self) -> None:
        events = list(MIXED_TL)
        for seed in range(5):
            random.Random(seed).shuffle(events)
            assert ids(Timeline(events)) == ids(MIXED_TL)

    def test_current_date_orders(self) -> None:
        moved = ev("moved", APRIL).revise(when="2026-06", stated="2026-04-20")
        assert ids(Timeline([moved, ev("may", When.month(2026, 5))])) == ["may", "moved"]


class TestDuplicates:
    def test_duplicate_ids_name_both_events(self) -> None:
        with pytest.raises(DuplicateEventError) as err:
            Timeline([ev("hy3", APRIL, title="Hybrid 3"), ev("hy3", "2026-05", title="HY3 again")])
        message = str(err.value)
        assert "'hy3'" in message
        assert "'Hybrid 3'" in message
        assert "'HY3 again'" in message
        assert isinstance(err.value, ValueError)
        assert isinstance(err.value, TimelineError)

    def test_add_and_plus_check_ids(self) -> None:
        tl = Timeline([ev("a", APRIL)])
        with pytest.raises(DuplicateEventError):
            tl.add(ev("a", "2027"))
        with pytest.raises(DuplicateEventError):
            tl + Timeline([ev("a", "2027")])

    def test_only_events(self) -> None:
        with pytest.raises(TypeError, match="Event"):
            Timeline(["not an event"])  # type: ignore[list-item]


class TestCollection:
    tl = Timeline([ev("a", "2026-04"), ev("b", "2026-05"), ev("c", "2026-06")], name="AI race")

    def test_len_iter_index(self) -> None:
        assert len(self.tl) == 3
        assert ids(self.tl) == ["a", "b", "c"]
        assert self.tl["b"].id == "b"
        assert self.tl[0].id == "a"
        assert self.tl[-1].id == "c"
        assert self.tl.events == tuple(self.tl)

    def test_missing_id(self) -> None:
        with pytest.raises(KeyError, match="'zz'"):
            self.tl["zz"]
        assert self.tl.get("zz") is None
        default = ev("d", "2027")
        assert self.tl.get("zz", default) is default

    @pytest.mark.parametrize(
        ("key", "expected"),
        [
            (slice(1, None), ["b", "c"]),
            (slice(None, 2), ["a", "b"]),
            (slice(None, None, 2), ["a", "c"]),
            # a reversed slice is put back in timeline order
            (slice(None, None, -1), ["a", "b", "c"]),
            (slice(5, None), []),
        ],
    )
    def test_slices(self, key: slice, expected: list[str]) -> None:
        part = self.tl[key]
        assert isinstance(part, Timeline)
        assert ids(part) == expected
        assert part.name == "AI race"

    def test_contains(self) -> None:
        assert "a" in self.tl
        assert "zz" not in self.tl
        assert self.tl["a"] in self.tl
        assert ev("a", "2030") not in self.tl  # same id, another event
        assert 3 not in self.tl

    def test_plus_and_add_return_new_timelines(self) -> None:
        more = self.tl + Timeline([ev("early", "2025")])
        assert ids(more) == ["early", "a", "b", "c"]
        assert more.name == "AI race"
        added = self.tl.add(ev("mid", When.day(2026, 5, 15)))
        assert ids(added) == ["a", "b", "mid", "c"]
        assert ids(self.tl) == ["a", "b", "c"]
        with pytest.raises(TypeError):
            self.tl + [ev("x", "2026")]  # type: ignore[operator]  # noqa: RUF005

    def test_equality_and_empty(self) -> None:
        assert Timeline(reversed(list(self.tl)), name="AI race") == self.tl
        assert Timeline(self.tl) != self.tl  # the name differs
        assert not Timeline()
        assert repr(self.tl) == "<Timeline of 3 events, name='AI race'>"


TRACKER = Timeline(
    [
        ev(
            "hy3",
            APRIL,
            title="Tencent Hybrid Model 3.0 release",
            kind="model-release",
            actors=["Tencent"],
            tags=["llm", "open-weights"],
            description="Slated for an April release",
            sources=[Source("article", quote="Hybrid Model 3.0 is slated for April")],
        ),
        ev(
            "v4",
            APRIL,
            title="DeepSeek V4 release",
            kind="Model-Release",
            actors=["DeepSeek"],
            tags=["LLM"],
            status="confirmed",
        ),
        ev(
            "gz",
            When.year(2030).by(),
            title="Guangzhou 10,000 AI-plus enterprises",
            kind="policy-target",
            actors=["Guangzhou", "Guangdong"],
        ),
        ev(
            "keling",
            When.year(2025),
            title="KeLing ARR passes $300M",
            kind="metric",
            actors=["Kuaishou"],
            status="happened",
        ),
        ev("forum", When.day(2026, 3, 24), end="2026-03-27", title="Boao forum", status="happened"),
    ]
)


class TestFilter:
    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            # one value, any case
            ({"status": "expected"}, ["hy3", "gz"]),
            ({"status": Status.HAPPENED}, ["keling", "forum"]),
            ({"status": "CONFIRMED"}, ["v4"]),
            # a collection means any of its values
            ({"status": ["confirmed", Status.HAPPENED]}, ["keling", "forum", "v4"]),
            ({"status": ()}, []),
            ({"kind": "model-release"}, ["hy3", "v4"]),
            ({"kind": {"metric", "policy-target"}}, ["keling", "gz"]),
            # an event with no kind matches no kind
            ({"kind": "forum"}, []),
            ({"actor": "tencent"}, ["hy3"]),
            # any of an event's actors
            ({"actor": "GUANGDONG"}, ["gz"]),
            ({"actor": ["DeepSeek", "Kuaishou"]}, ["keling", "v4"]),
            ({"tag": "llm"}, ["hy3", "v4"]),
            ({"tag": ("open-weights",)}, ["hy3"]),
            # text searches title, description, actors and source quotes
            ({"text": "hybrid"}, ["hy3"]),
            ({"text": "SLATED FOR"}, ["hy3"]),
            ({"text": "kuaishou"}, ["keling"]),
            ({"text": "is slated for april"}, ["hy3"]),
            ({"text": "release"}, ["hy3", "v4"]),
            ({"text": "nothing like this"}, []),
            # any predicate
            ({"where": lambda e: e.end is not None}, ["forum"]),
            # criteria combine: all must hold
            ({"kind": "model-release", "status": "expected"}, ["hy3"]),
            ({"actor": "Tencent", "tag": "metric"}, []),
            # no criteria: everything
            ({}, ["keling", "forum", "hy3", "v4", "gz"]),
        ],
    )
    def test_filter_and_exclude(self, kwargs: dict[str, Any], expected: list[str]) -> None:
        kept = TRACKER.filter(**kwargs)
        assert ids(kept) == [i for i in ids(TRACKER) if i in expected]
        # exclude keeps exactly the rest, except that no criteria excludes nothing
        rest = TRACKER.exclude(**kwargs)
        if kwargs:
            assert ids(rest) == [i for i in ids(TRACKER) if i not in expected]
        else:
            assert ids(rest) == ids(TRACKER)

    # Text from different sources spells one name in different Unicode forms: "Zürich"
    # precomposed, or "Zu" + a combining diaeresis (macOS, some web pages). They did not
    # match; a search without the accents ("zurich", "istanbul") found nothing either.
    ACCENTED = Timeline(
        [
            Event(title="Zürich AI summit", when="2026", actors=["ETH Zürich"], tags=["Forschung"]),
            Event(title="İstanbul launch", when="2026", actors=["Türk Telekom"]),
            Event(title="Cafe\u0301 opening", when="2026", actors=["Cafe\u0301 Co"], kind="Café"),
        ]
    )

    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            ({"text": "Zu\u0308rich"}, ["zurich-ai-summit"]),  # decomposed finds precomposed
            ({"text": "zurich"}, ["zurich-ai-summit"]),  # a search ignores accents
            ({"text": "ZÜRICH"}, ["zurich-ai-summit"]),
            ({"text": "istanbul"}, ["istanbul-launch"]),
            ({"text": "café"}, ["cafe-opening"]),  # precomposed finds decomposed
            ({"text": "cafe"}, ["cafe-opening"]),
            ({"actor": "ETH Zu\u0308rich"}, ["zurich-ai-summit"]),  # names: same in any form
            ({"actor": "café co"}, ["cafe-opening"]),
            ({"kind": "cafe\u0301"}, ["cafe-opening"]),
            ({"tag": "forschung"}, ["zurich-ai-summit"]),
        ],
    )
    def test_unicode_forms_match(self, kwargs: dict[str, Any], expected: list[str]) -> None:
        assert ids(self.ACCENTED.filter(**kwargs)) == expected

    def test_names_keep_their_accents(self) -> None:
        # a name is not a search: "Turk Telekom" is another name than "Türk Telekom"
        assert ids(self.ACCENTED.filter(actor="Turk Telekom")) == []

    def test_queries_chain(self) -> None:
        chained = TRACKER.filter(kind="model-release").exclude(actor="deepseek").on("2026-04-10")
        assert ids(chained) == ["hy3"]

    @pytest.mark.parametrize("status", ["planned", ["expected", "slipped"]])
    def test_unknown_status_raises(self, status: Any) -> None:
        with pytest.raises(QueryError, match="is not a status"):
            TRACKER.filter(status=status)
        with pytest.raises(ValueError, match="is not a status"):
            TRACKER.exclude(status=status)


# (event id, overlapping April 2026, included in April 2026)
APRIL_CASES = [
    # a day inside the month: could fall in it, and certainly does
    ("day-apr-15", True, True),
    ("month-apr", True, True),
    # a quarter holding April: could be in April, not certainly
    ("q2", True, False),
    ("year-2026", True, False),
    # a deadline is unbounded below
    ("by-2026", True, False),
    ("by-2025", False, False),
    ("after-mar", True, False),
    ("before-2026", False, False),
    ("open-from-mar", True, False),
    ("open-to-mar", False, False),
    ("unknown-to-may", True, False),
    # instants: inside by their local date; against a floating month they could
    # fall in it whenever some offset's reading of the month holds them (issue 11 §1)
    ("late-apr-30-utc-12", True, True),
    ("early-may-1-utc14", True, False),
    ("apr-15-10h-utc8", True, True),
    ("may", False, False),
    ("march", False, False),
    ("forum", False, False),
]


class TestWindows:
    @pytest.mark.parametrize(("id", "overlaps", "inside"), APRIL_CASES)
    def test_april(self, id: str, overlaps: bool, inside: bool) -> None:
        assert (id in MIXED_TL.overlapping(APRIL)) is overlaps
        assert (id in MIXED_TL.included(APRIL)) is inside

    def test_every_case_is_listed(self) -> None:
        assert sorted(i for i, _, _ in APRIL_CASES) == sorted(ids(MIXED_TL))

    @pytest.mark.parametrize(
        "window",
        [
            APRIL,
            "2026-04",
            (When.day(2026, 4, 1), When.day(2026, 4, 30)),
            ("2026-04-01", "2026-04-30"),
            (dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
            (D(2026, 4, 1), "2026-04-30"),
        ],
    )
    def test_window_arguments(self, window: Any) -> None:
        args = window if isinstance(window, tuple) else (window,)
        expected_overlap = [i for i, overlaps, _ in APRIL_CASES if overlaps]
        expected_inside = [i for i, _, inside in APRIL_CASES if inside]
        assert sorted(ids(MIXED_TL.overlapping(*args))) == sorted(expected_overlap)
        assert sorted(ids(MIXED_TL.included(*args))) == sorted(expected_inside)

    @pytest.mark.parametrize(
        ("args", "overlapping", "included"),
        [
            # a day against a month: the month could fall on it, not certainly
            (("2026-04-15",), ON_APR_15, {"day-apr-15", "apr-15-10h-utc8"}),
            # an instant window against days: by its local date (15 April in UTC+8)
            ((instant(2026, 4, 15, 10, tz=UTC8),), ON_APR_15, None),
            # from 1 May to the end of the year; 30 April 23:00 at UTC-12 is already
            # 1 May in UTC, so it could fall in it (issue 11 §1)
            (
                ("2026-05-01", "2026-12-31"),
                {"q2", "may", "early-may-1-utc14", "late-apr-30-utc-12", "unknown-to-may"}
                | OPEN_ENDED,
                {"may", "early-may-1-utc14"},
            ),
            # a deadline as the window runs from the beginning of time
            (
                (When.month(2026, 3).by(),),
                {"march", "open-to-mar", "before-2026", "by-2025", "forum", "unknown-to-may"}
                | {"year-2026", "by-2026", "open-from-mar"},
                {"march", "open-to-mar", "before-2026", "by-2025", "forum"},
            ),
            # instants bound the window: 30 April 10:00 UTC to 1 May 12:00 at UTC+14
            # (30 April 22:00 UTC). Floating days could fall in it when some offset's
            # reading does (May starts at 30 April 10:00 UTC at UTC+14); instants
            # compare in UTC: the UTC-12 one is at 1 May 11:00 UTC, outside.
            (
                (
                    pendulum.datetime(2026, 4, 30, 10, tz="UTC"),
                    pendulum.datetime(2026, 5, 1, 12, tz=UTC14),
                ),
                {"month-apr", "may", "q2", "early-may-1-utc14", "unknown-to-may"} | OPEN_ENDED,
                {"early-may-1-utc14"},
            ),
            # the forum's days overlap the 26th; nothing lies inside one day of it
            (
                ("2026-03-26",),
                {"forum", "march", "year-2026", "by-2026", "open-from-mar", "open-to-mar"}
                | {"unknown-to-may"},
                set(),
            ),
        ],
    )
    def test_mixed_windows(
        self, args: tuple[Any, ...], overlapping: set[str], included: set[str] | None
    ) -> None:
        assert set(ids(MIXED_TL.overlapping(*args))) == overlapping
        if included is not None:
            assert set(ids(MIXED_TL.included(*args))) == included

    def test_included_march_holds_the_forum(self) -> None:
        assert "forum" in MIXED_TL.included("2026-03")

    def test_window_queries_keep_timeline_order(self) -> None:
        found = MIXED_TL.overlapping("2026")
        assert ids(found) == [i for i in ids(MIXED_TL) if i in set(ids(found))]

    def test_window_argument_of_another_type(self) -> None:
        with pytest.raises(TypeError, match="start"):
            MIXED_TL.overlapping(2026)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            ("2026-04-15", ON_APR_15),
            # a floating day spans every offset: both instants near midnight could
            # fall on either day (issue 11 §1; it was by local date only)
            (
                D(2026, 4, 30),
                {"month-apr", "q2", "late-apr-30-utc-12", "early-may-1-utc14"} | WIDE_2026,
            ),
            (
                dt.date(2026, 5, 1),
                {"may", "q2", "early-may-1-utc14", "late-apr-30-utc-12"} | WIDE_2026,
            ),
        ],
    )
    def test_on(self, day: Any, expected: set[str]) -> None:
        assert set(ids(MIXED_TL.on(day))) == expected

    @pytest.mark.parametrize(
        ("moment", "expected"),
        [
            # certainly starts after April ends; "after March" starts on 1 April: no.
            # 1 May 01:00 at UTC+14 is 30 April 11:00 UTC: April read at UTC-12 is
            # not over yet (issue 11 §1: a floating day spans every offset)
            ("2026-04", {"may"}),
            # after 14 April; 15 April 10:00 at UTC+8 (02:00 UTC) is before 14 April
            # ends at UTC-12
            (
                "2026-04-14",
                {"day-apr-15", "late-apr-30-utc-12", "may", "early-may-1-utc14"},
            ),
            ("2026-04-30", {"may"}),
            # an instant: other instants compare in UTC (the UTC+14 one is at 11:00
            # UTC, before it; the UTC-12 one at 1 May 11:00 UTC, after it); May
            # starts at 30 April 10:00 UTC when read at UTC+14
            (
                When.instant(pendulum.datetime(2026, 4, 30, 12, tz="UTC")),
                {"late-apr-30-utc-12"},
            ),
            # unbounded moments: nothing certainly starts after them
            (When.year(2026).after(), set()),
            ("2027", set()),
        ],
    )
    def test_start_after(self, moment: Any, expected: set[str]) -> None:
        assert set(ids(MIXED_TL.start_after(moment))) == expected

    @pytest.mark.parametrize(
        ("moment", "expected"),
        [
            # certainly over before April starts
            (
                "2026-04",
                {"march", "open-to-mar", "before-2026", "by-2025", "forum"},
            ),
            # before 1 May: 30 April 23:00 at UTC-12 is 1 May 11:00 UTC, after 1 May
            # starts at UTC+14 (issue 11 §1: was counted by its local date)
            (
                "2026-05-01",
                {
                    "march",
                    "open-to-mar",
                    "before-2026",
                    "by-2025",
                    "forum",
                    "day-apr-15",
                    "month-apr",
                    "apr-15-10h-utc8",
                },
            ),
            ("2026-03-26", {"before-2026", "by-2025"}),
            # unbounded below: nothing certainly ends before it
            (When.year(2026).by(), set()),
        ],
    )
    def test_before(self, moment: Any, expected: set[str]) -> None:
        assert set(ids(MIXED_TL.before(moment))) == expected


class TestWindowBounds:
    """A bound with no date on the side the window uses is refused, not read as open.

    "TBD", or an interval's unknown end, says nothing about where a window starts
    or stops: reading it as unbounded answered a different question (everything).
    An open end (`..`, "before X", "after X", a deadline) is a bound and is kept.
    """

    @pytest.mark.parametrize(
        ("call", "says"),
        [
            # an undated value, as text (quoted as given) or as a When
            (lambda tl: tl.overlapping("TBD"), "overlapping: start 'TBD' has no date"),
            (lambda tl: tl.overlapping(When.undated()), "start 'date not announced' has no"),
            (lambda tl: tl.overlapping("TBD", "2026"), "overlapping: start 'TBD' has no date"),
            (lambda tl: tl.overlapping("2026", "TBD"), "overlapping: end 'TBD' has no date"),
            (lambda tl: tl.included("TBD"), "included: start 'TBD' has no date"),
            (lambda tl: tl.included("2026", When.undated()), "included: end 'date not"),
            (lambda tl: tl.on("TBD"), "on: day 'TBD' has no date"),
            (lambda tl: tl.start_after("TBD"), "start_after: moment 'TBD' has no date"),
            (lambda tl: tl.before("TBD"), "before: moment 'TBD' has no date"),
            # an unknown interval end, on the side the window uses
            (lambda tl: tl.overlapping("2026", "2027/"), "end '2027/' has an unknown end"),
            (lambda tl: tl.overlapping("/2026", "2027"), "start '/2026' has an unknown start"),
            (lambda tl: tl.overlapping("2026/"), "start '2026/' has an unknown end"),
            (lambda tl: tl.included("2026/"), "included: start '2026/' has an unknown end"),
            (lambda tl: tl.start_after("2026/"), "moment '2026/' has an unknown end"),
            (lambda tl: tl.before("/2026"), "moment '/2026' has an unknown start"),
        ],
    )
    def test_an_undated_bound_is_refused(self, call: Any, says: str) -> None:
        with pytest.raises(QueryError) as info:
            call(MIXED_TL)
        message = str(info.value)
        assert says in message
        # and the fix: a date, or an open end written as one
        assert "give a date such as '2026-04'" in message
        assert "'2026/..'" in message

    @pytest.mark.parametrize(
        "call",
        [
            # the other side of a half-unknown interval is dated: that is all these use
            lambda tl: tl.before("2026/"),
            lambda tl: tl.start_after("/2026"),
            lambda tl: tl.overlapping("2026/", "2027"),
            lambda tl: tl.overlapping("2025", "/2026"),
        ],
    )
    def test_the_dated_side_of_a_bound_is_enough(self, call: Any) -> None:
        call(MIXED_TL)  # no error

    @pytest.mark.parametrize(
        ("window", "same_as"),
        [
            # an open end is a bound: the window runs on for ever, or from the beginning
            (("2026-04", "2026-04/.."), ("2026-04", "after March 2026")),
            (("../2026-04", "2026-04"), ("before May 2026", "2026-04")),
            (("2026-04", "after March 2026"), ("2026-04", "2026-04/..")),
        ],
    )
    def test_an_open_end_is_a_bound(
        self, window: tuple[str, str], same_as: tuple[str, str]
    ) -> None:
        found = ids(MIXED_TL.overlapping(*window))
        assert found == ids(MIXED_TL.overlapping(*same_as))
        # an open end reaches events on that side the other bound alone does not
        assert set(found) > set(ids(MIXED_TL.overlapping("2026-04")))

    @pytest.mark.parametrize(
        ("query", "start", "end"),
        [
            ("overlapping", "2027", "2026"),
            ("included", "2027", "2026"),
            ("overlapping", "2026-04-16", "2026-04-15"),
            # an instant after the day it is set against, by its local clock
            ("overlapping", instant(2026, 4, 16, 1, tz=UTC14), "2026-04-15"),
            ("included", "after 2030", "before 2020"),
        ],
    )
    def test_a_window_that_ends_before_it_starts_is_refused(
        self, query: str, start: Any, end: Any
    ) -> None:
        with pytest.raises(QueryError, match=f"{query}: end .* ends before start .* starts; give"):
            getattr(MIXED_TL, query)(start, end)

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            # from 10:00 on 15 April to (the end of) 15 April: a window of that day
            (instant(2026, 4, 15, 10, tz=UTC8), "2026-04-15"),
            ("2026-04-15", instant(2026, 4, 15, 10, tz=UTC8)),
            # a qualified start whose plain bounds come first
            ("c. April 2026", "2026-04-30"),
        ],
    )
    def test_a_window_within_one_day_is_not_backwards(self, start: Any, end: Any) -> None:
        assert "apr-15-10h-utc8" in MIXED_TL.overlapping(start, end)


UPCOMING = Timeline(
    [
        ev("year-2026", When.year(2026)),
        ev("by-end-april", When.month(2026, 4).by()),
        ev("by-2030", When.year(2030).by()),
        ev("april", APRIL),
        ev("june", When.month(2026, 6)),
        ev("july", When.month(2026, 7)),
        ev("q3", When.quarter(2026, 3)),
        # ends after as_of: still upcoming
        ev("march", When.month(2026, 3)),
        ev("february", When.month(2026, 2)),
        ev("happened", APRIL, status="happened"),
        ev("cancelled", APRIL, status="cancelled"),
        ev("confirmed", APRIL, status="confirmed"),
        ev("before-2027", When.year(2027).before()),
        ev("after-march", When.month(2026, 3).after()),
        ev("instant", instant(2026, 4, 15, 10, tz=UTC8)),
        ev("december", When.month(2026, 12)),
        ev("unknown", When.interval("unknown", "unknown")),
    ]
)
AS_OF = D(2026, 3, 28)


class TestUpcoming:
    def test_default_ninety_days(self) -> None:
        # March 28 + 90 days is June 26: June starts in time, July does not
        assert set(ids(UPCOMING.upcoming(as_of=AS_OF))) == {
            "year-2026",
            "by-end-april",
            "april",
            "june",
            "march",
            "confirmed",
            "after-march",
            "instant",
        }

    @pytest.mark.parametrize(
        ("within", "id", "upcoming"),
        [
            # "by 2030" is not upcoming in March 2026; "2026" and "by end of April" are
            ("90 days", "by-2030", False),
            ("90 days", "year-2026", True),
            ("90 days", "by-end-april", True),
            # ints are days; April starts on day 4 after March 28
            (3, "april", False),
            (4, "april", True),
            (dt.timedelta(days=3), "april", False),
            (dt.timedelta(days=4), "april", True),
            ("4 days", "april", True),
            ("4d", "april", True),
            ("1w", "april", True),
            ("1 month", "april", True),
            # 12 weeks is June 20, 9 weeks May 30
            ("12w", "june", True),
            ("9 weeks", "june", False),
            # calendar months: 3 months is June 28
            ("3 months", "june", True),
            ("2 months", "june", False),
            ("1y", "december", True),
            ("1 year", "by-2030", False),
            ("5 years", "by-2030", True),
            (0, "march", True),
            (0, "april", False),
            # nothing known at all sorts last: never upcoming
            ("5 years", "unknown", False),
        ],
    )
    def test_within(self, within: Any, id: str, upcoming: bool) -> None:
        assert (id in UPCOMING.upcoming(as_of=AS_OF, within=within)) is upcoming

    @pytest.mark.parametrize(
        "within",
        ["soon", "3 fortnights", "-3 days", "", -1, dt.timedelta(days=-1), 1.5, None],
    )
    def test_bad_within(self, within: Any) -> None:
        with pytest.raises(QueryError, match="within"):
            UPCOMING.upcoming(as_of=AS_OF, within=within)

    @pytest.mark.parametrize("as_of", ["2026-03-28", dt.date(2026, 3, 28), When.day(2026, 3, 28)])
    def test_as_of_forms(self, as_of: Any) -> None:
        assert ids(UPCOMING.upcoming(as_of=as_of)) == ids(UPCOMING.upcoming(as_of=AS_OF))


class TestOverdue:
    @pytest.mark.parametrize(
        ("when", "status", "as_of", "overdue"),
        [
            (APRIL, "expected", "2026-05-01", True),
            (APRIL, "confirmed", "2026-05-01", True),
            (APRIL, "happened", "2026-05-01", False),
            (APRIL, "cancelled", "2026-05-01", False),
            # the last possible day itself is not overdue
            (APRIL, "expected", "2026-04-30", False),
            (When.month(2026, 4).by(), "expected", "2026-05-01", True),
            (When.year(2030).by(), "expected", "2026-05-01", False),
            # no last day: never overdue
            (When.year(2025).after(), "expected", "2030-01-01", False),
            (When.interval(When.month(2026, 3), "open"), "expected", "2030-01-01", False),
            # instants: surely over before the day starts at any offset (issue 11 §1;
            # these were judged by their local date): 30 April 23:00 at UTC-12 is
            # 1 May 11:00 UTC, when 1 May has begun everywhere east of UTC-11
            (instant(2026, 4, 30, 23, tz=UTC_12), "expected", "2026-05-01", False),
            (instant(2026, 4, 30, 23, tz=UTC_12), "expected", "2026-05-02", False),
            (instant(2026, 4, 30, 23, tz=UTC_12), "expected", "2026-05-03", True),
            (instant(2026, 5, 1, 1, tz=UTC14), "expected", "2026-05-01", False),
            (instant(2026, 5, 1, 1, tz=UTC14), "expected", "2026-05-02", True),
        ],
    )
    def test_overdue(self, when: When, status: str, as_of: str, overdue: bool) -> None:
        tl = Timeline([ev("x", when, status=status)])
        assert ("x" in tl.overdue(as_of=as_of)) is overdue

    def test_the_end_counts(self) -> None:
        tl = Timeline([ev("campaign", APRIL, end=When.month(2026, 5))])
        assert not tl.overdue(as_of="2026-05-15")
        assert tl.overdue(as_of="2026-06-01")

    def test_a_slipped_event_is_judged_by_its_current_date(self) -> None:
        tl = Timeline([ev("x", APRIL).revise(when="2026-06", stated="2026-04-20")])
        assert not tl.overdue(as_of="2026-05-15")


class TestDayArguments:
    """A bad ``as_of`` or ``day`` is named by its argument, quoted, with the fix."""

    @pytest.mark.parametrize(
        ("query", "value", "says"),
        [
            # a misspelt month: the argument's name, then the parser's fix
            ("overdue", "Aprill 2026", "as_of: 'Aprill 2026' is not a date: unknown word"),
            ("upcoming", "Aprill 2026", "did you mean 'April 2026'?"),
            ("as_of", "Aprill 2026", "day: 'Aprill 2026' is not a date"),
            # not text or a date at all
            ("overdue", None, "as_of: expected a date or text such as '2026-03-28', got None"),
            ("upcoming", 20260328, "as_of: expected a date or text such as '2026-03-28'"),
        ],
    )
    def test_invalid(self, query: str, value: Any, says: str) -> None:
        tl = Timeline([ev("x", APRIL)])
        call = (
            (lambda: tl.as_of(value))
            if query == "as_of"
            else (lambda: getattr(tl, query)(as_of=value))
        )
        with pytest.raises(TimelineError) as info:
            call()
        assert isinstance(info.value, ValueError)
        assert says in str(info.value)

    @pytest.mark.parametrize("value", ["2026-05-01", dt.date(2026, 5, 1), When.month(2026, 5)])
    def test_valid(self, value: Any) -> None:
        # text, a date and a When (its earliest day) all mean 1 May 2026
        assert ids(Timeline([ev("x", APRIL)]).overdue(as_of=value)) == ["x"]


def tracked() -> Timeline:
    article = Source("article", published="2026-03-28")
    hy3 = ev("hy3", APRIL, sources=[article], actors=["Tencent"])
    v4 = (
        ev("v4", APRIL, sources=[article], actors=["DeepSeek"])
        .revise(when="2026-05", stated="2026-04-20")
        .revise(when="2026-06", stated="2026-05-20")
    )
    later = ev("k2", "2026-07", sources=[Source("news", published="2026-05-01")])
    undated = ev("gz", When.year(2030).by())
    return Timeline([hy3, v4, later, undated])


class TestAsOf:
    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            # only the undated statement is known before the article
            ("2026-03-01", {"gz": When.year(2030).by()}),
            (
                "2026-03-28",
                {"hy3": APRIL, "v4": APRIL, "gz": When.year(2030).by()},
            ),
            (
                "2026-04-20",
                {"hy3": APRIL, "v4": When.month(2026, 5), "gz": When.year(2030).by()},
            ),
            (
                "2026-05-01",
                {
                    "hy3": APRIL,
                    "v4": When.month(2026, 5),
                    "k2": When.month(2026, 7),
                    "gz": When.year(2030).by(),
                },
            ),
        ],
    )
    def test_as_of(self, day: str, expected: dict[str, When]) -> None:
        known = tracked().as_of(day)
        assert {e.id: e.when for e in known} == expected
        for e in known:
            assert all(c.day <= dt.date.fromisoformat(day) for c in e.claims)

    def test_as_of_reorders_by_what_was_known(self) -> None:
        tl = tracked()
        assert ids(tl.as_of("2026-04-01")) == ["hy3", "v4", "gz"]
        assert ids(tl) == ["hy3", "v4", "k2", "gz"]  # v4 now June, k2 July
        assert ids(tl.as_of("2026-05-01")) == ["hy3", "v4", "k2", "gz"]


class TestGroupBy:
    tl = Timeline(
        [
            ev("a", When.day(2026, 4, 15), actors=["Tencent", "DeepSeek"], kind="x", tags=["t"]),
            ev("b", When.month(2026, 5), actors=["Tencent"], status="happened"),
            ev("c", When.month(2026, 8), kind="y", tags=["t", "u"]),
            # a deadline goes where it sorts: at its deadline
            ev("d", When.year(2030).by(), actors=["Guangzhou"], kind="x"),
            ev("e", instant(2026, 3, 31, 23, tz=UTC_12)),
        ]
    )

    @pytest.mark.parametrize(
        ("key", "groups"),
        [
            (
                "month",
                {
                    "2026-03": ["e"],
                    "2026-04": ["a"],
                    "2026-05": ["b"],
                    "2026-08": ["c"],
                    "2030-12": ["d"],
                },
            ),
            (
                "quarter",
                {"2026-Q1": ["e"], "2026-Q2": ["a", "b"], "2026-Q3": ["c"], "2030-Q4": ["d"]},
            ),
            ("year", {"2026": ["e", "a", "b", "c"], "2030": ["d"]}),
            # an event goes in each of its actors' groups
            (
                "actor",
                {
                    "(no actor)": ["e", "c"],
                    "Tencent": ["a", "b"],
                    "DeepSeek": ["a"],
                    "Guangzhou": ["d"],
                },
            ),
            ("kind", {"(no kind)": ["e", "b"], "x": ["a", "d"], "y": ["c"]}),
            ("status", {"expected": ["e", "a", "c", "d"], "happened": ["b"]}),
            ("tag", {"(no tag)": ["e", "b", "d"], "t": ["a", "c"], "u": ["c"]}),
            (
                lambda e: "spring" if e.when.earliest and e.when.earliest.month < 6 else "other",
                {"spring": ["e", "a", "b"], "other": ["c", "d"]},
            ),
        ],
    )
    def test_group_by(self, key: Any, groups: dict[str, list[str]]) -> None:
        got = self.tl.group_by(key)
        # groups come in order of their first event, each in timeline order
        assert list(got) == list(groups)
        assert {k: ids(v) for k, v in got.items()} == groups
        assert all(isinstance(v, Timeline) for v in got.values())

    # Names that differ only in case are one group (as `filter(actor=...)` matches them),
    # shown with the spelling met first; an event with both spellings is in it once.
    @pytest.mark.parametrize(
        ("key", "field", "names", "groups"),
        [
            (
                "actor",
                "actors",
                [["DeepSeek"], ["deepseek"], ["DEEPSEEK", "Tencent"], ["Deepseek", "deepSeek"]],
                {"DeepSeek": ["a", "b", "c", "d"], "Tencent": ["c"]},
            ),
            (
                "tag",
                "tags",
                [["AI"], ["ai", "Chips"], ["chips"], []],
                {"AI": ["a", "b"], "Chips": ["b", "c"], "(no tag)": ["d"]},
            ),
            (
                "kind",
                "kind",
                ["Model-Release", "model-release", None, "MODEL-RELEASE"],
                {"Model-Release": ["a", "b", "d"], "(no kind)": ["c"]},
            ),
            # one name in two Unicode forms: precomposed, and with a combining mark
            (
                "actor",
                "actors",
                [["Zürich Labs"], ["Zu\u0308rich labs"], ["ZÜRICH LABS"], []],
                {"Zürich Labs": ["a", "b", "c"], "(no actor)": ["d"]},
            ),
        ],
    )
    def test_names_differing_only_in_case_are_one_group(
        self, key: str, field: str, names: list[Any], groups: dict[str, list[str]]
    ) -> None:
        tl = Timeline(
            [
                ev(i, When.month(2026, n), **{field: value})
                for n, (i, value) in enumerate(zip("abcd", names, strict=True), 1)
            ]
        )
        got = tl.group_by(key)
        assert {k: ids(v) for k, v in got.items()} == groups
        assert list(got) == list(groups)
        # the same events as a case-insensitive filter finds, when the filter takes the key
        if key in ("actor", "tag", "kind"):
            for name, members in groups.items():
                if not name.startswith("("):
                    assert ids(tl.filter(**{key: name.swapcase()})) == members

    @given(
        st.lists(
            st.lists(st.sampled_from(["Ab", "ab", "AB", "aB", "Cd", "cd"]), max_size=3),
            max_size=6,
        )
    )
    def test_grouping_by_actor_ignores_case(self, actor_lists: list[list[str]]) -> None:
        tl = Timeline([ev(f"e{i}", When.year(2026), actors=a) for i, a in enumerate(actor_lists)])
        got = tl.group_by("actor")
        folded = [k.casefold() for k in got]
        assert len(folded) == len(set(folded))  # one group per name, whatever the case
        for name, group in got.items():
            if name == "(no actor)":
                continue
            expected = [e.id for e in tl if name.casefold() in {a.casefold() for a in e.actors}]
            assert ids(group) == expected  # each event once, in timeline order
            first = next(a for e in tl for a in e.actors if a.casefold() == name.casefold())
            assert name == first  # shown as first met

    def test_unknown_key(self) -> None:
        with pytest.raises(QueryError, match="'week'"):
            self.tl.group_by("week")


class TestSlipsAndDiff:
    def test_slips_across_the_timeline_in_stated_order(self) -> None:
        tl = tracked().add(ev("x", "2026-04").revise(when="2026-05", stated="2026-04-25"))
        found = [(e.id, str(s.stated.earliest), s.after) for e, s in tl.slips()]
        assert found == [
            ("v4", "2026-04-20", When.month(2026, 5)),
            ("x", "2026-04-25", When.month(2026, 5)),
            ("v4", "2026-05-20", When.month(2026, 6)),
        ]

    def test_diff_between_two_days(self) -> None:
        tl = tracked()
        d = tl.as_of("2026-04-01").diff(tl.as_of("2026-05-01"))
        assert isinstance(d, TimelineDiff)
        assert ids(d.added) == ["k2"]
        assert ids(d.removed) == []
        (change,) = d.changed
        assert isinstance(change, EventChange)
        assert change.id == "v4"
        assert change.fields["when"] == (APRIL, When.month(2026, 5))
        assert set(change.fields) == {"when", "claims"}
        assert bool(d)

    def test_field_level_changes(self) -> None:
        before = Timeline([ev("a", APRIL, tags=["x"]), ev("b", "2026"), ev("gone", "2027")])
        after = Timeline(
            [
                ev("a", APRIL, tags=["x", "y"], status="confirmed"),
                ev("b", "2026"),
                ev("new", "2028"),
            ]
        )
        d = before.diff(after)
        assert ids(d.added) == ["new"]
        assert ids(d.removed) == ["gone"]
        assert [c.id for c in d.changed] == ["a"]
        assert d.changed[0].fields == {
            "status": (Status.EXPECTED, Status.CONFIRMED),
            "initial_status": (Status.EXPECTED, Status.CONFIRMED),
            "tags": (("x",), ("x", "y")),
        }

    def test_a_changed_first_promise_is_reported(self) -> None:
        # the current date is the same (the claim), but the first promise differs
        a = ev("a", APRIL).revise(when="2026-06", stated="2026-04-20")
        b = ev("a", When.month(2026, 3)).revise(when="2026-06", stated="2026-04-20")
        (change,) = Timeline([a]).diff(Timeline([b])).changed
        assert change.fields == {"initial_when": (APRIL, When.month(2026, 3))}

    def test_no_difference(self) -> None:
        assert not tracked().diff(tracked())

    def test_a_renamed_event_is_a_rename_not_removed_and_added(self) -> None:
        # the same event under a new id, every other field equal: one pair each side
        old = ev("v4-old", APRIL, title="DeepSeek V4", actors=["DeepSeek"])
        new = attrs.evolve(old, id="v4")
        d = Timeline([old, ev("b", "2026")]).diff(Timeline([new, ev("b", "2026")]))
        assert ids(d.added) == [] and ids(d.removed) == [] and d.changed == ()
        (rename,) = d.renamed
        assert (rename.id, rename.before, rename.after) == ("v4", old, new)
        assert rename.fields == {"id": ("v4-old", "v4")}
        assert bool(d)

    @settings(max_examples=examples(50, 1000), deadline=None)
    @given(timelines(max_events=5), st.data())
    def test_renaming_one_event_is_that_rename_alone(
        self, tl: Timeline, data: st.DataObject
    ) -> None:
        # one event gets a new id, every other kept: the diff is that rename alone
        assert not tl.diff(tl)
        if not len(tl):
            return
        old = data.draw(st.sampled_from(tl.events))
        new = attrs.evolve(old, id=old.id + "-renamed")
        assume(new.id not in tl)
        after = Timeline([new if e is old else e for e in tl])
        d = tl.diff(after)
        assert (len(d.added), len(d.removed), d.changed) == (0, 0, ())
        assert [(c.before, c.after, c.fields) for c in d.renamed] == [
            (old, new, {"id": (old.id, new.id)})
        ]
        back = after.diff(tl)
        assert [c.fields for c in back.renamed] == [{"id": (new.id, old.id)}]

    @pytest.mark.parametrize(
        ("removed", "added"),
        [
            # another field differs too: which event it became is a guess
            ([ev("a", APRIL, title="x")], [ev("b", APRIL, title="x", tags=["t"])]),
            ([ev("a", APRIL, title="x")], [ev("b", When.month(2026, 5), title="x")]),
            # two removed events alike: which one was renamed is a guess
            (
                [ev("a", APRIL, title="x"), ev("a2", APRIL, title="x")],
                [ev("b", APRIL, title="x")],
            ),
            # two added alike
            (
                [ev("a", APRIL, title="x")],
                [ev("b", APRIL, title="x"), ev("b2", APRIL, title="x")],
            ),
        ],
    )
    def test_no_rename_is_guessed(self, removed: list[Event], added: list[Event]) -> None:
        d = Timeline(removed).diff(Timeline(added))
        assert d.renamed == ()
        assert ids(d.removed) == [e.id for e in removed]
        assert ids(d.added) == [e.id for e in added]


class TestStr:
    def test_aligned_lines(self) -> None:
        tl = Timeline(
            [
                ev("hy3", APRIL, title="Hybrid Model 3.0 release", actors=["Tencent"]),
                ev("gz", When.year(2030).by(), title="10,000 AI-plus firms", actors=["Guangzhou"]),
                ev("v4", When.day(2026, 4, 15), title="DeepSeek V4", status="confirmed"),
            ]
        )
        lines = str(tl).splitlines()
        assert len(lines) == 3
        rows = [(str(e.when), e.status.value, ", ".join(e.actors) or "-", e.title) for e in tl]
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        for line, row in zip(lines, rows, strict=True):
            # each column starts where the widest cell before it ends, plus two spaces
            assert (
                line
                == "  ".join(c.ljust(w) for c, w in zip(row[:3], widths, strict=True))
                + "  "
                + row[3]
            )
        status_columns = {line.index(r[1]) for line, r in zip(lines, rows, strict=True)}
        assert len(status_columns) == 1
        assert lines[0].endswith("Tencent    Hybrid Model 3.0 release")

    @pytest.mark.parametrize(
        "actors",
        [
            ["腾讯"],  # wide characters take two columns each
            ["Tencent", "微信"],
            ["Zhongguancun Forum"],  # ASCII wider than the others
        ],
    )
    def test_aligned_in_terminal_columns(self, actors: list[str]) -> None:
        from timeline.display._table import cell_width

        tl = Timeline(
            [
                ev("a", APRIL, title="TITLE-A", actors=actors),
                ev("b", When.month(2026, 5), title="TITLE-B", actors=["DeepSeek"]),
            ]
        )
        # the title starts at the same terminal column on every line
        starts = {cell_width(line[: line.index("TITLE-")]) for line in str(tl).splitlines()}
        assert len(starts) == 1

    def test_empty(self) -> None:
        assert str(Timeline()) == "(empty timeline)"


class TestQualifiedDatesInQueries:
    """An approximate or uncertain date could fall a unit either side (DESIGN §2)."""

    tl = Timeline(
        [
            Event(title="about april", when=When.month(2026, 4).qualify(approximate=True)),
            Event(title="april", when=When.month(2026, 4)),
        ]
    )

    def test_overlapping_counts_where_it_could_fall(self) -> None:
        # "c. April 2026" could be in May; plain April cannot
        assert [e.id for e in self.tl.overlapping(When.month(2026, 5))] == ["about-april"]

    def test_included_needs_the_whole_possible_span(self) -> None:
        assert [e.id for e in self.tl.included(When.month(2026, 4))] == ["april"]
        spring_to_summer = When.interval(When.month(2026, 3), When.month(2026, 5))
        assert len(self.tl.included(spring_to_summer)) == 2

    def test_overdue_waits_for_the_latest_possible_day(self) -> None:
        assert [e.id for e in self.tl.overdue(as_of="2026-05-15")] == ["april"]
        assert len(self.tl.overdue(as_of="2026-06-01")) == 2


class TestTextFilterTakesACollection:
    # "A collection means any of its values" holds for text= as for the other criteria;
    # a list raised AttributeError ('list' object has no attribute 'casefold').
    def test_any_of_several_texts(self) -> None:
        tl = Timeline(
            [
                Event(title="Tencent model", when="2026-04"),
                Event(title="DeepSeek model", when="2026-05"),
                Event(title="Meta data centre", when="2026"),
            ]
        )
        assert [e.title for e in tl.filter(text=["tencent", "DEEPSEEK"])] == [
            "Tencent model",
            "DeepSeek model",
        ]
        assert [e.title for e in tl.exclude(text=("tencent", "deepseek"))] == ["Meta data centre"]

    def test_a_text_that_is_not_text_is_refused(self) -> None:
        tl = Timeline([Event(title="x", when="2026")])
        with pytest.raises(QueryError, match="text"):
            tl.filter(text=[3])  # type: ignore[list-item]

    # (a lone combining accent is blank once accents are ignored, as the search ignores them)
    @pytest.mark.parametrize("blank", ["", " ", "\t\n", ["tencent", ""], "\u0301"])
    def test_blank_text_is_refused(self, blank: Any) -> None:
        # "" is in every text, " " in nearly every title: a blank search matched
        # (almost) everything, or excluded it, instead of saying there was nothing to find
        tl = Timeline([Event(title="Tencent model", when="2026-04"), Event(title="x", when="2026")])
        for query in (tl.filter, tl.exclude):
            with pytest.raises(QueryError, match=r"text: '.*' is blank; give words to search for"):
                query(text=blank)

    def test_words_with_spaces_still_search_as_a_phrase(self) -> None:
        tl = Timeline([Event(title="Tencent model", when="2026-04"), Event(title="x", when="2026")])
        assert [e.title for e in tl.filter(text="tencent model")] == ["Tencent model"]


class TestSetDates:
    """An EDTF set is read as its members (DESIGN §2): "April or June 2026" is April or
    June, never May, in every query."""

    SETS = Timeline(
        [
            ev("april-or-june", "April or June 2026"),
            ev("both", "{2026-04-14,2026-04-16}"),
            ev("open", "[..2026-04-15,2026-06]"),
            ev("may", "2026-05"),
            # an end stands: the event spans from April to its end, May included
            ev("forum", "April or June 2026", end="2026-07-31"),
        ]
    )

    @pytest.mark.parametrize(
        ("window", "expected"),
        [
            # neither April nor June meets 10 May (the hull, April..June, did)
            ("2026-05-10", ["forum", "may"]),
            ("2026-04-10", ["april-or-june", "forum", "open"]),
            ("2026-04-15", ["april-or-june", "forum", "open"]),
            # all of 14 and 16 April: 15 April meets neither
            ("2026-04-16", ["april-or-june", "forum", "both"]),
            ("2026-06-10", ["april-or-june", "forum", "open"]),
            # a window that is a set is read by its members too
            ("[2026-05-10,2026-07]", ["forum", "may"]),
            ("{2026-04-16,2026-05-02}", ["april-or-june", "forum", "both", "may"]),
        ],
    )
    def test_overlapping_and_on(self, window: str, expected: list[str]) -> None:
        assert ids(self.SETS.overlapping(window)) == expected
        assert ids(self.SETS.on(window)) == expected
        w = When.parse(window)
        assert ids(self.SETS.overlapping(w)) == [e.id for e in self.SETS if _could(e, w)]

    def test_a_window_from_start_to_end_spans_between(self) -> None:
        # from April-or-June to December: every day from April 1 (some reading holds it)
        assert "may" in self.SETS.overlapping("April or June 2026", "2026-12")

    @pytest.mark.parametrize(
        ("window", "expected"),
        [
            # surely inside: every member of the event inside the window
            ("2026-Q2", ["april-or-june", "both", "may"]),
            ("2026-04", ["both"]),
            # a one-of window holds only what each of its members holds
            ("[2026-04,2026-04-10..2026-04-20]", ["both"]),
            ("[2026-04,2026-05]", []),
            # an all-of window holds what one of its members holds
            ("{2026-04,2026-06}", ["april-or-june", "both"]),
        ],
    )
    def test_included(self, window: str, expected: list[str]) -> None:
        assert ids(self.SETS.included(window)) == expected
        w = When.parse(window)
        assert ids(self.SETS.included(w)) == [
            e.id for e in self.SETS if e.end is None and w.contains(e.when)
        ]

    @pytest.mark.parametrize(
        ("moment", "before", "after"),
        [
            # surely before / after: every member (the hull decides)
            ("2026-05-10", ["both"], []),
            ("2026-07", ["april-or-june", "both", "may", "open"], []),
            ("2026-03", [], ["april-or-june", "forum", "both", "may"]),
        ],
    )
    def test_before_and_start_after(self, moment: str, before: list[str], after: list[str]) -> None:
        assert ids(self.SETS.before(moment)) == before
        assert ids(self.SETS.start_after(moment)) == after

    @pytest.mark.parametrize(
        ("when", "as_of", "within", "upcoming", "overdue"),
        [
            # 1..11 May meets neither April nor June: not upcoming (it was, by the hull)
            ("April or June 2026", "2026-05-01", 10, False, False),
            ("April or June 2026", "2026-05-01", 40, True, False),
            ("April or June 2026", "2026-03-25", 10, True, False),
            # overdue once every member is over
            ("April or June 2026", "2026-07-01", 10, False, True),
            ("[..2026-04-15,2026-06]", "2026-05-01", 10, False, False),
            ("{2026-04-14,2026-04-16}", "2026-04-15", 0, False, False),
            ("{2026-04-14,2026-04-16}", "2026-04-15", 1, True, False),
        ],
    )
    def test_upcoming_and_overdue(
        self, when: str, as_of: str, within: int, upcoming: bool, overdue: bool
    ) -> None:
        e = ev("x", when)
        assert e.upcoming(as_of, within) is upcoming
        assert e.overdue(as_of) is overdue
        tl = Timeline([e])
        assert ("x" in tl.upcoming(as_of=as_of, within=within)) is upcoming
        assert ("x" in tl.overdue(as_of=as_of)) is overdue


def _could(e: Event, window: When) -> bool:
    """`Timeline.overlapping`'s rule, from `When.overlaps`: an event with an end spans
    from its date's first day to the end's last (an interval)."""
    if e.end is None:
        return e.when.overlaps(window)
    return When.interval(e.when, e.end).overlaps(window)
