"""How often a text asks for something, in days, in either language.

"每两年" is 730, "every month" about 30, "annually" 365. Both the overlap report (a draft reviewing more often
than an existing standard is stricter) and the cross-lingual comparison (每年 rendered "every two years" is a
deviation) read periods the same way.
"""

from __future__ import annotations

import re

from assistant.document.numerals import arabic, english_arabic

# twelve months make a year; a quarter is a fourth of one
_DAYS = {"分钟": 1 / 1440, "小时": 1 / 24, "日": 1.0, "天": 1.0, "周": 7.0, "月": 365 / 12, "季度": 365 / 4, "年": 365.0,
         "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 365 / 12, "quarter": 365 / 4,
         "year": 365.0}
_ADVERBS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter",
            "annually": "year", "yearly": "year"}
_EVERY = re.compile(r"每\s*(\d+(?:\.\d+)?)?\s*个?\s*(分钟|小时|日|天|周|月|季度|年)|"
                    r"every\s+(\d+\s+)?(minute|hour|day|week|month|quarter|year)s?|"
                    r"\b(hourly|daily|weekly|monthly|quarterly|annually|yearly)\b")


def period(text: str) -> float | None:
    """The first period the text states, in days; None if it states none."""
    m = _EVERY.search(english_arabic(arabic(text)).lower())
    if not m:
        return None
    count = float((m.group(1) or m.group(3) or "1").strip())
    word = m.group(2) or m.group(4) or _ADVERBS[m.group(5)]
    return count * _DAYS[word]
