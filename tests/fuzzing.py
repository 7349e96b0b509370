"""How long the fuzz and round-trip properties run: modest in `make test`, long in `make fuzz`.

`make fuzz` sets ``HYPOTHESIS_PROFILE=fuzz`` (the profile is registered in
tests/conftest.py); then every property that asks `examples` runs thousands of
examples instead of dozens.
"""

from __future__ import annotations

import os

FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
"""True when the long fuzz run was asked for."""

LONG_EXAMPLES = 5_000


def examples(modest: int, long: int = LONG_EXAMPLES) -> int:
    """``modest`` examples in an ordinary test run, ``long`` under ``make fuzz``.

    Properties whose examples are slow (whole hostile timelines through every format)
    ask for fewer than `LONG_EXAMPLES`, so ``make fuzz`` ends in reasonable time.
    """
    return long if FUZZ else modest
