"""Foreign calendars read honestly: no wrong answer given in silence.

One file, one encoding: a file in a legacy encoding (GB2312, Shift_JIS ...) may
hold a line that is valid UTF-8 by chance (GB2312 ``同时`` is the UTF-8 bytes of
``ͬʱ``), or a line that really is UTF-8 (two files joined); the first is read in
the file's encoding, the second as UTF-8, and the report says which lines were
read how. Also: a THISANDFUTURE override keeps its exact length (dateutil and
zoneinfo as the oracle), lines ended by CR alone among others, a property given
twice, VTIMEZONE rules with a time of day (icalendar as the oracle).
"""

from __future__ import annotations

import codecs
import datetime as dt
import time
import warnings
import zoneinfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from fuzzing import examples
from ics_feeds import feed, read, said
from timeline import Timeline, When

GBK = "GB2312/GBK (Simplified Chinese)"


def _events(titles: list[str]) -> list[list[str]]:
    return [[f"UID:{i}", f"SUMMARY:{t}", f"DTSTART:2026041{i}"] for i, t in enumerate(titles)]


class TestOneFileOneEncoding:
    @pytest.mark.parametrize(
        ("codec", "titles"),
        [
            # 同时 in GB2312 is the UTF-8 of 'ͬʱ', 平台 of 'ƽ̨', 没 of 'û': read as UTF-8 before
            ("gb2312", ["季度总结会", "同时"]),
            ("gb2312", ["项目评审会议", "平台", "没"]),
            ("gbk", ["北京总部年会", "实时", "5楼"]),
            ("gb18030", ["团队建设活动", "同时", "平台"]),
        ],
    )  # fmt: skip
    def test_a_line_valid_in_utf8_by_chance_is_read_as_the_rest(
        self, codec: str, titles: list[str]
    ) -> None:
        data = feed(*_events(titles)).encode(codec)
        timeline, report = read(data)
        assert [e.title for e in timeline] == titles
        assert report.encoding != "UTF-8"

    @pytest.mark.parametrize(
        ("codec", "legacy", "joined"),
        [
            # a GB2312 file and a UTF-8 one joined: each line in its own, the UTF-8 ones said
            ("gb2312", ["季度总结会", "团队建设活动"], ["新製品の発表会"]),
            ("gb2312", ["季度总结会", "团队建设活动"], ["Café Müller"]),
            ("gb2312", ["季度总结会", "团队建设活动"], ["同时", "Привет мир"]),
            ("shift_jis", ["会議の準備", "打合せ"], ["会议", "Zoë’s – 5 €"]),
        ],
    )  # fmt: skip
    def test_a_utf8_line_in_a_legacy_file_is_read_and_said(
        self, codec: str, legacy: list[str], joined: list[str]
    ) -> None:
        head = feed(*_events(legacy)).encode(codec).rsplit(b"END:VCALENDAR", 1)[0]
        tail = feed(*_events(joined)).encode().split(b"VERSION:2.0\r\n", 1)[1]
        timeline, report = read(head + tail.replace(b"UID:", b"UID:u"))
        assert sorted(e.title for e in timeline) == sorted([*legacy, *joined])
        assert "UTF-8" in said(report) and "(files joined?)" in said(report)

    def test_the_lines_read_as_the_rest_are_named_with_their_utf8_reading(self) -> None:
        _, report = read(feed(*_events(["季度总结会", "同时"])).encode("gb2312"))
        text = said(report)
        assert f"lines that are valid UTF-8 too, read as {GBK} as the rest of the file" in text
        assert "'ͬʱ'" in text  # what UTF-8 would have made of it


_HANZI = [
    char
    for lead in range(0xB0, 0xD8)
    for trail in range(0xA1, 0xFF)
    if "\ufffd" not in (char := bytes([lead, trail]).decode("gb2312", "replace"))
]
_JOINED = ["Café Müller", "新製品の発表会", "Привет мир", "同时", "Zoë’s – 5 €", "Ελλάδα", "会议"]


@settings(max_examples=examples(60), deadline=None)
@given(
    legacy=st.lists(st.text(st.sampled_from(_HANZI), min_size=1, max_size=6), min_size=2,
                    max_size=4),
    joined=st.lists(st.sampled_from(_JOINED), max_size=2),
)  # fmt: skip
def test_every_line_read_right_or_its_other_reading_named(
    legacy: list[str], joined: list[str]
) -> None:
    """A GB2312 file (some of its lines valid UTF-8 by chance), maybe joined with a UTF-8 one:
    each title comes back as written (a UTF-8 one: or its reading is quoted), or the report
    names GB2312 as the file's other reading."""
    assume(not all(_utf8(t.encode("gb2312")) for t in legacy))  # else a UTF-8 file
    head = feed(*_events(legacy)).encode("gb2312").rsplit(b"END:VCALENDAR", 1)[0]
    tail = feed(*_events(joined)).encode().split(b"VERSION:2.0\r\n", 1)[1]
    timeline, report = read(head + tail.replace(b"UID:", b"UID:u"))
    got = {e.id: e.title for e in timeline}
    wanted = {str(i): t for i, t in enumerate(legacy)} | {f"u{i}": t for i, t in enumerate(joined)}
    assert got.keys() == wanted.keys()
    if report.encoding != GBK:  # a file too short to tell: GB2312 named as another reading
        assert f"also reads as {GBK}" in said(report)
        return
    for key, title in wanted.items():  # joined: read as UTF-8, or that reading quoted
        assert got[key] == title or (key[0] == "u" and repr(title) in said(report)), key


