"""Chinese numerals before measure and time words read as digits; ordinals and words stay."""

from __future__ import annotations

import pytest

from assistant.document.numerals import arabic


@pytest.mark.parametrize(("text", "expected"), [
    ("应当至少保存三年", "应当至少保存3年"),
    ("在十五日内处理", "在15日内处理"),
    ("二十四小时内报告", "24小时内报告"),
    ("保留两位小数", "保留2位小数"),
    ("每十二个月评审一次", "每12个月评审1次"),
    ("依照第三条的规定", "依照第三条的规定"),  # an ordinal
    ("统一标识，保持一致", "统一标识，保持一致"),  # words holding a numeral character
    ("不足三分之一", "不足1/3"),
    ("不足一半", "不足1/2"),
    ("超过半数成员同意", "超过1/2成员同意"),
    ("误差不超过百分之五", "误差不超过5%"),
    ("十一半导体", "十一半导体"),  # not a half
])
def test_arabic(text: str, expected: str) -> None:
    assert arabic(text) == expected
