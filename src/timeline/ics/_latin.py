"""The single-byte Latin encoding of a calendar's lines that are not UTF-8: by its letters.

Old exports that are not UTF-8 and not East Asian (`timeline.ics._encoding`)
are mostly Windows' Western code page (cp1252), its Central European one
(Windows-1250: Polish, Czech, Slovak, Hungarian, Romanian, Slovene, Croatian)
or the old Mac's (Mac Roman). The three share ASCII and differ in the bytes
past it, so each reading is weighed by what its letters would be:

* letter frequencies: the share of each accented letter in the languages
  written in these encodings (``ř`` is 0.4% of Czech letters, ``ø`` 0.9% of
  Danish ones), each kind of letter the file has scored once in the file's
  likeliest language, or in another at a cost (a calendar may mix two): a
  reading whose letters no one language writes together (``Pøíprava
  rozpoètu``: Danish ``ø``, Spanish ``í``, French ``è``) is unlikely; a letter
  no language of the table writes, or one written only at a word's end
  (Italian ``più``) found inside a word, costs as much as a sign glued to
  letters;
* what no text writes: a sign glued to letters (``£ódŸ``, ``Mo¿e``), an
  accent alone beside a letter (``ˆ``), a capital inside a lower-case word
  (``CafŽ``), a control character.

The readings that give the same text are one. cp1252 stays unless another
reading is surely likelier (by `_SWITCH`: it is the commonest, and a wrong
guess must never replace a plain reading); a reading nearly as likely as the
one taken is named in the report with the text it gives, as other ambiguities
are.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from timeline.ics._encoding import Legacy

__all__ = ["CENTRAL", "MAC_ROMAN", "WESTERN", "latin", "plain"]

WESTERN = ("cp1252", "cp1252 (Windows Western European)")
CENTRAL = ("cp1250", "Windows-1250 (Central European)")
MAC_ROMAN = ("mac_roman", "Mac Roman (Apple Western European)")
_READINGS = (WESTERN, CENTRAL, MAC_ROMAN)

# Accented letters as a percentage of all letters of a language's text (rounded; the
# Wikipedia "Letter frequency" tables and national corpora), lower case.
_LETTERS: dict[str, dict[str, float]] = {
    "fr": {"é": 1.9, "è": 0.3, "ê": 0.22, "à": 0.5, "â": 0.05, "ç": 0.09, "î": 0.05,
           "ï": 0.01, "ô": 0.05, "ù": 0.06, "û": 0.06, "ë": 0.01, "œ": 0.02, "ü": 0.005},
    "de": {"ä": 0.58, "ö": 0.44, "ü": 1.0, "ß": 0.31, "é": 0.01},
    "es": {"á": 0.5, "é": 0.43, "í": 0.73, "ñ": 0.31, "ó": 0.83, "ú": 0.17, "ü": 0.01},
    "pt": {"á": 0.5, "â": 0.56, "ã": 0.73, "à": 0.07, "ç": 0.53, "é": 0.34, "ê": 0.45,
           "í": 0.13, "ó": 0.3, "ô": 0.64, "õ": 0.04, "ú": 0.21},
    "it": {"à": 0.64, "è": 0.26, "é": 0.1, "ì": 0.03, "ò": 0.1, "ù": 0.17},
    "ca": {"à": 0.5, "è": 0.4, "é": 0.4, "í": 0.3, "ï": 0.05, "ò": 0.3, "ó": 0.3,
           "ú": 0.1, "ü": 0.03, "ç": 0.2},
    "nl": {"é": 0.1, "ë": 0.05, "ï": 0.02, "è": 0.01, "ö": 0.01, "ü": 0.01},
    "sv": {"å": 1.3, "ä": 1.8, "ö": 1.3, "é": 0.01},
    "da": {"æ": 0.87, "ø": 0.94, "å": 1.2, "é": 0.01},
    "no": {"æ": 0.4, "ø": 0.8, "å": 0.9, "é": 0.01},
    "fi": {"ä": 3.6, "ö": 0.44, "å": 0.01},
    "is": {"á": 1.8, "é": 0.65, "í": 1.57, "ó": 0.99, "ú": 0.61, "ý": 0.23, "þ": 1.46,
           "ð": 4.39, "æ": 0.87, "ö": 0.78},
    "pl": {"ą": 0.99, "ć": 0.4, "ę": 1.11, "ł": 1.82, "ń": 0.2, "ó": 0.85, "ś": 0.66,
           "ź": 0.06, "ż": 0.83},
    "cs": {"á": 0.87, "č": 0.46, "ď": 0.02, "é": 0.63, "ě": 1.22, "í": 1.64, "ň": 0.08,
           "ó": 0.02, "ř": 0.38, "š": 0.69, "ť": 0.04, "ú": 0.05, "ů": 0.2, "ý": 1.0,
           "ž": 0.72},
    "sk": {"á": 2.1, "ä": 0.1, "č": 0.9, "ď": 0.2, "é": 0.6, "í": 1.3, "ĺ": 0.01, "ľ": 0.3,
           "ň": 0.1, "ó": 0.2, "ô": 0.2, "ŕ": 0.01, "š": 0.6, "ť": 0.3, "ú": 0.7, "ý": 1.3,
           "ž": 0.6},
    "hu": {"á": 3.4, "é": 3.3, "í": 0.6, "ó": 1.0, "ö": 1.0, "ő": 0.9, "ú": 0.3, "ü": 0.5,
           "ű": 0.1},
    "ro": {"ă": 2.5, "â": 0.6, "î": 1.0, "ş": 1.2, "ţ": 1.0, "ș": 1.2, "ț": 1.0},
    "sl": {"č": 1.0, "š": 0.9, "ž": 0.8},
    "hr": {"č": 1.1, "ć": 0.5, "đ": 0.2, "š": 1.0, "ž": 0.7},
}  # fmt: skip
# Letters a language writes only before some letters ("$": at a word's end): Italian 'più',
# French 'où', 'à', Portuguese 'ões', 'mãe', 'São', 'maçã'.
_NEXT = {
    "it": {"à": "$", "è": "$", "ì": "$", "ò": "$", "ù": "$"},
    "fr": {"à": "$", "ù": "$", "œ": "uie"},  # 'cœur', 'œil', 'œdème'; never 'Œroda'
    "pt": {"õ": "e", "ã": "oes$"},
}
# Letters a language writes only after some letters ('Schůzka', 'Změna'), only with a vowel
# beside them ('Příprava', 'hořký'; never 'smřrrebrřd'), or never before a vowel (Polish
# writes 'koń', 'dzień', 'ślub' but 'nie', 'siebie': never 'seńor', 'cśur').
_CONSONANTS = "bcdfghjklmnpqrstvwxzčďňřšťž"
_AFTER = {"cs": {"ů": _CONSONANTS, "ě": "bdfmnptv"}}  # Czech writes 'dě', 'mě', never 'sě'

_BESIDE_VOWEL = {"cs": frozenset("ř")}
_NOT_BEFORE_VOWEL = {"pl": frozenset("śćńź")}
# The letters past ASCII a language writes as a word of their own ('à', Italian 'è', Norwegian
# 'å', Hungarian 'ő'); any other alone is no word ('ŕ' for cp1252 'à').
_ALONE = {"fr": "à", "it": "è", "pt": "àé", "sv": "åö", "da": "åø", "no": "å", "is": "áíó",
          "hu": "ő"}  # fmt: skip
_VOWELS = frozenset("aeiouy")

_COST = {
    lang: {c: -math.log(p / 100) for c, p in table.items()} for lang, table in _LETTERS.items()
}
_UNWRITTEN = 13.0  # a letter the language does not write (or not there): about 1 in 500,000
_OTHER_LANGUAGE = 4.0  # a letter of another language than the file's likeliest
_MIXED = 8.0  # a word whose letters no one language writes together ('Dvoøák')
_SIGN = 4.0  # a sign where signs stand (£5, ¿Qué, «a», 20°)
_ODD = 16.0  # what no text writes: a sign glued to letters, a capital inside a word ...
_CONTROL = 20.0  # a control character, a private-use one, or a byte with no character
_SWITCH = 6.0  # how much likelier (e^6: 400 times) another reading must be than cp1252
_NEAR = 4.0  # a reading this close to the one taken is named in the report
# Mac Roman files are rarer than Windows ones (classic Mac OS exports): a reading's prior cost.
_PRIOR = {"cp1252": 0.0, "cp1250": 0.0, "mac_roman": 2.0}

_OPENING = frozenset("¿¡«‹„“‘‚")
_PAST_ASCII = re.compile(r"[^\x00-\x7f]")
_LETTERS_RUN = re.compile(r"[^\W\d_ªº]+")  # a word's letters (not the ordinals 'nº', '1ª')
_DASHES = frozenset("–—")
_ORDINALS = frozenset("ªº")


def _signs(text: str) -> float:
    """The cost of what ``text`` has past ASCII that is no letter, and of letters that stand
    where no text puts them (a capital inside a lower-case word, a letter glued to digits).

    Each character counts once, at its worst: a calendar repeats its titles.
    """
    seen: dict[str, float] = {}
    padded = f" {text} "
    for m in _PAST_ASCII.finditer(padded):
        i = m.start()
        c = padded[i]
        before, after = padded[i - 1], padded[i + 1]
        category = unicodedata.category(c)
        cost = 0.0
        if category[0] == "C":  # control, private use, unassigned
            cost = _CONTROL
        elif c in _ORDINALS:  # 'nº 5', '1ª': after a digit or n; else a letter glued
            natural = (
                before.isdigit() or before in "nN" or not (before.isalpha() or after.isalpha())
            )
            cost = _SIGN if natural else _ODD
        elif c.isalpha():
            if c.isupper() and before.isalpha() and (before.islower() or after.islower()):
                cost = _ODD  # 'CafŽ', 'MŸller': a capital inside a word
            elif after.isdigit() or (before.isdigit() and c.isupper()):
                cost = _ODD  # 'Ł5', 'Ą300', '1Ş': a letter glued to a number ('3ème' is not)
        elif category == "Sk":  # an accent alone ('ˆ', '¸', '˝'): no text writes one
            cost = _ODD
        elif c in _OPENING:
            cost = _ODD if before.isalpha() else _SIGN  # '¿Qué', not 'Mo¿e'
        elif c in _DASHES:
            cost = _ODD if before.isalpha() and after.islower() else _SIGN  # 'Paris–Berlin'
        elif before.isalpha() and after.isalpha():
            # "l’école", Catalan "col·lecció"; not 'zarz¹du', 'Ib·Òez'
            natural = c == "’" or (c == "·" and before in "lL" and after in "lL")
            cost = 0.0 if natural else _ODD
        elif category[0] in "SN" and after.isalpha() and after.islower():
            cost = _ODD  # '£ódŸ', '¼ubica', '¯abka': a sign glued before a word
        else:
            cost = _SIGN
        seen[c] = max(cost, seen.get(c, 0.0))
    return sum(seen.values())


def _base(c: str) -> str:
    """A letter's class: ``v`` (a vowel, accented or not), ``c`` (a consonant), ``$`` none."""
    if not c.isalpha() or c in _ORDINALS:
        return "$"
    return "v" if unicodedata.normalize("NFD", c.lower())[0] in _VOWELS else "c"


