"""STR-001 to STR-004: mandatory chapters, element order, empty chapters 2 and 3."""

from __future__ import annotations

from tests.checks.fixtures import CLEAN_EN, CLEAN_ZH, findings, replaced, where

TERMS_ZH = CLEAN_ZH[CLEAN_ZH.index("## 3　术语和定义"):CLEAN_ZH.index("## 4　总体要求")]


def test_str001_missing_terms_chapter() -> None:
    text = replaced(CLEAN_ZH, TERMS_ZH, "")
    found = findings(text, "STR-001")
    assert where(found) == [""]
    assert "术语和定义" in found[0].message_zh and "本文件没有需要界定的术语和定义。" in found[0].suggestion


def test_str001_negative_all_chapters_present() -> None:
    assert findings(CLEAN_ZH, "STR-001") == [] and findings(CLEAN_EN, "STR-001") == []


def test_str001_not_for_text_without_chapters() -> None:
    assert findings("## 说明\n这是一段说明文字，不是标准。\n", "STR-001") == []


def test_str002_foreword_after_chapter_1() -> None:
    foreword = CLEAN_ZH[CLEAN_ZH.index("## 前言"):CLEAN_ZH.index("## 引言")]
    text = replaced(replaced(CLEAN_ZH, foreword, ""), "## 2　规范性引用文件", foreword + "## 2　规范性引用文件")
    assert where(findings(text, "STR-002")) == ["前言"]


def test_str002_annex_before_body_chapter() -> None:
    annex_a = CLEAN_ZH[CLEAN_ZH.index("## 附录A"):CLEAN_ZH.index("## 附录B")]
    text = replaced(replaced(CLEAN_ZH, annex_a, ""), "## 5　测试方法", annex_a + "## 5　测试方法")
    found = findings(text, "STR-002")
    assert where(found) == ["A"] and "5" in found[0].message_zh


def test_str002_swapped_mandatory_chapters() -> None:
    text = replaced(CLEAN_ZH, "## 1　范围", "## 1　规范性引用文件X")
    text = replaced(text, "## 2　规范性引用文件\n", "## 2　范围\n")
    text = text.replace("## 1　规范性引用文件X", "## 1　规范性引用文件")
    assert set(where(findings(text, "STR-002"))) == {"1", "2"}


def test_str002_negative() -> None:
    assert findings(CLEAN_ZH, "STR-002") == [] and findings(CLEAN_EN, "STR-002") == []


def test_str003_empty_references_chapter() -> None:
    refs = CLEAN_ZH[CLEAN_ZH.index("下列文件中的内容"):CLEAN_ZH.index("## 3　术语和定义")]
    text = replaced(CLEAN_ZH, refs, "\n")
    assert where(findings(text, "STR-003")) == ["2"]


def test_str003_negative_fixed_statement() -> None:
    refs = CLEAN_ZH[CLEAN_ZH.index("下列文件中的内容"):CLEAN_ZH.index("## 3　术语和定义")]
    text = replaced(CLEAN_ZH, refs, "本文件没有规范性引用文件。\n\n")
    assert findings(text, "STR-003") == []


def test_str004_empty_terms_chapter_with_wrong_wording() -> None:
    text = replaced(CLEAN_ZH, TERMS_ZH, "## 3　术语和定义\n本文件不界定术语。\n\n")
    assert where(findings(text, "STR-004")) == ["3"]
    assert findings(text, "TRM-004") == []  # one fault, one finding


def test_str004_negative_fixed_statement_and_reference_only() -> None:
    none = replaced(CLEAN_ZH, TERMS_ZH, "## 3　术语和定义\n本文件没有需要界定的术语和定义。\n\n")
    cited = replaced(CLEAN_ZH, TERMS_ZH, "## 3　术语和定义\nGB/T 24353—2022界定的术语和定义适用于本文件。\n\n")
    assert findings(none, "STR-004") == [] and findings(cited, "STR-004") == []