def _utf8(data: bytes) -> bool:
    try:
        data.decode()
    except UnicodeDecodeError:
        return False
    return True


# -- RECURRENCE-ID;RANGE=THISANDFUTURE: the moved occurrences keep the override's length -------
# RFC 5545 §3.8.5.3: with DTEND every occurrence lasts the exact span DTEND - DTSTART; an
# override from one occurrence on moves the later ones, each as long as the override.

_WEEKLY = ["UID:s", "SUMMARY:Night shift", "DTSTART;TZID=Europe/Berlin:20260314T220000",
           "DTEND;TZID=Europe/Berlin:20260315T080000", "RRULE:FREQ=WEEKLY;COUNT=6",
           "EXDATE;TZID=Europe/Berlin:20260314T220000,20260321T220000"]  # fmt: skip


def _berlin(wall: dt.datetime) -> dt.datetime:
    return wall.replace(tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))


class TestThisAndFutureKeepsLengths:
    @pytest.mark.parametrize(
        ("override", "start", "length"),
        [
            # from the 21st on, 21:00 to 08:00 (11 hours); the 28th runs into the clock change
            (["DTSTART;TZID=Europe/Berlin:20260321T210000",
              "DTEND;TZID=Europe/Berlin:20260322T080000"], dt.datetime(2026, 3, 28, 21), 11),
            # only renamed: the series' own 10 hours, from 22:00 on the 28th
            (["SUMMARY:Renamed"], dt.datetime(2026, 3, 28, 22), 10),
            # an end in UTC: the same exact span
            (["DTSTART;TZID=Europe/Berlin:20260321T210000", "DTEND:20260322T070000Z"],
             dt.datetime(2026, 3, 28, 21), 11),
        ],
    )  # fmt: skip
    def test_across_a_clock_change(
        self, override: list[str], start: dt.datetime, length: int
    ) -> None:
        rid = ["UID:s", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20260321T220000"]
        (event,) = read(feed(_WEEKLY, [*rid, *override]))[0]
        begin = _berlin(start)
        assert event.when == When.instant(begin)
        assert event.end is not None and isinstance(event.end.earliest, dt.datetime)
        ends = event.end.earliest.astimezone(dt.UTC)
        assert ends == begin.astimezone(dt.UTC) + dt.timedelta(hours=length)  # not the wall


class TestADeclaredCharsetIsReadEvenWhenValidUtf8:
    @pytest.mark.parametrize(
        ("charset", "codec", "title"),
        [
            # vCalendar 1.0: the line says GB2312; its bytes are the UTF-8 of 'ͬʱ' too
            ("GB2312", "gb2312", "同时"),
            ("GBK", "gbk", "平台 实时"),
        ],
    )
    def test_the_line_as_it_declares(self, charset: str, codec: str, title: str) -> None:
        text = feed(["UID:a", f"SUMMARY;CHARSET={charset}:{title}", "DTSTART:20260415"],
                    head=("VERSION:1.0",))  # fmt: skip
        timeline, report = read(text.replace("VERSION:2.0\r\n", "").encode(codec))
        assert [e.title for e in timeline] == [title]
        assert f"read in the CHARSET they declare ({charset})" in said(report)

    def test_surely_utf8_text_under_a_wrong_charset_is_utf8_and_said(self) -> None:
        line = "SUMMARY;CHARSET=ISO-8859-1:Café Müller"  # a writer that declares but writes UTF-8
        timeline, report = read(feed(["UID:a", line, "DTSTART:20260415"]).encode())
        assert [e.title for e in timeline] == ["Café Müller"]
        assert "ISO-8859-1" in said(report)


class TestAPropertyGivenTwice:
    @pytest.mark.parametrize(
        ("lines", "said_"),
        [
            (["SUMMARY:First", "SUMMARY:Second"], "SUMMARY 'Second' (line 7)"),
            (["SUMMARY:First", "LOCATION:Room 1", "LOCATION:Room 2"], "LOCATION 'Room 2' (line 8)"),
            (["SUMMARY:First", "DTEND:20260415T110000Z", "DTEND:20260415T120000Z"],
             "DTEND '20260415T120000Z' (line 8)"),
            (["SUMMARY:First", "STATUS:CONFIRMED", "STATUS:CANCELLED"],
             "STATUS 'CANCELLED' (line 8)"),
        ],
    )  # fmt: skip
    def test_the_first_is_kept_and_the_others_said(self, lines: list[str], said_: str) -> None:
        """icalendar gives both; a title or place that differs was dropped in silence."""
        body = ["UID:a", "DTSTART:20260415T100000Z", *lines]
        timeline, report = read(feed(body))
        (event,) = timeline
        assert event.title == "First"
        assert "more than once (RFC 5545 allows one), the first kept" in said(report)
        assert said_ in said(report)

    def test_the_same_value_twice_is_not_said(self) -> None:
        body = ["UID:a", "DTSTART:20260415T100000Z", "SUMMARY:First", "SUMMARY:First"]
        assert "more than once" not in said(read(feed(body))[1])


# -- line ends: old Mac files (CR alone) joined with others ------------------------------------

_A = feed(["UID:a", "SUMMARY:A", "DTSTART:20260415"])
_B = feed(["UID:b", "SUMMARY:B", "DTSTART:20260416", "DESCRIPTION:x"]).replace(
    "SUMMARY:B", "SUMMARY:B\r\n b"
)


class TestLineEnds:
    @pytest.mark.parametrize(
        "data",
        [
            _A + _B.replace("\r\n", "\r"),  # lost B as "damaged" before
            _A.replace("\r\n", "\r") + _B,  # refused the file: "no BEGIN:VCALENDAR" before
            _A.replace("\r\n", "\n") + _B.replace("\r\n", "\r"),
            _A.replace("\r\n", "\r") + _B.replace("\r\n", "\n"),
        ],
    )
    def test_files_joined_with_other_line_ends(self, data: str) -> None:
        timeline, report = read(data.encode())
        assert [(e.title, e.description) for e in timeline] == [("A", None), ("Bb", "x")]
        assert "CR alone" in said(report)

    @pytest.mark.parametrize("ends", ["\r", "\n", "\r\n"])
    def test_one_kind_of_line_end_is_not_said(self, ends: str) -> None:
        timeline, report = read((_A + _B).replace("\r\n", ends).encode())
        assert [e.title for e in timeline] == ["A", "Bb"]
        assert report.clean

    def test_a_cr_inside_a_value_stays_in_it(self) -> None:
        data = feed(["UID:a", "SUMMARY:A", "DTSTART:20260415", "DESCRIPTION:one\rtwo: three"])
        (event,) = read(data.encode())[0]
        assert event.description == "one\ntwo: three"  # a line break in the text, as before


_TEXT = (
    st.text(
        st.sampled_from([*"abcXYZ 09-.!?'", *"éüßñ", *"会議同时平台", *"Привет", "😀", "\u00a0"]),
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=examples(60), deadline=None)
@given(
    titles=st.lists(_TEXT, min_size=1, max_size=3),
    ends=st.lists(st.sampled_from(["\r\n", "\n", "\r"]), min_size=1, max_size=3),
    bom=st.booleans(),
    cuts=st.lists(st.integers(20, 200), max_size=6),  # writers fold long lines, not BEGIN:
)
def test_line_ends_folds_and_a_mark_change_nothing(
    titles: list[str], ends: list[str], bom: bool, cuts: list[int]
) -> None:
    """The same calendar, however its lines end (each file joined its own way), wherever its
    long lines are folded (inside a UTF-8 character too), with or without a byte-order mark:
    the same events."""
    events = [
        [f"UID:{i}", f"SUMMARY:{t}", f"DESCRIPTION:{t[::-1]}", f"DTSTART:2026041{i}"]
        for i, t in enumerate(titles)
    ]
    expected, _ = read(feed(*events).encode())
    parts = []
    for k, body in enumerate(events):
        lines = [line.encode() for line in feed(body).split("\r\n") if line]
        folded = []
        for line in lines:
            for cut in sorted({c for c in cuts if c < len(line)}, reverse=True):
                line = line[:cut] + b"\n " + line[cut:]
            folded.append(line)
        end = ends[k % len(ends)].encode()
        parts.append(b"\n".join(folded).replace(b"\n", end) + end)
    data = (b"\xef\xbb\xbf" if bom else b"") + b"".join(parts)
    timeline, _ = read(data)
    assert [(e.title, e.description, e.when) for e in timeline] == [
        (e.title, e.description, e.when) for e in expected
    ]


# -- VTIMEZONE rules with a time of day (Lotus Notes writes BYHOUR=2;BYMINUTE=0) ---------------


def _zone(daylight_rule: str) -> list[str]:
    return [
        "BEGIN:VTIMEZONE", "TZID:Notes", "BEGIN:STANDARD", "DTSTART:19701025T030000",
        "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
        "RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=3;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
        f"RRULE:{daylight_rule}", "END:DAYLIGHT", "END:VTIMEZONE",
    ]  # fmt: skip


def _calendar(rule: str, start: str) -> str:
    event = ["BEGIN:VEVENT", "UID:n", "SUMMARY:x", f"DTSTART;TZID=Notes:{start}", "END:VEVENT"]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", *_zone(rule), *event, "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


class TestZoneRulesWithATimeOfDay:
    @pytest.mark.parametrize("day", ["20260115", "20260415", "20260715", "20261115"])
    def test_followed_as_icalendar_reads_them(self, day: str) -> None:
        """Read as floating before ("unknown time zones"): every time off by its offset."""
        import icalendar

        rule = "FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=3"
        data = _calendar(rule, f"{day}T100000").encode()
        (event,), report = read(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs = icalendar.Calendar.from_ical(data).walk("VEVENT")[0].decoded("DTSTART")
        assert isinstance(event.when.earliest, dt.datetime)
        assert event.when.earliest.tzinfo is not None, said(report)
        assert event.when.earliest.astimezone(dt.UTC) == theirs.astimezone(dt.UTC)

    def test_many_times_a_day_are_not_walked(self) -> None:
        hours = ",".join(str(h) for h in range(24))
        minutes = ",".join(str(m) for m in range(60))
        rule = f"FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;BYHOUR={hours};BYMINUTE={minutes}"
        started = time.perf_counter()
        _, report = read(_calendar(rule, "20260415T100000"))
        assert time.perf_counter() - started < 5
        assert "Notes" in said(report)  # left floating, and said


@settings(max_examples=examples(60), deadline=None)
@given(
    excluded=st.sets(st.integers(0, 7), max_size=6),
    at=st.integers(0, 7),
    shift=st.tuples(st.integers(-3, 20), st.integers(-16, 16)),  # days, hours
    length=st.integers(1, 40 * 60) | st.none(),  # the override's DTEND, minutes after; or none
    zone=st.sampled_from([None, "Europe/Berlin", "America/New_York"]),
)
def test_this_and_future_lengths_against_zoneinfo(
    excluded: set[int], at: int, shift: tuple[int, int], length: int | None, zone: str | None
) -> None:
    """RFC 5545 §3.2.13 and §3.8.5.3 over dateutil's occurrences and zoneinfo's clocks: from
    the `at`-th on, moved on the wall clock, each lasting the override's exact span."""
    from dateutil.rrule import WEEKLY, rrule

    walls = list(rrule(WEEKLY, count=8, dtstart=dt.datetime(2026, 3, 4, 22)))  # DST 8/29 Mar
    tz = zoneinfo.ZoneInfo(zone) if zone else dt.UTC
    param, z = (f";TZID={zone}", "") if zone else ("", "Z")

    def stamp(name: str, wall: dt.datetime) -> str:
        return f"{name}{param}:{wall:%Y%m%dT%H%M%S}{z}"

    def instant(wall: dt.datetime) -> dt.datetime:
        return wall.replace(tzinfo=tz).astimezone(dt.UTC)  # fold=0: RFC 5545 §3.3.5

    by = dt.timedelta(days=shift[0], hours=shift[1])
    master = ["UID:s", "SUMMARY:S", stamp("DTSTART", walls[0]),
              stamp("DTEND", walls[0] + dt.timedelta(hours=10)), "RRULE:FREQ=WEEKLY;COUNT=8",
              *(stamp("EXDATE", walls[i]) for i in sorted(excluded))]  # fmt: skip
    new_start = walls[at] + by
    override = ["UID:s", stamp("RECURRENCE-ID;RANGE=THISANDFUTURE", walls[at]),
                "SUMMARY:Changed", stamp("DTSTART", new_start)]  # fmt: skip
    span = None
    if length is not None:
        new_end = new_start + dt.timedelta(minutes=length)
        override.append(stamp("DTEND", new_end))
        span = instant(new_end) - instant(new_start)
    timeline, _ = read(feed(master, override))
    left = []
    for i, wall in enumerate(walls):
        if i in excluded:
            continue
        if i < at:
            begin = instant(wall)
            left.append((begin, "S", instant(wall + dt.timedelta(hours=10)) - instant(wall)))
        else:
            left.append((instant(wall + by), "Changed", span))
    if not left:
        assert len(timeline) == 0
        return
    moment, title, lasting = min(left, key=lambda x: x[0])
    (event,) = timeline
    assert isinstance(event.when.earliest, dt.datetime)
    assert (event.title, event.when.earliest.astimezone(dt.UTC)) == (title, moment)
    if lasting is None or lasting <= dt.timedelta(0):
        assert event.end is None
    else:
        assert event.end is not None and isinstance(event.end.earliest, dt.datetime)
        assert event.end.earliest.astimezone(dt.UTC) - moment == lasting


class TestAFileValidInUtf8ByChance:
    @pytest.mark.parametrize(
        ("codec", "titles"),
        [
            ("gb2312", ["同时"]),  # 'ͬʱ' in UTF-8: a combining mark and a modifier letter
            ("gbk", ["平台", "实时"]),  # 'ƽ̨', 'ʵʱ'
            ("gbk", ["同时", "没"]),  # 'û' alone is no word of UTF-8 text either
        ],
    )
    def test_read_in_the_encoding_its_text_is_in(self, codec: str, titles: list[str]) -> None:
        """Read as UTF-8 before, in silence: a clean report of mojibake."""
        timeline, report = read(feed(*_events(titles)).encode(codec))
        assert [e.title for e in timeline] == titles
        assert report.encoding == GBK
        assert "valid in UTF-8" in said(report)

    @pytest.mark.parametrize(
        "titles",
        [
            ["Hawaiʻi trip", "20°C", "Zoë", "Ελλάδα"],  # ʻokina inside a word: UTF-8 text
            ["½ day", "Café"],
            ["ˈstress", "ʻ"],  # odd, but one line is a word of letters around it
            ["Köln", "ͬʱ"],  # one line surely UTF-8: the file is
        ],
    )
    def test_utf8_text_stays_utf8(self, titles: list[str]) -> None:
        timeline, report = read(feed(*_events(titles)).encode())
        assert [e.title for e in timeline] == titles
        assert report.encoding == "UTF-8"

    @pytest.mark.parametrize("odd", ["\x9b", "\x85\x9b", "ͬʱ", "\u0530"])
    def test_a_feed_timeline_wrote_is_read_as_utf8(self, odd: str) -> None:
        """timeline writes nothing but UTF-8: its own feed, whatever odd text it holds (a C1
        control, mojibake a user typed), reads back as written (was: read as EUC-KR or
        GBK, "a file valid in UTF-8 whose text is not UTF-8 text", found by a round-trip
        property with the tag "\x9b")."""
        from timeline import Event

        tl = Timeline([Event(title="x", when="2026-04", tags=[odd])], name="N")
        back, report = read(tl.to_ics().encode())
        assert back["x"].tags == tl["x"].tags  # (names are trimmed: "\x85" is white space)
        assert report.encoding == "UTF-8"
        assert "valid in UTF-8" not in said(report)


_LATIN = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzAEIOU"), min_size=1, max_size=8)
_WORDS = st.one_of(
    _LATIN,
    st.tuples(_LATIN, st.sampled_from(["é", "ü", "ß", "ñ", "n\u0303", "e\u0301", "ʻ", "ˈ"]),
              _LATIN).map("".join),  # accents, decomposed (macOS), ʻokina, IPA stress
    st.text(st.sampled_from("αβγδεζηθικλμνξοπρστυφχψω"), min_size=2, max_size=8),
    st.text(st.sampled_from("абвгдежзийклмнопрстуфхцчшщыэюя"), min_size=2, max_size=8),
    st.text(st.sampled_from("会議同时平台项目东京서울"), min_size=1, max_size=6),
    st.sampled_from(["20°C", "½", "€5", "№ 3", "©", "😀", "–", "“q”"]),
)  # fmt: skip


@settings(max_examples=examples(80), deadline=None)
@given(titles=st.lists(st.lists(_WORDS, min_size=1, max_size=4).map(" ".join), min_size=1,
                       max_size=3))  # fmt: skip
def test_a_utf8_file_of_text_is_read_as_written(titles: list[str]) -> None:
    """Whatever a UTF-8 file's text (accents, decomposed ones, modifier letters inside words,
    Greek, Cyrillic, CJK, signs): read as UTF-8, never as GB2312 that is valid UTF-8."""
    timeline, report = read(feed(*_events(titles)).encode())
    assert [e.title for e in timeline] == titles
    assert report.encoding == "UTF-8"


class TestCalendarWordsGivenTwice:
    def test_two_x_wr_timezones_the_first_used_and_the_other_said(self) -> None:
        head = ("X-WR-TIMEZONE:Asia/Tokyo", "X-WR-TIMEZONE:Europe/Berlin")
        (event,), report = read(feed(["UID:a", "SUMMARY:A", "DTSTART:20260415T100000"], head=head))
        assert event.when == When.parse("2026-04-15T10:00+09:00[Asia/Tokyo]")
        assert "X-WR-TIMEZONE 'Europe/Berlin' (line 4)" in said(report)

    def test_two_vtimezones_of_one_tzid_with_other_rules_are_said(self) -> None:
        def zone(offset: str) -> list[str]:
            return ["BEGIN:VTIMEZONE", "TZID:Office", "BEGIN:STANDARD",
                    "DTSTART:19700101T000000", f"TZOFFSETFROM:{offset}", f"TZOFFSETTO:{offset}",
                    "END:STANDARD", "END:VTIMEZONE"]  # fmt: skip

        event = ["BEGIN:VEVENT", "UID:a", "SUMMARY:A", "DTSTART;TZID=Office:20260415T100000",
                 "END:VEVENT"]  # fmt: skip
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", *zone("+0100"), *zone("+0900"), *event,
                 "END:VCALENDAR"]  # fmt: skip
        (read_back,), report = read("\r\n".join(lines) + "\r\n")
        assert read_back.when.earliest.utcoffset() == dt.timedelta(hours=1)  # type: ignore[union-attr]
        assert "TZID 'Office' (line 11)" in said(report)

    def test_the_same_definition_twice_is_not_said(self) -> None:
        head = ("X-WR-TIMEZONE:Asia/Tokyo", "X-WR-TIMEZONE:Asia/Tokyo")
        _, report = read(feed(["UID:a", "SUMMARY:A", "DTSTART:20260415T100000"], head=head))
        assert "more than once" not in said(report)


# -- a file valid in UTF-8 whose legacy text reads as ordinary UTF-8 text ----------------------
# GBK 一一 is the UTF-8 of 'һһ' (Cyrillic shha), 小小 of 'СС' (two capital Es): no mojibake
# mark, so it was read as UTF-8 in silence. Now: letters no language writes so (an extended
# Cyrillic letter, accented Latin with no ASCII letter, scripts mixed in a word) read as the
# legacy text; ordinary letters in both readings are said as ambiguous, unless the calendar
# says its language.


class TestLegacyTextThatReadsAsUtf8Text:
    @pytest.mark.parametrize(
        ("codec", "titles", "head"),
        [
            ("gbk", ["一一"], ("X-WR-TIMEZONE:Asia/Shanghai",)),  # 'һһ': no Russian word
            ("gbk", ["一一", "一"], ()),  # 'һ' alone: an extended letter, no word
            ("gb2312", ["小小"], ("X-WR-CALNAME;LANGUAGE=zh-CN:Work",)),  # 'СС': said zh-CN
            ("gb2312", ["小小"], ("X-WR-TIMEZONE:Asia/Shanghai",)),  # a Chinese zone
            ("big5", ["苤苠"], ("X-WR-TIMEZONE:Asia/Taipei",)),  # "СТ"
            ("euc_kr", ["퓨"], ("X-WR-TIMEZONE:Asia/Seoul",)),  # 'ǻ': accented, no ASCII
        ],
    )  # fmt: skip
    def test_read_as_the_legacy_text_and_said(
        self, codec: str, titles: list[str], head: tuple[str, ...]
    ) -> None:
        data = feed(*_events(titles), head=head).encode(codec)
        data.decode()  # valid UTF-8 throughout
        timeline, report = read(data)
        assert [e.title for e in timeline] == titles
        assert report.encoding != "UTF-8" and "valid in UTF-8" in said(report)

    @pytest.mark.parametrize(
        ("codec", "titles"),
        [
            ("gb2312", ["小小"]),  # 'СС'
            ("gb2312", ["小 小笑"]),  # 'С СЦ'
            ("big5", ["苤苠 苺"]),  # "СТ У"
        ],
    )
    def test_both_readings_text_is_said_not_guessed(self, codec: str, titles: list[str]) -> None:
        """No hint: UTF-8 (RFC 5545's), and the legacy reading quoted (was: silence)."""
        data = feed(*_events(titles)).encode(codec)
        timeline, report = read(data)
        text = said(report)
        if [e.title for e in timeline] != titles:
            assert report.encoding == "UTF-8"
            assert all(repr(t) in text for t in titles), text
            assert "reads as text in" in text

    @pytest.mark.parametrize(
        "titles",
        [
            ["Встреча с клиентом", "вода"],  # Cyrillic, a word of one letter among them
            ["Café", "à Paris"],  # one accented letter alone is a French word
            ["Ελλάδα"],  # 'Ε' is CE 95: GBK only in its extension, no GB2312
            ["Hội nghị", "ở"],  # Vietnamese: Latin letters past Latin-1
            ["Қазақстан", "ґанок"],  # Kazakh, Ukrainian: letters past Russian's
        ],
    )
    def test_utf8_text_stays_utf8_in_silence(self, titles: list[str]) -> None:
        timeline, report = read(feed(*_events(titles)).encode())
        assert [e.title for e in timeline] == titles
        assert report.encoding == "UTF-8"
        assert "valid in UTF-8" not in said(report) and "reads as text in" not in said(report)


def _pool(codec: str, leads: range, trails: list[int]) -> list[str]:
    found = []
    for lead in leads:
        for trail in trails:
            try:
                found.append(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                continue
    return found


_HIGH = list(range(0xA1, 0xFF))
# Ideographs (and kana, hangul) of each encoding's standard, common and rare: GB2312 (GBK's
# own), Big5, JIS X 0208, KS X 1001. Not GBK's extension: text of it alone whose UTF-8
# reading is ordinary letters ('脌' is 'À') has its own tests below
# (TestGbkExtensionReadAsLatinLetters); Russian UTF-8 text (all of it valid GBK) is UTF-8.
_CJK_POOLS = {
    "gb2312": _pool("gb2312", range(0xB0, 0xF8), _HIGH),
    "big5": _pool("big5", range(0xA4, 0xFA), [*range(0x40, 0x7F), *_HIGH]),
    "shift_jis": _pool("shift_jis", [*range(0x82, 0xA0), *range(0xE0, 0xEB)],
                       list(range(0x40, 0xFD))),
    "euc_kr": _pool("euc_kr", range(0xB0, 0xC9), _HIGH),  # hangul (hanja alone is no Korean)
}  # fmt: skip
_KANA = ("gb2312", "big5")  # Chinese: ideographs alone (their kana rows are no Chinese)


def _cjk(char: str) -> bool:
    return any(a <= char <= b for a, b in (("\u3040", "\u30ff"), ("\u4e00", "\u9fff"),
                                           ("\uac00", "\ud7af")))  # fmt: skip


def _chinese(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _fits(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 so far (a character may still be open at its end)."""
    try:
        codecs.utf_8_decode(data, "strict", False)
    except UnicodeDecodeError:
        return False
    return True


@st.composite
def _valid_utf8_by_chance(draw: st.DrawFn) -> tuple[str, str]:
    """A codec and a text of its characters whose bytes are valid UTF-8 too: each character
    drawn among those whose bytes keep the text UTF-8 so far (words apart where none is open)."""
    codec = draw(st.sampled_from(sorted(_CJK_POOLS)))
    script = _chinese if codec in _KANA else _cjk
    pool = [(c, c.encode(codec)) for c in _CJK_POOLS[codec] if script(c)]
    text, data = "", b""
    for _ in range(draw(st.integers(1, 8))):
        closed = len(codecs.utf_8_decode(data, "strict", False)[0].encode()) == len(data)
        if text and closed and draw(st.booleans()):  # none open: a space may part two words
            text, data = text + " ", data + b" "
        fitting = [(c, b) for c, b in pool if _fits(data + b)]
        assume(fitting)
        char, more = draw(st.sampled_from(fitting))
        text, data = text + char, data + more
    return codec, text.strip()


@settings(max_examples=examples(150), deadline=None)
@given(drawn=_valid_utf8_by_chance())
def test_legacy_text_valid_in_utf8_is_read_right_or_said(drawn: tuple[str, str]) -> None:
    """Random CJK text in GB2312 (GBK), Big5, Shift_JIS or EUC-KR whose bytes are valid UTF-8
    as well: read as written, or its legacy reading is quoted in the report — never the UTF-8
    reading in silence. (Unless that reading is East Asian text too: UTF-8 then, as RFC 5545
    says, since a third of UTF-8 Chinese is valid GBK in its turn.)"""
    codec, title = drawn
    data = feed(["UID:1", f"SUMMARY:{title}", "DTSTART:20260410"]).encode(codec)
    try:
        utf8 = data.decode()
    except UnicodeDecodeError:
        assume(False)
        return
    from timeline.ics._encoding import _east_asian_script

    assume(not any(map(_east_asian_script, utf8)))
    (event,), report = read(data)
    assert event.title == title or repr(title) in said(report), (codec, title, said(report))


# -- a joined line of signs alone in a legacy file ---------------------------------------------


def _joined(legacy: list[str], codec: str, joined: list[str]) -> bytes:
    head = feed(*_events(legacy)).encode(codec).rsplit(b"END:VCALENDAR", 1)[0]
    tail = feed(*_events(joined)).encode().split(b"VERSION:2.0\r\n", 1)[1]
    return head + tail.replace(b"UID:", b"UID:u")


class TestAUtf8LineOfSignsInALegacyFile:
    @pytest.mark.parametrize(
        "signs",
        [
            "😀",  # was '馃榾': two characters of GBK's extension, no GB2312
            "★★",  # was '鈽呪槄'
            "→ ★ ✓", "—", "€ 5", "“q”", "…",  # read right before too
        ],
    )  # fmt: skip
    def test_read_as_utf8_when_the_legacy_reading_is_no_text_of_its_standard(
        self, signs: str
    ) -> None:
        timeline, report = read(_joined(["季度总结会", "团队建设活动"], "gbk", [signs]))
        assert timeline["u0"].title == signs
        assert report.encoding == GBK and "(files joined?), read as UTF-8" in said(report)

    @pytest.mark.parametrize("signs", ["©", "½", "°", "§ 3", "± 5"])
    def test_undecidable_kept_as_the_file_reads_it_losslessly_and_said(self, signs: str) -> None:
        """'©' is the GB2312 bytes of '漏' too: the file's reading, the same bytes, said."""
        timeline, report = read(_joined(["季度总结会", "团队建设活动"], "gbk", [signs]))
        title = timeline["u0"].title
        assert title.encode("gbk") == signs.encode()  # nothing lost
        assert "the bytes cannot tell" in said(report) and repr(signs) in said(report)


_SIGNS = st.text(st.sampled_from("©®°±²³µ¶·¹º»¼½¾¿×÷§¨¬¯´¸ª—–…•€™←→↑↓★☆✓✔♥😀🎉 "),
                 min_size=1, max_size=5).filter(str.strip)  # fmt: skip


@settings(max_examples=examples(80), deadline=None)
@given(signs=_SIGNS, codec=st.sampled_from(["gbk", "big5", "shift_jis", "euc_kr"]))
def test_a_joined_line_of_signs_read_right_or_kept_and_said(signs: str, codec: str) -> None:
    """A UTF-8 line of signs in a legacy file: read as written, or its bytes kept (the text
    encodes back to them) and the UTF-8 reading quoted."""
    legacy = {"gbk": ["季度总结会"], "big5": ["季度總結會"], "shift_jis": ["会議の準備"],
              "euc_kr": ["분기 회의"]}[codec]  # fmt: skip
    timeline, report = read(_joined([*legacy, *legacy], codec, [signs.strip()]))
    title = timeline["u0"].title
    if title != signs.strip():
        codec_read = {
            "GB2312/GBK (Simplified Chinese)": "gb18030",
            "Big5 (Traditional Chinese)": "cp950",
            "Shift_JIS (Japanese)": "cp932",
            "EUC-KR (Korean)": "cp949",
        }
        assert title.encode(codec_read[report.encoding]) == signs.strip().encode()
        assert repr(signs.strip()) in said(report), said(report)


@pytest.mark.parametrize(
    "titles",
    [
        ["入", "害"],  # 'Èë', 'º¦' in cp1252: found by the property above
        ["入"],  # two accented letters and no ASCII one: no Western word
    ],
)
def test_one_character_titles_read_right_or_their_gb2312_reading_named(titles: list[str]) -> None:
    """Too short for chardet, so cp1252 as before; but its reading is no Western word, so the
    report names GB2312 (was: silence, as only two East Asian characters in a row were)."""
    timeline, report = read(feed(*_events(titles)).encode("gb2312"))
    title = timeline["0"].title
    assert title == titles[0] or f"also reads as {GBK}: {titles[0]!r}" in said(report)


# -- a VTIMEZONE under an IANA name with other rules ---------------------------------------------


def _vtimezone(tzid: str, parts: list[tuple[str, str, str, str]]) -> list[str]:
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    for name, start, offset_from, offset_to, *rule in parts:
        lines += [f"BEGIN:{name}", f"DTSTART:{start}", f"TZOFFSETFROM:{offset_from}",
                  f"TZOFFSETTO:{offset_to}", *rule, f"END:{name}"]  # fmt: skip
    return [*lines, "END:VTIMEZONE"]


_BERLIN_RULES = [
    ("STANDARD", "19701025T030000", "+0200", "+0100", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
    ("DAYLIGHT", "19700329T020000", "+0100", "+0200", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
]


class TestAVtimezoneUnderAnIanaName:
    def test_other_rules_are_said_and_the_iana_zone_read_as_icalendar_does(self) -> None:
        """The file's 'America/New_York' is +03:00 all year: read as the tz database's zone,
        as icalendar reads it, and now said (was: silence)."""
        zone = _vtimezone("America/New_York", [("STANDARD", "19700101T000000", "+0300", "+0300")])
        event = ["UID:a", "SUMMARY:A", "DTSTART;TZID=America/New_York:20260415T100000"]
        (read_back,), report = read(feed(event, head=tuple(zone)))
        assert read_back.when.earliest.utcoffset() == dt.timedelta(hours=-4)  # type: ignore[union-attr]
        text = said(report)
        assert "America/New_York" in text and "+03:00" in text and "-05:00" in text, text

    @pytest.mark.parametrize(
        ("tzid", "parts"),
        [
            ("Europe/Berlin", _BERLIN_RULES),  # what Google and Apple write
            ("Asia/Tokyo", [("STANDARD", "19700101T000000", "+0900", "+0900")]),
        ],
    )
    def test_the_same_rules_are_not_said(
        self, tzid: str, parts: list[tuple[str, str, str, str]]
    ) -> None:
        event = ["UID:a", "SUMMARY:A", f"DTSTART;TZID={tzid}:20260415T100000"]
        _, report = read(feed(event, head=tuple(_vtimezone(tzid, parts))))
        assert "other offsets" not in said(report)


# -- GBK's extension text whose UTF-8 reading is ordinary Latin letters -------------------------
# '脌' (GBK C3 80, in GBK's extension, not GB2312) is the UTF-8 of 'À'; '脌脕' of 'ÀÁ'. The
# legacy reading was weighed as no text (not GB2312) and the file read as UTF-8 in silence,
# whatever the calendar said of its language. Now the calendar's language or zone decides;
# without one UTF-8 is kept (RFC 5545) and each line's other reading is quoted.

# GBK extension characters (lead C3-C5, trail 80-A0) whose bytes are the UTF-8 of a Latin letter.
_GBK_LATIN = [
    (gbk, utf8)
    for lead in range(0xC3, 0xC6)
    for trail in range(0x80, 0xA1)
    for gbk, utf8 in [(bytes([lead, trail]).decode("gbk"), bytes([lead, trail]).decode())]
    if utf8.isalpha()
]


class TestGbkExtensionReadAsLatinLetters:
    @pytest.mark.parametrize(
        ("titles", "head"),
        [
            (["脌"], ("X-WR-TIMEZONE:Asia/Shanghai",)),  # 'À'
            (["脌脕"], ("X-WR-CALNAME;LANGUAGE=zh-CN:Work",)),  # 'ÀÁ'
            (["脡", "脌 脕"], ("X-WR-TIMEZONE:China Standard Time",)),  # 'É', 'À Á'
        ],
    )
    def test_the_calendars_language_decides(self, titles: list[str], head: tuple[str, ...]) -> None:
        data = feed(*_events(titles), head=head).encode("gbk")
        data.decode()  # valid UTF-8 throughout
        timeline, report = read(data)
        assert [e.title for e in timeline] == titles
        assert report.encoding == GBK and "as the calendar says" in said(report)

    @pytest.mark.parametrize(("titles", "utf8"), [(["脌"], ["À"]), (["脌脕", "脡"], ["ÀÁ", "É"])])
    def test_without_a_hint_utf8_and_the_other_reading_said(
        self, titles: list[str], utf8: list[str]
    ) -> None:
        timeline, report = read(feed(*_events(titles)).encode("gbk"))
        assert [e.title for e in timeline] == utf8
        assert report.encoding == "UTF-8"
        assert all(repr(t) in said(report) for t in titles), said(report)

    @pytest.mark.parametrize(
        "titles",
        [
            ["вода", "Встреча"],  # Russian words: all valid GBK (extension), text in UTF-8
            ["Café", "À"],  # 'Café' is surely UTF-8: the file is
            ["Ελλάδα"],
        ],
    )
    def test_utf8_words_stay_utf8_even_in_a_chinese_calendar(self, titles: list[str]) -> None:
        data = feed(*_events(titles), head=("X-WR-TIMEZONE:Asia/Shanghai",)).encode()
        timeline, report = read(data)
        assert [e.title for e in timeline] == titles and report.encoding == "UTF-8"


@settings(max_examples=examples(60), deadline=None)
@given(
    chars=st.lists(st.sampled_from(_GBK_LATIN), min_size=1, max_size=4),
    hint=st.sampled_from(["", "X-WR-TIMEZONE:Asia/Shanghai", "X-WR-CALNAME;LANGUAGE=zh-CN:W"]),
)
def test_gbk_extension_read_as_said_or_its_other_reading_quoted(
    chars: list[tuple[str, str]], hint: str
) -> None:
    """GBK extension characters whose bytes are UTF-8 Latin letters: the GBK text when the
    calendar says Chinese, else UTF-8 with the GBK reading quoted — never silence."""
    title = "".join(g for g, _ in chars)
    head = (hint,) if hint else ()
    (event,), report = read(feed(["UID:1", f"SUMMARY:{title}", "DTSTART:20260410"], head=head)
                            .encode("gbk"))  # fmt: skip
    if hint:
        assert event.title == title
    else:
        assert event.title == "".join(u for _, u in chars) and repr(title) in said(report)