def _letters(text: str) -> dict[str, list[tuple[str, str]]]:
    """The letters past ASCII in ``text``, each lower case, with every place it stands: the
    letter before it and the letter after it (``$`` at a word's edge), as Italian writes 'ù'
    only at a word's end, Czech 'ů' only after a consonant."""
    found: dict[str, list[tuple[str, str]]] = {}
    padded = f" {text} "
    for m in _PAST_ASCII.finditer(padded):
        i = m.start()
        c = padded[i]
        if not c.isalpha() or c in _ORDINALS:
            continue
        before, after = padded[i - 1], padded[i + 1]
        places = found.setdefault(c.lower(), [])
        place = (
            before.lower() if _base(before) != "$" else "$",
            after.lower() if _base(after) != "$" else "$",
        )
        if place not in places:
            places.append(place)
    return found


def _letter_cost(letter: str, places: list[tuple[str, str]], language: str) -> float:
    """The cost of ``letter`` in ``language``: its frequency there, if every place it
    stands in is one the language writes it in; else `_UNWRITTEN`."""
    cost = _COST[language].get(letter)
    if cost is None:
        return _UNWRITTEN
    nexts = _NEXT.get(language, {}).get(letter)
    afters = _AFTER.get(language, {}).get(letter)
    beside = letter in _BESIDE_VOWEL.get(language, ())
    not_before = letter in _NOT_BEFORE_VOWEL.get(language, ())
    alone = _ALONE.get(language, "")
    for before, after in places:
        if (
            (before == after == "$" and letter not in alone)
            or (nexts is not None and after not in nexts)
            or (afters is not None and before not in afters)
            or (beside and _base(before) != "v" and _base(after) != "v")
            or (not_before and _base(after) == "v")
        ):
            return _UNWRITTEN
    return cost


