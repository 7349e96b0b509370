"""Benchmark iCalendar export and import against the usual Python packages.

* Export: ``Timeline.to_ics`` on 10,000 events, against the ``icalendar``
  package building the same VEVENTs from ready-made values (it is given every
  text and date, so it does less work than we do). Target: no slower.
* Import: ``Timeline.from_ics`` on a 2,000-event feed, against
  ``icalendar`` on the same text (target: faster) and ``ics.Calendar(text)``
  (target: at least 10x faster per event). ``ics`` 0.7's parser recurses per
  line and grows worse than linearly (20 events: about 1 s, 200: minutes, and
  past Python's default recursion limit), so it is timed on the first 20
  events in a thread with a deep stack: a sample that flatters it.
* Foreign import: an Outlook-style feed whose times use Windows zone names and
  a zone known only from its VTIMEZONE, against ``icalendar``. Target: faster.
* Shared UIDs: a feed whose events all share one UID (each gets a new id) at
  4,000 and 16,000 events: time should grow 4x, not 16x.

Run with ``make bench`` or ``.venv/bin/python benchmarks/bench_ics.py``;
``--quick`` uses 1,000 and 200 events.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import sys
import time
import warnings
from collections.abc import Callable
from typing import Any

import pendulum

from timeline import Event, Source, Timeline, When
from timeline.ics._import import Component, read_components


def make_timeline(n: int) -> Timeline:
    """``n`` events of every kind of date, with sources and some claims."""
    events = []
    for i in range(n):
        year, month, day = 2026 + i % 5, 1 + i % 12, 1 + i % 28
        when = [
            When.month(year, month),
            When.day(year, month, day),
            When.instant(pendulum.datetime(year, month, day, i % 24, tz="Asia/Shanghai")),
            When.quarter(year, 1 + i % 4),
            When.year(year).by(),
            When.month(year, month).qualify(approximate=True),
        ][i % 6]
        source = Source(
            f"Report {i}: what the model race reveals",
            publisher="AI Large-Model Wave and Transformation Guide",
            url=f"https://example.org/news/{i}?a=1,2",
            published=When.day(2026, 3, 1 + i % 28),
            quote="slated for an April release, the company said; more to come",
        )
        event = Event(
            id=f"event-{i}",
            title=f"腾讯混元 model {i} release; phase {i % 7}",
            when=when,
            kind="model-release",
            actors=["Tencent", "DeepSeek"],
            tags=["llm", "open-source"],
            location="Shenzhen, China",
            description="A longer description of the event, with commas, semicolons; and more.",
            sources=[source],
        )
        if i % 3 == 0 and not when.is_instant and when.latest is not None:
            event = event.revise(stated=When.day(2026, 4, 1 + i % 28), when=When.year(year + 1))
        events.append(event)
    return Timeline(events, name="Benchmark")


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def icalendar_builder(feed: str) -> Callable[[], bytes]:
    """A function that builds the feed's events with ``icalendar`` from decoded values."""
    import icalendar

    (calendar,) = read_components(feed.encode())
    prepared = [_values(c) for c in calendar.children]

    def build() -> bytes:
        cal = icalendar.Calendar()
        cal.add("version", "2.0")
        cal.add("prodid", "-//timeline//bench//EN")
        cal.add("name", "Benchmark")
        cal.add("x-wr-calname", "Benchmark")
        for values in prepared:
            event = icalendar.Event()
            for name, value in values:
                event.add(name, value)
            cal.add_component(event)
        return bytes(cal.to_ical())

    return build


