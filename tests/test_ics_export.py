"""iCalendar export: the mapping policy, properties, RFC 5545 hygiene, determinism, files."""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from pathlib import Path

import pendulum
import pytest

import timeline
from ics_check import check_feed, vevents
from timeline import Claim, Event, IcsError, Source, Status, Timeline, TimelineWarning, When

D = pendulum.date
UTC8 = pendulum.fixed_timezone(8 * 3600)


def feed(*events: Event, **options: object) -> str:
    options.setdefault("name", "Test feed")
    return Timeline(events).to_ics(**options)  # type: ignore[arg-type]


def only(*events: Event, **options: object) -> dict[str, object]:
    """The one VEVENT of a feed, as property -> decoded value (plus the raw text)."""
    (event,) = vevents(feed(*events, **options))
    return event  # type: ignore[no-any-return]


def prop_lines(text: str, name: str) -> list[str]:
    unfolded = text.replace("\r\n ", "")
    return [line for line in unfolded.split("\r\n") if re.match(rf"{name}[;:]", line)]


class TestPlacement:
    """Each row of the mapping table, under the default policy "auto"."""

    @pytest.mark.parametrize(
        ("when", "start", "end"),
        [
            # an instant: a timed event in UTC (10:00 at +08:00 is 02:00Z), a point in time
            (
                When.instant(pendulum.datetime(2026, 4, 15, 10, tz=UTC8)),
                pendulum.datetime(2026, 4, 15, 2),
                None,
            ),
            # a day: one all-day event, DTEND the next day (exclusive)
            (When.day(2026, 4, 15), D(2026, 4, 15), D(2026, 4, 16)),
            # a month: the whole window, exclusive end
            (When.month(2026, 4), D(2026, 4, 1), D(2026, 5, 1)),
            # a week (ISO, Monday to Sunday) and a dekad are windows too
            (When.week(2026, 15), D(2026, 4, 6), D(2026, 4, 13)),
            (When.dekad(2026, 4, 3), D(2026, 4, 21), D(2026, 5, 1)),
            # a quarter (91 days) and a winter across the new year stay windows
            (When.quarter(2026, 2), D(2026, 4, 1), D(2026, 7, 1)),
            (When.season(2026, 24), D(2026, 12, 1), D(2027, 3, 1)),
            # approximate values show their named span; the fuzz is said in words
            (When.month(2026, 6).qualify(approximate=True), D(2026, 6, 1), D(2026, 7, 1)),
            # longer than 92 days: a one-day marker on the last possible day
            (When.third(2024, 1), D(2024, 4, 30), D(2024, 5, 1)),
            (When.half(2026, 1), D(2026, 6, 30), D(2026, 7, 1)),
            (When.year(2030), D(2030, 12, 31), D(2031, 1, 1)),
            (When.decade(2020), D(2029, 12, 31), D(2030, 1, 1)),
            # a deadline: marker on the deadline
            (When.year(2030).by(), D(2030, 12, 31), D(2031, 1, 1)),
            # "before 2030": marker on the last possible day, 31 December 2029
            (When.year(2030).before(), D(2029, 12, 31), D(2030, 1, 1)),
            # "after March 2025" has no last day: marker on the first possible day
            (When.month(2025, 3).after(), D(2025, 4, 1), D(2025, 4, 2)),
            # an interval open at the start ends at its upper end
            (When.interval("open", When.month(2026, 6)), D(2026, 6, 30), D(2026, 7, 1)),
            # a short interval is a window
            (
                When.interval(When.month(2026, 4), When.month(2026, 5)),
                D(2026, 4, 1),
                D(2026, 6, 1),
            ),
        ],
    )
    def test_auto(self, when: When, start: dt.date, end: dt.date | None) -> None:
        event = only(Event(title="x", when=when))
        assert event.decoded("DTSTART") == start
        assert (event.decoded("DTEND") if "DTEND" in event else None) == end

    # One of dates with a gap between them: never one block over the gap ("1 April or
    # 15 June 2026" was shown from 1 April to 15 June), a marker on the last possible day.
    @pytest.mark.parametrize(
        ("text", "start", "end", "marker"),
        [
            ("[2026-04-01,2026-06-15]", D(2026, 6, 15), D(2026, 6, 16), True),
            ("April or June 2026", D(2026, 6, 30), D(2026, 7, 1), True),
            ("[2026-04-01,2026-04-03]", D(2026, 4, 3), D(2026, 4, 4), True),
            # members that touch are one span: shown whole, as a span of that length is
            ("April or May 2026", D(2026, 4, 1), D(2026, 6, 1), False),
            ("[2026-04-01,2026-04-02]", D(2026, 4, 1), D(2026, 4, 3), False),
            # Unspecified digits before a known one ("the 1st-9th of October to December
            # 2026") are one of several runs of days: never one block over the days between.
            # 1-9 October, 1-9 November or 1-9 December: was shown 1 October to 9 December
            ("2026-1X-0X", D(2026, 12, 9), D(2026, 12, 10), True),
            # 1-9 April or 1-9 May... all in 2026-0X-0X: a marker on the last possible day
            ("2026-0X-0X", D(2026, 9, 9), D(2026, 9, 10), True),
            # the day digit unknown last: 10-19 April is one run, shown whole
            ("2026-04-1X", D(2026, 4, 10), D(2026, 4, 20), False),
            ("2026-04-XX", D(2026, 4, 1), D(2026, 5, 1), False),
            # 1 October to 31 December is one run too
            ("2026-1X-XX", D(2026, 10, 1), D(2027, 1, 1), False),
        ],
    )
    def test_a_choice_of_dates_apart_is_a_marker(
        self, text: str, start: dt.date, end: dt.date, marker: bool
    ) -> None:
        event = only(Event(title="x", when=When.parse(text)))
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (start, end)
        assert ("the last possible day" in str(event["DESCRIPTION"])) is marker

    # Moments too: one of two moments apart, or a span of moments longer than 92 days, was one
    # timed block over the time between (a 47-day block for "15 April 10:00Z or 1 June
    # 10:00Z"); now a marker at the last possible moment, as days are. A short span of
    # moments (a meeting) is still shown whole.
    @pytest.mark.parametrize(
        ("text", "start", "end", "marker"),
        [
            (
                "[2026-04-15T10:00Z,2026-06-01T10:00Z]",
                pendulum.datetime(2026, 6, 1, 10),
                None,
                True,
            ),
            (
                "[2026-04-15T10:00Z,2026-04-15T12:00Z]",
                pendulum.datetime(2026, 4, 15, 12),
                None,
                True,
            ),
            (
                "2026-04-15T10:00Z/2026-12-15T12:00Z",
                pendulum.datetime(2026, 12, 15, 12),
                None,
                True,
            ),
            (
                "2026-04-15T10:00Z/2026-04-15T12:00Z",
                pendulum.datetime(2026, 4, 15, 10),
                pendulum.datetime(2026, 4, 15, 12),
                False,
            ),
            (
                "[2026-04-15T10:00Z..2026-04-15T12:00Z,2026-04-15T11:00Z]",
                pendulum.datetime(2026, 4, 15, 10),
                pendulum.datetime(2026, 4, 15, 12),
                False,
            ),
        ],
    )
    def test_moments_apart_or_far_apart_are_a_marker(
        self, text: str, start: dt.datetime, end: dt.datetime | None, marker: bool
    ) -> None:
        event = only(Event(title="x", when=When.parse(text)))
        assert event.decoded("DTSTART") == start
        assert (event.decoded("DTEND") if "DTEND" in event else None) == end
        assert ("the last possible moment" in str(event["DESCRIPTION"])) is marker

    # A year whose first digit is unknown has no day a calendar could show: its bounds are
    # the calendar's ends ("XXXX-04" was a marker on 30 April 9999; under "start" 1 April 1).
    @pytest.mark.parametrize(
        "text", ["XXXX-04", "XXXX", "XXXX-12-25", "X999", "XXXX-04~", "[XXXX-04,2026-06]"]
    )
    @pytest.mark.parametrize("policy", ["auto", "window", "start", "end"])
    def test_an_unknown_year_is_left_out_with_a_warning(self, text: str, policy: str) -> None:
        events = [
            Event(id="edge", title="x", when=When.parse(text)),
            Event(title="ok", when="2026"),
        ]
        with pytest.warns(TimelineWarning, match=r"left 1 event\(s\) out .*'edge'") as caught:
            text = feed(*events, policy=policy)
        assert [str(e["UID"]) for e in vevents(text)] == ["ok@timeline.invalid"]
        # the warning says why, in words: no day of the calendar stands for an unknown year
        said = str(caught[0].message)
        assert f"'edge' ({events[0].when}): its year is unknown (" in said
        assert "no day of the calendar stands for it; give it a year" in said

    # An interval end in an unknown year is an open end: a marker on the known end
    # ("2026-04/XXXX-06" was a marker on 30 June 9999).
    @pytest.mark.parametrize(
        ("text", "start", "where"),
        [
            ("2026-04/XXXX-06", D(2026, 4, 1), "the first possible day"),
            ("XXXX-04/2026-06", D(2026, 6, 30), "the last possible day"),
        ],
    )
    def test_an_interval_end_in_an_unknown_year_is_open(
        self, text: str, start: dt.date, where: str
    ) -> None:
        event = only(Event(title="x", when=When.parse(text)))
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
            start,
            start + dt.timedelta(1),
        )
        assert where in str(event["DESCRIPTION"])

    # A deadline with an end not known yet: was left out of the feed (no first day, no last
    # day), so an event that slipped to "by 2033" vanished from subscribed calendars.
    @pytest.mark.parametrize("end", [When.undated(), When.interval("unknown", "unknown")])
    def test_a_deadline_with_an_unknown_end_is_a_marker_on_the_deadline(self, end: When) -> None:
        event = only(Event(title="x", when=When.year(2033).by(), end=end))
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
            D(2033, 12, 31),
            D(2034, 1, 1),
        )

    def test_an_event_with_an_end_spans_it_whatever_its_length(self) -> None:
        # things that last (a forum, a campaign) are shown over their whole span
        event = only(Event(title="x", when=When.month(2026, 4), end=When.month(2026, 12)))
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (D(2026, 4, 1), D(2027, 1, 1))

    def test_an_end_overtaken_by_a_later_claim_is_dropped(self) -> None:
        e = Event(title="x", when=When.day(2026, 3, 24), end=When.day(2026, 3, 27))
        e = e.revise(stated=When.day(2026, 3, 1), when=When.month(2026, 5))
        event = only(e)
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (D(2026, 5, 1), D(2026, 6, 1))

    def test_timed_start_and_end(self) -> None:
        start = pendulum.datetime(2026, 3, 24, 9, tz=UTC8)
        stop = pendulum.datetime(2026, 3, 24, 17, tz=UTC8)
        event = only(Event(title="x", when=When.instant(start), end=When.instant(stop)))
        assert event.decoded("DTSTART") == pendulum.datetime(2026, 3, 24, 1)
        assert event.decoded("DTEND") == pendulum.datetime(2026, 3, 24, 9)

    def test_a_floating_time_stays_floating(self) -> None:
        text = feed(Event(title="x", when=When.instant(dt.datetime(2026, 4, 15, 10, 30))))
        assert prop_lines(text, "DTSTART") == ["DTSTART:20260415T103000"]

    @pytest.mark.parametrize(
        ("policy", "when", "start", "end"),
        [
            # "window" shows long spans whole
            ("window", When.year(2030), D(2030, 1, 1), D(2031, 1, 1)),
            # ... but a deadline has no first day, so it stays a marker
            ("window", When.year(2030).by(), D(2030, 12, 31), D(2031, 1, 1)),
            # "start" and "end" put a marker on the first or last possible day
            ("start", When.month(2026, 4), D(2026, 4, 1), D(2026, 4, 2)),
            ("end", When.month(2026, 4), D(2026, 4, 30), D(2026, 5, 1)),
            ("start", When.year(2030).by(), D(2030, 12, 31), D(2031, 1, 1)),
            ("end", When.month(2025, 3).after(), D(2025, 4, 1), D(2025, 4, 2)),
            # an instant is itself under any policy
            (
                "end",
                When.instant(pendulum.datetime(2026, 4, 15, 10)),
                pendulum.datetime(2026, 4, 15, 10),
                None,
            ),
        ],
    )
    def test_policy(self, policy: str, when: When, start: dt.date, end: dt.date | None) -> None:
        event = only(Event(title="x", when=when), policy=policy)
        assert event.decoded("DTSTART") == start
        assert (event.decoded("DTEND") if "DTEND" in event else None) == end

    def test_markers_say_where_they_stand(self) -> None:
        event = only(Event(title="x", when=When.year(2030).by()))
        last = str(When.day(2030, 12, 31))
        assert f"Shown on {last}, the last possible day." in str(event["DESCRIPTION"])
        window = only(Event(title="x", when=When.month(2026, 4)))
        assert "Shown on" not in str(window["DESCRIPTION"])

    def test_an_undated_event_is_left_out_with_a_warning(self) -> None:
        undated = Event(title="Someday", when=When.interval("open", "unknown"))
        with pytest.warns(TimelineWarning, match="'someday'"):
            text = feed(undated, Event(title="x", when=When.year(2026)))
        assert [str(e["UID"]) for e in vevents(text)] == ["x@timeline.invalid"]


