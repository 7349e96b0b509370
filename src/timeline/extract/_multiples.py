"""Multiples in running text: "3.5x", "a 10× jump", "three times faster", "a thousand-fold".

A multiple is a number (digits or an English number word) with a mark: "x" or "×"
right after it, "fold" ("3-fold", "threefold"), or "times". "x", "×" and "fold"
always state a multiple; "times" does only when a comparison follows ("three times
faster", "5 times as many", "four times the") or a verb of growth comes before
("rose 5 times"): "delayed three times" and "4 times a year" count occasions. A
bound word before it is kept ("more than a thousand-fold"). The figure is the
multiple alone, without the words after it, so "3x" and "3x growth" state one figure.

Verbs of multiplication state a multiple too, in every form: "doubled" (2x),
"tripled" (3x), "quadrupled" (4x), "quintupled" (5x), "halved" and "cut in half"
(0.5x), as "plans to double", "is doubling", "doubles". Not when they are an
adjective or a noun ("a double whammy", "the triple-A rating", "double-digit") or an
idiom ("doubled down on").
`timeline.extract._figures` adds these to the figures it finds.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from timeline._errors import QuantityError
from timeline.extract._text import words
from timeline.figures import Quantity

__all__ = ["multiples"]

_NUMBER_WORDS: Final = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
}
_WORD: Final = r"(?:a\s+|one\s+)?(?:hundred|thousand)|" + "|".join(
    sorted((w for w in _NUMBER_WORDS if w not in ("hundred", "thousand")), key=len)[::-1]
)
_DIGITS: Final = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?"
_MULTIPLE: Final = re.compile(
    r"(?<![\w.$€£¥-])"
    r"(?:(?P<bound>more\s+than|less\s+than|at\s+least|at\s+most|up\s+to|over|under|about"
    r"|around|approximately|roughly|nearly|almost|some)\s+)?"
    rf"(?:(?P<num>{_DIGITS}(?:\s?-\s?{_DIGITS})?)|(?P<word>{_WORD}))"
    r"(?:(?P<x>[x×])(?![\w-])|\s?(?P<sign>×)|\s?-?\s?(?P<fold>fold)(?![\w-])"
    r"|\s(?P<times>times)(?![\w-]))",
    re.IGNORECASE,
)
# After "times", what makes it a multiple: a comparison.
_COMPARED: Final = re.compile(
    r"\s+(?:more|less|fewer|as|the|that|what|its|their|his|her|our|over|[a-z]{3,}er)\b",
    re.IGNORECASE,
)
_NOT_COMPARED: Final = words("never after other under later together whether rather")
# Before a number, verbs of growth that make "N times" a multiple.
_GROWTH: Final = re.compile(
    r"(?:grew|grow|grows|growing|grown|rose|rise|rises|risen|rising|increased?|increases"
    r"|jumped|climbed|surged|expanded|multiplied|soared|up|by)\s+$",
    re.IGNORECASE,
)


# Verbs of multiplication, every form: "doubled", "plans to double", "is tripling".
_VERB_FACTOR: Final = {"doubl": "2", "tripl": "3", "quadrupl": "4", "quintupl": "5", "halv": "0.5"}
_VERB: Final = re.compile(
    r"(?<![\w-])"
    r"(?:(?P<bound>more\s+than|less\s+than|nearly|almost|roughly|about|around|at\s+least"
    r"|over)\s+)?"
    r"(?P<stem>doubl|tripl|quadrupl|quintupl|halv)(?:e|es|ed|ing)(?![\w-])"
    r"(?!\s+(?:down|up)\b)"  # "doubled down on", "doubled up": idioms
    r"|(?<![\w-])(?P<cut>cut|cuts|cutting)\s+(?:\w+\s+){0,3}?in\s+half(?![\w-])",
    re.IGNORECASE,
)
_VERB_HINT: Final = re.compile(r"doubl|tripl|quadrupl|quintupl|halv|half", re.IGNORECASE)
# Before these the word is an adjective or a noun ("a double whammy"), not a verb.
_NOT_VERB_BEFORE: Final = words("a an the its their his her our this that")


@functools.lru_cache(maxsize=64)
def _verb_quantity(text: str) -> Quantity:
    """The figure of a verb of multiplication ("more than 2x"): a few texts, read once."""
    return Quantity.parse(text)


def _verbs(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Verbs of multiplication in ``folded[start:end]``: (start, end, the multiple as text)."""
    found: list[tuple[int, int, str]] = []
    if _VERB_HINT.search(folded, start, end) is None:
        return found  # most clauses: no verb of multiplication at all
    for m in _VERB.finditer(folded, start, end):
        if m.group("cut") is not None:
            found.append((m.start(), m.end(), "0.5x"))
            continue
        before = folded[max(start, m.start() - 12) : m.start()].split()
        if before and before[-1].lower() in _NOT_VERB_BEFORE:
            continue
        factor = _VERB_FACTOR[m.group("stem").lower()]
        bound = m.group("bound")
        found.append(
            (m.start(), m.end(), f"{' '.join(bound.split())} {factor}x" if bound else f"{factor}x")
        )
    return found


