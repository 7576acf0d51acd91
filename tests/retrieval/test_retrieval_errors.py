from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import (
    EmptyIndexError,
    IndexMismatchError,
    RetrievalConfig,
    RetrievalIndex,
    VectorStoreConfig,
    VectorStoreUnavailableError,
)
from retrieval.language import has_cjk
from tests.retrieval.retrieval_test_support import MemoEmbedder, open_toy_index


def test_empty_index_raises_a_bilingual_error(empty_index: RetrievalIndex) -> None:
    with pytest.raises(EmptyIndexError) as err:
        empty_index.search("数据质量")
    message = str(err.value)
    assert has_cjk(message) and "empty" in message
    with pytest.raises(EmptyIndexError):
        empty_index.rankings("data quality")


def test_index_emptied_by_removal_raises(tmp_path: Path, embedder: MemoEmbedder) -> None:
    index = open_toy_index(tmp_path / "i", embedder)
    try:
        for doc in index.documents():
            index.remove_document(doc.doc_id)
        with pytest.raises(EmptyIndexError):
            index.search("数据")
    finally:
        index.close()


def test_missing_collection_raises_empty_index_not_a_chroma_traceback(
    tmp_path: Path, embedder: MemoEmbedder
) -> None:
    index = open_toy_index(tmp_path / "i", embedder)
    try:
        index._store.drop()
        with pytest.raises(EmptyIndexError) as err:
            index.search("数据质量")
        assert "re-ingest" in str(err.value)
    finally:
        index.close()


def test_reset_empties_everything(tmp_path: Path, embedder: MemoEmbedder) -> None:
    index = open_toy_index(tmp_path / "i", embedder)
    try:
        index.reset()
        assert index.documents() == []
        with pytest.raises(EmptyIndexError):
            index.search("数据")
    finally:
        index.close()


class _OtherEmbedder(MemoEmbedder):
    @property
    def fingerprint(self) -> str:
        return "some-other-model"


def test_other_embedder_on_existing_index_is_refused(tmp_path: Path, embedder: MemoEmbedder) -> None:
    open_toy_index(tmp_path / "i", embedder).close()
    with pytest.raises(IndexMismatchError):
        open_toy_index(tmp_path / "i", _OtherEmbedder(embedder.inner), ingest=False)


def test_unreachable_server_is_a_clear_error(tmp_path: Path, embedder: MemoEmbedder) -> None:
    config = RetrievalConfig(
        index_dir=tmp_path / "i", vector_store=VectorStoreConfig(url="http://127.0.0.1:9")
    )
    with pytest.raises(VectorStoreUnavailableError) as err:
        RetrievalIndex(config, embedder=embedder)
    assert "127.0.0.1:9" in str(err.value)
