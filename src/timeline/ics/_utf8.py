"""Lines that are valid UTF-8 by chance: one encoding a file, and the report says so.

About one GB2312 character in seven is a UTF-8 sequence (``同时`` is the UTF-8
bytes of ``ͬʱ``, ``没`` of ``û``, ``一一`` of ``һһ``, ``小小`` of ``СС``), so in
a file in a legacy encoding (`timeline.ics._encoding`) a line may be valid
UTF-8 and still be in that encoding; or it may really be UTF-8 (two files
joined). `one_encoding` reads such a line in the file's encoding (or the
``CHARSET`` it declares) unless it is surely UTF-8 text: East Asian script,
or words each in one alphabet. A line of signs alone (``©``, ``★★``, ``😀``) is
UTF-8 when its legacy reading is no text of that encoding's own standard
(GB2312, Big5, KS X 1001, JIS X 0208: ``★★`` in GBK is three rare extension
characters); when it is (``©`` is GB2312 ``漏``) the bytes cannot tell, and the
line keeps the file's reading, which gives back the same bytes, and says so.

A file valid in UTF-8 throughout is weighed line by line (`weighed_file`), each
line's UTF-8 reading against its East Asian readings:

* UTF-8 surely: East Asian script (a third of UTF-8 Chinese is valid GBK in
  its turn), or words each in one alphabet whose legacy reading is not text
  (``Café`` in GBK is ``Caf茅``: ASCII letters glued to an ideograph);
* legacy surely: what no language writes — mojibake (a combining mark or
  modifier letter standing alone: ``ͬʱ``), letters outside a script's own
  alphabet (``һһ``), accented Latin letters with no ASCII one (``áé``), two
  scripts in one word — when an East Asian reading is text;
* either: ordinary letters (``СС``, ``вода``) or signs (``©``) that read as
  East Asian text too; and accented Latin letters with no sure word beside them
  (``À``, ``ÀÁ``) that read as text of an encoding's extension alone (GBK ``脌``,
  ``脌脕``: not GB2312).

One file, one encoding: any line surely UTF-8 makes the file UTF-8 (lines
surely legacy in it are named with their other reading); else any line surely
legacy makes it legacy, said. A file of lines that read either way is read in
the language the calendar gives (``LANGUAGE=``, ``CHARSET=``, its zones), said,
else as UTF-8, as RFC 5545 says — and the report names each line with its
other reading, never in silence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from timeline._errors import quoted
from timeline.ics._encoding import (
    _ALPHABETS,
    _EAST_ASIAN,
    _READINGS,
    _SHARE,
    _WORD,
    Legacy,
    _east_asian_script,
    _holds,
    _others,
    _plausible,
    _written_in,
    east_asian,
)
from timeline.ics._language import Hint, language_hint

__all__ = ["one_encoding", "weighed_file"]

_MARKS = (range(0x2010, 0x205F), range(0x20A0, 0x20D0))  # dashes, quotes, bullets; currency


def _utf8_words(text: str) -> bool:
    """Whether ``text`` (a line read as UTF-8) is surely UTF-8 text, not legacy bytes that
    are valid UTF-8 by chance (GB2312 ``同时`` is the UTF-8 of ``ͬʱ``, ``没`` of ``û``).

    Surely text: East Asian script (three bytes a character), or words each in one
    alphabet (Latin ones with ASCII letters too: ``Café``; others of three letters or
    more: ``Привет``) among dashes, quotes and currency signs.
    """
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


def _a_sure_word(text: str) -> bool:
    """Whether ``text`` holds a word surely of UTF-8 text: letters of one alphabet, Latin
    with ASCII letters (``Café``), others three or more (``вода``); not ``À`` or ``ÀÁ``.

    >>> [_a_sure_word(t) for t in ("Встреча с ним", "Café", "À", "ÀÁ É")]
    [True, True, False, False]
    """
    for word in _WORD.findall(text):
        letters = [c for c in word if not c.isascii()]
        if not letters or not all(c.isalpha() for c in letters):
            continue
        scripts = {unicodedata.name(c, "?").split()[0] for c in letters}
        ascii_letters = any(c.isascii() and c.isalpha() for c in word)
        if len(scripts) == 1 and (
            (ascii_letters and scripts == {"LATIN"})
            or (not ascii_letters and scripts != {"LATIN"} and len(letters) >= 3)
        ):
            return True
    return False


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
    value = other.split(":", 1)[-1][:40]
    if _utf8_words(text):
        also = _legacy_text(raw, codec, label)
        return text, utf8, f" (also reads as {label}: {quoted(value)})" if also else ""
    shown = f" (as UTF-8: {text.split(':', 1)[-1][:40]!r})"
    if _utf8_kind(text) == "signs":
        if not (_legacy_text(raw, codec, label) and _standard(other, codec)):
            return text, utf8, f" (as {label}: {quoted(value)})"
        return (
            other,
            (
                f"lines of signs alone in UTF-8 that are text in {label} too: the bytes cannot "
                f"tell, read as {label} as the rest of the file (the text gives back the same "
                f"bytes; if they are signs, save the file as UTF-8)"
            ),
            shown,
        )
    return other, taken, shown


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


# Each legacy reading's own standard, whose characters its text is written in: what only
# the codec's extension holds (GBK's 馃榾 for the bytes of 😀) is rarely text.
_STANDARD = {"gb18030": "gb2312", "cp950": "big5", "cp949": "euc_kr", "cp932": "shift_jis",
             "euc_jp": "euc_jp"}  # fmt: skip
# Each script's own alphabet: a word read from UTF-8 with none of its letters is no
# language's (GBK 一一 is the UTF-8 of 'һһ': Kazakh's letter, never a word alone).
_ALPHABET = {
    "LATIN": ((0x00C0, 0x017F), (0x01A0, 0x01B0), (0x0218, 0x021B), (0x1E00, 0x1EFF)),
    "CYRILLIC": ((0x0400, 0x045F), (0x0490, 0x0491)),
    "GREEK": ((0x0386, 0x03CE),),
    "HEBREW": ((0x05D0, 0x05EA),),
    "ARABIC": ((0x0621, 0x064A), (0x0671, 0x06D3)),
}
# What legacy bytes valid in UTF-8 may read as: anything but ASCII and East Asian text
# (Big5 麍一 is the UTF-8 of 'ﬤ@': a Big5 character may end in an ASCII byte).
_LEGACY_LANDS = re.compile("[^\x00-\x7f\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af\uff01-\uff60]")


def _standard(text: str, codec: str) -> bool:
    """Whether ``text`` is in ``codec``'s own standard (GB2312 for GBK), not its extension."""
    standard = _STANDARD.get(codec, codec)
    try:  # two bytes a character: Python's EUC-KR spells other hangul in eight
        return all(len(c.encode(standard)) == 2 for c in text if not c.isascii())
    except (UnicodeEncodeError, LookupError):
        return False


