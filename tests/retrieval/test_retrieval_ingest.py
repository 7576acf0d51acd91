from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from retrieval import IngestError, RetrievalIndex, SearchFilters
from retrieval.lexical import LanguageLexicon
from retrieval.protocols import FloatMatrix, VectorMeta
from tests.retrieval import retrieval_toy_corpus as toy
from tests.retrieval.retrieval_test_support import MemoEmbedder, open_toy_index


def _ingest(index: RetrievalIndex, doc_id: str, revision: str = "") -> str:
    units = toy.doc_units(doc_id, revision=revision)
    return index.add_document(doc_id, units, toy.content_hash(units)).status


def test_add_lists_documents(local_index: RetrievalIndex) -> None:
    docs = {d.doc_id: d for d in local_index.documents()}
    assert set(docs) == set(toy.DOC_IDS)
    gb = docs["gbt-41867"]
    assert gb.designation == "GB/T 41867—2022"
    assert gb.title == "信息技术　人工智能　术语"
    assert gb.unit_count == len(toy.doc_units("gbt-41867"))
    assert gb.language == "zh"
    assert docs["iso-iec-22989"].language == "en"
    assert gb.content_hash == toy.content_hash(toy.doc_units("gbt-41867"))
    assert local_index.unit_count() == sum(d.unit_count for d in docs.values())


def test_unchanged_hash_is_a_no_op(local_index: RetrievalIndex, embedder: MemoEmbedder) -> None:
    before = embedder.passage_calls
    units = toy.doc_units("gbt-41867")
    result = local_index.add_document("gbt-41867", units, toy.content_hash(units))
    assert result.status == "unchanged"
    assert embedder.passage_calls == before  # nothing embedded


def test_changed_document_replaces_its_units(local_index: RetrievalIndex) -> None:
    assert _ingest(local_index, "gbt-18487-1", revision="【修订标记Z9】") == "replaced"
    hits = local_index.search("修订标记Z9", k=20, filters=SearchFilters(doc_ids=["gbt-18487-1"]))
    assert hits and all("【修订标记Z9】" in h.unit.text for h in hits)
    assert local_index.document("gbt-18487-1").unit_count == 3  # type: ignore[union-attr]
    # the old texts are gone from every ranking
    for mode in ("hybrid", "bm25", "dense"):
        texts = [h.unit.text for h in local_index.search("充电模式", k=50, mode=mode)]  # type: ignore[arg-type]
        assert not any(t.endswith("模式4。") for t in texts), mode


def test_remove_document(local_index: RetrievalIndex) -> None:
    assert local_index.remove_document("eu-ai-act") is True
    assert local_index.remove_document("eu-ai-act") is False
    assert "eu-ai-act" not in {d.doc_id for d in local_index.documents()}
    for mode in ("hybrid", "bm25", "dense"):
        hits = local_index.search("high-risk AI systems cybersecurity", k=50, mode=mode)  # type: ignore[arg-type]
        assert all(h.unit.doc_id != "eu-ai-act" for h in hits), mode


class _FailingStore:
    """Wraps a real store and fails on the first add: a failure midway through a replacement."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.fail = False

    def add(
        self,
        partition: str,
        ids: Sequence[int],
        vectors: FloatMatrix,
        metas: Sequence[VectorMeta],
        pieces: Sequence[int] | None = None,
    ) -> None:
        if self.fail:
            raise RuntimeError("disk full")
        self.inner.add(partition, ids, vectors, metas, pieces)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def test_failed_replacement_leaves_old_version_searchable(tmp_path: Path, embedder: MemoEmbedder) -> None:
    from retrieval.stores import build_store

    first = open_toy_index(tmp_path / "i", embedder, ingest=False)
    store = _FailingStore(build_store(first.config.vector_store, index_dir=tmp_path / "i", index_id="x"))
    first.close()
    index = RetrievalIndex(first.config, embedder=embedder, store=store)  # type: ignore[arg-type]
    try:
        assert _ingest(index, "gbt-18487-1") == "added"
        old_hash = index.document("gbt-18487-1").content_hash  # type: ignore[union-attr]
        store.fail = True
        with pytest.raises(IngestError) as err:
            _ingest(index, "gbt-18487-1", revision="新版本")
        assert "disk full" in str(err.value)
        assert index.document("gbt-18487-1").content_hash == old_hash  # type: ignore[union-attr]
        hits = index.search("充电模式", k=5)
        assert hits and hits[0].unit.doc_id == "gbt-18487-1"
        assert all("新版本" not in h.unit.text for h in index.search("新版本", k=10))
        store.fail = False
        assert _ingest(index, "gbt-18487-1", revision="新版本") == "replaced"
    finally:
        index.close()


def test_reopen_loads_bm25_from_disk(
    tmp_path: Path, embedder: MemoEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = open_toy_index(tmp_path / "i", embedder)
    index.refresh()
    index.close()

    def no_rebuild(*args: object, **kwargs: object) -> LanguageLexicon:
        raise AssertionError("BM25 was rebuilt instead of loaded")

    monkeypatch.setattr(LanguageLexicon, "build", no_rebuild)
    reopened = open_toy_index(tmp_path / "i", embedder, ingest=False)
    try:
        assert reopened.search("训练数据", k=3, mode="bm25")[0].unit.doc_id == "gbt-41867"
        assert len(reopened.documents()) == len(toy.DOC_IDS)
    finally:
        reopened.close()


def test_units_must_belong_to_the_document(empty_index: RetrievalIndex) -> None:
    units = toy.doc_units("gbt-41867")
    with pytest.raises(ValueError, match="other doc_id"):
        empty_index.add_document("another", units, "h")
    with pytest.raises(ValueError, match="duplicate unit id"):
        empty_index.add_document("gbt-41867", [units[0], units[0]], "h")


def test_orphan_vectors_are_collected_at_open(tmp_path: Path, embedder: MemoEmbedder) -> None:
    index = open_toy_index(tmp_path / "i", embedder)
    # simulate a crash between the swap and the vector deletion: record orphans by hand
    rows = [(r, lang) for r, lang in [(10_000, "zh")]]
    with index._manifest._tx() as conn:
        conn.executemany("INSERT INTO orphans (row, language) VALUES (?, ?)", rows)
    index.close()
    reopened = open_toy_index(tmp_path / "i", embedder, ingest=False)
    try:
        assert reopened._manifest.orphans() == []
    finally:
        reopened.close()


def test_vectors_from_an_older_passage_text_are_re_embedded_at_the_next_ingest(
    tmp_path: Path, embedder: MemoEmbedder
) -> None:
    from retrieval.manifest import Manifest
    from retrieval.texts import passage_key, passage_text

    index = open_toy_index(tmp_path / "index", embedder)
    index.close()
    old = Manifest(tmp_path / "index" / "manifest.sqlite3")
    old.set_meta("passage", "0")  # as if embedded from an older passage_text
    old.close()
    index = open_toy_index(tmp_path / "index", embedder, ingest=False)
    try:
        units = toy.doc_units("gbt-41867")
        before = embedder.passage_calls
        result = index.add_document("gbt-41867", units, toy.content_hash(units))
        assert result.status == "replaced"  # same content, yet embedded again
        assert embedder.passage_calls > before
        assert units[0].designation in passage_text(units[0])  # what the new passages carry
        again = index.add_document("gbt-41867", units, toy.content_hash(units))
        assert again.status == "unchanged"  # once re-embedded, it is current
    finally:
        index.close()
    current = Manifest(tmp_path / "index" / "manifest.sqlite3")
    try:
        assert current.get_meta("passage") == passage_key(index.config.pieces)
    finally:
        current.close()
