"""`parse_dates`'s column path: every row equals the parser's, row for row.

The common shapes are read column-wise (`timeline.columnar._shapes`); the oracle
here is the parser one row at a time (`When.parse` and `when_columns`), so any
text the column path reads differently, or reads when it should have refused,
fails a test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")

from fuzzing import examples  # noqa: E402
from timeline import QueryError, TimelineError, When  # noqa: E402
from timeline.columnar import parse_dates  # noqa: E402
from timeline.columnar._runs import date_runs  # noqa: E402
from timeline.columnar._shapes import read_shapes  # noqa: E402
from timeline.columnar._table import when_columns  # noqa: E402
from timeline.dates._precision import MONTH_NAMES  # noqa: E402

# Modest in `make test`; thousands of examples under `make fuzz` (the tests marked fuzz).
_SETTINGS = settings(
    max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _oracle(text: str | None, reference: Any = None) -> tuple[Any, ...] | None:
    """The row the parser gives for one text, one row at a time."""
    if text is None:
        return None
    try:
        value = When.parse(text, reference=reference)
    except TimelineError as err:
        return (None,) * 9 + (str(err),)
    return (*when_columns(value), date_runs(value), None)


def _rows(array: Any) -> list[tuple[Any, ...] | None]:
    """The struct's rows with days and instants as integers (as `when_columns` gives them)."""
    fields = []
    for field in array.type:
        column = array.field(field.name)
        if pa.types.is_date32(field.type):
            column = column.cast(pa.int32())
        elif pa.types.is_timestamp(field.type):
            column = column.cast(pa.int64())
        elif pa.types.is_list(field.type):  # could_runs: as `date_runs` gives them
            fields.append([None if v is None else _day_runs(v) for v in column.to_pylist()])
            continue
        fields.append(column.to_pylist())
    valid = array.is_valid().to_pylist()
    return [tuple(f[i] for f in fields) if valid[i] else None for i in range(len(array))]


def _day_runs(runs: list[dict[str, Any]]) -> tuple[tuple[int | None, int | None], ...]:
    def day(d: Any) -> int | None:
        return None if d is None else d.toordinal() - _EPOCH

    return tuple((day(r["first"]), day(r["last"])) for r in runs)


_EPOCH = dt.date(1970, 1, 1).toordinal()


def _check(texts: Sequence[str | None], reference: Any = None) -> None:
    got = _rows(parse_dates(texts, reference=reference))
    if not isinstance(reference, list | tuple) and not hasattr(reference, "to_pylist"):
        expected = [_oracle(t, reference) for t in texts]  # one reference for every row
    else:
        expected = [_oracle(t, r) for t, r in zip(texts, reference, strict=True)]
    for text, row, want in zip(texts, got, expected, strict=True):
        assert row == want, text


# -- generated texts: every vectorised shape, its near misses, and random text ----------------

_years = st.integers(0, 9999).map(lambda y: f"{y:04d}") | st.sampled_from(
    ["0", "999", "10000", "12026", "1970", "2000", "1900", "2024", "0001", "9999"]
)
_two = st.integers(0, 99).map(lambda n: f"{n:02d}")
_months = st.integers(0, 13).map(lambda n: f"{n:02d}") | _two | st.sampled_from(["4", "004"])
_days = st.integers(0, 32).map(lambda n: f"{n:02d}") | st.integers(0, 32).map(str)
_marks = st.sampled_from(["", "", "~", "?", "%", "~?", "X"])
_month_words = st.sampled_from(
    [*MONTH_NAMES, *(n[:3] for n in MONTH_NAMES), "Sept", "Sep.", "Apr.", "Aprl", "Mayy", "Juni"]
)


def _case(draw: st.DrawFn, word: str) -> str:
    how = draw(st.sampled_from(["keep", "keep", "lower", "upper", "swap"]))
    return {"lower": word.lower(), "upper": word.upper(), "swap": word.swapcase()}.get(how, word)