def _utf8_kind(text: str) -> str:
    """What a line read as UTF-8 is: ``east`` (East Asian script), ``text`` (words each in
    one alphabet), ``odd`` (mojibake), ``letters`` (letters no language writes so: out of
    their alphabet, scripts mixed in a word, accented Latin with no ASCII letter) or
    ``signs`` (no letter past ASCII).

    >>> [_utf8_kind(t) for t in ("会议", "вода", "ͬʱ", "һһ", "© 5")]
    ['east', 'text', 'odd', 'letters', 'signs']
    """
    past = [c for c in text if not c.isascii()]
    if past and sum(map(_east_asian_script, past)) >= _SHARE * len(past):
        return "east"
    seen = _mojibake(text)
    if seen is not None:
        return "odd" if seen else "text"
    found = False
    for word in _WORD.findall(text):
        letters = [c for c in word if not c.isascii() and c.isalpha()]
        if not letters:
            continue
        scripts = {unicodedata.name(c, "?").split()[0] for c in letters}
        ascii_letters = any(c.isascii() and c.isalpha() for c in word)
        if len(scripts) != 1 or (ascii_letters and scripts != {"LATIN"}):
            return "letters"
        (script,) = scripts
        ranges = _ALPHABET.get(script)
        # A word with none of its script's own letters (a Kazakh word has some: "Қазақ")
        inside = (any(a <= ord(c) <= b for a, b in ranges or ()) for c in letters)
        if ranges is not None and not any(inside):
            return "letters"
        if script == "LATIN" and not ascii_letters and len(letters) > 1:
            return "letters"
        found = True
    return "text" if found else "signs"


