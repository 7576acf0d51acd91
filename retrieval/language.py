"""Which language a query is written in (the "home" language of the cross-language merge)."""

from __future__ import annotations

import re

from retrieval.units import Language

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_RE = re.compile(r"[A-Za-z]")


def has_cjk(text: str) -> bool:
    return CJK_RE.search(text) is not None


def detect_language(text: str) -> Language:
    """zh when the text has Chinese characters in a real share, else en.

    A Chinese query often carries Latin abbreviations ("AI系统的定义"), an English one almost never
    carries Han characters, so a small Han share is enough to call it Chinese.
    """
    cjk = len(CJK_RE.findall(text))
    latin = len(_LATIN_RE.findall(text))
    return "zh" if cjk > 0 and cjk * 4 >= latin else "en"
