"""One meaning of "as of" (issue 12 §1): replay the claims stated on or before the day, then judge.

The library (`Event.overdue`, `Event.upcoming`, `Timeline.overdue`, `Timeline.upcoming`),
the command line (``--as-of``) and target status all answer the same question the same way.
"""

from __future__ import annotations

import datetime as _dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data_strategies import timelines
from timeline import Event, Observation, QueryError, Source, Target, TargetError, Timeline
from timeline.cli._main import main
from timeline.dates._duration import within_days

ARTICLE = Source("article", published="2024-01-10")


def _slipped_later() -> Event:
    # Promised for May 2024; on 2024-07-01 (after the day we ask about) moved to 2025.
    return Event(title="Launch", when="2024-05", sources=[ARTICLE]).revise(
        when="2025", stated="2024-07-01"
    )


def _happened_later() -> Event:
    # Expected for March 2024; reported as happened on 2024-09-01.
    return Event(title="Release", when="2024-03", sources=[ARTICLE]).revise(
        status="happened", stated="2024-09-01"
    )


def _announced_later() -> Event:
    # Not announced until 2024-08-01: unknown on 2024-06-01.
    source = Source("later article", published="2024-08-01")
    return Event(title="Secret plan", when="2024-02", sources=[source])


def _timeline() -> Timeline:
    return Timeline([_slipped_later(), _happened_later(), _announced_later()])


class TestEventAsOf:
    def test_overdue_ignores_a_slip_stated_after_the_day(self) -> None:
        # Known on 2024-06-01: May 2024, still expected, so overdue.
        assert _slipped_later().overdue("2024-06-01") is True
        # Once the slip is stated it is no longer overdue.
        assert _slipped_later().overdue("2024-07-02") is False

    def test_overdue_ignores_a_status_stated_after_the_day(self) -> None:
        assert _happened_later().overdue("2024-06-01") is True
        assert _happened_later().overdue("2024-09-02") is False

    def test_an_event_not_yet_announced_is_neither_overdue_nor_upcoming(self) -> None:
        assert _announced_later().overdue("2024-06-01") is False
        assert _announced_later().upcoming("2024-01-15", "1 year") is False

    def test_upcoming_uses_what_was_known(self) -> None:
        # On 2024-04-15 the launch was expected in May 2024: upcoming within 90 days.
        assert _slipped_later().upcoming("2024-04-15") is True
        # On 2024-07-15 it had moved to 2025: not within 30 days.
        assert _slipped_later().upcoming("2024-07-15", "30 days") is False


class TestDurations:
    @pytest.mark.parametrize(
        ("within", "days"),
        [
            ("1 year", 366),  # 2024 is a leap year from 2024-01-15
            ("90 days", 90),
            ("12w", 84),
            ("3 months", 91),  # 15 Jan to 15 Apr 2024
            ("2 weeks", 14),
            (30, 30),
            (_dt.timedelta(days=7), 7),
            # a number alone is days, as the int is (the CLI's "--within 90" was refused);
            # quarters and the short spellings of months and years
            ("90", 90),
            ("2 quarters", 182),  # 15 Jan to 15 Jul 2024
            ("1q", 91),
            ("6 mo", 182),
            ("1 yr", 366),
            ("2 yrs", 731),
        ],
    )
    def test_one_parser(self, within: object, days: int) -> None:
        assert within_days(within, _dt.date(2024, 1, 15)) == days  # type: ignore[arg-type]

    def test_event_upcoming_takes_text_like_the_timeline(self) -> None:
        e = Event(title="x", when="2026-06")
        # issue 12: this raised "invalid literal for int()"
        assert e.upcoming("2026-01-15", "1 year") is True
        assert e.upcoming("2026-01-15", "1 month") is False
        assert [x.id for x in Timeline([e]).upcoming(as_of="2026-01-15", within="1 year")] == ["x"]

    @pytest.mark.parametrize("bad", ["soon", "-3 days", "1.5 years", "", "99999999999999d"])
    def test_bad_durations_are_refused_with_our_error(self, bad: str) -> None:
        with pytest.raises(QueryError, match="within"):
            Event(title="x", when="2026").upcoming("2026-01-15", bad)