def _mixed(text: str) -> bool:
    """Whether some word of ``text`` has letters past ASCII that no one language writes."""
    for word in _LETTERS_RUN.findall(text):
        if word.isascii():
            continue
        letters = {c.lower() for c in word if not c.isascii()}
        if len(letters) > 1 and not any(letters <= table.keys() for table in _LETTERS.values()):
            return True
    return False


def _language_cost(letters: dict[str, list[tuple[str, str]]]) -> float:
    """The cost of ``letters`` in the languages that write them likeliest: each other
    language than the first costs `_OTHER_LANGUAGE` (a calendar may mix two; a reading that
    needs several for a few letters is unlikely). Languages are added greedily."""
    if not letters:
        return 0.0
    table = [
        {lang: _letter_cost(letter, places, lang) for lang in _COST}
        for letter, places in letters.items()
    ]
    best = math.inf
    for main in _COST:
        current = [costs[main] for costs in table]
        added = 0.0  # the cost of the languages added to the first
        while True:
            cost, lang = min(
                (sum(min(c, costs[lang]) for c, costs in zip(current, table, strict=True)), lang)
                for lang in _COST
            )
            if cost + added + _OTHER_LANGUAGE >= sum(current) + added:
                break
            current = [min(c, costs[lang]) for c, costs in zip(current, table, strict=True)]
            added += _OTHER_LANGUAGE
        best = min(best, sum(current) + added)
    return best


