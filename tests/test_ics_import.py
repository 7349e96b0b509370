"""iCalendar import: our own feeds exactly, foreign feeds best-effort, damaged files clearly."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import warnings
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import (
    Claim,
    Event,
    IcsError,
    IcsParseError,
    Source,
    Status,
    Timeline,
    TimelineWarning,
    When,
)

D = pendulum.date
UTC8 = pendulum.fixed_timezone(8 * 3600)


def rich_timeline() -> Timeline:
    article = Source(
        "What Tencent's Open AI Ecosystem and Model Race Reveal",
        publisher="AI Large-Model Wave; Guide, 2026",
        url="https://example.org/a?x=1,2;y=\\3",
        published=When.month(2026, 3).qualify(approximate=True),
        quote='"slated for an April release",\nsaid the report',
    )
    tencent = Event(
        title="Tencent Hybrid Model 3.0 release",
        when=When.month(2026, 4),
        kind="model-release",
        actors=["Tencent", "Comma, Inc."],
        tags=["llm", "open;source"],
        location="Shenzhen, China",
        description="Line one\nLine two; with, punctuation \\ backslash",
        sources=[article, Source("Second source")],
        related=["deepseek-v4-release"],
    )
    tencent = tencent.revise(
        stated=When.day(2026, 4, 20), when=When.month(2026, 5), source=article, note="slipped"
    )
    tencent = tencent.revise(stated=When.day(2026, 5, 20), status="happened", note="done")
    return Timeline(
        [
            tencent,
            Event(title="DeepSeek V4 release", when=When.month(2026, 4), actors=["DeepSeek"]),
            Event(
                title="混元 launch event 🚀",
                when=When.instant(pendulum.datetime(2026, 4, 15, 10, tz=UTC8)),
                status="confirmed",
            ),
            Event(title="Floating", when=When.instant(dt.datetime(2026, 4, 16, 9, 30, 15))),
            Event(
                title="World AI forum",
                when=When.day(2026, 3, 24),
                end=When.day(2026, 3, 27),
                status="happened",
            ),
            Event(title="Guangzhou target", when=When.year(2030).by(), kind="policy-target"),
            Event(title="Before", when=When.year(2030).before()),
            Event(title="After", when=When.month(2025, 3).after()),
            Event(title="Early", when=When.third(2024, 1).qualify(uncertain=True)),
            Event(title="Span", when=When.interval(When.month(2026, 4), When.quarter(2026, 3))),
            Event(title="Open start", when=When.interval("open", When.year(2027))),
            Event(title="Winter", when=When.season(2026, 24).qualify(approximate=True)),
        ],
        name="AI race 2026",
        description="Promises, slips; and deliveries",
    )


class TestOwnFeeds:
    def test_round_trip_is_exact(self) -> None:
        tl = rich_timeline()
        back = Timeline.from_ics(tl.to_ics())
        for before, after in zip(tl, back, strict=True):
            assert after == before
        assert back == tl
        assert (back.name, back.description) == (tl.name, tl.description)

    @pytest.mark.parametrize(
        ("timeline", "options", "name"),
        [
            # no name: the feed is called "Calendar", the timeline comes back unnamed
            (Timeline([Event(id="a", title="A", when="2026")]), {}, None),
            # ... unless the feed was given a name
            (Timeline([Event(id="a", title="A", when="2026")]), {"name": "Feed"}, "Feed"),
            # a timeline really called "Calendar"
            (Timeline([Event(id="a", title="A", when="2026")], name="Calendar"), {}, "Calendar"),
            # fiscal years, with names a calendar has to escape
            (Timeline([Event(id="m", title="FY", when="FY2026", actors=["Microsoft"],
                             fiscal_year_start=7)],
                      name="T", fiscal_years={"Microsoft": "July", "Acme, Inc; \"x\"": 4}),
             {}, "T"),
        ],
    )  # fmt: skip
    def test_the_timeline_itself_comes_back(
        self, timeline: Timeline, options: dict[str, str], name: str | None
    ) -> None:
        back = Timeline.from_ics(timeline.to_ics(**options))  # type: ignore[arg-type]
        assert back.name == name
        assert dict(back.fiscal_years) == dict(timeline.fiscal_years)
        if "name" not in options:
            assert back == timeline

    @pytest.mark.parametrize(
        "value", ["{broken", '{"Acme": 13}', '["Acme"]', '{"Acme": "July"}', '{"Acme": true}']
    )
    def test_damaged_fiscal_years_are_skipped_and_named(self, value: str) -> None:
        text = Timeline([Event(id="a", title="A", when="2026")], name="T").to_ics()
        text = text.replace("NAME:T\r\n", f"NAME:T\r\nX-TIMELINE-FISCAL-YEARS:{value}\r\n", 1)
        back, report = Timeline.from_ics(text, report=True)
        assert dict(back.fiscal_years) == {} and len(back) == 1
        assert "calendar properties that cannot be read" in str(report)

    def test_offsets_survive(self) -> None:
        back = Timeline.from_ics(rich_timeline().to_ics())
        instants = [e.when.start for e in back if e.when.is_instant]
        offsets = sorted(str(p.utcoffset()) for p in instants if p is not None and p.tzinfo)
        assert offsets == ["8:00:00"]
        assert any(p is not None and p.tzinfo is None for p in instants)  # floating kept

    @pytest.mark.parametrize("policy", ["auto", "window", "start", "end"])
    def test_round_trip_under_every_policy(self, policy: str) -> None:
        tl = rich_timeline()
        assert Timeline.from_ics(tl.to_ics(policy=policy)) == tl  # type: ignore[arg-type]

    def test_cancelled_events_round_trip_when_included(self) -> None:
        tl = Timeline([Event(title="x", when=When.year(2026), status="cancelled")], name="n")
        assert Timeline.from_ics(tl.to_ics(include_cancelled=True)) == tl
        assert len(Timeline.from_ics(tl.to_ics())) == 0

    @pytest.mark.parametrize("kind", ["str path", "Path", "bytes", "text"])
    def test_sources(self, kind: str, tmp_path: Path) -> None:
        tl = rich_timeline()
        path = tmp_path / "feed.ics"
        tl.write_ics(path)
        source: str | bytes | Path = {
            "str path": str(path),
            "Path": path,
            "bytes": path.read_bytes(),
            "text": path.read_text(encoding="utf-8"),
        }[kind]
        assert Timeline.from_ics(source) == tl

    def test_claim_sources_keep_their_fields(self) -> None:
        tl = rich_timeline()
        back = Timeline.from_ics(tl.to_ics())
        tencent = back["tencent-hybrid-model-3-0-release"]
        claim = tencent.claims[0]
        assert isinstance(claim, Claim) and claim.source is not None
        assert claim.source.quote == '"slated for an April release",\nsaid the report'
        assert tencent.status is Status.HAPPENED and tencent.slipped


def cal(*lines: str, newline: str = "\r\n") -> str:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *lines, "END:VCALENDAR"]
    return newline.join(body) + newline


def vevent(*lines: str, uid: str = "u1@example.com") -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20260101T000000Z", *lines, "END:VEVENT"]


def one(*lines: str) -> Event:
    (event,) = Timeline.from_ics(cal(*vevent("SUMMARY:Thing", *lines))).events
    return event


class TestOwnFeedsEditedElsewhere:
    """Thunderbird and others keep our X-TIMELINE-* properties when the event is moved."""

    TL = Timeline(
        [
            Event(id="m", title="Month", when="2026-04"),
            Event(id="t", title="Call", when="2026-04-15T10:00+02:00"),
            Event(id="y", title="Goal", when="by 2030"),
        ]
    )

    @pytest.mark.parametrize(
        ("old", "new", "moved"),
        [
            ("DTSTART;VALUE=DATE:20260401", "DTSTART;VALUE=DATE:20260505", "'Month'"),
            ("DTEND;VALUE=DATE:20260501", "DTEND;VALUE=DATE:20260503", "'Month'"),
            ("DTSTART:20260415T080000Z", "DTSTART;TZID=Europe/Berlin:20260416T100000", "'Call'"),
            ("DTSTART;VALUE=DATE:20301231", "DTSTART;VALUE=DATE:20300101", "'Goal'"),
        ],
    )
    def test_a_date_moved_in_another_app_is_said(self, old: str, new: str, moved: str) -> None:
        text = self.TL.to_ics()
        assert old in text
        with pytest.warns(TimelineWarning, match="changed in another calendar app") as caught:
            back = Timeline.from_ics(text.replace(old, new))
        assert back == self.TL  # the timeline's own dates: a calendar edit is no claim
        (message,) = [str(w.message) for w in caught if "another calendar" in str(w.message)]
        assert moved in message and new.split(":")[-1] in message

    @pytest.mark.parametrize(
        ("old", "new"),
        [
            # written again by another app, the same dates: nothing to say
            ("DTSTART:20260415T080000Z", "DTSTART;TZID=Europe/Berlin:20260415T100000"),
            ("DTEND;VALUE=DATE:20260501", "DURATION:P30D"),
            ("DTEND;VALUE=DATE:20310101", ""),  # a date alone lasts its day
            ("DTEND;VALUE=DATE:20310101", "DURATION:P1D"),
        ],
    )
    def test_the_same_dates_written_otherwise_say_nothing(self, old: str, new: str) -> None:
        text = self.TL.to_ics()
        assert old in text
        text = text.replace(old + "\r\n", new + "\r\n" if new else "")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert Timeline.from_ics(text) == self.TL

    @pytest.mark.parametrize("policy", ["auto", "window", "start", "end"])
    def test_a_feed_as_written_says_nothing(self, policy: str) -> None:
        text = self.TL.to_ics(policy=policy)  # type: ignore[arg-type]
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert Timeline.from_ics(text) == self.TL


class TestForeignFeeds:
    @pytest.mark.parametrize(
        ("lines", "when", "end"),
        [
            # a DATE: one day
            (["DTSTART;VALUE=DATE:20260415"], When.day(2026, 4, 15), None),
            (
                ["DTSTART;VALUE=DATE:20260415", "DTEND;VALUE=DATE:20260416"],
                When.day(2026, 4, 15),
                None,
            ),
            # some writers give DTEND equal to DTSTART for one day
            (
                ["DTSTART;VALUE=DATE:20260415", "DTEND;VALUE=DATE:20260415"],
                When.day(2026, 4, 15),
                None,
            ),
            # several days: an end on the last day (DTEND is exclusive)
            (
                ["DTSTART;VALUE=DATE:20260324", "DTEND;VALUE=DATE:20260328"],
                When.day(2026, 3, 24),
                When.day(2026, 3, 27),
            ),
            # a DATE written without VALUE=DATE
            (["DTSTART:20260415"], When.day(2026, 4, 15), None),
            (
                ["DTSTART;VALUE=DATE:20260324", "DURATION:P3D"],
                When.day(2026, 3, 24),
                When.day(2026, 3, 26),
            ),
            # UTC times
            (
                ["DTSTART:20260415T020000Z", "DTEND:20260415T030000Z"],
                When.instant(pendulum.datetime(2026, 4, 15, 2)),
                When.instant(pendulum.datetime(2026, 4, 15, 3)),
            ),
            (
                ["DTSTART:20260415T020000Z", "DURATION:PT1H30M"],
                When.instant(pendulum.datetime(2026, 4, 15, 2)),
                When.instant(pendulum.datetime(2026, 4, 15, 3, 30)),
            ),
            # (an end before the start is no end, with a warning: test_ics_foreign)
            # seconds make a second-precision instant
            (
                ["DTSTART:20260415T020005Z"],
                When.instant(pendulum.datetime(2026, 4, 15, 2, 0, 5)),
                None,
            ),
        ],
    )
    def test_dates(self, lines: list[str], when: When, end: When | None) -> None:
        event = one(*lines)
        assert (event.when, event.end) == (when, end)

    def test_a_tzid_zone_is_kept(self) -> None:
        event = one("DTSTART;TZID=Asia/Shanghai:20260415T100000")
        start = event.when.start
        assert isinstance(start, pendulum.DateTime)
        assert start.timezone_name == "Asia/Shanghai"
        assert start.in_tz("UTC") == pendulum.datetime(2026, 4, 15, 2)

    def test_a_floating_time_stays_floating(self) -> None:
        start = one("DTSTART:20260415T100000").when.start
        assert isinstance(start, dt.datetime) and start.tzinfo is None

    def test_floating_times_take_the_calendar_zone(self) -> None:
        text = cal("X-WR-TIMEZONE:Europe/Berlin", *vevent("SUMMARY:x", "DTSTART:20260415T100000"))
        with pytest.warns(TimelineWarning, match="read in the calendar's X-WR-TIMEZONE"):
            start = Timeline.from_ics(text).events[0].when.start
        assert isinstance(start, pendulum.DateTime) and start.timezone_name == "Europe/Berlin"

    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            ("STATUS:TENTATIVE", Status.EXPECTED),
            ("STATUS:CONFIRMED", Status.CONFIRMED),
            ("STATUS:CANCELLED", Status.CANCELLED),
            # an entry on a calendar without STATUS has a fixed date
            ("X-NOTHING:1", Status.CONFIRMED),
        ],
    )
    def test_status(self, status: str, expected: Status) -> None:
        assert one("DTSTART;VALUE=DATE:20260415", status).status is expected

    def test_fields(self) -> None:
        text = cal(
            "X-WR-CALNAME:Conference",
            "X-WR-CALDESC:Talks\\, and more",
            *vevent(
                "SUMMARY:Keynote\\; day one\\, hall A",
                "DTSTART;VALUE=DATE:20260415",
                "DESCRIPTION:First line\\nSecond line",
                "LOCATION:Hall A\\, Shenzhen",
                "CATEGORIES:AI,Keynote",
                "CATEGORIES:Hall\\, A",
                "URL:https://example.org/talk?a=1,2",
                uid="040000008200E00074C5B7101A82E008@example.com",
            ),
        )
        tl = Timeline.from_ics(text)
        (event,) = tl.events
        assert (tl.name, tl.description) == ("Conference", "Talks, and more")
        assert event.id == "040000008200E00074C5B7101A82E008-example.com"
        assert event.title == "Keynote; day one, hall A"
        assert event.description == "First line\nSecond line"
        assert event.location == "Hall A, Shenzhen"
        assert event.tags == ("AI", "Keynote", "Hall, A")
        assert event.sources == (Source("Conference", url="https://example.org/talk?a=1,2"),)

    def test_folding_and_line_ends_are_read_leniently(self) -> None:
        # LF-only line ends, a fold with a tab, and a fold inside a UTF-8 character
        title = "腾讯混元大模型"
        raw = title.encode()
        folded = b"SUMMARY:" + raw[:4] + b"\n " + raw[4:] + b"\n\tend"
        text = cal(*vevent("DTSTART;VALUE=DATE:20260415"), newline="\n").encode()
        text = text.replace(b"BEGIN:VEVENT\n", b"BEGIN:VEVENT\n" + folded + b"\n")
        (event,) = Timeline.from_ics(text).events
        assert event.title == title + "end"

    def test_valarm_and_vtimezone_pass_silently(self) -> None:
        text = cal(
            "BEGIN:VTIMEZONE",
            "TZID:Asia/Shanghai",
            "END:VTIMEZONE",
            *vevent(
                "SUMMARY:x",
                "DTSTART;VALUE=DATE:20260415",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "TRIGGER:-PT15M",
                "END:VALARM",
            ),
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert len(Timeline.from_ics(text)) == 1


class TestForeignWarnings:
    @pytest.mark.parametrize(
        ("lines", "message", "count"),
        [
            # a recurring event: its first occurrence, named in the warning
            (
                vevent("SUMMARY:Weekly sync", "DTSTART:20260406T090000Z", "RRULE:FREQ=WEEKLY"),
                r"recurring events, imported as their first occurrence only: "
                r"'Weekly sync' \(line 4\)",
                1,
            ),
            # an override of one occurrence is skipped
            (
                [
                    *vevent("SUMMARY:Weekly sync", "DTSTART:20260406T090000Z", "RRULE:FREQ=WEEKLY"),
                    *vevent(
                        "SUMMARY:Moved sync",
                        "RECURRENCE-ID:20260413T090000Z",
                        "DTSTART:20260414T090000Z",
                    ),
                ],
                r"RECURRENCE-ID\), skipped: 'Moved sync' \(line 11\)",
                1,
            ),
            # a to-do is not an event
            (
                ["BEGIN:VTODO", "UID:t", "SUMMARY:Buy milk", "END:VTODO"],
                r"components other than VEVENT, skipped: VTODO 'Buy milk' \(line 4\)",
                0,
            ),
            # a line that is not a content line
            (
                [*vevent("SUMMARY:x", "DTSTART;VALUE=DATE:20260415"), "this is not a line"],
                r"not content lines, skipped: line 10 'this is not a line'",
                1,
            ),
            # an unknown zone (no IANA, Windows or VTIMEZONE match): read as a floating time
            (
                vevent("SUMMARY:x", "DTSTART;TZID=Nowhere/Zone:20260415T100000"),
                r"unknown time zones, read as floating times: 'Nowhere/Zone' \(line 8\)",
                1,
            ),
            # no DTSTART: nothing to place
            (
                vevent("SUMMARY:No date"),
                r"could not be read, skipped: 'No date' \(line 4\): no DTSTART",
                0,
            ),
            # a DTSTART that is not a date
            (
                vevent("SUMMARY:Bad", "DTSTART:2026-13-45"),
                r"'Bad' \(line 4\): DTSTART '2026-13-45' \(line 8\) is not a date",
                0,
            ),
            (
                vevent("SUMMARY:Bad", "DTSTART:20260230"),
                r"'Bad' \(line 4\): DTSTART '20260230' \(line 8\) is not a date",
                0,
            ),
            # two events with one UID and nothing newer in either: one event, the later kept
            (
                [
                    *vevent("SUMMARY:A", "DTSTART;VALUE=DATE:20260415", uid="same"),
                    *vevent("SUMMARY:B", "DTSTART;VALUE=DATE:20260416", uid="same"),
                ],
                r"sharing a UID with the same SEQUENCE and DTSTAMP \(the later in the file kept"
                r".*skipped: 'A' \(line 4\), kept 'B' \(line 10\)",
                1,
            ),
            # no SUMMARY
            (vevent("DTSTART;VALUE=DATE:20260415"), r"without a SUMMARY, titled '\(untitled\)'", 1),
            # our own feed with a damaged private property
            (
                vevent(
                    "SUMMARY:x",
                    "DTSTART;VALUE=DATE:20260415",
                    "X-TIMELINE-ID:x",
                    "X-TIMELINE-WHEN:2026",
                    "X-TIMELINE-SOURCE:{broken",
                ),
                r"X-TIMELINE-SOURCE \(line 11\) is not a JSON object",
                0,
            ),
        ],
    )
    def test_named_never_silent(self, lines: list[str], message: str, count: int) -> None:
        with pytest.warns(TimelineWarning) as caught:
            tl = Timeline.from_ics(cal(*lines))
        assert any(re.search(message, str(w.message)) for w in caught), [
            str(w.message) for w in caught
        ]
        assert len(tl) == count


class TestDamagedFiles:
    @pytest.mark.parametrize(
        ("text", "message"),
        [
            # not iCalendar at all
            ("hello\nworld\n", "no BEGIN:VCALENDAR; this is not an iCalendar file"),
            ("", "no BEGIN:VCALENDAR"),
            ("END:VCALENDAR\r\n", "no BEGIN:VCALENDAR"),
            ("\x00\x01\xff\n\x00", "binary data; this is not an iCalendar file"),
            # what people download instead of a feed: the fix for each
            ("<!DOCTYPE html>\n<html><body>Sign in</body></html>\n", "an HTML page, not a"),
            ("\n  <html lang='en'>\n<head></head>\n", "use the calendar's iCalendar (.ics) link"),
            ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana\r\nEND:VCARD\r\n", "a vCard (contacts)"),
        ],
    )
    def test_not_icalendar(self, text: str, message: str) -> None:
        with pytest.raises(IcsParseError, match=re.escape(message)) as caught:
            Timeline.from_ics(text.encode("latin-1"))
        assert caught.value.line == 1

    @pytest.mark.parametrize(
        ("text", "message", "count"),
        [
            # an END that closes nothing is ignored
            (
                "BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                "END lines that close nothing, skipped: END:VEVENT (line 2)",
                0,
            ),
            # cut short: the complete events are kept, the cut one skipped
            (
                cal(*vevent("SUMMARY:a", "DTSTART:20260415"), *vevent("SUMMARY:x"))[:-40],
                "components damaged, skipped: VEVENT lines 10-12 "
                "(never closed; the file may be cut short)",
                1,
            ),
        ],
    )
    def test_structure_recovers(self, text: str, message: str, count: int) -> None:
        with pytest.warns(TimelineWarning) as caught:
            tl = Timeline.from_ics(text.encode())
        assert message in [str(w.message) for w in caught]
        assert len(tl) == count

    def test_latin1_lines_are_read_as_cp1252(self) -> None:
        data = cal(*vevent("SUMMARY:caf\u00e9", "DTSTART;VALUE=DATE:20260415")).encode()
        data = data.replace("café".encode(), b"caf\xe9")  # Latin-1
        with pytest.warns(TimelineWarning, match=r"not UTF-8, read as cp1252 .*: line 7"):
            (event,) = Timeline.from_ics(data)
        assert event.title == "café"

    def test_a_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(IcsError, match=r"neither iCalendar text .* nor a readable file"):
            Timeline.from_ics(tmp_path / "missing.ics")


@functools.cache
def feed_lines() -> tuple[bytes, ...]:
    return tuple(rich_timeline().to_ics().encode().split(b"\r\n"))


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    lines = list(feed_lines())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "cut", "junk", "swap"]))
        if action == "drop":
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at])
        elif action == "cut":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
        elif action == "junk":
            lines.insert(at, draw(st.binary(max_size=20)))
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        if not lines:
            break
    return b"\r\n".join(lines)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_feeds_read_or_raise_our_error(data: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TimelineWarning)
        # a clear error with a line number is a fine answer; anything else fails
        with contextlib.suppress(IcsParseError):
            Timeline.from_ics(data)


PROPS = ["DTSTART", "DTEND", "DURATION", "SUMMARY", "STATUS", "UID", "RRULE", "CATEGORIES", "URL"]
PROPS += ["X-TIMELINE-ID", "X-TIMELINE-WHEN", "X-TIMELINE-END", "X-TIMELINE-SOURCE"]
PROPS += ["X-TIMELINE-CLAIM", "X-TIMELINE-STATUS", "X-TIMELINE-ACTORS"]
VALUES = st.one_of(
    st.text(max_size=25),
    st.sampled_from(["20260415", "20260415T100000Z", "P99999999D", "PT1H", "2026-04", "{}"]),
    st.sampled_from(['{"stated":"2026-13"}', '{"stated":[1]}', '{"title":{"a":1}}', "[..2030]"]),
)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(PROPS),
            st.sampled_from(["", ";VALUE=DATE", ";TZID=Nowhere/Zone", ';TZID="Asia/Shanghai"']),
            VALUES,
        ),
        max_size=8,
    )
)
def test_random_values_read_or_warn(props: list[tuple[str, str, str]]) -> None:
    lines = [
        f"{name}{params}:{value}".replace("\r", "").replace("\n", "")
        for name, params, value in props
    ]
    text = cal("BEGIN:VEVENT", *lines, "END:VEVENT")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TimelineWarning)
        Timeline.from_ics(text)