@st.composite
def iso_texts(draw: st.DrawFn) -> str:
    y = draw(_years)
    kind = draw(st.sampled_from(["year", "month", "day", "code", "q"]))
    if kind == "year":
        core = y
    elif kind == "month":
        core = f"{y}-{draw(_months)}"
    elif kind == "day":
        core = f"{y}-{draw(_months)}-{draw(_days)}"
    elif kind == "code":
        core = f"{y}-{draw(st.integers(21, 42))}"
    else:
        core = f"{y}-{draw(st.sampled_from(['Q', 'q', 'H']))}{draw(st.integers(0, 5))}"
    return core + draw(_marks)


@st.composite
def instant_texts(draw: st.DrawFn) -> str:
    y, mo, d = draw(_years), draw(_months), draw(_days)
    hh = draw(st.integers(0, 25).map(lambda n: f"{n:02d}"))
    mi = draw(st.integers(0, 61).map(lambda n: f"{n:02d}"))
    ss = draw(st.sampled_from(["", ":00", ":30", ":59", ":60", ":00.5"]))
    offset = draw(
        st.sampled_from(["", "Z", "z", "-00:00", "+00:00", "+0800", "+18:00"])
        | st.builds(
            lambda s, h, m: f"{s}{h:02d}:{m:02d}",
            st.sampled_from("+-"),
            st.integers(0, 18),
            st.sampled_from([0, 15, 30, 45, 59, 60]),
        )
    )
    t = draw(st.sampled_from(["T", "T", "t", " "]))
    return f"{y}-{mo}-{d}{t}{hh}:{mi}{ss}{offset}{draw(_marks)}"


@st.composite
def word_texts(draw: st.DrawFn) -> str:
    y = draw(_years)
    month = _case(draw, draw(_month_words))
    day = draw(_days)
    kind = draw(st.sampled_from(["dmy", "mdy", "my", "q", "h", "y"]))
    if kind == "dmy":
        core = f"{day} {month} {y}"
    elif kind == "mdy":
        core = f"{month} {day}{draw(st.sampled_from([',', '', ' ,', ',,']))} {y}"
    elif kind == "my":
        core = f"{month} {y}"
    elif kind in ("q", "h"):
        letter = _case(draw, kind.upper())
        core = f"{letter}{draw(st.integers(0, 5))} {y}"
    else:
        core = y
    prefix = draw(st.sampled_from(["", "", "c. ", "C. ", "c.", "c ", "ca. ", "circa "]))
    suffix = draw(st.sampled_from(["", "", "?", "??", "~", "%"]))
    return prefix + core + suffix


_JUNK = st.sampled_from([" ", "  ", "\t", ".", ",", "x", "?", "~", "0", "\u00a0", "\u3000"])
_NON_ASCII_DIGITS = {"2": "\u0662", "0": "\uff10", "6": "\u096c", "1": "\U0001d7e3"}


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """A well-formed text, changed a little: spaces, case, foreign digits, junk."""
    text = draw(iso_texts() | instant_texts() | word_texts())
    how = draw(st.sampled_from(["pad", "junk", "digit", "case", "space", "drop"]))
    if how == "pad":
        return draw(_JUNK) + text if draw(st.booleans()) else text + draw(_JUNK)
    if how == "junk":
        i = draw(st.integers(0, len(text)))
        return text[:i] + draw(_JUNK) + text[i:]
    if how == "digit":
        for digit, other in _NON_ASCII_DIGITS.items():
            if digit in text:
                return text.replace(digit, other, 1)
        return text
    if how == "case":
        return text.swapcase()
    if how == "space":
        return text.replace(" ", "  ", 1)
    i = draw(st.integers(0, max(len(text) - 1, 0)))
    return text[:i] + text[i + 1 :]


@st.composite
def padded_texts(draw: st.DrawFn) -> str:
    """A text among spaces up to the parser's length limit and past it (500 characters)."""
    text = draw(iso_texts() | word_texts())
    pad = " " * draw(st.integers(150, 520))
    return draw(st.sampled_from([pad + text, text + pad, pad[:200] + text + pad[:200]]))


_any_text = (
    iso_texts()
    | instant_texts()
    | word_texts()
    | near_misses()
    | padded_texts()
    | st.text(max_size=24)
    | st.text(alphabet="0123456789-TZ:+ ~?%QH", max_size=20)
)
# Lone surrogates and control characters, which no Arrow column holds: a list of them is read
# row by row.
_odd_text = st.text(st.characters(categories=["Cs", "Cc", "Zs"]), min_size=1, max_size=5)