def _reading(lines: Sequence[bytes], codec: str) -> tuple[str, float]:
    """The text of ``lines`` in ``codec`` (a byte it has no character for: Latin-1's control
    character) and the cost of that reading."""
    texts = []
    for raw in dict.fromkeys(lines):  # each line once: every measure here counts kinds
        try:
            texts.append(raw.decode(codec))
        except UnicodeDecodeError:
            texts.append(raw.decode("latin-1"))  # the bytes with no character: C1 controls
    text = "\n".join(texts)
    mixed = _MIXED if _mixed(text) else 0.0
    return text, _signs(text) + _language_cost(_letters(text)) + mixed


def latin(lines: Sequence[bytes]) -> Legacy:
    """The reading of ``lines`` (not UTF-8, not East Asian) among cp1252 (``None``),
    Windows-1250 and Mac Roman, and notes naming the other readings nearly as likely.

    >>> latin(["SUMMARY:Příprava rozpočtu".encode("cp1250")]).reading
    ('cp1250', 'Windows-1250 (Central European)')
    >>> latin(["SUMMARY:Réunion à Genève".encode("mac_roman")]).reading
    ('mac_roman', 'Mac Roman (Apple Western European)')
    >>> latin(["SUMMARY:Crème brûlée à Zürich".encode("cp1252")])
    Legacy(reading=None, notes=())
    """
    if not lines:
        return Legacy(None)
    read = {codec: _reading(lines, codec) for codec, _ in _READINGS}
    read = {codec: (text, cost + _PRIOR[codec]) for codec, (text, cost) in read.items()}
    western_text, western = read["cp1252"]
    best = min(_READINGS, key=lambda r: read[r[0]][1])
    chosen = WESTERN
    if best is not WESTERN and read[best[0]][1] + _SWITCH < western:
        chosen = best
    text, cost = read[chosen[0]]
    others = [  # readings nearly as likely, that read as text (nothing no text writes)
        r
        for r in _READINGS
        if r is not chosen
        and read[r[0]][0] != text
        and read[r[0]][1] < cost + _NEAR
        and _signs(read[r[0]][0]) < _ODD
    ]
    kind = (
        f"lines that are not UTF-8 and read as letters in several Latin encodings, read as "
        f"{chosen[1]}, the likeliest by their letters (if that is wrong, save the file as UTF-8)"
    )
    notes = tuple((kind, f"also reads as {r[1]}: {_sample(read[r[0]][0], text)!r}") for r in others)
    if chosen is not WESTERN:
        said = (
            f"lines that are not UTF-8 whose cp1252 reading glues signs to letters or mixes "
            f"letters no one language writes together, read as {chosen[1]}"
        )
        shown = f"{len(lines)} line{'s' * (len(lines) > 1)}: cp1252 reads "
        notes = ((said, shown + repr(_sample(western_text, text))), *notes)
    return Legacy(None if chosen is WESTERN else chosen, notes)


def _sample(other: str, text: str) -> str:
    """The first line where ``other`` differs from ``text``, its value, cut short."""
    for mine, theirs in zip(other.split("\n"), text.split("\n"), strict=False):
        if mine != theirs:
            return mine.split(":", 1)[-1][:40]
    return other.split(":", 1)[-1][:40]


def plain(lines: Sequence[bytes]) -> bool:
    """Whether ``lines`` read as plain text in one of the Latin encodings: nothing no text
    writes (`_signs` below `_ODD`), and letters one or two languages write.

    >>> plain(["SUMMARY:¡Hola! Día".encode("cp1252")])
    True
    >>> plain(["SUMMARY:会議の準備".encode("shift_jis")])
    False
    """
    for codec, _ in _READINGS:
        text, _ = _reading(lines, codec)
        letters = _letters(text)
        if (
            _signs(text) < _ODD
            and not _mixed(text)
            and _language_cost(letters) <= (sum(_UNWRITTEN - 3 for _ in letters))
        ):
            return True
    return False
