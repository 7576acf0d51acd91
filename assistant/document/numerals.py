"""Counts and periods written in words, as digits: 三年 → 3年, 十五日 → 15日, 四位 → 4位, "two years" → "2 years".

Laws and standards write small counts in words (至少保存三年, 保留三位小数), which a comparison of digits
would not see. Only a numeral before a measure or time word is read, never an ordinal (第三条) and never
a word that merely contains a numeral character (统一, 一致).
"""

from __future__ import annotations

import re

_DIGITS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMERAL = re.compile(r"(?<![第一两二三四五六七八九十])([一两二三四五六七八九]?十[一二三四五六七八九]?|[一两二三四五六七八九])"
                      r"(?=个|次(?!性)|名|位|级|类|项|条|年|月|日|天|周|小时|分钟|工作日|倍|种|份|层|轮|步)")  # not 一次性


def value(numeral: str) -> int:
    """一 … 九十九 ("十五" → 15, "二十" → 20, "两" → 2)."""
    if "十" not in numeral:
        return _DIGITS[numeral]
    tens, _, units = numeral.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


# fractions and percentages in words: 三分之一 → 1/3, 百分之五 → 5%, 一半 and 半数 → 1/2
_PART = r"[一两二三四五六七八九]?十[一二三四五六七八九]?|[一两二三四五六七八九]"
_FRACTION = re.compile(rf"(百|{_PART})分之({_PART})")
_HALF = re.compile(r"(?<![一两二三四五六七八九十])一半|半数")


def _fraction(m: re.Match[str]) -> str:
    part = value(m.group(2))
    return f"{part}%" if m.group(1) == "百" else f"{part}/{value(m.group(1))}"


def arabic(text: str) -> str:
    """The text with counts, periods and fractions in Chinese numerals written as digits."""
    text = _HALF.sub("1/2", _FRACTION.sub(_fraction, text))
    return _NUMERAL.sub(lambda m: str(value(m.group(1))), text)


# "one" is left out: a pronoun as often as a count
EN_NUMBERS = {w: k + 2 for k, w in enumerate(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
     "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
_EN_NUMERAL = re.compile(r"\b(" + "|".join(EN_NUMBERS) + r")\b(?!-)", re.I)


def english_arabic(text: str) -> str:
    """The text with English counts in words written as digits ("every two years" → "every 2 years")."""
    return _EN_NUMERAL.sub(lambda m: str(EN_NUMBERS[m.group(1).lower()]), text)
