"""`timeline.extract`: "by X to Y" after a verb of change is a change and a level.

"Acme will raise output by 200 tonnes to 900 tonnes by 2028": the unit said on both
ends makes two figures, a change of 200 tonnes and the level of 900 tonnes it reaches;
the goal is the level. "cut emissions by 40% to 50%" (percent on both ends: a change of
a share, not a level in percent) and "by 200 to 900 tonnes" (the unit said once) stay
one range of the change, as "$18.5 billion to $19 billion" with no "by" stays a range.
"""

from __future__ import annotations

import pytest

from timeline.extract import extract
from timeline.figures import Bound

REFERENCE = "2026-03-01"

LEVELS = [
    # a verb of change, the change and the level with their unit
    ("Acme will raise output by 200 tonnes to 900 tonnes by 2028.", "900 tonnes"),
    ("Acme will raise capacity by 2 GW to 10 GW by 2030.", "10 GW"),
    ("Acme will increase revenue by $2 billion to $10 billion by 2030.", "$10 billion"),
    # a cut: the level is below the change's start
    ("Acme will cut its workforce by 1,500 workers to 8,000 workers by 2027.", "8,000 workers"),
    ("The city aims to grow its fleet by 300 buses to 1,200 buses by 2029.", "1,200 buses"),
]


@pytest.mark.parametrize(("text", "goal"), LEVELS)
def test_change_by_then_level_to(text: str, goal: str) -> None:
    (d,) = extract(text, reference=REFERENCE)
    assert d.target is not None
    assert d.target.goal.bound is not Bound.RANGE
    assert str(d.target.goal) == goal
    # the change is no level measured earlier
    assert d.target.baseline is None


RANGES = [
    # percent on both ends: a range of the cut
    ("Acme will cut emissions by 40% to 50% by 2030.", "40–50%"),
    # the unit said once: a range of the rise
    ("Acme will raise output by 200 to 900 tonnes by 2028.", "200–900 tonnes"),
    # no "by": a range of the level
    ("Acme expects revenue of $18.5 billion to $19 billion in 2026.", "$18.5–19 billion"),
]


@pytest.mark.parametrize(("text", "goal"), RANGES)
def test_ranges_stay(text: str, goal: str) -> None:
    (d,) = extract(text, reference=REFERENCE)
    assert d.target is not None
    assert d.target.goal.bound is Bound.RANGE
    assert str(d.target.goal) == goal
