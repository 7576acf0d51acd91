"""ANX-001 to ANX-004: lettering, citation, order of first citation, normative/informative label."""

from __future__ import annotations

from tests.checks.fixtures import CLEAN_EN, CLEAN_ZH, findings, replaced, where


def _reletter_b_as_c(text: str) -> str:
    text = replaced(text, "## 附录B（规范性）", "## 附录C（规范性）")
    text = replaced(text, "### B.1", "### C.1")
    text = replaced(text, "### B.2", "### C.2")
    return replaced(text, "附录B的规定", "附录C的规定")


def test_anx001_gap_in_letters() -> None:
    assert where(findings(_reletter_b_as_c(CLEAN_ZH), "ANX-001")) == ["C"]


def test_anx001_negative() -> None:
    assert findings(CLEAN_ZH, "ANX-001") == [] and findings(CLEAN_EN, "ANX-001") == []


def test_anx002_uncited_annex() -> None:
    text = replaced(CLEAN_ZH, "测试记录应符合附录B的规定", "测试记录应完整")
    assert where(findings(text, "ANX-002")) == ["B"]


def test_anx002_negative_cited_in_foreword_or_by_table() -> None:
    foreword = replaced(replaced(CLEAN_ZH, "测试记录应符合附录B的规定", "测试记录应完整"),
                        "本文件起草单位：样例研究院。", "本文件起草单位：样例研究院。测试记录格式见附录B。")
    assert findings(CLEAN_ZH, "ANX-002") == [] and findings(foreword, "ANX-002") == []


def test_anx003_order_of_first_citation() -> None:
    text = replaced(CLEAN_ZH, "测试方法见5.1和附录A", "测试方法见5.1和附录B")
    text = replaced(text, "测试记录应符合附录B的规定", "测试记录应符合附录A的规定")
    text = replaced(text, "操作系统为通用Linux发行版", "操作系统见附录B，为通用Linux发行版")
    assert where(findings(text, "ANX-003")) == ["B"]


def test_anx003_negative() -> None:
    assert findings(CLEAN_ZH, "ANX-003") == []


def test_anx004_unlabelled_annex() -> None:
    found = findings(replaced(CLEAN_ZH, "## 附录A（资料性）测试环境示例", "## 附录A　测试环境示例"), "ANX-004")
    assert where(found) == ["A"]


def test_anx004_negative_label_on_its_own_line() -> None:
    text = replaced(CLEAN_ZH, "## 附录A（资料性）测试环境示例", "## 附录A\n（资料性）\n测试环境示例")
    assert findings(CLEAN_ZH, "ANX-004") == [] and findings(text, "ANX-004") == []
