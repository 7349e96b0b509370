"""Single-byte Latin files that are not UTF-8: cp1252, Windows-1250 or Mac Roman, by their letters.

The oracle is the text the file was written from: each title is encoded in one
encoding and must come back as it was, with the encoding named in the report;
Western text in cp1252 must never be read as anything else (a Hypothesis property
over words of many languages). Where two readings are both text, the report
quotes the other.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from fuzzing import examples
from ics_feeds import feed, read, said


def _events(titles: list[str]) -> list[list[str]]:
    return [[f"UID:{i}", f"SUMMARY:{t}", f"DTSTART:2026041{i % 10}"] for i, t in enumerate(titles)]


def _read(titles: list[str], codec: str) -> tuple[list[str], str, str]:
    timeline, report = read(feed(*_events(titles)).encode(codec))
    return [e.title for e in timeline], report.encoding, said(report)


CZECH = [
    ["Příprava rozpočtu", "Porada vedení"],  # cp1252: 'Pøíprava rozpoètu'
    ["Schůzka s klientem"],  # 'Schùzka': a grave accent inside a word
    ["Změna termínu"],  # 'Zmìna'
    ["Dvořák – koncert"],  # 'Dvoøák': Danish ø beside Spanish á
    ["Čtvrtletní přehled", "Výroční zpráva"],
    ["Oběd s týmem", "Dovolená"],
]
HUNGARIAN = [
    ["Hétfő: értekezlet"],  # cp1252: 'Hétfõ': Portuguese õ beside é
    ["Jövő heti megbeszélés"],  # 'Jövõ': ö and õ
    ["Születésnapi ünnepség", "Csütörtök – főnöki értekezlet"],
    ["Fűtés karbantartás", "Kedd – vezetői ülés"],  # 'Fûtés', 'vezetõi'
]


@pytest.mark.parametrize("titles", CZECH + HUNGARIAN)
def test_czech_and_hungarian_files_are_read_as_windows_1250(titles: list[str]) -> None:
    """Were read as cp1252 ('Pøíprava rozpoètu', 'Hétfõ'): every byte is a letter there too,
    so no sign was glued to a letter; now by their letters' frequencies."""
    got, encoding, report = _read(titles, "cp1250")
    assert got == titles, report
    assert encoding == "Windows-1250 (Central European)"


MAC = [
    ["Réunion à Genève"],  # cp1252: 'RŽunion ˆ Gen\x8fve'
    ["Müller Geburtstag"],  # 'MŸller'
    ["Año nuevo en España", "Reunión"],
    ["Café crème", "Straße"],
    ["Smørrebrød på Nørrebro"],
    ["Göteborg möte", "Åsa"],
    ["Coração de São Paulo"],
    ["l’école – rentrée"],  # a typographic apostrophe and a dash
]


@pytest.mark.parametrize("titles", MAC)
def test_mac_roman_files_are_read_as_mac_roman(titles: list[str]) -> None:
    """Were read as cp1252 ('RŽunion ˆ Genve', 'MŸller'): now Mac Roman, where only it reads
    as natural text."""
    got, encoding, report = _read(titles, "mac_roman")
    assert got == titles, report
    assert encoding == "Mac Roman (Apple Western European)"


@pytest.mark.parametrize(
    ("title", "codec", "taken", "other"),
    [
        # French 'Cœur', or Spanish-looking 'Cúur' (Mac Roman): cp1252 kept, the other quoted
        ("Cœur", "cp1252", "Cœur", "also reads as Mac Roman (Apple Western European): 'Cúur'"),
        # Hungarian 'Fűtés', or French-looking 'Fûtés': û is French, ű Hungarian
        ("Fűtés", "cp1250", "Fûtés", "also reads as Windows-1250 (Central European): 'Fűtés'"),
    ],
)
def test_an_ambiguous_file_names_the_other_reading(
    title: str, codec: str, taken: str, other: str
) -> None:
    """Was: read as cp1252 with no word of the other reading; now the report quotes it."""
    timeline, report = read(feed(*_events([title])).encode(codec))
    (event,) = timeline
    assert event.title == taken
    assert other in said(report), said(report)


_WESTERN = st.sampled_from([
    "café", "crème", "Müller", "Straße", "señor", "año", "niño", "São", "ação", "coração",
    "Zoë", "naïve", "déjà", "à", "où", "über", "Ærø", "smørrebrød", "façade", "piñata",
    "Jürgen", "Åsa", "Göteborg", "Málaga", "Reunión", "après", "Genève", "Zürich", "cœur",
    "Lyon", "meeting", "Team", "réunion", "Besprechung", "Büro", "Día", "Æble", "ØL",
    "Très", "problème", "été", "Noël", "Köln", "Düsseldorf", "Mañana", "Ibáñez", "português",
    "città", "perché", "più", "così", "Università", "Reykjavík", "Þórður", "Jökull",
    "Hämeenlinna", "Jyväskylä", "Tromsø", "Ålesund", "Bjørn", "ﬁnal", "£5", "nº 3", "1ª",
    "¥300", "½", "20°", "«a»", "¡Hola!", "¿Qué tal?", "€ 10", "©", "x²", "—", "…", "Paris–Berlin",
])  # fmt: skip


@settings(max_examples=examples(150), deadline=None)
@given(words=st.lists(_WESTERN, min_size=1, max_size=6), lines=st.integers(1, 3))
def test_western_text_in_cp1252_stays_cp1252(words: list[str], lines: int) -> None:
    titles = [" ".join(words[i::lines]) for i in range(lines) if words[i::lines]]
    assume(not all(t.isascii() for t in titles))
    titles = [t for t in titles if t.encode("cp1252", "replace") == t.encode("cp1252", "ignore")]
    assume(titles and not all(t.isascii() for t in titles))
    got, encoding, report = _read(titles, "cp1252")
    assert got == titles, report
    assert "Windows-1250" not in encoding and "Mac" not in encoding
