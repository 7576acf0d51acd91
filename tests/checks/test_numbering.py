"""NUM-001 to NUM-007: gaps, duplicates, depth, lone subclauses, hanging paragraphs, titles, lists."""

from __future__ import annotations

from tests.checks.fixtures import CLEAN_EN, CLEAN_ZH, findings, replaced, where


def test_num001_gap() -> None:
    found = findings(replaced(CLEAN_ZH, "### 4.2　性能", "### 4.3　性能"), "NUM-001")
    assert where(found) == ["4.3"] and "4.2" in found[0].message_zh


def test_num001_chapter_gap() -> None:
    text = replaced(CLEAN_ZH, "## 5　测试方法\n### 5.1　性能测试", "## 6　测试方法\n### 6.1　性能测试")
    text = replaced(text, "### 5.2　功能测试", "### 6.2　功能测试")
    assert "6" in where(findings(text, "NUM-001"))


def test_num001_negative() -> None:
    assert findings(CLEAN_ZH, "NUM-001") == [] and findings(CLEAN_EN, "NUM-001") == []


def test_num002_duplicate() -> None:
    found = findings(replaced(CLEAN_ZH, "### 4.2　性能", "### 4.1　性能"), "NUM-002")
    assert where(found) == ["4.1"]
    assert findings(replaced(CLEAN_ZH, "### 4.2　性能", "### 4.1　性能"), "NUM-001") == []


def test_num002_duplicate_after_deeper_clause() -> None:
    text = replaced(CLEAN_ZH, "### 4.2　性能\n", "#### 4.1.1　细则\n样例系统应记录日志。\n\n#### 4.1.2　补充\n"
                                              "样例系统应保存日志。\n\n### 4.1　性能\n")
    assert "4.1" in where(findings(text, "NUM-002"))


def test_num002_negative() -> None:
    assert findings(CLEAN_ZH, "NUM-002") == []


def test_num003_six_levels() -> None:
    deep = ("#### 5.2.1　甲\n##### 5.2.1.1　乙\n###### 5.2.1.1.1　丙\n5.2.1.1.1.1　第一项应记录。\n\n"
            "5.2.1.1.1.2　第二项应记录。\n\n#### 5.2.2　丁\n功能测试应记录。\n")
    text = replaced(CLEAN_ZH, "功能测试应包括下列内容：", deep + "\n功能测试应包括下列内容：")
    assert {"5.2.1.1.1.1", "5.2.1.1.1.2"} <= set(where(findings(text, "NUM-003")))


def test_num003_negative_five_levels() -> None:
    assert findings(CLEAN_ZH, "NUM-003") == []


def test_num004_lone_subclause() -> None:
    text = replaced(CLEAN_ZH, "### 5.2　功能测试\n", "")
    assert where(findings(text, "NUM-004")) == ["5.1"]


def test_num004_negative_single_term_entry_is_fine() -> None:
    terms = CLEAN_ZH[CLEAN_ZH.index("### 3.2"):CLEAN_ZH.index("## 4　总体要求")]
    assert findings(CLEAN_ZH, "NUM-004") == [] and findings(replaced(CLEAN_ZH, terms, ""), "NUM-004") == []


def test_num005_hanging_paragraph() -> None:
    found = findings(replaced(CLEAN_ZH, "## 5　测试方法\n", "## 5　测试方法\n本章给出测试方法。\n\n"), "NUM-005")
    assert where(found) == ["5"] and found[0].text == "本章给出测试方法。"


def test_num005_negative_terms_lead_in() -> None:
    assert findings(CLEAN_ZH, "NUM-005") == [] and findings(CLEAN_EN, "NUM-005") == []


def test_num006_mixed_titles() -> None:
    text = replaced(CLEAN_ZH, "### 4.2　性能\n样例系统的响应时间", "### 4.2　样例系统的响应时间")
    found = findings(text, "NUM-006")
    assert where(found) == ["4"] and "4.2" in found[0].message_zh


def test_num006_negative() -> None:
    assert findings(CLEAN_ZH, "NUM-006") == [] and findings(CLEAN_EN, "NUM-006") == []


def test_num007_list_without_lead_in() -> None:
    text = replaced(CLEAN_ZH, "样例系统应满足下列要求：\n", "")
    assert where(findings(text, "NUM-007")) == ["4.1"]


def test_num007_mixed_markers_and_numeric_top_level() -> None:
    mixed = replaced(CLEAN_ZH, "——保存检查日志。", "a）保存检查日志。")
    numeric = replaced(CLEAN_ZH, "——记录每次检查的结果；\n——保存检查日志。", "1）记录每次检查的结果；\n2）保存检查日志。")
    assert where(findings(mixed, "NUM-007")) == ["4.1"]
    assert where(findings(numeric, "NUM-007")) == ["4.1"]


def test_num007_negative_nested_numeric_under_alpha() -> None:
    assert findings(CLEAN_ZH, "NUM-007") == [] and findings(CLEAN_EN, "NUM-007") == []