class TestSummaryAndStatus:
    @pytest.mark.parametrize(
        ("status", "when", "summary", "ical_status"),
        [
            # expected: TENTATIVE, and the date in words, even when exact
            ("expected", When.month(2026, 4), "T (expected {w})", "TENTATIVE"),
            ("expected", When.day(2026, 4, 15), "T (expected {w})", "TENTATIVE"),
            # confirmed or happened with an exact date: just the title
            ("confirmed", When.day(2026, 4, 15), "T", "CONFIRMED"),
            ("happened", When.day(2026, 4, 15), "T", "CONFIRMED"),
            # ... with an imprecise date, the date in words
            ("happened", When.month(2026, 4), "T ({w})", "CONFIRMED"),
            ("confirmed", When.day(2026, 4, 15).qualify(uncertain=True), "T ({w})", "CONFIRMED"),
            ("cancelled", When.month(2026, 4), "T (cancelled)", "CANCELLED"),
        ],
    )
    def test_rows(self, status: str, when: When, summary: str, ical_status: str) -> None:
        event = only(Event(title="T", when=when, status=status), include_cancelled=True)
        assert str(event["SUMMARY"]) == summary.format(w=when)
        assert str(event["STATUS"]) == ical_status
        assert str(event["TRANSP"]) == "TRANSPARENT"

    def test_the_article_example(self) -> None:
        event = only(Event(title="Tencent Hybrid Model 3.0 release", when=When.month(2026, 4)))
        assert (
            str(event["SUMMARY"])
            == f"Tencent Hybrid Model 3.0 release (expected {When.month(2026, 4)})"
        )

    def test_an_event_with_an_end_says_both(self) -> None:
        e = Event(title="Forum", when=When.day(2026, 3, 24), end=When.day(2026, 3, 27))
        assert str(only(e)["SUMMARY"]) == f"Forum (expected {e.when} to {e.end})"

    @pytest.mark.parametrize(
        ("when", "end", "words"),
        [
            # open ends read as words around the date
            (When.parse("../2026-03~"), None, "until c. March 2026"),
            (When.parse("2026-03~/.."), None, "from c. March 2026 onwards"),
            (When.parse("/2030"), None, "unknown start to 2030"),
            # an interval with an end: the parts stay apart
            (When.parse("../2026"), When.year(2027), "until 2026, ending 2027"),
            (When.parse("2025/2026"), When.year(2027), "2025 to 2026, ending 2027"),
            # an end not announced yet (was "by end of 2033 to date not announced")
            (When.year(2033).by(), When.undated(), "by end of 2033, its end not announced"),
        ],
    )
    def test_intervals_in_words(self, when: When, end: When | None, words: str) -> None:
        e = Event(title="T", when=when, end=end)
        assert str(only(e)["SUMMARY"]) == f"T (expected {words})"

    def test_a_marker_for_a_start_says_it_is_the_start(self) -> None:
        # "by 2033", ending TBD: 31 December 2033 is the last day it can start, not its last
        said = str(only(Event(title="T", when="by 2033", end="TBD"))["DESCRIPTION"])
        assert "Shown on 31 December 2033, the last possible day it can start." in said

    @pytest.mark.parametrize(
        ("when", "words"),
        [
            ("2026-XX-15", "the 15th of a month in 2026"),
            ("2026-04-XX", "some day in April 2026"),
            ("202X", "some year in the 2020s"),
            ("2026-1X-0X", "the 1st\u20139th of October\u2013December 2026"),
            ("156X-12-25~", "c. 25 December of some year in the 1560s"),
            ("2026-XX-15/2027-03", "the 15th of a month in 2026 to March 2027"),
            ("[2026-XX-15,2027]", "the 15th of a month in 2026 or 2027"),
            ("2026-W15", "week 15 of 2026 (6\u201312 April 2026)"),
        ],
    )
    def test_unspecified_digits_in_words(self, when: str, words: str) -> None:
        e = Event(title="T", when=when, sources=[Source("s", published=when)])
        e = e.revise(stated="2028-01-01", when="2028-XX", note="moved")
        vevent = only(Event(title="T", when=when))
        assert str(vevent["SUMMARY"]) == f"T (expected {words})"
        assert str(vevent["DESCRIPTION"]).startswith(f"When: {words}\n")
        # every date a description says: the date, its history, the sources' dates
        said = str(only(e)["DESCRIPTION"])
        assert f"first expected {words} (expected)" in said
        assert "date some month of 2028" in said
        assert f"- s, {words}" in said
        assert not re.search(r"\dX|X\d|XX", said), said
        # the value itself travels in X-TIMELINE-EDTF, exactly
        assert str(only(e)["X-TIMELINE-WHEN"]) == "2028-XX"

    def test_figures_dates_in_words(self) -> None:
        goal = timeline.Target(
            "users", "10 users", "202X", baseline=timeline.Observation("201X", "1 users")
        )
        seen = [timeline.Observation("2026-XX", "4 users"), timeline.Observation("2027", "7 users")]
        said = str(
            only(Event(title="T", when="2026", target=goal, observations=seen))["DESCRIPTION"]
        )
        assert (
            "Target: 10 users by some year in the 2020s (users); from 1 users (some year in" in said
        )
        assert "Figures: 4 users (some month of 2026); 7 users (2027)" in said
        assert "Growth: 1.75× from 4 users (some month of 2026) to 7 users (2027)" in said

    def test_cancelled_events_are_left_out_by_default(self) -> None:
        events = [Event(title="a", when=When.year(2026), status="cancelled")]
        assert vevents(feed(*events)) == []
        assert len(vevents(feed(*events, include_cancelled=True))) == 1


