"""Figures: quantities with units and bounds, observations, growth, targets, sources.

`Quantity` ("over $300 million", "10,000 enterprises"), `Observation` (a figure
at a time), `growth` between two observations, and `Target` (a goal with a
deadline and its progress). `Source` is the citation that observations and
claims share. Imports only `timeline.dates` (and the error family).

>>> from timeline.figures import Quantity
>>> Quantity.parse("$600 million").value
Decimal('600000000')
"""

from __future__ import annotations

from timeline._errors import QuantityError, TargetError
from timeline.figures._growth import Growth, Observation, growth
from timeline.figures._quantity import Bound, Quantity
from timeline.figures._source import Source
from timeline.figures._target import Target, TargetStatus

__all__ = [
    "Bound",
    "Growth",
    "Observation",
    "Quantity",
    "QuantityError",
    "Source",
    "Target",
    "TargetError",
    "TargetStatus",
    "growth",
]
