"""Search behaviour; every test here runs against embedded Chroma and a real ``chroma run`` server."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval import FusionConfig, Hit, RetrievalIndex, SearchFilters
from retrieval.protocols import VectorMeta


def _ids(hits: list[Hit]) -> list[str]:
    return [h.unit.id for h in hits]


def test_finds_the_obvious_unit_first(toy_index: RetrievalIndex) -> None:
    hits = toy_index.search("训练数据的定义", k=5)
    assert hits[0].unit.id == "gbt-41867:3.3"
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert hits[0].citation == "GB/T 41867—2022, 3.3"
    assert set(hits[0].sources) == {"bm25", "dense"}


def test_designation_query(toy_index: RetrievalIndex) -> None:
    hits = toy_index.search("GB/T 18487.1 电击防护", k=3)
    assert hits[0].unit.id == "gbt-18487-1:9.3"


def test_filter_by_document(toy_index: RetrievalIndex) -> None:
    hits = toy_index.search("数据质量", k=20, filters=SearchFilters(doc_ids=["iso-iec-22989"]))
    assert hits and {h.unit.doc_id for h in hits} == {"iso-iec-22989"}


def test_filter_by_kind(toy_index: RetrievalIndex) -> None:
    hits = toy_index.search("machine learning", k=20, filters=SearchFilters(kinds=["term"]))
    assert hits and {h.unit.kind for h in hits} == {"term"}
    assert {"gbt-41867:3.2", "iso-iec-22989:3.3.5"} <= set(_ids(hits))


def test_filter_by_language(toy_index: RetrievalIndex) -> None:
    hits = toy_index.search("人工智能系统", k=20, filters=SearchFilters(language="en"))
    assert hits and {h.unit.language for h in hits} == {"en"}


def test_filter_by_normative(toy_index: RetrievalIndex) -> None:
    informative = toy_index.search("数据标注质量指标", k=20, filters=SearchFilters(normative=False))
    assert informative and all(h.unit.normative is False for h in informative)
    assert informative[0].unit.id == "gbt-41867:A.1"
    normative = toy_index.search("数据标注质量指标", k=20, filters=SearchFilters(normative=True))
    assert normative and all(h.unit.normative is True for h in normative)


def test_filters_combine(toy_index: RetrievalIndex) -> None:
    flt = SearchFilters(doc_ids=["gbt-41867", "iso-iec-22989"], kinds=["annex"], normative=True)
    hits = toy_index.search("data quality", k=20, filters=flt)
    assert _ids(hits) == ["iso-iec-22989:A.1"]


def test_single_retriever_rankings(toy_index: RetrievalIndex) -> None:
    r = toy_index.rankings("训练数据", k=5)
    assert r.home_language == "zh"
    assert r.bm25 and all(set(h.sources) == {"bm25"} for h in r.bm25)
    assert r.dense and all(set(h.sources) == {"dense"} for h in r.dense)
    assert _ids(r.hybrid) == _ids(toy_index.search("训练数据", k=5))
    assert _ids(r.bm25) == _ids(toy_index.search("训练数据", k=5, mode="bm25"))


def test_never_returns_a_unit_that_is_not_in_the_index(toy_index: RetrievalIndex) -> None:
    # A vector with no unit behind it (as a crash between steps could leave) and a removed document.
    store = toy_index._store
    stray = toy_index.embedder.embed_passages(["电动汽车传导充电系统应支持充电模式2、充电模式3和充电模式4。"])
    store.add("zh", [987_654], np.asarray(stray), [VectorMeta(doc_id="ghost", kind="clause", normative=True)])
    toy_index.remove_document("gbt-18487-1")
    known = {d.doc_id for d in toy_index.documents()}
    for query in ("充电模式", "charging modes of electric vehicles", "人工智能"):
        r = toy_index.rankings(query, k=50)
        for hits in (r.hybrid, r.bm25, r.dense):
            assert all(h.unit.doc_id in known for h in hits)


def test_k_and_empty_query(toy_index: RetrievalIndex) -> None:
    assert len(toy_index.search("数据", k=2)) == 2
    assert toy_index.search("   ", k=5) == []
    assert toy_index.search("数据", k=0) == []


def test_unknown_words_still_rank_by_dense(toy_index: RetrievalIndex) -> None:
    hits = toy_index.search("zxqv", k=3)
    assert len(hits) == 3 and all("bm25" not in h.sources for h in hits)


@pytest.mark.parametrize("strategy", ["calibrated", "interleave", "score"])
def test_every_strategy_returns_valid_hits(toy_index: RetrievalIndex, strategy: str) -> None:
    fusion = FusionConfig(cross_language=strategy)  # type: ignore[arg-type]
    hits = toy_index.search("训练数据", k=8, fusion=fusion)
    assert len(hits) == 8 and len(set(_ids(hits))) == 8


@pytest.mark.parametrize(
    "filters",
    [
        SearchFilters(kinds=["term"]),
        SearchFilters(doc_ids=["gbt-41867"], normative=True),
        SearchFilters(kinds=["foreword", "annex"]),
    ],
)
def test_exact_post_filtered_and_chroma_where_agree(
    toy_index: RetrievalIndex, filters: SearchFilters
) -> None:
    paths = {
        "exact": FusionConfig(),  # few units pass: their vectors are fetched and scored here
        "post": FusionConfig(exact_max_units=0, postfilter_min_share=0.01),  # over-fetch, filter here
        "where": FusionConfig(exact_max_units=0, postfilter_min_share=1.0),  # filter in Chroma
    }
    for query in ("数据标注", "machine learning"):
        ranked = {
            name: _ids(toy_index.search(query, k=10, filters=filters, mode="dense", fusion=fusion))
            for name, fusion in paths.items()
        }
        assert ranked["exact"] and ranked["exact"] == ranked["post"] == ranked["where"], ranked
