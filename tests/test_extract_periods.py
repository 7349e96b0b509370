"""`timeline.extract` on the current period: "this year", "this month", "this quarter".

A period that holds the publication day is cut by the tense of its own clause:
a past statement ("flew three times this year", "so far this year", "earlier this
year") happened, from the start of the period to publication; a forward one
("plans three more this year", "will fly later this year") is expected, dated with
the period named (a year's plan counts what is already done), never only the
part already past. A clause cut
from a sentence takes its own verb's tense, not the first clause's.
"""

from __future__ import annotations

import datetime as _dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Status
from timeline.extract import Draft, extract

REFERENCE = "2026-03-03"


def only(text: str, reference: str = REFERENCE) -> Draft:
    found = list(extract(text, reference=reference))
    assert len(found) == 1, [str(d.when) for d in found]
    return found[0]


def test_past_this_year_happened_up_to_publication() -> None:
    draft = only("SpaceX flew three times this year.")
    assert draft.status is Status.HAPPENED
    assert str(draft.when) == "2026 to 3 March 2026"


def test_a_forward_clause_after_a_past_one_keeps_its_own_tense() -> None:
    text = "The company completed a flight on February 12 and plans three more this year."
    first, second = extract(text, reference=REFERENCE)
    assert (str(first.when), first.status) == ("12 February 2026", Status.HAPPENED)
    # the whole year, as "plans 20 launches this year" counts those already flown
    assert (str(second.when), second.status) == ("2026", Status.EXPECTED)


PAST = ["flew twice", "made two flights", "has flown twice", "completed two flights"]
FORWARD = ["plans two flights", "expects two flights", "will fly twice", "aims to fly twice"]
# period -> (its dates when happened, its dates when expected); None: not that way
PERIODS = {
    "this year": ("2026 to 3 March 2026", "2026"),
    "this month": ("March 2026 to 3 March 2026", "March 2026"),
    "this quarter": ("Q1 2026 to 3 March 2026", "Q1 2026"),
    "this week": ("2026-W10 to 3 March 2026", "2026-W10"),
    "so far this year": ("2026 to 3 March 2026", None),
    "earlier this year": ("1 January 2026 to 2 March 2026", None),
    "later this year": (None, "4 March 2026 to 31 December 2026"),
}


@pytest.mark.parametrize("verb", PAST)
@pytest.mark.parametrize("period", [p for p, (past, _) in PERIODS.items() if past])
def test_past_verb_in_the_current_period(verb: str, period: str) -> None:
    draft = only(f"SpaceX {verb} {period}.")
    assert draft.status is Status.HAPPENED
    assert str(draft.when) == PERIODS[period][0]


@pytest.mark.parametrize("verb", FORWARD)
@pytest.mark.parametrize("period", [p for p, (_, ahead) in PERIODS.items() if ahead])
def test_forward_verb_in_the_current_period(verb: str, period: str) -> None:
    draft = only(f"SpaceX {verb} {period}.")
    assert draft.status is Status.EXPECTED
    assert str(draft.when) == PERIODS[period][1]


def _day(point: _dt.date) -> _dt.date:
    return _dt.date(point.year, point.month, point.day)


@settings(max_examples=60, deadline=None)
@given(
    verb=st.sampled_from(PAST + FORWARD),
    period=st.sampled_from(sorted(PERIODS)),
    published=st.dates(min_value=_dt.date(2000, 1, 1), max_value=_dt.date(2099, 12, 31)),
    joined=st.booleans(),
)
def test_status_and_dates_agree_with_publication(
    verb: str, period: str, published: _dt.date, joined: bool
) -> None:
    lead = "The company completed a flight on the day and " if joined else "SpaceX "
    text = f"{lead}{verb} {period}."
    for draft in extract(text, reference=published.isoformat()):
        when = draft.when
        if draft.status is Status.HAPPENED:
            # it could have happened by publication
            assert when.earliest is not None and _day(when.earliest) <= published, text
        ahead = PERIODS[period][1] is not None  # not "earlier this year": a contradiction
        if verb in FORWARD and ahead and verb.split()[0] in draft.title.lower():
            # a forward cue never dates a statement wholly before publication
            assert when.latest is None or _day(when.latest) >= published, text
        if verb in FORWARD and period in draft.title and "completed" not in draft.title:
            assert draft.status is not Status.HAPPENED, text


# A day said without its year in a plan: the next such day after publication, unless
# it is only days before publication (then the publication day is the likelier slip).
# "will report second-quarter results on January 28", published 29 October 2025, was
# dated 28 January 2025, nine months before it was said.
@pytest.mark.parametrize(
    ("text", "reference", "when"),
    [
        ("Microsoft will report results on January 28.", "2025-10-29", "28 January 2026"),
        ("The company plans to open the plant on March 1.", "2025-11-20", "1 March 2026"),
        ("The firm will hold its meeting on December 5.", "2026-01-20", "5 December 2026"),
        ("Apple will report results on Jan. 30.", "2026-01-10", "30 January 2026"),
        # a few days before publication: kept (the publication day may be the slip)
        ("The company will report results on Jan. 30.", "2026-02-03", "30 January 2026"),
        # a past statement's day stays on or before publication
        ("Microsoft reported results on January 28.", "2025-10-29", "28 January 2025"),
    ],
)
def test_a_plans_day_without_a_year_is_the_next_one(text: str, reference: str, when: str) -> None:
    assert str(only(text, reference).when) == when


# A date that belongs to a compared figure is never the statement's: "expects capital
# spending to exceed last year's $88 billion", said in October 2025, was dated 2024.
@pytest.mark.parametrize(
    "text",
    [
        "The company expects capital spending to exceed last year's $88 billion.",
        "The company expects capital spending in fiscal 2026 to exceed last year's $88 billion.",
        "The firm expects sales to beat 2024's 5 million units.",
        "The company expects revenue to rise 10% from last year.",
        "The company expects deliveries to grow 20% from 2024.",
        "Analysts expect profit to fall 5% from a year earlier.",
    ],
)
def test_a_compared_figures_date_is_not_the_plans(text: str) -> None:
    draft = only(text, "2025-10-29")
    assert draft.status is Status.EXPECTED
    latest = draft.when.latest
    assert latest is None or latest >= _dt.date(2025, 10, 29), str(draft.when)
