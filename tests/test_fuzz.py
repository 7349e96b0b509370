"""Fuzz every reader; round-trip every format through files.

Whatever bytes or structure a stranger's file holds, a reader either returns a
timeline or raises a `TimelineError`: never another exception, never a
traceback. Whatever timeline the strategies build, ``load(save(tl)) == tl`` in
every format. Modest example counts here; ``make fuzz`` runs them long.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import string
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csv_notes import csv_notes
from data_strategies import timelines
from fuzzing import FUZZ, examples
from timeline import (
    DataFileError,
    Event,
    Observation,
    Quantity,
    QuantityError,
    QueryError,
    Target,
    Timeline,
    TimelineError,
    TimelineWarning,
)
from timeline.formats import _csv as _csv_module
from timeline.formats import _io
from timeline.formats._csv import COLUMNS
from timeline.records._schema import EVENT_FIELDS

pytestmark = pytest.mark.fuzz


def _settings(modest: int) -> settings:
    return settings(
        max_examples=examples(modest),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


_SUFFIXES = [".yaml", ".json", ".csv", ".ics"]


def _read(path: Path) -> Timeline:
    if path.suffix == ".ics":
        return Timeline.from_ics(path.read_bytes())
    return Timeline.load(path)


def _success_or_timeline_error(call: Callable[[], object]) -> None:
    """Run ``call``; a `TimelineError` is a fine answer, any other exception fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TimelineWarning)  # notes about what was read
        with contextlib.suppress(TimelineError):
            call()


def _file(tmp_path: Path, suffix: str, content: bytes) -> Path:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(content)
    return path


# -- random structures, as each format writes them ---------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["2026", "April 2026", "by 2030", "2026-13", "", "happened", "$5bn"])
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(EVENT_FIELDS) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=25,
)
_EVENTS = st.dictionaries(st.sampled_from(EVENT_FIELDS), _VALUES, max_size=8)
_DOCUMENTS = _VALUES | st.fixed_dictionaries(
    {"events": st.lists(_EVENTS | _VALUES, max_size=4)},
    optional={"name": _VALUES, "description": _VALUES},
)


def _nested(depth: int, opener: str) -> str:
    closer = {"[": "]", "{": "}"}[opener]
    if opener == "{":
        return '{"a": ' * depth + "1" + "}" * depth
    return opener * depth + closer * depth


def _csv_text(header: list[str], rows: list[list[Any]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([v if isinstance(v, str) else json.dumps(v) for v in row])
    return out.getvalue()


_ICS_NAMES = [
    "UID",
    "SUMMARY",
    "DTSTART",
    "DTSTART;VALUE=DATE",
    "DTEND;VALUE=DATE",
    "DTEND",
    "DURATION",
    "STATUS",
    "DESCRIPTION",
    "CATEGORIES",
    "URL",
    "RRULE",
    "X-TIMELINE-ID",
    "X-TIMELINE-WHEN",
    "X-TIMELINE-END",
    "X-TIMELINE-STATUS",
    "X-TIMELINE-SOURCE",
    "X-TIMELINE-CLAIM",
    "X-TIMELINE-TITLE",
    "X-TIMELINE-WHEN-TEXT",
]
_ICS_VALUES = st.sampled_from(
    ["20260401", "20260401T100000Z", "00010101", "P1D", "PT12H", "2026-04", "by 2030"]
) | st.text(st.characters(blacklist_categories=["Cs"]), max_size=30)


@st.composite
def _ics_texts(draw: st.DrawFn) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    for _ in range(draw(st.integers(0, 4))):
        lines.append(draw(st.sampled_from(["BEGIN:VEVENT", "BEGIN:VTODO", "BEGIN:VALARM"])))
        for _ in range(draw(st.integers(0, 8))):
            name = draw(st.sampled_from(_ICS_NAMES))
            value = draw(_ICS_VALUES | _VALUES.map(json.dumps))
            lines.append(f"{name}:{value}".replace("\r", "").replace("\n", "\\n"))
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["END:VEVENT", "END:VTODO", "END:VCALENDAR"])))
    if draw(st.booleans()):
        lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


