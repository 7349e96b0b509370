"""Benchmark iCalendar export and import against the usual Python packages.

* Export: ``Timeline.to_ics`` on 10,000 events, against the ``icalendar``
  package building the same VEVENTs from ready-made values (it is given every
  text and date, so it does less work than we do). Target: no slower.
* Import: ``Timeline.from_ics`` on a 2,000-event feed, against
  ``ics.Calendar(text)`` (and ``icalendar`` for reference) on the same text.
  Target: at least 10x faster than ``ics``.

Run with ``make bench`` or ``.venv/bin/python benchmarks/bench_ics.py``;
``--quick`` uses 1,000 and 200 events.
"""

from __future__ import annotations

import datetime as dt
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
    import ics

    feed = make_timeline(n_import).to_ics(name="Benchmark")
    lines = feed.count("\r\n")
    ours = best(lambda: Timeline.from_ics(feed), 3)
    reference = best(lambda: icalendar.Calendar.from_ical(feed), 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        parsed = ics.Calendar(feed)
        slow = time.perf_counter() - start
    assert len(parsed.events) == n_import
    print(
        f"import {n_import:,} events ({lines:,} lines): timeline {ours:.2f}s, "
        f"ics {slow:.2f}s, icalendar {reference:.2f}s"
    )
    print(f"  ics / timeline = {slow / ours:.1f}x (target >= 10x)")
    print(f"  icalendar / timeline = {reference / ours:.1f}x")


if __name__ == "__main__":
    main()
