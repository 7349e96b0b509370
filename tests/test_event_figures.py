"""Figures on events and timelines: targets, observations, series and their text."""

from __future__ import annotations

import pytest

from timeline import (
    Event,
    EventError,
    Observation,
    Target,
    Timeline,
    When,
)
from timeline.model._figures import figures_text

TOKENS = "daily token calls"
MARCH = str(When.month(2026, 3))  # as the formatter writes it


def token_event() -> Event:
    return Event(
        title="Daily token calls",
        when="2025-03",
        status="happened",
        # given out of order: the event keeps them in time order
        observations=[
            Observation(When.month(2025, 3).by(), "over 140 trillion tokens per day"),
            Observation(When.day(2024, 1, 1), "1 trillion tokens per day"),
        ],
    )


def keling_event() -> Event:
    return Event(
        title="KeLing AI reaches $600M ARR",
        id="keling-arr",
        when="2026",
        actors=["Kuaishou"],
        target=Target(
            "KeLing AI ARR",
            "$600 million",
            When.year(2026).by(),
            baseline=Observation(When.month(2026, 3), "over $300 million"),
        ),
    )


def guangzhou_event() -> Event:
    return Event(
        title="Guangzhou AI-plus enterprises",
        when="2030",
        target=Target("AI-plus enterprises in Guangzhou", "10,000 enterprises", When.year(2030)),
    )


class TestEventFields:
    def test_defaults(self) -> None:
        event = Event(title="x", when="2026")
        assert event.target is None
        assert event.observations == ()
        assert figures_text(event) == []
        assert str(event) == "2026  expected  -  x"

    def test_observations_in_time_order(self) -> None:
        values = [str(o.value) for o in token_event().observations]
        assert values == ["1 trillion tokens per day", "over 140 trillion tokens per day"]

    @pytest.mark.parametrize(
        ("whens", "order"),
        [
            # a deadline sits at its deadline: after the plain value it ends after
            (["by March 2025", "early 2024"], ["early 2024", "by March 2025"]),
            # a figure held until a time comes before the one observed at that time
            (["c. March 2026", "until c. March 2026"], ["until c. March 2026", "c. March 2026"]),
            (["March 2026", "until March 2026"], ["until March 2026", "March 2026"]),
            # ... and an open end after it
            (["from March 2026 onwards", "March 2026"], ["March 2026", "from March 2026 onwards"]),
            # plain values: by their dates
            (["2026", "2025"], ["2025", "2026"]),
        ],
    )
    def test_series_order(self, whens: list[str], order: list[str]) -> None:
        observations = [Observation(w, f"{i} x") for i, w in enumerate(whens)]
        event = Event(title="x", when="2026", observations=observations)
        assert [str(o.when) for o in event.observations] == order
        assert [str(o.when) for o in Timeline([event]).observations("x")] == order

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"target": "10,000 enterprises by 2030"}, "is not a Target"),  # text, not a Target
            ({"observations": ["1 trillion"]}, "is not an Observation"),
        ],
    )
    def test_invalid(self, kwargs: dict[str, object], message: str) -> None:
        with pytest.raises(EventError, match=message):
            Event(title="x", when="2026", **kwargs)  # type: ignore[arg-type]

    def test_repr_shows_figures(self) -> None:
        assert "target=Target(metric='KeLing AI ARR'" in repr(keling_event())

    def test_revise_keeps_figures(self) -> None:
        event = keling_event().revise(stated="2026-06-01", note="still on course")
        assert event.target == keling_event().target


