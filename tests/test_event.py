"""Events, sources and claims: validation, ids, claims over time, as_of, slips and delay."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline.dates._parse
from timeline import (
    Claim,
    Event,
    EventError,
    Slip,
    Source,
    Status,
    Timeline,
    TimelineError,
    When,
)

D = pendulum.date
UTC8 = pendulum.fixed_timezone(8 * 3600)
UTC14 = pendulum.fixed_timezone(14 * 3600)
UTC_12 = pendulum.fixed_timezone(-12 * 3600)
APRIL = When.month(2026, 4)
MAY = When.month(2026, 5)
ARTICLE = Source("Tencent's open AI ecosystem", publisher="AI wave guide", published="2026-03~")


def event(when: Any = APRIL, **kw: Any) -> Event:
    return Event(title=kw.pop("title", "Hybrid Model 3.0 release"), when=when, **kw)


class TestSource:
    @pytest.mark.parametrize(
        ("kwargs", "attr", "expected"),
        [
            # a published month with "~" stays approximate
            ({"published": "2026-03~"}, "published", When.month(2026, 3).qualify(approximate=True)),
            # a date becomes a day
            ({"published": dt.date(2026, 3, 28)}, "published", When.day(2026, 3, 28)),
            # a When is kept
            ({"published": When.year(2026)}, "published", When.year(2026)),
            # empty optional text is no text
            ({"publisher": "  "}, "publisher", None),
            ({"quote": " slated for April "}, "quote", "slated for April"),
            ({}, "published", None),
        ],
    )
    def test_valid(self, kwargs: dict[str, Any], attr: str, expected: Any) -> None:
        assert getattr(Source(" The article ", **kwargs), attr) == expected

    def test_title_is_stripped(self) -> None:
        assert Source(" The article ").title == "The article"

    @pytest.mark.parametrize(
        ("title", "kwargs", "needles"),
        [
            # no title
            ("", {}, ["title", "''"]),
            ("   ", {}, ["title"]),
            # a published date that is not a date names the field and the text
            ("The article", {"published": "2026-13"}, ["published", "'2026-13'"]),
            ("The article", {"published": 2026}, ["published", "2026"]),
        ],
    )
    def test_invalid(self, title: str, kwargs: dict[str, Any], needles: list[str]) -> None:
        with pytest.raises(EventError) as err:
            Source(title, **kwargs)
        for needle in needles:
            assert needle in str(err.value)


class TestClaim:
    @pytest.mark.parametrize(
        ("stated", "day"),
        [
            ("2026-04-20", D(2026, 4, 20)),
            # an approximate month counts from its first day
            ("2026-03~", D(2026, 3, 1)),
            (dt.date(2026, 4, 20), D(2026, 4, 20)),
            # an instant counts on its local date, not in UTC
            (pendulum.datetime(2026, 4, 20, 1, tz=UTC8), D(2026, 4, 20)),
            (When.instant(pendulum.datetime(2026, 4, 20, 23, tz=UTC_12)), D(2026, 4, 20)),
        ],
    )
    def test_day(self, stated: Any, day: dt.date) -> None:
        assert Claim(stated=stated).day == day

    def test_fields(self) -> None:
        claim = Claim(stated="2026-04-20", when="2026-05", status="Confirmed", note=" moved ")
        assert (claim.when, claim.status, claim.note) == (MAY, Status.CONFIRMED, "moved")
        assert claim.changes_date_or_status
        assert not Claim(stated="2026-04-20", note="on track").changes_date_or_status

    @pytest.mark.parametrize(
        ("kwargs", "needles"),
        [
            # a status that is not one
            ({"stated": "2026-04-20", "status": "delayed"}, ["status", "'delayed'", "expected"]),
            # a stated date that is not a date
            ({"stated": "2026-04-31"}, ["stated", "'2026-04-31'"]),
            ({"stated": "2026-04-20", "when": "2026-13"}, ["when", "'2026-13'"]),
            ({"stated": "2026-04-20", "source": "Reuters"}, ["source", "'Reuters'"]),
        ],
    )
    def test_invalid(self, kwargs: dict[str, Any], needles: list[str]) -> None:
        with pytest.raises(EventError) as err:
            Claim(**kwargs)
        for needle in needles:
            assert needle in str(err.value)


class TestEventFields:
    @pytest.mark.parametrize(
        ("kwargs", "attr", "expected"),
        [
            # text is parsed into a When
            ({"when": "2026-04"}, "when", APRIL),
            ({"when": "2026-04~"}, "when", APRIL.qualify(approximate=True)),
            # a date is a day, a datetime an instant that keeps its offset
            ({"when": dt.date(2026, 4, 15)}, "when", When.day(2026, 4, 15)),
            (
                {"when": pendulum.datetime(2026, 4, 15, 10, tz=UTC8)},
                "when",
                When.instant(pendulum.datetime(2026, 4, 15, 10, tz=UTC8)),
            ),
            # statuses are accepted as text, in any case
            ({"status": "Happened"}, "status", Status.HAPPENED),
            ({"status": " cancelled "}, "status", Status.CANCELLED),
            ({"status": Status.CONFIRMED}, "status", Status.CONFIRMED),
            ({}, "status", Status.EXPECTED),
            # one actor may be given as text; blanks are dropped and names stripped
            ({"actors": "Tencent"}, "actors", ("Tencent",)),
            ({"tags": [" llm ", "", "china"]}, "tags", ("llm", "china")),
            ({"related": "deepseek-v4-release"}, "related", ("deepseek-v4-release",)),
            ({"kind": " model-release "}, "kind", "model-release"),
            ({"description": "   "}, "description", None),
            ({"end": "2026-05"}, "end", MAY),
        ],
    )
    def test_valid(self, kwargs: dict[str, Any], attr: str, expected: Any) -> None:
        e = Event(title="Hybrid Model 3.0 release", **{"when": APRIL, **kwargs})
        assert getattr(e, attr) == expected

    def test_instant_keeps_its_offset(self) -> None:
        e = event(pendulum.datetime(2026, 4, 15, 10, tz=UTC8))
        assert e.when.earliest is not None
        assert e.when.earliest.utcoffset() == dt.timedelta(hours=8)

    @pytest.mark.parametrize(
        ("kwargs", "needles"),
        [
            # no title
            ({"title": "  "}, ["title"]),
            ({"title": None}, ["title", "None"]),
            # a status that is not one: the message lists the valid ones
            ({"status": "planned"}, ["status", "'planned'", "expected, confirmed"]),
            # dates that are not dates
            ({"when": "2026-13"}, ["when", "'2026-13'"]),
            ({"when": 2026}, ["when", "2026"]),
            ({"end": "2026-02-30"}, ["end", "'2026-02-30'"]),
            # an end before the start
            ({"end": "2026-03"}, ["end", "before"]),
            # ids are slugs
            ({"id": "has space"}, ["id", "'has space'"]),
            ({"id": ""}, ["id", "''"]),
            ({"id": "-leading"}, ["id", "'-leading'"]),
            # lists of names hold text
            ({"actors": ["Tencent", 1]}, ["actors", "1"]),
            ({"tags": [None]}, ["tags", "None"]),
            ({"actors": 5}, ["actors", "5"]),
            # sources and claims are records
            ({"sources": ["an article"]}, ["sources", "'an article'"]),
            ({"claims": [{"stated": "2026-04-20"}]}, ["claims", "stated"]),
        ],
    )
    def test_invalid(self, kwargs: dict[str, Any], needles: list[str]) -> None:
        with pytest.raises(EventError) as err:
            Event(**{"title": "Hybrid Model 3.0 release", "when": APRIL, **kwargs})
        assert isinstance(err.value, TimelineError)
        assert isinstance(err.value, ValueError)
        for needle in needles:
            assert needle in str(err.value)


class TestIds:
    @pytest.mark.parametrize(
        ("title", "slug"),
        [
            ("Tencent Hybrid Model 3.0 release", "tencent-hybrid-model-3-0-release"),
            ("  DeepSeek V4!  ", "deepseek-v4"),
            # accents fold to ASCII
            ("Café AI forum", "cafe-ai-forum"),
            # nothing sluggable at all
            ("!!!", "event"),
        ],
    )
    def test_slug_of_title(self, title: str, slug: str) -> None:
        assert event(title=title).id == slug

    def test_other_scripts_keep_distinct_stable_ids(self) -> None:
        # Chinese titles lose their letters in ASCII; a digest keeps ids distinct and stable.
        a, b = event(title="腾讯混元 3.0 发布"), event(title="深度求索 V4 发布")
        assert a.id != b.id
        assert a.id == event(title="腾讯混元 3.0 发布").id
        assert a.id.startswith("3-0-")

    def test_explicit_id_is_kept(self) -> None:
        assert event(id="hy3").id == "hy3"

    @given(st.text(max_size=40))
    @settings(max_examples=300)
    def test_ascii_slug_is_the_words_between_gaps(self, text: str) -> None:
        # The slug's definition: runs of anything but [a-z0-9] become one "-", trimmed.
        import re

        from timeline.model._event_fields import slugify

        if text.isascii():
            expected = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "event"
            assert slugify(text) == expected

    @given(st.text(st.characters(max_codepoint=127), max_size=40))
    @settings(max_examples=300)
    def test_ascii_slug_every_ascii_character(self, text: str) -> None:
        # Every ASCII character, controls and punctuation included (the fast path's table).
        import re

        from timeline.model._event_fields import slugify

        expected = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "event"
        assert slugify(text) == expected

    @given(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40))
    @settings(max_examples=300)
    def test_a_default_id_is_a_valid_id(self, title: str) -> None:
        # The constructor checks a given id, not the slug it makes: the slug must pass.
        from timeline.model._event_fields import _ID, slugify

        assert _ID.fullmatch(slugify(title))
        if title.strip():
            made = Event(title=title, when="2026")
            assert made == Event(title=title, when="2026", id=made.id)

    def test_fields_are_set_in_field_order(self) -> None:
        # The constructor sets each slot through its descriptor, by position: every field
        # gets its own value.
        import attrs

        from timeline.model._event import _set_fields

        names = [f.name for f in attrs.fields(Event)]
        values = [object() for _ in names]
        made = object.__new__(Event)
        _set_fields(made, *values)  # type: ignore[arg-type]
        assert [getattr(made, name) for name in names] == values


class TestSharedNames:
    """Repeated lists of names are shared; sharing must not skip a check or a clean-up."""

    def test_equal_lists_share_one_tuple_from_any_iterable(self) -> None:
        a = event(actors=["Tencent", "DeepSeek"])
        b = event(actors=("Tencent", "DeepSeek"))
        c = event(actors=iter(["Tencent", "DeepSeek"]))
        assert a.actors == ("Tencent", "DeepSeek")
        assert a.actors is b.actors is c.actors

    def test_a_list_seen_before_still_strips_and_checks_what_differs(self) -> None:
        event(actors=["Tencent"])
        assert event(actors=[" Tencent "]).actors == ("Tencent",)
        with pytest.raises(EventError, match="not text"):
            event(actors=["Tencent", 3])
        with pytest.raises(EventError, match="lone surrogate"):
            event(actors=["Tencent", "x\ud800"])
        with pytest.raises(EventError, match="not text"):
            event(actors=["Tencent", ["nested"]])

    def test_an_empty_iterable_is_no_names(self) -> None:
        assert event(tags=iter([])).tags == ()


class TestRelativeDates:
    def test_relative_phrase_reads_the_first_sources_date(self, monkeypatch: Any) -> None:
        # The reference handed to the parser is the first source's published day.
        seen: list[Any] = []

        def fake_parse(text: str, *, reference: Any = None, **_: Any) -> When:
            seen.append((text, reference))
            return APRIL

        later = Source("later piece", published="2026-05-02")
        monkeypatch.setattr(timeline.dates._parse, "parse", fake_parse)
        Event(title="x", when="April", end="May", sources=[ARTICLE, later])
        assert seen == [("April", D(2026, 3, 1)), ("May", D(2026, 3, 1))]

    def test_claim_phrase_reads_the_stated_day(self, monkeypatch: Any) -> None:
        seen: list[Any] = []

        def fake_parse(text: str, *, reference: Any = None, **_: Any) -> When:
            seen.append((text, reference))
            return MAY

        monkeypatch.setattr(timeline.dates._parse, "parse", fake_parse)
        Claim(stated=When.day(2026, 4, 20), when="May")
        assert seen == [("May", D(2026, 4, 20))]

    @pytest.mark.parametrize(
        ("when", "published", "expected"),
        [
            # "April" said in late March 2026 is April 2026
            ("April", "2026-03~", When.month(2026, 4)),
            ("April", When.dekad(2026, 3, 3), When.month(2026, 4)),
            # the first source dates it, even when a later one is listed too
            ("next month", "2026-03-28", When.month(2026, 4)),
            ("this year", "2025-12-30", When.year(2025)),
        ],
    )
    def test_relative_phrase_resolves(self, when: str, published: Any, expected: When) -> None:
        sources = [Source("first", published=published), Source("later", published="2027-01-01")]
        assert Event(title="x", when=when, sources=sources).when == expected

    @pytest.mark.parametrize(
        ("when", "status", "published", "expected"),
        [
            # a month named without its year, expected: the next such month not yet over
            # (was the publication's year: "January" said on 20 December was overdue at once)
            ("January", "expected", "2026-12-20", When.month(2027, 1)),
            ("Q3", "expected", "2026-12-01", When.quarter(2027, 3)),
            ("15 March", "expected", "2026-04-02", When.day(2027, 3, 15)),
            # ... the month it was said in is still to come
            ("April", "expected", "2026-04-15", When.month(2026, 4)),
            ("December", "confirmed", "2026-11-10", When.month(2026, 12)),
            # happened: the last such month begun by then
            ("December", "happened", "2026-03-10", When.month(2025, 12)),
            ("March", "happened", "2026-03-28", When.month(2026, 3)),
        ],
    )
    def test_a_yearless_date_reads_by_status(
        self, when: str, status: str, published: str, expected: When
    ) -> None:
        e = Event(title="x", when=when, status=status, sources=[Source("s", published=published)])
        assert e.when == expected

    def test_an_expected_end_without_its_year_follows_its_start(self) -> None:
        # "December to January", said in November: January of the next year (was refused:
        # the end before the start)
        e = Event(
            title="x", when="December", end="January", sources=[Source("s", published="2026-11-02")]
        )
        assert (e.when, e.end) == (When.month(2026, 12), When.month(2027, 1))

    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            (None, When.month(2027, 1)),  # a new date: a plan, the next January
            ("expected", When.month(2027, 1)),
            ("happened", When.month(2026, 1)),
        ],
    )
    def test_a_claims_yearless_date_reads_by_its_status(
        self, status: str | None, expected: When
    ) -> None:
        claim = Claim(stated="2026-12-20", when="January", status=status)
        assert claim.when == expected

    def test_relative_claim_resolves_against_its_day(self) -> None:
        e = event(sources=[ARTICLE]).revise(when="May", stated="2026-04-20")
        assert e.when == MAY

    def test_relative_phrase_without_a_source_raises(self) -> None:
        with pytest.raises(EventError) as err:
            Event(title="x", when="April")
        assert "when" in str(err.value)
        assert "'April'" in str(err.value)

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            # the fix is in the record (a year, a dated source), not When.parse's reference=
            (
                lambda: Event(title="x", when="April"),
                "event 'x': when: 'April' is relative; write the year, "
                "or give the event a first source with a published date",
            ),
            (
                lambda: Event(title="x", when="2026-04", end="next month", sources=[Source("s")]),
                "event 'x': end: 'next month' is relative; write the year, or give the event",
            ),
            (
                lambda: Source("s", published="last month"),
                "source 's': published: 'last month' is relative; write the date itself",
            ),
            (
                lambda: Claim(stated="April"),
                "claim: stated: 'April' is relative; write the day it was said, e.g. '2026-04-20'",
            ),
            # other mistakes keep the parser's reason and suggestion
            (lambda: Event(title="x", when="Aprill 2026"), "did you mean 'April 2026'?"),
        ],
    )
    def test_relative_phrase_names_the_fix_for_the_record(
        self, make: Callable[[], object], message: str
    ) -> None:
        with pytest.raises(EventError) as err:
            make()
        assert message in str(err.value)
        assert "reference=" not in str(err.value)


class TestClaimsOrder:
    def test_claims_are_kept_in_stated_order(self) -> None:
        e = (
            event()
            .revise(when="2026-06", stated="2026-05-15")
            .revise(when="2026-05", stated="2026-04-20")  # said earlier, added later
            .revise(status="confirmed", stated="2026-05-01")
        )
        assert [c.day for c in e.claims] == [D(2026, 4, 20), D(2026, 5, 1), D(2026, 5, 15)]
        # the current date is the latest *stated* one, not the last added
        assert e.when == When.month(2026, 6)
        assert e.status is Status.CONFIRMED

    def test_same_day_claims_keep_the_order_given(self) -> None:
        e = event().revise(when="2026-05", stated="2026-04-20")
        e = e.revise(when="2026-06", stated="2026-04-20")
        assert e.when == When.month(2026, 6)

    def test_constructor_claims_are_sorted_too(self) -> None:
        late = Claim(stated="2026-05-15", when="2026-06")
        early = Claim(stated="2026-04-20", when="2026-05")
        assert event(claims=[late, early]).claims == (early, late)

    def test_revise_returns_a_new_event(self) -> None:
        e = event()
        e.revise(when="2026-05", stated="2026-04-20")
        assert e.claims == ()
        assert e.when == APRIL

    def test_revise_keeps_source_and_note(self) -> None:
        src = Source("Reuters", published="2026-04-20")
        e = event().revise(when="2026-05", stated="2026-04-20", source=src, note="delayed")
        assert (e.claims[0].source, e.claims[0].note) == (src, "delayed")

    def test_claim_without_date_or_status_changes_nothing(self) -> None:
        e = event().revise(stated="2026-04-10", note="on track")
        assert (e.when, e.status) == (APRIL, Status.EXPECTED)


def history(*claims: tuple[str, Any, Any], first: When = APRIL, **kw: Any) -> Event:
    """An event first expected at ``first`` with claims (stated, when, status)."""
    e = event(first, **kw)
    for stated, when, status in claims:
        e = e.revise(stated=stated, when=when, status=status)
    return e


class TestSlips:
    @pytest.mark.parametrize(
        ("claims", "slips"),
        [
            # no claims, no slips
            ((), []),
            # April -> May while expected
            ((("2026-04-20", "2026-05", None),), [(APRIL, MAY)]),
            # moved earlier: not a slip
            ((("2026-03-20", "2026-03", None),), []),
            # same month, now approximate: not later
            ((("2026-03-20", "2026-04~", None),), []),
            # widened to the quarter: its latest day moved later
            ((("2026-03-20", When.quarter(2026, 2), None),), [(APRIL, When.quarter(2026, 2))]),
            # a confirmed date moved later is a slip too
            (
                (("2026-03-20", None, "confirmed"), ("2026-04-20", "2026-05", None)),
                [(APRIL, MAY)],
            ),
            # two slips, in stated order
            (
                (("2026-04-20", "2026-05", None), ("2026-05-20", "2026-06", None)),
                [(APRIL, MAY), (MAY, When.month(2026, 6))],
            ),
            # it happened; a later correction of the date is not a slip
            (
                (("2026-04-15", None, "happened"), ("2026-05-20", "2026-05", None)),
                [],
            ),
            # cancelled events do not slip
            ((("2026-04-01", None, "cancelled"), ("2026-04-20", "2026-05", None)), []),
            # moving the date later and reporting it happened in one claim: a slip
            ((("2026-05-10", "2026-05-10", "happened"),), [(APRIL, When.day(2026, 5, 10))]),
            # narrowed inside the promised window (April, then 20 April): not a slip
            ((("2026-04-10", "2026-04-20", None),), []),
            # the same deadline restated ("by end of April"): not a slip
            ((("2026-04-10", When.month(2026, 4).by(), None),), []),
            # no end any more ("April onwards"): the latest possible day moved later
            (
                (("2026-04-10", When.interval(APRIL, "open"), None),),
                [(APRIL, When.interval(APRIL, "open"))],
            ),
        ],
    )
    def test_slips(self, claims: tuple[Any, ...], slips: list[tuple[When, When]]) -> None:
        e = history(*claims)
        assert [(s.before, s.after) for s in e.slips] == slips
        assert e.slipped is bool(slips)

    def test_slip_records_the_claim_and_its_day(self) -> None:
        e = history(("2026-04-20", "2026-05", None))
        (slip,) = e.slips
        assert isinstance(slip, Slip)
        assert slip.stated == When.day(2026, 4, 20)
        assert slip.claim is e.claims[0]
        assert slip.days == 31  # from 30 April to 31 May

    def test_slip_to_an_unbounded_value_has_no_days(self) -> None:
        e = history(("2026-04-20", When.month(2026, 4).after(), None))
        assert e.slips[0].days is None

    def test_first_expected_of_an_undated_announcement_is_the_first_date_given(self) -> None:
        e = history(
            ("2026-02-01", "2026-05", None), ("2026-03-01", "2026-06", None), first=When.undated()
        )
        assert e.first_expected == MAY
        assert history(first=When.undated()).first_expected == When.undated()
        # a date given as it was cancelled or happened is no promise
        assert (
            history(("2026-02-01", "2026-05", "cancelled"), first=When.undated()).first_expected
            == When.undated()
        )

    def test_first_expected_is_the_initial_statement(self) -> None:
        e = history(("2026-04-20", "2026-05", None), ("2026-05-20", "2026-06", None))
        assert e.first_expected == APRIL
        assert e.initial_when == APRIL
        assert e.when == When.month(2026, 6)


class TestDelay:
    @pytest.mark.parametrize(
        ("first", "claims", "delay"),
        [
            # not happened yet: no delay
            (APRIL, (), None),
            (APRIL, (("2026-05-01", "2026-05", None),), None),
            (APRIL, (("2026-04-01", None, "cancelled"),), None),
            # happened inside the promised window: on time
            (APRIL, (("2026-04-15", "2026-04-15", "happened"),), 0),
            (APRIL, (("2026-04-30", "2026-04-30", "happened"),), 0),
            # happened without a new date: on the promised date
            (APRIL, (("2026-04-15", None, "happened"),), 0),
            # late: days after the last promised day
            (APRIL, (("2026-05-10", "2026-05-10", "happened"),), 10),
            # early: negative, days before the first promised day
            (APRIL, (("2026-03-25", "2026-03-25", "happened"),), -7),
            # a month reported: the smallest delay the dates allow
            (APRIL, (("2026-06-01", "2026-05", "happened"),), 1),
            # an instant counts on its local date (2026-05-01 in UTC+14, 30 April in UTC)
            (
                APRIL,
                (
                    (
                        "2026-05-01",
                        When.instant(pendulum.datetime(2026, 5, 1, 1, tz=UTC14)),
                        "happened",
                    ),
                ),
                1,
            ),
            # a deadline: anything up to it is on time
            (When.year(2026).by(), (("2026-02-01", "2026-02-01", "happened"),), 0),
            (When.year(2026).by(), (("2027-01-05", "2027-01-05", "happened"),), 5),
            # slipped, then happened: measured against the first promise
            (
                APRIL,
                (("2026-04-20", "2026-05", None), ("2026-05-12", "2026-05-12", "happened")),
                12,
            ),
            # first announced undated: measured against the first date given
            (
                When.undated(),
                (("2026-02-01", "2026-04", None), ("2026-05-12", "2026-05-12", "happened")),
                12,
            ),
            # ... given only as it happened: nothing was promised, so not late
            (When.undated(), (("2026-05-12", "2026-05-12", "happened"),), 0),
        ],
    )
    def test_delay(self, first: When, claims: tuple[Any, ...], delay: int | None) -> None:
        assert history(*claims, first=first).delay == delay

    def test_happened_from_the_start(self) -> None:
        assert event(When.day(2026, 4, 15), status="happened").delay == 0


class TestAsOf:
    def make(self) -> Event:
        source = Source("article", published="2026-03-28")
        return (
            event(sources=[source])
            .revise(when="2026-05", stated="2026-04-20")
            .revise(status="happened", when="2026-05-12", stated="2026-05-12")
        )

    @pytest.mark.parametrize(
        ("day", "when", "status", "claims"),
        [
            # before the initial statement: not yet announced
            ("2026-03-27", None, None, None),
            # the day it was said
            ("2026-03-28", APRIL, Status.EXPECTED, 0),
            # the day before the slip was reported
            ("2026-04-19", APRIL, Status.EXPECTED, 0),
            # the slip counts from the day it was stated
            ("2026-04-20", MAY, Status.EXPECTED, 1),
            (dt.date(2026, 5, 11), MAY, Status.EXPECTED, 1),
            # a datetime counts on its local date
            (pendulum.datetime(2026, 5, 12, 23, tz=UTC_12), When.day(2026, 5, 12), None, 2),
            # a When counts from its earliest day: May 2026 is 1 May
            (MAY, MAY, Status.EXPECTED, 1),
            ("2027", When.day(2026, 5, 12), Status.HAPPENED, 2),
        ],
    )
    def test_as_of(self, day: Any, when: When | None, status: Status | None, claims: Any) -> None:
        known = self.make().as_of(day)
        if when is None:
            assert known is None
            return
        assert known is not None
        assert known.when == when
        if status is not None:
            assert known.status is status
        assert len(known.claims) == claims

    def test_claims_after_the_day_are_never_shown(self) -> None:
        known = self.make().as_of("2026-05-01")
        assert known is not None
        assert all(c.day <= D(2026, 5, 1) for c in known.claims)
        assert known.delay is None  # it had not happened yet

    def test_undated_initial_statement_is_always_known(self) -> None:
        assert event().as_of("1900-01-01") == event()
        undated = event(sources=[Source("a blog")])
        assert undated.as_of("1900-01-01") == undated

    def test_approximate_publication_counts_from_its_first_day(self) -> None:
        e = event(sources=[ARTICLE])  # published 2026-03~
        assert e.as_of("2026-02-28") is None
        assert e.as_of("2026-03-01") == e

    def test_the_first_source_dates_the_statement(self) -> None:
        e = event(sources=[Source("first", published="2026-03-28"), Source("b", published="2025")])
        assert e.stated == When.day(2026, 3, 28)
        assert e.as_of("2025-06-01") is None


class TestLastChanged:
    @pytest.mark.parametrize(
        ("sources", "claims", "last", "revisions"),
        [
            # nothing dated
            ((), (), None, 0),
            # the initial statement's date
            ((Source("a", published="2026-03-28"),), (), When.day(2026, 3, 28), 0),
            # the latest claim that changed the date or status
            (
                (),
                (("2026-04-20", "2026-05", None), ("2026-05-01", None, "confirmed")),
                When.day(2026, 5, 1),
                2,
            ),
            # a note alone changes nothing
            (
                (Source("a", published="2026-03-28"),),
                (("2026-04-20", None, None),),
                When.day(2026, 3, 28),
                0,
            ),
        ],
    )
    def test_last_changed(
        self, sources: tuple[Source, ...], claims: tuple[Any, ...], last: Any, revisions: int
    ) -> None:
        e = history(*claims, sources=sources)
        assert e.last_changed == last
        assert e.revisions == revisions


class TestWindowAndState:
    def test_window_runs_to_the_end(self) -> None:
        forum = event(When.day(2026, 3, 24), end=When.day(2026, 3, 27))
        assert forum.window == (D(2026, 3, 24), D(2026, 3, 27))
        assert event(When.year(2030).by()).window == (None, D(2030, 12, 31))

    @pytest.mark.parametrize(
        ("e", "day", "overdue"),
        [
            (event(), "2026-05-01", True),
            # its last possible day is not past yet
            (event(), "2026-04-30", False),
            (event(status="confirmed"), "2026-05-01", True),
            (event(status="happened"), "2026-05-01", False),
            (event(status="cancelled"), "2026-05-01", False),
            # the end counts
            (event(end="2026-05"), "2026-05-01", False),
            # no latest day: never overdue
            (event(When.month(2026, 4).after()), "2030-01-01", False),
        ],
    )
    def test_overdue(self, e: Event, day: str, overdue: bool) -> None:
        assert e.overdue(day) is overdue

    @pytest.mark.parametrize(
        ("new_when", "window", "day", "overdue"),
        [
            # postponed to May: the 24-27 March end no longer applies
            ("2026-05", (D(2026, 5, 1), D(2026, 5, 31)), "2026-04-01", False),
            ("2026-05-10", (D(2026, 5, 10), D(2026, 5, 10)), "2026-04-01", False),
            # postponed without a date, or to a deadline: never overdue in March's wake
            ("TBD", (None, None), "2026-04-01", False),
            ("by June 2026", (None, D(2026, 6, 30)), "2026-04-01", False),
            # moved a day inside the old span: the end still holds
            ("2026-03-25", (D(2026, 3, 25), D(2026, 3, 27)), "2026-03-27", False),
            ("2026-03-25", (D(2026, 3, 25), D(2026, 3, 27)), "2026-03-28", True),
        ],
    )
    def test_a_claim_that_moves_the_date_past_the_end_drops_it(
        self, new_when: str, window: tuple[Any, Any], day: str, overdue: bool
    ) -> None:
        forum = event(When.day(2026, 3, 24), end=When.day(2026, 3, 27))
        moved = forum.revise(when=new_when, stated="2026-03-01")
        assert moved.window == window
        assert moved.overdue(day) is overdue
        lo, hi = moved.fuzzy_window
        assert lo is None or hi is None or lo <= hi
        # as known before the claim, the forum still ran 24-27 March
        assert forum.window == (D(2026, 3, 24), D(2026, 3, 27))
        assert forum.current_end == When.day(2026, 3, 27)

    def test_a_moved_event_is_found_where_it_now_is(self) -> None:
        forum = event(When.day(2026, 3, 24), end=When.day(2026, 3, 27))
        tl = Timeline([forum.revise(when="2026-05", stated="2026-03-01")])
        assert forum.id in tl.overlapping("May 2026")
        assert forum.id not in tl.overlapping("2026-03-25")
        assert len(tl.overdue(as_of="2026-04-01")) == 0
        assert tl[forum.id].current_end is None

    def test_str_and_repr(self) -> None:
        e = event(actors=["Tencent"])
        assert str(e).endswith("expected  Tencent  Hybrid Model 3.0 release")
        assert repr(e).startswith("Event(id='hybrid-model-3-0-release', title=")
        plain = event()
        assert eval(repr(plain), {"Event": Event, "When": When}) == plain

    def test_events_are_frozen_and_hashable(self) -> None:
        e = event()
        with pytest.raises(AttributeError):
            e.title = "other"  # type: ignore[misc]
        assert hash(e) == hash(event())


class TestSharing:
    def test_equal_calendar_values_and_names_are_shared(self) -> None:
        # large timelines repeat values; events share one object per distinct value
        a = event(When.month(2026, 4), actors=["Tencent"], tags=["llm", "china"])
        b = event(When.month(2026, 4), title="other", actors=["Tencent"], tags=["llm", "china"])
        assert a.when is b.when
        assert a.actors is b.actors
        assert a.tags is b.tags

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            # same bounds and grain, different qualifiers
            (When.month(2026, 4), When.month(2026, 4).qualify(approximate=True)),
            (
                When.month(2026, 4).qualify(approximate=True),
                When.month(2026, 4).qualify(uncertain=True),
            ),
            # same span, different relation
            (When.year(2030), When.year(2030).by()),
            # same bounds, different grain
            (When.quarter(2026, 2), When.interval(When.month(2026, 4), When.month(2026, 6))),
            # an open end against an unknown one
            (When.interval("open", When.year(2030)), When.interval("unknown", When.year(2030))),
            # per-component qualifiers (EDTF level 2) against the whole value qualified
            (
                When.from_edtf("2004?-06-~11"),
                attrs.evolve(When.from_edtf("2004?-06-~11"), form=None),
            ),
        ],
    )
    def test_sharing_never_mixes_different_values(self, a: When, b: When) -> None:
        first, second = event(a), event(b, title="other")
        assert first.when == a and second.when == b
        assert first.when != second.when

    def test_the_sharing_key_has_every_field_of_when(self) -> None:
        # _share keys on the fields themselves: a field left out would merge two values.
        import attrs

        from timeline.dates._days import _SHARE_FIELDS

        assert tuple(f.name for f in attrs.fields(When)) == _SHARE_FIELDS

    def test_equal_intervals_are_shared(self) -> None:
        span = When.interval(When.month(2026, 4), When.month(2026, 6))
        again = When.interval(When.month(2026, 4), When.month(2026, 6))
        assert event(span).when is event(again, title="other").when

    def test_instants_keep_their_offsets(self) -> None:
        # equal instants at different offsets compare equal, but each keeps its own offset
        at8 = pendulum.datetime(2026, 4, 15, 10, tz=UTC8)
        a, b = event(at8), event(at8.in_timezone("UTC"), title="b")
        assert a.when == b.when
        assert a.when.earliest is not None
        assert b.when.earliest is not None
        assert a.when.earliest.utcoffset() == dt.timedelta(hours=8)
        assert b.when.earliest.utcoffset() == dt.timedelta(0)


class TestRepr:
    def test_repr_is_a_constructor_call(self) -> None:
        from timeline import Claim, Event, Source, Status, When  # noqa: F401 - used by eval

        event = Event(
            title="DeepSeek V4 release",
            when="2026-04",
            status="confirmed",
            actors=["DeepSeek"],
            sources=[Source("s", published="2026-03~", quote="expected in April")],
        ).revise(when="2026-05", status="expected", stated="2026-04-20", source=Source("t"))
        assert eval(repr(event)) == event
        assert repr(Status.HAPPENED) == "Status.HAPPENED"


class TestClaimStated:
    @pytest.mark.parametrize("stated", ["by 2030", "before 2026", "../2026-04"])
    def test_a_claim_needs_a_first_day(self, stated: str) -> None:
        # a claim counts from the first day it could have been made
        with pytest.raises(EventError, match="has no first day; give the day it was said"):
            Claim(stated=stated)


class TestEndProperties:
    """An event with an end, moved by claims: its span is never inverted."""

    @settings(max_examples=150, deadline=None)
    @given(
        start=st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)),
        length=st.integers(0, 40),
        moved=st.one_of(
            st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)).map(
                lambda d: When.day(d.year, d.month, d.day)
            ),
            st.sampled_from([When.undated(), When.year(2026).by(), When.month(2026, 5)]),
        ),
        day=st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31)),
    )
    def test_window_is_ordered_and_overdue_excludes_upcoming(
        self, start: dt.date, length: int, moved: When, day: dt.date
    ) -> None:
        stop = start + dt.timedelta(days=length)
        forum = Event(
            title="forum",
            when=When.day(start.year, start.month, start.day),
            end=When.day(stop.year, stop.month, stop.day),
        ).revise(when=moved, stated="2025-01-01")
        for lo, hi in (forum.window, forum.fuzzy_window):
            assert lo is None or hi is None or lo <= hi
        # the span reaches at least as far as the current date does
        if moved.latest is not None:
            assert forum.window[1] is not None and forum.window[1] >= moved.latest
        assert not (forum.overdue(day) and forum.upcoming(day, 30))
        # a stated end stands only while the date lies on or before it
        if forum.current_end is not None:
            assert moved.latest is not None and forum.current_end.latest is not None
            assert moved.latest <= forum.current_end.latest
