"""A target whose baseline already sits at its goal: no way to go, so no share of it.

`Target.progress` is the share of the way from baseline (0) to goal (1). With the two equal
the way is zero: a figure reaching the goal is all the way (1, as `Target.status` says met),
and one falling short has no share to give (an error naming why), never 0 while met.
"""

from __future__ import annotations

import pytest

from timeline import Event, Observation, Target, TargetError, Timeline

pytest.importorskip("pandas")


def target() -> Target:
    return Target("capacity", "10 GW", "2026", baseline=Observation("2024", "10,000 MW"))


class TestZeroWay:
    @pytest.mark.parametrize("value", ["10 GW", "12 GW", "over 10 GW", "10000 MW"])
    def test_a_figure_reaching_it_is_all_the_way(self, value: str) -> None:
        assert target().progress(Observation("2025", value)).midpoint == 1  # was 0, or an error

    @pytest.mark.parametrize("value", ["8 GW", "under 10 GW"])
    def test_a_figure_short_of_it_names_why(self, value: str) -> None:
        with pytest.raises(TargetError, match=r"baseline .* is the goal"):
            target().progress(Observation("2025", value))

    def test_the_frame_agrees_with_the_status(self) -> None:
        goal = Event(title="g", when="2026", target=target(),
                     observations=[Observation("2025", "10 GW")])  # fmt: skip
        row = Timeline([goal]).to_pandas(as_of="2026-01-05").iloc[0]
        assert (row["target_status"], row["target_progress"]) == ("met", 1.0)  # was 0.0
