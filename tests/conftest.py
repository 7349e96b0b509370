"""Hypothesis profiles: ``fuzz`` (``make fuzz``) runs the properties long; ``make test`` runs
them at their set sizes. Neither has a deadline: a property checks answers, and on a busy
2-core machine one example can take 263 ms once and 0.4 ms the next (a flaky failure, not
a wrong answer). Speed is measured by the benchmarks in ``benchmarks/``."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from fuzzing import FUZZ, LONG_EXAMPLES

settings.register_profile(
    "fuzz",
    max_examples=LONG_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("test", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("fuzz" if FUZZ else "test")
