"""VF-001 to VF-011: verbal forms and provisions where there must be none."""

from __future__ import annotations

import pytest

from assistant.checks.verbal import find_forms
from tests.checks.fixtures import CLEAN_EN, CLEAN_ZH, findings, replaced, where

BODY = "样例系统的响应时间应不大于1 s"


@pytest.mark.parametrize(("text", "forms"), [
    ("系统应记录日志，并宜保存3年。", ["应", "宜"]),
    ("本系统的应用场景包括响应、对应和相应的处理。", []),
    ("系统具有可靠、可信、可追溯和可编程的特性。", []),
    ("组织可采用自动化工具，也可以人工检查。", ["可", "可以"]),
    ("《网络安全法》规定“网络运营者必须履行安全义务”。", []),
    ("日志不应用于其他目的，运营月报应在次月5日前发布。", ["不应", "应"]),
    ("推荐系统用于评估；推荐采用离线评估。", ["推荐"]),
    ("The system shall log events and may keep them; it can store them.", ["shall", "may", "can"]),
])
def test_find_forms(text: str, forms: list[str]) -> None:
    assert [f.form for f in find_forms(text)] == forms


def test_vf001_bixu() -> None:
    found = findings(replaced(CLEAN_ZH, BODY, "样例系统的响应时间必须不大于1 s"), "VF-001")
    assert where(found) == ["4.2"] and found[0].suggestion.startswith("样例系统的响应时间应不大于1 s")


def test_vf001_negative_quoted_law_and_legal_constraint() -> None:
    quoted = replaced(CLEAN_ZH, BODY, "《网络安全法》规定“运营者必须履行安全义务”，样例系统的响应时间应不大于1 s")
    legal = replaced(CLEAN_ZH, BODY, "法律规定必须留存日志时，样例系统的响应时间应不大于1 s")
    assert findings(quoted, "VF-001") == [] and findings(legal, "VF-001") == []


def test_vf002_yao() -> None:
    found = findings(replaced(CLEAN_ZH, BODY, "样例系统的响应时间要不大于1 s"), "VF-002")
    assert where(found) == ["4.2"] and "应不大于" in found[0].suggestion


def test_vf002_negative_yaoqiu_xuyao_zhuyao() -> None:
    text = replaced(CLEAN_ZH, BODY, "主要部件的重要参数需要满足要求，样例系统的响应时间应不大于1 s")
    assert findings(text, "VF-002") == []


def test_vf003_buke() -> None:
    found = findings(replaced(CLEAN_ZH, "测试记录应保存不少于3年。", "测试记录不可修改已保存的检测数据。"), "VF-003")
    assert where(found) == ["B.2"] and found[0].suggestion.startswith("测试记录不应修改")


def test_vf003_negative_adjective_and_impossibility() -> None:
    text = replaced(CLEAN_ZH, "测试记录应保存不少于3年。", "测试记录应保存在不可篡改的介质上，该要求在数学上不可实现时应说明。")
    assert findings(text, "VF-003") == []


def test_vf004_neng_for_permission() -> None:
    found = findings(replaced(CLEAN_ZH, "功能测试应包括下列内容：", "测试机构能根据需要增加测试项目。\n\n功能测试应包括下列内容："),
                     "VF-004")
    assert where(found) == ["5.2"] and "测试机构可根据" in found[0].suggestion


def test_vf004_negative_capability() -> None:
    text = replaced(CLEAN_ZH, "功能测试应包括下列内容：", "系统应确保用户能选择语言，评估结果能够帮助组织。\n\n功能测试应包括下列内容：")
    assert findings(text, "VF-004") == []


def test_vf005_must() -> None:
    found = findings(replaced(CLEAN_EN, "Event logs shall be retained", "Event logs must be retained"), "VF-005")
    assert where(found) == ["4.2"] and "Event logs shall be retained" in found[0].suggestion
    assert findings(replaced(CLEAN_EN, "Event logs shall be retained", "Event logs must not be discarded"),
                    "VF-005")[0].suggestion.startswith("Event logs shall not be discarded")


