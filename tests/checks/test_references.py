"""NRF-001 to NRF-005: lead-in, order, designation form and citation both ways."""

from __future__ import annotations

from tests.checks.fixtures import CLEAN_EN, CLEAN_ZH, findings, replaced, where

LEAD = "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。"


def test_nrf001_lead_in_missing_or_altered() -> None:
    lead = CLEAN_ZH[CLEAN_ZH.index(LEAD):CLEAN_ZH.index("GB/T 24353—2022　风险管理")]
    missing = findings(replaced(CLEAN_ZH, lead, ""), "NRF-001")
    altered = findings(replaced(CLEAN_ZH, "仅该日期对应的版本", "仅注日期的版本"), "NRF-001")
    assert where(missing) == ["2"] and where(altered) == ["2"]


def test_nrf001_negative() -> None:
    assert findings(CLEAN_ZH, "NRF-001") == [] and findings(CLEAN_EN, "NRF-001") == []


def test_nrf002_order() -> None:
    text = replaced(CLEAN_ZH, "GB/T 24353—2022　风险管理　指南\nISO/IEC 22989:2022",
                    "ISO/IEC 22989:2022　AI concepts\nGB/T 24353—2022　风险管理　指南\nISO/IEC 22989:2022X")
    text = replaced(text, "ISO/IEC 22989:2022X　Information technology — Artificial intelligence — Artificial "
                          "intelligence concepts and terminology\n", "")
    found = findings(text, "NRF-002")
    assert where(found) == ["2"] and found[0].suggestion.startswith("GB/T 24353—2022")


def test_nrf002_negative() -> None:
    assert findings(CLEAN_ZH, "NRF-002") == [] and findings(CLEAN_EN, "NRF-002") == []


def test_nrf003_colon_or_hyphen() -> None:
    listed = findings(replaced(CLEAN_ZH, "GB/T 24353—2022　风险管理", "GB/T 24353:2022　风险管理"), "NRF-003")
    body = findings(replaced(CLEAN_ZH, "GB/T 24353—2022中6.3", "GB/T 24353-2022中6.3"), "NRF-003")
    assert where(listed) == ["2"] and listed[0].suggestion == "GB/T 24353—2022"
    assert where(body) == ["4.1"]


def test_nrf003_negative_iso_colon() -> None:
    assert findings(CLEAN_ZH, "NRF-003") == [] and findings(CLEAN_EN, "NRF-003") == []


def test_nrf004_listed_never_cited() -> None:
    text = replaced(CLEAN_ZH, "按ISO/IEC 22989:2022中3.1的术语理解功能范围。", "按3.1的术语理解功能范围。")
    text = replaced(text, "[来源：ISO/IEC 22989:2022，3.1.4，有修改]\n", "")
    found = findings(text, "NRF-004")
    assert where(found) == ["2"] and "ISO/IEC 22989" in found[0].message_en


def test_nrf004_negative_cited_in_term_source_only() -> None:
    text = replaced(CLEAN_ZH, "按ISO/IEC 22989:2022中3.1的术语理解功能范围。", "按3.1的术语理解功能范围。")
    assert findings(CLEAN_ZH, "NRF-004") == [] and findings(text, "NRF-004") == []


def test_nrf005_unlisted_normative_citation() -> None:
    found = findings(replaced(CLEAN_ZH, "测试记录应包括测试日期和测试人员。", "测试记录应符合GB/T 19001—2016的规定。"), "NRF-005")
    assert where(found) == ["B.1"] and found[0].text == "GB/T 19001—2016"


def test_nrf005_negative_informative_citations() -> None:
    see = replaced(CLEAN_ZH, "本文件给出检查规则测试用的样例结构", "本文件参照GB/T 19001—2016给出样例结构")
    note = replaced(CLEAN_ZH, "注1：响应时间在空载条件下测量。", "注1：测量方法参见GB/T 19001—2016。")
    informative = replaced(CLEAN_ZH, "测试用计算机配置8核处理器", "测试用计算机配置（参见GB/T 19001—2016）8核处理器")
    body_see = replaced(CLEAN_ZH, "按表1的指标测试", "按表1的指标测试（测试原理参见GB/T 19001—2016）")
    for text in (CLEAN_ZH, see, note, informative, body_see):
        assert findings(text, "NRF-005") == []