@pytest.mark.fuzz
@_SETTINGS
@given(st.lists(_any_text | _odd_text | st.none(), max_size=30))
def test_every_row_equals_the_parser_one_row_at_a_time(texts: list[str | None]) -> None:
    _check(texts)


@pytest.mark.fuzz
@_SETTINGS
@given(st.lists(iso_texts() | instant_texts() | word_texts(), min_size=1, max_size=30))
def test_the_vectorised_shapes_equal_the_parser(texts: list[str]) -> None:
    _check(texts)


_references = st.sampled_from(
    [
        None,
        dt.date(2026, 3, 28),
        dt.date(1, 1, 1),
        "2026-03-28",
        "not a day",
        "2026",
        dt.datetime(2026, 12, 31, 23, tzinfo=dt.UTC),
    ]
)


@pytest.mark.fuzz
@_SETTINGS
@given(st.lists(st.tuples(_any_text | st.sampled_from(["April", "next month"]), _references)))
def test_a_column_of_references(pairs: list[tuple[str, Any]]) -> None:
    texts = [t for t, _ in pairs]
    references = [r for _, r in pairs]
    got = _rows(parse_dates(texts, reference=references))
    for (text, ref), row in zip(pairs, got, strict=True):
        if isinstance(ref, dt.datetime):
            ref = ref.date()
        assert row == _oracle(text, ref), (text, ref)


@_SETTINGS
@given(st.lists(_any_text, max_size=12), _references)
def test_one_reference_for_all(texts: list[str], reference: Any) -> None:
    _check(texts, reference)


_ZONED = [
    dt.datetime(2026, 4, 30, 23, 30, tzinfo=ZoneInfo("America/New_York")),  # 1 May in UTC
    dt.datetime(2026, 5, 1, 0, 30, tzinfo=ZoneInfo("Asia/Kolkata")),  # 30 April in UTC
    dt.datetime(2026, 12, 31, 23, 0, tzinfo=dt.timezone(-dt.timedelta(hours=12))),
    dt.datetime(2026, 1, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=14))),
    dt.datetime(2026, 6, 15, 12, 0, tzinfo=dt.UTC),
]


@pytest.mark.parametrize("as_arrow", [False, True])
@pytest.mark.parametrize("text", ["today", "tomorrow", "next month", "April", "this year", "Q2"])
def test_a_column_of_zoned_references_is_read_as_when_parse_reads_them(
    text: str, as_arrow: bool
) -> None:
    # A reference instant's day is its own (local) day, as When.parse reads it: the column
    # took its UTC day ('today' said at 23:30 in New York on 30 April was 1 May).
    if not as_arrow:
        got = _rows(parse_dates([text] * len(_ZONED), reference=_ZONED))
        assert got == [_oracle(text, r) for r in _ZONED]
        return
    for reference in _ZONED:  # an Arrow column holds one zone
        zone = getattr(reference.tzinfo, "key", reference.isoformat()[-6:])  # or "+14:00"
        column = pa.array([reference, None], pa.timestamp("us", tz=zone))
        got = _rows(parse_dates([text, text], reference=column))
        assert got == [_oracle(text, reference), _oracle(text)]


# -- edge cases -------------------------------------------------------------------------------

