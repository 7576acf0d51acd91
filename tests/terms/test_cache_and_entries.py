"""One reading of term entries for the base and the draft checks; the vector cache file read in one place."""

from __future__ import annotations

import numpy as np

from assistant.terms.draft import draft_terms
from assistant.terms.entries import from_document
from assistant.terms.vectors import VectorCache, text_hash
from tests.terms.conftest import draft, entry, hash_embedder


def test_draft_and_base_read_an_entry_alike():
    doc = draft(entry("3.1", "样例系统", "sample system", "〈样例〉由样例部件（3.2）组成的系统", extra="SS；样例体系")
                + entry("3.2", "样例部件", "sample part", "组成样例系统的部件"), "样例系统由样例部件组成。")
    mine, theirs = draft_terms(doc)[0], next(from_document(doc))
    assert mine.names_zh == ["样例系统", "样例体系"] and mine.names_en == ["sample system", "SS"]
    assert theirs.admitted_zh == mine.names_zh[1:] and theirs.admitted_en == mine.names_en[1:]
    assert mine.definition == theirs.definition == "由样例部件组成的系统"  # no domain label, no cross-reference
    assert mine.domain == theirs.domain == "样例"
    assert theirs.synonyms_zh == ["样例体系"]


def test_cache_keeps_rows_another_writer_stored(tmp_path):
    model = "merge-test"
    first, second = VectorCache(tmp_path, model, hash_embedder), VectorCache(tmp_path, model, hash_embedder)
    first._load(), second._load()  # both opened before either wrote
    first.get(["合并测试甲乙丙"])
    second.get(["合并测试丁戊己"])
    reread = VectorCache(tmp_path, model, hash_embedder)
    reread._load()
    assert {text_hash(model, t) for t in ("合并测试甲乙丙", "合并测试丁戊己")} <= set(reread._index)


def test_damaged_cache_is_rebuilt_not_fatal(tmp_path):
    path = tmp_path / "vectors-damaged-test.npz"
    path.write_bytes(b"not an npz file")
    cache = VectorCache(tmp_path, "damaged-test", hash_embedder)
    rows = cache.get(["损坏缓存测试文本"])
    assert rows.shape == (1, 384) and np.allclose(rows[0], hash_embedder(["损坏缓存测试文本"])[0])
    reread = VectorCache(tmp_path, "damaged-test", hash_embedder)
    reread._load()
    assert text_hash("damaged-test", "损坏缓存测试文本") in reread._index