class TestTimelineAsOf:
    def test_overdue_replays_claims(self) -> None:
        assert [e.id for e in _timeline().overdue(as_of="2024-06-01")] == ["release", "launch"]
        assert [e.id for e in _timeline().overdue(as_of="2024-10-01")] == ["secret-plan"]

    def test_overdue_shows_the_events_as_known_that_day(self) -> None:
        (launch,) = _timeline().overdue(as_of="2024-06-01").filter(text="Launch")
        assert str(launch.when) == "May 2024"

    def test_upcoming_replays_claims(self) -> None:
        ids = [e.id for e in _timeline().upcoming(as_of="2024-04-15", within="30 days")]
        assert ids == ["launch"]

    def test_equals_as_of_then_judge(self) -> None:
        tl = _timeline()
        for day in ("2024-02-01", "2024-06-01", "2024-07-15", "2024-12-31"):
            known = tl.as_of(day)
            assert tl.overdue(as_of=day) == known.filter(where=lambda e, d=day: e.overdue(d))


class TestLibraryAndCommandAgree:
    @pytest.mark.parametrize("day", ["2024-02-01", "2024-06-01", "2024-07-15", "2024-10-01"])
    @pytest.mark.parametrize("command", ["overdue", "upcoming"])
    def test_same_ids(
        self, tmp_path: object, capsys: pytest.CaptureFixture[str], day: str, command: str
    ) -> None:
        import pathlib

        path = pathlib.Path(str(tmp_path)) / "tracker.yaml"
        tl = _timeline()
        tl.save(path)
        assert main([command, str(path), "--as-of", day, "--json"]) == 0
        from_cli = [row["id"] for row in json.loads(capsys.readouterr().out)]
        if command == "overdue":
            from_library = [e.id for e in tl.overdue(as_of=day)]
        else:
            from_library = [e.id for e in tl.upcoming(as_of=day)]
        assert from_cli == from_library


class TestTargetAsOf:
    def test_target_status_uses_only_figures_known_that_day(self) -> None:
        target = Target("GPUs", "1,000 GPUs", "by 2024-06-30")
        event = Event(
            title="GPU goal",
            when="by 2024-06-30",
            target=target,
            observations=[Observation("2024-05-01", "1,200 GPUs")],
        )
        frame_day = "2024-04-01"  # the figure of May was not known yet
        assert target.status(frame_day, event.observations).value == "pending"
        assert target.status("2024-05-02", event.observations).value == "met"


# -- properties: one meaning of "as of" for any timeline the strategies build ---------------

_DAYS = st.dates(min_value=_dt.date(2020, 1, 1), max_value=_dt.date(2032, 12, 31))


@settings(max_examples=60, deadline=None)
@given(tl=timelines(), day=_DAYS)
def test_queries_judge_what_was_known(tl: Timeline, day: _dt.date) -> None:
    known = tl.as_of(day)
    assert tl.overdue(as_of=day) == known.filter(where=lambda e: e.overdue(day))
    assert tl.upcoming(as_of=day, within="1 year") == known.filter(
        where=lambda e: e.upcoming(day, "1 year")
    )
    for event in tl:
        replayed = event.as_of(day)
        assert event.overdue(day) == (replayed is not None and replayed.overdue(day))
        assert event.upcoming(day, 30) == (replayed is not None and replayed.upcoming(day, 30))


# -- figures as of a day (observations): known once their period ended and they were published --