# (text, read column-wise?): leap days, the calendar's first and last years, month ends,
# qualifiers at the edges (fuzzy bounds kept on the calendar), instants whose UTC day
# leaves it, and the near misses the parser refuses or reads otherwise.
_EDGES = [
    ("2024-02-29", True),
    ("2023-02-29", True),  # refused by the parser: found, then left to it
    ("1900-02-29", True),
    ("2000-02-29", True),
    ("29 February 2000", True),
    ("February 29, 1900", True),
    ("Feb 29 2024", True),
    ("0001", True),
    ("0001~", True),
    ("0001-01-01%", True),
    ("0001-01%", True),
    ("c. Q1 0001?", True),
    ("0001-33~", True),
    ("9999", True),
    ("9999%", True),
    ("9999-12-31?", True),
    ("9999-12~", True),
    ("Q4 9999?", True),
    ("c. H2 9999", True),
    ("9999-41%", True),
    ("0999", True),
    ("3 April 0999", True),
    ("0000", True),
    ("0000-01-01", True),
    ("10000", False),
    ("2026-04-30", True),
    ("2026-04-31", True),
    ("31 April 2026", True),
    ("April 31, 2026", True),
    ("2026-01-31", True),
    ("2026-12-31", True),
    ("2026-00", True),
    ("2026-13", True),
    ("2026-04-00", True),
    ("0 April 2026", True),
    ("2026-04-03T10:00:00Z", True),
    ("2026-04-03T10:00:30+05:30", True),
    ("2026-04-03T23:59:59-11:45", True),
    ("2026-04-03T10:00", True),
    ("2026-04-03T10:00-00:00", True),
    ("2026-04-03T10:00+00:00", True),
    ("0001-01-01T00:00+14:00", True),
    ("0001-01-01T00:00-12:00", True),
    ("9999-12-31T23:59-12:00", True),
    ("9999-12-31T23:59+17:59", True),
    ("2023-02-29T10:00Z", True),
    ("2026-04-03T10:00:00.5Z", False),
    ("2026-04-03t10:00z", False),
    ("2026-04-03T10:00+18:00", False),
    ("2026-33", True),
    ("2032-33", False),  # the years 2032 to 2033: left to the parser
    ("2040-41", False),
    ("2040-41?", True),
    ("2026-21", False),
    ("2026-Q2", True),
    ("2026-Q2~", False),
    ("Q5 2026", False),
    ("H3 2026", True),
    ("c. 2026", True),
    ("C. APRIL 2026?", True),
    ("c.  2026", False),
    (" 2026", False),
    ("2026 ", False),
    ("\u0662026", False),
    ("Sept. 3, 2026", True),
    ("Jume 2026", True),
    ("2026-04-03~", True),
]


@pytest.mark.parametrize(("text", "column_wise"), _EDGES)
def test_edge_cases(text: str, column_wise: bool) -> None:
    _check([text])
    ok, _ = read_shapes(pa.array([text]))
    row = _oracle(text)
    assert row is not None
    # Read column-wise exactly when the shape is one of the vectorised ones and it parses.
    assert ok.to_pylist() == [column_wise and row[-1] is None]


def test_the_common_shapes_never_reach_the_parser() -> None:
    texts = [
        "2026",
        "2026-04",
        "2026-04-03",
        "2026-04~",
        "2026-34?",
        "2026-04-03T10:00Z",
        "2026-04-03T10:00:30+08:00",
        "3 April 2026",
        "April 3, 2026",
        "c. April 2026?",
        "Q2 2026",
        "H1 2026",
    ]
    with mock.patch("timeline.columnar._parse._parse_one", side_effect=AssertionError):
        rows = parse_dates(texts).to_pylist()
    assert [r["error"] for r in rows] == [None] * len(texts)
    assert rows[0]["when"] == "2026" and rows[8]["when"] == "3 April 2026"


def test_other_rows_go_to_the_parser_once_each() -> None:
    with mock.patch("timeline.columnar._parse._parse_one", wraps=lambda t, r: (None,) * 10) as one:
        parse_dates(["2026", "spring 2026", "2026-04", "spring 2026", "banana"])
    assert sorted(c.args[0] for c in one.call_args_list) == ["banana", "spring 2026"]


@pytest.mark.parametrize(
    "column",
    [
        ["2026", None, "April 2026", None],
        [None, None],
        [],
    ],
)
def test_null_texts_are_null_rows(column: list[str | None]) -> None:
    array = parse_dates(pa.array(column, pa.string()))
    assert array.is_null().to_pylist() == [t is None for t in column]
    # The fields of a null row are null too, as the row-by-row path gave them.
    assert array.field("when").is_null().to_pylist() == [t is None for t in column]


def test_other_string_columns() -> None:
    for kind in (pa.large_string(), pa.null()):
        column = pa.array(["2026-04", None] if kind != pa.null() else [None, None], kind)
        rows = parse_dates(column).to_pylist()
        assert rows[1] is None
    chunked = pa.chunked_array([["2026-04"], ["3 April 2026", None]])
    assert [r and r["when"] for r in parse_dates(chunked).to_pylist()] == [
        "April 2026",
        "3 April 2026",
        None,
    ]