class TestFiguresText:
    def test_observations_and_growth(self) -> None:
        lines = figures_text(token_event())
        assert lines[0] == (
            f"Figures: 1 trillion tokens per day ({When.day(2024, 1, 1)}); "
            f"over 140 trillion tokens per day ({When.month(2025, 3).by()})"
        )
        assert lines[1].startswith("Growth: over 140× from 1 trillion tokens per day")
        assert lines[1].endswith("at least 5,182% a year")
        assert len(lines) == 2

    def test_target_with_baseline(self) -> None:
        assert figures_text(keling_event()) == [
            f"Target: $600 million {When.year(2026).by()} (KeLing AI ARR); "
            f"from over $300 million ({MARCH}); 0% of the way (over $300 million ({MARCH}))"
        ]

    def test_target_without_figures(self) -> None:
        assert figures_text(guangzhou_event()) == [
            "Target: 10,000 enterprises by 2030 (AI-plus enterprises in Guangzhou)"
        ]

    def test_status_when_asked(self) -> None:
        event = Event(
            title="g",
            when="2030",
            target=Target("m", "10,000 x", When.year(2030)),
            observations=[Observation(When.year(2030), "8,000 x")],
        )
        assert figures_text(event, as_of="2031-06-01")[0].endswith(
            "; 80% of the way (8,000x (2030)); missed"  # a multiple: "8,000x"
        )

    def test_incomparable_figures_still_print(self) -> None:
        event = Event(
            title="g",
            when="2030",
            observations=[Observation(When.year(2024), "5 x"), Observation(When.year(2025), "$5")],
        )
        assert figures_text(event) == ["Figures: 5x (2024); $5 (2025)"]  # a multiple: "5x"

    def test_str_adds_indented_figure_lines(self) -> None:
        text = str(keling_event()).splitlines()
        assert text[0].endswith("KeLing AI reaches $600M ARR")
        assert text[1].startswith("    Target: $600 million")


class TestTimelineFigures:
    def timeline(self) -> Timeline:
        return Timeline(
            [token_event(), keling_event(), guangzhou_event(), Event(title="x", when="2026")]
        )

    def test_targets_is_a_timeline(self) -> None:
        targets = self.timeline().targets()
        assert isinstance(targets, Timeline)
        assert sorted(e.id for e in targets) == ["guangzhou-ai-plus-enterprises", "keling-arr"]

    @pytest.mark.parametrize(
        ("metric", "expected"),
        [
            # by title, case-insensitively
            (TOKENS, ["1 trillion tokens per day", "over 140 trillion tokens per day"]),
            # by id
            (
                "daily-token-calls",
                ["1 trillion tokens per day", "over 140 trillion tokens per day"],
            ),
            # by target metric: the baseline is the first figure
            ("keling ai arr", ["over $300 million"]),
            ("nothing like it", []),
        ],
    )
    def test_observations(self, metric: str, expected: list[str]) -> None:
        assert [str(o.value) for o in self.timeline().observations(metric)] == expected

    def test_series_merges_events_and_drops_duplicates(self) -> None:
        later = Event(
            title="Daily token calls 2026",
            id="tokens-2026",
            when="2026",
            target=Target(TOKENS, "over 200 trillion tokens per day", When.year(2026)),
            observations=[
                Observation(When.day(2024, 1, 1), "1 trillion tokens per day"),  # same figure
                Observation(When.month(2026, 1), "180 trillion tokens per day"),
            ],
        )
        series = Timeline([token_event(), later]).observations(TOKENS)
        assert [str(o.value) for o in series] == [
            "1 trillion tokens per day",
            "over 140 trillion tokens per day",
            "180 trillion tokens per day",
        ]

    def test_diff_sees_figure_changes(self) -> None:
        old = Timeline([guangzhou_event()])
        event = guangzhou_event()
        new = Timeline(
            [
                Event(
                    title=event.title,
                    when="2030",
                    target=event.target,
                    observations=[Observation(When.year(2026), "2,000 enterprises")],
                )
            ]
        )
        changed = old.diff(new).changed
        assert [c.id for c in changed] == [event.id]
        assert set(changed[0].fields) == {"observations"}


class TestCalendarDescription:
    def test_feed_description_carries_the_figures(self) -> None:
        from icalendar import Calendar

        feed = Timeline([keling_event(), token_event()]).to_ics(name="Figures")
        events = {
            str(c["UID"]).split("@")[0]: str(c["DESCRIPTION"])
            for c in Calendar.from_ical(feed).walk("VEVENT")
        }
        keling, tokens = events["keling-arr"], events["daily-token-calls"]
        assert figures_text(keling_event())[0] in keling.splitlines()
        assert "\n\nTarget: $600 million" in keling
        assert figures_text(token_event()) == tokens.splitlines()[-2:]

    def test_events_without_figures_are_unchanged(self) -> None:
        feed = Timeline([Event(title="x", when="2026")]).to_ics(name="Plain")
        assert "Target:" not in feed and "Figures:" not in feed
