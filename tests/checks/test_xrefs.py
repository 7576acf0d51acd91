"""REF-001 to REF-004 and the reference scanner."""

from __future__ import annotations

import pytest

from assistant.checks.xrefs import find_references
from tests.checks.fixtures import CLEAN_EN, CLEAN_ZH, findings, replaced, where


@pytest.mark.parametrize(("text", "expected"), [
    ("按风险准则（见5.1.4）确定风险等级", [("clause", "5.1.4", False)]),
    ("组织应按第6章规定的方法评分，并按7.1的规则判定。", [("chapter", "6", False), ("clause", "7.1", False)]),
    ("缩略语分别见3.1.1、3.3.1和3.5.3。", [("clause", "3.1.1", False), ("clause", "3.3.1", False),
                                      ("clause", "3.5.3", False)]),
    ("风险准则的确定应符合GB/T 24353—2022中6.3.4和6.4的规定。", [("clause", "6.3.4", True), ("clause", "6.4", True)]),
    ("见附录A和附录C", [("annex", "A", False), ("annex", "C", False)]),
    ("按表A.1的准则，并按表A.2核对", [("table", "A.1", False), ("table", "A.2", False)]),
    ("in accordance with 5.2 of ISO 9000:2015", [("clause", "5.2", True)]),
    ("specified in Clause 5 and in 6.2.", [("chapter", "5", False), ("clause", "6.2", False)]),
    # not references: versions, decimals, quantities, formula numbers
    ("OpenCL 2.x的共享虚拟存储在3.0中为可选功能", []),
    ("提高至1.5倍，修约至一位小数为62.1。", []),
    ("在1.5 m高度", []),
    ("按公式（A.1）～（A.4）计算", []),
    ("in 2.5 seconds", []),
])
def test_find_references(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert [(r.kind, r.target, r.external is not None) for r in find_references(text)] == expected


def test_ref001_missing_clause() -> None:
    found = findings(replaced(CLEAN_ZH, "测试方法见5.1和附录A", "测试方法见6.5.2和附录A"), "REF-001")
    assert where(found) == ["4.2"] and found[0].text == "6.5.2" and found[0].span is not None


def test_ref001_missing_chapter_and_english() -> None:
    zh = findings(replaced(CLEAN_ZH, "测试方法见5.1和附录A", "测试方法见第9章和附录A"), "REF-001")
    en = findings(replaced(CLEAN_EN, "in accordance with 4.2 and Annex A", "in accordance with 4.7 and Annex A"),
                  "REF-001")
    assert where(zh) == ["4.2"] and where(en) == ["4.1"]


def test_ref001_negative_external_and_old_edition() -> None:
    assert findings(CLEAN_ZH, "REF-001") == [] and findings(CLEAN_EN, "REF-001") == []
    old = replaced(CLEAN_ZH, "测试方法见5.1和附录A", "测试方法见5.1（2010年版的6.9）和附录A")
    assert findings(old, "REF-001") == []


def test_ref002_missing_annex() -> None:
    found = findings(replaced(CLEAN_ZH, "测试方法见5.1和附录A", "测试方法见5.1和附录D"), "REF-002")
    assert where(found) == ["4.2"]


def test_ref002_negative() -> None:
    assert findings(CLEAN_ZH, "REF-002") == [] and findings(CLEAN_EN, "REF-002") == []


def test_ref003_missing_table_and_figure() -> None:
    table = findings(replaced(CLEAN_ZH, "按表1的指标测试", "按表5的指标测试"), "REF-003")
    figure = findings(replaced(CLEAN_ZH, "按表1的指标测试", "按图A.2的指标测试"), "REF-003")
    assert where(table) == ["5.1"] and where(figure) == ["5.1"]


def test_ref003_negative() -> None:
    assert findings(CLEAN_ZH, "REF-003") == [] and findings(CLEAN_EN, "REF-003") == []


def test_ref004_undated_clause_citation() -> None:
    found = findings(replaced(CLEAN_ZH, "GB/T 24353—2022中6.3的规定", "GB/T 24353中6.3的规定"), "REF-004")
    assert where(found) == ["4.1"] and "GB/T 24353" in found[0].text


def test_ref004_negative_dated_or_whole_document() -> None:
    whole = replaced(CLEAN_ZH, "GB/T 24353—2022中6.3的规定", "GB/T 24353的规定")
    assert findings(CLEAN_ZH, "REF-004") == [] and findings(whole, "REF-004") == []