def test_values_that_are_not_text_are_reported_per_row() -> None:
    rows = parse_dates(["2026", 2026, None, b"2026"]).to_pylist()
    assert rows[0]["when"] == "2026" and rows[2] is None
    assert "not text" in rows[1]["error"] and "not text" in rows[3]["error"]
    numbers = parse_dates(pa.array([2026, None])).to_pylist()
    assert "not text" in numbers[0]["error"] and numbers[1] is None


def test_an_iterator_of_values_is_read_once() -> None:
    rows = parse_dates(iter(["2026", 2026, "spring 2026"])).to_pylist()
    assert [r["when"] for r in rows] == ["2026", None, "spring 2026"]


@pytest.mark.parametrize("text", ["2026", "2026" + " " * 300, " " * 250 + "April 2026 "])
def test_text_the_parser_reads_is_read_at_any_length_it_reads(text: str) -> None:
    # The parser takes up to 500 characters, spaces around the date included.
    _check([text, text + " " * 600])
    assert parse_dates([text]).to_pylist()[0]["error"] is None


@pytest.mark.parametrize("reference", [20260101, 3.5, b"2026-03-28", object()])
def test_one_reference_of_another_type_is_an_error_on_every_row(reference: Any) -> None:
    # One value (not a column): every row says what the parser says of it, nothing raises.
    texts = ["April", "2026", None]
    _check(texts, reference)
    rows = parse_dates(texts, reference=reference).to_pylist()
    assert [r is None for r in rows] == [False, False, True]
    assert all("reference must be a date" in r["error"] for r in rows[:2])


def test_an_arrow_scalar_is_one_reference() -> None:
    day = dt.date(2026, 3, 28)
    for scalar in (pa.scalar(day), pa.scalar(day, pa.date64()), pa.scalar("2026-03-28")):
        rows = parse_dates(["April", "next month"], reference=scalar).to_pylist()
        assert [r["when"] for r in rows] == ["April 2026", "April 2026"]


def test_a_column_of_references_of_another_length() -> None:
    with pytest.raises(QueryError, match="2 texts but 3 references"):
        parse_dates(["April", "May"], reference=[dt.date(2026, 1, 1)] * 3)
    with pytest.raises(ValueError, match="give one reference per text"):  # a QueryError is one
        parse_dates(["April", "May"], reference=pa.array([dt.date(2026, 1, 1)]))


def test_a_bad_reference_is_an_error_on_every_row() -> None:
    rows = parse_dates(["2026", "April 2026"], reference="someday").to_pylist()
    assert all(r["when"] is None and "reference" in r["error"] for r in rows)
    mixed = parse_dates(["2026", "2026"], reference=["someday", None]).to_pylist()
    assert mixed[0]["when"] is None and mixed[1]["when"] == "2026"


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_any_text | st.none(), min_size=1, max_size=20), st.booleans())
def test_a_column_that_repeats_is_read_once_per_text_with_the_same_rows(
    pool: list[str | None], per_row: bool
) -> None:
    # Over 1000 rows with few distinct texts: read through the column's dictionary.
    texts = [pool[i % len(pool)] for i in range(1200)]
    references = [None, dt.date(2026, 3, 28), "junk"]
    if per_row:
        refs = [references[i % 3] for i in range(len(texts))]
        got = _rows(parse_dates(pa.array(texts, pa.string()), reference=refs))
        expected = {(t, r): _oracle(t, r) for t, r in zip(texts, refs, strict=True)}
        assert got == [expected[(t, r)] for t, r in zip(texts, refs, strict=True)]
    else:
        got = _rows(parse_dates(pa.array(texts, pa.string())))
        once = {t: _oracle(t) for t in pool}
        assert got == [once[t] for t in texts]


