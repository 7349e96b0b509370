"""Honest answers at the edges: one rule for a passed deadline, clear file errors, ratios
of bounded figures, and the tracker with deadlines and figures of every kind."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import (
    Bound,
    DataFileError,
    DataFileNotFoundError,
    DataFilePermissionError,
    Event,
    Observation,
    Quantity,
    QuantityError,
    Source,
    Target,
    TargetStatus,
    Timeline,
    When,
)

# -- 1. a deadline passes on the day an event at that date turns overdue -------------------

_OFFSETS = st.integers(min_value=-12 * 4, max_value=14 * 4).map(lambda q: q * 15)  # minutes


@st.composite
def _instants(draw: st.DrawFn) -> When:
    day = draw(st.dates(min_value=dt.date(2000, 1, 2), max_value=dt.date(2099, 12, 30)))
    minute = draw(st.integers(min_value=0, max_value=24 * 60 - 1))
    zone = pendulum.FixedTimezone(draw(_OFFSETS) * 60)
    local = pendulum.datetime(day.year, day.month, day.day, tz=zone).add(minutes=minute)
    return When.instant(local)


class TestDeadlinePassed:
    @pytest.mark.parametrize(
        ("deadline", "as_of", "passed"),
        [
            # noon UTC on the 20th: the 21st had begun at UTC+14 (10:00 UTC on the 20th)
            ("2026-04-20T12:00Z", "2026-04-20", False),
            ("2026-04-20T12:00Z", "2026-04-21", False),
            ("2026-04-20T12:00Z", "2026-04-22", True),
            # 09:00 UTC on the 20th is before the 21st starts at UTC+14: passed on the 21st
            ("2026-04-20T09:00Z", "2026-04-21", True),
            # late evening at UTC-12, its local day the 20th, is 11:00 UTC on the 21st
            ("2026-04-20T23:00-12:00", "2026-04-21", False),
            ("2026-04-20T23:00-12:00", "2026-04-22", False),
            ("2026-04-20T23:00-12:00", "2026-04-23", True),
            # early morning at UTC+14 (local day the 21st) is the 20th in UTC
            ("2026-04-21T01:00+14:00", "2026-04-21", False),
            ("2026-04-21T01:00+14:00", "2026-04-22", True),
            # a plain day: passed the day after, as before
            ("2026-04-20", "2026-04-20", False),
            ("2026-04-20", "2026-04-21", True),
        ],
    )
    def test_table(self, deadline: str, as_of: str, passed: bool) -> None:
        target = Target("x", "10 x", When.parse(deadline))
        event = Event(title="x", when=deadline)
        assert event.overdue(as_of) is passed
        expected = TargetStatus.UNKNOWN if passed else TargetStatus.PENDING
        assert target.status(as_of) is expected

    @given(_instants(), st.integers(min_value=-3, max_value=3))
    def test_status_agrees_with_overdue(self, deadline: When, shift: int) -> None:
        assert isinstance(deadline.latest, dt.datetime)
        as_of = deadline.latest.date() + dt.timedelta(days=shift)
        event = Event(title="x", when=deadline)
        status = Target("x", "10 x", deadline).status(as_of)
        assert (status is not TargetStatus.PENDING) is event.overdue(as_of)


# -- 2. a data file that is missing or cannot be read: a clear error, still an OSError -----


@pytest.mark.parametrize(
    "deadline",
    [
        "2026-04",
        "c. April 2026",
        "by 2026",
        "April or June 2026",
        "2026-XX-15",
        "2026?",
        "{2026-04,2026-06}",
        "mid-2026",
        "2026-04-20T23:00-12:00",
        "2026-04-21T01:00+14:00",
        "by c. 2026",
        "2026-04-20/2026-04-22",
    ],
)
def test_every_day_a_deadline_passes_as_an_event_turns_overdue(deadline: str) -> None:
    # Each day from a month before to a year after: the one rule, whatever the date's kind.
    target, event = Target("x", "10 x", deadline), Event(title="x", when=deadline)
    start = dt.date(2026, 1, 1)
    for offset in range(0, 760, 3):
        day = start + dt.timedelta(days=offset)
        assert (target.status(day) is not TargetStatus.PENDING) is event.overdue(day), day


class TestFileErrors:
    def test_missing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "events.yaml"
        with pytest.raises(DataFileNotFoundError) as caught:
            Timeline.load(path)
        err = caught.value
        assert isinstance(err, FileNotFoundError)
        assert isinstance(err, DataFileError)
        assert err.errno == errno.ENOENT and err.filename == str(path)
        assert str(err) == f"{path}: no such file; check the path"
        assert [p.file for p in err.problems] == [str(path)]

    @pytest.mark.parametrize(
        ("asked", "present", "hint"),
        [
            ("x.yaml", ["x.yml"], "did you mean 'x.yml'?"),
            ("x.yml", ["x.yaml"], "did you mean 'x.yaml'?"),
            ("x.json", ["x.yaml", "x.csv"], "did you mean 'x.csv' or 'x.yaml'?"),
            ("x.yaml", ["X.YAML"], "did you mean 'X.YAML'?"),
            ("x.csv", ["x.ics"], None),  # a feed is not a data file
            ("x.csv", ["y.csv"], None),
        ],
    )
    def test_a_sibling_with_another_suffix(
        self, tmp_path: Path, asked: str, present: list[str], hint: str | None
    ) -> None:
        for name in present:
            (tmp_path / name).write_text("events: []\n", encoding="utf-8")
        if (tmp_path / asked).exists():
            pytest.skip("a case-insensitive file system has the file")
        with pytest.raises(DataFileNotFoundError) as caught:
            Timeline.load(tmp_path / asked)
        message = str(caught.value)
        if hint is None:
            assert message.endswith("no such file; check the path")
        else:
            assert message.endswith(f"no such file; check the path ({hint})")

    def test_missing_folder_is_named(self, tmp_path: Path) -> None:
        path = tmp_path / "data" / "2026" / "x.yaml"
        with pytest.raises(DataFileNotFoundError) as caught:
            Timeline.load(path)
        assert str(caught.value).endswith(f"(folder {str(tmp_path / 'data')!r} does not exist)")

    def test_a_file_where_a_folder_should_be(self, tmp_path: Path) -> None:
        (tmp_path / "notes.txt").write_text("", encoding="utf-8")
        path = tmp_path / "notes.txt" / "x.yaml"
        with pytest.raises(DataFileNotFoundError) as caught:  # the system says "not a directory"
            Timeline.load(path)
        assert str(caught.value).endswith(
            f"({str(tmp_path / 'notes.txt')!r} is a file, not a folder)"
        )

    def test_a_broken_link(self, tmp_path: Path) -> None:
        (tmp_path / "x.yaml").symlink_to(tmp_path / "gone.yaml")
        with pytest.raises(DataFileNotFoundError, match="which does not exist; fix the link"):
            Timeline.load(tmp_path / "x.yaml")

    def test_an_empty_name_says_so(self) -> None:
        with pytest.raises(DataFileError, match="no suffix"):
            Timeline.load("")

    def test_missing_parquet(self, tmp_path: Path) -> None:
        with pytest.raises(DataFileNotFoundError, match="no such file; check the path"):
            Timeline.load(tmp_path / "x.parquet")

    def test_missing_with_lines(self, tmp_path: Path) -> None:
        from timeline.formats._io import load_with_lines

        with pytest.raises(DataFileNotFoundError):
            load_with_lines(tmp_path / "x.csv")

    def test_unreadable_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = tmp_path / "x.yaml"
        path.write_text("events: []\n", encoding="utf-8")
        real_open = os.open

        def refusing_open(file: object, flags: int, *args: int) -> int:
            # What an unreadable file gives (as root, chmod 0 would not stop the read).
            if os.fspath(file) == str(path):  # type: ignore[call-overload]
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(file, flags, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", refusing_open)
        with pytest.raises(DataFilePermissionError) as caught:
            Timeline.load(path)
        monkeypatch.undo()
        err = caught.value
        assert isinstance(err, PermissionError) and isinstance(err, DataFileError)
        assert err.errno == errno.EACCES and err.filename == str(path)
        assert str(err) == (
            f"{path}: permission denied; make the file readable (chmod u+r) or read it as its owner"
        )

    def test_unreadable_parquet_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """As a YAML file: pyarrow's refusal (a PermissionError) was reported as "not a
        Parquet file ... copy it again", a wrong diagnosis and a wrong fix."""
        pytest.importorskip("pyarrow")
        from timeline.columnar import _parquet

        path = tmp_path / "x.parquet"
        Timeline([]).save(path)

        def refusing(where: str) -> object:
            # What pyarrow raises for a file it may not open (as root, chmod would not stop it).
            raise PermissionError(
                errno.EACCES, f"Failed to open local file '{where}'. Detail: [errno 13]"
            )

        monkeypatch.setattr(_parquet, "_dataset", refusing)
        with pytest.raises(DataFilePermissionError) as caught:
            Timeline.load(path)
        err = caught.value
        assert isinstance(err, PermissionError) and isinstance(err, DataFileError)
        assert err.filename == str(path)
        assert "permission denied; make the file readable" in str(err)

    def test_cli_says_the_same(self, tmp_path: Path) -> None:
        from timeline.cli import main

        (tmp_path / "x.yml").write_text("events: []\n", encoding="utf-8")
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["show", str(tmp_path / "x.yaml")])
        assert code != 0
        assert "does not exist; check the path (did you mean 'x.yml'?)" in err.getvalue()