def _legacy_kind(raw: bytes, codec: str, label: str) -> str | None:
    """What a line reads as in an East Asian ``codec``: ``text`` (in the encoding's own
    standard), ``extension`` (East Asian text of the codec's extension alone: GBK's ``脌``,
    not GB2312), ``glued`` (East Asian characters glued to ASCII letters in a word, as
    ``Café`` in GBK is ``Caf茅``), or ``None`` when it is no East Asian text there."""
    if not _plausible(raw, codec, label):
        return None
    text = raw.decode(codec)
    for word in _WORD.findall(text):
        if not word.isascii() and any(c.isascii() and c.isalpha() for c in word):
            return "glued"
    return "text" if _standard(text, codec) else "extension"


def weighed_file(text: str, lines: Sequence[tuple[int, bytes]]) -> Legacy:
    """How to read a file valid in UTF-8 (its ``text``): UTF-8 (``reading`` ``None``) or the
    East Asian encoding its text is really in, and what the report says of the other.

    >>> data = "SUMMARY:同时".encode("gbk")
    >>> weighed_file(data.decode(), [(1, data)]).reading
    ('gb18030', 'GB2312/GBK (Simplified Chinese)')
    >>> weighed_file("SUMMARY:Hawaiʻi", [(1, "SUMMARY:Hawaiʻi".encode())])
    Legacy(reading=None, notes=())
    """
    if _LEGACY_LANDS.search(text) is None:
        return Legacy(None)  # the common case, in one pass: ASCII and East Asian text alone
    if any(raw.upper().startswith(_OUR_PRODID) for _, raw in lines):
        return Legacy(None)  # timeline writes nothing but UTF-8, whatever odd text a feed holds
    holding = {codec: (label, language) for codec, label, language in _READINGS}
    rows: list[tuple[int, bytes, str, dict[str, str]]] = []  # line, bytes, verdict, readings
    for number, raw in lines:
        if raw.isascii():
            continue
        kind = _utf8_kind(raw.decode())
        readings = {}
        for codec, (label, _) in list(holding.items()):
            legacy = _legacy_kind(raw, codec, label)
            if legacy is None:
                del holding[codec]
            else:
                readings[codec] = legacy
        if not holding:
            return Legacy(None)  # some line is no East Asian text in any encoding: UTF-8
        # Text in an East Asian encoding's own standard, not glued to ASCII letters.
        text_too = "text" in readings.values()
        # Letters that are no sure word of UTF-8 text ('À' alone is GBK's extension '脌')
        # when the only East Asian reading is an extension's: either, said.
        extension = "extension" in readings.values() and not text_too
        if extension and kind in ("text", "letters") and not _a_sure_word(raw.decode()):
            verdict = "either"
        elif kind == "east" or (kind != "odd" and not text_too):
            verdict = "utf8"
        else:
            verdict = "legacy" if kind in ("odd", "letters") else "either"
        rows.append((number, raw, verdict, readings))
    rows = [(n, raw, v, {c: k for c, k in r.items() if c in holding}) for n, raw, v, r in rows]
    verdicts = {v for _, _, v, _ in rows}
    if "legacy" in verdicts:
        return _legacy_file(rows, holding, lines, "utf8" in verdicts)
    if "either" not in verdicts:
        return Legacy(None)
    if "utf8" in verdicts:
        return Legacy(None)  # one line surely UTF-8: the file is
    return _either_file(rows, holding, language_hint(lines))