@pytest.mark.parametrize(
    "texts",
    [
        ["2026-04-03", "2026-04", "2026~", "2026-34?", "2026-02-30", None],  # ISO only
        ["2026-04-03", "2026-04-03T10:00+08:00", "9999-12-31T23:59-12:00"],  # and instants
        ["2026-04-03T10:00Z", "2026-04-03T10:00:00-00:00"],  # instants only
        ["3 April 2026", "c. Q2 2026?", "Sept 3, 2026", "2026"],  # words (and a year)
        ["spring 2026", "by end of 2030"],  # none of the shapes
    ],
)
def test_columns_of_one_kind(texts: list[str | None]) -> None:
    # A shape is looked for only where the earlier ones left rows: each mix gives the same rows.
    _check(texts)


@pytest.mark.parametrize("kind", [pa.string(), pa.large_string()])
def test_text_that_is_not_utf_8_is_an_error_on_its_row(kind: Any) -> None:
    # A string column holding Latin-1 bytes (Spark does not check its strings, nor pyarrow a
    # Parquet file another tool wrote): the whole call raised UnicodeDecodeError.
    raw = [b"2026-04", b"Caf\xe9 2026", None, b"Q2 2026", b"Caf\xe9 2026"]
    binary = pa.binary() if kind == pa.string() else pa.large_binary()
    values = pa.array(raw, binary).view(kind)
    rows = parse_dates(values, reference=dt.date(2026, 3, 1)).to_pylist()
    assert [r and r["when"] for r in rows] == ["April 2026", None, None, "Q2 2026", None]
    assert rows[1]["error"] == rows[4]["error"]
    assert rows[1]["error"].startswith("b'Caf\\xe9 2026' is not UTF-8 text")
    assert [r and r["error"] for r in rows][::3] == [None, None]


def test_a_column_of_lists_is_an_error_on_each_row() -> None:
    rows = parse_dates(pa.array([["2026"], None, []])).to_pylist()
    assert rows[1] is None
    assert [rows[0]["error"], rows[2]["error"]] == [
        "['2026'] is not text; give dates as strings",
        "[] is not text; give dates as strings",
    ]


class TestMissingValuesOfFrames:
    """pandas' and numpy's missing values (``None``, ``NaN``, ``pd.NA``, ``pd.NaT``) are null
    rows and null references, as pyarrow reads them from pandas: a missing text was an error
    row ("<NA> is not text"), a missing reference made every row an error, even an absolute
    date ("'Q2 2026' ... TypeError('float' object cannot be interpreted as an integer)")."""

    @staticmethod
    def _columns() -> list[tuple[str, Any]]:
        pd = pytest.importorskip("pandas")
        np = pytest.importorskip("numpy")
        return [
            ("string dtype", pd.Series(["April", None], dtype="string")),
            ("object NaN", pd.Series(["April", np.nan], dtype=object)),
            ("index NaN", pd.Index(["April", np.nan])),
            ("extension array", pd.array(["April", None], dtype="string")),
            ("ndarray NaN", np.array(["April", np.nan], dtype=object)),
            ("list pd.NA", ["April", pd.NA]),
            ("list NaN", ["April", float("nan")]),
            ("list NaT", ["April", pd.NaT]),
            ("mixed with a number", ["April", pd.NA, 7]),
        ]

    def test_a_missing_text_is_a_null_row(self) -> None:
        for name, column in self._columns():
            rows = parse_dates(column, reference="2026-03-28").to_pylist()
            assert rows[0] is not None and rows[0]["when"] == "April 2026", name
            assert rows[1] is None, name

    @pytest.mark.parametrize("kind", ["NaT", "NA", "NaN"])
    def test_a_missing_reference_is_no_reference(self, kind: str) -> None:
        pd = pytest.importorskip("pandas")
        missing = {"NaT": pd.NaT, "NA": pd.NA, "NaN": float("nan")}[kind]
        refs = pd.Series([pd.Timestamp("2026-03-28"), missing, missing], dtype=object)
        if kind == "NaT":
            refs = pd.Series(pd.to_datetime(["2026-03-28", None, None]))
        rows = parse_dates(["April", "April", "Q2 2026"], reference=refs).to_pylist()
        no_reference = parse_dates(["April", "Q2 2026"]).to_pylist()
        assert rows[0]["when"] == "April 2026"
        assert rows[1] == no_reference[0] and rows[2] == no_reference[1]
        # One missing value for every row is no reference too.
        assert parse_dates(["April", "Q2 2026"], reference=missing).to_pylist() == no_reference
