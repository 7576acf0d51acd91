"""Cross-language retrieval on the toy corpus: the answer is in the other language than the query."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import FusionConfig, Glossary, RetrievalIndex
from tests.retrieval.retrieval_test_support import MemoEmbedder, open_toy_index

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


def test_language_evidence_lifts_the_other_language_when_its_match_is_close(local_index: RetrievalIndex) -> None:
    # The English best match is much closer than e5 usually puts English under a Chinese query.
    query = "高风险人工智能系统的训练数据应满足什么质量标准"
    with_evidence = [h.unit.id for h in local_index.search(query, k=5)]
    without = [h.unit.id for h in local_index.search(query, k=5, fusion=FusionConfig(language_evidence_weight=0))]
    assert with_evidence[0] == "eu-ai-act:Article 10"
    assert without.index("eu-ai-act:Article 10") > 0


def test_language_evidence_keeps_the_home_language_when_the_other_is_far(local_index: RetrievalIndex) -> None:
    # Nothing English is about EV charging: the Chinese units lead, the English ones keep only the quota.
    hits = local_index.search("电动汽车传导充电模式", k=5)
    languages = [h.unit.language for h in hits]
    assert languages[:4] == ["zh", "zh", "zh", "zh"]
    assert languages.count("en") == 1  # both languages stay in the top five, English with its one place
    two = local_index.search("电动汽车传导充电模式", k=5, fusion=FusionConfig(quota_min=2))
    assert [h.unit.language for h in two].count("en") == 2
    assert hits[0].unit.id == "gbt-18487-1:5.1"


def test_term_expansion_embeds_the_query_once_and_each_term_once(
    local_index: RetrievalIndex, embedder: MemoEmbedder
) -> None:
    # The default: the plain query serves its own language; the other language's vector is moved towards
    # the translations' vectors, which are embedded once per process and then reused.
    query = "高风险人工智能系统的鲁棒性"
    embedder.query_texts.clear()
    local_index.search(query, k=5)
    first = embedder.query_texts
    assert first[0] == [query]
    assert len(first) == 2 and "robustness" in " ".join(first[1])  # the glossary terms, in one batch
    embedder.query_texts = []
    local_index.search(query, k=5)
    assert embedder.query_texts == [[query]]  # terms already known: one model pass


def test_shared_expansion_embeds_one_text_per_query(local_index: RetrievalIndex, embedder: MemoEmbedder) -> None:
    # One model pass per query; the text carries the translations.
    embedder.query_texts.clear()
    local_index.search("高风险人工智能系统的鲁棒性", k=5, fusion=FusionConfig(dense_expansion="shared"))
    assert len(embedder.query_texts) == 1 and len(embedder.query_texts[0]) == 1
    assert "robustness" in embedder.query_texts[0][0]
    embedder.query_texts.clear()
    local_index.search("高风险人工智能系统的鲁棒性", k=5, fusion=FusionConfig(dense_expansion="other"))
    assert embedder.query_texts == [["高风险人工智能系统的鲁棒性", embedder.query_texts[0][1]]]
    assert "robustness" in embedder.query_texts[0][1]
    embedder.query_texts.clear()
    local_index.search("高风险人工智能系统的鲁棒性", k=5, fusion=FusionConfig(dense_expansion="none"))
    assert embedder.query_texts == [["高风险人工智能系统的鲁棒性"]]


def test_prepared_terms_are_stored_in_the_index_and_spare_the_first_search(
    tmp_path: Path, embedder: MemoEmbedder
) -> None:
    index = open_toy_index(tmp_path / "i", embedder)
    try:
        assert index.prepare_terms() > 0  # every glossary term, both languages
        assert (tmp_path / "i" / "term-vectors.npz").is_file()
        embedder.query_texts = []
        index.search("高风险人工智能系统的鲁棒性", k=5)
        assert embedder.query_texts == [["高风险人工智能系统的鲁棒性"]]  # the terms were ready
    finally:
        index.close()
    again = open_toy_index(tmp_path / "i", embedder, ingest=False)
    try:
        assert again.prepare_terms() == 0  # loaded from the index directory, nothing to embed
    finally:
        again.close()
