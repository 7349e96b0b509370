"""Fiscal periods are shown in fiscal terms wherever a user reads them, and round-trip.

"Q3 FY2026" said by a company whose fiscal year starts in July is January to March
2026; shown as "Q1 2026" a reader sees the wrong quarter. A `When` read from a fiscal
phrase keeps its fiscal years (`When.fiscal`), its text names the fiscal period with the
calendar months in brackets ("Q3 FY2026 (January–March 2026)"), and that text reads
back to the same value with or without the fiscal year being given.
"""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Event, EventError, Timeline, When, WhenParseError
from timeline.cli._main import main
from timeline.dates._fiscal import Fiscal

# (phrase, fiscal year start, named by, shown): every fiscal start kind (April, July,
# October, a start off the calendar quarters, January), grain and relation.
SHOWN = [
    # quarters: the fiscal one named, the calendar months alongside
    ("Q3 FY2026", 7, "end", "Q3 FY2026 (January–March 2026)"),
    ("Q3 FY2026", 4, "end", "Q3 FY2026 (October–December 2025)"),
    ("Q3 FY2026", 10, "end", "Q3 FY2026 (April–June 2026)"),
    ("fiscal Q3 2026", 7, "end", "Q3 FY2026 (January–March 2026)"),
    ("3QFY26", 7, "end", "Q3 FY2026 (January–March 2026)"),
    ("the third quarter of fiscal 2026", 7, "end", "Q3 FY2026 (January–March 2026)"),
    # Q4 crossing into the next calendar year, and one ending on a leap day
    ("Q4 FY2024", 2, "end", "Q4 FY2024 (November 2023–January 2024)"),
    ("Q4 FY2024", 3, "end", "Q4 FY2024 (December 2023–February 2024)"),
    ("Q4 FY2026", 10, "end", "Q4 FY2026 (July–September 2026)"),
    ("Q1 FY2026", 1, "end", "Q1 FY2026 (January–March 2026)"),  # January: the calendar's
    # halves and years
    ("H1 FY26", 7, "end", "H1 FY2026 (July–December 2025)"),
    ("H1 FY26", 4, "end", "H1 FY2026 (April–September 2025)"),
    ("FY2026", 7, "end", "FY2026 (July 2025–June 2026)"),
    ("FY2026", 4, "end", "FY2026 (April 2025–March 2026)"),
    ("FY2026", 10, "end", "FY2026 (October 2025–September 2026)"),
    ("FY2026", 1, "end", "FY2026 (January–December 2026)"),
    ("FY2026", 4, "start", "FY2026 (April 2026–March 2027)"),  # the Indian naming
    ("FY2026", 1, "start", "FY2026 (January–December 2026)"),  # January: either naming
    ("FY 2025-26", 4, "end", "FY2026 (April 2025–March 2026)"),
    ("FY 2025-26", 4, "start", "FY2025 (April 2025–March 2026)"),
    ("2025/26", 4, "end", "FY2026 (April 2025–March 2026)"),
    ("next fiscal year", 7, "end", "FY2027 (July 2026–June 2027)"),  # reference 2026-03-01
    # deadlines and relations: the fiscal period, and the calendar day it means
    ("by FY2027", 7, "end", "by FY2027 (by end of June 2027)"),
    ("by the end of FY2027", 4, "end", "by FY2027 (by end of March 2027)"),
    ("by Q3 FY2026", 4, "end", "by Q3 FY2026 (by end of December 2025)"),
    ("before FY2027", 7, "end", "before FY2027 (before July 2026)"),
    ("after Q2 FY2027", 7, "end", "after Q2 FY2027 (after December 2026)"),
    ("no earlier than FY2027", 10, "end", "no earlier than FY2027 (from October 2026)"),
    # qualifiers
    ("~Q3 FY2026", 7, "end", "c. Q3 FY2026 (January–March 2026)"),
    ("Q3 FY2026?", 4, "end", "Q3 FY2026? (October–December 2025)"),
    ("c. FY2027", 7, "end", "c. FY2027 (July 2026–June 2027)"),
    # ranges, intervals and alternatives
    ("FY2026-2028", 7, "end", "FY2026 to FY2028 (July 2025–June 2028)"),
    ("FY2027 to FY2028", 4, "end", "FY2027 to FY2028 (April 2026–March 2028)"),
    ("Q1-Q2 FY2027", 7, "end", "Q1 FY2027 to Q2 FY2027 (July–December 2026)"),
    ("from FY2027 onwards", 7, "end", "from FY2027 onwards (from July 2026)"),
    ("until FY2027", 10, "end", "until FY2027 (until September 2027)"),
    ("Q3 FY2026 to June 2027", 7, "end", "Q3 FY2026 to FY2027 (January 2026–June 2027)"),
    # a month that ends a calendar quarter, half or year stays a month: the fiscal period
    # there is held as that calendar unit, so naming it would read back as another value
    ("FY1972 to June 1973", 4, "end", "FY1972 to June 1973 (April 1971–June 1973)"),
    ("H2 FY2024 to June 2025", 1, "end", "H2 FY2024 to June 2025 (July 2024–June 2025)"),
    (
        "Q3 or Q4 FY2027",
        7,
        "end",
        "Q3 FY2027 or Q4 FY2027 (January–March 2027 or April–June 2027)",
    ),
]