def _tracked() -> Event:
    source = Source(
        "Tencent's model race",
        publisher="AI Wave",
        url="https://example.org/news?a=1,2;b",
        published=When.day(2026, 3, 28),
        quote="slated for an April release",
    )
    event = Event(
        title="Hybrid Model 3.0 release",
        when=When.month(2026, 4),
        kind="model-release",
        actors=["Tencent"],
        tags=["llm", "model-release", "open-source"],
        location="Shenzhen, China",
        sources=[Source("No link"), source],
    )
    event = event.revise(stated=When.day(2026, 4, 10), note="still on track")
    event = event.revise(stated=When.day(2026, 4, 20), when=When.month(2026, 5), source=source)
    return event.revise(stated=When.day(2026, 4, 25), note="a note changes nothing")


class TestProperties:
    def test_uid_is_the_id_at_the_domain(self) -> None:
        event = only(Event(title="DeepSeek V4 release", when=When.year(2026)), domain="example.org")
        assert str(event["UID"]) == "deepseek-v4-release@example.org"

    def test_stamps_come_from_the_last_change_not_the_clock(self) -> None:
        event = only(_tracked())
        # The last claim said, 25 April: its note shows in the description's history, so the
        # text was revised then (RFC 5545 §3.8.7.2-3; was 20 April, the last change of date,
        # which left two different versions with one SEQUENCE and DTSTAMP). SEQUENCE counts
        # only the change of date on the 20th: the note is no significant change.
        assert event.decoded("DTSTAMP") == pendulum.datetime(2026, 4, 25)
        assert event.decoded("LAST-MODIFIED") == pendulum.datetime(2026, 4, 25)
        assert event.decoded("SEQUENCE") == 1

    @pytest.mark.parametrize(
        ("event", "stamp"),
        [
            # no claims: the first source's date
            (
                Event(
                    title="x",
                    when=When.year(2026),
                    sources=[Source("s", published=When.month(2026, 3))],
                ),
                pendulum.datetime(2026, 3, 1),
            ),
            # the first source is undated: the latest dated source
            (
                Event(
                    title="x",
                    when=When.year(2026),
                    sources=[Source("a"), Source("b", published=When.day(2026, 2, 1))],
                ),
                pendulum.datetime(2026, 2, 1),
            ),
            # nothing dated at all: a fixed stamp, never the clock
            (Event(title="x", when=When.year(2026)), pendulum.datetime(1970, 1, 1)),
        ],
    )
    def test_stamp_fallbacks(self, event: Event, stamp: dt.datetime) -> None:
        assert only(event).decoded("DTSTAMP") == stamp

    def test_sequence_counts_date_and_status_changes(self) -> None:
        e = Event(title="x", when=When.month(2026, 4))
        e = e.revise(stated=When.day(2026, 4, 20), when=When.month(2026, 5))
        e = e.revise(stated=When.day(2026, 5, 20), status="happened")
        assert only(e).decoded("SEQUENCE") == 2

    def test_categories_kind_then_tags_without_repeats(self) -> None:
        text = feed(_tracked())
        assert prop_lines(text, "CATEGORIES") == ["CATEGORIES:model-release,llm,open-source"]

    def test_url_from_the_first_source_with_one_unescaped(self) -> None:
        text = feed(_tracked())
        assert prop_lines(text, "URL") == ["URL:https://example.org/news?a=1,2;b"]

    def test_url_cannot_break_the_line(self) -> None:
        e = Event(
            title="x",
            when=When.year(2026),
            sources=[Source("s", url="https://x.org/a b\r\nEND:VEVENT")],
        )
        text = feed(e)
        assert prop_lines(text, "URL") == ["URL:https://x.org/a%20b%0D%0AEND:VEVENT"]
        assert len(vevents(text)) == 1

    def test_location(self) -> None:
        assert str(only(_tracked())["LOCATION"]) == "Shenzhen, China"

    @pytest.mark.parametrize(
        ("related", "shown"),
        [
            # an event in the feed is named by its title, as the subscriber sees it
            ("tencent-hybrid-model-3-release", "Related: Tencent Hybrid Model 3.0 release"),
            # an id naming no event in the timeline is shown as it is
            ("not-in-this-feed", "Related: not-in-this-feed"),
        ],
    )
    def test_description_names_related_events_by_title(self, related: str, shown: str) -> None:
        hybrid = Event(
            id="tencent-hybrid-model-3-release",
            title="Tencent Hybrid Model 3.0 release",
            when=When.month(2026, 4),
        )
        v4 = Event(title="DeepSeek V4 release", when=When.month(2026, 4), related=[related])
        (event,) = [e for e in vevents(feed(hybrid, v4)) if "deepseek" in str(e["UID"])]
        assert shown in str(event["DESCRIPTION"]).splitlines()

    def test_description_tells_the_story(self) -> None:
        event = _tracked()
        text = str(only(event)["DESCRIPTION"])
        assert f"When: {event.when}" in text
        assert "Status: expected" in text
        assert "Actors: Tencent" in text
        assert "“slated for an April release”" in text
        assert "<https://example.org/news?a=1,2;b>" in text
        assert f"first expected {When.month(2026, 4)}" in text
        assert f"slipped from {When.month(2026, 4)}, 31 days later" in text
        assert "a note changes nothing" in text


