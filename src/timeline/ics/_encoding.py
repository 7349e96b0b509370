"""The legacy encoding of a calendar's lines that are not UTF-8: East Asian, else Western.

RFC 5545 files are UTF-8, but old exports from Japanese, Chinese and Korean
systems are written in their national encodings (Shift_JIS, GB2312/GBK, Big5,
EUC-KR, EUC-JP) and declare none. Read as cp1252 they become mojibake
(``‰ï‹c`` for ``会議``). The lines that are not UTF-8 are given to ``chardet``
(imported only then), limited to these encodings and cp1252; its East Asian
answer is taken only when every such line decodes in it without an error and
what they say is East Asian script (ideographs, kana, hangul). Russian and
Greek exports (Windows-1251, KOI8-R, Windows-1253) are read so too when chardet
ranks that reading first and every word is in that alphabet alone. Otherwise
they stay cp1252, as before: a wrong guess never replaces a plain one.

vCalendar 1.0 files (``.vcs``, still written by Outlook, Lotus Notes and
phones) say their encodings per value instead: ``CHARSET=Shift_JIS`` on a
line that is not UTF-8 (`declared_charset`), and ``ENCODING=QUOTED-PRINTABLE``
or ``BASE64`` on a value (`decoded`), read as they say, each noted.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence

__all__ = ["bare_encoding", "declared_charset", "decoded", "east_asian"]

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


def east_asian(lines: Sequence[bytes]) -> tuple[str, str] | None:
    """The codec and name of the East Asian (or Cyrillic, Greek) encoding ``lines`` (not
    UTF-8) are in, if surely one.

    >>> east_asian(["SUMMARY:会議の準備".encode("shift_jis")])
    ('cp932', 'Shift_JIS (Japanese)')
    >>> east_asian(["SUMMARY:Café".encode("cp1252")]) is None
    True
    """
    if not lines:
        return None
    try:
        import chardet
    except ImportError:  # pragma: no cover - a dependency; cp1252 as before without it
        return None
    sample = b"\n".join(lines)
    # chardet's readings, likeliest first: the first East Asian one that holds, before any
    # Western one (cp1252 ranked above it means the text is not surely East Asian); or a
    # Cyrillic or Greek one ranked first whose words are all in that alphabet.
    for found in chardet.detect_all(sample, include_encodings=_CANDIDATES, prefer_superset=True):
        try:
            name = codecs.lookup(found.get("encoding") or "").name.replace("-", "_")
        except LookupError:
            return None
        known = _EAST_ASIAN.get(name)
        if known is not None and _holds(sample, *known):
            return known
        alphabet = _ALPHABETS.get(name)
        if alphabet is not None:
            codec, label, letters = alphabet
            return (codec, label) if _written_in(sample, codec, letters) else None
        if known is None:
            return None  # a Western reading first: cp1252, as before
    return None


def _written_in(sample: bytes, codec: str, letters: tuple[int, int]) -> bool:
    """Whether ``sample`` decodes in ``codec`` to words of that alphabet alone.

    Western text read in it mixes the alphabets inside a word ("Müller" in
    Windows-1251 is "Mьller"): never taken.
    """
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return False
    low, high = letters
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return False
    for word in words:
        inside = sum(low <= ord(c) <= high for c in word)
        if inside != sum(not c.isascii() for c in word) or any(c.isascii() for c in word):
            return False
    return True


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
            notes.append(f"values in an unknown CHARSET ({charset[:30]!r}), read as UTF-8")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", "replace")
        notes.append(f"values not in their CHARSET ({charset or 'UTF-8'}), read as UTF-8 or cp1252")
    return text.replace("\r\n", "\n").replace("\r", "\n"), notes
