"""What a calendar says of its own language, for text that reads in several encodings.

EUC-JP, GB2312, EUC-KR and Big5 share their byte ranges (`timeline.ics._encoding`);
the calendar's own words tell which language its text is in: the language
tags of its values (``SUMMARY;LANGUAGE=ja``, RFC 5545 §3.2.10) and a
``CHARSET`` a line declares (vCalendar 1.0) say it outright; the zones it is
used in (``TZID=Asia/Tokyo``, ``X-WR-TIMEZONE``, Windows' ``Tokyo Standard
Time``, Outlook's ``(UTC+09:00) Osaka, Sapporo, Tokyo``) say it less surely.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from timeline.ics._encoding import declared_charset

__all__ = ["Hint", "language_hint"]


class Hint(NamedTuple):
    """What a calendar says of its language: the languages named, where, and how surely.

    ``explicit``: said outright (``LANGUAGE=``, ``CHARSET=``), not read from a zone.

    >>> Hint(frozenset({"ja"}), "LANGUAGE=ja (line 5)", True).explicit
    True
    """

    languages: frozenset[str]
    said: str
    explicit: bool


# The languages (as `Hint` names them) of the East Asian charsets a line may declare.
_CHARSET_LANGUAGES = {
    "shift_jis": "ja", "cp932": "ja", "euc_jp": "ja", "iso2022_jp": "ja",
    "gb2312": "zh-Hans", "gbk": "zh-Hans", "gb18030": "zh-Hans", "hz": "zh-Hans",
    "big5": "zh-Hant", "cp950": "zh-Hant", "big5hkscs": "zh-Hant",
    "euc_kr": "ko", "cp949": "ko", "iso2022_kr": "ko",
}  # fmt: skip
_TAG = re.compile(rb';LANGUAGE="?([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)', re.IGNORECASE)
_ZONE_PROPS = (b"TZID", b"X-WR-TIMEZONE", b"X-LIC-LOCATION")
_TZID_PARAM = re.compile(rb';TZID=("[^"]*"|[^;]*?)(?:;|:[0-9TZ]*$)', re.IGNORECASE)
# Words in a zone's name (IANA, legacy alias, Windows ID or Outlook display name) and the
# languages they say; whole names for the short aliases.
_ZONE_WORDS = (
    ("tokyo", "ja"), ("japan", "ja"), ("osaka", "ja"), ("sapporo", "ja"),
    ("seoul", "ko"), ("korea", "ko"), ("pyongyang", "ko"),
    ("shanghai", "zh-Hans"), ("chongqing", "zh-Hans"), ("chungking", "zh-Hans"),
    ("harbin", "zh-Hans"), ("urumqi", "zh-Hans"), ("kashgar", "zh-Hans"), ("beijing", "zh-Hans"),
    ("china", "zh-Hans"), ("china", "zh-Hant"),
    ("taipei", "zh-Hant"), ("taiwan", "zh-Hant"), ("hong_kong", "zh-Hant"),
    ("hong kong", "zh-Hant"), ("hongkong", "zh-Hant"), ("macau", "zh-Hant"), ("macao", "zh-Hant"),
)  # fmt: skip
_ZONE_NAMES = {"prc": "zh-Hans", "roc": "zh-Hant", "rok": "ko"}


def _tag_languages(tag: str) -> frozenset[str]:
    """The languages of a BCP 47 tag among those read here (``zh`` alone: either script)."""
    primary, *rest = tag.lower().split("-")
    if primary in ("ja", "ko"):
        return frozenset({primary})
    if primary != "zh":
        return frozenset()
    subtags = set(rest)
    if subtags & {"hant", "tw", "hk", "mo"}:
        return frozenset({"zh-Hant"})
    if subtags & {"hans", "cn", "sg"}:
        return frozenset({"zh-Hans"})
    return frozenset({"zh-Hans", "zh-Hant"})


def _zone_languages(name: str) -> frozenset[str]:
    text = name.strip().strip('"').lower()
    found = {language for word, language in _ZONE_WORDS if word in text}
    if text in _ZONE_NAMES:
        found.add(_ZONE_NAMES[text])
    return frozenset(found)


def language_hint(lines: Sequence[tuple[int, bytes]]) -> Hint | None:
    """What the calendar's own words say of its language: ``LANGUAGE=`` and ``CHARSET=``
    parameters (said outright), else the zones it is used in; ``None`` when nothing does.

    >>> language_hint([(4, b"X-WR-TIMEZONE:Asia/Tokyo")])
    Hint(languages=frozenset({'ja'}), said='X-WR-TIMEZONE Asia/Tokyo (line 4)', explicit=False)
    >>> language_hint([(7, b"SUMMARY;LANGUAGE=zh-TW:x")]).languages
    frozenset({'zh-Hant'})
    """
    explicit: dict[str, list[str]] = {}
    zones: dict[str, list[str]] = {}
    for number, raw in lines:
        head = raw.split(b":", 1)[0]
        for m in _TAG.finditer(head):
            tag = m[1].decode("ascii")
            for language in _tag_languages(tag):
                explicit.setdefault(language, []).append(f"LANGUAGE={tag} (line {number})")
        charset = declared_charset(raw)
        if charset is not None:
            language = _CHARSET_LANGUAGES.get(charset[0], "")
            if language:
                explicit.setdefault(language, []).append(f"CHARSET={charset[1]} (line {number})")
        name = re.split(rb"[;:]", raw, maxsplit=1)[0].strip().upper()
        texts = []
        if name in _ZONE_PROPS and b":" in raw:
            texts.append((name.decode("ascii"), raw.split(b":", 1)[1]))
        texts += [("TZID", m[1]) for m in _TZID_PARAM.finditer(raw)]
        for prop, value in texts:
            zone = value.decode("ascii", "replace").strip()
            for language in _zone_languages(zone):
                zones.setdefault(language, []).append(f"{prop} {zone[:40]} (line {number})")
    for languages, is_explicit in ((explicit, True), (zones, False)):
        if languages:
            places = list(dict.fromkeys(p for ps in languages.values() for p in ps))
            said = ", ".join(places[:3]) + (" ..." if len(places) > 3 else "")
            return Hint(frozenset(languages), said, is_explicit)
    return None
