"""Notebook use: rich display, DataFrames both ways, a light import, the example notebook."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import (
    Event,
    FrameError,
    Observation,
    Source,
    Status,
    Target,
    Timeline,
    When,
    datasets,
)
from timeline.display._notebook import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SAID = Source(
    "What Tencent's AI push reveals",
    publisher="AI Wave",
    url="https://example.org/tencent",
    published=When.month(2026, 3).qualify(approximate=True),
    quote="slated for an April release",
)


def sample() -> Timeline:
    return Timeline(
        [
            Event(
                title="Hybrid Model 3.0 release",
                when=When.month(2026, 4),
                actors=["Tencent"],
                kind="model-release",
                tags=["llm", "open-weights"],
                sources=[SAID],
            ),
            Event(
                title="DeepSeek V4 release",
                when=When.month(2026, 4),
                actors=["DeepSeek"],
                kind="model-release",
                sources=[SAID],
            ).revise(when=When.month(2026, 5), stated=When.day(2026, 4, 20), note="delayed"),
            Event(
                title="10,000 AI-plus enterprises",
                when=When.year(2030).by(),
                actors=["Guangzhou"],
                kind="policy-target",
                target=Target(
                    "AI-plus enterprises",
                    "10,000 enterprises",
                    When.year(2030).by(),
                    baseline=Observation(When.year(2024), "1,000 enterprises"),
                ),
                observations=[Observation(When.year(2026), "3,250 enterprises")],
            ),
            Event(
                title="Boao Forum",
                when=When.day(2026, 3, 24),
                end=When.day(2026, 3, 27),
                status="happened",
                actors=["Boao Forum for Asia"],
                location="Boao, Hainan",
            ),
            Event(
                title="Launch stream",
                when=When.instant(
                    pendulum.datetime(2026, 4, 15, 10, tz=pendulum.fixed_timezone(8 * 3600))
                ),
                status="confirmed",
            ),
        ],
        name="Sample",
    )


# -- import stays light ------------------------------------------------------------------


def test_import_timeline_loads_no_pandas_or_matplotlib() -> None:
    code = (
        "import sys, timeline\n"
        "tl = timeline.Timeline([timeline.Event(title='x', when='2026-04')])\n"
        "tl._repr_html_()\n"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- rich display --------------------------------------------------------------------------


def rows(page: str) -> list[str]:
    return re.findall(r'<tr class="tl-[a-z]+" data-event="([^"]+)"', page)


class TestTimelineHtml:
    @pytest.mark.parametrize(
        "fragment",
        [
            ">April 2026<"
            if str(When.month(2026, 4)) == "April 2026"
            else ">2026-04<",  # date in words
            ">expected</span>",  # a status badge
            ">happened</span>",
            ">Tencent<",  # actors
            ">model-release<",  # kind
            '<span class="tl-tag"><bdi>open-weights</bdi></span>',  # tags as chips, text isolated
            '<a href="https://example.org/tencent"',  # source link
            ">AI Wave</bdi></a>",  # named by its publisher
            "first expected",  # the slip is shown
            "<caption><bdi>Sample</bdi> · 5 events</caption>",
        ],
    )
    def test_shows(self, fragment: str) -> None:
        assert fragment in sample()._repr_html_()

    def test_rows_in_timeline_order(self) -> None:
        tl = sample()
        assert rows(tl._repr_html_()) == [e.id for e in tl]

    @pytest.mark.parametrize(
        "field",
        ["title", "actors", "kind", "tags", "description", "source"],
    )
    def test_data_is_escaped(self, field: str) -> None:
        evil = "<script>alert(1)</script>"
        values: dict[str, object] = {"title": "x", "when": When.year(2026)}
        if field == "source":
            values["sources"] = [Source(evil, publisher=evil)]
        elif field in ("actors", "tags"):
            values[field] = [evil]
        else:
            values[field] = evil
        for html in (Timeline([Event(**values)])._repr_html_(), Event(**values)._repr_html_()):  # type: ignore[arg-type]
            assert "<script" not in html
            assert "&lt;script&gt;" in html

    @pytest.mark.parametrize(
        ("url", "linked"),
        [
            ("https://example.org/a", True),
            ("http://example.org/a", True),
            ("javascript:alert(1)", False),  # never a clickable script
            ("JavaScript:alert(1)", False),
            ("data:text/html,<b>x</b>", False),
            ("example.org/a", False),  # no scheme: shown, not linked
        ],
    )
    def test_only_web_links(self, url: str, linked: bool) -> None:
        tl = Timeline([Event(title="x", when=When.year(2026), sources=[Source("s", url=url)])])
        assert ("<a href=" in tl._repr_html_()) is linked

    def test_large_timeline_shows_first_and_last_rows(self) -> None:
        tl = Timeline(
            Event(
                title=f"event {i:03d}",
                when=When.day(2026, 1, 1 + i % 28).qualify(approximate=i >= 28),
            )
            for i in range(100)
        )
        page = tl._repr_html_()
        shown = rows(page)
        ids = [e.id for e in tl]
        assert shown == ids[:15] + ids[-15:]
        assert "70 more events" in page
        assert "100 events (first 15 and last 15 shown)" in page

    def test_small_timeline_shows_every_row(self) -> None:
        tl = Timeline(Event(title=f"e{i}", when=When.year(2026 + i)) for i in range(30))
        page = tl._repr_html_()
        assert len(rows(page)) == 30 and "more events" not in page

    def test_empty(self) -> None:
        assert "0 events" in Timeline()._repr_html_()

    def test_row_data_attributes(self) -> None:
        # the shared page filters on these
        page = sample()._repr_html_()
        match = re.search(
            r'data-event="deepseek-v4-release" data-status="([a-z]+)" data-actors="([^"]+)"', page
        )
        assert match is not None
        assert match[1] == "expected"
        assert json.loads(match[2].replace("&quot;", '"')) == ["DeepSeek"]


class TestEventHtml:
    def test_card(self) -> None:
        card = sample()["deepseek-v4-release"]._repr_html_()
        for fragment in (
            "DeepSeek V4 release",
            "<dt>First expected</dt>",
            "<caption>Claims</caption>",
            "delayed",
            "slated for an April release",
        ):
            assert fragment in card

    def test_figures(self) -> None:
        card = sample()["10-000-ai-plus-enterprises"]._repr_html_()
        assert "<dt>Target</dt>" in card and "10,000 enterprises" in card
        assert "<dt>Figures</dt>" in card and "3,250 enterprises (2026)" in card

    def test_no_history_no_claims_table(self) -> None:
        assert "Claims" not in Event(title="x", when=When.year(2026))._repr_html_()


# -- DataFrames ------------------------------------------------------------------------------


class TestToPandas:
    def test_columns_and_dtypes(self) -> None:
        df = sample().to_pandas()
        assert tuple(df.columns) == COLUMNS
        assert len(df) == 5
        for name in ("earliest", "latest"):
            assert pd.api.types.is_datetime64_dtype(df[name]), name
        for name in ("precision", "status", "kind", "first_status"):
            assert isinstance(df[name].dtype, pd.CategoricalDtype), name
        assert df["precision"].cat.ordered
        assert list(df["status"].cat.categories) == [s.value for s in Status]
        assert df["slipped"].dtype == bool
        assert pd.api.types.is_string_dtype(df["title"])

    def test_values(self) -> None:
        df = sample().to_pandas().set_index("id")
        v4 = df.loc["deepseek-v4-release"]
        assert v4["when"] == str(When.month(2026, 5))
        assert v4["first_expected"] == str(When.month(2026, 4))
        assert bool(v4["slipped"]) is True
        assert v4["earliest"] == pd.Timestamp(2026, 5, 1)
        assert v4["latest"] == pd.Timestamp(2026, 5, 31)
        assert v4["source_url"] == "https://example.org/tencent"
        assert v4["actors"] == ["DeepSeek"]
        # a deadline has no earliest day
        target = df.loc["10-000-ai-plus-enterprises"]
        assert pd.isna(target["earliest"]) and target["latest"] == pd.Timestamp(2030, 12, 31)
        assert pd.isna(target["source_url"]) and pd.isna(target["kind"]) is False
        # an event that lasts spans to its end
        assert df.loc["boao-forum", "latest"] == pd.Timestamp(2026, 3, 27)
        # an instant is stored in UTC: 10:00 at +08:00 is 02:00 UTC
        assert df.loc["launch-stream", "earliest"] == pd.Timestamp(2026, 4, 15, 2)
        assert df.loc["launch-stream", "precision"] == "minute"

    def test_target_columns(self) -> None:
        df = sample().to_pandas().set_index("id")
        goal = df.loc["10-000-ai-plus-enterprises"]
        assert goal["target_metric"] == "AI-plus enterprises"
        assert goal["target_goal"] == "10,000 enterprises"
        assert goal["target_deadline"] == str(When.year(2030).by())
        assert goal["target_due"] == pd.Timestamp(2030, 12, 31)
        # from 1,000 to 10,000, now 3,250: a quarter of the way
        assert goal["target_progress"] == pytest.approx(0.25)
        assert goal["last_observation"] == "3,250 enterprises (2026)"
        # events without a target have empty figure columns
        assert df["target_metric"].isna().sum() == 4
        assert df["target_progress"].dtype == "float64"
        assert pd.api.types.is_datetime64_dtype(df["target_due"])

    def test_progress_from_baseline_alone(self) -> None:
        target = Target("x", "10 x", When.year(2030), baseline=Observation(When.year(2024), "2 x"))
        df = Timeline([Event(title="x", when=When.year(2030), target=target)]).to_pandas()
        assert df.loc[0, "target_progress"] == 0.0
        assert df.loc[0, "last_observation"] == "2x (2024)"  # a multiple: "2x"

    def test_categorical_queries_work(self) -> None:
        df = sample().to_pandas()
        assert df.groupby("status", observed=True).size().to_dict() == {
            "expected": 3,
            "confirmed": 1,
            "happened": 1,
        }
        assert (df["precision"] < "month").sum() == 2  # ordered: the day and the minute

    def test_empty(self) -> None:
        df = Timeline().to_pandas()
        assert tuple(df.columns) == COLUMNS and len(df) == 0


class TestFromPandas:
    def test_round_trip(self) -> None:
        tl = sample()
        back = Timeline.from_pandas(tl.to_pandas(), name="Sample")
        assert back == tl
        assert back["deepseek-v4-release"].slips == tl["deepseek-v4-release"].slips

    def test_round_trip_keeps_name(self) -> None:
        # the README's `Timeline.from_pandas(df) == tl` on the named bundled dataset
        tl = datasets.ai_race_2026()
        back = Timeline.from_pandas(tl.to_pandas())
        assert (back.name, back.description) == (tl.name, tl.description)
        assert back == tl

    def test_given_name_wins_over_frame(self) -> None:
        # an explicit name= overrides the one to_pandas stored
        back = Timeline.from_pandas(sample().to_pandas(), name="Other")
        assert back.name == "Other"

    def test_minimal_frame(self) -> None:
        df = pd.DataFrame(
            {
                "title": ["V4", "Hybrid 3.0"],
                "when": ["2026-05", When.month(2026, 4)],
                "actors": [["DeepSeek"], None],
                "kind": [float("nan"), "model-release"],
            }
        )
        tl = Timeline.from_pandas(df)
        assert [e.id for e in tl] == ["hybrid-3-0", "v4"]
        assert tl["v4"].actors == ("DeepSeek",) and tl["v4"].kind is None
        assert tl["hybrid-3-0"].actors == () and tl["v4"].status is Status.EXPECTED

    # pandas has no date type: a column of dates read with pd.to_datetime holds
    # midnights, which were read as instants at 00:00 ("2026-04-15T00:00").
    def test_a_datetime_column_of_midnights_is_days(self) -> None:
        df = pd.DataFrame(
            {"title": ["a", "b"], "when": pd.to_datetime(["2026-04-15", "2026-05-01"])}
        )
        tl = Timeline.from_pandas(df)
        assert [e.when for e in tl] == [When.day(2026, 4, 15), When.day(2026, 5, 1)]

    def test_a_datetime_column_with_times_is_instants(self) -> None:
        when = pd.to_datetime(["2026-04-15 00:00", "2026-05-01 10:00"])
        tl = Timeline.from_pandas(pd.DataFrame({"title": ["a", "b"], "when": when}))
        assert [str(e.when) for e in tl] == ["2026-04-15T00:00", "2026-05-01T10:00"]
        zoned = when.tz_localize("Asia/Shanghai")
        tl = Timeline.from_pandas(pd.DataFrame({"title": ["a", "b"], "when": zoned}))
        assert str(tl["a"].when) == "2026-04-15T00:00+08:00"  # a zone says it is a time

    def test_an_end_column_of_midnights_is_days(self) -> None:
        df = pd.DataFrame(
            {
                "title": ["forum"],
                "when": pd.to_datetime(["2026-03-24"]),
                "end": pd.to_datetime(["2026-03-27"]),
            }
        )
        e = Timeline.from_pandas(df)["forum"]
        assert (e.when, e.end) == (When.day(2026, 3, 24), When.day(2026, 3, 27))

    def test_whole_years_as_floats_are_years(self) -> None:
        # a column of years with a gap elsewhere becomes float64 in pandas: 2026.0
        df = pd.DataFrame({"title": ["a", "b"], "when": [2026.0, 2027.0]})
        assert [str(e.when) for e in Timeline.from_pandas(df)] == ["2026", "2027"]
        with pytest.raises(FrameError, match=r"2026\.5"):
            Timeline.from_pandas(pd.DataFrame({"title": ["a"], "when": [2026.5]}))

    def test_edited_frame_without_history(self) -> None:
        # dropping the claims column rebuilds from the current values
        df = sample().to_pandas().drop(columns=["claims"])
        df.loc[df["id"] == "deepseek-v4-release", "status"] = "happened"
        back = Timeline.from_pandas(df)
        v4 = back["deepseek-v4-release"]
        assert v4.status is Status.HAPPENED and v4.when == When.month(2026, 5) and not v4.claims

    def test_target_from_text_columns(self) -> None:
        df = pd.DataFrame(
            {
                "title": ["plan"],
                "when": ["by 2030"],
                "target_metric": ["AI-plus enterprises"],
                "target_goal": ["10,000 enterprises"],
                "target_deadline": ["by 2030"],
            }
        )
        (event,) = Timeline.from_pandas(df)
        assert event.target == Target("AI-plus enterprises", "10,000 enterprises", "by 2030")

    def test_source_url_alone_makes_a_source(self) -> None:
        df = pd.DataFrame({"title": ["x"], "when": ["2026"], "source_url": ["https://e.org/x"]})
        (event,) = Timeline.from_pandas(df)
        assert event.sources[0].url == "https://e.org/x"

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            # no when column at all
            (lambda df: df.drop(columns=["when"]), "no 'when' column"),
            (lambda df: df.drop(columns=["title"]), "no 'title' column"),
            # an empty date
            (
                lambda df: df.assign(when=None),
                r"row 0 \('boao-forum'\): 'when' is empty",
            ),
            # a status that is not one
            (lambda df: df.assign(status="planned", claims=None), "'planned' is not a status"),
            # a current value edited against the claims
            (
                lambda df: df.assign(
                    status=["expected", "happened", "expected", "happened", "confirmed"]
                ),
                "disagree with the event's claims",
            ),
            # claims that are not Claim objects
            (lambda df: df.assign(claims=[["x"]] * 5), "is not a Claim"),
            # actors that are not a list
            (lambda df: df.assign(actors=[3] * 5), "is not a list of text"),
            # a target that is not a Target
            (lambda df: df.assign(target=["10,000"] * 5), "is not a Target"),
            # a target given as text without its goal
            (
                lambda df: df.drop(columns=["target", "target_goal"]),
                "needs target_goal and target_deadline",
            ),
        ],
    )
    def test_bad_frames(self, change: object, message: str) -> None:
        df = sample().to_pandas()
        with pytest.raises(FrameError, match=message):
            Timeline.from_pandas(change(df))  # type: ignore[operator]

    def test_frame_error_is_a_value_error(self) -> None:
        assert issubclass(FrameError, ValueError)


WHENS = st.one_of(
    st.builds(When.month, st.integers(2020, 2030), st.integers(1, 12)),
    st.builds(When.year, st.integers(2020, 2035)),
    st.builds(When.day, st.integers(2020, 2030), st.integers(1, 12), st.integers(1, 28)),
    st.builds(lambda y, q: When.quarter(y, q), st.integers(2020, 2030), st.integers(1, 4)),
    st.builds(lambda y: When.year(y).by(), st.integers(2020, 2035)),
    st.builds(
        lambda y, m: When.month(y, m).qualify(approximate=True),
        st.integers(2020, 2030),
        st.integers(1, 12),
    ),
)
TARGETS = st.none() | st.builds(
    lambda goal, year: Target("enterprises", f"{goal} enterprises", When.year(year).by()),
    st.integers(1, 10**6),
    st.integers(2026, 2035),
)
FIGURES = st.lists(
    st.builds(
        lambda y, n: Observation(When.year(y), f"{n} enterprises"),
        st.integers(2020, 2030),
        st.integers(0, 10**6),
    ),
    max_size=2,
)


def _event(
    i: int,
    when: When,
    status: Status,
    actors: list[str],
    later: When | None,
    target: Target | None,
    figures: list[Observation],
) -> Event:
    event = Event(
        title=f"event {i}",
        when=when,
        status=status,
        actors=actors,
        target=target,
        observations=figures,
    )
    return event if later is None else event.revise(when=later, stated=dt.date(2026, 1, 1))


EVENTS = st.builds(
    _event,
    st.integers(0, 10_000),
    WHENS,
    st.sampled_from(list(Status)),
    st.lists(st.sampled_from(["Tencent", "DeepSeek", "Meta"]), max_size=2, unique=True),
    st.none() | WHENS,
    TARGETS,
    FIGURES,
)


@settings(max_examples=25, deadline=None)
@given(st.lists(EVENTS, max_size=6, unique_by=lambda e: e.id))
def test_round_trip_property(events: list[Event]) -> None:
    tl = Timeline(events)
    assert Timeline.from_pandas(tl.to_pandas()) == tl


# -- the example notebook -------------------------------------------------------------------


def test_example_notebook_runs(tmp_path: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    path = ROOT / "examples" / "explore.ipynb"
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not cell.get("outputs"), "commit the notebook without outputs"
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    kinds = {key for o in outputs for key in o.get("data", {})}
    assert {"text/html", "image/png"} <= kinds
    html = "".join(o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {}))
    assert 'class="tl-table"' in html  # the timeline table
    assert "dataframe" in html  # the DataFrame
    assert (tmp_path / "ai-race.html").exists()
    assert (tmp_path / "ai-race.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