class TestCalendar:
    def test_calendar_properties(self) -> None:
        text = Timeline([], description="What the AI race promised").to_ics(name="AI race 2026")
        calendar = check_feed(text)
        assert str(calendar["PRODID"]) == f"-//timeline//timeline {timeline.__version__}//EN"
        assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == "AI race 2026"
        assert str(calendar["X-WR-CALDESC"]) == "What the AI race promised"
        assert prop_lines(text, "REFRESH-INTERVAL") == ["REFRESH-INTERVAL;VALUE=DURATION:PT12H"]
        assert prop_lines(text, "X-PUBLISHED-TTL") == ["X-PUBLISHED-TTL:PT12H"]

    @pytest.mark.parametrize(
        ("refresh", "written"),
        [
            ("P1D", "P1D"),
            (dt.timedelta(hours=6), "PT6H"),
            (dt.timedelta(days=1, minutes=30), "P1DT30M"),
            # None leaves the refresh interval unsaid
            (None, None),
        ],
    )
    def test_refresh(self, refresh: object, written: str | None) -> None:
        text = feed(refresh=refresh)
        expected = [f"X-PUBLISHED-TTL:{written}"] if written else []
        assert prop_lines(text, "X-PUBLISHED-TTL") == expected

    def test_name_defaults_to_the_timeline_name(self) -> None:
        assert str(check_feed(Timeline(name="Mine").to_ics())["NAME"]) == "Mine"

    @pytest.mark.parametrize("name", [None, "", "  "])
    def test_a_timeline_without_a_name_gives_a_plain_default(self, name: str | None) -> None:
        calendar = check_feed(Timeline(name=name).to_ics())
        assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == "Calendar"

    @pytest.mark.parametrize("description", ["", " ", " \t\r\n "])
    def test_empty_text_properties_are_left_out(self, description: str) -> None:
        # libical refuses an empty "DESCRIPTION:" line
        event = Event(title="x", when="2026-04", location="  ")
        text = Timeline([event], name="x", description=description).to_ics()
        assert not [line for line in text.split("\r\n") if line.endswith(":")]
        assert prop_lines(text, "X-WR-CALDESC") == []
        assert prop_lines(text, "LOCATION") == []

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            # a name given must say something
            ({"name": " "}, "give the feed a name"),
            ({"name": "x", "policy": "middle"}, "'middle' is not a policy; use auto"),
            ({"name": "x", "domain": "not a domain"}, "is not a domain name"),
            ({"name": "x", "domain": ""}, "is not a domain name"),
            ({"name": "x", "refresh": "12 hours"}, "is not an iCalendar duration; write e.g."),
            ({"name": "x", "refresh": dt.timedelta(0)}, "is not positive"),
        ],
    )
    def test_bad_arguments(self, options: dict[str, object], message: str) -> None:
        with pytest.raises(IcsError, match=re.escape(message)):
            Timeline().to_ics(**options)  # type: ignore[arg-type]


