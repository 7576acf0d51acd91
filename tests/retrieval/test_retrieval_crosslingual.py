"""Cross-language retrieval on the toy corpus: the answer is in the other language than the query."""

from __future__ import annotations

import pytest

from retrieval import FusionConfig, Glossary, RetrievalIndex

CASES = [
    ("高风险人工智能系统的网络安全和鲁棒性要求", "eu-ai-act:Article 15"),
    ("高风险人工智能系统的训练数据应满足什么质量标准", "eu-ai-act:Article 10"),
    ("electric vehicle conductive charging modes", "gbt-18487-1:5.1"),
    ("definition of data annotation", "gbt-41867:3.4"),
]


@pytest.mark.parametrize(("query", "answer"), CASES)
def test_other_language_answer_in_top_five(local_index: RetrievalIndex, query: str, answer: str) -> None:
    hits = local_index.search(query, k=5)
    assert answer in [h.unit.id for h in hits]


def test_each_language_keeps_a_share_of_the_top(local_index: RetrievalIndex) -> None:
    hits = local_index.search("人工智能系统的定义", k=5)
    languages = [h.unit.language for h in hits]
    assert languages.count("en") >= 2 and languages.count("zh") >= 2
    assert languages[0] == "zh"  # the query's own language leads


def test_glossary_drives_bm25_across_languages(local_index: RetrievalIndex) -> None:
    query = "高风险人工智能系统的网络安全和鲁棒性要求"
    with_glossary = local_index.search(query, k=5, mode="bm25")
    assert "eu-ai-act:Article 15" in [h.unit.id for h in with_glossary]
    saved = local_index.glossary
    local_index.glossary = Glossary()
    try:
        without = local_index.search(query, k=10, mode="bm25")
        assert all(h.unit.language == "zh" for h in without)
    finally:
        local_index.glossary = saved


def test_language_filter_skips_the_merge(local_index: RetrievalIndex) -> None:
    from retrieval import SearchFilters

    hits = local_index.search("robustness", k=5, filters=SearchFilters(language="zh"))
    assert hits and all(h.unit.language == "zh" for h in hits)


def test_score_merge_is_available_as_baseline(local_index: RetrievalIndex) -> None:
    hits = local_index.search("人工智能系统的定义", k=5, fusion=FusionConfig(cross_language="score"))
    assert len(hits) == 5
