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


def examples(modest: int) -> int:
    """``modest`` examples in an ordinary test run, `LONG_EXAMPLES` under ``make fuzz``."""
    return LONG_EXAMPLES if FUZZ else modest
