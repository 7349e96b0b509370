"""Scale words after a number: their factors, and misspelt ones refused with the fix.

`scale_factor` gives what a scale word multiplies by: short-scale English (a billion is
10⁹), Indian (lakh, crore), German and French (Mio., Mrd., milliard) and Chinese (万, 亿).

A word right after the number that is a scale word misspelt ("bilion", "milion",
"thousnd", "millions", "bn" written "bln") is refused with the fix, never read as
the unit: "$3 bilion" would otherwise be 3 "USD bilion". Real units that look
alike ("bullion", "mission", "billing", "billionaires") are kept. Used by
`timeline.figures._quantity_text` when it reads a figure.
"""

from __future__ import annotations

import re
from typing import Final

from timeline._errors import QuantityError, quoted

__all__ = ["CJK_SCALES", "check_scale_word", "misspelt_scale", "scale_factor"]

_SCALES: Final = {
    "lakh": 10**5,  # Indian numbering: 1 lakh = 100,000
    "crore": 10**7,  # 1 crore = 100 lakh = 10 million
    "lakh crore": 10**12,  # "₹1.5 lakh crore": 1.5 trillion
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "mm": 10**6,  # finance's attached "MM" ("$5MM"); "5mm" and "5 MM" stay units
    "billion": 10**9,
    "b": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "t": 10**12,
    "tn": 10**12,
    # German and French: "1.5 Mrd. €", "300 Mio. Euro", "2 milliards"
    "mio": 10**6,
    # written with their case and marks only ("5 M€", "1,5 Md€", "3 Bio. €"): "Md" before
    # "€", and "Bio." (German Billionen, 10¹²) with its dot
    "md": 10**9,
    "mds": 10**9,
    "bio": 10**12,
    "mrd": 10**9,
    "milliard": 10**9,
    # Chinese and Japanese, written right after the number ("100亿元", "300万"); 千 alone is
    # not one: "5千瓦" is 5 kilowatts
    "万": 10**4,
    "萬": 10**4,
    "百万": 10**6,
    "百萬": 10**6,
    "千万": 10**7,
    "千萬": 10**7,
    "亿": 10**8,
    "億": 10**8,
    "百亿": 10**10,
    "百億": 10**10,
    "千亿": 10**11,
    "千億": 10**11,
    "万亿": 10**12,
    "萬億": 10**12,
}
# The Chinese scales as a regular-expression alternation, longest first ("万亿" before "万").
CJK_SCALES: Final = "|".join(
    sorted((word for word in _SCALES if not word.isascii()), key=len, reverse=True)
)


def scale_factor(word: str) -> int:
    """The factor of a scale word as matched after a number ("Lakhs  Crores", "Mrd.", "亿").

    >>> scale_factor("Lakhs  Crores"), scale_factor("Mrd."), scale_factor("万亿")
    (1000000000000, 1000000000, 1000000000000)"""
    words = [
        w[:-1] if w in ("lakhs", "crores", "milliards") else w.rstrip(".")
        for w in word.lower().split()
    ]
    return _SCALES[" ".join(words)]


# Spelled-out scale words, and the abbreviations people use that this reader does not.
_SCALE_WORDS: Final = ("thousand", "million", "billion", "trillion")
_SCALE_ABBREVIATIONS: Final = {"mln": "million", "bln": "billion", "trn": "trillion"}
# English words one letter from a scale word, which may well be units.
_LOOKALIKES: Final = frozenset({"bullion", "mullion", "pillion", "minion", "mission"})
_FIRST_WORD: Final = re.compile(r"\s*(?P<word>[A-Za-z]+)\b")


def _squeeze(word: str) -> str:
    """The word with doubled letters written once: "billion" -> "bilion"."""
    return re.sub(r"(.)\1+", r"\1", word)


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) that turn ``a`` into ``b``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        row = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        previous2, previous = previous, row
    return previous[-1]


def misspelt_scale(word: str) -> tuple[str, ...]:
    """The scale words ``word`` may misspell, closest first ("bilion" -> billion).

    A word counts when, with doubled letters written once, it is one edit from a
    scale word ("bilion", "bilon", "thousnd", "millions"); words that merely start
    with one ("billionaires", "thousandths") and look-alike English words
    ("bullion", "mission") do not. "illion" is as near to million as to billion.

    >>> misspelt_scale("bilion"), misspelt_scale("Thousnd"), misspelt_scale("tokens")
    (('billion',), ('thousand',), ())
    """
    low = word.lower()
    if low in _SCALE_ABBREVIATIONS:
        return (_SCALE_ABBREVIATIONS[low],)
    if low in _SCALE_WORDS or low in _LOOKALIKES or len(low) < 5:
        return ()
    for scale in _SCALE_WORDS:
        if low.startswith(scale):
            # one letter more is a typo or a plural; more is a word ("billionth")
            return (scale,) if len(low) == len(scale) + 1 else ()
    # difflib orders the candidates; the edit distance decides which count: the
    # nearest ones within one edit ("bilion" is billion, not million).
    import difflib  # only on the error path

    close = difflib.get_close_matches(low, _SCALE_WORDS, n=4, cutoff=0.5)
    edits = {c: _distance(_squeeze(low), _squeeze(c)) for c in close}
    nearest = min(edits.values(), default=2)
    return tuple(c for c in close if edits[c] == nearest <= 1)


def check_scale_word(text: str, match: re.Match[str]) -> None:
    """Refuse a misspelt scale word right after the last number, naming the fix."""
    last = 2 if match.group("num2") is not None else 1
    if match.group(f"scale{last}") or match.group(f"mark{last}") or match.group(f"abbr{last}"):
        return
    first = _FIRST_WORD.match(match.group("rest"))
    if first is None:
        return
    word = first.group("word")
    scales = misspelt_scale(word)
    if not scales:
        return
    fixes = [
        re.sub(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", scale, text, count=1)
        for scale in scales
    ]
    guess = " or ".join(repr(fix) for fix in fixes)
    raise QuantityError(
        f"{quoted(text)} is not a quantity: {quoted(word)} is not a scale word; "
        f"did you mean {guess}?",
        text=text,
    )
