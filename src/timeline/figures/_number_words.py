"""Numbers written in words, as articles write them: "two million users", "half a
million workers", "a dozen factories", "twenty-five thousand", "one and a half billion".

`words_as_digits` rewrites the number words at the start of a figure's text (and at
the start of a range's second end: "two to three million") as digits, so the figure
reads as if it had been written with them. Only whole numbers said in words are read:
a group of up to three digits ("two hundred and fifty"), each followed by an optional
scale (thousand, million, billion, trillion), "a"/"an" for one before a scale or
"dozen", "dozen" for twelve, "half a" for half the scale after it ("half a million"),
and "and a half" after a number ("one and a half million"). Vague amounts ("dozens
of", "hundreds of thousands", "a few", "several") are not numbers and are left as
they are (the reader then says no number was found).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

__all__ = ["number_end", "words_as_digits"]

_SMALL: Final = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TEN_WORDS: Final = (
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)
_ONES: Final = {w: i for i, w in enumerate(_SMALL)}
_TENS: Final = {w: 10 * i for i, w in enumerate(_TEN_WORDS, 2)}
_SCALES: Final = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_WORD: Final = re.compile(r"[A-Za-z]+")
_NUMBER_WORDS: Final = frozenset([*_ONES, *_TENS, *_SCALES, "hundred", "dozen", "half"])
# Where a second number may start: after the first one's range joiner.
_JOINER: Final = re.compile(r"\s*(?:-|\b(?i:to)\b)\s*")


class _Words:
    """The words of a text from a position: each one's text (lower case) and end."""

    def __init__(self, text: str, pos: int) -> None:
        self.text = text
        self.pos = pos

    def peek(self, ahead: int = 0) -> str | None:
        pos = self.pos
        for _ in range(ahead + 1):
            m = _WORD.match(self.text, pos)
            if m is None:
                return None
            word, pos = m.group().lower(), m.end()
            after = re.match(r"[ -]", self.text[pos : pos + 1])
            if after is not None and ahead:
                pos += 1
            ahead -= 1
        return word

    def take(self, count: int = 1) -> None:
        for _ in range(count):
            m = _WORD.match(self.text, self.pos)
            assert m is not None
            self.pos = m.end()
            if self.text[self.pos : self.pos + 1] in (" ", "-") and _WORD.match(
                self.text, self.pos + 1
            ):
                self.pos += 1


def _below_thousand(words: _Words) -> int | None:
    """A group said in words ("two hundred and fifty", "twenty-five", "a hundred")."""
    first = words.peek()
    if first in ("a", "an") and words.peek(1) == "hundred":
        words.take(2)
        value = 100
    elif first in _ONES:
        words.take()
        value = _ONES[first]
        if words.peek() == "hundred":
            words.take()
            value *= 100
    elif first in _TENS:
        words.take()
        value = _TENS[first]
        unit = words.peek()
        if unit in _ONES and 0 < _ONES[unit] < 10:
            words.take()
            value += _ONES[unit]
        return value
    else:
        return None
    if value >= 100 and value % 100 == 0:
        rest = words.peek()
        skip = 1 if rest == "and" and words.peek(1) in (*_ONES, *_TENS) else 0
        if skip or rest in _ONES or rest in _TENS:
            saved = words.pos
            words.take(skip)
            tail = _below_thousand(words)
            if tail is None or tail >= 100:
                words.pos = saved
            else:
                value += tail
    return value


def _number(words: _Words) -> str | None:
    """A whole number said in words from the current position, in digits, or ``None``.

    A number of one scale keeps its scale word ("two million" is "2 million"), so a
    range's bare low end takes it as it would from digits ("two to three million").
    """
    first = words.peek()
    if first == "half" and words.peek(1) in ("a", "an") and words.peek(2) in (*_SCALES, "dozen"):
        words.take(2)
        scale = words.peek() or ""
        words.take()
        return "6" if scale == "dozen" else f"0.5 {scale}"
    if first in ("a", "an") and words.peek(1) in (*_SCALES, "dozen"):
        words.take()
        group: int | None = 1
    else:
        group = _below_thousand(words)
    if group is None:
        return None
    scaled: list[tuple[Decimal, str]] = []
    value = Decimal(group)
    while True:
        word = words.peek()
        if word == "dozen":
            words.take()
            value *= 12
            continue
        if word == "and" and words.peek(1) in ("a", "an") and words.peek(2) == "half":
            words.take(3)
            value += Decimal("0.5")
            continue
        if word in _SCALES:
            if scaled and _SCALES[word] >= _SCALES[scaled[-1][1]]:
                return None  # "two thousand three million": no number said this way
            words.take()
            scaled.append((value, word))
            if words.peek() == "and" and words.peek(1) in (*_ONES, *_TENS):
                # "one thousand and one": the last group, under a hundred (not "two
                # million and three million": two numbers)
                saved = words.pos
                words.take()
                last = _below_thousand(words)
                if last is not None and last < 100 and words.peek() not in _SCALES:
                    value = Decimal(last)
                    break
                words.pos = saved
            more = _below_thousand(words)
            if more is None:
                value = Decimal(0)
                break
            value = Decimal(more)
            if words.peek() not in _SCALES:
                break  # the last group: "two thousand five hundred"
            continue
        break
    if len(scaled) == 1 and value == 0:
        number, scale = scaled[0]
        return f"{_digits(number)} {scale}"
    total = value + sum((n * _SCALES[w] for n, w in scaled), Decimal(0))
    return _digits(total)


def _digits(number: Decimal) -> str:
    return format(number.normalize(), "f")


def _convert_at(text: str, pos: int) -> tuple[str, int] | None:
    """The number said in words at ``pos`` as digits, and where its words end."""
    words = _Words(text, pos)
    number = _number(words)
    if number is None:
        return None
    end = words.pos
    if text[end - 1 : end] in (" ", "-"):
        end -= 1
    if re.match(r"[\w-]", text[end : end + 1]):
        return None  # "one-stop", "tenfold": a word that starts like a number
    return number, end


def words_as_digits(body: str) -> str:
    """``body`` with the number said in words at its start (and at the start of a
    range's second end) written in digits; unchanged when it starts otherwise.

    >>> words_as_digits("two million users"), words_as_digits("half a million workers")
    ('2 million users', '0.5 million workers')
    >>> words_as_digits("two to three billion dollars"), words_as_digits("a dozen plants")
    ('2 to 3 billion dollars', '12 plants')
    """
    first = _WORD.match(body)
    if first is None or first.group().lower() not in (*_NUMBER_WORDS, "a", "an"):
        return body
    converted = _convert_at(body, 0)
    if converted is None:
        return body
    digits, end = converted
    joiner = _JOINER.match(body, end)
    if joiner is not None:
        second = _convert_at(body, joiner.end())
        if second is not None:
            return f"{digits}{joiner.group()}{second[0]}{body[second[1] :]}"
    return digits + body[end:]


def number_end(text: str, pos: int) -> int | None:
    """Where the number said in words at ``pos`` ends, or ``None`` if none starts there.

    >>> text = "two million and three million"
    >>> text[: number_end(text, 0)]
    'two million'
    """
    converted = _convert_at(text, pos)
    return None if converted is None else converted[1]
