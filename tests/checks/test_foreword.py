"""FWD-001 to FWD-005: the drafting sentence, content, patent statement, proposer, order."""

from __future__ import annotations

from tests.checks.fixtures import CLEAN_EN, CLEAN_ZH, findings, replaced, where

DRAFTING = "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。"


def test_fwd001_altered_year_and_dash() -> None:
    for old, word in (("GB/T 1.1—2020", "2009"), ("GB/T 1.1—2020", "-")):
        new = "GB/T 1.1—2009" if word == "2009" else "GB/T 1.1-2020"
        found = findings(replaced(CLEAN_ZH, old, new), "FWD-001")
        assert where(found) == ["前言"] and found[0].suggestion == DRAFTING
        assert found[0].span is not None


def test_fwd001_missing() -> None:
    found = findings(replaced(CLEAN_ZH, DRAFTING + "\n", ""), "FWD-001")
    assert where(found) == ["前言"] and "GB/T 1.1" in found[0].message_zh


def test_fwd001_negative_spacing_variants() -> None:
    assert findings(CLEAN_ZH, "FWD-001") == []
    assert findings(replaced(CLEAN_ZH, "导则　第1部分", "导则 第1部分"), "FWD-001") == []
    assert findings(CLEAN_EN, "FWD-001") == []  # ISO documents have no such sentence


def test_fwd002_table_in_foreword() -> None:
    text = replaced(CLEAN_ZH, "本文件起草单位：样例研究院。\n",
                    "本文件起草单位：样例研究院。\n\n表1　起草单位\n\n| 单位 |\n|---|\n| 样例研究院 |\n")
    assert where(findings(text, "FWD-002")) == ["前言"]


def test_fwd002_english_foreword_table() -> None:
    text = replaced(CLEAN_EN, "This document was prepared by",
                    "Table 1 — Committees\n\n| Committee |\n|---|\n| SC 42 |\n\nThis document was prepared by")
    assert where(findings(text, "FWD-002")) == ["前言"]


def test_fwd002_negative() -> None:
    assert findings(CLEAN_ZH, "FWD-002") == [] and findings(CLEAN_EN, "FWD-002") == []


def test_fwd003_patent_statement_missing() -> None:
    text = replaced(CLEAN_ZH, "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。\n", "")
    assert where(findings(text, "FWD-003")) == ["前言"]


def test_fwd003_negative() -> None:
    assert findings(CLEAN_ZH, "FWD-003") == []


def test_fwd004_committee_missing() -> None:
    found = findings(replaced(CLEAN_ZH, "提出并归口。", "提出。"), "FWD-004")
    assert where(found) == ["前言"] and "归口" in found[0].message_zh


def test_fwd004_negative() -> None:
    assert findings(CLEAN_ZH, "FWD-004") == []


def test_fwd005_committee_before_drafting_sentence() -> None:
    committee = "本文件由全国信息技术标准化技术委员会（SAC/TC 28）提出并归口。\n"
    text = replaced(replaced(CLEAN_ZH, committee, ""), DRAFTING, committee + "\n" + DRAFTING)
    found = findings(text, "FWD-005")
    assert where(found) == ["前言"]


def test_fwd005_negative_free_text_is_unranked() -> None:
    text = replaced(CLEAN_ZH, "本文件起草单位：样例研究院。\n", "本文件起草单位：样例研究院。\n\n本样例修改采用的说明仅供测试。\n")
    assert findings(CLEAN_ZH, "FWD-005") == [] and findings(text, "FWD-005") == []
