"""Benchmark a series with one long EXDATE line (and an RDATE line) against ``icalendar``.

A feed may exclude hundreds of thousands of occurrences in one line; reading
them must stay near-linear with small constants. ``Timeline.from_ics`` reads a
daily series whose DTSTART is excluded, with an EXDATE of ``n`` values (UTC,
then a TZID), against ``icalendar`` parsing the same text and listing the
EXDATE's date-times (it reads the values; it does not expand the series). Each
size is also timed at a tenth, to show the growth. Target: no slower than
``icalendar``, and a tenth of the values in about a tenth of the time.

Run with ``.venv/bin/python benchmarks/bench_ics_exdates.py``; ``--quick``
uses 30,000 values.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
import warnings
from collections.abc import Callable

from timeline import Timeline


def series(n: int, tzid: str) -> str:
    """A daily series from 2000-01-01 10:00 with ``n`` EXDATEs, DTSTART the first."""
    start = dt.datetime(2000, 1, 1, 10)
    z = "" if tzid else "Z"
    values = ",".join(f"{start + dt.timedelta(days=i):%Y%m%dT%H%M%S}{z}" for i in range(n))
    param = f";TZID={tzid}" if tzid else ""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN", "BEGIN:VEVENT", "UID:a",
             "SUMMARY:x", "DTSTAMP:20000101T000000Z", f"DTSTART{param}:20000101T100000{z}",
             "RRULE:FREQ=DAILY", f"EXDATE{param}:{values}",
             f"RDATE{param}:{values.replace('T10', 'T11')}",
             "END:VEVENT", "END:VCALENDAR"]  # fmt: skip
    return "\r\n".join(lines) + "\r\n"


def ours(text: str) -> Callable[[], object]:
    def run() -> object:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Timeline.from_ics(text, report=True)

    return run


def theirs(text: str) -> Callable[[], object]:
    import icalendar

    def run() -> object:
        (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
        return [d.dt for d in event["EXDATE"].dts]

    return run


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    n = 30_000 if "--quick" in sys.argv else 300_000
    for tzid in ("", "Europe/Berlin"):
        kind = f"TZID={tzid}" if tzid else "UTC"
        big, small = series(n, tzid), series(n // 10, tzid)
        (events,), _ = ours(big)()  # the first occurrence left: the RDATE at 11:00
        assert str(events.when.earliest).startswith("2000-01-01 11:00"), events.when
        t_big, t_small = seconds(ours(big)), seconds(ours(small))
        t_ical = seconds(theirs(big))
        each = t_big / (2 * n) * 1e6
        print(
            f"EXDATE+RDATE of {n:,} values ({kind}): timeline {t_big:.2f} s ({each:.1f} us a "
            f"value; a tenth: {t_small:.2f} s, x{t_big / t_small:.1f}), "
            f"icalendar {t_ical:.2f} s: ratio {t_ical / t_big:.2f}x"
        )


if __name__ == "__main__":
    main()
