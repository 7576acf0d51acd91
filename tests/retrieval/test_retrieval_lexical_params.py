"""A saved BM25 index is only reused with the BM25 parameters it was built with."""

from __future__ import annotations

from pathlib import Path

from retrieval import RetrievalConfig, RetrievalIndex
from retrieval.config import LexicalConfig
from tests.retrieval import retrieval_toy_corpus as toy
from tests.retrieval.retrieval_test_support import MemoEmbedder


def _bm25_scores(index_dir: Path, embedder: MemoEmbedder, k1: float) -> list[float]:
    config = RetrievalConfig(index_dir=index_dir, lexical=LexicalConfig(k1=k1))
    with RetrievalIndex(config, user_words=toy.USER_WORDS, glossary=toy.glossary(), embedder=embedder) as index:
        for doc_id in toy.DOC_IDS:
            units = toy.doc_units(doc_id)
            index.add_document(doc_id, units, toy.content_hash(units))
        return [h.score for h in index.search("robustness cybersecurity accuracy", k=3, mode="bm25")]


def test_changed_bm25_parameters_rebuild_the_saved_index(tmp_path: Path, embedder: MemoEmbedder) -> None:
    first = _bm25_scores(tmp_path / "index", embedder, k1=1.2)
    again = _bm25_scores(tmp_path / "index", embedder, k1=1.2)
    changed = _bm25_scores(tmp_path / "index", embedder, k1=0.3)
    assert first == again  # same parameters: the saved index is reused as it was
    assert first and changed and changed[0] != first[0]
    fresh = _bm25_scores(tmp_path / "other", embedder, k1=0.3)
    assert changed == fresh  # what a reopened index scores is what a new one would
