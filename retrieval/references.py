"""Unit-number references: "Article 9", "Annex III", "Recital 44", "第二十四条", "第24条".

Drafters look provisions up by number.  Plain BM25 tokens ("article", "9") also match every unit
that merely cites Article 9, and jieba cuts "第二十四条" into pieces that "第四十四条" shares.  So each
unit gets one reference token made from its own number (never from references in its text), and a
query's references become the same tokens: a lookup by number finds the unit itself.

A Chinese query may name an EU article in Chinese ("第9条"), an English one a Chinese article by its
number ("Article 24 of the PIPL"); both spellings are emitted for both, and the other words of the
query (or a named document) decide which one is meant.
"""

from __future__ import annotations

import re

PREFIX = "§"  # never produced by the tokenizer, so reference tokens cannot collide with words
VERSION = "1"  # part of the stored tokens' key: a change here re-tokenises stored indexes

_DIGITS = "零一二三四五六七八九"
_ZH_VALUE = {**{c: i for i, c in enumerate(_DIGITS)}, "两": 2}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000}

_EN_RE = re.compile(
    r"(?<![\w])(?:(?P<kind>article|art\.|recital)\s*(?P<num>\d{1,3}(?:\(\d{1,3}\))?)"
    r"|annex\s*(?P<annex>[ivxlc]{1,7}|[a-z]|\d{1,2}))(?![\w(])",
    re.IGNORECASE,
)
_ZH_RE = re.compile(r"第\s*(?P<num>[零一二两三四五六七八九十百千]{1,8}|\d{1,4})\s*条")
_ZH_ANNEX_RE = re.compile(r"附[录件]\s*(?P<num>[A-Z]|[一二三四五六七八九十]{1,3}|\d{1,2})(?![A-Za-z0-9])")


def chinese_number(text: str) -> int | None:
    """二十四 → 24, 一百零四 → 104, 十 → 10; None if it is not a Chinese numeral."""
    if not text or any(c not in _ZH_VALUE and c not in _ZH_UNIT for c in text):
        return None
    total, current = 0, 0
    for c in text:
        if c in _ZH_VALUE:
            current = _ZH_VALUE[c]
        else:
            total += (current or 1) * _ZH_UNIT[c]
            current = 0
    return total + current


def to_chinese(n: int) -> str:
    """24 → 二十四, 104 → 一百零四, 10 → 十 (the way article numbers are printed), 0 < n < 10000."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append("零")
            zero = False
        parts.append(("" if digit == 1 and unit == "十" and not parts else _DIGITS[digit]) + unit)
    return "".join(parts)


def _token(kind: str, number: str) -> str:
    return f"{PREFIX}{kind}:{number.lower()}"


def unit_tokens(number: str) -> list[str]:
    """The reference token of a unit numbered ``number`` (as the outline prints it); [] for others."""
    text = number.strip()
    m = _EN_RE.fullmatch(text)
    if m:
        if m.group("annex"):
            return [_token("annex", m.group("annex"))]
        return [_token(_kind(m.group("kind")), m.group("num"))]
    m = _ZH_RE.fullmatch(text)
    if m:
        n = _value(m.group("num"))
        return [_token("条", to_chinese(n))] if n is not None else []
    m = _ZH_ANNEX_RE.fullmatch(text)
    if m:
        return [_token("annex", m.group("num"))]
    return []


def query_tokens(query: str) -> list[str]:
    """Reference tokens for the unit numbers a query names, in both spellings where they differ."""
    out: list[str] = []
    for m in _EN_RE.finditer(query):
        if m.group("annex"):
            out.append(_token("annex", m.group("annex")))
            continue
        kind, num = _kind(m.group("kind")), m.group("num")
        if kind == "article":
            base = num.split("(")[0]
            out.append(_token("article", num))
            out.append(_token("条", to_chinese(int(base))))
        else:
            out.append(_token(kind, num))
    for m in _ZH_RE.finditer(query):
        n = _value(m.group("num"))
        if n is not None:
            out += [_token("条", to_chinese(n)), _token("article", str(n))]
    for m in _ZH_ANNEX_RE.finditer(query):
        out.append(_token("annex", m.group("num")))
    return list(dict.fromkeys(out))


def _kind(word: str) -> str:
    word = word.lower()
    return "article" if word.startswith("art") else word


def _value(num: str) -> int | None:
    return int(num) if num.isdigit() else chinese_number(num)