def _read(text: str, start: int, named_by: str) -> When:
    return When.parse(
        text,
        fiscal_year_start=start,
        fiscal_year_named_by=named_by,  # type: ignore[arg-type]
        reference="2026-03-01",
    )


class TestShown:
    @pytest.mark.parametrize(("text", "start", "named_by", "shown"), SHOWN)
    def test_str_names_the_fiscal_period(
        self, text: str, start: int, named_by: str, shown: str
    ) -> None:
        w = _read(text, start, named_by)
        assert str(w) == shown
        assert w.fiscal == Fiscal(start, named_by)  # type: ignore[arg-type]

    @pytest.mark.parametrize(("text", "start", "named_by", "shown"), SHOWN)
    def test_text_and_repr_read_back_without_the_fiscal_year(
        self, text: str, start: int, named_by: str, shown: str
    ) -> None:
        w = _read(text, start, named_by)
        assert When.parse(str(w)) == w
        assert When.parse(str(w), fiscal_year_start=start) == w
        assert eval(repr(w)) == w
        assert When.parse(str(w)).fiscal == w.fiscal

    @pytest.mark.parametrize(("text", "start", "named_by", "shown"), SHOWN)
    def test_bounds_are_the_calendar_months(
        self, text: str, start: int, named_by: str, shown: str
    ) -> None:
        w = _read(text, start, named_by)
        plain = attrs.evolve(w, fiscal=None)  # the same months, said in calendar terms
        assert "FY" not in str(plain) and When.parse(str(plain)) == plain
        assert (w.earliest, w.latest) == (plain.earliest, plain.latest)
        assert w.fuzzy_bounds() == plain.fuzzy_bounds()

    def test_leap_day_is_the_last_day(self) -> None:
        assert str(_read("FY2024", 3, "end").latest) == "2024-02-29"
        assert str(_read("Q4 FY2025", 3, "end").latest) == "2025-02-28"

    @pytest.mark.parametrize(
        "text",
        ["Q1 2026", "April 2026", "2026", "by end of 2030", "H2 2026", "2026-04-15"],
    )
    def test_calendar_values_stay_calendar(self, text: str) -> None:
        # a fiscal year given does not turn a calendar date into a fiscal one
        w = When.parse(text, fiscal_year_start=7)
        assert w.fiscal is None and w == When.parse(text) and "FY" not in str(w)

    def test_sorted_after_the_same_span_in_calendar_terms(self) -> None:
        fiscal, calendar = _read("Q3 FY2026", 7, "end"), When.quarter(2026, 1)
        assert fiscal != calendar
        assert sorted([fiscal, calendar]) == [calendar, fiscal]
        assert (calendar < fiscal) and not (fiscal < calendar)


