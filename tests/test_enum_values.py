"""The public enums called with a value that is none of theirs.

``Status(5)``, ``Precision("monthly")``, ``Bound("over")``, ``Relation("around")`` and
``TargetStatus("done")`` raised Python's own ``ValueError: 5 is not a valid Status``:
no list of what is valid, no fix. Now each raises the library's error for its layer
(still a `ValueError`), quoting the input, listing the valid values and, for a near
miss ("Happened", "AT_LEAST", "at least"), naming the value meant. Valid values keep
the Enum semantics: lookup by value and by name, identity, iteration, pickling.
"""

from __future__ import annotations

import enum
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import (
    Bound,
    EventError,
    Precision,
    QuantityError,
    Relation,
    Status,
    TargetError,
    TargetStatus,
    TimelineError,
    WhenError,
)

_ENUMS: list[tuple[type[enum.Enum], type[TimelineError], str]] = [
    (Status, EventError, "a status"),
    (Precision, WhenError, "a precision"),
    (Relation, WhenError, "a relation"),
    (Bound, QuantityError, "a bound"),
    (TargetStatus, TargetError, "a target status"),
]


class TestAValueNoneOfTheirs:
    @pytest.mark.parametrize(
        ("kind", "value", "message"),
        [
            (
                Status,
                5,
                "Status(5): 5 is not a status; use one of 'expected', 'confirmed', 'happened', "
                "'cancelled'",
            ),
            (
                Status,
                "done",
                "Status('done'): 'done' is not a status; use one of 'expected', 'confirmed', "
                "'happened', 'cancelled'",
            ),
            # a near miss: the value meant is named
            (Status, "Happened", "Status('Happened'): 'Happened' is not a status; did you mean "),
            (Status, "HAPPENED", "did you mean 'happened' (Status.HAPPENED)?"),
            (Status, " happened ", "did you mean 'happened' (Status.HAPPENED)?"),
            (Status, "happend", "did you mean 'happened' (Status.HAPPENED)?"),
            (Precision, "monthly", "did you mean 'month' (Precision.MONTH)?"),
            (Precision, 3, "Precision(3): 3 is not a precision; use one of 'second', 'minute'"),
            (Bound, "at least", "did you mean 'at_least' (Bound.AT_LEAST)?"),
            (Bound, "AT_LEAST", "did you mean 'at_least' (Bound.AT_LEAST)?"),
            (Bound, "over", "Bound('over'): 'over' is not a bound; use one of 'exact', "),
            (Relation, "not_before", "did you mean 'not before' (Relation.NOT_BEFORE)?"),
            (Relation, "around", "'around' is not a relation; use one of 'on', 'by', "),
            (TargetStatus, "Met", "did you mean 'met' (TargetStatus.MET)?"),
            (TargetStatus, None, "TargetStatus(None): None is not a target status; use one of"),
            # a value of no hashable kind: the same error, not a TypeError
            (Status, ["happened"], "Status(['happened']): ['happened'] is not a status;"),
            # a member of another enum
            (Status, Precision.DAY, "Status(<Precision.DAY: 'day'>): "),
        ],
    )
    def test_raises_our_error_quoting_it(
        self, kind: type[enum.Enum], value: object, message: str
    ) -> None:
        error = next(error for k, error, _ in _ENUMS if k is kind)
        with pytest.raises(error) as info:
            kind(value)
        assert isinstance(info.value, ValueError)  # `except ValueError` still catches it
        assert message in str(info.value)

    @pytest.mark.parametrize(("kind", "error", "noun"), _ENUMS)
    def test_every_valid_value_is_listed(
        self, kind: type[enum.Enum], error: type[TimelineError], noun: str
    ) -> None:
        with pytest.raises(error) as info:
            kind("\x00 none of these")
        said = str(info.value)
        assert f"is not {noun}; use one of " in said
        assert all(repr(member.value) in said for member in kind)

    @pytest.mark.parametrize(("kind", "error", "noun"), _ENUMS)
    @given(value=st.one_of(st.text(max_size=20), st.integers(), st.floats(), st.none()))
    def test_any_value_is_a_member_or_our_error(
        self, kind: type[enum.Enum], error: type[TimelineError], noun: str, value: object
    ) -> None:
        if value in {member.value for member in kind}:
            assert kind(value).value == value
            return
        with pytest.raises(error, match=f" is not {noun}; "):
            kind(value)


class TestValidValuesKeepEnumSemantics:
    @pytest.mark.parametrize(("kind", "error", "noun"), _ENUMS)
    def test_by_value_by_name_identity_pickle(
        self, kind: type[enum.Enum], error: type[TimelineError], noun: str
    ) -> None:
        for member in kind:
            assert kind(member.value) is member
            assert kind(member) is member
            assert kind[member.name] is member
            assert pickle.loads(pickle.dumps(member)) is member
        with pytest.raises(KeyError):  # by name, Enum's own KeyError
            kind["NO SUCH NAME"]

    def test_the_lenient_readers_still_read(self) -> None:
        # Event and Quantity read statuses and bounds as people write them.
        from timeline import Event, Quantity

        assert Event(title="A", when="2026", status=" Happened ").status is Status.HAPPENED
        assert Quantity(5, "x", bound="at least").bound is Bound.AT_LEAST


@given(st.sampled_from(list(Status)))
def test_status_values_round_trip(member: Status) -> None:
    assert Status(member.value) is member
