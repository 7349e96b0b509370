"""Sets and unspecified digits in the columnar form: SQL windows exactly `overlapping`.

"April or June 2026" is April or June, never 10 May; "2026-XX-31" is the 31st of some
month, never in April. `Timeline.overlapping` reads each run of days such a value
allows; a row keeps those runs in ``could_runs`` (null for ordinary values, whose
``could_start``/``could_end`` are exact), so a SQL window over the columns gives
`overlapping`'s answer for every value, not the runs' hull.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
duckdb = pytest.importorskip("duckdb")

from data_strategies import hostile_whens, plain_whens, timelines, whens  # noqa: E402
from test_columnar import _docs_sql  # noqa: E402
from timeline import Event, Timeline, When  # noqa: E402
from timeline.columnar import (  # noqa: E402
    RUNS_LIMIT,
    SCHEMA,
    duckdb_connect,
    from_arrow,
    to_arrow,
    window_filter,
    write_parquet,
)
from timeline.columnar._table import could_days, when_columns  # noqa: E402

D = dt.date
_EPOCH = D(1970, 1, 1).toordinal()
_SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_README_APRIL = _docs_sql("What could happen")
_PLAIN_SQL = _docs_sql("In any engine")


def _row(when: str, **event: object) -> dict[str, object]:
    table = to_arrow(Timeline([Event(title="x", when=when, **event)]))  # type: ignore[arg-type]
    row: dict[str, object] = table.to_pylist()[0]
    return row


def _runs(*pairs: tuple[D | None, D | None]) -> list[dict[str, D | None]]:
    return [{"first": a, "last": b} for a, b in pairs]


def _month(y: int, m: int) -> tuple[D, D]:
    nxt = D(y + m // 12, m % 12 + 1, 1)
    return D(y, m, 1), D.fromordinal(nxt.toordinal() - 1)


class TestTheRunsColumn:
    def test_it_is_typed_natively(self) -> None:
        run = "list<item: struct<first: date32[day], last: date32[day]>>"
        assert str(SCHEMA.field("could_runs").type) == run
        assert str(SCHEMA.field("end_could_runs").type) == run
        assert SCHEMA.field("could_runs").nullable

    @pytest.mark.parametrize(
        ("text", "runs"),
        [
            # ordinary values: the hull is exact, no runs
            ("2026-04", None),
            ("c. April 2026", None),
            ("by 2030", None),
            ("2026-04-15T10:00+08:00", None),
            # one of two months: April or June, never May
            ("April or June 2026", _runs(_month(2026, 4), _month(2026, 6))),
            # members that touch are one run: the hull is exact
            ("April or May 2026", None),
            # all of two days
            ("{2026-04-14,2026-04-16}", _runs((D(2026, 4, 14),) * 2, (D(2026, 4, 16),) * 2)),
            # an open member is a run unbounded on that side
            ("[..2026-04-15,2026-06]", _runs((None, D(2026, 4, 15)), _month(2026, 6))),
            # unspecified digits: February or December
            ("2026-X2", _runs(_month(2026, 2), _month(2026, 12))),
            # digits allowing one run are that run: the hull
            ("202X", None),
            ("2026-04-XX", None),
            # the 31st of a month that has one
            (
                "2026-XX-31",
                _runs(*((D(2026, m, 31),) * 2 for m in (1, 3, 5, 7, 8, 10, 12))),
            ),
            # approximate: each run padded a day each side
            (
                "c. 2026-X2-15",
                _runs((D(2026, 2, 14), D(2026, 2, 16)), (D(2026, 12, 14), D(2026, 12, 16))),
            ),
        ],
    )
    def test_runs_of_a_date(self, text: str, runs: object) -> None:
        assert _row(text)["could_runs"] == runs

    def test_an_instant_member_is_the_days_it_could_fall_on(self) -> None:
        instant = When.parse("2026-04-15T10:00Z")
        lo, hi = could_days(instant.earliest, instant.latest)
        assert lo is not None and hi is not None
        days = (D.fromordinal(lo + _EPOCH), D.fromordinal(hi + _EPOCH))
        got = _row("[2026-04-15T10:00Z,2026-06]")["could_runs"]
        assert got == _runs(days, _month(2026, 6))

    def test_an_event_that_lasts_is_one_span(self) -> None:
        row = _row("April or June 2026", end="December 2026")
        assert row["could_runs"] is None  # every day from April to December
        assert row["end_could_runs"] is None

    def test_an_end_that_is_a_set_has_runs_of_its_own(self) -> None:
        row = _row("2026-03", end="April or June 2026")
        assert row["could_runs"] is None  # March to June, one span
        assert row["end_could_runs"] == _runs(_month(2026, 4), _month(2026, 6))

    def test_an_end_passed_by_a_claim_no_longer_spans(self) -> None:
        event = Event(title="x", when="2020-01", end="2020-02").revise(
            when="April or June 2026", stated="2019-06-01"
        )
        assert event.current_end is None
        row = to_arrow(Timeline([event])).to_pylist()[0]
        assert row["could_runs"] == _runs(_month(2026, 4), _month(2026, 6))

    def test_beyond_the_limit_the_runs_are_coarsened_to_a_superset(self) -> None:
        runs = _row("XXXX-12-25")["could_runs"]
        assert isinstance(runs, list) and len(runs) == RUNS_LIMIT
        starts = [r["first"] for r in runs]
        assert starts == sorted(starts)
        # every 25 December is in some stored run
        for year in (1, 17, 2026, 5000, 9999):
            day = D(year, 12, 25)
            assert any(r["first"] <= day <= r["last"] for r in runs), year

    @pytest.mark.parametrize(
        "text",
        [
            "XXXX-04-20",  # every 20 April: 9,999 runs
            "XXXX-XX-15",  # about 120,000 runs
            "XXXX-XX-X1",  # runs that join across 1 January (31 December, 1 January)
            "XXXX-02-29",  # leap days: fewer than four times the limit, each made
            "XXXX-04-20~",  # padded runs
            "[XXXX-04-20,2026-06]",  # a set with a mask of any year
            "2XXX-XX-15",  # fewer years than the limit, too many runs: a block a year
            "20XX-XX-X1",  # under four times the limit: every run, the smallest gaps closed
        ],
    )
    def test_coarsened_runs_hold_every_run(self, text: str) -> None:
        from timeline.columnar._runs import date_runs
        from timeline.dates._masks import mask_readings
        from timeline.dates._relations import _readings

        runs = date_runs(When.parse(text))
        assert runs is not None and len(runs) <= RUNS_LIMIT
        assert all(
            a[1] is not None and b[0] is not None and a[1] + 1 < b[0]
            for a, b in itertools.pairwise(runs)
        )  # in order, apart
        exact = list(_readings(When.parse(text)))  # every run, padded: the oracle
        firsts = [r[0] for r in runs]
        for lo, hi in exact:
            a, b = could_days(lo, hi)
            assert a is not None and b is not None
            i = bisect.bisect_right(firsts, a) - 1
            assert i >= 0 and runs[i][1] is not None and b <= runs[i][1], (lo, hi)
        single = mask_readings(When.parse(text))
        if single is not None:  # the hull is kept: the first run and the last
            first, last = single.hull()
            assert (runs[0][0], runs[-1][1]) == could_days(first, last)

    def test_coarsened_runs_are_made_in_proportion_to_the_limit(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # "XXXX-XX-15" allows about 120,000 runs; a column keeps RUNS_LIMIT of them
        from timeline.columnar._runs import date_runs
        from timeline.dates import _masks

        made = 0
        raw = _masks.Runs._raw

        def counted(self: _masks.Runs, k: int):  # type: ignore[no-untyped-def]
            nonlocal made
            for run in raw(self, k):
                made += 1
                yield run

        monkeypatch.setattr(_masks.Runs, "_raw", counted)
        date_runs.cache_clear()
        try:
            assert date_runs(When.parse("XXXX-XX-15")) is not None
        finally:
            date_runs.cache_clear()
        assert made < 40 * RUNS_LIMIT  # was every run: about 120,000

    def test_the_runs_are_derived_and_never_read(self) -> None:
        tl = Timeline([Event(id="a", title="x", when="April or June 2026")])
        table = to_arrow(tl)
        at = table.schema.get_field_index("could_runs")
        wrong = pa.array([[{"first": D(1999, 1, 1), "last": D(1999, 1, 2)}]], table.schema[at].type)
        assert from_arrow(table.set_column(at, "could_runs", wrong)) == tl
        assert from_arrow(table.drop_columns(["could_runs", "end_could_runs"])) == tl


# -- SQL windows ----------------------------------------------------------------------


@st.composite
def masks(draw: st.DrawFn) -> When:
    """Dates with unspecified digits of a day or month grain, maybe qualified."""
    year = draw(st.sampled_from(["2026", "2027", "202X", "199X"]))
    month = draw(st.sampled_from(["04", "X2", "1X", "0X", "XX"]))
    day = draw(st.sampled_from([None, "15", "X5", "3X", "0X", "31", "XX"]))
    mark = draw(st.sampled_from(["", "", "~", "?", "%"]))
    text = f"{year}-{month}" + ("" if day is None else f"-{day}") + mark
    try:
        return When.parse(text)
    except ValueError:
        assume(False)
        raise


def _odd_events() -> st.SearchStrategy[list[Event]]:
    """Events dated by sets or masks: alone, with an end, or with an end a claim passed."""
    from test_timeline_properties import sets

    def make(i: int, w: When, shape: int) -> Event:
        if shape == 1 and w.earliest is not None and w.earliest.year < 2100:
            return Event(id=f"odd-{i}", title="x", when=w, end="2100")
        if shape == 2:
            first = Event(id=f"odd-{i}", title="x", when="1980-01", end="1980-02")
            return first.revise(when=w, stated="1979-01-01")
        return Event(id=f"odd-{i}", title="x", when=w)

    one = st.tuples(st.one_of(sets(), masks()), st.integers(0, 2))
    return st.lists(one, max_size=4).map(
        lambda drawn: [make(i, w, shape) for i, (w, shape) in enumerate(drawn)]
    )


def _sets() -> st.SearchStrategy[When]:
    from test_timeline_properties import sets

    return sets()


def _instants() -> st.SearchStrategy[When]:
    from test_timeline_properties import instants

    return instants()


def _day_windows() -> st.SearchStrategy[When]:
    """Calendar windows: days and months near the odd dates, and every plain grain."""
    near = st.dates(D(1990, 1, 1), D(2030, 12, 31))
    return st.one_of(
        near.map(lambda d: When.day(d.year, d.month, d.day)),
        near.map(lambda d: When.month(d.year, d.month)),
        plain_whens().filter(lambda w: not w.is_instant),
    )


def _ids(rows: list[tuple[object, ...]]) -> list[object]:
    return sorted(r[0] for r in rows)


def _expected(tl: Timeline, window: When) -> list[str]:
    return sorted(e.id for e in tl.overlapping(window))


def _days(window: When) -> list[D | None]:
    lo, hi = window.fuzzy_bounds()
    assert not isinstance(lo, dt.datetime) and not isinstance(hi, dt.datetime)
    return [lo, hi]


class TestTheCouldColumns:
    """``could_start``/``could_end``: the days a date could fall on, at its widest."""

    def test_a_set_with_a_qualified_member_could_fall_where_the_member_could(self) -> None:
        # "May 2026?" could fall in April to June: so could the set that holds it. The
        # column said 31 May, and SQL missed the event on every day of June.
        tl = Timeline([Event(id="a", title="x", when="[2026-01-01,2026-05?]")])
        table = to_arrow(tl)
        assert table.column("could_end").to_pylist() == [D(2026, 6, 30)]
        rows = duckdb_connect(table).execute(
            "SELECT id FROM events_overlapping(?, ?)", [D(2026, 6, 20), D(2026, 6, 20)]
        )
        assert _ids(rows.fetchall()) == ["a"] == [e.id for e in tl.overlapping("2026-06-20")]

    @settings(max_examples=200, deadline=None)
    @given(st.one_of(_sets(), masks(), whens(), hostile_whens()))
    def test_the_could_days_are_the_fuzzy_bounds(self, when: When) -> None:
        columns = when_columns(when)
        assert columns[4:6] == could_days(*when.fuzzy_bounds()), str(when)


class TestSQLWindowsAreOverlapping:
    def test_the_readme_query_leaves_out_what_cannot_be_in_april(self, tmp_path: Path) -> None:
        tl = Timeline(
            [
                Event(id="march-or-may", title="x", when="March or May 2026"),
                Event(id="any-31st", title="x", when="2026-XX-31"),  # April has no 31st
                Event(id="any-15th", title="x", when="2026-XX-15"),
                Event(id="april", title="x", when="2026-04"),
                Event(id="feb-or-dec", title="x", when="2026-X2"),
            ]
        )
        tl.save(tmp_path / "events.parquet")
        rows = duckdb_connect(tmp_path / "events.parquet").execute(_README_APRIL).fetchall()
        assert _ids(rows) == _expected(tl, When.parse("2026-04")) == ["any-15th", "april"]

    def test_the_plain_sql_of_any_engine(self) -> None:
        tl = Timeline(
            [
                Event(id="march-or-may", title="x", when="March or May 2026"),
                Event(id="april", title="x", when="2026-04"),
            ]
        )
        con = duckdb.connect()
        con.register("events", to_arrow(tl))
        rows = con.execute(_PLAIN_SQL).fetchall()
        assert _ids(rows) == ["april"]

    def test_a_day_between_two_members(self, tmp_path: Path) -> None:
        tl = Timeline([Event(id="a", title="x", when="April or June 2026")])
        write_parquet(tl, tmp_path / "e.parquet")
        con = duckdb_connect(tmp_path / "e.parquet")
        query = "SELECT id FROM events_overlapping(?, ?)"
        assert con.execute(query, [D(2026, 5, 10), D(2026, 5, 10)]).fetchall() == []
        assert con.execute(query, [D(2026, 5, 10), D(2026, 6, 1)]).fetchall() == [("a",)]
        # open windows: NULL is unbounded
        assert con.execute(query, [None, D(2026, 4, 1)]).fetchall() == [("a",)]
        assert con.execute(query, [D(2026, 7, 1), None]).fetchall() == []

    @pytest.mark.parametrize(
        ("window", "meets"),
        [
            ("2026-12-25", True),
            ("2026-12-24", False),
            ("2026-12", True),
            ("1500-06", False),
            ("9999-12-26", False),
        ],
    )
    def test_beyond_the_limit_duckdb_stays_exact(
        self, tmp_path: Path, window: str, meets: bool
    ) -> None:
        tl = Timeline([Event(id="christmas", title="x", when="XXXX-12-25")])
        assert bool(tl.overlapping(window)) is meets
        write_parquet(tl, tmp_path / "e.parquet")
        con = duckdb_connect(tmp_path / "e.parquet")
        rows = con.execute("SELECT id FROM events_overlapping(?, ?)", _days(When.parse(window)))
        assert bool(rows.fetchall()) is meets

    def test_duckdb_connect_takes_a_table_or_a_path_only(self) -> None:
        with pytest.raises(TypeError, match="a Parquet file or folder, or an Arrow table"):
            duckdb_connect([1, 2])  # type: ignore[arg-type]

    @_SLOW
    @given(timelines(), _odd_events(), _day_windows())
    def test_over_parquet(self, tl: Timeline, odd: list[Event], window: When) -> None:
        tl = Timeline([*tl, *odd])
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            write_parquet(tl, Path(folder) / "e.parquet")
            con = duckdb_connect(Path(folder) / "e.parquet")
            rows = con.execute("SELECT id FROM events_overlapping(?, ?)", _days(window))
            assert _ids(rows.fetchall()) == _expected(tl, window)
            con.close()

    @_SLOW
    @given(timelines(), _odd_events(), _day_windows())
    def test_over_to_arrow(self, tl: Timeline, odd: list[Event], window: When) -> None:
        tl = Timeline([*tl, *odd])
        table = to_arrow(tl)
        con = duckdb_connect(table)
        rows = con.execute("SELECT id FROM events_overlapping(?, ?)", _days(window)).fetchall()
        assert _ids(rows) == _expected(tl, window)
        # the same condition written out, as any engine runs it (no run list is at the limit)
        plain = duckdb.connect()
        plain.register("events", table)
        query = _PLAIN_SQL.replace("DATE '2026-04-01'", "$lo").replace("DATE '2026-04-30'", "$hi")
        lo, hi = _days(window)
        rows = plain.execute(query, {"lo": lo, "hi": hi}).fetchall()
        assert _ids(rows) == _expected(tl, window)

    @_SLOW
    @given(timelines(), _odd_events(), _day_windows())
    def test_runs_beyond_a_low_limit_stay_exact_in_duckdb(
        self, tl: Timeline, odd: list[Event], window: When
    ) -> None:
        # With a limit of 2, most sets and masks are coarsened: the plain SQL keeps a
        # superset, events_overlapping asks could_meet and stays exact.
        from timeline.columnar import _duckdb_views, _runs

        tl = Timeline([*tl, *odd])
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_runs, "RUNS_LIMIT", 2)
            patch.setattr(_duckdb_views, "RUNS_LIMIT", 2)
            _runs.date_runs.cache_clear()
            try:
                table = to_arrow(tl)
                con = duckdb_connect(table)
                query = "SELECT id FROM events_overlapping(?, ?)"
                rows = con.execute(query, _days(window)).fetchall()
            finally:
                _runs.date_runs.cache_clear()
        assert all(len(r) <= 2 for r in table.column("could_runs").to_pylist() if r)
        assert _ids(rows) == _expected(tl, window)

    @_SLOW
    @given(timelines(), _odd_events(), _instants())
    def test_an_instant_window_by_the_days_it_could_fall_on(
        self, tl: Timeline, odd: list[Event], window: When
    ) -> None:
        # The columns hold days, instants compare in UTC: by the days the instant could fall
        # on, the SQL keeps every event overlapping keeps, and exactly those among the
        # events whose readings are all calendar days (sets and masks included).
        tl = Timeline([*tl, *odd])
        lo, hi = could_days(window.earliest, window.latest)
        assert lo is not None and hi is not None
        days = [D.fromordinal(lo + _EPOCH), D.fromordinal(hi + _EPOCH)]
        rows = duckdb_connect(to_arrow(tl)).execute("SELECT id FROM events_overlapping(?, ?)", days)
        got = set(_ids(rows.fetchall()))
        expected = set(_expected(tl, window))
        assert expected <= got
        calendar = {
            e.id for e in tl if not any(isinstance(p, dt.datetime) for r in e._readings for p in r)
        }
        assert got & calendar == expected & calendar

    @_SLOW
    @given(timelines(), _odd_events(), _day_windows())
    def test_window_filter_stays_a_superset(
        self, tl: Timeline, odd: list[Event], window: When
    ) -> None:
        tl = Timeline([*tl, *odd])
        picked = from_arrow(to_arrow(tl).filter(window_filter(window)))
        assert set(tl.overlapping(window).events) <= set(picked.events)
        assert picked.overlapping(window) == tl.overlapping(window)

    @_SLOW
    @given(timelines(), _odd_events())
    def test_lossless(self, tl: Timeline, odd: list[Event]) -> None:
        tl = Timeline([*tl, *odd])
        assert from_arrow(to_arrow(tl)) == tl


class TestFilesWrittenBefore:
    """Files written before ``could_runs`` existed still load and query, exactly."""

    TL = Timeline(
        [
            Event(id="april-or-june", title="x", when="April or June 2026"),
            Event(id="any-31st", title="x", when="2026-XX-31"),
            Event(id="may", title="x", when="2026-05"),
            Event(id="lasting", title="x", when="April or June 2026", end="2026-12"),
        ]
    )

    @pytest.fixture
    def old(self, tmp_path: Path) -> Path:
        path = tmp_path / "old.parquet"
        pq.write_table(to_arrow(self.TL).drop_columns(["could_runs", "end_could_runs"]), path)
        return path

    def test_they_load(self, old: Path) -> None:
        assert Timeline.load(old) == self.TL

    def test_duckdb_derives_the_runs(self, old: Path) -> None:
        con = duckdb_connect(old)
        rows = con.execute(
            "SELECT id FROM events_overlapping(?, ?)", [D(2026, 5, 10), D(2026, 5, 10)]
        ).fetchall()
        assert _ids(rows) == _expected(self.TL, When.parse("2026-05-10")) == ["lasting", "may"]
        assert con.execute(_README_APRIL).fetchall()

    def test_the_window_filter_reads_them(self, old: Path) -> None:
        loaded = Timeline.load(old, filters=window_filter("2026-05-10"))
        assert loaded.overlapping("2026-05-10") == self.TL.overlapping("2026-05-10")

    @_SLOW
    @given(timelines(), _odd_events(), _day_windows())
    def test_derived_runs_are_exact_for_rows_without_an_end(
        self, tl: Timeline, odd: list[Event], window: When
    ) -> None:
        tl = Timeline([*tl, *odd])
        table = to_arrow(tl).drop_columns(["could_runs", "end_could_runs"])
        rows = duckdb_connect(table).execute(
            "SELECT id FROM events_overlapping(?, ?)", _days(window)
        )
        got, expected = set(_ids(rows.fetchall())), set(_expected(tl, window))
        assert expected <= got
        no_end = {e.id for e in tl if e.end is None}
        assert got & no_end == expected & no_end


class TestParsedRuns:
    """`parse_dates` (and ``when_parse`` in SQL, Spark's `parse_dates`) give the runs too."""

    def test_parse_dates_gives_the_runs(self) -> None:
        from timeline.columnar import parse_dates

        texts = ["April or June 2026", "2026-04", "2026-X2", "Aprill 2026", None, "2026-04-15"]
        rows = parse_dates(texts).to_pylist()
        assert [None if r is None else r["could_runs"] for r in rows] == [
            _runs(_month(2026, 4), _month(2026, 6)),
            None,
            _runs(_month(2026, 2), _month(2026, 12)),
            None,
            None,
            None,
        ]

    @_SLOW
    @given(st.lists(st.one_of(masks(), plain_whens()), max_size=6))
    def test_parse_dates_runs_are_the_rows(self, whens: list[When]) -> None:
        from timeline.columnar import parse_dates

        texts = [str(w) for w in whens]
        parsed = [r["could_runs"] for r in parse_dates(texts).to_pylist()]
        tl = Timeline([Event(id=f"e{i}", title="x", when=w) for i, w in enumerate(whens)])
        by_id = {r["id"]: r["could_runs"] for r in to_arrow(tl).to_pylist()}
        assert parsed == [by_id[f"e{i}"] for i in range(len(whens))]

    def test_when_parse_in_sql(self) -> None:
        con = duckdb_connect()
        got = con.execute("SELECT when_parse('2026-X2', NULL).could_runs").fetchall()
        assert got == [(_runs(_month(2026, 2), _month(2026, 12)),)]
