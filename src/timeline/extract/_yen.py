"""Which currency "¥" is in a text: the yen in a text about Japan, else the yuan."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["BARE_YEN_SIGN", "yen_text"]


_YEN_WORDS: Final = re.compile(r"\b(?:yen|JPY)\b")
_YUAN_WORDS: Final = re.compile(r"\b(?:yuan|RMB|renminbi|CNY)\b", re.IGNORECASE)
_JAPAN: Final = re.compile(r"\b(?:Japan|Japanese|Tokyo|Osaka|Nikkei|Yokohama|Kyoto)\b")
_CHINA: Final = re.compile(
    r"\b(?:China|Chinese|Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|Hong Kong)\b"
)
BARE_YEN_SIGN: Final = re.compile(r"(?<![A-Za-z])¥")


def yen_text(folded: str) -> bool:
    """Whether "¥" in this text is the yen, not the yuan `Quantity` reads it as.

    The currency's name decides when the text names one of the two ("yen" or
    "yuan"/"RMB"); else the text is about Japan when it names Japanese places
    more often than Chinese ones.

    >>> yen_text("SoftBank, Japan's tech investor, will spend ¥3 trillion."), yen_text("¥3")
    (True, False)
    """
    yen, yuan = _YEN_WORDS.search(folded) is not None, _YUAN_WORDS.search(folded) is not None
    if yen != yuan:
        return yen
    if yen:
        return False  # both named: "¥" is left to its default
    return len(_JAPAN.findall(folded)) > len(_CHINA.findall(folded))