def _legacy_file(
    rows: list[tuple[int, bytes, str, dict[str, str]]],
    holding: dict[str, tuple[str, str]],
    lines: Sequence[tuple[int, bytes]],
    utf8_too: bool,
) -> Legacy:
    """A file with lines no UTF-8 text is: in the East Asian encoding they read in (chardet
    and the calendar's hint choose among them), said; UTF-8 if other lines surely are."""
    past = [raw for _, raw, _, _ in rows]
    legacy = east_asian(past, language_hint(lines))
    reading = legacy.reading
    if reading is None or reading[0] not in holding:  # chardet cannot tell: the first, said
        codec = next(iter(holding))
        reading = (codec, holding[codec][0])
        others = [(c, lab, lang) for c, (lab, lang) in holding.items() if c != codec]
        kind = (
            f"lines that read in several East Asian encodings, read as {reading[1]} (if that "
            "is wrong, save the file as UTF-8, or mark its text with its language: "
            "LANGUAGE=ja, zh-CN, zh-TW or ko)"
        )
        legacy = Legacy(reading, _others(kind, b"\n".join(past), others))
    label = reading[1]
    if utf8_too:  # files joined? one file, one encoding: UTF-8, each odd line named
        kind = (
            f"lines no UTF-8 text is (mojibake) in a file of UTF-8 text, read as UTF-8 (if "
            f"they are {label}, save the file as UTF-8)"
        )
        return Legacy(None, tuple(
            (kind, f"line {n} (as {label}: {_value(raw, reading[0])!r})")
            for n, raw, v, _ in rows if v == "legacy"
        ))  # fmt: skip
    kind = (
        f"a file valid in UTF-8 whose text is not UTF-8 text but {label}, read as {label} "
        "(if that is wrong, save it as UTF-8 again)"
    )
    return Legacy(reading, ((kind, "every line past ASCII"), *legacy.notes))


def _either_file(
    rows: list[tuple[int, bytes, str, dict[str, str]]],
    holding: dict[str, tuple[str, str]],
    hint: Hint | None,
) -> Legacy:
    """A file whose every line reads as text in UTF-8 and in an East Asian encoding: in the
    one of the calendar's language, else UTF-8; the other reading of each line said."""
    # The encodings every line reads as text in (not glued to ASCII letters), those whose
    # text is all in their standard first, then those with their extension (GBK's 脌).
    texts = [c for c in holding if all(r.get(c) == "text" for _, _, _, r in rows)]
    texts += [
        c
        for c in holding
        if c not in texts and all(r.get(c) in ("text", "extension") for _, _, _, r in rows)
    ]
    wanted = [c for c in texts if hint is not None and holding[c][1] in hint.languages]
    if hint is not None and wanted:
        codec = wanted[0]
        label = holding[codec][0]
        kind = (
            f"a file valid in UTF-8 whose text reads as text in {label} too, read as {label} "
            f"as the calendar says (if that is wrong, save it as UTF-8 again)"
        )
        return Legacy((codec, label), ((kind, hint.said),))
    kind = (
        "a file valid in UTF-8 whose text reads as text in an East Asian encoding too, read "
        "as UTF-8 (RFC 5545); if it is in that encoding, mark its text with its language "
        "(LANGUAGE=ja, zh-CN, zh-TW or ko) or save it as UTF-8"
    )
    # Each line with its other readings: those in an extension of a standard too.
    return Legacy(None, tuple(
        (kind, f"line {n} (" + "; ".join(
            f"as {label}: {_value(raw, codec)!r}" for codec, (label, _) in holding.items()
        ) + ")")
        for n, raw, _, _ in rows
    ))  # fmt: skip


def _value(raw: bytes, codec: str) -> str:
    """A line's value read in ``codec``, cut short."""
    return raw.decode(codec, "replace").split(":", 1)[-1][:40]
