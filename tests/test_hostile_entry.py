"""Hostile input at the public entry points, each against an outside rule or a round trip.

CSV cells a spreadsheet would run (the OWASP list, full-width forms and line feed
included); huge integers given where a record or an event takes text or a number.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import subprocess
import sys
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_strategies import hostile_timelines, timelines
from fuzzing import examples
from timeline import (
    Claim,
    DataFileError,
    Event,
    EventError,
    Observation,
    QueryError,
    Source,
    Timeline,
    TimelineError,
    TimelineWarning,
    When,
)
from timeline.cli._main import main
from timeline.formats import _csv
from timeline.records._schema import EVENT_FIELDS

_SRC = str(Path(__file__).resolve().parents[1] / "src")

# The characters with which a spreadsheet starts a formula, per the OWASP Web Security
# Testing Guide ("Testing for CSV Injection"): = + - @, tab, carriage return, line feed, and
# their full-width (double-byte) forms, which Excel in East Asian locales also reads so.
_OWASP = ["=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20"]


def _cells(text: str) -> list[list[str]]:
    """The cells of CSV text as a spreadsheet's reader sees them (the csv module)."""
    return list(csv.reader(io.StringIO(text, newline="")))


class TestCsvFormulaCharacters:
    @pytest.mark.parametrize("first", _OWASP)
    def test_every_owasp_trigger_is_escaped_and_read_back(self, first: str) -> None:
        text = first + 'HYPERLINK("http://example.invalid/?leak=1")'
        out = _csv.write({"events": [{"title": "T", "when": "2026", "description": text}]})
        row = dict(zip(*_cells(out)[:2], strict=True))
        assert row["description"] == "'" + text  # shown as text by the spreadsheet
        data, _ = _csv.read(out)
        assert data["events"][0]["description"] == text

    @given(
        first=st.sampled_from(_OWASP),
        rest=st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
        field=st.sampled_from(["title", "actor", "tag", "source"]),
    )
    @settings(max_examples=60, deadline=None)
    def test_no_written_cell_starts_a_formula(self, first: str, rest: str, field: str) -> None:
        text = first + "x" + rest
        event = Event(
            id="e",
            title=text if field == "title" else "T",
            when="2026",
            actors=[text] if field == "actor" else [],
            tags=[text] if field == "tag" else [],
            sources=[Source(text)] if field == "source" else [],
        )
        tl = Timeline([event])
        from timeline.formats import _io

        out = _io.dumps(tl, "csv")
        for row in _cells(out)[1:]:
            for cell in row:
                assert not cell.startswith(tuple(_OWASP)), cell
        assert _io.loads(out, "csv") == tl

    def test_a_file_written_before_reads_the_same(self, tmp_path: Path) -> None:
        # A full-width sign written bare (as earlier versions wrote it) reads as it is.
        path = tmp_path / "old.csv"
        path.write_text("title,when\n\uff1dSUM(1),2026\n", encoding="utf-8")
        assert Timeline.load(path)[0].title == "\uff1dSUM(1)"


# A whole number too long for Python to write out as digits (its limit is 4,300 by default):
# only arithmetic makes one, but records from a program may carry it anywhere.
_HUGE = 10**5000