# -- 3. a quotient of bounded figures says what the bounds allow -------------------------

_Ends = tuple[Fraction | None, bool, Fraction | None, bool]  # low, reached, high, reached


def _interval(q: Quantity) -> _Ends:
    """The values a figure allows, by hand from its bound ("about" is its figure)."""
    v = Fraction(q.value)
    if q.bound in (Bound.EXACT, Bound.APPROX):
        return (v, True, v, True)
    if q.bound is Bound.RANGE:
        assert q.high is not None
        return (v, True, Fraction(q.high), True)
    return {
        Bound.AT_LEAST: (v, True, None, False),
        Bound.MORE_THAN: (v, False, None, False),
        Bound.AT_MOST: (None, False, v, True),
        Bound.LESS_THAN: (None, False, v, False),
    }[q.bound]


def _quotient_oracle(x: _Ends, y: _Ends) -> tuple[_Ends, bool, bool] | None:
    """The values x / y takes, with whether each finite end is only approached as y grows
    without bound (0 from 2 / "over 1"); None when y's bounds do not keep it off zero."""
    c, c_in, d, d_in = y
    if (c is None or c <= 0) and (d is None or d >= 0):
        return None  # zero is in y's span or at an end of it
    if d is not None and d < 0:  # a negative divisor: x / y = -(x / -y)
        (lo, lo_in, hi, hi_in), lo_lim, hi_lim = _positive_quotient(x, (-d, d_in, _neg(c), c_in))
        return (_neg(hi), hi_in, _neg(lo), lo_in), hi_lim, lo_lim
    return _positive_quotient(x, y)