class TestHygiene:
    def test_crlf_everywhere_and_folding(self) -> None:
        title = "腾讯混元大模型 3.0 发布 🚀 " * 6
        text = feed(Event(title=title, when=When.month(2026, 4)))
        check_feed(text)  # CRLF only, final CRLF, <= 75 octets, no split characters
        assert str(vevents(text)[0]["SUMMARY"]).startswith(title.strip())

    @pytest.mark.parametrize(
        ("title", "kept"),
        [
            # a title that tries to close the event and open another stays one SUMMARY
            (
                "Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil",
                "Evil\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil",
            ),
            ("Evil\nEND:VCALENDAR", "Evil\nEND:VCALENDAR"),
            # a bare CR is a line break too
            ("Evil\rDTSTART:19700101", "Evil\nDTSTART:19700101"),
            # control characters are dropped rather than written
            ("Bell\x07 and \x00 null", "Bell and  null"),
            # (a lone surrogate cannot reach a feed: Event refuses it, tests/test_hostile.py)
        ],
    )
    def test_text_cannot_inject_properties_or_components(self, title: str, kept: str) -> None:
        e = Event(title=title, when=When.year(2026), description=title, location=title)
        text = feed(e)
        (event,) = vevents(text)
        assert str(event["UID"]) == f"{e.id}@timeline.invalid"
        assert str(event["SUMMARY"]) == f"{kept} (expected {e.when})"
        assert str(event["LOCATION"]) == kept
        lines = text.split("\r\n")
        assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 1
        assert lines.count("END:VCALENDAR") == 1

    @pytest.mark.parametrize(
        ("text", "escaped"),
        [
            ("a;b", "a\\;b"),
            ("a,b", "a\\,b"),
            ("a\\b", "a\\\\b"),
            ("a\nb", "a\\nb"),
            ("a\r\nb", "a\\nb"),
        ],
    )
    def test_text_escaping(self, text: str, escaped: str) -> None:
        out = feed(Event(title="x", when=When.year(2026), location=text))
        assert prop_lines(out, "LOCATION") == [f"LOCATION:{escaped}"]

    def test_text_round_trips_through_icalendar(self) -> None:
        tricky = 'Semi; comma, back\\slash\nnew line "quoted" 腾讯 🚀'
        event = only(Event(title=tricky, when=When.year(2026), location=tricky, status="happened"))
        assert str(event["LOCATION"]) == tricky

    def test_byte_identical_and_in_timeline_order(self) -> None:
        events = [
            Event(title="b", when=When.year(2027)),
            Event(title="a", when=When.month(2026, 4)),
            _tracked(),
            Event(title="c", when=When.instant(pendulum.datetime(2026, 1, 2, 3, 4, tz=UTC8))),
        ]
        first = Timeline(events).to_ics(name="x")
        again = Timeline(list(reversed(events))).to_ics(name="x")
        assert first == again
        uids = [str(e["UID"]).split("@")[0] for e in vevents(first)]
        assert uids == [e.id for e in Timeline(events)]


