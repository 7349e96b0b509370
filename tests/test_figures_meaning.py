"""Figures that keep their meaning (issue 12 §2; issue 17 §2–4 for numbers).

≥ and > stay distinct and are written back in the wording's words; physical units convert
through pint (2 GW vs 1500 MW), counted nouns match singular and plural, currencies never
convert; scientific notation, ₩, ₹, crore and lakh are read; huge and very precise numbers
keep every digit or are refused with our error.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import (
    Bound,
    DataFileError,
    Event,
    Observation,
    Quantity,
    QuantityError,
    Target,
    Timeline,
)


class TestStrictBounds:
    @pytest.mark.parametrize(
        ("text", "bound"),
        [
            ("at least 5 GPUs", Bound.AT_LEAST),  # ≥
            ("no less than 5 GPUs", Bound.AT_LEAST),
            ("5 GPUs or more", Bound.AT_LEAST),
            ("≥ 5 GPUs", Bound.AT_LEAST),
            ("more than 5 GPUs", Bound.MORE_THAN),  # >
            ("over 5 GPUs", Bound.MORE_THAN),
            ("> 5 GPUs", Bound.MORE_THAN),
            ("up to 5 GPUs", Bound.AT_MOST),  # ≤
            ("at most 5 GPUs", Bound.AT_MOST),
            ("under 5 GPUs", Bound.LESS_THAN),  # <
            ("less than 5 GPUs", Bound.LESS_THAN),
            ("fewer than 5 GPUs", Bound.LESS_THAN),
            ("about 5 GPUs", Bound.APPROX),
        ],
    )
    def test_bound_read(self, text: str, bound: Bound) -> None:
        assert Quantity.parse(text).bound is bound

    def test_at_least_and_more_than_differ(self) -> None:
        assert Quantity.parse("at least 5") != Quantity.parse("more than 5")
        assert Quantity.parse("up to 5") != Quantity.parse("under 5")
        # the same claim in other words is the same figure
        assert Quantity.parse("over 5") == Quantity.parse("more than 5")

    @pytest.mark.parametrize(
        "text",
        [
            "at least 5 GPUs",
            "more than 5 GPUs",
            "over 5 GPUs",
            "up to 5 GPUs",
            "under 5 GPUs",
            "about 5 GPUs",
        ],
    )
    def test_written_back_in_the_wording(self, text: str) -> None:
        # issue 12: "at least 5" and "more than 5" were both written "over 5"
        assert str(Quantity.parse(text)) == text

    @pytest.mark.parametrize(
        ("text", "written"),
        [
            ("at most 5", "up to 5"),
            ("less than 5", "under 5"),
            ("fewer than 5 staff", "under 5 staff"),
            ("above 5", "over 5"),
            ("greater than 5", "more than 5"),
            ("5 GPUs or more", "at least 5 GPUs"),
            ("roughly 5", "about 5"),
        ],
    )
    def test_other_words_write_one_of_six(self, text: str, written: str) -> None:
        assert str(Quantity.parse(text)) == written
        assert Quantity.parse(written) == Quantity.parse(text)

    def test_defaults_for_symbols_and_constructors(self) -> None:
        assert str(Quantity.parse("≥ 5")) == "at least 5"
        assert str(Quantity.parse("> 5")) == "more than 5"
        assert str(Quantity(5, "", bound="at_most")) == "up to 5"
        assert str(Quantity(5, "", bound="less_than")) == "under 5"

    def test_wording_must_fit_the_bound(self) -> None:
        with pytest.raises(QuantityError, match="wording"):
            Quantity(5, "", bound="at_least", wording="more than")

    def test_more_than_goal_is_not_met_by_the_goal_itself(self) -> None:
        # issue 12: a goal "more than 1.3 million GPUs" is not met by 1.3 million
        target = Target("GPUs", "more than 1.3 million GPUs", "by 2026")
        assert target.reached(Quantity.parse("1.3 million GPUs")) is False
        assert target.reached(Quantity.parse("at least 1.3 million GPUs")) is None
        assert target.reached(Quantity.parse("over 1.3 million GPUs")) is True
        at_least = Target("GPUs", "at least 1.3 million GPUs", "by 2026")
        assert at_least.reached(Quantity.parse("1.3 million GPUs")) is True

    def test_under_goal(self) -> None:
        target = Target("share", "under 5%", "by 2030")
        assert target.reached(Quantity.parse("5%")) is False
        assert target.reached(Quantity.parse("4.9%")) is True
        assert Target("share", "up to 5%", "by 2030").reached(Quantity.parse("5%")) is True

    def test_definitely_below_with_strict_ends(self) -> None:
        assert Quantity.parse("under 5").definitely_below(Quantity.parse("5"))
        assert not Quantity.parse("up to 5").definitely_below(Quantity.parse("5"))
        assert Quantity.parse("5").definitely_below(Quantity.parse("more than 5"))

    def test_round_trip_through_a_file(self, tmp_path: Path) -> None:
        target = Target("GPUs", "more than 1.3 million GPUs", "by 2026")
        tl = Timeline([Event(title="x", when="2026", target=target)])
        for suffix in (".yaml", ".json", ".csv"):
            path = tmp_path / f"t{suffix}"
            tl.save(path)
            loaded = Timeline.load(path)
            goal = loaded["x"].target.goal  # type: ignore[union-attr]
            assert goal.bound is Bound.MORE_THAN and str(goal) == "more than 1.3 million GPUs"


class TestUnits:
    def test_power_compares_and_progress(self) -> None:
        # issue 12: 2 GW and 1500 MW compare; progress 75%
        assert Quantity.parse("2 GW") > Quantity.parse("1500 MW")
        target = Target("capacity", "2 GW", "by 2027")
        share = target.progress(Observation("2026-01", "1500 MW"))
        assert share == Quantity(Decimal("0.75"), "")
        assert "75% of the way" in target.describe([Observation("2026-01", "1500 MW")])

    def test_equal_across_units(self) -> None:
        assert Quantity.parse("1 GW") == Quantity.parse("1000 MW")
        assert hash(Quantity.parse("1 GW")) == hash(Quantity.parse("1000 MW"))
        assert Quantity.parse("1 km") == Quantity.parse("1000 m")
        assert Quantity.parse("1 GW") != Quantity.parse("1001 MW")

    def test_convert(self) -> None:
        assert Quantity.parse("2 GW").to("MW") == Quantity(2000, "MW")
        assert (
            repr(Quantity.parse("at least 2 GW").to("MW"))
            == "Quantity(2000, 'MW', bound='at_least')"
        )
        with pytest.raises(QuantityError, match="GW"):
            Quantity.parse("2 GW").to("km")

    def test_sum_in_the_left_unit(self) -> None:
        assert Quantity.parse("1 GW") + Quantity.parse("500 MW") == Quantity(Decimal("1.5"), "GW")

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            ("1 GPU", "3 GPUs"),
            ("1 robotaxi", "3 robotaxis"),
            ("1 enterprise", "3 enterprises"),
            ("1 company", "3 companies"),
            ("1 box", "3 boxes"),
            ("1 unit", "3 units"),  # not pint's "micronit"
            ("1 point", "3 points"),  # a count, not the typographic length
        ],
    )
    def test_counted_nouns(self, a: str, b: str) -> None:
        assert Quantity.parse(a).compatible(Quantity.parse(b))
        assert Quantity.parse(a) < Quantity.parse(b)

    @pytest.mark.parametrize(("a", "b"), [("5 GPUs", "5 robotaxis"), ("2 GW", "2 GPUs")])
    def test_different_things_do_not_compare(self, a: str, b: str) -> None:
        assert not Quantity.parse(a).compatible(Quantity.parse(b))
        with pytest.raises(QuantityError):
            _ = Quantity.parse(a) < Quantity.parse(b)

    def test_currencies_never_convert(self) -> None:
        usd, eur = Quantity.parse("$5 billion"), Quantity.parse("€5 billion")
        assert not usd.compatible(eur)
        with pytest.raises(QuantityError, match="differ"):
            _ = usd + eur
        with pytest.raises(QuantityError):
            usd.to("EUR")

    def test_import_stays_light(self) -> None:
        import subprocess
        import sys

        code = "import sys, timeline; timeline.Quantity.parse('2 GW'); print('pint' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.stdout.strip() == "False", out.stderr


class TestNumbers:
    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [
            ("1e9 USD", 10**9, "USD"),  # issue 12: was 1 'e9 USD'
            ("2.5e-7", Decimal("0.00000025"), ""),
            ("1E+21 tokens", 10**21, "tokens"),
            ("₩5 trillion", 5 * 10**12, "KRW"),
            ("₹3 crore", 3 * 10**7, "INR"),
            ("₹1.5 lakh crore", Decimal("1.5") * 10**12, "INR"),
            ("12 lakh users", 12 * 10**5, "users"),
            ("5 billion won", 5 * 10**9, "KRW"),
            ("100 rupees", 100, "INR"),
        ],
    )
    def test_read(self, text: str, value: int | Decimal, unit: str) -> None:
        q = Quantity.parse(text)
        assert (q.value, q.unit) == (Decimal(value), unit)

    def test_many_digits_are_kept(self) -> None:
        digits = "1234567890123456789012345678901234567"  # 37 significant digits
        assert str(Quantity.parse(digits + " GPUs").value) == digits
        assert Quantity.parse(f"{digits} billion").value == Decimal(digits + "000000000")
        assert Quantity(Decimal(digits), "").value == Decimal(digits)
        big = Quantity.parse(digits)
        assert (big + Quantity(1, "")).value == Decimal(digits[:-1] + "8")

    @pytest.mark.parametrize(
        "text", ["1" * 5000, "1" * 5000 + " USD", "1e99999", "0." + "0" * 5000 + "1"]
    )
    def test_too_many_digits_is_our_error(self, text: str) -> None:
        with pytest.raises(QuantityError, match="digits") as info:
            Quantity.parse(text)
        assert text[:10] in str(info.value)

    def test_json_numbers(self, tmp_path: Path) -> None:
        path = tmp_path / "t.json"
        document = {
            "events": [
                {
                    "title": "x",
                    "when": "2026",
                    "observations": [
                        {"when": "2026", "value": 1e21},
                        {"when": "2027", "value": 2.5e-7},
                    ],
                }
            ]
        }
        path.write_text(json.dumps(document))
        values = [o.value for o in Timeline.load(path)["x"].observations]
        assert values == [Quantity(10**21, ""), Quantity(Decimal("2.5e-7"), "")]

    def test_json_precise_number_keeps_every_digit(self, tmp_path: Path) -> None:
        path = tmp_path / "t.json"
        digits = "12345678901234567890123456789.123"
        path.write_text(
            '{"events": [{"title": "x", "when": "2026", "observations": '
            f'[{{"when": "2026", "value": {digits}}}]}}]}}'
        )
        (observation,) = Timeline.load(path)["x"].observations
        assert observation.value.value == Decimal(digits)

    def test_json_huge_number_is_a_problem_with_its_line(self, tmp_path: Path) -> None:
        path = tmp_path / "t.json"
        path.write_text(
            '{"events": [{"title": "x", "when": "2026",\n "observations": '
            f'[{{"when": "2026",\n "value": {"9" * 5000}}}]}}]}}'
        )
        with pytest.raises(DataFileError, match="digits") as info:
            Timeline.load(path)
        assert info.value.problems[0].line == 3

    def test_saved_currency_with_words_loads_again(self, tmp_path: Path) -> None:
        # issue 17: "5 USD 2024 dollars" was written "$5 2024 dollars", refused on load
        q = Quantity(5, "USD 2024 dollars")
        assert Quantity.parse(str(q)) == q
        tl = Timeline([Event(title="x", when="2026", observations=[Observation("2026", q)])])
        for suffix in (".yaml", ".json", ".csv"):
            tl.save(tmp_path / f"t{suffix}")
            assert Timeline.load(tmp_path / f"t{suffix}") == tl


_UNITS = st.sampled_from(
    [
        "",
        "USD",
        "USD ARR",
        "USD 2024 dollars",
        "EUR",
        "KRW",
        "INR",
        "GW",
        "MW",
        "GPUs",
        "%",
        "tokens per day",
        "CNY 2024",
    ]
)
_BOUNDS = st.sampled_from([b for b in Bound if b is not Bound.RANGE])


@given(
    value=st.decimals(
        allow_nan=False, allow_infinity=False, places=3, min_value=-(10**15), max_value=10**15
    ),
    unit=_UNITS,
    bound=_BOUNDS,
)
@settings(max_examples=200, deadline=None)
def test_what_is_written_reads_back(value: Decimal, unit: str, bound: Bound) -> None:
    q = Quantity(value, unit, bound=bound)
    back = Quantity.parse(str(q))
    assert back == q
    assert back.bound is q.bound


def test_unit_symbols_are_case_sensitive() -> None:
    assert Quantity.parse("1 MW") != Quantity.parse("1 mW")
    assert Quantity.parse("1 MW") == Quantity.parse("1000000000 mW")
    assert Quantity.parse("1 GPU").compatible(Quantity.parse("3 gpus"))


def test_csv_huge_figure_is_a_problem(tmp_path: Path) -> None:
    tl = Timeline([Event(title="x", when="2026", target=Target("GPUs", "5 GPUs", "2026"))])
    path = tmp_path / "t.csv"
    tl.save(path)
    path.write_text(path.read_text().replace("5 GPUs", "9" * 5000 + " GPUs"))
    with pytest.raises(DataFileError, match="digits"):
        Timeline.load(path)


def test_csv_json_cell_numbers_are_exact(tmp_path: Path) -> None:
    tl = Timeline([Event(title="x", when="2026", observations=[Observation("2026", "1 GPU")])])
    path = tmp_path / "t.csv"
    tl.save(path)
    digits = "12345678901234567890123456789.123"
    text = path.read_text()
    assert '""value"": ""1 GPU""' in text
    path.write_text(text.replace('""value"": ""1 GPU""', f'""value"": {digits}'))
    (observation,) = Timeline.load(path)["x"].observations
    assert observation.value.value == Decimal(digits)


class TestMultiples:
    """ "3x", "3 times", "3×" and "3-fold" state one figure, a multiple, written as it was read."""

    SPELLINGS = ("3x", "3X", "3 x", "3×", "3 ×", "3 times", "3-fold", "3 fold", "3‑fold")

    @pytest.mark.parametrize("text", SPELLINGS)
    def test_every_spelling_is_the_same_figure(self, text: str) -> None:
        q = Quantity.parse(text)
        assert q == Quantity.parse("3x")
        assert q == Quantity.parse("3 times")
        assert q.compatible(Quantity.parse("2 times"))
        assert Quantity.parse("2 times") < q < Quantity.parse("4x")
        assert Quantity.parse("over 2x").definitely_below(q) is False
        assert Quantity.parse("up to 2 times").definitely_below(q)
        assert hash(q) == hash(Quantity.parse("3 times"))

    @pytest.mark.parametrize(
        ("text", "written"),
        [
            ("1.5x", "1.5x"),  # was "1.5 x"
            ("3×", "3×"),  # was refused
            ("3X", "3X"),
            ("3 x", "3x"),
            ("3 times", "3 times"),
            ("3-fold", "3-fold"),  # was refused
            ("3 fold", "3-fold"),
            ("over 140x", "over 140x"),
            ("about 140×", "about 140×"),
            ("2-3x", "2–3x"),
            ("2x-3x", "2–3x"),
            ("1.5x to 2x", "1.5–2x"),
            ("3x faster", "3x faster"),
            ("3 times faster", "3 times faster"),
            ("10x or more", "at least 10x"),
            ("1,000x", "1,000x"),
        ],
    )
    def test_written_back_as_read(self, text: str, written: str) -> None:
        q = Quantity.parse(text)
        assert str(q) == written
        back = Quantity.parse(written)
        assert back == q and back.unit == q.unit and str(back) == written

    @pytest.mark.parametrize(
        ("a", "b", "equal"),
        [
            ("3x faster", "3 times faster", True),
            ("3x faster", "3x", False),  # "faster" is part of what the figure says
            ("140x", "140 GPUs", False),
            ("1.5x", "1.50 times", True),
        ],
    )
    def test_words_after_the_multiple_count(self, a: str, b: str, equal: bool) -> None:
        assert (Quantity.parse(a) == Quantity.parse(b)) is equal

    def test_multiples_add_and_keep_a_spelling(self) -> None:
        total = Quantity.parse("2x") + Quantity.parse("1 times")
        assert total == Quantity.parse("3×")

    @pytest.mark.parametrize("suffix", [".yaml", ".json", ".csv"])
    @pytest.mark.parametrize("text", ["1.5x", "3×", "3 times", "over 140x", "2–3x", "3-fold"])
    def test_files_keep_the_spelling(self, tmp_path: Path, suffix: str, text: str) -> None:
        q = Quantity.parse(text)
        tl = Timeline(
            [
                Event(
                    title="x",
                    when="2026",
                    observations=[Observation("2026", q)],
                    target=Target("speed-up", q, "2030"),
                )
            ]
        )
        path = tmp_path / f"t{suffix}"
        tl.save(path)
        loaded = Timeline.load(path)
        assert loaded == tl
        (observation,) = loaded["x"].observations
        assert str(observation.value) == str(q)
        assert loaded["x"].target.goal.unit == q.unit  # type: ignore[union-attr]


@given(
    value=st.decimals(
        allow_nan=False, allow_infinity=False, places=2, min_value=-(10**9), max_value=10**9
    ),
    mark=st.sampled_from(["x", "X", "×", "times", "fold", "x faster", "times more"]),
    bound=_BOUNDS,
)
@settings(max_examples=150, deadline=None)
def test_multiples_read_back_as_written(value: Decimal, mark: str, bound: Bound) -> None:
    q = Quantity(value, mark, bound=bound)
    back = Quantity.parse(str(q))
    assert back == q
    assert back.unit == q.unit and str(back) == str(q)
    # every mark states the same multiple
    assert back == Quantity(value, "times" + mark[len(mark.split()[0]) :], bound=bound)


class TestIndianGrouping:
    """Digits grouped the Indian way ("5,00,000": lakh, crore) read as the number they write."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("5,00,000", Quantity(500_000, "")),
            ("₹5,00,000", Quantity(500_000, "INR")),
            ("12,34,56,789", Quantity(123_456_789, "")),
            ("1,00,00,000 rupees", Quantity(10_000_000, "INR")),
            ("Rs 2,50,000.50", Quantity(Decimal("250000.5"), "INR")),
            ("INR 10,00,000", Quantity(1_000_000, "INR")),
            ("over ₹5,00,000", Quantity(500_000, "INR", bound="more_than", wording="over")),
            ("5,00,000+ farmers", Quantity(500_000, "farmers", bound="at_least")),
            ("₹5,00,000-7,50,000", Quantity(500_000, "INR", high=750_000)),
            ("between 1,00,000 and 2,50,000 people", Quantity(100_000, "people", high=250_000)),
            ("99,999", Quantity(99_999, "")),  # thousands: unchanged
            ("1,234,567", Quantity(1_234_567, "")),
        ],
    )
    def test_read(self, text: str, expected: Quantity) -> None:
        got = Quantity.parse(text)
        assert got == expected and repr(got) == repr(expected)
        assert Quantity.parse(str(got)) == got  # written back with thousands commas

    @pytest.mark.parametrize(
        "text",
        [
            "5,0,00",
            "1,00",
            "5,00,00",
            "12,3456",
            "1,000,00",
            "1,00,000,000",
            "₹5,0,00",
            "over 5,0,00 people",
            "1,00 tokens",
        ],
    )
    def test_malformed_grouping_is_refused_with_the_fix(self, text: str) -> None:
        with pytest.raises(QuantityError) as caught:
            Quantity.parse(text)
        message = str(caught.value)
        assert repr(text) in message  # quotes the input
        assert "grouped" in message and "'1,000,000'" in message and "'10,00,000'" in message


@given(st.integers(min_value=1000, max_value=10**15), st.sampled_from(["", "₹", "INR "]))
@settings(max_examples=150, deadline=None)
def test_indian_grouping_reads_the_number_it_writes(number: int, currency: str) -> None:
    digits = str(number)
    head, tail = digits[:-3], digits[-3:]
    pairs = []
    while len(head) > 2:
        head, pairs = head[:-2], [head[-2:], *pairs]
    grouped = ",".join([head, *pairs, tail])
    got = Quantity.parse(f"{currency}{grouped}")
    assert got.value == number
    assert got.unit == ("INR" if currency else "")
