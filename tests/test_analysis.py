"""Analysis at hand (issue 12 §6): to_pandas's derived columns, Timeline.replace and remove."""

from __future__ import annotations

import pytest

from timeline import Event, Observation, Source, Target, Timeline

pd = pytest.importorskip("pandas")

ARTICLE = Source("article", published="2024-01-10")


def _tracker() -> Timeline:
    late = (
        Event(title="Fab opens", when="2024-06", kind="chips", sources=[ARTICLE])
        .revise(when="2024-12", stated="2024-05-01")
        .revise(when="2025-02-10", status="happened", stated="2025-02-10")
    )
    on_time = Event(title="Model release", when="2024-03", kind="ai", sources=[ARTICLE]).revise(
        when="2024-03-20", status="happened", stated="2024-03-20"
    )
    open_one = Event(title="Robotaxi launch", when="2024-09", kind="ai", sources=[ARTICLE])
    goal = Event(
        title="GPU goal",
        when="by 2024-12",
        kind="chips",
        target=Target("GPUs", "more than 1,000 GPUs", "2024-12"),
        observations=[Observation("2024-04", "800 GPUs"), Observation("2024-11", "1,200 GPUs")],
    )
    return Timeline([late, on_time, open_one, goal])


class TestToPandas:
    def test_new_columns(self) -> None:
        df = _tracker().to_pandas(as_of="2025-03-01").set_index("id")
        assert df.loc["fab-opens", "delay_days"] == 225  # 2024-06-30 to 2025-02-10
        assert df.loc["model-release", "delay_days"] == 0
        assert pd.isna(df.loc["robotaxi-launch", "delay_days"])
        assert df.loc["fab-opens", "revisions"] == 2
        assert bool(df.loc["fab-opens", "slipped"]) is True
        assert bool(df.loc["robotaxi-launch", "overdue"]) is True
        assert bool(df.loc["model-release", "overdue"]) is False
        assert df.loc["gpu-goal", "target_status"] == "met"
        assert df.loc["gpu-goal", "target_progress"] == pytest.approx(1.2)
        assert str(df["delay_days"].dtype) == "Int64"

    def test_average_slip_by_sector_is_one_groupby(self) -> None:
        df = _tracker().to_pandas(as_of="2025-03-01")
        means = df.groupby("kind", observed=True)["delay_days"].mean()
        # chips: the fab 225 days late, the GPU goal reached in November for December: 0,
        # as the track record counts it kept (was 225: the goal had no delay in the frame)
        assert means["chips"] == 112.5 and means["ai"] == 0

    def test_as_of_replays_what_was_known(self) -> None:
        df = _tracker().to_pandas(as_of="2024-07-15").set_index("id")
        # on 2024-07-15 the fab was expected in December: not overdue, not happened
        assert bool(df.loc["fab-opens", "overdue"]) is False
        assert df.loc["fab-opens", "when"] == "December 2024"
        assert pd.isna(df.loc["fab-opens", "delay_days"])
        # the November figure was not known yet: pending, 80% of the way
        assert df.loc["gpu-goal", "target_status"] == "pending"
        assert df.loc["gpu-goal", "target_progress"] == pytest.approx(0.8)

    def test_without_a_day_overdue_and_status_are_missing(self) -> None:
        df = _tracker().to_pandas()
        assert df["overdue"].isna().all() and df["target_status"].isna().all()
        assert df["revisions"].tolist() == [1, 0, 0, 2]

    def test_round_trip_ignores_derived_columns(self) -> None:
        tl = _tracker()
        assert Timeline.from_pandas(tl.to_pandas(as_of="2025-03-01")) == tl


class TestReplaceRemove:
    def test_replace(self) -> None:
        tl = _tracker()
        new = tl["robotaxi-launch"].revise(when="2025-03", stated="2024-08-01")
        replaced = tl.replace(new)
        assert replaced["robotaxi-launch"] == new and len(replaced) == len(tl)
        assert tl["robotaxi-launch"] != new  # the original is unchanged

    def test_replace_unknown_id(self) -> None:
        with pytest.raises(KeyError, match="nope"):
            _tracker().replace(Event(title="nope", when="2026"))

    def test_remove(self) -> None:
        tl = _tracker()
        assert "gpu-goal" not in tl.remove("gpu-goal") and len(tl.remove("gpu-goal")) == 3
        assert len(tl.remove(tl["gpu-goal"])) == 3
        with pytest.raises(KeyError, match="nope"):
            tl.remove("nope")


def test_a_figure_in_another_unit_leaves_progress_missing_not_an_error() -> None:
    goal = Event(
        title="GPU goal",
        when="2026",
        target=Target("GPUs", "1,000 GPUs", "2026"),
        observations=[Observation("2025-01", "5 MW")],
    )
    df = Timeline([goal]).to_pandas(as_of="2027-02-01")
    assert pd.isna(df.loc[0, "target_progress"]) and df.loc[0, "target_status"] == "unknown"