def _neg(v: Fraction | None) -> Fraction | None:
    return None if v is None else -v


def _positive_quotient(x: _Ends, y: _Ends) -> tuple[_Ends, bool, bool]:
    a, a_in, b, b_in = x
    c, c_in, d, d_in = y  # 0 < c, d may be unbounded
    assert c is not None and c > 0
    hi: Fraction | None
    hi_in = hi_limit = False
    if b is None:
        hi = None  # x grows without bound
    elif b > 0:
        hi, hi_in = b / c, b_in and c_in  # the largest x over the smallest y
    elif b == 0:
        hi, hi_in = Fraction(0), b_in
    elif d is None:
        hi, hi_limit = Fraction(0), True  # a negative x over ever larger y: up to 0, never there
    else:
        hi, hi_in = b / d, b_in and d_in
    lo: Fraction | None
    lo_in = lo_limit = False
    if a is None:
        lo = None
    elif a < 0:
        lo, lo_in = a / c, a_in and c_in
    elif a == 0:
        lo, lo_in = Fraction(0), a_in
    elif d is None:
        lo, lo_limit = Fraction(0), True
    else:
        lo, lo_in = a / d, a_in and d_in
    return (lo, lo_in, hi, hi_in), lo_limit, hi_limit


def _close(decimal: Decimal | None, fraction: Fraction | None) -> bool:
    if decimal is None or fraction is None:
        return decimal is None and fraction is None
    return abs(Fraction(decimal) - fraction) <= abs(fraction) * Fraction(1, 10**24)


