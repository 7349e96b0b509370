"""The bundled AI-race dataset: complete, sourced, honest about its dates, and lossless."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pendulum
import pytest

from csv_notes import csv_notes
from ics_check import check_feed
from timeline import Quantity, Status, Timeline, When, datasets, file_schema
from timeline.formats import _io
from timeline.formats._yaml import read

ARTICLE = "What Tencent’s Open AI Ecosystem and Model Race Reveal About the Global AI Shift"
PUBLISHER = "AI Large-Model Wave and Transformation Guide"
# The article has no date; it reports the late-March 2026 Bo'ao Forum as past.
PUBLISHED = When.month(2026, 3).qualify(approximate=True)


@pytest.fixture(scope="module")
def tl() -> Timeline:
    return datasets.ai_race_2026()


def _raw() -> dict[str, Any]:
    text = resources.files("timeline").joinpath("data", "ai_race_2026.yaml").read_text("utf-8")
    data, _ = read(text)
    assert isinstance(data, dict)
    return data


class TestShape:
    def test_loads_with_name_and_every_statement(self, tl: Timeline) -> None:
        assert tl.name == "AI race 2026"
        assert tl.description
        assert len(tl) == 31

    def test_is_cached_and_immutable(self, tl: Timeline) -> None:
        assert datasets.ai_race_2026() is tl

    def test_events_are_in_timeline_order(self, tl: Timeline) -> None:
        keys = [(e.when.sort_key, e.id) for e in tl]
        assert keys == sorted(keys)

    def test_every_event_cites_the_article_with_a_short_quote(self, tl: Timeline) -> None:
        for event in tl:
            assert len(event.sources) == 1, event.id
            source = event.sources[0]
            assert (source.title, source.publisher, source.url) == (ARTICLE, PUBLISHER, None)
            assert source.published == PUBLISHED, event.id
            assert source.quote, event.id
            assert len(source.quote) <= 160, event.id  # a short extract, not a paragraph

    def test_related_ids_exist_and_point_both_ways(self, tl: Timeline) -> None:
        for event in tl:
            for other in event.related:
                assert other in tl, (event.id, other)
                assert event.id in tl[other].related, (event.id, other)

    def test_matches_the_shipped_json_schema(self) -> None:
        import jsonschema

        jsonschema.validate(_raw(), file_schema(), cls=jsonschema.Draft202012Validator)


class TestStatements:
    @pytest.mark.parametrize(
        ("id", "when", "status"),
        [
            # slated for an April release; the year is that of publication
            ("tencent-hybrid-model-3-release", When.month(2026, 4), Status.EXPECTED),
            ("deepseek-v4-release", When.month(2026, 4), Status.EXPECTED),
            # the 15th Five-Year Plan ends in 2030
            ("china-ai-industry-10-trillion-cny", When.year(2030).by(), Status.EXPECTED),
            ("guangzhou-10000-ai-plus-enterprises", When.year(2030).by(), Status.EXPECTED),
            ("guangzhou-national-smart-devices", When.year(2030).by(), Status.EXPECTED),
            ("keling-ai-600m-arr-by-2026", When.year(2026).by(), Status.EXPECTED),
            # reached by March 2025, per the National Data Administration
            ("china-daily-token-calls", When.month(2025, 3).by(), Status.HAPPENED),
            # only the year is given for the forum
            # the year the article names, up to its publication: it had happened by then
            (
                "boao-forum-2026",
                When.interval(When.month(2026, 1), When.month(2026, 3).qualify(approximate=True)),
                Status.HAPPENED,
            ),
            # news of the week of publication
            ("openai-sora-shutdown", PUBLISHED, Status.HAPPENED),
            ("keling-ai-300m-arr", PUBLISHED, Status.HAPPENED),
            ("meta-ai-hiring-freeze", PUBLISHED, Status.HAPPENED),
        ],
    )
    def test_date_and_status(self, tl: Timeline, id: str, when: When, status: Status) -> None:
        assert (tl[id].when, tl[id].status) == (when, status)

    @pytest.mark.parametrize(
        "id",
        [
            "apple-siri-opens-to-other-assistants",
            "beijing-ai-association-launch",
            "zhongguancun-open-source-ai-alliance-launch",
            "wechat-opens-to-third-party-agents",
            "anthropic-funding-up-to-10-billion",
        ],
    )
    def test_undated_expectations_are_open_from_publication(self, tl: Timeline, id: str) -> None:
        # No invented date: from publication onward, with no known end.
        event = tl[id]
        assert event.status is Status.EXPECTED
        assert event.when == When.interval(PUBLISHED, "open")
        assert event.when.latest is None

    def test_nothing_reported_as_done_lies_after_publication(self, tl: Timeline) -> None:
        last = pendulum.date(2026, 4, 30)  # the fuzzy end of "about March 2026"
        for event in tl.filter(status="happened"):
            assert event.when.earliest is None or event.when.earliest <= last, event.id

    def test_every_date_reads_as_words(self, tl: Timeline) -> None:
        # Tables, feeds and the HTML page show str(when): no EDTF marks, no bare "..".
        texts = {str(e.when) for e in tl}
        assert {"until c. March 2026", "from c. March 2026 onwards"} <= texts
        for text in texts:
            assert ".." not in text and "~" not in text and "/" not in text, text

    def test_the_clash_is_linked(self, tl: Timeline) -> None:
        assert "deepseek-v4-release" in tl["tencent-hybrid-model-3-release"].related
        assert "keling-ai-300m-arr" in tl["openai-sora-shutdown"].related


class TestFigures:
    """The figures of issue 6 §3, read into Quantity, Observation and Target."""

    @pytest.mark.parametrize(
        ("id", "values"),
        [
            (
                "china-daily-token-calls",
                [
                    Quantity(10**12, "tokens per day"),
                    Quantity(140 * 10**12, "tokens per day", bound="more_than"),
                ],
            ),
            (
                "meta-texas-data-center-investment-doubled",
                [Quantity(5 * 10**9, "USD"), Quantity(10 * 10**9, "USD")],
            ),
            ("anthropic-funding-up-to-10-billion", [Quantity(10 * 10**9, "USD", bound="at_most")]),
            ("keling-ai-300m-arr", [Quantity(300 * 10**6, "USD", bound="more_than")]),
        ],
    )
    def test_observations(self, tl: Timeline, id: str, values: list[Quantity]) -> None:
        assert sorted(o.value for o in tl[id].observations) == sorted(values)

    def test_observation_text_in_the_file(self) -> None:
        event = next(e for e in _raw()["events"] if e["id"] == "china-daily-token-calls")
        assert [(o["when"], o["value"]) for o in event["observations"]] == [
            ("start of 2024", "1 trillion tokens per day"),
            ("by March 2025", "over 140 trillion tokens per day"),
        ]

    @pytest.mark.parametrize(
        ("id", "goal", "deadline"),
        [
            (
                "china-ai-industry-10-trillion-cny",
                Quantity(10 * 10**12, "CNY", bound="more_than"),
                When.year(2030).by(),
            ),
            (
                "guangzhou-10000-ai-plus-enterprises",
                Quantity(10_000, "enterprises"),
                When.year(2030).by(),
            ),
            (
                "guangzhou-national-smart-devices",
                Quantity.range(2, 3, "devices"),
                When.year(2030).by(),
            ),
            ("keling-ai-600m-arr-by-2026", Quantity(600 * 10**6, "USD"), When.year(2026).by()),
        ],
    )
    def test_targets(self, tl: Timeline, id: str, goal: Quantity, deadline: When) -> None:
        target = tl[id].target
        assert target is not None
        assert (target.goal, target.deadline) == (goal, deadline)

    def test_meta_growth_reads_as_a_doubling(self, tl: Timeline) -> None:
        # The earlier figure has no date ("until c. March 2026"); it still comes first.
        text = str(tl["meta-texas-data-center-investment-doubled"])
        assert "Growth: 2× from $5 billion (until c. March 2026) to $10 billion" in text

    def test_keling_target_starts_from_the_reported_arr(self, tl: Timeline) -> None:
        target = tl["keling-ai-600m-arr-by-2026"].target
        assert target is not None and target.baseline is not None
        assert target.baseline.value == Quantity(300 * 10**6, "USD", bound="more_than")

    def test_the_thousand_fold_claim_sits_beside_the_computed_figure(self, tl: Timeline) -> None:
        event = tl["china-daily-token-calls"]
        assert "more than a thousand‑fold" in (event.sources[0].quote or "")
        assert "about 140x" in (event.description or "")
        start, end = sorted(event.observations, key=lambda o: o.when)
        assert end.value.minimum / start.value.value == 140  # type: ignore[operator]


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
    def test_every_format(self, tl: Timeline, fmt: _io.Format) -> None:
        with csv_notes(tl, f"ai.{fmt}"):  # CSV says it leaves the name behind
            text = _io.dumps(tl, fmt)
        back = _io.loads(text, fmt)
        assert back.events == tl.events

    def test_file_on_disk(self, tl: Timeline, tmp_path: Any) -> None:
        path = tmp_path / "ai.yaml"
        tl.save(path)
        assert Timeline.load(path) == tl


class TestFeed:
    def test_exports_a_clean_feed_with_every_event(self, tl: Timeline) -> None:
        feed = tl.to_ics(domain="example.org")
        calendar = check_feed(feed)  # read by the independent icalendar package
        events = calendar.walk("VEVENT")
        assert [str(e["UID"]) for e in events] == [f"{e.id}@example.org" for e in tl]
        assert str(calendar["X-WR-CALNAME"]) == "AI race 2026"
        # expected events are tentative, with the date in words in the summary
        hybrid = next(e for e in events if str(e["UID"]).startswith("tencent-hybrid-model-3-rel"))
        assert str(hybrid["STATUS"]) == "TENTATIVE"
        assert str(hybrid["SUMMARY"]) == "Tencent Hybrid Model 3.0 release (expected April 2026)"
        assert Timeline.from_ics(feed) == tl
