"""The `edtf` package (python-edtf) as an oracle for EDTF strings both libraries read.

For every EDTF text python-edtf also parses, the strict bounds agree: its
``lower_strict``/``upper_strict`` are our ``earliest``/``latest`` (for a date-time,
python-edtf gives the local date, so we compare that). Where the two differ
on purpose, `TestDivergences` pins both answers:

* **Fuzzy bounds.** python-edtf widens a qualified value by a year *and* one
  unit of its grain (``2026-04~`` -> 2025-03-01 .. 2027-05-30, not even on a
  month end); timeline widens by one unit of the value's own grain, on unit
  boundaries (2026-03-01 .. 2026-05-31), two for ``%``. For a year both give
  the same padding.
* **Winter.** python-edtf reads ``2026-24`` as December 2026 only; timeline as
  the meteorological winter, December 2026 to February 2027.
* **Unknown interval ends.** python-edtf assumes an unknown end lies within
  ten years of the known one (``/2026-04`` starts 2016-04-30); timeline leaves
  it unbounded (``earliest`` is ``None``): unknown is not "ten years".
* **Open ends and one-of sets** (``2026/..``, ``[..2030]``): python-edtf raises
  ``TypeError`` computing their bounds; timeline gives ``None`` on the open side.
* **Accepted by timeline only:** qualified seasons and sub-year codes
  (``2026-21~``), sub-year codes and date-times inside intervals
  (``2026-33/2026-34``), qualified date-times, fractions of a second,
  date-times without seconds, ISO week dates, the ISO
  decade ``202`` and century ``20``. python-edtf crashes (``AttributeError``)
  on intervals with unspecified digits (``2026/2026-XX``), which timeline reads.
* **Accepted by python-edtf only:** years before 1 and after 9999 (``-0100``,
  ``Y170000``); timeline raises `WhenParseError` for these (and both refuse
  ``Y2026``: the spec allows ``Y`` only before five or more digits). Level 2
  (hemisphere seasons, partial qualification, sets) both read: see
  `TestLevel2`.
"""

from __future__ import annotations

import datetime as dt

import pytest
from edtf import parse_edtf as oracle
from hypothesis import given, settings
from hypothesis import strategies as st

from strategies import calendar_whens, instants
from timeline import When, WhenParseError
from timeline.dates._format import to_edtf
from timeline.dates._parse import parse_edtf


def oracle_bounds(text: str) -> tuple[dt.date, dt.date]:
    e = oracle(text)
    return dt.date(*e.lower_strict()[:3]), dt.date(*e.upper_strict()[:3])


def oracle_fuzzy(text: str) -> tuple[dt.date, dt.date]:
    e = oracle(text)
    return dt.date(*e.lower_fuzzy()[:3]), dt.date(*e.upper_fuzzy()[:3])


def day_of(p: object) -> dt.date:
    assert isinstance(p, dt.date)
    return p.date() if isinstance(p, dt.datetime) else p


def _oracle_reads(w: When) -> bool:
    """Values whose EDTF python-edtf reads with the same meaning (see the module notes)."""
    for end in (w.lower, w.upper) if w.is_interval else (w,):
        if not isinstance(end, When):
            return False
        plain = end.precision.value in ("day", "month", "year") and not end.is_instant
        if w.is_interval and (end.unspecified or not plain):
            return False
        if end.precision.value in ("week", "decade", "century", "dekad"):
            return False
        if end.precision.value in ("season", "quarter", "third", "half") and end.qualified:
            return False
        if end.precision.value == "season" and end.start is not None and end.start.month == 12:
            return False
        if end.is_instant and (end.qualified or getattr(end.start, "microsecond", 0)):
            return False
    return True


# From 1970: older zone offsets have seconds (local mean time), which EDTF cannot write.
_ends = st.one_of(calendar_whens(1000, 2999), instants(min_year=1970)).flatmap(
    lambda w: st.sampled_from(
        [
            w,
            w.qualify(approximate=True),
            w.qualify(uncertain=True),
            w.qualify(approximate=True, uncertain=True),
        ]
    )
)


@st.composite
def _comparable(draw: st.DrawFn) -> When:
    a = draw(_ends)
    if draw(st.booleans()):
        return a
    b = draw(_ends)
    try:
        return When.interval(a, b)
    except ValueError:
        return When.interval(b, a)


class TestOracleAgrees:
    @settings(max_examples=150, deadline=None)
    @given(_comparable().filter(_oracle_reads))
    def test_strict_bounds_agree(self, w: When) -> None:
        text = to_edtf(w)
        ours = parse_edtf(text)
        assert ours == w
        assert oracle_bounds(text) == (day_of(ours.earliest), day_of(ours.latest))

    @pytest.mark.parametrize(
        "text",
        [
            "2026",
            "2026-04",
            "2026-04-15",
            "2026-21",
            "2026-22",
            "2026-23",
            "2026-33",
            "2026-36",
            "2026-37",
            "2026-38",
            "2026-39",
            "2026-40",
            "2026-41",
            "202X",
            "20XX",
            "2XXX",
            "2026-XX",
            "2026-04-XX",
            "2026-XX-XX",
            "2026-04~",
            "2026-04-15%",
            "2026-04/2026-06",
            "2026-04~/2026-06?",
            "1985-04-12T23:20:30-04:00",
            "2026-04-15T10:00:00Z",
        ],
    )
    def test_table(self, text: str) -> None:
        ours = parse_edtf(text)
        assert oracle_bounds(text) == (day_of(ours.earliest), day_of(ours.latest))

    def test_year_fuzz_agrees(self) -> None:
        ours = parse_edtf("2026~")
        assert oracle_fuzzy("2026~") == (ours.fuzzy_earliest, ours.fuzzy_latest)


