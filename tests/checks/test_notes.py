"""NTE-001 and NTE-002: labels of notes and examples."""

from __future__ import annotations

from tests.checks.fixtures import CLEAN_EN, CLEAN_ZH, findings, replaced, where


def test_nte001_single_numbered_and_unnumbered_pair() -> None:
    single = findings(replaced(CLEAN_ZH, "\n注2：性能指标的说明见表1。\n", "\n"), "NTE-001")
    pair = findings(replaced(replaced(CLEAN_ZH, "注1：响应时间", "注：响应时间"), "注2：性能", "注：性能"), "NTE-001")
    assert where(single) == ["4.2"] and single[0].suggestion.startswith("注：")
    assert where(pair) == ["4.2"]


def test_nte001_negative_iso_note_to_entry() -> None:
    assert findings(CLEAN_ZH, "NTE-001") == [] and findings(CLEAN_EN, "NTE-001") == []


def test_nte002_single_numbered_example() -> None:
    found = findings(replaced(CLEAN_ZH, "示例：某系统", "示例1：某系统"), "NTE-002")
    assert where(found) == ["5.1"]


def test_nte002_negative() -> None:
    two = replaced(CLEAN_ZH, "示例：某系统的响应时间为0.8 s。", "示例1：某系统的响应时间为0.8 s。\n\n示例2：另一系统为0.5 s。")
    assert findings(CLEAN_ZH, "NTE-002") == [] and findings(two, "NTE-002") == []
