"""Figures said in words, as articles write them: "two million users", "half a million"."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from timeline import Quantity, QuantityError

M, B = 10**6, 10**9


class TestNumberWords:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("two million users", Quantity(2 * M, "users")),
            ("half a million workers", Quantity(M // 2, "workers")),
            ("a dozen factories", Quantity(12, "factories")),
            ("half a dozen models", Quantity(6, "models")),
            ("two dozen chips", Quantity(24, "chips")),
            ("three billion dollars", Quantity(3 * B, "USD")),
            ("a billion dollars", Quantity(B, "USD")),
            ("one and a half billion yuan", Quantity(3 * B // 2, "CNY")),
            ("twenty-five thousand jobs", Quantity(25_000, "jobs")),
            ("twenty five thousand jobs", Quantity(25_000, "jobs")),
            ("two hundred and fifty million", Quantity(250 * M, "")),
            ("two thousand five hundred robots", Quantity(2_500, "robots")),
            ("a hundred thousand GPUs", Quantity(100_000, "GPUs")),
            ("Ten percent", Quantity(10, "%")),
            ("fifty-five per cent", Quantity(55, "%")),
            # bounds and ranges
            ("more than two million users", Quantity(2 * M, "users", bound="more_than")),
            ("nearly half a million", Quantity(M // 2, "", bound="approx")),
            ("two to three million cars", Quantity(2 * M, "cars", bound="range", high=3 * M)),
            (
                "between two and three billion dollars",
                Quantity(2 * B, "USD", bound="range", high=3 * B),
            ),
            ("five million or more", Quantity(5 * M, "", bound="at_least")),
        ],
    )
    def test_read(self, text: str, expected: Quantity) -> None:
        assert Quantity.parse(text) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "dozens of factories",  # vague amounts are no numbers
            "hundreds of thousands of users",
            "a few models",
            "several billion dollars",
            "an hour",  # "a"/"an" alone is no number
            "tenfold",  # a word that starts like a number
            "one-stop shops",
            "two thousand three million",  # scales out of order
        ],
    )
    def test_vague_or_not_numbers_are_refused(self, text: str) -> None:
        with pytest.raises(QuantityError, match="no number found"):
            Quantity.parse(text)

    def test_written_back_in_digits_and_read_again(self) -> None:
        q = Quantity.parse("two and a half million subscribers")
        assert str(q) == "2.5 million subscribers"
        assert Quantity.parse(str(q)) == q

    @given(st.integers(0, 999_999_999_999_999))
    def test_every_whole_number_spelt_out_reads_as_itself(self, n: int) -> None:
        # num2words spells numbers independently ("two million, five hundred thousand");
        # prose writes them without the commas.
        spelt = num2words(n).replace(",", "")
        assert Quantity.parse(f"{spelt} units") == Quantity(n, "units")
        assert Quantity.parse(f"{spelt.upper()} units").value == Decimal(n)
