"""Hypothesis profiles: ``fuzz`` (``make fuzz``) runs the properties long, without deadlines."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from fuzzing import FUZZ, LONG_EXAMPLES

settings.register_profile(
    "fuzz",
    max_examples=LONG_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
if FUZZ:
    settings.load_profile("fuzz")
