"""Hostile input: time to read each attack pattern at 1, 10 and 100 kB, and its growth.

Run: ``python benchmarks/bench_hostile.py``. Each pattern from issue 17 is built
at about 1 kB, 10 kB and 100 kB and read once (best of five when fast):

- ``When.parse`` of ``"2026" + " ?" * n`` (and ``" or so"``, ``" ~"``, ``" (?)"``),
  of ``"-" * n``, and ``When.from_edtf("/" * n)``;
- a YAML data file whose one ``when:`` field is ``"2026" + " ?" * n``;
- a feed whose one event carries that text in ``X-TIMELINE-WHEN-TEXT``;
- a feed of n events that all share one UID.

A refusal (`TimelineError`) is a fine answer: what is measured is how long it
takes to give one. The named baseline at each size is reading a plain valid
file of the same size: a YAML data file of ordinary events for the parser and
data-file patterns, a feed of ordinary events with distinct UIDs for the feed
patterns. The table gives microseconds, the ratio to the baseline, and the
growth per tenfold (~10 is linear, ~100 quadratic). A size whose projected time
passes ``--budget`` seconds is skipped and marked with its projection.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import time
import warnings
from collections.abc import Callable

from timeline import Event, Timeline, TimelineError, TimelineWarning, When
from timeline.formats import _io

SIZES = (1_000, 10_000, 100_000)


def _repeat(unit: str, size: int, head: str = "2026") -> str:
    return head + unit * max(1, (size - len(head)) // len(unit))


def _yaml_with_when(text: str) -> str:
    return f"events:\n  - title: A\n    when: '{text}'\n"


def _feed(events: list[str]) -> str:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"
    return head + "".join(events) + "END:VCALENDAR\r\n"


def _vevent(uid: str, extra: str = "") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART;VALUE=DATE:20260401\r\nSUMMARY:Event {uid}\r\n{extra}END:VEVENT\r\n"
    )


def _feed_of_size(size: int, uid: Callable[[int], str]) -> str:
    events: list[str] = []
    total = 0
    while total < size:
        event = _vevent(uid(len(events)))
        events.append(event)
        total += len(event)
    return _feed(events)


def _plain_yaml(size: int) -> str:
    tl = Timeline([Event(title=f"Event {i}", when="April 2026") for i in range(size // 60 + 1)])
    return _io.dumps(tl, "yaml")[: max(size, 200)].rsplit("\n  - ", 1)[0] + "\n"


def _read_yaml(text: str) -> Callable[[], object]:
    return lambda: _io.loads(text, "yaml")


def _read_feed(text: str) -> Callable[[], object]:
    return lambda: Timeline.from_ics(text)


def _parse(text: str) -> Callable[[], object]:
    return lambda: When.parse(text)


def patterns(size: int) -> dict[str, Callable[[], object]]:
    """Each hostile pattern at about ``size`` characters, as a call that reads it."""
    hostile_when = _repeat(" ?", size)
    when_text_event = _vevent(
        "x", f"X-TIMELINE-ID:x\r\nX-TIMELINE-WHEN:2026\r\nX-TIMELINE-WHEN-TEXT:{hostile_when}\r\n"
    )
    return {
        'When.parse("2026" + " ?" * n)': _parse(hostile_when),
        'When.parse("2026" + " or so" * n)': _parse(_repeat(" or so", size)),
        'When.parse("2026" + " ~" * n)': _parse(_repeat(" ~", size)),
        'When.parse("2026" + " (?)" * n)': _parse(_repeat(" (?)", size)),
        'When.parse("-" * n)': _parse("-" * size),
        'When.from_edtf("/" * n)': lambda: When.from_edtf("/" * size),
        "data file when: field": _read_yaml(_yaml_with_when(hostile_when)),
        "feed X-TIMELINE-WHEN-TEXT": _read_feed(_feed([when_text_event])),
        "feed, n events, one UID": _read_feed(_feed_of_size(size, lambda i: "same")),
    }


def baselines(size: int) -> dict[str, Callable[[], object]]:
    """Reading plain valid files of about ``size`` characters."""
    return {
        "plain YAML data file": _read_yaml(_plain_yaml(size)),
        "plain feed, distinct UIDs": _read_feed(_feed_of_size(size, lambda i: f"e{i}")),
    }


def _time(call: Callable[[], object]) -> float:
    """Seconds for one read (the best of five when it is fast); a refusal counts as an answer."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        with contextlib.suppress(TimelineError):
            call()
        best = min(best, time.perf_counter() - start)
        if best > 0.2:
            break
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--budget", type=float, default=20.0, help="seconds per measurement")
    args = parser.parse_args()
    warnings.simplefilter("ignore", TimelineWarning)

    base: dict[str, dict[int, float]] = {}
    for size in SIZES:
        for name, call in baselines(size).items():
            base.setdefault(name, {})[size] = _time(call)

    print(f"{'pattern':36} " + " ".join(f"{s // 1000:>5} kB us (x base)" for s in SIZES))
    print(f"{'':36} " + " ".join(f"{'':>19}" for _ in SIZES) + "  growth per 10x")
    for name in base:
        cells = " ".join(f"{base[name][s] * 1e6:>10.0f}{'':>9}" for s in SIZES)
        growth = [base[name][b] / base[name][a] for a, b in itertools.pairwise(SIZES)]
        print(f"{name:36} {cells}  " + " ".join(f"{g:6.1f}" for g in growth))
    print()
    for name in patterns(SIZES[0]):
        feed = name.startswith("feed")
        reference = "plain feed, distinct UIDs" if feed else "plain YAML data file"
        times: list[float | None] = []
        projected: float | None = None
        for size in SIZES:
            if projected is not None and projected > args.budget:
                times.append(None)
                continue
            seconds = _time(patterns(size)[name])
            times.append(seconds)
            known = [t for t in times if t is not None]
            growth = known[-1] / known[-2] if len(known) > 1 and known[-2] > 0 else 100.0
            projected = seconds * max(growth, 10.0)
        cells = []
        for size, seconds in zip(SIZES, times, strict=True):
            if seconds is None:
                cells.append(f"{'skipped':>10} (>{args.budget:.0f}s) ")
            else:
                ratio = seconds / base[reference][size]
                cells.append(f"{seconds * 1e6:>10.0f} (x{ratio:<7.2g})")
        measured = [t for t in times if t is not None]
        growth = [b / a for a, b in itertools.pairwise(measured) if a > 0]
        print(f"{name:36} {' '.join(cells)}  " + " ".join(f"{g:6.1f}" for g in growth))
    print("\ngrowth per 10x: ~10 is linear in the input, ~100 quadratic.")


if __name__ == "__main__":
    main()