class TestBracket:
    """The months in brackets are checked against the fiscal period, never overruled."""

    @pytest.mark.parametrize(
        ("text", "fix"),
        [
            ("Q3 FY2026 (February–April 2026)", "Q3 FY2026 (February–April 2026)"),
            ("Q3 FY2026 (January–April 2026)", None),  # no fiscal quarter is four months
            ("FY2026 (July 2025–May 2026)", None),
        ],
    )
    def test_months_that_do_not_match_are_refused(self, text: str, fix: str | None) -> None:
        if fix is not None:  # a quarter of fiscal years from November: it reads
            assert str(When.parse(text)) == fix
            return
        with pytest.raises(WhenParseError, match="covers"):
            When.parse(text)

    def test_another_fiscal_year_given_is_refused(self) -> None:
        with pytest.raises(WhenParseError, match="start in July, not in April"):
            When.parse("Q3 FY2026 (January–March 2026)", fiscal_year_start=4)

    def test_abbreviated_months_and_dashes_read(self) -> None:
        w = When.parse("Q3 FY2026 (Jan - Mar 2026)")
        assert w == _read("Q3 FY2026", 7, "end")

    def test_a_bracket_without_months_is_refused(self) -> None:
        with pytest.raises(WhenParseError, match="calendar months it covers"):
            When.parse("Q3 FY2026 (soon)")


# -- properties: every fiscal value the parser builds reads back from its text and files --

_PARTS = st.sampled_from(["Q1", "Q2", "Q3", "Q4", "H1", "H2", ""])
_WRAPS = st.sampled_from(
    ["{}", "by {}", "before {}", "after {}", "c. {}", "{}?", "no earlier than {}", "until {}"]
)


@st.composite
def fiscal_phrases(draw: st.DrawFn) -> tuple[str, int, str]:
    start = draw(st.integers(1, 12))
    named_by = draw(st.sampled_from(["end", "start"]))
    # the calendar's first and last years too: a fiscal year there may run outside it
    year = draw(st.one_of(st.integers(1990, 2090), st.sampled_from([1, 2, 9998, 9999])))
    part = draw(_PARTS)
    single = f"{part} FY{year:04d}".strip()
    kind = draw(st.sampled_from(["single", "range", "interval", "month", "or", "parts"]))
    if kind == "range":
        text = f"FY{year:04d}-{year + draw(st.integers(2, 5))}"
    elif kind == "interval":
        later = f"{draw(_PARTS)} FY{year + draw(st.integers(1, 3)):04d}".strip()
        text = f"{single} to {later}"
    elif kind == "month":  # a fiscal period to a calendar month
        month = draw(st.sampled_from(["March", "June", "September", "December", "May"]))
        text = f"{single} to {month} {year + 1}"
    elif kind == "or":
        text = f"{single} or {draw(st.sampled_from(['Q1', 'Q3', 'H2']))} FY{year + 1:04d}"
    elif kind == "parts":
        text = f"{draw(st.sampled_from(['Q1', 'Q2', 'H1']))}-{draw(_PARTS) or 'Q4'} FY{year:04d}"
    else:
        text = draw(_WRAPS).format(single)
    return text, start, named_by


def _fiscal_when(phrase: tuple[str, int, str]) -> When | None:
    text, start, named_by = phrase
    try:
        return _read(text, start, named_by)
    except WhenParseError:  # a relation on a span of months, say: not a value to check
        return None


@pytest.mark.parametrize(
    ("text", "start", "named_by", "shown"),
    [
        # FY9999 from February, named by its start, runs to January 10000: a value before
        # its Q1 is said "before H1 FY9999", not "before FY9999" (a year outside the calendar)
        ("before Q1 FY9999", 2, "start", "before H1 FY9999 (before February 9999)"),
        ("before Q1 FY0001", 4, "start", "before Q1 FY0001 (before April 0001)"),
        # the calendar reading of the words is outside the calendar ("after 9999")
        ("after FY9999", 2, "end", "after FY9999 (after January 9999)"),
        ("after Q4 FY9999", 7, "end", "after Q4 FY9999 (after June 9999)"),
        # a quarter inside the calendar of a fiscal year that is not keeps its name
        ("Q1 FY9999", 2, "start", "Q1 FY9999 (February–April 9999)"),
        ("before FY0001", 2, "start", "before FY0001 (before February 0001)"),
        # FY0001 from May, named by its end, starts in May of year 0: said by its Q4
        ("by Q4 FY0001", 5, "end", "by Q4 FY0001 (by end of April 0001)"),
    ],
)
def test_fiscal_values_at_the_calendars_ends_round_trip(
    text: str, start: int, named_by: str, shown: str
) -> None:
    w = _read(text, start, named_by)
    assert str(w) == shown
    assert When.parse(shown) == w