class TestHugeIntegersWhereValuesGo:
    @pytest.mark.parametrize("field", EVENT_FIELDS)
    @pytest.mark.parametrize("listed", [False, True], ids=["bare", "in-a-list"])
    def test_in_a_record(self, field: str, listed: bool) -> None:
        record = {"title": "A", "when": "2026", field: [_HUGE] if listed else _HUGE}
        with pytest.raises(DataFileError, match=field) as caught:
            Timeline.from_records([record])
        message = str(caught.value)
        assert "too long to write out" in message or "a list" in message
        assert 'in quotes: "a whole' not in message  # no digits to put in quotes

    @pytest.mark.parametrize(
        ("where", "record"),
        [
            ("sources[0].title", {"sources": [{"title": _HUGE}]}),
            ("sources[0].published", {"sources": [{"title": "S", "published": _HUGE}]}),
            ("sources[0].url", {"sources": [{"title": "S", "url": _HUGE}]}),
            ("claims[0].stated", {"claims": [{"stated": _HUGE, "when": "2027"}]}),
            ("claims[0].when", {"claims": [{"stated": "2026", "when": _HUGE}]}),
            ("claims[0].status", {"claims": [{"stated": "2026", "status": _HUGE}]}),
            ("claims[0].note", {"claims": [{"stated": "2026", "note": _HUGE}]}),
            ("target.goal", {"target": {"metric": "m", "goal": _HUGE, "deadline": "2030"}}),
            ("observations[0].value", {"observations": [{"when": "2026", "value": _HUGE}]}),
        ],
    )
    def test_in_a_nested_record(self, where: str, record: dict[str, object]) -> None:
        with pytest.raises(DataFileError, match=re.escape(where)) as caught:
            Timeline.from_records([{"title": "A", "when": "2026", **record}])
        assert "too long to write out" in str(caught.value)

    def test_as_a_timeline_name(self) -> None:
        with pytest.raises(TimelineError, match=r"name: .*too long to write out"):
            Timeline.from_records([], name=_HUGE)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "field",
        [
            "title",
            "id",
            "when",
            "end",
            "status",
            "kind",
            "location",
            "description",
            "actors",
            "tags",
            "related",
            "sources",
            "claims",
            "target",
            "observations",
        ],
    )
    @pytest.mark.parametrize("listed", [False, True], ids=["bare", "in-a-list"])
    def test_in_an_event(self, field: str, listed: bool) -> None:
        fields: dict[str, Any] = {"title": "A", "when": "2026", field: _HUGE}
        if listed:
            fields[field] = [_HUGE]
        with pytest.raises(EventError, match=field):
            Event(**fields)

    @pytest.mark.parametrize(
        "build",
        [
            lambda: Source(_HUGE),  # type: ignore[arg-type]
            lambda: Source("S", published=_HUGE),  # type: ignore[arg-type]
            lambda: Event(title="A", when="2026").revise(when="2027", stated=_HUGE),
            lambda: When.parse(_HUGE),  # type: ignore[arg-type]
            lambda: Timeline(name=_HUGE),  # type: ignore[arg-type]
        ],
    )
    def test_in_a_constructor(self, build: Any) -> None:
        with pytest.raises(TimelineError, match="too long to write out"):
            build()


_ARTICLE = (
    "Acme Launches\n\nAcme will open the plant in April 2027. Beta expects $5 billion by 2030.\n"
)


def _drafts(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["extract", *argv, "--published", "2026-03-28", "--json"])
    out = capsys.readouterr()
    return code, out.out, out.err


