"""The legacy encoding of a calendar's lines that are not UTF-8: East Asian, else Western.

RFC 5545 files are UTF-8, but old exports from Japanese, Chinese and Korean
systems are written in their national encodings (Shift_JIS, GB2312/GBK, Big5,
EUC-KR, EUC-JP) and declare none. Read as cp1252 they become mojibake
(``‰ï‹c`` for ``会議``). The lines that are not UTF-8 are given to ``chardet``
(imported only then), limited to these encodings and cp1252; its East Asian
answer is taken only when every such line decodes in it without an error and
what they say is East Asian script (ideographs, kana, hangul). Russian and
Greek exports (Windows-1251, KOI8-R, Windows-1253) are read so too when chardet
ranks that reading first and every word is in that alphabet alone (one of three
letters or more). Otherwise they are Latin text: cp1252, Windows-1250 or Mac
Roman, as their letters say (`timeline.ics._latin`); an East Asian reading
whose characters are glued to Latin letters never replaces a plain Latin one.

EUC-JP, GB2312, EUC-KR and Big5 share their byte ranges, so text of ideographs
alone reads as a run of common characters in several of them (``東京本社会議`` in
EUC-JP is ``澎叠塑家柴的`` in GB2312), and chardet's statistics cannot tell
which. The calendar's own words can (`timeline.ics._language`): the language of its
values (``LANGUAGE=ja``), a ``CHARSET`` another line declares, else the zones
it is used in (``Asia/Tokyo``, ``Tokyo Standard Time``). Among the readings
that hold, the one in that language is taken, and said. A zone never turns
text chardet reads as Western (or Cyrillic) into East Asian text. Without a
deciding hint every other reading that holds is named in the report, with
the text it gives, and the fix (save as UTF-8, or say the language).

A line that is valid UTF-8 in such a file may be in the file's encoding all
the same (GB2312 ``同时`` is the UTF-8 bytes of ``ͬʱ``): `timeline.ics._utf8`.

vCalendar 1.0 files (``.vcs``, still written by Outlook, Lotus Notes and
phones) say their encodings per value instead: ``CHARSET=Shift_JIS`` on a
line that is not UTF-8 (`declared_charset`), and ``ENCODING=QUOTED-PRINTABLE``
or ``BASE64`` on a value (`decoded`), read as they say, each noted.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from timeline._errors import quoted

if TYPE_CHECKING:
    from timeline.ics._language import Hint

__all__ = [
    "Legacy",
    "bare_encoding",
    "declared_charset",
    "decoded",
    "east_asian",
]

# chardet's candidates: the East Asian encodings calendars were exported in, and cp1252.
_CANDIDATES = (
    "windows-1252",
    "shift_jis",
    "cp932",
    "euc-jp",
    "gb2312",
    "gbk",
    "gb18030",
    "big5",
    "cp950",
    "euc-kr",
    "cp949",
    "windows-1251",
    "koi8-r",
    "windows-1253",
    "windows-1250",
)

# Python codec name of chardet's answer -> (the superset decoded with, the name reported)
_EAST_ASIAN = {
    "shift_jis": ("cp932", "Shift_JIS (Japanese)"),
    "cp932": ("cp932", "Shift_JIS (Japanese)"),
    "euc_jp": ("euc_jp", "EUC-JP (Japanese)"),
    "gb2312": ("gb18030", "GB2312/GBK (Simplified Chinese)"),
    "gbk": ("gb18030", "GB2312/GBK (Simplified Chinese)"),
    "gb18030": ("gb18030", "GB2312/GBK (Simplified Chinese)"),
    "big5": ("cp950", "Big5 (Traditional Chinese)"),
    "cp950": ("cp950", "Big5 (Traditional Chinese)"),
    "euc_kr": ("cp949", "EUC-KR (Korean)"),
    "cp949": ("cp949", "EUC-KR (Korean)"),
}

# Single-byte encodings of other scripts: their codec, name, and the script's letters.
_ALPHABETS = {
    "cp1251": ("cp1251", "Windows-1251 (Cyrillic)", (0x0400, 0x04FF)),
    "koi8_r": ("koi8_r", "KOI8-R (Cyrillic)", (0x0400, 0x04FF)),
    "cp1253": ("cp1253", "Windows-1253 (Greek)", (0x0370, 0x03FF)),
}
_WORD = re.compile(r"\w+")

_SCRIPT = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x30FF),  # CJK punctuation, hiragana, katakana
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x31F0, 0x31FF),  # katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF01, 0xFF60),  # full-width forms (not half-width katakana: mojibake's mark)
    (0xFFE0, 0xFFE6),
)
_SHARE = 0.8  # of the characters past ASCII that must be East Asian script


def _east_asian_script(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _SCRIPT)


class Legacy(NamedTuple):
    """The reading of a file's lines that are not UTF-8 (``None``: cp1252), and notes on it.

    >>> Legacy(("cp932", "Shift_JIS (Japanese)")).notes
    ()
    """

    reading: tuple[str, str] | None
    notes: tuple[tuple[str, str], ...] = ()


# The East Asian readings tried, with their language (as `Hint` names it).
_READINGS = (
    ("cp932", "Shift_JIS (Japanese)", "ja"),
    ("euc_jp", "EUC-JP (Japanese)", "ja"),
    ("gb18030", "GB2312/GBK (Simplified Chinese)", "zh-Hans"),
    ("cp950", "Big5 (Traditional Chinese)", "zh-Hant"),
    ("cp949", "EUC-KR (Korean)", "ko"),
)
_LANGUAGE_OF = {codec: language for codec, _, language in _READINGS}


def east_asian(lines: Sequence[bytes], hint: Hint | None = None) -> Legacy:
    """The codec and name of the East Asian (or Cyrillic, Greek) encoding ``lines`` (not
    UTF-8) are in, if surely one, and what to say of the other readings they have.

    >>> east_asian(["SUMMARY:会議の準備".encode("shift_jis")]).reading
    ('cp932', 'Shift_JIS (Japanese)')
    >>> east_asian(["SUMMARY:Café".encode("cp1252")])
    Legacy(reading=None, notes=())
    """
    if not lines:
        return Legacy(None)
    try:
        import chardet
    except ImportError:  # pragma: no cover - a dependency; cp1252 as before without it
        return Legacy(None)
    sample = b"\n".join(lines)
    ranked: list[str] = []  # chardet's readings, likeliest first, as our codecs
    pick: tuple[str, str] | None = None
    alphabet = False
    # chardet's readings, likeliest first: the first East Asian one that holds, before any
    # Western one (cp1252 ranked above it means the text is not surely East Asian); or a
    # Cyrillic or Greek one ranked first whose words are all in that alphabet.
    decided = False
    for found in chardet.detect_all(sample, include_encodings=_CANDIDATES, prefer_superset=True):
        try:
            name = codecs.lookup(found.get("encoding") or "").name.replace("-", "_")
        except LookupError:
            decided = True
            continue
        known = _EAST_ASIAN.get(name)
        if known is not None:
            ranked.append(known[0])
        if decided:
            continue
        if (
            known is not None
            and _holds(sample, *known)
            and not _glued_only(sample, known[0])
            and not (_glued_any(sample, known[0]) and _plain_latin(sample))
        ):
            pick, decided = known, True
            continue
        found_alphabet = _ALPHABETS.get(name)
        if found_alphabet is not None:
            codec, label, letters = found_alphabet
            if _written_in(sample, codec, letters):
                pick, alphabet = (codec, label), True
            decided = True
        elif known is None:
            decided = True  # a Western reading first: cp1252, as before
    return _weighed(sample, pick, alphabet, ranked, hint)


def _weighed(
    sample: bytes,
    pick: tuple[str, str] | None,
    alphabet: bool,
    ranked: list[str],
    hint: Hint | None,
) -> Legacy:
    """chardet's ``pick`` weighed against the other East Asian readings and the calendar's
    ``hint``: the reading taken, and the notes that say why or what else it could be."""
    holding = [(c, label, lang) for c, label, lang in _READINGS if _plausible(sample, c, label)]
    east = pick is not None and not alphabet
    if hint is not None and (east or (alphabet and hint.explicit)):
        # Said outright, a language is taken in any script it is written in (Korean in hanja).
        said = [r for r in _READINGS if hint.explicit and _holds(sample, r[0], r[1])]
        wanted = [r for r in (said or holding) if r[2] in hint.languages]
        if wanted:
            order = {c: i for i, c in enumerate(ranked)}
            chosen = next(
                (r for r in wanted if pick is not None and r[0] == pick[0]),
                min(wanted, key=lambda r: order.get(r[0], len(order))),
            )
            others = [r for r in holding if r[2] != chosen[2]]
            kind = (
                f"lines that are not UTF-8 and read in several East Asian encodings, read as "
                f"{chosen[1]} as the calendar says ({hint.said})"
            )
            return Legacy(chosen[:2], _others(kind, sample, others))
    if east:
        assert pick is not None
        others = [r for r in holding if r[2] != _LANGUAGE_OF.get(pick[0])]
    elif alphabet:
        others = holding
    else:  # Western: readings no Western spelling gives (two such characters in a row), all
        # of them where the Western reading is no words ("Èë": two accents and no letter)
        western = _western_words(sample.decode("cp1252", "replace"))
        others = [r for r in holding if not western or _run(sample, r[0])]
    label = "cp1252" if pick is None else pick[1]
    kind = (
        f"lines that are not UTF-8 and read in other East Asian encodings too, read as {label} "
        "(if that is wrong, save the file as UTF-8, or mark its text with its language: "
        "LANGUAGE=ja, zh-CN, zh-TW or ko)"
    )
    return Legacy(pick, _others(kind, sample, others))


def _others(
    kind: str, sample: bytes, others: list[tuple[str, str, str]]
) -> tuple[tuple[str, str], ...]:
    """One note per other reading: its name and what the first line says in it."""
    first = sample.split(b"\n", 1)[0]
    value = first.split(b":", 1)[-1]
    return tuple(
        (kind, f"also reads as {label}: {value.decode(codec, 'replace')[:40]!r}")
        for codec, label, _ in others
    )


def _plausible(sample: bytes, codec: str, label: str) -> bool:
    """Whether ``sample`` reads as text in ``codec``: as `_holds`, and Korean mostly hangul."""
    if not _holds(sample, codec, label):
        return False
    if _LANGUAGE_OF.get(codec) != "ko":
        return True
    text = sample.decode(codec)
    script = [c for c in text if _east_asian_script(c)]
    hangul = sum(0xAC00 <= ord(c) <= 0xD7AF for c in script)
    return hangul >= _SHARE * len(script)


def _western_words(text: str) -> bool:
    """Whether every word past ASCII in ``text`` is one a Western language writes: with an
    ASCII letter or digit ("Café", "nº"), or a lone accented letter ("à").

    >>> _western_words("Café à 5º"), _western_words("Èë º¦")
    (True, False)
    """
    for word in _WORD.findall(text):
        if word.isascii() or any(c.isascii() and c.isalnum() for c in word):
            continue
        if len(word) != 1 or not 0xC0 <= ord(word) <= 0x17F:
            return False
    return True


def _run(sample: bytes, codec: str) -> bool:
    """Whether ``sample`` read in ``codec`` has two East Asian characters in a row."""
    text = sample.decode(codec, "replace")
    return any(_east_asian_script(a) and _east_asian_script(b) for a, b in itertools.pairwise(text))


def _written_in(sample: bytes, codec: str, letters: tuple[int, int]) -> bool:
    """Whether ``sample`` decodes in ``codec`` to words of that alphabet alone.

    Western text read in it mixes the alphabets inside a word ("Müller" in
    Windows-1251 is "Mьller"): never taken; nor letters alone ("à" is "а"), as a word
    of three letters or more is asked for.
    """
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return False
    low, high = letters
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    # Some word of three letters or more: cp1252's lone 'à' is Windows-1251's 'а' alone.
    if not any(len(w) >= 3 for w in words):
        return False
    for word in words:
        inside = sum(low <= ord(c) <= high for c in word)
        if inside != sum(not c.isascii() for c in word) or any(c.isascii() for c in word):
            return False
    return True


def _glued_only(sample: bytes, codec: str) -> bool:
    """Whether every word ``sample`` has East Asian characters in, read in ``codec``, is one
    such character glued to lower-case Latin letters (cp1252 'Åsa Ávila' in EUC-KR is
    '흒a 햢ila', '¡Hola' in Big5 '？ola', 'Noël' 'No螔'): Western words, which no East Asian
    text writes so ('A팀', 'Q3会議' differ).

    >>> _glued_only("Åsa Ávila".encode("cp1252"), "cp949")
    True
    >>> _glued_only("A팀 회의".encode("cp949"), "cp949")
    False
    >>> _glued_only("Noël ¡Hola!".encode("cp1252"), "cp950")
    True
    """
    text = sample.decode(codec, "replace")  # words with their signs: '¡Hola' is Big5 '？ola'
    words = [w for w in text.split() if any(map(_east_asian_script, w))]
    if not words:
        return False
    for word in words:
        at = [i for i, c in enumerate(word) if _east_asian_script(c)]
        before, after = word[at[0] - 1 : at[0]], word[at[0] + 1 : at[0] + 2]
        lower = [c for c in (before, after) if c.isascii() and c.islower()]
        if len(at) != 1 or not lower:  # 'Noël' in Big5 is 'No螔': glued after letters too
            return False
    return True


def _glued_any(sample: bytes, codec: str) -> bool:
    """Whether ``sample`` read in ``codec`` has an East Asian character glued to a Latin
    letter ('？ola', 'D燰': cp1252 '¡Hola Día' in Big5)."""
    text = sample.decode(codec, "replace")
    return any(
        (_east_asian_script(a) and b.isascii() and b.isalpha())
        or (_east_asian_script(b) and a.isascii() and a.isalpha())
        for a, b in itertools.pairwise(text)
    )


def _plain_latin(sample: bytes) -> bool:
    """Whether ``sample`` reads as plain Latin text in a Western or Central European code
    page: no sign glued to letters, no capital inside a word (`timeline.ics._latin`). Such a
    reading is kept over an East Asian one whose characters are glued to Latin letters."""
    from timeline.ics._latin import plain

    return plain(sample.split(b"\n"))


def _holds(sample: bytes, codec: str, label: str) -> bool:
    """Whether ``sample`` decodes in ``codec`` to East Asian script (Chinese without kana)."""
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return False
    past = [c for c in text if not c.isascii()]
    if not past or sum(map(_east_asian_script, past)) < _SHARE * len(past):
        return False
    # Kana in text read as Chinese is a misreading (Big5 "休假" read as GBK is "ヰ安").
    chinese = label.startswith(("GB", "Big5"))
    return not (chinese and any(0x3040 <= ord(c) <= 0x30FF for c in past))


# -- vCalendar 1.0: encodings declared per value -------------------------------------------

_DECLARED = re.compile(rb';CHARSET="?([A-Za-z0-9_.:\-]+)', re.IGNORECASE)
_ENCODINGS = {"QUOTED-PRINTABLE": "QUOTED-PRINTABLE", "QP": "QUOTED-PRINTABLE",
              "BASE64": "BASE64", "B": "BASE64"}  # fmt: skip


def declared_charset(raw: bytes) -> tuple[str, str] | None:
    """The codec and name a content line's ``CHARSET`` parameter declares, if Python knows it.

    >>> declared_charset(b"SUMMARY;CHARSET=Shift_JIS:x")
    ('shift_jis', 'Shift_JIS')
    """
    m = _DECLARED.search(raw.split(b":", 1)[0])
    if m is None:
        return None
    name = m[1].decode("ascii")
    try:
        return codecs.lookup(name).name, name
    except LookupError:
        return None


def bare_encoding(params: dict[str, str], bare: str) -> str:
    """vCalendar's bare ``;QUOTED-PRINTABLE`` or ``;BASE64`` made ``ENCODING=``; the others.

    >>> params = {}
    >>> bare_encoding(params, "QUOTED-PRINTABLE,X"), params
    ('X', {'ENCODING': 'QUOTED-PRINTABLE'})
    """
    rest = []
    for name in bare.split(","):
        if name.upper() in _ENCODINGS and "ENCODING" not in params:
            params["ENCODING"] = name.upper()
        else:
            rest.append(name)
    return ",".join(rest)


def decoded(name: str, params: dict[str, str], value: str) -> tuple[str, list[str]]:
    """A value written in QUOTED-PRINTABLE or BASE64 (its ``ENCODING``) as text, and notes.

    The bytes are read in the value's ``CHARSET``, else UTF-8, else cp1252; line
    breaks become ``\\n``. A binary value (``VALUE=BINARY``, ``ATTACH``) is left
    as it is, and so is one that is not what its encoding says.

    >>> decoded("SUMMARY", {"ENCODING": "QUOTED-PRINTABLE", "CHARSET": "UTF-8"}, "Caf=C3=A9")
    ('Café', ['values in QUOTED-PRINTABLE (vCalendar), decoded'])
    """
    encoding = _ENCODINGS.get(params.get("ENCODING", "").strip().upper())
    binary = params.get("VALUE", "").upper() == "BINARY" or name == "ATTACH"
    if encoding is None or binary:
        return value, []
    import base64
    import binascii
    import quopri

    try:
        if encoding == "BASE64":
            data = base64.b64decode("".join(value.split()), validate=True)
        else:
            data = quopri.decodestring(value.encode("utf-8"))
    except (binascii.Error, ValueError):
        return value, [f"values not in the {encoding} their ENCODING says, read as written"]
    params.pop("ENCODING")
    notes = [f"values in {encoding} (vCalendar), decoded"]
    charset = params.get("CHARSET", "").strip()
    codec = "utf-8"
    if charset:
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            notes.append(f"values in an unknown CHARSET ({quoted(charset[:30])}), read as UTF-8")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", "replace")
        notes.append(f"values not in their CHARSET ({charset or 'UTF-8'}), read as UTF-8 or cp1252")
    return text.replace("\r\n", "\n").replace("\r", "\n"), notes