class TestDivergences:
    def test_fuzzy_month_pads_one_month_not_a_year(self) -> None:
        ours = parse_edtf("2026-04~")
        assert (ours.fuzzy_earliest, ours.fuzzy_latest) == (
            dt.date(2026, 3, 1),
            dt.date(2026, 5, 31),
        )
        assert oracle_fuzzy("2026-04~") == (dt.date(2025, 3, 1), dt.date(2027, 5, 30))

    def test_winter_runs_into_the_next_year(self) -> None:
        ours = parse_edtf("2026-24")
        assert (ours.earliest, ours.latest) == (dt.date(2026, 12, 1), dt.date(2027, 2, 28))
        assert oracle_bounds("2026-24") == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))

    def test_unknown_end_is_unbounded_not_ten_years(self) -> None:
        ours = parse_edtf("/2026-04")
        assert (ours.earliest, ours.latest) == (None, dt.date(2026, 4, 30))
        assert oracle_bounds("/2026-04") == (dt.date(2016, 4, 30), dt.date(2026, 4, 30))

    @pytest.mark.parametrize(
        ("text", "earliest", "latest"),
        [
            ("2026/..", dt.date(2026, 1, 1), None),
            ("../2026", None, dt.date(2026, 12, 31)),
            ("[..2030]", None, dt.date(2030, 12, 31)),
            ("[2030..]", dt.date(2030, 1, 1), None),
        ],
    )
    def test_open_ends_have_bounds_here_and_raise_there(
        self, text: str, earliest: dt.date | None, latest: dt.date | None
    ) -> None:
        ours = parse_edtf(text)
        assert (ours.earliest, ours.latest) == (earliest, latest)
        with pytest.raises(TypeError):
            oracle_bounds(text)

    @pytest.mark.parametrize(
        "text",
        [
            "2026-21~",
            "2026-04-15T10:00",
            "2026-04-15T10:00:00.5Z",
            "2026-W15",
            "202",
            "20",
            # python-edtf wants no sub-year codes or times in intervals
            "2026-33/2026-34",
            "2026-04-15T10:00:00Z/2026-04-16",
            "2026-04-15T10:00:00Z~",
        ],
    )
    def test_read_here_only(self, text: str) -> None:
        parse_edtf(text)
        with pytest.raises(Exception, match=r"Invalid input|Error"):
            oracle(text)

    def test_masked_interval_crashes_there(self) -> None:
        ours = parse_edtf("2026/2026-XX")
        assert (ours.earliest, ours.latest) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        with pytest.raises(AttributeError):
            oracle("2026/2026-XX")

    @pytest.mark.parametrize("text", ["-0100", "Y170000", "0000"])
    def test_read_there_only(self, text: str) -> None:
        oracle(text)
        with pytest.raises(WhenParseError):
            parse_edtf(text)


class TestLevel2:
    """EDTF level 2 (issue 11 §3): where python-edtf reads a form, the strict bounds agree."""

    @pytest.mark.parametrize(
        "text",
        [
            "156X-12-25",
            "XXXX-12",
            "2004?-06-~11",
            "?1945-01",
            "2004-06-~01/2004-06-~20",
            "[1667,1668,1670..1672]",
            "{1960,1961-12}",
            "[..1760-12-03]",
            "2001-29",
            "2001-25",
            "1XXX-12",
        ],
    )
    def test_strict_bounds_agree(self, text: str) -> None:
        ours = parse_edtf(text)
        if text.startswith("XXXX"):  # python-edtf starts at year 0, which the calendar lacks
            assert (ours.earliest, ours.latest) == (dt.date(1, 12, 1), dt.date(9999, 12, 31))
        elif not text.startswith("[.."):  # python-edtf raises on an open set's bounds
            lo, hi = oracle_bounds(text)
            assert (day_of(ours.earliest), day_of(ours.latest)) == (lo, hi)
        # one spelling of the year qualified alone: its mark right of it ("?1945-01": "1945?-01")
        assert to_edtf(ours) == (text if not text.startswith("?") else text[1:5] + "?" + text[5:])

    @pytest.mark.parametrize(
        ("text", "earliest", "latest"),
        [
            # python-edtf reads 1950S2 strictly as 1950; the spec's range is 1900-1999
            ("1950S2", dt.date(1900, 1, 1), dt.date(1999, 12, 31)),
            # python-edtf reads the southern summer as December only; timeline as the
            # meteorological season, December to February, like winter
            ("2001-30", dt.date(2001, 12, 1), dt.date(2002, 2, 28)),
            # python-edtf crashes on a month or day with one unspecified digit
            ("2016-1X", dt.date(2016, 10, 1), dt.date(2016, 12, 31)),
            ("20X6-XX-1X", dt.date(2006, 1, 10), dt.date(2096, 12, 19)),
        ],
    )
    def test_divergences(self, text: str, earliest: dt.date, latest: dt.date) -> None:
        ours = parse_edtf(text)
        assert (ours.earliest, ours.latest) == (earliest, latest)
