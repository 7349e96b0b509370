"""Arrow columns and dates past the calendar: refused with what is wrong, never a raw error.

A foreign table's ``date64`` column holding a time of day (pyarrow builds one from
a ``datetime``) raised pyarrow's ``ArrowInvalid`` ("would lose data"); a day
outside years 1..9999 (a corrupt or sentinel value, ``2**31 - 1``) was quoted as
``'<value out of range: 2147483647>'`` with "unknown word 'value'"; an ISO text
with a five-digit year was "not a date form timeline reads". A missing Parquet
path given to `read_parquet` raised a plain ``FileNotFoundError``.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import DataFileError, DataFileNotFoundError, TimelineError, When, WhenParseError

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from timeline.columnar import COLUMNS, from_arrow, read_parquet  # noqa: E402

_MS_PER_DAY = 86_400_000


def _raw(kind: object, value: int, width: int) -> object:
    """An Arrow array of one value of ``kind`` holding the raw integer ``value``."""
    return pa.Array.from_buffers(
        kind, 1, [None, pa.py_buffer(value.to_bytes(width, "little", signed=True))]
    )


def _table(when: object, column: str = "when") -> object:
    columns = {"title": ["A"], "when": ["2026"]}
    columns[column] = when  # type: ignore[assignment]
    return pa.table(columns)


class TestFiveDigitYears:
    @pytest.mark.parametrize(
        ("text", "said"),
        [
            ("10000-01-01", "year 10000 is outside 1..9999"),  # the first day past the calendar
            ("32103-01-10T04:00:54", "year 32103 is outside 1..9999"),  # timestamp's max (us)
            ("5881580-07-11", "year 5881580 is outside 1..9999"),  # date32's max
            ("20260-04", "year 20260 is outside 1..9999"),
            ("-5877641-06-23", "years before 1 CE"),  # date32's min
            ("-10000-01-01", "years before 1 CE"),
        ],
    )
    def test_named(self, text: str, said: str) -> None:
        with pytest.raises(WhenParseError, match=said):
            When.parse(text)


class TestDaysPastTheCalendarInArrow:
    @pytest.mark.parametrize(
        ("kind", "value", "width", "year"),
        [
            (pa.date32(), 2**31 - 1, 4, "5881580"),
            (pa.date32(), 2_932_897, 4, "10000"),  # 10000-01-01
            (pa.date64(), 2_932_897 * _MS_PER_DAY, 8, "10000"),
            (pa.date64(), 2**63 - 1, 8, "292278994"),
        ],
    )
    @pytest.mark.parametrize("column", ["when", "end"])
    def test_a_late_day_names_its_year(
        self, kind: object, value: int, width: int, year: str, column: str
    ) -> None:
        with pytest.raises(DataFileError, match=f"rows\\[0\\].{column}: .*year {year} is outside"):
            from_arrow(_table(_raw(kind, value, width), column))

    @pytest.mark.parametrize(
        ("kind", "value", "width"),
        [
            (pa.date32(), -(2**31), 4),
            (pa.date32(), -719_163, 4),  # 31 December of year 0
            (pa.date64(), -(2**63), 8),
        ],
    )
    def test_an_early_day_is_refused(self, kind: object, value: int, width: int) -> None:
        with pytest.raises(DataFileError, match=r"rows\[0\]\.when: .*(before 1 CE|year 0000)"):
            from_arrow(_table(_raw(kind, value, width)))

    def test_the_calendar_edges_still_read(self) -> None:
        days = pa.array([_dt.date(1, 1, 1), _dt.date(9999, 12, 31)], pa.date32())
        tl = from_arrow(pa.table({"title": ["A", "B"], "when": days}))
        assert [str(e.when) for e in tl] == ["1 January 0001", "31 December 9999"]

    def test_in_a_parquet_file(self, tmp_path: Path) -> None:
        path = tmp_path / "t.parquet"
        pq.write_table(_table(_raw(pa.date32(), 2**31 - 1, 4)), path)
        with pytest.raises(DataFileError, match="year 5881580 is outside"):
            read_parquet(path)


class TestDate64WithATimeOfDay:
    """Arrow's date64 should hold whole days; pyarrow makes one from a datetime with its time.
    Read as the day it falls on, as a Parquet file of it reads (Parquet keeps days only)."""

    @pytest.mark.parametrize(
        ("ms", "day"),
        [
            (1, "1 January 1970"),
            (_MS_PER_DAY - 1, "1 January 1970"),
            (-1, "31 December 1969"),  # the day before, not the one after
            (20_000 * _MS_PER_DAY + 5, "4 October 2024"),
        ],
    )
    def test_read_as_its_day(self, ms: int, day: str) -> None:
        tl = from_arrow(_table(_raw(pa.date64(), ms, 8)))
        assert str(tl.events[0].when) == day

    def test_from_a_datetime(self) -> None:
        when = pa.array([_dt.datetime(2026, 4, 1, 10, 30)], pa.date64())
        assert str(from_arrow(_table(when)).events[0].when) == "1 April 2026"


@pytest.mark.fuzz
@given(
    days=st.lists(st.integers(-(2**31), 2**31 - 1), min_size=1, max_size=5),
    wide=st.booleans(),
    offset=st.integers(0, _MS_PER_DAY - 1),
)
@settings(max_examples=examples(100), deadline=None)
def test_any_day_column_reads_or_is_a_timeline_error(
    days: list[int], wide: bool, offset: int
) -> None:
    if wide:
        values = [max(-(2**63), min(2**63 - 1, d * _MS_PER_DAY + offset)) for d in days]
        when = pa.array(values, pa.int64()).view(pa.date64())
    else:
        when = pa.array(days, pa.int32()).view(pa.date32())
    table = pa.table({"title": [f"e{i}" for i in range(len(days))], "when": when})
    try:
        tl = from_arrow(table)
    except TimelineError:
        return
    lo, hi = _dt.date(1, 1, 1).toordinal(), _dt.date(9999, 12, 31).toordinal()
    epoch = _dt.date(1970, 1, 1).toordinal()
    assert all(lo <= d + epoch <= hi for d in days)  # every day read is in the calendar
    read = sorted(e.when.earliest for e in tl)
    assert read == sorted(_dt.date.fromordinal(d + epoch) for d in days)


class TestReadParquetOfNothing:
    def test_a_missing_path_is_a_data_file_error(self, tmp_path: Path) -> None:
        with pytest.raises(DataFileNotFoundError, match=r"nope\.parquet: no such file") as info:
            read_parquet(tmp_path / "nope.parquet")
        assert isinstance(info.value, FileNotFoundError)  # still, for code that catches that


def _not_utf_8(values: list[bytes], kind: object = None) -> object:
    """A text column holding bytes that are not UTF-8: pyarrow does not check what it is
    handed as ``string`` (nor does its Parquet reader, for a file another tool wrote)."""
    wide = kind == pa.large_string()
    return pa.array(values, pa.large_binary() if wide else pa.binary()).view(kind or pa.string())


class TestTextColumnsThatAreNotUtf8:
    """Text that is not UTF-8 in a column `from_arrow` reads (a Latin-1 Hive table written as
    Parquet strings): was pyarrow's ``UnicodeDecodeError`` or ``ArrowInvalid``, a traceback
    from ``timeline show``."""

    @pytest.mark.parametrize("column", ["title", "when", "id", "kind", "status", "end"])
    @pytest.mark.parametrize("kind", [None, "large"])
    def test_a_text_column_names_the_row(self, column: str, kind: str | None) -> None:
        text = pa.large_string() if kind else pa.string()
        good = {"when": b"2030", "status": b"expected", "end": b"2031"}.get(column, b"x")
        columns = {"title": pa.array(["A", "B", "C"]), "when": pa.array(["2026", "2027", "2028"])}
        last = b"y" if column == "id" else good  # ids are unique
        columns[column] = _not_utf_8([good, b"Caf\xe9", last], text)
        table = pa.table(columns)
        with pytest.raises(DataFileError) as info:
            from_arrow(table)
        message = str(info.value)
        assert f"rows[1].{column}: " in message and "b'Caf\\xe9'" in message
        assert "is not UTF-8 text" in message and "rows[0]" not in message

    @pytest.mark.parametrize(
        ("column", "array"),
        [
            ("actors", lambda bad: pa.ListArray.from_arrays([0, 1, 2], bad)),
            (
                "sources",
                lambda bad: pa.ListArray.from_arrays(
                    [0, 1, 2], pa.StructArray.from_arrays([bad], names=["title"])
                ),
            ),
            ("kind", lambda bad: pa.DictionaryArray.from_arrays(pa.array([0, 1]), bad)),
        ],
    )
    def test_a_nested_column_names_the_column(self, column: str, array: object) -> None:
        table = pa.table({"title": ["A", "B"], "when": ["2026", "2027"]})
        table = table.append_column(column, array(_not_utf_8([b"ok", b"\xff"])))  # type: ignore[operator]
        with pytest.raises(
            DataFileError, match=f"the table's column {column!r} holds text that is not UTF-8"
        ):
            from_arrow(table)

    def test_in_a_parquet_file(self, tmp_path: Path) -> None:
        path = tmp_path / "latin.parquet"
        table = pa.table({"title": _not_utf_8([b"Caf\xe9"]), "when": ["2026"]})
        pq.write_table(table, path)
        with pytest.raises(DataFileError, match=r"latin\.parquet: rows\[0\]\.title: .*not UTF-8"):
            read_parquet(path)

    def test_a_column_not_read_is_left_alone(self) -> None:
        table = pa.table({"title": ["A"], "when": ["2026"], "notes": _not_utf_8([b"\xff"])})
        assert len(from_arrow(table)) == 1

    def test_problems_stop_at_the_limit(self) -> None:
        bad = _not_utf_8([b"\xff"] * 5_000)
        table = pa.table({"title": bad, "when": ["2026"] * 5_000})
        with pytest.raises(DataFileError) as info:
            from_arrow(table)
        assert len(info.value.problems) <= 1_001


# -- any column of any type ------------------------------------------------------------------

_FIELDS = ["title", "publisher", "url", "published", "quote", "stated", "when", "status"]
_FIELDS += ["source", "note", "metric", "goal", "deadline", "baseline", "value"]
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats()
    | st.text(st.characters(blacklist_categories=["Cs"]), max_size=8)
    | st.sampled_from(["2026", "April 2026", "happened", "", "by 2030", "$5bn"])
    | st.dates()
    | st.datetimes()
    | st.binary(max_size=4)
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(_FIELDS), inner, max_size=4)
    ),
    max_leaves=10,
)
_TYPES = st.sampled_from(
    [
        None,  # as pyarrow infers it
        "dictionary",
        pa.string(),
        pa.large_string(),
        pa.string_view(),
        pa.binary(),
        pa.int32(),
        pa.float64(),
        pa.date32(),
        pa.date64(),
        pa.timestamp("us"),
        pa.timestamp("ns", tz="Asia/Tokyo"),
        pa.list_(pa.string()),
        pa.large_list(pa.large_string()),
        pa.bool_(),
        pa.null(),
    ]
)
_COLUMN_NAMES = sorted(name for name, *_ in COLUMNS)


def _array(kind: object, values: list[object]) -> object | None:
    try:
        if kind == "dictionary":
            return pa.array(values).dictionary_encode()
        return pa.array(values, kind)  # type: ignore[arg-type]
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None  # values pyarrow will not hold as that type


@pytest.mark.fuzz
@given(
    columns=st.dictionaries(
        st.sampled_from(_COLUMN_NAMES),
        st.tuples(_TYPES, st.lists(_VALUES, min_size=2, max_size=2)),
        max_size=6,
    )
)
@settings(max_examples=examples(150), deadline=None)
def test_any_columns_read_or_raise_a_timeline_error(
    columns: dict[str, tuple[object, list[object]]],
) -> None:
    arrays = {"title": pa.array(["A", "B"]), "when": pa.array(["2026", "2027"])}
    for name, (kind, values) in columns.items():
        array = _array(kind, values)
        if array is not None:
            arrays[name] = array
    try:
        tl = from_arrow(pa.table(arrays))
    except TimelineError:
        return
    assert len(tl) == 2 and all(type(e.title) is str for e in tl)


class TestDatesPastPythonsCalendarInOtherColumns:
    """A day or instant outside years 1..9999 in a column read as values (``kind`` typed as a
    date, a claim's ``stated`` typed as ``date32``): pyarrow raised ``OverflowError: date
    value out of range`` turning it into Python (found by the long fuzz run)."""

    @staticmethod
    def _days(value: int) -> object:
        return pa.array([value], pa.int32()).view(pa.date32())

    @pytest.mark.parametrize("value", [-719_163, 2_932_897, -(2**31), 2**31 - 1])
    def test_a_plain_column(self, value: int) -> None:
        table = pa.table({"title": ["A"], "when": ["2026"], "kind": self._days(value)})
        said = r"column 'kind' holds a date outside years 1\.\.9999"
        with pytest.raises(DataFileError, match=said):
            from_arrow(table)

    def test_inside_a_list_of_structs(self) -> None:
        stated = pa.StructArray.from_arrays(
            [self._days(-719_163), pa.array(["2027"])], names=["stated", "when"]
        )
        claims = pa.ListArray.from_arrays([0, 1], stated)
        table = pa.table({"title": ["A"], "when": ["2026"], "claims": claims})
        with pytest.raises(DataFileError, match="column 'claims' holds a date outside"):
            from_arrow(table)

    def test_an_instant(self) -> None:
        late = pa.array([2**62], pa.int64()).view(pa.timestamp("us"))
        table = pa.table({"title": ["A"], "when": ["2026"], "location": late})
        with pytest.raises(DataFileError, match="column 'location' holds a date outside"):
            from_arrow(table)

    def test_dates_inside_the_calendar_are_refused_as_before(self) -> None:
        table = pa.table({"title": ["A"], "when": ["2026"], "kind": self._days(0)})
        with pytest.raises(DataFileError, match=r"rows\[0\]\.kind: must be text"):
            from_arrow(table)