def _is_multiple(folded: str, m: re.Match[str]) -> bool:
    if m.group("x") == "X" and m.group("num") is not None and _model_name(folded, m):
        return False
    if m.group("times") is None:
        return True
    after = _COMPARED.match(folded, m.end())
    if after is not None and after.group().strip().lower() not in _NOT_COMPARED:
        return True
    start = m.start("num") if m.group("num") is not None else m.start("word")
    return _GROWTH.search(folded, max(0, start - 14), start) is not None


def _model_name(folded: str, m: re.Match[str]) -> bool:
    """Whether a number with a capital X glued to it names a model ("the 777X", "Boeing
    737X"): a whole number of three digits or more, or one after a capitalised name;
    "a 10X jump" and "3.5X" are multiples."""
    number = m.group("num")
    if m.group("bound") or not number.isdigit():
        return False
    before = re.search(r"(\w+)\s+$", folded[max(0, m.start() - 20) : m.start()])
    return len(number) >= 3 or (before is not None and before.group(1)[:1].isupper())


def multiples(
    folded: str, start: int, end: int, taken: list[tuple[int, int]]
) -> list[tuple[int, int, Quantity]]:
    """The multiples in ``folded[start:end]`` not overlapping ``taken``: (start, end, figure).

    >>> text = "Sales rose 3.5x, three times faster than rivals."
    >>> [(text[a:b], str(q)) for a, b, q in multiples(text, 0, len(text), [])]
    [('3.5x', '3.5x'), ('three times', '3 times')]
    """
    found: list[tuple[int, int, Quantity]] = []
    for a, b, text in _verbs(folded, start, end):
        if not any(x < b and a < y for x, y in taken):
            found.append((a, b, _verb_quantity(text)))
    for m in _MULTIPLE.finditer(folded, start, end):
        if any(a < m.end() and m.start() < b for a, b in taken) or not _is_multiple(folded, m):
            continue
        if m.group("num") is not None:
            number = m.group("num")
        else:
            word = m.group("word").lower().split()[-1]
            number = str(_NUMBER_WORDS[word])
        if m.group("x") or m.group("sign"):
            mark = m.group("x") or m.group("sign")
        else:
            mark = " times" if m.group("times") else "-fold"
        bound = m.group("bound")
        text = f"{' '.join(bound.split())} {number}{mark}" if bound else f"{number}{mark}"
        try:
            quantity = Quantity.parse(text)
        except QuantityError:
            continue
        if not any(a < m.end() and m.start() < b for a, b, _ in found):
            found.append((m.start(), m.end(), quantity))
    return sorted(found, key=lambda f: f[0])
