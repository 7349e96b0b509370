"""Targets: goals with deadlines, and what the observed figures say about them.

A `Target` is a goal `Quantity` with a deadline (`When`; its latest day counts)
and an optional baseline `Observation` ("10,000 AI-plus enterprises by 2030";
"$600 million ARR by 2026, from over $300 million"). From it and the observations
of its metric (see `timeline.figures._growth`):

* `Target.progress` — the share of the way from baseline to goal (0 at the
  baseline, 1 at the goal; measured from zero when there is no baseline).
* `Target.required_growth` and `Target.on_track` — the pace needed and whether an
  observation keeps it.
* `Target.status` — "met", "missed", "pending" or "unknown", honest about bounds:
  an "at least" figure can show a target was met but never that it was missed; an
  "at most" figure the reverse.

The baseline is the reference point progress and pace are measured from: its
stated figure counts (a range's midpoint), not its bound. A target whose goal is
below its baseline, or an "at most" goal without a baseline, is a falling target
("cut to under 5%"); reaching it means getting down to the goal.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from timeline._errors import QuantityError, TargetError, not_a_member, quoted
from timeline.dates._bounds import Point, _cmp, _key
from timeline.dates._masks import first_readings, over_before
from timeline.dates._precision import Relation
from timeline.dates._relations import _holders, _readings
from timeline.dates._when import When
from timeline.figures._growth import (
    Growth,
    Observation,
    _span,
    _to_day,
    _to_quantity,
    _to_when,
    growth,
    series_order,
)
from timeline.figures._percent import share_text
from timeline.figures._quantity import Bound, Quantity
from timeline.figures._temperature import offset_level
from timeline.figures._text import checked_text

__all__ = ["Target", "TargetStatus"]


class TargetStatus(enum.StrEnum):
    """Where a target stands on a day; compares equal to its value ("met").

    >>> TargetStatus.MET == "met"
    True
    """

    MET = "met"  # an observation by the deadline shows the goal reached
    MISSED = "missed"  # past the deadline, and a figure for the deadline period falls short
    PENDING = "pending"  # not met yet, and the deadline has not passed
    UNKNOWN = "unknown"  # past the deadline, and the figures cannot tell

    @classmethod
    def _missing_(cls, value: object) -> TargetStatus:
        # Python's own "5 is not a valid TargetStatus" names no fix: ours lists the values.
        raise not_a_member(cls, value, "a target status", TargetError)


def _observation(value: object, owner: str) -> Observation:
    """``value`` if it is an `Observation`; else a `TargetError` naming ``owner``."""
    if isinstance(value, Observation):
        return value
    raise TargetError(
        f"{owner}: expected an Observation (Observation('2026', '5 units'), say), "
        f"got {quoted(value)}"
    )


def _observations(values: object, owner: str) -> list[Observation]:
    """``values`` as a list of `Observation` objects; else a `TargetError` naming ``owner``."""
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        raise TargetError(f"{owner}: expected a list of Observation objects, got {quoted(values)}")
    return [_observation(value, owner) for value in values]


def _anchor(value: Quantity) -> Quantity:
    """The point a baseline or goal is measured from: its stated figure, bound dropped."""
    return Quantity(value.midpoint, value.unit)


def _surely_due(deadline: When) -> _dt.date:
    """The earliest last day among the deadline's readings, each at its narrowest: its
    latest day, for a set the first member's ("[2026-06,2027]": 30 June 2026), for
    unspecified digits the first day they allow ("2027-XX-15": 15 January)."""
    ends = [end for _, end in first_readings(_holders(deadline)) if end is not None]
    latest = deadline.latest
    assert latest is not None  # checked when the target was built
    return min(ends, key=functools.cmp_to_key(_cmp), default=latest)


def _deadline_day(deadline: When) -> When:
    latest = deadline.latest
    assert latest is not None
    return (
        When.instant(latest)
        if isinstance(latest, _dt.datetime)
        else When.day(latest.year, latest.month, latest.day)
    )


@attrs.frozen(init=False)
class Target:
    """A goal with a deadline: ``Target("AI-plus enterprises", "10,000 enterprises", "by 2030")``.

    ``goal`` is a `Quantity` (text parsed), ``deadline`` a `When` (its latest day is
    the deadline), ``baseline`` an optional `Observation` to measure from.

    >>> t = Target("KeLing AI ARR", "$600 million", When.year(2026),
    ...            baseline=Observation(When.month(2026, 3), "$300 million"))
    >>> str(t), str(t.progress(Observation(When.month(2026, 9), "$450 million")))
    ('$600 million by 2026 (KeLing AI ARR)', '0.5')
    """

    metric: str
    goal: Quantity
    deadline: When
    baseline: Observation | None = None

    def __init__(
        self,
        metric: str,
        goal: Quantity | str,
        deadline: When | _dt.date | str,
        *,
        baseline: Observation | None = None,
    ) -> None:
        if not isinstance(metric, str) and metric is not None:
            raise TargetError(
                f"target: metric: {quoted(metric)} is not text; name what is measured"
            )
        if not metric or not metric.strip():
            raise TargetError(f"target: metric: {quoted(metric)} is empty; name what is measured")
        metric = checked_text(metric.strip(), "target", "metric", TargetError)
        owner = f"target {quoted(metric)}"
        quantity = _to_quantity(goal, f"{owner}: goal")
        when = _to_when(deadline, f"{owner}: deadline")
        if when.latest is None:
            raise TargetError(
                f"{owner}: deadline {str(when)!r} has no last day; give the date it is due by"
            )
        if baseline is not None:
            if not isinstance(baseline, Observation):
                raise TargetError(
                    f"{owner}: baseline: expected an Observation, got {quoted(baseline)}"
                )
            if not baseline.value.compatible(quantity):
                raise TargetError(
                    f"{owner}: baseline {str(baseline.value)!r} and goal {str(quantity)!r} "
                    "are in different units; use the goal's unit"
                )
            start = baseline.when.earliest
            if start is not None and _key(start) > _key(when.latest):
                raise TargetError(
                    f"{owner}: baseline ({baseline.when}) is after the deadline ({when})"
                )
        self.__attrs_init__(metric, quantity, when, baseline)

    # -- as known on a day -----------------------------------------------------------

    def as_of(self, day: When | _dt.date | str) -> Target:
        """The target as known on ``day``: without its baseline while that figure was unknown.

        The baseline is a figure like any other (`Observation.known_on`: its period
        had ended and its source, if dated, was published); before then the target
        as known is its goal and deadline alone, so progress counts from zero and
        the direction comes from the goal. The same target when nothing is dropped.

        >>> t = Target("ARR", "$600 million", "2026",
        ...            baseline=Observation("2026-03", "$300 million"))
        >>> t.as_of("2026-03-20").baseline is None, t.as_of("2026-04-01") is t
        (True, True)
        """
        if self.baseline is None or self.baseline.known_on(day):
            return self
        return Target(self.metric, self.goal, self.deadline)

    # -- direction and reach ------------------------------------------------------

    @property
    def rising(self) -> bool:
        """Whether reaching the goal means going up (False: coming down to it).

        A goal with a bound says so itself: "under 5%" is a ceiling and "at least
        10,000" a floor, whichever side of it the baseline was (then the goal is
        already kept). Otherwise the baseline gives the direction (a goal below it
        is a cut), and without one the goal rises.

        >>> Target("share", "under 5%", When.year(2030)).rising
        False
        >>> Target("share", "under 5%", "2030", baseline=Observation("2025", "4%")).rising
        False
        """
        if self.goal.bound in (Bound.AT_MOST, Bound.LESS_THAN):
            return False
        if self.goal.bound in (Bound.AT_LEAST, Bound.MORE_THAN) or self.baseline is None:
            return True
        return self.goal.midpoint >= self.baseline.value.to(self.goal.unit).midpoint

    @property
    def threshold(self) -> Decimal:
        """The figure that counts as reaching the goal ("2-3 devices" rising: 2).

        >>> Target("devices", "2-3 devices", When.year(2030)).threshold
        Decimal('2')
        """
        edge = self.goal.minimum if self.rising else self.goal.maximum
        return self.goal.value if edge is None else edge

    def reached(self, value: Quantity) -> bool | None:
        """Whether a figure surely reaches the goal (True), surely falls short (False), or None.

        A strict goal ("more than 1.3 million", "under 5%") is not reached by the goal
        figure itself; a figure in another spelling of the unit ("1500 MW" for a goal
        in GW) is converted first.

        >>> t = Target("calls", "100 trillion calls", When.year(2030))
        >>> t.reached(Quantity.parse("over 140 trillion calls")), t.reached(Quantity.parse(
        ...     "over 40 trillion calls"))
        (True, None)
        >>> Target("GPUs", "more than 5 GPUs", "2030").reached(Quantity.parse("5 GPUs"))
        False
        """
        if not isinstance(value, Quantity):
            raise TargetError(
                f"target {quoted(self.metric)}: reached: expected a Quantity, got {quoted(value)}"
            )
        if not value.compatible(self.goal):
            raise TargetError(
                f"target {quoted(self.metric)}: {str(value)!r} is not in the goal's unit "
                f"({quoted(self.goal.unit)}) and does not convert to it"
            )
        value = value.to(self.goal.unit)
        low, high, goal = value.minimum, value.maximum, self.threshold
        low_open = value.bound is Bound.MORE_THAN
        high_open = value.bound is Bound.LESS_THAN
        if self.rising:
            strict = self.goal.bound is Bound.MORE_THAN  # the goal figure itself falls short
            if low is not None and (low > goal or (low == goal and (low_open or not strict))):
                return True
            if high is not None and (high < goal or (high == goal and (high_open or strict))):
                return False
            return None
        strict = self.goal.bound is Bound.LESS_THAN
        if high is not None and (high < goal or (high == goal and (high_open or not strict))):
            return True
        if low is not None and (low > goal or (low == goal and (low_open or strict))):
            return False
        return None

    # -- analysis -------------------------------------------------------------------

    def progress(self, observation: Observation) -> Quantity:
        """The share of the way from baseline (0) to goal (1), as a unitless `Quantity`.

        Measured from zero without a baseline; the observation's bound carries over.

        >>> t = Target("enterprises", "10,000 enterprises", When.year(2030))
        >>> str(t.progress(Observation(When.year(2026), "over 2,500 enterprises")))
        'over 0.25'
        """
        value = _observation(observation, f"target {quoted(self.metric)}: progress").value
        if self.baseline is None and offset_level(self.goal.unit):
            raise TargetError(
                f"target {quoted(self.metric)}: progress of {value} toward {self.goal}: a "
                "temperature reading's zero is arbitrary, so there is no way from zero to take "
                "a share of; give the target a baseline (Target(..., baseline=Observation(when, "
                "value)))"
            )
        origin = _anchor(self.baseline.value) if self.baseline else Quantity(0, self.goal.unit)
        goal = Quantity(self.threshold, self.goal.unit)
        if self.baseline is not None and origin.compatible(goal) and origin == goal:
            # No way to go: a figure reaching the goal is all the way; a share of nothing
            # is no figure (never 0 while `status` says met).
            if self.reached(value):
                return Quantity(1, "")
            raise TargetError(
                f"target {quoted(self.metric)}: progress of {value}: the baseline "
                f"({self.baseline.value}) is the goal itself, so there is no way from one to "
                "the other to take a share of; give a baseline from before the goal was set"
            )
        if self.baseline is not None and value == self.baseline.value:
            return Quantity(0, "")  # the baseline itself, whatever its bound
        try:
            return (value - origin) / (goal - origin)
        except QuantityError as err:
            raise TargetError(f"target {quoted(self.metric)}: progress of {value}: {err}") from err

    def _origin(self) -> Observation:
        if self.baseline is None:
            raise TargetError(
                f"target {quoted(self.metric)} has no baseline; growth needs a starting figure: "
                "Target(..., baseline=Observation(when, value))"
            )
        return Observation(self.baseline.when, _anchor(self.baseline.value))

    def required_growth(self) -> Growth:
        """The growth needed from the baseline to the goal by the deadline's last day.

        >>> t = Target("x", "121 x", When.day(2026, 1, 1),
        ...            baseline=Observation(When.day(2024, 1, 1), "100 x"))
        >>> round(t.required_growth().annual_rate[0], 3)
        0.1
        """
        goal = Observation(_deadline_day(self.deadline), Quantity(self.threshold, self.goal.unit))
        return growth(self._origin(), goal)

    def on_track(self, observation: Observation) -> bool | None:
        """Whether the observed pace since the baseline is at least the pace required.

        True when the figure already reaches the goal; None when the bounds and
        dates cannot tell (a figure from the baseline's own day shows no pace). A
        figure surely before the baseline raises `TargetError`.

        >>> t = Target("x", "121 x", When.day(2026, 1, 1),
        ...            baseline=Observation(When.day(2024, 1, 1), "100 x"))
        >>> t.on_track(Observation(When.day(2025, 1, 1), "115 x"))
        True
        """
        observation = _observation(observation, f"target {quoted(self.metric)}: on_track")
        if self.reached(observation.value):
            return True
        since, until = _span(self._origin().when)[0], _span(observation.when)[1]
        if since is not None and until is not None and _cmp(until, since) <= 0:
            # Surely before: instants in UTC, a day against an instant by its local date.
            if _cmp(until, since) < 0:
                raise TargetError(
                    f"target {quoted(self.metric)}: {observation} is before the baseline "
                    f"({self.baseline}); pass a figure from the baseline on"
                )
            return None  # the baseline's own moment: no time has passed to show a pace
        figures = (self._origin().value, observation.value, self.goal)
        if any(q.minimum is not None and q.minimum < 0 for q in figures):
            return None  # a pace of growth is a ratio: it says nothing across zero
        if any(offset_level(q.unit) for q in figures):
            return None  # nor from a temperature reading's arbitrary zero (°C, °F)
        observed = growth(self._origin(), observation).annual_rate
        needed = self.required_growth().annual_rate
        faster, slower = (observed, needed) if self.rising else (needed, observed)
        if faster[0] is not None and slower[1] is not None and faster[0] >= slower[1]:
            return True
        if faster[1] is not None and slower[0] is not None and faster[1] < slower[0]:
            return False
        return None

    def status(
        self, as_of: When | _dt.date | str, observations: Iterable[Observation] = ()
    ) -> TargetStatus:
        """ "met", "missed", "pending" or "unknown" on ``as_of``, from the observations known then.

        ``as_of`` means "as known on that day", as everywhere: only figures known
        then count (`Observation.known_on`: their period had ended and their source,
        if dated, was published; a figure for 2026 is known from its last day), and
        the target is judged as known then (`Target.as_of`: a baseline not yet known
        neither counts as a figure nor sets the direction).

        Met: an observation surely dated by the deadline surely reaches the goal
        (by each member of a set: "2026 or 2027" is met by a figure for 2026, not
        2027). Missed: the deadline has passed and a figure for a period that runs
        to the last day the deadline could be or later surely falls short (later
        figures stand for the deadline's, as for figures that only grow; a figure for
        March of a year-end deadline's year does not, as the metric could still get
        there by December; nor one for 2027 of "c. 2027", which could fall in 2028).
        Pending: not met and the deadline not passed. The deadline passes as an open
        event at that date turns overdue (`Event.overdue`): once it is surely over
        before the day starts anywhere (an instant at noon UTC on the 20th has not
        passed on the 21st, which began at UTC+14 before it), a qualified deadline
        ("c. 2030") once it is past where it could fall.

        >>> t = Target("x", "10,000 x", When.year(2030).by())
        >>> t.status("2031-06-01", [Observation(When.year(2030), "8,000 x")]).value
        'missed'
        """
        observations = _observations(observations, f"target {quoted(self.metric)}: observations")
        day = _to_day(as_of)
        known_target = self.as_of(day)
        if known_target is not self:
            return known_target.status(day, observations)
        # The deadline read each way it could be: met by the earliest last day of its
        # readings (a set's members at their narrowest: "2026 or 2027" is met by a
        # figure for 2026), missed only past the latest ("c. 2027" could fall in 2028).
        met_by = _surely_due(self.deadline)
        could_be_due = self.deadline.fuzzy_bounds()[1]
        assert could_be_due is not None  # a last day, checked when the target was built
        period_start = self.deadline.start
        evidence = [*([self.baseline] if self.baseline else []), *observations]
        known: list[tuple[Observation, Point]] = []
        for item in evidence:
            last = _span(item.when)[1]
            if last is not None and item.known_on(day):
                known.append((item, last))
        # By the deadline: instants compared in UTC, a day against an instant by its date.
        if any(_cmp(last, met_by) <= 0 and self.reached(o.value) for o, last in known):
            return TargetStatus.MET
        # Passed by the rule of an open event turning overdue (`Event.overdue`): surely
        # over before the day starts anywhere, a qualified deadline where it could fall.
        if not over_before(_readings(self.deadline), day):
            return TargetStatus.PENDING
        for item, last in known:
            # A figure for a period that ends before the deadline (March of the deadline
            # year) says nothing of the deadline: the metric could still get there.
            first = _span(item.when)[0]
            late_enough = (
                first is not None
                and (period_start is None or _key(first) >= _key(period_start))
                and _cmp(last, could_be_due) >= 0
            )
            if late_enough and self.reached(item.value) is False:
                return TargetStatus.MISSED
        return TargetStatus.UNKNOWN

    # -- text -----------------------------------------------------------------------

    @property
    def deadline_text(self) -> str:
        """The deadline as written after the goal: "by 2030".

        >>> Target("x", "5 x", When.year(2026)).deadline_text
        'by 2026'
        """
        text = str(self.deadline)
        return f"by {text}" if self.deadline.relation is Relation.ON else text

    def describe(
        self,
        observations: Iterable[Observation] = (),
        as_of: When | _dt.date | str | None = None,
        *,
        words: bool = False,
    ) -> str:
        """One line: goal, deadline, baseline, progress of the latest figure, status.

        With ``as_of`` the line says what was known on that day: the target as known
        then (`Target.as_of`), the latest figure known then, and the status
        (`Target.status`). With ``words`` its dates are said for a reader
        (`When.words`: a deadline "202X" is "by some year in the 2020s").

        >>> t = Target("enterprises", "10,000 enterprises", When.year(2030))
        >>> t.describe([Observation(When.year(2026), "2,500 enterprises")])
        '10,000 enterprises by 2030 (enterprises); 25% of the way (2,500 enterprises (2026))'
        """
        observations = _observations(observations, f"target {quoted(self.metric)}: observations")
        if as_of is not None:
            day = _to_day(as_of)
            target = self.as_of(day)
            observations = [o for o in observations if o.known_on(day)]
            if target is not self:
                return target.describe(observations, day, words=words)
        parts = [str(self)]
        if words:
            deadline = self.deadline.words()
            said = f"by {deadline}" if self.deadline.relation is Relation.ON else deadline
            parts = [f"{self.goal} {said} ({self.metric})"]
        if self.baseline is not None:
            parts.append(f"from {self.baseline.describe(words=words)}")
        items = sorted(observations, key=series_order)
        latest = items[-1] if items else self.baseline
        if latest is not None:
            try:
                share = self.progress(latest)
            except (TargetError, QuantityError):
                pass  # progress cannot be measured (e.g. incompatible units): say nothing
            else:
                parts.append(f"{share_text(share)} of the way ({latest.describe(words=words)})")
        if as_of is not None:
            parts.append(self.status(as_of, items).value)
        return "; ".join(parts)

    def __str__(self) -> str:
        return f"{self.goal} {self.deadline_text} ({self.metric})"
