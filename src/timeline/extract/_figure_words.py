"""Figures said in words in running text: "two million users", "half a million workers",
"a dozen factories", "three billion dollars", "fifty percent".

A number said in words is a figure when it has a scale ("thousand", "million",
"billion", "trillion"), counts dozens, or is a percentage: "two companies" or "one of
the" are no figures (a small count in words is mostly prose, not a measure). The
words before the scale that say the number ("two hundred and fifty") are taken with
it, a bound word before them ("more than", "nearly") too, and the unit words after
it as for figures in digits (`timeline.extract._figures`); `Quantity.parse` reads
the words (`timeline.figures._number_words`) and decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from timeline._errors import QuantityError
from timeline.figures import Bound, Quantity
from timeline.figures._number_words import number_end

__all__ = ["BOUND", "worded_figures"]

_WORD_NUMBERS: Final = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    "|eighty|ninety|hundred|thousand|million|billion|trillion|dozen"
)
# What makes a number said in words a figure: a scale, dozens, or a percent after it.
_TRIGGER: Final = re.compile(
    r"(?i)\b(?:thousand|million|billion|trillion|dozen)\b(?!-)|(?<=[a-z] )(?:percent|per cent)\b"
)
# The number's words before the trigger, read backwards from it.
_BEFORE: Final = re.compile(
    rf"(?i)(?<![\w$€£¥₹₩.,-])(?:(?:half\s+an?|an?|{_WORD_NUMBERS})(?:[\s-]+|$))"
    rf"(?:(?:{_WORD_NUMBERS}|and|an?|half)(?:[\s-]+|$))*$"
)
# The words that bound a figure before it ("more than", "nearly"), in digits or in words.
BOUND: Final = (
    r"(?:more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+much\s+as"
    r"|as\s+many\s+as|over|under|above|below|about|around|approximately|roughly|nearly"
    r"|almost|some|an\s+estimated|north\s+of|in\s+excess\s+of|upwards\s+of)"
)
_BOUND_BEFORE: Final = re.compile(rf"(?i)\b(?P<bound>{BOUND})\s+$")
_CODE_AFTER: Final = re.compile(
    r"(?i)\s+(?:dollars|euros|pounds|yuan|yen|rupees|won|USD|CNY|EUR|GBP|JPY|RMB)\b"
)


_BETWEEN_BEFORE: Final = re.compile(r"(?i)\bbetween\s+$")
_AND: Final = re.compile(r"(?i)\s+and\s+")
_JOIN_BEFORE: Final = re.compile(r"(?i)\s+(?P<join>and|to)\s+$")
_PART_BEFORE_AND: Final = re.compile(r"(?i)\b(?:hundred|thousand|million|billion|trillion)$")


def _is_percent(trigger: re.Match[str]) -> bool:
    return trigger.group().lower().startswith("per")


def worded_figures(
    folded: str,
    start: int,
    end: int,
    taken: list[tuple[int, int]],
    units: re.Pattern[str],
    unit_words: Callable[[str], str],
) -> list[tuple[int, int, Quantity]]:
    """The figures said in words in ``folded[start:end]`` that overlap no ``taken``
    span: (start, end, quantity) each. ``units`` matches the words that may follow a
    figure as its unit, ``unit_words`` keeps those that are (as for figures in digits).

    >>> import timeline.extract._figures as f
    >>> text = "Acme expects two million users and a dozen plants by 2027."
    >>> [(text[a:b], str(q)) for a, b, q in worded_figures(text, 0, len(text), [],
    ...                                                      f._UNITS, f._unit_words)]
    [('two million users', '2 million users'), ('a dozen plants', '12 plants')]
    """
    found: list[tuple[int, int, Quantity]] = []
    for trigger in _TRIGGER.finditer(folded, start, end):
        if found and trigger.start() < found[-1][1]:
            continue  # a second scale of a number already read ("two million five hundred")
        after_last = found[-1][1] if found else start
        head = _BEFORE.search(folded, max(after_last, trigger.start() - 80), trigger.start())
        if head is None or not head.group().strip():
            continue
        first = head.start()
        # "four and five million": two numbers, the figure is the one with the scale
        # ("two hundred and fifty" and "one and a half" are one)
        for joined in _AND.finditer(folded, first, trigger.start()):
            half = folded.startswith("a half", joined.end())
            if not half and not _PART_BEFORE_AND.search(folded, first, joined.start()):
                first = joined.end()
        number = number_end(folded[:end], first)
        if number is None:
            continue
        if _is_percent(trigger):
            if number != trigger.start() - 1:
                continue  # the percent is not said of this number
            stop = trigger.end()
        elif number < trigger.end():
            continue  # the scale is not part of a number said here
        else:
            stop = number
        low = _low_end(folded, max(after_last, first - 80), first)
        begin = first if low is None else low
        bound = _BOUND_BEFORE.search(folded, max(start, begin - 16), begin)
        begin = bound.start() if bound else begin
        code = _CODE_AFTER.match(folded, stop, end)
        run = None if code else units.match(folded, stop, end)
        kept = len(unit_words(run.group()).split()) if run else 0
        if code is not None:
            stop = code.end()
        elif kept and run is not None:
            stop += list(re.finditer(r"\S+", run.group()))[kept - 1].end()
        if any(a < stop and begin < b for a, b in taken):
            continue
        try:
            quantity = Quantity.parse(" ".join(folded[begin:stop].split()))
        except QuantityError:
            continue
        if quantity.bound is Bound.EXACT and quantity.value == 0:
            continue
        found.append((begin, stop, quantity))
    return found


def _low_end(folded: str, lo: int, first: int) -> int | None:
    """Where a range's low end said in words starts, before the high end at ``first``:
    "between two and three million", "two to three million"; else ``None``."""
    join = _JOIN_BEFORE.search(folded, lo, first)
    if join is None:
        return None
    low = _BEFORE.search(folded, lo, join.start() + 1)
    if low is None:
        return None
    between = _BETWEEN_BEFORE.search(folded, max(lo, low.start() - 8), low.start())
    if (join.group("join").lower() == "and") != (between is not None):
        return None  # "X and Y" without "between" is two figures; "between X to Y" none
    if number_end(folded, low.start()) != join.start():
        return None  # the words before the join are no whole number
    return between.start() if between else low.start()
