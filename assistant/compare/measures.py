"""Numbers with their units of measure, in either language: 5 s, 5秒 and "5 seconds" are one value.

A unit's symbol and its name are one unit (GB/T 1.1 prefers the symbol; writing it instead of the name is
editorial). Measure words (5个, 5项) are no units. Shared by the comparison within one language and across
two.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from assistant.document.numerals import arabic, english_arabic
from assistant.requirements.analysis import VALUE

UNIT_CANON = {"小时": "h", "分钟": "min", "秒": "s", "毫秒": "ms", "微秒": "μs", "us": "μs", "天": "d", "日": "d",
              "°C": "℃", "％": "%"}
# units written by name after a number (1米 is 1 m, "30 seconds" 30 s)
_UNIT_NAMES = {"毫米": "mm", "厘米": "cm", "千米": "km", "公里": "km", "米": "m", "千克": "kg", "公斤": "kg", "克": "g",
               "千赫兹": "kHz", "兆赫兹": "MHz", "吉赫兹": "GHz", "赫兹": "Hz", "千瓦": "kW", "瓦": "W", "毫伏": "mV",
               "伏": "V", "毫安": "mA", "分贝": "dB", "字节": "B", "比特": "bit",
               "milliseconds": "ms", "millisecond": "ms", "seconds": "s", "second": "s", "minutes": "min",
               "minute": "min", "hours": "h", "hour": "h", "metres": "m", "metre": "m", "meters": "m", "meter": "m",
               "centimetres": "cm", "centimetre": "cm", "millimetres": "mm", "millimetre": "mm", "kilometres": "km",
               "kilometre": "km", "kilograms": "kg", "kilogram": "kg", "grams": "g", "gram": "g", "per cent": "%",
               "percent": "%", "degrees Celsius": "℃", "bytes": "B", "bits": "bit", "watts": "W", "volts": "V",
               "hertz": "Hz"}
_UNIT_NAME = re.compile(r"(\d)\s*(" + "|".join(sorted(_UNIT_NAMES, key=len, reverse=True)) + r")(?![A-Za-z])")
MEASURE_WORDS = {"次", "个", "条", "项", "帧", "倍", "台", "张", "卡", "节点", "人", "元", "次/秒", "个/秒"}


def unit_of(unit: str) -> str:
    """The canonical symbol of a unit, "" for a measure word."""
    return "" if unit in MEASURE_WORDS else UNIT_CANON.get(unit, unit)


def quantities(text: str) -> list[tuple[str, str]]:
    """(number, canonical unit or "") for every number of the text, thousands separators removed."""
    text = _UNIT_NAME.sub(lambda m: m.group(1) + _UNIT_NAMES[m.group(2)], text)
    return [(re.sub(r"[ ,]", "", m.group("value")), unit_of(m.group("unit") or "")) for m in VALUE.finditer(text)]


# "不应低于95%" is "应不低于95%" (GB/T 1.1 allows both; 不得低于 likewise), "shall not be less than" is
# "shall be at least": the negation belongs to the bound, not to the provision
_NEGATED_BOUND_ZH = re.compile(r"不(?:应|得)(低于|小于|少于|高于|大于|多于|超过|超出|短于|长于|早于|晚于)")
_NEGATED_BOUND_EN = re.compile(r"\b(shall|should|must) not (?:be )?(?:(exceed)|(?:(less|lower|fewer|shorter)|"
                               r"(?:more|greater|higher|longer)) than)\b", re.I)


def fold_negated_bounds(text: str) -> str:
    def english(m: re.Match[str]) -> str:
        return f"{m.group(1)} be {'at least' if m.group(3) else 'at most'}"

    return _NEGATED_BOUND_EN.sub(english, _NEGATED_BOUND_ZH.sub(r"应不\1", text))


# comparators that say the same thing; swapping them is editorial
COMPARATOR_CLASS = {
    "不低于": ">=", "不少于": ">=", "不小于": ">=", "至少": ">=", "≥": ">=", "≧": ">=", "以上": ">=",
    "at least": ">=", "not less than": ">=", "no less than": ">=",
    "不高于": "<=", "不多于": "<=", "不大于": "<=", "不超过": "<=", "不超出": "<=", "至多": "<=", "≤": "<=",
    "≦": "<=", "以内": "<=", "以下": "<=", "内": "<=", "at most": "<=", "not more than": "<=",
    "no more than": "<=", "not exceed": "<=", "not exceeding": "<=", "no greater than": "<=", "up to": "<=",
    "within": "<=", "低于": "<", "小于": "<", "less than": "<", "below": "<", "<": "<", "＜": "<",
    "高于": ">", "大于": ">", "超过": ">", "more than": ">", "greater than": ">", "above": ">", "exceed": ">",
    ">": ">", "＞": ">",
}
_COMPARATOR = re.compile("|".join(re.escape(k) for k in sorted(COMPARATOR_CLASS, key=len, reverse=True)
                                  if k != "内"), re.I)


def comparators(sentence: str) -> list[tuple[str, str]]:
    """Comparator words in order, with their meaning (>=, <=, >, <): 不少于 and 至少 say the same."""
    return [(m.group(0), COMPARATOR_CLASS[m.group(0).lower()]) for m in _COMPARATOR.finditer(sentence)]


# a duration in days, in either language: 72小时 and "three days", 12个月 and "one year" are one period
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(个月|年|月|周|天|日|小时|分钟|秒|"
                       r"(?i:years?|months?|weeks?|days?|hours?|minutes?|seconds?|d|h|min|s))(?![A-Za-z])")
_EVERY_ONE = re.compile(r"每(?=年|月|周|天|日|小时)")  # 每年 is 每1年
_EN_ONE = re.compile(r"\b(?:one|an?)\s+(?=(?:year|month|week|day|hour|minute)\b)", re.I)
_EN_HALF = re.compile(r"\bhalf an?\s+(?=(?:year|month|week|day|hour|minute)\b)|半(?=年|小时|天|日)", re.I)
_DAYS = {"年": 365.0, "year": 365.0, "个月": 365 / 12, "月": 365 / 12, "month": 365 / 12, "周": 7.0, "week": 7.0,
         "天": 1.0, "日": 1.0, "day": 1.0, "d": 1.0, "小时": 1 / 24, "hour": 1 / 24, "h": 1 / 24, "分钟": 1 / 1440,
         "minute": 1 / 1440, "min": 1 / 1440, "秒": 1 / 86400, "second": 1 / 86400, "s": 1 / 86400}


def _prepared(text: str, every: bool = True) -> str:
    """Counts in words as digits; EVERY: 每年 as 每1年 too."""
    text = _EN_ONE.sub("1 ", _EN_HALF.sub("0.5 ", english_arabic(arabic(text))))
    return _EVERY_ONE.sub("每1", text) if every else text


def durations(text: str) -> list[tuple[str, float]]:
    """(number as written, days) for every duration of the text, counts in words read as digits."""
    return [(m.group(1), _days(m)) for m in _DURATION.finditer(_prepared(text))]


def _days(m: re.Match[str]) -> float:
    unit = m.group(2).lower()
    return round(float(m.group(1)) * _DAYS[unit if unit in _DAYS else unit.rstrip("s")], 6)


def same_durations(left: str, right: str, numbers: Callable[[str], Counter[str]]) -> bool:
    """Whether both texts state durations, the same ones in days, and otherwise the same NUMBERS."""
    days_left, days_right = (Counter(days for _, days in durations(t)) for t in (left, right))
    if not days_left or days_left != days_right:
        return False
    return numbers(_DURATION.sub(" ", _prepared(left))) == numbers(_DURATION.sub(" ", _prepared(right)))


def in_days(text: str) -> str:
    """The text with every duration written as its number of days (72小时 and "three days" both "3 日");
    a period without a number (每年) is left as it is."""
    return _DURATION.sub(lambda m: f"{_days(m):g} 日", _prepared(text, every=False))
