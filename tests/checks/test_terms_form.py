"""TRM-001 to TRM-006: the form of term entries and of the terms chapter."""

from __future__ import annotations

from tests.checks.fixtures import CLEAN_EN, CLEAN_ZH, findings, replaced, where


def test_trm001_no_english_equivalent() -> None:
    found = findings(replaced(CLEAN_ZH, "**检查规则**　check rule", "**检查规则**"), "TRM-001")
    assert where(found) == ["3.2"]


def test_trm001_negative() -> None:
    assert findings(CLEAN_ZH, "TRM-001") == []
    assert findings(CLEAN_EN, "TRM-001") == []  # English documents have no Chinese term to pair


def test_trm002_definition_starts_with_zhi_or_article() -> None:
    zh = findings(replaced(CLEAN_ZH, "判断文本是否符合起草规则的条件", "指判断文本是否符合起草规则的条件"), "TRM-002")
    en = findings(replaced(CLEAN_EN, "single record of an event log (3.1)", "a single record of an event log (3.1)"),
                  "TRM-002")
    assert where(zh) == ["3.2"] and zh[0].suggestion == "判断文本是否符合起草规则的条件"
    assert where(en) == ["3.2"] and en[0].suggestion == "single record of an event log (3.1)"


def test_trm002_negative_zhiling() -> None:
    text = replaced(CLEAN_ZH, "判断文本是否符合起草规则的条件", "指令集中用于判断文本的条件")
    assert findings(CLEAN_ZH, "TRM-002") == [] and findings(text, "TRM-002") == []


def test_trm003_final_full_stop_and_two_sentences() -> None:
    stop = findings(replaced(CLEAN_ZH, "判断文本是否符合起草规则的条件", "判断文本是否符合起草规则的条件。"), "TRM-003")
    two = findings(replaced(CLEAN_ZH, "判断文本是否符合起草规则的条件", "判断文本是否符合起草规则的条件。它由工具执行"), "TRM-003")
    en = findings(replaced(CLEAN_EN, "single record of an event log (3.1)", "single record of an event log (3.1)."),
                  "TRM-003")
    assert where(stop) == ["3.2"] and where(two) == ["3.2"] and where(en) == ["3.2"]
    assert "注：它由工具执行" in two[0].suggestion


def test_trm003_negative() -> None:
    assert findings(CLEAN_ZH, "TRM-003") == [] and findings(CLEAN_EN, "TRM-003") == []


def test_trm004_altered_lead_in() -> None:
    found = findings(replaced(CLEAN_ZH, "下列术语和定义适用于本文件。", "本文件采用下列术语和定义。"), "TRM-004")
    assert where(found) == ["3"] and found[0].suggestion == "下列术语和定义适用于本文件。"


def test_trm004_negative_designation_variant() -> None:
    text = replaced(CLEAN_ZH, "下列术语和定义适用于本文件。", "GB/T 24353—2022和ISO/IEC 22989:2022界定的以及下列术语和定义适用于本文件。")
    assert findings(CLEAN_ZH, "TRM-004") == [] and findings(text, "TRM-004") == []
    assert findings(CLEAN_EN, "TRM-004") == []


def test_trm005_requirement_in_definition() -> None:
    found = findings(replaced(CLEAN_ZH, "判断文本是否符合起草规则的条件", "判断文本是否符合起草规则、且应由工具执行的条件"), "TRM-005")
    assert where(found) == ["3.2"]


def test_trm005_negative() -> None:
    assert findings(CLEAN_ZH, "TRM-005") == [] and findings(CLEAN_EN, "TRM-005") == []


def test_trm006_source_form() -> None:
    comma = findings(replaced(CLEAN_ZH, "[来源：ISO/IEC 22989:2022，3.1.4，有修改]", "[来源：ISO/IEC 22989:2022, 3.1.4]"),
                     "TRM-006")
    loose = findings(replaced(CLEAN_ZH, "[来源：ISO/IEC 22989:2022，3.1.4，有修改]", "来源：ISO/IEC 22989:2022，3.1.4"),
                     "TRM-006")
    assert where(comma) == ["3.1"] and comma[0].suggestion == "[来源：ISO/IEC 22989:2022，3.1.4]"
    assert where(loose) == ["3.1"]


def test_trm006_negative() -> None:
    assert findings(CLEAN_ZH, "TRM-006") == [] and findings(CLEAN_EN, "TRM-006") == []
