"""Verbal forms per GB/T 1.1-2020 Annex C and ISO/IEC Directives Part 2, clause 7."""

from __future__ import annotations

import pytest

from assistant.document.parse_text import parse_text
from assistant.document.provisions import Context, ProvisionType, extract_provisions, verbal_form

R, REC, P, POS, S = (ProvisionType.REQUIREMENT, ProvisionType.RECOMMENDATION, ProvisionType.PERMISSION,
                     ProvisionType.POSSIBILITY, ProvisionType.STATEMENT)


@pytest.mark.parametrize(
    ("sentence", "form", "kind"),
    [
        ("训练数据应经过清洗。", "应", R),
        ("系统不应存储用户原始语音。", "不应", R),
        ("提供者不得利用算法实施垄断。", "不得", R),
        ("运营者应当建立健全管理制度。", "应当", R),
        ("模型必须通过安全评估。", "必须", R),
        ("评估报告宜包含改进建议。", "宜", REC),
        ("不宜在生产环境中调试模型。", "不宜", REC),
        ("组织可采用第三方评估。", "可", P),
        ("测试人员可以使用自动化工具。", "可以", P),
        ("小规模试点不必执行全部评估。", "不必", P),
        ("该方法能够检测对抗样本。", "能够", POS),
        ("系统能在离线状态下运行。", "能", POS),
        ("人工智能应用场景包括医疗和交通。", "", S),  # 应用 is not 应
        ("系统的响应时间见表2。", "", S),  # 响应
        ("可靠性和可信度是重要指标。", "", S),  # 可靠, 可信
        ("模型具有可追溯性和可解释性。", "", S),
        ("本章规定了相应的评价方法。", "", S),  # 相应
        ("依据《中华人民共和国标准化法》“强制性标准必须执行”的规定。", "", S),  # quoted text is not a provision
        ("The provider shall keep logs for 6 months.", "shall", R),
        ("The provider shall not disclose the key.", "shall not", R),
        ("Operators should review the plan annually.", "should", REC),
        ("The organization may use sampling.", "may", P),
        ("The model can run offline.", "can", POS),
        ("Users must register before use.", "must", R),
        ("This clause describes the process.", "", S),
    ],
)
def test_verbal_form(sentence: str, form: str, kind: ProvisionType) -> None:
    assert verbal_form(sentence) == (form, kind)


def test_provisions_know_their_context() -> None:
    text = """## 5　要求
### 5.1　通则
数据应经过审核。
注：审核可由第三方完成。
示例：审核记录应保存3年。
## 附录A（资料性）实施示例
A.1　评审人员宜具备相关经验。
"""
    found = {(p.clause, p.context, p.type, p.normative) for p in extract_provisions(parse_text(text))
             if p.verbal_form}
    assert ("5.1", Context.BODY, R, True) in found
    assert ("5.1", Context.NOTE, P, True) in found
    assert ("5.1", Context.EXAMPLE, R, True) in found
    assert ("A.1", Context.BODY, REC, False) in found