@settings(max_examples=200, deadline=None)
@given(fiscal_phrases())
def test_fiscal_values_round_trip_through_text(phrase: tuple[str, int, str]) -> None:
    w = _fiscal_when(phrase)
    if w is None:
        return
    assert w.fiscal is not None and "FY" in str(w)
    assert When.parse(str(w)) == w
    assert When.parse(str(w), fiscal_year_start=phrase[1]) == w
    assert eval(repr(w)) == w


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["2020", "January 2020", "15 March 2020", "Q2 2020", "H2 2019", "0001"]),
    st.sampled_from(["FY2026", "Q2 FY2026", "H1 FY2027", "Q4 FY2025"]),
    st.integers(1, 12),
    st.sampled_from(["end", "start"]),
)
def test_an_interval_from_a_calendar_value_to_a_fiscal_one_round_trips(
    first: str, last: str, start: int, named_by: str
) -> None:
    """ "2020 to FY2026" in fiscal years from July is shown "2020 to FY2026 (January
    2020–June 2026)", which was refused when read back ("is in fiscal years that start in
    January"): its first month, a calendar year's, says nothing of the fiscal years."""
    text = f"{first} to {last}"
    try:
        w = When.parse(text, fiscal_year_start=start, fiscal_year_named_by=named_by)  # type: ignore[arg-type]
    except WhenParseError:
        return  # it ends before it starts
    shown = str(w)
    assert When.parse(shown) == w
    assert When.parse(shown, fiscal_year_start=start, fiscal_year_named_by=named_by) == w  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None)
@given(fiscal_phrases(), st.sampled_from([".yaml", ".json", ".csv", ".parquet"]))
def test_fiscal_values_round_trip_through_data_files(
    phrase: tuple[str, int, str], suffix: str
) -> None:
    w = _fiscal_when(phrase)
    if w is None or w.relation.value != "on":
        return
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    event = Event(title="Results", when=w, actors=["Contoso"])
    event = event.revise(when=w, stated="2026-01-05", note="restated")
    tl = Timeline([event])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"t{suffix}"
        tl.save(path)
        back = Timeline.load(path)
    assert back["results"].when == w and back["results"].initial_when == w
    assert back == tl


# -- every output a user reads ---------------------------------------------------------------


def _microsoft() -> Timeline:
    return Timeline(
        [
            Event(
                title="Microsoft Q3 results",
                when="Q3 FY2026",
                actors=["Microsoft"],
                fiscal_year_start=7,
            ),
            Event(
                title="Tata capex plan",
                when="by FY2027",
                actors=["Tata"],
                fiscal_year_start=4,
            ),
            Event(title="DeepSeek V4", when="April 2026", actors=["DeepSeek"]),
        ],
        name="Fiscal",
        fiscal_years={"Microsoft": "July", "Tata": "April"},
    )


Q3 = "Q3 FY2026 (January–March 2026)"
BY = "by FY2027 (by end of March 2027)"


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_files_with_fiscal_years_keep_the_values(tmp_path: Path, suffix: str) -> None:
    tl = _microsoft()
    path = tmp_path / f"t{suffix}"
    tl.save(path)
    assert Q3 in path.read_text(encoding="utf-8")
    back = Timeline.load(path)
    assert back == tl
    assert str(back["microsoft-q3-results"].when) == Q3
    assert str(back["tata-capex-plan"].when) == BY


def test_csv_and_parquet_keep_them_without_the_timeline_fiscal_years(tmp_path: Path) -> None:
    # CSV holds events only: the text alone carries the fiscal years
    tl = Timeline(list(_microsoft()))
    path = tmp_path / "t.csv"
    tl.save(path)
    with path.open(encoding="utf-8", newline="") as f:
        rows = {row["id"]: row["when"] for row in csv.DictReader(f)}
    assert rows["microsoft-q3-results"] == Q3
    assert Timeline.load(path) == tl
    pytest.importorskip("pyarrow")
    parquet = tmp_path / "t.parquet"
    tl.save(parquet)
    back = Timeline.load(parquet)
    assert back == tl and str(back["tata-capex-plan"].when) == BY


def test_icalendar_says_the_fiscal_period_and_reimports() -> None:
    tl = _microsoft()
    feed = tl.to_ics(domain="example.org")
    unfolded = feed.replace("\r\n ", "")
    assert "SUMMARY:Microsoft Q3 results (expected Q3 FY2026 (January–March 2026))" in unfolded
    assert "When: Q3 FY2026 (January–March 2026)" in unfolded
    assert "DTSTART;VALUE=DATE:20260101" in unfolded  # the calendar span
    assert "DTEND;VALUE=DATE:20260401" in unfolded
    back = Timeline.from_ics(feed)
    assert back["microsoft-q3-results"].when == tl["microsoft-q3-results"].when
    assert back["tata-capex-plan"].when == tl["tata-capex-plan"].when