class TestWriteIcs:
    def test_writes_the_feed(self, tmp_path: Path) -> None:
        tl = Timeline([Event(title="x", when=When.year(2026))])
        path = tmp_path / "feed.ics"
        tl.write_ics(path, name="Feed")
        assert path.read_bytes() == tl.to_ics(name="Feed").encode()
        assert [p.name for p in tmp_path.iterdir()] == ["feed.ics"]

    def test_a_failure_leaves_the_old_feed_intact(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "feed.ics"
        path.write_bytes(b"old feed")
        tl = Timeline([Event(title="x", when=When.year(2026))])

        def broken_fsync(fd: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", broken_fsync)
        with pytest.raises(OSError, match="No space left"):
            tl.write_ics(path, name="Feed")
        assert path.read_bytes() == b"old feed"
        assert [p.name for p in tmp_path.iterdir()] == ["feed.ics"]  # no temp file left

    def test_a_bad_argument_writes_nothing(self, tmp_path: Path) -> None:
        path = tmp_path / "feed.ics"
        path.write_bytes(b"old feed")
        with pytest.raises(IcsError):
            Timeline().write_ics(path, name="x", policy="middle")  # type: ignore[arg-type]
        assert path.read_bytes() == b"old feed"

    @pytest.mark.parametrize(
        "name",
        [
            "feed.yaml",  # a data file's name: iCalendar text in it would not load
            "feed.json",
            "feed.html",
            "feed",  # no suffix at all
            "feed.ics.bak",
            # RFC 5545 section 8.1: .ifb is for free/busy data, which a feed of events is not
            "feed.ifb",
            "feed.ical",  # not the registered extension: calendar apps look for .ics
        ],
    )
    def test_a_feed_needs_an_ics_suffix(self, tmp_path: Path, name: str) -> None:
        tl = Timeline([Event(title="x", when=When.year(2026))])
        with pytest.raises(
            IcsError, match=rf"write_ics: '.*{re.escape(name)}' has no \.ics suffix"
        ):
            tl.write_ics(tmp_path / name, name="Feed")
        assert list(tmp_path.iterdir()) == []  # nothing written
        # an existing file under that name is left as it was
        (tmp_path / name).write_bytes(b"data")
        with pytest.raises(IcsError, match=r"name it e\.g\. feed\.ics"):
            tl.write_ics(str(tmp_path / name))
        assert (tmp_path / name).read_bytes() == b"data"

    @pytest.mark.parametrize("name", ["feed.ics", "FEED.ICS", "my.feed.ics"])
    def test_ics_suffixes_are_written(self, tmp_path: Path, name: str) -> None:
        Timeline().write_ics(tmp_path / name, name="x")
        assert (tmp_path / name).read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")

    def test_keeps_the_permissions_of_the_old_feed(self, tmp_path: Path) -> None:
        path = tmp_path / "feed.ics"
        path.write_bytes(b"old")
        path.chmod(0o644)
        Timeline().write_ics(path, name="x")
        assert path.stat().st_mode & 0o777 == 0o644


def test_claims_are_written_in_stated_order() -> None:
    e = Event(
        title="x",
        when=When.month(2026, 4),
        claims=[
            Claim(stated=When.day(2026, 5, 1), status="happened"),
            Claim(stated=When.day(2026, 4, 1), when=When.month(2026, 5)),
        ],
    )
    text = feed(e)
    claims = prop_lines(text, "X-TIMELINE-CLAIM")
    assert len(claims) == 2 and "2026-04-01" in claims[0]
    assert e.status is Status.HAPPENED


def test_import_timeline_does_not_import_ics() -> None:
    import subprocess
    import sys

    code = "import sys, timeline; print('ics' in sys.modules, 'arrow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_no_warnings_for_a_normal_feed() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        feed(_tracked())


class TestAtTheEndsOfTheCalendar:
    """Times whose UTC form falls outside years 1..9999 never crash a feed."""

    @pytest.mark.parametrize(
        "when",
        [
            "9999-12-31T23:00-14:00",  # year 10000 in UTC
            "0001-01-01T00:00+14:00",  # year 0 in UTC
            "9999-12-31T20:00-05:00",
        ],
    )
    def test_an_instant_past_the_ends_in_utc_is_left_out_and_named(self, when: str) -> None:
        tl = Timeline([Event(id="edge", title="Edge", when=when), Event(title="Ok", when="2026")])
        with pytest.warns(TimelineWarning, match=r"left 1 event\(s\) out .*'edge'") as caught:
            feed = tl.to_ics()
        assert [str(e["SUMMARY"]) for e in vevents(feed)] == ["Ok (expected 2026)"]
        assert "its time is outside years 1..9999 in UTC" in str(caught[0].message)

    # 9999-12-31 has no day after it, so no exclusive DTEND: the day is written as floating
    # times from 00:00:00 to 23:59:59 (None below); a longer span ending there is a marker on
    # its first day. (Was: left out of the feed with a warning; then DTSTART;VALUE=DATE
    # alone, which readers that compute the end cannot read: tests/test_ics_readers.py.)
    @pytest.mark.parametrize(
        ("when", "policy", "start", "end", "marker"),
        [
            ("9999-12-31", "auto", D(9999, 12, 31), None, None),
            ("9999-12-31", "window", D(9999, 12, 31), None, None),
            ("9999", "auto", D(9999, 12, 31), None, "the last possible day"),
            ("by 9999-06", "window", D(9999, 6, 30), D(9999, 7, 1), "the last possible day"),
            ("by 9999", "start", D(9999, 12, 31), None, "the last possible day"),
            ("999X", "end", D(9999, 12, 31), None, "the last possible day"),
            ("[9999-12-30,9999-12-31]", "end", D(9999, 12, 31), None, "the last possible day"),
            ("9999-12", "auto", D(9999, 12, 1), D(9999, 12, 2), "the first possible day"),
            ("9999-12", "window", D(9999, 12, 1), D(9999, 12, 2), "the first possible day"),
            ("9990/9999", "window", D(9990, 1, 1), D(9990, 1, 2), "the first possible day"),
            ("9999", "start", D(9999, 1, 1), D(9999, 1, 2), "the first possible day"),
        ],
    )
    def test_the_last_day_of_the_calendar_is_placed(
        self, when: str, policy: str, start: dt.date, end: dt.date | None, marker: str | None
    ) -> None:
        event = Event(id="edge", title="Edge", when=when, status="confirmed")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            text = feed(event, policy=policy)
        (vevent,) = vevents(text)  # icalendar reads it, no errors
        last_day = end is None
        if last_day:
            start, end = dt.datetime(9999, 12, 31), dt.datetime(9999, 12, 31, 23, 59, 59)
        assert vevent.decoded("DTSTART") == start
        assert vevent.decoded("DTEND") == end
        assert "DURATION" not in vevent
        said = str(vevent["DESCRIPTION"])
        assert (marker in said) if marker else "Shown on" not in said
        # read back: our own feed exactly; as a foreign feed, the day it shows
        assert Timeline.from_ics(text)["edge"].when == When.parse(when)
        foreign = "".join(
            line + "\r\n"
            for line in text.replace("\r\n ", "").split("\r\n")[:-1]
            if not line.startswith("X-")
        )
        (back,) = Timeline.from_ics(foreign)
        shown = (start, end) if last_day else (start, start)
        assert back.window == shown

    @pytest.mark.parametrize(
        ("stated", "stamp"),
        [
            ("0001-01-01T00:00+14:00", "00010101T000000Z"),  # its own day
            ("9999-12-31T23:00-14:00", "99991231T000000Z"),
            ("2026-04-01T10:00+02:00", "20260401T080000Z"),  # in range: the instant in UTC
        ],
    )
    def test_a_claim_stated_past_the_ends_in_utc_stamps_its_day(
        self, stated: str, stamp: str
    ) -> None:
        event = Event(id="e", title="E", when="2026").revise(when="2027", stated=stated)
        feed = Timeline([event]).to_ics()
        assert f"DTSTAMP:{stamp}\r\n" in feed
        check_feed(feed)


class TestFloatingAndZonedEnds:
    """DTEND is a floating time if and only if DTSTART is (RFC 5545 3.8.2.2)."""

    @pytest.mark.parametrize(
        ("when", "end", "start_line"),
        [
            ("2026-04-15T10:00", "2026-04-15T12:00Z", "DTSTART:20260415T100000\r\n"),
            ("2026-04-15T10:00Z", "2026-04-15T12:00", "DTSTART:20260415T100000Z\r\n"),
            ("2026-04-15T10:00+02:00", "2026-04-15T12:00", "DTSTART:20260415T080000Z\r\n"),
        ],
    )
    def test_a_floating_and_a_zoned_end_keep_the_start_alone(
        self, when: str, end: str, start_line: str
    ) -> None:
        text = feed(Event(id="m", title="Meeting", when=when, end=end))
        check_feed(text)
        assert start_line in text
        assert "DTEND" not in text
        said = f"{When.parse(when).words()} to {When.parse(end).words()}"
        assert said in text.replace("\r\n ", "")  # the end, in words

    def test_both_floating_or_both_zoned_keep_their_end(self) -> None:
        for when, end in (("2026-04-15T10:00", "2026-04-15T12:00"),
                          ("2026-04-15T10:00Z", "2026-04-15T13:00+02:00")):  # fmt: skip
            text = feed(Event(id="m", title="Meeting", when=when, end=end))
            check_feed(text)
            assert "DTEND" in text