def _measured() -> Event:
    return Event(
        title="GPU goal",
        when="by 2026-06-30",
        sources=[Source("plan", published="2025-01-10")],
        target=Target("GPUs", "1,000 GPUs", "by 2026-06-30"),
        observations=[
            Observation("2025-11", "400 GPUs"),
            Observation("2026-01", "900 GPUs"),
            Observation("2025-10", "300 GPUs", source=Source("late", published="2026-02-01")),
        ],
    )


class TestObservationsAsOf:
    @pytest.mark.parametrize(
        ("day", "kept"),
        [
            ("2025-12-15", ["400 GPUs"]),  # January's figure and a late report: not known yet
            ("2026-01-31", ["400 GPUs", "900 GPUs"]),  # January over: its figure counts
            ("2026-02-01", ["300 GPUs", "400 GPUs", "900 GPUs"]),  # the late report is out
        ],
    )
    def test_event_as_of_drops_figures_not_known(self, day: str, kept: list[str]) -> None:
        replayed = _measured().as_of(day)
        assert replayed is not None
        assert [str(o.value) for o in replayed.observations] == kept

    def test_timeline_as_of_and_json_drop_them(
        self, tmp_path: object, capsys: pytest.CaptureFixture[str]
    ) -> None:
        import pathlib

        path = pathlib.Path(str(tmp_path)) / "t.yaml"
        Timeline([_measured()]).save(path)
        assert [len(e.observations) for e in Timeline([_measured()]).as_of("2025-12-15")] == [1]
        assert main(["show", str(path), "--as-of", "2025-12-15", "--json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert len(rows[0]["observations"]) == 1

    def test_rule_is_the_target_status_rule(self) -> None:
        o = Observation("2026", "5 x")
        assert not o.known_on("2026-06-01")  # a figure for 2026 is known from 2027
        assert o.known_on("2026-12-31")


# -- a target's baseline as of a day: a figure like the others, known on the same rule ------------


def _keling() -> Event:
    """Stated on 15 March 2026, with a baseline for March (known once March is over)."""
    return Event(
        title="KeLing ARR",
        when="by 2026",
        sources=[Source("article", published="2026-03-15")],
        target=Target(
            "KeLing AI ARR", "$600 million", "2026", baseline=Observation("2026-03", "$300 million")
        ),
    )


def _cut() -> Event:
    """A falling target ("cut to 5%") whose baseline's source came out later."""
    late = Source("statistics office", published="2026-02-01")
    return Event(
        title="Error rate",
        when="by 2030",
        target=Target("error rate", "5%", "2030", baseline=Observation("2025", "12%", source=late)),
        observations=[Observation("2025-06", "4%")],
    )


class TestBaselineAsOf:
    @pytest.mark.parametrize(
        ("day", "baseline"),
        [
            ("2026-03-20", None),  # the event is known, March's figure is not yet
            ("2026-03-31", "$300 million"),  # March is over: the baseline is known
            ("2026-06-01", "$300 million"),
        ],
    )
    def test_event_as_of_drops_a_baseline_not_known(self, day: str, baseline: str | None) -> None:
        replayed = _keling().as_of(day)
        assert replayed is not None and replayed.target is not None
        got = replayed.target.baseline
        assert (None if got is None else str(got.value)) == baseline
        # the rest of the target is as stated
        assert (replayed.target.metric, str(replayed.target.goal)) == (
            "KeLing AI ARR",
            "$600 million",
        )
        assert Timeline([_keling()]).as_of(day)[0] == replayed

    def test_target_as_of_is_the_rule(self) -> None:
        target = _keling().target
        assert target is not None
        assert target.as_of("2026-03-20").baseline is None
        assert target.as_of("2026-04-01") is target  # nothing to drop: the same target
        no_baseline = Target("x", "5 x", "2030")
        assert no_baseline.as_of("2020-01-01") is no_baseline

    def test_status_judges_the_target_as_known_that_day(self) -> None:
        # Direction comes from the baseline (12% down to 5%); before the baseline was
        # published the target as known was "5% by 2030", which a 4% figure does not
        # show met; once it is, 4% meets the cut. The as-of view and status agree.
        event = _cut()
        target = event.target
        assert target is not None
        for day, status in [("2026-01-15", "pending"), ("2026-02-01", "met")]:
            replayed = event.as_of(day)
            assert replayed is not None and replayed.target is not None
            assert target.status(day, event.observations).value == status
            assert replayed.target.status(day, replayed.observations).value == status

    def test_describe_as_of_says_what_was_known(self) -> None:
        target = _keling().target
        assert target is not None
        assert "from $300 million" in target.describe()
        early = target.describe([Observation("2026-05", "$450 million")], as_of="2026-03-20")
        assert "$300 million" not in early and "$450 million" not in early
        later = target.describe([Observation("2026-05", "$450 million")], as_of="2026-06-01")
        assert "from $300 million" in later and "50% of the way ($450 million" in later

    def test_cli_json_leaves_it_out(
        self, tmp_path: object, capsys: pytest.CaptureFixture[str]
    ) -> None:
        import pathlib

        path = pathlib.Path(str(tmp_path)) / "t.yaml"
        Timeline([_keling()]).save(path)
        assert main(["show", str(path), "--as-of", "2026-03-20", "--json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert rows[0]["target"].get("baseline") is None  # left out, as a file leaves it out
        assert rows[0]["target"]["goal"] == "$600 million"
        assert main(["show", str(path), "--as-of", "2026-04-01", "--json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert rows[0]["target"]["baseline"]["value"] == "$300 million"

    def test_the_frame_leaves_it_out(self) -> None:
        pd = pytest.importorskip("pandas")
        early = Timeline([_keling()]).to_pandas(as_of="2026-03-20")
        assert pd.isna(early["last_observation"][0])  # it fell back on the unknown baseline
        later = Timeline([_keling()]).to_pandas(as_of="2026-04-01")
        assert "$300 million" in later["last_observation"][0]

    def test_the_page_leaves_it_out(self, tmp_path: object) -> None:
        pytest.importorskip("matplotlib")
        import pathlib

        out = pathlib.Path(str(tmp_path)) / "p.html"
        Timeline([_keling()]).to_html(out, as_of="2026-03-20")
        assert "$300 million" not in out.read_text(encoding="utf-8")
        Timeline([_keling()]).to_html(out, as_of="2026-04-01")
        assert "$300 million" in out.read_text(encoding="utf-8")


@settings(max_examples=80, deadline=None)
@given(tl=timelines(), day=_DAYS)
def test_nothing_known_is_dated_after_the_day(tl: Timeline, day: _dt.date) -> None:
    for event in tl:
        replayed = event.as_of(day)
        if replayed is None:
            continue
        for o in replayed.observations:
            assert o.when.earliest is None or _day(o.when.earliest) <= day
            assert o.when.latest is not None and _day(o.when.latest) <= day
            published = o.source.published if o.source else None
            assert (
                published is None or published.earliest is None or (_day(published.earliest) <= day)
            )
        # every figure known that day is kept
        assert len(replayed.observations) == sum(o.known_on(day) for o in event.observations)
        # and a target's baseline is a figure like the others: there exactly when known
        if event.target is not None:
            assert replayed.target is not None
            baseline = event.target.baseline
            expected = baseline if baseline is not None and baseline.known_on(day) else None
            assert replayed.target.baseline == expected
            # the target as known judges as the target does on that day (or refuses alike:
            # a figure in another unit)
            assert _status(replayed.target, day, replayed.observations) == _status(
                event.target, day, event.observations
            )


def _status(target: Target, day: _dt.date, observations: tuple[Observation, ...]) -> str:
    try:
        return target.status(day, observations).value
    except TargetError as err:
        return f"refused: {err}"


def _day(point: object) -> _dt.date:
    if isinstance(point, _dt.datetime):
        return point.date()
    assert isinstance(point, _dt.date)
    return point