def _figures() -> st.SearchStrategy[Quantity]:
    values = st.integers(min_value=-6, max_value=6).map(Decimal) | st.sampled_from(
        [Decimal("0.5"), Decimal("-2.5"), Decimal("1000000000")]
    )
    one_sided = st.builds(
        lambda v, b: Quantity(v, "", bound=b),
        values,
        st.sampled_from(list(Bound)).filter(lambda b: b is not Bound.RANGE),
    )
    ranged = st.tuples(values, values).filter(lambda p: p[0] < p[1])
    return one_sided | ranged.map(lambda p: Quantity(p[0], "", bound=Bound.RANGE, high=p[1]))


class TestRatios:
    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            ("$2bn", "over $1bn", "under 2"),  # (0, 2): 0 is only approached
            ("$2bn", "at least $1bn", "up to 2"),  # (0, 2]
            ("about $2bn", "over $1bn", "under 2"),
            ("$2-3bn", "over $1bn", "under 3"),
            ("$2-3bn", "at least $1bn", "up to 3"),
            ("-2", "over 1", "over -2"),  # (-2, 0)
            ("2", "under -1", "more than -2"),  # (-2, 0)
            ("-2", "at most -1", "up to 2"),  # (0, 2]
            ("0", "over 1", "0"),
            ("0-2", "at least 1", "0–2"),  # 0 is reached (0 / 1), 2 too (2 / 1)
            ("over 2", "over 1", "over 0"),  # (0, ∞): 0 is all there is below
            ("over 2", "under -1", "under 0"),
            ("over $2bn", "$1bn", "over 2"),
            ("$2bn", "$1-2bn", "1–2"),
            ("$2bn", "-$1bn", "-2"),
            ("under 2", "2", "under 1"),
            ("about 6", "about 3", "about 2"),
            ("2-4", "1-2", "1–4"),
            ("2-4", "-2--1", "-4–-1"),
            ("about 2", "over 4", "under 0.5"),
            ("under -2", "over 1", "under 0"),  # (-∞, 0): 0 is only approached, but all above
            ("at most -2", "at least 1", "under 0"),
            ("over 2", "1-2", "over 1"),
            ("at least -2", "2", "at least -1"),
        ],
    )
    def test_table(self, a: str, b: str, expected: str) -> None:
        assert str(Quantity.parse(a) / Quantity.parse(b)) == expected

    @given(_figures(), _figures())
    def test_against_the_interval_by_hand(self, x: Quantity, y: Quantity) -> None:
        truth = _quotient_oracle(_interval(x), _interval(y))
        if truth is None:
            with pytest.raises(QuantityError, match="may be zero"):
                x / y
            return
        (lo, lo_in, hi, hi_in), lo_limit, hi_limit = truth
        # An end only approached as the divisor grows without bound is no bound the
        # figures give, unless it is all there is on that side.
        if lo_limit and hi is not None:
            lo, lo_in = None, False
        if hi_limit and lo is not None:
            hi, hi_in = None, False
        if lo is None and hi is None:
            with pytest.raises(QuantityError, match="no bound either way"):
                x / y
            return
        result = x / y
        assert _close(result.minimum, lo) and _close(result.maximum, hi)
        if lo is None:
            assert result.bound is (Bound.AT_MOST if hi_in else Bound.LESS_THAN)
        elif hi is None:
            assert result.bound is (Bound.AT_LEAST if lo_in else Bound.MORE_THAN)
        elif lo == hi:
            approx = Bound.APPROX in (x.bound, y.bound)
            assert result.bound is (Bound.APPROX if approx else Bound.EXACT)
        else:  # a range: its ends are closed (an open end kept closed, weaker, still true)
            assert result.bound is Bound.RANGE