@st.composite
def _hostile_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name suffix and its bytes: random structures written in that format."""
    suffix = draw(st.sampled_from(_SUFFIXES))
    if suffix == ".json":
        text = json.dumps(draw(_DOCUMENTS))
    elif suffix == ".yaml":
        text = yaml.safe_dump(draw(_DOCUMENTS), allow_unicode=draw(st.booleans()))
    elif suffix == ".csv":
        header = draw(st.lists(st.sampled_from(COLUMNS) | st.text(max_size=8), max_size=8))
        header = draw(st.sampled_from([["title", "when", *header], header]))
        rows = draw(st.lists(st.lists(_VALUES, max_size=len(header) + 1), max_size=4))
        text = _csv_text(header, rows)
    else:
        text = draw(_ics_texts())
    return suffix, text.encode("utf-8", "surrogatepass")


# What damages a file most: quotes, brackets, separators, anchors, line ends, digits.
_NOISE = list("\"'[]{},;:\n\r\t-&*!#%=\\") + list(string.digits)


class TestReadersAnswerWithTimelineErrors:
    @given(suffix=st.sampled_from(_SUFFIXES), content=st.binary(max_size=300))
    @_settings(60)
    def test_random_bytes(self, tmp_path: Path, suffix: str, content: bytes) -> None:
        path = _file(tmp_path, suffix, content)
        _success_or_timeline_error(lambda: _read(path))
        # Text from Python, lone surrogates and all (undecodable bytes as surrogateescape).
        # (Not for feeds: `from_ics` takes a str that is not iCalendar text as a path.)
        if suffix != ".ics":
            text = content.decode("utf-8", "surrogateescape")
            _success_or_timeline_error(lambda: _io.loads(text, _io.format_of(path)))

    @given(file=_hostile_files())
    @_settings(150)
    def test_random_structures(self, tmp_path: Path, file: tuple[str, bytes]) -> None:
        path = _file(tmp_path, *file)
        _success_or_timeline_error(lambda: _read(path))

    @given(
        suffix=st.sampled_from([".yaml", ".json", ".csv"]),
        depth=st.integers(1, 3_000) | st.sampled_from([100_000]),
        opener=st.sampled_from(["[", "{"]),
        field=st.sampled_from(["when", "claims", "title", "sources"]),
    )
    @_settings(30)
    def test_deep_nesting(
        self, tmp_path: Path, suffix: str, depth: int, opener: str, field: str
    ) -> None:
        deep = _nested(depth, opener)
        if suffix == ".csv":
            text = _csv_text(["title", "when", field], [["A", "2026", deep]])
        else:  # a flow collection is valid YAML too
            text = f'{{"events": [{{"title": "A", "when": "2026", "{field}": {deep}}}]}}'
            text = text if field != "when" else text.replace('"when": "2026", ', "")
        path = _file(tmp_path, suffix, text.encode())
        _success_or_timeline_error(lambda: _read(path))

    @given(tl=timelines(), data=st.data())
    @_settings(60)
    def test_damaged_files(self, tmp_path: Path, tl: Timeline, data: st.DataObject) -> None:
        # A file we wrote, then cut, spliced and sprinkled with quotes and brackets.
        suffix = data.draw(st.sampled_from(_SUFFIXES))
        if suffix == ".ics":
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", TimelineWarning)  # events a feed cannot place
                text = tl.to_ics(name="fuzz")
        else:
            if suffix == ".csv":  # CSV refuses fiscal years (test_load_save_is_the_identity)
                tl = Timeline(tl.events)
            text = _io.dumps(tl, _io.format_of(f"t{suffix}"))
        for _ in range(data.draw(st.integers(1, 4))):
            at = data.draw(st.integers(0, len(text)))
            cut = data.draw(st.integers(0, 20))
            noise = data.draw(
                st.text(
                    st.sampled_from(list("\"'[]{},;:\n\r\t-&*!#%=\\") + list(string.digits)),
                    max_size=6,
                )
            )
            text = text[:at] + noise + text[at + cut :]
        path = _file(tmp_path, suffix, text.encode("utf-8", "surrogatepass"))
        _success_or_timeline_error(lambda: _read(path))


class TestCsvCellsOverTheFieldLimit:
    """Cells over the csv module's field limit: read in Python, exactly as the module reads."""

    # Quotes, separators and every kind of line end, where the two readers could part.
    _CHARS = st.sampled_from([*'ab ,;\t"\r\n', "\x00", "é", "'"])  # "\r\n" arises too

    @given(text=st.text(_CHARS, max_size=60), delimiter=st.sampled_from([",", ";", "\t"]))
    @_settings(300)
    def test_the_python_reader_reads_as_the_csv_module(self, text: str, delimiter: str) -> None:
        module = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ours = _csv_module._Reader(text, delimiter)
        assert [(ours.line_num, row) for row in ours] == [(module.line_num, r) for r in module]
        assert ours.line_num == module.line_num

    @given(
        text=st.text(_CHARS, max_size=40),
        at=st.integers(0, 40),
        delimiter=st.sampled_from([",", ";", "\t"]),
    )
    @_settings(10)
    def test_a_huge_run_anywhere(self, tmp_path: Path, text: str, at: int, delimiter: str) -> None:
        # A run of 131,073 letters (one over the limit) spliced in: rows as the csv module
        # reads them with its limit raised (here, in a test), and the file loads or is refused
        # with a TimelineError.
        text = text[:at] + "x" * (csv.field_size_limit() + 1) + text[at:]
        before = csv.field_size_limit(len(text) + 1)
        try:
            module = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            expected = [(module.line_num, r) for r in module]
        finally:
            csv.field_size_limit(before)
        ours = _csv_module._Reader(text, delimiter)
        assert [(ours.line_num, row) for row in ours] == expected
        path = _file(tmp_path, ".csv", ("title,when\n" + text).encode("utf-8"))
        _success_or_timeline_error(lambda: _read(path))
        assert csv.field_size_limit() == before