def test_vf005_negative_legal_constraint() -> None:
    text = replaced(CLEAN_EN, "Event logs shall be retained", "Where the law says logs must be kept, event logs shall be "
                                                              "retained")
    assert findings(CLEAN_EN, "VF-005") == [] and findings(text, "VF-005") == []


def test_vf006_provision_in_note() -> None:
    zh = findings(replaced(CLEAN_ZH, "注1：响应时间在空载条件下测量。", "注1：响应时间宜在空载条件下测量。"), "VF-006")
    en = findings(replaced(CLEAN_EN, "NOTE The event log can be reviewed", "NOTE The event log shall be reviewed"),
                  "VF-006")
    term = findings(replaced(CLEAN_ZH, "注：样例系统不用于生产环境。", "注：样例系统不应用于生产环境。"), "VF-006")
    assert where(zh) == ["4.2"] and where(en) == ["4.1"] and where(term) == ["3.1"]


def test_vf006_names_the_strongest_form() -> None:
    found = findings(replaced(CLEAN_ZH, "注1：响应时间在空载条件下测量。", "注1：推荐系统的响应时间宜在空载条件下测量。"), "VF-006")
    assert len(found) == 1 and "“宜”" in found[0].message_zh


def test_vf006_negative_possibility_in_note() -> None:
    text = replaced(CLEAN_ZH, "注1：响应时间在空载条件下测量。", "注1：响应时间可能受负载影响，一块芯片可作为多个设备，推荐系统除外。")
    assert findings(CLEAN_ZH, "VF-006") == [] and findings(text, "VF-006") == []
    assert findings(CLEAN_EN, "VF-006") == []


def test_vf007_provision_in_example() -> None:
    found = findings(replaced(CLEAN_ZH, "示例：某系统的响应时间为0.8 s。", "示例：系统应在0.8 s内响应。"), "VF-007")
    assert where(found) == ["5.1"]


def test_vf007_negative_quoted_requirement() -> None:
    text = replaced(CLEAN_ZH, "示例：某系统的响应时间为0.8 s。", "示例：“系统应在0.8 s内响应”是一项可验证的要求。")
    assert findings(text, "VF-007") == []


def test_vf008_requirement_in_scope() -> None:
    found = findings(replaced(CLEAN_ZH, "本文件适用于样例系统的设计和测试。", "样例系统应按本文件设计。"), "VF-008")
    assert where(found) == ["1"]


def test_vf008_negative() -> None:
    assert findings(CLEAN_ZH, "VF-008") == [] and findings(CLEAN_EN, "VF-008") == []


def test_vf009_requirement_in_foreword() -> None:
    found = findings(replaced(CLEAN_ZH, "本文件起草单位：样例研究院。", "使用者应结合实际选用本文件。\n\n本文件起草单位：样例研究院。"),
                     "VF-009")
    assert where(found) == ["前言"]


def test_vf009_negative_iso_boilerplate() -> None:
    text = replaced(CLEAN_EN, "This document was prepared by",
                    "ISO and IEC shall not be held responsible for identifying any or all such patent rights.\n\n"
                    "This document was prepared by")
    assert findings(CLEAN_ZH, "VF-009") == [] and findings(text, "VF-009") == []


def test_vf010_requirement_in_introduction() -> None:
    found = findings(replaced(CLEAN_ZH, "本文件给出检查规则测试用的样例结构", "使用者应先阅读本文件的样例结构"), "VF-010")
    assert where(found) == ["引言"]


def test_vf010_negative_yingyong() -> None:
    assert findings(CLEAN_ZH, "VF-010") == []  # the introduction says 应用场景


def test_vf011_requirement_in_informative_annex() -> None:
    found = findings(replaced(CLEAN_ZH, "测试用计算机配置8核处理器", "测试用计算机应配置8核处理器"), "VF-011")
    assert where(found) == ["A.1"]


def test_vf011_negative_normative_annex() -> None:
    assert findings(CLEAN_ZH, "VF-011") == []  # 附录B (规范性) has requirements, 附录A has none
