"""`plain_dates`: plain date texts read in Arrow agree with `When.parse` and `when_keys`."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")

from timeline.columnar._plain_dates import plain_dates  # noqa: E402
from timeline.dates import When  # noqa: E402
from timeline.dates._keys import when_keys  # noqa: E402

_MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
_EPOCH = dt.date(1970, 1, 1).toordinal()
_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fields drawn past their ranges on purpose: a text out of range must be left to When.parse.
_year = st.integers(0, 9999).map(lambda y: f"{y:04d}")
_two = st.integers(0, 99).map(lambda v: f"{v:02d}")
_zone = st.one_of(
    st.just("Z"),
    st.tuples(st.sampled_from("+-"), st.integers(0, 25), st.integers(0, 70)).map(
        lambda t: f"{t[0]}{t[1]:02d}:{t[2]:02d}"
    ),
)
_iso_texts = st.one_of(
    _year,
    st.tuples(_year, _two).map("-".join),
    st.tuples(_year, _two, _two).map("-".join),
    st.tuples(_year, _two, _two, _two, _two, _zone).map(
        lambda t: f"{t[0]}-{t[1]}-{t[2]}T{t[3]}:{t[4]}{t[5]}"
    ),
    st.tuples(_year, _two, _two, _two, _two, _two, _zone).map(
        lambda t: f"{t[0]}-{t[1]}-{t[2]}T{t[3]}:{t[4]}:{t[5]}{t[6]}"
    ),
)
_word_texts = st.one_of(
    st.tuples(st.integers(0, 40), st.sampled_from(_MONTHS), _year).map(
        lambda t: f"{t[0]} {t[1]} {t[2]}"
    ),
    st.tuples(st.sampled_from(_MONTHS), _year).map(" ".join),
)
_texts = st.one_of(_iso_texts, _word_texts, st.text(max_size=12))


def st_spec(moment: dt.datetime) -> str:
    return "seconds" if moment.second else "minutes"


def _local_days(bound: dt.date) -> int:
    day = bound.date() if isinstance(bound, dt.datetime) else bound
    return day.toordinal() - _EPOCH


def _check(texts: list[str]) -> int:
    """Every text `plain_dates` accepts reads by `When.parse` with the same keys; the count."""
    arrays = plain_dates(pa.array(texts, pa.string()))
    found = type(arrays)(*(a.to_pylist() for a in arrays))
    assert all(v is None for f in found[1:] for v, ok in zip(f, found.ok, strict=True) if not ok)
    for i, text in enumerate(texts):
        if not found.ok[i]:
            continue
        when = When.parse(text)  # an accepted text that does not parse fails here
        keys = when_keys(when)
        lo, hi = found.lo[i], found.hi[i]
        assert keys[:6] == (lo, hi, False, found.rank[i], lo, hi), text
        assert found.instant[i] == isinstance(when.start, dt.datetime), text
        assert when.earliest is not None and when.latest is not None
        assert (found.days_lo[i], found.days_hi[i]) == (
            _local_days(when.earliest),
            _local_days(when.latest),
        ), text
    return sum(found.ok)


@_SETTINGS
@given(st.lists(_texts, min_size=1, max_size=20))
@example(["2026-02-29", "29 February 2024", "2026-04-20T10:00-00:00", "2026-04-20T24:00Z"])
@example(["2026-04-20T10:00+18:00", "2026-04-20T10:00-18:01", "0001-01-01T00:00+01:00"])
@example(["December 9999", "9999-12-31T23:59-05:00", "0000", "2026-13"])
def test_accepted_texts_read_as_when_parse_reads_them(texts: list[str]) -> None:
    _check(texts)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.dates(dt.date(1000, 1, 1), dt.date(9999, 11, 30)).flatmap(
            lambda d: st.sampled_from(
                [When.day(d.year, d.month, d.day), When.month(d.year, d.month), When.year(d.year)]
            )
        ),
        st.datetimes(
            dt.datetime(1000, 1, 2),
            dt.datetime(9999, 12, 30),
            timezones=st.integers(-18 * 60, 18 * 60).map(
                lambda m: dt.timezone(dt.timedelta(minutes=m))
            ),
        ).map(lambda d: When.parse(d.isoformat(timespec=st_spec(d)))),
    )
)
def test_plain_values_as_when_writes_them_are_all_read(when: When) -> None:
    """A plain day, month, year or instant, written as `When` writes it (and in ISO), is
    read in Arrow: the fast path covers what `to_arrow` writes. (Offsets with seconds,
    the local mean times of old zones, are left to `When.parse`.)"""
    texts = [str(when), when.to_edtf()]
    assert _check(texts) == 2, texts


def test_other_shapes_are_left_to_when_parse() -> None:
    texts = ["c. 2026", "2026-Q2", "by April 2026", "2026-W14", "05 April 2026", "2026/2027"]
    assert plain_dates(pa.array(texts)).ok.to_pylist() == [False] * len(texts)
