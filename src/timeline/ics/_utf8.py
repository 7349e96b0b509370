"""Lines that are valid UTF-8 by chance: one encoding a file, and the report says so.

About one GB2312 character in seven is a UTF-8 sequence (``同时`` is the UTF-8
bytes of ``ͬʱ``, ``没`` of ``û``), so in a file in a legacy encoding
(`timeline.ics._encoding`) a line may be valid UTF-8 and still be in that
encoding; or it may really be UTF-8 (two files joined). `one_encoding` reads
such a line in the file's encoding (or the ``CHARSET`` it declares) unless it
is surely UTF-8 text: East Asian script, or words each in one alphabet. A file
valid in UTF-8 throughout is read as UTF-8, unless none of its text is UTF-8
text, some of it reads as nothing but mojibake (a combining mark or modifier
letter standing alone: ``ͬʱ``), and all of it reads as East Asian text in one
legacy encoding (`misread_file`). Either way the report names each line and
quotes its other reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.ics._encoding import (
    _ALPHABETS,
    _EAST_ASIAN,
    _SHARE,
    _WORD,
    _east_asian_script,
    _holds,
    _written_in,
    east_asian,
)
from timeline.ics._language import language_hint

__all__ = ["misread_file", "one_encoding"]

_MARKS = (range(0x2010, 0x205F), range(0x20A0, 0x20D0))  # dashes, quotes, bullets; currency


def _utf8_words(text: str) -> bool:
    """Whether ``text`` (a line read as UTF-8) is surely UTF-8 text, not legacy bytes that
    are valid UTF-8 by chance (GB2312 ``同时`` is the UTF-8 of ``ͬʱ``, ``没`` of ``û``).

    Surely text: East Asian script (three bytes a character), or words each in one
    alphabet (Latin ones with ASCII letters too: ``Café``; others of three letters or
    more: ``Привет``) among dashes, quotes and currency signs.
    """
    import unicodedata

    past = [c for c in text if not c.isascii()]
    if sum(map(_east_asian_script, past)) >= _SHARE * len(past):
        return True
    inside = 0
    for word in _WORD.findall(text):
        letters = [c for c in word if not c.isascii()]
        if not letters:
            continue
        scripts = {unicodedata.name(c, "?").split()[0] if c.isalpha() else "?" for c in letters}
        if len(scripts) != 1 or "?" in scripts:
            return False
        ascii_letters = any(c.isascii() and c.isalpha() for c in word)
        if ascii_letters != (scripts == {"LATIN"}) or (not ascii_letters and len(letters) < 3):
            return False
        inside += len(letters)
    marks = sum(any(ord(c) in r for r in _MARKS) for c in past)
    return inside > 0 and inside + marks == len(past)


def _legacy_text(raw: bytes, codec: str, label: str) -> bool:
    """Whether ``raw`` reads as text in the file's legacy ``codec``."""
    alphabet = next((a for a in _ALPHABETS.values() if a[0] == codec), None)
    if alphabet is not None:
        return _written_in(raw, codec, alphabet[2])
    return _holds(raw, codec, label)


def one_encoding(
    raw: bytes, text: str, reading: tuple[str, str], declared: bool = False
) -> tuple[str, str, str]:
    """A line valid in UTF-8 (read as ``text``) in a file whose other lines are in the
    legacy ``reading`` (or that declares it: ``CHARSET=``): the text taken, why, and
    what the other reading says.

    In that encoding unless it surely is UTF-8 (two files joined), each said.

    >>> one_encoding("SUMMARY:同时".encode("gbk"), "SUMMARY:ͬʱ", ("gb18030", "GBK"))[0]
    'SUMMARY:同时'
    >>> one_encoding("SUMMARY:Café".encode(), "SUMMARY:Café", ("gb18030", "GBK"))[:2]
    ('SUMMARY:Café', 'lines in UTF-8 in a file otherwise in GBK (files joined?), read as UTF-8')
    """
    codec, label = reading
    try:
        other: str | None = raw.decode(codec)
    except UnicodeDecodeError:
        other = None
    if declared:
        utf8 = f"lines in UTF-8 that declare another CHARSET ({label}), read as UTF-8"
        taken = f"lines valid in UTF-8 too, read in the CHARSET they declare ({label})"
    else:
        utf8 = f"lines in UTF-8 in a file otherwise in {label} (files joined?), read as UTF-8"
        taken = f"lines that are valid UTF-8 too, read as {label} as the rest of the file"
    if other is None:
        return text, utf8, ""
    if _utf8_words(text):
        value = other.split(":", 1)[-1][:40]
        also = _legacy_text(raw, codec, label)
        return text, utf8, f" (also reads as {label}: {value!r})" if also else ""
    return other, taken, f" (as UTF-8: {text.split(':', 1)[-1][:40]!r})"


# Characters UTF-8 text holds only inside words of Latin letters, if at all: C1 controls,
# IPA, modifier letters, combining marks, Armenian, Syriac, Thaana, NKo. Two GB2312 bytes
# read as UTF-8 land there ('ͬʱ' is 同时); "Hawaiʻi", "ˈstress", a decomposed "ñ" are text.
_ODD_CHARS = "\x80-\x9f\u0250-\u036f\u0530-\u058f\u0700-\u07ff"
_ODD = re.compile(f"[{_ODD_CHARS}]")
_RUN = re.compile(r"[\w\u0300-\u036f]+|.", re.DOTALL)  # words, their combining marks kept
_OUR_PRODID = b"PRODID:-//TIMELINE//"  # `timeline.ics._export`'s, upper-cased
_EAST_CODECS = frozenset(codec for codec, _ in _EAST_ASIAN.values())


def _mojibake(line: str) -> bool | None:
    """Whether a line read as UTF-8 holds those characters in a word of no ASCII letter
    (True), or in one with ASCII letters (False: text); ``None`` when it holds none."""
    found = None
    for run in _RUN.findall(line):
        if _ODD.search(run) is not None:
            if any(c.isascii() and c.isalpha() for c in run):
                return False
            found = True
    return found


def misread_file(text: str, lines: Sequence[tuple[int, bytes]]) -> tuple[str, str] | None:
    """The East Asian encoding a file valid in UTF-8 (its ``text``) is really written in, if
    none of its lines past ASCII is UTF-8 text, one is mojibake, and all read in that one.

    >>> data = "SUMMARY:同时".encode("gbk")
    >>> misread_file(data.decode(), [(1, data)])
    ('gb18030', 'GB2312/GBK (Simplified Chinese)')
    >>> misread_file("SUMMARY:Hawaiʻi", [(1, "SUMMARY:Hawaiʻi".encode())]) is None
    True
    """
    if _ODD.search(text) is None:
        return None  # the common case, in one pass: nothing that reads as mojibake
    if any(raw.upper().startswith(_OUR_PRODID) for _, raw in lines):
        return None  # timeline writes nothing but UTF-8, whatever odd text a feed holds
    past = [raw for _, raw in lines if not raw.isascii()]
    read = [raw.decode().split(":", 1)[-1] for raw in past]
    seen = [_mojibake(line) for line in read]
    if True not in seen or False in seen or any(map(_utf8_words, read)):
        return None
    reading = east_asian(past, language_hint(lines)).reading
    if reading is None or reading[0] not in _EAST_CODECS:
        return None
    return reading if all(_legacy_text(raw, *reading) for raw in past) else None
