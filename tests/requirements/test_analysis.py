"""Requirement analysis reads subject, property, comparator, value, unit, condition and test method."""

from __future__ import annotations

from assistant.requirements.analysis import analyse


def test_full_requirement_is_analysed() -> None:
    a = analyse("在表2规定的测试条件下，单卡FP16推理吞吐量应不低于1 000 tokens/s，按9.3规定的方法测试。")
    assert a.verbal_form == "应"
    assert a.subject == "单卡FP16推理吞吐量"
    assert a.comparator == "不低于" and a.value == "1 000" and a.unit == "tokens/s"
    assert "表2规定的测试" in a.condition
    assert a.test_method


def test_english_requirement() -> None:
    a = analyse("The recovery time shall not exceed 30 min, measured in accordance with 8.4.")
    assert a.verbal_form == "shall not" and a.value == "30" and a.unit == "min"
    assert a.test_method


def test_requirement_without_value() -> None:
    a = analyse("系统应具有良好的易用性。")
    assert a.verbal_form == "应" and not a.value and not a.test_method