class TestRoundTripThroughFiles:
    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
    @given(tl=timelines())
    @_settings(30)
    def test_load_save_is_the_identity(self, tmp_path: Path, suffix: str, tl: Timeline) -> None:
        path = tmp_path / f"t{suffix}"
        if suffix == ".csv" and tl.fiscal_years:
            # CSV has no place for fiscal years: refused, never dropped in silence.
            path.unlink(missing_ok=True)  # one folder serves every example
            with pytest.raises(DataFileError, match="fiscal_years"):
                tl.save(path)
            assert not path.exists()
            return
        with csv_notes(tl, path):  # CSV says that it leaves the name and description behind
            tl.save(path)
        back = Timeline.load(path)
        # CSV keeps events only: a timeline's name and description have no place in it.
        assert back == (Timeline(tl.events) if suffix == ".csv" else tl)
        for event, again in zip(tl, back, strict=True):
            assert (again.initial_when, again.claims) == (event.initial_when, event.claims)

    # Any text at all in a figure's free-text fields and units (lone surrogates, control
    # characters, blank, what reads as a number or a bound): refused when the value is built,
    # or written and read back unchanged.
    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
    @given(
        metric=st.text(max_size=12),
        note=st.text(max_size=12),
        unit=st.text(max_size=10)
        | st.sampled_from(["GPUs", "台 GPUs", "tokens per day", "USD", "GPU\ud800", "or more"]),
    )
    @_settings(30)
    def test_figure_text_is_refused_or_kept(
        self, tmp_path: Path, suffix: str, metric: str, note: str, unit: str
    ) -> None:
        try:
            goal, seen = Quantity(5, unit), Quantity(2, unit)
        except QuantityError as err:
            problem: str | None = str(err)
        else:
            problem = None
        if problem is not None:
            assert any(w in problem for w in ("lone surrogate", "read back", "reads back as"))
            return

        def build() -> Event:
            return Event(
                title="A",
                when="2026",
                target=Target(metric, goal, "by 2030"),
                observations=[Observation("2026", seen, note=note)],
            )

        lone = any("\ud800" <= c <= "\udfff" for c in metric + note)
        if not metric.strip() or lone:
            with pytest.raises(TimelineError, match="is empty" if not metric.strip() else "lone"):
                build()
            return
        tl = Timeline([build()])
        path = tmp_path / f"t{suffix}"
        tl.save(path)
        assert Timeline.load(path) == tl

    # Any text at all as a timeline's name, description or fiscal-year actor: refused when the
    # timeline is built (a lone surrogate, a blank actor), or written and read back unchanged.
    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".parquet"])
    @given(
        name=st.none() | st.text(max_size=12),
        description=st.none() | st.text(max_size=12),
        actor=st.text(max_size=8) | st.sampled_from(["Micro\ud800soft", "腾讯"]),
    )
    @_settings(30)
    def test_timeline_text_is_refused_or_kept(
        self, tmp_path: Path, suffix: str, name: str | None, description: str | None, actor: str
    ) -> None:
        if suffix == ".parquet":
            pytest.importorskip("pyarrow")
        lone = any("\ud800" <= c <= "\udfff" for c in (name or "") + (description or "") + actor)

        def build() -> Timeline:
            return Timeline(
                [Event(title="A", when="2026")],
                name=name,
                description=description,
                fiscal_years={actor: 7},
            )

        # A blank fiscal-year actor names no one: refused (names are stripped, as actors are).
        blank = not actor.strip()
        if lone or blank:
            refusals = (("lone surrogate", lone), ("name is empty", blank))
            with pytest.raises(QueryError, match="|".join(m for m, on in refusals if on)):
                build()
            return
        tl = build()
        path = tmp_path / f"t{suffix}"
        tl.save(path)
        back = Timeline.load(path)
        assert (back.name, back.description, back.fiscal_years) == (
            tl.name,
            tl.description,
            tl.fiscal_years,
        )
        assert back == tl


@pytest.mark.skipif(not FUZZ, reason="minutes long: runs under `make fuzz`")
def test_a_210000_event_yaml_file_the_library_wrote_loads(tmp_path: Path) -> None:
    # Written as save writes it (checked on a small timeline), repeated: save itself takes minutes.
    from timeline import Event

    def event(n: str) -> Event:
        return Event(title=f"Event {n}", when="2026-04", actors=["A", "B"], tags=["x"])

    one = _io.dumps(Timeline([event("QQQ")]), "yaml").removeprefix("events:\n")

    def text(n: int) -> str:
        rows = (one.replace("QQQ", str(i)).replace("qqq", str(i)) for i in range(n))
        return "events:\n" + "\n".join(rows)

    assert _io.dumps(Timeline([event(str(i)) for i in range(3)]), "yaml") == text(3)
    path = tmp_path / "big.yaml"
    path.write_text(text(210_000), encoding="utf-8")
    assert len(Timeline.load(path)) == 210_000