class TestExtractArticleEncodings:
    """An article file as editors save it: the byte-order mark says the encoding outright."""

    @pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32", "utf-16-be"])
    @pytest.mark.parametrize("via", ["file", "stdin"])
    def test_a_marked_file_reads_as_its_text(
        self,
        codec: str,
        via: str,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        plain = tmp_path / "plain.txt"
        plain.write_text(_ARTICLE, encoding="utf-8")
        expected = _drafts([str(plain)], capsys)
        data = _ARTICLE.encode(codec)
        if codec == "utf-16-be":
            data = codecs.BOM_UTF16_BE + data
        marked = tmp_path / "marked.txt"
        marked.write_bytes(data)
        if via == "stdin":
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
        code, out, err = _drafts(["-" if via == "stdin" else str(marked)], capsys)
        assert (code, json.loads(out)) == (0, json.loads(expected[1]))
        assert "\ufeff" not in out + err  # the mark is no part of any title or quote

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
    def test_wide_text_without_a_mark_is_named(
        self, codec: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "wide.txt"
        path.write_bytes(_ARTICLE.encode(codec))
        code, _, err = _drafts([str(path)], capsys)
        assert code == 1
        assert codec[:6].upper() in err and "iconv -f latin1" not in err

    def test_a_latin_1_byte_is_placed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "latin.txt"
        path.write_bytes(b"Title\n\nCaf\xe9 opens in 2027.\n")
        code, _, err = _drafts([str(path)], capsys)
        assert code == 1
        assert "line 3" in err and "0xe9" in err and "not UTF-8" in err

    def test_the_article_as_its_own_output_is_named_so(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "article.yaml"
        path.write_text(_ARTICLE, encoding="utf-8")
        assert main(["extract", str(path), "-o", str(path)]) == 2  # usage
        err = capsys.readouterr().err
        assert "linked folder" not in err  # it is the same name, given twice
        assert re.search(r"is the input '[^']*' itself; writing it would replace", err)
        assert path.read_text(encoding="utf-8") == _ARTICLE


# Pieces of markup a stranger's text may carry into the page: tags, attribute breaks,
# comment and CDATA ends, script URLs, entities, bidi overrides.
_MARKUP = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "'><svg onload=alert(1)>",
        "</title><script>x()</script>",
        "</style><b>",
        "-->",
        "<!--",
        "]]>",
        "&amp;",
        "&#x3C;",
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "data:text/html,<script>x()</script>",
        "\u202e",
        "url(#figure_1)",
        'id="tl-x"',
        "$\\frac{1}{2}$",
        "{{x}}",
    ]
)
_HOSTILE_TEXT = st.lists(_MARKUP | st.text(min_size=1, max_size=4), min_size=1, max_size=3).map(
    "".join
)
# What the page writer itself puts in a page, and the only links it makes.
_SAFE_LINK = re.compile(r"(?:https?:|mailto:|#)", re.IGNORECASE)


class _Markup(HTMLParser):
    """The tags, event-handler attributes and links of a page, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts = 0
        self.handlers: list[tuple[str, str]] = []
        self.links: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.scripts += tag == "script"
        for name, value in attrs:
            if name.startswith("on") and (tag, name) != ("form", "onsubmit"):
                self.handlers.append((tag, name))
            if name in ("href", "src", "xlink:href", "action", "formaction") and value:
                self.links.append(value)


class TestPageMarkup:
    """Whatever text the data holds, the page holds no markup but its own (an HTML parser
    as the oracle): one script, no event handlers, only web, mail and in-page links."""

    @given(text=_HOSTILE_TEXT, url=_HOSTILE_TEXT | _MARKUP)
    @settings(max_examples=8, deadline=None)
    def test_hostile_text_everywhere(self, text: str, url: str) -> None:
        from timeline.display._page import page_html

        event = Event(
            id="e1",
            title=text if text.strip() else "T",
            when="2026-04",
            actors=[text] if text.strip() else [],
            kind=text,
            tags=[text] if text.strip() else [],
            location=text,
            description=text,
            sources=[Source("S", url=url, publisher=text, quote=text)],
        )
        happened = Event(id="e2", title="H", when="2026-01", status="happened", actors=[text])
        tl = Timeline([event, happened], name=text, description=text)
        page = _Markup()
        page.feed(page_html(tl, as_of="2026-06-01", title=text))
        assert page.scripts == 1
        assert page.handlers == []
        assert all(_SAFE_LINK.match(link) for link in page.links), page.links
        assert not {"img", "iframe", "object", "embed", "b", "base"} & page.tags


class TestMessagesPlaceTheProblem:
    def test_a_duplicate_id_on_one_line_names_the_other_event(self, tmp_path: Path) -> None:
        # Minified JSON is one line: "the event on line 1" would point nowhere.
        path = tmp_path / "t.json"
        events = '[{"title": "B", "when": "2025"}, {"title": "A", "when": "2026"}, '
        path.write_text('{"events": ' + events + '{"title": "A", "when": "2027"}]}')
        with pytest.raises(DataFileError, match=r"event on line 1 \(events\[1\]\)"):
            Timeline.load(path)

    def test_a_duplicate_id_on_another_line_names_that_line(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text("events:\n  - title: A\n    when: 2026\n  - title: A\n    when: 2027\n")
        with pytest.raises(DataFileError, match=r"the event on line 2; ids must be unique"):
            Timeline.load(path)

    @pytest.mark.parametrize("char", ["@", "`"])
    def test_a_reserved_yaml_character_names_the_fix(self, char: str, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text(f"events:\n  - title: {char}mention launch\n    when: 2026\n")
        with pytest.raises(DataFileError) as caught:
            Timeline.load(path)
        message = str(caught.value)
        assert ":2:" in message and f"{char!r}" in message
        assert f'title: "{char}mention launch"' in message  # the line, quoted as the fix


_SEEDED = """
from timeline import Event, Source, Timeline
from timeline.formats import _io
a, b = Source("A", published="2026-03-01"), Source("B", published="2025-03-01")
names = {"Tencent", "Alibaba", "DeepSeek", "Zhipu", "Moonshot", "ByteDance"}
event = Event(title="X", when="2026-04", actors=names, tags=frozenset(names), related=set())
print(_io.dumps(Timeline([event]), "yaml"))
try:
    Event(title="Y", when="April", sources={a, b})
except ValueError as err:
    print(type(err).__name__)
"""


class TestSetsHaveNoOrder:
    """A set iterates in an order that changes from run to run (string hashes are salted):
    what an event keeps from one must not depend on it."""

    @pytest.mark.parametrize("field", ["actors", "tags", "related"])
    @pytest.mark.parametrize("kind", [set, frozenset])
    def test_names_from_a_set_are_sorted(self, field: str, kind: type) -> None:
        names = ["zeta", "Alpha", "beta", "Gamma", "delta"]
        event = Event(title="X", when="2026", **{field: kind(names)})
        assert getattr(event, field) == ("Alpha", "beta", "delta", "Gamma", "zeta")

    def test_a_list_keeps_its_order(self) -> None:
        assert Event(title="X", when="2026", actors=["b", "a"]).actors == ("b", "a")

    @pytest.mark.parametrize("field", ["sources", "claims", "observations"])
    @pytest.mark.parametrize("kind", [set, frozenset])
    def test_records_from_a_set_are_refused(self, field: str, kind: type) -> None:
        # The first source dates the event ("April" in its year); claims and observations
        # said on one day keep the order given: a set has none to keep.
        items = {
            "sources": [Source("A", published="2026-03-01"), Source("B", published="2025-03")],
            "claims": [Claim(stated="2026-01-02", when="2027"), Claim(stated="2026-01-02")],
            "observations": [Observation("2026", "5 GW"), Observation("2026", "6 GW")],
        }[field]
        with pytest.raises(EventError, match=rf"{field}: .*a set, which has no order; give a list"):
            Event(title="X", when="2026", **{field: kind(items)})

    def test_every_run_builds_the_same_event(self) -> None:
        # The oracle: the same program under different hash seeds writes the same file.
        outputs = set()
        for seed in ("1", "2", "3"):
            env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": _SRC}
            run = subprocess.run(
                [sys.executable, "-c", _SEEDED], env=env, capture_output=True, text=True, check=True
            )
            outputs.add(run.stdout)
        assert len(outputs) == 1, outputs
        assert outputs.pop().rstrip().endswith("EventError")


class TestCsvJsonCellsOfTheWrongShape:
    @pytest.mark.parametrize(
        ("column", "cell", "found", "example"),
        [
            ("observations", '"{}"', "an object", '[{"when": "2026-03"'),
            ("observations", "null", "null", '[{"when": "2026-03"'),
            ("claims", '"{""stated"": ""2026""}"', "an object", '[{"stated": "2026-04-20"'),
            ("target_baseline", '"[]"', "an array", '{"when": "2026-03"'),
            ("more_sources", "5", "a number", '[{"title": "Reuters"'),
        ],
    )
    def test_the_message_says_what_was_found_and_the_fix(
        self, column: str, cell: str, found: str, example: str
    ) -> None:
        with pytest.raises(DataFileError) as caught:
            _csv.read(f"title,when,{column}\nA,2026,{cell}\n")
        message = str(caught.value)
        assert "a JSON an" not in message
        assert f"not {found}" in message and example in message


class TestFiscalYearsInAFile:
    """``fiscal_years`` names actors as events do: whatever their case and surrounding spaces."""

    @staticmethod
    def _load(table: str) -> Timeline:
        doc = (
            '{"fiscal_years": ' + table + ', "events": '
            '[{"title": "A", "when": "FY2026", "actors": ["Microsoft"]}]}'
        )
        from timeline.formats import _io

        return _io.loads(doc, "json")

    @pytest.mark.parametrize("name", ["Microsoft", " Microsoft ", "microsoft", "MICROSOFT\t"])
    def test_an_actor_matches_as_events_name_it(self, name: str) -> None:
        tl = self._load(json.dumps({name: "July"}))
        assert str(tl[0].when.earliest) == "2025-07-01"
        assert tl.fiscal_years == {name.strip(): 7}

    def test_one_actor_given_two_months_is_refused(self) -> None:
        # Was: the last one kept, the other dropped without a word.
        with pytest.raises(
            DataFileError, match=r"fiscal_years\.microsoft: .*'Microsoft'.*keep one"
        ):
            self._load('{"Microsoft": 7, "microsoft": 10}')

    def test_one_actor_given_the_same_month_twice_is_fine(self) -> None:
        assert self._load('{"Microsoft": 7, " microsoft": "July"}').fiscal_years == {"Microsoft": 7}

    @pytest.mark.parametrize("name", ["", "  "])
    def test_a_blank_actor_is_refused(self, name: str) -> None:
        with pytest.raises(DataFileError, match=r"fiscal_years.*empty"):
            self._load(json.dumps({name: 7, "Microsoft": 7}))

    def test_in_a_yaml_file_at_its_line(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text("fiscal_years:\n  OpenAI: 1\n  openai: July\nevents: []\n")
        with pytest.raises(DataFileError, match=r"t\.yaml:3: fiscal_years\.openai: .*keep one"):
            Timeline.load(path)


class TestFiscalYearsInPython:
    """`Timeline(fiscal_years=...)` checks names as a file's are read, so what it holds saves
    and loads again."""

    def test_names_are_stripped_and_match_an_actor(self) -> None:
        tl = Timeline(fiscal_years={" Microsoft ": "July"})
        assert tl.fiscal_years == {"Microsoft": 7}
        assert tl.fiscal_year_start("microsoft") == 7

    def test_one_actor_given_two_months_is_refused(self) -> None:
        with pytest.raises(QueryError, match=r"'microsoft' is the actor 'Microsoft' again"):
            Timeline(fiscal_years={"Microsoft": 7, "microsoft": 10})

    @pytest.mark.parametrize("name", ["", " \t"])
    def test_a_blank_name_is_refused(self, name: str) -> None:
        with pytest.raises(QueryError, match="empty"):
            Timeline(fiscal_years={name: 7})

    @pytest.mark.parametrize("suffix", [".yaml", ".json"])
    def test_what_it_holds_saves_and_loads(self, suffix: str, tmp_path: Path) -> None:
        tl = Timeline(fiscal_years={" ß ": 4, "SS": 4, "Apple": "October"})
        path = tmp_path / f"t{suffix}"
        tl.save(path)
        assert Timeline.load(path) == tl


class TestRelatedGivenAsOneName:
    """``related: b`` (one id, not a list) is read as ``[b]``, and checked as a list is."""

    def test_a_dangling_one_is_a_problem(self, tmp_path: Path) -> None:
        # Was: loaded, then dropped on save (the round trip lost it).
        path = tmp_path / "t.yaml"
        path.write_text("events:\n  - title: A\n    when: 2026\n    related: zz\n")
        with pytest.raises(DataFileError, match=r"t\.yaml:4: related: 'zz' is not the id"):
            Timeline.load(path)

    def test_a_known_one_loads_and_saves(self, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text(
            "events:\n  - title: A\n    when: 2026\n    related: b\n  - title: B\n    when: 2027\n"
        )
        tl = Timeline.load(path)
        assert tl["a"].related == ("b",)
        tl.save(tmp_path / "again.json")
        assert Timeline.load(tmp_path / "again.json") == tl


# -- mutated documents: what a loader accepts, every format keeps -------------------------------

_MUTANTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**40), 10**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(
        [
            *("", " ", "\ufeff", "2026", "April 2026", "by 2030", "1e400", "$5bn", "happened"),
            *('=HYPERLINK("http://x")', "＝1", "\n=1", "'=1", "\x00", "\r\n", "null", "~", "[]"),
            *(
                "{}",
                "a;b",
                '["a"]',
                "2026-04-15T10:00[Asia/Shanghai]",
                "\u2028",
                "\x85",
                "..",
                "\\",
            ),
        ]
    ),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)


def _places(data: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document: the paths of its mappings' values and lists' items."""
    found = [at]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*at, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _places(value, (*at, i))
    return found


def _put_at(data: Any, at: tuple[Any, ...], value: Any) -> Any:
    if not at:
        return value
    inner = data
    for step in at[:-1]:
        inner = inner[step]
    inner[at[-1]] = value
    return data


class TestMutatedDocuments:
    """A document a timeline wrote, with values swapped for hostile ones: each loader returns
    a timeline or raises a `TimelineError`; a timeline it returns, every format writes and reads
    back as it was (nothing accepted on reading is lost on writing)."""

    @pytest.mark.fuzz
    @given(tl=timelines() | hostile_timelines(), data=st.data())
    @settings(max_examples=examples(25), deadline=None, suppress_health_check=list(HealthCheck))
    def test_accepted_means_kept(self, tl: Timeline, data: st.DataObject) -> None:
        from timeline.formats import _io

        fmt = data.draw(st.sampled_from(["json", "yaml", "csv"]))
        if fmt == "csv":
            tl = Timeline(tl.events)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", TimelineWarning)  # CSV leaves name and description
            text = _io.dumps(tl, fmt)
        if fmt == "csv":
            rows = _cells(text)
            for _ in range(data.draw(st.integers(1, 3))):
                row = rows[data.draw(st.integers(0, len(rows) - 1))]
                value = data.draw(_MUTANTS)
                row[data.draw(st.integers(0, len(row) - 1))] = (
                    value if isinstance(value, str) else json.dumps(value)
                )
            out = io.StringIO()
            csv.writer(out).writerows(rows)
            text = out.getvalue()
        else:
            document = json.loads(text) if fmt == "json" else yaml.safe_load(text)
            for _ in range(data.draw(st.integers(1, 3))):
                at = data.draw(st.sampled_from(_places(document)))
                document = _put_at(document, at, data.draw(_MUTANTS))
            text = json.dumps(document) if fmt == "json" else yaml.safe_dump(document)
        try:
            loaded = _io.loads(text, fmt)
        except TimelineError:
            return
        for other in ("json", "yaml", "csv"):
            kept = Timeline(loaded.events) if other == "csv" else loaded
            if other == "csv" and loaded.fiscal_years:
                continue  # refused on saving, never dropped (tests/test_roundtrip.py)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", TimelineWarning)
                written = _io.dumps(kept, other)
            assert _io.loads(written, other) == kept, (fmt, other, text)


class TestRaggedCsvRows:
    def test_the_cells_past_the_header_are_quoted(self) -> None:
        text = "title,when,kind\nAcme, Inc. launch,2026,launch\n"
        with pytest.raises(DataFileError) as caught:
            _csv.read(text, "t.csv")
        message = str(caught.value)
        assert message.startswith("t.csv:2: 4 cells but the header has 3 columns")
        assert "'launch'" in message  # the cell that has no column
        assert '"Acme, Inc. launch"' in message  # the fix, shown on this row's first cell


class TestYamlSlipsNamedWhereTheyAre:
    """A typing slip YAML reports lines later, as another mistake: named on its own line."""

    @pytest.mark.parametrize(
        ("text", "line", "fix"),
        [
            # no space after the colon: one plain text "title:A", then a key YAML cannot place
            ("events:\n  - title:A\n    when: 2026\n", 2, "a space after ':'"),
            ("events:\n  - title: A\n    when:2026\n", 3, "a space after ':'"),
            # no space after the dash
            ("events:\n  -title: A\n   when: 2026\n", 2, "a space after '-'"),
            # a key without its colon
            ("events\n  - title: A\n    when: 2026\n", 1, "'events' needs a ':' after it"),
            # a quote never closed
            ('events:\n  - title: "A\n    when: 2026\n', 2, "never closed"),
        ],
    )
    def test_named(self, text: str, line: int, fix: str, tmp_path: Path) -> None:
        path = tmp_path / "t.yaml"
        path.write_text(text)
        with pytest.raises(DataFileError) as caught:
            Timeline.load(path)
        message = str(caught.value)
        assert message.startswith(f"{path}:{line}: "), message
        assert fix in message
        assert "Sora: the end" not in message  # not the advice for a colon inside text