def _values(component: Component) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for name, props in component.props.items():
        for prop in props:
            value: Any = prop.text
            if name in ("DTSTART", "DTEND", "DTSTAMP", "LAST-MODIFIED"):
                raw = prop.value
                if len(raw) == 8:
                    value = dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
                else:
                    value = dt.datetime.strptime(raw, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
            elif name == "SEQUENCE":
                value = int(prop.value)
            elif name == "CATEGORIES":
                value = prop.value.split(",")
            elif name == "URL":
                value = prop.value
            out.append((name, value))
    return out


def main() -> None:
    quick = "--quick" in sys.argv
    n_export, n_import = (1_000, 200) if quick else (10_000, 2_000)

    tl = make_timeline(n_export)
    ours = best(lambda: tl.to_ics(name="Benchmark"), 3)
    theirs = best(icalendar_builder(tl.to_ics(name="Benchmark")), 3)
    print(f"export {n_export:,} events: timeline {ours:.2f}s, icalendar {theirs:.2f}s")
    print(f"  icalendar / timeline = {theirs / ours:.1f}x (target >= 1.0x)")

    import icalendar

    feed = make_timeline(n_import).to_ics(name="Benchmark")
    lines = feed.count("\r\n")
    ours = best(lambda: Timeline.from_ics(feed), 3)
    reference = best(lambda: icalendar.Calendar.from_ical(feed), 1)
    sample = make_timeline(20).to_ics(name="Benchmark")
    slow = ics_seconds(sample) / 20 * n_import
    print(
        f"import {n_import:,} events ({lines:,} lines): timeline {ours:.2f}s, "
        f"icalendar {reference:.2f}s, ics {slow:.1f}s (per event on 20, times {n_import:,})"
    )
    print(f"  ics / timeline = {slow / ours:.0f}x (target >= 10x)")
    print(f"  icalendar / timeline = {reference / ours:.1f}x (target > 1.0x)")

    foreign = outlook_feed(n_import)
    ours = best(lambda: Timeline.from_ics(foreign), 3)
    reference = best(lambda: icalendar.Calendar.from_ical(foreign), 1)
    print(
        f"import {n_import:,} Outlook events (Windows zones, VTIMEZONE-only zone): "
        f"timeline {ours:.2f}s, icalendar {reference:.2f}s"
    )
    print(f"  icalendar / timeline = {reference / ours:.1f}x (target > 1.0x)")

    small, large = (1_000, 4_000) if quick else (4_000, 16_000)
    # The cyclic garbage collector's passes grow with the heap, not with this
    # algorithm: it is paused here so the figure shows the import's own growth.
    gc.disable()
    try:
        times = [
            best(functools.partial(read_report, shared_uid_feed(n)), 3) for n in (small, large)
        ]
    finally:
        gc.enable()
    print(
        f"import events sharing one UID (garbage collector paused): "
        f"{small:,} in {times[0]:.2f}s, {large:,} in {times[1]:.2f}s"
    )
    print(f"  growth for 4x the events = {times[1] / times[0]:.1f}x (linear: about 4x)")


def read_report(feed: str) -> object:
    """Import ``feed`` with its report (no warnings printed)."""
    return Timeline.from_ics(feed, report=True)


def ics_seconds(feed: str) -> float:
    """Seconds ``ics.Calendar`` takes to parse ``feed`` (in a thread with a deep stack)."""
    import threading

    import ics

    found: list[float] = []

    def run() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            start = time.perf_counter()
            ics.Calendar(feed)
            found.append(time.perf_counter() - start)

    # Not restored afterwards: ics keeps deeply nested parse state whose later
    # clean-up needs the higher limit too (with the default one the process dies).
    sys.setrecursionlimit(20_000)
    size = threading.stack_size(512 * 1024 * 1024)
    try:
        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
    finally:
        threading.stack_size(size)
    return found[0]


_ZONES = """BEGIN:VTIMEZONE\r
TZID:W. Europe Standard Time\r
BEGIN:STANDARD\r
DTSTART:16010101T030000\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:16010101T020000\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r
END:DAYLIGHT\r
END:VTIMEZONE\r
BEGIN:VTIMEZONE\r
TZID:Customized Time Zone\r
BEGIN:STANDARD\r
DTSTART:16010101T030000\r
TZOFFSETFROM:+1100\r
TZOFFSETTO:+1000\r
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:16010101T020000\r
TZOFFSETFROM:+1000\r
TZOFFSETTO:+1100\r
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=10\r
END:DAYLIGHT\r
END:VTIMEZONE\r
"""


def outlook_feed(n: int) -> str:
    """``n`` Outlook-style events, half in a Windows zone, half in a VTIMEZONE-only one."""
    events = []
    for i in range(n):
        zone = "W. Europe Standard Time" if i % 2 else "Customized Time Zone"
        day = f"2026{1 + i % 12:02d}{1 + i % 28:02d}"
        events.append(
            "BEGIN:VEVENT\r\n"
            f"UID:040000008200E00074C5B7101A82E008{i:032X}\r\n"
            "DTSTAMP:20260101T000000Z\r\n"
            f'DTSTART;TZID="{zone}":{day}T{9 + i % 8:02d}0000\r\n'
            f'DTEND;TZID="{zone}":{day}T{10 + i % 8:02d}0000\r\n'
            f"SUMMARY;LANGUAGE=en-us:Meeting {i}\r\n"
            "LOCATION:Room 4\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nEND:VEVENT\r\n"
        )
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook//EN\r\n"
    return head + _ZONES + "".join(events) + "END:VCALENDAR\r\n"


def shared_uid_feed(n: int) -> str:
    """``n`` events that all share one UID."""
    event = "BEGIN:VEVENT\r\nUID:same\r\nSUMMARY:x\r\nDTSTART:20260101\r\nEND:VEVENT\r\n"
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + event * n + "END:VCALENDAR\r\n"


if __name__ == "__main__":
    main()
