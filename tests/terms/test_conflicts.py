"""Each conflict kind (TRM-101 … TRM-109): one draft that has it, one that does not."""

from __future__ import annotations

from assistant.terms.check import check_terms
from tests.terms.conftest import FRONT, HASH_THRESHOLDS, draft, entry

TRAIN = "在训练中用于确定或调整模型参数的数据样本"  # GB/T 90001—2026, 3.2.2 训练数据


def rules(doc, base, rule=None):
    found = check_terms(doc, base, HASH_THRESHOLDS)
    return [f for f in found if rule is None or f.rule == rule]


def test_definition_conflict(base):
    doc = draft(entry("3.1", "训练数据", "training data", "用于在部署后监测系统运行状态的日志记录集合"),
                "训练数据应留存。")
    found = rules(doc, base, "TRM-101")
    assert found and found[0].term == "训练数据" and found[0].entry is not None


def test_same_definition_reworded_is_no_conflict(base):
    doc = draft(entry("3.1", "训练数据", "training data", "在训练过程中用于确定或调整模型参数的数据样本"),
                "训练数据应留存。")
    assert rules(doc, base, "TRM-101") == []


def test_homonym_in_another_field_is_no_conflict(base):
    front = FRONT.replace("人工智能　测试草案", "包装　标签印刷要求").replace(
        "Artificial intelligence—Test draft", "Packaging—Label printing").replace("人工智能系统的测试要求", "包装标签的印刷要求")
    doc = draft(entry("3.1", "标签", "label", "粘贴或印刷在包装上、标明产品名称和规格的纸片或图文"), "标签应清晰。", front)
    assert rules(doc, base, "TRM-101") == []


def test_synonym(base):
    doc = draft(entry("3.1", "模型训练样本", "model training samples", TRAIN), "模型训练样本应留存。")
    found = rules(doc, base, "TRM-102")
    assert found and found[0].entry is not None and found[0].entry.term_zh == "训练数据"


def test_new_concept_is_no_synonym(base):
    doc = draft(entry("3.1", "样例甲指标", "sample alpha indicator", "在样例场景中记录设备甲每日开机次数的计数值"),
                "样例甲指标应记录。")
    assert rules(doc, base, "TRM-102") == []


def test_english_mismatch_and_reverse(base):
    doc = draft(entry("3.1", "训练数据", "learning data", TRAIN) + entry("3.2", "训练用数据", "training data", TRAIN),
                "训练数据和训练用数据应留存。")
    found = rules(doc, base, "TRM-103")
    assert {f.term for f in found} == {"训练数据", "训练用数据"}
    assert found[0].suggestion == "training data"


def test_admitted_english_and_abbreviation_are_fine(base):
    doc = draft(entry("3.1", "人工智能系统", "AI system", "依据人类设定的目标，运用人工智能技术处理输入并产生结果的工程化系统"),
                "人工智能系统应可追溯。")
    assert rules(doc, base, "TRM-103") == []


def test_source_mismatch(base):
    doc = draft(entry("3.1", "训练数据", "training data", TRAIN) + "[来源：GB/T 90001—2026，3.2.3]\n\n",
                "训练数据应留存。")
    found = rules(doc, base, "TRM-104")
    assert found and found[0].entry is not None and found[0].entry.term_zh == "验证数据"
    assert "3.2.2" in found[0].suggestion


def test_source_match(base):
    doc = draft(entry("3.1", "训练数据", "training data", TRAIN) + "[来源：GB/T 90001—2026，3.2.2]\n\n"
                + entry("3.2", "人工智能系统", "artificial intelligence system", "运用人工智能技术处理输入的工程化系统")
                + "[来源：ISO/IEC 22989:2022，3.1.4，有修改]\n\n"
                + entry("3.3", "样例术语", "sample term", "某种样例概念") + "[来源：GB/T 99999—2030，3.1]\n\n",
                "训练数据、人工智能系统和样例术语。")
    assert rules(doc, base, "TRM-104") == []


def test_duplicate(base):
    doc = draft(entry("3.1", "样例概念", "sample concept", "甲") + entry("3.2", "樣例概念", "sample concept", "乙"),
                "样例概念。")
    assert [f.clause for f in rules(doc, base, "TRM-105")] == ["3.2"]


def test_same_definition(base):
    text = "在样例场景中记录设备甲每日开机次数的计数值"
    doc = draft(entry("3.1", "开机计数", "boot count", text) + entry("3.2", "启动次数", "start count", text),
                "开机计数与启动次数。")
    assert [f.clause for f in rules(doc, base, "TRM-106")] == ["3.2"]
    different = draft(entry("3.1", "开机计数", "boot count", text)
                      + entry("3.2", "关机计数", "shutdown count", "在样例场景中记录设备乙每周关机次数的统计值"),
                      "开机计数与关机计数。")
    assert rules(different, base, "TRM-106") == []


def test_undefined(base):
    body = ("系统应防御提示注入（prompt injection）攻击，并记录“样例专名”（sample proper name）。模型应当可靠，"
            "数据应当完整，应做到“零幻觉”，中央处理器（CPU）应满足要求。")
    doc = draft(entry("3.1", "样例概念", "sample concept", "某种样例概念"), "样例概念。" + body)
    # a base term glossed in English, and a quoted phrase glossed in English; not emphasis quotes or glosses
    assert {f.term for f in rules(doc, base, "TRM-107")} == {"提示注入", "样例专名"}


def test_undefined_not_raised_for_defined_or_cited_terms(base):
    body = "系统应防御提示注入（prompt injection）攻击。训练数据（training data）应留存。"
    doc = draft(entry("3.1", "提示注入", "prompt injection", "通过构造输入改变模型行为的攻击"),
                body + "术语见GB/T 90001—2026。")
    assert rules(doc, base, "TRM-107") == []


def test_unused(base):
    doc = draft(entry("3.1", "样例概念", "sample concept", "某种样例概念")
                + entry("3.2", "从未使用", "never used", "某种别的概念"), "样例概念应记录。")
    assert [f.term for f in rules(doc, base, "TRM-108")] == ["从未使用"]


def test_variants(base):
    doc = draft(entry("3.1", "样例管理系统", "sample management system", "某种样例系统")
                + entry("3.2", "AI组件", "AI component", "某种组件"),
                "样例管理体系应运行。樣例管理系統应运行。ＡＩ组件应记录。样例管理系统。")
    found = {f.text for f in rules(doc, base, "TRM-109")}
    assert found == {"样例管理体系", "樣例管理系統", "ＡＩ组件"}


def test_no_variant_for_consistent_spelling(base):
    doc = draft(entry("3.1", "样例管理系统", "sample management system", "某种样例系统"),
                "样例管理系统应运行。质量管理体系另行规定。")
    assert rules(doc, base, "TRM-109") == []
