"""Hostile arguments from Python: values of the wrong type given to the constructors.

A file's reader refuses a number where text belongs ("write it in quotes"); the
constructors refuse it too, with the field and the fix, rather than keeping
``str(value)`` (``location=["Beijing"]`` became the text ``"['Beijing']"``) or
failing inside with "'int' object is not iterable". A timeline's name that is
not text could be built, then failed on save (Parquet: ``AttributeError``) or
came back changed. The long random runs are under the ``fuzz`` marker.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzzing import examples
from timeline import (
    Claim,
    DataFileError,
    Event,
    EventError,
    FrameError,
    Observation,
    QueryError,
    Source,
    Target,
    TargetError,
    Timeline,
    TimelineError,
)

# Values that are not text, each with how it shows in the message.
_NOT_TEXT = [
    (5, "5"),
    (2.5, "2.5"),
    (True, "True"),
    (b"x", "b'x'"),
    (["Beijing"], "['Beijing']"),
    ({"a": 1}, "{'a': 1}"),
    (Decimal("1.5"), "Decimal('1.5')"),
    (_dt.date(2026, 4, 1), "datetime.date(2026, 4, 1)"),
]


class TestTextFieldsRefuseOtherTypes:
    @pytest.mark.parametrize("field", ["kind", "location", "description"])
    @pytest.mark.parametrize(("value", "shown"), _NOT_TEXT)
    def test_event(self, field: str, value: object, shown: str) -> None:
        with pytest.raises(EventError, match=f"event 'A': {field}: ") as info:
            Event(title="A", when="2026", **{field: value})
        assert shown in str(info.value) and "give it as text" in str(info.value)

    @pytest.mark.parametrize("field", ["publisher", "url", "quote"])
    @pytest.mark.parametrize(("value", "shown"), _NOT_TEXT[:4])
    def test_source(self, field: str, value: object, shown: str) -> None:
        with pytest.raises(EventError, match=f"source 'S': {field}: ") as info:
            Source("S", **{field: value})
        assert shown in str(info.value)

    def test_claim_note(self) -> None:
        with pytest.raises(EventError, match="claim: note: 5 is not text"):
            Claim(stated="2026-01-01", when="2027", note=5)  # type: ignore[arg-type]

    def test_observation_note(self) -> None:
        with pytest.raises(TargetError, match="observation: note: 5 is not text"):
            Observation("2026", "5", note=5)  # type: ignore[arg-type]

    @pytest.mark.parametrize("field", ["kind", "location", "description"])
    def test_text_and_none_still_work(self, field: str) -> None:
        assert getattr(Event(title="A", when="2026", **{field: " x "}), field) == "x"
        assert getattr(Event(title="A", when="2026", **{field: None}), field) is None
        assert getattr(Event(title="A", when="2026", **{field: "  "}), field) is None

    def test_a_str_subclass_is_text(self) -> None:
        class Name(str):
            pass

        assert Event(title="A", when="2026", kind=Name("funding")).kind == "funding"


class TestTitlesThatAreNotText:
    """``Event(title=5)`` said "5 is empty": it is not text, and the message says so."""

    @pytest.mark.parametrize(("value", "shown"), _NOT_TEXT)
    def test_event(self, value: object, shown: str) -> None:
        with pytest.raises(EventError, match="event: title: ") as info:
            Event(title=value, when="2026")  # type: ignore[arg-type]
        assert f"{shown} is not text" in str(info.value)

    def test_source(self) -> None:
        with pytest.raises(EventError, match="source: title: 5 is not text"):
            Source(5)  # type: ignore[arg-type]

    def test_target_metric(self) -> None:
        with pytest.raises(TargetError, match="target: metric: 5 is not text"):
            Target(5, "10", "2030")  # type: ignore[arg-type]

    @pytest.mark.parametrize("blank", ["", "   ", None])
    def test_blank_is_still_empty(self, blank: str | None) -> None:
        with pytest.raises(EventError, match="is empty; give the event a title"):
            Event(title=blank, when="2026")  # type: ignore[arg-type]


class TestListsThatAreNotLists:
    """``Event(claims=5)`` failed inside with "'int' object is not iterable"."""

    @pytest.mark.parametrize("field", ["sources", "claims", "observations"])
    @pytest.mark.parametrize("value", [5, 2.5, True, object()])
    def test_a_value_that_is_no_list(self, field: str, value: object) -> None:
        with pytest.raises(EventError, match=f"event 'A': {field}: .* is not a list"):
            Event(title="A", when="2026", **{field: value})

    @pytest.mark.parametrize("field", ["actors", "tags", "related"])
    def test_a_mapping_is_not_a_list_of_names(self, field: str) -> None:
        # Iterated, a dict gives its keys: {"Tencent": 1} kept "Tencent" and lost the rest.
        with pytest.raises(EventError, match=f"{field}: .* is a mapping, not a list of names"):
            Event(title="A", when="2026", **{field: {"Tencent": "WeChat"}})

    def test_lists_of_any_kind_still_work(self) -> None:
        event = Event(title="A", when="2026", actors=iter(["x"]), tags=("t",), related={"b"})
        assert (event.actors, event.tags, event.related) == (("x",), ("t",), ("b",))


class TestTimelineNameThatIsNotText:
    """``Timeline(name=5)`` was built; saved as Parquet it raised AttributeError, as JSON it
    wrote a file the reader refuses, as YAML it came back as ``'5'``."""

    @pytest.mark.parametrize("field", ["name", "description"])
    @pytest.mark.parametrize(("value", "shown"), _NOT_TEXT)
    def test_refused(self, field: str, value: object, shown: str) -> None:
        with pytest.raises(QueryError, match=f"timeline: {field}: ") as info:
            Timeline([], **{field: value})  # type: ignore[arg-type]
        assert f"{shown} is not text" in str(info.value)

    @pytest.mark.parametrize("field", ["name", "description"])
    def test_text_and_none_still_work(self, field: str) -> None:
        assert getattr(Timeline([], **{field: "x"}), field) == "x"
        assert getattr(Timeline([], **{field: None}), field) is None


_ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=8),
    st.binary(max_size=4),
    st.lists(st.text(st.characters(blacklist_categories=["Cs"]), max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.dates(),
    st.decimals(allow_nan=False),
)
_FIELDS = [
    "title",
    "when",
    "id",
    "end",
    "status",
    "kind",
    "actors",
    "tags",
    "location",
    "description",
    "related",
    "sources",
    "claims",
    "target",
    "observations",
]


@pytest.mark.fuzz
@given(fields=st.dictionaries(st.sampled_from(_FIELDS), _ANYTHING, max_size=5))
@settings(max_examples=examples(200), deadline=None)
def test_any_arguments_build_an_event_or_raise_a_timeline_error(
    fields: dict[str, object],
) -> None:
    fields = {"title": "A", "when": "2026", **fields}
    try:
        event = Event(**fields)  # type: ignore[arg-type]
    except TimelineError:
        return
    # What was built holds text where text belongs, and saves and reads back.
    for name in ("kind", "location", "description"):
        assert getattr(event, name) is None or type(getattr(event, name)) is str
    assert all(type(v) is str for v in (*event.actors, *event.tags, *event.related))


@pytest.mark.fuzz
@given(name=_ANYTHING, description=_ANYTHING)
@settings(max_examples=examples(100), deadline=None)
def test_a_timeline_built_saves_and_reads_back(
    tmp_path_factory: pytest.TempPathFactory, name: object, description: object
) -> None:
    try:
        tl = Timeline([Event(title="A", when="2026")], name=name, description=description)  # type: ignore[arg-type]
    except TimelineError:
        return
    folder: Path = tmp_path_factory.mktemp("save")
    for suffix in (".yaml", ".json"):
        tl.save(folder / f"t{suffix}")
        assert Timeline.load(folder / f"t{suffix}") == tl


class TestPathsThatAreNotPaths:
    """``Timeline.load(None)`` raised os.fspath's TypeError; ``load(b"t.yaml")`` raised
    "a bytes-like object is required, not 'str'" from deep inside."""

    @pytest.mark.parametrize("path", [None, 5, 2.5, ["t.yaml"], object()])
    def test_load(self, path: object) -> None:
        with pytest.raises(DataFileError, match="is not a file path; give the data file's path"):
            Timeline.load(path)  # type: ignore[arg-type]

    @pytest.mark.parametrize("path", [None, 5, ["t.yaml"]])
    def test_save(self, path: object) -> None:
        with pytest.raises(DataFileError, match="is not a file path"):
            Timeline([]).save(path)  # type: ignore[arg-type]

    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv", ".parquet"])
    def test_a_bytes_path_is_a_path(self, tmp_path: Path, suffix: str) -> None:
        if suffix == ".parquet":
            pytest.importorskip("pyarrow")
        tl = Timeline([Event(title="A", when="2026")], name=None if suffix == ".csv" else "n")
        path = bytes(tmp_path / f"t{suffix}")
        tl.save(path)  # type: ignore[arg-type]
        assert Timeline.load(path) == tl  # type: ignore[arg-type]

    def test_a_missing_bytes_path_names_the_file(self, tmp_path: Path) -> None:
        with pytest.raises(DataFileError, match=r"nope\.yaml: no such file"):
            Timeline.load(bytes(tmp_path / "nope.yaml"))  # type: ignore[arg-type]


class TestRecordsThatAreNotAList:
    """``Timeline.from_records(None)`` raised "'NoneType' object is not iterable"; text was
    read as one record per character ("records[0]: must be a mapping of fields, not 't'")
    and a mapping as its keys."""

    @pytest.mark.parametrize(
        ("rows", "shown"),
        [
            (None, "None"),
            (5, "5"),
            ("title,when", "'title,when'"),
            (b"x", "b'x'"),
            ({"title": "A", "when": "2026"}, "a mapping"),
        ],
    )
    def test_refused_once(self, rows: object, shown: str) -> None:
        with pytest.raises(DataFileError) as info:
            Timeline.from_records(rows)  # type: ignore[arg-type]
        assert len(info.value.problems) == 1
        assert f"records: {shown} is not a list of records; give a list" in str(info.value)

    def test_any_iterable_of_records_is_read(self) -> None:
        rows = ({"title": t, "when": "2026"} for t in "AB")
        assert [e.title for e in Timeline.from_records(rows)] == ["A", "B"]

    def test_an_iterable_failing_inside_keeps_its_error(self) -> None:
        def rows() -> object:
            yield {"title": "A", "when": "2026"}
            raise TypeError("the caller's own bug")

        with pytest.raises(TypeError, match="the caller's own bug"):
            Timeline.from_records(rows())  # type: ignore[arg-type]


class TestAPathEndingInASlash:
    """``save("events.yaml/")`` wrote ``events.yaml`` (pathlib drops the slash), then
    ``load("events.yaml/")`` said "no such file" of the file just written (the system reads
    the slash as "a folder")."""

    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
    def test_refused_by_both(self, tmp_path: Path, suffix: str) -> None:
        path = f"{tmp_path / ('t' + suffix)}/"
        with pytest.raises(DataFileError, match=r"ends with '/'.*drop the '/'"):
            Timeline([Event(title="A", when="2026")]).save(path)
        assert list(tmp_path.iterdir()) == []  # nothing written
        (tmp_path / f"t{suffix}").write_text("", encoding="utf-8")
        with pytest.raises(DataFileError, match=r"ends with '/'.*drop the '/'"):
            Timeline.load(path)

    def test_a_folder_of_parquet_files_may_end_in_one(self, tmp_path: Path) -> None:
        pytest.importorskip("pyarrow")
        tl = Timeline([Event(title="A", when="2026")])
        tl.save(tmp_path / "part-0.parquet")
        assert Timeline.load(f"{tmp_path}/") == tl


class TestTimelineOfNoList:
    """``Timeline(5)`` and ``Timeline(None)`` failed with "'int' object is not iterable";
    text was read one character at a time. A wrong argument type stays a ``TypeError``, as
    for an item that is no `Event`, saying what to give."""

    @pytest.mark.parametrize("events", [None, 5, "abc", b"x", {"a": 1}])
    def test_refused_saying_what_to_give(self, events: object) -> None:
        with pytest.raises(TypeError, match="Timeline takes a list of Event objects, got"):
            Timeline(events)  # type: ignore[arg-type]

    def test_any_iterable_of_events(self) -> None:
        events = (Event(title=t, when="2026") for t in "AB")
        assert len(Timeline(events)) == 2


class TestFramesFromStrangers:
    """`Timeline.from_pandas` of a frame with a column twice took the last one's values
    without a word (``title`` "A" then "B": the event was "B"); of a list, a Series or None
    it raised ``AttributeError: ... has no attribute 'columns'``."""

    def test_a_column_twice_is_refused(self) -> None:
        pd = pytest.importorskip("pandas")
        frame = pd.DataFrame([["A", "2026", "B"]], columns=["title", "when", "title"])
        with pytest.raises(FrameError, match="column 'title' appears 2 times; rename or drop"):
            Timeline.from_pandas(frame)

    def test_a_column_not_read_may_appear_twice(self) -> None:
        pd = pytest.importorskip("pandas")
        frame = pd.DataFrame([["A", "2026", 1, 2]], columns=["title", "when", "x", "x"])
        assert [e.title for e in Timeline.from_pandas(frame)] == ["A"]

    @pytest.mark.parametrize("frame", [None, [{"title": "A", "when": "2026"}], "title,when"])
    def test_not_a_frame(self, frame: object) -> None:
        pytest.importorskip("pandas")
        with pytest.raises(FrameError, match="expected a pandas DataFrame, got"):
            Timeline.from_pandas(frame)  # type: ignore[arg-type]

    def test_a_series(self) -> None:
        pd = pytest.importorskip("pandas")
        with pytest.raises(FrameError, match="got a Series; give a DataFrame"):
            Timeline.from_pandas(pd.Series(["A"]))