# -- the tracker with deadlines that are sets or qualified ---------------------------------


class TestDeadlineReadings:
    @pytest.mark.parametrize(
        ("deadline", "figure", "as_of", "expected"),
        [
            # "c. 2027" could fall in 2028 (it is not past until 2029): a 2027 figure short
            # of the goal does not show it missed, a 2028 one does
            ("c. 2027", ("2027", "8 x"), "2029-06-01", "unknown"),
            ("c. 2027", ("2028", "8 x"), "2029-06-01", "missed"),
            ("c. 2027", ("2027", "12 x"), "2028-01-01", "met"),
            ("c. 2027", ("2028", "12 x"), "2029-06-01", "unknown"),
            ("2027?", ("2027", "8 x"), "2029-06-01", "unknown"),
            ("by c. 2027", ("2027", "8 x"), "2029-06-01", "unknown"),
            # "2026 or 2027": a 2027 figure reaching the goal is late if 2026 was meant
            ("2026 or 2027", ("2027", "12 x"), "2028-01-01", "unknown"),
            ("2026 or 2027", ("2026", "12 x"), "2027-01-01", "met"),
            ("2026 or 2027", ("2027", "8 x"), "2028-01-01", "missed"),
            ("2026 or 2027", ("2026", "8 x"), "2028-01-01", "unknown"),
            ("[2026-06,2027]", ("2026-06", "12 x"), "2028-01-01", "met"),
            ("[2026-06,2027]", ("2026", "12 x"), "2028-01-01", "unknown"),
            # plain deadlines as before
            ("2027", ("2027", "12 x"), "2028-01-01", "met"),
            ("2027", ("2027", "8 x"), "2028-01-01", "missed"),
            ("by mid-2027", ("2027-06", "12 x"), "2027-09-01", "met"),
            # an interval is due by its end, as a plain date is
            ("2026-04/2026-06", ("2026-06", "12 x"), "2026-07-01", "met"),
            ("2026-04/2026-06", ("2026-06", "8 x"), "2026-07-01", "missed"),
            # the 15th of some month of 2027: met only by a figure by 15 January
            ("2027-XX-15", ("2027-01-10", "12 x"), "2028-01-01", "met"),
            ("2027-XX-15", ("2027-06", "12 x"), "2028-01-01", "unknown"),
            ("2027-XX-15", ("2027-12-15", "8 x"), "2028-01-01", "missed"),
        ],
    )
    def test_table(self, deadline: str, figure: tuple[str, str], as_of: str, expected: str) -> None:
        target = Target("x", "10 x", deadline)
        assert target.status(as_of, [Observation(*figure)]).value == expected


# -- figures in units pint converts: the same figure is equal both ways round -------------

# Exact factors worked out by hand: a kWh is 3.6 MJ, a km/h 5/18 m/s, a mile 1.609344 km.
_FACTORS = [
    ("kWh", "MJ", Fraction(18, 5)),
    ("MWh", "GJ", Fraction(18, 5)),
    ("km/h", "m/s", Fraction(5, 18)),
    ("h", "min", Fraction(60)),
    ("mi", "km", Fraction("1.609344")),
    ("GW", "MW", Fraction(1000)),
    ("week", "day", Fraction(7)),
]


def _terminates(value: Fraction) -> bool:
    """Whether a decimal writes ``value`` exactly: its denominator has no factor but 2 and 5."""
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def _order_of(a: Fraction, b: Fraction) -> int:
    return (a > b) - (a < b)