def test_html_page_shows_the_fiscal_period(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    _microsoft().to_html(tmp_path / "page.html")
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert "Q3 FY2026 (January–March 2026)" in page
    assert "by FY2027 (by end of March 2027)" in page


def test_notebook_table_shows_the_fiscal_period() -> None:
    html = _microsoft()._repr_html_()
    assert "Q3 FY2026 (January–March 2026)" in html


def test_cli_show_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.yaml"
    _microsoft().save(path)
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert Q3 in out and BY in out and "Q1 2026" not in out
    assert main(["show", str(path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    shown = {row["id"]: (row["when"], row["precision"]) for row in rows}
    assert shown["microsoft-q3-results"] == (Q3, "quarter")
    assert shown["tata-capex-plan"] == (BY, "year")  # by the end of a fiscal year


def test_print_and_table_of_a_timeline() -> None:
    text = str(_microsoft())
    assert Q3 in text and BY in text


def test_track_record_counts_fiscal_promises_by_their_grain() -> None:
    tl = Timeline(
        [
            Event(title="a", when="FY2026", actors=["Tata"], fiscal_year_start=4),
            Event(title="b", when="H1 FY2026", actors=["Tata"], fiscal_year_start=4),
            Event(title="c", when="April 2026", actors=["Tata"]),
        ]
    )
    record = tl.track_record(by="precision", as_of="2025-01-01")
    groups = {r["group"]: r["pending"] for r in record.to_records()}
    # a fiscal year from April is written as months, but it was promised to the year
    assert groups.get("year") == 1 and groups.get("half") == 1 and groups.get("month") == 1


@pytest.mark.parametrize("first", ["calendar", "fiscal"])
def test_events_never_share_a_calendar_value_with_a_fiscal_one(first: str) -> None:
    # Events share one object per equal date: the same months stated two ways are two dates
    calendar = Event(title="a", when="Q1 2026")
    fiscal = Event(title="b", when="Q3 FY2026", fiscal_year_start=7)
    if first == "fiscal":
        fiscal, calendar = (
            Event(title="b", when="Q3 FY2026", fiscal_year_start=7),
            Event(title="a", when="Q1 2026"),
        )
    assert (str(calendar.when), str(fiscal.when)) == ("Q1 2026", Q3)
    # April to September 2025 twice: Apple's second half (October) and an April first half
    apple = Event(title="c", when="H2 FY2025", fiscal_year_start=10)
    tata = Event(title="d", when="H1 FY2026", fiscal_year_start=4)
    assert str(apple.when) == "H2 FY2025 (April–September 2025)"
    assert str(tata.when) == "H1 FY2026 (April–September 2025)"


class TestParsingEdges:
    """The fiscal parser at its edges: January starts, naming, century turns."""

    @pytest.mark.parametrize(
        ("text", "start", "named_by", "shown"),
        [
            # a fiscal year spelt with both its years, across a century (was refused)
            ("FY 1999-00", 4, "end", "FY2000 (April 1999–March 2000)"),
            ("FY2099-00", 7, "end", "FY2100 (July 2099–June 2100)"),
            ("FY 1999-00", 4, "start", "FY1999 (April 1999–March 2000)"),
            # with four digits too, and a range of fiscal years (its last named by its end)
            ("FY1999-2000", 4, "end", "FY2000 (April 1999–March 2000)"),
            ("FY1999-2001", 4, "end", "FY1999 to FY2001 (April 1998–March 2001)"),
            ("FY1999-2001", 4, "start", "FY1999 to FY2001 (April 1999–March 2002)"),
        ],
    )
    def test_both_years_spelt(self, text: str, start: int, named_by: str, shown: str) -> None:
        assert str(_read(text, start, named_by)) == shown

    @pytest.mark.parametrize("named_by", ["end", "start"])
    @pytest.mark.parametrize("text", ["FY 2025-26", "FY2025/26", "FY2025-2026"])
    def test_a_january_fiscal_year_never_spans_two_years(self, text: str, named_by: str) -> None:
        # it was read as 2025, one of the two years named, silently
        with pytest.raises(WhenParseError, match=r"January .* within one calendar year"):
            _read(text, 1, named_by)

    @pytest.mark.parametrize("named_by", ["end", "start"])
    @pytest.mark.parametrize("part", ["", "Q1 ", "Q4 ", "H2 "])
    def test_a_january_fiscal_year_is_the_calendar_year(self, part: str, named_by: str) -> None:
        w = _read(f"{part}FY2026", 1, named_by)
        calendar = When.parse(f"{part}2026".strip())
        assert attrs.evolve(w, fiscal=None) == calendar
        assert w.fiscal == Fiscal(1)

    @settings(max_examples=60, deadline=None)
    @given(st.integers(2, 12), st.integers(1001, 9998), st.sampled_from(["end", "start"]))
    def test_naming_is_applied_the_same_way_everywhere(
        self, start: int, year: int, named_by: str
    ) -> None:
        # FY<n> named by its end starts the year before; named by its start, that year. Every
        # spelling of the same fiscal year agrees: "FY", "fiscal", "FY a-b" and the parts.
        begins = year - 1 if named_by == "end" else year
        fy = _read(f"FY{year}", start, named_by)
        assert fy.earliest is not None and (fy.earliest.year, fy.earliest.month) == (
            begins,
            start,
        )
        assert _read(f"fiscal {year}", start, named_by) == fy
        assert _read(f"FY {begins}-{(begins + 1) % 100:02d}", start, named_by) == fy
        q1, q4 = (_read(f"Q{n} FY{year}", start, named_by) for n in (1, 4))
        assert (q1.earliest, q4.latest) == (fy.earliest, fy.latest)
        assert str(fy).startswith(f"FY{year:04d} (")


def test_columnar_precision_is_the_grain_stated() -> None:
    # DuckDB and Spark users filter on the precision column: a fiscal year is a year there too
    pa = pytest.importorskip("pyarrow")
    from timeline.columnar import parse_dates

    rows = parse_dates(pa.array([Q3, BY, "FY2026 (April 2025–March 2026)", "April 2026"]))
    assert [r["precision"] for r in rows.to_pylist()] == ["quarter", "year", "year", "month"]
    table = _microsoft().to_arrow()
    assert dict(zip(table["id"].to_pylist(), table["precision"].to_pylist(), strict=True)) == {
        "microsoft-q3-results": "quarter",
        "tata-capex-plan": "year",
        "deepseek-v4": "month",
    }


def test_plot_label_of_a_deadline_past_the_edge_names_the_fiscal_year() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = _microsoft().plot(between=("2025-10-01", "2026-06-30"))
    try:
        labels = [t.get_text() for t in ax.texts]
        assert any(label.endswith(f"→ {BY}") for label in labels), labels
        assert not any("by end of March 2027" in t and "FY" not in t for t in labels)
    finally:
        plt.close(ax.figure)


class TestRevise:
    """A claim's fiscal phrase is read in the fiscal years the event was stated in."""

    def test_a_fiscal_phrase_in_the_events_fiscal_years(self) -> None:
        e = Event(title="x", when="Q3 FY2026", fiscal_year_start=7)
        later = e.revise(when="Q4 FY2026", stated="2026-01-05")  # refused: "give fiscal_year_start"
        assert str(later.when) == "Q4 FY2026 (April–June 2026)" and later.slipped
        assert str(later.revise(when="H1 FY2027", stated="2026-03-01").when) == (
            "H1 FY2027 (July–December 2026)"
        )

    def test_with_its_naming(self) -> None:
        fy = When.parse("FY2026", fiscal_year_start=4, fiscal_year_named_by="start")
        e = Event(title="y", when=fy)
        assert str(e.revise(when="H2 FY2026", stated="2026-06-01").when) == (
            "H2 FY2026 (October 2026–March 2027)"
        )

    def test_calendar_phrases_stay_calendar(self) -> None:
        e = Event(title="x", when="Q3 FY2026", fiscal_year_start=7)
        assert e.revise(when="May 2026", stated="2026-01-05").when == When.month(2026, 5)

    def test_an_event_without_fiscal_dates_still_asks(self) -> None:
        with pytest.raises(EventError, match="names a fiscal period"):
            Event(title="z", when="2026").revise(when="FY2027", stated="2026-01-05")