class TestConvertedFigures:
    @pytest.mark.parametrize(
        ("a", "b"),
        [("1 kWh", "3.6 MJ"), ("1 MWh", "3.6 GJ"), ("36 km/h", "10 m/s"), ("2 weeks", "14 days")],
    )
    def test_equal_both_ways(self, a: str, b: str) -> None:
        qa, qb = Quantity.parse(a), Quantity.parse(b)
        assert qa == qb and qb == qa
        assert not qa < qb and not qb < qa and qa <= qb and qb >= qa
        assert qb.to(qa.unit) == qa and str(qb.to(qa.unit)) == a

    @given(
        st.sampled_from(_FACTORS),
        st.decimals(min_value=-1000, max_value=1000, places=2),
        st.decimals(min_value=-4000, max_value=4000, places=2) | st.none(),
        st.booleans(),
    )
    def test_order_against_exact_factors(
        self,
        units: tuple[str, str, Fraction],
        x: Decimal,
        y: Decimal | None,
        swap: bool,
    ) -> None:
        ua, ub, f = units
        if y is None:  # the same figure in the other unit, when it can be written
            exact = Fraction(x) * f
            if not _terminates(exact):
                return
            y = Decimal(exact.numerator) / Decimal(exact.denominator)
        qa, qb = Quantity(x, ua), Quantity(y, ub)
        expected = _order_of(Fraction(x) * f, Fraction(y))
        if swap:
            qa, qb, expected = qb, qa, -expected
        assert (qa == qb) is (expected == 0)
        assert (qa < qb) is (expected < 0)
        assert (qa > qb) is (expected > 0)


# -- the track record of promises withdrawn and remade -------------------------------------


def _withdrawn_and_remade() -> Event:
    """Promised for April 2026, withdrawn on 1 March, remade on 1 May for September."""
    promise = Event(
        title="x", when="2026-04", sources=[Source("s", published="2026-01-01")], actors=["A"]
    )
    return promise.revise(status="cancelled", stated="2026-03-01").revise(
        status="expected", when="2026-09", stated="2026-05-01"
    )


class TestWithdrawnAndRemade:
    @pytest.mark.parametrize(
        ("as_of", "outcome"),
        [
            ("2026-02-01", "pending"),  # promised, April still ahead
            ("2026-03-15", "broken"),  # withdrawn
            ("2026-05-15", "pending"),  # remade for September
            ("2026-10-01", "broken"),  # September has passed, still open
        ],
    )
    def test_outcome_on_each_day(self, as_of: str, outcome: str) -> None:
        from timeline.model._track_record import score

        assert score(_withdrawn_and_remade(), dt.date.fromisoformat(as_of)) == outcome

    def test_kept_late_from_the_first_promise(self) -> None:
        # Done 10 September: late against the end of April, the first promise, by the days
        # from 1 May to 10 September counted by hand (31 + 30 + 31 + 31 + 10).
        done = _withdrawn_and_remade().revise(
            status="happened", when="2026-09-10", stated="2026-09-10"
        )
        row = Timeline([done]).track_record(as_of="2026-10-01").total
        assert (row.kept, row.late, row.broken, row.pending) == (0, 1, 0, 0)
        assert row.delay_days == (31 + 30 + 31 + 31 + 10,) == (done.delay,)
        # notice: 1 January to 30 April, the first promised day's end
        assert row.mean_notice_days == (dt.date(2026, 4, 30) - dt.date(2026, 1, 1)).days

    def test_given_up_then_done_early_is_kept(self) -> None:
        done = (
            Event(title="y", when="2026-04")
            .revise(status="cancelled", stated="2026-03-01")
            .revise(status="happened", when="2026-03-20", stated="2026-03-20")
        )
        row = Timeline([done]).track_record(as_of="2026-10-01").total
        assert (row.kept, row.late, row.broken, row.pending) == (1, 0, 0, 0)
        assert done.delay == -(dt.date(2026, 4, 1) - dt.date(2026, 3, 20)).days
